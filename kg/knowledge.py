"""Domain knowledge read from the data files under `ontology/`.

The code holds mechanisms; which words mean "develop", which nouns make a name a model and
which entities are already known all live in TOML files a user can edit without touching code.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


def ontology_dir() -> Path:
    """`KG_ONTOLOGY_DIR`, else the `ontology/` folder next to the package (source checkout)."""
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "ontology"


def load_toml(name: str) -> dict:
    path = ontology_dir() / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: data file missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML ({exc})") from exc


@dataclass(frozen=True)
class KnownEntity:
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class TypingCues:
    ner: dict[str, str]
    ner_weight: float
    ner_max_mentions: int  # the tagger's label counts for at most this many of a name's mentions
    heads: dict[str, str]  # lemma or phrase -> class
    heads_weight: float
    preceding: dict[str, str]  # phrase -> class
    preceding_weight: float
    name_endings: dict[str, str]
    name_endings_weight: float
    ignore: frozenset[str] = field(default_factory=frozenset)
    possessed: dict[str, str] = field(default_factory=dict)  # "its" -> class of "its X"
    possessed_weight: float = 1.0
    coreference: dict[str, str] = field(default_factory=dict)  # noun -> class
    owner_nouns: frozenset[str] = frozenset()  # "Meridia's board", "Meridia's shares": Meridia
    generic_nouns: frozenset[str] = frozenset()  # "company": every firm is one
    unit_nouns: frozenset[str] = frozenset()  # "unit", "arm": a part of an organisation
    part_nouns: frozenset[str] = frozenset()  # "chip", "battery": a part of a product
    grade_words: frozenset[str] = frozenset()  # "Pro", "Mini": the end of a product's name
    creation_verbs: frozenset[str] = field(default_factory=frozenset)  # "formed" X: "the new"
    whole_words: dict[str, str] = field(default_factory=dict)  # unsplit word -> its lemma
    norms: dict[str, str] = field(default_factory=dict)  # word -> the spelling the model reads
    following: dict[str, str] = field(default_factory=dict)  # "-based" right after the name
    containers: frozenset[str] = field(default_factory=frozenset)  # "a line of" phones
    parent_before_noun: frozenset[str] = field(default_factory=frozenset)  # "Android phones"
    same_entity_endings: frozenset[str] = field(default_factory=frozenset)  # "Acme Inc."
    legal_forms: frozenset[str] = field(default_factory=frozenset)  # "ASA", "Co., Ltd."
    name_prefixes: frozenset[str] = field(default_factory=frozenset)  # "Maison" Vérignac
    honorifics: frozenset[str] = frozenset()  # "Mr. Leonard": the surname, politely
    rename_verbs: frozenset[str] = frozenset()  # "X was renamed Y": one entity, named Y now
    now_rename_verbs: frozenset[str] = frozenset()  # "X is now called Y"


class HeadWords(dict):
    """Head noun -> class, and word endings for the open-ended kinds: a list cannot hold
    every "audiologist" or "choreographer", but "-ologist" and "-ographer" are people."""

    def __init__(self, words: dict[str, str], endings: dict[str, str]):
        super().__init__(words)
        self.endings = tuple(sorted(endings.items(), key=lambda item: -len(item[0])))

    def __missing__(self, key: str) -> str:
        if " " not in key:
            for ending, cls in self.endings:
                if key.endswith(ending) and len(key) > len(ending) + 2:
                    return cls
        raise KeyError(key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key) -> bool:
        return self.get(key) is not None


def _invert(table: dict) -> dict[str, str]:
    return {
        word.lower(): cls
        for cls, words in table.items()
        if cls != "weight"
        for word in words
    }


@lru_cache(maxsize=1)
def known_entities() -> tuple[KnownEntity, ...]:
    data = load_toml("entities.toml")
    return tuple(
        KnownEntity(
            label=e["label"],
            type=e["type"],
            aliases=tuple(e.get("aliases", ())),
            wikidata=e.get("wikidata"),
        )
        for e in data.get("entity", [])
    )


@lru_cache(maxsize=1)
def typing_cues() -> TypingCues:
    data = load_toml("typing.toml")
    ner = {k: v for k, v in data["ner"].items() if k not in {"weight", "max_mentions"}}
    return TypingCues(
        ner=ner,
        ner_weight=float(data["ner"].get("weight", 1.0)),
        ner_max_mentions=int(data["ner"].get("max_mentions", 2)),
        heads=HeadWords(_invert(data["heads"]), _invert(data.get("head_endings", {}))),
        heads_weight=float(data["heads"].get("weight", 3.0)),
        preceding=_invert(data["preceding"]),
        preceding_weight=float(data["preceding"].get("weight", 4.0)),
        following=_invert(data.get("following", {})),
        name_endings=_invert(data["name_endings"]),
        name_endings_weight=float(data["name_endings"].get("weight", 2.0)),
        ignore=frozenset(w.lower() for w in data.get("ignore", {}).get("words", [])),
        possessed=_invert({k: v for k, v in data.get("possessed", {}).items() if k != "weight"}),
        possessed_weight=float(data.get("possessed", {}).get("weight", 1.0)),
        coreference=_invert(data.get("coreference", {})),
        owner_nouns=frozenset(w.lower() for w in data.get("owner_nouns", {}).get("words", [])),
        generic_nouns=frozenset(
            w.lower() for w in data.get("generic_nouns", {}).get("words", [])),
        unit_nouns=frozenset(w.lower() for w in data.get("unit_nouns", {}).get("words", [])),
        part_nouns=frozenset(w.lower() for w in data.get("part_nouns", {}).get("words", [])),
        grade_words=frozenset(w.lower() for w in data.get("grade_words", {}).get("words", [])),
        creation_verbs=frozenset(
            v.lower() for v in data.get("new_entities", {}).get("creation_verbs", [])),
        whole_words=dict(data.get("tokenizer", {}).get("whole_words", {})),
        norms=dict(data.get("tokenizer", {}).get("norms", {})),
        containers=frozenset(w.lower() for w in data.get("containers", {}).get("words", [])),
        parent_before_noun=frozenset(data.get("modifier_heads", {}).get("parent_only", [])),
        legal_forms=frozenset(
            w.lower() for w in data.get("known_short_forms", {}).get("legal_forms", [])),
        name_prefixes=frozenset(
            w.lower() for w in data.get("known_short_forms", {}).get("prefixes", [])),
        same_entity_endings=frozenset(
            w.lower() for w in data.get("known_short_forms", {}).get("endings", [])),
        honorifics=frozenset(
            w.lower().rstrip(".") for w in data.get("honorifics", {}).get("words", [])),
        rename_verbs=frozenset(v.lower() for v in data.get("renaming", {}).get("verbs", [])),
        now_rename_verbs=frozenset(
            v.lower() for v in data.get("renaming", {}).get("now_verbs", [])),
    )


@dataclass(frozen=True)
class RelationRule:
    """One way a sentence can state a property: trigger words plus the slots of each side."""

    id: str
    property: str
    triggers: frozenset[str]
    head: tuple[str, ...]
    tail: tuple[str, ...]
    pos: str = "any"  # "verb", "noun", "any"; "possessive" and "name" need no triggers
    requires: frozenset[str] = frozenset()  # child lemmas that must be present ("code")
    unless: frozenset[str] = frozenset()  # child lemmas that must be absent ("contract")
    hedges: frozenset[str] = frozenset()  # words that leave this rule's fact pending ("agree")
    confidence: float = 0.8
    tail_type: str | None = None
    head_type: str | None = None  # the head must be of this class (or a subclass)
    head_described: frozenset[str] = frozenset()  # ... unless the text calls it one of these
    head_votes: str | None = None  # the class a firing types its head as, when narrower than
    # the property's domain ("X powers Y": mostly a model, though an OS powers devices too)
    head_not_type: str | None = None  # ... and must not be of this one
    votes: bool = True  # whether a firing also types its sides (off for loose triggers)
    lone_votes: bool = True  # whether one named side alone is typed ("I co-founded Sparkline")
    majority: str | None = None  # the property when the stake is over half ("holds 58 percent")
    minority: str | None = None  # the property when the share is under half ("40 percent owned")
    tail_not_country: bool = False  # "Germany's Ostermark": a country is no head office
    modifier: bool = True  # whether a noun trigger may modify another noun ("head brewer")
    tail_maker: bool | None = None  # the tail must (true) or must not (false) be one the text
    # calls a maker for others (relations.toml [makers]: "built by X, a shipyard")


@dataclass(frozen=True)
class Implication:
    """A fact that states another: "X is a subsidiary of Y" also says Y owns X."""

    when: str  # property of the stated fact
    then: str  # property of the implied fact
    reverse: bool = False  # the implied fact runs object -> subject
    confidence: float = 0.8  # multiplies the stated fact's evidence confidence
    subject_type: str | None = None  # the implied fact's subject must be of this class
    requires: frozenset[str] = frozenset()  # ... and its sentence must use one of these words
    superseded_by: frozenset[str] = frozenset()  # rule ids whose facts for another subject
    # cancel it: a sale to Y ends X's ownership
    unless: frozenset[str] = frozenset()  # words after the stated fact's object in its
    # sentence that end what is implied: "bought X, which it closed two years later"


@dataclass(frozen=True)
class NamedAfter:
    """A name that embeds another entity's name: "Acme Cloud" is made by Acme."""

    property: str  # e.g. developedBy: the longer name's entity -> the embedded one
    confidence: float = 0.6
    subject_type: str | None = None  # the longer name's entity must be of this class
    described_as: frozenset[str] = frozenset()  # ... or be described with one of these nouns
    rest_is_place: bool = False  # the rest of the name is a known place: "Acme Europe"


