"""Resolution: elliptic names from story context, aliases, merges with reasons."""

from __future__ import annotations

import pytest

from kg.corpus.prepare import prepare
from kg.linking.resolver import Linked, link_document
from kg.nlp.pipeline import load_pipeline
from kg.types import RawDocument


def link(text: str, identifier: str = "a.txt") -> Linked:
    raw = RawDocument(identifier, identifier, text, "utf-8", "text/plain", "0" * 64)
    return link_document(prepare(raw), load_pipeline())


def names(linked: Linked, type_: str | None = None) -> set[str]:
    return {e.name for e in linked.entities.values() if type_ in (None, e.type)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "安康市总工会在市委和省总工会的领导下开展工作。",
            {"安康市总工会", "中共安康市委", "陕西省总工会"},
        ),
        ("石嘴山市总工会推行新机制。市总指导各区开展工作。", {"石嘴山市总工会"}),
        (
            "淄博市总工会召开会议,在市委、市政府的领导下推进改革。",
            {"淄博市总工会", "中共淄博市委", "淄博市人民政府"},
        ),
        (
            "河南省总工会、省人力资源和社会保障厅联合印发办法。",
            {"河南省总工会", "河南省人力资源和社会保障厅"},
        ),
        ("全总召开会议,全国总工会部署工作。", {"中华全国总工会"}),
        ("呼和浩特总工会承办体检活动。", {"呼和浩特市总工会"}),
        ("厦门市思明区总工会发起征集活动。", {"思明区总工会"}),
        ("金凤区工会建成7个户外劳动者之家。", {"金凤区总工会"}),
        (
            "涿州市总工会举办技能大赛。涿州市人大常委会副主任、市总工会主席张宝利出席。",
            {"涿州市总工会", "涿州市人大常委会"},
        ),
        (
            "鹤岗市总工会主办,市人社局、市科技局协办。",
            {"鹤岗市总工会", "鹤岗市人力资源和社会保障局", "鹤岗市科技局"},
        ),
    ],
)
def test_organizations_resolved_from_context(text: str, expected: set[str]) -> None:
    assert names(link(text), "Organization") == expected


def test_deputies_belong_to_the_congress_itself() -> None:
    found = names(link("全国人大代表黄大勇、襄阳市人大代表张三参加。"), "Organization")
    assert "襄阳市人大常委会" not in found


def test_an_office_does_not_name_its_government_body() -> None:
    found = names(link("敦化市。市委宣传部副部长王继东出席。"), "Organization")
    assert found == {"中共敦化市委宣传部"}


def test_a_unit_named_alone_needs_its_body_in_the_sentence() -> None:
    assert "Organization" not in {
        e.type for e in link("基层工作部部长罗乃熙出席。").entities.values()
    }


def test_elliptic_name_without_context_is_dropped() -> None:
    assert names(link("市总工会召开会议。"), "Organization") == set()


def test_one_character_apart_never_merge() -> None:
    linked = link("广东省总工会和广州市总工会联合开展活动。")
    assert {"广东省总工会", "广州市总工会"} <= names(linked, "Organization")


def test_places_full_names_and_short_forms() -> None:
    linked = link("宁夏回族自治区石嘴山市大武口区职工。石嘴山是工业大市,宁夏的重镇。")
    places = {e.name: e for e in linked.entities.values() if e.type == "Place"}
    assert set(places) == {"宁夏回族自治区", "石嘴山市", "大武口区"}
    assert places["石嘴山市"].code == "640200"
    assert "石嘴山" in places["石嘴山市"].aliases
    assert "宁夏" in places["宁夏回族自治区"].aliases


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("推进乡村振兴和民生服务保障", "振兴区"),
        ("签订促进就业创业合作协议", "合作市"),
        ("旬阳市跻身全省产改示范县", "范县"),
        ("在谱写中国式现代化建设的新篇章", "中国"),
        ("中国梦·劳动美主题宣讲", "中国"),
        ("中国海员建设工会主席李庆忠", "中国"),
        ("岳塘区总工会在莲城步行街户外劳动者驿站开展活动", "城步苗族自治县"),
        ("中国工会十七大指出,工会要强化互联网思维", "中华人民共和国总工会"),
        ("中国工会十七大指出,工会要强化互联网思维", "中国"),
    ],
)
def test_common_words_are_not_places(text: str, absent: str) -> None:
    assert absent not in names(link(text))


def test_homonyms_resolved_by_province() -> None:
    linked = link("辽宁阜新、锦州、盘锦、朝阳等5市总工会签订协议。")
    朝阳 = [e for e in linked.entities.values() if e.name.startswith("朝阳")]
    assert [(e.name, e.code) for e in 朝阳] == [("朝阳市", "211300")]


