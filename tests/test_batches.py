"""The per-document step run over batches of documents: the same parts as one at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import analyse, analyse_batch, batched
from kg.corpus.load import load_corpus
from kg.corpus.prepare import prepare
from kg.engines import ProcessEngine
from kg.graph.parts import DocumentPart
from kg.linking.resolver import recognise
from kg.nlp.candidates import candidates_of
from kg.nlp.pipeline import DEFAULT_CONFIG, load_pipeline
from kg.types import RawDocument, Skipped
from tests.helpers import CORPUS


def _raws() -> list[RawDocument]:
    return [item for item in load_corpus(CORPUS) if isinstance(item, RawDocument)]


def test_the_recogniser_finds_in_a_batch_of_documents_what_it_finds_in_each_alone() -> None:
    nlp = load_pipeline()
    documents = [prepare(raw) for raw in _raws()]
    together = recognise(documents, nlp)
    assert sum(len(stories) for stories in together) == sum(len(d.stories) for d in documents)
    for document, stories in zip(documents, together, strict=True):
        (alone,) = recognise([document], nlp)
        found = [
            [(c.start, c.end, c.type, c.rule, c.score) for c in candidates_of(d)] for d in stories
        ]
        assert found == [
            [(c.start, c.end, c.type, c.rule, c.score) for c in candidates_of(d)] for d in alone
        ]
        assert any(c.rule.startswith("lac:") for d in stories for c in candidates_of(d))


def test_a_batch_makes_the_parts_each_document_makes_alone() -> None:
    raws = _raws()
    tasks = [(raw, DEFAULT_CONFIG) for raw in raws]
    parts = analyse_batch(tasks)
    assert all(isinstance(part, DocumentPart) for part in parts)
    assert parts == [analyse(task) for task in tasks]
    assert sum(len(part.blocks) for part in parts if isinstance(part, DocumentPart)) > 500


def _tenfold(batch: list[int]) -> list[int]:
    """Kills its own worker for a batch holding 3, as the out-of-memory killer would."""
    if 3 in batch:
        import os
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
    return [10 * item for item in batch]


@pytest.mark.reliability
def test_a_batch_whose_worker_dies_costs_only_the_item_that_kills_it() -> None:
    engine = ProcessEngine(2, min_items=0)
    try:
        found = list(
            engine.map_batches(_tenfold, [[0, 1], [2, 3, 4], [5]], lost=lambda item, why: -item)
        )
    finally:
        engine.close()
    assert found == [[0, 10], [20, -3, 40], [50]]


def test_batches_are_bounded_by_documents_and_characters() -> None:
    raws = _raws()
    tasks = [(raw, DEFAULT_CONFIG) for raw in raws]
    assert [len(b) for b in batched(tasks, documents=2)] == [2, 2, 1]
    longest = max(len(raw.text) for raw in raws)
    assert all(len(b) == 1 for b in batched(tasks, chars=longest // 10))
    assert not isinstance(batched(iter(tasks)), list)


def test_a_document_past_its_limits_in_a_batch_is_skipped_alone() -> None:
    from kg.build import DocumentLimits

    raws = sorted(_raws()[:3], key=lambda raw: len(prepare(raw).clean.text))
    limits = DocumentLimits(chars=len(prepare(raws[1]).clean.text))
    found = analyse_batch([(raw, DEFAULT_CONFIG, limits) for raw in raws])
    assert [type(item) for item in found] == [DocumentPart, DocumentPart, Skipped]
    assert getattr(found[2], "code", None) == "E119"
    assert found[0] == analyse((raws[0], DEFAULT_CONFIG))


@pytest.mark.slow
def test_the_slow_path_builds_the_same_bytes(
    tmp_path: Path, corpus_build: tuple[object, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One document at a time and numpy's decode (no compiled library): the same exports
    as the default build (batches, the compiled decode)."""
    from kg import build as build_module
    from kg.nlp import lac_decode
    from tests.test_engines import _same_exports

    monkeypatch.setattr(lac_decode, "compiled_decoder", lambda: None)
    _result, fast = corpus_build
    build_module.build(CORPUS, tmp_path, batch=1)
    _same_exports(fast, tmp_path)
