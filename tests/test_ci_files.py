"""The CI files deckgen init writes: parsed, pinned to deckgen's own name, run on pull requests,
and (with LibreOffice) their commands run in a repo made by init."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from deckgen import __version__
from deckgen.cli import cli
from deckgen.commands.ci import DISTRIBUTION, INSTALL_STEP

BIN = Path(sys.executable).parent


def init(repo: Path, *options: str) -> None:
    result = CliRunner().invoke(cli, ["init", str(repo), *options])
    assert result.exit_code == 0, result.output


def github(repo: Path) -> dict[str, Any]:
    text = (repo / ".github/workflows/decks.yml").read_text(encoding="utf-8")
    workflow: dict[str, Any] = yaml.safe_load(text)
    return workflow


def gitlab(repo: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return data


def install_lines(repo: Path) -> list[str]:
    steps = github(repo)["jobs"]["decks"]["steps"]
    install = next(step for step in steps if step.get("name") == INSTALL_STEP)
    pip = [line for line in install["run"].splitlines() if "pip install" in line]
    pip += [line for line in gitlab(repo)["decks"]["before_script"] if "pip install" in line]
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    pip += [f"pre-commit: {d}" for d in hooks["repos"][0]["hooks"][0]["additional_dependencies"]]
    return pip


def test_ci_installs_deckgen_by_its_own_pinned_name(tmp_path: Path) -> None:
    init(tmp_path / "r")
    pinned = f"{DISTRIBUTION}=={__version__}"
    lines = install_lines(tmp_path / "r")
    assert len(lines) == 3
    assert all(pinned in line for line in lines), lines
    assert DISTRIBUTION == "deckgen-departments"
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert f'name = "{DISTRIBUTION}"' in pyproject


def test_ci_can_install_a_pinned_url_and_refuses_the_strangers_package(tmp_path: Path) -> None:
    url = "git+https://git.example.org/comms/deckgen.git@v0.1.0"
    init(tmp_path / "r", "--install", url)
    assert all(url in line for line in install_lines(tmp_path / "r"))
    for bad, says in (
        ("deckgen", "another project"),
        ("deckgen==0.10.4", "another project"),
        ("deckgen-departments", "pin a version"),
        ("git+https://git.example.org/comms/deckgen.git", "pin the URL"),
    ):
        result = CliRunner().invoke(
            cli, ["init", str(tmp_path / bad.replace("/", "_")), "--install", bad]
        )
        assert result.exit_code == 1
        assert says in result.stderr


def test_ci_runs_on_push_and_pull_requests_and_keeps_decks_and_pdfs(tmp_path: Path) -> None:
    """Both run on pushes and pull/merge requests; on those the review goes where reviewers
    read it."""
    init(tmp_path / "r")
    workflow = github(tmp_path / "r")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key on as true
    assert set(triggers) == {"push", "pull_request"}
    steps = workflow["jobs"]["decks"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "deckgen validate" in runs
    assert "deckgen build --all --pdf" in runs
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-"))
    assert upload["with"]["path"].split() == ["build/*.pptx", "build/*.pdf", "build/review/"]
    review = next(step for step in steps if "deckgen diff" in step.get("run", ""))
    assert review["if"] == "github.event_name == 'pull_request'"
    assert '--git "origin/$GITHUB_BASE_REF"' in review["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in review["run"]
    lab = gitlab(tmp_path / "r")
    sources = [rule["if"] for rule in lab["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in sources
    assert "$CI_COMMIT_BRANCH" in sources
    job = lab["decks"]
    assert job["script"][:2] == ["deckgen validate", "deckgen build --all --pdf"]
    assert job["artifacts"]["paths"][:2] == ["build/*.pptx", "build/*.pdf"]
    assert "build/review.md" in job["artifacts"]["paths"]
    assert 'deckgen diff --git "$CI_MERGE_REQUEST_DIFF_BASE_SHA"' in job["script"][2]
    assert job["artifacts"]["when"] == "always"


def shell(command: str, repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """One CI command as the runner runs it: bash, stop at the first failure."""
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", command],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def ci_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **extra}
    env.pop("DECKGEN_NOTE_TOKEN", None)
    return env


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def repo_with_history(tmp_path: Path) -> Path:
    """A content repo made by init, committed on main (also as origin/main), and a branch that
    inserts one concern, checked out."""
    repo = tmp_path / "decks"
    init(repo)
    who = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    git(repo, "init", "-q", "-b", "main")
    git(repo, *who, "add", "-A")
    git(repo, *who, "commit", "-qm", "start")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(repo, "checkout", "-qb", "more-concerns")
    sales = repo / "content/departments/sales.yaml"
    text = sales.read_text(encoding="utf-8")
    at = text.index("  - concern:")
    added = '  - concern: "Wer antwortet am Wochenende?"\n    answer: Niemand muss das.\n'
    sales.write_text(text[:at] + added + text[at:], encoding="utf-8")
    git(repo, *who, "commit", "-qam", "one more concern")
    return repo


def github_commands(repo: Path) -> list[str]:
    steps = github(repo)["jobs"]["decks"]["steps"]
    return [step["run"] for step in steps if "run" in step and step.get("name") != INSTALL_STEP]


def gitlab_commands(repo: Path) -> list[str]:
    return [str(line) for line in gitlab(repo)["decks"]["script"]]


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (make test-render)")
@pytest.mark.parametrize("runner", ["github", "gitlab"])
def test_ci_commands_run_in_a_new_repo(tmp_path: Path, runner: str) -> None:
    repo = repo_with_history(tmp_path)
    summary = tmp_path / "summary.md"
    base = git(repo, "rev-parse", "main").strip()
    env = ci_env(
        tmp_path,
        CI="true",
        GITHUB_EVENT_NAME="pull_request",
        GITHUB_BASE_REF="main",
        GITHUB_STEP_SUMMARY=str(summary),
        CI_PIPELINE_SOURCE="merge_request_event",
        CI_MERGE_REQUEST_DIFF_BASE_SHA=base,
    )
    commands = github_commands(repo) if runner == "github" else gitlab_commands(repo)
    for command in commands:
        done = shell(command, repo, env)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    for name in ("sales", "hr"):
        assert (repo / "build" / f"{name}.pptx").is_file()
        assert (repo / "build" / f"{name}.pdf").is_file()
    review = summary if runner == "github" else repo / "build" / "review.md"
    text = review.read_text(encoding="utf-8")
    # the starter's one concern gets a second: its slide and the overview of both are new
    assert "| sales | 2 added |" in text
    assert text.count("- **added**") == 2
    assert "Wer antwortet am Wochenende?" in text
    assert (repo / "build" / "review" / "index.html").is_file()
    assert len(list((repo / "build" / "review" / "images").glob("sales-new-*.jpg"))) == 2
