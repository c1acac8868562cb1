"""One department through the pipeline: resolve, outline, paginate, render, write.

Every command that shows slides (build, list, explain, notes, coverage, diff) comes through
:func:`paginate_department`, so they all see the deck that is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deckgen.content.project import Project
from deckgen.content.resolve import file_timestamp, resolve_department
from deckgen.errors import ContentError, SourceError
from deckgen.locale import LANGUAGE_TAGS, word
from deckgen.outline import DeckOutline, build_outline
from deckgen.paginate import FitRules, PaginatedDeck, paginate
from deckgen.theme import Theme, load_theme


@dataclass(frozen=True)
class BuildOptions:
    """Choices of one build run that the command line may set."""

    out: Path | None = None
    theme: str | None = None


@dataclass
class BuiltDeck:
    """One deck written: which department, where, how many slides, what did not fit."""

    slug: str
    path: Path
    slides: int
    warnings: list[SourceError]


def outline_department(project: Project, slug: str) -> DeckOutline:
    """The outline of one loaded department, before pagination; ContentError on bad templates."""
    resolved, errors = resolve_department(project, project.departments[slug])
    if resolved is None:
        raise ContentError(errors)
    return build_outline(resolved)


def choose_theme(project: Project, slug: str, override: str | None = None) -> Theme:
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


def paginate_department(
    project: Project, slug: str, theme_name: str | None = None
) -> tuple[PaginatedDeck, Theme]:
    """The final outline of a department's deck on its theme, and the theme."""
    from deckgen.render import template_geometry

    outline = outline_department(project, slug)
    theme = choose_theme(project, slug, theme_name)
    geometry = template_geometry(theme, {spec.kind for spec in outline.slides})
    locale = project.settings.locale
    rules = FitRules(
        settings_policy=project.settings.fit,
        theme_policy=theme.manifest.fit,
        min_size=theme.manifest.min_font_size,
        continued=word(locale, "continued"),
        continued_note=word(locale, "continued_from"),
    )
    deck = paginate(outline, geometry, rules)
    where = theme.location("kinds")
    deck.warnings.extend(SourceError(where, note) for note in geometry.notes)
    return deck, theme


def build_deck(project: Project, slug: str, options: BuildOptions) -> BuiltDeck:
    """Build one department's deck and write it; DeckgenError if it cannot be."""
    from deckgen.write import write_atomic

    deck, theme = paginate_department(project, slug, options.theme)
    path = output_folder(project, options) / f"{slug}.pptx"
    write_atomic(path, deck_package(project, slug, deck, theme))
    return BuiltDeck(slug, path, len(deck.pages), deck.warnings)


def deck_package(project: Project, slug: str, deck: PaginatedDeck, theme: Theme) -> bytes:
    """The .pptx file of a paginated deck, as bytes (``deckgen serve`` keeps it in memory)."""
    from deckgen.render import DeckInfo, render_deck
    from deckgen.write import zip_package

    settings = project.settings
    department = project.departments[slug].department
    timestamp = file_timestamp(settings)
    info = DeckInfo(
        organisation=settings.organisation.name,
        footer=settings.organisation.short_name or settings.organisation.name,
        language=LANGUAGE_TAGS[settings.locale],
        title=f"{deck.outline.title}: {department.name}",
        subject=department.audience,
        project_root=project.root,
        timestamp=timestamp,
    )
    return zip_package(render_deck(deck, theme, info), timestamp)


def output_folder(project: Project, options: BuildOptions) -> Path:
    """Where the decks go: --out, else ``output:`` of deckgen.yaml."""
    return options.out or (project.root / project.settings.output)
