"""Decks on every template of the set, judged on the rendered slides as a presenter would
(tests/judge.py): no word outside its frame, no word on top of the template's own graphics,
every word at a contrast of at least 4.5:1 (3:1 for large text).

The set: the built-in themes, each Impress template LibreOffice ships, pandoc's reference deck
and the three templates in tests/fixtures/templates. On each, the example departments ``sales``
and ``works-council`` are built (``deckgen theme import`` and ``deckgen build --theme``). All
decks go through LibreOffice together, once per session; one test per template and check, so a
failure names both. The findings of every template, as a table, are printed at the end of the
run and written to ``judged/findings.md`` in pytest's temporary folder, every finding to
``judged/findings.txt``.

Where deckgen does not pass yet, the test is expected to fail: KNOWN_BAD lists those
(template, check) pairs with what is wrong. Empty it as deckgen gets them right; a pair that
passes shows as XPASS.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli import cli
from tests.judge import Finding, judge_all, render_variants
from tests.rendered import tools_missing
from tests.templates import template_names

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(bool(tools_missing()), reason=tools_missing() or "ok"),
]

# -- what does not pass yet: (template, check) -> what is wrong ------------------------------------
# Empty this as deckgen gets each right; the failure message of a test lists its words.
KNOWN_BAD: dict[tuple[str, str], str] = {}

REPO = Path(__file__).resolve().parent.parent
BUILTIN = ["modern", "agency", "dark"]
TEMPLATES = [*BUILTIN, *template_names()]
DEPARTMENTS = ["sales", "works-council"]
CHECKS = {
    "outside": "words outside their frames",
    "graphics": "words on the template's graphics",
    "contrast": "words below WCAG AA contrast",
}
JOBS = max(1, min(4, os.cpu_count() or 1))


def cases() -> list[object]:
    """One case per template and check, expected to fail where KNOWN_BAD says so."""
    return [
        pytest.param(
            template,
            check,
            id=f"{template}-{check}",
            marks=[pytest.mark.xfail(strict=False, reason=KNOWN_BAD[template, check])]
            if (template, check) in KNOWN_BAD
            else [],
        )
        for template in TEMPLATES
        for check in CHECKS
    ]


@pytest.fixture(scope="session")
def judged(
    real_templates: dict[str, Path],
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> dict[str, list[Finding]]:
    """The findings of every template: both departments built, rendered (all decks in one
    LibreOffice run per core) and judged."""
    root = tmp_path_factory.mktemp("judged")
    project = root / "project"
    project.mkdir()
    shutil.copy(REPO / "deckgen.yaml", project / "deckgen.yaml")
    shutil.copytree(REPO / "content", project / "content")
    runner = CliRunner()
    decks = []
    for template in TEMPLATES:
        if template not in BUILTIN:
            imported = runner.invoke(
                cli,
                ["--project", str(project), "theme", "import", str(real_templates[template]),
                 "--name", template, "--no-check"],  # its test build is judged below
            )  # fmt: skip
            assert imported.exit_code == 0, imported.output
        out = root / "decks" / template
        built = runner.invoke(
            cli,
            ["--project", str(project), "build", *DEPARTMENTS, "-q", "-j", "1",
             "--theme", template, "--out", str(out), "--allow-outside-output"],
        )  # fmt: skip
        assert built.exit_code == 0, built.output
        decks += [(f"{template}--{slug}", out / f"{slug}.pptx") for slug in DEPARTMENTS]
    rendered = render_variants(decks, root / "rendered", jobs=JOBS)
    results: dict[str, list[Finding]] = {template: [] for template in TEMPLATES}
    for (name, _), findings in zip(decks, judge_all(rendered, jobs=JOBS), strict=True):
        results[name.partition("--")[0]] += findings
    table = findings_table(results)
    (root / "findings.md").write_text(table, encoding="utf-8")
    (root / "findings.txt").write_text(
        "".join(f"{f}\n" for found in results.values() for f in found), encoding="utf-8"
    )
    request.addfinalizer(lambda: _show(request.config, f"findings per template ({root}):\n{table}"))
    return results


def _show(config: pytest.Config, text: str) -> None:
    """Print ``text`` at the end of the run, past pytest's capture."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("\n" + text)


def findings_table(results: dict[str, list[Finding]]) -> str:
    """A Markdown table: per template, the number of findings of each check."""
    lines = [
        "| template | " + " | ".join(CHECKS.values()) + " |",
        "|---|" + "---:|" * len(CHECKS),
    ]
    for template, findings in results.items():
        counts = [sum(f.check == check for f in findings) for check in CHECKS]
        lines.append(f"| {template} | " + " | ".join(map(str, counts)) + " |")
    return "\n".join(lines) + "\n"


def test_known_bad_names_real_cases() -> None:
    """Every entry of KNOWN_BAD names a template of the set and a check."""
    assert [key for key in KNOWN_BAD if key[0] not in TEMPLATES or key[1] not in CHECKS] == []


@pytest.mark.parametrize(("template", "check"), cases())
def test_rendered_decks_pass(judged: dict[str, list[Finding]], template: str, check: str) -> None:
    lines = [str(f) for f in judged[template] if f.check == check]
    shown = "\n".join(lines[:30]) + ("\n..." if len(lines) > 30 else "")
    assert not lines, f"{len(lines)} {CHECKS[check]} on {template}:\n{shown}"
