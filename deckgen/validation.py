"""Check a whole content repo without writing decks: every file, every text, every theme."""

from __future__ import annotations

from pathlib import Path

from deckgen.build import choose_theme, outline_department
from deckgen.errors import ContentError, DeckgenError, SourceError
from deckgen.project import load_project


def validate_project(root: Path) -> int:
    """Validate every department; raise ContentError with all errors, else return the count."""
    project, errors = load_project(root)
    found: list[SourceError] = [e for errs in errors.values() for e in errs]
    for slug in project.departments:
        try:
            outline_department(project, slug)
            choose_theme(project, slug, None)
        except ContentError as e:
            found.extend(e.errors)
        except SourceError as e:
            found.append(e)
        except DeckgenError as e:
            found.append(SourceError(None, e.message))
    if found:
        raise ContentError(_unique(found))
    return len(project.departments)


def _unique(errors: list[SourceError]) -> list[SourceError]:
    """Errors in shared files show up once per department; report each once."""
    seen: set[str] = set()
    unique = []
    for error in errors:
        if error.message not in seen:
            seen.add(error.message)
            unique.append(error)
    return unique
