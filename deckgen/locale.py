"""The deck's locale: the words deckgen itself puts on slides, dates and numbers (through Babel),
and the language tag every text run carries.

A locale is a BCP 47 tag Babel knows: a language (``de``, ``en``, ``fr``) or a language with
its region (``de-AT``, ``de-CH``, ``en-US``, ``en-GB``, ``fr-CH``, ...). The language picks the
built-in words (and quotation marks, hyphenation); the region picks how dates and numbers are
written ("15. Jänner 2027" in Austria, "January 15, 2027" in the US).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

WORDS: dict[str, dict[str, str]] = {
    "de": {
        "agenda": "Agenda",
        "benefits": "Ihr Nutzen",
        "benefits_in_figures": "Ihr Nutzen in Zahlen",
        "concerns": "Ihre Bedenken – unsere Antworten",
        "concern": "Bedenken",
        "examples": "So machen es andere",
        "did": "Was sie tun",
        "results": "Was es bringt",
        "metrics": "Woran wir Erfolg messen",
        "next_steps": "Nächste Schritte",
        "step": "Schritt",
        "who": "Wer",
        "when": "Bis wann",
        "own_step": "Ihr Schritt",
        "contact": "Kontakt",
        "questions": "Fragen?",
        "continued": "Fortsetzung",
        "continued_from": "Fortsetzung von Folie {number}",
        "no_notes": "keine Notizen",
        "benefits_cards": "Was Sie davon haben",
        "concerns_overview_notes": (
            "Das haben wir aus Ihrem Bereich gehört. Ich gehe die Punkte der Reihe nach durch; "
            "sagen Sie gern, welcher Ihnen am wichtigsten ist, dann springen wir direkt dorthin."
        ),
        "ask": "Worum wir Sie bitten",
        "budget": "Budget",
        "people": "Personalbedarf",
        "by_when": "Entscheidung bis",
        "your_next_step": "Ihr nächster Schritt",
        "by": "bis",
        "backup": "Reserve",
        "today_goal": "heute \u2192 Ziel",
        "less_is_better": "weniger ist besser",
        "minutes": "Min.",
    },
    "en": {
        "agenda": "Agenda",
        "benefits": "What you gain",
        "benefits_in_figures": "What you gain, in figures",
        "concerns": "Your concerns, our answers",
        "concern": "Concern",
        "examples": "How others do it",
        "did": "What they do",
        "results": "What it brings",
        "metrics": "How we measure success",
        "next_steps": "Next steps",
        "step": "Step",
        "who": "Who",
        "when": "By when",
        "own_step": "your step",
        "contact": "Contact",
        "questions": "Questions?",
        "continued": "continued",
        "continued_from": "Continued from slide {number}",
        "no_notes": "no notes",
        "benefits_cards": "What you gain",
        "concerns_overview_notes": (
            "This is what we heard from your team. I will go through them in turn; tell me "
            "which one matters most to you and we jump straight to it."
        ),
        "ask": "What we ask of you",
        "budget": "Budget",
        "people": "People",
        "by_when": "Decision by",
        "your_next_step": "Your next step",
        "by": "by",
        "backup": "Backup",
        "today_goal": "today \u2192 goal",
        "less_is_better": "less is better",
        "minutes": "min",
    },
    "fr": {
        "agenda": "Ordre du jour",
        "benefits": "Ce que vous y gagnez",
        "benefits_in_figures": "Ce que vous y gagnez, en chiffres",
        "concerns": "Vos objections, nos réponses",
        "concern": "Objection",
        "examples": "Comment font les autres",
        "did": "Ce qu\u2019ils font",
        "results": "Ce que cela apporte",
        "metrics": "Comment nous mesurons le succès",
        "next_steps": "Prochaines étapes",
        "step": "Étape",
        "who": "Qui",
        "when": "D\u2019ici quand",
        "own_step": "votre étape",
        "contact": "Contact",
        "questions": "Des questions\u00a0?",
        "continued": "suite",
        "continued_from": "Suite de la diapositive {number}",
        "no_notes": "pas de notes",
        "benefits_cards": "Ce que vous y gagnez",
        "concerns_overview_notes": (
            "Voici ce que nous avons entendu de votre équipe. Je les reprends dans "
            "l\u2019ordre\u00a0; dites-moi laquelle compte le plus pour vous et nous y allons "
            "directement."
        ),
        "ask": "Ce que nous vous demandons",
        "budget": "Budget",
        "people": "Personnel",
        "by_when": "Décision d\u2019ici",
        "your_next_step": "Votre prochaine étape",
        "by": "d\u2019ici",
        "backup": "Réserve",
        "today_goal": "aujourd\u2019hui \u2192 objectif",
        "less_is_better": "moins, c\u2019est mieux",
        "minutes": "min",
    },
}

WORD_NAMES = tuple(WORDS["en"])
"""The name of every built-in word, as ``words:`` in deckgen.yaml overrides them."""

_DEFAULT_REGIONS = {"de": "de-DE", "en": "en-GB", "fr": "fr-FR"}
"""The region of a bare language: the one deckgen has always used (English dates in British
style); other languages take the region Babel finds most likely."""


class UnknownLocale(ValueError):
    """A locale Babel does not know, or one whose language has no built-in words."""


def check_locale(value: str) -> str:
    """``value`` as a BCP 47 tag (``de-AT``), if Babel knows it and deckgen has words for its
    language; else UnknownLocale saying what there is."""
    from babel import Locale, UnknownLocaleError

    from deckgen.errors import suggest

    tag = value.strip().replace("_", "-")
    try:
        parsed = Locale.parse(tag, sep="-")
        if parsed.variant:  # "de-Austria" parses, as German with a variant no one writes
            raise ValueError(tag)
    except (UnknownLocaleError, ValueError, TypeError):
        known = _known_tags()
        hint = suggest(tag, known) or "; e.g. de, de-AT, de-CH, en, en-GB, en-US, fr"
        raise UnknownLocale(f"unknown locale '{value}'{hint}") from None
    if parsed.language not in WORDS:
        raise UnknownLocale(
            f"deckgen has no built-in words for '{parsed.language}' yet; the languages with "
            f"words are {', '.join(WORDS)}"
        )
    return "-".join(part for part in (parsed.language, parsed.script, parsed.territory) if part)


@functools.cache
def _known_tags() -> list[str]:
    from babel.localedata import locale_identifiers

    return [name.replace("_", "-") for name in locale_identifiers()]


def language(locale: str) -> str:
    """The language of a locale: ``de`` for ``de-AT``."""
    return locale.replace("_", "-").split("-")[0].lower()


def language_tag(locale: str) -> str:
    """The language tag every text run carries: the locale, with a region where it has none
    (``de`` -> ``de-DE``, ``en`` -> ``en-GB``)."""
    if "-" in locale:
        return locale
    if locale in _DEFAULT_REGIONS:
        return _DEFAULT_REGIONS[locale]
    from babel import Locale

    likely = Locale.parse(locale)
    region = likely.territory or _likely_region(locale)
    return f"{locale}-{region}" if region else locale


def _likely_region(code: str) -> str:
    from babel.core import get_global

    subtags = str(get_global("likely_subtags").get(code, ""))
    return subtags.split("_")[-1] if subtags.count("_") >= 1 else ""


def _babel(locale: str) -> str:
    """The Babel identifier of a locale's formats: ``de_AT``, ``en_GB`` for ``en``."""
    return language_tag(locale).replace("-", "_")


