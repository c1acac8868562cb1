"""The HTML of ``deckgen serve``: the list of departments, and a department's slides beside
their texts, sources, notes, warnings and errors (templates in ``templates/``).

Jinja with autoescaping (the content's texts are data here, never markup); the department page
listens for server-sent events and fetches its body again when its department was rebuilt.
"""

from __future__ import annotations

import functools

import jinja2
from markupsafe import Markup

from deckgen.serve.workspace import DepartmentView


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("deckgen.serve", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def _render(template: str, **values: object) -> str:
    return _environment().get_template(template).render(**values)


def page(title: str, slug: str, slugs: list[str], main: str) -> str:
    """A whole page around ``main`` (already HTML)."""
    return _render("page.html", title=title, slug=slug, slugs=slugs, main=Markup(main))


def department_list(slugs: list[str]) -> str:
    """The list of departments, as the body of the start page."""
    return _render("list.html", slugs=slugs)


def department_body(view: DepartmentView, office_note: str) -> str:
    """A department's slides, texts, notes and problems."""
    return _render("body.html", view=view, office_note=office_note)
