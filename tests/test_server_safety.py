"""What `kg serve` refuses, over real HTTP: outbound requests and oversized requests.

tests/test_server.py covers the rest of the safety list (read-only by default, timeout,
result limit, SERVICE and LOAD refused, a log line per request); tests/test_load.py checks the
loopback default of the real `kg serve` command.

A SPARQL query can ask for remote data without SERVICE or LOAD: rdflib fetches the IRI of a
`FROM <iri>`, `FROM NAMED <iri>` or `USING <iri>` it does not hold (over http: or from a
file: path). A plain HTTP server on 127.0.0.1 counts the requests: there must be none.
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest
from rdflib import RDFS, Graph, Literal

sys.path.insert(0, str(Path(__file__).parent))
from reliability_helpers import recording_http_server, serving  # noqa: E402

from kg.namespaces import DOC, ENT  # noqa: E402
from kg.server import create_app  # noqa: E402
from kg.store import MemoryStore, OxigraphStore  # noqa: E402


def filled(store):
    graph = Graph()
    graph.add((ENT.Acme, RDFS.label, Literal("Acme")))
    store.replace_document(DOC.d1, graph)
    return store


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    made = filled(MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "s"))
    yield made
    made.close()


def test_queries_never_fetch_what_they_name(store, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text('<https://example.org/s> <https://example.org/p> "SECRET-TOKEN" .\n')
    with recording_http_server() as (remote, hits):
        queries = [
            f"SELECT * FROM <{remote}/a.ttl> WHERE {{ ?s ?p ?o }}",
            f"SELECT * FROM NAMED <{remote}/b.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}",
            f"ASK FROM <{remote}/c.ttl> {{ ?s ?p ?o }}",
            f"CONSTRUCT {{ ?s ?p ?o }} FROM <{remote}/d.ttl> WHERE {{ ?s ?p ?o }}",
        ]
        update = (f"DELETE {{ ?s ?p ?o }} USING <{remote}/e.ttl> "
                  "WHERE { ?s ?p ?o FILTER(false) }")
        app = create_app(store, allow_update=True)
        with serving(app) as base, httpx.Client(base_url=base, timeout=30) as client:
            for query in queries:
                answer = client.get("/sparql", params={"query": query},
                                    headers={"Accept": "text/csv"})
                assert answer.status_code == 200, answer.text
                assert "example.org" not in answer.text and "SECRET" not in answer.text
            assert client.post("/sparql", data={"update": update}).status_code == 204
        assert hits == []


def test_bodies_and_query_strings_over_the_limit_get_413():
    app = create_app(filled(MemoryStore()), max_request_bytes=10_000)
    padding = "#" + "x" * 20_000 + "\nASK {}"

    def chunked():  # no Content-Length: the server must count as it reads
        for start in range(0, len(padding), 1000):
            yield padding[start:start + 1000].encode()

    with serving(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        streamed = client.post("/sparql", content=chunked(),
                               headers={"Content-Type": "application/sparql-query"})
        assert streamed.status_code == 413
        assert "request body over 10,000 bytes" in streamed.text
        long_get = client.get("/sparql", params={"query": padding})
        assert long_get.status_code == 413
        assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_loopback_endpoint_refuses_foreign_host_headers():
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the graph."""
    from starlette.testclient import TestClient

    from kg.server import default_allowed_hosts

    assert default_allowed_hosts("0.0.0.0") == ("*",)
    app = create_app(filled(MemoryStore()), allowed_hosts=default_allowed_hosts("127.0.0.1"))
    query = {"query": "ASK { ?s ?p ?o }"}
    with TestClient(app, base_url="http://127.0.0.1:7878") as client:
        assert client.get("/sparql", params=query).status_code == 200
        assert client.get("/sparql", params=query,
                          headers={"Host": "localhost:7878"}).status_code == 200
        refused = client.get("/sparql", params=query, headers={"Host": "evil.example:7878"})
        assert refused.status_code == 400
