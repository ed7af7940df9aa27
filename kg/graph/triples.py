"""Where the model's functions put triples: an rdflib graph, or a plain set of them.

A document's part is made from a few thousand triples that are only formatted, never
queried: rdflib's memory store indexes each triple three ways and per context (about 30 µs
an add, the largest cost of the per-document step). :class:`Triples` keeps them in a set,
with the same duplicate rule (rdflib's terms hash and compare alike) and the graph's
prefixes, which is all the writer reads.

>>> from rdflib import Literal, URIRef
>>> triples = Triples([("ex", URIRef("http://example.org/"))])
>>> a, p = URIRef("http://example.org/a"), URIRef("http://example.org/p")
>>> _ = triples.add((a, p, Literal(1)))
>>> _ = triples.add((a, p, Literal("1", datatype=Literal(1).datatype)))
>>> len(triples), [str(ns) for _, ns in triples.namespaces()]
(1, ['http://example.org/'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from rdflib import URIRef
from rdflib.term import Node

__all__ = ["Triple", "TripleSink", "Triples"]

Triple = tuple[Node, Node, Node]


class TripleSink(Protocol):
    """What the model's functions add to (rdflib's ``Graph`` is one)."""

    def add(self, triple: Triple, /) -> object: ...


class Triples:
    """A set of triples with prefixes: a :class:`TripleSink` the writer can format."""

    def __init__(self, namespaces: Iterable[tuple[str, URIRef]]) -> None:
        self._namespaces = tuple(namespaces)
        self._triples: set[Triple] = set()

    def add(self, triple: Triple, /) -> Triples:
        self._triples.add(triple)
        return self

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        """The prefixes bound, as ``Graph.namespaces()`` gives them."""
        return iter(self._namespaces)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)
