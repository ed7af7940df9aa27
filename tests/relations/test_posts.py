"""holdsPost from titles, lists, elections and credits (entities given, not recognised)."""

from __future__ import annotations

import pytest

from tests.relations.helpers import given

UNION = "Organization/TradeUnion"
GOV = "Organization/Government"
MEDIA = "Organization/Media"
FIRM = "Organization/Enterprise"


def posts(text: str, entities: dict[str, str]) -> set[tuple[str, ...]]:
    return {r for r in given(text, entities) if r[1] == "holdsPost"}


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "市人大常委会副主任、市总工会主席刘吉功,市总工会党组书记、副主席世晓慧出席会议。",
            {
                "舞钢市人大常委会=市人大常委会": GOV,
                "舞钢市总工会=市总工会": UNION,
                "刘吉功": "Person",
                "世晓慧": "Person",
            },
            {
                ("刘吉功", "holdsPost", "舞钢市人大常委会", "副主任"),
                ("刘吉功", "holdsPost", "舞钢市总工会", "主席"),
                ("世晓慧", "holdsPost", "舞钢市总工会", "党组书记、副主席"),
            },
        ),
        (  # the first group's titles end in a comma, not 、
            "市人大常委会党组副书记、副主任,市总工会主席崔坤军出席仪式并致辞。",
            {
                "保定市人大常委会=市人大常委会": GOV,
                "保定市总工会=市总工会": UNION,
                "崔坤军": "Person",
            },
            {
                ("崔坤军", "holdsPost", "保定市人大常委会", "党组副书记、副主任"),
                ("崔坤军", "holdsPost", "保定市总工会", "主席"),
            },
        ),
        (  # a space between the groups, a title made of a grade and a title
            "柳北区人大常委会一级调研员 区总工会主席莫江涛共同为工作室揭牌。",
            {"柳北区人大常委会": GOV, "柳北区总工会=区总工会": UNION, "莫江涛": "Person"},
            {
                ("莫江涛", "holdsPost", "柳北区人大常委会", "一级调研员"),
                ("莫江涛", "holdsPost", "柳北区总工会", "主席"),
            },
        ),
        (  # a name after another person's post is no post of the first organisation
            "市总工会主席张三,李四出席。",
            {"安康市总工会=市总工会": UNION, "张三": "Person", "李四": "Person"},
            {("张三", "holdsPost", "安康市总工会", "主席")},
        ),
        (  # an unnamed unit of the body before the titles: the post is in the body
            "云南万绿生物股份有限公司技术研发部工程师陈梦婷,"
            "澄江市水利局水利工程建设管理与监督股股长、高级工程师杨有平荣获奖章。",
            {
                "云南万绿生物股份有限公司": FIRM,
                "澄江市水利局": GOV,
                "陈梦婷": "Person",
                "杨有平": "Person",
            },
            {
                ("陈梦婷", "holdsPost", "云南万绿生物股份有限公司", "技术研发部工程师"),
                (
                    "杨有平",
                    "holdsPost",
                    "澄江市水利局",
                    "水利工程建设管理与监督股股长、高级工程师",
                ),
            },
        ),
        (  # a duty between the titles, and an unnamed committee of the body
            "省总工会党组副书记、分管日常工作的副主席魏红江,延边州总工会二级调研员、"
            "互助保障管理委员会主任赵卫权致辞。",
            {
                "辽宁省总工会=省总工会": UNION,
                "延边州总工会": UNION,
                "魏红江": "Person",
                "赵卫权": "Person",
            },
            {
                ("魏红江", "holdsPost", "辽宁省总工会", "党组副书记、分管日常工作的副主席"),
                ("赵卫权", "holdsPost", "延边州总工会", "二级调研员、互助保障管理委员会主任"),
            },
        ),
        (  # words that only end like a unit are no unit (召开会议)
            "市总工会召开会议主席张三出席。",
            {"安康市总工会=市总工会": UNION, "张三": "Person"},
            set(),
        ),
        (
            "延边州总工会二级调研员、副主席赵卫权赴珲春市调研。",
            {"延边州总工会": UNION, "赵卫权": "Person"},
            {("赵卫权", "holdsPost", "延边州总工会", "二级调研员、副主席")},
        ),
    ],
)
def test_titles_between_an_organisation_and_a_name(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert posts(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "上海国盛集团党委书记、董事长施德容,监事长白文华,副总裁姜鸣和副总裁林益彬出席了会议。",
            {
                "上海国盛集团": FIRM,
                "施德容": "Person",
                "白文华": "Person",
                "姜鸣": "Person",
                "林益彬": "Person",
            },
            {
                ("施德容", "holdsPost", "上海国盛集团", "党委书记、董事长"),
                ("白文华", "holdsPost", "上海国盛集团", "监事长"),
                ("姜鸣", "holdsPost", "上海国盛集团", "副总裁"),
                ("林益彬", "holdsPost", "上海国盛集团", "副总裁"),
            },
        ),
        (
            "龙华区总工会主席李友华、副主席张远桥、黄永胜出席。",
            {"龙华区总工会": UNION, "李友华": "Person", "张远桥": "Person", "黄永胜": "Person"},
            {
                ("李友华", "holdsPost", "龙华区总工会", "主席"),
                ("张远桥", "holdsPost", "龙华区总工会", "副主席"),
                ("黄永胜", "holdsPost", "龙华区总工会", "副主席"),
            },
        ),
        (  # a vice-mayor is not a post of the union named before
            "市人大常委会副主任、市总工会主席姚锦,副市长孟维君陪同。",
            {
                "大同市人大常委会=市人大常委会": GOV,
                "大同市总工会=市总工会": UNION,
                "姚锦": "Person",
                "孟维君": "Person",
            },
            {
                ("姚锦", "holdsPost", "大同市人大常委会", "副主任"),
                ("姚锦", "holdsPost", "大同市总工会", "主席"),
            },
        ),
        (  # an honour is not a post
            "万洲电气董事长王某,全国劳动模范赵某受邀参加活动。",
            {"万洲电气": FIRM, "王某某=王某": "Person", "赵某某=赵某": "Person"},
            {("王某某", "holdsPost", "万洲电气", "董事长")},
        ),
    ],
)
def test_names_listed_after_a_post(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert posts(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "李友华当选龙华区总工会主席,张远桥、黄永胜、章根国、朱敏当选为副主席。",
            {
                "龙华区总工会": UNION,
                **dict.fromkeys(["李友华", "张远桥", "黄永胜", "章根国", "朱敏"], "Person"),
            },
            {("李友华", "holdsPost", "龙华区总工会", "主席")}
            | {
                (p, "holdsPost", "龙华区总工会", "副主席")
                for p in ["张远桥", "黄永胜", "章根国", "朱敏"]
            },
        ),
        (  # the union the story is about, the committee before the title
            "集团工会第一次代表大会召开。经民主选举,陈洪、王旭岗等当选为第一届委员会委员。",
            {"国盛集团工会=集团工会": UNION, "陈洪": "Person", "王旭岗": "Person"},
            {(p, "holdsPost", "国盛集团工会", "委员会委员") for p in ["陈洪", "王旭岗"]},
        ),
        (
            "大会选举王东明为中华全国总工会主席。",
            {"中华全国总工会": UNION, "王东明": "Person"},
            {("王东明", "holdsPost", "中华全国总工会", "主席")},
        ),
        (  # elected to what is not a post
            "张三当选为全国劳动模范。",
            {"安康市总工会": UNION, "张三": "Person"},
            set(),
        ),
    ],
)
def test_elections(text: str, entities: dict[str, str], expected: set[tuple[str, ...]]) -> None:
    assert posts(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "导读:工人日报客户端 记者 刘友婷 实习生 朱小燕 通讯员 焦慧茹 近日,深圳技能大赛启动。",
            {"工人日报": MEDIA, "刘友婷": "Person", "朱小燕": "Person", "焦慧茹": "Person"},
            {
                ("刘友婷", "holdsPost", "工人日报", "记者"),
                ("朱小燕", "holdsPost", "工人日报", "实习生"),
            },
        ),
        (
            "新华社北京10月22日电(记者赵超、齐中熙)中国工会第十七次全国代表大会22日上午开幕。",
            {"新华社": MEDIA, "赵超": "Person", "齐中熙": "Person"},
            {("赵超", "holdsPost", "新华社", "记者"), ("齐中熙", "holdsPost", "新华社", "记者")},
        ),
        (
            "来源: 中工网-《辽宁职工报》\n本报讯(记者宋子涵) 近日,本溪市平山区职代会落幕。",
            {"中工网": MEDIA, "辽宁职工报": MEDIA, "宋子涵": "Person"},
            {("宋子涵", "holdsPost", "辽宁职工报", "记者")},
        ),
        (  # the outlet after the credit on its line
            "龙华区工会第一次代表大会召开。\n编辑:杨维易2017-04-28 20:54内容来源:龙华网",
            {"龙华网": MEDIA, "杨维易": "Person"},
            {("杨维易", "holdsPost", "龙华网", "编辑")},
        ),
        (  # two outlets joined by a dash
            "工人日报客户端讯(工人日报-中工网记者 庞慧敏 通讯员 李梦兰)日前,工作室揭牌。",
            {"工人日报": MEDIA, "中工网": MEDIA, "庞慧敏": "Person", "李梦兰": "Person"},
            {
                ("庞慧敏", "holdsPost", "工人日报", "记者"),
                ("庞慧敏", "holdsPost", "中工网", "记者"),
            },
        ),
        (  # editors work for the site showing the page, not for the source it credits
            "2021年11月04日10:22  来源:工人日报客户端\n职工之家建设推进。\n(责编:蔡雨荷、黄瑾)",
            {"工人日报": MEDIA, "蔡雨荷": "Person", "黄瑾": "Person"},
            set(),
        ),
        (  # two outlets and a reporter of neither named: no guess
            "工人日报和中工网报道。\n记者 张三 通讯员 李四\n市总工会开展活动。",
            {"工人日报": MEDIA, "中工网": MEDIA, "张三": "Person", "李四": "Person"},
            set(),
        ),
    ],
)
def test_credits_of_an_outlet(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert posts(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "王阵锋现任玖龙纸业有限公司车间主任,获评“江苏工匠”。",
            {"玖龙纸业有限公司": FIRM, "王阵锋": "Person"},
            {("王阵锋", "holdsPost", "玖龙纸业有限公司", "车间主任")},
        ),
        (
            "熊海娟是万洲电气工会的主席。",
            {"万洲电气工会": UNION, "熊海娟": "Person"},
            {("熊海娟", "holdsPost", "万洲电气工会", "主席")},
        ),
        (  # the title after the verb is the next name's
            "这位老师傅是万洲电气董事长赵世运的徒弟。",
            {"万洲电气": FIRM, "赵世运": "Person"},
            {("赵世运", "holdsPost", "万洲电气", "董事长")},
        ),
        (
            "李晓英(陕西省总工会主席)出席并讲话。",
            {"陕西省总工会": UNION, "李晓英": "Person"},
            {("李晓英", "holdsPost", "陕西省总工会", "主席")},
        ),
        (
            "刘扬,湖南省总工会党组书记,在会上作报告。",
            {"湖南省总工会": UNION, "刘扬": "Person"},
            {("刘扬", "holdsPost", "湖南省总工会", "党组书记")},
        ),
        (  # a name, then another person's post
            "会见了刘扬,湖南省总工会主席李明陪同。",
            {"湖南省总工会": UNION, "刘扬": "Person", "李明": "Person"},
            {("李明", "holdsPost", "湖南省总工会", "主席")},
        ),
        (  # a space between the title and the name
            "湖南省总工会的副主席 李明出席。",
            {"湖南省总工会": UNION, "李明": "Person"},
            {("李明", "holdsPost", "湖南省总工会", "副主席")},
        ),
    ],
)
def test_posts_around_the_name(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert posts(text, entities) == expected


def test_a_head_of_government_holds_the_post_in_its_government() -> None:
    text = "上饶市人民政府召开会议。市委书记陈云宣布开幕;市委副书记、市长邱向军致辞。"
    entities = {
        "上饶市人民政府": GOV,
        "中共上饶市委=市委": GOV,
        "陈云": "Person",
        "邱向军": "Person",
    }
    found = given(text, entities)
    assert ("邱向军", "holdsPost", "上饶市人民政府", "市长") in found
    assert not any(r[0] == "陈云" and r[2] == "上饶市人民政府" for r in found)
