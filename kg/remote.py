"""A SPARQL 1.1 store over HTTP (Oxigraph server, Fuseki, GraphDB, Virtuoso, Neptune ...).

`RemoteStore` speaks the standard protocols only, so any store that implements them works:

* reads go to a SPARQL 1.1 Protocol query endpoint (form-encoded POST, results parsed with
  rdflib's own result and graph parsers);
* each document is written to its own named graph, so a re-run replaces it rather than adding a
  second copy, with one of two protocols:

  - Graph Store HTTP Protocol: ``PUT <endpoint>?graph=<document IRI>`` with the graph as Turtle
    (written as N-Triples, which is Turtle): one request, which the store applies atomically;
  - SPARQL 1.1 Update: ``DROP SILENT GRAPH <doc> ; INSERT DATA { GRAPH <doc> { ... } }`` in one
    request, so the store runs both or neither.

A target is written as a URL whose scheme names the write protocol:

    gsp+http://host:7878/store        Graph Store Protocol endpoint
    sparql+http://host:7878/update    SPARQL Update endpoint
    http://host:3030/ds               one endpoint for queries and updates (SPARQL Update)

Queries go to the same URL unless another is given (`query_url`, `--sink-query`): stores that
split the roles over several paths need it. Parameters already in a URL are kept on every
request (``?union-default-graph`` for instance), and ``user:password@`` in a URL is sent as
HTTP Basic or Digest authentication, whichever the store asks for; messages never show it.

kg's own reads (hashes, counts, dumps) name their graphs with GRAPH, so they work whatever the
store's default graph is; user queries are sent as they are, and kg's example queries expect
the default graph to be the union of the named graphs (the README says how to set that up).
"""

from __future__ import annotations

import contextlib
import io
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import KgError
from kg.namespaces import KG, bind_prefixes
from kg.query import QueryCancelled, QueryResult, QuerySyntaxError, analyze

__all__ = [
    "DEFAULT_TIMEOUT",
    "Endpoints",
    "RemoteStore",
    "copy_graphs",
    "is_remote",
    "parse_endpoints",
]

DEFAULT_TIMEOUT = 60.0
"""Seconds to wait for a store to connect or answer one request."""

_REMOTE = re.compile(r"^(?:(?:gsp|sparql)\+)?https?://", re.IGNORECASE)

_RESULT_PARSERS = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/tab-separated-values": "tsv", "text/csv": "csv",
}
_GRAPH_PARSERS = {
    "application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
    "application/x-turtle": "turtle", "application/rdf+xml": "xml",
    "application/ld+json": "json-ld", "application/n-quads": "nquads",
    "application/trig": "trig",
}
_ACCEPT_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_CHUNK = 1 << 16


def is_remote(target: object) -> bool:
    """True for a target written as an http(s) URL (optionally with gsp+ or sparql+)."""
    return isinstance(target, str) and bool(_REMOTE.match(target))


@dataclass(frozen=True)
class Endpoints:
    """Where a remote store is read and written, and how documents are written."""

    query: str
    write: str
    protocol: str  # "gsp" (Graph Store HTTP Protocol) or "update" (SPARQL 1.1 Update)

    @property
    def update(self) -> str:
        """Where user updates (`kg serve --allow-update`) go: the write endpoint when it speaks
        SPARQL Update, else the query endpoint (stores that serve both on one URL)."""
        return self.write if self.protocol == "update" else self.query


def _split_scheme(url: str) -> tuple[str | None, str]:
    """("gsp" | "sparql" | None, plain http(s) URL)."""
    if not is_remote(url):
        raise KgError(f"{shown(url)}: not a store URL (use http://, https://, gsp+http://, "
                      "sparql+http://)")
    scheme, rest = url.split("://", 1)
    kind, _, base = scheme.lower().rpartition("+")
    return kind or None, f"{base}://{rest}"


