"""Literal facts: money, counts, dates, modalities, modes and licences, through real spaCy.

The sentences are invented (made-up firms), so each test states what a reader of the sentence
would answer; the example articles are then checked end to end: built, validated with
`kg validate`, and queried with examples/queries/investments.rq.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from conftest import EXAMPLES, QUERIES
from rdflib import RDF, Graph, Literal, Namespace
from rdflib.compare import isomorphic

from kg.literals import decimal_lexical, parse_date, parse_money, parse_number
from kg.namespaces import ENT, KG
from kg.validate import validate

NIMBUS = """Velora Systems unveils Nimbus

Velora Systems introduced Nimbus, an AI model, in April 2025. Nimbus is a large language model \
developed by Velora Systems. Velora Systems was founded in 2019. Nimbus has 40 million daily \
users. The model accepts voice, text and image inputs, but produces text-only output. Nimbus \
offers a fast mode and several reasoning modes. Velora Systems released Nimbus under an \
open-source license.
"""

MONEY = """Funding news

Halvard Capital has invested more than $13 billion in Velora Systems. Zentrix Labs plans to \
raise €600 million from Halvard Capital. Corvid Labs did not raise $7 million from Halvard \
Capital. Quillon Software launched Orbit, a new chatbot, on March 3, 2024. Zentrix Labs is \
valued at $2 billion.
"""

# The same statement as the negated one above, without the negation: it is extracted, so its
# absence there is the negation's doing, not the parser's.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # (rdflib's XSD makes pytest warn)

AFFIRMED = "Corvid news\n\nCorvid Labs raised $7 million from Halvard Capital.\n"


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("literals")
    for name, text in (("nimbus.txt", NIMBUS), ("money.txt", MONEY), ("affirmed.txt", AFFIRMED)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(corpus):
    from kg import build

    return build([corpus])


@pytest.fixture(scope="module")
def rdf(built):
    return built.rdf


def figures(rdf: Graph, cls) -> dict:
    """Every money node of a class: {node: {property local name: value}} (direct triples)."""
    out = {}
    for node in rdf.subjects(RDF.type, cls):
        values = {}
        for p, o in rdf.predicate_objects(node):
            if str(p).startswith(str(KG)):
                values[str(p)[len(str(KG)):]] = o
        out[node] = values
    return out


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(("text", "expected"), [
    ("$13 billion", (Decimal("13000000000"), "USD")),
    ("more than $13 billion", (Decimal("13000000000"), "USD")),
    ("€600 million", (Decimal("600000000"), "EUR")),
    ("£3.2bn", (Decimal("3200000000"), "GBP")),
    ("US$1,250,000", (Decimal("1250000"), "USD")),
    ("20 million euros", (Decimal("20000000"), "EUR")),
    ("$15 billion+", (Decimal("15000000000"), "USD")),
])
def test_money_is_normalised_with_its_scale_and_currency(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["billions of dollars", "hundreds of billions of dollars",
                                  "3.5 billion", "13 billion"])
def test_money_needs_digits_and_a_currency(text):
    assert parse_money(text) is None


def test_counts_and_canonical_decimals():
    assert parse_number("3.5+ billion") == Decimal("3500000000")
    assert parse_number("about two million") == Decimal("2000000")
    assert decimal_lexical(Decimal("13000000000")) == "13000000000.0"
    assert decimal_lexical(Decimal("1.50")) == "1.5"


@pytest.mark.parametrize(("text", "expected"), [
    ("April 7, 2025", ("2025-04-07", "date")),
    ("7 April 2025", ("2025-04-07", "date")),
    ("April 2025", ("2025-04", "gYearMonth")),
    ("November 2022", ("2022-11", "gYearMonth")),
    ("2021", ("2021", "gYear")),
    ("late 2021", ("2021", "gYear")),
])
def test_dates_keep_only_what_the_text_states(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["Wednesday", "last year", "this week", "nine months",
                                  "between 2019 and 2021", "the 2020s"])
def test_no_year_no_date(text):
    assert parse_date(text) is None


# --------------------------------------------------------------------------- extraction


def test_investment_node_with_investor_target_amount_and_currency(rdf):
    found = [v for v in figures(rdf, KG.Investment).values()
             if v.get("investee") == ENT["Velora_Systems"]]
    assert len(found) == 1
    values = found[0]
    assert values["investor"] == ENT["Halvard_Capital"]
    assert values["amount"] == Literal("13000000000.0", datatype=XSD.decimal)
    assert values["currency"] == Literal("USD")


def test_a_valuation_is_its_own_kind_of_node(rdf):
    (values,) = figures(rdf, KG.Valuation).values()
    assert values["valuationOf"] == ENT["Zentrix_Labs"]
    assert values["amount"].toPython() == Decimal("2000000000")


def test_hedged_amount_is_reified_as_hedged_and_not_asserted(rdf):
    hedged = Literal("600000000.0", datatype=XSD.decimal)
    assert not list(rdf.subjects(KG.amount, hedged))  # no direct triple
    (fact,) = rdf.subjects(RDF.object, hedged)
    statuses = {rdf.value(ev, KG.status) for ev in rdf.objects(fact, KG.evidence)}
    assert statuses == {KG.Hedged}
    assert "plans to raise" in str(rdf.value(next(rdf.objects(fact, KG.evidence)), KG.sentence))
    node = rdf.value(fact, RDF.subject)
    assert rdf.value(node, RDF.type) == KG.Investment  # the node exists, its values are hedged


def test_negated_amount_is_not_asserted_at_all(rdf):
    seven_million = Literal("7000000.0", datatype=XSD.decimal)
    evidence = [str(rdf.value(ev, KG.sentence))
                for fact in rdf.subjects(RDF.object, seven_million)
                for ev in rdf.objects(fact, KG.evidence)]
    assert len(evidence) == 1  # the affirmed sentence; the negated one left no trace
    assert evidence[0].endswith("Corvid Labs raised $7 million from Halvard Capital.")
    assert (None, KG.amount, seven_million) in rdf  # from the affirmed sentence only


def test_dates_month_year_year_and_full_date(rdf):
    assert rdf.value(ENT["Nimbus"], KG.announcedOn) == Literal("2025-04",
                                                                datatype=XSD.gYearMonth)
    assert rdf.value(ENT["Velora_Systems"], KG.foundedOn) == Literal("2019", datatype=XSD.gYear)
    assert rdf.value(ENT["Orbit"], KG.releasedOn) == Literal("2024-03-03", datatype=XSD.date)


def test_daily_users_is_an_integer(rdf):
    assert rdf.value(ENT["Nimbus"], KG.dailyUsers) == Literal("40000000", datatype=XSD.integer)


def test_modalities_modes_and_licence(rdf):
    def values(prop):
        return {str(v) for v in rdf.objects(ENT["Nimbus"], prop)}

    assert values(KG.inputModality) == {"voice", "text", "image"}
    assert values(KG.outputModality) == {"text"}
    assert values(KG.mode) == {"fast", "reasoning"}
    assert values(KG.license) == {"open source"}
    assert (ENT["Nimbus"], KG.mode, Literal("fast")) in rdf  # plain literals: xsd:string


def test_literal_facts_carry_the_same_provenance_as_relations(rdf):
    value = Literal("2019", datatype=XSD.gYear)
    (fact,) = rdf.subjects(RDF.object, value)
    assert rdf.value(fact, RDF.type) == KG.Fact
    assert rdf.value(fact, RDF.subject) == ENT["Velora_Systems"]
    assert rdf.value(fact, RDF.predicate) == KG.foundedOn
    (ev,) = rdf.objects(fact, KG.evidence)
    assert str(rdf.value(ev, KG.sentence)) == "Velora Systems was founded in 2019."
    assert rdf.value(ev, KG.status) == KG.Asserted
    assert str(rdf.value(ev, KG.rule)) == "date:found"
    assert rdf.value(ev, KG.startOffset).toPython() < rdf.value(ev, KG.endOffset).toPython()


def test_turtle_round_trip_keeps_the_typed_literals(built, rdf):
    back = Graph().parse(data=built.serialize("turtle"), format="turtle")
    assert isomorphic(back, rdf)
    datatypes = {o.datatype for _, p, o in back if p in {KG.amount, KG.announcedOn,
                                                          KG.foundedOn, KG.releasedOn,
                                                          KG.dailyUsers}}
    assert datatypes == {XSD.decimal, XSD.gYearMonth, XSD.gYear, XSD.date, XSD.integer}


def test_built_graph_validates(rdf):
    report = validate(rdf)
    assert report.conforms, [str(v) for v in report.violations]


def test_broken_literal_facts_fail_with_readable_messages(rdf):
    broken = Graph()
    for triple in rdf:
        broken.add(triple)
    investment = next(rdf.subjects(KG.investee, ENT["Velora_Systems"]))
    broken.add((ENT["Nimbus"], KG.releasedOn, Literal("April 2025")))
    broken.add((investment, KG.currency, Literal("dollars")))
    broken.add((ENT["Velora_Systems"], KG.amount, Literal("5.0", datatype=XSD.decimal)))
    report = validate(broken)
    assert not report.conforms
    text = "\n".join(str(v) for v in report.violations)
    assert 'ent:Nimbus kg:releasedOn: value "April 2025" is not a xsd:date or xsd:gYearMonth ' \
           "or xsd:gYear" in text
    assert 'kg:currency: value "dollars" does not match ^[A-Z]{3}$' in text
    assert "has too many values (at most 1 allowed)" in text  # USD and "dollars"
    assert "ent:Velora_Systems is not a kg:MonetaryFigure (it is the subject of kg:amount)" in text


def test_no_provenance_keeps_asserted_literals_only(corpus):
    from kg import build

    lean = build([corpus], provenance=False).rdf
    assert (ENT["Nimbus"], KG.dailyUsers, Literal("40000000", datatype=XSD.integer)) in lean
    assert not list(lean.subjects(RDF.type, KG.Fact))
    assert not list(lean.subjects(KG.amount, Literal("600000000.0", datatype=XSD.decimal)))
    assert validate(lean).conforms


# --------------------------------------------------------------------------- graph tools


def test_networkx_shows_literals_as_node_attributes(built):
    G = built.to_networkx()
    nimbus = G.nodes[str(ENT["Nimbus"])]
    shown = {(lit["property"], lit["value"]) for lit in nimbus["literals"]}
    assert {("dailyUsers", "40000000"), ("announcedOn", "2025-04"), ("mode", "fast")} <= shown
    assert all(not str(n).startswith('"') and "40000000" not in str(n) for n in G.nodes)
    (daily,) = [lit for lit in nimbus["literals"] if lit["property"] == "dailyUsers"]
    assert daily["datatype"] == "integer"
    assert daily["evidence"][0]["sentence"] == "Nimbus has 40 million daily users."


def test_view_data_puts_literals_in_the_details_panel(built):
    from kg.viz import build_view_data

    data = build_view_data(built.to_networkx())
    node = next(n for n in data["nodes"] if n["id"] == str(ENT["Nimbus"]))
    details = {(d["label"], d["value"]) for d in node["kgLiterals"]}
    assert ("daily users", "40,000,000") in details
    money = [n for n in data["nodes"] if n["kgType"] == "Investment"]
    assert any(("amount", "13,000,000,000") in {(d["label"], d["value"])
                                                for d in n.get("kgLiterals", [])}
               for n in money)
    assert all(d["evidence"] for n in data["nodes"] for d in n.get("kgLiterals", []))


def test_csv_and_graphml_include_literal_facts(built, tmp_path):
    import csv
    import io

    import networkx as nx

    from kg.graph_formats import facts_csv, graphml

    rows = list(csv.DictReader(io.StringIO(facts_csv(built.store).decode())))
    daily = [r for r in rows if r["property"] == "dailyUsers"]
    assert daily == [dict(daily[0], object="40000000", datatype="xsd:integer", sources="1")]
    assert any(r["property"] == "developedBy" and r["datatype"] == "" for r in rows)
    (tmp_path / "g.graphml").write_bytes(graphml(built.store))
    nimbus = nx.read_graphml(tmp_path / "g.graphml").nodes[str(ENT["Nimbus"])]
    assert nimbus["inputModality"] == "image; text; voice"


# --------------------------------------------------------------------------- examples


def test_investments_query_on_the_examples(examples_graph):
    rows = examples_graph.rdf.query((QUERIES / "investments.rq").read_text())
    found = {(str(r["investorLabel"]), str(r["targetLabel"]), r["amount"].toPython(),
              str(r["currency"])) for r in rows}
    assert ("Microsoft", "OpenAI", Decimal("13000000000"), "USD") in found
    assert ("Meta", "Scale AI", Decimal("15000000000"), "USD") in found


def test_investments_query_skips_hedged_ones(built):
    rows = built.rdf.query((QUERIES / "investments.rq").read_text())
    found = {(str(r["investorLabel"]), str(r["targetLabel"]), str(r["currency"]))
             for r in rows}
    assert ("Halvard Capital", "Velora Systems", "USD") in found
    assert not any(target == "Zentrix Labs" for _, target, _ in found)  # only planned


def test_investments_query_on_oxigraph(corpus, tmp_path):
    from kg import build
    from kg.store import OxigraphStore

    with OxigraphStore(tmp_path / "store") as store:
        built = build([corpus], store=store)
        rows = list(built.query((QUERIES / "investments.rq").read_text()).rows)
    amounts = {Decimal(str(row[2])) for row in rows}
    assert Decimal("13000000000") in amounts  # Oxigraph writes 13000000000, rdflib 13000000000.0


@pytest.mark.slow
def test_cli_build_examples_validates_and_answers(tmp_path):
    out = tmp_path / "out"
    run = kg("build", str(EXAMPLES), "-o", str(out), "--no-html", "-q")
    assert run.returncode == 0, run.stderr
    check = kg("validate", str(out / "graph.ttl"))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "conforms" in check.stdout
    query = kg("query", str(out / "graph.ttl"), "-f", str(QUERIES / "investments.rq"),
               "--format", "csv")
    assert query.returncode == 0, query.stderr
    assert "Microsoft,OpenAI,13000000000.0,USD" in query.stdout


# --------------------------------------------------------------------------- in Chromium


@pytest.mark.browser
def test_browser_details_panel_lists_literal_facts(browser_page, built, tmp_path):
    from kg.viz import to_html

    watched = browser_page
    watched.open(to_html(built.rdf, tmp_path / "literals.html", focus="Nimbus"))
    watched.page.mouse.click(*watched.node_xy(str(ENT["Nimbus"])))
    assert watched.panel_title() == "Nimbus"
    items = watched.page.locator("#kg-panel-literals li")
    texts = items.all_text_contents()
    assert any("daily users" in t and "40,000,000" in t for t in texts)
    assert not any("40,000,000" in n for n in watched.page.evaluate(
        "kgData.nodes.map(n => n.label)"))  # a value, never a node
    items.filter(has_text="daily users").click()
    assert "daily users:" in watched.panel_title()
    evidence = watched.page.locator("#kg-panel-evidence blockquote").all_text_contents()
    assert evidence == ["Nimbus has 40 million daily users."]


@pytest.fixture
def browser_page(chromium_browser):
    """A watched Chromium page (the `Watched` helper of tests/test_viz.py)."""
    test_viz = pytest.importorskip("test_viz")
    page = chromium_browser.new_page(viewport={"width": 1400, "height": 860})
    watched = test_viz.Watched(page)
    yield watched
    watched.assert_clean()
    page.close()
