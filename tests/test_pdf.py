"""Accessible PDFs: `build --pdf` writes tagged PDF that declares PDF/UA-1, with the deck's title
and language, and an independent checker finds nothing.

The checker is `pdfua` (PyPI), which runs the machine-checkable subset of PDF/UA-1 and WCAG 2.1
it implements (16 of the 106 rules of the veraPDF PDF/UA-1 profile: structure tree, MarkInfo,
page content tagged or an artifact, natural language, figures with alternative text, table
structure, annotations, headings, title, DisplayDocTitle, PDF/UA identification in XMP). It is
no certificate of conformance; veraPDF (Java, not in the package registries this project uses)
would be. The test also reads the PDF itself with pikepdf.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from click.testing import CliRunner

from deckgen.cli import cli

pdfua = pytest.importorskip("pdfua")

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]

REPO = Path(__file__).resolve().parent.parent
EVERY_KIND = Path(__file__).parent / "fixtures" / "every-kind"


def build_pdfs(root: Path, *args: str) -> list[Path]:
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "--pdf", "-q", *args])
    assert result.exit_code == 0, result.output
    return sorted((root / "build").glob("*.pdf"))


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("examples")
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    return build_pdfs(root, "--all")


@pytest.fixture(scope="module", params=["agency", "dark"])
def every_kind(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp(request.param) / "every-kind"
    shutil.copytree(EVERY_KIND, root)
    [pdf] = build_pdfs(root, "sales", "--theme", request.param)
    return pdf


def problems(pdf: Path) -> list[str]:
    report = pdfua.validate(str(pdf))
    return [f"{f.rule_id} {f.location} {f.message}" for f in report.findings]


def figures(pdf: Any) -> list[Any]:
    found = []

    def walk(element: Any) -> None:
        kids = element.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in items:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if kid["/S"] == "/Figure":
                    found.append(kid)
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return found


def test_every_example_pdf_passes_the_checker(examples: list[Path]) -> None:
    assert len(examples) == 7
    assert {pdf.name: problems(pdf) for pdf in examples} == {pdf.name: [] for pdf in examples}


def test_the_pdf_is_tagged_with_title_language_and_pdf_ua_identification(
    examples: list[Path],
) -> None:
    pdf_path = next(p for p in examples if p.stem == "sales")
    with pikepdf.open(pdf_path) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "de-DE"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo["/Title"]) == "Gemeinsam auf Social Media: Vertrieb"
        metadata = pdf.open_metadata()
        assert metadata["pdfuaid:part"] == "1"
        alts = [str(f.get("/Alt", "")) for f in figures(pdf)]
    assert alts and all(alts), alts  # decorative shapes are artifacts, not empty figures
    assert any(alt.startswith("Säulendiagramm der angestrebten Anfragen") for alt in alts)


def test_every_kind_of_slide_passes_on_other_themes(every_kind: Path) -> None:
    assert problems(every_kind) == []
    with pikepdf.open(every_kind) as pdf:
        alts = [str(f.get("/Alt", "")) for f in figures(pdf)]
    assert "Ein graues Testbild" in alts
    assert all(alts), alts
