"""Programme names the lexicon has never seen.

* quoted names with a head noun: “区域化+网格化”工作机制, “安康杯”竞赛; a list of
  quoted names sharing one head (“劳模工匠进校园”“劳模工匠助企行”活动) gives one
  programme per name; a head that only classifies (品牌, 节目, 案例) or follows 等/的
  stays out of the name; quoted names with an organisation head (“淄工头雁”劳模工匠宣讲团)
  give organisations;
* a quoted name right after a verb that carries it out (建设“四基地一中心”);
* 《》 titles: policies when the title ends like one (《中原大工匠培育工程实施办法》,
  ``policy_endings.txt``; not 《我在这里成长》), or media when the title is a paper;
* unquoted mechanisms, policies and contests after such a verb (健全协调劳动关系三方机制,
  承办陕西省茶艺技能大赛);
* the programmes of a list that names its shared head (健康教育行动、心理关怀行动等五项行动);
* quoted names listed right after a verb that holds them, without a head (举办“职工经典
  诵读征集展播”“职工书屋建设成果展示”和…); a quote right before a place's own name is its
  theme (“…”敦化市职工诵读比赛); a quoted X工匠 selected or conferred is the brand;
* a quoted open code takes the word it opens (“工会+”程序); a special campaign or the
  unions' rest and recuperation for a group after the verb that carries it out
  (开展外来工工资支付专项执法检查活动, 开展劳模疗休养活动);
* hotlines by their number (拨打工会投诉热线12351), plans by their years and a place's
  season of events opened by a place as contests are (辽宁全面振兴新突破三年行动,
  延边州职工文化活动月);
* honours and brands (``kg.nlp.honours``), named contests (``kg.nlp.events``) and lexicon
  names written with quotes inside (“两癌”筛查); names of generic activity words only
  (系列主题劳动竞赛, 关爱行动) are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.candidates import CANDIDATES, Candidate, text_of
from kg.nlp.components.rules import CandidateRecognizer
from kg.nlp.events import event_name, find_events
from kg.nlp.honours import find_honours, is_honour_or_brand, levels_of
from kg.nlp.patterns import (
    CARRY_OUT,
    CODE_LEFT_STOPS,
    CONTEST,
    DESCRIBES,
    ENUMERATED,
    EVENT_ANAPHOR,
    EVENT_STOP,
    FOUND,
    FOUNDED_HEADS,
    GENERIC_ONLY,
    HELD,
    HOLD,
    HOSTED,
    HOTLINE,
    INSURANCE_PLAN,
    LAUNCHED,
    MEDIA_AFTER,
    MEDIA_TITLE,
    NOT_AFTER_HEAD,
    OPEN_CODE,
    OPEN_CODE_WORD,
    ORG_SUFFIXES,
    PHRASE_END,
    PLAN_HEAD,
    POLICY_TITLE,
    PROGRAMME_BARE_HEADS,
    PROGRAMME_CLASSIFIERS,
    PROGRAMME_GENERIC_START,
    PROGRAMME_HEADS,
    PROGRAMME_ORG_HEADS,
    PROGRAMME_SELF_HEADS,
    PROGRAMME_STOP_WORDS,
    PROGRAMME_VERB_HEADS,
    QUOTE_TAIL,
    QUOTED,
    QUOTED_BRAND,
    QUOTED_CODE,
    REST_CARE,
    SEASON_HEAD,
    SLOGAN_SEPARATOR,
    SPECIAL_CAMPAIGN,
    THEMED,
    TITLE,
    TRIGGERED,
    TRIGGERED_DE,
)
from kg.text import is_cjk
from kg.vocab import lexicon as lexicons
from kg.vocab import places as gazetteer

__all__ = ["find_programmes", "make_programmes", "programme_name"]

_HEADS = sorted(
    PROGRAMME_HEADS | PROGRAMME_ORG_HEADS | PROGRAMME_CLASSIFIERS, key=lambda h: (-len(h), h)
)
_ORG_ENDINGS = tuple(s for s in ORG_SUFFIXES if len(s) >= 2 and s not in {"中心", "委员会"})


_QUOTE_MARKS = re.compile(r"[“”\"‘’'「」『』]")
#: Any of the stop words, anywhere (one scan instead of a substring test per word).
_STOP_WORD = re.compile("|".join(map(re.escape, PROGRAMME_STOP_WORDS)))


def programme_name(text: str) -> str:
    """The canonical spelling of a programme: quotation marks removed, 《》 kept.

    >>> programme_name("“区域化+网格化”工作机制"), programme_name("《“十四五”规划》")
    ('区域化+网格化工作机制', '《十四五规划》')
    """
    return _QUOTE_MARKS.sub("", text).strip()


def _clean(text: str) -> bool:
    return _STOP_WORD.search(text) is None


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(s for e in lexicons.programs() for s in (e.name, *e.aliases))


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, lexicons.LexEntry]:
    """Every programme name and alias, quotation marks removed -> its entry."""
    return {programme_name(s): e for e in lexicons.programs() for s in (e.name, *e.aliases)}


#: How far a lexicon name written with quotes inside may reach beyond the quotes.
_REACH_LEFT, _REACH_RIGHT = 6, 8


def _cjk(text: str) -> bool:
    return all(is_cjk(ch) for ch in text)


def _quoted_lexicon_names(text: str) -> Iterator[Candidate]:
    """Lexicon names written with quotes inside them: “两癌”筛查, 女职工“关爱行动”."""
    table = _lexicon()
    for match in QUOTED.finditer(text):
        best: tuple[int, int, lexicons.LexEntry] | None = None
        # what programme_name makes of text[start:end]: the CJK reaches hold no quotation
        # marks, so only the quoted part loses any
        inner = _QUOTE_MARKS.sub("", match.group())
        for left in range(min(_REACH_LEFT, match.start()) + 1):
            start = match.start() - left
            if not _cjk(text[start : match.start()]):
                break
            for right in range(min(_REACH_RIGHT, len(text) - match.end()) + 1):
                end = match.end() + right
                if not _cjk(text[match.end() : end]):
                    break
                name = (text[start : match.start()] + inner + text[match.end() : end]).strip()
                entry = table.get(name)
                if (left or right) and entry and (best is None or end - start > best[1] - best[0]):
                    best = (start, end, entry)
        if best:
            start, end, entry = best
            rule = "program:lexicon-quoted"
            yield Candidate(start, end, "Program", entry.subtype, rule, 2, entry.name)


def _find_head(text: str, pos: int) -> tuple[int, int, str] | None:
    """The longest ``(head_start, head_end, head)`` after ``pos`` with a clean middle."""
    run = 0  # the CJK characters from pos, up to 12: no longer middle is all CJK
    while run < 12 and pos + run < len(text) and is_cjk(text[pos + run]):
        run += 1
    for length in range(run, -1, -1):
        mid = text[pos : pos + length]
        if not _clean(mid.removesuffix("等")) or "等" in mid[:-1]:
            continue
        start = pos + length
        for head in _HEADS:
            if not text.startswith(head, start):
                continue
            end = start + len(head)
            if NOT_AFTER_HEAD.match(text, end):
                continue
            if head in PROGRAMME_VERB_HEADS and not PHRASE_END.match(text, end):
                continue
            return start, end, head
    return None


def _head_at(text: str, pos: int) -> str | None:
    """The programme head (not a classifier) that starts at ``pos`` and ends a phrase."""
    for head in _HEADS:
        starts = head in PROGRAMME_HEADS and text.startswith(head, pos)
        if starts and PHRASE_END.match(text, pos + len(head)):
            return head
    return None


def _quoted_groups(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of quoted names separated by nothing, 、 or a short tail."""
    group: list[re.Match[str]] = []
    for match in QUOTED.finditer(text):
        if group:
            gap = text[group[-1].end() : match.start()]
            tail = QUOTE_TAIL.match(gap)
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
    """A candidate of ``kind``: Program, Organization (OtherOrganization) or Institution."""
    if kind == "Program":
        return Candidate(start, end, kind, "", rule, 2, programme_name(text[start:end]))
    subtype = "Institution" if kind == "Institution" else "OtherOrganization"
    rule = rule.replace("program:", "org:")
    return Candidate(start, end, "Organization", subtype, rule, 2, programme_name(text[start:end]))


