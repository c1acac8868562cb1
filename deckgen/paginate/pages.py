"""Paginate: measure every text of an outline against its layout, split or shrink what does
not fit, and return the final outline that every command reads.

The fit policy (split, shrink, warn, error) is decided here and only here
(:func:`effective_policy`): a slide's ``fit:``, else the theme's, else deckgen.yaml's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from deckgen.content import model
from deckgen.content.model import FitPolicy, NoteLine, Notes
from deckgen.errors import ContentError, SourceError
from deckgen.outline import DeckOutline, SlideSpec, continued_title, even_groups
from deckgen.paginate import hyphens
from deckgen.paginate.drawn import (
    CardsFit,
    FigureLines,
    FiguresFit,
    ProcessFit,
    TableFit,
    card_size,
    cards_fit,
    column_widths,
    figure_lines,
    figures_fit,
    process_fit,
    table_fit,
    table_fits,
    table_rows,
)
from deckgen.paginate.fields import field_texts, point_paras
from deckgen.paginate.fonts import ThemeFonts
from deckgen.paginate.geometry import (
    KindFrames,
    Para,
    Rect,
    TemplateGeometry,
    TextSetting,
    emu,
    points,
)
from deckgen.paginate.measure import ParagraphStyle, text_height
from deckgen.typography import plain

SHRINK_STEP = 0.05
ALIKE_FIELDS = ("left", "right")  # fields side by side: set at one size
TITLE_MARGIN = 0.03  # of a title's width: renderers set a line a little wider than measured
SPLIT_AVOIDING_SHRINK = 0.9  # shrink by up to two steps rather than leave one item alone
CAPTION_MIN_HEIGHT = 30.0  # points
CAPTION_SIZE = 14.0  # points: a caption's text (italic), as render draws it
CAPTION_INSETS = (7.2, 3.6)  # points: a text box's insets beside and above/below its text
CAPTION_SLACK = 1.1  # italic and the renderer's line breaks may take a little more room
DRAWN_FIELDS = {
    "key_figures": "figures",
    "chart": "chart",
    "table": "table",
    "image": "image",
    "process": "diagram",
    "cards": "cards",
}

T = TypeVar("T")


@dataclass(frozen=True)
class FitRules:
    """The deck-wide inputs of fitting: policies, smallest size, words for continued slides,
    and the theme's fonts to measure with."""

    settings_policy: FitPolicy = "split"  # fit: of deckgen.yaml
    theme_policy: FitPolicy | None = None  # fit: of the theme
    min_size: float = 12.0
    continued: str = "continued"
    continued_note: str = "continued from slide {number}"
    fonts: ThemeFonts = field(default_factory=ThemeFonts)
    today_goal: str = "today \u2192 goal"
    less_is_better: str = "less is better"


def effective_policy(slide: model.Slide, rules: FitRules) -> FitPolicy:
    """What to do when a slide's text does not fit: its own ``fit:``, the theme's, the project's."""
    return slide.fit or rules.theme_policy or rules.settings_policy


@dataclass(frozen=True)
class Page:
    """One slide of the final deck: its outline entry and everything measured for it."""

    number: int
    spec: SlideSpec
    layout: str
    texts: dict[str, list[Para]]  # field -> paragraphs, sized where text shrinks
    frame: Rect | None = None  # where the figures, chart, table, picture or process are drawn
    caption: list[Para] = field(default_factory=list)  # drawn under it (no caption field)
    caption_frame: Rect | None = None
    table: TableFit | None = None
    figures: FiguresFit | None = None
    process: ProcessFit | None = None
    cards: CardsFit | None = None
    figure_lines: list[FigureLines | None] = field(default_factory=list)  # per figure or card
    placement: str = ""  # a roomier layout its text took (``closing@bullets``); "": its kind's

    @property
    def placed_as(self) -> str:
        """The key of its layout (in the theme) and frames (in the geometry): its kind, or the
        roomier placement its text took."""
        return self.placement or self.spec.kind


