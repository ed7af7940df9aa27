"""Finding entities by name or alias, forgiving typos by character overlap.

Chinese names are short strings of characters; a typo replaces or drops one (安康市总工
会 typed 安康总工会 or 安康市总公会). A name matches a query by the characters and the
character pairs they share (Dice coefficients), with a bonus when one contains the other:
no pinyin, no segmentation.

>>> index = NameIndex([("a", "安康市总工会", ("市总工会",)), ("b", "安康市", ())])
>>> [hit.key for hit in index.search("安康总工会")]
['a', 'b']
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Hit", "NameIndex", "normalise", "similarity"]

#: Below this similarity a name is no match.
THRESHOLD = 0.34


def normalise(text: str) -> str:
    """NFKC, lower case, no spaces or quotes: the form names are compared in.

    >>> normalise(" “一函两书” ")
    '一函两书'
    """
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if c.isalnum())


def _pairs(text: str) -> Counter[str]:
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def similarity(query: str, name: str) -> float:
    """How well ``name`` matches ``query`` (both normalised), from 0 to 1.

    >>> similarity("安康市总工会", "安康市总工会")
    1.0
    >>> round(similarity("安康市总公会", "安康市总工会"), 2)  # one character wrong
    0.72
    >>> similarity("一函两书", "安康市") == 0
    True
    """
    if not query or not name:
        return 0.0
    if query == name:
        return 1.0
    chars = _dice(Counter(query), Counter(name))
    pairs = _dice(_pairs(query), _pairs(name)) if len(query) > 1 and len(name) > 1 else chars
    score = (chars + pairs) / 2
    if query in name or name in query:
        score = max(score, 0.6 + 0.4 * min(len(query), len(name)) / max(len(query), len(name)))
    return score


@dataclass(frozen=True)
class Hit:
    """A found entity: its key, the name or alias that matched, and how well."""

    key: str
    label: str
    matched: str
    score: float


class NameIndex:
    """Entities by their names and aliases; ``search`` ranks them for a query."""

    def __init__(self, entries: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        self._names: list[tuple[str, str, str, str]] = []  # key, label, name, normalised
        by_char: dict[str, set[int]] = {}
        for key, label, aliases in entries:
            for name in dict.fromkeys((label, *aliases)):
                index = len(self._names)
                self._names.append((key, label, name, normalise(name)))
                for char in set(normalise(name)):
                    by_char.setdefault(char, set()).add(index)
        self._by_char = by_char

    def __len__(self) -> int:
        return len({key for key, *_ in self._names})

    def search(self, query: str, *, limit: int = 20) -> list[Hit]:
        """The entities whose best name matches ``query``, best first (ties by label)."""
        wanted = normalise(query)
        candidates: set[int] = set()
        for char in set(wanted):
            candidates |= self._by_char.get(char, set())
        best: dict[str, Hit] = {}
        for index in candidates:
            key, label, name, folded = self._names[index]
            score = similarity(wanted, folded)
            if score >= THRESHOLD and (key not in best or score > best[key].score):
                best[key] = Hit(key, label, name, score)
        return sorted(best.values(), key=lambda h: (-h.score, len(h.label), h.label))[:limit]
