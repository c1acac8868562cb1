"""Read a layout's own graphics and colours from its XML: outlines of shapes, backgrounds,
scheme colours through the master's colour map.

What is read here is plain data (:class:`~deckgen.theme.graphics.Mark`,
:class:`~deckgen.theme.colours.Palette`) for the import's choice of layouts, the safe area of
placeholders and the contrast of text.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deckgen.theme.colours import DEFAULT_MAP, MAPPED_SLOTS, Palette, modified
from deckgen.theme.graphics import Mark, PictureFill, Point
from deckgen.theme.paint import Paint, Stop

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PRESET_COLOURS = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "blue": "0000FF"}
_MODIFIERS = ("lumMod", "lumOff", "tint", "shade")
_ELLIPSE_POINTS = 24
EMU_PER_PIXEL = 9525  # a pixel at 96 an inch


def palette_of(layout: Any) -> Palette:
    """The colours of a layout: its master's scheme and colour map, its background."""
    master = layout.slide_master
    scheme = _scheme(master)
    mapping = dict(DEFAULT_MAP)
    clr_map = master._element.find(qn("p:clrMap"))
    if clr_map is not None:
        mapping.update({k: v for k, v in clr_map.attrib.items() if k in MAPPED_SLOTS})
    override = layout._element.find(f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}")
    if override is not None:
        mapping.update({k: v for k, v in override.attrib.items() if k in MAPPED_SLOTS})
    palette = Palette(scheme, mapping)
    for element in (layout._element, master._element):
        background = element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if background is not None:
            colour, picture = _background(background, palette)
            return Palette(scheme, mapping, colour or palette.colour("bg1"), picture)
    return Palette(scheme, mapping, palette.colour("bg1"))


def _scheme(master: Any) -> dict[str, str]:
    try:
        theme = master.part.part_related_by(RT.THEME)
    except KeyError:
        return {}
    root = etree.fromstring(theme.blob)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    colours: dict[str, str] = {}
    for slot in scheme if scheme is not None else []:
        if len(slot):
            colours[etree.QName(slot).localname] = scheme_value(slot[0])
    return colours


def scheme_value(element: Any) -> str:
    """The hex colour a scheme slot's element gives (a system colour by its last value)."""
    if etree.QName(element).localname == "sysClr":
        fallback = "000000" if element.get("val") == "windowText" else "FFFFFF"
        return (element.get("lastClr") or fallback).upper()
    return (element.get("val") or "000000").upper()


def _background(element: Any, palette: Palette) -> tuple[str | None, bool]:
    """A background's colour (a gradient's first stop) and whether it is a picture."""
    properties = element.find(qn("p:bgPr"))
    if properties is not None:
        if properties.find(qn("a:blipFill")) is not None:
            return None, True
        return fill_colour(properties, palette), False
    reference = element.find(qn("p:bgRef"))
    if reference is not None and len(reference):
        return colour_of(reference[0], palette), False
    return None, False


def colour_of(element: Any, palette: Palette) -> str | None:
    """The hex colour of a DrawingML colour element (srgbClr, schemeClr, ...) with modifiers."""
    tag = etree.QName(element).localname
    if tag == "srgbClr":
        base = (element.get("val") or "000000").upper()
    elif tag == "schemeClr":
        base = palette.colour(element.get("val") or "tx1")
    elif tag == "sysClr":
        base = (element.get("lastClr") or "000000").upper()
    elif tag == "prstClr":
        base = _PRESET_COLOURS.get(element.get("val") or "", "000000")
    else:
        return None
    changes = [
        (etree.QName(child).localname, int(child.get("val", "100000")))
        for child in element
        if etree.QName(child).localname in _MODIFIERS
    ]
    return modified(base, changes) if changes else base


def fill_colour(properties: Any, palette: Palette) -> str | None:
    """The colour of a solid fill (or a gradient's first stop) under ``properties``."""
    solid = properties.find(qn("a:solidFill"))
    if solid is not None and len(solid):
        return colour_of(solid[0], palette)
    gradient = properties.find(f"{qn('a:gradFill')}/{qn('a:gsLst')}")
    if gradient is not None and len(gradient) and len(gradient[0]):
        return colour_of(gradient[0][0], palette)
    pattern = properties.find(qn("a:pattFill"))
    if pattern is not None:
        preset = pattern.get("prst") or ""
        dense = preset.startswith("dk") or preset in _DENSE_PATTERNS
        colour = pattern.find(qn("a:fgClr" if dense else "a:bgClr"))
        if colour is not None and len(colour):
            return colour_of(colour[0], palette)
    return None


