"""Make text fit its placeholder: read how the template sets it, measure it, shrink or tell.

How a placeholder's text is set is inherited: the slide's placeholder, the layout's, the
master's, the master's text styles, the presentation's default. This module reads that chain
for each list level, measures the text with :mod:`deckgen.measure`, and writes explicit sizes
when the text must shrink, so that PowerPoint and LibreOffice show the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pptx.oxml.ns import qn

from deckgen.measure import ParagraphStyle, longest_word_fits, text_height
from deckgen.render.text import Para

EMU_PER_POINT = 12700
_TITLE_TYPES = {"title", "ctrTitle"}
_BODY_TYPES = {"body", "subTitle", "obj", None}


@dataclass(frozen=True)
class Box:
    """Where text can go: the placeholder's size less its insets, in points."""

    width: float
    height: float


@dataclass(frozen=True)
class TextSetting:
    """How a placeholder sets text: its box and a style per list level."""

    box: Box
    levels: tuple[ParagraphStyle, ...]

    def style(self, para: Para) -> ParagraphStyle:
        """The style of one paragraph: its level's, less the bullet indent when it has none."""
        style = self.levels[min(para.level, len(self.levels) - 1)]
        if para.bullet is False:
            return replace(style, indent_left=0.0, first_line=0.0)
        return style

    def height(self, paras: list[Para], scale: float = 1.0) -> float:
        """The height of ``paras`` at ``scale`` times their sizes."""
        measured = []
        for para in paras:
            style = self.style(para)
            measured.append(
                (
                    para.text,
                    replace(
                        style, size=style.size * scale, space_before=style.space_before * scale
                    ),
                )
            )
        return text_height(measured, self.box.width)

    def fits(self, paras: list[Para], scale: float = 1.0) -> bool:
        """Whether ``paras`` fit the box at ``scale``, with room for the last line's descenders
        (a line is 1.2 sizes, its glyphs reach about 1.3)."""
        last = self.style(paras[-1]).size * scale if paras else 0.0
        return self.height(paras, scale) + 0.1 * last <= self.box.height and all(
            longest_word_fits(para.text, self.scaled(para, scale), self.box.width) for para in paras
        )

    def scaled(self, para: Para, scale: float) -> ParagraphStyle:
        """The style of a paragraph at ``scale`` times its size."""
        style = self.style(para)
        return replace(style, size=style.size * scale)

    def largest_scale(self, paras: list[Para], min_size: float) -> float | None:
        """The largest scale (1.0 down, in steps of 5 %) at which the text fits, but no font
        gets smaller than ``min_size``; None if even that does not fit."""
        smallest = min(self.style(p).size for p in paras) if paras else min_size
        scale = 1.0
        while scale * smallest >= min_size - 0.01:
            if self.fits(paras, scale):
                return scale
            scale = round(scale - 0.05, 2)
        return None


def setting_of(placeholder: Any, fonts: dict[str, str]) -> TextSetting:
    """How ``placeholder`` (on a slide or a layout) sets its text."""
    chain = _chain(placeholder)
    kind = _ph_type(placeholder)
    styles_root = _text_styles(placeholder, kind)
    insets = {
        name: _first_attr([_body_pr(e) for e in chain], name, default)
        for name, default in (("lIns", 91440), ("rIns", 91440), ("tIns", 45720), ("bIns", 45720))
    }
    width = (placeholder.width or 0) - int(insets["lIns"]) - int(insets["rIns"])
    height = (placeholder.height or 0) - int(insets["tIns"]) - int(insets["bIns"])
    levels = []
    for number in range(1, 6):
        sources = [*(_lst_level(e, number) for e in chain), *styles_root(number)]
        levels.append(_paragraph_style(sources, fonts, kind))
    return TextSetting(Box(width / EMU_PER_POINT, height / EMU_PER_POINT), tuple(levels))


def _chain(placeholder: Any) -> list[Any]:
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


def _ph_type(placeholder: Any) -> str | None:
    ph = placeholder._element.find(f".//{qn('p:ph')}")
    return ph.get("type") if ph is not None else None


def _text_styles(placeholder: Any, kind: str | None) -> Any:
    """A function giving, for a level, the master's text-style and the default levels."""
    part = placeholder.part
    master = part.slide_master if hasattr(part, "slide_master") else None
    if master is None and hasattr(part, "slide_layout"):
        master = part.slide_layout.slide_master
    tx_styles = master._element.find(qn("p:txStyles")) if master is not None else None
    name = "p:titleStyle" if kind in _TITLE_TYPES else "p:bodyStyle"
    if kind not in _TITLE_TYPES and kind not in _BODY_TYPES:
        name = "p:otherStyle"
    style = tx_styles.find(qn(name)) if tx_styles is not None else None
    presentation = part.package.presentation_part._element
    default = presentation.find(qn("p:defaultTextStyle"))

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


def _first_attr(elements: list[Any], name: str, default: Any) -> Any:
    for element in elements:
        if element is not None and element.get(name) is not None:
            return element.get(name)
    return default


def _paragraph_style(sources: list[Any], fonts: dict[str, str], kind: str | None) -> ParagraphStyle:
    levels = [s for s in sources if s is not None]
    run_props = [level.find(qn("a:defRPr")) for level in levels]
    size = int(_first_attr(run_props, "sz", 1800)) / 100
    bold = _first_attr(run_props, "b", "0") in ("1", "true")
    typeface = "+mj-lt" if kind in _TITLE_TYPES else "+mn-lt"
    for props in run_props:
        latin = props.find(qn("a:latin")) if props is not None else None
        if latin is not None and latin.get("typeface"):
            typeface = latin.get("typeface")
            break
    family = {"+mj-lt": fonts.get("major", ""), "+mn-lt": fonts.get("minor", "")}.get(
        typeface, typeface
    )
    margin = int(_first_attr(levels, "marL", 0)) / EMU_PER_POINT
    indent = int(_first_attr(levels, "indent", 0)) / EMU_PER_POINT
    space_before = 0.0
    line_spacing = 1.0
    for level in levels:
        before = level.find(f"{qn('a:spcBef')}/{qn('a:spcPts')}")
        if before is not None:
            space_before = int(before.get("val", "0")) / 100
            break
        before_pct = level.find(f"{qn('a:spcBef')}/{qn('a:spcPct')}")
        if before_pct is not None:
            space_before = int(before_pct.get("val", "0")) / 100000 * size * 1.2
            break
    for level in levels:
        spacing = level.find(f"{qn('a:lnSpc')}/{qn('a:spcPct')}")
        if spacing is not None:
            line_spacing = int(spacing.get("val", "100000")) / 100000
            break
    return ParagraphStyle(
        family=family or "Calibri",
        size=size,
        bold=bold,
        indent_left=margin,
        first_line=indent,
        space_before=space_before,
        line_spacing=line_spacing,
    )


def apply_scale(frame: Any, setting: TextSetting, paras: list[Para], scale: float) -> None:
    """Write explicit sizes (and spacing) on every run of ``frame`` at ``scale``."""
    for paragraph, para in zip(frame.paragraphs, paras, strict=False):
        style = setting.style(para)
        size = max(1, round(style.size * scale * 100))
        for run in paragraph.runs:
            run.font._rPr.set("sz", str(size))
        end = paragraph._p.find(qn("a:endParaRPr"))
        if end is not None:
            end.set("sz", str(size))
        if style.space_before and scale < 1.0:
            paragraph.space_before = round(style.space_before * scale * EMU_PER_POINT)
