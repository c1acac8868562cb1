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


def fill_two_columns(ctx: SlideContext, slide: model.TwoColumnsSlide) -> None:
    ctx.write("title", _lines(slide.title))
    ctx.write("left_heading", _lines(slide.left.heading))
    ctx.write("left", _points(slide.left.points))
    ctx.write("right_heading", _lines(slide.right.heading))
    ctx.write("right", _points(slide.right.points))


def fill_concern(ctx: SlideContext, slide: model.ConcernSlide) -> None:
    ctx.write("title", _lines(slide.title))
    ctx.write("concern", _lines(slide.concern))
    ctx.write("answer", _lines(slide.answer))


def fill_quote(ctx: SlideContext, slide: model.QuoteSlide) -> None:
    ctx.write("quote", _lines(slide.quote))
    ctx.write("author", _lines(slide.author))
    ctx.write("role", _lines(slide.role))


def fill_closing(ctx: SlideContext, slide: model.ClosingSlide) -> None:
    ctx.write("title", _lines(slide.title))
    ctx.write("text", _lines(slide.text))
    contact = slide.contact
    if contact is not None:
        lines = [f"**{contact.name}**", contact.role, contact.email, contact.phone]
        ctx.write("contact", [Para(line) for line in lines if line])


def write_notes(slide: Any, notes: list[model.NoteLine], language: str) -> None:
    """Speaker notes; list items stay list items, with real bullets."""
    if notes:
        paras = [Para(line.text, line.level, bullet=line.bullet) for line in notes]
        write_paragraphs(slide.notes_slide.notes_text_frame, paras, language)
