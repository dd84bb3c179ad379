"""RDF namespaces of the project, as first-class objects (the rdflib way).

Every IRI the pipeline mints lives under one base so that graphs built on different
machines, or on different days, agree on the names of the same things.
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Namespace
from rdflib.namespace import DCTERMS, PROV

BASE = "https://w3id.org/kg-news/"

KG = Namespace(BASE + "ontology#")
"""Our ontology: classes and properties (``kg:developedBy``, ``kg:AIModel`` ...)."""

ENT = Namespace(BASE + "entity/")
"""Entities found in the text (``ent:Muse_Spark``)."""

DOC = Namespace(BASE + "doc/")
"""Source documents; a document's IRI is also the name of its named graph."""

FACT = Namespace(BASE + "fact/")
"""Reified facts (``rdf:Statement``), one per distinct subject-predicate-object."""

EV = Namespace(BASE + "evidence/")
"""Evidence: one sentence of one document that states a fact."""

AGENT = Namespace(BASE + "agent/")
"""Software agents (the extractor and its version)."""

SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_IRI = BASE + "ontology"

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "ent": ENT,
    "doc": DOC,
    "fact": FACT,
    "ev": EV,
    "agent": AGENT,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "schema": SCHEMA,
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "wd": WD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes so every serialisation reads the same way."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """PREFIX lines for every common prefix, prepended to users' queries."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
