"""Turtle export: deterministic bytes for the same graph."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.config import ontology_file

__all__ = ["serialize_turtle", "write_turtle"]


def serialize_turtle(graph: Graph) -> bytes:
    """Serialise ``graph`` as Turtle; equal graphs without blank nodes give equal bytes."""
    data = graph.serialize(format="turtle", encoding="utf-8")
    return data if data.endswith(b"\n") else data + b"\n"


def write_turtle(graph: Graph, out_dir: Path) -> list[Path]:
    """Write ``graph.ttl``, and ``ontology.ttl`` (classes, properties and SHACL shapes)
    so that Jena, GraphDB or Oxigraph users load the schema with the data."""
    path = out_dir / "graph.ttl"
    path.write_bytes(serialize_turtle(graph))
    schema = Graph()
    for name in ("kg.ttl", "shapes.ttl"):
        schema.parse(ontology_file(name), format="turtle")
    ontology = out_dir / "ontology.ttl"
    ontology.write_bytes(serialize_turtle(schema))
    return [path, ontology]
