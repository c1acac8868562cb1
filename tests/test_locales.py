"""Locales and words: decks in every language the organisation speaks.

Dates and numbers through Babel (de-AT writes "Jänner", en-US "December 1, 2026"); the run
language follows the locale; built-in words can be replaced in deckgen.yaml; quotation marks
and hyphenation follow the language; `init --locale` and `new` write starter content in it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.cli import cli
from deckgen.commands import starter, starter_en
from deckgen.locale import (
    WORDS,
    check_locale,
    format_date,
    format_number,
    format_percent,
    language_tag,
)
from deckgen.typography import hyphenate, plain, quoted
from tests.helpers import MINIMAL_SETTINGS, minimal_project

DAY = dt.date(2026, 12, 1)


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def slide_texts(path: Path) -> list[str]:
    """Every text of every slide (shapes, groups, tables), as a presenter sees it."""
    deck = Presentation(str(path))
    texts = []

    def collect(shapes: Any) -> None:
        for shape in shapes:
            if shape.shape_type == 6:  # a group
                collect(shape.shapes)
            if shape.has_text_frame:
                texts.append(plain(shape.text_frame.text))
            if getattr(shape, "has_table", False):
                texts.extend(plain(c.text) for row in shape.table.rows for c in row.cells)

    for slide in deck.slides:
        collect(slide.shapes)
    return texts


def languages(path: Path) -> set[str]:
    deck = Presentation(str(path))
    found = set()
    for slide in deck.slides:
        for element in slide.shapes._spTree.iter(qn("a:rPr")):
            found.add(element.get("lang"))
    return found


# -- dates and numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de", "1. Dezember 2026"),
        ("de-AT", "1. Dezember 2026"),
        ("en", "1 December 2026"),
        ("en-GB", "1 December 2026"),
        ("en-US", "December 1, 2026"),
        ("fr", "1 décembre 2026"),
    ],
)
def test_dates_in_each_locale(locale: str, text: str) -> None:
    assert format_date(DAY, locale) == text


def test_austrian_january_is_jaenner() -> None:
    assert format_date(dt.date(2027, 1, 15), "de-AT") == "15. Jänner 2027"
    assert format_date(dt.date(2027, 1, 15), "de") == "15. Januar 2027"


@pytest.mark.parametrize(
    ("locale", "number", "percent"),
    [
        ("de", "1.234.567,5", "25\u00a0%"),
        ("de-AT", "1.234.567,5", "25\u00a0%"),
        ("en-US", "1,234,567.5", "25%"),
        ("en", "1,234,567.5", "25%"),
        ("fr", "1\u202f234\u202f567,5", "25\u00a0%"),
    ],
)
def test_numbers_in_each_locale(locale: str, number: str, percent: str) -> None:
    assert format_number(1234567.5, locale) == number
    assert format_percent(0.25, locale) == percent
    decimal = "," if number.endswith(",5") else "."
    assert format_number(2.5, locale, 2) == f"2{decimal}50"


def test_locales_are_checked_against_babel_and_written_as_tags() -> None:
    assert check_locale("de_at") == "de-AT"
    assert check_locale("en-us") == "en-US"
    assert check_locale("fr") == "fr"
    with pytest.raises(ValueError, match="did you mean 'de-AT'"):
        check_locale("de-AUT")
    assert [language_tag(x) for x in ("de", "en", "fr", "de-CH", "en-US")] == [
        "de-DE",
        "en-GB",
        "fr-FR",
        "de-CH",
        "en-US",
    ]


def settings(locale: str, extra: str = "") -> str:
    text = MINIMAL_SETTINGS.replace("date: 2026-11-26\n", "date: 2027-01-15\n")
    return text + f"locale: {locale}\n" + extra


def test_a_deck_in_de_at_writes_jaenner_and_austrian_numbers_and_says_de_at(
    tmp_path: Path,
) -> None:
    department = (
        "name: Vertrieb\naudience: Außendienst\n"
        "benefits:\n  - title: 'Mehr Anfragen: {{ 1234.5 | number(1) }} im Jahr'\n"
        "    text: '{{ 0.25 | percent }} mehr, ab {{ \"2027-01-31\" | date }}'\n"
        "concerns:\n  - {concern: Arbeit, answer: Nein}\n"
    )
    extra = 'subtitle: "{{ department.name }} · {{ date }}"\n'
    root = minimal_project(
        tmp_path / "p", **{"deckgen.yaml": settings("de-AT", extra), "sales": department}
    )
    result = run("--project", str(root), "build", "sales")
    assert result.exit_code == 0, result.output
    deck = root / "build" / "sales.pptx"
    texts = "\n".join(slide_texts(deck))
    assert "Vertrieb · 15. Jänner 2027" in texts
    assert "Mehr Anfragen: 1.234,5 im Jahr" in texts
    assert "25 % mehr, ab 31. Jänner 2027" in texts  # (plain: no-break spaces as spaces)
    assert languages(deck) == {"de-AT"}
    assert Presentation(str(deck)).core_properties.language == "de-AT"


def test_a_deck_in_en_us_writes_american_dates(tmp_path: Path) -> None:
    extra = 'subtitle: "{{ date }}"\n'
    root = minimal_project(tmp_path / "p", **{"deckgen.yaml": settings("en-US", extra)})
    assert run("--project", str(root), "build", "sales").exit_code == 0
    deck = root / "build" / "sales.pptx"
    assert "January 15, 2027" in slide_texts(deck)
    assert languages(deck) == {"en-US"}


def test_a_french_deck_has_french_words_dates_and_quotes(tmp_path: Path) -> None:
    extra = 'subtitle: "{{ date }}"\n'
    root = minimal_project(tmp_path / "p", **{"deckgen.yaml": settings("fr", extra)})
    assert run("--project", str(root), "build", "sales").exit_code == 0
    texts = slide_texts(root / "build" / "sales.pptx")
    assert "15 janvier 2027" in texts
    assert "Ordre du jour" in texts and "Des questions ?" in texts  # (plain, as above)
    assert "\u00ab Das macht Arbeit. \u00bb" in texts


# -- words -------------------------------------------------------------------------------------


def test_an_overridden_word_appears_on_the_slide(tmp_path: Path) -> None:
    extra = 'words:\n  questions: "Ihre Fragen?"\n  agenda: Ablauf\n'
    root = minimal_project(tmp_path / "p", **{"deckgen.yaml": settings("de", extra)})
    assert run("--project", str(root), "build", "sales").exit_code == 0
    deck = Presentation(str(root / "build" / "sales.pptx"))
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert titles[1] == "Ablauf" and titles[-1] == "Ihre Fragen?"
    assert "Fragen?" not in titles and "Agenda" not in titles


def test_every_language_has_every_word() -> None:
    assert set(WORDS["de"]) == set(WORDS["en"]) == set(WORDS["fr"])


# -- typography by language --------------------------------------------------------------------


def test_quotation_marks_and_hyphenation_follow_the_language() -> None:
    assert quoted("Ja", "de") == "\u201eJa\u201c"
    assert quoted("Ja", "de-CH") == "\u00abJa\u00bb"
    assert quoted("Yes", "en-US") == "\u201cYes\u201d"
    assert quoted("Oui", "fr") == "\u00ab\u00a0Oui\u00a0\u00bb"
    assert "\u00ad" in hyphenate("Versorgungsunterbrechung", "de-AT")
    assert "\u00ad" in hyphenate("internationalization", "en-US")


# -- starter content in the locale's language ---------------------------------------------------


def german_words() -> set[str]:
    """The words of the German starter's texts (values, not keys or comments) that are not
    words of the English starter too (names, channels, Q1 ...)."""

    def values(text: str) -> set[str]:
        found = set()
        for line in text.splitlines():
            line = line.split(" #", 1)[0]
            if line.lstrip().startswith("#"):
                continue
            value = line.split(": ", 1)[1] if ": " in line else line.lstrip(" -")
            found.update(w for w in re.findall(r"[^\W\d_]{3,}", value))
        return found

    german = values(starter.SETTINGS + starter.SHARED + starter.department_text("Vertrieb"))
    german |= {w for phrase in WORDS["de"].values() for w in re.findall(r"[^\W\d_]{3,}", phrase)}
    english = values(
        starter_en.SETTINGS + starter_en.SHARED + starter_en.department_text("Sales", "Sales")
    )
    english |= {w for phrase in WORDS["en"].values() for w in re.findall(r"[^\W\d_]{3,}", phrase)}
    return german - english


def test_init_in_english_builds_english_decks_without_a_german_word(tmp_path: Path) -> None:
    repo = tmp_path / "decks"
    assert run("init", "--locale", "en", str(repo)).exit_code == 0
    built = run("--project", str(repo), "build", "--all")
    assert built.exit_code == 0, built.output
    assert not built.stderr, built.stderr  # nothing to fix: no accessibility finding either
    german = german_words()
    assert {"Nutzen", "Bedenken", "Kontakt", "Fragen", "Abteilung", "Vertrieb"} <= german
    decks = sorted((repo / "build").glob("*.pptx"))
    assert [d.stem for d in decks] == ["hr", "sales"]
    for deck in decks:
        texts = slide_texts(deck)
        words = {w for text in texts for w in re.findall(r"[^\W\d_]{3,}", text)}
        assert words & german == set(), deck.name
        assert "Questions?" in texts and "Agenda" in texts
        assert languages(deck) == {"en-GB"}


def test_new_writes_the_department_in_the_projects_language(tmp_path: Path) -> None:
    repo = tmp_path / "decks"
    assert run("init", "--locale", "en-US", str(repo)).exit_code == 0
    assert run("--project", str(repo), "new", "logistics", "--name", "Logistics").exit_code == 0
    text = (repo / "content/departments/logistics.yaml").read_text(encoding="utf-8")
    assert "First benefit" in text and "Erster Nutzen" not in text
    assert "locale: en-US" in (repo / "deckgen.yaml").read_text(encoding="utf-8")
    german = minimal_project(tmp_path / "p")
    assert run("--project", str(german), "new", "logistik", "--name", "Logistik").exit_code == 0
    text = (german / "content/departments/logistik.yaml").read_text(encoding="utf-8")
    assert "Erster Nutzen" in text


def test_init_refuses_a_locale_babel_does_not_know(tmp_path: Path) -> None:
    result = run("init", "--locale", "en-UX", str(tmp_path / "decks"))
    assert result.exit_code == 1
    assert "unknown locale 'en-UX'" in result.stderr
    assert not (tmp_path / "decks").exists()
