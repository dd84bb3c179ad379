"""kg.netgraph: RDF in our model -> networkx, and the graph queries built on it."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

sys.path.insert(0, str(Path(__file__).parent))
from conftest_browser import (  # noqa: E402
    INFERRED_RULE,
    LONER,
    META,
    MSL,
    MUSE,
    WANG,
    XSS,
    XSS_ALIAS,
    XSS_LABEL,
    XSS_SENTENCE,
    sample_dataset,
    sample_graph,
)

from kg.errors import InputError  # noqa: E402
from kg.namespaces import ENT, KG  # noqa: E402
from kg.netgraph import (  # noqa: E402
    centrality,
    find_node,
    label_from_iri,
    load_rdf,
    neighbourhood,
    shortest_path,
    split_camel,
    to_networkx,
)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return to_networkx(sample_graph())


def test_nodes_are_the_entities_only(G):
    assert set(G.nodes) == {META, MSL, MUSE, WANG, XSS, LONER}
    assert all(not n.startswith(("https://w3id.org/kg-news/doc/", str(KG))) for n in G)


def test_node_attributes(G):
    meta = G.nodes[META]
    assert meta == {
        "label": "Meta",
        "type": "Company",
        "aliases": ["Facebook", "Meta Platforms"],
        "wikidata": "Q380",
        "iri": META,
        "literals": [],  # literal facts (kg:releasedOn ...) would be listed here
    }
    assert G.nodes[MUSE]["type"] == "AIModel"
    assert G.nodes[LONER]["label"] == "Lonely Corp"
    assert G.nodes[MSL]["aliases"] == ["MSL"]
    assert G.nodes[MSL]["wikidata"] is None
    assert G.nodes[XSS]["label"] == XSS_LABEL
    assert G.nodes[XSS]["aliases"] == [XSS_ALIAS]


def test_edges_keys_labels_and_direction(G):
    edges = {(u, v, k) for u, v, k in G.edges(keys=True)}
    assert edges == {
        (MUSE, MSL, "developedBy"),
        (MSL, META, "partOf"),
        (WANG, MSL, "leads"),
        (XSS, META, "developedBy"),
        (MUSE, META, "developedBy"),
    }
    data = G.edges[MUSE, MSL, "developedBy"]
    assert data["property"] == "developedBy"
    assert data["label"] == "developed by"
    assert data["inferred"] is False


def test_hedged_only_fact_is_not_an_edge(G):
    assert not G.has_edge(META, WANG)


def test_evidence(G):
    ev = G.edges[MSL, META, "partOf"]["evidence"]
    assert [e["sentence"] for e in ev] == [
        "MSL, a unit of Meta, hired researchers.",
        "MSL is part of Meta.",
    ]
    first = ev[0]
    assert first["document"] == "https://w3id.org/kg-news/doc/d1"
    assert first["title"] == "Meta unveils Muse Spark"
    assert first["source"] == "examples/articles/a.txt"
    assert isinstance(first["confidence"], float) and math.isclose(first["confidence"], 0.8)
    assert first["status"] == "asserted"
    assert G.edges[XSS, META, "developedBy"]["evidence"][0]["sentence"] == XSS_SENTENCE


def test_inferred_fact_marks_edge_inferred(G):
    data = G.edges[MUSE, META, "developedBy"]
    assert data["inferred"] is True
    assert data["rule"] == INFERRED_RULE
    assert data["evidence"] == []
    assert G.edges[MUSE, MSL, "developedBy"]["rule"] is None


def test_named_inferred_graph():
    G = to_networkx(sample_dataset())
    assert G.edges[WANG, META, "worksFor"]["inferred"] is True  # only in the inferred graph
    assert G.edges[MSL, META, "partOf"]["inferred"] is False  # also stated in a document
    assert G.edges[MUSE, META, "developedBy"]["inferred"] is True  # kg:InferredFact
    assert G.nodes[META]["label"] == "Meta"


def test_most_specific_type_with_and_without_hierarchy():
    g = sample_graph()
    g.add((URIRef(META), RDF.type, KG.Organization))  # materialised superclass
    g.add((ENT["OpenAI"], RDF.type, KG.Organization))
    assert to_networkx(g).nodes[META]["type"] == "Company"  # fewer members decides
    g.add((KG.Company, RDFS.subClassOf, KG.Organization))
    g.add((URIRef(MSL), RDF.type, KG.Company))  # now as many Companies as Organizations
    G = to_networkx(g)
    assert G.nodes[META]["type"] == "Company"
    assert G.nodes[MSL]["type"] == "Company"


def test_most_specific_type_from_the_ontology():
    g = sample_graph()
    g.add((URIRef(MUSE), RDF.type, KG.Product))
    g.add((URIRef(XSS), RDF.type, KG.AIModel))
    g.add((ENT["Llama"], RDF.type, KG.AIModel))
    G = to_networkx(g)
    assert G.nodes[MUSE]["type"] == "AIModel"  # kg:AIModel rdfs:subClassOf kg:Product
    assert G.nodes[XSS]["type"] == "AIModel"


def test_label_falls_back_to_the_iri():
    g = Graph()
    g.add((ENT["Muse_Spark"], RDF.type, KG.AIModel))
    g.add((ENT["snake%5Fcase_name"], RDF.type, KG.Product))
    G = to_networkx(g)
    assert G.nodes[str(ENT["Muse_Spark"])]["label"] == "Muse Spark"
    assert G.nodes[str(ENT["snake%5Fcase_name"])]["label"] == "snake_case name"
    assert label_from_iri("https://w3id.org/kg-news/entity/Caf%C3%A9_X") == "Café X"


def test_property_label_from_the_graph():
    g = sample_graph()
    g.add((KG.leads, RDFS.label, Literal("is the head of", lang="en")))
    assert to_networkx(g).edges[WANG, MSL, "leads"]["label"] == "is the head of"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("developedBy", "developed by"),
        ("partOf", "part of"),
        ("CEOOf", "CEO of"),
        ("foundedIn2020", "founded in 2020"),
        ("leads", "leads"),
    ],
)
def test_split_camel(name, label):
    assert split_camel(name) == label


def test_find_node(G):
    assert find_node(G, "meta") == META
    assert find_node(G, "  MUSE SPARK ") == MUSE
    assert find_node(G, "msl") == MSL  # alias
    assert find_node(G, "Facebook") == META
    assert find_node(G, MSL) == MSL
    assert find_node(G, "ent:Alexandr_Wang") == WANG
    assert find_node(G, XSS_LABEL) == XSS
    assert find_node(G, "Nobody") is None
    assert find_node(G, "") is None


def test_neighbourhood_ignores_direction(G):
    one = neighbourhood(G, MSL, 1)
    assert set(one) == {MSL, MUSE, META, WANG}
    assert one.has_edge(MUSE, META, "developedBy")  # every edge among the kept nodes
    assert set(neighbourhood(G, WANG, 2)) == {WANG, MSL, MUSE, META}
    assert set(neighbourhood(G, WANG, 3)) == {WANG, MSL, MUSE, META, XSS}
    assert set(neighbourhood(G, WANG, 0)) == {WANG}
    with pytest.raises(nx.NodeNotFound):
        neighbourhood(G, "urn:nothing", 1)


def test_shortest_path(G):
    nodes, edges = shortest_path(G, WANG, XSS)
    assert nodes == [WANG, MSL, META, XSS]
    assert edges == [(WANG, MSL, "leads"), (MSL, META, "partOf"), (XSS, META, "developedBy")]
    nodes, edges = shortest_path(G, MUSE, META)  # the direct edge is inferred: still shortest
    assert nodes == [MUSE, META] and edges == [(MUSE, META, "developedBy")]
    assert shortest_path(G, META, META) == ([META], [])
    with pytest.raises(nx.NetworkXNoPath):
        shortest_path(G, META, LONER)
    with pytest.raises(nx.NodeNotFound):
        shortest_path(G, META, "urn:nothing")


def test_centrality(G):
    pr = centrality(G)
    assert set(pr) == set(G)
    assert math.isclose(sum(pr.values()), 1.0)
    assert max(pr, key=pr.get) == META
    simple = nx.DiGraph(G)
    reference = nx.algorithms.link_analysis.pagerank_alg._pagerank_python(simple)
    for node, value in reference.items():
        assert math.isclose(pr[node], value, abs_tol=1e-4)
    assert centrality(nx.MultiDiGraph()) == {}


def test_load_rdf(tmp_path):
    g = sample_graph()
    for ext, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")):
        file = tmp_path / f"g{ext}"
        g.serialize(file, format=fmt)
        assert set(to_networkx(load_rdf(file))) == set(to_networkx(g))
    trig = tmp_path / "g.trig"
    sample_dataset().serialize(trig, format="trig")
    assert to_networkx(load_rdf(trig)).edges[WANG, META, "worksFor"]["inferred"] is True
    with pytest.raises(InputError, match="unknown RDF file extension"):
        load_rdf(tmp_path / "g.csv")
    with pytest.raises(InputError, match="no such file"):
        load_rdf(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<")
    with pytest.raises(InputError, match="bad.ttl: cannot parse"):
        load_rdf(bad)
