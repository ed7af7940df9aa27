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
import numpy as np
import pyvis
from pyvis.network import Network
from rdflib import Graph

from kg.graph.built import BuiltGraph
from kg.graph.view import entity_view
from kg.vocab.ontology import ENTITY_TYPES, RELATION_TYPES, styles

__all__ = [
    "OVERVIEW_PER_TYPE",
    "STYLE",
    "build_network",
    "layout",
    "overview",
    "render_html",
    "safe_json",
    "write_html",
]

#: Colour and shape per entity type, and the legend's names (``ontology/display.tsv``).
STYLE: dict[str, dict[str, str]] = {t: styles()[t] for t in ENTITY_TYPES}
_EDGE_COLOUR = {name: styles()[name]["color"] for name in RELATION_TYPES}
_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
_OPTIONS: dict[str, Any] = {
    # positions are computed when the page is written (a seeded spring layout of the
    # overview), so the page opens drawn: no live physics to wait for
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "nodes": {"font": {"face": _FONT, "size": 14}, "scaling": {"min": 8, "max": 40}},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": False,
        "font": {"face": _FONT, "size": 10, "color": "#555555", "strokeWidth": 0},
    },
}
#: The entities the page opens with: the most connected ones, at most this many of each
#: type; search and a click on a node bring in the others. Four types of 120 keep the
#: overview under networkx's 500 nodes, where its spring layout stays dense numpy (no scipy).
OVERVIEW_PER_TYPE = 120
#: The longest list a tooltip shows before "… and N more".
TOOLTIP_ITEMS = 8
#: Neighbours one click (or a search) brings in, the most connected first; a hub of
#: thousands grows by this many per click, so the page stays responsive.
EXPAND_LIMIT = 150


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


def _capped(items: list[str], limit: int = TOOLTIP_ITEMS) -> str:
    """``items`` joined with 、, the first ``limit`` of them and how many more.

    >>> _capped(["a", "b", "c"], 2)
    'a、b … 等另 1 项 (and 1 more)'
    """
    shown = "、".join(items[:limit])
    rest = len(items) - limit
    return f"{shown} … 等另 {rest} 项 (and {rest} more)" if rest > 0 else shown


def _node_title(data: dict[str, Any]) -> str:
    lines = [
        f"{data['label']}  ({data['type']}{' / ' + data['subtype'] if data['subtype'] else ''})"
    ]
    if data["code"]:
        lines.append(f"行政区划代码: {data['code']}")
    if data["aliases"]:
        lines.append("别名: " + _capped(data["aliases"]))
    if data["documents"]:
        lines.append("文档: " + _capped(data["documents"]))
    if data.get("figures"):
        lines.append("数据 · figures: " + _capped(data["figures"], 5))
    lines += [f"· {s[:120]}" for s in data["sentences"][:3]]
    return "\n".join(lines)


def _edge_title(data: dict[str, Any]) -> str:
    lines = [f"{data['predicate']}  (confidence {data['confidence']:.2f})"]
    if data["roles"]:
        lines.append("职务: " + _capped(data["roles"]))
    evidence = list(
        zip(data["sentences"], data["rules"], [*data["documents"], *[""] * 9], strict=False)
    )
    for sentence, rule, document in evidence[:4]:
        lines.append(f"· {sentence[:120]}  [{rule}] {document}")
    if len(evidence) > 4:
        lines.append(f"… 另有 {len(evidence) - 4} 条证据 (and {len(evidence) - 4} more)")
    return "\n".join(lines)


def overview(view: nx.MultiDiGraph, per_type: int = OVERVIEW_PER_TYPE) -> list[str]:
    """The entities the page opens with: per type, the most connected (ties by label)."""
    degree = dict(view.degree())
    chosen: list[str] = []
    for type_ in ENTITY_TYPES:
        of_type = [n for n, d in view.nodes(data=True) if d["type"] == type_]
        of_type.sort(key=lambda n: (-degree.get(n, 0), view.nodes[n]["label"], n))
        chosen += of_type[:per_type]
    return sorted(chosen)


