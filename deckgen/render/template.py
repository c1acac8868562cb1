"""A theme's template: opened for a deck, checked against the theme's mapping, and measured.

:func:`template_geometry` reads, once per template, what pagination needs as plain data: the
frame of every field of every kind's layout and how each text placeholder sets its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pptx.slide import SlideLayout

from deckgen.errors import suggest
from deckgen.paginate.geometry import (
    Frame,
    KindFrames,
    Rect,
    TemplateGeometry,
    TextSetting,
    points,
)
from deckgen.render import oxml
from deckgen.render.package import NotAPresentation, read_template
from deckgen.theme import Theme, theme_error

DRAWN_FIELDS = {"figures", "chart", "table", "image", "diagram"}  # frames deckgen draws in


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
    layouts = {layout.name: layout for layout in presentation.slide_layouts}
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


def template_geometry(theme: Theme, kinds: set[str]) -> TemplateGeometry:
    """What the theme's template offers the slide kinds in ``kinds``, read once per process."""
    stat = theme.template.stat()
    key = (
        str(theme.template),
        stat.st_mtime_ns,
        stat.st_size,
        theme.manifest.model_dump_json(),
        tuple(sorted(kinds)),
    )
    if key not in _GEOMETRY:
        presentation = open_template(theme)
        _GEOMETRY[key] = geometry_of(presentation, resolve_layouts(theme, presentation, kinds))
    return _GEOMETRY[key]


def geometry_of(presentation: Any, layouts: dict[str, KindLayout]) -> TemplateGeometry:
    """The geometry of an opened template for the resolved layouts."""
    fonts = oxml.colours_and_fonts(presentation)[1]
    width, height = int(presentation.slide_width), int(presentation.slide_height)
    kinds = {}
    for kind, kind_layout in layouts.items():
        by_idx = {p.placeholder_format.idx: p for p in list(kind_layout.layout.placeholders)}
        fields = {
            name: _frame(by_idx[idx], fonts, text=name not in DRAWN_FIELDS)
            for name, idx in kind_layout.placeholders.items()
        }
        title = fields.get("title")
        kinds[kind] = KindFrames(
            kind_layout.layout.name, fields, _content_area(width, height, title)
        )
    return TemplateGeometry(width, height, fonts, kinds)


def _frame(placeholder: Any, fonts: dict[str, str], text: bool) -> Frame:
    rect = Rect(
        int(placeholder.left or 0),
        int(placeholder.top or 0),
        int(placeholder.width or 0),
        int(placeholder.height or 0),
    )
    if not text:
        return Frame(rect)
    insets = oxml.insets(oxml.inheritance_chain(placeholder))
    setting = TextSetting(
        width=points(rect.width - insets["lIns"] - insets["rIns"]),
        height=points(rect.height - insets["tIns"] - insets["bIns"]),
        levels=tuple(oxml.level_styles(placeholder, fonts)),
    )
    return Frame(rect, setting)


def _content_area(width: int, height: int, title: Frame | None) -> Rect:
    """Where content goes when the layout has no placeholder for it: below the title."""
    top = height // 5
    if title is not None:
        top = max(top, title.rect.bottom + height // 40)
    bottom = height - height // 9
    return Rect(width // 16, top, width - width // 8, max(bottom - top, height // 3))
