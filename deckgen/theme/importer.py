"""``deckgen theme import``: make a theme folder from an organisation's own template."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from deckgen.content.model import SLIDE_KINDS
from deckgen.errors import DeckgenError
from deckgen.theme.layouts import Guess, guess_mapping
from deckgen.theme.manifest import MANIFEST

TEMPLATE_NAME = "template.pptx"


@dataclass
class ImportReport:
    """What an import did: where the theme is, what it mapped, what it found in the template."""

    folder: Path
    guess: Guess
    slides_removed: int
    placeholders_renumbered: int
    colours: dict[str, str]
    fonts: dict[str, str]


def import_theme(source: Path, name: str, themes_folder: Path, force: bool = False) -> ImportReport:
    """Copy ``source`` into ``themes_folder/name`` as a theme, with a guessed theme.yaml."""
    from deckgen.render import oxml, package

    if not name or not name.replace("-", "").replace("_", "").isalnum():
        raise DeckgenError(f"theme name '{name}': use letters, digits, '-' and '_'")
    folder = themes_folder / name
    if folder.exists() and not force:
        raise DeckgenError(f"{folder} exists already; choose another --name or pass --force")
    presentation = package.read_template(source)
    removed = oxml.drop_slides(presentation)
    renumbered = package.give_placeholders_own_idx(presentation)
    oxml.ensure_view_props(presentation)
    layouts = package.layouts_of(presentation)
    guess = guess_mapping(layouts)
    colours, fonts = oxml.colours_and_fonts(presentation)
    if folder.exists():
        shutil.rmtree(folder)
    package.save(presentation, folder / TEMPLATE_NAME)
    report = ImportReport(folder, guess, removed, renumbered, colours, fonts)
    (folder / MANIFEST).write_text(manifest_text(name, source, report), encoding="utf-8")
    return report


def manifest_text(name: str, source: Path, report: ImportReport) -> str:
    """A commented theme.yaml for the guessed mapping, for people to adjust."""
    colours = ", ".join(f"{k} {v}" for k, v in report.colours.items() if k.startswith("accent"))
    fonts = ", ".join(f"{k}: {v}" for k, v in report.fonts.items())
    lines = [
        f"# Theme '{name}', imported by deckgen from {source.name}.",
        "# deckgen guessed which layout suits each slide kind; check the decks and adjust.",
        "# Every kind names a layout of template.pptx (by name) and which placeholder (by idx)",
        "# takes which field; `deckgen theme inspect " + name + "` lists layouts and placeholders.",
        f"# Colours of the template's theme (charts, tables, key figures use them): {colours}",
        f"# Fonts of the template's theme: {fonts}",
        f"name: {name}",
        f'description: "Imported from {source.name}"',
        f"template: {TEMPLATE_NAME}",
        "kinds:",
    ]
    for kind in SLIDE_KINDS:
        choice = report.guess.choices.get(kind)
        if choice is None:
            lines.append(f"  # {kind}: not mapped ({report.guess.unmapped.get(kind, '')})")
            continue
        inner = ", ".join(f"{k}: {v}" for k, v in choice.placeholders.items())
        lines.append(f"  {kind}:")
        if choice.fallback:
            lines.append(f"    # {choice.fallback}")
        lines.append(f'    layout: "{choice.layout}"')
        lines.append(f"    placeholders: {{{inner}}}")
    return "\n".join(lines) + "\n"


def report_lines(report: ImportReport) -> list[str]:
    """What the import tells the user, one line each."""
    lines = [f"theme written to {report.folder}"]
    if report.slides_removed:
        lines.append(f"removed {report.slides_removed} sample slide(s) from the template")
    if report.placeholders_renumbered:
        lines.append(f"gave {report.placeholders_renumbered} placeholder(s) an idx of their own")
    width = max(len(k) for k in SLIDE_KINDS)
    for kind in SLIDE_KINDS:
        choice = report.guess.choices.get(kind)
        if choice is None:
            lines.append(f"  {kind:<{width}}  not mapped: {report.guess.unmapped[kind]}")
            continue
        fields = ", ".join(f"{k}={v}" for k, v in choice.placeholders.items())
        line = f"  {kind:<{width}}  -> {choice.layout!r} ({fields})"
        if choice.fallback:
            line += f"; {choice.fallback}"
        lines.append(line)
    return lines