# patterns drawn mostly in their foreground colour; the others (grids, light hatches, small
# dots) show mostly their background colour
_DENSE_PATTERNS = {"pct50", "pct60", "pct70", "pct75", "pct80", "pct90", "solidDmnd"}


# -- outlines of shapes ---------------------------------------------------------------------------


def text_colour(level: Any, palette: Palette) -> str | None:
    """The colour a merged list level gives its text, if it gives one."""
    from deckgen.render.oxml.styles import text_colour_element

    element = text_colour_element(level)
    return colour_of(element, palette) if element is not None else None


def master_marks(master: Any, palette: Palette) -> list[Mark]:
    """The graphics of a slide master itself."""
    return _tree_marks(master, palette)


def layout_marks(layout: Any, palette: Palette) -> list[Mark]:
    """The graphics a slide of ``layout`` shows under its text, bottom to top: its background
    picture (the layout's own, else its master's), the master's shapes (unless the layout
    hides them), then the layout's. Placeholders are not graphics."""
    marks: list[Mark] = []
    background = _background_picture(layout)
    if background is not None:
        marks.append(background)
    if layout._element.get("showMasterSp") not in ("0", "false"):
        marks += _tree_marks(layout.slide_master, palette)
    marks += _tree_marks(layout, palette)
    return marks


def layout_pictures(layout: Any, palette: Palette) -> list[tuple[tuple[Point, ...], bytes]]:
    """The pictures a slide of ``layout`` shows under its text, bottom to top, each with its
    outline on the slide and its image file: a picture background (the whole slide), then the
    master's pictures (unless the layout hides them), then the layout's."""
    found: list[tuple[tuple[Point, ...], bytes]] = []
    master = layout.slide_master
    for owner in (layout, master):
        blip = owner._element.find(f"{qn('p:cSld')}/{qn('p:bg')}/{qn('p:bgPr')}//{qn('a:blip')}")
        if owner._element.find(f"{qn('p:cSld')}/{qn('p:bg')}") is not None:
            blob = _blob(owner, blip)
            if blob is not None:
                presentation = layout.part.package.presentation_part.presentation
                width, height = presentation.slide_width, presentation.slide_height
                found.append((tuple(_box(float(width), float(height))), blob))
            break  # the layout's background, else the master's
    owners = [master] if layout._element.get("showMasterSp") not in ("0", "false") else []
    for owner in [*owners, layout]:
        tree = owner._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
        for element, mark in shape_marks(tree, palette) if tree is not None else []:
            if mark is not None and mark.what == "picture":
                blob = _blob(owner, element.find(f".//{qn('a:blip')}"))
                if blob is not None:
                    found.append((mark.outline, blob))
    return found


def _blob(owner: Any, blip: Any) -> bytes | None:
    """The image file a blip of a layout or master refers to, if any."""
    rid = blip.get(qn("r:embed")) if blip is not None else None
    if not rid:
        return None
    try:
        blob: bytes = owner.part.related_part(rid).blob
    except KeyError:
        return None
    return blob


def _background_picture(layout: Any) -> Mark | None:
    """The picture that fills the background of slides of ``layout``, as a mark over the
    whole slide; None where the background is a colour or a gradient."""
    for owner in (layout, layout.slide_master):
        background = owner._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if background is None:
            continue
        fill = background.find(f"{qn('p:bgPr')}/{qn('a:blipFill')}")
        if fill is None:
            return None
        presentation = layout.part.package.presentation_part.presentation
        width, height = float(presentation.slide_width), float(presentation.slide_height)
        return Mark(
            tuple(_box(width, height)), None, "picture", picture=_picture_fill(fill, _images(owner))
        )
    return None


Images = Callable[[str], bytes | None]  # a relationship id -> the bytes of its image


def _images(owner: Any) -> Images:
    """The images a layout's or master's relationships lead to, by relationship id."""

    def image(rid: str) -> bytes | None:
        try:
            return bytes(owner.part.related_part(rid).blob)
        except (KeyError, AttributeError):
            return None

    return image


