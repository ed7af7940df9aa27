"""``kg serve``: the explorer and the SPARQL endpoint, as one FastAPI application.

Pages are rendered by Jinja2 with autoescaping (document text is data, never markup); the
browser code is served from ``static/`` only, and a Content-Security-Policy forbids any
other script, frame or request. Every route reads; nothing writes.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware

from kg.errors import KGError
from kg.query.results import Rows
from kg.query.runner import EnginePool
from kg.query.sparql import MAX_ROWS, TIMEOUT_SECONDS, describe, named_queries
from kg.serve import protocol
from kg.serve.data import Explorer
from kg.serve.highlight import marked, pieces
from kg.vocab.ontology import ENTITY_TYPES, RELATION_TYPES, RELATIONS, styles

__all__ = ["create_app"]

_HERE = Path(str(files("kg.serve")))
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
#: Engine processes that answer SPARQL (each holds one query at a time), the memory each
#: may use (MiB), and the threads that wait for them (never the event loop's, never the
#: pages').
ENGINES = 2
ENGINE_MEMORY_MIB = 768
QUERY_THREADS = 64
_T = TypeVar("_T")
#: Evidence sentences shown per relation, and figures or documents per entity, before
#: "… and N more" (a hub of a large corpus has thousands).
EVIDENCE_SHOWN = 10
LIST_SHOWN = 200
#: How each relation reads both ways on an entity's page (the ontology's labels).
_PREDICATES = {name: (r.label_en, r.inverse_en) for name, r in RELATIONS.items()}


def _vis_network() -> Path:
    """vis-network's browser build, as pyvis ships it (the static page inlines the same)."""
    import pyvis

    found = sorted(Path(pyvis.__file__).parent.glob("templates/lib/vis-*/vis-network.min.js"))
    if not found:
        raise FileNotFoundError("pyvis ships no vis-network.min.js; reinstall (make setup)")
    return found[-1]


