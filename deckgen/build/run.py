"""Build many decks: which are out of date, in worker processes, written, recorded.

The command line only says what to build and prints the :class:`BuildReport`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

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

    @property
    def warnings(self) -> list[str]:
        """Every warning of the decks this build stands for, built now or before, each once
        (a font of the theme that is available nowhere is a warning of every deck)."""
        found = [*self.earlier_warnings, *(w.message for d in self.decks for w in d.warnings)]
        return list(dict.fromkeys(found))

    @property
    def failure_messages(self) -> list[str]:
        """Each failure as one line."""
        return [
            line.message
            for errors in self.failed.values()
            for error in errors
            for line in one_line_errors(error)
        ]


def combined(reports: list[tuple[str | None, BuildReport]]) -> BuildReport:
    """The reports of one build in several languages as one; a translation's decks are named
    ``sales (en)`` among failures and PDFs."""
    total = BuildReport()
    for language, report in reports:
        suffix = f" ({language})" if language else ""
        total.decks += report.decks
        total.up_to_date += [f"{slug}{suffix}" for slug in report.up_to_date]
        total.earlier_warnings += report.earlier_warnings
        total.failed.update({f"{s}{suffix}": e for s, e in report.failed.items()})
        total.pdfs.update({f"{s}{suffix}": p for s, p in report.pdfs.items()})
    return total


def build(
    root: Path,
    slugs: list[str] | None,
    options: BuildOptions,
    *,
    force: bool = False,
    pdf: bool = False,
    jobs: int | None = None,
    on_deck: DeckDone | None = None,
    language: str | None = None,
) -> BuildReport:
    """Build the decks of ``slugs`` (every department when None) whose inputs have changed.

    With ``jobs`` above 1 the decks are built in that many worker processes, which inherit
    the loaded project. A department that fails is reported; the others are built all the same.
    With ``language``, the decks of that translation are built into ``<output>/<language>/``,
    and what the translation lacks is among their warnings.
    """
    wanted = department_slugs(root) if slugs is None else list(slugs)
    if language is not None and slugs is None:  # --all: the departments translated into it
        from deckgen.content.translation import has_translation

        wanted = [s for s in wanted if has_translation(root, s, language)]
    folder = options.out or output_folder_of(root)
    if language is not None:
        folder = folder / language
        options = dataclasses.replace(options, out=folder)
    state = BuildState.load(folder)
    common = common_key(root, {"theme": options.theme, "out": str(folder)})
    keys = {s: deck_key(common, root / DEPARTMENTS_DIR / f"{s}.yaml") for s in wanted}
    if language is not None:  # its overlays are inputs too
        from deckgen.content.translation import overlay_path

        settings = overlay_path(root / "deckgen.yaml", language)
        keys = {
            s: deck_key(
                deck_key(key, overlay_path(root / DEPARTMENTS_DIR / f"{s}.yaml", language)),
                settings,
            )
            for s, key in keys.items()
        }
    translated: dict[str, list[SourceError]] = {}
    state.remove_leftovers()
    report = BuildReport()
    stale = [s for s in wanted if force or pdf or not state.up_to_date(s, keys[s])]
    report.up_to_date = [s for s in wanted if s not in stale]
    report.earlier_warnings = [w for s in report.up_to_date for w in state.warnings(s)]
    if not stale:
        return report

    def done(deck: BuiltDeck) -> None:
        deck.warnings.extend(translated.get(deck.slug, []))
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
        if language is None:
            project, errors = load_project(root, stale)
        else:
            from deckgen.content.translation import load_translation

            translation = load_translation(root, language, stale)
            project, errors, translated = (
                translation.project,
                translation.errors,
                translation.findings,
            )
        for slug, found in errors.items():
            report.failed[slug] = list(found)
        _build_all(project, list(project.departments), options, jobs, report, done, language)
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
    language: str | None = None,
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
            initargs=(project.root, options, language),
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


def _start_worker(root: Path, options: BuildOptions, language: str | None) -> None:
    from deckgen.content.project import load_project
    from deckgen.content.translation import load_translation

    global _worker_project, _worker_options
    if language is None:
        _worker_project, _ = load_project(root)
    else:
        _worker_project = load_translation(root, language).project
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
