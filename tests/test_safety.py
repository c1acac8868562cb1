"""Bad input answered, never a traceback: limits, characters, sandbox, paths, templates, writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image
from pptx import Presentation

from deckgen.cli import cli
from deckgen.content import images, loader
from deckgen.render import package as inspect
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project

SALES = "content/departments/sales.yaml"


def build(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--project", str(root), "build", "sales", *args])
    assert "Traceback" not in result.output
    return result


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "decks failed" not in line]


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = minimal_project(tmp_path / "p")
    monkeypatch.chdir(project)
    return project


def write_department(root: Path, text: str | bytes) -> None:
    path = root / SALES
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_alias_bomb_is_refused(root: Path) -> None:
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        bomb.append(f"a{level}: &a{level} [{refs}]")
    write_department(root, "\n".join(bomb) + "\nname: *a9\n")
    result = build(root)  # how quickly: make bench
    assert result.exit_code == 1
    assert errors(result) == [
        f"{SALES}:1:34: too many values (more than 200000); are anchors and aliases nesting?"
    ]


def test_file_too_large(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1000)
    write_department(root, MINIMAL_DEPARTMENT + "# " + "x" * 1000 + "\n")
    result = build(root)
    size = len((root / SALES).read_bytes())
    assert errors(result) == [f"{SALES}: file is too large ({size} bytes, at most 1000)"]


def test_nesting_too_deep(root: Path) -> None:
    write_department(root, "name: " + "[" * 60 + "]" * 60 + "\n")
    result = build(root)
    assert errors(result) == [f"{SALES}:1:57: nested deeper than 50 levels"]


def test_byte_order_mark_is_fine(root: Path) -> None:
    write_department(root, b"\xef\xbb\xbf" + MINIMAL_DEPARTMENT.encode("utf-8"))
    assert build(root).exit_code == 0


@pytest.mark.parametrize(
    ("line", "where", "code"),
    [
        ("audience: Au\x01endienst", "2:13", "0001"),
        ('audience: "Au\\x01endienst"', "2:11", "0001"),
        ('audience: "Au\\uFFFEendienst"', "2:11", "FFFE"),
        ('audience: "Au\\ud800endienst"', "2:11", "D800"),
    ],
)
def test_characters_xml_cannot_hold(root: Path, line: str, where: str, code: str) -> None:
    write_department(root, MINIMAL_DEPARTMENT.replace("audience: Außendienst", line))
    result = build(root)
    assert result.exit_code == 1
    assert errors(result) == [
        f"{SALES}:{where}: character U+{code} cannot be stored in a PowerPoint file; remove it"
    ]


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ department.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_jinja_cannot_reach_python_internals(root: Path, template: str) -> None:
    write_department(
        root, MINIMAL_DEPARTMENT.replace("audience: Außendienst", f'audience: "{template}"')
    )
    result = build(root)
    assert result.exit_code == 1
    [line] = errors(result)
    assert line.startswith(f"{SALES}:2:11: audience: ")
    assert "not allowed" in line or "undefined variable" in line


def test_unknown_jinja_filter(root: Path) -> None:
    write_department(
        root,
        MINIMAL_DEPARTMENT.replace(
            "audience: Außendienst", 'audience: "{{ department.name | shout }}"'
        ),
    )
    result = build(root)
    assert errors(result) == [
        f"{SALES}:2:11: audience: unknown filter 'shout'; did you mean 'sort'?"
    ]


def image_slide(path: str) -> str:
    return MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: image\n        title: Bild\n"
        f"        image: {path}\n"
    )


IMAGE_LINE = len(MINIMAL_DEPARTMENT.splitlines()) + 6


def test_image_with_an_absolute_path(root: Path) -> None:
    write_department(root, image_slide("/etc/passwd"))
    assert errors(build(root)) == [
        f"{SALES}:{IMAGE_LINE}:16: add[1].slides[1].image: '/etc/passwd': give a path inside "
        "the project"
    ]


def test_image_outside_the_project(root: Path) -> None:
    Image.new("RGB", (10, 10)).save(root.parent / "outside.png")
    write_department(root, image_slide("../outside.png"))
    assert errors(build(root)) == [
        f"{SALES}:{IMAGE_LINE}:16: add[1].slides[1].image: '../outside.png' is outside the "
        "project folder"
    ]


def test_image_symlink_leading_out_of_the_project(root: Path) -> None:
    Image.new("RGB", (10, 10)).save(root.parent / "outside.png")
    (root / "content" / "link.png").symlink_to(root.parent / "outside.png")
    write_department(root, image_slide("content/link.png"))
    assert errors(build(root)) == [
        f"{SALES}:{IMAGE_LINE}:16: add[1].slides[1].image: 'content/link.png' is a link to a "
        "place outside the project folder"
    ]


def test_image_that_is_not_an_image(root: Path) -> None:
    (root / "content" / "fake.png").write_text("not a picture", encoding="utf-8")
    write_department(root, image_slide("content/fake.png"))
    assert errors(build(root)) == [
        f"{SALES}:{IMAGE_LINE}:16: add[1].slides[1].image: 'content/fake.png' is not a picture "
        "deckgen can read (it reads PNG, JPEG, GIF, BMP, TIFF, WebP, ICO, PPM, TGA or XPM)"
    ]


def test_image_too_large_in_pixels(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "MAX_IMAGE_PIXELS", 10_000)
    Image.new("RGB", (200, 100)).save(root / "content" / "big.png")
    write_department(root, image_slide("content/big.png"))
    assert errors(build(root)) == [
        f"{SALES}:{IMAGE_LINE}:16: add[1].slides[1].image: image 'content/big.png' is too large "
        "(200x100 pixels, at most 0 million)"
    ]


def corp_theme(root: Path, template: bytes) -> None:
    folder = root / "themes" / "corp"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("extends: modern\ntemplate: corp.pptx\n", encoding="utf-8")
    (folder / "corp.pptx").write_bytes(template)


def test_encrypted_template(root: Path) -> None:
    corp_theme(root, bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512)
    assert errors(build(root, "--theme", "corp")) == [
        "themes/corp/theme.yaml:2:11: template: 'corp.pptx': the file is encrypted "
        "(password-protected) or in the old .ppt format; save it as .pptx without a password"
    ]


def test_zip_bomb_template(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inspect, "MAX_UNPACKED_BYTES", 1_000_000)
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("bomb.bin", b"\0" * 5_000_000)
    corp_theme(root, buffer.getvalue())
    assert errors(build(root, "--theme", "corp")) == [
        "themes/corp/theme.yaml:2:11: template: 'corp.pptx': not a presentation deckgen can "
        "open: unpacks to 5 MB, more than 1 MB"
    ]


def test_output_folder_that_cannot_be_written(root: Path) -> None:
    (root / "blocked").write_text("a file where a folder should be", encoding="utf-8")
    result = build(root, "--out", str(root / "blocked" / "decks"))
    assert result.exit_code == 1
    assert errors(result) == [f"{root / 'blocked' / 'decks'}: cannot write here (Not a directory)"]


@pytest.mark.parametrize("slug", ["../sales", "sales/..", "/etc/passwd", "Sales"])
def test_department_slug_with_path_characters(root: Path, slug: str) -> None:
    result = CliRunner().invoke(cli, ["--project", str(root), "build", slug])
    assert result.exit_code == 1
    assert errors(result) == [
        f"'{slug}' is not a department name: use lower-case letters, digits, '-' and '_'"
    ]


def test_killed_mid_write_leaves_the_old_deck(root: Path) -> None:
    assert build(root).exit_code == 0
    deck = root / "build" / "sales.pptx"
    old = deck.read_bytes()
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "import deckgen.write as output\n"
        "def stall(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "os.fsync = stall\n"
        "output.write_atomic(Path(sys.argv[1]), b'half a deck' * 100000)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(deck)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "writing"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    process.stdout.close()
    assert deck.read_bytes() == old
    assert len(Presentation(str(deck)).slides) == 8
    assert len(list(deck.parent.glob(".sales.pptx.*.tmp"))) == 1
    assert build(root).exit_code == 0
    assert list(deck.parent.glob(".sales.pptx.*.tmp")) == []
