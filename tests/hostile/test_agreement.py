"""validate and build agree on any content, not only on the crafted cases: for arbitrary YAML
documents and arbitrary template texts both fail with the same lines or both pass, and neither
reports an internal error. (Each crafted case of the hostile set checks this too, through
``harness.both``.)"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import MINIMAL_DEPARTMENT
from tests.hostile.harness import Site, both, make_site
from tests.test_properties import documents

TEMPLATE_PARTS = [
    "{{", "}}", "{%", "%}", "department.name", "vars", "range(", ")", "*", "**", "~", "9",
    "10", "|join", "|center(", "|truncate(", "-1", '"a"', "for x in", "endfor", "macro m()",
    "endmacro", "m()", "loop(", "namespace(", "set", "=", ".", "[", "]", ",",
]  # fmt: skip


def agree(text: str) -> None:
    """A new site with ``text`` as its department file, checked by :func:`both`."""
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        site: Site = make_site(Path(folder))
        site.department(text)
        os.chdir(site.root)  # each example has its own site (a fixture would be shared)
        try:
            both(site)
        finally:
            os.chdir(here)


@given(documents)
def test_any_yaml_document(document: Any) -> None:
    agree(yaml.safe_dump(document, allow_unicode=True))


@given(st.lists(st.sampled_from(TEMPLATE_PARTS), max_size=14).map(" ".join))
def test_any_template_text(template: str) -> None:
    quoted = "'" + template.replace("'", "''") + "'"
    agree(MINIMAL_DEPARTMENT.replace("audience: Außendienst", f"audience: {quoted}"))
