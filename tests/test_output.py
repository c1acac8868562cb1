"""Atomic writes: a reader sees the old deck or the new one, never half of one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from deckgen.errors import BuildError
from deckgen.write import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "out" / "sales.pptx"
    write_atomic(path, b"one")
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert [p.name for p in path.parent.iterdir()] == ["sales.pptx"]


def test_failure_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sales.pptx"
    path.write_bytes(b"old deck")

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(BuildError) as caught:
        write_atomic(path, b"new deck")
    assert caught.value.message == f"{path}: cannot write the deck (No space left on device)"
    assert path.read_bytes() == b"old deck"
    assert [p.name for p in tmp_path.iterdir()] == ["sales.pptx"]


def test_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "build"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        write_atomic(blocker / "sales.pptx", b"deck")
    assert caught.value.message.startswith(f"{blocker}: cannot write here (")
