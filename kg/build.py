"""``kg build``: corpus folder -> graph -> exports and report.json.

A build streams: each document is analysed (on any engine) into a
:class:`~kg.graph.parts.DocumentPart`, the parts go to a :class:`~kg.graph.sink.GraphSink`
in corpus order, and the exports are written from the sink's graph, whose triples are on
disk. Memory grows with the corpus's entities and relations, not with its mentions.
:func:`analyse_corpus` is the same analysis held in memory, for small corpora and as the
reference a streamed build is tested against.
"""

from __future__ import annotations

import json
import shutil
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Graph
from spacy.language import Language
from spacy.tokens import Doc

from kg.budget import OverBudget, budget
from kg.cache import DocumentCache
from kg.corpus.load import load_file, scan
from kg.corpus.prepare import prepare
from kg.engines import MIN_POOL_ITEMS, Engine, LocalEngine
from kg.errors import Errors, KGError
from kg.exports import get_exporter, output_names
from kg.figures.link import find_measurements
from kg.graph.built import BuiltGraph, MemoryGraph
from kg.graph.model import (
    add_document,
    add_entities,
    add_measurements,
    add_mentions,
    add_relations,
    new_graph,
)
from kg.graph.parts import DocumentPart, document_part
from kg.graph.sink import GraphSink
from kg.learn.layer import DEFAULT_MODELS, Models, decide_relations, keep_entities, load_models
from kg.linking.persons import anchor_persons, person_report
from kg.linking.resolver import Linked, link_document, recognise
from kg.nlp.pipeline import DEFAULT_CONFIG, load_pipeline
from kg.outputs import locked, publish, staging
from kg.relations.rules import extract_relations
from kg.types import Document, Entity, RawDocument, Skipped, merge_entity

__all__ = [
    "BATCH_DOCUMENTS",
    "DEFAULT_FORMATS",
    "BuildResult",
    "CorpusAnalysis",
    "DocumentLimits",
    "DocumentRead",
    "analyse",
    "analyse_batch",
    "analyse_corpus",
    "analyse_document",
    "analysed_document",
    "batched",
    "build",
    "stream_graph",
]

DEFAULT_FORMATS: tuple[str, ...] = ("turtle", "trig", "html", "neo4j", "graphml")


@dataclass(frozen=True)
class DocumentLimits:
    """What one document may cost: characters of clean text (a news page has tens of
    thousands; past the limit it is not analysed at all), seconds and MiB of memory gained
    while it is analysed (past them it is stopped). A document past a limit is left out
    with a coded error (E119, E121, E122) and the rest of the corpus is built; time and
    memory are enforced in worker processes and in this process's main thread."""

    chars: int = 500_000
    seconds: float = 300.0
    memory_mib: float = 2048.0


_T = TypeVar("_T")


@dataclass(frozen=True)
class DocumentRead:
    """What the report says about one document read."""

    identifier: str
    encoding: str
    stories: int
    warnings: tuple[str, ...]


