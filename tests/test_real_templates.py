"""Every example deck on real templates: each one LibreOffice ships, and pandoc's reference deck.

These run where LibreOffice (soffice) and pandoc are installed; .ci/run installs both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openxml_audit import validate_pptx
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from deckgen.cli import cli

REPO = Path(__file__).resolve().parent.parent
LIBREOFFICE_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")


def _example_project(root: Path) -> Path:
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture(scope="module")
def real_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real templates as .pptx files: LibreOffice's, converted, and pandoc's reference deck."""
    folder = tmp_path_factory.mktemp("templates")
    found: dict[str, Path] = {}
    soffice = shutil.which("soffice")
    if soffice and LIBREOFFICE_TEMPLATES.is_dir():
        sources = sorted(LIBREOFFICE_TEMPLATES.glob("*.otp"))
        profile = tmp_path_factory.mktemp("profile")
        subprocess.run(
            [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "pptx", "--outdir", str(folder), *map(str, sources)],
            check=True, capture_output=True, timeout=600,
            env={**os.environ, "HOME": str(profile)},
        )  # fmt: skip
        found.update({p.stem.lower(): p for p in folder.glob("*.pptx")})
        assert len(found) == len(sources)
    pandoc = shutil.which("pandoc")
    if pandoc:
        reference = folder / "pandoc-reference.pptx"
        subprocess.run(
            [pandoc, "-o", str(reference), "--print-default-data-file", "reference.pptx"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        found["pandoc-reference"] = reference
    if not found:
        pytest.skip("neither LibreOffice nor pandoc is installed")
    return found


def own_slides(deck: Any) -> int:
    """Slides less the continuation slides that long lists go on on (they differ by theme)."""
    return sum(
        1
        for slide in deck.slides
        if slide.shapes.title is None or "(Fortsetzung)" not in slide.shapes.title.text_frame.text
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


def test_every_department_builds_on_every_real_template(
    real_templates: dict[str, Path], tmp_path: Path
) -> None:
    project = _example_project(tmp_path)
    runner = CliRunner()
    reference = runner.invoke(
        cli, ["--project", str(project), "build", "--all", "--out", str(project / "ref")]
    )
    assert reference.exit_code == 0, reference.output
    expected = {p.stem: own_slides(Presentation(str(p))) for p in (project / "ref").glob("*.pptx")}
    assert len(expected) == 7
    for name, template in sorted(real_templates.items()):
        result = runner.invoke(
            cli, ["--project", str(project), "theme", "import", str(template), "--name", name]
        )
        assert result.exit_code == 0, (name, result.output)
        result = runner.invoke(
            cli,
            [
                "--project",
                str(project),
                "build",
                "--all",
                "--theme",
                name,
                "--out",
                str(project / name),
            ],
        )
        assert result.exit_code == 0, (name, result.output)
        for slug, count in expected.items():
            deck = Presentation(str(project / name / f"{slug}.pptx"))
            assert own_slides(deck) == count, (name, slug)
            assert empty_placeholders(deck) == [], (name, slug)
            texts = "\n".join(
                shape.text_frame.text
                for slide in deck.slides
                for shape in slide.shapes
                if shape.has_text_frame
            )
            assert "Fragen?" in texts, (name, slug)
        audit = validate_pptx(str(project / name / "sales.pptx"))
        assert [e.description for e in audit.errors] == [], name
