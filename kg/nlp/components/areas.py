"""Named parks, new areas and development zones (滨河新区, 灵武羊绒产业园区)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, add_candidate
from kg.nlp.components.gazetteer import scan
from kg.nlp.patterns import STOP_CHARS, STOP_WORDS
from kg.text import is_cjk

__all__ = ["AreaRecognizer", "find_areas", "make_areas"]

_AREA = re.compile(
    r"(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|新区|产业园区|工业园区|园区|"
    r"产业园|工业园|物流园|综合保税区|保税区|自贸区|示范区|风景区|景区)"
)
_GENERIC = (
    "重点",
    "各",
    "全",
    "该",
    "本",
    "相关",
    "所有",
    "企业",
    "工业",
    "产业",
    "示范",
    "新",
    "模范",
    "加快",
    "和谐",
)
#: Endings too generic to name an area without a place in the name (重点园区, 模范园区).
_NEEDS_PLACE = ("园区", "产业园区", "工业园区", "景区", "示范区")


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


class AreaRecognizer:
    """Propose named areas."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for candidate in find_areas(doc.text):
            add_candidate(doc, candidate)
        return doc


@Language.factory("kg_areas", assigns=["doc.spans"])
def make_areas(nlp: Language, name: str) -> AreaRecognizer:
    """Build the area recogniser."""
    return AreaRecognizer(name)
