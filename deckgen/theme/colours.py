"""Colours of a template as a reader sees them: contrast (WCAG 2.1), scheme slots, modifiers.

Colours are ``RRGGBB`` hex strings. A template names colours by scheme slot (``accent1``,
``tx1``, ...); :class:`Palette` resolves the slots of one slide master, through its colour map.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable
from dataclasses import dataclass, field

TEXT_CONTRAST = 4.5  # WCAG 2.1 AA for text
LARGE_TEXT_CONTRAST = 3.0  # from 18 pt, or 14 pt bold
SCHEME_SLOTS = (
    "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
    "hlink", "folHlink",
)  # fmt: skip
MAPPED_SLOTS = ("bg1", "tx1", "bg2", "tx2")  # names a master maps onto scheme slots
DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


def rgb(colour: str) -> tuple[float, float, float]:
    """A hex colour as red, green, blue from 0 to 1."""
    value = colour.lstrip("#")
    if len(value) != 6:
        return (0.0, 0.0, 0.0)
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def to_hex(red: float, green: float, blue: float) -> str:
    """Red, green, blue from 0 to 1 as a hex colour."""
    return "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in (red, green, blue))


def luminance(colour: str) -> float:
    """The relative luminance of a colour (WCAG 2.1)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    """The contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def needed_contrast(size: float, bold: bool = False) -> float:
    """The contrast text of ``size`` points needs (WCAG 2.1 AA)."""
    large = size >= 18 or (bold and size >= 14)
    return LARGE_TEXT_CONTRAST if large else TEXT_CONTRAST


def modified(colour: str, modifiers: Iterable[tuple[str, int]]) -> str:
    """A colour with DrawingML modifiers applied: lumMod, lumOff, tint, shade (in 1/1000 %)."""
    red, green, blue = rgb(colour)
    for name, value in modifiers:
        amount = value / 100000
        if name in ("lumMod", "lumOff"):
            hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
            light = light * amount if name == "lumMod" else light + amount
            red, green, blue = colorsys.hls_to_rgb(hue, max(0.0, min(1.0, light)), sat)
        elif name == "tint":  # towards white
            red, green, blue = (c + (1 - c) * (1 - amount) for c in (red, green, blue))
        elif name == "shade":  # towards black
            red, green, blue = (c * amount for c in (red, green, blue))
    return to_hex(red, green, blue)


@dataclass(frozen=True)
class Palette:
    """The colours of one slide master: its scheme slots and background, resolved.

    ``colour("tx1")`` follows the master's colour map (a dark master maps tx1 to lt1).
    """

    scheme: dict[str, str]
    mapping: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MAP))
    background: str = "FFFFFF"
    picture_background: bool = False

    def colour(self, slot: str) -> str:
        """The hex colour of a scheme slot or a mapped name (bg1, tx1, ...)."""
        slot = self.mapping.get(slot, slot)
        return self.scheme.get(slot, "000000" if slot.startswith("dk") else "FFFFFF")

    def best_text(self, behind: str, slots: Iterable[str], size: float = 12.0) -> str | None:
        """The first slot whose colour reads on ``behind`` at ``size``, else None."""
        for slot in slots:
            if contrast(self.colour(slot), behind) >= needed_contrast(size):
                return slot
        return None

    def readable(self, behind: str, slots: Iterable[str] = ("tx1", "tx2", "bg1", "bg2")) -> str:
        """The slot among ``slots`` (then dk1, lt1) with the highest contrast on ``behind``."""
        candidates = [*slots, "dk1", "lt1"]
        return max(candidates, key=lambda slot: contrast(self.colour(slot), behind))


@dataclass(frozen=True)
class DrawnColours:
    """The scheme slots what deckgen draws itself takes, each text readable on its fill."""

    card_fill: str
    card_values: tuple[str, ...]  # one per card, in order
    card_accents: tuple[str, ...]  # the bar on top of each card
    card_label: str
    header_fill: str
    header_text: str
    row_fills: tuple[str, str]  # odd and even rows
    row_texts: tuple[str, str]
    chart_text: str
    caption_text: str


ACCENT_SLOTS = tuple(f"accent{n}" for n in range(1, 7))
VALUE_SIZE = 12.0  # key-figure values shrink to fit: ask of them what small text needs


def drawn_colours(palette: Palette) -> DrawnColours:
    """Colours for cards, tables and charts on a slide of ``palette``: the template's accents
    where they read, else the scheme's text or background colours that do."""
    background = palette.background
    card_fill = "bg2" if contrast(palette.colour("bg2"), background) < 3 else "bg1"
    behind_card = palette.colour(card_fill)

    def text_on(behind: str, preferred: tuple[str, ...], size: float, bold: bool = False) -> str:
        for slot in preferred:
            if contrast(palette.colour(slot), behind) >= needed_contrast(size, bold):
                return slot
        return max(
            (*preferred, "tx1", "tx2", "bg1", "dk1", "lt1"),
            key=lambda slot: contrast(palette.colour(slot), behind),
        )

    values = []
    for index in range(len(ACCENT_SLOTS)):
        rotated = ACCENT_SLOTS[index:] + ACCENT_SLOTS[:index]
        values.append(text_on(behind_card, (*rotated, "tx2", "tx1"), VALUE_SIZE, bold=True))
    header_fill = "accent1"
    header_text = text_on(palette.colour(header_fill), ("bg1", "lt1", "tx1", "dk1"), 14, True)
    if contrast(palette.colour(header_text), palette.colour(header_fill)) < 4.5:
        header_fill = max(
            ("tx2", "tx1", "accent2", "accent3"),
            key=lambda slot: contrast(palette.colour(slot), palette.colour("bg1")),
        )
        header_text = text_on(palette.colour(header_fill), ("bg1", "lt1", "tx1", "dk1"), 14, True)
    rows = ("bg1", "bg2")
    row_texts = tuple(text_on(palette.colour(fill), ("tx1", "tx2"), 12) for fill in rows)
    return DrawnColours(
        card_fill=card_fill,
        card_values=tuple(values),
        card_accents=ACCENT_SLOTS,
        card_label=text_on(behind_card, ("tx1", "tx2"), 12),
        header_fill=header_fill,
        header_text=header_text,
        row_fills=rows,
        row_texts=(row_texts[0], row_texts[1]),
        chart_text=text_on(background, ("tx1", "tx2"), 12),
        caption_text=text_on(background, ("tx1", "tx2"), 12),
    )
