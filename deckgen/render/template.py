"""A theme's template: opened for a deck, checked against the theme's mapping, and measured.

:func:`template_geometry` reads, once per template, what pagination needs as plain data: the
frame of every field of every kind's layout and how each text placeholder sets its text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pptx.slide import SlideLayout

from deckgen.errors import ThemeError, suggest
from deckgen.paginate.geometry import (
    Frame,
    KindFrames,
    Rect,
    TemplateGeometry,
    TextSetting,
    points,
)
from deckgen.render import oxml
from deckgen.render.oxml.graphics import layout_marks, palette_of, text_colour
from deckgen.render.oxml.plates import PLATE_INSETS
from deckgen.render.oxml.styles import merged_levels
from deckgen.render.package import NotAPresentation, all_layouts, read_template, rect_of
from deckgen.theme import Theme, theme_error
from deckgen.theme.colours import DrawnColours, Palette, drawn_colours
from deckgen.theme.graphics import GraphicsMap, plate_colour

DRAWN_FIELDS = {"figures", "chart", "table", "image", "diagram", "cards"}  # frames deckgen draws in
DRAWN_PLATE = "bg1"  # the plate under drawn things: the colours deckgen draws with suit bg1


@dataclass
class KindLayout:
    """A slide kind resolved against the template: the layout object and placeholder idx."""

    layout: SlideLayout
    placeholders: dict[str, int]


def open_template(theme: Theme) -> Any:
    """The theme's template as a python-pptx Presentation, ready for slides: no sample slides,
    the theme's colours and fonts in its theme part."""
    try:
        presentation = read_template(theme.template)
    except NotAPresentation as e:
        reason = e.message.split(": ", 1)[-1]
        raise theme_error(theme, ("template",), f"'{theme.template.name}': {reason}") from e
    oxml.drop_slides(presentation)
    oxml.ensure_view_props(presentation)
    oxml.count_partnames(presentation.part.package)
    manifest = theme.manifest
    if manifest.colors or manifest.fonts.major or manifest.fonts.minor:
        oxml.restyle_theme(
            presentation,
            {str(k): v for k, v in manifest.colors.items()},
            manifest.fonts.major,
            manifest.fonts.minor,
        )
    return presentation


def resolve_layouts(theme: Theme, presentation: Any, kinds: set[str]) -> dict[str, KindLayout]:
    """The layout of every slide kind in ``kinds``; ThemeError at the theme.yaml line if broken."""
    layouts: dict[str, Any] = {}
    for layout in all_layouts(presentation):
        layouts.setdefault(layout.name, layout)
    resolved: dict[str, KindLayout] = {}
    for kind in sorted(kinds):
        mapping = theme.mapping(kind)
        if mapping is None:
            raise theme_error(
                theme, ("kinds",), f"no layout for slide kind '{kind}'; add it under 'kinds'"
            )
        layout = layouts.get(mapping.layout)
        if layout is None:
            hint = suggest(mapping.layout, layouts) or f"; layouts: {', '.join(layouts)}"
            raise theme_error(
                theme,
                ("kinds", kind, "layout"),
                f"the template has no layout '{mapping.layout}'{hint}",
            )
        present = {ph.placeholder_format.idx for ph in layout.placeholders}
        for field, idx in mapping.placeholders.items():
            if idx not in present:
                raise theme_error(
                    theme,
                    ("kinds", kind, "placeholders", field),
                    f"layout '{mapping.layout}' has no placeholder with idx {idx} "
                    f"(it has: {', '.join(str(i) for i in sorted(present))})",
                )
        resolved[kind] = KindLayout(layout, dict(mapping.placeholders))
    return resolved


_GEOMETRY: dict[tuple[Any, ...], TemplateGeometry] = {}
_LAYOUT_PARTS: dict[tuple[Any, ...], Any] = {}


def template_key(theme: Theme) -> tuple[Any, ...]:
    """What makes a theme's template the same one: the file as it is, and the manifest."""
    stat = theme.template.stat()
    return (str(theme.template), stat.st_mtime_ns, stat.st_size, theme.manifest.model_dump_json())


def layout_parts(theme: Theme, layout: Any) -> tuple[list[tuple[bool, Any]], DrawnColours]:
    """What every slide of a layout shares, read once per process and template: its footer
    placeholders (with the style they inherit) and the colours of what deckgen draws on it."""
    key = (*template_key(theme), layout.name)
    if key not in _LAYOUT_PARTS:
        _LAYOUT_PARTS[key] = (oxml.footer_elements(layout), drawn_colours(palette_of(layout)))
    found: tuple[list[tuple[bool, Any]], DrawnColours] = _LAYOUT_PARTS[key]
    return found


def template_geometry(theme: Theme, kinds: set[str]) -> TemplateGeometry:
    """What the theme's template offers the slide kinds in ``kinds`` (and the roomier layouts
    their text may take, :meth:`Theme.roomier`), read once per process."""
    key = (*template_key(theme), tuple(sorted(kinds)))
    if key not in _GEOMETRY:
        presentation = open_template(theme)
        layouts = resolve_layouts(theme, presentation, kinds)
        roomier = _roomier_layouts(theme, presentation, kinds)
        layouts.update(roomier)
        geometry = geometry_of(presentation, layouts)
        places = {placement.partition("@")[0]: placement for placement in roomier}
        _GEOMETRY[key] = replace(geometry, roomier=places)
    return _GEOMETRY[key]


