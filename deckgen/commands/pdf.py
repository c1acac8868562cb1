"""PDFs of decks, through LibreOffice when it is installed (never needed for the decks)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from deckgen.errors import BuildError

INSTALL_HINT = (
    "LibreOffice is not installed; install it (Debian/Ubuntu: apt-get install "
    "libreoffice-impress, macOS: brew install --cask libreoffice) to write PDFs"
)


def soffice() -> str:
    """The LibreOffice command; BuildError saying how to install it if there is none."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise BuildError(INSTALL_HINT)
    return found


def to_pdf(deck: Path) -> Path:
    """Write ``deck`` as a PDF next to it; return the PDF's path."""
    command = soffice()
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile:
        result = subprocess.run(
            [
                command,
                "--headless",
                "--norestore",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(deck.parent),
                str(deck),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "HOME": profile},
            check=False,
        )
    pdf = deck.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.is_file():
        raise BuildError(f"{deck}: LibreOffice could not write a PDF: {result.stderr.strip()}")
    return pdf
