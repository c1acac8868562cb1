"""Read PowerPoint files: a template or a deck as a python-pptx Presentation, and its layouts.

A .potx becomes a presentation python-pptx can open; encrypted files, old .ppt files and zip
bombs are refused with a message; placeholders that share an idx (LibreOffice writes none) can
be given their own.
"""

from __future__ import annotations

import functools
import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

from pptx import Presentation

from deckgen import confine
from deckgen.errors import DeckgenError
from deckgen.paginate.geometry import Rect
from deckgen.render.oxml import is_vertical, rename_layout, set_placeholder_idx, type_name
from deckgen.render.oxml.clean import Cleaned, UnsafePackage, clean_members
from deckgen.render.oxml.graphics import layout_marks, palette_of
from deckgen.theme.graphics import GraphicsMap
from deckgen.theme.layouts import TITLE_TYPES, LayoutInfo, PlaceholderInfo

MAX_TEMPLATE_BYTES = 100_000_000
MAX_UNPACKED_BYTES = 200_000_000
MAX_PART_BYTES = 25_000_000
"""No part of a template (a picture, a font, an embedded file) is larger: each is copied into
every deck."""
MAX_PARTS = 10_000


class NotAPresentation(DeckgenError):
    """A file that is not a PowerPoint presentation or template."""


class TooLarge(ValueError):
    """A package that would unpack to more than deckgen reads (a zip bomb)."""


_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted OOXML and old .ppt files


def read_template(path: Path) -> Any:
    """A .pptx or .potx file as a python-pptx Presentation, cleaned of what no deck may carry
    (see :mod:`deckgen.render.oxml.clean`)."""
    data, _ = _checked_package(path)
    try:
        return Presentation(io.BytesIO(data))
    except Exception as e:  # python-pptx on a package it cannot make sense of
        raise NotAPresentation(
            f"{path}: not a PowerPoint presentation or template (.pptx, .potx)"
        ) from e


def template_cleaning(path: Path) -> Cleaned:
    """What reading the template at ``path`` took out of it: macros, links, embedded objects."""
    return _checked_package(path)[1]


def _checked_package(path: Path) -> tuple[bytes, Cleaned]:
    try:
        stat = confine.check_regular(path, MAX_TEMPLATE_BYTES)
        return _package(str(path), stat.st_mtime_ns, stat.st_size)
    except confine.Refused as e:
        raise NotAPresentation(f"{path}: {e.what}") from e
    except _Encrypted as e:
        raise NotAPresentation(
            f"{path}: the file is encrypted (password-protected) or in the old .ppt format; "
            "save it as .pptx without a password"
        ) from e
    except (TooLarge, UnsafePackage) as e:
        raise NotAPresentation(f"{path}: not a presentation deckgen can open: {e}") from e
    except ValueError as e:
        raise NotAPresentation(
            f"{path}: not a PowerPoint presentation or template (.pptx, .potx)"
        ) from e


class _Encrypted(ValueError):
    """A package or part that is encrypted."""


@functools.lru_cache(maxsize=16)
def _package(path: str, mtime_ns: int, size: int) -> tuple[bytes, Cleaned]:
    """A template's package, checked and cleaned, once per process while the file stays the
    same: a .potx or macro-enabled file becomes a plain presentation python-pptx opens."""
    del mtime_ns, size  # part of the cache key
    data = confine.read_bytes(Path(path), within=None, limit=MAX_TEMPLATE_BYTES)
    if data.startswith(_OLE_SIGNATURE):
        raise _Encrypted()
    members = _members(data)
    cleaned_members, cleaned = clean_members(members)
    if not cleaned.changed:
        return data, cleaned
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in cleaned_members.items():
            target.writestr(name, content)
    return buffer.getvalue(), cleaned


