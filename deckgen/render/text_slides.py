"""Slide kinds made of text: title, agenda, section, bullets, two columns, concern, quote,
closing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deckgen.content import model
from deckgen.markup import paragraphs
from deckgen.render.text import Para, write_paragraphs

if TYPE_CHECKING:
    from deckgen.render.deck import SlideContext


def _lines(text: str) -> list[Para]:
    return [Para(line) for line in paragraphs(text)]


def point_paras(points: list[model.Point]) -> list[Para]:
    """The paragraphs of bullet points: each point, then its sub-points one level down."""
    return _points(points)


def _points(points: list[model.Point]) -> list[Para]:
    paras = []
    for point in points:
        paras.append(Para(point.text, 0))
        paras.extend(Para(sub, 1) for sub in point.points)
    return paras


def fill_title(ctx: SlideContext, slide: model.TitleSlide) -> None:
    ctx.write("title", _lines(slide.title))
    ctx.write("subtitle", _lines(slide.subtitle))


def fill_section(ctx: SlideContext, slide: model.SectionSlide) -> None:
    ctx.write("title", _lines(slide.title))
    ctx.write("subtitle", _lines(slide.subtitle))


def fill_agenda(ctx: SlideContext, slide: model.AgendaSlide) -> None:
    ctx.write("title", _lines(slide.title))
    ctx.write("body", [Para(item) for item in slide.items])


def fill_bullets(ctx: SlideContext, slide: model.BulletsSlide) -> None:
    ctx.write("title", _lines(slide.title))
    ctx.write("body", _points(slide.points))


def _lead(ctx: SlideContext, field: str, text: str, style: str = "**") -> list[Para]:
    """``text`` as lead paragraphs for another field, when the layout has no place for it."""
    if ctx.has(field) or not text.strip():
        ctx.write(field, _lines(text))
        return []
    return [Para(f"{style}{line}{style}", 0, bullet=False) for line in paragraphs(text)]


def fill_two_columns(ctx: SlideContext, slide: model.TwoColumnsSlide) -> None:
    ctx.write("title", _lines(slide.title))
    for side, column in (("left", slide.left), ("right", slide.right)):
        heading = _lead(ctx, f"{side}_heading", column.heading)
        ctx.write(side, heading + _points(column.points))


def fill_concern(ctx: SlideContext, slide: model.ConcernSlide) -> None:
    ctx.write("title", _lines(slide.title))
    concern = _lead(ctx, "concern", slide.concern, style="*")
    answer = [Para(line, bullet=False if concern else None) for line in paragraphs(slide.answer)]
    ctx.write("answer", concern + answer)


def fill_quote(ctx: SlideContext, slide: model.QuoteSlide) -> None:
    ctx.write("title", [])
    quote = [Para(line, bullet=False) for line in paragraphs(slide.quote)]
    author = _lead(ctx, "author", slide.author)
    role = _lead(ctx, "role", slide.role, style="")
    ctx.write("quote", quote + author + role)


def fill_closing(ctx: SlideContext, slide: model.ClosingSlide) -> None:
    ctx.write("title", _lines(slide.title))
    contact = slide.contact
    lines = [f"**{contact.name}**", contact.role, contact.email, contact.phone] if contact else []
    paras = [Para(line, bullet=False) for line in lines if line]
    if not ctx.has("contact"):
        ctx.write("text", _lines(slide.text) + paras)
        return
    ctx.write("text", _lines(slide.text))
    ctx.write("contact", paras)


def write_notes(slide: Any, notes: list[model.NoteLine], language: str) -> None:
    """Speaker notes; list items stay list items, with real bullets."""
    if notes:
        paras = [Para(line.text, line.level, bullet=line.bullet) for line in notes]
        write_paragraphs(slide.notes_slide.notes_text_frame, paras, language)
