"""Named parks, new areas and development zones (滨河新区, 灵武羊绒产业园区)."""

from __future__ import annotations

import re

from spacy.language import Language

from kg.nlp.candidates import CANDIDATES, Candidate, text_of
from kg.nlp.components.gazetteer import scan
from kg.nlp.components.rules import CandidateRecognizer
from kg.nlp.patterns import STOP_CHARS, STOP_WORDS
from kg.text import is_cjk
from kg.vocab.lexicon import cue_alternation, cue_words

_AREA_ENDINGS = cue_alternation("recogniser_cues.tsv", "area-ending")

__all__ = ["find_areas", "make_areas"]

_AREA = re.compile(rf"(?:{_AREA_ENDINGS})")
#: What opens no area name (重点园区, 各开发区): not a proper name.
_GENERIC = cue_words("recogniser_cues.tsv", "area-generic")
#: Endings too generic to name an area without a place in the name (重点园区, 模范园区).
_NEEDS_PLACE = cue_words("recogniser_cues.tsv", "area-needs-place")


def find_areas(text: str) -> list[Candidate]:
    """Areas named by their ending, extended left to a boundary.

    >>> text = "在银川经济技术开发区、滨河新区、灵武羊绒产业园区、重点园区等"
    >>> [text[c.start:c.end] for c in find_areas(text)]
    ['银川经济技术开发区', '滨河新区', '灵武羊绒产业园区']
    """
    found = []
    for match in _AREA.finditer(text):
        start = match.start()
        while start > 0 and match.start() - start < 8 and is_cjk(text[start - 1]):
            if text[start - 1] in STOP_CHARS or text[start - 2 : start] in STOP_WORDS:
                break
            start -= 1
        name = text[start : match.start()]
        if len(name) < 2 or name.startswith(_GENERIC) or name in {"服务", "建设"}:
            continue
        if match.group() in _NEEDS_PLACE and not any(
            s == 0 and h.type == "Place" for s, _e, h in scan(name)
        ):
            continue
        found.append(
            Candidate(
                start, match.end(), "Place", "Area", "place:area", 1, text[start : match.end()]
            )
        )
    return found


@Language.factory(
    "kg_areas",
    assigns=["doc._.kg_candidates", "doc.spans"],
    default_config={"spans_key": CANDIDATES},
)
def make_areas(nlp: Language, name: str, spans_key: str) -> CandidateRecognizer:
    """Build the area recogniser: named areas (parks, new areas, development zones)."""
    return CandidateRecognizer(name, lambda doc: find_areas(text_of(doc)), spans_key=spans_key)
