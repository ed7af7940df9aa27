"""Whom a figure is about: the owner named before it in its sentence, the contest a
story reports, the place of a 全市 total, the story's union; never a news outlet, a list
the figure counts, a setting or a partner."""

from __future__ import annotations

import pytest

from kg.build import analyse_document
from kg.types import RawDocument


def _about(text: str) -> dict[str, str]:
    """Each figure's text and the name of the entity it is about."""
    raw = RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64)
    document, linked = analyse_document(raw)
    names = {key: entity.name for key, entity in linked.entities.items()}
    return {m.text: names.get(m.about, m.about) for m in document.measurements}


def _programmes(text: str) -> list[tuple[str, str]]:
    """Each figure's number and the name of the programme it counts for ("" for none)."""
    raw = RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64)
    document, linked = analyse_document(raw)
    names = {key: entity.name for key, entity in linked.entities.items()}
    return [(m.text, names.get(m.programme, "")) for m in document.measurements]


def _of(found: dict[str, str], number: str) -> str:
    return next(about for text, about in found.items() if number in text)


@pytest.mark.parametrize(
    ("text", "number", "owner"),
    [
        # the names a figure counts (A、B等9家) do not own it
        (
            "嘉峪关市总工会联合市委宣传部、市人社局等9家单位共同发起“雄关工匠”推选活动。",
            "9家",
            "嘉峪关市总工会",
        ),
        # a setting (围绕市委市政府) and the names joined to it do not own it
        (
            "近年来,南平市总工会紧紧围绕市委市政府中心工作,投入资金203万元打造职工之家。",
            "203万元",
            "南平市总工会",
        ),
        # a partner (联合市农业农村局) does not own it
        (
            "广州市总工会联合市农业农村局发布116条职工乡村疗休养线路。",
            "116条",
            "广州市总工会",
        ),
    ],
)
def test_the_owner_named_before_the_figure(text: str, number: str, owner: str) -> None:
    assert _of(_about(text), number) == owner


def test_a_total_of_the_place_and_a_figure_served_to_it() -> None:
    found = _about(
        "银川市总工会深化工会组建工作。截至目前,全市共有基层工会组织4334个。"
        "银川市总工会为全市9795名快递员赠送意外保障,共计117.54万元。"
    )
    assert _of(found, "4334") == "银川市"  # 全市共有…: the place's total
    assert _of(found, "9795") == "银川市总工会"  # 为全市…: whom the union serves
    assert _of(found, "117.54") == "银川市总工会"


def test_a_contest_story_owns_its_figures() -> None:
    found = _about(
        "2023年湖南省职业技能大赛在长沙开幕\n"
        "10月24日,由湖南省总工会主办的2023年湖南省职业技能大赛在长沙开幕。"
        "本届大赛共有来自全省14个市州的1087名选手参赛。"
    )
    assert _of(found, "1087") == "湖南省职业技能大赛"


def test_a_story_without_a_union_gives_its_place_not_the_outlet() -> None:
    found = _about(
        "人民网上海3月5日电 上海市集体协商工作稳步推进。"
        "去年上海市签订集体合同21822份,覆盖职工335万余人。"
    )
    assert set(found.values()) == {"上海市"}


def test_a_contest_named_in_the_lead_paragraph_owns_its_figures() -> None:
    found = _about(
        "为庆祝国庆,展现职工风采,青海省总工会组织开展系列文体活动。"
        "日前,青海省职工羽毛球混合团体赛在西宁开幕。"
        "来自全省13家企业的14支代表队共计104名选手参赛。\n"
        "青海省总工会还为参赛企业送去慰问品50份。"
    )
    assert _of(found, "104") == "青海省职工羽毛球混合团体赛"
    assert _of(found, "14支") == "青海省职工羽毛球混合团体赛"


def test_a_place_referred_to_as_that_district_gives_its_union() -> None:
    found = _about(
        "天津市总工会推进新就业形态劳动者入会。南开区总工会创新“五个结合”工作法。"
        "截至目前,该区共推动新就业形态劳动者入会5986人。"
    )
    assert _of(found, "5986") == "南开区总工会"


def test_a_figure_counts_for_the_one_programme_named_nearest_before_it() -> None:
    found = _programmes(
        "常态化开展困难帮扶和春送岗位、夏送清凉、金秋助学、冬送温暖等“四季送”活动,筹资1318.45万元,"
        "慰问资助530家企业一线困难产业工人。投入12万元,集中打造了“职工之家”。"
    )
    # the list's whole (named last) counts the money, not each season; the next sentence's
    # money is for the programme named after it; a figure of no programme has none
    assert found == [
        ("筹资1318.45万元", "四季送"),
        ("慰问资助530家", "四季送"),
        ("投入12万元", "职工之家"),
    ]
    assert _programmes("走访慰问劳模532人次,发放慰问金111.41万元。") == [
        ("走访慰问劳模532人次", ""),
        ("发放慰问金111.41万元", ""),
    ]