@dataclass(frozen=True)
class Enumeration:
    """A sentence ending in a colon that announces a list of parts, one per following line:
    "Acme is organised into three units:" then "Widget Lab, which ..." on its own line."""

    property: str  # item -> the organisation the announcing sentence names
    nouns: frozenset[str]  # lemmas that announce the parts ("unit", "group", "division")
    confidence: float = 0.7


@dataclass(frozen=True)
class Versions:
    """Numbered versions of one family named in a document ("Pico 3", "Pico 4"): the next
    number succeeds the one before, and each version has the maker of its family."""

    successor: str | None = None  # property: version N+1 -> version N
    inherit: tuple[str, ...] = ()  # properties a version shares with its family or siblings
    confidence: float = 0.6


@dataclass(frozen=True)
class RelationKnowledge:
    rules: tuple[RelationRule, ...]
    hedges: frozenset[str]
    negations: frozenset[str]
    future_hedges: frozenset[str] = frozenset()  # "later": pending only off the past tense
    existential_hedges: frozenset[str] = frozenset()  # "there were reports that ..."
    event_properties: frozenset[str] = frozenset()  # "blocks X's takeover of Y": hedged
    past: frozenset[str] = frozenset()
    past_verbs: frozenset[str] = frozenset()  # "X stepped down": the role X held is over
    perfect_roles: frozenset[str] = frozenset()  # "X had run Y": a role that has ended
    giving_up: frozenset[str] = frozenset()  # "sold its stake in Y": the stake is gone
    audiences: frozenset[str] = frozenset()  # "to every Halcyra listener": people, no platform
    holding_properties: frozenset[str] = frozenset()  # what `giving_up` ends
    past_tense_roles: frozenset[str] = frozenset()  # "X ran Y": so has this one
    role_properties: frozenset[str] = frozenset()  # ... when the fact is a role
    past_role_words: frozenset[str] = frozenset()  # "Prior to X, Roe was a partner at Y"
    implications: tuple[Implication, ...] = ()
    named_after: tuple[NamedAfter, ...] = ()
    enumerations: tuple[Enumeration, ...] = ()
    versions: Versions = Versions()
    supersedes: dict[str, frozenset[str]] = field(default_factory=dict)  # owns -> investedIn
    makers: frozenset[str] = frozenset()  # nouns for firms that make others' goods ("foundry")


