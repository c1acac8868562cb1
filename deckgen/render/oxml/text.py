"""Text in OOXML: how a placeholder sets text (its inherited list styles), and paragraphs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from deckgen.markup import flow, parse_inline
from deckgen.paginate.geometry import EMU_PER_POINT
from deckgen.paginate.measure import ParagraphStyle
from deckgen.theme.layouts import TITLE_TYPES

_TEXT_STYLE_TYPES = {"BODY", "SUBTITLE", "OBJECT"}  # set by the master's body style
DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}


def type_name(placeholder: Any) -> str:
    """A placeholder's type as python-pptx names it: ``TITLE``, ``BODY``, ``OBJECT``, ..."""
    return str(placeholder.placeholder_format.type).split()[0]


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


def anchor(chain: list[Any]) -> str:
    """Where the text of the first element of ``chain`` sits in its height: ``t``, ``ctr``
    or ``b`` (``just`` and ``dist`` set text as ``ctr`` does)."""
    value = str(_first_attr([_body_pr(e) for e in chain], "anchor", "t"))
    return {"just": "ctr", "dist": "ctr"}.get(value, value)


def level_styles(placeholder: Any, fonts: dict[str, str], levels: int = 5) -> list[ParagraphStyle]:
    """The paragraph style of each list level, through placeholder, layout, master, defaults."""
    chain = inheritance_chain(placeholder)
    kind = type_name(placeholder)
    from_master = master_levels(placeholder, kind)
    styles = []
    for number in range(1, levels + 1):
        sources = [*(_lst_level(e, number) for e in chain), *from_master(number)]
        styles.append(_paragraph_style(sources, fonts, kind))
    return styles


def master_levels(placeholder: Any, kind: str) -> Any:
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
    line_spacing = 1.0
    for level in levels:
        spacing = level.find(qn("a:lnSpc"))
        if spacing is not None and len(spacing):
            value = int(spacing[0].get("val", "100000"))
            exact = etree.QName(spacing[0]).localname == "spcPts"
            line_spacing = value / 100 / (1.2 * size) if exact else value / 100000
            break
    return ParagraphStyle(
        family=family or "Calibri",
        size=size,
        bold=bold,
        indent_left=int(_first_attr(levels, "marL", 0)) / EMU_PER_POINT,
        first_line=int(_first_attr(levels, "indent", 0)) / EMU_PER_POINT,
        space_before=_spacing(levels, "a:spcBef", size),
        space_after=_spacing(levels, "a:spcAft", size),
        line_spacing=line_spacing,
        # condensed letters are measured as normal ones: wider, never narrower than shown
        letter_spacing=max(0.0, int(_first_attr(run_props, "spc", 0)) / 100),
    )


def _spacing(levels: list[Any], tag: str, size: float) -> float:
    """Space before or after a paragraph in points, from the first level that sets it."""
    for level in levels:
        spacing = level.find(qn(tag))
        if spacing is not None and len(spacing):
            value = int(spacing[0].get("val", "0"))
            if etree.QName(spacing[0]).localname == "spcPts":
                return value / 100
            return value / 100000 * size * 1.2
    return 0.0


# -- paragraphs and runs --------------------------------------------------------------------------


BULLET_INDENT = 285750  # EMU: a bullet deckgen sets itself hangs this far


def write_paras(body: Any, paras: Sequence[Any], language: str) -> None:
    """Replace the paragraphs of a text body (``p:txBody``/``a:txBody``) with ``paras``
    (:class:`deckgen.paginate.geometry.Para`), built as XML in one go."""
    for old in body.findall(qn("a:p")):
        body.remove(old)
    for para in paras or [None]:
        paragraph = etree.SubElement(body, qn("a:p"))
        if para is None:
            etree.SubElement(paragraph, qn("a:endParaRPr")).set("lang", language)
            continue
        size = str(max(100, round(para.size * 100))) if para.size is not None else None
        properties = _paragraph_properties(para)
        if properties is not None:
            paragraph.append(properties)
        for span in parse_inline(flow(para.text)):
            run = etree.SubElement(paragraph, qn("a:r"))
            run_properties = etree.SubElement(run, qn("a:rPr"))
            run_properties.set("lang", language)
            if size is not None:
                run_properties.set("sz", size)
            if span.bold:
                run_properties.set("b", "1")
            if span.italic:
                run_properties.set("i", "1")
            etree.SubElement(run, qn("a:t")).text = span.text
        end = etree.SubElement(paragraph, qn("a:endParaRPr"))
        end.set("lang", language)
        if size is not None:
            end.set("sz", size)


def _paragraph_properties(para: Any) -> Any | None:
    """The ``a:pPr`` of a paragraph: its level, spacing, and a bullet of its own (or none)."""
    if (
        not para.level
        and para.bullet is None
        and para.space_before is None
        and (para.space_after is None)
    ):
        return None
    properties = etree.Element(qn("a:pPr"))
    if para.level:
        properties.set("lvl", str(para.level))
    if para.bullet is False:  # a paragraph of its own, not a list item: no hanging indent
        properties.set("marL", "0")
        properties.set("indent", "0")
    elif para.bullet is True:
        properties.set("marL", str(BULLET_INDENT * (para.level + 1)))
        properties.set("indent", str(-BULLET_INDENT))
    for tag, points in (("a:spcBef", para.space_before), ("a:spcAft", para.space_after)):
        if points is not None:
            spacing = etree.SubElement(properties, qn(tag))
            etree.SubElement(spacing, qn("a:spcPts")).set("val", str(round(points * 100)))
    if para.bullet is False:
        etree.SubElement(properties, qn("a:buNone"))
    elif para.bullet is True:
        etree.SubElement(properties, qn("a:buFont")).set("typeface", "Arial")
        etree.SubElement(properties, qn("a:buChar")).set("char", "\u2022")
    return properties
