"""Turtle export: deterministic bytes for the same graph."""

from __future__ import annotations

import warnings
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.config import ontology_file
from kg.graph.namespaces import ID, KG

__all__ = ["document_dataset", "serialize_turtle", "write_trig", "write_turtle"]


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


def document_dataset(graph: Graph) -> Dataset:
    """The graph as a dataset: one named graph per document, named by the document's IRI.

    A document's graph holds what belongs to it (its node, stories, mentions and
    assertions, all under its IRI); the default graph holds the entities and the relation
    triples, which documents share.
    """
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace)
    documents = sorted(str(d) for d in graph.subjects(RDF.type, KG.Document))
    named = {d: dataset.graph(URIRef(d)) for d in documents}
    default = dataset.default_graph
    prefix = str(ID["doc/"])
    for s, p, o in graph:
        key = str(s)
        # a document's IRI is one path segment under id/doc/; its parts live below it
        cut = key.find("/", len(prefix))
        owner = (key if cut == -1 else key[:cut]) if key.startswith(prefix) else None
        named.get(owner or "", default).add((s, p, o))
    return dataset


def write_trig(graph: Graph, out_dir: Path) -> list[Path]:
    """Write ``graph.trig``: the same triples with one named graph per document."""
    path = out_dir / "graph.trig"
    with warnings.catch_warnings():
        # rdflib 7.6's own TriG serialiser calls its deprecated Dataset.contexts()
        warnings.simplefilter("ignore", DeprecationWarning)
        data = document_dataset(graph).serialize(format="trig", encoding="utf-8")
    path.write_bytes(data if data.endswith(b"\n") else data + b"\n")
    return [path]
