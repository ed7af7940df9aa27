"""partOf from cue words, names built on another programme and standard parts (entities given)."""

from __future__ import annotations

import pytest

from tests.relations.helpers import given

P = "Program"


def parts(text: str, entities: dict[str, str]) -> set[tuple[str, ...]]:
    return {r for r in given(text, entities) if r[1] == "partOf"}


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "市总工会把“安康杯”竞赛作为“安全生产月”活动的重要内容,层层落实。",
            {"安康杯竞赛=“安康杯”竞赛": P, "安全生产月=“安全生产月”": P},
            {("安康杯竞赛", "partOf", "安全生产月")},
        ),
        (
            "“金秋助学”是州总工会“工铸同心”系列活动之一。",
            {"金秋助学=“金秋助学”": P, "工铸同心=“工铸同心”": P},
            {("金秋助学", "partOf", "工铸同心")},
        ),
        (
            "“四季送”活动包括“春送岗位”、“夏送清凉”、“金秋助学”和“冬送温暖”。",
            {"四季送=“四季送”": P, "春送岗位": P, "夏送清凉": P, "金秋助学": P, "冬送温暖": P},
            {(p, "partOf", "四季送") for p in ("春送岗位", "夏送清凉", "金秋助学", "冬送温暖")},
        ),
        (
            "开展以健康教育行动、心理关怀行动、爱心体检行动等三项行动为主要内容的女职工关爱行动。",
            {"健康教育行动": P, "心理关怀行动": P, "爱心体检行动": P, "女职工关爱行动": P},
            {
                (p, "partOf", "女职工关爱行动")
                for p in ("健康教育行动", "心理关怀行动", "爱心体检行动")
            },
        ),
        (  # two programmes in one clause with no cue are not part and whole
            "市总工会开展“安康杯”竞赛和“五小”创新活动。",
            {"安康杯竞赛=“安康杯”竞赛": P, "五小创新活动=“五小”创新活动": P},
            set(),
        ),
    ],
)
def test_parts_from_cue_words(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert parts(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "南平市总工会以建设模范职工之家为载体,推广共享职工之家“125”工作机制,打造共享职工之家13家,建好职工之家。",
            {
                "模范职工之家": P,
                "共享职工之家125工作机制=共享职工之家“125”工作机制": P,
                "共享职工之家": P,
                "职工之家": P,
            },
            {
                ("模范职工之家", "partOf", "职工之家"),
                ("共享职工之家", "partOf", "职工之家"),
                ("共享职工之家125工作机制", "partOf", "共享职工之家"),
            },
        ),
        (  # the same programme with a generic head, and a policy about a programme
            "开展“安康杯”竞赛,印发《“安康杯”竞赛实施办法》,安康杯深入人心。",
            {
                "安康杯竞赛=“安康杯”竞赛": P,
                "《安康杯竞赛实施办法》=《“安康杯”竞赛实施办法》": "Program/Policy",
                "安康杯": P,
            },
            set(),
        ),
        (  # the same programme at a level is no part of it
            "获评“全国模范职工之家”的单位,继续建设模范职工之家。",
            {"全国模范职工之家": P, "模范职工之家": P},
            set(),
        ),
        (
            "市总工会推进“一函两书”制度,发出《工会劳动法律监督提示函》。",
            {"一函两书=“一函两书”": P, "《工会劳动法律监督提示函》": "Program/Policy"},
            {("《工会劳动法律监督提示函》", "partOf", "一函两书")},
        ),
    ],
)
def test_parts_by_name(text: str, entities: dict[str, str], expected: set[tuple[str, ...]]) -> None:
    assert {r for r in given(text, entities) if r[1] == "partOf"} == expected


def test_content_of_a_programme_named_before() -> None:
    text = (
        "2011年,延边州总工会启动了女职工“关爱行动”,全州以健康教育行动、心理关怀行动、"
        "爱心体检行动等三项行动为主要内容的关爱女职工健康文明行动。"
    )
    entities = {
        "延边州总工会": "Organization/TradeUnion",
        "女职工关爱行动=女职工“关爱行动”": P,
        "健康教育行动": P,
        "心理关怀行动": P,
        "爱心体检行动": P,
    }
    expected = {
        (p, "partOf", "女职工关爱行动") for p in ("健康教育行动", "心理关怀行动", "爱心体检行动")
    }
    assert parts(text, entities) == expected
