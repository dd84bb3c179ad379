"""A SPARQL 1.1 Protocol endpoint and an offline query page, over any `Store`.

Routes:

* ``/sparql``: GET ``?query=``; POST form-encoded ``query=`` or ``update=``; POST
  ``application/sparql-query`` or ``application/sparql-update``. Results by Accept:
  ``application/sparql-results+json`` (default), ``+xml``, ``text/csv``,
  ``text/tab-separated-values``; graphs as ``text/turtle`` (default), ``application/n-triples``,
  ``application/ld+json``, ``application/rdf+xml``. ``?format=json|xml|csv|tsv|turtle|nt|json-ld``
  overrides Accept.
* ``/``: the query page (vendored YASGUI, or a plain editor), ``/assets/*`` its files,
  ``/examples`` the example queries found at start-up, ``/stats`` counts,
  ``/graph`` the interactive graph view (of everything, or of ``?query=`` CONSTRUCT).

Status codes: 400 syntax errors and bad requests (plain text), 403 updates when not allowed and
SERVICE / LOAD, 413 requests over `max_request_bytes`, 415 unknown body types, 503 queries past
the timeout. A query runs in a worker thread; at the deadline the server answers 503 and the
thread is told to stop, which it does at its next result row. Neither rdflib nor pyoxigraph 0.5
can interrupt a query that computes before its first row (ORDER BY, GROUP BY over a huge join):
that thread runs on until the backend returns, its answer dropped.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.errors import KgError
from kg.query import (
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    analyze,
    format_result,
    run_query,
    run_update,
)
from kg.store import Store

log = logging.getLogger("kg.server")

ASSETS = Path(__file__).parent / "assets" / "server"
REPO_EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "queries"

RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/x-turtle": "turtle",
    "text/plain": "nt",
    "application/json": "json-ld",
}
MEDIA: dict[tuple[str, str], str] = {
    ("select", "json"): "application/sparql-results+json",
    ("select", "xml"): "application/sparql-results+xml",
    ("select", "csv"): "text/csv; charset=utf-8",
    ("select", "tsv"): "text/tab-separated-values; charset=utf-8",
    ("graph", "turtle"): "text/turtle; charset=utf-8",
    ("graph", "nt"): "application/n-triples",
    ("graph", "json-ld"): "application/ld+json",
    ("graph", "xml"): "application/rdf+xml",
}
FORMAT_PARAM = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle",
                "ttl": "turtle", "nt": "nt", "ntriples": "nt", "json-ld": "json-ld",
                "jsonld": "json-ld", "rdfxml": "xml"}

DEFAULT_QUERY = """\
PREFIX kg:   <https://w3id.org/kg-news/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# Entities with their types and labels
SELECT ?entity ?label ?type WHERE {
  ?entity a ?type ;
          rdfs:label ?label .
  FILTER(STRSTARTS(STR(?type), STR(kg:)))
}
ORDER BY ?label
LIMIT 100
"""


class HTTPProblem(Exception):
    """An error answered as a plain-text response with `status`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# --------------------------------------------------------------------------- negotiation


def _accepted(header: str | None) -> list[str]:
    """Media ranges of an Accept header, best first (q-values; ties keep their order)."""
    if not header:
        return ["*/*"]
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, index, media))
    return [media for _, _, media in sorted(ranked)] or ["*/*"]


def negotiate(kind: str, accept: str | None, format_param: str | None = None) -> str:
    """The result format for a result of `kind` ("select", "ask", "graph")."""
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    allowed = set(table.values())
    if format_param:
        chosen = FORMAT_PARAM.get(format_param.lower())
        if chosen is None or chosen not in allowed:
            raise HTTPProblem(400, f"format={format_param} does not fit a {kind.upper()} result; "
                              f"use one of {', '.join(sorted(allowed))}")
        return chosen
    default = "turtle" if kind == "graph" else "json"
    for media in _accepted(accept):
        if media in table:
            return table[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):
            major = media[:-1]
            for candidate, fmt in table.items():
                if candidate.startswith(major):
                    return fmt
    return default


# --------------------------------------------------------------------------- examples


