"""SPARQL on rdflib's in-memory store and on Oxigraph, with graphs shaped like ours.

    python bench/sparql.py                   # 1,000,000 triples
    python bench/sparql.py --triples 100000 --cap 30

Generates documents in our RDF model (typed entities with labels and alt labels, kg: facts
between them, each fact reified with evidence pointing at its document, the document's own
description, all in the document's named graph) and, for each backend in its own process:

* load: `Store.replace_document` per document (the pipeline's path; generation not timed);
* a label lookup with FILTER(CONTAINS(...));
* a 2-hop join written the way people write it (types first, then the path), which makes
  rdflib build a cross product;
* a GROUP BY count.

rdflib queries run in a forked child killed after `--cap` seconds (reported as "> cap s");
Oxigraph queries run in process with the same cap (kg.query's timeout). Prints times, row
counts (they must agree) and the rdflib / Oxigraph ratios.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef  # noqa: E402
from rdflib.namespace import DCTERMS, PROV  # noqa: E402

from kg.namespaces import AGENT, DOC, ENT, EV, FACT, KG  # noqa: E402

QUERIES = {
    "label FILTER": """
        SELECT ?e ?label WHERE {
          ?e rdfs:label ?label .
          FILTER(CONTAINS(?label, "Spark 7"))
        }""",
    "2-hop join": """
        SELECT ?model ?company ?place WHERE {
          ?model a kg:AIModel .
          ?company a kg:Company .
          ?model kg:developedBy ?company .
          ?company kg:headquarteredIn ?place .
        }""",
    "GROUP BY count": """
        SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?type }
        GROUP BY ?type ORDER BY DESC(?n)""",
}

MODEL_WORDS = ["Spark", "Nova", "Atlas", "Llama", "Orion", "Pulse", "Echo", "Quill"]
FIRST = ["Ada", "Alan", "Grace", "Linus", "Ken", "Barbara", "Edsger", "Margaret", "Dennis"]
LAST = ["Wang", "Hopper", "Turing", "Lovelace", "Liskov", "Knuth", "Hamilton", "Ritchie"]
PREDICATES = [  # (predicate, subject kind, object kind)
    ("developedBy", "model", "company"),
    ("headquarteredIn", "company", "place"),
    ("worksFor", "person", "company"),
    ("leads", "person", "company"),
    ("competitorOf", "company", "company"),
    ("partnerOf", "company", "company"),
]
CLASSES = {"model": KG.AIModel, "company": KG.Company, "person": KG.Person, "place": KG.Place}


def _h(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


class Generator:
    """Deterministic documents in our model, about `triples` triples in all."""

    def __init__(self, triples: int, seed: int = 7) -> None:
        self.triples = triples
        self.rng = random.Random(seed)
        docs = max(1, triples // 230)
        self.pools = {"model": docs * 2, "company": docs, "person": docs * 2,
                      "place": max(50, docs // 20)}

    def entity(self, kind: str, n: int) -> tuple[URIRef, str]:
        if kind == "model":
            label = f"{MODEL_WORDS[n % len(MODEL_WORDS)]} {n}"
        elif kind == "company":
            label = f"Company {n}"
        elif kind == "person":
            label = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} {n}"
        else:
            label = f"Place {n}"
        return ENT[label.replace(" ", "_")], label

    def pick(self, kind: str) -> int:
        # a skewed choice: some entities are in many documents
        size = self.pools[kind]
        return min(size - 1, int(size * self.rng.random() ** 2))

    def documents(self) -> Iterator[tuple[URIRef, Graph]]:
        total, n = 0, 0
        agent = AGENT["kg-0.1.0"]
        while total < self.triples:
            doc = DOC[_h("doc", str(n))]
            g = Graph()
            g.add((doc, RDF.type, KG.Document))
            g.add((doc, DCTERMS.title, Literal(f"News article {n}")))
            g.add((doc, KG.sourcePath, Literal(f"articles/{n}.txt")))
            g.add((doc, KG.contentHash, Literal(f"sha256:{_h('text', str(n))}")))
            g.add((doc, KG.readAt, Literal("2026-11-22T10:00:00Z", datatype=XSD.dateTime)))
            for k in range(12):
                predicate, skind, okind = PREDICATES[self.rng.randrange(len(PREDICATES))]
                s, slabel = self.entity(skind, self.pick(skind))
                o, olabel = self.entity(okind, self.pick(okind))
                for iri, label, kind in ((s, slabel, skind), (o, olabel, okind)):
                    g.add((iri, RDF.type, CLASSES[kind]))
                    g.add((iri, RDFS.label, Literal(label)))
                    if kind == "model":
                        g.add((iri, SKOS.altLabel, Literal(f"{label} model")))
                hedged = self.rng.random() < 0.1
                if not hedged:
                    g.add((s, KG[predicate], o))
                fact = FACT[_h(str(s), predicate, str(o))]
                ev = EV[_h(str(doc), str(k))]
                g.add((fact, RDF.type, KG.Fact))
                g.add((fact, RDF.subject, s))
                g.add((fact, RDF.predicate, KG[predicate]))
                g.add((fact, RDF.object, o))
                g.add((fact, KG.evidence, ev))
                g.add((ev, RDF.type, KG.Evidence))
                g.add((ev, PROV.wasDerivedFrom, doc))
                g.add((ev, KG.sentence, Literal(f"{slabel} {predicate} {olabel}.")))
                g.add((ev, KG.startOffset, Literal(k * 100)))
                g.add((ev, KG.endOffset, Literal(k * 100 + 60)))
                g.add((ev, KG.confidence, Literal("0.9", datatype=XSD.decimal)))
                g.add((ev, KG.status, KG.Hedged if hedged else KG.Asserted))
                g.add((ev, KG.rule, Literal(f"active:{predicate}")))
                g.add((ev, PROV.wasAttributedTo, agent))
            total += len(g)
            n += 1
            yield doc, g


# --------------------------------------------------------------------------- worker


def _child(conn, store, query: str) -> None:  # runs in a forked process
    from kg.query import run_query

    started = time.perf_counter()
    result = run_query(store, query)
    conn.send((time.perf_counter() - started, len(result.rows)))
    conn.close()


def _query_forked(store, query: str, cap: float) -> tuple[float | None, int | None]:
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, store, query))
    proc.start()
    child.close()
    if parent.poll(cap):
        elapsed, rows = parent.recv()
        proc.join()
        return elapsed, rows
    proc.kill()
    proc.join()
    return None, None


def _query_inline(store, query: str, cap: float) -> tuple[float | None, int | None]:
    from kg.query import QueryTimeout, run_query

    started = time.perf_counter()
    try:
        result = run_query(store, query, timeout=cap)
    except QueryTimeout:
        return None, None
    return time.perf_counter() - started, len(result.rows)


def worker(backend: str, triples: int, cap: float) -> dict:
    from kg.store import MemoryStore, OxigraphStore

    tmp = tempfile.TemporaryDirectory(prefix="kg-bench-")
    store = MemoryStore() if backend == "rdflib" else OxigraphStore(Path(tmp.name) / "store")
    load = 0.0
    docs = 0
    for doc, graph in Generator(triples).documents():
        started = time.perf_counter()
        store.replace_document(doc, graph)
        load += time.perf_counter() - started
        docs += 1
    out: dict = {"backend": backend, "documents": docs, "quads": store.triple_count(),
                 "load": load, "queries": {}}
    run = _query_forked if backend == "rdflib" else _query_inline
    for name, query in QUERIES.items():
        elapsed, rows = run(store, query, cap)
        out["queries"][name] = {"seconds": elapsed, "rows": rows}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store.close()
    tmp.cleanup()
    return out


# --------------------------------------------------------------------------- report


def _fmt(seconds: float | None, cap: float) -> str:
    if seconds is None:
        return f"> {cap:g} s"
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def _ratio(a: float | None, b: float | None, cap: float) -> str:
    if b is None:
        return "n/a"
    if a is None:
        return f"> {cap / max(b, 1e-6):,.0f}x"
    return f"{a / max(b, 1e-6):,.1f}x"


def report(results: list[dict], cap: float) -> str:
    by = {r["backend"]: r for r in results}
    rd, ox = by.get("rdflib"), by.get("oxigraph")
    first = rd or ox
    lines = [f"{first['quads']:,} quads in {first['documents']:,} document graphs", ""]
    lines.append(f"{'':28}{'rdflib':>14}{'Oxigraph':>14}{'rdflib/Oxigraph':>18}")

    def row(name: str, a: float | None, b: float | None) -> None:
        lines.append(f"{name:28}{_fmt(a, cap) if rd else '-':>14}"
                     f"{_fmt(b, cap) if ox else '-':>14}{_ratio(a, b, cap):>18}")

    row("load (replace_document)", rd and rd["load"], ox and ox["load"])
    for name in QUERIES:
        a = rd["queries"][name]["seconds"] if rd else None
        b = ox["queries"][name]["seconds"] if ox else None
        row(name, a, b)
    mem_rd = f"{rd['peak_rss_mb']:,.0f} MB" if rd else "-"
    mem_ox = f"{ox['peak_rss_mb']:,.0f} MB" if ox else "-"
    lines.append(f"{'peak memory (RSS)':28}{mem_rd:>14}{mem_ox:>14}")
    lines.append("")
    for name in QUERIES:
        counts = {r["backend"]: r["queries"][name]["rows"] for r in results}
        lines.append(f"rows, {name}: " + ", ".join(f"{k} {v if v is not None else '-'}"
                                                    for k, v in counts.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--cap", type=float, default=120.0, help="seconds per query at most")
    parser.add_argument("--backends", default="rdflib,oxigraph")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.triples, args.cap)))
        return 0
    results = []
    for backend in args.backends.split(","):
        print(f"running {backend} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", backend, "--triples", str(args.triples),
             "--cap", str(args.cap)],
            capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(f"  {backend} done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(report(results, args.cap))
    return 0


if __name__ == "__main__":
    sys.exit(main())
