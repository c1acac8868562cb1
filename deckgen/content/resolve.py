"""Fill in the Jinja variables of every text, for one department, in a sandbox.

A text that names a variable that does not exist, uses an unknown filter or reaches for Python
internals is an error at the YAML line of that text, never an empty string.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from deckgen.content.images import templated_image_errors
from deckgen.content.loader import MAX_TEXT_CHARS, NOT_IN_XML, Document, KeyPath, dotted, too_long
from deckgen.content.model import Department, Settings, Shared
from deckgen.content.sandbox import (
    BoundedEnvironment,
    TemplateLimit,
    department_time,
    out_of_time,
    render,
)
from deckgen.content.validate import M, validate
from deckgen.errors import SourceError, suggest
from deckgen.locale import format_date, template_filters

if TYPE_CHECKING:  # types only: project loading asks this module for template errors
    from deckgen.content.project import DepartmentFile, Project

_MARKERS = ("{{", "{%", "{#")


def file_timestamp(settings: Settings) -> dt.datetime:
    """When the deck file says it was made: SOURCE_DATE_EPOCH, else ``date:``, else today.

    Fixed inputs give fixed bytes: with SOURCE_DATE_EPOCH or ``date:`` set, builds on any day
    are byte-identical; without, builds on the same day are.
    """
    epoch = _source_date_epoch()
    if epoch is not None:
        return epoch
    day = settings.date or dt.date.today()
    return dt.datetime(day.year, day.month, day.day)


@dataclass(frozen=True)
class Context:
    """The variables every text may use."""

    values: dict[str, Any]


class _UndefinedVariable(Exception):
    """A name a template used that is not there; ``keys`` is what its owner has instead."""

    def __init__(self, name: str, keys: list[str] | None) -> None:
        super().__init__(name)
        self.name = name
        self.keys = keys

    def message(self, context: Context) -> str:
        if self.keys is None:
            hint = suggest(self.name, list(context.values))
            return f"undefined variable '{self.name}'{hint}"
        hint = suggest(self.name, self.keys) or (
            f"; it has: {', '.join(self.keys)}" if self.keys else ""
        )
        return f"undefined variable: no '{self.name}' here{hint}"


class _StrictUndefined(jinja2.StrictUndefined):
    """Like StrictUndefined, but remembers which name is missing and what is there instead."""

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> NoReturn:
        owner = self._undefined_obj
        if owner is jinja2.utils.missing:
            raise _UndefinedVariable(str(self._undefined_name), None)
        keys = [str(k) for k in owner] if isinstance(owner, _Group | dict) else []
        raise _UndefinedVariable(str(self._undefined_name), keys)

    __str__ = __iter__ = __len__ = __bool__ = _fail_with_undefined_error


@functools.cache
def make_environment() -> SandboxedEnvironment:
    """The sandboxed Jinja environment (one per process) where a missing variable is an error
    and every template is bounded in size, repetition, recursion and time (:mod:`.sandbox`)."""
    environment = BoundedEnvironment(
        undefined=_StrictUndefined, autoescape=False, keep_trailing_newline=False
    )
    environment.filters.update(template_filters())  # number, percent, date in the locale
    return environment


@functools.lru_cache(maxsize=8192)
def _compiled(source: str) -> jinja2.Template:
    """A text's template, compiled once per process: the same texts recur in every deck."""
    return make_environment().from_string(source)


def deck_date(settings: Settings) -> dt.date:
    """The date a deck shows: ``date:`` in deckgen.yaml, else SOURCE_DATE_EPOCH, else today."""
    if settings.date is not None:
        return settings.date
    epoch = _source_date_epoch()
    return epoch.date() if epoch is not None else dt.date.today()


def _source_date_epoch() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a (naive, UTC) time, if it is set to a number."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
    return None