class _Engines:
    """The app's engine pool, started on the first query and stopped with the app."""

    def __init__(self, explorer: Explorer, *, size: int, max_memory: int) -> None:
        self._make: Callable[[], EnginePool] = lambda: EnginePool(
            explorer.dataset, size=size, max_memory=max_memory
        )
        self._pool: EnginePool | None = None
        self._lock = threading.Lock()
        self.threads = ThreadPoolExecutor(QUERY_THREADS, thread_name_prefix="kg-query")

    @property
    def pool(self) -> EnginePool:
        with self._lock:
            if self._pool is None:
                self._pool = self._make()
            return self._pool

    async def run(self, work: Callable[[], _T]) -> _T:
        """``work`` on a query thread, awaited without holding the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self.threads, work)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None


def create_app(
    explorer: Explorer,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_rows: int = MAX_ROWS,
    engines: int = ENGINES,
    max_memory: int = ENGINE_MEMORY_MIB,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The application over ``explorer``'s store; SPARQL is answered by ``engines`` engine
    processes that stop a query past ``timeout`` seconds (counted from the request's
    arrival), ``max_rows`` rows or ``max_memory`` MiB. ``allowed_hosts``: the names the
    ``Host`` header may give (a page of another site cannot read the explorer through DNS
    rebinding); ``None`` checks none (for tests and embedding)."""
    pooled = _Engines(explorer, size=engines, max_memory=max_memory)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pooled.close()

    app = FastAPI(
        title="kg serve", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.engines = pooled
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    templates = Jinja2Templates(directory=str(_HERE / "templates"))
    templates.env.globals["quote"] = lambda text: quote(text, safe="")
    vis = _vis_network()

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")

    def page(request: Request, template: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    @app.get("/static-lib/vis-network.min.js", include_in_schema=False)
    def vis_network() -> FileResponse:
        return FileResponse(vis, media_type="text/javascript")

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        counts: dict[str, int] = {}
        for _label, top in explorer.labels.values():
            counts[top] = counts.get(top, 0) + 1
        hubs = sorted(explorer.labels, key=lambda e: (-explorer.degree.get(e, 0), e))[:24]
        return page(
            request,
            "home.html",
            counts=sorted(counts.items()),
            hubs=[(e, *explorer.labels[e], explorer.degree.get(e, 0)) for e in hubs],
            queries=sorted(named_queries()),
        )

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str = "") -> HTMLResponse:
        hits = explorer.search(q) if q.strip() else []
        rows = [(h, explorer.labels[h.key][1]) for h in hits]
        return page(request, "search.html", q=q, hits=rows)

    @app.get("/api/search")
    def search_api(q: str = "", limit: Annotated[int, Query(ge=1, le=100)] = 20) -> JSONResponse:
        hits = explorer.search(q, limit=limit) if q.strip() else []
        return JSONResponse(
            [
                {
                    "iri": h.key,
                    "label": h.label,
                    "matched": h.matched,
                    "score": round(h.score, 3),
                    "type": explorer.labels[h.key][1],
                }
                for h in hits
            ]
        )

    @app.get("/entity", response_class=HTMLResponse)
    def entity(request: Request, iri: str) -> HTMLResponse:
        found = explorer.entity(iri)
        if found is None:
            raise HTTPException(404, "no entity with this IRI in the graph")
        names = [found.label, *found.aliases]
        relations = [
            {
                "relation": r,
                "verb": _PREDICATES.get(r.predicate, (r.predicate, r.predicate))[
                    0 if r.outgoing else 1
                ],
                "evidence": [
                    (e, marked(e.sentence, [*names, r.other_label]))
                    for e in r.evidence[:EVIDENCE_SHOWN]
                ],
                "more": max(0, len(r.evidence) - EVIDENCE_SHOWN),
            }
            for r in found.relations
        ]
        figures = [(f, marked(f.sentence, [f.text])) for f in found.figures[:LIST_SHOWN]]
        places = [r for r in found.relations if r.predicate == "locatedIn" and r.outgoing]
        return page(
            request,
            "entity.html",
            entity=found,
            relations=relations,
            figures=figures,
            places=places,
            documents=found.documents[:LIST_SHOWN],
            shown=LIST_SHOWN,
        )

    @app.get("/graph", response_class=HTMLResponse)
    def graph(request: Request, iri: str) -> HTMLResponse:
        if iri not in explorer.labels:
            raise HTTPException(404, "no entity with this IRI in the graph")
        return page(
            request,
            "graph.html",
            iri=iri,
            label=explorer.labels[iri][0],
            styles=styles(),
            types=ENTITY_TYPES,
            relations=RELATION_TYPES,
        )

    @app.get("/api/neighbours")
    def neighbours(iri: str) -> JSONResponse:
        if iri not in explorer.labels:
            raise HTTPException(404, "no entity with this IRI in the graph")
        return JSONResponse(explorer.neighbours(iri))

    @app.get("/document", response_class=HTMLResponse)
    def document(
        request: Request,
        id: str,
        entity: str = "",
        start: int | None = None,
        end: int | None = None,
    ) -> HTMLResponse:
        found = explorer.document(id)
        if found is None:
            raise HTTPException(404, "no document with this identifier in the graph")
        sentence = (start, end) if start is not None and end is not None else None
        parts = pieces(found.text, found.mentions, focus=entity, sentence=sentence)
        anchor = next((i for i, p in enumerate(parts) if (p.sentence if sentence else p.focus)), -1)
        return page(request, "document.html", document=found, pieces=parts, anchor=anchor)

    @app.get("/queries", response_class=HTMLResponse)
    def queries(request: Request) -> HTMLResponse:
        saved = [(name, describe(path)) for name, path in sorted(named_queries().items())]
        return page(request, "queries.html", saved=saved)

    @app.get("/queries/{name}", response_class=HTMLResponse)
    async def saved_query(request: Request, name: str) -> HTMLResponse:
        saved = named_queries()
        if name not in saved:
            raise HTTPException(404, "no saved query with this name")
        text = saved[name].read_text(encoding="utf-8")
        job = {"text": text, "want": "rows", "timeout": timeout, "max_rows": max_rows}
        deadline = time.monotonic() + timeout
        rows: Rows | None = None
        try:
            answer = await pooled.run(lambda: pooled.pool.ask(job, deadline=deadline))
            rows = Rows(tuple(answer["columns"]), tuple(tuple(r) for r in answer["rows"]))
            error = ""
        except KGError as exc:
            error = str(exc)
        return page(
            request,
            "query.html",
            name=name,
            question=describe(saved[name]),
            text=text,
            rows=rows,
            error=error,
            labels=explorer.labels,
            by_label=explorer.by_label,
        )

    async def answer(request: Request, text: str | None, fmt: str | None) -> Response:
        if not text:
            raise protocol.ProtocolError(400, "give a query: ?query=… or a POST body")
        deadline = time.monotonic() + timeout
        accept = request.headers.get("accept")
        result = await pooled.run(
            lambda: protocol.run(
                pooled.pool,
                text,
                accept=accept,
                fmt=fmt,
                timeout=timeout,
                max_rows=max_rows,
                deadline=deadline,
            )
        )
        return Response(result.body, media_type=result.media_type + "; charset=utf-8")

    @app.exception_handler(protocol.ProtocolError)
    async def refused(_request: Request, exc: protocol.ProtocolError) -> Response:
        return Response(exc.message + "\n", status_code=exc.status, media_type="text/plain")

    @app.get("/sparql")
    async def sparql_get(
        request: Request,
        query: str | None = None,
        update: str | None = None,
        format: str | None = None,
    ) -> Response:
        if update is not None:
            raise protocol.ProtocolError(400, "this endpoint is read-only: updates are refused")
        return await answer(request, query, format)

    @app.post("/sparql")
    async def sparql_post(request: Request) -> Response:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        fmt = request.query_params.get("format")
        if kind == "application/sparql-query":
            return await answer(request, (await request.body()).decode("utf-8", "replace"), fmt)
        if kind == "application/sparql-update":
            raise protocol.ProtocolError(400, "this endpoint is read-only: updates are refused")
        if kind == "application/x-www-form-urlencoded":
            form = parse_qs((await request.body()).decode("utf-8", "replace"))
            if "update" in form:
                raise protocol.ProtocolError(400, "this endpoint is read-only: updates are refused")
            texts = form.get("query", [])
            return await answer(request, texts[0] if len(texts) == 1 else None, fmt)
        raise protocol.ProtocolError(
            415, "send application/sparql-query or an application/x-www-form-urlencoded form"
        )

    return app
