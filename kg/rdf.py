"""Stage 5: RDF. Entities and facts become triples under our ontology, with provenance.

Each document yields its own graph (its entities, facts, evidence and its description), which
the store keeps as a named graph: re-reading a changed document swaps exactly that graph.
The shape is documented in docs/rdf-model.md; reification is used for provenance because every
RDF 1.1 parser reads it and SPARQL 1.1 queries it straight from a Turtle file.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg import __version__
from kg.model import Document, Entity, Extraction, Fact
from kg.namespaces import AGENT, DOC, ENT, EV, FACT, KG, SCHEMA, WD, bind_prefixes

EXTRACTOR = AGENT[f"kg-{__version__}"]
_SAFE = "-.~"
STATUS = {"asserted": KG.Asserted, "hedged": KG.Hedged, "past": KG.Past}


def entity_iri(label: str) -> URIRef:
    """A readable, stable IRI that never collides for different names.

    NFC-normalised, whitespace runs become "_", every other character outside
    [A-Za-z0-9.~-] is percent-encoded (so a literal "_" is "%5F" and cannot meet a space).
    """
    name = " ".join(unicodedata.normalize("NFC", label).split())
    # quote() never encodes "_", so it is done here: "a_b" and "a b" must not meet
    encoded = "_".join(quote(part, safe=_SAFE).replace("_", "%5F") for part in name.split(" "))
    encoded = encoded.replace(".", "%2E") if set(encoded) <= {"."} else encoded
    return ENT[encoded or "%20"]


def document_iri(document: Document) -> URIRef:
    return DOC[document.id]


def fact_iri(subject: URIRef, predicate: URIRef, obj: URIRef | Literal) -> URIRef:
    """One IRI per distinct triple; a literal counts with its datatype ("2025"^^xsd:gYear)."""
    shown = obj.n3() if isinstance(obj, Literal) else obj
    digest = hashlib.sha1(f"{subject}|{predicate}|{shown}".encode()).hexdigest()[:16]
    return FACT[digest]


def fact_object(fact: Fact) -> URIRef | Literal:
    """The object of a fact: an entity IRI, or a typed literal for a literal fact.

    An xsd:string value is written as a plain literal (the same RDF 1.1 term), so that a
    query for "text" matches it in every store.
    """
    if fact.datatype is None:
        return entity_iri(fact.object)
    if fact.datatype == "string":
        return Literal(fact.object)
    return Literal(fact.object, datatype=XSD[fact.datatype])


def evidence_iri(fact: URIRef, doc_id: str, start: int) -> URIRef:
    digest = hashlib.sha1(f"{fact}|{doc_id}|{start}".encode()).hexdigest()[:16]
    return EV[digest]


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 4))), datatype=XSD.decimal)


def describe_entity(graph: Graph, entity: Entity) -> URIRef:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, KG[entity.type]))
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in sorted(entity.aliases):
        graph.add((node, SKOS.altLabel, Literal(alias)))
    if entity.wikidata:
        graph.add((node, OWL.sameAs, WD[entity.wikidata]))
    return node


def describe_document(graph: Graph, document: Document) -> URIRef:
    node = document_iri(document)
    graph.add((node, RDF.type, KG.Document))
    graph.add((node, DCTERMS.title, Literal(document.title)))
    graph.add((node, KG.sourcePath, Literal(document.source)))
    graph.add((node, KG.contentHash, Literal(document.content_hash)))
    read_at = document.read_at.isoformat().replace("+00:00", "Z")  # canonical, as Oxigraph keeps it
    graph.add((node, KG.readAt, Literal(read_at, datatype=XSD.dateTime)))
    graph.add((node, DCTERMS["format"], Literal(document.media_type)))
    graph.add((EXTRACTOR, RDF.type, PROV.SoftwareAgent))
    graph.add((EXTRACTOR, RDFS.label, Literal("kg rule-based extractor")))
    graph.add((EXTRACTOR, SCHEMA.softwareVersion, Literal(__version__)))
    return node


def add_fact(graph: Graph, fact: Fact, doc_id: str, provenance: bool) -> None:
    """The fact as seen by one document: asserted directly unless that document only hedges.

    A literal fact is written the same way, its value as a typed literal (docs/rdf-model.md).
    """
    s, p, o = entity_iri(fact.subject), KG[fact.predicate], fact_object(fact)
    own = [ev for ev in fact.evidence if ev.doc_id == doc_id]
    if any(ev.status == "asserted" for ev in own):
        graph.add((s, p, o))
    if not provenance:
        return
    node = fact_iri(s, p, o)
    graph.add((node, RDF.type, KG.Fact))
    graph.add((node, RDF.subject, s))
    graph.add((node, RDF.predicate, p))
    graph.add((node, RDF.object, o))
    for ev in own:
        ev_node = evidence_iri(node, ev.doc_id, ev.start)
        graph.add((node, KG.evidence, ev_node))
        graph.add((ev_node, RDF.type, KG.Evidence))
        graph.add((ev_node, PROV.wasDerivedFrom, DOC[ev.doc_id]))
        graph.add((ev_node, KG.sentence, Literal(ev.sentence)))
        graph.add((ev_node, KG.startOffset, Literal(ev.start, datatype=XSD.integer)))
        graph.add((ev_node, KG.endOffset, Literal(ev.end, datatype=XSD.integer)))
        graph.add((ev_node, KG.confidence, _decimal(ev.confidence)))
        graph.add((ev_node, KG.status, STATUS.get(ev.status, KG.Hedged)))
        graph.add((ev_node, KG.rule, Literal(ev.rule)))
        graph.add((ev_node, PROV.wasAttributedTo, EXTRACTOR))


def document_graphs(extraction: Extraction, provenance: bool = True) -> Iterator[
    tuple[URIRef, Graph]
]:
    """One graph per document: what that document says, and where it says it."""
    facts_by_doc: dict[str, list[Fact]] = defaultdict(list)
    for fact in extraction.facts:
        for doc_id in dict.fromkeys(ev.doc_id for ev in fact.evidence):
            facts_by_doc[doc_id].append(fact)
    entities_by_doc: dict[str, set[str]] = defaultdict(set)
    for entity in extraction.entities.values():
        for mention in entity.mentions:
            entities_by_doc[mention.doc_id].add(entity.key)
    for document in extraction.documents:
        graph = bind_prefixes(Graph())
        if provenance:
            describe_document(graph, document)
        keys = set(entities_by_doc[document.id])
        for fact in facts_by_doc[document.id]:
            keys.update((fact.subject,) if fact.datatype else (fact.subject, fact.object))
            add_fact(graph, fact, document.id, provenance)
        for key in sorted(keys):
            describe_entity(graph, extraction.entities[key])
        yield document_iri(document), graph
