"""Measure how tall a text is in a box, with the real metrics of the font that shows it.

Widths are the glyph advances of the font :mod:`deckgen.paginate.fonts` finds for a family (the
theme's own, an installed one or a stand-in), shaped and kerned by HarfBuzz where Pillow has its
Raqm layout, as LibreOffice does (within 1 %; without Raqm, kerned text measures up to 5 %
wider). Lines break at spaces like PowerPoint and LibreOffice do, and a word longer than the
line breaks between its letters.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

from deckgen.markup import SOFT_HYPHEN, Span, parse_inline
from deckgen.paginate.fonts import FontFace, ThemeFonts

_UNIT = 1000  # fonts are loaded at 1000 px, sizes scaled from there


@functools.cache
def _font(path: Path, index: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), _UNIT, index=index)


def text_width(text: str, face: FontFace, size: float, letter_spacing: float = 0.0) -> float:
    """The width of ``text`` in points at ``size`` points, set in ``face`` with
    ``letter_spacing`` points after every character."""
    spacing = letter_spacing * len(text) if letter_spacing else 0.0
    return _width_at_unit(text, face.path, face.index) * size / _UNIT + spacing


@functools.lru_cache(maxsize=65536)
def _width_at_unit(text: str, path: Path, index: int) -> float:
    # words repeat across slides and decks; measuring each once per process is enough (keyed
    # by the file, not the face, whose hash would cost more than the rest of a lookup)
    return float(_font(path, index).getlength(text.translate(_BREAKS_AS_SPACES)))


# HarfBuzz's layout (Raqm) refuses a text with a paragraph break inside; a line is one paragraph,
# and these characters show as nothing wider than a space
_BREAKS_AS_SPACES = str.maketrans(dict.fromkeys("\n\r\x1c\x1d\x1e\x85\u2028\u2029", " "))


def line_height(family: str, size: float) -> float:
    """The height of one single-spaced line in points.

    PowerPoint and LibreOffice (importing .pptx) both set a single line at 1.2 times the font
    size, whatever the font; measured against LibreOffice for Carlito, Caladea, Liberation Sans
    and Mono, and DejaVu Sans and Serif alike.
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
    letter_spacing: float = 0.0  # points added after every character (spc), at every size


LINE_ROOM = 0.99  # of a line's width: renderers place glyphs on a coarser grid and may set a
# line up to a few tenths of a percent wider than measured (LibreOffice broke "ersten Jahr über
# Empfehlungen", measured 319.4 pt, in a 320 pt line)
_SPACES = re.compile(r"[ \t\r\n]+")  # not the no-break space, which holds words together


def _words(text: str, style: ParagraphStyle) -> list[tuple[str, bool, bool]]:
    """The words and spaces of a text with their emphasis: (text, bold, italic)."""
    spans = parse_inline(_SPACES.sub(" ", text).strip()) or [Span("")]
    words: list[tuple[str, bool, bool]] = []
    for span in spans:
        for index, word in enumerate(span.text.split(" ")):
            if index and words:
                words.append((" ", span.bold or style.bold, span.italic))
            if word:
                words.append((word, span.bold or style.bold, span.italic))
    return words


def count_lines(text: str, style: ParagraphStyle, width: float, fonts: ThemeFonts) -> int:
    """How many lines ``text`` (with inline emphasis) takes in a line ``width`` points wide.

    Lines break at spaces. A word wider than a whole line breaks at a soft hyphen (showing a
    hyphen) where part of it still fits the line, else between letters; a word that fits a
    line is never broken, as its soft hyphens are dropped (:func:`needed_hyphens_only`).
    """
    family = fonts.family(style.family)
    lines = 1
    first = max((width - style.indent_left - max(style.first_line, 0.0)) * LINE_ROOM, 1.0)
    rest = max((width - style.indent_left) * LINE_ROOM, 1.0)
    available, used = first, 0.0
    for word, bold, italic in _words(text, style):
        face = family.face(bold, italic)

        def measure(piece: str, face: FontFace = face) -> float:
            return text_width(piece, face, style.size, style.letter_spacing)

        if word == " ":
            used += measure(" ")
            continue
        pieces = word.split(SOFT_HYPHEN)
        if len(pieces) > 1 and measure("".join(pieces)) <= rest:
            pieces = ["".join(pieces)]
        while pieces:
            whole = measure("".join(pieces))
            if used + whole <= available:
                used += whole
                break
            fits = [
                k
                for k in range(1, len(pieces))
                if used + measure("".join(pieces[:k]) + "-") <= available
            ]
            if fits:  # part of the word on this line, ending in a hyphen
                pieces = pieces[max(fits) :]
            elif used == 0:  # alone on its line and too long: it breaks between letters
                while whole > available:
                    lines += 1
                    whole -= rest
                    available = rest
                used = whole
                break
            lines += 1
            available, used = rest, 0.0
    return lines


