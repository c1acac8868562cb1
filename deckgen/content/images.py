"""Check the pictures that image slides name: inside the project, readable, not too large."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from deckgen.content.loader import Document, KeyPath, dotted
from deckgen.content.model import ImageSlide, Slide
from deckgen.errors import SourceError

MAX_IMAGE_PIXELS = 40_000_000


def image_slides(
    lists: Iterable[tuple[KeyPath, Sequence[Slide]]],
) -> Iterator[tuple[KeyPath, str]]:
    """The key path and value of the ``image`` of every image slide in lists of slides."""
    for path, slides in lists:
        for index, slide in enumerate(slides):
            if isinstance(slide, ImageSlide):
                yield (*path, index, "image"), slide.image


def check_image(root: Path, document: Document, path: KeyPath, name: str) -> SourceError | None:
    """An error for the image at ``path`` of ``document``, or None if it can be used."""
    location = document.location(path)
    key = dotted(path)
    if "{{" in name:
        return None  # checked after the template is filled in
    candidate = Path(name)
    if candidate.is_absolute():
        return SourceError(location, f"'{name}': give a path inside the project", key=key)
    resolved = (root / candidate).resolve()
    if not resolved.is_relative_to(root.resolve()):
        return SourceError(location, f"'{name}' is outside the project folder", key=key)
    if not resolved.is_file():
        return SourceError(
            location, f"image '{name}' not found (paths are relative to deckgen.yaml)", key=key
        )
    try:
        with Image.open(resolved) as picture:
            width, height = picture.size
            if width * height > MAX_IMAGE_PIXELS:
                return SourceError(
                    location,
                    f"image '{name}' is too large ({width}x{height} pixels, "
                    f"at most {MAX_IMAGE_PIXELS // 1_000_000} million)",
                    key=key,
                )
            picture.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return SourceError(location, f"'{name}' is not a picture deckgen can read", key=key)
    return None
