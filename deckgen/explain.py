"""``deckgen explain``: slide by slide, the kind, the layout, and where every text came from."""

from __future__ import annotations

from deckgen.errors import DeckgenError
from deckgen.outline import DeckOutline
from deckgen.theme import Theme


def explain(outline: DeckOutline, theme: Theme, only: int | None = None) -> list[str]:
    """Lines describing each slide (or only slide number ``only``) and its sources."""
    if only is not None and not 1 <= only <= len(outline.slides):
        raise DeckgenError(f"slide {only} does not exist; the deck has {len(outline.slides)}")
    lines: list[str] = []
    for number, spec in enumerate(outline.slides, start=1):
        if only is not None and number != only:
            continue
        mapping = theme.mapping(spec.kind)
        layout = mapping.layout if mapping else "(no layout in this theme)"
        lines.append(
            f"slide {number}: {spec.kind}, layout '{layout}', section '{spec.section}', "
            f"from {spec.origin}"
        )
        if spec.overrides_shared:
            lines.append(f"  the department overrides the shared section '{spec.section}'")
        for source in spec.sources:
            text = " ".join(source.text.split())
            if len(text) > 60:
                text = text[:57] + "..."
            lines.append(f"  {source.key}: {text!r}  ({source.location})")
    return lines
