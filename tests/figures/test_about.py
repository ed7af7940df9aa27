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
