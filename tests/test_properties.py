"""Property tests: whatever the YAML says, deckgen writes a deck or reports a deckgen error.

Never another exception, never a traceback. 500 examples per property in CI
(``HYPOTHESIS_PROFILE=ci``), fewer locally (see conftest.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st
from pptx import Presentation

from deckgen.build.options import BuildOptions
from deckgen.build.run import build
from deckgen.errors import DeckgenError
from tests.helpers import minimal_project

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(
            ["name", "audience", "benefits", "title", "text", "concerns", "concern", "answer",
             "notes", "metrics", "figures", "charts", "value", "label", "kind", "slides", "add",
             "after", "skip", "override", "next_steps", "contact", "points", "x"]
        ),
        children,
        max_size=5,
    ),
    max_leaves=20,
)  # fmt: skip


def build_or_error(root: Path) -> None:
    """Build the project's decks; every problem must be a DeckgenError."""
    try:
        report = build(root, None, BuildOptions(), jobs=1)
    except DeckgenError as e:
        assert "internal error" not in e.message
        return
    assert not any("internal error" in line for line in report.failure_messages)
    for deck in report.decks:
        assert len(Presentation(str(deck.path)).slides) == deck.slides


@given(documents)
def test_any_yaml_document_as_a_department(document: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = minimal_project(Path(folder), sales=yaml.safe_dump(document, allow_unicode=True))
        build_or_error(root)


@given(st.text(max_size=200))
def test_any_text_as_a_department_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = minimal_project(Path(folder))
        (root / "content" / "departments" / "sales.yaml").write_text(
            text, encoding="utf-8", errors="surrogatepass"
        )
        build_or_error(root)


@given(st.lists(st.text(max_size=80), min_size=7, max_size=7))
def test_any_string_in_every_text_field(texts: list[str]) -> None:
    name, audience, title, text, concern, answer, step = texts
    department = {
        "name": name,
        "audience": audience,
        "notes": text,
        "benefits": [{"title": title, "text": text, "notes": [text, [title]]}],
        "concerns": [{"concern": concern, "answer": answer}],
        "metrics": {
            "figures": [{"value": title, "label": text}, {"value": name, "label": answer}],
            "charts": [{"title": title, "categories": [name, text], "series": [
                {"name": step, "values": [1, 2]}]}],
        },
        "next_steps": [{"step": step, "who": name, "when": text}],
        "contact": {"name": name, "email": text},
    }  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        root = minimal_project(Path(folder), sales=yaml.safe_dump(department, allow_unicode=True))
        build_or_error(root)
