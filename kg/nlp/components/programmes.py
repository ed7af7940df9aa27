"""Programme names the lexicon has never seen.

* quoted names with a head noun: “区域化+网格化”工作机制, “安康杯”竞赛; a list of
  quoted names sharing one head (“劳模工匠进校园”“劳模工匠助企行”活动) gives one
  programme per name; a head that only classifies (品牌, 节目, 案例) or follows 等/的
  stays out of the name; quoted names with an organisation head (“淄工头雁”劳模工匠宣讲团)
  give organisations;
* a quoted name right after a verb that carries it out (建设“四基地一中心”);
* 《》 titles: policies (《中原大工匠培育工程实施办法》), or media when the title is a paper;
* unquoted mechanisms, policies and contests after such a verb (健全协调劳动关系三方机制,
  承办陕西省茶艺技能大赛).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg import lexicons
from kg.nlp.candidates import Candidate, add_candidate
from kg.nlp.patterns import ORG_SUFFIXES, PROGRAMME_HEADS

__all__ = ["ProgrammeRecognizer", "find_programmes", "make_programmes", "programme_name"]

_PROGRAMME_HEADS = sorted(PROGRAMME_HEADS)
_ORG_HEADS = [
    "劳模工匠宣讲团",
    "宣讲团",
    "志愿服务队",
    "服务队",
    "突击队",
    "队伍",
    "联盟",
    "联席会议",
]
#: Heads that classify rather than name: left out of the name (“…”品牌, “…”特别节目).
_CLASSIFIERS = [
    "特色品牌",
    "品牌",
    "系列活动",
    "大型特别节目",
    "特别节目",
    "节目",
    "案例",
    "阵地",
    "服务阵地",
]
_HEADS = sorted(_PROGRAMME_HEADS + _ORG_HEADS + _CLASSIFIERS, key=len, reverse=True)
#: Heads that are also verbs (服务职工) only end a name at the end of a phrase.
_VERB_HEADS = ("服务",)
_PHRASE_END = re.compile(r"[^\u4e00-\u9fff]|的|等|中|上|$")
_NOT_AFTER_HEAD = re.compile(r"[\u4e00-\u9fff]?(?:员|者|人|们)")
#: A quoted name that carries its own head (“维护农民工权益专项行动”).
_SELF_HEADS = ("行动", "活动", "工程", "计划", "大赛", "竞赛", "机制", "模式", "工作法", "讲堂")
#: Verbs that carry a programme out; a quoted name right after one is a programme.
_CARRY_OUT = re.compile(
    r"(?:开展|实施|推行|推进|运用|构建|打造|建设|新建|建立|创建|创新|推出|启动|发起|探索)了?$"
)
_QUOTE = re.compile(r"“(?P<a>[^“”\n]{2,30})”|‘(?P<b>[^‘’\n]{2,30})’|\"(?P<c>[^\"\n]{2,30})\"")
_ORG_ENDINGS = tuple(s for s in ORG_SUFFIXES if len(s) >= 2 and s not in {"中心", "委员会"})
_TAIL = re.compile(r"[\u4e00-\u9fff0-9]{0,8}")
_TITLE = re.compile(r"《([^《》\n]{2,40})》")
#: 《中国工人》杂志社: the title is a periodical's.
_MEDIA_AFTER = re.compile(r"(?:杂志社|杂志|报社|出版社|编辑部|栏目|节目|频道)")
_MEDIA_TITLE = re.compile(r"(?:日报|晚报|晨报|报|杂志|周刊|画报)$")
_TRIGGERED = re.compile(
    r"(?:开展|实施|推行|构建|健全|落实|打造|创建|深化|推广|完善|建立|推进|启动|推出|出台)了?"
    r"(?P<name>[\u4e00-\u9fff0-9+·]{2,14}?(?:机制|服务体系|工程|服务圈|学徒制|政策))"
    r"(?=[,，。;；、\n]|$)"
)
_CONTEST = re.compile(
    r"(?:举办|承办|主办)了?(?P<name>[\u4e00-\u9fff0-9]{2,16}?(?:技能大赛|大赛|竞赛|比赛))"
    r"(?=[,，。;；、\n]|$)"
)
#: An event named in the clause that hosts it: 由A主办、B承办的新就业形态劳动者移动体检活动.
_HOSTED = re.compile(
    r"(?:主办|承办|协办)的(?P<name>[\u4e00-\u9fff0-9]{4,22}?"
    r"(?:活动|竞赛|大赛|比赛|运动会|招聘会|生日会|欢送会))(?=[,，。;；、\n]|启动|举行|开幕|在|$)"
)
#: An event that opens its clause and is held somewhere: 南京市职工技能大赛…竞赛在南京技师学院举办.
_HELD = re.compile(
    r"(?:^|(?<=[,，。;；\n]))(?P<name>[\u4e00-\u9fff0-9]{4,26}(?:竞赛|大赛|比赛))"
    r"在[\u4e00-\u9fff]{2,20}(?:举办|举行|开幕|开赛)",
    re.MULTILINE,
)
#: A themed campaign whose name mixes short quotes: 开展暖“新”同行·“驿”路有家服务户外劳动者主题活动.
_THEMED = re.compile(
    r"(?:开展|举办|启动|组织)了?(?P<name>[^,，。；;、\n]{2,30}?"
    r"(?:主题教育活动|主题活动|系列活动|专项行动))"
)
#: 该比赛, 此次活动: the event the story just named.
_ANAPHOR = re.compile(r"(?:该|此次|本次|这次)(?P<head>比赛|竞赛|大赛|赛事|活动)")
_EVENT_STOP = set("的了在将把被")
_GENERIC_START = ("全市", "全省", "各类", "各级", "一批", "一系列", "相关", "有关", "这一", "该")
#: Inside a programme name: no function words, no verbs that start a new clause. Unlike
#: ``patterns.STOP_WORDS`` (which bound organisation names), verbs such as 建设, 服务, 联合,
#: 评选 may stand inside a programme's name (书香工会建设行动, 移动体检上门服务).
_NAME_STOP_CHARS = set("的了和与及在将把对为向由从是有于被让使给以而并或之其该这那各等")
_NAME_STOP_WORDS = (
    "开展",
    "推进",
    "推动",
    "实施",
    "打造",
    "成立",
    "组织",
    "举办",
    "承办",
    "主办",
    "印发",
    "出台",
    "召开",
    "启动",
    "签订",
    "积极",
    "深入",
    "构建",
    "指导",
    "坚持",
    "围绕",
    "加强",
    "建成",
    "试点",
    "打通",
    "提供",
    "实现",
    "帮助",
    "提升",
    "促进",
    "覆盖",
    "加快",
    "发展",
    "入手",
)


def programme_name(text: str) -> str:
    """The canonical spelling of a programme: quotation marks removed, 《》 kept.

    >>> programme_name("“区域化+网格化”工作机制"), programme_name("《“十四五”规划》")
    ('区域化+网格化工作机制', '《十四五规划》')
    """
    return re.sub(r"[“”\"‘’'「」『』]", "", text).strip()


def _clean(text: str) -> bool:
    return not (set(text) & _NAME_STOP_CHARS) and not any(w in text for w in _NAME_STOP_WORDS)


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(s for e in lexicons.programs() for s in (e.name, *e.aliases))


def _find_head(text: str, pos: int) -> tuple[int, int, str] | None:
    """The longest ``(head_start, head_end, head)`` after ``pos`` with a clean middle."""
    for length in range(12, -1, -1):
        mid = text[pos : pos + length]
        if len(mid) < length or not all("\u4e00" <= ch <= "\u9fff" for ch in mid):
            continue
        if not _clean(mid.removesuffix("等")) or "等" in mid[:-1]:
            continue
        start = pos + length
        for head in _HEADS:
            if not text.startswith(head, start):
                continue
            end = start + len(head)
            if _NOT_AFTER_HEAD.match(text, end):
                continue
            if head in _VERB_HEADS and not _PHRASE_END.match(text, end):
                continue
            return start, end, head
    return None


def _quoted_groups(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of quoted names separated by nothing, 、 or a short tail."""
    group: list[re.Match[str]] = []
    for match in _QUOTE.finditer(text):
        if group:
            gap = text[group[-1].end() : match.start()]
            tail = _TAIL.match(gap)
            joined = gap in ("", "、") or (
                tail is not None and gap[tail.end() :] == "、" and _clean(gap[: tail.end()])
            )
            if not joined:
                yield group
                group = []
        group.append(match)
    if group:
        yield group


