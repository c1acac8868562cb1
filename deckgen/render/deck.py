"""Render a paginated deck onto a theme's template: the one entry point of the render layer.

Everything was measured and decided before (``deckgen.paginate``); here each page becomes a
slide of its kind's layout, its texts go into their placeholders, drawn things are drawn, and
the deck gets its footers, logo, notes, sections and document properties.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.util import Cm

from deckgen.content.images import Picture, load_logo
from deckgen.content.model import NoteLine
from deckgen.paginate import PaginatedDeck
from deckgen.paginate.geometry import Para
from deckgen.paginate.pages import DRAWN_FIELDS
from deckgen.render import drawn, oxml
from deckgen.render.accessibility import Seen, make_readable, prepare_slide
from deckgen.render.oxml.names import set_slide_name
from deckgen.render.slide import SlideContext
from deckgen.render.template import (
    layout_parts,
    open_template,
    resolve_layouts,
    template_geometry,
)
from deckgen.render.text import write_paragraphs
from deckgen.review.keys import slide_keys
from deckgen.theme import Theme


@dataclass(frozen=True)
class DeckInfo:
    """What the deck says about itself: footer, language, document properties."""

    organisation: str
    footer: str
    language: str
    title: str
    subject: str
    project_root: Path
    timestamp: dt.datetime  # created/modified of the file


Drawer = Callable[[SlideContext, Any], None]

DRAWERS: dict[str, Drawer] = {
    "key_figures": drawn.fill_key_figures,
    "chart": drawn.fill_chart,
    "table": drawn.fill_table,
    "image": drawn.fill_image,
    "process": drawn.fill_process,
    "cards": drawn.fill_cards,
    "quote": drawn.fill_quote,
}


def render_deck(deck: PaginatedDeck, theme: Theme, info: DeckInfo) -> list[tuple[str, bytes]]:
    """The finished deck: the members of its .pptx package (name, bytes), for the write step."""
    presentation = open_template(theme)
    kinds = {page.placed_as for page in deck.pages}
    layouts = resolve_layouts(theme, presentation, kinds)
    geometry = template_geometry(theme, kinds)
    shared = {k.layout.name: layout_parts(theme, k.layout) for k in layouts.values()}
    slides: dict[str, Any] = {}  # by key, for links between slides
    linking: list[tuple[Any, Any, tuple[str, ...]]] = []
    logo = _logo(theme)
    keys = slide_keys([page.spec for page in deck.pages])
    seen = Seen()  # what slides of a layout share, for make_readable
    for page, key in zip(deck.pages, keys, strict=True):
        kind_layout = layouts[page.placed_as]
        slide = presentation.slides.add_slide(kind_layout.layout)
        set_slide_name(slide, key)  # where its content comes from, for diff and pull
        footers, colours = shared[kind_layout.layout.name]
        context = SlideContext(
            slide,
            kind_layout.placeholders,
            geometry.kinds[page.placed_as],
            page,
            info.language,
            info.project_root,
            colours,
        )
        for field, paras in page.texts.items():
            context.write(field, paras)
        drawer = DRAWERS.get(page.spec.kind)
        if drawer is not None:
            if page.frame is not None:
                drawn.draw_plate(context, DRAWN_FIELDS[page.spec.kind])
            drawer(context, page.spec.slide)
            drawn.draw_caption(context)
        context.remove_unused()
        for is_number, element in footers:
            text = str(page.number) if is_number else info.footer
            oxml.add_footer(slide, element, is_number, text, info.language)
        oxml.drop_custom_data(slide)
        if page.spec.key:
            slides[page.spec.key] = slide
        if page.spec.links:
            linking.append((slide, context.placeholder("body"), page.spec.links))
        if page.spec.hidden:
            oxml.hide(slide)
        if logo is not None:
            _add_logo(slide, presentation, theme, logo)
        prepare_slide(slide, page.spec.slide, info.language)
        _write_notes(slide, page.spec.slide.notes, info.language)
    for slide, body, targets in linking:
        _link(slide, body, targets, slides)
    for slide in presentation.slides:  # links are in the link colour: after them
        make_readable(slide, seen)
    _add_sections(presentation, deck)
    _set_properties(presentation, info)
    return oxml.package_members(presentation)


def _link(slide: Any, body: Any, targets: tuple[str, ...], slides: dict[str, Any]) -> None:
    """Make each first-level point of ``body`` jump to the slide its target names."""
    if body is None:
        return
    points = [p for p in body.text_frame.paragraphs if p.level == 0]
    for paragraph, target in zip(points, targets, strict=False):
        if target in slides:
            oxml.link_to_slide(paragraph, slide, slides[target])


def _add_sections(presentation: Any, deck: PaginatedDeck) -> None:
    """Native PowerPoint sections, one per section of the outline, in the slide sorter."""
    titles = dict(deck.outline.sections)
    groups: list[tuple[str, str, int]] = []
    for spec in deck.outline.slides:
        if groups and groups[-1][0] == spec.section:
            section, name, count = groups[-1]
            groups[-1] = (section, name, count + 1)
        else:
            groups.append((spec.section, titles.get(spec.section, spec.section), 1))
    oxml.add_sections(presentation, deck.outline.slug, groups)


def _write_notes(slide: Any, notes: list[NoteLine], language: str) -> None:
    """Speaker notes; list items stay list items, with real bullets."""
    if notes:
        paras = [Para(line.text, line.level, bullet=line.bullet) for line in notes]
        write_paragraphs(oxml.notes_frame(slide), paras, language)


def _logo(theme: Theme) -> Picture | None:
    """The theme's logo, read (again, through the same checks as at load) once per deck."""
    if theme.logo is None or theme.manifest.logo is None:
        return None
    return load_logo(theme.logo, theme.logo.parent, theme.manifest.logo.image)


def _add_logo(slide: Any, presentation: Any, theme: Theme, logo: Picture) -> None:
    """The theme's logo in its corner of the slide."""
    assert theme.manifest.logo is not None
    width = int(Cm(theme.manifest.logo.width_cm))
    margin = int(Cm(0.6))
    picture = slide.shapes.add_picture(io.BytesIO(logo.data), 0, 0, width=width)
    corner = theme.manifest.logo.position
    picture.left = margin if corner.endswith("left") else presentation.slide_width - width - margin
    picture.top = (
        margin if corner.startswith("top") else presentation.slide_height - picture.height - margin
    )
    picture.name = "Logo"
    oxml.mark_decorative(picture)


def _set_properties(presentation: Any, info: DeckInfo) -> None:
    properties = presentation.core_properties
    properties.title = info.title
    properties.subject = info.subject
    properties.author = info.organisation
    properties.language = info.language
    properties.created = properties.modified = info.timestamp
    properties.last_modified_by = "deckgen"
    properties.revision = 1
