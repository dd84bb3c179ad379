"""OWL-RL inference: inverses, symmetric pairs, super-properties, transitivity, nothing else."""

from __future__ import annotations

from hashlib import sha1

import pytest
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, URIRef
from typer.testing import CliRunner

import kg.cli.ontology  # noqa: F401  (registers validate / infer / ontology on the app)
from kg.cli import app
from kg.inference import INFERRED_GRAPH, fact_iri, infer
from kg.namespaces import DOC, ENT, EV, FACT, KG, WD
from kg.validate import validate

PREFIXES = """\
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix ent: <https://w3id.org/kg-news/entity/> .
@prefix doc: <https://w3id.org/kg-news/doc/> .
@prefix fact: <https://w3id.org/kg-news/fact/> .
@prefix ev: <https://w3id.org/kg-news/evidence/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix wd: <http://www.wikidata.org/entity/> .
"""

# Entities and direct facts, plus the provenance of one of them (docs/rdf-model.md).
BODY = """
ent:Muse_Spark a kg:AIModel ; rdfs:label "Muse Spark" ; kg:developedBy ent:Meta .
ent:Meta a kg:Company ; rdfs:label "Meta" ; owl:sameAs wd:Q380 ; kg:competitorOf ent:OpenAI .
ent:OpenAI a kg:Company ; rdfs:label "OpenAI" .
ent:Mark_Zuckerberg a kg:Person ; rdfs:label "Mark Zuckerberg" ; kg:ceoOf ent:Meta .
ent:FAIR a kg:ResearchLab ; rdfs:label "FAIR" ; kg:subOrganizationOf ent:MSL .
ent:MSL a kg:ResearchLab ; rdfs:label "Meta Superintelligence Labs" ;
    kg:subOrganizationOf ent:Meta .
ent:Muse_Spark kg:inputModality "text" .

fact:3f2a a kg:Fact ;
    rdf:subject ent:Muse_Spark ; rdf:predicate kg:developedBy ; rdf:object ent:Meta ;
    kg:evidence ev:91c0 .
ev:91c0 a kg:Evidence ;
    prov:wasDerivedFrom doc:5d1e ;
    kg:sentence "Meta built Muse Spark." ;
    kg:startOffset 0 ; kg:endOffset 22 ;
    kg:confidence 0.9 ; kg:status kg:Asserted ; kg:rule "active:develop" .
doc:5d1e a kg:Document ;
    dcterms:title "Meta unveils Muse Spark" ;
    kg:contentHash "sha256:00ff" ;
    kg:readAt "2026-11-22T10:00:00Z"^^xsd:dateTime .
"""


def graph(extra: str = "") -> Graph:
    return Graph().parse(data=PREFIXES + BODY + extra, format="turtle")


@pytest.fixture(scope="module")
def source() -> Graph:
    return graph()


@pytest.fixture(scope="module")
def inferred(source) -> Graph:
    return infer(source)


def direct(g: Graph) -> set[tuple]:
    """The entity-to-entity triples of an inference result (its reifications left out)."""
    return {(s, p, o) for s, p, o in g if str(s).startswith(str(ENT))}


def test_inverse_of_developed_by(inferred):
    assert (ENT.Meta, KG.developed, ENT.Muse_Spark) in inferred


def test_inferred_triples_are_reified_as_inferred_facts(inferred):
    s, p, o = ENT.Meta, KG.developed, ENT.Muse_Spark
    node = fact_iri(s, p, o)
    assert node == FACT[sha1(f"{s}|{p}|{o}".encode()).hexdigest()[:16]]
    assert (node, RDF.type, KG.InferredFact) in inferred
    assert inferred.value(node, RDF.subject) == s
    assert inferred.value(node, RDF.predicate) == p
    assert inferred.value(node, RDF.object) == o
    assert inferred.value(node, KG.status) == KG.Inferred
    assert inferred.value(node, KG.rule) == Literal("owl:inverseOf kg:developedBy")
    # One reification per new triple, no more.
    assert len(set(inferred.subjects(RDF.type, KG.InferredFact))) == len(direct(inferred))


def test_symmetric_competitor(inferred):
    assert (ENT.OpenAI, KG.competitorOf, ENT.Meta) in inferred
    node = fact_iri(ENT.OpenAI, KG.competitorOf, ENT.Meta)
    assert inferred.value(node, KG.rule) == Literal("owl:SymmetricProperty")


def test_super_properties_and_their_inverses(inferred):
    zuck = ENT.Mark_Zuckerberg
    assert (zuck, KG.leads, ENT.Meta) in inferred
    assert (zuck, KG.worksFor, ENT.Meta) in inferred
    assert (ENT.Meta, KG.hasCEO, zuck) in inferred
    assert (ENT.Meta, KG.ledBy, zuck) in inferred
    assert (ENT.Meta, KG.employs, zuck) in inferred
    rule = inferred.value(fact_iri(zuck, KG.leads, ENT.Meta), KG.rule)
    assert rule == Literal("rdfs:subPropertyOf kg:ceoOf")


