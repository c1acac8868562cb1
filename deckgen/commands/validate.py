"""``deckgen validate`` and ``deckgen list``: every department through the pipeline up to
pagination, without writing a deck, with every error found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deckgen.build.options import BuildOptions
from deckgen.build.pipeline import output_folder, paginate_department
from deckgen.content.paths import DEPARTMENTS_DIR
from deckgen.content.project import load_project
from deckgen.errors import DeckgenError, SourceError, internal_error, one_line_errors, unique


@dataclass
class Checked:
    """Each department's name and slide count (None where it failed), and every error."""

    departments: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    errors: list[SourceError] = field(default_factory=list)


def check_project(root: Path) -> Checked:
    """Every department loaded, resolved, outlined and paginated on its theme."""
    project, failed = load_project(root)
    checked = Checked()
    try:  # where build would write: inside the project
        output_folder(project, BuildOptions())
    except DeckgenError as e:
        checked.errors.extend(one_line_errors(e))
    for slug, found in failed.items():
        checked.departments[slug] = ("?", None)
        checked.errors.extend(found)
    for slug, department_file in project.departments.items():
        count: int | None = None
        try:
            count = len(paginate_department(project, slug)[0].pages)
        except DeckgenError as e:
            checked.errors.extend(one_line_errors(e))
        except Exception as e:  # the same line build gives for this department
            where = root / DEPARTMENTS_DIR / f"{slug}.yaml"
            checked.errors.append(SourceError(None, internal_error(e, where, slug)))
        checked.departments[slug] = (department_file.department.name, count)
    for language in project.settings.translations:
        checked.errors.extend(_translation_errors(root, language))
    # errors in shared files show up once per department; report each once
    checked.errors = unique(checked.errors)
    return checked


def _translation_errors(root: Path, language: str) -> list[SourceError]:
    """The errors of the translation into ``language``: its overlays loaded, typed, paginated
    (texts it lacks are no errors: build and coverage report them)."""
    from deckgen.content.translation import load_translation

    try:
        translation = load_translation(root, language)
    except DeckgenError as e:
        return one_line_errors(e)
    errors = [e for found in translation.errors.values() for e in found]
    for slug in translation.project.departments:
        try:
            paginate_department(translation.project, slug)
        except DeckgenError as e:
            errors.extend(one_line_errors(e))
    return errors
