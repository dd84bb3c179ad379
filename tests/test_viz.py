"""kg.viz and `kg viz`: the offline HTML view, checked as text and in headless Chromium."""

from __future__ import annotations

import html
import json
import math
import os
import re
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest_browser import (  # noqa: E402
    INFERRED_RULE,
    LONER,
    META,
    MSL,
    MUSE,
    WANG,
    XSS,
    XSS_ALIAS,
    XSS_LABEL,
    XSS_SENTENCE,
    sample_graph,
)

from kg.errors import InputError  # noqa: E402
from kg.netgraph import to_networkx  # noqa: E402
from kg.viz import (  # noqa: E402
    CLASS_STYLE,
    LARGE_GRAPH,
    build_view_data,
    class_styles,
    fast_layout,
    html_string,
    script_json,
    show,
    to_html,
    write_atomic,
)

ARTIFACTS = Path(__file__).parent / "artifacts"
REMOTE = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
DATA_SCRIPT = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def embedded_data(page: str) -> dict:
    match = DATA_SCRIPT.search(page)
    assert match, "no kg-data script"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def rdf():
    return sample_graph()


@pytest.fixture(scope="module")
def page_html(rdf) -> str:
    return html_string(rdf, title="Sample <graph>")


# --------------------------------------------------------------------------- the HTML as text


def test_no_remote_assets(rdf):
    for page in (
        html_string(rdf),
        html_string(rdf, focus="Muse Spark", depth=2),
        html_string(rdf, path_between=("Alexandr Wang", XSS_LABEL)),
    ):
        assert not REMOTE.findall(page)
        assert "@import" not in page
        assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", page)
        assert "vis-network" in page and "new vis.Network" in page


def test_hostile_text_is_never_raw_html(page_html):
    for raw in (XSS_LABEL, XSS_ALIAS, "<script>alert(3)", "<b>MSL</b>", "\u2028", "\u2029"):
        assert raw not in page_html
    assert page_html.count("</script>") == 3  # data, vis-network, our script
    assert "<title>Sample &lt;graph&gt;</title>" in page_html


def test_embedded_json_round_trips(page_html):
    data = embedded_data(page_html)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[XSS] == XSS_LABEL
    assert XSS_ALIAS in next(n for n in data["nodes"] if n["id"] == XSS)["kgAliases"]
    sentences = [e["sentence"] for edge in data["edges"] for e in edge["kgEvidence"]]
    assert XSS_SENTENCE in sentences


def test_script_json_escapes():
    text = script_json({"a": "</script><!-- & \u2028\u2029 >"})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_view_data_styles_and_legend(rdf):
    G = to_networkx(rdf)
    data = build_view_data(G)
    assert data["physics"] is True and data["options"]["physics"]["enabled"] is True
    assert data["options"]["physics"]["solver"] == "forceAtlas2Based"
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 200
    assert data["options"]["edges"]["smooth"]["enabled"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[MUSE]["shape"] != nodes[WANG]["shape"]
    groups = data["options"]["groups"]
    muse, wang = groups[nodes[MUSE]["group"]], groups[nodes[WANG]["group"]]
    assert muse["color"]["background"] != wang["color"]["background"]
    assert nodes[MUSE]["kgType"] == "AIModel" and nodes[MUSE]["kgAliases"] == ["Muse Spark model"]
    assert nodes[META]["kgWikidata"] == "Q380"
    assert max(nodes.values(), key=lambda n: n["value"])["id"] == META  # PageRank
    edges = {(e["from"], e["to"], e["kgProperty"]): e for e in data["edges"]}
    inferred = edges[(MUSE, META, "developedBy")]
    assert inferred["kgInferred"] is True and inferred["dashes"]
    assert inferred["color"]["color"] == "#a3a3a3"
    assert inferred["kgRule"] == INFERRED_RULE
    assert "dashes" not in edges[(MSL, META, "partOf")]
    assert "kgInferred" not in edges[(MSL, META, "partOf")]
    docs = data["documents"]
    evidence = edges[(MSL, META, "partOf")]["kgEvidence"]
    assert [docs[e["doc"]]["title"] for e in evidence] == [
        "Meta unveils Muse Spark",
        "<b>MSL</b> & friends",
    ]
    assert edges[(MSL, META, "partOf")]["label"] == "part of"
    assert {t["name"]: t["count"] for t in data["types"]}["Company"] == 2
    assert {p["name"]: p["count"] for p in data["properties"]} == {
        "developedBy": 3,
        "partOf": 1,
        "leads": 1,
    }
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["edges"]) == G.number_of_edges()