def _inner(match: re.Match[str]) -> str:
    return match["a"] or match["b"] or match["c"] or ""


def _compact(quote: str) -> bool:
    """A quoted name of one phrase, not a slogan of several (“办实事、促产改”) nor a
    code (“1+X”)."""
    return not SLOGAN_SEPARATOR.search(quote) and not QUOTED_CODE.fullmatch(quote)


#: How many characters before a quoted code may belong to its name.
_CODE_REACH = 6
#: 之 stands inside the nouns a code labels (职工之家“1+X”).
_CODE_LEFT_STOPS = tuple(w for w in CODE_LEFT_STOPS if w != "之")


def _name_start(text: str, match: re.Match[str]) -> int:
    """Where a quoted name begins: at its quote, or for a code (“1+X”, “125”, “up主”) at
    the words before it that it labels (职工之家“1+X”领带活动, 劳模工匠“up主”活动)."""
    start = match.start()
    if not QUOTED_CODE.fullmatch(_inner(match)):
        return start
    left = start
    while left > max(0, start - _CODE_REACH) and _cjk(text[left - 1]):
        left -= 1
    run = text[left:start]
    cut = max((run.rfind(w) + len(w) for w in _CODE_LEFT_STOPS if w in run), default=0)
    # 汉滨区“1+1+3”建会模式: a place before the code says where, not what
    places = gazetteer.places_by_surface()
    n = len(run)
    cut = max([cut, *(j for i in range(cut, n) for j in range(i + 2, n + 1) if run[i:j] in places)])
    return left + cut if len(run) - cut >= 2 else start


