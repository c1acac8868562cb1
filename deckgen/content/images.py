"""Pictures (of image slides, and logos): inside the project, readable, and fit for a deck.

A picture is judged by its content, never by its name: it is decoded whole, so that a file that
only claims to be a picture (a PNG header without its data, say) is refused before any deck is
built. PNG, JPEG, GIF and BMP go into a deck as they are; the other formats Pillow reads safely
are converted to PNG (:func:`load_picture`). ``validate`` and ``build`` both come through here.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from deckgen import confine
from deckgen.content.loader import Document, KeyPath, dotted
from deckgen.content.model import Department, ImageSlide, Shared, Slide
from deckgen.errors import SourceError

MAX_IMAGE_PIXELS = 40_000_000
MAX_IMAGE_BYTES = 50_000_000
EMBEDDED = ("PNG", "JPEG", "GIF", "BMP")
"""Formats a deck holds as they are (PowerPoint, LibreOffice and Keynote all show them)."""
CONVERTED = ("TIFF", "WEBP", "ICO", "PPM", "TGA", "XPM")
"""Formats deckgen reads and converts to PNG; no other decoder of Pillow is ever asked."""
FORMATS = "PNG, JPEG, GIF, BMP, TIFF, WebP, ICO, PPM, TGA or XPM"


@dataclass(frozen=True)
class Picture:
    """A picture ready for a deck: bytes in a format a deck holds, and its size in pixels."""

    data: bytes
    width: int
    height: int


def image_slides(
    lists: Iterable[tuple[KeyPath, Sequence[Slide]]],
) -> Iterator[tuple[KeyPath, str]]:
    """The key path and value of the ``image`` of every image slide in lists of slides."""
    for path, slides in lists:
        for index, slide in enumerate(slides):
            if isinstance(slide, ImageSlide):
                yield (*path, index, "image"), slide.image


def image_paths(content: Shared | Department) -> Iterator[tuple[KeyPath, str]]:
    """The key path and value of every image slide's ``image`` in shared content or a
    department file (its ``override`` and ``add``)."""
    lists: list[tuple[KeyPath, Sequence[Slide]]]
    if isinstance(content, Shared):
        lists = [(("sections", n, "slides"), s.slides) for n, s in content.sections.items()]
    else:
        lists = [(("override", n, "slides"), s.slides) for n, s in content.override.items()]
        lists += [(("add", i, "slides"), a.slides) for i, a in enumerate(content.add)]
    return image_slides(lists)


def written_image_paths(data: object, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every ``image:`` text anywhere in a file's data, for a file that is not valid yet."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "image" and isinstance(value, str):
                yield (*path, key), value
            else:
                yield from written_image_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from written_image_paths(value, (*path, index))


def templated_image_errors(
    root: Path, written: Document, rendered: Shared | Department
) -> list[SourceError]:
    """Errors for the images whose path is a template, checked with the template filled in."""
    errors = []
    for path, name in image_paths(rendered):
        if _is_template(_written_value(written.data, path)):
            error = check_image(root, written, path, name, rendered=True)
            if error is not None:
                errors.append(error)
    return errors


def _written_value(data: object, path: KeyPath) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _is_template(value: object) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value)


def check_image(
    root: Path, document: Document, path: KeyPath, name: str, *, rendered: bool = False
) -> SourceError | None:
    """An error for the image at ``path`` of ``document``, or None if it can be used.

    A path that is a template is checked once it is filled in (``rendered``).
    """
    if _is_template(name) and not rendered:
        return None
    try:
        load_picture(root, name, check_only=True)
    except confine.Refused as e:
        return SourceError(document.location(path), e.what, key=dotted(path))
    return None


def load_picture(root: Path, name: str, *, check_only: bool = False) -> Picture:
    """The picture ``name`` (a path relative to ``root``, inside the project); Refused if it is
    outside, missing, not a picture deckgen reads, or too large.

    With ``check_only``, a file already checked in this process (and unchanged) is not decoded
    again, and the picture returned is empty.
    """
    real = confine.relative_inside(root, name)
    missing = f"image '{name}' not found (paths are relative to deckgen.yaml)"
    return _load(real, name, missing, check_only)


def load_logo(path: Path, folder: Path, name: str) -> Picture:
    """The theme's logo at ``path``: inside the theme's ``folder``, else like any picture."""
    try:
        real = confine.real_path(path, (folder.resolve(),), name)
    except confine.Refused as e:
        raise confine.Refused(f"logo '{name}' must lie in the theme's folder") from e
    return _load(real, name, f"logo '{name}' not found in the theme's folder", False)


_VERIFIED: dict[tuple[str, int, int, int], tuple[int, int, str]] = {}
"""Files decoded whole in this process, by path and stat: their size and format."""


def _load(real: Path, name: str, missing: str, check_only: bool) -> Picture:
    try:
        found = confine.check_regular(real, MAX_IMAGE_BYTES, name)
    except confine.Missing as e:
        raise confine.Missing(missing) from e
    key = (str(real), found.st_mtime_ns, found.st_size, found.st_ino)
    known = _VERIFIED.get(key)
    if known is not None and check_only:
        return Picture(b"", known[0], known[1])
    data = confine.read_bytes(real, within=None, limit=MAX_IMAGE_BYTES, name=name)
    if known is not None and known[2] in EMBEDDED:
        return Picture(data, known[0], known[1])
    picture, kind = _decode(data, name)
    _VERIFIED[key] = (picture.width, picture.height, kind)
    return picture


def picture_of(data: bytes, name: str) -> Picture:
    """``data`` as a picture for a deck: decoded whole, converted to PNG where needed."""
    return _decode(data, name)[0]


def _decode(data: bytes, name: str) -> tuple[Picture, str]:
    unreadable = f"'{name}' is not a picture deckgen can read (it reads {FORMATS})"
    too_large = (
        f"image '{name}' is too large (more than {MAX_IMAGE_PIXELS // 1_000_000} million pixels)"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[*EMBEDDED, *CONVERTED]) as picture:
                width, height = picture.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise confine.Refused(
                        f"image '{name}' is too large ({width}x{height} pixels, "
                        f"at most {MAX_IMAGE_PIXELS // 1_000_000} million)"
                    )
                picture.load()  # every pixel: a picture cut short is refused here, not in a deck
                kind = str(picture.format)
                if kind in EMBEDDED:
                    return Picture(data, width, height), kind
                return Picture(_as_png(picture), width, height), kind
    except confine.Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise confine.Refused(too_large) from e
    except Exception as e:  # Pillow's decoders raise many kinds of errors on broken files
        raise confine.Refused(unreadable) from e


def _as_png(picture: Image.Image) -> bytes:
    alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    buffer = io.BytesIO()
    picture.convert("RGBA" if alpha else "RGB").save(buffer, format="PNG")
    return buffer.getvalue()
