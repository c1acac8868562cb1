"""Write new values into YAML files keeping everything else: comments, order, quotes, blocks.

ruamel.yaml reads a file into a round-trip tree that remembers its comments and the style of
each scalar, and writes it back. A file is only written when ruamel gives back the file as it
was before any change (with one of the usual indentations), so a change never reflows a file;
a text keeps its style (plain, quoted, a ``|`` block) and the line breaks it had where its words
did not change (:func:`edit_words`).
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from deckgen.content.loader import KeyPath
from deckgen.errors import DeckgenError, display_path

_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0))  # mapping, sequence, offset
_WORD = re.compile(r"\S+")
_STRUCTURE = {"-", "*"}  # list markers of notes: not words of the text


@dataclass(frozen=True)
class Edit:
    """A new value for the text at ``path`` of a YAML file."""

    path: KeyPath
    value: str


def edit_words(raw: str, old: str, new: str) -> str | None:
    """``raw`` (a text as written in YAML: line breaks, ``**`` marks, "- " list items) with the
    word changes from ``old`` to ``new`` (the same text as a slide shows it) made in place;
    None when the words of ``raw`` are not those of ``old``."""
    words = [m for m in _WORD.finditer(raw) if m.group() not in _STRUCTURE]
    shown = [w.group().replace("*", "") for w in words]
    old_words = old.replace("*", "").split()
    if [w for w in shown if w] != old_words:
        return None
    words = [w for w, s in zip(words, shown, strict=True) if s]
    new_words = new.split()
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    text = raw
    for tag, a0, a1, b0, b1 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        added = " ".join(new_words[b0:b1])
        if a1 > a0:
            start, end = words[a0].start(), words[a1 - 1].end()
            if not added:  # a deletion takes the space before it (or after it, at the start)
                if start > 0 and text[start - 1] == " ":
                    start -= 1
                elif end < len(text) and text[end] == " ":
                    end += 1
            text = text[:start] + added + text[end:]
        elif a0 > 0:
            at = words[a0 - 1].end()
            text = text[:at] + " " + added + text[at:]
        else:
            at = words[0].start() if words else len(text)
            text = text[:at] + added + (" " if words else "") + text[at:]
    return text


class YamlFile:
    """One YAML file in a round-trip tree: change values, then see and write the result."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.original = path.read_text(encoding="utf-8-sig")
        self.yaml, self.data = _round_trip(path, self.original)

    def value(self, path: KeyPath) -> Any:
        """The value at ``path``."""
        node = self.data
        for part in path:
            node = node[part]
        return node

    def set(self, path: KeyPath, text: str) -> None:
        """Put ``text`` at ``path`` in the style the old value had."""
        parent = self.value(path[:-1])
        parent[path[-1]] = _styled(parent[path[-1]], text)

    def text(self) -> str:
        """The file as it would be written now."""
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return out.getvalue()

    def diff(self) -> list[str]:
        """The change to the file as a unified diff."""
        name = display_path(self.path)
        return list(
            difflib.unified_diff(
                self.original.splitlines(),
                self.text().splitlines(),
                name,
                name,
                lineterm="",
            )
        )


def _round_trip(path: Path, text: str) -> tuple[YAML, Any]:
    """A ruamel reader/writer that gives ``text`` back as it is; DeckgenError if none does."""
    for mapping, sequence, offset in _INDENTS:
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096  # never wrap a line that was not wrapped
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        data = yaml.load(text)
        out = io.StringIO()
        yaml.dump(data, out)
        if out.getvalue() == text:
            return yaml, data
    raise DeckgenError(
        f"{display_path(path)}: deckgen cannot write into this file without changing its "
        "layout; make the changes below by hand"
    )


def _styled(old: Any, text: str) -> Any:
    """``text`` as a scalar of the style of ``old``."""
    for style in (
        LiteralScalarString,
        FoldedScalarString,
        DoubleQuotedScalarString,
        SingleQuotedScalarString,
    ):
        if isinstance(old, style):
            return style(text)
    return text


def apply(path: Path, edits: Sequence[Edit]) -> YamlFile:
    """The file at ``path`` with ``edits`` made (not written)."""
    found = YamlFile(path)
    for edit in edits:
        found.set(edit.path, edit.value)
    return found
