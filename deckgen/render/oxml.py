"""Raw OOXML: every place deckgen reads or writes XML, or reaches into python-pptx internals.

The modules above this one speak in slides, shapes and paragraphs; like python-pptx's own
``oxml`` layer, this is where element names, XPath and private attributes live.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart

from deckgen.paginate.geometry import EMU_PER_POINT
from deckgen.paginate.measure import ParagraphStyle
from deckgen.theme.layouts import TITLE_TYPES

_TEXT_STYLE_TYPES = {"BODY", "SUBTITLE", "OBJECT"}  # set by the master's body style
DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}

_SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
_VIEW_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    b'<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'
)


# -- the package -----------------------------------------------------------------------------------


def drop_slides(presentation: Any) -> int:
    """Remove the sample slides a template carries; return how many there were."""
    id_list = presentation.slides._sldIdLst
    slides = list(id_list)
    for slide_id in slides:
        presentation.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)
    return len(slides)


def ensure_view_props(presentation: Any) -> None:
    """Give the presentation a view-properties part: PowerPoint offers to repair a file without.

    LibreOffice writes none when it saves a .pptx.
    """
    part = presentation.part
    if any(rel.reltype == RT.VIEW_PROPS for rel in part.rels.values()):
        return
    view = Part(PackURI("/ppt/viewProps.xml"), CT.PML_VIEW_PROPS, part.package, _VIEW_PROPS)
    part.relate_to(view, RT.VIEW_PROPS)


def count_partnames(package: Any) -> None:
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


def package_members(presentation: Any) -> list[tuple[str, bytes]]:
    """Every member of the presentation's zip package, in python-pptx's order, unzipped.

    The write step zips them with fixed timestamps, so a deck is compressed once.
    """
    package = presentation.part.package
    members: list[tuple[str, bytes]] = []

    class _Collect:
        def write(self, uri: PackURI, blob: bytes) -> None:
            members.append((uri.membername, blob))

    writer = PackageWriter(None, package._rels, tuple(package.iter_parts()))  # type: ignore[arg-type]
    collect: Any = _Collect()
    writer._write_content_types_stream(collect)
    writer._write_pkg_rels(collect)
    writer._write_parts(collect)
    return members


def notes_frame(slide: Any) -> Any:
    """The text frame of a slide's speaker notes, made from a prototype notes slide.

    python-pptx clones the notes master's placeholders for every notes slide; the first notes
    slide of a deck is made that way and kept, empty, as the prototype of the others.
    """
    slide_part = slide.part
    package = slide_part.package
    prototype = getattr(package, "_deckgen_notes_prototype", None)
    if prototype is None:
        frame = slide.notes_slide.notes_text_frame
        element = copy.deepcopy(slide.notes_slide._element)
        package._deckgen_notes_prototype = element
        return frame
    part = NotesSlidePart(
        package.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
        CT.PML_NOTES_SLIDE,
        package,
        copy.deepcopy(prototype),
    )
    part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
    part.relate_to(slide_part, RT.SLIDE)
    slide_part.relate_to(part, RT.NOTES_SLIDE)
    return part.notes_slide.notes_text_frame


def theme_part(presentation: Any) -> Any:
    """The theme part the (first) slide master uses, or None."""
    for rel in presentation.slide_master.part.rels.values():
        if rel.reltype == RT.THEME:
            return rel.target_part
    return None


def colours_and_fonts(presentation: Any) -> tuple[dict[str, str], dict[str, str]]:
    """The colour scheme (name -> RRGGBB) and the heading and body fonts of the theme part."""
    part = theme_part(presentation)
    if part is None:
        return {}, {}
    root = etree.fromstring(part.blob)
    colours: dict[str, str] = {}
    scheme = root.find(".//" + qn("a:clrScheme"))
    if scheme is not None:
        for slot in scheme:
            if len(slot):
                value = slot[0].get("val") or slot[0].get("lastClr") or ""
                colours[etree.QName(slot).localname] = value.upper()
    fonts = {}
    for role, tag in (("major", "a:majorFont"), ("minor", "a:minorFont")):
        latin = root.find(f".//{qn(tag)}/{qn('a:latin')}")
        if latin is not None:
            fonts[role] = latin.get("typeface", "")
    return colours, fonts


def restyle_theme(presentation: Any, colours: dict[str, str], major: str, minor: str) -> None:
    """Put colours (scheme slot -> RRGGBB) and fonts into the template's theme part."""
    part = theme_part(presentation)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    scheme = root.find(".//" + qn("a:clrScheme"))
    for name, value in colours.items():
        slot = scheme.find(qn(f"a:{name}")) if scheme is not None else None
        if slot is None:
            continue
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr")).set("val", value.lstrip("#").upper())
    for role, typeface in (("majorFont", major), ("minorFont", minor)):
        latin = root.find(f".//{qn('a:' + role)}/{qn('a:latin')}")
        if typeface and latin is not None:
            latin.set("typeface", typeface)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_placeholder_idx(placeholder: Any, idx: int) -> None:
    """Give a layout placeholder another idx."""
    placeholder._element.find(".//" + qn("p:ph")).set("idx", str(idx))