#: The frame the overview is laid out in, in page pixels (the page opens fitted to it, so
#: at about its natural scale, where labels are legible), and the least distance between
#: two nodes' centres in it.
FRAME = (1300.0, 780.0)
SPACING = 52.0


def spread(
    points: np.ndarray,
    *,
    frame: tuple[float, float] = FRAME,
    spacing: float = SPACING,
    rounds: int = 300,
) -> np.ndarray:
    """``points`` stretched over ``frame`` and pushed apart until no two are closer than
    ``spacing`` (or ``rounds`` have passed): each pair too close moves apart along the line
    between them, coincident ones along a fixed direction of their own. Deterministic.

    >>> spread(np.zeros((3, 2)), frame=(100.0, 100.0), spacing=10.0).round().tolist()
    [[0.0, 0.0], [50.0, 50.0], [100.0, 100.0]]
    """
    count = len(points)
    if count < 2:
        return np.zeros((count, 2))
    low, high = points.min(axis=0), points.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1.0)
    at = (points - low) / span
    if np.allclose(high, low):
        at = np.linspace(0.0, 1.0, count)[:, None].repeat(2, axis=1)
    size = np.array(frame)
    at = at * size
    angle = 2.399963 * np.arange(count)  # the golden angle: a direction per node
    own = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    for _ in range(rounds):
        diff = at[:, None, :] - at[None, :, :]
        dist = np.sqrt((diff**2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        close = dist < spacing
        if not close.any():
            break
        direction = np.where(
            (dist > 1e-6)[..., None], diff / np.maximum(dist, 1e-6)[..., None], own[:, None, :]
        )
        deficit = np.where(close, (spacing - np.minimum(dist, spacing)) / 2, 0.0)
        at = np.clip(at + (direction * deficit[..., None]).sum(axis=1) * 0.5, 0.0, size)
    return at


def layout(view: nx.MultiDiGraph, nodes: list[str]) -> dict[str, tuple[int, int]]:
    """Positions of ``nodes`` in page pixels: a seeded spring layout (the same for the same
    view), stretched over the page's frame with no two nodes nearer than ``SPACING``."""
    if not nodes:
        return {}
    # built in sorted order: a subgraph view iterates its node set, whose order follows
    # the hash seed, and the seeded layout places nodes in the order it meets them
    sub = nx.Graph()
    sub.add_nodes_from(sorted(nodes))
    sub.add_edges_from(sorted(view.subgraph(nodes).edges()))
    positions = nx.spring_layout(sub, seed=7, iterations=60)
    order = sorted(positions)
    placed = spread(np.array([positions[n] for n in order], dtype=float))
    return {n: (round(float(x)), round(float(y))) for n, (x, y) in zip(order, placed, strict=True)}


def build_network(view: nx.MultiDiGraph, per_type: int = OVERVIEW_PER_TYPE) -> Network:
    """A pyvis network of the entity view: colour and shape by type, size by degree; the
    overview's nodes carry their positions (``x``, ``y``) and ``kgOverview``."""
    net = Network(directed=True, cdn_resources="in_line")
    degree = dict(view.degree())
    shown = overview(view, per_type)
    positions = layout(view, shown)
    for node, data in view.nodes(data=True):
        style = STYLE[data["type"]]
        extra: dict[str, Any] = {}
        if node in positions:
            extra = {"x": positions[node][0], "y": positions[node][1], "kgOverview": True}
        net.add_node(
            node,
            label=data["label"],
            title=_node_title(data),
            color=style["color"],
            shape=style["shape"],
            value=1 + degree.get(node, 0),
            kgType=data["type"],
            kgAliases=data["aliases"],
            **extra,
        )
    for source, target, data in view.edges(data=True):
        net.add_edge(
            source,
            target,
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
.relations { font-size: 12px; color: #555; }
.relations span.line { display: inline-block; width: 14px; height: 3px; margin: 0 3px 0 8px; vertical-align: middle; }
#summary { color: #555; font-size: 13px; }
#status { color: #a33; font-size: 13px; }
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
<span class="relations" id="relations">__RELATIONS__</span>
<span id="status" role="status"></span>
<span id="summary"></span>
</header>
<div id="graph"></div>
<script type="application/json" id="kg-data">__DATA__</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var adjacent = {};
  data.edges.forEach(function (e) {
    (adjacent[e.from] = adjacent[e.from] || []).push(e);
    (adjacent[e.to] = adjacent[e.to] || []).push(e);
  });
  var hidden = {};
  var nodes = new vis.DataSet(data.nodes.filter(function (n) { return n.kgOverview; }));
  var edges = new vis.DataSet(data.edges.filter(function (e) { return nodes.get(e.from) && nodes.get(e.to); }));
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var status = document.getElementById("status");
  function counts() {
    document.getElementById("summary").textContent = nodes.length + " / " + data.nodes.length + " 实体 · " + edges.length + " / " + data.edges.length + " 关系";
    window.kgNodeCount = nodes.length;
    window.kgEdgeCount = edges.length;
  }
  // bring entities in around one already drawn, with their edges to what is drawn:
  // one add per DataSet, since every add makes vis-network recompute
  function bring(ids, near) {
    var at = near && nodes.get(near) ? network.getPositions([near])[near] : { x: 0, y: 0 };
    var fresh = [];
    var seen = {};
    ids.forEach(function (id) {
      if (nodes.get(id) || seen[id]) { return; }
      seen[id] = true;
      var index = fresh.length;
      var node = Object.assign({}, byId[id]);
      var angle = 2.399963 * (index + 1);
      var radius = 80 + 12 * Math.sqrt(index + 1);
      node.x = Math.round(at.x + radius * Math.cos(angle));
      node.y = Math.round(at.y + radius * Math.sin(angle));
      node.hidden = !!hidden[node.kgType];
      fresh.push(node);
    });
    if (fresh.length) { nodes.add(fresh); }
    var links = {};
    ids.concat(near ? [near] : []).forEach(function (id) {
      (adjacent[id] || []).forEach(function (e) {
        if (!links[e.id] && !edges.get(e.id) && nodes.get(e.from) && nodes.get(e.to)) { links[e.id] = e; }
      });
    });
    var list = Object.keys(links).map(function (k) { return links[k]; });
    if (list.length) { edges.add(list); }
    counts();
    return fresh.length;
  }
  function neighbours(id) {
    return (adjacent[id] || []).map(function (e) { return e.from === id ? e.to : e.from; });
  }
  // the neighbours not drawn yet, the most connected first, at most data.expandLimit
  function nextNeighbours(id) {
    var seen = {};
    var rest = neighbours(id).filter(function (n) {
      if (seen[n] || nodes.get(n)) { return false; }
      seen[n] = true;
      return true;
    });
    rest.sort(function (a, b) { return (adjacent[b] || []).length - (adjacent[a] || []).length || (a < b ? -1 : a > b ? 1 : 0); });
    return { ids: rest.slice(0, data.expandLimit), left: Math.max(0, rest.length - data.expandLimit) };
  }
  function expand(id) {
    var next = nextNeighbours(id);
    var added = bring(next.ids, id);
    status.textContent = next.left ? "还有 " + next.left + " 个相邻实体,再次点击显示 · " + next.left + " more neighbours: click again" : "";
    return added;
  }
  function applyFilter() {
    nodes.update(nodes.getIds().map(function (id) { return { id: id, hidden: !!hidden[byId[id].kgType] }; }));
  }
  Array.prototype.forEach.call(document.querySelectorAll("#legend input"), function (box) {
    box.addEventListener("change", function () { hidden[box.value] = !box.checked; applyFilter(); });
  });
  // search names and aliases only, never the text of tooltips; the best match first
  function rank(n, query) {
    var names = [n.label].concat(n.kgAliases || []);
    var best = 9;
    names.forEach(function (name) {
      var lower = name.toLowerCase();
      if (lower === query) { best = Math.min(best, 0); }
      else if (lower.indexOf(query) === 0) { best = Math.min(best, 1); }
      else if (lower.indexOf(query) !== -1) { best = Math.min(best, 2); }
    });
    return best;
  }
  document.getElementById("search").addEventListener("change", function (event) {
    var query = event.target.value.trim().toLowerCase();
    status.textContent = "";
    if (!query) { network.unselectAll(); return; }
    var found = data.nodes.map(function (n) { return [rank(n, query), n]; })
      .filter(function (pair) { return pair[0] < 9; })
      .sort(function (a, b) { return a[0] - b[0] || a[1].label.length - b[1].label.length || (a[1].label < b[1].label ? -1 : 1); })
      .map(function (pair) { return pair[1]; });
    if (!found.length) { network.unselectAll(); status.textContent = "未找到 · nothing found"; return; }
    var first = found[0];
    if (!nodes.get(first.id)) { bring([first.id], null); }
    var others = found.slice(1, 50).map(function (n) { return n.id; });
    bring(nextNeighbours(first.id).ids.concat(others), first.id);
    network.selectNodes(found.slice(0, 50).map(function (n) { return n.id; }));
    network.focus(first.id, { scale: 1.2, animation: false });
    status.textContent = found.length > 1 ? found.length + " 个匹配 · matches" : "";
  });
  network.on("click", function (params) {
    if (params.nodes.length === 1) { expand(params.nodes[0]); }
  });
  // a tooltip never stays once the pointer has left the graph
  container.addEventListener("mouseleave", function () {
    Array.prototype.forEach.call(container.querySelectorAll("div.vis-tooltip"), function (tip) { tip.style.visibility = "hidden"; });
  });
  counts();
  window.kgNetwork = network;
  window.kgTotalNodes = data.nodes.length;
  window.kgExpand = expand;
  network.once("afterDrawing", function () { document.body.setAttribute("data-stabilized", "true"); });
  network.redraw();
})();
</script>
</body>
</html>
"""


_MARKER = re.compile(r"__(?:VIS_CSS|VIS_JS|FONT|LEGEND|RELATIONS|DATA)__")


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


def _relation_key() -> str:
    """The colour of each relation's edges, named in Chinese and English (edges carry no
    label on the page: their relation is in their colour and their tooltip)."""
    return "".join(
        f'<span title="{name}"><span class="line" style="background:{_EDGE_COLOUR[name]}">'
        f"</span>{styles()[name]['zh']}</span>"
        for name in RELATION_TYPES
    )


def render_html(
    graph: Graph | BuiltGraph,
    *,
    per_type: int = OVERVIEW_PER_TYPE,
    expand_limit: int = EXPAND_LIMIT,
) -> str:
    """The page for ``graph``: deterministic for the same graph. It opens on the
    ``per_type`` most connected entities of each type, laid out in advance; a click on
    an entity brings in up to ``expand_limit`` more of its neighbours."""
    net = build_network(entity_view(graph), per_type)
    script, css = _vis_assets()
    payload = {
        "nodes": net.nodes,
        "edges": [{**edge, "id": f"e{i}"} for i, edge in enumerate(net.edges)],
        "options": _OPTIONS,
        "expandLimit": expand_limit,
    }
    replacements = {
        "__VIS_CSS__": css,
        "__VIS_JS__": script,
        "__FONT__": _FONT,
        "__LEGEND__": _legend(),
        "__RELATIONS__": _relation_key(),
        "__DATA__": safe_json(payload),
    }
    # one pass over the template: inserted text is never scanned for markers again
    return _MARKER.sub(lambda m: replacements[m.group(0)], _PAGE)


def write_html(graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.html`` into ``out_dir``."""
    path = out_dir / "graph.html"
    path.write_text(render_html(graph), encoding="utf-8")
    return [path]
