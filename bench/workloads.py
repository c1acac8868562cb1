"""The projects make bench builds, written to a temporary folder.

- ``examples``: this repo's example project (deckgen.yaml, content/shared.yaml, the images)
  with its 7 example departments copied under new slugs until there are 100 of them;
- ``synthetic``: 100 generated departments of about 20 short slides each;
- ``example_project``: the example project as it is, for the one-deck measurements;
- ``alias_bomb``: a department file that is a YAML alias bomb, which deckgen must refuse.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEPARTMENTS = 100

SYNTHETIC_SETTINGS = """\
organisation: {name: Stadtwerke Benchhausen GmbH, short_name: Stadtwerke Benchhausen}
title: Gemeinsam auf Social Media
date: 2026-11-26
outline:
  - title
  - agenda
  - {section: why, header: true}
  - benefits
  - concerns
  - examples
  - metrics
  - {section: collaboration, header: true}
  - next_steps
  - contact
"""

SYNTHETIC_SHARED = """\
sections:
  why:
    title: Warum wir auf Social Media gehen
    notes: Rahmen setzen.
    slides:
      - {kind: bullets, title: Unsere Ziele, notes: Ziele erklären.,
         points: [Schneller informieren, Kundschaft halten, Fachkräfte gewinnen]}
      - kind: key_figures
        title: Wo sich Benchhausen informiert
        notes: Eigene Befragung.
        figures: [{value: 78 %, label: nutzen Netzwerke},
                  {value: 3 von 4, label: erwarten schnelle Infos}]
  collaboration:
    title: So arbeiten wir zusammen
    notes: Regeln für alle.
    slides:
      - {kind: table, title: Wer macht was, notes: Niemand muss posten.,
         columns: [Rolle, Aufgabe], rows: [[Redaktion, schreibt], [Fachbereich, liefert]]}
      - {kind: bullets, title: Wie schnell wir antworten, notes: Zusagen.,
         points: [Werktags in 4 Stunden, Störungen sofort]}
contact: {name: Jana Albrecht, email: social@example.org, notes: Fragen sammeln.}
"""


def example_project(root: Path) -> Path:
    """Copy the repo's example project (settings, content with its translations, pictures)."""
    root.mkdir(parents=True, exist_ok=True)
    for settings in REPO.glob("deckgen*.yaml"):
        shutil.copy2(settings, root / settings.name)
    shutil.copytree(REPO / "content", root / "content")
    return root


def examples(root: Path) -> Path:
    """The example project with its departments copied to 100 (sales-01, hr-01, ..., sales-15)."""
    example_project(root)
    folder = root / "content" / "departments"
    for overlay in folder.glob("*.*.yaml"):  # translations: the copies are built in German
        overlay.unlink()
    sources = sorted(folder.glob("*.yaml"))
    texts = {source: source.read_text(encoding="utf-8") for source in sources}
    for source in sources:
        source.unlink()
    for n in range(DEPARTMENTS):
        source = sources[n % len(sources)]
        (folder / f"{source.stem}-{n // len(sources) + 1:02}.yaml").write_text(
            texts[source], encoding="utf-8"
        )
    return root


def synthetic_department(n: int) -> dict[str, object]:
    """Department number ``n`` of the synthetic project."""
    return {
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
                        "notes": "Langsam am Anfang.",
                        "alt": f"Anfragen je Quartal: von {n} auf {n + 14} gestiegen"}],
        },
        "next_steps": [{"step": f"Schritt {i}", "who": "Team", "when": "Januar", "notes": "Zusage."}
                       for i in range(1, 4)],
    }  # fmt: skip


def synthetic(root: Path) -> Path:
    """The synthetic project: 100 generated departments (JSON is YAML)."""
    folder = root / "content" / "departments"
    folder.mkdir(parents=True)
    (root / "deckgen.yaml").write_text(SYNTHETIC_SETTINGS, encoding="utf-8")
    (root / "content" / "shared.yaml").write_text(SYNTHETIC_SHARED, encoding="utf-8")
    for n in range(1, DEPARTMENTS + 1):
        text = json.dumps(synthetic_department(n), ensure_ascii=False)
        (folder / f"d{n:03}.yaml").write_text(text, encoding="utf-8")
    return root


def alias_bomb(root: Path, slug: str = "alias-bomb") -> str:
    """Add a department file that expands to 10**10 values through nested aliases."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    lines.append("name: *a9")
    path = root / "content" / "departments" / f"{slug}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return slug
