"""Read a YAML file into plain data, remembering the line and column of every key and value.

Every scalar is kept as text (or ``None`` for an empty value): the typed models decide what is a
number or a yes/no, so that ``Nein`` or ``2024-01-01`` never turn into something the editor did
not write. Duplicate keys, anchors that would expand without end and over-deep nesting are errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from deckgen import confine
from deckgen.content import yaml_hints
from deckgen.errors import Location, SourceError

KeyPath = tuple[str | int, ...]

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 50
MAX_TEXT_CHARS = 20_000
"""The longest text a value may hold: far more than a slide or its notes can show."""
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold: written to a deck they would come out as ``_x0001_``."""


@dataclass(frozen=True)
class Mark:
    """Where a value starts, and whether it is a literal block (``|``) whose lines count."""

    line: int
    column: int
    literal: bool = False


@dataclass
class Document:
    """One YAML file as plain data plus the marks of its keys and values."""

    path: Path
    data: Any
    values: dict[KeyPath, Mark] = field(default_factory=dict)
    keys: dict[KeyPath, Mark] = field(default_factory=dict)

    def location(self, path: KeyPath, *, at_key: bool = False) -> Location:
        """The location of the value (or its key) at ``path``, or of its nearest ancestor."""
        marks = self.keys if at_key and path in self.keys else self.values
        for length in range(len(path), -1, -1):
            mark = marks.get(path[:length])
            if mark is not None:
                return Location(self.path, mark.line, mark.column)
        return Location(self.path, 1, 1)

    def mark(self, path: KeyPath) -> Mark | None:
        """The mark of the value at exactly ``path``, if there is one."""
        return self.values.get(path)


class _Loader(yaml.SafeLoader):
    """Our own loader class, so that no global loader is changed."""


