"""Honours and craftsman brands, named with their prefix as written.

* a standard honour title (``ontology/lexicon/honours.tsv``, from the ACFTU, MOHRSS,
  State Council and women's federation honour systems) with the place or level before
  it: 云南省五一劳动奖章, 全国五一劳动奖章, 湖南省技术能手. Awards (五一劳动奖章, 工人先锋号)
  name the honour alone too; titles people hold (劳动模范, 技术能手) only with a prefix
  (全国劳动模范赵世运: the article names the honour the person holds). A
  level character left alone before the title (省五一劳动奖章, 全国、省五一劳动奖章) names
  a place the recogniser cannot spell: nothing is proposed;
* a craftsman brand, place + 工匠 (深圳工匠, 济宁工匠, 海曙工匠), or a province's
  classical name + 工匠 (齐鲁工匠, 三秦工匠; ``place_epithets.tsv``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg import lexicons
from kg.nlp.candidates import Candidate
from kg.nlp.patterns import HONOUR, NOT_A_BRAND

__all__ = ["find_honours", "is_honour_or_brand"]

_LEVELS = set("省市区县州盟旗")
_LONGEST_PLACE = 10


def _place_before(text: str, pos: int, *, epithets: bool = False) -> str | None:
    """The longest place name (or classical name) ending at ``pos``."""
    places = lexicons.places_by_surface()
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


def _honours(text: str) -> Iterator[Candidate]:
    kinds = lexicons.honours()
    for match in HONOUR.finditer(text):
        title, pos = match.group(), match.start()
        prefix, is_place = _prefix(text, pos)
        start = pos - len(prefix or "")
        if kinds[title] == "title" and prefix is None:
            continue  # 劳动模范, 技术能手 alone are what people are
        if prefix is None and pos and text[pos - 1] in _LEVELS:
            continue
        name = (prefix or "") + title
        place = prefix if is_place else None
        yield Candidate(start, match.end(), "Program", "", "program:honour", 2, name, place=place)


def _brands(text: str) -> Iterator[Candidate]:
    pos = text.find("工匠")
    while pos != -1:
        place = _place_before(text, pos, epithets=True)
        if place and not NOT_A_BRAND.match(text, pos + 2):
            name, start = place + "工匠", pos - len(place)
            yield Candidate(start, pos + 2, "Program", "", "program:brand", 2, name, place=place)
        pos = text.find("工匠", pos + 2)


def find_honours(text: str) -> list[Candidate]:
    """Honours and craftsman brands in ``text``.

    >>> [c.canonical for c in find_honours("荣获2017年龙华区五一劳动奖章、全国工人先锋号")]
    ['龙华区五一劳动奖章', '全国工人先锋号']
    >>> [c.canonical for c in find_honours("他被评为湖南省技术能手,是一名劳动模范")]
    ['湖南省技术能手']
    >>> [c.canonical for c in find_honours("王阵锋获评“江苏工匠”,黔南工匠学院揭牌")]
    ['江苏工匠']
    """
    return sorted([*_honours(text), *_brands(text)], key=lambda c: (c.start, c.end))


def is_honour_or_brand(name: str) -> bool:
    """Whether ``name`` is, as a whole, an honour or a craftsman brand.

    >>> is_honour_or_brand("深圳工匠"), is_honour_or_brand("寻找身边的淄博工匠")
    (True, False)
    """
    return any(c.start == 0 and c.end == len(name) for c in find_honours(name))
