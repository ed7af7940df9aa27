"""Exporters, looked up by format name (rdflib plugin style): one table of what each
writes and with which function, and a coded miss.

>>> get_exporter("turtle").outputs
('graph.ttl', 'ontology.ttl')
>>> sorted(exporter_names())[:3]
['graphml', 'html', 'jsonld']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import Errors, KGError
from kg.exports.graphml import write_graphml
from kg.exports.html import write_html
from kg.exports.jsonld import write_jsonld
from kg.exports.neo4j import write_neo4j
from kg.exports.store import write_store
from kg.exports.turtle import write_trig, write_turtle
from kg.graph.built import BuiltGraph

__all__ = ["EXPORTERS", "Exporter", "Write", "exporter_names", "get_exporter", "output_names"]

#: A writer writes its files for a graph (an rdflib graph or a streamed build's) into a
#: folder and returns their paths.
Write = Callable[[Graph | BuiltGraph, Path], list[Path]]


@dataclass(frozen=True)
class Exporter:
    """An export: how it is written, the names it writes in an output folder, and what
    it is for (``kg build --help`` lists it)."""

    write: Write
    outputs: tuple[str, ...]
    description: str

    def __call__(self, graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
        return self.write(graph, out_dir)


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter(write_turtle, ("graph.ttl", "ontology.ttl"), "graph.ttl and ontology.ttl"),
    "trig": Exporter(write_trig, ("graph.trig",), "one named graph per document"),
    "html": Exporter(write_html, ("graph.html",), "the interactive page"),
    "neo4j": Exporter(write_neo4j, ("neo4j",), "CSV files and Cypher for Neo4j"),
    "graphml": Exporter(write_graphml, ("graph.graphml",), "for Gephi"),
    "store": Exporter(write_store, ("store",), "the on-disk SPARQL store kg query reads"),
    "jsonld": Exporter(write_jsonld, ("graph.jsonld", "context.jsonld"), "JSON-LD"),
}


def exporter_names() -> tuple[str, ...]:
    """Every format :func:`get_exporter` knows."""
    return tuple(EXPORTERS)


def output_names() -> set[str]:
    """Every name any exporter writes in an output folder."""
    return {name for exporter in EXPORTERS.values() for name in exporter.outputs}


def get_exporter(name: str) -> Exporter:
    """The exporter registered under ``name``.

    Raises:
        KGError: E165 for a name no exporter has, with the known ones.
    """
    try:
        return EXPORTERS[name]
    except KeyError:
        raise KGError(Errors.E165, name=name, known=", ".join(EXPORTERS)) from None
