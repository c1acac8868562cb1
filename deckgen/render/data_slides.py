"""Slide kinds that draw into a frame of the layout: key figures, chart, table, image.

The layout's placeholder for the field only marks the frame; it is removed and the figures,
chart, table or picture are drawn in its place. Colours are theme colours (accent 1-6, text,
background), so a corporate template gives corporate charts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PIL import Image
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from deckgen.content import model
from deckgen.errors import SourceError
from deckgen.markup import paragraphs
from deckgen.measure import ParagraphStyle, longest_word_fits, text_height, text_width
from deckgen.render.text import Para, write_paragraphs

if TYPE_CHECKING:
    from deckgen.render.deck import SlideContext

ACCENTS = [
    MSO_THEME_COLOR.ACCENT_1,
    MSO_THEME_COLOR.ACCENT_2,
    MSO_THEME_COLOR.ACCENT_3,
    MSO_THEME_COLOR.ACCENT_4,
    MSO_THEME_COLOR.ACCENT_5,
    MSO_THEME_COLOR.ACCENT_6,
]

CHART_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}


Frame = tuple[int, int, int, int]


def _title(ctx: SlideContext, title: str) -> None:
    ctx.write("title", [Para(line) for line in paragraphs(title)])


def _frame(ctx: SlideContext, field: str, caption: str = "") -> Frame:
    """The frame to draw in; a caption without a place of its own takes the frame's foot."""
    left, top, width, height = ctx.frame_of(field)
    if not caption.strip():
        return left, top, width, height
    if ctx.has("caption"):
        ctx.write("caption", [Para(line) for line in paragraphs(caption)])
        return left, top, width, height
    foot = max(height // 8, Emu(Pt(30)))
    box = ctx.slide.shapes.add_textbox(left, top + height - foot, width, foot)
    box.text_frame.word_wrap = True
    write_paragraphs(box.text_frame, [Para(p) for p in paragraphs(caption)], ctx.language)
    for paragraph in box.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(14)
            run.font.italic = True
    return left, top, width, height - foot


def fill_key_figures(ctx: SlideContext, slide: model.KeyFiguresSlide) -> None:
    """Two to four big numbers, each on a card with an accent bar."""
    _title(ctx, slide.title)
    left, top, width, height = _frame(ctx, "figures")
    count = len(slide.figures)
    gap = Emu(Pt(18))
    card_w = (width - gap * (count - 1)) // count
    card_h = min(height, Emu(Pt(230)))
    top = top + (height - card_h) // 2
    family = ctx.fitting.fonts.get("minor", "Calibri")
    value_size, label_size = _figure_sizes(slide.figures, card_w, card_h, family)
    for index, figure in enumerate(slide.figures):
        x = left + index * (card_w + gap)
        accent = ACCENTS[index % len(ACCENTS)]
        card = ctx.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, top, card_w, card_h)
        card.fill.solid()
        card.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
        card.line.fill.background()
        card.shadow.inherit = False
        bar = ctx.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, top, card_w, Emu(Pt(6)))
        bar.fill.solid()
        bar.fill.fore_color.theme_color = accent
        bar.line.fill.background()
        bar.shadow.inherit = False
        frame = card.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        for side in ("margin_left", "margin_right"):
            setattr(frame, side, Emu(Pt(14)))
        write_paragraphs(frame, [Para(figure.value), Para(figure.label)], ctx.language)
        value, label = frame.paragraphs
        for paragraph in (value, label):
            paragraph.alignment = PP_ALIGN.CENTER
        for run in value.runs:
            run.font.size = Pt(value_size)
            run.font.bold = True
            run.font.color.theme_color = accent
        for run in label.runs:
            run.font.size = Pt(label_size)
            run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
        label.space_before = Pt(6)


def _figure_sizes(
    figures: list[model.Figure], card_w: int, card_h: int, family: str
) -> tuple[int, int]:
    """Font sizes (pt) for value and label that fit every card, measured with the theme's font.

    Values stay on one line; labels wrap, but no word of a label breaks. Sizes only shrink
    from the design's 66 and 18 pt, never grow.
    """
    inner_w = card_w / 12700 - 28  # points, less the side margins
    inner_h = card_h / 12700 - 20
    value = 66
    while value > 14 and (
        value * 1.2 > inner_h * 0.5
        or max(text_width(f.value, family, value, bold=True) for f in figures) > inner_w
    ):
        value -= 2
    label = 18
    label_style = ParagraphStyle(family, label)
    while label > 9:
        label_style = ParagraphStyle(family, label)
        height = max(text_height([(f.label, label_style)], inner_w) for f in figures)
        words_fit = all(longest_word_fits(f.label, label_style, inner_w) for f in figures)
        if words_fit and value * 1.2 + 6 + height <= inner_h:
            break
        label -= 1
    return value, label


def fill_chart(ctx: SlideContext, slide: model.ChartSlide) -> None:
    """A native chart in theme colours, editable in PowerPoint."""
    _title(ctx, slide.title)
    data = slide.chart
    chart_data = CategoryChartData(number_format=data.number_format)
    chart_data.categories = data.categories
    for series in data.series:
        values = list(series.values)[: len(data.categories)]
        values += [None] * (len(data.categories) - len(values))  # type: ignore[list-item]
        chart_data.add_series(series.name, values)
    x, y, cx, cy = _frame(ctx, "chart", slide.caption)
    graphic = ctx.slide.shapes.add_chart(CHART_TYPES[data.type], x, y, cx, cy, chart_data)
    chart = graphic.chart
    _positive_axis_ids(chart)
    chart.has_title = False  # the slide title says what the chart shows
    chart.font.size = Pt(14)
    chart.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
    if data.type == "pie":
        _style_pie(chart, len(data.categories))
    else:
        _style_category_chart(chart, data)


