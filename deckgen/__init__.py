"""deckgen: one tailored, editable PowerPoint deck per department."""

__version__ = "0.1.0"
