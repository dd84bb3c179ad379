"""SHACL validation: a graph shaped like docs/rdf-model.md passes; broken ones fail readably."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from typer.testing import CliRunner

import kg.cli.ontology  # noqa: F401  (registers validate / infer / ontology on the app)
from kg.cli import app, main
from kg.errors import InputError
from kg.validate import ValidationReport, Violation, validate

PREFIXES = """\
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix ent: <https://w3id.org/kg-news/entity/> .
@prefix doc: <https://w3id.org/kg-news/doc/> .
@prefix fact: <https://w3id.org/kg-news/fact/> .
@prefix ev: <https://w3id.org/kg-news/evidence/> .
@prefix agent: <https://w3id.org/kg-news/agent/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix wd: <http://www.wikidata.org/entity/> .
"""

# One document, three entities, an asserted fact, a hedged fact and a literal fact, exactly in
# the shape of docs/rdf-model.md.
VALID = """
ent:Muse_Spark a kg:AIModel ;
    rdfs:label "Muse Spark" ;
    skos:altLabel "Muse Spark model" .
ent:Meta a kg:Company ; rdfs:label "Meta" ; owl:sameAs wd:Q380 .
ent:Scale_AI a kg:Company ; rdfs:label "Scale AI" .

ent:Muse_Spark kg:developedBy ent:Meta .
ent:Muse_Spark kg:inputModality "text" .

fact:3f2a a kg:Fact ;
    rdf:subject ent:Muse_Spark ; rdf:predicate kg:developedBy ; rdf:object ent:Meta ;
    kg:evidence ev:91c0 .

fact:77aa a kg:Fact ;
    rdf:subject ent:Meta ; rdf:predicate kg:acquired ; rdf:object ent:Scale_AI ;
    kg:evidence ev:1b2c .

fact:0d0d a kg:Fact ;
    rdf:subject ent:Muse_Spark ; rdf:predicate kg:inputModality ; rdf:object "text" ;
    kg:evidence ev:5e5e .

ev:91c0 a kg:Evidence ;
    prov:wasDerivedFrom doc:5d1e ;
    kg:sentence "Meta built Muse Spark in nine months." ;
    kg:startOffset 120 ; kg:endOffset 158 ;
    kg:confidence 0.9 ;
    kg:status kg:Asserted ;
    kg:rule "active:develop" ;
    prov:wasAttributedTo agent:kg-0.1.0 .

ev:1b2c a kg:Evidence ;
    prov:wasDerivedFrom doc:5d1e ;
    kg:sentence "Meta plans to acquire Scale AI." ;
    kg:startOffset 159 ; kg:endOffset 190 ;
    kg:confidence 0.6 ;
    kg:status kg:Hedged ;
    kg:rule "active:acquire" ;
    prov:wasAttributedTo agent:kg-0.1.0 .

ev:5e5e a kg:Evidence ;
    prov:wasDerivedFrom doc:5d1e ;
    kg:sentence "Muse Spark accepts text." ;
    kg:startOffset 191 ; kg:endOffset 215 ;
    kg:confidence 0.7 ;
    kg:status kg:Asserted ;
    kg:rule "modality" ;
    prov:wasAttributedTo agent:kg-0.1.0 .

doc:5d1e a kg:Document ;
    dcterms:title "Meta unveils Muse Spark" ;
    kg:sourcePath "examples/articles/a.txt" ;
    kg:contentHash "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    kg:readAt "2026-11-22T10:00:00Z"^^xsd:dateTime .

agent:kg-0.1.0 a prov:SoftwareAgent ;
    rdfs:label "kg rule-based extractor" ;
    schema:softwareVersion "0.1.0" .
