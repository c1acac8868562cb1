"""deckgen serve in a real browser: headless Chromium through Playwright sees the slides of
sales, sees an edit of sales.yaml appear without a reload, sees a broken file's file:line, and
sees the slides come back when it is fixed.

Needs LibreOffice and Chromium (Debian's chromium package, which .ci/run installs); skipped,
saying so, where either is missing. With DECKGEN_SCREENSHOTS=DIR it also saves the screenshots
the README shows.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SLOW = 180_000  # ms: first pictures (LibreOffice starts), a bound on waiting, not a measure

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice"),
    pytest.mark.skipif(
        not Path(CHROMIUM).is_file(),
        reason="needs Chromium: apt-get install chromium (.ci/run installs it)",
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The example project: its deckgen.yaml and content."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "deckgen.yaml", root / "deckgen.yaml")
    shutil.copytree(REPO / "content", root / "content")
    return root


def slide_count(project: Path, slug: str) -> int:
    """How many slides the department's deck has, as the build makes it."""
    from deckgen.build.pipeline import paginate_department
    from deckgen.content.project import load_project_strict

    return len(paginate_department(load_project_strict(project, [slug]), slug)[0].pages)


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[str]:
    """`deckgen serve` on the project, as a user starts it; its address."""
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "deckgen", "--project", str(project), "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # until it answers, or fails by ending: how long it takes is the benchmark's business
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=5).close()
                break
            except OSError:
                assert process.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(0.2)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_the_page_follows_saves_and_survives_a_broken_file(
    server: str, project: Path, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    expect = sync_api.expect
    shots = os.environ.get("DECKGEN_SCREENSHOTS")
    department = project / "content/departments/sales.yaml"
    original = department.read_text(encoding="utf-8")
    slides = slide_count(project, "sales")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),  # a fresh profile
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        page = context.new_page()
        page.goto(server + "/")
        expect(page.locator(".departments a")).to_have_count(7)
        page.click("text=sales")
        pictures = page.locator("img.slide-image")
        expect(pictures).to_have_count(slides, timeout=SLOW)
        page.wait_for_function(  # the first picture has loaded and shows something
            "() => { const i = document.querySelector('img.slide-image');"
            " return i && i.complete && i.naturalWidth > 0; }",
            timeout=SLOW,
        )
        expect(page.locator("#deck")).to_contain_text("content/departments/sales.yaml:")
        page.evaluate("window.loadedOnce = true")  # gone if the page reloads
        if shots:
            page.evaluate(
                "document.getElementById('slide-10').scrollIntoView(); window.scrollBy(0, -70)"
            )  # below the header
            page.screenshot(path=str(Path(shots) / "serve-department.png"))

        # an edit appears, texts and picture, without a reload
        version = page.locator("#deck").get_attribute("data-images-version")
        department.write_text(
            original.replace("statt Kaltakquise", "statt kalter Akquise"), encoding="utf-8"
        )
        expect(page.locator("#deck")).to_contain_text("statt kalter Akquise", timeout=SLOW)
        expect(page.locator("#deck")).not_to_have_attribute(
            "data-images-version", version or "", timeout=SLOW
        )
        expect(page.locator("#deck")).not_to_have_attribute("data-images-version", "0")
        expect(pictures).to_have_count(slides)
        assert page.evaluate("window.loadedOnce") is True

        # a broken file: its file:line on the page, no slides; fixed: the slides come back
        department.write_text(
            original.replace("audience: Außendienst", 'audience: "Außendienst'), encoding="utf-8"
        )
        problems = page.locator("#errors")
        expect(problems).to_contain_text("content/departments/sales.yaml:", timeout=SLOW)
        expect(problems).to_contain_text("YAML syntax error")
        expect(pictures).to_have_count(0)
        expect(page.locator("#status")).to_have_text("the deck has errors")
        if shots:
            clip = {"x": 0, "y": 0, "width": 1400, "height": 240}
            page.screenshot(path=str(Path(shots) / "serve-error.png"), clip=clip)
        department.write_text(original, encoding="utf-8")
        expect(pictures).to_have_count(slides, timeout=SLOW)
        expect(problems).to_have_count(0)
        assert page.evaluate("window.loadedOnce") is True
        context.close()
