"""What a slide tells a screen reader, in OOXML: alternative texts, decorative marks, hidden
titles, the order of shapes, and the look of every text run as it is resolved for reading.

Runs are resolved as PowerPoint resolves them: the run's own properties, then the list style
of its shape (for a placeholder: the placeholder's, the layout's and the master's, merged),
then the shape's style reference, then the presentation's defaults.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deckgen.render.oxml.graphics import colour_of, fill_colour, shape_marks
from deckgen.render.oxml.text import (
    DEFAULT_INSETS,
    inheritance_chain,
    insets,
    master_levels,
    type_name,
)
from deckgen.theme.colours import Palette
from deckgen.theme.graphics import Mark

_ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_TITLE_TYPES = ("title", "ctrTitle")
_SHAPE_TAGS = ("sp", "pic", "cxnSp", "graphicFrame", "grpSp")
DEFAULT_SIZE = 18.0  # points: what PowerPoint sets text in when nothing says otherwise


def _properties(element: Any) -> Any:
    """The ``p:cNvPr`` of a shape element (its id, name, description and flags)."""
    return element.find(f"./*/{qn('p:cNvPr')}")


def description(shape_or_element: Any) -> str:
    """A shape's alternative text (``descr``), or ""."""
    properties = _properties(_element(shape_or_element))
    return (properties.get("descr") or "").strip() if properties is not None else ""


def set_description(shape: Any, text: str) -> None:
    """Give a shape its alternative text; an empty text removes any it had (python-pptx
    writes a picture's file name there, which is no description)."""
    properties = _properties(shape._element)
    if properties is None:
        return
    if text.strip():
        properties.set("descr", " ".join(text.split()))
    elif "descr" in properties.attrib:
        del properties.attrib["descr"]


def is_decorative(shape_or_element: Any) -> bool:
    """Whether a shape is marked decorative (Office's a16 extension), so readers pass it by."""
    properties = _properties(_element(shape_or_element))
    if properties is None:
        return False
    return any(e.get("val") in ("1", "true") for e in properties.iter(f"{{{_ADEC}}}decorative"))


def _element(shape_or_element: Any) -> Any:
    return getattr(shape_or_element, "_element", shape_or_element)


def shape_elements(slide: Any) -> list[Any]:
    """The slide's shapes in reading order (the order of the shape tree), not inside groups."""
    tree = slide.shapes._spTree
    return [child for child in tree if etree.QName(child).localname in _SHAPE_TAGS]


def children(group: Any) -> list[Any]:
    """The shapes inside a group element, in order."""
    return [child for child in group if etree.QName(child).localname in _SHAPE_TAGS]


def tag(element: Any) -> str:
    """What a shape element is: sp, pic, cxnSp, graphicFrame or grpSp."""
    return str(etree.QName(element).localname)


def placeholder_type(element: Any) -> str | None:
    """The placeholder type of a shape element (``title``, ``body``, ...), None if it is none."""
    ph = element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
    if ph is None:
        return None
    return ph.get("type") or "body"


def placeholder_idx(element: Any) -> int | None:
    """The placeholder idx of a shape element, None if it is no placeholder."""
    ph = element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
    return int(ph.get("idx", "0")) if ph is not None else None


def is_title(element: Any) -> bool:
    """Whether a shape element is the slide's title placeholder."""
    return placeholder_type(element) in _TITLE_TYPES


def graphic_kind(element: Any) -> str:
    """What a graphic frame holds: chart, table, diagram or other."""
    data = element.find(f".//{qn('a:graphicData')}")
    uri = data.get("uri", "") if data is not None else ""
    for kind in ("chart", "table", "diagram"):
        if uri.endswith(f"/{kind}"):
            return kind
    return "other"


def name(element: Any) -> str:
    """The name of a shape element (as PowerPoint's selection pane shows it)."""
    properties = _properties(element)
    return properties.get("name", "") if properties is not None else ""


def text_of(element: Any) -> str:
    """All the text of a shape element, run after run."""
    return "".join(t.text or "" for t in element.iter(qn("a:t")))


def has_own_sizes(element: Any) -> bool:
    """Whether any run of a shape element sets its own size (text that was shrunk to fit)."""
    return any(properties.get("sz") is not None for properties in element.iter(qn("a:rPr")))


