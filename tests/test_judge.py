"""The judge's own measurements, on images drawn with Pillow: WCAG contrast ratios, the colours
it reads from anti-aliased words, and the rule for words on a template's graphics."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.util import Pt

from tests.judge import (
    DPI,
    Behind,
    GraphicsPage,
    contrast_ratio,
    low_contrast_words,
    on_graphics,
    relative_luminance,
    required_ratio,
    word_contrast,
)
from tests.rendered import Frame, Word, _inked, missing_letters, slide_frames, unseen_words

FONTS = Path(__file__).resolve().parent.parent / "deckgen" / "fonts"
SCALE = DPI / 72  # pixels per point


def font(size_pt: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Liberation Sans (shipped with deckgen) at ``size_pt`` points, rendered at DPI."""
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), round(size_pt * SCALE))


def page_with_word(
    text: str, ink: str, paper: str, size_pt: float = 12, *, bold: bool = False
) -> tuple[Image.Image, Word]:
    """A page with one word drawn at (72, 72) pt, and the word as pdftotext would box it:
    1.3 font sizes high, from the top of the font's ascent."""
    image = Image.new("RGB", (round(400 * SCALE), round(200 * SCALE)), paper)
    draw = ImageDraw.Draw(image)
    face = font(size_pt, bold)
    x, y = 72 * SCALE, 72 * SCALE
    draw.text((x, y), text, fill=ink, font=face)
    width = draw.textlength(text, font=face) / SCALE
    return image, Word(text, (72, 72, 72 + width, 72 + 1.3 * size_pt))


def test_fonts_for_drawing_are_there() -> None:
    assert (FONTS / "LiberationSans-Regular.ttf").is_file()
    assert (FONTS / "LiberationSans-Bold.ttf").is_file()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 0, 0), (255, 255, 255), 21.0),
        ((255, 255, 255), (255, 255, 255), 1.0),
        ((0x77, 0x77, 0x77), (255, 255, 255), 4.48),
        ((255, 255, 255), (0x11, 0xAA, 0x88), 2.94),
        ((255, 255, 255), (0x4F, 0x81, 0xBD), 4.03),
        ((0x76, 0x76, 0x76), (255, 255, 255), 4.54),  # the lightest grey that passes on white
        ((255, 0, 0), (255, 255, 255), 4.0),
    ],
)
def test_contrast_ratio_is_wcag(
    a: tuple[int, int, int], b: tuple[int, int, int], expected: float
) -> None:
    assert contrast_ratio(a, b) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(b, a) == contrast_ratio(a, b)


def test_relative_luminance_linearises_srgb() -> None:
    assert relative_luminance((0, 0, 0)) == 0
    assert relative_luminance((255, 255, 255)) == pytest.approx(1)
    # below the knee the curve is linear: 10/255/12.92
    assert relative_luminance((10, 10, 10)) == pytest.approx(10 / 255 / 12.92)
    assert relative_luminance((128, 128, 128)) == pytest.approx(0.2158, abs=1e-4)


@pytest.mark.parametrize(
    ("ink", "paper", "expected"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#777777", "#ffffff", 4.48),
        ("#ffffff", "#11aa88", 2.94),
        ("#ffffff", "#1f3864", 11.7),
        ("#ffd966", "#ffffff", 1.37),
        ("#595959", "#f2f2f2", 6.3),
    ],
)
@pytest.mark.parametrize(("size", "bold"), [(10, False), (12, False), (12, True), (32, True)])
def test_word_contrast_reads_the_drawn_colours(
    ink: str, paper: str, expected: float, size: float, bold: bool
) -> None:
    """Anti-aliased words of any size: the colours of the ink's core and of the paper."""
    image, word = page_with_word("Kundenbindung", ink, paper, size, bold=bold)
    box = tuple(round(v * SCALE) for v in word.box)
    contrast = word_contrast(image, box)  # type: ignore[arg-type]
    assert contrast is not None
    assert contrast.ratio == pytest.approx(expected, rel=0.03)


def test_word_in_the_colour_of_its_background_has_no_contrast() -> None:
    image, word = page_with_word("unsichtbar", "#ffffff", "#ffffff")
    box = tuple(round(v * SCALE) for v in word.box)
    contrast = word_contrast(image, box)  # type: ignore[arg-type]
    assert contrast is not None
    assert contrast.ratio == 1.0