"""


def parse(body: str) -> Graph:
    return Graph().parse(data=PREFIXES + textwrap.dedent(body), format="turtle")


def valid() -> Graph:
    return parse(VALID)


def edited(*, remove: str = "", add: str = "", replace: tuple[str, str] | None = None) -> Graph:
    body = VALID
    if replace:
        assert replace[0] in body, replace[0]
        body = body.replace(*replace)
    if remove:
        assert remove in body, remove
        body = body.replace(remove, "")
    return parse(body + add)


def messages(report: ValidationReport) -> list[str]:
    return [v.message for v in report.violations]


def assert_fails_with(graph: Graph, *fragments: str) -> ValidationReport:
    report = validate(graph)
    assert not report.conforms
    text = "\n".join(messages(report))
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in:\n{text}"
    return report


# --------------------------------------------------------------------------------------
# Valid graphs
# --------------------------------------------------------------------------------------


def test_valid_graph_conforms():
    report = validate(valid())
    assert report.conforms, messages(report)
    assert report.violations == []
    assert bool(report) is True
    assert report.summary() == "conforms: 0 violations"


def test_no_provenance_graph_conforms():
    # `kg build --no-provenance`: only entities and direct fact triples.
    graph = parse("""
        ent:Muse_Spark a kg:AIModel ; rdfs:label "Muse Spark" ; kg:developedBy ent:Meta .
        ent:Meta a kg:Company ; rdfs:label "Meta" .
    """)
    assert validate(graph).conforms


def test_subclass_instances_satisfy_superclass_ranges():
    # ent:Meta is a kg:Company, the range says kg:Organization; a lab is one too.
    graph = edited(
        add="""
        ent:FAIR a kg:ResearchLab ; rdfs:label "FAIR" ; kg:subOrganizationOf ent:Meta .
        ent:Alexandr_Wang a kg:Person ; rdfs:label "Alexandr Wang" ; kg:leads ent:Muse_Spark .
        ent:Meta_AI a kg:Product ; rdfs:label "Meta AI" .
        ent:Muse_Spark kg:powers ent:Meta_AI .
        ent:Meta_AI kg:availableOn ent:Meta .
        """
    )
    report = validate(graph)
    assert report.conforms, messages(report)


def test_inferred_fact_needs_no_evidence():
    graph = edited(
        add="""
        ent:Meta kg:developed ent:Muse_Spark .
        fact:9999 a kg:InferredFact ;
            rdf:subject ent:Meta ; rdf:predicate kg:developed ; rdf:object ent:Muse_Spark ;
            kg:status kg:Inferred ; kg:rule "owl:inverseOf kg:developedBy" .
        """
    )
    report = validate(graph)
    assert report.conforms, messages(report)


def test_dataset_with_named_graphs_is_validated_as_a_union():
    dataset = Dataset()
    dataset.graph(URIRef("https://w3id.org/kg-news/doc/5d1e")).parse(
        data=PREFIXES + VALID, format="turtle"
    )
    assert validate(dataset).conforms


# --------------------------------------------------------------------------------------
# Broken graphs: each fails, and the message names the node at fault
# --------------------------------------------------------------------------------------


def test_missing_label():
    report = assert_fails_with(
        edited(
            replace=(
                'ent:Scale_AI a kg:Company ; rdfs:label "Scale AI" .',
                "ent:Scale_AI a kg:Company .",
            )
        ),
        "ent:Scale_AI rdfs:label: is missing",
    )
    (violation,) = report.violations
    assert violation.focus == "ent:Scale_AI"
    assert violation.path == "rdfs:label"
    assert violation.severity == "Violation"


def test_fact_without_evidence():
    assert_fails_with(
        edited(
            remove="    kg:evidence ev:91c0 .",
            replace=("rdf:object ent:Meta ;\n", "rdf:object ent:Meta .\n"),
        ),
        "fact:3f2a: a kg:Fact that is not a kg:InferredFact needs at least one kg:evidence",
        "ev:91c0: a kg:Evidence must be the kg:evidence of some kg:Fact",
    )


def test_developed_by_a_person():
    graph = edited(
        add="""
        ent:Alexandr_Wang a kg:Person ; rdfs:label "Alexandr Wang" .
        ent:Muse_Spark kg:developedBy ent:Alexandr_Wang .
        """
    )
    report = assert_fails_with(
        graph, "ent:Muse_Spark kg:developedBy: value ent:Alexandr_Wang is not a kg:Organization"
    )
    assert [v.value for v in report.violations] == ["ent:Alexandr_Wang"]


def test_wrong_subject_class_names_the_property():
    graph = edited(add="ent:Meta kg:developedBy ent:Scale_AI .")
    assert_fails_with(graph, "ent:Meta is not a kg:Product (it is the subject of kg:developedBy)")


def test_union_range():
    graph = edited(
        add="""
        ent:Menlo_Park a kg:Place ; rdfs:label "Menlo Park" .
        ent:Meta kg:competitorOf ent:Menlo_Park .
        """
    )
    assert_fails_with(
        graph,
        "ent:Meta kg:competitorOf: value ent:Menlo_Park is not a kg:Organization or kg:Product",
        "ent:Menlo_Park is not a kg:Organization or kg:Product",
    )


def test_a_succession_links_two_things_of_one_kind():
    assert validate(edited(add="""
        ent:Harrow_Mutual a kg:Company ; rdfs:label "Harrow Mutual" .
        ent:Harrow_Mutual kg:successorOf ent:Scale_AI .
        """)).conforms  # a company carries on a company
    assert_fails_with(
        edited(add="ent:Muse_Spark kg:successorOf ent:Meta ."),
        "kg:successorOf must link two kg:Product or two kg:Organization nodes",
    )


def test_a_shape_pyshacl_cannot_run_is_a_clear_error(monkeypatch):
    broken = Graph().parse(data=PREFIXES + """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kgsh: <https://w3id.org/kg-news/shapes#> .
        kgsh:Broken a sh:NodeShape ; sh:targetClass kg:Company ;
            sh:sparql [ a sh:SPARQLConstraint ;
                        sh:select "SELECT $this WHERE { VALUES ?x { 1 } }" ] .
        """, format="turtle")
    monkeypatch.setattr("kg.validate.load_shapes", lambda: broken)
    with pytest.raises(InputError, match=r"shapes\.ttl: a shape cannot be checked"):
        validate(valid())


def test_confidence_out_of_range():
    assert_fails_with(
        edited(replace=("kg:confidence 0.9 ;", "kg:confidence 1.5 ;")),
        "ev:91c0 kg:confidence: value 1.5 is above the maximum 1",
    )


def test_confidence_must_be_decimal():
    assert_fails_with(
        edited(replace=("kg:confidence 0.9 ;", 'kg:confidence "0.9"^^xsd:double ;')),
        'ev:91c0 kg:confidence: value "0.9"^^xsd:double is not a xsd:decimal',
    )


def test_offsets():
    assert_fails_with(
        edited(
            replace=(
                "kg:startOffset 120 ; kg:endOffset 158 ;",
                'kg:startOffset -1 ; kg:endOffset "x" ;',
            )
        ),
        "ev:91c0 kg:startOffset: value -1 is below the minimum 0",
        'ev:91c0 kg:endOffset: value "x" is not a xsd:integer',
    )
    assert_fails_with(
        edited(replace=("kg:startOffset 120 ;", "kg:startOffset 200 ;")),
        "ev:91c0 kg:startOffset: value 200 is greater than kg:endOffset",
    )


def test_evidence_status_must_be_asserted_or_hedged():
    assert_fails_with(
        edited(replace=("kg:status kg:Hedged ;", "kg:status kg:Inferred ;")),
        "ev:1b2c kg:status: value kg:Inferred is not one of kg:Asserted, kg:Hedged",
    )


def test_evidence_needs_a_document():
    assert_fails_with(
        edited(replace=("doc:5d1e a kg:Document ;", "doc:5d1e a prov:Entity ;")),
        "ev:91c0 prov:wasDerivedFrom: value doc:5d1e is not a kg:Document",
    )


def test_document_fields():
    graph = edited(
        remove='    dcterms:title "Meta unveils Muse Spark" ;\n',
        replace=('"2026-11-22T10:00:00Z"^^xsd:dateTime', '"2026-11-22"'),
    )
    assert_fails_with(
        graph,
        "doc:5d1e dcterms:title: is missing",
        'doc:5d1e kg:readAt: value "2026-11-22" is not a xsd:dateTime',
    )


def test_asserted_fact_must_be_stated_and_hedged_fact_must_not():
    missing = edited(remove="ent:Muse_Spark kg:developedBy ent:Meta .\n")
    assert_fails_with(
        missing,
        "fact:3f2a: the fact is asserted (or inferred) but its triple is missing from the graph "
        "(ent:Muse_Spark kg:developedBy ent:Meta)",
    )
    stated = edited(add="ent:Meta kg:acquired ent:Scale_AI .")
    assert_fails_with(
        stated,
        "fact:77aa: every source hedges the fact, yet its triple is stated as a direct triple "
        "(ent:Meta kg:acquired ent:Scale_AI)",
    )


def test_literal_fact_datatype_and_domain():
    assert_fails_with(
        edited(add='ent:Paris a kg:Place ; rdfs:label "Paris" . ent:Paris kg:dailyUsers "many" .'),
        "ent:Paris is not a kg:Organization or kg:Product (it is the subject of kg:dailyUsers)",
        'ent:Paris kg:dailyUsers: value "many" is not a xsd:integer',
    )


def test_violations_are_sorted_and_typed():
    report = validate(edited(add="ent:X a kg:Person . ent:A a kg:Place ."))
    assert all(isinstance(v, Violation) for v in report.violations)
    assert [v.focus for v in report.violations] == ["ent:A", "ent:X"]
    assert report.summary() == "does not conform: 2 violations"
    assert str(report.violations[0]) == report.violations[0].message


# --------------------------------------------------------------------------------------
# kg validate
# --------------------------------------------------------------------------------------


def write(tmp_path: Path, name: str, graph: Graph, fmt: str = "turtle") -> Path:
    path = tmp_path / name
    graph.serialize(destination=path, format=fmt)
    return path


def test_cli_validate_exit_codes(tmp_path):
    runner = CliRunner()
    good = write(tmp_path, "good.ttl", valid())
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output

    bad = write(
        tmp_path, "bad.nt", edited(replace=("kg:confidence 0.9 ;", "kg:confidence 1.5 ;")), "nt"
    )
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "ev:91c0 kg:confidence: value 1.5 is above the maximum 1" in result.output
    assert "does not conform, 1 violation" in result.output


def test_cli_validate_reads_trig(tmp_path):
    dataset = Dataset()
    dataset.graph(URIRef("https://w3id.org/kg-news/doc/5d1e")).parse(
        data=PREFIXES + VALID, format="turtle"
    )
    path = tmp_path / "graph.trig"
    dataset.serialize(destination=path, format="trig")
    assert CliRunner().invoke(app, ["validate", str(path)]).exit_code == 0


def test_cli_validate_limit(tmp_path):
    graph = edited(add="ent:X a kg:Person . ent:Y a kg:Person . ent:Z a kg:Person .")
    result = CliRunner().invoke(app, ["validate", str(write(tmp_path, "g.ttl", graph)), "-n", "1"])
    assert result.exit_code == 1
    assert "and 2 more" in result.output


def test_cli_validate_missing_and_unparsable_files(tmp_path, capsys):
    missing = tmp_path / "nope.ttl"
    result = CliRunner().invoke(app, ["validate", str(missing)])
    assert isinstance(result.exception, InputError)
    assert str(missing) in str(result.exception)

    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle .\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(broken)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg: error: {broken}: cannot parse as turtle")
    assert len(err.strip().splitlines()) == 1

    odd = tmp_path / "graph.xyz"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(odd)])
    assert exit_info.value.code == 2


@pytest.mark.slow
def test_a_built_graph_conforms(tmp_path):
    """The contract end to end: what the pipeline writes satisfies the shapes."""
    api = pytest.importorskip("kg.api")
    article = tmp_path / "a.txt"
    article.write_text(
        "Meta unveils Muse Spark\n\nMeta Superintelligence Labs, led by Alexandr Wang, developed "
        "Muse Spark, a new AI model. Meta CEO Mark Zuckerberg said the model will power Meta AI. "
        "OpenAI and Google are competitors of Meta. Meta plans to acquire Scale AI.\n",
        encoding="utf-8",
    )
    try:
        built = api.build([str(article)])
    except (ImportError, OSError) as exc:  # no spaCy model in this environment
        pytest.skip(f"cannot build: {exc}")
    report = validate(built.rdf)
    assert report.conforms, messages(report)
