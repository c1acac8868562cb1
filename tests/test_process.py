"""The process slide on every built-in theme: native, editable shapes in theme colours, the
department's own step highlighted, every step inside the frame it was given."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.dml import MSO_COLOR_TYPE, MSO_THEME_COLOR
from pptx.enum.shapes import MSO_AUTO_SHAPE_TYPE, MSO_SHAPE_TYPE
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn

from deckgen.cli import cli
from deckgen.typography import plain

FIXTURE = Path(__file__).parent / "fixtures" / "every-kind"
TITLES = ["Thema", "Freigabe", "Veröffentlichung"]


def build(root: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales", *args])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    deck = Presentation(str(root / "build" / "sales.pptx"))
    [slide] = [
        s
        for s in deck.slides
        if s.shapes.title
        and s.shapes.title.has_text_frame
        and s.shapes.title.text_frame.text == "So entsteht ein Beitrag"
    ]
    return slide


@pytest.fixture(scope="module", params=["modern", "agency", "dark"])
def slide(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp(request.param) / "every-kind"
    shutil.copytree(FIXTURE, root)
    return build(root, "--theme", request.param)


def diagram(slide: Any) -> Any:
    [found] = [s for s in slide.shapes if s.name == "Process"]
    return found


def steps(slide: Any) -> list[Any]:
    return [s for s in diagram(slide).shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]


def part(step: Any, suffix: str) -> Any:
    [found] = [s for s in step.shapes if s.name.endswith(suffix)]
    return found


def arrows(slide: Any) -> list[Any]:
    return [s for s in diagram(slide).shapes if s.shape_type == MSO_SHAPE_TYPE.LINE]


def test_each_step_is_a_group_of_native_shapes_with_editable_text(slide: Any) -> None:
    groups = steps(slide)
    assert [g.name for g in groups] == ["Step 1", "Step 2", "Step 3"]
    for number, (group, title) in enumerate(zip(groups, TITLES, strict=True), start=1):
        card, badge = part(group, "Card"), part(group, "Number")
        assert card.auto_shape_type == MSO_AUTO_SHAPE_TYPE.ROUNDED_RECTANGLE
        assert badge.auto_shape_type == MSO_AUTO_SHAPE_TYPE.OVAL
        assert badge.text_frame.text == str(number)
        first = card.text_frame.paragraphs[0]
        assert plain(first.text) == title
        assert all(run.font.bold for run in first.runs)


def test_step_texts_keep_their_emphasis(slide: Any) -> None:
    card = part(steps(slide)[2], "Card")
    runs = card.text_frame.paragraphs[1].runs
    assert [(r.text, r.font.bold) for r in runs] == [
        ("Die Redaktion ", None),
        ("postet", True),
        (" und antwortet", None),
    ]


def test_only_the_department_step_is_highlighted_and_says_so(slide: Any) -> None:
    groups = steps(slide)
    fills = [part(g, "Card").fill.fore_color.theme_color for g in groups]
    assert fills[1] != fills[0] == fills[2]
    owners = [part(g, "Owner").text_frame.text for g in groups[:2]]
    assert owners == ["Fachbereich", "Vertrieb · Ihr Schritt"]
    assert not [s for s in groups[2].shapes if s.name.endswith("Owner")]  # it names no owner


def test_colours_are_theme_colours(slide: Any) -> None:
    for group in steps(slide):
        for shape in group.shapes:
            if shape.name.endswith(("Card", "Number")):
                assert shape.fill.fore_color.type == MSO_COLOR_TYPE.SCHEME
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.color.type == MSO_COLOR_TYPE.SCHEME
    for arrow in arrows(slide):
        assert arrow.line.color.theme_color == MSO_THEME_COLOR.TEXT_2


def test_arrows_are_connectors_glued_to_the_cards(slide: Any) -> None:
    cards = [part(g, "Card") for g in steps(slide)]
    glued = []
    for arrow in arrows(slide):
        properties = arrow._element.find(f".//{qn('p:cNvCxnSpPr')}")
        start, end = properties.find(qn("a:stCxn")), properties.find(qn("a:endCxn"))
        glued.append((int(start.get("id")), int(end.get("id"))))
        assert arrow._element.find(f".//{qn('a:tailEnd')}").get("type") == "triangle"
    ids = [card.shape_id for card in cards]
    assert glued == [(ids[0], ids[1]), (ids[1], ids[2])]


def inside(shape: Any, frame: Any) -> bool:
    return (
        shape.left >= frame.left
        and shape.top >= frame.top
        and shape.left + shape.width <= frame.left + frame.width
        and shape.top + shape.height <= frame.top + frame.height
    )


def test_steps_lie_in_the_layouts_frame_and_their_parts_in_their_cards(slide: Any) -> None:
    [frame] = [p for p in slide.slide_layout.placeholders if p.placeholder_format.idx == 13]
    for group in steps(slide):
        card = part(group, "Card")
        assert inside(card, frame)
        for shape in group.shapes:
            assert inside(shape, card), shape.name


def test_sizes_are_set_and_readable(slide: Any) -> None:
    for group in steps(slide):
        for shape in group.shapes:
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.size is not None and run.font.size.pt >= 12


def test_caption_goes_into_the_layouts_caption(slide: Any) -> None:
    [caption] = [p for p in slide.placeholders if p.placeholder_format.idx == 14]
    assert caption.text_frame.text == "Für Störungen gibt es Textbausteine."
    assert slide.notes_slide.notes_text_frame.text == "Von links nach rechts."


def test_without_a_frame_the_steps_go_below_the_title_and_the_caption_under_them(
    tmp_path: Path,
) -> None:
    root = tmp_path / "every-kind"
    shutil.copytree(FIXTURE, root)
    theme = root / "themes" / "plain"
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text(
        "extends: modern\nkinds:\n  process:\n    layout: Title Only\n"
        "    placeholders: {title: 0}\n",
        encoding="utf-8",
    )
    slide = build(root, "--theme", "plain")
    assert slide.slide_layout.name == "Title Only"
    cards = [part(g, "Card") for g in steps(slide)]
    title = slide.shapes.title
    [caption] = [
        s for s in slide.shapes if s.has_text_frame and "Textbausteine" in s.text_frame.text
    ]
    assert all(card.top > title.top + title.height for card in cards)
    assert all(caption.top >= card.top + card.height for card in cards)
    # measured to fit, the caption's box does not grow with its text (a box that grows counts
    # as twice its height when deckgen looks at what lies behind its words)
    assert caption.text_frame.auto_size == MSO_AUTO_SIZE.NONE


def test_long_texts_shrink_until_they_fit(tmp_path: Path) -> None:
    root = tmp_path / "every-kind"
    shutil.copytree(FIXTURE, root)
    shared = root / "content" / "shared.yaml"
    long = "Ein Schritt, der viel zu erklären hat, weil er in der Praxis oft missverstanden wird"
    shared.write_text(
        shared.read_text(encoding="utf-8").replace(
            "kommt aus dem Fachbereich", f"'{long}. {long}. {long}. {long}'"
        ),
        encoding="utf-8",
    )
    slide = build(root)
    sizes = {
        run.font.size.pt
        for group in steps(slide)
        for paragraph in part(group, "Card").text_frame.paragraphs[1:]
        for run in paragraph.runs
    }
    assert len(sizes) == 1
    assert 12 <= sizes.pop() < 16
