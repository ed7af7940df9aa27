"""A running ``kg serve`` over a build of ``corpus/`` with its on-disk store."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.build import build

CORPUS = Path("corpus")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def served_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kg build corpus/ -f turtle -f store``: what kg serve reads."""
    out = tmp_path_factory.mktemp("served")
    build(CORPUS, out, formats=("turtle", "store"))
    return out


@contextmanager
def running_server(build: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``kg serve BUILD OPTIONS`` started as a user starts it, on a free local port: its
    base URL and process, stopped afterwards."""
    port = free_port()
    kg = Path(sys.executable).parent / "kg"
    process = subprocess.Popen(
        [str(kg), "serve", str(build), "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output, _ = process.communicate(timeout=10)
                raise RuntimeError(f"kg serve did not start: {output}") from None
            time.sleep(0.3)
    try:
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()


@pytest.fixture(scope="session")
def server(served_build: Path) -> Iterator[str]:
    """``kg serve`` over :func:`served_build`; its base URL."""
    with running_server(served_build, "--timeout", "20") as (base, _process):
        yield base