def has_text(element: Any) -> bool:
    """Whether a shape element (or anything in it) shows text."""
    return any((t.text or "").strip() for t in element.iter(qn("a:t")))


def off_slide(element: Any, width: int, height: int) -> bool:
    """Whether a shape lies entirely outside the slide (a title kept for screen readers)."""
    xfrm = element.find(f"./{qn('p:spPr')}/{qn('a:xfrm')}")
    if xfrm is None:
        return False
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    if off is None or ext is None:
        return False
    x, y = int(off.get("x", 0)), int(off.get("y", 0))
    cx, cy = int(ext.get("cx", 0)), int(ext.get("cy", 0))
    return x + cx <= 0 or y + cy <= 0 or x >= width or y >= height


def add_hidden_title(slide: Any, text: str, language: str, height: int) -> None:
    """A title placeholder above the slide: a screen reader announces it, nobody sees it.

    This is what PowerPoint's own "Add Hidden Slide Title" does, and what its accessibility
    checker accepts; it goes first in the shape tree, where reading starts.
    """
    tree = slide.shapes._spTree
    ids = [int(i) for i in tree.xpath(".//p:cNvPr/@id")]
    width = slide.part.package.presentation_part.presentation.slide_width
    xml = (
        f'<p:sp xmlns:p="{_ns("p")}" xmlns:a="{_ns("a")}">'
        f'<p:nvSpPr><p:cNvPr id="{max(ids, default=1) + 1}" name="Title (hidden)"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="{-2 * height}"/>'
        f'<a:ext cx="{width}" cy="{height}"/></a:xfrm></p:spPr>'
        # one line, anchored at its foot: a title taller than its box grows upwards, away from
        # the slide, and a large title style never runs onto it
        '<p:txBody><a:bodyPr wrap="none" anchor="b" tIns="0" bIns="0"><a:noAutofit/></a:bodyPr>'
        "<a:lstStyle/>"
        "<a:p><a:r><a:rPr/><a:t/></a:r></a:p></p:txBody></p:sp>"
    )
    element = etree.fromstring(xml)
    run = element.find(f".//{qn('a:r')}")
    run.find(qn("a:rPr")).set("lang", language)
    run.find(qn("a:t")).text = text
    tree.insert(_first_shape_index(tree), element)


def remove(element: Any) -> None:
    """Take a shape element off its slide."""
    element.getparent().remove(element)


def put_title_first(slide: Any) -> None:
    """Move the slide's title to the front of its shape tree, where reading starts."""
    tree = slide.shapes._spTree
    title = next((e for e in shape_elements(slide) if is_title(e)), None)
    if title is not None:
        tree.remove(title)
        tree.insert(_first_shape_index(tree), title)


def _first_shape_index(tree: Any) -> int:
    for index, child in enumerate(tree):
        if etree.QName(child).localname in _SHAPE_TAGS:
            return index
    return len(tree)


def _ns(prefix: str) -> str:
    return {
        "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    }[prefix]


def runs_without_language(element: Any) -> int:
    """How many text runs (and fields) of a shape say nothing of their language."""
    count = 0
    for run in [*element.iter(qn("a:r")), *element.iter(qn("a:fld"))]:
        properties = run.find(qn("a:rPr"))
        text = "".join(t.text or "" for t in run.iter(qn("a:t")))
        if text.strip() and (properties is None or not properties.get("lang")):
            count += 1
    return count


def table_has_header_row(element: Any) -> bool:
    """Whether a table (its graphic frame) says its first row is a header row."""
    properties = element.find(f".//{qn('a:tbl')}/{qn('a:tblPr')}")
    return properties is not None and properties.get("firstRow") in ("1", "true")


# -- the look of text, for contrast and size --------------------------------------------------


@dataclass(frozen=True)
class TextRun:
    """One run of text as a reader sees it: its text, size (pt), weight and colour (RRGGBB)."""

    text: str
    size: float
    bold: bool
    colour: str
    element: Any = field(default=None, compare=False, repr=False)  # the a:r or a:fld


Level = tuple[Any, ...]
"""The run defaults (``a:defRPr``) a list level inherits, nearest first: the first that sets
a size, weight or colour gives it."""
LEVELS = 9


_LEVEL_DEFAULTS = [f"{qn(f'a:lvl{n}pPr')}/{qn('a:defRPr')}" for n in range(1, LEVELS + 1)]
_TX_BODY, _A_TX_BODY, _LST_STYLE = qn("p:txBody"), qn("a:txBody"), qn("a:lstStyle")


def _level_defaults(style: Any, number: int) -> Any | None:
    """The ``a:defRPr`` of level ``number`` of a list style (or text style), if it has one."""
    return style.find(_LEVEL_DEFAULTS[number - 1]) if style is not None else None


def default_levels(presentation: Any) -> list[Level]:
    """The presentation's default text style, level by level: what text outside placeholders
    falls back on."""
    style = presentation.part._element.find(qn("p:defaultTextStyle"))
    return [_chain(_level_defaults(style, n)) for n in range(1, LEVELS + 1)]


def _chain(*found: Any) -> Level:
    return tuple(element for element in found if element is not None)


@dataclass(frozen=True)
class LayoutPlaceholder:
    """A layout's placeholder as its slides inherit it: its levels and its box."""

    levels: list[Level]
    box: tuple[int, int, int, int] | None  # left, top, right, bottom in EMU
    insets: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_INSETS))


