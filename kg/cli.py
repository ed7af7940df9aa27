"""The ``kg`` command: a thin typer layer over the library (fastapi-cli style)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg import __version__
from kg.build import BATCH_DOCUMENTS, DEFAULT_FORMATS, DocumentLimits
from kg.build import build as build_corpus
from kg.cache import DocumentCache
from kg.engines import get_engine
from kg.errors import Errors, KGError
from kg.exports import EXPORTERS, get_exporter
from kg.nlp.pipeline import DEFAULT_CONFIG
from kg.types import Skipped

__all__ = ["app", "main"]

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph from Chinese trade-union news.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)  # messages stay whole lines (logs, grep)

# C0 and C1 controls but tab: an ANSI escape in a file name must not reach the terminal
# raw, a line break must not forge a line of output
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def shown(value: object) -> str:
    """Untrusted text (paths, document text, messages quoting them) as the terminal
    shows it: control characters written as ``\\xNN``, rich markup escaped.

    >>> print(shown("a[/]b\\x1b[31m"))
    a\\[/]b\\x1b[31m
    """
    return escape(plain(value))


def plain(value: object) -> str:
    """Untrusted text for plain output (no markup): control characters as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def fail(message: object, code: int = 1) -> NoReturn:
    """Print an error (escaped) and leave with ``code``."""
    err.print(f"[red]error[/] {shown(message)}", highlight=False)
    raise typer.Exit(code=code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", metavar="", callback=_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Build a knowledge graph from Chinese trade-union news."""


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Folder of .txt/.html/.jsonl articles.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the exports.")] = Path(
        "exports"
    ),
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", metavar="", help="Show a progress bar.")
    ] = True,
    cache: Annotated[
        Path | None,
        typer.Option(help="Folder of a per-document cache: a rebuild redoes only what changed."),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="NAME",
            help="An export to write; repeat it. "
            + "; ".join(f"{name}: {e.description}" for name, e in EXPORTERS.items())
            + f". Default: {', '.join(DEFAULT_FORMATS)}.",
        ),
    ] = None,
    pipeline: Annotated[
        Path | None,
        typer.Option(
            help="A spaCy pipeline config to analyse with instead of the shipped "
            "kg/nlp/pipeline.cfg (e.g. without the statistical recogniser).",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", help="Worker processes for the per-document step. Default: the cores."
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            help="Where the per-document step runs: processes (this machine), dask (an "
            "existing cluster, with --scheduler) or local (this process).",
        ),
    ] = "processes",
    scheduler: Annotated[
        str | None,
        typer.Option(help="The Dask scheduler's address for --engine dask (tcp://HOST:PORT)."),
    ] = None,
    document_seconds: Annotated[
        float,
        typer.Option(help="Stop the analysis of one document past this many seconds (E121)."),
    ] = DocumentLimits.seconds,
    document_memory: Annotated[
        float,
        typer.Option(help="Stop the analysis of one document past this many MiB of memory (E122)."),
    ] = DocumentLimits.memory_mib,
    batch: Annotated[
        int,
        typer.Option(
            min=1,
            help="Documents a worker analyses together (the recogniser fills its model calls "
            "across them; the graph is the same for any value).",
        ),
    ] = BATCH_DOCUMENTS,
) -> None:
    """Read every document under CORPUS and write graph.ttl, graph.html, neo4j/, report.json."""
    try:
        for name in formats or ():
            get_exporter(name)
    except KGError as exc:
        fail(exc, 2)
    if cache and pipeline:
        fail(KGError(Errors.E166), 2)

    def skipped(item: Skipped) -> None:
        err.print(f"[yellow]skipped[/] {shown(item.path)}: {shown(item.reason)}", highlight=False)

    if jobs is not None and jobs < 1:
        fail(KGError(Errors.E164, jobs=jobs), 2)
    runner = None
    try:
        runner = get_engine(engine, jobs=jobs, scheduler=scheduler)
        with Progress(
            TextColumn("[bold]building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=not progress,
            transient=True,
        ) as bar:
            # shown once the build's scan says there are enough files to be worth a bar
            task = bar.add_task("files", total=None, visible=False)

            def scanned(total: int) -> None:
                bar.update(task, total=total, visible=total >= 20)

            result = build_corpus(
                corpus,
                out,
                formats=tuple(formats) if formats else DEFAULT_FORMATS,
                cache=DocumentCache(cache) if cache else None,
                pipeline=pipeline or DEFAULT_CONFIG,
                engine=runner,
                on_file=lambda _p: bar.advance(task),
                on_skip=skipped,
                limits=DocumentLimits(seconds=document_seconds, memory_mib=document_memory),
                on_scan=scanned,
                batch=batch,
            )
    except KGError as exc:
        fail(exc)
    finally:
        if runner is not None:
            runner.close()
    report = result.report()
    typer.echo(
        f"{report['documents_read']} documents, {report['stories']} stories, "
        f"{report['triples']} triples, {len(report['skipped'])} skipped -> {plain(out)}"
    )


@app.command()
def validate(
    graph: Annotated[Path, typer.Argument(help="A Turtle file, such as exports/graph.ttl.")],
) -> None:
    """Check GRAPH against ontology/shapes.ttl (SHACL) and print the violations."""
    from kg.graph.validate import load_graph
    from kg.graph.validate import validate as run

    try:
        data = load_graph(graph)
        if not len(data):
            raise KGError(Errors.E116, path=graph)
        conforms, violations = run(data)
    except KGError as exc:
        fail(exc)
    for v in violations:
        typer.echo(plain(f"{v.severity}: {v.focus} {v.path}: {v.message}"))
    typer.echo("conforms" if conforms else f"{len(violations)} violation(s)")
    if not conforms:
        raise typer.Exit(code=1)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Folder of gold files (tests/gold).")],
    graph: Annotated[
        Path,
        typer.Argument(
            help="A built graph.ttl; or a second annotator's folder of gold files, to measure "
            "the agreement of two people on the documents both annotated."
        ),
    ],
    mode: Annotated[
        str, typer.Option(help="strict: labels must equal gold names; alias: or gold mentions.")
    ] = "strict",
    details: Annotated[
        bool,
        typer.Option("--details/--no-details", metavar="", help="List misses and spurious items."),
    ] = True,
    as_json: Annotated[
        bool, typer.Option("--json", metavar="", help="Print the report as JSON.")
    ] = False,
    present_only: Annotated[
        bool,
        typer.Option(
            "--present-only",
            metavar="",
            help="Score only the gold documents the graph has (a development set whose "
            "texts are partly restored); the others are counted as absent.",
        ),
    ] = False,
) -> None:
    """Print precision, recall and F1 per entity and relation type against GOLD."""
    import json

    from kg.eval import MODES, agreement, evaluate, load_gold
    from kg.graph.validate import load_graph
    from kg.vocab.ontology import ENTITY_TYPES, RELATION_TYPES

    if mode not in MODES:
        fail(KGError(Errors.E115, mode=mode), 2)
    try:
        if graph.is_dir() and any(graph.glob("*.json")):
            report = agreement(load_gold(gold), load_gold(graph))
        else:
            report = evaluate(
                load_gold(gold), load_graph(graph), mode=mode, present_only=present_only
            )
    except KGError as exc:
        fail(exc)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    absent = f", {len(report.absent)} absent from the graph" if report.absent else ""
    typer.echo(f"{report.documents} gold documents scored{absent}, mode {mode}")
    for kind, types in (("entities", ENTITY_TYPES), ("relations", RELATION_TYPES)):
        scores = report.entities if kind == "entities" else report.relations
        typer.echo(f"\n{kind:<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for name, score in [*((t, scores[t]) for t in types), ("overall", report.overall(kind))]:
            typer.echo(
                f"{name:<18} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                f"{score.tp:5d} {score.fp:5d} {score.fn:5d}"
            )
    figures = report.measurements
    typer.echo(
        f"\n{'measurements':<18} {figures.precision:6.3f} {figures.recall:6.3f} {figures.f1:6.3f} "
        f"{figures.tp:5d} {figures.fp:5d} {figures.fn:5d}   about {report.about_accuracy:.3f}"
        + f"   indicator {report.indicator_overlap:.3f}"
        + (
            f"   programme {report.programme_accuracy:.3f} "
            f"({report.programme.tp + report.programme.fp} said)"
            if report.programme.tp + report.programme.fp
            else ""
        )
    )
    if details:
        for label, table in (("missed", report.missed), ("spurious", report.spurious)):
            for doc_id, items in sorted(table.items()):
                for item in items:
                    typer.echo(plain(f"{label}\t{doc_id}\t{item}"))


@app.command()
def query(
    graph: Annotated[
        Path,
        typer.Argument(
            help="A built graph.ttl; a graph.trig (queried over the union of its named "
            "graphs); or an output folder (its store/ when built with -f store, answered "
            "without parsing Turtle, else its graph.ttl)."
        ),
    ],
    sparql: Annotated[
        str | None, typer.Argument(help="A .rq file or SELECT text (or use --name).")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="A saved query of ontology/queries/.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    list_: Annotated[
        bool, typer.Option("--list", metavar="", help="List the saved queries.")
    ] = False,
    timeout: Annotated[
        float, typer.Option(help="Stop a query that runs longer than this many seconds.")
    ] = 60.0,
    max_rows: Annotated[
        int, typer.Option(help="Stop a query that gives more rows than this.")
    ] = 100_000,
    max_memory: Annotated[
        int, typer.Option(help="Stop a query whose engine needs more memory than this (MiB).")
    ] = 4096,
) -> None:
    """Run a SPARQL SELECT over GRAPH and print the rows.

    The query runs in an engine process with no network, killed at the limits."""
    from rich.table import Table

    from kg.exports.store import dataset_of
    from kg.query.runner import query_rows
    from kg.query.sparql import describe, named_queries, resolve_query

    if list_:
        for key, path in named_queries().items():
            typer.echo(f"{key}\t{describe(path)}")
        return
    if fmt not in {"table", "csv", "json"}:
        fail(KGError(Errors.E167, name=fmt), 2)
    try:
        text = resolve_query(sparql, name)
        rows = query_rows(
            dataset_of(graph), text, timeout=timeout, max_rows=max_rows, max_memory=max_memory
        )
    except KGError as exc:
        fail(exc)
    if fmt == "csv":
        typer.echo(rows.to_csv(), nl=False)
    elif fmt == "json":
        typer.echo(rows.to_json())
    else:
        table = Table(*rows.columns, show_lines=False)
        for row in rows.rows:
            table.add_row(*(shown(cell) for cell in row))
        Console(width=200).print(table)
        typer.echo(f"{len(rows.rows)} row(s)")


_BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_SCHEMES = ", ".join(s + "://" for s in _BOLT_SCHEMES)


@app.command()
def serve(
    out: Annotated[
        Path,
        typer.Argument(
            help="A build's output folder (its store/ if built with -f store, else graph.ttl)."
        ),
    ] = Path("exports"),
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8000,
    host: Annotated[
        str, typer.Option(help="The address to bind (local only by default).")
    ] = "127.0.0.1",
    corpus: Annotated[
        Path | None,
        typer.Option(help="Where the original files are (default: report.json's corpus)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option(help="Stop a SPARQL query past this many seconds.")
    ] = 30.0,
    max_rows: Annotated[
        int, typer.Option(help="Stop a SPARQL query past this many rows.")
    ] = 10_000,
    allow_remote: Annotated[
        bool,
        typer.Option(
            metavar="", help="Allow a --host other than this machine (the graph is then public)."
        ),
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            metavar="HOST",
            help="A name remote clients reach the server by (the Host header must be one of "
            "these, the local names or --host); repeat it.",
        ),
    ] = None,
    engines: Annotated[
        int, typer.Option(help="Engine processes answering SPARQL queries.", min=1)
    ] = 2,
    max_memory: Annotated[
        int, typer.Option(help="Stop a SPARQL query whose engine needs more memory (MiB).")
    ] = 768,
) -> None:
    """Explore the graph in a browser and query it over HTTP (SPARQL 1.1 Protocol at /sparql)."""
    from kg.serve import serve as run_server

    def ready(address: str) -> None:
        typer.echo(plain(f"kg serve: {address}  (SPARQL endpoint: /sparql; Ctrl-C stops)"))

    try:
        run_server(
            out,
            ready=ready,
            host=host,
            port=port,
            corpus=corpus,
            timeout=timeout,
            max_rows=max_rows,
            allow_remote=allow_remote,
            allowed_hosts=tuple(allowed_host or ()),
            engines=engines,
            max_memory=max_memory,
        )
    except KGError as exc:
        fail(exc)


neo4j_app = typer.Typer(help="Send the graph to a running Neo4j database.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")


@neo4j_app.command("push")
def neo4j_push(
    graph: Annotated[Path, typer.Argument(help="A built graph.ttl.")] = Path("exports/graph.ttl"),
    uri: Annotated[str, typer.Option(help="Bolt URI of the database.")] = "bolt://localhost:7687",
    user: Annotated[str, typer.Option(help="Database user.")] = "neo4j",
    password_env: Annotated[
        str, typer.Option(help="Name of the environment variable holding the password.")
    ] = "NEO4J_PASSWORD",
    database: Annotated[str | None, typer.Option(help="Database name (default: server's).")] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for the server to connect and answer.")
    ] = 15.0,
) -> None:
    """Push entities and relations with the official driver, batched and idempotent."""
    import os

    import neo4j

    from kg.exports.neo4j import push
    from kg.graph.validate import load_graph

    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in _BOLT_SCHEMES:
        fail(KGError(Errors.E180, uri=uri, reason="unknown scheme", schemes=_SCHEMES), 2)
    password = os.environ.get(password_env)
    if password is None:
        fail(KGError(Errors.E181, name=password_env), 2)
    try:
        data = load_graph(graph)
        with neo4j.GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=timeout,
            connection_acquisition_timeout=timeout,
            max_transaction_retry_time=timeout,
        ) as driver:
            nodes, relationships = push(data, driver, database=database)
    except KGError as exc:
        fail(exc)
    except neo4j.exceptions.Neo4jError as exc:
        fail(KGError(Errors.E182, reason=exc))
    except (neo4j.exceptions.DriverError, OSError) as exc:
        fail(KGError(Errors.E183, uri=uri, seconds=timeout, reason=exc))
    except ValueError as exc:  # the driver's word for a URI it does not take
        fail(KGError(Errors.E180, uri=uri, reason=exc, schemes=_SCHEMES), 2)
    typer.echo(plain(f"pushed {nodes} nodes and {relationships} relationships to {uri}"))


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()
