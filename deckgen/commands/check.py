"""``deckgen check``: what each deck lacks for readers and screen-reader users.

Every deck is rendered as ``build`` would write it (nothing is written) and read back through
:mod:`deckgen.render.accessibility`; each finding names the content's file:line, or the theme
and layout that must change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deckgen.build.checks import accessibility_warnings
from deckgen.build.pipeline import render_department
from deckgen.content.project import load_project
from deckgen.content.translation import load_translation
from deckgen.errors import DeckgenError, SourceError, one_line_errors, unique


@dataclass
class CheckReport:
    """The findings of each deck checked, by slug, and the departments that could not be."""

    findings: dict[str, list[SourceError]] = field(default_factory=dict)
    errors: list[SourceError] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many findings in all."""
        return sum(len(found) for found in self.findings.values())


def check_decks(
    root: Path, slugs: list[str] | None, theme: str | None = None, language: str | None = None
) -> CheckReport:
    """Render and check the decks of ``slugs`` (every department when None), in ``language``
    (a translation of deckgen.yaml's ``translations:``; None: the main language)."""
    if language is None:
        project, failed = load_project(root, slugs)
    else:
        translation = load_translation(root, language, slugs)
        project, failed = translation.project, translation.errors
    report = CheckReport()
    for found in failed.values():
        report.errors.extend(found)
    sizes = project.settings.accessibility.min_size
    for slug in project.departments:
        try:
            deck, deck_theme, data = render_department(project, slug, theme)
        except DeckgenError as e:
            report.errors.extend(one_line_errors(e))
            continue
        report.findings[slug] = unique(accessibility_warnings(deck, deck_theme, data, sizes))
    report.errors = unique(report.errors)
    return report
