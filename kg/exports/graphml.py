"""GraphML for Gephi and other graph tools, from the networkx view."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.graph.built import BuiltGraph
from kg.graph.view import entity_view

__all__ = ["graphml_view", "write_graphml"]


# characters XML 1.0 cannot hold, even escaped (a document's text may carry them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD.

    >>> xml_safe("a\x01b\x1fc")
    'a\ufffdb\ufffdc'
    """
    return _NOT_XML.sub("\ufffd", text)


def graphml_view(graph: Graph | BuiltGraph) -> nx.MultiDiGraph:
    """The entity view with list attributes joined, as GraphML has no lists."""
    view = entity_view(graph)
    flat = nx.MultiDiGraph()
    for node, data in view.nodes(data=True):
        flat.add_node(
            xml_safe(node),
            label=xml_safe(data["label"]),
            type=data["type"],
            subtype=data["subtype"],
            aliases=xml_safe("、".join(data["aliases"])),
            adminCode=xml_safe(data["code"]),
            documents=xml_safe(" ".join(data["documents"])),
            degree=view.degree(node),
        )
    for source, target, key, data in view.edges(keys=True, data=True):
        flat.add_edge(
            xml_safe(source),
            xml_safe(target),
            key=key,
            label=data["predicate"],
            predicate=data["predicate"],
            confidence=data["confidence"],
            roles=xml_safe("、".join(data["roles"])),
            documents=xml_safe(" ".join(data["documents"])),
            sentence=xml_safe(data["sentences"][0] if data["sentences"] else ""),
        )
    return flat


def write_graphml(graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.graphml`` into ``out_dir``."""
    path = out_dir / "graph.graphml"
    nx.write_graphml(graphml_view(graph), path, encoding="utf-8", prettyprint=True)
    return [path]
