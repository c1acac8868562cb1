"""Concurrent and incremental builds are safe: two builds into one folder take turns and both
succeed; a deck is built again when any file it used changes, wherever it is in the project;
a state file that is not deckgen's is ignored, never trusted."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from typing import Any

import pytest
from PIL import Image
from pptx import Presentation

from deckgen.build import run as run_module
from tests.helpers import MINIMAL_DEPARTMENT
from tests.hostile.harness import MODERN, Site, corp_theme, image_slide, run


def png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_two_builds_into_one_folder_at_once_both_succeed(site: Site) -> None:
    for name in ("hr", "it", "marketing"):
        site.write(f"content/departments/{name}.yaml", MINIMAL_DEPARTMENT)
    command = [sys.executable, "-m", "deckgen", "--project", str(site.root), "build", "--all"]
    for _ in range(2):
        builds = [
            subprocess.Popen([*command, "--force", "-j", jobs], stderr=subprocess.PIPE, text=True)
            for jobs in ("1", "2")
        ]
        outcomes = [(build.wait(timeout=300), build.communicate()[1]) for build in builds]
        assert outcomes == [(0, ""), (0, "")]
        for deck in (site.root / "build").glob("*.pptx"):
            assert len(Presentation(str(deck)).slides) == 8
        assert not list((site.root / "build").glob(".*.tmp"))


TRY_LOCK = (
    "import fcntl, sys\n"
    "with open(sys.argv[1], 'a') as f:\n"
    "    try:\n"
    "        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
    "    except BlockingIOError:\n"
    "        sys.exit(7)\n"
)


def lock_is_taken(site: Site) -> bool:
    """Whether another process holds the output folder's lock (asked from a process of its own)."""
    lock = site.root / "build" / ".deckgen.lock"
    return subprocess.run([sys.executable, "-c", TRY_LOCK, str(lock)]).returncode == 7


def test_a_build_holds_the_output_folders_lock(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = run_module._build_stale

    def build_stale(*args: Any, **kwargs: Any) -> Any:
        seen.append(lock_is_taken(site))
        return real(*args, **kwargs)

    monkeypatch.setattr(run_module, "_build_stale", build_stale)
    assert run(site, "build", "--all").exit_code == 0
    assert seen == [True]
    assert not lock_is_taken(site)


def rebuilt(site: Site) -> list[str]:
    """The decks the next build writes."""
    result = run(site, "build", "--all")
    assert result.exit_code == 0, result.output
    return [line.split(" ")[0] for line in result.stdout.splitlines() if ".pptx" in line]


def test_a_changed_picture_in_an_assets_folder_builds_the_deck_again(site: Site) -> None:
    site.write("assets/pictures/team.png", png("red"))
    site.department(image_slide("assets/pictures/team.png"))
    assert rebuilt(site) == ["build/sales.pptx"]
    assert rebuilt(site) == []
    site.write("assets/pictures/team.png", png("blue"))
    assert rebuilt(site) == ["build/sales.pptx"]
    with zipfile.ZipFile(site.root / "build" / "sales.pptx") as deck:
        assert png("blue") in [deck.read(n) for n in deck.namelist() if "/media/" in n]


def test_a_changed_picture_named_by_a_template_builds_the_deck_again(site: Site) -> None:
    site.write("assets/team.png", png("red"))
    site.department(image_slide("\"{{ 'assets/' ~ 'team.png' }}\""))
    assert rebuilt(site) == ["build/sales.pptx"]
    site.write("assets/team.png", png("green"))
    assert rebuilt(site) == ["build/sales.pptx"]


def test_a_changed_template_outside_themes_builds_the_deck_again(site: Site) -> None:
    site.write("assets/corp.pptx", (MODERN / "template.pptx").read_bytes())
    corp_theme(site, "extends: modern\ntemplate: ../../assets/corp.pptx\n")
    assert rebuilt(site) == ["build/sales.pptx"]
    assert rebuilt(site) == []
    with (site.root / "assets" / "corp.pptx").open("ab") as template:
        template.write(b"\0")  # a zip may carry bytes after its end
    assert rebuilt(site) == ["build/sales.pptx"]


@pytest.mark.parametrize("changed", ["themes/corp/logo.png", "themes/corp/fonts/Corp.ttf"])
def test_a_changed_logo_or_font_builds_the_deck_again(site: Site, changed: str) -> None:
    corp_theme(site, "extends: modern\nlogo:\n  image: logo.png\n")
    site.write("themes/corp/logo.png", png("red"))
    site.write("themes/corp/fonts/Corp.ttf", b"a font")
    assert rebuilt(site) == ["build/sales.pptx"]
    assert rebuilt(site) == []
    site.write(changed, png("blue"))
    assert rebuilt(site) == ["build/sales.pptx"]


@pytest.mark.parametrize(
    "state",
    [
        b'{"sales": 1}',
        b'{"sales": {"key": [], "warnings": "abc", "inputs": [1]}}',
        b"[" * 100_000,
        b"\xff\xfe not json",
        json.dumps({"sales": {"inputs": {"../../outside/secret.txt": "00"}}}).encode(),
    ],
)
def test_a_state_file_that_is_not_deckgens_is_ignored(site: Site, state: bytes) -> None:
    site.write("build/.deckgen-state.json", state)
    assert rebuilt(site) == ["build/sales.pptx"]
    assert rebuilt(site) == []
