"""Named contests and event series on sentences written like union news."""

from __future__ import annotations

import pytest

from kg.nlp.events import find_events
from kg.nlp.pipeline import load_pipeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "广东省深圳市第十二届职工技术创新运动会暨2022年深圳技能大赛和"
            "2022年深圳市重点工程劳动竞赛启动仪式在南山区举行",
            ["深圳市职工技术创新运动会", "深圳技能大赛", "深圳市重点工程劳动竞赛"],
        ),
        ("在第六届苏州技能状元大赛中,张惠艳被授予称号", ["苏州技能状元大赛"]),
        ("市总工会承办陕西省茶艺技能大赛,举办手工制茶等行业竞赛", ["陕西省茶艺技能大赛"]),
        ("组织开展银河杯职工羽毛球比赛", ["银河杯职工羽毛球比赛"]),
        # without a place or a cup the words before the head are generic
        ("开展劳动和技能竞赛146场,57名职工在省级以上技能大赛中斩获佳绩", []),
        ("本届大赛面向全市各行各业职工,全市职工技能大赛同步启动", []),
        ("举办“公铁杯”篮球友谊联赛、乒乓球比赛", []),  # 友谊 is not the place 友谊县 here
    ],
)
def test_named_contests(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_events(text)] == expected


def test_the_place_of_a_contest_stays_a_mention() -> None:
    doc = load_pipeline()("深圳市重点工程劳动竞赛启动")
    chosen = {(doc.text[c.start : c.end], c.type) for c in doc.user_data["kg_entities"]}
    assert {("深圳市重点工程劳动竞赛", "Program"), ("深圳市", "Place")} <= chosen
