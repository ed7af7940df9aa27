"""What the relation rules read and what they build.

A rule reads either one :class:`Sentence` (its top-level mentions, the trigger words in it,
the organisation its story is about) or one :class:`DocumentView` (every entity the
document names and its first mention), and yields :class:`~kg.types.Relation` records
made with :func:`relation`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from kg.types import Document, Entity, Mention, Relation
from kg.vocab.lexicon import Trigger
from kg.vocab.lexicon import relation_triggers as triggers

__all__ = [
    "UNION",
    "DocumentView",
    "Hit",
    "Sentence",
    "Span",
    "relation",
    "spans_by_sentence",
    "story_topic",
    "top_level",
    "trigger_hits",
]

UNION = "TradeUnion"


@dataclass(frozen=True, slots=True)
class Span:
    """A mention with the entity it resolved to."""

    mention: Mention
    entity: Entity

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger word found in a sentence, with its clean-text offsets."""

    start: int
    end: int
    trigger: Trigger


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: the document's clean text (offsets index it), the sentence's bounds,
    its top-level mentions in order, the trigger words outside names, the organisation
    its story is about and the event the story named last before it."""

    text: str
    start: int
    end: int
    spans: tuple[Span, ...]
    hits: tuple[Hit, ...]
    topic: Entity | None
    previous_event: Entity | None = None

    @classmethod
    def read(
        cls,
        text: str,
        spans: Iterable[Span],
        topic: Entity | None,
        previous_event: Entity | None = None,
    ) -> Sentence:
        """The sentence of ``spans`` (mentions of one sentence, in document order);
        ``previous_event`` is the last event its story named before it."""
        spans = list(spans)
        start, end = spans[0].mention.sentence_start, spans[0].mention.sentence_end
        top = top_level(spans)
        hits = trigger_hits(text, start, end, top)
        return cls(text, start, end, tuple(top), hits, topic, previous_event)

    def hits_for(self, predicate: str) -> list[Hit]:
        """The trigger words that signal ``predicate``, in order."""
        return [h for h in self.hits if h.trigger.predicate == predicate]

    def of_type(self, type_: str) -> list[Span]:
        """The top-level spans of one entity type, in order of position."""
        return sorted((s for s in self.spans if s.entity.type == type_), key=lambda s: s.start)


@dataclass(frozen=True)
class DocumentView:
    """A document with its entities and the first mention of each one it names."""

    doc: Document
    entities: dict[str, Entity]
    first: dict[str, Mention] = field(default_factory=dict)

    @classmethod
    def read(cls, doc: Document, entities: dict[str, Entity]) -> DocumentView:
        first: dict[str, Mention] = {}
        for mention in doc.mentions:
            first.setdefault(mention.entity, mention)
        return cls(doc, entities, first)

    @property
    def present(self) -> dict[str, Entity]:
        """The entities the document names, in order of first mention."""
        return {k: self.entities[k] for k in self.first}


def spans_by_sentence(
    mentions: Iterable[Mention], entities: dict[str, Entity]
) -> dict[tuple[int, int], list[Span]]:
    """A document's mentions with their entities, by sentence, in document order."""
    found: dict[tuple[int, int], list[Span]] = {}
    for mention in mentions:
        span = Span(mention, entities[mention.entity])
        found.setdefault((mention.sentence_start, mention.sentence_end), []).append(span)
    return found


def top_level(spans: list[Span]) -> list[Span]:
    """Drop mentions nested in a longer one (安康市 inside 安康市总工会)."""
    return [
        s
        for s in spans
        if not any(
            o is not s
            and o.start <= s.start
            and s.end <= o.end
            and o.end - o.start > s.end - s.start
            for o in spans
        )
    ]


def story_topic(spans: list[Span]) -> Entity | None:
    """The organisation a story is about: its most named union, else organisation; never
    an outlet, which reports the story."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    entities: dict[str, Entity] = {}
    for span in spans:
        if span.entity.type == "Organization" and span.entity.subtype != "Media":
            counts[span.entity.key] += 1
            first.setdefault(span.entity.key, span.start)
            entities[span.entity.key] = span.entity
    if not counts:
        return None
    best = max(
        counts,
        key=lambda k: (entities[k].subtype == UNION, counts[k], -first[k]),
    )
    return entities[best]


@cache
def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(re.escape(word))


def trigger_hits(text: str, start: int, end: int, spans: list[Span]) -> tuple[Hit, ...]:
    """Trigger words in ``text[start:end]`` that are not inside an entity name."""
    hits: list[Hit] = []
    taken: dict[int, str] = {}  # position -> the (longer) word that covers it
    segment = text[start:end]
    for trig in triggers():  # longer words first: 组织开展 hides the 开展 inside it
        if trig.word not in segment:
            continue  # most are not there: a substring test is much cheaper than a scan
        for match in _pattern(trig.word).finditer(segment):
            a, b = start + match.start(), start + match.end()
            if any(s.start <= a < s.end for s in spans):
                continue
            if any(taken.get(i, trig.word) != trig.word for i in range(a, b)):
                continue
            hits.append(Hit(a, b, trig))
            taken.update(dict.fromkeys(range(a, b), trig.word))
    return tuple(sorted(hits, key=lambda h: (h.start, -h.end)))


def relation(
    subject: Entity,
    predicate: str,
    obj: Entity,
    mention: Mention,
    rule: str,
    confidence: float,
    role: str | None = None,
) -> Relation:
    """A relation with the sentence of ``mention`` as its evidence."""
    return Relation(
        subject.key,
        predicate,
        obj.key,
        mention.story,
        mention.sentence_start,
        mention.sentence_end,
        rule,
        round(confidence, 2),
        role,
    )
