"""Exports for graph tools, not RDF tools: GraphML, GEXF (through networkx), a CSV of facts.

Nodes are entities (label, class, aliases, Wikidata ID); edges are facts (property, whether
inferred, how many sources, best confidence, first evidence sentence). Lists become "; "-joined
strings because GraphML and GEXF attributes are scalars.
"""

from __future__ import annotations

import csv
import io

import networkx as nx

from kg.store import Store


def flat_graph(store: Store) -> nx.MultiDiGraph:
    """The entity graph with scalar attributes only, as GraphML/GEXF require."""
    from kg.api import KnowledgeGraph
    from kg.netgraph import to_networkx

    rich = to_networkx(KnowledgeGraph(store).rdf)
    flat = nx.MultiDiGraph()
    for node, data in rich.nodes(data=True):
        flat.add_node(node, label=data.get("label", ""), type=data.get("type", ""),
                      aliases="; ".join(data.get("aliases", [])),
                      wikidata=data.get("wikidata") or "")
    for u, v, key, data in rich.edges(keys=True, data=True):
        evidence = data.get("evidence", [])
        flat.add_edge(
            u, v, key=key, property=data.get("property", key), label=data.get("label", key),
            inferred=bool(data.get("inferred", False)), sources=len(evidence),
            confidence=max((float(e.get("confidence") or 0) for e in evidence), default=0.0),
            sentence=evidence[0].get("sentence", "") if evidence else "",
        )
    return flat


def graphml(store: Store) -> bytes:
    return "\n".join(nx.generate_graphml(flat_graph(store))).encode("utf-8")


def gexf(store: Store) -> bytes:
    return "\n".join(nx.generate_gexf(flat_graph(store))).encode("utf-8")


def facts_csv(store: Store) -> bytes:
    """One row per fact and source sentence: what a spreadsheet user wants."""
    graph = flat_graph(store)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["subject", "subject_label", "property", "object", "object_label",
                     "inferred", "sources", "confidence", "sentence"])
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[2]["property"], e[1])):
        writer.writerow([u, graph.nodes[u]["label"], data["property"], v, graph.nodes[v]["label"],
                         str(data["inferred"]).lower(), data["sources"], data["confidence"],
                         data["sentence"]])
    return buffer.getvalue().encode("utf-8")
