"""Text in OOXML: how a placeholder sets text (its inherited list styles), and paragraphs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

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
    if char is None:  # a paragraph of its own, not a list item: no hanging indent either
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
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


def set_size(
    paragraph: Any, size: float, space_before: float | None, space_after: float | None = None
) -> None:
    """Explicit font size (points) on every run of a paragraph, and its space before."""
    hundredths = str(max(100, round(size * 100)))
    for run in paragraph.runs:
        run.font._rPr.set("sz", hundredths)
    end = paragraph._p.find(qn("a:endParaRPr"))
    if end is not None:
        end.set("sz", hundredths)
    if space_before is not None:
        paragraph.space_before = round(space_before * EMU_PER_POINT)
    if space_after is not None:
        paragraph.space_after = round(space_after * EMU_PER_POINT)
