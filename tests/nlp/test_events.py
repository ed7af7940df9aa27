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
        # 友谊 is not the place 友谊县 here: the cup names the contest
        ("举办“公铁杯”篮球友谊联赛、乒乓球比赛", ["公铁杯篮球友谊联赛"]),
    ],
)
def test_named_contests(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_events(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place or level and a cup or quoted theme, quoted or not: the place is in the name
        (
            "近日,全国“安康杯”职工安全应急技能知识竞赛活动落下帷幕",
            ["全国安康杯职工安全应急技能知识竞赛"],
        ),
        ("5月16日,江西省“天工杯”劳动和技能竞赛启动仪式举办。", ["江西省天工杯劳动和技能竞赛"]),
        ("8月28日,辽宁省首届“先锋杯”职工乒乓球比赛在鞍山开幕", ["辽宁省先锋杯职工乒乓球比赛"]),
        (
            "主办的第八届平度市职工“安全健康伴我行”安全知识大赛决赛",
            ["平度市职工安全健康伴我行安全知识大赛"],
        ),
        (
            "首届青海省“清洁能源杯”职工羽毛球混合团体赛顺利举行",
            ["青海省清洁能源杯职工羽毛球混合团体赛"],
        ),
        ("已被纳入新疆“10+N”劳动和技能竞赛。", ["新疆10+N劳动和技能竞赛"]),
        ("我省参加全国高校青年教师教学竞赛。", ["全国高校青年教师教学竞赛"]),
        # a slogan before the place is the theme, not the name
        ("举办了“红色经典润年华·工铸同心向未来”敦化市职工诵读比赛", ["敦化市职工诵读比赛"]),
        # a contest's item is no contest
        ("也是新疆石油石化领域重点竞赛项目", []),
        # a list of sectors' contests, some leaving the head to the last item
        (
            "包括“长江大保护”职工职业技能、中医药行业职工职业技能暨第四届全国中药传统名堂"
            "职业技能竞赛江西赛区选拔赛、机械冶金行业职工职业技能竞赛。",
            [
                "全国中药传统名堂职业技能竞赛",
                "机械冶金行业职工职业技能竞赛",
                "长江大保护职工职业技能竞赛",
                "中医药行业职工职业技能竞赛",
            ],
        ),
    ],
)
def test_contests_by_place_level_sector_and_cup(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_events(text)] == expected


def test_the_province_of_the_story_opens_a_contest_of_the_whole_province() -> None:
    found = find_events("全省职工技术技能大赛已连续举办了15届", {"省": "云南省"})
    assert [c.canonical for c in found] == ["云南省职工技术技能大赛"]
    assert list(find_events("全省职工技术技能大赛已连续举办了15届")) == []


def test_the_place_of_a_contest_stays_a_mention() -> None:
    doc = load_pipeline()("深圳市重点工程劳动竞赛启动")
    chosen = {(doc.text[c.start : c.end], c.type) for c in doc._.kg_entities}
    assert {("深圳市重点工程劳动竞赛", "Program"), ("深圳市", "Place")} <= chosen