def _candidate(text: str, start: int, end: int, rule: str, kind: str = "Program") -> Candidate:
    subtype = "OtherOrganization" if kind == "Organization" else ""
    rule = rule if kind == "Program" else rule.replace("program:", "org:")
    return Candidate(start, end, kind, subtype, rule, 2, programme_name(text[start:end]))


def _inner(match: re.Match[str]) -> str:
    return match["a"] or match["b"] or match["c"] or ""


def _from_single(text: str, match: re.Match[str]) -> Iterator[Candidate]:
    quote = _inner(match)
    if quote in _known():
        return  # the lexicon names it (“安康杯”竞赛 is 安康杯竞赛)
    after = match.end()
    head = _find_head(text, after)
    if head and text.startswith("的", after):
        head = None
    if head:
        head_start, head_end, word = head
        mid = text[after:head_start]
        kind = "Organization" if word in _ORG_HEADS else "Program"
        if word in _CLASSIFIERS:
            end = after  # “玫瑰书香”品牌, “工匠魂·劳动美”大型特别节目: the quote is the name
        elif mid.endswith("等"):
            end = after + len(mid) - 1
        else:
            end = head_end
        if mid.startswith("等") and ("、" in quote or len(quote) > 8):
            return  # “冷可取暖、热可纳凉”等爱心服务: a description, not a name
        yield _candidate(text, match.start(), end, "program:quoted-head", kind)
        return
    preceded = _CARRY_OUT.search(text, max(0, match.start() - 4), match.start())
    follows_de = text.startswith("的", after) and _find_head(text, after + 1)
    if quote.endswith(_ORG_ENDINGS):
        return  # “淄博工运史展馆”: an institution, found by its form
    named = quote.endswith(_SELF_HEADS) or preceded or follows_de
    if named and ("、" not in quote or follows_de):
        yield _candidate(text, match.start(), match.end(), "program:quoted-name")


