"""Records -> RDF triples. The RDF graph is the one model every export reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.graph.triples import Triples, TripleSink
from kg.linking.persons import person_anchor
from kg.types import Document, Entity, Measurement, Mention, Relation, Story
from kg.vocab.ontology import (
    ID,
    KG,
    PREFIXES,
    RELATION_TYPES,
    STANDARD_PREFIXES,
    SUBTYPES,
    iri_segment,
    standard_classes,
)

_RELATION = {name: KG[name] for name in RELATION_TYPES}
_TYPE = RDF.type
_R = TypeVar("_R", bound="_Evidenced")

__all__ = [
    "Placed",
    "add_document",
    "add_entities",
    "add_measurements",
    "add_mentions",
    "add_relations",
    "assertion_sentence",
    "confidence_literal",
    "document_iri",
    "entity_iri",
    "figure_sentence",
    "mention_sentence",
    "new_graph",
    "new_triples",
    "placed_measurements",
    "placed_mentions",
    "placed_relations",
    "story_iri",
    "value_literal",
    "year_literal",
]

_CREDIT_PROPERTY = {
    "reporter": KG.reporter,
    "correspondent": KG.correspondent,
    "photographer": KG.photographer,
    "author": KG.author,
}


def new_graph() -> Graph:
    """An empty graph with our prefixes bound."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("dcterms", DCTERMS)
    graph.bind("skos", SKOS)
    graph.bind("rdfs", RDFS)
    for prefix, namespace in STANDARD_PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


@lru_cache(maxsize=1)
def _namespaces() -> tuple[tuple[str, URIRef], ...]:
    return tuple(new_graph().namespaces())


def new_triples() -> Triples:
    """An empty set of triples with the prefixes of :func:`new_graph` (a document's part:
    only formatted, never queried)."""
    return Triples(_namespaces())


@lru_cache(maxsize=8192, typed=True)
def _literal(value: str | int | bool) -> Literal:
    """A plain literal, made once while it recurs (rdflib's constructor is slow, and rule
    names, reasons, units, offsets and a sentence's text recur across mentions)."""
    return Literal(value)


def document_iri(identifier: str) -> URIRef:
    """The stable IRI of a document, from its path relative to the corpus root.

    >>> str(document_iri("seeds/001.txt"))
    'https://w3id.org/cn-union-kg/id/doc/seeds%2F001.txt'
    """
    return ID["doc/" + iri_segment(identifier)]


def story_iri(identifier: str, story: Story) -> URIRef:
    """The IRI of the ``story.index``-th story (numbered from 1) of a document."""
    return URIRef(f"{document_iri(identifier)}/story/{story.index + 1}")


def _date(iso: str | None) -> Literal | None:
    return Literal(iso, datatype=XSD.date) if iso else None


def _add_standard_types(graph: TripleSink, node: URIRef, cls: URIRef) -> None:
    """Also type ``node`` with the standard classes of ``cls`` (org:Organization,
    schema:Place, foaf:Person …): stores without inference find it by them."""
    for standard in standard_classes(cls):
        graph.add((node, RDF.type, standard))


def add_document(graph: TripleSink, doc: Document) -> URIRef:
    """Add a document and its stories, with their metadata, to ``graph``."""
    raw = doc.raw
    node = document_iri(raw.identifier)
    add = graph.add
    add((node, RDF.type, KG.Document))
    _add_standard_types(graph, node, KG.Document)
    add((node, DCTERMS.identifier, Literal(raw.identifier)))
    add((node, KG.sourceFile, Literal(raw.path)))
    add((node, KG.sha256, Literal(raw.sha256)))
    add((node, KG.encoding, Literal(raw.encoding)))
    add((node, DCTERMS["format"], Literal(raw.media_type)))
    add((node, KG.charCount, Literal(len(raw.text))))
    first = doc.stories[0] if doc.stories else None
    title = raw.meta.get("title") or (first.title if first else None)
    if title:
        add((node, DCTERMS.title, Literal(title)))
    date = _date(doc.date) or _date(first.date if first else None)
    if date is not None:
        add((node, DCTERMS.date, date))
    source = raw.meta.get("source") or (first.outlet if first else None)
    if source:
        add((node, DCTERMS.source, Literal(source)))
    if raw.meta.get("author"):
        add((node, DCTERMS.creator, Literal(raw.meta["author"])))
    if raw.meta.get("url"):
        add((node, RDFS.seeAlso, Literal(raw.meta["url"], datatype=XSD.anyURI)))
    for story in doc.stories:
        add((node, KG.hasStory, _add_story(graph, doc, story, node)))
    return node


