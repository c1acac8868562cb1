"""What a template's layouts offer, and a guess of which layout suits which slide kind.

The guess looks at placeholder types first (a title and two bodies make a two-column layout,
whatever it is called) and at layout names second, in English and German, to choose between
layouts of the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgen.content.model import SLIDE_KINDS

TITLE_TYPES = {"TITLE", "CENTER_TITLE", "VERTICAL_TITLE"}
BODY_TYPES = {"BODY", "OBJECT", "VERTICAL_BODY", "VERTICAL_OBJECT", "CHART", "TABLE"}
DECORATION_TYPES = {"DATE", "FOOTER", "SLIDE_NUMBER", "HEADER"}


@dataclass(frozen=True)
class PlaceholderInfo:
    """One placeholder of a layout: idx, type, name, position and size in EMU, and the share of
    its area that the template's own graphics cover."""

    idx: int
    type: str
    name: str
    left: int
    top: int
    width: int
    height: int
    covered: float = 0.0
    vertical: bool = False

    @property
    def area(self) -> int:
        """Width times height."""
        return self.width * self.height


@dataclass(frozen=True)
class LayoutInfo:
    """One layout of a template, its placeholders, and what the template shows around them.

    ``master`` counts the slide masters from 0; ``role`` is what the template's own sample
    slides used the master for: ``title`` (its first slide), ``content`` (the others) or "".
    """

    name: str
    placeholders: tuple[PlaceholderInfo, ...]
    master: int = 0
    role: str = ""
    picture_background: bool = False

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
    "picture": ["picture with caption", "bild mit überschrift", "bild mit beschriftung"],
}
FREE = 0.05  # a placeholder this little covered by template graphics counts as free
CLOSING_ROOM = 0.4  # a subtitle this large (of a content body) holds the closing's contact
SMALL_BODY = 0.3  # a text area under this share of the largest one is a side note, not a body


def _text(placeholders: list[PlaceholderInfo]) -> list[PlaceholderInfo]:
    return [p for p in placeholders if not p.vertical]


def _main_bodies(layout: LayoutInfo) -> list[PlaceholderInfo]:
    """The layout's text areas that can hold a slide's content, largest first; small ones (a
    line for a subtitle or a source) do not count."""
    bodies = _text(layout.bodies)
    if not bodies:
        return []
    largest = max(p.area for p in bodies)
    return [p for p in bodies if p.area >= SMALL_BODY * largest]


def _side_by_side(one: PlaceholderInfo, other: PlaceholderInfo) -> bool:
    """Two areas next to each other: they overlap in height, not in width."""
    left, right = sorted((one, other), key=lambda p: p.left)
    apart = left.left + left.width <= right.left + right.width // 10
    overlap = min(left.top + left.height, right.top + right.height) - max(left.top, right.top)
    return apart and overlap > 0.5 * min(left.height, right.height)


def _blocked(layout: LayoutInfo, used: list[PlaceholderInfo | None]) -> float:
    """How much of the placeholders deckgen uses the template's graphics cover (the worst)."""
    return max((p.covered for p in used if p is not None), default=0.0)


def _band(covered: float) -> int:
    """Free, partly covered, mostly covered: the first sort key of every choice."""
    return 0 if covered <= FREE else (1 if covered <= 0.5 else 2)


def _name_rank(layout: LayoutInfo, names: list[str]) -> int:
    name = layout.name.strip().lower()
    for rank, wanted in enumerate(names):
        if name == wanted:
            return rank
    for rank, wanted in enumerate(names):
        if wanted in name:
            return len(names) + rank
    return 2 * len(names)


@dataclass(frozen=True)
class _Candidate:
    layout: LayoutInfo
    used: tuple[PlaceholderInfo, ...]


def _best(candidates: list[_Candidate], names: list[str], role: str) -> _Candidate | None:
    """The least obstructed candidate; then the one from a master the template's own sample
    slides used for ``role``; then by name; then with most room for text."""

    def key(c: _Candidate) -> tuple[int, int, int, float, int]:
        covered = _blocked(c.layout, list(c.used))
        role_rank = 0 if c.layout.role == role else (1 if not c.layout.role else 2)
        room = sum(p.area for p in c.used)
        return (_band(covered), role_rank, _name_rank(c.layout, names), covered, -room)

    return min(candidates, key=key) if candidates else None


