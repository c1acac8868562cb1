"""Text styles of a template as a slide inherits them, and what import carries into them.

A paragraph on a slide takes its look from a chain: the slide's placeholder, the layout's, the
master's, the master's text styles, the presentation's defaults. :func:`merged_levels` resolves
that chain into one list style. Templates saved by LibreOffice keep their look only in the
sample text of their masters and layouts; :func:`carry_sample_styles` writes it into list
styles, where PowerPoint and LibreOffice both take it from.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from deckgen.render.oxml.text import inheritance_chain, master_levels, type_name
from deckgen.theme.layouts import BODY_TYPES, TITLE_TYPES

LEVELS = 5
# children of a paragraph's properties, in schema order; each tuple is one choice
_PARAGRAPH_CHILDREN = (
    ("lnSpc",), ("spcBef",), ("spcAft",), ("buClrTx", "buClr"), ("buSzTx", "buSzPct", "buSzPts"),
    ("buFontTx", "buFont"), ("buNone", "buAutoNum", "buChar", "buBlip"), ("tabLst",),
    ("defRPr",), ("extLst",),
)  # fmt: skip
_RUN_CHILDREN = (
    ("ln",), ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"),
    ("effectLst", "effectDag"), ("highlight",), ("uLnTx", "uLn"), ("uFillTx", "uFill"),
    ("latin",), ("ea",), ("cs",), ("sym",), ("hlinkClick",), ("hlinkMouseOver",), ("rtl",),
    ("extLst",),
)  # fmt: skip
_RUN_ATTRIBUTES = ("sz", "b", "i", "u", "strike", "kern", "cap", "spc", "baseline")
_BULLETS = {"buAutoNum", "buChar", "buBlip"}
BULLET_INDENT = 228600  # EMU between a bullet and its text


def _local(element: Any) -> str:
    return str(etree.QName(element).localname)


def merge_into(target: Any, source: Any, order: tuple[tuple[str, ...], ...]) -> None:
    """Add to ``target`` what it lacks of ``source``: attributes, and children by choice group
    (a bullet choice already made is not joined by another), in schema order."""
    for name, value in source.attrib.items():
        if name not in target.attrib:
            target.set(name, value)
    for group in order:
        existing = [c for c in target if _local(c) in group]
        offered = [c for c in source if _local(c) in group]
        if not offered:
            continue
        if existing:
            if group == ("defRPr",):
                merge_into(existing[0], offered[0], _RUN_CHILDREN)
            continue
        _insert_ordered(target, copy.deepcopy(offered[0]), order)


def _insert_ordered(target: Any, element: Any, order: tuple[tuple[str, ...], ...]) -> None:
    rank = {name: index for index, group in enumerate(order) for name in group}
    mine = rank.get(_local(element), len(order))
    for child in target:
        if rank.get(_local(child), len(order)) > mine:
            child.addprevious(element)
            return
    target.append(element)


def merged_levels(placeholder: Any) -> list[Any]:
    """The paragraph properties of each list level as the placeholder inherits them, merged."""
    chain = inheritance_chain(placeholder)
    from_master = master_levels(placeholder, type_name(placeholder))
    levels = []
    for number in range(1, LEVELS + 1):
        merged = etree.Element(qn(f"a:lvl{number}pPr"))
        for element in chain:
            level = element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn(f'a:lvl{number}pPr')}")
            if level is not None:
                merge_into(merged, level, _PARAGRAPH_CHILDREN)
        for level in from_master(number):
            merge_into(merged, level, _PARAGRAPH_CHILDREN)
        levels.append(merged)
    return levels


def list_style_of(placeholder: Any) -> Any:
    """An ``a:lstStyle`` holding the placeholder's merged levels, for a text box that looks
    the same as the placeholder would."""
    style = etree.Element(qn("a:lstStyle"))
    for level in merged_levels(placeholder):
        style.append(level)
    return style


def put_list_style(body: Any, placeholder: Any) -> None:
    """Give a text body (``p:txBody``) the list style ``placeholder`` inherits, written out in
    place of its own."""
    old = body.find(qn("a:lstStyle"))
    style = list_style_of(placeholder)
    if old is not None:
        old.addprevious(style)
        body.remove(old)
    else:
        body.find(qn("a:bodyPr")).addnext(style)


def style_like(box: Any, placeholder: Any) -> None:
    """Make a text box set text as ``placeholder`` does: its merged list style, its insets and
    anchoring."""
    body = box.text_frame._txBody
    put_list_style(body, placeholder)
    body_pr = body.find(qn("a:bodyPr"))
    for element in inheritance_chain(placeholder):
        source = element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
        if source is None:
            continue
        for name, value in source.attrib.items():
            if name in ("lIns", "rIns", "tIns", "bIns", "anchor") and name not in body_pr.attrib:
                body_pr.set(name, value)


def text_colour_element(level: Any) -> Any | None:
    """The colour element of a merged level's text, if it sets one."""
    fill = level.find(f"{qn('a:defRPr')}/{qn('a:solidFill')}")
    return fill[0] if fill is not None and len(fill) else None


