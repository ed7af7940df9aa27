"""Where the per-document step of a build runs: here, in a process pool, or on Dask.

An engine maps a picklable function over picklable items and yields the results **in the
order of the items**, so a build is the same, byte for byte, on any engine and for any
number of workers. Engines are found by name (:func:`get_engine`), like rdflib's plugins;
we write no cluster code of our own: the pool is the standard library's, the cluster is
``dask.distributed``'s.

>>> list(get_engine("local").map(len, ["ab", "c"]))
[2, 1]
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any, Protocol, TypeVar

from kg.errors import Errors, KGError

__all__ = [
    "MIN_POOL_ITEMS",
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "ProcessEngine",
    "engine_names",
    "get_engine",
]

#: Below this many documents a pool costs more than it saves.
MIN_POOL_ITEMS = 64

#: Why an item whose worker died is lost.
_KILLED = "its worker process was killed or crashed"

_T = TypeVar("_T")
_R = TypeVar("_R")


class Engine(Protocol):
    """Runs ``func`` over ``items``, yielding the results in the items' order; an item
    whose worker dies is tried once more, and then yields ``lost(item, reason)`` (without
    ``lost``, the error is raised)."""

    def map(
        self,
        func: Callable[[_T], _R],
        items: Iterable[_T],
        *,
        lost: Callable[[_T, str], _R] | None = None,
    ) -> Iterator[_R]: ...

    def map_batches(
        self,
        func: Callable[[list[_T]], list[_R]],
        batches: Iterable[list[_T]],
        *,
        lost: Callable[[_T, str], _R],
    ) -> Iterator[list[_R]]:
        """Runs ``func`` over ``batches`` (one result per item of a batch), yielding each
        batch's results in order; a batch whose worker dies twice is split, each of its
        items run alone, and the item whose worker dies then yields ``lost(item,
        reason)``: one bad item costs itself, not its batch."""
        ...

    def close(self) -> None: ...


class LocalEngine:
    """In this process, one item after another."""

    def map(
        self,
        func: Callable[[_T], _R],
        items: Iterable[_T],
        *,
        lost: Callable[[_T, str], _R] | None = None,
    ) -> Iterator[_R]:
        return map(func, items)

    def map_batches(
        self,
        func: Callable[[list[_T]], list[_R]],
        batches: Iterable[list[_T]],
        *,
        lost: Callable[[_T, str], _R],
    ) -> Iterator[list[_R]]:
        return map(func, batches)

    def close(self) -> None:
        pass


def _ordered(
    submit: Callable[[_T], Any], result: Callable[[Any], _R], items: Iterable[_T], ahead: int
) -> Iterator[_R]:
    """Submit up to ``ahead`` items at a time and yield their results in order: memory
    stays bounded by ``ahead``, not by the corpus."""
    pending: deque[Any] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= ahead:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _leave_with_parent(parent: int) -> None:
    """A worker's initializer: end the worker when the process that started it is gone
    (killed before it could stop its pool), instead of analysing on for nobody."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="kg-parent-watch").start()


class ProcessEngine:
    """A pool of ``jobs`` worker processes on this machine (spawned: each loads the
    pipeline once, nothing is inherited from the parent's threads).

    Starting a worker costs seconds (spaCy, jieba, the LAC model), so one job, or fewer
    than ``min_items`` items (a sized collection), run in this process instead: the same
    results.

    A worker that dies (the out-of-memory killer, a crash in a library) breaks the
    standard library's pool and every item in it: the pool is started again, the item
    that was first in line is run alone (if its worker dies again, it is the cause: it
    yields ``lost``), and the items behind it are submitted again. Workers end when the
    process that started them is gone.
    """

    def __init__(self, jobs: int | None = None, *, min_items: int = MIN_POOL_ITEMS) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self.min_items = min_items
        self._pool: ProcessPoolExecutor | None = None

    def _fresh_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=get_context("spawn"),
            initializer=_leave_with_parent,
            initargs=(os.getpid(),),
        )
        return self._pool

    def map(
        self,
        func: Callable[[_T], _R],
        items: Iterable[_T],
        *,
        lost: Callable[[_T, str], _R] | None = None,
    ) -> Iterator[_R]:
        if self.jobs == 1 or (isinstance(items, Sized) and len(items) < self.min_items):
            return map(func, items)
        if self._pool is None:
            self._fresh_pool()
        return self._retried(func, items, lost, ahead=4 * self.jobs)

    def map_batches(
        self,
        func: Callable[[list[_T]], list[_R]],
        batches: Iterable[list[_T]],
        *,
        lost: Callable[[_T, str], _R],
    ) -> Iterator[list[_R]]:
        def split(batch: list[_T], _reason: str) -> list[_R]:
            return [self._alone(func, item, lost) for item in batch]

        return self.map(func, batches, lost=split)

    def _alone(
        self, func: Callable[[list[_T]], list[_R]], item: _T, lost: Callable[[_T, str], _R]
    ) -> _R:
        """``item`` of a batch whose worker died twice, run alone in the current pool."""
        pool = self._pool or self._fresh_pool()
        try:
            (found,) = pool.submit(func, [item]).result()
        except BrokenProcessPool:
            self._fresh_pool()
            return lost(item, _KILLED)
        return found

    def _retried(
        self,
        func: Callable[[_T], _R],
        items: Iterable[_T],
        lost: Callable[[_T, str], _R] | None,
        *,
        ahead: int,
    ) -> Iterator[_R]:
        pending: deque[tuple[_T, Future[_R]]] = deque()

        def submit(item: _T) -> None:
            assert self._pool is not None
            pending.append((item, self._pool.submit(func, item)))

        def first() -> _R:
            item, future = pending.popleft()
            try:
                return future.result()
            except BrokenProcessPool as broken:
                return self._after_a_death(func, item, pending, lost, broken)

        for item in items:
            submit(item)
            if len(pending) >= ahead:
                yield first()
        while pending:
            yield first()

    def _after_a_death(
        self,
        func: Callable[[_T], _R],
        item: _T,
        pending: deque[tuple[_T, Future[_R]]],
        lost: Callable[[_T, str], _R] | None,
        broken: BrokenProcessPool,
    ) -> _R:
        """A worker died: ``item`` (first in line) is run alone in a fresh pool, and the
        items behind it that had not finished are submitted again."""
        alone = self._fresh_pool().submit(func, item)
        try:
            found = alone.result()
        except BrokenProcessPool as again:
            self._fresh_pool()
            if lost is None:
                raise again from broken
            found = lost(item, _KILLED)
        pool = self._pool
        assert pool is not None
        for index, (other, future) in enumerate(pending):
            done = future.done() and not future.cancelled() and future.exception() is None
            if not done:
                pending[index] = (other, pool.submit(func, other))
        return found

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


