"""An interactive, self-contained HTML view of a knowledge graph (vis-network via pyvis).

`to_html` writes one HTML file that works offline: vis-network 9.1.2 (as shipped inside
pyvis) is inlined from ``kg/assets``, and the page loads nothing from the network. The page
shows entities coloured and shaped by class (with a legend), sized by PageRank, facts as
directed edges labelled with the property label (inferred facts dashed and grey); a click on
a node or an edge opens a side panel with its details and evidence; a search box finds and
focuses an entity; checkboxes filter by entity type and by property.

Layout and size limits (``bench/viz.py``, headless Chromium, 2 cores; graphs shaped like
ours with about two facts per entity and evidence on each):

* up to ``LARGE_GRAPH`` (2,000) nodes the browser lays the graph out with forceAtlas2Based
  physics (120 stabilisation iterations, 200 for small graphs) from starting positions
  computed here, then switches physics off so nothing drifts: 1,000 nodes settle in ~2.5 s;
* above that, positions are computed in Python (`fast_layout`: a particle-mesh force layout,
  O(nodes + edges) per iteration, 0.8 s for 20,000 nodes; ``nx.spring_layout`` is O(n^2) per
  iteration and needs scipy above 500 nodes, ``nx.forceatlas2_layout`` an n-by-n matrix) and
  physics stays off:
  5,000 nodes ~3 s, 20,000 nodes ~8.5 s to a settled view;
* the page holds about 0.7 MB of vis-network plus ~0.9 KB per entity with its facts and
  evidence (18 MB at 20,000). 20,000 entities is the largest size we test; beyond it, draw a
  neighbourhood with ``focus`` / ``depth``;
* what stays interactive is set by the time one frame takes (each zoom or pan step redraws
  it; software rendering, a loaded machine): ~45 ms at 1,000 nodes (fluid), ~0.6 s at 5,000
  (usable, sluggish), ~1.8 s at 20,000 (it loads, but explore it with ``focus``). Settle
  times measured in that same run were 4.4 s, 7.1 s and 21 s, about twice the figures above.

Article text is hostile data: the graph travels as JSON in a ``<script type=
"application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page inserts
every label and every panel text with ``textContent`` (vis-network shows string tooltips with
``innerText``), so an entity named ``<img src=x onerror=alert(1)>`` is shown, never run.

The page exposes ``window.kgNetwork`` (the ``vis.Network``), ``window.kgData`` (``{nodes,
edges}`` as ``vis.DataSet``) and sets ``window.kgReady = true`` once the view has settled.
"""

from __future__ import annotations

import html
import json
import math
import os
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict

import networkx as nx
from rdflib import Graph

from kg.errors import InputError
from kg.netgraph import centrality, find_node, neighbourhood, shortest_path, to_networkx

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing.Unpack is Python 3.11+

ASSETS = Path(__file__).parent / "assets"
LARGE_GRAPH = 2000
"""Above this many nodes positions are precomputed in Python and physics stays off."""

SMALL_GRAPH = 300  # up to this many nodes the physics may spend more per iteration
STABILIZATION_ITERATIONS = 120
LAYOUT_SCALE = 70.0  # vis-network units per unit edge length of `fast_layout`
LABEL_WIDTH = 170  # longest entity label line, in vis-network units at zoom 1
EDGE_LABEL_THRESHOLD = 7  # on-screen pixels below which relation labels are not drawn

# Colour (Tableau 10, colour-blind friendly) and vis-network shape per entity class.
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Company": ("#f28e2b", "square"),
    "Organization": ("#edc948", "hexagon"),
    "ResearchLab": ("#b07aa1", "star"),
    "NewsOrganization": ("#ff9da7", "triangleDown"),
    "AIModel": ("#e15759", "diamond"),
    "Product": ("#76b7b2", "triangle"),
    "PhysicalProduct": ("#499894", "triangle"),  # a darker teal: a kind of Product
    "Place": ("#59a14f", "dot"),
    "CodeName": ("#9c755f", "diamond"),
    # Sums of money (kg:MonetaryFigure): a shape of their own and colours no other class
    # uses, so that they are not taken for places or people (green and blue dots).
    "Investment": ("#bab0ac", "triangleDown"),
    "Valuation": ("#79706e", "triangleDown"),
    "Price": ("#b6992d", "triangleDown"),
}
FALLBACK_COLOURS = ["#86bcb6", "#d37295", "#a0cbe8", "#b6992d", "#bab0ac", "#8cd17d", "#f1ce63"]
FALLBACK_SHAPES = ["dot", "square", "diamond", "triangle", "star", "hexagon", "triangleDown"]