# Rules that fire without trigger words are filed under these keys: a possessive ("Acme's X")
# and a name itself ("Dana Roe of Acme").
_NO_TRIGGER = {"possessive": "'s", "name": "<name>"}


def _as_tuple(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@lru_cache(maxsize=1)
def relation_knowledge() -> RelationKnowledge:
    data = load_toml("relations.toml")
    rules = []
    for index, raw in enumerate(data.get("rule", [])):
        rules.append(
            RelationRule(
                id=raw.get("id", f"{raw['property']}-{index}"),
                property=raw["property"],
                triggers=frozenset(t.lower() for t in raw.get("triggers", [_NO_TRIGGER.get(
                    raw.get("pos", "any"), "'s")])),
                head=_as_tuple(raw["head"]),
                tail=_as_tuple(raw["tail"]),
                pos=raw.get("pos", "any"),
                requires=frozenset(raw.get("requires", ())),
                unless=frozenset(raw.get("unless", ())),
                hedges=frozenset(raw.get("hedges", ())),
                confidence=float(raw.get("confidence", 0.8)),
                tail_type=raw.get("tail_type"),
                head_type=raw.get("head_type"),
                head_votes=raw.get("head_votes"),
                head_described=frozenset(raw.get("head_described", ())),
                head_not_type=raw.get("head_not_type"),
                votes=bool(raw.get("votes", True)),
                lone_votes=bool(raw.get("lone_votes", True)),
                majority=raw.get("majority"),
                minority=raw.get("minority"),
                tail_not_country=bool(raw.get("tail_not_country", False)),
                modifier=bool(raw.get("modifier", True)),
                tail_maker=raw.get("tail_maker"),
            )
        )
    return RelationKnowledge(
        rules=tuple(rules),
        hedges=frozenset(w.lower() for w in data.get("hedges", {}).get("words", [])),
        negations=frozenset(w.lower() for w in data.get("negations", {}).get("words", [])),
        future_hedges=frozenset(
            w.lower() for w in data.get("hedges", {}).get("future_words", [])),
        existential_hedges=frozenset(
            w.lower() for w in data.get("hedges", {}).get("existential_nouns", [])),
        event_properties=frozenset(data.get("hedges", {}).get("event_properties", [])),
        past=frozenset(w.lower() for w in data.get("past", {}).get("words", [])),
        past_verbs=frozenset(w.lower() for w in data.get("past", {}).get("verbs", [])),
        perfect_roles=frozenset(
            w.lower() for w in data.get("past", {}).get("perfect_roles", [])),
        giving_up=frozenset(w.lower() for w in data.get("past", {}).get("giving_up", [])),
        audiences=frozenset(w.lower() for w in data.get("audiences", {}).get("words", [])),
        holding_properties=frozenset(data.get("past", {}).get("holding_properties", [])),
        past_tense_roles=frozenset(
            w.lower() for w in data.get("past", {}).get("past_tense_roles", [])),
        role_properties=frozenset(data.get("past", {}).get("role_properties", [])),
        past_role_words=frozenset(
            w.lower() for w in data.get("past", {}).get("role_words", [])),
        supersedes={stronger: frozenset(weaker) for stronger, weaker
                    in data.get("supersedes", {}).items()},
        makers=frozenset(w.lower() for w in data.get("makers", {}).get("nouns", [])),
        implications=tuple(
            Implication(when=raw["if"], then=raw["then"], reverse=bool(raw.get("reverse", False)),
                        confidence=float(raw.get("confidence", 0.8)),
                        subject_type=raw.get("subject_type"),
                        requires=frozenset(w.lower() for w in raw.get("requires", ())),
                        superseded_by=frozenset(raw.get("superseded_by", ())),
                        unless=frozenset(w.lower() for w in raw.get("unless", ())))
            for raw in data.get("implies", [])
        ),
        named_after=tuple(
            NamedAfter(property=raw["property"], confidence=float(raw.get("confidence", 0.6)),
                       subject_type=raw.get("subject_type"),
                       described_as=frozenset(raw.get("described_as", ())),
                       rest_is_place=bool(raw.get("rest_is_place", False)))
            for raw in data.get("named_after", [])
        ),
        enumerations=tuple(
            Enumeration(property=raw["property"],
                        nouns=frozenset(n.lower() for n in raw["nouns"]),
                        confidence=float(raw.get("confidence", 0.7)))
            for raw in data.get("enumeration", [])
        ),
        versions=_versions(data.get("versions", {})),
    )


def _versions(raw: dict) -> Versions:
    return Versions(successor=raw.get("successor"), inherit=tuple(raw.get("inherit", ())),
                    confidence=float(raw.get("confidence", 0.6)))


@dataclass(frozen=True)
class Schema:
    """What the extractor needs of the OWL ontology: class tree, domains, ranges, symmetry."""

    parents: dict[str, tuple[str, ...]]
    domains: dict[str, tuple[str, ...]]
    ranges: dict[str, tuple[str, ...]]
    symmetric: frozenset[str]
    super_properties: dict[str, tuple[str, ...]] = field(default_factory=dict)
    same_kind: frozenset[str] = frozenset()  # both sides under one member of the union

    def is_a(self, cls: str, ancestor: str) -> bool:
        todo, seen = [cls], set()
        while todo:
            current = todo.pop()
            if current == ancestor:
                return True
            if current not in seen:
                seen.add(current)
                todo.extend(self.parents.get(current, ()))
        return False

    def allows(self, prop: str, head_type: str, tail_type: str) -> bool:
        """True when the ontology's domain and range admit these classes."""
        domain = self.domains.get(prop, ())
        range_ = self.ranges.get(prop, ())
        if prop in self.same_kind:  # a company succeeds a company, never a product
            return any(self.is_a(head_type, c) and self.is_a(tail_type, c) for c in domain)
        return (not domain or any(self.is_a(head_type, c) for c in domain)) and (
            not range_ or any(self.is_a(tail_type, c) for c in range_)
        )


@lru_cache(maxsize=1)
def schema() -> Schema:
    """Read ontology/kg.ttl once; unions (owl:unionOf) expand to their member classes."""
    from rdflib import OWL, RDF, RDFS, Graph
    from rdflib.collection import Collection

    from kg.namespaces import KG

    path = ontology_dir() / "kg.ttl"
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(f"{path}: cannot read the ontology ({exc})") from exc

    def local(term) -> str | None:
        text = str(term)
        return text[len(str(KG)):] if text.startswith(str(KG)) else None

    def members(node) -> tuple[str, ...]:
        union = graph.value(node, OWL.unionOf)
        nodes = list(Collection(graph, union)) if union is not None else [node]
        return tuple(name for name in (local(n) for n in nodes) if name)

    parents: dict[str, tuple[str, ...]] = {}
    for child, parent in graph.subject_objects(RDFS.subClassOf):
        if local(child) and local(parent):
            parents[local(child)] = (*parents.get(local(child), ()), local(parent))
    domains = {local(p): members(d) for p, d in graph.subject_objects(RDFS.domain) if local(p)}
    ranges = {local(p): members(r) for p, r in graph.subject_objects(RDFS.range) if local(p)}
    symmetric = frozenset(
        local(p) for p in graph.subjects(RDF.type, OWL.SymmetricProperty) if local(p)
    )
    supers: dict[str, tuple[str, ...]] = {}
    for sub, sup in graph.subject_objects(RDFS.subPropertyOf):
        if local(sub) and local(sup):
            supers[local(sub)] = (*supers.get(local(sub), ()), local(sup))
    same_kind = frozenset(local(p) for p, flag in graph.subject_objects(KG.linksSameKind)
                          if local(p) and flag.toPython() is True)
    return Schema(parents=parents, domains=domains, ranges=ranges, symmetric=symmetric,
                  super_properties=supers, same_kind=same_kind)
