"""The rule recognisers' one component: find candidates in a doc, then record them.

As spaCy's ``SpanRuler`` keeps ``match`` apart from ``set_annotations``, each rule
recogniser (areas, organisations, programmes, persons) is this component with its own
finding function; what it records, and where, is the same for all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, add_candidate

__all__ = ["CandidateRecognizer", "Find"]

#: A recogniser's finding: the candidates of a doc (it reads, never writes).
Find = Callable[[Doc], Iterable[Candidate]]


class CandidateRecognizer:
    """A pipeline component that proposes the candidates ``find`` finds, shown in the
    span group ``spans_key``."""

    def __init__(self, name: str, find: Find, *, spans_key: str) -> None:
        self.name = name
        self.find = find
        self.spans_key = spans_key

    def set_annotations(self, doc: Doc, candidates: Iterable[Candidate]) -> None:
        """Record ``candidates`` on ``doc``."""
        for candidate in candidates:
            add_candidate(doc, candidate, self.spans_key)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, list(self.find(doc)))
        return doc
