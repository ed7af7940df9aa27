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

from spacy.attrs import IDX, LENGTH
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
    "word_bounds",
]

#: The Doc extensions the components hand candidates, chosen entities and gazetteer hits
#: on in (also the default span group names of the first two).
CANDIDATES = "kg_candidates"
ENTITIES = "kg_entities"
HITS = "kg_gazetteer_hits"
#: The story's text, kept once read: spaCy rebuilds ``Doc.text`` from its tokens each time.
TEXT = "kg_text"
#: Where each word of the story starts and ends, kept once read (see :func:`word_bounds`).
BOUNDS = "kg_word_bounds"
for _name in (CANDIDATES, ENTITIES, HITS, TEXT, BOUNDS):
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
class WordBounds:
    """The tokenizer's words of a story: ``starts`` in order, and ``edges``, every offset
    where a word starts or ends (a name must begin and end on one)."""

    starts: tuple[int, ...]
    edges: frozenset[int]


def word_bounds(doc: Doc) -> WordBounds:
    """The words of ``doc``, read from spaCy's arrays once and kept on the doc (without
    making a ``Token`` object per word, per reader).

    >>> from spacy.lang.zh import Chinese
    >>> bounds = word_bounds(Chinese()("安康 市总工会"))
    >>> bounds.starts[:3], sorted(bounds.edges)[:4]
    ((0, 1, 3), [0, 1, 2, 3])
    """
    bounds: WordBounds | None = doc._.get(BOUNDS)
    if bounds is None:
        table = doc.to_array([IDX, LENGTH])
        starts = table[:, 0].tolist() if len(doc) else []
        ends = (table[:, 0] + table[:, 1]).tolist() if len(doc) else []
        bounds = WordBounds(tuple(starts), frozenset(starts) | frozenset(ends))
        doc._.set(BOUNDS, bounds)
    return bounds


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
