"""run_query, its checks and its formats, on both stores; the query/export commands."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef

from kg.errors import KgError
from kg.export import WRITERS, write_atomic
from kg.namespaces import DOC, ENT, KG
from kg.query import (
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    analyze,
    format_result,
    run_query,
    run_update,
)
from kg.store import DUMP_FORMATS, MemoryStore, OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
SRX = "{http://www.w3.org/2005/sparql-results#}"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#dateTime")


def small_graph() -> tuple[URIRef, Graph]:
    doc = DOC.news1
    g = Graph()
    g.add((ENT.Muse_Spark, RDF.type, KG.AIModel))
    g.add((ENT.Muse_Spark, RDFS.label, Literal("Muse Spark")))
    g.add((ENT.Muse_Spark, RDFS.label, Literal("Muse, \"Spark\"\nmodel", lang="en")))
    g.add((ENT.Muse_Spark, KG.developedBy, ENT.Meta))
    g.add((ENT.Meta, RDF.type, KG.Company))
    g.add((ENT.Meta, RDFS.label, Literal("Meta")))
    g.add((doc, KG.contentHash, Literal("sha256:abc")))
    g.add((doc, KG.readAt, Literal("2026-11-22T10:00:00Z", datatype=XSD_DATE)))
    g.add((doc, KG.startOffset, Literal(120)))
    anon = BNode()
    g.add((doc, KG.note, anon))
    g.add((anon, RDFS.label, Literal("anon")))
    return doc, g


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "store")
    s.replace_document(*small_graph())
    yield s
    s.close()


ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"


def test_prefixes_are_added(store):
    result = run_query(store, "SELECT ?c WHERE { ent:Muse_Spark kg:developedBy ?c }")
    assert result.kind == "select" and result.variables == ["c"]
    assert result.rows == [(ENT.Meta,)]
    # a prefix the query declares itself wins over ours
    own = run_query(store, "PREFIX kg: <http://other/> ASK { ?m kg:developedBy ?c }")
    assert own.boolean is False


def test_json_parses_back(store):
    result = run_query(store, ALL)
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == ["s", "p", "o"]
    bindings = doc["results"]["bindings"]
    assert len(bindings) == len(result.rows) == 11
    objects = [b["o"] for b in bindings]
    assert {"type": "literal", "value": "Muse Spark"} in objects
    assert {"type": "literal", "value": "Muse, \"Spark\"\nmodel", "xml:lang": "en"} in objects
    assert {"type": "literal", "value": "120",
            "datatype": "http://www.w3.org/2001/XMLSchema#integer"} in objects
    assert any(o["type"] == "bnode" for o in objects)
    assert {"type": "uri", "value": str(ENT.Meta)} in objects
    ask = json.loads(format_result(run_query(store, "ASK { ?s a kg:Company }"), "json"))
    assert ask == {"head": {}, "boolean": True}


def test_json_leaves_unbound_out(store):
    result = run_query(store, "SELECT ?s ?x WHERE { ?s a kg:Company OPTIONAL { ?s kg:nope ?x } }")
    doc = json.loads(format_result(result, "json"))
    assert doc["results"]["bindings"] == [{"s": {"type": "uri", "value": str(ENT.Meta)}}]


def test_xml_parses_back(store):
    result = run_query(store, ALL)
    root = ET.fromstring(format_result(result, "xml"))
    assert root.tag == SRX + "sparql"
    names = [v.get("name") for v in root.find(SRX + "head")]
    assert names == ["s", "p", "o"]
    results = root.find(SRX + "results").findall(SRX + "result")
    assert len(results) == 11
    literals = root.iter(SRX + "literal")
    langs = {lit.get("{http://www.w3.org/XML/1998/namespace}lang") for lit in literals}
    assert "en" in langs
    ask = ET.fromstring(format_result(run_query(store, "ASK { ?s a kg:Nothing }"), "xml"))
    assert ask.find(SRX + "boolean").text == "false"


def test_csv_and_tsv(store):
    result = run_query(store, "SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l")
    text = format_result(result, "csv")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["s", "l"]
    assert [str(ENT.Muse_Spark), "Muse, \"Spark\"\nmodel"] in rows
    assert len(rows) == 1 + len(result.rows)
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?s\t?l"
    assert f'<{ENT.Muse_Spark}>\t"Muse, \\"Spark\\"\\nmodel"@en' in tsv
    assert len(tsv) == 1 + len(result.rows)


def test_graph_formats(store):
    result = run_query(store, "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }")
    assert result.kind == "graph" and len(result.graph) == 4
    for fmt, parser in (("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld"),
                        ("xml", "xml")):
        data = format_result(result, fmt)
        back = Graph().parse(data=data, format=parser)
        assert len(back) == 4, fmt
    assert "Muse Spark" in format_result(result, "table")
    with pytest.raises(KgError, match="CONSTRUCT"):
        format_result(run_query(store, ALL), "turtle")


def test_table_is_readable(store):
    text = format_result(run_query(store, "SELECT ?m ?c WHERE { ?m kg:developedBy ?c }"),
                         "table")
    assert "ent:Muse_Spark" in text and "ent:Meta" in text and "1 row" in text


@pytest.mark.parametrize("query,line,column", [
    ("SELECT ?s WHERE {\n  ?s ?p ?o\n  FILTER(?s = )\n}", 3, None),
    ("SELECT ?s WHERE { ?s ?p ?o } }", 1, None),
    ("SELECT ?s WHERE {\n  ?s ex:p ?o }", 2, 6),  # undefined prefix, found before parsing
])
def test_syntax_errors_have_positions(store, query, line, column):
    with pytest.raises(QuerySyntaxError) as info:
        run_query(store, query)
    err = info.value
    assert err.line == line
    if column is not None:
        assert err.column == column
    message = str(err)
    assert message.startswith("query: ") and f"(line {line}, column " in message
    # the column is the user's, not shifted by the prologue added on line 1
    if line == 1:
        assert err.column <= len(query) + 1


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE {\n  service   <http://example.org/sparql> { ?s ?p ?o } }",
    "LOAD <http://example.org/data.ttl>",
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "PREFIX ex: <http://ex/>\n# a comment\nDELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
])
def test_refused(store, query):
    before = store.triple_count()
    with pytest.raises(QueryRefused):
        run_query(store, query)
    assert store.triple_count() == before


def test_keywords_in_strings_comments_names_are_fine(store):
    query = """
    PREFIX service: <http://example.org/service/>
    # SERVICE <http://example.org/> and LOAD <x> in a comment
    SELECT ?load ?s WHERE {
      ?s rdfs:label ?load .
      FILTER(?load != "SERVICE <http://x/> LOAD" && ?s != service:load && ?s != <http://x/LOAD>)
    }"""
    assert len(run_query(store, query).rows) == 4
    info = analyze(query)
    assert info.kind == "query" and not info.forbidden


def test_update_path(store):
    with pytest.raises(QueryRefused, match="LOAD"):
        run_update(store, "LOAD <http://example.org/x.ttl> INTO GRAPH <http://g>")
    with pytest.raises(QueryRefused):
        run_update(store, "SELECT * WHERE { ?s ?p ?o }")
    run_update(store, "INSERT DATA { GRAPH doc:news1 { ent:X a kg:Company } }")
    assert run_query(store, "ASK { ent:X a kg:Company }").boolean
    with pytest.raises(QuerySyntaxError) as info:
        run_update(store, "INSERT DATA {\n  ent:X a }")
    assert info.value.line == 2 and str(info.value).startswith("update: ")


def test_limit_truncates(store):
    result = run_query(store, ALL, limit=3)
    assert len(result.rows) == 3 and result.truncated
    assert not run_query(store, ALL, limit=100).truncated


def _big(store, n=200):
    g = Graph()
    for i in range(n):
        g.add((ENT[f"e{i}"], RDFS.label, Literal(f"entity {i}")))
    store.replace_document(DOC.big, g)


@pytest.mark.slow
def test_runaway_query_is_cut(store):
    _big(store)
    runaway = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 200^3 rows and more
    start = time.monotonic()
    with pytest.raises(QueryTimeout, match="timed out after 1 s"):
        run_query(store, runaway, timeout=1.0)
    assert time.monotonic() - start < 3
    # a query streaming rows stops at the next row: its worker thread ends soon after
    deadline = time.monotonic() + 5
    while any(t.name == "kg-query" for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the query thread ran on"
        time.sleep(0.05)


@pytest.mark.slow
def test_rowless_runaway_is_cut_in_rdflib():
    """No row ever comes; the store's hook stops rdflib inside its pattern matching."""
    store = MemoryStore()
    _big(store, 2000)
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                  timeout=1.0)
    assert time.monotonic() - start < 3
    deadline = time.monotonic() + 5
    while any(t.name == "kg-query" for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the query thread ran on"
        time.sleep(0.05)
    # the hook steps aside outside cancellable runs
    plain = store.query(f"SELECT * WHERE {{ ?s <{RDFS.label}> ?o }} LIMIT 3")
    assert len(plain.rows) == 3


def _kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env=env, input=stdin, timeout=120)