def layout_fingerprint(layout: Any) -> bytes:
    """A digest of all a slide inherits from ``layout``: the layout's XML, its master's, and the
    pictures and theme (colours, fonts) they use. Equal fingerprints read the same, in any deck."""
    digest = hashlib.blake2b(digest_size=20)
    for owner in (layout, layout.slide_master):
        digest.update(etree.tostring(owner._element))
        for relationship in owner.part.rels.values():
            if relationship.is_external or relationship.reltype in _NOT_INHERITED:
                continue
            digest.update(relationship.reltype.encode())
            digest.update(relationship.target_part.blob)
    return digest.digest()


_NOT_INHERITED = {RT.SLIDE_LAYOUT, RT.SLIDE_MASTER}  # a layout's master is read above


def layout_placeholders(layout: Any) -> dict[int, LayoutPlaceholder]:
    """Every placeholder of a layout by idx, with what a slide's placeholder inherits from it:
    the list styles of the layout's and the master's placeholder, then the master's text
    styles and the presentation's defaults."""
    found = {}
    for placeholder in layout.placeholders:
        chain = inheritance_chain(placeholder)
        from_master = master_levels(placeholder, type_name(placeholder))
        levels = []
        for number in range(1, LEVELS + 1):
            own = [_level_defaults(_list_style(e), number) for e in chain]
            more = [level.find(qn("a:defRPr")) for level in from_master(number)]
            levels.append(_chain(*own, *more))
        box = None
        if placeholder.left is not None and placeholder.width is not None:
            box = (
                int(placeholder.left),
                int(placeholder.top),
                int(placeholder.left + placeholder.width),
                int(placeholder.top + placeholder.height),
            )
        found[placeholder.placeholder_format.idx] = LayoutPlaceholder(levels, box, insets(chain))
    return found


def text_insets(element: Any, inherited: LayoutPlaceholder | None) -> dict[str, int]:
    """The distances (EMU) of a shape's text from its edges: its own, else what its layout's
    placeholder gives it, else the defaults."""
    body = _body(element)
    properties = body.find(qn("a:bodyPr")) if body is not None else None
    given = inherited.insets if inherited is not None else DEFAULT_INSETS
    own = dict(properties.attrib) if properties is not None else {}
    return {name: int(own.get(name) or value) for name, value in given.items()}


def _list_style(element: Any) -> Any:
    body = _body(element)
    return body.find(_LST_STYLE) if body is not None else None


def placeholder_levels(element: Any, inherited: LayoutPlaceholder | None) -> list[Level]:
    """The levels of a slide's placeholder: its own list style, then its layout's."""
    style = _list_style(element)
    base = inherited.levels if inherited is not None else [()] * LEVELS
    return [_chain(_level_defaults(style, n), *base[n - 1]) for n in range(1, LEVELS + 1)]


def own_levels(element: Any, defaults: list[Level]) -> list[Level]:
    """The levels of a text box, drawn shape or table cell: its own list style, then the
    presentation's defaults (:func:`default_levels`)."""
    style = _list_style(element)
    return [_chain(_level_defaults(style, n), *defaults[n - 1]) for n in range(1, LEVELS + 1)]


