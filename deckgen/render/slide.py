"""One slide being filled: its placeholders by field name, and what is still empty."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx.enum.text import MSO_AUTO_SIZE

from deckgen.paginate import Page
from deckgen.paginate.geometry import KindFrames, Para, Rect
from deckgen.render import oxml
from deckgen.render.text import write_paragraphs
from deckgen.theme.colours import DrawnColours


class SlideContext:
    """A new slide on its layout, the page it shows, and the placeholders used so far."""

    def __init__(
        self,
        slide: Any,
        fields: dict[str, int],
        frames: KindFrames,
        page: Page,
        language: str,
        project_root: Path,
        colours: DrawnColours,
    ) -> None:
        self.slide = slide
        self.page = page
        self.frames = frames
        self.language = language
        self.project_root = project_root
        self.fields = fields
        self.by_idx = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
        self.used: set[int] = set()
        self.colours = colours  # the scheme colours of what deckgen draws, readable here

    def placeholder(self, field: str) -> Any | None:
        """The placeholder that takes ``field``, marked as used and moved where pagination
        measured it; None if the theme has none."""
        idx = self.fields.get(field)
        if idx is None or idx not in self.by_idx:
            return None
        self.used.add(idx)
        placeholder = self.by_idx[idx]
        frame = self.frames.fields.get(field)
        if frame is not None and frame.moved and not frame.box:
            _place(placeholder, frame.rect)
        return placeholder

    def write(self, field: str, paras: list[Para]) -> None:
        """Write paragraphs into a field's placeholder, or into a text box that looks like it
        where the field shares its placeholder with another."""
        frame = self.frames.fields.get(field)
        if frame is not None and frame.box:
            self._write_box(field, frame.rect, paras, frame.plate)
            return
        placeholder = self.placeholder(field)
        if placeholder is not None:
            text = placeholder.text_frame
            write_paragraphs(text, paras, self.language)
            text.word_wrap = True
            if frame is not None and frame.plate is not None:
                oxml.add_plate(placeholder, frame.plate)

    def _write_box(
        self, field: str, rect: Rect, paras: list[Para], plate: str | None = None
    ) -> None:
        idx = self.fields[field]
        source = next(
            (p for p in self.slide.slide_layout.placeholders if p.placeholder_format.idx == idx),
            None,
        )
        box = self.slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
        box.name = field.replace("_", " ").capitalize()
        if source is not None:
            oxml.style_like(box, source)
        write_paragraphs(box.text_frame, paras, self.language)
        box.text_frame.word_wrap = True
        if box.text_frame.auto_size == MSO_AUTO_SIZE.SHAPE_TO_FIT_TEXT:
            box.text_frame.auto_size = MSO_AUTO_SIZE.NONE  # measured to fit: it need not grow
        if plate is not None:
            oxml.add_plate(box, plate)

    def clear(self, field: str) -> None:
        """Remove the placeholder of a field that deckgen draws in itself."""
        placeholder = self.placeholder(field)
        if placeholder is not None:
            self.remove(placeholder)

    def remove(self, placeholder: Any) -> None:
        """Take a placeholder off the slide."""
        oxml.remove_shape(placeholder)
        self.by_idx.pop(placeholder.placeholder_format.idx, None)

    def remove_unused(self) -> None:
        """Take away every placeholder left empty, so no "click to add text" is ever shown."""
        for idx, placeholder in list(self.by_idx.items()):
            if idx not in self.used:
                self.remove(placeholder)


def _place(shape: Any, rect: Rect) -> None:
    shape.left, shape.top, shape.width, shape.height = rect.left, rect.top, rect.width, rect.height