def _picture_fill(fill: Any, images: Images) -> PictureFill | None:
    """What a ``blipFill`` shows: its image, cut by its ``srcRect``, stretched or tiled."""
    blip = fill.find(qn("a:blip"))
    rid = blip.get(qn("r:embed")) if blip is not None else None
    data = images(rid) if rid else None
    if data is None:
        return None
    source = fill.find(qn("a:srcRect"))
    crop = (0.0, 0.0, 0.0, 0.0)
    if source is not None:
        crop = (
            int(source.get("l", 0)) / 100000,
            int(source.get("t", 0)) / 100000,
            int(source.get("r", 0)) / 100000,
            int(source.get("b", 0)) / 100000,
        )
    tile = fill.find(qn("a:tile"))
    scale = None
    if tile is not None:  # sx, sy: per mille of the image's size at 96 pixels an inch
        scale = (
            EMU_PER_PIXEL * int(tile.get("sx", 100000)) / 100000,
            EMU_PER_PIXEL * int(tile.get("sy", 100000)) / 100000,
        )
    return PictureFill(data, crop, scale)


def _tree_marks(owner: Any, palette: Palette) -> list[Mark]:
    tree = owner._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    if tree is None:
        return []
    return list(_marks(tree, palette, _identity, _images(owner)))


Transform = Callable[[Point], Point]  # a point in a group's space -> a point on the slide


def _identity(point: Point) -> Point:
    return point


def _marks(tree: Any, palette: Palette, outer: Transform, images: Images) -> Iterator[Mark]:
    for child in tree:
        tag = etree.QName(child).localname
        if tag in ("sp", "pic", "cxnSp", "graphicFrame") and not _hidden(child):
            if child.find(f".//{qn('p:ph')}") is not None:
                continue
            mark = _mark(child, tag, palette, outer, images)
            if mark is not None:
                yield mark
        elif tag == "grpSp" and not _hidden(child):
            yield from _marks(child, palette, _group_transform(child, outer), images)


def shape_marks(tree: Any, palette: Palette) -> list[tuple[Any, Mark | None]]:
    """Every shape of a shape tree in z-order, groups opened, each with its outline on the
    slide and its fill (None where it shows nothing, or its position is inherited)."""
    found: list[tuple[Any, Mark | None]] = []

    def walk(parent: Any, outer: Transform) -> None:
        for child in parent:
            tag = etree.QName(child).localname
            if tag in ("sp", "pic", "cxnSp", "graphicFrame"):
                found.append((child, _mark(child, tag, palette, outer)))
            elif tag == "grpSp":
                found.append((child, None))
                walk(child, _group_transform(child, outer))

    walk(tree, _identity)
    return found


def _hidden(element: Any) -> bool:
    properties = element.find(f".//{qn('p:cNvPr')}")
    return properties is not None and properties.get("hidden") in ("1", "true")


def _group_transform(group: Any, outer: Transform) -> Transform:
    xfrm = group.find(f"{qn('p:grpSpPr')}/{qn('a:xfrm')}")
    if xfrm is None:
        return outer
    off, ext = _pair(xfrm, "a:off"), _pair(xfrm, "a:ext")
    child_off, child_ext = _pair(xfrm, "a:chOff"), _pair(xfrm, "a:chExt")
    scale_x = ext[0] / child_ext[0] if child_ext[0] else 1.0
    scale_y = ext[1] / child_ext[1] if child_ext[1] else 1.0

    def transform(point: Point) -> Point:
        x = off[0] + (point[0] - child_off[0]) * scale_x
        y = off[1] + (point[1] - child_off[1]) * scale_y
        return outer((x, y))

    return transform


def _pair(xfrm: Any, tag: str) -> tuple[float, float]:
    found = xfrm.find(qn(tag))
    if found is None:
        return (0.0, 0.0)
    first, second = ("cx", "cy") if tag.endswith("xt") else ("x", "y")
    return float(found.get(first, 0)), float(found.get(second, 0))


