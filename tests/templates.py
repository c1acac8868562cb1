"""The real templates made by others that deckgen is tested on: each Impress template
LibreOffice ships (converted from .otp), pandoc's reference deck, and the PowerPoint and WPS
templates in tests/fixtures/templates. The session fixture ``real_templates`` (conftest.py)
makes them files once per test run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "templates"
LIBREOFFICE_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")


def template_names() -> list[str]:
    """Every real template of the set, as the tests name them."""
    names = sorted(p.stem.lower() for p in LIBREOFFICE_TEMPLATES.glob("*.otp"))
    names.append("pandoc-reference")
    names += sorted(p.stem for p in FIXTURES.glob("*.potx"))
    return names


def make_templates(folder: Path, profile: Path) -> dict[str, Path]:
    """The real templates as files: LibreOffice's converted (one run), pandoc's, the fixtures.

    Raises RuntimeError when LibreOffice or pandoc is missing.
    """
    soffice, pandoc = shutil.which("soffice"), shutil.which("pandoc")
    if soffice is None or pandoc is None:
        raise RuntimeError("LibreOffice and pandoc are needed for the real templates (.ci/run)")
    sources = sorted(LIBREOFFICE_TEMPLATES.glob("*.otp"))
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--convert-to", "pptx", "--outdir", str(folder), *map(str, sources)],
        check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": str(profile)},
    )  # fmt: skip
    found = {p.stem.lower(): p for p in folder.glob("*.pptx")}
    reference = folder / "pandoc-reference.pptx"
    subprocess.run(
        [pandoc, "-o", str(reference), "--print-default-data-file", "reference.pptx"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    found["pandoc-reference"] = reference
    found.update({p.stem: p for p in FIXTURES.glob("*.potx")})
    return found
