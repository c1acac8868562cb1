"""Render a deck outline onto a theme's template: the one entry point of the render layer."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Cm

from deckgen.content.model import NoteLine
from deckgen.errors import ContentError, SourceError
from deckgen.outline import DeckOutline, SlideSpec
from deckgen.output import normalise_zip
from deckgen.render import data_slides, text_slides
from deckgen.render.fit import TextSetting, apply_scale, setting_of
from deckgen.render.inspect import colours_and_fonts
from deckgen.render.template import KindLayout, open_template, resolve_layouts
from deckgen.render.text import Para, copy_element, write_paragraphs
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
    timestamp: dt.datetime  # created/modified of the file and its zip entries
    fit: str = "split"  # deckgen.yaml's policy for text that does not fit
    continued: str = "continued"  # added to the title of a slide a list goes on on


@dataclass
class Fitting:
    """What fitting text needs for a whole deck, and the warnings it gathers."""

    fonts: dict[str, str]
    min_size: float
    default_policy: str
    warnings: list[SourceError] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    template: str = ""  # names the template file and its version, for settings kept

    def setting(self, placeholder: Any) -> TextSetting:
        """How a placeholder sets text: the same on every slide of a layout of one template,
        so it is read once per process."""
        part = placeholder.part
        layout = part.slide_layout if hasattr(part, "slide_layout") else None
        if layout is None or not self.template:
            return setting_of(placeholder, self.fonts)
        key = (self.template, str(layout.part.partname), placeholder.placeholder_format.idx)
        if key not in _SETTINGS:
            _SETTINGS[key] = setting_of(placeholder, self.fonts)
        return _SETTINGS[key]


_SETTINGS: dict[tuple[str, str, int], TextSetting] = {}


@dataclass
class RenderedDeck:
    """A rendered deck: the bytes of the .pptx, its slide count, what did not fit."""

    data: bytes
    slides: int
    warnings: list[SourceError]


class SlideContext:
    """One slide being filled: its placeholders by field name, and what is still empty."""

    def __init__(
        self,
        slide: Any,
        kind_layout: KindLayout,
        info: DeckInfo,
        spec: SlideSpec,
        fitting: Fitting,
        number: int,
    ):
        self.slide = slide
        self.info = info
        self.spec = spec
        self.fitting = fitting
        self.number = number
        self.policy = spec.slide.fit or fitting.default_policy
        self.fields = kind_layout.placeholders
        self.by_idx = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
        self.used: set[int] = set()

    @property
    def language(self) -> str:
        """The language tag of every run, e.g. de-DE."""
        return self.info.language

    def has(self, field: str) -> bool:
        """Whether the theme gives ``field`` a placeholder on this slide."""
        return self.fields.get(field) in self.by_idx

    def content_area(self) -> tuple[int, int, int, int]:
        """Where content goes when the layout has no placeholder for it: below the title."""
        presentation = self.slide.part.package.presentation_part.presentation
        width, height = presentation.slide_width, presentation.slide_height
        top = height // 5
        title = self.by_idx.get(self.fields.get("title", -1))
        if title is not None and title.top is not None and title.height is not None:
            top = max(top, title.top + title.height + height // 40)
        bottom = height - height // 9
        return (width // 16, top, width - width // 8, max(bottom - top, height // 3))

    def placeholder(self, field: str) -> Any | None:
        """The placeholder that takes ``field``, marked as used; None if the theme has none."""
        idx = self.fields.get(field)
        if idx is None or idx not in self.by_idx:
            return None
        self.used.add(idx)
        return self.by_idx[idx]

    def frame_of(self, field: str) -> tuple[int, int, int, int]:
        """The position and size of a field's placeholder, which is then removed from the slide.

        Without one (a corporate layout with only a title, say) it is the area below the title.
        """
        placeholder = self.placeholder(field)
        if placeholder is None:
            return self.content_area()
        box = (placeholder.left, placeholder.top, placeholder.width, placeholder.height)
        self.remove(placeholder)
        return box

    def write(self, field: str, paras: list[Para]) -> None:
        """Write paragraphs into a field's placeholder (no-op for empty text)."""
        if not paras or not any(p.text.strip() for p in paras):
            return
        placeholder = self.placeholder(field)
        if placeholder is not None:
            frame = placeholder.text_frame
            write_paragraphs(frame, paras, self.language)
            frame.word_wrap = True
            self.fit(placeholder, field, paras)

    def fit(self, placeholder: Any, field: str, paras: list[Para]) -> None:
        """Measure the text of a placeholder; shrink it, or tell, when it does not fit."""
        setting = self.fitting.setting(placeholder)
        if setting.fits(paras):
            return
        where = f"slide {self.number}: the {field.replace('_', ' ')}"
        if self.policy in ("warn", "error"):
            found = SourceError(self.spec.origin, f"{where} does not fit its box")
            (self.fitting.errors if self.policy == "error" else self.fitting.warnings).append(found)
            return
        scale = setting.largest_scale(paras, self.fitting.min_size)
        if scale is None:
            smallest = min(setting.style(p).size for p in paras)
            scale = self.fitting.min_size / smallest
            self.fitting.warnings.append(
                SourceError(
                    self.spec.origin,
                    f"{where} does not fit its box even at {self.fitting.min_size:g} pt; "
                    "shorten it",
                )
            )
        apply_scale(placeholder.text_frame, setting, paras, scale)

    def remove(self, placeholder: Any) -> None:
        element = placeholder._element
        element.getparent().remove(element)
        self.by_idx.pop(placeholder.placeholder_format.idx, None)

    def remove_unused(self) -> None:
        """Take away every placeholder left empty, so no "click to add text" is ever shown."""
        for idx, placeholder in list(self.by_idx.items()):
            if idx not in self.used:
                self.remove(placeholder)


