"""Write a finished deck to disk atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from deckgen.errors import BuildError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a build that was killed
            stale.unlink(missing_ok=True)
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
