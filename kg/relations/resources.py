"""Tables and precompiled regexes of the relation rules (rules are data).

The words come from ``ontology/lexicon/``: the trigger table
(``relation_triggers.tsv``: which word signals which relation, for which kind of
object), the other cues (``relation_cues.tsv``: event heads, words that make an
organisation an instrument, title parts, coordination) and the titles
(``titles.tsv``). Their origin is in ``ontology/lexicon/README.md``.

>>> bool(EVENT.search("南京市职工技能大赛")), bool(EVENT.search("一函两书"))
(True, False)
>>> bool(TITLE_RUN.match("党组书记、常务副主席")), bool(TITLE_RUN.match("召开会议"))
(True, False)
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from kg.config import ontology_file
from kg.lexicons import titles

__all__ = [
    "CLAUSE_BREAK",
    "COMMA",
    "COORDINATION",
    "EVENT",
    "INSTRUMENT",
    "LIST_END",
    "ORG_PREFIXES",
    "POST_SUFFIXES",
    "RELATIVE",
    "TITLE_RUN",
    "Trigger",
    "cues",
    "triggers",
]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A cue word of the trigger lexicon: the relation it signals and its object's kind."""

    predicate: str
    word: str
    object: str  # Program, Policy, Event, Organization
    confidence: float


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon (``relation_triggers.tsv``), longest words first."""
    path = ontology_file("lexicon/relation_triggers.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            Trigger(r["predicate"], r["trigger"], r["object"], float(r["confidence"]))
            for r in csv.DictReader(handle, delimiter="\t")
        ]
    return tuple(sorted(rows, key=lambda t: (-len(t.word), t.predicate)))


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[str, ...]]:
    """The other cue words (``relation_cues.tsv``) by kind, in file order.

    >>> "依托" in cues()["not-subject"]
    True
    """
    path = ontology_file("lexicon/relation_cues.tsv")
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    found: dict[str, list[str]] = defaultdict(list)
    for row in csv.DictReader(lines, delimiter="\t"):
        found[row["kind"].strip()].append(row["cue"].strip())
    return {kind: tuple(words) for kind, words in found.items()}


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CUES = cues()
_TITLES = sorted(titles(), key=len, reverse=True)

#: A programme named as a contest or event (its name ends in one of these heads).
EVENT = re.compile(rf"(?:{_alternation(_CUES['event-head'])})$")
#: Titles, joined by 、, between an organisation and a person's name.
TITLE_RUN = re.compile(
    rf"^(?:{_alternation([*_TITLES, *_CUES['title-part']])}|、)+"
    rf"(?:{_alternation(_CUES['post-suffix'])})?$"
)
#: What a run of titles may end in and is not part of the role (主席同志).
POST_SUFFIXES: tuple[str, ...] = _CUES["post-suffix"]
#: The gap between two organisations named together.
COORDINATION = re.compile(rf"^(?:[、,，]|{_alternation(_CUES['coordination'])})?$")
#: A word just before an organisation that makes it an instrument or a setting.
INSTRUMENT = re.compile(rf"(?:{_alternation(_CUES['not-subject'])})$")
#: Prefixes an organisation's name may carry before its place (中共安康市委).
ORG_PREFIXES: tuple[str, ...] = _CUES["org-prefix"]
#: The end of a clause: a cue does not reach across it.
CLAUSE_BREAK = re.compile(r"[。;；!！?？]")
#: A comma or the end of a clause or sentence.
COMMA = re.compile(r"[,，。;；]")
#: 由…的 between a cue and its object (建立了由…组成的“四员”队伍).
RELATIVE = re.compile(r"^了?由.*的[“\"]?$")
#: 等 (optionally an opening quote) closing a list before the name of the whole.
LIST_END = re.compile(r"等[“\"]?$")
