"""Typography by locale: quotation marks, no-break spaces between numbers and units, and soft
hyphens in long words, so that texts break where a typesetter would break them."""

from __future__ import annotations

import functools
import re
from typing import Any

from pydantic import BaseModel

from deckgen.markup import NO_BREAK_SPACE, SOFT_HYPHEN

QUOTES = {
    "de": ("\u201e", "\u201c"),
    "de-CH": ("\u00ab", "\u00bb"),  # Swiss German: guillemets, without spaces
    "en": ("\u201c", "\u201d"),
    "fr": ("\u00ab\u00a0", "\u00a0\u00bb"),
    "fr-CH": ("\u00ab", "\u00bb"),
}
HYPHENATE_FROM = 12  # letters: shorter words are never broken
_UNITS = (
    r"%|‰|°C|°|h|Std\.|min|Min\.|s|€|EUR|ct|km|m|cm|mm|kg|g|t|kWh|MWh|GWh|kW|MW|l|Mio\.|Mrd\.|Tsd\."
    r"|x|Prozent|Stunden?|Tage?n?|Wochen?|Monate?n?|Jahre?n?"
)
_NUMBER_UNIT = re.compile(rf"(?<=\d) (?=(?:{_UNITS})(?![\w]))")
_SCALE_CURRENCY = re.compile(r"(?<=Mio\.|Mrd\.|Tsd\.) (?=€|EUR|Euro)")
_LONG_WORD = re.compile(rf"(?<![\w@/.:-])([^\W\d_]{{{HYPHENATE_FROM},}})(?![\w@/.:])")
_PATTERNS = {"de": "de_DE", "en": "en_GB", "fr": "fr"}


def language(locale: str) -> str:
    """The language of a locale: ``de`` for ``de-AT``."""
    return locale.replace("_", "-").split("-")[0].lower()


def _quotes(locale: str) -> tuple[str, str]:
    """The quotation marks of a locale: its region's own, else its language's."""
    tag = locale.replace("_", "-")
    return QUOTES.get(tag) or QUOTES.get(language(locale), QUOTES["en"])


def quoted(text: str, locale: str) -> str:
    """``text`` in the locale's quotation marks, unless it has them already."""
    opening, closing = _quotes(locale)
    stripped = text.strip().strip("\"'\u201e\u201c\u201d\u00ab\u00bb\u2018\u2019\u201a ")
    return f"{opening}{stripped}{closing}"


def opening_quote(locale: str) -> str:
    """The opening quotation mark of a locale (the first of its pair)."""
    return _quotes(locale)[0].strip()


def keep_units(text: str) -> str:
    """A no-break space between a number and its unit ("+40 %", "24 h", "3 Mio. €")."""
    return _SCALE_CURRENCY.sub(NO_BREAK_SPACE, _NUMBER_UNIT.sub(NO_BREAK_SPACE, text))


@functools.cache
def _pattern_name(locale: str) -> str:
    """The pyphen patterns of a locale: its region's (de_AT -> de_AT), else its language's."""
    import pyphen

    regional = locale.replace("-", "_")
    if "_" in regional and regional in pyphen.LANGUAGES:
        return regional
    code = language(locale)
    return _PATTERNS.get(code, code)


@functools.cache
def _hyphenator(name: str) -> object | None:
    import pyphen

    return pyphen.Pyphen(lang=name) if name in pyphen.LANGUAGES else None


def hyphenate(text: str, locale: str) -> str:
    """Soft hyphens at the hyphenation points of the locale in every long word (a region's own
    patterns where pyphen has them: de_CH, en_US, ...)."""
    hyphenator = _hyphenator(_pattern_name(locale))
    if hyphenator is None:
        return text
    return _LONG_WORD.sub(lambda m: _inserted(hyphenator, m.group(1)), text)


@functools.lru_cache(maxsize=16384)
def _word(hyphenator: object, word: str) -> str:
    return str(hyphenator.inserted(word, hyphen=SOFT_HYPHEN))  # type: ignore[attr-defined]


def _inserted(hyphenator: object, word: str) -> str:
    return _word(hyphenator, word)


def typeset(text: str, locale: str) -> str:
    """A text as it goes on a slide: units kept with their numbers, long words hyphenated."""
    return hyphenate(keep_units(text), locale)


def plain(text: str) -> str:
    """A text without its soft hyphens and with ordinary spaces, as people type it."""
    return text.replace(SOFT_HYPHEN, "").replace(NO_BREAK_SPACE, " ")


_UNTOUCHED = {"kind", "notes", "image", "number_format", "fit", "chart", "better", "alt"}


def typeset_slide(slide: Any, locale: str) -> Any:
    """A copy of a slide model with every text it shows typeset for ``locale``; speaker notes,
    file names and chart data stay as written."""
    return _typeset(slide, locale)


def _typeset(value: Any, locale: str) -> Any:
    if isinstance(value, str):
        return typeset(value, locale)
    if isinstance(value, list):
        return [_typeset(item, locale) for item in value]
    if isinstance(value, BaseModel):
        changes = {
            name: _typeset(getattr(value, name), locale)
            for name in type(value).model_fields
            if name not in _UNTOUCHED
        }
        return value.model_copy(update=changes)
    return value
