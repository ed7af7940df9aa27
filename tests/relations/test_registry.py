"""The registry of relation rules and the lexicons they read."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.relations.registry import get_rule, rule_names
from kg.relations.rules import DEFAULT_RULES
from kg.vocab.lexicon import relation_cues as cues
from kg.vocab.lexicon import relation_triggers as triggers
from tests.relations.helpers import given


def test_every_default_rule_is_registered() -> None:
    assert set(DEFAULT_RULES) <= set(rule_names())
    assert {get_rule(name).scope for name in DEFAULT_RULES} == {"sentence", "document"}


def test_a_missing_rule_names_the_known_ones() -> None:
    with pytest.raises(KGError, match=r"\[E150\] No relation rule named 'posts:title'.*titles"):
        get_rule("posts:title")


def test_only_the_chosen_rules_run() -> None:
    text = "省总工会主席李晓英出席。"
    entities = {"陕西省总工会=省总工会": "Organization/TradeUnion", "李晓英": "Person"}
    assert given(text, entities) == {("李晓英", "holdsPost", "陕西省总工会", "主席")}
    assert given(text, entities, rules=["place:name"]) == set()


def test_cue_words_are_data() -> None:
    kinds = cues()
    assert {"event-head", "not-subject", "coordination"} <= set(kinds)
    assert "依托" in kinds["not-subject"] and "大赛" in kinds["event-head"]
    assert all(0 < t.confidence <= 1 for t in triggers())
