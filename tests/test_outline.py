"""build_outline: which slides one department's deck shows, in which order, with which notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.content.model import (
    AgendaSlide,
    BulletsSlide,
    Card,
    CardsSlide,
    ClosingSlide,
    ConcernSlide,
    Figure,
    NoteLine,
    Point,
    ProcessSlide,
    SectionSlide,
    Slide,
    TableSlide,
)
from deckgen.content.project import load_project
from deckgen.content.resolve import resolve_department
from deckgen.outline import DeckOutline, build_outline
from tests.helpers import MINIMAL_DEPARTMENT, MINIMAL_SETTINGS, minimal_project

HEAD = "name: Vertrieb\naudience: Außendienst\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder that becomes the project."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def outline(department: str = MINIMAL_DEPARTMENT, **files: str) -> DeckOutline:
    """The outline of a minimal project whose sales.yaml is ``department``."""
    root = minimal_project(Path.cwd(), sales=department, **files)
    project, department_errors = load_project(root)
    assert department_errors == {}
    resolved, errors = resolve_department(project, project.departments["sales"])
    assert errors == []
    assert resolved is not None
    return build_outline(resolved)


def kinds(deck: DeckOutline) -> list[str]:
    return [spec.kind for spec in deck.slides]


def of_section(deck: DeckOutline, section: str) -> list[Slide]:
    return [spec.slide for spec in deck.slides if spec.section == section]


def titles(deck: DeckOutline, section: str) -> list[str]:
    return [getattr(slide, "title", "") for slide in of_section(deck, section)]


def benefits(count: int, figures: tuple[int, ...] = ()) -> str:
    """A department with benefits B1..B<count>; those numbered in ``figures`` have a figure."""
    text = HEAD + "benefits:\n"
    for number in range(1, count + 1):
        text += f"  - title: B{number}\n"
        if number in figures:
            text += f"    figure: {{value: '{number}0 %', label: L{number}}}\n"
    return text


def bullet_titles(slide: Slide) -> list[str]:
    assert isinstance(slide, BulletsSlide)
    return [point.text for point in slide.points]


# -- order and agenda ----------------------------------------------------------------------------


def test_sections_follow_the_outline() -> None:
    deck = outline()
    assert [section for section, _ in deck.sections] == [
        "title",
        "agenda",
        "why",
        "benefits",
        "concerns",
        "next_steps",
        "contact",
    ]


def test_section_titles() -> None:
    assert outline().sections == [
        ("title", "Social Media bei uns"),
        ("agenda", "Agenda"),
        ("why", "Warum wir das tun"),
        ("benefits", "Ihr Nutzen"),
        ("concerns", "Ihre Bedenken – unsere Antworten"),
        ("next_steps", "Nächste Schritte"),
        ("contact", "Kontakt"),
    ]


def test_slides_follow_the_sections() -> None:
    assert kinds(outline()) == [
        "title",
        "agenda",
        "section",
        "bullets",
        "cards",
        "concerns",
        "bullets",
        "closing",
    ]


def test_deck_has_the_slug_and_title() -> None:
    deck = outline()
    assert (deck.slug, deck.title) == ("sales", "Social Media bei uns")


def test_title_slide_shows_the_department_name_as_subtitle() -> None:
    slide = outline().slides[0].slide
    assert slide.kind == "title"
    assert (slide.title, slide.subtitle) == ("Social Media bei uns", "Vertrieb")


def test_agenda_lists_the_section_titles_without_title_and_agenda() -> None:
    agenda = outline().slides[1].slide
    assert isinstance(agenda, AgendaSlide)
    assert agenda.title == "Agenda"
    assert agenda.items == [
        "Warum wir das tun",
        "Ihr Nutzen",
        "Ihre Bedenken – unsere Antworten",
        "Nächste Schritte",
        "Kontakt",
    ]


def test_section_without_slides_is_left_out() -> None:
    deck = outline(HEAD + "benefits:\n  - title: B1\n")
    assert [section for section, _ in deck.sections] == [
        "title",
        "agenda",
        "why",
        "benefits",
        "contact",
    ]
    agenda = deck.slides[1].slide
    assert isinstance(agenda, AgendaSlide)
    assert agenda.items == ["Warum wir das tun", "Ihr Nutzen", "Kontakt"]


def test_outline_title_names_the_section() -> None:
    settings = MINIMAL_SETTINGS.replace(
        "  - benefits\n", "  - section: benefits\n    title: Gewinn\n"
    )
    deck = outline(**{"deckgen.yaml": settings})
    assert ("benefits", "Gewinn") in deck.sections
    assert titles(deck, "benefits") == ["Was Sie davon haben"]  # not the section's title again


def test_english_words() -> None:
    settings = MINIMAL_SETTINGS + "locale: en\n"
    assert dict(outline(**{"deckgen.yaml": settings}).sections)["benefits"] == "What you gain"


# -- header slides -------------------------------------------------------------------------------


def test_header_slide_opens_a_section_with_header_true() -> None:
    header, first = of_section(outline(), "why")
    assert header == SectionSlide(kind="section", title="Warum wir das tun")
    assert isinstance(first, BulletsSlide)
    assert first.title == "Unsere Ziele"


def test_no_header_slide_without_header_true() -> None:
    assert "section" not in [slide.kind for slide in of_section(outline(), "benefits")]


def test_header_slide_for_a_builtin_section() -> None:
    settings = MINIMAL_SETTINGS.replace(
        "  - benefits\n", "  - section: benefits\n    header: true\n"
    )
    first = of_section(outline(**{"deckgen.yaml": settings}), "benefits")[0]
    assert first == SectionSlide(kind="section", title="Ihr Nutzen")


def test_no_header_slide_for_a_section_without_slides() -> None:
    settings = MINIMAL_SETTINGS.replace(
        "  - concerns\n", "  - section: concerns\n    header: true\n"
    )
    deck = outline(HEAD + "benefits:\n  - title: B1\n", **{"deckgen.yaml": settings})
    assert of_section(deck, "concerns") == []


def test_header_slide_carries_the_section_subtitle_and_notes() -> None:
    shared = (
        "sections:\n  why:\n    title: Warum\n    subtitle: Drei Gründe\n    notes: Kurz halten.\n"
        "    slides:\n      - kind: bullets\n        title: Ziele\n        points: [a]\n"
    )
    header = of_section(outline(**{"content/shared.yaml": shared}), "why")[0]
    assert header == SectionSlide(
        kind="section",
        title="Warum",
        subtitle="Drei Gründe",
        notes=[NoteLine(text="Kurz halten.")],
    )


# -- benefits ------------------------------------------------------------------------------------


def cards_of(slide: Slide) -> list[Card]:
    assert isinstance(slide, CardsSlide)
    return list(slide.cards)


def test_benefits_are_cards_with_their_text() -> None:
    [slide] = of_section(outline(), "benefits")
    assert cards_of(slide) == [
        Card(title="Mehr Anfragen", text="Kunden finden uns"),
        Card(title="Nähe", text="Wir sind sichtbar"),
    ]


def test_up_to_six_benefits_are_cards_on_one_slide() -> None:
    assert titles(outline(benefits(6)), "benefits") == ["Was Sie davon haben"]


@pytest.mark.parametrize(("count", "split"), [(7, [4, 3]), (9, [5, 4]), (13, [5, 4, 4])])
def test_more_benefits_are_split_evenly_over_cards_slides(count: int, split: list[int]) -> None:
    slides = of_section(outline(benefits(count)), "benefits")
    assert [len(cards_of(slide)) for slide in slides] == split
    shown = [card.title for slide in slides for card in cards_of(slide)]
    assert shown == [f"B{n}" for n in range(1, count + 1)]


def test_later_cards_slides_say_continued() -> None:
    assert titles(outline(benefits(13)), "benefits") == [
        "Was Sie davon haben",
        "Was Sie davon haben (Fortsetzung)",
        "Was Sie davon haben (Fortsetzung 2)",
    ]


def test_a_benefits_figure_is_on_its_card_and_nowhere_else() -> None:
    slides = of_section(outline(benefits(3, figures=(1, 3))), "benefits")
    assert [slide.kind for slide in slides] == ["cards"]
    figures = [card.figure for card in cards_of(slides[0])]
    assert figures == [
        Figure(value="10\u00a0%", label="L1"),
        None,
        Figure(value="30\u00a0%", label="L3"),
    ]


def test_a_long_benefit_text_goes_to_the_notes() -> None:
    long = "Ein Satz, der lang genug ist, um auf einer Karte keinen Platz zu finden, und mehr."
    department = HEAD + f"benefits:\n  - title: B1\n    text: {long}\n    notes: Dazu.\n"
    [slide] = of_section(outline(department), "benefits")
    assert cards_of(slide)[0].text == ""
    assert [line.text for line in slide.notes] == [long, "Dazu."]


# -- concerns ------------------------------------------------------------------------------------


def test_concerns_are_an_overview_then_one_headline_slide_each() -> None:
    department = (
        HEAD + "concerns:\n  - concern: Arbeit\n    answer: Redaktion\n"
        "    points: [Eine Stunde im Monat]\n"
        "  - concern: Kritik\n    answer: Leitfaden\n"
    )
    deck = outline(department)
    overview, first, second = [s for s in deck.slides if s.section == "concerns"]
    assert isinstance(overview.slide, BulletsSlide)
    assert [p.text for p in overview.slide.points] == ["\u201eArbeit\u201c", "\u201eKritik\u201c"]
    assert overview.links == ("concerns[1]", "concerns[2]")
    assert (first.key, second.key) == ("concerns[1]", "concerns[2]")
    assert first.slide == ConcernSlide(
        kind="concerns",
        title="\u201eArbeit\u201c",
        concern="Arbeit",
        answer="Redaktion",
        points=["Eine Stunde im Monat"],
        counter="Bedenken 1/2",
    )
    assert isinstance(second.slide, ConcernSlide)
    assert second.slide.counter == "Bedenken 2/2"


def test_a_backup_concern_is_a_hidden_slide_after_the_closing() -> None:
    department = (
        HEAD + "concerns:\n  - concern: Arbeit\n    answer: Redaktion\n"
        "  - concern: Kritik\n    answer: Leitfaden\n    backup: true\n"
    )
    deck = outline(department)
    last = deck.slides[-1]
    assert (last.kind, last.section, last.hidden, last.key) == (
        "concerns",
        "backup",
        True,
        "concerns[2]",
    )
    assert deck.sections[-1] == ("backup", "Reserve")
    assert "Reserve" not in outline(department).slides[1].slide.items  # type: ignore[union-attr]


def test_next_steps_without_who_or_when_are_bullets() -> None:
    [slide] = of_section(
        outline(HEAD + "next_steps:\n  - Profil anlegen\n  - Posten\n"), "next_steps"
    )
    assert slide == BulletsSlide(
        kind="bullets",
        title="Nächste Schritte",
        points=[Point(text="Profil anlegen"), Point(text="Posten")],
    )


def test_next_steps_with_who_and_when_are_a_table() -> None:
    department = (
        HEAD + "next_steps:\n  - step: Profil anlegen\n    who: Anna\n    when: Mai\n  - Posten\n"
    )
    [slide] = of_section(outline(department), "next_steps")
    assert slide == TableSlide(
        kind="table",
        title="Nächste Schritte",
        columns=["Schritt", "Wer", "Bis wann"],
        rows=[["Profil anlegen", "Anna", "Mai"], ["Posten", "", ""]],
    )


def test_next_steps_table_has_only_the_columns_given() -> None:
    department = HEAD + "next_steps:\n  - step: Profil anlegen\n    when: Mai\n"
    [slide] = of_section(outline(department), "next_steps")
    assert isinstance(slide, TableSlide)
    assert slide.columns == ["Schritt", "Bis wann"]
    assert slide.rows == [["Profil anlegen", "Mai"]]


def test_many_next_steps_are_split() -> None:
    department = HEAD + "next_steps:\n" + "".join(f"  - S{n}\n" for n in range(1, 8))
    slides = of_section(outline(department), "next_steps")
    assert [len(bullet_titles(slide)) for slide in slides] == [4, 3]
    assert titles(outline(department), "next_steps") == [
        "Nächste Schritte",
        "Nächste Schritte (Fortsetzung)",
    ]


# -- closing -------------------------------------------------------------------------------------


def test_closing_slide_uses_the_shared_contact_when_the_department_has_none() -> None:
    [slide] = of_section(outline(), "contact")
    assert isinstance(slide, ClosingSlide)
    assert (slide.title, slide.text) == ("Fragen?", "Kontakt")
    assert slide.contact is not None
    assert (slide.contact.name, slide.contact.email) == ("Anna Beispiel", "anna@example.org")


def test_closing_slide_uses_the_department_contact() -> None:
    deck = outline(
        MINIMAL_DEPARTMENT + "contact:\n  name: Bernd Vertrieb\n  notes: Ruft gern an.\n"
    )
    [slide] = of_section(deck, "contact")
    assert isinstance(slide, ClosingSlide)
    assert slide.contact is not None
    assert slide.contact.name == "Bernd Vertrieb"
    assert slide.notes == [NoteLine(text="Ruft gern an.")]


def test_closing_slide_without_any_contact() -> None:
    shared = (
        "sections:\n  why:\n    title: Warum\n    slides:\n      - kind: bullets\n"
        "        title: Ziele\n        points: [a]\n"
    )
    [slide] = of_section(outline(**{"content/shared.yaml": shared}), "contact")
    assert isinstance(slide, ClosingSlide)
    assert slide.contact is None


# -- skip, override, add -------------------------------------------------------------------------


def test_skip_leaves_out_the_section_and_its_agenda_item() -> None:
    deck = outline(MINIMAL_DEPARTMENT + "skip: [concerns, why]\n")
    assert [section for section, _ in deck.sections] == [
        "title",
        "agenda",
        "benefits",
        "next_steps",
        "contact",
    ]
    agenda = deck.slides[1].slide
    assert isinstance(agenda, AgendaSlide)
    assert agenda.items == ["Ihr Nutzen", "Nächste Schritte", "Kontakt"]


def test_skip_the_agenda() -> None:
    assert "agenda" not in kinds(outline(MINIMAL_DEPARTMENT + "skip: [agenda]\n"))


OVERRIDE = (
    "override:\n  why:\n    title: Warum gerade wir\n    slides:\n"
    "      - kind: quote\n        quote: Das bringt uns weiter.\n        author: Chefin\n"
)


def test_override_replaces_the_slides_of_a_shared_section() -> None:
    slides = of_section(outline(MINIMAL_DEPARTMENT + OVERRIDE), "why")
    assert [slide.kind for slide in slides] == ["section", "quote"]


def test_override_title_names_the_section() -> None:
    deck = outline(MINIMAL_DEPARTMENT + OVERRIDE)
    assert ("why", "Warum gerade wir") in deck.sections
    assert titles(deck, "why")[0] == "Warum gerade wir"


def test_override_without_a_title_keeps_the_shared_title() -> None:
    override = OVERRIDE.replace("    title: Warum gerade wir\n", "")
    assert dict(outline(MINIMAL_DEPARTMENT + override).sections)["why"] == "Warum wir das tun"


def test_override_slides_come_from_the_department_file() -> None:
    deck = outline(MINIMAL_DEPARTMENT + OVERRIDE)
    [quote] = [spec for spec in deck.slides if spec.kind == "quote"]
    assert str(quote.origin) == "content/departments/sales.yaml:17:9"


ADD = (
    "add:\n  - after: benefits\n    slides:\n      - kind: section\n        title: Danach\n"
    "  - before: benefits\n    slides:\n      - kind: section\n        title: Davor\n"
)


def test_add_places_slides_before_and_after_a_section() -> None:
    assert titles(outline(MINIMAL_DEPARTMENT + ADD), "benefits") == [
        "Davor",
        "Was Sie davon haben",
        "Danach",
    ]


def test_add_after_the_last_section() -> None:
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: contact\n    slides:\n      - kind: section\n        title: Ende\n"
    )
    last = outline(department).slides[-1]
    assert (last.section, last.kind) == ("contact", "section")


def test_added_slides_give_a_section_without_own_slides_its_agenda_item() -> None:
    department = HEAD + (
        "add:\n  - after: concerns\n    slides:\n      - kind: section\n        title: Extra\n"
    )
    deck = outline(department)
    assert titles(deck, "concerns") == ["Extra"]
    assert "Ihre Bedenken – unsere Antworten" in dict(deck.sections).values()


def test_add_before_the_agenda_keeps_the_added_slide() -> None:
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - before: agenda\n    slides:\n      - kind: section\n        title: Vorab\n"
    )
    slides = of_section(outline(department), "agenda")
    assert [slide.kind for slide in slides] == ["section", "agenda"]
    assert isinstance(slides[1], AgendaSlide)
    assert slides[1].items != []


# -- speaker notes -------------------------------------------------------------------------------


def test_department_notes_go_to_the_title_slide() -> None:
    deck = outline(MINIMAL_DEPARTMENT + "notes: Begrüßen.\n")
    assert deck.slides[0].slide.notes == [NoteLine(text="Begrüßen.")]


def test_notes_given_as_a_yaml_list_are_list_items() -> None:
    deck = outline(MINIMAL_DEPARTMENT + "notes:\n  - eins\n  - [zwei, drei]\n")
    assert deck.slides[0].slide.notes == [
        NoteLine(text="eins", bullet=True),
        NoteLine(text="zwei", bullet=True, level=1),
        NoteLine(text="drei", bullet=True, level=1),
    ]


def test_dash_lines_in_a_notes_text_are_list_items() -> None:
    notes = "notes: |\n  Absatz\n  weiter\n\n  - Punkt\n    fortgesetzt\n    - unten\n"
    deck = outline(MINIMAL_DEPARTMENT + notes)
    assert deck.slides[0].slide.notes == [
        NoteLine(text="Absatz weiter"),
        NoteLine(text="Punkt fortgesetzt", bullet=True),
        NoteLine(text="unten", bullet=True, level=1),
    ]


def test_notes_of_shared_slides_are_carried_over() -> None:
    first = of_section(outline(), "why")[1]
    assert first.notes == [NoteLine(text="Ziele erklären.")]


def test_notes_of_several_benefits_on_a_slide_are_led_by_their_titles() -> None:
    department = HEAD + (
        "benefits:\n  - title: Mehr\n    notes: Zahlen zeigen.\n  - title: Nähe\n"
        "  - title: Tempo\n    notes: [schnell]\n"
    )
    [slide] = of_section(outline(department), "benefits")
    assert slide.notes == [
        NoteLine(text="**Mehr**"),
        NoteLine(text="Zahlen zeigen."),
        NoteLine(text="**Tempo**"),
        NoteLine(text="schnell", bullet=True),
    ]


def test_notes_of_a_single_benefit_on_its_slide_have_no_title() -> None:
    department = HEAD + "benefits:\n  - title: Mehr\n    notes: Zahlen zeigen.\n"
    [slide] = of_section(outline(department), "benefits")
    assert slide.notes == [NoteLine(text="Zahlen zeigen.")]


def test_concern_notes_are_carried_over() -> None:
    department = (
        HEAD + "concerns:\n  - concern: Arbeit\n    answer: Redaktion\n    notes: [Ruhig]\n"
    )
    [slide] = of_section(outline(department), "concerns")
    assert slide.notes == [NoteLine(text="Ruhig", bullet=True)]


def test_next_step_notes_are_carried_over() -> None:
    department = HEAD + "next_steps:\n  - step: Profil anlegen\n    notes: Heute noch.\n"
    [slide] = of_section(outline(department), "next_steps")
    assert slide.notes == [NoteLine(text="Heute noch.")]


def test_notes_of_added_slides_are_carried_over() -> None:
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: contact\n    slides:\n      - kind: section\n        title: Ende\n"
        "        notes: Danke sagen.\n"
    )
    assert outline(department).slides[-1].slide.notes == [NoteLine(text="Danke sagen.")]


# -- process: the department's own step ----------------------------------------------------------

PROCESS_SHARED = """\
sections:
  why:
    title: Warum
    slides:
      - kind: process
        title: Ablauf
        steps:
          - {title: Thema, owner: "{{ department.name }} oder Redaktion"}
          - {title: Entwurf, owner: Redaktion}
          - {title: Freigabe, owner: "{{ department.name }}"}
