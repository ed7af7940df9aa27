"""Tables and precompiled regexes of the recognisers (rules are data)."""

from __future__ import annotations

import re

from kg.text import CJK_RANGES
from kg.vocab.lexicon import (
    alternation,
    cue_alternation,
    department_stems,
    honour_short_forms,
    honours,
    org_abbreviations,
    org_endings,
    org_stops,
    org_units,
    policy_endings,
    programme_heads,
    programme_stops,
    titles,
)

_SCHOOL_KINDS = cue_alternation("recogniser_cues.tsv", "school-kind")
_ORG_TAIL_ENDINGS = cue_alternation("recogniser_cues.tsv", "org-tail-ending")
_CARRY_OUT_VERBS = cue_alternation("recogniser_cues.tsv", "carry-out-verb")
_FOUND_VERBS = cue_alternation("recogniser_cues.tsv", "found-verb")
_MEDIA_AFTER = cue_alternation("recogniser_cues.tsv", "media-after-title")
_MEDIA_TITLE_ENDS = cue_alternation("recogniser_cues.tsv", "media-title-end")
_MECHANISM_VERBS = cue_alternation("recogniser_cues.tsv", "mechanism-verb")
_MECHANISM_ENDS = cue_alternation("recogniser_cues.tsv", "mechanism-end")
_RECUPERATION_WHO = cue_alternation("recogniser_cues.tsv", "recuperation-who")
_BUILD_MECHANISM_VERBS = cue_alternation("recogniser_cues.tsv", "build-mechanism-verb")
_SCHEME_VERBS = cue_alternation("recogniser_cues.tsv", "scheme-verb")
_HOSTED_EVENT_HEADS = cue_alternation("recogniser_cues.tsv", "hosted-event-head")
_ANAPHOR_HEADS = cue_alternation("recogniser_cues.tsv", "event-anaphor-head")
_CONTEST_HEADS = cue_alternation("recogniser_cues.tsv", "contest-head")
_NAMED_TITLE_NOT_AFTER = cue_alternation("recogniser_cues.tsv", "named-title-not-before")
_SHORT_HONOUR_NOT_AFTER = cue_alternation("recogniser_cues.tsv", "short-honour-not-before")
_SELECTION_WORDS = cue_alternation("recogniser_cues.tsv", "selection-word")
_HOTLINE_VERBS = cue_alternation("recogniser_cues.tsv", "hotline-verb")
_SEASON_HEADS = cue_alternation("recogniser_cues.tsv", "season-head")
_NOT_A_BRAND = cue_alternation("recogniser_cues.tsv", "not-a-brand")
_IDEOLOGY_HEADS = cue_alternation("recogniser_cues.tsv", "ideology-head")

