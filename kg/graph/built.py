"""A built graph as the exporters read it, in memory or streamed from disk.

Exporters never need the corpus's triples as Python objects: they write Turtle and TriG
from text chunks, read the networkx view, and report counts. :class:`MemoryGraph` gives
that for an rdflib graph (small corpora, tests); :class:`kg.graph.sink.StreamedGraph`
gives it for a build whose triples were spilled to disk as they were made. Both write
the same bytes for the same triples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol, runtime_checkable

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.graph.figures import FigureRow, figure_rows
from kg.graph.rdfwriter import trig, turtle
from kg.graph.view import entity_view
from kg.vocab.ontology import ENTITY_TYPES, ID, KG, RELATION_TYPES

__all__ = ["BuiltGraph", "Counts", "MemoryGraph", "as_built", "document_owner"]

#: Entities per top type and relation triples per predicate.
Counts = tuple[dict[str, int], dict[str, int]]


@runtime_checkable
class BuiltGraph(Protocol):
    """What every exporter reads: the graph's size, its view, its text, its counts, its
    figures (in IRI order)."""

    def __len__(self) -> int: ...

    def view(self) -> nx.MultiDiGraph: ...

    def turtle_chunks(self) -> Iterator[str]: ...

    def trig_chunks(self) -> Iterator[str]: ...

    def counts(self) -> Counts: ...

    def figures(self) -> Iterator[FigureRow]: ...


class MemoryGraph:
    """An rdflib graph as a :class:`BuiltGraph`.

    >>> len(MemoryGraph(Graph()))
    0
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def __len__(self) -> int:
        return len(self.graph)

    def view(self) -> nx.MultiDiGraph:
        return entity_view(self.graph)

    def turtle_chunks(self) -> Iterator[str]:
        yield turtle(self.graph)

    def trig_chunks(self) -> Iterator[str]:
        yield trig(self.graph, document_owner(self.graph))

    def figures(self) -> Iterator[FigureRow]:
        yield from figure_rows(self.graph)

    def counts(self) -> Counts:
        g = self.graph
        entities = {t: len(set(g.subjects(RDF.type, KG[t]))) for t in ENTITY_TYPES}
        relations = {p: len(list(g.triples((None, KG[p], None)))) for p in RELATION_TYPES}
        return entities, relations


def as_built(graph: Graph | BuiltGraph) -> BuiltGraph:
    """``graph`` as a :class:`BuiltGraph` (an rdflib graph is wrapped)."""
    return MemoryGraph(graph) if isinstance(graph, Graph) else graph


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