def test_word_across_two_backgrounds_counts_the_worse() -> None:
    """Black across the edge of a band, white above and #3465a4 below: 3.5:1 against the band."""
    image = Image.new("RGB", (round(400 * SCALE), round(200 * SCALE)), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, round(82 * SCALE), image.width, image.height), fill="#3465a4")
    draw.text((72 * SCALE, 72 * SCALE), "Wasserzeichen", fill="#000000", font=font(16))
    width = draw.textlength("Wasserzeichen", font=font(16)) / SCALE
    box = tuple(round(v * SCALE) for v in (72, 72, 72 + width, 72 + 1.3 * 16))
    contrast = word_contrast(image, box)  # type: ignore[arg-type]
    assert contrast is not None
    assert contrast.text == (0, 0, 0)
    assert contrast.background == (0x34, 0x65, 0xA4)
    assert contrast.ratio == pytest.approx(3.54, abs=0.01)


def test_underlined_line_above_is_not_the_background_of_the_next() -> None:
    """Lines of an underlined link set tight: the underline of the line above runs through the
    ring around a word of the next line, in the words' own grey. It is that line's ink, not
    what the word stands on: #5f5f5f on white is 6.4:1."""
    image = Image.new("RGB", (round(400 * SCALE), round(200 * SCALE)), "#ffffff")
    draw = ImageDraw.Draw(image)
    face = font(20)
    words = []
    for text, top in (("Redakteure", 60.0), ("Zeit", 82.0)):
        draw.text((72 * SCALE, top * SCALE), text, fill="#5f5f5f", font=face)
        width = draw.textlength(text, font=face) / SCALE
        underline = top + 20  # 2 pt thick, just above the next line's box
        draw.rectangle(px(72, underline, 72 + width, underline + 2), fill="#5f5f5f")
        words.append(Word(text, (72, top, 72 + width, top + 1.3 * 20)))
    assert low_contrast_words(image, words) == []
    contrast = word_contrast(image, tuple(round(v * SCALE) for v in words[1].box))  # type: ignore[arg-type]
    assert contrast is not None and contrast.ratio < 4.5  # without the line above known


def test_large_text_needs_three_to_one() -> None:
    """#949494 on white is 3.03:1: fails at 12 pt, passes at 18 pt and more."""
    assert contrast_ratio((0x94, 0x94, 0x94), (255, 255, 255)) == pytest.approx(3.03, abs=0.01)
    small_image, small = page_with_word("Grau", "#949494", "#ffffff", 12)
    large_image, large = page_with_word("Grau", "#949494", "#ffffff", 24)
    assert required_ratio(small) == 4.5
    assert required_ratio(large) == 3.0
    assert [w.text for w, _ in low_contrast_words(small_image, [small])] == ["Grau"]
    assert low_contrast_words(large_image, [large]) == []


def test_word_off_the_page_is_not_judged() -> None:
    image, _ = page_with_word("da", "#000000", "#ffffff")
    assert low_contrast_words(image, [Word("weg", (500, 300, 540, 316))]) == []


# -- words on graphics -----------------------------------------------------------------------------

WIDTH, HEIGHT = 400, 200  # points


def canvas(colour: str = "#ffffff") -> Image.Image:
    return Image.new("RGB", (round(WIDTH * SCALE), round(HEIGHT * SCALE)), colour)


def px(*values: float) -> tuple[int, ...]:
    return tuple(round(v * SCALE) for v in values)


def at(x: float, y: float) -> tuple[float, float]:
    """A point in points, in pixels."""
    return (x * SCALE, y * SCALE)


def judge_page(
    graphics: Image.Image, background: Image.Image, words: list[Word], frames: list[Frame]
) -> list[str]:
    """Draw the words in black on the graphics render (the real render), judge them."""
    real = graphics.copy()
    draw = ImageDraw.Draw(real)
    for word in words:
        draw.text(at(word.box[0], word.box[1] + 1), word.text, fill="#000000", font=font(12))
    page = GraphicsPage.of(real, Behind.of(graphics, background))
    return [w.text for w, _ in on_graphics(words, frames, page)]


def word_at(text: str, x: float, y: float) -> Word:
    return Word(text, (x, y, x + 6 * len(text), y + 15.6))


