"""Turn one resolved department into the ordered list of slides its deck shows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from pydantic import BaseModel

from deckgen.content.loader import Document, KeyPath, dotted
from deckgen.content.model import (
    AgendaSlide,
    BulletsSlide,
    Card,
    CardsSlide,
    ChartSlide,
    ClosingSlide,
    Column,
    ConcernSlide,
    Contact,
    DecisionSlide,
    KeyFiguresSlide,
    NextStep,
    NoteLine,
    Notes,
    OutlineEntry,
    Point,
    ProcessSlide,
    QuoteSlide,
    Section,
    SectionSlide,
    Slide,
    TableSlide,
    TitleSlide,
    TwoColumnsSlide,
)
from deckgen.content.resolve import ResolvedDepartment
from deckgen.errors import Location
from deckgen.locale import words
from deckgen.talk import talk_minutes
from deckgen.typography import quoted, typeset_slide

BENEFITS_PER_SLIDE = 4
CARDS_PER_SLIDE = 6
CARD_TEXT = 70  # characters a card's text may have; a longer one goes to the notes
KEY_FIGURES_PER_SLIDE = 4
NEXT_STEPS_PER_SLIDE = 6

T = TypeVar("T")


@dataclass(frozen=True)
class TextSource:
    """One text of a slide and the place in the content it came from."""

    key: str
    text: str
    location: Location


@dataclass(frozen=True)
class SlideSpec:
    """One slide to render: what it shows, its outline section, and where it came from."""

    slide: Slide
    section: str
    origin: Location
    sources: tuple[TextSource, ...] = ()
    overrides_shared: bool = False
    item_notes: tuple[Notes, ...] = ()  # the notes of each point or row, last in the notes
    own_steps: tuple[int, ...] = ()  # the steps of a process slide that are the department's
    key: str = ""  # names the slide for links from other slides, e.g. "concerns[2]"
    links: tuple[str, ...] = ()  # the slide each point links to, by key
    hidden: bool = False  # a backup slide: in the deck, not shown in the talk

    @property
    def kind(self) -> str:
        """The slide kind, e.g. ``bullets``."""
        return self.slide.kind


@dataclass(frozen=True)
class DeckOutline:
    """The slides of one deck, in order, and the sections they fall into."""

    slug: str
    title: str
    slides: list[SlideSpec]
    sections: list[tuple[str, str]]  # (section id, title) in order, each with at least one slide


def build_outline(resolved: ResolvedDepartment) -> DeckOutline:
    """The slides of one department's deck."""
    return _OutlineBuilder(resolved).build()


