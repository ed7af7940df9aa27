"""A span proposer trained on the gold: a CRF over the characters of a story.

The gold's mentions are projected onto the clean text (every occurrence of each surface
form, simplified as the cleaners write it; a longer one wins an overlap) as BIO labels by
type. Each character is described by named features: itself and its neighbours, its class,
whether it is inside quotes or 《》, and where the rule components' candidates and jieba's
words begin and go on. A linear-chain CRF (CRFsuite, L-BFGS: deterministic) learns the
labels; its spans are proposed where the rules proposed nothing.

>>> found = [("Organization", "安康市总工会"), ("Program", "一函两书")]
>>> labels = project("安康市总工会开展一函两书。", found)
>>> "".join(label[0] for label in labels)
'BIIIIIOOBIIIO'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kg.errors import Errors, KGError
from kg.learn.model import ModelRecord
from kg.text import is_cjk

__all__ = [
    "SPAN_LABELS",
    "SpanTagger",
    "char_features",
    "project",
    "spans_of",
]

#: The labels' type codes.
SPAN_LABELS = {"Organization": "ORG", "Program": "PRG", "Place": "LOC", "Person": "PER"}
_TYPES = {code: type_ for type_, code in SPAN_LABELS.items()}
_OPEN, _CLOSE = "“《「『", "”》」』"


def project(text: str, mentions: Iterable[tuple[str, str]]) -> list[str]:
    """BIO labels of ``text``'s characters from ``(type, surface)`` pairs: every
    occurrence of a surface, longer surfaces first, never overlapping."""
    labels = ["O"] * len(text)
    for type_, surface in sorted(set(mentions), key=lambda m: (-len(m[1]), m)):
        if not surface or type_ not in SPAN_LABELS:
            continue
        code = SPAN_LABELS[type_]
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if all(label == "O" for label in labels[start:end]):
                labels[start] = f"B-{code}"
                labels[start + 1 : end] = [f"I-{code}"] * (end - start - 1)
            start = text.find(surface, start + 1)
    return labels


def _kind(char: str) -> str:
    if is_cjk(char):
        return "han"
    if char.isdigit():
        return "digit"
    if char.isascii() and char.isalpha():
        return "latin"
    if char.isspace():
        return "space"
    return "punct"


def char_features(
    text: str, marks: dict[int, list[str]], words: Sequence[tuple[int, int]]
) -> list[list[str]]:
    """The features of each character of ``text``: ``marks`` holds, per position, the
    marks the rules left there (``cand:ORG:B``, ``cand:ORG:I`` …); ``words`` the spans of
    jieba's tokens."""
    starts = {a for a, _b in words}
    depth = 0
    found: list[list[str]] = []
    padded = f"^^{text}$$"
    for i, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        window = padded[i : i + 5]  # i-2 … i+2
        row = [
            f"c={char}",
            f"c-1={window[1]}",
            f"c+1={window[3]}",
            f"c-2={window[0]}",
            f"c+2={window[4]}",
            f"b-1={window[1]}{char}",
            f"b+1={char}{window[3]}",
            f"k={_kind(char)}",
            f"k-1={_kind(window[1])}",
            f"k+1={_kind(window[3])}",
            "word:B" if i in starts else "word:I",
        ]
        if depth > 0:
            row.append("quoted")
        row += marks.get(i, [])
        found.append(row)
        if char in _CLOSE:
            depth = max(0, depth - 1)
    return found


def spans_of(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` of the spans a BIO sequence labels.

    >>> spans_of(["B-ORG", "I-ORG", "O", "B-PER", "I-PER", "I-LOC"])
    [(0, 2, 'Organization'), (3, 5, 'Person')]
    """
    found: list[tuple[int, int, str]] = []
    start, code = -1, ""
    for i, label in enumerate([*labels, "O"]):
        if start >= 0 and label != f"I-{code}":
            found.append((start, i, _TYPES[code]))
            start = -1
        if label.startswith("B-"):
            start, code = i, label[2:]
    return found


class SpanTagger:
    """A linear-chain CRF over character features (``fit`` / ``predict``).

    Args:
        c1, c2: L1 and L2 regularisation; iterations: L-BFGS iterations at most.
    """

    def __init__(self, *, c1: float = 0.05, c2: float = 0.01, iterations: int = 150) -> None:
        self.params: dict[str, Any] = {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
        self.path: Path | None = None
        self.record = ModelRecord(features=["crf-characters-1"])
        self._tagger: Any = None

    def fit(self, sequences: Iterable[tuple[list[list[str]], list[str]]], path: Path) -> SpanTagger:
        """Train on ``(features, labels)`` sequences and write the model to ``path``."""
        import pycrfsuite

        trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
        for features, labels in sequences:
            trainer.append(features, labels)
        trainer.set_params(self.params)
        trainer.train(str(path))
        self.record.params = dict(self.params)
        self.path = path
        self._tagger = None
        return self

    def _open(self) -> Any:
        if self._tagger is None:
            import pycrfsuite

            if self.path is None:
                raise KGError(Errors.E190, path="(none)", reason="the tagger was never trained")
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.path))
            except (OSError, ValueError) as exc:
                raise KGError(Errors.E190, path=self.path, reason=exc) from exc
            self._tagger = tagger
        return self._tagger

    def predict(self, features: list[list[str]]) -> list[str]:
        """The labels of one sequence."""
        if not features:
            return []
        return list(self._open().tag(features))

    def save_record(self) -> Path:
        """Write the JSON record beside the model file."""
        assert self.path is not None
        record = self.path.with_suffix(self.path.suffix + ".json")
        record.write_text(
            json.dumps(asdict(self.record), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        return record

    @classmethod
    def load(cls, path: Path) -> SpanTagger:
        """The tagger saved at ``path`` (and its record).

        Raises:
            KGError: E190 when a file is missing or unreadable, E191 when it was made for
                other features.
        """
        tagger = cls()
        try:
            data = json.loads(path.with_suffix(path.suffix + ".json").read_text(encoding="utf-8"))
            tagger.record = ModelRecord(**data)
        except (OSError, ValueError, TypeError) as exc:
            raise KGError(Errors.E190, path=path, reason=exc) from exc
        if tagger.record.features != ["crf-characters-1"]:
            raise KGError(Errors.E191, path=path)
        tagger.path = path
        tagger._open()
        return tagger
