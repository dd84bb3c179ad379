"""Stage 4b: literal facts. Sums of money, user counts, dates, modalities, modes and licences.

Relation facts (kg/facts.py) link two entities; the facts found here give an entity a value:
``ent:Nimbus kg:releasedOn "2025-04"^^xsd:gYearMonth``. The value is read from the text and
normalised (a MONEY mention to an xsd:decimal and an ISO 4217 code, a DATE to xsd:date,
xsd:gYearMonth or xsd:gYear as far as the text states it, a count to xsd:integer, a word to the
canonical form of `ontology/literals.toml`); its subject is the entity the sentence's verb or
noun attaches to in the dependency parse.

A sum of money becomes a small node rather than two loose values on an entity: one
``kg:Investment`` (``kg:investor``, ``kg:investee``), ``kg:Valuation`` or ``kg:Price`` with its
``kg:amount``, ``kg:currency`` and, when stated, ``kg:announcedOn``. The node is an `Entity`
(class "Investment" ...) added to the entities of the batch, keyed by a hash of what it states,
so one investment reported by several documents is one node with every source.

Every word this module looks for lives in `ontology/literals.toml`. Hedged statements ("plans
to raise") are kept with status "hedged", negated ones ("did not raise") are dropped, by the
same rules as relation facts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.coreference import DocumentIndex
from kg.knowledge import load_toml, schema, typing_cues
from kg.model import Entity, Evidence, Fact, Mention
from kg.nlp import ParsedDocument
from kg.syntax import listed_examples, words_among

_SUBJECT_DEPS = {"nsubj", "csubj"}
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
_DEFINITE = {"the", "this", "that", "its", "their", "these"}
_PERIOD_DETERMINERS = {"every", "each", "a", "per", "an"}
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\s*\+?\s*([A-Za-z]+)?")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d|'?s\b)")  # not "the 2020s"


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class MoneyTrigger:
    """A word that says what a sum of money is, and which side its doer is on."""

    cls: str  # "Investment", "Valuation", "Price"
    pos: str  # "verb" or "noun"
    role: str  # role of the verb's doer / the noun's owner: "investor", "investee", "subject"


@dataclass(frozen=True)
class Vocabulary:
    """ontology/literals.toml, read once."""

    scales: dict[str, Decimal]
    number_words: dict[str, Decimal]
    symbols: tuple[tuple[str, str], ...]  # longest first
    currency_words: dict[str, str]
    money: dict[str, dict]  # section per kind ("investment" ...), as written
    money_triggers: dict[str, MoneyTrigger]
    user_nouns: frozenset[str]
    user_periods: dict[str, str]
    date_verbs: dict[str, str]
    date_nouns: dict[str, str]
    modality_values: dict[str, str]
    input_verbs: frozenset[str]
    output_verbs: frozenset[str]
    neutral_verbs: frozenset[str]
    input_nouns: frozenset[str]
    output_nouns: frozenset[str]
    addressed_verbs: dict[str, str]
    mode_nouns: frozenset[str]
    mode_values: frozenset[str]
    licenses: dict[str, str]
    license_carriers: frozenset[str]
    settings: dict[str, dict] = field(default_factory=dict)  # confidence etc. per section

    def setting(self, section: str, name: str, default: float) -> float:
        return float(self.settings.get(section, {}).get(name, default))


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def _money_triggers(money: dict) -> dict[str, MoneyTrigger]:
    triggers: dict[str, MoneyTrigger] = {}
    investment = money["investment"]
    for key, pos, role in (("investor_verbs", "verb", "investor"),
                           ("investee_verbs", "verb", "investee"),
                           ("investor_nouns", "noun", "investor"),
                           ("investee_nouns", "noun", "investee")):
        for word in investment.get(key, []):
            triggers[f"{pos}:{word.lower()}"] = MoneyTrigger(investment["class"], pos, role)
    for kind in ("valuation", "price"):
        section = money[kind]
        for pos in ("verb", "noun"):
            for word in section.get(f"{pos}s", []):
                triggers[f"{pos}:{word.lower()}"] = MoneyTrigger(section["class"], pos, "subject")
    return triggers


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = load_toml("literals.toml")
    money, modality = data["money"], data["modality"]
    symbols = sorted(money["symbols"].items(), key=lambda kv: -len(kv[0]))
    return Vocabulary(
        scales={k.lower(): Decimal(v) for k, v in data["numbers"]["scales"].items()},
        number_words={k.lower(): Decimal(v) for k, v in data["numbers"]["words"].items()},
        symbols=tuple(symbols),
        currency_words={k.lower(): v for k, v in money["words"].items()},
        money={k: v for k, v in money.items() if isinstance(v, dict) and "class" in v},
        money_triggers=_money_triggers(money),
        user_nouns=_words(data["users"]["nouns"]),
        user_periods={k.lower(): v for k, v in data["users"]["periods"].items()},
        date_verbs={k.lower(): v for k, v in data["dates"]["verbs"].items()},
        date_nouns={k.lower(): v for k, v in data["dates"]["nouns"].items()},
        modality_values={k.lower(): v for k, v in modality["values"].items()},
        input_verbs=_words(modality["input_verbs"]),
        output_verbs=_words(modality["output_verbs"]),
        neutral_verbs=_words(modality.get("neutral_verbs", [])),
        input_nouns=_words(modality["input_nouns"]),
        output_nouns=_words(modality["output_nouns"]),
        addressed_verbs={k.lower(): v for k, v in modality.get("addressed_verbs", {}).items()},
        mode_nouns=_words(data["mode"]["nouns"]),
        mode_values=_words(data["mode"]["values"]),
        licenses={k.lower(): v for k, v in data["license"]["phrases"].items()},
        license_carriers=_words(data["license"].get("carrier_nouns", [])),
        settings={k: v for k, v in data.items() if isinstance(v, dict)},
    )


# --------------------------------------------------------------------------- values


def decimal_lexical(value: Decimal) -> str:
    """The canonical xsd:decimal form: no exponent, at least one digit after the point.

    ("13000000000.0", as rdflib writes it, so that Turtle round-trips keep the same term.)
    """
    text = format(value.normalize(), "f")
    return text if "." in text else text + ".0"


def parse_number(text: str, vocab: Vocabulary | None = None) -> Decimal | None:
    """ "more than $13 billion" -> 13000000000; "3.5+ billion" -> 3500000000; "two million"
    -> 2000000. None when the text holds no number."""
    vocab = vocab or vocabulary()
    match = _NUMBER.search(text)
    if match:
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:
            return None
        scale = vocab.scales.get((match.group(2) or "").lower(), Decimal(1))
        return value * scale
    words = re.findall(r"[A-Za-z]+", text.lower())
    for i, word in enumerate(words):
        if word in vocab.number_words:
            following = words[i + 1] if i + 1 < len(words) else ""
            return vocab.number_words[word] * vocab.scales.get(following, Decimal(1))
    return None


def parse_money(text: str, vocab: Vocabulary | None = None) -> tuple[Decimal, str] | None:
    """ "$13 billion" -> (13000000000, "USD"); "€600 million" -> (600000000, "EUR").

    Only digits state an amount ("billions of dollars" does not), and a currency is required.
    """
    vocab = vocab or vocabulary()
    if not re.search(r"\d", text):
        return None
    currency = next((code for symbol, code in vocab.symbols if symbol in text), None)
    if currency is None:
        words = re.findall(r"[A-Za-z]+", text.lower())
        currency = next((vocab.currency_words[w] for w in words if w in vocab.currency_words),
                        None)
    amount = parse_number(text, vocab)
    if currency is None or amount is None:
        return None
    return amount, currency


def parse_date(text: str) -> tuple[str, str] | None:
    """A DATE mention -> (lexical form, xsd datatype local name), keeping only what is stated.

    "April 7, 2025" -> ("2025-04-07", "date"); "April 2025" -> ("2025-04", "gYearMonth");
    "late 2021" -> ("2021", "gYear"). No year in the text (a weekday, "last year"), or two
    years, gives None: a year is never guessed. Which parts are stated is found by parsing
    twice with different defaults: a part that changes with the default was not in the text.
    """
    from dateutil import parser as date_parser

    years = set(_YEAR.findall(text))
    if len(years) != 1:
        return None
    year = int(years.pop())
    try:
        a = date_parser.parse(text, default=datetime(2000, 1, 1), fuzzy=True)
        b = date_parser.parse(text, default=datetime(2004, 2, 2), fuzzy=True)
    except (ValueError, OverflowError):
        return f"{year:04d}", "gYear"
    if a.year != year or b.year != year:
        return None
    if a.month != b.month:
        return f"{year:04d}", "gYear"
    if a.day != b.day:
        return f"{year:04d}-{a.month:02d}", "gYearMonth"
    return a.date().isoformat(), "date"


# --------------------------------------------------------------------------- grammar


def _doers(verb) -> list:
    """Who does what a verb says, through relative clauses, passives and control verbs."""
    found = [verb.head if c.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" else c
             for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    antecedent = verb.head
    if verb.dep_ == "relcl" and found == [antecedent] and antecedent.dep_ == "pobj" \
            and antecedent.head.head.pos_ == "NOUN":  # "the start-up behind Qorra Pilot,
        found.append(antecedent.head.head)  # which raised $200 million": the start-up too
    found += [p for a in verb.children if a.dep_ == "agent" for p in a.children
              if p.dep_ == "pobj"]
    if not found and verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.i != verb.i:
        return _doers(verb.head)
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    return found


def _undergoers(verb, exclude: set[int] = frozenset()) -> list:
    """What a verb acts on: its object, a passive subject, or the noun a clause describes."""
    found = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.i not in exclude]
    if not found and verb.dep_ in {"relcl", "acl"}:
        found = [verb.head]
    if not found and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _undergoers(verb.head, exclude)
    return found


def _governing_verb(token, steps: int = 6):
    """The nearest verb at or above `token`: the word whose hedges and negations count."""
    current = token
    for _ in range(steps):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            break
        current = current.head
    return current


def _word_class(token) -> str:
    """ "verb", "noun" or "other": how a trigger word may be used."""
    if token.pos_ in {"VERB", "AUX"}:
        return "verb"
    return "noun" if token.pos_ in {"NOUN", "PROPN"} else "other"


def _prep_objects(token, words) -> list:
    return [p for prep in token.children if prep.dep_ in {"prep", "agent"}
            and prep.lower_ in words for p in prep.children if p.dep_ == "pobj"]


def _conjuncts(token) -> list:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True)
class Found:
    """One literal fact read in one sentence, before it becomes `Fact` and `Evidence`."""

    subject: str
    predicate: str
    value: str
    datatype: str | None  # None: `value` is an entity key (the roles of a money node)
    anchor: object  # the token whose hedges and negations decide the status
    confidence: float
    rule: str
    trigger: object | None = None  # a second token a negation may sit on ("no fast mode")


class Resolver:
    """Which entity a token names, by the mention index of the relation stage plus coreference.

    Uses `kg.coreference.DocumentIndex` (tokens of mentions, mentions in order, the document's main
    organisation) and the coreference nouns of typing.toml: "the model" means the last AI model
    named before it; "it" the last organisation or product (never a person); "its" in front of
    a noun the document's main organisation when one fits.
    """

    def __init__(self, parsed: ParsedDocument, entities: dict[str, Entity],
                 index: DocumentIndex | None = None) -> None:
        index = index or DocumentIndex(parsed, entities)
        self.by_token: dict[int, str] = index.by_token
        self.ordered: list[tuple[int, str]] = sorted(index.ordered)
        self.focus: str | None = index.focus
        self.entities = entities
        self.schema = schema()
        self.coreference = typing_cues().coreference

    def fits(self, key: str, classes) -> bool:
        return not classes or any(self.schema.is_a(self.entities[key].type, c) for c in classes)

    def recent(self, before: int, classes, after: int = 0, exclude=()) -> str | None:
        """The last entity of one of `classes` named in tokens [after, before)."""
        for start, key in reversed(self.ordered):
            if after <= start < before and key not in exclude and self.fits(key, classes):
                return key
        return None

    def resolve(self, token, classes, exclude=(), depth: int = 0) -> tuple[str, float] | None:
        """(entity key, certainty) for a token, or None; only entities of `classes` count,
        and none of `exclude` (the other side of the same fact)."""
        key = self.by_token.get(token.i)
        if key is not None:
            return (key, 1.0) if key not in exclude and self.fits(key, classes) else None
        for found in self._named_nearby(token, classes, exclude):
            return found
        if token.pos_ == "PRON" and token.lower_ in {"it", "its"}:
            return self._pronoun(token, classes, exclude)
        if _is_anaphoric(token):
            found = self._anaphor(token, classes, exclude)
            if found:
                return found, 0.85
        if depth < 2 and token.pos_ in {"NOUN", "NUM"}:
            for pobj in _prep_objects(token, {"of"}):
                found = self.resolve(pobj, classes, exclude, depth + 1)
                if found:
                    return found[0], found[1] * 0.95
        return None

    def _named_nearby(self, token, classes, exclude) -> Iterator[tuple[str, float]]:
        """ "X, the company" (apposition), "the Acme model" (a name inside the phrase)."""
        candidates = []
        if token.dep_ == "appos":
            candidates.append((token.head, 0.9))
        candidates += [(c, 0.95) for c in token.children
                       if c.dep_ in {"compound", "nmod", "amod"} and c.i < token.i]
        candidates += [(c, 0.9) for c in token.children if c.dep_ == "appos"]
        for other, certainty in candidates:
            key = self.by_token.get(other.i)
            if key and key not in exclude and self.fits(key, classes):
                yield key, certainty

    def _pronoun(self, token, classes, exclude) -> tuple[str, float] | None:
        wanted = [c for c in classes if not self.schema.is_a(c, "Person")] or [
            "Organization", "Product"]
        if token.dep_ == "poss" and self.focus and self.focus not in exclude \
                and self.fits(self.focus, wanted) and self.fits(self.focus, ["Organization"]):
            return self.focus, 0.8
        found = self._subject_before(token, wanted, exclude) or self.recent(
            token.i, wanted, exclude=exclude)
        return (found, 0.7) if found else None

    def _subject_before(self, pronoun, wanted, exclude, depth: int = 0) -> str | None:
        """ "Meta said it ...", "Meta formed a lab. It also ...": a subject pronoun means the
        subject of the clause above it, else of the sentence before (itself perhaps "it")."""
        if depth > 3:
            return None
        verb = pronoun.head
        while verb.head.i != verb.i:  # subjects of the clauses that embed this one
            verb = verb.head
            for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
                key = self.by_token.get(subject.i)
                if key and subject.i < pronoun.i and key not in exclude \
                        and self.fits(key, wanted):
                    return key
        sentence = pronoun.sent
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or sentence.start == 0:
            return None
        previous = pronoun.doc[sentence.start - 1].sent
        for clause in _conjuncts(previous.root):
            for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}):
                key = self.by_token.get(subject.i)
                if key and key not in exclude and self.fits(key, wanted):
                    return key
                if subject.lower_ == "it":
                    return self._subject_before(subject, wanted, exclude, depth + 1)
        return None

    def _anaphor(self, token, classes, exclude) -> str | None:
        cls = self.coreference.get(token.lemma_.lower())
        if cls is None:
            return None
        wanted = [c for c in classes if self.schema.is_a(cls, c) or self.schema.is_a(c, cls)]
        if classes and not wanted:
            return None
        return self.recent(token.i, [cls], exclude=exclude)

    def owner(self, noun, classes, exclude=()) -> tuple[str, float] | None:
        """The noun itself, else its possessor ("Acme's users", "its apps")."""
        found = self.resolve(noun, classes, exclude)
        if found:
            return found
        for child in noun.children:
            if child.dep_ == "poss":
                found = self.resolve(child, classes, exclude)
                if found:
                    return found[0], found[1] * 0.9
        return None

    def first(self, tokens, classes, exclude=()) -> tuple[str, float] | None:
        for token in tokens:
            found = self.resolve(token, classes, exclude)
            if found:
                return found
        return None


def _is_anaphoric(token) -> bool:
    """ "the company", "the new model": singular, definite."""
    return token.tag_ == "NN" and any(
        c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE for c in token.children
    )


# --------------------------------------------------------------------------- readers


class DocumentReader:
    """Finds every literal fact of one parsed document."""

    def __init__(self, parsed: ParsedDocument, entities: dict[str, Entity],
                 vocab: Vocabulary, rules: StatusRules, index: DocumentIndex | None = None
                 ) -> None:
        self.parsed = parsed
        self.rules = rules
        self.doc = parsed.doc
        self.entities = entities
        self.vocab = vocab
        self.resolver = Resolver(parsed, entities, index)
        self.domains = schema().domains
        self.ranges = schema().ranges
        self.figures: dict[int, Figure] = {}  # anchor token -> the money node it states
        self.last_mode_owner: str | None = None  # modes of one document are usually one product's

    def read(self) -> Iterator[Found]:
        for figure in self.money():
            self.figures[figure.anchor.i] = figure
        yield from self.dates()  # dates of investments go onto their figures first
        for figure in self.figures.values():
            yield from figure.facts(self.entities)
        yield from self.users()
        yield from self.modalities()
        yield from self.modes()
        yield from self.licenses()

    def classes(self, prop: str) -> tuple[str, ...]:
        return self.domains.get(prop, ())

    # ---- money

    def money(self) -> Iterator[Figure]:
        confidence = self.vocab.setting("money", "confidence", 0.8)
        for ent in self.doc.ents:
            if ent.label_ != "MONEY":
                continue
            value = parse_money(self._money_text(ent), self.vocab)
            if value is None:
                continue
            found = self._money_trigger(ent)
            if found is None:
                continue
            trigger, kind = found
            if self.rules.negated(trigger):  # "did not raise": no node at all
                continue
            figure = self._figure(ent, trigger, kind, value, confidence)
            if figure is not None:
                yield figure

    def _money_text(self, ent) -> str:
        """The MONEY span with a currency sign or word the tagger left just outside it
        ("$" + "20")."""
        doc, start, end = self.doc, ent.start, ent.end
        if start > 0 and any(doc[start - 1].text == sym for sym, _ in self.vocab.symbols):
            start -= 1
        if end < len(doc) and doc[end].lower_ in self.vocab.currency_words:
            end += 1
        return doc[start:end].text

    def _money_trigger(self, ent):
        current = ent.root
        for _ in range(int(self.vocab.setting("money", "max_climb", 4))):
            if current.head.i == current.i:
                return None
            current = current.head
            kind = self.vocab.money_triggers.get(f"{_word_class(current)}:{current.lemma_.lower()}")
            if kind is not None:
                return current, kind
        return None

    def _figure(self, ent, trigger, kind: MoneyTrigger, value, confidence) -> Figure | None:
        exclude = set(range(ent.start, ent.end))
        if kind.pos == "verb":
            doers = _doers(trigger)
            others = _undergoers(trigger, exclude)
        else:
            doers = [c for c in trigger.children if c.dep_ == "poss"]
            if not doers:
                verb = _governing_verb(trigger)
                if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i:
                    verb = _governing_verb(verb.head)  # "raised $2m in a round led by X at a
                    # valuation of $9m": the raiser's valuation, not X's
                doers = _doers(verb) if verb.i != trigger.i else []
            others = []
        figure = Figure(kind.cls, value[0], value[1], anchor=_governing_verb(trigger),
                        trigger=trigger, span=ent, rule=f"money:{trigger.lemma_.lower()}",
                        confidence=confidence, doc_id=self.parsed.document.id,
                        sentence=_sentence_of(self.parsed.sentences, ent.start_char).index)
        if kind.cls == self.vocab.money["investment"]["class"]:
            return self._investment(figure, kind, trigger, doers, ent)
        prop = "valuationOf" if kind.cls == self.vocab.money["valuation"]["class"] else "priceOf"
        target = self.resolver.first([*others, *doers], self.ranges.get(prop, ()))
        if target is None:
            return None
        figure.roles[prop] = [target]
        return figure

    def _investment(self, figure: Figure, kind: MoneyTrigger, trigger, doers, ent):
        section = self.vocab.money["investment"]
        carriers = [trigger, ent.root]
        to_investee, from_investor = set(section["investee_preps"]), set(section["investor_preps"])
        investee_side = [p for c in carriers for p in _prep_objects(c, to_investee)]
        investee_side += self._preps_below(trigger, to_investee, ent)
        investor_side = [p for c in carriers for p in _prep_objects(c, from_investor)]
        rounds = [ent.root.head, *(o for c in ent.root.children if c.dep_ == "prep"
                                   for o in c.children if o.dep_ == "pobj")]
        investor_side += [p for r in rounds for c in r.children if c.dep_ == "acl"
                          for p in _prep_objects(c, {"by"})]  # "a round led by X", "raised
        # $200 million in a Series C led by X"
        joining = set(section.get("joining_nouns", ()))  # "..., with participation from Y"
        investor_side += [p for t in ent.sent if t.lemma_.lower() in joining
                          for p in _prep_objects(t, {"from"})]
        if kind.role == "investor":
            investor_side = doers + investor_side
        else:
            investee_side = doers + investee_side
        investee = self.resolver.first(investee_side, self.ranges.get("investee", ()))
        if investee is None:
            return None
        # "from investors including X and Y": X and Y
        investor_side += [e for t in investor_side for e in listed_examples(t)]
        investors = [found for t in investor_side for c in _conjuncts(t)
                     if (found := self.resolver.resolve(c, self.ranges.get("investor", ()),
                                                        exclude={investee[0]}))]
        figure.roles["investee"] = [investee]
        figure.roles["investor"] = list({k: (k, c) for k, c in investors}.values())
        return figure

    def _preps_below(self, verb, words: set[str], ent) -> list:
        """ "paid $14 billion for a stake in Y": an "in" phrase further down the verb's object."""
        if verb.pos_ not in {"VERB", "AUX"}:
            return []
        subjects = {t.i for s in _doers(verb) for t in s.subtree}
        return [p for t in verb.subtree if t.i not in subjects and t.i not in range(
            ent.start, ent.end) and t.dep_ == "prep" and t.lower_ in words
            for p in t.children if p.dep_ == "pobj"]

    # ---- dates

    def dates(self) -> Iterator[Found]:
        confidence = self.vocab.setting("dates", "confidence", 0.75)
        for ent in self.doc.ents:
            if ent.label_ != "DATE":
                continue
            value = parse_date(ent.text)
            if value is None:
                continue
            current = ent.root
            for _ in range(int(self.vocab.setting("dates", "max_climb", 3))):
                if current.head.i == current.i:
                    break
                current = current.head
                if current.i in self.figures:
                    self.figures[current.i].date = value
                    break
                found = self._dated(current, value, confidence)
                if found is not None:
                    yield found
                    break
                if current.pos_ in {"VERB", "AUX"}:
                    break  # "founded in 2006 and has been a unit since 2017": that clause's

    def _dated(self, token, value, confidence) -> Found | None:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} and lemma in self.vocab.date_verbs:
            prop = self.vocab.date_verbs[lemma]
            candidates = _undergoers(token)
        elif token.pos_ == "NOUN" and lemma in self.vocab.date_nouns:
            prop = self.vocab.date_nouns[lemma]
            candidates = [*_prep_objects(token, {"of"}),
                          *(c for c in token.children if c.dep_ == "poss")]
        else:
            return None
        subject = self.resolver.first(candidates, self.classes(prop))
        if subject is None:
            return None
        return Found(subject[0], prop, value[0], value[1], _governing_verb(token),
                     round(confidence * subject[1], 3), f"date:{lemma}")

    # ---- user counts

    def users(self) -> Iterator[Found]:
        confidence = self.vocab.setting("users", "confidence", 0.75)
        for token in self.doc:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in self.vocab.user_nouns:
                continue
            prop = self._period(token)
            numbers = [c for c in token.children if c.dep_ in {"nummod", "quantmod"}]
            if prop is None or not numbers:
                continue
            words = " ".join(t.text for n in numbers for t in n.subtree)
            count = parse_number(words, self.vocab)
            if count is None or count != count.to_integral_value() or count <= 0:
                continue
            owner = self._user_owner(token, self.classes(prop))
            if owner is not None:
                yield Found(owner[0], prop, str(int(count)), "integer", _governing_verb(token),
                            round(confidence * owner[1], 3), f"users:{prop}")

    def _period(self, noun) -> str | None:
        periods = self.vocab.user_periods
        for child in noun.children:
            if child.dep_ in {"amod", "compound", "nmod"} and child.lower_ in periods:
                return periods[child.lower_]
        for clause in (c for c in noun.children if c.dep_ in {"acl", "relcl"}):
            for t in clause.subtree:
                if t.lemma_.lower() in periods and (
                    any(c.lower_ in _PERIOD_DETERMINERS for c in t.children)
                    or t.head.lower_ == "per"
                ):
                    return periods[t.lemma_.lower()]
        return None

    def _user_owner(self, noun, classes):
        found = self.resolver.owner(noun, classes) if any(
            c.dep_ == "poss" for c in noun.children) else None
        if found:
            return found
        for clause in (c for c in noun.children if c.dep_ == "acl"):  # "people using its apps"
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                found = self.resolver.owner(obj, classes)
                if found:
                    return found
        verb = noun.head
        if noun.dep_ == "dobj" and verb.pos_ in {"VERB", "AUX"}:  # "Z has 40 million users"
            return self.resolver.first(_doers(verb), classes)
        return None

    # ---- modalities

    def modalities(self) -> Iterator[Found]:
        confidence = self.vocab.setting("modality", "confidence", 0.7)
        verbs = self.vocab.input_verbs | self.vocab.output_verbs | self.vocab.neutral_verbs
        for token in words_among(self.doc, {*self.vocab.addressed_verbs, *verbs}):
            lemma = token.lemma_.lower()
            if lemma in self.vocab.addressed_verbs:
                yield from self._addressed(token, lemma, confidence)
            elif token.pos_ == "VERB" and lemma in verbs:
                yield from self._modality_verb(token, lemma, confidence)

    def _modality_verb(self, verb, lemma: str, confidence: float) -> Iterator[Found]:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}]
        objects += _prep_objects(verb, {"in", "as"})
        words = [t for o in objects for t in o.subtree]
        lemmas = {t.lemma_.lower() for t in words}
        if lemmas & self.vocab.input_nouns:
            prop = "inputModality"
        elif lemmas & self.vocab.output_nouns:
            prop = "outputModality"
        elif lemma in self.vocab.input_verbs:
            prop = "inputModality"
        elif lemma in self.vocab.output_verbs:
            prop = "outputModality"
        else:
            return
        values = self._modality_values(words)
        model = self.resolver.first(_doers(verb), self.classes(prop)) if values else None
        for value in values if model else ():
            yield Found(model[0], prop, value, "string", verb, round(confidence * model[1], 3),
                        f"modality:{lemma}")

    def _addressed(self, verb, lemma: str, confidence: float) -> Iterator[Found]:
        """ "speak to the model", "show it pictures": the model is addressed, not the doer."""
        targets = _prep_objects(verb, {"to"}) + [c for c in verb.children if c.dep_ == "dative"]
        if not targets:
            return
        fixed = self.vocab.addressed_verbs[lemma]
        objects = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
        values = [fixed] if fixed else self._modality_values(objects)
        model = self.resolver.first(targets, self.classes("inputModality")) if values else None
        for value in values if model else ():
            yield Found(model[0], "inputModality", value, "string", _governing_verb(verb),
                        round(confidence * model[1], 3), f"modality:{lemma}")

    def _modality_values(self, tokens) -> list[str]:
        values = self.vocab.modality_values
        found = [values.get(t.lemma_.lower()) or values.get(t.lower_) for t in tokens]
        return list(dict.fromkeys(v for v in found if v))

    # ---- modes

    def modes(self) -> Iterator[Found]:
        confidence = self.vocab.setting("mode", "confidence", 0.7)
        for token in self.doc:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in self.vocab.mode_nouns:
                continue
            names = self._mode_names(token)
            if not names:
                continue
            product = self._mode_owner(token)
            if product is None:
                continue
            for name in names:
                yield Found(product[0], "mode", name, "string", _governing_verb(token),
                            round(confidence * product[1], 3), "mode", trigger=token)

    def _mode_names(self, noun) -> list[str]:
        """Vocabulary phrases among the noun's left modifiers: "fast", "deep research"."""
        tokens = sorted({t for c in noun.lefts if c.dep_ in {"amod", "compound", "nmod"}
                         for t in c.subtree if t.is_alpha}, key=lambda t: t.i)
        words = [t.lower_ for t in tokens]
        found, i = [], 0
        while i < len(words):
            for j in range(len(words), i, -1):
                phrase = " ".join(words[i:j])
                if phrase in self.vocab.mode_values:
                    found.append(phrase)
                    i = j - 1
                    break
            i += 1
        return found

    def _mode_owner(self, noun) -> tuple[str, float] | None:
        """Whose mode: "Z's fast mode", "the fast mode in Z", "Z offers a fast mode", "the
        shopping mode feature within Z"; else the product this document's modes were last
        said of, or the last AI model (or product) of the previous sentences."""
        classes = self.classes("mode")
        holders = [noun] + ([noun.head] if noun.dep_ == "compound" else [])
        candidates = [c for h in holders for c in h.children if c.dep_ == "poss"]
        candidates += [p for h in holders for p in _prep_objects(h, {"of", "in", "on", "within"})]
        first = noun
        while first.dep_ == "conj" and first.head.i != first.i:  # "a fast and a reasoning mode"
            first = first.head
        verb = _governing_verb(first)
        if first.dep_ in {"dobj", "pobj"} and verb.i != first.i:
            candidates += _doers(verb)
        found = self.resolver.first(candidates, classes) or self._mode_context(noun, classes)
        if found:
            self.last_mode_owner = found[0]
        return found

    def _mode_context(self, noun, classes) -> tuple[str, float] | None:
        """The owner of a mode the sentence names no product for, at lower confidence."""
        certainty = self.vocab.setting("mode", "context_confidence", 0.5) / \
            self.vocab.setting("mode", "confidence", 0.7)
        sents = list(self.doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start <= noun.i < s.end)
        window = int(self.vocab.setting("mode", "context_sentences", 3))
        after = sents[max(here - window, 0)].start
        if self.last_mode_owner is not None:
            return self.last_mode_owner, certainty
        for cls in self.vocab.settings.get("mode", {}).get("context_classes", ["Product"]):
            key = self.resolver.recent(noun.i, [cls], after=after)
            if key and self.resolver.fits(key, classes):
                return key, certainty
        return None

    # ---- licences

    def licenses(self) -> Iterator[Found]:
        from spacy.util import filter_spans

        confidence = self.vocab.setting("license", "confidence", 0.7)
        matcher = _license_matcher(self.doc.vocab)
        spans = filter_spans([self.doc[s:e] for _, s, e in matcher(self.doc)])
        for span in spans:
            value = self.vocab.licenses[" ".join(t.lower_ for t in span).replace(" - ", "-")]
            product = self._licensed(span.root)
            if product is not None:
                yield Found(product[0], "license", value, "string", _governing_verb(span.root),
                            round(confidence * product[1], 3), "license")

    def _licensed(self, token) -> tuple[str, float] | None:
        """What a licence phrase is said of: the noun it modifies, the subject of "is
        proprietary", or the object of "released under an open licence"."""
        classes = self.classes("license")
        for _ in range(4):
            if token.pos_ == "VERB":  # "open-sourced X"
                return self.resolver.first(_undergoers(token), classes)
            if token.dep_ in {"acomp", "attr"}:
                return self.resolver.first(
                    [c for c in token.head.children if c.dep_ in _SUBJECT_DEPS], classes)
            if token.dep_ in {"amod", "compound", "nmod"}:
                token = token.head
                found = self.resolver.resolve(token, classes)
                if found or token.lemma_.lower() not in self.vocab.license_carriers:
                    return found
                continue
            if token.dep_ == "pobj" and token.head.lower_ in {"under", "as", "with"}:
                governor = token.head.head
                if governor.pos_ == "ADJ":  # "available as open weights"
                    return self.resolver.first(
                        [c for c in governor.head.children if c.dep_ in _SUBJECT_DEPS], classes)
                if governor.pos_ in {"VERB", "AUX"}:
                    return self.resolver.first(_undergoers(governor), classes)
                return self.resolver.resolve(governor, classes)
            return None
        return None


