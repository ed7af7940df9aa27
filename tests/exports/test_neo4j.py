"""Neo4j export: checked by Neo4j's own Cypher parser and by an embedded Cypher engine."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import kuzu
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph

from kg.build import BuildResult
from kg.exports.neo4j import (
    ARRAY_DELIMITER,
    BATCH,
    REL_TYPES,
    _csv,
    csv_files,
    cypher_literal,
    figure_node_rows,
    node_rows,
    push,
    relationship_rows,
    statements,
)
from kg.graph.figures import figure_rows
from kg.graph.view import entity_view
from kg.vocab.ontology import RELATION_TYPES


def relation_triples(graph: Graph) -> int:
    from kg.vocab.ontology import KG

    return sum(1 for p in RELATION_TYPES for _ in graph.triples((None, KG[p], None)))


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        ("安康市总工会", "'安康市总工会'"),
        ("it's", r"'it\'s'"),
        ("a\\b", r"'a\\b'"),
        ("两行\n文字", r"'两行\n文字'"),
        ("\x1f", r"'\u001f'"),
        ([1, 0.5, "x"], "[1, 0.5, 'x']"),
        ({"k": []}, "{k: []}"),
    ],
)
def test_cypher_literal(value: Any, literal: str) -> None:
    assert cypher_literal(value) == literal


@pytest.mark.external
def test_import_script_parses_with_neo4j_parser(
    corpus_build: tuple[BuildResult, Path], cypher_lint: Path
) -> None:
    script = corpus_build[1] / "neo4j" / "import.cypher"
    result = subprocess.run(
        ["node", str(cypher_lint), str(script)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report = json.loads(result.stdout)
    assert report["errors"] == []
    graph = corpus_build[0].graph
    assert report["statements"] == len(statements(entity_view(graph), figure_rows(graph)))


@pytest.mark.external
def test_the_parser_does_report_errors(tmp_path: Path, cypher_lint: Path) -> None:
    bad = tmp_path / "bad.cypher"
    bad.write_text("MERGE (n:Entity {id: 'x') RETURN n;\n", encoding="utf-8")
    result = subprocess.run(
        ["node", str(cypher_lint), str(bad)], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout)["errors"]


def test_script_is_batched_constraint_first(corpus_build: tuple[BuildResult, Path]) -> None:
    lines = (corpus_build[1] / "neo4j" / "import.cypher").read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("//")]
    assert body[0].startswith("CREATE CONSTRAINT entity_id IF NOT EXISTS")
    constraints = [line for line in body if line.startswith("CREATE CONSTRAINT")]
    assert constraints[1].startswith("CREATE CONSTRAINT measurement_id IF NOT EXISTS")
    merges = [line for line in body if not line.startswith("CREATE CONSTRAINT")]
    assert all(line.startswith("UNWIND [") for line in merges)
    assert all(" MERGE " in line or LABELS.search(line) for line in merges)
    # the figures come after every entity and relation, their ABOUT links last
    figures = body.index(constraints[1])
    assert all("Measurement" not in line for line in body[:figures])
    assert all("(m:Measurement" in line for line in body[figures + 1 :])
    assert len(body) < 80


#: The statement that gives a batch of nodes their labels beyond ``Entity``.
LABELS = re.compile(r" AS row MATCH \(n:Entity \{id: row\.id\}\) SET n(:[A-Za-z]+)+;?$")


def test_labels_have_their_own_statement_after_each_node_batch(
    corpus_build: tuple[BuildResult, Path],
) -> None:
    # ArcadeDB put properties on the wrong nodes when a MERGE that created more than 100
    # nodes also set labels (tests/exports/test_arcadedb.py): no MERGE sets a label.
    graph = corpus_build[0].graph
    view = entity_view(graph)
    found = statements(view, figure_rows(graph))
    assert not [s.cypher for s in found if " MERGE " in s.cypher and " SET n:" in s.cypher]
    labelled: dict[str, list[str]] = {}
    for i, merge in enumerate(found):
        if "MERGE (n:Entity" not in merge.cypher:
            continue
        label = found[i + 1]
        assert LABELS.search(label.cypher), label.cypher
        assert [r["id"] for r in label.rows] == [r["id"] for r in merge.rows]
        for row in label.rows:
            labelled[row["id"]] = ["Entity", *label.cypher.rsplit("SET n:", 1)[1].split(":")]
    assert labelled == {row["id"]: row["labels"] for row in node_rows(view)}


def _kuzu_load(graph: Graph, db_path: Path, runs: int = 2) -> tuple[int, int]:
    """Load the same rows through Kùzu's Cypher, ``runs`` times, and count."""
    view = entity_view(graph)
    nodes, rels = node_rows(view), relationship_rows(view)
    conn = kuzu.Connection(kuzu.Database(str(db_path)))
    kinds = {row["id"]: row["type"] for row in nodes}
    for type_ in ("Organization", "Program", "Place", "Person"):
        conn.execute(
            f"CREATE NODE TABLE {type_}(id STRING, name STRING, subtype STRING, aliases STRING[], "
            "adminCode STRING, documents STRING[], PRIMARY KEY(id))"
        )
    pairs: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in rels:
        pairs[row["type"]].add((kinds[row["s"]], kinds[row["o"]]))
    for rel_type, ends in sorted(pairs.items()):
        froms = ", ".join(f"FROM {a} TO {b}" for a, b in sorted(ends))
        conn.execute(
            f"CREATE REL TABLE {rel_type}({froms}, confidence DOUBLE, roles STRING[], "
            "documents STRING[], sentences STRING[], rules STRING[], startOffsets INT64[], "
            "endOffsets INT64[])"
        )
    for _ in range(runs):
        for type_ in ("Organization", "Program", "Place", "Person"):
            rows = [
                {k: r[k] for k in ("id", "name", "subtype", "aliases", "adminCode", "documents")}
                for r in nodes
                if r["type"] == type_
            ]
            conn.execute(
                f"UNWIND $rows AS row MERGE (n:{type_} {{id: row.id}}) SET n.name = row.name, "
                "n.subtype = row.subtype, n.aliases = row.aliases, n.adminCode = row.adminCode, "
                "n.documents = row.documents",
                {"rows": rows},
            )
        for rel_type, ends in sorted(pairs.items()):
            for a, b in sorted(ends):
                rows = [
                    {k: v for k, v in r.items() if k != "type"}
                    for r in rels
                    if r["type"] == rel_type and kinds[r["s"]] == a and kinds[r["o"]] == b
                ]
                conn.execute(
                    f"UNWIND $rows AS row MATCH (s:{a} {{id: row.s}}), (o:{b} {{id: row.o}}) "
                    f"MERGE (s)-[r:{rel_type}]->(o) SET r.confidence = row.confidence, "
                    "r.roles = row.roles, r.documents = row.documents, "
                    "r.sentences = row.sentences, r.rules = row.rules, "
                    "r.startOffsets = row.startOffsets, r.endOffsets = row.endOffsets",
                    {"rows": rows},
                )
    _kuzu_figures(conn, graph, kinds, runs)
    node_count = conn.execute("MATCH (n) RETURN count(n)").get_next()[0]  # type: ignore[union-attr]
    rel_count = conn.execute("MATCH ()-[r]->() RETURN count(r)").get_next()[0]  # type: ignore[union-attr]
    return int(node_count), int(rel_count)