@dataclass(frozen=True)
class PaginatedDeck:
    """The final outline (continuation slides included), a page per slide, and warnings."""

    outline: DeckOutline
    pages: list[Page]
    warnings: list[SourceError]


def paginate(outline: DeckOutline, geometry: TemplateGeometry, rules: FitRules) -> PaginatedDeck:
    """Measure, split and shrink; raise ContentError for text the ``error`` policy rejects.

    A font of the template that is available nowhere (see :mod:`deckgen.paginate.fonts`) is one
    warning, before those of the slides it was measured for.
    """
    pager = _Pager(geometry, rules)
    specs: list[SlideSpec] = []
    for spec in outline.slides:
        specs.extend(pager.split(spec, first_number=len(specs) + 1))
    pages = [pager.settled(pager.page(number, spec)) for number, spec in enumerate(specs, 1)]
    if pager.errors:
        raise ContentError(pager.errors)
    warnings = [*rules.fonts.warnings(geometry.families), *pager.warnings]
    return PaginatedDeck(replace(outline, slides=specs), pages, warnings)


class _Pager:
    def __init__(self, geometry: TemplateGeometry, rules: FitRules) -> None:
        self.geometry = geometry
        self.rules = rules
        self.fonts = rules.fonts
        self.warnings: list[SourceError] = []
        self.errors: list[SourceError] = []

    def frames(self, spec: SlideSpec, placement: str = "") -> KindFrames:
        return self.geometry.kinds[placement or spec.kind]

    def placement(self, spec: SlideSpec) -> str:
        """Where a slide goes: on its kind's layout, or on a roomier one the geometry offers
        for it (:attr:`TemplateGeometry.roomier`) where its text fits its own layout only
        below the smallest size (under the ``warn`` and ``error`` policies: not at its size)."""
        roomier = self.geometry.roomier.get(spec.kind)
        if roomier is None or self._fits(spec, ""):
            return ""
        return roomier if self._fits(spec, roomier) else ""

    def _fits(self, spec: SlideSpec, placement: str) -> bool:
        """Whether every text of a slide fits its field on ``placement``, as far as the fit
        policy lets it shrink."""
        frames = self.frames(spec, placement)
        shrinks = effective_policy(spec.slide, self.rules) in ("split", "shrink")
        for name, paras in field_texts(spec.slide, frames.has).items():
            found = frames.fields.get(name)
            if found is None or found.text is None:
                continue
            setting = _measured(name, found.text)
            if shrinks:
                if _largest_scale(setting, paras, self.fonts, self.rules.min_size) is None:
                    return False
            elif not setting.fits(paras, self.fonts):
                return False
        return True

    # -- splitting -------------------------------------------------------------------------------

    def split(self, spec: SlideSpec, first_number: int) -> list[SlideSpec]:
        """A bullets or table slide that does not fit, as slides that each fit (policy split)."""
        slide = spec.slide
        policy = effective_policy(slide, self.rules)
        if isinstance(slide, model.CardsSlide) and policy in ("split", "shrink"):
            spec = self._card_texts_to_notes(spec, slide, first_number)
            slide = spec.slide
        if policy != "split":
            return [spec]
        if isinstance(slide, model.BulletsSlide):
            groups = self._point_groups(spec, slide)
        elif isinstance(slide, model.TableSlide):
            groups = self._row_groups(spec, slide)
        elif isinstance(slide, model.CardsSlide):
            groups = self._card_groups(spec, slide)
        else:
            return [spec]
        if len(groups) == 1:
            return [spec]
        return _parts(spec, groups, self.rules, first_number)

    def _point_groups(self, spec: SlideSpec, slide: model.BulletsSlide) -> list[list[int]]:
        setting = self._setting(spec, "body")
        indexes = list(range(len(slide.points)))
        if setting is None:
            return [indexes]

        def fits(group: list[int], scale: float = 1.0) -> bool:
            paras = point_paras([slide.points[i] for i in group])
            return setting.fits(paras, self.fonts, scale) and (
                scale == 1.0 or setting.smallest_size(paras) * scale >= self.rules.min_size
            )

        return _groups(indexes, fits)

    def _row_groups(self, spec: SlideSpec, slide: model.TableSlide) -> list[list[int]]:
        frame, _, _ = self._drawn_frame(spec, "table", "")
        rows = table_rows(slide)
        widths = column_widths([list(slide.columns), *rows], frame.width)
        family = self.geometry.body_font

        def fits(group: list[int], scale: float = 1.0) -> bool:
            if scale != 1.0:
                return False  # tables shrink by themselves, down to their smallest size
            chunk = [rows[i] for i in group]
            fit = table_fit(list(slide.columns), chunk, widths, frame.height, family, self.fonts)
            return table_fits(fit, frame.height, self.rules.min_size)

        return _groups(list(range(len(rows))), fits)

    def _card_texts_to_notes(
        self, spec: SlideSpec, slide: model.CardsSlide, number: int
    ) -> SlideSpec:
        """Cards whose texts would not fit at the theme's smallest text, with the texts moved to
        the notes where titles and figures alone fit: a readable slide, the whole story."""
        if not any(card.text for card in slide.cards):
            return spec
        frame, _, _ = self._drawn_frame(spec, "cards", "")
        lines = [self._lines(c.figure) if c.figure else None for c in slide.cards]
        family = self.geometry.body_font
        smallest = self.rules.min_size
        cards = list(slide.cards)
        if cards_fit(cards, lines, frame.width, frame.height, family, self.fonts, smallest).fits:
            return spec
        bare = [card.model_copy(update={"text": ""}) for card in slide.cards]
        if not cards_fit(bare, lines, frame.width, frame.height, family, self.fonts, smallest).fits:
            return spec  # then they go on over several slides, with their texts
        self.warnings.append(
            SourceError(
                spec.origin,
                f"slide {number}: the texts of the cards do not fit at a readable size; "
                "they are in the notes",
            )
        )
        titled = len(slide.cards) > 1
        if spec.item_notes:
            by_card = tuple(
                _with_card_text(card, list(notes), titled)
                for card, notes in zip(slide.cards, spec.item_notes, strict=True)
            )
            lead, _ = _notes_by_item(spec) or ([], [])
            notes: Notes = [*lead, *(line for lines in by_card for line in lines)]
        else:
            by_card = spec.item_notes
            texts = [line for card in slide.cards for line in _with_card_text(card, [], titled)]
            notes = [*texts, *slide.notes]
        moved = slide.model_copy(update={"cards": bare, "notes": notes})
        return replace(spec, slide=moved, item_notes=by_card)

    def _card_groups(self, spec: SlideSpec, slide: model.CardsSlide) -> list[list[int]]:
        """Cards that do not fit at the theme's smallest text go on over several slides."""
        frame, _, _ = self._drawn_frame(spec, "cards", "")
        lines = [self._lines(c.figure) if c.figure else None for c in slide.cards]
        family = self.geometry.body_font

        def fits(group: list[int], scale: float = 1.0) -> bool:
            if scale != 1.0:
                return False  # cards choose their own sizes, down to the smallest
            cards, figures = [slide.cards[i] for i in group], [lines[i] for i in group]
            fit = cards_fit(
                cards, figures, frame.width, frame.height, family, self.fonts, self.rules.min_size
            )
            return fit.fits

        return _groups(list(range(len(slide.cards))), fits)

    # -- measuring one slide ---------------------------------------------------------------------

    def _setting(self, spec: SlideSpec, name: str, placement: str = "") -> TextSetting | None:
        found = self.frames(spec, placement).fields.get(name)
        return found.text if found is not None else None

    def page(self, number: int, spec: SlideSpec) -> Page:
        placement = self.placement(spec)
        frames = self.frames(spec, placement)
        texts = field_texts(spec.slide, frames.has)
        written = dict(texts)
        for name, paras in texts.items():
            setting = self._setting(spec, name, placement)
            if setting is not None:
                written[name] = self._fit_text(spec, number, name, paras, setting)
        texts = self._alike(spec, texts, written, placement)
        page = Page(number, spec, frames.layout, texts, placement=placement)
        drawn = DRAWN_FIELDS.get(spec.kind)
        if drawn is None:
            return page
        caption = str(getattr(spec.slide, "caption", ""))
        frame, caption_paras, caption_frame = self._drawn_frame(spec, drawn, caption)
        page = replace(page, frame=frame, caption=caption_paras, caption_frame=caption_frame)
        if isinstance(spec.slide, model.TableSlide):
            return replace(page, table=self._table(spec, number, spec.slide, frame))
        if isinstance(spec.slide, model.KeyFiguresSlide):
            lines: list[FigureLines | None] = [self._lines(f) for f in spec.slide.figures]
            fit = self._figures(spec, number, lines, frame)
            return replace(page, figures=fit, figure_lines=lines)
        if isinstance(spec.slide, model.ProcessSlide):
            return replace(page, process=self._process(spec, number, spec.slide, frame))
        if isinstance(spec.slide, model.CardsSlide):
            lines = [self._lines(c.figure) if c.figure else None for c in spec.slide.cards]
            cards = self._cards(spec, number, spec.slide, lines, frame)
            return replace(page, cards=cards, figure_lines=lines)
        return page

    def settled(self, page: Page) -> Page:
        """The page with soft hyphens left only in words wider than their lines."""
        frames = self.frames(page.spec, page.placement)
        return hyphens.settle(page, frames, self.geometry.body_font, self.fonts)

    def _lines(self, figure: model.Figure) -> FigureLines:
        return figure_lines(figure, self.rules.today_goal, self.rules.less_is_better)

    def _drawn_frame(
        self, spec: SlideSpec, name: str, caption: str
    ) -> tuple[Rect, list[Para], Rect | None]:
        """Where a drawn field goes; a caption without a field of its own takes the foot."""
        frames = self.frames(spec)
        own = frames.fields.get(name)
        rect = own.rect if own is not None else frames.content_area
        if not caption.strip() or frames.has("caption"):
            return rect, [], None
        paras = [Para(line) for line in _caption_lines(caption)]
        style = ParagraphStyle(self.geometry.body_font, CAPTION_SIZE)
        width = points(rect.width) - 2 * CAPTION_INSETS[0]
        lines = [(p.text, style) for p in paras]
        needed = text_height(lines, width, self.fonts) * CAPTION_SLACK + 2 * CAPTION_INSETS[1]
        foot = max(rect.height // 8, emu(CAPTION_MIN_HEIGHT), emu(needed))
        upper, strip = rect.foot(min(foot, rect.height // 3))
        return upper, paras, strip

    def _fit_text(
        self, spec: SlideSpec, number: int, name: str, paras: list[Para], setting: TextSetting
    ) -> list[Para]:
        setting = _measured(name, setting)
        if setting.fits(paras, self.fonts):
            if name == "title":
                return self._no_lone_word(paras, setting)
            return paras
        what = f"slide {number}: the {name.replace('_', ' ')}"
        policy = effective_policy(spec.slide, self.rules)
        if policy in ("warn", "error"):
            self._tell(spec, policy, f"{what} does not fit its box")
            return paras
        scale = _largest_scale(setting, paras, self.fonts, self.rules.min_size)
        if scale is None:
            scale = self.rules.min_size / setting.smallest_size(paras)
            self.warnings.append(
                SourceError(
                    spec.origin,
                    f"{what} does not fit its box even at {self.rules.min_size:g} pt; shorten it",
                )
            )
        return [_sized(p, setting, scale) for p in paras]

    def _alike(
        self,
        spec: SlideSpec,
        texts: dict[str, list[Para]],
        written: dict[str, list[Para]],
        placement: str,
    ) -> dict[str, list[Para]]:
        """The fitted texts, with fields that stand side by side (two columns) at one size:
        the smaller of their scales, so that one column is not set larger than the other."""
        scales = {}
        for name in ALIKE_FIELDS:
            setting = self._setting(spec, name, placement)
            if setting is None or not written.get(name) or not texts.get(name):
                continue
            first, fitted = texts[name][0], written[name][0]
            own = setting.scaled(first, 1.0).size
            scales[name] = (fitted.size / own if fitted.size and own else 1.0, setting)
        if len(scales) < 2 or len({round(scale, 3) for scale, _ in scales.values()}) == 1:
            return written
        smallest = min(scale for scale, _ in scales.values())
        alike = dict(written)
        for name, (scale, setting) in scales.items():
            if scale > smallest:
                alike[name] = [_sized(p, setting, smallest) for p in texts[name]]
        return alike

    def _no_lone_word(self, paras: list[Para], setting: TextSetting) -> list[Para]:
        """A title whose last line would hold a single word, a step or two smaller where that
        brings the word back to the line before."""
        if not any(setting.lone_last_word(p, self.fonts) for p in paras):
            return paras
        for scale in (1 - SHRINK_STEP, 1 - 2 * SHRINK_STEP):
            smallest = setting.smallest_size(paras) * scale
            if smallest < self.rules.min_size:
                break
            if not any(setting.lone_last_word(p, self.fonts, scale) for p in paras):
                return [_sized(p, setting, scale) for p in paras]
        return paras

    def _table(
        self, spec: SlideSpec, number: int, slide: model.TableSlide, frame: Rect
    ) -> TableFit:
        rows = table_rows(slide)
        widths = column_widths([list(slide.columns), *rows], frame.width)
        family = self.geometry.body_font
        fit = table_fit(list(slide.columns), rows, widths, frame.height, family, self.fonts)
        if not table_fits(fit, frame.height, self.rules.min_size):
            policy = effective_policy(slide, self.rules)
            if policy in ("warn", "error"):
                self._tell(spec, policy, f"slide {number}: the table does not fit its box")
            else:
                self.warnings.append(
                    SourceError(
                        spec.origin,
                        f"slide {number}: the table does not fit its box even at {fit.size} pt; "
                        "shorten it or split it",
                    )
                )
        return fit

    def _figures(
        self, spec: SlideSpec, number: int, lines: list[FigureLines | None], frame: Rect
    ) -> FiguresFit:
        shown = [line for line in lines if line is not None]
        card_w, card_h = card_size(len(shown), frame.width, frame.height)
        family = self.geometry.body_font
        fit = figures_fit(shown, card_w, card_h, family, self.fonts, self.rules.min_size)
        if not fit.fits:
            self._not_fitting(spec, f"slide {number}: the key figures do not fit their cards")
        return fit

    def _process(
        self, spec: SlideSpec, number: int, slide: model.ProcessSlide, frame: Rect
    ) -> ProcessFit:
        fit = process_fit(
            list(slide.steps),
            spec.own_steps,
            frame,
            self.geometry.body_font,
            self.rules.min_size,
            self.fonts,
        )
        if not fit.fits:
            policy = effective_policy(slide, self.rules)
            message = f"slide {number}: the steps do not fit their boxes"
            if policy in ("warn", "error"):
                self._tell(spec, policy, message)
            else:
                self.warnings.append(
                    SourceError(
                        spec.origin,
                        f"{message} even at {fit.text_size:g} pt; shorten their texts",
                    )
                )
        return fit

    def _cards(
        self,
        spec: SlideSpec,
        number: int,
        slide: model.CardsSlide,
        lines: list[FigureLines | None],
        frame: Rect,
    ) -> CardsFit:
        family = self.geometry.body_font
        fit = cards_fit(
            list(slide.cards),
            lines,
            frame.width,
            frame.height,
            family,
            self.fonts,
            self.rules.min_size,
        )
        if not fit.fits:
            self._not_fitting(spec, f"slide {number}: the cards do not fit")
        return fit

    def _not_fitting(self, spec: SlideSpec, message: str) -> None:
        """What does not fit and cannot split or shrink further: per the fit policy."""
        policy = effective_policy(spec.slide, self.rules)
        if policy in ("warn", "error"):
            self._tell(spec, policy, message)
        else:
            self.warnings.append(SourceError(spec.origin, f"{message}; shorten the texts"))

    def _tell(self, spec: SlideSpec, policy: str, what: str) -> None:
        found = SourceError(spec.origin, what)
        (self.errors if policy == "error" else self.warnings).append(found)


def _with_card_text(card: model.Card, notes: Notes, titled: bool) -> Notes:
    """A card's notes with its text added, after the title line that leads them, unless the
    notes already tell it."""
    said = plain(card.text)
    if not said or any(said in line.text for line in notes):
        return notes
    text = NoteLine(text=said)
    if not notes:
        return [NoteLine(text=f"**{card.title.strip('*')}**"), text] if titled else [text]
    return [notes[0], text, *notes[1:]] if titled else [text, *notes]


def _caption_lines(caption: str) -> list[str]:
    from deckgen.markup import paragraphs

    return paragraphs(caption)


def _measured(name: str, setting: TextSetting) -> TextSetting:
    """The setting a field's text is measured in: a title a little narrower, since a title
    pulled onto one line less must stay there when shown."""
    if name == "title":
        return replace(setting, width=setting.width * (1 - TITLE_MARGIN))
    return setting


def _largest_scale(
    setting: TextSetting, paras: list[Para], fonts: ThemeFonts, min_size: float
) -> float | None:
    """The largest scale (1.0 down, in steps of 5 %) at which the text fits, no font smaller
    than ``min_size``; None if even that does not fit."""
    smallest = setting.smallest_size(paras)
    scale = 1.0
    while scale * smallest >= min_size - 0.01:
        if setting.fits(paras, fonts, scale):
            return scale
        scale = round(scale - SHRINK_STEP, 2)
    return None


def _sized(para: Para, setting: TextSetting, scale: float) -> Para:
    style = setting.scaled(para, scale)
    return replace(
        para,
        size=round(style.size, 2),
        space_before=round(style.space_before, 2) if scale < 1.0 else None,
        space_after=round(style.space_after, 2) if scale < 1.0 else None,
    )


def _groups(items: list[int], fits: Any) -> list[list[int]]:
    """Items in as few even groups as fit, never one alone on a slide where it can be helped.

    ``fits(group, scale)`` says whether a group fits at a scale of its text. A split that would
    leave an item alone is avoided by shrinking a step or two; failing that, the items go in
    groups of two or more, which then shrink as far as they need.
    """
    if fits(items):
        return [items]
    count = 2
    while count < len(items) and not all(fits(g) for g in even_groups(items, count)):
        count += 1
    groups = even_groups(items, min(count, len(items)))
    if len(items) < 2 or all(len(g) >= 2 for g in groups):
        return groups
    if fits(items, 1 - SHRINK_STEP) or fits(items, SPLIT_AVOIDING_SHRINK):
        return [items]
    return even_groups(items, len(items) // 2)


def _parts(
    spec: SlideSpec, groups: list[list[int]], rules: FitRules, first_number: int
) -> list[SlideSpec]:
    """The slides a split list or table becomes, each with the notes of what it shows."""
    slide = spec.slide
    key = {"bullets": "points", "table": "rows", "cards": "cards"}[slide.kind]
    items: Sequence[Any] = getattr(slide, key)
    own_notes = _notes_by_item(spec)
    parts = []
    for index, group in enumerate(groups):
        update: dict[str, Any] = {key: [items[i] for i in group]}
        if own_notes is not None:
            lead, by_item = own_notes
            notes: Notes = [*(lead if index == 0 else []), *(n for i in group for n in by_item[i])]
        elif index == 0:
            notes = list(slide.notes)
        else:
            notes = [NoteLine(text=rules.continued_note.format(number=first_number))]
        update["notes"] = notes
        if index:
            update["title"] = continued_title(
                str(getattr(slide, "title", "")), index, rules.continued
            )
        parts.append(replace(spec, slide=slide.model_copy(update=update)))
    return parts


def _notes_by_item(spec: SlideSpec) -> tuple[Notes, list[Notes]] | None:
    """The slide's notes as (its lead, the notes of each item), when the outline says so."""
    if not spec.item_notes:
        return None
    notes = list(spec.slide.notes)
    tail = sum(len(n) for n in spec.item_notes)
    return notes[: len(notes) - tail], [list(n) for n in spec.item_notes]
