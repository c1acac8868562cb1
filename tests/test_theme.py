"""Themes: lookup, the built-in template, and mistakes in a theme's manifest."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.cli import cli
from deckgen.theme import BUILTIN_THEMES, load_theme, theme_names

MODERN = BUILTIN_THEMES / "modern"


def copy_theme(project: Path, name: str = "corp") -> Path:
    folder = project / "themes" / name
    shutil.copytree(MODERN, folder)
    settings = project / "deckgen.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "title: Social", f"theme: {name}\ntitle: Social"
        ),
        encoding="utf-8",
    )
    return folder


def build(project: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["--project", str(project), "build", "sales"])
    lines = [line for line in result.stderr.splitlines() if "decks failed" not in line]
    return result.exit_code, lines


def test_builtin_theme_maps_every_slide_kind_to_a_layout_it_has() -> None:
    theme = load_theme("modern", None)
    layouts = {layout.name: layout for layout in Presentation(str(theme.template)).slide_layouts}
    for kind, mapping in theme.manifest.kinds.items():
        assert mapping.layout in layouts, kind
        present = {p.placeholder_format.idx for p in layouts[mapping.layout].placeholders}
        assert set(mapping.placeholders.values()) <= present, kind


def test_builtin_template_is_widescreen_with_its_own_colours_and_fonts() -> None:
    presentation = Presentation(str(MODERN / "template.pptx"))
    assert (presentation.slide_width, presentation.slide_height) == (12192000, 6858000)
    assert len(presentation.slides) == 0
    theme_part = next(
        rel.target_part
        for rel in presentation.slide_master.part.rels.values()
        if rel.reltype.endswith("/theme")
    )
    xml = theme_part.blob.decode("utf-8")
    assert '<a:accent1><a:srgbClr val="0B7A75"/>' in xml
    assert '<a:majorFont><a:latin typeface="Calibri"/>' in xml


def test_theme_script_is_reproducible(tmp_path: Path) -> None:
    before = (MODERN / "template.pptx").read_bytes()
    script = BUILTIN_THEMES / "build_themes.py"
    copy = tmp_path / "themes"
    copy.mkdir()
    shutil.copy(script, copy)
    subprocess.run([sys.executable, str(copy / "build_themes.py")], check=True, capture_output=True)
    assert (copy / "modern" / "template.pptx").read_bytes() == before
    manifest = (copy / "modern" / "theme.yaml").read_text(encoding="utf-8")
    assert manifest == (MODERN / "theme.yaml").read_text(encoding="utf-8")


def test_project_theme_comes_before_builtin(project: Path) -> None:
    folder = copy_theme(project, "modern")
    manifest = folder / "theme.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("name: modern", "name: mine"),
        encoding="utf-8",
    )
    theme = load_theme("modern", project)
    assert theme.folder == folder
    assert theme.manifest.name == "mine"
    assert theme_names(project) == ["agency", "dark", "modern"]


def test_mapping_names_a_layout_the_template_lacks(project: Path) -> None:
    folder = copy_theme(project)
    manifest = folder / "theme.yaml"
    text = manifest.read_text(encoding="utf-8").replace("layout: Bullets", "layout: Bulets")
    manifest.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    layout: Bulets") + 1
    code, lines = build(project)
    assert code == 1
    assert lines == [
        f"themes/corp/theme.yaml:{line}:13: kinds.bullets.layout: the template has no layout "
        "'Bulets'; did you mean 'Bullets'?"
    ]


def test_mapping_names_a_placeholder_the_layout_lacks(project: Path) -> None:
    folder = copy_theme(project)
    manifest = folder / "theme.yaml"
    text = manifest.read_text(encoding="utf-8").replace(
        "placeholders: {title: 0, counter: 13, answer: 14}",
        "placeholders: {title: 0, counter: 13, answer: 17}",
    )
    manifest.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    placeholders: {title: 0, counter: 13, answer: 17}") + 1
    code, lines = build(project)
    assert code == 1
    column = text.splitlines()[line - 1].index("17") + 1
    assert lines == [
        f"themes/corp/theme.yaml:{line}:{column}: kinds.concerns.placeholders.answer: layout "
        "'Concern' has no placeholder with idx 17 (it has: 0, 11, 12, 13, 14)"
    ]


def test_template_that_is_not_a_presentation(project: Path) -> None:
    folder = copy_theme(project)
    (folder / "template.pptx").write_text("not a zip", encoding="utf-8")
    code, lines = build(project)
    assert code == 1
    assert lines == [
        "themes/corp/theme.yaml:5:11: template: 'template.pptx': not a PowerPoint presentation "
        "or template (.pptx, .potx)"
    ]


def test_unknown_key_in_theme_manifest(project: Path) -> None:
    folder = copy_theme(project)
    manifest = folder / "theme.yaml"
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert data["template"] == "template.pptx"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("template:", "templat:"), encoding="utf-8"
    )
    code, lines = build(project)
    assert code == 1
    assert lines == [
        "themes/corp/theme.yaml:5:1: templat: unknown key 'templat'; did you mean 'template'?"
    ]


def test_a_kind_without_mapping_is_named(project: Path) -> None:
    folder = copy_theme(project)
    manifest = folder / "theme.yaml"
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    del data["kinds"]["bullets"]
    manifest.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, lines = build(project)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].endswith("kinds: no layout for slide kind 'bullets'; add it under 'kinds'")


def theme_accent1(deck_path: Path) -> str:
    presentation = Presentation(str(deck_path))
    xml = next(
        rel.target_part.blob
        for rel in presentation.slide_master.part.rels.values()
        if rel.reltype.endswith("/theme")
    ).decode("utf-8")
    start = xml.index("<a:accent1><a:srgbClr val=") + len("<a:accent1><a:srgbClr val=") + 1
    return xml[start : start + 6]


def test_department_picks_its_theme_and_command_line_wins(project: Path) -> None:
    department = project / "content" / "departments" / "sales.yaml"
    department.write_text(
        department.read_text(encoding="utf-8") + "theme: dark\n", encoding="utf-8"
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["--project", str(project), "build", "sales"]).exit_code == 0
    assert theme_accent1(project / "build" / "sales.pptx") == "3CCFB4"
    result = runner.invoke(cli, ["--project", str(project), "build", "sales", "--theme", "agency"])
    assert result.exit_code == 0
    assert theme_accent1(project / "build" / "sales.pptx") == "1F5FA0"


def test_every_builtin_theme_has_its_own_colours_fonts_and_backgrounds() -> None:
    looks = set()
    for name in ("modern", "agency", "dark"):
        presentation = Presentation(str(BUILTIN_THEMES / name / "template.pptx"))
        xml = next(
            rel.target_part.blob
            for rel in presentation.slide_master.part.rels.values()
            if rel.reltype.endswith("/theme")
        ).decode("utf-8")
        fonts = xml[xml.index("<a:majorFont>") : xml.index("</a:minorFont>")]
        title_layout = presentation.slide_layouts.get_by_name("Title")
        assert title_layout is not None
        background = etree.tostring(title_layout._element.find(f"{qn('p:cSld')}/{qn('p:bg')}"))
        looks.add((xml[xml.index("<a:clrScheme") : xml.index("</a:clrScheme>")], fonts, background))
    assert len(looks) == 3
