"""The ontology file: well-formed OWL, documented terms, the property names the extractor uses."""

from __future__ import annotations

import importlib

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS

from kg import ontology as onto
from kg.namespaces import KG, ONTOLOGY_IRI, SCHEMA, WD

SH = Namespace("http://www.w3.org/ns/shacl#")
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(onto.ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(onto.SHAPES_PATH, format="turtle")


def kg_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))}


def is_property(graph: Graph, term: URIRef) -> bool:
    return any((term, RDF.type, t) in graph for t in PROPERTY_TYPES)


def missing_documentation(graph: Graph) -> list[str]:
    """Every kg: term lacking rdfs:label or rdfs:comment, and every kg: property lacking a
    domain or range, as 'term: what' strings."""
    problems = []
    for term in sorted(kg_terms(graph)):
        needed = [RDFS.label, RDFS.comment]
        if is_property(graph, term):
            needed += [RDFS.domain, RDFS.range]
        for prop in needed:
            if graph.value(term, prop) is None:
                problems.append(f"{term}: no {graph.qname(prop)}")
    return problems


def class_set(graph: Graph, node) -> set:
    if isinstance(node, BNode):
        return set(Collection(graph, graph.value(node, OWL.unionOf)))
    return {node}


# --------------------------------------------------------------------------------------
# The file itself
# --------------------------------------------------------------------------------------


def test_ontology_parses_and_has_a_header(graph):
    iri = URIRef(ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in graph
    assert str(graph.value(iri, OWL.versionInfo)) == "0.1.0"
    assert graph.value(iri, OWL.versionIRI) == URIRef(ONTOLOGY_IRI + "/0.1.0")
    assert graph.value(iri, RDFS.label) is not None
    assert graph.value(iri, RDFS.comment) is not None
    assert "MIT" in str(graph.value(iri, DCTERMS.license))
    assert str(graph.value(iri, DCTERMS.creator)) == "kg contributors"


def test_shapes_parse(shapes):
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) > 20


def test_owlrl_closure_over_the_ontology_runs(graph):
    from owlrl import DeductiveClosure, OWLRL_Semantics

    copy = Graph()
    for triple in graph:
        copy.add(triple)
    DeductiveClosure(OWLRL_Semantics).expand(copy)
    assert len(copy) > len(graph)
    # Subclasses are entailed to be organisations/products, as the shapes rely on.
    assert (KG.Company, RDFS.subClassOf, KG.Organization) in copy
    assert (KG.AIModel, RDFS.subClassOf, SCHEMA.Product) in copy


# --------------------------------------------------------------------------------------
# Every term is documented and declared
# --------------------------------------------------------------------------------------


def test_every_term_has_label_comment_domain_and_range(graph):
    assert missing_documentation(graph) == []


def test_the_documentation_check_catches_a_missing_annotation(graph):
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    broken.remove((KG.partnerOf, RDFS.range, None))
    broken.remove((KG.CodeName, RDFS.comment, None))
    problems = missing_documentation(broken)
    assert any("partnerOf: no rdfs:range" in p for p in problems)
    assert any("CodeName: no rdfs:comment" in p for p in problems)


def test_every_kg_term_is_declared_with_a_type(graph):
    declared = {t for t in kg_terms(graph) if graph.value(t, RDF.type) is not None}
    used = {o for o in graph.objects() if isinstance(o, URIRef) and str(o).startswith(str(KG))}
    assert used - declared == set(), "kg: terms used but never declared (typos?)"


def test_labels_are_english(graph):
    for term in kg_terms(graph):
        label = graph.value(term, RDFS.label)
        assert isinstance(label, Literal) and label.language == "en", term


# --------------------------------------------------------------------------------------
# The property contract with the extractor
# --------------------------------------------------------------------------------------

ORG, PROD, PERSON, PLACE, AIM, CODE = (
    {KG.Organization},
    {KG.Product},
    {KG.Person},
    {KG.Place},
    {KG.AIModel},
    {KG.CodeName},
)

CONTRACT = [
    ("developedBy", PROD, ORG),
    ("manufacturedBy", PROD, ORG),
    ("leads", PERSON, ORG | PROD),
    ("ceoOf", PERSON, ORG),
    ("founderOf", PERSON, ORG),
    ("worksFor", PERSON, ORG),
    ("subOrganizationOf", ORG, ORG),
    ("owns", ORG | PERSON, ORG | PROD),  # "owned by the producer Scott Hendricks"
    ("acquired", ORG, ORG | PROD),
    ("investedIn", ORG | PERSON, ORG),  # an angel investor: "put in his own money too"
    ("codeName", PROD, CODE),
    ("successorOf", ORG | PROD, ORG | PROD),
    ("competitorOf", ORG | PROD, ORG | PROD),
    ("partnerOf", ORG, ORG),
    ("powers", PROD, PROD),  # an AI model, an operating system, an engine
    ("availableOn", PROD, PROD | ORG),
    ("headquarteredIn", ORG, PLACE),
    ("investor", {KG.Investment}, ORG | PERSON),
    ("investee", {KG.Investment}, ORG),
    ("valuationOf", {KG.Valuation}, ORG),
    ("priceOf", {KG.Price}, PROD),
]


