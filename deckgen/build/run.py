"""Build many decks: which are out of date, in worker processes, written, recorded.

The command line only says what to build and prints the :class:`BuildReport`.
"""

from __future__ import annotations

import dataclasses
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgen.build.edited import OnEdited, edited_decks, protect
from deckgen.build.incremental import BuildState, common_key, deck_key, output_setting
from deckgen.content.paths import DEPARTMENTS_DIR, department_slugs
from deckgen.errors import DeckgenError, SourceError, internal_error, one_line_errors
from deckgen.write import locked, output_folder, remove_leftovers

if TYPE_CHECKING:  # imported when decks are built: a build with nothing to do stays quick
    from deckgen.build.options import BuildOptions, BuiltDeck
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
        total.kept.update({f"{s}{suffix}": p for s, p in report.kept.items()})
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
    on_edited: OnEdited = "keep",
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
    folder = _output_folder(root, options)
    if language is not None:
        folder = folder / language
        options = dataclasses.replace(options, out=folder)
    with locked(folder):
        state = BuildState.load(folder)
        remove_leftovers(folder)  # under the lock: no other deckgen is writing here now
        run = _Run(options, force, pdf, jobs, on_deck, on_edited, language)
        try:
            return _build_stale(root, wanted, state, run)
        finally:
            state.save()


@dataclass(frozen=True)
class _Run:
    """What one build run was asked, beyond which departments."""

    options: BuildOptions
    force: bool
    pdf: bool
    jobs: int | None
    on_deck: DeckDone | None
    on_edited: OnEdited
    language: str | None


def _output_folder(root: Path, options: BuildOptions) -> Path:
    """The output folder, confined to the project; errors in deckgen.yaml are raised as the
    loading of the project reports them."""
    if options.out is None and output_setting(root) is None:
        from deckgen.content.project import load_project

        load_project(root, [])  # raises what is wrong with deckgen.yaml
    output, where = output_setting(root) or ("build", None)
    return output_folder(root, output, where, options.out, options.allow_outside)


def _build_stale(root: Path, wanted: list[str], state: BuildState, run: _Run) -> BuildReport:
    """Build the decks of ``wanted`` that are out of date; record each deck in ``state``; a
    deck a presenter changed since it was written is kept, or stops the build, per
    ``run.on_edited``."""
    options, language, pdf, on_deck = run.options, run.language, run.pdf, run.on_deck
    common = common_key(root, {"theme": options.theme, "out": str(state.folder)})
    keys = {s: deck_key(common, root / DEPARTMENTS_DIR / f"{s}.yaml", root) for s in wanted}
    if language is not None:  # its overlays are inputs too
        keys = {s: _translated_key(root, s, key, language) for s, key in keys.items()}
    report = BuildReport()
    stale = [s for s in wanted if run.force or pdf or not state.up_to_date(s, keys[s], root)]
    report.up_to_date = [s for s in wanted if s not in stale]
    report.earlier_warnings = [w for s in report.up_to_date for w in state.warnings(s)]
    if not stale:
        return report
    report.kept = protect(edited_decks(state, stale), run.on_edited)
    translated: dict[str, list[SourceError]] = {}

    def done(deck: BuiltDeck) -> None:
        deck.warnings.extend(translated.get(deck.slug, []))
        report.decks.append(deck)
        warnings = [w.message for w in deck.warnings]
        state.record(deck.slug, keys[deck.slug], deck.slides, warnings, deck.inputs, root)
        if pdf:
            from deckgen.commands.pdf import to_pdf

            try:
                report.pdfs[deck.slug] = to_pdf(deck.path)
            except DeckgenError as e:
                report.failed.setdefault(deck.slug, []).append(e)
        if on_deck is not None:
            on_deck(deck)

    from deckgen.content.project import load_project

    if language is None:
        project, errors = load_project(root, stale)
    else:
        from deckgen.content.translation import load_translation

        translation = load_translation(root, language, stale)
        project, errors, translated = translation.project, translation.errors, translation.findings
    for slug, found in errors.items():
        report.failed[slug] = list(found)
    _build_all(project, list(project.departments), run, report, done)
    return report


def _translated_key(root: Path, slug: str, key: str, language: str) -> str:
    """A deck's key with the overlays of its translation (department and deckgen.yaml)."""
    from deckgen.content.translation import overlay_path

    department = overlay_path(root / DEPARTMENTS_DIR / f"{slug}.yaml", language)
    return deck_key(
        deck_key(key, department, root), overlay_path(root / "deckgen.yaml", language), root
    )


Result = tuple[str, "BuiltDeck | None", list[DeckgenError]]


def _build_all(
    project: Project, slugs: list[str], run: _Run, report: BuildReport, done: DeckDone
) -> None:
    options = run.options
    workers = min(run.jobs or os.cpu_count() or 1, len(slugs))
    if workers <= 1:
        for slug in slugs:
            _collect(build_one(project, slug, options), report, done)
        return
    from concurrent.futures.process import BrokenProcessPool

    unfinished = list(slugs)
    with _pool(project, options, workers, run.language) as pool:
        futures = [(slug, pool.submit(_build_in_worker, slug)) for slug in slugs]
        for slug, future in futures:  # in the order of the departments
            try:
                result = future.result()
            except BrokenProcessPool:  # a worker died: built again below, one by one
                continue
            except Exception as e:  # the result could not come back from the worker
                result = slug, None, [_unexpected(project, slug, e)]
            unfinished.remove(slug)
            _collect(result, report, done)
    for slug in unfinished:  # each in a process of its own, so that one crash stays one
        with _pool(project, options, 1, run.language) as alone:
            try:
                result = alone.submit(_build_in_worker, slug).result()
            except Exception as e:
                result = slug, None, [_unexpected(project, slug, e)]
        _collect(result, report, done)


def _pool(project: Project, options: BuildOptions, workers: int, language: str | None) -> Any:
    """Worker processes that build decks: forked from this one (they inherit the loaded
    project), else started afresh and loading it themselves."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _worker_project, _worker_options
    if hasattr(os, "fork"):
        _worker_project, _worker_options = project, options
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(project.root, options, language),
    )


def _collect(result: Result, report: BuildReport, done: DeckDone) -> None:
    """Record one department's result; a failure after its deck was written is its own."""
    slug, deck, failures = result
    if deck is None:
        report.failed.setdefault(slug, []).extend(failures)
        return
    try:
        done(deck)
    except DeckgenError as e:
        report.failed.setdefault(slug, []).append(e)
    except Exception as e:
        report.failed.setdefault(slug, []).append(SourceError(None, internal_error(e, None, slug)))


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
        if options.debug:
            traceback.print_exc()
        return slug, None, [_unexpected(project, slug, e)]


def _unexpected(project: Project, slug: str, error: BaseException) -> SourceError:
    """The one line of an unexpected failure of one department: its file, its name."""
    return SourceError(
        None, internal_error(error, project.root / DEPARTMENTS_DIR / f"{slug}.yaml", slug)
    )
