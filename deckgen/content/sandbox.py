"""Jinja's sandbox with limits: on the size of every value, on repetition, on recursion, on time.

Jinja's sandbox keeps templates away from Python's internals, but not from making a number of
a billion digits (``9**(9**9)``), a text of a billion characters (``"a"*10**9``), a loop of
a billion steps or a macro that calls itself forever. Here every place where a template can
make something large or spend time is checked before the work is done: the operators ``*``,
``**``, ``+`` and ``%``, every call (functions, methods, macros, ``range``), every filter,
every step of a loop, every ``~`` and every value printed. A text that goes past a limit
raises :class:`TemplateLimit`, which is reported at the text's file:line.
"""

from __future__ import annotations

import math
import re
import string
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, pass_context
from jinja2.visitor import NodeTransformer

MAX_VALUE = 100_000
"""Characters (or items, counted through nested lists) of any one value a template makes."""
MAX_MADE = 1_000_000
"""Characters a template may make in all while one text is filled in."""
MAX_DIGITS = 4_000
"""Digits of a number (Python prints at most 4300)."""
MAX_RANGE = 10_000
MAX_STEPS = 100_000
"""Steps of all the loops of one text together."""
MAX_DEPTH = 25
"""Calls inside calls: macros that call macros."""
MAX_NESTING = 100
TEXT_SECONDS = 2.0
DEPARTMENT_SECONDS = 10.0
OUT_OF_TIME = "this department's templates ran longer than {seconds:g} seconds together"


class TemplateLimit(jinja2.TemplateRuntimeError):
    """A template went past one of the limits; ``message`` says which."""

    def __init__(self, what: str) -> None:
        super().__init__(f"template stopped: {what}")


@dataclass
class _Department:
    """The time the texts of one department have together, and whether it ran out."""

    deadline: float
    ran_out: bool = False


@dataclass
class _Budget:
    """What one text may still spend: time, loop steps, calls deep, characters made."""

    deadline: float
    department: _Department
    steps: int = 0
    depth: int = 0
    made: int = 0

    def tick(self) -> None:
        now = time.monotonic()
        if now > self.department.deadline:
            self.department.ran_out = True
            raise TemplateLimit(OUT_OF_TIME.format(seconds=DEPARTMENT_SECONDS))
        if now > self.deadline:
            raise TemplateLimit(f"it ran longer than {TEXT_SECONDS:g} seconds")

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise TemplateLimit(f"loops of more than {MAX_STEPS} steps")
        self.tick()

    def make(self, value: Any) -> Any:
        """Count a value the template made; TemplateLimit if it, or all made, is too large."""
        size = self.size(value)
        self.made += size
        if self.made > MAX_MADE:
            raise TemplateLimit(f"more than {MAX_MADE} characters made in all")
        return value

    def size(self, value: Any) -> int:
        """How large ``value`` is (:func:`size_of`); TemplateLimit above :data:`MAX_VALUE`."""
        size = size_of(value, MAX_VALUE)
        if size > MAX_VALUE:
            raise TemplateLimit(f"a value of more than {MAX_VALUE} characters")
        return size


_DEPARTMENT: ContextVar[_Department | None] = ContextVar("deckgen_department", default=None)
_BUDGET: ContextVar[_Budget | None] = ContextVar("deckgen_template_budget", default=None)


def _budget() -> _Budget:
    """The budget of the text being filled in (a fresh one outside :func:`render`)."""
    budget = _BUDGET.get()
    return budget if budget is not None else _new_budget()


def _new_budget() -> _Budget:
    department = _DEPARTMENT.get() or _Department(math.inf)
    return _Budget(time.monotonic() + TEXT_SECONDS, department)


@contextmanager
def department_time() -> Iterator[None]:
    """The texts filled in inside the block share :data:`DEPARTMENT_SECONDS`."""
    token = _DEPARTMENT.set(_Department(time.monotonic() + DEPARTMENT_SECONDS))
    try:
        yield
    finally:
        _DEPARTMENT.reset(token)


def out_of_time() -> str | None:
    """What to say if the department's time ran out (texts after that are not filled in)."""
    department = _DEPARTMENT.get()
    if department is None or not department.ran_out:
        return None
    return str(TemplateLimit(OUT_OF_TIME.format(seconds=DEPARTMENT_SECONDS)).message)


def render(template: jinja2.Template, values: dict[str, Any]) -> str:
    """Fill in one text within the limits of one text."""
    token = _BUDGET.set(_new_budget())
    try:
        return template.render(values)
    finally:
        _BUDGET.reset(token)


