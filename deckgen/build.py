"""Build decks: load the project, resolve each department, outline it, render it, write it.

The steps run top to bottom for each department; a department whose content has errors is
reported and the others still build.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.content.resolve import file_timestamp, resolve_department
from deckgen.errors import ContentError, DeckgenError, SourceError
from deckgen.locale import LANGUAGE_TAGS, word
from deckgen.outline import DeckOutline, build_outline
from deckgen.project import Project, load_project
from deckgen.theme import Theme, load_theme


@dataclass
class BuiltDeck:
    """One deck written: which department, where, how many slides."""

    slug: str
    path: Path
    slides: int
    warnings: list[SourceError] = field(default_factory=list)


@dataclass
class BuildReport:
    """What a build did: decks written, and the errors of each department that failed."""

    decks: list[BuiltDeck] = field(default_factory=list)
    failed: dict[str, list[DeckgenError]] = field(default_factory=dict)


@dataclass(frozen=True)
class BuildOptions:
    """Choices of one build run that the command line may set."""

    out: Path | None = None
    theme: str | None = None


def outline_department(project: Project, slug: str) -> DeckOutline:
    """The outline of one loaded department; ContentError on template errors in its texts."""
    resolved, errors = resolve_department(project, project.departments[slug])
    if resolved is None:
        raise ContentError(errors)
    return build_outline(resolved)


def choose_theme(project: Project, slug: str, override: str | None) -> Theme:
    """The theme of a deck: --theme, else the department's ``theme:``, else deckgen.yaml's."""
    if override:
        return load_theme(override, project.root)
    department_file = project.departments[slug]
    if department_file.department.theme:
        return load_theme(
            department_file.department.theme,
            project.root,
            department_file.document.location(("theme",)),
        )
    return load_theme(
        project.settings.theme, project.root, project.settings_document.location(("theme",))
    )


def build(
    root: Path,
    slugs: list[str] | None,
    options: BuildOptions,
    on_deck: Callable[[BuiltDeck], None] | None = None,
    jobs: int = 1,
) -> BuildReport:
    """Build the decks of ``slugs`` (every department when None) and write them.

    With ``jobs`` above 1 the decks are built in that many worker processes; each loads the
    project and each theme's template once and keeps them for all the decks it builds.
    """
    project, errors = load_project(root, slugs)
    report = BuildReport()
    for slug, found in errors.items():
        report.failed[slug] = list(found)
    todo = list(project.departments)
    if jobs <= 1 or len(todo) <= 1:
        results = (build_one(project, slug, options) for slug in todo)
        _collect(results, report, on_deck)
        return report
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _worker_project, _worker_options
    workers = min(jobs, len(todo))
    if hasattr(os, "fork"):  # workers inherit the loaded project instead of loading it again
        _worker_project, _worker_options = project, options
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    else:
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(root, options),
        )
    with pool:
        _collect(pool.map(_build_in_worker, todo), report, on_deck)
    return report


def _collect(
    results: Iterable[tuple[str, BuiltDeck | None, list[DeckgenError]]],
    report: BuildReport,
    on_deck: Callable[[BuiltDeck], None] | None,
) -> None:
    for slug, deck, failures in results:
        if deck is None:
            report.failed.setdefault(slug, []).extend(failures)
            continue
        report.decks.append(deck)
        if on_deck is not None:
            on_deck(deck)


_worker_project: Project | None = None
_worker_options: BuildOptions | None = None


def _start_worker(root: Path, options: BuildOptions) -> None:
    global _worker_project, _worker_options
    _worker_project, _ = load_project(root)
    _worker_options = options


def _build_in_worker(slug: str) -> tuple[str, BuiltDeck | None, list[DeckgenError]]:
    assert _worker_project is not None and _worker_options is not None
    return build_one(_worker_project, slug, _worker_options)


def build_one(
    project: Project, slug: str, options: BuildOptions
) -> tuple[str, BuiltDeck | None, list[DeckgenError]]:
    """Build one department's deck: its slug, the deck written (or None) and its errors."""
    from deckgen.output import write_atomic
    from deckgen.render.deck import DeckInfo, render_deck

    out = options.out or (project.root / project.settings.output)
    department_file = project.departments[slug]
    try:
        outline = outline_department(project, slug)
        theme = choose_theme(project, slug, options.theme)
        department = department_file.department
        info = DeckInfo(
            organisation=project.settings.organisation.name,
            footer=project.settings.organisation.short_name or project.settings.organisation.name,
            language=LANGUAGE_TAGS[project.settings.locale],
            title=f"{outline.title}: {department.name}",
            subject=department.audience,
            project_root=project.root,
            timestamp=file_timestamp(project.settings),
            fit=project.settings.fit,
            continued=word(project.settings.locale, "continued"),
        )
        path = out / f"{slug}.pptx"
        rendered = render_deck(outline, theme, info)
        write_atomic(path, rendered.data)
    except DeckgenError as e:
        return slug, None, [e]
    return slug, BuiltDeck(slug, path, rendered.slides, rendered.warnings), []
