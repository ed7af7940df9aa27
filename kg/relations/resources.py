"""Tables and precompiled regexes of the relation rules (rules are data).

The words come from ``ontology/lexicon/``: the trigger table
(``relation_triggers.tsv``: which word signals which relation, for which kind of
object), the other cues (``relation_cues.tsv``: event heads, words that make an
organisation an instrument, title parts, coordination) and the titles
(``titles.tsv``). Their origin is in ``ontology/lexicon/README.md``.

>>> bool(EVENT.search("南京市职工技能大赛")), bool(EVENT.search("一函两书"))
(True, False)
>>> bool(TITLE_RUN.match("党组书记、常务副主席")), bool(TITLE_RUN.match("召开会议"))
(True, False)
>>> [m.group(1) for m in TITLE_UNIT.finditer("党组副书记、二级调研员")]
['书记', '调研员']
"""

from __future__ import annotations

import re

from kg.text import CJK_RANGES
from kg.vocab.lexicon import alternation, org_short_forms, relation_cues, titles

__all__ = [
    "AGENT_ADVERBS",
    "APPOINTED",
    "APPROVED_BY",
    "CLAUSE_BREAK",
    "COMITATIVE",
    "COMMA",
    "COMMA_ONLY",
    "CONTENT_AFTER_PARTS",
    "CONTENT_BEFORE_PARTS",
    "COORDINATION",
    "CREDIT_LIST_GAP",
    "CREDIT_STOP",
    "DUTY_BEFORE_TITLE",
    "EDITOR_ROLES",
    "ELECTED",
    "ELECTED_POST",
    "ELECTS",
    "EVENT",
    "EVENT_AFTER",
    "EVENT_ANAPHOR",
    "FOUNDED_AFTER",
    "GOVERNMENT_HEADS",
    "HAN",
    "HOSTED_AFTER",
    "HOSTS",
    "HOST_INTRO",
    "HOST_VERB",
    "INCLUDES",
    "INSTRUMENT",
    "LIST_END",
    "LIST_GAP",
    "LIST_START",
    "MEDIA_ROLE",
    "NAME_MARKS",
    "NATIONAL_UNION",
    "ORG_PREFIXES",
    "OUTLETS_JOINED",
    "OWN_OUTLET",
    "PARTNER_OBJECT",
    "PARTS_AS_CONTENT",
    "PART_COPULA",
    "PART_LIST_GAP",
    "PART_OF_WHOLE",
    "PASSIVE_FOUNDING",
    "PEOPLE_AFTER",
    "POST_SUFFIXES",
    "PROGRAMME_HEADS",
    "QUOTED_LIST_GAP",
    "QUOTES_OPEN",
    "RELATIVE",
    "RELATIVE_OBJECT",
    "SCOPE_PREFIXES",
    "SPEECH_AFTER",
    "SUBSIDIARY",
    "TITLE_KINDS",
    "TITLE_RUN",
    "TITLE_UNIT",
    "UNION_ENDINGS",
    "UNION_SECTOR",
    "UNNAMED_UNIT",
    "short_forms",
]


def short_forms() -> tuple[tuple[str, str], ...]:
    """``(long, short)`` endings of official names (``org_abbreviations.tsv``).

    >>> ("人民法院", "法院") in short_forms()
    True
    """
    return org_short_forms()


_CUES = relation_cues()

#: Titles (``titles.tsv``) -> ``post`` or ``role``.
TITLE_KINDS: dict[str, str] = titles()
_TITLE = alternation(list(TITLE_KINDS))
_PART = alternation(_CUES["title-part"])

