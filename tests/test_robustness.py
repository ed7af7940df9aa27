"""Any text at all goes through the whole pipeline without an error (property-based)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.corpus.prepare import prepare
from kg.graph.model import add_document, add_entities, add_mentions, add_relations, new_graph
from kg.linking.resolver import link_document
from kg.nlp.pipeline import load_pipeline
from kg.relations.rules import extract_relations
from kg.types import RawDocument

PIECES = [
    "安康市总工会",
    "市总",
    "省总工会",
    "全总",
    "开展",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "(",
    ")",
    "(chǎn)",
    "。",
    ",",
    "、",
    "\n",
    "\n\n",
    "本报讯(记者王强)",
    "等",
    "的",
    "主办",
    "成立",
    "学院",
    "有限公司",
    "工会",
    "活动",
    "?",
    "\ufffd",
    "<b>",
    "&amp;",
    " ",
    "该比赛",
    "由",
    "石嘴山",
    "朝阳",
    "自治区",
    "主席李晓英",
    "记者",
    "摄",
    "纳入",
    "四季送",
    "一函两书",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40))
def test_pipeline_never_fails(parts: list[str]) -> None:
    text = "".join(parts)
    raw = RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64)
    doc = prepare(raw)
    linked = link_document(doc, load_pipeline())
    doc = replace(doc, mentions=tuple(linked.mentions))
    doc = replace(doc, relations=tuple(extract_relations(doc, linked.entities)))
    graph = new_graph()
    iris = add_entities(graph, linked.entities)
    add_document(graph, doc)
    add_mentions(graph, doc, iris)
    add_relations(graph, doc, iris)
    for mention in doc.mentions:
        start, end = doc.clean.to_original(mention.start, mention.end)
        assert 0 <= start <= end <= len(text)
    for rel in doc.relations:
        assert rel.subject in linked.entities and rel.object in linked.entities
