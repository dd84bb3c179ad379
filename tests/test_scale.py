"""Streaming builds, worker processes and a real Dask cluster give the graph one process gives."""

from __future__ import annotations

import socket
import subprocess
import sys

import psutil
import pytest
from conftest import EXAMPLES
from rdflib import RDF

from kg.documents import read_all
from kg.errors import InputError, KgError
from kg.namespaces import ENT, KG
from kg.pipeline import build_stream, extract
from kg.rdf import document_graphs, document_iri
from kg.store import MemoryStore


def nquads(store) -> list[str]:
    return sorted(store.dump("nquads").decode("utf-8").splitlines())


def without_read_times(lines: list[str]) -> list[str]:
    """Two runs read the files at different times; everything else must be equal."""
    return [line for line in lines if str(KG.readAt) not in line]


@pytest.fixture(scope="module")
def items():
    """The example articles, read once: every build below sees the same read times."""
    return list(read_all([str(EXAMPLES)]))


@pytest.fixture(scope="module")
def two_per_batch(items) -> list[str]:
    """The reference for the parallel runs: one process, batches of two documents."""
    store = MemoryStore()
    batches = list(build_stream(items, store, batch_size=2))
    assert [len(b.documents) for b in batches] == [2, 2, 2]
    return nquads(store)


def test_one_batch_gives_the_whole_corpus_graph(items):
    whole = MemoryStore()
    for doc, graph in document_graphs(extract(items)):  # the pre-streaming road
        whole.replace_document(doc, graph)
    streamed = MemoryStore()
    batches = list(build_stream(items, streamed))
    assert len(batches) == 1 and batches[0].new == len(items) == 6
    assert batches[0].facts > 20
    assert nquads(streamed) == nquads(whole)

    again = list(build_stream(items, streamed))  # unchanged documents are not parsed again
    assert [(len(b.documents), b.unchanged) for b in again] == [(0, 6)]
    assert nquads(streamed) == nquads(whole)


def test_a_name_in_several_batches_is_one_node(items):
    store = MemoryStore()
    assert len(list(build_stream(items, store, batch_size=1))) == 6
    dataset = store.to_dataset()
    graphs_naming_meta = {g for _s, _p, _o, g in dataset.quads((ENT["Meta"], None, None, None))}
    assert len(graphs_naming_meta) >= 3
    union = set(dataset.triples((None, None, None)))
    assert (ENT["Meta"], RDF.type, KG.Company) in union
    assert (ENT["Muse_Spark"], KG.developedBy, ENT["Meta"]) in union


def test_documents_are_read_lazily_and_failures_reported(items):
    consumed = []

    def source():
        yield InputError("broken.txt: binary content, not text (refused)")
        for item in items:
            consumed.append(item)
            yield item

    store = MemoryStore()
    stream = build_stream(source(), store, batch_size=2)
    first = next(stream)
    assert len(items) > 4
    # the first batch is written (in the writer thread) while the second is extracted; the
    # rest of the corpus is not read yet
    assert len(consumed) == 4
    assert set(store.documents()) == {str(document_iri(d)) for d in first.documents}
    assert first.failures == ["broken.txt: binary content, not text (refused)"]
    assert first.seen == 3
    stream.close()


def cli_build(out, *options: str) -> list[str]:
    """`kg build` of the examples in batches of two; its sorted N-Quads."""
    run = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(EXAMPLES), "-o", str(out), "--format",
         "nquads", "--no-html", "-q", "--batch-size", "2", *options],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return sorted((out / "graph.nq").read_text().splitlines())


@pytest.mark.slow
def test_cli_workers_give_the_one_process_graph(tmp_path, two_per_batch):
    built = cli_build(tmp_path / "out", "--workers", "2")
    assert without_read_times(built) == without_read_times(two_per_batch)
    assert len(built) > 1000


@pytest.mark.slow
def test_dask_cluster_gives_the_one_process_graph(tmp_path, items, two_per_batch,
                                                  monkeypatch):
    from distributed import LocalCluster

    import kg

    before = running_children()
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        workers = running_children() - before
        assert len(workers) == 2  # real worker processes
        store = MemoryStore()
        batches = list(build_stream(items, store, batch_size=2,
                                    dask=cluster.scheduler_address))
        from_cli = cli_build(tmp_path / "out", "--dask", cluster.scheduler_address)
        monkeypatch.setattr(kg, "__version__", "0.0.0-other")  # workers run another kg
        with pytest.raises(KgError, match=r"runs kg .*, this client kg 0\.0\.0-other"):
            list(build_stream(items, MemoryStore(), dask=cluster.scheduler_address))
    assert [len(b.documents) for b in batches] == [2, 2, 2]
    assert nquads(store) == two_per_batch
    assert without_read_times(from_cli) == without_read_times(two_per_batch)
    assert not running_children() & workers


def running_children() -> set[int]:
    """Live child processes, less multiprocessing's resource tracker (it lives as long as the
    test process: the stdlib starts it with the first spawned process)."""
    found = set()
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE and \
                    "resource_tracker" not in " ".join(child.cmdline()):
                found.add(child.pid)
        except psutil.NoSuchProcess:
            continue
    return found


def test_unreachable_dask_scheduler_is_one_clear_error(items, monkeypatch):
    import kg.parallel

    monkeypatch.setattr(kg.parallel, "DASK_CONNECT_TIMEOUT", 1)
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    with pytest.raises(KgError, match=f"cannot reach the Dask scheduler at {address}"):
        list(build_stream(items, MemoryStore(), dask=address))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "2", "--dask", "tcp://127.0.0.1:8786"], "not both"),
        (["--workers", "0"], "--workers"),
        (["--batch-size", "0"], "--batch-size"),
    ],
)
def test_cli_rejects_bad_scale_options(tmp_path, args, message):
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(EXAMPLES), "-o",
                          str(tmp_path / "o"), *args], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 2, run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "o").exists()
