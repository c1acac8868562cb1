"""Accessible decks: `deckgen check` and the warnings of `build`.

Every example deck on every built-in theme has no finding; each rule reports a deck that breaks
it, at the content's file:line or at the theme and layout. Rules that deckgen itself always
keeps (decorative marks, header rows, reading order, languages, document properties) are
tested on a built deck broken by hand.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.build.checks import placeholder_fields
from deckgen.build.pipeline import paginate_department
from deckgen.cli import cli
from deckgen.content.model import MinimumSizes
from deckgen.content.project import load_project_strict
from deckgen.render.accessibility import inspect_deck
from tests.helpers import MINIMAL_DEPARTMENT, build_file_tree, minimal_project

REPO = Path(__file__).resolve().parent.parent
EVERY_KIND = Path(__file__).parent / "fixtures" / "every-kind"


def run(root: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def added(slides: str) -> str:
    """The minimal department with ``slides`` (YAML, indented for `slides:`) after its concerns."""
    return MINIMAL_DEPARTMENT + "add:\n  - after: concerns\n    slides:\n" + slides


def findings(root: Path, slug: str = "sales", *args: str) -> list[str]:
    result = run(root, "check", slug, *args)
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if not line.startswith(f"{slug}: ")]


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("examples")
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.mark.parametrize("theme", ["modern", "agency", "dark"])
def test_every_example_deck_on_every_builtin_theme_has_no_finding(
    examples: Path, theme: str
) -> None:
    result = run(examples, "check", "--all", "--strict", "--theme", theme)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "no findings in 7 decks"


def test_the_every_kind_deck_has_no_finding_either() -> None:
    result = run(EVERY_KIND, "check", "sales", "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout == "sales: no findings\n"


# -- what render gives screen readers ------------------------------------------------------------


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("every") / "every-kind"
    shutil.copytree(EVERY_KIND, root)
    result = run(root, "build", "sales")
    assert result.exit_code == 0, result.output
    return Presentation(str(root / "build" / "sales.pptx"))


def test_a_quote_slide_has_a_hidden_title_naming_the_author_read_first(every_kind: Any) -> None:
    [slide] = [s for s in every_kind.slides if s.slide_layout.name == "Quote"][:1]
    title = slide.shapes.title
    assert title is not None and title.text_frame.text == "Max"
    assert title.top + title.height <= 0  # above the slide: read, not seen
    # a title taller than its box grows away from the slide, not into it (on vivid, 44 pt in a
    # box of 36 pt hung its descenders into the top of the slide)
    assert title.top + 2 * title.height <= 0
    assert title.text_frame._txBody.bodyPr.get("anchor") == "b"
    assert slide.shapes[0].shape_id == title.shape_id


def test_the_title_is_read_first_on_every_slide(every_kind: Any) -> None:
    for slide in every_kind.slides:
        assert slide.shapes[0].is_placeholder, slide.slide_layout.name
        assert slide.shapes[0].placeholder_format.type in (1, 3)  # title, centred title


def descr(shape: Any) -> str:
    return str(shape._element.find(f"./*/{qn('p:cNvPr')}").get("descr", ""))


def test_pictures_charts_and_diagrams_carry_the_contents_alt_text(every_kind: Any) -> None:
    shapes = [shape for slide in every_kind.slides for shape in slide.shapes]
    [picture] = [s for s in shapes if s.shape_type == 13]
    assert descr(picture) == "Ein graues Testbild"  # not x.png
    charts = [descr(s) for s in shapes if getattr(s, "has_chart", False)]
    assert charts == [
        "Säulendiagramm der Anfragen, von 10 im ersten auf 40 im vierten Quartal",
        "Kreisdiagramm der Kanäle, Instagram die Hälfte, LinkedIn 30 %, Facebook 20 %",
        "Liniendiagramm der Antwortzeit, beide Reihen sinken von Januar bis März",
    ]
    [process] = [s for s in shapes if s.name == "Process"]
    assert descr(process) == "Drei Schritte vom Thema über die Freigabe bis zur Veröffentlichung"
    steps = [descr(s) for s in process.shapes if s.name.startswith("Step")]
    assert steps == ["1. Thema", "2. Freigabe", "3. Veröffentlichung"]


def decorative(shape: Any) -> bool:
    return b"decorative" in shape._element.xml.encode() and 'val="1"' in shape._element.xml


def test_arrows_card_bars_quote_marks_and_the_logo_are_decorative(tmp_path: Path) -> None:
    root = tmp_path / "every-kind"
    shutil.copytree(EVERY_KIND, root)
    logo = root / "themes" / "branded"
    logo.mkdir(parents=True)
    shutil.copy(root / "content" / "images" / "x.png", logo / "logo.png")
    (logo / "theme.yaml").write_text("extends: modern\nlogo: {image: logo.png}\n", "utf-8")
    assert run(root, "build", "sales", "--theme", "branded").exit_code == 0
    deck = Presentation(str(root / "build" / "sales.pptx"))
    shapes = [shape for slide in deck.slides for shape in slide.shapes]
    assert all(decorative(s) for s in shapes if s.name == "Logo")
    assert all(decorative(s) for s in shapes if s.name == "Quotation Mark")
    [process] = [s for s in shapes if s.name == "Process"]
    assert all(decorative(s) for s in process.shapes if s.name.startswith("Arrow"))
    assert run(root, "check", "sales", "--theme", "branded", "--strict").exit_code == 0


# -- each rule reports a deck that breaks it --------------------------------------------------


def test_a_slide_without_a_title_is_reported_at_its_content(tmp_path: Path) -> None:
    root = minimal_project(
        tmp_path / "p",
        sales=added('      - kind: bullets\n        title: ""\n        points: [a]\n'),
    )
    where = root / "content/departments/sales.yaml"
    assert findings(root) == [f"{where}:16:9: slide 7: the slide has no title; give it one"]


def test_two_slides_with_one_title_are_reported_at_the_second(tmp_path: Path) -> None:
    slides = "".join(
        f"      - kind: bullets\n        title: Noch etwas\n        points: [{p}]\n" for p in "ab"
    )
    root = minimal_project(tmp_path / "p", sales=added(slides))
    where = root / "content/departments/sales.yaml"
    assert findings(root) == [
        f"{where}:19:9: slide 8: the title 'Noch etwas' is also the title of slide 7; "
        "screen-reader users tell slides apart by their titles"
    ]


CHART = """\
      - kind: chart
        title: Anfragen
        chart: {categories: [Q1, Q2], series: [{name: Anfragen, values: [1, 2]}]}
