"""Nothing outside the project is written: decks, the state file and temporary files go into an
output folder inside it (``--out`` elsewhere only with ``--allow-outside-output``), a link in a
file's place is replaced and never written through, and cleaning up removes only deckgen's own
temporary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import MINIMAL_SETTINGS
from tests.hostile.harness import SECRET, Site, both, run, unchanged

OUTPUT_LINE = f"deckgen.yaml:{len(MINIMAL_SETTINGS.splitlines()) + 1}:9: output"


def settings(site: Site, extra: str) -> None:
    (site.root / "deckgen.yaml").write_text(MINIMAL_SETTINGS + extra, encoding="utf-8")


@pytest.mark.parametrize(
    ("output", "shown"),
    [
        ("%s", "'%s': give a path inside the project"),
        ("../outside", "'../outside' is outside the project folder"),
        ("../../..", "'../../..' is outside the project folder"),
        ("decks", "'decks' is a link to a place outside the project folder"),
    ],
)
def test_output_folder_outside_the_project(site: Site, output: str, shown: str) -> None:
    site.link("decks", site.outside)
    settings(site, f"output: {output.replace('%s', str(site.outside))}\n")
    with unchanged(site):
        answer = both(site)
    assert answer.lines == [f"{OUTPUT_LINE}: {shown.replace('%s', str(site.outside))}"]
    assert sorted(p.name for p in site.outside.iterdir()) == [
        "secret.png",
        "secret.txt",
        "secret.yaml",
    ]


def test_out_outside_the_project_needs_the_option(site: Site) -> None:
    target = site.outside / "decks"
    refused = run(site, "build", "--all", "--out", str(target))
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        f"--out: '{target}' is outside the project folder; add --allow-outside-output to write "
        "there"
    ]
    assert not target.exists()
    allowed = run(site, "build", "--all", "--out", str(target), "--allow-outside-output")
    assert allowed.exit_code == 0, allowed.output
    assert (target / "sales.pptx").is_file()


def test_out_inside_the_project_needs_no_option(site: Site) -> None:
    assert run(site, "build", "--all", "--out", "handouts").exit_code == 0
    assert (site.root / "handouts" / "sales.pptx").is_file()


def test_committed_state_file_that_links_outside_is_replaced(site: Site) -> None:
    target = site.outside / "state.json"
    target.write_text('{"sales": {"key": "x"}}', encoding="utf-8")
    link = site.link("build/.deckgen-state.json", target)
    with unchanged(site):
        assert both(site).lines == []
        assert run(site, "build", "--all").exit_code == 0
    assert not link.is_symlink()
    assert '"sales"' in link.read_text(encoding="utf-8")


def test_committed_deck_that_links_outside_is_replaced(site: Site) -> None:
    link = site.link("build/sales.pptx", site.outside / "secret.txt")
    with unchanged(site):
        assert both(site).lines == []
    assert not link.is_symlink()
    assert (site.outside / "secret.txt").read_text(encoding="utf-8") == f"{SECRET}\n"


def test_committed_lock_file_that_links_outside_is_replaced(site: Site) -> None:
    link = site.link("build/.deckgen.lock", site.outside / "secret.txt")
    with unchanged(site):
        assert both(site).lines == []
    assert not link.is_symlink()


def test_leftovers_removed_are_only_deckgen_temporary_files(site: Site) -> None:
    target = site.outside / "decks"
    target.mkdir()
    theirs = [".notes.txt.tmp", "draft.pptx.abcdefgh.tmp", ".x.pptx.1.tmp", ".deckgen-lockfile"]
    for name in theirs:
        (target / name).write_text("someone else's", encoding="utf-8")
    (target / ".linked.pptx.abcdefgh.tmp").symlink_to(site.outside / "secret.txt")
    (target / ".sales.pptx.abcdefgh.tmp").write_bytes(b"half a deck")  # deckgen's own
    result = run(site, "build", "--all", "--out", str(target), "--allow-outside-output")
    assert result.exit_code == 0, result.output
    left = sorted(p.name for p in target.iterdir())
    assert left == sorted(
        [*theirs, ".linked.pptx.abcdefgh.tmp", ".deckgen-state.json", ".deckgen.lock", "sales.pptx"]
    )
    assert (site.outside / "secret.txt").read_text(encoding="utf-8") == f"{SECRET}\n"


def test_notes_outside_the_project(site: Site) -> None:
    settings(site, "output: ../outside\n")
    with unchanged(site):
        result = run(site, "notes", "sales")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{OUTPUT_LINE}: '../outside' is outside the project folder"
    ]


def test_schema_file_that_links_outside_is_replaced(site: Site) -> None:
    link = site.link("schemas/department.schema.json", site.outside / "secret.txt")
    with unchanged(site):
        assert run(site, "schema").exit_code == 0
    assert not link.is_symlink()


def test_schema_folder_that_links_outside(site: Site) -> None:
    site.link("schemas", site.outside)
    with unchanged(site):
        result = run(site, "schema")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"'{site.root / 'schemas'}' is a link to a place outside the project folder; deckgen "
        "writes only inside the project"
    ]


def test_new_department_into_a_folder_that_links_outside(site: Site) -> None:
    departments = site.root / "content" / "departments"
    for path in departments.iterdir():
        path.unlink()
    departments.rmdir()
    site.link("content/departments", site.outside)
    with unchanged(site):
        result = run(site, "new", "logistics", "--name", "Logistik")
    assert result.exit_code == 1
    assert not (site.outside / "logistics.yaml").exists()


def test_theme_import_into_a_themes_folder_that_links_outside(site: Site) -> None:
    site.link("themes", site.outside)
    template = Path(__file__).resolve().parents[2] / "themes" / "modern" / "template.pptx"
    with unchanged(site):
        result = run(site, "theme", "import", str(template), "--name", "corp", "--no-check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"'{site.root / 'themes'}' is a link to a place outside the project folder; deckgen "
        "writes only inside the project"
    ]


def test_theme_import_over_a_theme_that_links_outside(site: Site) -> None:
    (site.outside / "corp").mkdir()
    (site.outside / "corp" / "theme.yaml").write_text("extends: modern\n", encoding="utf-8")
    site.link("themes/corp", site.outside / "corp")
    template = Path(__file__).resolve().parents[2] / "themes" / "modern" / "template.pptx"
    with unchanged(site):
        result = run(
            site, "theme", "import", str(template), "--name", "corp", "--force", "--no-check"
        )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{site.root / 'themes' / 'corp'} is a link; deckgen does not write through it"
    ]
    assert (site.outside / "corp" / "theme.yaml").is_file()


def test_theme_map_into_a_build_folder_that_links_outside(site: Site) -> None:
    site.link("build", site.outside)
    with unchanged(site):
        result = run(site, "theme", "map", "modern")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"'{site.root / 'build'}' is a link to a place outside the project folder; deckgen "
        "writes only inside the project"
    ]


@pytest.mark.parametrize(
    ("output", "shown"),
    [
        ("notes.txt/decks", "'notes.txt/decks': 'notes.txt' is a file, not a folder"),
        ("d" * 300, f"'{'d' * 300}': a name in it is longer than file systems allow (255 bytes)"),
    ],
)
def test_output_folder_that_cannot_be_made(site: Site, output: str, shown: str) -> None:
    site.write("notes.txt", "a committed file")
    settings(site, f"output: {output}\n")
    assert both(site).lines == [f"{OUTPUT_LINE}: {shown}"]