def parse_endpoints(url: str, query_url: str | None = None) -> Endpoints:
    """The endpoints a target URL names: `gsp+` writes with the Graph Store Protocol, `sparql+`
    or a plain URL with SPARQL Update; queries go to `query_url`, else to the same URL."""
    kind, write = _split_scheme(url)
    query = write if query_url is None else _split_scheme(query_url)[1]
    return Endpoints(query=query, write=write, protocol="gsp" if kind == "gsp" else "update")


def shown(url: str | httpx.URL) -> str:
    """A URL fit for a message: without its password and query string."""
    try:
        parsed = httpx.URL(str(url))
    except (httpx.InvalidURL, TypeError):
        return str(url)
    return str(parsed.copy_with(username=None, password=None, query=None, fragment=None))


def _iri(term: URIRef | str) -> str:
    """`<iri>` for SPARQL text; refuses what cannot be an IRI rather than sending it."""
    text = str(term)
    if re.search(r'[\x00-\x20<>"{}|^`\\]', text):
        raise KgError(f"cannot write to a graph named {text!r}: not an IRI")
    return f"<{text}>"


# --------------------------------------------------------------------------- errors


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    line = lines[0] if lines else ""
    return line if len(line) <= 200 else line[:197] + "..."


def _detail(response: httpx.Response) -> str:
    """The first line of an error answer's text (tags dropped from an HTML page)."""
    if not response.content:
        return ""
    text = response.text
    if "html" in response.headers.get("content-type", ""):
        text = re.sub(r"(?s)<(script|style)\b.*?</\1>|<[^>]*>", "\n", text)
    return _first_line(text)


def _status_error(response: httpx.Response, hint: str = "") -> KgError:
    detail = _detail(response)
    reason = response.reason_phrase or ""
    message = f"{shown(response.request.url)}: HTTP {response.status_code} {reason}".rstrip()
    if detail:
        message += f": {detail}"
    if response.status_code in (401, 403):
        message += " (credentials go in the URL: http://user:password@host/...)"
    elif hint and response.status_code in (404, 405, 406, 415):
        message += f" ({hint})"
    return KgError(message, exit_code=1)


class _Credentials(httpx.Auth):
    """`user:password` from a URL, sent the way the server asks: Basic or Digest.

    Some stores protect their write endpoints with Digest authentication, which cannot be sent
    up front; the first request goes out bare, and the scheme of the server's challenge is kept
    for the requests after it.
    """

    requires_request_body = True

    def __init__(self, username: str, password: str) -> None:
        self._basic = httpx.BasicAuth(username, password)
        self._digest = httpx.DigestAuth(username, password)
        self._scheme: str | None = None

    def _chosen(self) -> httpx.Auth:
        return self._digest if self._scheme == "digest" else self._basic

    def auth_flow(self, request: httpx.Request) -> Any:
        if self._scheme is not None:
            yield from self._chosen().auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("www-authenticate", "").strip().lower()
        self._scheme = "digest" if challenge.startswith("digest") else "basic"
        flow = self._chosen().auth_flow(request)
        retry = next(flow)
        if "authorization" not in retry.headers:  # Digest: hand it the challenge we hold
            try:
                retry = flow.send(response)
            except StopIteration:
                return
        answer = yield retry
        with contextlib.suppress(StopIteration):
            flow.send(answer)


# --------------------------------------------------------------------------- the store