"""


def test_a_chart_without_alt_text_is_reported_at_its_content(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", sales=added(CHART))
    where = root / "content/departments/sales.yaml"
    assert findings(root) == [
        f"{where}:16:9: slide 7: the chart has no alternative text; add 'alt:' to its slide "
        "with what it shows"
    ]
    described = minimal_project(
        tmp_path / "q", sales=added(CHART + "        alt: Zwei Säulen, 1 und 2\n")
    )
    assert findings(described) == []


def test_a_file_name_is_no_alt_text(tmp_path: Path) -> None:
    root = minimal_project(
        tmp_path / "p",
        sales=added(
            "      - kind: image\n        title: Bild\n        image: content/images/x.png\n"
            "        alt: x.png\n"
        ),
    )
    (root / "content" / "images").mkdir()
    shutil.copy(EVERY_KIND / "content" / "images" / "x.png", root / "content" / "images")
    where = root / "content/departments/sales.yaml"
    assert findings(root) == [
        f"{where}:16:9: slide 7: the picture's alternative text is only a file name ('x.png'); "
        "add 'alt:' to its slide with what it shows"
    ]


def test_a_diagram_without_alt_text_is_reported(tmp_path: Path) -> None:
    process = (
        "      - kind: process\n        title: Ablauf\n"
        "        steps: [{title: Eins}, {title: Zwei}]\n"
    )
    root = minimal_project(tmp_path / "p", sales=added(process))
    where = root / "content/departments/sales.yaml"
    assert findings(root) == [
        f"{where}:16:9: slide 7: a diagram (group of shapes) has no alternative text; add "
        "'alt:' to its slide with what it shows"
    ]


def test_text_that_does_not_read_on_its_background_names_the_theme_and_layout(
    tmp_path: Path,
) -> None:
    root = minimal_project(tmp_path / "p")
    build_file_tree(
        root,
        {"themes/pale/theme.yaml": 'extends: modern\ncolors:\n  dk1: "B0B0B0"\n  dk2: "B0B0B0"\n'},
    )  # no text colour of the scheme reads on white: deckgen cannot choose a better one
    found = findings(root, "sales", "--theme", "pale")
    where = root / "themes/pale/theme.yaml"
    assert found, "pale grey text on white must be reported"
    assert all(line.startswith(f"{where}:3:3: theme 'pale', layout '") for line in found)
    assert (
        f"{where}:3:3: theme 'pale', layout 'Bullets' (slides 4, 7): body text 'Nähe zu den "
        "Menschen' in #B0B0B0 on #FFFFFF has a contrast of 2.2:1; it needs 3:1"
    ) in found
    assert (
        f"{where}:3:3: theme 'pale', layout 'Bullets' (slides 4, 7): the footer 'Stadtwerke "
        "Testingen' in #B0B0B0 on #FFFFFF has a contrast of 2.2:1; it needs 4.5:1"
    ) in found


def test_layouts_read_for_one_theme_are_not_taken_for_another_s(tmp_path: Path) -> None:
    # the check reads each distinct layout once per process: a theme that differs only in its
    # colours has layouts of the same names and shapes, and must be read again (pale in both
    # text colours, so that deckgen has no readable one to give the text)
    root = minimal_project(tmp_path / "p")
    build_file_tree(
        root,
        {"themes/pale/theme.yaml": 'extends: modern\ncolors:\n  dk1: "B0B0B0"\n  dk2: "B0B0B0"\n'},
    )
    assert findings(root, "sales", "--theme", "modern") == []
    assert findings(root, "sales", "--theme", "pale") != []
    assert findings(root, "sales", "--theme", "modern") == []


def test_text_below_the_minimum_size_names_the_layout_or_the_content(tmp_path: Path) -> None:
    root = minimal_project(
        tmp_path / "p",
        **{
            "deckgen.yaml": _settings_with("accessibility:\n  min_size: {body: 24, title: 20}\n"),
        },
    )
    found = findings(root)
    assert len(found) == 6  # subtitle, agenda, both levels of bullets, answer, contact
    assert all(line.endswith("make the layout's text larger") for line in found)
    assert any(
        line.endswith(
            "theme 'modern', layout 'Bullets' (slide 7): body text 'Profil anlegen' is 22 pt, "
            "below the minimum of 24 pt (accessibility.min_size.body); make the layout's text "
            "larger"
        )
        for line in found
    ), found
    long_answer = "Sehr lange Antwort mit vielen Wörtern. " * 40
    shrunk = minimal_project(
        tmp_path / "q", sales=MINIMAL_DEPARTMENT.replace("Die Redaktion schreibt.", long_answer)
    )
    where = shrunk / "content/departments/sales.yaml"
    assert [line for line in findings(shrunk) if "pt, below" in line] == [
        f"{where}:9:5: slide 6: body text 'Sehr lange Antwort mit vielen Wörtern. …' is 16.5 pt, "
        "below the minimum of 18 pt (accessibility.min_size.body); shorten the text, so that "
        "it needs less shrinking"
    ]


def _settings_with(extra: str) -> str:
    from tests.helpers import MINIMAL_SETTINGS

    return MINIMAL_SETTINGS + extra


def test_an_unknown_minimum_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = minimal_project(
        tmp_path / "p",
        **{"deckgen.yaml": _settings_with("accessibility:\n  min_size: {boddy: 20}\n")},
    )
    result = run(root, "check", "sales")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "deckgen.yaml:15:14: accessibility.min_size.boddy: unknown key 'boddy'; did you mean "
        "'body'?\n"
    )


def test_build_warns_and_strict_fails(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", sales=added(CHART))
    built = run(root, "build", "sales")
    assert built.exit_code == 0
    assert "slide 7: the chart has no alternative text" in built.stderr
    assert run(root, "build", "sales", "--strict", "--force").exit_code == 1
    assert run(root, "check", "sales", "--strict").exit_code == 1


# -- rules deckgen keeps by itself, on a deck broken by hand ---------------------------------


STEPS = MINIMAL_DEPARTMENT.replace(
    "next_steps:\n  - Profil anlegen\n",
    "next_steps:\n  - {step: Profil anlegen, who: Vertrieb, when: Januar}\n",
)


Written = tuple[bytes, list[dict[int, str]]]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Written:
    """A built deck, and the field of each placeholder of each slide."""
    root = minimal_project(tmp_path_factory.mktemp("written") / "p", sales=STEPS)
    result = run(root, "build", "sales")
    assert result.exit_code == 0 and not result.stderr, result.output
    deck, theme = paginate_department(load_project_strict(root), "sales")
    return (root / "build" / "sales.pptx").read_bytes(), placeholder_fields(deck, theme)


def broken(written: Written, change: Any) -> list[tuple[str, int, str]]:
    """The findings of the written deck after ``change``."""
    data, fields = written
    deck = Presentation(io.BytesIO(data))
    change(deck)
    out = io.BytesIO()
    deck.save(out)
    found = inspect_deck(out.getvalue(), fields, MinimumSizes())
    return [(f.rule, f.slide, f.what) for f in found]


def test_the_written_deck_keeps_every_rule(written: Written) -> None:
    assert broken(written, lambda deck: None) == []


def test_a_shape_neither_described_nor_decorative_is_reported(written: Written) -> None:
    def add_line(deck: Any) -> None:
        deck.slides[2].shapes.add_shape(1, 0, 0, 100, 100).name = "Line"

    assert broken(written, add_line) == [
        (
            "decorative",
            3,
            "the shape 'Line' has no text and no alternative text, and is not marked decorative",
        )
    ]


def test_a_table_without_header_row_is_reported(written: Written) -> None:
    def no_header(deck: Any) -> None:
        for slide in deck.slides:
            for shape in slide.shapes:
                if shape.has_table:
                    shape.table.first_row = False

    assert [f[:2] for f in broken(written, no_header)] == [("table-header", 7)]


def test_a_title_read_after_other_text_is_reported(written: Written) -> None:
    def title_last(deck: Any) -> None:
        title = deck.slides[3].shapes.title._element
        tree = title.getparent()
        tree.remove(title)
        tree.append(title)

    assert broken(written, title_last) == [
        ("reading-order", 4, "the title is not the first shape a screen reader reads")
    ]


def test_text_without_language_is_reported(written: Written) -> None:
    def no_language(deck: Any) -> None:
        run_properties = deck.slides[3].shapes.title._element.find(f".//{qn('a:rPr')}")
        del run_properties.attrib["lang"]

    assert broken(written, no_language) == [
        ("language", 4, "1 text run(s) of 'Title 1' have no language")
    ]


def test_a_document_without_title_or_language_is_reported(written: Written) -> None:
    def anonymous(deck: Any) -> None:
        deck.core_properties.title = ""
        deck.core_properties.language = ""

    assert broken(written, anonymous) == [
        ("document", 0, "the document has no title"),
        ("document", 0, "the document does not say its language"),
    ]


def test_cards_that_need_text_below_the_smallest_size_go_on_over_two_slides(
    tmp_path: Path,
) -> None:
    # even without their texts (which would go to the notes) the cards need more room
    title = "ein langer Titel, der viel Platz braucht, " * 2
    label = "ein Anteil mit einer langen Erklärung, die mehrere Zeilen füllt"
    benefits = "".join(
        f"  - title: Karte {n}, {title.strip(', ')}\n"
        f"    text: Ein Text, der auf der Karte {n} mehr als zwei Zeilen füllen würde.\n"
        f"    figure: {{value: '{n}0 %', label: '{label}'}}\n"
        for n in range(1, 7)
    )
    department = MINIMAL_DEPARTMENT.replace(
        MINIMAL_DEPARTMENT[
            MINIMAL_DEPARTMENT.index("benefits:") : MINIMAL_DEPARTMENT.index("concerns:")
        ],
        "benefits:\n" + benefits,
    )
    root = minimal_project(tmp_path / "p", sales=department)
    built = run(root, "build", "sales")
    assert built.exit_code == 0 and not built.stderr, built.output
    deck = Presentation(str(root / "build" / "sales.pptx"))
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert "Was Sie davon haben" in titles and "Was Sie davon haben (Fortsetzung)" in titles
    sizes = [
        run.font.size.pt
        for slide in deck.slides
        if slide.shapes.title.text_frame.text.startswith("Was Sie davon haben")
        for shape in slide.shapes
        if not shape.is_placeholder and shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert sizes and min(sizes) >= 12