def guess_mapping(layouts: list[LayoutInfo]) -> Guess:
    """Choose a layout and placeholders for every slide kind deckgen knows.

    Every kind gets a layout when the template has any layout with a title: kinds without a
    layout of their own make do with another (a section on the title layout, two columns in
    one text area, ...), and say so.
    """
    guess = Guess()
    titled = [x for x in layouts if x.title is not None and not x.title.vertical]

    content = [
        _Candidate(x, (x.title, _main_bodies(x)[0]))  # type: ignore[arg-type]
        for x in titled
        if len(_main_bodies(x)) == 1 and not x.pictures
    ]
    pairs = []
    for x in titled:
        bodies = _main_bodies(x)
        if len(bodies) == 2 and _side_by_side(*bodies):
            left, right = sorted(bodies, key=lambda p: p.left)
            pairs.append(_Candidate(x, (x.title, left, right)))  # type: ignore[arg-type]
    comparisons = [
        _Candidate(x, (x.title, *x.bodies))  # type: ignore[arg-type]
        for x in titled
        if _is_comparison(x)
    ]
    openings = [
        _Candidate(x, (x.title, x.subtitles[0]))  # type: ignore[arg-type]
        for x in titled
        if x.subtitles
    ]
    sections = [
        _Candidate(x, (x.title, _main_bodies(x)[0]))  # type: ignore[arg-type]
        for x in titled
        if _is_section(x) and len(_main_bodies(x)) == 1
    ]
    title_only = [
        _Candidate(x, (x.title,))  # type: ignore[arg-type]
        for x in titled
        if not x.bodies and not x.subtitles and not x.pictures
    ]
    pictures = [
        _Candidate(x, (x.title, x.pictures[0], *_main_bodies(x)[:1]))  # type: ignore[arg-type]
        for x in titled
        if x.pictures
    ]

    one = _best(content, NAMES["content"], "content")
    opening = _best(openings, NAMES["title"], "title")
    section = _best(sections, NAMES["section"], "title")
    if one is not None:  # drawn below the title: one lower than the content layout's leaves
        high = one.used[0].top + one.used[0].height  # no room (Portfolio's stands at the foot)
        title_only = [c for c in title_only if c.used[0].top <= high]
    only = _best(title_only, NAMES["title_only"], "content")
    two = _best(pairs, NAMES["two"], "content")
    four = _best(comparisons, NAMES["comparison"], "content")
    picture = _best(pictures, NAMES["picture"], "content")

    def choose(
        kind: str, candidate: _Candidate, fields: dict[str, int], fallback: str = ""
    ) -> None:
        guess.choices[kind] = Choice(kind, candidate.layout.name, fields, fallback)

    def with_title(candidate: _Candidate, **fields: PlaceholderInfo) -> dict[str, int]:
        mapping = {"title": candidate.used[0].idx}
        mapping.update({name: p.idx for name, p in fields.items()})
        return mapping

    if opening is not None:
        sub = opening.used[1]
        choose("title", opening, with_title(opening, subtitle=sub))
        if one is None or sub.area >= CLOSING_ROOM * one.used[1].area:
            closing_note = "the contact is written under the text, in the subtitle"
            choose("closing", opening, with_title(opening, text=sub), closing_note)
        else:  # a subtitle too small for the contact: the closing takes a content layout
            body = one.used[1]
            closing_note = "the contact is written under the text"
            choose("closing", one, with_title(one, text=body), closing_note)
    elif one is not None:
        body = one.used[1]
        choose("title", one, with_title(one, subtitle=body), "the subtitle goes in the text area")
        choose("closing", one, with_title(one, text=body), "the contact is written under the text")
    if section is not None:
        choose("section", section, with_title(section, subtitle=section.used[1]))
    elif opening is not None:
        sub = opening.used[1]
        choose(
            "section", opening, with_title(opening, subtitle=sub), "uses the title slide's layout"
        )
    elif one is not None:
        body = one.used[1]
        choose("section", one, with_title(one, subtitle=body), "uses a content layout")
    if one is not None:
        body = one.used[1]
        choose("agenda", one, with_title(one, body=body))
        choose("bullets", one, with_title(one, body=body))
        choose("chart", one, with_title(one, chart=body), "the caption is drawn under the chart")
        choose("table", one, with_title(one, table=body), "the caption is drawn under the table")
        choose(
            "quote",
            one,
            {"quote": body.idx},
            "author and role are written under the quote; the title stays empty and is removed",
        )
        choose("concerns", one, with_title(one, answer=body), "the counter leads the answer")
        choose("cards", one, with_title(one, cards=body), "the cards go where the text area is")
        choose("decision", one, with_title(one, body=body))
        figures = only or one
        figure_fields = with_title(figures) if only else with_title(one, figures=body)
        note = "figures are drawn below the title" if only else ""
        choose("key_figures", figures, figure_fields, note)
        steps_fields = with_title(figures) if only else with_title(one, diagram=body)
        steps_note = "steps are drawn below the title, the caption under them"
        choose(
            "process",
            figures,
            steps_fields,
            steps_note if only else "the caption is drawn under the steps",
        )
    if four is not None:
        heads = list(four.used[1:])
        choose(
            "two_columns",
            four,
            with_title(
                four, left_heading=heads[0], right_heading=heads[1], left=heads[2], right=heads[3]
            ),
        )
    elif two is not None:
        left, right = two.used[1], two.used[2]
        choose(
            "two_columns",
            two,
            with_title(two, left=left, right=right),
            "each heading is written as the first line of its column",
        )
    elif one is not None:
        body = one.used[1]
        choose(
            "two_columns",
            one,
            with_title(one, left=body, right=body),
            "the two columns share the text area, side by side",
        )
    if picture is not None:
        fields = with_title(picture, image=picture.used[1])
        if len(picture.used) > 2:
            fields["caption"] = picture.used[2].idx
        choose("image", picture, fields)
    elif one is not None:
        choose(
            "image",
            one,
            with_title(one, image=one.used[1]),
            "the picture goes where the text area is; the caption is drawn under it",
        )
    for kind in SLIDE_KINDS:
        if kind not in guess.choices:
            guess.unmapped[kind] = "no layout with a title and a text area"
    return guess


def _is_section(layout: LayoutInfo) -> bool:
    return any(name in layout.name.lower() for name in NAMES["section"])


def _is_comparison(layout: LayoutInfo) -> bool:
    """A title, two short headings and two tall text areas under them."""
    bodies = layout.bodies
    if layout.title is None or len(bodies) != 4:
        return False
    heads, texts = bodies[:2], bodies[2:]
    return all(h.height * 2 < t.height and h.top < t.top for h, t in zip(heads, texts, strict=True))
