"""Standard vocabularies in the data: a store without inference finds our entities by their
W3C ORG, schema.org, FOAF and PROV classes and their skos:prefLabel."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.build import BuildResult
from kg.exports.store import load_dataset

PREFIXES = """
PREFIX kg: <https://w3id.org/cn-union-kg/def#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def store(corpus_build: tuple[BuildResult, Path]) -> pyoxigraph.Store:
    """``graph.ttl`` alone (no ontology, no inference) in Oxigraph, in memory."""
    return load_dataset(corpus_build[1] / "graph.ttl")


def _count(store: pyoxigraph.Store, pattern: str) -> int:
    rows = list(store.query(PREFIXES + f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}"))
    return int(rows[0]["n"].value)  # type: ignore[index]


@pytest.mark.parametrize(
    ("standard", "ours"),
    [
        ("org:Organization", "kg:Organization"),
        ("schema:Organization", "kg:Organization"),
        ("schema:GovernmentOrganization", "kg:Government"),
        ("schema:Place", "kg:Place"),
        ("foaf:Person", "kg:Person"),
        ("schema:Person", "kg:Person"),
        ("prov:Plan", "kg:Program"),
        ("schema:NewsArticle", "kg:Story"),
        ("schema:QuantitativeValue", "kg:Measurement"),
    ],
)
def test_a_store_without_inference_finds_entities_by_standard_classes(
    store: pyoxigraph.Store, standard: str, ours: str
) -> None:
    found = _count(store, f"?x a {standard}")
    assert found > 0 and found == _count(store, f"?x a {ours}")


def test_every_entity_has_a_skos_pref_label_equal_to_its_label(store: pyoxigraph.Store) -> None:
    entities = _count(store, "VALUES ?t { kg:Organization kg:Program kg:Place kg:Person } ?x a ?t")
    labelled = _count(
        store,
        "VALUES ?t { kg:Organization kg:Program kg:Place kg:Person } "
        "?x a ?t ; skos:prefLabel ?l ; rdfs:label ?l",
    )
    assert entities > 200 and labelled == entities


def test_the_union_of_seed_002_is_an_org_organization(store: pyoxigraph.Store) -> None:
    rows = store.query(
        PREFIXES
        + 'ASK { ?u a org:Organization , foaf:Organization ; skos:prefLabel "银川市总工会"@zh }'
    )
    assert bool(rows)