@dataclass
class BuildResult:
    """What a build produced: the graph, the documents read, what was skipped."""

    built: BuiltGraph
    documents: list[DocumentRead] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    files: list[tuple[str, int]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    cache: dict[str, int] = field(default_factory=dict)
    person_documents: dict[str, int] = field(default_factory=dict)
    out: Path | None = None
    corpus: Path | None = None
    _graph: Graph | None = None

    @property
    def graph(self) -> Graph:
        """The graph as an rdflib graph: for small builds and tests (a streamed build's is
        parsed from the ``graph.ttl`` it wrote, on first use)."""
        if isinstance(self.built, MemoryGraph):
            return self.built.graph
        if self._graph is None:
            path = self.out / "graph.ttl" if self.out else None
            if path is None or not path.is_file():
                raise KGError(Errors.E107, path=path)
            self._graph = Graph().parse(path, format="turtle")
        return self._graph

    def report(self) -> dict[str, Any]:
        """The content of ``report.json``."""
        entities, relations = self.built.counts()
        encodings = Counter(d.encoding for d in self.documents)
        return {
            # where kg serve finds the original files (their offsets are the graph's)
            "corpus": str(self.corpus.resolve()) if self.corpus else None,
            "documents_read": len(self.documents),
            "stories": sum(d.stories for d in self.documents),
            "entities": entities,
            "relations": relations,
            "triples": len(self.built),
            "encodings": dict(sorted(encodings.items())),
            "persons": person_report(self.entities.values(), self.person_documents),
            "warnings": [w for d in self.documents for w in d.warnings],
            "skipped": [{"path": s.path, "code": s.code, "reason": s.reason} for s in self.skipped],
            "files_read": [{"path": path, "documents": count} for path, count in self.files],
            "cache": self.cache,
            "timings_seconds": {k: round(v, 3) for k, v in self.timings.items()},
        }


def analyse_document(
    raw: RawDocument,
    pipeline: Path = DEFAULT_CONFIG,
    *,
    models: Path | None = DEFAULT_MODELS,
    span_model: Path | str | None = "shipped",
    programme_model: Path | str | None = "shipped",
    organisation_model: Path | str | None = "shipped",
) -> tuple[Document, Linked]:
    """One raw document cleaned, split and linked, with its mentions, relations and
    figures; the learned layer's ``models``, ``span_model``, ``programme_model`` and
    ``organisation_model`` decide over and add to the rules' proposals (``None``: the
    rules alone)."""
    nlp = load_pipeline(
        pipeline,
        span_model=span_model,
        programme_model=programme_model,
        organisation_model=organisation_model,
    )
    return analysed_document(prepare(raw), nlp, load_models(models))


def analysed_document(
    document: Document, nlp: Language, learned: Models, *, stories: list[Doc] | None = None
) -> tuple[Document, Linked]:
    """:func:`analyse_document` of a prepared document with a loaded pipeline and
    models (``stories``: its stories already recognised, see
    :func:`~kg.linking.resolver.recognise`)."""
    linked = link_document(document, nlp, stories=stories)
    if learned.entities is not None:
        entities, mentions = keep_entities(
            document, linked.entities, linked.mentions, learned.entities
        )
        linked = Linked(entities, mentions)
    document = replace(document, mentions=tuple(linked.mentions))
    relations = tuple(extract_relations(document, linked.entities))
    if learned.relations is not None:
        relations = decide_relations(
            replace(document, relations=relations), linked.entities, learned.relations
        )
    measurements = tuple(find_measurements(document, linked.entities))
    document = replace(document, relations=relations, measurements=measurements)
    document, entities = anchor_persons(document, linked.entities)
    return document, Linked(entities, list(document.mentions))


#: How much longer than its clean text a raw document can be (HTML markup, scripts).
_MARKUP_RATIO = 8

#: A per-document task: the raw document, the pipeline config and the document's limits.
Task = tuple[RawDocument, Path] | tuple[RawDocument, Path, DocumentLimits]


def _skipped(template: str, path: str, **fields: object) -> Skipped:
    failure = KGError(template, path=path, **fields)
    return Skipped(path=path, code=failure.code, reason=str(failure))


def _unpacked(task: Task) -> tuple[RawDocument, Path, DocumentLimits]:
    return task if len(task) == 3 else (*task, DocumentLimits())


def _within(raw: RawDocument, limits: DocumentLimits, step: Callable[[], _T]) -> _T | Skipped:
    """``step()`` within the document's limits, or what the document becomes past them
    (E121, E122) or when its analysis fails (E112)."""
    try:
        with budget(seconds=limits.seconds, memory_mib=limits.memory_mib):
            return step()
    except OverBudget as over:
        if over.kind == "time":
            return _skipped(Errors.E121, raw.identifier, seconds=limits.seconds)
        return _skipped(Errors.E122, raw.identifier, mib=int(limits.memory_mib))
    except (KGError, OSError):
        raise  # the pipeline itself is broken: every document would fail the same way
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"[:500]
        return _skipped(Errors.E112, raw.identifier, reason=reason)


def _past_markup(raw: RawDocument, limits: DocumentLimits) -> Skipped | None:
    """E119 for a raw document that no cleaning brings within the character limit."""
    if len(raw.text) > _MARKUP_RATIO * limits.chars:
        return _skipped(Errors.E119, raw.identifier, chars=len(raw.text), limit=limits.chars)
    return None


def _prepared(raw: RawDocument, limits: DocumentLimits) -> Document | Skipped:
    """``raw`` cleaned and split, or E119 when it is past the character limit."""
    too_long = _past_markup(raw, limits)
    if too_long is not None:
        return too_long
    document = prepare(raw)
    if len(document.clean.text) > limits.chars:
        chars = len(document.clean.text)
        return _skipped(Errors.E119, raw.identifier, chars=chars, limit=limits.chars)
    return document


def _part(document: Document, pipeline: Path, stories: list[Doc] | None = None) -> DocumentPart:
    document, linked = analysed_document(
        document, load_pipeline(pipeline), load_models(), stories=stories
    )
    return document_part(document, linked.entities)


def analyse(task: Task) -> DocumentPart | Skipped:
    """The per-document step: one raw document, a pipeline config and the document's
    limits in, its part of the graph out (a picklable function of picklable values, for
    any engine's workers).

    A document whose analysis fails comes back as a :class:`~kg.types.Skipped` (E112,
    with the reason), one past its limits too (E119, E121, E122), so that one bad
    document never stops the corpus.
    """
    raw, pipeline, limits = _unpacked(task)
    too_long = _past_markup(raw, limits)
    if too_long is not None:  # before anything is loaded
        return too_long
    load_pipeline(pipeline)  # loaded once per process, outside any document's budget
    load_models()

    def whole() -> DocumentPart | Skipped:
        document = _prepared(raw, limits)
        return document if isinstance(document, Skipped) else _part(document, pipeline)

    return _within(raw, limits, whole)


def analyse_batch(tasks: Sequence[Task]) -> list[DocumentPart | Skipped]:
    """:func:`analyse` of each of ``tasks``, in order, with the spaCy pipeline run over the
    stories of all of them at once: the statistical recogniser then fills its model calls
    with sentences of many documents (about 1.3 times faster), and a sentence's tags do
    not depend on its batch (:mod:`kg.nlp.lac`), so every part is the one :func:`analyse`
    makes. Each document is cleaned and linked within its own limits; if the shared run
    fails or goes past one document's limits, each document is analysed alone.
    """
    unpacked = [_unpacked(task) for task in tasks]
    if len(unpacked) < 2 or len({(p, limits) for _raw, p, limits in unpacked}) > 1:
        return [analyse(task) for task in tasks]
    pipeline, limits = unpacked[0][1], unpacked[0][2]
    nlp = load_pipeline(pipeline)
    load_models()
    found = [_within(raw, limits, partial(_prepared, raw, limits)) for raw, _, _ in unpacked]
    documents = [item for item in found if isinstance(item, Document)]
    try:
        with budget(seconds=limits.seconds, memory_mib=limits.memory_mib):
            recognised = recognise(documents, nlp)
    except (KGError, OSError):
        raise
    except (Exception, OverBudget):  # one of them is pathological: each alone
        return [analyse(task) for task in tasks]
    stories = iter(recognised)
    parts: list[DocumentPart | Skipped] = []
    for (raw, _, _), item in zip(unpacked, found, strict=True):
        if isinstance(item, Document):
            parts.append(_within(raw, limits, partial(_part, item, pipeline, next(stories))))
        else:
            parts.append(item)
    return parts


def lost(task: Task, reason: str) -> DocumentPart | Skipped:
    """What a document whose worker died twice becomes (E123)."""
    return _skipped(Errors.E123, task[0].identifier, reason=reason)


def _read(
    corpus: Path,
    report: Callable[[Skipped], None],
    exclude: tuple[Path, ...] = (),
    on_scan: Callable[[int], None] | None = None,
) -> Iterator[tuple[Path, RawDocument | None]]:
    """Every readable document under ``corpus``, with its file; ``None`` closes a file.
    Every entry not read goes to ``report``; ``on_scan`` learns how many files will be
    read (once, before the first)."""
    found = scan(corpus, exclude=exclude)
    if on_scan:
        on_scan(len(found.files))
    for item in found.skipped:
        report(item)
    for path in found.files:
        for document in load_file(path, corpus):
            if isinstance(document, Skipped):
                report(document)
            else:
                yield path, document
        yield path, None


#: A worker's unit of work: this many documents, or fewer holding this many characters.
BATCH_DOCUMENTS, BATCH_CHARACTERS = 16, 200_000


def batched(
    tasks: Iterable[Task], *, documents: int = BATCH_DOCUMENTS, chars: int = BATCH_CHARACTERS
) -> Iterable[list[Task]]:
    """``tasks`` in runs of at most ``documents`` documents and, past the first, at most
    ``chars`` characters of raw text (a list of runs for a list of tasks, so that an
    engine still sees how few there are).

    >>> raw = RawDocument("a", "a", "工会" * 10, "utf-8", "text/plain", "")
    >>> [len(b) for b in batched([(raw, Path())] * 5, documents=2)]
    [2, 2, 1]
    >>> [len(b) for b in batched([(raw, Path())] * 5, chars=45)]
    [2, 2, 1]
    """

    def runs() -> Iterator[list[Task]]:
        run: list[Task] = []
        size = 0
        for task in tasks:
            length = len(task[0].text)
            if run and (len(run) == documents or size + length > chars):
                yield run
                run, size = [], 0
            run.append(task)
            size += length
        if run:
            yield run

    return list(runs()) if isinstance(tasks, list) else runs()


def _sized_if_short(items: Iterator[_T], size: int) -> Iterable[_T]:
    """``items``, as a list when there are fewer than ``size`` (an engine then decides
    whether a pool is worth starting), else as a stream."""
    head = list(islice(items, size))
    return head if len(head) < size else chain(head, items)


def stream_graph(
    corpus: Path,
    folder: Path,
    *,
    cache: DocumentCache | None = None,
    pipeline: Path = DEFAULT_CONFIG,
    engine: Engine | None = None,
    on_file: Callable[[Path], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    exclude: tuple[Path, ...] = (),
    limits: DocumentLimits = DocumentLimits(),
    on_scan: Callable[[int], None] | None = None,
    batch: int = BATCH_DOCUMENTS,
) -> BuildResult:
    """Analyse every document under ``corpus`` into a graph spilled to ``folder``.

    With a ``cache``, documents analysed before (same text, same code and lexicons) are
    read back instead of analysed again. ``pipeline`` is the spaCy config to analyse with
    (a cache is only valid for the default one). ``engine`` runs the per-document step
    (:mod:`kg.engines`; default: in this process); results come back in corpus order and
    go to the sink in that order, so the graph is the same on every engine. Workers take
    ``batch`` documents at a time (:func:`analyse_batch`: the same parts for any size).
    """
    started = time.perf_counter()
    engine = engine or LocalEngine()
    skipped: list[Skipped] = []
    documents: list[DocumentRead] = []
    files: list[tuple[str, int]] = []
    per_file: Counter[str] = Counter()
    # every document and file end read so far and not yet taken, with its cached part
    pending: deque[tuple[Path, RawDocument | None, DocumentPart | None]] = deque()

    def report(item: Skipped) -> None:
        skipped.append(item)
        if on_skip:
            on_skip(item)

    def misses() -> Iterator[tuple[RawDocument, Path, DocumentLimits]]:
        for path, item in _read(corpus, report, exclude, on_scan):
            cached = cache.get(item) if cache and item is not None else None
            pending.append((path, item, cached))
            if item is not None and cached is None:
                yield item, pipeline, limits

    with GraphSink(folder) as sink:

        def take(part: DocumentPart | Skipped) -> None:
            if isinstance(part, Skipped):
                report(part)
                return
            sink.add(part)
            per_file[part.path] += 1
            documents.append(
                DocumentRead(part.identifier, part.encoding, part.stories, part.warnings)
            )

        def take_read_until_miss() -> RawDocument | None:
            """Take the hits and file ends before the next document to analyse."""
            while pending:
                path, item, cached = pending.popleft()
                if item is None:
                    name = path.relative_to(corpus).as_posix()
                    files.append((name, per_file.pop(name, 0)))
                    if on_file:
                        on_file(path)
                elif cached is not None:
                    take(cached)
                else:
                    return item
            return None

        tasks = _sized_if_short(misses(), MIN_POOL_ITEMS)
        for parts in engine.map_batches(analyse_batch, batched(tasks, documents=batch), lost=lost):
            for part in parts:
                item = take_read_until_miss()
                if cache and item is not None and isinstance(part, DocumentPart):
                    cache.put(item, part)
                take(part)
        take_read_until_miss()
        read = time.perf_counter()
        built = sink.finish()
    result = BuildResult(built, documents, sink.entities, skipped, files)
    result.person_documents = dict(sink.person_documents)
    result.timings["read_and_link"] = read - started
    result.timings["graph"] = time.perf_counter() - read
    if cache:
        pruned = cache.prune()
        result.cache = {
            "hits": cache.hits,
            "misses": cache.misses,
            "rejected": cache.rejected,
            "pruned": pruned,
        }
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
    limits: DocumentLimits = DocumentLimits(),
    on_scan: Callable[[int], None] | None = None,
    batch: int = BATCH_DOCUMENTS,
) -> BuildResult:
    """Build the graph of ``corpus`` and write every export and ``report.json`` to ``out``.

    The exports are written to a staging folder and replace the previous ones only when
    all are written (:mod:`kg.outputs`).

    Raises:
        KGError: E106 when no document at all could be read, E117 when another build is
            writing to ``out``, E124 when ``out`` is the corpus folder.
    """
    started = time.perf_counter()
    if out.resolve() == corpus.resolve():
        raise KGError(Errors.E124, path=out)
    with locked(out), staging(out) as stage:
        result = stream_graph(
            corpus,
            stage / ".spill",
            cache=cache,
            pipeline=pipeline,
            engine=engine,
            on_file=on_file,
            on_skip=on_skip,
            exclude=(out,),
            limits=limits,
            on_scan=on_scan,
            batch=batch,
        )
        result.out, result.corpus = out, corpus
        if result.documents:
            export_started = time.perf_counter()
            for name in formats:
                get_exporter(name)(result.built, stage)
            result.timings["export"] = time.perf_counter() - export_started
        shutil.rmtree(stage / ".spill", ignore_errors=True)  # scratch, never published
        result.timings["total"] = time.perf_counter() - started
        report = json.dumps(result.report(), ensure_ascii=False, indent=2, sort_keys=False)
        (stage / "report.json").write_text(report + "\n", encoding="utf-8")
        # a build that read nothing replaces only the report, and says why
        known = output_names() if result.documents else set()
        publish(stage, out, known=known)
    if not result.documents:
        raise KGError(Errors.E106, path=corpus, count=len(result.skipped))
    return result


@dataclass
class CorpusAnalysis:
    """A corpus analysed in memory: its documents (with mentions and relations), its
    merged entities and what was skipped."""

    documents: list[Document] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)

    def graph(self) -> Graph:
        """The whole graph as one rdflib graph (the triples a streamed build writes)."""
        graph = new_graph()
        iris = add_entities(graph, self.entities)
        for document in self.documents:
            add_document(graph, document)
            add_mentions(graph, document, iris)
            add_relations(graph, document, iris)
            add_measurements(graph, document, iris)
        return graph


def analyse_corpus(corpus: Path, *, pipeline: Path = DEFAULT_CONFIG) -> CorpusAnalysis:
    """Analyse every document under ``corpus`` in this process, holding it all in memory."""
    analysis = CorpusAnalysis()
    for _path, item in _read(corpus, analysis.skipped.append):
        if item is None:
            continue
        document, linked = analyse_document(item, pipeline)
        for entity in linked.entities.values():
            merge_entity(analysis.entities, entity)
        analysis.documents.append(document)
    return analysis