def words(locale: str, overrides: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """The built-in words of a locale's language, with those deckgen.yaml overrides."""
    found = dict(WORDS.get(language(locale), WORDS["en"]))
    found.update({name: text for name, text in (overrides or {}).items() if text is not None})
    return found


def word(locale: str, key: str, overrides: Mapping[str, str | None] | None = None) -> str:
    """A built-in word in the deck's language (or as deckgen.yaml overrides it)."""
    if overrides and overrides.get(key) is not None:
        return str(overrides[key])
    return WORDS.get(language(locale), WORDS["en"])[key]


def format_date(day: dt.date, locale: str) -> str:
    """A date as written in running text: "1. Dezember 2026", "15. Jänner 2027" (de-AT),
    "1 December 2026" (en, en-GB), "December 1, 2026" (en-US), "1 décembre 2026" (fr)."""
    from babel.dates import format_date as babel_date

    return str(babel_date(day, format="long", locale=_babel(locale)))


def format_number(value: float, locale: str, digits: int | None = None) -> str:
    """A number with the locale's separators: 1.234,5 (de), 1,234.5 (en), 1\u202f234,5 (fr);
    ``digits`` fixes the decimals (else up to three, as written)."""
    from babel import Locale
    from babel.numbers import format_decimal

    pattern = Locale.parse(_babel(locale)).decimal_formats[None].pattern
    return str(format_decimal(value, format=_with_digits(pattern, digits), locale=_babel(locale)))


def format_percent(value: float, locale: str, digits: int = 0) -> str:
    """A share as a percentage in the locale's way: 0.25 -> 25\u00a0% (de), 25% (en)."""
    from babel import Locale
    from babel.numbers import format_percent as babel_percent

    pattern = Locale.parse(_babel(locale)).percent_formats[None].pattern
    return str(babel_percent(value, format=_with_digits(pattern, digits), locale=_babel(locale)))


def _with_digits(pattern: str, digits: int | None) -> str:
    """A Babel number pattern with exactly ``digits`` decimals (None: as it is)."""
    if digits is None:
        return pattern
    decimals = "." + "0" * digits if digits > 0 else ""
    return re.sub(r"0(\.[0#]+)?", "0" + decimals, pattern, count=1)


def template_filters() -> dict[str, Callable[..., Any]]:
    """Jinja filters that write a value in the deck's locale: ``{{ 1234.5 | number }}``,
    ``{{ 0.25 | percent }}``, ``{{ "2027-03-01" | date }}``."""
    from jinja2 import pass_context

    def locale_of(context: Any) -> str:
        return str(context.get("locale") or "en")

    @pass_context
    def number(context: Any, value: Any, digits: int | None = None) -> str:
        return format_number(float(value), locale_of(context), digits)

    @pass_context
    def percent(context: Any, value: Any, digits: int = 0) -> str:
        return format_percent(float(value), locale_of(context), digits)

    @pass_context
    def date(context: Any, value: Any) -> str:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return format_date(day, locale_of(context))

    return {"number": number, "percent": percent, "date": date}
