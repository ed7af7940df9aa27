"""Training and cross-validating the learned layer on the development set.

The articles are analysed once by the rules alone (the models' inputs); a model is
trained on some folds' articles and their gold, and the layer's decisions are scored on
the others exactly as ``kg eval`` scores a built graph (:func:`kg.eval.score` over the
same predictions, made in memory). ``scripts/cv.py`` prints the cross-validated figures;
``scripts/train.py`` trains the shipped models on every fold.
"""

from __future__ import annotations

import csv
import json
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.build import analysed_document
from kg.corpus.clean import DEFAULT_PIPELINE, build_pipeline
from kg.corpus.load import load_file
from kg.corpus.prepare import prepare
from kg.engines import ProcessEngine
from kg.eval import Report, Score, normalize, predictions, score
from kg.figures.link import find_measurements
from kg.learn.features import ENTITY_FEATURES, entity_row
from kg.learn.layer import Models, decide_relations, entity_candidates
from kg.learn.model import BoostedClassifier
from kg.learn.relations import PAIR_FEATURES, pair_candidates, pair_row
from kg.learn.spans import SpanTagger, project
from kg.linking.resolver import Linked, programme_canonical
from kg.nlp.components.learned import story_features
from kg.nlp.endings import ENDED_FEATURES, ended_names, ended_row
from kg.nlp.pipeline import DEFAULT_CONFIG, load_pipeline
from kg.nlp.quotes import QUOTE_FEATURES, quote_row, quoted_names
from kg.nlp.story import Story, story_of
from kg.relations.rules import extract_relations
from kg.text import AlignedText
from kg.types import Document, Entity, RawDocument
from kg.vocab.ontology import ENTITY_TYPES, RELATION_TYPES

__all__ = [
    "PROPOSERS",
    "Analysed",
    "Article",
    "Layer",
    "analyse_articles",
    "cross_validate",
    "decide",
    "devset_articles",
    "entity_examples",
    "proposer_examples",
    "relation_examples",
    "span_sequences",
    "summary",
    "train_entity_model",
    "train_proposer",
    "train_relation_model",
    "train_span_model",
]

FOLDS = tuple(str(n) for n in range(5))


@dataclass(frozen=True)
class Article:
    """A development article: its id, fold, raw text and gold."""

    id: str
    fold: str
    raw: RawDocument
    gold: dict[str, Any]


@dataclass(frozen=True)
class Analysed:
    """An article as the rules alone analyse it."""

    article: Article
    document: Document
    linked: Linked