def _kuzu_figures(conn: kuzu.Connection, graph: Graph, kinds: dict[str, str], runs: int) -> None:
    """The figures and their ABOUT links, through the same Cypher as the export's."""
    figures = figure_rows(graph)
    conn.execute(
        "CREATE NODE TABLE Measurement(id STRING, value DOUBLE, unit STRING, approximate BOOLEAN, "
        "indicator STRING, date STRING, text STRING, document STRING, sentence STRING, "
        "startOffset INT64, endOffset INT64, rule STRING, confidence DOUBLE, PRIMARY KEY(id))"
    )
    targets = sorted({kinds[f["about"]] for f in figures if f["about"]})
    froms = ", ".join(f"FROM Measurement TO {t}" for t in targets)
    conn.execute(f"CREATE REL TABLE ABOUT({froms})")
    node_statement, *_ = (
        s
        for s in statements(entity_view(graph), figures)
        if "(m:Measurement {id: row.id})" in s.cypher
    )
    for _ in range(runs):
        conn.execute(node_statement.cypher, {"rows": figure_node_rows(figures)})
        for target in targets:
            rows = [
                {"m": f["id"], "e": f["about"]} for f in figures if kinds.get(f["about"]) == target
            ]
            conn.execute(
                "UNWIND $rows AS row MATCH (m:Measurement {id: row.m}), "
                f"(e:{target} {{id: row.e}}) MERGE (m)-[:ABOUT]->(e)",
                {"rows": rows},
            )


