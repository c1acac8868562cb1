"""Translations: a content file in another language, as an overlay that gives only its texts.

``content/departments/sales.en.yaml`` has the structure of ``sales.yaml`` and only the texts,
translated; so do ``content/shared.en.yaml`` and ``deckgen.en.yaml``. A translated document is
the original with each text of the overlay put in its place: a text the overlay lacks stays as
it was and is *missing* (reported at the original's line), a text of the overlay that the
original no longer has is *stale* (reported at the overlay's line). What is not a text to
translate (slide kinds, file names, numbers of a chart, e-mail addresses, people's names,
section names) always comes from the original.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgen.content.loader import Document, KeyPath, Mark, dotted, load_document
from deckgen.errors import DeckgenError, Location, SourceError, suggest

if TYPE_CHECKING:  # loading a project is only needed to build; choosing languages stays cheap
    from deckgen.content.project import Project

ALL = "all"

NOT_TEXT = frozenset(
    {
        "kind", "type", "image", "number_format", "fit", "better", "theme", "backup", "values",
        "skip", "after", "before", "duration", "header", "section", "date", "output", "locale",
        "translations", "email", "phone", "website", "presenter", "author", "words_per_minute",
        "accessibility", "min_size", "logo", "override",
    }
)  # fmt: skip
"""Keys whose values are the same in every language (``override`` names sections by its keys)."""


def languages_to_build(root: Path, choice: str | None) -> list[str | None]:
    """The languages a build writes for ``--lang choice``: None for the main language (no
    overlay), then translations; ``all`` is every one. Read from deckgen.yaml without
    validating it (validation comes with the build)."""
    import yaml

    from deckgen.locale import check_locale, language

    if choice is None:
        return [None]
    try:
        settings = yaml.safe_load((root / "deckgen.yaml").read_text(encoding="utf-8-sig"))
    except (OSError, yaml.YAMLError):
        settings = None
    settings = settings if isinstance(settings, dict) else {}
    main = str(settings.get("locale") or "de")
    listed = settings.get("translations")
    translations = [str(t) for t in listed] if isinstance(listed, list) else []
    if choice == ALL:
        return [None, *translations]
    try:
        wanted = check_locale(choice)
    except ValueError as e:
        raise DeckgenError(str(e)) from e
    if wanted in (main, language(main)) or choice == main:
        return [None]
    if wanted in translations or choice in translations:
        return [choice if choice in translations else wanted]
    offered = [main, *translations]
    hint = suggest(choice, offered) or f"; deckgen.yaml offers {', '.join(offered)} (translations:)"
    raise DeckgenError(f"no translation into '{choice}'{hint}")


def has_translation(root: Path, slug: str, language: str) -> bool:
    """Whether a department has an overlay in ``language`` (only those are built in it)."""
    from deckgen.content.paths import DEPARTMENTS_DIR

    return overlay_path(root / DEPARTMENTS_DIR / f"{slug}.yaml", language).is_file()


def overlay_path(path: Path, language: str) -> Path:
    """Where the translation of a content file into ``language`` is: sales.yaml -> sales.en.yaml."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def is_text(path: KeyPath) -> bool:
    """Whether the value at ``path`` is a text to translate."""
    names = [part for part in path if isinstance(part, str)]
    if any(name in NOT_TEXT for name in names):
        return False
    if names[:1] == ["organisation"]:
        return False  # the organisation's names are its names in every language
    if names[-2:] == ["contact", "name"]:
        return False  # a person's name
    return not (names[:1] == ["outline"] and names[-1:] not in (["title"], ["notes"]))


@dataclass
class TranslatedDocument(Document):
    """A document with the texts of an overlay in place: each translated text reports its
    place in the overlay."""

    overlay: Document | None = None
    translated: set[KeyPath] = field(default_factory=set)

    def location(self, path: KeyPath, *, at_key: bool = False) -> Location:
        """Where the value at ``path`` was written: in the overlay if it was translated."""
        if self.overlay is not None:
            for length in range(len(path), 0, -1):
                if path[:length] in self.translated:
                    return self.overlay.location(path, at_key=at_key)
        return super().location(path, at_key=at_key)


@dataclass
class Translation:
    """A document translated, with what the overlay lacks and what it has too much."""

    document: Document
    missing: list[SourceError]
    stale: list[SourceError]


def translate(original: Document, language: str) -> Translation:
    """``original`` with its texts from its overlay in ``language`` (if there is one); a
    broken overlay raises SourceError at its line, as any content file does."""
    path = overlay_path(original.path, language)
    overlay = load_document(path) if path.is_file() else None
    return overlay_document(original, overlay, language)


def overlay_document(original: Document, overlay: Document | None, language: str) -> Translation:
    """The texts of ``overlay`` put into ``original``."""
    given = overlay.data if overlay is not None else None
    translated: set[KeyPath] = set()
    missing: list[SourceError] = []
    data = _merge(original.data, given, (), translated, missing, original, language)
    stale = list(_stale(original.data, given, (), overlay)) if overlay is not None else []
    values: dict[KeyPath, Mark] = dict(original.values)
    document = TranslatedDocument(
        original.path, data, values, dict(original.keys), overlay, translated
    )
    return Translation(document, missing, stale)