def devset_articles(devset: Path, gold: Path) -> list[Article]:
    """Every article of ``devset/sources.tsv`` whose text is restored (``texts/``)."""
    with (devset / "sources.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    texts = devset / "texts"
    found = []
    for row in rows:
        path = texts / f"{row['id']}.txt"
        if not path.is_file():
            continue
        raw = next(d for d in load_file(path, texts) if isinstance(d, RawDocument))
        data = json.loads((gold / f"{row['id']}.json").read_text(encoding="utf-8"))
        found.append(Article(row["id"], row["fold"], raw, data))
    return found


def _analyse(task: tuple[Article, Path | None, Path | None, Path | None, Path]) -> Analysed:
    article, span_model, programme_model, organisation_model, config = task
    nlp = load_pipeline(
        config,
        span_model=span_model,
        programme_model=programme_model,
        organisation_model=organisation_model,
    )
    document, linked = analysed_document(prepare(article.raw), nlp, Models())
    return Analysed(article, document, linked)


def analyse_articles(
    articles: Sequence[Article],
    *,
    jobs: int = 2,
    span_model: Path | None = None,
    programme_model: Path | None = None,
    organisation_model: Path | None = None,
    config: Path = DEFAULT_CONFIG,
) -> list[Analysed]:
    """Each article analysed by the pipeline of ``config`` (with the learned proposers'
    models ``span_model``, ``programme_model`` and ``organisation_model`` when given; no
    other model), in worker processes, in order."""
    engine = ProcessEngine(jobs, min_items=0)
    try:
        tasks = [(a, span_model, programme_model, organisation_model, config) for a in articles]
        return list(engine.map(_analyse, tasks))
    finally:
        engine.close()


def _surfaces(article: Article) -> list[tuple[str, str]]:
    """The gold's (type, surface) pairs as the clean text writes them."""
    clean = build_pipeline(DEFAULT_PIPELINE)
    found = []
    for entity in article.gold.get("entities", []):
        for surface in {entity["name"], *entity.get("mentions", [])}:
            found.append((entity["type"], clean(AlignedText.identity(surface)).text.strip()))
    return found


def _sequences(article: Article) -> list[tuple[list[list[str]], list[str]]]:
    nlp = load_pipeline(
        DEFAULT_CONFIG, span_model=None, programme_model=None, organisation_model=None
    )
    document = prepare(article.raw)
    text = document.clean.text
    surfaces = _surfaces(article)
    return [
        (story_features(doc), project(doc.text, surfaces))
        for doc in nlp.pipe(text[s.start : s.end] for s in document.stories)
    ]


def span_sequences(articles: Sequence[Article], *, jobs: int = 2) -> dict[str, list[Any]]:
    """Each article's stories as (character features, gold labels) sequences, by id."""
    engine = ProcessEngine(jobs, min_items=0)
    try:
        found = engine.map(_sequences, list(articles))
        return {a.id: sequence for a, sequence in zip(articles, found, strict=True)}
    finally:
        engine.close()


def train_span_model(
    articles: Sequence[Article], sequences: dict[str, list[Any]], path: Path
) -> SpanTagger:
    """The span model trained on ``articles``' sequences, written to ``path`` with its
    record."""
    tagger = SpanTagger().fit((sequence for a in articles for sequence in sequences[a.id]), path)
    tagger.record.trained_on = sorted(a.id for a in articles)
    tagger.record.folds = sorted({a.fold for a in articles})
    tagger.save_record()
    return tagger


#: A trained proposer's rows: (features, label) pairs.
Examples = list[tuple[list[float], int]]


def _rule_stories(article: Article) -> Iterator[Story]:
    """The article's stories as the rules alone read them (what the proposers learn on)."""
    nlp = load_pipeline(
        DEFAULT_CONFIG, span_model=None, programme_model=None, organisation_model=None
    )
    document = prepare(article.raw)
    text = document.clean.text
    for doc in nlp.pipe(text[s.start : s.end] for s in document.stories):
        yield story_of(doc)


def _wanted(article: Article, type_: str) -> set[str]:
    return {normalize(surface) for t, surface in _surfaces(article) if t == type_}


def _quote_examples(article: Article) -> Examples:
    """Label 1 when the gold names a programme by the phrase (or its canonical form)."""
    wanted = _wanted(article, "Program")
    found = []
    for story in _rule_stories(article):
        for quote in quoted_names(story):
            named = {normalize(quote.text), normalize(programme_canonical(quote.text))}
            found.append((quote_row(quote, story), int(bool(named & wanted))))
    return found


def _ended_examples(article: Article) -> Examples:
    """Label 1 when the gold names an organisation by the possible name."""
    wanted = _wanted(article, "Organization")
    found = []
    for story in _rule_stories(article):
        for names in ended_names(story):
            for name in names:
                label = int(normalize(story.text[name.start : name.end]) in wanted)
                found.append((ended_row(name, story), label))
    return found


#: The learned proposers: name -> (their examples from an article, their features, the
#: boosting's rounds and leaves).
PROPOSERS: dict[str, tuple[Callable[[Article], Examples], tuple[str, ...], int, int]] = {
    "programmes": (_quote_examples, QUOTE_FEATURES, 100, 7),
    "organisations": (_ended_examples, ENDED_FEATURES, 200, 15),
}


def proposer_examples(
    articles: Sequence[Article], proposer: str, *, jobs: int = 2
) -> dict[str, Examples]:
    """Each article's examples of ``proposer`` (a name of ``PROPOSERS``), by id."""
    examples_of = PROPOSERS[proposer][0]
    engine = ProcessEngine(jobs, min_items=0)
    try:
        found = engine.map(examples_of, list(articles))
        return {a.id: rows for a, rows in zip(articles, found, strict=True)}
    finally:
        engine.close()


def _recorded(
    model: BoostedClassifier, articles: Sequence[Article], *, threshold: float
) -> BoostedClassifier:
    """``model`` with its record of the threshold it decides by and the articles and folds
    it was trained on."""
    model.record.threshold = threshold
    model.record.trained_on = sorted(a.id for a in articles)
    model.record.folds = sorted({a.fold for a in articles})
    return model


def train_proposer(
    articles: Sequence[Article],
    examples: dict[str, Examples],
    proposer: str,
    *,
    threshold: float,
) -> BoostedClassifier:
    """The model of ``proposer`` trained on ``articles``' examples (its record says on
    which articles, and the threshold it decides by)."""
    _examples_of, features, rounds, leaves = PROPOSERS[proposer]
    pairs = [pair for a in articles for pair in examples[a.id]]
    model = BoostedClassifier(rounds=rounds, leaves=leaves).fit(
        [r for r, _ in pairs], [y for _, y in pairs], features
    )
    return _recorded(model, articles, threshold=threshold)


def _gold_entities(article: Article) -> set[tuple[str, str]]:
    return {(e["type"], normalize(e["name"])) for e in article.gold.get("entities", [])}


def entity_examples(analysed: Iterable[Analysed]) -> tuple[list[list[float]], list[int]]:
    """One row per linked entity of each article, labelled 1 when the gold has it."""
    rows, labels = [], []
    for item in analysed:
        wanted = _gold_entities(item.article)
        mentions = list(item.linked.mentions)
        for candidate in entity_candidates(item.document, item.linked.entities, mentions):
            rows.append(entity_row(candidate))
            entity = candidate.entity
            labels.append(int((entity.type, normalize(entity.name)) in wanted))
    return rows, labels


def train_entity_model(analysed: Sequence[Analysed], *, threshold: float) -> BoostedClassifier:
    """The entity model trained on ``analysed`` (its record says on which articles)."""
    rows, labels = entity_examples(analysed)
    model = BoostedClassifier().fit(rows, labels, ENTITY_FEATURES)
    return _recorded(model, [a.article for a in analysed], threshold=threshold)


def _gold_relations(article: Article) -> set[tuple[str, str, str]]:
    found = set()
    for rel in article.gold.get("relations", []):
        s, o = normalize(rel["s"]), normalize(rel["o"])
        found.add((s, rel["p"], o))
        if rel["p"] == "partnersWith":
            found.add((o, rel["p"], s))
    return found


def relation_examples(analysed: Iterable[Analysed]) -> tuple[list[list[float]], list[int]]:
    """One row per candidate pair of each article, labelled 1 when the gold has it."""
    rows, labels = [], []
    for item in analysed:
        wanted = _gold_relations(item.article)
        for candidate in pair_candidates(item.document, item.linked.entities):
            rows.append(pair_row(candidate, item.document.mentions))
            triple = (
                normalize(candidate.subject.name),
                candidate.predicate,
                normalize(candidate.object.name),
            )
            labels.append(int(triple in wanted))
    return rows, labels


def train_relation_model(analysed: Sequence[Analysed], *, threshold: float) -> BoostedClassifier:
    """The relation model trained on ``analysed`` (its record says on which articles)."""
    rows, labels = relation_examples(analysed)
    model = BoostedClassifier().fit(rows, labels, PAIR_FEATURES)
    return _recorded(model, [a.article for a in analysed], threshold=threshold)


@dataclass(frozen=True)
class Layer:
    """The models a decision uses (``None``: the rules decide that step)."""

    entities: BoostedClassifier | None = None
    relations: BoostedClassifier | None = None


def decide(item: Analysed, layer: Layer) -> tuple[Document, dict[str, Entity]]:
    """The article's document and entities after the layer's decisions (relations and
    figures made again over the entities kept), as ``kg build`` would make them."""
    document, linked = item.document, item.linked
    entities = linked.entities
    if layer.entities is not None:
        entities, mentions = _keep(document, linked, layer.entities)
        document = replace(document, mentions=tuple(mentions))
        document = replace(
            document,
            relations=tuple(extract_relations(document, entities)),
            measurements=tuple(find_measurements(document, entities)),
        )
    if layer.relations is not None:
        document = replace(
            document, relations=decide_relations(document, entities, layer.relations)
        )
    return document, entities


def _keep(
    document: Document, linked: Linked, model: BoostedClassifier
) -> tuple[dict[str, Entity], list[Any]]:
    from kg.learn.layer import keep_entities

    return keep_entities(document, linked.entities, list(linked.mentions), model)


def report_of(analysed: Sequence[Analysed], layer: Layer) -> Report:
    """``kg eval``'s report of the layer's decisions on ``analysed``."""
    entities, relations, figures = {}, {}, {}
    for item in analysed:
        document, kept = decide(item, layer)
        found = predictions(document, kept)
        entities[item.article.id], relations[item.article.id], figures[item.article.id] = found
    gold = {item.article.id: item.article.gold for item in analysed}
    return score(gold, entities, relations, figures, present=None, mode="strict")


def cross_validate(
    analysed: Sequence[Analysed], train: Callable[[Sequence[Analysed]], Layer]
) -> list[Report]:
    """For each fold: ``train`` on the other folds, score the fold."""
    reports = []
    for fold in FOLDS:
        held_out = [a for a in analysed if a.article.fold == fold]
        rest = [a for a in analysed if a.article.fold != fold]
        reports.append(report_of(held_out, train(rest)))
    return reports


def _f1(scores: Iterable[Score]) -> str:
    values = [s.f1 for s in scores]
    spread = statistics.pstdev(values) if len(values) > 1 else 0.0
    return f"{statistics.mean(values):.3f} ± {spread:.3f}"


def summary(reports: Sequence[Report]) -> list[str]:
    """Lines of mean ± spread (population standard deviation) of F1 over the folds, per
    entity type, relation type and for figures."""
    lines = [f"{'':20} {'F1 mean ± sd':>15}   per fold"]

    def line(name: str, scores: list[Score]) -> None:
        per_fold = " ".join(f"{s.f1:.3f}" for s in scores)
        lines.append(f"{name:20} {_f1(scores):>15}   {per_fold}")

    for type_ in ENTITY_TYPES:
        line(type_, [r.entities[type_] for r in reports])
    line("entities", [r.overall("entities") for r in reports])
    for type_ in RELATION_TYPES:
        line(type_, [r.relations[type_] for r in reports])
    line("relations", [r.overall("relations") for r in reports])
    line("figures", [r.measurements for r in reports])
    for name, values in (
        ("about (accuracy)", [r.about_accuracy for r in reports]),
        ("indicator (char F1)", [r.indicator_overlap for r in reports]),
        ("programme (accuracy)", [r.programme_accuracy for r in reports]),
    ):
        mean, spread = statistics.mean(values), statistics.pstdev(values)
        lines.append(f"{name:20} {mean:.3f} ± {spread:.3f}")
    return lines
