"""What deckgen draws itself into a frame of the layout: key figures, chart, table, picture,
process.

The layout's placeholder for the field only marks the frame (pagination chose it and the
sizes); it is removed and the figures, chart, table, picture or process are drawn in its place.
Colours are theme colours (accent 1-6, text, background), so a corporate template gives
corporate charts, and a presenter who switches the theme in PowerPoint recolours them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR_TYPE, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from deckgen import markup
from deckgen.confine import Refused
from deckgen.content import model
from deckgen.content.images import load_picture
from deckgen.errors import SourceError
from deckgen.paginate.drawn import (
    CARD_BAR,
    CARD_GAP,
    CARD_INSET,
    CARD_SIDE_MARGIN,
    CARDS_GAP,
    CELL_SIDE_MARGIN,
    CELL_TOP_MARGIN,
    NOTE_SIZE_SHARE,
    STEP_CORNER,
    StepBox,
    card_size,
    card_text_rect,
    table_rows,
)
from deckgen.paginate.geometry import Para, Rect, emu
from deckgen.render import oxml
from deckgen.render.oxml import access
from deckgen.render.oxml.graphics import layout_pictures, palette_of
from deckgen.render.oxml.tables import CellLook, fill_cell
from deckgen.render.slide import SlideContext
from deckgen.render.template import SAFE_COVER, layout_graphics
from deckgen.render.text import write_paragraphs
from deckgen.theme.colours import DARK_TEXTS, Palette, Tone, series_tones, text_on
from deckgen.theme.graphics import picture_colours, small_picture
from deckgen.typography import opening_quote, plain

ACCENTS = [
    MSO_THEME_COLOR.ACCENT_1,
    MSO_THEME_COLOR.ACCENT_2,
    MSO_THEME_COLOR.ACCENT_3,
    MSO_THEME_COLOR.ACCENT_4,
    MSO_THEME_COLOR.ACCENT_5,
    MSO_THEME_COLOR.ACCENT_6,
]
SLOTS = {
    "bg1": MSO_THEME_COLOR.BACKGROUND_1,
    "bg2": MSO_THEME_COLOR.BACKGROUND_2,
    "tx1": MSO_THEME_COLOR.TEXT_1,
    "tx2": MSO_THEME_COLOR.TEXT_2,
    "dk1": MSO_THEME_COLOR.DARK_1,
    "lt1": MSO_THEME_COLOR.LIGHT_1,
    "dk2": MSO_THEME_COLOR.DARK_2,
    "lt2": MSO_THEME_COLOR.LIGHT_2,
    **{f"accent{n}": colour for n, colour in enumerate(ACCENTS, start=1)},
}


def theme_colour(slot: str) -> MSO_THEME_COLOR:
    """The theme colour of a scheme slot name (``accent1``, ``tx1``, ...)."""
    return SLOTS[slot]


def paint(colour: Any, tone: Tone) -> None:
    """Set a python-pptx ColorFormat to a tone: its theme colour, darker or lighter."""
    colour.theme_color = theme_colour(tone.slot)
    if tone.brightness:
        colour.brightness = tone.brightness


CHART_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}


def draw_plate(ctx: SlideContext, field: str) -> None:
    """A plate under what deckgen draws in ``field`` where the template's graphics there are
    busy and leave no room beside them: a plain rectangle behind it all."""
    own = ctx.frames.fields.get(field)
    rect = own.rect if own is not None else ctx.frames.content_area
    plate = own.plate if own is not None else ctx.frames.content_plate
    if plate is None:
        return
    shape = ctx.slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, rect.left, rect.top, rect.width, rect.height
    )
    shape.name = "Plate"
    oxml.plate_shape(shape, plate)
    oxml.mark_decorative(shape)


def draw_caption(ctx: SlideContext) -> None:
    """A caption without a placeholder of its own, in italics at the foot of the frame."""
    page = ctx.page
    if not page.caption or page.caption_frame is None:
        return
    rect = page.caption_frame
    box = ctx.slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
    box.text_frame.word_wrap = True
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE  # measured to fit: the box need not grow
    write_paragraphs(box.text_frame, page.caption, ctx.language)
    for paragraph in box.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(14)
            run.font.italic = True


def _card(ctx: SlideContext, index: int, left: int, top: int, width: int, height: int) -> Any:
    """A card in the template's colours with an accent bar on top; returns its text frame."""
    colours = ctx.colours
    accent = colours.card_accents[index % len(colours.card_accents)]
    card = ctx.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    card.fill.solid()
    paint(card.fill.fore_color, colours.card_fill)
    card.line.fill.background()
    card.shadow.inherit = False
    bar = ctx.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, Emu(Pt(CARD_BAR)))
    bar.fill.solid()
    paint(bar.fill.fore_color, accent)
    bar.line.fill.background()
    bar.shadow.inherit = False
    oxml.mark_decorative(bar)
    text = card.text_frame
    text.word_wrap = True
    return text


