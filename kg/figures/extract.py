"""Figures in a sentence: a number with its measure word, what it counts, whether it is
approximate. Finding only: no document, no entities (:mod:`kg.figures.link` adds those).

>>> for f in find_figures("上半年新建工会115家,发展会员10272人,其中农民工会员8万余人。"):
...     print(f.text, f.value, f.unit, f.approximate, f.indicator)
新建工会115家 115 家 False 新建工会
发展会员10272人 10272 人 False 发展会员
农民工会员8万余人 80000 人 True 农民工会员
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import jieba

from kg.figures.numbers import CHINESE_DIGITS, parse_number
from kg.vocab.lexicon import alternation, figure_cues, measure_words
from kg.vocab.words import word_tag

__all__ = ["Figure", "find_figures"]


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a sentence; offsets are into that sentence. ``start`` is where
    its text begins (with its indicator), ``number_start`` where the number does."""

    start: int
    end: int
    number_start: int
    text: str
    value: Decimal
    unit: str
    approximate: bool
    indicator: str


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    units: dict[str, tuple[str, int]]
    ordinal: frozenset[str]
    rank: frozenset[str]
    not_ordinal: tuple[str, ...]
    not_after: tuple[str, ...]
    list_units: frozenset[str]
    leads: tuple[str, ...]
    tails: tuple[str, ...]
    term_units: frozenset[str]
    term_after: tuple[str, ...]
    money_verbs: re.Pattern[str]


#: jieba's tags of the words of a noun phrase besides nouns (n…): idioms and set phrases,
#: abbreviations, distinguishers, verbal nouns, adjectives, numerals (一线), locatives.
_NOUNISH = frozenset({"l", "j", "b", "vn", "a", "m", "f"})
#: The tags a noun phrase may end in besides nouns.
_NOUNS = frozenset({"l", "j", "vn"})
#: What ends the clause a sum of money is raised, paid or recovered in (a list, 、, does not).
_MONEY_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]")
# a clause ends at these: an indicator never reaches past one
_CLAUSE_END = re.compile(r"[，,。；;：:、！？!?（）()“”\"《》\n\s\d%％]")
_MAX_INDICATOR = 12


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words = measure_words()

    def of(kind: str) -> list[str]:
        return list(figure_cues().get(kind, ()))

    chinese = "".join(CHINESE_DIGITS) + "十百千"
    pattern = re.compile(
        rf"(?P<before>{alternation(of('approx-before'))})?"
        rf"(?P<number>(?<![A-Za-z\d.])\d+(?:,\d{{3}})*(?:\.\d+)?(?![A-Za-z])|[{chinese}]+"
        r"|(?<=[近约超逾])(?=万))"  # 近万名: 万 alone after an approximation
        r"\s?(?P<magnitude>万亿|亿|万|千)?"
        rf"(?:(?<=[万亿])(?P<rest>\d+[千百]|[{chinese}]+))?"  # 2万2千, 两万三千
        rf"(?P<inside>{alternation(of('approx-inside'))})?"
        rf"(?P<word>{alternation(words)})"
        rf"(?P<after>{alternation(of('approx-after'))})?"
    )
    return _Lexicon(
        pattern,
        words,
        frozenset(of("ordinal")),
        frozenset(of("rank")),
        tuple(of("not-ordinal")),
        tuple(of("not-after")),
        frozenset(of("list-unit")),
        tuple(sorted(of("indicator-lead"), key=len, reverse=True)),
        tuple(sorted(of("indicator-tail"), key=len, reverse=True)),
        frozenset(of("term-unit")),
        tuple(of("term-after")),
        re.compile(alternation(of("money-verb"))),
    )


def _counted(sentence: str, start: int) -> str:
    """The noun phrase a measure word counts when it follows it (表彰46名|劳模,
    慰问1273户|困难职工发放…): the nouns (jieba's tags) from ``start``, up to the first word
    of another kind; ``""`` when none follows.

    >>> _counted("名劳模和12个先进集体", 1), _counted("户困难职工发放慰问金", 1), _counted("人,", 1)
    ('劳模', '困难职工', '')
    """
    words = []
    for word in jieba.lcut(sentence[start : start + _MAX_INDICATOR]):
        tag = word_tag(word)
        if not (tag.startswith("n") or tag in _NOUNISH) or _CLAUSE_END.match(word):
            break
        words.append(word)
    while words and not (word_tag(words[-1]).startswith("n") or word_tag(words[-1]) in _NOUNS):
        words.pop()  # a phrase ends in its noun (一线职工, not 一线)
    return "".join(words)


