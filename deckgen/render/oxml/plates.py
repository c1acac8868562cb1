"""The plate under a text: a placeholder (or text box) filled with a scheme colour, so that its
words stand on a plain surface where the template's graphics under them are busy.

The fill names the scheme slot (``<a:schemeClr val="bg1"/>``), so that the plate follows the
theme's colours as the text does; the text keeps :data:`PLATE_INSETS` from the plate's edges.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from deckgen.render.oxml.text import inheritance_chain, insets

# EMU: the words' least distance from the plate's edges (0.15 inch beside, 0.08 inch above and
# below), so that no letter touches the edge of its plate
PLATE_INSETS = {"lIns": 137160, "rIns": 137160, "tIns": 73152, "bIns": 73152}
_FILLS = ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")
_AFTER_FILL = ("ln", "effectLst", "effectDag", "scene3d", "sp3d", "extLst")


def add_plate(shape: Any, slot: str) -> None:
    """Fill ``shape`` (a placeholder or a text box on a slide) with the scheme colour ``slot``
    and keep its text at least :data:`PLATE_INSETS` from the edges."""
    element = shape._element
    properties = element.find(qn("p:spPr"))
    if properties is None:
        return
    for child in list(properties):
        if etree.QName(child).localname in _FILLS:
            properties.remove(child)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr")).set("val", slot)
    following = next((c for c in properties if etree.QName(c).localname in _AFTER_FILL), None)
    if following is not None:
        following.addprevious(fill)
    else:
        properties.append(fill)
    body = element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
    if body is None:
        return
    chain = inheritance_chain(shape) if shape.is_placeholder else [element]
    for name, value in insets(chain).items():
        body.set(name, str(max(value, PLATE_INSETS[name])))


def plate_of(shape: Any) -> str | None:
    """The scheme slot a shape is filled with, if it is filled with one (what
    :func:`add_plate` wrote)."""
    found = shape._element.find(f"{qn('p:spPr')}/{qn('a:solidFill')}/{qn('a:schemeClr')}")
    return str(found.get("val")) if found is not None else None


def plate_shape(shape: Any, slot: str) -> None:
    """Make ``shape`` (a new rectangle) a plate under what deckgen draws: filled with the scheme
    colour ``slot``, without outline or shadow, decorative, behind every other shape."""
    element = shape._element
    properties = element.find(qn("p:spPr"))
    for child in list(properties):
        if etree.QName(child).localname in (*_FILLS, "ln", "effectLst"):
            properties.remove(child)
    fill = etree.SubElement(properties, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr")).set("val", slot)
    etree.SubElement(etree.SubElement(properties, qn("a:ln")), qn("a:noFill"))
    etree.SubElement(properties, qn("a:effectLst"))
    style = element.find(qn("p:style"))
    if style is not None:
        element.remove(style)
    tree = element.getparent()
    tree.remove(element)
    tree.insert(2, element)  # after the tree's nvGrpSpPr and grpSpPr: beneath everything


def plate_words(shape: Any, slot: str, words: tuple[float, float, float, float] | None) -> None:
    """Put a plate of the scheme colour ``slot`` under a text. Where the words of a short
    text (a footer, a slide number) take only part of its shape, at ``words`` (left, top,
    right, bottom in EMU), the plate takes their width and the insets, inside the shape where
    it can, and the shape's height."""
    left, top, width, height = shape.left, shape.top, shape.width, shape.height
    add_plate(shape, slot)
    if words is None or left is None or width is None:
        return
    chain = inheritance_chain(shape) if shape.is_placeholder else [shape._element]
    inner = insets(chain)
    start = int(words[0]) - inner["lIns"]
    wide = int(words[2] - words[0]) + inner["lIns"] + inner["rIns"]
    if wide >= width:
        return
    start = min(max(start, left), left + width - wide)  # inside the shape, not past its edge
    shape.left, shape.top, shape.width, shape.height = start, top, wide, height
