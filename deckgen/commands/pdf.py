"""PDFs of decks, through LibreOffice when it is installed (never needed for the decks).

The PDF is tagged and declares PDF/UA-1 (LibreOffice's export options ``UseTaggedPDF`` and
``PDFUACompliance``), with the deck's title and language (LibreOffice takes the document
language from its profile's locale, which is set to the deck's for the export);
:mod:`deckgen.commands.tagged_pdf` then completes what LibreOffice leaves out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

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


EXPORT = "pdf:impress_pdf_Export:" + json.dumps(
    {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "PDFUACompliance": {"type": "boolean", "value": "true"},
        "ExportNotes": {"type": "boolean", "value": "false"},
    },
    separators=(",", ":"),
)
"""LibreOffice's filter with its options as JSON (LibreOffice 7.4 and later)."""

_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>{language}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" \
oor:op="fuse"><value>{language}</value></prop></item>
</oor:items>
"""


def to_pdf(deck: Path) -> Path:
    """Write ``deck`` as a tagged PDF next to it, in the deck's language; return its path."""
    from deckgen.commands.tagged_pdf import complete
    from deckgen.render.accessibility import figure_shapes

    command = soffice()
    language, figures = figure_shapes(deck)
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile:
        settings = Path(profile) / "user" / "registrymodifications.xcu"
        settings.parent.mkdir(parents=True)
        settings.write_text(_PROFILE.format(language=escape(language)), encoding="utf-8")
        result = subprocess.run(
            [
                command,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--convert-to",
                EXPORT,
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
    complete(pdf, figures)
    return pdf
