"""HTML export: an offline page of the graph's documents and stories.

Every string from a document is escaped: document text can never become markup.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF
from rdflib.term import Node

from kg.graph.namespaces import KG

__all__ = ["render_html", "write_html"]

_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Knowledge graph: documents and stories</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: 4px 8px; }}
</style>
</head>
<body>
<h1>Documents and stories</h1>
<p>{summary}</p>
<table>
<thead><tr><th>Document</th><th>#</th><th>Title</th><th>Date</th><th>Outlet</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def _text(graph: Graph, node: Node, prop: URIRef) -> str:
    value = graph.value(node, prop)
    return escape(str(value)) if value is not None else ""


def _index(graph: Graph, story: Node) -> int:
    value = graph.value(story, KG.storyIndex)
    return int(value.toPython()) if isinstance(value, Literal) else 0


def render_html(graph: Graph) -> str:
    """Render the document/story table of ``graph`` as a standalone page."""
    rows = []
    documents = sorted(graph.subjects(RDF.type, KG.Document), key=str)
    stories = 0
    for doc in documents:
        identifier = _text(graph, doc, DCTERMS.identifier)
        for story in sorted(graph.objects(doc, KG.hasStory), key=lambda s: _index(graph, s)):
            stories += 1
            rows.append(
                f"<tr><td>{identifier}</td><td>{_text(graph, story, KG.storyIndex)}</td>"
                f"<td>{_text(graph, story, DCTERMS.title)}</td>"
                f"<td>{_text(graph, story, DCTERMS.date)}</td>"
                f"<td>{_text(graph, story, KG.outlet)}</td></tr>"
            )
    summary = f"{len(documents)} documents, {stories} stories."
    return _PAGE.format(summary=summary, rows="\n".join(rows))


def write_html(graph: Graph, out_dir: Path) -> list[Path]:
    """Write ``graph.html`` into ``out_dir``."""
    path = out_dir / "graph.html"
    path.write_text(render_html(graph), encoding="utf-8")
    return [path]
