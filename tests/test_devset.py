"""The development set: its gold files and sources table always; its texts, and the
quality on them, when they are restored (``tests/devset/README.md``; skipped if not)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kg.build import build
from kg.eval import evaluate, gold_problems, load_gold
from kg.graph.validate import load_graph
from tests.helpers import ROOT

DEVSET = ROOT / "tests" / "devset"
GOLD = ROOT / "tests" / "gold" / "devset"
TEXTS = DEVSET / "texts"


def _sources() -> dict[str, dict[str, str]]:
    with (DEVSET / "sources.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _restored() -> list[str]:
    return sorted(i for i in _sources() if (TEXTS / f"{i}.txt").exists())


def test_every_source_has_gold_and_every_gold_a_source() -> None:
    sources = _sources()
    assert len(sources) >= 60
    assert set(sources) == {p.stem for p in GOLD.glob("*.json")}
    for row in sources.values():
        assert row["url"].startswith(("http://", "https://")) and row["query"].strip()
        assert int(row["chars"]) > 0
        assert row["script"] in {"simplified", "traditional", "traditional+pinyin"}
        assert row["fold"] in {"0", "1", "2", "3", "4"}, row["id"]
    assert len({row["url"] for row in sources.values()}) == len(sources)


def test_the_folds_are_balanced_by_province_and_size() -> None:
    rows = list(_sources().values())
    sizes = [sum(r["fold"] == str(n) for r in rows) for n in range(5)]
    assert max(sizes) - min(sizes) <= 2
    for province in {r["province"] for r in rows}:
        per_fold = [
            sum(r["fold"] == str(n) and r["province"] == province for r in rows) for n in range(5)
        ]
        assert max(per_fold) - min(per_fold) <= 1, province


def test_the_set_is_broad() -> None:
    sources = _sources().values()
    assert len({row["province"] for row in sources}) >= 20
    traditional = [row for row in sources if row["script"].startswith("traditional")]
    assert len(traditional) >= len(sources) / 4
    assert sum(row["script"] == "traditional+pinyin" for row in sources) >= 5


@pytest.mark.parametrize(
    "path",
    sorted(GOLD.glob("*.json")) + sorted((ROOT / "tests" / "gold").glob("*.json")),
    ids=lambda p: p.stem,
)
def test_gold_files_follow_the_guidelines(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold_problems(path.stem, gold) == []  # measurements included, corpus and devset


def test_restored_texts_are_the_recorded_pages() -> None:
    restored = _restored()
    if not restored:
        pytest.skip("no development texts restored (tests/devset/README.md)")
    sources = _sources()
    for doc_id in restored:
        text = (TEXTS / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert len(text) == int(sources[doc_id]["chars"]), doc_id
        gold = json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))
        assert gold_problems(doc_id, gold, text) == [], doc_id


@pytest.mark.slow
def test_quality_on_the_development_set(tmp_path: Path) -> None:
    """Regression floors on whatever texts are restored (the figures are in the README)."""
    if len(_restored()) < 10:
        pytest.skip("fewer than 10 development texts restored (tests/devset/README.md)")
    corpus = tmp_path / "texts"
    corpus.mkdir()
    for doc_id in _restored():
        (corpus / f"{doc_id}.txt").write_bytes((TEXTS / f"{doc_id}.txt").read_bytes())
    build(corpus, tmp_path / "out", formats=("turtle",))
    report = evaluate(
        load_gold(GOLD), load_graph(tmp_path / "out" / "graph.ttl"), present_only=True
    )
    assert report.documents == len(_restored())
    # floors on the 256 articles (192 of them written after the rules): 0.742 / 0.555
    assert report.overall("entities").f1 >= 0.72
    assert report.entities["Organization"].f1 >= 0.66
    assert report.entities["Program"].f1 >= 0.53
    assert report.entities["Place"].f1 >= 0.80
    assert report.entities["Person"].f1 >= 0.90
    assert report.overall("relations").f1 >= 0.53
