"""Turtle export: read by independent parsers, and byte-identical across builds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from kg.build import BuildResult, build
from kg.graph.view import entity_view
from kg.query.sparql import named_queries, run_query
from kg.vocab.ontology import KG
from tests.helpers import CORPUS


@pytest.mark.external
def test_rapper_parses_the_turtle(corpus_build: tuple[BuildResult, Path], rapper: str) -> None:
    path = corpus_build[1] / "graph.ttl"
    result = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=True
    )
    count = int(re.search(r"returned (\d+) triples", result.stderr).group(1))  # type: ignore[union-attr]
    assert count == len(corpus_build[0].graph)


def test_pyoxigraph_reads_it_and_answers_like_rdflib(
    corpus_build: tuple[BuildResult, Path],
) -> None:
    path = corpus_build[1] / "graph.ttl"
    store = pyoxigraph.Store()
    store.load(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(corpus_build[0].graph)
    query = named_queries()["union-hierarchy"].read_text(encoding="utf-8")
    oxigraph_rows = sorted(
        tuple(solution[v].value for v in ("union", "parent"))
        for solution in store.query(query)  # type: ignore[union-attr]
    )
    rdflib_rows = sorted(run_query(Graph().parse(path), query).rows)
    assert oxigraph_rows == rdflib_rows
    assert len(rdflib_rows) >= 5


def test_trig_has_one_named_graph_per_document(corpus_build: tuple[BuildResult, Path]) -> None:
    dataset = Dataset()
    text = (corpus_build[1] / "graph.trig").read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own TriG parser
        dataset.parse(data=text, format="trig")
    graph = corpus_build[0].graph
    quads = {(s, p, o) for s, p, o, _g in dataset.quads((None, None, None, None))}
    assert quads == set(graph)
    documents = set(graph.subjects(RDF.type, KG.Document))
    names = {g.identifier for g in dataset.graphs() if g.identifier in documents}
    assert names == documents
    for document in documents:
        part = dataset.graph(document)
        assert (document, RDF.type, KG.Document) in part
        assert all(str(s).startswith(str(document)) for s in part.subjects())


def test_ontology_is_written_beside_the_data(corpus_build: tuple[BuildResult, Path]) -> None:
    schema = Graph().parse(corpus_build[1] / "ontology.ttl")
    text = (corpus_build[1] / "ontology.ttl").read_text(encoding="utf-8")
    assert "owl:Ontology" in text and "sh:NodeShape" in text
    assert len(schema) > 300


def test_every_namespace_used_has_a_prefix(corpus_build: tuple[BuildResult, Path]) -> None:
    text = (corpus_build[1] / "graph.ttl").read_text(encoding="utf-8")
    for prefix in ("kg:", "dcterms:", "rdfs:", "skos:", "xsd:", "rdf:"):
        assert f"@prefix {prefix}" in text


def test_graphml_for_gephi(corpus_build: tuple[BuildResult, Path]) -> None:
    view = nx.read_graphml(corpus_build[1] / "graph.graphml")
    entities = entity_view(corpus_build[0].graph)
    assert view.number_of_nodes() == entities.number_of_nodes()
    assert view.number_of_edges() == entities.number_of_edges()
    labels = {data["label"] for _n, data in view.nodes(data=True)}
    assert "安康市总工会" in labels


@pytest.mark.slow
def test_two_builds_are_byte_identical(
    corpus_build: tuple[BuildResult, Path], tmp_path: Path
) -> None:
    build(CORPUS, tmp_path)
    first = corpus_build[1]
    names = ["graph.ttl", "graph.trig", "ontology.ttl", "graph.html", "graph.graphml"]
    names += [f"neo4j/{p.name}" for p in sorted((first / "neo4j").iterdir())]
    for name in names:
        assert (tmp_path / name).read_bytes() == (first / name).read_bytes(), name


@pytest.mark.slow
@pytest.mark.parametrize("seed", ["0", "4242"])
def test_builds_in_other_processes_are_byte_identical(
    corpus_build: tuple[BuildResult, Path], tmp_path: Path, seed: str
) -> None:
    """Set and dict order must not leak into the output: another hash seed, same bytes."""
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(CORPUS), "--out", str(out), "--no-progress"],
        check=True,
        env=env,
        capture_output=True,
    )
    first = corpus_build[1]
    for name in (
        "graph.ttl",
        "graph.html",
        "graph.graphml",
        "neo4j/import.cypher",
        "neo4j/nodes.csv",
    ):
        assert (out / name).read_bytes() == (first / name).read_bytes(), name
