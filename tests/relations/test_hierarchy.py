"""subOrganizationOf: the union hierarchy, industrial unions, names and subsidiaries."""

from __future__ import annotations

import pytest

from tests.relations.helpers import given

UNION = "Organization/TradeUnion"
GOV = "Organization/Government"
FIRM = "Organization/Enterprise"


def hierarchy(text: str, entities: dict[str, str]) -> set[tuple[str, ...]]:
    return {r for r in given(text, entities) if r[1] == "subOrganizationOf"}


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # a street's union under its district's
            "宁波市海曙区总工会启动评选,望春街道工会主席姚利桥即刻排摸辖区企业。",
            {"宁波市": "Place", "海曙区": "Place", "海曙区总工会": UNION, "望春街道工会": UNION},
            {("望春街道工会", "subOrganizationOf", "海曙区总工会")},
        ),
        (  # up to the nearest union the article names, the province to the national one
            "中华全国总工会、湖北省总工会和襄阳市总工会的负责同志出席。",
            {"中华全国总工会": UNION, "湖北省总工会": UNION, "襄阳市总工会": UNION},
            {
                ("襄阳市总工会", "subOrganizationOf", "湖北省总工会"),
                ("湖北省总工会", "subOrganizationOf", "中华全国总工会"),
            },
        ),
        (  # sectors of provincial industrial unions, and a zone's union under its city's
            "甘肃省总工会、甘肃省电力工会、海南省总工会、海南省农林水利交通建设工会、"
            "拉萨市总工会和拉萨市高新区总工会参加。",
            {
                "甘肃省总工会": UNION,
                "甘肃省电力工会": UNION,
                "海南省总工会": UNION,
                "海南省农林水利交通建设工会": UNION,
                "拉萨市总工会": UNION,
                "拉萨市高新区总工会": UNION,
            },
            {
                ("甘肃省电力工会", "subOrganizationOf", "甘肃省总工会"),
                ("海南省农林水利交通建设工会", "subOrganizationOf", "海南省总工会"),
                ("拉萨市高新区总工会", "subOrganizationOf", "拉萨市总工会"),
            },
        ),
        (  # industrial unions under their place's union, not further up
            "本溪市总工会和平山区总工会指导平山区餐饮行业工会、平山区商贸行业工会开展协商。",
            {
                "本溪市总工会": UNION,
                "平山区总工会": UNION,
                "平山区餐饮行业工会": UNION,
                "平山区商贸行业工会": UNION,
            },
            {
                ("平山区总工会", "subOrganizationOf", "本溪市总工会"),
                ("平山区餐饮行业工会", "subOrganizationOf", "平山区总工会"),
                ("平山区商贸行业工会", "subOrganizationOf", "平山区总工会"),
            },
        ),
        (
            "中国海员建设工会与中华全国总工会联合发文。河南省教育工会、河南省总工会召开会议。",
            {
                "中国海员建设工会": UNION,
                "中华全国总工会": UNION,
                "河南省教育工会": UNION,
                "河南省总工会": UNION,
            },
            {
                ("中国海员建设工会", "subOrganizationOf", "中华全国总工会"),
                ("河南省教育工会", "subOrganizationOf", "河南省总工会"),
                ("河南省总工会", "subOrganizationOf", "中华全国总工会"),
            },
        ),
        (  # a company's union is the company's, not the province's
            "浙江恒逸集团有限公司工会和浙江省总工会签约,浙江恒逸集团有限公司表示支持。",
            {
                "浙江恒逸集团有限公司工会": UNION,
                "浙江恒逸集团有限公司": FIRM,
                "浙江省总工会": UNION,
            },
            {("浙江恒逸集团有限公司工会", "subOrganizationOf", "浙江恒逸集团有限公司")},
        ),
    ],
)
def test_union_hierarchy(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert hierarchy(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "全国总工会劳动和经济工作部副部长金勇出席,中华全国总工会表示祝贺。",
            {
                "中华全国总工会=全国总工会": UNION,
                "中华全国总工会劳动和经济工作部=全国总工会劳动和经济工作部": UNION,
            },
            {("中华全国总工会劳动和经济工作部", "subOrganizationOf", "中华全国总工会")},
        ),
        (  # the parent's short form begins the name
            "柳北区人民法院设立柳北区法院诉讼服务中心。",
            {"柳北区人民法院": GOV, "柳北区法院诉讼服务中心": GOV},
            {("柳北区法院诉讼服务中心", "subOrganizationOf", "柳北区人民法院")},
        ),
        (
            "中国邮政速递物流股份有限公司太原分公司是中国邮政速递物流股份有限公司的分支。",
            {"中国邮政速递物流股份有限公司": FIRM, "中国邮政速递物流股份有限公司太原分公司": FIRM},
            {
                (
                    "中国邮政速递物流股份有限公司太原分公司",
                    "subOrganizationOf",
                    "中国邮政速递物流股份有限公司",
                )
            },
        ),
    ],
)
def test_bodies_named_after_their_parent(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert hierarchy(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "“爱心妈咪小屋”在百联集团旗下的东方商厦、第一八佰伴、百联又一城等商场落地。",
            {"百联集团": FIRM, "东方商厦": FIRM, "第一八佰伴": FIRM, "百联又一城": FIRM},
            {
                (c, "subOrganizationOf", "百联集团")
                for c in ("东方商厦", "第一八佰伴", "百联又一城")
            },
        ),
        (
            "重庆交通开投集团所属重庆公共运输职业学院“爱心妈咪小屋”成功入选。",
            {"重庆交通开投集团": FIRM, "重庆公共运输职业学院": "Organization/Institution"},
            {("重庆公共运输职业学院", "subOrganizationOf", "重庆交通开投集团")},
        ),
        (  # two bodies side by side are not parent and child
            "百联集团、东方商厦共同宣布。",
            {"百联集团": FIRM, "东方商厦": FIRM},
            set(),
        ),
    ],
)
def test_subsidiaries(text: str, entities: dict[str, str], expected: set[tuple[str, ...]]) -> None:
    assert hierarchy(text, entities) == expected
