"""Render a deck with every slide kind and re-open it as a presenter's PowerPoint would."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from deckgen.cli import cli
from deckgen.typography import plain

FIXTURE = Path(__file__).parent / "fixtures" / "every-kind"


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("render") / "every-kind"
    shutil.copytree(FIXTURE, root)
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("sales.pptx (24 slides)")
    return Presentation(str(root / "build" / "sales.pptx"))


def texts(slide: Any) -> list[str]:
    return [
        plain(s.text_frame.text) for s in slide.shapes if s.has_text_frame and s.text_frame.text
    ]


def title(slide: Any) -> str:
    return plain(slide.shapes.title.text_frame.text) if slide.shapes.title is not None else ""


def test_slides_use_the_layout_of_their_kind(deck: Any) -> None:
    layouts = [slide.slide_layout.name for slide in deck.slides]
    assert layouts == [
        "Title",
        "Agenda",
        "Section",
        "Bullets",
        "Section",
        "Key Figures",
        "Bullets",
        "Concern",
        "Image",
        "Two Columns",
        "Quote",
        "Key Figures",
        "Content",
        "Content",
        "Content",
        "Section",
        "Content",
        "Content",
        "Quote",
        "Two Columns",
        "Content",
        "Bullets",
        "Closing",
        "Concern",
    ]


def test_deck_is_widescreen(deck: Any) -> None:
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)


def test_title_slide_shows_deck_title_and_department(deck: Any) -> None:
    slide = deck.slides[0]
    assert texts(slide)[:2] == ["Gemeinsam auf Social Media", "Vertrieb · 26. November 2026"]


def test_agenda_lists_the_sections(deck: Any) -> None:
    body = deck.slides[1].placeholders[1].text_frame
    assert [p.text for p in body.paragraphs] == [
        "Warum wir auf Social Media gehen",
        "Was Vertrieb davon hat",
        "Ihre Bedenken – unsere Antworten",
        "So machen es andere",
        "Woran wir Erfolg messen",
        "So arbeiten wir zusammen",
        "Leitlinie",
        "Nächste Schritte",
        "Kontakt",
    ]


def test_no_placeholder_is_left_empty(deck: Any) -> None:
    for number, slide in enumerate(deck.slides, start=1):
        for placeholder in slide.placeholders:
            kind = placeholder.placeholder_format.type
            if kind == PP_PLACEHOLDER.SLIDE_NUMBER:
                continue
            assert placeholder.text_frame.text.strip(), (number, placeholder.name)


def test_bullets_have_two_levels_and_real_emphasis(deck: Any) -> None:
    body = deck.slides[3].placeholders[1].text_frame
    assert [(p.level, plain(p.text)) for p in body.paragraphs] == [
        (0, "Nähe zu Kundinnen und Kunden"),
        (0, "Fachkräfte gewinnen"),
        (1, "Ausbildung"),
        (1, "Quereinstieg"),
    ]
    runs = body.paragraphs[0].runs
    assert [(r.text, r.font.bold, r.font.italic) for r in runs] == [
        ("Nähe zu ", None, None),
        ("Kundinnen", True, None),
        (" und ", None, None),
        ("Kunden", None, True),
    ]
    assert "*" not in body.text


def test_notes_keep_their_lists(deck: Any) -> None:
    notes = deck.slides[3].notes_slide.notes_text_frame
    paragraphs = notes.paragraphs
    assert [(p.level, p.text) for p in paragraphs] == [
        (0, "Einleitung."),
        (0, "Punkt eins"),
        (0, "Punkt zwei"),
        (1, "Unterpunkt"),
    ]
    bullets = [p._p.find(qn("a:pPr")).find(qn("a:buChar")) is not None for p in paragraphs]
    assert bullets == [False, True, True, True]


def test_notes_given_as_a_yaml_list_are_a_list(deck: Any) -> None:
    notes = deck.slides[0].notes_slide.notes_text_frame
    assert [p.text for p in notes.paragraphs] == ["Begrüßung", "Vorstellung"]
    assert all(p._p.find(qn("a:pPr")).find(qn("a:buChar")) is not None for p in notes.paragraphs)


def test_every_run_carries_the_deck_language(deck: Any) -> None:
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font._rPr.get("lang") == "de-DE", run.text


def test_footer_and_slide_number(deck: Any) -> None:
    slide = deck.slides[5]
    by_type = {p.placeholder_format.type: p for p in slide.placeholders}
    assert by_type[PP_PLACEHOLDER.FOOTER].text_frame.text == "Stadtwerke Lindenau"  # short_name
    field = by_type[PP_PLACEHOLDER.SLIDE_NUMBER]._element.find(".//" + qn("a:fld"))
    assert field.get("type") == "slidenum"
    assert field.find(qn("a:t")).text == "6"


def test_benefits_are_cards_with_their_figures(deck: Any) -> None:
    slide = deck.slides[5]
    assert title(slide) == "Was Sie davon haben"
    cards = [t for t in texts(slide) if "\n" in t]
    assert cards == [
        "+25 %\nmehr Anfragen\nMehr Anfragen\nKunden finden uns",
        "3x\nmehr Reichweite\nNähe\nWir sind sichtbar",
        "Drei\nx",
        "Vier\ny",
    ]
    # the number keeps its unit on its line
    assert "+25\u00a0%" in next(
        s.text_frame.text for s in slide.shapes if s.has_text_frame and "25" in s.text_frame.text
    )


def test_a_figure_with_a_target_shows_today_and_the_goal(deck: Any) -> None:
    slide = deck.slides[11]
    assert title(slide) == "Woran wir Erfolg messen"
    assert (
        "11.400 \u2192 9.000\nÜberstunden im Jahr\nheute \u2192 Ziel, weniger ist besser"
        in texts(slide)
    )


def test_concerns_overview_links_to_each_answer(deck: Any) -> None:
    slide = deck.slides[6]
    assert title(slide) == "Ihre Bedenken – unsere Antworten"
    points = slide.placeholders[1].text_frame.paragraphs
    assert [plain(p.text) for p in points] == [
        "\u201eDas macht nur Arbeit.\u201c",
        "\u201eUnd wenn es Kritik gibt?\u201c",
    ]
    targets = []
    for point in points:
        links = [run.font._rPr.find(qn("a:hlinkClick")) for run in point.runs]
        assert len(links) == len(point.text.split())  # a linked run per word
        assert {link.get("action") for link in links} == {"ppaction://hlinksldjump"}
        assert len({link.get(qn("r:id")) for link in links}) == 1
        targets.append(slide.part.related_part(links[0].get(qn("r:id"))))
    assert targets == [deck.slides[7].part, deck.slides[23].part]


def test_concern_is_the_headline_with_a_counter(deck: Any) -> None:
    slide = deck.slides[7]
    assert title(slide) == "\u201eDas macht nur Arbeit.\u201c"
    assert slide.placeholders[13].text_frame.text == "Bedenken 1/2"
    answer = slide.placeholders[14].text_frame.paragraphs
    assert [(p.level, plain(p.text)) for p in answer] == [
        (0, "Nein, die Redaktion übernimmt das Schreiben."),
        (1, "Eine Stunde im Monat"),
        (1, "Eine Ansprechperson"),
    ]


def test_a_backup_concern_is_a_hidden_last_slide(deck: Any) -> None:
    slides = list(deck.slides)
    assert [s._element.get("show") for s in slides].count("0") == 1
    assert slides[-1]._element.get("show") == "0"
    assert title(slides[-1]) == "\u201eUnd wenn es Kritik gibt?\u201c"


def test_the_ask_is_a_decision_slide_before_the_closing(deck: Any) -> None:
    slide = deck.slides[21]
    assert title(slide) == "Worum wir Sie bitten"
    body = slide.placeholders[1].text_frame.paragraphs
    assert [plain(p.text) for p in body] == [
        "Zwei Stellen für die Redaktion",
        "Budget: 12.000 € im Jahr",
        "Personalbedarf: zwei Vollzeitstellen",
        "Entscheidung bis: März 2027",
    ]
    assert body[0]._p.find(qn("a:pPr")).find(qn("a:buNone")) is not None  # the lead, no bullet
    assert slide.notes_slide.notes_text_frame.text == "Darum bitte ich Sie heute."


def test_charts_speak_the_decks_language(deck: Any) -> None:
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                assert shape.chart._chartSpace.find(qn("c:lang")).get("val") == "de-DE"


def test_image_is_a_picture_inside_its_frame(deck: Any) -> None:
    slide = deck.slides[8]
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    frame = next(p for p in slide.slide_layout.placeholders if p.placeholder_format.idx == 13)
    picture = pictures[0]
    assert picture.left >= frame.left and picture.top >= frame.top
    assert picture.left + picture.width <= frame.left + frame.width + 1
    assert picture.top + picture.height <= frame.top + frame.height + 1


def test_charts_are_native_with_their_data(deck: Any) -> None:
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert [c.chart_type for c in charts] == [51, 5, 65]  # column, pie, line with markers
    column = charts[0]
    assert list(column.plots[0].categories) == ["Q1", "Q2", "Q3", "Q4"]
    assert list(column.series[0].values) == [10.0, 20.0, 30.0, 40.0]
    fill = column.series[0].format.fill.fore_color
    assert fill.theme_color == 5  # accent 1: colours come from the template's scheme


def test_table_has_header_and_rows(deck: Any) -> None:
    slide = deck.slides[20]
    table = next(s.table for s in slide.shapes if s.has_table)
    cells = [[table.cell(r, c).text for c in range(3)] for r in range(3)]
    assert cells == [
        ["Schritt", "Wer", "Bis wann"],
        ["Themen sammeln", "Vertrieb", "Januar"],
        ["Profil anlegen", "", ""],
    ]


def test_closing_slide_shows_the_shared_contact(deck: Any) -> None:
    slide = deck.slides[22]
    assert title(slide) == "Fragen?"
    step = "Ihr nächster Schritt: Themen sammeln (bis Januar)"
    assert plain(slide.placeholders[13].text_frame.text) == step  # the department's own step
    contact = slide.placeholders[14].text_frame
    assert [plain(p.text) for p in contact.paragraphs] == [
        "Anna Beispiel",
        "Social-Media-Managerin",
        "anna@example.org",
        "0123 456",
    ]
    assert contact.paragraphs[0].runs[0].font.bold is True


def test_core_properties(deck: Any) -> None:
    properties = deck.core_properties
    assert properties.title == "Gemeinsam auf Social Media: Vertrieb"
    assert properties.author == "Stadtwerke Lindenau GmbH"
    assert properties.subject == "Außendienst"


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    root = tmp_path / "every-kind"
    shutil.copytree(FIXTURE, root)
    runs = []
    for _ in range(2):
        result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
        assert result.exit_code == 0, result.output
        runs.append((root / "build" / "sales.pptx").read_bytes())
        time.sleep(1.1)  # the embedded chart workbooks carry the time they were made
    assert runs[0] == runs[1]


def test_document_dates_are_the_deck_date(deck: Any) -> None:
    assert deck.core_properties.created.isoformat() == "2026-11-26T00:00:00"
    assert deck.core_properties.modified.isoformat() == "2026-11-26T00:00:00"


def test_source_date_epoch_sets_the_file_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "every-kind"
    shutil.copytree(FIXTURE, root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(root / "build" / "sales.pptx"))
    assert deck.core_properties.modified.isoformat() == "2026-01-01T00:00:00"
    # the date on the slides stays the one deckgen.yaml gives
    assert "26. November 2026" in deck.slides[0].placeholders[1].text_frame.text


def test_bar_charts_read_top_to_bottom(tmp_path: Path) -> None:
    root = tmp_path / "every-kind"
    shutil.copytree(FIXTURE, root)
    department = root / "content" / "departments" / "sales.yaml"
    department.write_text(
        department.read_text(encoding="utf-8").replace("type: column", "type: bar"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(root / "build" / "sales.pptx"))
    chart = next(s.chart for slide in deck.slides for s in slide.shapes if s.has_chart)
    assert chart.chart_type == 57  # clustered bar
    assert chart.category_axis.reverse_order is True
