"""Coreference within one document: which entity each token names, and what "the company",
"it" and "the model" refer to.

The rule engine (`kg.facts`) asks this index for the entity behind a token. Names are looked up
by position; definite descriptions and pronouns resolve to the most recent entity of the wanted
class, with the sentence's subject and the story's focus (the firm a paragraph or the whole
story is about) preferred, as a reader would.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache

from kg import syntax
from kg.knowledge import schema, typing_cues
from kg.model import Entity
from kg.nlp import (
    DATELINE_DASHES,
    ParsedDocument,
    common_words,
    of_phrase_start,
    whole_word_spans,
)
from kg.places import country_names, country_nouns, place_names


class DocumentIndex:
    """Which entity each token names, plus coreference by the most recent entity of a class."""

    def __init__(self, parsed: ParsedDocument, entities: dict[str, Entity]) -> None:
        self.parsed = parsed
        self.entities = entities
        self.by_token: dict[int, str] = {}
        self.ordered: list[tuple[int, str]] = []
        for mention in parsed.mentions:
            if mention.entity is None:
                continue
            span = parsed.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = mention.entity
            self.ordered.append((span.start, mention.entity))
        self._find_repeated_names()
        self.ordered.sort()
        self._referents: dict[int, str | None] = {}  # "the company" as a subject -> its entity
        self.focus = self._focus()

    def _find_repeated_names(self) -> None:
        """Names the tagger missed on a later use ("Amodei" taken for a common noun).

        Every label and alias of an entity this document mentions is looked up again in its
        text; a match on tokens no mention covers names that entity. Ambiguous names are skipped,
        and longer names are looked up first: "Titanfall: Assault" before "Titanfall".
        """
        owners: dict[str, set[str]] = {}
        for key in {key for _, key in self.ordered}:
            entity = self.entities[key]
            for name in (entity.label, *entity.aliases, *_implied_short_forms(entity),
                         *_first_name(entity)):
                if len(name) > 2 and name[0].isupper():
                    owners.setdefault(name, set()).add(key)
        text, doc = self.parsed.document.text, self.parsed.doc
        for name, keys in sorted(owners.items(), key=lambda item: (-len(item[0]), item[0])):
            if len(keys) != 1:
                continue
            key = next(iter(keys))
            for start, end in whole_word_spans(text, name):
                span = doc.char_span(start, end)
                if span is None or any(t.i in self.by_token for t in span):
                    continue
                for token in span:
                    self.by_token[token.i] = key
                self.ordered.append((span.start, key))

    @cached_property
    def descriptions(self) -> list[tuple[int, str, str]]:
        """(position, noun lemma, entity) for each name the text describes with a noun:
        "Kestrel Compute, a data-center operator" - later "the operator" means Kestrel."""
        return sorted(self._described_by_nouns + self._described_by_names)

    @cached_property
    def _described_by_nouns(self) -> list[tuple[int, str, str]]:
        found = []
        for token in syntax.nominals(self.parsed.doc):
            if token.i in self.by_token:
                continue
            targets = (syntax.described(token) or self._firm_before(token)
                       or _name_after(token)) if syntax.common_noun(token) else []
            for target in targets or self._firm_after(token):
                key = self.by_token.get(target.i)
                if key is not None:
                    found.append((token.i, token.lemma_.lower(), key))
        return found

    def _firm_before(self, noun) -> list:
        """ "the Brightmart supermarket chain ... the chain": a firm's name written before a
        noun for firms, in a definite phrase, is what the noun later means. Not a place ("the
        Edinburgh start-up") nor a family ("the Dravenau family")."""
        sch = schema()
        cls = typing_cues().heads.get(noun.lemma_.lower())
        if noun.tag_ != "NN" or cls is None or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return self._product_before(noun, cls)
        if not sch.is_a(cls, "Organization"):
            return self._product_before(noun, cls, definite=True)
        names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        key = self.by_token.get(names[0].i) if len(names) == 1 else None
        return names if key and sch.is_a(self.entities[key].type, "Organization") else []

    def _product_before(self, noun, cls: str | None, definite: bool = False) -> list:
        """ "Its SortLine 4 robot ... The robot runs on Spectra", "the Fennel Home app ... the
        app": an owned or definite thing's name written before its kind is what the kind
        later means."""
        sch = schema()
        if noun.tag_ != "NN" or cls is None or not sch.is_a(cls, "Product") \
                or not (definite or any(c.dep_ == "poss" for c in noun.children)):
            return []
        names = [c for c in noun.children if c.dep_ in {"compound", "nmod"}
                 and c.pos_ == "PROPN" and c.i in self.by_token]
        if len({self.by_token[c.i] for c in names}) != 1:
            return []
        named = self.entities[self.by_token[names[0].i]].type
        return names[:1] if sch.is_a(named, "Product") else []

    def _firm_after(self, noun) -> list:
        """ "Brenford's Cambridge-based subsidiary Pedalogic ... the unit": a noun for firms
        or their parts written as the title of an owned or definite name describes it (the
        tagger may call it an adjective there)."""
        if noun.dep_ != "compound" or noun.pos_ not in ("NOUN", "ADJ") or not noun.is_lower:
            return []  # (most words: this runs on every one)
        cues = typing_cues()
        cls = cues.heads.get(noun.lemma_.lower())
        name = noun.head
        if name.pos_ != "PROPN" or name.i not in self.by_token \
                or not (noun.lemma_.lower() in cues.unit_nouns
                        or cls and schema().is_a(cls, "Organization")) \
                or not any(c.dep_ in ("poss", "det") for c in name.children):
            return []
        return [name] if schema().is_a(self.entities[self.by_token[name.i]].type,
                                       "Organization") else []

    @cached_property
    def _described_by_names(self) -> list[tuple[int, str, str]]:
        found = []
        for start, key in self.ordered:  # "Harrowgate Studios ... the studio", "... the bank"
            words = self.entities[key].label.lower().split()
            if len(words) > 1:
                last = words[-1][:-1] if words[-1].endswith("s") and len(words[-1]) > 4 \
                    else words[-1]
                found.append((start, last, key))
                of = of_phrase_start(words)
                if of:  # "the Nordhavn Institute for Applied Computing ... the institute"
                    found.append((start, words[of - 1], key))
                part = _closed_compound_end(last) if last in common_words(("noun",)) \
                    else None  # "Kestlund Shipyard ... the yard" (not "Ray Brenford": "ford")
                if part:
                    found.append((start, part, key))
        return found

    @cached_property
    def _name_nouns(self) -> list[tuple[int, str]]:
        """ "the bank" after "Cascade Valley Bank": a definite noun that only one name ends
        in speaks of that name's bearer, and counts as a mention of it for the focus."""
        owners: dict[str, set[str]] = defaultdict(set)
        for _, word, key in self._described_by_names:
            owners[word].add(key)
        if not owners:
            return []
        single = [word for word, keys in owners.items() if len(keys) == 1]
        return [(token.i, next(iter(owners[token.lemma_.lower()])))
                for token in syntax.nouns_among(self.parsed.doc, single)
                if token.pos_ == "NOUN" and token.i not in self.by_token
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)]

    @cached_property
    def _described_nouns(self) -> list[tuple[int, str]]:
        """ "their start-up, Loamwise ... the start-up": a definite noun an earlier
        description gives to one firm counts as a mention of it for the focus."""
        generic = typing_cues().generic_nouns  # every firm is a "company"; a firm's own
        described: dict[str, list[tuple[int, str]]] = defaultdict(list)  # name's noun is a
        for i, word, key in self._described_by_nouns:  # _name_noun already
            if word not in generic:
                described[word].append((i, key))
        found = []
        for token in syntax.nouns_among(self.parsed.doc, described):
            if not syntax.common_noun(token) or token.i in self.by_token:
                continue
            lemma = token.lemma_.lower()
            if lemma in described \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                    and not any(c.i in self.by_token for c in token.children):  # (not "the
                # Amsterdam delivery group Snelvik", which names its own firm)
                keys = [key for i, key in described[lemma] if i < token.i]
                if keys:
                    found.append((token.i, keys[-1]))
        return found

    def described_as(self, before: int, lemma: str) -> str | None:
        """The entity last described as a `lemma` ("an operator") before token `before`.

        A noun every firm is ("company") only counts in a name ("Acme Company"): after
        "Dornholt, the Swiss measurement company ... he founded Brisco", "the company" is Brisco.
        """
        keys = self._called(before, lemma)
        return keys[-1] if keys else None

    def _called(self, before: int, lemma: str) -> list[str]:
        """The entities the text described as a `lemma` (or its synonym) before `before`, in
        order; a noun every firm is counts only in names."""
        found = self.descriptions if lemma not in typing_cues().generic_nouns \
            else self._described_by_names
        synonyms = _unit_synonyms()
        words = synonyms if lemma in synonyms else {lemma}
        doc = self.parsed.doc
        kind = _kind_words(doc[before])
        return [key for i, word, key in found if i < before and word in words
                and not (kind and _other_kind(doc[i], kind))]

    def described_here(self, before: int, lemma: str) -> str | None:
        """The last entity named earlier in this sentence that the text has called a `lemma`:
        "X invested in Orrinex's round, and Y retains a stake in the lab" is Orrinex's lab,
        whatever other lab was named since Orrinex was first called one."""
        called = set(self._called(before, lemma))
        start = self.parsed.doc[before].sent.start
        here = [key for i, key in self.ordered if start <= i < before and key in called]
        return here[-1] if here else None

    def named_as(self, key: str, lemma: str) -> bool:
        """Whether `key`'s own name ends in the noun ("Meridian Freight Group": "group")."""
        return any(k == key and word == lemma for _, word, k in self._described_by_names)

    def _focus(self, start: int = 0, end: int | None = None) -> str | None:
        """The most mentioned organisation: the headline's subject in nearly every article."""
        sch = schema()
        counts = Counter(
            key for i, key in [*self.ordered,
                               *((*self._name_nouns, *self._described_nouns) if end is None
                                 else ())]
            if start <= i < (end if end is not None else i + 1)
            and sch.is_a(self.entities[key].type, "Organization")
        )
        if not counts:
            return None
        if end is None:  # the headline's subject is what the story is about: "Oamaru's
            for key in self._headline_subjects:  # Haldane Coachlines sold to Wexcombe", though
                counts[key] += 2  # the buyer is named more often after
        first = {key: i for i, key in reversed(self.ordered)}
        return max(counts, key=lambda k: (counts[k], -first[k]))

    @cached_property
    def _headline_subjects(self) -> list[str]:
        """The organisation the headline makes its subject, if any (the story is about it)."""
        doc = self.parsed.doc
        title_end = syntax.doc_text(doc).find("\n")
        return [key for i, key in self.ordered if doc[i].idx < title_end
                and self._root(i, key).dep_ in {"nsubj", "nsubjpass"}
                and schema().is_a(self.entities[key].type, "Organization")][:1]

    def we_are(self, position: int) -> str | None:
        """Whom a writer's "we" and "our" at token `position` mean: in a section headed "About
        X", X; in a text a company writes about itself, the firm its opening sentence has act
        ("Brennvik Energi ASA today announced a joint venture with Dalmaru ... We hold 60
        percent"), however often its partner is named; else the story's firm."""
        text = syntax.doc_text(self.parsed.doc)
        about = self._about_section(text, self.parsed.doc[position].idx)
        if about is not None:
            return about
        if syntax.corporate_voice(self.parsed.doc) and self._issuer is not None:
            return self._issuer
        return self.focus

    def _about_section(self, text: str, char: int) -> str | None:
        """The organisation an "About X" heading line before `char` names, if the text since
        that heading is its section (no other heading line in between)."""
        line_start = text.rfind("\n", 0, char) + 1
        while line_start > 0:
            previous = text.rfind("\n", 0, line_start - 1) + 1
            line = text[previous:line_start - 1].strip()
            if line.startswith("About ") and len(line.split()) <= 6:
                span = self.parsed.doc.char_span(previous + 6, line_start - 1,
                                                 alignment_mode="expand")
                keys = [self.by_token[t.i] for t in span or () if t.i in self.by_token]
                return keys[0] if keys else None
            if len(line.split()) <= 6 and not line.endswith((".", "?", "!", '"')):
                return None  # another heading: another section
            line_start = previous
        return None

    @cached_property
    def _issuer(self) -> str | None:
        """The organisation the first sentence after the headline has act ("X today announced
        ...", "X has launched ..."): who a company's own text speaks for."""
        doc = self.parsed.doc
        text = syntax.doc_text(doc)
        body = text.find("\n") + 1
        places = place_names() | country_names()
        for sentence in doc.sents:
            if sentence.start_char < body or not sentence.text.strip() \
                    or sentence[-1].text in DATELINE_DASHES:  # "STAVANGER, Norway -"
                continue
            if sentence.root.lemma_.lower() not in syntax.ANNOUNCING:
                return None  # a story's opening, not a release's
            for token in doc[sentence.start:sentence.root.i]:  # before its verb (after a
                key = self.by_token.get(token.i)  # dateline: "STAVANGER, Norway - X today
                if key and schema().is_a(self.entities[key].type, "Organization") \
                        and self.entities[key].label not in places:
                    return key  # announced ...", however the parser hangs X)
            return None
        return None

    def focus_at(self, position: int, depth: int = 0) -> str | None:
        """The organisation the paragraph of token `position` is about, when the paragraph
        names one more than the story's own ("5. Quaymark ... the company": Quaymark, in a
        round-up of five start-ups); else the story's. A paragraph naming no organisation
        continues the one before ("Corvane slipped ... co-founder Whitcombe stepped down." /
        "Whitcombe, who started the company in 2011, ...")."""
        doc = self.parsed.doc
        text = syntax.doc_text(doc)
        first = text.rfind("\n", 0, doc[position].idx) + 1
        span = self._paragraph(position)
        local = self._focus(span.start, span.end) if span is not None else None
        end = first - 1  # the paragraph before ends here, blank lines skipped
        while end > 0 and text[end - 1] == "\n":
            end -= 1
        if local is None and span is not None and depth < 2 and end > 0:
            earlier = doc.char_span(text.rfind("\n", 0, end) + 1, end,
                                    alignment_mode="expand")
            if earlier is not None and any(earlier.start <= i < earlier.end
                                           for i, _ in self.ordered):
                return self.focus_at(earlier.start, depth + 1)
        if local is None or local == self.focus:
            return self.focus
        counts = Counter(key for i, key in [*self.ordered, *self._name_nouns,
                                            *self._described_nouns]
                         if span.start <= i < span.end)
        counts[self.focus] += sum(  # a guest's "our round" on an answer line names the
            t.lower_ in {"we", "us", "our"} and not syntax.inside_quotes(t)  # guest's firm
            and syntax.spoken(t) for t in span)  # (a quoted investor's "we" is not)
        subject = any(key == local and (self._is_subject(i, key) or i <= span.start + 2)
                      for i, key in self.ordered if span.start <= i < span.end)
        # a topic is what the paragraph opens with or makes a subject; named twice, unless
        # a paragraph without any firm continues it
        enough = counts[local] >= 2 or depth > 0 or self._round_up and counts[self.focus] == 0
        # (in a round-up, an item on another firm: "Fenwright Robotics has named X as chief
        # executive. She replaces co-founder Y")
        return local if subject and enough and counts[local] > counts[self.focus] \
            else self.focus

    @cached_property
    def _round_up(self) -> bool:
        """A newsletter or round-up: four paragraphs or more, each opening on a different
        organisation, make each item a story of its own."""
        text = syntax.doc_text(self.parsed.doc)
        openers = set()
        for start, key in self.ordered:
            line = text.rfind("\n", 0, self.parsed.doc[start].idx) + 1
            if len(text[line:self.parsed.doc[start].idx].split()) <= 1 \
                    and schema().is_a(self.entities[key].type, "Organization"):
                openers.add(key)
        return len(openers) >= 4

    def _paragraph(self, position: int):
        """The tokens of the paragraph (line) token `position` is in."""
        doc = self.parsed.doc
        text = syntax.doc_text(doc)
        char = doc[position].idx
        first = text.rfind("\n", 0, char) + 1
        last = text.find("\n", char)
        return doc.char_span(first, len(text) if last < 0 else last, alignment_mode="expand")

    def paragraph_topic(self, before: int, cls: str) -> str | None:
        """The first entity of `cls` the paragraph makes a subject before token `before`
        ("The entertainment arm. Castellan Entertainment, led by Anouk Brandt, runs ...")."""
        span = self._paragraph(before)
        if span is None:
            return None
        return next((key for i, key in self.ordered if span.start <= i < before
                     and self._is_subject(i, key) and self._may_be(key, cls)), None)

    def named_in_paragraph(self, key: str, position: int) -> bool:
        span = self._paragraph(position)
        return span is not None and any(
            k == key and span.start <= i < span.end for i, k in self.ordered)

    def owner_of_its(self, before: int, skip_doers: bool = False) -> str | None:
        """ "Acme has built its business": the organisation the sentence (or the one before) is
        about, else the last one named, else the story's main one."""
        sch = schema()
        owned = self.parsed.doc[before].head  # "Google and its Gemini": the name it joins
        if owned.dep_ == "conj" and owned.head.i in self.by_token and sch.is_a(
                self.entities[self.by_token[owned.head.i]].type, "Organization"):
            return self.by_token[owned.head.i]
        described = self._described_around(before)
        if described is not None:
            return described
        doc = self.parsed.doc
        held = skip_doers or owned.lemma_.lower() in typing_cues().owner_nouns  # "X, which
        doers = [] if held or syntax.in_passive_subject(doc[before]) \
            else syntax.doers_of_clause(doc[before])  # holds 40 percent of its shares": not X;
        # "Its rival, Dashlo, is owned by Snelbord": not Snelbord
        for subject in sorted(doers, key=lambda t: t.i):
            # "Acme named Initech as its partner", "Acme's shares trailed its rivals", "Harwick
            # sits inside Tessaly Motion and keeps its brand": Acme, Acme, Harwick
            named = [syntax.apposition_target(subject)] if subject.dep_ == "appos" else []
            # ("Vantor Launch, the Christchurch company, which will carry ... on its rocket")
            for token in [subject, *named, *(c for c in subject.children if c.dep_ == "poss")]:
                key = self.by_token.get(token.i)
                if key and sch.is_a(self.entities[key].type, "Organization"):
                    return key
        reporter = self._reporter(doers) if doers and not held else None
        if reporter is not None:  # "The group, whose units include X, said sales of its pill
            return reporter  # rose": the group's pill
        verb = next((a for a in doc[before].ancestors if a.pos_ in {"VERB", "AUX"}), None)
        founded = self._object_of_first_verb(verb) if doers and not held else None
        if founded:  # "Roe co-founded Kivara AI with Ng and has been its chief executive"
            return founded
        subjects = [c for c in verb.children if c.dep_ in syntax.ANY_VOICE_SUBJECT_DEPS] \
            if verb is not None else []
        owners = [c for t in subjects for c in t.children  # "Its cheeses are made at its own
                  if c.dep_ == "poss" and c.lower_ in {"its", "their"} and c.i < before]  # plant"
        if owners:
            return self.owner_of_its(owners[0].i)
        whose = self._relative_clause_owner(before)
        if whose is not None:
            return whose
        chained = self._its_before(before)
        if chained is not None:  # "Its Chilean arm, X, supplies ... Its chief executive, Y,
            return chained  # ...": sentences opening on "Its" in a row speak of one owner
        opening = self._opening_paragraph(before) if doc[before].lower_ == "its" else None
        if opening is not None:  # "Its nearest rival, ..." opening a paragraph: the firm the
            return opening  # paragraph before was about, not the last one it named
        topic = self.recent_subject(before, "Organization")
        if topic:
            return topic
        described = self._described_before(before)
        if described:  # "X remains with the company as its artistic director": the company's
            return described
        owner = self._subject_owner_before(before)
        if owner:  # "Zentrova's flagship product, CrewLoom, plans rosters for airlines such
            return owner  # as Baltair. Its revenue tool ...": Zentrova's
        for start, key in reversed(self.ordered):
            if start < before and sch.is_a(self.entities[key].type, "Organization"):
                return key
        return self.focus_at(before)

    def _reporter(self, doers: list) -> str | None:
        """The organisation that says a clause whose own doers are no organisation: the
        subject of the verb the clause is the complement of, named or a definite noun the
        text ties to one firm ("The Zurich-based group ... said sales of its pill jumped")."""
        if any(t.pos_ in {"PRON", "PROPN"} for t in doers):
            return None
        verb = doers[0].head
        if verb.dep_ != "ccomp" or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        nouns = dict([*self._name_nouns, *self._described_nouns])
        sch = schema()
        for subject in syntax.logical_subjects(verb.head):
            key = self.by_token.get(subject.i) or nouns.get(subject.i)
            if key and sch.is_a(self.entities[key].type, "Organization"):
                return key
        return None

    def _object_of_first_verb(self, verb) -> str | None:
        """The organisation the first of two joined verbs acts on, when a person is their
        subject: the second verb's "its" speaks of it."""
        if verb is None or verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        return self._first_organisation(c for c in verb.head.children if c.dep_ == "dobj")

    def _subject_owner_before(self, position: int) -> str | None:
        """For an "Its" opening a sentence: the organisation that owns the subject of the
        sentence before ("Zentrova's flagship product, CrewLoom, ...")."""
        doc = self.parsed.doc
        sentence = doc[position].sent
        if position != sentence.start or sentence.start == 0:
            return None
        previous = doc[sentence.start - 1].sent
        subjects = (c for c in previous.root.children if c.dep_ in syntax.SUBJECT_DEPS)
        return self._first_organisation(_possessors(subjects))

    def _described_before(self, position: int) -> str | None:
        """What "the company" (or "the lab" ...) written earlier in the sentence refers to."""
        doc = self.parsed.doc
        kinds = typing_cues().coreference
        for token in doc[doc[position].sent.start:position]:
            cls = kinds.get(token.lemma_.lower())
            if token.pos_ == "NOUN" and cls and schema().is_a(cls, "Organization") and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                return self.recent(token.i, cls)
        return None

    def _relative_clause_owner(self, position: int) -> str | None:
        """ "Hoistgraph, Liftwerk's platform, which was developed by its Berlin unit": in a
        clause about a thing an organisation owns, "its" is that owner's."""
        clause = next((a for a in self.parsed.doc[position].ancestors if a.dep_ == "relcl"),
                      None)
        if clause is None:
            return None
        thing = clause.head
        around = [thing, *(c for c in thing.children if c.dep_ == "appos")]
        if thing.dep_ == "appos":
            around.append(thing.head)
        return self._first_organisation(_possessors(around))

    def _first_organisation(self, tokens) -> str | None:
        """The entity of the first of `tokens` that names an organisation."""
        for token in tokens:
            key = self.by_token.get(token.i)
            if key and schema().is_a(self.entities[key].type, "Organization"):
                return key
        return None

    def _its_before(self, position: int) -> str | None:
        """The owner of the "Its" opening the sentence before, when this one opens so too."""
        doc = self.parsed.doc
        sentence = doc[position].sent
        if position != sentence.start or doc[position].lower_ != "its" or sentence.start == 0:
            return None
        previous = doc[sentence.start - 1].sent
        if doc[previous.start].lower_ != "its" or "\n" in doc[previous.end - 1:position].text:
            return None  # (a new paragraph starts afresh)
        return self.owner_of_its(previous.start)

    def _described_around(self, position: int) -> str | None:
        """ "creating Arvik, a machinery group with its headquarters in Hamburg": an "its"
        deep inside a description of an organisation is that organisation's (but in "X,
        its rival" the description itself is of another)."""
        pronoun = self.parsed.doc[position]
        for above in pronoun.head.ancestors:
            if above.dep_ in {"relcl", "acl"} or above.pos_ in {"VERB", "AUX"}:
                return None
            if above.dep_ == "appos" and above.pos_ == "NOUN":
                key = self.by_token.get(syntax.apposition_target(above).i)
                if key is not None and schema().is_a(self.entities[key].type, "Organization"):
                    return key
                return None
        return None

    def _opening_paragraph(self, position: int) -> str | None:
        """For a word that opens a paragraph after another: that paragraph's focus."""
        span = self._paragraph(position)
        if span is None or span.start != position or position == 0:
            return None
        found = self.focus_at(position - 1)
        return found if found is not None and schema().is_a(
            self.entities[found].type, "Organization") else None

    def recent_subject(self, before: int, cls: str, depth: int = 0, last_named: bool = True
                       ) -> str | None:
        """The subject of this or the previous sentence, when it has class `cls`.

        "Anthropic introduced Mythos. The company sells ...": a paragraph about one company
        keeps it as its subject, and "the company" or "it" continues that thread. With
        `last_named=False` only a subject earlier in this sentence counts (for pronouns).
        """
        doc = self.parsed.doc
        sentence = doc[before].sent
        previous = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        named = [*self.ordered, *self._described_subjects(previous.start, before)]
        candidates = [(start, key) for start, key in sorted(named, reverse=True)
                      if previous.start <= start < before and self._may_be(key, cls)]
        local = syntax.clause_subjects(doc[before])
        phrase = doc[before].head if doc[before].dep_ == "poss" else doc[before]
        described = {self.by_token.get(t.i) for t in syntax.described(phrase)}  # "X, the
        # retailer's technology unit": the retailer is not X
        for clause in (a for a in doc[before].ancestors if a.dep_ == "relcl"):
            # "X, a subsidiary the company set up": the company is not X
            inside = {t.i for t in clause.subtree}  # (and the names listed with X: "Y and
            for host in [clause.head, *syntax.described(clause.head)]:  # X, a group that")
                described.update(self.by_token.get(t.i) for t in host.subtree
                                 if t.i not in inside)
        fronted = syntax.fronted_description(doc[before])  # "The daughter of X, she ...":
        # X is not she
        candidates = [(start, key) for start, key in candidates
                      if self._root(start, key).i not in local | fronted
                      and key not in described and not syntax.quoted(doc[start])]
        here = [(start, key) for start, key in candidates if start >= sentence.start]
        for start, key in here:  # "Acme said the company ...": this sentence's subject
            if self._is_subject(start, key) and not self._in_other_clause(start, key, before):
                return key
        core = any(self._root(start, key).dep_ in {"dobj", "nsubjpass"} for start, key in here)
        if depth < 3 and last_named and not core and sentence.start > 0 and any(
                t.dep_ in syntax.SUBJECT_DEPS and t.lower_ in {"it", "they"}
                for t in doc[sentence.start:before]):
            # "It raised money from X and Y, and Z took a stake in the company": what "it" is
            # (X and Y are only named in passing; "It released X" would make X the one)
            return self.recent_subject(sentence.start, cls, depth + 1)
        if here and last_named:  # "Y, previously Acme's officer, runs the startup"
            return here[0][1]
        if not last_named:
            return None
        for start, key in candidates:  # "Acme introduced X. The company sells ..."
            if self._is_subject(start, key) and not self._subordinate(start, key):
                return key
        if depth < 3 and previous.start < sentence.start \
                and syntax.pronoun_subject(previous.root, people=cls == "Person"):
            # "Acme grew. In 2025 it formed a lab. It also ...": "it" carries the thread on
            return self.recent_subject(previous.start, cls, depth + 1)
        for start, key in candidates:  # "Jo co-founded Acme with ex-Initech staff. The company"
            if self._is_main_object(start, key):
                return key
        for start, key in candidates:  # "When Acme split off the unit, ..."
            if self._is_subject(start, key):
                return key
        return None

    def _in_other_clause(self, start: int, key: str, before: int) -> bool:
        """The subject of a relative clause the pronoun is not in ("Harcourt, a maker the
        company bought, was sold to Trenton, which still owns it": "it" is not the company)."""
        root = self._root(start, key)
        return any(a.dep_ == "relcl" and a.head.pos_ in {"NOUN", "PROPN"}  # not "in 2008,
                   and before not in {t.i for t in a.subtree}  # when X was acquired"
                   for a in root.ancestors)

    def _subordinate(self, start: int, key: str) -> bool:
        """The subject of a clause set before the main one ("When Merivale decided to spin
        it off, Roe co-founded Veltrane. Its ...": Merivale is not what "its" continues)."""
        verb = self._root(start, key).head
        return verb.dep_ == "advcl" and verb.i < verb.head.i

    def _described_subjects(self, start: int, end: int) -> list[tuple[int, str]]:
        """ "The company is backed by X and Y, which hold 40 percent of its shares": a subject
        that refers back ("the company") carries the thread on like a name, so what it refers
        to is the sentence's subject for what follows."""
        found = []
        for token in self.parsed.doc[start:end]:
            if token.i not in self._referents:
                self._referents[token.i] = None
                cls = typing_cues().coreference.get(token.lemma_.lower())
                # (not "..., the firm said": an aside carries no thread)
                if token.dep_ in {"nsubj", "nsubjpass"} and token.i not in self.by_token \
                        and token.head.lemma_ not in syntax.SPEECH_VERBS \
                        and cls and schema().is_a(cls, "Organization") \
                        and syntax.is_anaphoric(token):
                    # a firm: the last one of its class; a part of one ("the software
                    # unit"): only the one described as such ("its subsidiary Pedalogic")
                    described = self.described_as(token.i, token.lemma_.lower())
                    self._referents[token.i] = (described or self.recent(token.i, cls)) \
                        if schema().is_a(cls, "Company") else described
                    # ("the Munich-based insurance group ... Polderveilig, a broker ... The
                    # group also disclosed": the one described as a group)
            if self._referents[token.i]:
                found.append((token.i, self._referents[token.i]))
        return found

    def speaker(self, position: int) -> str | None:
        """Who says "I" at token `position`: the person a transcript line is labelled with
        ("CHEN:"), the guest on an answer line ("A:", the story's most named person), or the
        person a quote is attributed to in its sentence ("'I built it,' said Jo Roe")."""
        token = self.parsed.doc[position]
        label = syntax.speaker_label(token)
        people = [(start, key) for start, key in self.ordered
                  if self.entities[key].type == "Person"] if label else []
        if label == "A":  # a full name: a one-word "person" is often a firm the tagger misread
            # (whom the answers name is talked about: a guest does not name herself)
            doc = self.parsed.doc
            guests = [key for start, key in people if " " in self.entities[key].label
                      and syntax.speaker_label(doc[start]) != "A"]
            return Counter(guests).most_common(1)[0][0] if guests else None
        if label and label not in syntax.interviewers(self.parsed.doc):
            named = [key for _, key in people if label.lower() in
                     {n.lower() for n in (self.entities[key].label, *self.entities[key].aliases)}
                     or self.entities[key].label.lower().endswith(" " + label.lower())]
            return named[0] if named else None
        if not syntax.inside_quotes(token):
            return None
        for verb in token.sent:
            if verb.lemma_ in syntax.SPEECH_VERBS and not syntax.inside_quotes(verb):
                for subject in (c for c in verb.children if c.dep_ in syntax.SUBJECT_DEPS):
                    key = self.by_token.get(subject.i)
                    if key is None and subject.lower_ in {"he", "she"}:  # "..." he said
                        key = self.recent_person(subject.i)
                    if key and self.entities[key].type == "Person":
                        return key
        return None

    def last_named(self, before: int, cls: str, noun: str = "",
                   elsewhere: frozenset[str] = frozenset()) -> str | None:
        """The last entity of `cls` named in the sentence before the one of `before`, when this
        sentence names none: "...rests on Tsubame. The Osaka-based company holds ...". One
        whose own name ends in the `noun` comes first: "Helvara Group ... completed its takeover
        of Dornbach Pharma. The Zurich-based group" is Helvara Group."""
        doc = self.parsed.doc
        sentence = doc[before].sent
        if sentence.start == 0:
            return None
        start = doc[sentence.start - 1].sent.start
        named = [key for position, key in self.ordered if start <= position < before
                 and self._may_be(key, cls) and not self._modifier(position, key)]
        described = doc[before]
        doers = {self.by_token.get(t.i) for t in syntax.doers_of_clause(described)}
        here = [key for position, key in self.ordered if sentence.start <= position < before
                and self._may_be(key, cls) and key not in doers]  # "Acme agreed to buy the
        # Denver-based maker": Acme is not the maker
        verb = described.head if described.dep_ in syntax.SUBJECT_DEPS else None
        others = {key for position, key in self.ordered if before < position < sentence.end
                  and verb is not None and syntax.same_clause(self._root(position, key), verb)}
        named = [key for key in named if key not in others | doers]  # "The London group
        # bought Tillway"
        named = [key for key in named if key not in elsewhere]  # (placed elsewhere)
        named = [key for key in named if self.named_as(key, noun)] or named
        lead = self._back_to_headline(described)
        if lead in named:
            return None if here else lead  # a new paragraph goes back to the story's firm
        return named[-1] if named and not here else None

    def _back_to_headline(self, noun) -> str | None:
        """The firm the subject of a paragraph's first sentence ("The company raised ...")
        goes back to: the story's focus, when the headline names it and the story has named it
        since (not the firm the paragraph before ended on)."""
        sentence = noun.sent
        if noun.dep_ not in syntax.ANY_VOICE_SUBJECT_DEPS or noun.head != sentence.root:
            return None
        paragraph = self._paragraph(sentence.start)
        focus = self._focus() if paragraph is not None \
            and sentence.start <= paragraph.start else None
        if focus is None:
            return None
        title_end = syntax.doc_text(self.parsed.doc).find("\n")
        start = self.parsed.doc[sentence.start].idx
        named = [self.parsed.doc[i].idx for i, key in self.ordered if key == focus]
        return focus if named and named[0] < title_end and any(
            title_end < idx < start for idx in named) else None

    def _modifier(self, start: int, key: str) -> bool:
        """ "which leaves Android owners out": a name written before a common noun as its
        modifier is not what a later "the Seattle-based company" goes on about."""
        root = self._root(start, key)
        return root.dep_ in {"compound", "nmod"} and root.head.pos_ == "NOUN" \
            and root.head.i not in self.by_token

    def _may_be(self, key: str, cls: str, any_organisation: bool = False) -> bool:
        """Of class `cls`, or a plain organisation that may be one ("the company" can mean a
        name only the tagger's ORG label typed). With `any_organisation`, "the company" may be
        any organisation: news calls its subject so whether it is typed a lab, a bank or a
        group."""
        sch, have = schema(), self.entities[key].type
        if any_organisation and sch.is_a(cls, "Company") and sch.is_a(have, "Organization"):
            return True
        return may_be(have, cls)

    def _is_subject(self, start: int, key: str) -> bool:
        """The subject, or the name set beside a common-noun subject ("Its nearest rival,
        Daskel, has been owned by ...": Daskel)."""
        root = self._root(start, key)
        edge = next(t.i for t in root.subtree if not t.is_punct)
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and edge >= 2 \
                and root.doc[edge - 1].text == "," and root.head.i == edge - 2:
            root = root.head
        return root.dep_ in {"nsubj", "nsubjpass"}

    def _is_main_object(self, start: int, key: str) -> bool:
        """The object of the sentence's main verb, not a name inside a modifier."""
        root = self._root(start, key)
        return root.dep_ == "dobj" and root.head.dep_ in {"ROOT", "conj"}

    def _root(self, start: int, key: str):
        """The syntactic head of the mention of `key` that starts at token `start`."""
        doc = self.parsed.doc
        end = start + 1
        while end < len(doc) and self.by_token.get(end) == key:
            end += 1
        return doc[start:end].root

    def recent_person(self, before: int) -> str | None:
        """Who "he" or "she" is: the subject of this or the previous sentence, else a person
        they name ("The push is run by Dev Rao. He joined ..."), else the last person the text
        made a subject ("Chubais ... Yeltsin's administration ... he headed RAO UES": Chubais,
        whom the sentences since have only called "he"), else the last person named."""
        subject = self._biography_subject(before)
        if subject is not None:
            return subject
        topic = self.recent_subject(before, "Person")
        if topic:
            return topic
        doc = self.parsed.doc
        sentence = doc[before].sent
        window = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        people = [(start, key) for start, key in reversed(self.ordered)
                  if start < before and self._may_be(key, "Person")]
        nearby = [key for start, key in people if start >= window]
        if nearby:  # "Roe and Ng founded X. She ...": of two just named, the one the story
            mentions = Counter(key for _, key in self.ordered)  # keeps coming back to
            return max(dict.fromkeys(nearby), key=lambda k: mentions[k])
        subjects = (key for start, key in people if self._is_subject(start, key))
        return next(subjects, None) or self.recent(before, "Person")

    def _biography_subject(self, before: int) -> str | None:
        """ "Nadia Ferreira-Lund" as the title, then "... Carvalhal remains at Lumencraft." /
        "In 2019 she co-founded ...": a pronoun that a paragraph opens on, before any name,
        means the person the article is about, not the last person the paragraph before
        made a subject."""
        person = self._title_person
        if person is None:
            return None
        doc = self.parsed.doc
        start = syntax.doc_text(doc).rfind("\n", 0, doc[before].idx) + 1
        if start <= syntax.doc_text(doc).find("\n") or any(
                start <= doc[i].idx < doc[before].idx for i, _ in self.ordered):
            return None
        return person

    @cached_property
    def _title_person(self) -> str | None:
        """The person a headline consisting of that person's name alone names (a biography)."""
        doc = self.parsed.doc
        text = syntax.doc_text(doc)
        title_end = text.find("\n")
        if title_end < 0:
            return None
        title = [key for i, key in self.ordered if doc[i].idx < title_end]
        if len(title) != 1 or self.entities[title[0]].type != "Person" \
                or self.entities[title[0]].label != text[:title_end].strip():
            return None
        return title[0]

    def recent(self, before: int, cls: str, pronoun: bool = False) -> str | None:
        """The last entity of class `cls` named before token `before` (definite-NP coreference).

        The subject of the sentence so far or of the one before wins; otherwise "the company"
        in a news story nearly always means the story's own subject (its focus).
        """
        sch = schema()
        token = self.parsed.doc[before]
        fits = self._fits_noun(token)
        lead = self._back_to_headline(token)
        if not pronoun and lead and fits(lead) and sch.is_a(cls, "Company") \
                and self._may_be(lead, cls, True):
            return lead  # "The company raised ..." opening a paragraph: the story's firm
            # again, not the last one quoted
        focus = self.focus_at(before)
        topic = self.recent_subject(before, cls)
        if topic and fits(topic):
            return topic
        # "Acme kept a stake in the company": not Acme, the subject of the clause
        local = {self.by_token.get(i) for i in syntax.clause_subjects(token)}
        phrase = token.head if token.dep_ == "poss" else token  # "X, the company's lab": not X
        local.update(self.by_token.get(t.i) for t in syntax.described(phrase))
        # "it" may be any organisation the story is about; "the company" must be a company
        if focus and focus not in local and fits(focus) and (pronoun or sch.is_a(cls, "Company")) \
                and self._may_be(focus, cls, any_organisation=True) \
                and any(start < before for start, key in self.ordered if key == focus):
            return focus
        candidates = [key for start, key in reversed(self.ordered)
                      if start < before and key not in local and self._may_be(key, cls)
                      and fits(key)]
        # "... turns on the TillTap 2, which replaced the original TillTap. The device is
        # made by Y": of two named just before, the one outside the relative clause
        sentence = token.sent
        window = token.doc[sentence.start - 1].sent.start if sentence.start else 0
        last = {key: start for start, key in self.ordered if window <= start < before}
        aside = {key for key, start in last.items()
                 if any(a.dep_ == "relcl" for a in self._root(start, key).ancestors)}
        nearby = [key for key in candidates if key in last]
        return next((key for key in nearby if key not in aside), None) \
            or next(iter(candidates), None)


    def _fits_noun(self, noun) -> Callable[[str], bool]:
        """ "Tolo TV (the country's largest TV chain)": "the country" is a country the text
        named, never the last town; a noun of goods is never a part the text named as one
        (typing.toml [part_nouns]); other nouns take any entity of their class."""
        lemma = noun.lemma_.lower()
        if lemma in country_nouns():
            return lambda key: any(name in country_names() for name in self.entities[key].names)
        parts = typing_cues().part_nouns
        if lemma in parts or not schema().is_a(typing_cues().heads.get(lemma, ""), "Product"):
            return lambda key: True
        named_parts = {key for start, key in self.ordered  # "a Pellucid R7 chip ... the hub":
                       for root in [self._root(start, key)]  # a part is not the whole
                       if root.dep_ in {"compound", "nmod"} and root.head.lemma_.lower() in parts}
        return lambda key: key not in named_parts


