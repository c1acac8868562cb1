"""The trust boundary: the one rule for every file deckgen reads or writes, and safe reading.

Anyone with commit access to the content repo decides what deckgen is asked to read and where
it is asked to write, and CI builds with the repo's secrets on its runner. So every path that
content names (department files, pictures, themes, templates, logos, fonts) and every place
deckgen writes (decks, the state file, temporary files) is resolved, with templates filled in
and symbolic links followed, and must lie inside the project folder; for reading, deckgen's
own built-in themes and fonts count as inside too. Only regular files are read (never a pipe,
a device or a folder), and only after their size has been checked. An error names the path as
the content wrote it and why it is refused, never what the file holds.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

NAME_MAX = 255
"""The longest file or folder name common file systems take, in bytes."""


class Refused(Exception):
    """A path deckgen will not read or write; ``what`` says why, in the user's words."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class Missing(Refused):
    """Nothing is there (callers often say this in their own words)."""


@functools.cache
def builtin_folders() -> tuple[Path, ...]:
    """deckgen's own themes and fonts: readable from any project."""
    return tuple(
        Path(str(resources.files(package))).resolve()
        for package in ("deckgen.builtin_themes", "deckgen.fonts")
    )


def readable_folders(root: Path | None) -> tuple[Path, ...]:
    """Where a project's files may be read from: the project and deckgen's own data."""
    own = builtin_folders()
    return own if root is None else (root.resolve(), *own)


def label(name: str | None) -> str:
    """How a message names a path: as the content wrote it, or "file"."""
    return "file" if name is None else f"'{name}'"


def real_path(path: Path, within: Sequence[Path] | None, name: str | None = None) -> Path:
    """``path`` with every symbolic link followed; Refused unless it lies inside ``within``.

    ``within=None`` is for paths the person running deckgen typed on the command line, which
    may be anywhere. ``name`` is how the path was written, for the message.
    """
    try:
        real = path.resolve()
    except (OSError, RuntimeError) as e:  # a name too long, a loop of links
        raise Refused(f"{label(name)} cannot be followed ({_reason(e)})") from e
    if within is None or any(real.is_relative_to(folder) for folder in within):
        return real
    lexical = Path(os.path.normpath(path.absolute()))
    if any(lexical.is_relative_to(folder) for folder in within):
        raise Refused(f"{label(name)} is a link to a place outside the project folder")
    raise Refused(f"{label(name)} is outside the project folder")


def relative_inside(root: Path, name: str, *, within: Sequence[Path] | None = None) -> Path:
    """The real path of ``name``, a path relative to ``root`` that content wrote.

    Absolute paths are refused even when they point inside: a deck must build on any machine.
    """
    if Path(name).is_absolute() or name.startswith(("\\", "~")):
        raise Refused(f"'{name}': give a path inside the project")
    if any(len(part.encode("utf-8", "surrogateescape")) > NAME_MAX for part in Path(name).parts):
        raise Refused(
            f"'{name}': a name in it is longer than file systems allow ({NAME_MAX} bytes)"
        )
    return real_path(root / name, within or (root.resolve(),), name)


def check_regular(path: Path, limit: int, name: str | None = None) -> os.stat_result:
    """The stat of ``path`` if it is a regular file of at most ``limit`` bytes; else Refused."""
    try:
        found = path.stat()
    except FileNotFoundError as e:
        raise Missing(f"{label(name)} not found") from e
    except OSError as e:
        raise Refused(f"{label(name)} cannot be read ({_reason(e)})") from e
    _check_stat(found, limit, name)
    return found


def _check_stat(found: os.stat_result, limit: int, name: str | None) -> None:
    if not stat.S_ISREG(found.st_mode):
        kind = "a folder" if stat.S_ISDIR(found.st_mode) else "a pipe, socket or device"
        raise Refused(f"{label(name)} is {kind}, not a regular file")
    if found.st_size > limit:
        raise Refused(f"{label(name)} is too large ({found.st_size} bytes, at most {limit})")


def read_bytes(
    path: Path, *, within: Sequence[Path] | None, limit: int, name: str | None = None
) -> bytes:
    """The bytes of ``path``: inside ``within``, a regular file, at most ``limit`` bytes.

    The size is checked before reading and again while reading (a file that grows is cut
    short and refused); a pipe put in the file's place is never waited on.
    """
    real = real_path(path, within, name)
    check_regular(real, limit, name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(real, flags)
    except FileNotFoundError as e:
        raise Missing(f"{label(name)} not found") from e
    except OSError as e:
        raise Refused(f"{label(name)} cannot be read ({_reason(e)})") from e
    with os.fdopen(handle, "rb") as stream:
        _check_stat(os.fstat(stream.fileno()), limit, name)
        try:
            data = stream.read(limit + 1)
        except OSError as e:
            raise Refused(f"{label(name)} cannot be read ({_reason(e)})") from e
    if len(data) > limit:
        raise Refused(f"{label(name)} is too large (more than {limit} bytes)")
    return data


HASHED_BYTES = 50_000_000
"""Files larger than this are fingerprinted by size and time, not read (see :func:`fingerprint`)."""


def fingerprint(path: Path, within: Sequence[Path]) -> bytes:
    """What a file is, for telling whether it changed: its content's digest, read in pieces.

    A link that leads out of ``within`` counts by where it points, and is never read; so do
    pipes and devices; a file above :data:`HASHED_BYTES` counts by its size and time.
    """
    try:
        real = real_path(path, within)
        found = real.stat()
    except (Refused, OSError):
        try:
            return b"link:" + os.readlink(path).encode("utf-8", "surrogateescape")
        except OSError:
            return b"unreadable"
    if not stat.S_ISREG(found.st_mode):
        return b"not a file"
    if found.st_size > HASHED_BYTES:
        return f"large:{found.st_size}:{found.st_mtime_ns}".encode()
    digest = hashlib.sha256()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        with os.fdopen(os.open(real, flags), "rb") as stream:
            for piece in iter(lambda: stream.read(1 << 20), b""):
                digest.update(piece)
    except OSError:
        return b"unreadable"
    return digest.digest()


def writable_folder(
    folder: Path, root: Path, *, outside_ok: bool = False, name: str | None = None
) -> Path:
    """The real path of a folder deckgen is to write into; Refused if it leads out of the
    project, unless ``outside_ok`` (an explicit choice on the command line)."""
    return real_path(folder, None if outside_ok else (root.resolve(),), name or str(folder))


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    return "too many levels of links" if isinstance(error, RuntimeError) else type(error).__name__
