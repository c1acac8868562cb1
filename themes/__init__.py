"""deckgen's built-in themes, installed as the package ``deckgen.builtin_themes``."""
