"""Check a graph against ``ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import Errors, KGError
from kg.vocab.files import ontology_file

__all__ = ["Violation", "load_graph", "validate"]


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: the focus node, the path and the message."""

    focus: str
    path: str
    message: str
    severity: str


def load_graph(path: Path, fmt: str = "turtle") -> Graph:
    """Parse an RDF file (or the ``graph.ttl`` of a build's output folder).

    Raises:
        KGError: E118 when there is no such file, E110 when it cannot be parsed.
    """
    if path.is_dir() and (path / "graph.ttl").is_file():
        path = path / "graph.ttl"
    if not path.is_file():
        raise KGError(Errors.E118, path=path)
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise KGError(Errors.E110, path=path, format=fmt, reason=exc) from exc
    return graph


def _path(results: Graph, path: Node | None) -> str:
    """Show a result path; an inverse path as ``^property``."""
    if path is None:
        return ""
    if isinstance(path, BNode):
        inverse = results.value(path, SH.inversePath)
        return f"^{inverse}" if inverse is not None else "(complex path)"
    return str(path)


def validate(data: Graph) -> tuple[bool, list[Violation]]:
    """Validate ``data`` against the shapes; return conformance and the violations."""
    shapes = load_graph(ontology_file("shapes.ttl"))
    ontology = load_graph(ontology_file("kg.ttl"))
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
    )
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        violations.append(
            Violation(
                focus=str(results.value(result, SH.focusNode)),
                path=_path(results, results.value(result, SH.resultPath)),
                message=str(results.value(result, SH.resultMessage) or ""),
                severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return bool(conforms), violations
