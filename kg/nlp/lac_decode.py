"""LAC's CRF decoded: each sentence's best tag path and the marginal of each chosen tag.

Two implementations give the same numbers, bit for bit:

* ``lac_decode.c``, compiled at install (``hatch_build.py``) into ``_lac_decode.so`` and
  called through ctypes: one pass per sentence, no Python per character;
* :func:`decode_numpy`, the reference and the fallback where no compiler was found, a pass
  per character position vectorised over the batch.

Both decode every sentence on its own: the Viterbi in float32 (as the model's emissions
are), the forward-backward pass in float64 with every sum taken from the first term to
the last (``np.cumsum`` in numpy, a loop in C; never a BLAS product, whose order depends
on the batch). So a sentence's tags and confidences never depend on the other sentences
of its batch, and the compiled decode is exact, not approximate.

>>> rng = np.random.default_rng(0)
>>> emissions = rng.normal(size=(3, 7, 5)).astype(np.float32)
>>> transitions = rng.normal(size=(5, 5)).astype(np.float32)
>>> lengths = np.array([7, 4, 1])
>>> fast = decode(emissions, lengths, transitions)
>>> slow = decode(emissions, lengths, transitions, compiled=False)
>>> [fast[0][row, :n].tolist() for row, n in enumerate(lengths)]
[[2, 2, 1, 3, 1, 4, 2], [4, 2, 2, 3], [4]]
>>> all(np.array_equal(f[row, :n], s[row, :n])
...     for f, s in zip(fast, slow) for row, n in enumerate(lengths))
True
"""

from __future__ import annotations

import ctypes
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.ctypeslib import ndpointer

__all__ = ["compiled_decoder", "decode", "decode_numpy"]

#: The compiled decode, built beside this module at install.
LIBRARY = Path(__file__).with_name("_lac_decode.so")
#: Set to ``numpy`` to decode without the compiled library (the reference path).
ENVIRONMENT = "KG_LAC_DECODE"


@lru_cache(maxsize=1)
def compiled_decoder() -> Any | None:
    """The compiled ``kg_crf_decode``, or ``None`` without the library (no compiler at
    install) or with ``KG_LAC_DECODE=numpy``."""
    if os.environ.get(ENVIRONMENT, "") == "numpy" or not LIBRARY.is_file():
        return None
    try:
        library = ctypes.CDLL(str(LIBRARY))
    except OSError:  # built for another machine
        return None
    function = library.kg_crf_decode
    function.restype = ctypes.c_int
    function.argtypes = [
        ctypes.c_int64,
        ctypes.c_int64,
        ctypes.c_int64,
        ndpointer(np.float32, flags="C_CONTIGUOUS"),
        ndpointer(np.float64, flags="C_CONTIGUOUS"),
        ndpointer(np.int64, flags="C_CONTIGUOUS"),
        ndpointer(np.float32, flags="C_CONTIGUOUS"),
        ndpointer(np.float64, flags="C_CONTIGUOUS"),
        ndpointer(np.int64, flags=("C_CONTIGUOUS", "WRITEABLE")),
        ndpointer(np.float64, flags=("C_CONTIGUOUS", "WRITEABLE")),
    ]
    return function


def _exponentials(emissions: np.ndarray, transitions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each position's emissions and the transitions as float64 ratios to their largest
    value (so that the forward-backward pass multiplies instead of adding logs)."""
    wide = emissions.astype(np.float64)
    likely = np.exp(wide - wide.max(axis=2, keepdims=True))
    moves = transitions.astype(np.float64)
    return likely, np.exp(moves - moves.max())


def decode(
    emissions: np.ndarray,
    lengths: np.ndarray,
    transitions: np.ndarray,
    *,
    compiled: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Best paths ``(batch, width)`` and the marginal of each chosen tag (float64) of
    ``emissions`` ``(batch, width, tags)``; positions past a sentence's length are
    undefined. ``compiled=False`` takes the numpy reference."""
    emissions = np.ascontiguousarray(emissions, dtype=np.float32)
    lengths = np.ascontiguousarray(lengths, dtype=np.int64)
    transitions = np.ascontiguousarray(transitions, dtype=np.float32)
    likely, exp_transitions = _exponentials(emissions, transitions)
    function = compiled_decoder() if compiled else None
    if function is None:
        return decode_numpy(emissions, likely, lengths, transitions, exp_transitions)
    batch, width, n_tags = emissions.shape
    paths = np.zeros((batch, width), dtype=np.int64)
    marginals = np.zeros((batch, width), dtype=np.float64)
    status = function(
        batch, width, n_tags, emissions, likely, lengths, transitions, exp_transitions,
        paths, marginals,
    )  # fmt: skip
    if status != 0:
        raise MemoryError("the LAC decode could not allocate its tables")
    return paths, marginals


def viterbi_numpy(
    emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray
) -> np.ndarray:
    """Best tag paths, one position at a time over the whole batch (float32 sums, the
    first best predecessor on a tie)."""
    batch, width, n_tags = emissions.shape
    rows = np.arange(batch)
    keep = np.arange(n_tags)[None].repeat(batch, 0)
    live = np.arange(width)[None, :] < lengths[:, None]
    score = emissions[:, 0].copy()
    pointers = np.empty((width, batch, n_tags), dtype=np.int64)
    pointers[0] = keep
    for t in range(1, width):
        step = score[:, :, None] + transitions[None]
        best = step.argmax(axis=1)
        top = np.take_along_axis(step, best[:, None, :], 1)[:, 0]
        on = live[:, t, None]
        score = np.where(on, top + emissions[:, t], score)
        pointers[t] = np.where(on, best, keep)
    paths = np.empty((batch, width), dtype=np.int64)
    tag = score.argmax(axis=1)
    for t in range(width - 1, -1, -1):
        paths[:, t] = tag
        tag = pointers[t, rows, tag]
    return paths


def _sequential_sum(values: np.ndarray, axis: int) -> np.ndarray:
    """Sums along ``axis`` from the first term to the last (``cumsum`` accumulates in
    order; ``sum`` would pair terms, in an order the C decode does not follow)."""
    return np.take(np.cumsum(values, axis=axis), -1, axis=axis)


def decode_numpy(
    emissions: np.ndarray,
    likely: np.ndarray,
    lengths: np.ndarray,
    transitions: np.ndarray,
    exp_transitions: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The reference decode (see the module's docstring)."""
    batch, width, n_tags = emissions.shape
    paths = viterbi_numpy(emissions, lengths, transitions)
    live = (np.arange(width)[None, :] < lengths[:, None])[:, :, None]
    alphas = np.ones((batch, width, n_tags))
    scale = np.ones((batch, width))
    alpha = likely[:, 0]
    for t in range(width):
        if t:
            step = _sequential_sum(alphas[:, t - 1, :, None] * exp_transitions[None], 1)
            alpha = np.where(live[:, t], step * likely[:, t], 1.0)
        scale[:, t] = _sequential_sum(alpha, 1)
        alphas[:, t] = alpha / scale[:, t, None]
    betas = np.ones((batch, width, n_tags))
    for t in range(width - 2, -1, -1):
        weighted = likely[:, t + 1] * betas[:, t + 1]
        beta = _sequential_sum(weighted[:, None, :] * exp_transitions[None], 2)
        betas[:, t] = np.where(live[:, t + 1], beta / scale[:, t + 1, None], 1.0)
    products = alphas * betas
    chosen = np.take_along_axis(products, paths[:, :, None], 2)[:, :, 0]
    return paths, chosen / _sequential_sum(products, 2)
