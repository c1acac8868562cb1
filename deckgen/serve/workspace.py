"""What ``deckgen serve`` shows, kept up to date: each department's slides, texts, notes,
warnings and errors, and its slides as LibreOffice renders them.

A department is built when its page is first opened and again when a file it is made from
changes: its own file for itself; deckgen.yaml, the rest of content/ and the themes for every
department that was opened (the others are built when they are opened next). Texts come first
(a fraction of a second); the slide images follow from the one LibreOffice kept running
(:mod:`deckgen.office`). Nothing here ever raises: every problem becomes a line on the page.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.content.paths import DEPARTMENTS_DIR, SETTINGS_FILE, department_slugs
from deckgen.errors import DeckgenError, Location, internal_error, one_line_errors
from deckgen.markup import plain
from deckgen.office import Office, slide_images
from deckgen.review.keys import slide_keys

if TYPE_CHECKING:
    from deckgen.content.project import Project
    from deckgen.paginate import Page, PaginatedDeck
    from deckgen.theme import Theme

Notify = Callable[[str, str], None]  # (department, "texts" | "images")
Render = Callable[[list[int]], bytes]  # slide numbers -> a deck of only those slides


@dataclass(frozen=True)
class TextLine:
    """One text of a slide and the place in the content it comes from."""

    key: str
    text: str
    where: str  # file:line:column, relative to the project


@dataclass(frozen=True)
class SlideView:
    """One slide as the page shows it."""

    number: int
    key: str
    kind: str
    layout: str
    section: str
    title: str
    texts: tuple[TextLine, ...]
    notes: tuple[str, ...]
    notes_where: str  # file:line of the notes, "" when they are deckgen's own


@dataclass
class DepartmentView:
    """A department's last build: slides, problems, and the images of its slides."""

    slug: str
    name: str = ""
    version: int = 0
    slides: list[SlideView] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    images: dict[int, Path] = field(default_factory=dict)  # slide number -> picture
    looks: dict[int, str] = field(default_factory=dict)  # slide number -> what its picture shows
    images_version: int = 0  # the version the pictures show
    image_problem: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # step -> seconds of the last build

    @property
    def images_current(self) -> bool:
        """Whether the pictures show this version of the slides."""
        return self.images_version == self.version and not self.errors

    def state(self, office: bool) -> str:
        """For the page: "error", "ready", "rendering" (pictures coming) or "texts" (none)."""
        if self.errors:
            return "error"
        if self.images_current:
            return "ready"
        return "rendering" if office and not self.image_problem else "texts"


