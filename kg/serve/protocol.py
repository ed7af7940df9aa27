"""The SPARQL 1.1 Protocol's query operation over the store, read-only and bounded.

A query comes as ``query=`` (GET, or a form POST) or as an ``application/sparql-query``
body; ``update=`` and update bodies are refused, as are ``SERVICE``, ``FROM`` and
``LOAD`` (:func:`kg.query.sparql.check_offline`). Results are negotiated from the
``Accept`` header (or ``format=json|csv|tsv``): SPARQL 1.1 Query Results JSON, CSV and TSV
for SELECT and ASK; N-Triples or Turtle for CONSTRUCT and DESCRIBE. A query is stopped past
its time limit or result-size limit (checked as rows come: the engine cannot be interrupted
mid-join).
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph

from kg.errors import Errors, KGError
from kg.query.sparql import bounded_rows, check_offline

__all__ = [
    "CSV",
    "JSON",
    "TSV",
    "ProtocolError",
    "Response",
    "negotiate",
    "run",
]

JSON = "application/sparql-results+json"
CSV = "text/csv"
TSV = "text/tab-separated-values"
NTRIPLES = "application/n-triples"
TURTLE = "text/turtle"
_SHORT = {
    "json": JSON,
    "csv": CSV,
    "tsv": TSV,
    "nt": NTRIPLES,
    "ntriples": NTRIPLES,
    "ttl": TURTLE,
    "turtle": TURTLE,
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class ProtocolError(Exception):
    """A request the endpoint refuses: the HTTP status and a message that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Response:
    """A result body and its media type."""

    media_type: str
    body: str


def negotiate(accept: str | None, fmt: str | None, *, graph: bool) -> str:
    """The media type to answer in: ``fmt`` (json, csv, tsv, nt, ttl) if given, else the
    best of ``accept`` this endpoint writes, else JSON (N-Triples for a graph).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", None, graph=False)
    'application/sparql-results+json'
    >>> negotiate("*/*", "tsv", graph=False)
    'text/tab-separated-values'
    """
    offered = (NTRIPLES, TURTLE) if graph else (JSON, CSV, TSV)
    if fmt:
        wanted = _SHORT.get(fmt.lower(), fmt.lower())
        if wanted not in offered:
            raise ProtocolError(406, f"format {fmt!r} is not offered: use {', '.join(offered)}")
        return wanted
    if not accept or not accept.strip():
        return offered[0]
    for _quality, _order, media in sorted(_ranked(accept, graph=graph)):
        if media in offered:
            return media
        if media in {"*/*", "application/*"}:
            return offered[0]
        if media == "text/*":
            return next((m for m in offered if m.startswith("text/")), offered[0])
    raise ProtocolError(406, f"cannot answer in {accept}: offered {', '.join(offered)}")


def _ranked(accept: str, *, graph: bool) -> list[tuple[float, int, str]]:
    """The media types of an Accept header, best first (negated quality, then order);
    those of quality 0 left out."""
    ranked = []
    for order, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media.lower() == "application/json" and not graph:
            media = JSON
        if quality > 0:
            ranked.append((-quality, order, media.lower()))
    return ranked


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    found = {"type": "literal", "value": term.value}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        found["datatype"] = term.datatype.value
    return found


def _csv_term(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return str(term.value)


def _rows(solutions: Iterable[Any], width: int, *, deadline: float, max_rows: int) -> list[Any]:
    """The terms of each solution, within what is left of the time and the row limit."""
    return bounded_rows(
        solutions,
        lambda solution: [solution[i] for i in range(width)],
        timeout=deadline - time.monotonic(),
        max_rows=max_rows,
    )


def _select(result: Any, media: str, *, deadline: float, max_rows: int) -> str:
    names = [v.value for v in result.variables]
    rows = _rows(result, len(names), deadline=deadline, max_rows=max_rows)
    if media == JSON:
        bindings = [
            {n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None}
            for row in rows
        ]
        document = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return json.dumps(document, ensure_ascii=False)
    if media == CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([_csv_term(t) for t in row] for row in rows)
        return buffer.getvalue()
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def _ask(value: bool, media: str) -> str:
    if media == JSON:
        return json.dumps({"head": {}, "boolean": value})
    if media == CSV:
        return f"_askResult\r\n{str(value).lower()}\r\n"
    return f"?_askResult\n{str(value).lower()}\n"


def run(
    store: pyoxigraph.Store,
    text: str,
    *,
    accept: str | None,
    fmt: str | None = None,
    timeout: float,
    max_rows: int,
) -> Response:
    """Answer the query ``text`` over ``store`` in the negotiated format.

    Raises:
        ProtocolError: 400 for a query that is refused or does not parse, 406 for a format
            not offered, 503 past the time limit, 413 past the result-size limit.
    """
    try:
        check_offline(text)
    except KGError as exc:
        raise ProtocolError(400, str(exc)) from exc
    deadline = time.monotonic() + timeout
    return _answer(
        store, text, accept=accept, fmt=fmt, timeout=timeout, max_rows=max_rows, deadline=deadline
    )


def _answer(
    store: pyoxigraph.Store,
    text: str,
    *,
    accept: str | None,
    fmt: str | None,
    timeout: float,
    max_rows: int,
    deadline: float,
) -> Response:
    """:func:`run` after the query is checked, in a frame of its own: check_offline's
    parse leaves the caller's frame referenced from a cycle, and pyoxigraph's results must
    be dropped by the thread that made them (they are, when this frame returns)."""
    try:
        result = store.query(text)
    except SyntaxError as exc:
        raise ProtocolError(400, f"the query does not parse: {exc}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise ProtocolError(400, f"the query cannot be run: {exc}") from None
    failure: tuple[int, str] | None = None
    media, body = "", ""
    try:
        graph = not isinstance(result, pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean)
        media = negotiate(accept, fmt, graph=graph)
        if isinstance(result, pyoxigraph.QueryBoolean):
            body = _ask(bool(result), media)
        elif isinstance(result, pyoxigraph.QuerySolutions):
            body = _select(result, media, deadline=deadline, max_rows=max_rows)
        else:
            triples = _rows(([t] for t in result), 1, deadline=deadline, max_rows=max_rows)
            body = "".join(f"{t[0]} .\n" for t in triples)  # N-Triples is Turtle too
        if time.monotonic() > deadline:
            raise KGError(Errors.E136, seconds=timeout)
    except ProtocolError as exc:
        failure = (exc.status, exc.message)
    except KGError as exc:
        stopped = f"The query ran longer than {timeout:g} s and was stopped; narrow it."
        failure = (413, str(exc)) if exc.code == "E137" else (503, stopped)
    finally:
        del result  # here, in this thread (the caught exceptions went with their frames)
    if failure:
        raise ProtocolError(*failure)
    return Response(media, body)
