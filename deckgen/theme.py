"""Themes: a folder with ``theme.yaml`` (the manifest) and a PowerPoint template.

The manifest maps every slide kind to a layout of the template, by name, and says which
placeholder (by idx) takes which field of the slide. Project themes (``<project>/themes/<name>/``)
come before the built-in ones shipped with deckgen.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import Field

from deckgen.content.loader import Document, load_document
from deckgen.content.model import Model
from deckgen.content.validate import validate
from deckgen.errors import ContentError, Location, SourceError, ThemeError, suggest

MANIFEST = "theme.yaml"
BUILTIN_THEMES = Path(str(resources.files("deckgen.builtin_themes")))


class KindMapping(Model):
    """Which layout a slide kind uses and which placeholder idx takes which field."""

    layout: str
    placeholders: dict[str, int] = Field(default_factory=dict)


class ThemeManifest(Model):
    """theme.yaml."""

    name: str = ""
    description: str = ""
    template: str = "template.pptx"
    kinds: dict[str, KindMapping] = Field(default={})


@dataclass(frozen=True)
class Theme:
    """A loaded theme: its manifest, where it came from and its template file."""

    name: str
    folder: Path
    template: Path
    manifest: ThemeManifest
    document: Document

    def mapping(self, kind: str) -> KindMapping | None:
        """The layout mapping of a slide kind, if the theme has one."""
        return self.manifest.kinds.get(kind)

    def location(self, *path: str | int) -> Location:
        """Where a key of theme.yaml is."""
        return self.document.location(tuple(path))


def theme_folders(project_root: Path | None) -> list[Path]:
    """The folders themes are looked up in, first match wins."""
    folders = []
    if project_root is not None:
        folders.append(project_root / "themes")
    if BUILTIN_THEMES not in folders:
        folders.append(BUILTIN_THEMES)
    return folders


def theme_names(project_root: Path | None) -> list[str]:
    """Every theme name that can be used in this project."""
    names: set[str] = set()
    for folder in theme_folders(project_root):
        if folder.is_dir():
            names.update(p.parent.name for p in folder.glob(f"*/{MANIFEST}"))
    return sorted(names)


def load_theme(name: str, project_root: Path | None, used_at: Location | None = None) -> Theme:
    """The theme called ``name``; ThemeError (at ``used_at``) if there is none."""
    for folder in theme_folders(project_root):
        manifest_path = folder / name / MANIFEST
        if manifest_path.is_file():
            return _load(name, manifest_path)
    known = theme_names(project_root)
    hint = suggest(name, known) or f"; available: {', '.join(known)}"
    raise ThemeError(used_at, f"unknown theme '{name}'{hint}", key="theme" if used_at else "")


def _load(name: str, manifest_path: Path) -> Theme:
    document = load_document(manifest_path)
    manifest, errors = validate(document, ThemeManifest)
    if manifest is None:
        raise ContentError(errors)
    template = manifest_path.parent / manifest.template
    if not template.is_file():
        raise ThemeError(
            document.location(("template",)),
            f"template file '{manifest.template}' not found next to {MANIFEST}",
            key="template",
        )
    return Theme(name, manifest_path.parent, template, manifest, document)


def theme_error(theme: Theme, path: tuple[str | int, ...], what: str) -> SourceError:
    """An error at a key of a theme's manifest."""
    from deckgen.content.loader import dotted

    return ThemeError(theme.location(*path), what, key=dotted(path))