@pytest.fixture
def graph_file(tmp_path):
    ds = Dataset()
    doc, g = small_graph()
    target = ds.graph(doc)
    for t in g:
        target.add(t)
    path = tmp_path / "graph.trig"
    path.write_bytes(ds.serialize(format="trig", encoding="utf-8"))
    return path


def test_cli_query(graph_file, tmp_path):
    ok = _kg("query", str(graph_file), "ASK { ent:Muse_Spark kg:developedBy ent:Meta }")
    assert ok.returncode == 0 and ok.stdout.strip() == "true"
    no = _kg("query", str(graph_file), "ASK { ent:Meta kg:developedBy ent:Muse_Spark }")
    assert no.returncode == 1 and no.stdout.strip() == "false"
    qfile = tmp_path / "q.rq"
    qfile.write_text("SELECT ?l WHERE { ent:Meta rdfs:label ?l }\n")
    out = _kg("query", str(graph_file), "-f", str(qfile), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["results"]["bindings"][0]["l"]["value"] == "Meta"
    bad = _kg("query", str(graph_file), "SELECT ?x WHERE { ?x ?y }")
    assert bad.returncode == 2 and bad.stderr.startswith("kg: error: query: ")
    assert "line 1, column" in bad.stderr and "Traceback" not in bad.stderr
    missing = _kg("query", str(tmp_path / "nope.ttl"), "ASK {}")
    assert missing.returncode == 2 and "nope.ttl" in missing.stderr


def test_cli_export(graph_file, tmp_path):
    assert set(DUMP_FORMATS) <= set(WRITERS)
    for fmt in DUMP_FORMATS:  # the RDF formats; graph-tool formats are tested in test_pipeline
        out = tmp_path / f"out.{fmt}"
        result = _kg("export", str(graph_file), "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        rdflib_format = {"nt": "nt11"}.get(fmt, fmt)
        back = Dataset().parse(out, format=rdflib_format)
        assert sum(1 for _ in back.quads((None, None, None, None))) == 11, fmt
    by_suffix = _kg("export", str(graph_file), "-o", str(tmp_path / "x.nq"))
    assert by_suffix.returncode == 0
    assert f"<{DOC.news1}> ." in (tmp_path / "x.nq").read_text()
    store_dir = tmp_path / "store"
    s = OxigraphStore(store_dir)
    s.replace_document(*small_graph())
    s.close()
    from_store = _kg("export", "--store", str(store_dir), "--format", "json-ld", "-o",
                     str(tmp_path / "s.jsonld"))
    assert from_store.returncode == 0, from_store.stderr
    assert json.loads((tmp_path / "s.jsonld").read_text())["@context"]["ent"] == str(ENT)


def test_write_atomic(tmp_path):
    target = tmp_path / "sub" / "file.ttl"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["file.ttl"]  # no temp file left
