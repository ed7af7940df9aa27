"""The offset map: clean spans point back to the original text they came from."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.corpus.clean import clean
from kg.corpus.resources import WIDTH_TABLE
from kg.corpus.simplify import to_simplified
from kg.text import AlignedText
from tests.helpers import cleaned, corpus_text

TRADITIONAL = "產業工會職工隊伍建設改革勞模學院總區縣陜寧安康市"
NOISE = ["(chǎn)", "(yè)", "<b>", "</b>", '<span style="display:none">廣告</span>', "&amp;", "\n\n"]


def _unchanged_runs(text: AlignedText) -> list[tuple[int, int]]:
    """Maximal clean spans whose characters map one-to-one onto consecutive originals."""
    runs = []
    i = 0
    while i < len(text):
        j = i
        while (
            j < len(text)
            and text.ends[j] - text.starts[j] == 1
            and (j == i or text.starts[j] == text.starts[j - 1] + 1)
        ):
            j += 1
        if j > i:
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _converts(original: str, clean_slice: str) -> bool:
    return to_simplified(original).translate(WIDTH_TABLE) == clean_slice


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(list(TRADITIONAL)), st.sampled_from(NOISE), st.just("。")),
        min_size=1,
        max_size=60,
    ),
    st.data(),
)
def test_unchanged_spans_convert_to_the_clean_slice(parts: list[str], data: st.DataObject) -> None:
    original = "".join(parts)
    text = clean(AlignedText.identity(original))
    for a, b in _unchanged_runs(text):
        s = data.draw(st.integers(a, b - 1))
        e = data.draw(st.integers(s + 1, b))
        o_start, o_end = text.to_original(s, e)
        assert _converts(original[o_start:o_end], text.text[s:e])


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=TRADITIONAL + "()<>/ab \n。", max_size=80))
def test_map_is_monotone_within_bounds(original: str) -> None:
    text = clean(AlignedText.identity(original))
    assert len(text.starts) == len(text.ends) == len(text.text)
    for start, end in zip(text.starts, text.ends, strict=True):
        assert 0 <= start <= end <= len(original)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_corpus_span_maps_back(prefix: str) -> None:
    original = corpus_text(prefix)
    text = cleaned(prefix)
    for a, b in _unchanged_runs(text):
        o_start, o_end = text.to_original(a, b)
        assert _converts(original[o_start:o_end], text.text[a:b])


def test_names_point_into_the_traditional_original() -> None:
    original = corpus_text("003")
    text = cleaned("003")
    for name in ("安康市总工会", "宁陕县", "一函两书"):
        start = text.text.index(name)
        o_start, o_end = text.to_original(start, start + len(name))
        assert to_simplified(original[o_start:o_end]) == name


def test_pinyin_inside_a_name_is_spanned() -> None:
    original = corpus_text("000")
    text = cleaned("000")
    start = text.text.index("中卫市总工会")
    o_start, o_end = text.to_original(start, start + 6)
    assert original[o_start:o_end] == "中衛(wèi)市總工會"


def test_sub_and_rebuild_track_replacements() -> None:
    text = AlignedText.identity("工会&amp;职工")
    out = text.sub(re.compile("&amp;"), "&")
    assert out.text == "工会&职工"
    assert out.to_original(2, 3) == (2, 7)
    assert out.to_original(3, 5) == (7, 9)
    assert out.to_original(5, 5) == (9, 9)
    with pytest.raises(IndexError):
        out.to_original(3, 99)
