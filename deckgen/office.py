"""Slide images through LibreOffice: a deck into a PDF, a PDF into one picture per slide.

:class:`ColdOffice` starts LibreOffice for each deck (seconds each); :class:`WarmOffice`
keeps one LibreOffice running through unoserver (from PyPI), for ``deckgen serve``, where a
deck is converted after every save; :func:`start_office` takes the best there is. Either way
the PDF's pages become JPEG pictures with pdftoppm (poppler), far quicker at it than
LibreOffice.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Protocol

from deckgen.commands.pdf import INSTALL_HINT, soffice, to_pdf
from deckgen.errors import BuildError

IMAGES_HINT = (
    "slide images need LibreOffice and pdftoppm; install them (Debian/Ubuntu: apt-get install "
    "libreoffice-impress poppler-utils, macOS: brew install --cask libreoffice && brew install "
    "poppler)"
)
IMAGE_WIDTH = 960  # pixels


class Office(Protocol):
    """Something that turns a deck into a PDF."""

    def pdf(self, deck: bytes) -> bytes:
        """The PDF of the deck ``deck`` (the bytes of a .pptx)."""
        ...

    def close(self) -> None:
        """Stop what was started."""
        ...


def images_possible() -> bool:
    """Whether LibreOffice and pdftoppm are both installed."""
    try:
        soffice()
    except BuildError:
        return False
    return shutil.which("pdftoppm") is not None


class ColdOffice:
    """LibreOffice started for each deck, with a profile of its own."""

    def pdf(self, deck: bytes) -> bytes:
        """The PDF of ``deck``."""
        with tempfile.TemporaryDirectory(prefix="deckgen-office-") as folder:
            path = Path(folder) / "deck.pptx"
            path.write_bytes(deck)
            return to_pdf(path).read_bytes()

    def close(self) -> None:
        """Nothing runs between decks."""


class WarmOffice:
    """One LibreOffice kept running by unoserver, converting deck after deck (about a second
    each instead of several).

    unoserver's server runs under a Python that can import LibreOffice's ``uno`` module (the
    system's Python with python3-uno on Debian, or LibreOffice's own), which is often not the
    Python deckgen runs in; the client side speaks XML-RPC and needs no ``uno``.
    """

    def __init__(self, process: subprocess.Popen[bytes], port: int, scratch: Path) -> None:
        self.process = process
        self.port = port
        self.scratch = scratch
        self.lock = threading.Lock()

    @classmethod
    def start(cls, timeout: float = 90.0) -> WarmOffice | None:
        """Start LibreOffice through unoserver; None when that cannot be done here."""
        python = _python_with_uno()
        if python is None:
            return None
        scratch = Path(tempfile.mkdtemp(prefix="deckgen-unoserver-"))
        found = _unoserver_path(scratch / "path")
        if found is None:
            shutil.rmtree(scratch, ignore_errors=True)
            return None
        port, uno_port = _free_port(), _free_port()
        command = [
            python, "-m", "unoserver.server", "--interface", "127.0.0.1",
            "--port", str(port), "--uno-port", str(uno_port),
            "--user-installation", str(scratch / "profile"),
        ]  # fmt: skip
        environment = {**os.environ, "PYTHONPATH": str(found), "HOME": str(scratch)}
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=environment,
                start_new_session=True,  # LibreOffice goes with it when closed
            )
        except OSError:
            return None
        office = cls(process, port, scratch)
        if not office._wait(timeout):
            office.close()
            return None
        return office

    def _client(self) -> Any:
        from unoserver.client import UnoClient

        return UnoClient(server="127.0.0.1", port=str(self.port))

    def _wait(self, timeout: float) -> bool:
        """Wait until unoserver answers (it listens once LibreOffice has started)."""
        import xmlrpc.client

        end = time.monotonic() + timeout
        while time.monotonic() < end and self.process.poll() is None:
            try:
                with xmlrpc.client.ServerProxy(f"http://127.0.0.1:{self.port}") as proxy:
                    proxy.info()
                return True
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.25)
        return False

    def pdf(self, deck: bytes) -> bytes:
        """The PDF of ``deck``, converted by the running LibreOffice."""
        with self.lock:
            try:
                result = self._client().convert(indata=deck, convert_to="pdf")
            except Exception as e:  # unoserver reports LibreOffice's failures as faults
                raise BuildError(f"LibreOffice could not convert the deck: {e}") from e
        if not isinstance(result, bytes):
            raise BuildError("LibreOffice gave no PDF")
        return result

    def close(self) -> None:
        """Stop unoserver and its LibreOffice."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                with contextlib.suppress(OSError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        with contextlib.suppress(OSError):  # LibreOffice's launcher may outlive unoserver
            os.killpg(self.process.pid, signal.SIGKILL)
        shutil.rmtree(self.scratch, ignore_errors=True)


