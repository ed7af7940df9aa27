"""implements, organizes, establishes and partnersWith from the trigger table (entities given)."""

from __future__ import annotations

import pytest

from tests.relations.helpers import given

UNION = "Organization/TradeUnion"
GOV = "Organization/Government"
INST = "Organization/Institution"
OTHER = "Organization/Other"


def triggered(text: str, entities: dict[str, str]) -> set[tuple[str, ...]]:
    rules = ["triggers:objects", "triggers:partners"]
    return given(text, entities, rules=rules)


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # the object of a relative clause: A建立的X
            "安康市总工会建立的“工会经费审查工作与政府审计工作协同机制”获省人大常委会肯定。",
            {"安康市总工会": UNION, "工会经费审查工作与政府审计工作协同机制": "Program"},
            {("安康市总工会", "implements", "工会经费审查工作与政府审计工作协同机制")},
        ),
        (  # 的 after the cue with no body before it: the cue belongs to another phrase
            "安康市总工会召开会议,要求把建立的“职工之家”用好。",
            {"安康市总工会": UNION, "职工之家": "Program"},
            set(),
        ),
        (
            "柳北区人民法院与柳北区总工会联合成立的“法院+工会”劳动争议调解工作室揭牌。",
            {
                "柳北区人民法院": GOV,
                "柳北区总工会": UNION,
                "法院+工会劳动争议调解工作室=“法院+工会”劳动争议调解工作室": INST,
            },
            {
                ("柳北区人民法院", "establishes", "法院+工会劳动争议调解工作室"),
                ("柳北区总工会", "establishes", "法院+工会劳动争议调解工作室"),
                ("柳北区人民法院", "partnersWith", "柳北区总工会"),
            },
        ),
    ],
)
def test_relative_clauses(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert triggered(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # A联合B: partners, and both host what they hold together
            "2月10日,金东区总工会联合多湖街道万江社区在万达广场举办“骑手年夜饭”活动。",
            {"金东区总工会": UNION, "万江社区": OTHER, "骑手年夜饭": "Program"},
            {
                ("万江社区", "partnersWith", "金东区总工会"),
                ("金东区总工会", "organizes", "骑手年夜饭"),
                ("万江社区", "organizes", "骑手年夜饭"),
            },
        ),
        (  # the adverb 共同 takes no partner after it: the academy is what they open
            "贵州省电子信息技师学院与黔南州总工会共同举办黔南工匠学院揭牌仪式。",
            {"贵州省电子信息技师学院": INST, "黔南州总工会": UNION, "黔南工匠学院": INST},
            {("贵州省电子信息技师学院", "partnersWith", "黔南州总工会")},
        ),
        (
            "市总工会携手中国建设银行临汾分行,为一线职工送上清凉。",
            {"临汾市总工会=市总工会": UNION, "中国建设银行临汾分行": "Organization/Enterprise"},
            {("中国建设银行临汾分行", "partnersWith", "临汾市总工会")},
        ),
        (
            "朝阳市总工会与阜新市总工会签署促进就业创业合作协议。",
            {"朝阳市总工会": UNION, "阜新市总工会": UNION},
            {("朝阳市总工会", "partnersWith", "阜新市总工会")},
        ),
        (
            "市总工会联手市人力资源和社会保障局为新就业形态劳动者送岗位。",
            {
                "临汾市总工会=市总工会": UNION,
                "临汾市人力资源和社会保障局=市人力资源和社会保障局": GOV,
            },
            {("临汾市人力资源和社会保障局", "partnersWith", "临汾市总工会")},
        ),
    ],
)
def test_partners(text: str, entities: dict[str, str], expected: set[tuple[str, ...]]) -> None:
    assert triggered(text, entities) == expected


