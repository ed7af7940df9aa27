"""``kg neo4j push`` against a real Bolt server: ArcadeDB with its Bolt plugin, started
from the ``arcadedb-embedded`` wheel (it bundles the engine's jars and a JRE).

The server runs in a child Python process whose working directory is a temporary
folder: the engine writes ``./log/`` into the working directory whatever it is told,
and a JVM started inside pytest could not be restarted or configured again. It listens
on 127.0.0.1 only, on free ports, and stops when the module's tests are done.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.build import BuildResult
from kg.cli import app
from kg.exports.neo4j import cypher_literal, node_rows, relationship_rows
from kg.graph.figures import figure_rows
from kg.graph.view import entity_view
from tests.conftest import require

pytestmark = pytest.mark.slow

PASSWORD_ENV = "KG_TEST_ARCADEDB_PASSWORD"
USER = "root"
DATABASE = "kg"
#: How long the JVM may take to start the server (about 2 s on a laptop).
START_TIMEOUT = 180.0

#: The child process: ArcadeDB's server with the Bolt plugin, bound to 127.0.0.1, until
#: its standard input is closed (by the fixture, or because pytest died).
_SERVER = f"""
import os
import sys
from pathlib import Path

from arcadedb_embedded import ArcadeDBServer

root, http_port, bolt_port, database = Path(sys.argv[1]), *map(int, sys.argv[2:4]), sys.argv[4]
server = ArcadeDBServer(
    str(root / "server"),
    root_password=os.environ["{PASSWORD_ENV}"],
    config={{
        "host": "127.0.0.1",
        "http_port": http_port,
        "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "bolt_port": bolt_port,
        "bolt_host": "127.0.0.1",
        "server_logsDirectory": str(root / "server" / "log"),
        "support_autoRegister": False,
        "opencypher_loadCsv_allowRemoteUrls": False,
    }},
    jvm_kwargs={{"heap_size": "1g"}},
)
server.start()
try:
    server.create_database(database)
    (root / "ready").write_text("ready", encoding="utf-8")
    sys.stdin.read()
finally:
    server.stop()
"""


@dataclass(frozen=True)
class ArcadeDB:
    uri: str
    password: str
    root: Path

    def driver(self) -> neo4j.Driver:
        return neo4j.GraphDatabase.driver(self.uri, auth=(USER, self.password))

    def log(self) -> str:
        return (self.root / "server.log").read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def arcadedb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArcadeDB]:
    """ArcadeDB's server with Bolt on 127.0.0.1, database ``kg``, user ``root``."""
    require("arcadedb-embedded (pip)", importlib.util.find_spec("arcadedb_embedded") is not None)
    root = tmp_path_factory.mktemp("arcadedb")
    password = "kg-test-" + os.urandom(8).hex()
    bolt_port = _free_port()
    log = (root / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(root), str(_free_port()), str(bolt_port), DATABASE],
        cwd=root,
        env={**os.environ, PASSWORD_ENV: password},
        stdin=subprocess.PIPE,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = ArcadeDB(f"bolt://127.0.0.1:{bolt_port}", password, root)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not (root / "ready").exists():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ArcadeDB did not start:\n{server.log()[-4000:]}")
            time.sleep(0.1)
        yield server
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_server_listens_on_localhost_only(arcadedb: ArcadeDB) -> None:
    port = arcadedb.uri.rsplit(":", 1)[1]
    log = arcadedb.log()
    assert f"Listening for incoming BOLT connections on /127.0.0.1:{port}" in log
    assert "HTTP Server started (host=127.0.0.1 " in log
    with arcadedb.driver() as driver:
        driver.verify_connectivity()


# --- what the database holds, against what graph.ttl says ------------------------------


def _canon(value: Any) -> Any:
    """A value with its kind, so 1 and 1.0, True and 1, a list and a string differ."""
    if isinstance(value, list | tuple):
        return ("list", tuple(_canon(v) for v in value))
    if value is None:
        return ("null",)
    return (type(value).__name__, value)


def _props(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _canon(value) for key, value in values.items()}


@dataclass
class Contents:
    """Nodes (labels, properties) and relationships (type, start, end, properties),
    keyed by id, plus the raw counts (duplicates show there)."""

    entities: dict[str, tuple[frozenset[str], dict[str, Any]]]
    relationships: dict[tuple[str, str, str], dict[str, Any]]
    measurements: dict[str, tuple[frozenset[str], dict[str, Any]]]
    about: dict[tuple[str, str, str], dict[str, Any]]  # (type, measurement, entity)
    counts: dict[str, int]


