"""Relations decided by a classifier over candidate pairs.

A candidate is an ordered pair of a document's entities with a relation type their types
allow (``kg.vocab.ontology.RELATIONS``), met in a sentence where both are mentioned, or
proposed by a rule anywhere in the document. Its named features say what stands between
and around the two mentions (trigger words of each relation type, role titles, the
punctuation of lists), what the types are, how far apart, and what the rules voted. A
classifier trained on the gold keeps a candidate when its probability reaches the
threshold; the relation's evidence is its sentence.

>>> from kg.types import Entity
>>> union = Entity("a", "Organization", "", "安康市总工会")
>>> NAMES_CONTAIN(union, Entity("b", "Place", "", "安康市"))
1.0
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.types import Document, Entity, Mention, Relation
from kg.vocab.lexicon import relation_triggers, titles
from kg.vocab.ontology import ENTITY_TYPES, RELATION_TYPES, RELATIONS, SUBTYPES

__all__ = ["NAMES_CONTAIN", "PAIR_FEATURES", "PairCandidate", "pair_candidates", "pair_row"]


@dataclass(frozen=True)
class PairCandidate:
    """A relation ``predicate`` between ``subject`` and ``object`` to decide on: the
    sentence (clean-text offsets) and the two mentions that give it, when one does, and
    the rules' relation of the same triple, when there is one."""

    subject: Entity
    predicate: str
    object: Entity
    sentence: tuple[int, int] | None
    mentions: tuple[Mention, Mention] | None
    rule: Relation | None
    text: str

    def between(self) -> str:
        if self.mentions is None:
            return ""
        first, second = sorted(self.mentions, key=lambda m: m.start)
        return self.text[first.end : second.start]

    def around(self, width: int = 8) -> tuple[str, str]:
        if self.mentions is None:
            return "", ""
        first, second = sorted(self.mentions, key=lambda m: m.start)
        return self.text[max(0, first.start - width) : first.start], self.text[
            second.end : second.end + width
        ]


@lru_cache(maxsize=1)
def _triggers() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for trigger in relation_triggers():
        found.setdefault(trigger.predicate, []).append(trigger.word)
    return {p: tuple(words) for p, words in found.items()}


@lru_cache(maxsize=1)
def _posts() -> tuple[str, ...]:
    return tuple(sorted(titles(), key=len, reverse=True))


def NAMES_CONTAIN(subject: Entity, obj: Entity) -> float:
    """Whether the subject's name holds the object's (安康市总工会, 安康市)."""
    return float(bool(obj.name) and obj.name in subject.name and obj.name != subject.name)


def _distance(c: PairCandidate) -> float:
    return float(len(c.between())) if c.mentions else 99.0


def _subject_first(c: PairCandidate) -> float:
    return float(c.mentions is not None and c.mentions[0].start < c.mentions[1].start)


def _others_between(c: PairCandidate, mentions: Sequence[Mention]) -> float:
    if c.mentions is None:
        return 0.0
    first, second = sorted(c.mentions, key=lambda m: m.start)
    return float(sum(first.end <= m.start and m.end <= second.start for m in mentions))


_SUBTYPES = tuple(sorted({s for subs in SUBTYPES.values() for s in subs}))
_Feature = Callable[[PairCandidate], float]

_TABLE: list[tuple[str, _Feature]] = [
    *((f"predicate:{p}", lambda c, p=p: float(c.predicate == p)) for p in RELATION_TYPES),
    *((f"s:{t}", lambda c, t=t: float(c.subject.type == t)) for t in ENTITY_TYPES),
    *((f"o:{t}", lambda c, t=t: float(c.object.type == t)) for t in ENTITY_TYPES),
    *((f"s:{s}", lambda c, s=s: float(c.subject.subtype == s)) for s in _SUBTYPES),
    *((f"o:{s}", lambda c, s=s: float(c.object.subtype == s)) for s in _SUBTYPES),
    ("same_sentence", lambda c: float(c.mentions is not None)),
    ("distance", _distance),
    ("subject_first", _subject_first),
    ("comma_between", lambda c: float(c.between().count("，") + c.between().count(","))),
    ("list_between", lambda c: float(c.between().count("、"))),
    ("and_between", lambda c: float(c.between() in {"和", "与", "及", "、", "同"})),
    ("semicolon_between", lambda c: float("；" in c.between() or ";" in c.between())),
    ("quote_between", lambda c: float("“" in c.between() or "《" in c.between())),
    ("adjacent", lambda c: float(c.mentions is not None and not c.between())),
    ("names_contain", lambda c: NAMES_CONTAIN(c.subject, c.object)),
    ("names_contained", lambda c: NAMES_CONTAIN(c.object, c.subject)),
    ("rule_voted", lambda c: float(c.rule is not None)),
    ("rule_confidence", lambda c: c.rule.confidence if c.rule is not None else 0.0),
    ("rule_same_sentence", lambda c: float(c.rule is not None and c.mentions is not None)),
    *(
        (
            f"trigger_between:{p}",
            lambda c, p=p: float(any(w in c.between() for w in _triggers()[p])),
        )
        for p in sorted(_triggers())
    ),
    *(
        (
            f"trigger_after:{p}",
            lambda c, p=p: float(any(w in c.around()[1] for w in _triggers()[p])),
        )
        for p in sorted(_triggers())
    ),
    *(
        (
            f"trigger_before:{p}",
            lambda c, p=p: float(any(w in c.around()[0] for w in _triggers()[p])),
        )
        for p in sorted(_triggers())
    ),
    ("post_between", lambda c: float(any(w in c.between() for w in _posts()))),
    ("post_after", lambda c: float(c.around()[1].startswith(_posts()))),
    ("post_before", lambda c: float(c.around()[0].endswith(_posts()))),
    ("sentence_length", lambda c: float(c.sentence[1] - c.sentence[0]) if c.sentence else 0.0),
]

