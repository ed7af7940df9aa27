"""One document's share of the graph, made where the document is analysed.

A streamed build never holds the corpus's graph: each document's triples are made in
the worker that analysed it, formatted there into the Turtle blocks of the subjects the
document owns (its node, stories, mentions and assertions), and sent back as a
:class:`DocumentPart` of plain values with what else the build needs from it: its
entity records (merged by key in the main process), its relation triples (written in the
entities' blocks) and the facts of the networkx view. Entity IRIs depend on the entity's
key alone, so a worker can write them before the entities are merged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.graph.figures import FigureRow, check_figure_row
from kg.graph.model import (
    add_document,
    add_measurements,
    add_mentions,
    add_relations,
    assertion_sentence,
    confidence_literal,
    entity_iri,
    figure_sentence,
    mention_sentence,
    new_triples,
    placed_measurements,
    placed_mentions,
    placed_relations,
    value_literal,
    year_literal,
)
from kg.graph.rdfwriter import format_iri, owned_blocks, sort_key
from kg.graph.view import ViewFacts, figure_text, in_order
from kg.types import Document, Entity

__all__ = [
    "DocumentPart",
    "PartFormatError",
    "document_part",
    "part_facts",
    "part_figures",
    "part_from_json",
    "part_to_json",
]


@dataclass(frozen=True)
class DocumentPart:
    """What one document adds to the graph (picklable: strings, numbers, records).

    ``blocks``: ``(sort key, Turtle block)`` of each subject the document owns, in
    writing order; ``name``: the document's IRI as TriG writes its graph's name;
    ``prefixes``: the prefixes the blocks use, ``name_prefixes`` those the name uses (TriG
    only); ``triples``: how many distinct
    triples the blocks hold; ``relations``: the relation triples (entity IRIs), which live
    in the entities' blocks; ``figures``: its measurements as records (Neo4j nodes).
    """

    identifier: str
    path: str
    encoding: str
    stories: int
    warnings: tuple[str, ...]
    entities: tuple[Entity, ...]
    key: str
    name: str
    blocks: tuple[tuple[str, str], ...]
    prefixes: tuple[tuple[str, str], ...]
    name_prefixes: tuple[tuple[str, str], ...]
    triples: int
    relations: tuple[tuple[str, str, str], ...]
    facts: ViewFacts
    figures: tuple[FigureRow, ...] = ()


def document_part(document: Document, entities: dict[str, Entity]) -> DocumentPart:
    """The part of the graph ``document`` makes, with its linked ``entities``."""
    graph = new_triples()
    iris = {key: entity_iri(entity) for key, entity in entities.items()}
    node = add_document(graph, document)
    add_mentions(graph, document, iris)
    add_relations(graph, document, iris)
    add_measurements(graph, document, iris)
    own = str(node)
    below = own + "/"

    memo: dict[Node, bool] = {}

    def owned(subject: Node) -> bool:
        found = memo.get(subject)
        if found is None:
            text = str(subject)
            found = memo[subject] = text == own or text.startswith(below)
        return found

    blocks, used = owned_blocks(graph, owned)
    relations = tuple(sorted(_iris(s, p, o) for s, p, o in graph if not owned(s)))
    name, name_prefix = format_iri(graph, node)
    return DocumentPart(
        identifier=document.raw.identifier,
        path=document.raw.path,
        encoding=document.raw.encoding,
        stories=len(document.stories),
        warnings=document.warnings,
        entities=tuple(entities[key] for key in sorted(entities)),
        key=sort_key(node),
        name=name,
        blocks=tuple((sort_key(subject), block) for subject, block in blocks.items()),
        prefixes=tuple(sorted(used.items())),
        name_prefixes=tuple(sorted(name_prefix.items())),
        triples=len(graph) - len(relations),
        relations=relations,
        facts=part_facts(document, iris),
        figures=part_figures(document, iris),
    )


def part_facts(document: Document, iris: dict[str, URIRef]) -> ViewFacts:
    """The view's facts of ``document``, made from its records (the same facts
    :func:`~kg.graph.view.collect` reads from the document's triples: a test holds them
    equal) with entity IRIs ``iris``."""
    facts = ViewFacts()
    identifier = document.raw.identifier
    for mention in placed_mentions(document):
        entity = str(iris[mention.record.entity])
        facts.documents[entity].add(identifier)
        facts.add_sentence(entity, str(Literal(mention_sentence(mention))), str(mention.node))
    for placed in placed_measurements(document):
        figure = placed.record
        if figure.about in iris:
            text = figure_text(
                figure.indicator,
                str(value_literal(figure.value)),
                figure.unit,
                figure.approximate,
                str(year_literal(figure.date)) if figure.date else "",
            )
            facts.add_figure(str(iris[figure.about]), text, in_order(placed.node))
    for assertion in placed_relations(document):
        rel = assertion.record
        triple = (str(iris[rel.subject]), rel.predicate, str(iris[rel.object]))
        facts.evidence[triple].append(
            (
                str(assertion.node),
                {
                    "document": identifier,
                    "sentence": assertion_sentence(document, assertion),
                    "start": assertion.start,
                    "end": assertion.end,
                    "rule": rel.rule,
                    "confidence": float(confidence_literal(rel.confidence).toPython()),
                    "role": rel.role or "",
                },
            )
        )
        facts.edges.add(triple)
    return facts


def part_figures(document: Document, iris: dict[str, URIRef]) -> tuple[FigureRow, ...]:
    """The figure rows of ``document``, made from its records (the rows
    :func:`~kg.graph.figures.figure_rows` reads from its triples), in IRI order."""
    rows = [
        FigureRow(
            id=str(placed.node),
            value=str(value_literal(placed.record.value)),
            unit=placed.record.unit,
            approximate=placed.record.approximate,
            indicator=placed.record.indicator,
            about=str(iris[placed.record.about]) if placed.record.about in iris else "",
            programme=(
                str(iris[placed.record.programme]) if placed.record.programme in iris else ""
            ),
            date=str(year_literal(placed.record.date)) if placed.record.date else "",
            text=placed.record.text,
            document=document.raw.identifier,
            sentence=figure_sentence(placed),
            startOffset=placed.start,
            endOffset=placed.end,
            rule=placed.record.rule,
            confidence=float(str(confidence_literal(placed.record.confidence))),
        )
        for placed in placed_measurements(document)
    ]
    return tuple(sorted(rows, key=lambda row: row["id"]))


def _iris(*terms: Any) -> tuple[str, str, str]:
    """A relation triple as IRI strings (a document's only triples about other subjects)."""
    if not all(isinstance(term, URIRef) for term in terms):
        raise TypeError(f"a document's triple about another subject must be all IRIs: {terms}")
    s, p, o = terms
    return str(s), str(p), str(o)


class PartFormatError(ValueError):
    """Data that is not the JSON form of a document part."""


def part_to_json(part: DocumentPart) -> dict[str, Any]:
    """``part`` as JSON values (lists, not sets or tuples; sorted where unordered).

    >>> from kg.graph.view import ViewFacts
    >>> p = DocumentPart("a.txt", "a.txt", "utf-8", 1, (), (), "0k", "<k>", (), (), (), 3, (),
    ...                  ViewFacts())
    >>> part_from_json(part_to_json(p)) == p
    True
    """
    facts = part.facts
    return {
        "identifier": part.identifier,
        "path": part.path,
        "encoding": part.encoding,
        "stories": part.stories,
        "warnings": list(part.warnings),
        "entities": [_entity_to_json(e) for e in part.entities],
        "key": part.key,
        "name": part.name,
        "blocks": [list(b) for b in part.blocks],
        "prefixes": [list(p) for p in part.prefixes],
        "name_prefixes": [list(p) for p in part.name_prefixes],
        "triples": part.triples,
        "relations": [list(r) for r in part.relations],
        "facts": {
            "nodes": {iri: facts.nodes[iri] for iri in sorted(facts.nodes)},
            "documents": {e: sorted(d) for e, d in sorted(facts.documents.items())},
            "sentences": {e: dict(sorted(t.items())) for e, t in sorted(facts.sentences.items())},
            "figures": {e: dict(sorted(t.items())) for e, t in sorted(facts.figures.items())},
            "evidence": [
                [*triple, [[key, item] for key, item in items]]
                for triple, items in sorted(facts.evidence.items())
            ],
            "edges": sorted(list(edge) for edge in facts.edges),
        },
        "figures": [dict(row) for row in part.figures],
    }


def part_from_json(data: Any) -> DocumentPart:
    """The part ``data`` holds, checked value by value.

    Raises:
        PartFormatError: when any value is missing or of the wrong kind.
    """
    try:
        facts = _dict(data["facts"])
        view = ViewFacts()
        for iri, node in _dict(facts["nodes"]).items():
            view.nodes[_str(iri)] = _node(node)
        for entity, documents in _dict(facts["documents"]).items():
            view.documents[_str(entity)] = {_str(d) for d in _list(documents)}
        for entity, table in _dict(facts["sentences"]).items():
            view.sentences[_str(entity)] = {_str(s): _str(m) for s, m in _dict(table).items()}
        for entity, table in _dict(facts["figures"]).items():
            view.figures[_str(entity)] = {_str(f): _str(m) for f, m in _dict(table).items()}
        for row in _list(facts["evidence"]):
            s, p, o, items = _list(row, 4)
            view.evidence[_str(s), _str(p), _str(o)] = [
                (_str(key), _evidence(item)) for key, item in map(_pair, _list(items))
            ]
        view.edges = {_strings(edge, 3) for edge in _list(facts["edges"])}
        return DocumentPart(
            identifier=_str(data["identifier"]),
            path=_str(data["path"]),
            encoding=_str(data["encoding"]),
            stories=_int(data["stories"]),
            warnings=tuple(_str(w) for w in _list(data["warnings"])),
            entities=tuple(_entity(e) for e in _list(data["entities"])),
            key=_str(data["key"]),
            name=_str(data["name"]),
            blocks=tuple(_strings(b, 2) for b in _list(data["blocks"])),
            prefixes=tuple(_strings(p, 2) for p in _list(data["prefixes"])),
            name_prefixes=tuple(_strings(p, 2) for p in _list(data["name_prefixes"])),
            triples=_int(data["triples"]),
            relations=tuple(_strings(r, 3) for r in _list(data["relations"])),
            facts=view,
            figures=tuple(check_figure_row(dict(_dict(row))) for row in _list(data["figures"])),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise PartFormatError(f"not a document part: {error}") from error


_ENTITY_TEXT = ("key", "type", "subtype", "name", "code", "parent", "place")
_EVIDENCE_TEXT = ("document", "sentence", "rule", "role")
_NODE_TEXT = ("label", "type", "subtype", "code")


def _entity_to_json(entity: Entity) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(entity, name) for name in _ENTITY_TEXT}
    data["aliases"] = sorted(entity.aliases)
    data["reasons"] = sorted(entity.reasons)
    return data


def _entity(value: Any) -> Entity:
    data = _dict(value)
    text = {name: _str(data[name]) for name in _ENTITY_TEXT}
    aliases = {_str(a) for a in _list(data["aliases"])}
    reasons = {_str(r) for r in _list(data["reasons"])}
    return Entity(**text, aliases=aliases, reasons=reasons)


def _evidence(value: Any) -> dict[str, Any]:
    data = _dict(value)
    item: dict[str, Any] = {name: _str(data[name]) for name in _EVIDENCE_TEXT}
    item["start"], item["end"] = _int(data["start"]), _int(data["end"])
    confidence = data["confidence"]
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise TypeError("confidence must be a number")
    item["confidence"] = float(confidence)
    return {key: item[key] for key in data}  # the order it was made in


def _node(value: Any) -> dict[str, Any]:
    data = _dict(value)
    node: dict[str, Any] = {name: _str(data[name]) for name in _NODE_TEXT}
    node["aliases"] = [_str(a) for a in _list(data["aliases"])]
    return {key: node[key] for key in data}


def _dict(value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _list(value: Any, size: int | None = None) -> list[Any]:
    if not isinstance(value, list) or (size is not None and len(value) != size):
        raise TypeError(f"expected a list of {size or 'any number of'} values")
    return value


def _pair(value: Any) -> tuple[Any, Any]:
    first, second = _list(value, 2)
    return first, second


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"expected a count or offset, got {value!r}")
    return value


def _strings(value: Any, size: int) -> Any:
    return tuple(_str(v) for v in _list(value, size))
