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


def linear(channel: float) -> float:
    """An sRGB channel (0 to 1) as linear light."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def gamma(light: float) -> float:
    """Linear light (0 to 1) as an sRGB channel: the inverse of :func:`linear`."""
    light = max(0.0, min(1.0, light))
    return light * 12.92 if light <= 0.0031308 else 1.055 * light ** (1 / 2.4) - 0.055


def luminance(colour: str) -> float:
    """The relative luminance of a colour (WCAG 2.1)."""
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
    """A colour with DrawingML modifiers applied: lumMod, lumOff, tint, shade (in 1/1000 %).

    Tint and shade work on linear light, as PowerPoint and LibreOffice apply them: black with a
    tint of 75 % is #898989 (Office's grey footers), not #404040."""
    red, green, blue = rgb(colour)
    for name, value in modifiers:
        amount = value / 100000
        if name in ("lumMod", "lumOff"):
            hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
            light = light * amount if name == "lumMod" else light + amount
            red, green, blue = colorsys.hls_to_rgb(hue, max(0.0, min(1.0, light)), sat)
        elif name == "tint":  # towards white
            red, green, blue = (gamma(1 - (1 - linear(c)) * amount) for c in (red, green, blue))
        elif name == "shade":  # towards black
            red, green, blue = (gamma(linear(c) * amount) for c in (red, green, blue))
    return to_hex(red, green, blue)


def brightness_changes(brightness: float) -> list[tuple[str, int]]:
    """The DrawingML modifiers of PowerPoint's "darker 25 %" (-0.25) or "lighter 40 %" (0.4),
    as python-pptx's ``ColorFormat.brightness`` writes them."""
    if brightness < 0:
        return [("lumMod", round((1 + brightness) * 100000))]
    if brightness > 0:
        kept, added = round((1 - brightness) * 100000), round(brightness * 100000)
        return [("lumMod", kept), ("lumOff", added)]
    return []


BRIGHTNESS_STEP = 0.05  # a colour is darkened or lightened in steps of 5 %


def readable_brightness(colour: str, behind: str, needed: float) -> float:
    """The smallest change of brightness (-1 to 1, as :func:`brightness_changes`) that makes
    ``colour`` read on ``behind`` at a contrast of ``needed``: 0 where it does already; towards
    black or white, whichever needs less (at most all the way)."""
    if contrast(colour, behind) >= needed:
        return 0.0
    steps = round(1 / BRIGHTNESS_STEP)
    for step in range(1, steps + 1):
        for sign in (-1, 1):
            brightness = sign * step * BRIGHTNESS_STEP
            if contrast(modified(colour, brightness_changes(brightness)), behind) >= needed:
                return brightness
    black = contrast("000000", behind) >= contrast("FFFFFF", behind)
    return -1.0 if black else 1.0


@dataclass(frozen=True)
class Tone:
    """A scheme slot, made darker (brightness below 0) or lighter (above 0) where it must be:
    written as a theme colour with lumMod/lumOff, so that PowerPoint recolours it with the
    theme."""

    slot: str
    brightness: float = 0.0

    def changes(self) -> list[tuple[str, int]]:
        """The DrawingML modifiers of this tone."""
        return brightness_changes(self.brightness)


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

    def tone(self, tone: Tone) -> str:
        """The hex colour of a tone: its slot's, with its change of brightness."""
        colour = self.colour(tone.slot)
        return modified(colour, tone.changes()) if tone.brightness else colour

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
class StepTones:
    """The colours of one process step: its card and the text on it, its badge and number."""

    card: Tone
    text: Tone
    badge: Tone
    number: Tone


@dataclass(frozen=True)
class DrawnColours:
    """The colours what deckgen draws itself takes, each text readable on its fill."""

    card_fill: Tone
    card_values: tuple[Tone, ...]  # one per card, in order
    card_accents: tuple[Tone, ...]  # the bar on top of each card
    card_label: Tone
    header_fill: Tone
    header_text: Tone
    row_fills: tuple[Tone, Tone]  # odd and even rows
    row_texts: tuple[Tone, Tone]
    chart_text: Tone
    caption_text: Tone
    own_step: StepTones  # the department's own step of a process
    other_step: StepTones


ACCENT_SLOTS = tuple(f"accent{n}" for n in range(1, 7))
LIGHT_TEXTS = ("bg1", "lt1", "tx1", "dk1")  # text on a coloured fill: light first
DARK_TEXTS = ("tx1", "tx2", "dk1", "lt1")  # text on a background colour: the text colours first
DRAWN_CONTRAST = TEXT_CONTRAST  # drawn texts shrink to fit: 4.5:1 whatever their size


