"""The whole road: articles in, a graph out, through the API and the real `kg` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, QUERIES, SEEDS
from rdflib import SKOS, Graph

from kg.namespaces import ENT, KG


def kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          input=stdin, timeout=300)


def query_labels(graph, name: str, column: str) -> set[str]:
    result = graph.rdf.query((QUERIES / name).read_text())
    return {str(row[column]) for row in result}


def test_who_leads_the_lab(examples_graph):
    assert query_labels(examples_graph, "who_leads_the_lab.rq", "personLabel") == {
        "Alexandr Wang"}


def test_code_name(examples_graph):
    result = examples_graph.rdf.query((QUERIES / "code_name.rq").read_text())
    assert {str(v) for row in result for v in row if v is not None} >= {"Avocado"}


def test_models_by_meta(examples_graph):
    found = query_labels(examples_graph, "models_by_meta.rq", "modelLabel")
    assert {"Muse Spark", "Llama"} <= found
    assert "Meta AI" not in found


def test_meta_competitors(examples_graph):
    found = query_labels(examples_graph, "meta_competitors.rq", "rivalLabel")
    assert {"OpenAI", "Anthropic", "Google"} <= found
    assert "Meta" not in found


def test_muse_spark_powers(examples_graph):
    found = query_labels(examples_graph, "muse_spark_powers.rq", "productLabel")
    assert "Meta AI" in found
    assert not found & {"Facebook", "Instagram", "WhatsApp"}  # only planned


def test_fact_sources_come_from_the_turtle_export(examples_graph):
    turtle = Graph().parse(data=examples_graph.serialize("turtle"), format="turtle")
    rows = list(turtle.query((QUERIES / "fact_sources.rq").read_text()))
    assert len(rows) >= 2
    for row in rows:
        assert "Muse Spark" in str(row["sentence"])


def test_planned_facts_are_hedged_not_asserted(examples_graph):
    rows = list(examples_graph.rdf.query((QUERIES / "planned_facts.rq").read_text()))
    assert rows
    muse = ENT["Muse_Spark"]
    for prop in (KG.powers, KG.availableOn):
        assert (muse, prop, ENT["WhatsApp"]) not in examples_graph.rdf


def test_examples_summary_covers_every_document(examples_graph):
    summary = examples_graph.summary()
    assert summary["documents"] == len(list(EXAMPLES.iterdir()))
    assert summary["entities"]["Company"] >= 5
    assert summary["facts"]["developedBy"] >= 5


def test_seed_headline_facts(seeds_graph):
    rdf = seeds_graph.rdf
    expected = [
        ("Muse_Spark", KG.developedBy, "Meta"),
        ("Muse_Spark", KG.developedBy, "Meta_Superintelligence_Labs"),
        ("Alexandr_Wang", KG.leads, "Meta_Superintelligence_Labs"),
        ("Muse_Spark", KG.codeName, "Avocado"),
        ("Muse_Spark", KG.successorOf, "Llama_4"),
    ]
    for s, p, o in expected:
        assert (ENT[s], p, ENT[o]) in rdf, (s, p, o)
    competitors = {(ENT["Meta"], KG.competitorOf, ENT["OpenAI"]),
                   (ENT["OpenAI"], KG.competitorOf, ENT["Meta"])}
    assert competitors & set(rdf.triples((None, KG.competitorOf, None)))
    aliases = {str(a) for a in rdf.objects(ENT["Meta_Superintelligence_Labs"], SKOS.altLabel)}
    assert "MSL" in aliases


def test_cli_build_writes_graph_and_html(tmp_path):
    out = tmp_path / "out"
    run = kg("build", str(EXAMPLES), "-o", str(out), "--format", "turtle,trig")
    assert run.returncode == 0, run.stderr
    assert "documents" in run.stdout and "facts by property" in run.stdout
    graph = Graph().parse(out / "graph.ttl")
    assert (ENT["Muse_Spark"], KG.developedBy, ENT["Meta"]) in graph
    html = (out / "graph.html").read_text()
    assert "Muse Spark" in html
    assert (out / "graph.trig").stat().st_size > 0


def test_cli_stdin_and_query(tmp_path):
    out = tmp_path / "o"
    text = "Orbit Labs built Comet, a language model. Orbit Labs is based in Oslo.\n"
    run = kg("build", "-", "-o", str(out), "--no-html", "-q", stdin=text)
    assert run.returncode == 0, run.stderr
    q = kg("query", str(out / "graph.ttl"),
           "SELECT ?l WHERE { ?m kg:developedBy ?o . ?m rdfs:label ?l }", "--format", "csv")
    assert q.returncode == 0, q.stderr
    assert q.stdout.splitlines() == ["l", "Comet"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "/no/such/dir", "-o", "/tmp/x"], "/no/such/dir: no such file or directory"),
        (["build", "examples/articles"], "give -o OUTDIR, --store DIR"),
        (["query", "/no/such.ttl", "SELECT * {}"], "/no/such.ttl"),
    ],
)
def test_cli_errors_are_one_line_with_exit_2(args, message):
    run = kg(*args)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], run.stderr
    assert "Traceback" not in run.stderr


def test_cli_bad_document_is_skipped_and_reported(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Orbit Labs built Comet, a language model.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 40)
    out = tmp_path / "out"
    run = kg("build", str(tmp_path), "-o", str(out), "--no-html", "-q")
    assert run.returncode == 1
    assert f"{bad}: binary content" in run.stderr
    assert (out / "graph.ttl").exists()
    strict = kg("build", str(tmp_path), "-o", str(tmp_path / "o2"), "--strict", "-q")
    assert strict.returncode == 1 and not (tmp_path / "o2").exists()


def test_help_has_examples():
    for command in ([], ["build"], ["query"]):
        run = kg(*command, "--help")
        assert run.returncode == 0
        assert "Example" in run.stdout


def test_seed_build_validates(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent on this machine")
    run = kg("build", str(SEEDS), "-o", str(tmp_path), "-q", "--no-html")
    assert run.returncode == 0, run.stderr
    check = kg("validate", str(tmp_path / "graph.ttl"))
    assert check.returncode == 0, check.stdout + check.stderr


def test_paths_are_relative_to_repo():
    assert Path(EXAMPLES).is_dir()


def test_graph_tool_exports_open_in_networkx(tmp_path):
    import networkx as nx

    out = tmp_path / "out"
    run = kg("build", str(EXAMPLES / "01_meta_unveils_muse_spark.txt"), "-o", str(out),
             "--format", "graphml,gexf,csv", "--no-html", "-q")
    assert run.returncode == 0, run.stderr
    graphml = nx.read_graphml(out / "graph.graphml")
    gexf = nx.read_gexf(out / "graph.gexf")
    assert graphml.number_of_nodes() == gexf.number_of_nodes() > 5
    muse = "https://w3id.org/kg-news/entity/Muse_Spark"
    assert graphml.nodes[muse]["type"] == "AIModel"
    rows = (out / "graph.csv").read_text().splitlines()
    assert rows[0].startswith("subject,subject_label,property")
    assert any(",developedBy," in row for row in rows[1:])
