"""Shared fixtures: the real corpus, one build of it, and a messy mixed corpus."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from kg.build import BuildResult, build
from tests.helpers import CORPUS, ROOT


def require(tool: str, found: bool) -> None:
    """Skip a test whose external tool is missing, except in CI, where it must be there
    (``scripts/setup-system.sh`` installs it)."""
    if found:
        return
    message = f"{tool} is not installed; run `make system` (scripts/setup-system.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def chromium() -> None:
    require("chromium", shutil.which("chromium") is not None)


@pytest.fixture
def rapper() -> str:
    require("rapper (raptor2-utils)", shutil.which("rapper") is not None)
    return "rapper"


@pytest.fixture
def cypher_lint() -> Path:
    tool = ROOT / "tools" / "cypher-lint"
    installed = (tool / "node_modules" / "@neo4j-cypher" / "language-support").is_dir()
    require("tools/cypher-lint (npm)", installed and shutil.which("node") is not None)
    return tool / "lint.mjs"


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    """``kg build corpus/`` once per session: the result and the output folder."""
    out = tmp_path_factory.mktemp("exports")
    return build(CORPUS, out), out


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    """A corpus of every kind of input a user's folder holds, good and bad."""
    root = tmp_path / "mixed"
    (root / "sub").mkdir(parents=True)
    (root / "gbk.txt").write_bytes("安康市总工会开展“一函两书”工作。".encode("gbk"))
    (root / "big5.txt").write_bytes("寧陜縣總工會舉辦職工技能大賽。".encode("big5"))
    (root / "utf16.txt").write_bytes("石泉县总工会运用一函两书追回欠薪。".encode("utf-16"))
    (root / "sub" / "bom.txt").write_bytes("\ufeff淄博市总工会成立劳模工匠学院。".encode())
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\n ")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "bad.txt").write_bytes(b"\x81\xff" * 8 + b" text")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "page.html").write_text(
        "<html><head><title>思明区总工会</title><style>p{color:red}</style>"
        "<script>var x = '不可见';</script></head><body><p>思明区总工会发起"
        '<b>微心愿</b>征集活动。</p><div style="display:none">广告垃圾</div>'
        "<p>工会&amp;职工</p></body></html>",
        encoding="utf-8",
    )
    records = [
        {"text": "银川市总工会开展“凤城工匠”评选。", "title": "凤城工匠", "date": "2016-06-28"},
        "not json",
        {"title": "no text"},
    ]
    (root / "news.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)
        + "\n",
        encoding="utf-8",
    )
    return root
