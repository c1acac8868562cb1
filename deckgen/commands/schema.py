"""JSON Schemas for editors, made from the same models that validate the content.

A YAML language server reads them through the ``# yaml-language-server: $schema=...`` line at
the top of a file and offers completion and a description for every key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from deckgen.content.model import Department, Settings, Shared
from deckgen.locale import WORDS
from deckgen.theme import ThemeManifest

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "settings.schema.json": Settings,
    "shared.schema.json": Shared,
    "department.schema.json": Department,
    "theme.schema.json": ThemeManifest,
}

# What each key means, for the people who edit the files (German words where they help).
DESCRIPTIONS: dict[str, str] = {
    # deckgen.yaml
    "Settings.organisation": "The organisation the decks speak for (Organisation).",
    "Settings.title": "Title of every deck, on the title slide (Titel).",
    "Settings.subtitle": "Subtitle of the title slide; may use {{ department.name }}, {{ date }}.",
    "Settings.theme": "Theme of every deck: modern, agency, dark or a folder in themes/.",
    "Settings.locale": "Language and region of built-in words, dates and numbers (Sprache): de, "
    "de-AT, de-CH, en (British dates), en-GB, en-US, fr, fr-CH, ...",
    "Settings.translations": "Other languages the decks are also built in (Übersetzungen), each "
    "from overlay files such as content/departments/sales.en.yaml: en, fr, ...",
    "Settings.words": "Your own text instead of a built-in word on slides, by its name, e.g. "
    'questions: "Ihre Fragen?" (eigene Wörter).',
    "Settings.output": "Folder the decks are written to, relative to deckgen.yaml.",
    "Settings.date": "Date shown as {{ date }}, e.g. 2026-12-01 (default: today).",
    "Settings.variables": "Your own texts, used as {{ vars.<name> }} (Variablen).",
    "Settings.fit": "Text that does not fit its box: split (lists go on on a copy of the slide, "
    "other text shrinks), shrink, warn or error.",
    "Settings.outline": "Sections every deck has, in order (Gliederung).",
    "Organisation.name": "Full name, the deck's author (Name der Organisation).",
    "Organisation.short_name": "Short name, in every footer (Kurzname).",
    "Organisation.website": "Website, as {{ organisation.website }}.",
    "OutlineEntry.section": "A built-in section (title, agenda, benefits, concerns, examples, "
    "metrics, next_steps, contact) or a section of content/shared.yaml.",
    "OutlineEntry.title": "Title of the section in the agenda and on its header slide.",
    "OutlineEntry.header": "true: open the section with a section slide (Abschnittsfolie).",
    "OutlineEntry.notes": "Speaker notes of the section's header slide, or of the agenda.",
    "Settings.duration": "Minutes a talk may take; the build warns about a longer one (Dauer).",
    "Settings.words_per_minute": "How fast speaker notes are read, for timing (default 130).",
    "Settings.accessibility": "What `deckgen check` and every build hold decks to "
    "(Barrierefreiheit): min_size.",
    "Accessibility.min_size": "Smallest text in points, by part of the slide: title, body, "
    "detail, footer.",
    "MinimumSizes.title": "Smallest size of slide titles (default 24).",
    "MinimumSizes.body": "Smallest size of a slide's main text: bullets, columns, answers, "
    "quotes, subtitles (default 18).",
    "MinimumSizes.detail": "Smallest size of text in tables, charts, cards, key figures, process "
    "steps, captions, counters and contacts (default 12).",
    "MinimumSizes.footer": "Smallest size of footers and slide numbers (default 10).",
    "Department.duration": "Minutes this talk may take (instead of deckgen.yaml's duration).",
    "Department.ask": "What the department is asked to decide: a slide before the closing.",
    "Ask.decision": "The decision asked for, in one sentence (Entscheidung).",
    "Ask.budget": "The money it takes, e.g. 12.000 € im Jahr (Budget).",
    "Ask.people": "The people it takes, e.g. zwei Vollzeitstellen (Personal).",
    "Ask.when": "By when the decision is needed (bis wann).",
    "Concern.points": "Up to three short points under the answer (Punkte).",
    "Concern.backup": "true: a hidden slide at the end, linked from the overview (Reserve).",
    "ConcernSlide.points": "Up to three short points under the answer (Punkte).",
    "ConcernSlide.counter": "The counter over the headline, e.g. Bedenken 2/4 (set by deckgen).",
    "Figure.target": "The goal; the value is then today's and the slide shows value -> target.",
    "Figure.better": "Whether more (higher) or less (lower) is better (default higher).",
    "CardsSlide.cards": "2 to 6 cards: title, text and an optional figure (Karten).",
    "Card.title": "The card's headline (Titel).",
    "Card.text": "A short text under it (Text).",
    "Card.figure": "A key figure on the card (Kennzahl).",
    "DecisionSlide.decision": "The decision asked for (Entscheidung).",
    "DecisionSlide.items": "What it takes: budget, people, by when (Punkte).",
    # shared.yaml
    "Shared.sections": "Sections every department hears, by name (gemeinsame Abschnitte).",
    "Shared.contact": "Contact used when a department names none (Ansprechperson).",
    "Section.title": "Title of the section in the agenda and on its header slide.",
    "Section.subtitle": "Subtitle on the section's header slide.",
    "Section.slides": "The slides of the section; each has a kind (Folienart).",
    # department
    "Department.name": "Name of the department, e.g. Vertrieb; {{ department.name }}.",
    "Department.audience": "Who sits in the room (Zielgruppe); the deck's subject.",
    "Department.subtitle": "Subtitle of this deck's title slide.",
    "Department.presenter": "Who presents (Vortragende/r); {{ department.presenter }}.",
    "Department.theme": "Theme of this department's deck.",
    "Department.notes": "Speaker notes of the title slide: the opening words.",
    "Department.benefits": "What the department gains (Nutzen).",
    "Department.concerns": "Its concerns and our answers (Bedenken und Antworten).",
    "Department.examples": "Best-practice examples (Praxisbeispiele).",
    "Department.testimonials": "Voices of people who already work this way (Stimmen).",
    "Department.metrics": "How success is measured: key figures and charts (Kennzahlen).",
    "Department.next_steps": "What happens next, who does it, by when (Nächste Schritte).",
    "Department.contact": "Who to ask; the closing slide (Kontakt).",
    "Department.add": "Extra slides before or after a section of the outline.",
    "Department.override": "Replace a shared section for this department, by its name.",
    "Department.skip": "Sections of the outline this deck leaves out.",
    "Benefit.title": "The benefit in a few words.",
    "Benefit.text": "One sentence explaining it.",
    "Benefit.figure": "A key figure that shows it: value and label.",
    "Concern.concern": "The concern as the department would say it (Bedenken).",
    "Concern.answer": "Our answer, taking the concern seriously (Antwort).",
    "Example.title": "Who did it, and what.",
    "Example.did": "What they do (list).",
    "Example.results": "What it brought them (list).",
    "Example.source": "Where the example comes from; added to the speaker notes.",
    "Testimonial.quote": "The quote (Zitat).",
    "Testimonial.author": "Who said it.",
    "Testimonial.role": "The person's role and organisation.",
    "Metrics.title": "Title of the key-figures slide.",
    "Metrics.figures": "One to four key figures (Kennzahlen).",
    "Metrics.charts": "Native, editable charts (Diagramme).",
    "NextStep.step": "What to do (Schritt).",
    "NextStep.who": "Who does it (Wer).",
    "NextStep.when": "By when (Bis wann).",
    "Insertion.after": "Put the slides after this section of the outline.",
    "Insertion.before": "Put the slides before this section of the outline.",
    "Insertion.slides": "The slides to add; each has a kind (Folienart).",
    "Contact.name": "Name of the contact person.",
    "Contact.role": "Role or team.",
    "Contact.email": "E-mail address.",
    "Contact.phone": "Phone number (Telefon).",
    "Figure.value": "The number as shown, e.g. +25 % or 1.200 (Wert).",
    "Figure.label": "What the number means (Beschriftung).",
    "Series.name": "Name of the data series, shown in the legend.",
    "Series.values": "Numbers, one per category; decimals with a point: 12.5.",
    "Point.text": "The bullet point.",
    "Point.points": "Second-level points under it.",
    "Column.heading": "Heading of the column.",
    "Column.points": "Bullet points of the column.",
    "ProcessStep.title": "The step in a word or two, e.g. Freigabe (Schritt).",
    "ProcessStep.text": "What happens in this step, in a sentence.",
    "ProcessStep.owner": "Who does it (Wer); a step whose owner is the department's name, e.g. "
    "{{ department.name }}, is highlighted as the department's own.",
    # theme.yaml
    "ThemeManifest.name": "Name of the theme.",
    "ThemeManifest.description": "What the theme looks like, for `deckgen theme list`.",
    "ThemeManifest.extends": "Another theme whose template and mapping this one reuses.",
    "ThemeManifest.template": "The .pptx file next to theme.yaml (default: template.pptx).",
    "ThemeManifest.colors": "Colours to put into the template's theme (RRGGBB): dk1, lt1, dk2, "
    "lt2, accent1 to accent6, hlink, folHlink.",
    "ThemeManifest.fonts": "Fonts to put into the template's theme.",
    "ThemeManifest.logo": "A picture on every slide, e.g. the logo.",
    "ThemeManifest.kinds": "For each slide kind: the layout (by name) and which placeholder "
    "(by idx) takes which field.",
    "ThemeManifest.fit": "This theme's policy for text that does not fit: split, shrink, warn or "
    "error (default: fit: of deckgen.yaml).",
    "ThemeManifest.min_font_size": "Text shrinks down to this size in points, not smaller.",
    "KindMapping.layout": "Name of the layout in the template.",
    "KindMapping.placeholders": "Field -> placeholder idx, e.g. {title: 0, body: 1}.",
    "Fonts.major": "Font of headings.",
    "Fonts.minor": "Font of body text.",
    "Logo.image": "Picture file next to theme.yaml.",
    "Logo.position": "Corner: top-right, top-left, bottom-right or bottom-left.",
    "Logo.width_cm": "Width of the logo in centimetres.",
}

# keys that mean the same on every slide kind and in every section
COMMON: dict[str, str] = {
    "kind": "Slide kind (Folienart): title, agenda, section, bullets, two_columns, concerns, "
    "key_figures, chart, table, process, quote, image or closing.",
    "notes": "Speaker notes (Sprechernotizen): a text, where lines starting with '- ' are list "
    "items, or a list.",
    "title": "Title (Titel).",
    "subtitle": "Subtitle (Untertitel).",
    "points": "Bullet points: a text, or {text, points} for a second level.",
    "caption": "A line under the chart, picture or process (Bildunterschrift).",
    "chart": "The chart: type, categories, series, number_format.",
    "type": "column, bar, line or pie.",
    "categories": "Labels along the axis, or the slices of a pie.",
    "series": "The data series: name and values.",
    "number_format": "Excel number format of the values, e.g. 0, 0.0, 0%, #,##0.",
    "columns": "Column headings of the table.",
    "rows": "Rows of the table, each a list of cells.",
    "quote": "The quote (Zitat).",
    "author": "Who said it.",
    "role": "The person's role.",
    "image": "Picture file, relative to deckgen.yaml, e.g. content/images/team.png.",
    "text": "Text.",
    "contact": "Contact: name, role, email, phone.",
    "left": "Left column: heading and points.",
    "right": "Right column: heading and points.",
    "figures": "Key figures, each a value and a label.",
    "steps": "Two to six steps of a process, left to right: title, text, owner (Schritte).",
    "items": "Made by deckgen from the outline; leave it out.",
    "fit": "This slide's policy for text that does not fit: split, shrink, warn or error.",
    "concern": "The concern as the department would say it.",
    "answer": "Our answer.",
    "alt": "What the chart, picture or diagram shows, for people who cannot see it "
    "(Alternativtext); a sentence, not a file name.",
}


DESCRIPTIONS.update(
    {
        f"Words.{name}": f"Instead of '{WORDS['de'][name]}' (de) or '{WORDS['en'][name]}' (en)."
        for name in WORDS["en"]
    }
)


def schema_for(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one file kind, with a description on every key."""
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _describe(schema, model.__name__)
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, name)
    _accept_numbers_as_text(schema)
    return schema