def _style(paragraph: Any, size: float, tone: Tone, bold: bool = False) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(size)
        paint(run.font.color, tone)
        if bold:
            run.font.bold = True


def fill_key_figures(ctx: SlideContext, slide: model.KeyFiguresSlide) -> None:
    """Two to four big numbers, each on a card with an accent bar."""
    page = ctx.page
    assert page.frame is not None and page.figures is not None
    ctx.clear("figures")
    frame = page.frame
    card_w, card_h = card_size(len(slide.figures), frame.width, frame.height)
    top = frame.top + (frame.height - card_h) // 2
    colours = ctx.colours
    for index, lines in enumerate(page.figure_lines):
        assert lines is not None
        x = frame.left + index * (card_w + emu(CARD_GAP))
        text = _card(ctx, index, x, top, card_w, card_h)
        text.vertical_anchor = MSO_ANCHOR.MIDDLE
        for side in ("margin_left", "margin_right"):
            setattr(text, side, Emu(Pt(CARD_SIDE_MARGIN)))
        paras = [Para(lines.value), Para(lines.label)] + ([Para(lines.note)] if lines.note else [])
        write_paragraphs(text, paras, ctx.language)
        value, label, *note = text.paragraphs
        for paragraph in text.paragraphs:
            paragraph.alignment = PP_ALIGN.CENTER
        value_tone = colours.card_values[index % len(colours.card_values)]
        _style(value, page.figures.value_size, value_tone, bold=True)
        _style(label, page.figures.label_size, colours.card_label)
        label.space_before = Pt(6)
        for paragraph in note:
            size = page.figures.note_size or page.figures.label_size * NOTE_SIZE_SHARE
            _style(paragraph, size, colours.card_label)


def fill_cards(ctx: SlideContext, slide: model.CardsSlide) -> None:
    """Cards in rows (3, 2x2, 3+2, ...), each with its figure, title and text."""
    page = ctx.page
    assert page.frame is not None and page.cards is not None
    ctx.clear("cards")
    fit, frame, colours = page.cards, page.frame, ctx.colours
    gap = emu(CARDS_GAP)
    used_h = len(fit.rows) * fit.card_h + gap * (len(fit.rows) - 1)
    top = frame.top + (frame.height - used_h) // 2
    index = 0
    for row, count in enumerate(fit.rows):
        row_w = count * fit.card_w + gap * (count - 1)
        left = frame.left + (frame.width - row_w) // 2  # a short row is centred
        for column in range(count):
            card, lines = slide.cards[index], page.figure_lines[index]
            x = left + column * (fit.card_w + gap)
            y = top + row * (fit.card_h + gap)
            text = _card(ctx, index, x, y, fit.card_w, fit.card_h)
            text.vertical_anchor = MSO_ANCHOR.TOP
            inset = Emu(Pt(CARD_INSET))
            text.margin_left = text.margin_right = text.margin_bottom = inset
            text.margin_top = Emu(Pt(CARD_INSET + CARD_BAR))
            paras = [Para(lines.value), Para(lines.label)] if lines else []
            paras += [Para(lines.note)] if lines and lines.note else []
            paras += [Para(card.title)] + ([Para(card.text)] if card.text else [])
            write_paragraphs(text, paras, ctx.language)
            paragraphs = list(text.paragraphs)
            if lines is not None:
                value_tone = colours.card_values[index % len(colours.card_values)]
                _style(paragraphs.pop(0), fit.value_size, value_tone, bold=True)
                _style(paragraphs.pop(0), fit.label_size, colours.card_label)
                if lines.note:
                    note_size = fit.note_size or fit.label_size * NOTE_SIZE_SHARE
                    _style(paragraphs.pop(0), note_size, colours.card_label)
            title = paragraphs.pop(0)
            _style(title, fit.title_size, colours.card_label, bold=True)
            title.space_before = Pt(8)
            for paragraph in paragraphs:
                _style(paragraph, fit.text_size, colours.card_label)
                paragraph.space_before = Pt(4)
            index += 1


