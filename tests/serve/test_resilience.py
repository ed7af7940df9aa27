"""``kg serve`` stays up and answers its pages whatever its SPARQL endpoint is sent: the
server is started as a user starts it and driven over HTTP."""

from __future__ import annotations

import http.client
import os
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kg.query import guard
from kg.serve.app import create_app
from kg.serve.data import open_explorer
from tests.query.test_runner import CRASH, CROSS_PRODUCT
from tests.serve.conftest import running_server

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:starlette.*"),
]

LABELS = "SELECT ?l WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 5"


def _get(url: str, timeout: float = 30) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status, time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started


def _sparql(base: str, text: str, *, post: bool = False, timeout: float = 30) -> tuple[int, float]:
    started = time.monotonic()
    body = urllib.parse.urlencode({"query": text})
    request = (
        urllib.request.Request(base + "/sparql", data=body.encode(), method="POST")
        if post
        else urllib.request.Request(base + "/sparql?" + body)
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status, time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (started by any of its threads)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in task.read_text().split()]
    return sorted(found)


def test_concurrent_first_queries_all_answer_and_later_ones_too(served_build: Path) -> None:
    with running_server(served_build, "--timeout", "20") as (base, _process):
        with ThreadPoolExecutor(8) as threads:
            first = list(threads.map(lambda _i: _sparql(base, LABELS)[0], range(8)))
        assert first == [200] * 8
        assert [_sparql(base, LABELS)[0] for _ in range(3)] == [200] * 3


def test_a_heavy_post_query_holds_neither_the_pages_nor_the_endpoint(served_build: Path) -> None:
    with running_server(served_build, "--timeout", "4") as (base, _process):
        with ThreadPoolExecutor(4) as threads:
            heavy = [threads.submit(_sparql, base, CROSS_PRODUCT, post=True) for _ in range(3)]
            time.sleep(0.5)
            pages = [_get(base + "/") for _ in range(5)]
            light = _sparql(base, LABELS)
            answers = [h.result() for h in heavy]
        assert all(status == 200 and seconds < 2 for status, seconds in pages), pages
        # the light query waited for a free engine at most as long as the heavy ones ran
        assert light[0] == 200 or light[0] == 503
        assert [status for status, _s in answers] == [503] * 3
        assert all(seconds < 4 + 3 for _status, seconds in answers), answers
        assert _sparql(base, LABELS)[0] == 200


def test_sigterm_stops_the_server_during_a_heavy_query_and_its_engines_with_it(
    served_build: Path,
) -> None:
    with running_server(served_build, "--timeout", "60") as (base, process):
        with ThreadPoolExecutor(1) as threads:
            threads.submit(_sparql, base, CROSS_PRODUCT, post=True, timeout=70)
            time.sleep(1.0)
            engines = _children(process.pid)
            assert engines  # the engine processes run as children of the server
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=15)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(Path(f"/proc/{e}").exists() for e in engines):
            time.sleep(0.1)
        alive = [e for e in engines if Path(f"/proc/{e}").exists()]
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
        assert alive == []


def _with_host(base: str, host: str) -> int:
    netloc = urllib.parse.urlparse(base).netloc
    connection = http.client.HTTPConnection(netloc, timeout=10)
    try:
        connection.request("GET", "/", headers={"Host": host})
        return connection.getresponse().status
    finally:
        connection.close()


def test_only_requests_that_name_this_server_are_answered(served_build: Path) -> None:
    with running_server(served_build) as (base, _process):
        port = urllib.parse.urlparse(base).port
        assert _with_host(base, f"127.0.0.1:{port}") == 200
        assert _with_host(base, f"localhost:{port}") == 200
        assert _with_host(base, f"attacker.example:{port}") == 400
        assert _with_host(base, "attacker.example") == 400
    with running_server(served_build, "--allowed-host", "kg.example.org") as (base, _process):
        assert _with_host(base, "kg.example.org") == 200
        assert _with_host(base, "attacker.example") == 400


def test_a_restart_on_the_same_port_is_not_refused(served_build: Path) -> None:
    with running_server(served_build) as (base, _process):
        _get(base + "/")
        port = urllib.parse.urlparse(base).port
    from kg.serve import _check_port

    _check_port("127.0.0.1", int(port or 0))  # TIME_WAIT connections do not hold it


def test_an_engine_that_crashes_is_a_503_and_the_server_answers_on(
    served_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # let the crashing chain past the check, as an unknown crash would be
    monkeypatch.setattr(guard, "MAX_OPERATORS", 100_000)
    lenient = guard.check_query.__kwdefaults__ | {"max_operators": 100_000}
    monkeypatch.setattr(guard.check_query, "__kwdefaults__", lenient)
    with TestClient(create_app(open_explorer(served_build))) as client:
        crashed = client.get("/sparql", params={"query": CRASH})
        assert crashed.status_code == 503 and "E141" in crashed.text
        assert client.get("/sparql", params={"query": LABELS}).status_code == 200
        assert client.get("/").status_code == 200
