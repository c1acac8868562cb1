"""The report of make bench, as Markdown: printed, and with --write in docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from measure import Measurement, median

DESCRIPTIONS = {
    "examples": "The 7 example departments of `content/departments/` copied under new slugs "
    "(sales-01, sales-02, ...) to {decks}, with the repo's `deckgen.yaml` and `content/shared.yaml`: "
    "cards, concerns with an overview, key figures, charts, a native process, quotes, tables, "
    "the ask, notes on every slide (a 30-minute talk each). The copies share "
    "their texts, so per-process caches of text measurements hit more often than they would for "
    "{decks} different departments.",
    "synthetic": "{decks} generated departments of short texts (about 20 slides each: sections, "
    "bullets, concerns, key figures, one chart, tables, notes).",
}


@dataclass(frozen=True)
class Workload:
    """One set of departments: its name, its decks as read back (deck_json), its folder."""

    name: str
    decks: list[dict[str, Any]]
    folder: Path

    @property
    def slides(self) -> int:
        """All slides of all its decks."""
        return sum(len(deck["slides"]) for deck in self.decks)


@dataclass(frozen=True)
class Results:
    """Everything measured: every run by command name ("<workload>: <tool>" in ``runs``;
    python, help, sales, bomb in ``single``), output checks, the setting of the run."""

    workloads: list[Workload]
    runs: dict[str, list[Measurement]]
    single: dict[str, list[Measurement]]
    checks: dict[str, list[str]]
    code: str
    jobs: int
    rounds: tuple[int, int]
    load: tuple[tuple[float, float, float], tuple[float, float, float]]
    profile: list[str]
    serve: dict[str, list[dict[str, float]]] | None = None  # serve_latency.measure

    def serve_median(self, save: str, step: str) -> float | None:
        """The median seconds from a save to a step of deckgen serve's update."""
        runs = sorted(r[step] for r in (self.serve or {}).get(save, []) if step in r)
        return runs[len(runs) // 2] if runs else None

    def median(self, name: str) -> Measurement | None:
        """The medians of a command's runs; None if it was not run."""
        runs = self.runs.get(name) or self.single.get(name)
        return median(runs) if runs else None


@dataclass(frozen=True)
class Target:
    """One target: what it asks, what was measured, whether it held."""

    what: str
    measured: str
    held: bool


def seconds(value: float) -> str:
    """Seconds with two decimals."""
    return f"{value:.2f} s"


def ms(value: float) -> str:
    """Seconds as whole milliseconds."""
    return f"{1000 * value:.0f} ms"


def walls(runs: list[Measurement]) -> str:
    """The wall time of each run, in order."""
    return " / ".join(f"{m.wall:.2f}" for m in runs)


def tools(results: Results) -> list[tuple[str, str]]:
    """The measured tools of a workload in the order of the tables: (key, label)."""
    jobs = results.jobs
    rows = [
        ("deckgen", f"deckgen build --all --force ({jobs} workers, the default)"),
        ("rebuild", "deckgen build --all right after it, nothing changed"),
        (f"plain-{jobs}", f"plain python-pptx script, {jobs} processes"),
        ("plain-1", "plain python-pptx script, 1 process"),
        ("pandoc", f"pandoc, {jobs} processes"),
    ]
    return list(dict(rows).items())


def ratio(results: Results, workload: str, tool: str, field: str) -> float | None:
    """deckgen's median ``field`` (wall or cpu) over ``tool``'s, in one workload; None if the
    tool was not run."""
    deckgen = results.median(f"{workload}: deckgen")
    other = results.median(f"{workload}: {tool}")
    if deckgen is None or other is None:
        return None
    return float(getattr(deckgen, field) / getattr(other, field))


def header(results: Results) -> list[str]:
    """Title, machine, date and how the numbers were taken."""
    before, after = results.load
    return [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {platform.platform()} ({platform.machine()}, "
        f"{os.cpu_count()} cores), Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}; deckgen of {results.code}. Load average (1 min) "
        f"before: {before[0]:.2f}, after: {after[0]:.2f}.",
        "",
        "How it is measured (`bench/bench.py`):",
        "",
        "- deckgen's code and built-in themes are copied from the working tree when the bench "
        "starts, and every command runs that copy: edits made meanwhile do not change what is "
        "measured.",
        "- For each workload deckgen first builds the decks, untimed; `bench/deck_json.py` reads "
        "them back, slide by slide: layout, placeholder paragraphs (text and level), tables, "
        "charts, pictures, text shapes, notes.",
        "- The plain python-pptx script (`bench/plain_pptx.py`) writes the same slides from that "
        "JSON: it opens the modern theme's `template.pptx` for each deck, adds each slide on the "
        "layout of the same name, fills the placeholders by idx, draws tables, charts, pictures "
        "and text shapes in the same boxes, writes the notes and saves. It measures and fits "
        "nothing and writes no formatting beyond the template's (no bold runs, no font sizes, "
        "no sections or document properties, no reproducible zip).",
        "- pandoc builds the same decks from Markdown made from that JSON "
        "(`bench/deck_markdown.py`, one `#` heading per slide, `--slide-level=1`) with its own "
        "reference deck (it cannot use the theme's template: the layout names differ); charts "
        "become tables of their data.",
        f"- Each command is a fresh process; all of them run one after the other, "
        f"{results.rounds[0]} times over (deckgen, rebuild, plain, plain in one process, pandoc, "
        "then the next workload, then again). The tables give the median of each figure and "
        "the wall time of each run. CPU time is user + system time of the process and all its "
        "children (os.wait4); peak memory is that of the largest process. On a shared or busy "
        "machine wall times scatter: CPU time per deck is the steadier figure.",
        "",
    ]


def workload_section(results: Results, workload: Workload) -> list[str]:
    """The table, ratios and output checks of one workload."""
    decks = len(workload.decks)
    lines = [
        f"## {workload.name.capitalize()}: {decks} decks, {workload.slides} slides "
        f"({workload.slides / decks:.1f} per deck)",
        "",
        DESCRIPTIONS[workload.name].format(decks=decks),
        "",
        "| what | wall time | wall per deck | CPU per deck | peak memory | wall of each run (s) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, label in tools(results):
        name = f"{workload.name}: {key}"
        m = results.median(name)
        if m is not None:
            lines.append(
                f"| {label} | {seconds(m.wall)} | {ms(m.wall / decks)} | {ms(m.cpu / decks)} "
                f"| {m.memory:.0f} MB | {walls(results.runs[name])} |"
            )
    lines += ["", "deckgen divided by the others, same run:", ""]
    for key, label in tools(results)[2:]:
        cpu, wall = (ratio(results, workload.name, key, f) for f in ("cpu", "wall"))
        if cpu is not None and wall is not None:
            lines.append(f"- / {label}: CPU per deck {cpu:.2f}, wall {wall:.2f}")
    if f"{workload.name}: pandoc" not in results.runs:
        lines.append("- / pandoc: pandoc is not installed, not measured")
    lines += ["", *checks(results.checks[workload.name]), ""]
    return lines


def checks(problems: list[str]) -> list[str]:
    """What the comparison of the baselines' decks with deckgen's found."""
    if not problems:
        return [
            "Checked after the runs: every deck of the plain script has deckgen's layouts, "
            "texts, tables, charts and notes, slide by slide; every pandoc deck has as many "
            "slides as deckgen's."
        ]
    shown = [f"- {problem}" for problem in problems[:10]]
    more = [f"- ... and {len(problems) - 10} more"] if len(problems) > 10 else []
    return ["The baselines' decks differ from deckgen's:", "", *shown, *more]


def single_section(results: Results) -> list[str]:
    """One-process commands: interpreter start, --help, one cold deck, the alias bomb."""
    rows = [
        ("python", "`python -c pass` (the interpreter alone, for reference)"),
        ("help", "`deckgen --help`"),
        ("sales", "`deckgen build sales --force` in the example project, a fresh process"),
        ("bomb", "`deckgen build` of a YAML alias bomb"),
    ]
    lines = [
        f"## One process (median of {results.rounds[1]}, interleaved)",
        "",
        "| what | wall time | CPU time | peak memory | exit status | wall of each run (s) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, label in rows:
        m = median(results.single[key])
        lines.append(
            f"| {label} | {seconds(m.wall)} | {seconds(m.cpu)} | {m.memory:.0f} MB "
            f"| {m.status} | {walls(results.single[key])} |"
        )
    return [*lines, ""]


def serve_section(results: Results) -> list[str]:
    """deckgen serve: from a save to the updated page."""
    if not results.serve:
        return []
    lines = [
        f"## deckgen serve: from a save to the updated page (median of {results.rounds[1]})",
        "",
        "The example project served, the department sales open; a save, then the server's "
        "event that the page now shows the new texts, and the one that it shows the new slide "
        "pictures (LibreOffice kept running; only the slides that look different are rendered).",
        "",
        "| save | texts | slide pictures | pictures of each run (s) |",
        "|---|---:|---:|---:|",
    ]
    labels = {
        "one concern": "one concern's answer in sales.yaml (one slide)",
        "deckgen.yaml": "the footer's organisation name in deckgen.yaml (every slide)",
    }
    for save, runs in results.serve.items():
        texts = results.serve_median(save, "texts")
        images = results.serve_median(save, "images")
        each = ", ".join(f"{r['images']:.2f}" if "images" in r else "-" for r in runs)
        lines.append(
            f"| {labels.get(save, save)} | {seconds(texts) if texts is not None else '-'} "
            f"| {seconds(images) if images is not None else '-'} | {each} |"
        )
    return [*lines, ""]


def targets(results: Results) -> list[Target]:
    """The targets, each with what was measured and whether it held."""
    cpu = ratio(results, "examples", f"plain-{results.jobs}", "cpu") or float("inf")
    rebuild = median(results.runs["examples: rebuild"]).wall
    sales, help_, bomb = (median(results.single[k]) for k in ("sales", "help", "bomb"))
    return [
        Target(
            "example departments: CPU per deck at most the plain script's (ratio <= 1.0)",
            f"{cpu:.2f}",
            cpu <= 1.0,
        ),
        Target("`deckgen build sales` cold under 0.8 s", seconds(sales.wall), sales.wall < 0.8),
        Target("`deckgen --help` under 0.15 s", seconds(help_.wall), help_.wall < 0.15),
        Target(
            "rebuild with nothing changed (the 100 example departments) under 0.5 s",
            seconds(rebuild),
            rebuild < 0.5,
        ),
        Target(
            "alias bomb refused (exit 1) under 1 s",
            f"{seconds(bomb.wall)}, exit {bomb.status}",
            bomb.status == 1 and bomb.wall < 1.0,
        ),
        *serve_targets(results),
    ]


def serve_targets(results: Results) -> list[Target]:
    """deckgen serve: a saved change on the page in about 2 s (one department, 2 cores)."""
    found = []
    for save in ("one concern", "deckgen.yaml"):
        images = results.serve_median(save, "images")
        if images is not None:
            what = f"`deckgen serve`: save ({save}) to updated slide pictures in about 2 s"
            found.append(Target(what, seconds(images), images <= 2.5))
    return found


def targets_section(results: Results) -> list[str]:
    """The targets as a table (medians)."""
    lines = ["## Targets", "", "| target | measured | held? |", "|---|---|---|"]
    for target in targets(results):
        held = "held" if target.held else "missed"
        lines.append(f"| {target.what} | {target.measured} | {held} |")
    return [*lines, ""]


def profile_section(results: Results) -> list[str]:
    """The placeholder for a reading of the profile, and the profile's first entries."""
    return [
        "## What dominates the profile",
        "",
        "To be written by hand: what takes the time of one deck, read from "
        "`python -m cProfile -s cumtime -m deckgen build sales --force` in the example project "
        "(make bench rewrites this file: keep the reading short and redo it with each run that "
        "matters). The first entries of this run's profile by cumulative time, after the "
        "wrappers that take the whole run (runpy, click); note that the profiler makes imports "
        "look dearer than they are:",
        "",
        "```",
        *results.profile,
        "```",
        "",
    ]


def markdown(results: Results) -> str:
    """The whole report."""
    lines = header(results)
    for workload in results.workloads:
        lines += workload_section(results, workload)
    lines += single_section(results) + serve_section(results)
    lines += targets_section(results) + profile_section(results)
    return "\n".join(lines).rstrip() + "\n"