BODY = Frame((20, 20, 380, 180), "plain triangle logo rule band edge hatch")


def test_words_on_a_plain_background_are_not_on_graphics() -> None:
    white = canvas()
    assert judge_page(white, white, [word_at("plain", 50, 50)], [BODY]) == []
    dark = canvas("#222222")
    assert judge_page(dark, dark, [word_at("plain", 50, 50)], [BODY]) == []


def test_word_on_a_gradient_background_is_not_on_graphics() -> None:
    gradient = canvas()
    draw = ImageDraw.Draw(gradient)
    for x in range(gradient.width):
        shade = 255 - x * 120 // gradient.width
        draw.line([(x, 0), (x, gradient.height)], fill=(shade, shade, 255))
    assert judge_page(gradient, gradient, [word_at("plain", 150, 50)], [BODY]) == []


def test_words_on_a_triangle_a_logo_a_rule_and_a_band_are_on_graphics() -> None:
    background = canvas()
    graphics = canvas()
    draw = ImageDraw.Draw(graphics)
    draw.polygon([px(300, 0), px(400, 0), px(400, 100)], fill="#f28c28")  # a triangle
    draw.rectangle(px(30, 120, 60, 150), fill="#c00000")  # a logo
    draw.line(px(100, 60, 250, 60), fill="#1f3864", width=1)  # a hairline rule
    draw.rectangle(px(0, 165, 400, 200), fill="#3465a4")  # a band at the foot
    words = [
        word_at("triangle", 360, 10),  # wholly on the triangle
        word_at("logo", 35, 125),  # on the logo
        word_at("rule", 150, 52),  # crossed by the rule
        word_at("edge", 150, 158),  # on the band's edge
        word_at("band", 200, 172),  # wholly on the band
        word_at("plain", 150, 90),  # on the white page
    ]
    assert judge_page(graphics, background, words, [BODY]) == [
        "triangle",
        "logo",
        "rule",
        "edge",
        "band",
    ]


def test_word_on_a_background_picture_is_on_graphics() -> None:
    """A background with edges (a pattern, a photo) is a graphic; the words in its plain part
    are not on it."""
    background = canvas()
    draw = ImageDraw.Draw(background)
    for x in range(0, 200 * round(SCALE), 12):
        draw.line([(x, 0), (x, background.height)], fill="#ffd966", width=3)
    words = [word_at("hatch", 50, 50), word_at("plain", 300, 50)]
    assert judge_page(background, background, words, [BODY]) == ["hatch"]


def test_template_text_areas_and_furniture_are_not_judged() -> None:
    """A title on a title bar that carries its whole frame, a footer on its band and the
    template's own words are where the template's designer put them."""
    background = canvas()
    graphics = canvas()
    draw = ImageDraw.Draw(graphics)
    draw.rectangle(px(0, 0, 400, 50), fill="#1f3864")  # a title bar
    draw.rectangle(px(0, 170, 400, 200), fill="#3465a4")  # a footer band
    frames = [
        Frame((20, 10, 380, 40), "title"),  # on the bar
        Frame((20, 175, 200, 195), "footer", furniture=True),
        Frame((220, 175, 380, 195), "Logo", template=True),
        Frame((20, 60, 380, 200), "body reaches band"),  # a body frame down to the foot
    ]
    words = [
        word_at("title", 40, 20),
        word_at("footer", 40, 177),
        word_at("Logo", 240, 177),
        word_at("body", 40, 70),
        word_at("reaches", 100, 70),
        word_at("band", 40, 175),
    ]
    assert judge_page(graphics, background, words, frames) == ["band"]


def test_title_on_a_shaded_title_bar_is_where_the_designer_put_it() -> None:
    """A title bar shaded from light to middle blue (no edge within it) carries the title's
    frame: its words are not judged. A body frame that reaches onto a shaded band at the foot
    is judged word by word, as on a flat band."""
    background = canvas()
    graphics = canvas()
    draw = ImageDraw.Draw(graphics)
    for x in range(graphics.width):  # the bars: from #e0f0ff to #0060c0 across the page
        share = x / graphics.width
        colour = (round(224 - 224 * share), round(240 - 144 * share), round(255 - 63 * share))
        draw.line([(x, 0), (x, round(50 * SCALE))], fill=colour)
        draw.line([(x, round(165 * SCALE)), (x, graphics.height)], fill=colour)
    frames = [Frame((20, 10, 380, 40), "title"), Frame((20, 60, 380, 200), "body")]
    words = [word_at("Titel", 40, 20), word_at("rechts", 300, 20), word_at("Fuss", 300, 172)]
    assert judge_page(graphics, background, words, frames) == ["Fuss"]
    half = [Frame((20, 10, 380, 120), "title reaching far below its bar")]
    assert judge_page(graphics, background, [word_at("Titel", 40, 20)], half) == ["Titel"]


