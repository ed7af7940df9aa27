"""The programme recogniser on sentences written like union news (parametrised tables)."""

from __future__ import annotations

import pytest

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
