"""Render decks through LibreOffice and find words that lie outside the shape holding them.

Works on decks made on any template: placeholders take their position from their layout (and
its master) when the slide does not give one, shapes inside groups are placed through their
group, and the text the template draws itself (layout and master shapes that are not
placeholders, when the slide shows them) has frames too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.shapes.group import GroupShape

EMU_PER_POINT = 12700
TOLERANCE = 2.0  # points
_WORD = re.compile(
    r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>'
)
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points


def tools_missing() -> str:
    """Why rendered checks cannot run here, or ''."""
    for tool in ("soffice", "pdftotext"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return ""


def render_pdfs(decks: list[Path], out: Path, *, jobs: int = 1) -> None:
    """Convert decks to PDFs in ``out`` (named after each deck's stem, so stems must differ).

    ``jobs`` LibreOffice processes run at once, each with its own profile and its share of the
    decks in one call; one process per core is the fastest.
    """
    decks = list(decks)
    shares = [decks[start::jobs] for start in range(jobs) if decks[start::jobs]]
    with tempfile.TemporaryDirectory() as root:
        running = []
        for number, share in enumerate(shares):
            profile = Path(root) / str(number)
            command = ["soffice", "--headless", "--norestore",
                       f"-env:UserInstallation=file://{profile}",
                       "--convert-to", "pdf", "--outdir", str(out), *map(str, share)]  # fmt: skip
            running.append(
                subprocess.Popen(
                    command,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    env={**os.environ, "HOME": str(profile)},
                )
            )
        failed = []
        for process in running:
            _, errors = process.communicate(timeout=1800)
            if process.returncode != 0:
                failed.append(
                    subprocess.CalledProcessError(process.returncode, "soffice", None, errors)
                )
        if failed:
            raise failed[0]
    missing = [deck.name for deck in decks if not (out / f"{deck.stem}.pdf").is_file()]
    assert missing == [], f"LibreOffice wrote no PDF for {missing}"


@dataclass(frozen=True)
class Word:
    text: str
    box: Box

    @property
    def size(self) -> float:
        """The font size in points: pdftotext's boxes are 1.3 font sizes high in any font, 0.95
        above the baseline and 0.35 below."""
        return (self.box[3] - self.box[1]) / 1.3

    @property
    def baseline(self) -> float:
        """The baseline's y in points."""
        return self.box[1] + 0.95 * self.size


def pdf_words(pdf: Path) -> list[list[Word]]:
    """The words of every page, with their boxes."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append(
            [
                _inked(Word(unescape(m[4]), (float(m[0]), float(m[1]), float(m[2]), float(m[3]))))
                for m in _WORD.findall(page)
            ]
        )
    return pages


SOFT_HYPHEN_WIDTH = 0.3  # font sizes: a hyphen's advance, a little less than in most fonts


def _inked(word: Word) -> Word:
    """The word with its box ending where its ink does: LibreOffice breaks a line at a soft
    hyphen without drawing it, and pdftotext's box still holds the hyphen's advance."""
    if not word.text.endswith("\xad"):
        return word
    x0, y0, x1, y1 = word.box
    return Word(word.text, (x0, y0, max(x0, x1 - SOFT_HYPHEN_WIDTH * word.size), y1))


@dataclass(frozen=True)
class Frame:
    box: Box
    text: str | None  # None: a chart, table or picture, whose words need only lie inside
    template: bool = False  # drawn by the layout or master: the template's own text
    furniture: bool = False  # a footer, date or slide-number placeholder
    field: bool = False  # has a field (a slide number, a date): any word may stand for it


_FURNITURE = {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.SLIDE_NUMBER}
# a group maps its children's coordinates: x -> offset + (x - child offset) * scale
_Transform = tuple[float, float, float, float, float, float]  # ox, oy, cx, cy, sx, sy
_IDENTITY: _Transform = (0.0, 0.0, 0.0, 0.0, 1.0, 1.0)


def _frame(shape: Any, transform: _Transform = _IDENTITY) -> Box | None:
    """The shape's box in points on the slide (inherited from its layout for placeholders)."""
    try:
        left, top, width, height = shape.left, shape.top, shape.width, shape.height
    except (AttributeError, KeyError):  # a placeholder whose layout has no counterpart
        return None
    if None in (left, top, width, height):
        return None
    ox, oy, cx, cy, sx, sy = transform
    x0 = (ox + (left - cx) * sx) / EMU_PER_POINT
    y0 = (oy + (top - cy) * sy) / EMU_PER_POINT
    return (x0, y0, x0 + width * sx / EMU_PER_POINT, y0 + height * sy / EMU_PER_POINT)


def _group_transform(group: Any, outer: _Transform) -> _Transform:
    """The transform from a group's child coordinates to the slide's."""
    xfrm = group._element.grpSpPr.find(qn("a:xfrm"))
    if xfrm is None:
        return outer
    off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
    ch_off, ch_ext = xfrm.find(qn("a:chOff")), xfrm.find(qn("a:chExt"))
    if off is None or ext is None or ch_off is None or ch_ext is None:
        return outer
    scale_x = int(ext.get("cx")) / max(int(ch_ext.get("cx")), 1)
    scale_y = int(ext.get("cy")) / max(int(ch_ext.get("cy")), 1)
    ox, oy, cx, cy, sx, sy = outer
    # compose: child -> group space -> outer space
    return (
        ox + (int(off.get("x")) - cx) * sx,
        oy + (int(off.get("y")) - cy) * sy,
        int(ch_off.get("x")),
        int(ch_off.get("y")),
        sx * scale_x,
        sy * scale_y,
    )


def _frames_of(shapes: Any, *, template: bool, transform: _Transform = _IDENTITY) -> list[Frame]:
    frames = []
    for shape in shapes:
        if template and shape.is_placeholder:
            continue  # a layout's or master's placeholders are not drawn on slides
        if isinstance(shape, GroupShape):
            inner = _group_transform(shape, transform)
            frames += _frames_of(shape.shapes, template=template, transform=inner)
            continue
        box = _frame(shape, transform)
        if box is None:
            continue
        if shape.has_text_frame:
            furniture = shape.is_placeholder and shape.placeholder_format.type in _FURNITURE
            field = shape._element.find(f".//{qn('a:fld')}") is not None
            frames.append(Frame(box, shape.text_frame.text, template, furniture, field))
        elif getattr(shape, "has_chart", False) or getattr(shape, "has_table", False):
            frames.append(Frame(box, None, template))
    return frames


def missing_letters(slide: Any, words: list[Word], page: tuple[float, float]) -> str:
    """The letters and digits of the slide's own text that the rendered page lacks, in their
    order: text that ran off the page (pdftotext reads no word there), or that the renderer
    did not draw. Counted as a whole, case folded, since lines and hyphens fall where the
    renderer sets them; text boxes wholly off the page (a title hidden for screen readers) and
    fields (a date set when rendered) are not expected."""
    expected: list[str] = []
    for shape in _expected_shapes(slide, page):
        expected += [c for c in shape.text_frame.text.casefold() if c.isalnum()]
    shown: dict[str, int] = {}
    for word in words:
        for character in word.text.casefold():
            shown[character] = shown.get(character, 0) + 1
    missing = []
    for character in expected:
        if shown.get(character, 0) > 0:
            shown[character] -= 1
        else:
            missing.append(character)
    return "".join(missing)


def unseen_words(slide: Any, words: list[Word], page: tuple[float, float]) -> list[str]:
    """The words of the slide's own text that the page has nowhere whole (a word the renderer
    hyphenated is among them): where :func:`missing_letters` finds some, the likely ones."""
    seen = {"".join(c for c in w.text.casefold() if c.isalnum()) for w in words}
    unseen = []
    for shape in _expected_shapes(slide, page):
        for word in shape.text_frame.text.split():
            key = "".join(c for c in word.casefold() if c.isalnum())
            if key and key not in seen:
                unseen.append(word)
    return unseen


def _expected_shapes(slide: Any, page: tuple[float, float]) -> list[Any]:
    """The slide's text shapes that reach onto the page and hold no field."""
    found = []
    for shape in _text_shapes(slide.shapes):
        box = _frame(shape)
        if box is None or box[2] <= 0 or box[3] <= 0 or box[0] >= page[0] or box[1] >= page[1]:
            continue
        if shape._element.find(f".//{qn('a:fld')}") is None:
            found.append(shape)
    return found


def _text_shapes(shapes: Any) -> list[Any]:
    found = []
    for shape in shapes:
        if isinstance(shape, GroupShape):
            found += _text_shapes(shape.shapes)
        elif shape.has_text_frame:
            found.append(shape)
    return found


ROUND_CORNER = 16667  # a rounded rectangle's default corner radius, in 1/100000 of its side


def covering_boxes(slide: Any) -> list[Box]:
    """Boxes of the slide's own shapes that hide whatever lies behind them: rectangles, not
    rotated, filled with an opaque colour (a rounded one less a band as wide as its corners).
    Where the slide draws a card in the very colour of the template's band beneath, the pixels
    cannot tell the card from the band; these boxes can."""
    return _covers(slide.shapes, _IDENTITY)


def _covers(shapes: Any, transform: _Transform) -> list[Box]:
    boxes: list[Box] = []
    for shape in shapes:
        if isinstance(shape, GroupShape):
            boxes += _covers(shape.shapes, _group_transform(shape, transform))
            continue
        properties = shape._element.find(qn("p:spPr"))
        if properties is None:
            continue
        fill, geometry = properties.find(qn("a:solidFill")), properties.find(qn("a:prstGeom"))
        xfrm = properties.find(qn("a:xfrm"))
        if fill is None or geometry is None or geometry.get("prst") not in ("rect", "roundRect"):
            continue
        if xfrm is not None and int(xfrm.get("rot", "0")) % 21600000:
            continue
        if any(int(alpha.get("val", "100000")) < 100000 for alpha in fill.iter(qn("a:alpha"))):
            continue
        box = _frame(shape, transform)
        if box is None:
            continue
        if geometry.get("prst") == "roundRect":
            guide = geometry.find(f"{qn('a:avLst')}/{qn('a:gd')}")
            share = ROUND_CORNER
            if guide is not None and guide.get("fmla", "").startswith("val "):
                share = int(guide.get("fmla")[4:])
            inset = min(box[2] - box[0], box[3] - box[1]) * share / 100000
            box = (box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset)
        boxes.append(box)
    return boxes


def shows_master_shapes(element: Any) -> bool:
    """Whether a slide or layout shows the shapes of the layout and master behind it."""
    return bool(element.get("showMasterSp", "1") not in ("0", "false"))


def template_shapes(slide: Any) -> list[Any]:
    """The shapes of the slide's layout and master that are drawn on the slide."""
    if not shows_master_shapes(slide._element):
        return []
    layout = slide.slide_layout
    shapes = [*layout.shapes]
    if shows_master_shapes(layout._element):
        shapes += [*layout.slide_master.shapes]
    return shapes


def slide_frames(slide: Any) -> list[Frame]:
    """Frames of the slide's shapes, and of the text its layout and master draw themselves."""
    return _frames_of(slide.shapes, template=False) + _frames_of(
        template_shapes(slide), template=True
    )


def inside(word: Word, box: Box) -> bool:
    """Whether the word's letters lie inside ``box``, give or take 2 pt.

    pdftotext's word boxes are the same for every font: from 0.95 font sizes above the baseline
    to 0.35 below. Letters reach less far: accented capitals 0.9 sizes above the baseline,
    descenders about 0.22 below; so the letters span the box less 0.05 sizes at the top and
    0.13 at the bottom.
    """
    x0, y0, x1, y1 = word.box
    size = word.size
    return (
        x0 >= box[0] - TOLERANCE
        and y0 + 0.05 * size >= box[1] - TOLERANCE
        and x1 <= box[2] + TOLERANCE
        and y1 - 0.13 * size <= box[3] + TOLERANCE
    )


def holder(word: Word, frames: list[Frame]) -> Frame | None:
    """The frame that holds the word: one whose text has the word and that the word lies in.

    A word no text has (a bullet, a number of a numbered list, a field) may lie in any text
    frame, and so may a lone mark that could be a bullet ("\u2013" is in a title's text and is the
    bullet of a list); a chart's or table's frame (text None) may hold any word.
    """
    candidates = [f for f in frames if f.text is None or word.text in f.text]
    bullet = len(word.text) == 1 and not word.text.isalnum()
    if bullet or not any(f.text is not None for f in candidates):
        candidates += [f for f in frames if f.text is not None]
    return next((f for f in candidates if inside(word, f.box)), None)


def words_outside_slides(deck: Path, pdf: Path) -> list[tuple[int, Word]]:
    """(slide number, word) of every word that lies outside the frame of each shape that could
    hold it."""
    presentation = Presentation(str(deck))
    pages = pdf_words(pdf)
    assert len(pages) == len(presentation.slides), deck
    outside = []
    for number, (slide, words) in enumerate(zip(presentation.slides, pages, strict=True), 1):
        outside += [(number, word) for word in words_without_frame(words, slide_frames(slide))]
    return outside


def words_without_frame(words: list[Word], frames: list[Frame]) -> list[Word]:
    """The words of one slide that no frame of it holds."""
    return [word for word in words if holder(word, frames) is None]


def words_outside(deck: Path, pdf: Path) -> list[str]:
    """Every word that lies outside the frame of each shape that could hold it."""
    return [
        f"{deck.name} slide {number}: {word.text!r} at {word.box}"
        for number, word in words_outside_slides(deck, pdf)
    ]
