"""Cross-validate the learned layer on the development set's five fixed folds.

Usage: .venv/bin/python scripts/cv.py [--jobs 2] [--threshold 0.5]

Analyses every restored article with the rules alone once, then for each fold trains the
models on the other four and scores the fold as ``kg eval`` would (same predictions, made
in memory), for the rules alone and with the learned layer. Prints F1 mean ± spread over
the folds and per fold, per entity type, relation type and for figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg.train import (
    Layer,
    analyse_articles,
    cross_validate,
    devset_articles,
    summary,
    train_entity_model,
)

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    articles = devset_articles(ROOT / "tests" / "devset", ROOT / "tests" / "gold" / "devset")
    if not articles:
        print("no development texts restored (tests/devset/README.md)", file=sys.stderr)
        return 1
    started = time.monotonic()
    analysed = analyse_articles(articles, jobs=args.jobs)
    print(f"{len(analysed)} articles analysed in {time.monotonic() - started:.0f} s\n")
    print("rules alone")
    print("\n".join(summary(cross_validate(analysed, lambda _rest: Layer()))))
    print("\nrules + learned entity decisions")

    def train(rest: list) -> Layer:  # type: ignore[type-arg]
        return Layer(entities=train_entity_model(rest, threshold=args.threshold))

    print("\n".join(summary(cross_validate(analysed, train))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