class _Group:
    """A group of variables (``department``, ``organisation``, ``vars``), read as ``group.key``.

    Not a dict, so that a variable called ``items`` or ``keys`` is the variable, not a method;
    and not text: ``{{ department }}`` alone is an error that lists the group's variables.
    """

    def __init__(self, label: str, values: dict[str, Any]) -> None:
        self._label = label
        self._values = dict(values)

    def __getattr__(self, key: str) -> Any:
        try:
            return self.__dict__["_values"][key]
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __str__(self) -> str:
        keys = ", ".join(f"{self._label}.{key}" for key in self._values)
        raise _NotText(f"'{self._label}' is a group of variables; use one of: {keys}")


class _NotText(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def make_context(settings: Settings, slug: str, department: Department) -> Context:
    """Variables for one department's deck."""
    day = deck_date(settings)
    organisation = settings.organisation
    return Context(
        {
            "department": _Group(
                "department",
                {
                    "slug": slug,
                    "name": department.name,
                    "audience": department.audience,
                    "presenter": department.presenter,
                },
            ),
            "organisation": _Group(
                "organisation",
                {
                    "name": organisation.name,
                    "short_name": organisation.short_name or organisation.name,
                    "website": organisation.website,
                },
            ),
            "date": format_date(day, settings.locale),
            "year": day.year,
            "locale": settings.locale,
            "vars": _Group("vars", dict(settings.variables)),
        }
    )


def _filled_context(context: Context, env: SandboxedEnvironment) -> Context:
    """The context with templates in its own values filled in (``name: "IT {{ year }}"``).

    A value whose template fails stays as written; the error is reported where the value is.
    """

    def fill(value: Any) -> Any:
        if isinstance(value, _Group):
            return _Group(value._label, {k: fill(value[k]) for k in value})
        if isinstance(value, str) and any(marker in value for marker in _MARKERS):
            try:
                return render(_compiled(value), context.values)
            except Exception:  # reported where the value is written, when that text is filled in
                return value
        return value

    return Context({key: fill(value) for key, value in context.values.items()})


def render_document(
    document: Document, context: Context, env: SandboxedEnvironment
) -> tuple[Any, list[SourceError]]:
    """A copy of the document's data with every text rendered, and the errors found."""
    errors: list[SourceError] = []
    data = _render(document.data, (), document, context, env, errors)
    return data, errors


def _render(
    value: Any,
    path: KeyPath,
    document: Document,
    context: Context,
    env: SandboxedEnvironment,
    errors: list[SourceError],
) -> Any:
    if isinstance(value, dict):
        return {k: _render(v, (*path, k), document, context, env, errors) for k, v in value.items()}
    if isinstance(value, list):
        return [_render(v, (*path, i), document, context, env, errors) for i, v in enumerate(value)]
    if isinstance(value, str) and any(marker in value for marker in _MARKERS):
        if out_of_time() is not None:  # reported once, where it ran out; the deck fails anyway
            return value
        try:
            rendered = render(_compiled(value), context.values)
            bad = NOT_IN_XML.search(rendered)
            if len(rendered) > MAX_TEXT_CHARS:
                errors.append(_error(document, path, 1, too_long(len(rendered))))
            elif bad is None:
                return rendered
            else:
                errors.append(
                    _error(
                        document,
                        path,
                        1,
                        f"the template gives character U+{ord(bad.group()):04X}, "
                        "which cannot be stored in a PowerPoint file",
                    )
                )
        except jinja2.TemplateSyntaxError as e:
            errors.append(_error(document, path, e.lineno, _syntax_message(e, env)))
        except _UndefinedVariable as e:
            errors.append(_error(document, path, 1, e.message(context)))
        except _NotText as e:
            errors.append(_error(document, path, 1, e.message))
        except TemplateLimit as e:
            errors.append(_error(document, path, 1, str(e.message)))
        except SecurityError as e:
            errors.append(_error(document, path, 1, f"not allowed in a template: {e}"))
        except Exception as e:  # anything a template's own code raises: its author's to fix
            errors.append(_error(document, path, 1, f"template error: {_one_line(e)}"))
        return value
    return value


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."


_NO_FILTER = re.compile(r"No filter named '([^']*)'")


def _syntax_message(error: jinja2.TemplateSyntaxError, env: SandboxedEnvironment) -> str:
    """Jinja's complaint in our words: lower case, no full stop, a suggestion for a filter."""
    message = (error.message or "invalid template").strip().rstrip(".")
    unknown = _NO_FILTER.match(message)
    if unknown:
        name = unknown.group(1)
        return f"unknown filter '{name}'{suggest(name, list(env.filters))}"
    return f"template syntax error: {message[:1].lower()}{message[1:]}"


def _error(document: Document, path: KeyPath, template_line: int, what: str) -> SourceError:
    location = document.location(path)
    mark = document.mark(path)
    if mark is not None and mark.literal and template_line > 1:
        # a literal block starts on the line after its '|'
        location = type(location)(location.path, mark.line + template_line, 1)
    return SourceError(location, what, key=dotted(path))


def template_errors(settings: Settings, slug: str, document: Document) -> list[SourceError]:
    """The template errors of a department file that does not validate yet, filled in with
    its name, audience and presenter as far as they are texts: reported with its other errors,
    so that the mistakes of a file come in one run instead of in rounds."""
    data = document.data if isinstance(document.data, dict) else {}

    def text(key: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) else ""

    stand_in = Department.model_construct(
        name=text("name"), audience=text("audience"), presenter=text("presenter")
    )
    env = make_environment()
    context = _filled_context(make_context(settings, slug, stand_in), env)
    with department_time():
        return render_document(document, context, env)[1]


@dataclass(frozen=True)
class ResolvedDepartment:
    """Everything one deck is made from, with every text filled in."""

    slug: str
    settings: Settings
    shared: Shared
    department: Department
    settings_document: Document
    shared_document: Document | None
    department_document: Document


def resolve_department(
    project: Project, department_file: DepartmentFile
) -> tuple[ResolvedDepartment | None, list[SourceError]]:
    """Render the texts of deckgen.yaml, shared.yaml and one department file for its deck.

    The rendered texts are validated again: a template may turn into something its key does
    not accept (``header: "{{ vars.x }}"`` giving a word, say), which is an error at its line.
    """
    with department_time():
        return _resolve(project, department_file)


def _resolve(
    project: Project, department_file: DepartmentFile
) -> tuple[ResolvedDepartment | None, list[SourceError]]:
    env = make_environment()
    context = _filled_context(
        make_context(project.settings, department_file.slug, department_file.department), env
    )
    errors: list[SourceError] = []

    def typed(document: Document | None, model: type[M]) -> M | None:
        if document is None:
            return None
        data, found = render_document(document, context, env)
        errors.extend(found)
        if found:
            return None
        rendered = Document(document.path, data, document.values, document.keys)
        result, found = validate(rendered, model)
        errors.extend(found)
        return result

    settings = typed(project.settings_document, Settings)
    shared = typed(project.shared_document, Shared)
    department = typed(department_file.document, Department)
    stopped = out_of_time()
    if stopped is not None and not any(error.what == stopped for error in errors):
        # ran out while filling in the variables, whose own errors are reported where used
        errors.append(SourceError(department_file.document.location(()), stopped))
    if shared is not None and project.shared_document is not None:
        errors.extend(templated_image_errors(project.root, project.shared_document, shared))
    if department is not None:
        errors.extend(templated_image_errors(project.root, department_file.document, department))
    if errors or settings is None or department is None:
        return None, errors
    return (
        ResolvedDepartment(
            slug=department_file.slug,
            settings=settings,
            shared=shared or Shared(),
            department=department,
            settings_document=project.settings_document,
            shared_document=project.shared_document,
            department_document=department_file.document,
        ),
        [],
    )