__all__ = [
    "ABBREVIATIONS",
    "AWARD_END",
    "CARRY_OUT",
    "CODE_LEFT_STOPS",
    "CONTEST",
    "DESCRIBES",
    "EDITION",
    "ELIDED_CONTEST",
    "ELLIPTIC",
    "ENUMERATED",
    "EVENT_ANAPHOR",
    "EVENT_HEAD",
    "EVENT_LEVEL",
    "EVENT_RUN_EXTRA",
    "EVENT_STOP",
    "EVENT_STOPS",
    "FOUND",
    "FOUNDED_HEADS",
    "GENERIC_FIRM",
    "GENERIC_ONLY",
    "HELD",
    "HOLD",
    "HONOUR",
    "HONOUR_LIST_GAP",
    "HONOUR_QUOTES",
    "HONOUR_WINNER",
    "HOSTED",
    "HOTLINE",
    "IDEOLOGY_AFTER_NAME",
    "INSURANCE_PLAN",
    "LAUNCHED",
    "LEFT_EXTENDED",
    "LEVEL_LIST",
    "MEDIA_AFTER",
    "MEDIA_TITLE",
    "MIDDLE_LENGTH",
    "NAMED_TITLE_NOT_AFTER",
    "NAME_ENDINGS",
    "NOT_AFTER_HEAD",
    "NOT_A_BRAND",
    "NUMBERED_SCHOOL",
    "OPEN_CODE",
    "OPEN_CODE_WORD",
    "ORG_SUFFIXES",
    "ORG_SUFFIX_AT",
    "OUTLET_ENDINGS",
    "PHRASE_END",
    "PLAN_HEAD",
    "POLICY_TITLE",
    "PROGRAMME_BARE_HEADS",
    "PROGRAMME_CLASSIFIERS",
    "PROGRAMME_GENERIC_START",
    "PROGRAMME_HEADS",
    "PROGRAMME_ORG_HEADS",
    "PROGRAMME_SELF_HEADS",
    "PROGRAMME_STOP_WORDS",
    "PROGRAMME_VERB_HEADS",
    "PROVINCIAL_DEPARTMENT",
    "QUOTED",
    "QUOTED_BRAND",
    "QUOTED_CODE",
    "QUOTES",
    "QUOTE_TAIL",
    "READING_BRAND",
    "REST_CARE",
    "SEASON_HEAD",
    "SECTOR",
    "SHORT_HONOUR_NOT_AFTER",
    "SLOGAN_SEPARATOR",
    "SPECIAL_CAMPAIGN",
    "STOP_CHARS",
    "STOP_WORDS",
    "SUB_UNIT",
    "THEMED",
    "TITLE",
    "TITLES",
    "TRIGGERED",
    "TRIGGERED_DE",
    "UNITS",
    "suffix_type",
]


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
    sorted(
        ((e.ending, e.subtype) for e in org_endings() if e.use != "outlet"),
        key=lambda e: -len(e[0]),
    )
)
#: The endings of an outlet's name where a source line or dateline names one (any media
#: ending, and those only an outlet's name takes there: 天眼新闻, 上饶之窗).
OUTLET_ENDINGS: tuple[str, ...] = tuple(
    sorted({e.ending for e in org_endings() if e.subtype == "Media"}, key=lambda e: (-len(e), e))
)

#: Units that continue an organisation name (淄博市政府 + 新闻办公室, 东风汽车股份有限公司 +
#: 襄阳分公司, 上海市总工会 + 女职工委员会), from ``ontology/lexicon/org_units.tsv``: a short
#: middle (a place, a number, a name) may stand before the unit.
SUB_UNIT = re.compile(
    rf"(?P<mid>[{CJK_RANGES}0-9]{{0,8}}?)(?P<unit>{'|'.join(u.unit for u in org_units())})"
    rf"(?![署门长分])"
)
UNITS = {u.unit: u for u in org_units()}

_ORG_STOPS = org_stops()
#: Characters that never occur inside the middle of an organisation name.
STOP_CHARS = set(_ORG_STOPS["inside"])
#: Words that end a name on their left (verbs and adverbs that introduce names).
STOP_WORDS = _ORG_STOPS["left"]
#: A firm's name made only of trade words is no name (科技有限公司, 投资发展有限公司).
GENERIC_FIRM = re.compile(rf"(?:{alternation(_ORG_STOPS['generic'])})+")

#: A school named by its number alone (第六小学, 二实验小学, 第一中学): the linker names it
#: after the story's city or county.
NUMBERED_SCHOOL = re.compile(
    r"第?(?P<number>[一二三四五六七八九十]{1,3})"
    rf"(?P<kind>(?:实验)?(?:{_SCHOOL_KINDS}))"
)

_SUFFIX_ALT = alternation(ORG_SUFFIXES)

#: An organisation ending at a given position.
ORG_SUFFIX_AT = re.compile(rf"{_SUFFIX_ALT}|总(?![工体量额数值计结部站队裁经书监会公厂院局共和])")

#: A government department with a province-level ending (公安厅, 人力资源和社会保障厅) after
#: no CJK name of its own (``government_departments.tsv``).
PROVINCIAL_DEPARTMENT = re.compile(alternation(d + "厅" for d in department_stems("厅")))

#: An elliptic name: a level character standing for the story's place.
ELLIPTIC = re.compile(
    rf"(?P<level>自治区|省|市|州|区|县)(?P<mid>[{CJK_RANGES}]{{0,6}}?)"
    rf"(?P<suffix>{_SUFFIX_ALT}|总(?![工体量额数值计结部站队裁经书监会公厂院局共和]))"
)