QUOTE_MARK = 120  # points: the size of the big quotation mark beside a quote


def fill_quote(ctx: SlideContext, slide: model.QuoteSlide) -> None:
    """A large opening quotation mark of the deck's language, left of the quote, where the
    layout leaves room for it and the template draws nothing."""
    del slide
    quote = ctx.placeholder("quote")
    width, height = Emu(Pt(QUOTE_MARK * 0.6)), Emu(Pt(QUOTE_MARK * 1.35))  # the glyph's cell
    if quote is None or quote.left is None or quote.left < width + Emu(Pt(8)):
        return
    mark = opening_quote(ctx.language)
    left = quote.left - width - Emu(Pt(8))
    cell = Rect(int(left), int(quote.top), int(width), int(height))
    if layout_graphics(ctx.slide.slide_layout).covered(cell) > SAFE_COVER:
        return  # the template draws there; the quote's own marks say enough
    box = ctx.slide.shapes.add_textbox(left, quote.top, width, height)
    frame = box.text_frame
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    write_paragraphs(frame, [Para(mark, bullet=False)], ctx.language)
    _style(frame.paragraphs[0], QUOTE_MARK, ctx.colours.card_values[0], bold=True)
    box.name = "Quotation Mark"
    oxml.mark_decorative(box)


def fill_chart(ctx: SlideContext, slide: model.ChartSlide) -> None:
    """A native chart in theme colours, editable in PowerPoint."""
    data = slide.chart
    chart_data = CategoryChartData(number_format=data.number_format)
    chart_data.categories = data.categories
    for series in data.series:
        values = list(series.values)[: len(data.categories)]
        values += [None] * (len(data.categories) - len(values))  # type: ignore[list-item]
        chart_data.add_series(series.name, values)
    frame = ctx.page.frame
    assert frame is not None
    ctx.clear("chart")
    graphic = ctx.slide.shapes.add_chart(
        CHART_TYPES[data.type], frame.left, frame.top, frame.width, frame.height, chart_data
    )
    graphic.name = "Chart"
    access.set_description(graphic, slide.alt)
    chart = graphic.chart
    oxml.positive_axis_ids(chart)
    oxml.set_chart_language(chart, ctx.language)
    chart.has_title = False  # the slide title says what the chart shows
    chart.font.size = Pt(14)
    palette = palette_of(ctx.slide.slide_layout)
    behind = _chart_ground(ctx, frame)
    text = ctx.colours.chart_text if behind is None else text_on(palette, behind, DARK_TEXTS)
    paint(chart.font.color, text)
    tones = series_tones(palette, behind or palette.background)
    if data.type == "pie":
        _style_pie(chart, len(data.categories), tones)
    else:
        _style_category_chart(chart, data, tones)


def _chart_ground(ctx: SlideContext, frame: Rect) -> str | None:
    """What a chart stands on where it is not the layout's background: a plate of the template
    (sunset's orange panel) or the colour of a picture under it; None on the background."""
    layout = ctx.slide.slide_layout
    palette = palette_of(layout)
    behind = layout_graphics(layout).background_of(frame, palette.background)
    if behind == palette.background:
        colours = _picture_under(layout, palette, frame)
        return colours[0] if colours else None
    return behind


def _picture_under(layout: Any, palette: Palette, frame: Rect) -> list[str]:
    """The colours of the topmost picture of the template under the middle of ``frame`` (a
    photograph behind the whole slide), the most common first; none where there is none."""
    middle = (frame.left + frame.width / 2, frame.top + frame.height / 2)
    for outline, data in reversed(layout_pictures(layout, palette)):
        xs, ys = [x for x, _ in outline], [y for _, y in outline]
        if min(xs) <= middle[0] <= max(xs) and min(ys) <= middle[1] <= max(ys):
            image = small_picture(data)
            return picture_colours(image, outline, frame) if image is not None else []
    return []