def _positive_axis_ids(chart: Any) -> None:
    """Renumber the chart's axis ids from 1: python-pptx writes negative ones, which the
    schema forbids (PowerPoint may offer to repair such a file)."""
    space = chart._chartSpace
    ids: dict[str, str] = {}
    for element in space.iter(qn("c:axId")):
        ids.setdefault(element.get("val"), str(len(ids) + 1))
    for element in [*space.iter(qn("c:axId")), *space.iter(qn("c:crossAx"))]:
        element.set("val", ids.get(element.get("val"), element.get("val")))


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
    _title(ctx, slide.title)
    left, top, width, height = _frame(ctx, "table")
    columns = len(slide.columns)
    rows = [list(row)[:columns] + [""] * (columns - len(row)) for row in slide.rows]
    weights = [_column_weight([c, *(r[i] for r in rows)]) for i, c in enumerate(slide.columns)]
    total = sum(weights)
    widths = [int(width * w // total) for w in weights]
    family = ctx.fitting.fonts.get("minor", "Calibri")
    size, row_heights = _table_size([list(slide.columns), *rows], widths, height, family)
    if sum(row_heights) > height or size < min(ctx.fitting.min_size, 16):
        ctx.fitting.warnings.append(
            SourceError(
                ctx.spec.origin,
                f"slide {ctx.number}: the table does not fit its box even at {size} pt; "
                "shorten it or split it",
            )
        )
    shape = ctx.slide.shapes.add_table(len(rows) + 1, columns, left, top, width, sum(row_heights))
    table = shape.table
    for index, column in enumerate(table.columns):
        column.width = Emu(widths[index])
    for index, row in enumerate(table.rows):
        row.height = Emu(row_heights[index])
    for r, values in enumerate([list(slide.columns), *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            write_paragraphs(cell.text_frame, [Para(value)], ctx.language)
            cell.margin_left = cell.margin_right = Emu(Pt(9))
            cell.margin_top = cell.margin_bottom = Emu(Pt(5))
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.fill.solid()
            if r == 0:
                cell.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            elif r % 2 == 0:
                cell.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
            else:
                cell.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
            for run in cell.text_frame.paragraphs[0].runs:
                run.font.size = Pt(size)
                if r == 0:
                    run.font.bold = True
                    run.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
                else:
                    run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1


def table_chunks(
    slide: model.TableSlide, width: int, height: int, family: str, min_size: float
) -> list[list[list[str]]]:
    """The table's rows in groups that each fit the frame at ``min_size`` or larger."""
    columns = len(slide.columns)
    rows = [list(row)[:columns] + [""] * (columns - len(row)) for row in slide.rows]
    weights = [_column_weight([c, *(r[i] for r in rows)]) for i, c in enumerate(slide.columns)]
    widths = [int(width * w // sum(weights)) for w in weights]

    def fits(chunk: list[list[str]]) -> bool:
        size, heights = _table_size([list(slide.columns), *chunk], widths, height, family)
        return size >= min(min_size, 16) and sum(heights) <= height

    chunks: list[list[list[str]]] = [[]]
    for row in rows:
        if chunks[-1] and not fits([*chunks[-1], row]):
            chunks.append([row])
        else:
            chunks[-1].append(row)
    return chunks


def _table_size(
    cells: list[list[str]], widths: list[int], height: int, family: str
) -> tuple[int, list[int]]:
    """The largest font size (16 down to 9 pt) at which the rows fit ``height`` and no word
    breaks, measured with the theme's font; and the height of each row."""
    size = 16
    while True:
        style = ParagraphStyle(family, size)
        bold = ParagraphStyle(family, size, bold=True)
        heights = []
        words_fit = True
        for index, row in enumerate(cells):
            tallest = 0.0
            for text, width in zip(row, widths, strict=False):
                inner = width / 12700 - 18  # less the cell's side margins
                cell_style = bold if index == 0 else style
                tallest = max(tallest, text_height([(text, cell_style)], inner))
                words_fit = words_fit and longest_word_fits(text, cell_style, inner)
            heights.append(int((tallest + 10 + 0.1 * size) * 12700))
        if (sum(heights) <= height and words_fit) or size <= 9:
            return size, heights
        size -= 1


def _column_weight(cells: list[str]) -> float:
    """How wide a column wants to be: room for its longest word, and some for its longest text."""
    longest_word = max((len(word) for cell in cells for word in cell.split()), default=4)
    longest_text = max((len(cell) for cell in cells), default=4)
    return max(longest_word * 1.3, longest_text * 0.6, 6)


def fill_image(ctx: SlideContext, slide: model.ImageSlide) -> None:
    """A picture fitted into the frame without cropping, and its caption."""
    _title(ctx, slide.title)
    path = ctx.info.project_root / slide.image  # checked when the content was loaded
    left, top, width, height = _frame(ctx, "image", slide.caption)
    with Image.open(path) as picture:
        pixel_w, pixel_h = picture.size
    scale = min(width / pixel_w, height / pixel_h)
    shown_w, shown_h = int(pixel_w * scale), int(pixel_h * scale)
    ctx.slide.shapes.add_picture(
        str(path),
        left + (width - shown_w) // 2,
        top + (height - shown_h) // 2,
        shown_w,
        shown_h,
    )
