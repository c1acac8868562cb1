"""A project with a folder of secrets beside it, and runs of ``validate`` and ``build`` whose
answers are compared: one line per problem, the same from both, no internal error, and not a
byte of the secrets in any message or deck."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result
from PIL import Image, PngImagePlugin

from deckgen.cli import cli
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project

SECRET = "deckgen-secret-5e1f0c"
SALES = "content/departments/sales.yaml"
IMAGE_LINE = len(MINIMAL_DEPARTMENT.splitlines()) + 6


def image_slide(path: str) -> str:
    """The minimal department with one image slide showing ``path`` (quoted as written)."""
    return MINIMAL_DEPARTMENT + (
        "add:\n  - after: concerns\n    slides:\n      - kind: image\n        title: Bild\n"
        f"        image: {path}\n"
    )


def secret_png() -> bytes:
    """A small picture that carries the secret in a text chunk."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


@dataclass
class Site:
    """A small valid project (``root``) and, beside it, a folder deckgen must never touch."""

    root: Path
    outside: Path

    def write(self, name: str, content: str | bytes) -> Path:
        """Write a file of the project (relative path), making its folders."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def department(self, text: str | bytes) -> None:
        """Replace the sales department's file."""
        self.write(SALES, text)

    def link(self, name: str, target: Path) -> Path:
        """A symbolic link in the project, pointing at ``target``."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)
        return path

    def outside_files(self) -> dict[str, bytes]:
        """Every file of the outside folder and its bytes, to show it was left alone."""
        return {
            str(p.relative_to(self.outside)): p.read_bytes()
            for p in sorted(self.outside.rglob("*"))
            if p.is_file() and not p.is_symlink()
        }


def make_site(tmp_path: Path) -> Site:
    """A site whose outside folder holds a text, a YAML file and a picture with the secret."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (outside / "secret.yaml").write_text(
        f"name: {SECRET}\naudience: {SECRET}\nbenefits: [{SECRET}]\n", encoding="utf-8"
    )
    (outside / "secret.png").write_bytes(secret_png())
    return Site(minimal_project(tmp_path / "p"), outside)


def run(site: Site, *args: str) -> Result:
    """deckgen with ``args`` on the project (the current folder); never a traceback."""
    result = CliRunner().invoke(cli, ["--project", str(site.root), *args])
    assert "Traceback" not in result.output, result.output
    return result


def problems(result: Result) -> list[str]:
    """The error lines of a run: no summary line, no warnings."""
    return sorted(
        line
        for line in result.stderr.splitlines()
        if line and "decks failed" not in line and not line.startswith("warning: ")
    )


@dataclass
class Answer:
    """What ``validate`` and ``build --all`` said about one project."""

    validate: Result
    build: Result

    @property
    def lines(self) -> list[str]:
        """The problems both reported (they are checked to be the same)."""
        return problems(self.build)


def both(site: Site, *build_args: str) -> Answer:
    """Run ``validate`` and ``build --all`` and check that they agree: both fail with the same
    lines, or both pass; neither reports an internal error or shows a secret."""
    validated = run(site, "validate")
    built = run(site, "build", "--all", "--force", *build_args)
    assert (validated.exit_code, problems(validated)) == (built.exit_code, problems(built)), (
        validated.output,
        built.output,
    )
    assert validated.exit_code in (0, 1)
    for result in (validated, built):
        assert "internal error" not in result.output
        assert SECRET not in result.output
    assert not secret_in_decks(site.root)
    return Answer(validated, built)


def deck_members(folder: Path) -> Iterator[bytes]:
    """The bytes of every member of every deck deckgen wrote under ``folder``."""
    for deck in folder.rglob("*.pptx"):
        if deck.is_symlink() or "themes" in deck.relative_to(folder).parts:
            continue
        with zipfile.ZipFile(deck) as archive:
            for name in archive.namelist():
                yield archive.read(name)


def secret_in_decks(root: Path) -> bool:
    """Whether any deck in the project (not a theme's template) holds the secret or the
    secret picture's data."""
    picture = secret_png()
    return any(SECRET.encode() in data or picture in data for data in deck_members(root))


@contextmanager
def unchanged(site: Site) -> Iterator[None]:
    """Check that the outside folder is the same after the block as before it."""
    before = site.outside_files()
    yield
    assert site.outside_files() == before


MODERN = Path(__file__).resolve().parents[2] / "themes" / "modern"


def repack(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """A zip package with members replaced, added (bytes) or removed (None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in changes:
                target.writestr(info.filename, source.read(info.filename))
        for name, content in changes.items():
            if content is not None:
                target.writestr(name, content)
    return buffer.getvalue()


def member(data: bytes, name: str) -> bytes:
    """One member of a zip package."""
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def secret_template() -> bytes:
    """The modern theme's template with the secret as the name of a shape of its first layout."""
    data = (MODERN / "template.pptx").read_bytes()
    layout = "ppt/slideLayouts/slideLayout1.xml"
    xml = member(data, layout).replace(b'name=""', f'name="{SECRET}"'.encode(), 1)
    return repack(data, {layout: xml})


def corp_theme(site: Site, manifest: str, template: bytes | None = None) -> None:
    """A project theme ``corp`` with this theme.yaml (and template file, if given), used by
    deckgen.yaml."""
    site.write("themes/corp/theme.yaml", manifest)
    if template is not None:
        site.write("themes/corp/corp.pptx", template)
    settings = site.root / "deckgen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "theme: corp\n", encoding="utf-8")
