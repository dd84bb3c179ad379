"""The entity graph as networkx: the form the view and the analytics commands work on.

`to_networkx` turns an RDF graph in our model (docs/rdf-model.md) into a `nx.MultiDiGraph`
whose nodes are entities and whose edges are the `kg:` facts between them, each edge carrying
its evidence (sentence, document, confidence, status) from the reified `kg:Fact`. The helpers
below (`find_node`, `neighbourhood`, `shortest_path`, `centrality`) serve `kg viz`, `kg path`,
`kg neighbors` and `kg stats`.

Node attributes: ``label``, ``type`` (most specific ``kg:`` class, local name), ``aliases``
(sorted list), ``wikidata`` ("Q42" or None), ``iri``, ``literals`` (the entity's asserted literal
facts, e.g. ``kg:releasedOn``: list of dicts with ``property``, ``label``, ``value`` (lexical
form), ``datatype`` (xsd local name) and ``evidence``, sorted by property and value). A literal
fact is an attribute of its node, never a node itself; a sum of money is a node of its own
(``kg:Investment`` ...) linked to its parties and carrying its amount and currency.
Edge key: the property's local name. Edge attributes: ``property``, ``label``, ``inferred``,
``rule`` (why a ``kg:InferredFact`` holds, else None), ``evidence`` (list of dicts with
``sentence``, ``document``, ``title``, ``source``, ``confidence``, ``status``).
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
from rdflib import OWL, RDF, RDFS, SKOS, ConjunctiveGraph, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.namespaces import BASE, KG, PREFIXES, WD

INFERRED_GRAPH = URIRef(BASE + "graph/inferred")
"""Named graph that holds triples added by inference rather than read in a document."""

NON_ENTITY_CLASSES = frozenset({KG.Document, KG.Evidence, KG.Fact, KG.InferredFact, KG.Status})
"""``kg:`` classes whose instances are bookkeeping, not entities."""

_KG = str(KG)
_WD = str(WD)


# --------------------------------------------------------------------------- naming helpers


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``, percent-decoded (``_`` stays)."""
    tail = re.split(r"[#/]", str(iri).rstrip("/#"))[-1]
    return unquote(tail)


def label_from_iri(iri: str) -> str:
    """A readable label from an entity IRI: ``ent:Muse_Spark`` -> ``Muse Spark``.

    Our IRIs encode a literal ``_`` as ``%5F`` and a space as ``_``, so spaces are restored
    before percent-decoding.
    """
    tail = re.split(r"[#/]", str(iri).rstrip("/#"))[-1]
    return unquote(tail.replace("_", " ")) or str(iri)


def split_camel(name: str) -> str:
    """``developedBy`` -> ``developed by``; ``CEOOf`` -> ``CEO of``."""
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|\d|\b|$)|[A-Z]?[a-z]+|[A-Z]+|\d+", name)
    if not words:
        return name
    return " ".join(w if (len(w) > 1 and w.isupper()) else w.lower() for w in words)


def _best_literal(values: Iterable[Literal]) -> str | None:
    """Prefer English or untagged literals, then the lexically first, for stable output."""
    values = [v for v in values if isinstance(v, Literal)]
    if not values:
        return None
    values.sort(key=lambda v: (v.language not in (None, "en"), str(v)))
    return str(values[0])


# --------------------------------------------------------------------------- ontology (lazy)


@lru_cache(maxsize=1)
def _ontology_property_labels() -> dict[str, str]:
    """Property local name -> rdfs:label from ``kg.ontology.properties()`` when available.

    The ontology module is optional here: any failure to import or read it yields ``{}`` and
    labels fall back to the graph's own rdfs:label, then to the split camelCase name.
    """
    try:
        from kg import ontology  # noqa: PLC0415 (lazy: written separately, may be absent)

        props = ontology.properties()
    except Exception:  # noqa: BLE001 - any failure means "no ontology labels"
        return {}
    labels: dict[str, str] = {}
    try:
        items = props.items() if isinstance(props, dict) else ((None, p) for p in props)
        for key, value in items:
            name = key
            label = None
            if isinstance(value, str):
                label = value
            elif isinstance(value, dict):
                label = value.get("label")
                name = name or value.get("name") or value.get("iri")
            else:
                label = getattr(value, "label", None)
                name = (
                    name
                    or getattr(value, "name", None)
                    or getattr(value, "local_name", None)
                    or getattr(value, "iri", None)
                )
            if name and label:
                labels[local_name(str(name))] = str(label)
    except Exception:  # noqa: BLE001
        return {}
    return labels


