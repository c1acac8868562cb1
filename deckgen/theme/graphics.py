"""Where a template's own graphics lie, and the part of a placeholder they leave free.

The render layer reads the shapes of a layout and its master as :class:`Mark` outlines (in
EMU); :class:`GraphicsMap` draws them onto a coarse grid and answers: how much of a rectangle
they cover, the largest rectangle inside it they leave free, and which mark a rectangle lies
on entirely (a plate the designer put under the text, such as a coloured title band).

A picture (a photograph, a texture, the slide's background picture) is a graphic only where
it is busy: where its pixels have edges (a line, a speck, a pattern) or shades far apart within
a few millimetres (the soft shapes of a photograph). A plain sky or a smooth gradient in a
picture leaves room for text like a plain background does.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat

from deckgen.content.images import CONVERTED, EMBEDDED, MAX_IMAGE_PIXELS
from deckgen.paginate.geometry import Rect
from deckgen.theme.colours import TEXT_CONTRAST, Palette, contrast, rgb
from deckgen.theme.paint import Paint

Point = tuple[float, float]
COLUMNS = 160  # grid cells across the slide: about 1.6 mm on a 25 cm slide
PLATE_COVER = 0.98  # a mark covering this much of a placeholder is the placeholder's plate


DETAIL = 10  # pixels per grid cell and side at which a picture is read: about 0.17 mm
EDGE = 24  # levels of 255: neighbouring pixels further apart are an edge (a line, a speck)
EDGE_SHARE = 0.01  # of the pixels within three cells each way: edges there make it busy
SPREAD = 48  # levels: a cell's shade this far from a neighbour's is a picture's shape


@dataclass(frozen=True)
class PictureFill:
    """The image a picture shows: its file's bytes, the share of the image cut off each side
    (left, top, right, bottom: ``a:srcRect``) and whether it is tiled rather than stretched
    (a tile's ``scale`` is its size on the slide per pixel, in EMU)."""

    data: bytes
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    tile_scale: tuple[float, float] | None = None


@dataclass(frozen=True)
class Mark:
    """One of the template's graphics: its outline on the slide (EMU) and its fill colour."""

    outline: tuple[Point, ...]
    fill: str | None = None  # RRGGBB of a solid fill; None for pictures, lines, gradients
    what: str = "shape"  # shape, picture, line, text, pattern
    see_through: bool = False  # a fill mostly transparent: what lies below shows through
    picture: PictureFill | None = None  # what a picture shows, where it can be read
    translucent: bool = False  # a fill that lets what lies beneath show through
    paint: Paint | None = None  # how its fill colours each point: gradients, opacity, patterns


class GraphicsMap:
    """The template graphics of one layout on a grid, for questions about rectangles."""

    def __init__(self, width: int, height: int, marks: list[Mark]) -> None:
        self.width, self.height = max(1, width), max(1, height)
        self.columns = COLUMNS
        self.rows = max(1, round(COLUMNS * self.height / self.width))
        self.marks = marks
        self._images = [self._rasterise(mark) for mark in marks]

    def _rasterise(self, mark: Mark) -> Image.Image:
        image = Image.new("L", (self.columns, self.rows), 0)
        points = [
            (x * self.columns / self.width, y * self.rows / self.height) for x, y in mark.outline
        ]
        if len(points) >= 3:
            ImageDraw.Draw(image).polygon(points, fill=255, outline=255)
        elif len(points) == 2:
            ImageDraw.Draw(image).line(points, fill=255, width=1)
        if mark.picture is not None and len(points) >= 3:
            busy = self._busy(mark.picture, points)
            if busy is not None:
                return ImageChops.darker(image, busy)
        return image

    def _busy(self, picture: PictureFill, points: list[Point]) -> Image.Image | None:
        """The cells of the grid where ``picture``, drawn in the box of ``points``, is busy;
        None where its image cannot be read (then all of it counts)."""
        left = max(0, int(min(x for x, _ in points)))
        top = max(0, int(min(y for _, y in points)))
        right = min(self.columns, -int(-max(x for x, _ in points) // 1))
        bottom = min(self.rows, -int(-max(y for _, y in points) // 1))
        if right <= left or bottom <= top:
            return None
        cell = self.width / self.columns  # EMU
        scale = None
        if picture.tile_scale is not None:
            scale = (
                picture.tile_scale[0] * DETAIL / cell,
                picture.tile_scale[1] * DETAIL / cell,
            )
        cells = busy_cells(picture.data, picture.crop, scale, (right - left, bottom - top))
        if cells is None:
            return None
        grid = Image.new("L", (self.columns, self.rows), 0)
        grid.paste(cells, (left, top))
        return grid

    def _span(self, rect: Rect) -> tuple[int, int, int, int]:
        """The cells a rectangle covers: first column, first row, end column, end row."""
        x0 = max(0, min(self.columns - 1, rect.left * self.columns // self.width))
        y0 = max(0, min(self.rows - 1, rect.top * self.rows // self.height))
        x1 = min(self.columns, max(x0 + 1, -(-rect.right * self.columns // self.width)))
        y1 = min(self.rows, max(y0 + 1, -(-rect.bottom * self.rows // self.height)))
        return int(x0), int(y0), int(x1), int(y1)

    def _cover(self, image: Image.Image, rect: Rect) -> float:
        x0, y0, x1, y1 = self._span(rect)
        histogram = image.crop((x0, y0, x1, y1)).histogram()
        total = sum(histogram)
        return (total - histogram[0]) / total if total else 0.0

    def plate(self, rect: Rect) -> int | None:
        """The index of the topmost mark that lies under all of ``rect``, if any."""
        for index in range(len(self.marks) - 1, -1, -1):
            mark = self.marks[index]
            if mark.translucent or mark.what != "shape":
                continue
            if self._cover(self._images[index], rect) >= PLATE_COVER:
                return index
        return None

    def _obstacles(self, rect: Rect) -> Image.Image:
        """Cells covered by marks other than the plate under ``rect`` and the marks beneath it."""
        plate = self.plate(rect)
        grid = Image.new("L", (self.columns, self.rows), 0)
        for index, image in enumerate(self._images):
            if plate is not None and index <= plate:  # the plate and what it hides are background
                continue
            if self.marks[index].translucent and self._cover(image, rect) >= PLATE_COVER:
                continue  # a tint over all of it: what lies beneath shows through
            grid = ImageChops.lighter(grid, image)
        return grid

    def enclosed(self, rect: Rect) -> bool:
        """Whether a graphic lies wholly inside ``rect``, off its edges (a speck of confetti, a
        small icon): a graphic the text cannot be moved away from."""
        x0, y0, x1, y1 = self._span(rect)
        plate = self.plate(rect)
        for index, image in enumerate(self._images):
            if plate is not None and index <= plate:
                continue
            if self.marks[index].translucent and self._cover(image, rect) >= PLATE_COVER:
                continue
            box = image.getbbox()
            if box is not None and box[0] > x0 and box[1] > y0 and box[2] < x1 and box[3] < y1:
                return True
        return False

    def covered(self, rect: Rect) -> float:
        """The share of ``rect`` that template graphics cover (plates not counted)."""
        return self._cover(self._obstacles(rect), rect)

    def pictured(self, rect: Rect) -> float:
        """The share of ``rect`` where pictures are busy (a texture's specks, a photograph)."""
        grid = Image.new("L", (self.columns, self.rows), 0)
        for mark, image in zip(self.marks, self._images, strict=True):
            if mark.picture is not None:
                grid = ImageChops.lighter(grid, image)
        return self._cover(grid, rect)

    def free_rect(self, rect: Rect) -> Rect | None:
        """The largest rectangle inside ``rect`` that no template graphic covers, in EMU."""
        x0, y0, x1, y1 = self._span(rect)
        grid = self._obstacles(rect).tobytes()
        best = (0, 0, 0, 0, 0)  # area, column, row, width, height (in cells)
        heights = [0] * (x1 - x0)
        for row in range(y0, y1):
            for offset, col in enumerate(range(x0, x1)):
                heights[offset] = 0 if grid[row * self.columns + col] else heights[offset] + 1
            stack: list[int] = []
            for offset in range(len(heights) + 1):
                current = heights[offset] if offset < len(heights) else 0
                while stack and heights[stack[-1]] >= current:
                    tall = heights[stack.pop()]
                    start = stack[-1] + 1 if stack else 0
                    area = tall * (offset - start)
                    if area > best[0]:
                        best = (area, x0 + start, row - tall + 1, offset - start, tall)
                stack.append(offset)
        if best[0] == 0:
            return None
        _, col, row, cols, rows = best
        left = max(rect.left, round(col * self.width / self.columns))
        top = max(rect.top, round(row * self.height / self.rows))
        right = min(rect.right, round((col + cols) * self.width / self.columns))
        bottom = min(rect.bottom, round((row + rows) * self.height / self.rows))
        return Rect(left, top, max(0, right - left), max(0, bottom - top))

    def beneath(self, rect: Rect) -> str | None:
        """The fill of the topmost coloured graphic under most of ``rect`` (a band, a hatch),
        if any."""
        for index in range(len(self.marks) - 1, -1, -1):
            mark = self.marks[index]
            if mark.fill and not mark.translucent and self._cover(self._images[index], rect) > 0.5:
                return mark.fill
        return None

    def background_of(self, rect: Rect, default: str) -> str:
        """The colour text in ``rect`` stands on: its plate's fill, else ``default``."""
        plate = self.plate(rect)
        if plate is not None and self.marks[plate].fill:
            return self.marks[plate].fill or default
        return default


PICTURE_SHARE = 0.1  # a colour covering this much of a picture's part under a text counts
PICTURE_SIDE = 256  # pixels: pictures are looked at this small
PICTURE_STEP = 32  # levels: a picture's colours are told apart in steps this coarse
TRANSPARENT = (1, 1, 1)  # no colour of the coarse steps: where a picture is transparent


def picture_colours(image: Image.Image, outline: tuple[Point, ...], box: Rect) -> list[str]:
    """The colours (RRGGBB) of a picture placed at ``outline`` (EMU) that cover a tenth of its
    part under ``box``, the most common first: what a text there stands on."""
    xs, ys = [x for x, _ in outline], [y for _, y in outline]
    left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
    if right <= left or bottom <= top:
        return []
    width, height = image.size

    def across(x: float) -> int:
        return max(0, min(width, round((x - left) / (right - left) * width)))

    def down(y: float) -> int:
        return max(0, min(height, round((y - top) / (bottom - top) * height)))

    x0, x1 = across(box.left), across(box.right)
    y0, y1 = down(box.top), down(box.bottom)
    if x1 <= x0 or y1 <= y0:
        return []
    part = image.crop((x0, y0, x1, y1))
    colours = part.convert("RGB")
    coarse = colours.point(lambda v: v // PICTURE_STEP * PICTURE_STEP + 16)
    if "A" in part.getbands():  # what shows through a transparent part is not the picture's
        coarse.paste(TRANSPARENT, mask=part.getchannel("A").point(lambda a: 255 if a < 128 else 0))
    counts = [(n, c) for n, c in coarse.getcolors(coarse.width * coarse.height) or []]
    counts = [(n, c) for n, c in counts if c != TRANSPARENT]
    total = sum(count for count, _ in counts) or 1
    ranked = sorted(counts, key=lambda item: -item[0])
    found = []
    for count, colour in ranked:
        if count >= PICTURE_SHARE * total:
            rgb: tuple[int, int, int] = colour  # type: ignore[assignment]  # an RGB image's
            bands = [band.point(lambda v, c=c: 255 if v == c else 0) for band, c in
                     zip(coarse.split(), rgb, strict=True)]  # fmt: skip
            mask = ImageChops.darker(ImageChops.darker(bands[0], bands[1]), bands[2])
            red, green, blue = (round(v) for v in ImageStat.Stat(colours, mask).mean)
            found.append(f"{red:02X}{green:02X}{blue:02X}")
    return found


def small_picture(data: bytes) -> Image.Image | None:
    """An image file as a small RGBA image (None where it cannot be read, as a vector file)."""
    small = _decoded(data, (PICTURE_SIDE, PICTURE_SIDE))
    if small is not None:
        small.thumbnail((PICTURE_SIDE, PICTURE_SIDE))
    return small


@lru_cache(maxsize=16)
def busy_cells(
    data: bytes,
    crop: tuple[float, float, float, float],
    tile_scale: tuple[float, float] | None,
    size: tuple[int, int],
) -> Image.Image | None:
    """An L mask of ``size`` cells, 255 where the picture in ``data`` (cut by ``crop``,
    stretched over the cells, or tiled at ``tile_scale`` pixels of :data:`DETAIL` per pixel
    of its own) is busy; None where the image cannot be read.

    A cell is busy where edges (neighbouring pixels more than :data:`EDGE` levels apart, read
    at :data:`DETAIL` pixels per cell) make up :data:`EDGE_SHARE` of the pixels within three
    cells each way, or where its mean shade lies more than :data:`SPREAD` levels from a
    neighbouring cell's: a speckled or patterned texture, a photograph's details and its soft
    shapes; not a plain sky or a gradient.
    """
    image = _open(data)
    if image is None:
        return None
    width, height = image.size
    left, top, right, bottom = crop
    box = (
        round(width * max(0.0, left)),
        round(height * max(0.0, top)),
        round(width * (1 - max(0.0, right))),
        round(height * (1 - max(0.0, bottom))),
    )
    if box[2] - box[0] < 1 or box[3] - box[1] < 1:
        return None
    image = image.crop(box)
    fine = (size[0] * DETAIL, size[1] * DETAIL)
    if tile_scale is None:
        drawn = image.resize(fine, Image.Resampling.BOX)
    else:
        tile = image.resize(
            (
                max(1, round(image.width * tile_scale[0])),
                max(1, round(image.height * tile_scale[1])),
            ),
            Image.Resampling.BOX,
        )
        drawn = Image.new("RGB", fine)
        for y in range(0, fine[1], tile.height):
            for x in range(0, fine[0], tile.width):
                drawn.paste(tile, (x, y))
    return _busy(drawn, size)


def _busy(drawn: Image.Image, size: tuple[int, int]) -> Image.Image:
    width, height = drawn.size
    right, below = drawn.copy(), drawn.copy()  # the last column and row compare with themselves
    right.paste(drawn.crop((1, 0, width, height)), (0, 0))
    below.paste(drawn.crop((0, 1, width, height)), (0, 0))
    edges = ImageChops.lighter(_apart(drawn, right, EDGE), _apart(drawn, below, EDGE))
    share = edges.reduce(DETAIL)  # per cell: the share of edge pixels, 0 to 255
    nearby = share.filter(ImageFilter.BoxBlur(3))  # within three cells each way
    edgy = nearby.point(lambda v: 255 if v >= EDGE_SHARE * 255 else 0)
    means = drawn.reduce(DETAIL)
    lightest = means.filter(ImageFilter.MaxFilter(3))
    darkest = means.filter(ImageFilter.MinFilter(3))
    shapes = _apart(lightest, darkest, SPREAD)
    busy = ImageChops.lighter(edgy, shapes)
    return busy if busy.size == size else busy.resize(size, Image.Resampling.NEAREST)


def _apart(one: Image.Image, other: Image.Image, levels: int) -> Image.Image:
    """An L mask, 255 where two RGB images differ by more than ``levels`` in any channel."""
    red, green, blue = ImageChops.difference(one, other).split()
    most = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return most.point(lambda v: 255 if v > levels else 0)


def _open(data: bytes) -> Image.Image | None:
    """The image in ``data`` as RGB (transparent parts white), or None where Pillow cannot
    read it (a vector picture, a broken file) or it is too large to read."""
    image = _decoded(data, (2000, 2000))
    if image is None:
        return None
    white = Image.new("RGBA", image.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, image).convert("RGB")


def _decoded(data: bytes, draft: tuple[int, int]) -> Image.Image | None:
    """The image in ``data`` as RGBA, a JPEG decoded near ``draft`` pixels; None where it is in
    a format deckgen does not read, too large, or cannot be read (a template's picture is as
    untrusted as a content picture)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[*EMBEDDED, *CONVERTED]) as picture:
                if picture.width * picture.height > MAX_IMAGE_PIXELS:
                    return None
                picture.draft("RGB", draft)  # a JPEG decodes at the size it is read at
                return picture.convert("RGBA")
    except Exception:  # Pillow's decoders raise many kinds of errors on files they cannot read
        return None


PLATE_SLOTS = ("bg1", "bg2", "tx1", "tx2", "lt1", "dk1")  # calm surfaces first: the slide's own
ACCENTS = tuple(f"accent{n}" for n in range(1, 7))


PLATE_APART = 16 / 255  # a plate at least this far from the colours it lies on (any channel)


def plate_colour(
    palette: Palette, text: str, near: str | None = None, apart: tuple[str, ...] = ()
) -> str:
    """The scheme slot of a plate under text of colour ``text`` (RRGGBB), on which it reads at
    4.5:1 (whatever its size): the first of :data:`PLATE_SLOTS`, or, given the colour ``near``
    of the graphic beneath, the slot (accents too) nearest to it, so that the plate stands out
    as little as it can; else the slot with the highest contrast. A slot as good as equal to
    one of the colours ``apart`` (what a plate on a pattern lies on) is taken only where no
    other reads: a plate of the very colour around it looks like a hole cut into the graphic,
    one a tone apart like a label laid on it."""
    slots = PLATE_SLOTS if near is None else (*PLATE_SLOTS, *ACCENTS)
    readable = [s for s in slots if contrast(palette.colour(s), text) >= TEXT_CONTRAST]
    if not readable:
        return max(slots, key=lambda slot: contrast(palette.colour(slot), text))
    distinct = [
        s for s in readable if all(_distance(palette.colour(s), c) >= PLATE_APART for c in apart)
    ]
    readable = distinct or readable
    if near is None:
        return readable[0]
    return min(readable, key=lambda slot: _distance(palette.colour(slot), near))


def _distance(one: str, other: str) -> float:
    """How far apart two colours look: the largest difference of their channels (0 to 1)."""
    return max(abs(a - b) for a, b in zip(rgb(one), rgb(other), strict=True))
