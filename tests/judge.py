"""Judge rendered decks as a presenter's eye would: words outside their frames, words on top of
the template's own graphics, and words whose contrast with what lies behind them is too low.

Every check looks at what LibreOffice draws. A deck is rendered three times:

- as it is (the *real* render);
- with every slide's own shapes removed, so that only what the template draws behind them is
  left: the background, and the shapes and pictures of the slide's layout and master (the
  *graphics* render);
- like the graphics render, with the layouts' and masters' shapes removed too, except those
  that cover the whole page (templates draw their background as a full-page rectangle or
  picture as often as they set it as the background): the background alone (the
  *background* render).

The renders of many decks go through LibreOffice together, one call per core
(:func:`render_variants`), and through ``pdftoppm`` at the same resolution, so that their pixels
line up. :func:`judge` makes the findings of one deck; ``python -m tests.judge DECK.pptx`` prints
them, slide by slide (``--annotate DIR`` draws them on the slides).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from lxml import etree
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat
from pptx import Presentation
from pptx.oxml.ns import qn

from tests.rendered import (
    EMU_PER_POINT,
    Box,
    Frame,
    Word,
    covering_boxes,
    holder,
    inside,
    missing_letters,
    pdf_words,
    render_pdfs,
    slide_frames,
    unseen_words,
    words_without_frame,
)

DPI = 150  # every render; contrast needs at least 150 dpi to see the strokes of 12 pt text
AA_NORMAL, AA_LARGE = 4.5, 3.0  # WCAG 2.1 contrast minimums (level AA)
LARGE_TEXT = 18.0  # points; WCAG's large text (bold from 14 pt cannot be told from the pixels)
COLOUR_TOLERANCE = 24  # levels of 255 in any channel: two pixels differ by more than this
SAME_TOLERANCE = 12  # the same template drawn in two renders differs by no more than this
MIN_AREA = 2.0  # square points of template graphic in a word box that make it "on" the graphic
PICTURE_SPREAD = 48  # levels: shades further apart than this under a word are a picture
DESIGNED = 0.75  # the share of a frame on the surface under a word: the frame was put there
SURFACE_MARK = 128  # the value the surface under a word is filled with in an edge mask
GRAPHICS, BACKGROUND = "graphics", "background"  # the stems' suffixes of the helper decks
FULL_PAGE = 0.95  # a template shape that covers this much of the page is part of its background
SURFACE, SURFACE_CELL = 0.5, 8  # the share of the page a plain surface covers; cells, pixels


@dataclass(frozen=True)
class Finding:
    """One word a presenter would not want to show."""

    deck: str
    slide: int
    word: str
    box: Box
    check: str  # "outside", "graphics" or "contrast"
    what: str

    def __str__(self) -> str:
        box = ", ".join(f"{v:.0f}" for v in self.box)
        return f"{self.deck} slide {self.slide}: {self.word!r} ({box}) {self.what}"


# -- the three renders -----------------------------------------------------------------------------


def _cover(shape: Any, page: tuple[int, int, int, int]) -> float:
    """How much of the page the shape's frame covers, 0 to 1."""
    if None in (shape.left, shape.top, shape.width, shape.height):
        return 0.0
    x0, y0 = max(page[0], shape.left), max(page[1], shape.top)
    x1 = min(page[2], shape.left + shape.width)
    y1 = min(page[3], shape.top + shape.height)
    return float(max(0, x1 - x0) * max(0, y1 - y0) / (page[2] * page[3]))


def _look(slide: Any) -> tuple[str, bytes, str | None]:
    """What decides what the template draws behind a slide: its layout, its own background
    and whether it shows the layout's and master's shapes."""
    background = slide._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
    return (
        str(slide.slide_layout.part.partname),
        b"" if background is None else etree.tostring(background),
        slide._element.get("showMasterSp"),
    )


