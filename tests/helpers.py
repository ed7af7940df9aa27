"""Paths and small helpers shared by the tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.corpus.clean import clean
from kg.text import AlignedText

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"


def corpus_path(prefix: str) -> Path:
    """A corpus file by its name prefix (``"003"``)."""
    (path,) = CORPUS.glob(f"{prefix}_*")
    return path


def corpus_text(prefix: str) -> str:
    """The original text of a corpus file."""
    return corpus_path(prefix).read_text(encoding="utf-8")


@cache
def cleaned(prefix: str) -> AlignedText:
    """A corpus file after the default cleaning pipeline."""
    return clean(AlignedText.identity(corpus_text(prefix)))
