"""JSON-LD (``-f jsonld``): ``graph.jsonld`` with its ``context.jsonld`` beside it gives back
the triples of ``graph.ttl``, read by rdflib and by PyLD, with no network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.build import build
from kg.exports.jsonld import CONTEXT_FILE, write_jsonld

CORPUS = Path("corpus")

# rdflib's own JSON-LD parser still uses its deprecated ConjunctiveGraph internally
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("jsonld")
    build(CORPUS, folder, formats=("turtle", "jsonld"))
    return folder


def _local_loader(root: Path) -> Any:
    """A PyLD document loader that reads files beside the graph and nothing else."""

    def load(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        path = Path(url.removeprefix("file://")).resolve()
        if not url.startswith("file://") or path.parent != root.resolve():
            raise ValueError(f"refusing to load {url}")
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": json.loads(path.read_text(encoding="utf-8")),
        }

    return load


def test_rdflib_reads_back_the_triples_of_graph_ttl(out: Path) -> None:
    turtle = Graph().parse(out / "graph.ttl")
    back = Graph().parse(out / "graph.jsonld", format="json-ld")
    assert len(turtle) > 10_000 and isomorphic(back, turtle)


def test_pyld_reads_back_the_triples_of_graph_ttl(out: Path) -> None:
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == CONTEXT_FILE  # the published context, by reference
    base = (out / "graph.jsonld").resolve().as_uri()
    nquads = jsonld.to_rdf(
        document,
        {"base": base, "format": "application/n-quads", "documentLoader": _local_loader(out)},
    )
    back = Graph().parse(data=nquads, format="nquads")
    assert isomorphic(back, Graph().parse(out / "graph.ttl"))


def test_literals_keep_language_datatype_and_text(tmp_path: Path) -> None:
    graph = Graph()
    s = URIRef("https://w3id.org/cn-union-kg/id/org/x")
    tricky = '名称"引号"\n</script>\u2028'
    graph.add((s, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(tricky, lang="zh")))
    graph.add((s, URIRef("https://w3id.org/cn-union-kg/def#charCount"), Literal(7)))
    graph.add((s, URIRef("https://w3id.org/cn-union-kg/def#approximate"), Literal(True)))
    graph.add(
        (
            s,
            URIRef("https://w3id.org/cn-union-kg/def#value"),
            Literal("0.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
        )
    )
    graph.add((s, URIRef("http://purl.org/dc/terms/source"), Literal("plain")))
    write_jsonld(graph, tmp_path)
    back = Graph().parse(tmp_path / "graph.jsonld", format="json-ld")
    assert isomorphic(back, graph)


def test_the_same_graph_gives_the_same_bytes(out: Path, tmp_path: Path) -> None:
    write_jsonld(Graph().parse(out / "graph.ttl"), tmp_path)
    assert (tmp_path / "graph.jsonld").read_bytes() == (out / "graph.jsonld").read_bytes()
