"""Presenters' edits: a deck changed since deckgen wrote it is never overwritten unasked.

Every deck written is recorded with its fingerprint (sha256 of the file, in the build state).
Before a build overwrites a deck, the deck on disk is compared with that fingerprint; a deck
that differs, or that deckgen has no record of writing, is kept as
``<slug>.edited-<YYYY-MM-DD>.pptx`` (``keep``, the default), stops the build (``stop``) or is
overwritten (``overwrite``). ``deckgen pull`` brings the kept copy's text changes back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from deckgen.build.incremental import BuildState
from deckgen.errors import BuildError, display_path

OnEdited = Literal["keep", "stop", "overwrite"]
ON_EDITED: tuple[OnEdited, ...] = ("keep", "stop", "overwrite")


def fingerprint(path: Path) -> str:
    """The sha256 of a file, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class EditedDeck:
    """A deck on disk that deckgen did not write as it is, and why it is taken for edited."""

    slug: str
    path: Path
    why: str


def edited_decks(state: BuildState, slugs: list[str]) -> list[EditedDeck]:
    """The decks of ``slugs`` in the state's folder that changed since deckgen wrote them."""
    found = []
    for slug in slugs:
        path = state.folder / f"{slug}.pptx"
        if path.is_symlink() or not path.is_file():
            continue  # a link is not a deck deckgen wrote, and is never read: it is replaced
        entry = state.decks.get(slug)
        if entry is None:
            found.append(EditedDeck(slug, path, "deckgen has no record of writing it"))
        elif "sha256" in entry:
            if fingerprint(path) != entry["sha256"]:
                found.append(EditedDeck(slug, path, "it changed since deckgen wrote it"))
        else:  # recorded before fingerprints were: size and time tell
            stat = path.stat()
            if (entry.get("size"), entry.get("mtime")) != (stat.st_size, stat.st_mtime_ns):
                found.append(EditedDeck(slug, path, "it changed since deckgen wrote it"))
    return found


def kept_name(deck: Path, today: dt.date | None = None) -> Path:
    """Where an edited deck is kept: ``<slug>.edited-<date>.pptx``, numbered if that is taken."""
    day = (today or dt.date.today()).isoformat()
    slug = deck.name.removesuffix(".pptx")
    target = deck.with_name(f"{slug}.edited-{day}.pptx")
    number = 2
    while target.exists():
        target = deck.with_name(f"{slug}.edited-{day}-{number}.pptx")
        number += 1
    return target


def protect(edited: list[EditedDeck], policy: OnEdited) -> dict[str, Path]:
    """Act on edited decks before a build overwrites them; return the copies kept, by slug."""
    if not edited or policy == "overwrite":
        return {}
    if policy == "stop":
        lines = [f"{display_path(deck.path)}: {deck.why}" for deck in edited]
        raise BuildError(
            "\n".join(lines)
            + "\nnothing was built; `deckgen pull DECK` brings a presenter's text changes into "
            "the content, --on-edited keep keeps a copy, --on-edited overwrite replaces it"
        )
    kept = {}
    for deck in edited:
        target = kept_name(deck.path)
        os.replace(deck.path, target)
        kept[deck.slug] = target
    return kept