def type_name(placeholder: Any) -> str:
    """A placeholder's type as python-pptx names it: ``TITLE``, ``BODY``, ``OBJECT``, ..."""
    return str(placeholder.placeholder_format.type).split()[0]


def arrow_head(connector: Any) -> None:
    """An arrowhead at the end of a connector's line (python-pptx has no property for it)."""
    line = connector.line._get_or_add_ln()
    for old in line.findall(qn("a:tailEnd")):
        line.remove(old)
    tail = etree.SubElement(line, qn("a:tailEnd"))
    tail.set("type", "triangle")
    tail.set("w", "med")
    tail.set("len", "med")
    follower = line.find(qn("a:extLst"))
    if follower is not None:
        follower.addprevious(tail)


def remove_shape(shape: Any) -> None:
    """Take a shape off its slide."""
    element = shape._element
    element.getparent().remove(element)


# -- how a placeholder sets text -----------------------------------------------------------------


def inheritance_chain(placeholder: Any) -> list[Any]:
    """The placeholder's element and those it inherits from (layout, master)."""
    elements = [placeholder._element]
    current = placeholder
    for _ in range(2):
        base = getattr(current, "_base_placeholder", None)
        if base is None:
            break
        elements.append(base._element)
        current = base
    return elements


def insets(chain: list[Any]) -> dict[str, int]:
    """The text insets (EMU) of the first element of ``chain`` that sets each."""
    return {
        name: int(_first_attr([_body_pr(e) for e in chain], name, default))
        for name, default in DEFAULT_INSETS.items()
    }


def level_styles(placeholder: Any, fonts: dict[str, str], levels: int = 5) -> list[ParagraphStyle]:
    """The paragraph style of each list level, through placeholder, layout, master, defaults."""
    chain = inheritance_chain(placeholder)
    kind = type_name(placeholder)
    master_levels = _master_levels(placeholder, kind)
    styles = []
    for number in range(1, levels + 1):
        sources = [*(_lst_level(e, number) for e in chain), *master_levels(number)]
        styles.append(_paragraph_style(sources, fonts, kind))
    return styles


def _master_levels(placeholder: Any, kind: str) -> Any:
    """A function giving, for a level, the master's text-style and the default levels."""
    part = placeholder.part
    master = part.slide_master if hasattr(part, "slide_master") else None
    if master is None and hasattr(part, "slide_layout"):
        master = part.slide_layout.slide_master
    tx_styles = master._element.find(qn("p:txStyles")) if master is not None else None
    name = "p:otherStyle"
    if kind in TITLE_TYPES:
        name = "p:titleStyle"
    elif kind in _TEXT_STYLE_TYPES:
        name = "p:bodyStyle"
    style = tx_styles.find(qn(name)) if tx_styles is not None else None
    default = part.package.presentation_part._element.find(qn("p:defaultTextStyle"))

    def levels(number: int) -> list[Any]:
        found = []
        for root in (style, default):
            if root is not None:
                level = root.find(qn(f"a:lvl{number}pPr"))
                if level is not None:
                    found.append(level)
        return found

    return levels


