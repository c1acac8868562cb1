"""The first hour of a new user: the mistakes everyone makes get messages that say what to do,
all of a file's mistakes come in one run, options go where people type them, completion
knows departments, themes and files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.shell_completion import CompletionItem
from click.testing import CliRunner

from deckgen.cli import cli
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project

SALES = "content/departments/sales.yaml"


def validate(root: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["--project", str(root), "validate"])
    assert result.exit_code == 1, result.output
    prefix = f"{root}/"
    return [line.removeprefix(prefix) for line in result.stderr.splitlines()]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "audience: {{ department.name }}",
            "sales.yaml:2:11: a text that starts with '{{' must be in quotes: "
            'audience: "{{ department.name }}"',
        ),
        (
            "audience: {{ department.name }} staff   # who listens",
            "sales.yaml:2:11: a text that starts with '{{' must be in quotes: "
            'audience: "{{ department.name }} staff"',
        ),
        (
            'audience: {{ department.name }} "Team"',
            "sales.yaml:2:11: a text that starts with '{{' must be in quotes: "
            "audience: '{{ department.name }} \"Team\"'",
        ),
    ],
)
def test_a_text_that_starts_with_a_template_needs_quotes(
    tmp_path: Path, written: str, message: str
) -> None:
    department = MINIMAL_DEPARTMENT.replace("audience: Außendienst", written)
    root = minimal_project(tmp_path, sales=department)
    assert validate(root) == [f"content/departments/{message}"]


def test_a_template_in_a_list_in_brackets_needs_quotes(tmp_path: Path) -> None:
    department = MINIMAL_DEPARTMENT.replace(
        "next_steps:\n  - Profil anlegen", "next_steps: [Pilot in {{ department.name }}, Start]"
    )
    root = minimal_project(tmp_path, sales=department)
    assert validate(root) == [
        f"{SALES}:11:23: a text with '{{{{' in a list in [ ] must be in quotes: "
        'next_steps: ["Pilot in {{ department.name }}", "Start"]'
    ]


def test_a_list_item_that_starts_with_a_template_needs_quotes(tmp_path: Path) -> None:
    department = MINIMAL_DEPARTMENT.replace(
        "  - Profil anlegen", "  - {{ department.name }} legt los"
    )
    root = minimal_project(tmp_path, sales=department)
    assert validate(root) == [
        f"{SALES}:12:5: a text that starts with '{{{{' must be in quotes: "
        '- "{{ department.name }} legt los"'
    ]


def test_a_key_indented_too_far_is_named(tmp_path: Path) -> None:
    department = MINIMAL_DEPARTMENT.replace(
        "    text: Kunden finden uns", "      text: Kunden finden"
    )
    root = minimal_project(tmp_path, sales=department)
    assert validate(root) == [
        f"{SALES}:5:7: 'text:' is indented further than 'title:' on line 4; "
        "give the keys of one item the same indentation"
    ]
    top = MINIMAL_DEPARTMENT.replace("audience: Außendienst", "  audience: Außendienst")
    root = minimal_project(tmp_path / "top", sales=top)
    assert validate(root) == [
        f"{SALES}:2:3: 'audience:' is indented further than 'name:' on line 1; "
        "give the keys of one item the same indentation"
    ]


def test_a_colon_in_a_text_still_says_to_quote_it(tmp_path: Path) -> None:
    department = MINIMAL_DEPARTMENT.replace("Kunden finden uns", "Kunden: finden uns")
    root = minimal_project(tmp_path, sales=department)
    assert validate(root) == [
        f"{SALES}:5:17: YAML syntax error: a text contains ': ' (colon and space); "
        "put the whole text in quotes"
    ]


EXTRA_SLIDES = """\
add:
  - after: concerns
    slides:
      - kind: image
        title: Bild
        image: images/fehlt.png
      - kind: bullets
        title: "{{ department.nme }}"
        points: [Eins]