def _expected(graph: Graph) -> Contents:
    view = entity_view(graph)
    nodes = node_rows(view)
    rels = relationship_rows(view)
    figures = figure_rows(graph)
    # what a figure is about and the programme it counts for (the exporter's _FIGURE_LINKS)
    links = {"about": "ABOUT", "programme": "FOR_PROGRAM"}
    about = [
        (kind, f["id"], f[field]) for f in figures for field, kind in links.items() if f[field]
    ]
    counts = {
        "entities": len(nodes),
        "relationships": len(rels),
        "measurements": len(figures),
        "about": len(about),
        "nodes": len(nodes) + len(figures),
        "all relationships": len(rels) + len(about),
    }
    return Contents(
        {
            r["id"]: (frozenset(r["labels"]), _props({k: v for k, v in r.items() if k != "labels"}))
            for r in nodes
        },
        {
            (r["type"], r["s"], r["o"]): _props(
                {k: v for k, v in r.items() if k not in ("type", "s", "o")}
            )
            for r in rels
        },
        {
            f["id"]: (
                frozenset({"Measurement"}),
                _props(
                    {**{k: v for k, v in f.items() if k not in links}, "value": float(f["value"])}
                ),
            )
            for f in figures
        },
        {link: {} for link in about},
        counts,
    )


def _stored(session: neo4j.Session) -> Contents:
    def rows(cypher: str) -> list[neo4j.Record]:
        return list(session.run(cypher))

    entities = rows("MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS props")
    rels = rows(
        "MATCH (s:Entity)-[r]->(o:Entity) "
        "RETURN type(r) AS type, s.id AS s, o.id AS o, properties(r) AS props"
    )
    figures = rows("MATCH (m:Measurement) RETURN labels(m) AS labels, properties(m) AS props")
    about = rows(
        "MATCH (m:Measurement)-[r]->(e) "
        "RETURN type(r) AS type, m.id AS m, e.id AS e, labels(e) AS labels, properties(r) AS props"
    )
    counts = {
        "entities": len(entities),
        "relationships": len(rels),
        "measurements": len(figures),
        "about": len(about),
        "nodes": session.run("MATCH (n) RETURN count(n) AS c").single(strict=True)["c"],
        "all relationships": session.run("MATCH ()-[r]->() RETURN count(r) AS c").single(
            strict=True
        )["c"],
    }
    return Contents(
        {r["props"].get("id"): (frozenset(r["labels"]), _props(r["props"])) for r in entities},
        {(r["type"], r["s"], r["o"]): _props(r["props"]) for r in rels},
        {r["props"].get("id"): (frozenset(r["labels"]), _props(r["props"])) for r in figures},
        {
            (r["type"], r["m"], r["e"]): _props(r["props"])
            if "Entity" in r["labels"]
            else {"(not a link to an Entity)": (r["type"], tuple(r["labels"]))}
            for r in about
        },
        counts,
    )


def _diff(expected: dict[Any, Any], stored: dict[Any, Any], what: str) -> list[str]:
    found = [f"{what} {key!r} missing" for key in expected if key not in stored]
    found += [f"{what} {key!r} not in graph.ttl" for key in stored if key not in expected]
    for key in expected.keys() & stored.keys():
        want, have = expected[key], stored[key]
        if want == have:
            continue
        if isinstance(want, tuple):  # a node: (labels, properties)
            if want[0] != have[0]:
                found.append(f"{what} {key!r} labels {sorted(have[0])} != {sorted(want[0])}")
            want, have = want[1], have[1]
        for prop in sorted(want.keys() | have.keys()):
            if want.get(prop) != have.get(prop):
                found.append(f"{what} {key!r} .{prop} = {have.get(prop)!r} != {want.get(prop)!r}")
    return found


def _mismatches(expected: Contents, stored: Contents) -> list[str]:
    found = [
        f"{name}: {stored.counts[name]} stored != {count} in graph.ttl"
        for name, count in expected.counts.items()
        if stored.counts[name] != count
    ]
    found += _diff(expected.entities, stored.entities, "entity")
    found += _diff(expected.relationships, stored.relationships, "relationship")
    found += _diff(expected.measurements, stored.measurements, "measurement")
    found += _diff(expected.about, stored.about, "figure link")
    return found


