"""Key figures across a deck: one that appears on more than one slide, or that only repeats or
contradicts the data of a chart, is reported, so that a number is said once and said right."""

from __future__ import annotations

import re

from deckgen.content import model
from deckgen.errors import SourceError
from deckgen.outline import DeckOutline
from deckgen.typography import plain

_NUMBER = re.compile(r"^[+-]?\d[\d.,]*$")
_WORD = re.compile(r"[^\W\d_]{4,}")


def _shown(slide: model.Slide) -> list[model.Figure]:
    if isinstance(slide, model.KeyFiguresSlide):
        return list(slide.figures)
    if isinstance(slide, model.CardsSlide):
        return [card.figure for card in slide.cards if card.figure is not None]
    return []


def _number(value: str) -> float | None:
    """A figure's value as a number ("1.000" and "1,000" alike), if it is a plain number."""
    text = plain(value).replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not _NUMBER.match(text):
        return None
    digits = re.sub(r"[.,](?=\d{3}(\D|$))", "", text).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(plain(text))}


def repeated_figures(outline: DeckOutline) -> list[SourceError]:
    """Warnings for figures shown on more than one slide, and for figures that restate or
    contradict the chart they share their words with."""
    found: list[SourceError] = []
    seen: dict[tuple[str, frozenset[str]], int] = {}
    charts: list[tuple[int, model.ChartSlide]] = []
    for number, spec in enumerate(outline.slides, start=1):
        if isinstance(spec.slide, model.ChartSlide):
            charts.append((number, spec.slide))
    for number, spec in enumerate(outline.slides, start=1):
        for figure in _shown(spec.slide):
            key = (plain(figure.value).strip(), frozenset(_words(figure.label)))
            shown = f"the figure '{plain(figure.value)} {plain(figure.label)}'"
            earlier = next(
                (n for (value, words), n in seen.items() if value == key[0] and words & key[1]),
                None,
            )
            if earlier is not None and earlier != number:
                found.append(
                    SourceError(spec.origin, f"slide {number}: {shown} is on slide {earlier} too")
                )
            seen.setdefault(key, number)
            value = _number(figure.value)
            for chart_number, chart in charts:
                restated = value is not None and any(
                    value in _summaries(series) for series in chart.chart.series
                )
                if restated and _chart_words(chart) & key[1]:
                    what = f"slide {number}: {shown} repeats the chart on slide {chart_number}"
                    found.append(SourceError(spec.origin, what))
    return found


def _chart_words(chart: model.ChartSlide) -> set[str]:
    return _words(chart.title) | {w for s in chart.chart.series for w in _words(s.name)}


def _summaries(series: model.Series) -> tuple[float, ...]:
    """What a figure may restate of a series: its total and its last value."""
    return (sum(series.values), series.values[-1]) if series.values else ()
