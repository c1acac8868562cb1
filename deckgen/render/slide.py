"""One slide being filled: its placeholders by field name, and what is still empty."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from deckgen.paginate import Page
from deckgen.paginate.geometry import Para
from deckgen.render import oxml
from deckgen.render.text import write_paragraphs


class SlideContext:
    """A new slide on its layout, the page it shows, and the placeholders used so far."""

    def __init__(
        self, slide: Any, fields: dict[str, int], page: Page, language: str, project_root: Path
    ) -> None:
        self.slide = slide
        self.page = page
        self.language = language
        self.project_root = project_root
        self.fields = fields
        self.by_idx = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
        self.used: set[int] = set()

    def placeholder(self, field: str) -> Any | None:
        """The placeholder that takes ``field``, marked as used; None if the theme has none."""
        idx = self.fields.get(field)
        if idx is None or idx not in self.by_idx:
            return None
        self.used.add(idx)
        return self.by_idx[idx]

    def write(self, field: str, paras: list[Para]) -> None:
        """Write paragraphs into a field's placeholder."""
        placeholder = self.placeholder(field)
        if placeholder is not None:
            frame = placeholder.text_frame
            write_paragraphs(frame, paras, self.language)
            frame.word_wrap = True

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
