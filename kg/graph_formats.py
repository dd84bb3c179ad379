"""Exports for graph tools, not RDF tools: GraphML, GEXF (through networkx), a CSV of facts.

Nodes are entities (label, class, aliases, Wikidata ID, plus one attribute per literal property
the entity has: ``releasedOn``, ``amount`` ...); edges are facts (property, whether inferred,
how many sources, best confidence, first evidence sentence). Lists become "; "-joined strings
because GraphML and GEXF attributes are scalars. The CSV has one row per fact, literal facts
included (their value in ``object``, its xsd datatype in ``datatype``).
"""

from __future__ import annotations

import csv
import io

import networkx as nx

from kg.store import Store


def _rich_graph(store: Store) -> nx.MultiDiGraph:
    from kg.api import KnowledgeGraph
    from kg.netgraph import to_networkx

    return to_networkx(KnowledgeGraph(store).rdf)


def flat_graph(store: Store, rich: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The entity graph with scalar attributes only, as GraphML/GEXF require."""
    rich = rich if rich is not None else _rich_graph(store)
    flat = nx.MultiDiGraph()
    for node, data in rich.nodes(data=True):
        flat.add_node(node, label=data.get("label", ""), type=data.get("type", ""),
                      aliases="; ".join(data.get("aliases", [])),
                      wikidata=data.get("wikidata") or "", **_literal_attributes(data))
    for u, v, key, data in rich.edges(keys=True, data=True):
        evidence = data.get("evidence", [])
        flat.add_edge(
            u, v, key=key, property=data.get("property", key), label=data.get("label", key),
            inferred=bool(data.get("inferred", False)), sources=len(evidence),
            confidence=max((float(e.get("confidence") or 0) for e in evidence), default=0.0),
            sentence=evidence[0].get("sentence", "") if evidence else "",
        )
    return flat


_RESERVED = {"label", "type", "aliases", "wikidata"}


def _literal_attributes(data: dict) -> dict[str, str]:
    """Literal facts as node attributes: property -> "; "-joined values ("fast; reasoning")."""
    values: dict[str, list[str]] = {}
    for literal in data.get("literals", []):
        name = literal["property"]
        values.setdefault(f"kg_{name}" if name in _RESERVED else name, []).append(literal["value"])
    return {name: "; ".join(found) for name, found in values.items()}


def _literal_rows(rich: nx.MultiDiGraph) -> list[list]:
    rows = []
    for node, data in rich.nodes(data=True):
        for literal in data.get("literals", []):
            evidence = literal["evidence"]
            rows.append([node, data.get("label", ""), literal["property"], literal["value"],
                         literal["value"], "false", len(evidence),
                         max((float(e.get("confidence") or 0) for e in evidence), default=0.0),
                         evidence[0].get("sentence", "") if evidence else "",
                         f"xsd:{literal['datatype']}"])
    return rows


def graphml(store: Store) -> bytes:
    return "\n".join(nx.generate_graphml(flat_graph(store))).encode("utf-8")


def gexf(store: Store) -> bytes:
    return "\n".join(nx.generate_gexf(flat_graph(store))).encode("utf-8")


def facts_csv(store: Store) -> bytes:
    """One row per fact: what a spreadsheet user wants. A relation's object is an entity IRI
    (``datatype`` empty); a literal fact's object is its value (``datatype`` ``xsd:...``)."""
    rich = _rich_graph(store)
    graph = flat_graph(store, rich)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["subject", "subject_label", "property", "object", "object_label",
                     "inferred", "sources", "confidence", "sentence", "datatype"])
    rows = [[u, graph.nodes[u]["label"], data["property"], v, graph.nodes[v]["label"],
             str(data["inferred"]).lower(), data["sources"], data["confidence"],
             data["sentence"], ""] for u, v, data in graph.edges(data=True)]
    rows += _literal_rows(rich)
    for row in sorted(rows, key=lambda r: (r[0], r[2], str(r[3]))):
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")
