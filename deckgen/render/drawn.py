"""What deckgen draws itself into a frame of the layout: key figures, chart, table, picture.

The layout's placeholder for the field only marks the frame (pagination chose it and the
sizes); it is removed and the figures, chart, table or picture are drawn in its place. Colours
are theme colours (accent 1-6, text, background), so a corporate template gives corporate charts.
"""

from __future__ import annotations

import io
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from deckgen.confine import Refused
from deckgen.content import model
from deckgen.content.images import load_picture
from deckgen.errors import SourceError
from deckgen.paginate.drawn import (
    CARD_GAP,
    CARD_SIDE_MARGIN,
    CELL_SIDE_MARGIN,
    CELL_TOP_MARGIN,
    card_size,
    table_rows,
)
from deckgen.paginate.geometry import Para, emu
from deckgen.render import oxml
from deckgen.render.slide import SlideContext
from deckgen.render.text import write_paragraphs

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


CHART_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}


def draw_caption(ctx: SlideContext) -> None:
    """A caption without a placeholder of its own, in italics at the foot of the frame."""
    page = ctx.page
    if not page.caption or page.caption_frame is None:
        return
    rect = page.caption_frame
    box = ctx.slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
    box.text_frame.word_wrap = True
    write_paragraphs(box.text_frame, page.caption, ctx.language)
    for paragraph in box.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(14)
            run.font.italic = True


def fill_key_figures(ctx: SlideContext, slide: model.KeyFiguresSlide) -> None:
    """Two to four big numbers, each on a card with an accent bar."""
    page = ctx.page
    assert page.frame is not None and page.figures is not None
    ctx.clear("figures")
    frame = page.frame
    count = len(slide.figures)
    card_w, card_h = card_size(count, frame.width, frame.height)
    top = frame.top + (frame.height - card_h) // 2
    colours = ctx.colours
    for index, figure in enumerate(slide.figures):
        x = frame.left + index * (card_w + emu(CARD_GAP))
        accent = theme_colour(colours.card_accents[index % len(colours.card_accents)])
        value_colour = theme_colour(colours.card_values[index % len(colours.card_values)])
        card = ctx.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, top, card_w, card_h)
        card.fill.solid()
        card.fill.fore_color.theme_color = theme_colour(colours.card_fill)
        card.line.fill.background()
        card.shadow.inherit = False
        bar = ctx.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, top, card_w, Emu(Pt(6)))
        bar.fill.solid()
        bar.fill.fore_color.theme_color = accent
        bar.line.fill.background()
        bar.shadow.inherit = False
        text = card.text_frame
        text.word_wrap = True
        text.vertical_anchor = MSO_ANCHOR.MIDDLE
        for side in ("margin_left", "margin_right"):
            setattr(text, side, Emu(Pt(CARD_SIDE_MARGIN)))
        write_paragraphs(text, [Para(figure.value), Para(figure.label)], ctx.language)
        value, label = text.paragraphs
        for paragraph in (value, label):
            paragraph.alignment = PP_ALIGN.CENTER
        for run in value.runs:
            run.font.size = Pt(page.figures.value_size)
            run.font.bold = True
            run.font.color.theme_color = value_colour
        for run in label.runs:
            run.font.size = Pt(page.figures.label_size)
            run.font.color.theme_color = theme_colour(colours.card_label)
        label.space_before = Pt(6)


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
    chart = graphic.chart
    oxml.positive_axis_ids(chart)
    chart.has_title = False  # the slide title says what the chart shows
    chart.font.size = Pt(14)
    chart.font.color.theme_color = theme_colour(ctx.colours.chart_text)
    if data.type == "pie":
        _style_pie(chart, len(data.categories))
    else:
        _style_category_chart(chart, data)


def _style_pie(chart: Any, count: int) -> None:
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
        point.format.fill.fore_color.theme_color = ACCENTS[index % len(ACCENTS)]


def _style_category_chart(chart: Any, data: model.ChartData) -> None:
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
        accent = ACCENTS[index % len(ACCENTS)]
        if data.type == "line":
            series.format.line.color.theme_color = accent
            series.format.line.width = Pt(3)
            series.smooth = False
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.theme_color = accent
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.theme_color = accent
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
    for r, values in enumerate(cells):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            write_paragraphs(cell.text_frame, [Para(value)], ctx.language)
            cell.margin_left = cell.margin_right = Emu(Pt(CELL_SIDE_MARGIN))
            cell.margin_top = cell.margin_bottom = Emu(Pt(CELL_TOP_MARGIN))
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.fill.solid()
            if r == 0:
                fill, text = colours.header_fill, colours.header_text
            else:
                fill, text = colours.row_fills[(r + 1) % 2], colours.row_texts[(r + 1) % 2]
            cell.fill.fore_color.theme_color = theme_colour(fill)
            for run in cell.text_frame.paragraphs[0].runs:
                run.font.size = Pt(fit.size)
                run.font.color.theme_color = theme_colour(text)
                if r == 0:
                    run.font.bold = True


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
    ctx.slide.shapes.add_picture(
        io.BytesIO(picture.data),
        left + (width - shown_w) // 2,
        top + (height - shown_h) // 2,
        shown_w,
        shown_h,
    )
