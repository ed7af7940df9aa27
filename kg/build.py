"""``kg build``: corpus folder -> graph -> exports and report.json."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.namespace import RDF

from kg.cache import DocumentCache
from kg.corpus.load import discover, load_file
from kg.corpus.prepare import prepare
from kg.engines import Engine, LocalEngine
from kg.errors import Errors, KGError
from kg.exports import get_exporter
from kg.graph.model import add_document, add_entities, add_mentions, add_relations, new_graph
from kg.graph.namespaces import ENTITY_TYPES, KG, RELATION_TYPES
from kg.linking.resolver import Linked, link_document
from kg.nlp.pipeline import DEFAULT_CONFIG, load_pipeline
from kg.relations.rules import extract_relations
from kg.types import Document, Entity, RawDocument, Skipped

__all__ = ["DEFAULT_FORMATS", "BuildResult", "analyse", "build", "build_graph"]

DEFAULT_FORMATS: tuple[str, ...] = ("turtle", "trig", "html", "neo4j", "graphml")


@dataclass
class BuildResult:
    """What a build produced: the graph, the documents, what was skipped."""

    graph: Graph
    documents: list[Document] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    cache: dict[str, int] = field(default_factory=dict)

    def report(self) -> dict[str, Any]:
        """The content of ``report.json``."""
        g = self.graph
        entities = {t: len(set(g.subjects(RDF.type, KG[t]))) for t in ENTITY_TYPES}
        relations = {p: len(list(g.triples((None, KG[p], None)))) for p in RELATION_TYPES}
        encodings = Counter(d.raw.encoding for d in self.documents)
        return {
            "documents_read": len(self.documents),
            "stories": sum(len(d.stories) for d in self.documents),
            "entities": entities,
            "relations": relations,
            "triples": len(g),
            "encodings": dict(sorted(encodings.items())),
            "warnings": [w for d in self.documents for w in d.warnings],
            "skipped": [{"path": s.path, "code": s.code, "reason": s.reason} for s in self.skipped],
            "cache": self.cache,
            "timings_seconds": {k: round(v, 3) for k, v in self.timings.items()},
        }


def analyse(task: tuple[RawDocument, Path]) -> tuple[Document, Linked]:
    """The per-document step: one raw document cleaned, split and linked with a pipeline
    config (a picklable function of picklable values, for any engine's workers)."""
    raw, pipeline = task
    document = prepare(raw)
    linked = link_document(document, load_pipeline(pipeline))
    document = replace(document, mentions=tuple(linked.mentions))
    relations = tuple(extract_relations(document, linked.entities))
    return replace(document, relations=relations), linked


def _read(
    corpus: Path, result: BuildResult, on_skip: Callable[[Skipped], None] | None
) -> Iterator[tuple[Path, RawDocument | None]]:
    """Every readable document under ``corpus``, with its file; ``None`` closes a file."""
    for path in discover(corpus):
        for item in load_file(path, corpus):
            if isinstance(item, Skipped):
                result.skipped.append(item)
                if on_skip:
                    on_skip(item)
            else:
                yield path, item
        yield path, None


def build_graph(
    corpus: Path,
    *,
    cache: DocumentCache | None = None,
    pipeline: Path = DEFAULT_CONFIG,
    engine: Engine | None = None,
    on_file: Callable[[Path], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> BuildResult:
    """Read, clean and split every document under ``corpus`` into one graph.

    With a ``cache``, documents analysed before (same text, same code and lexicons) are
    read back instead of analysed again. ``pipeline`` is the spaCy config to analyse with
    (a cache is only valid for the default one). ``engine`` runs the per-document step
    (:mod:`kg.engines`; default: in this process); results come back in corpus order, so
    the graph is the same on every engine.
    """
    started = time.perf_counter()
    result = BuildResult(graph=new_graph())
    engine = engine or LocalEngine()
    entries: list[tuple[Path, RawDocument | None, tuple[Document, Linked] | None]] = []
    for path, item in _read(corpus, result, on_skip):
        cached = cache.get(item) if cache and item is not None else None
        entries.append((path, item, cached))
    misses = [(item, pipeline) for _p, item, cached in entries if item and cached is None]
    analysed = engine.map(analyse, misses)
    entities = result.entities
    for path, item, cached in entries:
        if item is None:
            if on_file:
                on_file(path)
            continue
        if cached is None:
            document, linked = next(analysed)
            if cache:
                cache.put(item, document, linked)
        else:
            document, linked = cached
        for key, entity in linked.entities.items():
            if key in entities:
                entities[key].absorb(entity)
            else:
                entities[key] = entity
        result.documents.append(document)  # with its mentions and relations (analyse)
    result.timings["read_and_link"] = time.perf_counter() - started
    if cache:
        result.cache = {"hits": cache.hits, "misses": cache.misses}
    graph_started = time.perf_counter()
    iris = add_entities(result.graph, entities)
    for document in result.documents:
        add_document(result.graph, document)
        add_mentions(result.graph, document, iris)
        add_relations(result.graph, document, iris)
    result.timings["graph"] = time.perf_counter() - graph_started
    return result


def build(
    corpus: Path,
    out: Path,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    cache: DocumentCache | None = None,
    pipeline: Path = DEFAULT_CONFIG,
    engine: Engine | None = None,
    on_file: Callable[[Path], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> BuildResult:
    """Build the graph of ``corpus`` and write every export and ``report.json`` to ``out``.

    Raises:
        KGError: E106 when no document at all could be read.
    """
    started = time.perf_counter()
    result = build_graph(
        corpus, cache=cache, pipeline=pipeline, engine=engine, on_file=on_file, on_skip=on_skip
    )
    out.mkdir(parents=True, exist_ok=True)
    if result.documents:
        export_started = time.perf_counter()
        for name in formats:
            get_exporter(name)(result.graph, out)
        result.timings["export"] = time.perf_counter() - export_started
    result.timings["total"] = time.perf_counter() - started
    report = json.dumps(result.report(), ensure_ascii=False, indent=2, sort_keys=False)
    (out / "report.json").write_text(report + "\n", encoding="utf-8")
    if not result.documents:
        raise KGError(Errors.E106, path=corpus, count=len(result.skipped))
    return result
