"""deckgen theme import / list / inspect, the mapping guess, and theme inheritance."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from pptx import Presentation

from deckgen.cli import cli
from deckgen.theme import BUILTIN_THEMES
from deckgen.theme.layouts import LayoutInfo, PlaceholderInfo, guess_mapping

MODERN_TEMPLATE = BUILTIN_THEMES / "modern" / "template.pptx"


def run(project: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--project", str(project), *args])
    return result.exit_code, result.stdout, result.stderr


def placeholder(
    idx: int, kind: str, top: int = 1500000, left: int = 0, height: int = 3000000
) -> PlaceholderInfo:
    return PlaceholderInfo(idx, kind, f"{kind} {idx}", left, top, 4000000, height)


GERMAN_LAYOUTS = [
    LayoutInfo("Titelfolie", (placeholder(0, "CENTER_TITLE", 0), placeholder(1, "SUBTITLE"))),
    LayoutInfo("Titel und Inhalt", (placeholder(0, "TITLE", 0), placeholder(1, "OBJECT"))),
    LayoutInfo("Abschnittsüberschrift", (placeholder(0, "TITLE", 0), placeholder(1, "BODY"))),
    LayoutInfo(
        "Zwei Inhalte",
        (
            placeholder(0, "TITLE", 0),
            placeholder(1, "OBJECT"),
            placeholder(2, "OBJECT", left=5000000),
        ),
    ),
    LayoutInfo("Nur Titel", (placeholder(0, "TITLE", 0),)),
    LayoutInfo("Leer", ()),
]


def test_guess_from_german_layout_names() -> None:
    guess = guess_mapping(GERMAN_LAYOUTS)
    chosen = {kind: (c.layout, c.placeholders) for kind, c in guess.choices.items()}
    assert chosen == {
        "title": ("Titelfolie", {"title": 0, "subtitle": 1}),
        "closing": ("Titelfolie", {"title": 0, "text": 1}),
        "section": ("Abschnittsüberschrift", {"title": 0, "subtitle": 1}),
        "agenda": ("Titel und Inhalt", {"title": 0, "body": 1}),
        "bullets": ("Titel und Inhalt", {"title": 0, "body": 1}),
        "chart": ("Titel und Inhalt", {"title": 0, "chart": 1}),
        "table": ("Titel und Inhalt", {"title": 0, "table": 1}),
        "quote": ("Titel und Inhalt", {"quote": 1}),
        "two_columns": ("Zwei Inhalte", {"title": 0, "left": 1, "right": 2}),
        "concerns": ("Titel und Inhalt", {"title": 0, "answer": 1}),
        "key_figures": ("Nur Titel", {"title": 0}),
        "process": ("Nur Titel", {"title": 0}),
        "image": ("Titel und Inhalt", {"title": 0, "image": 1}),
        "cards": ("Titel und Inhalt", {"title": 0, "cards": 1}),
        "decision": ("Titel und Inhalt", {"title": 0, "body": 1}),
    }
    assert guess.unmapped == {}
    assert "below the title" in guess.choices["key_figures"].fallback


def test_guess_prefers_placeholder_types_over_names() -> None:
    # a layout called "Title Slide" that has no subtitle cannot be the title slide
    layouts = [
        LayoutInfo("Title Slide", (placeholder(0, "TITLE", 0),)),
        LayoutInfo("Opening", (placeholder(0, "CENTER_TITLE", 0), placeholder(1, "SUBTITLE"))),
        LayoutInfo("Content", (placeholder(0, "TITLE", 0), placeholder(1, "BODY"))),
    ]
    guess = guess_mapping(layouts)
    assert guess.choices["title"].layout == "Opening"
    assert guess.choices["key_figures"].layout == "Title Slide"


def test_guess_draws_a_process_in_the_text_area_without_a_title_only_layout() -> None:
    layouts = [
        LayoutInfo("Title Slide", (placeholder(0, "CENTER_TITLE", 0), placeholder(1, "SUBTITLE"))),
        LayoutInfo("Title and Content", (placeholder(0, "TITLE", 0), placeholder(1, "OBJECT"))),
    ]
    choice = guess_mapping(layouts).choices["process"]
    assert (choice.layout, choice.placeholders) == ("Title and Content", {"title": 0, "diagram": 1})
    assert choice.fallback == "the caption is drawn under the steps"


def test_guess_draws_figures_in_the_text_area_where_the_title_only_layout_has_its_title_low() -> (
    None
):
    """Portfolio's title-only layout has its title at the foot of the slide, under a picture
    frame: figures drawn below it ran off the page. They go in the content layout's text area."""
    low_title = LayoutInfo("Title Only", (placeholder(0, "TITLE", top=5000000, height=600000),))
    layouts = [
        LayoutInfo("Title and Content", (placeholder(0, "TITLE", 0, height=900000),
                                         placeholder(1, "OBJECT"))),
        low_title,
    ]  # fmt: skip
    guess = guess_mapping(layouts)
    figures, process = guess.choices["key_figures"], guess.choices["process"]
    assert (figures.layout, figures.placeholders) == (
        "Title and Content",
        {"title": 0, "figures": 1},
    )
    assert (process.layout, process.placeholders) == (
        "Title and Content",
        {"title": 0, "diagram": 1},
    )
    high_title = LayoutInfo("Title Only", (placeholder(0, "TITLE", top=0, height=600000),))
    guess = guess_mapping([layouts[0], high_title])
    assert guess.choices["key_figures"].layout == "Title Only"


