"""Every RDF export parses back isomorphic to the graph it came from, and the plain Turtle
export alone answers "where does this fact come from?" (issue 3, "Done when").

A real build (the example articles plus literal facts and an inferred named graph) goes into
each store kind, is written in each of the six RDF formats by `kg.export.WRITERS`, parsed back
with rdflib, and compared named graph by named graph (TriG, N-Quads, JSON-LD) or as the union
(Turtle, N-Triples, RDF/XML) with `rdflib.compare.isomorphic`.
"""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, QUERIES
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.export import WRITERS

QUAD_FORMATS = {"nquads": "nquads", "trig": "trig", "json-ld": "json-ld"}
TRIPLE_FORMATS = {"turtle": "turtle", "nt": "nt11", "xml": "xml"}
LITERALS = """Nimbus news

Velora Systems introduced Nimbus, an AI model, in April 2025. Velora Systems was founded in 2019.
Nimbus has 40 million daily users. Halvard Capital has invested more than $13 billion in Velora
Systems. Zentrix Labs plans to raise €600 million from Halvard Capital.
"""


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def store(request, tmp_path_factory):
    from kg import build
    from kg.inference import INFERRED_GRAPH, infer
    from kg.store import MemoryStore, OxigraphStore

    folder = tmp_path_factory.mktemp("roundtrip")
    (folder / "literals.txt").write_text(LITERALS, encoding="utf-8")
    for name in ("01_meta_unveils_muse_spark.txt", "02_ai_rivals.txt"):
        (folder / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    if request.param == "memory":
        target = MemoryStore()
    else:
        target = OxigraphStore(tmp_path_factory.mktemp("oxigraph") / "store")
    built = build([folder], store=target)
    target.replace_document(INFERRED_GRAPH, infer(built.rdf))
    yield target
    target.close()


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    graphs: dict[str, Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = str(getattr(g, "identifier", g))
        graphs.setdefault(name, Graph()).add((s, p, o))
    return graphs


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_quad_formats_round_trip_graph_by_graph(store, fmt):
    original = named_graphs(store.to_dataset())
    back = Dataset()
    back.parse(data=WRITERS[fmt](store).decode("utf-8"), format=QUAD_FORMATS[fmt])
    parsed = named_graphs(back)
    assert set(parsed) == set(original)
    assert len(original) >= 4  # three documents and the inferred graph
    for name, graph in original.items():
        assert isomorphic(parsed[name], graph), name


@pytest.mark.parametrize("fmt", sorted(TRIPLE_FORMATS))
def test_triple_formats_round_trip_as_the_union(store, fmt):
    original = union(store.to_dataset())
    back = Graph().parse(data=WRITERS[fmt](store).decode("utf-8"), format=TRIPLE_FORMATS[fmt])
    assert len(back) == len(original) > 500
    assert isomorphic(back, original)


def test_the_compared_graphs_hold_typed_literals_and_inferences(store):
    from kg.inference import INFERRED_GRAPH

    graphs = named_graphs(store.to_dataset())
    assert len(graphs[str(INFERRED_GRAPH)]) > 0
    datatypes = {str(o.datatype).rsplit("#", 1)[-1] for g in graphs.values() for o in g.objects()
                 if getattr(o, "datatype", None) is not None}
    assert {"decimal", "integer", "gYear", "gYearMonth", "dateTime"} <= datatypes
    assert URIRef("https://w3id.org/kg-news/ontology#Investment") in {
        o for g in graphs.values() for o in g.objects()}


def test_plain_turtle_export_says_which_sentences_and_documents_state_a_fact(examples_graph):
    """fact_sources.rq over nothing but the Turtle text: Muse Spark developedBy Meta."""
    turtle = Graph().parse(data=examples_graph.serialize("turtle"), format="turtle")
    rows = list(turtle.query((QUERIES / "fact_sources.rq").read_text()))
    sources = {str(row["source"]).rsplit("/", 1)[-1][:2] for row in rows}
    assert sources == {"01", "02", "03", "04", "05"}  # 06 (Mistral AI) does not say it
    for row in rows:
        assert row["title"] is not None and "Muse Spark" in str(row["sentence"])
        assert str(row["status"]).endswith("#Asserted")
