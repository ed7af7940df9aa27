"""Saved SPARQL queries (``ontology/queries/*.rq``) and plain query text -> rows.

>>> sorted(named_queries())[:2]
['craftsman-academies', 'documents-mentioning-chan-gai']
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from rdflib.term import Node

from kg.config import ontology_dir
from kg.errors import Errors, KGError

__all__ = ["Rows", "describe", "named_queries", "resolve_query", "run_query", "run_store_query"]


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


def run_query(graph: Graph, text: str) -> Rows:
    """Run a SELECT query; rows keep the query's order (or are sorted when it has none)."""
    try:
        result = graph.query(text)
    except Exception as exc:  # rdflib raises pyparsing and its own errors
        raise KGError(Errors.E133, reason=exc) from exc
    if result.type != "SELECT" or result.vars is None:
        raise KGError(Errors.E134, kind=result.type)
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(_text(row[i]) for i in range(len(columns))) for row in result)  # type: ignore[index]
    if "ORDER BY" not in text.upper():
        rows = tuple(sorted(rows))
    return Rows(columns, rows)


def _store_text(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def run_store_query(store: pyoxigraph.Store, text: str) -> Rows:
    """:func:`run_query` over an on-disk Oxigraph store (``kg build -f store``): the same
    rows as over the graph it was loaded from, without parsing Turtle again."""
    try:
        result = store.query(text)
    except (SyntaxError, OSError, ValueError) as exc:
        raise KGError(Errors.E133, reason=exc) from exc
    if not isinstance(result, pyoxigraph.QuerySolutions):
        kind = "ASK" if isinstance(result, pyoxigraph.QueryBoolean) else "CONSTRUCT/DESCRIBE"
        raise KGError(Errors.E134, kind=kind)
    columns = tuple(v.value for v in result.variables)
    rows = tuple(tuple(_store_text(row[i]) for i in range(len(columns))) for row in result)
    if "ORDER BY" not in text.upper():
        rows = tuple(sorted(rows))
    return Rows(columns, rows)
