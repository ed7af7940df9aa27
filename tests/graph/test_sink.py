"""A streamed build writes what one rdflib graph of the same corpus would, byte for byte."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from kg.build import BuildResult, CorpusAnalysis, analyse_corpus, stream_graph
from kg.graph import sink
from kg.graph.built import MemoryGraph, document_owner
from kg.graph.rdfwriter import trig, turtle
from kg.graph.view import SENTENCES_PER_ENTITY, ViewFacts, entity_view
from tests.helpers import CORPUS


@pytest.fixture(scope="module")
def analysis() -> CorpusAnalysis:
    return analyse_corpus(CORPUS)


def _streamed(folder: Path) -> BuildResult:
    return stream_graph(CORPUS, folder)


def _views_equal(one: object, other: object) -> None:
    assert list(one.nodes(data=True)) == list(other.nodes(data=True))  # type: ignore[attr-defined]
    assert list(one.edges(keys=True, data=True)) == list(other.edges(keys=True, data=True))  # type: ignore[attr-defined]


def test_streamed_turtle_and_trig_are_the_bytes_of_one_graph(
    analysis: CorpusAnalysis, tmp_path: Path
) -> None:
    graph = analysis.graph()
    streamed = _streamed(tmp_path / "spill").built
    assert "".join(streamed.turtle_chunks()) == turtle(graph)
    assert "".join(streamed.trig_chunks()) == trig(graph, document_owner(graph))
    assert len(streamed) == len(graph)
    assert streamed.counts() == MemoryGraph(graph).counts()
    _views_equal(streamed.view(), entity_view(graph))
    figures = list(streamed.figures())
    assert figures == list(MemoryGraph(graph).figures()) and len(figures) > 200


def test_entities_formatted_in_small_batches_give_the_same_bytes(
    analysis: CorpusAnalysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sink, "ENTITY_BATCH", 7)  # many batches, places and groups split
    streamed = _streamed(tmp_path / "spill").built
    assert "".join(streamed.turtle_chunks()) == turtle(analysis.graph())


def test_the_spill_folder_is_removed_by_a_build(tmp_path: Path) -> None:
    from kg.build import build

    result = build(CORPUS, tmp_path / "out", formats=("turtle",))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "graph.ttl",
        "ontology.ttl",
        "report.json",
    ]
    # the result still reads as an rdflib graph (parsed from the graph.ttl it wrote)
    assert isomorphic(result.graph, analyse_corpus(CORPUS).graph())


def test_merged_sentence_tables_keep_the_first_sentences_in_mention_order() -> None:
    rng = random.Random(7)
    mentions = [(f"m{n:04d}", f"sentence {rng.randrange(60)}") for n in range(400)]
    first: list[str] = []
    for _mention, sentence in sorted(mentions):
        if sentence not in first:
            first.append(sentence)
    rng.shuffle(mentions)
    # the mentions arrive in any order, split over documents, and are merged
    total = ViewFacts()
    for start in range(0, len(mentions), 37):
        part = ViewFacts()
        for mention, sentence in mentions[start : start + 37]:
            part.add_sentence("e", sentence, mention)
        total.merge(part)
    table = total.sentences["e"]
    kept = sorted(table, key=table.__getitem__)[:SENTENCES_PER_ENTITY]
    assert kept == first[:SENTENCES_PER_ENTITY]
    assert len(table) < 60  # bounded, not every sentence
