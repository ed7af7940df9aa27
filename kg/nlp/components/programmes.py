"""Programme names the lexicon has never seen.

* quoted names with a head noun: “区域化+网格化”工作机制, “安康杯”竞赛; a list of
  quoted names sharing one head (“劳模工匠进校园”“劳模工匠助企行”活动) gives one
  programme per name; quoted names with an organisation head (“淄工头雁”劳模工匠宣讲团)
  give organisations;
* 《》 titles: policies (《中原大工匠培育工程实施办法》), or media when the title is a paper;
* unquoted mechanisms after a verb that carries them out (健全协调劳动关系三方机制).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg import lexicons
from kg.nlp.candidates import Candidate, add_candidate
from kg.nlp.patterns import STOP_CHARS, STOP_WORDS

__all__ = ["ProgrammeRecognizer", "find_programmes", "make_programmes", "programme_name"]

_PROGRAMME_HEADS = sorted(
    """主题劳动竞赛 劳动竞赛 技能竞赛 技能大赛 友谊联赛 竞赛 大赛 联赛 比赛 评选活动 主题活动 专项行动
    建设行动 引领行动 行动计划 培训计划 计划 行动 活动 工程 工作机制 长效机制 机制 服务模式 工作模式
    培训模式 建会模式 模式 服务体系 体系 制度 工作法 平台 项目 志愿服务 上门服务 服务 热线 基金 大讲堂
    讲堂 公开课 主题系列新闻发布会 对接工作室 工作室 驿站 之家 教育活动""".split(),
    key=len,
    reverse=True,
)
_ORG_HEADS = sorted(
    "劳模工匠宣讲团 宣讲团 志愿服务队 服务队 突击队 队伍 联盟 联席会议".split(),
    key=len,
    reverse=True,
)
#: Heads that classify rather than name (“…”品牌, “…”等特色品牌): left out of the name.
_CLASSIFIERS = ("特色品牌", "品牌", "系列活动")

#: A quoted name that carries its own head (“维护农民工权益专项行动”).
_SELF_HEADS = ("行动", "活动", "工程", "计划", "大赛", "竞赛", "机制", "模式", "工作法", "讲堂")

_QUOTE = re.compile(r"[“\"]([^“”\"\n]{2,30})[”\"]")
_HEAD = re.compile(
    r"(?P<mid>[\u4e00-\u9fff]{0,12})(?P<head>"
    + "|".join(_ORG_HEADS + _PROGRAMME_HEADS + list(_CLASSIFIERS))
    + r")(?![\u4e00-\u9fff]{0,1}(?:员|者|人|们))"
)
#: Heads that are also verbs (服务职工) only end a name at the end of a phrase.
_VERB_HEADS = ("服务", "评选", "创建")
_PHRASE_END = re.compile(r"[^\u4e00-\u9fff]|的|等|中|上|$")
_LIST_SEP = re.compile(r"[、]?")
_TAIL = re.compile(r"[\u4e00-\u9fff0-9]{0,8}")
_TITLE = re.compile(r"《([^《》\n]{2,40})》")
_MEDIA_TITLE = re.compile(r"(?:日报|晚报|晨报|报|杂志|周刊|画报)$")
_TRIGGERED = re.compile(
    r"(?:开展|实施|推行|构建|健全|落实|打造|创建|深化|推广|完善|建立|推进)了?"
    r"(?P<name>[\u4e00-\u9fff0-9+·]{2,14}?(?:机制|服务体系|工程|服务圈|学徒制))"
    r"(?=[,，。;；、]|$)"
)
_GENERIC_START = ("全市", "全省", "各类", "各级", "一批", "一系列", "相关", "有关", "这一", "该")


def programme_name(text: str) -> str:
    """The canonical spelling of a programme: quotation marks removed, 《》 kept.

    >>> programme_name("“区域化+网格化”工作机制"), programme_name("《“十四五”规划》")
    ('区域化+网格化工作机制', '《十四五规划》')
    """
    return re.sub(r"[“”\"‘’'「」『』]", "", text).strip()


def _clean(text: str) -> bool:
    return not (set(text) & STOP_CHARS)


def _quoted_groups(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of quoted names separated by nothing, 、 or a short tail."""
    group: list[re.Match[str]] = []
    for match in _QUOTE.finditer(text):
        if group:
            gap = text[group[-1].end() : match.start()]
            tail = _TAIL.match(gap)
            joined = gap in ("", "、") or (
                tail and gap[tail.end() :] == "、" and _clean(gap[: tail.end()])
            )
            if not joined:
                yield group
                group = []
        group.append(match)
    if group:
        yield group


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(s for e in lexicons.programs() for s in (e.name, *e.aliases))


