"""The SPARQL 1.1 Protocol's query operation over the graph, read-only and bounded.

A query comes as ``query=`` (GET, or a form POST) or as an ``application/sparql-query``
body; ``update=`` and update bodies are refused, as are ``SERVICE``, ``FROM`` and
``LOAD`` (:func:`kg.query.guard.check_query`). Results are negotiated from the ``Accept``
header (or ``format=json|csv|tsv``): SPARQL 1.1 Query Results JSON, CSV and TSV for SELECT
and ASK; N-Triples or Turtle for CONSTRUCT and DESCRIBE. Every query is answered by an
engine process of the server's pool (:class:`kg.query.runner.EnginePool`), which is
killed at the time or memory limit: a query can fail, the server cannot.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from kg.errors import KGError
from kg.query.guard import check_query
from kg.query.results import CSV, GRAPH_MEDIA, JSON, NTRIPLES, RESULT_MEDIA, TSV, TURTLE
from kg.query.runner import EnginePool

__all__ = [
    "CSV",
    "JSON",
    "TSV",
    "ProtocolError",
    "Response",
    "negotiate",
    "run",
]

_SHORT = {
    "json": JSON,
    "csv": CSV,
    "tsv": TSV,
    "nt": NTRIPLES,
    "ntriples": NTRIPLES,
    "ttl": TURTLE,
    "turtle": TURTLE,
}
#: The HTTP status of each coded error a query can end in (others: 400).
_STATUS = {"E136": 503, "E137": 413, "E139": 503, "E141": 503, "E142": 503}


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
    offered = GRAPH_MEDIA if graph else RESULT_MEDIA
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


def run(
    pool: EnginePool,
    text: str,
    *,
    accept: str | None,
    fmt: str | None = None,
    timeout: float,
    max_rows: int,
    deadline: float | None = None,
) -> Response:
    """Answer the query ``text`` in the negotiated format, within ``timeout`` seconds
    (until ``deadline`` on the monotonic clock when given: the request's arrival plus
    ``timeout``; waiting for a free engine counts) and ``max_rows`` rows.

    Raises:
        ProtocolError: 400 for a query that is refused, too large or does not parse, 406
            for a format not offered, 413 past the result-size limit, 503 past the time or
            memory limit or when the engine stopped.
    """
    if deadline is None:
        deadline = time.monotonic() + timeout
    try:
        shape = check_query(text)
        media = negotiate(accept, fmt, graph=shape.form in {"CONSTRUCT", "DESCRIBE"})
        request = {
            "text": text,
            "want": "body",
            "media": media,
            "timeout": timeout,
            "max_rows": max_rows,
        }
        answer = pool.ask(request, deadline=deadline)
    except KGError as exc:
        raise ProtocolError(_STATUS.get(exc.code, 400), str(exc)) from None
    return Response(answer["media"], answer["body"])
