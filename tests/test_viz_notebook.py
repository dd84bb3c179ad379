"""`g.show()` in a real Jupyter kernel (nbclient + ipykernel, local, offline), and its output
opened in headless Chromium: the page must draw inside its sandboxed iframe."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest_browser import META, XSS_LABEL, sample_graph  # noqa: E402

from kg.netgraph import to_networkx  # noqa: E402

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
EXPLORE = ROOT / "examples" / "explore.ipynb"
NETWORK_URL = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(\s*['"]?\s*(?:https?:)?//""",
    re.IGNORECASE,
)
SRCDOC = re.compile(r'<iframe srcdoc="([^"]*)"')
DATA_SCRIPT = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def execute(nb, cwd: Path):
    """Run every cell in a fresh local ipykernel (the venv's Python)."""
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    client.execute()
    return nb


def html_outputs(cell) -> list[str]:
    return [o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {})]


def stream_text(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def shown(tmp_path_factory) -> tuple[str, object]:
    """The text/html output of `kg.load(...).show()` run in a kernel, and the graph drawn."""
    tmp = tmp_path_factory.mktemp("nb")
    rdf = sample_graph()
    rdf.serialize(tmp / "sample.ttl", format="turtle")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import kg\ng = kg.load('sample.ttl')"),
        nbformat.v4.new_code_cell("g.show(height=520)"),
    ]
    execute(nb, tmp)
    outputs = nb.cells[1].outputs
    assert [o["output_type"] for o in outputs] == ["execute_result"], stream_text(nb)
    (out,) = html_outputs(nb.cells[1])
    return out, rdf


def test_show_output_is_an_isolated_iframe_holding_the_page(shown):
    out, rdf = shown
    assert out.startswith('<iframe srcdoc="') and out.endswith("</iframe>")
    assert 'sandbox="allow-scripts' in out and "allow-same-origin" not in out
    assert "height:520px" in out
    assert "<script" not in out and XSS_LABEL not in out  # all of the page is escaped
    page = html.unescape(SRCDOC.search(out).group(1))
    assert page.startswith("<!DOCTYPE html>") and "new vis.Network" in page
    data = json.loads(DATA_SCRIPT.search(page).group(1))
    G = to_networkx(rdf)
    assert (len(data["nodes"]), len(data["edges"])) == (G.number_of_nodes(), G.number_of_edges())
    assert not NETWORK_URL.findall(out) and not NETWORK_URL.findall(page)


@pytest.mark.browser
def test_show_output_draws_in_chromium(shown, chromium_browser):
    """The output as a notebook front end shows it: inside a host page, the graph draws in
    the iframe with nothing fetched, no errors, and no way out to the host page."""
    out, rdf = shown
    page = chromium_browser.new_page(viewport={"width": 1200, "height": 700})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.set_content(f"<!DOCTYPE html><title>notebook</title><main>{out}</main>")
        frame = page.frame_locator("iframe")
        frame.locator("#kg-network canvas").wait_for(timeout=30_000)
        inner = next(f for f in page.frames if f is not page.main_frame)
        inner.wait_for_function("window.kgReady === true", timeout=60_000)
        G = to_networkx(rdf)
        drawn = inner.evaluate(
            "[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]"
        )
        assert drawn == [G.number_of_nodes(), G.number_of_edges()]
        box = page.locator("iframe").bounding_box()
        assert box["height"] == 520 and box["width"] > 1000
        reach = "() => { try { return String(window.parent.document.title); }"
        reach += " catch (e) { return e.name; } }"
        assert inner.evaluate(reach) == "SecurityError"  # sandboxed: no access to the notebook
        xy = inner.evaluate(
            """(id) => {
                const d = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
                const r = document.getElementById('kg-network').getBoundingClientRect();
                return [d.x + r.left, d.y + r.top];
            }""",
            META,
        )
        page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])
        title = frame.locator("#kg-panel-title")
        title.wait_for(timeout=5_000)
        assert title.text_content() == "Meta"
    finally:
        page.close()
    assert errors == []
    assert all(u.startswith(("about:", "data:")) for u in requests), requests


@pytest.mark.slow
def test_example_notebook_runs():
    """examples/explore.ipynb, as shipped (outputs cleared), runs top to bottom and shows the
    example graph inline."""
    nb = nbformat.read(EXPLORE, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    execute(nb, EXPLORE.parent)
    shows = [out for c in nb.cells if c.cell_type == "code" for out in html_outputs(c)]
    iframes = [out for out in shows if out.startswith("<iframe srcdoc=")]
    assert len(iframes) >= 2, stream_text(nb)
    assert all(not NETWORK_URL.findall(html.unescape(out)) for out in iframes)
    assert "Traceback" not in stream_text(nb)