def _add_story(graph: TripleSink, doc: Document, story: Story, document: URIRef) -> URIRef:
    node = story_iri(doc.raw.identifier, story)
    start, end = doc.clean.to_original(story.start, story.end)
    add = graph.add
    add((node, RDF.type, KG.Story))
    _add_standard_types(graph, node, KG.Story)
    add((node, KG.inDocument, document))
    add((node, KG.storyIndex, Literal(story.index + 1)))
    add((node, KG.startOffset, Literal(start)))
    add((node, KG.endOffset, Literal(end)))
    add((node, KG.text, Literal(doc.clean.text[story.start : story.end])))
    if story.title:
        add((node, DCTERMS.title, Literal(story.title)))
    date = _date(story.date)
    if date is not None:
        add((node, DCTERMS.date, date))
    if story.outlet:
        add((node, KG.outlet, Literal(story.outlet)))
    for credit in story.bylines:
        add((node, _CREDIT_PROPERTY.get(credit.role, KG.author), Literal(credit.name)))
    return node


_KIND = {"Organization": "org", "Program": "program", "Place": "place", "Person": "person"}
#: The path segment of a person's anchor, by the kind of its key.
_ANCHOR_KIND = {"place": "place", "organization": "org", "document": "doc"}
#: Each subclass by its local name; "Other" is the gold files' name of OtherOrganization.
_SUBCLASS = {name: KG[name] for names in SUBTYPES.values() for name in names}
_SUBCLASS["Other"] = KG.OtherOrganization


def entity_iri(entity: Entity) -> URIRef:
    """The stable IRI of an entity: places by division code, others by canonical name.

    >>> str(entity_iri(Entity("place:610900", "Place", "City", "安康市", code="610900")))
    'https://w3id.org/cn-union-kg/id/place/610900'
    >>> str(entity_iri(Entity("organization:安康市总工会", "Organization", "", "安康市总工会")))
    'https://w3id.org/cn-union-kg/id/org/安康市总工会'
    >>> str(entity_iri(Entity("person:王伟@place:610900", "Person", "", "王伟")))
    'https://w3id.org/cn-union-kg/id/person/王伟/place/610900'
    """
    ident = entity.ident if entity.type == "Place" else entity.name
    iri = f"{_KIND[entity.type]}/{iri_segment(ident)}"
    anchor = person_anchor(entity.key) if entity.type == "Person" else ""
    if anchor:  # one person per person: 王伟 of 安康市 is not 王伟 of 淄博市
        kind, _, of = anchor.partition(":")
        iri += f"/{_ANCHOR_KIND.get(kind, kind)}/{iri_segment(of)}"
    return ID[iri]


def add_entities(graph: Graph, entities: dict[str, Entity]) -> dict[str, URIRef]:
    """Add every entity with its types, label, other surface forms and merge reasons."""
    iris: dict[str, URIRef] = {}
    for key in sorted(entities):
        entity = entities[key]
        node = entity_iri(entity)
        iris[key] = node
        graph.add((node, RDF.type, KG[entity.type]))
        _add_standard_types(graph, node, KG[entity.type])
        if entity.subtype in _SUBCLASS and _SUBCLASS[entity.subtype] != KG[entity.type]:
            graph.add((node, RDF.type, _SUBCLASS[entity.subtype]))
            _add_standard_types(graph, node, _SUBCLASS[entity.subtype])
        label = Literal(entity.name, lang="zh")
        graph.add((node, RDFS.label, label))
        graph.add((node, SKOS.prefLabel, label))
        for alias in sorted(entity.aliases - {entity.name}):
            graph.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        if entity.code:
            graph.add((node, KG.adminCode, Literal(entity.code)))
        for reason in sorted(entity.reasons):
            graph.add((node, KG.mergeReason, Literal(reason)))
    return iris