def text_runs(element: Any, levels: list[Level], palette: Palette) -> list[TextRun]:
    """The visible runs of a shape's own text body, each resolved to its size, weight, colour.

    ``levels`` are what the text inherits: :func:`placeholder_levels` for a placeholder,
    :func:`own_levels` for a text box, a drawn shape or a table cell.
    """
    body = _body(element)
    if body is None:
        return []
    style_colour = _font_reference_colour(element, palette)
    runs = []
    for paragraph in body.findall(qn("a:p")):
        properties = paragraph.find(qn("a:pPr"))
        number = int(properties.get("lvl", "0")) if properties is not None else 0
        level = levels[min(number, len(levels) - 1)] if levels else ()
        for run in [*paragraph.findall(qn("a:r")), *paragraph.findall(qn("a:fld"))]:
            text = "".join(t.text or "" for t in run.iter(qn("a:t")))
            if not text.strip():
                continue
            chain = _chain(run.find(qn("a:rPr")), *level)
            colour = _colour(chain, style_colour, palette, own=len(chain) > len(level))
            runs.append(
                TextRun(
                    text,
                    _size(chain),
                    _bold(chain),
                    palette.colour("hlink") if _in_link_colour(run) else colour,
                    run,
                )
            )
    return runs


_FILLS = ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")
_BEFORE_FILL = ("ln",)  # what comes before a run's fill in a:rPr


_LINK_COLOUR_EXT = "{A12FA001-AC4F-418D-AE19-62706E023703}"  # hlinkClr: a link's own colour
_LINK_COLOUR_NS = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"


def _in_link_colour(run: Any) -> bool:
    """Whether a run is a link shown in the theme's link colour (not in its text colour)."""
    link = run.find(f"{qn('a:rPr')}/{qn('a:hlinkClick')}")
    if link is None:
        return False
    return not any(
        element.get("val") == "tx" for element in link.iter(f"{{{_LINK_COLOUR_NS}}}hlinkClr")
    )


def set_run_colour(run: Any, slot: str) -> None:
    """Give a run (``a:r`` or ``a:fld``) the scheme colour ``slot``, in place of any fill; a
    link keeps it too (PowerPoint shows links in the theme's link colour unless told)."""
    link = run.find(f"{qn('a:rPr')}/{qn('a:hlinkClick')}")
    if link is not None and _in_link_colour(run):
        extensions = link.find(qn("a:extLst"))
        if extensions is None:
            extensions = etree.SubElement(link, qn("a:extLst"))
        extension = etree.SubElement(extensions, qn("a:ext"))
        extension.set("uri", _LINK_COLOUR_EXT)
        colour = etree.SubElement(
            extension, f"{{{_LINK_COLOUR_NS}}}hlinkClr", nsmap={"ahyp": _LINK_COLOUR_NS}
        )
        colour.set("val", "tx")
    properties = run.find(qn("a:rPr"))
    if properties is None:
        properties = etree.Element(qn("a:rPr"))
        run.insert(0, properties)
    for child in list(properties):
        if etree.QName(child).localname in _FILLS:
            properties.remove(child)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr")).set("val", slot)
    before = [c for c in properties if etree.QName(c).localname in _BEFORE_FILL]
    if before:
        before[-1].addnext(fill)
    else:
        properties.insert(0, fill)


def paragraphs(element: Any) -> list[Any]:
    """The paragraphs (``a:p``) of a shape's own text body."""
    body = _body(element)
    return body.findall(qn("a:p")) if body is not None else []


def alignment(element: Any) -> str | None:
    """How the first paragraph of a shape's text is aligned (``l``, ``ctr``, ``r``, ...), as
    the paragraph or the shape's own list style says; None where it inherits it."""
    body = _body(element)
    if body is None:
        return None
    for properties in (
        body.find(f"{qn('a:p')}/{qn('a:pPr')}"),
        body.find(f"{qn('a:lstStyle')}/{qn('a:lvl1pPr')}"),
    ):
        if properties is not None and properties.get("algn"):
            return str(properties.get("algn"))
    return None


def _body(element: Any) -> Any:
    body = element.find(_TX_BODY)
    return body if body is not None else element.find(_A_TX_BODY)


