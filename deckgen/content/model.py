"""The typed schema of a content repo: deckgen.yaml, shared.yaml and the department files.

Every model forbids unknown keys, so that a typo is reported instead of silently dropped.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, FiniteFloat

from deckgen.locale import check_locale

BUILTIN_SECTIONS = (
    "title",
    "agenda",
    "benefits",
    "concerns",
    "examples",
    "metrics",
    "next_steps",
    "contact",
)
"""Sections that deckgen makes from a department's own keys; all others come from shared.yaml."""


class Model(BaseModel):
    """Base of every content model: no unknown keys, numbers accepted where text is asked."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


def _point(value: Any) -> Any:
    """A bullet point may be plain text or ``{text: ..., points: [...]}``."""
    return {"text": value} if isinstance(value, str) else value


class NoteLine(Model):
    """One paragraph of speaker notes: a line of text, or an item of a list (two levels)."""

    text: str
    bullet: bool = False
    level: int = 0


def _note_lines(value: Any) -> Any:
    """Speaker notes as lines: a text (its "- " lines are list items) or a YAML list."""
    if isinstance(value, str):
        return _lines_of_text(value)
    if not isinstance(value, list):
        return value
    lines: list[Any] = []
    for item in value:
        if isinstance(item, str):
            lines.append({"text": item, "bullet": True})
        elif isinstance(item, list) and all(isinstance(sub, str) for sub in item):
            lines.extend({"text": sub, "bullet": True, "level": 1} for sub in item)
        else:
            lines.append(item)  # a NoteLine made by deckgen, or a mistake the model reports
    return lines


def _lines_of_text(text: str) -> list[dict[str, Any]]:
    """Paragraphs and list items of a notes text, Markdown-like.

    A blank line ends a paragraph; a line starting with "- " starts a list item (indented: a
    second-level item); any other line continues the paragraph or item before it.
    """
    lines: list[dict[str, Any]] = []
    open_line: dict[str, Any] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            open_line = None
        elif stripped[:2] in ("- ", "* ") and not stripped.startswith("**"):
            level = 1 if len(line) - len(line.lstrip()) >= 2 else 0
            open_line = {"text": stripped[2:].strip(), "bullet": True, "level": level}
            lines.append(open_line)
        elif open_line is not None:
            open_line["text"] += " " + stripped
        else:
            open_line = {"text": stripped}
            lines.append(open_line)
    return lines


Notes = Annotated[
    list[NoteLine],
    BeforeValidator(_note_lines, json_schema_input_type=str | list[str | list[str]]),
]
"""Speaker notes: a text (lines starting with "- " are list items) or a list of texts."""


class Point(Model):
    """A bullet point with optional sub-points (second level)."""

    text: str
    points: list[str] = []


PointList = list[Annotated[Point, BeforeValidator(_point, json_schema_input_type=str | Point)]]


class Figure(Model):
    """A key figure: a big value and what it means; with a target, the value is today's and
    the slide shows "today -> goal"."""

    value: str
    label: str
    target: str = ""
    better: Literal["higher", "lower"] = "higher"


class Series(Model):
    """One data series of a chart."""

    name: str
    values: list[FiniteFloat]  # no NaN or infinity: a chart cannot show them


ChartType = Literal["column", "bar", "line", "pie"]


class ChartData(Model):
    """The data of a native chart."""

    type: ChartType = "column"
    categories: list[str] = Field(min_length=1)
    series: list[Series] = Field(min_length=1)
    number_format: str = "General"


class Column(Model):
    """One column of a two-column slide."""

    heading: str = ""
    points: PointList = []


class Contact(Model):
    """Who to ask."""

    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    notes: Notes = []


# -- slide kinds a content file may write out ----------------------------------------------------


FitPolicy = Literal["split", "shrink", "warn", "error"]
"""What to do with text that does not fit its box (see README, "Text that fits")."""


class _Slide(Model):
    notes: Notes = []
    fit: FitPolicy | None = None


class TitleSlide(_Slide):
    """The opening slide."""

    kind: Literal["title"]
    title: str
    subtitle: str = ""


class AgendaSlide(_Slide):
    """The agenda, made from the outline's sections."""

    kind: Literal["agenda"]
    title: str = ""
    items: list[str] = []


class SectionSlide(_Slide):
    """A section header."""

    kind: Literal["section"]
    title: str
    subtitle: str = ""


class BulletsSlide(_Slide):
    """A title and up to two levels of bullet points."""

    kind: Literal["bullets"]
    title: str
    points: PointList = Field(min_length=1)


class TwoColumnsSlide(_Slide):
    """Two columns side by side, for example before and after."""

    kind: Literal["two_columns"]
    title: str
    left: Column
    right: Column


