"""Write finished files: into an output folder inside the project, under a lock, atomically.

A file is written to a temporary file of its own in the same folder and renamed over the old
one, so a reader sees the old file or the new one, never half, and a symbolic link in the file's
place is replaced, never written through. A build holds the output folder's lock
(:func:`locked`), so two builds into one folder take turns, and only then removes what a killed
build left (:func:`remove_leftovers`): deckgen's own temporary files, nothing else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from deckgen import confine
from deckgen.errors import BuildError, Location, SourceError

LOCK_FILE = ".deckgen.lock"
_LEFTOVER = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
"""The name of a temporary file of :func:`write_atomic`: ``.<name>.<8 random>.tmp``."""


def output_folder(
    root: Path,
    output: str,
    where: Location | None,
    out: Path | None = None,
    outside_ok: bool = False,
) -> Path:
    """The folder decks go to, links followed: ``out`` (the command line's ``--out``), else
    ``output`` of deckgen.yaml (written at ``where``).

    It must lie inside the project; only ``out`` may lead elsewhere, and only with
    ``outside_ok`` (``--allow-outside-output``): a committed file never chooses it.
    """
    if out is not None:
        try:
            return confine.writable_folder(out, root, outside_ok=outside_ok)
        except confine.Refused as e:
            raise BuildError(f"--out: {e.what}; add --allow-outside-output to write there") from e
    try:
        folder = confine.relative_inside(root, output or ".")
    except confine.Refused as e:
        raise SourceError(where, e.what, key="output") from e
    for part in (folder, *folder.parents):  # a committed file where a folder must be
        if part.exists() and not part.is_dir():
            what = f"'{output}': '{os.path.relpath(part, root.resolve())}' is a file, not a folder"
            raise SourceError(where, what, key="output")
        if part == root.resolve():
            break
    return folder


def project_folder(folder: Path, root: Path) -> Path:
    """``folder`` (to be written into) with links followed; BuildError if it leads out of the
    project at ``root``."""
    try:
        return confine.writable_folder(folder, root)
    except confine.Refused as e:
        raise BuildError(f"{e.what}; deckgen writes only inside the project") from e


@contextmanager
def locked(folder: Path) -> Iterator[Path]:
    """Hold the lock of an output folder (made if need be) for the time of the block: another
    deckgen writing into the same folder waits until it is released."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if (folder / LOCK_FILE).is_symlink():  # committed to the repo: replaced, not followed
            (folder / LOCK_FILE).unlink()
        handle = os.open(
            folder / LOCK_FILE,
            os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0),
            0o644,
        )
    except OSError as e:
        raise BuildError(f"{folder}: cannot write here ({e.strerror})") from e
    try:
        _lock(handle)
        yield folder
    finally:
        os.close(handle)


def _lock(handle: int) -> None:
    try:
        import fcntl
    except ImportError:  # no advisory locks on this system: builds do not take turns
        return
    with contextlib.suppress(OSError):  # a file system without locks: no turns either
        fcntl.flock(handle, fcntl.LOCK_EX)


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files a killed deckgen left in ``folder`` (hold its lock)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if _LEFTOVER.match(entry.name) and stat.S_ISREG(
                entry.stat(follow_symlinks=False).st_mode
            ):
                os.unlink(entry.path)
        except OSError:
            pass


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as e:
        raise BuildError(f"{path.parent}: cannot write here ({e.strerror})") from e
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as e:
        Path(temporary).unlink(missing_ok=True)
        raise BuildError(f"{path}: cannot write the deck ({e.strerror})") from e
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_W3CDTF = re.compile(rb'(xsi:type="dcterms:W3CDTF">)[^<]*(<)')


def zip_package(members: Iterable[tuple[str, bytes]], when: dt.datetime) -> bytes:
    """A .pptx package of ``members`` (name, bytes) with every timestamp set to ``when``, so equal
    input gives equal bytes; chart workbooks inside are packages of their own, stamped alike."""
    stamp = max(when, dt.datetime(1980, 1, 1))
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members:
            if name.endswith(".xlsx"):
                content = normalise_zip(content, when)
            elif name.endswith("core.xml"):
                content = _W3CDTF.sub(rb"\g<1>" + iso + rb"\g<2>", content)
            entry = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return buffer.getvalue()


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip package with every timestamp set to ``when``, so equal input gives equal bytes.

    Chart workbooks embedded in a deck are packages of their own, stamped with the time they
    were made; they are normalised the same way.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_package(((i.filename, source.read(i.filename)) for i in source.infolist()), when)
