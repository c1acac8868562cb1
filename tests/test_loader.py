"""load_document: plain data, marks of keys and values, and every problem at its line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.content import loader
from deckgen.content.loader import Document, Mark, dotted, load_document
from deckgen.errors import Location, SourceError

NAME = "sales.yaml"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that is the current one, so that paths show as ``sales.yaml``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(folder: Path, content: str | bytes) -> Path:
    path = folder / NAME
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load(folder: Path, content: str | bytes) -> Document:
    return load_document(write(folder, content))


def load_error(folder: Path, content: str | bytes) -> str:
    with pytest.raises(SourceError) as caught:
        load(folder, content)
    return caught.value.message


# -- data ----------------------------------------------------------------------------------------


def test_mapping_and_list_become_dict_and_list(folder: Path) -> None:
    document = load(folder, "name: Vertrieb\nitems:\n  - a\n  - b: c\n")
    assert document.data == {"name": "Vertrieb", "items": ["a", {"b": "c"}]}


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("yes", "yes"),
        ("Nein", "Nein"),
        ("true", "true"),
        ("2024-01-01", "2024-01-01"),
        ("12", "12"),
        ("1.5", "1.5"),
        ("0x1F", "0x1F"),
        ("'quoted'", "quoted"),
    ],
)
def test_every_scalar_is_kept_as_text(folder: Path, written: str, kept: str) -> None:
    assert load(folder, f"value: {written}\n").data == {"value": kept}


@pytest.mark.parametrize("written", ["~", "null", ""])
def test_tilde_null_and_empty_are_none(folder: Path, written: str) -> None:
    assert load(folder, f"value: {written}\n").data == {"value": None}


def test_quoted_tilde_is_text(folder: Path) -> None:
    assert load(folder, "value: '~'\n").data == {"value": "~"}


def test_keys_are_kept_as_text(folder: Path) -> None:
    assert load(folder, "1: a\nyes: b\n").data == {"1": "a", "yes": "b"}


@pytest.mark.parametrize("content", ["", "# only a comment\n", "\n\n"])
def test_empty_file_gives_data_none(folder: Path, content: str) -> None:
    document = load(folder, content)
    assert document.data is None
    assert document.values == {}


def test_byte_order_mark_is_accepted(folder: Path) -> None:
    document = load(folder, b"\xef\xbb\xbfname: Vertrieb\n")
    assert document.data == {"name": "Vertrieb"}
    assert document.keys[("name",)] == Mark(1, 1)


def test_literal_block_keeps_its_lines(folder: Path) -> None:
    document = load(folder, "text: |\n  eins\n  zwei\n")
    assert document.data == {"text": "eins\nzwei\n"}


# -- marks ---------------------------------------------------------------------------------------


def test_marks_of_keys_and_values_are_one_based(folder: Path) -> None:
    document = load(folder, "name: Vertrieb\naudience:   Außendienst\n")
    assert document.keys[("name",)] == Mark(1, 1)
    assert document.values[("name",)] == Mark(1, 7)
    assert document.keys[("audience",)] == Mark(2, 1)
    assert document.values[("audience",)] == Mark(2, 13)


def test_marks_inside_lists(folder: Path) -> None:
    document = load(folder, "benefits:\n  - title: Mehr\n  - title: Nähe\n    text: x\n")
    assert document.values[("benefits", 0)] == Mark(2, 5)
    assert document.keys[("benefits", 1, "title")] == Mark(3, 5)
    assert document.values[("benefits", 1, "title")] == Mark(3, 12)
    assert document.values[("benefits", 1, "text")] == Mark(4, 11)


def test_root_value_is_marked_at_the_start(folder: Path) -> None:
    assert load(folder, "name: x\n").values[()] == Mark(1, 1)


def test_literal_block_is_marked_as_literal(folder: Path) -> None:
    document = load(folder, "a: |\n  eins\nb: >\n  zwei\nc: drei\n")
    assert document.values[("a",)] == Mark(1, 4, literal=True)
    assert document.values[("b",)].literal is False
    assert document.values[("c",)].literal is False


def test_mark_is_none_for_a_path_without_a_value(folder: Path) -> None:
    document = load(folder, "name: x\n")
    assert document.mark(("name",)) == Mark(1, 7)
    assert document.mark(("nothing",)) is None


# -- Document.location ---------------------------------------------------------------------------


def test_location_of_a_value(folder: Path) -> None:
    path = write(folder, "name: x\nbenefits:\n  - title: Mehr\n")
    document = load_document(path)
    assert document.location(("benefits", 0, "title")) == Location(path, 3, 12)


def test_location_of_a_key(folder: Path) -> None:
    path = write(folder, "name: x\nbenefits:\n  - title: Mehr\n")
    document = load_document(path)
    assert document.location(("benefits", 0, "title"), at_key=True) == Location(path, 3, 5)


def test_location_falls_back_to_the_nearest_ancestor(folder: Path) -> None:
    path = write(folder, "name: x\nbenefits:\n  - title: Mehr\n")
    document = load_document(path)
    assert document.location(("benefits", 0, "figure", "value")) == Location(path, 3, 5)


def test_key_location_falls_back_to_the_nearest_value(folder: Path) -> None:
    path = write(folder, "name: x\nbenefits:\n  - title: Mehr\n")
    document = load_document(path)
    assert document.location(("benefits", 0, "text"), at_key=True) == Location(path, 3, 5)


def test_location_in_an_empty_file_is_its_start(folder: Path) -> None:
    path = write(folder, "")
    assert load_document(path).location(("name",)) == Location(path, 1, 1)


def test_location_shows_as_path_line_column(folder: Path) -> None:
    path = write(folder, "name: x\naudience: y\n")
    assert str(load_document(path).location(("audience",))) == f"{NAME}:2:11"


# -- dotted --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ((), ""),
        (("name",), "name"),
        (("benefits", 1, "title"), "benefits[2].title"),
        (("benefits", 0), "benefits[1]"),
        (("add", 0, "slides", 2, "kind"), "add[1].slides[3].kind"),
        (("rows", 0, 1), "rows[1][2]"),
        ((0,), "[1]"),
    ],
)
def test_dotted_counts_list_positions_from_one(path: tuple[str | int, ...], shown: str) -> None:
    assert dotted(path) == shown


# -- errors --------------------------------------------------------------------------------------


def test_duplicate_key_names_the_first_line(folder: Path) -> None:
    message = load_error(folder, "name: x\naudience: y\nname: z\n")
    assert message == f"{NAME}:3:1: name: duplicate key 'name' (first at line 1)"


def test_duplicate_key_inside_a_list_item_has_its_key_path(folder: Path) -> None:
    message = load_error(folder, "benefits:\n  - title: a\n  - title: b\n    title: c\n")
    assert message == f"{NAME}:4:5: benefits[2].title: duplicate key 'title' (first at line 3)"


def test_duplicate_key_in_a_flow_mapping(folder: Path) -> None:
    message = load_error(folder, "figure: {value: 1, value: 2}\n")
    assert message == f"{NAME}:1:20: figure.value: duplicate key 'value' (first at line 1)"


def test_duplicate_key_error_carries_location_and_key(folder: Path) -> None:
    path = write(folder, "a:\n  x: 1\n  y: 2\n  x: 3\n")
    with pytest.raises(SourceError) as caught:
        load_document(path)
    assert caught.value.location == Location(path, 4, 3)
    assert caught.value.key == "a.x"
    assert caught.value.what == "duplicate key 'x' (first at line 2)"


def test_colon_in_a_text_is_explained(folder: Path) -> None:
    message = load_error(folder, "name: x\ntitle: Ziel: mehr Nähe\n")
    assert message == (
        f"{NAME}:2:12: YAML syntax error: a text contains ': ' (colon and space); "
        "put the whole text in quotes"
    )


def test_unclosed_list_is_a_syntax_error_with_line_and_column(folder: Path) -> None:
    message = load_error(folder, "name: x\nskip: [agenda\n")
    assert message == f"{NAME}:3:1: YAML syntax error: expected ',' or ']', but got '<stream end>'"


def test_undefined_alias_is_a_syntax_error(folder: Path) -> None:
    message = load_error(folder, "name: *nope\n")
    assert message == f"{NAME}:1:7: YAML syntax error: found undefined alias 'nope'"


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("benefits:\n\t- title: a\n", "2:1"),
        ("metrics:\n  title: a\n\tnotes: b\n", "3:1"),
    ],
)
def test_tab_indentation_is_explained(folder: Path, content: str, where: str) -> None:
    message = load_error(folder, content)
    assert message == (
        f"{NAME}:{where}: YAML syntax error: a tab character cannot start indentation; use spaces"
    )


def test_a_key_that_is_a_list_is_refused(folder: Path) -> None:
    assert load_error(folder, "? [a, b]\n: c\n") == f"{NAME}:1:3: a key must be a plain word"


def test_merge_key_is_refused(folder: Path) -> None:
    message = load_error(folder, "base: &base {title: a}\nother:\n  <<: *base\n  text: b\n")
    assert message == f"{NAME}:3:3: merge keys ('<<') are not supported; write it out"


def test_anchor_and_alias_are_fine(folder: Path) -> None:
    document = load(folder, "a: &same Vertrieb\nb: *same\n")
    assert document.data == {"a": "Vertrieb", "b": "Vertrieb"}


def test_non_utf8_file_is_rejected_at_its_line_and_column(folder: Path) -> None:
    message = load_error(folder, b"name: x\naudience: Au\xdfendienst\n")
    assert message == f"{NAME}:2:13: file is not UTF-8 text; save it as UTF-8"


def test_non_utf8_column_counts_characters(folder: Path) -> None:
    message = load_error(folder, "name: x\nFußnote: ".encode() + b"\xff\n")
    assert message == f"{NAME}:2:10: file is not UTF-8 text; save it as UTF-8"


def test_non_utf8_position_after_a_byte_order_mark(folder: Path) -> None:
    message = load_error(folder, b"\xef\xbb\xbfname: x\naudience: \xff\n")
    assert message == f"{NAME}:2:11: file is not UTF-8 text; save it as UTF-8"


def test_character_xml_cannot_hold_is_rejected(folder: Path) -> None:
    message = load_error(folder, 'name: x\naudience: "Au\\x01en"\n')
    assert message == (
        f"{NAME}:2:11: character U+0001 cannot be stored in a PowerPoint file; remove it"
    )


def test_too_large_file_is_rejected(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    content = "name: x\n# " + "x" * 100 + "\n"
    message = load_error(folder, content)
    assert message == f"{NAME}: file is too large ({len(content)} bytes, at most 100)"


def test_file_at_the_size_limit_is_fine(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    content = "name: x\n# " + "x" * 89 + "\n"
    assert len(content) == 100
    assert load(folder, content).data == {"name": "x"}


def test_missing_file(folder: Path) -> None:
    with pytest.raises(SourceError) as caught:
        load_document(folder / "nothing.yaml")
    assert caught.value.message == "nothing.yaml: file not found"


def test_alias_bomb_is_rejected(folder: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append("name: *a9")
    message = load_error(folder, "\n".join(lines) + "\n")
    assert message.startswith(f"{NAME}:")
    assert "too many values" in message


def test_nesting_deeper_than_the_limit_is_rejected(folder: Path) -> None:
    message = load_error(folder, "name: " + "[" * 60 + "]" * 60 + "\n")
    assert message == f"{NAME}:1:57: nested deeper than 50 levels"


def test_nesting_at_the_limit_is_fine(folder: Path) -> None:
    value = load(folder, "name: " + "[" * 50 + "]" * 50 + "\n").data["name"]
    lists = 0
    while isinstance(value, list):
        lists += 1
        value = value[0] if value else None
    assert lists == 50


def test_recursive_alias_is_stopped_by_the_depth_limit(folder: Path) -> None:
    message = load_error(folder, "name: &self [*self]\n")
    assert message == f"{NAME}:1:7: nested deeper than 50 levels"


def test_second_document_in_a_file_is_explained(folder: Path) -> None:
    message = load_error(folder, "name: x\n---\nname: y\n")
    assert message == (
        f"{NAME}:2:1: YAML syntax error: a file holds one document; "
        "remove the second '---' and what follows it"
    )
