"""The SPARQL 1.1 Protocol endpoint of ``kg serve``, driven by a SPARQL client library
(SPARQLWrapper) against the running server."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.exports.store import open_store
from kg.query.sparql import resolve_query, run_store_query
from kg.serve.app import create_app
from kg.serve.data import open_explorer

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:starlette.*")

UNIONS = """PREFIX kg: <https://w3id.org/cn-union-kg/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?u ?label WHERE { ?u a kg:TradeUnion ; rdfs:label ?label } ORDER BY ?label"""


def _client(server: str, query: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(POST)
        client.setRequestMethod(method)
    return client


def test_a_select_over_get_answers_as_kg_query_does(server: str, served_build: Path) -> None:
    text = resolve_query(None, "union-hierarchy")
    result = _client(server, text, JSON).queryAndConvert()
    columns = result["head"]["vars"]  # type: ignore[index]
    rows = {
        tuple(b.get(c, {}).get("value", "") for c in columns)
        for b in result["results"]["bindings"]  # type: ignore[index]
    }
    expected = run_store_query(open_store(served_build), text)
    assert tuple(columns) == expected.columns
    assert rows == set(expected.rows) and rows


@pytest.mark.parametrize("method", ["urlencoded", POSTDIRECTLY])
def test_post_as_a_form_or_as_a_query_body(server: str, method: str) -> None:
    from SPARQLWrapper import URLENCODED

    request = URLENCODED if method == "urlencoded" else POSTDIRECTLY
    result = _client(server, UNIONS, JSON, request).queryAndConvert()
    labels = [b["label"]["value"] for b in result["results"]["bindings"]]  # type: ignore[index]
    assert "银川市总工会" in labels and labels == sorted(labels)
    first = result["results"]["bindings"][0]["label"]  # type: ignore[index]
    assert first["type"] == "literal" and first["xml:lang"] == "zh"


def test_csv_and_tsv_results(server: str) -> None:
    as_csv = _client(server, UNIONS, CSV).query().convert()
    rows = list(csv.reader(io.StringIO(as_csv.decode("utf-8"))))  # type: ignore[union-attr]
    assert rows[0] == ["u", "label"] and any(r[1] == "银川市总工会" for r in rows[1:])
    as_tsv = _client(server, UNIONS, TSV).query().convert().decode("utf-8")  # type: ignore[union-attr]
    header, *lines = as_tsv.splitlines()
    assert header == "?u\t?label"
    assert '"银川市总工会"@zh' in as_tsv and len(lines) == len(rows) - 1
    assert all(line.split("\t")[0].startswith("<https://") for line in lines)


def test_ask_and_construct(server: str) -> None:
    ask = _client(
        server, 'ASK { ?u <http://www.w3.org/2000/01/rdf-schema#label> "银川市总工会"@zh }', JSON
    )
    assert ask.queryAndConvert()["boolean"] is True  # type: ignore[index]
    construct = _client(
        server,
        "CONSTRUCT { ?u a <http://www.w3.org/ns/org#Organization> } WHERE "
        "{ ?u a <https://w3id.org/cn-union-kg/def#TradeUnion> }",
        TURTLE,
    )
    graph = construct.queryAndConvert()
    from rdflib import Graph

    parsed = Graph().parse(data=graph, format="turtle")  # type: ignore[arg-type]
    assert len(parsed) > 10


@pytest.mark.parametrize(
    "query",
    [
        'INSERT DATA { <http://x/a> <http://x/b> "c" }',
        "DROP ALL",
        "LOAD <http://example.org/data.ttl>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }",
    ],
)
def test_updates_and_outside_reads_are_refused(server: str, query: str) -> None:
    client = _client(server, query, JSON)
    if query.startswith(("INSERT", "DROP", "LOAD")):
        client.setMethod(POST)
    with pytest.raises(QueryBadFormed) as refused:
        client.query()
    assert "refused" in str(refused.value) or "read-only" in str(refused.value)
    # and nothing was changed
    count = _client(server, "SELECT (COUNT(*) AS ?n) WHERE { <http://x/a> ?p ?o }", JSON)
    assert count.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "0"  # type: ignore[index]


def test_the_result_size_and_time_limits(served_build: Path) -> None:
    explorer = open_explorer(served_build)
    small = TestClient(create_app(explorer, max_rows=5))
    response = small.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 413 and "more than 5 rows" in response.text
    assert small.get("/sparql", params={"query": UNIONS + " LIMIT 5"}).status_code == 200
    hurried = TestClient(create_app(explorer, timeout=0))
    response = hurried.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 503 and "stopped" in response.text


def test_content_negotiation_and_a_format_not_offered(served_build: Path) -> None:
    client = TestClient(create_app(open_explorer(served_build)))
    query = {"query": UNIONS + " LIMIT 2"}
    assert (
        client.get("/sparql", params=query)
        .headers["content-type"]
        .startswith("application/sparql-results+json")
    )
    wanted = client.get("/sparql", params=query, headers={"Accept": "text/csv;q=0.9, */*;q=0.1"})
    assert wanted.headers["content-type"].startswith("text/csv")
    refused = client.get("/sparql", params=query, headers={"Accept": "application/pdf"})
    assert refused.status_code == 406
    assert client.get("/sparql").status_code == 400
    assert (
        client.post("/sparql", content="x", headers={"content-type": "text/plain"}).status_code
        == 415
    )
