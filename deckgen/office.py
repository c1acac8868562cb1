"""Slide images through LibreOffice: a deck into a PDF, a PDF into one picture per slide.

:class:`ColdOffice` starts LibreOffice for each deck (seconds each); :class:`WarmOffice`
keeps one LibreOffice running through unoserver, for ``deckgen serve``, where a deck is
converted after every save. Either way the PDF's pages become JPEG pictures with pdftoppm
(poppler), which is far quicker at it than LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Protocol

from deckgen.commands.pdf import INSTALL_HINT, soffice, to_pdf
from deckgen.errors import BuildError

IMAGES_HINT = (
    "slide images need LibreOffice and pdftoppm; install them (Debian/Ubuntu: apt-get install "
    "libreoffice-impress poppler-utils, macOS: brew install --cask libreoffice && brew install "
    "poppler)"
)
IMAGE_WIDTH = 960  # pixels


class Office(Protocol):
    """Something that turns a deck into a PDF."""

    def pdf(self, deck: bytes) -> bytes:
        """The PDF of the deck ``deck`` (the bytes of a .pptx)."""
        ...

    def close(self) -> None:
        """Stop what was started."""
        ...


def images_possible() -> bool:
    """Whether LibreOffice and pdftoppm are both installed."""
    try:
        soffice()
    except BuildError:
        return False
    return shutil.which("pdftoppm") is not None


class ColdOffice:
    """LibreOffice started for each deck, with a profile of its own."""

    def pdf(self, deck: bytes) -> bytes:
        """The PDF of ``deck``."""
        with tempfile.TemporaryDirectory(prefix="deckgen-office-") as folder:
            path = Path(folder) / "deck.pptx"
            path.write_bytes(deck)
            return to_pdf(path).read_bytes()

    def close(self) -> None:
        """Nothing runs between decks."""


def slide_images(pdf: bytes, folder: Path, stem: str, width: int = IMAGE_WIDTH) -> list[Path]:
    """Each page of ``pdf`` as ``folder/<stem>-<n>.jpg`` (n from 1); return them in order."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise BuildError(IMAGES_HINT)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="deckgen-pages-") as scratch:
        source = Path(scratch) / "deck.pdf"
        source.write_bytes(pdf)
        size = ["-scale-to-x", str(width), "-scale-to-y", "-1"]
        done = subprocess.run(
            [pdftoppm, "-jpeg", *size, str(source), str(Path(scratch) / "page")],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            raise BuildError(f"pdftoppm could not read the PDF: {done.stderr.strip()}")
        pages = sorted(Path(scratch).glob("page-*.jpg"), key=lambda p: int(p.stem.split("-")[1]))
        images = []
        for number, page in enumerate(pages, start=1):
            target = folder / f"{stem}-{number}.jpg"
            shutil.move(page, target)
            images.append(target)
    return images


__all__ = ["IMAGES_HINT", "INSTALL_HINT", "ColdOffice", "Office", "images_possible", "slide_images"]
