"""What a template's layouts offer, and a guess of which layout suits which slide kind.

The guess looks at placeholder types first (a title and two bodies make a two-column layout,
whatever it is called) and at layout names second, in English and German, to choose between
layouts of the same shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from deckgen.content.model import SLIDE_KINDS

TITLE_TYPES = {"TITLE", "CENTER_TITLE", "VERTICAL_TITLE"}
BODY_TYPES = {"BODY", "OBJECT", "VERTICAL_BODY", "VERTICAL_OBJECT", "CHART", "TABLE"}
DECORATION_TYPES = {"DATE", "FOOTER", "SLIDE_NUMBER", "HEADER"}


@dataclass(frozen=True)
class PlaceholderInfo:
    """One placeholder of a layout: idx, type, name, position and size in EMU."""

    idx: int
    type: str
    name: str
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class LayoutInfo:
    """One layout of a template and its placeholders."""

    name: str
    placeholders: tuple[PlaceholderInfo, ...]

    def of(self, *types: str) -> list[PlaceholderInfo]:
        """Placeholders of the given types, left to right and top to bottom."""
        found = [p for p in self.placeholders if p.type in types]
        return sorted(found, key=lambda p: (p.top // 200000, p.left))

    @property
    def title(self) -> PlaceholderInfo | None:
        """The title placeholder, if the layout has one."""
        titles = self.of(*TITLE_TYPES)
        return titles[0] if titles else None

    @property
    def bodies(self) -> list[PlaceholderInfo]:
        """Placeholders that take text or content."""
        return self.of(*BODY_TYPES)

    @property
    def subtitles(self) -> list[PlaceholderInfo]:
        """Subtitle placeholders."""
        return self.of("SUBTITLE")

    @property
    def pictures(self) -> list[PlaceholderInfo]:
        """Picture placeholders."""
        return self.of("PICTURE")


@dataclass
class Choice:
    """The layout chosen for one slide kind, and how the kind makes do with it."""

    kind: str
    layout: str
    placeholders: dict[str, int]
    fallback: str = ""


@dataclass
class Guess:
    """The mapping guessed for a whole template."""

    choices: dict[str, Choice] = field(default_factory=dict)
    unmapped: dict[str, str] = field(default_factory=dict)


NAMES = {
    "title": ["title slide", "titelfolie", "title"],
    "content": ["title and content", "titel und inhalt", "title, content", "title & content"],
    "section": ["section header", "abschnittsüberschrift", "abschnitts-überschrift", "section"],
    "two": ["two content", "zwei inhalte", "title, 2 content"],
    "comparison": ["comparison", "vergleich"],
    "title_only": ["title only", "nur titel"],
    "blank": ["blank", "leer", "blank slide"],
    "picture": ["picture with caption", "bild mit überschrift", "bild mit beschriftung"],
}


def _body_area(layout: LayoutInfo) -> int:
    return sum(p.width * p.height for p in layout.bodies)


def _find(
    layouts: list[LayoutInfo], shape: Callable[[LayoutInfo], bool], names: list[str]
) -> LayoutInfo | None:
    """The layout of the right shape, preferring one whose name is in ``names``.

    Among layouts of the right shape whose names say nothing, the one with the most room for
    text wins; a layout named for sections is the last choice for anything else.
    """
    fitting = [layout for layout in layouts if shape(layout)]
    fitting.sort(key=lambda x: (_is_section(x) and names != NAMES["section"], -_body_area(x)))
    for name in names:
        for layout in fitting:
            if layout.name.strip().lower() == name:
                return layout
    for name in names:
        for layout in fitting:
            if name in layout.name.strip().lower():
                return layout
    return fitting[0] if fitting else None


def _is_section(layout: LayoutInfo) -> bool:
    return any(name in layout.name.lower() for name in NAMES["section"])


def _is_comparison(layout: LayoutInfo) -> bool:
    """A title, two short headings and two tall text areas under them."""
    bodies = layout.bodies
    if layout.title is None or len(bodies) != 4:
        return False
    heads, texts = bodies[:2], bodies[2:]
    return all(h.height * 2 < t.height and h.top < t.top for h, t in zip(heads, texts, strict=True))


def _with_title(layout: LayoutInfo, **fields: PlaceholderInfo | None) -> dict[str, int]:
    mapping = {"title": layout.title.idx} if layout.title is not None else {}
    mapping.update({name: p.idx for name, p in fields.items() if p is not None})
    return mapping


def guess_mapping(layouts: list[LayoutInfo]) -> Guess:
    """Choose a layout and placeholders for every slide kind deckgen knows."""
    guess = Guess()
    one_body = _find(
        layouts, lambda x: x.title is not None and len(x.bodies) == 1, NAMES["content"]
    )
    two_bodies = _find(layouts, lambda x: x.title is not None and len(x.bodies) == 2, NAMES["two"])
    four_bodies = _find(layouts, _is_comparison, NAMES["comparison"])
    opening = _find(layouts, lambda x: x.title is not None and bool(x.subtitles), NAMES["title"])
    section = _find(
        layouts,
        lambda x: x.title is not None and len(x.bodies) == 1 and not x.pictures,
        NAMES["section"],
    )
    if section is not None and not any(n in section.name.lower() for n in NAMES["section"]):
        section = None
    title_only = _find(
        layouts,
        lambda x: x.title is not None and not x.bodies and not x.subtitles,
        NAMES["title_only"],
    )
    picture = _find(layouts, lambda x: bool(x.pictures), NAMES["picture"])

    def choose(
        kind: str, layout: LayoutInfo, placeholders: dict[str, int], fallback: str = ""
    ) -> None:
        guess.choices[kind] = Choice(kind, layout.name, placeholders, fallback)

    if opening is not None:
        choose("title", opening, _with_title(opening, subtitle=opening.subtitles[0]))
        choose(
            "closing",
            opening,
            _with_title(opening, text=opening.subtitles[0]),
            "the contact is written under the text, in the subtitle",
        )
    elif one_body is not None:
        choose("title", one_body, _with_title(one_body, subtitle=one_body.bodies[0]))
        choose(
            "closing",
            one_body,
            _with_title(one_body, text=one_body.bodies[0]),
            "the contact is written under the text",
        )
    if section is not None:
        choose("section", section, _with_title(section, subtitle=section.bodies[0]))
    elif opening is not None:
        choose(
            "section",
            opening,
            _with_title(opening, subtitle=opening.subtitles[0]),
            "uses the title slide's layout",
        )
    if one_body is not None:
        body = one_body.bodies[0]
        choose("agenda", one_body, _with_title(one_body, body=body))
        choose("bullets", one_body, _with_title(one_body, body=body))
        choose(
            "chart",
            one_body,
            _with_title(one_body, chart=body),
            "the caption is drawn under the chart",
        )
        choose(
            "table",
            one_body,
            _with_title(one_body, table=body),
            "the caption is drawn under the table",
        )
        choose(
            "quote",
            one_body,
            {"quote": body.idx},
            "author and role are written under the quote; the title stays empty and is removed",
        )
    if four_bodies is not None:
        heads = four_bodies.bodies
        choose(
            "two_columns",
            four_bodies,
            _with_title(
                four_bodies,
                left_heading=heads[0],
                right_heading=heads[1],
                left=heads[2],
                right=heads[3],
            ),
        )
    elif two_bodies is not None:
        left, right = two_bodies.bodies
        choose(
            "two_columns",
            two_bodies,
            _with_title(two_bodies, left=left, right=right),
            "each heading is written as the first line of its column",
        )
    elif one_body is not None:
        choose(
            "two_columns",
            one_body,
            _with_title(one_body, left=one_body.bodies[0]),
            "both columns are written one after the other in the one text area",
        )
    if two_bodies is not None:
        left, right = two_bodies.bodies
        choose("concerns", two_bodies, _with_title(two_bodies, concern=left, answer=right))
    elif one_body is not None:
        choose(
            "concerns",
            one_body,
            _with_title(one_body, answer=one_body.bodies[0]),
            "the concern is written in italics above the answer",
        )
    if title_only is not None:
        choose(
            "key_figures",
            title_only,
            _with_title(title_only),
            "figures are drawn below the title (the layout has no placeholder for them)",
        )
        choose(
            "process",
            title_only,
            _with_title(title_only),
            "steps are drawn below the title, the caption under them",
        )
    elif one_body is not None:
        choose("key_figures", one_body, _with_title(one_body, figures=one_body.bodies[0]))
        choose(
            "process",
            one_body,
            _with_title(one_body, diagram=one_body.bodies[0]),
            "the caption is drawn under the steps",
        )
    if picture is not None and picture.title is not None:
        caption = picture.bodies[0] if picture.bodies else None
        choose("image", picture, _with_title(picture, image=picture.pictures[0], caption=caption))
    elif one_body is not None:
        choose(
            "image",
            one_body,
            _with_title(one_body, image=one_body.bodies[0]),
            "the picture goes where the text area is; the caption is drawn under it",
        )
    for kind in SLIDE_KINDS:
        if kind not in guess.choices:
            guess.unmapped[kind] = "no layout with a title and a text area"
    return guess
