"""Organisation names the rules did not take, found back from their ending.

A third of the organisations the rules miss end in one of the lexicon's endings
(长庆油田公司工会, 二连出入境边防检查站, 中国铁路北京局): the ending is plain, where the name
begins is not. Each ending no rule candidate of an organisation covers is read with every
word start before it, back to the punctuation or 30 characters, as a possible name
(:func:`ended_names`); :func:`ended_row` describes one by the named features of
``ENDED_FEATURES`` (small functions of the name and its story, each testable alone), and a
model trained on the gold chooses at most one beginning per ending.

>>> from kg.nlp.pipeline import load_pipeline
>>> from kg.nlp.story import story_of
>>> nlp = load_pipeline(span_model=None, programme_model=None, organisation_model=None)
>>> story = story_of(nlp("一名二连出入境边防检查站民警"))
>>> [story.text[n.start : n.end] for n in ended_names(story)[0]]
['检查站', '边防检查站', '出入境边防检查站', '二连出入境边防检查站', '一名二连出入境边防检查站']
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.nlp.patterns import STOP_CHARS, STOP_WORDS
from kg.nlp.story import Story, words_in
from kg.vocab.lexicon import alternation, org_endings
from kg.vocab.words import word_freq

__all__ = ["ENDED_FEATURES", "Ended", "ended_names", "ended_row"]

#: Every ending of the lexicon, longest first; the subtype of each.
_SUBTYPES: dict[str, str] = {}
for _ending in org_endings():
    _SUBTYPES.setdefault(_ending.ending, _ending.subtype)
_ENDING = re.compile(alternation(sorted(_SUBTYPES, key=lambda e: (-len(e), e))))
#: What no name runs across: white space, punctuation, quotes and brackets but ().
_BREAK = re.compile(r"[\s，。！？；：、“”‘’《》「」『』,.!?;:\"'【】\[\]…—]")
#: How far back from its ending a name may begin.
_REACH = 30
#: The words that follow a name in a phrase (的, 和, 等).
_PARTICLES = frozenset("的在和与及等")


@dataclass(frozen=True)
class Ended:
    """A possible name ``[start, end)`` of a story ending in ``ending``; ``rank`` counts the
    beginnings nearer its ending, ``choices`` all of them, ``leftmost`` is the farthest
    one read (after a break, or at the reach)."""

    start: int
    end: int
    ending: str
    rank: int
    choices: int
    leftmost: bool


def ended_names(story: Story, *, reach: int = _REACH) -> list[list[Ended]]:
    """Per ending of ``story`` that no organisation candidate of the rules covers, its
    possible names, nearest beginning first (the ending alone is one when a word starts
    there)."""
    text = story.text
    covered = [False] * (len(text) + 1)
    for candidate in story.candidates:
        if candidate.type == "Organization":
            covered[candidate.start : candidate.end] = [True] * candidate.length
    starts = set(story.word_starts)
    found: list[list[Ended]] = []
    seen: set[int] = set()
    for match in _ENDING.finditer(text):
        start, end = match.span()
        if covered[end - 1] or end in seen:
            continue
        seen.add(end)
        begin, limit = start, max(0, end - reach)
        while begin > limit and not _BREAK.match(text[begin - 1]):
            begin -= 1
        beginnings = [b for b in range(start, begin - 1, -1) if b in starts]
        found.append(
            [
                Ended(b, end, match.group(), rank, len(beginnings), b == begin)
                for rank, b in enumerate(beginnings)
            ]
        )
    return [names for names in found if names]


def _share(name: Ended, story: Story, type_: str) -> float:
    """How much of the name the rules' candidates of ``type_`` cover."""
    inside: set[int] = set()
    for candidate in story.candidates:
        if candidate.type == type_ and candidate.start < name.end and candidate.end > name.start:
            inside |= set(range(max(candidate.start, name.start), min(candidate.end, name.end)))
    return len(inside) / (name.end - name.start)


def _begins(name: Ended, story: Story, type_: str) -> float:
    """Whether a candidate of ``type_`` begins where the name does."""
    return float(any(c.type == type_ and c.start == name.start for c in story.candidates))


def _covers(story: Story, at: int, type_: str) -> float:
    """Whether a candidate of ``type_`` covers the character at ``at``."""
    return float(any(c.type == type_ and c.start <= at < c.end for c in story.candidates))