@lru_cache(maxsize=4)
def _license_matcher(vocab):
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab, attr="LOWER")
    tokenizer = _tokenizer()
    for phrase in vocabulary().licenses:
        words = [t.text for t in tokenizer(phrase)]
        matcher.add(phrase, [Doc(vocab, words=words)])
    return matcher


def _tokenizer():
    from kg.nlp import load_pipeline

    return load_pipeline().tokenizer


# --------------------------------------------------------------------------- money nodes


@dataclass
class Figure:
    """One stated sum of money: a kg:MonetaryFigure node with its roles and values."""

    cls: str
    amount: Decimal
    currency: str
    anchor: object
    trigger: object
    span: object
    rule: str
    confidence: float
    doc_id: str
    sentence: int  # index of the sentence in its document
    roles: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    date: tuple[str, str] | None = None

    @property
    def key(self) -> str:
        """Stable across documents and batches: a hash of what the sentence states."""
        parts = [self.cls, self.currency, decimal_lexical(self.amount)]
        parts += [f"{role}={','.join(sorted(k for k, _ in found))}"
                  for role, found in sorted(self.roles.items())]
        digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]
        return f"{self.cls} {digest}"

    def label(self, entities: dict[str, Entity]) -> str:
        vocab = vocabulary()
        names = {role: " and ".join(entities[k].label for k, _ in found)
                 for role, found in self.roles.items()}
        section = next(s for s in vocab.money.values() if s["class"] == self.cls)
        template = section["label"]
        if self.cls == vocab.money["investment"]["class"] and not names.get("investor"):
            template = section.get("label_no_investor", template)
        subject = names.get("valuationOf") or names.get("priceOf") or ""
        return template.format(amount=f"{self.amount:,.0f}" if self.amount == int(self.amount)
                               else f"{self.amount:,}", currency=self.currency,
                               subject=subject, **{k: v for k, v in names.items()
                                                   if k in {"investor", "investee"}})

    def entity(self, entities: dict[str, Entity]) -> Entity:
        """The node, added to `entities` (or found there) with this mention."""
        key = self.key
        node = entities.get(key)
        if node is None:
            node = Entity(key=key, label=self.label(entities), type=self.cls)
            entities[key] = node
        node.mentions.append(Mention(
            doc_id=self.doc_id, sentence=self.sentence, start=self.span.start_char,
            end=self.span.end_char, text=self.span.text, ner_label="MONEY",
            head=self.span.root.i, entity=key))
        return node

    def facts(self, entities: dict[str, Entity]) -> Iterator[Found]:
        """Its roles and values as facts about the node (which this adds to `entities`)."""
        node = self.entity(entities).key
        certainty = min((c for found in self.roles.values() for _, c in found), default=1.0)
        base = round(self.confidence * certainty, 3)
        for role, found in self.roles.items():
            for key, c in found:
                yield Found(node, role, key, None, self.anchor, round(self.confidence * c, 3),
                            self.rule, trigger=self.trigger)
        yield Found(node, "amount", decimal_lexical(self.amount), "decimal", self.anchor, base,
                    self.rule, trigger=self.trigger)
        yield Found(node, "currency", self.currency, "string", self.anchor, base, self.rule,
                    trigger=self.trigger)
        if self.date is not None:
            yield Found(node, "announcedOn", self.date[0], self.date[1], self.anchor, base,
                        self.rule, trigger=self.trigger)


