"""For reviewers and presenters: coverage, talk track, PDF, native sections."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.cli import cli
from deckgen.commands import pdf
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project

SALES = "content/departments/sales.yaml"


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--project", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_coverage_counts_and_gaps(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", hr="name: Personal\naudience: Alle\nnotes: Hallo\n")
    code, out, _ = run(root, "coverage")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "department", "benefits", "concerns", "examples", "metrics", "next_steps", "contact",
        "notes",
    ]  # fmt: skip
    assert lines[1].split() == ["hr", "0", "0", "0", "0", "0", "0", "2/5"]
    assert lines[2].split() == ["sales", "2", "1", "0", "0", "1", "0", "1/8"]
    assert lines[4:] == [
        "hr: no benefit",
        "hr: no concern",
        "hr: no example",
        "hr: no key figure or chart",
        "hr: no next step",
        "hr: no contact of its own",
        "hr: 3 slide(s) without speaker notes",
        "sales: no example",
        "sales: no key figure or chart",
        "sales: no contact of its own",
        "sales: 7 slide(s) without speaker notes",
    ]
    assert run(root, "coverage", "--strict")[0] == 1


def test_coverage_of_the_examples_has_no_gaps() -> None:
    repo = Path(__file__).resolve().parent.parent
    code, out, _ = run(repo, "coverage", "--strict")
    assert code == 0
    assert len(out.splitlines()) == 8


def test_talk_track(tmp_path: Path) -> None:
    department = MINIMAL_DEPARTMENT.replace(
        "    text: Kunden finden uns\n",
        "    text: Kunden finden uns\n    notes: |\n      Erst erzählen.\n      - Punkt\n"
        "        - Unterpunkt\n",
    )
    root = minimal_project(tmp_path / "p", sales=department)
    code, out, _ = run(root, "notes", "sales")
    assert code == 0
    assert out.endswith("build/sales-notes.md (8 slides, about 1 min)\n")
    text = (root / "build" / "sales-notes.md").read_text(encoding="utf-8")
    assert text.startswith(
        "# Social Media bei uns: Vertrieb\n\n~1 Min.\n\n## 1. Social Media bei uns (0.2 Min.)\n"
    )
    assert (
        "## 5. Was Sie davon haben (0.2 Min.)\n\n**Mehr Anfragen**\n\nErst erzählen.\n\n"
        "- Punkt\n  - Unterpunkt\n" in text
    )
    assert "## 2. Agenda (0.2 Min.)\n\n*(keine Notizen)*\n" in text


def test_decks_have_native_sections_from_the_outline(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p")
    assert run(root, "build", "sales")[0] == 0
    deck = Presentation(str(root / "build" / "sales.pptx"))
    root_element = deck.part._element
    section_list = root_element.find(f"{qn('p:extLst')}/{qn('p:ext')}")
    p14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
    sections = [
        (s.get("name"), len(s.findall(f"{p14}sldIdLst/{p14}sldId")))
        for s in section_list.iter(f"{p14}section")
    ]
    assert sections == [
        ("Social Media bei uns", 1),
        ("Agenda", 1),
        ("Warum wir das tun", 2),
        ("Ihr Nutzen", 1),
        ("Ihre Bedenken – unsere Antworten", 1),
        ("Nächste Schritte", 1),
        ("Kontakt", 1),
    ]
    slide_ids = [s.get("id") for s in deck.slides._sldIdLst]
    listed = [e.get("id") for e in section_list.iter(f"{p14}sldId")]
    assert listed == slide_ids
    assert etree.QName(section_list[0]).localname == "sectionLst"


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_build_with_pdf(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p")
    code, out, _ = run(root, "build", "sales", "--pdf")
    assert code == 0
    assert out.splitlines()[1].endswith("sales.pdf")
    assert (root / "build" / "sales.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_without_libreoffice_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    root = minimal_project(tmp_path / "p")
    code, out, err = run(root, "build", "sales", "--pdf")
    assert code == 1
    assert out == ""
    assert err.strip() == pdf.INSTALL_HINT


def test_explain_names_layout_and_the_line_of_every_text(tmp_path: Path) -> None:
    root = minimal_project(
        tmp_path / "p",
        sales=MINIMAL_DEPARTMENT
        + "override:\n  why:\n    title: Warum\n    slides:\n      - kind: bullets\n"
        "        title: Unser Warum\n        points: [Eins]\n",
    )
    code, out, _ = run(root, "explain", "sales")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "slide 1: title, layout 'Title', section 'title', "
        f"from {root / 'content/departments/sales.yaml'}:1:7"
    )
    assert lines[1] == f"  title: 'Social Media bei uns'  ({root / 'deckgen.yaml'}:3:8)"
    code, out, _ = run(root, "explain", "sales", "4")
    assert out.splitlines() == [
        "slide 4: bullets, layout 'Bullets', section 'why', "
        f"from {root / 'content/departments/sales.yaml'}:17:9",
        "  the department overrides the shared section 'why'",
        f"  override.why.slides[1].title: 'Unser Warum'  ({root / SALES}:18:16)",
        f"  override.why.slides[1].points[1].text: 'Eins'  ({root / SALES}:19:18)",
    ]
    code, _, err = run(root, "explain", "sales", "40")
    assert code == 1
    assert err.strip() == "slide 40 does not exist; the deck has 8"


@pytest.mark.render
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice or poppler-utils is not installed",
)
def test_preview_renders_pdf_slides_and_contact_sheet(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p")
    code, out, _ = run(root, "preview", "sales")
    assert code == 0
    folder = root / "build" / "preview" / "sales"
    assert out.strip().endswith("contact-sheet.png (8 slides)")
    assert (folder / "sales.pdf").read_bytes().startswith(b"%PDF")
    assert len(list(folder.glob("slide-*.png"))) == 8
    assert (folder / "contact-sheet.png").stat().st_size > 0


def test_preview_without_libreoffice_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    root = minimal_project(tmp_path / "p")
    code, _, err = run(root, "preview", "sales")
    assert code == 1
    assert err.strip() == pdf.INSTALL_HINT
    assert not (root / "build").exists()