def test_every_class_has_a_colour_of_its_own():
    names = [*CLASS_STYLE, "Other1", "Other2", "Other3", "Other4", "Other5"]
    styles = class_styles(names)
    assert len({colour for colour, _ in styles.values()}) == len(names)
    assert class_styles(["Other1"]) == {"Other1": styles["Other1"]}  # stable


def test_size_by_degree(rdf):
    data = build_view_data(to_networkx(rdf), size_by="degree")
    values = {n["id"]: n["value"] for n in data["nodes"]}
    assert values[META] == 3 and values[LONER] == 0


def test_parallel_edges_fan_out():
    G = nx.MultiDiGraph()
    for n in ("a", "b"):
        G.add_node(n, label=n, type="Company", aliases=[], wikidata=None, iri=n)
    G.add_edge("a", "b", key="owns", property="owns", label="owns", inferred=False, evidence=[])
    G.add_edge("a", "b", key="funds", property="funds", label="funds", inferred=False, evidence=[])
    G.add_edge("b", "a", key="owns", property="owns", label="owns", inferred=False, evidence=[])
    smooth = [e.get("smooth") for e in build_view_data(G)["edges"]]
    curved = [s for s in smooth if s]
    assert len(curved) >= 2 and all(s["type"] in ("curvedCW", "curvedCCW") for s in curved)


def test_focus_draws_the_neighbourhood(rdf):
    data = embedded_data(html_string(rdf, focus="muse spark", depth=1))
    assert {n["id"] for n in data["nodes"]} == {MUSE, MSL, META}
    assert data["focus"] == MUSE
    assert data["total"] == {"nodes": 6, "edges": 5}


def test_path_between_highlights(rdf):
    data = embedded_data(html_string(rdf, path_between=("Alexandr Wang", XSS_LABEL)))
    assert data["path"]["nodes"] == [WANG, MSL, META, XSS]
    path_edges = [e for e in data["edges"] if e["id"] in data["path"]["edges"]]
    assert {(e["from"], e["to"]) for e in path_edges} == {(WANG, MSL), (MSL, META), (XSS, META)}
    assert all(e["width"] == 4 for e in path_edges)


def test_unknown_entities_and_no_path_are_input_errors(rdf):
    with pytest.raises(InputError, match="'Nobody'"):
        html_string(rdf, focus="Nobody")
    with pytest.raises(InputError, match="'Ghost'"):
        html_string(rdf, path_between=("Meta", "Ghost"))
    with pytest.raises(InputError, match="no connection between 'Meta' and 'Lonely Corp'"):
        html_string(rdf, path_between=("Meta", "Lonely Corp"))


def test_to_html_writes_atomically(rdf, tmp_path):
    target = tmp_path / "out" / "graph.html"
    assert to_html(rdf, target) == target
    first = target.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>")
    to_html(rdf, target, title="again")
    assert "<title>again</title>" in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_atomic_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_show_wraps_the_page_in_an_iframe(rdf):
    out = show(rdf, height=500, focus="Muse Spark", title="<b>t</b>")._repr_html_()
    assert out.startswith("<iframe srcdoc=")
    assert "<script" not in out and "<b>" not in out and "height:500px" in out
    assert 'sandbox="allow-scripts' in out and "allow-same-origin" not in out
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', out).group(1))
    assert page == html_string(rdf, focus="Muse Spark", title="<b>t</b>")


def test_fast_layout_is_spread_and_local():
    G = nx.gnm_random_graph(3000, 6000, seed=3)
    start = time.perf_counter()
    pos = fast_layout(G)
    assert time.perf_counter() - start < 10
    assert len(pos) == 3000
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    xs = sorted(p[0] for p in pos.values())
    assert xs[-1] - xs[0] > 10  # spread out, not collapsed

    def dist(a, b):
        return math.dist(pos[a], pos[b])

    edge_mean = sum(dist(u, v) for u, v in G.edges()) / G.number_of_edges()
    nodes = list(G)
    random_mean = sum(dist(nodes[i], nodes[-i - 1]) for i in range(1000)) / 1000
    assert edge_mean < random_mean / 2


