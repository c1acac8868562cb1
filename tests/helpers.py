"""Helpers for tests: small projects written from dicts of file texts."""

from __future__ import annotations

import textwrap
from pathlib import Path

MINIMAL_SETTINGS = """\
organisation:
  name: Stadtwerke Testingen
title: Social Media bei uns
date: 2026-11-26
outline:
  - title
  - agenda
  - section: why
    header: true
  - benefits
  - concerns
  - next_steps
  - contact
"""

MINIMAL_SHARED = """\
sections:
  why:
    title: Warum wir das tun
    slides:
      - kind: bullets
        title: Unsere Ziele
        points:
          - Nähe zu den Menschen
          - text: Fachkräfte gewinnen
            points: [Ausbildung]
        notes: Ziele erklären.
contact:
  name: Anna Beispiel
  email: anna@example.org
"""

MINIMAL_DEPARTMENT = """\
name: Vertrieb
audience: Außendienst
benefits:
  - title: Mehr Anfragen
    text: Kunden finden uns
  - title: Nähe
    text: Wir sind sichtbar
concerns:
  - concern: Das macht Arbeit.
    answer: Die Redaktion schreibt.
next_steps:
  - Profil anlegen
"""


def build_file_tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative path -> text, dedented) under ``root``; return ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def minimal_project(root: Path, **overrides: str) -> Path:
    """A small valid project; keyword arguments replace or add files (``sales`` = department)."""
    files = {
        "deckgen.yaml": MINIMAL_SETTINGS,
        "content/shared.yaml": MINIMAL_SHARED,
        "content/departments/sales.yaml": MINIMAL_DEPARTMENT,
    }
    for key, text in overrides.items():
        name = key if "/" in key or key.endswith(".yaml") else f"content/departments/{key}.yaml"
        files[name] = text
    return build_file_tree(root, files)
