"""A bounded load test of `kg serve` on loopback: concurrent clients, the example queries.

    python bench/load.py                          # 8 clients, 2,000 queries
    python bench/load.py --clients 4 --queries 200 --backend memory

Builds examples/articles into a temporary folder (an Oxigraph store, or graph.ttl served from
memory with `--backend memory`), starts the real `kg serve` on a free 127.0.0.1 port, and:

* baseline: every query of examples/queries/*.rq once, one client, one at a time (each
  answer is kept: it is the right answer);
* load: `--clients` threads send `--queries` requests in all, the queries in a shuffled mix;
  an error is a transport failure, a status other than 200, or an answer that differs from
  the baseline's.

Prints errors, latency percentiles (p50, p90, p99, max), throughput, the ratios load /
baseline, and checks the server logged one line per request. Exit code 1 on any error.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "articles"
QUERIES = ROOT / "examples" / "queries"
ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"
LOG_LINE = re.compile(r"(GET|POST) /sparql (\d{3}) [\d.]+ ms$")


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)  # seconds, one per answered request
    errors: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    @property
    def throughput(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        rank = max(1, round(p / 100 * len(ordered)))
        return ordered[min(rank, len(ordered)) - 1] * 1000


def example_queries(folder: Path = QUERIES) -> list[tuple[str, str]]:
    return [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.rq"))]


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def kg_env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def build_example_graph(workdir: Path) -> dict[str, Path]:
    """The example articles, built once: {"oxigraph": the store folder, "memory": graph.ttl}."""
    store, out = workdir / "store", workdir / "out"
    subprocess.run(kg_command("build", str(ARTICLES), "--store", str(store), "-o", str(out),
                              "--no-html", "--quiet"),
                   env=kg_env(), check=True, timeout=900, capture_output=True)
    return {"oxigraph": store, "memory": out / "graph.ttl"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def kg_serve(target: Path, log_path: Path, *extra: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """`kg serve TARGET` (default host: it must be loopback) until the block ends; its log
    goes to `log_path` (a file: a pipe nobody reads would fill and stall the server)."""
    port = free_port()
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(kg_command("serve", str(target), "--port", str(port), *extra),
                                env=kg_env(), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_until_up(base: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(base + "/stats", timeout=5)
            return
        except httpx.TransportError:
            if proc.poll() is not None:
                raise RuntimeError("kg serve exited before answering") from None
            if time.monotonic() > deadline:
                raise RuntimeError("kg serve did not come up") from None
            time.sleep(0.2)


def ask(client: httpx.Client, query: str) -> httpx.Response:
    return client.get("/sparql", params={"query": query}, headers={"Accept": ACCEPT})


def baseline(base: str, queries: list[tuple[str, str]], rounds: int = 3
             ) -> tuple[dict[str, bytes], LoadResult]:
    """Each query `rounds` times, one at a time: the right answers and the serial latencies."""
    answers: dict[str, bytes] = {}
    result = LoadResult()
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(rounds):
            for name, text in queries:
                t0 = time.perf_counter()
                response = ask(client, text)
                if response.status_code != 200:
                    raise RuntimeError(f"{name}: HTTP {response.status_code}: {response.text}")
                result.latencies.append(time.perf_counter() - t0)
                answers.setdefault(name, response.content)
    result.elapsed = time.perf_counter() - started
    return answers, result


def run_load(base: str, queries: list[tuple[str, str]], answers: dict[str, bytes],
             clients: int, total: int, seed: int = 7) -> LoadResult:
    """`total` requests from `clients` threads, each with its own connection."""
    plan = [queries[i % len(queries)] for i in range(total)]
    random.Random(seed).shuffle(plan)
    shares = [plan[i::clients] for i in range(clients)]
    result = LoadResult()
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client_loop(share: list[tuple[str, str]]) -> None:
        latencies, errors = [], []
        with httpx.Client(base_url=base, timeout=60) as client:
            start.wait()
            for name, text in share:
                t0 = time.perf_counter()
                try:
                    response = ask(client, text)
                except httpx.HTTPError as exc:
                    errors.append(f"{name}: {type(exc).__name__}: {exc}")
                    continue
                elapsed = time.perf_counter() - t0
                if response.status_code != 200:
                    errors.append(f"{name}: HTTP {response.status_code}")
                elif response.content != answers[name]:
                    errors.append(f"{name}: an answer that differs from the baseline's")
                else:
                    latencies.append(elapsed)
        with lock:
            result.latencies.extend(latencies)
            result.errors.extend(errors)

    threads = [threading.Thread(target=client_loop, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    start.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    result.elapsed = time.perf_counter() - started
    return result


def logged_requests(log_path: Path) -> int:
    """Access-log lines for /sparql in the server's output."""
    text = log_path.read_text(encoding="utf-8", errors="replace")
    return sum(1 for line in text.splitlines() if LOG_LINE.search(line))


def report(serial: LoadResult, load: LoadResult, clients: int) -> str:
    lines = [
        f"{'':<26}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}{'q/s':>9}{'errors':>8}",
    ]
    for label, res in (("baseline (1 client)", serial), (f"load ({clients} clients)", load)):
        lines.append(f"{label:<26}{res.percentile(50):>9.1f}{res.percentile(90):>9.1f}"
                     f"{res.percentile(99):>9.1f}{res.percentile(100):>9.1f}"
                     f"{res.throughput:>9.1f}{len(res.errors):>8}")
    lines.append(f"ratios load / baseline: p50 x{load.percentile(50) / serial.percentile(50):.2f}, "
                 f"p99 x{load.percentile(99) / serial.percentile(99):.2f}, "
                 f"throughput x{load.throughput / serial.throughput:.2f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--backend", choices=("oxigraph", "memory"), default="oxigraph")
    args = parser.parse_args()
    queries = example_queries()
    with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
        workdir = Path(tmp)
        t0 = time.perf_counter()
        target = build_example_graph(workdir)[args.backend]
        print(f"built {ARTICLES.relative_to(ROOT)} ({args.backend}) in "
              f"{time.perf_counter() - t0:.1f} s; {len(queries)} queries: "
              f"{', '.join(name for name, _ in queries)}")
        log_path = workdir / "serve.log"
        with kg_serve(target, log_path) as (base, _proc):
            answers, serial = baseline(base, queries)
            load = run_load(base, queries, answers, args.clients, args.queries)
        logged = logged_requests(log_path)
    print(f"{load.requests} requests from {args.clients} clients in {load.elapsed:.1f} s "
          f"on {os.cpu_count()} cores (server and clients share them)")
    print(report(serial, load, args.clients))
    expected = serial.requests + load.requests
    print(f"server log: {logged} /sparql lines for {expected} requests")
    for error in load.errors[:10]:
        print("error:", error)
    return 1 if load.errors or logged != expected else 0


if __name__ == "__main__":
    sys.exit(main())