@dataclass(frozen=True, slots=True)
class Placed(Generic[_R]):
    """A record of a document with what its node in the graph says of it: its IRI, the
    sentence text of its evidence and the span's offsets into the original file."""

    node: URIRef
    record: _R
    sentence: str
    start: int
    end: int


class _Evidenced(Protocol):
    @property
    def sentence_start(self) -> int: ...

    @property
    def sentence_end(self) -> int: ...


def _placed(
    doc: Document,
    kind: str,
    records: Iterable[_R],
    span: Callable[[_R], tuple[int, int]],
) -> Iterator[Placed[_R]]:
    document = document_iri(doc.raw.identifier)
    text = doc.clean.text
    for number, record in enumerate(records, start=1):
        start, end = doc.clean.to_original(*span(record))
        sentence = text[record.sentence_start : record.sentence_end].strip()
        yield Placed(URIRef(f"{document}/{kind}/{number}"), record, sentence, start, end)


def placed_mentions(doc: Document) -> Iterator[Placed[Mention]]:
    """Each mention of ``doc`` with its node (``…/mention/N``) and evidence."""
    return _placed(doc, "mention", doc.mentions, lambda m: (m.start, m.end))


def placed_relations(doc: Document) -> Iterator[Placed[Relation]]:
    """Each relation of ``doc`` with its assertion node (``…/assertion/N``) and evidence
    (the span of a relation is its sentence's)."""
    return _placed(doc, "assertion", doc.relations, lambda r: (r.sentence_start, r.sentence_end))


def placed_measurements(doc: Document) -> Iterator[Placed[Measurement]]:
    """Each figure of ``doc`` with its node (``…/measurement/N``) and evidence."""
    return _placed(doc, "measurement", doc.measurements, lambda f: (f.start, f.end))


def mention_sentence(placed: Placed[Mention]) -> str:
    """The sentence a mention's node carries (its surface form when the sentence is
    blank)."""
    return placed.sentence or placed.record.surface


def assertion_sentence(doc: Document, placed: Placed[Relation]) -> str:
    """The sentence an assertion carries (as written when it is blank once stripped)."""
    rel = placed.record
    return placed.sentence or doc.clean.text[rel.sentence_start : rel.sentence_end]


def figure_sentence(placed: Placed[Measurement]) -> str:
    """The sentence a figure's node carries (its text when the sentence is blank)."""
    return placed.sentence or placed.record.text


def add_mentions(graph: TripleSink, doc: Document, iris: dict[str, URIRef]) -> None:
    """Link a document to the entities it mentions, one Mention node per occurrence."""
    document = document_iri(doc.raw.identifier)
    stories = {s.index: story_iri(doc.raw.identifier, s) for s in doc.stories}
    for placed in placed_mentions(doc):
        mention, node = placed.record, placed.node
        entity = iris[mention.entity]
        graph.add((document, KG.mentions, entity))
        graph.add((node, _TYPE, KG.Mention))
        graph.add((node, KG.mentionOf, entity))
        graph.add((node, KG.inDocument, document))
        graph.add((node, KG.inStory, stories[mention.story]))
        graph.add((node, KG.surfaceForm, _literal(mention.surface)))
        graph.add((node, KG.sentence, _literal(mention_sentence(placed))))
        graph.add((node, KG.startOffset, _literal(placed.start)))
        graph.add((node, KG.endOffset, _literal(placed.end)))
        graph.add((node, KG.rule, _literal(mention.rule)))
        graph.add((node, KG.mergeReason, _literal(mention.reason)))