class ConcernSlide(_Slide):
    """One concern and our answer: the concern as the headline, a short answer, up to three
    points."""

    kind: Literal["concerns"]
    title: str = ""
    concern: str
    answer: str
    points: list[str] = Field(default=[], max_length=3)
    counter: str = ""  # "Bedenken 2/4", set by deckgen for the department's concerns


class Card(Model):
    """One card of a cards slide: a title, a short text and optionally a key figure."""

    title: str
    text: str = ""
    figure: Figure | None = None


class CardsSlide(_Slide):
    """Two to six cards side by side (2x2, 3+2, ...), each with an optional key figure."""

    kind: Literal["cards"]
    title: str
    cards: list[Card] = Field(min_length=1, max_length=6)


class DecisionSlide(_Slide):
    """What the department is asked to decide, and what it takes."""

    kind: Literal["decision"]
    title: str
    decision: str
    items: list[str] = []


class KeyFiguresSlide(_Slide):
    """Two to four big numbers with labels."""

    kind: Literal["key_figures"]
    title: str
    figures: list[Figure] = Field(min_length=1, max_length=4)


class ChartSlide(_Slide):
    """A native, editable chart."""

    kind: Literal["chart"]
    title: str
    chart: ChartData
    caption: str = ""
    alt: str = ""  # what the chart shows, for screen readers


class TableSlide(_Slide):
    """A table with a header row."""

    kind: Literal["table"]
    title: str
    columns: list[str] = Field(min_length=1)
    rows: list[list[str]] = Field(min_length=1)


class ProcessStep(Model):
    """One step of a process: what happens and who does it."""

    title: str
    text: str = ""
    owner: str = ""


class ProcessSlide(_Slide):
    """Two to six steps from left to right, drawn as native shapes joined by arrows.

    A step whose ``owner`` is the department's name is the department's own and stands out.
    """

    kind: Literal["process"]
    title: str
    steps: list[ProcessStep] = Field(min_length=2, max_length=6)
    caption: str = ""
    alt: str = ""  # what the diagram shows as a whole, for screen readers


class QuoteSlide(_Slide):
    """A quote or testimonial."""

    kind: Literal["quote"]
    quote: str
    author: str
    role: str = ""


class ImageSlide(_Slide):
    """A picture with a caption."""

    kind: Literal["image"]
    title: str
    image: str
    caption: str = ""
    alt: str = ""  # what the picture shows, for screen readers


class ClosingSlide(_Slide):
    """The last slide: questions and contact."""

    kind: Literal["closing"]
    title: str = ""
    text: str = ""
    contact: Contact | None = None


Slide = Annotated[
    TitleSlide
    | AgendaSlide
    | SectionSlide
    | BulletsSlide
    | TwoColumnsSlide
    | ConcernSlide
    | KeyFiguresSlide
    | ChartSlide
    | TableSlide
    | ProcessSlide
    | QuoteSlide
    | ImageSlide
    | ClosingSlide
    | CardsSlide
    | DecisionSlide,
    Field(discriminator="kind"),
]

SLIDE_KINDS = (
    "title",
    "agenda",
    "section",
    "bullets",
    "two_columns",
    "concerns",
    "key_figures",
    "chart",
    "table",
    "process",
    "quote",
    "image",
    "closing",
    "cards",
    "decision",
)


# -- deckgen.yaml ---------------------------------------------------------------------------------


class Organisation(Model):
    """The organisation the decks speak for."""

    name: str
    short_name: str = ""
    website: str = ""


class OutlineEntry(Model):
    """One section of the outline, with its title and whether it opens with a header slide."""

    section: str
    title: str = ""
    header: bool = False
    notes: Notes = []  # speaker notes of its header slide (or of the agenda)


def _outline_entry(value: Any) -> Any:
    return {"section": value} if isinstance(value, str) else value


class Words(Model):
    """The built-in words on slides, each replaced by deckgen.yaml's text where it gives one
    (``words: {questions: "Ihre Fragen?"}``); the names are those of :data:`deckgen.locale.WORDS`.
    """

    agenda: str | None = None
    benefits: str | None = None
    benefits_in_figures: str | None = None
    concerns: str | None = None
    concern: str | None = None
    examples: str | None = None
    did: str | None = None
    results: str | None = None
    metrics: str | None = None
    next_steps: str | None = None
    step: str | None = None
    who: str | None = None
    when: str | None = None
    own_step: str | None = None
    contact: str | None = None
    questions: str | None = None
    continued: str | None = None
    continued_from: str | None = None
    no_notes: str | None = None
    benefits_cards: str | None = None
    concerns_overview_notes: str | None = None
    ask: str | None = None
    budget: str | None = None
    people: str | None = None
    by_when: str | None = None
    your_next_step: str | None = None
    by: str | None = None
    backup: str | None = None
    today_goal: str | None = None
    less_is_better: str | None = None
    minutes: str | None = None


