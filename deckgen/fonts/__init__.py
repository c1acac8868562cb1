"""Fonts to measure text with: the open fonts shipped here, and where a machine keeps its fonts.

Which font measures which family is decided in :mod:`deckgen.paginate.fonts`. This module
imports only the standard library, so that the incremental build can tell whether fonts were
installed since the last build without loading Pillow or the content models.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

SHIPPED = Path(__file__).resolve().parent


def machine_folders() -> list[Path]:
    """The folders fonts are installed in on Linux, macOS and Windows, whether they exist or not."""
    try:
        home: Path | None = Path.home()
    except RuntimeError:  # no home folder to be found
        home = None
    folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    data_home = os.environ.get("XDG_DATA_HOME")
    if data_home:
        folders.append(Path(data_home) / "fonts")
    if home is not None:
        folders += [home / ".fonts", home / ".local" / "share" / "fonts"]
    folders += [Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    if home is not None:
        folders.append(home / "Library" / "Fonts")
    folders.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed for one user on Windows
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return list(dict.fromkeys(folders))


def installed_fonts_stamp() -> str:
    """A digest that changes when fonts are installed or removed: every font folder's path and
    modification time (a folder's time changes when a file is added to it or taken out)."""
    digest = hashlib.sha256()
    for top in machine_folders():
        for folder, _, _ in os.walk(top):
            try:
                digest.update(f"{folder}:{os.stat(folder).st_mtime_ns}\n".encode())
            except OSError:
                continue
    return digest.hexdigest()