def test_guess_with_nothing_usable() -> None:
    guess = guess_mapping([LayoutInfo("Blank", ())])
    assert guess.choices == {}
    assert set(guess.unmapped) >= {"title", "bullets", "closing"}


def make_template(path: Path, slides: int = 2, as_potx: bool = False) -> Path:
    """A corporate-like template: the modern one with sample slides, optionally as .potx."""
    presentation = Presentation(str(MODERN_TEMPLATE))
    for _ in range(slides):
        slide = presentation.slides.add_slide(presentation.slide_layouts[0])
        slide.shapes.title.text = "Beispiel"
    buffer = io.BytesIO()
    presentation.save(buffer)
    data = buffer.getvalue()
    if as_potx:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(
                        b"presentationml.presentation.main+xml", b"presentationml.template.main+xml"
                    )
                target.writestr(info, content)
        data = out.getvalue()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", [".pptx", ".potx"])
def test_import_then_build(project: Path, tmp_path: Path, suffix: str) -> None:
    source = make_template(tmp_path / f"corp{suffix}", slides=3, as_potx=suffix == ".potx")
    code, out, err = run(project, "theme", "import", str(source), "--name", "corp", "--no-check")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"theme written to {project / 'themes' / 'corp'}"
    assert lines[1] == "removed 3 sample slide(s) from the template"
    assert "  bullets      -> 'Bullets' (title=0, body=1)" in lines
    template = project / "themes" / "corp" / "template.pptx"
    assert len(Presentation(str(template)).slides) == 0
    manifest = (project / "themes" / "corp" / "theme.yaml").read_text(encoding="utf-8")
    assert manifest.startswith(f"# Theme 'corp', imported by deckgen from corp{suffix}.")
    assert "accent1 0B7A75" in manifest
    code, out, err = run(project, "build", "sales", "--theme", "corp")
    assert code == 0, err
    deck = Presentation(str(project / "build" / "sales.pptx"))
    assert len(deck.slides) == 8


def test_import_removes_field_samples_left_as_plain_text(project: Path, tmp_path: Path) -> None:
    """LibreOffice converts some templates with a master's date and number fields as text boxes
    that hold only their sample text; every slide would print them. Other text stays."""
    presentation = Presentation(str(MODERN_TEMPLATE))
    scratch = presentation.slides.add_slide(presentation.slide_layouts[0])
    layout = presentation.slide_layouts[1]
    for text, part in [
        ("<date/time>", presentation.slide_masters[0]),
        ("<Nummer>", presentation.slide_masters[0]),
        ("Stadtwerke <intern>", presentation.slide_masters[0]),
        ("<footer>", layout),
    ]:  # python-pptx adds text boxes to slides only: made on a slide, moved to the part
        box = scratch.shapes.add_textbox(0, 0, 2000000, 400000)
        box.text_frame.text = text
        part.shapes._spTree.append(box._element)
    source = tmp_path / "converted.pptx"
    presentation.save(str(source))
    code, out, err = run(project, "theme", "import", str(source), "--name", "corp", "--no-check")
    assert code == 0, err
    assert (
        "removed text boxes that only hold a field's sample text, which every slide would "
        f"print: master 1: '<date/time>', master 1: '<Nummer>', layout {layout.name!r}: "
        "'<footer>'"
    ) in out.splitlines()
    template = Presentation(str(project / "themes" / "corp" / "template.pptx"))
    texts = [s.text_frame.text for s in template.slide_masters[0].shapes if s.has_text_frame]
    assert "Stadtwerke <intern>" in texts
    assert not [t for t in texts if t in ("<date/time>", "<Nummer>")]
    code, out, err = run(project, "build", "sales", "--theme", "corp")
    assert code == 0, err
    deck = Presentation(str(project / "build" / "sales.pptx"))
    shown = [
        shape.text_frame.text
        for slide in deck.slides
        for part in (slide, slide.slide_layout, slide.slide_layout.slide_master)
        for shape in part.shapes
        if shape.has_text_frame
    ]
    assert not [t for t in shown if t in ("<date/time>", "<Nummer>", "<footer>")]


def test_import_refuses_to_overwrite(project: Path, tmp_path: Path) -> None:
    source = make_template(tmp_path / "corp.pptx")
    assert run(project, "theme", "import", str(source), "--name", "corp")[0] == 0
    code, _, err = run(project, "theme", "import", str(source), "--name", "corp")
    assert code == 1
    assert err.strip() == (
        f"{project / 'themes' / 'corp'} exists already; choose another --name or pass --force"
    )