INFERRED_COLOUR = "#a3a3a3"
EDGE_COLOUR = "#7b8497"
PATH_COLOUR = "#d62728"

SizeBy = Literal["pagerank", "degree"]
DEFAULT_TITLE = "kg graph"


class ViewOptions(TypedDict, total=False):
    """What to draw; the keyword arguments of `html_string`, `to_html` and `show`.

    `focus` (a label, alias or IRI) draws only the entities within `depth` hops of it;
    `path_between` highlights the shortest connection between two entities; `size_by` sizes
    nodes by PageRank or degree.
    """

    focus: str | None
    depth: int
    path_between: tuple[str, str] | None
    title: str
    size_by: SizeBy


# --------------------------------------------------------------------------- assets


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The vendored vis-network files and our own template, CSS and JS."""
    names = {
        "vis_js": "vis-network.min.js",
        "vis_css": "vis-network.css",
        "app_js": "viz.js",
        "app_css": "viz.css",
        "template": "viz.html.j2",
    }
    out = {key: (ASSETS / name).read_text(encoding="utf-8") for key, name in names.items()}
    for key in ("vis_js", "app_js", "vis_css", "app_css"):
        lowered = out[key].lower()
        if "</script" in lowered or "</style" in lowered:
            raise RuntimeError(f"asset {names[key]} would close its inline element")
    return out


def script_json(data: Any) -> str:
    """JSON safe to embed in an HTML ``<script>``: escapes ``<``, ``>``, ``&``, U+2028/2029."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# --------------------------------------------------------------------------- layout