def _possessors(tokens) -> Iterator:
    """ "X's" of each token, in order: "Zentrova's flagship product" -> Zentrova."""
    return (c for token in tokens for c in token.children if c.dep_ == "poss")


def may_be(have: str, cls: str) -> bool:
    """A thing typed `have` may be a `cls`: it is one, or it is a plain organisation (typed
    only by the tagger's ORG) and `cls` is a kind of organisation."""
    sch = schema()
    return sch.is_a(have, cls) or (have == "Organization" and sch.is_a(cls, have))


def _first_name(entity: Entity) -> list[str]:
    """ "Q: Who builds the models? A: Joost.": interviews call people by their first names.
    Only a word that is nothing else ("Will", "Mark" may start any sentence)."""
    words = entity.label.split()
    if entity.type != "Person" or len(words) < 2 or not words[0].isalpha():
        return []
    return [] if words[0].lower() in common_words() else [words[0]]


def _implied_short_forms(entity: Entity) -> list[str]:
    """ "Kestrel Semiconductor ... Kestrel chief executive Tomas Brandt": a firm's name without
    its legal or trade ending, unless that is an adjective ("General Motors" is not
    "General")."""
    words = entity.label.split()
    endings = typing_cues().name_endings
    if len(words) < 2 or endings.get(words[-1].lower()) != "Company":
        return []
    short = " ".join(words[:-1])
    return [] if short.lower() in common_words(("adj", "adv")) else [short]


