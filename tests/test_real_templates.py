"""Every example deck on real templates made by others: each Impress template LibreOffice ships
(converted from .otp), pandoc's reference deck, and the PowerPoint and WPS templates in
tests/fixtures/templates (tests/templates.py; the fixture ``real_templates`` is in conftest.py).
One test per template, so a failure names its template.

These need LibreOffice and pandoc; .ci/run installs both (make test-render).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openxml_audit import validate_pptx
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from deckgen.cli import cli
from tests.templates import template_names

pytestmark = pytest.mark.render

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("examples")
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture(scope="module")
def expected(project: Path) -> dict[str, int]:
    """Slides of each example deck on the built-in theme, less continuation slides."""
    result = CliRunner().invoke(
        cli, ["--project", str(project), "build", "--all", "--out", str(project / "ref")]
    )
    assert result.exit_code == 0, result.output
    counts = {p.stem: own_slides(Presentation(str(p))) for p in (project / "ref").glob("*.pptx")}
    assert len(counts) == 7
    return counts


def own_slides(deck: Any) -> int:
    """Slides less the continuation slides that long lists go on on (they differ by theme)."""
    return sum(
        1
        for slide in deck.slides
        if slide.shapes.title is None or "(Fortsetzung" not in slide.shapes.title.text_frame.text
    )


def empty_placeholders(deck: Any) -> list[tuple[int, str]]:
    empty = []
    for number, slide in enumerate(deck.slides, start=1):
        for placeholder in slide.placeholders:
            if placeholder.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER:
                continue
            if placeholder.has_text_frame and not placeholder.text_frame.text.strip():
                empty.append((number, placeholder.name))
    return empty


@pytest.mark.parametrize("name", template_names())
def test_every_department_builds_on_the_template(
    name: str, real_templates: dict[str, Path], project: Path, expected: dict[str, int]
) -> None:
    runner = CliRunner()
    imported = runner.invoke(
        cli,
        [
            "--project",
            str(project),
            "theme",
            "import",
            str(real_templates[name]),
            "--name",
            name,
            "--no-check",
        ],
    )
    assert imported.exit_code == 0, imported.output
    out = project / "decks" / name
    built = runner.invoke(
        cli, ["--project", str(project), "build", "--all", "--theme", name, "--out", str(out)]
    )
    assert built.exit_code == 0, built.output
    for slug, count in expected.items():
        deck = Presentation(str(out / f"{slug}.pptx"))
        assert own_slides(deck) == count, slug
        assert empty_placeholders(deck) == [], slug
        texts = "\n".join(
            shape.text_frame.text
            for slide in deck.slides
            for shape in slide.shapes
            if shape.has_text_frame
        )
        assert "Fragen?" in texts, slug
    audit = validate_pptx(str(out / "sales.pptx"))
    assert [e.description for e in audit.errors] == []
