"""The standard classes (W3C ORG, schema.org, FOAF, PROV) of our classes, as
``ontology/kg.ttl`` declares them with ``rdfs:subClassOf``.

Most stores do no inference, so the data states them: a trade union is also an
``org:Organization`` and a ``schema:Organization``, a person a ``foaf:Person``.

>>> from kg.graph.namespaces import KG
>>> [str(c) for c in standard_classes(KG.Person)]
['http://www.w3.org/ns/prov#Agent', 'http://xmlns.com/foaf/0.1/Person', 'https://schema.org/Person']
"""

from __future__ import annotations

from functools import cache, lru_cache

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDFS

from kg.config import ontology_file
from kg.graph.namespaces import KG

__all__ = ["STANDARD_PREFIXES", "standard_classes"]

#: The prefixes of the standard vocabularies, as ``ontology/kg.ttl`` binds them.
STANDARD_PREFIXES: dict[str, Namespace] = {
    "foaf": Namespace("http://xmlns.com/foaf/0.1/"),
    "org": Namespace("http://www.w3.org/ns/org#"),
    "prov": Namespace("http://www.w3.org/ns/prov#"),
    "schema": Namespace("https://schema.org/"),
}


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ontology_file("kg.ttl"), format="turtle")


@cache
def standard_classes(cls: URIRef) -> tuple[URIRef, ...]:
    """Every class outside our namespace that ``cls`` is a subclass of (transitively), in
    IRI order."""
    ontology = _ontology()
    found: set[URIRef] = set()
    seen: set[URIRef] = set()
    todo = [cls]
    while todo:
        current = todo.pop()
        for parent in ontology.objects(current, RDFS.subClassOf):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.add(parent)
                todo.append(parent)
                if not str(parent).startswith(str(KG._NS)):
                    found.add(parent)
    return tuple(sorted(found, key=str))
