"""Sizes of what deckgen draws itself: tables, key-figure cards and process steps, in the
theme's font."""

from __future__ import annotations

import math
from dataclasses import dataclass

from deckgen.content import model
from deckgen.markup import flow, paragraphs
from deckgen.paginate.fonts import ThemeFonts
from deckgen.paginate.geometry import Para, Rect, emu, points
from deckgen.paginate.measure import (
    ParagraphStyle,
    longest_word_fits,
    text_height,
    text_width,
    unbroken_size,
)

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
    note_size: float = 0.0  # a figure's note ("today -> goal")


def note_size(label: float, floor: float) -> float:
    """The size of a figure's note: a little smaller than its label, never below ``floor``."""
    return max(label * NOTE_SIZE_SHARE, floor)


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


@dataclass(frozen=True)
class FigureLines:
    """What a key figure shows: the value (with its target: "11.400 \u2192 9.000"), its label,
    and for a target a note ("heute \u2192 Ziel, weniger ist besser")."""

    value: str
    label: str
    note: str = ""


def figure_lines(figure: model.Figure, today_goal: str, less_is_better: str) -> FigureLines:
    """The lines of a key figure, in the words of the deck's language."""
    if not figure.target:
        return FigureLines(figure.value, figure.label)
    note = today_goal + (f", {less_is_better}" if figure.better == "lower" else "")
    return FigureLines(f"{figure.value}\u00a0\u2192 {figure.target}", figure.label, note)


NOTE_SIZE_SHARE = 0.8  # a figure's note is set a little smaller than its label


