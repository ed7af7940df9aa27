"""Honours and craftsman brands, named with their prefix as written.

* a standard honour title (``ontology/lexicon/honours.tsv``, from the ACFTU, MOHRSS,
  State Council and women's federation honour systems) with the place or level before
  it: 云南省五一劳动奖章, 全国五一劳动奖章, 湖南省技术能手. Awards (五一劳动奖章, 工人先锋号)
  name the honour alone too; titles people hold (劳动模范, 技术能手) only with a prefix
  (全国劳动模范赵世运: the article names the honour the person holds). A
  level character left alone before the title (省五一劳动奖章, 全国、省五一劳动奖章) names
  a place the recogniser cannot spell: nothing is proposed;
  When the story names one place of that level (``places``: 省 -> 云南省), the level
  stands for it (省五一劳动奖 in a story about 云南 is 云南省五一劳动奖);
* a prefix shared by a list applies to each item (云南省五一劳动奖状、奖章和工人先锋号:
  云南省五一劳动奖章, 云南省工人先锋号; 云南省劳动模范35名、五一劳动奖状24个), and an item
  that drops the words it shares with the one before is read whole (奖状、奖章);
* quotes inside a title (济宁市“五一”劳动奖章) and short forms (全国劳模 is 全国劳动模范,
  ``honour_short_forms.tsv``) are read through; 五一劳动奖 before 获得者, or what an
  encoding artefact left of 章获得者, is the medal;
* a craftsman brand, place + 工匠 (深圳工匠, 济宁工匠, 海曙工匠), or a province's
  classical name + 工匠 (齐鲁工匠, 三秦工匠; ``place_epithets.tsv``), or any quoted X工匠
  (“雄关工匠”: the brand of a city by its epithet); a reading brand, 书香 + place (书香敦化).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from kg.nlp.candidates import Candidate
from kg.nlp.patterns import (
    AWARD_END,
    HONOUR,
    HONOUR_LIST_GAP,
    HONOUR_QUOTES,
    HONOUR_WINNER,
    LEVEL_LIST,
    NAMED_TITLE_NOT_AFTER,
    NOT_A_BRAND,
    QUOTED_BRAND,
    READING_BRAND,
    SHORT_HONOUR_NOT_AFTER,
)
from kg.vocab import lexicon as lexicons
from kg.vocab import places as gazetteer

__all__ = ["find_honours", "is_honour_or_brand", "levels_of"]

_LEVELS = set("省市区县州盟旗")
_LONGEST_PLACE = 10


def _place_before(text: str, pos: int, *, epithets: bool = False) -> str | None:
    """The longest place name (or classical name) ending at ``pos``."""
    places = gazetteer.places_by_surface()
    names = lexicons.place_epithets() if epithets else {}
    for length in range(min(_LONGEST_PLACE, pos), 1, -1):
        surface = text[pos - length : pos]
        if surface in places or surface in names:
            return surface
    return None


def _prefix(text: str, pos: int) -> tuple[str | None, bool]:
    """The level or place before an honour title, and whether it is a place."""
    for prefix in sorted(lexicons.honour_prefixes(), key=len, reverse=True):
        if text.startswith(prefix, pos - len(prefix)) and pos >= len(prefix):
            return prefix, False
    place = _place_before(text, pos)
    return place, place is not None


def levels_of(place_keys: Mapping[str, int]) -> dict[str, str]:
    """The place each level character stands for in a story: the one province (省,
    自治区) and the one city (市) it names, with the province of the city.

    Args:
        place_keys: gazetteer keys of the places the story names -> how often.

    >>> levels_of({"530000": 2, "530400": 1})
    {'省': '云南省', '市': '玉溪市'}
    """
    index = gazetteer.place_by_code()
    named = [index[k] for k in place_keys if k in index]
    provinces = {p.name for p in named if p.subtype == "Province"}
    cities = {p.name for p in named if p.subtype == "City" and p.name.endswith("市")}
    for city in named:
        parent = index.get(city.parent) if city.subtype == "City" else None
        if parent is not None and parent.subtype == "Province":
            provinces.add(parent.name)
    levels: dict[str, str] = {}
    if len(provinces) == 1:
        (province,) = provinces
        levels["自治区" if province.endswith("自治区") else "省"] = province
    if len(cities) == 1:
        levels["市"] = cities.pop()
    return levels


def _title(match: str) -> str:
    """The standard title of a match: quotes removed, a short form written in full."""
    title = HONOUR_QUOTES.sub("", match)
    return lexicons.honour_short_forms().get(title, title)


def _elided(previous: str, text: str, pos: int) -> tuple[str, int] | None:
    """An item at ``pos`` that drops the words it shares with the title before it
    (五一劳动奖状、奖章): the whole title and how long the item is."""
    kinds = lexicons.honours()
    for cut in range(len(previous) - 1, 1, -1):
        stem = previous[:cut]
        for title in kinds:
            rest = title[cut:]
            fits = title != previous and title.startswith(stem) and len(rest) >= 2
            if fits and text.startswith(rest, pos):
                return title, len(rest)
    return None


@dataclass(frozen=True, slots=True)
class _Listed:
    """The last honour of a list: where it ends, its prefix, its title."""

    end: int
    prefix: str | None
    is_place: bool
    title: str


def _honours(text: str, levels: Mapping[str, str]) -> Iterator[Candidate]:
    kinds = lexicons.honours()
    shorts = lexicons.honour_short_forms()
    listed: _Listed | None = None
    pos = 0
    while True:
        match = HONOUR.search(text, pos)
        gap = HONOUR_LIST_GAP.match(text, listed.end) if listed else None
        if listed and gap and (match is None or match.start() != gap.end()):
            elided = _elided(listed.title, text, gap.end())
            if elided:
                title, length = elided
                end = gap.end() + length
                name = (listed.prefix or "") + title
                place = listed.prefix if listed.is_place else None
                yield Candidate(
                    gap.end(), end, "Program", "", "program:honour", 2, name, place=place
                )
                listed, pos = _Listed(end, listed.prefix, listed.is_place, title), end
                continue
        if match is None:
            return
        pos, start, title = match.end(), match.start(), _title(match.group())
        if start and HONOUR_QUOTES.match(text, start - 1) and HONOUR_QUOTES.search(match.group()):
            start -= 1  # 济宁市“五一”劳动奖章: the opening quote
        prefix, is_place = _prefix(text, start)
        begin = start - len(prefix or "")
        awarders = lexicons.honour_awarders()
        same_system = listed is not None and awarders.get(listed.title) == awarders.get(title)
        if kinds.get(title) == "named":
            prefix, is_place, begin = None, False, start  # 大国工匠 carries its level
        elif (
            prefix is None
            and listed
            and gap
            and gap.end() == match.start()
            and (same_system or gap.group().endswith("、"))
        ):
            # 云南省A、B: B is 云南省's; 全国劳动模范和五一劳动奖章: two systems, B alone
            prefix, is_place = listed.prefix, listed.is_place
        elif prefix is None and start and text[start - 1] in _LEVELS:
            level = "自治区" if text.endswith("自治区", 0, start) else text[start - 1]
            if level not in levels or LEVEL_LIST.search(text, 0, start - len(level)):
                listed = None
                continue  # 省五一劳动奖章 where the story names no one province; 全国、省…
            prefix, begin = levels[level], start - len(level)
        listed = None
        short = match.group() in shorts
        if short and (is_place or prefix is None or SHORT_HONOUR_NOT_AFTER.match(text, pos)):
            continue  # 劳模 alone is a person, 广州劳模 people; 劳模工匠, 劳模精神 other terms
        if title == "五一劳动奖" and HONOUR_WINNER.match(text, pos):
            title = "五一劳动奖章"  # 五一劳动奖芦@得者: the medal, cut by an artefact
        elif title == "五一劳动奖" and not AWARD_END.match(text, pos):
            continue  # the umbrella award ends its phrase (五一劳动奖树命名 is cut text)
        if kinds.get(title) == "named" and NAMED_TITLE_NOT_AFTER.match(text, pos):
            continue  # 大国工匠培育对象: the ACFTU's programme, not the honour
        if prefix and not is_place and LEVEL_LIST.search(text, 0, begin):
            continue  # 全国和省级五一劳动奖: the levels of the honours, not one honour
        if kinds.get(title) == "title" and prefix is None:
            continue  # 劳动模范, 技术能手 alone are what people are
        name = (prefix or "") + title
        place = prefix if is_place else None
        yield Candidate(begin, pos, "Program", "", "program:honour", 2, name, place=place)
        listed = _Listed(pos, prefix, is_place, title)


def _brands(text: str) -> Iterator[Candidate]:
    pos = text.find("工匠")
    while pos != -1:
        place = _place_before(text, pos, epithets=True)
        if place and not NOT_A_BRAND.match(text, pos + 2):
            name, start = place + "工匠", pos - len(place)
            yield Candidate(start, pos + 2, "Program", "", "program:brand", 2, name, place=place)
        pos = text.find("工匠", pos + 2)


def _quoted_brands(text: str) -> Iterator[Candidate]:
    for match in QUOTED_BRAND.finditer(text):
        name = match["name"]
        if NOT_A_BRAND.match(text, match.end()) or _place_before(text, match.end("name") - 2):
            continue  # a place + 工匠 is found by _brands
        start, end = match.start("name"), match.end("name")
        yield Candidate(start, end, "Program", "", "program:brand", 2, name)


def _reading_brands(text: str) -> Iterator[Candidate]:
    pos = text.find(READING_BRAND)
    while pos != -1:
        after = pos + len(READING_BRAND)
        place = _place_after(text, after)
        if place:
            end = after + len(place)
            name = READING_BRAND + place
            yield Candidate(pos, end, "Program", "", "program:brand", 2, name, place=None)
        pos = text.find(READING_BRAND, after)


def _place_after(text: str, pos: int) -> str | None:
    """The longest place name starting at ``pos`` that ends a word."""
    places = gazetteer.places_by_surface()
    for length in range(min(_LONGEST_PLACE, len(text) - pos), 1, -1):
        surface = text[pos : pos + length]
        if surface in places:
            return surface
    return None


def find_honours(text: str, levels: Mapping[str, str] | None = None) -> list[Candidate]:
    """Honours and craftsman brands in ``text``; ``levels`` are the places the story's
    level characters stand for (:func:`levels_of`).

    >>> [c.canonical for c in find_honours("荣获2017年龙华区五一劳动奖章、全国工人先锋号")]
    ['龙华区五一劳动奖章', '全国工人先锋号']
    >>> [c.canonical for c in find_honours("他被评为湖南省技术能手,是一名劳动模范")]
    ['湖南省技术能手']
    >>> [c.canonical for c in find_honours("王阵锋获评“江苏工匠”,黔南工匠学院揭牌")]
    ['江苏工匠']
    """
    found = [
        *_honours(text, levels or {}),
        *_brands(text),
        *_quoted_brands(text),
        *_reading_brands(text),
    ]
    return sorted(found, key=lambda c: (c.start, c.end))


def is_honour_or_brand(name: str) -> bool:
    """Whether ``name`` is, as a whole, an honour or a craftsman brand.

    >>> is_honour_or_brand("深圳工匠"), is_honour_or_brand("寻找身边的淄博工匠")
    (True, False)
    """
    return any(c.start == 0 and c.end == len(name) for c in find_honours(name))
