"""A template map: one slide per layout of a template, each placeholder labelled with its idx,
type and name, and the slide kinds of a theme that use the layout, for the person who adjusts
``theme.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from deckgen.render import oxml
from deckgen.render.oxml.graphics import layout_marks, palette_of
from deckgen.render.package import read_template, rect_of
from deckgen.theme.graphics import GraphicsMap

MARK = RGBColor(0xD0, 0x21, 0x8C)  # a colour no template uses for its text, to tell labels apart


def template_map(path: Path, uses: Mapping[str, Mapping[str, int]]) -> list[tuple[str, bytes]]:
    """The members of a .pptx that maps the template at ``path``.

    ``uses`` gives, per layout name, the fields a theme puts in it, ``{"bullets.body": 1}``.
    Each placeholder says ``idx 1 · BODY · 'Text 2'`` and the fields that go in it; a dashed
    frame shows where deckgen writes when the template's graphics leave only part free.
    """
    presentation = read_template(path)
    oxml.drop_slides(presentation)
    oxml.ensure_view_props(presentation)
    oxml.count_partnames(presentation.part.package)
    width, height = int(presentation.slide_width), int(presentation.slide_height)
    for number, master in enumerate(presentation.slide_masters, start=1):
        for layout in master.slide_layouts:
            slide = presentation.slides.add_slide(layout)
            fields = uses.get(layout.name, {})
            graphics = GraphicsMap(width, height, layout_marks(layout, palette_of(layout)))
            for placeholder in slide.placeholders:
                idx = placeholder.placeholder_format.idx
                mine = [f for f, i in fields.items() if i == idx]
                label = f"idx {idx} · {oxml.type_name(placeholder)} · {placeholder.name!r}"
                if mine:
                    label += " → " + ", ".join(sorted(mine))
                if placeholder.has_text_frame:
                    placeholder.text_frame.text = label
                free = _free(graphics, rect_of(placeholder))
                if free is not None:
                    _outline(slide, free)
            kinds = sorted({f.split(".")[0] for f in fields})
            used = ", ".join(kinds) if kinds else "no slide kind"
            _caption(slide, f"layout {layout.name!r} · master {number} · used by: {used}", width)
    return oxml.package_members(presentation)


def _free(graphics: GraphicsMap, rect: Any) -> Any:
    if not rect.width or graphics.covered(rect) <= 0.02:
        return None
    return graphics.free_rect(rect)


def _outline(slide: Any, rect: Any) -> None:
    shape = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, rect.left, rect.top, rect.width, rect.height
    )
    shape.fill.background()
    shape.line.color.rgb = MARK
    shape.line.width = Pt(1.5)
    shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    shape.name = "Free part"


def _caption(slide: Any, text: str, width: int) -> None:
    box = slide.shapes.add_textbox(0, 0, width, int(Pt(20)))
    box.text_frame.text = text
    for run in box.text_frame.paragraphs[0].runs:
        run.font.size = Pt(11)
        run.font.bold = True
        run.font.color.rgb = MARK
    box.name = "Layout"
