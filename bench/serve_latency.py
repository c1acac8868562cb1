"""make bench: how long after a save `deckgen serve` shows the change.

`deckgen serve` runs on the example project (a fresh copy, one department opened in the page);
an event stream listens as the page's would. Each round saves a file and measures, from the
save, when the server says that the texts of the department are rebuilt ("texts") and when its
slide pictures are ("images"): that is when the page shows them. Two kinds of save: one
concern's answer (one slide to render) and the organisation's short name in deckgen.yaml (every
slide, through its footer, and every department opened).
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import workloads

START_LIMIT = 120.0  # seconds for the server and LibreOffice to start
EVENT_LIMIT = 60.0  # seconds to wait for one update before giving up
DEPARTMENT = "sales"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _listen(port: int, events: queue.Queue[tuple[float, dict[str, str]]]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
    connection.request("GET", "/events")
    response = connection.getresponse()
    while True:
        line = response.readline()
        if not line:
            return
        if line.startswith(b"data: "):
            events.put((time.perf_counter(), json.loads(line[6:])))


def _get(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=START_LIMIT)
    connection.request("GET", path)
    return connection.getresponse().read().decode("utf-8")


def _wait_for(events: queue.Queue[tuple[float, dict[str, str]]], start: float) -> dict[str, float]:
    """Seconds from ``start`` to the department's texts and images events."""
    seen: dict[str, float] = {}
    end = time.monotonic() + EVENT_LIMIT
    while "images" not in seen and time.monotonic() < end:
        try:
            at, message = events.get(timeout=max(0.1, end - time.monotonic()))
        except queue.Empty:
            break
        if message["slug"] == DEPARTMENT and message["what"] in ("texts", "images"):
            seen.setdefault(message["what"], at - start)
    return seen


def measure(folder: Path, rounds: int, deckgen: list[str]) -> dict[str, list[dict[str, float]]]:
    """Per kind of save ("one concern", "deckgen.yaml"), the seconds of each round."""
    project = workloads.example_project(folder / "serve")
    port = _free_port()
    server = subprocess.Popen(
        [*deckgen, "--project", str(project), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    events: queue.Queue[tuple[float, dict[str, str]]] = queue.Queue()
    try:
        end = time.monotonic() + START_LIMIT
        while True:
            try:
                _get(port, "/")
                break
            except OSError:
                if time.monotonic() > end or server.poll() is not None:
                    raise RuntimeError("deckgen serve did not start") from None
                time.sleep(0.2)
        threading.Thread(target=_listen, args=(port, events), daemon=True).start()
        _get(port, f"/d/{DEPARTMENT}")
        while 'data-images-version="0"' in _get(port, f"/d/{DEPARTMENT}/body"):
            if time.monotonic() > end:
                raise RuntimeError("deckgen serve rendered no slides (is LibreOffice installed?)")
            time.sleep(0.3)
        department = project / "content" / "departments" / f"{DEPARTMENT}.yaml"
        settings = project / "deckgen.yaml"
        saves: dict[str, tuple[Path, Callable[[str, int], str]]] = {
            "one concern": (department, lambda text, n: text.replace(
                "Schreiben müssen Sie nichts", f"Schreiben müssen Sie nichts ({n})"
            )),
            "deckgen.yaml": (settings, lambda text, n: text.replace(
                "short_name: Stadtwerke Lindenau", f"short_name: Stadtwerke Lindenau {n}"
            )),
        }  # fmt: skip
        results: dict[str, list[dict[str, float]]] = {name: [] for name in saves}
        for number in range(rounds):
            for name, (path, change) in saves.items():
                original = path.read_text(encoding="utf-8")
                changed = change(original, number)
                assert changed != original, f"nothing to change in {path.name}"
                while not events.empty():
                    events.get()
                start = time.perf_counter()
                path.write_text(changed, encoding="utf-8")
                results[name].append(_wait_for(events, start))
                path.write_text(original, encoding="utf-8")
                _wait_for(events, time.perf_counter())  # the page shows the original again
        return results
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


if __name__ == "__main__":  # python bench/serve_latency.py: this measurement alone
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        found = measure(Path(tmp), 5, [sys.executable, "-m", "deckgen"])
    for name, runs in found.items():
        print(name, [{k: round(v, 2) for k, v in run.items()} for run in runs])
