"""The networkx view of the RDF graph: entities as nodes, relations as edges.

Every export that is not RDF (HTML, Neo4j, GraphML) reads this view, and the view is
read from the RDF graph only, so the exports cannot disagree with ``graph.ttl``.

The view is made in two steps, so that a streamed build makes it without the corpus's
graph in memory: :func:`collect` reads the facts the view needs from a graph (the whole
graph, one document's or a batch of entities'), :meth:`ViewFacts.merge` adds up such
facts (their size grows with entities and relations, not with mentions), and
:func:`assemble` turns them into the view. ``assemble(collect(g))`` is the view of ``g``,
and so is assembling the merged facts of any split of ``g`` into parts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.graph.memo import per_graph
from kg.vocab.ontology import ENTITY_TYPES, KG, RELATION_TYPES, SUBTYPES

__all__ = [
    "SENTENCES_PER_ENTITY",
    "Evidence",
    "HasView",
    "ViewFacts",
    "assemble",
    "collect",
    "entity_view",
    "figure_text",
    "in_order",
    "sorted_evidence",
]

#: How many distinct sentences a node keeps (the first in mention IRI order).
SENTENCES_PER_ENTITY = 5
# a node's sentence table is cut back to the first few once it holds this many
_SENTENCE_SLACK = 2 * SENTENCES_PER_ENTITY

_TOP: dict[Node, str] = {KG[t]: t for t in ENTITY_TYPES}
_REL = {KG[r]: r for r in RELATION_TYPES}

Triple = tuple[str, str, str]


def _text(value: object) -> str:
    return str(value) if isinstance(value, Literal) else ""


def _number(value: object) -> Any:
    return value.toPython() if isinstance(value, Literal) else 0


@dataclass
class ViewFacts:
    """What the view is made of, keyed by IRI strings (picklable, mergeable).

    ``nodes``: an entity's label, type, subtype, aliases and code; ``documents``: the
    identifiers of the documents that mention an entity; ``sentences``: per entity, each
    sentence with the smallest IRI of a mention in it (only the first few are kept);
    ``evidence``: per relation triple, each assertion's IRI and evidence; ``edges``:
    the relation triples; ``figures``: per entity, the figures about it (first few).
    """

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    sentences: defaultdict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    evidence: defaultdict[Triple, list[tuple[str, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    edges: set[Triple] = field(default_factory=set)
    figures: defaultdict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def add_figure(self, entity: str, figure: str, measurement: str) -> None:
        """Keep ``figure`` (its text) for ``entity`` if it comes early enough in IRI order."""
        _keep_first(self.figures, entity, figure, measurement)

    def add_sentence(self, entity: str, sentence: str, mention: str) -> None:
        """Keep ``sentence`` for ``entity`` if it comes early enough in mention order.

        >>> facts = ViewFacts()
        >>> for n in range(30): facts.add_sentence("e", f"s{n:02d}", f"m{n:02d}")
        >>> sorted(facts.sentences["e"])[:2], len(facts.sentences["e"]) < 30
        (['s00', 's01'], True)
        """
        _keep_first(self.sentences, entity, sentence, mention)

    def merge(self, other: ViewFacts, *, evidence: bool = True) -> None:
        """Add ``other``'s facts to these (without its evidence: kept elsewhere)."""
        self.nodes.update(other.nodes)
        for entity, documents in other.documents.items():
            self.documents[entity] |= documents
        for entity, table in other.sentences.items():
            for sentence, mention in table.items():
                self.add_sentence(entity, sentence, mention)
        for entity, table in other.figures.items():
            for figure, measurement in table.items():
                self.add_figure(entity, figure, measurement)
        if evidence:
            for triple, items in other.evidence.items():
                self.evidence[triple].extend(items)
        self.edges |= other.edges


def _keep_first(tables: dict[str, dict[str, str]], entity: str, text: str, key: str) -> None:
    """Record ``text`` for ``entity`` with the smallest ``key`` it was seen with, keeping
    only the first few texts by key (bounded whatever the corpus)."""
    table = tables[entity]
    known = table.get(text)
    if known is None or key < known:
        table[text] = key
    if len(table) > _SENTENCE_SLACK:
        # a text cut here can only come back with a smaller key, which is then its
        # first one: the kept texts stay those of the full table
        first = sorted(table.items(), key=lambda item: item[1])[:SENTENCES_PER_ENTITY]
        tables[entity] = dict(first)


def in_order(node: Node) -> str:
    """A key that sorts a document's numbered parts in their order (…/measurement/2
    before …/measurement/10).

    >>> in_order(URIRef("d/measurement/2")) < in_order(URIRef("d/measurement/10"))
    True
    """
    return re.sub(r"\d+$", lambda m: m.group().zfill(10), str(node))


def figure_text(indicator: str, value: str, unit: str, approximate: bool, date: str) -> str:
    """A figure as a tooltip shows it: 新建工会 115 家 (2016), 近 10000 人.

    >>> figure_text("新建工会", "115", "家", False, "2016"), figure_text("", "1", "人", True, "")
    ('新建工会 115 家 (2016)', '约 1 人')
    """
    roughly = "约 " if approximate else ""
    text = f"{indicator} {roughly}{value} {unit}".strip()
    return f"{text} ({date})" if date else text


def _figure_text(graph: Graph, measurement: Node) -> str:
    approximate = graph.value(measurement, KG.approximate)
    return figure_text(
        _text(graph.value(measurement, KG.indicator)),
        _text(graph.value(measurement, KG.value)),
        _text(graph.value(measurement, KG.unit)),
        isinstance(approximate, Literal) and approximate.toPython() is True,
        _text(graph.value(measurement, KG.date)),
    )


