"""Saved SPARQL queries (``ontology/queries/*.rq``) and plain query text -> rows.

>>> sorted(named_queries())[:2]
['craftsman-academies', 'documents-mentioning-chan-gai']
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph
from pyparsing import ParseException
from rdflib import Graph
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

from kg.config import ontology_dir
from kg.errors import Errors, KGError

_Row = TypeVar("_Row")

__all__ = [
    "MAX_ROWS",
    "TIMEOUT_SECONDS",
    "Rows",
    "bounded_rows",
    "check_offline",
    "describe",
    "named_queries",
    "resolve_query",
    "run_query",
    "run_store_query",
]

#: Default limits of one query: seconds (checked as rows come) and rows.
TIMEOUT_SECONDS = 60.0
MAX_ROWS = 100_000


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


def named_queries() -> dict[str, Path]:
    """The saved competency queries, by file stem."""
    return {p.stem: p for p in sorted((ontology_dir() / "queries").glob("*.rq"))}


def describe(path: Path) -> str:
    """The question a saved query answers (its ``# Question:`` comment)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# Question:"):
            return line.removeprefix("# Question:").strip()
    return ""


def resolve_query(query: str | None, name: str | None) -> str:
    """Query text from a saved name, a ``.rq`` file path, or the text itself."""
    if name:
        queries = named_queries()
        if name not in queries:
            raise KGError(Errors.E130, name=name, known=", ".join(queries))
        return queries[name].read_text(encoding="utf-8")
    if not query:
        raise KGError(Errors.E131)
    path = Path(query)
    if query.endswith(".rq") or (len(query) < 4096 and path.is_file()):
        if not path.is_file():
            raise KGError(Errors.E132, path=query)
        return path.read_text(encoding="utf-8")
    return query


def _text(value: Node | None) -> str:
    return "" if value is None else str(value)


def check_offline(text: str) -> None:
    """Refuse what would reach past the local graph or change it: ``SERVICE``, ``FROM``
    and ``FROM NAMED`` (rdflib fetches those IRIs), ``LOAD`` and every update.

    >>> check_offline("SELECT * WHERE { ?s ?p ?o }")
    >>> try:
    ...     check_offline("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    ... except KGError as error:
    ...     print(error.code, error.fields["what"])
    E135 SERVICE <http://x/>
    """
    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            raise KGError(Errors.E133, reason=exc) from exc
        raise KGError(Errors.E135, what="an update (INSERT, DELETE, LOAD, CLEAR …)") from exc
    found = _refused(parsed)
    if found:
        raise KGError(Errors.E135, what=found)


def _refused(node: Any) -> str | None:
    """The first refused part of a parsed query, described, or ``None``."""
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return f"SERVICE <{node.get('term')}>"
        if node.name == "DatasetClause":
            # CompValue.get answers a missing key with its name: test membership
            if "named" in node:
                return f"FROM NAMED <{node['named']}>"
            return f"FROM <{node['default']}>" if "default" in node else "FROM"
        children: Iterable[Any] = node.values()
    elif isinstance(node, list | tuple) or hasattr(node, "asList"):
        children = list(node)
    else:
        return None
    for child in children:
        found = _refused(child)
        if found:
            return found
    return None


def bounded_rows(
    solutions: Iterable[Any],
    row: Callable[[Any], _Row],
    *,
    timeout: float,
    max_rows: int,
) -> list[_Row]:
    """The rows of ``solutions`` (each through ``row``), stopped past ``timeout`` seconds or
    ``max_rows`` rows (time is checked as rows come: engines here cannot be interrupted
    mid-join).

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


def _select_rows(
    text: str,
    columns: tuple[str, ...],
    solutions: Iterable[Any],
    cell: Callable[[Any], str],
    *,
    timeout: float,
    max_rows: int,
) -> Rows:
    """The rows of a SELECT's ``solutions`` (each cell through ``cell``), within the
    limits; in the query's order, or sorted when it has none."""
    found = bounded_rows(
        solutions,
        lambda r: tuple(cell(r[i]) for i in range(len(columns))),
        timeout=timeout,
        max_rows=max_rows,
    )
    rows = tuple(found) if "ORDER BY" in text.upper() else tuple(sorted(found))
    return Rows(columns, rows)


def run_query(
    graph: Graph, text: str, *, timeout: float = TIMEOUT_SECONDS, max_rows: int = MAX_ROWS
) -> Rows:
    """Run a SELECT query; rows keep the query's order (or are sorted when it has none).

    Raises:
        KGError: E133 for a query that does not parse or run, E134 for another kind of
            query, E135 for what reaches past the graph, E136/E137 past the limits.
    """
    check_offline(text)
    try:
        result = graph.query(text)
        if result.type != "SELECT" or result.vars is None:
            raise KGError(Errors.E134, kind=result.type)
        columns = tuple(str(v) for v in result.vars)
        return _select_rows(text, columns, result, _text, timeout=timeout, max_rows=max_rows)
    except KGError:
        raise
    except Exception as exc:  # rdflib raises pyparsing, re and its own errors
        raise KGError(Errors.E133, reason=exc) from exc


def _store_text(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def run_store_query(
    store: pyoxigraph.Store,
    text: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_rows: int = MAX_ROWS,
    union: bool = False,
) -> Rows:
    """:func:`run_query` over an Oxigraph store (``kg build -f store``): the same rows as
    over the graph it was loaded from, without parsing Turtle again. ``union``: the
    default graph is the union of all graphs (a TriG dataset's named graphs)."""
    check_offline(text)
    result = None
    try:
        result = store.query(text, use_default_graph_as_union=union)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            kind = "ASK" if isinstance(result, pyoxigraph.QueryBoolean) else "CONSTRUCT/DESCRIBE"
            raise KGError(Errors.E134, kind=kind)
        columns = tuple(v.value for v in result.variables)
        return _select_rows(text, columns, result, _store_text, timeout=timeout, max_rows=max_rows)
    except KGError:
        raise
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        raise KGError(Errors.E133, reason=exc) from exc
    finally:
        # rdflib's parser (check_offline) leaves this frame referenced from a cycle: the
        # results are dropped here, in the thread that made them (pyoxigraph requires it)
        result = None
