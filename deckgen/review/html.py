"""``deckgen diff --html DIR``: the review as a page, with before/after images of changed slides.

The images are the slides as LibreOffice renders them (:mod:`deckgen.office`); without
LibreOffice the page has the changed texts only and says how to get the images.
"""

from __future__ import annotations

import html
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.errors import DeckgenError, display_path
from deckgen.review.compare import LineChange, SlideChange

if TYPE_CHECKING:
    from deckgen.commands.diff import DeckDiff, Review
    from deckgen.review.revision import ProjectDecks

Images = dict[tuple[str, str, int], str]  # (deck, "old"/"new", slide number) -> image file name
DeckBytes = Callable[[str], bytes | None]

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em; color: #1b1b1b; }
h1 { font-size: 1.4em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
.slide { margin: 1.2em 0; padding: .8em 1em; border-left: 4px solid #999; background: #fafafa; }
.added { border-color: #2a7d2a; } .removed { border-color: #b3261e; }
.changed { border-color: #b26a00; }
.pictures { display: flex; gap: 1em; margin: .6em 0; }
.pictures figure { margin: 0; flex: 1; } .pictures img { width: 100%; border: 1px solid #ccc; }
.pictures figcaption { font-size: .85em; color: #555; }
ins { background: #d5f5d5; text-decoration: none; } del { background: #fadada; }
.label { color: #555; } .note { background: #fff6d6; padding: .6em 1em; }
"""


def write_project_report(
    folder: Path, review: Review, old: ProjectDecks, new: ProjectDecks, theme: str | None
) -> list[str]:
    """Write the page for a comparison of two states of a project; return notes for the
    reader (where the page is, how to get images)."""

    def deck_of(decks: ProjectDecks) -> DeckBytes:
        def build(slug: str) -> bytes | None:
            if decks.project is None or slug not in decks.slides:
                return None
            from deckgen.build.options import BuildOptions
            from deckgen.build.pipeline import build_deck

            with tempfile.TemporaryDirectory(prefix="deckgen-review-") as scratch:
                # a folder of deckgen's own, outside the project
                options = BuildOptions(out=Path(scratch), theme=theme, allow_outside=True)
                return build_deck(decks.project, slug, options).path.read_bytes()

        return build

    return _write(folder, review, deck_of(old), deck_of(new))


def write_files_report(folder: Path, review: Review, old: Path, new: Path) -> list[str]:
    """Write the page for a comparison of two deck files."""
    return _write(folder, review, lambda _: old.read_bytes(), lambda _: new.read_bytes())


def _write(folder: Path, review: Review, old: DeckBytes, new: DeckBytes) -> list[str]:
    from deckgen.office import IMAGES_HINT, ColdOffice, images_possible, slide_images

    folder.mkdir(parents=True, exist_ok=True)
    pictures = folder / "images"
    shutil.rmtree(pictures, ignore_errors=True)
    images: Images = {}
    notes: list[str] = []
    if not images_possible():
        notes.append(f"the page has no slide images: {IMAGES_HINT}")
    elif any(deck.changes for deck in review.decks):
        office = ColdOffice()
        for deck in review.decks:
            for side, make in (("old", old), ("new", new)):
                wanted = {
                    record.number
                    for change in deck.changes
                    if (record := (change.old if side == "old" else change.new)) is not None
                }
                data = make(deck.name) if wanted else None
                if data is None:
                    continue
                try:
                    made = slide_images(office.pdf(data), pictures, f"{deck.name}-{side}")
                except DeckgenError as e:
                    notes.append(f"{deck.name}: no slide images: {e.message}")
                    continue
                for number, path in enumerate(made, start=1):
                    if number in wanted:
                        images[(deck.name, side, number)] = f"images/{path.name}"
                    else:
                        path.unlink()
    page = folder / "index.html"
    page.write_text(_page(review, images, notes), encoding="utf-8")
    return [f"report: {display_path(page)}", *notes]


def _page(review: Review, images: Images, notes: list[str]) -> str:
    title = f"Decks: {review.old} → {review.new}"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    parts += [f'<p class="note">{html.escape(note)}</p>' for note in notes]
    changed = [deck for deck in review.decks if deck.differs]
    if not changed:
        parts.append("<p>No slide differs.</p>")
    for deck in changed:
        parts.append(
            f"<h2>{html.escape(deck.name)}: {html.escape(deck.note or deck.counts())}</h2>"
        )
        parts += [_slide(deck, change, images) for change in deck.changes]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _slide(deck: DeckDiff, change: SlideChange, images: Images) -> str:
    record = change.record
    heading = " · ".join(p for p in (f"slide {record.number}", record.item, record.title) if p)
    parts = [
        f'<section class="slide {change.status}">',
        f"<h3>{change.status}: {html.escape(heading)}</h3>",
    ]
    figures = []
    for side, found in (("old", change.old), ("new", change.new)):
        image = images.get((deck.name, side, found.number)) if found is not None else None
        if image is not None and found is not None:
            caption = f"{'before' if side == 'old' else 'after'}: slide {found.number}"
            figures.append(
                f'<figure><img src="{html.escape(image)}" alt="{html.escape(caption)}">'
                f"<figcaption>{html.escape(caption)}</figcaption></figure>"
            )
    if figures:
        parts.append(f'<div class="pictures">{"".join(figures)}</div>')
    parts.append("<ul>")
    parts += [f"<li>{_line(line)}</li>" for line in change.lines]
    parts += ["</ul>", "</section>"]
    return "\n".join(parts)


def _line(line: LineChange) -> str:
    label = f'<span class="label">{html.escape(line.label)}:</span> '
    tags = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return label + "".join(tags[s.op].format(html.escape(s.text)) for s in line.segments)
