"""Paginate: the step between outline and render that measures text and splits what does not fit.

Its result, :class:`PaginatedDeck`, holds the final outline: ``build``, ``list``, ``explain``,
``notes``, ``coverage`` and ``diff`` all read it, so their slide numbers are the deck's.
"""

from deckgen.paginate.fonts import ThemeFonts
from deckgen.paginate.geometry import Para, Rect, TemplateGeometry
from deckgen.paginate.pages import FitRules, Page, PaginatedDeck, effective_policy, paginate

__all__ = [
    "FitRules",
    "Page",
    "PaginatedDeck",
    "Para",
    "Rect",
    "TemplateGeometry",
    "ThemeFonts",
    "effective_policy",
    "paginate",
]
