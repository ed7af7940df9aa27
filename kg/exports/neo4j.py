"""Neo4j export folder (the import files come with the entity and relation stages)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

__all__ = ["write_neo4j"]

_README = """# Neo4j import

This folder receives the `neo4j-admin database import` CSV files and `import.cypher`
once the graph has entities and relations. For now the graph holds documents and
stories only; load `../graph.ttl` with neosemantics (n10s) if you need them in Neo4j.
"""


def write_neo4j(graph: Graph, out_dir: Path) -> list[Path]:
    """Create ``neo4j/`` in ``out_dir``."""
    folder = out_dir / "neo4j"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "README.md"
    path.write_text(_README, encoding="utf-8")
    return [path]
