"""make bench: deckgen against what users would otherwise run, measured in the same run.

Every command runs a copy of deckgen's code taken when the bench starts, so that edits made
meanwhile change nothing, and is started by launcher.py (measure.py), so that its peak memory
is its own. Two workloads of 100 departments each (workloads.py): this repo's example
departments copied to 100, and 100 synthetic ones. For each, deckgen builds the decks once,
untimed; what they say is read back slide by slide into JSON (deck_json.py). Then,
interleaved and three times over, are measured:

- deckgen build --all --force (worker processes, as many as cores: the default), and right
  after it the rebuild with nothing changed;
- a plain python-pptx script writing the same slides from that JSON onto the same template,
  in as many processes as deckgen uses and in one process (plain_pptx.py);
- pandoc building the same decks from Markdown made from the JSON, as many at a time as
  deckgen's workers (deck_markdown.py), if pandoc is installed.

Then, five times over: `deckgen --help`, `deckgen build sales --force` in the example project
(a fresh process) and the refusal of a YAML alias bomb; and how long after a save
`deckgen serve` shows the change (serve_latency.py). Medians are reported: wall time, CPU
time (user + system, all processes) per deck, peak memory, the ratios and the targets
(report.py). With --write the report also goes to docs/benchmarks.md, with the first entries
of a cProfile of `deckgen build sales --force`.
"""

from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import deck_json
import deck_markdown
import measure
import report
import serve_latency
import workloads

REPO = Path(__file__).resolve().parent.parent
DECKGEN = [sys.executable, "-m", "deckgen"]
PLAIN = [sys.executable, str(REPO / "bench" / "plain_pptx.py")]
ROUNDS = 3
SINGLE_ROUNDS = 5
SERVE_ROUNDS = 5
PROFILE_ENTRIES = 15
WRAPPER_SHARE = 0.95  # profile entries with this share of the whole run are left out
BOMB_LIMIT = 60  # seconds: an alias bomb that is not refused is killed after this


def snapshot(folder: Path) -> tuple[Path, str]:
    """Copy deckgen's code and built-in themes from the working tree to ``folder`` (compiled),
    so that edits made while the bench runs change neither the measured code nor, through
    deckgen's stamp of its own code, what the rebuild finds up to date. Return the folder to
    put on PYTHONPATH and a description of what was copied."""
    package = folder / "deckgen"
    skip = shutil.ignore_patterns("__pycache__", "build_themes.py")
    shutil.copytree(REPO / "deckgen", package, ignore=skip)
    shutil.copytree(REPO / "themes", package / "builtin_themes", ignore=skip)
    compileall.compile_dir(folder, quiet=1)
    return folder, describe_code()


def describe_code() -> str:
    """The commit of the working tree, and whether deckgen/ or themes/ differ from it."""
    git = ["git", "-C", str(REPO)]
    try:
        commit = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            [*git, "status", "--porcelain", "--", "deckgen", "themes"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "the working tree (not a git checkout)"
    return f"commit {commit}" + (" with uncommitted changes to deckgen/ or themes/" if changed else "")  # fmt: skip


def prepare(
    folder: Path, name: str, make: Callable[[Path], Path], jobs: int, template: Path
) -> tuple[report.Workload, dict[str, measure.Command]]:
    """Write a workload's project, build and read its decks (untimed); return the workload
    and the commands to measure, named "<workload>: <tool>"."""
    project = make(folder / "project")
    reference = folder / "reference"
    build_all = [*DECKGEN, "--project", str(project), "build", "--all", "-q",
                 "--allow-outside-output", "--out"]  # fmt: skip
    subprocess.run([*build_all, str(reference), "--force"], check=True, stdout=subprocess.DEVNULL)
    decks = deck_json.extract_all(reference, folder / "json")
    workload = report.Workload(name, decks, folder)
    plain = [*PLAIN, str(folder / "json")]
    options = ["--template", str(template), "--jobs"]
    commands = {
        "deckgen": [*build_all, str(folder / "deckgen"), "--force"],
        "rebuild": [*build_all, str(folder / "deckgen")],
        f"plain-{jobs}": [*plain, str(folder / "plain"), *options, str(jobs)],
        "plain-1": [*plain, str(folder / "plain-1"), *options, "1"],
    }
    pandoc = shutil.which("pandoc")
    if pandoc:
        commands["pandoc"] = pandoc_command(pandoc, decks, folder / "pandoc", jobs)
    return workload, {f"{name}: {tool}": measure.Command(args) for tool, args in commands.items()}


def pandoc_command(pandoc: str, decks: list[dict[str, object]], out: Path, jobs: int) -> list[str]:
    """Write each deck as Markdown to ``out``; the command that has pandoc build them all,
    ``jobs`` at a time (x.md -> x.md.pptx)."""
    out.mkdir()
    paths = []
    for deck in decks:
        path = out / f"{deck['name']}.md"
        path.write_text(deck_markdown.deck_markdown(deck), encoding="utf-8")
        paths.append(str(path))
    listing = out / "decks.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    return ["xargs", "-a", str(listing), "-P", str(jobs), "-I{}",
            pandoc, "--slide-level=1", "-o", "{}.pptx", "{}"]  # fmt: skip


