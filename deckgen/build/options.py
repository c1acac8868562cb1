"""What one build is asked (options) and gives back (a deck written); cheap to import, so that
a build with nothing to do stays quick."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deckgen.errors import SourceError


@dataclass(frozen=True)
class BuildOptions:
    """Choices of one build run that the command line may set."""

    out: Path | None = None
    theme: str | None = None
    allow_outside: bool = False  # --allow-outside-output: --out may lead out of the project
    debug: bool = False  # --debug: an unexpected failure also shows its traceback


@dataclass
class BuiltDeck:
    """One deck written: which department, where, how many slides, what did not fit."""

    slug: str
    path: Path
    slides: int
    warnings: list[SourceError]
    inputs: list[Path] = field(default_factory=list)  # files used besides content/ and themes/
