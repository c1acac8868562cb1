"""Theme manifests: a folder with ``theme.yaml`` (the manifest) and a PowerPoint template.

The manifest maps every slide kind to a layout of the template, by name, and says which
placeholder (by idx) takes which field of the slide. Project themes (``<project>/themes/<name>/``)
come before the built-in ones shipped with deckgen.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from deckgen import confine
from deckgen.content.images import load_logo
from deckgen.content.loader import Document, dotted, load_document
from deckgen.content.model import FitPolicy, Model
from deckgen.content.validate import validate
from deckgen.errors import ContentError, Location, SourceError, ThemeError, suggest

MANIFEST = "theme.yaml"
FONTS_FOLDER = "fonts"  # next to theme.yaml: font files to measure the theme's text with
BUILTIN_THEMES = Path(str(resources.files("deckgen.builtin_themes")))
THEME_NAME = re.compile(r"^\w[\w-]{0,99}$")
"""A theme's name is a folder's name: letters, digits, '-' and '_', never a path."""
ROOMIER = {"closing": ("bullets", "text")}
"""Kinds whose text may outgrow their own layout, the kind whose layout they then borrow and
their field that takes its body: a closing with a long contact goes on the content layout."""


class KindMapping(Model):
    """Which layout a slide kind uses and which placeholder idx takes which field."""

    layout: str
    placeholders: dict[str, int] = Field(default_factory=dict)


SchemeColour = Literal[
    "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
    "accent6", "hlink", "folHlink",
]  # fmt: skip
Hex = Annotated[str, Field(pattern=r"^#?[0-9A-Fa-f]{6}$")]


class Fonts(Model):
    """The theme's fonts: ``major`` for headings, ``minor`` for body text."""

    major: str = ""
    minor: str = ""


class Logo(Model):
    """A picture put on every slide, e.g. the organisation's logo."""

    image: str
    position: Literal["top-right", "top-left", "bottom-right", "bottom-left"] = "top-right"
    width_cm: float = Field(default=3.0, gt=0, le=20)


class ThemeManifest(Model):
    """theme.yaml."""

    name: str = ""
    description: str = ""
    extends: str = ""
    template: str = ""
    colors: dict[SchemeColour, Hex] = Field(default_factory=dict)
    fonts: Fonts = Field(default_factory=Fonts)
    logo: Logo | None = None
    fit: FitPolicy | None = None
    min_font_size: float = Field(default=12.0, ge=4, le=40)
    kinds: dict[str, KindMapping] = Field(default_factory=dict)


@dataclass(frozen=True)
class Theme:
    """A loaded theme: its manifest merged with those it extends, and its template file."""

    name: str
    folder: Path
    template: Path
    manifest: ThemeManifest
    documents: tuple[Document, ...]  # its own theme.yaml first, then those of its parents
    logo: Path | None = None

    @property
    def document(self) -> Document:
        """The theme's own theme.yaml."""
        return self.documents[0]

    @property
    def font_folders(self) -> tuple[Path, ...]:
        """Where its font files are: its own ``fonts/`` folder, then those of its parents."""
        return tuple(document.path.parent / FONTS_FOLDER for document in self.documents)

    def mapping(self, kind: str) -> KindMapping | None:
        """The layout mapping of a slide kind, if the theme has one; for a placement
        ``kind@other`` (see :meth:`roomier`), the title and body of ``other``'s."""
        own, _, other = kind.partition("@")
        if not other:
            return self.manifest.kinds.get(kind)
        lent = self.manifest.kinds.get(other)
        if lent is None or own not in ROOMIER or not {"title", "body"} <= lent.placeholders.keys():
            return None
        field = ROOMIER[own][1]
        places = {"title": lent.placeholders["title"], field: lent.placeholders["body"]}
        return KindMapping(layout=lent.layout, placeholders=places)

    @staticmethod
    def mapped_kind(placement: str) -> str:
        """The kind whose entry under ``kinds`` names a placement's layout: the kind itself,
        or for a roomier placement ``kind@other``, ``other``."""
        return placement.rpartition("@")[2]

    def roomier(self, kind: str) -> str | None:
        """Where a kind's text has more room than on its own layout, when it does not fit
        there: ``kind@other``, the layout of the kind ``other`` (:data:`ROOMIER`); None where
        the theme has no other layout for it."""
        own = self.mapping(kind)
        if own is None or kind not in ROOMIER:
            return None
        placement = f"{kind}@{ROOMIER[kind][0]}"
        lent = self.mapping(placement)
        return placement if lent is not None and lent.layout != own.layout else None

    def location(self, *path: str | int) -> Location:
        """Where a key is: in the theme's own theme.yaml, or in the parent that set it."""
        for document in self.documents:
            if tuple(path) in document.values:
                return document.location(tuple(path))
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


