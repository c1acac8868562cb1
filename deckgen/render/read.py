"""Read what a written deck says, slide by slide, for ``deckgen diff`` and ``deckgen pull``.

Each slide's stable key (the name deckgen gives each slide), its layout,
every text shape with its placeholder idx, tables, charts and notes. Footers, slide numbers and
dates are left out: they are not what a slide says.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from deckgen.render.oxml.names import slide_name
from deckgen.render.package import read_template

_FURNITURE = {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE}
_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}


@dataclass(frozen=True)
class ShapeText:
    """The text of one shape: its placeholder idx (None for other shapes), name, paragraphs."""

    idx: int | None
    name: str
    paragraphs: tuple[str, ...]
    is_title: bool = False


@dataclass(frozen=True)
class ReadSlide:
    """What one slide of a written deck says."""

    number: int
    key: str  # the stable key deckgen named the slide with; "" for a slide it did not make
    layout: str
    shapes: tuple[ShapeText, ...]
    tables: tuple[tuple[str, ...], ...]  # rows of cells, of every table
    charts: tuple[str, ...]  # categories, then "series: values", of every chart
    notes: tuple[str, ...]

    @property
    def title(self) -> str:
        """The text of the title placeholder, "" if there is none."""
        return " ".join(p for s in self.shapes if s.is_title for p in s.paragraphs)

    def lines(self) -> list[tuple[str, str]]:
        """Everything but the title as labelled lines, in reading order."""
        lines = [("text", p) for s in self.shapes if not s.is_title for p in s.paragraphs]
        lines += [("table", " | ".join(row)) for row in self.tables]
        lines += [("chart", line) for line in self.charts]
        lines += [("notes", p) for p in self.notes]
        return lines


def read_deck(path: Path) -> list[ReadSlide]:
    """Every slide of the deck at ``path``, in order."""
    presentation = read_template(path)
    return [_slide(number, slide) for number, slide in enumerate(presentation.slides, start=1)]


def _slide(number: int, slide: Any) -> ReadSlide:
    shapes: list[ShapeText] = []
    tables: list[tuple[str, ...]] = []
    charts: list[str] = []
    for shape in _flat(slide.shapes):
        placeholder = shape.placeholder_format if shape.is_placeholder else None
        if placeholder is not None and placeholder.type in _FURNITURE:
            continue
        if shape.has_text_frame:
            paragraphs = tuple(p.text for p in shape.text_frame.paragraphs if p.text.strip())
            idx = placeholder.idx if placeholder is not None else None
            is_title = placeholder is not None and placeholder.type in _TITLES
            shapes.append(ShapeText(idx, shape.name, paragraphs, is_title))
        if getattr(shape, "has_table", False):
            tables += [tuple(cell.text for cell in row.cells) for row in shape.table.rows]
        if getattr(shape, "has_chart", False):
            charts += _chart_lines(shape.chart)
    notes: tuple[str, ...] = ()
    if slide.has_notes_slide:
        frame = slide.notes_slide.notes_text_frame
        if frame is not None:
            notes = tuple(p.text for p in frame.paragraphs if p.text.strip())
    return ReadSlide(
        number,
        slide_name(slide),
        slide.slide_layout.name,
        tuple(shapes),
        tuple(tables),
        tuple(charts),
        notes,
    )


def _chart_lines(chart: Any) -> list[str]:
    categories = ", ".join(str(c) for c in chart.plots[0].categories)
    lines = [categories]
    for series in chart.series:
        values = ", ".join(f"{v:g}" for v in series.values if v is not None)
        lines.append(f"{series.name}: {values}")
    return lines


def _flat(shapes: Iterable[Any]) -> Iterator[Any]:
    """The shapes, those inside groups (a process's steps) in their place."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _flat(shape.shapes)
        else:
            yield shape
