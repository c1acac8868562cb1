"""Text deckgen draws or fills reads on what lies behind it (issue 11): WCAG AA, 4.5:1 (3:1
from 18 pt), checked in the written deck's XML, without rendering.

The template is python-pptx's default, Office 2007's look as pandoc's reference deck has it:
accent 1 a mid blue (#4F81BD, 4.0:1 with white), accent 3 a light green, footers and slide
numbers in the text colour tinted 75 % (#898989 on white, 3.5:1).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from deckgen.cli import cli
from deckgen.render.oxml.graphics import colour_of, palette_of
from deckgen.theme.colours import (
    Palette,
    Tone,
    brightness_changes,
    contrast,
    drawn_colours,
    modified,
    readable_brightness,
)
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project

REPO = Path(__file__).resolve().parent.parent
OFFICE = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F497D", "lt2": "EEECE1"}
OFFICE |= {"accent1": "4F81BD", "accent2": "C0504D", "accent3": "9BBB59", "accent4": "8064A2"}
OFFICE |= {"accent5": "4BACC6", "accent6": "F79646"}


# -- colours, without a deck --


def test_tint_and_shade_work_on_linear_light() -> None:
    assert modified("000000", [("tint", 75000)]) == "898989"  # Office's grey footer
    assert modified("FFFFFF", [("shade", 50000)]) == "BCBCBC"


def test_brightness_is_written_as_powerpoint_writes_it() -> None:
    assert brightness_changes(-0.25) == [("lumMod", 75000)]
    assert brightness_changes(0.4) == [("lumMod", 60000), ("lumOff", 40000)]
    assert brightness_changes(0.0) == []


def test_a_colour_is_made_darker_just_enough_to_read() -> None:
    change = readable_brightness("9BBB59", "EEECE1", 4.5)
    assert change < 0
    assert contrast(modified("9BBB59", brightness_changes(change)), "EEECE1") >= 4.5
    less = change + 0.05
    assert contrast(modified("9BBB59", brightness_changes(less)), "EEECE1") < 4.5
    assert readable_brightness("000000", "FFFFFF", 4.5) == 0.0


def test_the_table_header_on_mid_blue_takes_dark_text() -> None:
    colours = drawn_colours(Palette(OFFICE))
    assert colours.header_fill == Tone("accent1")
    assert colours.header_text.slot in ("tx1", "dk1") and colours.header_text.brightness == 0


def test_a_fill_that_no_text_colour_reads_on_is_made_darker() -> None:
    scheme = OFFICE | {"dk1": "555555", "accent1": "8A8A8A"}  # mid grey: neither reads
    palette = Palette(scheme)
    colours = drawn_colours(palette)
    assert colours.header_fill.slot == "accent1" and colours.header_fill.brightness != 0
    fill = palette.tone(colours.header_fill)
    assert contrast(palette.tone(colours.header_text), fill) >= 4.5


def test_every_drawn_text_reads_on_its_fill() -> None:
    palette = Palette(OFFICE)
    colours = drawn_colours(palette)
    card = palette.tone(colours.card_fill)
    pairs = [(value, colours.card_fill) for value in colours.card_values]
    pairs += [(colours.card_label, colours.card_fill), (colours.header_text, colours.header_fill)]
    pairs += list(zip(colours.row_texts, colours.row_fills, strict=True))
    for step in (colours.own_step, colours.other_step):
        pairs += [(step.text, step.card), (step.number, step.badge)]
    for text, fill in pairs:
        assert contrast(palette.tone(text), palette.tone(fill)) >= 4.5, (text, fill)
    assert contrast(palette.tone(colours.card_values[2]), card) >= 4.5  # not accent 3 as it is


# -- a deck built on the template --


@pytest.fixture(scope="module")
def office_deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The example department ``works-council`` (a table, a process, key figures) built on
    python-pptx's default template, opened again."""
    root = tmp_path_factory.mktemp("contrast")
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    template = root / "office.pptx"
    Presentation().save(str(template))
    runner = CliRunner()
    imported = runner.invoke(
        cli,
        ["--project", str(root), "theme", "import", str(template), "--name", "office",
         "--no-check"],
    )  # fmt: skip
    assert imported.exit_code == 0, imported.output
    built = runner.invoke(
        cli, ["--project", str(root), "build", "works-council", "--theme", "office", "-j", "1"]
    )
    assert built.exit_code == 0, built.output
    return Presentation(str(root / "build" / "works-council.pptx"))


