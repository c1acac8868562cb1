"""``deckgen preview``: a deck as a presenter will see it, rendered by LibreOffice.

Writes ``build/preview/<slug>/``: the PDF, one PNG per slide and contact-sheet.png.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw

from deckgen.commands.pdf import to_pdf
from deckgen.errors import BuildError

POPPLER_HINT = (
    "pdftoppm is not installed; install it (Debian/Ubuntu: apt-get install poppler-utils, "
    "macOS: brew install poppler) to make slide images"
)


def preview(deck: Path, folder: Path) -> list[Path]:
    """Render ``deck`` into ``folder``: PDF, slide PNGs, contact sheet; return the PNGs."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise BuildError(POPPLER_HINT)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("slide-*.png"):
        old.unlink()
    copy = folder / deck.name
    shutil.copy(deck, copy)
    pdf = to_pdf(copy)
    copy.unlink()
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", str(pdf), str(folder / "slide")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    slides = sorted(folder.glob("slide-*.png"))
    contact_sheet(slides, folder / "contact-sheet.png")
    return slides


def contact_sheet(slides: list[Path], target: Path) -> None:
    """All slides on one image, four to a row, numbered."""
    if not slides:
        return
    images = [Image.open(path) for path in slides]
    width, height = images[0].size
    columns = min(4, len(images))
    rows = math.ceil(len(images) / columns)
    pad, label = 10, 16
    sheet = Image.new(
        "RGB", (columns * (width + pad) + pad, rows * (height + pad + label) + pad), "#777777"
    )
    draw = ImageDraw.Draw(sheet)
    for index, image in enumerate(images):
        x = pad + (index % columns) * (width + pad)
        y = pad + (index // columns) * (height + pad + label)
        sheet.paste(image, (x, y + label))
        draw.text((x, y), str(index + 1), fill="white")
        image.close()
    sheet.save(target)