def _place_at(text: str, pos: int) -> bool:
    """Whether a place name (two characters or more) starts at ``pos``."""
    places = gazetteer.places_by_surface()
    return any(text[pos : pos + n] in places for n in range(2, 11))


def _bare_head(text: str, quote: str, after: int) -> bool:
    """A generic head right after a compact name: “送清凉”活动, not “办实事、促产改”活动,
    nor a name of two characters, too short to stand alone (“三问”活动)."""
    bare = any(text.startswith(h, after) for h in PROGRAMME_BARE_HEADS)
    return _compact(quote) and len(quote) > 2 and bare


def _from_single(text: str, match: re.Match[str]) -> Iterator[Candidate]:
    quote = _inner(match)
    if quote in _known():
        return  # the lexicon names it (“安康杯”竞赛 is 安康杯竞赛)
    if is_honour_or_brand(quote) or QUOTED_BRAND.match(text, match.start()):
        return  # “深圳工匠”培育计划, “雄关工匠”推选活动: the brand, found by its form
    after = match.end()
    opened = OPEN_CODE_WORD.match(text, after) if OPEN_CODE.fullmatch(quote) else None
    if opened and _clean(opened.group()):
        # “工会+”程序: an open code names the word it opens
        yield _candidate(text, match.start(), opened.end(), "program:quoted-open")
        return
    head = _find_head(text, after)
    if head and text.startswith("的", after):
        head = None
    if head:
        head_start, head_end, word = head
        mid = text[after:head_start]
        kind = "Organization" if word in PROGRAMME_ORG_HEADS else "Program"
        founded = FOUND.search(text, max(0, match.start() - 6), match.start())
        if founded and word in FOUNDED_HEADS:
            kind = "Institution"  # 成立“法院+工会”劳动争议调解工作室: a body founded
        if _place_at(text, after):
            return  # “红色经典润年华·…”敦化市职工诵读比赛: a theme of the place's own name
        if word in PROGRAMME_CLASSIFIERS or _bare_head(text, quote, after) or DESCRIBES.match(mid):
            # “玫瑰书香”品牌, “送清凉”活动, “工会进万家”调研活动: the quote
            end = after
        elif mid.endswith("等"):
            end = after + len(mid) - 1
        else:
            end = head_end
        if mid.startswith("等") and ("、" in quote or len(quote) > 8):
            return  # “冷可取暖、热可纳凉”等爱心服务: a description, not a name
        yield _candidate(text, _name_start(text, match), end, "program:quoted-head", kind)
        return
    preceded = CARRY_OUT.search(text, max(0, match.start() - 4), match.start())
    de_head = _find_head(text, after + 1) if text.startswith("的", after) else None
    if de_head and not PHRASE_END.match(text, de_head[1]):
        de_head = None  # “X”的劳动竞赛新格局: the quote describes another noun
    own = _head_at(text, after + 1) if de_head else None
    if own:
        # “一周一调度,三天一通报”的工作机制: the mechanism of that name
        name = programme_name(quote + own)
        end = after + 1 + len(own)
        yield Candidate(match.start(), end, "Program", "", "program:quoted-de", 2, name)
        return
    follows_de = de_head is not None
    if text.startswith("的", after) and not follows_de and not quote.endswith(PROGRAMME_SELF_HEADS):
        return  # 构建‘人人能参与、人人能建功’的劳动竞赛新格局: a description
    if quote.endswith(_ORG_ENDINGS):
        return  # “淄博工运史展馆”: an institution, found by its form
    named = quote.endswith(PROGRAMME_SELF_HEADS) or preceded or follows_de
    if named and ("、" not in quote or follows_de):
        yield _candidate(text, match.start(), match.end(), "program:quoted-name")