Locale = Annotated[str, AfterValidator(check_locale)]
"""A BCP 47 locale Babel knows, with built-in words for its language: de, de-AT, en-US, fr."""


class MinimumSizes(Model):
    """The smallest text (points) an accessible deck shows, by the part of the slide it is in."""

    title: float = Field(default=24, ge=4, le=100)
    body: float = Field(default=18, ge=4, le=100)
    detail: float = Field(default=12, ge=4, le=100)
    footer: float = Field(default=10, ge=4, le=100)


class Accessibility(Model):
    """What ``deckgen check`` (and every build) holds a deck to, beyond WCAG's fixed rules."""

    min_size: MinimumSizes = MinimumSizes()


class Settings(Model):
    """deckgen.yaml: what every deck of the project shares."""

    organisation: Organisation
    title: str
    subtitle: str = ""
    theme: str = "modern"
    locale: Locale = "de"
    translations: list[Locale] = []  # other languages the decks are given in (overlay files)
    words: Words = Words()
    output: str = "build"
    date: dt.date | None = None
    fit: FitPolicy = "split"
    duration: int | None = Field(default=None, ge=1, le=600)  # minutes every talk may take
    words_per_minute: int = Field(default=130, ge=40, le=300)
    accessibility: Accessibility = Accessibility()
    variables: dict[str, str] = {}
    outline: list[
        Annotated[
            OutlineEntry,
            BeforeValidator(_outline_entry, json_schema_input_type=str | OutlineEntry),
        ]
    ] = Field(min_length=1)


# -- content/shared.yaml --------------------------------------------------------------------------


class Section(Model):
    """A section written out slide by slide (shared, or a department's override)."""

    title: str = ""
    subtitle: str = ""
    notes: Notes = []
    slides: list[Slide] = Field(min_length=1)


class Shared(Model):
    """content/shared.yaml: what every department hears."""

    sections: dict[str, Section] = {}
    contact: Contact | None = None


# -- content/departments/<slug>.yaml --------------------------------------------------------------


class Benefit(Model):
    """What the department gains."""

    title: str
    text: str = ""
    figure: Figure | None = None
    notes: Notes = []


class Concern(Model):
    """A worry the department has, and our answer: a short answer and up to three points."""

    concern: str
    answer: str
    points: list[str] = Field(default=[], max_length=3)
    backup: bool = False  # a hidden slide at the end, linked from the overview
    notes: Notes = []


class Ask(Model):
    """What the department is asked to decide: the decision, and what it takes."""

    decision: str
    budget: str = ""
    people: str = ""
    when: str = ""
    notes: Notes = []


class Example(Model):
    """A best-practice example: what others did and what it brought them."""

    title: str
    did: PointList = Field(min_length=1)
    results: PointList = Field(min_length=1)
    source: str = ""
    notes: Notes = []


class Testimonial(Model):
    """A voice from someone who already works this way."""

    quote: str
    author: str
    role: str = ""
    notes: Notes = []


class Chart(ChartData):
    """A chart of the department's metrics."""

    title: str
    caption: str = ""
    alt: str = ""
    notes: Notes = []


class Metrics(Model):
    """How success is measured: key figures and charts."""

    title: str = ""
    figures: list[Figure] = Field(default=[], max_length=4)
    charts: list[Chart] = []
    notes: Notes = []


class NextStep(Model):
    """One thing to do next, with who and by when."""

    step: str
    who: str = ""
    when: str = ""
    notes: Notes = []


def _next_step(value: Any) -> Any:
    return {"step": value} if isinstance(value, str) else value


class Insertion(Model):
    """Slides a department adds before or after a section of the outline."""

    after: str = ""
    before: str = ""
    slides: list[Slide] = Field(min_length=1)


class Department(Model):
    """One department file: who hears the deck and what it hears."""

    name: str
    audience: str
    subtitle: str = ""
    presenter: str = ""
    theme: str = ""
    duration: int | None = Field(default=None, ge=1, le=600)  # minutes this talk may take
    notes: Notes = []
    benefits: list[Benefit] = []
    concerns: list[Concern] = []
    examples: list[Example] = []
    testimonials: list[Testimonial] = []
    metrics: Metrics | None = None
    next_steps: list[
        Annotated[NextStep, BeforeValidator(_next_step, json_schema_input_type=str | NextStep)]
    ] = []
    ask: Ask | None = None
    contact: Contact | None = None
    add: list[Insertion] = []
    override: dict[str, Section] = {}
    skip: list[str] = []
