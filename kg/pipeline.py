"""The whole road from paths to per-document graphs, stage by stage.

read documents -> NLP -> entities -> facts -> RDF. Reading failures are collected, never
fatal by themselves: one bad file must not cost the user the rest of the corpus.

A build streams (`build_stream`): documents are read lazily and grouped in batches
(`iter_batches`); each batch is parsed, resolved and turned into facts on its own (`extract`),
its per-document graphs go to the store, and the batch is dropped, so memory depends on the
batch size, not on the corpus. Entities are resolved within a batch; their IRIs come from the
canonical label, so a name seen in two batches is still one node. Batches may run in worker
processes or on a Dask cluster (kg.parallel); the store is always written in reading order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.coreference import DocumentIndex
from kg.entities import add_votes, drop_untyped, family_votes, resolve
from kg.errors import InputError
from kg.facts import extract_facts, slot_votes
from kg.literals import extract_literals
from kg.model import Document, Extraction
from kg.nlp import parse, parse_texts
from kg.rdf import document_graphs, document_iri

if TYPE_CHECKING:
    from kg.store import Store

Progress = Callable[[str], None]
DEFAULT_BATCH_SIZE = 64
"""Documents resolved together and held parsed at once (about 0.5 KB a token in a batch)."""


@dataclass
class Pending:
    """Documents sorted against a store: only `new` and `changed` need extracting."""

    new: list[Document] = field(default_factory=list)
    changed: list[Document] = field(default_factory=list)
    unchanged: list[Document] = field(default_factory=list)

    @property
    def todo(self) -> list[Document]:
        return self.new + self.changed


def pending_documents(store: Store, documents: Iterable[Document]) -> Pending:
    """Which documents a store lacks, holds in another version, or already holds as they are.

    A document is known by its IRI (a hash of its path) and its content hash, both kept in its
    named graph; an unchanged one is skipped before the costly NLP stage, so a re-run leaves the
    store as it was. A path given twice in one run counts once.
    """
    pending = Pending()
    seen: set[str] = set()
    for document in documents:
        if document.id in seen:
            continue
        seen.add(document.id)
        getattr(pending, document_state(store, document)).append(document)
    return pending


def document_state(store: Store | None, document: Document) -> str:
    """"new", "changed" or "unchanged": how `store` holds `document` (by its content hash)."""
    stored = store.document_hash(document_iri(document)) if store is not None else None
    if stored is None:
        return "new"
    return "unchanged" if stored == document.content_hash else "changed"


@dataclass
class Batch:
    """Documents extracted together, with what was read alongside them and needs no work.

    `build_stream` yields each batch once its documents' graphs are in the store.
    """

    documents: list[Document] = field(default_factory=list)  # new or changed: to extract
    new: int = 0
    changed: int = 0
    unchanged: int = 0  # skipped: the store holds them with the same content
    failures: list[str] = field(default_factory=list)  # "path: reason", one per unread file
    entities: int = 0  # filled in once written
    facts: int = 0

    @property
    def seen(self) -> int:
        """Sources this batch accounts for (a progress bar's step)."""
        return len(self.documents) + self.unchanged + len(self.failures)


def iter_batches(items: Iterable[Document | InputError], size: int = DEFAULT_BATCH_SIZE,
                 store: Store | None = None) -> Iterator[Batch]:
    """Read documents lazily into batches of `size` to extract, skipping the ones `store`
    already holds unchanged; a path given twice counts once."""
    batch, seen = Batch(), set()
    for item in items:
        if isinstance(item, InputError):
            batch.failures.append(str(item))
            continue
        if item.id in seen:
            continue
        seen.add(item.id)
        state = document_state(store, item)
        setattr(batch, state, getattr(batch, state) + 1)
        if state != "unchanged":
            batch.documents.append(item)
        if len(batch.documents) >= size or (not batch.documents and batch.seen >= size):
            yield batch  # (a run of skipped documents is reported too, for progress bars)
            batch = Batch()
    if batch.seen:
        yield batch


def build_stream(
    items: Iterable[Document | InputError],
    store: Store,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    dask: str | None = None,
    use_known: bool = True,
    provenance: bool = True,
) -> Iterator[Batch]:
    """Extract `items` (from `read_all`) batch by batch into `store`, yielding each batch once
    written. `workers` > 1 runs batches in that many local processes, `dask` (a scheduler
    address) on a Dask cluster; either way the store gets the same graphs in the same order."""
    from kg.parallel import in_order, runner

    batches = iter_batches(items, batch_size, store)
    writer = _Writer(store, provenance)
    with runner(workers=workers, dask=dask, use_known=use_known) as run, writer:
        for batch, extraction in in_order(run, batches):
            yield from writer.submit(batch, extraction)
        yield from writer.drain()


FLUSH_EVERY = 512
"""Documents written between two flushes of a store that buffers writes (Oxigraph keeps them
in memory tables that would otherwise grow with the corpus); a flush costs ~50 ms."""


class _Writer:
    """Writes batches to the store in a thread of its own, in order, one batch behind.

    Oxigraph does its writing outside the GIL, so the store is filled while spaCy parses the
    next batch. One batch at most waits to be written: memory stays bounded, and a batch is
    yielded only once it is in the store.
    """

    def __init__(self, store: Store, provenance: bool) -> None:
        self.store, self.provenance = store, provenance
        self.unflushed = 0
        self.pending: tuple[Batch, Future] | None = None
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="kg-writer")

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True)  # a batch being written is finished, never cut short

    def submit(self, batch: Batch, extraction: Extraction) -> Iterator[Batch]:
        batch.entities, batch.facts = len(extraction.entities), len(extraction.facts)
        future = self.pool.submit(self._write, extraction, len(batch.documents))
        yield from self.drain()
        self.pending = (batch, future)

    def drain(self) -> Iterator[Batch]:
        if self.pending is not None:
            batch, future = self.pending
            self.pending = None
            future.result()  # re-raises a failed write here, in the caller's thread
            yield batch

    def _write(self, extraction: Extraction, documents: int) -> None:
        write_batch(self.store, extraction, provenance=self.provenance)
        self.unflushed += documents
        if self.unflushed >= FLUSH_EVERY:
            _flush(self.store)
            self.unflushed = 0


