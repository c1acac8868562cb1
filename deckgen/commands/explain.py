"""``deckgen explain``: slide by slide, the kind, the layout, and where every text came from."""

from __future__ import annotations

from deckgen.errors import DeckgenError
from deckgen.paginate import PaginatedDeck


def explain(deck: PaginatedDeck, only: int | None = None) -> list[str]:
    """Lines describing each slide (or only slide number ``only``) and its sources."""
    count = len(deck.pages)
    if only is not None and not 1 <= only <= count:
        raise DeckgenError(f"slide {only} does not exist; the deck has {count}")
    lines: list[str] = []
    for page in deck.pages:
        if only is not None and page.number != only:
            continue
        spec = page.spec
        lines.append(
            f"slide {page.number}: {spec.kind}, layout '{page.layout}', "
            f"section '{spec.section}', from {spec.origin}"
        )
        if spec.overrides_shared:
            lines.append(f"  the department overrides the shared section '{spec.section}'")
        for source in spec.sources:
            text = " ".join(source.text.split())
            if len(text) > 60:
                text = text[:57] + "..."
            lines.append(f"  {source.key}: {text!r}  ({source.location})")
    return lines
