"""A build's triples go to disk as they are made; every export streams from there.

:class:`GraphSink` takes one :class:`~kg.graph.parts.DocumentPart` after another (in
corpus order): the document's Turtle blocks go to an SQLite table on disk, its entity
records are merged by key, its relation triples and view facts go to tables whose size
grows with entities and relations, not with mentions. :meth:`GraphSink.finish` formats
the entities' blocks and gives a :class:`StreamedGraph`, which writes Turtle and TriG by
reading the blocks back in subject order (SQLite sorts them on disk) and makes the
networkx view from the merged facts. The bytes are those of the same triples written
from one rdflib graph (:class:`kg.graph.built.MemoryGraph`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from types import TracebackType

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.graph.built import Counts
from kg.graph.figures import FigureRow, check_figure_row
from kg.graph.model import add_entities, entity_iri, new_graph
from kg.graph.parts import DocumentPart
from kg.graph.rdfwriter import named_graph, sort_key, subject_blocks, trig_chunks, turtle_chunks
from kg.graph.view import Evidence, ViewFacts, assemble, collect
from kg.types import Entity, merge_entity
from kg.vocab.ontology import ENTITY_TYPES, KG, RELATION_TYPES

__all__ = ["ENTITY_BATCH", "GraphSink", "StreamedGraph"]

#: Entities formatted together in one small rdflib graph when a sink finishes.
ENTITY_BATCH = 2000

_SCHEMA = """
CREATE TABLE blocks (key TEXT NOT NULL, shared INTEGER NOT NULL, block TEXT NOT NULL);
CREATE TABLE graphs (key TEXT NOT NULL, graph TEXT NOT NULL);
CREATE TABLE figures (id TEXT NOT NULL, row TEXT NOT NULL);
CREATE TABLE evidence (
    s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL, key TEXT NOT NULL,
    document TEXT NOT NULL, sentence TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, rule TEXT NOT NULL, confidence REAL NOT NULL, role TEXT NOT NULL
);
"""
_FIELDS = ("document", "sentence", "start", "end", "rule", "confidence", "role")


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    # a scratch database: it is rebuilt from the corpus if anything goes wrong
    connection.executescript(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;"
    )
    return connection


class GraphSink:
    """Receives document parts in corpus order and spills their triples to ``folder``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.path = folder / "blocks.sqlite3"
        self.path.unlink(missing_ok=True)
        self._db = _connect(self.path)
        self._db.executescript(_SCHEMA)
        self.entities: dict[str, Entity] = {}
        #: how many documents name each person (persons merge across documents)
        self.person_documents: Counter[str] = Counter()
        self.facts = ViewFacts()
        self._relations: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
        self._prefixes: dict[str, str] = {}
        self._name_prefixes: dict[str, str] = {}
        self._triples = 0

    def add(self, part: DocumentPart) -> None:
        """Take one document's part."""
        for entity in part.entities:
            merge_entity(self.entities, entity)  # copied: a cache may hold the part
            if entity.type == "Person":
                self.person_documents[entity.key] += 1
        self._db.executemany("INSERT INTO blocks VALUES (?, 0, ?)", part.blocks)
        graph = named_graph(part.name, (block for _key, block in part.blocks))
        self._db.execute("INSERT INTO graphs VALUES (?, ?)", (part.key, graph))
        for s, p, o in part.relations:
            self._relations[s].add((p, o))
        self._db.executemany(
            "INSERT INTO figures VALUES (?, ?)",
            ((row["id"], json.dumps(row, ensure_ascii=False)) for row in part.figures),
        )
        # evidence grows with assertions: it waits on disk until the view is made
        self._db.executemany(
            "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (*triple, key, *(item[name] for name in _FIELDS))
                for triple, items in part.facts.evidence.items()
                for key, item in items
            ),
        )
        self.facts.merge(part.facts, evidence=False)
        self._prefixes.update(part.prefixes)
        self._name_prefixes.update(part.name_prefixes)
        self._triples += part.triples

    def finish(self) -> StreamedGraph:
        """Write the entities' blocks (with their relation triples) and close the sink."""
        by_iri: defaultdict[str, list[str]] = defaultdict(list)
        for key, entity in self.entities.items():
            by_iri[str(entity_iri(entity))].append(key)
        subjects = sorted(set(by_iri) | set(self._relations))
        entities = dict.fromkeys(ENTITY_TYPES, 0)
        relations = dict.fromkeys(RELATION_TYPES, 0)
        for start in range(0, len(subjects), ENTITY_BATCH):
            batch = subjects[start : start + ENTITY_BATCH]
            graph = self._entity_graph(batch, by_iri)
            blocks, used = subject_blocks(graph)
            self._db.executemany(
                "INSERT INTO blocks VALUES (?, 1, ?)",
                ((sort_key(subject), block) for subject, block in blocks.items()),
            )
            self._prefixes.update(used)
            self._triples += len(graph)
            self.facts.merge(collect(graph))
            for name in ENTITY_TYPES:
                entities[name] += sum(1 for _ in graph.subjects(RDF.type, KG[name]))
            for name in RELATION_TYPES:
                relations[name] += sum(1 for _ in graph.triples((None, KG[name], None)))
        self._db.commit()
        self._db.close()
        self._relations.clear()
        return StreamedGraph(
            self.folder,
            self.path,
            prefixes=dict(self._prefixes),
            name_prefixes=dict(self._name_prefixes),
            triples=self._triples,
            counts=(entities, relations),
            facts=self.facts,
        )

    def _entity_graph(self, subjects: list[str], by_iri: dict[str, list[str]]) -> Graph:
        graph = new_graph()
        add_entities(graph, {k: self.entities[k] for s in subjects for k in by_iri.get(s, ())})
        for subject in subjects:
            for predicate, obj in self._relations.get(subject, ()):
                graph.add((URIRef(subject), URIRef(predicate), URIRef(obj)))
        return graph

    def close(self) -> None:
        """Drop everything spilled (the sink was not finished, or its graph is done)."""
        try:
            self._db.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> GraphSink:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is not None:
            self.close()