"""


def process_steps(deck: DeckOutline) -> tuple[tuple[int, ...], list[str]]:
    [spec] = [spec for spec in deck.slides if spec.kind == "process"]
    assert isinstance(spec.slide, ProcessSlide)
    return spec.own_steps, [step.owner for step in spec.slide.steps]


def test_the_department_step_of_a_shared_process_is_its_own_and_says_so() -> None:
    deck = outline(**{"content/shared.yaml": PROCESS_SHARED})
    assert process_steps(deck) == (
        (2,),
        ["Vertrieb oder Redaktion", "Redaktion", "Vertrieb · Ihr Schritt"],
    )


def test_own_step_is_found_whatever_the_case_and_spaces() -> None:
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: why\n    slides:\n      - kind: process\n        title: Ablauf\n"
        "        steps:\n          - {title: A, owner: ' VERTRIEB '}\n"
        "          - {title: B, owner: Ver trieb}\n          - {title: C, owner: Vertriebe}\n"
    )
    own, owners = process_steps(outline(department))
    assert own == (0, 1)
    assert owners[2] == "Vertriebe"


def test_process_without_the_department_has_no_own_step() -> None:
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: why\n    slides:\n      - kind: process\n        title: Ablauf\n"
        "        steps:\n          - {title: A, owner: Redaktion}\n          - {title: B}\n"
    )
    assert process_steps(outline(department)) == ((), ["Redaktion", ""])


def test_own_step_in_english() -> None:
    settings = MINIMAL_SETTINGS + "locale: en\n"
    deck = outline(**{"deckgen.yaml": settings, "content/shared.yaml": PROCESS_SHARED})
    assert process_steps(deck)[1][2] == "Vertrieb · your step"
