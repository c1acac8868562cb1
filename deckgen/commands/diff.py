"""``deckgen diff``: what changed between two decks, slide by slide, as a reviewer reads it."""

from __future__ import annotations

import difflib

from deckgen.render.read import SlideText


def diff_decks(old: list[SlideText], new: list[SlideText]) -> list[str]:
    """A slide-by-slide diff: slides matched by title, changed lines marked - and +."""
    out: list[str] = []
    matcher = difflib.SequenceMatcher(
        a=[s.title for s in old], b=[s.title for s in new], autojunk=False
    )
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag in ("equal", "replace") and (a1 - a0) == (b1 - b0):
            for i, j in zip(range(a0, a1), range(b0, b1), strict=True):
                out += _changed(i, j, old[i], new[j])
            continue
        for i in range(a0, a1):
            out.append(f"--- slide {i + 1} removed: {old[i].title or old[i].layout}")
            out += [f"-   {line}" for line in old[i].all_lines()]
        for j in range(b0, b1):
            out.append(f"+++ slide {j + 1} added: {new[j].title or new[j].layout}")
            out += [f"+   {line}" for line in new[j].all_lines()]
    return out


def _changed(i: int, j: int, old: SlideText, new: SlideText) -> list[str]:
    a, b = old.all_lines(), new.all_lines()
    if a == b and old.layout == new.layout:
        return []
    where = f"slide {i + 1}" if i == j else f"slide {i + 1} -> {j + 1}"
    out = [f"~~~ {where}: {new.title or new.layout}"]
    if old.layout != new.layout:
        out.append(f"    layout: {old.layout} -> {new.layout}")
    for line in difflib.ndiff(a, b):
        if line.startswith(("- ", "+ ")):
            out.append(f"{line[0]}   {line[2:]}")
    return out
