"""What the explorer shows, read from the graph's store: entities, their relations with
evidence, their figures, the documents that mention them, neighbourhoods, documents with
their mentions.

Every read is a SPARQL query over the store (``kg build -f store``, or ``graph.ttl`` loaded
into a scratch store); nothing is written. The original texts are read from the corpus the graph
was built from, and shown only when their SHA-256 is the one the graph records.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph

from kg.corpus.load import load_file
from kg.query.engine import Dataset
from kg.serve.search import Hit, NameIndex
from kg.types import RawDocument
from kg.vocab.ontology import ENTITY_TYPES, KG, RELATION_TYPES

__all__ = [
    "Document",
    "Entity",
    "Evidence",
    "Explorer",
    "Figure",
    "Relation",
    "open_explorer",
]

PREFIXES = f"""PREFIX kg: <{KG._NS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_TOP = " ".join(f"kg:{t}" for t in ENTITY_TYPES)
_RELATIONS = " ".join(f"kg:{p}" for p in RELATION_TYPES)
#: The relations of ?e, both ways (?out: whether ?e is the subject).
_LINKS = (
    f"SELECT ?p ?o ?out WHERE {{ VALUES ?p {{ {_RELATIONS} }} "
    "{ ?e ?p ?o BIND(true AS ?out) } UNION { ?o ?p ?e BIND(false AS ?out) } }"
)
#: The longest search query read.
QUERY_CHARS = 64
#: At most this many neighbours come with a node (the most connected first).
NEIGHBOURS = 150


def _value(term: Any) -> str:
    return "" if term is None else str(getattr(term, "value", term))


@dataclass(frozen=True)
class Evidence:
    """A sentence a relation was read from, with where it is in its document."""

    document: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: str


@dataclass
class Relation:
    """A relation of an entity: its predicate, the other end, the direction."""

    predicate: str
    other: str
    other_label: str
    outgoing: bool
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Figure:
    """A figure about an entity, with its sentence."""

    text: str
    value: str
    unit: str
    indicator: str
    date: str
    sentence: str
    document: str
    start: int
    end: int
    programme: str = ""  # the label of the programme it counts for


@dataclass
class Entity:
    """An entity and everything the explorer shows about it."""

    iri: str
    label: str
    type: str
    subtype: str
    aliases: list[str]
    code: str
    relations: list[Relation]
    figures: list[Figure]
    documents: list[tuple[str, str, list[tuple[int, int]]]]  # identifier, title, mentions
    timeline: list[Year] = field(default_factory=list)


@dataclass(frozen=True)
class Year:
    """How often an entity is mentioned and related in the stories of one year ("" for
    stories and documents with no date)."""

    year: str
    mentions: int
    relations: int
    documents: int


@dataclass
class Document:
    """A document with its original text (if the corpus still holds it) and mentions."""

    identifier: str
    title: str
    source: str
    text: str  # the original text, or the stories' clean text when it is not found
    original: bool
    mentions: list[tuple[int, int, str, str]]  # start, end, entity IRI, entity label
    note: str = ""


class Explorer:
    """Reads for the explorer's pages from ``store``; ``corpus`` holds the original files."""

    def __init__(
        self, store: pyoxigraph.Store, dataset: Dataset, corpus: Path | None = None
    ) -> None:
        self.store = store
        #: what the engine processes that answer SPARQL open (the same graph)
        self.dataset = dataset
        self.corpus = corpus
        self.labels: dict[str, tuple[str, str]] = {}  # IRI -> (label, type)
        aliases: dict[str, list[str]] = {}
        for row in self._select(
            f"SELECT ?e ?label ?type ?alias WHERE {{ VALUES ?type {{ {_TOP} }} "
            "?e a ?type ; rdfs:label ?label . OPTIONAL { ?e skos:altLabel ?alias } }"
        ):
            iri = row["e"]
            self.labels[iri] = (row["label"], row["type"].rsplit("#", 1)[-1])
            if row["alias"]:
                aliases.setdefault(iri, []).append(row["alias"])
        self.degree: dict[str, int] = {}
        for row in self._select(
            f"SELECT ?e (COUNT(*) AS ?n) WHERE {{ VALUES ?p {{ {_RELATIONS} }} "
            "{ ?e ?p ?o } UNION { ?o ?p ?e } } GROUP BY ?e"
        ):
            self.degree[row["e"]] = int(row["n"])
        named: dict[str, list[str]] = {}
        for iri, (label, _t) in self.labels.items():
            named.setdefault(label, []).append(iri)
        #: the entity a label names, for labels only one entity has (query results link them)
        self.by_label = {label: iris[0] for label, iris in named.items() if len(iris) == 1}
        self.index = NameIndex(
            (iri, label, sorted(aliases.get(iri, ()))) for iri, (label, _t) in self.labels.items()
        )

    def _select(self, query: str, **bound: Any) -> list[dict[str, str]]:
        """The rows of a SELECT with ``bound`` variables given by ``VALUES``: the terms are
        pyoxigraph's, written by pyoxigraph (an IRI it rejects never reaches the query)."""
        values = "".join(f"VALUES ?{name} {{ {term} }} " for name, term in bound.items())
        query = query.replace("WHERE {", "WHERE { " + values, 1)
        result = self.store.query(PREFIXES + query)
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        return [
            {name: _value(solution[name]) for name in names}
            for solution in result  # type: ignore[union-attr]
        ]

    def search(self, query: str, *, limit: int = 20) -> list[Hit]:
        """Entities by name or alias, typo-tolerant (:mod:`kg.serve.search`); a query past
        ``QUERY_CHARS`` characters is cut there (names are short; a page of text is no
        query, and would cost a comparison with every name)."""
        return self.index.search(query[:QUERY_CHARS], limit=limit)

    def entity(self, iri: str) -> Entity | None:
        """The entity ``iri`` with its relations, evidence, figures and documents."""
        if iri not in self.labels:
            return None
        label, top = self.labels[iri]
        node = pyoxigraph.NamedNode(iri)
        types = {r["t"] for r in self._select("SELECT ?t WHERE { ?e a ?t }", e=node)}
        subtype = next(
            (
                t.rsplit("#", 1)[-1]
                for t in sorted(types)
                if t.startswith(str(KG._NS)) and t.rsplit("#", 1)[-1] not in ENTITY_TYPES
            ),
            "",
        )
        aliases = sorted(
            r["a"] for r in self._select("SELECT ?a WHERE { ?e skos:altLabel ?a }", e=node)
        )
        code = next(
            (r["c"] for r in self._select("SELECT ?c WHERE { ?e kg:adminCode ?c }", e=node)), ""
        )
        return Entity(
            iri,
            label,
            top,
            subtype,
            aliases,
            code,
            self._relations(iri),
            self._figures(iri),
            self._documents(iri),
            self._timeline(node),
        )

    def _timeline(self, node: pyoxigraph.NamedNode) -> list[Year]:
        """The entity's mentions and relations by year: the date of their story, else
        of their document."""
        dated = (
            "OPTIONAL { ?x kg:inStory ?s . ?s dcterms:date ?sd } "
            "OPTIONAL { ?d dcterms:date ?dd } "
            'BIND(COALESCE(SUBSTR(STR(COALESCE(?sd, ?dd)), 1, 4), "") AS ?year) }'
        )
        mentions = self._select(
            "SELECT ?x ?d ?year WHERE { ?x kg:mentionOf ?e ; kg:inDocument ?d . " + dated, e=node
        )
        relations = self._select(
            "SELECT DISTINCT ?x ?year WHERE { { ?x rdf:subject ?e } UNION { ?x rdf:object ?e } "
            "?x a kg:Assertion ; kg:inDocument ?d . " + dated,
            e=node,
        )
        years: dict[str, tuple[set[str], set[str], set[str]]] = {}
        for row in mentions:
            found = years.setdefault(row["year"], (set(), set(), set()))
            found[0].add(row["x"])
            found[2].add(row["d"])
        for row in relations:
            years.setdefault(row["year"], (set(), set(), set()))[1].add(row["x"])
        return [
            Year(year, len(m), len(r), len(d))
            for year, (m, r, d) in sorted(years.items(), key=lambda kv: (kv[0] == "", kv[0]))
        ]

    def _relations(self, iri: str) -> list[Relation]:
        node = pyoxigraph.NamedNode(iri)
        found: dict[tuple[str, str, bool], Relation] = {}
        rows = self._select(_LINKS, e=node)
        for row in rows:
            outgoing = row["out"] == "true"
            key = (row["p"], row["o"], outgoing)
            other_label = self.labels.get(row["o"], (row["o"], ""))[0]
            found[key] = Relation(row["p"].rsplit("#", 1)[-1], row["o"], other_label, outgoing)
        evidence = self._select(
            "SELECT ?s ?p ?o ?sentence ?doc ?start ?end ?rule ?confidence WHERE { "
            "{ ?a rdf:subject ?e } UNION { ?a rdf:object ?e } "
            "?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; "
            "kg:sentence ?sentence ; kg:inDocument ?d ; kg:startOffset ?start ; "
            "kg:endOffset ?end ; kg:rule ?rule ; kg:confidence ?confidence . "
            "?d dcterms:identifier ?doc }",
            e=node,
        )
        for row in evidence:
            outgoing = row["s"] == iri
            key = (row["p"], row["o"] if outgoing else row["s"], outgoing)
            if key in found:
                found[key].evidence.append(
                    Evidence(
                        row["doc"],
                        row["sentence"],
                        int(row["start"]),
                        int(row["end"]),
                        row["rule"],
                        row["confidence"],
                    )
                )
        for relation in found.values():
            relation.evidence.sort(key=lambda e: (e.document, e.start))
        return sorted(
            found.values(), key=lambda r: (not r.outgoing, r.predicate, r.other_label, r.other)
        )

    def _figures(self, iri: str) -> list[Figure]:
        rows = self._select(
            "SELECT ?text ?value ?unit ?indicator ?date ?sentence ?doc ?start ?end ?programme "
            "WHERE { "
            "?m a kg:Measurement ; kg:about ?e ; kg:surfaceForm ?text ; "
            "kg:value ?value ; kg:unit ?unit ; kg:sentence ?sentence ; kg:inDocument ?d ; "
            "kg:startOffset ?start ; kg:endOffset ?end . ?d dcterms:identifier ?doc . "
            "OPTIONAL { ?m kg:indicator ?indicator } OPTIONAL { ?m kg:date ?date } "
            "OPTIONAL { ?m kg:forProgram ?p . ?p rdfs:label ?programme } }",
            e=pyoxigraph.NamedNode(iri),
        )
        figures = [
            Figure(
                r["text"],
                r["value"],
                r["unit"],
                r["indicator"],
                r["date"],
                r["sentence"],
                r["doc"],
                int(r["start"]),
                int(r["end"]),
                r["programme"],
            )
            for r in rows
        ]
        return sorted(figures, key=lambda f: (f.document, f.start))

    def _documents(self, iri: str) -> list[tuple[str, str, list[tuple[int, int]]]]:
        rows = self._select(
            "SELECT ?doc ?title ?start ?end WHERE { "
            "?m kg:mentionOf ?e ; kg:inDocument ?d ; kg:startOffset ?start ; "
            "kg:endOffset ?end . ?d dcterms:identifier ?doc . "
            "OPTIONAL { ?d dcterms:title ?title } }",
            e=pyoxigraph.NamedNode(iri),
        )
        by_doc: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        for row in rows:
            by_doc.setdefault(row["doc"], (row["title"], []))[1].append(
                (int(row["start"]), int(row["end"]))
            )
        return [(doc, title, sorted(spans)) for doc, (title, spans) in sorted(by_doc.items())]

    def neighbours(self, iri: str, *, limit: int = NEIGHBOURS) -> dict[str, Any]:
        """``iri`` and its most connected neighbours as vis-network nodes and edges, and how
        many more there are."""
        rows = self._select(_LINKS, e=pyoxigraph.NamedNode(iri))
        others = sorted(
            {r["o"] for r in rows if r["o"] in self.labels},
            key=lambda o: (-self.degree.get(o, 0), self.labels[o][0], o),
        )
        kept = set(others[:limit])
        nodes = [self._vis_node(o) for o in [iri, *others[:limit]]]
        edges = []
        for row in sorted(rows, key=lambda r: (r["p"], r["o"], r["out"])):
            if row["o"] in kept:
                source, target = (iri, row["o"]) if row["out"] == "true" else (row["o"], iri)
                label = row["p"].rsplit("#", 1)[-1]
                edges.append(
                    {
                        "id": f"{source}|{label}|{target}",
                        "from": source,
                        "to": target,
                        "label": label,
                    }
                )
        return {"nodes": nodes, "edges": edges, "more": max(0, len(others) - limit)}

    def _vis_node(self, iri: str) -> dict[str, Any]:
        label, top = self.labels[iri]
        return {"id": iri, "label": label, "group": top, "degree": self.degree.get(iri, 0)}

    def document(self, identifier: str) -> Document | None:
        """The document ``identifier`` with its mentions (offsets into the original)."""
        rows = self._select(
            "SELECT ?d ?file ?sha ?title WHERE { ?d a kg:Document ; dcterms:identifier ?doc ; "
            "kg:sourceFile ?file ; kg:sha256 ?sha . OPTIONAL { ?d dcterms:title ?title } }",
            doc=pyoxigraph.Literal(identifier),
        )
        if not rows:
            return None
        row = rows[0]
        mentions = sorted(
            (int(m["start"]), int(m["end"]), m["e"], self.labels.get(m["e"], (m["e"], ""))[0])
            for m in self._select(
                "SELECT ?start ?end ?e WHERE { ?m kg:inDocument ?d ; "
                "kg:mentionOf ?e ; kg:startOffset ?start ; kg:endOffset ?end }",
                d=pyoxigraph.NamedNode(row["d"]),
            )
        )
        raw = self._original(identifier, row["file"], row["sha"])
        if raw is not None:
            return Document(identifier, row["title"], row["file"], raw.text, True, mentions)
        stories = self._select(
            "SELECT ?i ?text WHERE { ?d kg:hasStory ?s . ?s kg:storyIndex ?i ; kg:text ?text }",
            d=pyoxigraph.NamedNode(row["d"]),
        )
        text = "\n\n".join(s["text"] for s in sorted(stories, key=lambda s: int(s["i"])))
        note = (
            "The original file is not in the corpus this graph was built from (or has changed "
            "since): this is the cleaned text of its stories, without the mentions' offsets."
        )
        return Document(identifier, row["title"], row["file"], text, False, [], note)

    def _original(self, identifier: str, source: str, sha256: str) -> RawDocument | None:
        if self.corpus is None:
            return None
        root = self.corpus.resolve()
        path = (root / source).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return None  # only files inside the corpus, never a path the graph names outside
        try:
            for item in load_file(path, root):
                if isinstance(item, RawDocument) and item.identifier == identifier:
                    return item if item.sha256 == sha256 else None
        except OSError:
            return None
        return None


def open_explorer(out_dir: Path, *, corpus: Path | None = None) -> Explorer:
    """The explorer of a build's output folder: its store if it was built with
    ``-f store``, else its ``graph.ttl`` loaded into a scratch store (removed when the
    explorer goes); the corpus from ``report.json`` unless ``corpus`` is given.

    Raises:
        KGError: E170 when the folder holds no built graph, E110 when its graph.ttl
            cannot be read.
    """
    from kg.errors import Errors, KGError
    from kg.exports.store import STORE_DIR, load_store, open_store
    from kg.outputs import recover

    recover(out_dir)  # a build killed while publishing is finished first
    scratch: Path | None = None
    if (out_dir / STORE_DIR).is_dir():
        dataset = Dataset(out_dir / STORE_DIR, "store")
    elif (out_dir / "graph.ttl").is_file():
        scratch = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        try:
            dataset = load_store(out_dir / "graph.ttl", scratch / STORE_DIR)
        except KGError:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
    else:
        raise KGError(Errors.E170, path=out_dir)
    if corpus is None:
        report = out_dir / "report.json"
        try:
            recorded = json.loads(report.read_text(encoding="utf-8")).get("corpus")
        except (OSError, ValueError):
            recorded = None
        corpus = Path(recorded) if isinstance(recorded, str) else None
    explorer = Explorer(open_store(dataset.path), dataset, corpus)
    if scratch is not None:
        weakref.finalize(explorer, shutil.rmtree, scratch, ignore_errors=True)
    return explorer
