"""The offline HTML view in real headless Firefox (Debian's firefox-esr), over Marionette."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from browsers import firefox, firefox_path, group_alive  # noqa: E402
from conftest_browser import META, MSL, XSS, XSS_LABEL, sample_graph  # noqa: E402

from kg.netgraph import to_networkx  # noqa: E402
from kg.viz import to_html  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"

NODE_XY = """
const id = arguments[0];
const d = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
const r = document.getElementById('kg-network').getBoundingClientRect();
return [d.x + r.left, d.y + r.top];
"""

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def rdf():
    return sample_graph()


@pytest.fixture(scope="module")
def session():
    executable = firefox_path()
    if executable is None:
        pytest.skip("headless Firefox not installed: apt-get install firefox-esr")
    pytest.importorskip("marionette_driver", reason="marionette_driver not installed")
    with firefox(executable) as ff:
        yield ff
        pgid = ff.pid
    assert group_alive(pgid) == [], "Firefox processes left running"


@pytest.fixture(scope="module")
def loaded(session, rdf, tmp_path_factory):
    """The sample page, opened and settled."""
    page = to_html(rdf, tmp_path_factory.mktemp("ff") / "sample.html", title="Meta and friends")
    session.client.navigate(page.as_uri())
    session.wait_for("window.kgReady === true")
    return session


def test_firefox_draws_every_node_and_edge_offline(loaded, rdf):
    G = to_networkx(rdf)
    counts = loaded.run("return [kgData.nodes.length, kgData.edges.length];")
    assert counts == [G.number_of_nodes(), G.number_of_edges()]
    drawn = loaded.run(
        "return [kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length];"
    )
    assert drawn == counts
    assert loaded.run("return kgNetwork.physics.physicsEnabled;") is False  # settled
    legend = loaded.run(
        "return [...document.querySelectorAll('#kg-types li')].map(li => li.textContent);"
    )
    assert any("AIModel" in item for item in legend)
    resources = loaded.run(
        "return performance.getEntriesByType('resource').map(e => e.name);"
    )
    assert all(url.startswith(("file:", "data:", "blob:")) for url in resources), resources
    assert loaded.errors() == []


def test_firefox_click_node_shows_details(loaded):
    loaded.click(*loaded.run(NODE_XY, META))
    loaded.wait_for("document.getElementById('kg-panel-title')?.textContent === 'Meta'", 5)
    assert loaded.run("return document.getElementById('kg-panel-type').textContent;") == "Company"
    assert loaded.run("return document.querySelectorAll('#kg-panel-facts li').length;") == 3
    loaded.click(*loaded.run(NODE_XY, MSL))
    loaded.wait_for(
        "document.getElementById('kg-panel-title').textContent"
        " === 'Meta Superintelligence Labs'",
        5,
    )
    ARTIFACTS.mkdir(exist_ok=True)
    shot = loaded.screenshot(ARTIFACTS / "graph-firefox.png")
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert loaded.errors() == []


def test_firefox_xss_named_node_is_text(loaded):
    loaded.click(*loaded.run(NODE_XY, XSS))
    loaded.wait_for("document.getElementById('kg-panel-title').textContent.includes('<img')", 5)
    assert loaded.run("return document.getElementById('kg-panel-title').textContent;") == (
        XSS_LABEL
    )
    assert loaded.run("return document.querySelectorAll('img').length;") == 0
    assert loaded.run("return document.scripts.length;") == 3
    assert loaded.errors() == []


def test_firefox_errors_are_seen(session, tmp_path):
    """The error check above can fail: a broken page is reported."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><title>broken</title>"
        "<script>console.error('kg test: logged'); missingFunction();</script>"
    )
    session.client.navigate(broken.as_uri())
    found = session.errors()
    assert any("console: kg test: logged" in e for e in found), found
    assert any("javascript: ReferenceError" in e and "missingFunction" in e for e in found), found
