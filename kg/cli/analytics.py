"""`kg path`, `kg stats`, `kg neighbors`: questions about the shape of a graph, via networkx.

Every command reads TARGET as `kg query` does (a graph file in any RDF format, or an Oxigraph
store directory, opened read-only) and works on the entity graph of `kg.netgraph.to_networkx`:
entities as nodes, `kg:` facts as edges carrying their evidence sentences and source documents.
"""

from __future__ import annotations

import difflib
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli import app
from kg.errors import KgError

if TYPE_CHECKING:
    import networkx as nx

    from kg.store import Store

_TARGET_HELP = "A graph file (.ttl .nt .nq .trig .jsonld .rdf) or an Oxigraph store directory."
TargetArg = Annotated[Path, typer.Argument(help=_TARGET_HELP, show_default=False)]


# --------------------------------------------------------------------------- shared helpers


@contextmanager
def opened(target: Path) -> Iterator[tuple[Store, nx.MultiDiGraph]]:
    """The store behind TARGET (read-only, so a running build or server is not disturbed)
    and its entity graph."""
    from kg.netgraph import to_networkx
    from kg.store import open_store

    store = open_store(target, read_only=True)
    try:
        yield store, to_networkx(store.to_dataset())
    finally:
        store.close()


def resolve_entity(G: nx.MultiDiGraph, name: str, target: Path) -> str:
    """The node a user means by a label, alias or IRI (case-insensitive), or a one-line error
    that names close labels: a typo should cost one more try, not a SPARQL query."""
    from kg.netgraph import find_node

    node = find_node(G, name)
    if node is not None:
        return node
    close = close_labels(G, name)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise KgError(f"{target}: no entity named {name!r}{hint}")


def close_labels(G: nx.MultiDiGraph, name: str, n: int = 3) -> list[str]:
    """Up to `n` entity labels like `name`: those containing it first, then similar spellings."""
    by_folded: dict[str, str] = {}
    for _node, data in sorted(G.nodes(data=True), key=lambda item: -G.degree(item[0])):
        label = str(data.get("label", ""))
        for text in (label, *data.get("aliases", ())):
            by_folded.setdefault(text.casefold(), label)
    folded = " ".join(name.split()).casefold()
    found = [label for key, label in by_folded.items() if len(folded) >= 3 and folded in key]
    found += [by_folded[key] for key in difflib.get_close_matches(folded, by_folded, n=n,
                                                                   cutoff=0.6)]
    return list(dict.fromkeys(found))[:n]


def label(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node].get("label", node))


def _table(title: str, *columns: str, numeric: tuple[str, ...] = ()):
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, justify="right" if column in numeric else "left")
    return table


def _row(table, *cells: object) -> None:
    """Add cells as plain text: labels come from articles, never rich markup."""
    from rich.text import Text

    table.add_row(*(Text(str(cell)) for cell in cells))


def _console():
    from rich.console import Console

    console = Console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 200  # a pipe or a file has no width: do not wrap rows at 80
    return console


# --------------------------------------------------------------------------- kg path


