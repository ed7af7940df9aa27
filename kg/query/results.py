"""Query results as text: rows for ``kg query`` and the SPARQL 1.1 result formats.

Pure functions over pyoxigraph terms; the engine process (:mod:`kg.query.engine`) writes
its answers with them, so the answer that crosses the process boundary is plain text.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pyoxigraph

from kg.errors import Errors, KGError

_Row = TypeVar("_Row")

__all__ = [
    "CSV",
    "GRAPH_MEDIA",
    "JSON",
    "NTRIPLES",
    "RESULT_MEDIA",
    "TSV",
    "TURTLE",
    "Rows",
    "ask_body",
    "bounded_rows",
    "select_body",
    "term_text",
    "triples_body",
]

JSON = "application/sparql-results+json"
CSV = "text/csv"
TSV = "text/tab-separated-values"
NTRIPLES = "application/n-triples"
TURTLE = "text/turtle"
#: What a SELECT or ASK can be answered in, and a CONSTRUCT or DESCRIBE; the first is the
#: default.
RESULT_MEDIA = (JSON, CSV, TSV)
GRAPH_MEDIA = (NTRIPLES, TURTLE)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Rows:
    """A SELECT result: column names and rows of strings ("" for unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return buffer.getvalue()

    def to_json(self) -> str:
        records = [dict(zip(self.columns, row, strict=True)) for row in self.rows]
        return json.dumps(records, ensure_ascii=False, indent=2)


def term_text(term: object) -> str:
    """A term as ``kg query`` prints it: its value ("" for unbound).

    >>> term_text(pyoxigraph.Literal("安康")), term_text(None)
    ('安康', '')
    """
    return "" if term is None else str(getattr(term, "value", term))


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


def select_body(names: Sequence[str], rows: Iterable[Sequence[Any]], media: str) -> str:
    """SELECT solutions (rows of terms, ``None`` unbound) in ``media``: SPARQL 1.1 Query
    Results JSON, CSV or TSV.

    >>> select_body(["x"], [[pyoxigraph.Literal("a")], [None]], CSV)
    'x\\r\\na\\r\\n""\\r\\n'
    """
    if media == JSON:
        bindings = [
            {n: _json_term(t) for n, t in zip(names, row, strict=True) if t is not None}
            for row in rows
        ]
        document = {"head": {"vars": list(names)}, "results": {"bindings": bindings}}
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


def ask_body(value: bool, media: str) -> str:
    """An ASK answer in ``media``.

    >>> ask_body(True, JSON)
    '{"head": {}, "boolean": true}'
    """
    if media == JSON:
        return json.dumps({"head": {}, "boolean": value})
    if media == CSV:
        return f"_askResult\r\n{str(value).lower()}\r\n"
    return f"?_askResult\n{str(value).lower()}\n"


def triples_body(triples: Iterable[Any]) -> str:
    """CONSTRUCT or DESCRIBE triples as N-Triples (which is Turtle too)."""
    return "".join(f"{t} .\n" for t in triples)


def bounded_rows(
    solutions: Iterable[Any],
    row: Callable[[Any], _Row],
    *,
    timeout: float,
    max_rows: int,
) -> list[_Row]:
    """The rows of ``solutions`` (each through ``row``), stopped past ``timeout`` seconds or
    ``max_rows`` rows. Time is checked as rows come; the engine process is also killed at
    its deadline (:mod:`kg.query.runner`), which is what bounds a join or an aggregate.

    Raises:
        KGError: E136 past the time, E137 past the rows.
    """
    deadline = time.monotonic() + timeout
    rows: list[_Row] = []
    for solution in solutions:
        if len(rows) >= max_rows:
            raise KGError(Errors.E137, rows=max_rows)
        if time.monotonic() > deadline:
            raise KGError(Errors.E136, seconds=timeout)
        rows.append(row(solution))
    if time.monotonic() > deadline:
        raise KGError(Errors.E136, seconds=timeout)
    return rows
