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
        ("延边州总工会启动了女职工“关爱行动”,全州", ["女职工关爱行动"]),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted code labels the words before it
        ("不断深化职工之家“1+X”领带活动,著眼推动", ["职工之家1+X领带活动"]),
        ("推广应用共享职工之家“125”工作机制,累计投入资金", ["共享职工之家125工作机制"]),
        ("保定市总工会举行劳模工匠“up主”活动启动仪式", ["劳模工匠up主活动"]),
        ("推行汉滨区“1+1+3”建会模式", ["1+1+3建会模式"]),  # the place says where
        # a description after the quote is not part of the name
        ("省总工会在我市开展“工会进万家”调研走访慰问活动", ["工会进万家"]),
        ("为鼓励劳模工匠积极利用“保工普惠”平台分享技艺", ["保工普惠"]),
        ("看望慰问参加“人来人往”培训班的新疆工会干部", ["人来人往培训班"]),
        # “X”的 + head: the head's name; 的 + another noun: a description
        ("坚持“一周一调度,三天一通报”的工作机制,定期召开", ["一周一调度,三天一通报工作机制"]),
        ("构建‘人人能参与、人人能建功、人人能创业’的劳动竞赛新格局。", []),
        ("形成信息联通、机制联创的“七联”的新体系,", ["七联"]),
    ],
)
def test_the_words_around_a_quote(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "海曙新闻|区总工会举办系列主题劳动竞赛",
        "延边州总“关爱行动”,实现了建档困难女职工全覆盖",
        "开展“自查自纠”,查找安全隐患",
    ],
)
def test_generic_activity_words_are_not_programmes(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "以健康教育行动、心理关怀行动、安康保障行动、爱心体检行动、就业培训行动等五项行动为主要内容",
            ["健康教育行动", "心理关怀行动", "安康保障行动", "爱心体检行动", "就业培训行动"],
        ),
        ("实施技能提升行动、安全培训行动等行动", []),  # generic words only
        (
            "连续五年向全市三级劳模赠送意外及大病自负保障计划,共计82.03万元",
            ["意外及大病自负保障计划"],
        ),
        ("为关心弱势群体向农民工散工赠送意外、大病保障计划", ["意外、大病保障计划"]),
        (
            "建立人民法院与工会之间的劳动争议诉调对接工作机制,实现了资源整合",
            ["劳动争议诉调对接工作机制"],
        ),
        ("各级工会与劳动部门之间普遍建立起常态化的沟通协调机制。", []),  # a kind, not a name
    ],
)
def test_unquoted_names_by_their_syntax(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "18个产业工人赋能站陆续落成,新时代职工赋能提质行动顺利启动,",
            ["新时代职工赋能提质行动"],
        ),
        ("就是在这次体检中,“女性安康保险”的特殊疾病保险为她免除了后顾之忧", ["女性安康保险"]),
        ("本次劳模工匠“up主”活动分为线上和线下两部分", ["劳模工匠up主活动"]),
        ("区总工会举办“银河杯”职工篮球赛", ["银河杯职工篮球赛"]),
    ],
)
def test_more_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("柳州成立“法院+工会”劳动争议调解工作室", [("法院+工会劳动争议调解工作室", "Institution")]),
        ("“太仓劳模工匠”讲师团持续发力", [("太仓劳模工匠讲师团", "OtherOrganization")]),
        (
            "柳州成立“法院+工会”劳动争议调解工作室。“法院+工会”劳动争议调解工作室在法院揭牌",
            [("法院+工会劳动争议调解工作室", "Institution")] * 2,
        ),
    ],
)
def test_quoted_names_of_bodies(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.canonical, c.subtype) for c in find_programmes(text)] == expected


def test_an_award_verb_ends_the_words_after_a_quote() -> None:
    text = "“‘三单’模式探索劳模工匠助企惠企新路径”入选全省工会重点工作创新案例"
    assert names(text) == []  # a case study's title, not a programme


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted brand selected or conferred is the brand, whatever names it
        ("市总工会共同发起了“雄关工匠”推选活动", ["雄关工匠"]),
        ("荣获市委、市政府共同授予的“雄关工匠”称号", ["雄关工匠"]),
        # a slogan before a place's own contest is its theme
        ("举办了“红色经典润年华·工铸同心向未来”敦化市职工诵读比赛", ["敦化市职工诵读比赛"]),
        # quoted names listed after a verb that holds them, without a head
        (
            "甘肃工会连续举办“职工经典诵读征集展播”“职工书屋建设成果展示”和职工书屋阅读交流会",
            ["职工经典诵读征集展播", "职工书屋建设成果展示"],
        ),
        # a slogan keeps the contest it themes (劳动和技能竞赛 is a head)
        (
            "“建功准噶尔、助推高质量”主题劳动和技能竞赛启动",
            ["建功准噶尔、助推高质量主题劳动和技能竞赛"],
        ),
        ("结合“我为群众办实事”实践活动深入开展", ["我为群众办实事"]),
        # hotlines by their number, plans by their years, a place's season of events
        ("建议外来工拨打工会投诉热线12351,", ["工会投诉热线12351"]),
        ("聚焦辽宁全面振兴新突破三年行动、大力推进", ["辽宁全面振兴新突破三年行动"]),
        ("市总工会以延边州职工文化活动月为契机", ["延边州职工文化活动月"]),
        ("标志着书香敦化活动走向了新的高度", ["书香敦化"]),
    ],
)
def test_programmes_of_round_two(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_programmes(text) if c.type == "Program"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted name of two characters keeps its generic head
        ("深入开展“三问”活动。", ["三问活动"]),
        ("开展“送清凉”活动", ["送清凉"]),
        # 诉调对接 heads a mechanism; quoted names built after 建成
        ("开展“法治体检”,实行“工会+法院”诉调对接,", ["法治体检", "工会+法院诉调对接"]),
        ("各级工会组织还建成“流动职工书箱”“职工读书角”等3200多个", ["流动职工书箱", "职工读书角"]),
        # an unquoted special campaign after the verb that carries it out
        (
            "广东省总工会正开展外来工工资支付专项执法检查活动,帮助外来工",
            ["外来工工资支付专项执法检查活动"],
        ),
    ],
)
def test_short_quotes_mechanisms_and_special_campaigns(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_programmes(text) if c.type == "Program"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an open code names the word it opens
        ("渭滨区总工会启动“工会+”程序,联合区信访局", ["工会+程序"]),
        # the unions' rest and recuperation held for a group of people, not a place
        ("西藏自治区总工会开展劳模疗休养活动", ["劳模疗休养活动"]),
        ("积极开展职工乡村疗休养活动。", ["职工乡村疗休养活动"]),
        ("组织27名劳模参加区内疗休养活动,", []),
    ],
)
def test_open_codes_and_rest_care(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_programmes(text) if c.type == "Program"] == expected
