"""Write texts into python-pptx text frames: paragraphs, list levels, emphasis runs, language."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame, _Paragraph

from deckgen.markup import flow, parse_inline


@dataclass(frozen=True)
class Para:
    """One paragraph to write: its text (with inline emphasis), list level, and bullet."""

    text: str
    level: int = 0
    bullet: bool | None = None  # None: as the placeholder's list style says


def write_paragraphs(frame: TextFrame, paras: Sequence[Para], language: str) -> None:
    """Replace the text of ``frame`` with ``paras``."""
    frame.clear()
    for index, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.level = para.level
        if para.bullet is False:
            _set_bullet(paragraph, None)
        elif para.bullet is True:
            _set_bullet(paragraph, "•", para.level)
        write_runs(paragraph, para.text, language)


def write_runs(paragraph: _Paragraph, text: str, language: str) -> None:
    """Add ``text`` to a paragraph as runs, one per span of emphasis."""
    for span in parse_inline(flow(text)):
        run = paragraph.add_run()
        run.text = span.text
        if span.bold:
            run.font.bold = True
        if span.italic:
            run.font.italic = True
        run.font._rPr.set("lang", language)
    end = paragraph._p.get_or_add_endParaRPr()
    end.set("lang", language)


def _set_bullet(paragraph: _Paragraph, char: str | None, level: int = 0) -> None:
    """Give a paragraph its own bullet (or none), whatever its placeholder's style says."""
    pPr = paragraph._p.get_or_add_pPr()
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum", "a:buFont"):
        for old in pPr.findall(qn(tag)):
            pPr.remove(old)
    if char is None:
        _insert_bullet(pPr, etree.SubElement(pPr, qn("a:buNone")))
        return
    indent = 285750
    pPr.set("marL", str(indent * (level + 1)))
    pPr.set("indent", str(-indent))
    font = etree.SubElement(pPr, qn("a:buFont"))
    font.set("typeface", "Arial")
    _insert_bullet(pPr, font)
    bullet = etree.SubElement(pPr, qn("a:buChar"))
    bullet.set("char", char)
    _insert_bullet(pPr, bullet)


def _insert_bullet(pPr: Any, element: Any) -> None:
    """Keep schema order: bullet elements come before tabs, defRPr and extLst."""
    pPr.remove(element)
    for follower in ("a:tabLst", "a:defRPr", "a:extLst"):
        found = pPr.find(qn(follower))
        if found is not None:
            found.addprevious(element)
            return
    pPr.append(element)


def copy_element(element: Any) -> Any:
    """A deep copy of an XML element, for cloning placeholders."""
    return copy.deepcopy(element)
