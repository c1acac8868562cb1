"""JSON Schemas for editors: up to date, valid, describing every key, matching the examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from deckgen.cli import cli
from deckgen.commands.schema import (
    SCHEMA_FILES,
    TRANSLATION_SCHEMAS,
    schema_for,
    translation_schema,
    undescribed,
)

REPO = Path(__file__).resolve().parent.parent


def _kind(path: Path, kind: str) -> str:
    """The schema of an example: a translation (sales.en.yaml) has its own."""
    return f"{kind}.translation.schema.json" if "." in path.stem else f"{kind}.schema.json"


EXAMPLES = [
    *[(p, _kind(p, "settings")) for p in sorted(REPO.glob("deckgen*.yaml"))],
    *[(p, _kind(p, "shared")) for p in sorted((REPO / "content").glob("shared*.yaml"))],
    *[(p, _kind(p, "department")) for p in sorted((REPO / "content").glob("departments/*.yaml"))],
    *[(p, "theme.schema.json") for p in sorted((REPO / "themes").glob("*/theme.yaml"))],
]


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schemas_are_current(name: str) -> None:
    committed = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
    assert committed == schema_for(SCHEMA_FILES[name]), "run: deckgen schema"


@pytest.mark.parametrize("name", sorted(TRANSLATION_SCHEMAS))
def test_committed_translation_schemas_are_current_and_valid(name: str) -> None:
    committed = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
    assert committed == translation_schema(name), "run: deckgen schema"
    Draft202012Validator.check_schema(committed)


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_schema_is_valid_and_describes_every_key(name: str) -> None:
    schema = schema_for(SCHEMA_FILES[name])
    Draft202012Validator.check_schema(schema)
    assert undescribed(schema) == []


@pytest.mark.parametrize(("path", "name"), EXAMPLES, ids=lambda v: getattr(v, "name", v))
def test_example_file_names_and_matches_its_schema(path: Path, name: str) -> None:
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == (REPO / "schemas" / name).resolve()
    validator = Draft202012Validator(json.loads(target.read_text(encoding="utf-8")))
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(yaml.safe_load(text))]
    assert errors == []


def test_schema_command_writes_the_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*SCHEMA_FILES, *TRANSLATION_SCHEMAS]
    )


def test_schema_rejects_a_typo() -> None:
    validator = Draft202012Validator(schema_for(SCHEMA_FILES["department.schema.json"]))
    errors = list(validator.iter_errors({"name": "IT", "audience": "x", "benefts": []}))
    assert [e.message for e in errors] == [
        "Additional properties are not allowed ('benefts' was unexpected)"
    ]
