"""The same article in traditional script with bracketed pinyin gives the same entities.

Half of real input is traditional with pinyin artefacts; this turns the simplified seeds
into such text (OpenCC s2t, then a pinyin reading after about a third of the characters)
and checks that recognition and resolution do not notice.
"""

from __future__ import annotations

import random

import opencc
import pytest

from kg.corpus.prepare import prepare
from kg.linking.resolver import link_document
from kg.nlp.pipeline import load_pipeline
from kg.types import RawDocument
from tests.helpers import corpus_text

SYLLABLES = ["chǎn", "yè", "shè", "gōng", "huì", "zhí", "dǎng", "rén", "mín", "xiàn"]


def traditional_with_pinyin(text: str, seed: int = 0) -> str:
    rnd = random.Random(seed)
    out = []
    for ch in opencc.OpenCC("s2t").convert(text):
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff" and rnd.random() < 0.3:
            out.append(f"({rnd.choice(SYLLABLES)})")
    return "".join(out)


def entities(text: str) -> set[tuple[str, str]]:
    raw = RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64)
    linked = link_document(prepare(raw), load_pipeline())
    return {(e.type, e.name) for e in linked.entities.values()}


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_script_and_pinyin_do_not_change_entities(prefix: str) -> None:
    text = corpus_text(prefix)
    assert entities(traditional_with_pinyin(text)) == entities(text)
