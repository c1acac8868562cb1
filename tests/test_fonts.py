"""The font that measures text: the theme's own, an installed one, a metric-compatible
substitute, or (available nowhere) what a renderer shows instead, with one warning per build.

The machine is pretended: fontconfig's answers come from each test (``machine``), so that the
results do not depend on the fonts installed where the tests run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import deckgen.fonts
from deckgen.build.pipeline import paginate_department
from deckgen.cli import cli
from deckgen.content.project import load_project
from deckgen.errors import Location
from deckgen.fonts import SHIPPED, installed_fonts_stamp
from deckgen.paginate import ThemeFonts
from deckgen.paginate import fonts as resolver
from deckgen.paginate.measure import text_width
from deckgen.theme import load_theme
from tests.helpers import MINIMAL_DEPARTMENT, MINIMAL_SETTINGS, minimal_project

Listing = list[tuple[str, str, Path]]  # family, style, file as fc-list prints them
Pretend = Callable[..., None]


def shipped(name: str) -> Path:
    return SHIPPED / f"{name}.ttf"


LIBERATION_SANS: Listing = [
    ("Liberation Sans", style, shipped(f"LiberationSans-{style.replace(' ', '')}"))
    for style in ("Regular", "Bold", "Italic", "Bold Italic")
]


def forget() -> None:
    for cached in (
        resolver.find_family,
        resolver._installed_faces,
        resolver._folder_faces,
        resolver._fc_match,
    ):
        cached.cache_clear()


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[Pretend]:
    """Pretend that fontconfig lists ``listing`` and that fc-match answers ``shown``; without
    fontconfig, that the machine keeps its fonts in ``folders``."""

    def pretend(
        listing: Listing | None = None,
        shown: str | None = None,
        fontconfig: bool = True,
        folders: tuple[Path, ...] = (),
    ) -> None:
        def ask(tool: str, *args: str) -> str | None:
            if not fontconfig:
                return None
            if tool == "fc-list":
                return "".join(f"{f}\t{s}\t{path}\t0\n" for f, s, path in listing or [])
            return shown

        monkeypatch.setattr(resolver, "_fontconfig", ask)
        monkeypatch.setattr(resolver, "machine_folders", lambda: list(folders))
        forget()

    pretend()
    yield pretend
    forget()  # the tests after these see the real machine again


def test_a_font_in_the_theme_folder_wins_over_an_installed_one(
    machine: Pretend, tmp_path: Path
) -> None:
    machine([("Carlito", "Regular", shipped("Carlito-Regular")),
             ("Carlito", "Bold", shipped("Carlito-Bold"))])  # fmt: skip
    folder = tmp_path / "themes" / "corp" / "fonts"
    folder.mkdir(parents=True)
    for name in ("Carlito-Regular", "Carlito-Bold"):
        shutil.copy(shipped(name), folder / f"{name}.ttf")
    family = ThemeFonts((folder,)).family("Carlito")
    assert family.found == "theme"
    assert family.face().path == folder / "Carlito-Regular.ttf"
    assert family.face(bold=True).path == folder / "Carlito-Bold.ttf"
    assert family.face(italic=True).path == folder / "Carlito-Regular.ttf"  # nearest there is
    assert ThemeFonts().family("Carlito").found == "installed"


def test_a_theme_looks_in_its_own_fonts_folder_then_in_its_parents(tmp_path: Path) -> None:
    root = minimal_project(
        tmp_path / "p",
        **{
            "themes/corp/theme.yaml": "extends: modern\n",
            "themes/corp-dark/theme.yaml": "extends: corp\n",
        },
    )
    theme = load_theme("corp-dark", root)
    themes = root / "themes"
    assert theme.font_folders[:2] == (themes / "corp-dark" / "fonts", themes / "corp" / "fonts")


def test_metric_compatible_substitutes_measure_without_a_warning(machine: Pretend) -> None:
    fonts = ThemeFonts()
    expected = {
        "Calibri": "Carlito",
        "Calibri Light": "Carlito",
        "cambria": "Caladea",
        "Arial": "Liberation Sans",
        "Helvetica": "Liberation Sans",
    }
    for family, substitute in expected.items():
        assert fonts.family(family).found == "substitute"
        assert fonts.family(family).measured_as == substitute
    assert fonts.warnings(expected) == []


def test_a_font_available_nowhere_is_measured_as_fontconfig_shows_it(
    machine: Pretend, tmp_path: Path
) -> None:
    machine(LIBERATION_SANS, shown="Liberation Sans")
    theme_yaml = tmp_path / "themes" / "corp" / "theme.yaml"
    fonts = ThemeFonts((theme_yaml.parent / "fonts",), theme_yaml)
    family = fonts.family("Century Gothic")
    assert (family.found, family.measured_as, family.available) == (
        "fallback",
        "Liberation Sans",
        False,
    )
    assert family.face(bold=True).path == shipped("LiberationSans-Bold")
    [warning] = fonts.warnings(["Century Gothic", "century gothic", "Calibri"])
    assert warning.location == Location(theme_yaml)  # the template names it, not theme.yaml
    assert warning.what == (
        "font 'Century Gothic' is not installed and has no metric-compatible substitute; text "
        "is measured with 'Liberation Sans' and may not fit when shown with 'Century Gothic'; "
        f"put its .ttf files in {theme_yaml.parent / 'fonts'}{os.sep} or install it"
    )


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig is not installed")
def test_on_this_machine_a_font_available_nowhere_is_what_fc_match_shows() -> None:
    forget()
    shown = subprocess.run(
        ["fc-match", "--format", "%{family}", "NoSuchFont Pro"],
        capture_output=True,
        check=True,
        encoding="utf-8",
    ).stdout.split(",")[0]
    family = ThemeFonts().family("NoSuchFont Pro")
    assert (family.found, family.measured_as) == ("fallback", shown)
    assert ThemeFonts().family(shown).found == "installed"


def test_without_fontconfig_the_font_folders_are_read(machine: Pretend, tmp_path: Path) -> None:
    folder = tmp_path / "fonts" / "truetype"
    folder.mkdir(parents=True)
    shutil.copy(shipped("Caladea-Regular"), folder / "caladea.ttf")
    (folder / "notes.txt").write_text("not a font", encoding="utf-8")
    (folder / "broken.ttf").write_bytes(b"not a font either")
    machine(fontconfig=False, folders=(tmp_path / "fonts", tmp_path / "missing"))
    fonts = ThemeFonts()
    assert fonts.family("Caladea").found == "installed"
    assert fonts.face("Caladea", bold=True).path == folder / "caladea.ttf"
    nowhere = fonts.family("Century Gothic")
    assert (nowhere.found, nowhere.measured_as) == ("fallback", "Liberation Sans")
    assert nowhere.face().path == shipped("LiberationSans-Regular")


def test_styles_and_families_as_fontconfig_lists_them(machine: Pretend) -> None:
    fake = Path("/fonts")
    machine(
        [
            ("DejaVu Sans", "Book", fake / "DejaVuSans.ttf"),
            ("DejaVu Sans", "Bold", fake / "DejaVuSans-Bold.ttf"),
            ("DejaVu Sans", "Oblique", fake / "DejaVuSans-Oblique.ttf"),
            ("DejaVu Sans,DejaVu Sans Condensed", "Condensed Bold,Bold",
             fake / "DejaVuSansCondensed-Bold.ttf"),
            ("DejaVu Sans,DejaVu Sans Light", "ExtraLight", fake / "DejaVuSans-ExtraLight.ttf"),
            ("Calibri", "Light", fake / "calibril.ttf"),
        ]
    )  # fmt: skip
    dejavu = ThemeFonts().family("DejaVu Sans")
    assert dejavu.found == "installed"
    assert [face.path.name for face in dejavu.faces] == [
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",  # not the condensed bold
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-Oblique.ttf",  # no bold oblique: slant counts first, as in fontconfig
    ]
    condensed = ThemeFonts().family("dejavusans condensed")
    assert condensed.face(bold=True).path.name == "DejaVuSansCondensed-Bold.ttf"
    light = ThemeFonts().family("Calibri Light")  # a family named by its weight
    assert (light.found, light.face().path.name) == ("installed", "calibril.ttf")


def test_one_warning_for_a_font_available_nowhere_in_a_build_of_two_departments(
    machine: Pretend, tmp_path: Path
) -> None:
    machine(LIBERATION_SANS, shown="Liberation Sans")
    root = minimal_project(
        tmp_path / "p",
        hr=MINIMAL_DEPARTMENT.replace("Vertrieb", "Personal"),
        **{
            "deckgen.yaml": MINIMAL_SETTINGS + "theme: corp\n",
            "themes/corp/theme.yaml": (
                "extends: modern\nfonts: {major: NoSuchFont Pro, minor: NoSuchFont Pro}\n"
            ),
        },
    )
    expected = [
        f"warning: {root / 'themes' / 'corp' / 'theme.yaml'}:2:16: font 'NoSuchFont Pro' is not "
        "installed and has no metric-compatible substitute; text is measured with "
        "'Liberation Sans' and may not fit when shown with 'NoSuchFont Pro'; put its .ttf files "
        f"in {root / 'themes' / 'corp' / 'fonts'}{os.sep} or install it"
    ]
    jobs = "2" if hasattr(os, "fork") else "1"  # workers that fork see the pretended machine
    runner = CliRunner()
    built = runner.invoke(cli, ["--project", str(root), "build", "--all", "-j", jobs])
    assert built.exit_code == 0, built.output
    assert len(built.stdout.splitlines()) == 2
    assert built.stderr.splitlines() == expected
    again = runner.invoke(cli, ["--project", str(root), "build", "--all"])
    assert again.stdout == "2 deck(s) up to date; --force builds them again\n"
    assert again.stderr.splitlines() == expected


def test_metric_compatible_theme_fonts_build_without_a_warning(
    machine: Pretend, tmp_path: Path
) -> None:
    root = minimal_project(
        tmp_path / "p",
        **{
            "deckgen.yaml": MINIMAL_SETTINGS + "theme: corp\n",
            "themes/corp/theme.yaml": "extends: modern\nfonts: {major: Cambria, minor: Arial}\n",
        },
    )
    built = CliRunner().invoke(cli, ["--project", str(root), "build", "sales", "-j", "1"])
    assert built.exit_code == 0, built.output
    assert built.stderr == ""


POINT = "Wir zeigen, was unsere Abteilung leistet, und gewinnen so Kolleginnen und Kollegen dazu"


def test_text_measured_with_a_wider_font_splits_where_a_narrower_one_fits(
    machine: Pretend, tmp_path: Path
) -> None:
    fonts = ThemeFonts()
    narrow = text_width(POINT, fonts.face("Calibri"), 22)  # 22 pt: the modern theme's body text
    wide = text_width(POINT, fonts.face("Arial"), 22)
    assert wide > 1.08 * narrow  # one line in Calibri, two in Arial on the modern theme
    points = "".join(f"          - {POINT}\n" for _ in range(6))
    department = MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: bullets\n        title: Viel\n"
        "        points:\n" + points
    )
    root = minimal_project(
        tmp_path / "p",
        sales=department,
        **{
            "themes/narrow/theme.yaml": "extends: modern\nfonts: {minor: Calibri}\n",
            "themes/wide/theme.yaml": "extends: modern\nfonts: {minor: Arial}\n",
        },
    )
    project, _ = load_project(root)
    shown = {}
    for theme in ("narrow", "wide"):
        deck, _ = paginate_department(project, "sales", theme)
        shown[theme] = [
            (str(getattr(page.spec.slide, "title", "")), {p.size for p in page.texts["body"]})
            for page in deck.pages
            if str(getattr(page.spec.slide, "title", "")).startswith("Viel")
        ]
    assert shown == {
        "narrow": [("Viel", {None})],  # six lines, at the theme's size
        "wide": [("Viel", {None}), ("Viel (Fortsetzung)", {None})],  # twelve lines do not fit
    }


def test_installing_a_font_changes_the_stamp_of_the_installed_fonts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    monkeypatch.setattr(deckgen.fonts, "machine_folders", lambda: [fonts, tmp_path / "none"])
    before = installed_fonts_stamp()
    assert installed_fonts_stamp() == before
    (fonts / "corp").mkdir()
    shutil.copy(shipped("Carlito-Regular"), fonts / "corp" / "corp.ttf")
    assert installed_fonts_stamp() != before


@pytest.mark.parametrize("separator", ["\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_a_paragraph_separator_inside_a_text_measures_as_a_space(separator: str) -> None:
    # HarfBuzz's layout refuses such a text ("raqm_layout() failed"); a text pasted with one
    # must still be measured, as wide as with a space in its place
    face = ThemeFonts().face("Carlito")
    assert text_width(f"Pilot{separator}Phase", face, 20) == text_width("Pilot Phase", face, 20)
