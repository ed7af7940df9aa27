"""Recognisers on sentences from real union news (parametrised tables)."""

from __future__ import annotations

import pytest

from kg.nlp.components.areas import find_areas
from kg.nlp.components.gazetteer import scan
from kg.nlp.components.organizations import find_organizations
from kg.nlp.components.persons import find_persons
from kg.nlp.components.programmes import find_programmes
from kg.nlp.pipeline import load_pipeline


def texts(text: str, candidates: list) -> list[str]:
    return [text[c.start : c.end] for c in candidates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("安康市总工会始终把政治建设摆在首位", ["安康市总工会"]),
        (
            "由内蒙古自治区总工会主办,呼和浩特总工会和内蒙古工人疗养院承办",
            ["内蒙古自治区总工会", "呼和浩特总工会", "内蒙古工人疗养院"],
        ),
        ("依托淄博职业学院等6所职业院校", ["淄博职业学院"]),
        ("淄博市总工会打造了淄博工会融媒体中心", ["淄博市总工会", "淄博工会融媒体中心"]),
        ("淄博市政府新闻办公室组织召开发布会", ["淄博市政府新闻办公室"]),
        (
            "该比赛由南京市总工会、南京市人社局、共青团南京市委员会主办",
            ["南京市总工会", "南京市人社局", "共青团南京市委员会"],
        ),
        ("在得知辽宁柏慧燕都食品有限公司存在招工难的问题后", ["辽宁柏慧燕都食品有限公司"]),
        ("今年3月初,石嘴山市总开始实行", ["石嘴山市总"]),
        ("兴庆区:丽景街联合工会当好职工“娘家人”", ["丽景街联合工会"]),
        ("走进焕然一新的交接班楼,首钢矿业杏山铁矿的职工", ["首钢矿业杏山铁矿"]),
        ("上半年新建工会115家", ["新建工会"]),  # a candidate; the resolver drops it
        ("推动各市区总工会在公众号上发布招工信息", []),
        ("辽宁阜新、锦州等5市总工会联合签订协议", []),
        # government departments by their standard names, and listed after their body
        (
            "宁夏回族自治区人力资源和社会保障厅、公安厅、建设厅联合检查",
            ["宁夏回族自治区人力资源和社会保障厅", "公安厅", "建设厅"],
        ),
        ("鞍山市文化旅游和广播电视局举办比赛", ["鞍山市文化旅游和广播电视局"]),
        # units named after their organisation
        ("上海市总工会女职工委员会主任", ["上海市总工会女职工委员会"]),
        ("东风汽车股份有限公司襄阳分公司创新工作室联盟", ["东风汽车股份有限公司襄阳分公司"]),
        ("淄博市总工会基层工作部部长", ["淄博市总工会基层工作部"]),
        # a union's middle may be long when its ending names a sector
        ("太原市快递外卖配送行业工会联合会成立", ["太原市快递外卖配送行业工会联合会"]),
        ("玖龙纸业(太仓)有限公司董事长", ["玖龙纸业(太仓)有限公司"]),
        ("重庆公共运输职业学院工会开展活动", ["重庆公共运输职业学院", "重庆公共运输职业学院工会"]),
        # news sites named after their place, where a site's name stands
        ("来源:沈阳网 记者", ["沈阳网"]),
        ("本文来自台湾网。", ["台湾网"]),
        ("安康市总工会网上办公", ["安康市总工会"]),
        ("中国互联网大会", []),
        # long company names, brackets inside, and 我市 before a name
        (
            "新建项目云南云投职教扶贫开发玉溪体校有限责任公司的",
            ["云南云投职教扶贫开发玉溪体校有限责任公司", "玉溪体校有限责任公司"],
        ),
        (",力高(云南)箱包有限公司员工", ["力高(云南)箱包有限公司"]),
        (
            "我市中电(福建)电力开发有限公司工会委员会",
            ["中电(福建)电力开发有限公司", "中电(福建)电力开发有限公司工会委员会"],
        ),
        # an adverb before a name is not part of it; trade words alone make no name
        ("经过激烈角逐,最终住商肥料(青岛)有限公司代表队获得一等奖", ["住商肥料(青岛)有限公司"]),
        ("由中节能晶和科技有限公司协办", []),
        # no name swallows a verb (成立) after it
        ("中卫市总工会成立中卫工匠学院", ["中卫市总工会", "中卫工匠学院"]),
    ],
)
def test_organizations(text: str, expected: list[str]) -> None:
    found = [
        c
        for c in find_organizations(text)
        if c.rule not in {"org:elliptic", "org:provincial-department"}
    ]
    assert texts(text, found) == expected