def _style_pie(chart: Any, count: int, tones: Sequence[Tone]) -> None:
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = "0%"
    labels.number_format_is_linked = False
    labels.show_percentage = True
    labels.show_value = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    for index in range(count):
        point = plot.series[0].points[index]
        point.format.fill.solid()
        paint(point.format.fill.fore_color, tones[index % len(tones)])


def _style_category_chart(chart: Any, data: model.ChartData, tones: Sequence[Tone]) -> None:
    many = len(data.series) > 1
    chart.has_legend = many
    if many:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    if data.type in ("column", "bar"):
        plot.gap_width = 60
        plot.overlap = -10 if many else 0
    if not many:
        plot.has_data_labels = True
        plot.data_labels.number_format = data.number_format
        plot.data_labels.number_format_is_linked = True
        plot.data_labels.font.size = Pt(13)
    for index, series in enumerate(plot.series):
        tone = tones[index % len(tones)]
        if data.type == "line":
            paint(series.format.line.color, tone)
            series.format.line.width = Pt(3)
            series.smooth = False
            series.marker.format.fill.solid()
            paint(series.marker.format.fill.fore_color, tone)
        else:
            series.format.fill.solid()
            paint(series.format.fill.fore_color, tone)
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    value_axis.format.line.fill.background()
    value_axis.tick_labels.number_format = data.number_format
    value_axis.tick_labels.number_format_is_linked = data.number_format == "General"
    category_axis = chart.category_axis
    category_axis.format.line.color.theme_color = MSO_THEME_COLOR.TEXT_1
    if data.type == "bar":  # read top to bottom, in the order the content lists them
        category_axis.reverse_order = True
    category_axis.has_major_gridlines = False


def fill_table(ctx: SlideContext, slide: model.TableSlide) -> None:
    """A table with a header row in the first accent colour and banded rows."""
    page = ctx.page
    assert page.frame is not None and page.table is not None
    ctx.clear("table")
    colours = ctx.colours
    fit = page.table
    frame = page.frame
    cells = [list(slide.columns), *table_rows(slide)]
    shape = ctx.slide.shapes.add_table(
        len(cells), len(slide.columns), frame.left, frame.top, frame.width, fit.height
    )
    table = shape.table
    for index, column in enumerate(table.columns):
        column.width = Emu(fit.widths[index])
    for index, row in enumerate(table.rows):
        row.height = Emu(fit.heights[index])
    side, top = int(Emu(Pt(CELL_SIDE_MARGIN))), int(Emu(Pt(CELL_TOP_MARGIN)))
    margins = (side, side, top, top)
    for r, values in enumerate(cells):
        if r == 0:
            fill, text = colours.header_fill, colours.header_text
        else:
            fill, text = colours.row_fills[(r + 1) % 2], colours.row_texts[(r + 1) % 2]
        look = CellLook(fit.size, text, fill, r == 0, margins)
        for c, value in enumerate(values):
            fill_cell(table.cell(r, c), value, look, ctx.language)


def fill_image(ctx: SlideContext, slide: model.ImageSlide) -> None:
    """A picture fitted into the frame without cropping."""
    frame = ctx.page.frame
    assert frame is not None
    ctx.clear("image")
    left, top, width, height = frame.left, frame.top, frame.width, frame.height
    try:  # checked when the content was resolved; read again through the same door
        picture = load_picture(ctx.project_root, slide.image)
    except Refused as e:
        raise SourceError(ctx.page.spec.origin, e.what, key="image") from e
    scale = min(width / picture.width, height / picture.height)
    shown_w, shown_h = int(picture.width * scale), int(picture.height * scale)
    picture_shape = ctx.slide.shapes.add_picture(
        io.BytesIO(picture.data),
        left + (width - shown_w) // 2,
        top + (height - shown_h) // 2,
        shown_w,
        shown_h,
    )
    access.set_description(picture_shape, slide.alt)  # python-pptx put the file name there


BODY_FONT = "+mn-lt"  # the theme's body font
ARROW_COLOUR = MSO_THEME_COLOR.TEXT_2
ARROW_WIDTH = 2.25  # points