#: Endings whose names are proper names without a place: extend left to a boundary.
LEFT_EXTENDED = re.compile(rf"(?:{_ORG_TAIL_ENDINGS})")

# --- Programmes (``ontology/lexicon/programme_heads.tsv``, ``programme_stops.tsv``) ---

_PROGRAMME_HEADS = programme_heads()
#: Head nouns that end a programme's name (“区域化+网格化”工作机制).
PROGRAMME_HEADS = frozenset(_PROGRAMME_HEADS["programme"])
#: Heads that make a quoted name an organisation's (“淄工头雁”劳模工匠宣讲团).
PROGRAMME_ORG_HEADS = frozenset(_PROGRAMME_HEADS["organisation"])
#: Heads that classify rather than name: left out of the name (“…”品牌, “…”特别节目).
PROGRAMME_CLASSIFIERS = frozenset(_PROGRAMME_HEADS["classifier"])
#: Endings of a quoted name that carries its own head (“维护农民工权益专项行动”).
PROGRAMME_SELF_HEADS = tuple(_PROGRAMME_HEADS["self"])
#: Generic heads that stay out of the name when they follow a compact quoted name
#: (“送清凉”活动 is 送清凉); a slogan (“办实事、促产改”活动) is a theme and keeps its head.
PROGRAMME_BARE_HEADS = frozenset(_PROGRAMME_HEADS["bare"])
#: What separates the clauses of a slogan inside quotes (“适应新常态,民主解难题”).
SLOGAN_SEPARATOR = re.compile(r"[、,，;；:：·・—\-\s]")
#: Heads that are also verbs (服务职工) only end a name at the end of a phrase.
PROGRAMME_VERB_HEADS = ("服务",)

_PROGRAMME_STOPS = programme_stops()
#: Never inside a programme's name: function words and verbs that open a clause. Unlike
#: ``STOP_WORDS`` (which bound organisation names), verbs such as 建设, 服务, 联合, 评选
#: may stand inside a programme's name (书香工会建设行动, 移动体检上门服务).
PROGRAMME_STOP_WORDS = tuple(_PROGRAMME_STOPS["inside"])
#: What opens a generic phrase rather than a name (全市…, 各类…).
PROGRAMME_GENERIC_START = tuple(_PROGRAMME_STOPS["start"])
#: A name made of generic activity words only (系列主题劳动竞赛, 关爱行动, 自查自纠).
GENERIC_ONLY = re.compile(rf"(?:{alternation(_PROGRAMME_STOPS['generic'])})+")
#: Words that open a description after a quoted name: the quote alone is the name
#: (“工会进万家”调研走访慰问活动 is 工会进万家).
DESCRIBES = re.compile(alternation(_PROGRAMME_STOPS["describes"]))
#: A quoted code (“1+X”, “125”, “up主”): part of a longer name, not a name alone.
QUOTED_CODE = re.compile(rf"[0-9A-Za-z+＋\-]+[{CJK_RANGES}]?")
#: What ends, on its left, the words before a quoted code (verbs, organisations, stops).
CODE_LEFT_STOPS = (*PROGRAMME_STOP_WORDS, *STOP_WORDS, *_PROGRAMME_STOPS["left"])