def test_import_of_a_file_that_is_not_a_presentation(project: Path, tmp_path: Path) -> None:
    source = tmp_path / "notes.pptx"
    source.write_text("just text", encoding="utf-8")
    code, _, err = run(project, "theme", "import", str(source), "--name", "corp")
    assert code == 1
    assert err.strip() == f"{source}: not a PowerPoint presentation or template (.pptx, .potx)"
    assert not (project / "themes" / "corp").exists()


def test_theme_list(project: Path) -> None:
    code, out, _ = run(project, "theme", "list")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert names == ["agency", "dark", "modern"]
    assert out.splitlines()[2].startswith("modern  built-in  Modern default")


def test_theme_inspect_by_name(project: Path) -> None:
    code, out, _ = run(project, "theme", "inspect", "modern")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("modern/template.pptx: 13 layouts, 1 master(s)")
    assert lines[1] == "layout 'Title' (master 1)"
    assert lines[2].startswith("  idx 0    CENTER_TITLE  'Title'")
    assert "at 2.3,4.1 cm, 28.4 x 6.6 cm, 22% under the template's graphics" in lines[2]


def test_theme_inspect_unknown_name(project: Path) -> None:
    code, _, err = run(project, "theme", "inspect", "modrn")
    assert code == 1
    assert err.strip() == "unknown theme 'modrn'; did you mean 'modern'?"


def write_child_theme(project: Path, text: str) -> Path:
    folder = project / "themes" / "red"
    folder.mkdir(parents=True)
    Image.new("RGB", (300, 100), "#C00000").save(folder / "logo.png")
    (folder / "theme.yaml").write_text(text, encoding="utf-8")
    return folder


def test_extends_overrides_colours_fonts_and_logo(project: Path) -> None:
    folder = write_child_theme(
        project,
        "extends: modern\ncolors:\n  accent1: 'C00000'\nfonts:\n  major: Arial\n"
        "logo:\n  image: logo.png\n  width_cm: 2\n",
    )
    assert not (folder / "template.pptx").exists()
    code, _, err = run(project, "build", "sales", "--theme", "red")
    assert code == 0, err
    deck = Presentation(str(project / "build" / "sales.pptx"))
    theme_xml = next(
        rel.target_part.blob
        for rel in deck.slide_master.part.rels.values()
        if rel.reltype.endswith("/theme")
    ).decode("utf-8")
    assert '<a:accent1><a:srgbClr val="C00000"/>' in theme_xml
    assert '<a:majorFont><a:latin typeface="Arial"/>' in theme_xml
    assert [slide.slide_layout.name for slide in deck.slides][:2] == ["Title", "Agenda"]
    logos = [shape for slide in deck.slides for shape in slide.shapes if shape.name == "Logo"]
    assert len(logos) == len(deck.slides)
    assert logos[0].width == 720000  # 2 cm


def test_extends_an_unknown_theme(project: Path) -> None:
    write_child_theme(project, "extends: modrn\n")
    code, _, err = run(project, "build", "sales", "--theme", "red")
    assert code == 1
    assert err.splitlines()[0] == (
        "themes/red/theme.yaml:1:10: theme: unknown theme 'modrn'; did you mean 'modern'?"
    )


def test_themes_extending_each_other(project: Path) -> None:
    write_child_theme(project, "extends: blue\n")
    blue = project / "themes" / "blue"
    blue.mkdir()
    (blue / "theme.yaml").write_text("extends: red\n", encoding="utf-8")
    code, _, err = run(project, "build", "sales", "--theme", "red")
    assert code == 1
    assert err.splitlines()[0] == (
        "themes/blue/theme.yaml:1:10: extends: themes extend each other in a circle: red -> blue"
    )


def test_colour_that_is_not_a_colour(project: Path) -> None:
    write_child_theme(project, "extends: modern\ncolors:\n  accent1: red\n")
    code, _, err = run(project, "build", "sales", "--theme", "red")
    assert code == 1
    assert err.splitlines()[0].startswith("themes/red/theme.yaml:3:12: colors.accent1: ")


def test_missing_logo(project: Path) -> None:
    write_child_theme(project, "extends: modern\nlogo:\n  image: missing.png\n")
    code, _, err = run(project, "build", "sales", "--theme", "red")
    assert code == 1
    assert err.splitlines()[0] == (
        "themes/red/theme.yaml:3:10: logo.image: logo 'missing.png' not found in the theme's folder"
    )


def test_project_copy_of_builtin(project: Path) -> None:
    shutil.copytree(BUILTIN_THEMES / "dark", project / "themes" / "dark")
    code, out, _ = run(project, "theme", "list")
    assert code == 0
    assert [line.split()[:2] for line in out.splitlines()] == [
        ["agency", "built-in"],
        ["dark", "project"],
        ["modern", "built-in"],
    ]
