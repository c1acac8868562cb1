"""Skip decks whose inputs have not changed since they were last built.

A deck's key is a digest of everything it is made from: its department file, deckgen.yaml, the
rest of content/ (shared content, images), the themes (with their fonts), deckgen's own code,
the build options, the date the deck shows and the fonts installed (text is measured
with them). The files a deck used elsewhere in the project
(pictures in an assets folder, a template or logo outside themes/) are recorded with it, each
with its fingerprint, and checked again. The record of the decks written last is kept in
``<output>/.deckgen-state.json``. Files are fingerprinted through :mod:`deckgen.confine`: a link
out of the project is never read. Nothing here imports the content models, Pillow or
python-pptx, so that a build with nothing to do is quick.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import deckgen
from deckgen.confine import Refused, fingerprint, read_bytes, readable_folders
from deckgen.errors import DeckgenError, Location, SourceError
from deckgen.fonts import installed_fonts_stamp

STATE_FILE = ".deckgen-state.json"
MAX_STATE_BYTES = 10_000_000
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
    """Each file's name and fingerprint; a link out of ``base`` counts by where it points."""
    for path in paths:
        digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode())
        digest.update(fingerprint(path, readable_folders(base)))


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
    digest.update(installed_fonts_stamp().encode())
    _digest_files(digest, [root / "deckgen.yaml"], root)
    _digest_files(digest, _files(root / "content", skip=root / "content" / "departments"), root)
    _digest_files(digest, _files(root / "themes"), root)
    themes = [p for p in _files(builtin) if p.suffix in (".yaml", ".pptx", ".png")]
    _digest_files(digest, themes, builtin)
    return digest.hexdigest()


def output_setting(root: Path) -> tuple[str, Location] | None:
    """``output:`` of deckgen.yaml and where it is written, read without the content models;
    None when deckgen.yaml cannot be read or ``output:`` is not a text (loading says why)."""
    from deckgen.content.loader import load_document

    try:
        document = load_document(root / "deckgen.yaml", readable_folders(root))
    except SourceError:
        return None
    output = document.data.get("output", "build") if isinstance(document.data, dict) else None
    if not isinstance(output, str):
        return None
    return output, document.location(("output",))


def deck_key(common: str, department: Path, root: Path) -> str:
    """The digest of everything one deck is made from."""
    digest = hashlib.sha256(common.encode())
    digest.update(fingerprint(department, readable_folders(root)))
    return digest.hexdigest()


def _fingerprints(names: list[str], root: Path) -> dict[str, str]:
    """Each file (relative to ``root``) and its fingerprint, never read outside the project."""
    return {name: fingerprint(root / name, readable_folders(root)).hex() for name in names}


@dataclass
class BuildState:
    """The keys of the decks in an output folder, as they were when each was written."""

    folder: Path
    decks: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> BuildState:
        """The state kept in ``folder``, or an empty one (also when it is not deckgen's: a
        link, a pipe, a file too large or not JSON)."""
        state = folder / STATE_FILE
        try:
            if state.is_symlink():
                return cls(folder)
            data = json.loads(read_bytes(state, within=(folder,), limit=MAX_STATE_BYTES))
        except (Refused, ValueError, RecursionError):
            return cls(folder)
        return cls(folder, data if isinstance(data, dict) else {})

    def up_to_date(self, slug: str, key: str, root: Path) -> bool:
        """Whether the deck of ``slug`` was written from inputs with ``key``, the files it used
        besides (pictures, its template, a logo, wherever they are in the project) are as they
        were, and the deck is still there."""
        entry = self.decks.get(slug)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return False
        inputs = entry.get("inputs", {})
        if not isinstance(inputs, dict) or inputs != _fingerprints(list(inputs), root):
            return False
        try:
            found = (self.folder / f"{slug}.pptx").lstat()  # deckgen's deck, not a link
        except OSError:
            return False
        return bool(
            stat.S_ISREG(found.st_mode)
            and entry.get("size") == found.st_size
            and entry.get("mtime") == found.st_mtime_ns
        )

    def record(
        self, slug: str, key: str, slides: int, warnings: list[str], inputs: list[Path], root: Path
    ) -> None:
        """Remember that the deck of ``slug`` was just written from inputs with ``key``, using
        the files ``inputs`` besides."""
        deck = self.folder / f"{slug}.pptx"
        stat = deck.stat()
        names = sorted({os.path.relpath(path, root) for path in inputs})
        self.decks[slug] = {
            "key": key,
            "sha256": hashlib.sha256(deck.read_bytes()).hexdigest(),  # to tell presenters' edits
            "size": stat.st_size,
            "mtime": stat.st_mtime_ns,
            "slides": slides,
            "warnings": warnings,
            "inputs": _fingerprints(names, root),
        }

    def warnings(self, slug: str) -> list[str]:
        """The warnings the deck of ``slug`` had when it was written."""
        entry = self.decks.get(slug)
        found = entry.get("warnings") if isinstance(entry, dict) else None
        return [str(w) for w in found] if isinstance(found, list) else []

    def save(self) -> None:
        """Write the state next to the decks (a new file renamed into place, so a link in its
        place is replaced, never written through); it only saves time, so a failure is none."""
        from deckgen.write import write_atomic

        with contextlib.suppress(DeckgenError):
            write_atomic(self.folder / STATE_FILE, json.dumps(self.decks, indent=1).encode())