def test_traditional_forms_become_aliases_and_mentions_keep_reasons() -> None:
    linked = link("安康市總工會舉辦活動。市總工會承辦大賽。")
    union = linked.entities["organization:安康市总工会"]
    assert "安康市總工會" in union.aliases
    assert "市总工会" in union.aliases
    reasons = {m.reason for m in linked.mentions if m.entity == union.key}
    assert any(r.startswith("elliptic:市->安康市") for r in reasons)


def test_abbreviation_merges_into_the_full_name() -> None:
    linked = link(
        "河南省总工会印发《中原大工匠培育工程实施办法》(以下简称《办法》)。根据《办法》,培育对象培育期为1年。"
        "首钢矿业杏山铁矿为职工打造空间。杏山铁矿在交接班楼启动工程。"
    )
    programmes = {e.name: e for e in linked.entities.values() if e.type == "Program"}
    assert "《办法》" not in programmes
    assert "《办法》" in programmes["《中原大工匠培育工程实施办法》"].aliases
    assert "杏山铁矿" not in names(linked)
    assert "杏山铁矿" in linked.entities["organization:首钢矿业杏山铁矿"].aliases


def test_persons_from_bylines_and_titles() -> None:
    linked = link("标题\n本报讯(记者马学礼 通讯员邱春强)石嘴山市总工会党组成员高秀琴介绍了情况。")
    assert names(linked, "Person") == {"马学礼", "邱春强", "高秀琴"}


def test_mentions_point_into_the_original_text() -> None:
    text = "中衛(wèi)市總工會成立中衛(wèi)工匠學院。"
    linked = link(text)
    mention = next(m for m in linked.mentions if m.entity == "organization:中卫工匠学院")
    assert mention.surface == "中卫工匠学院"
    assert mention.rule == "org:compositional"


def test_the_outlet_of_a_dateline_is_a_media_organisation() -> None:
    linked = link("标题\n岳塘新闻网1月13日讯(记者 郭奕含)岳塘区总工会开展慰问活动。")
    outlet = linked.entities["organization:岳塘新闻网"]
    assert (outlet.type, outlet.subtype) == ("Organization", "Media")


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "施秉县总工会开展走访\n2023-07-29 17:59:16   来源:天眼新闻\n\n施秉县总工会开展慰问。",
            "天眼新闻",
        ),
        ("上饶市职工运动会开幕\n来源:上饶之窗\n\n上饶市总工会举办运动会。", "上饶之窗"),
    ],
)
def test_the_outlet_of_a_source_line_is_a_media_organisation(text: str, outlet: str) -> None:
    entity = link(text).entities[f"organization:{outlet}"]
    assert (entity.type, entity.subtype) == ("Organization", "Media")


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("台海网3月20日讯 据大武夷新闻网报道 日前,南平市总工会下发通知。", "大武夷新闻网"),
        ("据新甘肃客户端消息,甘肃省总工会开展慰问活动。", "新甘肃"),  # any name before 客户端
        ("据中工网报导,淄博市总工会举办培训班。", "中工网"),
    ],
)
def test_an_outlet_cited_in_the_text_is_a_media_organisation(text: str, outlet: str) -> None:
    entity = link(text).entities[f"organization:{outlet}"]
    assert (entity.type, entity.subtype) == ("Organization", "Media")


@pytest.mark.parametrize(
    "text",
    [
        "据了解,甘肃省总工会开展慰问活动。",
        "据统计,全市新建工会115家。",
        "据悉,工作组的报道已发出。",
    ],
)
def test_other_attributions_name_no_outlet(text: str) -> None:
    assert not [e for e in link(text).entities.values() if e.subtype == "Media"]