def wrong_names(expected: Contents, stored: Contents) -> int:
    """Entities stored under their id with another name (the reported symptom)."""
    return sum(
        1
        for key, (_, props) in expected.entities.items()
        if key in stored.entities and stored.entities[key][1].get("name") != props["name"]
    )


def _push(arcadedb: ArcadeDB, ttl: Path) -> str:
    result = CliRunner().invoke(
        app,
        [
            "neo4j",
            "push",
            str(ttl),
            "--uri",
            arcadedb.uri,
            "--user",
            USER,
            "--password-env",
            PASSWORD_ENV,
            "--database",
            DATABASE,
            "--timeout",
            "60",
        ],
        env={PASSWORD_ENV: arcadedb.password},
    )
    assert result.exit_code == 0, result.output + arcadedb.log()[-4000:]
    return result.stdout


def _clear(arcadedb: ArcadeDB) -> None:
    with arcadedb.driver() as driver, driver.session(database=DATABASE) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()


def test_push_twice_stores_exactly_the_graph(
    arcadedb: ArcadeDB, corpus_build: tuple[BuildResult, Path]
) -> None:
    ttl = corpus_build[1] / "graph.ttl"
    expected = _expected(Graph().parse(ttl))
    assert expected.counts["entities"] > 200 and expected.counts["measurements"] > 200
    assert len(expected.relationships) == expected.counts["relationships"]
    _clear(arcadedb)
    for attempt in ("first", "second"):
        out = _push(arcadedb, ttl)
        assert f"pushed {expected.counts['entities']} nodes" in out
        with arcadedb.driver() as driver, driver.session(database=DATABASE) as session:
            stored = _stored(session)
        mismatches = _mismatches(expected, stored)
        assert not mismatches, (
            f"after the {attempt} push, ArcadeDB differs from graph.ttl in {len(mismatches)} "
            f"ways ({wrong_names(expected, stored)} entities with another name); the first:\n"
            + "\n".join(mismatches[:25])
        )


def test_import_cypher_run_twice_stores_exactly_the_graph(
    arcadedb: ArcadeDB, corpus_build: tuple[BuildResult, Path]
) -> None:
    """``import.cypher``, statement by statement as cypher-shell sends it, twice."""
    expected = _expected(Graph().parse(corpus_build[1] / "graph.ttl"))
    script = (corpus_build[1] / "neo4j" / "import.cypher").read_text(encoding="utf-8")
    statements = [line[:-1] for line in script.splitlines() if line and not line.startswith("//")]
    _clear(arcadedb)
    for attempt in ("first", "second"):
        with arcadedb.driver() as driver, driver.session(database=DATABASE) as session:
            for statement in statements:
                session.run(statement).consume()  # type: ignore[arg-type]
            stored = _stored(session)
        mismatches = _mismatches(expected, stored)
        assert not mismatches, f"after the {attempt} run: " + "\n".join(mismatches[:25])


@pytest.mark.parametrize(
    "name", ["nodes.csv", "relationships.csv", "measurements.csv", "about.csv"]
)
def test_load_csv_reads_every_row(
    arcadedb: ArcadeDB, corpus_build: tuple[BuildResult, Path], name: str
) -> None:
    """ArcadeDB's LOAD CSV read a quoted empty field ``""`` as an escaped quote and ran on
    into the next lines: it returned 111 of the 244 rows of nodes.csv."""
    path = corpus_build[1] / "neo4j" / name
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    with arcadedb.driver() as driver, driver.session(database=DATABASE) as session:
        loaded = [
            record["row"]
            for record in session.run(
                f"LOAD CSV WITH HEADERS FROM {cypher_literal(path.resolve().as_uri())} AS row "
                "RETURN row"
            )
        ]
    assert len(loaded) == len(rows) > 0
    # an empty field may come back as "" or as null, as in Neo4j
    wrong = [
        (i, got)
        for i, (row, got) in enumerate(zip(rows, loaded, strict=True))
        if {k: got.get(k) or "" for k in header} != dict(zip(header, row, strict=True))
    ]
    assert not wrong, f"{len(wrong)} rows of {name} read otherwise, the first: {wrong[:3]}"
