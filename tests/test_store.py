"""Both stores behave the same; Oxigraph survives a writer killed mid-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef

from kg.errors import InputError, KgError
from kg.namespaces import DOC, ENT, EV, FACT, KG, PROV, sparql_prologue
from kg.store import MemoryStore, OxigraphStore, open_store

ROOT = Path(__file__).resolve().parents[1]
P = sparql_prologue()
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def document(n: int, version: int = 0) -> tuple[URIRef, Graph]:
    """A document graph in our model: entities, one fact reified with evidence, the doc node."""
    doc = DOC[f"d{n}"]
    g = Graph()
    company, model = ENT[f"Company_{n}"], ENT[f"Model_{n}_{version}"]
    g.add((company, RDF.type, KG.Company))
    g.add((company, RDFS.label, Literal(f"Company {n}")))
    g.add((model, RDF.type, KG.AIModel))
    g.add((model, RDFS.label, Literal(f"Model {n} v{version}", lang="en")))
    g.add((model, KG.developedBy, company))
    fact, ev = FACT[f"f{n}_{version}"], EV[f"e{n}_{version}"]
    g.add((fact, RDF.type, KG.Fact))
    g.add((fact, RDF.subject, model))
    g.add((fact, RDF.predicate, KG.developedBy))
    g.add((fact, RDF.object, company))
    g.add((fact, KG.evidence, ev))
    g.add((ev, RDF.type, KG.Evidence))
    g.add((ev, PROV.wasDerivedFrom, doc))
    g.add((ev, KG.sentence, Literal(f'Company {n} built "Model {n}".\nSecond line\t\\')))
    g.add((ev, KG.startOffset, Literal(n * 10)))
    g.add((ev, KG.confidence, Literal("0.9", datatype=XSD_DECIMAL)))
    anon = BNode()
    g.add((doc, KG.note, anon))
    g.add((anon, RDFS.label, Literal("a blank node")))
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, KG.contentHash, Literal(f"sha256:{n}-{version}")))
    return doc, g


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "store")
    yield s
    s.close()


def test_add_readd_change(store):
    doc, g = document(1)
    store.replace_document(doc, g)
    assert store.triple_count() == len(g) == 19
    assert store.document_hash(doc) == "sha256:1-0"
    store.replace_document(doc, g)  # unchanged: nothing duplicated (blank nodes included)
    assert store.triple_count() == len(g)
    doc2, g2 = document(2)
    store.replace_document(doc2, g2)
    assert store.triple_count() == 38
    _, changed = document(1, version=1)
    store.replace_document(doc, changed)
    assert store.triple_count() == 38
    assert store.document_hash(doc) == "sha256:1-1"
    labels = {str(r[0]) for r in store.query(
        P + "SELECT ?l WHERE { ?m a kg:AIModel ; rdfs:label ?l }").rows}
    assert labels == {"Model 1 v1", "Model 2 v0"}  # the old version's triples are gone
    assert store.documents() == {str(doc): "sha256:1-1", str(doc2): "sha256:2-0"}
    assert store.document_hash(DOC.unknown) is None


def test_remove_and_dataset(store):
    for n in range(3):
        store.replace_document(*document(n))
    store.remove_document(DOC.d1)
    store.remove_document(DOC.never_there)
    assert set(store.documents()) == {str(DOC.d0), str(DOC.d2)}
    ds = store.to_dataset()
    assert isinstance(ds, Dataset)
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {str(DOC.d0), str(DOC.d2)}
    # plain literals stay plain (no ^^xsd:string), typed and language literals keep their tags
    d0 = ds.graph(DOC.d0)
    assert (DOC.d0, KG.contentHash, Literal("sha256:0-0")) in d0
    assert (ENT.Model_0_0, RDFS.label, Literal("Model 0 v0", lang="en")) in d0
    assert (EV.e0_0, KG.confidence, Literal("0.9", datatype=XSD_DECIMAL)) in d0
    assert (EV.e0_0, KG.startOffset, Literal(0)) in d0


def test_union_default_graph_and_literals(store):
    for n in range(2):
        store.replace_document(*document(n))
    result = store.query(
        P + 'SELECT ?c WHERE { ?c rdfs:label "Company 1" }')  # plain literal matches
    assert result.rows == [(ENT.Company_1,)]
    count = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    assert int(count) == 38
    sentence = store.query(
        P + "SELECT ?s WHERE { ev:e1_0 kg:sentence ?s }").rows[0][0]
    assert str(sentence) == 'Company 1 built "Model 1".\nSecond line\t\\'
    assert store.query("ASK { ?s ?p ?o }").boolean is True
    graph = store.query(P + "CONSTRUCT WHERE { ?s rdfs:label ?o }").graph
    assert len(graph) == 6


def test_update(store):
    store.replace_document(*document(1))
    store.update(P + 'INSERT DATA { GRAPH doc:d1 { doc:d1 kg:note "extra" } }')
    assert store.triple_count() == 20
    with pytest.raises(KgError) as info:
        store.update("INSERT DATA { oops }")
    assert "line 1" in str(info.value)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "json-ld", "xml"])
def test_dump_parses_back(store, fmt):
    for n in range(2):
        store.replace_document(*document(n))
    data = store.dump(fmt)
    rdflib_format = {"nt": "nt11"}.get(fmt, fmt)
    ds = Dataset()
    ds.parse(data=data.decode(), format=rdflib_format)
    quads = sum(1 for _ in ds.quads((None, None, None, None)))
    if fmt in ("nquads", "trig", "json-ld"):
        assert quads == 38
        assert {str(g.identifier) for g in ds.graphs() if len(g)} >= {str(DOC.d0), str(DOC.d1)}
    else:
        assert quads == 38  # the union: nothing is shared between these two documents
    if fmt == "json-ld":
        assert json.loads(data)["@context"]["kg"] == str(KG)


def test_memory_and_oxigraph_agree(tmp_path):
    mem, oxi = MemoryStore(), OxigraphStore(tmp_path / "s")
    for n in range(3):
        for s in (mem, oxi):
            s.replace_document(*document(n))
    q = P + "SELECT ?m ?l ?c WHERE { ?m kg:developedBy ?c ; rdfs:label ?l } ORDER BY ?m"
    assert mem.query(q).rows == oxi.query(q).rows
    assert mem.documents() == oxi.documents()
    oxi.close()


def test_open_store(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        open_store(tmp_path / "missing.ttl")
    ttl = tmp_path / "g.ttl"
    ttl.write_text('@prefix ex: <http://ex/> .\nex:a ex:p "x" .\n')
    s = open_store(ttl)
    assert isinstance(s, MemoryStore) and s.triple_count() == 1
    nq = tmp_path / "g.nq"
    nq.write_text('<http://ex/a> <http://ex/p> "y" <http://ex/g> .\n')
    s = open_store(nq)
    assert {str(g.identifier) for g in s.to_dataset().graphs() if len(g)} == {"http://ex/g"}
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://ex/> .\nex:a ex:p "x" .\nex:b ex:p x y .\n')
    with pytest.raises(InputError) as info:
        open_store(bad)
    message = str(info.value)
    assert "bad.ttl" in message and "line 3" in message and "\n" not in message
    other = tmp_path / "notastore"
    other.mkdir()
    (other / "readme.txt").write_text("hi")
    with pytest.raises(InputError, match="not an Oxigraph store"):
        open_store(other)
    store_dir = tmp_path / "store"
    s = open_store(store_dir, create=True)
    s.replace_document(*document(1))
    s.close()
    ro = open_store(store_dir, read_only=True)
    assert isinstance(ro, OxigraphStore) and ro.triple_count() == 19
    with pytest.raises(KgError, match="read-only"):
        ro.remove_document(DOC.d1)
    ro.close()


@pytest.mark.parametrize("suffix,body", [
    (".nt", "<http://ex/a> <http://ex/p> .\n"),
    (".rdf", "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n<oops"),
    (".jsonld", '{"@id": "http://ex/a",\n "http://ex/p": [}'),
])
def test_corrupt_files_one_line(tmp_path, suffix, body):
    path = tmp_path / f"bad{suffix}"
    path.write_text(body)
    with pytest.raises(InputError) as info:
        open_store(path)
    assert path.name in str(info.value) and "\n" not in str(info.value)


WRITER = textwrap.dedent("""
    import sys
    from rdflib import Graph, Literal, URIRef
    from kg.namespaces import DOC, KG
    from kg.store import OxigraphStore

    store = OxigraphStore(sys.argv[1])
    EX = "http://example.org/item/"
    round_ = 0
    while True:
        for n in range(40):
            doc = DOC[f"crash{n}"]
            size = 200 + 37 * n  # every document has its own size
            g = Graph()
            g.add((doc, KG.contentHash, Literal(f"{round_}:{size}")))
            for i in range(size):
                g.add((doc, URIRef(EX + str(i)), Literal(f"{round_}:{i}")))
            store.replace_document(doc, g)
            print(round_, n, flush=True)
        round_ += 1
