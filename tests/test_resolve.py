"""resolve_department: Jinja in every text, in a sandbox, with errors at the text's YAML line."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.content.project import load_project
from deckgen.content.resolve import ResolvedDepartment, resolve_department
from tests.helpers import MINIMAL_SETTINGS, minimal_project

SALES = "content/departments/sales.yaml"
HEAD = "name: Vertrieb\naudience: Außendienst\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder, so that paths show relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def resolve(department: str, **files: str) -> tuple[ResolvedDepartment | None, list[str]]:
    """Write a minimal project with ``department`` as sales.yaml; resolve it; the messages."""
    root = minimal_project(Path.cwd(), sales=department, **files)
    project, department_errors = load_project(root)
    assert department_errors == {}
    resolved, errors = resolve_department(project, project.departments["sales"])
    return resolved, [error.message for error in errors]


def resolved(department: str, **files: str) -> ResolvedDepartment:
    result, errors = resolve(department, **files)
    assert errors == []
    assert result is not None
    return result


def audience(template: str, **files: str) -> str:
    """The department's audience after rendering ``template``."""
    return resolved(f"name: Vertrieb\naudience: '{template}'\n", **files).department.audience


def benefit_errors(text: str) -> list[str]:
    """The messages for a benefit whose text (line 5, column 11) is ``text``."""
    result, errors = resolve(HEAD + f"benefits:\n  - title: Mehr\n    text: {text}\n")
    assert result is None
    return errors


BENEFIT_TEXT = f"{SALES}:5:11: benefits[1].text"


# -- variables -----------------------------------------------------------------------------------


def test_text_without_template_is_unchanged() -> None:
    assert audience("Außendienst {und} 100 %") == "Außendienst {und} 100 %"


def test_department_and_organisation_name() -> None:
    text = audience("{{ department.name }} bei {{ organisation.name }}")
    assert text == "Vertrieb bei Stadtwerke Testingen"


def test_department_slug() -> None:
    assert audience("{{ department.slug }}") == "sales"


def test_short_name_falls_back_to_the_name() -> None:
    assert audience("{{ organisation.short_name }}") == "Stadtwerke Testingen"


def test_date_is_written_out_in_german() -> None:
    assert audience("am {{ date }}") == "am 26. November 2026"


def test_date_in_english() -> None:
    settings = MINIMAL_SETTINGS.replace("date: 2026-11-26", "date: 2026-03-05\nlocale: en")
    assert audience("{{ date }}", **{"deckgen.yaml": settings}) == "5 March 2026"


def test_year() -> None:
    assert audience("{{ year }}") == "2026"


def test_variables_of_the_settings() -> None:
    settings = MINIMAL_SETTINGS + "variables:\n  claim: Nah dran\n"
    assert audience("{{ vars.claim }}", **{"deckgen.yaml": settings}) == "Nah dran"


def test_filters_work() -> None:
    assert audience("{{ department.name | upper }}") == "VERTRIEB"


def test_shared_texts_are_rendered_for_the_department() -> None:
    shared = (
        "sections:\n  why:\n    title: 'Warum {{ department.name }}'\n    slides:\n"
        "      - kind: bullets\n        title: x\n        points: ['Für {{ department.name }}']\n"
    )
    result = resolved(HEAD, **{"content/shared.yaml": shared})
    assert result.shared.sections["why"].title == "Warum Vertrieb"
    slide = result.shared.sections["why"].slides[0]
    assert slide.kind == "bullets"
    assert slide.points[0].text == "Für Vertrieb"


def test_settings_texts_are_rendered() -> None:
    settings = MINIMAL_SETTINGS.replace(
        "title: Social Media bei uns", "title: 'Social Media für {{ department.name }}'"
    )
    assert (
        resolved(HEAD, **{"deckgen.yaml": settings}).settings.title == "Social Media für Vertrieb"
    )


def test_department_name_with_a_template_is_rendered_where_it_is_used() -> None:
    result = resolved("name: 'Vertrieb {{ year }}'\naudience: '{{ department.name }}'\n")
    assert result.department.audience == "Vertrieb 2026"


def test_variable_with_a_template_is_rendered_where_it_is_used() -> None:
    settings = MINIMAL_SETTINGS + "variables:\n  claim: '{{ organisation.name }}'\n"
    assert audience("{{ vars.claim }}", **{"deckgen.yaml": settings}) == "Stadtwerke Testingen"


# -- undefined names -----------------------------------------------------------------------------


def test_undefined_variable_suggests_a_close_one() -> None:
    assert benefit_errors("'{{ departmen.name }}'") == [
        f"{BENEFIT_TEXT}: undefined variable 'departmen'; did you mean 'department'?"
    ]