def test_towns_only_where_their_county_or_city_is_named() -> None:
    linked = link("银川市兴庆区丽景街街道开展活动。城关镇召开会议。")
    towns = {e.name: e for e in linked.entities.values() if e.subtype == "Town"}
    assert set(towns) == {"丽景街街道"}
    assert towns["丽景街街道"].key == "place:640104/丽景街街道"
    assert towns["丽景街街道"].code == ""  # jionlp gives towns no code; none is invented


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an autonomous prefecture's bodies go by its customary short name
        (
            "延边州总工会开展关爱行动。州总工会女职工委员会参加。",
            {"延边州总工会", "延边州总工会女职工委员会"},
        ),
        # 市 is the county-level city the story is about, not the prefecture around it
        (
            "太仓市总工会学习苏州市委会议精神。围绕太仓重点产业,太仓职工建功。市总工会表示。",
            {"太仓市总工会", "中共苏州市委"},
        ),
        ("中华全国总工会宣传教育部部长", {"中华全国总工会宣传教育部"}),
        ("中国海员建设工会主席李庆忠", {"中国海员建设工会"}),
        # the Party committee of a place, and its units
        ("柳北区区委、成都市委办公厅参加。", {"中共柳北区委", "中共成都市委办公厅"}),
        ("认真落实中央和省委、市委的部署要求。舞钢市总工会。", {"中共中央", "中共河南省委"}),
        # departments named alone with a province-level ending are the story's province's
        (
            "宁夏回族自治区。自治区总工会配合建设厅、公安厅等部门检查。",
            {"宁夏回族自治区总工会", "宁夏回族自治区建设厅", "宁夏回族自治区公安厅"},
        ),
        ("黑龙江省。由省教育工会、省教育厅联合举办。", {"黑龙江省教育工会", "黑龙江省教育厅"}),
        ("广州市。市总工会联合市农业农村局开展活动。", {"广州市总工会", "广州市农业农村局"}),
        # abbreviated endings in full, the CPPCC's official form, a zone of the story's city
        ("重庆市。市工商联和重庆市工商联参加。", {"重庆市工商业联合会"}),
        ("嘉峪关市政协副主席张三。", {"政协嘉峪关市委员会"}),
        ("拉萨市总工会、高新区总工会联合建设驿站。", {"拉萨市总工会", "拉萨市高新区总工会"}),
        ("标题\n中新社北京1月2日电 全总召开会议。", {"中国新闻社", "中华全国总工会"}),
        # a company's union is named as written; a union's unit after the union's place
        ("湖南中欣集团工会主席张三。长沙市天心区。", {"湖南中欣集团工会"}),
        ("东湖区文化馆工会开展活动。南昌市。", {"东湖区文化馆工会"}),
        ("安徽省淮北市总工会职工服务中心主任。", {"淮北市总工会职工服务中心"}),
        # a body named by its ending alone after another's titles shares its place
        ("内蒙古自治区人大常委会副主任、总工会主席和彦苓率队。", {"内蒙古自治区总工会"}),
        # a school named by its number is the story's city's
        (
            "敦化市举办诵读比赛。个人组三等奖:第六小学 李艳红;二实验小学徐庄智家庭。",
            {"敦化市第六小学", "敦化市第二实验小学"},
        ),
        # X人大 with officials is its standing committee; its deputies are the congress's
        ("襄阳市人大党组成员、副主任吉虹出席。", {"襄阳市人大常委会"}),
        # a unit named with its body names both
        (
            "玉溪市。云南林缘香料有限公司分馏班组荣获云南省工人先锋号。",
            {"云南林缘香料有限公司", "云南林缘香料有限公司分馏班组"},
        ),
        # a unit named alone before a title is the unit of the body named before it
        (
            "长沙市总工会党组成员、副主席黄渐坤,基层工作部部长罗乃熙出席。",
            {"长沙市总工会", "长沙市总工会基层工作部"},
        ),
        ("出席嘉宾:全总新闻发言人、宣教部部长张晓辉。", {"中华全国总工会宣传教育部"}),
        # a firm's name that starts like a place the story is not in stays as written
        (
            "襄阳市总工会。观摩了东风汽车股份有限公司襄阳分公司的工作室。",
            {"东风汽车股份有限公司襄阳分公司"},
        ),
        # an adverb before a firm's name is not part of it
        (
            "青岛市。经过激烈角逐,最终住商肥料(青岛)有限公司代表队获得一等奖。",
            {"住商肥料(青岛)有限公司"},
        ),
        # a municipality named more than a city in a ticker line is the story's 市
        ("大理白族文化周举办\n上海大街小巷。上海的市总工会号召。", {"上海市总工会"}),
    ],
)
def test_organisation_names(text: str, expected: set[str]) -> None:
    assert expected <= names(link(text), "Organization")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list that names one known person names the others (and ordinary words: 战书)
        (
            "区总工会选举产生主席李友华,钟荫腾、苗宁礼、刘蕾、韩荡当选为副主席。",
            {"李友华", "钟荫腾", "苗宁礼", "刘蕾", "韩荡"},
        ),
        (
            "选举张远桥为主席,黄永胜、章根国、朱敏当选为副主席。",
            {"张远桥", "黄永胜", "章根国", "朱敏"},
        ),
        # a name right after an organisation's in a list of winners
        ("个人组一等奖:欧亚敦百购物中心宋佳;市人民法院吴沂珊。敦化市。", {"宋佳", "吴沂珊"}),
        ("东海救助局救助船队东海救131轮船长盛王森介绍。", {"盛王森"}),
        # an ideology term is no mention of the person
        ("深入学习习近平新时代中国特色社会主义思想。", set()),
        ("学习习近平总书记关于工人阶级和工会工作的重要论述。", set()),
        # named only by a form of address: no person
        ("刘主席和崔女士看望了龙某。", set()),
    ],
)
def test_people(text: str, expected: set[str]) -> None:
    assert names(link(text), "Person") == expected
