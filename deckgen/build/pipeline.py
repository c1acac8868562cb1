"""One department through the pipeline: resolve, outline, paginate, render, write.

Every command that shows slides (build, list, explain, notes, coverage, diff) comes through
:func:`paginate_department`, so they all see the deck that is written.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from deckgen.build.checks import accessibility_warnings
from deckgen.build.options import BuildOptions, BuiltDeck
from deckgen.content.model import ImageSlide
from deckgen.content.project import Project
from deckgen.content.resolve import file_timestamp, resolve_department
from deckgen.errors import ContentError, SourceError
from deckgen.figures import repeated_figures
from deckgen.locale import language_tag, words
from deckgen.outline import DeckOutline, build_outline
from deckgen.paginate import FitRules, PaginatedDeck, ThemeFonts, paginate
from deckgen.talk import longest, talk_minutes
from deckgen.theme import Theme, load_theme


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
    said = words(project.settings.locale, project.settings.words.model_dump())
    rules = FitRules(
        settings_policy=project.settings.fit,
        theme_policy=theme.manifest.fit,
        min_size=theme.manifest.min_font_size,
        continued=said["continued"],
        continued_note=said["continued_from"],
        fonts=theme_fonts(theme),
        today_goal=said["today_goal"],
        less_is_better=said["less_is_better"],
    )
    deck = paginate(outline, geometry, rules)
    where = theme.location("kinds")
    deck.warnings.extend(SourceError(where, note) for note in geometry.notes)
    deck.warnings.extend(repeated_figures(deck.outline))
    deck.warnings.extend(_over_time(project, slug, deck))
    return deck, theme


def theme_fonts(theme: Theme) -> ThemeFonts:
    """The theme's font folders and where its theme.yaml names fonts, for measuring text."""
    fonts = theme.manifest.fonts
    named = tuple(
        (name, theme.location("fonts", role))
        for role, name in (("major", fonts.major), ("minor", fonts.minor))
        if name
    )
    return ThemeFonts(theme.font_folders, theme.document.path, named)


def _over_time(project: Project, slug: str, deck: PaginatedDeck) -> list[SourceError]:
    """A warning when the talk takes longer than its ``duration``, naming the longest slides."""
    department_file = project.departments[slug]
    minutes = department_file.department.duration or project.settings.duration
    if not minutes:
        return []
    wpm = project.settings.words_per_minute
    taken = talk_minutes(deck.outline, wpm)
    if taken <= minutes:
        return []
    where = (
        department_file.document.location(("duration",))
        if department_file.department.duration
        else project.settings_document.location(("duration",))
    )
    slowest = ", ".join(f"{n} ({m:.1f} min)" for n, m in longest(deck.outline, wpm))
    return [
        SourceError(
            where,
            f"the talk takes about {taken:.0f} minutes at {wpm} words a minute, more than the "
            f"{minutes} planned; the longest slides: {slowest}",
        )
    ]


def render_department(
    project: Project, slug: str, theme_name: str | None = None
) -> tuple[PaginatedDeck, Theme, bytes]:
    """One department's deck as the bytes of its .pptx, with its final outline and theme."""
    deck, theme = paginate_department(project, slug, theme_name)
    return deck, theme, deck_package(project, slug, deck, theme)


def build_deck(project: Project, slug: str, options: BuildOptions) -> BuiltDeck:
    """Build one department's deck and write it; DeckgenError if it cannot be.

    Its warnings are those of pagination and what the written deck lacks for readers and
    screen-reader users (:func:`deckgen.build.checks.accessibility_warnings`).
    """
    from deckgen.write import write_atomic

    deck, theme, data = render_department(project, slug, options.theme)
    path = output_folder(project, options) / f"{slug}.pptx"
    write_atomic(path, data)
    sizes = project.settings.accessibility.min_size
    found = accessibility_warnings(deck, theme, data, sizes)
    warnings = [*deck.warnings, *found]
    return BuiltDeck(slug, path, len(deck.pages), warnings, used_files(project, deck, theme))


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
        language=language_tag(settings.locale),
        title=f"{deck.outline.title}: {department.name}",
        subject=department.audience,
        project_root=project.root,
        timestamp=timestamp,
    )
    return zip_package(render_deck(deck, theme, info), timestamp)


def used_files(project: Project, deck: PaginatedDeck, theme: Theme) -> list[Path]:
    """The files a deck was made from that may lie anywhere in the project: its pictures, its
    template and its logo (for the record of what a deck depends on)."""
    from deckgen.confine import Refused, relative_inside

    used = [theme.template, *([theme.logo] if theme.logo is not None else [])]
    for page in deck.pages:
        if isinstance(page.spec.slide, ImageSlide):
            with contextlib.suppress(Refused):  # it was read: it is inside
                used.append(relative_inside(project.root, page.spec.slide.image))
    root = project.root.resolve()
    return [path for path in used if path.resolve().is_relative_to(root)]


def output_folder(project: Project, options: BuildOptions) -> Path:
    """Where the decks go: --out, else ``output:`` of deckgen.yaml; inside the project."""
    from deckgen.write import output_folder as confined_folder

    where = project.settings_document.location(("output",))
    return confined_folder(
        project.root, project.settings.output, where, options.out, options.allow_outside
    )