def level_size(level: Any, default: float = 18.0) -> float:
    """The font size (points) a merged level sets, or ``default``."""
    defaults = level.find(qn("a:defRPr"))
    size = defaults.get("sz") if defaults is not None else None
    return int(size) / 100 if size else default


# -- what import carries into the template ---------------------------------------------------


def _placeholders(presentation: Any, layouts: bool = True) -> Iterator[tuple[Any, Any]]:
    """Every placeholder of every master (and layout), with its master."""
    for master in presentation.slide_masters:
        for placeholder in master.placeholders:
            yield placeholder, master
        for layout in master.slide_layouts if layouts else []:
            for placeholder in layout.placeholders:
                yield placeholder, master


def has_text_styles(master: Any) -> bool:
    """Whether a master says how its text looks (``p:txStyles`` with a body style)."""
    styles = master._element.find(qn("p:txStyles"))
    return styles is not None and styles.find(qn("p:bodyStyle")) is not None


def carry_sample_styles(presentation: Any, layouts: bool = True) -> int:
    """Write the look of each placeholder's sample text into its list style, where its master
    has no text styles (as in templates LibreOffice saves); return how many levels it set.

    ``layouts=False`` takes only the masters' sample text: LibreOffice writes the same sample
    text into every layout, whatever the master looks like.
    """
    carried = 0
    for placeholder, master in _placeholders(presentation, layouts):
        if has_text_styles(master):
            continue
        body = placeholder._element.find(qn("p:txBody"))
        if body is None:
            continue
        for paragraph in body.findall(qn("a:p")):
            sample = _sample_level(paragraph)
            if sample is None:
                continue
            number, level = sample
            carried += _carry(body, number, level)
    return carried


def _sample_level(paragraph: Any) -> tuple[int, Any] | None:
    """A level's properties as a paragraph of sample text shows them: (level number, lvlNpPr)."""
    properties = paragraph.find(qn("a:pPr"))
    number = int(properties.get("lvl", "0")) + 1 if properties is not None else 1
    if number > LEVELS:
        return None
    level = etree.Element(qn(f"a:lvl{number}pPr"))
    if properties is not None:
        for name, value in properties.attrib.items():
            if name != "lvl":
                level.set(name, value)
        for child in properties:
            if _local(child) not in ("defRPr", "extLst"):
                _insert_ordered(level, copy.deepcopy(child), _PARAGRAPH_CHILDREN)
    run = paragraph.find(f"{qn('a:r')}/{qn('a:rPr')}")
    if run is None:
        run = paragraph.find(qn("a:endParaRPr"))
    if run is not None:
        defaults = etree.Element(qn("a:defRPr"))
        for name in _RUN_ATTRIBUTES:
            if run.get(name) is not None:
                defaults.set(name, run.get(name))
        for child in run:
            _insert_ordered(defaults, copy.deepcopy(child), _RUN_CHILDREN)
        _insert_ordered(level, defaults, _PARAGRAPH_CHILDREN)
    return (number, level) if len(level) or level.attrib else None


