"""``deckgen notes``: the talk track of a deck as Markdown, slide titles and speaker notes."""

from __future__ import annotations

from deckgen.content.model import NoteLine, Slide
from deckgen.locale import words
from deckgen.outline import DeckOutline
from deckgen.talk import slide_seconds, talk_minutes
from deckgen.typography import plain


def slide_heading(slide: Slide) -> str:
    """What a slide is called in a talk track: its title, or what it shows."""
    title = getattr(slide, "title", "")
    if title:
        return str(title)
    if slide.kind == "quote":  # the quote is in its quotation marks already
        return f"{slide.quote} – {slide.author}"
    if slide.kind == "concerns":
        return str(slide.concern)
    return slide.kind.replace("_", " ").capitalize()


def talk_track(
    outline: DeckOutline,
    department_name: str,
    locale: str,
    words_per_minute: int = 130,
    overrides: dict[str, str | None] | None = None,
) -> str:
    """The talk track as Markdown: a heading per slide with the minutes its notes take, its
    notes as paragraphs and lists; backup slides are marked."""
    said = words(locale, overrides)
    unit = said["minutes"]
    total = talk_minutes(outline, words_per_minute)
    lines = [f"# {outline.title}: {department_name}", "", f"~{total:.0f} {unit}", ""]
    for number, spec in enumerate(outline.slides, start=1):
        minutes = slide_seconds(spec.slide, words_per_minute) / 60
        backup = f" [{said['backup']}]" if spec.hidden else ""
        heading = _plain(slide_heading(spec.slide))
        lines += [f"## {number}. {heading} ({minutes:.1f} {unit}){backup}", ""]
        lines += _notes(spec.slide.notes) or [f"*({said['no_notes']})*"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _notes(notes: list[NoteLine]) -> list[str]:
    """Notes as Markdown: paragraphs apart by a blank line, list items together."""
    lines: list[str] = []
    previous: NoteLine | None = None
    for line in notes:
        starts_block = previous is None or not (line.bullet and previous.bullet)
        if lines and starts_block:
            lines.append("")
        lines.append(f"{'  ' * line.level}- {line.text}" if line.bullet else line.text)
        previous = line
    return lines


def _plain(text: str) -> str:
    return " ".join(plain(text).split())
