"""Read a PowerPoint template as it is: its layouts, placeholders, colours and fonts.

Also makes a template usable: a .potx becomes a presentation python-pptx can open, sample
slides are dropped, and placeholders that share an idx (LibreOffice writes none) get their own.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from deckgen.errors import DeckgenError
from deckgen.layouts import LayoutInfo, PlaceholderInfo

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)
MAX_UNPACKED_BYTES = 500_000_000


class NotAPresentation(DeckgenError):
    """A file that is not a PowerPoint presentation or template."""


class TooLarge(ValueError):
    """A package that would unpack to more than deckgen reads (a zip bomb)."""


_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted OOXML and old .ppt files


def read_template(path: Path) -> Any:
    """A .pptx or .potx file as a python-pptx Presentation."""
    try:
        stat = path.stat()
        data = _file_bytes(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as e:
        raise NotAPresentation(f"{path}: cannot read the file ({e.strerror})") from e
    if data.startswith(_OLE_SIGNATURE):
        raise NotAPresentation(
            f"{path}: the file is encrypted (password-protected) or in the old .ppt format; "
            "save it as .pptx without a password"
        )
    try:
        data = _as_presentation(data)
        return Presentation(io.BytesIO(data))
    except TooLarge as e:
        raise NotAPresentation(f"{path}: not a presentation deckgen can open: {e}") from e
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as e:
        raise NotAPresentation(
            f"{path}: not a PowerPoint presentation or template (.pptx, .potx)"
        ) from e


@functools.lru_cache(maxsize=16)
def _file_bytes(path: str, mtime_ns: int, size: int) -> bytes:
    """A template's bytes, read once per process while the file stays the same."""
    del mtime_ns, size  # part of the cache key
    return Path(path).read_bytes()


def _as_presentation(data: bytes) -> bytes:
    """A .potx package with its main part declared as a presentation, so python-pptx opens it."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise TooLarge(
            f"unpacks to {unpacked // 1_000_000} MB, more than {MAX_UNPACKED_BYTES // 1_000_000} MB"
        )
    types = archive.read("[Content_Types].xml")
    if _TEMPLATE_TYPE not in types:
        return data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            content = archive.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
            target.writestr(info, content)
    return buffer.getvalue()


def drop_slides(presentation: Any) -> int:
    """Remove the sample slides a template carries; return how many there were."""
    id_list = presentation.slides._sldIdLst
    slides = list(id_list)
    for slide_id in slides:
        presentation.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)
    return len(slides)


_VIEW_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    b'<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'
)


def ensure_view_props(presentation: Any) -> None:
    """Give the presentation a view-properties part: PowerPoint offers to repair a file without.

    LibreOffice writes none when it saves a .pptx.
    """
    part = presentation.part
    if any(rel.reltype == RT.VIEW_PROPS for rel in part.rels.values()):
        return
    view = Part(PackURI("/ppt/viewProps.xml"), CT.PML_VIEW_PROPS, part.package, _VIEW_PROPS)
    part.relate_to(view, RT.VIEW_PROPS)


def give_placeholders_own_idx(presentation: Any) -> int:
    """Give every placeholder of a layout an idx of its own; return how many were changed."""
    changed = 0
    for layout in presentation.slide_layouts:
        seen: set[int] = set()
        next_idx = 100
        for placeholder in layout.placeholders:
            idx = placeholder.placeholder_format.idx
            is_title = str(placeholder.placeholder_format.type).split()[0] in (
                "TITLE",
                "CENTER_TITLE",
                "VERTICAL_TITLE",
            )
            if (idx == 0 and is_title and 0 not in seen) or (idx not in seen and idx != 0):
                seen.add(idx)
                continue
            while next_idx in seen:
                next_idx += 1
            placeholder._element.find(".//" + qn("p:ph")).set("idx", str(next_idx))
            seen.add(next_idx)
            changed += 1
    return changed


def layouts_of(presentation: Any) -> list[LayoutInfo]:
    """Every layout of a template with its placeholders."""
    result = []
    for layout in presentation.slide_layouts:
        placeholders = tuple(
            PlaceholderInfo(
                idx=p.placeholder_format.idx,
                type=str(p.placeholder_format.type).split()[0],
                name=p.name,
                left=int(p.left or 0),
                top=int(p.top or 0),
                width=int(p.width or 0),
                height=int(p.height or 0),
            )
            for p in layout.placeholders
        )
        result.append(LayoutInfo(layout.name, placeholders))
    return result


def theme_part_xml(presentation: Any) -> Any:
    """The XML of the theme part the slide master uses."""
    for rel in presentation.slide_master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            return etree.fromstring(rel.target_part.blob)
    raise NotAPresentation("the template has no theme part")


def colours_and_fonts(presentation: Any) -> tuple[dict[str, str], dict[str, str]]:
    """The colour scheme (name -> RRGGBB) and the heading and body fonts of the theme part."""
    root = theme_part_xml(presentation)
    colours: dict[str, str] = {}
    scheme = root.find(".//" + qn("a:clrScheme"))
    if scheme is not None:
        for slot in scheme:
            name = etree.QName(slot).localname
            value = slot[0].get("val") or slot[0].get("lastClr") or ""
            colours[name] = value.upper()
    fonts = {}
    for role, tag in (("major", "a:majorFont"), ("minor", "a:minorFont")):
        latin = root.find(f".//{qn(tag)}/{qn('a:latin')}")
        if latin is not None:
            fonts[role] = latin.get("typeface", "")
    return colours, fonts


def save(presentation: Any, path: Path) -> None:
    """Write the template to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    presentation.save(str(path))


def emu_to_cm(value: int) -> str:
    """A length for people: centimetres with one decimal."""
    return f"{value / 360000:.1f}"
