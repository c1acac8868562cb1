"""Every failure is one line, and ``build --all`` goes on: a department that fails unexpectedly
(an exception, a worker process that dies) is reported by name with its file, the others are
built and recorded in the state, and the build exits 1, with one worker or many."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from deckgen.build import pipeline
from deckgen.cli import cli
from deckgen.content import project as loading
from tests.helpers import MINIMAL_DEPARTMENT
from tests.hostile.harness import Site, problems, run

REPORT = "(please report it; run with --debug for the traceback)"


@pytest.fixture
def three(site: Site) -> Site:
    """The site with three departments: hr, it and sales."""
    site.write("content/departments/hr.yaml", MINIMAL_DEPARTMENT.replace("Vertrieb", "Personal"))
    site.write("content/departments/it.yaml", MINIMAL_DEPARTMENT.replace("Vertrieb", "IT"))
    return site


def failing_for(slug: str, how: str) -> Any:
    """build_deck, but for ``slug`` it raises (``raise``) or ends its process (``exit``)."""
    real = pipeline.build_deck

    def build_deck(project: Any, name: str, options: Any) -> Any:
        if name == slug:
            if how == "exit":
                os._exit(3)
            raise RuntimeError("something\nunexpected")
        return real(project, name, options)

    return build_deck


def recorded(site: Site) -> list[str]:
    state = json.loads((site.root / "build" / ".deckgen-state.json").read_text(encoding="utf-8"))
    return sorted(state)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_all_goes_on_past_an_unexpected_failure(
    three: Site, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setattr(pipeline, "build_deck", failing_for("hr", "raise"))
    result = run(three, "build", "--all", "-j", jobs)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "content/departments/hr.yaml: internal error while building 'hr': RuntimeError: "
        f"something unexpected {REPORT}",
        "1 of 3 decks failed: hr",
    ]
    assert sorted(p.name for p in (three.root / "build").glob("*.pptx")) == [
        "it.pptx",
        "sales.pptx",
    ]
    assert recorded(three) == ["it", "sales"]


def test_build_all_goes_on_past_a_worker_that_dies(
    three: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "build_deck", failing_for("hr", "exit"))
    result = run(three, "build", "--all", "-j", "2")
    assert result.exit_code == 1
    [line, summary] = result.stderr.splitlines()
    assert line.startswith(
        "content/departments/hr.yaml: internal error while building 'hr': BrokenProcessPool: "
    )
    assert line.endswith(REPORT)
    assert summary == "1 of 3 decks failed: hr"
    assert recorded(three) == ["it", "sales"]


def test_debug_shows_the_traceback_of_an_unexpected_failure(
    three: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "build_deck", failing_for("hr", "raise"))
    result = CliRunner().invoke(
        cli, ["--project", str(three.root), "--debug", "build", "--all", "-j", "1"]
    )
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: something" in result.stderr


def test_a_department_that_fails_to_load_unexpectedly(
    three: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = loading.load_department

    def load_department(project: Any, slug: str) -> Any:
        if slug == "it":
            raise RecursionError("maximum recursion depth exceeded")
        return real(project, slug)

    monkeypatch.setattr(loading, "load_department", load_department)
    line = (
        "content/departments/it.yaml: internal error while building 'it': RecursionError: "
        f"maximum recursion depth exceeded {REPORT}"
    )
    validated, built = run(three, "validate"), run(three, "build", "--all")
    assert (validated.exit_code, problems(validated)) == (built.exit_code, problems(built))
    assert problems(built) == [line]
    assert recorded(three) == ["hr", "sales"]


def test_every_failure_of_a_run_is_reported(three: Site) -> None:
    three.write("content/departments/hr.yaml", "name: [\n")
    three.write("content/departments/it.yaml", MINIMAL_DEPARTMENT + "theme: ../x\n")
    result = run(three, "build", "--all")
    assert result.exit_code == 1
    assert problems(result) == [
        "content/departments/hr.yaml:2:1: YAML syntax error: expected the node content, but found "
        "'<stream end>'",
        f"content/departments/it.yaml:{len(MINIMAL_DEPARTMENT.splitlines()) + 1}:8: theme: "
        "'../x' is not a theme name: use letters, digits, '-' and '_'",
    ]
    assert result.stderr.splitlines()[-1] == "2 of 3 decks failed: hr, it"
    assert (three.root / "build" / "sales.pptx").is_file()
    assert recorded(three) == ["sales"]


def test_no_deck_folder_is_made_for_a_project_that_cannot_load(site: Site) -> None:
    (site.root / "deckgen.yaml").write_text("organisation: [\n", encoding="utf-8")
    result = run(site, "build", "--all")
    assert result.exit_code == 1
    assert not Path(site.root / "build").exists()


def test_validate_and_build_name_an_unexpected_failure_alike(
    three: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.paginate_department

    def paginate_department(project: Any, slug: str, theme: Any = None) -> Any:
        if slug == "hr":
            raise ZeroDivisionError("division by zero")
        return real(project, slug, theme)

    monkeypatch.setattr(pipeline, "paginate_department", paginate_department)
    monkeypatch.setattr("deckgen.commands.validate.paginate_department", paginate_department)
    validated, built = run(three, "validate"), run(three, "build", "--all", "-j", "1")
    assert (validated.exit_code, problems(validated)) == (built.exit_code, problems(built))
    assert problems(built) == [
        "content/departments/hr.yaml: internal error while building 'hr': ZeroDivisionError: "
        f"division by zero {REPORT}"
    ]
