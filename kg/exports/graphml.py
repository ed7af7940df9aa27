"""GraphML for Gephi and other graph tools, from the networkx view."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.graph.built import BuiltGraph
from kg.graph.view import entity_view

__all__ = ["graphml_view", "write_graphml"]


def graphml_view(graph: Graph | BuiltGraph) -> nx.MultiDiGraph:
    """The entity view with list attributes joined, as GraphML has no lists."""
    view = entity_view(graph)
    flat = nx.MultiDiGraph()
    for node, data in view.nodes(data=True):
        flat.add_node(
            node,
            label=data["label"],
            type=data["type"],
            subtype=data["subtype"],
            aliases="、".join(data["aliases"]),
            adminCode=data["code"],
            documents=" ".join(data["documents"]),
            degree=view.degree(node),
        )
    for source, target, key, data in view.edges(keys=True, data=True):
        flat.add_edge(
            source,
            target,
            key=key,
            label=data["predicate"],
            predicate=data["predicate"],
            confidence=data["confidence"],
            roles="、".join(data["roles"]),
            documents=" ".join(data["documents"]),
            sentence=data["sentences"][0] if data["sentences"] else "",
        )
    return flat


def write_graphml(graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.graphml`` into ``out_dir``."""
    path = out_dir / "graph.graphml"
    nx.write_graphml(graphml_view(graph), path, encoding="utf-8", prettyprint=True)
    return [path]
