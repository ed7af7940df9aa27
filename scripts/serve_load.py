"""Load on ``kg serve``: clients mixing pages and heavy SPARQL queries; prints what they saw.

Usage: .venv/bin/python scripts/serve_load.py OUT [--clients 50] [--seconds 30]
       [--heavy 0.3] [--timeout 5]

Starts ``kg serve OUT --timeout T`` on a free local port as a user does, then runs CLIENTS
concurrent clients for SECONDS: each sends, in a loop, a heavy query (a sort of every
triple against every triple, which no engine can answer within T) with probability HEAVY,
else a page (home, search, an entity page, its neighbours). Prints the pages' latency
(median, p99, max) and status counts, the heavy queries' statuses and their slowest
answer, and the peak resident memory of the server with its engine processes (read from
/proc every 0.2 s). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import httpx

from kg.budget import resident_mib

HEAVY = "SELECT * WHERE { ?a ?b ?l . ?c ?d ?e } ORDER BY ?l ?e"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tree_mib(pid: int) -> float:
    """Resident memory of ``pid`` and its children, MiB."""
    total = resident_mib(pid) or 0.0
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            total += sum(resident_mib(int(c)) or 0.0 for c in task.read_text().split())
        except OSError:
            continue
    return total


async def _client(
    http: httpx.AsyncClient,
    base: str,
    pages: list[str],
    until: float,
    heavy: float,
    seed: int,
    seen: dict[str, list[tuple[int, float]]],
) -> None:
    chance = random.Random(seed)
    while time.monotonic() < until:
        if chance.random() < heavy:
            kind, url = "heavy", f"{base}/sparql?query={quote(HEAVY)}"
        else:
            kind, url = "page", base + chance.choice(pages)
        started = time.monotonic()
        try:
            status = (await http.get(url)).status_code
        except httpx.HTTPError:
            status = 0
        seen[kind].append((status, time.monotonic() - started))


async def _run(base: str, clients: int, seconds: float, heavy: float) -> dict:
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=clients)) as http:
        hubs = (await http.get(f"{base}/api/search", params={"q": "总工会", "limit": 5})).json()
        pages = ["/", "/search?q=" + quote("总工会"), "/queries"]
        for hub in hubs:
            pages += [
                f"/entity?iri={quote(hub['iri'])}",
                f"/api/neighbours?iri={quote(hub['iri'])}",
            ]
        seen: dict[str, list[tuple[int, float]]] = {"page": [], "heavy": []}
        until = time.monotonic() + seconds
        await asyncio.gather(
            *(_client(http, base, pages, until, heavy, n, seen) for n in range(clients))
        )
        return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--heavy", type=float, default=0.3)
    parser.add_argument("--timeout", type=float, default=5)
    args = parser.parse_args()
    port = _free_port()
    kg = Path(sys.executable).parent / "kg"
    server = subprocess.Popen(
        [str(kg), "serve", str(args.out), "--port", str(port), "--timeout", str(args.timeout)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    peak = [0.0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_mib(server.pid))
            time.sleep(0.2)

    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        seen = asyncio.run(_run(base, args.clients, args.seconds, args.heavy))
    finally:
        done.set()
        server.terminate()
        server.wait(timeout=30)
    pages = sorted(seconds for _status, seconds in seen["page"])
    print(f"{args.clients} clients for {args.seconds:g} s, kg serve --timeout {args.timeout:g}")
    if pages:
        p99 = pages[min(len(pages) - 1, int(0.99 * len(pages)))]
        print(
            f"pages: {len(pages)} answers {dict(Counter(s for s, _t in seen['page']))}, "
            f"median {statistics.median(pages):.3f} s, p99 {p99:.3f} s, max {pages[-1]:.3f} s"
        )
    heavy = seen["heavy"]
    if heavy:
        slowest = max(seconds for _status, seconds in heavy)
        print(
            f"heavy queries: {len(heavy)} answers {dict(Counter(s for s, _t in heavy))}, "
            f"slowest {slowest:.2f} s"
        )
    print(f"peak memory of the server and its engines: {peak[0]:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
