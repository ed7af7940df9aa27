"""A budget of time and memory for one piece of work, enforced from inside the process.

The analysis of one document runs under :func:`budget`: a timer interrupts it ten times a
second to look at the clock and at the resident memory the process has gained since the
work began, and past either limit raises :class:`OverBudget` in the working thread. The
exception is a ``BaseException`` (like ``KeyboardInterrupt``), so no ``except Exception``
on the way swallows it; the caller turns it into a coded error for that document and
goes on with the next.

Signals are delivered to the main thread only: elsewhere (a Dask worker's threads) the
work runs unbudgeted, which the caller is told by :func:`enforceable`.

>>> with budget(seconds=5, memory_mib=1024):
...     sum(range(10))
45
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

__all__ = ["OverBudget", "budget", "enforceable", "resident_mib"]

#: How often the budget is looked at, and how long after raising it is raised again (an
#: exception raised where Python cannot pass it on is lost: the block is still running).
_TICK = 0.1
_REPEAT = 1.0
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class OverBudget(BaseException):
    """The work ran past its budget: ``kind`` is ``"time"`` or ``"memory"``, ``limit`` the
    budget it passed."""

    def __init__(self, kind: str, limit: float) -> None:
        super().__init__(f"past its {kind} budget of {limit:g}")
        self.kind = kind
        self.limit = limit


def resident_mib(pid: int | None = None) -> float | None:
    """The resident memory of process ``pid`` (this one by default) in MiB, or ``None``
    where ``/proc`` cannot tell."""
    try:
        statm = Path(f"/proc/{pid or os.getpid()}/statm").read_text()
        return int(statm.split()[1]) * _PAGE / 2**20
    except (OSError, ValueError, IndexError):
        return None


def _raisable(frame: FrameType | None) -> bool:
    """Whether an exception raised in ``frame`` reaches the budgeted block: not inside a
    finaliser (``__del__``, a weakref callback) or a garbage collector's callback
    (``gc.callbacks``), where Python reports and drops it."""
    collecting = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while frame is not None:
        if (
            frame.f_code.co_name == "__del__"
            or frame.f_globals.get("__name__") == "weakref"
            or frame.f_code in collecting
        ):
            return False
        frame = frame.f_back
    return True


def enforceable() -> bool:
    """Whether a budget can be enforced here (the main thread of a process with timers)."""
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


@contextmanager
def budget(*, seconds: float, memory_mib: float) -> Iterator[None]:
    """Run the block within ``seconds`` and within ``memory_mib`` MiB of resident memory
    gained (nothing is enforced where :func:`enforceable` says no).

    Raises:
        OverBudget: in the block, past either limit.
    """
    if not enforceable():
        yield
        return
    started = time.monotonic()
    floor = resident_mib()
    raised = -1.0

    def check(_signum: int, frame: FrameType | None) -> None:
        nonlocal raised
        now = time.monotonic()
        if raised >= 0 and now - raised < _REPEAT:
            return  # raised a moment ago: the block is unwinding
        if now - started > seconds:
            over = OverBudget("time", seconds)
        else:
            resident = resident_mib()
            if floor is None or resident is None or resident - floor <= memory_mib:
                return
            over = OverBudget("memory", memory_mib)
        if not _raisable(frame):
            signal.setitimer(signal.ITIMER_REAL, 0.001, _TICK)  # again, in a moment
            return
        raised = now
        raise over

    previous = signal.signal(signal.SIGALRM, check)
    signal.setitimer(signal.ITIMER_REAL, _TICK, _TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        signal.signal(signal.SIGALRM, previous)