def _from_list(text: str, group: list[re.Match[str]]) -> Iterator[Candidate]:
    last = group[-1]
    head = _find_head(text, last.end())
    if head is None:
        for match in group:
            if _inner(match).endswith(_SELF_HEADS):
                yield _candidate(text, match.start(), match.end(), "program:quoted-name")
        return
    head_start, head_end, word = head
    mid = text[last.end() : head_start]
    # “甲”“乙”活动 share the head; “甲”志愿服务、“乙”活动: the last head is 乙's own
    shared = text[group[-2].end() : last.start()] in ("", "、")
    for i, match in enumerate(group):
        if _inner(match) in _known():
            continue
        limit = group[i + 1].start() if i + 1 < len(group) else match.end()
        tail = _TAIL.match(text, match.end(), limit)
        end = tail.end() if tail and _clean(tail.group()) else match.end()
        if i == len(group) - 1 and not mid.startswith("等") and word not in _CLASSIFIERS:
            if not shared or (mid and not mid.endswith("等")):
                end = head_end
            elif mid:
                end = last.end() + len(mid.removesuffix("等"))
        yield _candidate(text, match.start(), end, "program:quoted-list")


def _titles(text: str) -> Iterator[Candidate]:
    for match in _TITLE.finditer(text):
        inner = programme_name(match.group(1))
        if _MEDIA_TITLE.search(inner) or _MEDIA_AFTER.match(text, match.end()):
            yield Candidate(
                match.start(1), match.end(1), "Organization", "Media", "org:title", 2, inner
            )
        else:
            yield Candidate(
                match.start(), match.end(), "Program", "Policy", "program:title", 3, f"《{inner}》"
            )


def _triggered(text: str) -> Iterator[Candidate]:
    for pattern, minimum in ((_TRIGGERED, 8), (_CONTEST, 6)):
        for match in pattern.finditer(text):
            name = match["name"]
            if len(name) < minimum or not _clean(name) or name.startswith(_GENERIC_START):
                continue
            yield Candidate(
                match.start("name"), match.end("name"), "Program", "", "program:triggered", 0, name
            )


def _events(text: str) -> Iterator[Candidate]:
    for pattern in (_HOSTED, _HELD):
        for match in pattern.finditer(text):
            name = match["name"]
            if set(name) & _EVENT_STOP or name.startswith(_GENERIC_START):
                continue
            yield Candidate(
                match.start("name"), match.end("name"), "Program", "", "program:event", 1, name
            )
    for match in _THEMED.finditer(text):
        name = match["name"]
        if ("“" in name or "·" in name) and not set(name) & _EVENT_STOP:
            yield Candidate(
                match.start("name"),
                match.end("name"),
                "Program",
                "",
                "program:themed",
                1,
                programme_name(name),
            )
    for match in _ANAPHOR.finditer(text):
        yield Candidate(
            match.start(), match.end(), "Program", "", "program:anaphor", 0, body=match["head"]
        )


def find_programmes(text: str) -> list[Candidate]:
    """Programme (and quoted organisation) candidates in ``text``.

    >>> text = "开展“工会先锋”志愿服务、“劳模工匠进校园”“劳模工匠助企行”活动"
    >>> [c.canonical for c in find_programmes(text)]
    ['工会先锋志愿服务', '劳模工匠进校园', '劳模工匠助企行']
    >>> text = "通过建设“四基地一中心”,开展“送文化”下基层惠职工等活动"
    >>> [c.canonical for c in find_programmes(text)]
    ['四基地一中心', '送文化下基层惠职工']
    """
    found: list[Candidate] = []
    for group in _quoted_groups(text):
        found.extend(_from_single(text, group[0]) if len(group) == 1 else _from_list(text, group))
    found.extend(_titles(text))
    found.extend(_triggered(text))
    found.extend(_events(text))
    return sorted(found, key=lambda c: (c.start, c.end, c.rule))


class ProgrammeRecognizer:
    """Propose programme candidates from quotes, 《》 titles and trigger verbs."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for candidate in find_programmes(doc.text):
            add_candidate(doc, candidate)
        return doc


@Language.factory("kg_programmes", assigns=["doc.spans"])
def make_programmes(nlp: Language, name: str) -> ProgrammeRecognizer:
    """Build the programme recogniser."""
    return ProgrammeRecognizer(name)