def fill_process(ctx: SlideContext, slide: model.ProcessSlide) -> None:
    """The steps of a process from left to right: numbered cards joined by arrows, all native
    shapes with editable text, the department's own step in its accent colour.

    The diagram is one group, which carries the slide's alternative text; each step in it is a
    group (card, number, owner), so that it moves as one; the arrows are connectors glued to
    the cards, so that they follow when a card moves, and decorative.
    """
    assert ctx.page.process is not None
    ctx.clear("diagram")
    diagram = ctx.slide.shapes.add_group_shape()
    diagram.name = "Process"
    access.set_description(diagram, slide.alt)
    cards = [
        _draw_step(ctx, diagram.shapes, number, step)
        for number, step in enumerate(ctx.page.process.steps, start=1)
    ]
    for number, (left, right) in enumerate(pairwise(cards), start=1):
        arrow = diagram.shapes.add_connector(MSO_CONNECTOR_TYPE.STRAIGHT, 0, 0, 0, 0)
        arrow.begin_connect(left, 3)  # the middle of the right edge
        arrow.end_connect(right, 1)  # the middle of the left edge
        arrow.line.color.theme_color = ARROW_COLOUR
        arrow.line.width = Pt(ARROW_WIDTH)
        oxml.arrow_head(arrow)
        arrow.name = f"Arrow {number}"
        oxml.mark_decorative(arrow)


def _draw_step(ctx: SlideContext, shapes: Any, number: int, step: StepBox) -> Any:
    """One step as a group in ``shapes``: its card (title and text), its numbered badge, its
    owner; the card."""
    colours = ctx.colours.own_step if step.own else ctx.colours.other_step
    group = shapes.add_group_shape()
    group.name = f"Step {number}"
    access.set_description(group, f"{number}. {plain(markup.plain(step.paras[0].text))}")
    card = _shape(group.shapes, MSO_SHAPE.ROUNDED_RECTANGLE, step.card, colours.card)
    card.name = f"Step {number} Card"
    card.adjustments[0] = STEP_CORNER
    frame = card.text_frame
    _write(ctx, frame, step.paras, colours.text, card_text_rect(step.card), step.text_area)
    frame.vertical_anchor = MSO_ANCHOR.TOP
    _bold(frame.paragraphs[0])
    badge = _shape(group.shapes, MSO_SHAPE.OVAL, step.badge, colours.badge)
    badge.name = f"Step {number} Number"
    _write(ctx, badge.text_frame, [step.number], colours.number, step.badge)
    badge.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _bold(badge.text_frame.paragraphs[0])
    if step.owner is not None and step.owner_area is not None:
        area = step.owner_area
        owner = group.shapes.add_textbox(area.left, area.top, area.width, area.height)
        owner.name = f"Step {number} Owner"
        _write(ctx, owner.text_frame, [step.owner], colours.text, area)
        owner.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    return card


def _shape(shapes: Any, kind: MSO_SHAPE, rect: Rect, fill: Tone) -> Any:
    """A flat shape filled with a theme colour, without outline or shadow."""
    shape = shapes.add_shape(kind, rect.left, rect.top, rect.width, rect.height)
    shape.fill.solid()
    paint(shape.fill.fore_color, fill)
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def _write(
    ctx: SlideContext,
    frame: Any,
    paras: Sequence[Para],
    colour: Tone,
    outer: Rect,
    inner: Rect | None = None,
) -> None:
    """Centred paragraphs in one colour, set as pagination measured them: single spacing, the
    body font, the sizes given, in ``inner`` of the text rectangle ``outer`` (all of it without)."""
    inner = inner or outer
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = Emu(inner.left - outer.left)
    frame.margin_top = Emu(inner.top - outer.top)
    frame.margin_right = Emu(outer.right - inner.right)
    frame.margin_bottom = Emu(outer.bottom - inner.bottom)
    write_paragraphs(frame, paras, ctx.language)
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.CENTER
        paragraph.line_spacing = 1.0
        paragraph.space_after = Pt(0)
        for run in paragraph.runs:
            paint(run.font.color, colour)
            run.font.name = BODY_FONT  # a text box has no font of its own; measured in this one


def _bold(paragraph: Any) -> None:
    for run in paragraph.runs:
        run.font.bold = True