def _body_pr(element: Any) -> Any:
    return element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")


def _lst_level(element: Any, number: int) -> Any:
    return element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn(f'a:lvl{number}pPr')}")


def _first_attr(elements: Iterable[Any], name: str, default: Any) -> Any:
    for element in elements:
        if element is not None and element.get(name) is not None:
            return element.get(name)
    return default


def _paragraph_style(sources: list[Any], fonts: dict[str, str], kind: str) -> ParagraphStyle:
    levels = [s for s in sources if s is not None]
    run_props = [level.find(qn("a:defRPr")) for level in levels]
    size = int(_first_attr(run_props, "sz", 1800)) / 100
    bold = _first_attr(run_props, "b", "0") in ("1", "true")
    typeface = "+mj-lt" if kind in TITLE_TYPES else "+mn-lt"
    for props in run_props:
        latin = props.find(qn("a:latin")) if props is not None else None
        if latin is not None and latin.get("typeface"):
            typeface = latin.get("typeface")
            break
    family = {"+mj-lt": fonts.get("major", ""), "+mn-lt": fonts.get("minor", "")}.get(
        typeface, typeface
    )
    space_before = 0.0
    for level in levels:
        before = level.find(f"{qn('a:spcBef')}/{qn('a:spcPts')}")
        if before is not None:
            space_before = int(before.get("val", "0")) / 100
            break
        before_pct = level.find(f"{qn('a:spcBef')}/{qn('a:spcPct')}")
        if before_pct is not None:
            space_before = int(before_pct.get("val", "0")) / 100000 * size * 1.2
            break
    line_spacing = 1.0
    for level in levels:
        spacing = level.find(f"{qn('a:lnSpc')}/{qn('a:spcPct')}")
        if spacing is not None:
            line_spacing = int(spacing.get("val", "100000")) / 100000
            break
    return ParagraphStyle(
        family=family or "Calibri",
        size=size,
        bold=bold,
        indent_left=int(_first_attr(levels, "marL", 0)) / EMU_PER_POINT,
        first_line=int(_first_attr(levels, "indent", 0)) / EMU_PER_POINT,
        space_before=space_before,
        line_spacing=line_spacing,
    )


# -- paragraphs and runs --------------------------------------------------------------------------


def set_language(run_or_paragraph_end: Any, language: str) -> None:
    """Mark the language of a run's properties element."""
    run_or_paragraph_end.set("lang", language)


def run_properties(run: Any) -> Any:
    """The properties element of a run."""
    return run.font._rPr


def end_properties(paragraph: Any) -> Any:
    """The end-of-paragraph run properties, made if missing."""
    return paragraph._p.get_or_add_endParaRPr()


def set_bullet(paragraph: Any, char: str | None, level: int = 0) -> None:
    """Give a paragraph its own bullet (or none), whatever its placeholder's style says."""
    p_pr = paragraph._p.get_or_add_pPr()
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum", "a:buFont"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    if char is None:
        _insert_bullet(p_pr, etree.SubElement(p_pr, qn("a:buNone")))
        return
    indent = 285750
    p_pr.set("marL", str(indent * (level + 1)))
    p_pr.set("indent", str(-indent))
    font = etree.SubElement(p_pr, qn("a:buFont"))
    font.set("typeface", "Arial")
    _insert_bullet(p_pr, font)
    bullet = etree.SubElement(p_pr, qn("a:buChar"))
    bullet.set("char", char)
    _insert_bullet(p_pr, bullet)


def _insert_bullet(p_pr: Any, element: Any) -> None:
    """Keep schema order: bullet elements come before tabs, defRPr and extLst."""
    p_pr.remove(element)
    for follower in ("a:tabLst", "a:defRPr", "a:extLst"):
        found = p_pr.find(qn(follower))
        if found is not None:
            found.addprevious(element)
            return
    p_pr.append(element)