def _from_group(text: str, group: list[re.Match[str]]) -> Iterator[Candidate]:
    if len(group) == 1 and group[0].group(1) in _known():
        return  # the lexicon names it (“安康杯”竞赛 is 安康杯竞赛)
    last = group[-1]
    after = text[last.end() :]
    has_etc = after.startswith("等")
    head = _HEAD.match(after, 1 if has_etc else 0)
    if head and (not _clean(head["mid"]) or any(w in head["mid"] for w in STOP_WORDS)):
        head = None
    if head and head["head"].endswith(_VERB_HEADS) and not _PHRASE_END.match(after, head.end()):
        head = None
    if len(group) == 1 and head and not has_etc:
        kind = "Organization" if head["head"] in _ORG_HEADS else "Program"
        end = last.end() + head.end()
        if head["head"] in _CLASSIFIERS:
            end = last.end() + head.start("head")
        yield Candidate(
            last.start(),
            end,
            kind,
            "OtherOrganization" if kind == "Organization" else "",
            "program:quoted-head" if kind == "Program" else "org:quoted-head",
            priority=2,
            canonical=programme_name(text[last.start() : end]),
        )
        return
    if len(group) == 1 and has_etc:
        return  # “冷可取暖、热可纳凉”等爱心服务: a description, not a name
    if not head:
        for match in group:
            if match.group(1).endswith(_SELF_HEADS) and not has_etc:
                yield Candidate(
                    match.start(),
                    match.end(),
                    "Program",
                    "",
                    "program:quoted-name",
                    priority=2,
                    canonical=programme_name(match.group()),
                )
        return
    own_heads = any(group[i + 1].start() > m.end() + 1 for i, m in enumerate(group[:-1]))
    for i, match in enumerate(group):
        limit = group[i + 1].start() if i + 1 < len(group) else match.end()
        tail = _TAIL.match(text, match.end(), limit)
        end = tail.end() if tail and _clean(tail.group()) else match.end()
        if i == len(group) - 1 and not has_etc and (own_heads or head["mid"]):
            end = last.end() + head.end()  # the head is this name's own (“公铁杯”篮球友谊联赛)
        yield Candidate(
            match.start(),
            end,
            "Program",
            "",
            "program:quoted-list",
            priority=2,
            canonical=programme_name(text[match.start() : end]),
        )


def _titles(text: str) -> Iterator[Candidate]:
    for match in _TITLE.finditer(text):
        inner = programme_name(match.group(1))
        if _MEDIA_TITLE.search(inner):
            yield Candidate(
                match.start(1), match.end(1), "Organization", "Media", "org:title", 2, inner
            )
        else:
            yield Candidate(
                match.start(), match.end(), "Program", "Policy", "program:title", 3, f"《{inner}》"
            )


def _triggered(text: str) -> Iterator[Candidate]:
    for match in _TRIGGERED.finditer(text):
        name = match["name"]
        if len(name) < 8 or not _clean(name) or name.startswith(_GENERIC_START):
            continue
        yield Candidate(
            match.start("name"), match.end("name"), "Program", "", "program:triggered", 0, name
        )


def find_programmes(text: str) -> list[Candidate]:
    """Programme (and quoted organisation) candidates in ``text``.

    >>> [c.canonical for c in find_programmes("开展“工会先锋”志愿服务、“劳模工匠进校园”“劳模工匠助企行”活动")]
    ['工会先锋志愿服务', '劳模工匠进校园', '劳模工匠助企行']
    """
    found: list[Candidate] = []
    for group in _quoted_groups(text):
        found.extend(_from_group(text, group))
    found.extend(_titles(text))
    found.extend(_triggered(text))
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
