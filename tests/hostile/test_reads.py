"""Nothing outside the project is read: paths that content names, templates filled in and links
followed, lie inside it (or in deckgen's own themes); only regular files, their size first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from deckgen import confine
from tests.helpers import MINIMAL_DEPARTMENT, MINIMAL_SETTINGS
from tests.hostile.harness import (
    IMAGE_LINE,
    MODERN,
    SALES,
    Site,
    both,
    corp_theme,
    image_slide,
    run,
    secret_in_decks,
    secret_png,
    secret_template,
)

IMAGE = f"{SALES}:{IMAGE_LINE}:16: add[1].slides[1].image"
THEME_LINE = f"deckgen.yaml:{len(MINIMAL_SETTINGS.splitlines()) + 1}:8: theme"


def sparse(path: Path, size: int = 3_000_000_000) -> None:
    """A file of ``size`` bytes that takes no room on disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        stream.truncate(size)


def test_the_detector_finds_the_secret_when_it_is_inside(site: Site) -> None:
    site.write("content/images/ok.png", secret_png())
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n", secret_template())
    site.department(image_slide("content/images/ok.png"))
    assert run(site, "build", "--all").exit_code == 0
    assert secret_in_decks(site.root)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("\"{{ '%s' }}\"", "'%s': give a path inside the project"),
        (
            "\"{{ '../outside/secret.png' }}\"",
            "'../outside/secret.png' is outside the project folder",
        ),
        (
            "\"{{ 'content/' ~ '../../outside/secret.png' }}\"",
            "'content/../../outside/secret.png' is outside the project folder",
        ),
    ],
)
def test_image_path_that_is_a_template_is_checked_filled_in(
    site: Site, written: str, shown: str
) -> None:
    absolute = str(site.outside / "secret.png")
    site.department(image_slide(written.replace("%s", absolute)))
    assert both(site).lines == [f"{IMAGE}: {shown.replace('%s', absolute)}"]


def test_image_path_from_a_variable(site: Site) -> None:
    settings = site.root / "deckgen.yaml"
    settings.write_text(
        MINIMAL_SETTINGS + "variables:\n  picture: ../outside/secret.png\n", encoding="utf-8"
    )
    site.department(image_slide('"{{ vars.picture }}"'))
    assert both(site).lines == [f"{IMAGE}: '../outside/secret.png' is outside the project folder"]


def test_department_file_that_links_outside(site: Site) -> None:
    site.link("content/departments/it.yaml", site.outside / "secret.yaml")
    assert both(site).lines == [
        "content/departments/it.yaml: file is a link to a place outside the project folder"
    ]


def test_shared_content_that_links_outside(site: Site) -> None:
    (site.root / "content" / "shared.yaml").unlink()
    site.link("content/shared.yaml", site.outside / "secret.yaml")
    assert both(site).lines == [
        "content/shared.yaml: file is a link to a place outside the project folder"
    ]


def test_departments_folder_that_links_outside(site: Site) -> None:
    (site.outside / "departments").mkdir()
    (site.outside / "departments" / "it.yaml").write_text(
        (site.outside / "secret.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    departments = site.root / "content" / "departments"
    (departments / "sales.yaml").unlink()
    departments.rmdir()
    site.link("content/departments", site.outside / "departments")
    assert both(site).lines == [
        "content/departments/it.yaml: file is a link to a place outside the project folder"
    ]


@pytest.mark.parametrize(
    ("theme", "shown"),
    [
        ("../outside", "'../outside' is not a theme name: use letters, digits, '-' and '_'"),
        ("/etc", "'/etc' is not a theme name: use letters, digits, '-' and '_'"),
        ("x" * 300, f"'{'x' * 300}' is not a theme name: use letters, digits, '-' and '_'"),
    ],
)
def test_theme_name_that_is_a_path(site: Site, theme: str, shown: str) -> None:
    settings = site.root / "deckgen.yaml"
    settings.write_text(MINIMAL_SETTINGS + f"theme: {theme}\n", encoding="utf-8")
    assert both(site).lines == [f"{THEME_LINE}: {shown}"]


def test_theme_name_that_is_a_path_on_the_command_line(site: Site) -> None:
    result = run(site, "build", "sales", "--theme", "../../outside")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "'../../outside' is not a theme name: use letters, digits, '-' and '_'"
    )


def test_theme_folder_that_links_outside(site: Site) -> None:
    theme = site.outside / "corp"
    theme.mkdir()
    (theme / "theme.yaml").write_text(f"extends: modern\ndescription: {SECRET_WORD}\n", "utf-8")
    site.link("themes/corp", theme)
    settings = site.root / "deckgen.yaml"
    settings.write_text(MINIMAL_SETTINGS + "theme: corp\n", encoding="utf-8")
    assert both(site).lines == [
        f"{THEME_LINE}: theme 'corp' is a link to a place outside the project folder"
    ]


SECRET_WORD = "nothing-to-see"


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("%s", "'%s': give a path inside the project"),
        (
            "../../../outside/secret.pptx",
            "'../../../outside/secret.pptx' is outside the project folder",
        ),
        ("link.pptx", "'link.pptx' is a link to a place outside the project folder"),
    ],
)
def test_template_outside_the_project(site: Site, template: str, shown: str) -> None:
    absolute = str(site.outside / "secret.pptx")
    (site.outside / "secret.pptx").write_bytes(secret_template())
    site.link("themes/corp/link.pptx", site.outside / "secret.pptx")
    corp_theme(site, f"extends: modern\ntemplate: {template.replace('%s', absolute)}\n")
    assert both(site).lines == [
        f"themes/corp/theme.yaml:2:11: template: {shown.replace('%s', absolute)}"
    ]


