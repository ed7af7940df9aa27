"""The learned layer's models: trained deterministically, saved and read back as data,
refused when made for other features."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.learn.model import BoostedClassifier
from kg.learn.spans import SpanTagger, char_features, project, spans_of


def _data(seed: int = 3) -> tuple[list[list[float]], list[int]]:
    chance = random.Random(seed)
    rows = [[chance.random(), chance.random()] for _ in range(400)]
    return rows, [int(a + 0.3 * b > 0.6) for a, b in rows]


def test_training_is_deterministic_and_learns(tmp_path: Path) -> None:
    rows, labels = _data()
    one = BoostedClassifier(rounds=50).fit(rows, labels, ["a", "b"])
    two = BoostedClassifier(rounds=50).fit(rows, labels, ["a", "b"])
    one.save(tmp_path / "one.lgb")
    two.save(tmp_path / "two.lgb")
    assert (tmp_path / "one.lgb").read_bytes() == (tmp_path / "two.lgb").read_bytes()
    predicted = one.predict_proba([[0.9, 0.9], [0.1, 0.1]])
    assert predicted[0] > 0.8 and predicted[1] < 0.2


def test_a_saved_model_answers_the_same_and_records_its_training(tmp_path: Path) -> None:
    rows, labels = _data()
    model = BoostedClassifier(rounds=30).fit(rows, labels, ["a", "b"])
    model.record.trained_on, model.record.folds = ["hA1"], ["0"]
    model.save(tmp_path / "m.lgb")
    again = BoostedClassifier.load(tmp_path / "m.lgb", features=["a", "b"])
    assert again.predict_proba(rows[:20]) == model.predict_proba(rows[:20])
    assert again.record.trained_on == ["hA1"] and again.record.features == ["a", "b"]


def test_a_model_for_other_features_or_a_broken_file_is_a_coded_error(tmp_path: Path) -> None:
    rows, labels = _data()
    BoostedClassifier(rounds=5).fit(rows, labels, ["a", "b"]).save(tmp_path / "m.lgb")
    with pytest.raises(KGError) as other:
        BoostedClassifier.load(tmp_path / "m.lgb", features=["a", "c"])
    assert other.value.code == "E191"
    (tmp_path / "m.lgb").write_text("not a model", encoding="utf-8")
    with pytest.raises(KGError) as broken:
        BoostedClassifier.load(tmp_path / "m.lgb", features=["a", "b"])
    assert broken.value.code == "E190"


def test_the_span_tagger_learns_projected_gold(tmp_path: Path) -> None:
    texts = [f"{c}市总工会开展一函两书工作。" for c in "甲乙丙丁戊己庚辛壬癸"] * 3
    mentions = [("Program", "一函两书")]
    sequences = [(char_features(t, {}, [(0, len(t))]), project(t, mentions)) for t in texts]
    tagger = SpanTagger(iterations=50).fit(sequences, tmp_path / "spans.crfsuite")
    tagger.save_record()
    loaded = SpanTagger.load(tmp_path / "spans.crfsuite")
    text = "子市总工会开展一函两书工作。"
    found = spans_of(loaded.predict(char_features(text, {}, [(0, len(text))])))
    assert (7, 11, "Program") in found