def test_a_hosting_cue_takes_the_first_event_named() -> None:
    text = (
        "市总工会联合敦化市妇女联合会举办了敦化市职工诵读比赛,这是一次大型群众性活动,"
        "同时也标志着“书香敦化”活动走向了新的高度。"
    )
    entities = {
        "敦化市总工会=市总工会": UNION,
        "敦化市妇女联合会": OTHER,
        "敦化市职工诵读比赛": "Program",
        "书香敦化": "Program",
    }
    organised = {r for r in triggered(text, entities) if r[1] == "organizes"}
    assert organised == {
        ("敦化市总工会", "organizes", "敦化市职工诵读比赛"),
        ("敦化市妇女联合会", "organizes", "敦化市职工诵读比赛"),
    }


def test_a_cue_does_not_reach_past_a_comma() -> None:
    text = (
        "2011年,延边州总工会启动了女职工“关爱行动”,全州以健康教育行动、心理关怀行动等"
        "五项行动为主要内容。"
    )
    entities = {
        "延边州总工会": UNION,
        "女职工关爱行动=女职工“关爱行动”": "Program",
        "健康教育行动": "Program",
        "心理关怀行动": "Program",
    }
    assert triggered(text, entities) == {("延边州总工会", "implements", "女职工关爱行动")}


