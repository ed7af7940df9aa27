"""Traditional -> simplified conversion with OpenCC (t2s) and its known gaps."""

from __future__ import annotations

from functools import lru_cache

import opencc

from kg.corpus.resources import OPENCC_MISSES

__all__ = ["to_simplified", "to_simplified_char"]

_MISSES = str.maketrans(OPENCC_MISSES)


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert to simplified Chinese, including what OpenCC misses.

    >>> to_simplified("寧陜縣總工會")
    '宁陕县总工会'
    """
    return str(_converter().convert(text)).translate(_MISSES)


@lru_cache(maxsize=8192)
def to_simplified_char(ch: str) -> str:
    """Simplify one character (cached; used in hot loops)."""
    return to_simplified(ch)
