"""Measuring commands for make bench: wall time, CPU time and peak memory, medians.

The commands are started by launcher.py, a small process of its own, so that their peak
memory is not inflated by this one's (see there). CPU time and memory come from os.wait4,
whose figures cover the command and every descendant it waited for (deckgen's worker
processes, the plain script's pool, xargs' pandoc processes): user + system seconds, and the
largest resident set among them.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

LAUNCHER = Path(__file__).resolve().parent / "launcher.py"


@dataclass(frozen=True)
class Measurement:
    """One run of a command (or the medians of several)."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its descendants
    memory: float  # MB, the largest process
    status: int  # exit status; -1 for runs that did not agree


@dataclass(frozen=True)
class Command:
    """A command to measure: its arguments, the exit status expected (None: any) and the
    seconds after which it is killed (None: never)."""

    args: list[str]
    expect: int | None = 0
    limit: float | None = None


class CommandFailed(Exception):
    """A command exited with another status than expected."""


class Launcher:
    """The launcher process, started once; ``run`` measures one command through it."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", str(LAUNCHER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.errors = Path(tempfile.mkdtemp(prefix="deckgen-bench-errors-")) / "stderr"

    def run(self, command: Command) -> Measurement:
        """Run a command (output discarded) and measure it; CommandFailed on a surprising exit."""
        assert self.process.stdin is not None and self.process.stdout is not None
        request = {"args": command.args, "stderr": str(self.errors), "limit": command.limit}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        wall, cpu, memory, status = json.loads(self.process.stdout.readline())
        if command.expect is not None and status != command.expect:
            tail = self.errors.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise CommandFailed(
                f"{' '.join(command.args)}: exit {status}, not {command.expect}\n{tail}"
            )
        return Measurement(wall, cpu, memory, int(status))

    def close(self) -> None:
        """End the launcher and remove its error file."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()
        self.errors.unlink(missing_ok=True)
        self.errors.parent.rmdir()

    def __enter__(self) -> Launcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def median(runs: list[Measurement]) -> Measurement:
    """The median of each quantity over the runs, each taken on its own; the exit status if
    all runs had the same, else -1."""
    statuses = {m.status for m in runs}
    return Measurement(
        statistics.median(m.wall for m in runs),
        statistics.median(m.cpu for m in runs),
        statistics.median(m.memory for m in runs),
        statuses.pop() if len(statuses) == 1 else -1,
    )


def interleaved(
    launcher: Launcher, commands: dict[str, Command], repeat: int
) -> dict[str, list[Measurement]]:
    """Run the commands one after the other, ``repeat`` times over; return every run of each."""
    runs: dict[str, list[Measurement]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(launcher.run(command))
    return runs