def _run_colour(run: Any, palette: Palette) -> str | None:
    fill = run.find(f"{qn('a:rPr')}/{qn('a:solidFill')}")
    return colour_of(fill[0], palette) if fill is not None and len(fill) else None


def test_table_headers_are_dark_on_the_mid_blue(office_deck: Any) -> None:
    tables = [s for slide in office_deck.slides for s in slide.shapes if s.has_table]
    assert tables
    palette = palette_of(office_deck.slides[0].slide_layout)
    for shape in tables:
        cell = shape.table.cell(0, 0)._tc
        fill = cell.find(f"{qn('a:tcPr')}/{qn('a:solidFill')}")[0]
        assert fill.tag == qn("a:schemeClr")  # a theme colour: PowerPoint recolours it
        run = next(cell.iter(qn("a:r")))
        text = run.find(f"{qn('a:rPr')}/{qn('a:solidFill')}")[0]
        assert text.tag == qn("a:schemeClr") and text.get("val") in ("tx1", "dk1")
        assert contrast(colour_of(text, palette), colour_of(fill, palette)) >= 4.5


def test_texts_on_drawn_shapes_read_on_their_fills(office_deck: Any) -> None:
    palette = palette_of(office_deck.slides[0].slide_layout)
    checked = 0
    for slide in office_deck.slides:
        for element in slide.shapes._spTree.iter(qn("p:sp")):
            solid = element.find(f"{qn('p:spPr')}/{qn('a:solidFill')}")
            if solid is None or not len(solid):
                continue
            fill = colour_of(solid[0], palette)
            assert fill is not None
            for run in element.iter(qn("a:r")):
                colour = _run_colour(run, palette)
                assert colour is not None
                assert contrast(colour, fill) >= 4.5, (run.findtext(qn("a:t")), colour, fill)
                checked += 1
    assert checked > 10  # key figures, process steps


def test_grey_footers_and_slide_numbers_become_readable(office_deck: Any) -> None:
    palette = palette_of(office_deck.slides[0].slide_layout)
    footers = [
        shape
        for slide in office_deck.slides
        for shape in slide.placeholders
        if shape.placeholder_format.type is not None
        and shape.placeholder_format.type.name in ("FOOTER", "SLIDE_NUMBER")
    ]
    assert footers
    for shape in footers:
        for run in [*shape._element.iter(qn("a:r")), *shape._element.iter(qn("a:fld"))]:
            colour = _run_colour(run, palette)
            assert colour is not None and contrast(colour, "FFFFFF") >= 4.5, colour


# -- what lies behind, and links --


def _shape_xml(fill: str) -> Any:
    from lxml import etree

    return etree.fromstring(
        f'<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr>'
        f'<p:cNvPr id="2" name="x"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm>{fill}</p:spPr></p:sp>'
    )


def test_a_mostly_transparent_fill_lets_what_lies_below_show() -> None:
    from deckgen.render.oxml.graphics import shape_marks

    glow = (
        '<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"><a:alpha val="90000"/>'
        '</a:srgbClr></a:gs><a:gs pos="75000"><a:srgbClr val="FFFFFF"><a:alpha val="20000"/>'
        '</a:srgbClr></a:gs><a:gs pos="100000"><a:srgbClr val="FFFFFF"><a:alpha val="20000"/>'
        "</a:srgbClr></a:gs></a:gsLst></a:gradFill>"
    )
    solid = '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
    palette = Palette(OFFICE)
    marks = [shape_marks([_shape_xml(fill)], palette)[0][1] for fill in (glow, solid)]
    assert marks[0] is not None and marks[0].see_through
    assert marks[1] is not None and not marks[1].see_through