def collect(graph: Graph) -> ViewFacts:
    """The view's facts in ``graph`` (a whole graph or any part of one)."""
    facts = ViewFacts()
    documents = {
        str(d): _text(graph.value(d, DCTERMS.identifier))
        for d in graph.subjects(RDF.type, KG.Document)
    }
    for doc, mentioned_entity in graph.subject_objects(KG.mentions):
        facts.documents[str(mentioned_entity)].add(documents.get(str(doc), ""))
    for mention in graph.subjects(RDF.type, KG.Mention):
        of = str(graph.value(mention, KG.mentionOf))
        facts.add_sentence(of, _text(graph.value(mention, KG.sentence)), str(mention))
    for measurement in graph.subjects(RDF.type, KG.Measurement):
        about = graph.value(measurement, KG.about)
        if about is not None:
            facts.add_figure(str(about), _figure_text(graph, measurement), in_order(measurement))
    for node, _p, top in graph.triples((None, RDF.type, None)):
        if top not in _TOP:
            continue
        subtypes = sorted(
            str(o).rsplit("#", 1)[-1]
            for o in graph.objects(node, RDF.type)
            if isinstance(o, URIRef) and o in _SUBCLASSES
        )
        facts.nodes[str(node)] = {
            "label": _text(graph.value(node, RDFS.label)),
            "type": _TOP[top],
            "subtype": subtypes[0] if subtypes else "",
            "aliases": sorted(_text(a) for a in graph.objects(node, SKOS.altLabel)),
            "code": _text(graph.value(node, KG.adminCode)),
        }
    for assertion in graph.subjects(RDF.type, KG.Assertion):
        predicate = graph.value(assertion, RDF.predicate)
        if not isinstance(predicate, URIRef) or predicate not in _REL:
            continue
        subject = str(graph.value(assertion, RDF.subject))
        obj = str(graph.value(assertion, RDF.object))
        document = str(graph.value(assertion, KG.inDocument))
        facts.evidence[subject, _REL[predicate], obj].append(
            (
                str(assertion),
                {
                    "document": documents.get(document, ""),
                    "sentence": _text(graph.value(assertion, KG.sentence)),
                    "start": _number(graph.value(assertion, KG.startOffset)),
                    "end": _number(graph.value(assertion, KG.endOffset)),
                    "rule": _text(graph.value(assertion, KG.rule)),
                    "confidence": float(_number(graph.value(assertion, KG.confidence))),
                    "role": _text(graph.value(assertion, KG.role)),
                },
            )
        )
    for predicate, name in _REL.items():
        for s, o in graph.subject_objects(predicate):
            facts.edges.add((str(s), name, str(o)))
    return facts


#: One relation triple's evidence, in assertion IRI order.
Evidence = tuple[Triple, list[dict[str, Any]]]


def sorted_evidence(facts: ViewFacts) -> Iterator[Evidence]:
    """The evidence of ``facts``, by triple and, within one, by assertion IRI."""
    for triple in sorted(facts.evidence):
        yield triple, [item for _k, item in sorted(facts.evidence[triple], key=_key)]


def assemble(facts: ViewFacts, evidence: Iterable[Evidence] | None = None) -> nx.MultiDiGraph:
    """The view made of ``facts``: a MultiDiGraph, one edge per predicate.

    ``evidence`` is the relations' evidence sorted as :func:`sorted_evidence` gives it
    (a streamed build reads it back from disk); by default, that of ``facts``.

    Node attributes: ``label``, ``type``, ``subtype``, ``aliases``, ``code``,
    ``documents``, ``sentences``, ``figures``; edge attributes: ``predicate``, ``confidence``
    (the highest), ``roles``, ``documents``, ``sentences``, ``rules``, ``starts``, ``ends``.
    Nodes and edges are added in a sorted order, so the view is deterministic.
    """
    view = nx.MultiDiGraph()
    for node in sorted(facts.nodes):
        view.add_node(
            node,
            **facts.nodes[node],
            documents=sorted(facts.documents.get(node, ())),
            sentences=_first(facts.sentences.get(node, {})),
            figures=_first(facts.figures.get(node, {})),
        )
    stream = iter(sorted_evidence(facts) if evidence is None else evidence)
    pending = next(stream, None)
    for s, p, o in sorted(facts.edges):
        # both are sorted by triple: skip the evidence of triples that are not edges
        while pending is not None and pending[0] < (s, p, o):
            pending = next(stream, None)
        items: list[dict[str, Any]] = []
        if pending is not None and pending[0] == (s, p, o):
            items = pending[1]
        if s not in facts.nodes or o not in facts.nodes:
            continue
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


def _first(table: dict[str, str]) -> list[str]:
    """The first texts of a table by key (mention or measurement IRI)."""
    return sorted(table, key=table.__getitem__)[:SENTENCES_PER_ENTITY]


def _key(item: tuple[str, Any]) -> str:
    return item[0]


@runtime_checkable
class HasView(Protocol):
    """A built graph that makes its view itself (a streamed build, :mod:`kg.graph.sink`)."""

    def view(self) -> nx.MultiDiGraph: ...


_graph_view = per_graph(lambda graph: assemble(collect(graph)))


def entity_view(graph: Graph | HasView) -> nx.MultiDiGraph:
    """The view of a graph, built once per graph while it does not change size: every
    exporter reads it, and one build does not compute it three times."""
    if isinstance(graph, Graph):
        return _graph_view(graph)
    return graph.view()


_SUBCLASSES = {KG[name] for names in SUBTYPES.values() for name in names}
