"""Compare two decks as a reviewer reads them: slides matched by content and key, not position.

Slides that say the same are matched first (a slide inserted before them changes nothing about
them, and its slide number is no difference); among the rest, slides of one family (section and
kind) are paired when they are alike or have the same key, and what is left was added or
removed. The lines of a changed slide are compared line by line, and changed lines word by word.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from deckgen.review.keys import Line, SlideRecord

ALIKE = 0.5  # slides at least this alike (0..1) are one slide changed, not one removed and added
LINES_ALIKE = 0.3
_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")

Status = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Segment:
    """A piece of a changed text: kept (``=``), removed (``-``) or added (``+``)."""

    op: Literal["=", "-", "+"]
    text: str


@dataclass(frozen=True)
class LineChange:
    """One line of a slide that changed: its field and its pieces."""

    label: str
    status: Status
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class SlideChange:
    """A slide added, removed or changed, with the lines that differ."""

    status: Status
    old: SlideRecord | None
    new: SlideRecord | None
    lines: tuple[LineChange, ...]

    @property
    def record(self) -> SlideRecord:
        """The slide as it is now (as it was, for a removed one)."""
        found = self.new or self.old
        assert found is not None
        return found


def compare_decks(old: Sequence[SlideRecord], new: Sequence[SlideRecord]) -> list[SlideChange]:
    """The slides that differ between ``old`` and ``new``, in the order of the new deck."""
    signatures = [[(r.family, r.title, r.lines) for r in deck] for deck in (old, new)]
    matcher = difflib.SequenceMatcher(None, signatures[0], signatures[1], autojunk=False)
    changes: list[SlideChange] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for i, j in _pair(old[a0:a1], new[b0:b1]):
            a = old[a0 + i] if i is not None else None
            b = new[b0 + j] if j is not None else None
            changes.append(_slide_change(a, b))
    return _without_moves(changes)


def _without_moves(changes: list[SlideChange]) -> list[SlideChange]:
    """A slide removed in one place and added unchanged in another only moved: its number
    changed, which is no difference."""

    def same(change: SlideChange) -> tuple[object, ...]:
        record = change.record
        return (record.family, record.title, record.lines)

    removed = [same(c) for c in changes if c.status == "removed"]
    moved = [same(c) for c in changes if c.status == "added" and same(c) in removed]
    kept = []
    for change in changes:
        if change.status != "changed" and same(change) in moved:
            continue
        kept.append(change)
    return kept


def _slide_change(old: SlideRecord | None, new: SlideRecord | None) -> SlideChange:
    if old is None:
        assert new is not None
        lines = [("title", new.title), *new.lines]
        return SlideChange("added", None, new, tuple(_whole("added", line) for line in lines))
    if new is None:
        lines = [("title", old.title), *old.lines]
        return SlideChange("removed", old, None, tuple(_whole("removed", line) for line in lines))
    before = [("title", old.title), *old.lines]
    after = [("title", new.title), *new.lines]
    return SlideChange("changed", old, new, tuple(compare_lines(before, after)))


def _whole(status: Status, line: Line) -> LineChange:
    return LineChange(line[0], status, (Segment("+" if status == "added" else "-", line[1]),))


def similarity(a: str, b: str) -> float:
    """How alike two texts are, word by word, from 0 to 1."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _pair(
    old: Sequence[SlideRecord], new: Sequence[SlideRecord]
) -> list[tuple[int | None, int | None]]:
    """Old and new slides of a block that differs, paired in order where they are one slide
    changed (same family, and alike or of the same key); the others alone."""
    rows, cols = len(old), len(new)
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    alike = [[_alike(old[i], new[j]) for j in range(cols)] for i in range(rows)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if alike[i][j] > 0:
                best = max(best, alike[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < rows and j < cols:
        if alike[i][j] > 0 and score[i][j] == alike[i][j] + score[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i + 1][j] >= score[i][j + 1]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(k, None) for k in range(i, rows)] + [(None, k) for k in range(j, cols)]
    return pairs


def _alike(old: SlideRecord, new: SlideRecord) -> float:
    """How much pairing two slides is worth: 0 when they are not one slide changed."""
    if old.family != new.family:
        return 0.0
    score = similarity(old.text(), new.text())
    if score >= ALIKE:
        return score
    return ALIKE / 2 if old.key and old.key == new.key else 0.0


def compare_lines(old: Sequence[Line], new: Sequence[Line]) -> list[LineChange]:
    """The lines that differ; a line changed in place is compared word by word."""
    changes: list[LineChange] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = list(old[a0:a1]), list(new[b0:b1])
        while a and b and a[0][0] == b[0][0] and similarity(a[0][1], b[0][1]) >= LINES_ALIKE:
            changes.append(LineChange(b[0][0], "changed", tuple(word_diff(a[0][1], b[0][1]))))
            a, b = a[1:], b[1:]
        changes += [_whole("removed", line) for line in a]
        changes += [_whole("added", line) for line in b]
    return changes


def word_diff(old: str, new: str) -> list[Segment]:
    """``old`` into ``new`` as kept, removed and added pieces, word by word."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    segments: list[Segment] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("=", "".join(a[a0:a1])))
            continue
        if a1 > a0:
            segments.append(Segment("-", "".join(a[a0:a1])))
        if b1 > b0:
            segments.append(Segment("+", "".join(b[b0:b1])))
    return _joined(segments)


def _joined(segments: list[Segment]) -> list[Segment]:
    """Runs of changes, and whitespace alone between two changes, as one removed and one added
    piece, so that a reader sees phrases instead of single words."""
    merged: list[Segment] = []
    run: list[Segment] = []
    for index, segment in enumerate([*segments, Segment("=", "")]):
        inside = 0 < index < len(segments) - 1 and bool(run)
        if segment.op != "=" or (inside and segment.text and not segment.text.strip()):
            run += (
                [segment]
                if segment.op != "="
                else [Segment("-", segment.text), Segment("+", segment.text)]
            )
            continue
        gone = "".join(s.text for s in run if s.op == "-")
        came = "".join(s.text for s in run if s.op == "+")
        merged += [Segment("-", gone)] if gone else []
        merged += [Segment("+", came)] if came else []
        run = []
        if segment.text:
            merged.append(segment)
    return merged
