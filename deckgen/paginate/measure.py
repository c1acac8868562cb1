"""Measure how tall a text is in a box, with the real metrics of the font that shows it.

Widths come from the glyph advances of metric-compatible open fonts shipped in
``deckgen/fonts`` (Carlito for Calibri, ...); lines break at spaces like PowerPoint and
LibreOffice do, and a word longer than the line breaks between its letters.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PIL import ImageFont

from deckgen.markup import Span, parse_inline

FONTS = Path(str(resources.files("deckgen.fonts")))
_FAMILIES = {
    "calibri": "Carlito",
    "carlito": "Carlito",
    "calibri light": "Carlito",
    "cambria": "Caladea",
    "caladea": "Caladea",
    "arial": "LiberationSans",
    "liberation sans": "LiberationSans",
    "helvetica": "LiberationSans",
}
_STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic"}
_UNIT = 1000  # fonts are loaded at 1000 px, sizes scaled from there


@functools.cache
def _font(family: str, bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
    name = _FAMILIES.get(family.strip().lower(), "LiberationSans")
    style = _STYLES.get((bold, italic), "BoldItalic")
    return ImageFont.truetype(str(FONTS / f"{name}-{style}.ttf"), _UNIT)


def text_width(
    text: str, family: str, size: float, bold: bool = False, italic: bool = False
) -> float:
    """The width of ``text`` in points at ``size`` points."""
    return _width_at_unit(text, family, bold, italic) * size / _UNIT


@functools.lru_cache(maxsize=65536)
def _width_at_unit(text: str, family: str, bold: bool, italic: bool) -> float:
    # words repeat across slides and decks; measuring each once per process is enough
    return float(_font(family, bold, italic).getlength(text))


def line_height(family: str, size: float) -> float:
    """The height of one single-spaced line in points.

    PowerPoint and LibreOffice (importing .pptx) both set a single line at 1.2 times the font
    size, whatever the font; measured against LibreOffice for Carlito, Liberation Sans and
    Caladea alike.
    """
    del family
    return 1.2 * size


@dataclass(frozen=True)
class ParagraphStyle:
    """How a paragraph is set: font, size, indents and spacing, in points."""

    family: str
    size: float
    bold: bool = False
    indent_left: float = 0.0  # where wrapped lines start (marL)
    first_line: float = 0.0  # offset of the first line (indent, negative for hanging bullets)
    space_before: float = 0.0
    space_after: float = 0.0
    line_spacing: float = 1.0  # a multiple of the single line height


def count_lines(text: str, style: ParagraphStyle, width: float) -> int:
    """How many lines ``text`` (with inline emphasis) takes in a line ``width`` points wide."""
    spans = parse_inline(" ".join(text.split())) or [Span("")]
    words: list[tuple[str, bool, bool]] = []
    for span in spans:
        for index, word in enumerate(span.text.split(" ")):
            if index and words:
                words.append((" ", span.bold or style.bold, span.italic))
            if word:
                words.append((word, span.bold or style.bold, span.italic))
    lines = 1
    available = max(width - style.indent_left - max(style.first_line, 0.0), 1.0)
    used = 0.0
    for word, bold, italic in words:
        measured = text_width(word, style.family, style.size, bold, italic)
        if word == " ":
            used += measured
            continue
        if used + measured <= available:
            used += measured
            continue
        if used > 0:
            lines += 1
            available = max(width - style.indent_left, 1.0)
            used = 0.0
        while measured > available:  # a word longer than the line breaks between letters
            lines += 1
            measured -= available
        used = measured
    return lines


def longest_word_fits(text: str, style: ParagraphStyle, width: float) -> bool:
    """Whether every word of ``text`` fits on a line, so that no word breaks between letters."""
    available = max(width - style.indent_left, 1.0)
    return all(
        text_width(span_word, style.family, style.size, style.bold or span.bold, span.italic)
        <= available
        for span in parse_inline(text)
        for span_word in span.text.split()
    )


def text_height(paragraphs: list[tuple[str, ParagraphStyle]], width: float) -> float:
    """The height in points of paragraphs set in a box ``width`` points wide (insets excluded)."""
    height = 0.0
    for index, (text, style) in enumerate(paragraphs):
        lines = count_lines(text, style, width)
        if index:
            height += style.space_before
        if index < len(paragraphs) - 1:
            height += style.space_after
        height += lines * line_height(style.family, style.size) * style.line_spacing
    return height