@lru_cache(maxsize=1)
def _ontology_superclasses() -> dict[URIRef, frozenset[URIRef]]:
    """kg: class -> its kg: superclasses, from ``kg.ontology.classes()`` when available."""
    try:
        from kg import ontology  # noqa: PLC0415 (lazy, optional)

        table = ontology.classes()
        return {
            KG[name]: frozenset(KG[sup] for sup in info.get("superclasses", ()) if ":" not in sup)
            for name, info in table.items()
        }
    except Exception:  # noqa: BLE001 - no ontology: the graph's own rdfs:subClassOf only
        return {}


def property_label(prop: str, graph_labels: dict[str, str] | None = None) -> str:
    """Human label of a ``kg:`` property given by local name."""
    if graph_labels and prop in graph_labels:
        return graph_labels[prop]
    return _ontology_property_labels().get(prop) or split_camel(prop)


# --------------------------------------------------------------------------- conversion


def _quads(rdf: Graph) -> Iterator[tuple]:
    """(s, p, o, graph name or None) over the union of all graphs of `rdf`."""
    if isinstance(rdf, ConjunctiveGraph):  # Dataset is one too
        for s, p, o, c in rdf.quads((None, None, None, None)):
            yield s, p, o, getattr(c, "identifier", c)
    else:
        for s, p, o in rdf:
            yield s, p, o, None


# Predicates read by `to_networkx`, mapped to a small code for a fast dispatch (comparing
# rdflib terms with == runs Python code; a dict lookup by hash does not).
_TYPE, _LABEL, _ALT, _SAME, _SUB, _EVID, _RULE = range(7)
_PREDICATES: dict[URIRef, int] = {
    RDF.type: _TYPE,
    RDFS.label: _LABEL,
    SKOS.altLabel: _ALT,
    OWL.sameAs: _SAME,
    RDFS.subClassOf: _SUB,
    KG.evidence: _EVID,
    KG.rule: _RULE,
}
# Predicates that set one field of a record about their subject: a reified fact, an evidence
# or a document. Predicate -> (which record, field name, stored as plain text).
_FACT_RECORD, _EVIDENCE_RECORD, _DOCUMENT_RECORD = range(3)
_RECORD_FIELDS: dict[URIRef, tuple[int, str, bool]] = {
    RDF.subject: (_FACT_RECORD, "s", False),
    RDF.predicate: (_FACT_RECORD, "p", False),
    RDF.object: (_FACT_RECORD, "o", False),
    KG.sentence: (_EVIDENCE_RECORD, "sentence", True),
    KG.confidence: (_EVIDENCE_RECORD, "confidence", False),
    KG.status: (_EVIDENCE_RECORD, "status", False),
    PROV.wasDerivedFrom: (_EVIDENCE_RECORD, "document", False),
    DCTERMS.title: (_DOCUMENT_RECORD, "title", True),
    KG.sourcePath: (_DOCUMENT_RECORD, "source", True),
}
# kg: properties that describe evidence and documents, never a relation between entities.
_NOT_RELATIONS = frozenset(
    {
        KG.evidence,
        KG.sentence,
        KG.confidence,
        KG.status,
        KG.sourcePath,
        KG.contentHash,
        KG.readAt,
        KG.rule,
        KG.startOffset,
        KG.endOffset,
    }
)


def _most_specific(types: set[URIRef], parents: dict[URIRef, set[URIRef]], size: Counter) -> str:
    """Drop every type that is an ancestor of another; break ties by fewest instances."""

    def ancestors(c: URIRef) -> set[URIRef]:
        seen: set[URIRef] = set()
        stack = list(parents.get(c, ()))
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.add(x)
                stack.extend(parents.get(x, ()))
        return seen

    candidates = set(types)
    for t in types:
        candidates -= ancestors(t)
    if not candidates:
        candidates = set(types)
    # With materialised inference every Company is also an Organization: the more specific
    # class has fewer members, which decides when no rdfs:subClassOf is at hand.
    best = min(candidates, key=lambda c: (size[c], str(c)))
    return local_name(best)


