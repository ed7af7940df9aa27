"""What the learned proposers read of a story, read once from its doc.

A story's text, the candidates the rule components proposed and where the tokenizer's
words begin: the features of :mod:`kg.nlp.quotes` and :mod:`kg.nlp.endings` are small
functions of these, so a story is turned into them once, not once per phrase.

>>> from kg.nlp.pipeline import load_pipeline
>>> nlp = load_pipeline(span_model=None, programme_model=None, organisation_model=None)
>>> story = story_of(nlp("长庆油田公司工会组织职工"))
>>> story.text[:6], words_in(story, 0, 8)
('长庆油田公司', ['长庆油田', '公司', '工会'])
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, candidates_of, text_of, word_bounds

__all__ = ["LEARNED", "Story", "rule_candidates", "story_of", "words_in"]

#: The rule that marks a learned proposer's candidates (they are not evidence for another).
LEARNED = "learned:"


@dataclass(frozen=True)
class Story:
    """A story as the learned proposers read it: its text, the rules' candidates and
    where its words begin."""

    text: str
    candidates: tuple[Candidate, ...]
    word_starts: tuple[int, ...]


def rule_candidates(doc: Doc) -> list[Candidate]:
    """The candidates of ``doc``'s rule components (what a learned proposer added is left
    out: each proposer reads the rules alone, as it was trained)."""
    return [c for c in candidates_of(doc) if not c.rule.startswith(LEARNED)]


def story_of(doc: Doc) -> Story:
    """The story of a spaCy doc whose rule components have run."""
    return Story(text_of(doc), tuple(rule_candidates(doc)), word_bounds(doc).starts)


def words_in(story: Story, start: int, end: int) -> list[str]:
    """The words (the tokenizer's) that begin in ``[start, end)``, cut at ``end``."""
    starts = story.word_starts
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    bounds = [*starts[first:last], end]
    return [story.text[a:b] for a, b in pairwise(bounds)]