def _describe(definition: dict[str, Any], model_name: str) -> None:
    for key, prop in definition.get("properties", {}).items():
        text = DESCRIPTIONS.get(f"{model_name}.{key}") or COMMON.get(key)
        if text:
            prop["description"] = text
        prop.pop("title", None)


def _accept_numbers_as_text(node: Any) -> None:
    """Texts may be written as plain numbers in YAML (value: 500); deckgen reads them as text."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"enum", "pattern", "format", "const"} & set(node):
            node["type"] = ["string", "number"]
        for value in node.values():
            _accept_numbers_as_text(value)
    elif isinstance(node, list):
        for value in node:
            _accept_numbers_as_text(value)


TRANSLATION_SCHEMAS = {
    "settings.translation.schema.json": "settings.schema.json",
    "shared.translation.schema.json": "shared.schema.json",
    "department.translation.schema.json": "department.schema.json",
}
"""Schemas of translation overlays (deckgen.en.yaml, shared.en.yaml, sales.en.yaml), by the
schema of the file they translate."""


def translation_schema(name: str) -> dict[str, Any]:
    """The schema of an overlay: its original's, with nothing required (it gives only texts)."""
    schema = schema_for(SCHEMA_FILES[TRANSLATION_SCHEMAS[name]])
    _optional(schema)
    schema["description"] = "Only the texts of the original, translated, in the same places."
    return schema


def _optional(node: Any) -> None:
    if isinstance(node, dict):
        for key in ("required", "minItems", "minLength"):
            node.pop(key, None)
        for value in node.values():
            _optional(value)
    elif isinstance(node, list):
        for value in node:
            _optional(value)


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema (and those of translations) into ``folder``; return the files."""
    from deckgen.write import write_atomic

    written = []
    schemas = {name: schema_for(model) for name, model in SCHEMA_FILES.items()}
    schemas.update({name: translation_schema(name) for name in TRANSLATION_SCHEMAS})
    for name, schema in schemas.items():
        path = folder / name
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        write_atomic(path, text.encode("utf-8"))  # a link in the file's place is replaced
        written.append(path)
    return written


def undescribed(schema: dict[str, Any]) -> list[str]:
    """Keys of a schema that have no description (a test keeps this empty)."""
    missing = []
    for name, definition in [("", schema), *schema.get("$defs", {}).items()]:
        for key, prop in definition.get("properties", {}).items():
            if "description" not in prop:
                missing.append(f"{name}.{key}")
    return missing
