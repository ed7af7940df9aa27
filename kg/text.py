"""Text and its characters, below every stage: CJK ideographs, sentence ends, and text
with a character-level map back to the original file's text.

Every cleaner rewrites an :class:`AlignedText` into a new one, so that after the
whole pipeline each clean character still knows which slice of the original it
came from. Evidence offsets in the graph are computed with :meth:`to_original`.

>>> t = AlignedText.identity("產(chǎn)業")
>>> c = t.sub(re.compile(r"\\(chǎn\\)"), "")
>>> c.text, c.to_original(0, 2)
('產業', (0, 8))
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "CJK",
    "CJK_RANGES",
    "FULL_STOPS",
    "SENTENCE_ENDS",
    "AlignedText",
    "Piece",
    "is_cjk",
]

#: The CJK unified ideographs: extension A, the basic block and the compatibility block
#: (the ranges of a regex character class), and one of them as a class.
CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = f"[{CJK_RANGES}]"
#: What ends a sentence in Chinese news text (with a line break, where lines matter);
#: FULL_STOPS are the three that end one whatever follows.
SENTENCE_ENDS = "。！？!?；;…"
FULL_STOPS = "。！？"


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph.

    >>> is_cjk("工"), is_cjk("㐀"), is_cjk("a"), is_cjk("，")
    (True, True, False, False)
    """
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3400" <= char <= "\u4dbf"
        or ("\uf900" <= char <= "\ufaff")
    )


#: A piece of a rebuilt text: ``(start, end)`` keeps that slice of the current
#: text with its mapping; a ``str`` inserts new text mapped to ``anchor``.
Piece = tuple[int, int] | tuple[str, int, int]


class Searcher(Protocol):
    """What :meth:`AlignedText.sub` needs of a pattern: its matches in a text."""

    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...


@dataclass(frozen=True, eq=False, slots=True)
class AlignedText:
    """A text whose character ``i`` came from ``original[starts[i]:ends[i]]``."""

    text: str
    starts: array
    ends: array

    @classmethod
    def identity(cls, text: str) -> AlignedText:
        """Wrap an original text: every character maps to itself."""
        n = len(text)
        return cls(text, array("q", range(n)), array("q", range(1, n + 1)))

    def __len__(self) -> int:
        return len(self.text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean span ``[start, end)`` to a span of the original text."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            anchor = self.starts[start] if start < len(self.text) else self._end()
            return anchor, anchor
        return self.starts[start], max(self.ends[start:end])

    def source_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the original the clean span ``[start, end)`` came from, one per
        run of characters with the same source, in order (what the cleaners removed lies
        between them).

        >>> t = AlignedText.identity("產(chǎn)業")
        >>> t.sub(re.compile(r"\\(chǎn\\)"), "").source_spans(0, 2)
        [(0, 1), (7, 8)]
        """
        spans: list[tuple[int, int]] = []
        for index in range(start, end):
            span = (self.starts[index], self.ends[index])
            if not spans or spans[-1] != span:
                spans.append(span)
        return spans

    def _end(self) -> int:
        return self.ends[-1] if self.ends else 0

    def _anchor(self, pos: int) -> int:
        return self.starts[pos] if pos < len(self.text) else self._end()

    def rebuild(self, pieces: Iterable[Piece]) -> AlignedText:
        """Assemble a new text from kept slices and inserted strings.

        A kept slice ``(start, end)`` keeps its characters' mapping. An inserted
        piece ``(string, start, end)`` replaces the current slice ``[start, end)``:
        if lengths match the mapping stays character by character, otherwise every
        new character maps to the whole original span of that slice.
        """
        parts: list[str] = []
        starts = array("q")
        ends = array("q")
        for piece in pieces:
            if len(piece) == 2:
                a, b = piece
                parts.append(self.text[a:b])
                starts.extend(self.starts[a:b])
                ends.extend(self.ends[a:b])
                continue
            new, a, b = piece
            if not new:
                continue
            parts.append(new)
            if b - a == len(new):
                starts.extend(self.starts[a:b])
                ends.extend(self.ends[a:b])
            elif a < b:
                lo, hi = self.to_original(a, b)
                starts.extend([lo] * len(new))
                ends.extend([hi] * len(new))
            else:
                anchor = self._anchor(a)
                starts.extend([anchor] * len(new))
                ends.extend([anchor] * len(new))
        return AlignedText("".join(parts), starts, ends)

    def sub(
        self,
        pattern: re.Pattern[str] | Searcher,
        repl: str | Callable[[re.Match[str]], str],
    ) -> AlignedText:
        """Like :func:`re.sub`, keeping the offset map."""
        pieces: list[Piece] = []
        last = 0
        changed = False
        for match in pattern.finditer(self.text):
            new = repl if isinstance(repl, str) else repl(match)
            if new == match.group(0):
                continue
            changed = True
            pieces.append((last, match.start()))
            pieces.append((new, match.start(), match.end()))
            last = match.end()
        if not changed:
            return self
        pieces.append((last, len(self.text)))
        return self.rebuild(pieces)

    def map_lines(self, convert: Callable[[str], str]) -> AlignedText:
        """Apply a per-line string conversion (such as OpenCC).

        Lines whose length is unchanged keep a character-level map; a line whose
        length changes is converted character by character, so the map never
        drifts.
        """
        pieces: list[Piece] = []
        pos = 0
        for line in self.text.splitlines(keepends=True):
            end = pos + len(line)
            new = convert(line)
            if new == line:
                pieces.append((pos, end))
            elif len(new) == len(line):
                pieces.append((new, pos, end))
            else:
                for i, ch in enumerate(line):
                    pieces.append((convert(ch), pos + i, pos + i + 1))
            pos = end
        return self.rebuild(pieces)
