"""The networkx view of the RDF graph: entities as nodes, relations as edges.

Every export that is not RDF (HTML, Neo4j, GraphML) reads this view, and the view is
read from the RDF graph only, so the exports cannot disagree with ``graph.ttl``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.graph.memo import per_graph
from kg.graph.namespaces import ENTITY_TYPES, KG, RELATION_TYPES

__all__ = ["ENTITY_TYPES", "RELATION_TYPES", "entity_view"]

_TOP: dict[Node, str] = {KG[t]: t for t in ENTITY_TYPES}
_REL = {KG[r]: r for r in RELATION_TYPES}


def _text(value: object) -> str:
    return str(value) if isinstance(value, Literal) else ""


def _number(value: object) -> Any:
    return value.toPython() if isinstance(value, Literal) else 0


def _build_view(graph: Graph) -> nx.MultiDiGraph:
    """Entities and relations of ``graph`` as a MultiDiGraph (one edge per predicate).

    Node attributes: ``label``, ``type``, ``subtype``, ``aliases``, ``code``,
    ``documents``, ``sentences``; edge attributes: ``predicate``, ``confidence``
    (the highest), ``roles``, ``documents``, ``sentences``, ``rules``, ``starts``, ``ends``.
    Nodes and edges are added in a sorted order, so the view is deterministic.
    """
    view = nx.MultiDiGraph()
    documents = {
        str(d): _text(graph.value(d, DCTERMS.identifier))
        for d in graph.subjects(RDF.type, KG.Document)
    }
    mentioned: defaultdict[str, set[str]] = defaultdict(set)
    for doc, mentioned_entity in graph.subject_objects(KG.mentions):
        mentioned[str(mentioned_entity)].add(documents.get(str(doc), ""))
    sentences: defaultdict[str, list[str]] = defaultdict(list)
    for mention in sorted(graph.subjects(RDF.type, KG.Mention), key=str):
        of = str(graph.value(mention, KG.mentionOf))
        sentence = _text(graph.value(mention, KG.sentence))
        if sentence not in sentences[of]:
            sentences[of].append(sentence)

    entities = sorted(
        {(s, _TOP[o]) for s, _p, o in graph.triples((None, RDF.type, None)) if o in _TOP},
        key=lambda item: str(item[0]),
    )
    for node, top in entities:
        subtypes = sorted(
            str(o).rsplit("#", 1)[-1]
            for o in graph.objects(node, RDF.type)
            if isinstance(o, URIRef) and o in _SUBCLASSES
        )
        view.add_node(
            str(node),
            label=_text(graph.value(node, RDFS.label)),
            type=top,
            subtype=subtypes[0] if subtypes else "",
            aliases=sorted(_text(a) for a in graph.objects(node, SKOS.altLabel)),
            code=_text(graph.value(node, KG.adminCode)),
            documents=sorted(mentioned[str(node)]),
            sentences=sentences[str(node)][:5],
        )

    evidence: defaultdict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for assertion in sorted(graph.subjects(RDF.type, KG.Assertion), key=str):
        subject = str(graph.value(assertion, RDF.subject))
        predicate = graph.value(assertion, RDF.predicate)
        obj = str(graph.value(assertion, RDF.object))
        if not isinstance(predicate, URIRef) or predicate not in _REL:
            continue
        document = str(graph.value(assertion, KG.inDocument))
        evidence[subject, _REL[predicate], obj].append(
            {
                "document": documents.get(document, ""),
                "sentence": _text(graph.value(assertion, KG.sentence)),
                "start": _number(graph.value(assertion, KG.startOffset)),
                "end": _number(graph.value(assertion, KG.endOffset)),
                "rule": _text(graph.value(assertion, KG.rule)),
                "confidence": float(_number(graph.value(assertion, KG.confidence))),
                "role": _text(graph.value(assertion, KG.role)),
            }
        )
    triples = sorted(
        (str(s), _REL[p], str(o))
        for s, p, o in graph
        if isinstance(p, URIRef) and p in _REL and str(s) in view and str(o) in view
    )
    for s, p, o in triples:
        items = evidence.get((s, p, o), [])
        view.add_edge(
            s,
            o,
            key=p,
            predicate=p,
            confidence=max((e["confidence"] for e in items), default=0.0),
            roles=sorted({str(e["role"]) for e in items if e["role"]}),
            documents=sorted({str(e["document"]) for e in items}),
            sentences=[str(e["sentence"]) for e in items],
            rules=[str(e["rule"]) for e in items],
            starts=[int(e["start"]) for e in items],
            ends=[int(e["end"]) for e in items],
        )
    return view


entity_view = per_graph(_build_view)
"""The view of a graph, built once per graph while it does not change size: every
exporter reads it, and one build does not compute it three times."""

_SUBCLASSES = {
    KG[name]
    for name in (
        "TradeUnion",
        "Government",
        "Enterprise",
        "Institution",
        "Media",
        "OtherOrganization",
        "Policy",
        "Country",
        "Province",
        "City",
        "District",
        "County",
        "Town",
        "Area",
    )
}