@app.command("path", epilog="Example: kg path out/graph.ttl 'Alexandr Wang' 'Llama 4' --max 2")
def path_command(
    target: TargetArg,
    source: Annotated[str, typer.Argument(metavar="A", help="Entity label, alias or IRI.",
                                          show_default=False)],
    goal: Annotated[str, typer.Argument(metavar="B", help="Entity label, alias or IRI.",
                                        show_default=False)],
    max_paths: Annotated[int, typer.Option(
        "--max", min=1, help="Show up to N connections, shortest first.")] = 1,
    evidence: Annotated[int, typer.Option(
        "--evidence", min=0, help="Sentences shown per fact.")] = 3,
) -> None:
    """The shortest connection(s) between two entities, each fact with its evidence.

    Facts are followed in either direction; each hop prints as `A --property--> B` (or
    `A <--property-- B` when the fact points back), then the sentences that state it and their
    documents. Exit 1 when the two are not connected.
    """
    from kg.netgraph import shortest_paths

    with opened(target) as (_store, G):
        a, b = resolve_entity(G, source, target), resolve_entity(G, goal, target)
        if a == b:
            typer.echo(f"{label(G, a)} and {label(G, b)} are the same entity ({a})")
            return
        found = list(shortest_paths(G, a, b, max_paths))
        if not found:
            raise KgError(f"{target}: no connection between {label(G, a)!r} and "
                          f"{label(G, b)!r}", 1)
        for number, (nodes, edges) in enumerate(found, 1):
            if number > 1:
                typer.echo("")
            hops = len(edges)
            typer.echo(f"connection {number}: {label(G, a)} to {label(G, b)}, "
                       f"{hops} hop{'s' if hops != 1 else ''}")
            for here, edge in zip(nodes[:-1], edges, strict=True):
                for line in describe_hop(G, here, edge, evidence):
                    typer.echo(line)


def describe_hop(G: nx.MultiDiGraph, here: str, edge: tuple[str, str, str],
                 max_evidence: int) -> list[str]:
    """`here --p--> there` (or `here <--p-- there`), then the fact's evidence lines."""
    u, v, key = edge
    data = G.edges[u, v, key]
    if u == here:
        lines = [f"  {label(G, u)} --{key}--> {label(G, v)}"]
    else:
        lines = [f"  {label(G, v)} <--{key}-- {label(G, u)}"]
    items = data.get("evidence", [])
    for ev in items[:max_evidence]:
        where = ev.get("source") or ev.get("title") or ev.get("document") or "unknown document"
        status = f" ({ev['status']})" if ev.get("status") not in (None, "asserted") else ""
        lines.append(f"      \"{' '.join(ev.get('sentence', '').split())}\"{status}  [{where}]")
    if len(items) > max_evidence:
        lines.append(f"      ... and {len(items) - max_evidence} more sentence(s)")
    if data.get("inferred"):
        lines.append(f"      (inferred{': ' + data['rule'] if data.get('rule') else ''})")
    elif not items:
        lines.append("      (no evidence recorded)")
    return lines


# --------------------------------------------------------------------------- kg stats


@app.command("stats", epilog="Example: kg stats out/store --top 5")
def stats_command(
    target: TargetArg,
    top: Annotated[int, typer.Option("--top", min=1, help="Entities per ranking.")] = 10,
) -> None:
    """Counts by class and by property, the most central entities, connected components."""
    import networkx as nx

    from kg.netgraph import centrality

    with opened(target) as (store, G):
        documents, triples = store_counts(store)
    inferred = sum(1 for *_, d in G.edges(data=True) if d.get("inferred"))
    console = _console()
    console.print(f"{G.number_of_nodes()} entities, {G.number_of_edges()} facts "
                  f"({inferred} inferred), {documents} documents, {triples} triples")

    table = _table("entities by class", "class", "entities", numeric=("entities",))
    for name, count in class_counts(G).most_common():
        _row(table, name, count)
    console.print(table)

    table = _table("facts by property", "property", "facts", "inferred",
                   numeric=("facts", "inferred"))
    for name, (count, from_inference) in property_counts(G).items():
        _row(table, name, count, from_inference)
    console.print(table)

    table = _table(f"top {top} by PageRank", "entity", "class", "PageRank",
                   numeric=("PageRank",))
    ranks = centrality(G)
    for node in sorted(ranks, key=lambda n: (-ranks[n], label(G, n)))[:top]:
        _row(table, label(G, node), G.nodes[node]["type"], f"{ranks[node]:.4f}")
    console.print(table)

    table = _table(f"top {top} by degree", "entity", "class", "neighbours", "facts",
                   numeric=("neighbours", "facts"))
    for node, neighbours, facts in top_by_degree(G, top):
        _row(table, label(G, node), G.nodes[node]["type"], neighbours, facts)
    console.print(table)

    components = [len(c) for c in nx.weakly_connected_components(G)]
    table = _table(f"{len(components)} connected components", "entities", "components",
                   numeric=("entities", "components"))
    for size, count in sorted(Counter(components).items(), reverse=True):
        _row(table, size, count)
    console.print(table)