def figures_fit(
    figures: list[FigureLines],
    card_w: int,
    card_h: int,
    family: str,
    fonts: ThemeFonts,
    min_size: float = 9.0,
) -> FiguresFit:
    """Sizes for value and label that fit every card: values on one line, no label word broken.

    Sizes only shrink from the design's 66 and 18 pt, never grow, and labels never below
    ``min_size`` (the theme's smallest text).
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
        small = ParagraphStyle(family, note_size(label, min_size))
        tallest = max(
            text_height([(f.label, style), *([(f.note, small)] if f.note else [])], inner_w, fonts)
            for f in figures
        )
        words_fit = all(longest_word_fits(f.label, style, inner_w, fonts) for f in figures)
        values_fit = all(text_width(f.value, value_face, value) <= inner_w for f in figures)
        fits = words_fit and values_fit and value * 1.2 + 6 + tallest <= inner_h
        if fits or label <= max(9, min_size):
            return FiguresFit(value, label, fits, note_size(label, min_size))
        label -= 1


STEP_GAP = 34.0  # points between process steps, where the arrow goes
STEP_WIDEST = 260.0  # points: a card's largest width; fewer steps stand centred
STEP_SIDE_MARGIN = 10.0  # points inside a step's card, each side
STEP_TOP_MARGIN = 14.0
STEP_BOTTOM_MARGIN = 12.0
STEP_BADGE_GAP = 8.0  # between the number's badge and the title
STEP_OWNER_GAP = 10.0  # at least, between a step's text and its owner
STEP_BADGE_SCALE = 1.9  # the badge's diameter, in sizes of its number
STEP_CORNER = 0.08  # the cards' corner radius, as a share of their shorter side
STEP_LOWEST_SHARE = 0.6  # a card is at least this share of the frame's height
STEP_SHRINK = 0.05
STEP_LARGEST = {"number": 22.0, "title": 20.0, "text": 16.0, "owner": 14.0}  # points


@dataclass(frozen=True)
class StepBox:
    """One step of a process as drawn: where its parts go (EMU), and their paragraphs.

    The card holds the title and text; the number sits in a round badge at the card's top,
    the owner on a line of its own at its foot, level with the other steps' owners.
    """

    card: Rect
    badge: Rect
    text_area: Rect  # where the card's title and text go
    owner_area: Rect | None
    number: Para
    paras: tuple[Para, ...]  # title (bold), then the text's paragraphs
    owner: Para | None
    own: bool  # the department's own step, which stands out


@dataclass(frozen=True)
class ProcessFit:
    """How a process is set: its steps from left to right, and whether their text fits."""

    steps: tuple[StepBox, ...]
    text_size: float  # points: the size of the steps' text; title, number and owner follow it
    fits: bool


def card_text_rect(card: Rect) -> Rect:
    """Where a rounded card's own shape puts its text: inside the arcs of its corners.

    PowerPoint and LibreOffice inset a rounded rectangle's text by the radius times
    1 - cos 45°; the text's insets are counted from there.
    """
    inset = round(min(card.width, card.height) * STEP_CORNER * 0.29289)
    return Rect(
        card.left + inset, card.top + inset, card.width - 2 * inset, card.height - 2 * inset
    )


def process_fit(
    steps: list[model.ProcessStep],
    own: tuple[int, ...],
    frame: Rect,
    family: str,
    min_size: float,
    fonts: ThemeFonts,
) -> ProcessFit:
    """Steps side by side in ``frame`` at the largest sizes at which every step's text fits its
    card and no word breaks; sizes shrink in steps of 5 %, never below ``min_size``."""
    count = len(steps)
    gap = emu(STEP_GAP)
    card_w = min((frame.width - gap * (count - 1)) // count, emu(STEP_WIDEST))
    row_left = frame.left + (frame.width - count * card_w - (count - 1) * gap) // 2
    side = emu(STEP_SIDE_MARGIN)
    # the text's width, narrowed by the corners on the frame's tallest card: measured safe
    text_w = max(card_text_rect(Rect(0, 0, card_w, frame.height)).width - 2 * side, emu(12))
    width = points(text_w)
    scale = 1.0
    titles = [flow(step.title) for step in steps]
    while True:
        sizes = _step_sizes(scale, min_size)
        title_style = ParagraphStyle(family, sizes["title"], bold=True)
        sizes["title"] = unbroken_size(titles, title_style, width, fonts, sizes["text"])
        texts = [_step_text(step, sizes) for step in steps]
        head = STEP_TOP_MARGIN + sizes["number"] * STEP_BADGE_SCALE + STEP_BADGE_GAP
        body = max(_height(list(paras), width, family, fonts) for paras, _ in texts)
        owners = [owner for _, owner in texts if owner is not None]
        foot = max((_height([o], width, family, fonts, titled=False) for o in owners), default=0.0)
        needed = emu(head + body + (STEP_OWNER_GAP + foot if owners else 0) + STEP_BOTTOM_MARGIN)
        words_fit = all(
            _words_fit(list(paras), width, family, fonts) for paras, _ in texts
        ) and all(_words_fit([owner], width, family, fonts, titled=False) for owner in owners)
        fits = words_fit and needed <= frame.height
        if fits or all(sizes[part] <= min(min_size, STEP_LARGEST[part]) for part in sizes):
            break
        scale = round(scale - STEP_SHRINK, 2)
    card_h = min(frame.height, max(needed, int(frame.height * STEP_LOWEST_SHARE)))
    top = frame.top + (frame.height - card_h) // 2
    diameter = emu(sizes["number"] * STEP_BADGE_SCALE)
    below = emu(STEP_BOTTOM_MARGIN)
    owner_top = max(top + card_h - below - emu(foot), top + emu(head))
    placed = []
    for index, (paras, owner) in enumerate(texts):
        card_left = row_left + index * (card_w + gap)
        text_left = card_left + (card_w - text_w) // 2
        placed.append(
            StepBox(
                card=Rect(card_left, top, card_w, card_h),
                badge=Rect(
                    card_left + (card_w - diameter) // 2,
                    top + emu(STEP_TOP_MARGIN),
                    diameter,
                    diameter,
                ),
                text_area=Rect(text_left, top + emu(head), text_w, owner_top - top - emu(head)),
                owner_area=Rect(text_left, owner_top, text_w, emu(foot)) if owner else None,
                number=Para(str(index + 1), bullet=False, size=sizes["number"], space_before=0.0),
                paras=paras,
                owner=owner,
                own=index in own,
            )
        )
    return ProcessFit(tuple(placed), sizes["text"], fits)


def _step_sizes(scale: float, min_size: float) -> dict[str, float]:
    """Sizes (points, to the half point) of a step's parts at ``scale`` of the design's,
    none below ``min_size`` or above the design's own."""
    return {
        part: round(min(largest, max(largest * scale, min_size)) * 2) / 2
        for part, largest in STEP_LARGEST.items()
    }


def _step_text(
    step: model.ProcessStep, sizes: dict[str, float]
) -> tuple[tuple[Para, ...], Para | None]:
    """A step's paragraphs, sized: its title and text, and its owner (when it names one)."""
    title = Para(flow(step.title), bullet=False, size=sizes["title"], space_before=0.0)
    text = tuple(
        Para(line, bullet=False, size=sizes["text"], space_before=round(0.4 * sizes["text"], 2))
        for line in paragraphs(step.text)
    )
    owner = None
    if step.owner.strip():
        owner = Para(flow(step.owner), bullet=False, size=sizes["owner"], space_before=0.0)
    return (title, *text), owner


