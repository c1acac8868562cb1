"""Write paragraphs into python-pptx text frames: list levels, bullets, emphasis runs, sizes."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.text.text import TextFrame, _Paragraph

from deckgen.markup import flow, parse_inline
from deckgen.paginate.geometry import Para
from deckgen.render import oxml


def write_paragraphs(frame: TextFrame, paras: Sequence[Para], language: str) -> None:
    """Replace the text of ``frame`` with ``paras``."""
    frame.clear()
    for index, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.level = para.level
        if para.bullet is False:
            oxml.set_bullet(paragraph, None)
        elif para.bullet is True:
            oxml.set_bullet(paragraph, "•", para.level)
        write_runs(paragraph, para.text, language)
        if para.size is not None:
            oxml.set_size(paragraph, para.size, para.space_before, para.space_after)


def write_runs(paragraph: _Paragraph, text: str, language: str) -> None:
    """Add ``text`` to a paragraph as runs, one per span of emphasis, in ``language``."""
    for span in parse_inline(flow(text)):
        run = paragraph.add_run()
        run.text = span.text
        if span.bold:
            run.font.bold = True
        if span.italic:
            run.font.italic = True
        oxml.set_language(oxml.run_properties(run), language)
    oxml.set_language(oxml.end_properties(paragraph), language)
