"""How long a talk takes: the speaker notes read at a pace, slide by slide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckgen.content.model import Slide
from deckgen.markup import plain

if TYPE_CHECKING:
    from deckgen.outline import DeckOutline

SHOWING = 10.0  # seconds a slide takes beyond its notes: showing it, turning to the next


def slide_seconds(slide: Slide, words_per_minute: int) -> float:
    """The seconds a slide takes: its notes read at ``words_per_minute``, and a moment more."""
    words = sum(len(plain(line.text).split()) for line in slide.notes)
    return SHOWING + words * 60 / words_per_minute


def talk_minutes(outline: DeckOutline, words_per_minute: int) -> float:
    """The minutes the slides of the talk take (hidden backup slides are not in the talk)."""
    seconds = sum(
        slide_seconds(spec.slide, words_per_minute) for spec in outline.slides if not spec.hidden
    )
    return seconds / 60


def longest(outline: DeckOutline, words_per_minute: int, count: int = 3) -> list[tuple[int, float]]:
    """The ``count`` slides that take longest: (slide number, minutes), longest first."""
    timed = [
        (number, slide_seconds(spec.slide, words_per_minute) / 60)
        for number, spec in enumerate(outline.slides, start=1)
        if not spec.hidden
    ]
    return sorted(timed, key=lambda item: -item[1])[:count]
