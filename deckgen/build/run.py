"""Build many decks: which are out of date, in worker processes, written, recorded.

The command line only says what to build and prints the :class:`BuildReport`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.build.edited import OnEdited, edited_decks, protect
from deckgen.build.incremental import BuildState, common_key, deck_key, output_folder_of
from deckgen.content.paths import DEPARTMENTS_DIR, department_slugs
from deckgen.errors import DeckgenError, SourceError, internal_error, one_line_errors

if TYPE_CHECKING:  # imported when decks are built: a build with nothing to do stays quick
    from deckgen.build.pipeline import BuildOptions, BuiltDeck
    from deckgen.content.project import Project

DeckDone = Callable[["BuiltDeck"], None]


@dataclass
class BuildReport:
    """What a build did: decks written, decks up to date, failures, PDFs."""

    decks: list[BuiltDeck] = field(default_factory=list)
    up_to_date: list[str] = field(default_factory=list)
    earlier_warnings: list[str] = field(default_factory=list)  # of the decks up to date
    failed: dict[str, list[DeckgenError]] = field(default_factory=dict)
    pdfs: dict[str, Path] = field(default_factory=dict)
    kept: dict[str, Path] = field(default_factory=dict)  # presenters' edited decks, kept

    @property
    def warnings(self) -> list[str]:
        """Every warning of the decks this build stands for, built now or before."""
        return [*self.earlier_warnings, *(w.message for d in self.decks for w in d.warnings)]

    @property
    def failure_messages(self) -> list[str]:
        """Each failure as one line."""
        return [
            line.message
            for errors in self.failed.values()
            for error in errors
            for line in one_line_errors(error)
        ]


def build(
    root: Path,
    slugs: list[str] | None,
    options: BuildOptions,
    *,
    force: bool = False,
    pdf: bool = False,
    jobs: int | None = None,
    on_deck: DeckDone | None = None,
    on_edited: OnEdited = "keep",
) -> BuildReport:
    """Build the decks of ``slugs`` (every department when None) whose inputs have changed.

    With ``jobs`` above 1 the decks are built in that many worker processes, which inherit
    the loaded project. A department that fails is reported; the others are built all the same.
    """
    wanted = department_slugs(root) if slugs is None else list(slugs)
    folder = options.out or output_folder_of(root)
    state = BuildState.load(folder)
    common = common_key(root, {"theme": options.theme, "out": str(folder)})
    keys = {s: deck_key(common, root / DEPARTMENTS_DIR / f"{s}.yaml") for s in wanted}
    state.remove_leftovers()
    report = BuildReport()
    stale = [s for s in wanted if force or pdf or not state.up_to_date(s, keys[s])]
    report.up_to_date = [s for s in wanted if s not in stale]
    report.earlier_warnings = [w for s in report.up_to_date for w in state.warnings(s)]
    if not stale:
        return report
    report.kept = protect(edited_decks(state, stale), on_edited)

    def done(deck: BuiltDeck) -> None:
        report.decks.append(deck)
        state.record(deck.slug, keys[deck.slug], deck.slides, [w.message for w in deck.warnings])
        if pdf:
            from deckgen.commands.pdf import to_pdf

            try:
                report.pdfs[deck.slug] = to_pdf(deck.path)
            except DeckgenError as e:
                report.failed.setdefault(deck.slug, []).append(e)
        if on_deck is not None:
            on_deck(deck)

    from deckgen.content.project import load_project

    try:
        project, errors = load_project(root, stale)
        for slug, found in errors.items():
            report.failed[slug] = list(found)
        _build_all(project, list(project.departments), options, jobs, report, done)
    finally:
        state.save()
    return report


def _build_all(
    project: Project,
    slugs: list[str],
    options: BuildOptions,
    jobs: int | None,
    report: BuildReport,
    done: DeckDone,
) -> None:
    workers = min(jobs or os.cpu_count() or 1, len(slugs))
    if workers <= 1:
        results: Iterable[tuple[str, BuiltDeck | None, list[DeckgenError]]] = (
            build_one(project, slug, options) for slug in slugs
        )
        _collect(results, report, done)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _worker_project, _worker_options
    if hasattr(os, "fork"):  # workers inherit the loaded project instead of loading it again
        _worker_project, _worker_options = project, options
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    else:
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(project.root, options),
        )
    with pool:
        _collect(pool.map(_build_in_worker, slugs), report, done)


def _collect(
    results: Iterable[tuple[str, BuiltDeck | None, list[DeckgenError]]],
    report: BuildReport,
    done: DeckDone,
) -> None:
    for slug, deck, failures in results:
        if deck is None:
            report.failed.setdefault(slug, []).extend(failures)
        else:
            done(deck)


_worker_project: Project | None = None
_worker_options: BuildOptions | None = None


def _start_worker(root: Path, options: BuildOptions) -> None:
    from deckgen.content.project import load_project

    global _worker_project, _worker_options
    _worker_project, _ = load_project(root)
    _worker_options = options


def _build_in_worker(slug: str) -> tuple[str, BuiltDeck | None, list[DeckgenError]]:
    assert _worker_project is not None and _worker_options is not None
    return build_one(_worker_project, slug, _worker_options)


def build_one(
    project: Project, slug: str, options: BuildOptions
) -> tuple[str, BuiltDeck | None, list[DeckgenError]]:
    """Build one department's deck: its slug, the deck written (or None) and its errors.

    An unexpected failure is reported for this department as one line; the others go on.
    """
    from deckgen.build.pipeline import build_deck

    try:
        return slug, build_deck(project, slug, options), []
    except DeckgenError as e:
        return slug, None, [e]
    except Exception as e:
        where = project.root / DEPARTMENTS_DIR / f"{slug}.yaml"
        return slug, None, [SourceError(None, internal_error(e, where))]