def test_a_programme_given_to_workers() -> None:
    text = "市总工会已经连续五年向全市三级劳模赠送“意外及大病自负保障计划”,共计82.03万元。"
    entities = {"南昌市总工会=市总工会": UNION, "意外及大病自负保障计划": "Program"}
    assert triggered(text, entities) == {("南昌市总工会", "implements", "意外及大病自负保障计划")}


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # a quoted name in a story about one union
            "安康市总工会召开会议。“职工心理健康服务”覆盖职工2.3万人次。",
            {"安康市总工会": UNION, "职工心理健康服务": "Program"},
            {("安康市总工会", "implements", "职工心理健康服务")},
        ),
        (  # a story about another body reports on a programme, it does not carry it out
            "上海市人民政府召开会议。“工资集体协商”制度建制率为74.4%。",
            {"上海市人民政府": GOV, "工资集体协商": "Program"},
            set(),
        ),
        (  # unquoted and with no cue: a common noun, not the union's programme
            "安康市总工会召开会议。职工心理健康服务覆盖职工2.3万人次。",
            {"安康市总工会": UNION, "职工心理健康服务": "Program"},
            set(),
        ),
    ],
)
def test_programmes_of_the_story(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert triggered(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # a union named by its place is a body founded
            "滨海新区总工会组建滨海新区外卖配送行业工会工作委员会。",
            {"滨海新区总工会": UNION, "滨海新区外卖配送行业工会工作委员会": UNION},
            {("滨海新区总工会", "establishes", "滨海新区外卖配送行业工会工作委员会")},
        ),
        (  # unions at large are not
            "天津市总工会推动各街道成立新就业形态联合工会。",
            {"天津市总工会": UNION, "新就业形态联合工会": UNION},
            set(),
        ),
    ],
)
def test_unions_founded(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert triggered(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "日前,经滨海新区总工会批准,滨海新区外卖配送行业工会工作委员会成立。",
            {"滨海新区总工会": UNION, "滨海新区外卖配送行业工会工作委员会": UNION},
            {("滨海新区总工会", "establishes", "滨海新区外卖配送行业工会工作委员会")},
        ),
        (  # the story's union founds a union named by its place
            "太原市总工会召开会议。太原市快递外卖配送行业工会联合会正式成立。",
            {"太原市总工会": UNION, "太原市快递外卖配送行业工会联合会": UNION},
            {("太原市总工会", "establishes", "太原市快递外卖配送行业工会联合会")},
        ),
        (  # a union celebrating its own founding founds nothing
            "近300人齐聚一堂,共庆龙华区总工会成立。",
            {"龙华区总工会": UNION},
            set(),
        ),
        (  # a space after 的
            "柳北区人民法院与柳北区总工会联合成立的 “法院+工会”劳动争议调解工作室揭牌。",
            {
                "柳北区人民法院": GOV,
                "柳北区总工会": UNION,
                "法院+工会劳动争议调解工作室=“法院+工会”劳动争议调解工作室": INST,
            },
            {
                ("柳北区人民法院", "establishes", "法院+工会劳动争议调解工作室"),
                ("柳北区总工会", "establishes", "法院+工会劳动争议调解工作室"),
                ("柳北区人民法院", "partnersWith", "柳北区总工会"),
            },
        ),
    ],
)
def test_bodies_founded(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    rules = ["triggers:objects", "triggers:founded", "triggers:partners"]
    assert given(text, entities, rules=rules) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # bodies visited are where the subject went
            "大同市总工会召开会议。调研组来到中车大同电力机车有限公司、阳高县工人文化宫等地,"
            "围绕深化“产改”开展调研。",
            {
                "大同市总工会": UNION,
                "中车大同电力机车有限公司": "Organization/Enterprise",
                "阳高县工人文化宫": INST,
                "产业工人队伍建设改革=“产改”": "Program",
            },
            {("大同市总工会", "implements", "产业工人队伍建设改革")},
        ),
        (  # bodies qualifying people are no subject
            "天心区总工会召开会议。区人社局、区工商联相关领导齐聚一堂,共同推进“工资集体协商”工作。",
            {
                "天心区总工会": UNION,
                "天心区人力资源和社会保障局=区人社局": GOV,
                "天心区工商业联合会=区工商联": OTHER,
                "工资集体协商": "Program",
            },
            {("天心区总工会", "implements", "工资集体协商")},
        ),
        (  # a body that speaks is the source, an outlet never the story's subject
            "沈阳晚报讯 沈阳晚报记者获悉。沈阳市人社局透露,近2000户企业开展了“工资集体协商”。",
            {"沈阳晚报": "Organization/Media", "沈阳市人社局": GOV, "工资集体协商": "Program"},
            set(),
        ),
    ],
)
def test_who_is_not_the_subject(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert triggered(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "河南省总工会与河南省人力资源和社会保障厅联合举办全省快递员职业技能竞赛。",
            {
                "河南省总工会": UNION,
                "河南省人力资源和社会保障厅": GOV,
                "全省快递员职业技能竞赛": "Program",
            },
            {
                ("河南省总工会", "organizes", "全省快递员职业技能竞赛"),
                ("河南省人力资源和社会保障厅", "organizes", "全省快递员职业技能竞赛"),
                ("河南省人力资源和社会保障厅", "partnersWith", "河南省总工会"),
            },
        ),
        (
            "由石嘴山市总工会主办、石嘴山市人社局承办的石嘴山市职工职业技能大赛在大武口区举行。",
            {"石嘴山市总工会": UNION, "石嘴山市人社局": GOV, "石嘴山市职工职业技能大赛": "Program"},
            {
                ("石嘴山市总工会", "organizes", "石嘴山市职工职业技能大赛"),
                ("石嘴山市人社局", "organizes", "石嘴山市职工职业技能大赛"),
            },
        ),
        (  # 举办 a programme that is no contest or event implements it
            "安康市总工会举办“职工讲书人”系列读书分享,举办第三届职工运动会。",
            {"安康市总工会": UNION, "职工讲书人": "Program", "第三届职工运动会": "Program"},
            {
                ("安康市总工会", "implements", "职工讲书人"),
                ("安康市总工会", "organizes", "第三届职工运动会"),
            },
        ),
    ],
)
def test_contests_and_events(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert triggered(text, entities) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # co-hosts: the union partners with each of the others, not every pair
            "由平度市总工会、平度市应急管理局、平度市卫生健康局联合主办的安全知识大赛举行。",
            {
                "平度市总工会": UNION,
                "平度市应急管理局": GOV,
                "平度市卫生健康局": GOV,
                "安全知识大赛": "Program",
            },
            {
                ("平度市应急管理局", "partnersWith", "平度市总工会"),
                ("平度市卫生健康局", "partnersWith", "平度市总工会"),
            },
        ),
        (  # 联合 after a comma: the clause's subject is the partner of those it names
            "2025年8月底,渭滨区总工会启动“工会+”程序,联合区信访局、桥南街道办事处等成立工作专班。",
            {
                "渭滨区总工会": UNION,
                "渭滨区信访局=区信访局": GOV,
                "桥南街道办事处": GOV,
            },
            {
                ("渭滨区信访局", "partnersWith", "渭滨区总工会"),
                ("桥南街道办事处", "partnersWith", "渭滨区总工会"),
            },
        ),
        (  # 配合 takes its partners as object
            "自治区总工会配合建设厅、公安厅对农民工工资支付情况进行专项检查。",
            {
                "宁夏回族自治区总工会=自治区总工会": UNION,
                "宁夏回族自治区建设厅=建设厅": GOV,
                "宁夏回族自治区公安厅=公安厅": GOV,
            },
            {
                ("宁夏回族自治区建设厅", "partnersWith", "宁夏回族自治区总工会"),
                ("宁夏回族自治区公安厅", "partnersWith", "宁夏回族自治区总工会"),
            },
        ),
    ],
)
def test_partner_stars(text: str, entities: dict[str, str], expected: set[tuple[str, ...]]) -> None:
    assert given(text, entities, rules=["triggers:partners"]) == expected


