"""Named features of what the rules found, for the learned layer to decide on.

Each feature is a small named function of one candidate and its document; a model reads
them in the order of the table (``ENTITY_FEATURES``), so a model file records the names it
was trained on and refuses another table.

An entity candidate is one linked entity of a document: its canonical name and type, the
mentions the resolver gave it (each with the rule that proposed it and the reason it was
resolved so), the stories they stand in.

>>> from kg.types import Entity, Mention
>>> e = Entity("org:安康市总工会", "Organization", "TradeUnion", "安康市总工会")
>>> m = Mention(e.key, 0, 0, 6, "安康市总工会", 0, 10, "gazetteer:organization", "exact")
>>> row = entity_row(EntityCandidate(e, (m,), "安康市总工会开展工作。", ("安康市总工会",)))
>>> named = dict(zip(ENTITY_FEATURES, row))
>>> named["rule:gazetteer"], named["in_title"]
(1.0, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kg.text import is_cjk
from kg.types import Entity, Mention
from kg.vocab.lexicon import org_endings
from kg.vocab.ontology import ENTITY_TYPES, SUBTYPES
from kg.vocab.words import word_freq

__all__ = ["ENTITY_FEATURES", "EntityCandidate", "entity_row"]


@dataclass(frozen=True)
class EntityCandidate:
    """An entity of a document with what the rules said of it: its mentions, the
    document's clean text and its story titles."""

    entity: Entity
    mentions: tuple[Mention, ...]
    text: str
    titles: tuple[str, ...]


#: The families of the rules that propose mentions (the part of a rule name before ":").
RULE_FAMILIES = (
    "gazetteer",
    "org",
    "program",
    "place",
    "person",
    "lac",
    "honour",
    "event",
    "policy",
    "media",
)
#: The families of the resolver's reasons.
REASON_FAMILIES = ("exact", "elliptic", "compositional", "alias", "anaphor", "gazetteer")
_SUBTYPES = tuple(sorted({s for subs in SUBTYPES.values() for s in subs}))


def _family(name: str) -> str:
    return name.split(":", 1)[0].split("-", 1)[0]


@lru_cache(maxsize=1)
def _endings() -> tuple[str, ...]:
    return tuple(sorted({e.ending for e in org_endings()}, key=len, reverse=True))


def _quoted(c: EntityCandidate) -> float:
    return float(any(m.start and c.text[m.start - 1] in '“《「『"' for m in c.mentions))


def _scores(c: EntityCandidate) -> list[float]:
    return [m.score for m in c.mentions if m.score is not None]


_Feature = Callable[[EntityCandidate], float]

_TABLE: list[tuple[str, _Feature]] = [
    *((f"type:{t}", lambda c, t=t: float(c.entity.type == t)) for t in ENTITY_TYPES),
    *((f"subtype:{s}", lambda c, s=s: float(c.entity.subtype == s)) for s in _SUBTYPES),
    ("mentions", lambda c: float(len(c.mentions))),
    ("stories", lambda c: float(len({m.story for m in c.mentions}))),
    ("name_length", lambda c: float(len(c.entity.name))),
    ("aliases", lambda c: float(len(c.entity.aliases))),
    ("common_word", lambda c: math.log1p(word_freq(c.entity.name))),
    ("not_chinese", lambda c: float(sum(not is_cjk(ch) for ch in c.entity.name))),
    ("org_ending", lambda c: float(c.entity.name.endswith(_endings()))),
    ("has_code", lambda c: float(bool(c.entity.code))),
    ("has_place", lambda c: float(bool(c.entity.place))),
    ("in_title", lambda c: float(any(c.entity.name in t for t in c.titles))),
    ("quoted", _quoted),
    (
        "first_position",
        lambda c: min(m.start for m in c.mentions) / max(len(c.text), 1) if c.mentions else 1.0,
    ),
    ("surface_is_name", lambda c: float(any(m.surface == c.entity.name for m in c.mentions))),
    ("lac_score_max", lambda c: max(_scores(c), default=0.0)),
    ("lac_only", lambda c: float(all(_family(m.rule) == "lac" for m in c.mentions))),
    ("rules", lambda c: float(len({m.rule for m in c.mentions}))),
    *(
        (f"rule:{f}", lambda c, f=f: float(any(_family(m.rule) == f for m in c.mentions)))
        for f in RULE_FAMILIES
    ),
    *(
        (f"reason:{f}", lambda c, f=f: float(any(_family(m.reason) == f for m in c.mentions)))
        for f in REASON_FAMILIES
    ),
]

#: The names of the entity features, in the order a row holds them.
ENTITY_FEATURES: tuple[str, ...] = tuple(name for name, _f in _TABLE)


def entity_row(candidate: EntityCandidate) -> list[float]:
    """The features of ``candidate``, in the order of ``ENTITY_FEATURES``."""
    return [feature(candidate) for _name, feature in _TABLE]
