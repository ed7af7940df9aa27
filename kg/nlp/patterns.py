"""Tables and precompiled regexes of the recognisers (rules are data)."""

from __future__ import annotations

import re

from kg.lexicons import org_endings, org_units, titles

__all__ = [
    "ABBREVIATIONS",
    "ELLIPTIC",
    "IDEOLOGY_AFTER_NAME",
    "LEFT_EXTENDED",
    "MIDDLE_LENGTH",
    "NAME_ENDINGS",
    "ORG_SUFFIXES",
    "ORG_SUFFIX_AT",
    "PROGRAMME_HEADS",
    "STOP_CHARS",
    "STOP_WORDS",
    "SUB_UNIT",
    "TITLES",
    "UNITS",
    "suffix_type",
]

_CJK = "\u4e00-\u9fff"

#: Organisation name endings -> (type, subtype) that compose with a place
#: (``ontology/lexicon/org_endings.tsv``, use ``compose``).
ORG_SUFFIXES: dict[str, tuple[str, str]] = {
    e.ending: ("Organization", e.subtype) for e in org_endings() if e.use == "compose"
}
#: Endings that allow a longer middle than their subtype's (快递外卖配送 + 行业工会联合会).
MIDDLE_LENGTH: dict[str, int] = {
    e.ending: e.middle for e in org_endings() if e.use == "compose" and e.middle is not None
}
#: Every ending that makes a string an organisation's name, for names found by the
#: statistical recogniser (use ``compose`` or ``name``), longest first.
NAME_ENDINGS: tuple[tuple[str, str], ...] = tuple(
    sorted(((e.ending, e.subtype) for e in org_endings()), key=lambda e: -len(e[0]))
)

#: Units that continue an organisation name (淄博市政府 + 新闻办公室, 东风汽车股份有限公司 +
#: 襄阳分公司, 上海市总工会 + 女职工委员会), from ``ontology/lexicon/org_units.tsv``: a short
#: middle (a place, a number, a name) may stand before the unit.
SUB_UNIT = re.compile(
    rf"(?P<mid>[{_CJK}0-9]{{0,8}}?)(?P<unit>{'|'.join(u.unit for u in org_units())})"
    rf"(?![署门长分])"
)
UNITS = {u.unit: u for u in org_units()}

#: Characters that never occur inside the middle of an organisation name.
STOP_CHARS = set(
    "的了和与及在将把对为向由从等是有于被让使给以而并或之其该这那各全每个家名级类项场次余"
)
#: Words that end a name on their left (verbs and adverbs that introduce names).
STOP_WORDS = (
    "开展",
    "推进",
    "推动",
    "实施",
    "打造",
    "成立",
    "建立",
    "组织",
    "举办",
    "承办",
    "主办",
    "印发",
    "出台",
    "召开",
    "启动",
    "联合",
    "签订",
    "积极",
    "深入",
    "构建",
    "指导",
    "带动",
    "坚持",
    "围绕",
    "加强",
    "新建",
    "扩建",
    "建成",
    "建设",
    "设立",
    "依托",
    "走进",
    "来到",
    "参加",
    "获评",
    "入选",
    "通过",
    "按照",
    "依据",
    "根据",
    "关于",
    "针对",
    "服务",
    "得知",
    "位于",
    "来自",
    "打通",
    "提供",
    "实现",
    "帮助",
    "提升",
    "促进",
    "推出",
    "覆盖",
    "加快",
    "评选",
    "表彰",
)

_SUFFIX_ALT = "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True))

#: An organisation ending at a given position.
ORG_SUFFIX_AT = re.compile(rf"{_SUFFIX_ALT}|总(?![工体量额数值计结部站队裁经书监会公厂院局共和])")

#: An elliptic name: a level character standing for the story's place.
ELLIPTIC = re.compile(
    rf"(?P<level>省|市|州|区|县)(?P<mid>[{_CJK}]{{0,6}}?)"
    rf"(?P<suffix>{_SUFFIX_ALT}|总(?![工体量额数值计结部站队裁经书监会公厂院局共和]))"
)

#: Endings whose names are proper names without a place: extend left to a boundary.
LEFT_EXTENDED = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|农商银行|铁矿|煤矿|联合工会|联席会议)"
)

#: Head nouns that end a programme's name (“区域化+网格化”工作机制).
PROGRAMME_HEADS = frozenset(
    [
        "主题劳动竞赛",
        "劳动竞赛",
        "技能竞赛",
        "技能大赛",
        "友谊联赛",
        "竞赛",
        "大赛",
        "联赛",
        "比赛",
        "评选活动",
        "主题活动",
        "专项行动",
        "建设行动",
        "引领行动",
        "行动计划",
        "培训计划",
        "计划",
        "行动",
        "活动",
        "工程",
        "工作机制",
        "长效机制",
        "机制",
        "服务模式",
        "工作模式",
        "培训模式",
        "建会模式",
        "模式",
        "服务体系",
        "体系",
        "制度",
        "工作法",
        "做法",
        "平台",
        "项目",
        "志愿服务",
        "上门服务",
        "服务",
        "热线",
        "基金",
        "大讲堂",
        "讲堂",
        "公开课",
        "主题系列新闻发布会",
        "对接工作室",
        "工作室",
        "驿站",
        "之家",
        "教育活动",
    ]
)

#: Titles and roles written right before a name (主席李晓英, 骑手欧阳刚), longest first
#: (``ontology/lexicon/titles.tsv``).
TITLES = sorted(titles(), key=len, reverse=True)

#: Official long forms of abbreviated endings.
ABBREVIATIONS = {
    "人社局": "人力资源和社会保障局",
    "人社厅": "人力资源和社会保障厅",
    "政府": "人民政府",
    "总": "总工会",
}


def suffix_type(suffix: str) -> tuple[str, str]:
    """The (type, subtype) an organisation ending implies.

    >>> suffix_type("总工会"), suffix_type("总")
    (('Organization', 'TradeUnion'), ('Organization', 'TradeUnion'))
    """
    return ORG_SUFFIXES.get(suffix, ("Organization", "TradeUnion"))


#: What follows a leader's name inside an ideology term, not a mention of the person
#: (习近平新时代中国特色社会主义思想, 习近平总书记关于工人阶级和工会工作的重要论述):
#: ANNOTATION.md excludes ideology terms.
IDEOLOGY_AFTER_NAME = re.compile(
    r"(?:新时代中国特色社会主义思想|(?:总书记)?(?:关于|对|重要|在[^。，,]{0,20}上的)"
    r"[^。；;]{0,30}?(?:论述|讲话|指示|批示|精神|思想|回信|贺信))"
)