def text_on(palette: Palette, behind: str, preferred: Iterable[str]) -> Tone:
    """The first of ``preferred`` that reads on ``behind``; else the one that reads best, made
    darker or lighter until it reads."""
    slots = list(preferred)
    for slot in slots:
        if contrast(palette.colour(slot), behind) >= DRAWN_CONTRAST:
            return Tone(slot)
    best = max(slots, key=lambda slot: contrast(palette.colour(slot), behind))
    return Tone(best, readable_brightness(palette.colour(best), behind, DRAWN_CONTRAST))


def shaded_to_read(palette: Palette, slot: str, behind: str) -> Tone:
    """``slot`` as text (or a figure) on ``behind``: itself where it reads, else made darker
    or lighter until it does."""
    return Tone(slot, readable_brightness(palette.colour(slot), behind, DRAWN_CONTRAST))


def fill_and_text(
    palette: Palette, fill: str, texts: Iterable[str] = LIGHT_TEXTS
) -> tuple[Tone, Tone]:
    """A fill of ``fill`` and the first of ``texts`` that reads on it; where none does, the
    one that reads best, on the fill made darker or lighter until it reads."""
    slots = list(texts)
    colour = palette.colour(fill)
    for slot in slots:
        if contrast(palette.colour(slot), colour) >= DRAWN_CONTRAST:
            return Tone(fill), Tone(slot)
    best = max(slots, key=lambda slot: contrast(palette.colour(slot), colour))
    return Tone(fill, readable_brightness(colour, palette.colour(best), DRAWN_CONTRAST)), Tone(best)


def _figure(palette: Palette, index: int, behind: str) -> Tone:
    """The colour of the figure on card ``index``: its own accent where it reads on the card,
    else the next accent that does, else its own accent made darker or lighter until it does."""
    rotated = ACCENT_SLOTS[index:] + ACCENT_SLOTS[:index]
    for slot in rotated:
        if contrast(palette.colour(slot), behind) >= DRAWN_CONTRAST:
            return Tone(slot)
    return shaded_to_read(palette, rotated[0], behind)


GRAPHIC_CONTRAST = 3.0  # WCAG 2.1 non-text contrast: a bar, a slice, a line against its ground


def series_tones(palette: Palette, behind: str) -> tuple[Tone, ...]:
    """The colours of a chart's series (bars, lines, slices) on ``behind``: the template's
    accents in their order, those that stand out from it (3:1) first; the others after them,
    made darker or lighter until they do. A yellow accent on a yellow slide drew bars no one
    could see."""
    visible = [
        slot for slot in ACCENT_SLOTS if contrast(palette.colour(slot), behind) >= GRAPHIC_CONTRAST
    ]
    shaded = [
        Tone(slot, readable_brightness(palette.colour(slot), behind, GRAPHIC_CONTRAST))
        for slot in ACCENT_SLOTS
        if slot not in visible
    ]
    return (*(Tone(slot) for slot in visible), *shaded)


def drawn_colours(palette: Palette) -> DrawnColours:
    """Colours for cards, tables, charts and processes on a slide of ``palette``: the
    template's accents, and for text on them the scheme's text or background colour that
    reads (WCAG AA); where none does, the fill or the figure darker or lighter, as PowerPoint's
    own "darker 25 %" does."""
    background = palette.background
    card_fill = "bg2" if contrast(palette.colour("bg2"), background) < 3 else "bg1"
    behind_card = palette.colour(card_fill)
    header_fill, header_text = fill_and_text(palette, "accent1")
    rows = ("bg1", "bg2")
    row_texts = tuple(text_on(palette, palette.colour(fill), DARK_TEXTS) for fill in rows)
    own_card, own_text = fill_and_text(palette, "accent1")
    badge, number = fill_and_text(palette, "accent1")
    return DrawnColours(
        card_fill=Tone(card_fill),
        card_values=tuple(_figure(palette, index, behind_card) for index in range(6)),
        card_accents=tuple(Tone(slot) for slot in ACCENT_SLOTS),
        card_label=text_on(palette, behind_card, DARK_TEXTS),
        header_fill=header_fill,
        header_text=header_text,
        row_fills=(Tone(rows[0]), Tone(rows[1])),
        row_texts=(row_texts[0], row_texts[1]),
        chart_text=text_on(palette, background, DARK_TEXTS),
        caption_text=text_on(palette, background, DARK_TEXTS),
        own_step=StepTones(
            card=own_card,
            text=own_text,
            badge=Tone("bg1"),
            number=shaded_to_read(palette, own_card.slot, palette.colour("bg1")),
        ),
        other_step=StepTones(
            card=Tone("bg2"),
            text=text_on(palette, palette.colour("bg2"), DARK_TEXTS),
            badge=badge,
            number=number,
        ),
    )