def _closed_compound_end(word: str) -> str | None:
    """The noun a closed compound ends in ("shipyard": "yard", "steelworks": "works"), which a
    text uses on its own for the name that ends in the compound."""
    nouns = common_words(("noun",))
    for cut in range(3, len(word) - 2):
        if word[:cut] in nouns and word[cut:] in nouns:
            return word[cut:]
    return None


def _name_after(noun) -> list:
    """ "Oslo-based shipping group Halvorsk Maritime": a noun written before a name, as its
    modifier, says what the name is; a later "the group's" means Halvorsk Maritime."""
    if noun.dep_ in {"compound", "nmod"} and noun.head.pos_ == "PROPN" and noun.head.i > noun.i \
            and not any(c.dep_ in {"cc", "conj"} for c in noun.children):  # (not "the yard
        return [noun.head]  # and Vastrand Motoren signed", read as one phrase)
    return []


def _kind_words(noun) -> frozenset[str]:
    """The common nouns written before a noun ("phone" in "the phone maker"): "the German lens
    maker" is not what a later "the phone maker" means."""
    return frozenset(c.lemma_.lower() for c in noun.children
                     if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < noun.i)


def _other_kind(noun, kind: frozenset[str]) -> bool:
    """`noun` has kind words of its own, and they are not `kind`."""
    own = _kind_words(noun)
    return bool(own) and own != kind


@lru_cache(maxsize=1)
def _unit_synonyms() -> frozenset[str]:
    """Nouns for a part of an organisation that a text uses for one another: "its
    subsidiary Pedalogic ... the software unit" (not "lab" or "brand", which say more)."""
    cues = typing_cues()
    return frozenset(word for word in cues.unit_nouns if word not in cues.generic_nouns
                     and cues.coreference.get(word, "Organization") == "Organization")
