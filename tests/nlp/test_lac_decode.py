"""LAC's CRF decode: compiled at install, exact against numpy's, blind to the batch."""

from __future__ import annotations

import os
import re
import shutil
from functools import cache

import numpy as np
import pytest

from kg.corpus.load import load_corpus
from kg.corpus.prepare import prepare
from kg.nlp.lac import LacTagger, load_tagger
from kg.nlp.lac_decode import compiled_decoder, decode
from kg.types import RawDocument
from tests.helpers import CORPUS


@cache
def corpus_sentences() -> tuple[str, ...]:
    """Every sentence of the stories of corpus/ (cut at 。！？ and line ends)."""
    found: list[str] = []
    for item in load_corpus(CORPUS):
        if isinstance(item, RawDocument):
            document = prepare(item)
            for story in document.stories:
                text = document.clean.text[story.start : story.end]
                found += [s for s in re.split(r"(?<=[。！？\n])", text) if s.strip()]
    return tuple(found)


def test_the_install_compiled_the_decode() -> None:
    if not (os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler here: the install left the decode to numpy (same results)")
    assert compiled_decoder() is not None, "pip install -e . compiles kg/nlp/lac_decode.c"


def test_the_compiled_decode_equals_numpys_bit_for_bit_on_real_sentences() -> None:
    tagger = load_tagger()
    sentences = sorted(corpus_sentences(), key=len)
    assert len(sentences) > 200
    for start in range(0, len(sentences), 64):
        batch = [s[: tagger.max_length] for s in sentences[start : start + 64]]
        lengths = np.array([len(s) for s in batch])
        ids = np.zeros((len(batch), lengths.max()), dtype=np.int64)
        for row, sentence in enumerate(batch):
            ids[row, : len(sentence)] = tagger._ids(sentence)
        emissions = tagger._session.run(None, {"token_ids": ids, "length": lengths})[0]
        fast = decode(emissions, lengths, tagger._transitions)
        slow = decode(emissions, lengths, tagger._transitions, compiled=False)
        for row, length in enumerate(lengths):
            assert np.array_equal(fast[0][row, :length], slow[0][row, :length])
            assert np.array_equal(fast[1][row, :length], slow[1][row, :length])
        assert np.all((slow[1] > 0) & (slow[1] <= 1 + 1e-12))


@pytest.mark.parametrize("compiled", [True, False])
def test_a_sentence_is_tagged_the_same_in_any_batch(compiled: bool) -> None:
    tagger = LacTagger(compiled=compiled)
    sentences = list(corpus_sentences())
    together = tagger.tag(sentences)
    alone = [tagger.tag([s])[0] for s in sentences]
    assert together == alone
    assert sum(len(spans) for spans in together) > 5000


def test_ids_are_the_models_vocabulary_after_its_width_table() -> None:
    tagger = load_tagger()
    text = "".join(corpus_sentences()) + "ＡＢＣ１２３，。！" + chr(0xD800) + "\U0001f600"
    expected = [tagger._vocab.get(tagger._q2b.get(c, c), tagger._oov) for c in text]
    assert tagger._ids(text).tolist() == expected
    assert len(set(expected)) > 500


def test_asking_for_some_labels_gives_those_spans_unchanged() -> None:
    tagger = load_tagger()
    sentences = list(corpus_sentences())
    every = tagger.tag(sentences)
    some = tagger.tag(sentences, labels={"PER", "ORG"})
    assert some == [[s for s in spans if s.label in {"PER", "ORG"}] for spans in every]
    assert sum(map(len, some)) > 100