""")


@pytest.mark.slow
def test_oxigraph_survives_sigkill(tmp_path):
    path = tmp_path / "store"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True, env=env)
    try:
        written = 0
        deadline = time.monotonic() + 60
        while written < 70 and time.monotonic() < deadline:  # into the second round
            if not proc.stdout.readline():
                break
            written += 1
        assert written >= 70, "the writer did not get going"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    store = OxigraphStore(path)
    docs = store.documents()
    assert len(docs) >= 40
    for iri, content_hash in docs.items():
        round_, size = content_hash.split(":")
        rows = store.query(f"SELECT ?p ?o WHERE {{ GRAPH <{iri}> {{ <{iri}> ?p ?o }} }}").rows
        items = [(p, o) for p, o in rows if p != KG.contentHash]
        assert len(items) == int(size), iri  # complete ...
        assert all(str(o).split(":")[0] == round_ for _, o in items), iri  # ... and one version
    # nothing outside document graphs, no graph without its hash
    graphs = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert {str(g) for (g,) in graphs} == set(docs)
    store.close()


def test_shared_triples_count_once(store):
    """Documents share their entities' triples; the union holds each once (both backends)."""
    a, ga = document(1)
    b, gb = document(2)
    shared = (ENT.Shared_Co, RDF.type, KG.Company)
    ga.add(shared)
    gb.add(shared)
    store.replace_document(a, ga)
    store.replace_document(b, gb)
    count = P + "SELECT (COUNT(*) AS ?n) WHERE { ent:Shared_Co a kg:Company }"
    assert int(store.query(count).rows[0][0]) == 1
    assert len(store.query(P + "SELECT ?c WHERE { ?c a kg:Company }").rows) == 3
    per_graph = P + "SELECT ?g WHERE { GRAPH ?g { ent:Shared_Co a kg:Company } }"
    assert len(store.query(per_graph).rows) == 2
    assert store.triple_count() == 40
    store.remove_document(a)  # still held by b
    assert int(store.query(count).rows[0][0]) == 1
    store.replace_document(b, document(2)[1])  # b no longer mentions it
    assert int(store.query(count).rows[0][0]) == 0
    assert store.triple_count() == 19


