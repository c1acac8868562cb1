"""Inline emphasis (**bold**, *italic*) and how texts fall into paragraphs."""

from __future__ import annotations

import pytest

from deckgen.markup import Span, paragraphs, parse_inline, plain


def test_plain_text_is_one_span() -> None:
    assert parse_inline("Mehr Nähe") == [Span("Mehr Nähe")]


def test_empty_text_has_no_spans() -> None:
    assert parse_inline("") == []


def test_bold() -> None:
    assert parse_inline("mehr **Nähe** zu") == [
        Span("mehr "),
        Span("Nähe", bold=True),
        Span(" zu"),
    ]


def test_italic() -> None:
    assert parse_inline("mehr *Nähe* zu") == [
        Span("mehr "),
        Span("Nähe", italic=True),
        Span(" zu"),
    ]


def test_bold_and_italic_side_by_side() -> None:
    assert parse_inline("**fett** und *kursiv*") == [
        Span("fett", bold=True),
        Span(" und "),
        Span("kursiv", italic=True),
    ]


def test_bold_containing_italic() -> None:
    assert parse_inline("**fett *kursiv* fett**") == [
        Span("fett ", bold=True),
        Span("kursiv", bold=True, italic=True),
        Span(" fett", bold=True),
    ]


def test_two_bold_parts() -> None:
    assert parse_inline("**a** und **b**") == [
        Span("a", bold=True),
        Span(" und "),
        Span("b", bold=True),
    ]


def test_italic_next_to_punctuation() -> None:
    assert parse_inline("(*Fußnote*).") == [Span("("), Span("Fußnote", italic=True), Span(").")]


@pytest.mark.parametrize(
    "text",
    [
        "5 * 3",
        "5 * 3 * 4",
        "Fußnote*",
        "*Fußnote",
        "2*3*4",
        "a*b*c",
        "* kein Punkt",
        "*kursiv *",
        "**",
        "****",
        "x **",
        "**halb*",
    ],
)
def test_asterisks_that_open_no_emphasis_stay(text: str) -> None:
    assert parse_inline(text) == [Span(text)]


def test_three_asterisks_are_bold_and_italic() -> None:
    assert parse_inline("***beides***") == [Span("beides", bold=True, italic=True)]


def test_bold_ending_in_italic() -> None:
    assert parse_inline("**den *Menschen***") == [
        Span("den ", bold=True),
        Span("Menschen", bold=True, italic=True),
    ]


def test_plain_drops_the_marks() -> None:
    assert plain("**Mehr** *Nähe* zu **den *Menschen* hier**") == "Mehr Nähe zu den Menschen hier"


def test_plain_keeps_lone_asterisks() -> None:
    assert plain("5 * 3 = 15, Fußnote*") == "5 * 3 = 15, Fußnote*"


def test_paragraphs_are_separated_by_blank_lines() -> None:
    assert paragraphs("eins\n\nzwei") == ["eins", "zwei"]


def test_single_line_breaks_become_spaces() -> None:
    assert paragraphs("ein langer\nSatz, umbrochen\n") == ["ein langer Satz, umbrochen"]


def test_runs_of_spaces_become_one() -> None:
    assert paragraphs("  viel    Platz  ") == ["viel Platz"]


def test_blank_lines_with_spaces_and_several_blank_lines_separate_once() -> None:
    assert paragraphs("eins\n  \n\n\nzwei\n") == ["eins", "zwei"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n  \n"])
def test_blank_text_has_no_paragraphs(text: str) -> None:
    assert paragraphs(text) == []