#: A quoted name in one of the three quotation styles.
QUOTED = re.compile(r"“(?P<a>[^“”\n]{2,30})”|‘(?P<b>[^‘’\n]{2,30})’|\"(?P<c>[^\"\n]{2,30})\"")
#: What ends a phrase after a head that is also a verb.
PHRASE_END = re.compile(rf"[^{CJK_RANGES}]|的|等|中|上|$")
#: A head followed by a person noun is not a head (服务员, 工作者).
NOT_AFTER_HEAD = re.compile(rf"[{CJK_RANGES}]?(?:员|者|人|们)")
#: Verbs that carry a programme out; a quoted name right after one is a programme.
CARRY_OUT = re.compile(rf"(?:{_CARRY_OUT_VERBS})了?$")
#: Verbs that hold an event; quoted names listed right after one are what is held.
HOLD = re.compile(r"(?:举办|组织|举行)了?$")
#: Verbs that found a body; a studio they found is an institution (成立“法院+工会”劳动争议调解
#: 工作室), while 劳模工匠创新工作室 as a whole is a programme.
FOUND = re.compile(rf"(?:{_FOUND_VERBS})了?$")
FOUNDED_HEADS = frozenset(["工作室"])
#: A short tail after a quote inside a list of quoted names (“送文化”下基层惠职工).
QUOTE_TAIL = re.compile(rf"[{CJK_RANGES}0-9]{{0,8}}")
#: A 《》 title.
TITLE = re.compile(r"《([^《》\n]{2,40})》")
#: 《中国工人》杂志社: the title is a periodical's.
MEDIA_AFTER = re.compile(rf"(?:{_MEDIA_AFTER})")
MEDIA_TITLE = re.compile(rf"(?:{_MEDIA_TITLE_ENDS})$")
#: The end of a policy document's title (``policy_endings.txt``), a parenthesis read
#: through (《工资集体合同(草案)》).
POLICY_TITLE = re.compile(rf"(?:{alternation(policy_endings())})(?:[(（][^()（）]*[)）])?$")
#: An unquoted mechanism or policy after a verb that carries it out (健全协调劳动关系三方机制).
TRIGGERED = re.compile(
    rf"(?:{_MECHANISM_VERBS})了?"
    rf"(?P<name>[{CJK_RANGES}0-9+·]{{2,14}}?(?:{_MECHANISM_ENDS}))"
    r"(?=[,，。;；、\n]|$)"
)
#: An unquoted special campaign after the verb that carries it out: what it is about,
#: 专项, what it does (开展外来工工资支付专项执法检查活动).
SPECIAL_CAMPAIGN = re.compile(
    rf"(?:开展|启动|部署)了?(?P<name>[{CJK_RANGES}]{{2,12}}专项[{CJK_RANGES}]{{2,8}}?(?:活动|行动))"
    r"(?=[,，。;；、\n]|$)"
)
#: The unions' rest and recuperation for workers (职工疗休养, a standard benefit of union
#: work) held for a group of people: 开展劳模疗休养活动, 开展职工乡村疗休养活动 (not 区内…).
REST_CARE = re.compile(
    rf"(?:开展|组织|举办|参加)了?(?P<name>[{CJK_RANGES}]{{0,4}}(?:{_RECUPERATION_WHO})"
    rf"[{CJK_RANGES}]{{0,3}}疗休养活动)"
)
#: A quoted name that ends open (“工会+”, “互联网+”) takes the word it opens (“工会+”程序).
OPEN_CODE = re.compile(rf"[{CJK_RANGES}]{{2,8}}[+＋]")
#: The word after an open code, up to the end of its phrase.
OPEN_CODE_WORD = re.compile(rf"[{CJK_RANGES}]{{2,4}}(?=[^{CJK_RANGES}]|$)")
#: A mechanism after 的 in the clause of the verb that builds it (建立人民法院与工会之间的
#: 劳动争议诉调对接工作机制); long enough to be a name, not a kind (沟通协调机制).
TRIGGERED_DE = re.compile(
    rf"(?:{_BUILD_MECHANISM_VERBS})[^,，。;；\n]{{0,24}}?的"
    rf"(?P<name>[{CJK_RANGES}]{{5,12}}(?:工作机制|长效机制|机制|服务体系))(?=[,，。;；、\n]|$)"
)
#: A plan of the union mutual insurance (职工互助保障) given or taken out: 赠送意外及大病自负
#: 保障计划, 推广女职工幸福保障计划.
INSURANCE_PLAN = re.compile(rf"(?:{_SCHEME_VERBS})了?(?P<name>[{CJK_RANGES}、]{{2,16}}?保障计划)")
#: A programme that opens its clause and is launched: 新时代职工赋能提质行动顺利启动.
LAUNCHED = re.compile(
    rf"(?:^|(?<=[,，。;；\n]))(?P<name>[{CJK_RANGES}]{{4,18}}(?:行动|工程|计划))"
    r"(?:顺利|正式|全面)?(?:启动|实施|开展)",
    re.MULTILINE,
)
#: A contest after a verb that hosts it (承办陕西省茶艺技能大赛).
CONTEST = re.compile(
    rf"(?:举办|承办|主办)了?(?P<name>[{CJK_RANGES}0-9]{{2,16}}?(?:技能大赛|大赛|竞赛|比赛))"
    r"(?=[,，。;；、\n]|$)"
)
#: An event named in the clause that hosts it: 由A主办、B承办的新就业形态劳动者移动体检活动.
HOSTED = re.compile(
    rf"(?:主办|承办|协办)的(?P<name>[{CJK_RANGES}0-9]{{4,22}}?"
    rf"(?:{_HOSTED_EVENT_HEADS}))(?=[,，。;；、\n]|启动|举行|开幕|在|$)"
)
#: An event that opens its clause and is held somewhere: 南京市职工技能大赛…竞赛在南京技师学院举办.
HELD = re.compile(
    rf"(?:^|(?<=[,，。;；\n]))(?P<name>[{CJK_RANGES}0-9]{{4,26}}(?:竞赛|大赛|比赛))"
    rf"在[{CJK_RANGES}]{{2,20}}(?:举办|举行|开幕|开赛)",
    re.MULTILINE,
)
#: A themed campaign whose name mixes short quotes: 开展暖“新”同行·“驿”路有家服务户外劳动者主题活动.
THEMED = re.compile(
    r"(?:开展|举办|启动|组织)了?(?P<name>[^,，。；;、\n]{2,30}?"
    r"(?:主题教育活动|主题活动|系列活动|专项行动))"
)
#: Programmes listed with the head they share: 以健康教育行动、心理关怀行动…等五项行动.
ENUMERATED = re.compile(
    rf"(?P<items>(?:[{CJK_RANGES}]{{2,14}}?(?P<head>行动|工程|计划|项目)、)+"
    rf"[{CJK_RANGES}]{{2,14}}?(?P=head))等[一二三四五六七八九十两0-9]*[项个大类]?(?P=head)"
)
#: 该比赛, 此次活动: the event the story just named.
EVENT_ANAPHOR = re.compile(rf"(?:该|此次|本次|这次)(?P<head>{_ANAPHOR_HEADS})")
#: Characters that never stand inside an event's name.
EVENT_STOP = frozenset("的了在将把被")

