"""``deckgen theme import``: make a theme folder from an organisation's own template.

The template is read with every master and layout, adapted (see :mod:`deckgen.render.adapt`),
a layout is chosen for every slide kind, and ``theme.yaml`` records the choice for people to
adjust. The import ends with a test build of one department on the new theme.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.content.model import SLIDE_KINDS
from deckgen.errors import DeckgenError
from deckgen.theme.layouts import Guess, LayoutInfo, guess_mapping
from deckgen.theme.manifest import MANIFEST, THEME_NAME

TEMPLATE_NAME = "template.pptx"
BLOCKED = 0.05  # a placeholder this much covered by the template's graphics is reported


@dataclass
class ImportReport:
    """What an import did: where the theme is, what it mapped, what it changed and found."""

    folder: Path
    guess: Guess
    slides_removed: int
    placeholders_renumbered: int
    colours: dict[str, str]
    fonts: dict[str, str]
    masters: int = 1
    adaptation: Any = None  # deckgen.render.adapt.Adaptation
    cleaning: Any = None  # deckgen.render.oxml.clean.Cleaned: what no deck may carry
    blocked: list[str] = field(default_factory=list)
    test_build: list[str] = field(default_factory=list)


def import_theme(
    source: Path,
    name: str,
    themes_folder: Path,
    force: bool = False,
    project_root: Path | None = None,
    check: bool = True,
) -> ImportReport:
    """Copy ``source`` into ``themes_folder/name`` as a theme, with a guessed theme.yaml, and
    (with ``check``) build one department on it."""
    from deckgen.render import adapt, oxml, package
    from deckgen.write import project_folder

    if not THEME_NAME.match(name):
        raise DeckgenError(f"theme name '{name}': use letters, digits, '-' and '_'")
    folder = themes_folder / name
    project_folder(themes_folder, project_root or themes_folder.parent)
    if folder.is_symlink():
        raise DeckgenError(f"{folder} is a link; deckgen does not write through it")
    if folder.exists() and not force:
        raise DeckgenError(f"{folder} exists already; choose another --name or pass --force")
    presentation = package.read_template(source)
    cleaning = package.template_cleaning(source)
    roles = package.sample_roles(presentation)
    removed = oxml.drop_slides(presentation)
    adaptation = adapt.prepare(presentation)
    renumbered = package.give_placeholders_own_idx(presentation)
    oxml.ensure_view_props(presentation)
    layouts = package.layouts_of(presentation, roles)
    guess = guess_mapping(layouts)
    adapt.fix_contrast(presentation, guess, adaptation)
    colours, fonts = oxml.colours_and_fonts(presentation)
    if folder.exists():
        shutil.rmtree(folder)
    package.save(presentation, folder / TEMPLATE_NAME)
    report = ImportReport(
        folder,
        guess,
        removed,
        renumbered,
        colours,
        fonts,
        masters=len(presentation.slide_masters),
        adaptation=adaptation,
        blocked=_blocked(layouts, guess),
        cleaning=cleaning,
    )
    (folder / MANIFEST).write_text(manifest_text(name, source, report), encoding="utf-8")
    if check:
        report.test_build = test_build(folder, project_root)
    return report


def test_build(folder: Path, project_root: Path | None) -> list[str]:
    """Build one department on the new theme, to show that it builds and what does not fit.

    The department is the project's first (or, outside a project, the one ``deckgen init``
    writes); the deck goes to a temporary folder. With LibreOffice, the deck is also rendered
    into ``<theme>/check/`` with a contact sheet to look at.
    """
    import tempfile

    from deckgen.build.options import BuildOptions
    from deckgen.build.pipeline import build_deck
    from deckgen.commands.starter import init_project
    from deckgen.content.paths import department_slugs
    from deckgen.content.project import load_project
    from deckgen.errors import one_line_errors

    with tempfile.TemporaryDirectory(prefix="deckgen-import-") as scratch:
        root = project_root
        if root is None or not department_slugs(root):
            root = Path(scratch) / "project"
            init_project(root)
            shutil.copytree(folder, root / "themes" / folder.name)
        slug = department_slugs(root)[0]
        try:
            project, errors = load_project(root, [slug])
            if errors:
                return [f"test build of '{slug}' not possible: the content has errors"]
            scratch_out = BuildOptions(out=Path(scratch), theme=folder.name, allow_outside=True)
            deck = build_deck(project, slug, scratch_out)  # deckgen's own scratch folder
        except DeckgenError as e:
            return [
                f"test build of '{slug}' failed: "
                + "; ".join(x.message for x in one_line_errors(e))
            ]
        lines = [f"test build: '{slug}' on the new theme, {deck.slides} slides"]
        lines += [f"  warning: {w.message}" for w in deck.warnings]
        lines += _rendered_check(deck.path, folder / "check")
    return lines


def _rendered_check(deck: Path, target: Path) -> list[str]:
    """Render the test deck with LibreOffice, when there is one, for a person to look at."""
    from deckgen.commands.pdf import soffice
    from deckgen.commands.preview import preview
    from deckgen.errors import display_path

    try:
        soffice()
        slides = preview(deck, target)
    except DeckgenError as e:
        return [f"no rendered check: {e.message}"]
    sheet = display_path(target / "contact-sheet.png")
    return [f"rendered with LibreOffice ({len(slides)} slides); look at {sheet}"]


def _blocked(layouts: list[LayoutInfo], guess: Guess) -> list[str]:
    """The placeholders of chosen layouts that the template's own graphics cover in part."""
    by_name = {layout.name: layout for layout in layouts}
    found = []
    seen: set[tuple[str, int]] = set()
    for choice in guess.choices.values():
        layout = by_name[choice.layout]
        for placeholder in layout.placeholders:
            key = (layout.name, placeholder.idx)
            if placeholder.idx in choice.placeholders.values() and key not in seen:
                seen.add(key)
                if placeholder.covered > BLOCKED:
                    found.append(
                        f"layout {layout.name!r}: {placeholder.covered:.0%} of "
                        f"{placeholder.name!r} lies on the template's graphics; "
                        "text is kept in its free part, or on a plain plate where too "
                        "little of it is free"
                    )
    return found


