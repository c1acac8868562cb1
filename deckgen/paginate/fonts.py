"""Which font file measures text set in a family: the theme's own, the machine's, or a stand-in.

For a family (as a template names it), the first of these that has it:

1. font files in the theme's ``fonts/`` folder, then in those of the themes it extends;
2. fonts installed on the machine: fontconfig's ``fc-list`` where fontconfig is present, else
   the usual font folders (:func:`deckgen.fonts.machine_folders`);
3. deckgen's own copy in ``deckgen/fonts``;
4. a metric-compatible substitute (Carlito for Calibri, ...): every glyph as wide as the
   original's, so text measured with it breaks where the original breaks;
5. what a renderer shows instead: fontconfig's ``fc-match`` (LibreOffice on Linux asks it too),
   else Liberation Sans. Text measured so may not fit when the font itself is shown;
   :meth:`ThemeFonts.warnings` says so, once for each such font.

Within the family, the face nearest to bold and italic as asked is taken. Every lookup is made
once per process (fontconfig is asked once): decks are built by the hundred.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PIL import ImageFont

from deckgen.confine import Refused, check_regular, real_path
from deckgen.errors import Location, SourceError, display_path
from deckgen.fonts import SHIPPED, machine_folders

Found = Literal["theme", "installed", "deckgen", "substitute", "fallback"]

FONT_FILES = (".ttf", ".otf", ".ttc", ".otc")
MAX_FONT_BYTES = 50_000_000  # a theme's font file larger than this is not read
COLLECTIONS = (".ttc", ".otc")
METRIC_COMPATIBLE = {
    # the open families with the same advance widths, as fontconfig's 30-metric-aliases.conf
    "Calibri": "Carlito",
    "Calibri Light": "Carlito",
    "Cambria": "Caladea",
    "Arial": "Liberation Sans",
    "Helvetica": "Liberation Sans",
    "Arial Narrow": "Liberation Sans Narrow",
    "Times New Roman": "Liberation Serif",
    "Times": "Liberation Serif",
    "Courier New": "Liberation Mono",
    "Courier": "Liberation Mono",
    "Georgia": "Gelasio",
}
LAST_RESORT = "Liberation Sans"  # in deckgen/fonts, so there is always something to measure with

_WEIGHTS = {
    "thin": 100, "hairline": 100, "extralight": 200, "ultralight": 200, "light": 300,
    "semilight": 350, "book": 400, "regular": 400, "normal": 400, "roman": 400, "plain": 400,
    "medium": 500, "semibold": 600, "demibold": 600, "demi": 600, "bold": 700,
    "extrabold": 800, "ultrabold": 800, "heavy": 900, "black": 900,
}  # fmt: skip
_SLANTED = {"italic", "oblique", "slanted", "inclined"}
_PLAIN = {"regular", "book", "normal", "roman", "plain", "bold", *_SLANTED}

Faces = dict[str, list["FontFace"]]  # by family_key


@dataclass(frozen=True)
class FontFace:
    """One face of a font file: the file, its number in a collection, its family and style."""

    path: Path
    index: int
    family: str
    style: str


@dataclass(frozen=True)
class FoundFamily:
    """How a family was found, and the face that measures each of its four styles."""

    family: str  # as the template names it
    found: Found
    faces: tuple[FontFace, FontFace, FontFace, FontFace]  # regular, bold, italic, bold italic

    @property
    def measured_as(self) -> str:
        """The family of the font files that measure it."""
        return self.faces[0].family

    @property
    def available(self) -> bool:
        """Whether the family itself or a metric-compatible substitute measures it."""
        return self.found != "fallback"

    def face(self, bold: bool = False, italic: bool = False) -> FontFace:
        """The face that measures text set bold and/or italic."""
        return self.faces[bold + 2 * italic]


@dataclass(frozen=True)
class ThemeFonts:
    """A theme's fonts as measuring sees them: where its font files are, where it names fonts.

    ``folders`` (the theme's own ``fonts/`` first, then its parents') come before the machine's
    fonts. A warning about a font points at the ``fonts:`` entry that names it (``named``),
    else at the theme's own theme.yaml (``manifest``).
    """

    folders: tuple[Path, ...] = ()
    manifest: Path | None = None
    named: tuple[tuple[str, Location], ...] = ()
    _found: dict[str, FoundFamily] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def family(self, name: str) -> FoundFamily:
        """How text set in the family ``name`` is measured."""
        found = self._found.get(name)
        if found is None:  # every word is measured: look up once per deck, not per word
            found = self._found[name] = find_family(name, self.folders)
        return found

    def face(self, family: str, bold: bool = False, italic: bool = False) -> FontFace:
        """The face that measures text set in ``family``, bold and/or italic."""
        return self.family(family).face(bold, italic)

    def warnings(self, families: Iterable[str]) -> list[SourceError]:
        """One warning for each of ``families`` available nowhere: not in the theme's folders,
        not installed, without a metric-compatible substitute."""
        found: dict[str, SourceError] = {}
        for name in families:
            family = self.family(name)
            if not family.available and family_key(name) not in found:
                found[family_key(name)] = self._warning(family)
        return list(found.values())

    def _warning(self, family: FoundFamily) -> SourceError:
        key = family_key(family.family)
        where = next((at for name, at in self.named if family_key(name) == key), None)
        location = where or (Location(self.manifest) if self.manifest is not None else None)
        folder = self.folders[0] if self.folders else None
        if where is not None:  # the theme that names the font keeps it
            folder = next((f for f in self.folders if f.parent == where.path.parent), folder)
        advice = "install it"
        if folder is not None:
            advice = f"put its .ttf files in {display_path(folder)}{os.sep} or install it"
        return SourceError(
            location,
            f"font '{family.family}' is not installed and has no metric-compatible substitute; "
            f"text is measured with '{family.measured_as}' and may not fit when shown with "
            f"'{family.family}'; {advice}",
        )


def family_key(name: str) -> str:
    """A family name as fontconfig compares names: case and spaces do not count."""
    return "".join(name.split()).casefold()


_SUBSTITUTES = {family_key(name): sub for name, sub in METRIC_COMPATIBLE.items()}


@functools.cache
def find_family(family: str, folders: tuple[Path, ...] = ()) -> FoundFamily:
    """How text set in ``family`` is measured, with the theme's font ``folders`` searched first."""
    key = family_key(family)
    sources: list[tuple[Found, Callable[[], Faces]]] = [
        *(("theme", functools.partial(_folder_faces, folder, True)) for folder in folders),
        ("installed", _installed_faces),
        ("deckgen", _shipped_faces),
    ]
    for found, source in sources:
        own = source().get(key)
        if own:
            return _family(family, found, own)
    substitute = _SUBSTITUTES.get(key)
    if substitute is not None:
        faces = _shipped_faces().get(family_key(substitute))
        faces = faces or _installed_faces().get(family_key(substitute))
        if faces:
            return _family(family, "substitute", faces)
    shown = _fc_match(family)
    faces = _installed_faces().get(family_key(shown)) if shown else None
    return _family(family, "fallback", faces or _shipped_faces()[family_key(LAST_RESORT)])