def _from_list(text: str, group: list[re.Match[str]]) -> Iterator[Candidate]:
    last = group[-1]
    head = _find_head(text, last.end())
    if head is None:
        # 举办“职工经典诵读征集展播”“职工书屋建设成果展示”和…: names of what is held
        held = CARRY_OUT.search(text, max(0, group[0].start() - 4), group[0].start()) or (
            HOLD.search(text, max(0, group[0].start() - 4), group[0].start())
        )
        for match in group:
            quote = _inner(match)
            if quote.endswith(PROGRAMME_SELF_HEADS) or (held and _compact(quote) and _clean(quote)):
                yield _candidate(text, match.start(), match.end(), "program:quoted-name")
        return
    head_start, head_end, word = head
    mid = text[last.end() : head_start]
    # “甲”“乙”活动 share the head; “甲”志愿服务、“乙”活动: the last head is 乙's own
    shared = text[group[-2].end() : last.start()] in ("", "、")
    for i, match in enumerate(group):
        if _inner(match) in _known() or is_honour_or_brand(_inner(match)):
            continue
        limit = group[i + 1].start() if i + 1 < len(group) else match.end()
        tail = QUOTE_TAIL.match(text, match.end(), limit)
        end = tail.end() if tail and _clean(tail.group()) else match.end()
        if i == len(group) - 1 and not mid.startswith("等") and word not in PROGRAMME_CLASSIFIERS:
            if not shared or (mid and not mid.endswith("等")):
                end = head_end
            elif mid:
                end = last.end() + len(mid.removesuffix("等"))
        yield _candidate(text, _name_start(text, match), end, "program:quoted-list")


def _titles(text: str) -> Iterator[Candidate]:
    for match in TITLE.finditer(text):
        inner = programme_name(match.group(1))
        if MEDIA_TITLE.search(inner) or MEDIA_AFTER.match(text, match.end()):
            yield Candidate(
                match.start(1), match.end(1), "Organization", "Media", "org:title", 2, inner
            )
        elif POLICY_TITLE.search(inner):
            yield Candidate(
                match.start(), match.end(), "Program", "Policy", "program:title", 3, f"《{inner}》"
            )


def _bounded(name: str) -> bool:
    """A name bounded by its pattern needs only no clause words: a plan may list what it
    covers (意外及大病自负保障计划), a mechanism its parts (劳动争议诉调对接工作机制)."""
    return not set(name) & EVENT_STOP


def _triggered(text: str) -> Iterator[Candidate]:
    for pattern, minimum, clean in (
        (TRIGGERED, 8, _clean),
        (CONTEST, 6, _clean),
        (TRIGGERED_DE, 9, _bounded),
        (INSURANCE_PLAN, 6, _bounded),
        (LAUNCHED, 8, _clean),
        (SPECIAL_CAMPAIGN, 8, _clean),
        (REST_CARE, 7, _clean),
    ):
        for match in pattern.finditer(text):
            name = match["name"]
            if len(name) < minimum or not clean(name) or name.startswith(PROGRAMME_GENERIC_START):
                continue
            name = event_name(name) if pattern is CONTEST else name
            yield Candidate(
                match.start("name"), match.end("name"), "Program", "", "program:triggered", 0, name
            )


def _hotlines(text: str) -> Iterator[Candidate]:
    """A hotline by its number (拨打工会投诉热线12351)."""
    for match in HOTLINE.finditer(text):
        start, end = match.start("name"), match.end("name")
        yield Candidate(start, end, "Program", "", "program:hotline", 1, match["name"])


