"""On-disk store export: ``store/``, an Oxigraph database that ``kg query`` answers from
without parsing Turtle again (SPARQL 1.1, the same rows as over ``graph.ttl``).

The folder is written beside the others and swapped in whole: a reader never sees a
half-loaded store. It is a database, not a document: its bytes differ between builds of
the same corpus (``graph.ttl`` is the byte-identical form of the same triples).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from kg.errors import Errors, KGError
from kg.exports.turtle import write_text
from kg.graph.built import BuiltGraph, as_built
from kg.outputs import recover
from kg.query.engine import Dataset

__all__ = [
    "STORE_DIR",
    "dataset_of",
    "load_dataset",
    "load_store",
    "open_store",
    "write_store",
]

#: The store's folder inside a build's output folder.
STORE_DIR = "store"


def write_store(graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
    """Bulk-load ``graph`` into ``out_dir/store`` (replacing a previous store whole), from
    its Turtle streamed to a file beside it, so that the graph is never one string."""
    final = out_dir / STORE_DIR
    building = out_dir / f".{STORE_DIR}.building"
    shutil.rmtree(building, ignore_errors=True)
    source = write_text(out_dir / f".{STORE_DIR}.ttl", as_built(graph).turtle_chunks())
    try:
        store = pyoxigraph.Store(str(building))
        store.bulk_load(path=source, format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
    finally:
        source.unlink()
    del store  # closes the database before it moves
    previous = out_dir / f".{STORE_DIR}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    building.rename(final)
    shutil.rmtree(previous, ignore_errors=True)
    return [final]


def load_dataset(path: Path) -> pyoxigraph.Store:
    """A TriG file (``graph.trig``, for queries over the union of its graphs) or a Turtle
    one (``graph.ttl``) in an in-memory store.

    Raises:
        KGError: E110 when the file cannot be read in the format its name gives.
    """
    trig = path.suffix.lower() == ".trig"
    store = pyoxigraph.Store()
    try:
        store.bulk_load(
            path=str(path),
            format=pyoxigraph.RdfFormat.TRIG if trig else pyoxigraph.RdfFormat.TURTLE,
        )
    except (SyntaxError, OSError, ValueError) as exc:
        raise KGError(
            Errors.E110, path=path, format="trig" if trig else "turtle", reason=exc
        ) from exc
    return store


def open_store(path: Path) -> pyoxigraph.Store:
    """A built store, read-only: ``path`` is the store or the build's output folder."""
    folder = path / STORE_DIR if (path / STORE_DIR).is_dir() else path
    # read-only: a writable handle writes into the folder and breaks when a rebuild
    # replaces the store under it (warm, both answer the saved queries as fast)
    return pyoxigraph.Store.read_only(str(folder))


def dataset_of(path: Path) -> Dataset:
    """What a query over ``path`` reads: a build's store (an output folder built with
    ``-f store``, or its ``store/``), a TriG file (over the union of its graphs), a Turtle
    file, or the ``graph.ttl`` of an output folder without a store.

    Raises:
        KGError: E118 when there is no such file, E170 for a folder with no built graph,
            E142 for a folder whose store is being replaced right now.
    """
    recover(path if path.is_dir() else path.parent)  # a build killed while publishing
    if path.is_dir():
        if (path / STORE_DIR).is_dir():
            return Dataset(path / STORE_DIR, "store")
        if (path / f".{STORE_DIR}.previous").is_dir():
            # between write_store's two renames: the old store moved away, the new one
            # not yet in its place
            raise KGError(Errors.E142, path=path / STORE_DIR)
        if path.name == STORE_DIR or (path / "CURRENT").is_file():  # a RocksDB folder
            return Dataset(path, "store")
        if not (path / "graph.ttl").is_file():
            raise KGError(Errors.E170, path=path)
        return Dataset(path / "graph.ttl", "turtle")
    if not path.is_file():
        raise KGError(Errors.E118, path=path)
    return Dataset(path, "trig" if path.suffix.lower() == ".trig" else "turtle")


def load_store(source: Path, folder: Path) -> Dataset:
    """``source`` (Turtle or TriG) bulk-loaded into a new on-disk store in ``folder``, for
    engines that open it read-only (a graph in one process's memory cannot be shared).

    Raises:
        KGError: E110 when the file cannot be read in the format its name gives.
    """
    trig = source.suffix.lower() == ".trig"
    folder.mkdir(parents=True, exist_ok=True)
    store = pyoxigraph.Store(str(folder))
    try:
        store.bulk_load(
            path=str(source),
            format=pyoxigraph.RdfFormat.TRIG if trig else pyoxigraph.RdfFormat.TURTLE,
        )
        store.flush()
    except (SyntaxError, OSError, ValueError) as exc:
        raise KGError(
            Errors.E110, path=source, format="trig" if trig else "turtle", reason=exc
        ) from exc
    finally:
        del store  # closed before others open it
    return Dataset(folder, "store")