def _with_money_verb(sentence: str, at: int, indicator: str, lexicon: _Lexicon) -> str:
    """A sum's indicator with the verb that says what was done with the money when its
    clause has one and the indicator does not (为产业工人追回工资、社保金等526.5万元 ->
    追回社保金): money raised, paid out and recovered stay apart."""
    if lexicon.money_verbs.search(indicator):
        return indicator
    start = max((m.end() for m in _MONEY_CLAUSE_END.finditer(sentence, 0, at)), default=0)
    verbs = list(lexicon.money_verbs.finditer(sentence, start, at))
    return verbs[-1].group() + indicator if verbs else indicator


def _indicator(sentence: str, end: int, lexicon: _Lexicon, *, since: int = 0) -> tuple[int, str]:
    """What is counted by the words before the number: those of its clause (never before
    ``since``, the end of the figure before it), without the words that open a clause
    (全市, 其中 …) or link it to the number (达, 为 …)."""
    start = end
    while (
        start > since
        and end - start < _MAX_INDICATOR
        and not _CLAUSE_END.match(sentence[start - 1])
    ):
        start -= 1
    words = sentence[start:end]
    changed = True
    while changed:
        changed = False
        for lead in lexicon.leads:
            if words.startswith(lead) and len(words) > len(lead):
                words, start, changed = words[len(lead) :], start + len(lead), True
        for tail in lexicon.tails:
            if words.endswith(tail) and len(words) > len(tail):
                words, changed = words[: -len(tail)], True
    return start, words


def _is_rank(before: str, chinese: bool, word: str, lexicon: _Lexicon) -> bool:
    """第十四场, 前八名, 前3名: an ordinal or a rank (目前10家 is a count)."""
    if before[-1:] in lexicon.ordinal:
        return True
    if before[-1:] in lexicon.rank:
        return chinese or (word in {"名", "位"} and not before.endswith(lexicon.not_ordinal))
    return False


def _rest(rest: str | None) -> Decimal:
    """What follows 万 or 亿 before the measure word: 2千 (2万2千), 三千 (两万三千).

    >>> _rest("2千"), _rest("三千"), _rest(None)
    (Decimal('2000'), Decimal('3000'), Decimal('0'))
    """
    if not rest:
        return Decimal(0)
    if rest[0].isdigit():
        return parse_number(rest[:-1], rest[-1])
    return parse_number(rest, "")


def find_figures(sentence: str) -> list[Figure]:
    """The figures of ``sentence``, in order. Ordinals (第十四场), numbers without a
    measure word (12351热线, 十四五), dates, ages and durations are not figures: none ends
    in a measure word of ``measure_words.tsv``."""
    lexicon = _lexicon()
    found: list[Figure] = []
    for match in lexicon.pattern.finditer(sentence):
        number = match["number"]
        at = match.start("number")
        chinese = bool(number) and not number[0].isdigit()
        if _is_rank(sentence[max(0, at - 2) : at], chinese, match["word"], lexicon):
            continue
        if sentence.startswith(lexicon.not_after, match.end()):
            continue
        if match["word"] in lexicon.term_units and (
            sentence.startswith(lexicon.term_after, match.end())
            or not sentence[: match.start()]
            or sentence[match.start() - 1] in "第中共省市区县"
        ):
            continue  # 十四届一次全委会议, 第七届: a term, not a count
        if chinese and number in {"一", "十", "百", "千"} and not match["magnitude"]:
            continue  # 一个, 一次性, 十分, 百家: words, not counts
        if chinese and at > 0 and sentence[at - 1] in CHINESE_DIGITS:
            continue
        unit, multiplier = lexicon.units[match["word"]]
        try:
            value = parse_number(number or "一", match["magnitude"] or "")
            value = (value + _rest(match["rest"])) * multiplier
        except (ValueError, ArithmeticError):
            continue
        if chinese and value < 10 and unit in lexicon.list_units:
            continue  # 两个确立, 四个意识, 四位一体, 三支队伍: names of lists
        since = found[-1].end if found else 0
        start, indicator = _indicator(sentence, match.start(), lexicon, since=since)
        indicator = _counted(sentence, match.end()) or indicator
        if unit == "元":
            indicator = _with_money_verb(sentence, at, indicator, lexicon)
        approximate = bool(match["before"] or match["inside"] or match["after"])
        found.append(
            Figure(
                start=min(start, match.start()),
                end=match.end(),
                number_start=at,
                text=sentence[min(start, match.start()) : match.end()],
                value=Decimal(int(value)) if value == value.to_integral() else value.normalize(),
                unit=unit,
                approximate=approximate,
                indicator=indicator,
            )
        )
    return found