def box_of(element: Any) -> tuple[int, int, int, int] | None:
    """A shape's own box (left, top, right, bottom in EMU), None where it inherits it."""
    xfrm = element.find(f"./{qn('p:spPr')}/{qn('a:xfrm')}")
    if xfrm is None:
        xfrm = element.find(f"./{qn('p:xfrm')}")
    off = xfrm.find(qn("a:off")) if xfrm is not None else None
    ext = xfrm.find(qn("a:ext")) if xfrm is not None else None
    if off is None or ext is None:
        return None
    x, y = int(off.get("x", 0)), int(off.get("y", 0))
    return (x, y, x + int(ext.get("cx", 0)), y + int(ext.get("cy", 0)))


def _size(chain: Level) -> float:
    for properties in chain:
        if properties.get("sz"):
            return int(properties.get("sz")) / 100
    return DEFAULT_SIZE


def _bold(chain: Level) -> bool:
    for properties in chain:
        if properties.get("b") is not None:
            return properties.get("b") in ("1", "true")
    return False


def _colour(chain: Level, style_colour: str | None, palette: Palette, own: bool) -> str:
    """The run's own colour, else its shape's style's, else its levels', else the text colour."""
    first = _solid(chain[0], palette) if own and chain else None
    if first is not None:
        return first
    if style_colour is not None:
        return style_colour
    for properties in chain:
        found = _solid(properties, palette)
        if found is not None:
            return found
    return palette.colour("tx1")


def _solid(properties: Any, palette: Palette) -> str | None:
    if properties is None:
        return None
    fill = properties.find(qn("a:solidFill"))
    if fill is None or not len(fill):
        return None
    return colour_of(fill[0], palette)


def _font_reference_colour(element: Any, palette: Palette) -> str | None:
    """The text colour a drawn shape's style gives (python-pptx's shapes: light text)."""
    reference = element.find(f"./{qn('p:style')}/{qn('a:fontRef')}")
    if reference is None or not len(reference):
        return None
    return colour_of(reference[0], palette)


def own_fill(element: Any, palette: Palette) -> str | None:
    """The solid fill of a shape itself (or of its style), None where it has none."""
    properties = element.find(qn("p:spPr"))
    if properties is not None:
        if properties.find(qn("a:noFill")) is not None:
            return None
        found = fill_colour(properties, palette)
        if found is not None:
            return found
    reference = element.find(f"./{qn('p:style')}/{qn('a:fillRef')}")
    if reference is not None and reference.get("idx", "0") != "0" and len(reference):
        return colour_of(reference[0], palette)  # (a shape with noFill returned above)
    return None


def table_cells(element: Any) -> Iterator[tuple[Any, int]]:
    """Every cell of a table (its graphic frame) with its row number, from 0."""
    table = element.find(f".//{qn('a:tbl')}")
    if table is None:
        return
    for row_number, row in enumerate(table.findall(qn("a:tr"))):
        for cell in row.findall(qn("a:tc")):
            yield cell, row_number


def cell_fill(cell: Any, palette: Palette) -> str | None:
    """The solid fill of a table cell, if it has one."""
    properties = cell.find(qn("a:tcPr"))
    return fill_colour(properties, palette) if properties is not None else None


def chart_text(chart_part_element: Any, palette: Palette) -> TextRun | None:
    """The look of a chart's text (its text properties), if the chart sets them."""
    properties = chart_part_element.find(
        f"./{qn('c:txPr')}/{qn('a:p')}/{qn('a:pPr')}/{qn('a:defRPr')}"
    )
    if properties is None:
        return None
    return TextRun(
        "chart",
        _size((properties,)),
        _bold((properties,)),
        _solid(properties, palette) or palette.colour("tx1"),
    )


def slide_marks(slide: Any, palette: Palette) -> list[tuple[Any, Mark | None]]:
    """Every shape of the slide in z-order (groups opened), with its outline and fill."""
    return shape_marks(slide.shapes._spTree, palette)


def chart_space(slide: Any, element: Any) -> Any | None:
    """The ``c:chartSpace`` of the chart in a graphic frame of ``slide``, if it holds one."""
    chart = element.find(f".//{qn('c:chart')}")
    rid = chart.get(qn("r:id")) if chart is not None else None
    if not rid:
        return None
    try:
        part = slide.part.related_part(rid)
    except KeyError:
        return None
    return getattr(part, "_element", None)
