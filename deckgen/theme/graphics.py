"""Where a template's own graphics lie, and the part of a placeholder they leave free.

The render layer reads the shapes of a layout and its master as :class:`Mark` outlines (in
EMU); :class:`GraphicsMap` draws them onto a coarse grid and answers: how much of a rectangle
they cover, the largest rectangle inside it they leave free, and which mark a rectangle lies
on entirely (a plate the designer put under the text, such as a coloured title band).
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageStat

from deckgen.paginate.geometry import Rect

Point = tuple[float, float]
COLUMNS = 160  # grid cells across the slide: about 1.6 mm on a 25 cm slide
PLATE_COVER = 0.98  # a mark covering this much of a placeholder is the placeholder's plate


@dataclass(frozen=True)
class Mark:
    """One of the template's graphics: its outline on the slide (EMU) and its fill colour."""

    outline: tuple[Point, ...]
    fill: str | None = None  # RRGGBB of a solid fill; None for pictures, lines, gradients
    what: str = "shape"  # shape, picture, line, text
    see_through: bool = False  # a fill mostly transparent: what lies below shows through


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
        return image

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
            if mark.what == "shape" and self._cover(self._images[index], rect) >= PLATE_COVER:
                return index
        return None

    def _obstacles(self, rect: Rect) -> Image.Image:
        """Cells covered by marks other than the plate under ``rect`` and the marks beneath it."""
        plate = self.plate(rect)
        grid = Image.new("L", (self.columns, self.rows), 0)
        for index, image in enumerate(self._images):
            if plate is None or index > plate:  # the plate and what it hides are background
                grid = ImageChops.lighter(grid, image)
        return grid

    def covered(self, rect: Rect) -> float:
        """The share of ``rect`` that template graphics cover (plates not counted)."""
        return self._cover(self._obstacles(rect), rect)

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
    import io

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (PICTURE_SIDE, PICTURE_SIDE))
            small = image.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    small.thumbnail((PICTURE_SIDE, PICTURE_SIDE))
    return small
