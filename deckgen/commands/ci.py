"""The CI files ``deckgen init`` writes: GitHub Actions, GitLab CI and pre-commit.

Each installs deckgen by its distribution name, pinned to the version that wrote the file
(:data:`DISTRIBUTION`; the name ``deckgen`` on the Python package index is another project's),
or by a pinned URL the user gives (``deckgen init --install``). On every push and every pull or
merge request they validate the content, build every deck with its PDF and keep both as
artifacts; on a pull or merge request they also put the review diff (``deckgen diff --git``)
where the reviewers read it: GitHub's job summary, GitLab's artifacts (and, given a token, a
comment on the merge request), with the page of before/after images as an artifact.
"""

from __future__ import annotations

from deckgen import __version__

DISTRIBUTION = "deckgen-departments"
"""deckgen's name on the Python package index; the command and the import stay ``deckgen``."""

INSTALL_STEP = "Install LibreOffice and deckgen"
"""The name of the one step (GitHub) that installs; tests run every other step."""


def default_install() -> str:
    """What the CI files install: this version of deckgen, by its distribution name."""
    return f"{DISTRIBUTION}=={__version__}"


def _quoted(spec: str) -> str:
    """A pip requirement as one shell word."""
    return "'" + spec.replace("'", "'\\''") + "'"


def github_workflow(install: str) -> str:
    """``.github/workflows/decks.yml``: validate, build, PDFs and decks as artifacts."""
    return f"""\
# Checks the content and builds every department's deck on each push and pull request; the
# decks and their PDFs are kept as the artifact "decks".
name: decks
on:
  push:
  pull_request:
permissions:
  contents: read
jobs:
  decks:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0          # the review diff compares with the base branch
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: {INSTALL_STEP}
        run: |
          sudo apt-get update -qq
          sudo apt-get install -y -qq --no-install-recommends libreoffice-impress poppler-utils
          python -m pip install --quiet {_quoted(install)}
      - name: Check the content
        run: deckgen validate
      - name: Build every deck, with PDFs
        run: deckgen build --all --pdf
      - name: What the pull request changes on the slides
        if: github.event_name == 'pull_request'
        run: >-
          deckgen diff --git "origin/$GITHUB_BASE_REF" --format markdown --html build/review
          >> "$GITHUB_STEP_SUMMARY"
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: decks
          path: |
            build/*.pptx
            build/*.pdf
            build/review/
          if-no-files-found: ignore
"""


def gitlab_ci(install: str) -> str:
    """``.gitlab-ci.yml``: the same job for GitLab, on pushes and merge requests."""
    return f"""\
# Checks the content and builds every department's deck on each push and merge request; the
# decks and their PDFs are kept as the job's artifacts.
workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
      when: never                 # one pipeline per change: the merge request's
    - if: $CI_COMMIT_BRANCH

decks:
  image: python:3.12
  variables:
    GIT_DEPTH: "0"                # the review diff compares with the target branch
  before_script:                  # {INSTALL_STEP}
    - apt-get update -qq
    - apt-get install -y -qq --no-install-recommends libreoffice-impress poppler-utils
    - python -m pip install --quiet {_quoted(install)}
  script:
    - deckgen validate
    - deckgen build --all --pdf
    - |
      # on a merge request: what it changes on the slides, as a page and as Markdown; with a
      # project access token in DECKGEN_NOTE_TOKEN (CI/CD variable, api scope) also as a comment
      if [ -n "${{CI_MERGE_REQUEST_DIFF_BASE_SHA:-}}" ]; then
        deckgen diff --git "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format markdown \\
          --html build/review > build/review.md
        if [ -n "${{DECKGEN_NOTE_TOKEN:-}}" ]; then
          curl --fail --silent --show-error --request POST \\
            --header "PRIVATE-TOKEN: $DECKGEN_NOTE_TOKEN" --data-urlencode "body@build/review.md" \\
            "$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes" \\
            > /dev/null
        fi
      fi
  artifacts:
    name: decks
    when: always
    paths:
      - build/*.pptx
      - build/*.pdf
      - build/review/
      - build/review.md
"""


def pre_commit_config(install: str) -> str:
    """``.pre-commit-config.yaml``: ``deckgen validate`` before every commit."""
    return f"""\
# Checks the content before every commit: pip install pre-commit && pre-commit install
repos:
  - repo: local
    hooks:
      - id: deckgen-validate
        name: deckgen validate
        entry: deckgen validate
        language: python
        additional_dependencies: [{_yaml_quoted(install)}]
        pass_filenames: false
        files: '(^deckgen\\.yaml$|^content/|^themes/)'
"""


def _yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
