"""Typography by locale, and soft hyphens only where a word is wider than its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.cli import cli
from deckgen.markup import SOFT_HYPHEN
from deckgen.paginate import ThemeFonts
from deckgen.paginate.measure import (
    ParagraphStyle,
    count_lines,
    needed_hyphens_only,
    text_width,
    unbroken_size,
)
from deckgen.typography import keep_units, plain, quoted, typeset
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project

SHY = SOFT_HYPHEN
FONTS = ThemeFonts()
STYLE = ParagraphStyle("Carlito", 20)
COMPOUND = f"Stö{SHY}rungs{SHY}mel{SHY}dung"


def test_long_german_compounds_get_the_hyphenation_points_of_the_locale() -> None:
    assert typeset("Die Störungsmeldung kommt", "de") == f"Die {COMPOUND} kommt"
    assert typeset("Veröffentlichungsgenehmigung", "de") == SHY.join(
        ["Ver", "öf", "fent", "li", "chungs", "ge", "neh", "mi", "gung"]
    )
    assert typeset("Die Meldung kommt", "de") == "Die Meldung kommt"  # short words stay whole


def test_numbers_keep_their_units_and_quotes_follow_the_locale() -> None:
    assert keep_units("+40 % in 24 h, 3 Mio. € und 5 min") == (
        "+40\u00a0% in 24\u00a0h, 3\u00a0Mio.\u00a0€ und 5\u00a0min"
    )
    assert quoted("Das macht Arbeit.", "de") == "\u201eDas macht Arbeit.\u201c"
    assert quoted('"That is work."', "en-US") == "\u201cThat is work.\u201d"


def test_a_word_that_fits_its_line_is_measured_whole_and_loses_its_soft_hyphens() -> None:
    whole = text_width("Störungsmeldung", FONTS.face("Carlito"), 20)
    width = whole + 5  # the word fits a line, but not after "vor jeder"
    text = f"vor jeder {COMPOUND} kommt"
    # "vor jeder" / "Störungsmeldung" / "kommt", not "vor jeder Störungs-" / "meldung kommt"
    assert count_lines(text, STYLE, width, FONTS) == 3
    assert needed_hyphens_only(text, STYLE, width, FONTS) == "vor jeder Störungsmeldung kommt"


def test_a_word_wider_than_its_line_keeps_them_and_breaks_at_them() -> None:
    whole = text_width("Störungsmeldung", FONTS.face("Carlito"), 20)
    width = whole * 0.7
    text = f"die {COMPOUND} und die {COMPOUND.replace(SHY, '')}"
    kept = needed_hyphens_only(f"die {COMPOUND} und **{COMPOUND}**", STYLE, width, FONTS)
    assert kept == f"die {COMPOUND} und **{COMPOUND}**"
    assert count_lines(f"{COMPOUND}", STYLE, width, FONTS) == 2  # "Störungs-" / "meldung"
    assert needed_hyphens_only(text, STYLE, width, FONTS) == text


def test_a_heading_shrinks_until_its_longest_word_fits_whole() -> None:
    face = FONTS.face("Carlito", bold=True)
    width = text_width("Veröffentlichung", face, 16) + 0.1
    bold = ParagraphStyle("Carlito", 20, bold=True)
    assert unbroken_size(["Thema", "Veröffentlichung"], bold, width, FONTS, 12) == 16
    assert unbroken_size(["Veröffentlichung"], bold, width / 2, FONTS, 12) == 20  # none: as is


def build(root: Path) -> Any:
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0, result.output
    return result, Presentation(str(root / "build" / "sales.pptx"))


def texts(slide: Any) -> list[str]:
    return [
        run.text
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]


def test_in_a_deck_only_words_wider_than_their_box_keep_soft_hyphens(tmp_path: Path) -> None:
    department = MINIMAL_DEPARTMENT.replace(
        "concerns:\n  - concern: Das macht Arbeit.",
        "concerns:\n  - concern: Die Störungsmeldung macht Arbeit.",
    ).replace(
        "  - title: Nähe\n",
        "  - title: Nähe\n  - title: Ihr Team\n  - title: Ein Weg\n"
        "  - title: Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung\n",
    )
    _, deck = build(minimal_project(tmp_path, sales=department))
    shown = [text for slide in deck.slides for text in texts(slide)]
    assert any("\u201eDie Störungsmeldung macht Arbeit.\u201c" in t for t in shown)
    cards = next(s for s in deck.slides if "Grundstücks" in plain(" ".join(texts(s))))
    long_title = next(t for t in texts(cards) if "Grundstücks" in plain(t))
    assert SHY in long_title  # wider than its card: it breaks at the locale's points
    assert (
        plain(long_title) == "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung"
    )
    assert not [t for t in shown if SHY in t and "Grundstücks" not in plain(t)]


def test_the_overview_of_concerns_links_every_word_so_libreoffice_wraps_it(tmp_path: Path) -> None:
    department = MINIMAL_DEPARTMENT.replace(
        "next_steps:",
        "  - concern: Wenn die Kanäle schneller sind als wir, wirken wir uninformiert.\n"
        "    answer: Die Netzleitstelle meldet zuerst.\nnext_steps:",
    )
    _, deck = build(minimal_project(tmp_path, sales=department))
    overview = next(s for s in deck.slides if s.shapes.title.text.startswith("Ihre Bedenken"))
    body = next(p for p in overview.placeholders if p.placeholder_format.idx != 0)
    last = [p for p in body.text_frame.paragraphs if p.runs][-1]
    words = [run.text for run in last.runs]
    assert (
        "".join(words)
        == "\u201eWenn die Kanäle schneller sind als wir, wirken wir uninformiert.\u201c"
    )
    assert words[:3] == ["\u201eWenn ", "die ", "Kanäle "]
    targets = {run.font._rPr.find(qn("a:hlinkClick")).get(qn("r:id")) for run in last.runs}
    assert len(targets) == 1  # every word jumps to the same answer
    answer = overview.part.related_part(targets.pop())
    assert answer.slide.shapes.title.text.startswith("\u201eWenn die Kanäle")


def test_card_texts_that_do_not_fit_go_to_the_notes(tmp_path: Path) -> None:
    label = "Anfragen von Betrieben aus der ganzen Region im ersten Jahr nach dem Start"
    benefits = "".join(
        f"  - title: Ein ziemlich langer Nutzen Nummer {n} für den Vertrieb\n"
        f"    text: Betriebe finden uns dort, wo sie sich informieren, Nummer {n}.\n"
        f"    figure: {{value: '+{n}0 %', label: {label}}}\n"
        for n in range(1, 7)
    )
    department = MINIMAL_DEPARTMENT.replace(
        "benefits:\n  - title: Mehr Anfragen\n    text: Kunden finden uns\n"
        "  - title: Nähe\n    text: Wir sind sichtbar\n",
        f"benefits:\n{benefits}",
    )
    result, deck = build(minimal_project(tmp_path, sales=department))
    cards = next(s for s in deck.slides if s.shapes.title.text == "Was Sie davon haben")
    number = list(deck.slides).index(cards) + 1
    assert (
        f"content/departments/sales.yaml:4:5: slide {number}: the texts of the cards do not fit at "
        "a readable size; they are in the notes"
    ) in result.output
    assert "Was Sie davon haben (Fortsetzung)" not in [s.shapes.title.text for s in deck.slides]
    shown = plain(" ".join(texts(cards)))
    assert "Ein ziemlich langer Nutzen Nummer 6 für den Vertrieb" in shown
    assert "wo sie sich informieren" not in shown
    notes = cards.notes_slide.notes_text_frame.text
    for n in range(1, 7):
        assert f"Betriebe finden uns dort, wo sie sich informieren, Nummer {n}." in notes
    assert SHY not in notes


@pytest.mark.parametrize("locale", ["de", "en"])
def test_a_talk_longer_than_its_duration_is_a_warning_naming_the_longest_slides(
    tmp_path: Path, locale: str
) -> None:
    talk = " ".join(["Wort"] * 390)  # three minutes at 130 words a minute
    department = MINIMAL_DEPARTMENT + f"duration: 2\nnotes: {talk}\n"
    root = minimal_project(tmp_path, sales=department)
    settings = root / "deckgen.yaml"
    settings.write_text(settings.read_text() + f"locale: {locale}\n", encoding="utf-8")
    result, _ = build(root)
    lines = [line for line in result.output.splitlines() if "the talk takes" in line]
    assert len(lines) == 1
    where = f"warning: {root}/content/departments/sales.yaml:13:11: "  # duration: 2
    assert lines[0].startswith(where + "the talk takes about 4 minutes at 130 words a minute")
    assert "more than the 2 planned; the longest slides: 1 (3.2 min), " in lines[0]
