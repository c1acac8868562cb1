"""Open a theme's template with python-pptx and check the theme's mapping against its layouts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout

from deckgen.errors import suggest
from deckgen.render.inspect import (
    NotAPresentation,
    drop_slides,
    ensure_view_props,
    read_template,
)
from deckgen.theme import Theme, theme_error


@dataclass
class KindLayout:
    """A slide kind resolved against the template: the layout object and placeholder idx."""

    layout: SlideLayout
    placeholders: dict[str, int]


def open_template(theme: Theme) -> Any:
    """The theme's template as a python-pptx Presentation, with any slides it carried removed."""
    try:
        presentation = read_template(theme.template)
    except NotAPresentation as e:
        reason = e.message.split(": ", 1)[-1]
        raise theme_error(theme, ("template",), f"'{theme.template.name}': {reason}") from e
    drop_slides(presentation)
    ensure_view_props(presentation)
    _count_partnames(presentation.part.package)
    if theme.manifest.colors or theme.manifest.fonts.major or theme.manifest.fonts.minor:
        _restyle(presentation, theme)
    return presentation


def _count_partnames(package: Any) -> None:
    """Give the package a quick way to name new parts.

    python-pptx walks every part of the package to name each new one (a notes slide, a chart),
    which makes a deck's cost grow with the square of its slides. Parts are only added while
    deckgen builds a deck, so counting per name pattern gives the same names.
    """
    used = {str(part.partname) for part in package.iter_parts()}
    counters: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        number = counters.get(tmpl, 0) + 1
        while tmpl % number in used:
            number += 1
        counters[tmpl] = number
        used.add(tmpl % number)
        return PackURI(tmpl % number)

    package.next_partname = next_partname


def _restyle(presentation: Any, theme: Theme) -> None:
    """Put the theme's own colours and fonts into the template's theme part."""
    for rel in presentation.slide_master.part.rels.values():
        if not rel.reltype.endswith("/theme"):
            continue
        part = rel.target_part
        root = etree.fromstring(part.blob)
        scheme = root.find(".//" + qn("a:clrScheme"))
        for name, value in theme.manifest.colors.items():
            slot = scheme.find(qn(f"a:{name}")) if scheme is not None else None
            if slot is None:
                continue
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, qn("a:srgbClr")).set("val", value.lstrip("#").upper())
        for role, typeface in (
            ("majorFont", theme.manifest.fonts.major),
            ("minorFont", theme.manifest.fonts.minor),
        ):
            latin = root.find(f".//{qn('a:' + role)}/{qn('a:latin')}")
            if typeface and latin is not None:
                latin.set("typeface", typeface)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_slides(presentation: Any) -> None:
    """Remove the sample slides a template may carry."""
    id_list = presentation.slides._sldIdLst
    for slide_id in list(id_list):
        presentation.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


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