def check_outputs(workload: report.Workload) -> list[str]:
    """Compare what the baselines wrote (last run) with deckgen's decks; one line per problem."""
    problems = []
    expected = {deck["name"]: deck_json.fingerprint(deck) for deck in workload.decks}
    for folder in sorted(workload.folder.glob("plain*")):
        scratch = Path(tempfile.mkdtemp(dir=workload.folder))
        written = {d["name"]: d for d in deck_json.extract_all(folder, scratch)}
        for name, slides in expected.items():
            if name not in written or deck_json.fingerprint(written[name]) != slides:
                problems.append(f"{folder.name}/{name}.pptx: not the same slides as deckgen's")
    pandoc = workload.folder / "pandoc"
    for deck in workload.decks if pandoc.exists() else []:
        count = deck_json.slide_count(pandoc / f"{deck['name']}.md.pptx")
        if count != len(deck["slides"]):
            problems.append(f"pandoc/{deck['name']}: {count} slides, not {len(deck['slides'])}")
    return problems


def single_commands(folder: Path) -> dict[str, measure.Command]:
    """The one-process commands: interpreter start, --help, one cold deck, the alias bomb
    (any exit status is taken: the report says whether it was refused)."""
    project = workloads.example_project(folder / "examples")
    bombed = workloads.example_project(folder / "bomb")
    slug = workloads.alias_bomb(bombed)
    return {
        "python": measure.Command([sys.executable, "-c", "pass"]),
        "help": measure.Command([*DECKGEN, "--help"]),
        "sales": measure.Command(
            [*DECKGEN, "--project", str(project), "build", "sales", "--force"]
        ),
        "bomb": measure.Command(
            [*DECKGEN, "--project", str(bombed), "build", slug], expect=None, limit=BOMB_LIMIT
        ),
    }


def profile(folder: Path) -> list[str]:
    """The first entries of a cProfile of `deckgen build sales --force` by cumulative time,
    after those that take (almost) the whole run: runpy, click, the command itself."""
    command = [sys.executable, "-m", "cProfile", "-s", "cumtime", "-m", "deckgen"]
    command += ["--project", str(folder / "examples"), "build", "sales", "--force"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    lines = output.splitlines()
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    entries = [line.rstrip() for line in lines[start + 1 :] if line.strip()]
    total = cumulative(entries[0])
    inner = [line for line in entries if cumulative(line) < WRAPPER_SHARE * total]
    return [lines[start].rstrip(), *inner[:PROFILE_ENTRIES]]


def cumulative(entry: str) -> float:
    """The cumulative seconds of one line of cProfile's table."""
    return float(entry.split()[3])


def main() -> None:
    """Measure everything, print the report; with --write also write docs/benchmarks.md."""
    jobs = os.cpu_count() or 1  # deckgen's default number of worker processes
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as tmp:
        base = Path(tmp)
        code, code_description = snapshot(base / "code")
        os.environ["PYTHONPATH"] = str(code)  # every command below runs the copy
        template = code / "deckgen" / "builtin_themes" / "modern" / "template.pptx"
        prepared = [
            prepare(base / name, name, make, jobs, template)
            for name, make in (("examples", workloads.examples), ("synthetic", workloads.synthetic))
        ]
        commands = {name: c for _, batch in prepared for name, c in batch.items()}
        with measure.Launcher() as launcher:
            runs = measure.interleaved(launcher, commands, ROUNDS)
            single = measure.interleaved(launcher, single_commands(base / "single"), SINGLE_ROUNDS)
        checks = {workload.name: check_outputs(workload) for workload, _ in prepared}
        profiled = profile(base / "single")
        serve = serve_latency.measure(base / "serve", SERVE_ROUNDS, DECKGEN)
    results = report.Results(
        workloads=[workload for workload, _ in prepared],
        runs=runs,
        single=single,
        checks=checks,
        code=code_description,
        jobs=jobs,
        rounds=(ROUNDS, SINGLE_ROUNDS),
        load=(load_before, os.getloadavg()),
        profile=profiled,
        serve=serve,
    )
    text = report.markdown(results)
    print(text)
    if "--write" in sys.argv:
        (REPO / "docs" / "benchmarks.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
