"""The interactive page: offline, escaped, complete — checked in headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from kg.build import BuildResult, build
from kg.exports.html import render_html, safe_json
from kg.graph.namespaces import KG
from tests.exports.browser import open_page

MALICIOUS = (
    "“&lt;script&gt;alert(1)&lt;/script&gt;”活动\n“&lt;img src=x onerror=alert(2)&gt;”工程\n"
)


def entity_count(graph: Graph) -> int:
    return len(
        {
            s
            for t in ("Organization", "Program", "Place", "Person")
            for s in graph.subjects(RDF.type, KG[t])
        }
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus whose names and file names carry markup."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    text = "安康市总工会开展活动。安康市总工会推行" + MALICIOUS
    (corpus / "news.txt").write_text(text, encoding="utf-8")
    (corpus / "<img src=x onerror=alert(1)>.txt").write_text(
        "淄博市总工会开展“一函两书”工作。", encoding="utf-8"
    )
    build(corpus, root / "out")
    return root / "out"


def test_safe_json_never_closes_a_script() -> None:
    text = safe_json({"label": "</script><script>alert(1)</script>", "x": "a&b", "y": "\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["label"] == "</script><script>alert(1)</script>"


def test_page_is_self_contained(corpus_build: tuple[BuildResult, Path]) -> None:
    page = (corpus_build[1] / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "vis.Network" in page
    assert "Noto Sans CJK SC" in page


def test_markup_in_names_stays_data(hostile: Path) -> None:
    page = (hostile / "graph.html").read_text(encoding="utf-8")
    data = page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    labels = [n["label"] for n in json.loads(data)["nodes"]]
    assert any("<script>" in label for label in labels)
    assert any("<img src=x" in label for label in labels)
    assert page.count("<script") == 4  # vis-network, the JSON block, the page's code, and no other


def test_render_is_deterministic(corpus_build: tuple[BuildResult, Path]) -> None:
    graph = corpus_build[0].graph
    assert render_html(graph) == render_html(graph)


@pytest.mark.browser
@pytest.mark.usefixtures("chromium")
def test_page_loads_offline_and_draws_every_entity(corpus_build: tuple[BuildResult, Path]) -> None:
    result, out = corpus_build
    with open_page(out / "graph.html") as visit:
        counts = visit.page.evaluate(
            "[window.kgNodeCount, Object.keys(window.kgNetwork.body.nodes).length,"
            " window.kgEdgeCount]"
        )
        title = visit.page.evaluate("document.title")
    assert counts[0] == counts[1] == entity_count(result.graph)
    assert counts[2] > 100
    assert visit.console_errors == []
    assert visit.blocked == []
    assert "知识图谱" in title


@pytest.mark.browser
@pytest.mark.usefixtures("chromium")
def test_markup_in_names_runs_no_script(hostile: Path) -> None:
    with open_page(hostile / "graph.html") as visit:
        labels = visit.page.evaluate("window.kgNetwork.body.data.nodes.get().map(n => n.label)")
        images = visit.page.evaluate("document.images.length")
        visit.page.fill("#search", "<img")
        visit.page.press("#search", "Enter")
        selected = visit.page.evaluate("window.kgNetwork.getSelectedNodes().length")
    assert visit.dialogs == []
    assert images == 0
    assert any("<script>" in label for label in labels)
    assert selected >= 1
    assert visit.console_errors == []


@pytest.mark.browser
@pytest.mark.usefixtures("chromium")
def test_type_filter_hides_nodes(corpus_build: tuple[BuildResult, Path]) -> None:
    with open_page(corpus_build[1] / "graph.html") as visit:
        visit.page.uncheck("#legend input[value=Place]")
        hidden = visit.page.evaluate(
            "window.kgNetwork.body.data.nodes.get().filter(n => n.hidden).length"
        )
        places = visit.page.evaluate(
            "window.kgNetwork.body.data.nodes.get().filter(n => n.kgType === 'Place').length"
        )
    assert hidden == places > 10
