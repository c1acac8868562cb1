"""Table cells written as XML in one go: python-pptx sets a cell's text, margins, anchor, fill
and run formatting through a dozen XPath look-ups each, which made tables the dearest part of
a deck."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from deckgen.markup import flow, parse_inline
from deckgen.theme.colours import Tone


@dataclass(frozen=True)
class CellLook:
    """How a cell looks: size (points), text and fill colours, bold, margins (EMU)."""

    size: float
    text: Tone
    fill: Tone
    bold: bool
    margins: tuple[int, int, int, int]  # left, right, top, bottom


def fill_cell(cell: Any, text: str, look: CellLook, language: str) -> None:
    """Replace a table cell's content with ``text`` (inline emphasis kept) set as ``look``."""
    tc = cell._tc
    for child in list(tc):
        tc.remove(child)
    body = etree.SubElement(tc, qn("a:txBody"))
    etree.SubElement(body, qn("a:bodyPr"))
    etree.SubElement(body, qn("a:lstStyle"))
    paragraph = etree.SubElement(body, qn("a:p"))
    size = str(round(look.size * 100))
    for span in parse_inline(flow(text)):
        run = etree.SubElement(paragraph, qn("a:r"))
        properties = etree.SubElement(run, qn("a:rPr"))
        properties.set("lang", language)
        properties.set("sz", size)
        if look.bold or span.bold:
            properties.set("b", "1")
        if span.italic:
            properties.set("i", "1")
        _solid_fill(properties, look.text)
        etree.SubElement(run, qn("a:t")).text = span.text
    end = etree.SubElement(paragraph, qn("a:endParaRPr"))
    end.set("lang", language)
    end.set("sz", size)
    properties = etree.SubElement(tc, qn("a:tcPr"))
    for name, value in zip(("marL", "marR", "marT", "marB"), look.margins, strict=True):
        properties.set(name, str(value))
    properties.set("anchor", "ctr")
    _solid_fill(properties, look.fill)


def _solid_fill(parent: Any, tone: Tone) -> None:
    """A solid fill of a tone under ``parent``: its scheme colour with lumMod/lumOff."""
    fill = etree.SubElement(parent, qn("a:solidFill"))
    colour = etree.SubElement(fill, qn("a:schemeClr"))
    colour.set("val", tone.slot)
    for name, value in tone.changes():
        etree.SubElement(colour, qn(f"a:{name}")).set("val", str(value))
