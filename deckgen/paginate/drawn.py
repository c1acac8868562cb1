"""Sizes of what deckgen draws itself: tables and key-figure cards, in the theme's font."""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.content import model
from deckgen.paginate.fonts import ThemeFonts
from deckgen.paginate.geometry import emu, points
from deckgen.paginate.measure import ParagraphStyle, longest_word_fits, text_height, text_width

TABLE_LARGEST = 16  # points; a table's text never grows beyond, and shrinks down to
TABLE_SMALLEST = 9
CELL_SIDE_MARGIN = 9.0  # points, each side
CELL_TOP_MARGIN = 5.0
CARD_GAP = 18.0  # points between key-figure cards
CARD_MAX_HEIGHT = 230.0
CARD_SIDE_MARGIN = 14.0
VALUE_LARGEST = 66
LABEL_LARGEST = 18


@dataclass(frozen=True)
class TableFit:
    """How a table is set: font size (points), column widths and row heights (EMU)."""

    size: int
    widths: tuple[int, ...]
    heights: tuple[int, ...]

    @property
    def height(self) -> int:
        """The table's total height in EMU."""
        return sum(self.heights)


@dataclass(frozen=True)
class FiguresFit:
    """How key-figure cards are set: value and label sizes in points."""

    value_size: int
    label_size: int
    fits: bool


def table_rows(slide: model.TableSlide) -> list[list[str]]:
    """The body rows, each cut or padded to the number of columns."""
    columns = len(slide.columns)
    return [list(row)[:columns] + [""] * (columns - len(row)) for row in slide.rows]


def column_widths(cells: list[list[str]], width: int) -> tuple[int, ...]:
    """Column widths (EMU) that give each column room for its longest word and some text."""
    weights = [_column_weight([row[i] for row in cells]) for i in range(len(cells[0]))]
    total = sum(weights)
    return tuple(int(width * w // total) for w in weights)


def _column_weight(cells: list[str]) -> float:
    longest_word = max((len(word) for cell in cells for word in cell.split()), default=4)
    longest_text = max((len(cell) for cell in cells), default=4)
    return max(longest_word * 1.3, longest_text * 0.6, 6)


def table_fit(
    header: list[str],
    rows: list[list[str]],
    widths: tuple[int, ...],
    height: int,
    family: str,
    fonts: ThemeFonts,
) -> TableFit:
    """The largest size (16 down to 9 pt) at which the rows fit ``height`` and no word breaks."""
    cells = [header, *rows]
    size = TABLE_LARGEST
    while True:
        style = ParagraphStyle(family, size)
        bold = ParagraphStyle(family, size, bold=True)
        heights = []
        words_fit = True
        for index, row in enumerate(cells):
            tallest = 0.0
            for text, width in zip(row, widths, strict=False):
                inner = points(width) - 2 * CELL_SIDE_MARGIN
                cell_style = bold if index == 0 else style
                tallest = max(tallest, text_height([(text, cell_style)], inner, fonts))
                words_fit = words_fit and longest_word_fits(text, cell_style, inner, fonts)
            heights.append(emu(tallest + 2 * CELL_TOP_MARGIN + 0.1 * size))
        if (sum(heights) <= height and words_fit) or size <= TABLE_SMALLEST:
            return TableFit(size, widths, tuple(heights))
        size -= 1


def table_fits(fit: TableFit, height: int, min_size: float) -> bool:
    """Whether a table set as ``fit`` is readable and inside ``height``."""
    return fit.size >= min(min_size, TABLE_LARGEST) and fit.height <= height


def card_size(count: int, width: int, height: int) -> tuple[int, int]:
    """Width and height (EMU) of each of ``count`` key-figure cards side by side."""
    gap = emu(CARD_GAP)
    return (width - gap * (count - 1)) // count, min(height, emu(CARD_MAX_HEIGHT))


def figures_fit(
    figures: list[model.Figure], card_w: int, card_h: int, family: str, fonts: ThemeFonts
) -> FiguresFit:
    """Sizes for value and label that fit every card: values on one line, no label word broken.

    Sizes only shrink from the design's 66 and 18 pt, never grow.
    """
    value_face = fonts.face(family, bold=True)  # values are set bold
    inner_w = points(card_w) - 2 * CARD_SIDE_MARGIN
    inner_h = points(card_h) - 20
    value = VALUE_LARGEST
    while value > 14 and (
        value * 1.2 > inner_h * 0.5
        or max(text_width(f.value, value_face, value) for f in figures) > inner_w
    ):
        value -= 2
    label = LABEL_LARGEST
    while True:
        style = ParagraphStyle(family, label)
        tallest = max(text_height([(f.label, style)], inner_w, fonts) for f in figures)
        words_fit = all(longest_word_fits(f.label, style, inner_w, fonts) for f in figures)
        values_fit = all(text_width(f.value, value_face, value) <= inner_w for f in figures)
        fits = words_fit and values_fit and value * 1.2 + 6 + tallest <= inner_h
        if fits or label <= 9:
            return FiguresFit(value, label, fits)
        label -= 1