def size_of(value: Any, cap: int = MAX_VALUE) -> int:
    """How large a value is, as a text would show it: characters of texts, digits of numbers,
    one per item plus the items' own sizes for lists, tuples, sets and dicts (a value that
    appears twice counts twice). Counting stops a little above ``cap``."""
    seen: dict[int, int] = {}

    def measure(item: Any, depth: int) -> int:
        if isinstance(item, str | bytes):
            return len(item)
        if isinstance(item, bool) or item is None:
            return 1
        if isinstance(item, int):
            return item.bit_length() * 30103 // 100000 + 1
        if depth > MAX_NESTING:
            raise TemplateLimit(f"values nested more than {MAX_NESTING} deep")
        key = id(item)
        if key in seen:
            return seen[key]
        seen[key] = 1  # a value that holds itself counts once
        if isinstance(item, Namespace):
            children: Iterable[Any] = item._Namespace__attrs.values()
        elif isinstance(item, dict):
            children = (part for pair in item.items() for part in pair)
        elif isinstance(item, list | tuple | set | frozenset):
            children = item
        else:
            return 1
        total = 1
        for child in children:
            total += 1 + measure(child, depth + 1)
            if total > cap:
                break
        seen[key] = total
        return total

    return measure(value, 0)


_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _printf_room(fmt: str) -> int:
    """The characters the widths and precisions of a printf-style format ask for."""
    room = 0
    for width, precision in _PRINTF.findall(fmt):
        if "*" in (width, precision):
            raise TemplateLimit("a width taken from the arguments ('*')")
        room += int(width or 0) + int(precision or 0)
    return room


def _format_room(fmt: str) -> int:
    """The characters the widths and precisions of a ``str.format`` format ask for."""
    room = 0
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return 0  # format() says what is wrong
    for _, _, spec, _ in fields:
        if spec and "{" in spec:
            raise TemplateLimit("a width taken from the arguments ('{}')")
        room += sum(int(n) for n in re.findall(r"\d+", spec or ""))
    return room


def _too_large(estimate: int) -> None:
    if estimate > MAX_VALUE:
        raise TemplateLimit(f"a value of more than {MAX_VALUE} characters")


def _check_power(base: Any, exponent: Any) -> None:
    whole = isinstance(base, int) and isinstance(exponent, int)
    if whole and exponent > 0 and abs(base) > 1 and exponent * math.log10(abs(base)) > MAX_DIGITS:
        raise TemplateLimit(f"a number with more than {MAX_DIGITS} digits")


def _check_product(left: Any, right: Any, budget: _Budget) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if size_of(left) + size_of(right) > MAX_DIGITS:
            raise TemplateLimit(f"a number with more than {MAX_DIGITS} digits")
        return
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | bytes | list | tuple) and isinstance(times, int):
            _too_large(budget.size(sequence) * max(times, 0))


def _check_replace(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """``text.replace(old, new, count)``: what the replacement would make."""
    old, new = _width(args, kwargs, 0, "old"), _width(args, kwargs, 1, "new")
    if not isinstance(text, str | bytes) or type(old) is not type(text):
        return
    if type(new) is not type(text):
        return
    found = text.count(old) if old else len(text) + 1  # type: ignore[arg-type]
    count = _number(_width(args, kwargs, 2, "count"), -1)
    if count >= 0:
        found = min(found, count)
    _too_large(len(text) + found * max(len(new) - len(old), 0))


def _check_join(items: list[Any], separator: Any, budget: _Budget) -> None:
    _too_large(
        sum(budget.size(item) for item in items) + len(str(separator)) * max(len(items) - 1, 0)
    )


def _width(args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str) -> Any:
    """An argument given by position or by name (None if not given)."""
    return args[index] if len(args) > index else kwargs.get(name)


def _number(value: Any, default: int = 0) -> int:
    """A whole-number argument, or ``default`` when it is not one (Jinja then says why)."""
    return value if isinstance(value, int) else default


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value) if value is not None else ""


def _check_method(
    text: str | bytes, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], budget: _Budget
) -> None:
    """What a method of a text is about to make, estimated before it makes it."""
    if name in ("translate", "maketrans"):
        raise TemplateLimit(f"str.{name} is not allowed in a template")
    if name in ("center", "ljust", "rjust", "zfill"):
        _too_large(_number(_width(args, kwargs, 0, "width")))
    elif name == "expandtabs":
        tabs = text.count("\t") if isinstance(text, str) else text.count(b"\t")
        _too_large(len(text) + tabs * _number(_width(args, kwargs, 0, "tabsize"), 8))
    elif name == "replace":
        _check_replace(text, args, kwargs)
    elif name in ("format", "format_map") and isinstance(text, str):
        given = sum(budget.size(x) for x in (*args, *kwargs.values()))
        _too_large(_format_room(text) + len(text) + given)