def test_fast_layout_sets_lonely_nodes_apart():
    G = nx.path_graph(200)
    G.add_nodes_from(range(200, 260))
    pos = fast_layout(G)
    linked = max(math.hypot(*pos[v]) for v in range(200))
    lonely = [math.hypot(*pos[v]) for v in range(200, 260)]
    assert min(lonely) > 0.9 * linked
    assert fast_layout(nx.empty_graph(3))  # no edges at all
    assert fast_layout(nx.Graph()) == {}


def test_empty_graph_renders():
    from rdflib import Graph

    data = embedded_data(html_string(Graph()))
    assert data["nodes"] == [] and data["edges"] == []


def _big_graph(n: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(
            f"n{i}",
            label=f"Entity {i}",
            type=("Company", "Person")[i % 2],
            aliases=[],
            wikidata=None,
            iri=f"n{i}",
        )
    for i in range(1, n):
        G.add_edge(
            f"n{i}",
            f"n{(i * 7) % i}",
            key="partOf",
            property="partOf",
            label="part of",
            inferred=False,
            evidence=[],
        )
    return G


def test_large_graphs_get_positions_and_no_physics():
    data = build_view_data(_big_graph(LARGE_GRAPH + 100))
    assert data["physics"] is False
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])


# --------------------------------------------------------------------------- `kg viz`