def store_counts(store: Store) -> tuple[int, int]:
    """(documents, distinct triples of the union), the same for graph files and stores."""
    from kg.namespaces import KG

    documents = store.query(f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a <{KG.Document}> }}")
    triples = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(documents.rows[0][0]), int(triples.rows[0][0])


def class_counts(G: nx.MultiDiGraph) -> Counter:
    """Entities by their most specific class: each entity counted once."""
    return Counter(str(data["type"]) for _, data in G.nodes(data=True))


def property_counts(G: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Property -> (facts, of which inferred), most frequent first."""
    facts: Counter = Counter()
    inferred: Counter = Counter()
    for *_, key, data in G.edges(keys=True, data=True):
        facts[key] += 1
        inferred[key] += bool(data.get("inferred"))
    return {key: (count, inferred[key]) for key, count in facts.most_common()}


def top_by_degree(G: nx.MultiDiGraph, top: int) -> list[tuple[str, int, int]]:
    """(node, distinct neighbouring entities, facts in and out), best connected first.

    Neighbours rank first because a fact and its inferred inverse join the same two entities.
    """
    rows = [(node, len(set(G.successors(node)) | set(G.predecessors(node)) - {node}),
             G.degree(node)) for node in G]
    rows.sort(key=lambda row: (-row[1], -row[2], label(G, row[0])))
    return rows[:top]


# --------------------------------------------------------------------------- kg neighbors


@app.command("neighbors", epilog="Example: kg neighbors out/graph.ttl 'Muse Spark' --depth 2")
def neighbors_command(
    target: TargetArg,
    entity: Annotated[str, typer.Argument(help="Entity label, alias or IRI.",
                                          show_default=False)],
    depth: Annotated[int, typer.Option("--depth", min=1,
                                       help="Also the facts of entities up to N hops away.")] = 1,
) -> None:
    """An entity's facts, outgoing and incoming, with the entity at the other end.

    With --depth N the facts of every entity fewer than N hops away are listed too; `from`
    names the nearer end of each fact.
    """
    with opened(target) as (_store, G):
        centre = resolve_entity(G, entity, target)
    rows = neighbour_facts(G, centre, depth)
    node = G.nodes[centre]
    columns = ("direction", "property", "entity", "class", "evidence")
    if depth > 1:
        columns = ("hops", "from", *columns)
    table = _table(f"{node['label']} ({node['type']}): {len(rows)} facts", *columns,
                   numeric=("hops", "evidence"))
    for hops, near, direction, key, far, data in rows:
        cells = [direction, key, label(G, far), G.nodes[far]["type"],
                 len(data.get("evidence", [])) or ("inferred" if data.get("inferred") else 0)]
        if depth > 1:
            cells = [hops, label(G, near), *cells]
        _row(table, *cells)
    _console().print(table)


def neighbour_facts(G: nx.MultiDiGraph, centre: str, depth: int) -> list[tuple]:
    """Every fact with an end fewer than `depth` hops from `centre`, as (hops of the nearer end,
    nearer end, "out"/"in" seen from it, property, farther end, edge data), nearest first."""
    import networkx as nx

    distance = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre,
                                                     cutoff=depth)
    rows = []
    for u, v, key, data in G.edges(keys=True, data=True):
        du, dv = distance.get(u, depth), distance.get(v, depth)
        if min(du, dv) >= depth:
            continue
        if du <= dv:
            rows.append((du + 1, u, "out", key, v, data))
        else:
            rows.append((dv + 1, v, "in", key, u, data))
    rows.sort(key=lambda r: (r[0], label(G, r[1]), r[2] != "out", r[3], label(G, r[4])))
    return rows