def _events(text: str) -> Iterator[Candidate]:
    for pattern in (HOSTED, HELD):
        for match in pattern.finditer(text):
            name = match["name"]
            if set(name) & EVENT_STOP or name.startswith(PROGRAMME_GENERIC_START):
                continue
            start, end, name = match.start("name"), match.end("name"), event_name(name)
            yield Candidate(start, end, "Program", "", "program:event", 1, name)
    for match in THEMED.finditer(text):
        start, name = match.start("name"), match["name"]
        if "暨" in name:  # 推进会暨“…”专项行动: 暨 joins two names
            start += name.rindex("暨") + 1
            name = name[name.rindex("暨") + 1 :]
        quoted = QUOTED.match(name)
        if quoted and name[quoted.end() :] in PROGRAMME_BARE_HEADS and _compact(_inner(quoted)):
            continue  # “劳模工匠助企行”专项行动: the quoted name alone, found above
        if ("“" in name or "·" in name) and not set(name) & EVENT_STOP:
            yield Candidate(
                start,
                match.end("name"),
                "Program",
                "",
                "program:themed",
                1,
                programme_name(name),
            )
    for match in EVENT_ANAPHOR.finditer(text):
        yield Candidate(
            match.start(), match.end(), "Program", "", "program:anaphor", 0, body=match["head"]
        )


def _enumerated(text: str) -> Iterator[Candidate]:
    """Each programme of a list that names its shared head: A行动、B行动等五项行动."""
    for match in ENUMERATED.finditer(text):
        pos = match.start("items")
        for item in match["items"].split("、"):
            start = pos
            cut = max(
                (item.rfind(w) + len(w) for w in PROGRAMME_STOP_WORDS if w in item), default=0
            )
            name = item[cut:]
            pos += len(item) + 1
            if len(name) > len(match["head"]) + 1 and _clean(name):
                yield Candidate(
                    start + cut, start + len(item), "Program", "", "program:enumerated", 1, name
                )


def find_programmes(text: str, levels: Mapping[str, str] | None = None) -> list[Candidate]:
    """Programme (and quoted organisation) candidates in ``text``; ``levels`` are the
    places the story's level characters stand for (省 -> 云南省, :func:`levels_of`).

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
    found.extend(find_honours(text, levels))
    found.extend(find_events(text, levels))
    found.extend(find_events(text, levels, heads=PLAN_HEAD, rule="program:plan"))
    found.extend(find_events(text, levels, heads=SEASON_HEAD))
    found.extend(_hotlines(text))
    found.extend(_enumerated(text))
    found.extend(_quoted_lexicon_names(text))
    found = [c for c in found if not _generic(c)]
    # one sense per document: the studio founded in one sentence is a body in the others
    bodies = {c.canonical for c in found if c.subtype == "Institution"}
    found = [
        replace(
            c, type="Organization", subtype="Institution", rule=c.rule.replace("program:", "org:")
        )
        if c.type == "Program" and c.canonical in bodies
        else c
        for c in found
    ]
    unique = {
        (c.start, c.end, c.type, c.canonical): c for c in sorted(found, key=_order, reverse=True)
    }
    return sorted(unique.values(), key=_order)


#: Rules that read a name off its form; a lexicon, an honour or a brand is named anyway.
_FORM_RULES = (
    "program:quoted",
    "program:triggered",
    "program:event",
    "program:themed",
    "program:enumerated",
)


def _generic(candidate: Candidate) -> bool:
    """A name made of generic activity words only: 系列主题劳动竞赛, 关爱行动."""
    name = candidate.canonical or ""
    return candidate.rule.startswith(_FORM_RULES) and bool(GENERIC_ONLY.fullmatch(name))


def _order(c: Candidate) -> tuple[int, int, str]:
    return c.start, c.end, c.rule


def _programmes_of(doc: Doc) -> list[Candidate]:
    named = Counter(
        key
        for _start, _end, hit in doc._.kg_gazetteer_hits or []
        if hit.rule == "gazetteer:place"
        for key in hit.place_keys
    )
    return find_programmes(text_of(doc), levels_of(named))


@Language.factory(
    "kg_programmes",
    assigns=["doc._.kg_candidates", "doc.spans"],
    requires=["doc._.kg_gazetteer_hits"],
    default_config={"spans_key": CANDIDATES},
)
def make_programmes(nlp: Language, name: str, spans_key: str) -> CandidateRecognizer:
    """Build the programme recogniser: candidates from quotes, 《》 titles and trigger
    verbs (the levels of the places the doc names read from the gazetteer's hits)."""
    return CandidateRecognizer(name, _programmes_of, spans_key=spans_key)
