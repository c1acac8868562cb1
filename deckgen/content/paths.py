"""Where things are in a content repo, and finding it; cheap to import (no content models)."""

from __future__ import annotations

import re
from pathlib import Path

from deckgen.errors import ProjectNotFound

SETTINGS_FILE = "deckgen.yaml"
SHARED_FILE = Path("content") / "shared.yaml"
DEPARTMENTS_DIR = Path("content") / "departments"
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
"""A department name: it names files (the deck, its notes, temporary files), so it is short."""


def find_root(start: Path | None = None) -> Path:
    """The folder holding deckgen.yaml: ``start`` itself, or searched upwards from the cwd."""
    here = (start or Path.cwd()).resolve()
    if start is not None:
        if (here / SETTINGS_FILE).is_file():
            return here
        raise ProjectNotFound(f"{here}: no {SETTINGS_FILE} in this folder")
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise ProjectNotFound(
        f"no {SETTINGS_FILE} here or in any folder above {here}; "
        "run deckgen inside a content repo or pass --project DIR"
    )


def department_slugs(root: Path) -> list[str]:
    """The slugs of all department files, sorted (not their translations, sales.en.yaml)."""
    folder = root / DEPARTMENTS_DIR
    if not folder.is_dir():
        return []
    return sorted(
        p.stem for p in folder.glob("*.yaml") if not p.name.startswith(".") and "." not in p.stem
    )


def not_a_slug(slug: str) -> str:
    """What is wrong with a department name that is not a slug."""
    if len(slug) > 100 and SLUG.match(slug[:100]):
        return f"'{slug[:40]}...' is too long for a department name (at most 100 characters)"
    return f"'{slug}' is not a department name: use lower-case letters, digits, '-' and '_'"