SlideFiller = Callable[[SlideContext, Any], None]

FILLERS: dict[str, SlideFiller] = {
    "title": text_slides.fill_title,
    "agenda": text_slides.fill_agenda,
    "section": text_slides.fill_section,
    "bullets": text_slides.fill_bullets,
    "two_columns": text_slides.fill_two_columns,
    "concerns": text_slides.fill_concern,
    "quote": text_slides.fill_quote,
    "closing": text_slides.fill_closing,
    "key_figures": data_slides.fill_key_figures,
    "chart": data_slides.fill_chart,
    "table": data_slides.fill_table,
    "image": data_slides.fill_image,
}


def render_deck(outline: DeckOutline, theme: Theme, info: DeckInfo) -> RenderedDeck:
    """The finished deck: the bytes of a .pptx file, and the texts that did not fit."""
    presentation = open_template(theme)
    layouts = resolve_layouts(theme, presentation, {spec.kind for spec in outline.slides})
    stat = theme.template.stat()
    fitting = Fitting(
        fonts=colours_and_fonts(presentation)[1],
        min_size=theme.manifest.min_font_size,
        default_policy=theme.manifest.fit or info.fit,
        template=f"{theme.template}:{stat.st_mtime_ns}:{stat.st_size}:{theme.manifest.fonts}",
    )
    footers = {k.layout.name: _footer_placeholders(k.layout) for k in layouts.values()}
    specs = [
        part
        for spec in outline.slides
        for part in split_to_fit(spec, layouts[spec.kind], fitting, info.continued)
    ]
    for number, spec in enumerate(specs, start=1):
        kind_layout = layouts[spec.kind]
        slide = presentation.slides.add_slide(kind_layout.layout)
        context = SlideContext(slide, kind_layout, info, spec, fitting, number)
        FILLERS[spec.kind](context, spec.slide)
        context.remove_unused()
        _add_footer(slide, footers[kind_layout.layout.name], info, number)
        if theme.logo is not None:
            _add_logo(slide, presentation, theme)
        text_slides.write_notes(slide, spec.slide.notes, info.language)
    if fitting.errors:
        raise ContentError(fitting.errors)
    _add_sections(presentation, replace(outline, slides=specs))
    _set_properties(presentation, info)
    buffer = io.BytesIO()
    presentation.save(buffer)
    data = normalise_zip(buffer.getvalue(), _timestamp(info))
    return RenderedDeck(data, len(specs), fitting.warnings)


def split_to_fit(
    spec: SlideSpec, kind_layout: KindLayout, fitting: Fitting, continued: str
) -> list[SlideSpec]:
    """A bullets or table slide that does not fit, as slides that each fit ("split" policy).

    Points and rows stay whole: a slide ends before the one that would not fit, and the next
    slide's title says it continues (a table repeats its header). What is too long for a slide
    of its own is shrunk later.
    """
    slide = spec.slide
    if slide.kind not in ("bullets", "table") or (slide.fit or fitting.default_policy) != "split":
        return [spec]
    field_name = "body" if slide.kind == "bullets" else "table"
    placeholder = next(
        (
            p
            for p in list(kind_layout.layout.placeholders)
            if p.placeholder_format.idx == kind_layout.placeholders.get(field_name)
        ),
        None,
    )
    if placeholder is None:
        return [spec]
    groups: list[list[Any]]
    key = "points"
    if slide.kind == "table":
        key = "rows"
        family = fitting.fonts.get("minor", "Calibri")
        groups = list(
            data_slides.table_chunks(
                slide, placeholder.width, placeholder.height, family, fitting.min_size
            )
        )
    else:
        setting = fitting.setting(placeholder)
        groups = [[]]
        for point in slide.points:
            trial = [*groups[-1], point]
            if groups[-1] and not setting.fits(text_slides.point_paras(trial)):
                groups.append([point])
            else:
                groups[-1] = trial
    if len(groups) == 1:
        return [spec]
    parts = []
    for index, items in enumerate(groups):
        update: dict[str, Any] = {key: items}
        if index:
            title = f"{slide.title} ({continued})"
            update |= {"title": title, "notes": [NoteLine(text=title)]}
        parts.append(replace(spec, slide=slide.model_copy(update=update)))
    return parts


