"""Open a theme's template with python-pptx and check the theme's mapping against its layouts."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Any

from pptx import Presentation
from pptx.exc import PackageNotFoundError
from pptx.slide import SlideLayout

from deckgen.theme import Theme, theme_error

TEXT_PLACEHOLDER_FIELDS = {"chart", "table", "image", "figures"}


@dataclass
class KindLayout:
    """A slide kind resolved against the template: the layout object and placeholder idx."""

    layout: SlideLayout
    placeholders: dict[str, int]


def open_template(theme: Theme) -> Any:
    """The theme's template as a python-pptx Presentation, with any slides it carried removed."""
    try:
        presentation = Presentation(str(theme.template))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise theme_error(
            theme, ("template",), f"'{theme.template.name}' is not a PowerPoint presentation"
        ) from e
    _drop_slides(presentation)
    return presentation


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
            from deckgen.errors import suggest

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
