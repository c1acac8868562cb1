"""deckgen serve without a browser: pages, texts with their file:line, errors that never stop
it, rebuilding what a saved file concerns (the browser test is test_serve_browser.py)."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from deckgen.serve.app import create_app
from deckgen.serve.workspace import Workspace
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return minimal_project(tmp_path / "p", hr=MINIMAL_DEPARTMENT.replace("Vertrieb", "Personal"))


@pytest.fixture
def client(root: Path) -> Iterator[TestClient]:
    with TestClient(create_app(root, office=False)) as client:
        yield client


def eventually(check: Callable[[], bool], seconds: float = 180.0) -> bool:
    """Whether ``check`` comes true within ``seconds``: a bound against hanging, far above what
    any machine needs (how fast it comes true is measured by make bench, not here)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.1)
    return check()


def test_the_start_page_lists_the_departments(client: TestClient) -> None:
    page = client.get("/").text
    assert '<a href="/d/hr">hr</a>' in page and '<a href="/d/sales">sales</a>' in page
    assert client.get("/d/nobody").status_code == 404


def test_a_department_shows_texts_with_their_source_and_notes(client: TestClient) -> None:
    page = client.get("/d/sales").text
    assert "<h1>Vertrieb</h1>" in page
    assert "<code>concerns[1].answer</code> Die Redaktion schreibt." in page
    assert '<span class="where">content/departments/sales.yaml:10:13</span>' in page
    assert "<p>Ziele erklären.</p>" in page  # the notes of the shared slide
    assert page.count('<section class="slide"') == 8
    assert "slide pictures are off" in page
    assert 'new EventSource("/events")' in page


def test_without_libreoffice_the_page_says_how_to_install_it(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("deckgen.office.images_possible", lambda: False)
    with TestClient(create_app(root)) as client:
        assert eventually(
            lambda: "apt-get install libreoffice-impress" in client.get("/d/sales").text
        )
        page = client.get("/d/sales").text
        assert "<code>concerns[1].answer</code> Die Redaktion schreibt." in page


def test_a_broken_file_shows_its_line_and_fixing_it_brings_the_slides_back(
    client: TestClient, root: Path
) -> None:
    assert "Die Redaktion schreibt." in client.get("/d/sales/body").text
    department = root / "content/departments/sales.yaml"
    good = department.read_text(encoding="utf-8")
    department.write_text(good.replace("audience: Außendienst", "audience: [Außendienst"), "utf-8")
    assert eventually(lambda: "The deck cannot be built" in client.get("/d/sales/body").text)
    body = client.get("/d/sales/body").text
    assert "content/departments/sales.yaml:" in body and "YAML syntax error" in body
    assert '<section class="slide"' not in body
    department.write_text(good.replace("schreibt.", "schreibt und plant."), "utf-8")
    assert eventually(
        lambda: "Die Redaktion schreibt und plant." in client.get("/d/sales/body").text
    )
    assert "cannot be built" not in client.get("/d/sales/body").text


def test_a_saved_file_rebuilds_the_departments_it_concerns(root: Path) -> None:
    told: list[tuple[str, str]] = []
    workspace = Workspace(root, lambda slug, what: told.append((slug, what)))
    workspace.set_office(None, "off")
    sales = workspace.view("sales")
    assert sales is not None and sales.version == 1
    workspace.changed({root / "content/departments/hr.yaml"})  # not opened: nothing to build
    assert workspace.views["sales"].version == 1 and "hr" not in workspace.views
    workspace.changed({root / "content/departments/sales.yaml"})
    assert workspace.views["sales"].version == 2
    workspace.changed({root / "deckgen.yaml"})  # every deck is made from it
    assert workspace.views["sales"].version == 3
    assert ("sales", "texts") in told and ("", "departments") in told
    hr = workspace.view("hr")
    assert hr is not None and hr.version == 1
    workspace.close()


def test_settings_errors_reach_every_department(client: TestClient, root: Path) -> None:
    client.get("/d/sales")
    settings = root / "deckgen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "fit: sometimes\n", "utf-8")
    assert eventually(lambda: "deckgen.yaml:" in client.get("/d/sales/body").text)
    assert "deckgen.yaml:" in client.get("/d/hr/body").text


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (make test-render)")
def test_pictures_of_the_slides_and_only_changed_ones_again(root: Path) -> None:
    with TestClient(create_app(root)) as client:
        assert eventually(
            lambda: client.get("/d/sales/body").text.count('class="slide-image"') == 8, 180
        )
        body = client.get("/d/sales/body").text
        source = re.search(r'src="(/images/sales/\d+/6\.jpg)"', body)
        assert source is not None
        picture = client.get(source.group(1))
        assert picture.headers["content-type"] == "image/jpeg"
        assert picture.content.startswith(b"\xff\xd8")
        department = root / "content/departments/sales.yaml"
        department.write_text(
            department.read_text(encoding="utf-8").replace("schreibt.", "schreibt gern."), "utf-8"
        )
        assert eventually(lambda: "schreibt gern." in client.get("/d/sales/body").text)
        assert eventually(
            lambda: 'data-images-version="0"' not in client.get("/d/sales/body").text, 60
        )
        body = client.get("/d/sales/body").text
        # the concern's slide was rendered anew; the others kept their pictures
        assert re.search(r'src="/images/sales/\d+/6\.jpg"', body)
        folder = next(iter(client.app.state.workspace.folder.glob("sales/*")))  # type: ignore[attr-defined]
        names = sorted(p.name for p in folder.iterdir())
        assert names.count("slide-1.jpg") == 1 and len(names) == 8
        assert "kept-6.jpg" not in names and "kept-1.jpg" in names
