"""Themes: manifests and their inheritance, the guess of a layout mapping, and import.

:mod:`deckgen.theme.manifest` loads a theme (used by every build); :mod:`.layouts` guesses
which layout suits each slide kind; :mod:`.importer` makes a theme from a template.
"""

from deckgen.theme.manifest import (
    BUILTIN_THEMES,
    MANIFEST,
    Theme,
    ThemeManifest,
    load_theme,
    theme_error,
    theme_names,
)

__all__ = [
    "BUILTIN_THEMES",
    "MANIFEST",
    "Theme",
    "ThemeManifest",
    "load_theme",
    "theme_error",
    "theme_names",
]
