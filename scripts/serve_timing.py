"""How fast ``kg serve`` answers over a build (prints figures, asserts nothing).

Usage: .venv/bin/python scripts/serve_timing.py OUT_DIR

OUT_DIR is a build's output folder (best built with ``-f store``). Prints the startup time
(labels, degrees, name index) and, warm (the best of three), the time and size of a typo
search, the page and the neighbours of the most connected entity, a document view, two
saved queries and two SPARQL requests. The requests go through the application itself
(Starlette's test client): no network, no server process.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

from fastapi.testclient import TestClient

from kg.serve.app import create_app
from kg.serve.data import open_explorer


def main() -> None:
    warnings.simplefilter("ignore")
    out = Path(sys.argv[1])
    started = time.perf_counter()
    explorer = open_explorer(out)
    print(f"entities {len(explorer.labels):,}, startup {time.perf_counter() - started:.2f} s")
    client = TestClient(create_app(explorer))
    hub = max(explorer.labels, key=lambda e: (explorer.degree.get(e, 0), e))
    print(f"most connected: {explorer.labels[hub][0]} ({explorer.degree.get(hub, 0)} relations)")
    found = explorer.entity(hub)
    document = found.documents[0][0] if found and found.documents else ""
    requests = [
        ("search (a typo)", "/search", {"q": "安康总工会"}),
        ("entity page", "/entity", {"iri": hub}),
        ("neighbours", "/api/neighbours", {"iri": hub}),
        ("document view", "/document", {"id": document, "entity": hub}),
        ("saved query union-hierarchy", "/queries/union-hierarchy", {}),
        ("saved query reporters", "/queries/reporters", {}),
        (
            "SPARQL count of triples",
            "/sparql",
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
        ),
        (
            "SPARQL 1,000 labels as CSV",
            "/sparql",
            {
                "query": "SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } "
                "LIMIT 1000",
                "format": "csv",
            },
        ),
    ]
    for name, path, params in requests:
        best, size, status = float("inf"), 0, 0
        for _ in range(3):
            began = time.perf_counter()
            response = client.get(path, params=params)
            best = min(best, time.perf_counter() - began)
            size, status = len(response.content), response.status_code
        print(f"{name}: {best * 1000:.0f} ms, {size / 1024:.0f} KiB (HTTP {status})")


if __name__ == "__main__":
    main()