def _carry(body: Any, number: int, level: Any) -> int:
    styles = body.find(qn("a:lstStyle"))
    if styles is None:
        styles = etree.Element(qn("a:lstStyle"))
        body_pr = body.find(qn("a:bodyPr"))
        if body_pr is not None:
            body_pr.addnext(styles)
        else:
            body.insert(0, styles)
    existing = styles.find(qn(f"a:lvl{number}pPr"))
    if existing is None:
        _insert_level(styles, level, number)
        return 1
    before = etree.tostring(existing)
    merge_into(existing, level, _PARAGRAPH_CHILDREN)
    return int(etree.tostring(existing) != before)


def _insert_level(styles: Any, level: Any, number: int) -> None:
    for child in styles:
        name = _local(child)
        if (name.startswith("lvl") and int(name[3]) > number) or name == "extLst":
            child.addprevious(level)
            return
    styles.append(level)


def add_missing_bullets(presentation: Any) -> int:
    """Give body placeholders bullets where nothing in their chain says how lists look (the
    bullets of an Impress outline do not survive its export); return how many it gave."""
    given = 0
    for placeholder, master in _placeholders(presentation):
        if has_text_styles(master) or type_name(placeholder) not in BODY_TYPES:
            continue
        if type_name(placeholder) in TITLE_TYPES:
            continue
        levels = merged_levels(placeholder)
        if any(_local(c) in _BULLETS | {"buNone"} for level in levels for c in level):
            continue
        body = placeholder._element.find(qn("p:txBody"))
        if body is None:
            continue
        for number, merged in enumerate(levels[:3], start=1):
            level = etree.Element(qn(f"a:lvl{number}pPr"))
            margin = max(int(merged.get("marL", "0")), BULLET_INDENT * number)
            level.set("marL", str(margin))
            level.set("indent", str(-BULLET_INDENT))
            font = etree.SubElement(level, qn("a:buFont"))
            font.set("typeface", "Arial")
            etree.SubElement(level, qn("a:buChar")).set("char", "•" if number == 1 else "–")
            given += _carry_bullet(body, number, level)
    return given


def _carry_bullet(body: Any, number: int, level: Any) -> int:
    styles = body.find(qn("a:lstStyle"))
    existing = styles.find(qn(f"a:lvl{number}pPr")) if styles is not None else None
    if existing is not None:
        for name in ("marL", "indent"):
            existing.set(name, level.get(name))
        for child in level:
            _insert_ordered(existing, copy.deepcopy(child), _PARAGRAPH_CHILDREN)
        return 1
    return _carry(body, number, level)


def set_text_colour(placeholder: Any, slot: str) -> None:
    """Make the text of a (layout) placeholder a scheme colour, at every level."""
    body = placeholder._element.find(qn("p:txBody"))
    if body is None:
        return
    for number in range(1, LEVELS + 1):
        level = etree.Element(qn(f"a:lvl{number}pPr"))
        defaults = etree.SubElement(level, qn("a:defRPr"))
        fill = etree.SubElement(defaults, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:schemeClr")).set("val", slot)
        styles = body.find(qn("a:lstStyle"))
        existing = styles.find(qn(f"a:lvl{number}pPr")) if styles is not None else None
        if existing is not None:
            old = existing.find(qn("a:defRPr"))
            if old is not None:
                for child in list(old):
                    if _local(child) in _RUN_CHILDREN[1]:
                        old.remove(child)
            merge_into(existing, level, _PARAGRAPH_CHILDREN)
        else:
            _carry(body, number, level)
