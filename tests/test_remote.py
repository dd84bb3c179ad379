"""Writing to and reading from a real SPARQL 1.1 store: an Oxigraph server on 127.0.0.1.

Each test starts its own `oxigraph serve` (the `oxigraph` package, a test dependency) on a free
loopback port with an empty data folder, waits until it answers, and stops it afterwards,
checking that the process is gone and the port closed. The store is written with both protocols
kg speaks (Graph Store HTTP Protocol and SPARQL 1.1 Update) and read back through `kg query`,
`kg serve` and the Store interface, and compared with a local build of the same articles.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import KgError
from kg.namespaces import ENT, KG
from kg.query import run_query
from kg.remote import Endpoints, RemoteStore, parse_endpoints
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
QUERIES = ROOT / "examples" / "queries"
PROTOCOLS = ["gsp", "update"]

pytestmark = pytest.mark.slow


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_closed(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) != 0


def oxigraph_command() -> str:
    for candidate in (Path(sys.executable).with_name("oxigraph"), shutil.which("oxigraph")):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    pytest.fail("the `oxigraph` command is missing: install the test extra (pip install -e "
                "'.[test]')")


@dataclass
class Server:
    base: str
    port: int

    @property
    def query(self) -> str:
        return f"{self.base}/query"

    def sink(self, protocol: str) -> str:
        """The write URL for a protocol, in kg's URL forms."""
        if protocol == "gsp":
            return f"gsp+{self.base}/store"
        return f"sparql+{self.base}/update"

    def store(self, protocol: str = "gsp") -> RemoteStore:
        return RemoteStore.open(self.sink(protocol), query_url=self.query)


