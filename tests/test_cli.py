"""``kg`` end to end with typer's CliRunner, on the real corpus and on bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF
from typer.testing import CliRunner

from kg.build import BuildResult
from kg.cli import app
from kg.corpus.simplify import to_simplified
from kg.graph.validate import validate
from kg.vocab.ontology import KG
from tests.helpers import CORPUS, ROOT

runner = CliRunner()

PINYIN = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>|display\s*:\s*none")
MOJIBAKE = re.compile(r"[\ufffd]|锟斤拷|[\u4e00-\u9fff]\?|shù\)|wù\)")


def run_build(corpus: Path, out: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--no-progress"])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli")
    code, stdout, stderr = run_build(CORPUS, out)
    assert code == 0, stderr
    assert "5 documents" in stdout
    return out


@pytest.fixture(scope="module")
def graph(built: Path) -> Graph:
    return Graph().parse(built / "graph.ttl")


def test_build_writes_every_output(built: Path) -> None:
    for name in ("graph.ttl", "ontology.ttl", "graph.html", "graph.graphml", "report.json"):
        assert (built / name).is_file()
    for name in ("nodes.csv", "relationships.csv", "import.cypher", "README.md"):
        assert (built / "neo4j" / name).is_file()


def test_report(built: Path) -> None:
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    assert report["documents_read"] == 5
    assert report["stories"] >= 12
    assert report["skipped"] == []
    assert set(report["entities"]) == {"Organization", "Program", "Place", "Person"}
    assert "implements" in report["relations"]
    assert report["timings_seconds"]["total"] > 0


def test_graph_conforms_to_shapes(graph: Graph) -> None:
    conforms, violations = validate(graph)
    assert conforms, violations[:5]


def test_one_document_node_per_file(graph: Graph) -> None:
    identifiers = sorted(
        str(graph.value(d, DCTERMS.identifier)) for d in graph.subjects(RDF.type, KG.Document)
    )
    assert identifiers == sorted(p.name for p in CORPUS.iterdir())


def test_seed_001_story_titles_by_sparql(graph: Graph) -> None:
    rows = graph.query(
        """
        PREFIX kg: <https://w3id.org/cn-union-kg/def#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?i ?title WHERE {
          ?d dcterms:identifier "001_8be08b9eb7dee6b6.txt" ; kg:hasStory ?s .
          ?s kg:storyIndex ?i ; dcterms:title ?title .
        } ORDER BY ?i
        """
    )
    titles = [str(r.title) for r in rows]
    assert len(titles) >= 8
    for place, title in zip(
        ["石嘴山", "河南", "辽西", "呼和浩特", "首钢", "莱芜", "学技术", "思明区"],
        titles,
        strict=False,
    ):
        assert place in title


def test_no_literal_keeps_artefacts(graph: Graph) -> None:
    literals = [o for o in graph.objects() if isinstance(o, Literal)]
    assert literals
    for literal in literals:
        text = str(literal)
        assert not PINYIN.search(text), text[:80]
        assert not TAG.search(text), text[:80]
        assert not MOJIBAKE.search(text), text[:80]


@pytest.mark.parametrize("name", ["000_e152356bf421ac52.txt", "003_ae3fb7a57afc4b2e.txt"])
def test_traditional_seeds_come_out_simplified(graph: Graph, name: str) -> None:
    (doc,) = graph.subjects(DCTERMS.identifier, Literal(name))
    texts = [str(graph.value(s, KG.text)) for s in graph.objects(doc, KG.hasStory)]
    assert texts
    for text in texts:
        assert to_simplified(text) == text
        assert "總" not in text and "會" not in text


def test_build_is_byte_identical(built: Path, tmp_path: Path) -> None:
    code, _, _ = run_build(CORPUS, tmp_path)
    assert code == 0
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()
    for path in sorted((built / "neo4j").rglob("*")):
        if path.is_file():
            assert (
                tmp_path / "neo4j" / path.relative_to(built / "neo4j")
            ).read_bytes() == path.read_bytes()


def test_mixed_corpus_builds_and_reports_bad_files(mixed_corpus: Path, tmp_path: Path) -> None:
    code, _stdout, stderr = run_build(mixed_corpus, tmp_path)
    assert code == 0
    graph = Graph().parse(tmp_path / "graph.ttl")
    identifiers = {str(o) for o in graph.objects(None, DCTERMS.identifier)}
    assert {
        "gbk.txt",
        "big5.txt",
        "utf16.txt",
        "sub/bom.txt",
        "page.html",
        "news.jsonl#L1",
    } <= identifiers
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    reasons = {s["path"]: s["reason"] for s in report["skipped"]}
    assert set(reasons) == {
        "empty.txt",
        "blank.txt",
        "image.txt",
        "bad.txt",
        "notes.pdf",
        "news.jsonl#L2",
        "news.jsonl#L3",
    }
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    assert "encoding" in reasons["bad.txt"]
    for path in reasons:
        assert f"skipped {path}" in stderr
    texts = " ".join(str(o) for o in graph.objects(None, KG.text))
    assert "宁陕县总工会" in texts  # Big5 file, simplified
    assert "微心愿" in texts and "广告垃圾" not in texts and "不可见" not in texts
    conforms, violations = validate(graph)
    assert conforms, violations[:5]


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    code, _, stderr = run_build(corpus, tmp_path / "out")
    assert code == 1
    assert "E106" in stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["skipped"][0]["code"] == "E101"


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    code, _, stderr = run_build(tmp_path / "nope", tmp_path / "out")
    assert code == 1
    assert "E100" in stderr


def test_validate_command(built: Path) -> None:
    ok = runner.invoke(app, ["validate", str(built / "graph.ttl")])
    assert ok.exit_code == 0
    assert "conforms" in ok.stdout
    bad = ROOT / "ontology" / "examples" / "invalid" / "relation-without-evidence.ttl"
    failed = runner.invoke(app, ["validate", str(bad)])
    assert failed.exit_code == 1
    assert "Every relation triple has a kg:Assertion" in failed.stdout


def test_validate_unparsable_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("<a> <b> .", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "E110" in result.stderr


@pytest.mark.parametrize("command", ["validate", "eval"])
def test_a_missing_graph_file_is_said_to_be_missing(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "graph.ttl"
    args = (
        [command, str(missing)]
        if command == "validate"
        else [command, str(ROOT / "tests" / "gold"), str(missing)]
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "E118" in result.stderr and "does not exist" in result.stderr
    assert "Errno" not in result.stderr


def test_validate_reads_the_graph_of_an_output_folder(built: Path) -> None:
    result = runner.invoke(app, ["validate", str(built)])
    assert result.exit_code == 0, result.stderr
    assert "conforms" in result.stdout


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("kg ")


def test_corpus_fixture_result(corpus_build: tuple[BuildResult, Path]) -> None:
    result, out = corpus_build
    assert len(result.documents) == 5
    assert (out / "graph.ttl").stat().st_size > 10_000


def test_neo4j_push_needs_the_password_variable(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KG_TEST_NEO4J_PASSWORD", raising=False)
    result = runner.invoke(
        app,
        ["neo4j", "push", str(built / "graph.ttl"), "--password-env", "KG_TEST_NEO4J_PASSWORD"],
    )
    assert result.exit_code == 2
    assert "E181" in result.stderr and "KG_TEST_NEO4J_PASSWORD" in result.stderr


def test_neo4j_push_reports_an_unreachable_server(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_TEST_NEO4J_PASSWORD", "secret")
    result = runner.invoke(
        app,
        [
            "neo4j",
            "push",
            str(built / "graph.ttl"),
            "--uri",
            "bolt://127.0.0.1:9",
            "--password-env",
            "KG_TEST_NEO4J_PASSWORD",
        ],
    )
    assert result.exit_code == 1
    assert "E183" in result.stderr and "Cannot reach Neo4j at bolt://127.0.0.1:9" in result.stderr


def test_build_only_the_formats_asked_for(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", str(CORPUS), "--out", str(tmp_path), "-f", "turtle", "-f", "neo4j"]
    )
    assert result.exit_code == 0
    assert (tmp_path / "graph.ttl").is_file() and (tmp_path / "neo4j" / "import.cypher").is_file()
    assert not (tmp_path / "graph.html").exists()
    bad = runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path), "-f", "pdf"])
    assert bad.exit_code == 2
    assert "E165" in bad.stderr and "'pdf'" in bad.stderr and "jsonld" in bad.stderr


def test_a_cached_rebuild_redoes_only_what_changed(tmp_path: Path, built: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in CORPUS.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    cache = tmp_path / "cache"

    def run(out: str) -> dict:
        args = ["build", str(corpus), "--out", str(tmp_path / out), "--cache", str(cache)]
        assert runner.invoke(app, args).exit_code == 0
        return json.loads((tmp_path / out / "report.json").read_text(encoding="utf-8"))["cache"]

    assert run("first") == {"hits": 0, "misses": 5, "rejected": 0, "pruned": 0}
    assert run("second") == {"hits": 5, "misses": 0, "rejected": 0, "pruned": 0}
    for name in ("graph.ttl", "graph.html", "neo4j/import.cypher"):
        assert (tmp_path / "second" / name).read_bytes() == (built / name).read_bytes()
    edited = corpus / "002_dca251d177eb03ad.txt"
    addition = "\n银川市总工会开展“一函两书”工作。\n"
    edited.write_text(edited.read_text(encoding="utf-8") + addition, encoding="utf-8")
    assert run("third") == {"hits": 4, "misses": 1, "rejected": 0, "pruned": 0}
    assert "一函两书" in (tmp_path / "third" / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("command", "flags", "lists"),
    [
        ("build", ["--progress"], {"--format": "NAME"}),
        ("eval", ["--details", "--json", "--present-only"], {}),
        ("serve", ["--allow-remote"], {"--allowed-host": "HOST"}),
    ],
)
def test_help_shows_no_type_on_a_flag_and_names_what_a_list_takes(
    command: str, flags: list[str], lists: dict[str, str]
) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    rows = {line.split()[1]: line for line in result.stdout.splitlines() if line.startswith("│ --")}
    for flag in flags:
        assert "<bool>" not in rows[flag], rows[flag]
    for option, metavar in lists.items():
        assert f" {metavar} " in rows[option] and "list[" not in rows[option], rows[option]
    assert "jsonld" in result.stdout or command != "build"


def test_serve_announces_no_address_when_there_is_nothing_to_serve(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", str(tmp_path), "--port", "0"])
    assert result.exit_code == 1
    assert "E170" in result.stderr and "http://" not in result.stdout
