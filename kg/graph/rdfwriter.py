"""A fast, deterministic Turtle/TriG writer.

rdflib's serialisers are correct but slow (about 5 s for 160k triples here, the largest
step of a build). This writer sorts subjects, predicates and objects itself, abbreviates
IRIs only when the local name is plainly safe, writes numbers bare and escapes every
string, so the same graph always gives the same bytes. Tests parse its output with
rdflib, Oxigraph and raptor.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(); g.bind("ex", "http://example.org/")
>>> g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal('say "hi"\\n')))
<Graph identifier=... (<class 'rdflib.graph.Graph'>)>
>>> print(turtle(g), end="")
@prefix ex: <http://example.org/> .
<BLANKLINE>
ex:a ex:p "say \\"hi\\"\\n" .
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.graph.memo import per_graph
from kg.graph.triples import Triples

__all__ = [
    "format_iri",
    "named_graph",
    "owned_blocks",
    "sort_key",
    "subject_blocks",
    "trig",
    "trig_chunks",
    "turtle",
    "turtle_chunks",
]

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE = re.compile(r'[\\"\n\r\t\x00-\x1f\x7f]')
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
# rdflib resolves a namespace's attribute on every access: read each once; compared as
# plain strings (an rdflib term's == is a Python method, str's is not)
_TYPE, _XSD_INTEGER, _XSD_DECIMAL, _XSD_STRING = (
    str(RDF.type),
    str(XSD.integer),
    str(XSD.decimal),
    str(XSD.string),
)


class _Terms:
    """Formats terms with the graph's prefixes and remembers which prefixes were used."""

    def __init__(self, graph: Graph | Triples) -> None:
        namespaces = sorted(((str(ns), p) for p, ns in graph.namespaces() if p), reverse=True)
        self.namespaces = namespaces  # longest namespace first, for the right match
        self.used: dict[str, str] = {}
        # an IRI's text and the prefix it used: predicates, classes and entities recur
        self._iris: dict[str, tuple[str, str, str]] = {}
        # a literal's text by the object's identity (the graph holds every object while
        # it is written, so no identity is reused): one sentence serves many mentions
        self._literals: dict[int, str] = {}
        self._predicates: dict[Node, str] = {}

    def iri(self, value: URIRef) -> str:
        text = str(value)
        known = self._iris.get(text)
        if known is None:
            known = self._iris[text] = self._format(text)
        written, prefix, namespace = known
        if prefix:
            self.used[prefix] = namespace
        return written

    def _format(self, text: str) -> tuple[str, str, str]:
        for namespace, prefix in self.namespaces:
            if text.startswith(namespace) and _LOCAL.match(text[len(namespace) :]):
                return f"{prefix}:{text[len(namespace) :]}", prefix, namespace
        return "<" + _IRI_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", text) + ">", "", ""

    def predicate(self, value: Node) -> str:
        """``value`` written as a predicate (``a`` for rdf:type), once per predicate."""
        written = self._predicates.get(value)
        if written is None:
            written = self._predicates[value] = self.term(value, predicate=True)
        return written

    def term(self, value: Node, *, predicate: bool = False) -> str:
        if predicate and isinstance(value, URIRef) and str.__eq__(value, _TYPE):
            return "a"
        if isinstance(value, URIRef):
            return self.iri(value)
        if isinstance(value, Literal):
            written = self._literals.get(id(value))
            if written is None:
                written = self._literals[id(value)] = self.literal(value)
            return written
        if isinstance(value, BNode):
            return f"_:{value}"
        raise TypeError(f"cannot write {value!r}")

    def literal(self, value: Literal) -> str:
        lexical = str(value)
        datatype = value.datatype
        kind = str(datatype) if datatype is not None else ""
        if kind == _XSD_INTEGER and _INTEGER.match(lexical):
            return lexical
        if kind == _XSD_DECIMAL and _DECIMAL.match(lexical):
            return lexical
        quoted = '"' + _UNSAFE.sub(_escape, lexical) + '"'
        if value.language:
            return f"{quoted}@{value.language}"
        if datatype is not None and kind != _XSD_STRING:
            return f"{quoted}^^{self.iri(datatype)}"
        return quoted


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char, f"\\u{ord(char):04X}")


def _sort_key(term: Node) -> tuple[int, str]:
    kind = 0 if isinstance(term, URIRef) else 1 if isinstance(term, BNode) else 2
    if isinstance(term, Literal):
        return kind, f"{term.datatype or ''}|{term.language or ''}|{term}"
    return kind, str(term)


