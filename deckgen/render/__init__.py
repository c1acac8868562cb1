"""The render layer: the only code that speaks python-pptx and raw OOXML.

Public face: :func:`template_geometry` (what a theme's template offers, for pagination),
:func:`render_deck` (a paginated deck as .pptx bytes), and the readers of PowerPoint files that
the theme tools and ``deckgen diff`` use.
"""

from deckgen.render.deck import DeckInfo, render_deck
from deckgen.render.template import template_geometry

__all__ = ["DeckInfo", "render_deck", "template_geometry"]
