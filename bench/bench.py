"""make bench: deckgen against what users would otherwise run, measured in the same run.

Generates a project of 100 departments (about 20 slides each: title, agenda, sections,
bullets, concerns, key figures, one chart, tables, notes on every slide) and measures:

- deckgen build --all (worker processes, the default) and the rebuild with nothing changed;
- a plain python-pptx script in one process that re-opens the template for each deck;
- pandoc building the same 100 decks from Markdown, two processes at a time (if installed);
- deckgen --help.

Prints wall time, time per deck and peak memory of each, and the ratios; with --write, also
writes docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DECKGEN = [sys.executable, "-m", "deckgen"]
DEPARTMENTS = 100


def make_project(root: Path) -> list[dict[str, object]]:
    """Write the synthetic project; return its departments as plain data for the baselines."""
    (root / "content" / "departments").mkdir(parents=True)
    (root / "deckgen.yaml").write_text(
        "organisation: {name: Stadtwerke Benchhausen GmbH, short_name: Stadtwerke Benchhausen}\n"
        "title: Gemeinsam auf Social Media\ndate: 2026-11-26\noutline:\n"
        "  - title\n  - agenda\n  - {section: why, header: true}\n  - benefits\n"
        "  - concerns\n  - examples\n  - metrics\n  - {section: collaboration, header: true}\n"
        "  - next_steps\n  - contact\n",
        encoding="utf-8",
    )
    (root / "content" / "shared.yaml").write_text(
        "sections:\n"
        "  why:\n    title: Warum wir auf Social Media gehen\n    notes: Rahmen setzen.\n"
        "    slides:\n"
        "      - {kind: bullets, title: Unsere Ziele, notes: Ziele erklären.,\n"
        "         points: [Schneller informieren, Kundschaft halten, Fachkräfte gewinnen]}\n"
        "      - kind: key_figures\n        title: Wo sich Benchhausen informiert\n"
        "        notes: Eigene Befragung.\n        figures: [{value: 78 %, label: nutzen Netzwerke},"
        " {value: 3 von 4, label: erwarten schnelle Infos}]\n"
        "  collaboration:\n    title: So arbeiten wir zusammen\n    notes: Regeln für alle.\n"
        "    slides:\n"
        "      - {kind: table, title: Wer macht was, notes: Niemand muss posten.,\n"
        "         columns: [Rolle, Aufgabe], rows: [[Redaktion, schreibt], [Fachbereich, liefert]]}\n"
        "      - {kind: bullets, title: Wie schnell wir antworten, notes: Zusagen.,\n"
        "         points: [Werktags in 4 Stunden, Störungen sofort]}\n"
        "contact: {name: Jana Albrecht, email: social@example.org, notes: Fragen sammeln.}\n",
        encoding="utf-8",
    )
    data = []
    for n in range(1, DEPARTMENTS + 1):
        department = {
            "name": f"Abteilung {n}",
            "audience": f"Team {n}",
            "notes": "Begrüßung.",
            "benefits": [
                {"title": f"Nutzen {i} für Abteilung {n}", "text": "Ein Satz dazu.",
                 "figure": {"value": f"+{10 * i} %", "label": "mehr Anfragen"}, "notes": "Dazu."}
                for i in range(1, 5)
            ],
            "concerns": [
                {"concern": f"Bedenken {i}?", "answer": "Unsere Antwort, konkret.", "notes": "Ernst nehmen."}
                for i in range(1, 5)
            ],
            "examples": [{"title": "Ein Beispiel", "did": ["Dies"], "results": ["Das"], "notes": "Quelle."}],
            "metrics": {
                "figures": [{"value": "500", "label": "Follower"}, {"value": "4 h", "label": "Antwortzeit"}],
                "notes": "Ziele.",
                "charts": [{"title": "Anfragen", "categories": ["Q1", "Q2", "Q3", "Q4"],
                            "series": [{"name": "Anfragen", "values": [n, n + 5, n + 9, n + 14]}],
                            "notes": "Langsam am Anfang."}],
            },
            "next_steps": [{"step": f"Schritt {i}", "who": "Team", "when": "Januar", "notes": "Zusage."}
                           for i in range(1, 4)],
        }  # fmt: skip
        (root / "content" / "departments" / f"d{n:03}.yaml").write_text(
            json.dumps(department, ensure_ascii=False), encoding="utf-8"
        )
        data.append(department)
    return data


def run(command: list[str], **kwargs: object) -> tuple[float, int]:
    """Wall seconds and peak memory (MB, the largest process) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, **kwargs)  # type: ignore[call-overload]
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss // 1024