def start_office() -> tuple[Office | None, str]:
    """The best converter this machine has, and a line that says which (or how to get one)."""
    if not images_possible():
        return None, IMAGES_HINT
    warm = WarmOffice.start()
    if warm is not None:
        return warm, "LibreOffice kept running (unoserver)"
    hint = (
        "LibreOffice starts for every update (a few seconds); for updates in about a second "
        "install unoserver (pip install unoserver) and LibreOffice's Python bridge "
        "(Debian/Ubuntu: apt-get install python3-uno)"
    )
    return ColdOffice(), hint


def _python_with_uno() -> str | None:
    """A Python that can import LibreOffice's uno module: this one, the system's, or
    LibreOffice's own."""
    candidates = [sys.executable, "/usr/bin/python3"]
    try:
        program = Path(os.path.realpath(soffice())).parent
        candidates += [str(program / "python"), str(program / "python.exe")]
    except BuildError:
        return None
    for candidate in candidates:
        if not Path(candidate).is_file():
            continue
        try:
            done = subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=30, check=False
            )
        except OSError:
            continue
        if done.returncode == 0:
            return candidate
    return None


def _unoserver_path(folder: Path) -> Path | None:
    """A folder that holds only unoserver (package and metadata), for another Python's
    PYTHONPATH: the rest of deckgen's environment may not suit that Python."""
    try:
        distribution = importlib.metadata.distribution("unoserver")
    except importlib.metadata.PackageNotFoundError:
        return None
    files = distribution.files or []
    tops = {Path(str(f)).parts[0] for f in files if Path(str(f)).parts}
    wanted = [t for t in tops if t == "unoserver" or t.endswith(".dist-info")]
    folder.mkdir(parents=True, exist_ok=True)
    for top in wanted:
        source = Path(str(distribution.locate_file(top)))
        if source.exists():
            (folder / top).symlink_to(source, target_is_directory=source.is_dir())
    return folder if (folder / "unoserver").exists() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def slide_images(
    pdf: bytes, folder: Path, stem: str, width: int = IMAGE_WIDTH, pages: int = 0
) -> list[Path]:
    """Each page of ``pdf`` as ``folder/<stem>-<n>.jpg`` (n from 1); return them in order.

    Given the number of ``pages``, the pages are shared among one pdftoppm per core.
    """
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise BuildError(IMAGES_HINT)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="deckgen-pages-") as scratch:
        source = Path(scratch) / "deck.pdf"
        source.write_bytes(pdf)
        size = ["-scale-to-x", str(width), "-scale-to-y", "-1"]
        command = [pdftoppm, "-jpeg", *size]
        parts = min(os.cpu_count() or 1, 4, max(1, pages // 4))
        ranges = [(1 + pages * i // parts, pages * (i + 1) // parts) for i in range(parts)]
        runs = [
            subprocess.Popen(
                [*command, *(["-f", str(a), "-l", str(b)] if pages else []), str(source),
                 str(Path(scratch) / "page")],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for a, b in ranges
        ]  # fmt: skip
        for run in runs:
            _, error = run.communicate(timeout=300)
            if run.returncode != 0:
                message = error.decode("utf-8", "replace").strip()
                raise BuildError(f"pdftoppm could not read the PDF: {message}")
        pages_made = sorted(
            Path(scratch).glob("page-*.jpg"), key=lambda p: int(p.stem.split("-")[1])
        )
        images = []
        for number, page in enumerate(pages_made, start=1):
            target = folder / f"{stem}-{number}.jpg"
            shutil.move(page, target)
            images.append(target)
    return images


__all__ = [
    "IMAGES_HINT",
    "INSTALL_HINT",
    "ColdOffice",
    "Office",
    "WarmOffice",
    "images_possible",
    "slide_images",
    "start_office",
]
