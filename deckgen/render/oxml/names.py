"""Slide names: where deckgen keeps each slide's stable key inside the deck.

The name of a slide's common data (``p:cSld/@name``) is shown nowhere and kept by PowerPoint
and python-pptx when a deck is edited and saved, so ``deckgen diff`` and ``deckgen pull`` can
tell which content a slide of an edited deck shows, wherever the presenter moved it.
"""

from __future__ import annotations

from typing import Any


def slide_name(slide: Any) -> str:
    """The name of ``slide``, "" when it has none."""
    return str(slide._element.cSld.get("name", ""))


def set_slide_name(slide: Any, name: str) -> None:
    """Name ``slide``."""
    slide._element.cSld.set("name", name)