def _mark(
    shape: Any, tag: str, palette: Palette, outer: Transform, images: Images | None = None
) -> Mark | None:
    properties = shape.find(qn("p:spPr")) if tag != "graphicFrame" else None
    xfrm = properties.find(qn("a:xfrm")) if properties is not None else shape.find(qn("p:xfrm"))
    if xfrm is None:
        return None
    left, top = _pair(xfrm, "a:off")
    width, height = _pair(xfrm, "a:ext")
    if _grows(shape):  # its words may wrap once more in another renderer's fonts
        height *= GROWN
    box = _place(_box(width, height), xfrm, left, top, width, height, outer)
    if tag == "graphicFrame":
        return Mark(box, None, "frame")
    picture = shape.find(qn("p:blipFill")) if tag == "pic" else None
    if picture is None and properties is not None:
        picture = properties.find(qn("a:blipFill"))
    if picture is not None or tag == "pic":
        shown = _picture_fill(picture, images) if picture is not None and images else None
        return Mark(box, None, "picture", picture=shown)
    fill = fill_colour(properties, palette) if properties is not None else None
    own = paint = paint_of(properties, palette) if properties is not None else None
    unfilled = properties is not None and properties.find(qn("a:noFill")) is not None
    if fill is None and properties is not None and not unfilled:
        style = shape.find(qn("p:style"))
        reference = style.find(qn("a:fillRef")) if style is not None else None
        if reference is not None and reference.get("idx", "0") != "0" and len(reference):
            fill = colour_of(reference[0], palette)
            paint = Paint((Stop(0.0, fill, _alpha(reference[0])),)) if fill else None
    visible = fill is not None or _has_line(shape, properties) or _has_text(shape)
    if not visible or (
        properties is not None and _no_fill_no_line(properties) and not _has_text(shape)
    ):
        return None
    outline = _outline(properties, width, height) if properties is not None else _box(width, height)
    what = "shape" if fill is not None else ("text" if _has_text(shape) else "line")
    if properties is not None and properties.find(qn("a:pattFill")) is not None:
        what = "pattern"  # a hatch or a grid: busy all over, never a plain plate for text
    placed = _place(outline, xfrm, left, top, width, height, outer)
    clear = own is not None and own.kind != "pattern" and own.opacity < SEE_THROUGH
    translucent = own is not None and own.kind == "solid" and own.opacity < TRANSLUCENT
    return Mark(placed, fill, what, see_through=clear, translucent=translucent, paint=paint)


def paint_of(properties: Any, palette: Palette) -> Paint | None:
    """How the fill under ``properties`` colours each point: a solid colour, a gradient's
    stops along its direction, a pattern's two colours; each with its opacity."""
    solid = properties.find(qn("a:solidFill"))
    if solid is not None and len(solid):
        colour = colour_of(solid[0], palette)
        return Paint((Stop(0.0, colour, _alpha(solid[0])),)) if colour else None
    gradient = properties.find(qn("a:gradFill"))
    if gradient is not None:
        stops = tuple(
            Stop(int(gs.get("pos", "0")) / 100000, colour, _alpha(gs[0]))
            for gs in gradient.findall(f"{qn('a:gsLst')}/{qn('a:gs')}")
            if len(gs) and (colour := colour_of(gs[0], palette)) is not None
        )
        linear = gradient.find(qn("a:lin"))
        path = gradient.find(qn("a:path"))
        if path is not None:
            rect = path.find(qn("a:fillToRect"))
            left, top, right, bottom = (
                int(rect.get(side, "0")) / 100000 if rect is not None else 0.5
                for side in ("l", "t", "r", "b")
            )
            kind = "circle" if path.get("path") == "circle" else "rect"
            return Paint(stops, kind, focus=(left, top, right, bottom))
        angle = int(linear.get("ang", "0")) / 60000 if linear is not None else 0.0
        scaled = linear is not None and linear.get("scaled") in ("1", "true")
        return Paint(stops, "linear", angle, scaled=scaled)
    pattern = properties.find(qn("a:pattFill"))
    if pattern is not None:
        stops = tuple(
            Stop(0.0, colour, _alpha(element[0]))
            for tag in ("a:fgClr", "a:bgClr")
            if (element := pattern.find(qn(tag))) is not None
            and len(element)
            and (colour := colour_of(element[0], palette)) is not None
        )
        return Paint(stops, "pattern")
    return None


def _alpha(colour: Any) -> float:
    """The opacity of a DrawingML colour element, 0 to 1."""
    alpha = colour.find(qn("a:alpha"))
    return int(alpha.get("val", "100000")) / 100000 if alpha is not None else 1.0


GROWN = 2.0  # a shape that grows with its text: the height it may take, times its own


def _grows(shape: Any) -> bool:
    """Whether a shape's box grows with its wrapped text (``spAutoFit``) and it has text."""
    body = shape.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
    if body is None or body.get("wrap") == "none" or body.find(qn("a:spAutoFit")) is None:
        return False
    return _has_text(shape)


TRANSLUCENT = 0.9  # a solid fill less opaque than this lets what lies beneath show through
SEE_THROUGH = 0.5  # a fill less opaque than this on average shows what lies below


def _has_line(shape: Any, properties: Any) -> bool:
    line = properties.find(qn("a:ln")) if properties is not None else None
    if line is not None:
        return line.find(qn("a:noFill")) is None and len(line) > 0
    style = shape.find(qn("p:style"))
    reference = style.find(qn("a:lnRef")) if style is not None else None
    return reference is not None and reference.get("idx", "0") != "0"