def test_embedded_cypher_engine_counts_match_the_turtle(
    corpus_build: tuple[BuildResult, Path], tmp_path: Path
) -> None:
    from kg.vocab.ontology import KG

    graph = Graph().parse(corpus_build[1] / "graph.ttl")
    entities = len(entity_view(graph))
    figures = len(set(graph.subjects(RDF.type, KG.Measurement)))
    about = len(list(graph.triples((None, KG.about, None))))
    assert figures > 200 and about > 200
    assert _kuzu_load(graph, tmp_path / "kuzu") == (
        entities + figures,
        relation_triples(graph) + about,
    )


def test_csv_files_for_neo4j_admin(corpus_build: tuple[BuildResult, Path]) -> None:
    folder = corpus_build[1] / "neo4j"
    with (folder / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.reader(handle))
    with (folder / "relationships.csv").open(encoding="utf-8", newline="") as handle:
        rels = list(csv.reader(handle))
    graph = corpus_build[0].graph
    assert nodes[0][:2] == ["id:ID(Entity)", ":LABEL"]
    assert rels[0][:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert len(nodes) - 1 == len(entity_view(graph))
    assert len(rels) - 1 == relation_triples(graph)
    labels = {row[1].split(ARRAY_DELIMITER)[1] for row in nodes[1:]}
    assert labels == {"Organization", "Program", "Place", "Person"}
    assert {row[2] for row in rels[1:]} <= set(REL_TYPES.values())
    ids = {row[0] for row in nodes[1:]}
    assert all(row[0] in ids and row[1] in ids for row in rels[1:])
    with (folder / "measurements.csv").open(encoding="utf-8", newline="") as handle:
        figures = list(csv.DictReader(handle))
    with (folder / "about.csv").open(encoding="utf-8", newline="") as handle:
        about = list(csv.reader(handle))
    assert len(figures) == len(figure_rows(graph)) > 200
    assert about[0] == [":START_ID(Measurement)", ":END_ID(Entity)", ":TYPE"]
    measured = {row["id:ID(Measurement)"] for row in figures}
    assert all(row[0] in measured and row[1] in ids for row in about[1:])
    kinds = [row[2] for row in about[1:]]
    assert set(kinds) == {"ABOUT", "FOR_PROGRAM"}  # what a figure is about, what it counts for
    # 上半年新建工会115家 (seed 002): its value, unit, evidence and owner
    found = next(row for row in figures if row["text"].endswith("新建工会115家"))
    assert (found["value:double"], found["unit"], found["approximate:boolean"]) == (
        "115.0",
        "家",
        "false",
    )
    assert found["document"] == "002_dca251d177eb03ad.txt" and found["indicator"] == "新建工会"
    text = Path("corpus/002_dca251d177eb03ad.txt").read_text(encoding="utf-8")
    assert text[int(found["startOffset:long"]) : int(found["endOffset:long"])] == found["text"]
    owner = next(row[1] for row in about if row[0] == found["id:ID(Measurement)"])
    assert owner.endswith("/银川市总工会")


def test_csv_quoting_survives_commas_quotes_and_newlines() -> None:
    import networkx as nx

    view = nx.MultiDiGraph()
    tricky = '名称,含"引号"\n和换行'
    for node in ("a", "b"):
        view.add_node(
            node,
            label=tricky,
            type="Organization",
            subtype="",
            aliases=[tricky, "x;y"],
            code="",
            documents=["d,1.txt"],
            sentences=[],
        )
    view.add_edge(
        "a",
        "b",
        key="partnersWith",
        predicate="partnersWith",
        confidence=0.8,
        roles=[],
        documents=["d,1.txt"],
        sentences=[tricky],
        rules=["r"],
        starts=[1],
        ends=[2],
    )
    files = csv_files(view)
    rows = list(csv.reader(files["nodes.csv"].splitlines(keepends=True)))
    assert rows[1][2] == tricky
    assert rows[1][5].split(ARRAY_DELIMITER) == [tricky, "x;y"]
    rel = list(csv.reader(files["relationships.csv"].splitlines(keepends=True)))[1]
    assert rel[6] == tricky
    # the empty subtype and adminCode are bare, not "": ArcadeDB's LOAD CSV lost rows there
    assert ',"Organization",,"' in files["nodes.csv"]
    assert files["nodes.csv"].endswith('x;y",,"d,1.txt"\n')
    assert (
        files["relationships.csv"].split("\n", 1)[1].startswith('"a","b","PARTNERS_WITH","0.80",,')
    )


def test_empty_fields_are_bare_and_read_back(corpus_build: tuple[BuildResult, Path]) -> None:
    rows = [["a", "", "c"], ["", 'say "hi"', "two\nlines"], ["x,y", "", ""]]
    text = _csv(["h1", "h2", "h3"], rows)
    assert text == '"h1","h2","h3"\n"a",,"c"\n,"say ""hi""","two\nlines"\n"x,y",,\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["h1", "h2", "h3"], *rows]
    # every file of the corpus: csv.reader gives back the rows _csv wrote, and no "" field
    for path in sorted((corpus_build[1] / "neo4j").glob("*.csv")):
        written = path.read_text(encoding="utf-8")
        with path.open(encoding="utf-8", newline="") as handle:
            header, *read = list(csv.reader(handle))
        assert read and _csv(header, read) == written, path.name
        assert not re.search(r'(^|,)""(,|$)', written, re.MULTILINE), path.name
    assert ",," in (corpus_build[1] / "neo4j" / "nodes.csv").read_text(encoding="utf-8")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(), min_size=1, max_size=4), max_size=5))
