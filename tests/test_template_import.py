"""The organisation's own template: graphics, colours, the choice of layouts, the safe area,
the template map and the test build of an import."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn

from deckgen.cli import cli
from deckgen.paginate.fonts import ThemeFonts
from deckgen.paginate.geometry import Para, Rect, TextSetting, points
from deckgen.render import oxml
from deckgen.render.oxml.graphics import palette_of, text_colour
from deckgen.render.oxml.plates import PLATE_INSETS, plate_of
from deckgen.render.oxml.styles import merged_levels
from deckgen.theme import BUILTIN_THEMES
from deckgen.theme.colours import Palette, contrast, drawn_colours, needed_contrast
from deckgen.theme.graphics import GraphicsMap, Mark, PictureFill, busy_cells, plate_colour
from tests.rendered import tools_missing

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "templates"
MODERN = BUILTIN_THEMES / "modern" / "template.pptx"
W, H = 12192000, 6858000  # 16:9
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(project: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--project", str(project), *args])


def box(left: int, top: int, width: int, height: int, fill: str | None = "112233") -> Mark:
    points = ((left, top), (left + width, top), (left + width, top + height), (left, top + height))
    return Mark(tuple((float(x), float(y)) for x, y in points), fill)


# -- graphics and colours --


def test_graphics_cover_and_leave_the_largest_free_rectangle() -> None:
    graphics = GraphicsMap(W, H, [box(0, 0, W // 2, H)])  # the left half is a coloured band
    placeholder = Rect(0, H // 4, W, H // 2)
    assert graphics.covered(placeholder) == pytest.approx(0.5, abs=0.02)
    free = graphics.free_rect(placeholder)
    assert free is not None
    assert free.left == pytest.approx(W // 2, rel=0.02)
    assert free.right == placeholder.right and free.height == placeholder.height


def test_a_mark_under_the_whole_placeholder_is_its_plate() -> None:
    band = box(0, 0, W, H // 3, fill="1ABC9C")
    graphics = GraphicsMap(W, H, [band])
    title = Rect(W // 10, H // 20, W // 2, H // 5)
    assert graphics.plate(title) == 0
    assert graphics.covered(title) == 0.0
    assert graphics.background_of(title, "FFFFFF") == "1ABC9C"
    assert graphics.background_of(Rect(0, H // 2, W, H // 4), "FFFFFF") == "FFFFFF"


def test_contrast_follows_wcag() -> None:
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert needed_contrast(12) == 4.5 and needed_contrast(18) == 3.0
    assert needed_contrast(14, bold=True) == 3.0


def test_drawn_colours_read_on_their_fills_in_a_grey_template() -> None:
    greys = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "000000", "lt2": "F8F8F8"}
    greys |= {f"accent{n}": c for n, c in enumerate(["DDDDDD", "B2B2B2", "969696"], 1)}
    greys |= {"accent4": "808080", "accent5": "5F5F5F", "accent6": "4D4D4D"}
    palette = Palette(greys)
    colours = drawn_colours(palette)
    card = palette.tone(colours.card_fill)
    for tone in colours.card_values:
        assert contrast(palette.tone(tone), card) >= 4.5, tone
    header = palette.tone(colours.header_fill)
    assert contrast(palette.tone(colours.header_text), header) >= 4.5


def test_drawn_colours_on_a_dark_master() -> None:
    scheme = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F2A36", "lt2": "E7E6E6"}
    scheme |= {f"accent{n}": "4472C4" for n in range(1, 7)}
    palette = Palette(scheme, {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}, "000000")
    colours = drawn_colours(palette)
    assert contrast(palette.tone(colours.chart_text), "000000") >= 4.5
    assert contrast(palette.tone(colours.card_label), palette.tone(colours.card_fill)) >= 4.5


# -- import of real templates made by others --


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    root = tmp_path / "examples"
    root.mkdir()
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.potx")))
def test_every_kind_is_mapped_and_every_example_department_builds(
    examples: Path, name: str
) -> None:
    imported = run(examples, "theme", "import", str(FIXTURES / f"{name}.potx"), "--name", name,
                   "--no-check")  # fmt: skip
    assert imported.exit_code == 0, imported.output
    assert "not mapped" not in imported.stdout
    built = run(examples, "build", "--all", "--theme", name, "-j", "1")
    assert built.exit_code == 0, built.output
    for deck in (examples / "build").glob("*.pptx"):
        presentation = Presentation(str(deck))
        assert len(presentation.slides) >= 15, deck.name


def test_three_layout_template_puts_two_columns_side_by_side(examples: Path) -> None:
    source = FIXTURES / "icon-core-consulting.potx"
    assert (
        run(examples, "theme", "import", str(source), "--name", "icon", "--no-check").exit_code == 0
    )
    manifest = (examples / "themes" / "icon" / "theme.yaml").read_text(encoding="utf-8")
    # the layout with a small lead line over one large text area is not a two-column layout
    assert "the two columns share the text area, side by side" in manifest
    assert run(examples, "build", "sales", "--theme", "icon").exit_code == 0
    deck = Presentation(str(examples / "build" / "sales.pptx"))
    slide = next(s for s in deck.slides if "Nachbarkreis" in s.shapes.title.text_frame.text)
    columns = sorted(
        (s for s in slide.shapes if s.has_text_frame and s != slide.shapes.title
         and s.text_frame.text.startswith("Was ")),
        key=lambda s: s.left,
    )  # fmt: skip
    assert [c.text_frame.paragraphs[0].text for c in columns] == ["Was sie tun", "Was es bringt"]
    left, right = columns
    assert left.left + left.width <= right.left
    assert left.top == right.top and left.height == right.height


def test_key_figures_read_on_their_cards_in_a_grey_template(examples: Path) -> None:
    source = FIXTURES / "icon-core-consulting.potx"
    assert (
        run(examples, "theme", "import", str(source), "--name", "icon", "--no-check").exit_code == 0
    )
    assert run(examples, "build", "sales", "--theme", "icon").exit_code == 0
    deck = Presentation(str(examples / "build" / "sales.pptx"))
    scheme = {"accent4": "808080", "accent5": "5F5F5F", "accent6": "4D4D4D", "lt2": "F8F8F8"}
    values = [
        shape.text_frame.paragraphs[0].runs[0].font.color
        for slide in deck.slides
        if slide.shapes.title is not None and "davon haben" in slide.shapes.title.text_frame.text
        for shape in slide.shapes
        if shape.has_text_frame and shape.fill.type is not None and shape.text_frame.text
    ]
    slots = [str(c.theme_color).split()[0].lower().replace("accent_", "accent") for c in values]
    accents = [slot for slot in slots if slot.startswith("accent")]
    data = yaml.safe_load((examples / "content/departments/sales.yaml").read_text(encoding="utf-8"))
    assert len(accents) == sum(1 for b in data["benefits"] if b.get("figure"))
    for slot in accents:
        assert slot in scheme, slot
        assert contrast(scheme[slot], scheme["lt2"]) >= 4.5, slot


# -- safe area and contrast fixes, on templates made here --


def template_with_band(path: Path, text_colour: str | None = None) -> Path:
    """The modern template with a coloured band over the left half of the text area of every
    layout, and optionally the 'Bullets' body's text in ``text_colour``."""
    presentation = Presentation(str(MODERN))
    layout = next(x for x in presentation.slide_layouts if x.name == "Bullets")
    body = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
    scratch = presentation.slides.add_slide(layout)  # layouts cannot add shapes; slides can
    for each in presentation.slide_layouts:
        for area in each.placeholders:
            if area.placeholder_format.idx == 0 or area.width is None:
                continue
            band = scratch.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, area.left, area.top, area.width // 2, area.height
            )
            band.fill.solid()
            band.fill.fore_color.rgb = RGBColor(0xCC, 0x33, 0x00)
            each.shapes._spTree.insert(2, band._element)  # behind the layout's placeholders
    if text_colour is not None:
        styles = body._element.find(".//" + qn("a:lstStyle"))
        styles.append(
            etree.fromstring(
                f'<a:lvl1pPr xmlns:a="{A}"><a:defRPr><a:solidFill><a:srgbClr val="{text_colour}"/>'
                "</a:solidFill></a:defRPr></a:lvl1pPr>"
            )
        )
    buffer = io.BytesIO()
    presentation.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_text_is_kept_in_the_free_part_of_a_placeholder(project: Path, tmp_path: Path) -> None:
    source = template_with_band(tmp_path / "band.pptx")
    imported = run(project, "theme", "import", str(source), "--name", "band", "--no-check")
    assert imported.exit_code == 0, imported.output
    chosen = next(line for line in imported.stdout.splitlines() if "  bullets " in line)
    layout_name = chosen.split("'")[1]
    assert any(
        line.startswith(f"layout '{layout_name}': ") and "text is kept in its free part" in line
        for line in imported.stdout.splitlines()
    ), imported.stdout
    assert run(project, "build", "sales", "--theme", "band").exit_code == 0
    deck = Presentation(str(project / "build" / "sales.pptx"))
    slide = next(s for s in deck.slides if s.slide_layout.name == layout_name)
    body = next(p for p in slide.placeholders if p.placeholder_format.idx != 0)
    template = Presentation(str(project / "themes" / "band" / "template.pptx"))
    layout = next(x for x in template.slide_layouts if x.name == layout_name)
    area = next(
        p for p in layout.placeholders if p.placeholder_format.idx == body.placeholder_format.idx
    )
    assert body.left >= area.left + area.width // 2  # beside the band, not on it
    assert body.left + body.width <= area.left + area.width


