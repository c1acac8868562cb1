"""Shared fixtures and settings: a small valid project, the real templates, Hypothesis profiles,
the render marker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import minimal_project
from tests.templates import make_templates

# CI runs the full property tests (HYPOTHESIS_PROFILE=ci, as .ci/run sets); locally a smaller run
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "render: renders decks with LibreOffice or real templates (make test-render)"
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A minimal valid project; the current folder is its root."""
    root = minimal_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture(scope="session")
def real_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The real templates made by others (tests/templates.py), as files, once per session."""
    try:
        return make_templates(
            tmp_path_factory.mktemp("templates"), tmp_path_factory.mktemp("profile")
        )
    except RuntimeError as missing:
        pytest.fail(str(missing))
