"""Discovering and reading files; bad inputs are skipped with coded reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS

from kg.corpus.load import discover, load_corpus, load_file
from kg.errors import KGError
from kg.types import RawDocument, Skipped
from tests.helpers import CORPUS


def test_corpus_has_the_five_seeds() -> None:
    names = [p.name for p in discover(CORPUS)]
    assert len(names) == 5
    assert names == sorted(names)


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KGError, match="E100"):
        discover(tmp_path / "nope")


def test_mixed_corpus(mixed_corpus: Path) -> None:
    items = list(load_corpus(mixed_corpus))
    docs = {i.identifier: i for i in items if isinstance(i, RawDocument)}
    skipped = {i.path: i for i in items if isinstance(i, Skipped)}

    assert docs["gbk.txt"].encoding == "gb18030"
    assert docs["gbk.txt"].text.startswith("安康市总工会")
    assert docs["big5.txt"].encoding == "big5"
    assert docs["big5.txt"].text.startswith("寧陜縣總工會")
    assert docs["utf16.txt"].encoding == "utf-16"
    assert docs["sub/bom.txt"].text.startswith("淄博市")
    assert docs["page.html"].media_type == "text/html"
    assert docs["page.html"].meta["title"] == "思明区总工会"
    record = docs["news.jsonl#L1"]
    assert (record.text, record.meta["title"], record.meta["date"]) == (
        "银川市总工会开展“凤城工匠”评选。",
        "凤城工匠",
        "2016-06-28",
    )
    assert record.path == "news.jsonl"

    assert skipped["empty.txt"].code == "E101"
    assert skipped["blank.txt"].code == "E101"
    assert skipped["image.txt"].code == "E102"
    assert skipped["bad.txt"].code == "E103"
    assert skipped["notes.pdf"].code == "E104"
    assert "unsupported file type" in skipped["notes.pdf"].reason
    assert skipped["news.jsonl#L2"].code == "E105"
    assert "invalid JSON" in skipped["news.jsonl#L2"].reason
    assert "no text field" in skipped["news.jsonl#L3"].reason
    # the message names the line and the file once
    assert "line 3 of " in skipped["news.jsonl#L3"].reason
    assert "#L3" not in skipped["news.jsonl#L3"].reason
    assert all(s.reason.startswith(f"[{s.code}]") for s in skipped.values())


def test_hidden_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "a.txt").write_text("工会", encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["a.txt"]


PAGE = """<html><head><title>成都市总工会开展“夏送清凉”慰问活动_四川工人日报</title>
<meta name="source" content="四川工人日报"><meta name="publishdate" content="2024-07-15">
<meta name="author" content="王强"></head>
<body><div class="nav">首页 | 新闻 | 分享到微信 成都市总工会开展“夏送清凉”慰问活动</div>
<p>7月15日,成都市总工会开展“夏送清凉”慰问活动,为一线职工送去清凉。</p></body></html>"""


def test_an_html_head_gives_title_source_date_and_author(tmp_path: Path) -> None:
    from kg.corpus.prepare import prepare
    from kg.graph.model import add_document

    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (raw,) = load_file(tmp_path / "page.html", tmp_path)
    assert isinstance(raw, RawDocument)
    assert raw.meta == {
        "source": "四川工人日报",
        "date": "2024-07-15",
        "author": "王强",
        "title": "成都市总工会开展“夏送清凉”慰问活动",
    }
    document = prepare(raw)
    # the heading line keeps the site's navigation; the story's title is the page's
    assert document.stories[0].title == "成都市总工会开展“夏送清凉”慰问活动"
    graph = Graph()
    node = add_document(graph, document)
    assert str(graph.value(node, DCTERMS.title)) == "成都市总工会开展“夏送清凉”慰问活动"
    assert str(graph.value(node, DCTERMS.source)) == "四川工人日报"
    assert str(graph.value(node, DCTERMS.creator)) == "王强"
    assert str(graph.value(node, DCTERMS.date)) == "2024-07-15"


def test_a_byline_element_names_the_author_when_the_head_does_not(tmp_path: Path) -> None:
    page = (
        "<html><head><title>标题一则新闻</title></head>"
        '<body><p class="info byline">记者 李阳</p><p>正文。</p></body></html>'
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (raw,) = load_file(tmp_path / "page.html", tmp_path)
    assert isinstance(raw, RawDocument) and raw.meta["author"] == "记者 李阳"
