"""Benchmark `kg viz` on generated graphs shaped like ours, in headless Chromium.

For each size: build an rdflib graph in our model (typed entities with labels and aliases,
about two kg: facts per entity, each fact reified with one or two evidence sentences from
generated documents, hub entities as in news), convert it (`to_networkx`), render the HTML,
then time the page from navigation to `window.kgReady === true` (the view has settled:
stabilised and frozen, or drawn with precomputed positions), and the time one frame of that
view takes to draw (each step of a zoom or pan redraws it: the measure of "interactive").

Usage: .venv/bin/python bench/viz.py [--sizes 1000 5000 20000] [--repeat 2] [--out DIR]
       [--no-browser]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))  # browsers.py: how to launch Debian's Chromium here

from browsers import chromium, chromium_path  # noqa: E402

from kg.namespaces import DOC, ENT, EV, FACT, KG  # noqa: E402
from kg.netgraph import to_networkx  # noqa: E402
from kg.viz import LARGE_GRAPH, render_html, write_atomic  # noqa: E402

TYPES = [
    ("Person", 0.30),
    ("Company", 0.25),
    ("Organization", 0.10),
    ("AIModel", 0.10),
    ("Product", 0.15),
    ("Place", 0.10),
]
# property -> (subject types, object types)
PROPERTIES = {
    "worksFor": (("Person",), ("Company", "Organization")),
    "leads": (("Person",), ("Company", "Organization")),
    "developedBy": (("AIModel", "Product"), ("Company", "Organization")),
    "partOf": (("Organization", "Company"), ("Company",)),
    "acquired": (("Company",), ("Company", "Product")),
    "locatedIn": (("Company", "Organization", "Person"), ("Place",)),
    "investedIn": (("Company", "Person"), ("Company",)),
}
WORDS = ("said on Monday that", "announced", "confirmed in a statement that", "reported that")


def generate(n: int, seed: int = 1) -> Graph:
    """An rdflib graph of `n` entities and about 2n facts in our RDF model."""
    rng = random.Random(seed)
    g = Graph()
    names = [rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0] for _ in range(n)]
    by_type: dict[str, list[int]] = {}
    for i, t in enumerate(names):
        by_type.setdefault(t, []).append(i)
        e = ENT[f"{t}_{i}"]
        g.add((e, RDF.type, KG[t]))
        g.add((e, RDFS.label, Literal(f"{t} {i}")))
        if rng.random() < 0.3:
            g.add((e, SKOS.altLabel, Literal(f"{t[:3].upper()}{i}")))
    docs = [DOC[f"d{j}"] for j in range(max(1, n // 10))]
    for j, d in enumerate(docs):
        g.add((d, RDF.type, KG.Document))
        g.add((d, DCTERMS.title, Literal(f"Generated article {j}")))
        g.add((d, KG.sourcePath, Literal(f"articles/{j}.txt")))
    g.add((KG.Asserted, RDF.type, KG.Status))
    props = list(PROPERTIES)
    made = 0
    seen: set[tuple] = set()
    while made < 2 * n:
        prop = rng.choice(props)
        subjects, objects = PROPERTIES[prop]
        s_pool = by_type.get(rng.choice(subjects))
        o_pool = by_type.get(rng.choice(objects))
        if not s_pool or not o_pool:
            continue
        s = rng.choice(s_pool)
        # Objects follow a power law: a few hubs (think Meta, OpenAI) gather many facts.
        if rng.random() < 0.6:
            o = o_pool[min(int(rng.paretovariate(1.2)) - 1, len(o_pool) - 1)]
        else:
            o = rng.choice(o_pool)
        if s == o or (s, prop, o) in seen:
            continue
        seen.add((s, prop, o))
        subj, obj = ENT[f"{names[s]}_{s}"], ENT[f"{names[o]}_{o}"]
        g.add((subj, KG[prop], obj))
        f = FACT[f"f{made}"]
        g.add((f, RDF.type, KG.Fact))
        g.add((f, RDF.subject, subj))
        g.add((f, RDF.predicate, KG[prop]))
        g.add((f, RDF.object, obj))
        for k in range(1 + (rng.random() < 0.3)):
            ev = EV[f"e{made}-{k}"]
            sentence = f"{names[s]} {s} {rng.choice(WORDS)} it {prop} {names[o]} {o}."
            g.add((f, KG.evidence, ev))
            g.add((ev, RDF.type, KG.Evidence))
            g.add((ev, KG.sentence, Literal(sentence)))
            g.add((ev, PROV.wasDerivedFrom, rng.choice(docs)))
            g.add(
                (ev, KG.confidence, Literal(f"{rng.uniform(0.5, 0.95):.2f}", datatype=XSD.decimal))
            )
            g.add((ev, KG.status, KG.Asserted))
        made += 1
    return g


# One full frame of the settled view (what each step of a zoom or a pan costs): the median
# of five synchronous redraws, in milliseconds.
FRAME_MS_JS = """() => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    kgNetwork.redraw();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2];
}"""


def settle_time(browser, path: Path, timeout_s: float = 600) -> tuple[float, float]:
    """Seconds from navigation to a settled view, and the frame time (ms) of that view."""
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        start = time.perf_counter()
        page.goto(path.as_uri(), timeout=timeout_s * 1000, wait_until="commit")
        page.wait_for_function("window.kgReady === true", timeout=timeout_s * 1000, polling=100)
        elapsed = time.perf_counter() - start
        frame_ms = page.evaluate(FRAME_MS_JS)
    finally:
        page.close()
    if errors:
        raise RuntimeError(f"page errors: {errors[:3]}")
    return elapsed, frame_ms


def measure(n: int, out: Path, browser, repeat: int) -> dict:
    """Generate, convert and render a graph of `n` entities; time its page in `browser`."""
    t0 = time.perf_counter()
    rdf = generate(n)
    t1 = time.perf_counter()
    G = to_networkx(rdf)
    t2 = time.perf_counter()
    page = render_html(G, title=f"bench {n}")
    path = write_atomic(out / f"bench-{n}.html", page)
    t3 = time.perf_counter()
    runs = [settle_time(browser, path) for _ in range(max(repeat, 1))] if browser else []
    settle, frame_ms = min(runs) if runs else (None, None)
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "triples": len(rdf),
        "generate": t1 - t0,
        "networkx": t2 - t1,
        "html": t3 - t2,
        "mb": path.stat().st_size / 1e6,
        "settle": settle,
        "frame_ms": frame_ms,
        "mode": "physics" if G.number_of_nodes() <= LARGE_GRAPH else "precomputed",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--out", type=Path, help="keep the HTML files here")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timing")
    parser.add_argument(
        "--repeat", type=int, default=2, help="page loads per size; the best is reported"
    )
    args = parser.parse_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-viz-"))
    out.mkdir(parents=True, exist_ok=True)
    executable = chromium_path()
    use_browser = not args.no_browser and executable is not None
    if not args.no_browser and not use_browser:
        print("headless Chromium not installed (apt-get install chromium): no browser timing")

    rows = []
    with contextlib.ExitStack() as stack:
        browser = stack.enter_context(chromium(executable)) if use_browser else None
        if browser:
            warm = browser.new_page()  # the first page of a browser pays its start-up
            warm.set_content("<p>warm-up</p>")
            warm.close()
        for n in args.sizes:
            rows.append(measure(n, out, browser, args.repeat))
            r = rows[-1]
            shown = "-" if r["settle"] is None else f"{r['settle']:.2f}"
            print(f"  {n}: done ({r['mode']}, settle {shown} s)", file=sys.stderr)

    base = rows[0]
    header = (
        f"{'nodes':>7} {'edges':>7} {'triples':>8} {'layout':>11} {'to_nx s':>8} "
        f"{'html s':>7} {'MB':>6} {'settle s':>9} {'frame ms':>9} {'x size':>7} {'x settle':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        settle = f"{r['settle']:.2f}" if r["settle"] is not None else "-"
        frame = f"{r['frame_ms']:.0f}" if r["frame_ms"] is not None else "-"
        ratio = (
            f"{r['settle'] / base['settle']:.1f}"
            if r["settle"] is not None and base["settle"]
            else "-"
        )
        print(
            f"{r['nodes']:>7} {r['edges']:>7} {r['triples']:>8} {r['mode']:>11} "
            f"{r['networkx']:>8.2f} {r['html']:>7.2f} {r['mb']:>6.2f} {settle:>9} {frame:>9} "
            f"{r['mb'] / base['mb']:>7.1f} {ratio:>9}"
        )
    print(f"HTML files in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
