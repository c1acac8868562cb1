"""Presenters' edits: kept when a build would overwrite them, and brought back by deckgen pull
into the right line of the YAML, comments and layout intact."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Cm

from deckgen.cli import cli
from deckgen.review.pull import key_path
from deckgen.review.yaml_edit import edit_words
from tests.helpers import minimal_project

DEPARTMENT = """\
# Vertrieb: the comments stay where they are
name: Vertrieb
audience: Außendienst   # who sits in the room
benefits:
  - title: Mehr Anfragen
    text: Kunden finden uns
  - title: Nähe
    text: "Wir sind sichtbar"
concerns:
  # the first concern
  - concern: Das macht Arbeit.
    answer: |
      Die Redaktion schreibt die Beiträge; Sie liefern
      nur die Themen und prüfen die Fakten.
    notes: |
      Ehrlich sagen, wie viel Zeit es kostet.
      - eine Stunde im Monat
next_steps:
  - Profil anlegen   # by January
"""


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = minimal_project(tmp_path / "p", sales=DEPARTMENT)
    monkeypatch.chdir(project)  # paths print relative to it
    assert run("--project", str(project), "build", "sales")[0] == 0
    return project


def replace_text(deck: Path, old: str, new: str) -> None:
    """Edit a deck as a presenter would, in python-pptx: one run's text."""
    presentation = Presentation(str(deck))
    for slide in presentation.slides:
        frames = [s.text_frame for s in slide.shapes if s.has_text_frame]
        if slide.has_notes_slide:
            frames.append(slide.notes_slide.notes_text_frame)
        for frame in frames:
            for paragraph in frame.paragraphs:
                for run_ in paragraph.runs:
                    if old in run_.text:
                        run_.text = run_.text.replace(old, new)
    presentation.save(str(deck))


