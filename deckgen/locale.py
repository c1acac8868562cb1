"""The words deckgen itself puts on slides, and dates, in the deck's language."""

from __future__ import annotations

import datetime as dt

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
        "for": "für",
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
        "for": "for",
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
}

LANGUAGE_TAGS = {"de": "de-DE", "en": "en-GB"}

_MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def word(locale: str, key: str) -> str:
    """A built-in word in the deck's language."""
    return WORDS[locale][key]


def format_date(day: dt.date, locale: str) -> str:
    """A date as written in running text: "26. November 2026" or "26 November 2026"."""
    if locale == "de":
        return f"{day.day}. {_MONTHS_DE[day.month - 1]} {day.year}"
    return f"{day.day} {day.strftime('%B')} {day.year}"
