"""Stories and their metadata on the real pages."""

from __future__ import annotations

from itertools import pairwise

import pytest

from kg.corpus.clean import clean
from kg.corpus.split import split_stories
from kg.types import Story
from tests.helpers import cleaned


def stories(prefix: str) -> list[Story]:
    return split_stories(cleaned(prefix).text)


def credits(story: Story) -> list[tuple[str, str]]:
    return [(b.role, b.name) for b in story.bylines]


def test_seed_001_is_eight_stories_with_their_titles() -> None:
    found = stories("001")
    assert len(found) == 8
    expected = [
        (
            "石嘴山市总以“一区域一主题、一网格一特色”模式推进产业工人队伍建设改革",
            "“区域化+网格化”为“产改”装上新驱动",
        ),
        ("河南实施中原大工匠培育工程", "每年遴选50名左右中原大工匠培育对象"),
        ("信息共享 活动共联 人才共引", "辽西5市工会共搭求职用工互通平台"),
        ("呼和浩特960名新就业形态劳动者享受工会定制体检",),
        ("首钢矿业杏山铁矿为职工打造“幸福空间”",),
        ("山东莱芜农商银行举办退休职工欢送会",),
        ("学技术 练技能 比服务",),
        ("从“新”出发 暖“新”同行", "——厦门市思明区总工会当好新就业形态劳动者的贴心“娘家人”"),
    ]
    assert [s.headlines for s in found] == expected


def test_seed_001_bylines() -> None:
    found = stories("001")
    assert credits(found[0]) == [
        ("reporter", "马学礼"),
        ("reporter", "李静楠"),
        ("correspondent", "邱春强"),
    ]
    assert credits(found[5]) == [("correspondent", "夏延东"), ("reporter", "田国奎")]
    assert credits(found[6]) == [("photographer", "刘金梦")]
    assert credits(found[7]) == []


def test_stories_cover_the_page_in_order() -> None:
    found = stories("001")
    text = cleaned("001").text
    assert found[0].start == 0
    for a, b in pairwise(found):
        assert a.end < b.start
        assert text[a.end : b.start].strip() == ""
    assert "思明区总工会" in text[found[7].start : found[7].end]
    assert "思明区" not in text[found[6].start : found[6].end]


@pytest.mark.parametrize(
    ("prefix", "title", "date", "outlet", "bylines"),
    [
        ("000", None, None, None, [("author", "赵凤兰")]),
        ("002", "聚力经济建设主战场聚焦银川发展新常态", "2016-06-28", "银川市总工会新闻中心", []),
        ("003", None, None, None, [("reporter", "孙妙鸿")]),
        (
            "004",
            "权威发布丨“产改”五周年 淄博市总工会推进产改工作取得阶段性成效",
            "2022-06-28",
            "鲁中网",
            [("reporter", "陈佳汐")],
        ),
    ],
)
def test_single_story_pages(
    prefix: str, title: str | None, date: str | None, outlet: str | None, bylines: list
) -> None:
    (story,) = stories(prefix)
    assert (story.title, story.date, story.outlet, credits(story)) == (title, date, outlet, bylines)


@pytest.mark.parametrize(
    ("page", "titles"),
    [
        (
            "标题一\n本报讯(记者王强)正文。\n标题二\n本报讯(通讯员李阳)正文二。\n",
            ["标题一", "标题二"],
        ),
        ("新华社北京6月1日电(记者 张三)正文。\n", [None]),
        ("只有正文,没有标题。\n第二段。\n", [None]),
        ("标题\n2024-10-30\n来源:工人日报\n正文,很长的正文。\n", ["标题"]),
    ],
)
def test_split_tables(page: str, titles: list[str | None]) -> None:
    assert [s.title for s in split_stories(page)] == titles


def test_container_metadata_fills_gaps() -> None:
    (story,) = split_stories(
        "正文。\n", {"title": "凤城工匠", "date": "2016-06-28", "source": "银川日报"}
    )
    assert (story.title, story.date, story.outlet) == ("凤城工匠", "2016-06-28", "银川日报")


@pytest.mark.parametrize(
    ("page", "title", "date", "outlet", "bylines"),
    [
        (
            "暖“新”同行\n《工人日报》(2026年01月20日 02版)\n"
            "1月16日,宝坻区总工会开展活动,传递温暖。\n本报通讯员 沈岳 摄\n",
            "暖“新”同行",
            "2026-01-20",
            "工人日报",
            [("photographer", "沈岳")],
        ),
        (
            "本报讯(李洁)1月4日,纳溪区总工会收到锦旗,职工代表表达谢意。\n",
            None,
            None,
            None,
            [("author", "李洁")],
        ),
        (
            "李玉波\n2022年02月09日16:59\n记者日前获悉,呼和浩特市总工会吸引劳动者入会。\n",
            None,
            "2022-02-09",
            None,
            [("author", "李玉波")],
        ),
        (
            "岳塘新闻网1月13日讯(记者 郭奕含 通讯员 杨金凤)岳塘区总工会开展慰问活动。\n",
            None,
            None,
            "岳塘新闻网",
            [("reporter", "郭奕含"), ("correspondent", "杨金凤")],
        ),
        (  # an outlet before the roles of a credit line
            "标题\n工人日报-中工网记者 马学礼 李静楠 通讯员 蔺志宁 田雅琪\n正文。\n",
            "标题",
            None,
            None,
            [
                ("reporter", "马学礼"),
                ("reporter", "李静楠"),
                ("correspondent", "蔺志宁"),
                ("correspondent", "田雅琪"),
            ],
        ),
        (  # names alone under the headline are its authors; an editor in a metadata line
            "标题\n叶小钟 赵思远\n时间:2021-01-02 来源:工人日报 编辑:张兰琴\n正文。\n",
            "标题",
            "2021-01-02",
            "工人日报",
            [("author", "叶小钟"), ("author", "赵思远"), ("editor", "张兰琴")],
        ),
        (  # editorial credits close a page: their people are named too
            "本报讯 平山区总工会开展工资集体协商。\n编辑:王楠\n",
            None,
            None,
            None,
            [("editor", "王楠")],
        ),
        (
            "施秉县总工会走访困难职工。\n一审:杨胜福 二审:杨才智三审:李慧\n",
            None,
            None,
            None,
            [("editor", "杨胜福"), ("editor", "杨才智"), ("editor", "李慧")],
        ),
    ],
)
def test_credits_and_mastheads(
    page: str, title: str | None, date: str | None, outlet: str | None, bylines: list
) -> None:
    (story,) = split_stories(page)
    assert (story.title, story.date, story.outlet, credits(story)) == (title, date, outlet, bylines)


def test_trailing_credits_and_a_gallery_of_captions() -> None:
    (story,) = split_stories("市总工会对50个先进集体予以通报。(记者孙晓陵、通讯员姚超)\n")
    assert credits(story) == [("reporter", "孙晓陵"), ("correspondent", "姚超")]
    page = clean(
        "4月23日,兵团总工会主办主题阅读交流活动启动仪式,职工踊跃参加。陆炯名 摄\n"
        "7月7日,天业集团公司工会开展“夏送清凉”活动慰问一线员工。马小峰 摄\n"
    )
    assert [credits(s) for s in split_stories(page)] == [
        [("photographer", "陆炯名")],
        [("photographer", "马小峰")],
    ]