def read_text(path: Path, within: Sequence[Path] | None = None) -> str:
    """The text of a content file: UTF-8 (a BOM is fine), limited in size.

    The file must lie inside ``within`` (by default its own folder) after links are followed,
    and be a regular file; its size is checked before it is read.
    """
    folders = within if within is not None else (path.parent.resolve(),)
    try:
        raw = confine.read_bytes(path, within=folders, limit=MAX_FILE_BYTES)
    except confine.Missing as e:
        raise SourceError(Location(path), "file not found") from e
    except confine.Refused as e:
        raise SourceError(Location(path), e.what) from e
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # a byte order mark is fine
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        before = body[: e.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise SourceError(
            Location(path, line, column), "file is not UTF-8 text; save it as UTF-8"
        ) from e
    bad = NOT_IN_XML.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise SourceError(Location(path, line, column), _bad_character(bad.group()))
    return text


def _bad_character(character: str) -> str:
    return f"character U+{ord(character):04X} cannot be stored in a PowerPoint file; remove it"


def load_document(path: Path, within: Sequence[Path] | None = None) -> Document:
    """Load one YAML file; raise SourceError with the file's line and column on any problem.

    ``within``: the folders the file must lie in (see :func:`read_text`).
    """
    text = read_text(path, within)
    too_deep = _flow_too_deep(path, text)
    if too_deep is not None:
        raise too_deep
    try:
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:  # PyYAML composes nested values recursively
        raise _too_deep(path, yaml.parse(text, Loader=_Loader)) or _nested(
            Location(path, 1, 1)
        ) from None
    except yaml.MarkedYAMLError as e:
        raise _syntax_error(path, e, text) from e
    except yaml.YAMLError as e:
        raise SourceError(Location(path, 1, 1), f"YAML error: {e}") from e
    document = Document(path, None)
    if node is not None:
        document.data = _Builder(document, text).build(node, (), 0)
    return document


def _flow_too_deep(path: Path, text: str) -> SourceError | None:
    """Brackets nested deeper than allowed, found with libyaml before PyYAML's own scanner sees
    them: its time grows with the square of the depth (a file of 10,000 ``[`` takes minutes)."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None or text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    try:
        return _too_deep(path, yaml.parse(text, Loader=fast))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        if "nesting depth" not in str(e.problem) or mark is None:
            return None  # a syntax error: the full load reports it in its own words
        # libyaml stops at 1000 levels; the text up to there shows where level 51 starts
        return _flow_too_deep(path, text[: mark.index]) or _nested(
            Location(path, mark.line + 1, mark.column + 1)
        )
    except yaml.YAMLError:
        return None


def _too_deep(path: Path, events: Iterator[yaml.Event]) -> SourceError | None:
    """The first collection in ``events`` nested deeper than allowed, without recursion."""
    depth = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth - 1 > MAX_DEPTH and event.start_mark is not None:
                mark = event.start_mark
                return _nested(Location(path, mark.line + 1, mark.column + 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _nested(location: Location) -> SourceError:
    return SourceError(location, f"nested deeper than {MAX_DEPTH} levels")


_PLAIN_WORDS = {
    "mapping values are not allowed here": (
        "a text contains ': ' (colon and space); put the whole text in quotes"
    ),
    "could not find expected ':'": "expected 'key: value' here; is a colon missing?",
    "but found another document": (
        "a file holds one document; remove the second '---' and what follows it"
    ),
    "found character '\\t' that cannot start any token": (
        "a tab character cannot start indentation; use spaces"
    ),
}


def _syntax_error(path: Path, error: yaml.MarkedYAMLError, text: str) -> SourceError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    lines = text.splitlines()
    for number in dict.fromkeys(
        m.line + 1 for m in (error.context_mark, error.problem_mark) if m is not None
    ):
        hint = yaml_hints.jinja_unquoted(lines[number - 1]) if number <= len(lines) else None
        if hint is not None:
            return SourceError(Location(path, number, _first_brace(lines[number - 1])), hint)
    problem = error.problem or "invalid YAML"
    if problem == "mapping values are not allowed here":
        hint = yaml_hints.indented_key(lines, line)
        if hint is not None:
            indent = len(lines[line - 1]) - len(lines[line - 1].lstrip())
            return SourceError(Location(path, line, indent + 1), hint)
    problem = _PLAIN_WORDS.get(problem, problem)
    return SourceError(Location(path, line, column), f"YAML syntax error: {problem}")


def _first_brace(line: str) -> int:
    return line.index("{{") + 1


class _Builder:
    """Turns a composed YAML node tree into plain data, recording marks as it goes."""

    def __init__(self, document: Document, text: str) -> None:
        self.document = document
        self.lines = text.splitlines()
        self.count = 0

    def build(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise SourceError(
                self._location(node),
                f"too many values (more than {MAX_NODES}); are anchors and aliases nesting?",
            )
        if depth > MAX_DEPTH:
            raise SourceError(self._location(node), f"nested deeper than {MAX_DEPTH} levels")
        start = node.start_mark
        literal = isinstance(node, yaml.ScalarNode) and node.style == "|"
        self.document.values[path] = Mark(start.line + 1, start.column + 1, literal)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        assert isinstance(node, yaml.ScalarNode)
        if node.tag == "tag:yaml.org,2002:null":
            return None
        bad = NOT_IN_XML.search(node.value)
        if bad is not None:  # written as an escape such as "\x01" in a quoted text
            raise SourceError(self._location(node), _bad_character(bad.group()))
        if len(node.value) > MAX_TEXT_CHARS:
            raise SourceError(self._location(node), too_long(len(node.value)))
        return node.value

    def _mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in self._pairs(node):
            if not isinstance(key_node, yaml.ScalarNode):
                line = self.lines[key_node.start_mark.line]
                hint = yaml_hints.jinja_unquoted(line)
                if hint is not None:  # "audience: {{ x }}" reads as a mapping in a mapping
                    where = Location(self.document.path, key_node.start_mark.line + 1, 0)
                    raise SourceError(replace(where, column=_first_brace(line)), hint)
                raise SourceError(self._location(key_node), "a key must be a plain word")
            key = str(key_node.value)
            key_path = (*path, key)
            if key in result:
                raise SourceError(
                    self._location(key_node),
                    f"duplicate key '{key}' (first at line {first_seen[key]})",
                    key=dotted(key_path),
                )
            first_seen[key] = key_node.start_mark.line + 1
            self.document.keys[key_path] = Mark(
                key_node.start_mark.line + 1, key_node.start_mark.column + 1
            )
            result[key] = self.build(value_node, key_path, depth + 1)
        return result

    def _pairs(self, node: yaml.MappingNode) -> Iterator[tuple[yaml.Node, yaml.Node]]:
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise SourceError(
                    self._location(key_node), "merge keys ('<<') are not supported; write it out"
                )
            yield key_node, value_node

    def _location(self, node: yaml.Node) -> Location:
        return Location(self.document.path, node.start_mark.line + 1, node.start_mark.column + 1)


def too_long(length: int) -> str:
    """What is wrong with a text of ``length`` characters."""
    return f"the text is too long ({length} characters, at most {MAX_TEXT_CHARS})"


def dotted(path: KeyPath) -> str:
    """A key path as the user reads it: ``benefits[2].title`` is the second benefit's title.

    List positions count from 1, as the people who edit the files count.
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text
