"""Neo4j: CSV files for ``neo4j-admin database import``, an idempotent Cypher script,
and a batched push through the official driver.

Nodes are the entities (label ``Entity`` plus the top class and the subclass, such as
``Entity:Organization:TradeUnion``), keyed by their IRI in ``id``; relationships are the
relation triples, typed ``LOCATED_IN``, ``IMPLEMENTS`` …, and carry their evidence
(sentences, documents, offsets, rules, roles, the highest confidence).
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.graph.built import BuiltGraph
from kg.graph.view import entity_view

__all__ = [
    "ARRAY_DELIMITER",
    "REL_TYPES",
    "Statement",
    "cypher_literal",
    "node_rows",
    "push",
    "relationship_rows",
    "statements",
    "write_neo4j",
]

#: Between array elements in the CSV files (U+001F never occurs in clean text).
ARRAY_DELIMITER = "\x1f"
BATCH = 200
REL_TYPES = {
    "locatedIn": "LOCATED_IN",
    "subOrganizationOf": "SUB_ORGANIZATION_OF",
    "implements": "IMPLEMENTS",
    "establishes": "ESTABLISHES",
    "organizes": "ORGANIZES",
    "partnersWith": "PARTNERS_WITH",
    "holdsPost": "HOLDS_POST",
    "partOf": "PART_OF",
}
_NODE_PROPS = ("name", "type", "subtype", "aliases", "adminCode", "documents")
_REL_PROPS = (
    "confidence",
    "roles",
    "documents",
    "sentences",
    "rules",
    "startOffsets",
    "endOffsets",
)


@dataclass(frozen=True)
class Statement:
    """A parameterised Cypher statement and its rows (``UNWIND $rows AS row``)."""

    cypher: str
    rows: tuple[dict[str, Any], ...]


def node_rows(view: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per entity, in the view's (sorted) order."""
    return [
        {
            "id": node,
            "labels": ["Entity", data["type"], *([data["subtype"]] if data["subtype"] else [])],
            "name": data["label"],
            "type": data["type"],
            "subtype": data["subtype"],
            "aliases": list(data["aliases"]),
            "adminCode": data["code"],
            "documents": list(data["documents"]),
        }
        for node, data in view.nodes(data=True)
    ]


def relationship_rows(view: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per relation triple, with its evidence."""
    return [
        {
            "s": source,
            "o": target,
            "type": REL_TYPES[data["predicate"]],
            "confidence": data["confidence"],
            "roles": list(data["roles"]),
            "documents": list(data["documents"]),
            "sentences": list(data["sentences"]),
            "rules": list(data["rules"]),
            "startOffsets": list(data["starts"]),
            "endOffsets": list(data["ends"]),
        }
        for source, target, data in view.edges(data=True)
    ]


def _batches(rows: Sequence[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], ...]]:
    for i in range(0, len(rows), BATCH):
        yield tuple(rows[i : i + BATCH])


def statements(view: nx.MultiDiGraph) -> list[Statement]:
    """Constraint, then batched ``UNWIND … MERGE`` for nodes and relationships.

    Labels and relationship types cannot be parameters in Cypher, so rows are grouped
    by them; every statement is idempotent (MERGE on ``id``, then SET).
    """
    found = [
        Statement(
            "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE", ()
        )
    ]
    by_labels: defaultdict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in node_rows(view):
        by_labels[tuple(row["labels"][1:])].append({k: row[k] for k in ("id", *_NODE_PROPS)})
    for labels in sorted(by_labels):
        sets = ", ".join(f"n.{p} = row.{p}" for p in _NODE_PROPS)
        cypher = (
            f"UNWIND $rows AS row MERGE (n:Entity {{id: row.id}}) SET n:{':'.join(labels)}, {sets}"
        )
        found += [Statement(cypher, batch) for batch in _batches(by_labels[labels])]
    by_type: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in relationship_rows(view):
        by_type[row["type"]].append({k: v for k, v in row.items() if k != "type"})
    for rel_type in sorted(by_type):
        sets = ", ".join(f"r.{p} = row.{p}" for p in _REL_PROPS)
        cypher = (
            "UNWIND $rows AS row MATCH (s:Entity {id: row.s}) MATCH (o:Entity {id: row.o}) "
            f"MERGE (s)-[r:{rel_type}]->(o) SET {sets}"
        )
        found += [Statement(cypher, batch) for batch in _batches(by_type[rel_type])]
    return found


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE = re.compile(r"[\\'\n\r\t\x00-\x1f\x7f\u2028\u2029]")


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a string, number, list or map of those.

    >>> cypher_literal({"name": "安康'市\\n", "n": [1, 0.5]})
    "{name: '安康\\\\'市\\\\n', n: [1, 0.5]}"
    """
    if isinstance(value, str):
        return (
            "'"
            + _UNSAFE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), value)
            + "'"
        )
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def script(view: nx.MultiDiGraph) -> str:
    """``import.cypher``: every statement with its rows inlined, one per line."""
    lines = ["// Knowledge graph of Chinese union news: run with cypher-shell -f import.cypher"]
    for statement in statements(view):
        if statement.rows:
            text = statement.cypher.replace("$rows", cypher_literal(list(statement.rows)), 1)
        else:
            text = statement.cypher
        lines.append(text + ";")
    return "\n".join(lines) + "\n"


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _array(values: Sequence[Any]) -> str:
    """Values joined for neo4j-admin; a delimiter inside a value (text of a document can
    hold any character) becomes U+FFFD, so it never splits the value in two."""
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "\ufffd") for v in values)


