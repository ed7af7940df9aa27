"""Cross-validate the learned layer on the development set's five fixed folds.

Usage: .venv/bin/python scripts/cv.py [--jobs 2] [--threshold 0.5] [--only rules,spans]

Analyses every restored article with the rules alone once, then for each fold trains the
models on the other four and scores the fold as ``kg eval`` would (the same predictions,
made in memory). Prints F1 mean ± spread over the folds and per fold, per entity type,
relation type and for figures, for each layer:

- ``rules``: the rules alone;
- ``entities``: a gradient-boosted decision on each linked entity;
- ``relations``: a gradient-boosted decision on each candidate pair of entities;
- ``programmes``: the decision over quoted phrases no rule took, its model trained on
  the other folds' gold;
- ``organisations``: with it, the choice of where an organisation's name begins for the
  endings no rule covered (the two shipped proposers), both trained on the other folds;
- ``spans``: the CRF span proposer (organisations and programmes where the rules found
  nothing), its model trained on the other folds' gold.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from kg.eval import Report
from kg.nlp.pipeline import DEFAULT_CONFIG
from kg.train import (
    FOLDS,
    Analysed,
    Article,
    Layer,
    analyse_articles,
    cross_validate,
    devset_articles,
    proposer_examples,
    report_of,
    span_sequences,
    summary,
    train_entity_model,
    train_proposer,
    train_relation_model,
    train_span_model,
)

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("rules", "programmes", "organisations", "entities", "relations", "spans")

#: The keyword of ``analyse_articles`` that takes each proposer's model.
_MODEL_ARGUMENT = {"programmes": "programme_model", "organisations": "organisation_model"}


def _proposers(
    articles: Sequence[Article], proposers: list[str], args: argparse.Namespace
) -> list[Report]:
    """Per fold, ``proposers`` trained on the other four and the fold analysed with them."""
    examples = {p: proposer_examples(articles, p, jobs=args.jobs) for p in proposers}
    reports: list[Report] = []
    with tempfile.TemporaryDirectory() as scratch:
        for fold in FOLDS:
            rest = [a for a in articles if a.fold != fold]
            held_out = [a for a in articles if a.fold == fold]
            paths = {}
            for proposer in proposers:
                path = Path(scratch) / f"{proposer}-{fold}.lgb"
                model = train_proposer(rest, examples[proposer], proposer, threshold=args.threshold)
                model.save(path)
                paths[_MODEL_ARGUMENT[proposer]] = path
            reports.append(report_of(analyse_articles(held_out, jobs=args.jobs, **paths), Layer()))
    return reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--only", default=",".join(LAYERS), help="layers to score")
    parser.add_argument(
        "--pipeline", type=Path, default=None, help="another spaCy config (e.g. without LAC)"
    )
    args = parser.parse_args()
    wanted = args.only.split(",")
    articles = devset_articles(ROOT / "tests" / "devset", ROOT / "tests" / "gold" / "devset")
    if not articles:
        print("no development texts restored (tests/devset/README.md)", file=sys.stderr)
        return 1
    started = time.monotonic()
    config = args.pipeline or DEFAULT_CONFIG
    analysed = analyse_articles(articles, jobs=args.jobs, config=config)
    print(f"{len(analysed)} articles analysed in {time.monotonic() - started:.0f} s\n")
    if "rules" in wanted:
        print("rules alone")
        print("\n".join(summary(cross_validate(analysed, lambda _rest: Layer()))))
    if "programmes" in wanted:
        print("\nrules + learned quoted programmes")
        print("\n".join(summary(_proposers(articles, ["programmes"], args))))
    if "organisations" in wanted:
        print("\nrules + learned quoted programmes + learned organisation names")
        print("\n".join(summary(_proposers(articles, ["programmes", "organisations"], args))))
    if "entities" in wanted:
        print("\nrules + learned entity decisions")

        def train(rest: Sequence[Analysed]) -> Layer:
            return Layer(entities=train_entity_model(rest, threshold=args.threshold))

        print("\n".join(summary(cross_validate(analysed, train))))
    if "relations" in wanted:
        print("\nrules + learned relation decisions")

        def train_relations(rest: Sequence[Analysed]) -> Layer:
            return Layer(relations=train_relation_model(rest, threshold=args.threshold))

        print("\n".join(summary(cross_validate(analysed, train_relations))))
    if "spans" in wanted:
        print("\nrules + learned spans")
        sequences = span_sequences(articles, jobs=args.jobs)
        reports = []
        with tempfile.TemporaryDirectory() as scratch:
            for fold in FOLDS:
                rest = [a for a in articles if a.fold != fold]
                held_out = [a for a in articles if a.fold == fold]
                path = Path(scratch) / f"spans-{fold}.crfsuite"
                train_span_model(rest, sequences, path)
                fold_analysed = analyse_articles(
                    held_out, jobs=args.jobs, span_model=path, config=config
                )
                reports.append(report_of(fold_analysed, Layer()))
        print("\n".join(summary(reports)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