def strip_deck(deck: Path, target: Path, *, keep_template_shapes: bool) -> list[int]:
    """Write a copy of ``deck`` whose slides keep their layout and background but lose all their
    own shapes; without ``keep_template_shapes`` the layouts and masters lose every shape that
    is not a placeholder too, and only the backgrounds are left.

    Slides that would look the same are kept once: returns, for each slide of ``deck``, the
    index of the page of the copy that shows what lies behind it.
    """
    presentation = Presentation(str(deck))
    pages: dict[tuple[str, bytes, str | None], int] = {}
    mapping = []
    id_list = presentation.slides._sldIdLst
    for slide, slide_id in zip(list(presentation.slides), list(id_list), strict=True):
        look = _look(slide)
        if look in pages:
            presentation.part.drop_rel(slide_id.rId)
            id_list.remove(slide_id)
        else:
            pages[look] = len(pages)
            tree = slide.shapes._spTree
            for child in list(tree)[2:]:  # after nvGrpSpPr and grpSpPr
                tree.remove(child)
        mapping.append(pages[look])
    if not keep_template_shapes:
        page = (0, 0, int(presentation.slide_width or 0), int(presentation.slide_height or 0))
        for master in presentation.slide_masters:
            for part in (master, *master.slide_layouts):
                tree = part.shapes._spTree
                for shape in part.shapes:
                    if not shape.is_placeholder and _cover(shape, page) < FULL_PAGE:
                        tree.remove(shape._element)
    presentation.save(str(target))
    return mapping


@dataclass(frozen=True)
class Rendered:
    """A deck, the PDFs of its three renders, and for each slide the page of the graphics and
    background renders that belongs to it."""

    deck: Path
    pdf: Path
    graphics: Path
    background: Path
    pages: tuple[int, ...]


def render_variants(
    decks: Sequence[tuple[str, Path]], out: Path, *, jobs: int = 1
) -> list[Rendered]:
    """Copy each deck into ``out`` under its unique name, write its graphics-only and
    background-only copies beside it and render all of them in one LibreOffice run per job."""
    out.mkdir(parents=True, exist_ok=True)
    results, files = [], []
    for name, deck in decks:
        copy = out / f"{name}.pptx"
        if copy != deck:
            shutil.copy(deck, copy)
        graphics, background = out / f"{name}.{GRAPHICS}.pptx", out / f"{name}.{BACKGROUND}.pptx"
        pages = strip_deck(deck, graphics, keep_template_shapes=True)
        strip_deck(deck, background, keep_template_shapes=False)
        files += [copy, graphics, background]
        results.append(
            Rendered(copy, copy.with_suffix(".pdf"), graphics.with_suffix(".pdf"),
                     background.with_suffix(".pdf"), tuple(pages))
        )  # fmt: skip
    render_pdfs(files, out, jobs=jobs)
    return results


def page_images(pdf: Path, dpi: int = DPI) -> Iterator[Image.Image]:
    """The pages of ``pdf`` as RGB images, one at a time (a deck's pages would fill memory).

    Shapes are drawn without anti-aliasing (text with it): LibreOffice exports a gradient as
    rings or strips of one colour each, and anti-aliasing draws a faint seam between each two,
    a pattern of lines that no screen and no printer shows."""
    with tempfile.TemporaryDirectory(prefix="judge-") as folder:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-aaVector", "no", str(pdf), f"{folder}/page"],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        for path in sorted(Path(folder).glob("page-*.ppm"), key=lambda p: int(p.stem[5:])):
            with Image.open(path) as image:
                page = image.convert("RGB")
            path.unlink()
            yield page


# -- pixels ----------------------------------------------------------------------------------------

RGB = tuple[int, int, int]


def _differs(a: Image.Image, b: Image.Image, tolerance: int = COLOUR_TOLERANCE) -> Image.Image:
    """An L mask, 255 where ``a`` and ``b`` differ by more than ``tolerance`` in any channel."""
    red, green, blue = ImageChops.difference(a, b).split()
    most = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return most.point(_lut(tolerance + 1))


def _edges(image: Image.Image, tolerance: int = COLOUR_TOLERANCE) -> Image.Image:
    """An L mask, 255 where a pixel differs from its right or lower neighbour: the outline of
    anything drawn. A gradient has none; a picture, a pattern or a shape's edge has."""
    width, height = image.size
    right, below = image.copy(), image.copy()  # the last column and row compare with themselves
    right.paste(image.crop((1, 0, width, height)), (0, 0))
    below.paste(image.crop((0, 1, width, height)), (0, 0))
    return ImageChops.lighter(_differs(image, right, tolerance), _differs(image, below, tolerance))