def _roomier_layouts(theme: Theme, presentation: Any, kinds: set[str]) -> dict[str, KindLayout]:
    """The roomier placements of ``kinds`` the template offers; one whose layout is broken is
    none (the kind it lends its layout to reports that, where the deck uses it)."""
    found: dict[str, KindLayout] = {}
    for kind in sorted(kinds):
        placement = theme.roomier(kind)
        if placement is None:
            continue
        try:
            found.update(resolve_layouts(theme, presentation, {placement}))
        except ThemeError:
            continue
    return found


def geometry_of(presentation: Any, layouts: dict[str, KindLayout]) -> TemplateGeometry:
    """The geometry of an opened template for the resolved layouts.

    A placeholder that the template's own graphics cover in part is narrowed to its largest
    free part, or, where too little is free (or a small graphic lies inside it), kept with a
    plate: a scheme colour under its text that reads with it, as near as can be to what lies
    beneath (reported); fields that share one placeholder share its area side by side, the
    first in the placeholder, the others in text boxes that look the same.
    """
    fonts = oxml.colours_and_fonts(presentation)[1]
    width, height = int(presentation.slide_width), int(presentation.slide_height)
    kinds = {}
    notes: list[str] = []
    for kind, kind_layout in layouts.items():
        layout = kind_layout.layout
        palette = palette_of(layout)
        graphics = GraphicsMap(width, height, layout_marks(layout, palette))
        by_idx = {p.placeholder_format.idx: p for p in list(layout.placeholders)}
        footers = [
            rect_of(p) for p in by_idx.values() if oxml.type_name(p) in ("FOOTER", "SLIDE_NUMBER")
        ]
        sharing: dict[int, list[str]] = {}
        for name, idx in kind_layout.placeholders.items():
            sharing.setdefault(idx, []).append(name)
        fields: dict[str, Frame] = {}
        for idx, names in sharing.items():
            placeholder = by_idx[idx]
            own = rect_of(placeholder)
            drawn_only = all(name in DRAWN_FIELDS for name in names)
            shown = _on_slide(own, width, height)
            safe, over = _safe(graphics, shown, layout.name, placeholder.name, notes, drawn_only)
            rect = _above(safe, footers)
            texts = [name for name in names if name not in DRAWN_FIELDS]
            near = graphics.beneath(own) or (
                None if palette.picture_background else palette.background
            )
            plate = _plate(placeholder, palette, near) if over and texts else None
            for number, (name, part) in enumerate(
                zip(names, _columns(rect, len(names)), strict=True)
            ):
                text = name not in DRAWN_FIELDS
                setting = _setting(placeholder, part, fonts, plate is not None) if text else None
                fields[name] = Frame(
                    part,
                    setting,
                    box=number > 0,
                    moved=part != own,
                    plate=(plate if text else DRAWN_PLATE) if over else None,
                )
        title = fields.get("title")
        area, over = _safe(
            graphics, _content_area(width, height, title), layout.name, "content", notes, True
        )
        area = _above(area, footers)
        kinds[kind] = KindFrames(layout.name, fields, area, DRAWN_PLATE if over else None)
    return TemplateGeometry(width, height, fonts, kinds, tuple(dict.fromkeys(notes)))


def _plate(placeholder: Any, palette: Palette, near: str | None) -> str:
    """The scheme colour of the plate under a placeholder's text, nearest to the graphic
    ``near`` beneath it where there is one: see :func:`plate_colour`."""
    first = merged_levels(placeholder)[0]
    colour = text_colour(first, palette) or palette.colour("tx1")
    return plate_colour(palette, colour, near)


SAFE_COVER = 0.02  # graphics covering this little of a placeholder do not matter


def layout_graphics(layout: Any) -> GraphicsMap:
    """The template's own graphics on slides of ``layout`` (what deckgen must not draw over)."""
    presentation = layout.part.package.presentation_part.presentation
    width, height = int(presentation.slide_width), int(presentation.slide_height)
    return GraphicsMap(width, height, layout_marks(layout, palette_of(layout)))


EDGE_KEEP = 0.85  # a graphic reaching a little into a placeholder: text keeps away from it
# where that leaves this share of the placeholder
SAFE_KEEP = 0.4  # narrow a placeholder only if its free part keeps this share of its area
PICTURE_KEEP = 0.75  # the same where a picture is busy in it: its specks and stains are
# scattered, and a plain plate serves the text better than a corner between them
DRAWN_KEEP_WIDTH = 0.6  # what deckgen draws in a row keeps this share of the width, or a plate
COLUMN_GAP = 0.04  # of the width, between fields that share a placeholder