def texts(deck: Path) -> str:
    presentation = Presentation(str(deck))
    return "\n".join(
        shape.text_frame.text
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def test_a_rebuild_keeps_the_edited_deck(root: Path) -> None:
    deck = root / "build" / "sales.pptx"
    state = json.loads((root / "build" / ".deckgen-state.json").read_text(encoding="utf-8"))
    assert len(state["sales"]["sha256"]) == 64
    replace_text(deck, "Sie liefern", "Sie liefern gern")
    code, _, err = run("--project", str(root), "build", "sales")
    assert code == 0
    kept = root / "build" / f"sales.edited-{dt.date.today().isoformat()}.pptx"
    assert f"build/sales.pptx was changed since deckgen wrote it; kept as build/{kept.name}" in err
    assert "Sie liefern gern" in texts(kept)
    assert "Sie liefern gern" not in texts(deck)
    # a deck deckgen wrote itself is overwritten without a copy
    assert run("--project", str(root), "build", "sales", "--force")[0] == 0
    assert sorted(p.name for p in (root / "build").glob("*.pptx")) == [kept.name, "sales.pptx"]
    # a second edit on the same day gets a name of its own
    replace_text(deck, "Sie liefern", "Sie liefern bald")
    assert run("--project", str(root), "build", "sales")[0] == 0
    assert "Sie liefern bald" in texts(kept.with_name(kept.stem + "-2.pptx"))


def test_stop_and_overwrite(root: Path) -> None:
    deck = root / "build" / "sales.pptx"
    replace_text(deck, "Sie liefern", "Sie liefern gern")
    code, _, err = run("--project", str(root), "build", "sales", "--on-edited", "stop")
    assert code == 1
    assert "changed since deckgen wrote it" in err and "nothing was built" in err
    assert "Sie liefern gern" in texts(deck)
    code, _, _ = run("--project", str(root), "build", "sales", "--on-edited", "overwrite")
    assert code == 0
    assert "Sie liefern gern" not in texts(deck)
    assert list((root / "build").glob("*.edited-*")) == []


def test_pull_writes_the_change_into_its_line_keeping_comments(root: Path) -> None:
    deck = root / "build" / "sales.pptx"
    replace_text(deck, "Sie liefern", "Sie liefern gern")
    replace_text(deck, "Kunden finden uns", "Kundinnen finden uns")
    replace_text(deck, "eine Stunde im Monat", "eine halbe Stunde im Monat")
    source = root / "content" / "departments" / "sales.yaml"
    code, out, _ = run("--project", str(root), "pull", str(deck), "--yes")
    assert code == 0, out
    assert "content/departments/sales.yaml:12:13: concerns[1].answer (slide 6)" in out
    assert "Die Redaktion schreibt die Beiträge; Sie liefern {+gern +}nur die Themen" in out
    expected = (
        DEPARTMENT.replace("Sie liefern\n", "Sie liefern gern\n")
        .replace("text: Kunden finden uns", "text: Kundinnen finden uns")
        .replace("- eine Stunde im Monat", "- eine halbe Stunde im Monat")
    )
    assert source.read_text(encoding="utf-8") == expected
    # built again, the deck says what the presenter changed: nothing left to pull
    assert run("--project", str(root), "build", "sales")[0] == 0
    code, out, _ = run("--project", str(root), "pull", str(deck), "--dry-run")
    assert out.strip() == "nothing to write: no text of the deck traces to the content"


def test_pull_lists_what_it_cannot_trace_and_asks(root: Path) -> None:
    deck = root / "build" / "sales.pptx"
    presentation = Presentation(str(deck))
    presentation.slides[0].shapes.title.text_frame.paragraphs[0].runs[0].text = "Social Media!"
    concern = presentation.slides[5]
    concern.shapes.title.text_frame.paragraphs[0].runs[0].text = "Ihre Fragen"
    box = concern.shapes.add_textbox(Cm(1), Cm(1), Cm(4), Cm(2))
    box.text_frame.text = "Neue Notiz"
    presentation.slides.add_slide(presentation.slide_layouts[1]).shapes.title.text = "Extra"
    presentation.save(str(deck))
    replace_text(deck, "Kunden finden uns", "Kundinnen finden uns")
    source = root / "content" / "departments" / "sales.yaml"
    code, out, _ = run("--project", str(root), "pull", str(deck), input="n\n")
    assert code == 0
    assert source.read_text(encoding="utf-8") == DEPARTMENT  # answered no
    assert "Write these changes? [y/N]" in out and "nothing written" in out
    lines = out.splitlines()
    start = lines.index("not taken over (change these by hand where you want them):")
    assert [line.split(":")[0] for line in lines[start + 1 : start + 4]] == [
        "  slide 6, title",
        "  slide 6, shape 'TextBox 6'",
        "  slide 9, slide",
    ]
    assert "not from the content" in lines[start + 1]
    assert "a shape deckgen does not make" in lines[start + 2]
    assert "a slide deckgen does not make" in lines[start + 3]
    # the title of the title slide is deckgen.yaml's title: traced there
    assert "deckgen.yaml:3:8: title (slide 1)" in out
    assert "+title: Social Media!" in out
    assert "+    text: Kundinnen finden uns" in out


def test_pull_does_not_rewrite_template_expressions(tmp_path: Path) -> None:
    root = minimal_project(
        tmp_path / "p",
        sales=DEPARTMENT.replace("Kunden finden uns", '"{{ department.name }} wächst"'),
    )
    assert run("--project", str(root), "build", "sales")[0] == 0
    deck = root / "build" / "sales.pptx"
    replace_text(deck, "Vertrieb wächst", "Vertrieb wächst schnell")
    code, out, _ = run("--project", str(root), "pull", str(deck), "--dry-run")
    assert code == 0
    assert "comes from the template expression '{{ department.name }} wächst'" in out
    assert "nothing to write" in out


def test_pull_needs_a_department(root: Path, tmp_path: Path) -> None:
    deck = tmp_path / "Vortrag final.pptx"
    (root / "build" / "sales.pptx").rename(deck)
    code, _, err = run("--project", str(root), "pull", str(deck))
    assert code == 1
    assert "name it with --department" in err
    assert run("--project", str(root), "pull", str(deck), "--department", "sales", "-y")[0] == 0


def test_words_change_in_place() -> None:
    raw = "Die **Redaktion** schreibt\ndie Beiträge.\n\n- eine Stunde\n"
    shown = "Die Redaktion schreibt die Beiträge. eine Stunde"
    assert (
        edit_words(raw, shown, "Die Redaktion schreibt alle Beiträge. eine halbe Stunde")
        == "Die **Redaktion** schreibt\nalle Beiträge.\n\n- eine halbe Stunde\n"
    )
    assert edit_words(raw, "etwas anderes", "neu") is None
    assert key_path("sections.why.slides[2].points[1]") == (
        "sections",
        "why",
        "slides",
        1,
        "points",
        0,
    )


def test_a_deck_without_slide_keys_is_matched_by_titles_and_texts(root: Path) -> None:
    deck = root / "build" / "sales.pptx"
    presentation = Presentation(str(deck))
    for slide in presentation.slides:  # as LibreOffice saves a deck: no slide names
        slide._element.cSld.attrib.pop("name", None)
    presentation.save(str(deck))
    replace_text(deck, "Sie liefern", "Sie liefern gern")
    code, out, _ = run("--project", str(root), "pull", str(deck), "--dry-run")
    assert code == 0
    assert out.startswith("the deck carries no slide keys")
    assert "content/departments/sales.yaml:12:13: concerns[1].answer (slide 6)" in out
    assert "+      Die Redaktion schreibt die Beiträge; Sie liefern gern" in out