def test_logo_outside_the_theme(site: Site) -> None:
    corp_theme(site, "extends: modern\nlogo:\n  image: ../../../outside/secret.png\n")
    assert both(site).lines == [
        "themes/corp/theme.yaml:3:10: logo.image: logo '../../../outside/secret.png' must lie "
        "in the theme's folder"
    ]


def test_huge_sparse_department_file(site: Site) -> None:
    sparse(site.root / SALES)
    assert both(site).lines == [f"{SALES}: file is too large (3000000000 bytes, at most 2000000)"]


def test_huge_sparse_picture(site: Site) -> None:
    sparse(site.root / "content" / "big.png")
    site.department(image_slide("content/big.png"))
    assert both(site).lines == [
        f"{IMAGE}: 'content/big.png' is too large (3000000000 bytes, at most 50000000)"
    ]


def test_huge_sparse_template(site: Site) -> None:
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n")
    sparse(site.root / "themes" / "corp" / "corp.pptx")
    assert both(site).lines == [
        "themes/corp/theme.yaml:2:11: template: 'corp.pptx': file is too large "
        "(3000000000 bytes, at most 100000000)"
    ]


PIPE = "is a pipe, socket or device, not a regular file"


def test_pipe_as_department_file(site: Site) -> None:
    (site.root / SALES).unlink()
    os.mkfifo(site.root / SALES)
    assert both(site).lines == [f"{SALES}: file {PIPE}"]


def test_pipe_as_shared_content(site: Site) -> None:
    (site.root / "content" / "shared.yaml").unlink()
    os.mkfifo(site.root / "content" / "shared.yaml")
    assert both(site).lines == [f"content/shared.yaml: file {PIPE}"]


def test_pipe_as_picture(site: Site) -> None:
    os.mkfifo(site.root / "content" / "pipe.png")
    site.department(image_slide("content/pipe.png"))
    assert both(site).lines == [f"{IMAGE}: 'content/pipe.png' {PIPE}"]


def test_pipe_as_template(site: Site) -> None:
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n")
    os.mkfifo(site.root / "themes" / "corp" / "corp.pptx")
    assert both(site).lines == [f"themes/corp/theme.yaml:2:11: template: 'corp.pptx': file {PIPE}"]


def test_folder_as_picture(site: Site) -> None:
    (site.root / "content" / "images").mkdir()
    site.department(image_slide("content/images"))
    assert both(site).lines == [f"{IMAGE}: 'content/images' is a folder, not a regular file"]


def test_picture_name_longer_than_the_file_system_allows(site: Site) -> None:
    name = "content/" + "x" * 300 + ".png"
    site.department(image_slide(name))
    assert both(site).lines == [
        f"{IMAGE}: '{name}': a name in it is longer than file systems allow (255 bytes)"
    ]


def test_department_name_longer_than_a_file_name_can_be(site: Site) -> None:
    slug = "a" * 240
    site.write(f"content/departments/{slug}.yaml", MINIMAL_DEPARTMENT)
    assert both(site).lines == [
        f"'{'a' * 40}...' is too long for a department name (at most 100 characters)"
    ]


def test_a_link_out_of_the_project_is_fingerprinted_but_never_read(site: Site) -> None:
    os.mkfifo(site.outside / "pipe")
    link = site.link("content/link", site.outside / "pipe")
    assert confine.fingerprint(link, confine.readable_folders(site.root)) == (
        b"link:" + str(site.outside / "pipe").encode()
    )


def test_builtin_themes_are_readable_from_any_project(site: Site) -> None:
    assert (MODERN / "theme.yaml").resolve().is_relative_to(confine.builtin_folders()[0])
    assert both(site).lines == []


def test_a_themes_font_file_is_read_only_inside_its_fonts_folder(tmp_path: Path) -> None:
    from deckgen.paginate.fonts import find_family

    shipped = Path(confine.builtin_folders()[1]) / "Caladea-Regular.ttf"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "Caladea-Regular.ttf").write_bytes(shipped.read_bytes())
    linked = tmp_path / "themes" / "linked" / "fonts"
    linked.mkdir(parents=True)
    (linked / "Caladea-Regular.ttf").symlink_to(outside / "Caladea-Regular.ttf")
    (linked / "pipe.ttf").symlink_to("/dev/zero")
    own = tmp_path / "themes" / "own" / "fonts"
    own.mkdir(parents=True)
    (own / "Caladea-Regular.ttf").write_bytes(shipped.read_bytes())

    assert find_family("Caladea", (own,)).found == "theme"
    assert find_family("Caladea", (own,)).faces[0].path == (own / "Caladea-Regular.ttf")
    found = find_family("Caladea", (linked,))
    assert found.found != "theme"
    assert all(not face.path.is_relative_to(outside) for face in found.faces)