def test_a_grid_pattern_counts_in_its_background_colour() -> None:
    from deckgen.render.oxml.graphics import shape_marks

    grid = (
        '<a:pattFill prst="lgGrid"><a:fgClr><a:srgbClr val="3465A4"/></a:fgClr>'
        '<a:bgClr><a:srgbClr val="009EDA"/></a:bgClr></a:pattFill>'
    )
    mark = shape_marks([_shape_xml(grid)], Palette(OFFICE))[0][1]
    assert mark is not None and mark.fill == "009EDA"


def test_a_link_in_an_unreadable_link_colour_keeps_its_text_colour() -> None:
    from lxml import etree

    from deckgen.render.oxml import access

    body = etree.fromstring(
        '<p:txBody xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<a:bodyPr/><a:p><a:r><a:rPr lang="de-DE"><a:hlinkClick r:id="rId3"/></a:rPr>'
        "<a:t>Agenda</a:t></a:r></a:p></p:txBody>"
    )
    shape = _shape_xml("")
    shape.append(body)
    palette = Palette(OFFICE | {"hlink": "0000FF"})
    (run,) = access.text_runs(shape, [()] * access.LEVELS, palette)
    assert run.colour == "0000FF"  # as PowerPoint and LibreOffice show a link
    access.set_run_colour(run.element, "bg1")
    (run,) = access.text_runs(shape, [()] * access.LEVELS, palette)
    assert run.colour == "FFFFFF"
    assert b"hlinkClr" in etree.tostring(run.element)


def test_text_reaching_past_its_band_reads_on_the_band() -> None:
    from deckgen.render.accessibility import _readable_slot

    palette = Palette(OFFICE)
    assert _readable_slot(palette, {"168253": 7, "FFFFFF": 2}, 12) in ("bg1", "lt1")
    assert _readable_slot(palette, {"FFFFFF": 9}, 12) in ("tx1", "dk1")


def test_the_colours_of_a_picture_under_a_text() -> None:
    from PIL import Image, ImageDraw

    from deckgen.paginate.geometry import Rect
    from deckgen.theme.graphics import picture_colours

    image = Image.new("RGB", (100, 100), (255, 255, 255))
    ImageDraw.Draw(image).rectangle((0, 0, 99, 49), fill=(42, 87, 153))  # a blue sky on top
    outline = ((0.0, 0.0), (1000.0, 0.0), (1000.0, 1000.0), (0.0, 1000.0))
    assert picture_colours(image, outline, Rect(100, 100, 800, 200)) == ["2A5799"]
    both = picture_colours(image, outline, Rect(100, 300, 800, 400))
    assert sorted(both) == ["2A5799", "FFFFFF"]


def test_a_picture_with_transparent_parts_is_read_without_warnings() -> None:
    import io

    from PIL import Image

    from deckgen.paginate.geometry import Rect
    from deckgen.theme.graphics import picture_colours, small_picture

    image = Image.new("P", (10, 10), 1)
    image.putpalette([255, 255, 255, 42, 87, 153] + [0] * 762)
    image.paste(0, (0, 0, 10, 5))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", transparency=b"\x00" + b"\xff" * 255)  # the white top clear
    small = small_picture(buffer.getvalue())
    assert small is not None
    outline = ((0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0))
    assert picture_colours(small, outline, Rect(0, 0, 100, 100)) == ["2A5799"]


