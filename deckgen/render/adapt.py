"""Adapt a template on import, so that decks made on it look as its designer meant.

- Layouts of different masters that share a name get names of their own.
- Text boxes that hold only a field's sample text (``<date/time>``, which LibreOffice leaves on
  the masters of some templates it converts) go: every slide would print them.
- The look that a template keeps only in its sample text goes into list styles, and body text
  gets bullets where nothing in the template says how lists look.
- A colour scheme that the template's own graphics do not use (LibreOffice's templates carry
  Office's default scheme) takes the graphics' colours, so charts and cards match them.
- Text that would not read on its background gets a colour of the scheme that does.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field
from typing import Any

from deckgen.paginate.geometry import Rect
from deckgen.render import oxml
from deckgen.render.oxml import styles
from deckgen.render.oxml.graphics import layout_marks, master_marks, palette_of, text_colour
from deckgen.render.oxml.text import type_name
from deckgen.render.package import all_layouts, rect_of, unique_layout_names
from deckgen.theme.colours import contrast, luminance, modified, needed_contrast, rgb
from deckgen.theme.graphics import GraphicsMap, Mark
from deckgen.theme.layouts import BODY_TYPES, TITLE_TYPES, Guess

ACCENTS = [f"accent{n}" for n in range(1, 7)]
DEFAULT_SCHEMES = (  # schemes templates carry when nobody chose colours (LibreOffice: Office 2007)
    ("4F81BD", "C0504D", "9BBB59", "8064A2", "4BACC6", "F79646"),
    ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"),
    ("156082", "E97132", "196B24", "0F9ED5", "A02B93", "4EA72E"),
)
SAME_COLOUR = 0.08  # colours closer than this (RGB distance, 0-1.7) count as one


@dataclass
class Adaptation:
    """What import changed in a template, for its report."""

    layouts_placed: int = 0  # layouts whose placeholders now follow their master
    renamed: list[tuple[str, str]] = field(default_factory=list)
    styles_carried: int = 0
    bullets_added: int = 0
    accents: dict[str, str] = field(default_factory=dict)  # slot -> new colour
    recoloured: list[str] = field(default_factory=list)  # "layout 'X', title: tx1 for contrast"
    field_samples: list[str] = field(default_factory=list)  # "master 2: '<date/time>'"


def prepare(presentation: Any) -> Adaptation:
    """The changes that do not depend on the mapping: names, styles, bullets, colours."""
    done = Adaptation()
    libreoffice = "libreoffice" in oxml.application(presentation).lower()
    if libreoffice:
        done.layouts_placed = _follow_masters(presentation)
    done.renamed = unique_layout_names(presentation)
    done.field_samples = oxml.drop_field_samples(presentation)
    done.styles_carried = styles.carry_sample_styles(presentation, layouts=not libreoffice)
    done.bullets_added = styles.add_missing_bullets(presentation)
    done.accents = _accents_from_graphics(presentation)
    if done.accents:
        oxml.restyle_theme(presentation, done.accents, "", "")
    return done


def _follow_masters(presentation: Any) -> int:
    """Place the title and text areas of each layout where its master has them.

    LibreOffice writes every layout with one set of positions, often another master's; its
    masters hold the positions the designer drew. A layout's single text area takes the
    master's text area, two side by side share it.
    """
    placed = 0
    for master in presentation.slide_masters:
        title = next((p for p in master.placeholders if type_name(p) in TITLE_TYPES), None)
        body = next((p for p in master.placeholders if type_name(p) == "BODY"), None)
        if title is None or body is None:
            continue
        title_rect, body_rect = rect_of(title), rect_of(body)
        for layout in master.slide_layouts:
            moves: list[tuple[Any, Rect]] = []
            texts = []
            for placeholder in layout.placeholders:
                kind = type_name(placeholder)
                if kind in TITLE_TYPES:
                    moves.append((placeholder, title_rect))
                elif kind in BODY_TYPES | {"SUBTITLE"} and not oxml.is_vertical(placeholder):
                    texts.append(placeholder)
            texts.sort(key=lambda p: int(p.left or 0))
            if len(texts) == 1:
                moves.append((texts[0], body_rect))
            elif len(texts) == 2 and _beside(rect_of(texts[0]), rect_of(texts[1])):
                gap = body_rect.width // 25
                half = (body_rect.width - gap) // 2
                moves.append(
                    (texts[0], Rect(body_rect.left, body_rect.top, half, body_rect.height))
                )
                moves.append(
                    (
                        texts[1],
                        Rect(body_rect.left + half + gap, body_rect.top, half, body_rect.height),
                    )
                )
            changed = [(p, r) for p, r in moves if rect_of(p) != r]
            for placeholder, rect in changed:
                placeholder.left, placeholder.top = rect.left, rect.top
                placeholder.width, placeholder.height = rect.width, rect.height
            placed += bool(changed)
    return placed


def _beside(one: Rect, other: Rect) -> bool:
    return (
        one.right <= other.left + other.width // 10 and abs(one.top - other.top) < one.height // 2
    )


def fix_contrast(presentation: Any, guess: Guess, done: Adaptation) -> None:
    """Give the text placeholders the mapping uses a readable colour where theirs is not."""
    layouts = {layout.name: layout for layout in all_layouts(presentation)}
    width, height = int(presentation.slide_width), int(presentation.slide_height)
    seen: set[tuple[str, int]] = set()
    for choice in guess.choices.values():
        layout = layouts.get(choice.layout)
        if layout is None:
            continue
        palette = palette_of(layout)
        graphics = GraphicsMap(width, height, layout_marks(layout, palette))
        by_idx = {p.placeholder_format.idx: p for p in layout.placeholders}
        for field_name, idx in choice.placeholders.items():
            placeholder = by_idx.get(idx)
            if placeholder is None or (choice.layout, idx) in seen or field_name in _DRAWN:
                continue
            seen.add((choice.layout, idx))
            behind = graphics.background_of(rect_of(placeholder), palette.background)
            first = styles.merged_levels(placeholder)[0]
            colour = text_colour(first, palette) or palette.colour("tx1")
            if contrast(colour, behind) >= needed_contrast(styles.level_size(first)):
                continue
            slot = palette.readable(behind)
            styles.set_text_colour(placeholder, slot)
            done.recoloured.append(
                f"layout '{choice.layout}', {placeholder.name}: text in {slot} "
                f"(#{colour} on #{behind} was {contrast(colour, behind):.1f}:1)"
            )


_DRAWN = {"figures", "chart", "table", "image"}


def _accents_from_graphics(presentation: Any) -> dict[str, str]:
    """A colour scheme from the masters' graphics, when the template carries a default scheme
    whose accents appear nowhere in them (else nothing): accents by the area each colour
    covers, then shades of them; the second background a light tint of the first accent, the
    second text the darkest."""
    colours, _ = oxml.colours_and_fonts(presentation)
    weights: dict[str, float] = {}
    for master in presentation.slide_masters:
        palette = palette_of(master.slide_layouts[0]) if len(master.slide_layouts) else None
        if palette is None:
            continue
        for mark in master_marks(master, palette):
            if mark.fill and _coloured(mark.fill):
                weights[mark.fill] = weights.get(mark.fill, 0.0) + _area(mark)
    found = _distinct(sorted(weights, key=lambda c: -weights[c]))
    accents = [colours.get(slot, "") for slot in ACCENTS]
    if tuple(accents) not in DEFAULT_SCHEMES:
        return {}  # a designer chose these colours
    if not found or any(_near(a, v) for a in accents if a for v in found):
        return {}
    vivid = [c for c in found if _vivid(c)] or found
    chosen = [*vivid, *(c for c in found if c not in vivid)]
    for colour in vivid:
        chosen += [
            modified(colour, [("lumMod", 75000)]),
            modified(colour, [("lumMod", 60000), ("lumOff", 40000)]),
            modified(colour, [("lumMod", 50000)]),
        ]
    scheme = dict(zip(ACCENTS, _distinct(chosen)[:6], strict=False))
    scheme["lt2"] = modified(vivid[0], [("tint", 15000)])
    darkest = min(found, key=luminance)
    if luminance(darkest) < 0.1:
        scheme["dk2"] = darkest
    return scheme


def _coloured(colour: str) -> bool:
    """Not white, black or grey: a colour of the design."""
    _, light, saturation = colorsys.rgb_to_hls(*rgb(colour))
    return saturation > 0.12 and 0.06 < light < 0.95


def _vivid(colour: str) -> bool:
    _, light, saturation = colorsys.rgb_to_hls(*rgb(colour))
    return saturation > 0.3 and 0.15 < light < 0.85


def _near(one: str, other: str) -> bool:
    distance = sum((a - b) ** 2 for a, b in zip(rgb(one), rgb(other), strict=True)) ** 0.5
    return bool(distance < SAME_COLOUR)


def _distinct(colours: list[str]) -> list[str]:
    kept: list[str] = []
    for colour in colours:
        if not any(_near(colour, k) for k in kept):
            kept.append(colour)
    return kept


def _area(mark: Mark) -> float:
    points = mark.outline
    return abs(
        sum(
            points[i][0] * points[(i + 1) % len(points)][1]
            - points[(i + 1) % len(points)][0] * points[i][1]
            for i in range(len(points))
        )
        / 2
    )
