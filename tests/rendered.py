"""Render decks through LibreOffice and find words that lie outside the shape holding them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

EMU_PER_POINT = 12700
TOLERANCE = 2.0  # points
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def tools_missing() -> str:
    """Why rendered checks cannot run here, or ''."""
    for tool in ("soffice", "pdftotext"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return ""


def render_pdfs(decks: list[Path], out: Path) -> None:
    """Convert decks to PDFs in ``out`` with one LibreOffice run."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, decks)],
            check=True, capture_output=True, timeout=900, env={**os.environ, "HOME": profile},
        )  # fmt: skip


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in points


def pdf_words(pdf: Path) -> list[list[Word]]:
    """The words of every page, with their boxes."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append(
            [
                Word(unescape(m[4]), (float(m[0]), float(m[1]), float(m[2]), float(m[3])))
                for m in _WORD.findall(page)
            ]
        )
    return pages


@dataclass(frozen=True)
class Frame:
    box: tuple[float, float, float, float]
    text: str | None  # None: a chart, table or picture, whose words need only lie inside


def _frame(shape: Any) -> tuple[float, float, float, float] | None:
    if shape.left is None or shape.width is None:
        return None
    x, y = shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT
    return (x, y, x + shape.width / EMU_PER_POINT, y + shape.height / EMU_PER_POINT)


def slide_frames(slide: Any) -> list[Frame]:
    """Frames of the slide's shapes, and of the text its layout and master draw themselves."""
    frames = []
    shapes = _flat(slide.shapes)
    decor = [*slide.slide_layout.shapes, *slide.slide_layout.slide_master.shapes]
    for shape in shapes + [s for s in decor if not s.is_placeholder]:
        box = _frame(shape)
        if box is None:
            continue
        if shape.has_text_frame:
            frames.append(Frame(box, shape.text_frame.text))
        elif getattr(shape, "has_chart", False) or getattr(shape, "has_table", False):
            frames.append(Frame(box, None))
    return frames


def _flat(shapes: Any) -> list[Any]:
    """The shapes, with those inside groups (a process's steps) instead of their group."""
    flat = []
    for shape in shapes:
        flat.extend(_flat(shape.shapes) if shape.shape_type == MSO_SHAPE_TYPE.GROUP else [shape])
    return flat


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    """Inside, give or take 2 pt; pdftotext's word boxes span the font's whole ascent and
    descent (about 1.3 sizes, a line is 1.2), so vertically a tenth of the word's height."""
    x0, y0, x1, y1 = word.box
    slack = max(TOLERANCE, 0.1 * (y1 - y0))
    return (
        x0 >= box[0] - TOLERANCE
        and y0 >= box[1] - slack
        and x1 <= box[2] + TOLERANCE
        and y1 <= box[3] + slack
    )


def words_outside(deck: Path, pdf: Path) -> list[str]:
    """Every word that lies outside the frame of each shape that could hold it."""
    presentation = Presentation(str(deck))
    pages = pdf_words(pdf)
    assert len(pages) == len(presentation.slides), deck
    outside = []
    for number, (slide, words) in enumerate(zip(presentation.slides, pages, strict=True), 1):
        frames = slide_frames(slide)
        for word in words:
            holders = [f for f in frames if f.text is None or word.text in f.text]
            if not holders:  # bullets and numbering belong to the frame they stand in
                holders = [f for f in frames if f.text is not None]
            if not any(_inside(word, f.box) for f in holders):
                outside.append(f"{deck.name} slide {number}: {word.text!r} at {word.box}")
    return outside
