"""The decks of a project as they are in the working tree or at a git revision.

A revision is unpacked with ``git archive`` into a temporary folder and paginated there with the
installed deckgen, so both sides of a comparison are made by the same code: the differences are
the content's. Only the final outlines are made; no deck is written.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.content.paths import SETTINGS_FILE, department_slugs
from deckgen.errors import DeckgenError, one_line_errors
from deckgen.review.keys import SlideRecord, deck_records

if TYPE_CHECKING:
    from deckgen.content.project import Project


@dataclass
class ProjectDecks:
    """Every department's slides (or why it could not be paginated) in one state of a project."""

    root: Path
    label: str  # "the working tree", or the revision
    slides: dict[str, list[SlideRecord]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    project: Project | None = None

    @property
    def slugs(self) -> list[str]:
        """Every department seen, built or not."""
        return sorted({*self.slides, *self.errors})


def project_decks(root: Path, label: str, theme: str | None = None) -> ProjectDecks:
    """Paginate every department of the project at ``root``; errors are kept per department."""
    from deckgen.build.pipeline import paginate_department
    from deckgen.content.project import load_project

    decks = ProjectDecks(root, label)
    if not (root / SETTINGS_FILE).is_file():
        return decks  # no project at this revision: every deck is new
    try:
        project, failures = load_project(root)
    except DeckgenError as e:
        lines = [line.message for line in one_line_errors(e)]
        decks.errors = {slug: lines for slug in department_slugs(root)}
        return decks
    decks.project = project
    for slug, found in failures.items():
        decks.errors[slug] = [error.message for error in found]
    for slug in project.departments:
        try:
            deck, _ = paginate_department(project, slug, theme)
        except DeckgenError as e:
            decks.errors[slug] = [line.message for line in one_line_errors(e)]
            continue
        decks.slides[slug] = deck_records(deck)
    return decks


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, check=False, timeout=300
        )
    except FileNotFoundError as e:
        raise DeckgenError("git is not installed; --git needs it") from e
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DeckgenError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


@contextmanager
def checkout(root: Path, revision: str) -> Iterator[Path]:
    """The project folder as it is at ``revision``, unpacked into a temporary folder."""
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    except DeckgenError as e:
        raise DeckgenError(f"{root} is not inside a git repository; --git needs one") from e
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except DeckgenError as e:
        raise DeckgenError(f"'{revision}' is not a revision of this git repository") from e
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    archive = _git(top, "archive", "--format=tar", commit.decode().strip())  # the whole tree
    with tempfile.TemporaryDirectory(prefix="deckgen-rev-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder) / prefix


def relabel(decks: ProjectDecks, revision: str) -> None:
    """Error messages of a revision name its files as ``REV:path``, not the temporary folder."""
    folder = str(decks.root.resolve())
    for slug, lines in decks.errors.items():
        decks.errors[slug] = [
            line.replace(folder + "/", f"{revision}:").replace(folder, revision) for line in lines
        ]