def to_networkx(rdf: Graph) -> nx.MultiDiGraph:
    """Build the entity graph of an RDF graph in our model.

    `rdf` may be a ``Graph``, a ``ConjunctiveGraph`` or a ``Dataset``: named graphs are read as
    one union, and a triple found only in the named graph ``INFERRED_GRAPH`` is marked
    inferred, as is one reified by a ``kg:InferredFact``.
    Nodes are keyed by IRI string and added in sorted order, so results are deterministic.
    """
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    labels: dict[URIRef, list] = defaultdict(list)
    alts: dict[URIRef, set[str]] = defaultdict(set)
    same_as: dict[URIRef, set[str]] = defaultdict(set)
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    reif: dict[URIRef, dict] = defaultdict(dict)  # fact -> {"s", "p", "o"}
    fact_evidence: dict[URIRef, list[URIRef]] = defaultdict(list)
    ev_props: dict[URIRef, dict] = defaultdict(dict)
    doc_props: dict[URIRef, dict] = defaultdict(dict)
    kg_edges: dict[tuple, set] = {}  # (s, p, o) -> graph names
    kg_literals: set[tuple] = set()  # (s, p, literal): literal facts, shown as node attributes
    rules: dict[URIRef, str] = {}  # kg:rule of facts (why inferred) and of evidence
    codes = _PREDICATES
    fields = _RECORD_FIELDS
    records = (reif, ev_props, doc_props)  # indexed by _FACT_RECORD, _EVIDENCE_RECORD, ...
    not_relations = _NOT_RELATIONS

    for s, p, o, g in _quads(rdf):
        code = codes.get(p)
        if code is None:
            field = fields.get(p)
            if field is not None:
                record, name, as_text = field
                records[record][s][name] = str(o) if as_text else o
            elif isinstance(o, URIRef) and p.startswith(_KG) and p not in not_relations:
                kg_edges.setdefault((s, p, o), set()).add(g)
            elif isinstance(o, Literal) and p.startswith(_KG) and p not in not_relations:
                kg_literals.add((s, p, o))
        elif code == _TYPE:
            if isinstance(o, URIRef) and o.startswith(_KG):
                types[s].add(o)
        elif code == _LABEL:
            labels[s].append(o)
        elif code == _ALT:
            alts[s].add(str(o))
        elif code == _SAME:
            if o.startswith(_WD):
                same_as[s].add(str(o)[len(_WD) :])
        elif code == _SUB:
            parents[s].add(o)
        elif code == _EVID:
            fact_evidence[s].append(o)
        elif code == _RULE:
            rules[s] = str(o)

    for cls, supers in _ontology_superclasses().items():
        parents[cls] |= supers
    entities = {
        s: {t for t in ts if t not in NON_ENTITY_CLASSES}
        for s, ts in types.items()
        if isinstance(s, URIRef) and not (ts & NON_ENTITY_CLASSES)
    }
    entities = {s: ts for s, ts in entities.items() if ts}
    class_size: Counter = Counter(t for ts in entities.values() for t in ts)

    # Property labels stated in the graph itself (when the ontology was merged in).
    graph_prop_labels: dict[str, str] = {}
    for s, ls in labels.items():
        if str(s).startswith(_KG):
            best = _best_literal(ls)
            if best:
                graph_prop_labels[local_name(s)] = best

    G = nx.MultiDiGraph()
    for s in sorted(entities, key=str):
        G.add_node(
            str(s),
            label=_best_literal(labels.get(s, ())) or label_from_iri(s),
            type=_most_specific(entities[s], parents, class_size),
            aliases=sorted(alts.get(s, ())),
            wikidata=min(same_as[s]) if same_as.get(s) else None,
            iri=str(s),
            literals=[],
        )

    # Index reified facts by the statement they describe.
    facts_by_triple: dict[tuple, list[URIRef]] = defaultdict(list)
    inferred_facts: dict[tuple, str | None] = {}  # statement -> the rule that inferred it
    for f, spo in reif.items():
        if len(spo) != 3:
            continue
        key = (spo["s"], spo["p"], spo["o"])
        facts_by_triple[key].append(f)
        if KG.InferredFact in types.get(f, ()):
            inferred_facts[key] = inferred_facts.get(key) or rules.get(f)

    def evidence_of(key: tuple) -> list[dict]:
        out = []
        for f in facts_by_triple.get(key, ()):
            for ev in fact_evidence.get(f, ()):
                props = ev_props.get(ev, {})
                doc = props.get("document")
                dprops = doc_props.get(doc, {}) if doc is not None else {}
                conf = props.get("confidence")
                try:
                    confidence = float(conf) if conf is not None else None
                except (TypeError, ValueError):
                    confidence = None
                status = props.get("status")
                out.append(
                    {
                        "sentence": props.get("sentence", ""),
                        "document": str(doc) if doc is not None else None,
                        "title": dprops.get("title"),
                        "source": dprops.get("source"),
                        "confidence": confidence,
                        "status": local_name(status).lower() if status is not None else None,
                    }
                )
        out.sort(key=lambda e: (-(e["confidence"] or 0.0), e["document"] or "", e["sentence"]))
        return out

    for s, p, o in sorted(kg_literals, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if s in entities:
            prop = local_name(p)
            G.nodes[str(s)]["literals"].append({
                "property": prop,
                "label": property_label(prop, graph_prop_labels),
                "value": str(o),
                "datatype": local_name(o.datatype) if o.datatype else "string",
                "evidence": evidence_of((s, p, o)),
            })

    for s, p, o in sorted(kg_edges, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if s not in entities or o not in entities:
            continue
        prop = local_name(p)
        graphs = kg_edges[(s, p, o)]
        only_inferred = graphs == {INFERRED_GRAPH}
        G.add_edge(
            str(s),
            str(o),
            key=prop,
            property=prop,
            label=property_label(prop, graph_prop_labels),
            inferred=only_inferred or (s, p, o) in inferred_facts,
            rule=inferred_facts.get((s, p, o)),
            evidence=evidence_of((s, p, o)),
        )
    return G


# --------------------------------------------------------------------------- queries


def find_node(G: nx.MultiDiGraph, text: str) -> str | None:
    """The node named by `text`: an IRI, a prefixed name (``ent:Meta``), a label or an alias.

    Matching of labels and aliases ignores case. A label match wins over an alias match; among
    equals the best-connected node wins, then the smallest IRI. Returns None when nothing
    matches.
    """
    text = text.strip()
    if not text:
        return None
    if text in G:
        return text
    prefix, sep, rest = text.partition(":")
    if sep and prefix in PREFIXES and not rest.startswith("//"):
        expanded = str(PREFIXES[prefix]) + rest
        if expanded in G:
            return expanded
    folded = text.casefold()
    by_label = [n for n, d in G.nodes(data=True) if str(d.get("label", "")).casefold() == folded]
    if not by_label:
        by_label = [
            n
            for n, d in G.nodes(data=True)
            if any(a.casefold() == folded for a in d.get("aliases", ()))
        ]
    if not by_label:
        return None
    return min(by_label, key=lambda n: (-G.degree(n), n))


def neighbourhood(G: nx.MultiDiGraph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """The subgraph of every node within `depth` hops of `node`, ignoring edge direction.

    Returns an independent copy with every edge among those nodes. Raises
    ``networkx.NodeNotFound`` when `node` is not in `G`.
    """
    if node not in G:
        raise nx.NodeNotFound(f"{node} is not in the graph")
    seen = {node}
    frontier = {node}
    for _ in range(max(depth, 0)):
        nxt: set[str] = set()
        for n in frontier:
            nxt.update(G.successors(n))
            nxt.update(G.predecessors(n))
        frontier = nxt - seen
        if not frontier:
            break
        seen |= frontier
    return G.subgraph(seen).copy()


EdgeRef = tuple[str, str, str]
"""An edge as ``(source, target, key)``."""


def shortest_path(G: nx.MultiDiGraph, a: str, b: str) -> tuple[list[str], list[EdgeRef]]:
    """The shortest connection between `a` and `b`, edges taken in either direction.

    Returns ``(nodes, edges)``: the nodes from `a` to `b`, and for each step one edge as
    ``(u, v, key)`` in its stored direction (asserted edges preferred over inferred ones).
    Raises ``networkx.NodeNotFound`` or ``networkx.NetworkXNoPath``.
    """
    for n in (a, b):
        if n not in G:
            raise nx.NodeNotFound(f"{n} is not in the graph")
    nodes = nx.shortest_path(G.to_undirected(as_view=True), a, b)
    return nodes, path_edges(G, nodes)


def path_edges(G: nx.MultiDiGraph, nodes: list[str]) -> list[EdgeRef]:
    """For each step of a node path, one edge ``(u, v, key)`` joining the two nodes in its
    stored direction: asserted before inferred, then the step's own direction, then by key."""
    edges: list[EdgeRef] = []
    for x, y in zip(nodes, nodes[1:], strict=False):
        options = [(x, y, k, d) for k, d in G.get_edge_data(x, y, default={}).items()]
        options += [(y, x, k, d) for k, d in G.get_edge_data(y, x, default={}).items()]
        u, v, k, _ = min(options, key=lambda e: (bool(e[3].get("inferred")), e[0] != x, e[2]))
        edges.append((u, v, k))
    return edges


def shortest_paths(G: nx.MultiDiGraph, a: str, b: str, limit: int
                   ) -> Iterator[tuple[list[str], list[EdgeRef]]]:
    """Up to `limit` connections between `a` and `b`, shortest first (edges taken in either
    direction, no node twice): the shortest, then the next-shortest alternatives.

    Raises ``networkx.NodeNotFound``; yields nothing when the two are not connected.
    """
    for n in (a, b):
        if n not in G:
            raise nx.NodeNotFound(f"{n} is not in the graph")
    simple = nx.Graph(G.to_undirected(as_view=True))
    if not nx.has_path(simple, a, b):
        return
    for count, nodes in enumerate(nx.shortest_simple_paths(simple, a, b)):
        if count >= limit:
            return
        yield nodes, path_edges(G, nodes)


def centrality(G: nx.MultiDiGraph, alpha: float = 0.85, max_iter: int = 100) -> dict[str, float]:
    """PageRank of every node on the simple DiGraph projection of `G` (parallel edges merged).

    Same definition as ``networkx.pagerank`` (dangling nodes spread uniformly), computed with
    numpy so that it needs no scipy. Values sum to 1; an empty graph gives ``{}``.
    """
    import numpy as np

    nodes = list(G.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(index[u], index[v]) for u, v in G.edges() if u != v}
    src = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    dst = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    out_deg = np.bincount(src, minlength=n).astype(float)
    dangling = out_deg == 0
    weight = np.zeros(len(pairs))
    if len(pairs):
        weight = 1.0 / out_deg[src]
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        prev = x
        x = alpha * np.bincount(dst, weights=prev[src] * weight, minlength=n)
        x += (alpha * prev[dangling].sum() + (1.0 - alpha)) / n
        if np.abs(x - prev).sum() < n * 1.0e-6:
            break
    x /= x.sum()
    return {node: float(x[i]) for i, node in enumerate(nodes)}


# --------------------------------------------------------------------------- loading

RDF_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
"""File extension -> rdflib parser name."""

_QUAD_FORMATS = {"nquads", "trig", "json-ld"}


def load_rdf(path: str | os.PathLike) -> Graph:
    """Parse an RDF file, the format chosen by its extension (see `RDF_FORMATS`).

    Formats that can carry named graphs (N-Quads, TriG, JSON-LD) are read into a ``Dataset``
    so that graph names (the inferred graph among them) survive. Raises `InputError` naming
    the file when it is missing, of an unknown kind, or unparsable.
    """
    from kg.errors import InputError

    file = Path(path)
    fmt = RDF_FORMATS.get(file.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(RDF_FORMATS))
        raise InputError(f"{file}: unknown RDF file extension (expected one of {known})")
    if not file.is_file():
        raise InputError(f"{file}: no such file")
    graph: Graph = Dataset(default_union=True) if fmt in _QUAD_FORMATS else Graph()
    try:
        graph.parse(file, format=fmt)
    except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds; the user needs one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{file}: cannot parse as {fmt}: {first}") from exc
    return graph
