"""The package of a presentation: parts, relationships, the theme part, layout names."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.oxml.ns import qn

from deckgen.render.oxml.graphics import scheme_value

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


FIELD_SAMPLE = re.compile(r"<[^<>]{1,40}>")  # "<date/time>", "<number>", "<Fußzeile>"


def drop_field_samples(presentation: Any) -> list[str]:
    """Remove the text boxes of masters and layouts whose whole text is a field's sample.

    A field (date, footer, slide number) belongs in a placeholder, which shows only on the
    slides that ask for it; LibreOffice, when it converts some templates, writes a master's
    fields as plain text boxes holding their sample text, which every slide would then print
    (``<date/time>`` at the foot of each slide). Return where each was, as "master 2:
    '<date/time>'".
    """
    removed = []
    for number, master in enumerate(presentation.slide_masters, 1):
        parts = [(f"master {number}", master)]
        parts += [(f"layout {layout.name!r}", layout) for layout in master.slide_layouts]
        for where, part in parts:
            for shape in list(part.shapes._spTree.iter(qn("p:sp"))):
                if shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}") is not None:
                    continue
                text = "".join(t.text or "" for t in shape.iter(qn("a:t"))).strip()
                if FIELD_SAMPLE.fullmatch(text):
                    shape.getparent().remove(shape)
                    removed.append(f"{where}: {text!r}")
    return removed


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
                colours[etree.QName(slot).localname] = scheme_value(slot[0])
    fonts = {}
    for role, tag in (("major", "a:majorFont"), ("minor", "a:minorFont")):
        latin = root.find(f".//{qn(tag)}/{qn('a:latin')}")
        if latin is not None:
            fonts[role] = latin.get("typeface", "")
    return colours, fonts


def restyle_theme(presentation: Any, colours: dict[str, str], major: str, minor: str) -> None:
    """Put colours (scheme slot -> RRGGBB) and fonts into the theme part of every master."""
    parts = {id(p): p for p in (_theme_of(m) for m in presentation.slide_masters) if p is not None}
    for part in parts.values():
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


def _theme_of(master: Any) -> Any:
    try:
        return master.part.part_related_by(RT.THEME)
    except KeyError:
        return None


def application(presentation: Any) -> str:
    """The program that wrote the file, as its extended properties say ("" if they do not)."""
    try:
        part = presentation.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    except KeyError:
        return ""
    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return ""
    found = root.find("{*}Application")
    return (found.text or "") if found is not None else ""


def rename_layout(layout: Any, name: str) -> None:
    """Give a layout another name."""
    layout._element.find(qn("p:cSld")).set("name", name)


def is_vertical(placeholder: Any) -> bool:
    """Whether a placeholder sets its text vertically (East Asian layouts)."""
    body = placeholder._element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
    vertical = body is not None and (body.get("vert") or "horz") not in ("horz",)
    return vertical or placeholder._element.find(f".//{qn('p:ph')}").get("orient") == "vert"


def set_placeholder_idx(placeholder: Any, idx: int) -> None:
    """Give a layout placeholder another idx."""
    placeholder._element.find(".//" + qn("p:ph")).set("idx", str(idx))
