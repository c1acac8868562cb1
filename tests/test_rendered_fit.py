"""Proof on rendered slides: every word of every example deck and of the stress deck lies inside
the shape that holds it, on every built-in theme; and deckgen's measurement agrees with
LibreOffice's. Runs where LibreOffice and pdftotext are installed (.ci/run installs both)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Emu, Pt

from deckgen.cli import cli
from deckgen.paginate import ThemeFonts
from deckgen.paginate.measure import ParagraphStyle, text_height, text_width
from deckgen.render.oxml import drop_slides
from deckgen.theme import BUILTIN_THEMES
from tests.rendered import pdf_words, render_pdfs, tools_missing, words_outside

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(bool(tools_missing()), reason=tools_missing() or "ok"),
]

REPO = Path(__file__).resolve().parent.parent
STRESS = Path(__file__).parent / "fixtures" / "stress"
THEMES = ["modern", "agency", "dark"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Path, Path]]]:
    """Every example deck and the stress deck, on every built-in theme, as .pptx and .pdf."""
    root = tmp_path_factory.mktemp("rendered")
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    result: dict[str, list[tuple[Path, Path]]] = {}
    for theme in THEMES:
        out = root / theme
        for project in (root, STRESS):
            built = CliRunner().invoke(
                cli, ["--project", str(project), "build", "--all", "-q", "--theme", theme,
                      "--out", str(out), "--allow-outside-output"],
            )  # fmt: skip
            assert built.exit_code == 0, built.output
        decks = sorted(out.glob("*.pptx"))
        render_pdfs(decks, out)
        result[theme] = [(deck, deck.with_suffix(".pdf")) for deck in decks]
    return result


@pytest.mark.parametrize("theme", THEMES)
def test_no_word_outside_its_box(rendered: dict[str, list[tuple[Path, Path]]], theme: str) -> None:
    decks = rendered[theme]
    assert len(decks) == 8  # seven departments and the stress fixture
    outside = [line for deck, pdf in decks for line in words_outside(deck, pdf)]
    assert outside == []


CASES = [
    ("Kurz", 20, 300),
    ("Ein Satz, der nicht ganz auf eine Zeile passen dürfte, wenn der Kasten schmal ist.", 20, 250),
    ("Datenschutzfolgenabschätzung und Auftragsverarbeitungsvereinbarung", 24, 400),
    ("**Fett** und *kursiv* gemischt, damit die Breiten der Schnitte zählen", 18, 200),
    ("Wärmepumpen, Photovoltaik und Fernwärme: die Energiewende in Lindenau erklären", 28, 350),
    ("Viele kleine Wörter in einer langen Reihe, die umbrechen müssen, " * 3, 16, 300),
]


@pytest.mark.parametrize("family", ["Calibri", "DejaVu Sans", "DejaVu Serif"])
def test_measurement_agrees_with_libreoffice(tmp_path: Path, family: str) -> None:
    """Where deckgen predicts that a text fits a box, the rendered text fits it, and it breaks
    into as many lines: in Calibri (measured as Carlito, its metric twin) and in fonts without
    a twin, measured as themselves (LibreOffice installs DejaVu)."""
    fonts = ThemeFonts()
    if family != "Calibri" and fonts.family(family).found != "installed":
        pytest.skip(f"{family} is not installed")
    presentation = Presentation(str(BUILTIN_THEMES / "modern" / "template.pptx"))
    drop_slides(presentation)
    predictions = []
    for text, size, width in CASES:
        style = ParagraphStyle(family, size)
        predicted = text_height([(text, style)], width, fonts)
        slide = presentation.slides.add_slide(presentation.slide_layouts.get_by_name("Blank"))
        box = slide.shapes.add_textbox(Emu(914400), Emu(914400), Pt(width), Pt(predicted))
        frame = box.text_frame
        frame.word_wrap = True
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        from deckgen.paginate.geometry import Para
        from deckgen.render.text import write_paragraphs

        write_paragraphs(frame, [Para(text)], "de-DE")
        for run in frame.paragraphs[0].runs:
            run.font.size = Pt(size)
            run.font.name = family
        predictions.append(predicted)
    deck = tmp_path / "measure.pptx"
    presentation.save(str(deck))
    render_pdfs([deck], tmp_path)
    pages = pdf_words(tmp_path / "measure.pdf")
    for (text, size, _), predicted, words in zip(CASES, predictions, pages, strict=True):
        top = min(w.box[1] for w in words)
        bottom = max(w.box[3] for w in words)
        rendered_lines = len({round(w.box[1]) for w in words})
        predicted_lines = round(predicted / (1.2 * size))
        assert rendered_lines == predicted_lines, text
        # the box starts at 1 inch; word boxes reach about 0.1 sizes below the last line
        assert bottom - 72 <= predicted + 0.2 * size, text
        assert top >= 72 - 1


LINES = [
    "Wärmepumpen, Photovoltaik und Fernwärme in Lindenau",
    "AVATAR Type Today: WAVE, Yesterday, LTA, ToTo, Vorteil",  # pairs that kern
    "Datenschutzfolgenabschätzung Auftragsverarbeitungsvereinbarung",
]


@pytest.mark.parametrize("family", ["Calibri", "DejaVu Sans"])
def test_widths_agree_with_libreoffice(tmp_path: Path, family: str) -> None:
    """A line is as wide as LibreOffice sets it, within 1 %: Pillow shapes and kerns with
    HarfBuzz (its Raqm layout) as LibreOffice does; without Raqm kerned text is up to 5 % off."""
    fonts = ThemeFonts()
    if family != "Calibri" and fonts.family(family).found != "installed":
        pytest.skip(f"{family} is not installed")
    size = 20
    presentation = Presentation(str(BUILTIN_THEMES / "modern" / "template.pptx"))
    drop_slides(presentation)
    for text in LINES:
        slide = presentation.slides.add_slide(presentation.slide_layouts.get_by_name("Blank"))
        frame = slide.shapes.add_textbox(Emu(914400), Emu(914400), Pt(900), Pt(40)).text_frame
        frame.word_wrap = False
        run = frame.paragraphs[0].add_run()
        run.text, run.font.size, run.font.name = text, Pt(size), family
    deck = tmp_path / "widths.pptx"
    presentation.save(str(deck))
    render_pdfs([deck], tmp_path)
    for text, words in zip(LINES, pdf_words(tmp_path / "widths.pdf"), strict=True):
        rendered = max(w.box[2] for w in words) - min(w.box[0] for w in words)
        assert text_width(text, fonts.face(family), size) == pytest.approx(rendered, rel=0.01)