class DaskEngine:
    """An existing Dask cluster (``tcp://HOST:PORT``), through ``dask.distributed``'s client;
    its workers need this package installed."""

    def __init__(self, scheduler: str) -> None:
        try:
            from distributed import Client
        except ImportError as error:  # pragma: no cover - distributed is a dependency
            raise KGError(Errors.E161, reason=str(error)) from error
        try:
            self._client = Client(scheduler, timeout="10s")
        except OSError as error:
            raise KGError(Errors.E162, scheduler=scheduler, reason=str(error)) from error
        workers = self._client.scheduler_info().get("workers", {})
        self._ahead = 4 * max(1, sum(w.get("nthreads", 1) for w in workers.values()))

    def map(
        self,
        func: Callable[[_T], _R],
        items: Iterable[_T],
        *,
        lost: Callable[[_T, str], _R] | None = None,
    ) -> Iterator[_R]:
        from distributed import KilledWorker

        def submit(item: _T) -> Any:
            return item, self._client.submit(func, item, pure=False)

        def result(entry: Any) -> _R:
            item, future = entry
            try:
                value: _R = future.result()
            except KilledWorker as killed:  # Dask retried it on other workers already
                if lost is None:
                    raise
                value = lost(item, f"Dask: {killed}")
            future.release()
            return value

        return _ordered(submit, result, items, ahead=self._ahead)

    def map_batches(
        self,
        func: Callable[[list[_T]], list[_R]],
        batches: Iterable[list[_T]],
        *,
        lost: Callable[[_T, str], _R],
    ) -> Iterator[list[_R]]:
        from distributed import KilledWorker

        def alone(item: _T) -> _R:
            future = self._client.submit(func, [item], pure=False)
            try:
                (found,) = future.result()
            except KilledWorker as killed:
                found = lost(item, f"Dask: {killed}")
            future.release()
            return found

        def split(batch: list[_T], _reason: str) -> list[_R]:
            return [alone(item) for item in batch]

        return self.map(func, batches, lost=split)

    def close(self) -> None:
        self._client.close()


_ENGINES: dict[str, Callable[..., Engine]] = {
    "local": lambda **_: LocalEngine(),
    "processes": lambda jobs=None, min_items=MIN_POOL_ITEMS, **_: ProcessEngine(
        jobs, min_items=min_items
    ),
    "dask": lambda scheduler=None, **_: _dask(scheduler),
}


def _dask(scheduler: str | None) -> Engine:
    if not scheduler:
        raise KGError(Errors.E163)
    return DaskEngine(scheduler)


def engine_names() -> tuple[str, ...]:
    """The engines :func:`get_engine` knows."""
    return tuple(_ENGINES)


def get_engine(name: str, **options: Any) -> Engine:
    """The engine registered as ``name`` (``jobs`` for processes, ``scheduler`` for dask).

    Raises:
        KGError: E160 for an unknown name, E163 for dask without a scheduler.
    """
    if name not in _ENGINES:
        raise KGError(Errors.E160, name=name, known=", ".join(_ENGINES))
    return _ENGINES[name](**options)
