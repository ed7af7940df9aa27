"""Honours and craftsman brands on sentences written like union news."""

from __future__ import annotations

import pytest

from kg.nlp.components.programmes import find_programmes
from kg.nlp.honours import find_honours, levels_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区领导与2017年龙华区五一劳动奖章、奖章先进代表合影。", ["龙华区五一劳动奖章"]),
        ("张丽荣获云南省五一劳动奖章", ["云南省五一劳动奖章"]),
        ("他先后获得全国五一劳动奖章、全国技术能手等荣誉", ["全国五一劳动奖章", "全国技术能手"]),
        ("被评为湖南省技术能手", ["湖南省技术能手"]),
        ("团体竞赛项目第一名授予“深圳市工人先锋号”", ["深圳市工人先锋号"]),
        ("获评省级以上“模范职工之家”27家", ["模范职工之家"]),
        ("万洲电气董事长、全国劳动模范赵世运受邀参加活动", ["全国劳动模范"]),
        # a title people hold needs a place or level; a level alone names no place
        ("弘扬劳动模范精神,争当技术能手", []),
        ("全市有5人获省五一劳动奖章", []),
    ],
)
def test_honours(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_honours(text) if c.rule == "program:honour"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prefix shared by a list applies to each item, an elided item is read whole
        (
            "荣获云南省五一劳动奖状、奖章和工人先锋号",
            ["云南省五一劳动奖状", "云南省五一劳动奖章", "云南省工人先锋号"],
        ),
        (
            "云南省劳动模范35名、五一劳动奖状24个、工人先锋号13个",
            ["云南省劳动模范", "云南省五一劳动奖状", "云南省工人先锋号"],
        ),
        # two honour systems joined by 和: the second is named alone
        ("他们中的多人曾荣获全国劳动模范和五一劳动奖章。", ["全国劳动模范", "五一劳动奖章"]),
        # quotes inside the title, the short form 劳模, a title that carries its level
        ("同时授予济宁市“五一”劳动奖章。", ["济宁市五一劳动奖章"]),
        ("累计推荐表彰全国劳模6名", ["全国劳动模范"]),
        ("500名广州劳模先进赴贵州,弘扬劳模精神", []),
        ("全国劳动模范、大国工匠、桥吊班大班长竺士杰", ["全国劳动模范", "大国工匠"]),
        ("推荐优秀的中原大工匠参加大国工匠培育对象遴选", []),
        # the award cut by an encoding artefact of 章获得者 is the medal
        ("上海市五一劳动奖芦@得者、东海救助局船长", ["上海市五一劳动奖章"]),
        ("湖南省青年岗位能手", ["湖南省青年岗位能手"]),
        ("魏刚被授予中央企业先进职工标兵荣誉称号", ["中央企业先进职工标兵"]),
        # a list of levels names the levels of the honours, not one place
        ("成功推荐全国和省级五一劳动奖8个", []),
        ("分别荣获全国、自治区五一劳动奖状、奖章", []),
    ],
)
def test_honour_lists_and_spellings(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_honours(text) if c.rule == "program:honour"] == expected


@pytest.mark.parametrize(
    ("text", "levels", "expected"),
    [
        # the level stands for the one place of that level the story names
        (
            "对荣获省五一劳动奖、工人先锋号的集体进行表彰",
            {"省": "云南省"},
            ["云南省五一劳动奖", "云南省工人先锋号"],
        ),
        ("全市有5人获省五一劳动奖章", {}, []),
        ("荣获全国、省五一劳动奖章", {"省": "云南省"}, []),
    ],
)
def test_a_level_stands_for_the_story_place(
    text: str, levels: dict[str, str], expected: list[str]
) -> None:
    found = find_honours(text, levels)
    assert [c.canonical for c in found if c.rule == "program:honour"] == expected


def test_levels_of_the_story() -> None:
    assert levels_of({"530000": 1, "530400": 3}) == {"省": "云南省", "市": "玉溪市"}
    assert levels_of({"530000": 1, "610000": 1}) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年,玖龙纸业(太仓)有限公司焊工班长王阵锋获评“江苏工匠”。", ["江苏工匠"]),
        ("第二批“海曙工匠”评选是区总工会开展系列主题劳动竞赛中的一个缩影", ["海曙工匠"]),
        ("评选首届济宁工匠10名", ["济宁工匠"]),
        ("齐鲁工匠后备人才培养", ["齐鲁工匠"]),  # a province's classical name
        ("黔南工匠学院揭牌,弘扬工匠精神", []),  # an institution, a term
        ("推荐优秀的中原大工匠参加大国工匠培育对象遴选", []),
        ("聚焦市级以上劳模工匠", []),
    ],
)
def test_craftsman_brands(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_honours(text) if c.rule == "program:brand"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("个人竞赛项目前八名纳入“深圳工匠”培育计划", ["深圳工匠"]),
        ("启动“凤城工匠”评选活动", ["凤城工匠"]),
        ("广泛开展“寻找身边的淄博工匠”评选活动", ["寻找身边的淄博工匠评选活动", "淄博工匠"]),
    ],
)
def test_a_quoted_brand_keeps_no_head(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_programmes(text)] == expected
