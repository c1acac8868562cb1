"""The same decks as pandoc Markdown, made from the JSON of deck_json.py (for make bench).

One `# title` per slide (pandoc is run with --slide-level=1), the placeholders' paragraphs as
bullets (or a plain paragraph when a placeholder holds one), text shapes as bullets, tables as
pipe tables, charts as a table of their data (pandoc draws no charts), pictures as images and
the notes as `::: notes`. Footers and slide numbers are left to pandoc.
"""

from __future__ import annotations

import re
from typing import Any

TITLES = {"TITLE", "CENTER_TITLE"}
LEFT_OUT = {"FOOTER", "SLIDE_NUMBER", "DATE"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+\-.!|$@^~:\"'])")


def escape(text: str) -> str:
    """Text as literal Markdown: punctuation escaped, line breaks as spaces."""
    return _SPECIAL.sub(r"\\\1", text.replace("\v", " ").replace("\n", " ")).strip()


def paragraphs(entries: list[list[Any]]) -> list[str]:
    """Paragraphs as bullet lines (indented by level), or one plain paragraph."""
    entries = [(level, text) for level, text in entries if text.strip()]
    if len(entries) == 1 and entries[0][0] == 0:
        return [escape(entries[0][1]), ""]
    lines = [f"{'  ' * level}- {escape(text)}" for level, text in entries]
    return [*lines, ""] if lines else []


def pipe_table(rows: list[list[str]]) -> list[str]:
    """A pipe table; the first row is the header."""
    width = max(len(row) for row in rows)
    cells = [[escape(cell) or " " for cell in row] + [" "] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return [*lines, ""]


def chart_table(spec: dict[str, Any]) -> list[str]:
    """A chart's data as a table: categories across, one row per series."""
    rows = [["", *spec["categories"]]]
    for series in spec["series"]:
        values = ["" if v is None else f"{v:g}" for v in series["values"]]
        rows.append([series["name"] or "", *values])
    return pipe_table(rows)


def shape_lines(spec: dict[str, Any]) -> list[str]:
    """Markdown lines for a shape that is not a placeholder."""
    if spec["kind"] == "table":
        return pipe_table(spec["rows"])
    if spec["kind"] == "chart":
        return chart_table(spec)
    if spec["kind"] == "picture":
        return [f"![]({spec['image']})", ""]
    return paragraphs(spec["paragraphs"])


def slide_markdown(slide: dict[str, Any]) -> str:
    """One slide: heading, body, notes."""
    title = " ".join(
        text
        for p in slide["placeholders"]
        if p["type"] in TITLES or p["idx"] == 0
        for _, text in p["paragraphs"]
    )
    lines = [f"# {escape(title)}".rstrip(), ""]
    for p in slide["placeholders"]:
        if p["type"] not in TITLES and p["idx"] != 0 and p["type"] not in LEFT_OUT:
            lines += paragraphs(p["paragraphs"])
    for shape in slide["shapes"]:
        lines += shape_lines(shape)
    if slide["notes"]:
        notes = [escape(line) for line in slide["notes"].splitlines() if line.strip()]
        lines += ["::: notes", "\n\n".join(notes), ":::", ""]
    return "\n".join(lines)


def deck_markdown(deck: dict[str, Any]) -> str:
    """The whole deck as one pandoc Markdown document."""
    return "\n".join(slide_markdown(slide) for slide in deck["slides"])