_BADMINTON = "青海省“清洁能源杯”职工羽毛球混合团体赛"


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (  # 由A、B主办,C承办,D协办的X: the hosts organise X, the helper does not
            "5月25日,由青海省总工会、青海省能源局主办,国网青海省电力公司承办,"
            f"青海省羽毛球运动协会协办的首届{_BADMINTON}顺利举行。",
            {
                "青海省总工会": UNION,
                "青海省能源局": GOV,
                "国网青海省电力公司": "Organization/Enterprise",
                "青海省羽毛球运动协会": OTHER,
                _BADMINTON: "Program",
            },
            {
                ("青海省总工会", "organizes", _BADMINTON),
                ("青海省能源局", "organizes", _BADMINTON),
                ("国网青海省电力公司", "organizes", _BADMINTON),
            },
        ),
        (  # 本次活动由…: the event the story named last
            "5月16日,江西省“天工杯”劳动和技能竞赛启动仪式举办。"
            "本次活动由江西省总工会主办,南昌市总工会承办,南昌高新区工会协办。",
            {
                "江西省总工会": UNION,
                "南昌市总工会": UNION,
                "南昌高新区工会": UNION,
                "江西省天工杯劳动和技能竞赛=江西省“天工杯”劳动和技能竞赛": "Program",
            },
            {
                ("江西省总工会", "organizes", "江西省天工杯劳动和技能竞赛"),
                ("南昌市总工会", "organizes", "江西省天工杯劳动和技能竞赛"),
            },
        ),
        (  # no event named before: nothing to attach the hosts to
            "本次活动由江西省总工会主办,南昌市总工会承办。",
            {"江西省总工会": UNION, "南昌市总工会": UNION},
            set(),
        ),
        (  # 由 that opens no chain of hosts
            "职工技能大赛开幕。由江西省总工会牵头,各地工会参与。",
            {"江西省总工会": UNION, "职工技能大赛": "Program"},
            set(),
        ),
    ],
)
def test_hosts(text: str, entities: dict[str, str], expected: set[tuple[str, ...]]) -> None:
    assert given(text, entities, rules=["triggers:hosts"]) == expected


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "黔南工匠学院由贵州省黔南州总工会与贵州省电子信息技师学院合作共建。",
            {
                "黔南工匠学院": INST,
                "黔南州总工会=贵州省黔南州总工会": UNION,
                "贵州省电子信息技师学院": INST,
            },
            {
                ("黔南州总工会", "establishes", "黔南工匠学院"),
                ("贵州省电子信息技师学院", "establishes", "黔南工匠学院"),
            },
        ),
        (  # 由 then no founding verb: no founders
            "黔南工匠学院由贵州省电子信息技师学院负责日常管理。",
            {"黔南工匠学院": INST, "贵州省电子信息技师学院": INST},
            set(),
        ),
    ],
)
def test_passive_founders(
    text: str, entities: dict[str, str], expected: set[tuple[str, ...]]
) -> None:
    assert given(text, entities, rules=["triggers:passive-founders"]) == expected