def add_relations(graph: TripleSink, doc: Document, iris: dict[str, URIRef]) -> None:
    """Add each relation as a direct triple and a ``kg:Assertion`` with its evidence.

    The assertion is a reified statement: ``?a rdf:subject ?s ; rdf:predicate ?p ;
    rdf:object ?o``, so one pattern goes from a triple to its sentence.
    """
    document = document_iri(doc.raw.identifier)
    stories = {s.index: story_iri(doc.raw.identifier, s) for s in doc.stories}
    for placed in placed_relations(doc):
        rel, node = placed.record, placed.node
        subject, predicate, obj = iris[rel.subject], _RELATION[rel.predicate], iris[rel.object]
        graph.add((subject, predicate, obj))
        graph.add((node, _TYPE, KG.Assertion))
        graph.add((node, RDF.subject, subject))
        graph.add((node, RDF.predicate, predicate))
        graph.add((node, RDF.object, obj))
        graph.add((node, KG.inDocument, document))
        graph.add((node, KG.inStory, stories[rel.story]))
        graph.add((node, KG.sentence, _literal(assertion_sentence(doc, placed))))
        graph.add((node, KG.startOffset, _literal(placed.start)))
        graph.add((node, KG.endOffset, _literal(placed.end)))
        graph.add((node, KG.rule, _literal(rel.rule)))
        graph.add((node, KG.confidence, confidence_literal(rel.confidence)))
        if rel.role:
            graph.add((node, KG.role, _literal(rel.role)))


def add_measurements(graph: TripleSink, doc: Document, iris: dict[str, URIRef]) -> None:
    """Add each figure of ``doc`` as a ``kg:Measurement`` with its evidence."""
    document = document_iri(doc.raw.identifier)
    stories = {s.index: story_iri(doc.raw.identifier, s) for s in doc.stories}
    for placed in placed_measurements(doc):
        figure, node = placed.record, placed.node
        add = graph.add
        add((node, _TYPE, KG.Measurement))
        _add_standard_types(graph, node, KG.Measurement)
        add((node, KG.inDocument, document))
        add((node, KG.inStory, stories[figure.story]))
        add((node, KG.value, value_literal(figure.value)))
        add((node, KG.unit, _literal(figure.unit)))
        add((node, KG.approximate, _literal(figure.approximate)))
        if figure.indicator:
            add((node, KG.indicator, _literal(figure.indicator)))
        if figure.about in iris:
            add((node, KG.about, iris[figure.about]))
        if figure.programme in iris:
            add((node, KG.forProgram, iris[figure.programme]))
        if figure.date:
            add((node, KG.date, year_literal(figure.date)))
        add((node, KG.surfaceForm, _literal(figure.text)))
        add((node, KG.sentence, _literal(figure_sentence(placed))))
        add((node, KG.startOffset, _literal(placed.start)))
        add((node, KG.endOffset, _literal(placed.end)))
        add((node, KG.rule, _literal(figure.rule)))
        add((node, KG.confidence, confidence_literal(figure.confidence)))


def value_literal(value: str) -> Literal:
    """A figure's value: the canonical xsd:decimal form, as stores write it back (115,
    0.5, not 115.0)."""
    return Literal(value, datatype=XSD.decimal)


def year_literal(year: str) -> Literal:
    """The year a figure refers to."""
    return Literal(year, datatype=XSD.gYear)


def confidence_literal(confidence: float) -> Literal:
    """A rule's confidence as the xsd:decimal every store writes back."""
    return Literal(_decimal(confidence), datatype=XSD.decimal)


def _decimal(value: float) -> str:
    """The canonical xsd:decimal form of a confidence, as every store writes it back.

    >>> _decimal(0.8), _decimal(0.55), _decimal(1.0)
    ('0.8', '0.55', '1.0')
    """
    text = f"{value:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text
