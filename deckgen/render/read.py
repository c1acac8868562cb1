"""Read what a deck says, slide by slide, for ``deckgen diff``: texts, tables, charts, notes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.enum.shapes import MSO_SHAPE_TYPE

from deckgen.render.package import read_template


@dataclass(frozen=True)
class SlideText:
    """What one slide says: its layout, title and the lines of everything else."""

    layout: str
    title: str
    lines: list[str]

    def all_lines(self) -> list[str]:
        """The title first, then the rest."""
        return [f"title: {self.title}", *self.lines]


def deck_texts(path: Path) -> list[SlideText]:
    """Every slide of the deck at ``path`` as lines of text, in reading order."""
    presentation = read_template(path)
    slides = []
    for slide in presentation.slides:
        title = ""
        if slide.shapes.title is not None and slide.shapes.title.has_text_frame:
            title = slide.shapes.title.text_frame.text
        lines: list[str] = []
        for shape in _flat(slide.shapes):
            if shape.has_text_frame and shape != slide.shapes.title:
                lines += [f"text: {p.text}" for p in shape.text_frame.paragraphs if p.text.strip()]
            if shape.has_table:
                for row in shape.table.rows:
                    lines.append("table: " + " | ".join(cell.text for cell in row.cells))
            if shape.has_chart:
                chart = shape.chart
                categories = ", ".join(str(c) for c in chart.plots[0].categories)
                lines.append(f"chart: {categories}")
                for series in chart.series:
                    values = ", ".join(f"{v:g}" for v in series.values if v is not None)
                    lines.append(f"chart: {series.name}: {values}")
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            lines += [f"notes: {p.text}" for p in notes.paragraphs if p.text.strip()]
        slides.append(SlideText(slide.slide_layout.name, title, lines))
    return slides


def _flat(shapes: Iterable[Any]) -> Iterator[Any]:
    """The shapes, those inside groups (a process's steps) in their place."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _flat(shape.shapes)
        else:
            yield shape
