"""Bounded templates: a text that would make something huge, loop without end, call itself
forever or run too long is stopped by deckgen's own limits, with its file:line, in validate and
build alike. None of these tests measures time: each would hang without the limits."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import pytest

from deckgen.content import sandbox
from tests.helpers import MINIMAL_DEPARTMENT, MINIMAL_SETTINGS
from tests.hostile.harness import SALES, Site, both

AUDIENCE = f"{SALES}:2:11: audience"
LARGE = "template stopped: a value of more than 100000 characters"


def audience(site: Site, template: str) -> list[str]:
    """validate's and build's lines for a department whose audience is ``template``."""
    quoted = "'" + template.replace("'", "''") + "'"
    site.department(MINIMAL_DEPARTMENT.replace("audience: Außendienst", f"audience: {quoted}"))
    return both(site).lines


@pytest.mark.parametrize(
    ("template", "what"),
    [
        ("{{ 9**(9**9) }}", "template stopped: a number with more than 4000 digits"),
        ('{{ "a"*10**9 }}', LARGE),
        ("{{ (10**3000) * (10**3000) }}", "template stopped: a number with more than 4000 digits"),
        ("{{ range(10**9)|list }}", "template stopped: a range of more than 10000 numbers"),
        (
            "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
            "template stopped: loops of more than 100000 steps",
        ),
        (
            "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}",
            "template stopped: calls nested more than 25 deep (does a macro call itself "
            "without end?)",
        ),
        (
            "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
            "template stopped: calls nested more than 25 deep (does a macro call itself "
            "without end?)",
        ),
        (
            '{% set ns = namespace(x="ab") %}{% for i in range(100) %}'
            "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x }}",
            LARGE,
        ),
        ('{% set a = "a" * 60000 %}{% set b = a ~ a %}{{ b|length }}', LARGE),
        ('{% set a = ["a" * 60000] %}{% set b = [a, a] %}{{ b }}', LARGE),
        ('{% set a = ["a" * 60000] %}{% set b = [a, a] %}{{ b|string }}', LARGE),
        ('{{ "a"|center(10**9) }}', LARGE),
        ('{{ "%0999999999d"|format(1) }}', LARGE),
        ('{{ "%.999999999f" % 1.5 }}', LARGE),
        ('{{ "{:>999999999}".format(1) }}', LARGE),
        ('{{ ("a" * 90000)|replace("", "bbbbbbbbbb") }}', LARGE),
        ('{{ ("a" * 90000).replace("a", "bbbbbbbbbb") }}', LARGE),
        ('{{ ("a" * 60000).join(["x", "y", "z"]) }}', LARGE),
        ('{{ ["a" * 60000, "b" * 60000]|join }}', LARGE),
        (r'{{ ("a\n" * 40000)|indent(100) }}', LARGE),
        ('{{ ("a " * 40000)|wordwrap(1, wrapstring="x" * 1000) }}', LARGE),
        ('{{ [1]|batch(10**9, "x")|list }}', LARGE),
        ('{{ "a".ljust(10**9) }}', LARGE),
        ('{{ "%*d" % (5, 1) }}', "template stopped: a width taken from the arguments ('*')"),
        ('{{ "{:{}}".format(1, 5) }}', "template stopped: a width taken from the arguments ('{}')"),
        (
            '{{ "abc".translate({}) }}',
            "template stopped: str.translate is not allowed in a template",
        ),
        (
            "{{ lipsum(10**6) }}",
            "template stopped: more than 100 paragraphs or 1000 words of lorem ipsum",
        ),
        ("{{ range(10)|list|truncate(-1) }}", "template error: expected length >= 3, got -1"),
        ("{{ [].append(1) }}", "undefined variable: no 'append' here"),
        ('{{ "a" * 25000 }}', "the text is too long (25000 characters, at most 20000)"),
        ("{{ 9.0 ** (9**9) }}", "template error: (34, 'Numerical result out of range')"),
    ],
)
def test_template_past_a_limit(site: Site, template: str, what: str) -> None:
    assert audience(site, template) == [f"{AUDIENCE}: {what}"]


def test_templates_within_the_limits_still_work(site: Site) -> None:
    template = (
        "{% set ns = namespace(n=0) %}{% for i in range(100) %}{% set ns.n = ns.n + i %}"
        '{% endfor %}{{ ns.n }} {{ "x" * 3 }} {{ 2 ** 10 }} {{ "%05d" % 42 }} '
        '{{ "{:>4}".format(7) }} {{ department.name|upper|center(12) }}'
    )
    assert audience(site, template) == []


class Clock:
    """A clock that moves on by ``step`` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.times = itertools.count(0.0, step)

    def monotonic(self) -> float:
        return next(self.times)


def test_a_text_that_runs_too_long(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "time", SimpleNamespace(monotonic=Clock(0.5).monotonic))
    lines = audience(site, "{% for i in range(10) %}{{ i }}{% endfor %}")
    assert lines == [f"{AUDIENCE}: template stopped: it ran longer than 2 seconds"]


def test_a_department_whose_texts_run_too_long_together(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "time", SimpleNamespace(monotonic=Clock(0.25).monotonic))
    benefits = "".join(
        f"  - title: 'Nutzen {n} {{% for i in range(3) %}}{{{{ i }}}}{{% endfor %}}'\n"
        for n in range(40)
    )
    site.department(f"name: Vertrieb\naudience: Außendienst\nbenefits:\n{benefits}")
    [line] = both(site).lines
    assert line.startswith(f"{SALES}:")
    assert line.endswith(
        "template stopped: this department's templates ran longer than 10 seconds together"
    )


def test_a_variable_past_a_limit_is_reported_where_it_is_written(site: Site) -> None:
    settings = MINIMAL_SETTINGS + "variables:\n  big: '{{ 9**(9**9) }}'\n"
    (site.root / "deckgen.yaml").write_text(settings, encoding="utf-8")
    site.department(
        MINIMAL_DEPARTMENT.replace("audience: Außendienst", "audience: '{{ vars.big }}'")
    )
    line = len(MINIMAL_SETTINGS.splitlines()) + 2
    assert both(site).lines == [
        f"deckgen.yaml:{line}:8: variables.big: template stopped: a number with more than 4000 "
        "digits"
    ]


def test_a_name_past_a_limit(site: Site) -> None:
    site.department(MINIMAL_DEPARTMENT.replace("name: Vertrieb", "name: \"{{ 'a' * 10**9 }}\""))
    assert both(site).lines == [f"{SALES}:1:7: name: {LARGE}"]


def test_a_department_out_of_time_while_filling_in_its_variables(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "time", SimpleNamespace(monotonic=Clock(0.25).monotonic))
    monkeypatch.setattr(sandbox, "DEPARTMENT_SECONDS", 1.0)
    settings = (
        MINIMAL_SETTINGS + "variables:\n  slow: '{% for i in range(10) %}{{ i }}{% endfor %}'\n"
    )
    (site.root / "deckgen.yaml").write_text(settings, encoding="utf-8")
    assert both(site).lines == [
        f"{SALES}:1:1: template stopped: this department's templates ran longer than 1 seconds "
        "together"
    ]


def test_a_wide_recursive_loop_counts_its_steps(site: Site) -> None:
    template = (
        "{% for x in range(10000) recursive %}{% if loop.depth < 3 %}{{ loop(range(10000)) }}"
        "{% endif %}{% endfor %}"
    )
    assert audience(site, template) == [
        f"{AUDIENCE}: template stopped: loops of more than 100000 steps"
    ]
