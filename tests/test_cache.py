"""The per-document cache cannot run code and cannot lie: what does not verify is a miss."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from kg.build import build
from kg.cache import DocumentCache
from tests.helpers import CORPUS

ONE = sorted(CORPUS.iterdir())[1]  # one real article keeps each build short


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / ONE.name).write_bytes(ONE.read_bytes())
    (folder / "other.txt").write_text("安康市总工会开展“一函两书”工作。", encoding="utf-8")
    return folder


def _build(corpus: Path, out: Path, cache: Path) -> dict[str, int]:
    result = build(corpus, out, formats=("turtle",), cache=DocumentCache(cache))
    return result.cache


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json"))


class _Marker:
    """Unpickling this would create a file: the cache must never unpickle anything."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (self.path, "ran"))  # type: ignore[return-value]


def _tamper(entry: Path, change: object) -> None:
    data = json.loads(entry.read_bytes())
    change(data)  # type: ignore[operator]
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_cached_build_equals_a_fresh_one(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _build(corpus, tmp_path / "a", cache)["misses"] == 2
    assert _build(corpus, tmp_path / "b", cache) == {
        "hits": 2,
        "misses": 0,
        "rejected": 0,
        "pruned": 0,
    }
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (
        tmp_path / "b" / "graph.ttl"
    ).read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        "pickle",
        "random bytes",
        "a pickled int",
        "flipped digits",
        "copied over another",
        "bad kind",
        "a figure that is no number",
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_rewritten(
    corpus: Path, tmp_path: Path, damage: str
) -> None:
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "fresh", cache)
    first, second = _entries(cache)
    marker = tmp_path / "marker"
    if damage == "pickle":
        first.write_bytes(pickle.dumps(_Marker(marker)))
    elif damage == "random bytes":
        first.write_bytes(bytes(range(256)) * 4)
    elif damage == "a pickled int":
        first.write_bytes(pickle.dumps(7))
    elif damage == "flipped digits":
        # a digit inside a block changes: the entry still parses, the checksum fails
        text = first.read_text(encoding="utf-8")
        at = text.index("kg:startOffset ") + len("kg:startOffset ")
        first.write_text(text[:at] + "-72057594037924409" + text[at + 1 :], encoding="utf-8")
    elif damage == "copied over another":
        first.write_bytes(second.read_bytes())
    else:
        # a forged entry whose checksum matches but whose values are of the wrong kind
        import hashlib

        from kg.cache import _canonical

        def change(data: dict) -> None:
            if damage == "bad kind":
                data["part"]["stories"] = -3
            else:
                data["part"]["figures"][0]["value"] = "1e999"
            data["checksum"] = hashlib.sha256(_canonical(data["part"])).hexdigest()

        if damage != "bad kind" and not json.loads(first.read_bytes())["part"]["figures"]:
            first, second = second, first  # the real article, the one with figures
        _tamper(first, change)
    again = _build(corpus, tmp_path / "again", cache)
    assert not marker.exists()
    assert again["hits"] == 1 and again["misses"] == 1 and again["rejected"] == 1
    fresh = (tmp_path / "fresh" / "graph.ttl").read_bytes()
    assert (tmp_path / "again" / "graph.ttl").read_bytes() == fresh
    report = json.loads((tmp_path / "again" / "report.json").read_text(encoding="utf-8"))
    assert report["documents_read"] == 2
    # the entry was rewritten: the next build finds both
    assert _build(corpus, tmp_path / "third", cache)["hits"] == 2


def test_stale_entries_are_pruned(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "0123456789abcdef-old.json").write_text("{}", encoding="utf-8")
    (cache / "legacy.pickle").write_bytes(b"x")
    keep = cache / "notes.txt"
    keep.write_text("a user's file", encoding="utf-8")
    assert _build(corpus, tmp_path / "out", cache)["pruned"] == 2
    assert keep.exists() and len(_entries(cache)) == 2