def test_csv_writer_reads_back_and_quotes_like_quote_all(rows: list[list[str]]) -> None:
    header = ["h"] * max([1, *map(len, rows)])
    text = _csv(header, rows)
    assert list(csv.reader(io.StringIO(text, newline=""))) == [header, *rows]
    if all(all(row) for row in rows):  # with no empty field: what csv.QUOTE_ALL writes
        standard = io.StringIO()
        csv.writer(standard, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows([header, *rows])
        assert text == standard.getvalue()


class FakeSession:
    def __init__(self, log: list[tuple[str, int]]) -> None:
        self.log = log

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *args: object) -> None:
        return None

    def run(self, cypher: str, **params: Any) -> None:
        self.log.append((cypher, len(params.get("rows", []))))


class FakeDriver:
    def __init__(self) -> None:
        self.log: list[tuple[str, int]] = []
        self.databases: list[str | None] = []

    def session(self, database: str | None = None) -> FakeSession:
        self.databases.append(database)
        return FakeSession(self.log)


def test_push_sends_batched_idempotent_statements(corpus_build: tuple[BuildResult, Path]) -> None:
    driver = FakeDriver()
    nodes, rels = push(corpus_build[0].graph, driver, database="kg")
    assert driver.databases == ["kg"]
    assert driver.log[0][0].startswith("CREATE CONSTRAINT")
    sent = [(cypher, count) for cypher, count in driver.log if not cypher.startswith("CREATE")]
    assert all(cypher.startswith("UNWIND $rows AS row") for cypher, _ in sent)
    assert all("MERGE" in cypher or LABELS.search(cypher) for cypher, _ in sent)
    assert all(0 < count <= BATCH <= 100 for _, count in sent)
    node_rows_sent = sum(c for cypher, c in sent if "MERGE (n:Entity" in cypher)
    assert sum(c for cypher, c in sent if LABELS.search(cypher)) == nodes
    rel_rows_sent = sum(c for cypher, c in sent if "MERGE (s)-[r:" in cypher)
    assert (node_rows_sent, rel_rows_sent) == (nodes, rels)
    figures = figure_rows(corpus_build[0].graph)
    assert sum(c for cypher, c in sent if "MERGE (m:Measurement" in cypher) == len(figures)
    linked = sum(1 for f in figures if f["about"])
    assert sum(c for cypher, c in sent if "MERGE (m)-[:ABOUT]" in cypher) == linked
    counted = sum(1 for f in figures if f["programme"])  # issue 21: what a figure counts for
    assert sum(c for cypher, c in sent if "MERGE (m)-[:FOR_PROGRAM]" in cypher) == counted > 0
