"""Honours and craftsman brands on sentences written like union news."""

from __future__ import annotations

import pytest

from kg.nlp.components.programmes import find_programmes
from kg.nlp.honours import find_honours


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