# --------------------------------------------------------------------------- assembly


class StatusRules:
    """The hedge and negation rules of relation facts (kg.facts), applied to literal facts."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        from kg.facts import RuleEngine

        self._engine = RuleEngine(entities)

    def negated(self, *tokens) -> bool:
        return any(self._engine._negated(t) for t in tokens if t is not None)

    def status(self, found: Found) -> str | None:
        """ "asserted", "hedged", "past" (as relation facts), or None when negated."""
        if self.negated(found.anchor, found.trigger):
            return None
        return self._engine._status(found.anchor)


def extract_literals(parsed_docs: list[ParsedDocument], entities: dict[str, Entity],
                     indexes: list[DocumentIndex] | None = None) -> list[Fact]:
    """Literal facts from every document, merged: one Fact per (subject, property, value).

    Adds one entity per stated sum of money (class Investment, Valuation or Price) to
    `entities`; the returned facts link it to its parties and give it its values.
    """
    vocab = vocabulary()
    rules = StatusRules(entities)
    merged: dict[tuple[str, str, str, str | None], Fact] = {}
    for parsed, index in zip(parsed_docs, indexes or [None] * len(parsed_docs), strict=True):
        sentences = parsed.sentences
        for found in DocumentReader(parsed, entities, vocab, rules, index).read():
            status = rules.status(found)
            if status is None:
                continue
            sentence = _sentence_of(sentences, found.anchor.idx)
            evidence = Evidence(doc_id=parsed.document.id, sentence=sentence.text,
                                start=sentence.start, end=sentence.end,
                                confidence=found.confidence, rule=found.rule, status=status)
            key = (found.subject, found.predicate, found.value, found.datatype)
            fact = merged.setdefault(key, Fact(found.subject, found.predicate, found.value,
                                               datatype=found.datatype))
            _add_evidence(fact, evidence)
    return list(merged.values())


def _sentence_of(sentences, char: int):
    for sentence in sentences:
        if sentence.start <= char < sentence.end:
            return sentence
    return sentences[-1]


def _add_evidence(fact: Fact, evidence: Evidence) -> None:
    """One piece of evidence per sentence: the surer one, asserted before hedged."""
    for i, ev in enumerate(fact.evidence):
        if (ev.doc_id, ev.start) == (evidence.doc_id, evidence.start):
            better = (evidence.status == "asserted", evidence.confidence) > (
                ev.status == "asserted", ev.confidence)
            if better:
                fact.evidence[i] = evidence
            return
    fact.evidence.append(evidence)