def _styles(paras: list[Para], family: str, titled: bool) -> list[tuple[str, ParagraphStyle]]:
    """Each paragraph with its style; the first is bold where it is a step's title."""
    return [
        (
            para.text,
            ParagraphStyle(
                family,
                para.size or STEP_LARGEST["text"],
                bold=titled and index == 0,
                space_before=para.space_before or 0.0,
            ),
        )
        for index, para in enumerate(paras)
    ]


def _height(
    paras: list[Para], width: float, family: str, fonts: ThemeFonts, titled: bool = True
) -> float:
    """The height of paragraphs, with room for the last line's descenders."""
    last = paras[-1].size or STEP_LARGEST["text"]
    return text_height(_styles(paras, family, titled), width, fonts) + 0.1 * last


def _words_fit(
    paras: list[Para], width: float, family: str, fonts: ThemeFonts, titled: bool = True
) -> bool:
    return all(
        longest_word_fits(text, style, width, fonts)
        for text, style in _styles(paras, family, titled)
    )


CARDS_GAP = 16.0  # points between cards
CARD_INSET = 14.0  # points inside a card
CARD_BAR = 6.0  # the accent bar on top of a card
CARD_SIZES = (  # value, figure label, title, text: the design, then smaller steps
    (40, 13, 20, 16), (36, 12, 19, 15), (32, 12, 18, 14), (28, 11, 17, 13), (26, 11, 16, 12),
    (24, 10, 15, 12), (22, 10, 14, 11),
)  # fmt: skip


@dataclass(frozen=True)
class CardsFit:
    """How cards are set: cards per row, the size of each card (EMU) and font sizes (pt)."""

    rows: tuple[int, ...]
    card_w: int
    card_h: int
    value_size: int
    label_size: int
    title_size: int
    text_size: int
    fits: bool
    note_size: float = 0.0  # a figure's note ("today -> goal")


def cards_rows(count: int) -> tuple[int, ...]:
    """Cards per row: up to three side by side, four as 2x2, five as 3+2, six as 3+3."""
    if count <= 3:
        return (count,)
    if count == 4:
        return (2, 2)
    return (3, count - 3)


def card_paragraphs(
    card: model.Card,
    lines: FigureLines | None,
    sizes: tuple[int, int, int, int],
    family: str,
    min_size: float = 0.0,
) -> list[tuple[str, ParagraphStyle]]:
    """The paragraphs of one card with their styles: figure, its label, title, text."""
    value, label, title, text = sizes
    paras = []
    if lines is not None:
        paras.append((lines.value, ParagraphStyle(family, value, bold=True)))
        paras.append((lines.label, ParagraphStyle(family, label)))
        if lines.note:
            paras.append((lines.note, ParagraphStyle(family, note_size(label, min_size))))
    paras.append((card.title, ParagraphStyle(family, title, bold=True, space_before=8)))
    if card.text:
        paras.append((card.text, ParagraphStyle(family, text, space_before=4)))
    return paras


def cards_fit(
    cards: list[model.Card],
    lines: list[FigureLines | None],
    width: int,
    height: int,
    family: str,
    fonts: ThemeFonts,
    min_size: float = 0.0,
) -> CardsFit:
    """The largest sizes at which every card's text fits its card, no word broken, and no
    text below ``min_size`` (the theme's smallest text)."""
    rows = cards_rows(len(cards))
    columns = max(rows)
    gap = emu(CARDS_GAP)
    card_w = (width - gap * (columns - 1)) // columns
    card_h = (height - gap * (len(rows) - 1)) // len(rows)
    inner_w = points(card_w) - 2 * CARD_INSET
    inner_h = points(card_h) - 2 * CARD_INSET - CARD_BAR
    floor = math.ceil(min_size)
    designs = list(
        dict.fromkeys(
            (value, max(label, floor), max(title, floor), max(text, floor))
            for value, label, title, text in CARD_SIZES
        )
    )
    note = note_size(designs[-1][1], min_size)
    titles = [card.title for card in cards]
    for value, label, title, text in designs:
        title_style = ParagraphStyle(family, title, bold=True)
        title = max(int(unbroken_size(titles, title_style, inner_w, fonts, text)), floor)
        sizes = (value, label, title, text)
        fits = True
        for card, figure in zip(cards, lines, strict=True):
            paras = card_paragraphs(card, figure, sizes, family, min_size)
            tall = text_height(paras, inner_w, fonts)
            fits = fits and tall <= inner_h
            fits = fits and all(longest_word_fits(t, s, inner_w, fonts) for t, s in paras)
        if fits:
            return CardsFit(
                rows, card_w, card_h, *sizes, fits=True, note_size=note_size(sizes[1], min_size)
            )
    return CardsFit(rows, card_w, card_h, *designs[-1], fits=False, note_size=note)
