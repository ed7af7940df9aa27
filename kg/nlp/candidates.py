"""What a recogniser proposes: a typed span with the facts needed to resolve it.

Each :class:`Candidate` is kept, character-exact, in ``doc.user_data[CANDIDATES]``
and shown as a token span in ``doc.spans[CANDIDATES]`` (several candidates can expand
to the same tokens: 永宁县 and 宁县). The merge component picks the final ones into
``doc.user_data[ENTITIES]`` and ``doc.spans[ENTITIES]``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

__all__ = ["CANDIDATES", "ENTITIES", "Candidate", "add_candidate", "candidates_of", "entities_of"]

CANDIDATES = "kg_candidates"
ENTITIES = "kg_entities"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed entity mention.

    Attributes:
        start, end: character offsets in ``doc.text``.
        type: Organization, Program, Place or Person.
        subtype: TradeUnion, Government, ..., Policy, City, ... ("" when unknown).
        rule: the recogniser rule that proposed it, kept as provenance.
        priority: breaks ties between overlapping candidates of equal length.
        canonical: the canonical name when the recogniser already knows it.
        place: surface of the place inside an organisation name (安康市 in 安康市总工会).
        level: for an elliptic name, the level of its missing place (市, 省, 区, 县, 全国).
        body: the organisation name without its place (总工会, 劳模工匠学院).
        place_keys: gazetteer keys the surface may denote (homonyms kept).
        prefix: a prefix kept before the place (中共, 共青团).
        score: the statistical recogniser's confidence; ``None`` for rules.
        owner: where the name of the body a unit belongs to ends, and its subtype, when
            the name is a body's and its units' (云南林缘香料有限公司 + 分馏班组).
    """

    start: int
    end: int
    type: str
    subtype: str
    rule: str
    priority: int = 0
    canonical: str | None = None
    place: str | None = None
    level: str | None = None
    body: str | None = None
    place_keys: tuple[str, ...] = ()
    prefix: str | None = None
    score: float | None = None
    owner: tuple[int, str] | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


def to_span(doc: Doc, candidate: Candidate) -> Span | None:
    """The token span covering ``candidate``, labelled with its type."""
    return doc.char_span(
        candidate.start, candidate.end, label=candidate.type, alignment_mode="expand"
    )


def add_candidate(doc: Doc, candidate: Candidate) -> None:
    """Record ``candidate`` on ``doc``."""
    span = to_span(doc, candidate)
    if span is None:
        return
    doc.user_data.setdefault(CANDIDATES, []).append(candidate)
    if CANDIDATES not in doc.spans:
        doc.spans[CANDIDATES] = []
    doc.spans[CANDIDATES].append(span)


def candidates_of(doc: Doc) -> list[Candidate]:
    """Every candidate proposed for ``doc``."""
    return list(doc.user_data.get(CANDIDATES, []))


def entities_of(doc: Doc) -> list[Candidate]:
    """The candidates chosen as entity mentions (after the merge component)."""
    return list(doc.user_data.get(ENTITIES, []))
