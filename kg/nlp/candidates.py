"""What a recogniser proposes: a typed span with the facts needed to resolve it, and
where the components hand it on.

Each :class:`Candidate` is kept, character-exact, in the declared Doc extension
``doc._.kg_candidates`` and shown as a token span in the span group ``doc.spans[…]`` its
component is configured with (``kg_candidates``; several candidates can expand to the
same tokens: 永宁县 and 宁县). The merge component picks the final ones into
``doc._.kg_entities`` and its own span group. The gazetteer leaves its raw hits in
``doc._.kg_gazetteer_hits`` for the recognisers that read places from them. Components
declare these in their factories' ``assigns`` and ``requires``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

__all__ = [
    "CANDIDATES",
    "ENTITIES",
    "HITS",
    "Candidate",
    "add_candidate",
    "candidates_of",
    "entities_of",
    "set_entities",
    "text_of",
]

#: The Doc extensions the components hand candidates, chosen entities and gazetteer hits
#: on in (also the default span group names of the first two).
CANDIDATES = "kg_candidates"
ENTITIES = "kg_entities"
HITS = "kg_gazetteer_hits"
#: The story's text, kept once read: spaCy rebuilds ``Doc.text`` from its tokens each time.
TEXT = "kg_text"
for _name in (CANDIDATES, ENTITIES, HITS, TEXT):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def text_of(doc: Doc) -> str:
    """``doc.text``, built from the tokens once and kept on the doc (every component reads
    it; the tokens, and so the text, never change after tokenization).

    >>> from spacy.lang.zh import Chinese
    >>> doc = Chinese()("安康市总工会")
    >>> text_of(doc) == doc.text and doc._.kg_text is not None
    True
    """
    text: str | None = doc._.get(TEXT)
    if text is None:
        text = doc.text
        doc._.set(TEXT, text)
    return text


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


def add_candidate(doc: Doc, candidate: Candidate, spans_key: str = CANDIDATES) -> bool:
    """Record ``candidate`` on ``doc`` (and show it in the span group ``spans_key``);
    whether it was (a candidate that covers no token is not)."""
    span = to_span(doc, candidate)
    if span is None:
        return False
    if doc._.kg_candidates is None:
        doc._.kg_candidates = []
    doc._.kg_candidates.append(candidate)
    if spans_key not in doc.spans:
        doc.spans[spans_key] = []
    doc.spans[spans_key].append(span)
    return True


def candidates_of(doc: Doc) -> list[Candidate]:
    """Every candidate proposed for ``doc``."""
    return list(doc._.kg_candidates or [])


def set_entities(doc: Doc, chosen: list[Candidate]) -> None:
    """Record the candidates chosen as entity mentions."""
    doc._.kg_entities = chosen


def entities_of(doc: Doc) -> list[Candidate]:
    """The candidates chosen as entity mentions (after the merge component)."""
    return list(doc._.kg_entities or [])