def _timestamp(info: DeckInfo) -> dt.datetime:
    return info.timestamp


def _footer_placeholders(layout: Any) -> list[tuple[Any, Any]]:
    """The layout's footer and slide-number placeholders: (type, element)."""
    return [
        (p.placeholder_format.type, p._element)
        for p in list(layout.placeholders)
        if p.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
    ]


def _add_footer(slide: Any, footers: list[tuple[Any, Any]], info: DeckInfo, number: int) -> None:
    """Show the organisation and the slide number where the layout has places for them."""
    tree = slide.shapes._spTree
    for kind, original in footers:
        element = copy_element(original)
        sp_pr = element.find(qn("p:spPr"))
        if sp_pr is not None:
            for child in list(sp_pr):
                sp_pr.remove(child)  # inherit position and look from the layout
        body = element.find(qn("p:txBody"))
        if body is None:
            continue
        for paragraph in body.findall(qn("a:p")):
            body.remove(paragraph)
        lst = body.find(qn("a:lstStyle"))
        if lst is not None:
            for child in list(lst):
                lst.remove(child)
        body.append(_footer_paragraph(kind, info, number))
        # a shape id of its own: the copy would otherwise repeat an id of the layout's
        ids = [int(i) for i in tree.xpath(".//p:cNvPr/@id")]
        element.find(f".//{qn('p:cNvPr')}").set("id", str(max(ids, default=1) + 1))
        tree.append(element)


_SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def _add_sections(presentation: Any, outline: DeckOutline) -> None:
    """Native PowerPoint sections, one per section of the outline, in the slide sorter."""
    from lxml import etree

    titles = dict(outline.sections)
    slide_ids = [slide_id.get("id") for slide_id in presentation.slides._sldIdLst]
    groups: list[tuple[str, list[str]]] = []
    for spec, slide_id in zip(outline.slides, slide_ids, strict=True):
        if not groups or groups[-1][0] != spec.section:
            groups.append((spec.section, []))
        groups[-1][1].append(slide_id)
    root = presentation.part._element
    ext_list = root.find(qn("p:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(root, qn("p:extLst"))
    for old in ext_list.findall(qn("p:ext")):
        if old.get("uri") == _SECTIONS_EXT:  # the template's sections named its sample slides
            ext_list.remove(old)
    ext = etree.SubElement(ext_list, qn("p:ext"))
    ext.set("uri", _SECTIONS_EXT)
    section_list = etree.SubElement(ext, f"{{{_P14}}}sectionLst", nsmap={"p14": _P14})
    for index, (section, ids) in enumerate(groups):
        element = etree.SubElement(section_list, f"{{{_P14}}}section")
        element.set("name", titles.get(section, section))
        seed = uuid.uuid5(uuid.NAMESPACE_URL, f"deckgen:{outline.slug}:{index}:{section}")
        element.set("id", "{" + str(seed).upper() + "}")
        id_list = etree.SubElement(element, f"{{{_P14}}}sldIdLst")
        for slide_id in ids:
            etree.SubElement(id_list, f"{{{_P14}}}sldId").set("id", slide_id)


def _add_logo(slide: Any, presentation: Any, theme: Theme) -> None:
    """The theme's logo in its corner of the slide."""
    assert theme.logo is not None and theme.manifest.logo is not None
    width = int(Cm(theme.manifest.logo.width_cm))
    margin = int(Cm(0.6))
    picture = slide.shapes.add_picture(str(theme.logo), 0, 0, width=width)
    corner = theme.manifest.logo.position
    picture.left = margin if corner.endswith("left") else presentation.slide_width - width - margin
    picture.top = (
        margin if corner.startswith("top") else presentation.slide_height - picture.height - margin
    )
    picture.name = "Logo"


def _footer_paragraph(kind: Any, info: DeckInfo, number: int) -> Any:
    from lxml import etree

    paragraph = etree.Element(qn("a:p"))
    if kind == PP_PLACEHOLDER.SLIDE_NUMBER:
        field = etree.SubElement(paragraph, qn("a:fld"))
        field.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
        field.set("type", "slidenum")
        run_pr = etree.SubElement(field, qn("a:rPr"))
        run_pr.set("lang", info.language)
        etree.SubElement(field, qn("a:t")).text = str(number)
    else:
        run = etree.SubElement(paragraph, qn("a:r"))
        etree.SubElement(run, qn("a:rPr")).set("lang", info.language)
        etree.SubElement(run, qn("a:t")).text = info.footer
    return paragraph


def _set_properties(presentation: Any, info: DeckInfo) -> None:
    properties = presentation.core_properties
    properties.title = info.title
    properties.subject = info.subject
    properties.author = info.organisation
    properties.language = info.language
    properties.created = properties.modified = _timestamp(info)
    properties.last_modified_by = "deckgen"
    properties.revision = 1
