"""Accessible decks: the rules ``deckgen check`` and every build hold a deck to, and what is
found, as warnings that name the content's file:line, or the theme and layout to change.

The deck itself is read in the render layer (:mod:`deckgen.render.accessibility`); this module
says what the rules are and whom a finding concerns, in plain data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from deckgen import markup
from deckgen.content.model import MinimumSizes, QuoteSlide, Slide
from deckgen.errors import SourceError
from deckgen.paginate import PaginatedDeck
from deckgen.theme import Theme

RULES = {
    "title": "every slide has a title (a hidden one where the layout shows none)",
    "unique-title": "no two slides of a deck share a title",
    "alt": "every picture, chart and diagram has alternative text from the content",
    "decorative": "every other shape without text is marked decorative",
    "table-header": "every table has a header row",
    "reading-order": "the title is read first",
    "contrast": (
        "text has a contrast of 4.5:1 with what lies behind it (3:1 from 18 pt, or 14 pt bold)"
    ),
    "size": "no text is smaller than the minimum for its part of the slide",
    "language": "every text run says its language",
    "document": "the document has a title and a language",
}

BODY_FIELDS = frozenset(
    {
        "body",
        "left",
        "right",
        "left_heading",
        "right_heading",
        "answer",
        "quote",
        "text",
        "subtitle",
    }
)
"""Fields whose text is the slide's main text: held to the ``body`` minimum size."""

FILE_NAME = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|svg|webp|emf|wmf|heic)$", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One thing a reader or screen-reader user would stumble over.

    ``slide`` counts from 1 (0: the document as a whole); ``content`` says whether the content
    must change (the slide's file:line) or the theme (its layout).
    """

    rule: str
    slide: int
    what: str
    content: bool = False
    layout: str = ""
    example: str = ""  # the text ``what`` quotes, where it quotes one


@dataclass(frozen=True)
class FigureShape:
    """A shape that a PDF shows as a figure: its description, and whether it only decorates."""

    description: str
    decorative: bool


def text_role(field: str | None, placeholder_type: str | None) -> str:
    """Which minimum size a text is held to: title, body, footer or detail.

    ``field`` is the slide field the text shows (None: drawn by deckgen or unknown), and
    ``placeholder_type`` the type of its placeholder (None: no placeholder).
    """
    if placeholder_type in ("title", "ctrTitle") or field == "title":
        return "title"
    if placeholder_type in ("ftr", "sldNum", "dt"):
        return "footer"
    if field in BODY_FIELDS:
        return "body"
    if field is None and placeholder_type in ("body", "subTitle", "obj"):
        return "body"
    return "detail"


def minimum(sizes: MinimumSizes, role: str) -> float:
    """The smallest size (points) text of ``role`` may have."""
    return float(getattr(sizes, role))


def looks_like_file_name(text: str) -> bool:
    """Whether an alternative text is only a file name (what python-pptx writes by itself)."""
    return bool(FILE_NAME.search(text.strip())) and " " not in text.strip()


def screen_title(slide: Slide) -> str:
    """The title a screen reader announces for a slide whose layout shows none: its title,
    or for a quote the person quoted ("" where the content gives none)."""
    text = slide.author if isinstance(slide, QuoteSlide) else str(getattr(slide, "title", ""))
    return " ".join(markup.plain(text).split())


def as_warnings(
    findings: Sequence[Finding], deck: PaginatedDeck, theme: Theme
) -> list[SourceError]:
    """Each finding as one line: at the content's file:line when the content must change, else
    at the theme's mapping of the slide's kind, naming the layout (each once, with its slides)."""
    warnings: list[SourceError] = []
    by_theme: dict[tuple[str, str], tuple[str, str, list[int]]] = {}
    for finding in findings:
        page = deck.pages[finding.slide - 1] if 0 < finding.slide <= len(deck.pages) else None
        if page is None:
            warnings.append(SourceError(None, f"deck: {finding.what}"))
        elif finding.content:
            warnings.append(SourceError(page.spec.origin, f"slide {finding.slide}: {finding.what}"))
        else:
            # the same fault on every slide of a layout is one line, quoting the first text
            layout = finding.layout or page.layout
            general = finding.what.replace(f" '{finding.example}'", "") if finding.example else ""
            key = (layout, general or finding.what)
            kind = theme.mapped_kind(page.placed_as)  # whose mapping names the layout
            kind, what, slides = by_theme.setdefault(key, (kind, finding.what, []))
            slides.append(finding.slide)
    colours = any(("colors",) in document.values for document in theme.documents)
    for (layout, _), (kind, what, slides) in by_theme.items():
        numbers = ", ".join(str(n) for n in slides)
        contrast = "contrast of" in what
        where = theme.location("colors") if contrast and colours else theme.location("kinds", kind)
        label = "slide" if len(slides) == 1 else "slides"
        warnings.append(
            SourceError(
                where,
                f"theme '{theme.name}', layout '{layout}' ({label} {numbers}): {what}",
            )
        )
    return warnings