def pandoc_markdown(department: dict[str, object]) -> str:
    """The same deck's text as pandoc Markdown: about 20 slides with notes."""
    d = department
    parts = [f"---\ntitle: Gemeinsam auf Social Media\nsubtitle: {d['name']}\n---\n"]

    def slide(title: str, body: str, notes: str) -> None:
        parts.append(f"## {title}\n\n{body}\n\n::: notes\n{notes}\n:::\n")

    slide("Agenda", "1. Warum\n2. Nutzen\n3. Bedenken", "Überblick.")
    parts.append("# Warum wir auf Social Media gehen\n")
    slide("Unsere Ziele", "- Schneller informieren\n- Kundschaft halten", "Ziele.")
    slide("Wo sich Benchhausen informiert", "- 78 % nutzen Netzwerke", "Befragung.")
    benefits = d["benefits"]  # type: ignore[index]
    slide(
        "Ihr Nutzen", "\n".join(f"- **{b['title']}**\n  - {b['text']}" for b in benefits), "Dazu."
    )
    slide(
        "Ihr Nutzen in Zahlen", "\n".join(f"- {b['figure']['value']}" for b in benefits), "Zahlen."
    )
    for c in d["concerns"]:  # type: ignore[attr-defined]
        slide("Ihre Bedenken", f"*{c['concern']}*\n\n{c['answer']}", c["notes"])
    slide(
        "Ein Beispiel",
        ":::::: columns\n::: column\n- Dies\n:::\n::: column\n- Das\n:::\n::::::",
        "Quelle.",
    )
    slide("Woran wir Erfolg messen", "- 500 Follower\n- 4 h Antwortzeit", "Ziele.")
    slide("Anfragen", "| Q1 | Q2 | Q3 | Q4 |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |", "Langsam.")
    parts.append("# So arbeiten wir zusammen\n")
    slide("Wer macht was", "| Rolle | Aufgabe |\n|---|---|\n| Redaktion | schreibt |", "Regeln.")
    slide("Wie schnell wir antworten", "- Werktags in 4 Stunden", "Zusagen.")
    slide(
        "Nächste Schritte",
        "| Schritt | Wer | Wann |\n|---|---|---|\n| 1 | Team | Januar |",
        "Zusage.",
    )
    slide("Fragen?", "Jana Albrecht", "Fragen sammeln.")
    return "\n".join(parts)


def main() -> None:
    write = "--write" in sys.argv
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as folder:
        root = Path(folder) / "project"
        data = make_project(root)
        (Path(folder) / "data.json").write_text(json.dumps(data), encoding="utf-8")
        results: dict[str, tuple[float, int]] = {}
        out = Path(folder) / "deckgen"
        results["deckgen build --all"] = run(
            [*DECKGEN, "--project", str(root), "build", "--all", "-q", "--out", str(out)]
        )
        results["deckgen rebuild, nothing changed"] = run(
            [*DECKGEN, "--project", str(root), "build", "--all", "-q", "--out", str(out)]
        )
        results["plain python-pptx script"] = run(
            [sys.executable, str(REPO / "bench" / "plain_pptx.py"), str(Path(folder) / "data.json"),
             str(Path(folder) / "plain")]
        )  # fmt: skip
        pandoc = shutil.which("pandoc")
        if pandoc:
            markdown = Path(folder) / "md"
            markdown.mkdir()
            for n, department in enumerate(data, start=1):
                (markdown / f"d{n:03}.md").write_text(pandoc_markdown(department), "utf-8")
            script = (
                f"cd {markdown} && ls *.md | xargs -P 2 -I{{}} sh -c "
                f"'{pandoc} -o \"$(basename {{}} .md).pptx\" {{}}'"
            )
            results["pandoc, 2 processes"] = run(["sh", "-c", script])
        helps = sorted(run([*DECKGEN, "--help"])[0] for _ in range(5))
        results["deckgen --help (median of 5)"] = (helps[2], run([*DECKGEN, "--help"])[1])
        decks = len(list(out.glob("*.pptx")))
        slides = json.loads((out / ".deckgen-state.json").read_text())
        total_slides = sum(entry["slides"] for entry in slides.values())
    lines = report(results, decks, total_slides, pandoc is not None)
    print("\n".join(lines))
    if write:
        (REPO / "docs" / "benchmarks.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(
    results: dict[str, tuple[float, int]], decks: int, slides: int, pandoc: bool
) -> list[str]:
    cores = os.cpu_count()
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {platform.machine()}, {cores} cores, Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}: {decks} departments, "
        f"{slides} slides in all ({slides / max(decks, 1):.1f} per deck).",
        "",
        "| what | wall time | per deck | peak memory |",
        "|---|---:|---:|---:|",
    ]
    for name, (seconds, memory) in results.items():
        per_deck = "" if "help" in name else f"{1000 * seconds / DEPARTMENTS:.0f} ms"
        lines.append(f"| {name} | {seconds:.2f} s | {per_deck} | {memory} MB |")
    deckgen = results["deckgen build --all"][0]
    lines += ["", "Ratios from the same run:", ""]
    lines.append(
        f"- deckgen / plain python-pptx script: {deckgen / results['plain python-pptx script'][0]:.2f}"
    )
    if pandoc:
        lines.append(
            f"- deckgen / pandoc with 2 processes: {deckgen / results['pandoc, 2 processes'][0]:.2f}"
        )
    else:
        lines.append("- deckgen / pandoc: pandoc is not installed, column skipped")
    return lines


if __name__ == "__main__":
    main()
