"""The shipped decision over quoted phrases: what it reads, what it records, what it adds."""

from __future__ import annotations

import json
from pathlib import Path

from kg.learn.model import BoostedClassifier
from kg.nlp.candidates import candidates_of
from kg.nlp.components.learned import DEFAULT_PROGRAMME_MODEL
from kg.nlp.pipeline import load_pipeline
from kg.nlp.quotes import QUOTE_FEATURES, quote_row, quoted_names
from kg.nlp.story import Story, story_of

ROOT = Path(__file__).resolve().parents[2]


def _rules(text: str) -> Story:
    nlp = load_pipeline(span_model=None, programme_model=None, organisation_model=None)
    return story_of(nlp(text))


def test_only_quotes_no_rule_took_as_a_programme_are_read() -> None:
    # “区域化+网格化”工作机制 is the rules' (quote and head); the slogan is left to the model
    story = _rules("实行“区域化+网格化”工作机制,坚持“职工利益无小事”的理念。")
    assert [q.text for q in quoted_names(story)] == ["职工利益无小事"]


def test_mismatched_or_overlong_quotes_are_not_phrases() -> None:
    story = _rules("他说“送温暖」到家,还有“" + "很" * 40 + "”。")
    assert quoted_names(story) == []


def test_the_features_read_the_words_around_a_quote() -> None:
    text = "市总工会深入开展“十件实事”活动,“十件实事”惠及职工;会议提出“职工利益无小事”。"
    story = _rules(text)
    quotes = quoted_names(story)  # the first 十件实事 is the rules' (开展 carries it out)
    assert [(text[q.start - 3 : q.start - 1], q.text) for q in quotes] == [
        ("动,", "十件实事"),
        ("提出", "职工利益无小事"),
    ]
    second, third = (dict(zip(QUOTE_FEATURES, quote_row(q, story), strict=True)) for q in quotes)
    assert second["times_written"] == 2.0 and second["times_unquoted"] == 0.0
    assert second["carried_out"] == 0.0 and second["punctuation_after"] == 0.0
    assert third["punctuation_after"] == 1.0 and third["length"] == 7.0
    assert third["words"] >= 2.0 and third["organisation_inside"] == 0.0


def test_the_shipped_model_records_the_gold_it_was_trained_on() -> None:
    record = json.loads(Path(f"{DEFAULT_PROGRAMME_MODEL}.json").read_text(encoding="utf-8"))
    assert record["features"] == list(QUOTE_FEATURES)
    sources = (ROOT / "tests" / "devset" / "sources.tsv").read_text(encoding="utf-8")
    ids = {line.split("\t", 1)[0] for line in sources.splitlines()[1:] if line}
    assert len(record["trained_on"]) >= 250 and set(record["trained_on"]) <= ids
    assert record["folds"] == ["0", "1", "2", "3", "4"]
    BoostedClassifier.load(DEFAULT_PROGRAMME_MODEL, features=QUOTE_FEATURES)


def test_the_shipped_pipeline_proposes_what_the_model_accepts() -> None:
    text = "各地工会开展“金秋助学”“送教下基层”活动。会议提出“职工利益无小事”。"
    rules = {(c.start, c.end) for c in _rules(text).candidates}
    learned = [c for c in candidates_of(load_pipeline()(text)) if c.rule == "learned:quoted"]
    assert learned, "the model accepts none of the quotes"
    assert all((c.start, c.end) not in rules and c.type == "Program" for c in learned)
    assert all(c.score is not None and c.score >= 0.5 for c in learned)
    model = BoostedClassifier.load(DEFAULT_PROGRAMME_MODEL, features=QUOTE_FEATURES)
    story = _rules(text)
    quotes = quoted_names(story)
    scores = model.predict_proba([quote_row(q, story) for q in quotes])
    accepted = [
        (q.start, q.end) for q, p in zip(quotes, scores, strict=True) if p >= model.record.threshold
    ]
    assert [(c.start, c.end) for c in learned] == accepted