def set_size(paragraph: Any, size: float, space_before: float | None) -> None:
    """Explicit font size (points) on every run of a paragraph, and its space before."""
    hundredths = str(max(100, round(size * 100)))
    for run in paragraph.runs:
        run.font._rPr.set("sz", hundredths)
    end = paragraph._p.find(qn("a:endParaRPr"))
    if end is not None:
        end.set("sz", hundredths)
    if space_before is not None:
        paragraph.space_before = round(space_before * EMU_PER_POINT)


# -- slides ---------------------------------------------------------------------------------------


def footer_elements(layout: Any) -> list[tuple[bool, Any]]:
    """The layout's footer and slide-number placeholders: (is slide number, element)."""
    found = []
    for placeholder in list(layout.placeholders):
        kind = type_name(placeholder)
        if kind in ("FOOTER", "SLIDE_NUMBER"):
            found.append((kind == "SLIDE_NUMBER", placeholder._element))
    return found


def add_footer(slide: Any, original: Any, slide_number: bool, text: str, language: str) -> None:
    """A copy of a layout's footer placeholder on the slide, showing ``text`` or the number."""
    tree = slide.shapes._spTree
    element = copy.deepcopy(original)
    sp_pr = element.find(qn("p:spPr"))
    if sp_pr is not None:
        for child in list(sp_pr):
            sp_pr.remove(child)  # inherit position and look from the layout
    body = element.find(qn("p:txBody"))
    if body is None:
        return
    for paragraph in body.findall(qn("a:p")):
        body.remove(paragraph)
    lst = body.find(qn("a:lstStyle"))
    if lst is not None:
        for child in list(lst):
            lst.remove(child)
    paragraph = etree.SubElement(body, qn("a:p"))
    if slide_number:
        run = etree.SubElement(paragraph, qn("a:fld"))
        run.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
        run.set("type", "slidenum")
    else:
        run = etree.SubElement(paragraph, qn("a:r"))
    etree.SubElement(run, qn("a:rPr")).set("lang", language)
    etree.SubElement(run, qn("a:t")).text = text
    # a shape id of its own: the copy would otherwise repeat an id of the layout's
    ids = [int(i) for i in tree.xpath(".//p:cNvPr/@id")]
    element.find(f".//{qn('p:cNvPr')}").set("id", str(max(ids, default=1) + 1))
    tree.append(element)


def add_sections(presentation: Any, slug: str, groups: list[tuple[str, str, int]]) -> None:
    """Native PowerPoint sections: (section id, name, number of slides) in order."""
    slide_ids = [slide_id.get("id") for slide_id in presentation.slides._sldIdLst]
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
    start = 0
    for index, (section, name, count) in enumerate(groups):
        element = etree.SubElement(section_list, f"{{{_P14}}}section")
        element.set("name", name)
        seed = uuid.uuid5(uuid.NAMESPACE_URL, f"deckgen:{slug}:{index}:{section}")
        element.set("id", "{" + str(seed).upper() + "}")
        id_list = etree.SubElement(element, f"{{{_P14}}}sldIdLst")
        for slide_id in slide_ids[start : start + count]:
            etree.SubElement(id_list, f"{{{_P14}}}sldId").set("id", slide_id)
        start += count


def positive_axis_ids(chart: Any) -> None:
    """Renumber a chart's axis ids from 1: python-pptx writes negative ones, which the schema
    forbids (PowerPoint may offer to repair such a file)."""
    space = chart._chartSpace
    ids: dict[str, str] = {}
    for element in space.iter(qn("c:axId")):
        ids.setdefault(element.get("val"), str(len(ids) + 1))
    for element in [*space.iter(qn("c:axId")), *space.iter(qn("c:crossAx"))]:
        element.set("val", ids.get(element.get("val"), element.get("val")))


def drop_custom_data(slide: Any) -> None:
    """Remove the custom-data lists that placeholders bring from their layout.

    WPS and other tools tag layout placeholders (``p:custDataLst``) with relationships of the
    layout; cloned onto a slide they would point at relationships the slide does not have.
    """
    for element in list(slide.shapes._spTree.iter(qn("p:custDataLst"))):
        element.getparent().remove(element)
