"""What a template may bring into a deck: its parts, minus macros, links out of the file and
embedded objects; its XML, parsed without entities and never with a DTD.

A template comes from whoever can commit to the content repo, and everything in it is copied
into every deck. So before python-pptx reads a package, every XML part is parsed with a parser
that resolves no entities and loads nothing, and a DTD (``<!DOCTYPE``, the way to external
entities and entity bombs) is refused: no presentation has one. Then what no deck needs is
removed: the VBA project and the other parts of macros (the package becomes a plain
presentation), every relationship that leads out of the file (web addresses, ``file://`` and
UNC paths) and embedded objects and controls, together with the XML that points at them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": False,
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": False,
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": True,
    "application/vnd.ms-powerpoint.addin.macroEnabled.main+xml": True,
}
"""Main content types that become a plain presentation; True where they say "macros"."""

_MACRO_PARTS = ("/vbaProject", "/vbaProjectSignature", "/vbaProjectSignatureAgile",
                "/vbaProjectSignatureV3", "/ui/extensibility", "/keyMapCustomizations",
                "/attachedToolbars")  # fmt: skip
_OBJECT_PARTS = ("/oleObject", "/package", "/control", "/activeXControlBinary")
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_SHAPE_HOLDERS = {"spTree", "grpSp"}
_LINK_ELEMENTS = {"hlinkClick", "hlinkHover", "hlinkMouseOver", "videoFile", "audioFile",
                  "quickTimeFile", "wavAudioFile", "snd", "externalData", "media", "control",
                  "OLEObject"}  # fmt: skip
"""Elements that only say where a removed relationship leads: removed with it."""
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_PROLOG = 4096  # a DTD comes before the first element; a longer prolog is caught by the parser


class UnsafePackage(ValueError):
    """A part that deckgen will not read: a DTD, or XML that is not well-formed."""


@dataclass
class Cleaned:
    """What cleaning took out of a package."""

    macros: bool = False
    links: int = 0
    objects: int = 0
    type_changed: bool = False

    @property
    def changed(self) -> bool:
        """Whether any part was rewritten."""
        return self.macros or bool(self.links or self.objects) or self.type_changed


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse(name: str, data: bytes) -> etree._Element:
    """A part's XML, parsed safely; UnsafePackage on a DTD or XML that is not well-formed."""
    if _DTD.search(data, 0, _PROLOG):
        raise UnsafePackage(f"'{name}' declares a DTD (<!DOCTYPE>), which no presentation has")
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except etree.XMLSyntaxError as e:
        raise UnsafePackage(f"'{name}' is not well-formed XML (line {e.lineno})") from e
    if tree.docinfo.doctype:  # written in an encoding the byte search does not see
        raise UnsafePackage(f"'{name}' declares a DTD (<!DOCTYPE>), which no presentation has")
    return tree.getroot()


def _serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def clean_members(members: dict[str, bytes]) -> tuple[dict[str, bytes], Cleaned]:
    """The members of a package (name -> bytes) as a deck may carry them, and what was removed.

    Every XML part is checked first; UnsafePackage names the first that is refused.
    """
    types_data = members.get("[Content_Types].xml")
    types = parse("[Content_Types].xml", types_data) if types_data is not None else None
    declared = _content_types(types)
    parsed = {}
    for name, data in members.items():
        if name == "[Content_Types].xml":
            continue
        kind = declared(name)
        if name.endswith((".xml", ".rels")) or (kind.endswith("xml") and "image/" not in kind):
            parsed[name] = parse(name, data)
        elif name.endswith(".vml") and _DTD.search(data, 0, _PROLOG):  # VML: not always XML
            raise UnsafePackage(f"'{name}' declares a DTD (<!DOCTYPE>), which no presentation has")
    cleaned = Cleaned()
    result = dict(members)
    if types is not None and _plain_presentation(types, cleaned):
        result["[Content_Types].xml"] = _serialise(types)
    for name in [n for n in parsed if n.endswith(".rels")]:
        removed = _drop_relationships(parsed[name], cleaned)
        if not removed:
            continue
        result[name] = _serialise(parsed[name])
        source = _source_of(name)
        if source in parsed:
            _drop_references(parsed[source], removed)
            result[source] = _serialise(parsed[source])
    return result, cleaned


def _content_types(types: etree._Element | None) -> Callable[[str], str]:
    """The content type the package declares for a member (by part name, else extension)."""
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    if types is not None:
        for entry in types.iter(f"{{{_CT}}}Override"):
            overrides[entry.get("PartName", "").lstrip("/").lower()] = entry.get("ContentType", "")
        for entry in types.iter(f"{{{_CT}}}Default"):
            defaults[entry.get("Extension", "").lower()] = entry.get("ContentType", "")

    def declared(name: str) -> str:
        key = name.lower()
        return overrides.get(key) or defaults.get(key.rpartition(".")[2], "")

    return declared


def _plain_presentation(types: etree._Element, cleaned: Cleaned) -> bool:
    """Declare the main part a plain presentation; whether anything changed."""
    changed = False
    for entry in types.iter(f"{{{_CT}}}Override", f"{{{_CT}}}Default"):
        kind = entry.get("ContentType", "")
        if kind in _MAIN_TYPES:
            cleaned.macros = cleaned.macros or _MAIN_TYPES[kind]
            cleaned.type_changed = True
            entry.set("ContentType", PRESENTATION)
            changed = True
    return changed


def _drop_relationships(rels: etree._Element, cleaned: Cleaned) -> set[str]:
    """Remove relationships that lead out of the file, to macros or to embedded objects."""
    removed = set()
    for relationship in list(rels):
        kind = relationship.get("Type", "")
        if relationship.get("TargetMode", "") == "External":
            cleaned.links += 1
        elif kind.endswith(_MACRO_PARTS):
            cleaned.macros = True
        elif kind.endswith(_OBJECT_PARTS):
            cleaned.objects += 1
        else:
            continue
        removed.add(relationship.get("Id", ""))
        rels.remove(relationship)
    return removed


def _source_of(rels_name: str) -> str:
    """The part a relationships part belongs to: ``a/_rels/b.xml.rels`` -> ``a/b.xml``."""
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))


def _drop_references(root: etree._Element, removed: set[str]) -> None:
    """Remove what points at a removed relationship: a shape that is an embedded object, an
    element that is only a link, else the attribute that names it."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        named = [key for key, value in element.attrib.items() if key.startswith(f"{{{_R}}}")
                 and value in removed]  # fmt: skip
        if not named:
            continue
        local = etree.QName(element).localname
        if local == "oleObj":
            _remove(_shape_of(element))
        elif local in _LINK_ELEMENTS:
            _remove(element)
        else:
            for key in named:
                del element.attrib[key]


def _shape_of(element: etree._Element) -> etree._Element:
    """The shape (a child of a shape tree or group) that holds ``element``."""
    shape = element
    parent = shape.getparent()
    while parent is not None and etree.QName(parent).localname not in _SHAPE_HOLDERS:
        shape, parent = parent, parent.getparent()
    return shape


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    parent.remove(element)
    if etree.QName(parent).localname == "controls" and len(parent) == 0:
        _remove(parent)
