"""The ontology, the closed namespace and the SHACL example files."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.graph.validate import validate
from kg.vocab.files import ontology_dir
from kg.vocab.ontology import KG

EXAMPLES = ontology_dir() / "examples"
FIXED_CLASSES = ["Organization", "Program", "Place", "Person", "Document"]
FIXED_PROPERTIES = [
    "locatedIn",
    "subOrganizationOf",
    "implements",
    "establishes",
    "organizes",
    "partnersWith",
    "holdsPost",
    "partOf",
    "mentions",
]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl")


def test_closed_namespace_matches_the_ontology(ontology: Graph) -> None:
    defined = {
        str(s)
        for s in ontology.subjects()
        if str(s).startswith(str(KG._NS)) and str(s) != str(KG._NS)
    }
    declared = {str(KG._NS[name]) for name in KG.__annotations__}
    assert defined == declared


def test_closed_namespace_rejects_typos() -> None:
    with pytest.raises(AttributeError):
        _ = KG.implement


@pytest.mark.parametrize("name", FIXED_CLASSES)
def test_fixed_classes(ontology: Graph, name: str) -> None:
    assert (KG[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", FIXED_PROPERTIES)
def test_fixed_properties(ontology: Graph, name: str) -> None:
    assert (KG[name], RDF.type, OWL.ObjectProperty) in ontology


def test_every_term_has_chinese_and_english_labels(ontology: Graph) -> None:
    for term in ontology.subjects(RDF.type, None):
        if not str(term).startswith(str(KG._NS)):
            continue
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, term


def test_top_classes_have_definitions(ontology: Graph) -> None:
    for name in ["Organization", "Program", "Place", "Person", "Document", "Story", "Assertion"]:
        assert ontology.value(KG[name], SKOS.definition) is not None


@pytest.mark.parametrize("path", sorted((EXAMPLES / "valid").glob("*.ttl")), ids=lambda p: p.name)
def test_valid_examples_conform(path: Path) -> None:
    conforms, violations = validate(Graph().parse(path))
    assert conforms, violations


@pytest.mark.parametrize("path", sorted((EXAMPLES / "invalid").glob("*.ttl")), ids=lambda p: p.name)
def test_invalid_examples_are_rejected(path: Path) -> None:
    conforms, violations = validate(Graph().parse(path))
    assert not conforms
    assert violations
    assert all(v.severity == "Violation" for v in violations)


def test_examples_exist() -> None:
    assert len(list((EXAMPLES / "valid").glob("*.ttl"))) >= 2
    assert len(list((EXAMPLES / "invalid").glob("*.ttl"))) >= 5
