"""Neo4j: CSV files for ``neo4j-admin database import``, an idempotent Cypher script,
and a batched push through the official driver.

Nodes are the entities (label ``Entity`` plus the top class and the subclass, such as
``Entity:Organization:TradeUnion``), keyed by their IRI in ``id``; relationships are the
relation triples, typed ``LOCATED_IN``, ``IMPLEMENTS`` …, and carry their evidence
(sentences, documents, offsets, rules, roles, the highest confidence). The figures are
``Measurement`` nodes (value, unit, indicator, date and their evidence), each with an
``ABOUT`` relationship to the entity it belongs to.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.graph.built import BuiltGraph, as_built
from kg.graph.figures import FIGURE_FIELDS, FigureRow
from kg.vocab.ontology import RELATION_TYPES

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
#: Rows per statement. ArcadeDB 26.10 (through Bolt) put properties on the wrong nodes
#: when one ``UNWIND … MERGE … SET n:Label`` created more than 100 nodes: of 113 new
#: ``Program`` nodes, 13 kept only their ``id`` and 13 others got those 13's names (100
#: rows were right, 101 were not). Labels now have their own statement (``statements``),
#: which alone was right at 3000 rows a statement; at most 100 keeps clear of it as well.
BATCH = 100
#: Each relation's relationship type, by Neo4j's convention (locatedIn -> LOCATED_IN).
REL_TYPES = {name: re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper() for name in RELATION_TYPES}
_NODE_PROPS = ("name", "type", "subtype", "aliases", "adminCode", "documents")
#: A figure's properties (its ``about`` and ``programme`` are the ``ABOUT`` and
#: ``FOR_PROGRAM`` relationships instead).
_FIGURE_PROPS = tuple(name for name in FIGURE_FIELDS if name not in {"id", "about", "programme"})
#: A figure's links to entities: its row's field -> the relationship's type.
_FIGURE_LINKS = {"about": "ABOUT", "programme": "FOR_PROGRAM"}
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


def figure_node_rows(figures: Iterable[FigureRow]) -> list[dict[str, Any]]:
    """One row per figure: its properties, the value as a number (Neo4j has no decimal)."""
    rows: list[dict[str, Any]] = [dict(f) for f in figures]
    return [
        {"id": r["id"], **{p: r[p] for p in _FIGURE_PROPS}, "value": float(r["value"])}
        for r in rows
    ]


def _batches(rows: Sequence[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], ...]]:
    for i in range(0, len(rows), BATCH):
        yield tuple(rows[i : i + BATCH])


def statements(view: nx.MultiDiGraph, figures: Sequence[FigureRow] = ()) -> list[Statement]:
    """Constraints, then batched ``UNWIND … MERGE`` for nodes and relationships, then the
    figures and their ``ABOUT`` relationships.

    Labels and relationship types cannot be parameters in Cypher, so rows are grouped
    by them; every statement is idempotent (MERGE on ``id``, then SET). A node's labels
    beyond ``Entity`` are set by a statement of their own, right after the one that
    merges its batch (``MATCH`` on ``id``, then ``SET n:Label``): ArcadeDB stores a label
    change as a new record, and in the ``MERGE`` statement it put the properties of some
    rows on other nodes.
    """
    found = [
        Statement(
            "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE", ()
        )
    ]
    by_labels: defaultdict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in node_rows(view):
        by_labels[tuple(row["labels"][1:])].append({k: row[k] for k in ("id", *_NODE_PROPS)})
    sets = ", ".join(f"n.{p} = row.{p}" for p in _NODE_PROPS)
    merge = f"UNWIND $rows AS row MERGE (n:Entity {{id: row.id}}) SET {sets}"
    for labels in sorted(by_labels):
        label = f"UNWIND $rows AS row MATCH (n:Entity {{id: row.id}}) SET n:{':'.join(labels)}"
        for batch in _batches(by_labels[labels]):
            found += [
                Statement(merge, batch),
                Statement(label, tuple({"id": row["id"]} for row in batch)),
            ]
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
    return found + _figure_statements(figures)


def _figure_statements(figures: Sequence[FigureRow]) -> list[Statement]:
    if not figures:
        return []
    found = [
        Statement(
            "CREATE CONSTRAINT measurement_id IF NOT EXISTS "
            "FOR (m:Measurement) REQUIRE m.id IS UNIQUE",
            (),
        )
    ]
    sets = ", ".join(f"m.{p} = row.{p}" for p in _FIGURE_PROPS)
    cypher = f"UNWIND $rows AS row MERGE (m:Measurement {{id: row.id}}) SET {sets}"
    found += [Statement(cypher, batch) for batch in _batches(figure_node_rows(figures))]
    for field, kind in _FIGURE_LINKS.items():
        links = [{"m": f["id"], "e": f[field]} for f in figures if f[field]]  # type: ignore[literal-required]
        cypher = (
            "UNWIND $rows AS row MATCH (m:Measurement {id: row.m}) "
            f"MATCH (e:Entity {{id: row.e}}) MERGE (m)-[:{kind}]->(e)"
        )
        found += [Statement(cypher, batch) for batch in _batches(links)]
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


def script(view: nx.MultiDiGraph, figures: Sequence[FigureRow] = ()) -> str:
    """``import.cypher``: every statement with its rows inlined, one per line."""
    lines = ["// Knowledge graph of Chinese union news: run with cypher-shell -f import.cypher"]
    for statement in statements(view, figures):
        if statement.rows:
            text = statement.cypher.replace("$rows", cypher_literal(list(statement.rows)), 1)
        else:
            text = statement.cypher
        lines.append(text + ";")
    return "\n".join(lines) + "\n"


def _csv_field(value: str) -> str:
    """A field in double quotes (a quote inside doubled), as ``csv.QUOTE_ALL`` writes it,
    except an empty one, which stays bare: ArcadeDB's ``LOAD CSV`` takes ``""`` for an
    escaped quote and reads on into the next lines, so rows went missing.

    >>> [_csv_field(v) for v in ("", "a,b", 'say "hi" twice')]
    ['', '"a,b"', '"say ""hi"" twice"']
    """
    return '"' + value.replace('"', '""') + '"' if value else ""


def _csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV lines ending in a line feed; a line break inside a value stays in its quotes."""
    lines = []
    for row in [header, *rows]:
        # one empty field alone would make a blank line, which readers skip
        lines.append(",".join(_csv_field(v) for v in row) if row != [""] else '""')
    return "".join(line + "\n" for line in lines)


