"""Facts the ontology entails: inverses, symmetric pairs, super-properties, transitivity.

``infer(graph)`` computes the OWL 2 RL closure (owlrl) of the graph's entity-to-entity
``kg:`` triples together with the ontology, and returns only what is new: each entailed
triple between two entities, plus its reification as a ``kg:InferredFact`` with
``kg:status kg:Inferred`` and a ``kg:rule`` naming the axiom behind it. Types, schema.org
equivalents, triples about documents or evidence and anything already in the graph are left
out. In TriG and N-Quads the result belongs in the named graph ``INFERRED_GRAPH``.
"""

from __future__ import annotations

from hashlib import sha1

from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import ENT, FACT, KG, bind_prefixes
from kg.ontology import is_kg_term, load_ontology, local_name, properties

INFERRED_GRAPH = URIRef("https://w3id.org/kg-news/graph/inferred")
"""The named graph that holds inferred triples in TriG / N-Quads output."""

_ENTITY_ROOTS = ("Organization", "Person", "Product", "Place", "CodeName")

Triple = tuple[Node, Node, Node]


def fact_iri(subject: Node, predicate: Node, obj: Node) -> URIRef:
    """The IRI of the reified fact for one triple: a hash of subject, predicate and object."""
    digest = sha1(f"{subject}|{predicate}|{obj}".encode()).hexdigest()[:16]
    return FACT[digest]


def _entity_classes(ontology: Graph) -> set[Node]:
    """The entity classes and all their subclasses."""
    found: set[Node] = {KG[name] for name in _ENTITY_ROOTS}
    frontier = list(found)
    while frontier:
        cls = frontier.pop()
        for sub in ontology.subjects(RDFS.subClassOf, cls):
            if sub not in found:
                found.add(sub)
                frontier.append(sub)
    return found


_AXIOMS = (RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty, OWL.propertyChainAxiom)
_PROPERTY_TYPES = (
    OWL.ObjectProperty,
    OWL.SymmetricProperty,
    OWL.TransitiveProperty,
    OWL.FunctionalProperty,
    OWL.InverseFunctionalProperty,
)


def _property_axioms(ontology: Graph) -> Graph:
    """The part of the ontology that can entail relations between entities.

    Under OWL 2 RL only property axioms (sub-property, inverse, equivalent, symmetric,
    transitive, chains, functional) derive new entity-to-entity triples; class axioms,
    domains and ranges only add types, which `infer` drops. Leaving them out keeps the
    closure several times smaller. Axioms that point outside kg: (schema.org matches) are
    left out for the same reason.
    """
    out = Graph()
    for s, p, o in ontology:
        if not is_kg_term(s):
            continue
        axiom = p in _AXIOMS and (is_kg_term(o) or p == OWL.propertyChainAxiom)
        if axiom or (p == RDF.type and o in _PROPERTY_TYPES):
            out.add((s, p, o))
    for chain in ontology.objects(None, OWL.propertyChainAxiom):  # keep the RDF lists
        node = chain
        while node is not None and node != RDF.nil:
            for triple in ontology.triples((node, None, None)):
                out.add(triple)
            node = ontology.value(node, RDF.rest)
    return out


def _union(graph: Graph) -> Graph:
    """Every stated triple: a Dataset's named graphs merged, minus an earlier INFERRED_GRAPH.

    Leaving the earlier inferences out means re-running on a store that already holds them
    returns the full inferred set again, so replacing that named graph never loses triples.
    """
    if isinstance(graph, Dataset):
        union = Graph()
        for s, p, o, context in graph.quads((None, None, None, None)):
            if getattr(context, "identifier", context) != INFERRED_GRAPH:
                union.add((s, p, o))
        return union
    return graph


def _entities(graph: Graph, ontology: Graph) -> set[Node]:
    """IRIs under ``ent:``, and any IRI typed with an entity class."""
    found: set[Node] = set()
    for cls in _entity_classes(ontology):
        found.update(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))
    for s in set(graph.subjects()) | set(graph.objects()):
        if isinstance(s, URIRef) and str(s).startswith(str(ENT)):
            found.add(s)
    return found


def _relation_properties() -> dict[URIRef, dict]:
    """Object properties between entities (provenance properties excluded)."""
    out: dict[URIRef, dict] = {}
    for name, info in properties().items():
        if info["kind"] == "object" and name not in ("evidence", "status"):
            out[KG[name]] = info
    return out


def _explain(triple: Triple, premises: Graph, closure: Graph, props: dict[URIRef, dict]) -> str:
    """Which axiom entails `triple`: from stated premises if one rule suffices, else the closure."""
    return _explain_in(triple, premises, props) or _explain_in(triple, closure, props) or "OWL 2 RL"


def _explain_in(triple: Triple, closure: Graph, props: dict[URIRef, dict]) -> str | None:
    s, p, o = triple
    info = props.get(p, {})  # type: ignore[call-overload]
    inverse = info.get("inverse")
    if inverse and (o, KG[inverse], s) in closure:
        return f"owl:inverseOf kg:{inverse}"
    if info.get("symmetric") and (o, p, s) in closure:
        return "owl:SymmetricProperty"
    name = local_name(p)  # type: ignore[arg-type]
    for sub, sub_info in props.items():
        if name in sub_info["super_properties"] and (s, sub, o) in closure:
            return f"rdfs:subPropertyOf kg:{local_name(sub)}"
    if info.get("transitive"):
        for middle in closure.objects(s, p):
            if (middle, p, o) in closure:
                return "owl:TransitiveProperty"
    return None


def infer(graph: Graph) -> Graph:
    """The triples the ontology entails between entities of `graph` that it does not hold yet.

    Returns a new graph with each entailed triple and its ``kg:InferredFact`` reification;
    `graph` itself is not changed. A Dataset is read as the union of its named graphs.
    """
    from owlrl import DeductiveClosure, OWLRL_Semantics

    data = _union(graph)
    ontology = load_ontology()
    props = _relation_properties()
    entities = _entities(data, ontology)

    # Reason over entity-to-entity relations only: provenance, literals and owl:sameAs links to
    # Wikidata would only slow the closure down or merge entities behind the extractor's back.
    closure = Graph()
    for triple in _property_axioms(ontology):
        closure.add(triple)
    premises = Graph()
    for s, p, o in data:
        if p in props and s in entities and o in entities:
            premises.add((s, p, o))
    for triple in premises:
        closure.add(triple)
    DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(
        closure
    )

    new: list[Triple] = sorted(
        (s, p, o)
        for s, p, o in closure
        if p in props
        and is_kg_term(p)
        and s in entities
        and o in entities
        and s != o
        and (s, p, o) not in data
    )

    out = bind_prefixes(Graph())
    for s, p, o in new:
        out.add((s, p, o))
        fact = fact_iri(s, p, o)
        out.add((fact, RDF.type, KG.InferredFact))
        out.add((fact, RDF.subject, s))
        out.add((fact, RDF.predicate, p))
        out.add((fact, RDF.object, o))
        out.add((fact, KG.status, KG.Inferred))
        out.add((fact, KG.rule, Literal(_explain((s, p, o), premises, closure, props))))
    return out
