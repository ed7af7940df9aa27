"""The statistical recogniser: Baidu's LAC proposes persons, organisations and places.

Rules are the precise layer; this component gives recall. It proposes only what the
guidelines could accept, each with the model's confidence:

* ``PER``: a 2-4 character name with a known surname (no nickname such as 小杨);
* ``ORG``: a name closed by an organisation ending (``org_endings.tsv``), analysed like
  the rules' names: a leading place (安康市 + 总工会) or level (市 + 总工会) is kept for
  the resolver, which makes the canonical name from the story's places;
* ``LOC``: a place of the gazetteer (its keys, for the resolver to choose among
  homonyms) or a named area.

Overlaps with rule candidates are settled by the merge component.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from kg.nlp import patterns as P
from kg.nlp.candidates import CANDIDATES, Candidate, add_candidate, text_of
from kg.nlp.components.areas import find_areas
from kg.nlp.lac import LacSpan, load_tagger
from kg.text import CJK_RANGES
from kg.vocab.lexicon import looks_like_name
from kg.vocab.places import places_by_surface, within

__all__ = ["StatisticalRecognizer", "make_statistical", "propose"]

_LEVELS = set("省市州区县")
_NICKNAME = set("小老阿")
_NAME_CHARS = re.compile(rf"^[{CJK_RANGES}0-9A-Za-z()（）·]+$")


def _person(span: LacSpan, start: int) -> Candidate | None:
    name = span.text
    if not looks_like_name(name) or name[0] in _NICKNAME:
        return None
    return Candidate(start, start + len(name), "Person", "", "lac:PER", 0, name, score=span.score)


def _ending(name: str) -> tuple[str, str] | None:
    return next(((e, sub) for e, sub in P.NAME_ENDINGS if name.endswith(e) and name != e), None)


def _leading_place(name: str) -> str | None:
    """The places a name begins with, a chain of places inside each other included.

    >>> _leading_place("玉溪市江川区星云建设投资开发有限公司")
    '玉溪市江川区'
    >>> _leading_place("云南玉林泉酒业有限公司")
    '云南'
    """
    index = places_by_surface()
    end, last = 0, None
    for _ in range(3):
        rest = name[end:]
        n = next((n for n in range(min(len(rest) - 1, 12), 1, -1) if rest[:n] in index), None)
        if n is None:
            break
        if last is not None and not within(rest[:n], name[last:end]):
            break  # 云南 + 玉林泉: 玉林 is not in 云南, it is part of the name
        last, end = end, end + n
    return name[:end] or None


def _first_name(name: str) -> str:
    """The first of two names the model took as one, joined by a verb that bounds names
    (广州市总工会 + 联合 + 市农业农村局): the name up to the verb, if it is one.

    >>> _first_name("广州市总工会联合市农业农村局")
    '广州市总工会'
    >>> _first_name("联合市农业农村局")
    '联合市农业农村局'
    """
    for i in range(3, len(name) - 1):
        if name.startswith(P.STOP_WORDS, i) and _ending(name[:i]) is not None:
            return name[:i]
    return name


def _organization(span: LacSpan, start: int) -> Candidate | None:
    return organisation_candidate(span.text, start, rule="lac:ORG", score=span.score)


def organisation_candidate(
    name: str, start: int, *, rule: str, score: float | None
) -> Candidate | None:
    """The candidate a model's organisation name ``name`` (at ``start``) makes: without a
    verb taken in before it, its place and body apart (安康市 + 总工会) or elliptic
    (市总工会), or ``None`` when it is no name (no ending, 总工会 alone).

    >>> c = organisation_candidate("长庆油田公司工会", 4, rule="learned", score=0.9)
    >>> c.start, c.end, c.subtype, c.place
    (4, 12, 'TradeUnion', None)
    >>> organisation_candidate("组织安康市总工会", 0, rule="learned", score=0.9).place
    '安康市'
    """
    # the model sometimes takes the verb before a name into it (联合市农业农村局)
    verb = next((w for w in P.STOP_WORDS if name.startswith(w)), None)
    if verb is not None:
        name, start = name[len(verb) :], start + len(verb)
    name = _first_name(name)
    ending = _ending(name)
    if ending is None or len(name) < 3:
        return None
    suffix, subtype = ending
    found = Candidate(start, start + len(name), "Organization", subtype, rule, 0, score=score)
    if name[0] in _LEVELS:
        # 市总工会: an elliptic name, resolved from the story, if it is one as a whole
        # (not 市政府决策部, not 市总工会联合市农业农村局)
        elliptic = P.ELLIPTIC.fullmatch(name)
        if elliptic and not elliptic["mid"] and subtype in {"TradeUnion", "Government"}:
            return replace(found, level=elliptic["level"], body=name[len(elliptic["level"]) :])
        return None
    place = _leading_place(name)
    if place is not None and len(place) < len(name):
        return replace(found, place=place, body=name[len(place) :])
    if subtype in {"TradeUnion", "Government"} and len(name) - len(suffix) < 2:
        return None  # 总工会, 人社局 alone: no place, no name
    return found


def _place(span: LacSpan, start: int) -> Candidate | None:
    places = places_by_surface().get(span.text)
    if places:
        subtypes = {p.subtype for p in places}
        return Candidate(
            start,
            start + len(span.text),
            "Place",
            subtypes.pop() if len(subtypes) == 1 else "",
            "lac:LOC",
            0,
            place_keys=tuple(p.key for p in places),
            score=span.score,
        )
    areas = [c for c in find_areas(span.text) if c.start == 0 and c.end == len(span.text)]
    if areas:
        return Candidate(
            start,
            start + len(span.text),
            "Place",
            "Area",
            "place:area",
            0,
            span.text,
            score=span.score,
        )
    return None


_PROPOSERS = {"PER": _person, "ORG": _organization, "LOC": _place}


def propose(
    spans: Iterable[tuple[int, LacSpan]], *, min_score: dict[str, float]
) -> Iterator[Candidate]:
    """Candidates from the model's spans (``(offset of the sentence, span)`` pairs), each
    label with its own confidence threshold.

    >>> span = LacSpan(0, 3, "PER", 0.98, "王海军")
    >>> [(c.type, c.rule, c.score) for c in propose([(5, span)], min_score={"PER": 0.5})]
    [('Person', 'lac:PER', 0.98)]
    """
    for offset, span in spans:
        proposer = _PROPOSERS.get(span.label)
        if proposer is None or span.label not in min_score:
            continue
        if span.score < min_score[span.label] or not _NAME_CHARS.match(span.text):
            continue  # a name has no punctuation in it (海曙区新闻|区总工会 is two)
        candidate = proposer(span, offset + span.start)
        if candidate is not None:
            yield candidate


class StatisticalRecognizer:
    """Propose candidates from LAC's PER/ORG/LOC spans, batched per doc."""

    def __init__(
        self,
        name: str,
        *,
        threads: int,
        batch_size: int,
        max_length: int,
        min_score: dict[str, float],
        spans_key: str = CANDIDATES,
    ) -> None:
        self.name = name
        self.min_score = min_score
        self.spans_key = spans_key
        self.tagger = load_tagger(threads, batch_size, max_length)

    def match(self, doc: Doc) -> list[Candidate]:
        """The candidates of ``doc``, without writing them."""
        return self.match_all([doc])[0]

    def match_all(self, docs: list[Doc]) -> list[list[Candidate]]:
        """The candidates of each doc; all their sentences go to the model in one batch
        run (a sentence's tags do not depend on its batch, see :mod:`kg.nlp.lac`)."""
        sentences = [
            [(s.start_char, s.text) for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else [(0, text_of(doc))]
            for doc in docs
        ]
        flat = [text for per_doc in sentences for _start, text in per_doc]
        tagged = iter(self.tagger.tag(flat, labels=self.min_score.keys()))
        found = []
        for per_doc in sentences:
            pairs = [(start, span) for start, _text in per_doc for span in next(tagged)]
            found.append(list(propose(pairs, min_score=self.min_score)))
        return found

    def set_annotations(self, doc: Doc, candidates: list[Candidate]) -> None:
        """Record ``candidates`` on ``doc``."""
        for candidate in candidates:
            add_candidate(doc, candidate, self.spans_key)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Docs in batches of ``batch_size`` (a document's stories come as one stream)."""
        for batch in minibatch(docs, batch_size):
            for doc, candidates in zip(batch, self.match_all(list(batch)), strict=True):
                self.set_annotations(doc, candidates)
                yield doc


@Language.factory(
    "kg_statistical",
    assigns=["doc._.kg_candidates", "doc.spans"],
    requires=["token.is_sent_start"],
    default_config={
        "threads": 1,
        "batch_size": 64,
        "max_length": 256,
        "min_score": {"PER": 0.3, "ORG": 0.5, "LOC": 0.5},
        "spans_key": CANDIDATES,
    },
)
def make_statistical(
    nlp: Language,
    name: str,
    threads: int,
    batch_size: int,
    max_length: int,
    min_score: dict[str, float],
    spans_key: str,
) -> StatisticalRecognizer:
    """Build the statistical recogniser (LAC; ``threads`` fixed so output is stable)."""
    return StatisticalRecognizer(
        name,
        threads=threads,
        batch_size=batch_size,
        max_length=max_length,
        min_score=min_score,
        spans_key=spans_key,
    )
