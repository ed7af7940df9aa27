"""Figures found in real sentences: values normalised, units as written, non-figures left."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.figures.extract import find_figures
from tests.helpers import cleaned


def _figures(text: str) -> list[tuple[str, Decimal, str, bool]]:
    return [(f.text, f.value, f.unit, f.approximate) for f in find_figures(text)]


def test_seed_002_reports_its_figures_with_values_and_units() -> None:
    text = cleaned("002").text
    found = {
        (f.value, f.unit, f.approximate)
        for sentence in re.split(r"(?<=[。！？；\n])", text)
        for f in find_figures(sentence)
    }
    expected = {
        (Decimal(115), "家", False),  # 上半年新建工会115家
        (Decimal(10272), "人", False),  # 发展会员10272人
        (Decimal(4334), "个", False),  # 全市共有基层工会组织4334个
        (Decimal(386000), "人", False),  # 工会会员38.6万人
        (Decimal(80000), "人", True),  # 其中农民工会员8万余人
        (Decimal(847), "家", False),  # 走访企业847家
        (Decimal(10000), "人", True),  # 访谈职工近1万人
        (Decimal(295), "名", False),  # 295名工会代表
    }
    assert expected <= found


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("发放助学金120万元,", [("发放助学金120万元", Decimal(1200000), "元", False)]),
        # a number past 万 written on (2万2千, 两万三千)
        (
            "资助困难职工子女入学2万2千余人次,",
            [("资助困难职工子女入学2万2千余人次", Decimal(22000), "人次", True)],
        ),
        ("慰问两万三千名职工。", [("慰问两万三千名", Decimal(23000), "名", False)]),
        ("出台配套文件40余个。", [("出台配套文件40余个", Decimal(40), "个", True)]),
        ("入会率达95%以上。", [("入会率达95%以上", Decimal(95), "%", True)]),
        ("组织近万名职工参加培训。", [("组织近万名", Decimal(10000), "名", True)]),
        ("累计培训三十期,", [("培训三十期", Decimal(30), "期", False)]),
        ("建成工会驿站54座。", [("建成工会驿站54座", Decimal(54), "座", False)]),
    ],
)
def test_values_are_normalised_and_approximations_marked(
    sentence: str, figures: list[tuple[str, Decimal, str, bool]]
) -> None:
    assert _figures(sentence) == figures


@pytest.mark.parametrize(
    "sentence",
    [
        "第十四场“劳动者港湾”活动在此举行。",  # an ordinal
        "拨打12351热线反映问题。",  # a number inside a name
        "“十四五”时期,工会坚持“两个确立”,增强“四个意识”。",  # names of lists
        "5年来,工会工作成效明显。",  # a duration
        "不到1个月就完成了建设。",  # a duration with 个
        "个人竞赛项目前八名获得奖励。",  # a rank
        "咨询电话:0951-6025566。",  # a phone number
        "他乘坐L464次列车返乡。",  # a train's name
        "市总工会十四届一次全委会议召开。",  # a body's term and session
        "选举产生了第七届委员会。",  # an edition
        "中国工会第十八次全国代表大会开幕。",  # a congress's number
    ],
)
def test_what_is_not_a_figure_is_left(sentence: str) -> None:
    assert _figures(sentence) == []


def test_editions_held_are_counted() -> None:
    # an edition number is not a figure, how many editions were held is
    assert [(f.value, f.unit) for f in find_figures("已连续举办了15届。")] == [(Decimal(15), "届")]


@pytest.mark.parametrize(
    ("sentence", "indicators"),
    [
        # what the measure word counts follows it
        ("表彰46名劳模和12个先进集体。", ["劳模", "先进集体"]),
        ("为1273户困难职工发放慰问金120万元。", ["困难职工", "困难职工发放慰问金"]),
        # or comes before the number, with what was done with it
        ("共筹集资金466.33万元;", ["筹集资金"]),
        ("上半年新建工会115家,发展会员10272人。", ["新建工会", "发展会员"]),
        ("为农民工追回欠薪300万元。", ["为农民工追回欠薪"]),
    ],
)
def test_an_indicator_is_the_noun_phrase_the_measure_word_counts(
    sentence: str, indicators: list[str]
) -> None:
    assert [f.indicator for f in find_figures(sentence)] == indicators
