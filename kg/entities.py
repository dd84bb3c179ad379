"""Stage 3: entities. Type each mention from its context, resolve names to entities, link.

Resolution works over a whole corpus: mentions of every document vote on an entity's class,
and one entity is one node however many documents and names it has. Aliases come from the
text (parenthetical abbreviations, initialisms, surnames and short forms after a full name,
possessive forms) and from `ontology/entities.toml`, which also links to Wikidata.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kg import syntax
from kg.knowledge import KnownEntity, known_entities, schema, typing_cues
from kg.model import Entity, Mention
from kg.nlp import (
    DATELINE_DASHES,
    ParsedDocument,
    bare_possessive_names,
    common_words,
    normalise_name,
    of_phrase_start,
    speaker_labels,
    split_version,
)
from kg.places import country_names, place_names, place_weight
from kg.syntax import doc_text

UNTYPED = ""  # a name with no class evidence yet: kept only if a fact's slot types it later
KNOWN_WEIGHT = 1000.0  # the file states the class: it outweighs any cue
_PUNCTUATION = re.compile(r"[^\w\s+]")  # "Arclight+" is a service, not Arclight
_PAREN = re.compile(
    r"\s*\(\s*(formerly\s+|previously\s+|originally\s+)?"
    r"(?P<called>(?:(?:also|commonly|often|usually|simply|better)\s+)?(?:known\s+as|called|"
    r"shortened\s+to|referred\s+to\s+as|abbreviated(?:\s+as|\s+to)?|trading\s+as|"
    r"doing\s+business\s+as|d/b/a)\s+|(?:[A-Z][a-z]+\s)?[A-Z][A-Za-z]+:\s*)?"
    r"[\"“']?([^()\"“”']{1,40}?)[\"”']?\s*\)")
"""A name in parentheses after another: "(MSL)", a former name, "(formerly Norsk Radio)", or
the name it goes by, "(commonly called Kessel)", "(trading as Kestrel Air)", or in another
language or listing, "(Norwegian: Kestlund Verft)", "(NYSE: KSL)"."""
_COMMA_ALIAS = re.compile(
    r",\s*(formerly\s+|previously\s+|originally\s+)?"
    r"(?P<called>(?:(?:also|commonly|often|usually|simply|better)\s+)?(?:known\s+as|called|"
    r"trading\s+as|doing\s+business\s+as)\s+)"
    r"[\"“']?([A-Z][^()\"“”',.;]{0,40}?)[\"”']?\s*(?=[,.;])")
"""The same set off by commas: "Verdanne Pharmacies Ltd, trading as Verdanne, is ...",
"Cindral, formerly known as Cindral Data, was bought ..."."""
_DEFINITE = {"the", "this", "that"}
_RELEASE_NUMBER = re.compile(r"\d{1,3}")  # "Corve 60", "Aarlux 2"; not a year ("Expo 2020")
_MODEL_CODE = re.compile(r"[A-Z]{1,2}\d{1,4}[a-z+]?")  # a model's code: "K5", "S2", "XT900"


@lru_cache(maxsize=1 << 16)  # called for every mention and alias, on few distinct names
def name_key(name: str) -> str:
    """Match key: case, punctuation and a plural last word do not make a different entity."""
    words = _PUNCTUATION.sub("", normalise_name(name).lower()).split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def type_cues(mention: Mention, doc) -> list[tuple[str, float]]:
    """Classes suggested by the mention's own words and its syntactic neighbours."""
    cues = typing_cues()
    found: list[tuple[str, float]] = []
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    name = normalise_name(mention.text)
    known_place = name in place_names()
    placed = known_place or _tagged_place_elsewhere(name, doc)
    if mention.ner_label in cues.ner and _label_fits(mention, cues.ner[mention.ner_label], span) \
            and not (placed and cues.ner[mention.ner_label] != "Place"
                     and _modifies(span, span.root.head)):
        found.append((cues.ner[mention.ner_label], cues.ner_weight))  # not "a Swindon company"
    if known_place:  # "based in Stavanger", which the tagger missed
        found.append(("Place", place_weight()))
    words = name.lower().split()
    if len(words) > 1 and words[-1] in cues.name_endings:
        found.append((cues.name_endings[words[-1]], cues.name_endings_weight))
    elif (of := of_phrase_start(words, first=1)) and words[of - 1] in cues.name_endings:
        found.append((cues.name_endings[words[of - 1]], cues.name_endings_weight))  # "Nordvik
        # Institute of Technology" is an institute, "University of Tartu" a university
    elif len(words) > 1 and _MODEL_CODE.fullmatch(name.split()[-1]):
        found.append(("Product", cues.name_endings_weight))  # "Kestrel K5", "Audi A4"
    elif len(words) > 1 and _RELEASE_NUMBER.fullmatch(words[-1]) and words[0].isalpha():
        found.append(("Product", cues.ner_weight))  # "the Corve 60": a release, unless told
    elif len(words) == 3 and words[1] == "&" and name.split()[0] != name.split()[2] \
            and all(w[:1].isupper() for w in name.split()[::2]) and mention.ner_label != "PERSON":
        found.append(("Company", cues.name_endings_weight))  # "Halvard & Fässler": partners' names
    elif len(words) == 1 and _MODEL_CODE.fullmatch(name) and _after_the(span):
        found.append(("Product", cues.name_endings_weight))  # "the P3 from Pickwell"
    if span is None:
        return found
    if len(words) > 1 and name.split()[-1] in speaker_labels(doc_text(doc)):
        found.append(("Person", cues.heads_weight))  # "Marakis: We did not buy it."
    if _after_the(span) and not known_place and words[-1] not in cues.name_endings \
            and not name.isupper() and mention.ner_label \
            and mention.ner_label not in _PLACE_LABELS \
            and span.root.dep_ not in {"compound", "nmod", "amod", "poss"}:
        found.append(("Product", cues.ner_weight))  # "fits the Wisp in 230 stores": a thing
        # (firms are written bare, but for a trade word: "the Harrow Media Group")
    place = cues.ner.get(mention.ner_label) == "Place" or placed
    for noun in _describing_nouns(span):
        if syntax.in_aside(span.root, noun):
            continue  # "Roe (born 1973, Youngstown, Ohio) is a filmmaker": not Youngstown
        if not numbered(name) and (_modifies_indefinite(span, noun)
                                    or place and _modifies(span, noun)):
            continue  # "the Austin chip designer": a place says where, not what (but "a
            # Vastrand VM-12 engine" is one: places and firms have no numbers)
        if _modifies(span, noun) and _describes_another(noun, span):
            continue  # "Brackenfield Pumps, the Ludlow firm": the firm has its own name
        cls = _head_class(noun, cues.heads)
        if cls == "Person" and _modifies(span, noun):
            continue  # "Fort Wayne Mayor Gregory Lund", "Acme founder X": whose, not who
        if cls and _bare_plural_after(span, noun) and schema().is_a(cls, "Product") \
                and not numbered(name):  # ("CR-72 turboprops": a maker has no number)
            continue  # "Google apps", "Toyota cars": a maker's or a platform's, not one of them
        if cls in cues.parent_before_noun and _says_kind(span, noun):
            cls = next(iter(schema().parents.get(cls, ())), None)
        if cls:
            found.append((cls, cues.heads_weight))
    if _owns_gendered(span) or _age_given(span):
        found.append(("Person", cues.heads_weight))
    if _dateline(span) or _region_after_place(span) or _place_before_region(span) \
            or _place_of(span, cues.heads) or _listed_after_known_place(span):
        found.append(("Place", cues.heads_weight))
    before = doc[max(span.start - 6, 0) : span.start].text.lower().replace(" - ", "-")
    before = before.replace("\u2019", "'").strip(" ,\"'")
    after = doc[span.end : span.end + 3].text.lower().replace(" - ", "-").replace("- ", "-")
    named_to = span.start > 0 and syntax.reads_as_verb(doc[span.start - 1])  # "names X chief
    for phrase, cls in cues.following.items():  # executive": the title is X's, not X's staff's
        if after.startswith(phrase) and not (named_to and cls == "Organization"):
            found.append((cls, cues.preceding_weight))
    for phrase, cls in cues.preceding.items():
        if before.endswith(phrase):
            found.append((cls, cues.preceding_weight))
    owner = next((c for c in span.root.children if c.dep_ == "poss" and c.i < span.start), None)
    if owner is not None and owner.lower_ in cues.possessed:
        found.append((cues.possessed[owner.lower_], cues.possessed_weight))
    return found


def _tagged_place_elsewhere(name: str, doc) -> bool:
    """ "a cowshed above Saundersfoot ... the Saundersfoot ice-cream maker": a small town the
    gazetteer lacks, which the tagger marks a place once, says where a firm is wherever it
    stands before a firm's noun."""
    if "kg_tagged_places" not in doc.user_data:
        doc.user_data["kg_tagged_places"] = frozenset(
            normalise_name(ent.text) for ent in doc.ents if ent.label_ in {"GPE", "LOC"})
    return name in doc.user_data["kg_tagged_places"]


def _label_fits(mention: Mention, cls: str, span) -> bool:
    """Whether the tagger's label can be right: people are not written with "the" ("the Otto
    2"); people and places are not numbered ("Lark 2", "Windows 10"); places with "the" are
    "the Netherlands" or "the US", not "the Aria goes on sale" (but "the Chicago law firm" is a
    place before a noun)."""
    if cls == "Person":  # nor named like firms ("Pallwick AI", "Acme Inc")
        last = normalise_name(mention.text).lower().split()[-1:]
        return not (_after_the(span) or split_version(mention.text)[0]
                    or (last and last[0] in typing_cues().same_entity_endings))
    if cls == "Place" and numbered(normalise_name(mention.text)):
        return False  # "Windows 10", "Galaxy S9": a place is not numbered like a release
    if cls == "Place" and _after_the(span):
        return span.root.dep_ in {"compound", "nmod", "amod"} \
            or mention.text.endswith("s") or mention.text.isupper()
    return True


_DATELINE_MARKS = {",", "(", "-", "--", "\u2014"}


def _dateline(span) -> bool:
    """ "SAN DIEGO, March 4 --" or "BRUSSELS (Reuters) -": capitals opening a line name the
    place the story was filed from."""
    doc = span.doc  # (not doc.text: spaCy joins the whole text again on every call)
    opens_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    follows = span.end < len(doc) and doc[span.end].text in _DATELINE_MARKS
    return opens_line and follows and span.text.isupper() and len(span.text) > 2 \
        and _dash_before_a_verb(doc[span.end : span.end + 12])


def _dash_before_a_verb(words) -> bool:
    """A dateline's place, date and agency end in a dash before the story's first verb; "CBBC
    (short for Children's BBC) is a strand" and "ASML, which is ..." have none."""
    for word in words:
        if word.text in DATELINE_DASHES:
            return True
        if word.pos_ in {"VERB", "AUX"} or "\n" in word.text:
            return False
    return False


def _place_of(span, heads: dict[str, str]) -> bool:
    """ "the city of Ostrava", "the province of Karsak"."""
    of = span.root.head
    return span.root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" \
        and _head_class(of.head, heads) == "Place"


def _region_after_place(span) -> bool:
    """ "born in Saltillo, Coahuila": a name the parser joins to a place by a comma alone (no
    "and") is that place's region."""
    root = span.root
    return root.dep_ == "conj" and root.head.ent_type_ in syntax.PLACE_ENTS \
        and span.start > 0 and span.doc[span.start - 1].text == "," \
        and not any(c.dep_ == "cc" for c in root.head.children) \
        and not any(c.dep_ == "cc" for c in root.children)


def _listed_after_known_place(span) -> bool:
    """ "services from Aberdeen, Inverness and Kirkwall": names listed after a place the
    gazetteer knows, in a preposition's object, are places too."""
    root = span.root
    if root.dep_ != "conj":
        return False
    first = syntax.conj_top(root)
    return first.dep_ == "pobj" and first.pos_ == "PROPN" \
        and first.text in place_names() and first.text not in country_names()


def _place_before_region(span) -> bool:
    """ "(born 1971, Kettering Falls, Ohio)": a name set off by commas before a known place,
    with nothing after it, is a town in that region."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or span.start == 0 \
            or doc[span.start - 1].text not in {",", "("}:
        return False
    region = doc[span.end + 1]
    end = region.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[region.i:end].text in place_names() and end < len(doc) \
        and doc[end].text in {")", ",", ".", ";"}


def _owns_gendered(span) -> bool:
    """ "Amara Nwosu has spent most of her career ...": the subject of a clause that speaks of
    "her"/"his" own thing is a person, whatever the tagger says."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    return any(t.lower_ in {"her", "his"} and t.dep_ == "poss" and t.i >= span.end
               and _clause_of(t) == root.head
               and not any(a.dep_ == "appos" for a in t.ancestors)  # "led by X, her deputy"
               for t in root.head.subtree)


def _age_given(span) -> bool:
    """ "Šťastná, 41, previously ran ...": a number of years set off by commas after a name
    is a person's age in any news story, whatever the tagger made of a foreign name."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text not in {",", ";"}:
        return False
    age = doc[end + 1].text
    return age.isdigit() and 16 <= int(age) <= 110


def _clause_of(token):
    """The nearest verb above a token: the clause it belongs to."""
    return next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)


_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}


def _after_the(span) -> bool:
    """ "the Otto 2 is quieter": people are not written with "the", whatever the tagger says."""
    return span is not None and span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def _describing_nouns(span):
    """Nouns that say what the name is: "the X model", "X, a model", "X is a lab", "CEO X".

    A grouping noun (typing.toml [containers]) passes the question on: in "X is a line of
    mobile devices" and "the X series is a family of models" the grouped nouns say it.
    """
    containers = typing_cues().containers
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.head == span.root.head \
            and before.dep_ == span.root.dep_ and before.head != before:
        yield before  # "its puzzle game Fennimoor has been downloaded": the parser made the
        # noun and the name two subjects of one verb; the noun is the name's
    todo = [(span.root, span.start, span.end, 0)]
    while todo:
        root, start, end, depth = todo.pop()
        for noun in _nouns_around(root, start, end):
            yield noun
            if depth < 2 and _phrase(noun, containers):
                yield from _grouped(noun)
                todo.append((noun, noun.i, noun.i + 1, depth + 1))


_RANKS = frozenset({"first", "last", "only", "best", "latest", "newest"})


def _shared_plural_head(root, end: int):
    """ "the Pocketstore and Vireo app stores": a name listed after one that modifies a plural
    noun is one of those too (not for a class a name before its noun may only run on or be
    made by: "the Android and iOS phones")."""
    first = syntax.conj_top(root) if root.dep_ == "conj" else None
    if first is None or first.dep_ not in {"compound", "nmod"} or first.head.pos_ != "NOUN" \
            or first.head.i < end:
        return
    shared = list(_nouns_around(first, first.i, end))
    if any(n.tag_ == "NNS" for n in shared):
        heads = typing_cues().heads
        yield from (n for n in shared if _head_class(n, heads) not in
                    typing_cues().parent_before_noun)


def _ranked_object(noun, name) -> bool:
    """ "the quietest dishwasher HomeBench has tested": a ranked noun before a name whose verb
    has no object of its own is that verb's object (a clause without "that"), not the name's
    kind."""
    verb = name.head
    ranked = any(c.tag_ in {"JJS", "RBS"} or c.lower_ in _RANKS for c in noun.children) \
        or any(c.tag_ == "JJS" or c.lower_ in _RANKS for c in name.children if c.i < noun.i)
    return ranked and name.dep_ == "nsubj" and verb.pos_ == "VERB" and not any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "acomp", "dative", "prep", "agent"}
        for c in verb.children)


def _says_kind(span, noun) -> bool:
    """A name before its head noun that may say what the thing runs on or who makes it
    ("Android phones", "their Android device", "an Acme car"); "the Pixel 9 phone" and
    "Acme's Nova phone" name one thing, and so do numbered ones ("its Zephyra Z-220 jets": a
    platform or a maker has no number)."""
    root = span.root
    if noun != root.head or root.dep_ not in {"compound", "nmod", "amod"} or noun.i < span.end:
        return False
    if numbered(span.text):  # "its Graindrift T7 tractor", "a Vastrand VM-12 engine", but
        return not any(c.dep_ in {"det", "poss"} for c in noun.children)  # "Android 14 phones"
    return noun.tag_ != "NN" or not any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.pos_ != "PRON")
        for c in noun.children if c.i < span.start)


def _describes_another(noun, span) -> bool:
    """The noun stands beside a name outside the span ("Brackenfield Pumps, the Ludlow
    firm"), so the name in front of it is not what the noun is."""
    if noun.i + 1 < len(noun.doc) and noun.i >= span.end and noun.nbor().pos_ == "PROPN" \
            and noun.nbor().ent_type_ and noun.nbor().ent_iob_ == "B" \
            and not any(c.dep_ == "poss" for c in noun.children):
        return True  # "the Seville solar developer Helioterra", however the parser hung it
    return noun.dep_ == "appos" and noun.head.pos_ == "PROPN" \
        and not span.start <= noun.head.i < span.end \
        and not any(c.dep_ == "poss" for c in noun.children)  # "Parrowind, whose X model"


def _modifies(span, noun) -> bool:
    """The name is written before the noun as its modifier ("Austin" in "the Austin firm")."""
    root = span.root
    head = root.head  # "an Austin, Texas, chipmaker": Austin hangs on Texas, Texas on the noun
    while head.pos_ == "PROPN" and head.dep_ in {"compound", "nmod"} and head.head.i > head.i \
            and root.dep_ in {"compound", "nmod"}:
        root, head = head, head.head
    if noun != head and root.dep_ == "compound" and head.dep_ == "compound" \
            and head.pos_ == "NOUN" and head.head == noun:  # "an Aberdeen contract maker"
        head = noun
    return noun == head and root.dep_ in {"compound", "nmod", "amod", "npadvmod"} \
        and noun.i >= span.end


def _bare_plural_after(span, noun) -> bool:
    """ "associated Google apps", "Toyota cars" (see `syntax.bare_plural`)."""
    return _modifies(span, noun) and syntax.bare_plural(noun)


def _modifies_indefinite(span, noun) -> bool:
    """ "a London law firm", "an Austin chipmaker": a name written before "a"/"an" + noun says
    where or whose, not what; "the Claude chatbot" and "Acme, a firm" do name the noun."""
    return _modifies(span, noun) and any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def _grouped(noun):
    """ "a line of phones and tablets": phones, tablets; "moped lines": mopeds; "the successor
    to that game": a game (but "the successor to the original model" says only "a model", which
    trains and cars are as well as AI models)."""
    yield from (c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.pos_ != "PROPN")
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "to"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" \
                        and not (prep.lower_ == "to" and pobj.lemma_.lower() == "model"):
                    yield pobj
                    yield from (c for c in pobj.children if c.dep_ == "conj" and c.pos_ == "NOUN")


def _nouns_around(root, start: int, end: int):
    """The nouns syntactically describing the name whose head is `root` (tokens start-end)."""
    yield from _shared_plural_head(root, end)
    if root.dep_ in {"compound", "nmod", "amod"} and root.head.i >= end \
            and not any(c.dep_ == "case" for c in root.children):  # "the X's rival": whose
        chain = [root.head]  # "Calvane's Halcyon 3 depth camera": camera too
        for _ in range(2):
            noun = chain[-1]
            if not (noun.dep_ in {"compound", "nmod"} or noun.dep_ == "amod" and noun.is_lower) \
                    or noun.head.i <= noun.i or noun.head.pos_ != "NOUN":
                break  # ("the Terrafort granular fertiliser": past the adjective too)
            chain.append(noun.head)
        last = chain[-1]  # "the Shrewsbury accountancy firm Hollins & Webb": the firm is
        if not (last.dep_ == "compound" and last.head.pos_ == "PROPN"  # Hollins & Webb
                and last.head.i > last.i):
            yield from chain
    for child in root.children:
        if child.dep_ == "appos" and not syntax.possessed_by_relative(child) \
                and syntax.apposition_target(child) == root and (
                child.pos_ == "NOUN" or _hyphenated(child)
                or (child.pos_ == "PROPN" and not child.ent_type_)):
            yield child  # "Fraser, director-general from 2008": the tagger's adjective
            # (but "Lowmoor, ...; Sable Street, ...": a name listed next to it says nothing)
        if child.dep_ in {"compound", "amod"} and child.i < start and (
                child.pos_ == "NOUN" or child.i == start - 1
                and child.lower_ in typing_cues().heads) and not _ranked_object(child, root):
            yield child  # "the invoicing firm Fakturo", which the parser may call an amod;
            # "the farmers' co-operative Marches Grain", tagged an adjective
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" \
            and not syntax.subject_read_as_apposition(root):
        before = root.doc[start - 2] if start >= 2 and root.doc[start - 1].text == "," else None
        # "support for the organization, Sendero Luminoso" hung on "video": the organization
        yield before if before is not None and before.pos_ == "NOUN" else root.head
    yield from _apposition_after(root.doc, end)
    if root.dep_ == "conj" and root.head.tag_ == "NNS" and start >= 2 \
            and root.doc[start - 1].text == "," and root.doc[start - 2] == root.head:
        yield root.head  # "two password managers, Bastion Vault and ...": a manager each
    listed = syntax.conj_top(root) if root.dep_ == "conj" else None
    if listed is not None and listed.dep_ == "appos" and listed.head.tag_ == "NNS":
        yield listed.head  # "the brewery's beers, Ottercombe Gold and Harbour Dark": a beer each
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        yield from (c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"
                    and not _set_off_after_name(c, root))
    be = root.doc[end] if end < len(root.doc) else None
    if be is not None and be.lemma_ == "be" and syntax.lost_subject(be):  # "Beyond Good & Evil
        yield from (c for c in be.children if c.dep_ == "attr" and c.pos_ == "NOUN")  # is a game"
    if root.dep_ == "oprd" and root.head.dep_ == "acl" \
            and root.head.lemma_ in {"call", "name", "dub", "brand"}:
        yield root.head.head  # "a pair of earbuds called the Aria"
    if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.dep_ == "acl" \
            and root.head.head.lemma_ == "know" and root.head.head.head.pos_ == "NOUN":
        yield root.head.head.head  # "a device known as Chromecast"
    if root.dep_ == "attr" and root.head.lemma_ == "be":  # "the latest phone is the X"
        yield from (c for c in root.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
    yield from _exemplified(root)
    yield from _announced(root)


def _hyphenated(token) -> bool:
    """The last word of a hyphenated noun ("director-general", "editor-in-chief")."""
    return token.i > 0 and token.doc[token.i - 1].text == "-"


def _apposition_after(doc, end: int):
    """ "engines made by Rotax, the engine maker": the parser hangs "maker" on "engines";
    a noun phrase opening right after the name's comma still describes the name."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return
    for token in doc[end + 1:min(end + 10, len(doc))]:
        if token.dep_ in {"attr", "dobj"} and token.pos_ == "NOUN" \
                and token.left_edge.i == end + 1 and _set_off_after_name(token, None):
            yield token  # "... is ahead with QI-9, its own asthma antibody": QI-9's; "runs
            # on StrikeOS, our own firmware" (the parser's object of "runs")
            return
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.left_edge.i == end + 1 \
                and token.head.i != end - 1 and token.head.pos_ != "PROPN":
            yield token
            return


def _set_off_after_name(noun, subject) -> bool:
    """ "X is ahead with QI-9, its own antibody": a copula's complement the parser took for
    X's, though it follows another name and its comma (it describes that name)."""
    edge = noun.left_edge.i
    if edge < 2 or noun.doc[edge - 1].text != ",":
        return False
    before = noun.doc[edge - 2]
    return before.pos_ == "PROPN" and (subject is None or before.i > subject.i + 1) \
        and before.head != noun


def _exemplified(root):
    """ "consoles such as X, Y and Z", "rivals like X", "services including X": the noun."""
    first = root
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    prep = first.head
    if first.dep_ == "pobj" and prep.head.pos_ == "NOUN" and syntax.introduces_examples(prep):
        yield prep.head


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def _announced(root):
    """ "the three assistants everyone argues about: Quill, Mira and Beacon", "two rivals:
    X and Y": a plural noun before a colon, counted as many as the names listed after it,
    or written just before it, says what each is."""
    first = root
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    doc = root.doc
    colon = first.left_edge.i - 1
    if colon < 1 or doc[colon].text != ":":
        return
    members = 1 + sum(1 for t in first.subtree if t.dep_ == "conj" and t.pos_ == "PROPN")
    before = [t for t in doc[doc[colon].sent.start:colon] if t.tag_ == "NNS"]
    for noun in reversed(before):
        counted = [_NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
                   for c in noun.children if c.dep_ == "nummod"]
        if noun.i == colon - 1 or members > 1 and members in counted:
            yield noun
            return


def _head_class(noun, heads: dict[str, str]) -> str | None:
    key = _phrase(noun, heads)
    return heads[key] if key else None


def _phrase(noun, table) -> str | None:
    """The entry of `table` the noun stands for: a two-word phrase ending in it first, then the
    word. The word before is tried as written too: the lemmatiser makes "media" "medium"."""
    lemma = noun.lemma_.lower()
    if noun.i > 0:
        previous = noun.doc[noun.i - 1]
        for word in (previous.lemma_.lower(), previous.lower_):
            if f"{word} {lemma}" in table:
                return f"{word} {lemma}"
    for adjective in (c for c in noun.children if c.dep_ == "amod" and c.i < noun.i - 1):
        if f"{adjective.lower_} {lemma}" in table:  # "the online bike store": an online store
            return f"{adjective.lower_} {lemma}"
    return next((w for w in (lemma, noun.lower_) if w in table), None)


def _alias_pairs(parsed: ParsedDocument) -> Iterable[tuple[str, str]]:
    """(full name, alias) pairs the document itself introduces: "(MSL)" after a name, an
    initialism, a firm's name without its ending ("Brightpath" for Brightpath AI), a surname
    after a person's full name, a product without its maker's name in front."""
    mentions = parsed.mentions
    names = {normalise_name(m.text) for m in mentions}
    multi = [n for n in names if len(n.split()) > 1]
    first_seen = _first_uses(mentions)
    people = _people(parsed)
    person_names = {normalise_name(m.text) for m in people}
    yield from _introduced(parsed, names, multi)
    claimed = set()
    for full, short in _short_firm_names(parsed, names, multi, people, first_seen):
        claimed.add(short)
        yield full, short
    yield from _longer_personal_names(multi, person_names)
    for short, person in _surname_owners(parsed, people, claimed, first_seen).items():
        firm = _named_before(short, person.start, multi, person_names, first_seen)
        yield (firm or normalise_name(person.text)), short
    lone_people = {normalise_name(m.text) for m in parsed.mentions if m.ner_label == "PERSON"}
    yield from _first_names(lone_people, person_names, claimed, first_seen, multi)
    in_body = _first_uses(mentions, after=parsed.document.text.find("\n"))
    yield from _maker_prefixed([n for n in multi if n not in person_names
                                or any(c.isdigit() for c in n)], names, first_seen,
                               _possessed_names(parsed), in_body)
    yield from _main_titles(names, first_seen)
    yield from _possessive_firms(parsed, names, first_seen)


def alias_pairs(parsed: ParsedDocument) -> Iterator[tuple[str, str]]:
    """The pairs of `_alias_pairs`, less a part of a name joined from two names the text
    lists together: "Square Enix, formed by the merger of Square and Enix" is neither."""
    joined = _joined_names(parsed)
    for full, short in _alias_pairs(parsed):
        if (full, short) not in joined:
            yield full, short


def _joined_names(parsed: ParsedDocument) -> set[tuple[str, str]]:
    """(joined, part) for each pair of coordinated names ("Square and Enix") whose join
    ("Square Enix") the text names too."""
    name_at = {m.head: normalise_name(m.text) for m in parsed.mentions}
    names = set(name_at.values())
    joined = set()
    for head, first in name_at.items():
        if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in parsed.doc[head].children):
            continue  # ("Aldergate" or "the Group"): two names for one firm
        for other in syntax.conjuncts(parsed.doc[head]):
            second = name_at.get(other.i)
            for whole in (f"{first} {second}", f"{second} {first}"):
                if second and whole in names:
                    joined |= {(whole, first), (whole, second)}
    return joined


def _possessive_firms(parsed: ParsedDocument, names: set[str], first_seen: dict[str, int]):
    """(full, short) for "Pennick's Pies ... Pennick's is now a subsidiary": the bare "X's"
    is the first name written "X's ..." (later ones are its shop, its products)."""
    for short in bare_possessive_names(parsed.doc) & names:
        longer = [n for n in names if n.startswith(short + "'s ")]
        if longer:
            yield min(longer, key=lambda n: first_seen.get(n, 0)), short


def _main_titles(names: set[str], first_seen: dict[str, int]):
    """(full, main) for a subtitled title used by its main title after the full one:
    "Skyforge: Harbour Run is a racing game ... Skyforge sold 2 million copies"; and (full,
    subtitle) for one used by its subtitle."""
    for full in names:
        main, colon, subtitle = full.partition(": ")
        if colon and subtitle and main in names \
                and first_seen.get(full, 0) < first_seen.get(main, 0):
            yield full, main
        if colon and subtitle in names \
                and first_seen.get(full, 0) < first_seen.get(subtitle, 0):
            yield full, subtitle  # "Tidewrack II: Undertow ... For Undertow the studio"


def _parenthesised(parsed: ParsedDocument):
    """(mention, match) for each mention a parenthesis follows: "(MSL)", "(formerly X)"."""
    text = parsed.document.text
    for mention in parsed.mentions:
        match = _PAREN.match(text, mention.end) or _COMMA_ALIAS.match(text, mention.end)
        if match:
            yield mention, match


def _former_names(parsed: ParsedDocument) -> set[str]:
    """Names the text gives as former ones in parentheses: "Valdris Holdings AB (formerly
    Valdris Mekaniska Verkstad)" (a renamed one: see _renamings)."""
    return {normalise_name(match.group(3)) for _, match in _parenthesised(parsed)
            if match.group(1)}


def _renamings(parsed: ParsedDocument) -> tuple[tuple[str, str], ...]:
    """(new, old) for each name a renaming verb gives another: "X was renamed Y", "renamed X
    Y", "X rebranded as Y", and a participle on the clause that names X ("acquired X ...;
    renamed Y, it ..."; "bought X, later renamed Y"), "X changed its name to Y"."""
    verbs = syntax.words_among(parsed.doc, typing_cues().rename_verbs)
    verbs += [t for t in syntax.words_among(parsed.doc, typing_cues().now_rename_verbs)
              if any(c.dep_ == "advmod" and c.lower_ == "now" for c in t.children)]
    named = [t.head for t in syntax.words_among(parsed.doc, {"name"})  # "changed its name
             if t.dep_ == "dobj"]  # to Y"
    if not verbs and not named:
        return ()
    name_at = {m.head: normalise_name(m.text) for m in parsed.mentions}
    found = []
    for token in sorted(set(verbs + named), key=lambda t: t.i):
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        new, old = _renamed(token, name_at)
        if new and old and new != old:
            found.append((new, old))
    return tuple(found)


def _renamed(verb, name_at: dict[int, str]) -> tuple[str | None, str | None]:
    """The new and the old name around one renaming verb (either may be missing)."""
    named = {c.dep_: name_at.get(c.i) for c in verb.children if c.i in name_at}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("as", "to")):
        objects = [name_at[c.i] for c in prep.children if c.dep_ == "pobj" and c.i in name_at]
        if objects:  # "rebranded as Y", "changed its name to Y": Y is the new name
            named["oprd"] = objects[0]
    new = named.get("oprd") or named.get("attr")
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() != "name"]
    old = named.get("nsubjpass") or (named.get("dobj") if new else None) \
        or (named.get("nsubj") if new and not objects else None)  # (not "Acme renamed it Y")
    if new is None and "dobj" in named:  # "renamed Kestlund Motor": the object is the new name
        new = named["dobj"]
    if old is None and verb.dep_ in ("conj", "dep", "advcl", "acl") and verb.head.i != verb.i:
        head = verb.head  # the name the clause before it speaks of
        old = name_at.get(head.i) or next((name_at[c.i] for c in head.children
                                            if c.dep_ in ("dobj", "nsubjpass")
                                            and c.i in name_at), None)
    return new, old


def _introduced(parsed: ParsedDocument, names: set[str], multi: list[str]):
    """A name in parentheses after another ("Meta Superintelligence Labs (MSL)"), an
    initialism of a longer name, "Acme's Widget" for "Acme Widget"."""
    for mention, match in _parenthesised(parsed):
        if match.group(1) or match.group("called") or _looks_like_alias(match.group(3),
                                                                         mention.text) \
                and not _where(match.group(3)):  # "Mitsubishi Electric (Japan)" says where
            yield normalise_name(mention.text), normalise_name(match.group(3))
    for name in names:
        if re.fullmatch(r"[A-Z][A-Za-z]?[A-Z]{1,5}", name):
            fulls = [full for full in multi if _initials(full) == name.upper()
                     and _without_honorific(full) == full]  # not "Mrs Pritchard" for MP
            if len(fulls) == 1:  # "Marches Post" and "Mardle Partners": MP is neither
                yield fulls[0], name
        if "'s " in name:
            yield name.split("'s ", 1)[0] + " " + name.split("'s ", 1)[1], name


def _short_firm_names(parsed: ParsedDocument, names: set[str], multi: list[str], people,
                      first_seen: dict[str, int]):
    """(full, short) for a name whose last word is a trade ending ("Brightpath AI" ->
    "Brightpath"), used after the full name. A short form two firms share goes to the one
    named in an earlier sentence; one a person named before the firm bears is the person's
    ("Harold Brisco ... founded Brisco Instruments ... Brisco sold the business")."""
    text, mentions = parsed.document.text, parsed.mentions
    endings = _organisation_endings()
    in_body = _first_uses(mentions, after=text.find("\n"))  # after the headline
    shortened: dict[str, list[str]] = defaultdict(list)
    person_names = {normalise_name(p.text) for p in people}
    parents = _owners_of_units(parsed)  # "Amazon's in-house robotics unit": not the unit
    described = _described_firms(mentions)
    for full in multi:
        words = full.split()
        # "Brightpath AI ... Brightpath's model": a short form only after the full name; a
        # company's legal ending may be dropped even in the headline ("Calderwood bets on ...",
        # then "Calderwood Brands"), but "Tidewell" before "Tidewell Labs" is the parent
        seen = in_body if typing_cues().name_endings.get(words[-1].lower()) == "Company" \
            or full in described else first_seen
        cut = len(words) - 1  # "Vantmark Logistics Group": "Vantmark Logistics", "Vantmark"
        cut = of_phrase_start(words) or cut  # "Nordvik Institute of Technology": the phrase
        # goes whole, whatever its last word is, then the head noun: "Nordvik"
        plain = False  # past an ending, a plain word goes too: "Halvard Retail Group" ->
        # "Brackenfield Pumps"; "Alpenkraft Fahrzeugbau, the Innsbruck maker of ...": a last
        # word no list holds, on a name the text itself calls a firm
        goods = _plural_noun(words[-1]) or full in described
        legal = typing_cues().legal_forms
        while cut > 0 and not _names_a_country(words[cut:]) \
                and (words[cut].lower().rstrip(",") in endings
                     or (goods and cut == len(words) - 1)
                           or cut < len(words) - 1 and (words[cut] in {"&", "for", "of"}
                                                        # "Marrable & Sons", "the Rhine
                                                        # Institute for Computing"
                                                        or words[cut].lower()
                                                        in common_words(("noun", "adj")))):
            plain = plain or words[cut].lower().rstrip(",") not in endings
            short = " ".join(words[:cut])
            if _common_phrase_of_institution(words[:cut], words[cut]):
                break  # "the Royal Court Orchestra ... the Royal Court": the court itself
            legal_only = all(w.lower().rstrip(",") in legal for w in words[cut:])
            # ("Brennvik Energi ... Brennvik Energi ASA": a legal form alone names no other
            # firm, whichever is written first)
            if short in names and (legal_only or seen.get(full, 0) < seen.get(short, len(text))) \
                    and (short, full) not in parents \
                    and not (plain and short in person_names):  # "Mirela Kost Music School"
                shortened[short].append(full)  # (and headline-only: "Acme" in it)
            cut -= 1
        rest = " ".join(words[1:])  # "Maison Vérignac ... Vérignac's sales"
        if len(words) > 1 and words[0].lower() in typing_cues().name_prefixes \
                and rest in names and in_body.get(full, 0) < in_body.get(rest, len(text)):
            shortened[rest].append(full)
    sentence_of = {normalise_name(m.text): m.sentence for m in reversed(mentions)}
    for short, fulls in shortened.items():
        fulls.sort(key=lambda name: first_seen[name])
        owners = [f for f in fulls if any((f, other) in parents for other in fulls)]
        if len(owners) == 1:  # "Brennick Fibre, the network business of Brennick
            fulls = owners  # Communications ... Brennick said": the owner of the others
        # "Verant Energy and Verant Industrial": "Verant" is ambiguous; but "Kagero Holdings"
        # in the opening sentence and "Kagero Devices" later: "Kagero" is the one named first
        if len(fulls) > 1 and sentence_of[fulls[0]] >= sentence_of[fulls[1]]:
            continue
        if any(normalise_name(p.text).split()[-1] == short and p.start < first_seen[fulls[0]]
               for p in people) or _always_a_place(short, mentions, parsed.doc):
            continue
        yield fulls[0], short


def _described_firms(mentions) -> set[str]:
    """Two-word names a head noun of the text calls a company ("X, the Innsbruck-based
    maker of snowcats"), and nothing calls a product."""
    classes: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        for cue in mention.cues or ():
            cls, _, weight = cue.partition(":")
            if float(weight) >= typing_cues().heads_weight:
                classes[normalise_name(mention.text)].add(cls)
    return {name for name, found in classes.items() if len(name.split()) == 2
            and "Company" in found and not any(schema().is_a(c, "Product") for c in found)}


def _common_phrase_of_institution(kept: list[str], dropped: str) -> bool:
    """Whether dropping an institution's ending ("Orchestra", "University", "Party") leaves
    only dictionary words: "Royal Court" is a court, "National Theatre" a theatre of its own,
    while "Oslo Philharmonic" and "Harvard" still name the institution."""
    cues = typing_cues()
    if cues.name_endings.get(dropped.lower()) != "Organization" \
            or dropped.lower() in cues.same_entity_endings:  # "Larkspur AI" is Larkspur
        return False
    words = common_words(("noun", "adj"))
    return all(word.lower() in words for word in kept)


def _names_a_country(words: list[str]) -> bool:
    """Whether the words a short form would drop name a country or a many-word place:
    "General Motors New Zealand Limited" is a branch, and "General Motors" its parent."""
    places = place_names()
    return any(" ".join(words[i:j]) in country_names()
               or j - i > 1 and " ".join(words[i:j]) in places
               for i in range(len(words)) for j in range(i + 1, len(words) + 1))


def _plural_noun(word: str) -> bool:
    """A plural of a common noun ("Pumps", "Castings"): what a firm named for its goods ends in."""
    lower = word.lower()
    return word[:1].isupper() and lower.endswith("s") and not lower.endswith("ss") \
        and lower[:-1] in common_words(("noun",))


def _always_a_place(name: str, mentions, doc) -> bool:
    """ "Iowa Telecom ... the states of Iowa, Missouri and Illinois": a short form the tagger
    reads as a place every time, and that never acts or owns, is the place the firm is named
    after ("Tessaly has not said", "Kessler's president" are the firms, whatever the tag)."""
    places = {label for label, cls in typing_cues().ner.items() if cls == "Place"}
    uses = [m for m in mentions if normalise_name(m.text) == name]
    if not uses or any(m.ner_label not in places for m in uses):
        return False
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in uses]
    if any(span is None or _acts(span.root) for span in spans):
        return False
    # "left Northlight", "invested in Northlight": the tagger guesses a place for any unknown
    # word; the namesake is a place a reader knows, or one the text calls a place
    return name in place_names() or any(_called_a_place(span.root) for span in spans)


def _called_a_place(token) -> bool:
    """ "the town of Ballykerrin", "the counties of Ardmore, Kerry and Clare"."""
    first = syntax.conj_top(token)
    return first.dep_ == "pobj" and first.head.lower_ == "of" \
        and typing_cues().heads.get(first.head.head.lemma_.lower()) == "Place"


def _acts(token) -> bool:
    """A subject, a possessor or a "by" agent: a doer or an owner, not a mere location."""
    return token.dep_ in syntax.SUBJECT_DEPS | {"poss"} or (
        token.dep_ == "pobj" and token.head.lower_ == "by")


def _people(parsed: ParsedDocument) -> list:
    """Mentions of people's full names: tagged so, or whose last name alone later names a
    person."""
    endings = set(typing_cues().name_endings) | {"ai"}
    singles = defaultdict(list)  # one-word names, for "Tomasz Wieczorek ... Wieczorek"
    titled = defaultdict(list)  # "Imogen Tasker ... Ms Tasker": a title names a person
    for mention in parsed.mentions:
        name = normalise_name(mention.text)
        if " " not in name:
            singles[name].append(mention)
        elif _without_honorific(name) != name:
            titled[_without_honorific(name)].append(mention)
    return [m for m in parsed.mentions if len(m.text.split()) > 1 and (
        m.ner_label == "PERSON" or _described_as_person(m)
        or _person_by_surname(m, parsed.doc, singles, endings)
        or _honorific_name(m, titled))]


def _honorific_name(mention, titled: dict[str, list]) -> bool:
    """A full name whose last name an honorific later takes ("Ms Tasker"), whatever the
    tagger made of the full name."""
    name = normalise_name(mention.text)
    return _without_honorific(name) == name and any(
        m.start > mention.start for m in titled.get(name.split()[-1], ()))


def _described_as_person(mention: Mention) -> bool:
    """ "Acme's chief executive is Helena Marsh-Ortiz": the words around the name outvote a
    tagger that read it as a firm."""
    weights: Counter = Counter()
    for cue in mention.cues:
        cls, weight = cue.rsplit(":", 1)
        weights[cls] += float(weight)
    return weights["Person"] > sum(weights.values()) - weights["Person"]


def _longer_personal_names(multi: list[str], person_names: set[str]):
    """ "Rafael Quintanilla ... Rafael Quintanilla Ortega": a person's name with more surnames
    is the same person (not "Gustaf Valdris Holdings", which ends like a firm, nor "Ashen
    Tide II", a numbered title, nor "Cadenza 3 Small", a model's variant)."""
    endings, heads = typing_cues().name_endings, typing_cues().heads
    for short in (n for n in person_names if not any(ch.isdigit() for ch in n)):
        for full in multi:
            extra = full[len(short):].split()
            if full.startswith(short + " ") and all(w.isalpha() and w.istitle() and len(w) > 2
                                                    for w in extra) \
                    and extra[-1].lower() not in endings and extra[-1].lower() not in heads:
                yield full, short  # (not "Johns Hopkins University")


def _surname_owners(parsed: ParsedDocument, people, claimed: set[str],
                    first_seen: dict[str, int]) -> dict[str, Mention]:
    """Each surname that shortens a person's name -> that person's mention: news style
    uses "Mensch", never "Arthur", after the full name ("Zuck" for Zuckerberg too). Of two
    people it fits, a short form refers to the one named more often so far, then to one
    named as a sentence's subject (the text's subject, not "his daughter, Clara Wrenfield"),
    then to the latest ("Miguel Trovoada ... Patrice Trovoada ... Trovoada"); one that refers
    to both in different places is left to neither."""
    owners: dict[str, dict[str, Mention]] = defaultdict(dict)
    full = {id(p): normalise_name(p.text) for p in people}
    # a headline names people by surname before the story names them in full
    in_body = _first_uses(parsed.mentions, after=parsed.document.text.find("\n"))
    for mention in parsed.mentions:
        short = normalise_name(mention.text)
        surname = _without_honorific(short)
        if surname.count(" ") > 1 or len(surname) < 3 or short in claimed:
            continue
        first = in_body.get(short, first_seen[short])
        fitting = [p for p in people if p.start < mention.start and first >= p.start
                   and full[id(p)] != short and _shortens(surname, full[id(p)])]
        if fitting:
            named = Counter(full[id(p)] for p in fitting)
            subjects = {full[id(p)] for p in fitting
                        if parsed.doc[p.head].dep_ in ("nsubj", "nsubjpass")}
            person = max(fitting, key=lambda p: (named[full[id(p)]], full[id(p)] in subjects,
                                                 p.start))
            owners[short].setdefault(full[id(person)], person)
    return {short: next(iter(found.values())) for short, found in owners.items()
            if len(found) == 1}


def _without_honorific(name: str) -> str:
    """ "Mr. Leonard" -> "Leonard"; any other name as it is."""
    first, _, rest = name.partition(" ")
    if rest and first.lower().rstrip(".") in typing_cues().honorifics:
        return rest
    return name


def _first_names(tagged: set[str], person_names: set[str], claimed: set[str],
                 first_seen: dict[str, int], multi: list[str]):
    """(full, first name) for "Hannah Oyelaran ... Hannah is still our managing director": a
    lone word tagged a person that only one person named before it starts with, and that is
    no one's surname."""
    people = [n for n in person_names if len(n.split()) == 2
              and all(w.isalpha() and w.istitle() for w in n.split())]  # not "Otto 2"
    surnames = {n.split()[-1] for n in people}
    for short in tagged - claimed - surnames:
        if " " in short:
            continue
        fulls = [n for n in multi if n.split()[0] == short]  # (not "Fjellvind Power" too)
        if len(fulls) == 1 and fulls[0] in people and first_seen[fulls[0]] < first_seen[short]:
            yield fulls[0], short


def _shortens(short: str, name: str) -> bool:
    """ "Quintanilla" for Rafael Quintanilla Ortega (two surnames), "Zuck" for Zuckerberg,
    "De Boer" for Maarten de Boer (a surname with its particle, capitalised first)."""
    parts = name.split()
    if " " in short:
        return len(parts) > 2 and " ".join(parts[-2:]).lower() == short.lower()
    return short == parts[-1] or (
        len(short) >= 4 and parts[-1].startswith(short) and short != parts[-1]
    ) or (len(parts) >= 3 and short in parts[1:-1] and short[:1].isupper())


def _owners_of_units(parsed: ParsedDocument) -> set[tuple[str, str]]:
    """(owner, unit) names: "Amazon Robotics, Amazon's in-house robotics unit", "Samsung
    Electronics, a division of Samsung"."""
    units = typing_cues().unit_nouns
    doc = parsed.doc
    names = {}
    for mention in parsed.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            names[span.root.i] = normalise_name(mention.text)
    found = set()
    for i, owner in names.items():
        unit = doc[i].head
        if doc[i].dep_ == "pobj" and unit.lower_ == "of":  # "X, a division of Samsung"
            unit = unit.head
        elif doc[i].dep_ != "poss":
            continue
        if unit.lemma_.lower() in units:
            found.update((owner, names[t.i]) for t in syntax.described(unit) if t.i in names)
    return found


