"""The package's shape: no import cycles, python-pptx only in render, the README's map is true."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "deckgen"
README = PACKAGE.parent / "README.md"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, *, at_import_time: bool) -> set[str]:
    """The modules ``path`` imports (all, or only those imported when it is imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = top and not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.If)
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import) and (inside or not at_import_time):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and (inside or not at_import_time):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1])
                    base = f"{base}.{child.module}" if child.module else base
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in child.names)
            visit(child, inside if not isinstance(child, ast.If) else top)

    visit(tree, True)
    return found


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def graph(at_import_time: bool) -> dict[str, set[str]]:
    edges = {}
    for name, path in MODULES.items():
        edges[name] = {m for m in imports(path, at_import_time=at_import_time) if m in MODULES}
        edges[name].discard(name)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return found


def test_no_module_imports_itself_through_others() -> None:
    # a package's __init__ that re-exports its modules is not a cycle of the design
    edges = {
        name: {t for t in targets if not (t == name.rpartition(".")[0] and t in MODULES)}
        for name, targets in graph(at_import_time=False).items()
    }
    assert cycles(edges) == []


def test_only_render_speaks_python_pptx_and_lxml() -> None:
    speakers = sorted(
        name
        for name, path in MODULES.items()
        if any(m.split(".")[0] in ("pptx", "lxml") for m in imports(path, at_import_time=False))
    )
    assert speakers and all(name.startswith("deckgen.render") for name in speakers), speakers


def test_readme_names_every_module_of_the_package() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Development") :]
    for name in MODULES:
        leaf = name.rpartition(".")[2]
        if leaf in ("__init__", "__main__") or name in ("deckgen", "deckgen.fonts"):
            continue
        assert re.search(rf"\b{re.escape(leaf)}(\.py|/)", section), f"{name} is not in the map"
