"""The interactive page: a pyvis network in a self-contained, offline HTML file.

pyvis builds the network (nodes, edges, options); the page around it is ours, because
pyvis 0.3.2 links Bootstrap from a CDN even in ``in_line`` mode and its Jinja
environment does not escape. Here every script and stylesheet is inline (vis-network
is read from the copy pyvis ships), the data travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the
page's own code builds the search box, type filter and legend with DOM text only, so
text from documents can never become markup. A Content-Security-Policy forbids any
network access.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import Graph

from kg.graph.view import ENTITY_TYPES, entity_view

__all__ = ["STYLE", "build_network", "render_html", "safe_json", "write_html"]

#: Colour and shape per entity type, and the legend's names.
STYLE: dict[str, dict[str, str]] = {
    "Organization": {"color": "#1f77b4", "shape": "dot", "zh": "组织机构"},
    "Program": {"color": "#ff7f0e", "shape": "diamond", "zh": "工作项目"},
    "Place": {"color": "#2ca02c", "shape": "triangle", "zh": "地点"},
    "Person": {"color": "#d62728", "shape": "star", "zh": "人物"},
}
_EDGE_COLOUR = {
    "locatedIn": "#9e9e9e",
    "subOrganizationOf": "#1f77b4",
    "implements": "#ff7f0e",
    "establishes": "#9467bd",
    "organizes": "#8c564b",
    "partnersWith": "#17becf",
    "holdsPost": "#d62728",
    "partOf": "#bcbd22",
}
_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
_OPTIONS: dict[str, Any] = {
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "nodes": {"font": {"face": _FONT, "size": 14}, "scaling": {"min": 8, "max": 40}},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": {"enabled": True, "type": "continuous"},
        "font": {"face": _FONT, "size": 10, "color": "#555555", "strokeWidth": 0},
    },
}


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, from the copy pyvis ships."""
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (
        (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        (lib / "vis-network.css").read_text(encoding="utf-8"),
    )


def safe_json(value: object) -> str:
    """JSON that can sit inside ``<script>`` without ending it.

    >>> safe_json({"a": "</script><img src=x>"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _node_title(data: dict[str, Any]) -> str:
    lines = [
        f"{data['label']}  ({data['type']}{' / ' + data['subtype'] if data['subtype'] else ''})"
    ]
    if data["code"]:
        lines.append(f"行政区划代码: {data['code']}")
    if data["aliases"]:
        lines.append("别名: " + "、".join(data["aliases"]))
    if data["documents"]:
        lines.append("文档: " + "、".join(data["documents"]))
    lines += [f"· {s[:120]}" for s in data["sentences"][:3]]
    return "\n".join(lines)


def _edge_title(data: dict[str, Any]) -> str:
    lines = [f"{data['predicate']}  (confidence {data['confidence']:.2f})"]
    if data["roles"]:
        lines.append("职务: " + "、".join(data["roles"]))
    for sentence, rule, document in zip(
        data["sentences"], data["rules"], [*data["documents"], *[""] * 9], strict=False
    ):
        lines.append(f"· {sentence[:120]}  [{rule}] {document}")
    return "\n".join(lines[:6])


def build_network(view: nx.MultiDiGraph) -> Network:
    """A pyvis network of the entity view: colour and shape by type, size by degree."""
    net = Network(directed=True, cdn_resources="in_line")
    degree = dict(view.degree())
    for node, data in view.nodes(data=True):
        style = STYLE[data["type"]]
        net.add_node(
            node,
            label=data["label"],
            title=_node_title(data),
            color=style["color"],
            shape=style["shape"],
            value=1 + degree.get(node, 0),
            kgType=data["type"],
        )
    for source, target, data in view.edges(data=True):
        net.add_edge(
            source,
            target,
            label=data["predicate"],
            title=_edge_title(data),
            color=_EDGE_COLOUR[data["predicate"]],
            dashes=data["predicate"] == "locatedIn",
        )
    return net


_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>工会新闻知识图谱 · Knowledge graph of union news</title>
<style>
__VIS_CSS__
html, body { margin: 0; height: 100%; font-family: __FONT__; }
body { display: flex; flex-direction: column; }
header { padding: 8px 12px; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
header h1 { font-size: 16px; margin: 0 12px 0 0; }
#graph { flex: 1; min-height: 400px; }
.legend span.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin: 0 4px 0 8px; vertical-align: middle; }
.legend label { cursor: pointer; white-space: nowrap; }
#summary { color: #555; font-size: 13px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 480px; font-family: __FONT__; font-size: 12px; }
</style>
<script>
__VIS_JS__
</script>
</head>
<body>
<header>
<h1>工会新闻知识图谱</h1>
<input id="search" type="search" placeholder="搜索实体 / search" aria-label="search">
<span class="legend" id="legend">__LEGEND__</span>
<span id="summary"></span>
</header>
<div id="graph"></div>
<script type="application/json" id="kg-data">__DATA__</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    document.body.setAttribute("data-stabilized", "true");
  });
  var hidden = {};
  function applyFilter() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !!hidden[n.kgType] }; }));
  }
  Array.prototype.forEach.call(document.querySelectorAll("#legend input"), function (box) {
    box.addEventListener("change", function () { hidden[box.value] = !box.checked; applyFilter(); });
  });
  document.getElementById("search").addEventListener("change", function (event) {
    var query = event.target.value.trim();
    if (!query) { network.unselectAll(); return; }
    var found = data.nodes.filter(function (n) { return n.label.indexOf(query) !== -1 || (n.title || "").indexOf(query) !== -1; });
    network.selectNodes(found.map(function (n) { return n.id; }));
    if (found.length) { network.focus(found[0].id, { scale: 1.2, animation: true }); }
  });
  document.getElementById("summary").textContent = data.nodes.length + " 实体 · " + data.edges.length + " 关系";
  window.kgNetwork = network;
  window.kgNodeCount = nodes.length;
  window.kgEdgeCount = edges.length;
})();
</script>
</body>
</html>
"""


_MARKER = re.compile(r"__(?:VIS_CSS|VIS_JS|FONT|LEGEND|DATA)__")


def _legend() -> str:
    parts = []
    for type_ in ENTITY_TYPES:
        style = STYLE[type_]
        parts.append(
            f'<label><input type="checkbox" value="{type_}" checked>'
            f'<span class="swatch" style="background:{style["color"]}"></span>'
            f"{style['zh']} {type_}</label>"
        )
    return "".join(parts)


def render_html(graph: Graph) -> str:
    """The page for ``graph``: deterministic for the same graph."""
    net = build_network(entity_view(graph))
    script, css = _vis_assets()
    payload = {
        "nodes": net.nodes,
        "edges": [{**edge, "id": f"e{i}"} for i, edge in enumerate(net.edges)],
        "options": _OPTIONS,
    }
    replacements = {
        "__VIS_CSS__": css,
        "__VIS_JS__": script,
        "__FONT__": _FONT,
        "__LEGEND__": _legend(),
        "__DATA__": safe_json(payload),
    }
    # one pass over the template: inserted text is never scanned for markers again
    return _MARKER.sub(lambda m: replacements[m.group(0)], _PAGE)


def write_html(graph: Graph, out_dir: Path) -> list[Path]:
    """Write ``graph.html`` into ``out_dir``."""
    path = out_dir / "graph.html"
    path.write_text(render_html(graph), encoding="utf-8")
    return [path]