class StreamedGraph:
    """A finished sink's graph: Turtle and TriG read back from disk in order, the view
    made from the merged facts. :meth:`close` removes the spilled blocks."""

    def __init__(
        self,
        folder: Path,
        path: Path,
        *,
        prefixes: dict[str, str],
        name_prefixes: dict[str, str],
        triples: int,
        counts: Counts,
        facts: ViewFacts,
    ) -> None:
        self.folder = folder
        self.path = path
        self.prefixes = prefixes
        self.name_prefixes = name_prefixes
        self.triples = triples
        self._counts = counts
        self._facts = facts
        self._view: nx.MultiDiGraph | None = None

    def __len__(self) -> int:
        return self.triples

    def counts(self) -> Counts:
        return self._counts

    def view(self) -> nx.MultiDiGraph:
        if self._view is None:
            self._view = assemble(self._facts, self._evidence())
        return self._view

    def _evidence(self) -> Iterator[Evidence]:
        columns = ", ".join(f'"{name}"' for name in _FIELDS)
        query = f"SELECT s, p, o, {columns} FROM evidence ORDER BY s, p, o, key"
        connection = _connect(self.path)
        try:
            rows = connection.execute(query)
            for triple, group in groupby(rows, key=lambda row: row[:3]):
                yield triple, [dict(zip(_FIELDS, row[3:], strict=True)) for row in group]
        finally:
            connection.close()

    def _rows(self, query: str) -> Iterator[str]:
        connection = _connect(self.path)
        try:
            for (text,) in connection.execute(query):
                yield text
        finally:
            connection.close()

    def figures(self) -> Iterator[FigureRow]:
        for text in self._rows("SELECT row FROM figures ORDER BY id"):
            yield check_figure_row(json.loads(text))

    def turtle_chunks(self) -> Iterator[str]:
        blocks = self._rows("SELECT block FROM blocks ORDER BY key")
        return turtle_chunks(blocks, self.prefixes)

    def trig_chunks(self) -> Iterator[str]:
        shared = self._rows("SELECT block FROM blocks WHERE shared = 1 ORDER BY key")
        graphs = self._rows("SELECT graph FROM graphs ORDER BY key")
        return trig_chunks(shared, graphs, self.prefixes | self.name_prefixes)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