def test_updates_on_the_union_view(store):
    a, ga = document(1)
    store.replace_document(a, ga)
    # into the default graph: visible to queries
    store.update(P + "INSERT DATA { ent:New a kg:Company }")
    assert store.query(P + "ASK { ent:New a kg:Company }").boolean
    # into a document's graph: visible too, and in that graph
    store.update(P + "INSERT DATA { GRAPH doc:d1 { ent:Other a kg:Company } }")
    assert store.query(P + "ASK { GRAPH doc:d1 { ent:Other a kg:Company } }").boolean
    assert store.query(P + "ASK { ent:Other a kg:Company }").boolean
    # a DELETE on the default graph removes the triples from the union, whatever graph held them
    store.update(P + "DELETE WHERE { ent:Company_1 ?p ?o }")
    assert not store.query(P + "ASK { ent:Company_1 ?p ?o }").boolean
    assert not store.query(P + "ASK { GRAPH ?g { ent:Company_1 ?p ?o } }").boolean
    assert store.document_hash(a) == "sha256:1-0"
    # a trailing ';' and a closing comment are fine
    store.update(P + "INSERT DATA { ent:Third a kg:Company } ;")
    store.update(P + "INSERT DATA { ent:Fourth a kg:Company } # done")
    assert len(store.query(P + "SELECT ?c WHERE { ?c a kg:Company }").rows) == 4