def test_text_that_would_not_read_gets_a_readable_colour(project: Path, tmp_path: Path) -> None:
    source = template_with_band(tmp_path / "pale.pptx", text_colour="FFFFFF")  # white on white
    imported = run(project, "theme", "import", str(source), "--name", "pale", "--no-check")
    assert imported.exit_code == 0, imported.output
    assert "layout 'Bullets', Text: text in tx1 (#FFFFFF on #FFFFFF was 1.0:1)" in imported.stdout
    template = Presentation(str(project / "themes" / "pale" / "template.pptx"))
    layout = next(x for x in template.slide_layouts if x.name == "Bullets")
    body = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
    colour = body._element.find(
        ".//" + qn("a:lvl1pPr") + "/" + qn("a:defRPr") + "//" + qn("a:schemeClr")
    )
    assert colour.get("val") == "tx1"


# -- the template map and the test build --


def test_theme_map_labels_every_placeholder_of_every_layout(project: Path) -> None:
    result = run(project, "theme", "map", "modern", "--out", str(project / "map.pptx"))
    assert result.exit_code == 0, result.output
    deck = Presentation(str(project / "map.pptx"))
    template = Presentation(str(MODERN))
    assert [s.slide_layout.name for s in deck.slides] == [x.name for x in template.slide_layouts]
    bullets = next(s for s in deck.slides if s.slide_layout.name == "Bullets")
    texts = [s.text_frame.text for s in bullets.shapes if s.has_text_frame]
    assert "idx 1 · BODY · 'Content Placeholder 2' → bullets.body" in texts or any(
        t.startswith("idx 1 · ") and "bullets.body" in t for t in texts
    ), texts
    assert any(t.startswith("layout 'Bullets' · master 1 · used by: ") for t in texts)


