"""Pagination is a step: every command sees the slides of the written deck; the fit policy holds."""

from __future__ import annotations

import re
import shutil
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import cli
from deckgen.content.model import ProcessStep
from deckgen.content.paths import department_slugs
from deckgen.paginate import ThemeFonts
from deckgen.paginate.drawn import card_text_rect, process_fit
from deckgen.paginate.geometry import Rect
from deckgen.paginate.measure import ParagraphStyle, count_lines, text_width
from deckgen.typography import plain
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project

REPO = Path(__file__).resolve().parent.parent
SLUGS = department_slugs(REPO)  # not the translations (sales.en.yaml)


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project, every deck built."""
    root = tmp_path_factory.mktemp("examples")
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "--all", "-j", "1"])
    assert result.exit_code == 0, result.output
    return root


def run(root: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--project", str(root), *args])
    assert result.exit_code == 0, result.output
    return result


def title_of(slide: Any) -> str:
    shape = slide.shapes.title
    return " ".join(plain(shape.text_frame.text).split()) if shape is not None else ""


@pytest.mark.parametrize("slug", SLUGS)
def test_every_command_numbers_the_slides_of_the_written_deck(examples: Path, slug: str) -> None:
    deck = Presentation(str(examples / "build" / f"{slug}.pptx"))
    slides = list(deck.slides)

    listing = run(examples, "list").stdout.splitlines()
    listed = {line.split()[0]: line.split()[-1] for line in listing}
    assert listed[slug] == str(len(slides))

    explained = re.findall(
        r"^slide (\d+): (\w+), layout '([^']*)'", run(examples, "explain", slug).stdout, re.M
    )
    assert [int(n) for n, _, _ in explained] == list(range(1, len(slides) + 1))
    assert [layout for _, _, layout in explained] == [s.slide_layout.name for s in slides]

    notes = run(examples, "notes", slug)
    assert re.search(rf"\({len(slides)} slides, about \d+ min\)$", notes.stdout.strip())
    track = (examples / "build" / f"{slug}-notes.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d+)\. (.*) \(\d+\.\d Min\.\)(?: \[Reserve\])?$", track, re.M)
    assert [int(n) for n, _ in headings] == list(range(1, len(slides) + 1))
    for (_, heading), slide in zip(headings, slides, strict=True):
        if title_of(slide) and slide.shapes.title.name != "Title (hidden)":
            assert heading == title_of(slide)


def test_explain_names_a_continuation_slide_that_list_counts(tmp_path: Path) -> None:
    points = "".join(f"          - Punkt Nummer {n} mit etwas mehr Text\n" for n in range(1, 19))
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: bullets\n        title: Viel\n"
        "        points:\n" + points
    )
    root = minimal_project(tmp_path / "p", sales=department)
    run(root, "build", "sales")
    deck = Presentation(str(root / "build" / "sales.pptx"))
    titles = [title_of(s) for s in deck.slides]
    number = titles.index("Viel (Fortsetzung)") + 1
    assert run(root, "list").stdout.splitlines()[1].split()[-1] == str(len(titles))
    line = run(root, "explain", "sales", str(number)).stdout.splitlines()[0]
    assert line.startswith(f"slide {number}: bullets, layout 'Bullets', section 'concerns'")


def test_fit_error_stops_a_table_that_does_not_fit(tmp_path: Path) -> None:
    rows = "".join(
        f"          - [Zeile {n} mit einem längeren Text in der ersten Spalte, Wer, Wann]\n"
        for n in range(1, 25)
    )
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: table\n        title: Plan\n"
        "        fit: error\n        columns: [Was, Wer, Wann]\n        rows:\n" + rows
    )
    root = minimal_project(tmp_path / "p", sales=department)
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{root / 'content/departments/sales.yaml'}:16:9: slide 7: the table does not fit its box"
    )
    assert not (root / "build" / "sales.pptx").exists()


def test_fit_error_in_deckgen_yaml_stops_a_long_list(tmp_path: Path) -> None:
    points = "".join(f"          - Punkt Nummer {n} mit etwas mehr Text\n" for n in range(1, 19))
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: bullets\n        title: Viel\n"
        "        points:\n" + points
    )
    root = minimal_project(tmp_path / "p", sales=department)
    settings = root / "deckgen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "fit: error\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{root / 'content/departments/sales.yaml'}:16:9: slide 7: the body does not fit its box"
    )


def test_a_split_list_never_leaves_one_point_alone(tmp_path: Path) -> None:
    long = "Ein Punkt mit so viel Text, dass er zwei Zeilen braucht, wenn nicht drei Zeilen " * 2
    points = "".join(f"          - {long} ({n})\n" for n in range(1, 10))
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: bullets\n        title: Viel\n"
        "        points:\n" + points
    )
    root = minimal_project(tmp_path / "p", sales=department)
    run(root, "build", "sales")
    deck = Presentation(str(root / "build" / "sales.pptx"))
    counts = [
        len(slide.placeholders[1].text_frame.paragraphs)
        for slide in deck.slides
        if title_of(slide).startswith("Viel")
    ]
    assert sum(counts) == 9 and len(counts) >= 2
    assert min(counts) >= 2 and max(counts) - min(counts) <= 1


def test_split_lists_carry_the_notes_of_their_own_points(tmp_path: Path) -> None:
    text = "Ein sehr langer Schritt, der viel Platz auf der Folie braucht und weiter geht, " * 3
    steps = "".join(
        f"  - step: Schritt {n}. {text}\n    notes: Notiz zu Schritt {n}\n" for n in range(1, 7)
    )
    department = MINIMAL_DEPARTMENT.replace(
        "next_steps:\n  - Profil anlegen\n", "next_steps:\n" + steps
    )
    root = minimal_project(tmp_path / "p", sales=department)
    run(root, "build", "sales")
    deck = Presentation(str(root / "build" / "sales.pptx"))
    parts = [s for s in deck.slides if title_of(s).startswith("Nächste Schritte")]
    assert len(parts) >= 2
    for slide in parts:
        shown = plain(slide.placeholders[1].text_frame.text)
        notes = slide.notes_slide.notes_text_frame.text
        for n in range(1, 7):
            assert (f"Schritt {n}." in shown) == (f"Notiz zu Schritt {n}" in notes), n


LONG_STEPS = MINIMAL_DEPARTMENT + (
    "add:\n  - after: concerns\n    slides:\n      - kind: process\n        title: Ablauf\n"
    "        alt: Sechs Schritte\n{fit}        steps:\n"
    "          - {{title: Vorgang 2026-0000000000000000000000000000001, owner: Vertrieb}}\n"
    + "".join(f"          - {{{{title: Schritt {n}}}}}\n" for n in range(2, 7))
)


def test_a_process_that_cannot_fit_is_a_warning_at_its_slide(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", sales=LONG_STEPS.format(fit=""))
    result = run(root, "build", "sales")
    assert result.stderr.splitlines() == [
        f"warning: {root / 'content/departments/sales.yaml'}:16:9: slide 7: the steps do not "
        "fit their boxes even at 12 pt; shorten their texts"
    ]
    assert (root / "build" / "sales.pptx").exists()


def test_fit_error_stops_a_process_that_does_not_fit(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", sales=LONG_STEPS.format(fit="        fit: error\n"))
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{root / 'content/departments/sales.yaml'}:16:9: slide 7: the steps do not fit their boxes"
    )
    assert not (root / "build" / "sales.pptx").exists()


@pytest.mark.parametrize("count", range(2, 7))
def test_process_steps_stand_side_by_side_inside_their_frame(count: int) -> None:
    frame = Rect(548640, 1600200, 11094720, 3977640)
    steps = [
        ProcessStep(title=f"Schritt {n}", text="Ein kurzer Satz dazu", owner="Redaktion" * (n % 2))
        for n in range(count)
    ]
    fit = process_fit(steps, (1,), frame, "Calibri", 12.0, ThemeFonts())
    assert fit.fits
    cards = [step.card for step in fit.steps]
    assert all(c.left >= frame.left and c.right <= frame.right for c in cards)
    assert all(c.top >= frame.top and c.bottom <= frame.bottom for c in cards)
    assert all(a.right < b.left for a, b in pairwise(cards))
    assert len({(c.width, c.height, c.top) for c in cards}) == 1
    owners = {step.owner_area.top for step in fit.steps if step.owner_area is not None}
    assert len(owners) == 1  # the owners stand level
    assert [step.own for step in fit.steps] == [n == 1 for n in range(count)]
    for step in fit.steps:
        text = card_text_rect(step.card)
        for inner in (step.badge, step.text_area, step.owner_area or step.text_area):
            assert text.left <= inner.left and inner.right <= text.right
            assert step.card.top <= inner.top and inner.bottom <= step.card.bottom


def test_letter_spacing_takes_room_on_the_line() -> None:
    """A title style that spaces its letters (spc) takes a line more than the same words set
    tight: ai-sns-plan's 6 pt after every letter ran its titles out of their frames."""
    tight = ParagraphStyle("Liberation Sans", 44.0, bold=True)
    spaced = ParagraphStyle("Liberation Sans", 44.0, bold=True, letter_spacing=6.0)
    text = "Gemeinsam auf Social Media"
    width = text_width(text, ThemeFonts().face("Liberation Sans", bold=True), 44.0) + 10
    assert count_lines(text, tight, width, ThemeFonts()) == 1
    assert count_lines(text, spaced, width, ThemeFonts()) == 2