def test_dark_text_on_a_dark_layout_takes_the_light_text_colour() -> None:
    from lxml import etree

    from deckgen.render.accessibility import Seen, make_readable

    presentation = Presentation()
    layout = presentation.slide_layouts[1]  # title and content
    background = etree.fromstring(
        '<p:bg xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:bgPr>'
        '<a:solidFill><a:srgbClr val="1C2C43"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'
    )
    layout._element.find(qn("p:cSld")).insert(0, background)
    slide = presentation.slides.add_slide(layout)
    slide.shapes.title.text_frame.text = "Agenda"
    slide.placeholders[1].text_frame.text = "Warum wir auf Social Media gehen"
    changed = make_readable(slide, Seen())
    assert len(changed) == 2
    palette = palette_of(layout)
    for shape in (slide.shapes.title, slide.placeholders[1]):
        run = next(shape._element.iter(qn("a:r")))
        colour = _run_colour(run, palette)
        assert colour is not None and contrast(colour, "1C2C43") >= 4.5


@pytest.mark.parametrize(("align", "found"), [(PP_ALIGN.RIGHT, False), (PP_ALIGN.LEFT, True)])
def test_the_check_reads_a_short_text_where_its_alignment_puts_it(align: Any, found: bool) -> None:
    # Focus's slide number: white on a green band, in a box that reaches past the band onto
    # white; the check (as make_readable) looks where the characters are, not at the whole box
    from deckgen.content.model import MinimumSizes
    from deckgen.render.accessibility import inspect_presentation

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])  # blank
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 7000000, 6000000, 2144000, 858000)
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor(0x16, 0x82, 0x53)
    box = slide.shapes.add_textbox(5000000, 6100000, 4000000, 400000)
    paragraph = box.text_frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = "2"
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    findings = inspect_presentation(presentation, [{}], MinimumSizes())
    assert any(f.rule == "contrast" for f in findings) is found


# -- what lies behind: translucent fills, gradients, patterns --


def _saved(presentation: Any, tmp_path: Path) -> Any:
    path = tmp_path / "deck.pptx"
    presentation.save(str(path))
    return Presentation(str(path))


def _footer_box(slide: Any, text: str, align: Any = PP_ALIGN.CENTER) -> Any:
    box = slide.shapes.add_textbox(3000000, 6300000, 3144000, 400000)
    paragraph = box.text_frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    return box


def _fill_xml(shape: Any, fill: str) -> None:
    """Give ``shape`` the DrawingML fill ``fill`` (XML without namespace declarations)."""
    from lxml import etree

    properties = shape._element.find(qn("p:spPr"))
    for child in list(properties):
        if child.tag.endswith("Fill"):
            properties.remove(child)
    namespace = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    head, rest = fill.split(">", 1)
    element = etree.fromstring(
        f"{head.rstrip('/')} {namespace}{'/' if head.endswith('/') else ''}>{rest}"
    )
    geometry = properties.find(qn("a:prstGeom"))
    if geometry is None:
        geometry = properties.find(qn("a:custGeom"))
    geometry.addnext(element)


def _linear_gradient(start: str, end: str) -> str:
    """A gradient fill from ``start`` on the left to ``end`` on the right."""
    return (
        f'<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="{start}"/></a:gs>'
        f'<a:gs pos="100000"><a:srgbClr val="{end}"/></a:gs></a:gsLst>'
        '<a:lin ang="0" scaled="0"/></a:gradFill>'
    )


def _slide_number(slide: Any, text: str, width: int) -> Any:
    """A white 12 pt slide number, right-aligned in a box ``width`` EMU wide near the foot of
    the slide's right side."""
    number = slide.shapes.add_textbox(8144000, 6300000, width, 400000)
    paragraph = number.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    return number


def _plated_text(deck: Any) -> tuple[Any, str, list[str | None]]:
    """The last shape of the deck's first slide, the colour of the plate it stands on (it must
    have one) and the colour of each of its runs."""
    palette = palette_of(deck.slides[0].slide_layout)
    shape = deck.slides[0].shapes[-1]
    plate = shape._element.find(f"{qn('p:spPr')}/{qn('a:solidFill')}")
    assert plate is not None
    fill = colour_of(plate[0], palette)
    assert fill is not None
    return shape, fill, [_run_colour(run, palette) for run in shape._element.iter(qn("a:r"))]