@pytest.mark.parametrize(("name", "domain", "range_"), CONTRACT, ids=[c[0] for c in CONTRACT])
def test_relation_names_and_directions(graph, name, domain, range_):
    prop = KG[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in graph
    assert class_set(graph, graph.value(prop, RDFS.domain)) == domain
    assert class_set(graph, graph.value(prop, RDFS.range)) == range_


LITERALS = {
    "amount": "decimal",
    "currency": "string",
    "dailyUsers": "integer",
    "weeklyUsers": "integer",
    "monthlyUsers": "integer",
    "announcedOn": "date gYearMonth gYear",  # as precise as the text: never an invented day
    "releasedOn": "date gYearMonth gYear",
    "foundedOn": "date gYearMonth gYear",
    "inputModality": "string",
    "outputModality": "string",
    "mode": "string",
    "license": "string",
    "sentence": "string",
    "startOffset": "integer",
    "endOffset": "integer",
    "confidence": "decimal",
    "rule": "string",
    "sourcePath": "string",
    "contentHash": "string",
    "readAt": "dateTime",
}


@pytest.mark.parametrize("name", sorted(LITERALS))
def test_datatype_properties(graph, name):
    prop = KG[name]
    assert (prop, RDF.type, OWL.DatatypeProperty) in graph
    ranges = class_set(graph, graph.value(prop, RDFS.range))
    assert {str(r).rsplit("#", 1)[-1] for r in ranges} == set(LITERALS[name].split())


INVERSES = [
    ("developed", "developedBy"),
    ("manufactured", "manufacturedBy"),
    ("ledBy", "leads"),
    ("hasCEO", "ceoOf"),
    ("foundedBy", "founderOf"),
    ("employs", "worksFor"),
    ("hasSubOrganization", "subOrganizationOf"),
    ("ownedBy", "owns"),
    ("acquiredBy", "acquired"),
    ("hasInvestor", "investedIn"),
    ("poweredBy", "powers"),
    ("predecessorOf", "successorOf"),
]


@pytest.mark.parametrize(("a", "b"), INVERSES, ids=[i[0] for i in INVERSES])
def test_inverses_are_declared_and_mirror_domain_and_range(graph, a, b):
    pa, pb = KG[a], KG[b]
    assert (pa, OWL.inverseOf, pb) in graph or (pb, OWL.inverseOf, pa) in graph
    assert class_set(graph, graph.value(pa, RDFS.domain)) == class_set(
        graph, graph.value(pb, RDFS.range)
    )
    assert class_set(graph, graph.value(pa, RDFS.range)) == class_set(
        graph, graph.value(pb, RDFS.domain)
    )


def test_symmetric_and_transitive_properties(graph):
    assert (KG.competitorOf, RDF.type, OWL.SymmetricProperty) in graph
    assert (KG.partnerOf, RDF.type, OWL.SymmetricProperty) in graph
    assert (KG.subOrganizationOf, RDF.type, OWL.TransitiveProperty) in graph
    assert (KG.acquired, RDFS.subPropertyOf, KG.owns) not in graph  # an event, not ownership


def test_ceo_of_is_a_kind_of_leading_and_working_for(graph):
    supers = set(graph.objects(KG.ceoOf, RDFS.subPropertyOf))
    assert {KG.leads, KG.worksFor} <= supers


def test_class_hierarchy_and_mappings(graph):
    for sub, sup in [
        (KG.Company, KG.Organization),
        (KG.ResearchLab, KG.Organization),
        (KG.NewsOrganization, KG.Organization),
        (KG.AIModel, KG.Product),
        (KG.PhysicalProduct, KG.Product),
        (KG.InferredFact, KG.Fact),
        (KG.Fact, RDF.Statement),
    ]:
        assert (sub, RDFS.subClassOf, sup) in graph
    assert (KG.Organization, OWL.equivalentClass, SCHEMA.Organization) in graph
    assert (KG.Person, OWL.equivalentClass, SCHEMA.Person) in graph
    assert (KG.Organization, SKOS.closeMatch, WD.Q43229) in graph
    assert (KG.Person, SKOS.closeMatch, WD.Q5) in graph
    assert (KG.Company, SKOS.closeMatch, WD.Q4830453) in graph
    statuses = {KG.Asserted, KG.Hedged, KG.Past, KG.Inferred}
    assert statuses <= set(graph.subjects(RDF.type, KG.Status))
    # a manufactured good is never a trained model (the goods kg:manufacturedBy is about)
    assert (KG.PhysicalProduct, OWL.disjointWith, KG.AIModel) in graph


# --------------------------------------------------------------------------------------
# Shapes agree with the ontology
# --------------------------------------------------------------------------------------


def shape_classes(shapes: Graph, node, key) -> set:
    direct = shapes.value(node, key)
    if direct is not None:
        return {direct}
    out = set()
    for lst in shapes.objects(node, SH["or"]):
        out |= {shapes.value(m, key) for m in Collection(shapes, lst)}
    return out


def test_every_property_has_a_usage_shape_matching_its_domain_and_range(graph, shapes):
    provenance = {
        "evidence",
        "status",
        "sentence",
        "startOffset",
        "endOffset",
        "confidence",
        "rule",
        "sourcePath",
        "contentHash",
        "readAt",
    }
    for prop in sorted(
        set(graph.subjects(RDF.type, OWL.ObjectProperty))
        | set(graph.subjects(RDF.type, OWL.DatatypeProperty))
    ):
        if not str(prop).startswith(str(KG)):
            continue
        name = str(prop)[len(str(KG)) :]
        shape = shapes.value(None, SH.targetSubjectsOf, prop)
        assert shape is not None, f"no shape targets subjects of kg:{name}"
        domain = class_set(graph, graph.value(prop, RDFS.domain))
        assert shape_classes(shapes, shape, SH["class"]) == domain, name
        if name in provenance:
            continue  # their values are checked by the Evidence/Document/Fact shapes
        prop_shape = shapes.value(shape, SH.property)
        assert shapes.value(prop_shape, SH.path) == prop
        range_ = class_set(graph, graph.value(prop, RDFS.range))
        if (prop, RDF.type, OWL.ObjectProperty) in graph:
            assert shape_classes(shapes, prop_shape, SH["class"]) == range_, name
        else:
            assert range_ <= shape_classes(shapes, prop_shape, SH.datatype), name


# --------------------------------------------------------------------------------------
# The Python API
# --------------------------------------------------------------------------------------


def test_load_ontology_is_cached():
    assert onto.load_ontology() is onto.load_ontology()
    assert len(onto.load_ontology()) > 300


def test_classes_and_properties_dicts():
    classes, props = onto.classes(), onto.properties()
    assert classes["AIModel"]["label"] == "AI model"
    assert classes["AIModel"]["superclasses"] == ["Product"]
    assert classes["PhysicalProduct"]["superclasses"] == ["Product"]
    assert classes["Status"]["individuals"] == ["Asserted", "Hedged", "Inferred", "Past"]
    assert props["developedBy"]["domain"] == ["Product"]
    assert props["developedBy"]["range"] == ["Organization"]
    assert props["developedBy"]["inverse"] == "developed"
    assert props["developed"]["inverse"] == "developedBy"
    assert sorted(props["leads"]["range"]) == ["Organization", "Product"]
    assert props["competitorOf"]["symmetric"] is True
    assert props["subOrganizationOf"]["transitive"] is True
    assert sorted(props["ceoOf"]["super_properties"]) == ["leads", "worksFor"]
    assert props["amount"]["range"] == ["xsd:decimal"]
    assert props["amount"]["kind"] == "datatype"
    # Callers get copies: changing them does not change the next answer.
    props["developedBy"]["label"] = "oops"
    assert onto.properties()["developedBy"]["label"] == "developed by"
    assert onto.label("ceoOf") == "CEO of"
    assert onto.label("nothing") == "nothing"


def test_describe_lists_every_term():
    text = onto.describe()
    assert text.startswith("# ")
    for name in list(onto.classes()) + list(onto.properties()):
        assert f"`kg:{name}`" in text, name
    assert "| `kg:developedBy` | `kg:Product` | `kg:Organization` |" in text


def test_ontology_dir_env_override(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    assert onto.ontology_dir() == tmp_path
    monkeypatch.delenv("KG_ONTOLOGY_DIR")
    assert (onto.ontology_dir() / "kg.ttl").is_file()


def test_missing_ontology_is_a_clear_error(monkeypatch, tmp_path):
    from kg.errors import KgError

    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    fresh = importlib.reload(onto)
    try:
        with pytest.raises(KgError, match="KG_ONTOLOGY_DIR"):
            fresh.load_ontology()
    finally:
        monkeypatch.delenv("KG_ONTOLOGY_DIR")
        importlib.reload(onto)


def test_cli_ontology_prints_markdown():
    from typer.testing import CliRunner

    import kg.cli.ontology  # noqa: F401  (registers the commands)
    from kg.cli import app

    result = CliRunner().invoke(app, ["ontology"])
    assert result.exit_code == 0, result.output
    assert "## Relations between entities" in result.output
    assert "`kg:competitorOf`" in result.output
    result = CliRunner().invoke(app, ["ontology", "--turtle"])
    assert result.exit_code == 0
    assert "owl:Ontology" in result.output
