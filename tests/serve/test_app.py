"""The explorer's pages from the application itself: untrusted text stays text, missing
things say so, and ``kg serve`` refuses what it must."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app as cli
from kg.serve.app import create_app
from kg.serve.data import open_explorer

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:starlette.*")

HOSTILE = "安康市总工会<script>alert(1)</script>"
GRAPH = f"""
@prefix kg: <https://w3id.org/cn-union-kg/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix id: <https://w3id.org/cn-union-kg/id/> .
<https://w3id.org/cn-union-kg/id/org/x> a kg:Organization , kg:TradeUnion ;
    rdfs:label "{HOSTILE}"@zh ; skos:altLabel "<img src=x onerror=alert(2)>"@zh ;
    kg:implements <https://w3id.org/cn-union-kg/id/program/y> .
<https://w3id.org/cn-union-kg/id/program/y> a kg:Program ; rdfs:label "一函两书\\"</a>"@zh .
<https://w3id.org/cn-union-kg/id/doc/d.txt> a kg:Document ; dcterms:identifier "d.txt" ;
    kg:sourceFile "d.txt" ; kg:sha256 "0" ; kg:mentions <https://w3id.org/cn-union-kg/id/org/x> ;
    kg:hasStory <https://w3id.org/cn-union-kg/id/doc/d.txt/story/1> .
<https://w3id.org/cn-union-kg/id/doc/d.txt/story/1> kg:storyIndex 1 ;
    kg:text "<b>正文</b> {HOSTILE}" .
<https://w3id.org/cn-union-kg/id/doc/d.txt/assertion/1> a kg:Assertion ;
    rdf:subject id:org\\/x ; rdf:predicate kg:implements ; rdf:object id:program\\/y ;
    kg:sentence "{HOSTILE}开展<i>一函两书</i>" ; kg:inDocument id:doc\\/d.txt ;
    kg:startOffset 0 ; kg:endOffset 10 ; kg:rule "r" ; kg:confidence 0.5 .