def fast_layout(G: nx.Graph, iterations: int = 80, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Cheap force-directed positions for large graphs (edge length about 1 unit).

    Springs along edges pull neighbours together; repulsion comes from the gradient of a
    smoothed density grid (a particle-mesh approximation), so one iteration costs
    O(nodes + edges) instead of the O(nodes^2) of ``nx.spring_layout``: 0.8 s for 20,000
    nodes and 40,000 edges. Nodes without edges are set apart on a ring
    around the rest (as vis-network does), which keeps the connected part readable.
    """
    import numpy as np

    nodes = list(G.nodes)
    if not nodes:
        return {}
    rng = np.random.default_rng(seed)
    linked = [v for v in nodes if G.degree(v) > 0]
    lonely = [v for v in nodes if G.degree(v) == 0]
    n = len(linked)
    pos = np.zeros((0, 2))
    if n:
        index = {v: i for i, v in enumerate(linked)}
        pairs = np.array(
            [(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64
        ).reshape(-1, 2)
        pos = _force_layout(np, rng, n, pairs, iterations)
    out = {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(linked)}
    if lonely:
        # A sunflower annulus just outside the connected part, as dense as that part.
        radii = np.sqrt((pos**2).sum(axis=1))
        inner = float(np.quantile(radii, 0.95)) * 1.08 + 1.0 if n else 0.0
        per_node = math.pi * inner**2 / n if n else 1.0
        outer = math.sqrt(inner**2 + len(lonely) * max(per_node, 0.5) / math.pi)
        k = np.arange(len(lonely)) + 0.5
        radius = np.sqrt(inner**2 + (outer**2 - inner**2) * k / len(lonely))
        angle = k * math.pi * (3 - math.sqrt(5))
        for v, r, a in zip(lonely, radius, angle, strict=True):
            out[v] = (float(r * math.cos(a)), float(r * math.sin(a)))
    return out


def _force_layout(np, rng, n: int, pairs, iterations: int):
    """Particle-mesh force layout of `n` points linked by `pairs` (an (m, 2) index array)."""
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    degree = np.bincount(pairs.ravel(), minlength=n).astype(float)
    damp = 0.5 / np.sqrt(np.maximum(degree, 1.0))
    grid = int(min(256, max(32, side * 0.8)))
    start = side / 8
    for it in range(iterations):
        temperature = start * (1 - it / iterations) + 0.02
        disp = np.zeros_like(pos)
        if len(pairs):
            d = pos[pairs[:, 1]] - pos[pairs[:, 0]]
            for axis in (0, 1):
                disp[:, axis] += np.bincount(pairs[:, 0], d[:, axis], n)
                disp[:, axis] -= np.bincount(pairs[:, 1], d[:, axis], n)
            disp *= damp[:, None]
        lo = pos.min(axis=0) - 1e-9
        cell = (pos.max(axis=0) + 1e-9 - lo) / grid
        ij = ((pos - lo) / cell).astype(np.int64).clip(0, grid - 1)
        rho = np.zeros((grid, grid))
        np.add.at(rho, (ij[:, 0], ij[:, 1]), 1.0)
        for _ in range(2):
            rho = (
                rho
                + np.roll(rho, 1, 0)
                + np.roll(rho, -1, 0)
                + np.roll(rho, 1, 1)
                + np.roll(rho, -1, 1)
            ) / 5
        gx, gy = np.gradient(rho)
        area = cell[0] * cell[1]
        disp[:, 0] -= gx[ij[:, 0], ij[:, 1]] / area * cell[0] * 2
        disp[:, 1] -= gy[ij[:, 0], ij[:, 1]] / area * cell[1] * 2
        disp -= pos * 0.01
        disp += rng.normal(scale=0.05, size=disp.shape)
        length = np.linalg.norm(disp, axis=1)
        pos += disp * np.minimum(1.0, temperature / np.maximum(length, 1e-9))[:, None]
    return pos - pos.mean(axis=0)


def _seed_layout(G: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Starting positions for a small graph (networkx spring layout, numpy only), so the
    browser's physics starts untangled instead of from random points. Lonely nodes are left
    out: the page rings them. Units as `fast_layout`: neighbours about 1.6 apart."""
    linked = [v for v in G if G.degree(v) > 0]
    if len(linked) < 3:
        return {}
    k = 2.0 / math.sqrt(len(linked))  # spring_layout's neighbour distance in its unit box
    pos = nx.spring_layout(nx.Graph(G.subgraph(linked)), seed=7, k=k)
    scale = 1.6 / k
    return {v: (float(x) * scale, float(y) * scale) for v, (x, y) in pos.items()}


# --------------------------------------------------------------------------- styles


def class_styles(types: list[str]) -> dict[str, tuple[str, str]]:
    """Colour and shape for each class name: fixed for ours, a stable palette for others."""
    styles: dict[str, tuple[str, str]] = {}
    others = sorted(t for t in set(types) if t not in CLASS_STYLE)
    for t in set(types) & CLASS_STYLE.keys():
        styles[t] = CLASS_STYLE[t]
    taken = {colour for colour, _ in CLASS_STYLE.values()}
    palette = [c for c in FALLBACK_COLOURS if c not in taken] or FALLBACK_COLOURS
    for i, t in enumerate(others):
        styles[t] = (
            palette[i % len(palette)],
            FALLBACK_SHAPES[(i // len(palette)) % len(FALLBACK_SHAPES)],
        )
    return styles


def _shade(hex_colour: str, factor: float) -> str:
    """Darken (factor < 1) or lighten (factor > 1) a #rrggbb colour."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    if factor < 1:
        r, g, b = (int(c * factor) for c in (r, g, b))
    else:
        r, g, b = (int(c + (255 - c) * (factor - 1)) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


def _node_colours(colour: str, shape: str) -> dict:
    """vis-network node style (a group) for a class colour and shape."""
    return {
        "shape": shape,
        "color": {
            "background": colour,
            "border": _shade(colour, 0.72),
            "highlight": {"background": _shade(colour, 1.25), "border": "#1f2430"},
            "hover": {"background": _shade(colour, 1.15), "border": "#1f2430"},
        },
    }


def _vis_options(*, physics: bool, large: bool, small: bool = False, n: int = 0) -> dict:
    """vis-network options, built on pyvis's Options model.

    `small` graphs (a few hundred nodes) get stronger repulsion and overlap avoidance, which
    cost little there and keep labels apart.
    """
    from pyvis.network import Network

    net = Network(directed=True)
    net.force_atlas_2based(
        gravity=(-130 if n <= 30 else -60) if small else -80,
        central_gravity=0.01,
        spring_length=(160 if n <= 30 else 100) if small else 140,
        spring_strength=0.05,
        damping=0.5,
        overlap=0.6 if small else 0.0,
    )
    net.options.physics.enabled = physics
    net.options.physics.stabilization.iterations = 200 if small else STABILIZATION_ITERATIONS
    net.options.physics.stabilization.updateInterval = 25
    net.options.edges.smooth.enabled = False
    net.inherit_edge_colors(False)
    net.toggle_hide_edges_on_drag(large)
    options = json.loads(net.options.to_json())
    # Measured with bench/viz.py: a coarser Barnes-Hut (theta 0.8) and a fixed time step
    # about halve the stabilisation time at 1,000 nodes with no visible loss.
    options["physics"]["forceAtlas2Based"]["theta"] = 0.8
    options["physics"]["adaptiveTimestep"] = False
    options["physics"]["minVelocity"] = 1.0
    options["physics"]["maxVelocity"] = 60
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    options["interaction"].update(
        {"hover": not large, "tooltipDelay": 200, "multiselect": False, "keyboard": False}
    )
    font = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
    options["nodes"] = {
        "borderWidth": 1.5,
        "borderWidthSelected": 3,
        "scaling": {
            "min": 8 if large else 12,
            "max": 26,
            "label": {"enabled": True, "min": 13, "max": 20, "drawThreshold": 5},
        },
        "font": {"face": font, "color": "#1f2430", "strokeWidth": 2, "strokeColor": "#ffffff"},
        # Long names (an investment, a valuation) wrap onto lines instead of running over
        # their neighbours; the details panel shows them whole.
        "widthConstraint": {"maximum": LABEL_WIDTH},
    }
    options["edges"].update(
        {
            "width": 1.2,
            "selectionWidth": 2,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "arrowStrikethrough": False,
            "color": {"color": EDGE_COLOUR, "highlight": "#1f6feb", "hover": "#1f6feb"},
            # Relation names smaller than this on screen are not drawn: at overview zoom they
            # are unreadable specks that cover the graph; zooming in shows them.
            "scaling": {"label": {"drawThreshold": EDGE_LABEL_THRESHOLD}},
            "font": {
                "face": font,
                "size": 10,
                "color": "#4b5563",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "horizontal",
            },
        }
    )
    return options


# --------------------------------------------------------------------------- data


class _FastNetwork:
    """A pyvis Network whose node-id membership test is O(1).

    pyvis keeps node ids in a list and checks it on every add_node and add_edge, which takes
    about 20 s for 20,000 nodes and 40,000 edges; a list that mirrors itself in a set fixes it.
    """

    class _IdList(list):
        def __init__(self) -> None:
            super().__init__()
            self._set: set = set()

        def append(self, item: Any) -> None:
            super().append(item)
            self._set.add(item)

        def __contains__(self, item: object) -> bool:
            return item in self._set

    @classmethod
    def create(cls):
        from pyvis.network import Network

        net = Network(directed=True)
        net.node_ids = cls._IdList()
        return net


def _curves(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict | bool]:
    """Per-edge `smooth` option: parallel edges between a pair fan out as opposite curves."""
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, k in G.edges(keys=True):
        pairs[(min(u, v), max(u, v))].append((u, v, k))
    out: dict[tuple[str, str, str], dict | bool] = {}
    for (a, _b), edges in pairs.items():
        if len(edges) == 1:
            continue
        count = len(edges)
        for i, (u, v, k) in enumerate(sorted(edges)):
            offset = (i - (count - 1) / 2) * 0.3
            if offset == 0:
                continue
            clockwise = (offset > 0) == (u == a)
            out[(u, v, k)] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": min(abs(offset), 0.9),
            }
    return out


def display_value(lexical: str, datatype: str) -> str:
    """A literal as a reader wants it: "13000000000.0"^^xsd:decimal -> "13,000,000,000"."""
    if datatype in {"decimal", "integer"}:
        try:
            number = Decimal(lexical)
        except InvalidOperation:
            return lexical
        return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,}"
    return lexical


def build_view_data(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    path: tuple[list[str], list[tuple[str, str, str]]] | None = None,
    title: str = DEFAULT_TITLE,
    size_by: SizeBy = "pagerank",
    total: tuple[int, int] | None = None,
) -> dict:
    """Everything the page needs, as JSON-ready data: vis items, options, legend, filters.

    `G` is the graph to draw (already cut to a neighbourhood if wanted); `focus` is a node to
    select; `path` is ``shortest_path``'s result to highlight.
    """
    n = G.number_of_nodes()
    large = n > LARGE_GRAPH
    physics = not large
    positions = _seed_layout(G) if n <= SMALL_GRAPH else fast_layout(G)

    if size_by == "degree":
        weight = {v: float(d) for v, d in G.degree()}
    else:
        pr = centrality(G)
        weight = {v: math.sqrt(p * max(n, 1)) for v, p in pr.items()}

    kind = {v: str(d.get("type") or "Entity") for v, d in G.nodes(data=True)}
    type_counts = Counter(kind.values())
    styles = class_styles(list(type_counts))
    prop_counts = Counter(k for _, _, k in G.edges(keys=True))
    prop_labels = {k: d.get("label") or k for _, _, k, d in G.edges(keys=True, data=True)}

    path_nodes = set(path[0]) if path else set()
    path_edges = set(path[1]) if path else set()
    curves = _curves(G)

    group_of = {t: f"t{i}" for i, t in enumerate(sorted(type_counts))}
    groups = {group_of[t]: _node_colours(*styles[t]) for t in type_counts}

    documents: list[dict] = []
    doc_index: dict[str | None, int] = {}

    def compact(ev: dict) -> dict:
        """Evidence with its document replaced by an index into the shared documents table."""
        key = ev.get("document")
        if key not in doc_index:
            doc_index[key] = len(documents)
            documents.append({"iri": key, "title": ev.get("title"), "source": ev.get("source")})
        return {
            "sentence": ev.get("sentence", ""),
            "doc": doc_index[key],
            "confidence": ev.get("confidence"),
            "status": ev.get("status"),
        }

    net = _FastNetwork.create()
    for v, d in G.nodes(data=True):
        item: dict[str, Any] = {"group": group_of[kind[v]], "kgType": kind[v]}
        if v in positions:
            x, y = positions[v]
            item.update(x=round(x * LAYOUT_SCALE, 1), y=round(y * LAYOUT_SCALE, 1))
        elif G.degree(v) == 0:
            # Out of the simulation (gravity would drop it onto the others); the page puts
            # it on a ring around the laid-out graph once that has settled.
            item.update(physics=False, kgLonely=True)
        if v in path_nodes:
            colours = _node_colours(*styles[kind[v]])
            colours["color"]["border"] = PATH_COLOUR
            item.update(color=colours["color"], borderWidth=4)
        elif path:
            item["opacity"] = 0.3
        if d.get("aliases"):
            item["kgAliases"] = list(d["aliases"])
        if d.get("wikidata"):
            item["kgWikidata"] = d["wikidata"]
        if d.get("iri", v) != v:
            item["kgIri"] = d["iri"]
        if d.get("literals"):  # literal facts: shown in the node's panel, never as nodes
            item["kgLiterals"] = [
                {"label": lit["label"], "value": display_value(lit["value"], lit["datatype"]),
                 "evidence": [compact(ev) for ev in lit.get("evidence", [])]}
                for lit in d["literals"]
            ]
        net.add_node(
            v,
            label=str(d.get("label") or v),
            shape=styles[kind[v]][1],
            value=round(weight.get(v, 1.0), 3),
            **item,
        )

    path_edge_ids: list[str] = []
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        edge_id = f"e{i}"
        item = {
            "id": edge_id,
            "label": d.get("label") or k,
            "kgProperty": k,
            "kgEvidence": [compact(ev) for ev in d.get("evidence", [])],
        }
        if d.get("inferred"):
            item.update(kgInferred=True, dashes=[6, 5])
            if d.get("rule"):
                item["kgRule"] = d["rule"]
            item["color"] = {"color": INFERRED_COLOUR, "highlight": "#6b7280"}
        if (u, v, k) in path_edges:
            path_edge_ids.append(edge_id)
            item.update(color={"color": PATH_COLOUR, "highlight": PATH_COLOUR}, width=4)
        elif path:
            item["color"] = {"color": "#d5d8de", "highlight": "#1f6feb"}
        if (u, v, k) in curves:
            item["smooth"] = curves[(u, v, k)]
        net.add_edge(u, v, **item)

    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    for edge in edges:
        edge.pop("arrows", None)  # pyvis adds it to each edge; the options set it once
    options = _vis_options(physics=physics, large=large, small=n <= SMALL_GRAPH, n=n)
    options["groups"] = groups
    return {
        "title": title,
        "physics": physics,
        "options": options,
        "types": [
            {"name": t, "color": styles[t][0], "shape": styles[t][1], "count": c}
            for t, c in sorted(type_counts.items(), key=lambda tc: (-tc[1], tc[0]))
        ],
        "properties": [
            {"name": p, "label": prop_labels[p], "count": c}
            for p, c in sorted(prop_counts.items(), key=lambda pc: (-pc[1], pc[0]))
        ],
        "nodes": nodes,
        "edges": edges,
        "documents": documents,
        "focus": focus,
        "path": {"nodes": path[0], "edges": path_edge_ids} if path else None,
        "total": {"nodes": total[0], "edges": total[1]} if total else None,
    }


def _resolve(G: nx.MultiDiGraph, name: str) -> str:
    node = find_node(G, name)
    if node is None:
        raise InputError(f"no entity named {name!r} in the graph")
    return node


def render_html(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    path_between: tuple[str, str] | None = None,
    title: str = DEFAULT_TITLE,
    size_by: SizeBy = "pagerank",
) -> str:
    """The page for an entity graph from `to_networkx` (the options: see `ViewOptions`)."""
    from jinja2 import Environment

    total = (G.number_of_nodes(), G.number_of_edges())
    focus_node = _resolve(G, focus) if focus else None
    path = None
    if path_between:
        a, b = (_resolve(G, name) for name in path_between)
        try:
            path = shortest_path(G, a, b)
        except nx.NetworkXNoPath:
            raise InputError(
                f"no connection between {path_between[0]!r} and {path_between[1]!r}"
            ) from None
    view = G
    if focus_node is not None:
        view = neighbourhood(G, focus_node, depth)
        if path:
            view = G.subgraph(set(view) | set(path[0])).copy()
    data = build_view_data(
        view,
        focus=focus_node,
        path=path,
        title=title,
        size_by=size_by,
        total=total if view is not G else None,
    )
    assets = _assets()
    env = Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string(assets["template"])
    return template.render(
        title=title,
        vis_js=assets["vis_js"],
        vis_css=assets["vis_css"],
        app_js=assets["app_js"],
        app_css=assets["app_css"],
        data_json=script_json(data),
    )


def html_string(rdf: Graph, **options: Unpack[ViewOptions]) -> str:
    """The self-contained HTML page for `rdf` (options: see `ViewOptions`).

    Unknown entity names raise `InputError`.
    """
    return render_html(to_networkx(rdf), **options)


def write_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write `text` as UTF-8 through kg.export.write_atomic (temporary file, then rename)."""
    from kg.export import write_atomic as write_bytes

    target = Path(path)
    write_bytes(target, text.encode("utf-8"))
    return target


def to_html(rdf: Graph, path: str | os.PathLike, **options: Unpack[ViewOptions]) -> Path:
    """Write the interactive view of `rdf` to `path` (atomically) and return the path."""
    return write_atomic(path, html_string(rdf, **options))


class NotebookView:
    """The view as a Jupyter output: the page inside an ``<iframe srcdoc=...>``.

    A notebook puts HTML outputs into its own document, where the page's scripts and styles
    would clash with the notebook's (pyvis's pages render blank in some notebooks, its issue
    #203); in an iframe the page is a document of its own. The sandbox lets its scripts run
    but gives them no access to the notebook, and the srcdoc needs no file or server, so the
    output still works when the notebook is opened offline elsewhere. Jupyter shows the object
    through `_repr_html_`; no IPython import is needed.
    """

    def __init__(self, page: str, *, title: str = DEFAULT_TITLE, height: int = 640) -> None:
        self.page = page
        self.title = title
        self.height = int(height)

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
            f'title="{html.escape(self.title, quote=True)}" '
            f'style="box-sizing:border-box;width:100%;height:{self.height}px;'
            'border:1px solid #d0d7de;border-radius:6px" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
        )


def show(rdf: Graph, *, height: int = 640, **options: Unpack[ViewOptions]) -> NotebookView:
    """The view for a Jupyter notebook cell, `height` pixels tall (options: see `ViewOptions`)."""
    page = html_string(rdf, **options)
    return NotebookView(page, title=options.get("title", DEFAULT_TITLE), height=height)
