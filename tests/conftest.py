"""Shared fixtures: a small valid project in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import minimal_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A minimal valid project; the current folder is its root."""
    root = minimal_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root
