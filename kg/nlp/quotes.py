"""Quoted names the rules did not take, and what a model needs to know of them.

Half of the programmes the rules miss are quoted in the text (“送温暖”, ‘五小’创新,
“先锋骑手”), and about half of all quoted phrases are programme names (the rest are
slogans, quotations, nicknames). Which is which depends on many small signs — the words
around the quote, its length and shape, what else is found inside it — that a model
trained on the gold weighs better than rules written on the articles we read.

:func:`quoted_names` finds every quoted phrase of a story (read once from its doc by
:func:`kg.nlp.story.story_of`) that no rule proposed as a programme; :func:`quote_row`
describes one by the named features of ``QUOTE_FEATURES`` (small functions of the phrase
and its story, each testable alone).

>>> from kg.nlp.pipeline import load_pipeline
>>> from kg.nlp.story import story_of
>>> nlp = load_pipeline(span_model=None, programme_model=None, organisation_model=None)
>>> story = story_of(nlp("各级工会组织了“送清凉”宣传车队。"))
>>> [q.text for q in quoted_names(story)]
['送清凉']
>>> named = dict(zip(QUOTE_FEATURES, quote_row(quoted_names(story)[0], story)))
>>> named["length"], named["held"], named["description_after"], named["carried_out"]
(3.0, 1.0, 1.0, 0.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.nlp.patterns import (
    CARRY_OUT,
    DESCRIBES,
    FOUND,
    GENERIC_ONLY,
    HOLD,
    PROGRAMME_BARE_HEADS,
    PROGRAMME_CLASSIFIERS,
    PROGRAMME_GENERIC_START,
    PROGRAMME_HEADS,
    PROGRAMME_ORG_HEADS,
    PROGRAMME_SELF_HEADS,
    PROGRAMME_STOP_WORDS,
    QUOTED_CODE,
    SLOGAN_SEPARATOR,
)
from kg.nlp.story import Story, words_in
from kg.text import is_cjk
from kg.vocab.words import word_freq

__all__ = ["QUOTE_FEATURES", "Quote", "quote_row", "quoted_names"]

#: A quoted phrase in any of the four quotation styles (never across a sentence's end).
_QUOTE = re.compile(r"([“‘「『])([^“”‘’「」『』\n。！？]{2,30})([”’」』])")
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
#: How far the words around a quote are read.
_AROUND = 6


@dataclass(frozen=True)
class Quote:
    """A quoted phrase of a story: ``start``/``end`` bound its text, without the marks."""

    start: int
    end: int
    text: str
    mark: str


def quoted_names(story: Story) -> list[Quote]:
    """The quoted phrases of ``story`` that no candidate of the rules proposes as a
    programme (a candidate over any part of the quote and its marks)."""
    covered = [False] * (len(story.text) + 2)
    for candidate in story.candidates:
        if candidate.type == "Program":
            covered[candidate.start : candidate.end] = [True] * candidate.length
    found = []
    for match in _QUOTE.finditer(story.text):
        if _PAIRS[match.group(1)] != match.group(3) or any(covered[match.start() : match.end()]):
            continue
        found.append(Quote(match.start(2), match.end(2), match.group(2), match.group(1)))
    return found


def _after(quote: Quote, story: Story) -> str:
    return story.text[quote.end + 1 : quote.end + 1 + _AROUND]


def _before(quote: Quote, story: Story) -> str:
    return story.text[max(0, quote.start - 1 - _AROUND) : quote.start - 1]


def _share(quote: Quote, story: Story, type_: str) -> float:
    """How much of the quote the rules' candidates of ``type_`` cover."""
    inside = set()
    for candidate in story.candidates:
        if candidate.type == type_:
            inside |= set(range(max(candidate.start, quote.start), min(candidate.end, quote.end)))
    return len(inside) / len(quote.text)


def _words(quote: Quote, story: Story) -> list[str]:
    return words_in(story, quote.start, quote.end)


def _starts(text: str, words: frozenset[str] | tuple[str, ...]) -> float:
    return float(any(text.startswith(w) for w in words))


#: The features, in the order a model reads them: name -> function of a quote and its story.
_FEATURES: dict[str, Callable[[Quote, Story], float]] = {
    "length": lambda q, d: float(len(q.text)),
    "digits": lambda q, d: float(sum(c.isdigit() for c in q.text)),
    "latin": lambda q, d: float(sum(c.isascii() and c.isalpha() for c in q.text)),
    "not_cjk": lambda q, d: float(sum(not is_cjk(c) for c in q.text)),
    "separators": lambda q, d: float(len(SLOGAN_SEPARATOR.findall(q.text))),
    "plus": lambda q, d: float(q.text.count("+") + q.text.count("＋")),
    "words": lambda q, d: float(len(_words(q, d))),
    "commonest_word": lambda q, d: max(
        (math.log1p(word_freq(w)) for w in _words(q, d)), default=0.0
    ),
    "one_word": lambda q, d: math.log1p(word_freq(q.text)),
    "times_written": lambda q, d: float(d.text.count(q.text)),
    "times_unquoted": lambda q, d: float(d.text.count(q.text) - d.text.count(q.mark + q.text)),
    "organisation_inside": lambda q, d: _share(q, d, "Organization"),
    "place_inside": lambda q, d: _share(q, d, "Place"),
    "person_inside": lambda q, d: _share(q, d, "Person"),
    "in_first_line": lambda q, d: float("\n" not in d.text[: q.start]),
    "mark": lambda q, d: float("“‘「『".index(q.mark)),
    "punctuation_after": lambda q, d: float(not _after(q, d)[:1] or not is_cjk(_after(q, d)[0])),
    "programme_head_after": lambda q, d: _starts(_after(q, d), PROGRAMME_HEADS),
    "organisation_head_after": lambda q, d: _starts(_after(q, d), PROGRAMME_ORG_HEADS),
    "classifier_after": lambda q, d: _starts(_after(q, d), PROGRAMME_CLASSIFIERS),
    "bare_head_after": lambda q, d: _starts(_after(q, d), PROGRAMME_BARE_HEADS),
    "description_after": lambda q, d: float(DESCRIBES.match(_after(q, d)) is not None),
    "names_its_head": lambda q, d: float(q.text.endswith(PROGRAMME_SELF_HEADS)),
    "ends_with_head": lambda q, d: float(any(q.text.endswith(h) for h in PROGRAMME_HEADS)),
    "carried_out": lambda q, d: float(CARRY_OUT.search(_before(q, d)) is not None),
    "held": lambda q, d: float(HOLD.search(_before(q, d)) is not None),
    "founded": lambda q, d: float(FOUND.search(_before(q, d)) is not None),
    "code": lambda q, d: float(QUOTED_CODE.fullmatch(q.text) is not None),
    "generic_only": lambda q, d: float(GENERIC_ONLY.fullmatch(q.text) is not None),
    "generic_start": lambda q, d: float(q.text.startswith(PROGRAMME_GENERIC_START)),
    "stop_word_inside": lambda q, d: float(any(w in q.text for w in PROGRAMME_STOP_WORDS)),
}

#: The names of the features, in a model's order.
QUOTE_FEATURES: tuple[str, ...] = tuple(_FEATURES)


def quote_row(quote: Quote, story: Story) -> list[float]:
    """The values of ``QUOTE_FEATURES`` for ``quote`` in ``story``."""
    return [feature(quote, story) for feature in _FEATURES.values()]
