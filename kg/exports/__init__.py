"""Exporters, looked up by format name (rdflib plugin style)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from kg.exports.graphml import write_graphml
from kg.exports.html import write_html
from kg.exports.jsonld import write_jsonld
from kg.exports.neo4j import write_neo4j
from kg.exports.store import write_store
from kg.exports.turtle import write_trig, write_turtle
from kg.graph.built import BuiltGraph

__all__ = ["EXPORTERS", "OUTPUTS", "Exporter", "get_exporter"]

#: An exporter writes its files for a graph (an rdflib graph or a streamed build's) into a
#: folder and returns their paths.
Exporter = Callable[[Graph | BuiltGraph, Path], list[Path]]

EXPORTERS: dict[str, Exporter] = {
    "turtle": write_turtle,
    "html": write_html,
    "neo4j": write_neo4j,
    "graphml": write_graphml,
    "trig": write_trig,
    "store": write_store,
    "jsonld": write_jsonld,
}


#: The names each exporter writes in an output folder.
OUTPUTS: dict[str, tuple[str, ...]] = {
    "turtle": ("graph.ttl", "ontology.ttl"),
    "html": ("graph.html",),
    "neo4j": ("neo4j",),
    "graphml": ("graph.graphml",),
    "trig": ("graph.trig",),
    "store": ("store",),
    "jsonld": ("graph.jsonld", "context.jsonld"),
}


def get_exporter(name: str) -> Exporter:
    """The exporter registered under ``name``.

    >>> get_exporter("turtle").__name__
    'write_turtle'
    """
    try:
        return EXPORTERS[name]
    except KeyError:
        raise KeyError(f"no exporter {name!r}; known: {', '.join(sorted(EXPORTERS))}") from None
