"""Slides in OOXML: notes, footers, sections, charts, shapes taken away."""

from __future__ import annotations

import copy
import re
import uuid
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart

from deckgen.render.oxml.text import type_name

_SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
_ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"


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


def remove_shape(shape: Any) -> None:
    """Take a shape off its slide."""
    element = shape._element
    element.getparent().remove(element)


def footer_elements(layout: Any) -> list[tuple[bool, Any]]:
    """The layout's footer and slide-number placeholders: (is slide number, element), each
    element with the list style it inherits written out, so that every renderer shows the
    template's font and colour (LibreOffice does not look up footers through the master)."""
    from deckgen.render.oxml.styles import put_list_style

    found = []
    for placeholder in list(layout.placeholders):
        kind = type_name(placeholder)
        if kind in ("FOOTER", "SLIDE_NUMBER"):
            element = copy.deepcopy(placeholder._element)
            body = element.find(qn("p:txBody"))
            if body is not None:
                put_list_style(body, placeholder)
            found.append((kind == "SLIDE_NUMBER", element))
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


def mark_decorative(shape: Any) -> None:
    """Mark a shape as decorative, so screen readers pass over it (Office's a16 extension)."""
    properties = shape._element.find(f".//{qn('p:cNvPr')}")
    if properties is None:
        return
    ext_list = properties.find(qn("a:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(properties, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"))
    ext.set("uri", "{C183D7F6-B498-43B3-948B-1728B52AA6E4}")
    decorative = etree.SubElement(ext, f"{{{_ADEC}}}decorative", nsmap={"adec": _ADEC})
    decorative.set("val", "1")


def set_chart_language(chart: Any, language: str) -> None:
    """The language a chart formats its numbers in (``de-DE``: 25.000,5)."""
    space = chart._chartSpace
    for old in space.findall(qn("c:lang")):
        space.remove(old)
    element = etree.Element(qn("c:lang"))
    element.set("val", language)
    date1904 = space.find(qn("c:date1904"))
    if date1904 is not None:
        date1904.addnext(element)
    else:
        space.insert(0, element)


def hide(slide: Any) -> None:
    """Hide a slide in the slide show; it stays in the deck (a backup slide)."""
    slide._element.set("show", "0")


_LINKED_WORD = re.compile(r"\s*\S+\s*|\s+")


def link_to_slide(paragraph: Any, source: Any, target: Any) -> None:
    """Make a paragraph's text jump to another slide of the deck when clicked.

    Each word is a linked run of its own, with the space after it: LibreOffice turns a linked
    run into one field, which it wraps between letters wherever the line ends.
    """
    rid = source.part.relate_to(target.part, RT.SLIDE)
    for run in list(paragraph._p.iterchildren(qn("a:r"))):
        text = run.findtext(qn("a:t")) or ""
        for word in _LINKED_WORD.findall(text) or [text]:
            linked = copy.deepcopy(run)
            linked.find(qn("a:t")).text = word
            _add_link(linked, rid)
            run.addprevious(linked)
        run.getparent().remove(run)


def _add_link(run: Any, rid: str) -> None:
    properties = run.find(qn("a:rPr"))
    if properties is None:
        properties = etree.Element(qn("a:rPr"))
        run.insert(0, properties)
    for old in properties.findall(qn("a:hlinkClick")):
        properties.remove(old)
    link = etree.SubElement(properties, qn("a:hlinkClick"))
    link.set(qn("r:id"), rid)
    link.set("action", "ppaction://hlinksldjump")
    following = [properties.find(qn(f"a:{name}")) for name in ("hlinkMouseOver", "rtl", "extLst")]
    after = next((element for element in following if element is not None), None)
    if after is not None:  # hlinkClick comes before these
        after.addprevious(link)


def drop_custom_data(slide: Any) -> None:
    """Remove the custom-data lists that placeholders bring from their layout.

    WPS and other tools tag layout placeholders (``p:custDataLst``) with relationships of the
    layout; cloned onto a slide they would point at relationships the slide does not have.
    """
    for element in list(slide.shapes._spTree.iter(qn("p:custDataLst"))):
        element.getparent().remove(element)


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