def _chunks(items: Sequence[T], size: int) -> list[list[T]]:
    """Split into evenly filled groups of at most ``size``: 7 in fours gives 4 + 3."""
    if not items:
        return []
    return even_groups(items, -(-len(items) // size))


def even_groups(items: Sequence[T], count: int) -> list[list[T]]:
    """``items`` in ``count`` groups whose sizes differ by one at most, larger ones first."""
    base, extra = divmod(len(items), count)
    groups, start = [], 0
    for index in range(count):
        end = start + base + (1 if index < extra else 0)
        groups.append(list(items[start:end]))
        start = end
    return groups


def continued_title(title: str, index: int, word: str) -> str:
    """The title of part ``index`` (0 is the first) of a slide that goes on over several."""
    if index == 0:
        return title
    return f"{title} ({word})" if index == 1 else f"{title} ({word} {index})"


class _OutlineBuilder:
    def __init__(self, resolved: ResolvedDepartment) -> None:
        self.r = resolved
        self.locale = resolved.settings.locale
        self.words = words(self.locale, resolved.settings.words.model_dump())
        self.department = resolved.department
        self.backup: list[SlideSpec] = []  # hidden slides, after the closing
        self.extra_backup: set[int] = set()  # concerns moved to the backup for time

    def word(self, key: str) -> str:
        return self.words[key]

    def at(self, document: Document | None, path: KeyPath) -> Location:
        document = document or self.r.department_document
        return document.location(path)

    def dept(self, *path: str | int) -> Location:
        return self.r.department_document.location(tuple(path))

    def build(self) -> DeckOutline:
        """The outline; when the talk would take longer than its ``duration``, concerns from
        the last on go to hidden backup slides (two stay in the talk)."""
        outline = self.assemble()
        minutes = self.department.duration or self.r.settings.duration
        if not minutes:
            return outline
        wpm = self.r.settings.words_per_minute
        shown = [i for i, c in enumerate(self.department.concerns) if not c.backup]
        while talk_minutes(outline, wpm) > minutes and len(shown) > 2:
            self.extra_backup.add(shown.pop())
            outline = self.assemble()
        return outline

    def assemble(self) -> DeckOutline:
        """The slides of the sections of the outline, in order, then the backup slides."""
        self.backup = []
        skipped = set(self.department.skip)
        entries = [e for e in self.r.settings.outline if e.section not in skipped]
        slides: list[SlideSpec] = []
        sections: list[tuple[str, str]] = []
        agenda_at: int | None = None
        for entry in entries:
            title = self.section_title(entry)
            section_slides = [
                *self.inserted(entry.section, "before"),
                *self.section_slides(entry, title),
                *self.inserted(entry.section, "after"),
            ]
            if entry.section == "agenda":
                agenda_at = len(slides) + next(
                    (i for i, spec in enumerate(section_slides) if spec.kind == "agenda"), 0
                )
            if entry.header and section_slides and entry.section not in ("title", "agenda"):
                section_slides.insert(0, self.header(entry, title))
            elif section_slides:
                section_slides[0] = self.with_section_notes(entry, section_slides[0])
            if section_slides:
                slides.extend(section_slides)
                sections.append((entry.section, title))
        if self.backup:
            slides.extend(replace(spec, section="backup") for spec in self.backup)
            sections.append(("backup", self.word("backup")))
        if agenda_at is not None:
            items = [t for s, t in sections if s not in ("title", "agenda", "backup")]
            spec = slides[agenda_at]
            agenda = AgendaSlide(
                kind="agenda",
                title=self.word("agenda"),
                items=items,
                notes=list(spec.slide.notes),
            )
            slides[agenda_at] = replace(spec, slide=agenda)
        slides = [self.with_own_steps(spec) for spec in slides]
        typeset = [
            replace(s, slide=typeset_slide(self.quoted(s.slide), self.locale)) for s in slides
        ]
        return DeckOutline(self.r.slug, self.r.settings.title, typeset, sections)

    def quoted(self, slide: Slide) -> Slide:
        """A quote slide's quote in the quotation marks of the deck's language."""
        if isinstance(slide, QuoteSlide):
            return slide.model_copy(update={"quote": quoted(slide.quote, self.locale)})
        return slide

    def with_own_steps(self, spec: SlideSpec) -> SlideSpec:
        """A process slide knows which of its steps the department takes, and says so there."""
        slide = spec.slide
        if not isinstance(slide, ProcessSlide):
            return spec
        name = _comparable(self.department.name)
        own = tuple(i for i, step in enumerate(slide.steps) if _comparable(step.owner) == name)
        if not own or not name:
            return spec
        marker = self.word("own_step")
        steps = [
            step.model_copy(update={"owner": f"{step.owner} · {marker}"}) if i in own else step
            for i, step in enumerate(slide.steps)
        ]
        return replace(spec, slide=slide.model_copy(update={"steps": steps}), own_steps=own)

    def section_title(self, entry: OutlineEntry) -> str:
        if entry.title:
            return entry.title
        override = self.department.override.get(entry.section)
        if override is not None and override.title:
            return override.title
        shared = self.r.shared.sections.get(entry.section)
        if shared is not None:
            return shared.title or entry.section
        if entry.section == "title":
            return self.r.settings.title
        return self.word(entry.section)

    def header(self, entry: OutlineEntry, title: str) -> SlideSpec:
        section = self.department.override.get(entry.section) or self.r.shared.sections.get(
            entry.section
        )
        subtitle = section.subtitle if section else ""
        notes = list(section.notes) if section and section.notes else list(entry.notes)
        origin = self.r.settings_document.location(("outline",))
        return SlideSpec(
            SectionSlide(kind="section", title=title, subtitle=subtitle, notes=notes),
            entry.section,
            origin,
        )

    def with_section_notes(self, entry: OutlineEntry, first: SlideSpec) -> SlideSpec:
        """Without a header slide, a section's own notes lead the notes of its first slide."""
        section = self.department.override.get(entry.section) or self.r.shared.sections.get(
            entry.section
        )
        if section is None or not section.notes:
            return first
        slide = first.slide.model_copy(update={"notes": [*section.notes, *first.slide.notes]})
        return replace(first, slide=slide)

    def inserted(self, section: str, place: str) -> list[SlideSpec]:
        specs = []
        for index, insertion in enumerate(self.department.add):
            if getattr(insertion, place) == section:
                for number, slide in enumerate(insertion.slides):
                    path = ("add", index, "slides", number)
                    specs.append(
                        SlideSpec(
                            slide, section, self.dept(*path), self.from_department(slide, path)
                        )
                    )
        return specs

    def section_slides(self, entry: OutlineEntry, title: str) -> list[SlideSpec]:
        name = entry.section
        if name in self.department.override:
            own = self.written(
                self.department.override[name], name, None, ("override", name, "slides")
            )
            shared = name in self.r.shared.sections
            return [replace(spec, overrides_shared=shared) for spec in own]
        if name in self.r.shared.sections:
            return self.written(
                self.r.shared.sections[name],
                name,
                self.r.shared_document,
                ("sections", name, "slides"),
            )
        make = getattr(self, f"_{name}")
        specs: list[SlideSpec] = make(title)
        return specs

    def written(
        self, section: Section, name: str, document: Document | None, path: KeyPath
    ) -> list[SlideSpec]:
        document = document or self.r.department_document
        return [
            SlideSpec(
                slide,
                name,
                document.location((*path, index)),
                tuple(texts_of(slide, document, (*path, index))),
            )
            for index, slide in enumerate(section.slides)
        ]

    def from_department(self, value: Any, path: KeyPath) -> tuple[TextSource, ...]:
        """The texts of a part of the department file, with their places."""
        return tuple(texts_of(value, self.r.department_document, path))

    # -- sections made from the department's own keys --------------------------------------------

    def _title(self, title: str) -> list[SlideSpec]:
        settings = self.r.settings
        subtitle = self.department.subtitle or settings.subtitle or self.department.name
        slide = TitleSlide(
            kind="title", title=title, subtitle=subtitle, notes=list(self.department.notes)
        )
        sources = [
            *texts_of(settings.title, self.r.settings_document, ("title",)),
            *(
                self.from_department(self.department.subtitle, ("subtitle",))
                if self.department.subtitle
                else texts_of(settings.subtitle, self.r.settings_document, ("subtitle",))
            ),
            *self.from_department(self.department.notes, ("notes",)),
        ]
        return [SlideSpec(slide, "title", self.dept("name"), tuple(sources))]

    def _agenda(self, title: str) -> list[SlideSpec]:
        origin = self.r.settings_document.location(("outline",))
        entry = next(e for e in self.r.settings.outline if e.section == "agenda")
        agenda = AgendaSlide(kind="agenda", title=title, notes=list(entry.notes))
        return [SlideSpec(agenda, "agenda", origin)]

    def _benefits(self, title: str) -> list[SlideSpec]:
        """The benefits as cards, up to six to a slide (2x2, 3+2, 3+3), each with its figure;
        a text too long for a card goes to the notes."""
        benefits = self.department.benefits
        specs = []
        cards_title = self.word("benefits_cards")
        for number, group in enumerate(_chunks(list(enumerate(benefits)), CARDS_PER_SLIDE)):
            cards = []
            item_notes: list[Notes] = []
            for _, benefit in group:
                short, cut = _card_text(benefit.text)
                cards.append(Card(title=benefit.title, text=short, figure=benefit.figure))
                told = [NoteLine(text=benefit.text)] if cut else []
                item_notes.append(_titled_notes(benefit.title, [*told, *benefit.notes], len(group)))
            notes: Notes = [line for lines in item_notes for line in lines]
            slide = CardsSlide(
                kind="cards", title=self.continued(cards_title, number), cards=cards, notes=notes
            )
            sources = [t for k, b in group for t in self.from_department(b, ("benefits", k))]
            specs.append(
                SlideSpec(
                    slide,
                    "benefits",
                    self.dept("benefits", group[0][0]),
                    tuple(sources),
                    item_notes=tuple(item_notes),
                )
            )
        return specs

    def _concerns(self, title: str) -> list[SlideSpec]:
        """An overview of the department's concerns, each linked to its answer, then a slide
        per concern: the concern as the headline, in quotation marks, and a counter."""
        concerns = self.department.concerns
        in_backup = {i for i, c in enumerate(concerns) if c.backup} | self.extra_backup
        shown = [(i, c) for i, c in enumerate(concerns) if i not in in_backup]
        backup = [(i, c) for i, c in enumerate(concerns) if i in in_backup]
        specs = []
        if len(concerns) > 1:
            points = [Point(text=quoted(c.concern, self.locale)) for c in concerns]
            overview = BulletsSlide(
                kind="bullets",
                title=title,
                points=points,
                notes=[NoteLine(text=self.word("concerns_overview_notes"))],
            )
            specs.append(
                SlideSpec(
                    overview,
                    "concerns",
                    self.dept("concerns"),
                    self.from_department([c.concern for c in concerns], ("concerns",)),
                    key="concerns",
                    links=tuple(f"concerns[{i + 1}]" for i in range(len(concerns))),
                )
            )
        for order, (index, concern) in enumerate([*shown, *backup], start=1):
            counter = f"{self.word('concern')} {order}/{len(concerns)}"
            slide = ConcernSlide(
                kind="concerns",
                title=quoted(concern.concern, self.locale),
                concern=concern.concern,
                answer=concern.answer,
                points=list(concern.points),
                counter=counter,
                notes=list(concern.notes),
            )
            spec = SlideSpec(
                slide,
                "concerns",
                self.dept("concerns", index),
                self.from_department(concern, ("concerns", index)),
                key=f"concerns[{index + 1}]",
                hidden=index in in_backup,
            )
            (self.backup if index in in_backup else specs).append(spec)
        return specs

    def _examples(self, title: str) -> list[SlideSpec]:
        specs = []
        for index, example in enumerate(self.department.examples):
            notes = list(example.notes)
            slide = TwoColumnsSlide(
                kind="two_columns",
                title=example.title,
                left=Column(heading=self.word("did"), points=example.did),
                right=Column(heading=self.word("results"), points=example.results),
                notes=[*notes, NoteLine(text=example.source)] if example.source else notes,
            )
            specs.append(
                SlideSpec(
                    slide,
                    "examples",
                    self.dept("examples", index),
                    self.from_department(example, ("examples", index)),
                )
            )
        for index, testimonial in enumerate(self.department.testimonials):
            quote = QuoteSlide(
                kind="quote",
                quote=testimonial.quote,
                author=testimonial.author,
                role=testimonial.role,
                notes=list(testimonial.notes),
            )
            specs.append(
                SlideSpec(
                    quote,
                    "examples",
                    self.dept("testimonials", index),
                    self.from_department(testimonial, ("testimonials", index)),
                )
            )
        return specs

    def _metrics(self, title: str) -> list[SlideSpec]:
        metrics = self.department.metrics
        if metrics is None:
            return []
        specs = []
        if metrics.figures:
            slide = KeyFiguresSlide(
                kind="key_figures",
                title=metrics.title or title,
                figures=list(metrics.figures),
                notes=list(metrics.notes),
            )
            sources = self.from_department(metrics.figures, ("metrics", "figures"))
            specs.append(SlideSpec(slide, "metrics", self.dept("metrics", "figures"), sources))
        for index, chart in enumerate(metrics.charts):
            data = chart.model_dump(include={"type", "categories", "series", "number_format"})
            chart_slide = ChartSlide.model_validate(
                {
                    "kind": "chart",
                    "title": chart.title,
                    "chart": data,
                    "caption": chart.caption,
                    "alt": chart.alt,
                    "notes": list(chart.notes),
                }
            )
            path = ("metrics", "charts", index)
            specs.append(
                SlideSpec(
                    chart_slide, "metrics", self.dept(*path), self.from_department(chart, path)
                )
            )
        return specs

    def _next_steps(self, title: str) -> list[SlideSpec]:
        steps = self.department.next_steps
        if not steps:
            return []
        specs = []
        with_who = any(s.who for s in steps)
        with_when = any(s.when for s in steps)
        for number, group in enumerate(_chunks(list(enumerate(steps)), NEXT_STEPS_PER_SLIDE)):
            item_notes = [_titled_notes(step.step, step.notes, len(group)) for _, step in group]
            notes = [line for lines in item_notes for line in lines]
            slide: Slide
            if with_who or with_when:
                columns = [self.word("step")]
                columns += [self.word("who")] if with_who else []
                columns += [self.word("when")] if with_when else []
                rows = [
                    [s.step, *([s.who] if with_who else []), *([s.when] if with_when else [])]
                    for _, s in group
                ]
                slide = TableSlide(
                    kind="table",
                    title=self.continued(title, number),
                    columns=columns,
                    rows=rows,
                    notes=notes,
                )
            else:
                slide = BulletsSlide(
                    kind="bullets",
                    title=self.continued(title, number),
                    points=[Point(text=s.step) for _, s in group],
                    notes=notes,
                )
            sources = [t for k, st in group for t in self.from_department(st, ("next_steps", k))]
            specs.append(
                SlideSpec(
                    slide,
                    "next_steps",
                    self.dept("next_steps", group[0][0]),
                    tuple(sources),
                    item_notes=tuple(item_notes),
                )
            )
        return specs

    def _contact(self, title: str) -> list[SlideSpec]:
        """The department's ask (a decision slide), then the closing slide: questions, the
        department's own next step and the contact."""
        specs = []
        ask = self.department.ask
        if ask is not None:
            items = [
                f"**{self.word(key)}:** {value}"
                for key, value in (
                    ("budget", ask.budget),
                    ("people", ask.people),
                    ("by_when", ask.when),
                )
                if value
            ]
            decision = DecisionSlide(
                kind="decision",
                title=self.word("ask"),
                decision=ask.decision,
                items=items,
                notes=list(ask.notes),
            )
            specs.append(
                SlideSpec(
                    decision, "contact", self.dept("ask"), self.from_department(ask, ("ask",))
                )
            )
        contact: Contact | None = self.department.contact or self.r.shared.contact
        origin = (
            self.dept("contact")
            if self.department.contact
            else self.at(self.r.shared_document, ("contact",))
        )
        step = self.own_next_step()
        text = title
        if step is not None:
            text = f"{self.word('your_next_step')}: {step.step}"
            if step.when:
                text += f" ({self.word('by')} {step.when})"
        slide = ClosingSlide(
            kind="closing",
            title=self.word("questions"),
            text=text,
            contact=contact,
            notes=list(contact.notes) if contact else [],
        )
        document = self.r.department_document if self.department.contact else self.r.shared_document
        sources = texts_of(contact, document, ("contact",)) if document and contact else []
        specs.append(SlideSpec(slide, "contact", origin, tuple(sources)))
        return specs

    def own_next_step(self) -> NextStep | None:
        """The first next step that the department itself takes (its name in ``who``)."""
        name = self.department.name.strip().lower()
        for step in self.department.next_steps:
            if name and name in step.who.lower():
                return step
        return None

    def continued(self, title: str, number: int) -> str:
        """The title of the ``number``-th slide of a split list (0 is the first)."""
        return continued_title(title, number, self.word("continued"))


def texts_of(value: Any, document: Document, path: KeyPath) -> list[TextSource]:
    """Every text in ``value`` (a content model, list or text) with its place in ``document``."""
    if isinstance(value, str):
        return [TextSource(dotted(path), value, document.location(path))] if value else []
    if isinstance(value, list):
        if value and all(isinstance(v, NoteLine) for v in value):
            text = " / ".join(v.text for v in value)
            return [TextSource(dotted(path), text, document.location(path))]
        return [s for i, v in enumerate(value) for s in texts_of(v, document, (*path, i))]
    if isinstance(value, BaseModel):
        found = []
        names = [n for n in type(value).model_fields if n not in ("kind", "notes")]
        for name in [*names, "notes"] if "notes" in type(value).model_fields else names:
            if name != "kind":
                found += texts_of(getattr(value, name), document, (*path, name))
        return found
    return []


def _comparable(name: str) -> str:
    """A name as compared with another: case and spaces do not count."""
    return "".join(name.split()).casefold()


def _card_text(text: str) -> tuple[str, bool]:
    """The text a card shows, and whether it had to be cut: its first sentence, if short."""
    flat = " ".join(text.split())
    if len(flat) <= CARD_TEXT:
        return flat, False
    first = re.split(r"(?<=[.!?;–—])\s", flat, maxsplit=1)[0]
    if len(first) <= CARD_TEXT and first != flat:
        return first, True
    return "", True


def _titled_notes(title: str, notes: Notes, siblings: int) -> Notes:
    """Notes of one item on a slide of several, led by the item's title for the presenter."""
    if not notes:
        return []
    if siblings == 1:
        return list(notes)
    return [NoteLine(text=f"**{title.strip('*')}**"), *notes]
