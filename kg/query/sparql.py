"""Saved SPARQL queries (``ontology/queries/*.rq``) and plain query text -> rows.

>>> sorted(named_queries())[:2]
['craftsman-academies', 'documents-mentioning-chan-gai']
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph
from rdflib import Graph
from rdflib.term import Node

from kg.errors import Errors, KGError
from kg.query.guard import check_query
from kg.query.results import Rows, bounded_rows, term_text
from kg.vocab.files import ontology_dir

__all__ = [
    "MAX_ROWS",
    "TIMEOUT_SECONDS",
    "Rows",
    "describe",
    "named_queries",
    "resolve_query",
    "run_query",
    "run_store_query",
]

#: Default limits of one query: seconds and rows.
TIMEOUT_SECONDS = 60.0
MAX_ROWS = 100_000


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
    if query.endswith(".rq") or (len(query) < 4096 and _is_file(path)):
        if not path.is_file():
            raise KGError(Errors.E132, path=query)
        return path.read_text(encoding="utf-8")
    return query


def _is_file(path: Path) -> bool:
    """Whether ``path`` names a file (query text is no file name: too long, odd bytes)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _text(value: Node | None) -> str:
    return "" if value is None else str(value)


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
    """Run a SELECT query over an rdflib graph in this process; rows keep the query's order
    (or are sorted when it has none). For queries a program writes: ``kg query`` and
    ``kg serve`` run what users write in engine processes (:mod:`kg.query.runner`).

    Raises:
        KGError: E133 for a query that does not parse or run, E134 for another kind of
            query, E135 for what reaches past the graph, E136/E137 past the limits.
    """
    check_query(text)
    started = time.monotonic()
    try:
        result = graph.query(text)
        if result.type != "SELECT" or result.vars is None:
            raise KGError(Errors.E134, kind=result.type)
        columns = tuple(str(v) for v in result.vars)
        left = timeout - (time.monotonic() - started)
        return _select_rows(text, columns, result, _text, timeout=left, max_rows=max_rows)
    except KGError:
        raise
    except Exception as exc:  # rdflib raises pyparsing, re and its own errors
        raise KGError(Errors.E133, reason=exc) from exc


def run_store_query(
    store: pyoxigraph.Store,
    text: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_rows: int = MAX_ROWS,
    union: bool = False,
) -> Rows:
    """:func:`run_query` over an Oxigraph store (``kg build -f store``), in this process: the
    same rows as over the graph it was loaded from. ``union``: the default graph is the
    union of all graphs (a TriG dataset's named graphs)."""
    check_query(text)
    result = None
    try:
        result = store.query(text, use_default_graph_as_union=union)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            kind = "ASK" if isinstance(result, pyoxigraph.QueryBoolean) else "CONSTRUCT/DESCRIBE"
            raise KGError(Errors.E134, kind=kind)
        columns = tuple(v.value for v in result.variables)
        return _select_rows(text, columns, result, term_text, timeout=timeout, max_rows=max_rows)
    except KGError:
        raise
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        raise KGError(Errors.E133, reason=exc) from exc
    finally:
        # pyoxigraph's results must be dropped by the thread that made them
        result = None
