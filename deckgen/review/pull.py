"""``deckgen pull``: the texts a presenter changed in a deck, written back into the YAML.

The edited deck is compared with the deck deckgen would build now: slides by their stable key
(the slide names every deck carries), shapes by their placeholder (or, for what deckgen draws,
their name), then paragraph by paragraph. Each changed paragraph is traced to the one text of the
content it was made from, through the slide's provenance (the file:line ``deckgen explain``
shows), and the changed words are written into that text (:mod:`.yaml_edit`). What cannot be
traced to exactly one text of the content (a new slide, a new or moved shape, a paragraph added
or removed, a built-in word, a Jinja expression) is listed, never guessed.
"""

from __future__ import annotations

import difflib
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.content.loader import KeyPath
from deckgen.errors import DeckgenError, display_path
from deckgen.markup import flow, paragraphs, plain
from deckgen.outline import SlideSpec, TextSource
from deckgen.review.keys import slide_keys
from deckgen.review.yaml_edit import Edit, YamlFile, apply, edit_words

if TYPE_CHECKING:
    from deckgen.render.read import ReadSlide, ShapeText

_KEY_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class TextChange:
    """A text of the content to change: where it is, and how it reads on the slide before and
    after."""

    source: TextSource
    slide: int
    before: str
    after: str
    value: str  # the new text as it will stand in the YAML


@dataclass(frozen=True)
class Unmapped:
    """A change in the deck that is not taken over, and why."""

    slide: int
    where: str
    text: str
    why: str


