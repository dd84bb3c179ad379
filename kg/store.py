"""Where graphs live: one interface, two backends.

`MemoryStore` (rdflib Dataset) serves small one-off builds; `OxigraphStore` (pyoxigraph, on
disk, transactional) is the default for anything persistent. The pipeline only ever calls
`replace_document`, so a document's triples are swapped in one step and re-runs never duplicate.
"""

from __future__ import annotations

from typing import Protocol

from rdflib import Dataset, Graph, URIRef


class Store(Protocol):
    def replace_document(self, doc: URIRef, graph: Graph) -> None:
        """Atomically replace the named graph `doc` with `graph` (insert if new)."""

    def document_hash(self, doc: URIRef) -> str | None:
        """The kg:contentHash stored for `doc`, or None when the document is unknown."""

    def to_dataset(self) -> Dataset:
        """Everything, as an rdflib Dataset with one named graph per document."""


class MemoryStore:
    """An rdflib Dataset in memory: no files, fine up to some hundred thousand triples."""

    def __init__(self) -> None:
        self.dataset = Dataset(default_union=True)

    def replace_document(self, doc: URIRef, graph: Graph) -> None:
        self.dataset.remove_graph(self.dataset.graph(doc))
        target = self.dataset.graph(doc)
        for triple in graph:
            target.add(triple)

    def document_hash(self, doc: URIRef) -> str | None:
        from kg.namespaces import KG

        value = self.dataset.value(doc, KG.contentHash)
        return str(value) if value is not None else None

    def to_dataset(self) -> Dataset:
        return self.dataset
