"""Turtle export: deterministic bytes for the same graph."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.config import ontology_file
from kg.exports.rdfwriter import trig, turtle
from kg.graph.namespaces import ID, KG

__all__ = ["document_owner", "serialize_turtle", "write_trig", "write_turtle"]


def serialize_turtle(graph: Graph) -> bytes:
    """Serialise ``graph`` as Turtle; equal graphs without blank nodes give equal bytes."""
    return turtle(graph).encode("utf-8")


def write_turtle(graph: Graph, out_dir: Path) -> list[Path]:
    """Write ``graph.ttl``, and ``ontology.ttl`` (classes, properties and SHACL shapes)
    so that Jena, GraphDB or Oxigraph users load the schema with the data."""
    path = out_dir / "graph.ttl"
    path.write_bytes(serialize_turtle(graph))
    # Turtle documents concatenate: the ontology and its shapes, as written, comments kept
    ontology = out_dir / "ontology.ttl"
    ontology.write_text(
        "\n".join(ontology_file(n).read_text(encoding="utf-8") for n in ("kg.ttl", "shapes.ttl")),
        encoding="utf-8",
    )
    return [path, ontology]


def document_owner(graph: Graph) -> Callable[[Node], URIRef | None]:
    """The document a subject belongs to, or ``None`` for the shared part.

    A document's graph holds what belongs to it (its node, stories, mentions and
    assertions, all under its IRI); the shared part holds the entities and the relation
    triples.
    """
    documents = {str(d): URIRef(str(d)) for d in graph.subjects(RDF.type, KG.Document)}
    prefix = str(ID["doc/"])

    def owner(subject: Node) -> URIRef | None:
        key = str(subject)
        if not key.startswith(prefix):
            return None
        # a document's IRI is one path segment under id/doc/; its parts live below it
        cut = key.find("/", len(prefix))
        return documents.get(key if cut == -1 else key[:cut])

    return owner


def write_trig(graph: Graph, out_dir: Path) -> list[Path]:
    """Write ``graph.trig``: the same triples with one named graph per document."""
    path = out_dir / "graph.trig"
    path.write_bytes(trig(graph, document_owner(graph)).encode("utf-8"))
    return [path]