#: A title with the parts that may come before it (党组副书记, 二级调研员); group 1 is
#: the title of the lexicon.
TITLE_UNIT = re.compile(rf"(?:{_PART})*({_TITLE})")
#: Titles, joined by 、, between an organisation and a person's name.
TITLE_RUN = re.compile(
    rf"^(?:(?:{_PART})*(?:{_TITLE})|、)+(?:{alternation(_CUES['post-suffix'])})?$"
)
#: An unnamed unit of a body before titles (技术研发部, 监督股): the post is in the body.
UNNAMED_UNIT = re.compile(rf"^[{CJK_RANGES}]{{0,16}}(?:{alternation(_CUES['unit-suffix'])})\Z")
#: A duty written before a title (分管日常工作的副主席): dropped when titles are read.
DUTY_BEFORE_TITLE = re.compile(
    rf"(?:{alternation(_CUES['duty-before-title'])})[{CJK_RANGES}]{{1,10}}?的"
)
#: A scope or place before a programme's name: the same programme at a level (全国模范职工之家).
SCOPE_PREFIXES: frozenset[str] = frozenset(_CUES["scope-prefix"])
#: What a run of titles may end in and is not part of the role (主席同志).
POST_SUFFIXES: tuple[str, ...] = _CUES["post-suffix"]
#: Titles of the head of a government (副市长): not a post in a union named before.
GOVERNMENT_HEADS: tuple[str, ...] = _CUES["government-head"]
#: The persons before it were elected to the post after it (当选为).
ELECTED = re.compile(alternation(_CUES["elected"]))
#: A担任ORG主席: the person before it holds the post after it.
APPOINTED = re.compile(alternation(_CUES["appointed"]))
#: 选举A为主席: the persons between it and 为 were elected.
ELECTS = re.compile(alternation(_CUES["elects"]))
#: A credit of an outlet's staff right before a name (记者 孙妙鸿, 责编:黄瑾).
MEDIA_ROLE = re.compile(rf"({alternation(_CUES['media-role'])})[ \t\u3000:：]*$")
#: 本报/本网/本台/本刊 -> the last character of the outlet's kind of name.
OWN_OUTLET: dict[str, str] = {cue: cue[1:] for cue in _CUES["own-outlet"]}
#: The gap between two organisations named together.
COORDINATION = re.compile(rf"^(?:[、,，]|{alternation(_CUES['coordination'])})?$")
#: Right after a body: it qualifies people (区工商联相关领导), it is no subject.
PEOPLE_AFTER = re.compile(rf"^(?:{alternation(_CUES['people-after'])})")
#: Right after a body: it speaks (A透露,), the source of what follows.
SPEECH_AFTER = re.compile(rf"^(?:{alternation(_CUES['speech'])})")
#: A word just before an organisation that makes it an instrument or a setting.
INSTRUMENT = re.compile(rf"(?:{alternation(_CUES['not-subject'])})$")
#: Prefixes an organisation's name may carry before its place (中共安康市委).
ORG_PREFIXES: tuple[str, ...] = _CUES["org-prefix"]
#: The endings of a union's name, longest first (工会工作委员会 before 工会).
UNION_ENDINGS: tuple[str, ...] = tuple(sorted(_CUES["union-ending"], key=len, reverse=True))
#: What is between a place and a union ending in an industrial union's name (餐饮行业,
#: 教育, 市直机关).
UNION_SECTOR = re.compile(
    rf"^(?:[{CJK_RANGES}、]*(?:{alternation(_CUES['union-sector-end'])})"
    rf"|(?:{alternation(_CUES['union-sector'])})+)$"
)
#: Partner words whose object is the partner (A联合B).
PARTNER_OBJECT: frozenset[str] = frozenset(_CUES["partner-object"])
#: ORG1所属ORG2: the second is part of the first.
SUBSIDIARY = re.compile(rf"^(?:{alternation(_CUES['subsidiary'])})的?$")
#: Generic heads of programme names (活动, 工程, 机制).
PROGRAMME_HEADS: frozenset[str] = frozenset(_CUES["programme-head"])
_COPULA = alternation(_CUES["part-copula"])
_PART_NOUN = alternation(_CUES["part-noun"])
#: Between a part and its whole: A是B的重要内容 (the text from A to B).
PART_COPULA = re.compile(rf"^[”\"」]?(?:{_COPULA})(?:[^,，。;；、]{{0,6}}?)[“\"「]?$")
#: After the whole: …的重要内容, …的组成部分, …系列活动之一.
PART_OF_WHOLE = re.compile(
    rf"^[”\"」]?(?:{alternation(_CUES['programme-head'])})?(?:的?(?:一项|一个)?(?:重要|主要)?(?:{_PART_NOUN})|(?:的)?(?:系列)?(?:活动|行动|赛事)?之一)"
)
#: Between the parts and the whole: 以A、B等五项行动为主要内容的X.
PARTS_AS_CONTENT = re.compile(
    rf"^[”\"」]?(?:等[^,，。;；]{{0,6}}?)?为(?:重要|主要)?(?:{_PART_NOUN})的[“\"「]?$"
)
#: After the last part: 等五项行动为主要内容的 (the whole follows, named or not).
CONTENT_AFTER_PARTS = re.compile(
    rf"^[”\"」]?(?:等[^,，。;；]{{0,6}}?)?为(?:重要|主要)?(?:{_PART_NOUN})的"
)
#: Before the first part: 以 (以A、B为主要内容).
CONTENT_BEFORE_PARTS = re.compile(r"以[“\"「]?$")
#: B包括A、C: the parts follow.
INCLUDES = re.compile(rf"^[”\"」]?(?:具体|主要)?(?:{alternation(_CUES['includes'])})了?[“\"「]?$")
#: A programme named as a contest or event (its name ends in one of these heads).
EVENT = re.compile(rf"(?:{alternation(_CUES['event-head'])})$")
#: The head of an event right after a quoted name (“骑手年夜饭”活动).
EVENT_AFTER = re.compile(
    rf"^[”\"」』]?(?:{alternation([h for h in _CUES['event-head'] if len(h) > 1])})"
)
#: The roles of a page's editors (编辑, 责编).
EDITOR_ROLES: frozenset[str] = frozenset(_CUES["editor-role"])
#: The national union centre.
NATIONAL_UNION: str = _CUES["national-union"][0]
_COORD = alternation(_CUES["coordination"])
#: The whole gap between two names of a list (、 , 和 …).
LIST_GAP = re.compile(rf"^(?:[、,，]|{_COORD})\Z")
#: The same, at the start of a longer gap (、副主席).
LIST_START = re.compile(rf"^(?:[、,，]|{_COORD})")
#: A gap of a list of quoted names (”、“), or none.
QUOTED_LIST_GAP = re.compile(rf"^[”\"」]?(?:[、,，]|{_COORD})?[“\"「]?\Z")
#: The gap between the names of a 等 list (春送岗位、夏送清凉).
PART_LIST_GAP = re.compile(r"^[”]?、?[“]?\Z")
#: The gap between names credited together (记者赵超、齐中熙).
CREDIT_LIST_GAP = re.compile(r"^[、,，\s]*\Z")
#: Words that name hosts of an event (主办, 承办) and others a chain of hosts lists (协办).
HOSTS: frozenset[str] = frozenset(_CUES["host"])
HOST_VERB = re.compile(
    rf"(?:联合|共同)?(?P<verb>{alternation([*_CUES['host'], *_CUES['host-other']])})"
)
#: Between a chain of hosts and its event: 的, an edition or a year (…协办的首届X).
HOSTED_AFTER = re.compile(
    r"^的\s*(?:首届|第[一二三四五六七八九十百\d]+届|[\d〇一二三四五六七八九十]{4}年)?\s*[“\"《]?\Z"
)
#: Between the agents after 由 and the verb (由A与B合作共建, 由A牵头建设).
AGENT_ADVERBS = re.compile(rf"(?:{alternation(_CUES['agent-adverb'])})*")
#: X由A…共建: the verb of a body's founding by the agents after 由.
PASSIVE_FOUNDING = re.compile(alternation(_CUES["passive-founding"]))
#: The word that opens a chain of hosts (由A主办,B承办).
HOST_INTRO: str = _CUES["host-intro"][0]
#: The whole clause before 由 when it stands for the story's last event (本次比赛由…).
EVENT_ANAPHOR = re.compile(
    rf"^(?:{alternation(_CUES['event-determiner'])})?(?:{alternation(_CUES['event-anaphor'])})\Z"
)
#: A与B: the word before the second of two partners named before a verb.
COMITATIVE = re.compile(rf"(?:{alternation(_CUES['comitative'])})$")
#: After 当选为: an ordinal and a committee before the title (第一届委员会委员).
ELECTED_POST = re.compile(
    r"(?P<pre>(?:新一届|第[一二三四五六七八九十百\d]+届)?)"
    rf"(?P<body>[{CJK_RANGES}]{{0,12}}?)"
    r"(?P<run>(?:(?:" + TITLE_UNIT.pattern + r")、?)*(?:" + TITLE_UNIT.pattern + r"))"
    r"(?=[,，。;；、!！?？\s]|$)"
)
#: Marks between two outlets credited together (工人日报-中工网).
OUTLETS_JOINED = re.compile(r"[-－—·、/]")
#: What ends a credit's reach on its line.
CREDIT_STOP = re.compile(r"[。，,；;！？!?\n]")
#: A Han character.
HAN = re.compile(rf"[{CJK_RANGES}]")
#: Quotes, brackets and spaces, ignored when names are compared.
NAME_MARKS = re.compile(r"[\s“”\"'‘’「」『』《》]")
#: The end of a clause: a cue does not reach across it.
CLAUSE_BREAK = re.compile(r"[。;；!！?？]")
#: A comma: a cue's object lies in the cue's phrase, not after it.
COMMA_ONLY = re.compile(r"[,，]")
#: A comma or the end of a clause or sentence.
COMMA = re.compile(r"[,，。;；]")
#: 由…的 between a cue and its object (建立了由…组成的“四员”队伍).
RELATIVE = re.compile(r"^了?由.*的[“\"]?$")
#: Only 的 (and an opening quote) between a verb and its object: A开展的“X”.
RELATIVE_OBJECT = re.compile(r"^了?的\s*[“\"《]?$")
#: Right after a body: it was founded (X正式成立).
FOUNDED_AFTER = re.compile(rf"^(?:{alternation(_CUES['founded'])})")
#: 经A批准: A approved (the founding of the clause).
APPROVED_BY = re.compile(rf"^(?:{alternation(_CUES['approves'])})")
#: Marks that open a name.
QUOTES_OPEN = re.compile(r"[“\"《「『]")
#: 等 (optionally an opening quote) closing a list before the name of the whole.
LIST_END = re.compile(r"等[“\"]?$")