def _mix(colour: str, alpha: float, below: str) -> str:
    from deckgen.theme.colours import rgb, to_hex

    top, bottom = rgb(colour), rgb(below)
    return to_hex(*(alpha * t + (1 - alpha) * b for t, b in zip(top, bottom, strict=True)))


def test_a_footer_on_a_translucent_glow_reads_on_the_glow_over_the_dark(tmp_path: Path) -> None:
    # Lights: white glows, 80 % opaque, over a dark background; white text there is white on
    # near-white, and deckgen must see the glow over the dark, not the dark through it
    from deckgen.render.accessibility import Seen, make_readable

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])  # blank
    dark = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, 9144000, 6858000)
    _fill_xml(dark, '<a:solidFill><a:srgbClr val="1C2C43"/></a:solidFill>')
    glow = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 2000000, 5800000, 5144000, 1058000)
    _fill_xml(
        glow,
        '<a:solidFill><a:srgbClr val="FFFFFF"><a:alpha val="80000"/></a:srgbClr></a:solidFill>',
    )
    _footer_box(slide, "Stadtwerke Lindenau")
    assert make_readable(slide, Seen())
    written = _saved(presentation, tmp_path)
    palette = palette_of(written.slides[0].slide_layout)
    footer = written.slides[0].shapes[-1]
    behind = _mix("FFFFFF", 0.8, "1C2C43")
    for run in footer._element.iter(qn("a:r")):
        colour = _run_colour(run, palette)
        assert colour is not None and contrast(colour, behind) >= 4.5, (colour, behind)


def test_a_gradient_is_read_where_the_text_stands(tmp_path: Path) -> None:
    # a slide number at the pink end of a gradient from navy to pink: white reads on the navy
    # end, not on the pink one
    from deckgen.render.accessibility import Seen, make_readable

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    gradient = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, 9144000, 6858000)
    _fill_xml(gradient, _linear_gradient("000032", "F60063"))
    _slide_number(slide, "5", 900000)
    assert make_readable(slide, Seen())
    written = _saved(presentation, tmp_path)
    palette = palette_of(written.slides[0].slide_layout)
    (written_run,) = written.slides[0].shapes[-1]._element.iter(qn("a:r"))
    colour = _run_colour(written_run, palette)
    assert colour is not None and contrast(colour, "F60063") >= 4.5 + 0.25


def test_a_footer_on_a_striped_curve_stands_on_a_plate(tmp_path: Path) -> None:
    # ai-sns-plan: a curve of custom geometry, hatched in blue on white, under the footer; no
    # colour reads on both blue and white, so the footer's words get a plate of their own
    from deckgen.render.accessibility import Seen, make_readable

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    builder = slide.shapes.build_freeform(4000000, 7000000, scale=1.0)
    builder.add_line_segments([(4500000, 5500000), (6500000, 5000000), (8000000, 7000000)])
    curve = builder.convert_to_shape()
    _fill_xml(
        curve,
        '<a:pattFill prst="zigZag"><a:fgClr><a:srgbClr val="2956FF"/></a:fgClr>'
        '<a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>',
    )
    footer = _footer_box(slide, "Stadtwerke Lindenau")
    footer.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0, 0, 0)
    changed = make_readable(slide, Seen())
    assert changed and "plate" in changed[0]
    shape, plate_fill, colours = _plated_text(_saved(presentation, tmp_path))
    assert shape.width < 3144000  # the plate takes the words' width, not the whole box
    for colour in colours:
        assert colour is not None and contrast(colour, plate_fill) >= 4.5


