"""``deckgen theme map``: a deck that shows every layout of a theme's template, labelled."""

from __future__ import annotations

from pathlib import Path

from deckgen.theme import Theme


def fields_by_layout(theme: Theme) -> dict[str, dict[str, int]]:
    """Per layout name, the fields the theme puts in it: ``{"bullets.body": 1, ...}``."""
    found: dict[str, dict[str, int]] = {}
    for kind, mapping in theme.manifest.kinds.items():
        fields = found.setdefault(mapping.layout, {})
        for field, idx in mapping.placeholders.items():
            fields[f"{kind}.{field}"] = idx
    return found


def write_map(template: Path, theme: Theme | None, target: Path) -> Path:
    """Write the map of ``template`` (as ``theme`` uses it, if given) to ``target``."""
    from deckgen.render.template_map import template_map
    from deckgen.write import write_atomic, zip_package

    uses = fields_by_layout(theme) if theme is not None else {}
    members = template_map(template, uses)
    import datetime as dt

    write_atomic(target, zip_package(members, dt.datetime(2000, 1, 1)))
    return target
