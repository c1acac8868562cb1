"""``deckgen init`` and ``deckgen new``: a content repo and department files to start from.

Everything written here builds as it is; the texts say what to replace.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from deckgen import __version__
from deckgen.commands import starter_en
from deckgen.commands.ci import (
    DISTRIBUTION,
    default_install,
    github_workflow,
    gitlab_ci,
    pre_commit_config,
)
from deckgen.commands.schema import write_schemas
from deckgen.content.paths import DEPARTMENTS_DIR, SLUG, not_a_slug
from deckgen.errors import DeckgenError
from deckgen.locale import check_locale, language
from deckgen.theme import BUILTIN_THEMES

SETTINGS = """\
# yaml-language-server: $schema=schemas/settings.schema.json
# deckgen.yaml: what every department deck shares. `deckgen --help` and the README explain it.
organisation:
  name: Muster GmbH            # the deck's author
  short_name: Muster           # in every footer
title: Gemeinsam auf Social Media
subtitle: "{{ department.name }} · {{ date }}"
theme: modern                  # modern, agency, dark, or a folder in themes/
locale: de                     # language and region of built-in words, dates and numbers
output: build
variables:
  launch: Frühjahr
duration: 30                   # minutes a talk may take; the build warns about a longer one
outline:                       # the sections every deck has, in order
  - title
  - section: agenda
    notes: Kurz sagen, was kommt und dass am Ende Zeit für Fragen bleibt.
  - section: why
    header: true
  - benefits
  - concerns
  - examples
  - metrics
  - next_steps
  - contact
"""

SHARED = """\
# yaml-language-server: $schema=../schemas/shared.schema.json
# What every department hears. Each section here can be named in the outline of deckgen.yaml.
sections:
  why:
    title: Warum wir auf Social Media gehen
    notes: Den Rahmen setzen, bevor es um die Abteilung geht.
    slides:
      - kind: bullets
        title: Unsere Ziele
        points:
          - Kundinnen und Kunden schneller informieren
          - Als Arbeitgeber sichtbar werden
          - text: Ab {{ vars.launch }} auf unseren Kanälen
            points: [Instagram, LinkedIn]
        notes: Hier die Unternehmensziele nennen, aus denen die Kanalziele folgen.
contact:
  name: Vorname Nachname
  role: Social-Media-Management
  email: social@example.org
"""

GITIGNORE = """\
build/
.venv/
__pycache__/
"""


def department_text(name: str) -> str:
    """A department file with every section, a comment on each key, and texts to replace."""
    return f"""\
# yaml-language-server: $schema=../../schemas/department.schema.json
# One department's deck. Replace the texts; delete what you do not need (optional keys say so).
name: {_quoted(name)}                         # the department's name, {{{{ department.name }}}}
audience: Alle Mitarbeitenden der Abteilung   # who sits in the room
# presenter: Vorname Nachname                 # optional: who presents
notes: |                                      # speaker notes of the title slide
  Begrüßung, und warum wir heute mit {{{{ department.name }}}} sprechen.

benefits:                                     # what the department gains; 4 or more are good
  - title: Erster Nutzen
    text: Ein Satz, der den Nutzen erklärt.
    figure: {{value: "+20 %", label: "eine Zahl, die ihn zeigt"}}   # optional
    notes: Was ich dazu sage.
  - title: Zweiter Nutzen
    text: Ein Satz, der den Nutzen erklärt.
    figure: {{value: "2x", label: "noch eine Zahl"}}

concerns:                                     # one slide each; take every concern seriously
  - concern: "Das macht uns nur zusätzliche Arbeit."
    answer: "Unsere ehrliche Antwort, konkret: wer was tut, wie viel Zeit es kostet."
    notes: Was ich dazu sage.

examples:                                     # what others do, and what it brings them
  - title: Ein Beispiel aus der Region
    did: [Was sie tun]
    results: [Was es ihnen bringt]
    notes: Woher das Beispiel stammt.

metrics:                                      # how success is measured
  figures:                                    # 1 to 4 key figures
    - {{value: "500", label: Follower nach einem Jahr}}
    - {{value: "4 h", label: "eine zweite Zahl, die Sie messen"}}
  notes: Das sind Ziele, die wir nach sechs Monaten prüfen.
  charts:                                     # native charts: column, bar, line or pie
    - title: Ziel pro Quartal
      type: column
      categories: [Q1, Q2, Q3, Q4]
      series:
        - name: Anfragen
          values: [10, 20, 30, 40]
      alt: Säulendiagramm der angestrebten Anfragen, von 10 im ersten auf 40 im vierten Quartal
      notes: Am Anfang geht es langsam.

next_steps:                                   # what happens next; who and when are optional
  - step: Ansprechperson benennen
    who: Abteilungsleitung
    when: nächster Monat
    notes: Um eine Zusage bitten.

contact:                                      # optional; else the contact of shared.yaml
  name: Vorname Nachname
  role: Social-Media-Management
  email: social@example.org
  notes: Fragen sammeln.

