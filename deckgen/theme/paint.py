"""The colour a graphic's fill gives a point: solid or translucent, a gradient's colour there,
a pattern's two colours; and what a stack of such fills shows where they lie one on another.

Plain data the render layer reads from a template's XML (:class:`Paint` on a
:class:`~deckgen.theme.graphics.Mark`), for the colour behind a text: a glow of translucent
white over a dark gradient is light where it is strong, and a gradient from dark to pink is
pink at its pink end.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from deckgen.theme.colours import rgb, to_hex

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom
OPAQUE = 0.999  # a layer at least this opaque hides what lies beneath


@dataclass(frozen=True)
class Stop:
    """One colour of a fill: where it lies (0 to 1 along a gradient), RRGGBB, its opacity."""

    position: float
    colour: str
    alpha: float = 1.0


@dataclass(frozen=True)
class Paint:
    """A fill: ``solid`` (one stop), ``linear`` (stops along ``angle`` degrees, clockwise from
    rightwards, or as on a square box where ``scaled``), ``circle`` or ``rect`` (stops
    outwards from the ``focus`` rectangle: shares of the box in from its left, top, right and
    bottom) or ``pattern`` (two stops: both colours lie under anything on it)."""

    stops: tuple[Stop, ...]
    kind: str = "solid"
    angle: float = 0.0
    focus: tuple[float, float, float, float] = (0.5, 0.5, 0.5, 0.5)
    scaled: bool = False  # the angle is the box's as if it were square (``a:lin scaled``)

    @property
    def opacity(self) -> float:
        """How opaque the fill is on average over its stops (1: wholly)."""
        return sum(stop.alpha for stop in self.stops) / len(self.stops) if self.stops else 1.0

    def at(self, point: Point, box: Box) -> list[Stop]:
        """The colours (with their opacity) the fill gives ``point`` when it fills ``box``."""
        if not self.stops:
            return []
        if self.kind == "pattern" or len(self.stops) == 1:
            return list(dict.fromkeys(self.stops))
        return [self._stop_at(self._where(point, box))]

    def _where(self, point: Point, box: Box) -> float:
        """How far along the gradient ``point`` lies, from 0 to 1."""
        left, top, right, bottom = box
        x, y = point
        if self.kind == "linear":
            dx, dy = math.cos(math.radians(self.angle)), math.sin(math.radians(self.angle))
            if self.scaled and right > left and bottom > top:
                dx, dy = dx / (right - left), dy / (bottom - top)
            ends = [cx * dx + cy * dy for cx in (left, right) for cy in (top, bottom)]
            span = max(ends) - min(ends)
            return (x * dx + y * dy - min(ends)) / span if span else 0.0
        width, height = right - left, bottom - top
        fl, ft, fr, fb = self.focus
        inner = (left + fl * width, top + ft * height, right - fr * width, bottom - fb * height)
        ix0, iy0 = min(inner[0], inner[2]), min(inner[1], inner[3])
        ix1, iy1 = max(inner[0], inner[2]), max(inner[1], inner[3])
        out_x = max(ix0 - x, 0.0, x - ix1)
        out_y = max(iy0 - y, 0.0, y - iy1)
        reach_x = max(ix0 - left, right - ix1)
        reach_y = max(iy0 - top, bottom - iy1)
        if self.kind == "circle":
            reach = math.hypot(reach_x, reach_y)
            return math.hypot(out_x, out_y) / reach if reach else 0.0
        return max(out_x / reach_x if reach_x else 0.0, out_y / reach_y if reach_y else 0.0)

    def _stop_at(self, where: float) -> Stop:
        stops = sorted(self.stops, key=lambda stop: stop.position)
        where = max(0.0, min(1.0, where))
        if where <= stops[0].position:
            return stops[0]
        for before, after in itertools.pairwise(stops):
            if where <= after.position:
                span = after.position - before.position
                share = (where - before.position) / span if span else 1.0
                colour = to_hex(*(_between(a, b, share) for a, b in _channels(before, after)))
                alpha = _between(before.alpha, after.alpha, share)
                return Stop(where, colour, alpha)
        return stops[-1]


def _channels(one: Stop, other: Stop) -> list[tuple[float, float]]:
    return list(zip(rgb(one.colour), rgb(other.colour), strict=True))


def _between(one: float, other: float, share: float) -> float:
    return one + (other - one) * share


def composite(layers: list[list[Stop]]) -> list[str]:
    """What a stack of fills shows at a point: ``layers`` bottom to top, each the colours it
    gives the point (a pattern two, each shown where it is drawn), the lowest taken as opaque."""
    if not layers:
        return []
    shown = list(dict.fromkeys(stop.colour for stop in layers[0]))
    for layer in layers[1:]:
        over = (_over(stop.colour, stop.alpha, below) for stop in layer for below in shown)
        shown = list(dict.fromkeys(over))
    return shown


def _over(colour: str, alpha: float, below: str) -> str:
    if alpha >= OPAQUE:
        return colour
    return to_hex(*(_between(b, c, alpha) for c, b in zip(rgb(colour), rgb(below), strict=True)))
