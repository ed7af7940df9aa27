"""The ontology, read from ``ontology/kg.ttl``: its closed namespace, the entity classes
with their subclasses, the relations between entities with their ends and labels in both
languages, and how the page draws each (``ontology/display.tsv``).

``KG`` is a closed :class:`~rdflib.namespace.DefinedNamespace` (rdflib style), so a
mistyped term raises instead of minting a new IRI; a test checks it against ``kg.ttl``.
Everything else here is read from the ontology: the order of the classes and relations is
that of ``kg:entityClasses`` and ``kg:entityRelations``, the ends of a relation its
``rdfs:domain`` and ``rdfs:range``. This is the one module that names the relation types.

>>> KG.implements
rdflib.term.URIRef('https://w3id.org/cn-union-kg/def#implements')
>>> ENTITY_TYPES
('Organization', 'Program', 'Place', 'Person')
>>> RELATIONS["locatedIn"].subjects, RELATIONS["holdsPost"].label_zh
(('Organization', 'Place'), '任职于')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS, DefinedNamespace

from kg.text import CJK_RANGES
from kg.vocab.files import ontology_file

__all__ = [
    "BASE",
    "ENTITY_TYPES",
    "ID",
    "KG",
    "PREFIXES",
    "RELATIONS",
    "RELATION_TYPES",
    "STANDARD_PREFIXES",
    "SUBTYPES",
    "Display",
    "RelationType",
    "display",
    "iri_segment",
    "ontology_graph",
    "standard_classes",
    "styles",
    "subclass_of",
]

BASE = "https://w3id.org/cn-union-kg/"


class KG(DefinedNamespace):
    """The ontology's terms (``ontology/kg.ttl``)."""

    _NS = Namespace(BASE + "def#")
    _fail = True

    # the ontology's own annotations
    entityClasses: URIRef
    entityRelations: URIRef
    inverseLabel: URIRef
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
    forProgram: URIRef
    date: URIRef


# rdflib resolves a DefinedNamespace's attribute through its metaclass on every access,
# building a new URIRef each time (a build reads KG.sentence hundreds of thousands of
# times): each declared term is set once as a plain class attribute. A name not declared
# still goes through the metaclass and is refused.
for _term in KG.__annotations__:
    setattr(KG, _term, KG._NS[_term])


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


#: The prefixes of the standard vocabularies, as ``ontology/kg.ttl`` binds them.
STANDARD_PREFIXES: dict[str, Namespace] = {
    "foaf": Namespace("http://xmlns.com/foaf/0.1/"),
    "org": Namespace("http://www.w3.org/ns/org#"),
    "prov": Namespace("http://www.w3.org/ns/prov#"),
    "schema": Namespace("https://schema.org/"),
}
_ONTOLOGY = URIRef(BASE + "def")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """``ontology/kg.ttl``, parsed once."""
    return Graph().parse(ontology_file("kg.ttl"), format="turtle")


def _local(term: object) -> str:
    return str(term).removeprefix(str(KG._NS))


def _listed(annotation: URIRef) -> tuple[str, ...]:
    graph = ontology_graph()
    head = graph.value(_ONTOLOGY, annotation)
    return tuple(_local(t) for t in Collection(graph, head)) if head is not None else ()


def _label(term: URIRef, language: str, predicate: URIRef = RDFS.label) -> str:
    for value in ontology_graph().objects(term, predicate):
        if isinstance(value, Literal) and value.language == language:
            return str(value)
    return _local(term)


def _classes(node: object) -> tuple[str, ...]:
    """The entity classes a domain or range names (a class, or an ``owl:unionOf``)."""
    if isinstance(node, BNode):
        members = ontology_graph().value(node, OWL.unionOf)
        return tuple(_local(m) for m in Collection(ontology_graph(), members)) if members else ()
    return (_local(node),) if node is not None else ()


@dataclass(frozen=True)
class RelationType:
    """A relation between entities: its local name, the classes its subject and object may
    have (every entity class when the ontology names none), and its labels each way."""

    name: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    label_en: str
    label_zh: str
    inverse_en: str
    inverse_zh: str

    @property
    def iri(self) -> URIRef:
        return KG[self.name]


def _relation(name: str) -> RelationType:
    term, graph = KG[name], ontology_graph()
    return RelationType(
        name,
        _classes(graph.value(term, RDFS.domain)) or ENTITY_TYPES,
        _classes(graph.value(term, RDFS.range)) or ENTITY_TYPES,
        _label(term, "en"),
        _label(term, "zh"),
        _label(term, "en", KG.inverseLabel),
        _label(term, "zh", KG.inverseLabel),
    )


#: The four top classes every entity has, in the ontology's order.
ENTITY_TYPES: tuple[str, ...] = _listed(KG.entityClasses)
#: The relation properties between entities, in the ontology's order.
RELATION_TYPES: tuple[str, ...] = _listed(KG.entityRelations)
RELATIONS: dict[str, RelationType] = {name: _relation(name) for name in RELATION_TYPES}
#: Each entity class's direct subclasses in the ontology, by local name, sorted.
SUBTYPES: dict[str, tuple[str, ...]] = {
    top: tuple(sorted(_local(s) for s in ontology_graph().subjects(RDFS.subClassOf, KG[top])))
    for top in ENTITY_TYPES
}


def subclass_of(subtype: str) -> str | None:
    """The entity class ``subtype`` (a local name) is a subclass of, or ``None``.

    >>> subclass_of("TradeUnion"), subclass_of("Town"), subclass_of("Document")
    ('Organization', 'Place', None)
    """
    return next((top for top, subs in SUBTYPES.items() if subtype in subs), None)


@cache
def standard_classes(cls: URIRef) -> tuple[URIRef, ...]:
    """Every class outside our namespace that ``cls`` is a subclass of (transitively), in
    IRI order: most stores do no inference, so the data states them.

    >>> [str(c) for c in standard_classes(KG.Person)]
    ['http://www.w3.org/ns/prov#Agent', 'http://xmlns.com/foaf/0.1/Person', 'https://schema.org/Person']
    """
    ontology = ontology_graph()
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


@dataclass(frozen=True)
class Display:
    """How the page draws an entity class or a relation: colour, shape (classes only),
    and its name in Chinese (from ``kg.ttl``)."""

    colour: str
    shape: str
    label_zh: str


@lru_cache(maxsize=1)
def display() -> dict[str, Display]:
    """``ontology/display.tsv`` by term: every entity class and relation.

    >>> display()["Program"].shape, display()["Program"].label_zh
    ('diamond', '工作项目')
    """
    lines = ontology_file("display.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    header = rows[0]
    found = {}
    for row in rows[1:]:
        record = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
        term = record["term"]
        found[term] = Display(record["colour"], record["shape"], _label(KG[term], "zh"))
    return found


def styles() -> dict[str, dict[str, str]]:
    """What every view draws, from :func:`display`: per entity class its ``color``,
    ``shape`` and Chinese name ``zh``; per relation its ``color`` and ``zh`` (the page and
    the explorer read this one table).

    >>> styles()["Place"]["shape"], styles()["locatedIn"]["zh"]
    ('triangle', '位于')
    """
    table = display()
    return {
        term: {"color": table[term].colour, "shape": table[term].shape, "zh": table[term].label_zh}
        for term in (*ENTITY_TYPES, *RELATION_TYPES)
    }