def test_a_company_union() -> None:
    text = "走进车间,奥美医疗用品股份有限公司工会主席介绍"
    unions = [c for c in find_organizations(text) if c.subtype == "TradeUnion"]
    assert [text[c.start : c.end] for c in unions] == ["奥美医疗用品股份有限公司工会"]


@pytest.mark.parametrize(
    ("text", "level", "body"),
    [
        ("在市委和省总工会的坚强领导下", "市", "委"),
        ("市总工会承办陕西省茶艺技能大赛", "市", "总工会"),
        ("河南省总工会、省人力资源和社会保障厅联合印发", "省", "人力资源和社会保障厅"),
        ("获省人大常委会副主任批示", "省", "人大常委会"),
        ("市工人文化宫建设加速推进", "市", "工人文化宫"),
    ],
)
def test_elliptic_organizations(text: str, level: str, body: str) -> None:
    elliptic = [c for c in find_organizations(text) if c.rule == "org:elliptic"]
    assert (elliptic[0].level, elliptic[0].body) == (level, body)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "今年,石嘴山市总工会推行“区域化+网格化”工作机制,为“产改”装上新驱动",
            ["区域化+网格化工作机制"],
        ),
        ("扎实开展“安康杯”竞赛、“安全隐患随手拍”等活动", ["安康杯竞赛", "安全隐患随手拍"]),
        (
            "打造“玫瑰书香”亲子阅读、“职工阅读马拉松”等特色品牌",
            ["玫瑰书香亲子阅读", "职工阅读马拉松"],
        ),
        ("宁陕县创新“一季度一主题、一月一活动”品牌", ["一季度一主题、一月一活动"]),
        (
            "相继出台了《新时期产业工人队伍建设改革实施方案》",
            ["《新时期产业工人队伍建设改革实施方案》"],
        ),
        (
            "《淄博市产业工人队伍建设改革“十四五”规划》等指导性文件",
            ["《淄博市产业工人队伍建设改革十四五规划》"],
        ),
        ("健全协调劳动关系三方机制,加强劳动争议调处工作", ["协调劳动关系三方机制"]),
        ("市总工会承办陕西省茶艺技能大赛,举办手工制茶等行业竞赛", ["陕西省茶艺技能大赛"]),
        ("成立了“淄工头雁”劳模工匠宣讲团", ["淄工头雁劳模工匠宣讲团"]),
        ("企业实行‘理论+实践’职级序列认定机制后", ["理论+实践职级序列认定机制"]),
        ("实施“维护农民工权益专项行动”,举办法律法规咨询宣传活动", ["维护农民工权益专项行动"]),
        ("拿出“硬招”、“实招”、“新招”,全面推进工会工作", []),
        ("职工脸上洋溢着幸福的笑容,这是“娘家人”的温暖。", []),
        ("提供“冷可取暖、热可纳凉、渴有热水”等爱心服务", []),
        ("报道见《工人日报》", ["工人日报"]),
        ("《中国工人》杂志社副社长牛宏睿出席", ["中国工人"]),
        (
            "由内蒙古自治区总工会主办,呼和浩特总工会承办的新就业形态劳动者移动体检活动启动。",
            ["新就业形态劳动者移动体检活动"],
        ),
        (
            "当日,南京市职工技能大赛快递员收派和处理技能竞赛在南京技师学院举办。",
            ["南京市职工技能大赛", "南京市职工技能大赛快递员收派和处理技能竞赛"],
        ),
        ("该比赛由南京市总工会主办", [None]),
        (
            "宝坻区总工会联合多个部门共同开展暖“新”同行·“驿”路有家服务户外劳动者主题活动。",
            ["暖新同行·驿路有家服务户外劳动者主题活动"],
        ),
    ],
)
def test_programmes(text: str, expected: list[str]) -> None:
    assert [c.canonical for c in find_programmes(text)] == expected