def _family(family: str, found: Found, faces: list[FontFace]) -> FoundFamily:
    def nearest(bold: bool, italic: bool) -> FontFace:
        return min(faces, key=lambda f: (_distance(f.style, bold, italic), str(f.path), f.index))

    return FoundFamily(
        family,
        found,
        (nearest(False, False), nearest(True, False), nearest(False, True), nearest(True, True)),
    )


def _style_words(style: str) -> list[str]:
    """The words of a style name, lower case: "Condensed BoldItalic" -> condensed, bold, italic;
    "Extra Light" and "ExtraLight" -> extralight."""
    words: list[str] = []
    for word in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", style):
        if words and words[-1] in ("extra", "ultra", "semi", "demi"):
            words[-1] += word.casefold()
        else:
            words.append(word.casefold())
    return words


def _distance(style: str, bold: bool, italic: bool) -> tuple[bool, int, int]:
    """How far a face's style is from bold/italic as asked: slant first, then weight, then
    anything else (condensed, display, ...), as fontconfig weighs them."""
    words = _style_words(style)
    weights = [_WEIGHTS[w] for w in words if w in _WEIGHTS]
    weight = weights[-1] if weights else 400
    slanted = any(w in _SLANTED for w in words)
    others = sum(w not in _WEIGHTS and w not in _SLANTED for w in words)
    return slanted != italic, abs(weight - (700 if bold else 400)), others