def _array(values: Sequence[Any]) -> str:
    """Values joined for neo4j-admin; a delimiter inside a value (text of a document can
    hold any character) becomes U+FFFD, so it never splits the value in two."""
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "\ufffd") for v in values)


_CSV_KIND = {str: "", bool: ":boolean", int: ":long", float: ":double"}


def csv_files(view: nx.MultiDiGraph, figures: Sequence[FigureRow] = ()) -> dict[str, str]:
    """``nodes.csv``, ``relationships.csv``, ``measurements.csv`` and ``about.csv`` for
    ``neo4j-admin database import full``."""
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
    measurements = _csv(
        [
            "id:ID(Measurement)",
            ":LABEL",
            *(p + _figure_kind(p) for p in _FIGURE_PROPS),
        ],
        [
            [r["id"], "Measurement", *(_csv_value(r[p]) for p in _FIGURE_PROPS)]
            for r in figure_node_rows(figures)
        ],
    )
    about = _csv(
        [":START_ID(Measurement)", ":END_ID(Entity)", ":TYPE"],
        [
            [f["id"], f[field], kind]  # type: ignore[literal-required]
            for f in figures
            for field, kind in _FIGURE_LINKS.items()
            if f[field]  # type: ignore[literal-required]
        ],
    )
    return {
        "nodes.csv": nodes,
        "relationships.csv": relationships,
        "measurements.csv": measurements,
        "about.csv": about,
    }


def _figure_kind(name: str) -> str:
    """The neo4j-admin type of a figure's column (``value`` is a number there)."""
    return ":double" if name == "value" else _CSV_KIND[FIGURE_FIELDS[name]]


def _csv_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


_README = """# Neo4j import

Files made by `kg build` from `graph.ttl`: {nodes} entity nodes, {relationships} relationships,
{figures} figures.

| file | use |
| --- | --- |
| `nodes.csv`, `relationships.csv` | entities and relations: bulk import with `neo4j-admin` |
| `measurements.csv`, `about.csv` | figures, `ABOUT`, `FOR_PROGRAM`: bulk import, the same way |
| `import.cypher` | idempotent script (constraint, batched `UNWIND … MERGE`) for a live database |

Nodes carry the label `Entity` plus their class (`Organization`, `Program`, `Place`,
`Person`) and subclass (`TradeUnion`, `Policy`, `City` …), and the properties `id` (the
entity's IRI in `graph.ttl`), `name`, `type`, `subtype`, `aliases`, `adminCode`,
`documents`. Relationships are typed {types}, and carry their evidence: `confidence`,
`roles` (for `HOLDS_POST`), `documents`, `sentences`, `rules`, `startOffsets`, `endOffsets`
(offsets of the sentences in the original files).

Figures are `Measurement` nodes with `id` (the measurement's IRI), `value` (a number),
`unit`, `approximate`, `indicator`, `date`, `text`, `document`, `sentence`, `startOffset`,
`endOffset` (of the figure in the original file), `rule`, `confidence`, and an `ABOUT`
relationship to the entity they belong to:

```cypher
MATCH (m:Measurement)-[:ABOUT]->(u:TradeUnion) WHERE m.indicator CONTAINS '会员'
RETURN u.name, m.date, m.value, m.unit, m.sentence ORDER BY u.name, m.date
```

## Bulk import (database stopped, empty)

Array elements are separated by U+001F and sentences may span lines. Every value is in
double quotes except an empty one, written as nothing (`,,`), for which neo4j-admin sets
no property:

```bash
cp nodes.csv relationships.csv measurements.csv about.csv "$NEO4J_HOME/import/"
neo4j-admin database import full neo4j \\
  --nodes=import/nodes.csv --nodes=import/measurements.csv \\
  --relationships=import/relationships.csv --relationships=import/about.csv \\
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
    built = as_built(graph)
    view = built.view()
    figures = list(built.figures())
    folder = out_dir / "neo4j"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in csv_files(view, figures).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    (folder / "import.cypher").write_text(script(view, figures), encoding="utf-8")
    readme = _README.format(
        nodes=view.number_of_nodes(),
        relationships=view.number_of_edges(),
        figures=len(figures),
        types=", ".join(f"`{t}`" for t in REL_TYPES.values()),
    )
    (folder / "README.md").write_text(readme, encoding="utf-8")
    return [*written, folder / "import.cypher", folder / "README.md"]


def push(graph: Graph | BuiltGraph, driver: Any, *, database: str | None = None) -> tuple[int, int]:
    """Send the graph to Neo4j through ``driver`` (``neo4j.GraphDatabase.driver``), batched.

    Returns the numbers of entity and relationship rows sent (figures not counted).
    """
    built = as_built(graph)
    view = built.view()
    with driver.session(database=database) as session:
        for statement in statements(view, list(built.figures())):
            session.run(statement.cypher, rows=list(statement.rows))
    return view.number_of_nodes(), view.number_of_edges()
