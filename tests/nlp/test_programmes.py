"""The programme recogniser on sentences written like union news (parametrised tables)."""

from __future__ import annotations

import pytest

from kg.nlp.components.gazetteer import scan
from kg.nlp.components.programmes import find_programmes


def names(text: str) -> list[str | None]:
    return [c.canonical for c in find_programmes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全力开展“劳模工匠助企行”专项行动,建立劳模工匠资源数据库", ["劳模工匠助企行"]),
        ("市总工会开展“送清凉”活动,为一线职工送去防暑用品", ["送清凉"]),
        ("社区开展“我们的节日”主题活动。", ["我们的节日"]),
        ("区总工会在万达广场工会驿站举办“骑手年夜饭”活动。", ["骑手年夜饭"]),
        # a slogan is a theme: the programme keeps its head
        (
            "开展为基层和职工“办实事、促产改、助力企业发展”活动",
            ["办实事、促产改、助力企业发展活动"],
        ),
        ("开展“适应新常态,民主解难题”主题活动", ["适应新常态,民主解难题主题活动"]),
        (
            "在滨海新区外卖配送行业党群组织建设暨“党群连新——骑码进门”专项行动推进会上",
            ["党群连新——骑码进门专项行动"],
        ),
        # other heads stay in the name
        ("天心区工资集体协商“春季要约”行动在大托铺街道启动", ["春季要约行动"]),
    ],
)
def test_quotes_delimit_the_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("已有近4.6万名女职工接受了免费“两癌”筛查体检。", ["两癌筛查"]),
        ("延边州总工会启动了女职工“关爱行动”,全州", ["女职工关爱行动", "关爱行动"]),
        ("安康市总工会构建劳动法律监督“一函两书”机制。", ["一函两书"]),
        ("扎实开展“安康杯”竞赛、“安全隐患随手拍”等活动", ["安康杯竞赛", "安全隐患随手拍"]),
    ],
)
def test_lexicon_names_written_with_quotes(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近2000户企业开展了工资集体协商", "工资集体协商"),
        ("推进集体协商,构建和谐劳动关系", "工资集体协商"),
        ("实施专题厂务公开、专题职代会", "厂务公开"),
        ("“爱心妈咪小屋”由学校工会筹建", "爱心妈咪小屋"),
        ("延边女职工特殊疾病保险缴纳人数已有5.6万余人", "女职工特殊疾病保险"),
        ("拨打12351职工维权热线", "12351职工维权热线"),
        ("感谢工会为我购买的互助保障", "职工互助保障"),
    ],
)
def test_standard_programmes_of_union_work(text: str, expected: str) -> None:
    hits = {h.canonical for _s, _e, h in scan(text) if h.type == "Program"}
    assert expected in hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("签订了《工资集体合同(草案)》和", ["《工资集体合同(草案)》"]),
        ("下发《工会劳动法律监督提示函》,要求该企业整改", ["《工会劳动法律监督提示函》"]),
        ("重点推广《在职职工住院补充医疗保障互助计划》", ["《在职职工住院补充医疗保障互助计划》"]),
        ("学习《中华人民共和国工会法》", ["《中华人民共和国工会法》"]),
        # books, films and a report's theme are not policies
        ("所有同学都获赠了《优秀大学生成长手册》等图书", []),
        ("现场播放了“深圳工匠”宣传片《我在这里成长》", ["深圳工匠"]),
    ],
)
def test_policy_titles(text: str, expected: list[str]) -> None:
    assert names(text) == expected