class RemoteStore:
    """A SPARQL 1.1 store reached over HTTP, behind kg's `Store` protocol.

    Hashes: `document_hash` reads every document's kg:contentHash in one query the first time
    it is asked (a build asks for each document in turn) and keeps that table up to date with
    its own writes; a store changed meanwhile by someone else is seen at the next opening.
    """

    def __init__(self, endpoints: Endpoints, *, read_only: bool = False,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.endpoints = endpoints
        self.read_only = read_only
        self.timeout = timeout
        self._client: httpx.Client | None = httpx.Client(
            timeout=timeout, follow_redirects=True,
            headers={"User-Agent": "kg (SPARQL 1.1 client)"})
        self._hashes: dict[str, str] | None = None
        self._lock = threading.Lock()
        self._auth: dict[tuple[str, str], _Credentials] = {}
        self._auth_lock = threading.Lock()  # not _lock: document_hash queries while holding it

    @classmethod
    def open(cls, url: str, *, query_url: str | None = None, read_only: bool = False,
             timeout: float = DEFAULT_TIMEOUT) -> RemoteStore:
        """The store a target URL names (see the module doc for the URL forms)."""
        return cls(parse_endpoints(url, query_url), read_only=read_only, timeout=timeout)

    def __repr__(self) -> str:
        return f"RemoteStore({shown(self.endpoints.write)}, {self.endpoints.protocol})"

    # ------------------------------------------------------------------ HTTP

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            raise KgError(f"{shown(self.endpoints.query)}: the store is closed")
        return self._client

    def _auth_for(self, url: str | httpx.URL) -> Any:
        parsed = httpx.URL(str(url))
        if not (parsed.username or parsed.password):
            return httpx.USE_CLIENT_DEFAULT
        key = (parsed.username, parsed.password)
        with self._auth_lock:
            if key not in self._auth:
                self._auth[key] = _Credentials(*key)
            return self._auth[key]

    @contextlib.contextmanager
    def _http_errors(self, url: str | httpx.URL) -> Iterator[None]:
        """Transport failures as one-line KgErrors naming the URL (exit code 1)."""
        try:
            yield
        except httpx.TimeoutException:
            raise KgError(f"{shown(url)}: no answer within {self.timeout:g} s",
                          exit_code=1) from None
        except httpx.ConnectError as exc:
            raise KgError(f"{shown(url)}: cannot connect ({_reason(exc)})", exit_code=1) from None
        except httpx.HTTPError as exc:
            raise KgError(f"{shown(url)}: {type(exc).__name__}: {_reason(exc)}",
                          exit_code=1) from None

    def _send(self, method: str, url: str | httpx.URL, *, hint: str = "",
              ok_statuses: tuple[int, ...] = (), **kwargs: Any) -> httpx.Response:
        """One request; every failure becomes a one-line KgError naming the URL."""
        with self._http_errors(url):
            response = self.client.request(method, url, auth=self._auth_for(url), **kwargs)
        if response.is_error and response.status_code not in ok_statuses:
            raise _status_error(response, hint)
        return response

    def _check_writable(self) -> None:
        if self.read_only:
            raise KgError(f"{shown(self.endpoints.write)}: the store is open read-only")

    def _select(self, sparql: str) -> Result:
        """kg's own SELECT queries: the whole answer, parsed."""
        result = self._run_query(sparql, None)
        if isinstance(result, Graph) or result.type != "SELECT":
            raise KgError(f"{shown(self.endpoints.query)}: answered a SELECT query with "
                          "something else than SELECT results", exit_code=1)
        return result

    def _run_query(self, sparql: str, cancel: threading.Event | None) -> Any:
        """POST a query, read the answer (stopping if `cancel` is set) and parse it: an rdflib
        Result for SELECT/ASK, a Graph for CONSTRUCT/DESCRIBE."""
        form = analyze(sparql).form
        accept = {"CONSTRUCT": _ACCEPT_GRAPH, "DESCRIBE": _ACCEPT_GRAPH}.get(
            form or "", _ACCEPT_RESULTS if form else f"{_ACCEPT_RESULTS}, {_ACCEPT_GRAPH}")
        hint = "is it a SPARQL query endpoint? a --sink writing elsewhere needs --sink-query URL"
        url = self.endpoints.query
        with self._http_errors(url), self.client.stream(
                "POST", url, data={"query": sparql}, headers={"Accept": accept},
                auth=self._auth_for(url)) as response:
            if response.status_code == 400:
                response.read()
                raise _remote_syntax_error(sparql, "query", response)
            if response.is_error:
                response.read()
                raise _status_error(response, hint)
            body = _read_body(response, cancel)
            media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return _parse_answer(body, media, url)

    # ------------------------------------------------------------------ Store protocol

    def replace_document(self, doc: URIRef, graph: Graph) -> None:
        """Replace the named graph `doc` with `graph` in one request (atomic in the store)."""
        self._check_writable()
        name = _iri(doc)
        try:
            triples = graph.serialize(format="nt11", encoding="utf-8")
        except Exception as exc:  # noqa: BLE001 - rdflib raises a bare Exception for bad IRIs
            raise KgError(f"cannot write graph {name}: {_one_line(str(exc))}") from None
        if self.endpoints.protocol == "gsp":
            self._send("PUT", _graph_url(self.endpoints.write, doc), content=triples,
                       headers={"Content-Type": "text/turtle; charset=utf-8"},
                       hint="is it a Graph Store Protocol endpoint? sparql+http://... "
                            "writes with SPARQL Update instead")
        else:
            text = f"DROP SILENT GRAPH {name} ;\n"
            if len(graph):
                text += (f"INSERT DATA {{ GRAPH {name} {{\n{triples.decode('utf-8')}}} }}\n")
            self._post_update(text)
        self._note_hash(str(doc), graph)

    def _post_update(self, text: str, ok_statuses: tuple[int, ...] = ()) -> httpx.Response:
        return self._send("POST", self.endpoints.update, data={"update": text},
                          ok_statuses=ok_statuses,
                          hint="is it a SPARQL Update endpoint? gsp+http://... writes with "
                               "the Graph Store Protocol instead")

    def _note_hash(self, doc: str, graph: Graph | None) -> None:
        with self._lock:
            if self._hashes is None:
                return
            value = None
            if graph is not None:
                value = next(graph.objects(URIRef(doc), KG.contentHash), None)
            if value is None:
                self._hashes.pop(doc, None)
            else:
                self._hashes[doc] = str(value)

    def document_hash(self, doc: URIRef) -> str | None:
        with self._lock:
            if self._hashes is None:
                self._hashes = self.documents()
            return self._hashes.get(str(doc))

    def documents(self) -> dict[str, str]:
        result = self._select(
            f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{KG.contentHash}> ?h }} }}")
        return {str(row[0]): str(row[1]) for row in result if isinstance(row[0], URIRef)}

    def remove_document(self, doc: URIRef) -> None:
        self._check_writable()
        if self.endpoints.protocol == "gsp":
            self._send("DELETE", _graph_url(self.endpoints.write, doc), ok_statuses=(404,))
        else:
            self._post_update(f"DROP SILENT GRAPH {_iri(doc)}")
        self._note_hash(str(doc), None)

    def query(self, sparql: str, *, limit: int | None = None,
              cancel: threading.Event | None = None) -> QueryResult:
        from kg.store import _collect_rdflib

        answer = self._run_query(sparql, cancel)
        if isinstance(answer, Graph):
            graph = bind_prefixes(Graph())
            truncated = False
            for n, triple in enumerate(answer):
                if limit is not None and n >= limit:
                    truncated = True
                    break
                graph.add(triple)
            return QueryResult("graph", graph=graph, truncated=truncated)
        return _collect_rdflib(answer, limit, cancel)

    def update(self, sparql: str) -> None:
        """Send a user's SPARQL Update as it is: the store runs it on its own default graph
        (unlike OxigraphStore's union view), in one transaction where the store has them."""
        self._check_writable()
        response = self._post_update(sparql, ok_statuses=(400,))
        if response.status_code == 400:
            raise _remote_syntax_error(sparql, "update", response)
        with self._lock:
            self._hashes = None  # the update may have touched any document

    def triple_count(self) -> int:
        result = self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in result:
            return int(row[0].toPython()) if row[0] is not None else 0
        return 0

    def snapshot(self) -> Any:
        """Every named graph, copied into a MemoryStore (for dumps and whole-graph views)."""
        from kg.store import MemoryStore

        store = MemoryStore()
        dataset = store.dataset
        graphs: dict[Node, Graph] = {}
        batch: list[tuple[Node, Node, Node, Graph]] = []
        for g, s, p, o in self._select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"):
            target = graphs.get(g)
            if target is None:
                target = graphs[g] = dataset.graph(g)
            batch.append((s, p, o, target))
            if len(batch) >= 10000:
                dataset.addN(batch)
                batch = []
        dataset.addN(batch)
        return store

    def to_dataset(self) -> Dataset:
        return self.snapshot().dataset

    def dump(self, format: str) -> bytes:
        return self.snapshot().dump(format)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- helpers


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    match = re.search(r"\[Errno -?\d+\] (.*)", text)
    return (match.group(1) if match else text).lower()


