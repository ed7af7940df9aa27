"""Named contests and event series, without their edition.

A contest is named by the place that holds it, a cup (…杯…) or both, then what it is
about and its head: 深圳市重点工程劳动竞赛, 陕西省茶艺技能大赛, 银河杯职工羽毛球比赛. The
edition and year are not part of the name (第六届苏州技能状元大赛 is 苏州技能状元大赛,
2022年深圳技能大赛 is 深圳技能大赛), and of a chain of places the last one begins it
(广东省深圳市第十二届职工技术创新运动会 is 深圳市职工技术创新运动会). Without a place or a
cup the words before the head are generic (劳动和技能竞赛, 省级以上技能大赛); a place inside
them does not open a name (友谊 in 篮球友谊联赛 is 友谊县 only in the gazetteer).

Quotes and codes stand inside the name (江西省“天工杯”劳动和技能竞赛, 新疆“10+N”劳动和
技能竞赛); a slogan closed before the place is the theme (“…”敦化市职工诵读比赛). A level
opens a name as a place does (全国高校青年教师教学竞赛; 全省 is the story's province), and
so do a sector (机械冶金行业职工职业技能竞赛) and a quoted theme. An item of a list that
leaves the head to the last one takes it (“长江大保护”职工职业技能、…职业技能竞赛).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from kg.nlp.candidates import Candidate
from kg.nlp.patterns import (
    EDITION,
    ELIDED_CONTEST,
    EVENT_HEAD,
    EVENT_LEVEL,
    EVENT_RUN_EXTRA,
    EVENT_STOPS,
    PROGRAMME_GENERIC_START,
    QUOTES,
    SECTOR,
)
from kg.text import is_cjk
from kg.vocab import places as gazetteer

__all__ = ["event_name", "find_events"]

#: How far before its head a contest's name may begin.
_REACH = 24
_LONGEST_PLACE = 10


def event_name(name: str) -> str:
    """The name of a contest without its edition, year or quotation marks.

    >>> event_name("深圳市第十二届职工技术创新运动会"), event_name("2022年深圳技能大赛")
    ('深圳市职工技术创新运动会', '深圳技能大赛')
    """
    return QUOTES.sub("", EDITION.sub("", name))


def _run_start(text: str, head: int) -> int:
    """Where the clean run of characters (quotes included) before ``head`` begins."""
    start = head
    while start > max(0, head - _REACH) and (
        is_cjk(text[start - 1]) or EVENT_RUN_EXTRA.match(text[start - 1])
    ):
        start -= 1
    run = text[start:head]
    for word in EVENT_STOPS:
        at = run.rfind(word)
        if at != -1 and not (word == "届" and EDITION.search(run)):
            start = max(start, head - len(run) + at + len(word))
    for opening, closing in ("“”", "‘’"):
        at = text.rfind(closing, start, head)
        if at != -1 and text.rfind(opening, start, at) == -1:
            start = at + 1  # “…”敦化市职工诵读比赛: a quote closed left of the run
    return start


def _places(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Places in ``text[start:end]``, longest at each position, left to right."""
    surfaces = gazetteer.places_by_surface()
    found = []
    pos = start
    while pos < end:
        for length in range(min(_LONGEST_PLACE, end - pos), 1, -1):
            if text[pos : pos + length] in surfaces:
                found.append((pos, pos + length))
                pos += length
                break
        else:
            pos += 1
    return found


def _opening(lead: str) -> bool:
    """What may stand before a contest's place: nothing, an edition or a year."""
    return not lead or bool(EDITION.fullmatch(lead)) or lead in {"年", "年度"}


def _name_start(
    text: str, start: int, head: int, levels: Mapping[str, str]
) -> tuple[int, str | None, str] | None:
    """Where the contest's name begins, the place it begins with (the last of a chain)
    and the place a level stands for: by its place, its level, its sector or its cup."""
    places = _places(text, start, head)
    if places and _opening(text[start : places[0][0]]):
        # the place opens the name, after an edition or year at most (not 篮球友谊联赛)
        begin, end = places[0]
        for nxt, nxt_end in places[1:]:
            if nxt != end:
                break
            begin, end = nxt, nxt_end  # 广东省深圳市: the last place of the chain
        return begin, text[begin:end], ""
    level = EVENT_LEVEL.search(text, start, head)
    if level and _opening(text[start : level.start()]) and head - level.end() >= 4:
        if level.group() == "全国":
            return level.start(), None, ""  # 全国高校青年教师教学竞赛
        if "省" in levels:
            return level.start(), None, levels["省"]  # 全省职工技术技能大赛, in 云南
    if text.startswith("“", start) and text.find("”", start, head) > start + 2:
        return start, None, ""  # “长江大保护”职工职业技能竞赛: a quoted theme opens it
    sector = text.find(SECTOR, start, head)
    if sector - start >= 2 and not text.startswith(PROGRAMME_GENERIC_START, start):
        return start, None, ""  # 机械冶金行业职工职业技能竞赛: a sector's contest
    cup = text.find("杯", start, head)
    if cup - start >= 2 and not text.startswith(PROGRAMME_GENERIC_START, start):
        return start, None, ""
    return None


def _contest(
    text: str,
    head: int,
    end: int,
    levels: Mapping[str, str],
    suffix: str = "",
    rule: str = "program:contest",
) -> Candidate | None:
    found = _name_start(text, _run_start(text, head), head, levels)
    if found is None:
        return None
    begin, place, province = found
    written = text[begin:end]
    if province:
        written = province + EVENT_LEVEL.sub("", written, count=1)
    name = event_name(written + suffix)
    body = event_name(text[begin:head])
    if len(name) - len(body) < 2 or len(body) < 2:
        return None
    return Candidate(begin, end, "Program", "", rule, 1, name, place=place)


def find_events(
    text: str,
    levels: Mapping[str, str] | None = None,
    *,
    heads: re.Pattern[str] = EVENT_HEAD,
    rule: str = "program:contest",
) -> Iterator[Candidate]:
    """Named contests in ``text``; ``levels`` are the places the story's level
    characters stand for (省 -> 云南省). Other ``heads`` name other series the same way
    (延边州职工文化活动月, 辽宁全面振兴新突破三年行动).

    >>> [c.canonical for c in find_events("在第六届苏州技能状元大赛中,张惠艳被授予")]
    ['苏州技能状元大赛']
    >>> [c.canonical for c in find_events("开展劳动和技能竞赛146场,省级以上技能大赛")]
    []
    """
    for match in heads.finditer(text):
        found = _contest(text, match.start(), match.end(), levels or {}, rule=rule)
        if found:
            yield found
    if heads is not EVENT_HEAD:
        return
    for match in ELIDED_CONTEST.finditer(text):
        stop = text.find("。", match.end())
        if "职业技能竞赛" not in text[match.end() : stop if stop != -1 else len(text)]:
            continue  # only an item of a list whose last item names the head
        found = _contest(text, match.start(), match.end(), levels or {}, suffix="竞赛")
        if found:
            yield found