@dataclass
class PullResult:
    """What ``deckgen pull`` found: changes to write, files changed, and what it leaves."""

    slug: str
    changes: list[TextChange] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    files: list[YamlFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def key_path(dotted: str) -> KeyPath:
    """A key path from its dotted form, counting list items from 1: ``a[2].b`` -> (a, 1, b)."""
    return tuple(int(index) - 1 if index else name for name, index in _KEY_PART.findall(dotted))


def department_of(deck: Path, slugs: list[str]) -> str:
    """The department a deck belongs to, from its file name (``sales.edited-2026-11-28.pptx``)."""
    slug = deck.name.split(".", 1)[0]
    if slug not in slugs:
        raise DeckgenError(
            f"{display_path(deck)}: no department '{slug}'; name it with --department"
        )
    return slug


def find_changes(root: Path, deck: Path, slug: str | None, theme: str | None) -> PullResult:
    """Compare the edited ``deck`` with what deckgen builds now; trace and prepare changes."""
    from deckgen.build.options import BuildOptions
    from deckgen.build.pipeline import build_deck, paginate_department
    from deckgen.content.paths import department_slugs
    from deckgen.content.project import load_project_strict
    from deckgen.render.read import read_deck

    slug = slug or department_of(deck, department_slugs(root))
    project = load_project_strict(root, [slug])
    paginated, _ = paginate_department(project, slug, theme)
    specs = {
        key: page.spec
        for key, page in zip(
            slide_keys([p.spec for p in paginated.pages]), paginated.pages, strict=True
        )
    }
    with tempfile.TemporaryDirectory(prefix="deckgen-pull-") as scratch:
        aside = BuildOptions(out=Path(scratch), theme=theme, allow_outside=True)  # deckgen's own
        fresh = build_deck(project, slug, aside)
        built_slides = read_deck(fresh.path)
    built = {slide.key: slide for slide in built_slides}
    result = PullResult(slug)
    edited = read_deck(deck)
    if edited and not any(slide.key for slide in edited):
        edited = keys_by_title(edited, built_slides)
        result.notes.append(
            "the deck carries no slide keys (LibreOffice drops them when it saves): slides were "
            "matched by their titles and texts; slides that differ much are listed, not guessed"
        )
    tracer = _Tracer(result)
    for slide in edited:
        if not slide.key or slide.key not in built:
            first = next((p for s in slide.shapes for p in s.paragraphs), "")
            why = "a slide deckgen does not make (new, or from content that has changed since)"
            result.unmapped.append(Unmapped(slide.number, "slide", first, why))
            continue
        for where, before, after in _units(built[slide.key], slide):
            if where.startswith(("title", "placeholder", "shape")) and not before and after:
                why = "a shape deckgen does not make on this slide (new, or moved here)"
                result.unmapped += [Unmapped(slide.number, where, p, why) for p in after]
                continue
            tracer.paragraphs(slide.number, specs[slide.key], where, before, after)
    tracer.finish()
    result.unmapped.sort(key=lambda item: item.slide)
    return result


def keys_by_title(edited: list[ReadSlide], built: list[ReadSlide]) -> list[ReadSlide]:
    """Edited slides without keys, given the keys of the built slides they match: in order,
    by equal titles, and only where at least half of what they say is alike."""
    from dataclasses import replace

    from deckgen.review.compare import ALIKE, similarity

    def text(slide: ReadSlide) -> str:
        return "\n".join(t for _, t in slide.lines())

    matcher = difflib.SequenceMatcher(
        None, [s.title for s in built], [s.title for s in edited], autojunk=False
    )
    keyed = list(edited)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            old, new = built[block.a + offset], edited[block.b + offset]
            if similarity(text(old), text(new)) >= ALIKE:
                keyed[block.b + offset] = replace(new, key=old.key)
    return keyed


def _units(
    built: ReadSlide, edited: ReadSlide
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """The texts of a slide, as built and as edited, paired by shape: (where, before, after);
    a shape only one of them has is paired with nothing."""

    def ident(shape: ShapeText) -> str:
        if shape.is_title:
            return "title"
        return f"placeholder {shape.idx}" if shape.idx is not None else f"shape '{shape.name}'"

    before = {ident(s): s.paragraphs for s in built.shapes}
    after = {ident(s): s.paragraphs for s in edited.shapes}
    units = [(where, before.get(where, ()), after.get(where, ())) for where in before]
    units += [(where, (), text) for where, text in after.items() if where not in before]
    rows = max(len(built.tables), len(edited.tables))
    for row in range(rows):
        old = built.tables[row] if row < len(built.tables) else ()
        new = edited.tables[row] if row < len(edited.tables) else ()
        for column in range(max(len(old), len(new))):
            units.append(
                (
                    f"table row {row + 1}, column {column + 1}",
                    (old[column],) if column < len(old) else (),
                    (new[column],) if column < len(new) else (),
                )
            )
    units.append(("notes", built.notes, edited.notes))
    return units


class _Tracer:
    """Traces changed paragraphs to the texts of the content they were made from."""

    def __init__(self, result: PullResult) -> None:
        self.result = result
        # source -> (slide number, its paragraphs, {paragraph index: new text})
        self.edits: dict[TextSource, tuple[int, list[str], dict[int, str]]] = {}

    def paragraphs(
        self,
        slide: int,
        spec: SlideSpec,
        where: str,
        before: tuple[str, ...],
        after: tuple[str, ...],
    ) -> None:
        old, new = [flow(p) for p in before], [flow(p) for p in after]
        if old == new:
            return
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if tag == "replace" and a1 - a0 == b1 - b0:
                for a, b in zip(old[a0:a1], new[b0:b1], strict=True):
                    self.paragraph(slide, spec, where, a, b)
                continue
            for text in new[b0:b1]:
                self.unmapped(slide, where, text, "a paragraph the presenter added")
            for text in old[a0:a1]:
                self.unmapped(slide, where, text, "a paragraph the presenter removed")

    def paragraph(self, slide: int, spec: SlideSpec, where: str, before: str, after: str) -> None:
        found = [
            (source, index, shown)
            for source in spec.sources
            for index, shown in enumerate(source_paragraphs(source))
            if shown == before
        ]
        if not found:
            why = "not from the content: the outline, a built-in word or deckgen's own text"
            self.unmapped(slide, where, after, why)
            return
        if len({(s.location, s.key) for s, _, _ in found}) > 1:
            places = ", ".join(str(s.location) for s, _, _ in found)
            self.unmapped(slide, where, after, f"the same text stands in several places: {places}")
            return
        source, index, _ = found[0]
        if source not in self.edits:
            self.edits[source] = (slide, source_paragraphs(source), {})
        self.edits[source][2][index] = after

    def unmapped(self, slide: int, where: str, text: str, why: str) -> None:
        self.result.unmapped.append(Unmapped(slide, where, text, why))

    def finish(self) -> None:
        """Turn the traced paragraphs into changes of YAML values, file by file."""
        by_file: dict[Path, list[Edit]] = defaultdict(list)
        files: dict[Path, YamlFile] = {}
        for source, (slide, shown, replaced) in self.edits.items():
            before = " ".join(shown)
            after = " ".join(replaced.get(i, text) for i, text in enumerate(shown))
            path = source.location.path
            if path not in files:
                files[path] = YamlFile(path)
            try:
                raw = files[path].value(key_path(source.key))
            except (KeyError, IndexError, TypeError):
                raw = None
            if not isinstance(raw, str):
                why = f"written as a YAML list at {source.location}; change it by hand"
                self.unmapped(slide, source.key, after, why)
                continue
            if "{{" in raw or "{%" in raw:
                why = f"comes from the template expression {flow(raw)!r} at {source.location}"
                self.unmapped(slide, source.key, after, why)
                continue
            value = edit_words(str(raw), before, after)
            if value is None:
                why = f"the text at {source.location} is no longer the one on the slide"
                self.unmapped(slide, source.key, after, why)
                continue
            change = TextChange(source, slide, before, after, value)
            self.result.changes.append(change)
            by_file[path].append(Edit(key_path(source.key), value))
        self.result.files = [apply(path, edits) for path, edits in by_file.items()]


def source_paragraphs(source: TextSource) -> list[str]:
    """The paragraphs a text of the content makes on a slide, as plain text."""
    if source.key.split(".")[-1] == "notes":  # a notes source joins its lines with " / "
        return [flow(plain(line)) for line in source.text.split(" / ")]
    return [flow(plain(p)) for p in paragraphs(source.text)]


def write(result: PullResult) -> list[Path]:
    """Write the changed files; return their paths."""
    from deckgen.write import write_atomic

    for found in result.files:
        write_atomic(found.path, found.text().encode("utf-8"))
    return [found.path for found in result.files]


def summary(result: PullResult) -> list[str]:
    """What pull found, for the terminal: each change with its place, then what it leaves."""
    from deckgen.review.compare import word_diff

    lines = list(result.notes)
    pieces = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    for change in result.changes:
        words = "".join(pieces[s.op].format(s.text) for s in word_diff(change.before, change.after))
        lines += [f"{change.source.location}: {change.source.key} (slide {change.slide})"]
        lines += [f"    {words}"]
    if result.unmapped:
        lines.append("not taken over (change these by hand where you want them):")
        for item in result.unmapped:
            text = item.text if len(item.text) <= 70 else item.text[:67] + "..."
            lines.append(f"  slide {item.slide}, {item.where}: {text!r}: {item.why}")
    return lines