def _near(story: Story, start: int, end: int, type_: str) -> float:
    """Whether a candidate of ``type_`` covers any of ``[start, end)``."""
    return float(any(c.type == type_ and c.start < end and c.end > start for c in story.candidates))


def _before(name: Ended, story: Story) -> str:
    return story.text[name.start - 1] if name.start else "\n"


def _after(name: Ended, story: Story) -> str:
    return story.text[name.end] if name.end < len(story.text) else "\n"


def _text(name: Ended, story: Story) -> str:
    return story.text[name.start : name.end]


def _subtype(name: Ended, subtype: str) -> float:
    return float(_SUBTYPES[name.ending] == subtype)


#: The features, in the order a model reads them: name -> function of a name and its story.
_FEATURES: dict[str, Callable[[Ended, Story], float]] = {
    "length": lambda n, s: float(n.end - n.start),
    "words": lambda n, s: float(len(words_in(s, n.start, n.end))),
    "ending_length": lambda n, s: float(len(n.ending)),
    "trade_union": lambda n, s: _subtype(n, "TradeUnion"),
    "government": lambda n, s: _subtype(n, "Government"),
    "enterprise": lambda n, s: _subtype(n, "Enterprise"),
    "institution": lambda n, s: _subtype(n, "Institution"),
    "media": lambda n, s: _subtype(n, "Media"),
    "first_word": lambda n, s: math.log1p(word_freq(words_in(s, n.start, n.end)[0])),
    "first_word_length": lambda n, s: float(len(words_in(s, n.start, n.end)[0])),
    "one_word": lambda n, s: math.log1p(word_freq(_text(n, s))),
    "commonest_word": lambda n, s: max(
        math.log1p(word_freq(w)) for w in words_in(s, n.start, n.end)
    ),
    "place_begins": lambda n, s: _begins(n, s, "Place"),
    "organisation_begins": lambda n, s: _begins(n, s, "Organization"),
    "person_begins": lambda n, s: _begins(n, s, "Person"),
    "programme_begins": lambda n, s: _begins(n, s, "Program"),
    "candidate_ends_before": lambda n, s: float(any(c.end == n.start for c in s.candidates)),
    "inside_person": lambda n, s: _covers(s, n.start, "Person"),
    "inside_place": lambda n, s: _covers(s, n.start, "Place"),
    "inside_organisation": lambda n, s: _covers(s, n.start, "Organization"),
    "place_share": lambda n, s: _share(n, s, "Place"),
    "organisation_share": lambda n, s: _share(n, s, "Organization"),
    "person_share": lambda n, s: _share(n, s, "Person"),
    "programme_share": lambda n, s: _share(n, s, "Program"),
    "leftmost": lambda n, s: float(n.leftmost),
    "rank": lambda n, s: float(n.rank),
    "choices": lambda n, s: float(n.choices),
    "break_before": lambda n, s: float(_BREAK.match(_before(n, s)) is not None),
    "stop_char_before": lambda n, s: float(_before(n, s) in STOP_CHARS),
    "stop_word_before": lambda n, s: float(s.text[: n.start].endswith(tuple(STOP_WORDS))),
    "stop_char_inside": lambda n, s: float(any(c in STOP_CHARS for c in _text(n, s))),
    "times_written": lambda n, s: float(s.text.count(_text(n, s))),
    "endings_inside": lambda n, s: float(
        len(_ENDING.findall(s.text, n.start, n.end - len(n.ending)))
    ),
    "digits": lambda n, s: float(any(c.isdigit() for c in _text(n, s))),
    "break_after": lambda n, s: float(
        _BREAK.match(_after(n, s)) is not None or _after(n, s) == "\n"
    ),
    "particle_after": lambda n, s: float(_after(n, s) in _PARTICLES),
    "organisation_after": lambda n, s: _near(s, n.end, n.end + 3, "Organization"),
    "place_before": lambda n, s: _near(s, max(0, n.start - 4), n.start, "Place"),
}

#: The names of the features, in a model's order.
ENDED_FEATURES: tuple[str, ...] = tuple(_FEATURES)


def ended_row(name: Ended, story: Story) -> list[float]:
    """The values of ``ENDED_FEATURES`` for ``name`` in ``story``."""
    return [feature(name, story) for feature in _FEATURES.values()]
