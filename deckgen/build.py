"""Build decks: load the project, resolve each department, outline it, render it, write it.

The steps run top to bottom for each department; a department whose content has errors is
reported and the others still build.
"""

from __future__ import annotations

from collections.abc import Callable
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
) -> BuildReport:
    """Build the decks of ``slugs`` (every department when None) and write them."""
    from deckgen.output import write_atomic
    from deckgen.render.deck import DeckInfo, render_deck

    project, errors = load_project(root, slugs)
    report = BuildReport()
    for slug, found in errors.items():
        report.failed[slug] = list(found)
    out = options.out or (project.root / project.settings.output)
    for slug, department_file in project.departments.items():
        try:
            outline = outline_department(project, slug)
            theme = choose_theme(project, slug, options.theme)
            department = department_file.department
            info = DeckInfo(
                organisation=project.settings.organisation.name,
                footer=project.settings.organisation.short_name
                or project.settings.organisation.name,
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
            report.failed.setdefault(slug, []).append(e)
            continue
        deck = BuiltDeck(slug, path, rendered.slides, rendered.warnings)
        report.decks.append(deck)
        if on_deck is not None:
            on_deck(deck)
    return report
