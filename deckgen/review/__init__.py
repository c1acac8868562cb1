"""Review and bring back: compare decks of two revisions, and presenters' edits of a deck.

Import the submodules directly: :mod:`.keys` (stable slide keys, what each slide says),
:mod:`.compare` (slides matched by content and key, word differences).
"""