def test_cli_viz(tmp_path, rdf, capsys):
    from kg.cli import main

    graph = tmp_path / "g.ttl"
    rdf.serialize(graph, format="turtle")
    out = tmp_path / "view.html"
    with pytest.raises(SystemExit) as exit_:
        main(["viz", str(graph), "-o", str(out), "--focus", "MSL", "--depth", "1"])
    assert exit_.value.code in (0, None)
    assert "wrote" in capsys.readouterr().out
    assert {n["id"] for n in embedded_data(out.read_text())["nodes"]} == {MSL, MUSE, META, WANG}

    with pytest.raises(SystemExit) as exit_:
        main(["viz", str(graph), "-o", str(out), "--path", "Alexandr Wang", "Meta"])
    assert exit_.value.code in (0, None)
    assert embedded_data(out.read_text())["path"]["nodes"] == [WANG, MSL, META]

    with pytest.raises(SystemExit) as exit_:
        main(["viz", str(graph), "-o", str(out), "--focus", "Ghost Corp"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err == "kg: error: no entity named 'Ghost Corp' in the graph"

    with pytest.raises(SystemExit) as exit_:
        main(["viz", str(tmp_path / "nope.ttl")])
    assert exit_.value.code == 2
    assert "nope.ttl" in capsys.readouterr().err


def test_cli_viz_help_has_an_example(capsys):
    from kg.cli import main

    with pytest.raises(SystemExit):
        main(["viz", "--help"])
    out = capsys.readouterr().out
    assert "Example: kg viz" in out and "--focus" in out and "--path" in out


# --------------------------------------------------------------------------- in Chromium


class Watched:
    """A page with everything that must not happen recorded."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path, timeout: float = 60_000) -> None:
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgReady === true", timeout=timeout)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.failed == []
        assert self.dialogs == []
        assert all(u.startswith(("file:", "data:", "about:")) for u in self.requests)

    def node_xy(self, node: str) -> tuple[float, float]:
        return tuple(
            self.page.evaluate(
                """(id) => {
                const p = kgNetwork.getPositions([id])[id];
                const d = kgNetwork.canvasToDOM(p);
                const r = document.getElementById('kg-network').getBoundingClientRect();
                return [d.x + r.left, d.y + r.top];
            }""",
                node,
            )
        )

    def panel_title(self) -> str:
        return self.page.locator("#kg-panel-title").text_content()


@pytest.fixture
def watched(chromium_browser):
    page = chromium_browser.new_page(viewport={"width": 1400, "height": 860})
    w = Watched(page)
    yield w
    w.assert_clean()
    page.close()


@pytest.fixture(scope="module")
def sample_page(rdf, tmp_path_factory) -> Path:
    return to_html(rdf, tmp_path_factory.mktemp("viz") / "sample.html", title="Meta and friends")


@pytest.mark.browser
def test_browser_loads_offline_with_all_nodes_and_edges(watched, sample_page, rdf):
    watched.open(sample_page)
    G = to_networkx(rdf)
    counts = watched.page.evaluate("[kgData.nodes.length, kgData.edges.length]")
    assert counts == [G.number_of_nodes(), G.number_of_edges()]
    drawn = "[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]"
    assert watched.page.evaluate(drawn) == counts  # in the network, not only in the data
    assert watched.page.evaluate("kgNetwork.physics.physicsEnabled") is False  # settled
    legend = watched.page.locator("#kg-types li").all_text_contents()
    assert any("AIModel" in t for t in legend)


@pytest.mark.browser
def test_browser_click_node_shows_details(watched, sample_page):
    watched.open(sample_page)
    watched.page.mouse.click(*watched.node_xy(META))
    assert watched.panel_title() == "Meta"
    assert watched.page.locator("#kg-panel-type").text_content() == "Company"
    assert (
        watched.page.locator("#kg-panel-aliases").text_content() == "Facebook \u00b7 Meta Platforms"
    )
    link = watched.page.locator("#kg-panel-wikidata")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q380"
    assert watched.page.locator("#kg-panel-facts li").count() == 3

    watched.page.mouse.click(*watched.node_xy(MSL))
    assert watched.panel_title() == "Meta Superintelligence Labs"
    facts = watched.page.locator("#kg-panel-facts li").all_text_contents()
    assert any("leads" in f and "Alexandr Wang" in f for f in facts)
    ARTIFACTS.mkdir(exist_ok=True)
    box = watched.page.locator("#kg-network").bounding_box()
    watched.page.mouse.move(box["x"] + 5, box["y"] + 5)  # no hover tooltip in the picture
    watched.page.wait_for_timeout(300)
    watched.page.screenshot(path=str(ARTIFACTS / "graph.png"))


@pytest.mark.browser
def test_browser_xss_named_node_is_shown_as_text(watched, sample_page):
    watched.open(sample_page)
    watched.page.mouse.click(*watched.node_xy(XSS))
    assert watched.panel_title() == XSS_LABEL
    assert watched.page.locator("#kg-panel-aliases").text_content() == XSS_ALIAS
    watched.page.locator("#kg-panel-facts li").first.click()  # its fact, with the evidence
    assert watched.page.locator("#kg-panel-evidence blockquote").text_content() == XSS_SENTENCE
    doc = watched.page.locator("#kg-panel-evidence .kg-doc").text_content()
    assert doc.startswith("<b>MSL</b> & friends")
    watched.page.fill("#kg-search", "<img")
    assert XSS_LABEL in watched.page.locator("#kg-suggest").text_content()
    assert watched.page.evaluate("document.querySelectorAll('img, #kg-panel script').length") == 0
    assert watched.page.evaluate("document.scripts.length") == 3
    watched.page.wait_for_timeout(200)
    assert watched.dialogs == []


@pytest.mark.browser
def test_browser_click_edge_shows_evidence(watched, sample_page):
    watched.open(sample_page)
    (ax, ay), (bx, by) = watched.node_xy(MSL), watched.node_xy(META)
    watched.page.mouse.click(ax + (bx - ax) * 0.5, ay + (by - ay) * 0.5)
    title = watched.panel_title()
    assert "Meta Superintelligence Labs" in title and "part of" in title
    quotes = watched.page.locator("#kg-panel-evidence blockquote").all_text_contents()
    assert quotes == ["MSL, a unit of Meta, hired researchers.", "MSL is part of Meta."]
    docs = watched.page.locator("#kg-panel-evidence .kg-doc").all_text_contents()
    assert (
        docs[0]
        == "Meta Unveils Muse Spark".replace("Unveils", "unveils")
        + " \u2014 examples/articles/a.txt"
    )


@pytest.mark.browser
def test_browser_search_focuses_a_node(watched, sample_page):
    watched.open(sample_page)
    watched.page.fill("#kg-search", "msl")
    assert (
        "Meta Superintelligence Labs" in watched.page.locator("#kg-suggest li").first.text_content()
    )
    watched.page.press("#kg-search", "Enter")
    assert watched.page.evaluate("kgNetwork.getSelectedNodes()") == [MSL]
    assert watched.panel_title() == "Meta Superintelligence Labs"
    watched.page.wait_for_function(  # the focus animation ends with MSL in the middle
        """(id) => {
            const d = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
            const c = document.getElementById('kg-network');
            return Math.abs(d.x - c.clientWidth / 2) < 5 && Math.abs(d.y - c.clientHeight / 2) < 5;
        }""",
        arg=MSL,
        timeout=5000,
    )


@pytest.mark.browser
def test_browser_filters_by_type_and_property(watched, sample_page):
    watched.open(sample_page)
    shown = "[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]"
    assert watched.page.evaluate(shown) == [6, 5]
    watched.page.locator("#kg-types label", has_text="Person").click()
    assert watched.page.evaluate(shown) == [5, 4]
    watched.page.locator("#kg-props label", has_text="developed by").click()
    assert watched.page.evaluate(shown) == [5, 1]
    assert "shown" in watched.page.locator("#kg-stats").text_content()
    watched.page.locator("#kg-show-inferred").uncheck()
    watched.page.locator("#kg-props label", has_text="developed by").click()
    assert watched.page.evaluate(shown) == [5, 3]  # the inferred developedBy stays hidden
    watched.page.locator("#kg-types label", has_text="Person").click()
    assert watched.page.evaluate(shown) == [6, 4]


@pytest.mark.browser
def test_browser_focus_and_path_views(watched, rdf, tmp_path):
    focus = to_html(rdf, tmp_path / "focus.html", focus="Muse Spark")
    watched.open(focus)
    assert watched.page.evaluate("kgData.nodes.length") == 3
    assert watched.panel_title() == "Muse Spark"
    assert watched.page.evaluate("kgNetwork.getSelectedNodes()") == [MUSE]
    path = to_html(rdf, tmp_path / "path.html", path_between=("Alexandr Wang", XSS_LABEL))
    watched.open(path)
    assert watched.page.locator("#kg-path-key").is_visible()
    widths = watched.page.evaluate("kgData.edges.get().filter(e => e.width === 4).length")
    assert widths == 3


@pytest.mark.browser
def test_browser_example_graph(watched, examples_graph, tmp_path):
    """The graph of examples/articles, as `kg build` draws it: all of it in the network, the
    legend complete, nothing logged; its picture is tests/artifacts/example-graph.png."""
    G = examples_graph.to_networkx()
    watched.open(examples_graph.to_html(tmp_path / "graph.html", title="examples/articles"))
    drawn = "[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]"
    assert watched.page.evaluate(drawn) == [G.number_of_nodes(), G.number_of_edges()]
    legend = watched.page.locator("#kg-types .kg-name").all_text_contents()
    assert sorted(legend) == sorted({d["type"] for _, d in G.nodes(data=True)})
    ARTIFACTS.mkdir(exist_ok=True)
    watched.page.screenshot(path=str(ARTIFACTS / "example-graph.png"))


@pytest.mark.browser
def test_browser_empty_graph_is_ready(watched, tmp_path):
    from rdflib import Graph

    watched.open(to_html(Graph(), tmp_path / "empty.html"))
    assert watched.page.evaluate("kgData.nodes.length") == 0


@pytest.mark.browser
@pytest.mark.slow
def test_browser_large_graph_draws_without_physics(watched, tmp_path):
    from kg.viz import render_html

    page = tmp_path / "large.html"
    write_atomic(page, render_html(_big_graph(LARGE_GRAPH + 500)))
    start = time.perf_counter()
    watched.open(page, timeout=120_000)
    assert time.perf_counter() - start < 60
    assert watched.page.evaluate("kgData.nodes.length") == LARGE_GRAPH + 500
    assert watched.page.evaluate("kgNetwork.physics.physicsEnabled") is False
