"""Starts the commands make bench measures, one at a time, and measures each.

Why a process of its own: Linux records the resident set of the process that forks into the
peak memory (ru_maxrss) of the child it executes. Started from bench.py, which holds
python-pptx and the decks' JSON, every command would report at least bench.py's memory. This
process imports next to nothing, so the floor it leaves is that of a bare interpreter (about
10 MB). Run with `python -I -S`.

Protocol: one JSON request per line on stdin, {"args": [...], "stderr": path, "limit": seconds
or null}; one JSON answer per line on stdout, [wall seconds, CPU seconds (user + system of the
command and the descendants it waited for), peak memory in MB (the largest of them), exit
status]. A command still running after ``limit`` seconds is killed.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time


def measure(args: list[str], stderr: str, limit: float | None) -> list[float]:
    """Run one command, output to /dev/null and errors to ``stderr``; its figures."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    started = time.perf_counter()
    pid = os.posix_spawnp(args[0], args, os.environ, file_actions=actions)
    if limit:
        signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
        signal.setitimer(signal.ITIMER_REAL, limit)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    signal.setitimer(signal.ITIMER_REAL, 0)
    cpu = usage.ru_utime + usage.ru_stime
    return [wall, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)]


def main() -> None:
    """Answer requests until stdin closes."""
    for line in sys.stdin:
        request = json.loads(line)
        answer = measure(request["args"], request["stderr"], request["limit"])
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
