"""Which text of a slide goes into which field of its layout, as paragraphs.

A field the layout has no placeholder for makes do in a neighbour: a column heading becomes its
column's first line, the concern leads the answer in italics, author and role go under the
quote, the contact under the closing text. Drawn kinds (key figures, chart, table, image,
process) only have their title and caption here.
"""

from __future__ import annotations

from collections.abc import Callable

from deckgen.content import model
from deckgen.markup import paragraphs
from deckgen.paginate.geometry import Para

Texts = dict[str, list[Para]]
Has = Callable[[str], bool]


def lines(text: str, bullet: bool | None = None) -> list[Para]:
    """The paragraphs of a text, each a paragraph of its own."""
    return [Para(line, bullet=bullet) for line in paragraphs(text)]


def point_paras(points: list[model.Point]) -> list[Para]:
    """The paragraphs of bullet points: each point, then its sub-points one level down."""
    paras = []
    for point in points:
        paras.append(Para(point.text, 0))
        paras.extend(Para(sub, 1) for sub in point.points)
    return paras


def _lead(texts: Texts, has: Has, name: str, text: str, style: str = "**") -> list[Para]:
    """``text`` in its own field; without one, as lead paragraphs for a neighbouring field."""
    if has(name) or not text.strip():
        texts[name] = lines(text)
        return []
    return [Para(f"{style}{line}{style}", 0, bullet=False) for line in paragraphs(text)]


def field_texts(slide: model.Slide, has: Has) -> Texts:
    """The paragraphs of every text field of ``slide``; fields without text are left out."""
    texts: Texts = {}
    kind = slide.kind
    if isinstance(slide, model.TitleSlide | model.SectionSlide):
        texts["title"] = lines(slide.title)
        texts["subtitle"] = lines(slide.subtitle, bullet=False)  # a line, never a list
    elif isinstance(slide, model.AgendaSlide):
        texts["title"] = lines(slide.title)
        texts["body"] = [Para(item) for item in slide.items]
    elif isinstance(slide, model.BulletsSlide):
        texts["title"] = lines(slide.title)
        texts["body"] = point_paras(slide.points)
    elif isinstance(slide, model.TwoColumnsSlide):
        texts["title"] = lines(slide.title)
        for side, column in (("left", slide.left), ("right", slide.right)):
            heading = _lead(texts, has, f"{side}_heading", column.heading)
            texts[side] = heading + point_paras(column.points)
    elif isinstance(slide, model.ConcernSlide):
        texts["title"] = lines(slide.title or slide.concern)
        counter = _lead(texts, has, "counter", slide.counter, style="*")
        answer = [Para(line, bullet=False) for line in paragraphs(slide.answer)]
        points = [Para(point, 1) for point in slide.points]
        texts["answer"] = counter + answer + points
    elif isinstance(slide, model.DecisionSlide):
        texts["title"] = lines(slide.title)
        decision = [Para(line, bullet=False) for line in paragraphs(slide.decision)]
        texts["body"] = decision + [Para(item) for item in slide.items]
    elif isinstance(slide, model.QuoteSlide):
        quote = [Para(line, bullet=False) for line in paragraphs(slide.quote)]
        author = _lead(texts, has, "author", slide.author)
        role = _lead(texts, has, "role", slide.role, style="")
        texts["quote"] = quote + author + role
    elif isinstance(slide, model.ClosingSlide):
        texts["title"] = lines(slide.title)
        contact = slide.contact
        details = (
            [f"**{contact.name}**", contact.role, contact.email, contact.phone] if contact else []
        )
        paras = [Para(line, bullet=False) for line in details if line]
        if has("contact"):
            texts["text"] = lines(slide.text, bullet=False)
            texts["contact"] = paras
        else:
            texts["text"] = lines(slide.text, bullet=False) + paras
    elif kind in ("key_figures", "chart", "table", "image", "process", "cards"):
        texts["title"] = lines(getattr(slide, "title", ""))
        caption = getattr(slide, "caption", "")
        if caption and has("caption"):
            texts["caption"] = lines(caption)
    return {name: paras for name, paras in texts.items() if any(p.text.strip() for p in paras)}
