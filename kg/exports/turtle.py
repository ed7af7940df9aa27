"""Turtle and TriG exports: deterministic bytes for the same triples, written in pieces
(a streamed build's graph is never one string)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from kg.graph.built import BuiltGraph, as_built, document_owner
from kg.graph.rdfwriter import turtle
from kg.vocab.files import ontology_file

__all__ = ["document_owner", "serialize_turtle", "write_text", "write_trig", "write_turtle"]


def serialize_turtle(graph: Graph) -> bytes:
    """Serialise ``graph`` as Turtle; equal graphs without blank nodes give equal bytes."""
    return turtle(graph).encode("utf-8")


def write_text(path: Path, chunks: Iterable[str]) -> Path:
    """Write ``chunks`` to ``path`` as UTF-8, line ends as given."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.writelines(chunks)
    return path


def write_turtle(graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.ttl``, and ``ontology.ttl`` (classes, properties and SHACL shapes)
    so that Jena, GraphDB or Oxigraph users load the schema with the data."""
    path = write_text(out_dir / "graph.ttl", as_built(graph).turtle_chunks())
    # Turtle documents concatenate: the ontology and its shapes, as written, comments kept
    ontology = out_dir / "ontology.ttl"
    ontology.write_text(
        "\n".join(ontology_file(n).read_text(encoding="utf-8") for n in ("kg.ttl", "shapes.ttl")),
        encoding="utf-8",
    )
    return [path, ontology]


def write_trig(graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.trig``: the same triples with one named graph per document."""
    return [write_text(out_dir / "graph.trig", as_built(graph).trig_chunks())]
