"""bench/load.py, small: the real `kg serve` under 4 concurrent clients answers every query right
(200 requests to an Oxigraph store, 80 to a graph file served from memory by rdflib).

Also what only the real command can show: it listens on loopback unless told otherwise, and it
logs exactly one line per request.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from load import (  # noqa: E402
    baseline,
    build_example_graph,
    example_queries,
    kg_serve,
    logged_requests,
    run_load,
)


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp* writes them) listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


@pytest.fixture(scope="module")
def targets(tmp_path_factory):
    return build_example_graph(tmp_path_factory.mktemp("load"))


@pytest.mark.slow
@pytest.mark.parametrize("backend,total", [("oxigraph", 200), ("memory", 80)])  # rdflib: ~0.13 s
def test_concurrent_clients_get_right_answers(tmp_path, targets, backend, total):
    queries = example_queries()
    assert len(queries) >= 5
    log_path = tmp_path / "serve.log"
    with kg_serve(targets[backend], log_path) as (base, _proc):
        port = int(base.rsplit(":", 1)[1])
        if Path("/proc/net/tcp").exists():
            assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1 only
        answers, serial = baseline(base, queries, rounds=1)
        load = run_load(base, queries, answers, clients=4, total=total)
    assert load.errors == []
    assert load.requests == total and len(load.latencies) == total
    assert logged_requests(log_path) == serial.requests + load.requests