def _no_fill_no_line(properties: Any) -> bool:
    no_fill = properties.find(qn("a:noFill")) is not None
    line = properties.find(qn("a:ln"))
    no_line = line is not None and line.find(qn("a:noFill")) is not None
    return no_fill and no_line


def _has_text(shape: Any) -> bool:
    return any((t.text or "").strip() for t in shape.iter(qn("a:t")))


def _box(width: float, height: float) -> list[Point]:
    return [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)]


def _outline(properties: Any, width: float, height: float) -> list[Point]:
    """The outline of a shape in its own box: custom paths, a few presets, else the box."""
    custom = properties.find(qn("a:custGeom"))
    if custom is not None:
        points = _custom_outline(custom, width, height)
        return points or _box(width, height)
    preset = properties.find(qn("a:prstGeom"))
    kind = preset.get("prst") if preset is not None else "rect"
    if kind in ("ellipse", "flowChartConnector", "donut", "flowChartOr"):
        return [
            (
                width / 2 + width / 2 * math.cos(2 * math.pi * i / _ELLIPSE_POINTS),
                height / 2 + height / 2 * math.sin(2 * math.pi * i / _ELLIPSE_POINTS),
            )
            for i in range(_ELLIPSE_POINTS)
        ]
    if kind == "triangle":
        return [(width / 2, 0.0), (width, height), (0.0, height)]
    if kind == "rtTriangle":
        return [(0.0, 0.0), (0.0, height), (width, height)]
    if kind in ("line", "straightConnector1"):
        return [(0.0, 0.0), (width, height)]
    return _box(width, height)


def _custom_outline(custom: Any, width: float, height: float) -> list[Point]:
    points: list[Point] = []
    for path in custom.iter(qn("a:path")):
        path_w = float(path.get("w") or width or 1)
        path_h = float(path.get("h") or height or 1)
        sx, sy = (width / path_w if path_w else 1.0), (height / path_h if path_h else 1.0)
        current = (0.0, 0.0)
        for command in path:
            name = etree.QName(command).localname
            pts = [(float(p.get("x", 0)) * sx, float(p.get("y", 0)) * sy) for p in command]
            if name in ("moveTo", "lnTo") and pts:
                current = pts[0]
                points.append(current)
            elif name in ("cubicBezTo", "quadBezTo") and pts:
                start = current
                for step in (0.25, 0.5, 0.75, 1.0):
                    points.append(_bezier([start, *pts], step))
                current = pts[-1]
            elif name == "arcTo":
                current = _arc(command, current, sx, sy, points)
    return points


def _bezier(control: list[Point], t: float) -> Point:
    while len(control) > 1:
        control = [
            (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            for a, b in itertools.pairwise(control)
        ]
    return control[0]


def _arc(command: Any, current: Point, sx: float, sy: float, points: list[Point]) -> Point:
    radius_x = float(command.get("wR", 0)) * sx
    radius_y = float(command.get("hR", 0)) * sy
    start = math.radians(float(command.get("stAng", 0)) / 60000)
    sweep = math.radians(float(command.get("swAng", 0)) / 60000)
    centre = (current[0] - radius_x * math.cos(start), current[1] - radius_y * math.sin(start))
    for step in range(1, 9):
        angle = start + sweep * step / 8
        points.append(
            (centre[0] + radius_x * math.cos(angle), centre[1] + radius_y * math.sin(angle))
        )
    return points[-1]


def _place(
    outline: list[Point],
    xfrm: Any,
    left: float,
    top: float,
    width: float,
    height: float,
    outer: Transform,
) -> tuple[Point, ...]:
    """The outline moved onto the slide: flipped, rotated about its centre, offset."""
    flip_h, flip_v = xfrm.get("flipH") in ("1", "true"), xfrm.get("flipV") in ("1", "true")
    angle = math.radians(float(xfrm.get("rot", 0)) / 60000)
    cx, cy = width / 2, height / 2
    placed = []
    for x, y in outline:
        if flip_h:
            x = width - x
        if flip_v:
            y = height - y
        if angle:
            dx, dy = x - cx, y - cy
            x = cx + dx * math.cos(angle) - dy * math.sin(angle)
            y = cy + dx * math.sin(angle) + dy * math.cos(angle)
        placed.append(outer((left + x, top + y)))
    return tuple(placed)
