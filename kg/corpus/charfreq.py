"""Character frequency ranks, from the word frequencies jieba ships.

Used to tell real Chinese from decoding garbage: text decoded with the wrong
codec, or a mojibake run, is full of characters a Chinese writer rarely uses.

>>> char_rank("的") < 100 < char_rank("甓")
True
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import jieba

from kg.corpus.simplify import to_simplified_char
from kg.text import is_cjk

__all__ = ["COMMON_RANK", "char_rank", "common_ratio"]

#: Characters ranked below this are "common" (about the size of the 3,500-character
#: first level of the 通用规范汉字表).
COMMON_RANK = 2500


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    counts: Counter[str] = Counter()
    path = Path(jieba.__file__).with_name("dict.txt")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, *_ = line.split(" ")
            n = int(freq)
            for ch in set(word):
                counts[ch] += n
    return {ch: i for i, (ch, _) in enumerate(counts.most_common())}


def char_rank(ch: str) -> int:
    """Frequency rank of a character after simplification (0 = most common)."""
    ranks = _ranks()
    missing = len(ranks)
    # jieba lists some traditional characters with tiny counts: rank the
    # character by its simplified form when that is more common.
    return min(ranks.get(ch, missing), ranks.get(to_simplified_char(ch), missing))


def common_ratio(text: str) -> float:
    """Share of the CJK characters of ``text`` that are common; 1.0 when none.

    >>> common_ratio("工会工作") > 0.9
    True
    """
    cjk = [ch for ch in text if is_cjk(ch)]
    if not cjk:
        return 1.0
    return sum(char_rank(ch) < COMMON_RANK for ch in cjk) / len(cjk)
