"""Turtle export: deterministic bytes for the same graph."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.config import ontology_file
from kg.exports.rdfwriter import trig, turtle
from kg.graph.namespaces import ID, KG

__all__ = ["by_document", "serialize_turtle", "write_trig", "write_turtle"]


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


def by_document(
    graph: Graph,
) -> tuple[list[tuple[Node, Node, Node]], dict[URIRef, list[tuple[Node, Node, Node]]]]:
    """Split ``graph`` into the shared triples and one graph per document.

    A document's graph holds what belongs to it (its node, stories, mentions and
    assertions, all under its IRI); the shared part holds the entities and the relation
    triples.
    """
    # plain lists, not rdflib graphs: adding to a Graph costs more than writing the triple
    named: dict[URIRef, list[tuple[Node, Node, Node]]] = {
        URIRef(str(d)): [] for d in graph.subjects(RDF.type, KG.Document)
    }
    keys = {str(d): d for d in named}
    shared: list[tuple[Node, Node, Node]] = []
    prefix = str(ID["doc/"])
    for s, p, o in graph:
        key = str(s)
        # a document's IRI is one path segment under id/doc/; its parts live below it
        cut = key.find("/", len(prefix))
        owner = keys.get(key if cut == -1 else key[:cut]) if key.startswith(prefix) else None
        if owner is None:
            shared.append((s, p, o))
        else:
            named[owner].append((s, p, o))
    return shared, named


def write_trig(graph: Graph, out_dir: Path) -> list[Path]:
    """Write ``graph.trig``: the same triples with one named graph per document."""
    path = out_dir / "graph.trig"
    shared, named = by_document(graph)
    path.write_bytes(trig(shared, named, graph).encode("utf-8"))
    return [path]
