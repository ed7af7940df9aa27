"""Organisation names found back from their ending (measured, not shipped): what is read
and what the component adds with a model trained on the gold."""

from __future__ import annotations

from pathlib import Path

from kg.learn.model import BoostedClassifier
from kg.nlp.candidates import candidates_of
from kg.nlp.components.learned import RULE
from kg.nlp.endings import ENDED_FEATURES, ended_names, ended_row
from kg.nlp.pipeline import load_pipeline
from kg.nlp.story import Story, story_of

ROOT = Path(__file__).resolve().parents[2]


def _rules(text: str) -> Story:
    nlp = load_pipeline(span_model=None, programme_model=None, organisation_model=None)
    return story_of(nlp(text))


def _names(story: Story) -> list[list[str]]:
    return [[story.text[n.start : n.end] for n in names] for names in ended_names(story)]


def test_only_endings_no_organisation_candidate_covers_are_read() -> None:
    # 安康市总工会 is the rules'; 长庆油田公司 is LAC's but its 工会 is no one's
    story = _rules("安康市总工会组织长庆油田公司工会,二连出入境边防检查站民警参加。")
    union = ["工会", "公司工会", "长庆油田公司工会", "组织长庆油田公司工会"]
    union += ["总工会组织长庆油田公司工会", "安康市总工会组织长庆油田公司工会"]
    assert _names(story) == [
        union,
        ["检查站", "边防检查站", "出入境边防检查站", "二连出入境边防检查站"],
    ]


def test_a_name_begins_at_a_word_and_never_before_a_break_or_its_reach() -> None:
    story = _rules("据悉,“中国铁路北京局”与" + "很" * 40 + "站合作。")
    first, second = ended_names(story)
    assert [story.text[n.start : n.end] for n in first] == [
        "北京局",
        "铁路北京局",
        "中国铁路北京局",
    ]
    assert first[-1].leftmost and not first[0].leftmost and first[0].choices == 3
    assert max(n.end - n.start for n in second) == 30 and second[-1].leftmost


def test_the_features_read_the_name_and_its_neighbours() -> None:
    story = _rules("安康市总工会组织长庆油田公司工会,二连出入境边防检查站民警参加。")
    union, station = ended_names(story)
    widest = dict(zip(ENDED_FEATURES, ended_row(union[-1], story), strict=True))
    assert widest["length"] == 16.0 and widest["trade_union"] == 1.0
    assert widest["organisation_begins"] == 1.0 and widest["place_begins"] == 1.0
    assert widest["leftmost"] == 1.0 and widest["break_before"] == 1.0
    assert widest["endings_inside"] == 3.0  # 总工会, 公司, 工会 before its own
    named = dict(zip(ENDED_FEATURES, ended_row(station[-1], story), strict=True))
    assert named["institution"] == 1.0 and named["rank"] == 3.0 and named["choices"] == 4.0
    assert named["break_before"] == 1.0 and named["break_after"] == 0.0
    assert named["organisation_share"] == 0.0 and named["endings_inside"] == 0.0


def test_a_model_trained_on_gold_names_puts_them_among_the_candidates(tmp_path: Path) -> None:
    taught = {
        "长庆油田公司工会组织职工参加比赛。": "长庆油田公司工会",
        "二连出入境边防检查站民警参加活动。": "二连出入境边防检查站",
        "他们来到中国铁路北京局调研。": "中国铁路北京局",
        "酒钢集团工会开展慰问。": "酒钢集团工会",
    }
    rows, labels = [], []
    for text, gold in taught.items():
        story = _rules(text)
        for names in ended_names(story):
            for name in names:
                rows.append(ended_row(name, story))
                labels.append(int(story.text[name.start : name.end] == gold))
    model = BoostedClassifier(rounds=30, leaves=4, min_leaf=1).fit(
        rows * 5, labels * 5, ENDED_FEATURES
    )
    path = tmp_path / "organisations.lgb"
    model.save(path)
    nlp = load_pipeline(span_model=None, programme_model=None, organisation_model=path)
    assert "kg_learned_organisations" in nlp.pipe_names
    text = "大庆油田公司工会组织职工参加比赛。"
    found = [c for c in candidates_of(nlp(text)) if c.rule == RULE]
    assert [(text[c.start : c.end], c.type, c.subtype) for c in found] == [
        ("大庆油田公司工会", "Organization", "TradeUnion")
    ]
    assert found[0].score is not None and found[0].score >= 0.5
