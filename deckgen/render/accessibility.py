"""Read a written deck as a screen-reader user and a reader with low vision meet it.

Titles, alternative texts, decorative marks, table header rows, reading order and languages
come from the slides' XML; the contrast and size of every text run are resolved through the
theme: the run's own colour and size, else its placeholder's inherited list styles (slide,
layout, master), against what lies behind it: its shape's fill, else the shapes under it on the
slide, else the layout's and master's graphics, else the background.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image
from pptx import Presentation

from deckgen.accessibility import (
    FigureShape,
    Finding,
    looks_like_file_name,
    minimum,
    screen_title,
    text_role,
)
from deckgen.content.model import MinimumSizes, Slide
from deckgen.paginate.geometry import Rect
from deckgen.render.oxml import access
from deckgen.render.oxml.graphics import layout_marks, layout_pictures, palette_of
from deckgen.render.oxml.plates import plate_words
from deckgen.theme.colours import Palette, contrast, needed_contrast
from deckgen.theme.graphics import Mark, Point, picture_colours, plate_colour, small_picture
from deckgen.theme.paint import OPAQUE, Stop, composite
from deckgen.typography import plain

# the hidden title's box (EMU: 5.08 cm, three lines of 44 pt), its own height above the slide
HIDDEN_TITLE_HEIGHT = 1828800
SAMPLES = (0.2, 0.5, 0.8)  # where in a text's box (across and down) the background is looked at
_SNIPPET = 40


def prepare_slide(slide: Any, content: Slide, language: str) -> None:
    """What a finished slide needs for screen readers: a title (hidden above the slide where
    its layout shows none, as PowerPoint's "Add Hidden Slide Title" does), read first."""
    elements = access.shape_elements(slide)
    title = screen_title(content)
    if title and not any(access.is_title(e) and access.has_text(e) for e in elements):
        for element in elements:
            if access.is_title(element):  # an empty title the layout brought
                access.remove(element)
        access.add_hidden_title(slide, title, language, HIDDEN_TITLE_HEIGHT)
    access.put_title_first(slide)


READABLE_SLOTS = ("tx1", "tx2", "bg1", "bg2", "dk1", "lt1")  # what text is given to read


@dataclass
class Seen:
    """What the slides of one deck share, read once for :func:`make_readable`: each layout's
    colours, graphics and placeholders, and its pictures, small."""

    layouts: dict[int, _LayoutFacts] = field(default_factory=dict)
    defaults: list[access.Level] | None = None  # the presentation's default text style
    pictures: dict[int, list[tuple[tuple[Point, ...], Image.Image]]] = field(default_factory=dict)


def make_readable(slide: Any, seen: Seen) -> list[str]:
    """Give every text of a finished slide that would not read on what lies behind it (WCAG
    AA, as ``deckgen check`` sees it) the scheme text or background colour that reads best
    there: a footer or slide number the template greys, a subtitle in a light colour, body text
    in the master's dark text on a dark layout. Text on a fill of its own (what deckgen draws
    chose its colours already), in tables, charts and groups is left alone. Where a text
    stands on a picture of the template, the picture's colours there count. Returns what was
    changed, for the record.

    Text needs 3:1 from 18 pt, else 4.5:1: bold text from 14 pt is held to 4.5:1 as well,
    stricter than WCAG, since a reader cannot tell its weight from its size.
    """
    presentation = slide.part.package.presentation_part.presentation
    size = (int(presentation.slide_width), int(presentation.slide_height))
    if seen.defaults is None:
        seen.defaults = access.default_levels(presentation)
    reader = _SlideReader(slide, 0, {}, MinimumSizes(), seen.defaults, size, seen.layouts)
    key = id(slide.slide_layout._element)
    if key not in seen.pictures:
        pictures = layout_pictures(slide.slide_layout, reader.palette)
        seen.pictures[key] = [
            (outline, image)
            for outline, data in pictures
            if (image := small_picture(data)) is not None
        ]
    changed = []
    for element in access.shape_elements(slide):
        if access.tag(element) != "sp" or not access.has_text(element):
            continue
        if access.own_fill(element, reader.palette) is not None:
            continue
        if access.off_slide(element, *size):
            continue
        runs = reader.runs(element)
        whole = reader._box(element)
        box = _text_box(element, whole, runs, reader.insets(element))
        points = reader.behind_points(element, box)
        points += [[c] for c in reader.picture_colours(element, seen.pictures[key], box)]
        change = _readable_change(reader.palette, runs, points, exact=box != whole)
        if change is None:
            continue
        slot, plate, changing = change
        for run in changing:
            access.set_run_colour(run.element, slot)
        shape = next((s for s in slide.shapes if s._element is element), None)
        if plate is not None and shape is not None:
            plate_words(shape, plate, box if box != whole else None)
            changed.append(f"{access.name(element)}: {slot} on a plate of {plate}")
        else:
            changed.append(f"{access.name(element)}: {slot}")
    return changed


READING_MARGIN = 0.25  # of contrast: a chosen colour reads this much better than it must, as a
# renderer's gradient or a glow's edge lies a little off from where deckgen puts them


def _readable_change(
    palette: Palette, runs: list[access.TextRun], points: list[list[str]], exact: bool = False
) -> tuple[str, str | None, list[access.TextRun]] | None:
    """The scheme colour a text's ``runs`` take on what lies at ``points`` under them, the
    plate's where the text stands on a pattern it cannot read on (a hatch of two colours no
    colour reads on both of) or, with ``exact`` points (where a short text's characters are),
    on colours no one colour reads on all of (a slide number on a gradient from red to pink,
    where black falls short at one end and white at the other; not where no colour reads even
    on the main one: that is the theme's to fix, and deckgen check reports it), and the runs to
    change; None where they read already (with :data:`READING_MARGIN` to spare), or nothing
    reads better."""
    counts: dict[str, int] = {}
    for colours in points:
        for colour in colours:
            counts[colour] = counts.get(colour, 0) + 1
    if not counts:
        return None

    def worst(colour: str) -> float:
        return min(contrast(colour, behind) for behind in counts)

    failing = [r for r in runs if worst(r.colour) < needed_contrast(r.size) + READING_MARGIN]
    if not failing:
        return None
    size = min(run.size for run in failing)
    slot = _readable_slot(palette, counts, size)
    text = palette.colour(slot)
    mixed = [c for colours in points if len(colours) > 1 for c in colours]
    main = max(counts, key=counts.__getitem__)
    varies = exact and worst(text) < needed_contrast(size) <= contrast(text, main)
    if varies or any(contrast(text, colour) < needed_contrast(size) for colour in mixed):
        return slot, plate_colour(palette, text, main, tuple(counts)), runs
    if worst(text) >= needed_contrast(size):
        failing = [run for run in failing if worst(run.colour) < worst(text)]
    else:
        failing = [run for run in failing if contrast(run.colour, main) < contrast(text, main)]
    return (slot, None, failing) if failing else None  # else deckgen check reports it


Box = tuple[float, float, float, float]  # left, top, right, bottom in EMU
CHARACTER_WIDTH = 0.6  # of the size: a wide guess at a character's width
EMU_PER_POINT = 12700


def _text_box(
    element: Any, box: Box | None, runs: list[access.TextRun], inset: dict[str, int]
) -> Box | None:
    """Where a short text (one line: a footer, a slide number) lies in its ``box``: the width
    its characters take, at the side of the box inside its ``inset`` that its alignment puts
    them. The whole box for longer text and where the alignment is not the shape's own."""
    if box is None or not runs or len(access.paragraphs(element)) != 1:
        return box
    left, top, right, bottom = box
    if right - left > inset["lIns"] + inset["rIns"]:
        left, right = left + inset["lIns"], right - inset["rIns"]
    if bottom - top > inset["tIns"] + inset["bIns"]:
        top, bottom = top + inset["tIns"], bottom - inset["bIns"]
    width = sum(len(run.text) * run.size * CHARACTER_WIDTH * EMU_PER_POINT for run in runs)
    align = access.alignment(element)
    if width >= right - left or align not in ("l", "ctr", "r"):
        return box
    if align == "r":
        return (right - width, top, right, bottom)
    if align == "ctr":
        middle = (left + right) / 2
        return (middle - width / 2, top, middle + width / 2, bottom)
    return (left, top, left + width, bottom)


def _readable_slot(palette: Palette, behind: dict[str, int], size: float) -> str:
    """The scheme colour for text of ``size`` on the colours ``behind`` (with how much of the
    text each lies under): the one that reads best on all, where one reads on all; else the
    one that reads best on the colour under most of the text (a footer whose box reaches past
    its band reads on the band)."""
    needed = needed_contrast(size)

    def worst(slot: str) -> float:
        return min(contrast(palette.colour(slot), colour) for colour in behind)

    best = max(READABLE_SLOTS, key=worst)
    if worst(best) >= needed:
        return best
    main = max(behind, key=behind.__getitem__)
    return max(READABLE_SLOTS, key=lambda slot: contrast(palette.colour(slot), main))


def figure_shapes(path: Path) -> tuple[str, list[list[FigureShape]]]:
    """A written deck's language, and for each slide the shapes a PDF shows as figures
    (pictures, charts, shapes and lines without text, groups opened), in painting order."""
    presentation = Presentation(str(path))
    slides = []
    for slide in presentation.slides:
        found: list[FigureShape] = []
        for element in access.shape_elements(slide):
            _figures(element, found)
        slides.append(found)
    return presentation.core_properties.language or "en-US", slides


def _figures(element: Any, found: list[FigureShape]) -> None:
    kind = access.tag(element)
    if kind == "grpSp":
        for child in access.children(element):
            _figures(child, found)
        return
    figure = (
        kind in ("pic", "cxnSp")
        or (kind == "graphicFrame" and access.graphic_kind(element) == "chart")
        or (kind == "sp" and not access.has_text(element))
    )
    if figure:
        found.append(FigureShape(access.description(element), access.is_decorative(element)))


def inspect_deck(
    data: bytes, fields: Sequence[dict[int, str]], sizes: MinimumSizes
) -> list[Finding]:
    """Every finding in a deck's bytes; ``fields[n]`` names the field of each placeholder idx
    of slide ``n + 1`` (for the minimum size its text is held to)."""
    return inspect_presentation(Presentation(io.BytesIO(data)), fields, sizes)


def inspect_presentation(
    presentation: Any, fields: Sequence[dict[int, str]], sizes: MinimumSizes
) -> list[Finding]:
    """Every finding in an open deck, slide by slide, then those of the document."""
    findings: list[Finding] = []
    properties = presentation.core_properties
    if not (properties.title or "").strip():
        findings.append(Finding("document", 0, "the document has no title"))
    if not (properties.language or "").strip():
        findings.append(Finding("document", 0, "the document does not say its language"))
    defaults = access.default_levels(presentation)
    titles: dict[str, int] = {}
    size = (presentation.slide_width, presentation.slide_height)
    layouts: dict[int, _LayoutFacts] = {}  # what slides of a layout share, read once
    for number, slide in enumerate(presentation.slides, start=1):
        slide_fields = fields[number - 1] if number <= len(fields) else {}
        reader = _SlideReader(slide, number, slide_fields, sizes, defaults, size, layouts)
        findings.extend(reader.findings())
        title = reader.title_text
        if title:
            key = " ".join(title.split()).casefold()
            if key in titles:
                findings.append(
                    Finding(
                        "unique-title",
                        number,
                        f"the title '{title}' is also the title of slide {titles[key]}; "
                        "screen-reader users tell slides apart by their titles",
                        content=True,
                    )
                )
            else:
                titles[key] = number
    return findings


@dataclass(frozen=True)
class _LayoutFacts:
    """What every slide of a layout shares: colours, graphics, placeholders' styles."""

    palette: Palette
    marks: list[Mark]
    placeholders: dict[int, access.LayoutPlaceholder]


_KNOWN_LAYOUTS: dict[bytes, _LayoutFacts] = {}  # by fingerprint: decks on one template share
_KNOWN_LIMIT = 256


def _layout_facts(layout: Any) -> _LayoutFacts:
    """What slides of ``layout`` share, read once per process for each distinct layout (every
    deck of a build on one template has the same layouts: their styles, colours and graphics)."""
    fingerprint = access.layout_fingerprint(layout)
    known = _KNOWN_LAYOUTS.get(fingerprint)
    if known is None:
        palette = palette_of(layout)
        known = _LayoutFacts(
            palette, layout_marks(layout, palette), access.layout_placeholders(layout)
        )
        if len(_KNOWN_LAYOUTS) >= _KNOWN_LIMIT:
            _KNOWN_LAYOUTS.clear()
        _KNOWN_LAYOUTS[fingerprint] = known
    return known


class _SlideReader:
    """The findings of one slide."""

    def __init__(
        self,
        slide: Any,
        number: int,
        fields: dict[int, str],
        sizes: MinimumSizes,
        defaults: list[access.Level],
        size: tuple[int, int],
        layouts: dict[int, _LayoutFacts],
    ) -> None:
        self.slide = slide
        self.number = number
        self.fields = fields
        self.sizes = sizes
        self.defaults = defaults
        self.width, self.height = size
        self.layout = slide.slide_layout
        known = layouts.get(id(self.layout._element))
        if known is None:
            known = _layout_facts(self.layout)
            layouts[id(self.layout._element)] = known
        self.palette: Palette = known.palette
        self.layout_marks = known.marks
        self.inherited = known.placeholders
        self.marks = access.slide_marks(slide, self.palette)
        self.order = {id(element): index for index, (element, _) in enumerate(self.marks)}
        self.title_text = ""
        self.found: list[Finding] = []

    def add(self, rule: str, what: str, content: bool = False, example: str = "") -> None:
        self.found.append(Finding(rule, self.number, what, content, self.layout.name, example))

    def findings(self) -> list[Finding]:
        elements = access.shape_elements(self.slide)
        self._title(elements)
        for element in elements:
            self._shape(element)
        return self.found

    # -- structure ---------------------------------------------------------------------------

    def _title(self, elements: list[Any]) -> None:
        titles = [e for e in elements if access.is_title(e) and access.has_text(e)]
        if not titles:
            self.add("title", "the slide has no title; give it one", content=True)
            return
        self.title_text = plain(access.text_of(titles[0])).strip()
        readable = [e for e in elements if not access.is_decorative(e)]
        if readable and readable[0] is not titles[0]:
            self.add("reading-order", "the title is not the first shape a screen reader reads")

    def _shape(self, element: Any) -> None:
        kind = access.tag(element)
        if access.is_decorative(element):
            return
        if kind == "grpSp":
            if not access.description(element):
                self.add(
                    "alt",
                    "a diagram (group of shapes) has no alternative text; add 'alt:' to its "
                    "slide with what it shows",
                    content=True,
                )
            for child in access.children(element):
                self._shape(child)
            return
        if kind == "pic":
            self._alternative(element, "picture")
            return
        if kind == "graphicFrame":
            graphic = access.graphic_kind(element)
            if graphic == "table":
                self._table(element)
            elif graphic == "chart":
                self._alternative(element, "chart")
                self._chart(element)
            else:
                self._alternative(element, "graphic")
            return
        if not access.has_text(element):
            if access.placeholder_type(element) is None and not access.description(element):
                name = access.name(element)
                self.add(
                    "decorative",
                    f"the shape '{name}' has no text and no alternative text, and is not "
                    "marked decorative",
                )
            return
        self._language(element)
        if access.off_slide(element, self.width, self.height):
            return  # a title kept for screen readers: nobody sees it
        self._text(element)

    def _alternative(self, element: Any, what: str) -> None:
        text = access.description(element)
        if not text:
            self.add(
                "alt",
                f"the {what} has no alternative text; add 'alt:' to its slide with what it shows",
                content=True,
            )
        elif looks_like_file_name(text):
            self.add(
                "alt",
                f"the {what}'s alternative text is only a file name ('{text}'); add 'alt:' "
                "to its slide with what it shows",
                content=True,
            )

    def _language(self, element: Any) -> None:
        missing = access.runs_without_language(element)
        if missing:
            self.add(
                "language", f"{missing} text run(s) of '{access.name(element)}' have no language"
            )

    # -- what text looks like ----------------------------------------------------------------

    def runs(self, element: Any) -> list[access.TextRun]:
        """The runs of a text shape, resolved through what it inherits."""
        idx = access.placeholder_idx(element)
        if idx is not None:
            levels = access.placeholder_levels(element, self.inherited.get(idx))
        else:
            levels = access.own_levels(element, self.defaults)
        return access.text_runs(element, levels, self.palette)

    def _text(self, element: Any) -> None:
        ph_type = access.placeholder_type(element)
        idx = access.placeholder_idx(element)
        field = self.fields.get(idx) if idx is not None else _box_field(element)
        role = text_role(field, ph_type)
        runs = self.runs(element)
        if not runs:
            return
        # where a short text's characters are (as make_readable looks): a slide number at the
        # end of a box that reaches past the band it stands on is read on the band
        where = _text_box(element, self._box(element), runs, self.insets(element))
        self._contrast(element, runs, list(self.behind_counts(element, where)), role)
        fitted = idx is not None and access.has_own_sizes(element)
        self._size(element, runs, role, fitted)

    def _contrast(
        self, element: Any, runs: list[access.TextRun], behind: list[str], role: str
    ) -> None:
        worst: tuple[float, float, access.TextRun, str] | None = None
        for run in runs:
            needed = needed_contrast(run.size, run.bold)
            for colour in behind:
                ratio = contrast(run.colour, colour)
                if ratio < needed and (worst is None or ratio / needed < worst[0] / worst[1]):
                    worst = (ratio, needed, run, colour)
        if worst is not None:
            ratio, needed, run, colour = worst
            example = _snippet(run.text)
            self.add(
                "contrast",
                f"{_role_words(role)} '{example}' in #{run.colour} on #{colour} has a "
                f"contrast of {ratio:.1f}:1; it needs {needed:g}:1",
                example=example,
            )

    def _size(self, element: Any, runs: list[access.TextRun], role: str, fitted: bool) -> None:
        smallest = min(runs, key=lambda run: run.size)
        least = minimum(self.sizes, role)
        if smallest.size >= least - 0.01:
            return
        drawn = access.placeholder_type(element) is None and role == "detail"
        content = fitted or drawn
        advice = (
            "shorten the text, so that it needs less shrinking"
            if content
            else "make the layout's text larger"
        )
        example = _snippet(smallest.text)
        self.add(
            "size",
            f"{_role_words(role)} '{example}' is {smallest.size:g} pt, "
            f"below the minimum of {least:g} pt (accessibility.min_size.{role}); {advice}",
            content=content,
            example=example,
        )

    def _table(self, element: Any) -> None:
        if not access.table_has_header_row(element):
            self.add("table-header", "the table has no header row")
        self._language(element)
        behind = self._behind(element)
        for cell, _ in access.table_cells(element):
            runs = access.text_runs(cell, access.own_levels(cell, self.defaults), self.palette)
            if not runs:
                continue
            fill = access.cell_fill(cell, self.palette)
            self._contrast(cell, runs, [fill] if fill else behind, "detail")
            self._size(cell, runs, "detail", fitted=True)

    def _chart(self, element: Any) -> None:
        space = access.chart_space(self.slide, element)
        if space is None:
            return
        run = access.chart_text(space, self.palette)
        if run is None:
            return
        self._contrast(element, [run], self._behind(element), "chart")
        self._size(element, [run], "detail", fitted=False)

    # -- what lies behind ----------------------------------------------------------------------

    def behind_counts(self, element: Any, box: Box | None = None) -> dict[str, int]:
        """The colours behind the text of ``element`` (in ``box``, else its box), each with the
        number of the points where it lies (as :meth:`_behind`)."""
        counts: dict[str, int] = {}
        for colours in self.behind_points(element, box):
            for colour in colours:
                counts[colour] = counts.get(colour, 0) + 1
        return counts

    def behind_points(self, element: Any, box: Box | None = None) -> list[list[str]]:
        """The colours behind the text of ``element`` at a few points of ``box`` (else its
        box): at each, what the fills there show together (two where a pattern lies)."""
        own = access.own_fill(element, self.palette)
        if own is not None:
            return [[own]]
        box = box or self._box(element)
        if box is None:
            return []
        left, top, right, bottom = box
        found = []
        for fx in SAMPLES:
            for fy in SAMPLES:
                point = (left + (right - left) * fx, top + (bottom - top) * fy)
                colours = self._colours_at(element, point)
                if colours:
                    found.append(colours)
        return found

    def _behind(self, element: Any) -> list[str]:
        """The colours behind the text of ``element``, at a few points of its box (pictures
        and picture backgrounds, which no colour describes, left out)."""
        return list(self.behind_counts(element))

    def picture_colours(
        self,
        element: Any,
        pictures: list[tuple[tuple[Point, ...], Image.Image]],
        box: Box | None = None,
    ) -> list[str]:
        """The colours of the template's pictures that lie under the text of ``element`` (in
        ``box``, else its box), where no shape covers them."""
        box = box or self._box(element)
        if box is None or not pictures:
            return []
        left, top, right, bottom = box
        position = self.order.get(id(element), len(self.marks))
        below = [mark for _, mark in self.marks[:position] if mark is not None]
        hit: list[tuple[Point, ...]] = []
        for fx in SAMPLES:
            for fy in SAMPLES:
                point = (left + (right - left) * fx, top + (bottom - top) * fy)
                outline = self._picture_at(below, point, pictures)
                if outline is not None and outline not in hit:
                    hit.append(outline)
        rect = Rect(int(left), int(top), int(right - left), int(bottom - top))
        colours: list[str] = []
        for outline, image in pictures:
            if outline in hit:
                colours += [c for c in picture_colours(image, outline, rect) if c not in colours]
        return colours

    def _picture_at(
        self,
        below: list[Mark],
        point: Point,
        pictures: list[tuple[tuple[Point, ...], Image.Image]],
    ) -> tuple[Point, ...] | None:
        for mark in [*reversed(below), *reversed(self.layout_marks)]:
            if len(mark.outline) < 3 or not _contains(mark.outline, point):
                continue
            if mark.what == "picture":
                return mark.outline
            if mark.fill is not None and not mark.see_through:
                return None
        if self.palette.picture_background and pictures:
            return pictures[0][0]  # the background comes first
        return None

    def _colours_at(self, element: Any, point: Point) -> list[str]:
        """What the fills under ``element`` show at ``point``, each translucent fill over what
        lies beneath it (a pattern shows both its colours); none on a picture."""
        position = self.order.get(id(element), len(self.marks))
        below = [mark for _, mark in self.marks[:position] if mark is not None]
        layers: list[list[Stop]] = []  # top to bottom
        for mark in [*reversed(below), *reversed(self.layout_marks)]:
            if len(mark.outline) < 3 or not _contains(mark.outline, point):
                continue
            if mark.what == "picture":
                return []
            stops = _stops(mark, point)
            if stops:
                layers.append(stops)
                if all(stop.alpha >= OPAQUE for stop in stops):
                    break
        else:
            if self.palette.picture_background:
                return []
            layers.append([Stop(0.0, self.palette.background)])
        return composite(list(reversed(layers)))

    def insets(self, element: Any) -> dict[str, int]:
        """How far the text of ``element`` keeps from its box's edges (EMU)."""
        idx = access.placeholder_idx(element)
        return access.text_insets(element, self.inherited.get(idx) if idx is not None else None)

    def _box(self, element: Any) -> tuple[float, float, float, float] | None:
        """Where a shape is on the slide: through its groups, else its own box, else the box
        of the layout's placeholder it inherits."""
        position = self.order.get(id(element))
        mark = self.marks[position][1] if position is not None else None
        if mark is not None and mark.outline:
            xs = [x for x, _ in mark.outline]
            ys = [y for _, y in mark.outline]
            return (min(xs), min(ys), max(xs), max(ys))
        own = access.box_of(element)
        if own is not None:
            return own
        idx = access.placeholder_idx(element)
        inherited = self.inherited.get(idx) if idx is not None else None
        return inherited.box if inherited is not None else None


def _stops(mark: Mark, point: Point) -> list[Stop]:
    """The colours a mark's fill gives ``point``: its paint's, else its one colour."""
    if mark.paint is not None:
        xs = [x for x, _ in mark.outline]
        ys = [y for _, y in mark.outline]
        return mark.paint.at(point, (min(xs), min(ys), max(xs), max(ys)))
    return [Stop(0.0, mark.fill)] if mark.fill is not None else []


def _contains(outline: tuple[Point, ...], point: Point) -> bool:
    """Whether ``point`` lies inside the polygon ``outline`` (even-odd rule)."""
    x, y = point
    inside = False
    for index, (x1, y1) in enumerate(outline):
        x2, y2 = outline[index - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _box_field(element: Any) -> str | None:
    """The field a text box stands in for (a field sharing its placeholder), by its name."""
    name = access.name(element).strip().lower().replace(" ", "_")
    return name or None


def _role_words(role: str) -> str:
    return {
        "title": "the title",
        "body": "body text",
        "footer": "the footer",
        "detail": "text",
        "chart": "the chart's text",
    }.get(role, "text")


def _snippet(text: str) -> str:
    flat = " ".join(plain(text).split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"
