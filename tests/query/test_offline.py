"""Queries are offline by construction: whatever the text, no request leaves the machine.

A local listener stands in for the outside world; every way in (``kg query`` over a store,
a TriG file, a Turtle file; ``kg serve``'s endpoint by GET, form POST and body POST) is
given every way of hiding ``SERVICE`` we know, and the listener must hear nothing. The
engine process itself has no network: asked directly, past the keyword check, it still
cannot connect.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kg.cli import app
from kg.query.engine import Dataset
from kg.query.guard import check_query
from kg.query.runner import EngineProcess
from kg.query.sandbox import deny_network
from kg.serve.app import create_app
from kg.serve.data import open_explorer
from tests.query.conftest import Listener

runner = CliRunner()
pytestmark = [
    pytest.mark.reliability,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:starlette.*"),
]


#: A line separator does not end a comment for any engine: the SERVICE after it is
#: commented out, so the query answers (and reaches nothing).
COMMENTED = "SELECT ?a WHERE {{ #\u2028 SERVICE <{url}> {{ ?a ?b ?c }} \n}}"


def hidden_services(url: str) -> list[str]:
    """``SERVICE <url>`` hidden every way we know; each must be refused."""
    inner = f"<{url}> {{ ?a ?b ?c }}"
    return [
        # a carriage return ends a comment for Oxigraph, not for rdflib
        f"SELECT ?a WHERE {{ #\r SERVICE {inner} \n}}",
        f"SELECT ?a WHERE {{ # x\r\nSERVICE {inner} }}",
        f"select ?a where {{ service {inner} }}",
        f"SELECT ?a WHERE {{ SERVICE SILENT {inner} }}",
        f"SELECT ?a WHERE {{ OPTIONAL {{ SERVICE {inner} }} }}",
        f"SELECT ?a WHERE {{ {{ SELECT ?a WHERE {{ SERVICE {inner} }} }} }}",
        f"SELECT ?a WHERE {{ FILTER EXISTS {{ SERVICE {inner} }} }}",
        f"SELECT ?a WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE {inner} }} }}",
        f"SELECT ?a WHERE {{ GRAPH ?g {{ SERVICE {inner} }} }}",
        f"SELECT ?a WHERE {{ VALUES ?s {{ <{url}> }} SERVICE ?s {{ ?a ?b ?c }} }}",
        # Oxigraph reads SERVICE:x as SERVICE :x
        f"PREFIX : <{url.rsplit('/', 1)[0]}/> SELECT ?a WHERE {{ SERVICE:sparql {{ ?a ?b ?c }} }}",
        # rdflib decodes \\u escapes before parsing
        f"SELECT ?a WHERE {{ \\u0053ERVICE {inner} }}",
        f"ASK {{ SERVICE {inner} }}",
        f"CONSTRUCT {{ ?a ?b ?c }} WHERE {{ SERVICE {inner} }}",
    ]


def _quiet(listener: Listener) -> list[bytes]:
    time.sleep(0.3)  # a connection would have been accepted by now
    return listener.heard


@pytest.mark.parametrize("where", ["store", "graph.trig", "graph.ttl"])
def test_kg_query_refuses_every_hidden_service(
    where: str, query_build: Path, listener: Listener
) -> None:
    target = query_build if where == "store" else query_build / where
    for text in hidden_services(listener.url):
        result = runner.invoke(app, ["query", str(target), text])
        assert result.exit_code == 1, text
        assert "E135" in result.output, (text, result.output)
    commented = runner.invoke(app, ["query", str(target), COMMENTED.format(url=listener.url)])
    assert commented.exit_code == 0, commented.output
    assert _quiet(listener) == []


def test_the_endpoint_refuses_every_hidden_service(query_build: Path, listener: Listener) -> None:
    client = TestClient(create_app(open_explorer(query_build)))
    for text in hidden_services(listener.url):
        answers = [
            client.get("/sparql", params={"query": text}),
            client.post("/sparql", data={"query": text}),
            client.post(
                "/sparql", content=text, headers={"content-type": "application/sparql-query"}
            ),
        ]
        assert [a.status_code for a in answers] == [400, 400, 400], text
        assert all("E135" in a.text for a in answers)
    commented = client.get("/sparql", params={"query": COMMENTED.format(url=listener.url)})
    assert commented.status_code == 200
    assert _quiet(listener) == []


@pytest.mark.skipif(sys.platform != "linux", reason="seccomp is Linux's")
def test_the_engine_has_no_network_even_past_the_check(
    query_build: Path, listener: Listener
) -> None:
    """The keyword check is bypassed: the engine itself must not be able to connect."""
    engine = EngineProcess(Dataset(query_build / "store", "store"))
    try:
        engine.ready()
        for text in hidden_services(listener.url)[3:5]:  # plain and SILENT
            request = {"text": text, "want": "rows", "timeout": 10, "max_rows": 10}
            try:
                engine.ask(request, deadline=time.monotonic() + 10)
            except Exception as error:  # the engine's own refusal is fine
                assert "Permission denied" in str(error) or "E13" in str(error)
    finally:
        engine.stop()
    assert _quiet(listener) == []


@pytest.mark.skipif(sys.platform != "linux", reason="seccomp is Linux's")
def test_the_sandbox_is_in_place_on_linux() -> None:
    """Run in a child: once denied, the network stays denied for the whole process."""
    import subprocess

    code = (
        "import socket; from kg.query.sandbox import deny_network; "
        "assert deny_network() is None; a, b = socket.socketpair(); "
        "socket.socket()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0 and "Permission denied" in result.stderr
    assert deny_network.__doc__


def test_what_is_not_hidden_still_answers(query_build: Path) -> None:
    """The check does not refuse names that only look like the keywords."""
    text = (
        "PREFIX ex: <http://example.org/service/> SELECT ?service ?from WHERE "
        '{ BIND("SERVICE FROM LOAD" AS ?service) BIND(ex:from AS ?from) } # SERVICE'
    )
    assert check_query(text).form == "SELECT"
    result = runner.invoke(app, ["query", str(query_build), text, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "SERVICE FROM LOAD" in result.output
