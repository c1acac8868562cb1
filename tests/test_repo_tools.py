"""deckgen init, new and diff: a repo to start from, a department to fill, a change to review."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from deckgen.cli import cli
from tests.helpers import minimal_project


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_init_makes_a_repo_that_builds_as_it_is(tmp_path: Path) -> None:
    repo = tmp_path / "decks"
    code, out, _ = run("init", str(repo))
    assert code == 0
    for name in (
        "deckgen.yaml",
        "content/shared.yaml",
        "content/departments/sales.yaml",
        "content/departments/hr.yaml",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".github/workflows/decks.yml",
        ".gitlab-ci.yml",
        "themes/modern/theme.yaml",
        "themes/modern/template.pptx",
        "schemas/department.schema.json",
    ):
        assert (repo / name).is_file(), name
    assert "build/" in (repo / ".gitignore").read_text(encoding="utf-8")
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "deckgen validate"
    workflow = yaml.safe_load((repo / ".github/workflows/decks.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", step.get("uses")) for step in workflow["jobs"]["decks"]["steps"]]
    assert "deckgen build --all --pdf" in steps
    assert "actions/upload-artifact@v4" in steps
    code, out, err = run("--project", str(repo), "build", "--all")
    assert code == 0, err
    assert len(out.splitlines()) == 2
    # every text is still the starter's: coverage counts none of it as the department's own
    assert run("--project", str(repo), "coverage", "--strict")[0] == 1


def test_init_refuses_an_existing_repo(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p")
    code, _, err = run("init", str(root))
    assert code == 1
    assert err.strip() == f"{root} has a deckgen.yaml already"


def test_new_department_is_complete_valid_and_builds(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p")
    code, out, _ = run("--project", str(root), "new", "logistik", "--name", 'Logistik "Nord"')
    assert code == 0
    path = root / "content" / "departments" / "logistik.yaml"
    assert out.strip().endswith("content/departments/logistik.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["name"] == 'Logistik "Nord"'
    assert set(data) >= {"benefits", "concerns", "examples", "metrics", "next_steps", "contact"}
    schema = json.loads(
        (Path(__file__).parent.parent / "schemas/department.schema.json").read_text()
    )
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    code, out, err = run("--project", str(root), "build", "logistik")
    assert code == 0, err
    assert run("--project", str(root), "new", "logistik", "--name", "X")[0] == 1
    code, _, err = run("--project", str(root), "new", "Log/istik", "--name", "X")
    assert code == 1
    assert "not a department name" in err


def test_diff_of_two_decks(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p")
    assert run("--project", str(root), "build", "sales")[0] == 0
    old = tmp_path / "old.pptx"
    shutil.copy(root / "build" / "sales.pptx", old)
    assert run("diff", str(old), str(root / "build" / "sales.pptx"))[1] == "no differences\n"
    department = root / "content" / "departments" / "sales.yaml"
    text = department.read_text(encoding="utf-8")
    department.write_text(
        text.replace("Die Redaktion schreibt.", "Die Redaktion schreibt und plant.")
        + "  - Ersten Beitrag planen\n",
        encoding="utf-8",
    )
    assert run("--project", str(root), "build", "sales")[0] == 0
    code, out, _ = run("diff", str(old), str(root / "build" / "sales.pptx"))
    assert code == 0
    assert out.splitlines() == [
        "~ slide 6 · concerns[1] · \u201eDas macht Arbeit.\u201c",
        "    text: Die Redaktion schreibt{+ und plant+}.",
        "~ slide 7 · next_steps[1] · Nächste Schritte",
        "    text: {+Ersten Beitrag planen+}",
    ]


def test_every_reviewer_command_works_on_a_new_repo(tmp_path: Path) -> None:
    repo = tmp_path / "decks"
    assert run("init", str(repo))[0] == 0
    for args in (
        ("validate",),
        ("list",),
        ("coverage",),  # --strict would fail: every text is still the starter's
        ("explain", "sales", "3"),
        ("notes", "hr"),
        ("schema",),
        ("theme", "list"),
        ("build", "--all", "--quiet"),
    ):
        code, _, err = run("--project", str(repo), *args)
        assert code == 0, (args, err)
    assert (repo / "build" / "hr-notes.md").read_text(encoding="utf-8").startswith("# ")
    deck = repo / "build" / "sales.pptx"
    assert run("diff", str(deck), str(deck))[1] == "no differences\n"


def test_built_in_words_follow_the_locale(tmp_path: Path) -> None:
    repo = tmp_path / "decks"
    assert run("init", str(repo))[0] == 0
    settings = repo / "deckgen.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("locale: de", "locale: en"), encoding="utf-8"
    )
    assert run("--project", str(repo), "build", "sales")[0] == 0
    from pptx import Presentation

    deck = Presentation(str(repo / "build" / "sales.pptx"))
    titles = [s.shapes.title.text_frame.text for s in deck.slides if s.shapes.title is not None]
    assert "Agenda" in titles
    assert "What you gain" in titles
    assert any(t.startswith("\u201c") and t.endswith("\u201d") for t in titles)  # a concern
    assert titles[-1] == "Questions?"
    assert (
        deck.slides[0].shapes.title.text_frame.paragraphs[0].runs[0].font._rPr.get("lang")
        == "en-GB"
    )