# add:                                        # optional: extra slides at a place in the outline
#   - after: concerns
#     slides:
#       - kind: bullets
#         title: Noch etwas
#         points: [Ein Punkt]
# override:                                   # optional: replace a shared section
#   why:
#     title: Warum wir das tun
#     slides: [...]
# skip: [examples]                            # optional: leave sections out
"""


def starter_departments() -> list[Any]:
    """The starter department files as data, German and English (what ``deckgen new``
    writes), so that ``coverage`` can tell an item never replaced from the department's own."""
    return [yaml.safe_load(_department("X", german)) for german in (True, False)]


def starter_notes() -> frozenset[str]:
    """Every speaker note of the starter department files and shared content."""
    found: set[str] = set()

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                walk(item, str(name))
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and key == "notes":
            found.update(" ".join(line.split()) for line in value.splitlines() if line.strip())

    for text in (SHARED, starter_en.SHARED):
        walk(yaml.safe_load(text))
    for data in starter_departments():
        walk(data)
    return frozenset(found)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def init_project(folder: Path, install: str | None = None, locale: str = "de") -> list[Path]:
    """Make a new content repo in ``folder`` whose texts are in ``locale``'s language (German,
    else English); return the files written.

    ``install`` is what its CI files install (default: this version of deckgen by its
    distribution name); see :func:`check_install`.
    """
    if (folder / "deckgen.yaml").exists():
        raise DeckgenError(f"{folder} has a deckgen.yaml already")
    install = check_install(install) if install else default_install()
    try:
        locale = check_locale(locale)
    except ValueError as e:
        raise DeckgenError(str(e)) from e
    german = language(locale) == "de"
    settings = SETTINGS if german else starter_en.SETTINGS
    names = {"sales": "Vertrieb", "hr": "Personal"} if german else starter_en.DEPARTMENTS
    files = {
        "deckgen.yaml": re.sub(r"^locale: \S+", f"locale: {locale}", settings, flags=re.M),
        "content/shared.yaml": SHARED if german else starter_en.SHARED,
        **{
            f"content/departments/{slug}.yaml": _department(name, german)
            for slug, name in names.items()
        },
        ".gitignore": GITIGNORE,
        ".pre-commit-config.yaml": pre_commit_config(install),
        ".github/workflows/decks.yml": github_workflow(install),
        ".gitlab-ci.yml": gitlab_ci(install),
    }
    written = []
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    theme = folder / "themes" / "modern"
    shutil.copytree(BUILTIN_THEMES / "modern", theme, dirs_exist_ok=True)
    written += sorted(theme.iterdir())
    written += write_schemas(folder / "schemas")
    return written


def check_install(spec: str) -> str:
    """A pip requirement for CI that installs deckgen and nothing else: pinned, never the
    name ``deckgen`` (another project's on the package index); DeckgenError otherwise."""
    spec = spec.strip()
    name = re.split(r"[\s\[=<>!~;@]", spec, maxsplit=1)[0].lower().replace("_", "-")
    if name == "deckgen":
        raise DeckgenError(
            f"'{spec}' would install another project: on the package index deckgen is "
            f"'{DISTRIBUTION}'"
        )
    if "://" in spec:
        if not re.search(r"@[\w.\-/]+$", spec.split("://", 1)[1]):
            raise DeckgenError(f"'{spec}': pin the URL to a tag or commit, e.g. ...@v1.0.0")
    elif "==" not in spec:
        raise DeckgenError(f"'{spec}': pin a version, e.g. {DISTRIBUTION}=={__version__}")
    return spec


def _department(name: str, german: bool) -> str:
    return department_text(name) if german else starter_en.department_text(name, _quoted(name))


def project_locale(root: Path) -> str:
    """The ``locale:`` of a project's deckgen.yaml, read without validating it ("de" if none)."""
    try:
        settings = yaml.safe_load((root / "deckgen.yaml").read_text(encoding="utf-8-sig"))
    except (OSError, yaml.YAMLError):
        return "de"
    value = settings.get("locale") if isinstance(settings, dict) else None
    return value if isinstance(value, str) and value.strip() else "de"


def new_department(root: Path, slug: str, name: str) -> Path:
    """Add a department file ``content/departments/<slug>.yaml`` in the language of the
    project's locale; return its path."""
    if not SLUG.match(slug):
        raise DeckgenError(not_a_slug(slug))
    from deckgen.write import project_folder

    path = project_folder(root / DEPARTMENTS_DIR, root) / f"{slug}.yaml"
    if os.path.lexists(path):
        raise DeckgenError(f"{path} exists already")
    path.parent.mkdir(parents=True, exist_ok=True)
    german = language(project_locale(root)) == "de"
    try:  # a new file, never through a link
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except OSError as e:
        raise DeckgenError(f"{path}: cannot write the file ({e.strerror})") from e
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(_department(name, german))
    return path
