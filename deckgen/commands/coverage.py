"""``deckgen coverage``: which department says how much in each section, and where the gaps are."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deckgen.build.pipeline import paginate_department
from deckgen.content.project import load_project_strict
from deckgen.content.translation import load_translation

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
    translations: dict[str, int | None] = field(default_factory=dict)
    untranslated: list[str] = field(default_factory=list)  # the first few, with file:line

    @property
    def gaps(self) -> list[str]:
        """What the department lacks, in words."""
        found = [GAP_WORDS[c] for c in GAP_WORDS if self.counts[c] == 0]
        missing = self.notes[1] - self.notes[0]
        if missing:
            found.append(f"{missing} slide(s) without speaker notes")
        for language, count in self.translations.items():
            if count:
                found.append(f"{count} text(s) not translated into {language} (or stale)")
        return found


def coverage(root: Path) -> list[Row]:
    """The coverage of every department of the project."""
    project = load_project_strict(root)
    rows = []
    for slug, department_file in project.departments.items():
        department = department_file.department
        metrics = department.metrics
        outline = paginate_department(project, slug)[0].outline
        talking = [spec for spec in outline.slides]  # every slide wants notes
        with_notes = sum(1 for spec in talking if spec.slide.notes)
        counts = {
            "benefits": len(department.benefits),
            "concerns": len(department.concerns),
            "examples": len(department.examples) + len(department.testimonials),
            "metrics": (len(metrics.figures) + len(metrics.charts)) if metrics else 0,
            "next_steps": len(department.next_steps),
            "contact": 1 if department.contact else 0,
        }
        rows.append(Row(slug, counts, (with_notes, len(talking))))
    for language in project.settings.translations:
        translation = load_translation(root, language)
        for row in rows:
            found = translation.findings.get(row.slug)
            row.translations[language] = None if found is None else len(found)
            row.untranslated += [f.message for f in (found or [])[:UNTRANSLATED_SHOWN]]
    return rows


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
