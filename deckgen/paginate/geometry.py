"""What a theme's template offers a deck, as plain data: frames, text settings, fonts.

The render layer reads these from the template once (``deckgen.render.template_geometry``);
pagination measures text against them without touching python-pptx.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from deckgen.paginate.fonts import ThemeFonts
from deckgen.paginate.measure import (
    ParagraphStyle,
    count_lines,
    longest_word_fits,
    text_height,
)

EMU_PER_POINT = 12700


def points(emu: float) -> float:
    """A length in EMU as points."""
    return emu / EMU_PER_POINT


def emu(pt: float) -> int:
    """A length in points as whole EMU."""
    return round(pt * EMU_PER_POINT)


@dataclass(frozen=True)
class Rect:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        """The x of the right edge."""
        return self.left + self.width

    @property
    def bottom(self) -> int:
        """The y of the bottom edge."""
        return self.top + self.height

    def foot(self, height: int) -> tuple[Rect, Rect]:
        """The rectangle less a strip of ``height`` at its foot, and that strip."""
        upper = replace(self, height=self.height - height)
        return upper, Rect(self.left, self.top + self.height - height, self.width, height)


@dataclass(frozen=True)
class Para:
    """One paragraph to write: text (with inline emphasis), list level, bullet, size.

    ``size`` and ``space_before`` (points) are set only where text must shrink; otherwise
    the placeholder's own style applies.
    """

    text: str
    level: int = 0
    bullet: bool | None = None  # None: as the placeholder's list style says
    size: float | None = None
    space_before: float | None = None
    space_after: float | None = None


@dataclass(frozen=True)
class TextSetting:
    """How a placeholder sets text: the room inside its insets (points), a style per level,
    the insets above and below the text (points) and where the text sits in its height
    (``t``, ``ctr`` or ``b``)."""

    width: float
    height: float
    levels: tuple[ParagraphStyle, ...]
    top_inset: float = 3.6
    bottom_inset: float = 3.6
    anchor: str = "t"

    def style(self, para: Para) -> ParagraphStyle:
        """The style of one paragraph: its level's, less the bullet indent when it has none."""
        style = self.levels[min(para.level, len(self.levels) - 1)]
        if para.bullet is False:
            return replace(style, indent_left=0.0, first_line=0.0)
        return style

    def scaled(self, para: Para, scale: float) -> ParagraphStyle:
        """The style of a paragraph at ``scale`` times its size (and space before)."""
        style = self.style(para)
        return replace(
            style,
            size=style.size * scale,
            space_before=style.space_before * scale,
            space_after=style.space_after * scale,
        )

    def text_height(self, paras: list[Para], fonts: ThemeFonts, scale: float = 1.0) -> float:
        """The height of ``paras`` at ``scale`` times their sizes."""
        return text_height([(p.text, self.scaled(p, scale)) for p in paras], self.width, fonts)

    def fits(self, paras: list[Para], fonts: ThemeFonts, scale: float = 1.0) -> bool:
        """Whether ``paras`` fit at ``scale``, with room for the last line's descenders
        (a line is 1.2 sizes, its glyphs reach about 1.3), and no word breaks."""
        if not paras:
            return True
        last = self.style(paras[-1]).size * scale
        return self.text_height(paras, fonts, scale) + 0.1 * last <= self.height and all(
            longest_word_fits(p.text, self.scaled(p, scale), self.width, fonts) for p in paras
        )

    def lone_last_word(self, para: Para, fonts: ThemeFonts, scale: float = 1.0) -> bool:
        """Whether the last line of a paragraph would hold one word alone."""
        words = para.text.split(" ")
        if len(words) < 2:
            return False
        style = self.scaled(para, scale)
        lines = count_lines(para.text, style, self.width, fonts)
        return lines > 1 and count_lines(" ".join(words[:-1]), style, self.width, fonts) < lines

    def smallest_size(self, paras: list[Para]) -> float:
        """The smallest font size among ``paras`` at their own style."""
        return min((self.style(p).size for p in paras), default=18.0)


@dataclass(frozen=True)
class Frame:
    """A place on a layout: its rectangle and, for a text placeholder, how it sets text.

    ``box`` marks a field that shares a placeholder with another: it is written in a text box
    that looks like the placeholder, at ``rect``. ``plate`` is the scheme colour (``bg1``,
    ...) of the plain surface the text stands on where the template's graphics under it are
    busy and leave no room beside them: the placeholder is filled with it.
    """

    rect: Rect
    text: TextSetting | None = None
    box: bool = False
    moved: bool = False  # the rect differs from the placeholder's own (safe area, columns)
    plate: str | None = None


@dataclass(frozen=True)
class KindFrames:
    """What the layout of one slide kind offers: a frame per field, and room for the rest."""

    layout: str
    fields: dict[str, Frame]
    content_area: Rect  # below the title: where drawn things go without a placeholder
    content_plate: str | None = None  # the plate under what is drawn there (see Frame)

    def has(self, name: str) -> bool:
        """Whether the layout has a placeholder for field ``name``."""
        return name in self.fields


@dataclass(frozen=True)
class TemplateGeometry:
    """Everything pagination needs to know about a theme's template."""

    slide_width: int
    slide_height: int
    fonts: dict[str, str]  # "major" and "minor": the theme's heading and body fonts
    kinds: dict[str, KindFrames] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # what the template does not allow, e.g. text over graphics
    roomier: dict[str, str] = field(default_factory=dict)  # kind -> a placement with more room

    @property
    def body_font(self) -> str:
        """The font of body text (the theme's minor font)."""
        return self.fonts.get("minor") or "Calibri"

    @property
    def families(self) -> list[str]:
        """Every font family text is measured in: the body font and each list level's, sorted."""
        names = {self.body_font}
        for kind in self.kinds.values():
            for frame in kind.fields.values():
                if frame.text is not None:
                    names.update(style.family for style in frame.text.levels)
        return sorted(names)
