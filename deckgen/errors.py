"""The one exception tree of deckgen: everything a user must fix, printed without a traceback."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file: path, 1-based line and column."""

    path: Path
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        shown = display_path(self.path)
        if self.line <= 0:
            return shown
        return f"{shown}:{self.line}:{self.column}"


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the current folder when inside it."""
    try:
        return (
            os.path.relpath(path) if Path(path).is_absolute() and _inside_cwd(path) else str(path)
        )
    except ValueError:  # another drive on Windows
        return str(path)


def _inside_cwd(path: Path) -> bool:
    """Whether ``path`` is inside the current folder, as written or with links followed (a
    link that leads out of the project is still shown where it is)."""
    here = Path.cwd().resolve()
    if Path(os.path.normpath(Path(path).absolute())).is_relative_to(here):
        return True
    try:
        return Path(path).resolve().is_relative_to(here)
    except (OSError, RuntimeError):  # a loop of links
        return False


def suggest(word: str, choices: Iterable[str]) -> str:
    """A "; did you mean 'x'?" suffix when a choice is close to the word, else ""."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def internal_error(
    error: BaseException, where: Path | None = None, department: str | None = None
) -> str:
    """The one line an unexpected failure is reported with: the file (and line) when known, the
    department it happened for, what happened (shortened to one line), and a request to report.
    """
    place = f"{display_path(where)}: " if where is not None else ""
    who = f" while building '{department}'" if department else ""
    detail = " ".join(str(error).split())
    if len(detail) > 200:
        detail = detail[:197] + "..."
    return (
        f"{place}internal error{who}: {type(error).__name__}: {detail} "
        "(please report it; run with --debug for the traceback)"
    )


class DeckgenError(click.ClickException):
    """Base of every error deckgen reports to the user (exit status 1)."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.format_message(), file=file, err=file is None)


_BREAKING = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and other control characters (which a template's
    names may hold) written as escapes, such as ``\\n``."""
    return _BREAKING.sub(lambda m: repr(m.group(0))[1:-1], text)


class SourceError(DeckgenError):
    """An error at a place in a YAML file, printed as ``path:line:col: key.path: what``."""

    def __init__(self, location: Location | None, what: str, *, key: str = "") -> None:
        self.location = location
        self.key = one_line(key)
        self.what = what = one_line(what)
        parts = [str(location)] if location is not None else []
        if key:
            parts.append(key)
        parts.append(what)
        super().__init__(": ".join(parts))

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from its parts when a worker process sends it back
        return (_source_error, (type(self), self.location, self.what, self.key))


def _source_error(
    cls: type[SourceError], location: Location | None, what: str, key: str
) -> SourceError:
    return cls(location, what, key=key)


class ContentError(DeckgenError):
    """All the errors found in one run, one line each."""

    def __init__(self, errors: Sequence[SourceError]) -> None:
        self.errors = sorted(errors, key=_sort_key)
        super().__init__("\n".join(e.message for e in self.errors))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.errors,))


def _sort_key(error: SourceError) -> tuple[str, int, int, str]:
    loc = error.location
    if loc is None:
        return ("", 0, 0, error.message)
    return (str(loc.path), loc.line, loc.column, error.message)


class ProjectNotFound(DeckgenError):
    """No deckgen.yaml in the given folder or above the current one."""


class ThemeError(SourceError):
    """A theme that cannot be used: unknown name, broken manifest, mapping that names nothing."""


class BuildError(DeckgenError):
    """A deck that could not be written."""


def one_line_errors(error: DeckgenError) -> list[SourceError]:
    """The one-line errors an error stands for: all of a ContentError's, else itself."""
    if isinstance(error, ContentError):
        return list(error.errors)
    if isinstance(error, SourceError):
        return [error]
    return [SourceError(None, error.message)]


def unique(
    errors: Iterable[SourceError], key: Callable[[SourceError], str] = lambda e: e.message
) -> list[SourceError]:
    """``errors`` without repeats by ``key`` (by default: the same line), in order."""
    seen: set[str] = set()
    kept = []
    for error in errors:
        if key(error) not in seen:
            seen.add(key(error))
            kept.append(error)
    return kept


class ErrorCollector:
    """Gathers errors so that a run reports them all at once."""

    def __init__(self) -> None:
        self.errors: list[SourceError] = []

    def add(self, error: SourceError) -> None:
        self.errors.append(error)

    def extend(self, errors: Iterable[SourceError]) -> None:
        self.errors.extend(errors)

    def raise_if_any(self) -> None:
        """Raise one ContentError holding every error collected so far."""
        if self.errors:
            raise ContentError(self.errors)