def test_a_slide_number_on_a_gradient_no_colour_reads_all_of_stands_on_a_plate(
    tmp_path: Path,
) -> None:
    # Lights' pink end runs from #E0005F (black 4.3:1) to #F60063 (white 4.2:1) under its
    # slide number: neither reads on all of it, so the number gets a plate of its own
    from deckgen.render.accessibility import Seen, make_readable

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    # from where the number's characters start to where they end (a wide guess: 0.6 sizes each)
    pink = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 8869680, 6000000, 182880, 858000)
    _fill_xml(pink, _linear_gradient("E0005F", "F60063"))
    _slide_number(slide, "19", 1000000)
    changed = make_readable(slide, Seen())
    assert changed and "plate" in changed[0]
    shape, plate_fill, (colour,) = _plated_text(_saved(presentation, tmp_path))
    assert shape.width < 1000000  # the number's width, not the box's
    assert colour is not None and contrast(colour, plate_fill) >= 4.5


def test_a_paint_gives_each_point_its_colour() -> None:
    from deckgen.theme.paint import Paint, Stop, composite

    box = (0.0, 0.0, 100.0, 100.0)
    linear = Paint((Stop(0.0, "000000"), Stop(1.0, "FFFFFF")), "linear", 0.0)
    assert linear.at((0.0, 50.0), box)[0].colour == "000000"
    assert linear.at((50.0, 50.0), box)[0].colour == "808080"
    glow = Paint((Stop(0.0, "FFFFFF", 0.9), Stop(1.0, "FFFFFF", 0.2)), "circle")
    assert glow.at((50.0, 50.0), box)[0].alpha == pytest.approx(0.9)
    assert glow.at((100.0, 100.0), box)[0].alpha == pytest.approx(0.2)
    stripes = Paint((Stop(0.0, "2956FF"), Stop(0.0, "FFFFFF")), "pattern")
    assert composite([[Stop(0.0, "000000")], stripes.at((1.0, 1.0), box)]) == ["2956FF", "FFFFFF"]
    assert composite([[Stop(0.0, "000000")], [Stop(0.0, "FFFFFF", 0.5)]]) == ["808080"]


CHART_DEPARTMENT = (
    MINIMAL_DEPARTMENT
    + """\
add:
  - after: concerns
    slides:
      - kind: chart
        title: Anfragen über die Kanäle
        chart:
          type: column
          categories: [Q1, Q2, Q3]
          series:
            - {name: Ziel, values: [10, 20, 30]}
            - {name: Ist, values: [8, 22, 25]}
"""
)


def test_chart_series_stand_out_from_the_slide(tmp_path: Path) -> None:
    """A template whose first accents are its background's colour (Yellow Idea: a yellow slide,
    a yellow accent 1) drew bars no one could see. Each series takes an accent that stands out
    from the slide by 3:1 (WCAG's non-text contrast), or one made darker or lighter until it
    does, still as a theme colour."""
    project = minimal_project(tmp_path / "project", sales=CHART_DEPARTMENT)
    (project / "themes" / "plain").mkdir(parents=True)
    (project / "themes" / "plain" / "theme.yaml").write_text(  # modern's content slides: white
        "extends: modern\ncolors:\n  accent1: 'FFFFFF'\n  accent2: 'FFFFFF'\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["--project", str(project), "build", "sales", "--theme", "plain", "-q"]
    )
    assert result.exit_code == 0, result.output
    deck = Presentation(str(project / "build" / "sales.pptx"))
    (frame,) = [s for slide in deck.slides for s in slide.shapes if s.has_chart]
    palette = palette_of(frame.part.slide_layout)
    assert palette.background == "FFFFFF"
    fills = [
        colour_of(series._element.find(f"{qn('c:spPr')}/{qn('a:solidFill')}")[0], palette)
        for series in frame.chart.plots[0].series
    ]
    assert len(fills) == 2
    for fill in fills:
        assert fill is not None and contrast(fill, palette.background) >= 3.0, fills
    assert fills[0] != fills[1]
