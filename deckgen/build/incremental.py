"""Skip decks whose inputs have not changed since they were last built.

A deck's key is a digest of everything it is made from: its department file, deckgen.yaml, the
rest of content/ (shared content, images), the themes, deckgen's own code, the build options
and the date the deck shows. The keys of the decks written last are kept in
``<output>/.deckgen-state.json``. Nothing here imports the content models or python-pptx, so
that a build with nothing to do is quick.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import deckgen

STATE_FILE = ".deckgen-state.json"
_CODE = Path(deckgen.__file__).resolve().parent


def _files(folder: Path, skip: Path | None = None) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and (skip is None or skip not in p.parents)
    )


def _digest_files(digest: Any, paths: Iterable[Path], base: Path) -> None:
    for path in paths:
        digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode())
        digest.update(path.read_bytes())


def _code_stamp(digest: Any) -> None:
    """deckgen's version and its code, by size and modification time (cheap, and enough)."""
    digest.update(deckgen.__version__.encode())
    for path in sorted(_CODE.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())


def common_key(root: Path, options: dict[str, Any]) -> str:
    """The digest of what every deck of the project is made from."""
    builtin = Path(str(resources.files("deckgen.builtin_themes")))
    digest = hashlib.sha256()
    _code_stamp(digest)
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    digest.update(dt.date.today().isoformat().encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    _digest_files(digest, [root / "deckgen.yaml"], root)
    _digest_files(digest, _files(root / "content", skip=root / "content" / "departments"), root)
    _digest_files(digest, _files(root / "themes"), root)
    themes = [p for p in _files(builtin) if p.suffix in (".yaml", ".pptx", ".png")]
    _digest_files(digest, themes, builtin)
    return digest.hexdigest()


def output_folder_of(root: Path) -> Path:
    """Where the decks go by ``output:`` of deckgen.yaml (read without validating)."""
    import yaml

    try:
        settings = yaml.safe_load((root / "deckgen.yaml").read_text(encoding="utf-8-sig"))
    except (OSError, yaml.YAMLError):
        settings = None
    output = settings.get("output") if isinstance(settings, dict) else None
    return root / (output if isinstance(output, str) and output else "build")


def deck_key(common: str, department: Path) -> str:
    """The digest of everything one deck is made from."""
    digest = hashlib.sha256(common.encode())
    digest.update(department.read_bytes() if department.is_file() else b"")
    return digest.hexdigest()


@dataclass
class BuildState:
    """The keys of the decks in an output folder, as they were when each was written."""

    folder: Path
    decks: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> BuildState:
        """The state kept in ``folder``, or an empty one."""
        try:
            data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(folder)
        return cls(folder, data if isinstance(data, dict) else {})

    def up_to_date(self, slug: str, key: str) -> bool:
        """Whether the deck of ``slug`` was written from inputs with ``key`` and is still there."""
        entry = self.decks.get(slug)
        deck = self.folder / f"{slug}.pptx"
        if not entry or entry.get("key") != key or not deck.is_file():
            return False
        stat = deck.stat()
        return bool(entry.get("size") == stat.st_size and entry.get("mtime") == stat.st_mtime_ns)

    def record(self, slug: str, key: str, slides: int, warnings: list[str]) -> None:
        """Remember that the deck of ``slug`` was just written from inputs with ``key``."""
        deck = self.folder / f"{slug}.pptx"
        stat = deck.stat()
        self.decks[slug] = {
            "key": key,
            "sha256": hashlib.sha256(deck.read_bytes()).hexdigest(),  # to tell presenters' edits
            "size": stat.st_size,
            "mtime": stat.st_mtime_ns,
            "slides": slides,
            "warnings": warnings,
        }

    def warnings(self, slug: str) -> list[str]:
        """The warnings the deck of ``slug`` had when it was written."""
        return [str(w) for w in self.decks.get(slug, {}).get("warnings", [])]

    def save(self) -> None:
        """Write the state next to the decks; it only saves time, so a failure is no error."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / STATE_FILE).write_text(json.dumps(self.decks, indent=1), "utf-8")
        except OSError:
            pass

    def remove_leftovers(self) -> None:
        """Remove temporary decks that a killed build left behind."""
        if self.folder.is_dir():
            for leftover in self.folder.glob(".*.pptx.*.tmp"):
                leftover.unlink(missing_ok=True)
