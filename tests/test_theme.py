"""Themes: lookup, the built-in template, and mistakes in a theme's manifest."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner
from pptx import Presentation

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
        "placeholders: {title: 0, concern: 13, answer: 14}",
        "placeholders: {title: 0, concern: 13, answer: 17}",
    )
    manifest.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    placeholders: {title: 0, concern: 13, answer: 17}") + 1
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
        "themes/corp/theme.yaml:4:11: template: 'template.pptx' is not a PowerPoint presentation"
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
        "themes/corp/theme.yaml:4:1: templat: unknown key 'templat'; did you mean 'template'?"
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
