"""Choose the entity mentions among overlapping candidates.

Longer candidates win, then higher priority. A place inside a chosen organisation or
programme name is kept as a nested mention too (安康市 in 安康市总工会, 深圳市 in
深圳市重点工程劳动竞赛): the article names it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.nlp.candidates import ENTITIES, Candidate, candidates_of, set_entities, to_span

__all__ = ["MentionSelector", "make_merge", "select"]


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Pick non-overlapping candidates, longest first, and nested places.

    >>> a = Candidate(0, 6, "Organization", "TradeUnion", "org", place="安康市", body="总工会")
    >>> b = Candidate(0, 3, "Place", "City", "gazetteer:place")
    >>> [(c.start, c.end, c.type) for c in select([a, b])]
    [(0, 3, 'Place'), (0, 6, 'Organization')]
    """
    chosen: list[Candidate] = []
    taken = [False] * (max((c.end for c in candidates), default=0) + 1)
    for cand in sorted(candidates, key=lambda c: (-c.length, -c.priority, c.start, c.rule)):
        if any(taken[cand.start : cand.end]):
            continue
        chosen.append(cand)
        for i in range(cand.start, cand.end):
            taken[i] = True
    nested: list[Candidate] = []
    places = sorted(
        (c for c in candidates if c.type == "Place" and c.rule.startswith("gazetteer")),
        key=lambda c: c.start,
    )
    starts = [p.start for p in places]
    for org in chosen:
        if org.type not in {"Organization", "Program"} or not org.place:
            continue
        named_elsewhere = len(org.prefix or "") + len(org.place) + len(org.body or "") != org.length
        if org.body is not None and named_elsewhere:
            continue  # the place is named elsewhere (公安厅 in 宁夏回族自治区人社厅、公安厅)
        lo = org.start + len(org.prefix or "")
        hi = lo + len(org.place)
        # the places starting inside the name, found by bisection (not a scan of them all)
        first, last = bisect_left(starts, lo), bisect_left(starts, hi)
        inside = [p for p in places[first:last] if p.end <= hi]
        used: set[int] = set()
        for place in sorted(inside, key=lambda c: (-c.length, c.start)):
            if used & set(range(place.start, place.end)):
                continue
            nested.append(place)
            used |= set(range(place.start, place.end))
    return sorted(chosen + nested, key=lambda c: (c.start, c.end, c.type))


class MentionSelector:
    """Choose among the candidates: ``doc._.kg_entities``, the span group ``spans_key``
    and ``doc.ents``."""

    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        chosen = select(candidates_of(doc))
        set_entities(doc, chosen)
        spans = [(c, to_span(doc, c)) for c in chosen]
        doc.spans[self.spans_key] = [s for _c, s in spans if s is not None]
        nested = nested_spans((c.start, c.end) for c in chosen)
        top = [s for c, s in spans if s is not None and (c.start, c.end) not in nested]
        doc.ents = filter_spans(top)
        return doc


def nested_spans(spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The ``(start, end)`` spans that lie inside a longer one, in one sweep (sorted by
    start, longest first: a span is inside another iff a span before it ends at or
    after its end).

    >>> sorted(nested_spans([(0, 6), (0, 3), (0, 3), (7, 9)]))
    [(0, 3)]
    """
    inside: set[tuple[int, int]] = set()
    reach = -1  # the furthest end of the spans before the current group
    for span in sorted(set(spans), key=_outer_first):
        if reach >= span[1]:
            inside.add(span)
        reach = max(reach, span[1])
    return inside


def _outer_first(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]


@Language.factory(
    "kg_merge",
    assigns=["doc._.kg_entities", "doc.ents", "doc.spans"],
    requires=["doc._.kg_candidates"],
    default_config={"spans_key": ENTITIES},
)
def make_merge(nlp: Language, name: str, spans_key: str) -> MentionSelector:
    """Build the mention selector."""
    return MentionSelector(name, spans_key=spans_key)