"""


@pytest.mark.parametrize("type_error", [True, False])
def test_every_mistake_of_a_file_comes_in_one_run(tmp_path: Path, type_error: bool) -> None:
    department = MINIMAL_DEPARTMENT + EXTRA_SLIDES
    if type_error:
        department = department.replace("audience: Außendienst", "audience: [Außendienst]")
    root = minimal_project(tmp_path, sales=department)
    expected = [
        f"{SALES}:18:16: add[1].slides[1].image: image 'images/fehlt.png' not found (paths are "
        "relative to deckgen.yaml)",
        f"{SALES}:20:16: add[1].slides[2].title: undefined variable: no 'nme' here; "
        "did you mean 'name'?",
    ]
    if type_error:
        expected.insert(0, f"{SALES}:2:11: audience: expected text, got a list")
    assert validate(root) == expected


def test_project_and_debug_work_after_the_subcommand(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p")
    before = CliRunner().invoke(cli, ["--project", str(root), "list"])
    after = CliRunner().invoke(cli, ["list", "--project", str(root)])
    joined = CliRunner().invoke(cli, ["list", f"--project={root}"])
    assert before.exit_code == after.exit_code == joined.exit_code == 0
    assert before.output == after.output == joined.output
    broken = minimal_project(tmp_path / "b", sales="name: [\n")
    result = CliRunner().invoke(cli, ["validate", "--project", str(broken), "--debug"])
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    plain = CliRunner().invoke(cli, ["validate", "--project", str(broken)])
    assert "Traceback" not in plain.output


def commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    found = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += commands(command, (*path, name))
        else:
            found.append(((*path, name), command))
    return found


NAMING = {"department", "departments"}
THEMES = {"theme", "template"}


def completions(words: str) -> list[str]:
    env = {"_DECKGEN_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": "99"}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    result = CliRunner().invoke(cli, [], env=env, prog_name="deckgen")
    return result.output.split()


def test_every_argument_that_names_a_department_theme_or_file_completes(project: Path) -> None:
    checked = []
    for path, command in commands(cli):
        for param in command.params:
            name = param.name or ""
            context = click.Context(command, info_name=path[-1], parent=click.Context(cli))
            items = param.shell_complete(context, "")
            shown = {(item.type, item.value) for item in items if isinstance(item, CompletionItem)}
            if name in NAMING:
                assert ("plain", "sales") in shown, (path, name)
            elif name in THEMES:
                assert ("plain", "modern") in shown or ("file", "") in shown, (path, name)
            elif isinstance(param.type, click.Path):
                assert {t for t, _ in shown} & {"file", "dir"}, (path, name)
            else:
                continue
            checked.append(" ".join([*path, name]))
    for expected in ("notes department", "explain department", "explain theme"):
        assert expected in checked
    assert "theme inspect template" in checked
    assert "plain,sales" in completions("deckgen explain s")
    assert "plain,modern" in completions("deckgen theme inspect m")
    assert "file," in completions("deckgen theme inspect ")


def test_coverage_counts_starter_text_as_missing(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    assert CliRunner().invoke(cli, ["init", str(root)]).exit_code == 0
    first = CliRunner().invoke(cli, ["--project", str(root), "coverage"])
    assert first.exit_code == 0
    rows = {line.split()[0]: line.split()[1:] for line in first.output.splitlines()[1:3]}
    assert rows["sales"][:6] == ["0"] * 6
    assert (
        "sales: starter text not replaced in: benefits, concerns, examples, metrics, "
        "next_steps, contact"
    ) in first.output.splitlines()
    department = root / "content" / "departments" / "sales.yaml"
    text = department.read_text(encoding="utf-8")
    department.write_text(
        text.replace("  - title: Erster Nutzen", "  - title: Kunden finden uns"), encoding="utf-8"
    )
    second = CliRunner().invoke(cli, ["--project", str(root), "coverage", "--strict"])
    assert second.exit_code == 1
    rows = {line.split()[0]: line.split()[1:] for line in second.output.splitlines()[1:3]}
    assert rows["sales"][:2] == ["1", "0"]  # one benefit of its own; the second is the starter's


REPO = Path(__file__).resolve().parent.parent


@pytest.mark.render  # slow: pre-commit makes a virtualenv and pip installs deckgen into it
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_pre_commit_hook_works_with_only_pre_commit_installed(tmp_path: Path) -> None:
    commit = _git(REPO, "rev-parse", "HEAD").strip()
    if _git(REPO, "status", "--porcelain", "--", "deckgen", "pyproject.toml").strip():
        pytest.skip("deckgen has uncommitted changes; the hook installs the commit")
    install = f"deckgen-departments @ git+file://{REPO}@{commit}"
    root = tmp_path / "repo"
    assert CliRunner().invoke(cli, ["init", str(root), "--install", install]).exit_code == 0
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    # only pre-commit, in a PATH without deckgen: the hook brings deckgen itself
    bin_dir = Path(sys.executable).parent
    path = os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep) if Path(p) != bin_dir
    )
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "pre-commit").symlink_to(bin_dir / "pre-commit")
    env = {
        **os.environ,
        "PATH": f"{tools}{os.pathsep}{path}",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }
    assert shutil.which("deckgen", path=env["PATH"]) is None
    ran = subprocess.run(
        ["pre-commit", "run", "--all-files"], cwd=root, env=env, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "deckgen validate" in ran.stdout and "Passed" in ran.stdout
    department = root / "content" / "departments" / "sales.yaml"
    department.write_text("name: [\n", encoding="utf-8")
    broken = subprocess.run(
        ["pre-commit", "run", "--all-files"], cwd=root, env=env, capture_output=True, text=True
    )
    assert broken.returncode == 1
    assert "content/departments/sales.yaml:2:1: YAML syntax error" in broken.stdout


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout
