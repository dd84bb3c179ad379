"""The plain data objects that flow between pipeline stages.

read documents -> NLP (sentences, mentions) -> entities -> facts -> RDF.
Each stage takes and returns these dataclasses only, so each can be tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Document:
    """A text to build from, with what provenance needs to point back at it."""

    id: str  # stable key: hash of the source path (or of the text for stdin)
    source: str  # path, URL or "-" for stdin
    title: str
    text: str
    content_hash: str  # "sha256:<hex>" of the text
    read_at: datetime
    media_type: str = "text/plain"


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int  # character offsets into Document.text
    end: int
    text: str


@dataclass
class Mention:
    """A span of text that names something: from NER, the entity ruler or a name-like phrase."""

    doc_id: str
    sentence: int
    start: int  # character offsets into Document.text
    end: int
    text: str
    ner_label: str  # spaCy label (ORG, PERSON ...) or "" for name-like noun phrases
    head: int  # token index (within the doc) of the span's syntactic head
    cues: list[str] = field(default_factory=list)  # typing evidence: "class:AIModel" ...
    entity: str | None = None  # key of the resolved Entity


@dataclass
class Entity:
    """One real-world thing, however many names and documents mention it."""

    key: str  # canonical label, used to mint the IRI
    label: str
    type: str  # local name of an ontology class ("Company", "Person" ...)
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None  # "Q380"
    mentions: list[Mention] = field(default_factory=list)
    votes: dict[str, float] = field(default_factory=dict)  # class -> support from typing cues

    @property
    def names(self) -> tuple[str, ...]:
        """The label, then every alias: each way a text may write this entity."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Evidence:
    """One sentence of one document stating a fact."""

    doc_id: str
    sentence: str
    start: int
    end: int
    confidence: float
    rule: str  # which pattern fired, for debugging and evaluation
    status: str = "asserted"  # "asserted" or "hedged" (planned, expected, claimed ...)


@dataclass
class Fact:
    """subject --predicate--> object, with every piece of evidence that states it."""

    subject: str  # Entity.key
    predicate: str  # local name of an ontology property ("developedBy")
    object: str  # Entity.key, or a literal's lexical form when `datatype` is set
    evidence: list[Evidence] = field(default_factory=list)
    datatype: str | None = None  # xsd local name ("decimal", "date") for literal facts

    @property
    def confidence(self) -> float:
        """Several independent sentences make a fact more certain (noisy-or)."""
        miss = 1.0
        for ev in self.evidence:
            miss *= 1.0 - ev.confidence
        return round(1.0 - miss, 4)

    @property
    def asserted(self) -> bool:
        """True when at least one source states it as done rather than planned."""
        return any(ev.status == "asserted" for ev in self.evidence)


@dataclass
class Extraction:
    """Everything the text stages produced for a corpus: the input of the RDF stage."""

    documents: list[Document] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
