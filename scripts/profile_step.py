"""Where the per-document step spends its time (prints the profile, asserts nothing).

Usage: .venv/bin/python scripts/profile_step.py [ARTICLES] [--top N] [--seed S] [--save FILE]

Generates ARTICLES articles (``scripts/scale_corpus.py``), loads the models, then runs the
per-document step on them as a build's workers do (``analyse_batch`` over ``batched``)
under cProfile, and prints the entries with the most time of their own and the
cumulative time of the step's stages. A flame graph of a whole build is drawn by py-spy
(``pip install -e '.[profile]'``), as ``docs/performance.md`` shows.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

from kg.build import analyse, analyse_batch, batched
from kg.corpus.load import load_corpus
from kg.nlp.pipeline import DEFAULT_CONFIG
from kg.types import RawDocument

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import generate

#: The step's stages, by the function that runs each (file suffix, function name).
STAGES = (
    ("build.py", "analyse_batch", "the per-document step"),
    ("resolver.py", "recognise", "spaCy pipeline (tokenizer + components)"),
    ("language.py", "make_doc", "  tokenizer (jieba: the floor)"),
    ("statistical.py", "match_all", "  statistical recogniser (LAC)"),
    ("lac.py", "_tag_batch", "    LAC: encoder, decode, words"),
    ("lac_decode.py", "decode", "    LAC: CRF decode"),
    ("rules.py", "__call__", "  rule components"),
    ("resolver.py", "link_document", "linking"),
    ("rules.py", "extract_relations", "relations"),
    ("link.py", "find_measurements", "figures"),
    ("parts.py", "document_part", "the document's part (triples, Turtle blocks)"),
)


def stage_table(stats: pstats.Stats) -> list[tuple[str, float]]:
    """The cumulative seconds of each of :data:`STAGES` in ``stats``."""
    table = stats.stats  # type: ignore[attr-defined]
    found = []
    for suffix, name, label in STAGES:
        seconds = sum(
            row[3] for (path, _line, func), row in table.items()
            if func == name and path.endswith(suffix)
        )  # fmt: skip
        found.append((label, seconds))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=int, nargs="?", default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save", type=Path, help="write the cProfile stats here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        generate(args.articles, corpus, seed=args.seed)
        raws = [item for item in load_corpus(corpus) if isinstance(item, RawDocument)]
    analyse((raws[0], DEFAULT_CONFIG))  # the models load outside the profile
    tasks = [(raw, DEFAULT_CONFIG) for raw in raws]
    profile = cProfile.Profile()
    started = time.process_time()
    profile.enable()
    for batch in batched(tasks):
        analyse_batch(batch)
    profile.disable()
    print(f"{len(raws)} articles, {time.process_time() - started:.1f} CPU s under the profiler")
    if args.save:
        profile.dump_stats(args.save)
    stats = pstats.Stats(profile)
    print("\nstage                                          seconds  share")
    table = stage_table(stats)
    total = table[0][1] or 1.0
    for label, seconds in table:
        print(f"{label:<45} {seconds:8.2f} {seconds / total:6.1%}")
    print(f"\ntop {args.top} by own time")
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