def _graph_url(endpoint: str, doc: URIRef | str) -> httpx.URL:
    """`endpoint?graph=<doc>`, keeping the parameters already in the endpoint URL."""
    _iri(doc)
    return httpx.URL(endpoint).copy_merge_params({"graph": str(doc)})


def _read_body(response: httpx.Response, cancel: threading.Event | None) -> bytes:
    chunks = []
    for chunk in response.iter_bytes(_CHUNK):
        if cancel is not None and cancel.is_set():
            raise QueryCancelled
        chunks.append(chunk)
    return b"".join(chunks)


def _parse_answer(body: bytes, media: str, url: str) -> Any:
    """rdflib's parsers on a query answer, chosen by its media type."""
    try:
        if media in _RESULT_PARSERS:
            return Result.parse(io.BytesIO(body), format=_RESULT_PARSERS[media])
        if media in _GRAPH_PARSERS:
            graph = Graph()
            graph.parse(data=body, format=_GRAPH_PARSERS[media])
            return graph
    except Exception as exc:  # noqa: BLE001 - every rdflib parser has its own exceptions
        raise KgError(f"{shown(url)}: cannot parse the {media} answer: "
                      f"{_first_line(str(exc))}", exit_code=1) from None
    raise KgError(f"{shown(url)}: answered {media or 'no content type'}, not SPARQL results "
                  "(is it a SPARQL query endpoint?)", exit_code=1)


