"""Read the lexicons shipped in ``ontology/lexicon/`` (loaded once, offline)."""

from __future__ import annotations

from functools import lru_cache

from kg.config import ontology_file

__all__ = ["looks_like_name", "surnames"]


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Chinese surnames (``surnames.txt``, from jionlp; see the lexicon README)."""
    path = ontology_file("lexicon/surnames.txt")
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line)


def looks_like_name(text: str) -> bool:
    """A 2-4 character personal name beginning with a known surname.

    >>> looks_like_name("孙妙鸿"), looks_like_name("欧阳刚"), looks_like_name("提问")
    (True, True, False)
    """
    if not 2 <= len(text) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return False
    names = surnames()
    return (text[:2] in names and len(text) >= 3) or text[0] in names
