"""Hostile or careless content, answered alike by validate and build: encodings, impossible
dates, numbers a chart cannot show, deep nesting, huge texts, pictures and logos judged by what
they are (converted where a deck cannot hold their format, refused where they are broken)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import MINIMAL_DEPARTMENT, MINIMAL_SETTINGS, MINIMAL_SHARED
from tests.hostile.harness import IMAGE_LINE, SALES, Site, both, corp_theme, image_slide

IMAGE = f"{SALES}:{IMAGE_LINE}:16: add[1].slides[1].image"
FORMATS = "PNG, JPEG, GIF, BMP, TIFF, WebP, ICO, PPM, TGA or XPM"


def picture(kind: str) -> bytes:
    """A small picture in format ``kind`` (XPM written by hand: Pillow only reads it)."""
    if kind == "XPM":
        return (
            b'/* XPM */\nstatic char *x[] = {\n"4 2 2 1",\n"a c #FF0000",\n"b c #0000FF",\n'
            b'"abab",\n"baba"\n};\n'
        )
    buffer = io.BytesIO()
    Image.new("RGB", (16, 8), "teal").save(buffer, format=kind)
    return buffer.getvalue()


def png_cut_short() -> bytes:
    """A picture with varied pixels, cut off in the middle of its data."""
    buffer = io.BytesIO()
    Image.frombytes("L", (256, 256), bytes(range(256)) * 256).rotate(30).save(buffer, "PNG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that says it is ``width`` x ``height`` and holds no pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def media(folder: Path) -> list[str]:
    """The pictures inside the decks of ``folder``."""
    found = []
    for deck in sorted(folder.glob("*.pptx")):
        with zipfile.ZipFile(deck) as archive:
            found += [n.rpartition(".")[2] for n in archive.namelist() if "/media/" in n]
    return found


@pytest.mark.parametrize("kind", ["WEBP", "ICO", "PPM", "TGA", "XPM", "TIFF"])
def test_picture_in_a_format_a_deck_cannot_hold_is_converted(site: Site, kind: str) -> None:
    site.write(f"assets/picture.{kind.lower()}", picture(kind))
    site.department(image_slide(f"assets/picture.{kind.lower()}"))
    assert both(site).lines == []
    assert media(site.root / "build") == ["png"]


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "GIF", "BMP"])
def test_picture_a_deck_holds_goes_in_as_it_is(site: Site, kind: str) -> None:
    data = picture(kind)
    site.write("assets/picture.bin", data)  # judged by what it is, not by its name
    site.department(image_slide("assets/picture.bin"))
    assert both(site).lines == []
    with zipfile.ZipFile(site.root / "build" / "sales.pptx") as deck:
        assert [deck.read(n) for n in deck.namelist() if "/media/" in n] == [data]


UNREADABLE = f"'assets/x.png' is not a picture deckgen can read (it reads {FORMATS})"
TOO_LARGE = "image 'assets/x.png' is too large"


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (png_header_only(6000, 6500), UNREADABLE),
        (png_header_only(10000, 5000), f"{TOO_LARGE} (10000x5000 pixels, at most 40 million)"),
        (png_header_only(30000, 30000), f"{TOO_LARGE} (more than 40 million pixels)"),
        (png_cut_short(), UNREADABLE),
        (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", UNREADABLE),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', UNREADABLE),
        (b"", UNREADABLE),
    ],
)
def test_broken_or_unreadable_picture(site: Site, data: bytes, shown: str) -> None:
    site.write("assets/x.png", data)
    site.department(image_slide("assets/x.png"))
    assert both(site).lines == [f"{IMAGE}: {shown}"]


def test_logo_in_webp_is_converted(site: Site) -> None:
    corp_theme(site, "extends: modern\nlogo:\n  image: logo.webp\n")
    site.write("themes/corp/logo.webp", picture("WEBP"))
    assert both(site).lines == []
    assert set(media(site.root / "build")) == {"png"}


def test_broken_logo(site: Site) -> None:
    corp_theme(site, "extends: modern\nlogo:\n  image: logo.png\n")
    site.write("themes/corp/logo.png", png_header_only(6000, 6500))
    assert both(site).lines == [
        f"themes/corp/theme.yaml:3:10: logo.image: 'logo.png' is not a picture deckgen can read "
        f"(it reads {FORMATS})"
    ]


@pytest.mark.parametrize(
    ("encoding", "where"),
    [("utf-16", "1:1"), ("latin-1", "2:20")],
)
def test_settings_not_in_utf8(site: Site, encoding: str, where: str) -> None:
    text = MINIMAL_SETTINGS.replace("Stadtwerke Testingen", "Stadtwerke Öhringen")
    (site.root / "deckgen.yaml").write_bytes(text.encode(encoding))
    assert both(site).lines == [f"deckgen.yaml:{where}: file is not UTF-8 text; save it as UTF-8"]


def test_impossible_date(site: Site) -> None:
    settings = MINIMAL_SETTINGS.replace("date: 2026-11-26", "date: 2026-02-30")
    (site.root / "deckgen.yaml").write_text(settings, encoding="utf-8")
    assert both(site).lines == [
        "deckgen.yaml:4:7: date: expected a date like 2026-11-26, got '2026-02-30'"
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("nan", "a finite number"),
        ("inf", "a finite number"),
        ("1e309", "a finite number"),
        (".nan", "a number"),
        ("-.inf", "a number"),
    ],
)
def test_chart_value_a_chart_cannot_show(site: Site, value: str, expected: str) -> None:
    site.department(
        MINIMAL_DEPARTMENT
        + "metrics:\n  charts:\n    - title: Anfragen\n      categories: [Q1, Q2]\n"
        f"      series:\n        - name: Anfragen\n          values: [1, {value}]\n"
    )
    line = len(MINIMAL_DEPARTMENT.splitlines()) + 7
    assert both(site).lines == [
        f"{SALES}:{line}:23: metrics.charts[1].series[1].values[2]: expected {expected}, "
        f"got '{value}'"
    ]


def test_chart_values_that_are_huge_but_finite(site: Site) -> None:
    site.department(
        MINIMAL_DEPARTMENT
        + "metrics:\n  charts:\n    - title: Anfragen\n      categories: [Q1, Q2, Q3]\n"
        "      series:\n        - name: Anfragen\n          values: [1e308, -1e308, 5e-324]\n"
    )
    assert both(site).lines == []


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("deckgen.yaml", "deckgen.yaml:1:54"),
        ("content/shared.yaml", "content/shared.yaml:1:54"),
        (SALES, f"{SALES}:1:54"),
        ("themes/corp/theme.yaml", "themes/corp/theme.yaml:1:54"),
    ],
)
def test_nesting_deeper_than_yaml_can_compose(site: Site, name: str, where: str) -> None:
    originals = {
        "deckgen.yaml": MINIMAL_SETTINGS,
        "content/shared.yaml": MINIMAL_SHARED,
        SALES: MINIMAL_DEPARTMENT,
    }
    if name.startswith("themes/"):
        corp_theme(site, "")
    site.write(name, "x: " + nested(5000) + "\n" + originals.get(name, ""))
    assert both(site).lines[0] == f"{where}: nested deeper than 50 levels"


@pytest.mark.parametrize("depth", [60, 999, 1001, 900_000])
def test_nesting_of_any_depth_is_answered_at_level_51(site: Site, depth: int) -> None:
    site.department("x: " + nested(depth) + "\n" + MINIMAL_DEPARTMENT)
    assert both(site).lines == [f"{SALES}:1:54: nested deeper than 50 levels"]


def test_block_nesting_deeper_than_yaml_can_compose(site: Site) -> None:
    site.department("- " * 100_000 + "a\n")
    assert both(site).lines == [f"{SALES}:1:103: nested deeper than 50 levels"]


def test_text_of_two_megabytes_but_one(site: Site) -> None:
    site.department(MINIMAL_DEPARTMENT + "notes: " + "wort " * 380_000 + "\n")
    line = len(MINIMAL_DEPARTMENT.splitlines()) + 1
    assert both(site).lines == [
        f"{SALES}:{line}:8: the text is too long (1899999 characters, at most 20000)"
    ]
