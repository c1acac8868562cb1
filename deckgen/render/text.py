"""Write paragraphs into python-pptx text frames: list levels, bullets, emphasis runs, sizes."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.text.text import TextFrame

from deckgen.paginate.geometry import Para
from deckgen.render import oxml


def write_paragraphs(frame: TextFrame, paras: Sequence[Para], language: str) -> None:
    """Replace the text of ``frame`` with ``paras``: their levels, bullets, emphasis runs and
    sizes, every run in ``language``."""
    oxml.write_paras(frame._txBody, paras, language)