def test_a_line_measured_a_hair_narrower_than_its_room_breaks_all_the_same() -> None:
    """Renderers set a line a few tenths of a percent wider than measured: LibreOffice broke
    "ersten Jahr über Empfehlungen" (Arial, 22.8 pt: 319.4 pt) in a 320 pt line, and the
    last line of Piano's two-column slide ran below its frame. A line within 1 % of the room
    counts as too long; one 2 % short of it fits."""
    style = ParagraphStyle("Liberation Sans", 22.8)
    text = "ersten Jahr über Empfehlungen"
    width = text_width(text, ThemeFonts().face("Liberation Sans"), 22.8)
    assert count_lines(text, style, width / 0.998, ThemeFonts()) == 2
    assert count_lines(text, style, width / 0.98, ThemeFonts()) == 1


TWO_COLUMNS = (
    MINIMAL_DEPARTMENT
    + """\
add:
  - after: concerns
    slides:
      - kind: two_columns
        title: Nachbarn
        left:
          heading: Was sie tun
          points: [Ein Beitrag pro Woche]
        right:
          heading: Was es bringt
          points:
            - Doppelt so viele Anfragen über das Kontaktformular wie im Jahr davor
            - Kürzere Termine, weil die Kunden das Angebot schon kennen und vergleichen
            - Vier neue Rahmenverträge im ersten Jahr, alle über Empfehlungen von Kunden
            - Mehr Bewerbungen für die Ausbildung, vor allem aus dem eigenen Landkreis
            - Weniger Anrufe bei Störungen, weil die Lage schon auf dem Kanal steht
            - Schnellere Antworten auf Fragen zu Tarifen, die sonst per Post kämen
            - Ein Bild des Betriebs, das Kunden und Bewerber vorher nicht hatten
"""
)


def test_two_columns_stand_at_one_size(tmp_path: Path) -> None:
    """A long right column shrinks to fit; the short left one is set at the same size, so the
    two read as a pair (Piano's slide had 19.2 pt beside 22.8 pt)."""
    project = minimal_project(tmp_path, sales=TWO_COLUMNS)
    result = CliRunner().invoke(cli, ["--project", str(project), "build", "sales", "-q"])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(project / "build" / "sales.pptx"))
    slide = next(s for s in deck.slides if s.shapes.title and s.shapes.title.text == "Nachbarn")
    sizes = {}
    for shape in slide.placeholders:
        if shape.placeholder_format.idx == 0:
            continue
        text = shape.text_frame.text
        side = "left" if "Ein Beitrag" in text else "right" if "Doppelt" in text else None
        if side:
            sizes[side] = {
                run.font.size and run.font.size.pt
                for p in shape.text_frame.paragraphs
                for run in p.runs
            }
    assert set(sizes) == {"left", "right"}
    assert None not in sizes["right"] and len(sizes["right"]) == 1  # shrunk, to one size
    assert sizes["left"] == sizes["right"]
