"""jieba's dictionary as a source of word frequencies and part-of-speech tags."""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba
import jieba.posseg

__all__ = ["is_common_word", "word_freq", "word_tag"]


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], dict[str, str]]:
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def word_freq(word: str) -> int:
    """jieba's frequency of ``word`` (0 when it is not in the dictionary).

    >>> word_freq("技能") > 1000, word_freq("邢化良")
    (True, 0)
    """
    return _dictionary()[0].get(word, 0)


def word_tag(word: str) -> str:
    """jieba's part-of-speech tag of a dictionary word ("" when unknown)."""
    return _dictionary()[1].get(word, "")


def is_common_word(word: str, threshold: int) -> bool:
    """A dictionary word at least this frequent that jieba does not tag as a name.

    >>> is_common_word("单位", 50), is_common_word("李娜", 50)
    (True, False)
    """
    return word_freq(word) >= threshold and not word_tag(word).startswith("nr")