def _flush(store: Store) -> None:
    flush = getattr(store, "flush", None)
    if flush is not None:
        flush()


def write_batch(store: Store, extraction: Extraction, *, provenance: bool = True) -> None:
    """Each document's graph replaces that document's named graph in the store."""
    for doc, graph in document_graphs(extraction, provenance=provenance):
        store.replace_document(doc, graph)


def extract(
    documents: Iterable[Document],
    *,
    use_known: bool = True,
    on_document: Progress | None = None,
    batch_size: int = 16,
) -> Extraction:
    """One batch's work: parse (spaCy `nlp.pipe`), resolve entities across the batch, find
    facts. Runs wherever the batch is sent (kg.parallel); nothing in it touches a store."""
    documents = list(documents)
    parsed = []
    texts = (d.text for d in documents)
    for document, doc in zip(documents, parse_texts(texts, batch_size=batch_size), strict=True):
        parsed.append(parse(document, doc))
        if on_document:
            on_document(document.source)
    entities = resolve(parsed, use_known=use_known)
    add_votes(entities, slot_votes(parsed, entities))
    add_votes(entities, list(family_votes(entities)))  # after: a family shares what facts say
    entities = drop_untyped(entities)
    indexes = [DocumentIndex(p, entities) for p in parsed]  # mentions: built once, read twice
    literals = extract_literals(parsed, entities, indexes)
    facts = extract_facts(parsed, entities, literals, indexes) + literals
    return Extraction(documents=documents, entities=entities, facts=facts)

