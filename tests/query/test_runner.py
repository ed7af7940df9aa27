"""Queries cannot take the asking process down: the engine is killed at the time and memory
limits, a crashing engine is a coded error, and the next query is answered."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError
from kg.query.engine import Dataset
from kg.query.guard import MAX_OPERATORS, check_query
from kg.query.runner import EnginePool, EngineProcess, query_rows

pytestmark = pytest.mark.reliability

runner = CliRunner()

#: Every triple against every triple, sorted: no row comes before the whole product exists
#: (196 million rows on corpus/), so the engine can neither answer early nor be stopped
#: between rows.
CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?l . ?c ?d ?e } ORDER BY ?l ?e"
#: Oxigraph's evaluator recurses along an operator chain and overflows its stack.
CRASH = "SELECT ?o WHERE { BIND(1 AS ?o) FILTER(?o = " + "+".join(["1"] * 7000) + ") }"
LABELS = "SELECT ?l WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 3"


def _store(query_build: Path) -> Dataset:
    return Dataset(query_build / "store", "store")


def test_the_time_limit_holds_for_a_sort_that_gives_no_row_until_it_ends(
    query_build: Path,
) -> None:
    started = time.monotonic()
    with pytest.raises(KGError) as stopped:
        query_rows(_store(query_build), CROSS_PRODUCT, timeout=1.5, max_rows=10, max_memory=8192)
    assert stopped.value.code == "E136"
    assert time.monotonic() - started < 6  # start, 1.5 s, kill


def test_the_memory_limit_holds(query_build: Path) -> None:
    with pytest.raises(KGError) as stopped:
        query_rows(_store(query_build), CROSS_PRODUCT, timeout=60, max_rows=10, max_memory=300)
    assert stopped.value.code == "E139"


def test_a_crashing_engine_is_a_coded_error_and_the_next_query_is_answered(
    query_build: Path,
) -> None:
    engine = EngineProcess(_store(query_build), warm=True)
    try:
        engine.ready()
        first = engine.pid
        with pytest.raises(KGError) as crashed:
            request = {"text": CRASH, "want": "rows", "timeout": 30, "max_rows": 10}
            engine.ask(request, deadline=time.monotonic() + 30)
        assert crashed.value.code == "E141" and "SIGSEGV" in str(crashed.value)
        request = {"text": LABELS, "want": "rows", "timeout": 10, "max_rows": 10}
        answer = engine.ask(request, deadline=time.monotonic() + 10)
        assert len(answer["rows"]) == 3 and engine.pid != first
    finally:
        engine.stop()


def test_the_check_refuses_what_would_crash_before_any_engine_parses_it() -> None:
    with pytest.raises(KGError) as refused:
        check_query(CRASH)
    assert refused.value.code == "E138" and f"{MAX_OPERATORS:,}" in str(refused.value)
    deep = "SELECT * WHERE { BIND(" + "(" * 100 + "1" + ")" * 100 + " AS ?x) }"
    with pytest.raises(KGError, match="nesting deeper"):
        check_query(deep)
    with pytest.raises(KGError, match="characters"):
        check_query("SELECT * WHERE { ?s ?p ?o } #" + "x" * 70_000)
    # nesting rdflib's parser cannot take (30 parentheses) is an engine's business
    assert check_query("SELECT * WHERE { BIND(" + "(" * 40 + "1" + ")" * 40 + " AS ?x) }")


def test_a_pool_answers_while_one_engine_is_stuck(query_build: Path) -> None:
    import threading

    pool = EnginePool(_store(query_build), size=2)
    try:
        slow: list[str] = []

        def stuck() -> None:
            request = {"text": CROSS_PRODUCT, "want": "rows", "timeout": 4, "max_rows": 10}
            try:
                pool.ask(request, deadline=time.monotonic() + 4)
            except KGError as error:
                slow.append(error.code)

        thread = threading.Thread(target=stuck)
        thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        request = {"text": LABELS, "want": "rows", "timeout": 10, "max_rows": 10}
        assert len(pool.ask(request, deadline=time.monotonic() + 10)["rows"]) == 3
        assert time.monotonic() - started < 2
        thread.join()
        assert slow in (["E136"], ["E139"])  # stopped by its time or its memory
    finally:
        pool.close()


def test_a_request_that_finds_no_free_engine_in_time_is_stopped(query_build: Path) -> None:
    pool = EnginePool(_store(query_build), size=1)
    try:
        engine = pool._idle.get()  # every engine busy
        request = {"text": LABELS, "want": "rows", "timeout": 0.5, "max_rows": 10}
        with pytest.raises(KGError) as stopped:
            pool.ask(request, deadline=time.monotonic() + 0.5)
        assert stopped.value.code == "E136"
        pool._idle.put(engine)
    finally:
        pool.close()


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--timeout", "1", "--max-memory", "8192"], "E136"),
        (["--timeout", "60", "--max-memory", "300"], "E139"),
    ],
)
def test_kg_query_stops_at_its_limits_with_a_coded_error(
    query_build: Path, args: list[str], code: str
) -> None:
    result = runner.invoke(app, ["query", str(query_build), CROSS_PRODUCT, *args])
    assert result.exit_code == 1 and code in result.output


def test_kg_query_names_a_missing_graph_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", str(tmp_path / "nothing.ttl"), LABELS])
    assert result.exit_code == 1 and "E118" in result.output and "does not exist" in result.output
    result = runner.invoke(app, ["query", str(tmp_path), LABELS])
    assert result.exit_code == 1 and "E170" in result.output
