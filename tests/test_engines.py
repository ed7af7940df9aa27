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
