"""Text cut into pieces to mark: names inside a sentence, mentions inside a document.

Pages render the pieces with the template engine's escaping, so the text of a document is
never markup.

>>> marked("市总工会联合人社局发布通知", ["人社局", "市总工会"])
[('市总工会', True), ('联合', False), ('人社局', True), ('发布通知', False)]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass

__all__ = ["Piece", "marked", "pieces"]


def marked(text: str, names: Iterable[str]) -> list[tuple[str, bool]]:
    """``text`` cut so that every occurrence of a name (longest first) is its own piece."""
    wanted = sorted({n for n in names if n}, key=lambda n: (-len(n), n))
    flags = [False] * len(text)
    for name in wanted:
        start = text.find(name)
        while start >= 0:
            if not any(flags[start : start + len(name)]):
                flags[start : start + len(name)] = [True] * len(name)
            start = text.find(name, start + len(name))
    return [(text[start:end], flags[start]) for start, end in _runs(flags)]


def _runs(keys: Sequence[Hashable]) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of each run of equal keys, in one pass (pieces are sliced
    once, never grown character by character: a long document without mentions is one
    piece, not a quadratic string).

    >>> list(_runs([1, 1, 2, 1]))
    [(0, 2), (2, 3), (3, 4)]
    """
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            yield start, index
            start = index


@dataclass(frozen=True)
class Piece:
    """A piece of a document: its text, the mention it is part of (entity IRI and label,
    "" if none), whether that is the entity the page is about, and whether it is inside
    the highlighted sentence."""

    text: str
    entity: str = ""
    label: str = ""
    focus: bool = False
    sentence: bool = False


def pieces(
    text: str,
    mentions: Iterable[tuple[int, int, str, str]],
    *,
    focus: str = "",
    sentence: tuple[int, int] | None = None,
) -> list[Piece]:
    """``text`` cut at the mentions' offsets (``(start, end, entity, label)``; an inner or
    overlapping one gives way to the one that starts first) and the sentence's.

    >>> [(p.text, p.entity, p.sentence) for p in pieces("甲乙丙丁", [(1, 3, "e", "乙丙")],
    ...                                                  sentence=(0, 2))]
    [('甲', '', True), ('乙', 'e', True), ('丙', 'e', False), ('丁', '', False)]
    """
    owner: list[tuple[str, str] | None] = [None] * len(text)
    for start, end, entity, label in sorted(mentions):
        start, end = max(0, start), min(len(text), end)
        if start < end and all(o is None for o in owner[start:end]):
            owner[start:end] = [(entity, label)] * (end - start)
    low, high = sentence if sentence else (-1, -1)
    keys = [(o, low <= i < high) for i, o in enumerate(owner)]
    found: list[Piece] = []
    for start, end in _runs(keys):
        entity, label = owner[start] or ("", "")
        inside = keys[start][1]
        found.append(
            Piece(text[start:end], entity, label, bool(entity) and entity == focus, inside)
        )
    return found