_YAML_ESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
"""Characters YAML reads as line breaks (NEL, LS, PS) or will not read at all."""


def _quoted(text: str) -> str:
    """A text as a YAML scalar that cannot break the file, whatever characters it holds: a JSON
    string (YAML's double-quoted style), with YAML's own line breaks escaped too."""
    return _YAML_ESCAPED.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False)
    )


def _comment(text: str) -> str:
    """A text that is safe on a comment line."""
    return " ".join(text.split())


def manifest_text(name: str, source: Path, report: ImportReport) -> str:
    """A commented theme.yaml for the guessed mapping, for people to adjust."""
    colours = ", ".join(f"{k} {v}" for k, v in report.colours.items() if k.startswith("accent"))
    fonts = ", ".join(f"{k}: {v}" for k, v in report.fonts.items())
    lines = [
        f"# Theme '{name}', imported by deckgen from {_comment(source.name)}.",
        "# deckgen chose a layout for each slide kind; check the decks and adjust.",
        "# Every kind names a layout of template.pptx (by name) and which placeholder (by idx)",
        "# takes which field; `deckgen theme inspect " + name + "` lists layouts and placeholders,",
        "# `deckgen theme map " + name + "` draws them.",
        "# Colours of the template's theme (charts, tables, key figures use them): "
        + _comment(colours),
        f"# Fonts of the template's theme: {_comment(fonts)}",
        f"name: {name}",
        f"description: {_quoted('Imported from ' + source.name)}",
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
        lines.append(f"    layout: {_quoted(choice.layout)}")
        lines.append(f"    placeholders: {{{inner}}}")
    return "\n".join(lines) + "\n"


def cleaning_lines(cleaning: Any) -> list[str]:
    """What import left out of the template because no deck may carry it."""
    if cleaning is None:
        return []
    lines = []
    if cleaning.macros:
        lines.append(
            "the template carried macros (a VBA project): imported without them, as a plain "
            "presentation template"
        )
    if cleaning.links:
        lines.append(
            f"removed {cleaning.links} link(s) to places outside the file (web addresses, "
            "file shares)"
        )
    if cleaning.objects:
        lines.append(f"removed {cleaning.objects} embedded object(s) or control(s)")
    return lines


def report_lines(report: ImportReport) -> list[str]:
    """What the import tells the user, one line each."""
    lines = [f"theme written to {report.folder}"]
    lines += cleaning_lines(report.cleaning)
    if report.slides_removed:
        lines.append(f"removed {report.slides_removed} sample slide(s) from the template")
    if report.masters > 1:
        lines.append(f"read {report.masters} slide masters and all their layouts")
    done = report.adaptation
    if done is not None:
        if done.layouts_placed:
            lines.append(
                f"placed the title and text areas of {done.layouts_placed} layout(s) where "
                "their masters have them (LibreOffice writes other positions into its layouts)"
            )
        if done.renamed:
            examples = ", ".join(repr(new) for _, new in done.renamed[:3])
            lines.append(
                f"gave {len(done.renamed)} layout(s) of other masters names of their own "
                f"({examples}, ...)"
            )
        if done.field_samples:
            lines.append(
                "removed text boxes that only hold a field's sample text, which every slide "
                f"would print: {', '.join(done.field_samples)}"
            )
        if done.styles_carried:
            lines.append(
                f"took the look of {done.styles_carried} text level(s) from the masters' "
                "sample text into their styles"
            )
        if done.bullets_added:
            lines.append(f"gave {done.bullets_added} list level(s) bullets, which had none")
        if done.accents:
            shown = ", ".join(f"{slot} {colour}" for slot, colour in done.accents.items())
            lines.append(f"the template's graphics give its colour scheme: {shown}")
        lines += done.recoloured
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
    lines += report.blocked
    lines += report.test_build
    return lines
