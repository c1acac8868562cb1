"""The command line on a valid project: build, list, validate, options."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import cli
from tests.helpers import MINIMAL_DEPARTMENT, MINIMAL_SETTINGS, MINIMAL_SHARED, minimal_project


def test_build_one_department(project: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "sales"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "build/sales.pptx (8 slides)\n"
    assert len(Presentation("build/sales.pptx").slides) == 8


def test_build_from_a_subfolder_finds_the_project(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "content" / "departments")
    result = CliRunner().invoke(cli, ["build", "sales"])
    assert result.exit_code == 0, result.output
    assert (project / "build" / "sales.pptx").is_file()


def test_build_all_with_out_folder(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", hr=MINIMAL_DEPARTMENT.replace("Vertrieb", "Personal"))
    out = tmp_path / "decks"
    result = CliRunner().invoke(
        cli, ["--project", str(root), "build", "--all", "--out", str(out), "--allow-outside-output"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.pptx")) == ["hr.pptx", "sales.pptx"]
    title = Presentation(str(out / "hr.pptx")).slides[0].placeholders[1].text_frame.text
    assert title == "Personal"


def test_build_all_goes_on_past_a_failing_department(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", hr="name: Personal\n")
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "--all"])
    assert result.exit_code == 1
    assert result.stdout.endswith("sales.pptx (8 slides)\n")
    assert result.stderr.splitlines()[-1] == "1 of 2 decks failed: hr"
    assert (root / "build" / "sales.pptx").is_file()
    assert not (root / "build" / "hr.pptx").exists()


def test_departments_and_all_together_is_a_usage_error(project: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "sales", "--all"])
    assert result.exit_code == 2
    assert "name departments or use --all, not both" in result.stderr


def test_list(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", hr=MINIMAL_DEPARTMENT.replace("Vertrieb", "Personal"))
    result = CliRunner().invoke(cli, ["--project", str(root), "list"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "slug   name      slides",
        "hr     Personal  8",
        "sales  Vertrieb  8",
    ]


def test_validate_ok(project: Path) -> None:
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0
    assert result.stdout == "all content is valid (1 departments)\n"


def test_validate_reports_every_department(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = minimal_project(tmp_path / "p", hr="name: Personal\n", it="name: IT\naudience: [x]\n")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "content/departments/hr.yaml:1:1: audience: missing required key 'audience'",
        "content/departments/it.yaml:2:11: audience: expected text, got a list",
    ]


def test_python_dash_m(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "deckgen", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "deckgen, version 0.1.0"


def test_help_documents_exit_codes() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "2  usage error" in result.stdout


def test_section_notes_without_a_header_lead_the_first_slide(tmp_path: Path) -> None:
    root = minimal_project(
        tmp_path / "p",
        **{
            "deckgen.yaml": MINIMAL_SETTINGS.replace("    header: true\n", ""),
            "content/shared.yaml": MINIMAL_SHARED.replace(
                "    title: Warum wir das tun\n",
                "    title: Warum wir das tun\n    notes: Erst das Warum.\n",
            ),
        },
    )
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(root / "build" / "sales.pptx"))
    notes = deck.slides[2].notes_slide.notes_text_frame
    assert [p.text for p in notes.paragraphs] == ["Erst das Warum.", "Ziele erklären."]


def test_quiet_prints_nothing_and_verbose_a_summary(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", hr=MINIMAL_DEPARTMENT.replace("Vertrieb", "Personal"))
    quiet = CliRunner().invoke(cli, ["--project", str(root), "build", "--all", "--quiet"])
    assert quiet.exit_code == 0
    assert quiet.output == ""
    verbose = CliRunner().invoke(cli, ["--project", str(root), "build", "--all", "-v", "--force"])
    assert verbose.exit_code == 0
    lines = verbose.stdout.splitlines()
    assert lines[2].split() == ["department", "slides", "warnings", "file"]
    assert lines[3].split()[:3] == ["hr", "8", "0"]
    assert lines[4].split()[:3] == ["sales", "8", "0"]


def test_shell_completion_of_departments_and_themes(project: Path) -> None:
    env = {"_DECKGEN_COMPLETE": "bash_complete", "COMP_WORDS": "deckgen build s", "COMP_CWORD": "2"}
    result = CliRunner().invoke(cli, [], env=env, prog_name="deckgen")
    assert "plain,sales" in result.output.split()
    env = {
        "_DECKGEN_COMPLETE": "bash_complete",
        "COMP_WORDS": "deckgen build sales --theme d",
        "COMP_CWORD": "4",
    }
    result = CliRunner().invoke(cli, [], env=env, prog_name="deckgen")
    assert "plain,dark" in result.output.split()


def test_text_that_cannot_fit_warns_and_strict_fails(tmp_path: Path) -> None:
    long_answer = "Sehr lange Antwort mit vielen Wörtern. " * 150
    department = MINIMAL_DEPARTMENT.replace("Die Redaktion schreibt.", long_answer.strip())
    root = minimal_project(tmp_path / "p", sales=department)
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0
    where = f"{root / 'content/departments/sales.yaml'}:9:5: slide 6"
    assert result.stderr.splitlines() == [
        f"warning: {where}: the answer does not fit its box even at 12 pt; shorten it",
        # and text shrunk that far is too small to read (see test_accessibility.py)
        f"warning: {where}: body text 'Sehr lange Antwort mit vielen Wörtern. …' is 12 pt, "
        "below the minimum of 18 pt (accessibility.min_size.body); shorten the text, so that "
        "it needs less shrinking",
    ]
    strict = CliRunner().invoke(cli, ["--project", str(root), "build", "sales", "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[-1] == "2 warning(s), and --strict makes them errors"


def test_long_bullet_list_goes_on_on_a_continuation_slide(tmp_path: Path) -> None:
    points = "".join(f"          - Punkt Nummer {n} mit etwas mehr Text\n" for n in range(1, 19))
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: bullets\n        title: Viel\n"
        "        points:\n" + points.replace("          - ", "          - ")
    )
    root = minimal_project(tmp_path / "p", sales=department)
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(root / "build" / "sales.pptx"))
    titles = [s.shapes.title.text_frame.text for s in deck.slides if s.shapes.title is not None]
    assert "Viel" in titles and "Viel (Fortsetzung)" in titles
    first = deck.slides[titles.index("Viel")].placeholders[1].text_frame.paragraphs
    second = deck.slides[titles.index("Viel (Fortsetzung)")].placeholders[1].text_frame.paragraphs
    assert len(first) + len(second) == 18
    assert second[0].text == f"Punkt Nummer {len(first) + 1} mit etwas mehr Text"


def test_fit_policy_shrink_does_not_split(tmp_path: Path) -> None:
    points = "".join(f"          - Punkt Nummer {n} mit etwas mehr Text\n" for n in range(1, 15))
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: bullets\n        title: Viel\n"
        "        fit: shrink\n        points:\n" + points
    )
    root = minimal_project(tmp_path / "p", sales=department)
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(root / "build" / "sales.pptx"))
    titles = [s.shapes.title.text_frame.text for s in deck.slides if s.shapes.title is not None]
    assert "Viel (Fortsetzung)" not in titles
    body = deck.slides[titles.index("Viel")].placeholders[1].text_frame
    sizes = {run.font.size.pt for p in body.paragraphs for run in p.runs}
    assert len(sizes) == 1 and 12 <= sizes.pop() < 22


def test_long_table_goes_on_on_a_continuation_slide(tmp_path: Path) -> None:
    rows = "".join(
        f"          - [Zeile {n} mit einem längeren Text in der ersten Spalte, Wer, Wann]\n"
        for n in range(1, 25)
    )
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: table\n        title: Plan\n"
        "        columns: [Was, Wer, Wann]\n        rows:\n" + rows
    )
    root = minimal_project(tmp_path / "p", sales=department)
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    deck = Presentation(str(root / "build" / "sales.pptx"))
    tables = [
        (slide.shapes.title.text_frame.text, shape.table)
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
    ]
    assert [title for title, _ in tables][:2] == ["Plan", "Plan (Fortsetzung)"]
    assert all(table.cell(0, 0).text == "Was" for _, table in tables)
    assert sum(len(table.rows) - 1 for _, table in tables) == 24


def test_unchanged_decks_are_not_built_again(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", hr=MINIMAL_DEPARTMENT.replace("Vertrieb", "Personal"))
    runner = CliRunner()
    first = runner.invoke(cli, ["--project", str(root), "build", "--all"])
    assert len(first.stdout.splitlines()) == 2
    deck = root / "build" / "sales.pptx"
    written = deck.stat().st_mtime_ns
    again = runner.invoke(cli, ["--project", str(root), "build", "--all"])
    assert again.stdout == "2 deck(s) up to date; --force builds them again\n"
    assert deck.stat().st_mtime_ns == written
    hr = root / "content" / "departments" / "hr.yaml"
    hr.write_text(hr.read_text(encoding="utf-8") + "presenter: Anna\n", encoding="utf-8")
    changed = runner.invoke(cli, ["--project", str(root), "build", "--all"])
    assert changed.stdout.splitlines()[0].endswith("hr.pptx (8 slides)")
    assert changed.stdout.splitlines()[-1] == "1 deck(s) up to date"
    shared = root / "content" / "shared.yaml"
    shared.write_text(shared.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert (
        len(runner.invoke(cli, ["--project", str(root), "build", "--all"]).stdout.splitlines()) == 2
    )
    forced = runner.invoke(cli, ["--project", str(root), "build", "--all", "--force"])
    assert len(forced.stdout.splitlines()) == 2
    deck.unlink()
    assert runner.invoke(cli, ["--project", str(root), "build", "sales"]).stdout.endswith(
        "sales.pptx (8 slides)\n"
    )


def test_jobs_build_the_same_decks(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", hr=MINIMAL_DEPARTMENT.replace("Vertrieb", "Personal"))
    one = CliRunner().invoke(
        cli, ["--project", str(root), "build", "--all", "-j", "1", "--out", str(root / "one")]
    )
    two = CliRunner().invoke(
        cli, ["--project", str(root), "build", "--all", "-j", "2", "--out", str(root / "two")]
    )
    assert one.exit_code == two.exit_code == 0
    for name in ("hr.pptx", "sales.pptx"):
        assert (root / "one" / name).read_bytes() == (root / "two" / name).read_bytes()


def test_help_does_not_import_python_pptx(project: Path) -> None:
    code = (
        "import sys; from deckgen.cli import cli\n"
        "for args in (['--help'], ['build', '--help']):\n"
        "    try:\n"
        "        cli(args, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('pptx' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=project
    )
    assert result.stdout.splitlines()[-1] == "False"