def load_examples(directory: Path | None) -> list[dict[str, str]]:
    """The `*.rq` files of `directory`: name, title (their first comment line) and text."""
    if directory is None or not directory.is_dir():
        return []
    items = []
    for path in sorted(directory.glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        title = path.stem.replace("_", " ")
        for line in text.splitlines():
            if line.startswith("#") and line.strip("# ").strip():
                title = line.strip("# ").strip()
                break
        items.append({"name": path.name, "title": title, "query": text})
    return items


# --------------------------------------------------------------------------- middleware


class AccessLog:
    """One log line per request: method, path, status, milliseconds."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def send_and_note(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            ms = (time.perf_counter() - started) * 1000
            log.info("%s %s %d %.1f ms", scope["method"], scope["path"], status[0], ms)


# --------------------------------------------------------------------------- the app


def create_app(
    store: Store,
    *,
    allow_update: bool = False,
    timeout: float = 10.0,
    max_results: int = 10000,
    cors_origins: Sequence[str] = (),
    max_request_bytes: int = 1_000_000,
    examples_dir: str | Path | None = None,
    title: str = "kg",
    graph_max_triples: int = 50_000,
    allowed_hosts: Sequence[str] = (),
) -> Starlette:
    """A Starlette app serving `store` (see the module doc for routes and status codes).

    `examples_dir` defaults to ./examples/queries, else the repository's examples/queries;
    its `*.rq` files are read once, here.
    """
    if examples_dir is None:
        cwd_examples = Path.cwd() / "examples" / "queries"
        examples_path: Path | None = cwd_examples if cwd_examples.is_dir() else REPO_EXAMPLES
    else:
        examples_path = Path(examples_dir)
    examples = load_examples(examples_path)

    async def in_thread(func: Callable[[], Any]) -> Any:
        return await anyio.to_thread.run_sync(func)

    async def read_body(request: Request) -> bytes:
        length = request.headers.get("content-length")
        if length is not None:
            try:
                if int(length) > max_request_bytes:
                    raise HTTPProblem(413, f"request body over {max_request_bytes:,} bytes")
            except ValueError:
                raise HTTPProblem(400, "bad Content-Length") from None
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_request_bytes:
                raise HTTPProblem(413, f"request body over {max_request_bytes:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def decode(data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPProblem(400, "the request is not UTF-8") from None

    async def operation(request: Request) -> tuple[str, str, dict[str, list[str]]]:
        """("query" | "update", text, other parameters) of a protocol request."""
        if request.method == "GET":
            raw = request.url.query
            if len(raw) > max_request_bytes:
                raise HTTPProblem(413, f"query string over {max_request_bytes:,} bytes")
            params = parse_qs(raw, keep_blank_values=True)
            if "update" in params:
                raise HTTPProblem(400, "send updates with POST (update= or "
                                       "application/sparql-update)")
            if "query" not in params:
                raise HTTPProblem(400, "no query: use /sparql?query=... (the query page is at /)")
            return "query", params["query"][0], params
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await read_body(request)
        params = parse_qs(request.url.query, keep_blank_values=True)
        if content_type == "application/x-www-form-urlencoded":
            form = parse_qs(decode(body), keep_blank_values=True)
            if ("query" in form) == ("update" in form):
                raise HTTPProblem(400, "give exactly one of query= or update=")
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            if "query" in form:
                return "query", form["query"][0], params
            return "update", form["update"][0], params
        if content_type == "application/sparql-query":
            return "query", decode(body), params
        if content_type == "application/sparql-update":
            return "update", decode(body), params
        raise HTTPProblem(415, "POST application/sparql-query, application/sparql-update or "
                               "a form (application/x-www-form-urlencoded)")

    async def sparql(request: Request) -> Response:
        try:
            kind, text, params = await operation(request)
            if "default-graph-uri" in params or "named-graph-uri" in params or \
                    "using-graph-uri" in params or "using-named-graph-uri" in params:
                raise HTTPProblem(400, "default-graph-uri / named-graph-uri are not supported: "
                                       "the default graph is the union of all graphs; use GRAPH")
            info = analyze(text)
            if kind == "query" and info.kind == "update":
                if not allow_update:
                    raise HTTPProblem(403, "updates are not allowed here (start kg serve with "
                                           "--allow-update)")
                raise HTTPProblem(400, "this is a SPARQL Update: send it as update= or "
                                       "application/sparql-update")
            if kind == "update":
                if not allow_update:
                    raise HTTPProblem(403, "updates are not allowed here (start kg serve with "
                                           "--allow-update)")
                await in_thread(functools.partial(run_update, store, text))
                return Response(status_code=204)
            accept = request.headers.get("accept")
            format_param = params.get("format", [None])[0]

            def answer() -> tuple[bytes, str, bool]:
                result = run_query(store, text, timeout=timeout, limit=max_results)
                shape = "graph" if result.kind == "graph" else "select"
                fmt = negotiate(result.kind, accept, format_param)
                body = format_result(result, fmt)
                data = body.encode("utf-8") if isinstance(body, str) else body
                return data, MEDIA[(shape, fmt)], result.truncated

            data, media, truncated = await in_thread(answer)
            headers = {"X-Result-Limit": str(max_results)}
            if truncated:
                headers["X-Truncated"] = "true"
            return Response(data, media_type=media, headers=headers)
        except HTTPProblem as problem:
            return PlainTextResponse(problem.message + "\n", status_code=problem.status)
        except QuerySyntaxError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=400)
        except QueryRefused as exc:
            return PlainTextResponse(f"{exc}\n", status_code=403)
        except QueryTimeout as exc:
            return PlainTextResponse(f"{exc}\n", status_code=503,
                                     headers={"Retry-After": "1"})
        except KgError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=500)

    page_config = json.dumps({"defaultQuery": DEFAULT_QUERY, "allowUpdate": allow_update})
    page_template = (ASSETS / "index.html").read_text(encoding="utf-8")
    page = (page_template.replace("__TITLE__", _html_escape(title))
            .replace("__CONFIG__", page_config.replace("</", "<\\/")))

    async def index(request: Request) -> Response:
        return HTMLResponse(page)

    async def examples_route(request: Request) -> Response:
        return JSONResponse(examples)

    async def stats(request: Request) -> Response:
        def count() -> dict[str, Any]:
            return {"triples": store.triple_count(), "documents": len(store.documents()),
                    "allow_update": allow_update, "timeout": timeout,
                    "max_results": max_results}

        return JSONResponse(await in_thread(count))

    async def graph_view(request: Request) -> Response:
        query = request.query_params.get("query")
        try:
            from kg import viz

            render = viz.html_string
        except (ImportError, AttributeError):
            return HTMLResponse(_message_page("Graph view unavailable",
                                              "The graph view (kg.viz) is not installed."),
                                status_code=501)
        sparql_text = query or "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"

        def build() -> str:
            result = run_query(store, sparql_text, timeout=timeout, limit=graph_max_triples)
            if result.kind != "graph" or result.graph is None:
                raise HTTPProblem(400, "the graph view needs a CONSTRUCT or DESCRIBE query")
            name = f"{title} graph" + (" (query)" if query else "")
            if result.truncated:
                name += f" (first {graph_max_triples:,} triples)"
            return render(result.graph, title=name)

        try:
            return HTMLResponse(await in_thread(build))
        except HTTPProblem as problem:
            return PlainTextResponse(problem.message + "\n", status_code=problem.status)
        except QuerySyntaxError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=400)
        except QueryRefused as exc:
            return PlainTextResponse(f"{exc}\n", status_code=403)
        except QueryTimeout as exc:
            return PlainTextResponse(f"{exc}\n", status_code=503)
        except KgError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=500)

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/examples", examples_route, methods=["GET"]),
        Route("/stats", stats, methods=["GET"]),
        Route("/graph", graph_view, methods=["GET"]),
        Route("/favicon.ico", lambda request: Response(status_code=204), methods=["GET"]),
        Mount("/assets", app=StaticFiles(directory=str(ASSETS)), name="assets"),
    ]
    middleware = [Middleware(AccessLog)]
    if allowed_hosts:  # a web page must not reach a loopback endpoint by DNS rebinding
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(Middleware(CORSMiddleware, allow_origins=list(cors_origins),
                                     allow_methods=["GET", "POST"],
                                     allow_headers=["Accept", "Content-Type"],
                                     expose_headers=["X-Truncated", "X-Result-Limit"]))
    return Starlette(routes=routes, middleware=middleware)


def _html_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _message_page(heading: str, message: str) -> str:
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            f"{_html_escape(heading)}</title></head><body><h1>{_html_escape(heading)}</h1>"
            f"<p>{_html_escape(message)}</p><p><a href=\"./\">Back to the query page</a></p>"
            "</body></html>")


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def default_allowed_hosts(host: str) -> tuple[str, ...]:
    """Host headers accepted: on loopback only loopback names (a rebound DNS name is refused);
    on any other address the user opened it to the network, so any name."""
    return LOOPBACK_NAMES if host in LOOPBACK_NAMES else ("*",)


def serve(store: Store, host: str = "127.0.0.1", port: int = 7878, **opts: Any) -> None:
    """Run the app with uvicorn until interrupted; `opts` go to `create_app`."""
    import uvicorn

    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    opts.setdefault("allowed_hosts", default_allowed_hosts(host))
    app = create_app(store, **opts)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            lifespan="off")
    uvicorn.Server(config).run()

