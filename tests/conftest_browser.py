"""Shared test data for the graph view: a small graph in our RDF model, hostile names included.

Imported by the netgraph and viz tests (not a conftest: plain helpers; the browsers they open
the page in are in tests/browsers.py).
"""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.namespaces import BASE, DOC, ENT, EV, FACT, KG, WD, bind_prefixes

XSS_LABEL = "<img src=x onerror=alert(1)>"
XSS_ALIAS = "</script><script>alert(2)</script>"
INFERRED_RULE = "developedBy is transitive over subOrganizationOf"
XSS_SENTENCE = "<script>alert(3)</script> was released by Meta\u2028on Monday."

META = str(ENT["Meta"])
MSL = str(ENT["Meta_Superintelligence_Labs"])
MUSE = str(ENT["Muse_Spark"])
WANG = str(ENT["Alexandr_Wang"])
XSS = str(ENT["%3Cimg_src%3Dx_onerror%3Dalert%281%29%3E"])
LONER = str(ENT["Lonely_Corp"])
INFERRED_GRAPH = URIRef(BASE + "graph/inferred")

def _entity(g: Graph, iri: str, cls: str, label: str, *aliases: str, wd: str | None = None):
    e = URIRef(iri)
    g.add((e, RDF.type, KG[cls]))
    g.add((e, RDFS.label, Literal(label)))
    for alias in aliases:
        g.add((e, SKOS.altLabel, Literal(alias)))
    if wd:
        g.add((e, OWL.sameAs, WD[wd]))
    return e


def _fact(g: Graph, n: int, s, prop: str, o, evidence, *, inferred=False, asserted=True):
    """Assert (optionally) and reify s-prop-o with evidence [(sentence, doc, conf, status)]."""
    if asserted:
        g.add((s, KG[prop], o))
    fact = FACT[f"f{n}"]
    g.add((fact, RDF.type, KG.InferredFact if inferred else KG.Fact))
    g.add((fact, RDF.subject, s))
    g.add((fact, RDF.predicate, KG[prop]))
    g.add((fact, RDF.object, o))
    if inferred:  # as kg.inference writes it
        g.add((fact, KG.status, KG.Inferred))
        g.add((fact, KG.rule, Literal(INFERRED_RULE)))
    for i, (sentence, doc, confidence, status) in enumerate(evidence):
        ev = EV[f"e{n}-{i}"]
        g.add((fact, KG.evidence, ev))
        g.add((ev, RDF.type, KG.Evidence))
        g.add((ev, KG.sentence, Literal(sentence)))
        g.add((ev, PROV.wasDerivedFrom, doc))
        g.add((ev, KG.startOffset, Literal(0)))
        g.add((ev, KG.endOffset, Literal(len(sentence))))
        g.add((ev, KG.confidence, Literal(str(confidence), datatype=XSD.decimal)))
        g.add((ev, KG.status, KG[status]))
        g.add((ev, KG.rule, Literal("test:rule")))


def sample_graph() -> Graph:
    """Meta, MSL, Muse Spark, Alexandr Wang, an XSS-named product and a lone company.

    Facts: Muse Spark developedBy MSL (1 sentence); MSL partOf Meta (2 sentences, 2 docs);
    Alexandr Wang leads MSL; XSS product developedBy Meta; Muse Spark developedBy Meta as a
    kg:InferredFact; Meta acquired Wang only hedged (reified, not asserted).
    """
    g = Graph()
    bind_prefixes(g)
    meta = _entity(g, META, "Company", "Meta", "Meta Platforms", "Facebook", wd="Q380")
    msl = _entity(g, MSL, "Organization", "Meta Superintelligence Labs", "MSL")
    muse = _entity(g, MUSE, "AIModel", "Muse Spark", "Muse Spark model")
    wang = _entity(g, WANG, "Person", "Alexandr Wang", wd="Q60805036")
    xss = _entity(g, XSS, "Product", XSS_LABEL, XSS_ALIAS)
    _entity(g, LONER, "Company", "Lonely Corp")

    d1, d2 = DOC["d1"], DOC["d2"]
    for doc, title, source in (
        (d1, "Meta unveils Muse Spark", "examples/articles/a.txt"),
        (d2, "<b>MSL</b> & friends", "examples/articles/b.txt"),
    ):
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, DCTERMS.title, Literal(title)))
        g.add((doc, KG.sourcePath, Literal(source)))
    g.add((KG.Asserted, RDF.type, KG.Status))
    g.add((KG.Hedged, RDF.type, KG.Status))

    _fact(
        g,
        1,
        muse,
        "developedBy",
        msl,
        [("Meta Superintelligence Labs built Muse Spark.", d1, 0.9, "Asserted")],
    )
    _fact(
        g,
        2,
        msl,
        "partOf",
        meta,
        [
            ("MSL, a unit of Meta, hired researchers.", d1, 0.8, "Asserted"),
            ("MSL is part of Meta.", d2, 0.7, "Asserted"),
        ],
    )
    _fact(g, 3, wang, "leads", msl, [("Alexandr Wang leads MSL.", d1, 0.85, "Asserted")])
    _fact(g, 4, xss, "developedBy", meta, [(XSS_SENTENCE, d2, 0.6, "Asserted")])
    _fact(g, 5, muse, "developedBy", meta, [], inferred=True)
    _fact(
        g,
        6,
        meta,
        "acquired",
        wang,
        [("Meta plans to hire Wang.", d1, 0.5, "Hedged")],
        asserted=False,
    )
    return g


def sample_dataset() -> Dataset:
    """The sample in named graphs: everything in doc:d1, plus two triples in the inferred graph:
    one found nowhere else (Wang worksFor Meta) and one also stated in doc:d1 (MSL partOf Meta).
    """
    ds = Dataset()
    doc_graph = ds.graph(DOC["d1"])
    for triple in sample_graph():
        doc_graph.add(triple)
    inferred = ds.graph(INFERRED_GRAPH)
    inferred.add((URIRef(WANG), KG.worksFor, URIRef(META)))
    inferred.add((URIRef(MSL), KG.partOf, URIRef(META)))
    return ds
