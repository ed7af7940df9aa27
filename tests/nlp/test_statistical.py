"""The statistical recogniser (Baidu's LAC, batched) and what it proposes."""

from __future__ import annotations

import pytest

from kg.nlp.components.statistical import propose
from kg.nlp.lac import LacSpan, load_tagger
from kg.nlp.pipeline import load_pipeline

MIN = {"PER": 0.5, "ORG": 0.5, "LOC": 0.5}
SENTENCES = [
    "近日，市人大常委会副主任、市总工会主席刘吉功带队到河南平高电气股份有限公司调研。",
    "全国劳模王海军介绍了美团骑手入会情况",
    "延边州总工会女职工委员会联合长白山森工集团开展“两癌”筛查。",
    "好",
    "记者 董芳",
]


def test_a_batch_tags_each_sentence_as_it_would_alone() -> None:
    tagger = load_tagger()
    together = tagger.tag(SENTENCES)
    alone = [tagger.tag([s])[0] for s in SENTENCES]
    assert together == alone
    for sentence, spans in zip(SENTENCES, together, strict=True):
        assert "".join(s.text for s in spans) == sentence
        assert all(0.0 <= s.score <= 1.0 for s in spans)


def test_long_sentences_are_cut_and_offsets_kept() -> None:
    tagger = load_tagger(max_length=16)
    sentence = SENTENCES[0]
    spans = tagger.tag([sentence])[0]
    assert all(sentence[s.start : s.end] == s.text for s in spans)
    assert spans[-1].end == len(sentence)


def test_persons_and_organisations_it_finds() -> None:
    found = {
        (s.text, s.label)
        for s in load_tagger().tag(SENTENCES[:2])[0] + load_tagger().tag(SENTENCES[1:2])[0]
    }
    assert {("刘吉功", "PER"), ("河南平高电气股份有限公司", "ORG")} <= found


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (LacSpan(0, 3, "PER", 0.97, "王海军"), ("Person", "王海军")),
        (LacSpan(0, 2, "PER", 0.97, "小杨"), None),  # a nickname
        (LacSpan(0, 3, "PER", 0.97, "刘主席"), None),  # named only by title
        (LacSpan(0, 3, "PER", 0.30, "王海军"), None),  # below the threshold
        (LacSpan(0, 12, "ORG", 0.9, "河南平高电气股份有限公司"), ("Organization", "Enterprise")),
        (LacSpan(0, 4, "ORG", 0.9, "市总工会"), ("Organization", "TradeUnion")),
        (LacSpan(0, 3, "ORG", 0.9, "总工会"), None),  # no place, no name
        (LacSpan(0, 2, "ORG", 0.9, "聚力"), None),  # no organisation ending
        (LacSpan(0, 3, "LOC", 0.9, "石嘴山"), ("Place", "")),
        (LacSpan(0, 4, "LOC", 0.9, "会议中心"), None),  # not a place of the gazetteer
    ],
)
def test_what_it_proposes(span: LacSpan, expected: tuple[str, str] | None) -> None:
    found = list(propose([(10, span)], min_score=MIN))
    if expected is None:
        assert found == []
        return
    (cand,) = found
    assert (cand.start, cand.end) == (10, 10 + len(span.text))
    assert cand.type == expected[0]
    assert cand.rule == f"lac:{span.label}"
    assert cand.score == span.score
    if cand.type == "Person":
        assert cand.canonical == expected[1]
    elif cand.type == "Organization":
        assert cand.subtype == expected[1]


def test_organisation_analysis_for_the_resolver() -> None:
    (elliptic,) = propose([(0, LacSpan(0, 4, "ORG", 0.9, "市总工会"))], min_score=MIN)
    assert (elliptic.level, elliptic.body) == ("市", "总工会")
    (named,) = propose([(0, LacSpan(0, 6, "ORG", 0.9, "安康市总工会"))], min_score=MIN)
    assert (named.place, named.body) == ("安康市", "总工会")


def test_pipeline_adds_people_the_rules_do_not_know() -> None:
    doc = load_pipeline()("全国劳模、中国石油长庆油田公司高级技师王海军介绍经验。")
    people = [e.text for e in doc.ents if e.label_ == "Person"]
    assert people == ["王海军"]