def test_policy_titles_are_typed() -> None:
    (policy,) = find_programmes("联合印发《中原大工匠培育工程实施办法》")
    assert (policy.type, policy.subtype) == ("Program", "Policy")
    (paper,) = find_programmes("报道见《工人日报》")
    assert (paper.type, paper.subtype) == ("Organization", "Media")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("邀请市总工会党组书记、常务副主席邢化良同志就成果进行发布", ["邢化良"]),
        ("省人大常委会副主任、省总工会主席李晓英批示肯定", ["李晓英"]),
        ("据石嘴山市总工会党组成员高秀琴介绍", ["高秀琴"]),
        ("顺丰快递员张博说:“这次体检项目非常全面。”", ["张博"]),
        ("前不久,骑手欧阳刚在思明区职工服务中心领取了物资", ["欧阳刚"]),
        ("外卖骑手小杨记忆犹新", []),
        ("亦是福建省总工会党组书记、副主席的陈震表示", ["陈震"]),
        ("而身为副团长的高清平则认为", ["高清平"]),
        ("切实增强劳模工匠的荣誉感、责任感", []),
        ("市人大副主任、市总工会主席吉虹等领导出席活动", ["吉虹"]),
        ("市总工会主席徐征到铁路运输部机务段赛场观摩比赛", ["徐征"]),
        ("近日,来自辽宁阜新的杜雨亭与葫芦岛一家企业达成就业意向", ["杜雨亭"]),
        ("他也是驿站的常客。提升职工的幸福感,联合人社、司法、卫健等部门", []),
        ("参加了集体生日会的骑手小高印象深刻", []),
        ("组织27名劳模和高技能人才参加疗休养活动", []),
        ("向记者介绍了淄博市产改5年来取得的成效", []),
    ],
)
def test_persons(text: str, expected: list[str]) -> None:
    doc = load_pipeline().make_doc(text)
    boundaries = {t.idx for t in doc} | {t.idx + len(t.text) for t in doc}
    assert texts(text, find_persons(text, boundaries)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "在综合保税区、银川经济技术开发区、滨河新区、灵武羊绒产业园区等",
            ["银川经济技术开发区", "滨河新区", "灵武羊绒产业园区"],
        ),
        ("以关于加快园区发展的决策为指导,在重点园区开展劳动竞赛", []),
        ("西夏区:公铁物流园职工之家精心服务职工", ["公铁物流园"]),
    ],
)
def test_areas(text: str, expected: list[str]) -> None:
    assert texts(text, find_areas(text)) == expected


def test_gazetteer_matches_characters_not_tokens() -> None:
    text = "宁夏回族自治区石嘴山市大武口区"
    hits = {(text[s:e], h.type) for s, e, h in scan(text)}
    assert {("宁夏回族自治区", "Place"), ("石嘴山市", "Place"), ("大武口区", "Place")} <= hits
    programmes = {h.canonical for _s, _e, h in scan("为“产改”装上新驱动") if h.type == "Program"}
    assert programmes == {"产业工人队伍建设改革"}


def test_pipeline_is_built_from_config() -> None:
    nlp = load_pipeline()
    assert nlp.lang == "zh"
    assert nlp.pipe_names == [
        "sentencizer",
        "kg_sentence_cap",
        "kg_gazetteer",
        "kg_organizations",
        "kg_programmes",
        "kg_areas",
        "kg_statistical",
        "kg_persons",
        "kg_learned_programmes",
        "kg_merge",
    ]
    doc = nlp("安康市总工会构建劳动法律监督“一函两书”机制。")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("安康市总工会", "Organization"),
        ("劳动法律监督“一函两书”", "Program"),
    ]
    chosen = doc._.kg_entities
    assert "一函两书" in [c.canonical for c in chosen]
    assert ("安康市", "Place") in [(s.text, s.label_) for s in doc.spans["kg_entities"]]


def test_a_run_on_sentence_is_cut_at_clause_marks_and_real_ones_stay_whole() -> None:
    from tests.helpers import corpus_text

    nlp = load_pipeline()
    run_on = "安康市总工会、石泉县总工会和汉阴县总工会开展“一函两书”工作," * 60
    sentences = list(nlp(run_on).sents)
    assert len(sentences) > 1 and max(len(s.text) for s in sentences) <= 400
    from kg.nlp.components.sentences import CLAUSE_MARKS

    assert all(s.text[-1] in CLAUSE_MARKS for s in sentences[:-1])  # cut after a clause mark
    text = corpus_text("002")
    capped = nlp.get_pipe("kg_sentence_cap")
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    assert capped.cuts(doc) == []  # no real sentence of a seed is near the limit
