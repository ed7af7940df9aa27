"""``kg serve``: a local explorer and SPARQL endpoint over a build's store.

>>> LOCAL_HOSTS
('127.0.0.1', 'localhost', '::1')
"""

from __future__ import annotations

import socket
from pathlib import Path

from kg.errors import Errors, KGError

__all__ = ["LOCAL_HOSTS", "serve"]

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise KGError(Errors.E171, host=host, port=port, reason=exc.strerror or exc) from exc


def serve(
    out_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    corpus: Path | None = None,
    timeout: float = 30.0,
    max_rows: int = 10_000,
    allow_remote: bool = False,
) -> None:
    """Serve the explorer and ``/sparql`` for the build in ``out_dir`` until interrupted.

    Raises:
        KGError: E170 without a built graph, E171 when the port is taken, E172 for a
            non-local address without ``allow_remote``.
    """
    import uvicorn

    from kg.serve.app import create_app
    from kg.serve.data import open_explorer

    if host not in LOCAL_HOSTS and not allow_remote:
        raise KGError(Errors.E172, host="127.0.0.1")
    _check_port(host, port)
    explorer = open_explorer(out_dir, corpus=corpus)
    app = create_app(explorer, timeout=timeout, max_rows=max_rows)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