def _pixels(box: Box, dpi: int, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A box in points as a pixel box, clipped to the image."""
    scale = dpi / 72
    width, height = size
    x0, y0 = max(0, round(box[0] * scale)), max(0, round(box[1] * scale))
    x1, y1 = min(width, round(box[2] * scale)), min(height, round(box[3] * scale))
    return (x0, y0, max(x0, x1), max(y0, y1))


def _count(mask: Image.Image, box: tuple[int, int, int, int]) -> int:
    if box[2] <= box[0] or box[3] <= box[1]:
        return 0
    return mask.crop(box).histogram()[255]


def glyph_box(word: Word) -> Box:
    """The part of a word's box its letters fill: from 0.75 font sizes above the baseline (the
    capitals and ascenders) to 0.15 below (most of the descenders), a point in from each side.
    (pdftotext's box reaches from 0.95 above to 0.35 below, whatever the font.)"""
    x0, _, x1, _ = word.box
    return (x0 + 1, word.baseline - 0.75 * word.size, max(x0 + 1, x1 - 1),
            word.baseline + 0.15 * word.size)  # fmt: skip


def _size(box: tuple[int, int, int, int]) -> tuple[int, int]:
    return (box[2] - box[0], box[3] - box[1])


def _shrunk(box: Box, by: float) -> Box:
    return (box[0] + by, box[1] + by, max(box[0] + by, box[2] - by), max(box[1] + by, box[3] - by))


# -- words on the template's graphics --------------------------------------------------------------


@dataclass
class Behind:
    """What the template draws behind a slide, from its graphics and background renders."""

    graphics: Image.Image  # the graphics render
    apart: Image.Image  # mask: a graphic on the page, not the background or the page's surface
    edges: Image.Image  # mask: an edge in the graphics render or the background render
    graphic_edges: Image.Image  # mask: an edge in the graphics render

    @classmethod
    def of(cls, graphics: Image.Image, background: Image.Image) -> Behind:
        """The masks of one page of the graphics and background renders."""
        graphic_edges = _edges(graphics)
        apart = ImageChops.subtract(_differs(graphics, background), surface(graphic_edges))
        edges = ImageChops.lighter(graphic_edges, _edges(background))
        return cls(graphics, apart, edges, graphic_edges)


def surface(edges: Image.Image) -> Image.Image:
    """An L mask of the page's surface: the largest area of the graphics render without an
    edge, when it covers at least half of the page; else nothing.

    Templates draw a panel for the content as often as they set a background: a plain or
    shaded rectangle over most of the page, on which every text stands. A band, a triangle or
    a logo is smaller; a pattern or a picture is all edges. Found on a map of cells of 8 by 8
    pixels (a cell with an edge is no part of any area), filled from every fourth cell.
    """
    cells = edges.reduce(SURFACE_CELL).point(_lut(1))
    width, height = cells.size
    label = 0
    for y in range(0, height, 4):
        for x in range(0, width, 4):
            if label < 254 and cells.getpixel((x, y)) == 0:
                label += 1
                ImageDraw.floodfill(cells, (x, y), label)
    areas = cells.histogram()
    largest = max(range(1, label + 1), key=areas.__getitem__, default=0)
    mask = Image.new("L", edges.size, 0)
    if largest and areas[largest] >= SURFACE * width * height:
        region = cells.point(_lut(largest, largest))
        mask.paste(region.resize((width * SURFACE_CELL, height * SURFACE_CELL)), (0, 0))
    return mask


@dataclass
class GraphicsPage:
    """The masks of one page that say where the template's graphics show."""

    same: Image.Image  # the real render equals the graphics render
    behind: Behind
    dpi: int

    @classmethod
    def of(
        cls, real: Image.Image, behind: Behind, dpi: int = DPI, covers: Sequence[Box] = ()
    ) -> GraphicsPage:
        """The masks of one page: its real render and what the template draws behind it;
        ``covers``, boxes where the slide's own shapes hide the template
        (:func:`tests.rendered.covering_boxes`), whatever their colour."""
        same = _differs(real, behind.graphics, SAME_TOLERANCE).point(_lut(0, 0))
        draw = ImageDraw.Draw(same)
        for box in covers:
            pixels = _pixels(box, dpi, same.size)
            if pixels[2] > pixels[0] and pixels[3] > pixels[1]:
                draw.rectangle((pixels[0], pixels[1], pixels[2] - 1, pixels[3] - 1), fill=0)
        return cls(same, behind, dpi)

    def visible(self, box: tuple[int, int, int, int]) -> Image.Image:
        """An L mask of ``box``: where the real render shows the template (no shape of the
        slide covers it). Not where a letter's anti-aliased edge happens to match the
        template: a pixel counts with its neighbours."""
        width, height = self.same.size
        outer = (max(0, box[0] - 1), max(0, box[1] - 1), min(width, box[2] + 1),
                 min(height, box[3] + 1))  # fmt: skip
        eroded = self.same.crop(outer).filter(ImageFilter.MinFilter(3))
        return eroded.crop((box[0] - outer[0], box[1] - outer[1],
                            box[2] - outer[0], box[3] - outer[1]))  # fmt: skip

    def under(self, word: Word) -> str:
        """What of the template shows under the word's letters (:func:`glyph_box`), or ''."""
        box = _pixels(glyph_box(word), self.dpi, self.same.size)
        if box[2] - box[0] < 2 or box[3] - box[1] < 2:
            return ""
        visible = self.visible(box)

        def shown(mask: Image.Image) -> float:  # square points of mask that show in the box
            both = ImageChops.darker(visible, mask.crop(box))
            return _count(both, (0, 0, *both.size)) * (72 / self.dpi) ** 2

        if shown(self.behind.apart) >= MIN_AREA:
            return "on a graphic of the template"
        if shown(self.behind.edges) >= MIN_AREA:
            return "across an edge or pattern of the template"
        # in squares as wide as the letters are high, so that a gradient does not count
        graphics = self.behind.graphics.crop(box)
        side = visible.height
        spread = max(
            _spread(graphics.crop(square), visible.crop(square))
            for x in range(0, visible.width, side)
            for square in [(x, 0, min(visible.width, x + side), visible.height)]
        )
        if spread > PICTURE_SPREAD:
            return f"on a picture of the template (its shades {spread} levels apart)"
        return ""

    def designed_for(self, word: Word, frame: Box) -> bool:
        """Whether the word stands on a plain or evenly shaded surface of the template (no
        edge under its letters) that carries three quarters of its ``frame`` or more: the
        template's designer put the text area there (a title on a title bar, flat or with a
        gradient). The surface is what can be reached from the letters without crossing an
        edge of the graphics render."""
        letters = _pixels(glyph_box(word), self.dpi, self.same.size)
        area = _pixels(_shrunk(frame, 2), self.dpi, self.same.size)
        if letters[2] <= letters[0] or area[2] <= area[0] or area[3] <= area[1]:
            return False
        if _count(self.behind.graphic_edges, letters) * (72 / self.dpi) ** 2 >= MIN_AREA:
            return False
        edges = self.behind.graphic_edges.crop(area)  # 255 on an edge, else 0
        inside = (
            max(letters[0], area[0]) - area[0],
            max(letters[1], area[1]) - area[1],
            min(letters[2], area[2]) - area[0],
            min(letters[3], area[3]) - area[1],
        )
        seed = next(
            (
                (x, y)
                for y in range(inside[1], inside[3])
                for x in range(inside[0], inside[2])
                if edges.getpixel((x, y)) == 0
            ),
            None,
        )
        if seed is None:
            return False
        ImageDraw.floodfill(edges, seed, SURFACE_MARK)
        return edges.histogram()[SURFACE_MARK] >= DESIGNED * _size(area)[0] * _size(area)[1]


def _spread(image: Image.Image, mask: Image.Image) -> int:
    """How far apart the shades of ``image`` lie where ``mask`` is set: the largest range,
    in any channel, between the 2nd and the 98th percentile; 0 for fewer than 16 pixels."""
    histogram = image.histogram(mask)
    total = sum(histogram[:256])
    if total < 16:
        return 0
    widest = 0
    for channel in range(3):
        levels = histogram[channel * 256 : channel * 256 + 256]
        low, high, seen = 0, 255, 0
        for level, count in enumerate(levels):
            seen += count
            if seen > 0.02 * total:
                low = level
                break
        seen = 0
        for level in range(255, -1, -1):
            seen += levels[level]
            if seen > 0.02 * total:
                high = level
                break
        widest = max(widest, high - low)
    return widest


def on_graphics(
    words: list[Word], frames: list[Frame], page: GraphicsPage
) -> list[tuple[Word, str]]:
    """The words that sit on the template's own graphics, each with what lies under it.

    The rule, per word, on the part of its box the letters fill (:func:`glyph_box`), and there
    only where the real render shows the template (equals the graphics render: no shape of the
    slide covers it). A word is on graphics when two square points or more of that part are

    - *on a graphic*: the graphics render differs from the background render (a band, a
      triangle, a logo, a picture of the layout or master) and is not the page's surface (a
      plain panel over half the page or more, :func:`surface`); or
    - *across an edge or pattern*: neighbouring pixels of the graphics or background render
      differ by more than 24 levels (the outline of a shape, a hairline, a hatch, the detail of
      a background picture; a plain colour or a gradient has none);

    or when the shades the template shows there lie more than 48 levels apart (2nd to 98th
    percentile, in any channel, in any square of the part as wide as it is high, so that a
    gradient does not count): *on a picture*, whose soft shapes have no sharp edge. A word on
    a plain background, on a plain panel, or on a card, table or chart the slide draws over the
    template is none of these; a word crossing a hairline, standing on a coloured triangle,
    over a logo or over a photograph is.

    Not judged: the template's own words (text of its layout and master), footers, dates and
    slide numbers (the template places them, often on a band made for them), and words on a
    plain surface the template draws that carries three quarters of their frame or more (a
    title on a coloured title bar, even with a logo at its end): its designer meant text to go
    there; only their contrast counts. A frame that reaches further past the surface, as a body
    area over a plain band at the foot of the page, is judged word by word.
    """
    found = []
    for word in words:
        frame = holder(word, frames)
        if frame is not None and (frame.template or frame.furniture):
            continue
        what = page.under(word)
        if not what:
            continue
        if frame is not None and frame.text is not None and page.designed_for(word, frame.box):
            continue
        found.append((word, what))
    return found


# -- contrast --------------------------------------------------------------------------------------

QUANTUM = 8  # colours are compared in steps of 8 levels, so that noise and gradients group
RING = 3  # pixels around a word's box where its background is read
ON_TEMPLATE = 0.75  # the share of the ring that equals the graphics render: the word is on it


def relative_luminance(colour: RGB) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour (0-255 channels)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = colour
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG 2.1 contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 to 21."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _distance(a: RGB, b: RGB) -> int:
    """How far apart two colours are: the largest difference of a channel."""
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]), abs(a[2] - b[2]))


