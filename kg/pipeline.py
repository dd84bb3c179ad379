"""The whole road from paths to per-document graphs, stage by stage.

read documents -> NLP -> entities -> facts -> RDF. Reading failures are collected, never
fatal by themselves: one bad file must not cost the user the rest of the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.documents import read_all
from kg.entities import add_votes, drop_untyped, resolve
from kg.errors import InputError
from kg.facts import extract_facts, slot_votes
from kg.model import Document, Extraction
from kg.nlp import load_pipeline, parse

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    extraction: Extraction
    failures: list[str] = field(default_factory=list)  # "path: reason", one per failed document


def read_sources(specs: list[str]) -> tuple[list[Document], list[str]]:
    documents, failures = [], []
    for item in read_all(specs):
        if isinstance(item, InputError):
            failures.append(str(item))
        else:
            documents.append(item)
    return documents, failures


def extract(
    documents: Iterable[Document],
    *,
    use_known: bool = True,
    on_document: Progress | None = None,
    batch_size: int = 16,
) -> Extraction:
    """Parse documents in batches (spaCy `nlp.pipe`), then resolve entities and find facts."""
    documents = list(documents)
    nlp = load_pipeline()
    parsed = []
    texts = (d.text for d in documents)
    for document, doc in zip(documents, nlp.pipe(texts, batch_size=batch_size), strict=True):
        parsed.append(parse(document, doc))
        if on_document:
            on_document(document.source)
    entities = resolve(parsed, use_known=use_known)
    add_votes(entities, list(slot_votes(parsed, entities)))
    entities = drop_untyped(entities)
    facts = extract_facts(parsed, entities)
    return Extraction(documents=documents, entities=entities, facts=facts)


def run(specs: list[str], *, use_known: bool = True, on_document: Progress | None = None
        ) -> BuildReport:
    documents, failures = read_sources(specs)
    extraction = extract(documents, use_known=use_known, on_document=on_document)
    return BuildReport(extraction=extraction, failures=failures)
