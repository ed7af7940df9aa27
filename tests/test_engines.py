"""The per-document step on every engine: the same exports, byte for byte, as in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import build
from kg.cache import DocumentCache
from kg.cli import app
from kg.engines import ProcessEngine, engine_names, get_engine
from kg.errors import KGError
from tests.helpers import CORPUS

runner = CliRunner()

EXPORTS = ("graph.ttl", "graph.trig", "graph.html", "graph.graphml")


def _same_exports(one: Path, other: Path) -> None:
    for name in EXPORTS:
        assert (one / name).read_bytes() == (other / name).read_bytes(), name
    for csv in sorted((one / "neo4j").iterdir()):
        assert csv.read_bytes() == (other / "neo4j" / csv.name).read_bytes(), csv.name


def _twice(square: int) -> int:
    return 2 * square


def test_engines_by_name_and_a_clear_miss() -> None:
    assert set(engine_names()) == {"local", "processes", "dask"}
    with pytest.raises(KGError) as caught:
        get_engine("spark")
    assert caught.value.code == "E160"
    assert "processes" in str(caught.value)
    with pytest.raises(KGError) as caught:
        get_engine("dask")
    assert caught.value.code == "E163"


def test_a_pool_keeps_the_order_of_the_items() -> None:
    engine = ProcessEngine(2, min_items=0)
    try:
        assert list(engine.map(_twice, range(40))) == [2 * i for i in range(40)]
    finally:
        engine.close()


@pytest.mark.slow
def test_two_worker_processes_build_the_same_bytes(
    tmp_path: Path, corpus_build: tuple[object, Path]
) -> None:
    _result, local = corpus_build
    engine = ProcessEngine(2, min_items=0)  # a pool even for the five documents
    cache = DocumentCache(tmp_path / "cache")
    try:
        first = build(CORPUS, tmp_path / "first", engine=engine, cache=cache)
        again = build(CORPUS, tmp_path / "again", engine=engine, cache=DocumentCache(cache.folder))
    finally:
        engine.close()
    _same_exports(local, tmp_path / "first")
    _same_exports(local, tmp_path / "again")
    assert first.cache == {"hits": 0, "misses": 5, "rejected": 0, "pruned": 0}
    assert again.cache == {
        "hits": 5,
        "misses": 0,
        "rejected": 0,
        "pruned": 0,
    }  # the cache works under the pool


def test_the_cli_refuses_zero_jobs_and_an_unknown_engine(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path), "--jobs", "0"])
    assert result.exit_code == 2
    assert "E164" in result.stderr
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path), "--engine", "x"])
    assert result.exit_code == 1
    assert "E160" in result.stderr
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path), "--engine", "dask"])
    assert result.exit_code == 1
    assert "E163" in result.stderr
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path), "--batch", "0"])
    assert result.exit_code == 2
    assert "--batch" in result.stderr and not (tmp_path / "graph.ttl").exists()


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "build",
            str(CORPUS),
            "--out",
            str(tmp_path),
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    )
    assert result.exit_code == 1
    assert "E162" in result.stderr


@pytest.mark.slow
def test_a_dask_cluster_builds_the_same_bytes(
    tmp_path: Path, corpus_build: tuple[object, Path]
) -> None:
    distributed = pytest.importorskip("distributed")
    _result, local = corpus_build
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = runner.invoke(
            app,
            [
                "build",
                str(CORPUS),
                "--out",
                str(tmp_path),
                "--no-progress",
                "--engine",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
            ],
        )
    assert result.exit_code == 0, result.stderr
    _same_exports(local, tmp_path)


def _dies_on_three(item: int) -> int:
    """Kills its own worker for item 3, as the out-of-memory killer would."""
    if item == 3:
        import os
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
    return 10 * item


@pytest.mark.reliability
def test_a_worker_that_dies_costs_its_item_not_the_run() -> None:
    engine = ProcessEngine(2, min_items=0)
    try:
        found = list(engine.map(_dies_on_three, range(12), lost=lambda i, why: ("lost", i, why)))
    finally:
        engine.close()
    assert found[:3] == [0, 10, 20] and found[4:] == [10 * i for i in range(4, 12)]
    assert found[3][:2] == ("lost", 3) and "killed" in found[3][2]


def test_without_a_fallback_a_death_is_raised() -> None:
    from concurrent.futures.process import BrokenProcessPool

    engine = ProcessEngine(2, min_items=0)
    try:
        with pytest.raises(BrokenProcessPool):
            list(engine.map(_dies_on_three, range(6)))
    finally:
        engine.close()


_BUILD = """
import sys
from pathlib import Path
from kg.build import build
from kg.engines import ProcessEngine
engine = ProcessEngine(2, min_items=0)
try:
    result = build(Path(sys.argv[1]), Path(sys.argv[2]), formats=("turtle",), engine=engine)
finally:
    engine.close()
print(len(result.documents), len(result.skipped))
"""


def _copies(tmp_path: Path, times: int) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(times):
        for source in sorted(CORPUS.glob("*.txt")):
            (corpus / f"{n:02d}_{source.name}").write_bytes(source.read_bytes())
    return corpus


def _loaded_workers(parent: int, seconds: float = 120) -> list[int]:
    """The pool's worker processes once both have loaded the pipeline."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        children = []
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            children += [int(c) for c in task.read_text().split()]
        loaded = []
        for pid in children:
            try:
                statm = Path(f"/proc/{pid}/statm").read_text().split()
            except OSError:
                continue
            if int(statm[1]) * 4096 > 300 * 2**20:
                loaded.append(pid)
        if len(loaded) >= 2:
            return sorted(loaded)
        time.sleep(0.2)
    raise AssertionError("the workers did not start")


@pytest.mark.slow
@pytest.mark.reliability
def test_a_worker_killed_during_a_build_costs_nothing(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    corpus = _copies(tmp_path, 4)
    build_process = subprocess.Popen(
        [sys.executable, "-c", _BUILD, str(corpus), str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers = _loaded_workers(build_process.pid)
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer does
    out, err = build_process.communicate(timeout=600)
    assert build_process.returncode == 0, err
    assert out.split() == ["20", "0"]  # every document read, none lost


@pytest.mark.slow
@pytest.mark.reliability
def test_a_killed_build_takes_its_workers_with_it(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = _copies(tmp_path, 4)
    build_process = subprocess.Popen(
        [sys.executable, "-c", _BUILD, str(corpus), str(tmp_path / "out")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers = _loaded_workers(build_process.pid)
    os.kill(build_process.pid, signal.SIGKILL)
    build_process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert alive == []