class Workspace:
    """The departments of one project, built on demand and rebuilt when their files change."""

    def __init__(self, root: Path, notify: Notify, theme: str | None = None) -> None:
        self.root = root
        self.theme = theme
        self.notify = notify
        self.views: dict[str, DepartmentView] = {}
        self.opened: set[str] = set()
        self.stale: set[str] = set()
        self.office: Office | None = None
        self.office_note = "starting LibreOffice..."
        self.lock = threading.RLock()  # one build at a time; LibreOffice converts one deck
        self.folder = Path(tempfile.mkdtemp(prefix="deckgen-serve-"))
        self.closed = False

    # -- what the pages ask for ------------------------------------------------------------------

    def slugs(self) -> list[str]:
        """The departments of the project, as files name them."""
        return department_slugs(self.root)

    def view(self, slug: str) -> DepartmentView | None:
        """The view of a department, built if it was not yet (or is stale); None if unknown."""
        if slug not in self.slugs():
            return None
        self.opened.add(slug)
        found = self.views.get(slug)
        if found is not None and slug not in self.stale:
            return found  # as it is, also while its pictures are being made
        with self.lock:
            if slug not in self.views or slug in self.stale:
                self.build(slug)
            return self.views[slug]

    def image(self, slug: str, number: int) -> Path | None:
        """The picture of slide ``number`` of a department, if there is one."""
        view = self.views.get(slug)
        return view.images.get(number) if view is not None else None

    # -- building --------------------------------------------------------------------------------

    def changed(self, paths: set[Path]) -> None:
        """Files changed: rebuild the opened departments they concern; mark the others stale."""
        concerned: set[str] = set()
        everything = False
        for path in paths:
            slug = self._department_of(path)
            if slug is None:
                everything = True
            else:
                concerned.add(slug)
        with self.lock:
            if everything:  # the theme or the footers may have changed: every picture anew
                concerned = set(self.views) | self.opened
                for view in self.views.values():
                    view.looks = {}
            self.stale |= concerned - self.opened
            for slug in sorted(concerned & self.opened):
                self.build(slug)
        self.notify("", "departments")

    def _department_of(self, path: Path) -> str | None:
        """The department a changed file belongs to; None for a file every deck is made from."""
        try:
            relative = path.resolve().relative_to(self.root.resolve())
        except ValueError:
            return None
        if relative.parent == DEPARTMENTS_DIR and relative.suffix in (".yaml", ".yml"):
            return relative.stem
        return None

    def build(self, slug: str) -> DepartmentView:
        """Build a department's outline now (telling the pages), then its pictures."""
        with self.lock:
            view = self.views.setdefault(slug, DepartmentView(slug))
            view.version += 1
            self.stale.discard(slug)
            started = time.perf_counter()
            made = self._outline(view)
            view.timings["texts"] = time.perf_counter() - started
            self.notify(slug, "texts")
            if made is not None:
                self._pictures(view, *made)
                view.timings["images"] = time.perf_counter() - started
                self.notify(slug, "images")
            return view

    def _outline(self, view: DepartmentView) -> tuple[Render, dict[int, str]] | None:
        """Load and paginate into the view; what renders (some of) the deck and how each slide
        looks, or None with the errors in the view."""
        from deckgen.build.pipeline import paginate_department
        from deckgen.content.project import load_project

        view.errors, view.warnings = [], []
        try:
            project, failures = load_project(self.root, [view.slug])
            if view.slug in failures:
                view.errors = [self._relative(e.message) for e in failures[view.slug]]
                return None
            view.name = project.departments[view.slug].department.name
            deck, theme = paginate_department(project, view.slug, self.theme)
            view.warnings = [self._relative(w.message) for w in deck.warnings]
            keys = slide_keys([page.spec for page in deck.pages])
            view.slides = [
                self._slide(key, page) for key, page in zip(keys, deck.pages, strict=True)
            ]
            looks = {page.number: _look(page) for page in deck.pages}
            return functools.partial(_some_slides, project, view.slug, deck, theme), looks
        except DeckgenError as e:
            view.errors = [self._relative(line.message) for line in one_line_errors(e)]
        except Exception as e:  # the page says so; the server goes on
            view.errors = [internal_error(e, self.root / DEPARTMENTS_DIR / f"{view.slug}.yaml")]
        return None

    def _slide(self, key: str, page: Page) -> SlideView:
        spec = page.spec
        texts = [s for s in spec.sources if s.key.split(".")[-1] != "notes"]
        notes = [s for s in spec.sources if s.key.split(".")[-1] == "notes"]
        return SlideView(
            page.number,
            key,
            spec.kind,
            page.layout,
            spec.section,
            " ".join(plain(p.text) for p in page.texts.get("title", [])),
            tuple(TextLine(s.key, s.text, self._where(s.location)) for s in texts),
            tuple(plain(line.text) for line in spec.slide.notes),
            self._where(notes[0].location) if notes else "",
        )

    def _relative(self, message: str) -> str:
        """A message with the project's files named from the project's folder."""
        return message.replace(f"{self.root}{os.sep}", "")

    def _where(self, location: Location) -> str:
        try:
            path = location.path.resolve().relative_to(self.root.resolve())
        except ValueError:
            path = location.path
        return f"{path}:{location.line}:{location.column}" if location.line else str(path)

    def _pictures(self, view: DepartmentView, render: Render, looks: dict[int, str]) -> None:
        """Render through LibreOffice the slides that look different from their pictures; the
        others keep theirs (one changed concern: one slide to convert, not the deck)."""
        if self.office is None:
            view.image_problem = self.office_note
            return
        folder = self.folder / view.slug / str(view.version)
        have = {look: view.images[n] for n, look in view.looks.items() if n in view.images}
        wanted = [number for number, look in looks.items() if look not in have]
        try:
            made: list[Path] = []
            if wanted:
                pdf = self.office.pdf(render(wanted))
                made = slide_images(pdf, folder, "slide", pages=len(wanted))
                if len(made) != len(wanted):
                    raise DeckgenError(f"LibreOffice made {len(made)} pictures of {len(wanted)}")
        except DeckgenError as e:
            view.image_problem = e.message
            return
        except Exception as e:
            view.image_problem = internal_error(e)
            return
        pictures = dict(zip(wanted, made, strict=True))
        folder.mkdir(parents=True, exist_ok=True)
        for number, look in looks.items():
            if number not in pictures:
                kept = folder / f"kept-{number}.jpg"
                shutil.copyfile(have[look], kept)
                pictures[number] = kept
        old = self.folder / view.slug / str(view.images_version)
        view.images, view.looks = pictures, dict(looks)
        view.images_version, view.image_problem = view.version, ""
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)

    def set_office(self, office: Office | None, note: str) -> None:
        """LibreOffice is ready (or will not be): render what is open."""
        with self.lock:
            if self.closed:  # the server stopped while LibreOffice was starting
                if office is not None:
                    office.close()
                return
            self.office, self.office_note = office, note
            for slug in sorted(self.opened):
                view = self.views.get(slug)
                if view is not None and not view.images_current:
                    self.build(slug)

    def close(self) -> None:
        """Stop LibreOffice and remove the pictures."""
        with self.lock:
            self.closed = True
            if self.office is not None:
                self.office.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def watched(self) -> list[Path]:
        """What a change of rebuilds departments: deckgen.yaml, content/, themes/."""
        return [self.root / SETTINGS_FILE, self.root / "content", self.root / "themes"]


def _look(page: Page) -> str:
    """What a slide's picture shows, as text: equal looks, equal pictures (notes and where the
    content stands in its file do not change the picture)."""
    return repr(
        (
            page.number,
            page.layout,
            page.texts,
            page.frame,
            page.caption,
            page.caption_frame,
            page.table,
            page.figures,
            page.spec.slide.model_dump_json(exclude={"notes"}),
        )
    )


def _some_slides(
    project: Project, slug: str, deck: PaginatedDeck, theme: Theme, numbers: list[int]
) -> bytes:
    """A deck of only the slides ``numbers`` (each keeps its number in its footer)."""
    from dataclasses import replace

    from deckgen.build.pipeline import deck_package

    pages = [page for page in deck.pages if page.number in set(numbers)]
    outline = replace(deck.outline, slides=[page.spec for page in pages])
    return deck_package(project, slug, replace(deck, outline=outline, pages=pages), theme)
