"""Character-level gazetteer matching (Aho-Corasick) over the shipped lexicons.

Segmenters split names (jieba loses a few percent of gazetteer hits at word
boundaries), so matching runs on characters and the hits are mapped to spans
afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.candidates import CANDIDATES, Candidate, add_candidate, text_of, word_bounds
from kg.vocab import lexicon as lexicons
from kg.vocab.places import places_by_surface

__all__ = ["GazetteerMatcher", "Hit", "gazetteer_automaton", "make_gazetteer", "scan"]


@dataclass(frozen=True, slots=True)
class Hit:
    """What one surface string denotes."""

    type: str
    subtype: str
    canonical: str | None
    rule: str
    place_keys: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def gazetteer_automaton() -> ahocorasick.Automaton:
    """An automaton from every lexicon surface to its hits."""
    table: dict[str, list[Hit]] = {}

    def add(surface: str, hit: Hit) -> None:
        table.setdefault(surface, []).append(hit)

    for surface, candidates in places_by_surface().items():
        subtypes = {p.subtype for p in candidates}
        exact = any(p.name == surface for p in candidates)
        add(
            surface,
            Hit(
                "Place",
                subtypes.pop() if len(subtypes) == 1 else "",
                None,
                "gazetteer:place" if exact else "gazetteer:place-alias",
                tuple(p.key for p in candidates),
            ),
        )
    for entry in lexicons.programs():
        for surface in (entry.name, *entry.aliases):
            add(surface, Hit("Program", entry.subtype, entry.name, "gazetteer:program"))
    for entry in lexicons.organizations():
        for surface in (entry.name, *entry.aliases):
            add(surface, Hit("Organization", entry.subtype, entry.name, "gazetteer:organization"))
    automaton = ahocorasick.Automaton()
    for surface, hits in table.items():
        automaton.add_word(surface, (surface, tuple(hits)))
    automaton.make_automaton()
    return automaton


def scan(text: str) -> list[tuple[int, int, Hit]]:
    """Every gazetteer hit in ``text`` as ``(start, end, hit)``, overlaps included.

    >>> [(s, e, h.type) for s, e, h in scan("安康市总工会")]
    [(0, 2, 'Place'), (0, 3, 'Place')]
    """
    found = []
    for end_index, (surface, hits) in gazetteer_automaton().iter(text):
        start = end_index - len(surface) + 1
        for hit in hits:
            found.append((start, end_index + 1, hit))
    found.sort(key=lambda f: (f[0], f[1], f[2].type))
    return found


class GazetteerMatcher:
    """Propose a candidate for every lexicon hit, and leave every hit (unfiltered) in
    ``doc._.kg_gazetteer_hits`` for the recognisers that read places from them."""

    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        gazetteer_automaton()

    def find(self, doc: Doc) -> tuple[list[tuple[int, int, Hit]], list[Candidate]]:
        """The hits of ``doc`` and the candidates they propose (finding, not writing)."""
        edges = word_bounds(doc).edges
        hits = scan(text_of(doc))
        candidates = [
            Candidate(
                start,
                end,
                hit.type,
                hit.subtype,
                hit.rule,
                priority=2 if hit.canonical else 1,
                canonical=hit.canonical,
                place_keys=hit.place_keys,
            )
            for start, end, hit in hits
            # a short form cut out of other words is none (莲城步行街 is not 城步)
            if hit.rule != "gazetteer:place-alias" or start in edges or end in edges
        ]
        return hits, candidates

    def set_annotations(
        self, doc: Doc, hits: list[tuple[int, int, Hit]], candidates: list[Candidate]
    ) -> None:
        """Record the hits and the candidates on ``doc``."""
        doc._.kg_gazetteer_hits = hits
        for candidate in candidates:
            add_candidate(doc, candidate, self.spans_key)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, *self.find(doc))
        return doc


@Language.factory(
    "kg_gazetteer",
    assigns=["doc._.kg_gazetteer_hits", "doc._.kg_candidates", "doc.spans"],
    default_config={"spans_key": CANDIDATES},
)
def make_gazetteer(nlp: Language, name: str, spans_key: str) -> GazetteerMatcher:
    """Build the gazetteer component from ``ontology/lexicon/``."""
    return GazetteerMatcher(name, spans_key=spans_key)
