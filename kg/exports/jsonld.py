"""JSON-LD: ``graph.jsonld`` (the triples of ``graph.ttl``, one node object per subject)
and the ``context.jsonld`` it refers to.

The context binds our prefixes, so IRIs read ``kg:TradeUnion`` and
``kgid:org/安康市总工会``; literals keep their language and datatype (integers and
booleans as JSON numbers and booleans, which expand back to xsd:integer and xsd:boolean).
Nodes come in the order of ``graph.ttl``'s subjects, so the same graph gives the same
bytes. The file is written as the Turtle is read, a batch of subjects at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.graph.built import BuiltGraph, MemoryGraph, as_built
from kg.vocab.ontology import PREFIXES, STANDARD_PREFIXES

__all__ = ["CONTEXT", "CONTEXT_FILE", "node_object", "write_jsonld"]

CONTEXT_FILE = "context.jsonld"
_BATCH = 500  # subjects parsed together from the Turtle

#: The prefixes of the context, as the Turtle binds them.
CONTEXT: dict[str, str] = {
    **{prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())},
    **{prefix: str(ns) for prefix, ns in sorted(STANDARD_PREFIXES.items())},
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def _boolean(text: str) -> bool:
    return text == "true"


_NATIVE: dict[URIRef, Callable[[str], Any]] = {XSD.integer: int, XSD.boolean: _boolean}


def _compact(iri: str) -> str:
    """``iri`` as a compact IRI with the longest matching prefix, else as it is.

    >>> _compact("https://w3id.org/cn-union-kg/def#TradeUnion")
    'kg:TradeUnion'
    """
    best = max(
        (p for p, ns in CONTEXT.items() if iri.startswith(ns) and len(iri) > len(ns)),
        key=lambda p: len(CONTEXT[p]),
        default=None,
    )
    return f"{best}:{iri[len(CONTEXT[best]) :]}" if best else iri


def _value(term: Any) -> Any:
    if isinstance(term, URIRef):
        return {"@id": _compact(str(term))}
    if not isinstance(term, Literal):
        raise TypeError(f"JSON-LD export takes IRIs and literals, not {term!r}")
    if term.language:
        return {"@value": str(term), "@language": term.language}
    if term.datatype in _NATIVE:
        return _NATIVE[term.datatype](str(term))
    if term.datatype is None or term.datatype == XSD.string:
        return str(term)
    return {"@value": str(term), "@type": _compact(str(term.datatype))}


def node_object(graph: Graph, subject: URIRef) -> dict[str, Any]:
    """The node object of ``subject``: its types, then its properties in IRI order."""
    node: dict[str, Any] = {"@id": _compact(str(subject))}
    types = sorted(str(t) for t in graph.objects(subject, RDF.type))
    if types:
        node["@type"] = [_compact(t) for t in types]
    by_property: dict[str, list[Any]] = {}
    for predicate, obj in graph.predicate_objects(subject):
        if predicate != RDF.type:
            by_property.setdefault(str(predicate), []).append(obj)
    for name in sorted(by_property):
        values = sorted(by_property[name], key=lambda o: (type(o).__name__, o.n3()))
        node[_compact(name)] = [_value(v) for v in values]
    return node


def _subject_graphs(built: BuiltGraph) -> Iterator[Graph]:
    """Small graphs of ``_BATCH`` subjects each, in Turtle order (each Turtle chunk after
    the prefixes is one subject's block)."""
    if isinstance(built, MemoryGraph):
        yield built.graph
        return
    chunks = built.turtle_chunks()
    header = next(chunks, "")
    batch: list[str] = []
    for chunk in chunks:
        if chunk.strip():
            batch.append(chunk)
        if len(batch) >= _BATCH:
            yield Graph().parse(data=header + "".join(batch), format="turtle")
            batch = []
    if batch:
        yield Graph().parse(data=header + "".join(batch), format="turtle")


def _subjects_in_order(graph: Graph) -> list[URIRef]:
    return sorted({s for s in graph.subjects() if isinstance(s, URIRef)}, key=str)


def write_jsonld(graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.jsonld`` and ``context.jsonld`` into ``out_dir``."""
    context = out_dir / CONTEXT_FILE
    context.write_text(
        json.dumps({"@context": CONTEXT}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    path = out_dir / "graph.jsonld"
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(f'{{\n  "@context": "{CONTEXT_FILE}",\n  "@graph": [')
        first = True
        for part in _subject_graphs(as_built(graph)):
            for subject in _subjects_in_order(part):
                text = json.dumps(node_object(part, subject), ensure_ascii=False)
                handle.write(("\n    " if first else ",\n    ") + text)
                first = False
        handle.write("\n  ]\n}\n")
    return [path, context]
