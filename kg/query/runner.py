"""Queries run in engine processes that the asking process watches and kills at its limits.

A query can crash Oxigraph (a long operator chain overflows its stack), join for ever, or
aggregate memory without end; Oxigraph cannot be interrupted mid-join. So no query runs in
the process that asked: it goes to an engine process (:mod:`kg.query.engine`, no network),
and the asker waits for the answer with a deadline, reading the engine's memory as it
waits. Past the time the engine is killed (E136), past the memory too (E139), and an
engine that dies is reported (E141); in every case a fresh engine is started for the next
query and the asker goes on.

``kg query`` starts one engine for its one query (:func:`query_rows`); ``kg serve`` keeps a
small pool of them (:class:`EnginePool`), so that a slow query holds one engine, not the
server, and requests waiting for an engine count that wait against their own deadline.

>>> from kg.query.engine import Dataset
>>> from pathlib import Path
>>> EngineProcess(Dataset(Path("graph.ttl"), "turtle"), max_memory=512).max_memory
512
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import select
import signal
import subprocess
import sys
import time
from typing import Any

from kg.budget import resident_mib
from kg.errors import Errors, KGError
from kg.query.engine import Dataset
from kg.query.guard import check_query
from kg.query.results import Rows

__all__ = [
    "MAX_MEMORY_MIB",
    "EnginePool",
    "EngineProcess",
    "query_rows",
]

#: The memory one engine may use (MiB) unless told otherwise.
MAX_MEMORY_MIB = 2048
#: How often a waiting asker looks at its engine (seconds).
_POLL = 0.05


def _how_it_ended(code: int | None) -> str:
    if code is None:
        return "it stopped answering"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"it was ended by {signal.Signals(-code).name}"
        return f"it was ended by signal {-code}"
    return f"it exited with status {code}"


class EngineProcess:
    """One engine process over ``dataset``, started on first use; one query at a time
    (a pool gives each to one thread). ``warm``: start a fresh engine as soon as one is
    killed, so the next query finds it ready (a server wants that; one-shot use not)."""

    def __init__(
        self, dataset: Dataset, *, max_memory: int = MAX_MEMORY_MIB, warm: bool = False
    ) -> None:
        self.dataset = dataset
        self.max_memory = max_memory
        self.warm = warm
        self._process: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._ready = False

    # -- the process -------------------------------------------------------------------
    def start(self) -> None:
        """Start the engine (it opens its dataset in the background)."""
        self.stop()
        config = {
            "path": str(self.dataset.path),
            "kind": self.dataset.kind,
            "parent": os.getpid(),
        }
        self._process = subprocess.Popen(
            [sys.executable, "-m", "kg.query.engine", json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._buffer, self._ready = b"", False

    def stop(self) -> None:
        """Kill the engine, if it runs, and reap it."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    # -- one exchange --------------------------------------------------------------------
    def _line(self, deadline: float | None, seconds: float) -> dict[str, Any]:
        """The engine's next line; the engine is killed (and the error raised) past
        ``deadline`` (the limit of ``seconds``), past its memory, or when it dies."""
        process = self._process
        assert process is not None and process.stdout is not None
        out = process.stdout.fileno()
        while b"\n" not in self._buffer:
            wait = _POLL if deadline is None else min(_POLL, max(0.0, deadline - time.monotonic()))
            readable, _, _ = select.select([out], [], [], wait)
            if readable:
                chunk = os.read(out, 1 << 20)
                if not chunk:
                    code = process.wait()
                    self.stop()
                    raise KGError(Errors.E141, reason=_how_it_ended(code))
                self._buffer += chunk
                continue
            resident = resident_mib(process.pid)
            if resident is not None and resident > self.max_memory:
                self.stop()
                raise KGError(Errors.E139, limit=self.max_memory)
            if deadline is not None and time.monotonic() >= deadline:
                self.stop()
                raise KGError(Errors.E136, seconds=seconds)
        line, _, self._buffer = self._buffer.partition(b"\n")
        message: dict[str, Any] = json.loads(line)
        if "error" in message:
            raise KGError.passed_on(message["error"], message["message"])
        return message

    def ready(self, deadline: float | None = None) -> None:
        """Wait until the engine has opened its dataset (starting it if needed).

        Raises:
            KGError: the engine's own error (E110, E142) when it cannot open the dataset.
        """
        if self._process is None or self._process.poll() is not None:
            self.start()
        if not self._ready:
            seconds = 0.0 if deadline is None else deadline - time.monotonic()
            self._line(deadline, seconds)
            self._ready = True

    def ask(self, request: dict[str, Any], *, deadline: float) -> dict[str, Any]:
        """Send one request and wait for its answer until ``deadline`` (monotonic).

        Raises:
            KGError: the query's own coded error, or E136 (time), E139 (memory), E141
                (the engine died); after those three the engine is started afresh.
        """
        try:
            self.ready(deadline)
            process = self._process
            assert process is not None and process.stdin is not None
            try:
                process.stdin.write(json.dumps(request, ensure_ascii=False).encode() + b"\n")
                process.stdin.flush()
            except OSError:  # it died while idle: the line read below says how
                pass
            return self._line(deadline, float(request["timeout"]))
        finally:
            if self._process is None and self.warm:
                self.start()  # ready for the next query while this one is answered


class EnginePool:
    """``size`` engines over one dataset, shared by the threads of a server.

    >>> EnginePool.__doc__.startswith("``size`` engines")
    True
    """

    def __init__(self, dataset: Dataset, *, size: int = 2, max_memory: int = MAX_MEMORY_MIB):
        self.engines = [
            EngineProcess(dataset, max_memory=max_memory, warm=True) for _ in range(size)
        ]
        self._idle: queue.Queue[EngineProcess] = queue.Queue()
        for engine in self.engines:
            engine.start()
            self._idle.put(engine)

    def ask(self, request: dict[str, Any], *, deadline: float) -> dict[str, Any]:
        """:meth:`EngineProcess.ask` on the first engine free before ``deadline``.

        Raises:
            KGError: E136 when no engine is free in time, else what the engine raises.
        """
        try:
            engine = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise KGError(Errors.E136, seconds=float(request["timeout"])) from None
        try:
            return engine.ask(request, deadline=deadline)
        finally:
            self._idle.put(engine)

    def close(self) -> None:
        """Stop every engine."""
        for engine in self.engines:
            engine.stop()


def query_rows(
    dataset: Dataset,
    text: str,
    *,
    timeout: float,
    max_rows: int,
    max_memory: int = MAX_MEMORY_MIB,
) -> Rows:
    """The rows of the SELECT ``text`` over ``dataset``, answered by an engine process of
    its own (opening the dataset is not counted against ``timeout``). A store a build
    replaces while it is read is read once more.

    Raises:
        KGError: E135/E138 from the check, E110/E142 when the dataset cannot be opened,
            E133/E134 from the engine, E136/E137/E139/E141 past the limits.
    """
    check_query(text)
    request = {"text": text, "want": "rows", "timeout": timeout, "max_rows": max_rows}
    for attempt in (1, 2):
        engine = EngineProcess(dataset, max_memory=max_memory)
        try:
            engine.ready()
            answer = engine.ask(request, deadline=time.monotonic() + timeout)
            break
        except KGError as error:
            # a build swapping the store in while the engine opened or read it: once more
            if attempt == 2 or dataset.kind != "store" or error.code not in {"E141", "E142"}:
                raise
            time.sleep(0.5)
        finally:
            engine.stop()
    return Rows(tuple(answer["columns"]), tuple(tuple(row) for row in answer["rows"]))
