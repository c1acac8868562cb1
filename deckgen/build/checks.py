"""The accessibility check of a rendered deck, as warnings with file:line (see README,
"Accessible decks"): what ``build`` adds to its warnings and ``deckgen check`` prints."""

from __future__ import annotations

from deckgen.accessibility import as_warnings
from deckgen.content.model import MinimumSizes
from deckgen.errors import SourceError
from deckgen.paginate import PaginatedDeck
from deckgen.theme import Theme


def placeholder_fields(deck: PaginatedDeck, theme: Theme) -> list[dict[int, str]]:
    """For each slide, the field each placeholder idx of its layout shows."""
    fields = []
    for page in deck.pages:
        mapping = theme.mapping(page.placed_as)
        placeholders = mapping.placeholders if mapping is not None else {}
        fields.append({idx: field for field, idx in placeholders.items()})
    return fields


def accessibility_warnings(
    deck: PaginatedDeck, theme: Theme, data: bytes, sizes: MinimumSizes
) -> list[SourceError]:
    """What the written deck ``data`` lacks for readers and screen-reader users."""
    from deckgen.render.accessibility import inspect_deck

    findings = inspect_deck(data, placeholder_fields(deck, theme), sizes)
    return as_warnings(findings, deck, theme)
