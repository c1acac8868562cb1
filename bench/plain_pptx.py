"""The baseline a user would write: the same 100 decks with python-pptx alone, in one process,
re-opening the template for each deck. Usage: plain_pptx.py DATA.json OUT_DIR"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

TEMPLATE = Path(__file__).resolve().parent.parent / "themes" / "modern" / "template.pptx"


def slide(deck: Any, layout: str, title: str, notes: str) -> Any:
    page = deck.slides.add_slide(deck.slide_layouts.get_by_name(layout))
    if page.shapes.title is not None:
        page.shapes.title.text = title
    page.notes_slide.notes_text_frame.text = notes
    return page


def bullets(page: Any, idx: int, lines: list[str]) -> None:
    frame = page.placeholders[idx].text_frame
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line


def build(department: dict[str, Any], path: Path) -> None:
    deck = Presentation(str(TEMPLATE))
    first = slide(deck, "Title", "Gemeinsam auf Social Media", department["notes"])
    first.placeholders[1].text = department["name"]
    bullets(slide(deck, "Agenda", "Agenda", "Überblick."), 1, ["Warum", "Nutzen", "Bedenken"])
    slide(deck, "Section", "Warum wir auf Social Media gehen", "Rahmen.").placeholders[1].text = "x"
    bullets(slide(deck, "Bullets", "Unsere Ziele", "Ziele."), 1, ["Informieren", "Halten"])
    slide(deck, "Key Figures", "Wo sich Benchhausen informiert", "Befragung.")
    lines = [b["title"] for b in department["benefits"]]
    bullets(slide(deck, "Bullets", "Ihr Nutzen", "Dazu."), 1, lines)
    slide(deck, "Key Figures", "Ihr Nutzen in Zahlen", "Zahlen.")
    for concern in department["concerns"]:
        page = slide(deck, "Concern", "Ihre Bedenken", concern["notes"])
        page.placeholders[13].text = concern["concern"]
        page.placeholders[14].text = concern["answer"]
    page = slide(deck, "Two Columns", "Ein Beispiel", "Quelle.")
    for idx, text in ((13, "Was sie tun"), (14, "Dies"), (15, "Was es bringt"), (16, "Das")):
        page.placeholders[idx].text = text
    slide(deck, "Key Figures", "Woran wir Erfolg messen", "Ziele.")
    chart = department["metrics"]["charts"][0]
    page = slide(deck, "Title Only", chart["title"], chart["notes"])
    data = CategoryChartData()
    data.categories = chart["categories"]
    data.add_series(chart["series"][0]["name"], chart["series"][0]["values"])
    page.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(0.6), Inches(1.8), Inches(12), Inches(4.5), data
    )
    slide(deck, "Section", "So arbeiten wir zusammen", "Regeln.").placeholders[1].text = "x"
    page = slide(deck, "Title Only", "Wer macht was", "Regeln.")
    table = page.shapes.add_table(3, 2, Inches(0.6), Inches(1.8), Inches(12), Inches(1.5)).table
    for r, row in enumerate([["Rolle", "Aufgabe"], ["Redaktion", "schreibt"], ["Fach", "liefert"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    bullets(slide(deck, "Bullets", "Wie schnell wir antworten", "Zusagen."), 1, ["4 Stunden"])
    page = slide(deck, "Title Only", "Nächste Schritte", "Zusage.")
    steps = department["next_steps"]
    table = page.shapes.add_table(
        len(steps) + 1, 3, Inches(0.6), Inches(1.8), Inches(12), Inches(2)
    ).table
    for c, text in enumerate(["Schritt", "Wer", "Wann"]):
        table.cell(0, c).text = text
    for r, step in enumerate(steps, start=1):
        for c, key in enumerate(("step", "who", "when")):
            table.cell(r, c).text = step[key]
    closing = slide(deck, "Closing", "Fragen?", "Fragen sammeln.")
    closing.placeholders[14].text = "Jana Albrecht"
    deck.save(str(path))


def main() -> None:
    departments = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for n, department in enumerate(departments, start=1):
        build(department, out / f"d{n:03}.pptx")


if __name__ == "__main__":
    main()
