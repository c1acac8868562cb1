"""The site every hostile test works on: a project, and a folder of secrets beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.harness import Site, make_site


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """A small valid project (the current folder) with an outside folder beside it."""
    made = make_site(tmp_path)
    monkeypatch.chdir(made.root)
    return made
