"""Translations: a department (and the shared content, and deckgen.yaml) in another language, as
overlays that give only the translated texts; what they lack or have too much is reported at its
line; `build --lang` writes the decks of a translation into <output>/<language>/."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import cli
from deckgen.typography import plain
from tests.helpers import MINIMAL_SETTINGS, build_file_tree, minimal_project

REPO = Path(__file__).resolve().parent.parent

ENGLISH = """\
name: Sales
audience: Field sales
benefits:
  - title: More enquiries
    text: Customers find us
  - title: Closeness
    text: We are visible
concerns:
  - concern: That is work.
    answer: The editorial team writes.
next_steps:
  - Set up a profile
"""

SHARED = """\
sections:
  why:
    title: Why we do this
    slides:
      - title: Our goals
        points:
          - Closeness to people
          - text: Winning skilled staff
            points: [Training]
        notes: Explain the goals.
"""


def run(root: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def texts(path: Path) -> list[str]:
    deck = Presentation(str(path))
    return [
        plain(shape.text_frame.text)
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]


def translated(tmp_path: Path, english: str = ENGLISH, **more: str) -> Path:
    root = minimal_project(
        tmp_path / "p", **{"deckgen.yaml": MINIMAL_SETTINGS + "translations: [en]\n"}
    )
    files = {
        "content/departments/sales.en.yaml": english,
        "content/shared.en.yaml": SHARED,
        "deckgen.en.yaml": "title: Social media with us\n",
    }
    files.update(more)
    return build_file_tree(root, files)


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    root = tmp_path_factory.mktemp("examples")
    for name in ("deckgen.yaml", "deckgen.en.yaml"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content")
    return root, run(root, "build", "--all", "--lang", "all")


def test_build_all_in_all_languages_writes_both(examples: tuple[Path, Any]) -> None:
    root, result = examples
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (root / "build").glob("*.pptx")) == [
        "customer-service", "hr", "it", "management", "marketing", "sales", "works-council"
    ]  # fmt: skip
    assert [p.name for p in (root / "build" / "en").glob("*.pptx")] == ["sales.pptx"]
    assert f"{root / 'build' / 'en' / 'sales.pptx'} (21 slides)" in result.stdout.splitlines()


def test_the_example_translation_is_complete_and_english(examples: tuple[Path, Any]) -> None:
    root, result = examples
    assert "not translated" not in result.stderr and "no such text" not in result.stderr
    english = texts(root / "build" / "en" / "sales.pptx")
    german = texts(root / "build" / "sales.pptx")
    assert english[0] == "Social media, together" and german[0] == "Gemeinsam auf Social Media"
    assert "Questions?" in english and "Fragen?" in german
    assert any("Why we are going on social media" in t.splitlines() for t in english)  # agenda
    assert "How we work together" in english  # a section header slide
    deck = Presentation(str(root / "build" / "en" / "sales.pptx"))
    assert deck.core_properties.language == "en-GB"
    assert deck.core_properties.title == "Social media, together: Sales"


def test_the_translated_deck_has_no_accessibility_finding(examples: tuple[Path, Any]) -> None:
    root, _ = examples
    result = run(root, "check", "sales", "--lang", "en", "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout == "sales (en): no findings\n"


def test_a_text_not_translated_is_reported_at_the_original(tmp_path: Path) -> None:
    root = translated(tmp_path, ENGLISH.replace("    text: Customers find us\n", ""))
    result = run(root, "build", "sales", "--lang", "en")
    assert result.exit_code == 0, result.output
    original = root / "content/departments/sales.yaml"
    assert result.stderr.splitlines() == [
        f"warning: {original}:5:11: benefits[1].text: not translated into en: 'Kunden finden uns'"
    ]
    deck = root / "build" / "en" / "sales.pptx"
    assert "Kunden finden uns" in "\n".join(texts(deck))  # the original stands in for it
    assert "More enquiries" in "\n".join(texts(deck))
    assert run(root, "build", "sales", "--lang", "en", "--strict", "--force").exit_code == 1


def test_a_text_the_original_no_longer_has_is_reported_at_the_overlay(tmp_path: Path) -> None:
    root = translated(tmp_path, ENGLISH + "examples:\n  - title: Gone\n")
    result = run(root, "build", "sales", "--lang", "en")
    assert result.exit_code == 0, result.output
    overlay = root / "content/departments/sales.en.yaml"
    assert result.stderr.splitlines() == [
        f"warning: {overlay}:13:1: examples: the original has no such text any more; remove "
        "it or move it where it is now"
    ]


def test_a_template_error_in_the_overlay_is_at_the_overlays_line(tmp_path: Path) -> None:
    root = translated(tmp_path, ENGLISH.replace("Customers find us", "Us, {{ departmen.name }}"))
    result = run(root, "build", "sales", "--lang", "en")
    assert result.exit_code == 1
    overlay = root / "content/departments/sales.en.yaml"
    assert f"{overlay}:5:11: benefits[1].text: undefined variable 'departmen'" in result.stderr


def test_the_main_language_stays_in_the_output_folder(tmp_path: Path) -> None:
    root = translated(tmp_path)
    assert run(root, "build", "sales", "--lang", "de").exit_code == 0
    assert (root / "build" / "sales.pptx").is_file()
    assert not (root / "build" / "en").exists()
    assert texts(root / "build" / "sales.pptx")[0] == "Social Media bei uns"
    assert run(root, "build", "sales", "--lang", "en").exit_code == 0
    assert texts(root / "build" / "en" / "sales.pptx")[0] == "Social media with us"


def test_an_unknown_language_and_a_department_without_translation(tmp_path: Path) -> None:
    root = translated(tmp_path)
    result = run(root, "build", "sales", "--lang", "fr")
    assert result.exit_code == 1
    assert "no translation into 'fr'" in result.stderr
    build_file_tree(root, {"content/departments/hr.yaml": ENGLISH.replace("Sales", "HR")})
    result = run(root, "build", "hr", "--lang", "en")
    assert result.exit_code == 1
    assert "hr has no translation into en: write" in result.stderr
    result = run(root, "build", "--all", "--lang", "en")
    assert result.exit_code == 0, result.output  # --all: only the departments translated
    assert [p.name for p in (root / "build" / "en").glob("*.pptx")] == ["sales.pptx"]


def test_coverage_shows_what_is_not_yet_translated(tmp_path: Path) -> None:
    root = translated(tmp_path, ENGLISH.replace("    text: We are visible\n", ""))
    result = run(root, "coverage")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[-1] == "en"
    assert lines[1].split()[0] == "sales" and lines[1].split()[-1] == "1"
    assert "sales: 1 text(s) not translated into en (or stale)" in lines
    original = root / "content/departments/sales.yaml"
    assert f"  {original}:7:11: benefits[2].text: not translated into en: 'Wir sind sichtbar'" in (
        lines
    )


def test_validate_checks_the_translations_too(tmp_path: Path) -> None:
    root = translated(tmp_path, ENGLISH.replace("Customers find us", "Us, {{ departmen.name }}"))
    result = run(root, "validate")
    assert result.exit_code == 1
    overlay = root / "content/departments/sales.en.yaml"
    assert result.stderr.splitlines() == [
        f"{overlay}:5:11: benefits[1].text: undefined variable 'departmen'; did you mean "
        "'department'?"
    ]
    assert run(translated(tmp_path / "ok"), "validate").exit_code == 0
