"""Load a content repo: deckgen.yaml, the shared content and the department files, checked."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.confine import readable_folders
from deckgen.content.images import check_image, image_paths, written_image_paths
from deckgen.content.loader import Document, dotted, load_document
from deckgen.content.model import BUILTIN_SECTIONS, Department, Settings, Shared
from deckgen.content.paths import (
    DEPARTMENTS_DIR,
    SETTINGS_FILE,
    SHARED_FILE,
    SLUG,
    department_slugs,
    not_a_slug,
)
from deckgen.content.resolve import resolve_department, template_errors
from deckgen.content.validate import validate
from deckgen.errors import (
    ContentError,
    ErrorCollector,
    SourceError,
    internal_error,
    suggest,
    unique,
)


@dataclass
class DepartmentFile:
    """A department file, loaded and (if it is valid) typed."""

    slug: str
    document: Document
    department: Department


@dataclass
class Project:
    """A loaded content repo."""

    root: Path
    settings: Settings
    settings_document: Document
    shared: Shared
    shared_document: Document | None
    departments: dict[str, DepartmentFile] = field(default_factory=dict)

    @property
    def section_names(self) -> list[str]:
        """Every name an outline entry may use."""
        return [*BUILTIN_SECTIONS, *self.shared.sections]


def load_project(
    root: Path, slugs: list[str] | None = None
) -> tuple[Project, dict[str, list[SourceError]]]:
    """Load settings, shared content and the named departments (all when ``slugs`` is None).

    Settings and shared content must be valid for anything to build: their errors raise at
    once. Errors in department files are returned by slug, so that the other departments can
    still build.
    """
    errors = ErrorCollector()
    settings_document = _load(root / SETTINGS_FILE, root, errors)
    shared_path = root / SHARED_FILE
    present = os.path.lexists(shared_path)
    shared_document = _load(shared_path, root, errors) if present else None
    settings = shared = None
    if settings_document is not None:
        settings, found = validate(settings_document, Settings)
        errors.extend(found)
    if shared_document is not None:
        shared, found = validate(shared_document, Shared)
        errors.extend(found)
    elif not present:
        shared = Shared()
    errors.raise_if_any()
    assert settings is not None and settings_document is not None and shared is not None
    project = Project(root, settings, settings_document, shared, shared_document)
    errors.extend(_check_outline(project))
    if shared_document is not None:
        for path, name in image_paths(shared):
            found_error = check_image(root, shared_document, path, name)
            if found_error is not None:
                errors.add(found_error)
    errors.raise_if_any()

    department_errors: dict[str, list[SourceError]] = {}
    for slug in department_slugs(root) if slugs is None else slugs:
        try:
            loaded, found = load_department(project, slug)
        except Exception as e:  # one department's surprise must not stop the others
            where = root / DEPARTMENTS_DIR / f"{slug}.yaml"
            loaded, found = None, [SourceError(None, internal_error(e, where, slug))]
        if found:
            department_errors[slug] = found
        if loaded is not None:
            project.departments[slug] = loaded
    return project, department_errors


def load_project_strict(root: Path, slugs: list[str] | None = None) -> Project:
    """Like :func:`load_project`, but any department's errors raise at once."""
    project, errors = load_project(root, slugs)
    if errors:
        raise ContentError([e for found in errors.values() for e in found])
    return project


def _load(path: Path, root: Path, errors: ErrorCollector) -> Document | None:
    try:
        return load_document(path, readable_folders(root))
    except SourceError as e:
        errors.add(e)
        return None


def load_department(project: Project, slug: str) -> tuple[DepartmentFile | None, list[SourceError]]:
    """One department file, typed and checked against the outline."""
    if not SLUG.match(slug):
        return None, [SourceError(None, not_a_slug(slug))]
    path = project.root / DEPARTMENTS_DIR / f"{slug}.yaml"
    if not os.path.lexists(path):
        known = department_slugs(project.root)
        hint = suggest(slug, known) or (f"; known: {', '.join(known)}" if known else "")
        return None, [SourceError(None, f"unknown department '{slug}'{hint}")]
    try:
        document = load_document(path, readable_folders(project.root))
    except SourceError as e:
        return None, [e]
    department, errors = validate(document, Department)
    if department is None:  # what else is wrong comes in the same run: pictures, templates
        errors += [
            found
            for path, name in written_image_paths(document.data)
            if (found := check_image(project.root, document, path, name)) is not None
        ]
        errors += template_errors(project.settings, slug, document)
        return None, unique(errors)
    errors = _check_department(project, document, department)
    if errors:
        loaded = DepartmentFile(slug, document, department)
        return None, unique([*errors, *resolve_department(project, loaded)[1]])
    return DepartmentFile(slug, document, department), []


def _check_outline(project: Project) -> list[SourceError]:
    errors = []
    names = project.section_names
    seen: set[str] = set()
    for index, entry in enumerate(project.settings.outline):
        path = ("outline", index)
        if entry.section not in names:
            hint = suggest(entry.section, names) or (
                f"; built-in sections: {', '.join(BUILTIN_SECTIONS)}; shared sections: "
                f"{', '.join(project.shared.sections) or 'none'}"
            )
            errors.append(
                SourceError(
                    project.settings_document.location((*path, "section")),
                    f"section '{entry.section}' names nothing{hint}",
                    key=f"outline[{index + 1}]",
                )
            )
        elif entry.section in seen:
            errors.append(
                SourceError(
                    project.settings_document.location(path),
                    f"section '{entry.section}' is in the outline twice",
                    key=f"outline[{index + 1}]",
                )
            )
        seen.add(entry.section)
    return errors


def _check_department(
    project: Project, document: Document, department: Department
) -> list[SourceError]:
    """References from a department to the outline: skip, override, add."""
    errors = []
    outline = [entry.section for entry in project.settings.outline]

    def check(name: str, path: tuple[str | int, ...], allowed: list[str], what: str) -> None:
        if name not in allowed:
            hint = suggest(name, allowed) or f"; {what}: {', '.join(allowed)}"
            errors.append(
                SourceError(
                    document.location(path),
                    f"'{name}' is not a section of the outline{hint}",
                    key=dotted(path),
                )
            )

    for index, name in enumerate(department.skip):
        check(name, ("skip", index), outline, "the outline has")
    for name in department.override:
        path = ("override", name)
        shared = [s for s in outline if s in project.shared.sections]
        if name not in shared:
            hint = suggest(name, shared) or f"; shared sections: {', '.join(shared)}"
            errors.append(
                SourceError(
                    document.location(path, at_key=True),
                    f"'{name}' is not a shared section of the outline{hint}",
                    key=dotted(path),
                )
            )
    for index, insertion in enumerate(department.add):
        if bool(insertion.after) == bool(insertion.before):
            errors.append(
                SourceError(
                    document.location(("add", index)),
                    "give exactly one of 'after' or 'before'",
                    key=dotted(("add", index)),
                )
            )
            continue
        place = "after" if insertion.after else "before"
        anchor = insertion.after or insertion.before
        if anchor in department.skip:
            errors.append(
                SourceError(
                    document.location(("add", index, place)),
                    f"'{anchor}' is skipped by this department; slides added {place} it "
                    "would be lost",
                    key=dotted(("add", index, place)),
                )
            )
            continue
        check(
            insertion.after or insertion.before, ("add", index, place), outline, "the outline has"
        )
    for image_path, name in image_paths(department):
        error = check_image(project.root, document, image_path, name)
        if error is not None:
            errors.append(error)
    return errors
