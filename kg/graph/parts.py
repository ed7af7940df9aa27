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

from rdflib import URIRef
from rdflib.term import Node

from kg.graph.model import add_document, add_mentions, add_relations, entity_iri, new_graph
from kg.graph.rdfwriter import format_iri, owned_blocks, sort_key
from kg.graph.view import ViewFacts, collect
from kg.types import Document, Entity

__all__ = ["DocumentPart", "document_part"]


@dataclass(frozen=True)
class DocumentPart:
    """What one document adds to the graph (picklable: strings, numbers, records).

    ``blocks``: ``(sort key, Turtle block)`` of each subject the document owns, in
    writing order; ``name``: the document's IRI as TriG writes its graph's name;
    ``prefixes``: the prefixes the blocks use, ``name_prefixes`` those the name uses (TriG
    only); ``triples``: how many distinct
    triples the blocks hold; ``relations``: the relation triples (entity IRIs), which live
    in the entities' blocks.
    """

    identifier: str
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


def document_part(document: Document, entities: dict[str, Entity]) -> DocumentPart:
    """The part of the graph ``document`` makes, with its linked ``entities``."""
    graph = new_graph()
    iris = {key: entity_iri(entity) for key, entity in entities.items()}
    node = add_document(graph, document)
    add_mentions(graph, document, iris)
    add_relations(graph, document, iris)
    own = str(node)
    below = own + "/"

    def owned(subject: Node) -> bool:
        text = str(subject)
        return text == own or text.startswith(below)

    blocks, used = owned_blocks(graph, owned)
    relations = tuple(sorted(_iris(s, p, o) for s, p, o in graph if not owned(s)))
    name, name_prefix = format_iri(graph, node)
    return DocumentPart(
        identifier=document.raw.identifier,
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
        facts=collect(graph),
    )


def _iris(*terms: Any) -> tuple[str, str, str]:
    """A relation triple as IRI strings (a document's only triples about other subjects)."""
    if not all(isinstance(term, URIRef) for term in terms):
        raise TypeError(f"a document's triple about another subject must be all IRIs: {terms}")
    s, p, o = terms
    return str(s), str(p), str(o)
