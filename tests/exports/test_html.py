"""The HTML page never turns document text into markup."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import DCTERMS

from kg.corpus.prepare import prepare
from kg.exports.html import render_html
from kg.graph.model import add_document, new_graph, story_iri
from kg.types import RawDocument


def test_titles_are_escaped() -> None:
    text = "标题<img src=x onerror=alert(1)>\n本报讯(记者王强)正文。"
    doc = prepare(
        RawDocument("<script>alert(1)</script>.txt", "x.txt", text, "utf-8", "text/plain", "0" * 64)
    )
    graph = new_graph()
    add_document(graph, doc)
    graph.set(
        (
            story_iri(doc.raw.identifier, doc.stories[0]),
            DCTERMS.title,
            Literal('<script>alert("x")</script>'),
        )
    )
    page = render_html(graph)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<img" not in page
    assert "1 documents, 1 stories." in page
