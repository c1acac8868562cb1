"""The baseline a user would write: the same decks as deckgen's, with python-pptx alone.

Usage: plain_pptx.py JSON_DIR OUT_DIR [--jobs N] [--template PPTX]

JSON_DIR holds one JSON file per deck (written by deck_json.py from decks deckgen built):
per slide the layout's name, the placeholders' paragraphs, tables, charts, pictures, text
shapes and notes. For each deck this script opens the theme's template (--template, by
default the modern theme's), adds a slide on the layout of the same name for each slide,
fills the placeholders by idx, draws the other shapes in their boxes, writes the notes and
saves. It measures and fits nothing: it only writes.
With --jobs N (default 1) the decks are shared out to N worker processes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE

TEMPLATE = Path(__file__).resolve().parent.parent / "themes" / "modern" / "template.pptx"


def write_paragraphs(frame: Any, paragraphs: list[list[Any]]) -> None:
    """Put [level, text] paragraphs into a text frame, replacing what it held."""
    for n, (level, text) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.text = text
        if level:
            paragraph.level = level


def placeholders(slide: Any, layout: Any, wanted: list[dict[str, Any]]) -> None:
    """Fill the placeholders the slide should have; add latent ones, drop the unused."""
    present = {shape.placeholder_format.idx: shape for shape in slide.placeholders}
    needed = {entry["idx"] for entry in wanted}
    for idx, shape in present.items():
        if idx not in needed:
            shape.element.getparent().remove(shape.element)
    for entry in wanted:
        idx = entry["idx"]
        if idx not in present:  # footers and slide numbers are not copied by add_slide
            source = layout.placeholders.get(idx=idx)
            if source is None:  # a title kept for screen readers on a layout without one
                source = next(
                    p for p in layout.slide_master.placeholders if p.placeholder_format.idx == idx
                )
            slide.shapes.clone_placeholder(source)
        write_paragraphs(slide.placeholders[idx].text_frame, entry["paragraphs"])


def add_table(slide: Any, spec: dict[str, Any]) -> None:
    """A table with the given cells, column widths and box."""
    rows = spec["rows"]
    grid = slide.shapes.add_table(len(rows), len(rows[0]), *spec["box"]).table
    for column, width in zip(grid.columns, spec["widths"], strict=True):
        column.width = width
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text


def add_chart(slide: Any, spec: dict[str, Any]) -> None:
    """A native chart of the given type with the given categories and series."""
    data = CategoryChartData()
    data.categories = spec["categories"]
    for series in spec["series"]:
        data.add_series(series["name"], series["values"])
    slide.shapes.add_chart(XL_CHART_TYPE[spec["type"]], *spec["box"], data)


def add_text(slide: Any, spec: dict[str, Any]) -> None:
    """A text box, or an auto shape of the given geometry, holding paragraphs."""
    if spec["geometry"] is None:
        shape = slide.shapes.add_textbox(*spec["box"])
    else:
        shape = slide.shapes.add_shape(MSO_SHAPE[spec["geometry"]], *spec["box"])
    write_paragraphs(shape.text_frame, spec["paragraphs"])


def add_picture(slide: Any, spec: dict[str, Any]) -> None:
    """A picture from its image file, in its box."""
    slide.shapes.add_picture(spec["image"], *spec["box"])


DRAW = {"table": add_table, "chart": add_chart, "text": add_text, "picture": add_picture}


def build(source: Path, out: Path, template: Path) -> int:
    """Write the deck described by the JSON file ``source`` to ``out`` on ``template``;
    return its number of slides."""
    deck = json.loads(source.read_text(encoding="utf-8"))
    presentation = Presentation(str(template))
    layouts = {layout.name: layout for layout in presentation.slide_layouts}
    for spec in deck["slides"]:
        layout = layouts[spec["layout"]]
        slide = presentation.slides.add_slide(layout)
        placeholders(slide, layout, spec["placeholders"])
        for shape in spec["shapes"]:
            DRAW[shape["kind"]](slide, shape)
        if spec["notes"] is not None:
            slide.notes_slide.notes_text_frame.text = spec["notes"]
    presentation.save(str(out / f"{deck['name']}.pptx"))
    return len(deck["slides"])


def _build_one(job: tuple[Path, Path, Path]) -> int:
    """build() for a worker process."""
    return build(*job)


def main() -> None:
    """Build every deck of JSON_DIR into OUT_DIR, in --jobs processes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--template", type=Path, default=TEMPLATE)
    options = parser.parse_args()
    options.out_dir.mkdir(parents=True, exist_ok=True)
    jobs = [
        (path, options.out_dir, options.template)
        for path in sorted(options.json_dir.glob("*.json"))
    ]
    if options.jobs == 1:
        for job in jobs:
            _build_one(job)
        return
    pool = multiprocessing.Pool(options.jobs)
    try:
        for _ in pool.imap_unordered(_build_one, jobs):
            pass
    finally:
        pool.close()
        pool.join()


if __name__ == "__main__":
    main()
