"""deckgen diff: slides matched by where their content comes from, word differences, --git,
--exit-code, Markdown for pull requests and the HTML page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from deckgen.cli import cli
from deckgen.review.compare import Segment, compare_decks, word_diff
from deckgen.review.keys import SlideRecord, item_of
from tests.helpers import MINIMAL_DEPARTMENT, minimal_project

THIRD_CONCERN = """\
  - concern: Wer antwortet am Wochenende?
    answer: Niemand muss am Wochenende antworten.
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout, result.stderr


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


def two_concerns() -> str:
    return MINIMAL_DEPARTMENT.replace(
        "next_steps:",
        "  - concern: Wir haben keine Zeit.\n    answer: Eine Stunde im Monat genügt.\nnext_steps:",
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project in a git repository (in a subfolder, as content repos sometimes are)."""
    root = minimal_project(tmp_path / "repo" / "decks", sales=two_concerns())
    git(root.parent, "init", "-q", "-b", "main")
    git(root.parent, "add", "-A")
    git(root.parent, "commit", "-qm", "start")
    return root


def insert_concern(root: Path) -> None:
    """A commit that inserts a concern between the two there are."""
    path = root / "content/departments/sales.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  - concern: Wir haben keine Zeit.")
    path.write_text(text[:at] + THIRD_CONCERN + text[at:], encoding="utf-8")
    git(root, "commit", "-qam", "one more concern")


def test_a_commit_that_inserts_one_concern_is_one_added_slide(repo: Path) -> None:
    insert_concern(repo)
    code, out, err = run("--project", str(repo), "diff", "--git", "HEAD~1")
    assert code == 0, err
    lines = out.splitlines()
    assert [line for line in lines if line[:2] in ("+ ", "- ", "~ ")] == [
        "~ slide 6 · concerns · Ihre Bedenken – unsere Antworten",  # the overview: one more
        "+ slide 8 · concerns[2] · \u201eWer antwortet am Wochenende?\u201c",
    ]
    assert "    body: {+\u201eWer antwortet am Wochenende?\u201c+}" in lines
    assert "    answer: Niemand muss am Wochenende antworten." in lines
    # the slides after it moved one number on, their counters too ("Bedenken 3/3"): no difference
    assert not any("slide 9" in line or "slide 10" in line for line in lines)


def test_exit_code_says_whether_anything_differs(repo: Path) -> None:
    assert run("--project", str(repo), "diff", "--git", "HEAD", "--exit-code")[:2] == (
        0,
        "no differences\n",
    )
    insert_concern(repo)
    assert run("--project", str(repo), "diff", "--git", "HEAD~1", "--exit-code")[0] == 1
    assert run("--project", str(repo), "diff", "--git", "HEAD~1")[0] == 0
    assert run("--project", str(repo), "diff", "--git", "HEAD", "--exit-code")[0] == 0


def test_working_tree_changes_show_their_words(repo: Path) -> None:
    path = repo / "content/departments/sales.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Eine Stunde im Monat", "Eine halbe Stunde im Monat"
        ),
        encoding="utf-8",
    )
    code, out, _ = run("--project", str(repo), "diff", "--git", "HEAD", "--exit-code")
    assert code == 1
    assert out.splitlines() == [
        "~ slide 8 · concerns[2] · \u201eWir haben keine Zeit.\u201c",
        "    answer: Eine{+ halbe+} Stunde im Monat genügt.",
    ]


def test_new_and_broken_departments_are_named(repo: Path) -> None:
    (repo / "content/departments/hr.yaml").write_text(MINIMAL_DEPARTMENT, encoding="utf-8")
    code, out, _ = run("--project", str(repo), "diff", "--git", "HEAD")
    assert code == 0
    assert "hr: new department" in out.splitlines()
    (repo / "content/departments/sales.yaml").write_text("name: [\n", encoding="utf-8")
    code, out, _ = run("--project", str(repo), "diff", "--git", "HEAD")
    assert "sales: cannot be built in the working tree: " in out
    assert "content/departments/sales.yaml:2:1: YAML syntax error" in out


def test_a_revision_git_does_not_know_is_an_error(repo: Path, tmp_path: Path) -> None:
    code, _, err = run("--project", str(repo), "diff", "--git", "no-such-branch")
    assert code == 1
    assert err.strip() == "'no-such-branch' is not a revision of this git repository"
    outside = minimal_project(tmp_path / "plain")
    code, _, err = run("--project", str(outside), "diff", "--git", "HEAD")
    assert code == 1
    assert "is not inside a git repository" in err
    assert run("--project", str(repo), "diff")[0] == 2


def test_markdown_for_a_pull_request(repo: Path) -> None:
    insert_concern(repo)
    code, out, _ = run("--project", str(repo), "diff", "--git", "HEAD~1", "--format", "markdown")
    assert code == 0
    assert "| sales | 1 added, 1 changed |" in out
    assert "- **added** slide 8 · concerns\\[2\\] · \u201eWer antwortet am Wochenende?\u201c" in out
    assert "  - answer: <ins>Niemand muss am Wochenende antworten.</ins>" in out


def test_the_html_page_says_how_to_get_images_without_libreoffice(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("deckgen.office.images_possible", lambda: False)
    insert_concern(repo)
    out_dir = tmp_path / "review"
    code, out, _ = run("--project", str(repo), "diff", "--git", "HEAD~1", "--html", str(out_dir))
    assert code == 0
    page = (out_dir / "index.html").read_text(encoding="utf-8")
    assert "Wer antwortet am Wochenende?" in page
    assert "apt-get install libreoffice-impress poppler-utils" in page
    assert "slide images need LibreOffice" in out


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (make test-render)")
def test_the_html_page_shows_changed_slides_before_and_after(repo: Path, tmp_path: Path) -> None:
    path = repo / "content/departments/sales.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Eine Stunde", "Eine halbe Stunde"),
        encoding="utf-8",
    )
    out_dir = tmp_path / "review"
    assert run("--project", str(repo), "diff", "--git", "HEAD", "--html", str(out_dir))[0] == 0
    page = (out_dir / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (out_dir / "images").iterdir()) == [
        "sales-new-8.jpg",
        "sales-old-8.jpg",
    ]
    assert '<img src="images/sales-old-8.jpg"' in page
    assert "Eine<ins> halbe</ins> Stunde" in page


def test_decks_carry_their_keys_so_moved_slides_are_no_difference(tmp_path: Path) -> None:
    root = minimal_project(tmp_path / "p", sales=two_concerns())
    assert run("--project", str(root), "build", "sales")[0] == 0
    deck = root / "build" / "sales.pptx"
    presentation = Presentation(str(deck))
    names = [slide._element.cSld.get("name") for slide in presentation.slides]
    assert names[5:8] == [
        "concerns/bullets/concerns",
        "concerns/concerns/concerns[1]",
        "concerns/concerns/concerns[2]",
    ]
    # a presenter moves the last concern before the first
    slides = presentation.slides._sldIdLst
    moved = slides[7]
    slides.remove(moved)
    slides.insert(6, moved)
    edited = tmp_path / "moved.pptx"
    presentation.save(str(edited))
    code, out, _ = run("diff", str(deck), str(edited), "--exit-code")
    assert (code, out) == (0, "no differences\n")


def record(key: str, number: int, *texts: str) -> SlideRecord:
    return SlideRecord(key, number, "Bedenken", tuple(("answer", t) for t in texts))


def test_slides_are_matched_by_content_then_by_key() -> None:
    old = [record("c/concerns/concerns[1]", 1, "eins"), record("c/concerns/concerns[2]", 2, "zwei")]
    new = [
        record("c/concerns/concerns[1]", 1, "eins"),
        record("c/concerns/concerns[2]", 2, "neu"),
        record("c/concerns/concerns[3]", 3, "zwei"),
    ]
    changes = compare_decks(old, new)
    assert [(c.status, c.record.number) for c in changes] == [("added", 2)]
    # a text rewritten in place is one changed slide, found by its key
    rewritten = [old[0], record("c/concerns/concerns[2]", 2, "ganz anders")]
    assert [c.status for c in compare_decks(old, rewritten)] == ["changed"]
    # a slide of another section is never taken for a changed one
    other = [old[0], record("x/bullets/points[1]", 2, "zwei")]
    assert sorted(c.status for c in compare_decks(old, other)) == ["added", "removed"]


def test_word_differences() -> None:
    assert word_diff("Die Redaktion schreibt.", "Die Redaktion schreibt und plant.") == [
        Segment("=", "Die Redaktion schreibt"),
        Segment("+", " und plant"),
        Segment("=", "."),
    ]
    assert word_diff("eins zwei drei vier", "eins zwo drei vier") == [
        Segment("=", "eins "),
        Segment("-", "zwei"),
        Segment("+", "zwo"),
        Segment("=", " drei vier"),
    ]


def test_item_of_a_source_key() -> None:
    assert item_of("concerns[2].answer") == "concerns[2]"
    assert item_of("sections.why.slides[1].points[2]") == "sections.why.slides[1]"
    assert item_of("contact.name") == "contact"