def _local_or(text: str, what: str, remote_message: str) -> QuerySyntaxError:
    """The local parsers' complaint (with line and column, in the user's terms) when they have
    one, else the store's own message."""
    from kg.store import _syntax_error

    local = _syntax_error(text, what)
    if local.line is not None:
        return QuerySyntaxError(_one_line(local.parser_message), local.line, local.column, what)
    return QuerySyntaxError(_one_line(remote_message), what=what)


def _one_line(text: str, width: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def _remote_syntax_error(text: str, what: str, response: httpx.Response) -> QuerySyntaxError:
    detail = _detail(response) or "bad request"
    return _local_or(text, what, f"{detail} (HTTP 400 from {shown(response.request.url)})")


def copy_graphs(source: Any, sink: Any, *,
                on_graph: Callable[[URIRef, int], None] | None = None) -> tuple[int, int]:
    """Write every named graph of `source` into `sink`, replacing graphs of the same name.

    Triples outside named graphs (a Turtle file, say) go to one graph, DEFAULT_DATA_GRAPH, so a
    second copy replaces the first. Returns (graphs, triples) written.
    """
    from kg.store import DEFAULT_DATA_GRAPH

    graphs = triples = 0
    unnamed = Graph()

    def write(name: URIRef, graph: Graph) -> None:
        nonlocal graphs, triples
        sink.replace_document(name, graph)
        graphs += 1
        triples += len(graph)
        if on_graph is not None:
            on_graph(name, len(graph))

    for graph in source.to_dataset().graphs():
        name = graph.identifier
        if name == DATASET_DEFAULT_GRAPH_ID or not isinstance(name, URIRef):
            unnamed += graph
        elif len(graph):
            write(name, graph)
    if len(unnamed):
        write(URIRef(DEFAULT_DATA_GRAPH), unnamed)
    return graphs, triples
