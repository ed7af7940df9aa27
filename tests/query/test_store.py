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