"""


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    (tmp_path / "graph.ttl").write_text(GRAPH, encoding="utf-8")
    return TestClient(create_app(open_explorer(tmp_path)))


def test_text_from_documents_is_never_markup(client: TestClient) -> None:
    iri = "https://w3id.org/cn-union-kg/id/org/x"
    pages = [
        client.get("/search", params={"q": "安康市总工会"}).text,
        client.get("/entity", params={"iri": iri}).text,
        client.get("/document", params={"id": "d.txt", "entity": iri}).text,
        client.get("/api/search", params={"q": "安康"}).text,
    ]
    for text in pages[:3]:
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>正文" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<i>一函两书" not in pages[1] and "&lt;i&gt;" in pages[1]
    assert '一函两书"</a>' not in pages[1]
    assert "<script>alert(1)</script>" in pages[3]  # JSON, served as application/json


def test_a_document_whose_original_is_not_found_says_so(client: TestClient) -> None:
    page = client.get("/document", params={"id": "d.txt"}).text
    assert "not in the corpus" in page and "正文" in page


def test_unknown_things_are_404(client: TestClient) -> None:
    assert (
        client.get(
            "/entity", params={"iri": "https://w3id.org/cn-union-kg/id/org/none"}
        ).status_code
        == 404
    )
    assert client.get("/entity", params={"iri": "x> } ; DROP ALL"}).status_code == 404
    assert client.get("/document", params={"id": "none.txt"}).status_code == 404
    assert client.get("/queries/none").status_code == 404
    assert client.get("/graph", params={"iri": "nope"}).status_code == 404


def test_every_page_forbids_other_scripts_and_requests(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "connect-src 'self'" in policy


def test_the_original_file_is_read_only_from_inside_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("安康市总工会开展“一函两书”工作。", encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle",))
    page = TestClient(create_app(open_explorer(out))).get("/document", params={"id": "a.txt"})
    assert "原文" in page.text and "mention" in page.text
    # the file changed since the build: its offsets no longer hold, so it is not shown
    (corpus / "a.txt").write_text("别的内容", encoding="utf-8")
    page = TestClient(create_app(open_explorer(out))).get("/document", params={"id": "a.txt"})
    assert "not in the corpus" in page.text and "别的内容" not in page.text
    shutil.rmtree(corpus)
    page = TestClient(create_app(open_explorer(out))).get("/document", params={"id": "a.txt"})
    assert "not in the corpus" in page.text


def test_kg_serve_refuses_a_missing_build_and_a_public_address(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["serve", str(tmp_path)])
    assert missing.exit_code == 1 and "E170" in missing.output
    public = runner.invoke(cli, ["serve", str(tmp_path), "--host", "0.0.0.0"])
    assert public.exit_code == 1 and "E172" in public.output


def test_an_entity_page_caps_the_evidence_of_a_relation(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(12):
        (corpus / f"copy{number:02d}.txt").write_text(
            f"第{number + 1}期:安康市总工会开展“一函两书”工作。", encoding="utf-8"
        )
    build(corpus, tmp_path / "out", formats=("turtle",))
    client = TestClient(create_app(open_explorer(tmp_path / "out")))
    iri = "https://w3id.org/cn-union-kg/id/org/安康市总工会"
    page = client.get("/entity", params={"iri": iri}).text
    relation = page[page.index("一函两书</a>") :]
    relation = relation[: relation.index("</ul>")]
    assert relation.count('class="sentence"') == 10 and "and 2 more" in relation
    assert page.count('class="document"') == 12


def test_a_page_of_text_as_a_query_is_cut_to_a_name_length(client: TestClient) -> None:
    from kg.serve.data import QUERY_CHARS

    text = "安康市总工会" * 300
    cut = client.get("/api/search", params={"q": text[:QUERY_CHARS]}).json()
    assert client.get("/api/search", params={"q": text}).json() == cut


def test_an_entity_page_counts_its_mentions_and_relations_by_year(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "安康市总工会开展“一函两书”工作。"
    lines = [
        f'{{"title": "第{n}期", "date": "{date}", "text": "{text}"}}'
        for n, date in enumerate(["2021-03-01", "2023-05-01", "2023-09-01"], start=1)
    ]
    (corpus / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "undated.txt").write_text(text, encoding="utf-8")
    build(corpus, tmp_path / "out", formats=("turtle",))
    explorer = open_explorer(tmp_path / "out")
    found = explorer.entity("https://w3id.org/cn-union-kg/id/org/安康市总工会")
    assert found is not None
    timeline = {y.year: (y.mentions, y.relations, y.documents) for y in found.timeline}
    assert [y.year for y in found.timeline] == ["2021", "2023", ""]  # undated last
    one = timeline["2021"]
    assert one[0] >= 1 and one[1] >= 1 and one[2] == 1
    assert timeline["2023"] == (2 * one[0], 2 * one[1], 2) and timeline[""] == one
    page = TestClient(create_app(explorer)).get("/entity", params={"iri": found.iri}).text
    assert "按年份 · Over time" in page and "未注明 undated" in page


def test_the_neighbourhood_graph_draws_with_the_pages_table(client: TestClient) -> None:
    import html
    import json
    import re

    from kg.vocab.ontology import styles

    page = client.get("/graph", params={"iri": "https://w3id.org/cn-union-kg/id/org/x"}).text
    embedded = re.search(r'data-styles="([^"]*)"', page)
    assert embedded is not None
    assert json.loads(html.unescape(embedded.group(1))) == styles()
    # the legend names each type with the colour the page gives it
    assert f"background:{styles()['Organization']['color']}" in page and "位于" in page


def test_an_entitys_figures_say_the_programme_they_count_for(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("安康市总工会“冬送温暖”筹集资金466.33万元。", encoding="utf-8")
    build(corpus, tmp_path / "out", formats=("turtle",))
    explorer = open_explorer(tmp_path / "out")
    found = explorer.entity("https://w3id.org/cn-union-kg/id/org/安康市总工会")
    assert found is not None
    assert [(f.value, f.programme) for f in found.figures] == [("4663300", "冬送温暖")]
    page = TestClient(create_app(explorer)).get("/entity", params={"iri": found.iri}).text
    assert "项目 programme" in page and "<td>冬送温暖</td>" in page