def load_theme(
    name: str,
    project_root: Path | None,
    used_at: Location | None = None,
    _children: tuple[str, ...] = (),
) -> Theme:
    """The theme called ``name``; ThemeError (at ``used_at``) if there is none."""
    key = "theme" if used_at else ""
    if not THEME_NAME.match(name):
        what = f"'{name}' is not a theme name: use letters, digits, '-' and '_'"
        raise ThemeError(used_at, what, key=key)
    for folder in theme_folders(project_root):
        manifest_path = folder / name / MANIFEST
        if manifest_path.is_file():
            try:
                confine.real_path(manifest_path, confine.readable_folders(project_root))
            except confine.Refused:
                what = f"theme '{name}' is a link to a place outside the project folder"
                raise ThemeError(used_at, what, key=key) from None
            return _load(name, manifest_path, project_root, (*_children, name))
    known = theme_names(project_root)
    hint = suggest(name, known) or f"; available: {', '.join(known)}"
    raise ThemeError(used_at, f"unknown theme '{name}'{hint}", key=key)


def _load(
    name: str, manifest_path: Path, project_root: Path | None, chain: tuple[str, ...]
) -> Theme:
    stat = manifest_path.stat()
    root = str(project_root) if project_root is not None else None
    document = _manifest_document(str(manifest_path), root, stat.st_mtime_ns, stat.st_size)
    manifest, errors = validate(document, ThemeManifest)
    if manifest is None:
        raise ContentError(errors)
    folder = manifest_path.parent
    own = manifest
    parent = None
    if manifest.extends:
        used_at = document.location(("extends",))
        if manifest.extends in chain:
            raise ThemeError(
                used_at,
                f"themes extend each other in a circle: {' -> '.join(chain)}",
                key="extends",
            )
        parent = load_theme(manifest.extends, project_root, used_at, chain)
        manifest = _merge(parent.manifest, manifest)
    if manifest.template or parent is None:
        template = _template_path(folder, manifest.template, project_root, document)
    else:
        template = parent.template
    logo = parent.logo if parent is not None else None
    if own.logo is not None:
        logo = _logo_path(folder, own.logo.image, document)
    documents = (document, *(parent.documents if parent else ()))
    return Theme(name, folder, template, manifest, documents, logo)


@functools.lru_cache(maxsize=64)
def _manifest_document(path: str, project_root: str | None, mtime_ns: int, size: int) -> Document:
    """A theme.yaml, read once per process while the file stays the same (every deck uses it)."""
    del mtime_ns, size  # part of the cache key
    root = Path(project_root) if project_root is not None else None
    return load_document(Path(path), confine.readable_folders(root))


def _template_path(folder: Path, name: str, project_root: Path | None, document: Document) -> Path:
    """The theme's template file: next to theme.yaml by default, always inside the project."""
    written = name or "template.pptx"
    try:
        real = confine.relative_inside(
            folder, written, within=confine.readable_folders(project_root)
        )
    except confine.Refused as e:
        raise ThemeError(document.location(("template",)), e.what, key="template") from e
    if not real.exists():
        raise ThemeError(
            document.location(("template",)),
            f"template file '{Path(written).name}' not found next to {MANIFEST}",
            key="template",
        )
    return real


def _merge(parent: ThemeManifest, child: ThemeManifest) -> ThemeManifest:
    """The child's manifest on top of its parent's: its own keys win, kind by kind."""
    return child.model_copy(
        update={
            "description": child.description or parent.description,
            "colors": {**parent.colors, **child.colors},
            "fonts": Fonts(
                major=child.fonts.major or parent.fonts.major,
                minor=child.fonts.minor or parent.fonts.minor,
            ),
            "logo": child.logo or parent.logo,
            "kinds": {**parent.kinds, **child.kinds},
        }
    )


def _logo_path(folder: Path, image: str, document: Document) -> Path:
    """The logo's file, inside the theme's folder, checked as a picture."""
    path = folder / image
    try:
        load_logo(path, folder, image)
    except confine.Refused as e:
        raise ThemeError(document.location(("logo", "image")), e.what, key="logo.image") from e
    return path.resolve()


def theme_error(theme: Theme, path: tuple[str | int, ...], what: str) -> SourceError:
    """An error at a key of a theme's manifest."""
    return ThemeError(theme.location(*path), what, key=dotted(path))