def test_words_on_a_card_the_slide_draws_over_graphics_are_not_on_them() -> None:
    """A card of the slide's own covers the template's band; the words stand on the card."""
    background = canvas()
    graphics = canvas()
    ImageDraw.Draw(graphics).rectangle(px(0, 100, 400, 200), fill="#3465a4")
    real = graphics.copy()
    draw = ImageDraw.Draw(real)
    draw.rectangle(px(40, 80, 200, 190), fill="#eeece1")  # the card
    word = word_at("Karte", 60, 120)
    draw.text(at(60, 121), "Karte", fill="#000000", font=font(12))
    page = GraphicsPage.of(real, Behind.of(graphics, background))
    assert on_graphics([word], [Frame((40, 80, 200, 190), "Karte")], page) == []


def test_card_in_the_colour_of_the_band_beneath_hides_the_band() -> None:
    """The slide highlights a step with a card in the template's yellow, over a white plate
    that hides the template's yellow band: the pixels cannot tell the card from the band, the
    slide's shapes can. Its caption, on the plate over the template's drawing, is black on
    white, whatever the drawing beneath looks like."""
    background = canvas()
    graphics = canvas()
    draw = ImageDraw.Draw(graphics)
    draw.rectangle(px(40, 68, 300, 100), fill="#f2c12e")  # the template's band
    draw.rectangle(px(100, 140, 300, 200), fill="#f2c12e")  # a drawing under the caption
    draw.rectangle(px(200, 150, 280, 190), fill="#ffffff")  # its white inside
    real = graphics.copy()
    draw = ImageDraw.Draw(real)
    draw.rectangle(px(20, 50, 380, 195), fill="#ffffff")  # the plate
    draw.rectangle(px(150, 55, 250, 125), fill="#f2c12e")  # the highlighted card
    draw.text(at(160, 71), "Freigabe", fill="#000000", font=font(12))
    draw.text(at(205, 161), "gibt", fill="#000000", font=font(12))
    card, caption = word_at("Freigabe", 160, 70), word_at("gibt", 205, 160)
    frames = [Frame((150, 55, 250, 125), "Freigabe"), Frame((200, 150, 280, 190), "gibt")]
    covers = [(20.0, 50.0, 380.0, 195.0), (150.0, 55.0, 250.0, 125.0)]
    behind = Behind.of(graphics, background)
    unaware = GraphicsPage.of(real, behind)
    assert [w.text for w, _ in on_graphics([card], frames, unaware)] == ["Freigabe"]
    page = GraphicsPage.of(real, behind, covers=covers)
    assert on_graphics([card, caption], frames, page) == []
    assert low_contrast_words(real, [card, caption], behind=graphics, covers=covers) == []