def test_transitive_sub_organization(inferred):
    assert (ENT.FAIR, KG.subOrganizationOf, ENT.Meta) in inferred
    assert (ENT.Meta, KG.hasSubOrganization, ENT.FAIR) in inferred
    rule = inferred.value(fact_iri(ENT.FAIR, KG.subOrganizationOf, ENT.Meta), KG.rule)
    assert rule == Literal("owl:TransitiveProperty")


def test_only_new_kg_triples_between_entities(source, inferred):
    for s, p, o in direct(inferred):
        assert str(p).startswith(str(KG)), p
        assert str(s).startswith(str(ENT)) and str(o).startswith(str(ENT)), (s, p, o)
        assert s != o
        assert (s, p, o) not in source
    subjects = set(inferred.subjects())
    assert all(str(s).startswith((str(ENT), str(FACT))) for s in subjects)
    predicates = set(inferred.predicates())
    assert RDFS.label not in predicates
    assert OWL.sameAs not in predicates
    assert (None, RDF.type, KG.Company) not in inferred  # no types
    assert not any(str(p).startswith("https://schema.org/") for p in predicates)
    assert not any(isinstance(o, Literal) for s, p, o in direct(inferred))
    for node in (DOC["5d1e"], EV["91c0"], FACT["3f2a"], WD.Q380):
        assert (node, None, None) not in inferred and (None, None, node) not in inferred


def test_the_input_is_not_changed(source):
    before = len(source)
    infer(source)
    assert len(source) == before


def test_inference_is_idempotent(source, inferred):
    again = infer(source + inferred)
    assert direct(again) == set()


def test_owl_same_as_links_do_not_merge_entities():
    g = graph(
        """
        ent:Facebook a kg:Company ; rdfs:label "Facebook" ; owl:sameAs wd:Q380 .
        """
    )
    result = infer(g)
    assert not any(ENT.Facebook in (s, o) for s, _, o in result)


def test_nothing_to_infer():
    g = Graph().parse(
        data=PREFIXES + 'ent:Meta a kg:Company ; rdfs:label "Meta" .', format="turtle"
    )
    assert len(infer(g)) == 0


def test_graph_plus_inferences_still_validates(source, inferred):
    report = validate(source + inferred)
    assert report.conforms, [v.message for v in report.violations]


def test_dataset_input_ignores_an_earlier_inferred_graph(source, inferred):
    dataset = Dataset()
    target = dataset.graph(URIRef(str(DOC["5d1e"])))
    for triple in source:
        target.add(triple)
    old = dataset.graph(INFERRED_GRAPH)
    for triple in inferred:
        old.add(triple)
    # Re-running over a store that already holds the inferred graph returns the whole set.
    assert set(infer(dataset)) == set(inferred)


# --------------------------------------------------------------------------------------
# kg infer
# --------------------------------------------------------------------------------------


def test_cli_infer_turtle(tmp_path, source):
    src = tmp_path / "graph.ttl"
    source.serialize(destination=src, format="turtle")
    out = tmp_path / "out" / "graph-inferred.ttl"
    result = CliRunner().invoke(app, ["infer", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = Graph().parse(out)
    assert (ENT.Meta, KG.developed, ENT.Muse_Spark) in written
    assert (ENT.Muse_Spark, KG.developedBy, ENT.Meta) in written
    assert [p.name for p in out.parent.iterdir()] == ["graph-inferred.ttl"]  # no temp files
    assert CliRunner().invoke(app, ["validate", str(out)]).exit_code == 0


def test_cli_infer_trig_puts_inferences_in_their_named_graph(tmp_path, source):
    src = tmp_path / "graph.ttl"
    source.serialize(destination=src, format="turtle")
    out = tmp_path / "graph.trig"
    result = CliRunner().invoke(app, ["infer", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format="trig")
    named = dataset.graph(INFERRED_GRAPH)
    assert (ENT.Meta, KG.developed, ENT.Muse_Spark) in named
    assert (ENT.Muse_Spark, KG.developedBy, ENT.Meta) not in named
    assert (ENT.Muse_Spark, KG.developedBy, ENT.Meta, None) in dataset


def test_cli_infer_bad_input(tmp_path):
    out = tmp_path / "x.ttl"
    result = CliRunner().invoke(app, ["infer", str(tmp_path / "missing.ttl"), "-o", str(out)])
    assert result.exit_code != 0
    assert "missing.ttl" in str(result.exception)
    assert not out.exists()
