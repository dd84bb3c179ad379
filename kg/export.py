"""Export a store to a file: one writer per format, written atomically.

`WRITERS` maps a format name to a function `store -> bytes`; `kg export` looks formats up
there, so adding one (graphml, gexf, csv ...) is one entry. `SUFFIXES` lets `-o graph.ttl`
imply the format.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from kg.errors import KgError
from kg.store import Store

Writer = Callable[[Store], bytes]


def _rdf_writer(fmt: str) -> Writer:
    def write(store: Store) -> bytes:
        return store.dump(fmt)

    write.__name__ = f"write_{fmt.replace('-', '_')}"
    write.__doc__ = f"The store as {fmt} (see Store.dump)."
    return write


WRITERS: dict[str, Writer] = {
    "turtle": _rdf_writer("turtle"),  # the union of all document graphs
    "nt": _rdf_writer("nt"),  # the union, one triple a line
    "nquads": _rdf_writer("nquads"),  # one named graph per document
    "trig": _rdf_writer("trig"),  # one named graph per document
    "json-ld": _rdf_writer("json-ld"),  # named graphs, compact @context from PREFIXES
    "xml": _rdf_writer("xml"),  # RDF/XML, the union
}
"""Format name -> writer. Register more with `WRITERS["name"] = fn`."""


def _graph_tool_writer(name: str) -> Writer:
    def write(store: Store) -> bytes:
        from kg import graph_formats  # networkx-based; imported only when asked for

        return getattr(graph_formats, name)(store)

    write.__name__ = f"write_{name}"
    return write


WRITERS.update(graphml=_graph_tool_writer("graphml"), gexf=_graph_tool_writer("gexf"),
               csv=_graph_tool_writer("facts_csv"))

SUFFIXES: dict[str, str] = {
    ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
    ".rdf": "xml", ".xml": "xml", ".owl": "xml", ".graphml": "graphml", ".gexf": "gexf",
    ".csv": "csv",
}
"""Output file suffix -> format, for `kg export -o FILE` without --format."""


def format_for_path(path: str | Path) -> str | None:
    """The format a file name implies, or None."""
    return SUFFIXES.get(Path(path).suffix.lower())


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` so readers see the old file or the new one, never a part.

    The bytes go to a temporary file in the same directory, are flushed to disk, then renamed
    over `path` with os.replace (atomic on POSIX and Windows).
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def export(store: Store, fmt: str, path: str | Path) -> int:
    """Write `store` as `fmt` to `path` (atomically; "-" is stdout). Returns the byte count."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise KgError(f"unknown export format {fmt!r}; use one of {', '.join(WRITERS)}")
    data = writer(store)
    if str(path) == "-":
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(path, data)
    return len(data)