def csv_files(view: nx.MultiDiGraph) -> dict[str, str]:
    """``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import full``."""
    nodes = _csv(
        [
            "id:ID(Entity)",
            ":LABEL",
            "name",
            "type",
            "subtype",
            "aliases:string[]",
            "adminCode",
            "documents:string[]",
        ],
        [
            [
                r["id"],
                _array(r["labels"]),
                r["name"],
                r["type"],
                r["subtype"],
                _array(r["aliases"]),
                r["adminCode"],
                _array(r["documents"]),
            ]
            for r in node_rows(view)
        ],
    )
    relationships = _csv(
        [
            ":START_ID(Entity)",
            ":END_ID(Entity)",
            ":TYPE",
            "confidence:double",
            "roles:string[]",
            "documents:string[]",
            "sentences:string[]",
            "rules:string[]",
            "startOffsets:long[]",
            "endOffsets:long[]",
        ],
        [
            [
                r["s"],
                r["o"],
                r["type"],
                f"{r['confidence']:.2f}",
                _array(r["roles"]),
                _array(r["documents"]),
                _array(r["sentences"]),
                _array(r["rules"]),
                _array(r["startOffsets"]),
                _array(r["endOffsets"]),
            ]
            for r in relationship_rows(view)
        ],
    )
    return {"nodes.csv": nodes, "relationships.csv": relationships}


_README = """# Neo4j import

Files made by `kg build` from `graph.ttl`: {nodes} entity nodes, {relationships} relationships.

| file | use |
| --- | --- |
| `nodes.csv`, `relationships.csv` | bulk import into an empty database with `neo4j-admin` |
| `import.cypher` | idempotent script (constraint, batched `UNWIND … MERGE`) for a live database |

Nodes carry the label `Entity` plus their class (`Organization`, `Program`, `Place`,
`Person`) and subclass (`TradeUnion`, `Policy`, `City` …), and the properties `id` (the
entity's IRI in `graph.ttl`), `name`, `type`, `subtype`, `aliases`, `adminCode`,
`documents`. Relationships are typed {types}, and carry their evidence: `confidence`,
`roles` (for `HOLDS_POST`), `documents`, `sentences`, `rules`, `startOffsets`, `endOffsets`
(offsets of the sentences in the original files).

## Bulk import (database stopped, empty)

Array elements are separated by U+001F and sentences may span lines:

```bash
cp nodes.csv relationships.csv "$NEO4J_HOME/import/"
neo4j-admin database import full neo4j \\
  --nodes=import/nodes.csv --relationships=import/relationships.csv \\
  --array-delimiter=U+001F --multiline-fields=true --overwrite-destination
```

## Into a running database

```bash
cypher-shell -a bolt://localhost:7687 -u neo4j -p "$NEO4J_PASSWORD" -f import.cypher
# or, batched through the official driver:
kg neo4j push --uri bolt://localhost:7687 --user neo4j --password-env NEO4J_PASSWORD
```

Both can run again: `MERGE` on `id` makes them idempotent.
"""


def write_neo4j(graph: Graph | BuiltGraph, out_dir: Path) -> list[Path]:
    """Write ``neo4j/`` (CSV files, ``import.cypher``, README) into ``out_dir``."""
    view = entity_view(graph)
    folder = out_dir / "neo4j"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in csv_files(view).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    (folder / "import.cypher").write_text(script(view), encoding="utf-8")
    readme = _README.format(
        nodes=view.number_of_nodes(),
        relationships=view.number_of_edges(),
        types=", ".join(f"`{t}`" for t in REL_TYPES.values()),
    )
    (folder / "README.md").write_text(readme, encoding="utf-8")
    return [*written, folder / "import.cypher", folder / "README.md"]


def push(graph: Graph | BuiltGraph, driver: Any, *, database: str | None = None) -> tuple[int, int]:
    """Send the graph to Neo4j through ``driver`` (``neo4j.GraphDatabase.driver``), batched.

    Returns the numbers of node and relationship rows sent.
    """
    view = entity_view(graph)
    with driver.session(database=database) as session:
        for statement in statements(view):
            session.run(statement.cypher, rows=list(statement.rows))
    return view.number_of_nodes(), view.number_of_edges()
