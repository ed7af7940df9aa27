"""The learned proposers: models trained on the gold that add to the rules' candidates.

- ``kg_learned_programmes``: a gradient-boosted decision over the quoted phrases no rule
  took (:mod:`kg.nlp.quotes`); those it judges programme names become candidates
  (model ``kg/models/programmes.lgb``).
- ``kg_learned_organisations``: a gradient-boosted choice of where an organisation's name
  begins, for the endings no rule covered (:mod:`kg.nlp.endings`); the best beginning of
  each ending becomes a candidate when the model accepts it. Measured, not shipped (it does
  not raise the cross-validated figures); it enters the pipeline when given a model.
- ``kg_learned_spans``: the spans a CRF finds where the rules found none. The model
  (``kg/models/spans.crfsuite``) reads each character with the marks the rule components
  left (:mod:`kg.learn.spans`).

All are made by ``scripts/train.py``; the rules' choices stand and the models add what
they miss.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.learn.model import BoostedClassifier
from kg.learn.spans import SPAN_LABELS, SpanTagger, char_features, spans_of
from kg.nlp.candidates import CANDIDATES, Candidate, candidates_of, text_of
from kg.nlp.components.rules import CandidateRecognizer
from kg.nlp.components.statistical import organisation_candidate
from kg.nlp.endings import ENDED_FEATURES, ended_names, ended_row
from kg.nlp.quotes import QUOTE_FEATURES, quote_row, quoted_names
from kg.nlp.story import rule_candidates, story_of

__all__ = [
    "DEFAULT_ORGANISATION_MODEL",
    "DEFAULT_PROGRAMME_MODEL",
    "DEFAULT_SPAN_MODEL",
    "make_learned_organisations",
    "make_learned_programmes",
    "make_learned_spans",
    "rule_marks",
    "story_features",
]

_MODELS = Path(__file__).resolve().parents[2] / "models"
#: The shipped span model.
DEFAULT_SPAN_MODEL = _MODELS / "spans.crfsuite"
#: The shipped model of quoted programme names.
DEFAULT_PROGRAMME_MODEL = _MODELS / "programmes.lgb"
#: The rule of the candidates found back from their ending.
RULE = "learned:ending"
#: Where a model of where organisation names begin is looked for (none ships).
DEFAULT_ORGANISATION_MODEL = _MODELS / "organisations.lgb"


def rule_marks(doc: Doc) -> dict[int, list[str]]:
    """Per character, where the candidates of the rule components begin or go on, by
    type (``cand:ORG:B``) and for the gazetteer's (``gaz:B``)."""
    marks: dict[int, list[str]] = {}
    for candidate in rule_candidates(doc):  # the CRF was trained on the rules' alone
        code = SPAN_LABELS.get(candidate.type)
        if code is None:
            continue
        gazetteer = candidate.rule.startswith("gazetteer")
        for i in range(candidate.start, candidate.end):
            at = "B" if i == candidate.start else "I"
            marks.setdefault(i, []).append(f"cand:{code}:{at}")
            if gazetteer:
                marks[i].append(f"gaz:{at}")
    return {i: sorted(set(m)) for i, m in marks.items()}


def story_features(doc: Doc) -> list[list[str]]:
    """The CRF's features of every character of a story's doc."""
    words = [(t.idx, t.idx + len(t.text)) for t in doc]
    return char_features(text_of(doc), rule_marks(doc), words)


def _first(pair: tuple[float, object]) -> float:
    return pair[0]


@Language.factory(
    "kg_learned_spans",
    assigns=["doc._.kg_candidates", "doc.spans"],
    requires=["doc._.kg_candidates"],
    default_config={
        "model": "",
        "types": ["Program"],
        "spans_key": CANDIDATES,
    },
)
def make_learned_spans(
    nlp: Language, name: str, model: str, types: list[str], spans_key: str
) -> CandidateRecognizer:
    """Build the learned span proposer from ``model`` (default: the shipped one): the CRF's
    spans of ``types`` where no candidate is (an organisation's made as LAC's are)."""
    tagger = SpanTagger.load(Path(model) if model else DEFAULT_SPAN_MODEL)
    wanted = set(types)

    def find(doc: Doc) -> list[Candidate]:
        taken = [False] * (len(text_of(doc)) + 1)
        for candidate in candidates_of(doc):
            taken[candidate.start : candidate.end] = [True] * candidate.length
        found = []
        for start, end, type_ in spans_of(tagger.predict(story_features(doc))):
            if type_ not in wanted or end - start < 2 or any(taken[start:end]):
                continue
            rule = f"crf:{SPAN_LABELS[type_]}"
            if type_ == "Organization":
                made = organisation_candidate(text_of(doc)[start:end], start, rule=rule, score=None)
                found += [made] if made is not None else []
            else:
                found.append(Candidate(start, end, type_, "", rule))
        return found

    return CandidateRecognizer(name, find, spans_key=spans_key)


@Language.factory(
    "kg_learned_programmes",
    assigns=["doc._.kg_candidates", "doc.spans"],
    requires=["doc._.kg_candidates"],
    default_config={"model": "", "spans_key": CANDIDATES},
)
def make_learned_programmes(
    nlp: Language, name: str, model: str, spans_key: str
) -> CandidateRecognizer:
    """Build the proposer of quoted programme names from ``model`` (default: the shipped
    one); a quote becomes a candidate when the model's probability reaches the threshold
    its record keeps."""
    decider = BoostedClassifier.load(
        Path(model) if model else DEFAULT_PROGRAMME_MODEL, features=QUOTE_FEATURES
    )
    threshold = decider.record.threshold

    def find(doc: Doc) -> list[Candidate]:
        story = story_of(doc)
        quotes = quoted_names(story)
        scores = decider.predict_proba([quote_row(q, story) for q in quotes])
        return [
            Candidate(q.start, q.end, "Program", "", "learned:quoted", score=round(p, 3))
            for q, p in zip(quotes, scores, strict=True)
            if p >= threshold
        ]

    return CandidateRecognizer(name, find, spans_key=spans_key)


@Language.factory(
    "kg_learned_organisations",
    assigns=["doc._.kg_candidates", "doc.spans"],
    requires=["doc._.kg_candidates"],
    default_config={"model": "", "spans_key": CANDIDATES},
)
def make_learned_organisations(
    nlp: Language, name: str, model: str, spans_key: str
) -> CandidateRecognizer:
    """Build the proposer of organisation names found back from their ending, from
    ``model`` (none ships: ``scripts/train.py --models organisations`` makes one): per
    ending, the beginning the model rates highest becomes a candidate when its probability
    reaches the record's threshold."""
    decider = BoostedClassifier.load(
        Path(model) if model else DEFAULT_ORGANISATION_MODEL, features=ENDED_FEATURES
    )
    threshold = decider.record.threshold

    def find(doc: Doc) -> list[Candidate]:
        story = story_of(doc)
        groups = ended_names(story)
        rows = [ended_row(n, story) for names in groups for n in names]
        scores = decider.predict_proba(rows) if rows else []
        found, at = [], 0
        for names in groups:
            p, best = max(zip(scores[at : at + len(names)], names, strict=True), key=_first)
            at += len(names)
            if p >= threshold:
                text = text_of(doc)[best.start : best.end]
                candidate = organisation_candidate(text, best.start, rule=RULE, score=round(p, 3))
                if candidate is not None:
                    found.append(candidate)
        return found

    return CandidateRecognizer(name, find, spans_key=spans_key)
