"""locatedIn from names and the gazetteer (entities given)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.corpus.prepare import prepare
from kg.linking.resolver import link_document
from kg.nlp.pipeline import load_pipeline
from kg.relations.base import DocumentView
from kg.relations.place import named_places
from kg.types import RawDocument
from tests.relations.helpers import given

UNION = "Organization/TradeUnion"
FIRM = "Organization/Enterprise"


def located(text: str, entities: dict[str, str]) -> set[tuple[str, ...]]:
    return {r for r in given(text, entities) if r[1] == "locatedIn"}


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # a town's union in its town, the town in its district
            "望春街道工会主席姚利桥排摸海曙区望春街道的企业。",
            {"海曙区": "Place", "望春街道": "Place", "望春街道工会": UNION},
            {("望春街道工会", "locatedIn", "望春街道"), ("望春街道", "locatedIn", "海曙区")},
        ),
        (  # a place inside a company's name, when the article names it
            "调研组来到大同市的中车大同电力机车有限公司。",
            {"大同市": "Place", "中车大同电力机车有限公司": FIRM},
            {("中车大同电力机车有限公司", "locatedIn", "大同市")},
        ),
        (
            "太原市成立快递行业工会联合会,中国邮政速递物流股份有限公司太原分公司参加。",
            {"太原市": "Place", "中国邮政速递物流股份有限公司太原分公司": FIRM},
            {("中国邮政速递物流股份有限公司太原分公司", "locatedIn", "太原市")},
        ),
        (  # inside a name, a place the article does not name is part of a word
            "“爱心妈咪小屋”在上海市的东方商厦落地。",
            {"上海市": "Place", "东方商厦": FIRM},
            set(),
        ),
    ],
)
def test_located_in(text: str, entities: dict[str, str], expected: set[tuple[str, ...]]) -> None:
    assert located(text, entities) == expected


def test_the_place_the_linker_built_a_name_on() -> None:
    """省公安厅 in a 云南 story is 云南省's: the relation reads the linker's place, not the
    name again (云南省 + 公安 would be 公安县)."""
    text = "云南省总工会主席王树芬,省公安厅厅长任军号参加。"
    doc = prepare(RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64))
    linked = link_document(doc, load_pipeline())
    (entity,) = [e for e in linked.entities.values() if e.name == "云南省公安厅"]
    assert entity.place == "530000"
    view = DocumentView.read(replace(doc, mentions=tuple(linked.mentions)), linked.entities)
    assert named_places(view)[entity.key].name == "云南省"