#: The head of a named contest or event series (深圳市重点工程劳动竞赛, 深圳技能大赛,
#: 江西省“天工杯”劳动和技能竞赛); a contest's item (竞赛项目) is none.
EVENT_HEAD = re.compile(rf"(?:{_CONTEST_HEADS})(?!项目)")
#: An item of a list of contests that leaves the head to the last one (“长江大保护”职工
#: 职业技能、…机械冶金行业职工职业技能竞赛): the skill it is about, then the next item.
ELIDED_CONTEST = re.compile(r"职业技能(?=、|暨)")
#: Words that end a contest's name on their left besides programme stop words (暨 joins
#: two names, 参加 the contest a team takes part in).
EVENT_STOPS = (*PROGRAMME_STOP_WORDS, *_PROGRAMME_STOPS["event"])
#: The levels that open a contest's name as a place does (全国高校青年教师教学竞赛);
#: 全省 stands for the story's province.
EVENT_LEVEL = re.compile(r"全国|全省")
#: Besides Chinese characters, a contest's name may hold quotes and a code (新疆“10+N”).
EVENT_RUN_EXTRA = re.compile('[“”"‘’0-9A-Za-z+＋]')
#: What marks a sector in a contest's name (机械冶金行业职工职业技能竞赛).
SECTOR = "行业"
#: Quotation marks, which may stand inside a contest's name.
QUOTES = re.compile('[“”"‘’]')
#: The edition or year of an event, not part of its name (第十二届, 首届, 2022年).
EDITION = re.compile(r"第[0-9一二三四五六七八九十百零〇]{1,4}届|首届|(?:19|20)[0-9]{2}年度?")
#: A standard honour title (``ontology/lexicon/honours.tsv``) or its short form
#: (``honour_short_forms.tsv``), longest first; quotes may stand inside (“五一”劳动奖章).
HONOUR = re.compile(
    "|".join(
        '[“”"]?'.join(re.escape(ch) for ch in title)
        for title in sorted({*honours(), *honour_short_forms()}, key=len, reverse=True)
    )
)
#: A list of levels before an honour's level character (全国、省五一劳动奖章): the levels
#: of the honours, not one place.
LEVEL_LIST = re.compile(r"(?:全国|省级?|市级?|区级?|县级?|自治区|州)(?:、|和|及)$")
#: What follows the umbrella 五一劳动奖 when it names the award (省五一劳动奖、工人先锋号).
AWARD_END = re.compile(rf"[^{CJK_RANGES}]|、|和|及|等|的|获|称号|$")
#: What follows a title that carries its level when it opens another name (大国工匠培育对象).
NAMED_TITLE_NOT_AFTER = re.compile(rf"{_NAMED_TITLE_NOT_AFTER}")
#: Quotation marks inside an honour's title.
HONOUR_QUOTES = re.compile('[“”"]')
#: What may stand between the items of a list of honours: a count, then a separator
#: (云南省劳动模范35名、五一劳动奖状24个).
HONOUR_LIST_GAP = re.compile(r"(?:[0-9]+[名个家人项位])?(?:、|和|及|与|以及)")
#: What follows a short form when it opens another term, not the honour (劳模工匠, 劳模精神).
SHORT_HONOUR_NOT_AFTER = re.compile(rf"{_SHORT_HONOUR_NOT_AFTER}")
#: 获得者 right after 五一劳动奖, or what an encoding artefact left of 章获得者 (a character
#: and a symbol: 五一劳动奖芦@得者): the medal, which people get.
HONOUR_WINNER = re.compile(rf"(?:[{CJK_RANGES}]?[@?？\ufffd]+)?获?得者")
#: A quoted craftsman brand by its form, whatever names it, that is selected or conferred
#: (“雄关工匠”推选活动, “雄关工匠”称号); 鞍钢 in “鞍钢工匠” alone may be the company's.
QUOTED_BRAND = re.compile(rf"“(?P<name>[{CJK_RANGES}]{{2,4}}工匠)”(?=的?(?:{_SELECTION_WORDS}))")
#: A reading brand: 书香 and a place (书香敦化, 书香中国).
READING_BRAND = "书香"
#: A hotline by its number, after a verb that gives or uses it (拨打工会投诉热线12351).
HOTLINE = re.compile(
    rf"(?:{_HOTLINE_VERBS})(?P<name>[{CJK_RANGES}]{{2,8}}热线[0-9]{{4,6}})(?![0-9])"
)
#: A plan named for its years, opened by a place (辽宁全面振兴新突破三年行动).
PLAN_HEAD = re.compile(r"[一二三四五六七八九十两]年(?:攻坚)?行动(?:计划|方案)?")
#: An event series of a place over a period (延边州职工文化活动月).
SEASON_HEAD = re.compile(rf"{_SEASON_HEADS}")
#: What follows 工匠 when it heads an institution or a term, not a brand (深圳工匠学院).
NOT_A_BRAND = re.compile(rf"{_NOT_A_BRAND}")

#: Titles and roles written right before a name (主席李晓英, 骑手欧阳刚), longest first
#: (``ontology/lexicon/titles.tsv``).
TITLES = sorted(titles(), key=len, reverse=True)

#: Official long forms of abbreviated endings (``ontology/lexicon/org_abbreviations.tsv``),
#: longest first: 市场监管局 -> 市场监督管理局, 政府 -> 人民政府.
ABBREVIATIONS = dict(sorted(org_abbreviations().items(), key=lambda kv: -len(kv[0])))


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
    rf"[^。；;]{{0,30}}?(?:{_IDEOLOGY_HEADS}))"
)