def test_import_ends_with_a_test_build(project: Path, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # no LibreOffice: the rendered check says so
    source = FIXTURES / "ai-sns-template.potx"
    result = run(project, "theme", "import", str(source), "--name", "sns")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("test build: "))
    assert lines[start].startswith("test build: 'sales' on the new theme, ")
    assert lines[-1].startswith("no rendered check: LibreOffice is not installed")


@pytest.mark.render
@pytest.mark.skipif(bool(tools_missing()), reason=tools_missing() or "ok")
def test_import_renders_its_test_build_with_libreoffice(project: Path) -> None:
    source = FIXTURES / "ai-sns-template.potx"
    result = run(project, "theme", "import", str(source), "--name", "sns")
    assert result.exit_code == 0, result.output
    last = result.stdout.splitlines()[-1]
    assert last.startswith("rendered with LibreOffice (") and "slides); look at " in last, last
    sheet = Path(last.rpartition("look at ")[2])
    sheet = sheet if sheet.is_absolute() else project / sheet
    assert sheet.name == "contact-sheet.png" and sheet.stat().st_size > 10_000


# -- plates under text on busy pictures --


def _noise(size: tuple[int, int] = (320, 180), busy: bool = True) -> bytes:
    """A PNG: specks of black and white (a busy texture), or a plain light grey."""
    image = Image.new("RGB", size, (235, 235, 235))
    if busy:
        generator = random.Random(7)
        pixels = image.load()
        for _ in range(size[0] * size[1] // 6):
            x, y = generator.randrange(size[0]), generator.randrange(size[1])
            pixels[x, y] = (0, 0, 0) if generator.random() < 0.5 else (255, 255, 255)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def template_with_background(path: Path, busy: bool = True) -> Path:
    """The modern template with a picture as every master's background: a speckled texture or a
    plain one."""
    presentation = Presentation(str(MODERN))
    for master in presentation.slide_masters:
        _, rid = master.part.get_or_add_image_part(io.BytesIO(_noise(busy=busy)))
        data = master._element.find(qn("p:cSld"))
        old = data.find(qn("p:bg"))
        if old is not None:
            data.remove(old)
        data.insert(
            0,
            etree.fromstring(
                f'<p:bg xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"><p:bgPr><a:blipFill>'
                f'<a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></a:blipFill>'
                "<a:effectLst/></p:bgPr></p:bg>"
            ),
        )
        for layout in master.slide_layouts:
            own = layout._element.find(qn("p:cSld")).find(qn("p:bg"))
            if own is not None:
                own.getparent().remove(own)
    buffer = io.BytesIO()
    presentation.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_busy_cells_of_a_texture_and_of_a_plain_picture() -> None:
    busy = busy_cells(_noise(), (0.0, 0.0, 0.0, 0.0), None, (32, 18))
    plain = busy_cells(_noise(busy=False), (0.0, 0.0, 0.0, 0.0), None, (32, 18))
    assert busy is not None and plain is not None
    assert busy.histogram()[255] == 32 * 18  # specks everywhere
    assert plain.histogram()[0] == 32 * 18  # a plain surface leaves room for text


def test_a_picture_counts_only_where_it_is_busy_and_a_tint_hides_nothing() -> None:
    whole = box(0, 0, W, H, fill=None)
    busy = Mark(whole.outline, None, "picture", picture=PictureFill(_noise()))
    plain = Mark(whole.outline, None, "picture", picture=PictureFill(_noise(busy=False)))
    tint = Mark(whole.outline, "0D84A1", "shape", translucent=True)
    area = Rect(W // 10, H // 4, W // 2, H // 2)
    assert GraphicsMap(W, H, [busy]).covered(area) > 0.9
    assert GraphicsMap(W, H, [plain]).covered(area) == 0.0
    assert GraphicsMap(W, H, [busy, tint]).covered(area) > 0.9  # the texture shows through
    assert GraphicsMap(W, H, [busy, box(0, 0, W, H)]).covered(area) == 0.0  # an opaque plate


def test_the_plate_reads_with_the_text_on_it() -> None:
    scheme = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F2A36", "lt2": "E7E6E6"}
    palette = Palette(scheme)
    assert plate_colour(palette, "000000") == "bg1"
    assert plate_colour(palette, "FFFFFF") == "tx1"  # white text: a dark plate
    yellow = Palette(scheme | {"accent1": "F2C02C", "accent2": "CA9A0C"})
    assert plate_colour(yellow, "000000", near="F2C02C") == "accent1"  # as plain as the slide
    assert plate_colour(yellow, "FFFFFF", near="F2C02C") == "tx2"  # white text needs a dark one
    for text in ("000000", "FFFFFF", "777777", "3366CC"):
        slot = plate_colour(palette, text)
        best = max(contrast(palette.colour(s), text) for s in ("bg1", "bg2", "tx1", "tx2"))
        assert contrast(palette.colour(slot), text) >= min(4.5, best), text


def test_text_on_a_busy_background_picture_stands_on_a_plate(project: Path, tmp_path: Path) -> None:
    source = template_with_background(tmp_path / "speckled.pptx")
    imported = run(project, "theme", "import", str(source), "--name", "speckled", "--no-check")
    assert imported.exit_code == 0, imported.output
    assert "or on a plain plate where too little of it is free" in imported.stdout
    built = run(project, "build", "sales", "--theme", "speckled")
    assert built.exit_code == 0, built.output
    deck = Presentation(str(project / "build" / "sales.pptx"))
    plated = 0
    for slide in deck.slides:
        palette = palette_of(slide.slide_layout)
        for shape in slide.placeholders:
            slot = plate_of(shape)
            if slot is None or not shape.has_text_frame or not shape.text_frame.text:
                continue
            plated += 1
            text = text_colour(merged_levels(shape)[0], palette) or palette.colour("tx1")
            assert contrast(text, palette.colour(slot)) >= 4.5, (shape.name, slot)
            body = shape._element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
            assert int(body.get("lIns")) >= PLATE_INSETS["lIns"]
            assert int(body.get("tIns")) >= PLATE_INSETS["tIns"]
    assert plated >= 2  # the title slide's texts at least


def test_a_plain_background_picture_needs_no_plate(project: Path, tmp_path: Path) -> None:
    source = template_with_background(tmp_path / "plain.pptx", busy=False)
    imported = run(project, "theme", "import", str(source), "--name", "plain", "--no-check")
    assert imported.exit_code == 0, imported.output
    assert run(project, "build", "sales", "--theme", "plain").exit_code == 0
    deck = Presentation(str(project / "build" / "sales.pptx"))
    for slide in deck.slides:
        assert not any(plate_of(shape) for shape in slide.placeholders)
        assert not any(shape.name == "Plate" for shape in slide.shapes)


def test_a_footer_lower_than_its_text_gets_text_that_fits(project: Path, tmp_path: Path) -> None:
    """A template's footer box lower than a line of its text: the deck's footer has no insets
    above and below and a size whose line fits the box."""
    presentation = Presentation(str(MODERN))
    low = 150000  # EMU: about 12 pt
    for layout in presentation.slide_layouts:
        for footer in layout.placeholders:
            if footer.placeholder_format.type is not None and "FOOTER" in str(
                footer.placeholder_format.type
            ):
                footer.left, footer.top, footer.width = footer.left, footer.top, footer.width
                footer.height = low
    source = tmp_path / "low.pptx"
    presentation.save(str(source))
    imported = run(project, "theme", "import", str(source), "--name", "low", "--no-check")
    assert imported.exit_code == 0, imported.output
    assert run(project, "build", "sales", "--theme", "low").exit_code == 0
    deck = Presentation(str(project / "build" / "sales.pptx"))
    footers = [
        shape
        for slide in deck.slides
        for shape in slide.placeholders
        if "FOOTER" in str(shape.placeholder_format.type) and shape.text_frame.text
    ]
    assert footers
    for footer in footers:
        body = footer._element.find(qn("p:txBody"))
        size = int(body.find(f"{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}").get("sz"))
        assert body.find(qn("a:bodyPr")).get("tIns") == "0"
        assert size / 100 * 1.2 <= low / 12700


LONG_CONTACT = """\
name: Vertrieb
audience: Außendienst
next_steps:
  - step: Ansprechperson im Innendienst benennen
    who: Vertrieb
    when: Dezember 2026
contact:
  name: Jonas Wendt
  role: Social-Media-Manager, Team Unternehmenskommunikation
  email: jonas.wendt@stadtwerke-lindenau.de
  phone: 03421 6180-245
"""


def test_a_closing_too_long_for_its_low_text_area_takes_the_content_layout(
    project: Path, tmp_path: Path
) -> None:
    """A closing on a title layout whose subtitle is too low for the next step and a contact
    of four lines, even at the smallest size: it goes on the content layout, whose body holds
    the text at its own size, and the build does not warn. A short closing keeps its layout."""
    template = Presentation(str(MODERN))
    title = next(x for x in template.slide_layouts if x.name == "Title")
    subtitle = next(p for p in title.placeholders if p.placeholder_format.idx == 1)
    subtitle.height = 850000  # EMU: about 67 pt, three short lines at 12 pt
    folder = project / "themes" / "low"
    folder.mkdir(parents=True)
    template.save(str(folder / "template.pptx"))
    (folder / "theme.yaml").write_text(
        "name: low\nextends: modern\ntemplate: template.pptx\n"
        "kinds:\n  closing:\n    layout: Title\n    placeholders: {title: 0, text: 1}\n",
        encoding="utf-8",
    )
    (project / "content" / "departments" / "sales.yaml").write_text(LONG_CONTACT, "utf-8")
    (project / "content" / "departments" / "hr.yaml").write_text(
        "name: Personal\naudience: Personalabteilung\n", "utf-8"
    )
    built = run(project, "build", "sales", "hr", "--theme", "low", "-j", "1")
    assert built.exit_code == 0, built.output
    assert "does not fit" not in built.output, built.output

    short = Presentation(str(project / "build" / "hr.pptx")).slides[-1]
    assert short.shapes.title.text_frame.text == "Fragen?"
    assert short.slide_layout.name == "Title"  # its own layout: the text fits there

    deck = Presentation(str(project / "build" / "sales.pptx"))
    closing = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Fragen?")
    assert closing.slide_layout.name == "Bullets"  # the layout of the theme's bullets
    body = next(p for p in closing.placeholders if p.placeholder_format.idx == 1)
    lines = [p.text for p in body.text_frame.paragraphs]
    assert lines[1:] == [
        "Jonas Wendt",
        "Social-Media-Manager, Team Unternehmenskommunikation",
        "jonas.wendt@stadtwerke-lindenau.de",
        "03421 6180-245",
    ]
    assert "Ansprechperson im Innendienst benennen" in lines[0]
    assert not any(r.font.size for p in body.text_frame.paragraphs for r in p.runs)  # not shrunk
    chain = oxml.inheritance_chain(body)
    room = oxml.insets(chain)
    setting = TextSetting(
        width=points(body.width - room["lIns"] - room["rIns"]),
        height=points(body.height - room["tIns"] - room["bIns"]),
        levels=tuple(oxml.level_styles(body, oxml.colours_and_fonts(deck)[1])),
    )
    assert setting.fits([Para(line, bullet=False) for line in lines], ThemeFonts())


def test_text_keeps_away_from_an_edge_and_stands_on_a_plate_over_a_speck() -> None:
    from deckgen.render.template import _safe

    area = Rect(W // 10, H // 4, W // 2, H // 2)
    corner = box(area.left, area.bottom - H // 20, W // 30, H // 20)  # into its lower left corner
    notes: list[str] = []
    rect, plate = _safe(GraphicsMap(W, H, [corner]), area, "Layout", "Text", notes)
    assert not plate and rect != area
    assert rect.width * rect.height >= 0.85 * area.width * area.height
    speck = box(area.left + area.width // 2, area.top + area.height // 2, W // 100, H // 100)
    rect, plate = _safe(GraphicsMap(W, H, [speck]), area, "Layout", "Text", notes)
    assert plate and rect == area  # the text cannot move away from it: a plate hides it
    texture = Mark(box(0, 0, W, H).outline, None, "picture", PictureFill(_noise()))
    rect, plate = _safe(GraphicsMap(W, H, [texture]), area, "Layout", "Text", notes)
    assert plate and rect == area
    assert notes and "its text stands on a plain plate" in notes[-1]


def test_a_placeholder_running_past_the_slide_is_set_in_its_part_on_the_slide(
    project: Path, tmp_path: Path
) -> None:
    """A template whose title subtitle runs far below the slide's foot: deckgen measures and
    writes the placeholder by its part on the slide, so the text set there ends on the page,
    and the build does not warn. Fitted into the whole placeholder, text there (a closing's
    contact, in one template) was drawn below the slide."""
    presentation = Presentation(str(MODERN))
    height = int(presentation.slide_height)
    layout = next(x for x in presentation.slide_layouts if x.name == "Title")
    subtitle = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
    subtitle.left, subtitle.top, subtitle.width = subtitle.left, subtitle.top, subtitle.width
    subtitle.height = height  # its foot half a slide below the slide's, past a footer's reach
    assert subtitle.top + subtitle.height > height * 3 // 2
    source = tmp_path / "tall.pptx"
    presentation.save(str(source))
    imported = run(project, "theme", "import", str(source), "--name", "tall", "--no-check")
    assert imported.exit_code == 0, imported.output
    theme = yaml.safe_load((project / "themes" / "tall" / "theme.yaml").read_text("utf-8"))
    title = theme["kinds"]["title"]
    assert title["layout"] == "Title" and title["placeholders"]["subtitle"] == 1, title

    built = run(project, "build", "sales", "--theme", "tall", "-j", "1")
    assert built.exit_code == 0, built.output
    assert "does not fit" not in built.output, built.output
    deck = Presentation(str(project / "build" / "sales.pptx"))
    shapes = [
        shape
        for slide in deck.slides
        if slide.slide_layout.name == "Title"
        for shape in slide.placeholders
        if shape.placeholder_format.idx == 1 and shape.text_frame.text
    ]
    assert shapes, [s.slide_layout.name for s in deck.slides]
    for shape in shapes:  # a position of deckgen's own, inside the slide
        assert shape._element.spPr.find(qn("a:xfrm")) is not None, shape.text_frame.text
        assert shape.top >= 0 and shape.top + shape.height <= height, shape.text_frame.text


@pytest.mark.parametrize(
    ("title_top", "above"),
    [(500_000, False), (2_400_000, False), (3_600_000, True), (5_200_000, True)],
)
def test_what_deckgen_draws_goes_where_the_slide_has_room_for_it(
    title_top: int, above: bool
) -> None:
    """Figures and steps drawn on a title-only layout stand below its title; where the title
    stands at the foot of the slide they stand above it, and never run past the slide's foot
    (Portfolio's key figures were set below its low title, off the page)."""
    from deckgen.paginate.geometry import Frame, Rect
    from deckgen.render.template import _content_area

    width, height = 12_192_000, 6_858_000
    title = Frame(Rect(600_000, title_top, 11_000_000, 900_000))
    area = _content_area(width, height, title)
    assert area.top >= 0 and area.bottom <= height
    if above:
        assert area.bottom <= title.rect.top and area.height >= height // 3
    else:
        assert area.top >= title.rect.bottom