def _add(faces: Faces, family: str, style: str, path: Path, index: int) -> None:
    """File a face under its family, and a "Calibri" "Light" also as "Calibri Light" "Regular"
    (families named by weight or width, as older software and templates name them)."""
    faces.setdefault(family_key(family), []).append(FontFace(path, index, family, style))
    words = _style_words(style)
    extra = [w for w in words if w not in _PLAIN]
    if extra:
        name = " ".join([family, *(w.title() for w in extra)])
        rest = " ".join(w for w in words if w == "bold" or w in _SLANTED)
        faces.setdefault(family_key(name), []).append(
            FontFace(path, index, name, rest or "Regular")
        )


@functools.cache
def _folder_faces(folder: Path, confined: bool = False) -> Faces:
    """The faces of every font file in ``folder`` and its subfolders, by family.

    ``confined`` (a theme's fonts, which content brings): only regular files of at most
    ``MAX_FONT_BYTES`` that lie inside the folder once links are followed; others are passed
    over, and the family is measured as if the theme had no file for it.
    """
    faces: Faces = {}
    if not folder.is_dir():
        return faces
    inside = (folder.resolve(),)
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in FONT_FILES:
            continue
        if confined:
            try:
                path = real_path(path, inside)
                check_regular(path, MAX_FONT_BYTES)
            except Refused:
                continue
        elif not path.is_file():
            continue
        for index, family, style in _faces_in_file(path):
            _add(faces, family, style, path, index)
    return faces


def _shipped_faces() -> Faces:
    return _folder_faces(SHIPPED)


def _faces_in_file(path: Path) -> list[tuple[int, str, str]]:
    """Number, family and style of each face in a font file (several in a collection)."""
    found = []
    for index in range(64 if path.suffix.lower() in COLLECTIONS else 1):
        try:
            family, style = ImageFont.truetype(str(path), 10, index=index).getname()
        except (OSError, ValueError):  # not a font Pillow reads, or no face of this number
            break
        if family:
            found.append((index, family, style or "Regular"))
    return found


@functools.cache
def _installed_faces() -> Faces:
    """The fonts installed on the machine by family: fontconfig's list, else the usual folders."""
    listed = _fc_list()
    if listed is not None:
        return listed
    faces: Faces = {}
    for folder in machine_folders():
        for key, found in _folder_faces(folder).items():
            faces.setdefault(key, []).extend(found)
    return faces


def _fc_list() -> Faces | None:
    """Every scalable font fontconfig knows, by family; None without fontconfig."""
    listing = _fontconfig("fc-list", "--format", r"%{family}\t%{style}\t%{file}\t%{index}\n")
    if listing is None:
        return None
    faces: Faces = {}
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[2].lower().endswith(FONT_FILES):
            continue
        families, styles = _values(parts[0]), _values(parts[1]) or ["Regular"]
        index = int(parts[3]) if parts[3].isdigit() else 0
        for number, family in enumerate(families):
            # fontconfig lists a family's names and the matching style names in the same order
            style = styles[min(number, len(styles) - 1)]
            _add(faces, family, style, Path(parts[2]), index)
    return faces


@functools.cache
def _fc_match(family: str) -> str | None:
    """The family fontconfig shows for ``family`` (which is not installed), or None."""
    pattern = re.sub(r"([\\\-:,])", r"\\\1", family)  # fontconfig's pattern syntax
    answer = _fontconfig("fc-match", "--format", "%{family}", pattern)
    values = _values(answer or "")
    return values[0] if values else None


def _values(listed: str) -> list[str]:
    """The values of a fontconfig property as fc-list prints them: comma-separated."""
    return [v.replace("\\,", ",") for v in re.split(r"(?<!\\),", listed.strip()) if v]


def _fontconfig(tool: str, *args: str) -> str | None:
    """What a fontconfig tool prints, or None where there is no fontconfig."""
    found = shutil.which(tool)
    if found is None:
        return None
    try:
        done = subprocess.run(
            [found, *args],
            capture_output=True,
            check=True,
            encoding="utf-8",
            errors="replace",
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout
