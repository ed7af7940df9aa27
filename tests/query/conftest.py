"""A local listener that must hear nothing, and a build with every queryable form."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import BuildResult
from kg.exports.store import write_store


class Listener:
    """A TCP server on 127.0.0.1 that records every connection it accepts."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.2)
        self.port = int(self._socket.getsockname()[1])
        self.heard: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except (TimeoutError, OSError):
                continue
            with connection:
                connection.settimeout(1)
                try:
                    self.heard.append(connection.recv(400) or b"(connected)")
                except OSError:
                    self.heard.append(b"(connected)")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    try:
        yield found
    finally:
        found.close()


@pytest.fixture(scope="session")
def query_build(
    corpus_build: tuple[BuildResult, Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """An output folder with graph.ttl, graph.trig and store/ of corpus/."""
    _result, out = corpus_build
    folder = tmp_path_factory.mktemp("queryable")
    for name in ("graph.ttl", "graph.trig"):
        (folder / name).write_bytes((out / name).read_bytes())
    write_store(corpus_build[0].graph, folder)
    return folder
