"""Bad input through the command line: one exact line with file:line:col each, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from deckgen.cli import cli
from tests.helpers import MINIMAL_DEPARTMENT, MINIMAL_SETTINGS, MINIMAL_SHARED, minimal_project

SALES = "content/departments/sales.yaml"


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def failing_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **files: str) -> Result:
    root = minimal_project(tmp_path / "p", **files)
    monkeypatch.chdir(root)
    result = run(root, "build", "sales")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "decks failed" not in line]


def test_yaml_syntax_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = failing_build(tmp_path, monkeypatch, sales="name: Vertrieb\naudience: [a, b\n")
    assert error_lines(result) == [
        f"{SALES}:3:1: YAML syntax error: expected ',' or ']', but got '<stream end>'"
    ]


def test_duplicate_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT + "name: Sales\n"
    result = failing_build(tmp_path, monkeypatch, sales=text)
    line = len(MINIMAL_DEPARTMENT.splitlines()) + 1
    assert error_lines(result) == [
        f"{SALES}:{line}:1: name: duplicate key 'name' (first at line 1)"
    ]


def test_unknown_key_suggests_the_right_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = MINIMAL_DEPARTMENT.replace("    text: Kunden finden uns", "    txt: Kunden finden uns")
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [
        f"{SALES}:5:5: benefits[1].txt: unknown key 'txt'; did you mean 'text'?"
    ]


def test_wrong_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT.replace("  - title: Nähe", "  - title: [Nähe, Nähe]")
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [f"{SALES}:6:12: benefits[2].title: expected text, got a list"]


def test_missing_required_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT.replace("audience: Außendienst\n", "")
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [f"{SALES}:1:1: audience: missing required key 'audience'"]


def test_all_errors_of_a_file_are_reported_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        MINIMAL_DEPARTMENT.replace("audience: Außendienst\n", "")
        .replace("  - title: Nähe", "  - title: [Nähe]")
        .replace("    answer: Die Redaktion schreibt.", "    antwort: Die Redaktion schreibt.")
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [
        f"{SALES}:1:1: audience: missing required key 'audience'",
        f"{SALES}:5:12: benefits[2].title: expected text, got a list",
        f"{SALES}:8:5: concerns[1].answer: missing required key 'answer'",
        f"{SALES}:9:5: concerns[1].antwort: unknown key 'antwort'; did you mean 'answer'?",
    ]


def test_undefined_jinja_variable_names_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = MINIMAL_DEPARTMENT.replace(
        "    text: Wir sind sichtbar", '    text: "Für {{ departmen.name }} sichtbar"'
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [
        f"{SALES}:7:11: benefits[2].text: undefined variable 'departmen'; "
        "did you mean 'department'?"
    ]


def test_undefined_jinja_attribute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT.replace(
        "    text: Wir sind sichtbar", '    text: "Für {{ department.nmae }}"'
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [
        f"{SALES}:7:11: benefits[2].text: undefined variable: no 'nmae' here; did you mean 'name'?"
    ]


def test_jinja_syntax_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT.replace(
        "    text: Wir sind sichtbar", '    text: "Für {{ department.name }"'
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [
        f"{SALES}:7:11: benefits[2].text: template syntax error: unexpected '}}'"
    ]


def test_jinja_syntax_error_in_a_block_names_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = MINIMAL_DEPARTMENT.replace(
        "    text: Wir sind sichtbar",
        "    text: |\n      Erste Zeile\n      Zweite {% if %} Zeile",
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [
        f"{SALES}:9:1: benefits[2].text: template syntax error: expected an expression, "
        "got 'end of statement block'"
    ]


def test_unknown_slide_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: bulets\n        title: x\n"
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    line = len(MINIMAL_DEPARTMENT.splitlines()) + 4
    assert error_lines(result) == [
        f"{SALES}:{line}:15: add[1].slides[1].kind: unknown slide kind 'bulets'; "
        "did you mean 'bullets'?"
    ]


def test_unknown_chart_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT + (
        "metrics:\n  charts:\n    - title: Reichweite\n      type: pi\n"
        "      categories: [a, b]\n      series: [{name: x, values: [1, 2]}]\n"
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    line = len(MINIMAL_DEPARTMENT.splitlines()) + 4
    assert error_lines(result) == [
        f"{SALES}:{line}:13: metrics.charts[1].type: expected one of: column, bar, line, pie; "
        "got 'pi'; did you mean 'pie'?"
    ]


def test_unknown_theme_in_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = MINIMAL_SETTINGS.replace("title: Social", "theme: modrn\ntitle: Social")
    result = failing_build(tmp_path, monkeypatch, **{"deckgen.yaml": settings})
    assert error_lines(result)[0].startswith(
        "deckgen.yaml:3:8: theme: unknown theme 'modrn'; did you mean 'modern'?"
    )


def test_unknown_theme_on_the_command_line(project: Path) -> None:
    result = run(project, "build", "sales", "--theme", "modrn")
    assert result.exit_code == 1
    assert error_lines(result) == ["unknown theme 'modrn'; did you mean 'modern'?"]


def test_unknown_department_suggests(project: Path) -> None:
    result = run(project, "build", "salse")
    assert result.exit_code == 1
    assert error_lines(result) == ["unknown department 'salse'; did you mean 'sales'?"]


def test_outline_section_that_names_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = MINIMAL_SETTINGS.replace("  - section: why", "  - section: wy")
    result = failing_build(tmp_path, monkeypatch, **{"deckgen.yaml": settings})
    assert result.stderr.splitlines() == [
        "deckgen.yaml:8:14: outline[3]: section 'wy' names nothing; did you mean 'why'?"
    ]


def test_skip_of_a_section_not_in_the_outline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = failing_build(tmp_path, monkeypatch, sales=MINIMAL_DEPARTMENT + "skip: [concern]\n")
    line = len(MINIMAL_DEPARTMENT.splitlines()) + 1
    assert error_lines(result) == [
        f"{SALES}:{line}:8: skip[1]: 'concern' is not a section of the outline; "
        "did you mean 'concerns'?"
    ]


def test_missing_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT + (
        "add:\n  - before: contact\n    slides:\n      - kind: image\n        title: Ablauf\n"
        "        image: content/images/ablauf.png\n"
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    line = len(MINIMAL_DEPARTMENT.splitlines()) + 6
    assert error_lines(result) == [
        f"{SALES}:{line}:16: add[1].slides[1].image: image 'content/images/ablauf.png' not found "
        "(paths are relative to deckgen.yaml)"
    ]


def test_file_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = minimal_project(tmp_path / "p")
    (root / SALES).write_bytes("name: Vertrieb\naudience: Au\xdfendienst\n".encode("latin-1"))
    monkeypatch.chdir(root)
    result = run(root, "build", "sales")
    assert result.exit_code == 1
    assert error_lines(result) == [f"{SALES}:2:13: file is not UTF-8 text; save it as UTF-8"]


def test_shared_content_error_stops_every_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = MINIMAL_SHARED.replace("      - kind: bullets", "      - kind: bullet")
    result = failing_build(tmp_path, monkeypatch, **{"content/shared.yaml": shared})
    assert result.stderr.splitlines() == [
        "content/shared.yaml:5:15: sections.why.slides[1].kind: unknown slide kind 'bullet'; "
        "did you mean 'bullets'?"
    ]


def test_debug_shows_the_traceback(project: Path) -> None:
    result = CliRunner().invoke(cli, ["--debug", "--project", str(project), "validate"])
    assert result.exit_code == 0
    (project / "content/shared.yaml").write_text("sections: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--debug", "--project", str(project), "validate"])
    assert result.exit_code == 1
    assert "Traceback" in result.stderr


def test_usage_error_exits_2(project: Path) -> None:
    result = run(project, "build")
    assert result.exit_code == 2
    assert "name a department, or use --all; the departments are:\n  sales" in result.stderr


def test_no_project_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--all"])
    assert result.exit_code == 1
    assert result.stderr.startswith("no deckgen.yaml here or in any folder above")


def test_template_in_a_yes_no_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = MINIMAL_SETTINGS.replace("    header: true", '    header: "{{ organisation.name }}"')
    result = failing_build(tmp_path, monkeypatch, **{"deckgen.yaml": settings})
    assert error_lines(result) == [
        "deckgen.yaml:9:13: outline[3].header: expected true or false, "
        "got '{{ organisation.name }}'"
    ]


def test_comma_inside_a_flow_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT.replace(
        "  - title: Nähe\n    text: Wir sind sichtbar",
        "  - {title: Nähe, text: Wir sind sichtbar, werktags}",
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [
        f"{SALES}:6:44: benefits[2].werktags: unknown key 'werktags'; a comma inside {{ }} "
        "starts a new key: put the whole text in quotes"
    ]


def test_a_group_of_variables_is_not_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT.replace("    text: Wir sind sichtbar", '    text: "{{ department }}"')
    result = failing_build(tmp_path, monkeypatch, sales=text)
    assert error_lines(result) == [
        f"{SALES}:7:11: benefits[2].text: 'department' is a group of variables; use one of: "
        "department.slug, department.name, department.audience, department.presenter"
    ]


def test_slides_added_to_a_skipped_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = MINIMAL_DEPARTMENT + (
        "skip: [concerns]\nadd:\n  - after: concerns\n    slides:\n      - kind: section\n"
        "        title: x\n"
    )
    result = failing_build(tmp_path, monkeypatch, sales=text)
    line = len(MINIMAL_DEPARTMENT.splitlines()) + 3
    assert error_lines(result) == [
        f"{SALES}:{line}:12: add[1].after: 'concerns' is skipped by this department; slides "
        "added after it would be lost"
    ]
