"""Inline emphasis in content texts: ``**bold**`` and ``*italic*`` become styled spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

SOFT_HYPHEN = "\u00ad"  # where a long word may break, with a hyphen; invisible otherwise
NO_BREAK_SPACE = "\u00a0"  # keeps a number with its unit

_EMPHASIS = re.compile(
    # a bold part may end in an italic one: "**den *Menschen***", "***beides***"
    r"\*\*(?P<bold>.+?)\*\*(?!\*)"
    r"|(?<![\w*])\*(?P<italic>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])"
)


@dataclass(frozen=True)
class Span:
    """A piece of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False


def parse_inline(text: str) -> list[Span]:
    """Split ``text`` into spans; asterisks that open no emphasis stay as they are."""
    spans: list[Span] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            spans.append(Span(text[position : match.start()]))
        if match.group("bold") is not None:
            spans.extend(
                Span(inner.text, bold=True, italic=inner.italic)
                for inner in parse_inline(match.group("bold"))
            )
        else:
            spans.append(Span(match.group("italic"), italic=True))
        position = match.end()
    if position < len(text):
        spans.append(Span(text[position:]))
    return [span for span in spans if span.text]


def plain(text: str) -> str:
    """The text without its emphasis marks."""
    return "".join(span.text for span in parse_inline(text))


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text: blank lines separate them, single line breaks are spaces.

    This is how people wrap long texts in a YAML block (``|``) without meaning a new paragraph.
    """
    blocks = re.split(r"\n[ \t\r\f\v]*\n", text.strip())
    return [flow(block) for block in blocks if block.strip()]


_WHITE = re.compile(r"[ \t\r\n\f\v]+")  # white space, but not the no-break space


def flow(text: str) -> str:
    """The text on one line: line breaks and runs of spaces become single spaces (a no-break
    space stays, to keep a number with its unit)."""
    return _WHITE.sub(" ", text).strip(" ")