#: The names of the pair features, in the order a row holds them.
PAIR_FEATURES: tuple[str, ...] = (*(name for name, _f in _TABLE), "others_between")


def pair_row(candidate: PairCandidate, mentions: Sequence[Mention]) -> list[float]:
    """The features of ``candidate``, in the order of ``PAIR_FEATURES``."""
    return [
        *(feature(candidate) for _name, feature in _TABLE),
        _others_between(candidate, mentions),
    ]


def pair_candidates(document: Document, entities: dict[str, Entity]) -> Iterator[PairCandidate]:
    """Every candidate of ``document``: each ordered pair of entities mentioned in one
    sentence, once per relation type their types allow (its first such sentence), and
    each rule relation no sentence pair gives, in a stable order."""
    text = document.clean.text
    rules = {(r.subject, r.predicate, r.object): r for r in document.relations}
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for mention in document.mentions:
        if mention.entity in entities:
            by_sentence.setdefault((mention.sentence_start, mention.sentence_end), []).append(
                mention
            )
    seen: set[tuple[str, str, str]] = set()
    for sentence in sorted(by_sentence):
        mentions = sorted(by_sentence[sentence], key=lambda m: (m.start, m.entity))
        for first in mentions:
            for second in mentions:
                if first.entity == second.entity:
                    continue
                subject, obj = entities[first.entity], entities[second.entity]
                for predicate, relation in RELATIONS.items():
                    if subject.type not in relation.subjects or obj.type not in relation.objects:
                        continue
                    triple = (subject.key, predicate, obj.key)
                    if triple in seen:
                        continue
                    seen.add(triple)
                    yield PairCandidate(
                        subject, predicate, obj, sentence, (first, second), rules.get(triple), text
                    )
    for triple, rule in sorted(rules.items()):
        if triple not in seen and rule.subject in entities and rule.object in entities:
            seen.add(triple)
            yield PairCandidate(
                entities[rule.subject],
                rule.predicate,
                entities[rule.object],
                None,
                None,
                rule,
                text,
            )


def _role(candidate: PairCandidate) -> str | None:
    """The post a person holds, as the sentence writes it next to the name."""
    if candidate.mentions is None:
        return None
    person = candidate.mentions[0]
    after = candidate.text[person.end : person.end + 12]
    before = candidate.text[max(0, person.start - 12) : person.start]
    for post in _posts():
        if before.endswith(post) or after.startswith(post):
            return post
    between = candidate.between()
    return next((post for post in _posts() if post in between), None)


def decided_relations(
    candidates: Sequence[PairCandidate], scores: Sequence[float], threshold: float
) -> list[Relation]:
    """The relations of the candidates whose score reaches ``threshold``: a rule's own
    record where a rule proposed the triple, else one with the pair's sentence as its
    evidence (a post needs its role written beside the name)."""
    found: list[Relation] = []
    for candidate, score in zip(candidates, scores, strict=True):
        if score < threshold:
            continue
        if candidate.rule is not None:
            found.append(candidate.rule)
            continue
        assert candidate.mentions is not None and candidate.sentence is not None
        role = _role(candidate) if candidate.predicate == "holdsPost" else None
        if candidate.predicate == "holdsPost" and role is None:
            continue
        found.append(
            Relation(
                candidate.subject.key,
                candidate.predicate,
                candidate.object.key,
                candidate.mentions[0].story,
                candidate.sentence[0],
                candidate.sentence[1],
                "learned:pair",
                round(score, 2),
                role,
            )
        )
    return found
