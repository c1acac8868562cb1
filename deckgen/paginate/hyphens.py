"""Soft hyphens only where a word needs them, once every text of a page has its size.

Typography puts soft hyphens into every long word; PowerPoint and Keynote show a hyphen where a
line breaks at one, LibreOffice breaks there too but shows none ("Stö rungs mel dung"). So a
word keeps its soft hyphens only where it is wider than its line at the size it is set, and
would break anyway; measurement counts every other word as one piece
(:func:`deckgen.paginate.measure.count_lines`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from deckgen.content import model
from deckgen.markup import SOFT_HYPHEN
from deckgen.paginate.drawn import (
    CARD_INSET,
    CARD_SIDE_MARGIN,
    CELL_SIDE_MARGIN,
    NOTE_SIZE_SHARE,
    STEP_LARGEST,
    FigureLines,
    card_size,
    table_rows,
)
from deckgen.paginate.fonts import ThemeFonts
from deckgen.paginate.geometry import KindFrames, Para, TextSetting, points
from deckgen.paginate.measure import ParagraphStyle, needed_hyphens_only

if TYPE_CHECKING:
    from deckgen.paginate.pages import Page

CAPTION_SIZE = 14.0  # points: what a caption without its own field is set in
TEXT_BOX_INSETS = 14.4  # points: a text box's left and right insets together


def settle(page: Page, frames: KindFrames, family: str, fonts: ThemeFonts) -> Page:
    """``page`` with the soft hyphens of words that fit their lines taken out."""
    if not _has_soft_hyphens(page):
        return page
    texts = {
        name: _settle_paras(paras, frames.fields[name].text, fonts)
        if name in frames.fields and frames.fields[name].text is not None
        else paras
        for name, paras in page.texts.items()
    }
    page = replace(page, texts=texts)
    if page.caption and page.caption_frame is not None:
        width = points(page.caption_frame.width) - TEXT_BOX_INSETS
        style = ParagraphStyle(family, CAPTION_SIZE)
        caption = [
            replace(p, text=needed_hyphens_only(p.text, style, width, fonts)) for p in page.caption
        ]
        page = replace(page, caption=caption)
    slide = page.spec.slide
    if page.table is not None and isinstance(slide, model.TableSlide):
        page = _settle_table(page, slide, family, fonts)
    if page.figures is not None and page.frame is not None:
        page = _settle_figures(page, family, fonts)
    if page.process is not None:
        page = _settle_process(page, family, fonts)
    if page.cards is not None and isinstance(slide, model.CardsSlide):
        page = _settle_cards(page, slide, family, fonts)
    return page


def _has_soft_hyphens(page: Page) -> bool:
    return SOFT_HYPHEN in page.spec.slide.model_dump_json() or any(
        SOFT_HYPHEN in p.text for paras in page.texts.values() for p in paras
    )


def _settle_paras(paras: list[Para], setting: TextSetting | None, fonts: ThemeFonts) -> list[Para]:
    if setting is None:
        return paras
    settled = []
    for para in paras:
        style = setting.style(para)
        if para.size is not None:
            style = replace(style, size=para.size)
        text = needed_hyphens_only(para.text, style, setting.width, fonts)
        settled.append(replace(para, text=text))
    return settled


def _settle_table(page: Page, slide: model.TableSlide, family: str, fonts: ThemeFonts) -> Page:
    fit = page.table
    assert fit is not None
    widths = [points(width) - 2 * CELL_SIDE_MARGIN for width in fit.widths]
    header = ParagraphStyle(family, fit.size, bold=True)
    body = ParagraphStyle(family, fit.size)
    columns = [
        needed_hyphens_only(text, header, width, fonts)
        for text, width in zip(slide.columns, widths, strict=False)
    ]
    rows = [
        [
            needed_hyphens_only(text, body, width, fonts)
            for text, width in zip(row, widths, strict=False)
        ]
        for row in table_rows(slide)
    ]
    return _with_slide(page, slide.model_copy(update={"columns": columns, "rows": rows}))


def _settle_lines(
    lines: FigureLines | None, label: float, width: float, family: str, fonts: ThemeFonts
) -> FigureLines | None:
    if lines is None:
        return None
    label_style = ParagraphStyle(family, label)
    note_style = ParagraphStyle(family, label * NOTE_SIZE_SHARE)
    return replace(
        lines,
        label=needed_hyphens_only(lines.label, label_style, width, fonts),
        note=needed_hyphens_only(lines.note, note_style, width, fonts),
    )


def _settle_figures(page: Page, family: str, fonts: ThemeFonts) -> Page:
    fit, frame = page.figures, page.frame
    assert fit is not None and frame is not None
    shown = [lines for lines in page.figure_lines if lines is not None]
    card_w, _ = card_size(max(len(shown), 1), frame.width, frame.height)
    width = points(card_w) - 2 * CARD_SIDE_MARGIN
    settled = [
        _settle_lines(one, fit.label_size, width, family, fonts) for one in page.figure_lines
    ]
    return replace(page, figure_lines=settled)


def _settle_process(page: Page, family: str, fonts: ThemeFonts) -> Page:
    fit = page.process
    assert fit is not None
    steps = []
    for step in fit.steps:
        width = points(step.text_area.width)

        def settled(para: Para, bold: bool, width: float = width) -> Para:
            style = ParagraphStyle(family, para.size or STEP_LARGEST["text"], bold=bold)
            return replace(para, text=needed_hyphens_only(para.text, style, width, fonts))

        paras = tuple(settled(para, index == 0) for index, para in enumerate(step.paras))
        owner = settled(step.owner, False) if step.owner is not None else None
        steps.append(replace(step, paras=paras, owner=owner))
    return replace(page, process=replace(fit, steps=tuple(steps)))


def _settle_cards(page: Page, slide: model.CardsSlide, family: str, fonts: ThemeFonts) -> Page:
    fit = page.cards
    assert fit is not None
    width = points(fit.card_w) - 2 * CARD_INSET
    title = ParagraphStyle(family, fit.title_size, bold=True)
    text = ParagraphStyle(family, fit.text_size)
    cards = [
        card.model_copy(
            update={
                "title": needed_hyphens_only(card.title, title, width, fonts),
                "text": needed_hyphens_only(card.text, text, width, fonts),
            }
        )
        for card in slide.cards
    ]
    lines = [_settle_lines(one, fit.label_size, width, family, fonts) for one in page.figure_lines]
    page = replace(page, figure_lines=lines)
    return _with_slide(page, slide.model_copy(update={"cards": cards}))


def _with_slide(page: Page, slide: model.Slide) -> Page:
    return replace(page, spec=replace(page.spec, slide=slide))
