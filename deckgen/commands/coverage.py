"""``deckgen coverage``: which department says how much in each section, and where the gaps are."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deckgen.build.pipeline import paginate_department
from deckgen.commands.starter import starter_departments, starter_notes
from deckgen.content.model import Department
from deckgen.content.project import load_project_strict
from deckgen.content.translation import load_translation
from deckgen.typography import plain

UNTRANSLATED_SHOWN = 3  # texts named with their file:line per department and language

COLUMNS = ("benefits", "concerns", "examples", "metrics", "next_steps", "contact", "notes")
GAP_WORDS = {
    "benefits": "no benefit",
    "concerns": "no concern",
    "examples": "no example",
    "metrics": "no key figure or chart",
    "next_steps": "no next step",
    "contact": "no contact of its own",
}


@dataclass
class Row:
    """One department's counts; ``notes`` is (slides with notes, slides that want notes);
    ``translations`` is, per language of deckgen.yaml's ``translations:``, the texts its
    translation still lacks or has too much (None: the department has no translation)."""

    slug: str
    counts: dict[str, int]
    notes: tuple[int, int]
    starter: list[str] = field(default_factory=list)  # sections still holding starter text
    translations: dict[str, int | None] = field(default_factory=dict)
    untranslated: list[str] = field(default_factory=list)  # the first few, with file:line

    @property
    def gaps(self) -> list[str]:
        """What the department lacks, in words."""
        found = [GAP_WORDS[c] for c in GAP_WORDS if self.counts[c] == 0]
        missing = self.notes[1] - self.notes[0]
        if missing:
            found.append(f"{missing} slide(s) without speaker notes")
        if self.starter:
            found.append(f"starter text not replaced in: {', '.join(self.starter)}")
        for language, count in self.translations.items():
            if count:
                found.append(f"{count} text(s) not translated into {language} (or stale)")
        return found


def coverage(root: Path) -> list[Row]:
    """The coverage of every department of the project; texts still as the starter file has
    them (``deckgen new``'s "Erster Nutzen", "Vorname Nachname") count as missing."""
    project = load_project_strict(root)
    starter: dict[str, set[tuple[str, ...]]] = {}
    for data in starter_departments():  # German and English
        for column, found in _items(Department.model_validate(data)):
            starter.setdefault(column, set()).update(found)
    notes = starter_notes()

    def own_notes(lines: list[str]) -> bool:
        return any(" ".join(plain(t).split()) not in notes for t in lines if t.strip())

    rows = []
    for slug, department_file in project.departments.items():
        outline = paginate_department(project, slug)[0].outline
        talking = [spec for spec in outline.slides]  # every slide wants notes
        with_notes = sum(1 for spec in talking if own_notes([n.text for n in spec.slide.notes]))
        items = _items(department_file.department)
        counts = {
            column: len([i for i in found if i not in starter[column]]) for column, found in items
        }
        left = [column for column, found in items if any(i in starter[column] for i in found)]
        rows.append(Row(slug, counts, (with_notes, len(talking)), left))
    for language in project.settings.translations:
        translation = load_translation(root, language)
        for row in rows:
            lacking = translation.findings.get(row.slug)
            row.translations[language] = None if lacking is None else len(lacking)
            row.untranslated += [f.message for f in (lacking or [])[:UNTRANSLATED_SHOWN]]
    return rows


def _items(department: Department) -> list[tuple[str, list[tuple[str, ...]]]]:
    """The items of each column, each as the texts that tell it apart."""
    metrics = department.metrics
    contact = department.contact
    examples: list[tuple[str, ...]] = [
        (e.title, *(p.text for p in e.did[:1])) for e in department.examples
    ]
    examples += [(t.quote, t.author) for t in department.testimonials]
    measured: list[tuple[str, ...]] = []
    if metrics:
        measured += [(f.value, f.label) for f in metrics.figures]
        measured += [(c.title, *c.categories) for c in metrics.charts]
    return [
        ("benefits", [(b.title, b.text) for b in department.benefits]),
        ("concerns", [(c.concern, c.answer) for c in department.concerns]),
        ("examples", [tuple(plain(t) for t in item) for item in examples]),
        ("metrics", measured),
        ("next_steps", [(n.step, n.who) for n in department.next_steps]),
        ("contact", [(contact.name, contact.email)] if contact else []),
    ]


def table(rows: list[Row]) -> list[str]:
    """The coverage as lines of a plain-text table; a column per translation counts the texts
    not yet translated ("-": the department has no translation)."""
    width = max([len("department"), *(len(r.slug) for r in rows)])
    languages = list(rows[0].translations) if rows else []
    header = f"{'department':<{width}}  " + "  ".join(f"{c:>10}" for c in COLUMNS)
    header += "".join(f"  {language:>6}" for language in languages)
    lines = [header.rstrip()]
    for row in rows:
        cells = [f"{row.counts[c]:>10}" for c in COLUMNS[:-1]]
        cells.append(f"{row.notes[0]:>5}/{row.notes[1]:<4}")
        for language in languages:
            count = row.translations.get(language)
            cells.append(f"{'-' if count is None else count:>6}")
        lines.append(f"{row.slug:<{width}}  " + "  ".join(cells))
    return lines