def _check_filter(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any], budget: _Budget
) -> None:
    """What a filter is about to make, estimated from its arguments before it makes it."""
    value = _text(args[0]) if args else ""
    if name == "center":
        _too_large(_number(_width(args, kwargs, 1, "width"), 80))
    elif name == "indent":
        width = _width(args, kwargs, 1, "width")
        room = width if isinstance(width, int) else len(_text(width)) if width is not None else 4
        _too_large(len(value) + (value.count("\n") + 1) * room)
    elif name == "format":
        _too_large(_printf_room(value) + len(value) + budget.size(args[1:]))
    elif name == "replace":
        _check_replace(value, args[1:], kwargs)
    elif name == "wordwrap":
        width = _number(_width(args, kwargs, 1, "width"), 79)
        wrap = _text(_width(args, kwargs, 3, "wrapstring") or "\n")
        lines = len(value) // max(width, 1) + value.count("\n") + 1
        _too_large(len(value) + lines * len(wrap))
    elif name == "batch":
        _too_large(_number(_width(args, kwargs, 1, "linecount")))
    elif name == "slice":
        if _number(_width(args, kwargs, 1, "slices")) > MAX_RANGE:
            raise TemplateLimit(f"more than {MAX_RANGE} slices")
    elif name == "tojson" and _number(_width(args, kwargs, 1, "indent")) > 100:
        raise TemplateLimit("an indent of more than 100")


def _guard_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (a filter) with its input and output sizes checked and its time counted."""
    passes = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    @wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.tick()
        own = list(args[passes:])
        if name == "join" and own and not isinstance(own[0], str):
            own[0] = list(own[0])  # counted before it is joined
            _check_join(own[0], _width(tuple(own), kwargs, 1, "d") or "", budget)
        if own:
            budget.size(own[0])
        _check_filter(name, tuple(own), kwargs, budget)
        return budget.make(function(*args[:passes], *own, **kwargs))

    return guarded


def _steps(iterable: Iterable[Any]) -> Iterator[Any]:
    """The items of a loop, each one a step of the text's budget."""
    budget = _budget()
    for item in iterable:
        budget.step()
        yield item


def _join(items: list[Any]) -> str:
    """``a ~ b ~ c``: the texts joined, their size counted before they are joined."""
    budget = _budget()
    _check_join(items, "", budget)
    return str(budget.make("".join(str(item) for item in items)))


def _range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"a range of more than {MAX_RANGE} numbers")
    return numbers


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if n > 100 or max > 1000:
        raise TemplateLimit("more than 100 paragraphs or 1000 words of lorem ipsum")
    return str(jinja2.utils.generate_lorem_ipsum(n, html, min, max))


class _Namespace(Namespace):
    """``namespace()``: every value set on it is counted like any value made."""

    def __setitem__(self, name: str, value: Any) -> None:
        Namespace.__setitem__(self, name, _budget().make(value))


class _Bounded(NodeTransformer):
    """Rewrites a parsed template so that loops count their steps and ``~`` counts sizes."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, "deckgen_steps", [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        items = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(items, "deckgen_join", [], [], None, None, lineno=node.lineno)


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with a limit on everything a template can make or spend."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=_finalize, **options)
        self.filters = {name: _guard_filter(name, f) for name, f in self.filters.items()}
        self.filters["deckgen_steps"] = _steps
        self.filters["deckgen_join"] = _join
        self.globals.update(range=_range, lipsum=_lipsum, namespace=_Namespace)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        bounded = _Bounded().visit(tree)
        assert isinstance(bounded, nodes.Template)
        return bounded

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        """``*``, ``**``, ``+`` and ``%``, with the size of what they make estimated first."""
        budget = _budget()
        budget.tick()
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            _check_product(left, right, budget)
        elif operator == "+" and not isinstance(left, int | float):
            _too_large(budget.size(left) + budget.size(right))
        elif operator == "%" and isinstance(left, str):
            _too_large(_printf_room(left) + len(left) + budget.size(right))
        return budget.make(super().call_binop(context, operator, left, right))

    def call(
        __self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:
        """Any call: nested at most :data:`MAX_DEPTH` deep, texts' own methods estimated."""
        budget = _budget()
        budget.tick()
        if isinstance(__obj, LoopContext) and args:  # loop(children): a recursive loop's steps
            args = (_steps(args[0]), *args[1:])
        method = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped by the sandbox
        owner = getattr(method, "__self__", None)
        if isinstance(owner, str | bytes):
            name = getattr(method, "__name__", "")
            if name == "join" and args:
                args = (list(args[0]), *args[1:])  # counted before it is joined
                _check_join(args[0], owner, budget)
            _check_method(owner, name, args, kwargs, budget)
        budget.depth += 1
        try:
            if budget.depth > MAX_DEPTH:
                raise TemplateLimit(
                    f"calls nested more than {MAX_DEPTH} deep (does a macro call itself "
                    "without end?)"
                )
            return budget.make(super().call(__context, __obj, *args, **kwargs))
        finally:
            budget.depth -= 1

    @staticmethod
    def concat(parts: Iterable[str]) -> str:
        """Join the output of a template, a macro or a block, counting as it goes."""
        budget = _budget()
        kept = []
        total = 0
        for part in parts:
            total += len(part)
            if total > MAX_MADE:
                raise TemplateLimit(f"more than {MAX_MADE} characters made in all")
            kept.append(part)
        budget.tick()
        return "".join(kept)


@pass_context
def _finalize(context: jinja2.runtime.Context, value: Any) -> Any:
    """Every value printed: counted like a value made (at run time, never at compile time)."""
    del context
    return _budget().make(value)
