"""The SPARQL endpoint over real HTTP (uvicorn on 127.0.0.1, httpx), and its query page."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from rdflib import RDF, RDFS, Graph, Literal

from kg.namespaces import DOC, ENT, KG
from kg.query import format_result, run_query
from kg.server import create_app, negotiate
from kg.store import MemoryStore, OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
SRX = "{http://www.w3.org/2005/sparql-results#}"
SELECT = "SELECT ?m ?c ?l WHERE { ?m kg:developedBy ?c . ?c rdfs:label ?l } ORDER BY ?m"
CONSTRUCT = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }"


def fill(store) -> None:
    g = Graph()
    for i in range(20):
        model, company = ENT[f"Model_{i}"], ENT[f"Company_{i % 5}"]
        g.add((model, RDF.type, KG.AIModel))
        g.add((model, RDFS.label, Literal(f"Model {i}")))
        g.add((model, KG.developedBy, company))
        g.add((company, RDF.type, KG.Company))
        g.add((company, RDFS.label, Literal(f"Company {i % 5}", lang="en")))
    g.add((DOC.d1, KG.contentHash, Literal("sha256:1")))
    store.replace_document(DOC.d1, g)


def big(store, n: int = 3000) -> None:
    g = Graph()
    for i in range(n):
        g.add((ENT[f"x{i}"], RDFS.label, Literal(f"x {i}")))
    store.replace_document(DOC.big, g)


@contextmanager
def running(app):
    """Serve `app` with uvicorn in a thread on a free 127.0.0.1 port; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def endpoint(request, tmp_path_factory):
    if request.param == "memory":
        store = MemoryStore()
    else:
        store = OxigraphStore(tmp_path_factory.mktemp("srv") / "store")
    fill(store)
    examples = tmp_path_factory.mktemp("examples")
    (examples / "labels.rq").write_text("# All labels\nSELECT ?l WHERE { ?s rdfs:label ?l }\n")
    app = create_app(store, examples_dir=examples)
    with running(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield store, client
    store.close()


def expected_json(store, query: str) -> dict:
    return json.loads(format_result(run_query(store, query), "json"))


def test_get_post_form_post_body_agree(endpoint):
    store, client = endpoint
    want = expected_json(store, SELECT)
    assert len(want["results"]["bindings"]) == 20
    got = client.get("/sparql", params={"query": SELECT})
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("application/sparql-results+json")
    assert got.json() == want
    form = client.post("/sparql", data={"query": SELECT})
    assert form.status_code == 200 and form.json() == want
    body = client.post("/sparql", content=SELECT.encode(),
                       headers={"Content-Type": "application/sparql-query"})
    assert body.status_code == 200 and body.json() == want


def test_accept_variants(endpoint):
    store, client = endpoint
    want = expected_json(store, SELECT)["results"]["bindings"]
    xml = client.get("/sparql", params={"query": SELECT},
                     headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(xml.content)
    assert len(root.find(SRX + "results")) == len(want)
    csv_r = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert csv_r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_r.text, newline="")))
    assert rows[0] == ["m", "c", "l"] and len(rows) == 21
    assert rows[1] == [want[0]["m"]["value"], want[0]["c"]["value"], want[0]["l"]["value"]]
    tsv = client.get("/sparql", params={"query": SELECT},
                     headers={"Accept": "text/tab-separated-values"})
    assert tsv.text.splitlines()[0] == "?m\t?c\t?l"
    # q-values pick the best; */* gives the default
    best = client.get("/sparql", params={"query": SELECT},
                      headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml"})
    assert best.headers["content-type"].startswith("application/sparql-results+xml")
    ask = client.get("/sparql", params={"query": "ASK { ?m kg:developedBy ?c }"},
                     headers={"Accept": "*/*"})
    assert ask.json() == {"head": {}, "boolean": True}


def test_graph_results(endpoint):
    _, client = endpoint
    for accept, parser in (("text/turtle", "turtle"), ("application/n-triples", "nt"),
                           ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")):
        r = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
        assert len(Graph().parse(data=r.text, format=parser)) == 25, accept
    default = client.post("/sparql", data={"query": CONSTRUCT})
    assert default.headers["content-type"].startswith("text/turtle")


def test_errors(endpoint):
    store, client = endpoint
    bad = client.get("/sparql", params={"query": "SELECT ?x WHERE {\n  ?x ?y }"})
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("text/plain")
    assert bad.text.startswith("query: ") and "line 2" in bad.text
    assert client.get("/sparql").status_code == 400
    assert client.post("/sparql", content=b"x",
                       headers={"Content-Type": "text/plain"}).status_code == 415
    for q in ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
              "LOAD <http://example.org/data.ttl>"):
        for send in (lambda q: client.get("/sparql", params={"query": q}),
                     lambda q: client.post("/sparql", data={"update": q})):
            r = send(q)
            assert r.status_code == 403, (q, r.text)
    before = store.triple_count()
    insert = "INSERT DATA { ent:X a kg:Company }"
    assert client.post("/sparql", data={"update": insert}).status_code == 403
    assert client.post("/sparql", content=insert,
                       headers={"Content-Type": "application/sparql-update"}).status_code == 403
    assert client.get("/sparql", params={"query": insert}).status_code == 403
    assert client.get("/sparql", params={"update": insert}).status_code == 400
    assert store.triple_count() == before


def test_examples_stats_page(endpoint):
    _, client = endpoint
    examples = client.get("/examples").json()
    assert examples == [{"name": "labels.rq", "title": "All labels",
                         "query": "# All labels\nSELECT ?l WHERE { ?s rdfs:label ?l }\n"}]
    stats = client.get("/stats").json()
    assert stats["triples"] == 71 and stats["documents"] == 1
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", page.text)
    assert refs, "the page links nothing?"
    for ref in refs:
        assert not re.match(r"^(?:[a-z]+:)?//", ref, re.I), f"remote asset {ref}"
        status = client.get("/" + ref.lstrip("/")).status_code
        assert status == 200 or (ref == "graph" and status == 501), ref
    assert "graph" in refs
    for asset in ("app.js", "app.css", "yasgui.min.css"):
        text = client.get(f"/assets/{asset}").text
        assert not re.search(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", text), asset
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), asset
    graph = client.get("/graph")
    assert graph.status_code in (200, 501)
    assert "<html" in graph.text.lower()
    if graph.status_code == 200:
        assert "Company 3" in graph.text  # the view of the whole store
        subset = client.get("/graph", params={
            "query": "CONSTRUCT WHERE { ?m kg:developedBy ent:Company_3 ; rdfs:label ?l ; a ?t }"})
        assert subset.status_code == 200 and "Model 3" in subset.text
    assert client.get("/graph", params={"query": SELECT}).status_code in (400, 501)


def test_updates_when_allowed():
    store = MemoryStore()
    fill(store)
    app = create_app(store, allow_update=True)
    with running(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        insert = "INSERT DATA { GRAPH doc:d1 { ent:X a kg:Company } }"
        r = client.post("/sparql", data={"update": insert})
        assert r.status_code == 204, r.text
        r = client.post("/sparql", content="DELETE DATA { GRAPH doc:d1 { ent:X a kg:Company } }",
                        headers={"Content-Type": "application/sparql-update"})
        assert r.status_code == 204
        ask = client.get("/sparql", params={"query": "ASK { ent:X a kg:Company }"})
        assert ask.json()["boolean"] is False
        load = client.post("/sparql", data={"update": "LOAD <http://example.org/x.ttl>"})
        assert load.status_code == 403 and "LOAD refused" in load.text, load.text
        query_as_update = client.get("/sparql", params={"query": "DROP ALL"})
        assert query_as_update.status_code == 400
        assert store.triple_count() == 71


@pytest.mark.slow
@pytest.mark.parametrize("backend,query", [
    ("memory", "SELECT * WHERE { ?a rdfs:label ?b . ?c rdfs:label ?d . ?e rdfs:label ?f }"),
    # no row ever comes: rdflib is stopped inside its pattern matching
    ("memory", "SELECT (COUNT(*) AS ?n) WHERE { ?a rdfs:label ?b . ?c rdfs:label ?d . "
               "?e rdfs:label ?f }"),
    ("oxigraph", "SELECT * WHERE { ?a rdfs:label ?b . ?c rdfs:label ?d . ?e rdfs:label ?f }"),
])
def test_runaway_query_cut(tmp_path, backend, query):
    store = MemoryStore() if backend == "memory" else OxigraphStore(tmp_path / "s")
    big(store)  # 3,000 labels: 2.7e10 combinations
    app = create_app(store, timeout=1.0, max_results=10**9)
    with running(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        started = time.monotonic()
        r = client.get("/sparql", params={"query": query})
        elapsed = time.monotonic() - started
        assert r.status_code == 503, r.text[:200]
        assert r.text.startswith("query: timed out after 1 s")
        assert elapsed < 5
        # the server still answers, promptly, and the query's thread has stopped
        ok = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert ok.status_code == 200
        deadline = time.monotonic() + 5
        while any(t.name == "kg-query" for t in threading.enumerate()):
            assert time.monotonic() < deadline, "the query thread ran on"
            time.sleep(0.05)
    store.close()


def test_limits_cors_and_log(caplog):
    store = MemoryStore()
    fill(store)
    app = create_app(store, max_request_bytes=10_000, max_results=5,
                     cors_origins=("http://localhost:3000",))
    caplog.set_level(logging.INFO, logger="kg.server")
    with running(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        padding = "#" + "x" * 20_000 + "\n"
        big_post = client.post("/sparql", data={"query": padding + "ASK {}"})
        assert big_post.status_code == 413
        small = client.post("/sparql", data={"query": "# short\nASK {}"})
        assert small.status_code == 200
        cut = client.get("/sparql", params={"query": SELECT})
        assert len(cut.json()["results"]["bindings"]) == 5
        assert cut.headers["x-truncated"] == "true"
        pre = client.options("/sparql", headers={
            "Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
        assert pre.status_code == 200
        assert pre.headers["access-control-allow-origin"] == "http://localhost:3000"
        cross = client.get("/sparql", params={"query": "ASK {}"},
                           headers={"Origin": "http://localhost:3000"})
        assert cross.headers["access-control-allow-origin"] == "http://localhost:3000"
    lines = [r.getMessage() for r in caplog.records if r.name == "kg.server"]
    assert any(re.fullmatch(r"POST /sparql 413 [\d.]+ ms", line) for line in lines), lines
    assert any(re.fullmatch(r"GET /sparql 200 [\d.]+ ms", line) for line in lines), lines

    plain = create_app(store)  # no origins: no CORS headers
    with running(plain) as base, httpx.Client(base_url=base, timeout=30) as client:
        r = client.get("/sparql", params={"query": "ASK {}"},
                       headers={"Origin": "http://localhost:3000"})
        assert "access-control-allow-origin" not in r.headers


def test_negotiate():
    assert negotiate("select", None) == "json"
    assert negotiate("select", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
                     ) == "xml"
    assert negotiate("graph", "text/*") == "turtle"
    assert negotiate("graph", "application/ld+json;q=0.2, application/n-triples") == "nt"
    assert negotiate("ask", "text/csv;q=0, application/sparql-results+json") == "json"
    assert negotiate("select", "text/turtle", "csv") == "csv"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


RUNAWAY = "SELECT * WHERE { ?a rdfs:label ?b . ?c rdfs:label ?d . ?e rdfs:label ?f }"


@pytest.mark.slow
def test_kg_serve_command(tmp_path):
    """The real `kg serve` process: the answers of `kg query`, clear refusals, the timeout."""
    path = tmp_path / "store"
    store = OxigraphStore(path)
    fill(store)
    big(store)  # 3,000 labels: RUNAWAY has 2.7e10 rows
    store.close()
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(path),
                             "--port", str(port), "--timeout", "2",
                             "--max-results", "1000000000"],  # RUNAWAY must meet the timeout
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/sparql",
                              params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                              headers={"Accept": "text/csv"}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "kg serve did not come up"
                time.sleep(0.2)
        assert r.status_code == 200 and r.text.splitlines() == ["n", "3071"]
        _served_as_kg_query(f"http://127.0.0.1:{port}/sparql", path, env)
        # read-only without --allow-update: the store refuses, the server says 403 first
        upd = httpx.post(f"http://127.0.0.1:{port}/sparql", data={"update": "CLEAR ALL"})
        assert upd.status_code == 403
        _refusals_and_timeout(f"http://127.0.0.1:{port}/sparql")
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert re.search(r"GET /sparql 200 [\d.]+ ms", err), err


def _served_as_kg_query(url: str, store: Path, env: dict) -> None:
    """SELECT and CONSTRUCT over HTTP give what `kg query` prints for the same store."""
    for query, fmt, accept in ((SELECT, "json", "application/sparql-results+json"),
                               (SELECT, "csv", "text/csv"),
                               (CONSTRUCT, "nt", "application/n-triples")):
        cli = subprocess.run([sys.executable, "-m", "kg", "query", str(store), query,
                              "--format", fmt], capture_output=True, env=env, timeout=60)
        assert cli.returncode == 0, cli.stderr
        served = httpx.get(url, params={"query": query}, headers={"Accept": accept}, timeout=10)
        assert served.status_code == 200, served.text
        if fmt == "json":
            assert served.json() == json.loads(cli.stdout)
            assert len(served.json()["results"]["bindings"]) == 20
        elif fmt == "nt":
            assert set(Graph().parse(data=served.text, format="nt")) == set(
                Graph().parse(data=cli.stdout.decode(), format="nt"))
        else:
            assert served.content.strip() == cli.stdout.strip(), fmt


def _refusals_and_timeout(url: str) -> None:
    """UPDATE, SERVICE and LOAD are refused with a one-line reason; a runaway query is cut at
    the timeout and the server answers the next one."""
    refused = [
        ("updates are not allowed", "update", "INSERT DATA { ent:X a kg:Company }"),
        ("SERVICE refused", "query",
         "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"),
        # read-only: the update is refused before its LOAD is looked at (a writable endpoint
        # refuses LOAD itself: test_updates_when_allowed)
        ("updates are not allowed", "update", "LOAD <http://example.org/data.ttl>"),
    ]
    for reason, field, text in refused:
        r = httpx.post(url, data={field: text}, timeout=10)
        assert r.status_code == 403 and reason in r.text, (field, r.text)
        assert r.text.count("\n") == 1, r.text
    started = time.monotonic()
    r = httpx.get(url, params={"query": RUNAWAY}, timeout=30)
    assert r.status_code == 503 and r.text.startswith("query: timed out after 2 s"), r.text
    assert time.monotonic() - started < 8
    ok = httpx.get(url, params={"query": "ASK { ent:Model_1 kg:developedBy ent:Company_1 }"},
                   timeout=10)
    assert ok.status_code == 200 and ok.json()["boolean"] is True


def _chromium() -> str | None:
    import shutil

    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.mark.browser
def test_browser_page_runs_an_example_offline(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed")
    store = MemoryStore()
    fill(store)
    (tmp_path / "models.rq").write_text(
        "# Models and their makers\nSELECT ?m ?c WHERE { ?m kg:developedBy ?c }\n")
    app = create_app(store, examples_dir=tmp_path)
    with running(app) as base, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        try:
            page = browser.new_page()
            requests: list[str] = []
            problems: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.goto(base + "/")
            page.wait_for_selector(".yasqe", timeout=10_000)  # the vendored YASGUI editor
            page.click("#examples button")
            page.wait_for_function(
                "document.querySelectorAll('.yasr table tbody tr').length === 20",
                timeout=10_000)
            assert "entity/Company_1" in page.inner_text(".yasr")
        finally:
            browser.close()
    assert problems == []
    assert requests and all(u.startswith(base + "/") for u in requests), requests