@dataclass(frozen=True)
class Contrast:
    """A word's colours as rendered and their contrast ratio."""

    ratio: float
    text: RGB
    background: RGB


_QUANTISE = [v // QUANTUM * QUANTUM for v in range(256)] * 3
_NOT_A_GROUP = (1, 1, 1)


@cache
def _lut(low: int, high: int = 255) -> list[int]:
    """A lookup table for Image.point: 255 for levels from ``low`` to ``high``, else 0."""
    return [255 if low <= v <= high else 0 for v in range(256)]


def _equal_to(image: Image.Image, colour: RGB) -> Image.Image:
    """An L mask, 255 where ``image`` has ``colour``."""
    bands = [band.point(_lut(c, c)) for band, c in zip(image.split(), colour, strict=True)]
    return ImageChops.darker(ImageChops.darker(bands[0], bands[1]), bands[2])


def _mean(image: Image.Image, mask: Image.Image) -> RGB:
    red, green, blue = ImageStat.Stat(image, mask).mean
    return (round(red), round(green), round(blue))


def word_contrast(
    image: Image.Image,
    box: tuple[int, int, int, int],
    behind: Image.Image | None = None,
    neighbours: Sequence[tuple[int, int, int, int]] = (),
) -> Contrast | None:
    """The contrast of the word drawn in ``box`` (pixels) of ``image``, or None off the page.

    Colours are grouped in steps of 8 levels, so that anti-aliasing, noise and gradients do not
    split them; distances are the largest difference of a channel.

    - What lies behind the letters: where ``behind`` (the page without the slide's own shapes:
      the graphics render) is given and the page equals it in three quarters of a ring of
      three pixels around the box, the word stands on the template, and behind each pixel lies
      the pixel of ``behind``: its groups that cover a tenth of the box are the backgrounds.
      Else the word stands on something of the slide (a card, a table) and the backgrounds are
      the groups that cover a tenth of the ring, where no letter of the word is, nor of
      another word (``neighbours``, pixel boxes: the line above, set tight, reaches into the
      ring with its underline). Without a ring (a box at the page's edge) the box's most
      common group is the background.
    - The text is the colour of the ink's core: the most common group among the pixels at
      least three quarters as far from what lies behind them as the farthest, averaged. The
      blends of text and background at a letter's edges spread over many groups and are never
      the core; a thin line of another colour crossing the word (a rule, a band's edge) is
      outnumbered.
    - The ratio is the lowest against any background (a word across a band's edge, or on a
      pattern, has more than one); in the ring, a background in the text's own colour (a
      neighbouring word's ink) does not count. No ink at all (text in the colour of what lies
      behind it) is a ratio of 1.
    """
    width, height = image.size
    x0, y0, x1, y1 = box
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    outer = (max(0, x0 - RING), max(0, y0 - RING), min(width, x1 + RING), min(height, y1 + RING))
    inner = (x0 - outer[0], y0 - outer[1], x1 - outer[0], y1 - outer[1])
    crop = image.crop(outer)
    letters = crop.crop(inner)
    strips = [
        strip
        for strip in [
            (0, 0, crop.width, inner[1]),
            (0, inner[3], crop.width, crop.height),
            (0, inner[1], inner[0], inner[3]),
            (inner[2], inner[1], crop.width, inner[3]),
        ]
        if strip[2] > strip[0] and strip[3] > strip[1]
    ]
    local = (
        behind.crop(box) if behind is not None and _on(crop, behind.crop(outer), strips) else None
    )
    if local is not None:  # the template: what lies behind each pixel
        backgrounds = _groups(local, [(0, 0, *local.size)], share=0.1)
        distance = _distance_image(letters, local)
    else:  # a shape of the slide, or a box at the page's edge
        ring = Image.new("L", crop.size, 255)
        draw = ImageDraw.Draw(ring)
        for other in [(x0, y0, x1, y1), *neighbours]:
            shifted = (other[0] - outer[0], other[1] - outer[1], other[2] - outer[0] - 1,
                       other[3] - outer[1] - 1)  # fmt: skip
            if shifted[2] >= shifted[0] and shifted[3] >= shifted[1]:
                draw.rectangle(shifted, fill=0)
        backgrounds = (
            _groups_in(crop, ring, share=0.1)
            or _groups(crop, strips, share=0.1)
            or _groups(letters, [(0, 0, *letters.size)])
        )
        distance = _distance_image(letters, backgrounds[0])
        for background in backgrounds[1:]:
            distance = ImageChops.darker(distance, _distance_image(letters, background))
    far = int(distance.getextrema()[1])  # type: ignore[arg-type]  # one band: (low, high)
    if far < COLOUR_TOLERANCE:
        return Contrast(1.0, backgrounds[0], backgrounds[0])
    ink = distance.point(_lut((3 * far + 3) // 4))
    groups = letters.point(_QUANTISE)
    # the ink's groups: every other pixel in a colour no group has (groups are multiples of 8)
    only_ink = Image.composite(groups, Image.new("RGB", ink.size, _NOT_A_GROUP), ink)
    counts = _colours(only_ink)
    core = max((n, c) for n, c in counts if c != _NOT_A_GROUP)[1]
    text = _mean(letters, ImageChops.darker(ink, _equal_to(groups, core)))
    against = backgrounds
    if local is None:  # not a neighbour's ink in the ring
        against = [b for b in backgrounds if _distance(b, text) >= far / 4] or backgrounds[:1]
    ratio, worst = min((contrast_ratio(text, b), b) for b in against)
    return Contrast(ratio, text, worst)


def _on(crop: Image.Image, behind: Image.Image, strips: list[tuple[int, int, int, int]]) -> bool:
    """Whether the page equals what lies behind it in most of the ring (``strips``)."""
    same = _differs(crop, behind, SAME_TOLERANCE).point(_lut(0, 0))
    total = sum((s[2] - s[0]) * (s[3] - s[1]) for s in strips)
    return total > 0 and sum(_count(same, s) for s in strips) >= ON_TEMPLATE * total


def _groups(
    image: Image.Image, parts: list[tuple[int, int, int, int]], share: float = 0.0
) -> list[RGB]:
    """The mean colours of the groups that cover ``share`` of the ``parts`` of ``image``, the
    most common first; at least the most common."""
    groups = image.point(_QUANTISE)
    counts: dict[RGB, int] = {}
    for part in parts:
        for count, colour in _colours(groups.crop(part)):
            counts[colour] = counts.get(colour, 0) + count
    return [_mean(image, _equal_to(groups, group)) for group in _common(counts, share)]


def _common(counts: dict[RGB, int], share: float) -> list[RGB]:
    """The groups of ``counts`` that cover ``share`` of all, the most common first; at least
    the most common; none of none."""
    if not counts:
        return []
    total = sum(counts.values())
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    return [ranked[0]] + [g for g in ranked[1:] if counts[g] >= share * total]


def _groups_in(image: Image.Image, mask: Image.Image, share: float) -> list[RGB]:
    """:func:`_groups` of the pixels of ``image`` where ``mask`` is set."""
    groups = Image.composite(
        image.point(_QUANTISE), Image.new("RGB", image.size, _NOT_A_GROUP), mask
    )
    counts = {c: n for n, c in _colours(groups) if c != _NOT_A_GROUP}
    quantised = image.point(_QUANTISE)
    return [
        _mean(image, ImageChops.darker(_equal_to(quantised, group), mask))
        for group in _common(counts, share)
    ]


def _colours(image: Image.Image) -> list[tuple[int, RGB]]:
    """Each colour of an RGB image with its number of pixels."""
    found = image.getcolors(image.width * image.height) or []
    return [(count, (colour[0], colour[1], colour[2])) for count, colour in found]  # type: ignore[index]


def _distance_image(image: Image.Image, other: RGB | Image.Image) -> Image.Image:
    """An L image: how far each pixel lies from ``other``, a colour or an image of the same
    size (the largest difference of a channel)."""
    if not isinstance(other, Image.Image):
        other = Image.new("RGB", image.size, other)
    red, green, blue = ImageChops.difference(image, other).split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)


def required_ratio(word: Word) -> float:
    """WCAG AA: 3:1 for large text (18 pt and more, told from the box's height), else 4.5:1."""
    return AA_LARGE if word.size >= LARGE_TEXT - 0.5 else AA_NORMAL


def low_contrast_words(
    png: Image.Image | Path,
    words: Sequence[Word],
    dpi: int = DPI,
    behind: Image.Image | None = None,
    covers: Sequence[Box] = (),
) -> list[tuple[Word, Contrast]]:
    """The words of one rendered page (``png``, at ``dpi``) whose contrast is below WCAG AA:
    4.5:1, or 3:1 for large text; with the colours measured (see :func:`word_contrast`, and for
    ``behind``, the page's graphics render, there). A word inside one of ``covers`` (boxes where
    the slide's own shapes hide the template) stands on that shape, whatever the ring around it
    looks like. Words without a letter or digit (dashes, bullets) are too thin to measure and
    are not judged."""
    image = Image.open(png).convert("RGB") if isinstance(png, Path) else png
    boxes = [_pixels(word.box, dpi, image.size) for word in words]
    found = []
    for number, word in enumerate(words):
        if not any(character.isalnum() for character in word.text):
            continue  # a dash, a bullet: too thin to measure, and in the colour of its words
        covered = any(_within(glyph_box(word), box) for box in covers)
        box = boxes[number]
        neighbours = [
            other
            for other in boxes
            if other is not box and other[0] < box[2] + RING and box[0] - RING < other[2]
            and other[1] < box[3] + RING and box[1] - RING < other[3]
        ]  # fmt: skip
        contrast = word_contrast(image, box, None if covered else behind, neighbours)
        if contrast is not None and contrast.ratio < required_ratio(word):
            found.append((word, contrast))
    return found


def _within(box: Box, outer: Box) -> bool:
    return outer[0] <= box[0] and outer[1] <= box[1] and box[2] <= outer[2] and box[3] <= outer[3]


# -- a whole deck ----------------------------------------------------------------------------------


def _hex(colour: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def judge(rendered: Rendered, dpi: int = DPI) -> list[Finding]:
    """Every finding of one deck: words outside their frames, on the template's graphics, and
    at too low a contrast. The template's own words are not judged."""
    name = rendered.deck.name
    findings = []
    presentation = Presentation(str(rendered.deck))
    behind = [
        Behind.of(graphics, background)
        for graphics, background in zip(
            page_images(rendered.graphics, dpi), page_images(rendered.background, dpi), strict=True
        )
    ]
    words_of_pages = pdf_words(rendered.pdf)
    assert len(words_of_pages) == len(presentation.slides), rendered.deck
    page = (presentation.slide_width / EMU_PER_POINT, presentation.slide_height / EMU_PER_POINT)
    pages = zip(presentation.slides, words_of_pages, page_images(rendered.pdf, dpi), strict=True)
    for number, (slide, words, real) in enumerate(pages, 1):
        frames = slide_frames(slide)
        own = [w for w in words if not _template_word(w, frames)]
        findings += [
            Finding(name, number, word.text, word.box, "outside", "outside its frame")
            for word in words_without_frame(own, frames)
        ]
        missing = missing_letters(slide, words, page)
        if missing:
            unseen = " ".join(unseen_words(slide, words, page))
            findings.append(
                Finding(name, number, unseen[:60] or missing[:40], (0, 0, 0, 0), "outside",
                        f"{len(missing)} letters of the slide's text not on the page")
            )  # fmt: skip
        covers = covering_boxes(slide)
        masks = GraphicsPage.of(real, behind[rendered.pages[number - 1]], dpi, covers)
        findings += [
            Finding(name, number, word.text, word.box, "graphics", what)
            for word, what in on_graphics(own, frames, masks)
        ]
        findings += [
            Finding(name, number, word.text, word.box, "contrast",
                    f"contrast {contrast.ratio:.2f}:1 < {required_ratio(word)}:1 "
                    f"({_hex(contrast.text)} on {_hex(contrast.background)})")
            for word, contrast in low_contrast_words(
                real, own, dpi, masks.behind.graphics, covers
            )
        ]  # fmt: skip
    findings.sort(key=lambda f: (f.slide, f.check))
    return findings


def _template_word(word: Word, frames: list[Frame]) -> bool:
    """Whether the word is the template's own text: in a text frame of the layout or master
    that has it (or a field: a slide number, a date), or below it where that text wraps further
    than its designer meant (a font this machine lacks is wider), up to three of its lines."""
    return any(
        f.template
        and f.text
        and (word.text in f.text or f.field)
        and inside(word, (f.box[0], f.box[1], f.box[2], f.box[3] + 3 * 1.2 * word.size))
        for f in frames
    )


def judge_all(
    rendered: Sequence[Rendered], *, jobs: int = 1, dpi: int = DPI
) -> list[list[Finding]]:
    """:func:`judge` for many decks, in ``jobs`` processes."""
    if jobs <= 1:
        return [judge(r, dpi) for r in rendered]
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
        return list(pool.map(judge, rendered, [dpi] * len(rendered)))


_MARKS = {"outside": "#e00000", "graphics": "#0050ff", "contrast": "#ff9900"}


def annotate(pdf: Path, findings: Sequence[Finding], folder: Path, dpi: int = DPI) -> None:
    """Write ``folder/slide-N.png`` for each slide with findings, their words boxed."""
    folder.mkdir(parents=True, exist_ok=True)
    slides = {f.slide for f in findings}
    for number, image in enumerate(page_images(pdf, dpi), 1):
        if number not in slides:
            continue
        draw = ImageDraw.Draw(image)
        for finding in findings:
            if finding.slide == number:
                box = [round(v * dpi / 72) for v in finding.box]
                draw.rectangle(box, outline=_MARKS[finding.check], width=2)
        image.save(folder / f"slide-{number}.png")


# -- the command line ------------------------------------------------------------------------------


def _unique_names(decks: Sequence[Path]) -> list[tuple[str, Path]]:
    """Each deck with a name for its renders: its stem, else its folder's name and its stem,
    else those numbered."""
    for name in (lambda d: d.stem, lambda d: f"{d.resolve().parent.name}-{d.stem}"):
        names = [name(deck) for deck in decks]
        if len(set(names)) == len(names):
            return list(zip(names, decks, strict=True))
    return [(f"{n}-{deck.stem}", deck) for n, deck in enumerate(decks, 1)]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tests.judge DECK.pptx...``: render the decks and print their findings."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.judge", description=__doc__.split("\n")[0]
    )
    parser.add_argument("decks", nargs="+", type=Path, metavar="DECK.pptx")
    parser.add_argument("--dpi", type=int, default=DPI, help=f"render resolution (default {DPI})")
    parser.add_argument("--keep", type=Path, help="keep the renders (PDFs) in this folder")
    parser.add_argument(
        "--annotate",
        type=Path,
        metavar="DIR",
        help="write each slide with findings as a PNG into DIR, every finding's word boxed: "
        "red outside its frame, blue on graphics, orange low contrast",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="judge-") as temporary:
        folder = args.keep or Path(temporary)
        names = _unique_names(args.decks)
        rendered = render_variants(names, folder, jobs=min(2, len(names)))
        results = judge_all(rendered, jobs=min(2, len(rendered)), dpi=args.dpi)
        if args.annotate:
            for one, findings in zip(rendered, results, strict=True):
                annotate(one.pdf, findings, args.annotate / one.deck.stem, args.dpi)
    total = 0
    for deck, findings in zip(args.decks, results, strict=True):
        counts = {
            c: sum(f.check == c for f in findings) for c in ("outside", "graphics", "contrast")
        }
        print(f"{deck}: " + ", ".join(f"{n} {c}" for c, n in counts.items()))
        slide = 0
        for finding in findings:
            if finding.slide != slide:
                slide = finding.slide
                print(f"  slide {slide}")
            box = ", ".join(f"{v:.0f}" for v in finding.box)
            print(f"    {finding.word!r:24} {finding.what}  [{box}]")
        total += len(findings)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
