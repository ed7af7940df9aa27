"""Bad input, faults and hostile files lose nothing and run nothing (issue 10)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg import build as build_module
from kg.build import build
from kg.cli import app
from kg.corpus import load
from kg.corpus.prepare import MAX_STORY_CHARS
from kg.errors import KGError
from kg.exports import EXPORTERS
from kg.outputs import LOCK_NAME, locked

pytestmark = pytest.mark.reliability

runner = CliRunner()
ARTICLE = "安康市总工会开展“一函两书”工作。石泉县总工会成立劳模工匠学院。"


def _corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _skipped(out: Path) -> dict[str, dict]:
    return {s["path"]: s for s in _report(out)["skipped"]}


# --- discovery: every entry is read or reported, nothing outside the corpus is read


def test_links_hidden_files_and_fifos_are_reported_not_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密文件内容不可读入", encoding="utf-8")
    (corpus / "out.txt").symlink_to(secret)
    (corpus / "nowhere.txt").symlink_to(tmp_path / "missing.txt")
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")
    (corpus / "loop").symlink_to(corpus)
    (corpus / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")  # opening it would block the build forever
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle",))
    skipped = _skipped(out)
    assert "out of the corpus" in skipped["out.txt"]["reason"]
    assert "link to nothing" in skipped["nowhere.txt"]["reason"]
    assert "not followed" in skipped["loop"]["reason"]
    assert "hidden" in skipped[".hidden.txt"]["reason"]
    assert "not a regular file" in skipped["pipe.txt"]["reason"]
    assert {s["code"] for s in skipped.values()} == {"E108"}
    assert "机密文件" not in (out / "graph.ttl").read_text(encoding="utf-8")
    files = {f["path"]: f["documents"] for f in _report(out)["files_read"]}
    assert files == {"a.txt": 1, "inside.txt": 1}  # a link inside the corpus is read


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    locked_folder = corpus / "private"
    locked_folder.mkdir()
    locked_folder.chmod(0)
    try:
        build(corpus, tmp_path / "out", formats=("turtle",))
    finally:
        locked_folder.chmod(0o755)
    assert "cannot be read" in _skipped(tmp_path / "out")["private"]["reason"]


def test_an_output_folder_inside_the_corpus_is_not_read_back(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    out = corpus / "exports"
    build(corpus, out, formats=("turtle",))
    build(corpus, out, formats=("turtle",))  # the first build's files are in the corpus now
    report = _report(out)
    assert report["documents_read"] == 1
    assert "output folder" in _skipped(out)["exports"]["reason"]


def test_an_oversized_file_is_skipped_with_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "huge.txt").write_text("工会" * 600, encoding="utf-8")
    monkeypatch.setitem(load.MAX_FILE_BYTES, "article", 1000)
    build(corpus, tmp_path / "out", formats=("turtle",))
    huge = _skipped(tmp_path / "out")["huge.txt"]
    assert huge["code"] == "E109" and "3,600 bytes" in huge["reason"]
    assert _report(tmp_path / "out")["documents_read"] == 1


# --- JSONL records


def test_jsonl_records_end_at_newlines_only_and_text_must_be_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [
        {"text": "安康市总工会\u2028开展工作。", "title": "一"},
        {"text": 123},
        {"text": "石泉县总工会成立学院。"},
    ]
    (corpus / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle",))
    report = _report(out)
    assert report["documents_read"] == 2
    skipped = _skipped(out)
    assert list(skipped) == ["news.jsonl#L2"]
    assert "int, not text" in skipped["news.jsonl#L2"]["reason"]
    assert "news.jsonl%23L3" in (out / "graph.ttl").read_text(encoding="utf-8")


# --- limits that degrade, never abort


def test_a_story_longer_than_the_limit_is_read_in_parts(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    sentences = "安康市总工会开展“一函两书”工作。" * (MAX_STORY_CHARS // 10)
    (corpus / "long.txt").write_text(sentences, encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle",))
    report = _report(out)
    assert report["documents_read"] == 2
    assert any("cut at sentence ends" in w and "long.txt" in w for w in report["warnings"])
    assert report["stories"] > 2


def test_a_document_whose_analysis_fails_is_reported_and_the_rest_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "b.txt").write_text("银川市总工会开展“凤城工匠”评选。", encoding="utf-8")
    real = build_module.analysed_document

    def flaky(document, nlp, learned, **options):  # type: ignore[no-untyped-def]
        if document.raw.identifier == "b.txt":
            raise IndexError("a bug met in one document")
        return real(document, nlp, learned, **options)

    monkeypatch.setattr(build_module, "analysed_document", flaky)
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle",))
    failed = _skipped(out)["b.txt"]
    assert failed["code"] == "E112" and "IndexError: a bug met in one document" in failed["reason"]
    assert _report(out)["documents_read"] == 1


# --- atomic, locked output


def test_a_failed_export_leaves_the_previous_build_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle", "html"))
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (corpus / "b.txt").write_text("银川市总工会开展“凤城工匠”评选。", encoding="utf-8")

    def broken(graph, folder):  # type: ignore[no-untyped-def]
        (folder / "graph.html").write_text("<html>half a page", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setitem(EXPORTERS, "html", broken)
    with pytest.raises(OSError):
        build(corpus, out, formats=("turtle", "html"))
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".kg-staging")]


def test_a_rebuild_removes_what_it_no_longer_writes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle", "html", "neo4j"))
    (out / "notes.md").write_text("the user's own file", encoding="utf-8")
    build(corpus, out, formats=("turtle",))
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["graph.ttl", "notes.md", "ontology.ttl", "report.json"]


def test_a_second_build_into_the_same_folder_refuses(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    with locked(out):
        with pytest.raises(KGError) as caught:
            build(corpus, out, formats=("turtle",))
        result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "-f", "turtle"])
    assert caught.value.code == "E117"
    assert result.exit_code == 1 and "E117" in result.stderr
    build(corpus, out, formats=("turtle",))  # free again
    assert not (out / LOCK_NAME).exists()  # and no lock file left behind


def test_a_lock_taken_on_a_file_its_holder_removed_is_taken_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open
    opened: list[int] = []

    def open_as_the_holder_lets_go(path: str | Path, flags: int, mode: int = 0o777) -> int:
        handle = real_open(path, flags, mode)
        if str(path).endswith(LOCK_NAME):
            if not opened:
                Path(path).unlink()  # the previous holder removed it between our open and lock
            opened.append(handle)
        return handle

    monkeypatch.setattr(os, "open", open_as_the_holder_lets_go)
    with locked(out):
        assert len(opened) == 2  # the first lock was on a removed file: taken again
        assert os.path.samestat(os.fstat(opened[1]), (out / LOCK_NAME).stat())
    assert not (out / LOCK_NAME).exists()


# --- offline, bounded queries


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * FROM NAMED <http://127.0.0.1:PORT/g> WHERE { ?s ?p ?o }", "FROM NAMED"),
        ("SELECT * FROM <http://127.0.0.1:PORT/g> WHERE { ?s ?p ?o }", "FROM is"),
        ("LOAD <http://127.0.0.1:PORT/data.ttl>", "update"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "update"),
    ],
)
def test_queries_never_reach_the_network_or_change_data(
    corpus_build: tuple[object, Path], query: str, what: str
) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        text = query.replace("PORT", str(server.server_address[1]))
        result = runner.invoke(app, ["query", str(corpus_build[1] / "graph.ttl"), text])
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 1
    assert "E135" in result.stderr and what in result.stderr
    assert _Recorder.seen == []


def test_query_limits_and_bad_queries_give_coded_errors(corpus_build: tuple[object, Path]) -> None:
    graph = str(corpus_build[1] / "graph.ttl")
    many = runner.invoke(app, ["query", graph, "SELECT * WHERE { ?s ?p ?o }", "--max-rows", "10"])
    assert many.exit_code == 1 and "E137" in many.stderr
    # a bad regex is an error inside FILTER, which SPARQL makes false: no rows, no failure
    regex = 'SELECT * WHERE { ?s ?p ?o FILTER regex(str(?o), "(") }'
    assert runner.invoke(app, ["query", graph, regex]).exit_code == 0
    bad = runner.invoke(app, ["query", graph, "SELECT ?s WHERE { ?s ?p }"])
    assert bad.exit_code == 1 and "E133" in bad.stderr and "Traceback" not in bad.stderr


# --- exports hold any character


def test_control_characters_survive_graphml_and_neo4j(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a\x01b.txt").write_text("安康市总工会\x1f开展“一函两书”工作。", encoding="utf-8")
    (corpus / "c\x1fd.txt").write_text("安康市总工会成立劳模工匠学院。", encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle", "graphml", "neo4j"))
    view = nx.read_graphml(out / "graph.graphml")
    assert any("安康市总工会" in data.get("label", "") for _n, data in view.nodes(data=True))
    import csv

    with (out / "neo4j" / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    documents = rows["安康市总工会"]["documents:string[]"].split("\x1f")
    assert len(documents) == 2  # one value per document, none split


# --- the CLI prints what it reads, never as markup or terminal codes


def test_paths_with_markup_and_escapes_are_printed_as_text(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "x[").mkdir()
    (corpus / "x[" / "]bad[red].pdf").write_bytes(b"%PDF")  # the path reads x[/]bad[red].pdf
    (corpus / "\x1b[31mred.pdf").write_bytes(b"%PDF")
    result = runner.invoke(
        app, ["build", str(corpus), "--out", str(tmp_path / "o"), "-f", "turtle"]
    )
    assert result.exit_code == 0, result.stderr
    assert "x[/]bad[red].pdf" in result.stderr
    assert "\x1b[31m" not in result.stderr and "\\x1b[31mred.pdf" in result.stderr


def test_eval_and_validate_fail_clearly(tmp_path: Path, corpus_build: tuple[object, Path]) -> None:
    graph = str(corpus_build[1] / "graph.ttl")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.json").write_text("{not json", encoding="utf-8")
    bad_json = runner.invoke(app, ["eval", str(gold), graph])
    assert bad_json.exit_code == 1 and "E114" in bad_json.stderr
    (gold / "x.json").write_text('{"entities": [{"type": 1}]}', encoding="utf-8")
    bad_shape = runner.invoke(app, ["eval", str(gold), graph])
    assert bad_shape.exit_code == 1 and "E114" in bad_shape.stderr
    missing = runner.invoke(app, ["eval", str(tmp_path / "nope"), graph])
    assert missing.exit_code == 1 and "E113" in missing.stderr
    mode = runner.invoke(app, ["eval", "tests/gold", graph, "--mode", "fuzzy"])
    assert mode.exit_code == 2 and "E115" in mode.stderr
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    nothing = runner.invoke(app, ["validate", str(empty)])
    assert nothing.exit_code == 1 and "E116" in nothing.stderr
    for result in (bad_json, bad_shape, missing, mode, nothing):
        assert "Traceback" not in result.stderr


def test_neo4j_push_gives_up_on_a_silent_port_and_refuses_http(
    corpus_build: tuple[object, Path],
) -> None:
    graph = str(corpus_build[1] / "graph.ttl")
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections, never answers
    env = {**os.environ, "NEO4J_PASSWORD": "x"}
    command = [sys.executable, "-m", "kg", "neo4j", "push", graph, "--timeout", "1"]
    try:
        port = silent.getsockname()[1]
        waited = subprocess.run(
            [*command, "--uri", f"bolt://127.0.0.1:{port}"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,  # a guard for the test run, not the measure
        )
    finally:
        silent.close()
    assert waited.returncode == 1 and "E183" in waited.stderr
    http = subprocess.run(
        [*command, "--uri", "http://127.0.0.1:7474"], capture_output=True, text=True, env=env
    )
    assert http.returncode == 2 and "not a Neo4j URI" in http.stderr
    assert "Traceback" not in waited.stderr + http.stderr


# --- linear time: each hostile input against a case a tenth (or an eighth) its size


def _seconds(run, value) -> float:  # type: ignore[no-untyped-def]
    import time

    best = float("inf")
    for _ in range(2):  # the better of two runs: a loaded machine adds noise, not ratio
        started = time.perf_counter()
        run(value)
        best = min(best, time.perf_counter() - started)
    return best


def _ratio(run, make, small: int, factor: int) -> float:  # type: ignore[no-untyped-def]
    """How much longer ``run`` takes on an input ``factor`` times larger: about
    ``factor`` for linear time, ``factor ** 2`` for quadratic."""
    return _seconds(run, make(small * factor)) / max(_seconds(run, make(small)), 1e-4)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "ab " * n, id="words without markup"),
        pytest.param(lambda n: "<!--" * n, id="unclosed comments"),
        pytest.param(lambda n: "<script>x" * n, id="unclosed scripts"),
        pytest.param(lambda n: '<span style="display:none">x' * n, id="unclosed hidden"),
        pytest.param(lambda n: "正文" + "<!-- a -->" * n, id="closed comments"),
    ],
)
def test_cleaning_takes_linear_time(make) -> None:  # type: ignore[no-untyped-def]
    from kg.corpus.clean import clean
    from kg.text import AlignedText

    ratio = _ratio(lambda text: clean(AlignedText.identity(text)), make, 4000, 8)
    assert ratio < 8 * 3  # quadratic would be 64


def test_mention_selection_takes_linear_time() -> None:
    from kg.corpus.prepare import prepare
    from kg.linking.resolver import link_document
    from kg.nlp.pipeline import load_pipeline
    from kg.types import RawDocument

    nlp = load_pipeline()
    sentence = "安康市总工会、石泉县总工会、汉阴县总工会和宁陕县总工会开展“一函两书”工作。"

    def run(text: str) -> None:
        raw = RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64)
        link_document(prepare(raw), nlp)

    ratio = _ratio(run, lambda n: sentence * n, 60, 8)
    assert ratio < 8 * 3


def test_the_document_view_takes_linear_time() -> None:
    from kg.serve.highlight import marked, pieces

    assert _ratio(lambda text: pieces(text, []), lambda n: "字" * n, 20_000, 8) < 8 * 3
    assert _ratio(lambda text: marked(text, ["甲"]), lambda n: "字" * n, 20_000, 8) < 8 * 3


# --- issue 18: what the hostile probe found


def test_a_build_killed_while_publishing_is_finished_by_the_next_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_build: tuple[object, Path]
) -> None:
    from kg.outputs import JOURNAL

    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle", "neo4j", "store"))
    (corpus / "b.txt").write_text("银川市总工会开展“凤城工匠”评选。", encoding="utf-8")
    real, moved = Path.replace, []

    def killed_after_two(self: Path, target: Path) -> Path:  # type: ignore[override]
        if len(moved) == 2:
            raise SystemExit("killed while publishing")
        moved.append(self.name)
        return real(self, target)

    monkeypatch.setattr(Path, "replace", killed_after_two)
    with pytest.raises(SystemExit):
        build(corpus, out, formats=("turtle", "neo4j", "store"))
    monkeypatch.setattr(Path, "replace", real)
    assert (out / JOURNAL).is_file()  # new and old side by side, and the journal says so
    result = runner.invoke(
        app,
        [
            "query",
            str(out),
            "SELECT ?d WHERE { ?d a <https://w3id.org/cn-union-kg/def#Document> }",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(result.output.split()[1:]) == [
        "https://w3id.org/cn-union-kg/id/doc/a.txt",
        "https://w3id.org/cn-union-kg/id/doc/b.txt",
    ]
    assert not (out / JOURNAL).exists()
    assert not list(out.glob(".kg-staging-*"))
    assert _report(out)["documents_read"] == 2
    assert "b.txt" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_a_file_swapped_for_a_link_after_the_scan_is_not_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密文件内容不可读入", encoding="utf-8")
    found = load.scan(corpus)
    (corpus / "a.txt").unlink()
    (corpus / "a.txt").symlink_to(secret)  # after the scan, before the read
    read = list(load.load_file(found.files[0], corpus))
    assert [getattr(r, "code", None) for r in read] == ["E104"]
    assert "机密" not in repr(read)
    inside = corpus / "sub"
    inside.mkdir()
    (inside / "b.txt").write_text(ARTICLE, encoding="utf-8")
    found = load.scan(corpus)
    (inside / "b.txt").rename(tmp_path / "b.txt")
    inside.rmdir()
    inside.symlink_to(tmp_path)  # a folder swapped for a link out
    read = list(load.load_file(corpus / "sub" / "b.txt", corpus))
    assert [getattr(r, "code", None) for r in read] == ["E104"]


def test_a_query_racing_a_store_swap_gets_rows_or_a_coded_error(
    tmp_path: Path, corpus_build: tuple[object, Path]
) -> None:
    from rdflib import Graph

    from kg.exports.store import dataset_of, write_store
    from kg.query.runner import query_rows

    graph = Graph().parse(corpus_build[1] / "graph.ttl")
    write_store(graph, tmp_path)
    stop = threading.Event()

    def swap() -> None:
        while not stop.is_set():
            write_store(graph, tmp_path)

    swapper = threading.Thread(target=swap)
    swapper.start()
    outcomes = []
    try:
        for _ in range(25):
            try:
                rows = query_rows(
                    dataset_of(tmp_path),
                    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                    timeout=20,
                    max_rows=5,
                )
                outcomes.append(rows.rows[0][0])
            except KGError as error:  # anything else (a traceback) fails the test
                outcomes.append(error.code)
    finally:
        stop.set()
        swapper.join()
    assert set(outcomes) <= {str(len(graph)), "E142"}
    assert outcomes.count(str(len(graph))) >= 20


def test_a_deeply_nested_query_is_a_coded_refusal(corpus_build: tuple[object, Path]) -> None:
    graph = str(corpus_build[1] / "graph.ttl")
    nested = "SELECT * WHERE " + "{ " * 200 + "?s ?p ?o" + " }" * 200
    result = runner.invoke(app, ["query", graph, nested])
    assert result.exit_code == 1 and "E138" in result.stderr and "Traceback" not in result.output


def test_a_number_of_hundreds_of_digits_is_no_figure(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "银川市总工会发放慰问金" + "9" * 400 + "元,新建工会115家。"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out, formats=("turtle", "neo4j"))
    figures = (out / "neo4j" / "measurements.csv").read_text(encoding="utf-8")
    assert "inf" not in figures.lower() and "115" in figures
    assert "inf" not in (out / "neo4j" / "import.cypher").read_text(encoding="utf-8").lower()


def test_a_line_break_in_a_file_name_is_reported_and_forges_no_line(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "x.txt\nskipped a.txt: forged").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "-f", "turtle"])
    assert result.exit_code == 0
    assert [line for line in result.output.splitlines() if "forged" in line] == [
        line for line in result.output.splitlines() if line.startswith("skipped x.txt\\x0a")
    ]
    skipped = _report(out)["skipped"]
    assert [(s["path"], s["code"]) for s in skipped] == [("x.txt\nskipped a.txt: forged", "E108")]
    assert "line break in its name" in skipped[0]["reason"]


def test_the_corpus_folder_is_refused_as_the_output_folder(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(corpus)])
    assert result.exit_code == 1 and "E124" in result.output
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"]


def test_a_store_caught_between_its_two_renames_is_the_swap_race(tmp_path: Path) -> None:
    from kg.exports.store import STORE_DIR, dataset_of

    # what write_store leaves for an instant: the old store moved aside, the new one not in
    (tmp_path / f".{STORE_DIR}.previous").mkdir()
    with pytest.raises(KGError) as caught:
        dataset_of(tmp_path)
    assert caught.value.code == "E142"  # "run the query again", not "no built graph"