@pytest.fixture
def oxigraph(tmp_path) -> Iterator[Server]:
    port = free_port()
    log = (tmp_path / "oxigraph.log").open("wb")
    proc = subprocess.Popen(
        [oxigraph_command(), "serve", "--location", str(tmp_path / "oxigraph-data"),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=log, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", port)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(server.query, params={"query": "ASK {}"}, timeout=2).is_success:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None:
                pytest.fail("oxigraph serve exited: "
                            + (tmp_path / "oxigraph.log").read_text(errors="replace"))
            assert time.monotonic() < deadline, "oxigraph serve did not answer within 30 s"
            time.sleep(0.1)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
    assert proc.returncode is not None and port_is_closed(port), "oxigraph left running"


def kg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


# --------------------------------------------------------------------------- comparing


def quads(store) -> set[tuple]:
    """Every quad of a store's named graphs, without kg:readAt (the time of each build).

    Typed literals compare by value: a SPARQL store may keep them in canonical form (Oxigraph
    gives back "14300000000.0"^^xsd:decimal as "14300000000"), which is the same literal value.
    """
    out = set()
    for s, p, o, g in store.to_dataset().quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        if p != KG.readAt and name != DATASET_DEFAULT_GRAPH_ID:
            out.add((s, p, by_value(o), name))
    return out


def by_value(term):
    if isinstance(term, Literal) and term.datatype is not None and term.value is not None:
        return ("literal", term.datatype, term.value)
    return term


def rows(result) -> set[tuple]:
    return {tuple(by_value(cell) for cell in row) for row in result.rows}


def facts(triples) -> set[tuple]:
    """Entity-to-entity kg: statements: the extracted facts."""
    return {(s, p, o) for s, p, o, *_ in triples
            if str(p).startswith(str(KG)) and str(s).startswith(str(ENT))
            and str(o).startswith(str(ENT))}


def query_json(target: str, sparql: str) -> list[dict]:
    result = kg("query", target, sparql, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["results"]["bindings"]


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]


# --------------------------------------------------------------------------- tests


def test_target_urls_name_the_protocol():
    assert parse_endpoints("gsp+http://h:1/store", "http://h:1/query") == Endpoints(
        "http://h:1/query", "http://h:1/store", "gsp")
    assert parse_endpoints("sparql+https://h/update") == Endpoints(
        "https://h/update", "https://h/update", "update")
    plain = parse_endpoints("http://h/ds")
    assert plain.protocol == "update" and plain.query == plain.write == plain.update
    assert parse_endpoints("gsp+http://h/data", "http://h/sparql").update == "http://h/sparql"
    with pytest.raises(KgError, match="not a store URL"):
        parse_endpoints("ftp://h/x")


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_build_to_sink_equals_local_build(oxigraph, protocol, tmp_path):
    built = kg("build", str(EXAMPLES), "--sink", oxigraph.sink(protocol),
               "--sink-query", oxigraph.query)
    assert built.returncode == 0, built.stderr
    assert "6 document(s) added, 0 replaced, 0 unchanged" in built.stderr
    reference = kg("build", str(EXAMPLES), "-o", str(tmp_path), "--format", "nquads",
                   "--no-html", "-q")
    assert reference.returncode == 0, reference.stderr
    local = quads(open_store(tmp_path / "graph.nq"))
    with oxigraph.store(protocol) as remote:
        assert quads(remote) == local  # every document graph, triple for triple
        count = remote.triple_count()
        assert len(remote.documents()) == 6
    # read back through `kg query URL`: the same facts as the local build
    rows = query_json(oxigraph.query, "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }")
    remote_triples = {(URIRef(r["s"]["value"]), URIRef(r["p"]["value"]),
                       URIRef(r["o"]["value"]) if r["o"]["type"] == "uri"
                       else Literal(r["o"]["value"])) for r in rows}
    assert facts(remote_triples) == facts(local) and len(facts(local)) > 20
    # a re-run finds every document unchanged and leaves the store as it was
    again = kg("build", str(EXAMPLES), "--sink", oxigraph.sink(protocol),
               "--sink-query", oxigraph.query)
    assert again.returncode == 0, again.stderr
    assert "0 document(s) added, 0 replaced, 6 unchanged" in again.stderr
    with oxigraph.store(protocol) as remote:
        assert remote.triple_count() == count


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_changed_article_replaces_its_graph(oxigraph, protocol, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("01_meta_unveils_muse_spark.txt", "06_mistral_ai.txt"):
        shutil.copy(EXAMPLES / name, corpus / name)
    changed = corpus / "06_mistral_ai.txt"
    sink = ("--sink", oxigraph.sink(protocol), "--sink-query", oxigraph.query)
    local = ("--store", str(tmp_path / "store"))
    for where in (sink, local):
        assert kg("build", str(corpus), *where, "-q").returncode == 0
    with oxigraph.store(protocol) as remote:
        everything = quads(remote)
    [doc] = [g for _s, p, o, g in everything if p == KG.sourcePath and o.endswith(changed.name)]
    before = {q for q in everything if q[3] == doc}
    # the Mistral article now tells another story; the sink and a local store take the change
    changed.write_text((EXAMPLES / "02_ai_rivals.txt").read_text(encoding="utf-8"),
                       encoding="utf-8")
    for where in (sink, local):
        rebuilt = kg("build", str(corpus), *where)
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert "0 document(s) added, 1 replaced, 1 unchanged" in rebuilt.stderr
    with oxigraph.store(protocol) as remote, open_store(tmp_path / "store") as expected:
        after = quads(remote)
        assert after == quads(expected)
    now = {q for q in after if q[3] == doc}
    gone = facts(before) - facts(now)
    assert gone, "the changed article should have lost some facts"
    assert not gone & facts(after)  # no other document states them: gone from the store


def test_export_store_to_sink_replaces_graphs(oxigraph, tmp_path):
    store_dir = tmp_path / "store"
    built = kg("build", str(EXAMPLES / "01_meta_unveils_muse_spark.txt"),
               str(EXAMPLES / "04_msl_profile.md"), "--store", str(store_dir), "-q")
    assert built.returncode == 0, built.stderr
    with open_store(store_dir, read_only=True) as local:
        local_quads, local_count = quads(local), local.triple_count()
    for protocol in PROTOCOLS + PROTOCOLS:  # each export replaces what the last one wrote
        out = kg("export", "--store", str(store_dir), "--sink", oxigraph.sink(protocol),
                 "--sink-query", oxigraph.query)
        assert out.returncode == 0, out.stderr
        assert f"kg: wrote 2 graph(s), {local_count:,} triples to " in out.stderr
        with oxigraph.store(protocol) as remote:
            assert remote.triple_count() == local_count
            assert quads(remote) == local_quads


def test_export_graph_file_to_sink(oxigraph, tmp_path):
    turtle = tmp_path / "g.ttl"
    turtle.write_text("@prefix ent: <https://w3id.org/kg-news/entity/> .\n"
                      "ent:A ent:knows ent:B .\n", encoding="utf-8")
    for _ in range(2):
        out = kg("export", str(turtle), "--sink", oxigraph.sink("update"),
                 "--sink-query", oxigraph.query)
        assert out.returncode == 0, out.stderr
    with oxigraph.store() as remote:
        assert remote.triple_count() == 1  # one default-data graph, replaced, not doubled


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_failed_write_leaves_the_old_graph(oxigraph, protocol):
    doc = URIRef("https://w3id.org/kg-news/doc/test")
    good = Graph()
    good.add((doc, KG.contentHash, Literal("sha256:1")))
    good.add((ENT.A, KG.partnerOf, ENT.B))
    bad = Graph()
    bad.add((doc, KG.contentHash, Literal("sha256:2")))
    bad.add((ENT.A, KG.partnerOf, URIRef("https://w3id.org/kg-news/entity/%zz")))  # refused
    with oxigraph.store(protocol) as remote:
        remote.replace_document(doc, good)
        with pytest.raises(KgError, match=r"127\.0\.0\.1:\d+/(store|update): HTTP 400") as err:
            remote.replace_document(doc, bad)
        assert "\n" not in str(err.value) and err.value.exit_code == 1
        assert remote.document_hash(doc) == "sha256:1"
    with oxigraph.store(protocol) as fresh:  # not the cached hash: what the store holds
        assert fresh.document_hash(doc) == "sha256:1"
        assert quads(fresh) == {(s, p, o, doc) for s, p, o in good}
        fresh.remove_document(doc)
        fresh.remove_document(doc)  # unknown now: nothing happens
        assert fresh.triple_count() == 0 and fresh.documents() == {}


def test_query_and_serve_a_remote_target(oxigraph, examples_graph, tmp_path):
    with oxigraph.store() as remote:
        for graph in examples_graph.store.to_dataset().graphs():
            if len(graph):
                remote.replace_document(graph.identifier, graph)
    target = open_store(oxigraph.query, read_only=True)
    try:
        for path in sorted(QUERIES.glob("*.rq")):
            sparql = path.read_text(encoding="utf-8")
            here = run_query(examples_graph.store, sparql)
            there = run_query(target, sparql)
            assert there.variables == here.variables, path.name
            assert rows(there) == rows(here) and here.rows, path.name
        graph = run_query(target, "CONSTRUCT { ?m kg:developedBy ?c } "
                                  "WHERE { ?m kg:developedBy ?c }")
        assert graph.kind == "graph" and (ENT.Muse_Spark, KG.developedBy, ENT.Meta) in graph.graph
        with pytest.raises(KgError, match="read-only"):
            target.update("CLEAR ALL")
    finally:
        target.close()
    # the CLI: the same answer as from the local graph, ASK's exit code
    local_file = tmp_path / "graph.trig"
    local_file.write_bytes(examples_graph.store.dump("trig"))
    example = str(QUERIES / "who_leads_the_lab.rq")
    here = kg("query", str(local_file), "-f", example, "--format", "csv")
    there = kg("query", oxigraph.query, "-f", example, "--format", "csv")
    assert there.returncode == 0 and there.stdout == here.stdout and "Wang" in here.stdout
    ask = kg("query", oxigraph.query, "ASK { ent:Muse_Spark kg:developedBy ent:Meta }")
    assert ask.returncode == 0 and ask.stdout.strip() == "true"
    no = kg("query", oxigraph.query, "ASK { ent:Meta kg:developedBy ent:Muse_Spark }")
    assert no.returncode == 1 and no.stdout.strip() == "false"
    # kg serve in front of the remote store
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", oxigraph.query,
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/sparql", timeout=10, params={
                    "query": "SELECT DISTINCT ?c WHERE { ent:Muse_Spark kg:developedBy ?c }"})
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "kg serve did not come up"
                time.sleep(0.2)
        assert answer.status_code == 200, answer.text
        developers = {b["c"]["value"] for b in answer.json()["results"]["bindings"]}
        here = run_query(examples_graph.store,
                         "SELECT ?c WHERE { ent:Muse_Spark kg:developedBy ?c }")
        assert developers == {str(row[0]) for row in here.rows} and str(ENT.Meta) in developers
        stats = httpx.get(f"http://127.0.0.1:{port}/stats", timeout=10).json()
        assert stats["documents"] == 6
        assert stats["triples"] == examples_graph.store.triple_count()
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
    assert port_is_closed(port)


def test_errors_are_one_line(oxigraph, tmp_path):
    dead = free_port()  # nothing listens there
    built = kg("build", str(EXAMPLES / "06_mistral_ai.txt"),
               "--sink", f"gsp+http://user:secret@127.0.0.1:{dead}/store", timeout=120)
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert error_lines(built) == [
        f"kg: error: http://127.0.0.1:{dead}/store: cannot connect (connection refused)"]
    assert "secret" not in built.stderr
    queried = kg("query", f"http://127.0.0.1:{dead}/query", "ASK {}", timeout=120)
    assert queried.returncode == 1
    assert error_lines(queried) == [
        f"kg: error: http://127.0.0.1:{dead}/query: cannot connect (connection refused)"]
    # a live server, a wrong path: the URL and the status
    turtle = tmp_path / "g.ttl"
    turtle.write_text("<http://e/a> <http://e/p> <http://e/b> .\n", encoding="utf-8")
    wrong = kg("export", str(turtle), "--sink", f"gsp+{oxigraph.base}/nowhere",
               "--sink-query", oxigraph.query)
    assert wrong.returncode == 1
    [line] = error_lines(wrong)
    assert line.startswith(f"kg: error: {oxigraph.base}/nowhere: HTTP 404 Not Found")
    # the query endpoint given as the sink without --sink-query: a hint
    lost = kg("build", str(EXAMPLES / "06_mistral_ai.txt"), "--sink", f"{oxigraph.base}/store")
    [line] = error_lines(lost)
    assert "HTTP 415" in line and "--sink-query" in line and lost.returncode == 1
    # a syntax error answered by the store: the position, in the user's terms
    bad = kg("query", oxigraph.query, "SELECT ?x WHERE { ?x ?y }")
    assert bad.returncode == 2
    [line] = error_lines(bad)
    assert line.startswith("kg: error: query: ") and "line 1, column" in line


def test_store_that_never_answers_times_out():
    with socket.socket() as listener:  # accepts connections (backlog) but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        port = listener.getsockname()[1]
        store = RemoteStore.open(f"http://127.0.0.1:{port}/sparql", timeout=0.5)
        started = time.monotonic()
        with pytest.raises(KgError, match=rf"^http://127\.0\.0\.1:{port}/sparql: "
                                          r"no answer within 0\.5 s$"):
            store.documents()
        assert time.monotonic() - started < 5
        store.close()


class _GuardedEndpoint(BaseHTTPRequestHandler):
    """A SPARQL endpoint that answers only with the right credentials, asked for with a Basic
    or a Digest challenge (RFC 7616, MD5, qop=auth), as stores' protected endpoints do."""

    scheme = "Digest"
    user, password, realm, nonce = "kg", "s3cret", "SPARQL", "5ebe2294ecd0e0f0"
    seen: list[str] = []

    def log_message(self, *args) -> None:
        pass

    def _authorized(self) -> bool:
        header = self.headers.get("Authorization", "")
        self.seen.append(header.split(" ", 1)[0])
        if self.scheme == "Basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
            return header == f"Basic {token}"
        if not header.startswith("Digest "):
            return False
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[7:]))

        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()

        ha1 = md5(f"{self.user}:{self.realm}:{self.password}")
        ha2 = md5(f"POST:{fields.get('uri')}")
        expected = md5(f"{ha1}:{self.nonce}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
        return fields.get("username") == self.user and fields.get("response") == expected

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not self._authorized():
            challenge = (f'Basic realm="{self.realm}"' if self.scheme == "Basic" else
                         f'Digest realm="{self.realm}", nonce="{self.nonce}", qop="auth"')
            self.send_response(401)
            self.send_header("WWW-Authenticate", challenge)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = json.dumps({"head": {"vars": ["g", "h"]}, "results": {"bindings": [
            {"g": {"type": "uri", "value": "https://w3id.org/kg-news/doc/x"},
             "h": {"type": "literal", "value": "sha256:1"}}]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("scheme", ["Basic", "Digest"])
def test_credentials_in_the_url_answer_the_challenge(scheme):
    handler = type("Handler", (_GuardedEndpoint,), {"scheme": scheme, "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        with RemoteStore.open(f"http://kg:s3cret@127.0.0.1:{port}/sparql-auth") as store:
            for _ in range(2):
                assert store.documents() == {"https://w3id.org/kg-news/doc/x": "sha256:1"}
            assert store.document_hash(URIRef("https://w3id.org/kg-news/doc/x")) == "sha256:1"
        # the second query reuses the scheme learnt from the first challenge
        assert handler.seen[-1] == scheme and handler.seen.count("") == 1, handler.seen
        with RemoteStore.open(f"http://kg:wrong@127.0.0.1:{port}/sparql-auth") as store, \
                pytest.raises(KgError, match=rf"^http://127\.0\.0\.1:{port}/sparql-auth: "
                                             r"HTTP 401 Unauthorized \(credentials go in") as err:
            store.documents()
        assert "wrong" not in str(err.value)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