def sort_key(subject: Node) -> str:
    """The order subjects are written in, as one string (Python and SQLite compare
    strings in the same order: by code point, which is UTF-8's byte order).

    >>> sort_key(URIRef("http://a/b")) < sort_key(BNode("x"))
    True
    """
    kind, text = _sort_key(subject)
    return f"{kind}{text}"


def _subject_blocks(
    graph: Graph | Triples, keep: Callable[[Node], bool] | None = None
) -> tuple[dict[Node, str], dict[str, str]]:
    """Every subject's block of Turtle (unindented), in writing order, and the prefixes
    they use; with ``keep``, only the blocks of the subjects it accepts."""
    terms = _Terms(graph)
    by_subject: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in graph:
        predicates = by_subject.get(s)
        if predicates is None:
            by_subject[s] = {p: [o]}
        elif p in predicates:
            predicates[p].append(o)
        else:
            predicates[p] = [o]
    blocks: dict[Node, str] = {}
    kept = by_subject if keep is None else [s for s in by_subject if keep(s)]
    term, predicate_of = terms.term, terms.predicate
    for subject in sorted(kept, key=_sort_key):
        predicates = by_subject[subject]
        order = sorted(predicates, key=_predicate_order)
        lines = []
        for predicate in order:
            found = predicates[predicate]
            if len(found) > 1:
                values = ",\n        ".join(map(term, sorted(set(found), key=_sort_key)))
            else:
                values = term(found[0])
            lines.append(predicate_of(predicate) + " " + values)
        blocks[subject] = term(subject) + " " + " ;\n    ".join(lines) + " ."
    return blocks, terms.used


def _predicate_order(predicate: Node) -> tuple[bool, str]:
    """rdf:type first, then by IRI."""
    text = str(predicate)
    return text != _TYPE, text


subject_blocks = per_graph(_subject_blocks)
"""Turtle and TriG write the same blocks, formatted once per graph (TriG indents a
document's blocks inside its graph)."""


def owned_blocks(
    graph: Graph | Triples, keep: Callable[[Node], bool]
) -> tuple[dict[Node, str], dict[str, str]]:
    """The blocks of the subjects ``keep`` accepts (a document's own part of a graph), as
    :func:`subject_blocks` formats them, and the prefixes they use."""
    return _subject_blocks(graph, keep)


def format_iri(graph: Graph | Triples, iri: URIRef) -> tuple[str, dict[str, str]]:
    """``iri`` as the writer writes it with ``graph``'s prefixes, and the prefix it used."""
    terms = _Terms(graph)
    return terms.iri(iri), terms.used


def _prefixes(used: dict[str, str]) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(used.items()))


def _indented(block: str, indent: str) -> str:
    # a block's only line breaks are its own (literals escape theirs)
    return indent + block.replace("\n", "\n" + indent)


def named_graph(name: str, blocks: Iterable[str]) -> str:
    """A document's graph in TriG: its written ``name`` and its blocks, indented."""
    inner = "\n\n".join(_indented(block, "    ") for block in blocks)
    return f"{name} {{\n{inner}\n}}"


def turtle_chunks(blocks: Iterable[str], used: dict[str, str]) -> Iterator[str]:
    """The text of a Turtle document, in pieces: the prefixes ``used``, then ``blocks``
    in the order given (a streamed build writes them without holding them all)."""
    yield _prefixes(used) + "\n"
    for number, block in enumerate(blocks):
        yield "\n\n" + block if number else block
    yield "\n"


def trig_chunks(
    shared: Iterable[str], graphs: Iterable[str], used: dict[str, str]
) -> Iterator[str]:
    """The text of a TriG document, in pieces: the default graph's ``shared`` blocks, then
    each :func:`named_graph` of ``graphs``."""
    return turtle_chunks(chain(shared, graphs), used)


def turtle(graph: Graph) -> str:
    """Turtle for ``graph``; equal graphs without blank nodes give equal text."""
    blocks, used = subject_blocks(graph)
    return "".join(turtle_chunks(blocks.values(), used))


def trig(graph: Graph, owner: Callable[[Node], URIRef | None]) -> str:
    """TriG: the subjects no document owns in the default graph, then each document's
    graph (``owner``: the document a subject belongs to), in IRI order."""
    blocks, used = subject_blocks(graph)
    terms = _Terms(graph)
    shared: list[str] = []
    named: defaultdict[URIRef, list[str]] = defaultdict(list)
    for subject, block in blocks.items():
        document = owner(subject)
        if document is None:
            shared.append(block)
        else:
            named[document].append(block)
    graphs = [named_graph(terms.iri(name), named[name]) for name in sorted(named, key=str)]
    return "".join(trig_chunks(shared, graphs, used | terms.used))