def _merge(
    value: Any,
    given: Any,
    path: KeyPath,
    translated: set[KeyPath],
    missing: list[SourceError],
    original: Document,
    language: str,
) -> Any:
    if isinstance(value, dict):
        own = given if isinstance(given, dict) else {}
        return {
            key: _merge(item, own.get(key), (*path, key), translated, missing, original, language)
            for key, item in value.items()
        }
    if isinstance(value, list):
        items: list[Any] = given if isinstance(given, list) else []
        return [
            _merge(
                item,
                items[index] if index < len(items) else None,
                (*path, index),
                translated,
                missing,
                original,
                language,
            )
            for index, item in enumerate(value)
        ]
    if not isinstance(value, str) or not value.strip() or not is_text(path):
        return value
    if isinstance(given, str) and given.strip():
        translated.add(path)
        return given
    missing.append(
        SourceError(
            original.location(path),
            f"not translated into {language}: {_snippet(value)}",
            key=dotted(path),
        )
    )
    return value


def _stale(value: Any, given: Any, path: KeyPath, overlay: Document) -> Iterator[SourceError]:
    """What the overlay gives that the original has not (or not as a text)."""
    if isinstance(given, dict):
        for key, item in given.items():
            inner = value.get(key) if isinstance(value, dict) else None
            if inner is None:
                yield _stale_error(overlay, (*path, key))
            else:
                yield from _stale(inner, item, (*path, key), overlay)
    elif isinstance(given, list):
        for index, item in enumerate(given):
            inner = value[index] if isinstance(value, list) and index < len(value) else None
            if inner is None:
                yield _stale_error(overlay, (*path, index))
            else:
                yield from _stale(inner, item, (*path, index), overlay)
    elif given is not None and (not isinstance(value, str) or not is_text(path)):
        yield _stale_error(overlay, path, "is not a text of the original to translate")


def _stale_error(overlay: Document, path: KeyPath, what: str = "") -> SourceError:
    return SourceError(
        overlay.location(path, at_key=True),
        what or "the original has no such text any more; remove it or move it where it is now",
        key=dotted(path),
    )


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= 50 else flat[:47] + "...")


@dataclass
class TranslatedProject:
    """A project with every content file in another language, and per department what its
    translation (and the shared ones') lacks or has too much."""

    project: Project
    language: str
    errors: dict[str, list[SourceError]]  # departments that cannot be loaded, by slug
    findings: dict[str, list[SourceError]]  # missing and stale texts, by slug


def load_translation(
    root: Path, language: str, slugs: list[str] | None = None
) -> TranslatedProject:
    """The project in ``language``: deckgen.yaml, shared content and the departments with their
    overlays, the locale set to ``language``. Errors of the overlays are errors at their lines."""
    from deckgen.content.model import Department, Settings, Shared
    from deckgen.content.paths import DEPARTMENTS_DIR, department_slugs
    from deckgen.content.project import DepartmentFile, Project, load_project
    from deckgen.content.validate import validate
    from deckgen.errors import ContentError

    untranslated: dict[str, list[SourceError]] = {}
    if slugs is None:  # every department that has a translation into the language
        slugs = [s for s in department_slugs(root) if has_translation(root, s, language)]
    else:
        for slug in [s for s in slugs if not has_translation(root, s, language)]:
            where = overlay_path(root / DEPARTMENTS_DIR / f"{slug}.yaml", language)
            untranslated[slug] = [
                SourceError(None, f"{slug} has no translation into {language}: write {where}")
            ]
        slugs = [s for s in slugs if s not in untranslated]
    original, errors = load_project(root, slugs)
    errors.update(untranslated)
    settings_text = translate(original.settings_document, language)
    settings_text.document.data = {**settings_text.document.data, "locale": language}
    settings, found = validate(settings_text.document, Settings)
    problems = list(found)
    shared_text = (
        translate(original.shared_document, language)
        if original.shared_document is not None
        else None
    )
    shared = original.shared
    if shared_text is not None:
        typed, found = validate(shared_text.document, Shared)
        problems.extend(found)
        shared = typed or shared
    if problems or settings is None:
        raise ContentError(problems)
    common = [*settings_text.missing, *settings_text.stale]
    if shared_text is not None:
        common += [*shared_text.missing, *shared_text.stale]
    project = Project(
        root,
        settings,
        settings_text.document,
        shared,
        shared_text.document if shared_text is not None else None,
    )
    findings: dict[str, list[SourceError]] = {}
    for slug, department_file in original.departments.items():
        try:
            text = translate(department_file.document, language)
        except SourceError as e:
            errors[slug] = [e]
            continue
        department, found = validate(text.document, Department)
        if department is None:
            errors[slug] = found
            continue
        project.departments[slug] = DepartmentFile(slug, text.document, department)
        findings[slug] = [*text.missing, *text.stale, *common]
    return TranslatedProject(project, language, errors, findings)
