"""Namespaces: our closed vocabulary, and where resource IRIs live.

``KG`` is a closed :class:`~rdflib.namespace.DefinedNamespace` (rdflib style), so
a mistyped term raises instead of minting a new IRI. A test checks it against
``ontology/kg.ttl``.

>>> KG.implements
rdflib.term.URIRef('https://w3id.org/cn-union-kg/def#implements')
"""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.text import CJK_RANGES

__all__ = ["BASE", "ENTITY_TYPES", "ID", "KG", "PREFIXES", "RELATION_TYPES", "iri_segment"]

#: The four top classes every entity has, and the eight relation properties.
ENTITY_TYPES = ("Organization", "Program", "Place", "Person")
RELATION_TYPES = (
    "locatedIn",
    "subOrganizationOf",
    "implements",
    "establishes",
    "organizes",
    "partnersWith",
    "holdsPost",
    "partOf",
)

BASE = "https://w3id.org/cn-union-kg/"


class KG(DefinedNamespace):
    """The ontology's terms (``ontology/kg.ttl``)."""

    _NS = Namespace(BASE + "def#")
    _fail = True

    # classes
    Document: URIRef
    Story: URIRef
    Mention: URIRef
    Assertion: URIRef
    Organization: URIRef
    TradeUnion: URIRef
    Government: URIRef
    Enterprise: URIRef
    Institution: URIRef
    Media: URIRef
    OtherOrganization: URIRef
    Program: URIRef
    Policy: URIRef
    Place: URIRef
    Country: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef
    County: URIRef
    Town: URIRef
    Area: URIRef
    Person: URIRef
    Measurement: URIRef
    locatedIn: URIRef
    subOrganizationOf: URIRef
    implements: URIRef
    establishes: URIRef
    organizes: URIRef
    partnersWith: URIRef
    holdsPost: URIRef
    partOf: URIRef
    mentions: URIRef
    # structure and provenance
    hasStory: URIRef
    inDocument: URIRef
    inStory: URIRef
    mentionOf: URIRef
    hasMention: URIRef
    text: URIRef
    sentence: URIRef
    surfaceForm: URIRef
    startOffset: URIRef
    endOffset: URIRef
    storyIndex: URIRef
    rule: URIRef
    confidence: URIRef
    role: URIRef
    mergeReason: URIRef
    adminCode: URIRef
    outlet: URIRef
    reporter: URIRef
    correspondent: URIRef
    photographer: URIRef
    author: URIRef
    encoding: URIRef
    sha256: URIRef
    sourceFile: URIRef
    charCount: URIRef
    # figures
    value: URIRef
    unit: URIRef
    approximate: URIRef
    indicator: URIRef
    about: URIRef
    date: URIRef


#: Where documents, stories and entities get their IRIs.
ID = Namespace(BASE + "id/")

PREFIXES = {
    "kg": KG._NS,
    "kgid": ID,
}

_UNSAFE = re.compile(rf"[^0-9A-Za-z\-._~{CJK_RANGES}]")


def iri_segment(text: str) -> str:
    """Make ``text`` safe as one IRI path segment; CJK stays readable.

    >>> iri_segment("安康市总工会"), iri_segment("a b/<c>#")
    ('安康市总工会', 'a%20b%2F%3Cc%3E%23')
    """
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), text)
