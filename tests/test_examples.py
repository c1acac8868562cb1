"""End to end: build every example department and check each deck as a presenter would."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from deckgen.cli import cli
from deckgen.content.paths import department_slugs
from deckgen.typography import plain

REPO = Path(__file__).resolve().parent.parent
DEPARTMENTS = {
    "sales": "Vertrieb",
    "marketing": "Marketing",
    "hr": "Personal",
    "it": "IT",
    "works-council": "Betriebsrat",
    "management": "Geschäftsführung",
    "customer-service": "Kundenservice",
}
THEME = yaml.safe_load((REPO / "themes" / "modern" / "theme.yaml").read_text(encoding="utf-8"))
LAYOUT_KINDS: dict[str, set[str]] = {}
for _kind, _mapping in THEME["kinds"].items():
    LAYOUT_KINDS.setdefault(_mapping["layout"], set()).add(_kind)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Every example deck, built once into a temporary folder with `deckgen build --all`."""
    root = tmp_path_factory.mktemp("examples")
    for name in ("deckgen.yaml", "content"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "--all"])
    assert result.exit_code == 0, result.output
    return root, result.stdout


def content(slug: str) -> dict[str, Any]:
    path = REPO / "content" / "departments" / f"{slug}.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def deck(built: tuple[Path, str], slug: str) -> Any:
    return Presentation(str(built[0] / "build" / f"{slug}.pptx"))


def all_text(slide: Any) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return plain("\n".join(parts))


def titles(presentation: Any) -> list[str]:
    return [
        plain(s.shapes.title.text_frame.text) if s.shapes.title is not None else ""
        for s in presentation.slides
    ]


def test_every_example_department_is_there() -> None:
    assert department_slugs(REPO) == sorted(DEPARTMENTS)
    for slug, name in DEPARTMENTS.items():
        assert content(slug)["name"] == name


def test_build_all_writes_one_deck_per_department(built: tuple[Path, str]) -> None:
    root, output = built
    lines = output.strip().splitlines()
    assert len(lines) == len(DEPARTMENTS)
    for slug in DEPARTMENTS:
        presentation = deck(built, slug)
        expected = f"{root / 'build' / (slug + '.pptx')} ({len(presentation.slides)} slides)"
        assert expected in lines


@pytest.mark.parametrize("slug", sorted(DEPARTMENTS))
def test_deck_is_made_for_its_department(built: tuple[Path, str], slug: str) -> None:
    data = content(slug)
    presentation = deck(built, slug)
    slides = list(presentation.slides)
    assert slides[0].slide_layout.name == "Title"
    assert data["name"] in all_text(slides[0])
    assert slides[1].slide_layout.name == "Agenda"
    assert slides[-1].slide_layout.name == "Closing"
    assert presentation.core_properties.subject == data["audience"]
    text = "\n".join(all_text(s) for s in slides)
    for benefit in data["benefits"]:
        assert benefit["title"].replace("**", "") in text
    concern_slides = [s for s in slides if s.slide_layout.name == "Concern"]
    headlines = [plain(s.shapes.title.text_frame.text) for s in concern_slides]
    assert sorted(headlines) == sorted(
        "\u201e" + " ".join(c["concern"].split()).strip('"') + "\u201c" for c in data["concerns"]
    )
    counters = [s.placeholders[13].text_frame.text for s in concern_slides]
    assert counters == [f"Bedenken {n}/{len(concern_slides)}" for n in range(1, len(counters) + 1)]
    for example in data["examples"]:
        assert example["title"] in titles(presentation)
    charts = [shape for s in slides for shape in s.shapes if shape.has_chart]
    assert len(charts) >= len(data["metrics"]["charts"])
    closing = all_text(slides[-1])
    assert data["contact"]["name"] in closing


@pytest.mark.parametrize("slug", sorted(DEPARTMENTS))
def test_content_is_complete(slug: str) -> None:
    data = content(slug)
    assert len(data["benefits"]) >= 4
    assert len(data["concerns"]) >= 3
    assert len(data["examples"]) >= 1
    assert data["metrics"]["charts"]
    assert len(data["next_steps"]) >= 3
    assert data["contact"]["name"]


def test_departments_differ_in_substance() -> None:
    seen: dict[str, str] = {}
    for slug in DEPARTMENTS:
        for benefit in content(slug)["benefits"]:
            assert benefit["title"] not in seen, (slug, seen.get(benefit["title"]))
            seen[benefit["title"]] = slug
        for concern in content(slug)["concerns"]:
            assert concern["concern"] not in seen, slug
            seen[concern["concern"]] = slug


@pytest.mark.parametrize("slug", sorted(DEPARTMENTS))
def test_slides_use_their_kinds_layouts_and_nothing_is_left_empty(
    built: tuple[Path, str], slug: str
) -> None:
    for number, slide in enumerate(deck(built, slug).slides, start=1):
        assert slide.slide_layout.name in LAYOUT_KINDS, number
        for placeholder in slide.placeholders:
            if placeholder.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER:
                continue
            assert placeholder.text_frame.text.strip(), (slug, number, placeholder.name)
        text = all_text(slide)
        assert "{{" not in text and "**" not in text, (slug, number)


@pytest.mark.parametrize("slug", sorted(DEPARTMENTS))
def test_presenter_has_notes_to_read(built: tuple[Path, str], slug: str) -> None:
    presentation = deck(built, slug)
    without = [
        number
        for number, slide in enumerate(presentation.slides, start=1)
        if slide.slide_layout.name not in ("Agenda", "Section")
        and not (slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip())
    ]
    assert without == []


@pytest.mark.parametrize("slug", sorted(DEPARTMENTS))
def test_the_process_highlights_the_departments_own_approval(
    built: tuple[Path, str], slug: str
) -> None:
    [steps] = [
        [step for step in shape.shapes if step.shape_type == MSO_SHAPE_TYPE.GROUP]
        for slide in deck(built, slug).slides
        for shape in slide.shapes
        if shape.name == "Process"
    ]
    cards = [next(s for s in step.shapes if s.name.endswith("Card")) for step in steps]
    titles = [plain(card.text_frame.paragraphs[0].text) for card in cards]
    assert titles == ["Thema", "Entwurf", "Freigabe", "Veröffentlichung"]
    fills = [card.fill.fore_color.theme_color for card in cards]
    assert [fill != fills[0] for fill in fills] == [False, False, True, False]
    owner = next(s for s in steps[2].shapes if s.name.endswith("Owner"))
    assert plain(owner.text_frame.text) == f"{DEPARTMENTS[slug]} · Ihr Schritt"
