"""Tables and precompiled regexes of the recognisers (rules are data)."""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATIONS",
    "ELLIPTIC",
    "LEFT_EXTENDED",
    "ORG_SUFFIXES",
    "ORG_SUFFIX_AT",
    "PROGRAMME_HEADS",
    "STOP_CHARS",
    "STOP_WORDS",
    "SUB_UNIT",
    "TITLES",
    "suffix_type",
]

_CJK = "\u4e00-\u9fff"

#: Organisation name endings -> (type, subtype), longest first when matched.
ORG_SUFFIXES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ["总工会", "工会联合会", "联合工会", "工会委员会", "工会"], ("Organization", "TradeUnion")
    ),
    **dict.fromkeys(
        [
            "人民政府",
            "政府",
            "人大常委会",
            "政协",
            "人力资源和社会保障厅",
            "人力资源和社会保障局",
            "人社厅",
            "人社局",
            "司法厅",
            "司法局",
            "中级人民法院",
            "人民法院",
            "法院",
            "人民检察院",
            "检察院",
            "公安局",
            "教育局",
            "财政局",
            "应急管理局",
            "科学技术局",
            "科技局",
            "商务局",
            "民政局",
            "工业和信息化局",
            "工信局",
            "工信委",
            "国资委",
            "卫生健康委员会",
            "卫健委",
            "住房和城乡建设局",
            "住建局",
            "交通运输局",
            "文化和旅游局",
            "文旅局",
            "统计局",
            "审计局",
            "税务局",
            "生态环境局",
            "自然资源局",
            "农业农村局",
            "退役军人事务局",
            "医疗保障局",
            "医保局",
            "信访局",
            "市场监督管理局",
            "发展和改革委员会",
            "委员会",
            "委",
        ],
        ("Organization", "Government"),
    ),
    **dict.fromkeys(
        [
            "技师学院",
            "职业技术学院",
            "职业学院",
            "学院",
            "大学",
            "学校",
            "疗养院",
            "医院",
            "研究院",
            "研究所",
            "工人文化宫",
            "文化宫",
            "展馆",
            "博物馆",
            "图书馆",
            "服务中心",
            "中心",
        ],
        ("Organization", "Institution"),
    ),
    **dict.fromkeys(
        ["股份有限公司", "有限责任公司", "有限公司", "集团", "农商银行", "银行", "铁矿", "煤矿"],
        ("Organization", "Enterprise"),
    ),
    **dict.fromkeys(
        [
            "日报社",
            "日报",
            "晚报",
            "晨报",
            "广播电视台",
            "电视台",
            "融媒体中心",
            "新闻中心",
            "报社",
        ],
        ("Organization", "Media"),
    ),
    **dict.fromkeys(["宣讲团", "联席会议", "协会", "商会"], ("Organization", "OtherOrganization")),
}

#: Departments that continue an organisation name (淄博市政府 + 新闻办公室).
SUB_UNIT = re.compile(
    rf"[{_CJK}]{{0,4}}?(?:新闻办公室|办公室|办公厅|新闻中心|宣传部|组织部|研究室)"
)

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
    rf"(?P<level>省|市|区|县)(?P<mid>[{_CJK}]{{0,6}}?)"
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

#: Titles and roles written right before a name (主席李晓英, 骑手欧阳刚), longest first.
TITLES = sorted(
    [
        "党组书记",
        "常务副主席",
        "副主席",
        "主席",
        "副书记",
        "书记",
        "局长",
        "副团长",
        "团长",
        "处长",
        "科长",
        "所长",
        "厂长",
        "矿长",
        "行长",
        "馆长",
        "总监",
        "厅长",
        "市长",
        "县长",
        "区长",
        "省长",
        "副主任",
        "主任",
        "院长",
        "校长",
        "总经理",
        "经理",
        "董事长",
        "队长",
        "站长",
        "部长",
        "会长",
        "理事长",
        "秘书长",
        "党组成员",
        "成员",
        "委员",
        "工作人员",
        "负责人",
        "劳模",
        "劳动模范",
        "工匠",
        "技师",
        "骑手",
        "快递员",
        "外卖员",
        "司机",
        "网约车司机",
        "员工",
        "师傅",
        "选手",
        "志愿者",
        "律师",
        "记者",
        "通讯员",
        "班长",
        "组长",
        "主持人",
        "教授",
        "专家",
        "医生",
        "老师",
        "代表",
    ],
    key=len,
    reverse=True,
)

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
