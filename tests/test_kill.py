"""SIGKILL a real `kg build --store DIR -o OUT` at several points; nothing committed is lost.

Sixteen generated articles are built in batches of two (one store transaction per document).
A clean build gives the reference store and OUT files. Then, on a fresh store with OUT holding
the clean build's files, builds are killed: once the store exists (nothing committed yet),
once it holds two documents, once it holds half, once it holds all of them (the OUT files are
being written). After each kill the store opens for writing, every document in it equals the
clean build's version of it (no partial graph), its default graph is still the union of its
document graphs, and every OUT file is either the previous one, byte for byte, or a complete
new one. A last run completes and ends with the clean build's graphs: no document missing, no
fact twice.

The test watches the store from outside with read-only opens (an Oxigraph snapshot, which a
writer does not block), so nothing is added to the build to make it observable.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from reliability_helpers import KG, ROOT, run_kg, write_articles  # noqa: E402

from kg.namespaces import KG as KG_NS  # noqa: E402

ARTICLES = 16
BATCH = "2"
READ_AT = ox.NamedNode(str(KG_NS.readAt))
OUT_FILES = ("graph.ttl", "graph.nq", "graph.html")


def build_args(articles: Path, store: Path, out: Path) -> list[str]:
    return ["build", str(articles), "--store", str(store), "-o", str(out), "-f", "turtle,nquads",
            "--batch-size", BATCH, "--quiet"]


def document_graphs(store_dir: Path, *, read_only: bool = True) -> dict[str, set]:
    """Named graph -> its quads without kg:readAt (the time of each build)."""
    store = ox.Store.read_only(str(store_dir)) if read_only else ox.Store(str(store_dir))
    try:
        graphs: dict[str, set] = {}
        for quad in store.quads_for_pattern(None, None, None):
            if isinstance(quad.graph_name, ox.DefaultGraph) or quad.predicate == READ_AT:
                continue
            graphs.setdefault(quad.graph_name.value, set()).add(
                (quad.subject, quad.predicate, quad.object))
        return graphs
    finally:
        del store


def is_fact(triple) -> bool:
    """entity --kg:property--> entity, as asserted (not its reification)."""
    s, p, o = triple
    return (p.value.startswith(str(KG_NS)) and isinstance(o, ox.NamedNode)
            and "/entity/" in s.value and "/entity/" in o.value)


def default_graph_is_the_union(store_dir: Path) -> bool:
    store = ox.Store.read_only(str(store_dir))
    default = {(q.subject, q.predicate, q.object)
               for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)
             if not isinstance(q.graph_name, ox.DefaultGraph)}
    return default == named


def committed(store_dir: Path) -> int:
    """Documents in the store now, seen through a read-only snapshot (0 before it exists).

    Opening a snapshot can race with the writer's compaction (a file listed in the manifest is
    already gone); RocksDB then says "Corruption" about the snapshot, not the store: -1, ask
    again."""
    if not (store_dir / "CURRENT").exists():
        return 0
    try:
        store = ox.Store.read_only(str(store_dir))
        return sum(1 for _ in store.named_graphs())  # reading can hit the race too
    except (OSError, RuntimeError):
        return -1


def start_build(articles: Path, store: Path, out: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([*KG, *build_args(articles, store, out)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_when(proc: subprocess.Popen, ready, timeout: float = 600) -> bool:
    """SIGKILL `proc` as soon as `ready()` holds; False if the build ended first."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        assert time.monotonic() < deadline, "the build neither ended nor reached the point"
        time.sleep(0.02)
    return False


def check_out_files(out: Path, previous: dict[str, bytes]) -> None:
    """Each OUT file is the previous one or a complete new one, never a part."""
    for name in OUT_FILES:
        data = (out / name).read_bytes()
        if data == previous[name]:
            continue
        if name == "graph.html":
            assert data.rstrip().endswith(b"</html>"), "graph.html is cut short"
        else:
            fmt = ox.RdfFormat.TURTLE if name.endswith(".ttl") else ox.RdfFormat.N_QUADS
            assert list(ox.parse(data, format=fmt)), name


@pytest.mark.slow
def test_killed_builds_lose_nothing_and_resume_without_duplicates(tmp_path):
    articles = tmp_path / "articles"
    write_articles(articles, ARTICLES)
    clean = run_kg(*build_args(articles, tmp_path / "ref", tmp_path / "ref_out"))
    assert clean.returncode == 0, clean.stderr
    reference = document_graphs(tmp_path / "ref")
    assert len(reference) == ARTICLES
    facts = [t for g in reference.values() for t in g if is_fact(t)]
    assert len(facts) >= ARTICLES  # the articles do say something

    store, out = tmp_path / "store", tmp_path / "out"
    out.mkdir()
    for name in OUT_FILES:
        (out / name).write_bytes((tmp_path / "ref_out" / name).read_bytes())
    points = {
        "store created": lambda: (store / "CURRENT").exists(),
        "two documents committed": lambda: committed(store) >= 2,
        "half committed": lambda: committed(store) >= ARTICLES // 2,
        "all committed": lambda: committed(store) >= ARTICLES,
    }
    held_at_kill: dict[str, int] = {}
    for point, ready in points.items():
        previous = {name: (out / name).read_bytes() for name in OUT_FILES}
        proc = start_build(articles, store, out)
        if not kill_when(proc, ready):
            assert proc.returncode == 0, proc.stderr.read().decode()
            continue
        check_out_files(out, previous)
        held = document_graphs(store, read_only=False)  # it opens for writing, too
        held_at_kill[point] = len(held)
        for name, graph in held.items():
            assert graph == reference[name], f"{point}: a partial or different graph {name}"
        assert default_graph_is_the_union(store), point
    print("documents in the store at each kill:", held_at_kill)
    assert len(held_at_kill) >= 3
    assert any(0 < n < ARTICLES for n in held_at_kill.values())  # one kill was mid-build

    final = run_kg(*build_args(articles, store, out))
    assert final.returncode == 0, final.stderr
    assert document_graphs(store) == reference  # every document, each fact once
    for name in ("graph.ttl", "graph.nq"):
        fmt = ox.RdfFormat.TURTLE if name.endswith(".ttl") else ox.RdfFormat.N_QUADS
        ours = {q for q in ox.parse(path=str(out / name), format=fmt) if q.predicate != READ_AT}
        theirs = {q for q in ox.parse(path=str(tmp_path / "ref_out" / name), format=fmt)
                  if q.predicate != READ_AT}
        assert ours == theirs, name