def _members(data: bytes) -> dict[str, bytes]:
    """Every member of a zip package, each and all together within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise TooLarge(f"more than {MAX_PARTS} parts")
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNPACKED_BYTES:
            raise TooLarge(
                f"unpacks to {unpacked // 1_000_000} MB, more than "
                f"{MAX_UNPACKED_BYTES // 1_000_000} MB"
            )
        members = {}
        for info in infos:
            if info.flag_bits & 0x1:
                raise _Encrypted()
            if info.file_size > MAX_PART_BYTES:
                raise TooLarge(
                    f"'{info.filename}' unpacks to {info.file_size // 1_000_000} MB, more than "
                    f"{MAX_PART_BYTES // 1_000_000} MB for one part"
                )
            with archive.open(info) as stream:  # never more than the size it declares
                members[info.filename] = stream.read(MAX_PART_BYTES + 1)
        return members
    except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError, zlib.error) as e:
        raise ValueError("not a zip package") from e


def give_placeholders_own_idx(presentation: Any) -> int:
    """Give every placeholder of a layout an idx of its own; return how many were changed."""
    changed = 0
    for layout in all_layouts(presentation):
        seen: set[int] = set()
        next_idx = 100
        for placeholder in layout.placeholders:
            idx = placeholder.placeholder_format.idx
            is_title = type_name(placeholder) in TITLE_TYPES
            if (idx == 0 and is_title and 0 not in seen) or (idx not in seen and idx != 0):
                seen.add(idx)
                continue
            while next_idx in seen:
                next_idx += 1
            set_placeholder_idx(placeholder, next_idx)
            seen.add(next_idx)
            changed += 1
    return changed


def rect_of(shape: Any) -> Rect:
    """Where a shape is, in EMU (a placeholder's position comes through layout and master)."""
    return Rect(
        int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0)
    )


def all_layouts(presentation: Any) -> list[Any]:
    """Every layout of every slide master, master by master."""
    return [layout for master in presentation.slide_masters for layout in master.slide_layouts]


def sample_roles(presentation: Any) -> dict[int, str]:
    """What the template's sample slides use each master for: its first slide shows the title
    design (``title``), the others the content design (``content``)."""
    masters = [m.part for m in presentation.slide_masters]
    roles: dict[int, str] = {}
    for number, slide in enumerate(presentation.slides):
        master = masters.index(slide.slide_layout.slide_master.part)
        role = "title" if number == 0 else "content"
        if roles.get(master) != "title":
            roles[master] = role
    return roles


def unique_layout_names(presentation: Any) -> list[tuple[str, str]]:
    """Rename layouts whose name another master's layout has too ("Title, Content (2)"), so
    that a theme can name each; return (old, new) names."""
    seen: set[str] = set()
    renamed = []
    for number, master in enumerate(presentation.slide_masters, start=1):
        for layout in master.slide_layouts:
            name = layout.name
            if name in seen:
                new = f"{name} ({number})"
                while new in seen:
                    new += "'"
                rename_layout(layout, new)
                renamed.append((name, new))
                name = new
            seen.add(name)
    return renamed


def layouts_of(presentation: Any, roles: dict[int, str] | None = None) -> list[LayoutInfo]:
    """Every layout of a template: its placeholders, how much of each the template's own
    graphics cover, its master and what the master is for."""
    width, height = int(presentation.slide_width), int(presentation.slide_height)
    result = []
    for number, master in enumerate(presentation.slide_masters):
        for layout in master.slide_layouts:
            palette = palette_of(layout)
            graphics = GraphicsMap(width, height, layout_marks(layout, palette))
            placeholders = []
            for p in layout.placeholders:
                rect = rect_of(p)
                placeholders.append(
                    PlaceholderInfo(
                        idx=p.placeholder_format.idx,
                        type=type_name(p),
                        name=p.name,
                        left=rect.left,
                        top=rect.top,
                        width=rect.width,
                        height=rect.height,
                        covered=round(graphics.covered(rect), 3) if rect.width else 0.0,
                        vertical=is_vertical(p),
                    )
                )
            result.append(
                LayoutInfo(
                    layout.name,
                    tuple(placeholders),
                    number,
                    (roles or {}).get(number, ""),
                    palette.picture_background,
                )
            )
    return result


def save(presentation: Any, path: Path) -> None:
    """Write the template to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    presentation.save(str(path))


def emu_to_cm(value: int) -> str:
    """A length for people: centimetres with one decimal."""
    return f"{value / 360000:.1f}"
