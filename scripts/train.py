"""Train the learned layer's models on every restored development article.

Usage: .venv/bin/python scripts/train.py [--out kg/models] [--models programmes]
       [--threshold 0.5] [--jobs 2]

``programmes`` (shipped: the decision over quoted phrases no rule took),
``organisations`` (where a name that ends in an organisation ending begins, for the
endings no rule covered), ``entities`` and
``relations`` (these three measured by scripts/cv.py, not shipped: they do not beat the
rules).

Deterministic (one thread, fixed seeds): the same texts and gold give the same model files.
Each model is written with a JSON record of its features, threshold, articles and folds.
`kg build` uses what it finds in kg/models/; ship a model only when scripts/cv.py shows it
beats the rules on the folds it was not trained on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.learn.layer import ENTITY_MODEL, RELATION_MODEL
from kg.nlp.components.learned import DEFAULT_ORGANISATION_MODEL, DEFAULT_PROGRAMME_MODEL
from kg.train import (
    analyse_articles,
    devset_articles,
    proposer_examples,
    train_entity_model,
    train_proposer,
    train_relation_model,
)

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "kg" / "models")
    parser.add_argument("--models", default="programmes")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    articles = devset_articles(ROOT / "tests" / "devset", ROOT / "tests" / "gold" / "devset")
    if not articles:
        print("no development texts restored (tests/devset/README.md)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = args.models.split(",")
    for proposer, shipped in (
        ("programmes", DEFAULT_PROGRAMME_MODEL),
        ("organisations", DEFAULT_ORGANISATION_MODEL),
    ):
        if proposer in wanted:
            examples = proposer_examples(articles, proposer, jobs=args.jobs)
            model = train_proposer(articles, examples, proposer, threshold=args.threshold)
            print("wrote", *model.save(args.out / shipped.name))
    if {"entities", "relations"} & set(wanted):
        analysed = analyse_articles(articles, jobs=args.jobs)
    if "entities" in wanted:
        model = train_entity_model(analysed, threshold=args.threshold)
        print("wrote", *model.save(args.out / ENTITY_MODEL))
    if "relations" in wanted:
        model = train_relation_model(analysed, threshold=args.threshold)
        print("wrote", *model.save(args.out / RELATION_MODEL))
    return 0


if __name__ == "__main__":
    sys.exit(main())
