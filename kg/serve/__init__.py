"""``kg serve``: a local explorer and SPARQL endpoint over a build's store.

>>> LOCAL_HOSTS
('127.0.0.1', 'localhost', '::1')
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.errors import Errors, KGError

__all__ = ["LOCAL_HOSTS", "serve"]

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # as uvicorn binds: a port left in TIME_WAIT by the last server is free, one that
        # another server listens on is not
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
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
    allowed_hosts: Sequence[str] = (),
    engines: int = 2,
    max_memory: int = 768,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the explorer and ``/sparql`` for the build in ``out_dir`` until interrupted;
    ``ready`` is given the server's address once the graph is open and the port free.

    Requests must name this server in their ``Host`` header: the local names, the bound
    address, and ``allowed_hosts`` (the names a remote server is reached by); others get
    400, so a web page cannot read the graph through DNS rebinding. SPARQL is answered by
    ``engines`` engine processes of ``max_memory`` MiB each.

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
    app = create_app(
        explorer,
        timeout=timeout,
        max_rows=max_rows,
        engines=engines,
        max_memory=max_memory,
        allowed_hosts=host_names(host, allowed_hosts),
    )
    if ready is not None:
        ready(f"http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def host_names(host: str, extra: Sequence[str] = ()) -> list[str]:
    """The names a request's ``Host`` header may give for a server bound to ``host``.

    >>> host_names("127.0.0.1")
    ['127.0.0.1', 'localhost', '::1', '[::1]']
    >>> host_names("0.0.0.0", ["kg.example.org"])[-2:]
    ['0.0.0.0', 'kg.example.org']
    """
    names = [*LOCAL_HOSTS, "[::1]"]
    for name in (host, *extra):
        if name not in names:
            names.append(name)
    return names
