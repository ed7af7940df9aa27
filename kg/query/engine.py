"""The query engine process: one graph, queries in, answers out, no network.

``python -m kg.query.engine CONFIG`` is started by :mod:`kg.query.runner`, never by hand.
It forbids itself the network first (:func:`kg.query.sandbox.deny_network`), opens its
dataset (a built store read-only, or a Turtle or TriG file loaded into memory), says it is
ready, then answers one JSON request per line of its standard input with one JSON line on
its standard output. Whatever a query does to it (a crash, memory without end, a join that
never finishes), the process that asked survives: it kills this one at its limits and
starts another.

Requests: ``{"text": …, "want": "rows" | "body", "media": …, "timeout": s, "max_rows": n}``.
Answers: ``{"columns": […], "rows": [[…]]}`` or ``{"media": …, "body": …}``, or
``{"error": "E13x", "message": …}`` for a coded error.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyoxigraph

from kg.errors import Errors, KGError
from kg.query import results
from kg.query.sandbox import deny_network

__all__ = ["Dataset", "answer", "main", "open_dataset"]

Kind = Literal["store", "turtle", "trig"]


@dataclass(frozen=True)
class Dataset:
    """Where an engine finds its graph: a built store (opened read-only) or a Turtle or
    TriG file (loaded into memory; a TriG dataset is queried over the union of its
    graphs)."""

    path: Path
    kind: Kind

    @property
    def union(self) -> bool:
        return self.kind == "trig"


def open_dataset(dataset: Dataset) -> pyoxigraph.Store:
    """The store an engine answers from.

    Raises:
        KGError: E110 for a file that cannot be read in its format, E142 for a store that
            cannot be opened (a build may be replacing it).
    """
    if dataset.kind == "store":
        try:
            # read-only: a writable handle writes into the folder and breaks when a
            # rebuild replaces the store under it
            return pyoxigraph.Store.read_only(str(dataset.path))
        except (OSError, RuntimeError) as exc:  # RocksDB's "Corruption" mid-swap
            raise KGError(Errors.E142, path=dataset.path) from exc
    store = pyoxigraph.Store()
    fmt = pyoxigraph.RdfFormat.TRIG if dataset.kind == "trig" else pyoxigraph.RdfFormat.TURTLE
    try:
        store.bulk_load(path=str(dataset.path), format=fmt)
    except (SyntaxError, OSError, ValueError) as exc:
        raise KGError(Errors.E110, path=dataset.path, format=dataset.kind, reason=exc) from exc
    return store


def _rows(text: str, result: Any, *, timeout: float, max_rows: int) -> dict[str, Any]:
    if not isinstance(result, pyoxigraph.QuerySolutions):
        kind = "ASK" if isinstance(result, pyoxigraph.QueryBoolean) else "CONSTRUCT/DESCRIBE"
        raise KGError(Errors.E134, kind=kind)
    columns = [v.value for v in result.variables]
    found = results.bounded_rows(
        result,
        lambda r: [results.term_text(r[i]) for i in range(len(columns))],
        timeout=timeout,
        max_rows=max_rows,
    )
    # the query's order, or sorted when it has none (engines differ in their own)
    rows = found if "ORDER BY" in text.upper() else sorted(found)
    return {"columns": columns, "rows": rows}


def _body(result: Any, media: str, *, timeout: float, max_rows: int) -> dict[str, Any]:
    def bounded(items: Any, row: Callable[[Any], Any]) -> list[Any]:
        return results.bounded_rows(items, row, timeout=timeout, max_rows=max_rows)

    if isinstance(result, pyoxigraph.QueryBoolean):
        body = results.ask_body(bool(result), media)
    elif isinstance(result, pyoxigraph.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = bounded(result, lambda s: [s[i] for i in range(len(names))])
        body = results.select_body(names, rows, media)
    else:
        body = results.triples_body(bounded(result, lambda t: t))
    return {"media": media, "body": body}


def answer(store: pyoxigraph.Store, request: dict[str, Any], *, union: bool) -> dict[str, Any]:
    """The answer to one request over ``store`` (a coded error is an answer too)."""
    text = str(request["text"])
    timeout, max_rows = float(request["timeout"]), int(request["max_rows"])
    try:
        try:
            result = store.query(text, use_default_graph_as_union=union)
        except SyntaxError as exc:
            raise KGError(Errors.E133, reason=f"it does not parse: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise KGError(Errors.E133, reason=exc) from None
        if request["want"] == "rows":
            return _rows(text, result, timeout=timeout, max_rows=max_rows)
        return _body(result, str(request["media"]), timeout=timeout, max_rows=max_rows)
    except KGError as exc:
        return {"error": exc.code, "message": str(exc)}
    except (OSError, ValueError, RuntimeError) as exc:  # raised while rows stream
        return {"error": "E133", "message": str(KGError(Errors.E133, reason=exc))}


def _leave_with_parent(parent: int) -> None:
    """End this process when the one that started it is gone (it may have been killed
    before it could stop us)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    """Serve requests until the standard input closes."""
    config = json.loads((argv if argv is not None else sys.argv[1:])[0])
    # the answers have the real standard output to themselves: a library that prints
    # writes to standard error instead
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    sandbox = deny_network() if config.get("offline", True) else "not asked"
    _leave_with_parent(int(config["parent"]))

    def send(message: dict[str, Any]) -> None:
        channel.write(json.dumps(message, ensure_ascii=False) + "\n")
        channel.flush()

    dataset = Dataset(Path(config["path"]), config["kind"])
    try:
        store = open_dataset(dataset)
    except KGError as exc:
        send({"error": exc.code, "message": str(exc)})
        return 1
    send({"ready": True, "sandbox": sandbox})
    for line in sys.stdin:
        if line.strip():
            send(answer(store, json.loads(line), union=dataset.union))
    return 0


if __name__ == "__main__":
    sys.exit(main())
