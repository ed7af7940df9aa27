"""Throughput and memory of ``kg build`` on copies of corpus/ (prints figures, asserts nothing).

Usage: .venv/bin/python scripts/benchmark.py [COPIES]   (default 20 copies of the 5 seeds)
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.build import build


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


if __name__ == "__main__":
    main()
