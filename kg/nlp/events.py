"""Named contests and event series, without their edition.

A contest is named by the place that holds it, a cup (…杯…) or both, then what it is
about and its head: 深圳市重点工程劳动竞赛, 陕西省茶艺技能大赛, 银河杯职工羽毛球比赛. The
edition and year are not part of the name (第六届苏州技能状元大赛 is 苏州技能状元大赛,
2022年深圳技能大赛 is 深圳技能大赛), and of a chain of places the last one begins it
(广东省深圳市第十二届职工技术创新运动会 is 深圳市职工技术创新运动会). Without a place or a
cup the words before the head are generic (劳动和技能竞赛, 省级以上技能大赛); a place inside
them does not open a name (友谊 in 篮球友谊联赛 is 友谊县 only in the gazetteer).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg import lexicons
from kg.nlp.candidates import Candidate
from kg.nlp.patterns import EDITION, EVENT_HEAD, PROGRAMME_GENERIC_START, PROGRAMME_STOP_WORDS

__all__ = ["event_name", "find_events"]

#: How far before its head a contest's name may begin.
_REACH = 24
_LONGEST_PLACE = 10
#: Words that end a contest's name on their left, besides programme stop words.
_EVENT_STOPS = (*PROGRAMME_STOP_WORDS, "暨", "届")


def event_name(name: str) -> str:
    """The name of a contest without its edition or year.

    >>> event_name("深圳市第十二届职工技术创新运动会"), event_name("2022年深圳技能大赛")
    ('深圳市职工技术创新运动会', '深圳技能大赛')
    """
    return EDITION.sub("", name)


def _run_start(text: str, head: int) -> int:
    """Where the clean run of characters before ``head`` begins."""
    start = head
    while start > max(0, head - _REACH) and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    run = text[start:head]
    for word in _EVENT_STOPS:
        at = run.rfind(word)
        if at != -1 and not (word == "届" and EDITION.search(run)):
            start = max(start, head - len(run) + at + len(word))
    return start


def _places(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Places in ``text[start:end]``, longest at each position, left to right."""
    surfaces = lexicons.places_by_surface()
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


def _name_start(text: str, start: int, head: int) -> tuple[int, str | None] | None:
    """Where the contest's name begins and the place it begins with: its place (the
    last of a chain) or its cup."""
    places = _places(text, start, head)
    lead = text[start : places[0][0]] if places else ""
    if places and (not lead or EDITION.fullmatch(lead) or lead in {"年", "年度"}):
        # the place opens the name, after an edition or year at most (not 篮球友谊联赛)
        begin, end = places[0]
        for nxt, nxt_end in places[1:]:
            if nxt != end:
                break
            begin, end = nxt, nxt_end  # 广东省深圳市: the last place of the chain
        return begin, text[begin:end]
    cup = text.find("杯", start, head)
    if cup - start >= 2 and not text.startswith(PROGRAMME_GENERIC_START, start):
        return start, None
    return None


def find_events(text: str) -> Iterator[Candidate]:
    """Named contests in ``text``.

    >>> [c.canonical for c in find_events("在第六届苏州技能状元大赛中,张惠艳被授予")]
    ['苏州技能状元大赛']
    >>> [c.canonical for c in find_events("开展劳动和技能竞赛146场,省级以上技能大赛")]
    []
    """
    for match in EVENT_HEAD.finditer(text):
        head = match.start()
        start = _run_start(text, head)
        found = _name_start(text, start, head)
        if found is None:
            continue
        begin, place = found
        name = event_name(text[begin : match.end()])
        body = name[: -len(match.group())]
        if len(name) - len(body) < 2 or len(body) < 2:
            continue
        yield Candidate(begin, match.end(), "Program", "", "program:contest", 1, name, place=place)
