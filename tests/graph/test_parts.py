"""A worker makes a document's view facts and figure rows from its records, not by reading
its own triples back: the two must agree, fact for fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import analyse_document
from kg.corpus.load import load_file
from kg.graph.figures import figure_rows
from kg.graph.model import (
    add_document,
    add_measurements,
    add_mentions,
    add_relations,
    entity_iri,
    new_graph,
)
from kg.graph.parts import part_facts, part_figures
from kg.graph.view import collect
from kg.types import RawDocument
from tests.helpers import CORPUS, ROOT

_DEVSET = ROOT / "tests" / "devset" / "texts"


def _documents() -> list[Path]:
    found = sorted(CORPUS.glob("*.txt"))
    return found + sorted(_DEVSET.glob("*.txt"))[:40]  # the development texts when restored


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.stem)
def test_facts_and_figures_from_records_are_those_of_the_triples(path: Path) -> None:
    raw = next(d for d in load_file(path, path.parent) if isinstance(d, RawDocument))
    document, linked = analyse_document(raw)
    iris = {key: entity_iri(entity) for key, entity in linked.entities.items()}
    graph = new_graph()
    add_document(graph, document)
    add_mentions(graph, document, iris)
    add_relations(graph, document, iris)
    add_measurements(graph, document, iris)
    from_records, from_triples = part_facts(document, iris), collect(graph)
    assert dict(from_records.documents) == dict(from_triples.documents)
    assert dict(from_records.sentences) == dict(from_triples.sentences)
    assert dict(from_records.figures) == dict(from_triples.figures)
    assert from_records.edges == from_triples.edges
    assert {t: sorted(e, key=lambda i: i[0]) for t, e in from_records.evidence.items()} == {
        t: sorted(e, key=lambda i: i[0]) for t, e in from_triples.evidence.items()
    }
    assert list(part_figures(document, iris)) == figure_rows(graph)
    assert from_triples.evidence or from_triples.sentences  # the document says something