def test_word_on_a_soft_picture_is_on_graphics_and_on_a_wide_gradient_is_not() -> None:
    """A blurred photograph has no sharp edge, but its shades differ within a letter's height;
    a gradient across the page changes little within it."""
    background = canvas()
    draw = ImageDraw.Draw(background)
    for x in range(background.width):  # navy to magenta across the page
        shade = x * 230 // background.width
        draw.line([(x, 0), (x, background.height)], fill=(shade, 0, 50 + shade // 4))
    for step in range(20):  # a soft red blob: no edge, 6 levels a point
        radius = 20 - step
        colour = (120 + step * 6, 40, 50)
        draw.ellipse(px(300 - radius, 100 - radius, 300 + radius, 100 + radius), fill=colour)
    words = [Word("Verlauf", (20, 40, 260, 80)), word_at("Foto", 285, 92)]
    assert judge_page(background, background, words, [BODY]) == ["Foto"]


def test_words_on_a_panel_over_most_of_the_page_are_not_on_graphics() -> None:
    """A plain panel over most of the page is the page's surface; a band below it is not."""
    background = canvas("#7a3b10")
    graphics = background.copy()
    draw = ImageDraw.Draw(graphics)
    draw.rectangle(px(20, 10, 380, 160), fill="#ff9f00")  # the panel: 72 % of the page
    draw.rectangle(px(0, 170, 400, 190), fill="#1f3864")  # a band
    words = [word_at("panel", 50, 50), word_at("band", 200, 172)]
    assert judge_page(graphics, background, words, [BODY]) == ["band"]


# -- frames of decks made on real templates -------------------------------------------------------


def test_frames_of_placeholders_come_from_their_layout_and_of_grouped_shapes_through_the_group(
    tmp_path: Path,
) -> None:
    """A placeholder without a position of its own takes its layout's; a text box in a group
    that is scaled by half and moved lies where the group puts it."""
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])  # title and content
    title = slide.shapes.title
    assert title is not None
    title.text = "Titel"
    assert title._element.spPr.xfrm is None  # no position of its own: its layout's
    layout_title = presentation.slide_layouts[1].placeholders[0]
    group = slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Pt(0), Pt(0), Pt(200), Pt(100))
    box.text_frame.text = "Gruppe"
    xfrm = group._element.grpSpPr.get_or_add_xfrm()
    xfrm.get_or_add_off().x, xfrm.get_or_add_off().y = Pt(100), Pt(50)
    xfrm.get_or_add_ext().cx, xfrm.get_or_add_ext().cy = Pt(100), Pt(50)
    xfrm.get_or_add_chOff().x, xfrm.get_or_add_chOff().y = 0, 0
    xfrm.get_or_add_chExt().cx, xfrm.get_or_add_chExt().cy = Pt(200), Pt(100)
    deck = tmp_path / "deck.pptx"
    presentation.save(str(deck))
    frames = {f.text: f.box for f in slide_frames(Presentation(str(deck)).slides[0])}
    assert frames["Titel"] == pytest.approx(
        (layout_title.left / 12700, layout_title.top / 12700,
         (layout_title.left + layout_title.width) / 12700,
         (layout_title.top + layout_title.height) / 12700)
    )  # fmt: skip
    assert frames["Gruppe"] == pytest.approx((100, 50, 200, 100))


def test_text_that_runs_off_the_page_is_missing_from_it() -> None:
    """pdftotext reads no word below the page: the lines of a contact that ran past the foot
    of the slide are found by what the page lacks. A title hidden off the page for screen
    readers, a field and a word the renderer hyphenated are not missing."""
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])  # blank
    contact = slide.shapes.add_textbox(Pt(40), Pt(300), Pt(400), Pt(200))
    contact.text_frame.text = "Jonas Wendt\nUnternehmenskommunikation\n03421 6180-245"
    hidden = slide.shapes.add_textbox(Pt(40), Pt(-2000), Pt(400), Pt(100))
    hidden.text_frame.text = "Verborgener Titel"
    page = (presentation.slide_width / 12700, presentation.slide_height / 12700)
    shown = [
        Word("Jonas", (40, 300, 80, 316)),
        Word("Wendt", (84, 300, 130, 316)),
        Word("Unternehmens-", (40, 320, 140, 336)),
        Word("kommunikation", (40, 340, 140, 356)),
    ]
    assert missing_letters(slide, shown, page) == "034216180245"
    assert unseen_words(slide, shown, page) == ["Unternehmenskommunikation", "03421", "6180-245"]
    whole = [*shown, Word("03421", (40, 360, 80, 376)), Word("6180-245", (84, 360, 140, 376))]
    assert missing_letters(slide, whole, page) == ""


def test_a_soft_hyphen_at_a_line_end_is_no_ink() -> None:
    """LibreOffice breaks "Versorgungs..." after "Versor" without drawing the hyphen; the box
    pdftotext gives still holds its advance, which ran 5 pt past the title's frame."""
    word = _inked(Word("Ver\xadsor\xad", (415.95, 167.18, 541.40, 218.66)))
    assert word.box[2] == pytest.approx(541.40 - 0.3 * (218.66 - 167.18) / 1.3)
    plain = Word("Versor", (415.95, 167.18, 532.0, 218.66))
    assert _inked(plain) == plain
