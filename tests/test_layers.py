"""The house's floors: imports run down, never up, and never in a circle.

A document flows up through the floors (text -> vocabulary -> corpus -> recognisers ->
linking and relations -> figures -> graph -> exports -> build and serve -> CLI); a module
may import from its own floor or below. Imports inside functions count too.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

from tests.helpers import ROOT

#: Each floor's rooms, ground first.
FLOORS: list[set[str]] = [
    {"kg.errors", "kg.text", "kg.types", "kg.budget", "kg.engines", "kg.outputs"},
    {"kg.vocab"},
    {"kg.corpus", "kg.query", "kg.learn"},
    {"kg.nlp"},
    {"kg.linking", "kg.relations"},
    {"kg.figures"},
    {"kg.graph"},
    {"kg.exports", "kg.eval", "kg.cache"},
    {"kg.build", "kg.serve"},
    {"kg.train"},
    {"kg.cli", "kg.__main__"},
]
_PACKAGES = {r.removeprefix("kg.") for floor in FLOORS for r in floor}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _room(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 and parts[1] in _PACKAGES else module


@lru_cache(maxsize=1)
def _imports() -> dict[str, set[str]]:
    """Every module of kg/ -> the modules of kg/ it imports (``from kg.serve import app``
    imports the module ``kg.serve.app``)."""
    paths = sorted((ROOT / "kg").rglob("*.py"))
    modules = {_module(path) for path in paths}
    found: dict[str, set[str]] = {}
    for path in paths:
        module, targets = _module(path), set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "kg" or node.module.startswith("kg."):
                    for alias in node.names:
                        inner = f"{node.module}.{alias.name}"
                        targets.add(inner if inner in modules else node.module)
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name.startswith("kg.")}
        found[module] = targets - {"kg"}
    return found


def _floor(room: str) -> int:
    return next(i for i, floor in enumerate(FLOORS) if room in floor)


def test_every_room_has_a_floor() -> None:
    rooms = {_room(m) for m in _imports()} - {"kg"}
    assert rooms <= set().union(*FLOORS), rooms - set().union(*FLOORS)


def test_no_import_runs_up() -> None:
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in _imports().items()
        for target in targets
        if module != "kg" and _floor(_room(target)) > _floor(_room(module))
    )
    assert upward == []


def test_the_vocabulary_imports_only_the_ground_floor_beneath_it() -> None:
    allowed = {"kg.errors", "kg.types", "kg.text"}
    found = {
        target
        for module, targets in _imports().items()
        if _room(module) == "kg.vocab"
        for target in targets
        if _room(target) != "kg.vocab"
    }
    assert found <= allowed, found - allowed


def test_no_import_circles() -> None:
    """No module reaches itself by its imports (Tarjan's strongly connected components)."""
    graph = {m: {t for t in ts if t in _imports()} for m, ts in _imports().items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
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
                circles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    assert circles == []


def test_one_module_names_the_relation_types() -> None:
    """The eight relation types are named (all of them) in one module: the others read
    them from the vocabulary."""
    from kg.vocab.ontology import RELATION_TYPES

    naming = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "kg").rglob("*.py"))
        if all(
            f'"{name}"' in path.read_text(encoding="utf-8")
            or f"{name}:" in path.read_text(encoding="utf-8")
            for name in RELATION_TYPES
        )
    ]
    assert naming == ["kg/vocab/ontology.py"]
