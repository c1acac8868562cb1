"""``deckgen diff``: what changed for the audience, as a reviewer reads it.

Two decks (``OLD.pptx NEW.pptx``), or every department at a git revision and in the working
tree (``--git REV``; outlines only, nothing is written). Slides are matched by where their
content comes from and by what they say (:mod:`deckgen.review.compare`): one inserted concern
is one added slide, a slide that only moved is no difference, and changed texts show their
changed words. Printed as text, as Markdown for a pull request, and with ``--html`` as a page
with before/after images of the changed slides (:mod:`deckgen.review.html`).
"""

from __future__ import annotations

import html as html_text
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from deckgen.review.compare import LineChange, SlideChange, compare_decks
from deckgen.review.keys import SlideRecord
from deckgen.review.revision import ProjectDecks

Format = Literal["text", "markdown"]
SHOWN_CHARACTERS = 160  # lines of added and removed slides are cut after this many
_SIGNS = {"added": "+", "removed": "-", "changed": "~"}


@dataclass
class DeckDiff:
    """The differences of one deck: changed slides, or a note on the whole deck."""

    name: str
    changes: list[SlideChange] = field(default_factory=list)
    note: str = ""  # "new department", "cannot be built at HEAD~1: ..."

    @property
    def differs(self) -> bool:
        """Whether anything differs."""
        return bool(self.changes or self.note)

    def counts(self) -> str:
        """How many slides were added, removed and changed: "1 added, 2 changed"."""
        found = [
            f"{sum(1 for c in self.changes if c.status == status)} {status}"
            for status in ("added", "removed", "changed")
            if any(c.status == status for c in self.changes)
        ]
        return ", ".join(found) or "no slide differs"


@dataclass
class Review:
    """A comparison of decks: what was compared, each deck's differences, notes for the reader."""

    old: str
    new: str
    decks: list[DeckDiff]
    notes: list[str] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        """Whether anything differs (``--exit-code`` exits 1)."""
        return any(deck.differs for deck in self.decks)


def records_of_file(path: Path) -> list[SlideRecord]:
    """What every slide of a written deck says, keyed by the names deckgen gave its slides."""
    from deckgen.render.read import read_deck

    return [
        SlideRecord(slide.key, slide.number, slide.title, tuple(slide.lines()))
        for slide in read_deck(path)
    ]


def diff_files(old: Path, new: Path) -> Review:
    """Compare two written decks."""
    changes = compare_decks(records_of_file(old), records_of_file(new))
    return Review(str(old), str(new), [DeckDiff(new.stem, changes)])


def compare_projects(old: ProjectDecks, new: ProjectDecks) -> list[DeckDiff]:
    """Each department's differences between two states of a project."""
    diffs = []
    for slug in sorted({*old.slugs, *new.slugs}):
        if slug in new.errors:
            diffs.append(DeckDiff(slug, note=_failed(new, slug)))
        elif slug not in old.slugs:
            diffs.append(DeckDiff(slug, compare_decks([], new.slides[slug]), "new department"))
        elif slug not in new.slugs:
            diffs.append(DeckDiff(slug, compare_decks(old.slides[slug], []), "department removed"))
        elif slug in old.errors:
            note = _failed(old, slug)
            diffs.append(DeckDiff(slug, compare_decks([], new.slides[slug]), note))
        else:
            diffs.append(DeckDiff(slug, compare_decks(old.slides[slug], new.slides[slug])))
    return diffs


def _failed(decks: ProjectDecks, slug: str) -> str:
    return f"cannot be built in {decks.label}: " + "; ".join(decks.errors[slug])


def diff_revision(
    root: Path, revision: str, theme: str | None = None, html: Path | None = None
) -> Review:
    """Compare every department at ``revision`` with the working tree; with ``html``, also
    write the report with before/after images there."""
    from deckgen.review.revision import checkout, project_decks, relabel

    with checkout(root, revision) as old_root:
        old = project_decks(old_root, revision, theme)
        relabel(old, revision)
        new = project_decks(root, "the working tree", theme)
        review = Review(revision, "the working tree", compare_projects(old, new))
        if html is not None:
            from deckgen.review.html import write_project_report

            review.notes += write_project_report(html, review, old, new, theme)
    return review


def diff_two_files(old: Path, new: Path, html: Path | None = None) -> Review:
    """Compare two written decks; with ``html``, also write the report there."""
    review = diff_files(old, new)
    if html is not None:
        from deckgen.review.html import write_files_report

        review.notes += write_files_report(html, review, old, new)
    return review


# -- the report as text and as Markdown ----------------------------------------------------------


def report_lines(review: Review, form: Format = "text") -> list[str]:
    """The review as lines of text or of Markdown."""
    if form == "markdown":
        return _markdown(review)
    lines: list[str] = []
    several = len(review.decks) > 1
    for deck in review.decks:
        if not deck.differs:
            continue
        if several or deck.note:
            lines.append(f"{deck.name}: {deck.note or deck.counts()}")
        for change in deck.changes:
            lines.append(f"{_SIGNS[change.status]} {_heading(change)}")
            whole = change.status != "changed"
            lines += [f"    {_text_line(line, whole)}" for line in change.lines]
    if not lines:
        lines.append("no differences")
    return lines + review.notes


def _heading(change: SlideChange) -> str:
    record = change.record
    where = f"slide {record.number}" + (" (before)" if change.status == "removed" else "")
    parts = [where, record.item, record.title]
    return " · ".join(part for part in parts if part)


def _text_line(line: LineChange, whole: bool) -> str:
    """A line as git's --word-diff shows it: [-removed-]{+added+}; lines of a slide added or
    removed as a whole are shown as they are."""
    if whole:
        return f"{line.label}: {_cut(line.segments[0].text)}"
    pieces = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return f"{line.label}: " + "".join(pieces[s.op].format(s.text) for s in line.segments)


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 3] + "..."


def _markdown(review: Review) -> list[str]:
    changed = [deck for deck in review.decks if deck.differs]
    lines = [f"## Decks: {_md(review.old)} → {_md(review.new)}", ""]
    if not changed:
        return [*lines, "No slide differs.", "", *review.notes]
    lines += ["| deck | what changed |", "| --- | --- |"]
    lines += [f"| {_md(deck.name)} | {_md(deck.note or deck.counts())} |" for deck in changed]
    for deck in changed:
        lines += ["", f"### {_md(deck.name)}", ""]
        for change in deck.changes:
            lines.append(f"- **{change.status}** {_md(_heading(change))}")
            lines += [f"  - {_md_line(line)}" for line in change.lines]
    return [*lines, "", *(_md(note) for note in review.notes)]


def _md(text: str) -> str:
    """Text that Markdown shows as it is."""
    return re.sub(r"([\\`*_{}\[\]<>|#])", r"\\\1", text)


def _md_line(line: LineChange) -> str:
    label = f"{_md(line.label)}: "
    if line.status != "changed":
        tag = "ins" if line.status == "added" else "del"
        return f"{label}<{tag}>{_md_html(_cut(line.segments[0].text))}</{tag}>"
    pieces = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return label + "".join(pieces[s.op].format(_md_html(s.text)) for s in line.segments)


def _md_html(text: str) -> str:
    """Text inside inline HTML in Markdown: escaped for both."""
    return _md(html_text.escape(text, quote=False))