def _person_by_surname(mention, doc, singles: dict[str, list], endings: set[str]) -> bool:
    """ "co-founded it with Tomasz Wieczorek" (tagged an organisation) ... "Wieczorek, the
    lab's chief scientist": a later use of the last name alone that is a person's makes the
    full name that person's."""
    words = normalise_name(mention.text).split()
    if len(words) > 3 or words[-1].lower() in endings or not all(
            w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    return any(m.start > mention.start and (
        m.ner_label == "PERSON" or any(cls == "Person" for cls, _ in type_cues(m, doc)))
        for m in singles.get(words[-1], ()))


def _named_before(short: str, person_start: int, multi: list[str], person_names: set[str],
                  first_seen: dict[str, int]) -> str | None:
    """ "Kessler Valve Co. ... founded by Otto Kessler ... Kessler's chief executive": a firm
    whose name starts with the surname, named before the person, keeps the short form."""
    firms = sorted((first_seen[name], name) for name in multi
                   if name.startswith(short + " ") and name not in person_names
                   and first_seen[name] < person_start)
    return firms[0][1] if firms else None


def _first_uses(mentions, after: int = -1) -> dict[str, int]:
    """Where each name is first used after character `after`."""
    first: dict[str, int] = {}
    for mention in mentions:
        if mention.start > after:
            first.setdefault(normalise_name(mention.text), mention.start)
    return first


def _possessed_names(parsed: ParsedDocument) -> set[tuple[str, str]]:
    """(owner, name) for each name written after an owner's possessive: "Corvanta's
    Foresight Lab" gives ("Corvanta", "Foresight Lab")."""
    text = parsed.doc.text
    found = set()
    for mention in parsed.mentions:
        before = text[max(0, mention.start - 60):mention.start].replace("\u2019", "'")
        if before.endswith("'s "):
            owner = before[:-3].split()[-1:]
            if owner:
                found.add((normalise_name(owner[0]), normalise_name(mention.text)))
    return found


def _maker_prefixed(multi: list[str], names: set[str], first_seen: dict[str, int],
                    possessed: set[tuple[str, str]] = frozenset(),
                    in_body: dict[str, int] | None = None):
    """ "the Norrvik Aurora ... the Aurora": a product named with its maker's name in front,
    later by its own name. The front must name something else in the text too ("Norrvik",
    "Norrvik Motors"). People are not products: "Arthur Gaskell ... Arthur ... Gaskell" (but
    "Aurelle Nova 5", with its number, is one, though the tagger calls it a person). Written
    after its maker's possessive ("Corvanta's Foresight Lab"), the short name may come first,
    and so may a headline's ("Kestrix unveils KX-2" above "launched the Kestrix KX-2")."""
    body = in_body or {}
    for full in multi:
        words = full.split()
        for cut in range(1, len(words)):
            front, rest = " ".join(words[:cut]), " ".join(words[cut:])
            if rest in names and rest[:1].isupper() \
                    and (first_seen[full] < first_seen[rest] or (front, rest) in possessed
                         or body.get(full, -1) >= 0 and body[full] < body.get(rest, -1)) \
                    and (front in names or any(n != full and n.startswith(front + " ")
                                               for n in multi)
                         or _MODEL_CODE.fullmatch(rest) and _one_ends_in(rest, multi)):
                yield full, rest  # ("the Reacher R3 ... every R3": a code is the product's)


@lru_cache(maxsize=1)
def _organisation_endings() -> frozenset[str]:
    """Name endings a firm's short name drops ("Brightpath AI" -> "Brightpath"); not a
    product's ("Stratocore Cloud": Stratocore is its maker). A constant of the data files."""
    return frozenset(word for word, cls in typing_cues().name_endings.items()
                     if not schema().is_a(cls, "Product")) | {"ai"}


def _one_ends_in(code: str, names: list[str]) -> bool:
    return sum(name.endswith(" " + code) for name in names) == 1


def _initials(name: str) -> str:
    """ "Fundamental AI Research" -> "FAIR": an all-capitals word keeps all its letters."""
    return "".join(w if w.isupper() and w.isalpha() else w[0]
                   for w in name.split() if w[:1].isupper())


def _where(inner: str) -> bool:
    """A country or a town the gazetteer knows: in parentheses it says where, not a name."""
    name = normalise_name(inner)
    return name in country_names() or name in place_names()


def _looks_like_alias(inner: str, full: str) -> bool:
    inner = normalise_name(inner)
    if not inner or len(inner) > 25 or not inner[0].isupper() or len(inner.split()) > 3:
        return False
    return _initials(full) == inner.upper() or inner.isupper() or len(inner.split()) == 1


def resolve(parsed_docs: list[ParsedDocument], use_known: bool = True) -> dict[str, Entity]:
    """Group mentions into entities, vote on their class, and label mentions with their entity.

    Returns entities keyed by their canonical label. Entities without any class evidence have
    type UNTYPED: the fact stage may still type them ("X was built by Y" makes X a product);
    `drop_untyped` removes the rest.
    """
    known = known_entities() if use_known else ()
    uf = _UnionFind()
    known_by_key: dict[str, KnownEntity] = {}
    for entity in known:
        for name in (entity.label, *entity.aliases):
            known_by_key[name_key(name)] = entity
            uf.union(name_key(entity.label), name_key(name))
    surface: dict[str, Counter] = defaultdict(Counter)
    votes: dict[str, Counter] = defaultdict(Counter)
    tagger: dict[str, Counter] = defaultdict(Counter)  # the tagger's own label, apart
    cues = typing_cues()
    former: set[str] = set()
    for parsed in parsed_docs:
        for mention in parsed.mentions:  # before the aliases: "Helena Marsh-Ortiz", tagged
            mention.cues = [f"{cls}:{weight}"  # a firm, is the chief executive the text says
                            for cls, weight in type_cues(mention, parsed.doc)]
        renamed = _renamings(parsed)  # (new, old): one entity, and the old name a former one
        former.update(_former_names(parsed) | {old for _, old in renamed})
        for full, alias in [*alias_pairs(parsed), *renamed]:
            known_full, known_alias = known_by_key.get(name_key(full)), known_by_key.get(
                name_key(alias))
            if known_full and known_alias and known_full is not known_alias:
                continue  # the data file says these are two different things
            uf.union(name_key(full), name_key(alias))
        for mention in parsed.mentions:
            name = normalise_name(mention.text)
            if not name or name_key(name) == "":
                continue
            key = name_key(name)
            uf.find(key)
            surface[key][name] += 1
            tagged = cues.ner.get(mention.ner_label)
            for cls, weight in (c.rsplit(":", 1) for c in mention.cues):
                if cls == tagged and float(weight) == cues.ner_weight:
                    tagger[key][cls] += float(weight)
                    tagged = None  # once a mention
                else:
                    votes[key][cls] += float(weight)
    cap = cues.ner_max_mentions * cues.ner_weight  # a name the tagger labels at every mention
    for key, counts in tagger.items():  # is still one guess: it does not outvote what the
        for cls, weight in counts.items():  # text says
            votes[key][cls] += min(weight, cap)
    _vote_version_families(surface, votes)
    _join_known_short_forms(uf, list(surface), known_by_key)
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in list(surface):
        clusters[uf.find(key)].append(key)
    entities: dict[str, Entity] = {}
    entity_of_key: dict[str, str] = {}
    for members in clusters.values():
        entity = _make_entity(members, surface, votes, known_by_key, former)
        if entity is None:
            continue
        if entity.key in entities:
            _merge(entities[entity.key], entity)
        else:
            entities[entity.key] = entity
        for key in members:
            entity_of_key[key] = entity.key
    for parsed in parsed_docs:
        for mention in parsed.mentions:
            target = entity_of_key.get(name_key(normalise_name(mention.text)))
            if target:
                mention.entity = target
                entities[target].mentions.append(mention)
    _vote_variants(entities)
    return entities


def _vote_variants(entities: dict[str, Entity]) -> None:
    """ "Kinda ... Kinda Prime replaced the original Kinda": a product's name plus a word or
    two names a variant of it, a product too, whatever the tagger made of the new word (not
    "Kinda Foods", a firm's name)."""
    weight = 2 * typing_cues().ner_weight
    products = {e.label: e.type for e in entities.values() if schema().is_a(e.type, "Product")}
    for entity in entities.values():
        words = entity.label.split()
        bases = [" ".join(words[:cut]) for cut in (len(words) - 1, len(words) - 2)
                 if cut > 0 and all(w[:1].isupper() for w in words[cut:])]
        base = next((b for b in bases if b in products), None)
        if base is None or schema().is_a(entity.type, "Product") \
                or organisation_ending(entity.label):
            continue
        entity.votes[products[base]] = entity.votes.get(products[base], 0.0) + weight
        entity.type = vote(Counter(entity.votes))  # (of the base's class: "Tern 3 Pro" a model)


def _vote_version_families(surface: dict[str, Counter], votes: dict[str, Counter]) -> None:
    """ "The TillTap 2 replaced the original TillTap": a name and its numbered version are
    products (firms do not come in numbered releases), whatever the tagger said."""
    weight = 2 * typing_cues().ner_weight
    for key, names in surface.items():
        name = names.most_common(1)[0][0]
        stem, number = split_version(name)
        if stem and name[-1].isdigit() and number.is_integer() and name_key(stem) in surface \
                and not any(c.isdigit() for c in stem):
            votes[key]["Product"] += weight
            votes[name_key(stem)]["Product"] += weight


def _join_known_short_forms(uf: _UnionFind, keys: list[str],
                            known_by_key: dict[str, KnownEntity]) -> None:
    """ "its Gemini AI technology" where the data file knows Gemini: one entity, not a new one
    (typing.toml [known_short_forms]); a longer name the file knows itself stays apart."""
    endings = typing_cues().same_entity_endings
    for key in keys:
        words = key.split()
        if len(words) < 2 or words[-1] not in endings or key in known_by_key:
            continue
        known = known_by_key.get(" ".join(words[:-1]))
        if known is not None:
            uf.union(name_key(known.label), key)
            known_by_key[key] = known


def numbered(name: str) -> bool:
    """A last word with a digit in it: "Tervola H8", "Lark 2" (not "Henry VIII")."""
    return any(ch.isdigit() for ch in name.split()[-1]) if name.split() else False


def _make_entity(members, surface, votes, known_by_key, former=frozenset()) -> Entity | None:
    tally: Counter = Counter()
    names: Counter = Counter()
    for key in members:
        tally.update(votes[key])
        names.update(surface[key])
    known = next((known_by_key[k] for k in members if k in known_by_key), None)
    if known is not None:
        tally[known.type] += KNOWN_WEIGHT
    if "Person" in tally and any(organisation_ending(n) or numbered(n) for n in names):
        del tally["Person"]  # "Castellan ... Castellan Pharma": the tagger's PERSON is wrong;
        # "led by the Tervola H8": no person's name has a model number
    elif "Person" in tally and not any(" " in n for n in names):
        tally["Person"] /= 4  # news names a person in full first: "Verrano" alone is a firm
    cls = vote(tally) if tally else UNTYPED
    label = known.label if known else _canonical_name(names, former)
    aliases = {n for n in names if n != label}
    if known:
        aliases.update(a for a in known.aliases if name_key(a) in members)
    return Entity(
        key=label,
        label=label,
        type=cls,
        aliases=aliases,
        wikidata=known.wikidata if known else None,
        votes=dict(tally),
    )


def organisation_ending(name: str) -> bool:
    """ "Castellan Pharma", "Acme Labs": a last word that only organisations' names end in."""
    words = name.lower().split()
    cls = typing_cues().name_endings.get(words[-1]) if len(words) > 1 else None
    return cls is not None and schema().is_a(cls, "Organization")


def vote(tally: Counter) -> str:
    """The most specific class with the most support; a vote for a class also backs its parents.

    "Organization" from NER and "Company" from "the company" agree: Company wins, because
    every vote for Organization also counts for each of its subclasses that got votes.
    """
    sch = schema()
    support = {
        cls: sum(w for other, w in tally.items() if sch.is_a(cls, other)) for cls in tally
    }
    return max(sorted(support), key=lambda c: (support[c], tally[c]))


def _canonical_name(names: Counter, former: set[str] | frozenset = frozenset()) -> str:
    """The fullest common form: multi-word names beat initialisms, a name beats its own end
    ("Foresight Lab"), then frequency, then length;
    a name the text gives as a former one ("(formerly Norsk Radio)") comes last, and one with an
    honorific ("Ms Tasker") after the full name it shortens."""
    return max(names, key=lambda n: (n not in former, len(n.split()) > 1,
                                     _without_honorific(n) == n,
                                     not any(o.endswith(" " + n) for o in names),
                                     names[n], len(n), n))  # ("Corvanta Foresight Lab", not
    # "Foresight Lab", however often the short form is written)


def _merge(into: Entity, other: Entity) -> None:
    into.aliases |= other.aliases
    into.wikidata = into.wikidata or other.wikidata
    for cls, weight in other.votes.items():
        into.votes[cls] = into.votes.get(cls, 0.0) + weight
    into.type = vote(Counter(into.votes))


def add_votes(entities: dict[str, Entity], votes: Iterable[tuple[str, str, float]]) -> None:
    """Add class votes from later evidence (the slots facts put entities in) and re-vote."""
    for key, cls, weight in votes:
        entity = entities[key]
        if cls == "Person" and any(numbered(n) for n in (entity.label, *entity.aliases)):
            continue  # "led by the Tervik H8": a product leads a range, no person is numbered
        entity.votes[cls] = entity.votes.get(cls, 0.0) + weight
    for entity in entities.values():
        entity.type = vote(Counter(entity.votes)) if entity.votes else UNTYPED


def drop_untyped(entities: dict[str, Entity]) -> dict[str, Entity]:
    """Names nothing typed are not things we model ("Intro", a stray capitalised word)."""
    for entity in entities.values():
        if entity.type == UNTYPED:
            for mention in entity.mentions:
                mention.entity = None
    return {k: e for k, e in entities.items() if e.type != UNTYPED}


FAMILY_VOTE = 2.0


_TAGGER_ONLY = {"Organization", "Person", UNTYPED}  # classes a tagger label alone gives


_NEVER_NUMBERED = ("Place", "Person")  # "Windows 10" is no town, whatever "Windows" was tagged


def family_votes(entities: dict[str, Entity]) -> Iterator[tuple[str, str, float]]:
    """ "Pico 3" is whatever "Pico" or "Pico 2" is: a numbered version takes its family's class
    (the tagger often has nothing else to say about "Pico 3 followed in 2024")."""
    typed: dict[str, str] = {}
    ranked = sorted(entities.values(), key=lambda e: split_version(e.label)[0] is not None)
    for entity in ranked:  # the family's own name first: "Pico" says more than "Pico 2"
        if entity.type != UNTYPED:
            stem = (split_version(entity.label)[0] or entity.label).lower()
            known = typed.setdefault(stem, entity.type)
            if known != entity.type and schema().is_a(entity.type, known):
                typed[stem] = entity.type  # "our Saga 2 model": the versions are models
    products = {e.label.lower(): e.type for e in entities.values()
                if schema().is_a(e.type, "Product")}
    by_label = {e.label.lower(): e for e in entities.values()}
    for entity in entities.values():
        stem = split_version(entity.label)[0]
        if stem and typed.get(stem.lower()) not in (None, *_NEVER_NUMBERED):
            yield entity.key, typed[stem.lower()], FAMILY_VOTE  # not "Windows 10" a place
        family = by_label.get(stem.lower()) if stem else None
        if family is not None:  # "the Drift" tagged a firm, "the Drift 2" plainly a device
            # (or the other way round): the family shares the product's evidence
            for plain, product in ((family, entity), (entity, family)):
                vaguer = plain.type in _TAGGER_ONLY or (
                    plain.type == "Product" and product.type != "Product")  # "a device"
                if vaguer and schema().is_a(product.type, "Product"):
                    yield plain.key, product.type, sum(
                        n for cls, n in product.votes.items() if schema().is_a(cls, "Product"))
        elif entity.type == UNTYPED:  # "Tern 3 Mini" and "Tern 3 Pro": sizes of Tern 3
            base = entity.label.lower().rsplit(" ", 1)[0]
            if base in products and entity.label.split()[-1][:1].isupper():
                yield entity.key, products[base], FAMILY_VOTE