def test_undefined_variable_without_a_close_one() -> None:
    assert benefit_errors("'{{ zzz }}'") == [f"{BENEFIT_TEXT}: undefined variable 'zzz'"]


def test_undefined_attribute_suggests_a_close_one() -> None:
    assert benefit_errors("'{{ department.nme }}'") == [
        f"{BENEFIT_TEXT}: undefined variable: no 'nme' here; did you mean 'name'?"
    ]


def test_undefined_attribute_without_a_close_one_lists_what_is_there() -> None:
    assert benefit_errors("'{{ department.xyzzy }}'") == [
        f"{BENEFIT_TEXT}: undefined variable: no 'xyzzy' here; "
        "it has: slug, name, audience, presenter"
    ]


def test_undefined_variable_of_vars_when_there_are_none() -> None:
    assert benefit_errors("'{{ vars.claim }}'") == [
        f"{BENEFIT_TEXT}: undefined variable: no 'claim' here"
    ]


def test_undefined_variable_in_shared_is_at_the_shared_line() -> None:
    shared = (
        "sections:\n  why:\n    title: 'Warum {{ departement.name }}'\n    slides:\n"
        "      - kind: bullets\n        title: x\n        points: [a]\n"
    )
    _, errors = resolve(HEAD, **{"content/shared.yaml": shared})
    assert errors == [
        "content/shared.yaml:3:12: sections.why.title: undefined variable 'departement'; "
        "did you mean 'department'?"
    ]


def test_undefined_variable_in_settings_is_at_the_settings_line() -> None:
    settings = MINIMAL_SETTINGS.replace(
        "title: Social Media bei uns", "title: 'Social Media {{ department.nam }}'"
    )
    _, errors = resolve(HEAD, **{"deckgen.yaml": settings})
    assert errors == [
        "deckgen.yaml:3:8: title: undefined variable: no 'nam' here; did you mean 'name'?"
    ]


def test_every_template_error_of_a_file_is_reported() -> None:
    department = "name: Vertrieb\naudience: '{{ a }}'\nbenefits:\n  - title: '{{ b }}'\n"
    _, errors = resolve(department)
    assert errors == [
        f"{SALES}:2:11: audience: undefined variable 'a'",
        f"{SALES}:4:12: benefits[1].title: undefined variable 'b'",
    ]


# -- syntax errors and filters -------------------------------------------------------------------


def test_syntax_error_in_a_one_line_text() -> None:
    assert benefit_errors("'{% if %}'") == [
        f"{BENEFIT_TEXT}: template syntax error: "
        "expected an expression, got 'end of statement block'"
    ]


def test_syntax_error_in_a_literal_block_is_at_its_own_line() -> None:
    text = "|\n      Zeile eins\n      Zeile zwei {% if %}\n      Zeile drei"
    assert benefit_errors(text) == [
        f"{SALES}:7:1: benefits[1].text: template syntax error: "
        "expected an expression, got 'end of statement block'"
    ]


def test_syntax_error_in_a_literal_block_after_a_blank_line() -> None:
    text = "|\n\n      Zeile zwei {% if %}"
    assert benefit_errors(text) == [
        f"{SALES}:7:1: benefits[1].text: template syntax error: "
        "expected an expression, got 'end of statement block'"
    ]


def test_syntax_error_in_a_folded_block_is_at_the_block() -> None:
    text = ">\n      Zeile eins\n      Zeile zwei {% if %}"
    assert benefit_errors(text) == [
        f"{BENEFIT_TEXT}: template syntax error: "
        "expected an expression, got 'end of statement block'"
    ]


def test_unclosed_expression() -> None:
    assert benefit_errors("'{{ department.name '") == [
        f"{BENEFIT_TEXT}: template syntax error: unexpected end of template, "
        "expected 'end of print statement'"
    ]


def test_unknown_filter() -> None:
    assert benefit_errors("'{{ department.name | upcase }}'") == [
        f"{BENEFIT_TEXT}: unknown filter 'upcase'"
    ]


def test_arithmetic_error() -> None:
    assert benefit_errors("'{{ 1 / 0 }}'") == [f"{BENEFIT_TEXT}: template error: division by zero"]


# -- sandbox -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ department.name.__class__.__mro__[1].__subclasses__() }}",
    ],
)
def test_python_internals_are_not_allowed(template: str) -> None:
    [message] = benefit_errors(f'"{template}"')
    assert message.startswith(f"{BENEFIT_TEXT}: not allowed in a template: ")
    assert "__class__" in message


def test_huge_range_is_refused() -> None:
    [message] = benefit_errors('"{% for x in range(10**9) %}{% endfor %}"')
    assert message == f"{BENEFIT_TEXT}: template stopped: a range of more than 10000 numbers"