_HYPHENATED = re.compile(rf"[^\s*]*{SOFT_HYPHEN}[^\s*]*")


def needed_hyphens_only(text: str, style: ParagraphStyle, width: float, fonts: ThemeFonts) -> str:
    """``text`` with soft hyphens left only in words wider than a line ``width`` points wide.

    LibreOffice breaks a word at a soft hyphen without showing the hyphen, so a word that fits
    its line must not offer one; a word wider than its line would break anyway, and breaks
    best where the locale's hyphenation puts it (with a hyphen in PowerPoint and Keynote).
    """
    if SOFT_HYPHEN not in text:
        return text
    family = fonts.family(style.family)
    rest = max(width - style.indent_left, 1.0)
    needed = {
        word
        for word, bold, italic in _words(text, style)
        if SOFT_HYPHEN in word
        and text_width(
            word.replace(SOFT_HYPHEN, ""),
            family.face(bold, italic),
            style.size,
            style.letter_spacing,
        )
        > rest
    }
    return _HYPHENATED.sub(
        lambda m: m.group(0) if m.group(0) in needed else m.group(0).replace(SOFT_HYPHEN, ""),
        text,
    )


def longest_word_fits(text: str, style: ParagraphStyle, width: float, fonts: ThemeFonts) -> bool:
    """Whether every word of ``text`` fits on a line (where it has soft hyphens, each part with
    its hyphen), so that no word breaks between letters."""
    available = max(width - style.indent_left, 1.0)
    family = fonts.family(style.family)
    for word, bold, italic in _words(text, style):
        face = family.face(bold, italic)
        pieces = word.split(SOFT_HYPHEN)
        for index, piece in enumerate(pieces):
            shown = piece + ("-" if index < len(pieces) - 1 else "")
            if text_width(shown, face, style.size, style.letter_spacing) > available:
                return False
    return True


def unbroken_size(
    texts: list[str], style: ParagraphStyle, width: float, fonts: ThemeFonts, smallest: float
) -> float:
    """The largest size, from ``style.size`` down to ``smallest`` in half points, at which
    every word of ``texts`` fits a line ``width`` points wide whole; ``style.size`` if none.

    For short headings (a card's or a step's title), whose one long word would otherwise be
    hyphenated, which LibreOffice shows without the hyphen.
    """
    family = fonts.family(style.family)
    words = {
        (word.replace(SOFT_HYPHEN, ""), bold, italic)
        for text in texts
        for word, bold, italic in _words(text, style)
        if word != " "
    }
    size = style.size
    while size >= smallest:
        spacing = style.letter_spacing
        if all(text_width(w, family.face(b, i), size, spacing) <= width for w, b, i in words):
            return size
        size -= 0.5
    return style.size


def text_height(
    paragraphs: list[tuple[str, ParagraphStyle]], width: float, fonts: ThemeFonts
) -> float:
    """The height in points of paragraphs set in a box ``width`` points wide (insets excluded)."""
    height = 0.0
    for index, (text, style) in enumerate(paragraphs):
        lines = count_lines(text, style, width, fonts)
        if index:
            height += style.space_before
        if index < len(paragraphs) - 1:
            height += style.space_after
        height += lines * line_height(style.family, style.size) * style.line_spacing
    return height
