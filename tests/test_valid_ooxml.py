"""Every deck deckgen writes passes the OOXML schema validator openxml-audit with zero errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openxml_audit import validate_pptx

from deckgen.cli import cli

REPO = Path(__file__).resolve().parent.parent
EVERY_KIND = Path(__file__).parent / "fixtures" / "every-kind"


def audit(deck: Path) -> list[str]:
    result = validate_pptx(str(deck))
    return [f"{e.part_uri}: {e.description}" for e in result.errors] if result.error_count else []


@pytest.mark.parametrize("theme", ["modern", "agency", "dark"])
def test_every_example_deck_is_valid(tmp_path: Path, theme: str) -> None:
    shutil.copy(REPO / "deckgen.yaml", tmp_path / "deckgen.yaml")
    shutil.copytree(REPO / "content", tmp_path / "content")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--project", str(tmp_path), "build", "--all", "--theme", theme, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    decks = sorted(out.glob("*.pptx"))
    assert len(decks) == 7
    assert {deck.name: audit(deck) for deck in decks} == {deck.name: [] for deck in decks}


@pytest.mark.parametrize("theme", ["modern", "agency", "dark"])
def test_every_slide_kind_is_valid(tmp_path: Path, theme: str) -> None:
    root = tmp_path / "every-kind"
    shutil.copytree(EVERY_KIND, root)
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales", "--theme", theme])
    assert result.exit_code == 0, result.output
    assert audit(root / "build" / "sales.pptx") == []