def _safe(
    graphics: GraphicsMap,
    rect: Rect,
    layout: str,
    name: str,
    notes: list[str],
    drawn: bool = False,
) -> tuple[Rect, bool]:
    """The part of a placeholder free of the template's graphics, or itself (and a note) and
    True where too little of it is free: what goes there stands on a plate over the graphics.
    Where pictures are busy in it, the free part must keep more of it (:data:`PICTURE_KEEP`);
    for what deckgen draws (figures, steps and cards side by side), most of its width
    (:data:`DRAWN_KEEP_WIDTH`).
    """
    covered = graphics.covered(rect)
    free = graphics.free_rect(rect) if covered > 0 else rect
    if free is not None and free != rect:
        free = _apart(free, rect, round(GRAPHIC_GAP * graphics.width))
    if covered <= SAFE_COVER:  # a corner or an edge of a graphic: away from it, if cheaply
        area = rect.width * rect.height
        if free is not None and free != rect and free.width * free.height >= EDGE_KEEP * area:
            return free, False
        return rect, graphics.enclosed(rect)  # a small graphic inside: the plate hides it
    keep = SAFE_KEEP if graphics.pictured(rect) <= SAFE_COVER else PICTURE_KEEP
    wide = free is not None and (not drawn or free.width >= DRAWN_KEEP_WIDTH * rect.width)
    if free is not None and wide and free.width * free.height >= keep * rect.width * rect.height:
        return free, False
    notes.append(
        f"layout '{layout}': the template's graphics cover {graphics.covered(rect):.0%} of "
        f"'{name}' and leave no room beside them; its text stands on a plain plate"
    )
    return rect, True


def _on_slide(rect: Rect, width: int, height: int) -> Rect:
    """The part of a placeholder on the slide: some templates let one run past the slide's
    edge, and text set there is off the page."""
    left, top = max(0, rect.left), max(0, rect.top)
    right, bottom = min(width, rect.right), min(height, rect.bottom)
    if right <= left or bottom <= top:
        return rect  # wholly off the slide: a hidden placeholder, left as it is
    return Rect(left, top, right - left, bottom - top)


GRAPHIC_GAP = 0.01  # of the slide's width: text kept away from a graphic keeps this far off


def _apart(free: Rect, rect: Rect, gap: int) -> Rect:
    """``free``, the part of ``rect`` beside a graphic, with ``gap`` more room on each side
    where a graphic bounds it (not where it is ``rect``'s own side): letters must not touch
    the graphic, nor stand a hair's breadth from it."""
    left = free.left + (gap if free.left > rect.left else 0)
    top = free.top + (gap if free.top > rect.top else 0)
    right = free.right - (gap if free.right < rect.right else 0)
    bottom = free.bottom - (gap if free.bottom < rect.bottom else 0)
    return Rect(left, top, max(0, right - left), max(0, bottom - top))


FOOTER_ZONE = 0.4  # a footer reaching into this lower share of a frame shortens it
FOOTER_GAP = 0.01  # of the frame's height, between its new foot and the footer


def _above(rect: Rect, footers: list[Rect]) -> Rect:
    """``rect`` ending above the footers and slide numbers that reach into its foot, so that
    text never runs over them (some templates let the body overlap the footer)."""
    bottom = rect.bottom
    for footer in footers:
        beside = footer.right <= rect.left or footer.left >= rect.right
        if beside or not rect.top + (1 - FOOTER_ZONE) * rect.height < footer.top < rect.bottom:
            continue
        bottom = min(bottom, footer.top - int(FOOTER_GAP * rect.height))
    return Rect(rect.left, rect.top, rect.width, bottom - rect.top)


def _columns(rect: Rect, count: int) -> list[Rect]:
    """``rect`` cut into ``count`` columns with a gap between them."""
    if count == 1:
        return [rect]
    gap = int(rect.width * COLUMN_GAP)
    width = (rect.width - gap * (count - 1)) // count
    return [Rect(rect.left + n * (width + gap), rect.top, width, rect.height) for n in range(count)]


def _setting(
    placeholder: Any, rect: Rect, fonts: dict[str, str], plate: bool = False
) -> TextSetting:
    chain = oxml.inheritance_chain(placeholder)
    insets = oxml.insets(chain)
    if plate:  # the words keep a margin from the plate's edges
        insets = {name: max(value, PLATE_INSETS[name]) for name, value in insets.items()}
    return TextSetting(
        width=points(rect.width - insets["lIns"] - insets["rIns"]),
        height=points(rect.height - insets["tIns"] - insets["bIns"]),
        levels=tuple(oxml.level_styles(placeholder, fonts)),
        top_inset=points(insets["tIns"]),
        bottom_inset=points(insets["bIns"]),
        anchor=oxml.anchor(chain),
    )


def _content_area(width: int, height: int, title: Frame | None) -> Rect:
    """Where content goes when the layout has no placeholder for it: below the title, or above
    it where the title stands so low that a third of the slide is not left below it; never
    past the slide's foot."""
    top = height // 5
    bottom = height - height // 9
    if title is not None:
        top = max(top, title.rect.bottom + height // 40)
        above = title.rect.top - height // 40
        if bottom - top < height // 3 and above - height // 16 >= height // 3:
            top, bottom = height // 16, above
    return Rect(width // 16, top, width - width // 8, max(bottom - top, height // 20))
