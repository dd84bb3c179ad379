"""Bulk load of generated triples: rdflib's in-memory Dataset against Oxigraph.

    python bench/store_load.py                      # 1,000,000 triples, every backend
    python bench/store_load.py --triples 100000 --backends rdflib,oxigraph

The documents come from bench/sparql.py's generator (our RDF model: typed entities, labels,
reified facts with evidence, one named graph per document) and are written once to an N-Quads
file (not timed). Each backend then loads that file in its own process, so peak memory is its
own:

* rdflib: `Dataset.parse(format="nquads")` into rdflib's in-memory store (the baseline);
* oxigraph: pyoxigraph's `Store.bulk_load` into an on-disk store, then the same through kg's
  `OxigraphStore.bulk_load`, which also rebuilds the union default graph kg queries read;
* server: an `oxigraph serve` process on 127.0.0.1 written to the way `kg build --sink` does,
  one Graph Store Protocol PUT per document (kg.remote.RemoteStore.replace_document), and, for
  comparison, the whole file in one GSP POST.

Prints seconds, quads loaded (they must agree), peak RSS and the rdflib / other ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from sparql import Generator  # noqa: E402 - the generator of bench/sparql.py, shared

BACKENDS = ("rdflib", "oxigraph", "server")


# --------------------------------------------------------------------------- data


def write_nquads(triples: int, path: Path) -> tuple[int, int]:
    """The generated documents as one N-Quads file; returns (documents, quads)."""
    documents = quads = 0
    with path.open("wb") as out:
        for doc, graph in Generator(triples).documents():
            suffix = f" <{doc}> .\n".encode()
            for line in graph.serialize(format="nt11", encoding="utf-8").splitlines():
                if line.strip():
                    out.write(line.rstrip()[:-1].rstrip() + suffix)
                    quads += 1
            documents += 1
    return documents, quads


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- backends


def load_rdflib(path: Path, workdir: Path) -> dict:
    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset()
    dataset.parse(str(path), format="nquads")
    seconds = time.perf_counter() - started
    quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    return {"rdflib Dataset.parse": seconds, "quads": quads, "peak_rss_mb": _peak_mb()}


def load_oxigraph(path: Path, workdir: Path) -> dict:
    import pyoxigraph as ox

    from kg.store import OxigraphStore

    started = time.perf_counter()
    raw = ox.Store(str(workdir / "raw"))
    raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    bulk = time.perf_counter() - started
    quads = len(raw)
    del raw
    started = time.perf_counter()
    store = OxigraphStore(workdir / "kg")
    store.bulk_load(path, format="nquads")
    kg_bulk = time.perf_counter() - started
    kg_quads = store.triple_count()
    store.close()
    return {"pyoxigraph bulk_load": bulk, "kg OxigraphStore.bulk_load (+ union)": kg_bulk,
            "quads": quads, "kg quads": kg_quads, "peak_rss_mb": _peak_mb()}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _start_server(workdir: Path, name: str) -> tuple[subprocess.Popen, str]:
    import httpx

    command = Path(sys.executable).with_name("oxigraph")
    binary = str(command) if command.is_file() else shutil.which("oxigraph")
    if binary is None:
        raise SystemExit("the oxigraph command is missing (pip install -e '.[test]')")
    port = _free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(workdir / name),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=2).is_success:
                return proc, base
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit("oxigraph serve did not start")
        time.sleep(0.1)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def load_server(path: Path, workdir: Path, triples: int) -> dict:
    import httpx

    from kg.remote import RemoteStore

    out: dict = {}
    proc, base = _start_server(workdir, "per-document")
    try:
        store = RemoteStore.open(f"gsp+{base}/store", query_url=f"{base}/query",
                                 timeout=600)
        seconds = 0.0
        for doc, graph in Generator(triples).documents():  # generation is not timed
            started = time.perf_counter()
            store.replace_document(doc, graph)
            seconds += time.perf_counter() - started
        out["server: GSP PUT per document"] = seconds
        out["quads"] = store.triple_count()
        store.close()
        out["server_peak_rss_mb"] = _server_peak_mb(proc.pid)
    finally:
        _stop(proc)
    proc, base = _start_server(workdir, "one-post")
    try:
        started = time.perf_counter()
        with path.open("rb") as body:
            response = httpx.post(f"{base}/store", content=body, timeout=600,
                                  headers={"Content-Type": "application/n-quads"})
        response.raise_for_status()
        out["server: one GSP POST (whole file)"] = time.perf_counter() - started
        store = RemoteStore.open(f"{base}/query")
        out["post quads"] = store.triple_count()
        store.close()
    finally:
        _stop(proc)
    out["peak_rss_mb"] = _peak_mb()
    return out


def worker(backend: str, path: Path, triples: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
        if backend == "rdflib":
            return load_rdflib(path, Path(tmp))
        if backend == "oxigraph":
            return load_oxigraph(path, Path(tmp))
        return load_server(path, Path(tmp), triples)


# --------------------------------------------------------------------------- report


def report(documents: int, quads: int, results: dict[str, dict]) -> str:
    timings: list[tuple[str, float]] = []
    counts: list[str] = []
    memory: list[str] = []
    for backend, result in results.items():
        for key, value in result.items():
            if key.endswith("quads"):
                label = backend if key == "quads" else f"{backend} {key.removesuffix(' quads')}"
                counts.append(f"{label}: {value:,}")
            elif key == "server_peak_rss_mb":
                memory.append(f"oxigraph serve process: {value:,.0f} MB")
            elif key.endswith("rss_mb"):
                who = f"{backend} client" if backend == "server" else backend
                memory.append(f"{who}: {value:,.0f} MB")
            else:
                timings.append((key, value))
    baseline = dict(timings).get("rdflib Dataset.parse")
    lines = [f"{quads:,} quads in {documents:,} document graphs (one N-Quads file)", "",
             f"{'load':42}{'seconds':>10}{'quads/s':>12}{'rdflib / this':>16}"]
    for name, seconds in timings:
        ratio = f"{baseline / seconds:,.1f}x" if baseline else "-"
        lines.append(f"{name:42}{seconds:>10.2f}{quads / seconds:>12,.0f}{ratio:>16}")
    lines += ["", "quads loaded: " + "; ".join(counts), "peak RSS: " + "; ".join(memory), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, Path(args.file), args.triples)))
        return 0
    backends = [b for b in args.backends.split(",") if b]
    unknown = set(backends) - set(BACKENDS)
    if unknown:
        parser.error(f"unknown backends {', '.join(sorted(unknown))}; use {', '.join(BACKENDS)}")
    with tempfile.TemporaryDirectory(prefix="kg-load-data-") as tmp:
        path = Path(tmp) / "data.nq"
        print(f"generating {args.triples:,} triples ...", file=sys.stderr, flush=True)
        documents, quads = write_nquads(args.triples, path)
        results: dict[str, dict] = {}
        for backend in backends:
            print(f"loading into {backend} ...", file=sys.stderr, flush=True)
            proc = subprocess.run(
                [sys.executable, __file__, "--worker", backend, "--file", str(path),
                 "--triples", str(args.triples)],
                capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return 1
            results[backend] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(report(documents, quads, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
