"""The Python API: `build(paths)` gives a KnowledgeGraph to query, export and draw.

    g = build(["examples/articles"])
    g.query("SELECT ?m WHERE { ?m kg:developedBy ent:Meta }")
    g.serialize("turtle"); g.to_networkx(); g.to_html("graph.html")
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, Dataset, Graph

from kg.documents import read_all
from kg.namespaces import KG, bind_prefixes
from kg.pipeline import DEFAULT_BATCH_SIZE, Progress, build_stream
from kg.store import MemoryStore, Store


class KnowledgeGraph:
    """A built graph behind one store interface (memory by default, Oxigraph on disk)."""

    def __init__(self, store: Store, failures: Iterable[str] = ()) -> None:
        self.store = store
        self.failures = list(failures)

    @property
    def dataset(self) -> Dataset:
        """All named graphs (one per document)."""
        return self.store.to_dataset()

    @property
    def rdf(self) -> Graph:
        """The union of every document's graph, as one rdflib Graph."""
        union = bind_prefixes(Graph())
        for triple in self.dataset.triples((None, None, None)):
            union.add(triple)
        return union

    def query(self, sparql: str):
        """Run SPARQL with the common prefixes bound; returns a `kg.query.QueryResult`."""
        from kg.query import run_query

        return run_query(self.store, sparql)

    def serialize(self, format: str = "turtle") -> str:
        """Any export format of `kg export` (turtle, nt, nquads, trig, json-ld, xml ...)."""
        from kg.export import WRITERS
        from kg.store import normalize_format

        name = format if format in WRITERS else normalize_format(format)
        return WRITERS[name](self.store).decode("utf-8")

    def to_networkx(self):
        from kg.netgraph import to_networkx

        return to_networkx(self.rdf)

    def to_html(self, path: str | Path, **options) -> Path:
        from kg.viz import to_html

        return to_html(self.rdf, path, **options)

    def show(self, **options):
        """Inline view in a Jupyter notebook."""
        from kg.viz import show

        return show(self.rdf, **options)

    def validate(self):
        from kg.validate import validate

        return validate(self.rdf)

    def summary(self) -> dict:
        """Counts a user wants after a build: documents, entities by class, facts by property."""
        graph = self.rdf
        entity_types: Counter = Counter()
        for cls in graph.objects(None, RDF.type):
            name = str(cls)
            if name.startswith(str(KG)) and name[len(str(KG)):] not in _NON_ENTITY:
                entity_types[name[len(str(KG)):]] += 1
        facts: Counter = Counter()
        for _, p, _ in graph:
            name = str(p)
            if name.startswith(str(KG)) and name[len(str(KG)):] in _FACT_PROPERTIES:
                facts[name[len(str(KG)):]] += 1
        return {
            "documents": len(set(graph.subjects(RDF.type, KG.Document))),
            "entities": dict(entity_types.most_common()),
            "facts": dict(facts.most_common()),
            "triples": len(graph),
        }


_NON_ENTITY = {"Document", "Evidence", "Fact", "InferredFact", "Status"}
_FACT_PROPERTIES = {
    "developedBy", "manufacturedBy", "leads", "ceoOf", "founderOf", "worksFor",
    "subOrganizationOf", "owns", "acquired", "investedIn", "codeName", "successorOf",
    "competitorOf", "partnerOf", "powers", "availableOn", "headquarteredIn",
    # literal facts (kg/literals.py) and the parties of sums of money
    "amount", "dailyUsers", "weeklyUsers", "monthlyUsers", "announcedOn", "releasedOn",
    "foundedOn", "inputModality", "outputModality", "mode", "license", "investor", "investee",
    "valuationOf", "priceOf",
}


def build(
    paths: Iterable[str | Path],
    *,
    provenance: bool = True,
    store: Store | None = None,
    use_known: bool = True,
    on_document: Progress | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    dask: str | None = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from files, folders or globs (see `kg build --help`).

    Streams like the command: batches of `batch_size` documents, in `workers` processes or on
    the Dask cluster at `dask` (with workers > 1, call it under `if __name__ == "__main__":`,
    as every spawned process imports the main module). Documents `store` holds unchanged are
    skipped. `on_document(source)` is called for each document once it is in the store.
    """
    store = store if store is not None else MemoryStore()
    failures: list[str] = []
    items = read_all([str(p) for p in paths])
    for batch in build_stream(items, store, batch_size=batch_size, workers=workers, dask=dask,
                              use_known=use_known, provenance=provenance):
        failures += batch.failures
        for document in batch.documents if on_document else ():
            on_document(document.source)
    return KnowledgeGraph(store, failures)


def load(target: str | Path) -> KnowledgeGraph:
    """Open a graph file or a store directory written earlier."""
    from kg.store import open_store

    return KnowledgeGraph(open_store(target))
