"""``kg query`` over the on-disk store (``kg build -f store``): the same rows as over Turtle."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import BuildResult
from kg.cli import app
from kg.errors import KGError
from kg.exports.store import open_store, write_store
from kg.query.sparql import Rows, named_queries, resolve_query, run_query, run_store_query

runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(
    corpus_build: tuple[BuildResult, Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("store")
    write_store(corpus_build[0].graph, out)
    return out


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_saved_query_answers_the_same_from_the_store(
    name: str, store_dir: Path, corpus_build: tuple[BuildResult, Path]
) -> None:
    text = resolve_query(None, name)
    from_turtle = run_query(corpus_build[0].graph, text)
    from_store = run_store_query(open_store(store_dir), text)
    assert from_store.columns == from_turtle.columns
    assert _concatenations_sorted(from_store) == _concatenations_sorted(from_turtle)
    assert from_store.rows  # every competency question has an answer on corpus/


def _concatenations_sorted(rows: Rows) -> list[tuple[str, ...]]:
    """The rows with each GROUP_CONCAT cell's parts sorted: SPARQL leaves their order to
    the engine (policies.rq joins organisations with 、)."""
    return [tuple("、".join(sorted(cell.split("、"))) for cell in row) for row in rows.rows]


def test_the_store_holds_every_triple(
    store_dir: Path, corpus_build: tuple[BuildResult, Path]
) -> None:
    assert len(open_store(store_dir)) == len(corpus_build[0].graph)


def test_a_rebuild_replaces_the_store_whole(
    store_dir: Path, corpus_build: tuple[BuildResult, Path]
) -> None:
    write_store(corpus_build[0].graph, store_dir)
    assert len(open_store(store_dir)) == len(corpus_build[0].graph)
    assert sorted(p.name for p in store_dir.iterdir()) == ["store"]


def test_the_cli_queries_a_store_and_refuses_what_is_no_select(store_dir: Path) -> None:
    result = runner.invoke(app, ["query", str(store_dir), "--name", "posts", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert "邢化良,党组书记、常务副主席,淄博市总工会" in result.stdout
    result = runner.invoke(app, ["query", str(store_dir), "ASK { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert "E134" in result.stderr
    with pytest.raises(KGError) as caught:
        run_store_query(open_store(store_dir), "SELECT WHERE {")
    assert caught.value.code == "E133"


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_kg_query_on_graph_trig_answers_over_the_union_of_its_graphs(
    name: str, corpus_build: tuple[BuildResult, Path]
) -> None:
    # the evidence lives in per-document graphs, the entities in the default graph: a
    # plain query of the dataset finds half a join; kg query unions them itself
    rows = {}
    for name_of_file in ("graph.trig", "graph.ttl"):
        path = str(corpus_build[1] / name_of_file)
        result = runner.invoke(app, ["query", path, "--name", name, "--format", "json"])
        assert result.exit_code == 0, result.output
        rows[name_of_file] = _json_sorted(result.output)
    assert rows["graph.trig"] == rows["graph.ttl"] and rows["graph.trig"]


def _json_sorted(output: str) -> list[list[str]]:
    import json

    return sorted(
        ["、".join(sorted(str(v).split("、"))) for v in row.values()] for row in json.loads(output)
    )


def test_without_the_union_a_trig_dataset_misses_the_evidence(
    corpus_build: tuple[BuildResult, Path],
) -> None:
    from kg.exports.store import load_dataset

    dataset = load_dataset(corpus_build[1] / "graph.trig")
    text = resolve_query(None, "relation-evidence")
    assert not run_store_query(dataset, text).rows
    assert run_store_query(dataset, text, union=True).rows
