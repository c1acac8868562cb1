"""Check a whole content repo without writing decks: every file, every text, every theme."""

from __future__ import annotations

from pathlib import Path

from deckgen.build.pipeline import paginate_department
from deckgen.content.project import load_project
from deckgen.errors import ContentError, DeckgenError, SourceError


def validate_project(root: Path) -> int:
    """Validate every department; raise ContentError with all errors, else return the count."""
    project, errors = load_project(root)
    found: list[SourceError] = [e for errs in errors.values() for e in errs]
    for slug in project.departments:
        try:
            paginate_department(project, slug)
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
