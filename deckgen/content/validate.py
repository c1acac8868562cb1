"""Check a loaded document against its model; turn every problem into a one-line SourceError."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar, Union

import pydantic
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from deckgen.content.loader import Document, KeyPath, dotted
from deckgen.content.model import SLIDE_KINDS
from deckgen.errors import SourceError, suggest, unique

M = TypeVar("M", bound=BaseModel)


def validate(document: Document, model: type[M]) -> tuple[M | None, list[SourceError]]:
    """The document as ``model``, or None and every error found in it."""
    if document.data is None:
        return None, [SourceError(document.location(()), "the file is empty")]
    try:
        return model.model_validate(document.data), []
    except pydantic.ValidationError as e:
        errors: dict[tuple[KeyPath, str], SourceError] = {}
        for detail in e.errors():
            error = _source_error(document, model, detail)
            key = (_real_path(document.data, detail["loc"]), error.what)
            errors.setdefault(key, error)
        # one error per key: a union reports each of its branches, the user needs one
        return None, unique(errors.values(), key=lambda e: f"{e.location}|{e.key}")


def _real_path(data: Any, loc: tuple[str | int, ...]) -> KeyPath:
    """Drop the parts of pydantic's location that name union branches rather than keys.

    A slide's location carries its kind right after the slide (``slides, 0, 'quote', ...``):
    that first part, when it equals the slide's kind, is the union branch, even where the kind
    is also a key of the slide (a quote slide has a key ``quote``).
    """
    path: list[str | int] = []
    just_entered = True
    for part in loc:
        if just_entered and isinstance(data, dict) and part == data.get("kind"):
            just_entered = False
            continue
        just_entered = False
        if isinstance(data, dict) and isinstance(part, str) and part in data:  # noqa: SIM114
            data = data[part]
            path.append(part)
            just_entered = True
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            path.append(part)
            just_entered = True
    return tuple(path)


def _source_error(document: Document, model: type[BaseModel], detail: ErrorDetails) -> SourceError:
    path = _real_path(document.data, detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    if kind == "extra_forbidden":
        key = str(detail["loc"][-1])
        allowed = _fields_at(model, document.data, path[:-1])
        hint = suggest(key, allowed)
        if not hint and (" " in key or _in_flow_mapping(document, path)):
            hint = "; a comma inside { } starts a new key: put the whole text in quotes"
        elif not hint and allowed:
            hint = f"; allowed here: {', '.join(sorted(allowed))}"
        return SourceError(
            document.location(path, at_key=True), f"unknown key '{key}'{hint}", key=dotted(path)
        )
    if kind == "missing":
        key = str(detail["loc"][-1])
        return SourceError(
            document.location(path),
            f"missing required key '{key}'",
            key=dotted((*path, key)) if path else key,
        )
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _kind_error(document, path, detail)
    return SourceError(document.location(path), _what(kind, value, detail), key=dotted(path))


def _in_flow_mapping(document: Document, path: KeyPath) -> bool:
    """Whether the key at ``path`` shares its line with a sibling key, as in ``{a: 1, b: 2}``."""
    mark = document.keys.get(path)
    if mark is None:
        return False
    return any(
        other[:-1] == path[:-1] and other != path and other_mark.line == mark.line
        for other, other_mark in document.keys.items()
    )


def _kind_error(document: Document, path: KeyPath, detail: ErrorDetails) -> SourceError:
    ctx = detail.get("ctx") or {}
    expected = str(ctx.get("expected_tags", "")).replace("'", "")
    choices = [c.strip() for c in expected.split(",") if c.strip()] or list(SLIDE_KINDS)
    slide = _value_at(document.data, path)
    given = slide.get("kind") if isinstance(slide, dict) else None
    if detail["type"] == "union_tag_not_found" or given is None:
        if isinstance(slide, dict) and "kind" in slide:  # written, but left empty
            return SourceError(
                document.location((*path, "kind")),
                f"expected a slide kind (one of: {', '.join(choices)}), got nothing",
                key=dotted((*path, "kind")),
            )
        return SourceError(
            document.location(path),
            f"missing required key 'kind' (one of: {', '.join(choices)})",
            key=dotted((*path, "kind")),
        )
    tag = str(ctx.get("tag", ""))
    hint = suggest(tag, choices) or f"; expected one of: {', '.join(choices)}"
    return SourceError(
        document.location((*path, "kind")),
        f"unknown slide kind '{tag}'{hint}",
        key=dotted((*path, "kind")),
    )


def _value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def describe(value: Any) -> str:
    """A value as a non-programmer would name it: "a list", "text 'abc'", "nothing"."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping (key: value)"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"'{text}'"


_EXPECTED = {
    "string_type": "text",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "finite_number": "a finite number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "list_type": "a list",
    "date_type": "a date like 2026-11-26",
    "date_parsing": "a date like 2026-11-26",
    "date_from_datetime_parsing": "a date like 2026-11-26",
    "date_from_datetime_inexact": "a date like 2026-11-26",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
}


def _what(kind: str, value: Any, detail: ErrorDetails) -> str:
    ctx = detail.get("ctx") or {}
    if kind in _EXPECTED:
        what = f"expected {_EXPECTED[kind]}, got {describe(value)}"
        if kind == "float_parsing" and isinstance(value, str) and "," in value:
            what += "; write decimals with a point, e.g. 12.5"
        return what
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        choices = [c.strip() for c in expected.split(",") if c.strip()]
        hint = suggest(str(value), choices)
        return f"expected one of: {', '.join(choices)}; got {describe(value)}{hint}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "value_error" and ctx.get("error") is not None:
        return str(ctx["error"])  # our own validators say what is wrong in their words
    message = str(detail.get("msg", "invalid value"))
    return message[0].lower() + message[1:]


def _fields_at(model: type[BaseModel], data: Any, path: KeyPath) -> list[str]:
    """The keys allowed in the mapping at ``path`` of ``data`` validated as ``model``."""
    annotation: Any = model
    for part in path:
        annotation = _concrete(annotation, data)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return []
            annotation = field.annotation
        else:
            args = typing.get_args(annotation)
            if not args:
                return []
            annotation = args[-1]  # list[X] -> X, dict[str, X] -> X
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            data = None
    annotation = _concrete(annotation, data)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _concrete(annotation: Any, data: Any) -> Any:
    """Strip Annotated and pick the union member that the data is meant to be."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            models = [
                a
                for a in typing.get_args(annotation)
                if isinstance(a, type) and issubclass(a, BaseModel)
            ]
            annotation = _pick_model(models, data) if models else annotation
            if models:
                continue
        return annotation


def _pick_model(models: list[type[BaseModel]], data: Any) -> type[BaseModel]:
    kind = data.get("kind") if isinstance(data, dict) else None
    for model in models:
        field = model.model_fields.get("kind")
        if field is not None and kind in typing.get_args(field.annotation):
            return model
    return models[0]
