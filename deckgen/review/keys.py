"""Stable slide keys and what each slide says, read off the final outline.

A slide's key says where its content comes from, not where it stands: its outline section, its
kind and the item of the content its first text comes from (``concerns/concerns/concerns[2]``),
with ``#2``, ``#3`` for the slides a long list goes on on. Keys survive slides being inserted
before them in other sections, so decks of two revisions, or a deck and the edited copy of it,
are matched by key and content instead of by position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from deckgen.content import model
from deckgen.markup import plain
from deckgen.outline import SlideSpec
from deckgen.paginate import Page, PaginatedDeck

_ITEM = re.compile(r"^(.*?\[\d+\])")

Line = tuple[str, str]
"""One line a slide says: the field it is in (``answer``, ``notes``, ...) and its text."""


@dataclass(frozen=True)
class SlideRecord:
    """What one slide says, for comparing: its key, number, title and labelled lines."""

    key: str
    number: int
    title: str
    lines: tuple[Line, ...]

    @property
    def section(self) -> str:
        """The outline section of the slide ("" for a slide of a deck without keys)."""
        return self.key.split("/", 1)[0] if "/" in self.key else ""

    @property
    def family(self) -> str:
        """Section and kind: slides of one family can stand for each other."""
        return "/".join(self.key.split("/")[:2]) if "/" in self.key else ""

    @property
    def item(self) -> str:
        """The content item the slide shows, as the user reads it: ``concerns[2]``."""
        return self.key.split("/", 2)[-1] if self.key else ""

    def text(self) -> str:
        """Everything the slide says, as one text (for measuring how alike slides are)."""
        return "\n".join([self.title, *(text for _, text in self.lines)])


def item_of(source_key: str) -> str:
    """The content item a text belongs to: ``concerns[2].answer`` -> ``concerns[2]``."""
    found = _ITEM.match(source_key)
    return found.group(1) if found else source_key.split(".", 1)[0]


def slide_keys(specs: Sequence[SlideSpec]) -> list[str]:
    """The stable key of each slide, in order; repeats get ``#2``, ``#3``."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for spec in specs:
        item = spec.key or (item_of(spec.sources[0].key) if spec.sources else spec.kind)
        base = f"{spec.section}/{spec.kind}/{item}"
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return keys


def deck_records(deck: PaginatedDeck) -> list[SlideRecord]:
    """What every slide of a paginated deck says, keyed."""
    keys = slide_keys([page.spec for page in deck.pages])
    return [
        SlideRecord(key, page.number, _title(page), tuple(page_lines(page)))
        for key, page in zip(keys, deck.pages, strict=True)
    ]


def _title(page: Page) -> str:
    return " ".join(plain(para.text) for para in page.texts.get("title", []))


def page_lines(page: Page) -> list[Line]:
    """The lines of a page other than its title: texts by field, drawn things, notes."""
    slide = page.spec.slide
    counter = getattr(slide, "counter", None)  # "Bedenken 2/4": numbering, like slide numbers
    lines: list[Line] = [
        (field, plain(para.text))
        for field, paras in page.texts.items()
        if field not in ("title", "counter")
        for para in paras
        if not counter or plain(para.text).strip("*") != counter
    ]
    if isinstance(slide, model.KeyFiguresSlide):
        lines += [("figures", f"{f.value} {f.label}") for f in slide.figures]
    elif isinstance(slide, model.TableSlide):
        lines += [("table", " | ".join(row)) for row in [slide.columns, *slide.rows]]
    elif isinstance(slide, model.ChartSlide):
        lines.append(("chart", ", ".join(slide.chart.categories)))
        lines += [
            ("chart", f"{s.name}: {', '.join(f'{v:g}' for v in s.values)}")
            for s in slide.chart.series
        ]
    elif isinstance(slide, model.ImageSlide):
        lines.append(("image", slide.image))
    elif isinstance(slide, model.CardsSlide):
        for card in slide.cards:
            if card.figure is not None:
                lines.append(("card", f"{card.figure.value} {plain(card.figure.label)}"))
            lines.append(("card", plain(f"{card.title}: {card.text}" if card.text else card.title)))
    elif isinstance(slide, model.ProcessSlide):
        for step in slide.steps:
            owner = f" ({plain(step.owner)})" if step.owner else ""
            lines.append(("step", plain(f"{step.title}: {step.text}") + owner))
    lines += [("caption", plain(para.text)) for para in page.caption]
    lines += [("notes", plain(line.text)) for line in slide.notes]
    return lines
