"""Complete the tagged PDF LibreOffice writes from a deck, where LibreOffice (7.4) falls short.

LibreOffice tags a deck's text, tables and pictures and declares PDF/UA, but it does not read
PowerPoint's "decorative" mark (card bars and arrows become figures without a description),
drops the description of a chart, and paints a master's transparent graphics outside any
marked content. From what the deck says about each shape (:class:`SlideFigures`), this pass
turns the figures of decorative shapes into artifacts, gives a chart figure its description,
and marks untagged painting as an artifact. A page whose figures do not pair one to one with
the deck's shapes is left as LibreOffice wrote it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pikepdf

from deckgen.accessibility import FigureShape

_PAINTING = {"Do", "sh", "BI"}  # operators that paint images, shadings and forms


SlideFigures = Sequence[FigureShape]


def complete(pdf_path: Path, slides: Sequence[SlideFigures]) -> int:
    """Complete the tags of the PDF at ``pdf_path`` (rewritten in place) with what the deck
    says of each slide's figures; return the number of figures changed."""
    changed = 0
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None:
            return 0
        by_page = _figures_by_page(pdf, tree)
        for index, page in enumerate(pdf.pages):
            artifacts: set[int] = set()
            found = by_page.get(index, [])
            figures = slides[index] if index < len(slides) else []
            if len(found) == len(figures):
                for (element, parent), figure in zip(found, figures, strict=True):
                    if figure.decorative:
                        artifacts.update(_mcids(element))
                        _detach(element, parent)
                        changed += 1
                    elif figure.description and "/Alt" not in element:
                        element["/Alt"] = pikepdf.String(figure.description)
                        changed += 1
            _rewrite_content(pdf, page, artifacts)
            if artifacts:
                _forget(tree, page, artifacts)
        pdf.save(pdf_path)
    return changed


def _figures_by_page(pdf: Any, tree: Any) -> dict[int, list[tuple[Any, Any]]]:
    """The figure elements of the structure tree, in reading order, by page index, each with
    the element that holds it."""
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    found: dict[int, list[tuple[Any, Any]]] = {}
    for element, parent in _walk(tree):
        if element.get("/S") == "/Figure":
            page = element.get("/Pg")
            if page is not None and page.objgen in pages:
                found.setdefault(pages[page.objgen], []).append((element, parent))
    return found


def _walk(parent: Any) -> Iterator[tuple[Any, Any]]:
    kids = parent.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid, parent
            yield from _walk(kid)


def _mcids(element: Any) -> set[int]:
    """The marked-content ids of an element's own content."""
    kids = element.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    found = set()
    for kid in items:
        if isinstance(kid, int):
            found.add(int(kid))
        elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
            found.add(int(kid["/MCID"]))
    return found


def _detach(element: Any, parent: Any) -> None:
    """Take a structure element (an indirect object, as LibreOffice writes them) out of its
    parent."""
    kids = parent.get("/K")
    if isinstance(kids, pikepdf.Array):
        parent["/K"] = pikepdf.Array([k for k in kids if k.objgen != element.objgen])
    else:
        del parent["/K"]


def _rewrite_content(pdf: Any, page: Any, artifacts: set[int]) -> None:
    """Mark the content of ``artifacts`` (marked-content ids) as artifacts, and wrap painting
    that lies outside any marked content in an artifact of its own."""
    operations = pikepdf.parse_content_stream(page)
    rewritten: list[Any] = []
    depth = 0
    changed = False
    for instruction in operations:
        operands, operator = instruction.operands, instruction.operator
        name = str(operator)
        if name == "BDC" and len(operands) == 2 and _mcid(operands[1]) in artifacts:
            rewritten.append(([pikepdf.Name("/Artifact")], pikepdf.Operator("BMC")))
            depth += 1
            changed = True
            continue
        if name in ("BDC", "BMC"):
            depth += 1
        elif name == "EMC":
            depth = max(0, depth - 1)
        elif depth == 0 and name in _PAINTING:
            rewritten.append(([pikepdf.Name("/Artifact")], pikepdf.Operator("BMC")))
            rewritten.append((operands, operator))
            rewritten.append(([], pikepdf.Operator("EMC")))
            changed = True
            continue
        rewritten.append((operands, operator))
    if changed:
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(rewritten))


def _mcid(properties: Any) -> int | None:
    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
        return int(properties["/MCID"])
    return None


def _forget(tree: Any, page: Any, artifacts: set[int]) -> None:
    """Remove the artifacts' entries from the structure tree's map of the page's content."""
    key = page.get("/StructParents")
    parents = tree.get("/ParentTree")
    if key is None or parents is None:
        return
    numbers = parents.get("/Nums")
    if numbers is None:
        return
    for index in range(0, len(numbers) - 1, 2):
        if int(numbers[index]) == int(key):
            entries = numbers[index + 1]
            for mcid in artifacts:
                if mcid < len(entries):
                    entries[mcid] = pikepdf.Object.parse(b"null")
