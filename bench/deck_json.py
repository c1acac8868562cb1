"""What a built deck says, slide by slide, as plain JSON data for the baselines of make bench.

Per slide: the layout's name, each placeholder's paragraphs (level and text), the other
shapes with their boxes (text shapes with their paragraphs, tables with their cells, charts
with their type, categories and series, pictures as image files) and the speaker notes.
The plain python-pptx script writes exactly this back onto the theme's template, and the
Markdown for pandoc is made from it (deck_markdown.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

Box = list[int]
Paragraphs = list[list[Any]]  # [level, text] per paragraph


def box(shape: Any) -> Box:
    """Left, top, width and height of a shape in EMU."""
    return [int(getattr(shape, side) or 0) for side in ("left", "top", "width", "height")]


def paragraphs(frame: Any) -> Paragraphs:
    """The paragraphs of a text frame as [level, text]."""
    return [[p.level, p.text] for p in frame.paragraphs]


def placeholder(shape: Any) -> dict[str, Any]:
    """A placeholder with text: its idx, its type and its paragraphs."""
    form = shape.placeholder_format
    return {"idx": form.idx, "type": form.type.name, "paragraphs": paragraphs(shape.text_frame)}


def table(shape: Any) -> dict[str, Any]:
    """A table: its box, column widths and cell texts row by row."""
    grid = shape.table
    return {
        "kind": "table",
        "box": box(shape),
        "widths": [int(column.width) for column in grid.columns],
        "rows": [[cell.text for cell in row.cells] for row in grid.rows],
    }


def chart(shape: Any) -> dict[str, Any]:
    """A chart: its box, type, categories and series (name and values)."""
    drawn = shape.chart
    return {
        "kind": "chart",
        "box": box(shape),
        "type": drawn.chart_type.name,
        "categories": [str(c) for c in drawn.plots[0].categories],
        "series": [{"name": s.name, "values": list(s.values)} for s in drawn.series],
    }


def picture(shape: Any, images: Path) -> dict[str, Any]:
    """A picture: its box and the path of its image, written once per content to ``images``."""
    blob = shape.image.blob
    path = images / f"{hashlib.sha1(blob).hexdigest()}.{shape.image.ext}"
    if not path.exists():
        path.write_bytes(blob)
    return {"kind": "picture", "box": box(shape), "image": str(path)}


def text_shape(shape: Any) -> dict[str, Any]:
    """A shape that is not a placeholder but holds text (key-figure cards, text boxes)."""
    geometry = None
    if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE:
        try:
            geometry = shape.auto_shape_type.name
        except ValueError:  # a custom geometry: drawn as a rectangle
            geometry = "RECTANGLE"
    return {
        "kind": "text",
        "box": box(shape),
        "geometry": geometry,
        "paragraphs": paragraphs(shape.text_frame),
    }


def other_shape(shape: Any, images: Path) -> dict[str, Any] | None:
    """A shape that is not a placeholder with text, as data; None for what carries nothing."""
    if getattr(shape, "has_table", False) and shape.has_table:
        return table(shape)
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return chart(shape)
    if shape.shape_type == MSO_SHAPE_TYPE.PICTURE or hasattr(shape, "image"):
        return picture(shape, images)
    if shape.has_text_frame:
        return text_shape(shape)
    return None


def slide_data(slide: Any, images: Path) -> dict[str, Any]:
    """One slide: layout name, placeholders, other shapes and notes."""
    placeholders, shapes = [], []
    for shape in slide.shapes:
        if shape.is_placeholder and shape.has_text_frame:
            placeholders.append(placeholder(shape))
            continue
        data = other_shape(shape, images)
        if data is not None:
            shapes.append(data)
    notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else None
    return {
        "layout": slide.slide_layout.name,
        "placeholders": placeholders,
        "shapes": shapes,
        "notes": notes,
    }


def deck_data(path: Path, images: Path) -> dict[str, Any]:
    """Every slide of the deck at ``path``."""
    presentation = Presentation(str(path))
    return {"name": path.stem, "slides": [slide_data(s, images) for s in presentation.slides]}


def extract_all(decks: Path, out: Path) -> list[dict[str, Any]]:
    """Write one JSON file per deck in ``decks`` to ``out`` (images to out/images)."""
    images = out / "images"
    images.mkdir(parents=True, exist_ok=True)
    result = []
    for path in sorted(decks.glob("*.pptx")):
        data = deck_data(path, images)
        (out / f"{path.stem}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        result.append(data)
    return result


def fingerprint(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What two decks must share to be the same slides: layouts, texts, tables, charts, notes."""
    result = []
    for slide in data["slides"]:
        texts = sorted((p["idx"], str(p["paragraphs"])) for p in slide["placeholders"])
        shapes = sorted(
            json.dumps({k: v for k, v in s.items() if k not in ("image", "box")}, sort_keys=True)
            for s in slide["shapes"]
        )
        result.append((slide["layout"], texts, shapes, slide["notes"] or ""))
    return result


def slide_count(path: Path) -> int:
    """The number of slides of the deck at ``path``."""
    return len(Presentation(str(path)).slides)
