"""Stage 4: facts. Find the ontology's properties in the dependency parse.

The rules live in `ontology/relations.toml`: trigger lemmas plus the syntactic slot that holds
each side of a fact. This module only knows grammar: how to find the doer of a verb in active
or passive voice, the holder of a role noun, the members of a list, and which entity a token
names. Facts that break the ontology's domain or range are dropped; hedged statements are
kept with status "hedged" and negated ones are not kept at all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from kg import syntax
from kg.coreference import DocumentIndex, may_be
from kg.entities import numbered, organisation_ending, vote
from kg.knowledge import RelationRule, Schema, relation_knowledge, schema, typing_cues
from kg.model import Entity, Evidence, Fact
from kg.nlp import SEQUEL_NUMERALS, ParsedDocument, common_words, normalise_name, split_version
from kg.places import city_states, country_names, place_names


@dataclass(frozen=True)
class Argument:
    """An entity filling a slot, and how sure we are it is the one meant (coreference costs)."""

    entity: str
    certainty: float = 1.0
    pair: bool = False  # one of "the two companies": the pair a symmetric fact joins




class RuleEngine:
    """Applies every relation rule to every sentence of a parsed document."""

    def __init__(self, entities: dict[str, Entity], check_types: bool = True) -> None:
        self.entities = entities
        self.check_types = check_types
        self.knowledge = relation_knowledge()
        self.schema: Schema = schema()
        self.heads = typing_cues().heads
        self.coreference = typing_cues().coreference
        self.owner_nouns = typing_cues().owner_nouns
        self.unit_nouns = typing_cues().unit_nouns
        self._expected: tuple[str, ...] = ()
        self._stated: dict[tuple[str, str, str], Fact] = {}
        # (doc, word, side) -> the classes the half-filled rules on that word give the side
        self._lone_words: dict[tuple, Counter] = defaultdict(Counter)
        self.lone_union_sides: list[tuple[str, str, tuple[str, ...]]] = []  # see slot_votes
        self._head_votes = {rule.id: rule.head_votes for rule in self.knowledge.rules
                            if rule.head_votes}
        self.by_trigger: dict[str, list[RelationRule]] = {}
        for rule in self.knowledge.rules:
            for trigger in rule.triggers:
                self.by_trigger.setdefault(trigger, []).append(rule)
        # the last words of two-word triggers: only these tokens need their neighbour looked at
        self.bigram_ends = {t.rsplit(" ", 1)[1] for t in self.by_trigger if " " in t}

    def extract(self, parsed: ParsedDocument, index: DocumentIndex | None = None
                ) -> list[Fact]:
        index = index or DocumentIndex(parsed, self.entities)
        facts: dict[tuple[str, str, str], Fact] = {}
        self._stated = facts  # what the text said before the token at hand
        sentences = parsed.sentences
        for token in parsed.doc:
            for rule in self._rules_for(token, index.by_token.get(token.i)):
                for head, tail in self._pairs(rule, token, index):
                    sentence = sentences[_sentence_index(sentences, token.idx)]
                    evidence = Evidence(
                        doc_id=parsed.document.id,
                        sentence=sentence.text,
                        start=sentence.start,
                        end=sentence.end,
                        confidence=round(rule.confidence * head.certainty * tail.certainty, 3),
                        rule=rule.id,
                        status=self._status(token, rule.hedges, role_verb=rule.property
                                            in self.knowledge.role_properties,
                                            phrase=rule.pos == "name"
                                            or rule.pos in {"noun", "possessive"}
                                            and _owner_written(token) and rule.property
                                            not in self.knowledge.event_properties
                                            or rule.pos == "possessive"
                                            and _possessed_name(token),
                                            holding=rule.property
                                            in self.knowledge.holding_properties),
                    )
                    subject, obj = head.entity, tail.entity
                    prop = self._property(rule, token, subject, obj)
                    if prop in self.schema.symmetric and obj < subject:
                        subject, obj = obj, subject
                    key = (subject, prop, obj)
                    fact = facts.setdefault(key, Fact(subject, prop, obj))
                    if evidence not in fact.evidence:
                        fact.evidence.append(evidence)
        for subject, prop, obj, evidence in [*self._named_after(parsed, index, facts),
                                             *self._enumerated(parsed, index)]:
            fact = facts.setdefault((subject, prop, obj), Fact(subject, prop, obj))
            fact.evidence.append(evidence)
        for subject, prop, obj, evidence in list(self._versions(parsed, list(facts.values()))):
            fact = facts.setdefault((subject, prop, obj), Fact(subject, prop, obj))
            if evidence not in fact.evidence:
                fact.evidence.append(evidence)
        for fact in facts.values():
            _keep_best_per_sentence(fact)
        return [f for f in facts.values()
                if not self._numbered_backwards(f) and not self._weaker_reverse(f, facts)]

    def _weaker_reverse(self, fact: Fact, facts: dict) -> bool:
        """ "The group, whose Castellane Logistics subsidiary runs ...": a sentence read both
        ways for a one-way property keeps its better reading; a unit is not its parent's
        parent. Readings from other sentences stand."""
        if fact.predicate in self.schema.symmetric:
            return False
        other = facts.get((fact.object, fact.predicate, fact.subject))
        if other is None:
            return False
        sentences = {ev.start for ev in other.evidence}
        mine = max(ev.confidence for ev in fact.evidence)
        return all(ev.start in sentences for ev in fact.evidence) \
            and mine < max(ev.confidence for ev in other.evidence)

    def _numbered_backwards(self, fact: Fact) -> bool:
        """ "Tanager 1 ... Tanager 3, which succeeds Tanager 2", read onto Tanager 1: no version
        succeeds a later number of its own family."""
        if fact.predicate != self.knowledge.versions.successor:
            return False
        (stem, number), (other_stem, other_number) = (
            split_version(self.entities[k].label) for k in (fact.subject, fact.object))
        return stem is not None and stem == other_stem and number < other_number

    def _property(self, rule: RelationRule, token, subject: str, obj: str) -> str:
        """The rule's property, or its `majority` one when the stake is over half ("holds 58
        percent of X" owns X, "holds 9 percent" invests in it), or its `minority` one when
        under half ("is 40 percent owned by Y": Y invests in it)."""
        if rule.majority and syntax.majority_stake(token) \
                and self._fits(rule.majority, subject, obj):
            return rule.majority
        if rule.minority and syntax.minority_stake(token) \
                and self._fits(rule.minority, subject, obj):
            return rule.minority
        return rule.property

    def _acting_organisations(self, facts) -> set[str]:
        """Entities a stated fact uses where only an organisation fits (a maker, an employer,
        a stake's holder): "Organization" from the tagger alone is as often a product or an
        event ("WrestleMania", "Xbox"), but one that hires or invests is a firm."""
        acting = set()
        for fact in facts:  # (an investor may be a person; one that invests is mostly a firm)
            for key, classes in ((fact.subject, self.voting_domain(fact)),
                                 (fact.object, self.schema.ranges.get(fact.predicate, ()))):
                if classes and all(self.schema.is_a(c, "Organization") for c in classes):
                    acting.add(key)
        return acting

    def _named_after(self, parsed: ParsedDocument, index: DocumentIndex, facts: dict):
        """"Acme Cloud" next to "Acme" in one document: the longer name is Acme's product.
        Acme is a company, an organisation the stated `facts` show to be one, or one whose
        name starts a family of products."""
        acting = self._acting_organisations(facts.values())
        first: dict[str, int] = {}
        for mention in parsed.mentions:
            if mention.entity is not None:
                first.setdefault(mention.entity, mention.start)
        companies: dict[str, set[str]] = {}  # "Acme" -> the companies named so
        for other in first:
            if self.schema.is_a(self.entities[other].type, "Company") \
                    or self.entities[other].type == "Organization" and other in acting \
                    or self._names_a_family(other, first):
                for name in (self.entities[other].label, *self.entities[other].aliases):
                    companies.setdefault(name, set()).add(other)
        named = {n for e in first for n in (self.entities[e].label, *self.entities[e].aliases)}
        stems: dict[str, set[str]] = {}  # "Varnvik Sonde 3" is a product of "Varnvik
        for other in {o for owners in companies.values() for o in owners}:  # Electronics",
            stem = _without_ending(self.entities[other].label)  # never called "Varnvik"
            if stem and stem not in named:
                stems.setdefault(stem, set()).add(other)
        rumoured = self._only_rumoured(parsed, set(first))  # "plans to release an Acme X2"
        for rule in self.knowledge.named_after:
            for key, start in first.items():
                if key in rumoured:
                    continue
                words = self.entities[key].label.split()
                product = self.schema.is_a(self.entities[key].type, "Product")
                parents = [other for cut in range(1, len(words))
                           for prefix in [normalise_name(" ".join(words[:cut]))]
                           for other in companies.get(prefix,
                                                      stems.get(prefix, ()) if product else ())
                           if other != key and self._fits(rule.property, key, other)
                           and not words[cut].islower()  # not "Madeira and Azores"
                           and (not rule.rest_is_place or _names_a_place(words[cut:]))]
                parents = [other for other in parents
                           if not self._made_by_another(other, facts)
                           and not self._held_by_another(rule, key, other, facts)]
                if not parents or not (rule.rest_is_place or self._named_as(rule, key, index)):
                    continue
                sentence = parsed.sentences[_sentence_index(parsed.sentences, start)]
                for other in parents:
                    yield key, rule.property, other, Evidence(
                        doc_id=parsed.document.id, sentence=sentence.text, start=sentence.start,
                        end=sentence.end, confidence=rule.confidence, rule="named-after",
                    )

    def voting_domain(self, fact: Fact) -> tuple[str, ...]:
        """The classes a fact types its subject as: the property's domain, or the one class
        its rules' `head_votes` narrow it to ("X powers Y": X a model; an investor a firm)."""
        narrowed = {self._head_votes.get(ev.rule) for ev in fact.evidence}
        if len(narrowed) == 1 and None not in narrowed:
            return tuple(narrowed)
        return self.schema.domains.get(fact.predicate, ())

    def _held_by_another(self, rule, key: str, parent: str, facts: dict) -> bool:
        """ "Tessaly's ferry business ... That unit, Tessaly Ferries, was sold to Ionian": a
        unit named after a firm is not that firm's when the text gives it another owner."""
        if rule.property != "subOrganizationOf":
            return False
        return any(obj == key and subject != parent and prop in {"owns", "acquired"}
                   and fact.asserted for (subject, prop, obj), fact in facts.items())

    def _made_by_another(self, parent: str, facts: dict) -> bool:
        """ "Valkenrath Motors unveiled the Arca EV ... The Arca built this company": a stem
        only the tagger calls an organisation ("Arca") is no developer of a product the text
        says another firm developed; the stem is the family's short name."""
        if self.schema.is_a(self.entities[parent].type, "Company"):
            return False
        stem = self.entities[parent].label + " "  # any of the family: "the Arca Hybrid" too
        return any(self.entities[subject].label.startswith(stem) and obj != parent
                   and prop == "developedBy" and fact.asserted
                   for (subject, prop, obj), fact in facts.items())  # (a contract assembler
        # is no such firm: "assembles the Lumetra Pulse 3 for Lumetra")

    def _names_a_family(self, key: str, keys) -> bool:
        """An organisation whose name starts two products' names ("Google Docs", "Google
        Maps"): a maker naming its line, whatever the tagger made of the maker itself."""
        entity = self.entities[key]
        if entity.type != "Organization" or any(  # "Samsung Galaxy" after "Samsung": a line
                entity.label.startswith(self.entities[k].label + " ")
                and self.schema.is_a(self.entities[k].type, "Organization") for k in keys):
            return False
        names = (entity.label, *entity.aliases)
        return sum(any(self.entities[k].label.startswith(n + " ") for n in names)
                   and self.schema.is_a(self.entities[k].type, "Product")
                   and not organisation_ending(self.entities[k].label)  # "Acme Labs"
                   for k in keys) >= 2

    def _named_as(self, rule, key: str, index: DocumentIndex) -> bool:
        """The rule's condition on the longer name: its class, or a noun the text calls it."""
        if not rule.subject_type and not rule.described_as:
            return True
        if rule.subject_type and self.schema.is_a(self.entities[key].type, rule.subject_type):
            return True
        return any(k == key and noun in rule.described_as for _, noun, k in index.descriptions)

    def _versions(self, parsed: ParsedDocument, facts: list[Fact]):
        """ "Pico 3" and "Pico 4" in one document: Pico 4 succeeds Pico 3, and both share the
        maker the document gives the family ("Vantor released Pico") or another version."""
        rule = self.knowledge.versions
        first: dict[str, int] = {}
        for mention in parsed.mentions:
            if mention.entity is not None and self.schema.is_a(
                    self.entities[mention.entity].type, "Product"):
                first.setdefault(mention.entity, mention.start)
        families: dict[str, dict[str, float]] = {}
        for key in first:  # by every name: "Corvel Aura 2", also written "Aura 2", is a
            for name in self.entities[key].names:  # version of "the original Aura"
                stem, number = split_version(name)
                if stem:
                    families.setdefault(stem.lower(), {})[key] = number
        rumoured = self._only_rumoured(parsed, set(first))  # "a Pico 4 Pro is expected"
        for stem, versions in families.items():
            family = [k for k in first if k not in versions
                      and any(n.lower() == stem for n in self.entities[k].names)]
            numbered = {k: n for k, n in versions.items() if k not in rumoured}
            if family and 1.0 not in numbered.values() and any(  # "Ashen Tide" and "Ashen
                    _sequel_numeral(self.entities[k].label) for k in numbered):  # Tide II": a
                numbered[family[0]] = 1.0  # first game has no number ("Llama" is a family)
            yield from self._successions(parsed, numbered, first, rule)
            members = set(versions) | set(family)
            stated = {(f.subject, f.predicate) for f in facts}
            for fact in facts:
                if fact.subject not in members or fact.predicate not in rule.inherit:
                    continue
                for key in members - {fact.subject} - rumoured:
                    if (key, fact.predicate) not in stated and self._fits(fact.predicate, key,
                                                                          fact.object):
                        for ev in fact.evidence:
                            yield key, fact.predicate, fact.object, replace(
                                ev, confidence=round(ev.confidence * rule.confidence, 3),
                                rule=f"version-of:{ev.rule}")

        yield from self._variants({k: v for k, v in first.items() if k not in rumoured},
                                  facts, rule)

    def _only_rumoured(self, parsed: ParsedDocument, keys: set[str]) -> set[str]:
        """Those of `keys` every mention of which sits in a hedged clause: a product that may
        never exist has no maker yet."""
        hedged: dict[str, bool] = {}
        for mention in parsed.mentions:
            if mention.entity not in keys:
                continue
            span = parsed.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            clause = root.head if root.dep_ in syntax.SUBJECT_DEPS | {"nsubjpass"} else root
            while clause.dep_ in {"aux", "auxpass"} and clause.head != clause:
                clause = clause.head  # "a Lark 3 is probably coming": coming
            said = self._hedged(clause) or clause.lemma_.lower() in self.knowledge.hedges
            hedged[mention.entity] = hedged.get(mention.entity, True) and said
        return {key for key, only in hedged.items() if only}

    def _variants(self, first: dict[str, int], facts: list[Fact], rule):
        """ "Tern 3, a family in three sizes: Tern 3 Mini, Tern 3 Pro ...": a product named
        another product plus a word or two is a variant of it, with the same maker."""
        labels = {self.entities[k].label: k for k in first}
        stated = {(f.subject, f.predicate) for f in facts}
        for label, variant in labels.items():
            words = label.split()
            for cut in (len(words) - 1, len(words) - 2):
                base = labels.get(" ".join(words[:cut])) if cut > 0 else None
                if base is None or not words[cut][:1].isupper():
                    continue
                for fact in facts:
                    if fact.subject == base and fact.predicate in rule.inherit \
                            and (variant, fact.predicate) not in stated \
                            and self._fits(fact.predicate, variant, fact.object):
                        for ev in fact.evidence:
                            yield variant, fact.predicate, fact.object, replace(
                                ev, confidence=round(ev.confidence * rule.confidence, 3),
                                rule=f"variant-of:{ev.rule}")
                break

    def _successions(self, parsed: ParsedDocument, versions: dict[str, float],
                     first: dict[str, int], rule):
        if not rule.successor:
            return
        by_number = {number: key for key, number in versions.items()}
        for later, number in versions.items():
            earlier = by_number.get(number - 1)
            if earlier is None or number != int(number) or not self._fits(rule.successor,
                                                                          later, earlier):
                continue
            start = max(first[later], first[earlier])  # where both have been named
            sentence = parsed.sentences[_sentence_index(parsed.sentences, start)]
            yield later, rule.successor, earlier, Evidence(
                doc_id=parsed.document.id, sentence=sentence.text, start=sentence.start,
                end=sentence.end, confidence=rule.confidence, rule="version-sequence")

    def _enumerated(self, parsed: ParsedDocument, index: DocumentIndex):
        """Parts listed line by line after "Acme was split into four groups:"."""
        doc, sentences = parsed.doc, list(parsed.doc.sents)
        for rule in self.knowledge.enumerations:
            for number, sentence in enumerate(sentences):
                if not sentence.text.rstrip().endswith(":") or not any(
                        t.lemma_.lower() in rule.nouns for t in sentence):
                    continue
                whole = self._announced_whole(sentence, index)
                for item in sentences[number + 1:]:
                    if "\n" not in doc[item.start - 1].text_with_ws:
                        continue  # the item's own paragraph goes on ("It includes X.")
                    part = index.by_token.get(item.start)
                    if part is None:
                        break
                    if part != whole and self._fits(rule.property, part, whole):
                        text = parsed.sentences[_sentence_index(parsed.sentences,
                                                                item.start_char)]
                        yield part, rule.property, whole, Evidence(
                            doc_id=parsed.document.id, sentence=text.text, start=text.start,
                            end=text.end, confidence=rule.confidence, rule="enumeration",
                        )

    def _announced_whole(self, sentence, index: DocumentIndex) -> str | None:
        """The organisation the announcing sentence is about: the last one it names."""
        named = [index.by_token[t.i] for t in sentence if t.i in index.by_token
                 and self.schema.is_a(self.entities[index.by_token[t.i]].type, "Organization")]
        return named[-1] if named else None

    def _fits(self, prop: str, subject: str | None, obj: str | None) -> bool:
        if subject is None or obj is None:
            return False
        return not self.check_types or self.schema.allows(
            prop, self.entities[subject].type, self.entities[obj].type
        )

    def _rules_for(self, token, named: str | None) -> list[RelationRule]:
        """Possessive rules on any noun with an owner, name rules on a person's full name;
        trigger words only outside names ("Partner Communications" and "Acme Labs" name
        things, they state nothing), unless the name has an owner ("Meta's Superintelligence
        Labs": a lab of Meta)."""
        owned = (token.pos_ in {"NOUN", "PROPN"} or named and token.pos_ == "NUM") \
            and token.n_lefts > 0 \
            and any(c.dep_ == "poss" for c in token.lefts)  # a possessor comes first
        untriggered = self.by_trigger.get("'s", []) if owned else []
        if named and (self._full_name(token, named) or self._organisation_head(token, named)
                      or self._product_from(token, named)):
            # "Dana Roe of Acme", "Kornholm Logistics of Aarhus", "the K5 from Kestrel": the
            # name triggers
            untriggered = untriggered + [  # (only those whose head the name can be)
                rule for rule in self.by_trigger.get("<name>", [])
                if not rule.head_type or self._head_fits(rule, named, token)]
        if named and token.pos_ != "VERB" and not owned:
            return untriggered
        return untriggered + self._triggered(token)

    def _organisation_head(self, token, key: str) -> bool:
        """An organisation's name with an "of" or "in" phrase on it ("Kornholm Logistics of
        Aarhus", "made by Lianhe Precision in Kaohsiung"); only one ("sued Calvane Systems in
        federal court in Wilmington": the court is there)."""
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is None or following.lower_ not in {"of", "in"} or following.head != token:
            return False
        phrases = [c for c in token.children if c.dep_ == "prep" and c.lower_ == following.lower_]
        return len(phrases) == 1 and self.schema.is_a(self.entities[key].type, "Organization")

    def _product_from(self, token, key: str) -> bool:
        """A product's name with a "from" phrase on it ("the Kestrel K5 from Kestrel")."""
        return self.schema.is_a(self.entities[key].type, "Product") and (
            any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children)
            or syntax.hung_after(token, "from") is not None)

    def _full_name(self, token, key: str) -> bool:
        """A person the tagger names in full: a lone "Dean" or "King" is more often a title."""
        return token.ent_type_ == "PERSON" and " " in self.entities[key].label

    def _triggered(self, token) -> list[RelationRule]:
        lemma = token.lemma_.lower()
        if lemma not in self.by_trigger and token.lower_ not in self.by_trigger \
                and lemma not in self.bigram_ends:
            return []  # most tokens: nothing to look at
        words = {lemma, token.lower_}
        if token.i > 0 and lemma in self.bigram_ends:  # every token comes here: keep it cheap
            for size in (3, 2):  # "chief executive officer", "vice president": not the head
                before = token.doc[max(token.i - size + 1, 0):token.i]
                # lemmas, or the words as written: "managing director", not "manage director"
                phrases = (" ".join([*(t.lemma_.lower() for t in before), lemma]),
                           " ".join([*(t.lower_ for t in before), lemma]))
                found = [p for p in phrases if p in self.by_trigger]
                if len(before) == size - 1 and found:
                    words = {found[0]}
                    break
        rules = [r for w in words for r in self.by_trigger.get(w, ())]
        if not rules:
            return []
        result = []
        for rule in dict.fromkeys(rules):
            if rule.pos == "verb" and token.pos_ not in {"VERB", "AUX", "ADJ"} \
                    and not syntax.acts_as_verb(token):
                continue
            if rule.pos in {"possessive", "name"}:
                continue
            if rule.pos == "noun" and token.pos_ not in {"NOUN", "PROPN"}:
                continue
            if rule.requires and not syntax.has_modifier(token, rule.requires):
                continue
            if rule.unless and syntax.has_modifier(token, rule.unless):
                continue
            if not rule.modifier and token.dep_ in {"compound", "amod"} \
                    and token.head.pos_ == "NOUN" and token.head.i > token.i:
                continue  # "the brewery's head brewer" brews; he heads nothing
            if self._negated(token):
                continue
            result.append(rule)
        return result

    @property
    def lone_sides(self) -> list[tuple[str, str]]:
        """Typing votes from half-filled rules ("I co-founded Sparkline"): one a word and side,
        for the class most of the word's rules give it ("built" is both make-verb and
        produce-physical; "launched X" founds firms but mostly releases products)."""
        votes = []
        for (_, _, key), classes in self._lone_words.items():
            ranked = classes.most_common(2)
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                votes.append((key, ranked[0][0]))
        return votes

    def _pairs(self, rule: RelationRule, token, index: DocumentIndex):
        domain = self.schema.domains.get(rule.property, ())
        range_ = self.schema.ranges.get(rule.property, ())
        if "holder" in rule.head and self._names_another_kind(token, domain):
            return
        heads = [head for head in self._fill(rule.head, token, index, expected=domain)
                 if self._head_fits(rule, head.entity, token if rule.pos == "name" else None)
                 or self._described_so(rule, head.entity, index)]
        if not heads and self.check_types:
            return
        # "its successor" is a product's; a firm's predecessor is named ("the successor of
        # Harrow & Co"): a pronoun on a same-kind property means the union's first kind
        pronouns = range_[:1] if rule.property in self.schema.same_kind else None
        tails = self._fill(rule.tail, token, index, wanted_type=rule.tail_type, expected=range_,
                           pronoun_expected=pronouns)
        if rule.tail_not_country:
            tails = [t for t in tails if self.entities[t.entity].label not in country_names()
                     or self.entities[t.entity].label in city_states()]
        if rule.tail_maker is not None:
            tails = [t for t in tails if self._a_maker(t.entity, index) == rule.tail_maker]
        if not tails and rule.property in self.schema.symmetric \
                and sum(a.pair for a in heads) == 2:
            tails = heads  # "a partnership the two companies signed"
        named_heads = [a for a in heads if a.certainty == 1.0]
        named_tails = [a for a in tails if a.certainty == 1.0]
        if not self.check_types and bool(named_heads) != bool(named_tails) and rule.votes \
                and rule.lone_votes:
            # "I co-founded Sparkline": no named founder (or only a pronoun for one), but
            # Sparkline is an organisation
            if pronouns:  # "It is the sequel to X": X is of the union's first kind too
                domain = range_ = pronouns
            sides = [(a.entity, rule.head_votes or domain[0]) for a in heads
                     if a.certainty == 1.0 and (rule.head_votes or len(domain) == 1)
                     and not rule.head_type]
            # (its class: a condition)
            sides += [(a.entity, range_[0]) for a in tails
                      if a.certainty == 1.0 and len(range_) == 1]
            for key, cls in sides:
                self._lone_words[(token.doc, token.i, key)][cls] += 1
            if rule.property not in self.schema.symmetric and len(range_) > 1 and not heads:
                self.lone_union_sides += [(rule.property, a.entity, range_) for a in tails
                                          if a.certainty == 1.0]
        for head in heads:
            for tail in tails:
                if head.entity == tail.entity:
                    continue
                head_type = self.entities[head.entity].type
                tail_type = self.entities[tail.entity].type
                if not self.check_types or self.schema.allows(rule.property, head_type,
                                                              tail_type):
                    yield head, tail

    def _head_fits(self, rule: RelationRule, key: str, name=None) -> bool:
        """A rule's `head_type` / `head_not_type`: "produced by" says made, for goods only.
        A name rule's `name` token: a bare name may be a firm only the tagger typed."""
        cls = self.entities[key].type
        if rule.head_type and not self.schema.is_a(cls, rule.head_type) and not (
                name is not None and _bare_name(name) and self._may_be(key, rule.head_type)):
            return False  # ("Veldkamp Logistiek of Tilburg": a firm only the tagger typed;
            # but "the Royal Borough of Windsor" is an institution's own name)
        return not (rule.head_not_type and self.schema.is_a(cls, rule.head_not_type))

    def _speakers_organisation(self, token, index: DocumentIndex) -> str | None:
        """The one organisation the text has tied the quoted speaker to ("Quintero, chief
        technology officer of Brightforge ... 'We compete with Orinth,' he said"): "we" is
        that firm, not the story's."""
        speaker = index.speaker(token.i) if syntax.spoken(token) else None
        return self._only_tie({speaker}) if speaker else None  # (on an answer line too)

    def _names_another_kind(self, noun, domain) -> bool:
        """A trigger noun inside a longer head of another class: "a password manager" is
        software, so its holder holds no manager's job."""
        if noun.pos_ != "NOUN" or not domain:
            return False
        words = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
        cls = self.heads.get(" ".join([*words, noun.lemma_.lower()])) if words else None
        return cls is not None and not any(
            self.schema.is_a(cls, d) or self.schema.is_a(d, cls) for d in domain)

    def _a_maker(self, key: str, index: DocumentIndex) -> bool:
        """The text calls it, or its name ends in, a noun for a firm that makes others' goods
        ("Vassbotn Verft, a shipyard", "Lumen Fabrication"): what it builds it manufactures."""
        return any(k == key and noun in self.knowledge.makers for _, noun, k in index.descriptions)

    @staticmethod
    def _described_so(rule: RelationRule, key: str, index: DocumentIndex) -> bool:
        """A rule's `head_described`: the text calls the head one of these nouns ("Aria OS, an
        operating system"), whatever its class."""
        return bool(rule.head_described) and any(
            k == key and noun in rule.head_described for _, noun, k in index.descriptions)

    def _tied_organisation(self, role, index: DocumentIndex) -> str | None:
        """The one organisation the text has already tied the role's holder to (as its
        founder, chief or employee): whose role a bare title is, before the story's focus."""
        holders = {a.entity for a in self._slot("holder", role, index) if a.certainty >= 0.9}
        return self._only_tie(holders)

    def _titled_person(self, noun, name, index: DocumentIndex) -> bool:
        """ "founded by the haulier Dennis Hollins": a noun no list knows, written straight
        before a person's name, is that person's title ("the company Elon Musk founded" is not
        Musk: a clause follows)."""
        root = next((t for t in noun.doc[noun.i + 1:name.i + 1] if t.i in index.by_token), None)
        if any(c.dep_ in {"acl", "relcl"} and c.i > name.i for c in noun.children):
            return False
        return root is not None and index.by_token[root.i] == index.by_token[name.i] \
            and self.entities[index.by_token[name.i]].type == "Person" \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)

    def _doers_tie(self, noun, index: DocumentIndex) -> str | None:
        """The one organisation the text has tied the people doing the noun's verb to (or
        those a role of the noun's is said of: "Feldt, who serves as the lab's CTO")."""
        if noun.dep_ == "poss" and noun.head.dep_ == "pobj" and noun.head.head.lower_ == "as":
            noun = noun.head
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head \
            if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        if verb is None or verb.pos_ not in {"VERB", "AUX"}:
            return None  # (an argument of the verb, not a word inside a description)
        doers = [a for t in syntax.logical_subjects(verb)
                 for a in ([t] if t.lower_ not in syntax.RELATIVE_PRONOUNS
                           else syntax.relative_antecedent(t))]
        doers += [d for t in doers if t.pos_ == "NOUN" for d in syntax.described(t)]
        people = {index.by_token[t.i] for t in doers
                  if t.i in index.by_token}  # named doers only: no coreference from here
        people = {key for key in people if self.entities[key].type == "Person"}
        return self._only_tie(people) if people else None

    def _only_tie(self, people: set[str]) -> str | None:
        """The one organisation the facts stated so far tie these people to, if just one."""
        tied = {obj for (subject, prop, obj), fact in self._stated.items()
                if subject in people and prop in _AFFILIATIONS and fact.asserted}
        return next(iter(tied)) if len(tied) == 1 else None

    def _fill(self, slots, token, index: DocumentIndex, wanted_type=None, expected=(),
              pronoun_expected=None) -> list[Argument]:
        """Entities in the first slot (in the rule's order) that yields any.

        `expected` (the property's domain or range) keeps a slot from yielding only misfits
        and steers pronoun resolution, unless `pronoun_expected` narrows the latter; the
        domain/range check on the finished pair is what keeps ill-typed facts out.
        """
        self._expected = pronoun_expected or expected
        for slot in slots:
            found = self._slot(slot, token, index)
            if slot == "subj" and self.check_types and expected and not self._fit(found, expected):
                found = [a for t in syntax.outer_antecedent(token) for a in self._names(t, index)]
            if wanted_type:
                found = [a for a in found if self._may_be(a.entity, wanted_type)]
            if self.check_types and expected:  # a slot holding only misfits yields nothing
                found = self._fit(found, expected)
            if found:
                return _unique(found)
        return []

    def _fit(self, found: list[Argument], expected) -> list[Argument]:
        return [a for a in found if any(
            self.schema.is_a(self.entities[a.entity].type, cls) for cls in expected)]

    def _noun_fits(self, noun, expected) -> bool:
        """Whether a common noun that says its own class ("chemists": people) may stand for
        the slot's class; a name, or a noun saying nothing, may."""
        cls = self.heads.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        return not (cls and expected) or any(
            self.schema.is_a(cls, c) or self.schema.is_a(c, cls) for c in expected)

    def _may_be(self, key: str, cls: str) -> bool:
        """Of class `cls`; or a name only the tagger typed, which the rule's phrase may type
        ("known internally as Juniper", tagged an organisation); or, for a kind of company, an
        organisation nothing but its tag and cues typed ("Valve's Steam Deck", "Asus's ROG
        Ally" where the text says no more of either); not one whose name says what it is
        ("the Ministry of Transport's X")."""
        entity = self.entities[key]
        if self.schema.is_a(entity.type, cls):
            return True
        if not self.schema.is_a(cls, "Organization") \
                and sum(entity.votes.values()) <= typing_cues().ner_weight:
            return True  # "Internally it was known as Juniper": the tagger's guess alone
        endings, words = typing_cues().name_endings, entity.label.lower().split()
        named_so = len(words) > 1 and words[-1] in endings \
            or any(endings.get(w) == "Organization" for w in words)
        return self.schema.is_a(cls, "Company") and may_be(entity.type, cls) and not named_so

    def _slot(self, slot: str, token, index: DocumentIndex) -> list[Argument]:
        if slot == "story" and token.dep_ == "appos":  # "Pellucid, a Boston-based rival":
            focus = index.focus_at(token.i)  # the story's firm's rival, though "a" rival
            return [Argument(focus, 0.8)] if focus else []
        if slot == "story":
            product = self._rival_product(token, index)
            if product is not None:  # "The obvious rival is the Hollis Beacon from Tarnwell":
                return [Argument(product, 0.8)]  # the rival of the product reviewed
        if slot in {"focus", "story"}:
            if any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                   or c.dep_ == "relcl" and token.dep_ == "attr" for c in token.children):
                return []  # "Rolf Brenner, a German executive": of some firm, not the story's;
                # "he is the rare founder who has made every mistake": a kind, not a role
            if self._owner_written(token):
                return []  # "Eskom chairperson X", "chairman of the cabinet": whose is said
            tied = self._tied_organisation(token, index)
            if tied:  # "Loamwise was founded by Dr Priya Raman ... Raman is chief executive"
                return [Argument(tied, 0.8)]
            focus = index.focus_at(token.i)
            return [Argument(focus, 0.8)] if focus else []
        if slot == "topic":
            return self._topic(token, index)
        if slot == "list":
            return [a for t in syntax.coordinated(token) for a in self._names(t, index, False)]
        if slot == "of":  # "Aurelle's head of design": over a part, not the firm
            return self._owner(token, index) if not _of_department(token) else []
        if slot == "self":  # "Tesla's Model Y and Volvo's EX40": not EX40 for Tesla
            if not self._noun_fits(token, self._expected):
                return []  # "the university's chemists, A and B": no products
            found = [a for t in [token, *syntax.conjuncts(token)]
                     if t == token or not any(c.dep_ == "poss" for c in t.children)
                     for a in self._names(t, index, coref=False)[
                         :None if t.pos_ == "NOUN" and t.i not in index.by_token else 1]]
            # ("Google's offerings, such as Play Music, Play Movies and YouTube": all three)
            return found or self._described_by(token, index)
        if slot == "names":  # "Gildea and Fica of the Omega Foundation": both are of it
            own = {c.lower_ for c in token.children if c.dep_ == "prep"}
            return [a for t in syntax.earlier_conjuncts(token)
                    if t == token or not any(c.dep_ == "prep" and c.lower_ in own
                                             for c in [*t.children, t.doc[t.i + 1]])
                    for a in self._names(t, index, coref=False)[:1]]  # ("the Z3 from X and
            # the K5 from Y": the Z3 is not Y's)
        if slot == "referent":  # "Acme's new AI unit": the unit named earlier
            found = self._name(token, index, coref=True)
            return [found] if found else []
        if slot == "subject_referent":  # "The Castlebar cheesemaker now operates as ...": a
            # description that opens a clause speaks of the firm already in play
            return self._slot("referent", token, index) \
                if token.dep_ in syntax.SUBJECT_DEPS | {"nsubjpass", "poss"} else []  # (or
            # "X, the San Francisco company's research arm": a possessor, as definite)
        if slot == "poss":
            return self._possessors(token, index)
        if slot == "feature_of":  # "Voice control in Verrane Home is powered by Vela",
            features = [o for o in syntax.logical_objects(token)  # "Sentinel's anomaly
                        if o.pos_ == "NOUN" and o.i not in index.by_token]  # detection"
            return [a for o in features for a in (
                self._possessors(o, index, others=True)
                or [a for p in o.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
                    for t in p.children if t.dep_ == "pobj" for a in self._names(t, index)])]
        if slot == "obj_poss":  # "X led its Series B", "led Acme's latest round": whose
            return [a for o in syntax.logical_objects(token) if o.i > token.i
                    for a in self._possessors(o, index, others=True)]
        if slot == "relcl_subj":  # "a unit the company set up" -> the company
            return [a for c in token.children if c.dep_ == "relcl"
                    for t in syntax.logical_subjects(c) for a in self._names(t, index)]
        if slot == "parallel":  # "We hold 60 percent of Nordhelix, and Dalmaru holds the
            twins = [token.head] if token.dep_ == "conj" else []  # remaining 40 percent": the
            twins += [c for c in token.children if c.dep_ == "conj"]  # "of" the clause
            return [a for v in twins if v.lemma_ == token.lemma_  # beside it gave
                    for word in ("of", "in") for t in _slot_tokens(f"prep:{word}", v)
                    for a in self._names(t, index)]
        if slot == "attached":
            return [a for t in syntax.attached(token) for a in self._names(t, index)]
        if slot == "undergoer":
            return [a for t in syntax.undergoers(token) for a in self._names(t, index)]
        if slot == "holder" and token.dep_ == "appos" \
                and not syntax.possessed_by_relative(token):  # "X, a Denver firm, and Y": X
            target = syntax.apposition_target(token)
            alone = self._name(target, index, coref=True)
            rest = [a for t in syntax.holders(token) if t != target and not (
                t.i < token.i and token.pos_ == "NOUN" and syntax.chain_top(t) == token)
                    for a in self._names(t, index)]
            return ([alone] if alone else []) + rest  # (not "Quayside, the Cork maker": Cork)
        tokens = [t for t in _slot_tokens(slot, token) if not syntax.in_aside(t, token)]
        if slot.startswith("prep:"):  # "to every Halcyra listener": people, not Halcyra
            tokens = [t for t in tokens if t.lemma_.lower() not in self.knowledge.audiences]
        found = [a for t in tokens for a in self._names(t, index)]
        if slot == "holder" and found:  # "its chief executive, X, and chief technology
            titled = {index.by_token.get(t.i) for t in syntax.titled_conjuncts(token)}
            found = [a for a in found if a.entity not in titled]  # officer Y": not Y
        if slot == "holder" and found:  # "the Bristol software group X": Bristol is where
            before = {index.by_token.get(t.i) for t in token.doc[token.left_edge.i:token.i]}
            found = [a for a in found if not (a.entity in before and (
                self.entities[a.entity].label in place_names()
                or self.entities[a.entity].type == "Place"))]  # (or a town the text places)
        return found

    def _topic(self, token, index: DocumentIndex) -> list[Argument]:
        """The organisation a sentence is about: its main subject ("It is majority-owned by
        X, while Y holds a stake": it), or the owner of its subject ("Its chief executive is
        Z, and Y holds a stake"); else the story's focus."""
        root = token.sent.root
        doers = syntax.logical_subjects(token)
        own = _tokens_entities(token, index) | {index.by_token.get(t.i) for t in doers}
        for subject in (c for c in root.children if c.dep_ in syntax.ANY_VOICE_SUBJECT_DEPS):
            if subject.i >= token.i:
                break
            if subject in doers:
                continue  # "the university's venture fund, X, holds a stake": X's owner is
                # not what X holds a stake in
            found = self._possessors(subject, index) if subject.pos_ == "NOUN" \
                else self._names(subject, index)
            found = [a for a in found if a.entity not in own
                     and self.schema.is_a(self.entities[a.entity].type, "Organization")]
            if found:
                return found[:1]
        return self._slot("focus", token, index)

    def _owner(self, noun, index: DocumentIndex) -> list[Argument]:
        """Whose role a noun is: "Meta's CEO", "CEO of Meta", "Meta CEO", "its founder/CEO"."""
        found: list[Argument] = []
        described: list[Argument] = []  # "Marchand is still the studio head": the studio
        chain = [noun]
        while chain[-1].dep_ in {"compound", "nmod"} and chain[-1].head.pos_ == "NOUN" or (
            chain[-1].dep_ in {"compound", "nmod"} and chain[-1].head.dep_ == "compound"
        ):
            chain.append(chain[-1].head)
        for child in (c for member in chain for c in member.children):
            if child.dep_ == "poss":
                owner = self._its_owner(child, index)
                if child.lower_ in {"its", "their"} and owner:
                    found.append(Argument(owner, 0.8))
                elif child.lower_ == "whose":  # "Nimbora, whose chief executive is X"; "a
                    found.extend(a for t in syntax.relative_antecedent(child)  # stake in the
                                 for a in self._names(t, index))  # company, whose CEO is X"
                else:
                    found.extend(self._names(child, index))
            elif child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "at"
                                           and not _of_department(noun)):
                found.extend(a for t in child.children if t.dep_ == "pobj"
                             for a in self._names(t, index))
            elif child.i < noun.i and (child.ent_type_ not in syntax.PLACE_ENTS
                                       or self._organisation_at(child, index)) \
                    and not self._known_place_name(child, index) \
                    and not self._placed(child, index) and (
                    child.dep_ in {"compound", "nmod"}
                    or child.dep_ == "amod" and self._name_read_as_adjective(child, noun, index)) \
                    and f"{child.lower_} {noun.lemma_.lower()}" not in self.heads:
                # "Meta CEO", "Brandvold chief executive"; but "the Gothenburg group" says where
                # and "the VPN app X" what X is
                named = self._names(child, index, coref=False)
                found.extend(named)
                if not named:
                    described.extend(self._described_owner(child, noun, index))
        if not found:  # only when no name says whose: "the business school of X" is X's
            found.extend(described)
        if noun.dep_ == "conj" and not found and noun.head.ent_type_ == "PERSON":
            found.extend(a for c in noun.head.children  # "Eskom chairperson Ben Ngubane and
                         if c.dep_ == "compound" and c.pos_ == "NOUN"  # chief executive X":
                         for a in self._owner(c, index))  # the firm of the title before
        elif noun.dep_ == "conj" and not found:  # "Meta's founder and chief executive"
            found.extend(self._owner(noun.head, index))
        if not found:  # "founder and executive chairman of Shaw Communications"
            found.extend(a for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                         for t in syntax.of_objects(c) for a in self._names(t, index))
        if not found and noun.dep_ == "pobj" and noun.head.lower_ == "as" and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):  # (not "sold
            # its shares as part of the transaction": the part is of what "of" says)
            verb = noun.head.head  # "Helio named Berg as chief executive": Helio; "the brand
            if any(c.dep_ == "dobj" for c in verb.children) or verb.dep_ == "relcl":  # it set
                # up as a subsidiary": it
                found.extend(a for t in syntax.logical_subjects(verb)
                             for a in self._names(t, index))
        if noun.dep_ == "compound":  # "Meta CEO Mark Zuckerberg": Meta is a sibling compound
            found.extend(
                a for sib in noun.head.children
                if sib.dep_ in {"compound", "poss", "nmod"} and sib.i < noun.i
                and not self._known_place_name(sib, index)
                for a in self._names(sib, index, coref=False)
            )
        return found

    def _known_place_name(self, token, index: DocumentIndex) -> bool:
        """ "the Bristol software group X": a town the gazetteer knows, written before a firm's
        noun, says where the firm is, however the tagger labels it."""
        key = index.by_token.get(token.i)
        return key is not None and self.entities[key].label in place_names()

    def _placed(self, token, index: DocumentIndex) -> bool:
        """A name the text has typed a place: "the Montreal team" is the team in Montreal."""
        key = index.by_token.get(token.i)
        return key is not None and self.entities[key].type == "Place"

    def _organisation_at(self, token, index: DocumentIndex) -> bool:
        """A name the tagger took for a place that the text shows is an organisation."""
        key = index.by_token.get(token.i)
        return key is not None and self.schema.is_a(self.entities[key].type, "Organization")

    def _described_owner(self, child, noun, index: DocumentIndex) -> list[Argument]:
        """ "Marchand is still the studio head": the studio named before."""
        cls = self._coreference_class(child) if child.pos_ == "NOUN" else None
        definite = any(c.dep_ == "det" and c.lower_ in syntax.DEFINITE for c in noun.children)
        found = index.recent(child.i, cls) if cls and definite else None
        return [Argument(found, 0.8)] if found else []

    def _name_read_as_adjective(self, child, noun, index: DocumentIndex) -> bool:
        """ "Brandvold chief executive Eirik Solheim", "another Aurelian subsidiary": the parser
        reads the firm as an adjective of a person's title or of a firm's part. Not so before
        other nouns: "the first Sonic games" are its own."""
        cls = self.heads.get(noun.lemma_.lower())
        return child.i in index.by_token and cls is not None \
            and (cls == "Person" or self.schema.is_a(cls, "Organization")) \
            and index.by_token.get(child.i + 1) != index.by_token[child.i]

    def _possessors(self, token, index: DocumentIndex, others: bool = False
                    ) -> list[Argument]:
        """ "Acme's X" -> Acme; "its X" -> the document's main organisation. `others`: the
        clause's doer is not meant ("Bellgrove led its Series B": not Bellgrove's)."""
        found: list[Argument] = []
        compounds = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        for child in (c for t in (token, *compounds) for c in t.children if c.dep_ == "poss"):
            # ("our £4 million seed round": the parser hangs "our" on "seed")
            if child.lower_ in {"its", "their"}:
                owner = _owner_of_pronoun(child, index, skip_doers=others)
                found.extend([Argument(owner, 0.8)] if owner else [])
            elif child.lower_ == "our" and index.focus and syntax.spoken(child) \
                    or syntax.addressed(child) and index.focus:  # "Your new Vortek Pro"
                found.append(Argument(self._speakers_organisation(child, index)
                                      or index.we_are(child.i) or index.focus, 0.6))
                # ("Our product, Conductor, ..."; a guest's "our" is the guest's firm)
            elif child.lower_ == "whose":  # "Pellicor, the Austin company whose Ridgeback
                found.extend(a for t in syntax.relative_antecedent(child)  # accelerators"
                             for a in self._names(t, index))
            else:  # "Acme's X"; "the bank's X" means the bank named before
                found.extend(self._names(child, index, coref=child.pos_ == "NOUN"))
        return found

    def _names(self, token, index: DocumentIndex, coref: bool = True) -> list[Argument]:
        """The entities a token stands for, its coordinated siblings included, and the
        examples a common noun lists ("cloud services including X and Y")."""
        found: list[Argument] = []
        family = self._family_members(token, index)
        if family:  # "Both Zefiro models are made by X": the Zefiro S1 and the Zefiro S2
            return family
        if syntax.the_two(token):  # "the two companies signed a partnership": the last two named
            return [Argument(key, 0.8, pair=True) for key in self._last_named(token, index)]
        if syntax.the_three(token):  # "All three compete for the same banks"
            return [Argument(key, 0.8) for key in self._last_named(token, index, count=3)]
        which = _of_which(token)
        if which is not None:  # "the X processor and the Y blender, both of which are built"
            return [a for t in syntax.relative_antecedent(which) for a in self._names(t, index)]
        counted = syntax.counted(token) if token.pos_ == "NUM" else None
        if counted is not None and counted.pos_ == "NOUN" and token.i not in index.by_token:
            found = self._listed(counted, index)  # "two of the university's chemists, A
            if found:  # and B": A and B (unless the parser hung them on "two")
                return found
        if token.pos_ == "NOUN" and token.i not in index.by_token:
            found = self._listed(token, index) or self._place_of(token, index)
            if found:
                return found
        for member in syntax.members(token) + _listed_to_the_end(token, index):
            argument = self._name(member, index, coref)
            if argument is not None:
                found.append(argument)
        if not found and token.pos_ == "NOUN":
            for example in syntax.listed_examples(token):
                found.extend(self._names(example, index, coref=False))
        if not found and token.pos_ == "NOUN" and token.dep_ == "pobj" \
                and token.head.dep_ == "agent" and token.lemma_.lower() in self.unit_nouns:
            found = [replace(a, certainty=0.8) for c in token.children if c.dep_ == "poss"
                     and c.pos_ == "PROPN" for a in self._names(c, index, coref=False)]
            # "a model built by Loamwise's research team": Loamwise's work
        return found

    def _family_members(self, token, index: DocumentIndex) -> list[Argument]:
        """A plural noun after a family's name ("both Zefiro models", "the Zefiro scooters")
        stands for the products the text named in that family, when it named two or more."""
        if token.pos_ != "NOUN" or token.tag_ != "NNS":
            return []
        stems = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if len(stems) != 1:
            return []
        named = {key for start, key in index.ordered if start < token.i}  # (not one to come)
        members = [key for key in named if self.schema.is_a(self.entities[key].type, "Product")
                   and self.entities[key].label.startswith(stems[0].text + " ")]
        return [Argument(key, 0.8) for key in sorted(members)] if len(members) > 1 else []

    def _last_named(self, token, index: DocumentIndex, count: int = 2) -> list[str]:
        """The two (or `count`) organisations named last before `token`, in this or the
        sentence before."""
        lemma = token.lemma_.lower()  # "both sensors": the last two named goods
        cls = self.coreference.get(lemma) or self.heads.get(lemma) \
            or (lemma == "both" and next(iter(self._expected), None)) or "Organization"
        # ("Both are made by X": of the class the slot takes)
        found = self._last_of(token, index, count, cls)
        if not found and cls != "Product" and self.schema.is_a(cls, "Product") \
                and token.dep_ in syntax.OBJECT_DEPS and not any(
                    self.schema.is_a(self.entities[key].type, cls)
                    for start, key in index.ordered if start < token.i):
            found = self._last_of(token, index, count, "Product")  # "replaced both earlier
        return found  # models": an analyser's, in a text that names no AI model

    def _last_of(self, token, index: DocumentIndex, count: int, cls: str) -> list[str]:
        previous = token.doc[token.sent.start - 1].sent.start if token.sent.start else 0
        verb = token.head if token.dep_ in syntax.SUBJECT_DEPS | {"nsubjpass"} else token
        later = {key for start, key in index.ordered if token.i < start < token.sent.end
                 and _directly_under(index._root(start, key), verb)}
        clause = token.head if token.dep_ in syntax.OBJECT_DEPS else None  # "the VA-20,
        if clause is not None and clause.dep_ == "relcl":  # which replaced both earlier
            later |= {index.by_token.get(clause.head.i)} - {None}  # models": not the VA-20
        found: list[str] = []  # ("the two companies operate as divisions of Lodestar": not it)
        for start, key in reversed(index.ordered):
            if previous <= start < token.i and key not in found and key not in later \
                    and may_be(self.entities[key].type, cls):
                found.append(key)
        focus = index.focus_at(token.i)
        if len(found) == count - 1 and focus is not None and focus not in {*found, *later} \
                and may_be(self.entities[focus].type, cls):
            return [*found, focus]  # "X, the operator of Y Cloud, under a partnership the two
            # companies signed": X and the firm the story is about
        if len(found) < count and cls != "Organization":  # "the two labs", paragraphs after
            found = list(dict.fromkeys(  # both were named: when the story names only two
                key for start, key in index.ordered if start < token.i  # of their kind
                and self.schema.is_a(self.entities[key].type, cls)))
            return found if len(found) == count else []
        return found[:count] if len(found) >= count else []

    def _place_of(self, noun, index: DocumentIndex) -> list[Argument]:
        """ "based in the province of Ankara", "the city of Bergen": the place named (a
        place only: "employed by the city of Jeonju" does not make Jeonju a firm)."""
        if self.heads.get(noun.lemma_.lower()) != "Place":
            return []
        named = [Argument(index.by_token[c.i]) for c in noun.children
                 if c.dep_ in {"compound", "nmod"} and c.i in index.by_token
                 and self.entities[index.by_token[c.i]].type == "Place"]
        if named:  # "the Parque das Nacoes district of Lisbon": the district, not Lisbon
            return named
        return [a for prep in noun.children if prep.dep_ == "prep"
                for t in syntax.prepositional_objects(prep, "of")
                for a in self._names(t, index, coref=False)
                if self.entities[a.entity].type == "Place"]

    def _listed(self, noun, index: DocumentIndex) -> list[Argument]:
        """Every name a common noun spells out: "models from OpenAI, Anthropic and others" (each
        maker), "the publishers Thomson Reuters and LexisNexis" (apposition of the noun's class)."""
        shared = _listed_before_plural(noun)  # "the Lumo and Harbor phone platforms"
        if shared:
            return [a for name in shared for a in self._names(name, index, coref=False)]
        described = self.heads.get(noun.lemma_.lower())
        named = [child for child in noun.children if child.dep_ == "appos"] \
            or syntax.listed_after_comma(noun)  # "chemists, Priya Anand and Tomás Egan"
        named += [a for child in named for c in syntax.conjuncts(child) if c.pos_ == "NOUN"
                  for a in c.children if a.dep_ == "appos"]  # "the engineer X and his
        found = [Argument(a.entity, 0.9) for child in named  # brother-in-law Y"
                 if child.i in index.by_token and (described is None and noun.tag_ == "NNS"
                                                   or described and self.schema.is_a(
                     self.entities[index.by_token[child.i]].type, described))
                 for a in self._names(child, index, coref=False)]  # (a plural noun no head
        # list knows spells its names out too: "the phoneticians X and Y")
        return found or [replace(a, certainty=0.8) for prep in noun.children
                         if prep.dep_ == "prep" and prep.lower_ in {"from", "by"}
                         for pobj in prep.children
                         if pobj.dep_ == "pobj" and pobj.i in index.by_token
                         for a in self._names(pobj, index, coref=False)]

    def _name(self, token, index: DocumentIndex, coref: bool, depth: int = 0
              ) -> Argument | None:
        if token.i in index.by_token:
            return Argument(index.by_token[token.i])
        if token.pos_ == "PROPN" and token.text.islower() and token.dep_ == "appos" \
                and depth == 0:  # "Tessera AI, a San Francisco-based start-up": the tagger's
            return self._name(syntax.apposition_target(token), index, coref, 1)  # "name"
        nounlike = token.pos_ == "NOUN" or _adjective_as_noun(token)
        described = (self.heads.get(token.lemma_.lower()) or self._coreference_class(token)) \
            if nounlike else None
        # "the Acme executive, Jane Roe"; "its founder, the immunologist Ruth Roe"
        appositions = [c for c in token.children if c.dep_ == "appos"] if nounlike else []
        appositions += [g for c in appositions if c.pos_ != "PROPN" for g in c.subtree
                        if g.head == c and g.dep_ == "appos" or g.dep_ in {"compound", "amod",
                                                                          "nmod"}
                        and g.i < c.i and g.i in index.by_token]  # "its first product, the
        # LC-1 pouch cell": the name before the apposition's noun
        for child in appositions:  # ("the group Norrland Industrier": a plain organisation
            if child.i in index.by_token and (described and index._may_be(  # may be the
                    index.by_token[child.i], described)  # group)
                    or not described and self._titled_person(token, child, index)):
                return Argument(index.by_token[child.i], 0.9)
        if token.lemma_.lower() in self.owner_nouns or token.lower_ in self.owner_nouns:
            owners = self._possessors(token, index) or [  # "Meridia's board": Meridia;
                Argument(index.by_token[t.i]) for t in syntax.of_objects(token)  # "the board
                if t.i in index.by_token]  # of Meridia" too
            if owners:
                return owners[0]
            focus = index.focus_at(token.i) if coref and _definite_alone(token) else None
            if focus:  # "X chairs the board": the board of the firm the story is about
                return Argument(focus, 0.8)
        if token.lower_ in syntax.RELATIVE_PRONOUNS and (
                token.dep_ == "pobj" or token.head.dep_ != "relcl"):
            for antecedent in syntax.relative_antecedent(token):  # "a startup with which X signed"
                return self._name(antecedent, index, coref, depth + 1)
        if token.pos_ == "NOUN" and token.dep_ in {"compound", "nmod"} \
                and token.head.i > token.i and token.head.i in index.by_token:
            return Argument(index.by_token[token.head.i], 0.9)  # "the media company Arvane
            # Media Group": the noun written before the name is that name's
        trailing = _trailing_name(token, index) if token.pos_ == "NOUN" else None
        if trailing:
            return Argument(trailing, 0.8)
        called = _called(token, index) if token.pos_ == "NOUN" else None
        if called:
            return Argument(called, 0.9)
        after = _name_right_after(token, index) if described else None
        if after is not None and index._may_be(after, described):  # "the Seville solar
            return Argument(after, 0.9)  # developer Helioterra", however the parser hung it
        # "former Acme engineers" are not Acme, nor is "a London law firm" London
        people = described == "Person" or _household(token) or any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} or c.lower_ in {"other", "another"}
            for c in token.children)  # ("the other Acme stations" are not Acme itself)
        # ("controlled by the Dravenau family": a household, not the firm "Dravenau")
        modifiers = [c for c in token.children if c.dep_ in _NAME_MODIFIERS]
        modifiers += [g for c in modifiers if c.dep_ == "compound" and c.pos_ == "NOUN"
                      for g in c.children if g.dep_ == "compound" and g.pos_ == "PROPN"]
        for child in modifiers:  # ("the Pocketstore app store"; "a Vastrand VM-12 engine":
            key = index.by_token.get(child.i)
            if people and not (described != "Person" and key
                               and numbered(self.entities[key].label)):
                continue  # a numbered name is the thing, whatever the article)
            if child.dep_ in _NAME_MODIFIERS and child.i < token.i \
                    and child.i in index.by_token and not self._place_before_firm(child, token,
                                                                                 index):
                return Argument(index.by_token[child.i], 0.95)
        if not coref or depth > 2:
            return None
        for described in syntax.described(token):  # "Google, the company", "X is a player"
            if described.i in index.by_token:
                return Argument(index.by_token[described.i], 0.9)
            if described.pos_ == "PRON" and described != token:
                return self._name(described, index, coref, depth + 1)
            if described.pos_ == "NOUN" and described != token:  # "the Foundations team, a
                found = self._name(described, index, coref, depth + 1)  # group of 40 led by X"
                if found:
                    return replace(found, certainty=found.certainty * 0.9)
        if token.pos_ == "PRON" and token.lower_ in {"it", "its"}:
            holder = self._doer_of_antecedent(token, index, depth)
            if holder is not None:
                return holder
            target = self._recent_expected(index, token.i)
            antecedent = _relative_antecedent_start(token, index)
            if target and antecedent is not None and index.by_token.get(antecedent) == target:
                # "Vinter, the brand it set up": "it" is not Vinter; read it from before Vinter
                target = self._recent_expected(index, antecedent)
            return Argument(target, 0.7) if target else None
        if token.lower_ == "they" and token.dep_ == "nsubj" and token.head.lemma_ != "be" \
                and self._expected and all(self.schema.is_a(cls, "Organization")
                                           or cls == "Person" for cls in self._expected) \
                and any(self.schema.is_a(cls, "Organization") for cls in self._expected):
            target = self._recent_expected(index, token.i)  # "Skarholm did approach us. They
            return Argument(target, 0.6) if target else None  # own 12 percent of Tern"
        if token.lower_ in syntax.WE and index.focus and (
                token.lower_ != "my" and syntax.speaks_for_company(token)
                or syntax.spoken(token)):  # "We compete with X," says Acme's CEO
            return Argument(self._speakers_organisation(token, index)
                            or index.we_are(token.i) or index.focus, 0.6)
        if syntax.addressed(token) and index.focus and self._expected and all(
                self.schema.is_a(cls, "Organization") for cls in self._expected):
            return Argument(index.focus, 0.6)  # "Q: Last year you bought Pulsewright"
        if token.lower_ in {"i", "me"} and syntax.spoken(token):  # "I co-founded Sparkline,"
            target = index.speaker(token.i)  # said Nwosu; or on her answer line ("A: I ...")
            return Argument(target, 0.7) if target else None
        if token.pos_ == "PRON" and token.lower_ in syntax.PERSONAL:  # "he co-founded": the person
            target = index.recent_person(token.i)
            return Argument(target, 0.7) if target else None
        if token.pos_ == "NOUN" and index.focus and any(
                c.dep_ == "poss" and c.lower_ == "our" for c in token.children) \
                and syntax.speaks_for_company(token):
            cls = self._coreference_class(token)  # "Our company was founded in 1974 by X"
            if cls and self.schema.is_a(cls, "Organization"):
                return Argument(index.we_are(token.i) or index.focus, 0.7)
        if token.pos_ == "NOUN" and syntax.is_anaphoric(token):
            cls = self._coreference_class(token)
            tied = self._doers_tie(token, index) \
                if cls and self.schema.is_a(cls, "Organization") else None
            if tied and self._may_be(tied, cls):  # "X, Lumaris's technical director, who
                # co-founded the company": his; but "who founded Aurelle and heads the lab"
                return Argument(tied, 0.8)
            if cls and _elaborated(token):  # "...rests on Tsubame. The Osaka-based company"
                named = index.last_named(token.i, cls, token.lemma_.lower(),  # (news adds
                                         self._placed_elsewhere(token, index))  # facts of
                if named:  # the firm just named, whatever else was called a maker)
                    return Argument(named, 0.8)
            named = index.described_here(token.i, token.lemma_.lower()) \
                or index.described_as(token.i, token.lemma_.lower())
            if named and not _says_new(token) and not _qualified(token):
                topic = index.paragraph_topic(token.i, cls) if cls else None
                if topic and topic != named and not index.named_in_paragraph(named, token.i) \
                        and not index.named_as(named, token.lemma_.lower()):
                    return Argument(topic, 0.8)  # this paragraph's division, not another's
                return Argument(named, 0.85)  # "X, a data-center operator ... the operator"
            target = self._just_created(token, index) if cls else None
            target = target or (index.recent(token.i, cls) if cls else None)
            if target:
                return Argument(target, 0.85)
        # "Llama 4, the family of models ..." and "the best models from OpenAI"
        if token.pos_ == "NOUN":
            if token.dep_ == "pobj" and token.head.lower_ == "of" \
                    and token.head.head.pos_ in {"NOUN", "NUM"}:
                found = self._name(token.head.head, index, coref, depth + 1)
                if found:
                    return found
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"from", "by"}:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.i in index.by_token:
                            return Argument(index.by_token[pobj.i], 0.8)
        return None

    def _placed_elsewhere(self, noun, index: DocumentIndex) -> frozenset[str]:
        """ "X was bought by Harrowgate Drinks, the Leeds-based group. The Ledbury-based
        company": the firms the text already placed somewhere else than the description does
        are not what it speaks of."""
        places = {index.by_token.get(g.i) for c in noun.children if c.dep_ == "amod"
                  for g in c.children if g.dep_ == "npadvmod"} - {None}
        if not places:
            return frozenset()
        return frozenset(subject for (subject, prop, obj), fact in self._stated.items()
                         if prop == "headquarteredIn" and obj not in places and fact.asserted)

    def _coreference_class(self, noun) -> str | None:
        """The class "the X" refers to: typing.toml [coreference], two-word phrases first
        ("the chip designer": a company; a "designer" alone is a person)."""
        lemma = noun.lemma_.lower()
        before = noun.doc[noun.i - 1] if noun.i > 0 else None
        if before is not None and before.dep_ in {"compound", "amod"}:
            cls = self.coreference.get(f"{before.lemma_.lower()} {lemma}")
            if cls:
                return cls
        return self.coreference.get(lemma)

    def _owner_written(self, noun) -> bool:
        """The text says whose the role is (a name before it, "X's", "of the cabinet"),
        though no entity was found there: the story's own firm is not meant ("of the
        family-owned toolmaker", a firm spoken of again, still is)."""
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ != "PRON" \
                    or child.dep_ == "compound" and child.pos_ == "PROPN":
                return True
            if child.dep_ == "prep" and child.lower_ == "of":
                return not all(_spoken_of_again(o) for o in child.children if o.dep_ == "pobj")
        return False

    def _described_by(self, noun, index: DocumentIndex) -> list[Argument]:
        """ "Loomwork, the studio's in-house engine": the name a possessed noun is set
        beside."""
        if noun.pos_ == "NOUN" and noun.dep_ == "nsubj" and noun.head.lemma_ == "be" \
                and self.schema.is_a(self.heads.get(noun.lemma_.lower(), ""), "Product"):
            # "Halvard's best-known lenses are the Aarlux 1 and the Aarlux 2": what it names
            return [a for attr in noun.head.children if attr.dep_ == "attr"
                    for t in [attr, *syntax.conjuncts(attr)] for a in self._names(t, index, False)]
        if noun.pos_ != "NOUN" or noun.dep_ != "appos":
            return []
        target = syntax.apposition_target(noun)
        return [Argument(index.by_token[target.i])] if target.i in index.by_token else []

    def _place_before_firm(self, modifier, noun, index: DocumentIndex) -> bool:
        """ "the Chicago law firm" is not Chicago (but "the Zephyr chip" is Zephyr), nor is
        "the Amsterdam delivery group": the noun may be a modifier of the firm noun."""
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" \
                and noun.lemma_.lower() not in self.coreference:
            noun = noun.head
        kind = self.coreference.get(noun.lemma_.lower(), "")
        return self.schema.is_a(kind, "Organization") and self.schema.is_a(
            self.entities[index.by_token[modifier.i]].type, "Place")

    def _just_created(self, noun, index: DocumentIndex) -> str | None:
        """ "formed Acme Labs and hired Jo, the founder of Initech, to lead the new group":
        "the new X" is the last organisation or product the text created, not the last named."""
        if not _says_new(noun):
            return None
        verbs = typing_cues().creation_verbs
        cls = self.coreference.get(noun.lemma_.lower(), "")
        kind = "Organization" if self.schema.is_a(cls, "Organization") else cls
        for start, key in reversed(index.ordered):
            root = index._root(start, key)
            if start >= noun.i or not self.schema.is_a(self.entities[key].type, kind):
                continue
            if _sentences_between(root, noun) > 3:
                return None  # only this paragraph's recent sentences
            obj = root.head if root.dep_ == "conj" else root
            if obj.dep_ == "dobj" and obj.head.lemma_.lower() in verbs:
                return key
            if obj.dep_ == "appos" and obj.head.dep_ == "pobj" and obj.head.head.lower_ == "as" \
                    and obj.head.head.head.lemma_.lower() in verbs:
                return key  # "spun off as an independent company, Tessel Devices"
        return None

    def _rival_product(self, noun, index: DocumentIndex) -> str | None:
        """The product a rival product is set against when no owner is said: the one the
        story names most (a review's subject), when the rival itself is a product."""
        rivals = {index.by_token.get(t.i) for t in syntax.holders(noun)} - {None}
        if not rivals or not all(self.schema.is_a(self.entities[k].type, "Product")
                                 for k in rivals):
            return None
        counts = Counter(key for _, key in index.ordered if key not in rivals
                         and self.schema.is_a(self.entities[key].type, "Product"))
        return max(counts, key=counts.get) if counts else None

    def _its_owner(self, pronoun, index: DocumentIndex) -> str | None:
        """Whose "its" is: an organisation's ("its CEO"), but a product's where only products
        fit the slot ("Ashen Tide ... Its sequel, Ashen Tide II")."""
        if self._expected and not any(self.schema.is_a(cls, "Organization")
                                      for cls in self._expected):
            return self._named_earlier_in_sentence(index, pronoun) \
                or self._recent_expected(index, pronoun.i)
        return index.owner_of_its(pronoun.i)

    def _named_earlier_in_sentence(self, index: DocumentIndex, pronoun) -> str | None:
        """ "The digital range began with the Vento V1 in 2009; its successor, the Vento V2":
        a product's "its" is the last thing of the slot's kind this sentence named."""
        found = [key for start, key in index.ordered
                 if pronoun.sent.start <= start < pronoun.i and any(
                     self.schema.is_a(self.entities[key].type, cls) for cls in self._expected)]
        return found[-1] if found else None

    def _doer_of_antecedent(self, pronoun, index: DocumentIndex, depth: int):
        """ "the group that owns Stannary Cider, which it bought in 2019": "it", the subject of
        a clause on what a verb acts on, is that verb's doer (what "which" means cannot be it)."""
        clause = pronoun.head
        if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj" or clause.dep_ != "relcl" \
                or clause.head.dep_ != "dobj" or depth > 3:
            return None
        thing = index.by_token.get(clause.head.i)
        for found in self._slot("subj", clause.head.head, index):
            if found.entity != thing:
                return replace(found, certainty=min(found.certainty, 0.8))
        return None

    def _recent_expected(self, index: DocumentIndex, before: int) -> str | None:
        """A pronoun means the last entity, outside its own clause, whose class fits the slot."""
        unit = self._unit_just_described(index, before)
        if unit is not None:
            return unit
        sentence_start = index.parsed.doc[before].sent.start
        candidates = [c for c in self._expected if c != "Person"] or ["Organization", "Product"]
        pronoun = index.parsed.doc[before]
        if pronoun.dep_ == "dobj" and pronoun.head.dep_ == "conj":  # "Acme bought X, and Lund
            found = self._main_object_before(index, before, candidates)  # runs it": X
            if found:
                return found
        for cls in candidates:  # "Acme closed a deal: it paid ...": an earlier clause's subject
            found = index.recent_subject(before, cls, last_named=False)
            if found:
                return found
        found = self._main_object_before(index, before, candidates)
        if found:
            return found
        if sentence_start > 0:  # "Velanorex replaces Dorivan, which Acme launched. It ...":
            previous = index.parsed.doc[sentence_start - 1].sent  # the main clause's subject
            subject = next((index.by_token.get(t.i) for t in previous  # (its first, when a
                            if t.dep_ in syntax.SUBJECT_DEPS and t.i in index.by_token  # label
                            and t.head.dep_ not in _SUBORDINATE), None)  # "CHEN:" is its root)
            subject = subject or _opening_name(previous, index)
            if subject and any(self.schema.is_a(self.entities[subject].type, cls)
                               for cls in candidates):
                return subject
        for cls in candidates:
            found = index.recent(sentence_start, cls, pronoun=True)
            if found:
                return found
        return None

    def _unit_just_described(self, index: DocumentIndex, before: int) -> str | None:
        """ "... the line's subsidiary Orlesund Terminals, which operates berths. It is headed
        by X": a sentence-opening "it" that is led or run (also "based in Y and headed by X")
        means the unit the sentence before described, not that sentence's subject."""
        doc = index.parsed.doc
        pronoun = doc[before]
        opens = before > 0 and (pronoun.i == pronoun.sent.start or doc[before - 1].text == ";")
        verbs = [pronoun.head, *syntax.conjuncts(pronoun.head)]
        if pronoun.lower_ != "it" or pronoun.dep_ != "nsubjpass" or not opens \
                or not any(verb.lemma_.lower() in _LED_VERBS for verb in verbs):
            return None
        start = doc[before - 1].sent.start  # the sentence before, or this one's first half
        units = sorted([(position, key) for position, noun, key in index.descriptions
                        if start <= position < before and noun in self.unit_nouns]
                       + [(t.i, index.by_token[t.head.i]) for t in doc[start:before]
                          if t.dep_ == "compound" and t.lemma_.lower() in self.unit_nouns
                          and t.head.i in index.by_token])  # "its subsidiary Acme Terminals"
        units = [key for _, key in units]
        return units[-1] if units else None

    def _main_object_before(self, index: DocumentIndex, before: int, classes) -> str | None:
        """ "Roe joined Idealab after it bought her firm": a pronoun subject of a clause hung
        on the main verb means that verb's object when its subject cannot be meant (a person
        for "it"); the sentence before is further away than the name just written. So does the
        object of a clause coordinated with it: "We opened X in May, and Lund runs it"."""
        pronoun = index.parsed.doc[before]
        clause = pronoun.head
        subject_of_aside = pronoun.dep_ in syntax.SUBJECT_DEPS and clause.dep_ == "advcl"
        object_of_next = pronoun.dep_ == "dobj" and clause.dep_ == "conj"  # "... opened X, and
        # Lund runs it": what the first clause acted upon
        if not (subject_of_aside or object_of_next):
            return None
        main = clause.head
        objects = [c for c in main.children if c.dep_ == "dobj" and c.i < before
                   and c.i in index.by_token]
        keys = [index.by_token[c.i] for c in objects]
        return next((key for key in keys if any(
            self.schema.is_a(self.entities[key].type, cls) for cls in classes)), None)

    def _status(self, token, hedges: frozenset[str] = frozenset(), role_verb: bool = False,
                phrase: bool = False, holding: bool = False) -> str:
        """`role_verb`: the token states a role ("ran Acme"), so its simple past ends it; not
        so a deal ("Pelion led the round"). `phrase`: the fact is told inside a name's own
        phrase, which the clause around it takes for granted: "plans to acquire Tanat
        Engineering of Llanfyllin" hedges the deal, not where Tanat is (nor whose suite
        "Tessel Software's Corvan suite" is; only the phrase's own "proposed" counts).
        `holding`: the fact is a stake or a unit held, which a sale ends ("sold its 30 percent
        stake in X")."""
        if holding and token.pos_ == "NOUN" and token.dep_ in {"dobj", "nsubjpass"} \
                and token.head.lemma_.lower() in self.knowledge.giving_up:
            return "past"
        if self._past(token, role_verb) or role_verb and token.tag_ == "VBD" \
                and token.lemma_.lower() in self.knowledge.past_tense_roles:
            return "past"  # "Ando, who ran Kagero for 14 years"
        return "hedged" if self._hedged(token, hedges, clause=not phrase) else "asserted"

    def _past(self, token, role: bool = False) -> bool:
        """ "the former chief executive", "who previously worked at", "chairman until 2013",
        "chief executive X stepped down", "X had been chief executive"; for a `role`, "Prior
        to founding X, Roe was a partner at Y"."""
        words = self.knowledge.past | (self.knowledge.past_role_words if role else frozenset())
        carriers = [token, token.head] if token.dep_ in {"compound", "amod"} else [token]
        verb = syntax.clause_verb(token)
        if verb is not None and (verb.lemma_.lower() in self.knowledge.past_verbs or (
                verb.lemma_ == "be" and any(c.lower_ == "had" for c in verb.children))):
            return True
        complement = token.dep_ == "attr" or (token.dep_ == "pobj" and token.head.lower_ == "as")
        if complement and verb is not None and verb.tag_ == "VBD" and verb.dep_ == "advcl" \
                and any(c.dep_ in {"mark", "advmod"} and c.lower_ in _BACK_THEN
                        for c in verb.children):
            return True  # "which he used daily when he was an engineer at Google"
        if verb is not None and complement and any(
                c.dep_ in {"prep", "advmod"} and c.lower_ in words for c in verb.children):
            return True  # "served as chairman until 2013", "was previously its chief"
        if token.lemma_.lower() in self.knowledge.perfect_roles and any(
                c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
            return True  # "who had run Vantel since 2015"
        if _years_from_to(token) or complement and verb is not None and _years_from_to(verb):
            return True  # "X, chief executive from 1991 to 2009", "from 2012 to 2018 he was"
        return any(
            (c.dep_ in {"amod", "advmod", "prep", "npadvmod"} or c.dep_.startswith("compound"))
            and c.lower_ in words or c.dep_ == "prep" and any(  # "X, formerly of Halvard"
                g.dep_ == "advmod" and g.lower_ in words for g in c.children)
            for carrier in carriers for c in carrier.children
        ) or any(t.lower_ in words and (t.head == token or t.head.head == token and t.head.dep_
                                        in {"compound", "amod"})  # "previously finance director"
                 for t in token.doc[max(min(token.left_edge.i, token.i - 2), 0):token.i])

    def _hedged(self, token, extra: frozenset[str] = frozenset(), clause: bool = True) -> bool:
        """`clause=False`: only the phrase's own words count ("X's proposed takeover of Y")."""
        hedges = self.knowledge.hedges | extra
        if token.pos_ == "NOUN" and any(  # "X's proposed $4.8 billion takeover"
                t.dep_ == "amod" and (t.lemma_.lower() in hedges or t.lower_ in hedges)
                for t in token.doc[token.left_edge.i:token.i]):
            return True
        if not clause:
            return False
        if _asked(token):
            return True  # "Q: How do you fund Pulsewright?" states nothing
        if token.pos_ == "NOUN" and any(c.dep_ in {"relcl", "acl"} and (
                c.lemma_.lower() in hedges or c.lower_ in hedges) for c in token.children):
            return True  # "the joint venture we had discussed with X", "the merger it proposed"
        if token.pos_ == "NOUN" and syntax.misattached_apposition(token):
            return False  # "intends to sell Brightfold, its packaging subsidiary": the
            # description is stated, whatever the parser hung it on
        if token.dep_ == "nsubjpass" and (token.head.lemma_.lower() in hedges
                                          or token.head.lower_ in hedges):
            return True  # "a macOS version of Folio is planned", "the deal is expected to"
        current, steps = token, 0
        while steps < 4:
            if any((c.lemma_.lower() in hedges or c.lower_ in hedges)
                   and not (c.lower_ in self.knowledge.future_hedges and _past_tense(current))
                   for c in current.children if c.dep_ in {"aux", "advmod", "neg", "amod"}):
                return True
            if current.pos_ in {"VERB", "AUX"} and not _past_tense(current) and any(
                    t.lower_ in self.knowledge.future_hedges  # "will come to X later this year"
                    for c in current.children if c.dep_ == "npadvmod" for t in c.subtree):
                return True
            if current.dep_ not in {"xcomp", "acl", "ccomp", "advcl", "conj", "pobj", "prep",
                                    "relcl", "dobj", "attr", "oprd"} or current.head == current \
                    or _aside(current):
                return False
            current = current.head
            steps += 1
            if (current.lemma_.lower() in hedges or current.lower_ in hedges) \
                    and not _reports_own(current) or self._there_is_hedge(current):
                return True
        return False

    def _there_is_hedge(self, verb) -> bool:
        """ "There were reports that you had bought X": the clause says what was reported."""
        return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children) and any(
            c.dep_ == "attr" and c.lemma_.lower() in self.knowledge.existential_hedges
            for c in verb.children)

    def _negated(self, token) -> bool:
        negations = self.knowledge.negations
        candidates = [token, token.head] if token.dep_ in {"xcomp", "acomp"} \
            or token.pos_ == "NOUN" and token.dep_ == "dobj" else [token]  # "has not taken a
        # stake in X"
        return any(
            c.dep_ == "neg" or (c.dep_ in {"advmod", "det"} and c.lower_ in negations)
            for t in candidates for c in t.children
        )


def _aside(verb) -> bool:
    """ "would help fill its Z-220 jets, which are built by Aerovasco": a relative clause set
    off by a comma, with a tense of its own, states its fact whatever the clause around it
    hopes for."""
    if verb.dep_ != "relcl" or verb.left_edge.i == 0 \
            or verb.doc[verb.left_edge.i - 1].text != ",":
        return False
    return any(t.tag_ in {"VBZ", "VBP", "VBD"} for t in (verb, *verb.children)
               if t is verb or t.dep_ in {"aux", "auxpass"})


def _asked(token) -> bool:
    """A question ("How do you fund all this?", "Will Acme buy Tessel?") asserts none of it;
    a statement with a doubtful "?" at its end ("the app is on iOS, and it's... fine?") does."""
    words = [t for t in token.sent if not t.is_space and t.text not in syntax.QUOTES]
    if not words or words[-1].text != "?":
        return False
    label = syntax.speaker_label(words[-1])
    if label is not None:  # "Q: How do ...": past the label and its colon
        words = words[next((i + 1 for i, t in enumerate(words) if t.text == ":"), 0):]
    while words and words[0].lower_ in {"so", "and", "but", "then", "okay", "ok", "well"}:
        words = words[1:]
    return bool(words) and (words[0].tag_ in {"WDT", "WP", "WP$", "WRB", "MD"}
                            or words[0].pos_ == "AUX" and words[0].i + 1 < len(token.doc)
                            and words[0].head.i != words[0].i)


def _owner_written(noun) -> bool:
    """A noun with its owner written on it ("Tessel Software's Corvan Workspace suite"): the
    phrase takes the tie for granted, whatever the clause around it plans."""
    return noun.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children)


_REPORTERS = {"company", "group", "firm", "bank", "business", "carrier", "maker"}


def _reports_own(verb) -> bool:
    """ "Halvorsk reported a 14 percent rise ... and said it had completed its takeover": a
    firm that reports (active, with a subject) states its own results, where "reportedly",
    "the reported deal" or "it was reported that" pass on what others say."""
    return verb.lower_ in {"reported", "reports"} and verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and (c.pos_ in {"PROPN", "PRON"} or c.lemma_.lower() in _REPORTERS)
        for c in verb.children)  # (not "Press reports that ...", a noun read as a verb)


def _possessed_name(name) -> bool:
    """ "plans to bring the model to its Nimbus smart speakers": whose the speakers are is
    taken for granted by the phrase, whatever the clause plans; "its" counts here."""
    top = syntax.chain_top(name)  # (not "their": "users stream it using their Android
    return any(c.dep_ == "poss" and (c.pos_ != "PRON" or c.lower_ == "its")  # device")
               for t in {name, top} for c in t.children)


def _bare_name(token) -> bool:
    """A name written without "the" ("Veldkamp Logistiek of Tilburg"), as firms are."""
    return not any(t.dep_ == "det" for t in token.subtree if t.i < token.i)


_SUBORDINATE = {"relcl", "acl", "advcl", "ccomp", "xcomp"}
_NAME_MODIFIERS = {"compound", "nmod", "amod", "nummod"}  # "CR-72 turboprops": a code as a count
_AFFILIATIONS = {"founderOf", "ceoOf", "leads", "worksFor"}  # a person's ties to a firm
_BACK_THEN = {"when", "while", "before", "after", "until"}  # a clause set in the past


def _tokens_entities(token, index: DocumentIndex) -> set[str]:
    """The entities named in the clause of `token` (its verb's subtree)."""
    return {index.by_token[t.i] for t in token.subtree if t.i in index.by_token}


def _definite_alone(noun) -> bool:
    """ "the board", with no owner or modifier naming whose."""
    return [c.lower_ for c in noun.children] == ["the"]


def _directly_under(token, verb) -> bool:
    """`token` hangs on `verb` through phrases only, no clause between ("operate as divisions
    of Lodestar": yes; "signed a deal under which Acme's models are used": no)."""
    current = token
    while current != verb and current.head != current:
        if current.dep_ in _SUBORDINATE | {"conj"}:
            return False
        current = current.head
    return current == verb


def _sentences_between(earlier, later) -> int:
    return sum(1 for _ in earlier.doc[earlier.sent.start:later.sent.start].sents)


def _relative_antecedent_start(pronoun, index: DocumentIndex) -> int | None:
    """Where the name a relative clause describes starts, for a pronoun inside that clause."""
    verb = pronoun.head
    if pronoun.dep_ not in syntax.SUBJECT_DEPS or verb.dep_ != "relcl":
        return None
    for name in [verb.head, *syntax.described(verb.head)]:
        if name.i in index.by_token:
            start = name.i
            while start > 0 and index.by_token.get(start - 1) == index.by_token[name.i]:
                start -= 1
            return start
    return None


def _says_new(noun) -> bool:
    """ "the new group": a thing the text just created (see RuleEngine._just_created)."""
    return any(c.dep_ == "amod" and c.lower_ == "new" for c in noun.children)


def _owner_of_pronoun(pronoun, index: DocumentIndex, skip_doers: bool = False) -> str | None:
    """Whose "its"/"their" is. "Founded by Marchand and Asante ... Their first game": after
    people, "their" is their organisation, the story's (or the paragraph's)."""
    if pronoun.lower_ == "their" and index.recent_subject(pronoun.i, "Person"):
        return index.focus_at(pronoun.i)
    return index.owner_of_its(pronoun.i, skip_doers=skip_doers)


def _listed_before_plural(noun) -> list:
    """The first of the names listed before a plural noun they share: "the Pocketstore and
    Vireo app stores" (its conjuncts come with it)."""
    if noun.tag_ != "NNS":
        return []
    nouns = [noun, *(c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN")]
    return [c for t in nouns for c in t.children if c.dep_ in {"compound", "nmod"}
            and c.pos_ == "PROPN" and c.i < t.i and any(g.dep_ == "conj" for g in c.children)]


def _listed_to_the_end(token, index: DocumentIndex) -> list:
    """ "Its subsidiaries are Nordbroms, Kjeldsen Elektro, Ruhrarmatur and Solvik": names
    the parser failed to coordinate, when they run from this name to the sentence's end
    separated only by commas and a last "and"."""
    if token.i not in index.by_token or token.dep_ not in {"attr", "dobj"} \
            or any(c.dep_ == "conj" for c in token.children):
        return []
    doc, end = token.doc, token.sent.end
    i, found, saw_and = _name_end(index, token.i, end), [], False
    while i + 1 < end:
        separator = doc[i + 1]
        if separator.is_punct and separator.text in ".!?" and i + 2 >= end:
            break
        if separator.text != "," and separator.lower_ != "and":
            return []
        i += 1
        if separator.text == "," and i + 1 < end and doc[i + 1].lower_ == "and":
            i += 1  # "..., and Solvik"
        saw_and = saw_and or doc[i].lower_ == "and"
        if i + 1 >= end or (i + 1) not in index.by_token:
            return []
        found.append(doc[i + 1])
        i = _name_end(index, i + 1, end)
    return found if saw_and else []


def _name_end(index: DocumentIndex, i: int, end: int) -> int:
    """The last token, before `end`, of the name that token `i` starts."""
    while i + 1 < end and index.by_token.get(i + 1) == index.by_token[i]:
        i += 1
    return i


def _opening_name(sentence, index: DocumentIndex) -> str | None:
    """The entity a sentence opens with: its topic, even where the parser found no subject
    ("Skyforge: Harbour Run, known in Japan as Sky Rush, is a racing game")."""
    first = sentence[1] if sentence[0].lower_ == "the" and len(sentence) > 1 else sentence[0]
    return index.by_token.get(first.i)


def _past_tense(verb) -> bool:
    """ "joined", "was acquired", "had joined": done, whatever "later" says of when."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)


def _years_from_to(token) -> bool:
    """A role given a start and an end: "chief executive from 1991 to 2009"."""
    froms = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"]
    if not froms:
        return False
    ends = [t for t in token.subtree if t.dep_ == "prep" and t.lower_ in {"to", "until"}]
    return any(o.ent_type_ == "DATE" for p in froms + ends for o in p.children
               if o.dep_ == "pobj") and bool(ends)


def _spoken_of_again(noun) -> bool:
    """ "the family-owned toolmaker": a definite common noun that says no more of whose it is
    (unlike "the cabinet of Thailand")."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in
                                       noun.children) and not any(c.dep_ == "prep"
                                                                  for c in noun.children)


def _of_department(noun) -> bool:
    """ "head of hardware at Halcyra", "Aurelle's head of design": the role is over a part,
    written as a bare noun, not the firm ("unit of the carmaker" is the carmaker's)."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and o.pos_ == "NOUN" and o.ent_type_ == ""
        and not any(c.dep_ in {"det", "poss"} for c in o.children) for o in p.children)
        for p in noun.children)


def _qualified(noun) -> bool:
    """ "the accounting-software maker": a noun that says which kind it is may not be the
    last one described as a maker ("Quillon, a maker of optical switches"); "the
    Montreal-based publisher" says where it is, not which kind."""
    return any(c.dep_ in {"compound", "amod"} and c.i < noun.i
               and any(t.text == "-" for t in c.subtree)
               and not any(t.lower_ in {"based", "headquartered"} for t in c.subtree)
               for c in noun.children)


def _elaborated(noun) -> bool:
    """ "the Osaka-based company", "the Dutch utility": a definite description that adds a fact
    introduces what was just named, not the story's main company."""
    return any(c.dep_ == "amod" and c.tag_ == "VBN" or c.dep_ == "amod" and any(
        g.dep_ == "npadvmod" for g in c.children) for c in noun.children)


def _called(noun, index: DocumentIndex) -> str | None:
    """ "its own sorting robots, called Sorta": the name a noun is given."""
    return next((index.by_token[o.i] for verb in noun.children  # (not "code-named Avocado")
                 if verb.dep_ == "acl" and verb.lower_ in {"called", "dubbed", "branded"}
                 and not any(c.lower_ in {"code", "internally"} for c in verb.children)
                 for o in verb.children if o.dep_ == "oprd" and o.i in index.by_token), None)


def _adjective_as_noun(token) -> bool:
    """ "founded by the haulier Dennis Hollins": the tagger's adjective heading a phrase with an
    article and a name in apposition is a noun."""
    return token.pos_ == "ADJ" and token.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass"} \
        and any(c.dep_ == "det" for c in token.children) \
        and any(c.dep_ == "appos" for c in token.children)


def _name_right_after(noun, index: DocumentIndex) -> str | None:
    """The name written straight after a describing noun, its own name ("the developer
    Helioterra"), unless the parser made the noun a modifier of something else."""
    following = noun.i + 1
    if following >= len(noun.doc) or following not in index.by_token \
            or noun.dep_ in {"compound", "nmod", "amod", "poss"}:
        return None
    key = index.by_token[following]
    root = index._root(following, key)  # "the company Elon Musk founded": a clause's
    after = root.right_edge.i + 1  # subject, not the noun's name
    clause_subject = root.head.dep_ in {"relcl", "acl"} and root.head.head == noun
    clause_after = after < len(noun.doc) and noun.doc[after].dep_ in {"relcl", "acl"} \
        and noun.doc[after].head == noun
    if clause_subject or clause_after:
        return None
    return key if index.by_token.get(noun.i) != key else None


def _trailing_name(noun, index: DocumentIndex) -> str | None:
    """ "Headed by the firm's $15bn acquihire, Jo Berg.": the parser hangs the closing name on
    the verb; a name right after the noun's comma that ends the sentence is its apposition."""
    doc, comma = noun.doc, noun.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != "," or comma + 1 not in index.by_token:
        return None
    key = index.by_token[comma + 1]
    root = index._root(comma + 1, key)
    if root.dep_ not in {"npadvmod", "appos", "dep"} or root.head not in noun.ancestors:
        return None
    after = root.right_edge.i + 1
    if after < root.sent.end and not doc[after].is_sent_end and doc[after].text not in ".!?":
        return None
    return key


def _trade_word(word) -> bool:
    """ "an Independent Film and Media company": a capitalised dictionary word the tagger
    calls an organisation's, and no gazetteer a place, names the trade, not the town."""
    return word.ent_type_ == "ORG" and word.text not in place_names() \
        and word.lower_ in common_words(("noun", "adj"))


def _city_before(place):
    """ "the Austin, Texas-based chipmaker": the most specific place, the one before the comma."""
    comma = place.left_edge.i - 1
    if comma > 0 and place.doc[comma].text == "," and place.doc[comma - 1].pos_ == "PROPN":
        return place.doc[comma - 1]
    for child in place.children:  # "an Austin, Texas, chipmaker": Austin hangs on Texas
        if child.i < place.i and child.dep_ in {"nmod", "compound", "appos"} \
                and child.pos_ == "PROPN" and place.doc[child.i + 1].text == "," \
                and child.ent_type_ in syntax.PLACE_ENTS and place.ent_type_ in syntax.PLACE_ENTS:
            return child
    return place


def _slot_tokens(slot: str, token):
    if slot == "pobj":  # the trigger is a preposition: its object ("under Rolf Brenner")
        return [c for c in token.children if c.dep_ == "pobj"]
    if slot == "raiser":  # "raised €38m in a Series B round led by X": who raised the round
        return _slot_tokens("verb_subj", token.head) if token.dep_ == "acl" else []
    if slot == "verb_subj":  # "Quillstone sells Ferrodb through a partnership with X": the
        phrase = syntax.chain_top(token)  # doer of the verb the noun's phrase hangs on
        verb = phrase.head.head if phrase.dep_ == "pobj" else None
        if verb is not None and verb.pos_ == "NOUN" and verb.dep_ == "dobj":
            verb = verb.head  # "sells e-books in partnership with X": the phrase on the object
        return syntax.logical_subjects(verb) if verb is not None \
            and verb.pos_ in {"VERB", "AUX"} else []
    if slot == "governor":  # ... and what it hangs on: a noun, or the doer of a verb
        host = token.head  # ("Kagero Energy, under X, makes ...": Kagero Energy)
        if host.pos_ in {"VERB", "AUX"}:
            return syntax.logical_subjects(host)
        return syntax.of_objects(host) or [host]  # "deputy leader of the Labour Party under X"
    if slot == "subj":
        if token.pos_ == "ADJ" and (token.dep_ == "advcl" or token.dep_ == "acomp"
                                    and token.head.lemma_ != "be") and token.i >= 2 \
                and token.doc[token.i - 1].text == "," \
                and token.doc[token.i - 2].pos_ in {"NOUN", "PROPN"}:
            return [token.doc[token.i - 2]]  # "through the Acme Home app, available on iOS"
        if token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.i < token.i - 1 \
                and token.doc[token.i - 1].text == ",":
            return [token.head]  # "Its GridKeeper app, available on Android, lets ..."
        if token.pos_ == "ADJ" or token.dep_ == "acomp" and not any(  # but "X has been
                c.dep_ == "agent" for c in token.children):  # majority-owned by Y": Y
            # "X is available on Y", "X remains
            # based in Y": the copula's subject
            return syntax.logical_subjects(token.head) if token.head != token else []
        if syntax.misread_verb(token):
            return syntax.misread_subject(token)
        if syntax.verb_read_as_modifier(token):
            return [token.head.head]
        return syntax.logical_subjects(token)
    if slot == "obj" and syntax.misread_verb(token):
        return syntax.misread_object(token)
    if slot == "obj" and syntax.verb_read_as_modifier(token):
        return [token.head]
    if slot == "where":  # "set up X in Bergen, where it is still based": Bergen
        return [token.head] if token.dep_ == "relcl" and any(
            c.dep_ == "advmod" and c.lower_ == "where" for c in token.children) else []
    if slot == "has":  # "Acme has two subsidiaries: X and Y", "owns three studios"
        if token.dep_ == "dobj" and token.head.lemma_.lower() in {"have", "own", "operate"}:
            return syntax.logical_subjects(token.head)
        return []
    if slot == "creators":  # "X, Y and Z launched the Trivela Alliance, a partnership that"
        made = syntax.apposition_target(token) if token.dep_ == "appos" else token
        verb = made.head
        if made.dep_ == "dobj" and verb.lemma_.lower() in typing_cues().creation_verbs:
            return syntax.logical_subjects(verb)
        return []
    if slot == "doer":  # "Acme made an investment in Y", "paid $2bn for a stake", "raised from"
        if token.dep_ == "dobj":
            return syntax.logical_subjects(token.head)
        bought = token.dep_ == "pobj" and token.head.lower_ in {"for", "from"}  # "raised from"
        if bought and token.head.head.pos_ == "VERB":
            return syntax.logical_subjects(token.head.head)
        through = token.dep_ == "pobj" and token.head.lower_ in {"through", "via", "under"}
        if through and token.head.head.pos_ == "VERB":  # "X rents pumps out through a
            return syntax.logical_subjects(token.head.head)  # partnership with Y": X
        return []
    if slot == "compound":  # "a London law firm": London; "an Austin, Texas, chipmaker": Austin
        modifiers = [token, *(c for c in token.children  # "the Amsterdam delivery group"
                              if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < token.i)]
        found = [_city_before(c) for m in modifiers for c in m.children
                 if c.dep_ in {"compound", "nmod"} and c.i < m.i and c.pos_ == "PROPN"
                 and not _trade_word(c)]
        if not found and token.dep_ == "compound" and token.head.pos_ == "PROPN":
            found = [_city_before(c) for c in token.head.children  # "the Kansas City
                     if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i  # broker
                     and (c.ent_type_ in syntax.PLACE_ENTS  # Keel & Strand", all hung on Keel;
                          or c.text in place_names())]  # "the Belfast start-up Dockhand" too)
        return found
    if slot == "npadvmod":  # "the Paris-based developer": Paris
        return [_city_before(c) for c in token.children if c.dep_ in {"npadvmod", "compound"}
                and (c.pos_ == "PROPN" or c.pos_ == "NOUN" and c.is_title)]
    if slot == "obj":
        return syntax.logical_objects(token)
    if slot == "titled":  # "the rival yard Brattvik Verft", "rival carmaker Zentor Motors",
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if token.pos_ == "NOUN" and token.tag_ == "NNS" and following is not None \
                and following.pos_ == "PROPN" and following.head == token \
                and not any(c.dep_ in {"det", "poss"} for c in token.children):
            return [following]  # "lost share to rivals Matland and Kornmo"
        noun = token.head if token.dep_ == "amod" else None  # "approached rival Nimbra Logic"
        if noun is None or noun.pos_ == "PROPN":
            return [noun] if noun is not None else []
        return [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"] \
            + ([noun.head] if noun.dep_ == "compound" and noun.head.pos_ == "PROPN" else [])
    if slot == "modified":  # "the model, code-named Avocado" -> model
        if token.dep_ in {"acl", "relcl", "amod"}:
            return [_based_thing(token) if token.lemma_ in _LOCATING else token.head]
        if token.dep_ == "conj" and token.head.dep_ in {"acl", "relcl"}:
            return [token.head.head]
        edge = token.left_edge.i
        if token.dep_ == "advcl" and edge >= 2 and token.doc[edge - 1].text == "," \
                and token.doc[edge - 2].head.i < edge - 1 \
                and token.doc[edge - 2].pos_ in {"PROPN", "NUM"}:  # "released Halyard 2.0,
            named = token.doc[edge - 2]  # code-named Bowline, in 2016": the parser hangs
            while named.dep_ in {"nummod", "compound"} and named.head.i < edge:  # the
                named = named.head  # participle on the verb, after the name and its comma
            return [named]
        return [c for c in token.children if c.dep_ == "nsubjpass"]
    if slot == "oprd":
        return [c for c in token.children if c.dep_ in {"oprd", "dobj", "attr", "appos"}]
    if slot == "holder":
        return list(syntax.holders(token))
    if slot.startswith("prep:"):
        word = slot[5:]
        objects = [c for c in token.children if c.dep_ in {"dobj", "attr"}]
        carriers = [token, *objects, *(c for o in objects for c in o.children  # "a 35% stake
                                       if c.dep_ == "conj" and c.pos_ == "NOUN")]  # in X and a
        # 10% stake in Y"
        if token.dep_ == "dobj" and token.pos_ == "NOUN":  # "signed a deal with X": on the verb
            carriers.append(token.head)
        if token.dep_ == "acomp":  # "became available on X": the parser hangs "on" on the verb
            carriers.append(token.head)
        if token.pos_ == "VERB":  # "is offered to business customers on X": on the customers
            carriers += [p for c in token.children if c.dep_ == "dative"
                         for p in c.children if p.dep_ == "pobj"]
        if word != "to":  # ("launched X as the successor to Y": Y is no platform)
            carriers += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "as"
                         for p in c.children if p.dep_ == "pobj"]  # "available as an app on Y"
        if token.dep_ == "compound" and (syntax.acts_as_verb(token) or token.head.pos_ == "NOUN"):
            carriers.append(token.head)  # "the default assistant on X": on the whole phrase
        if token.pos_ == "NOUN" and word == "with":  # "a partnership Acme signed with X": the
            carriers += [c for c in token.children if c.dep_ == "relcl"  # deal's own clause
                         and not any(t.lower_ == "whose" for t in c.subtree)]  # (not "a rival,
            # whose Sable arm competes with the R3": the rival's own thing)
        found = [pobj for carrier in carriers for prep in _first_in(syntax.prepositions(carrier))
                 for pobj in syntax.prepositional_objects(prep, word)]
        if not found and word == "from" and token.pos_ == "PROPN":  # "goes up against the
            hung = syntax.hung_after(token, word)
            found = syntax.prepositional_objects(hung, word) if hung is not None else []
        return found  # Vira 12 from Pellan Mobile": the parser hung "from" on the verb
    if slot.startswith("deep:"):  # "competes for contracts with retailers against X": a
        return [pobj for prep in token.subtree  # phrase the parser hung lower down
                if prep.dep_ == "prep" and prep.i > token.i and syntax.same_clause(prep, token)
                for pobj in syntax.prepositional_objects(prep, slot[5:])]
    return []


def _first_in(prepositions: list) -> list:
    """ "headquartered in Castelfidardo in the Marche region": of two "in" phrases on one
    word, the second says where the first is; only the first says where the thing is."""
    prepositions = list(prepositions)
    ins = [p for p in prepositions if p.lower_ == "in" and p.dep_ == "prep"]
    return [p for p in prepositions if p not in ins[1:]]


def _of_which(token):
    """The "which" of "both of which", "all of which", "each of which" (None elsewhere)."""
    if token.lower_ not in {"both", "all", "each"}:
        return None
    return next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.lower_ == "which"), None)


def _without_ending(label: str) -> str | None:
    """ "Varnvik Electronics" -> "Varnvik": a firm's name without its trade ending."""
    words = label.split()
    if len(words) > 1 and organisation_ending(label):
        return " ".join(words[:-1])
    return None


def _unique(arguments: list[Argument]) -> list[Argument]:
    best: dict[str, Argument] = {}
    for argument in arguments:
        if argument.entity not in best or argument.certainty > best[argument.entity].certainty:
            best[argument.entity] = argument
    return list(best.values())


def _names_a_place(words: list[str]) -> bool:
    """ "Europe", "of America", "UK": the rest of "Acme Europe", "Acme of America"."""
    rest = " ".join(words[1:] if words[:1] == ["of"] else words)
    return rest in place_names()


def _sentence_index(sentences, char: int) -> int:
    for sentence in sentences:
        if sentence.start <= char < sentence.end:
            return sentence.index
    return len(sentences) - 1


def _sequel_numeral(name: str) -> bool:
    """ "Ashen Tide II": a Roman numeral, which names sequels (a digit may number a family)."""
    return name.rsplit(" ", 1)[-1] in SEQUEL_NUMERALS


def _keep_best_per_sentence(fact: Fact) -> None:
    """Two rules firing on one sentence are one piece of evidence: keep the surer one."""
    best: dict[tuple[str, int], Evidence] = {}
    for ev in fact.evidence:
        key = (ev.doc_id, ev.start)
        if key not in best or ev.confidence > best[key].confidence:
            best[key] = ev
    fact.evidence = list(best.values())


_LOCATING = {"base", "headquarter", "headquartered"}


def _based_thing(verb):
    """ "Costa Tessuti, a specialist in technical fabrics based in Rimini": what is based is
    the specialist, not the fabrics the parser hung "based" on (a firm, not its goods)."""
    noun = syntax.conj_top(verb.head)  # "a maker of lenses and binoculars based in Aarau"
    if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" \
            and noun.head.head.dep_ in {"appos", "attr"} and noun.tag_ == "NNS":
        return noun.head.head
    if noun.pos_ == "ADJ" and noun.dep_ == "amod" and noun.head.pos_ == "PROPN":
        return noun.head  # "Basel-based rival Sarnex AG": the tagger's adjective "rival"
    return verb.head


_HOUSEHOLDS = {"family", "clan", "dynasty", "household", "heirs"}


def _household(noun) -> bool:
    """ "the Dravenau family" (but "the Tanager family of models" is a product line)."""
    return noun.lemma_.lower() in _HOUSEHOLDS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


_LED_VERBS = {"head", "lead", "run", "manage", "chair", "direct"}

SLOT_VOTE = 2.0


def slot_votes(parsed_docs: list[ParsedDocument], entities: dict[str, Entity]):
    """Typing from context: "X was developed by Y" says X is a product and Y an organisation.

    Every rule firing votes for the property's domain (head) and range (tail) when that is a
    single class. A slot that admits several classes votes afterwards, once the single-class
    votes have settled what the other side is (see `_union_vote`).
    """
    engine = RuleEngine(entities, check_types=False)
    sch = schema()
    silent = {rule.id for rule in engine.knowledge.rules if not rule.votes}
    tail_types = {rule.id: rule.tail_type for rule in engine.knowledge.rules if rule.tail_type}
    head_typed = {rule.id for rule in engine.knowledge.rules if rule.head_type}
    votes: list[tuple[str, str, float]] = []
    pending: list[tuple[str, str, str, tuple[str, ...]]] = []
    for parsed in parsed_docs:
        for fact in engine.extract(parsed):
            confidence = max(e.confidence for e in fact.evidence)
            if confidence < 0.5:
                continue
            weak = confidence < 0.6  # told through a pronoun ("It is available on iOS"): it
            # types only names nothing else types (see _union_vote)
            quiet = all(ev.rule in silent for ev in fact.evidence)
            if quiet and fact.predicate not in sch.symmetric:
                continue  # a loose trigger; but "his rival" pairs people, "its rival" firms
            guessed = all(ev.rule in tail_types and not sch.is_a(
                entities[fact.object].type, tail_types[ev.rule]) for ev in fact.evidence)
            # a tail that only may be of the rule's class ("Valve's Steam Deck") types the
            # tail, not the head: "the BBC's Delivering Quality First" is no product for it
            domain = engine.voting_domain(fact)
            range_ = sch.ranges.get(fact.predicate, ())
            if fact.predicate in sch.same_kind:
                domain = range_ = _shared_kind(domain, entities[fact.subject].type,
                                               entities[fact.object].type, sch)
            for key, other, classes, facing in ((fact.subject, fact.object, domain, range_),
                                                (fact.object, fact.subject, range_, domain)):
                if key == fact.subject and (guessed or all(
                        ev.rule in head_typed for ev in fact.evidence)):
                    continue  # a rule that needs its head's class says nothing new of it
                if _other_side_misfits(entities[other], facing, sch):
                    continue  # "available in Milan", "founded by Anand": a misread slot
                if len(classes) == 1 and not quiet and not weak:
                    votes.append((key, classes[0], SLOT_VOTE))
                elif len(classes) > 1 and ("Person" not in facing
                                           or entities[key].type == "Person"):
                    # a person leads countries and bands as well as firms: only a name the
                    # tagger took for a person is retyped ("Vinter is run by Marcus Ek")
                    pending.append((fact.predicate, key, other, classes))
    votes += [(key, cls, SLOT_VOTE) for key, cls in engine.lone_sides]  # "I co-founded X"
    tallies = {key: Counter(entity.votes) for key, entity in entities.items()}
    for key, cls, weight in votes:
        tallies[key][cls] += weight
    lone = [(predicate, key, None, classes)  # "it remains available on iOS, Android and
            for predicate, key, classes in engine.lone_union_sides]  # Steam", "it" not yet
    # known for a game: what is available on is still a platform
    for predicate, key, other, classes in [*pending, *lone]:
        if tallies[key] and vote(tallies[key]) == "Place" \
                and entities[key].label in place_names():
            continue  # "launched the service in Brno and Ostrava": towns, whatever "in" says
        votes += _union_vote(predicate, key, tallies[key],
                             tallies[other] if other else Counter(), classes, sch)
    return votes


def _other_side_misfits(other: Entity, facing: tuple[str, ...], sch) -> bool:
    """A fact whose other side is a known town or country where its slot takes no place
    ("Forkful is available in Milan": no platform) read a phrase the property does not fit;
    it types neither side."""
    return bool(facing) and other.type == "Place" and other.label in place_names() \
        and not any(sch.is_a("Place", cls) for cls in facing)


def _shared_kind(classes: tuple[str, ...], head: str, tail: str, sch) -> tuple[str, ...]:
    """The one class a same-kind fact ("Otto 2 succeeds Otto") gives both its sides: the
    union's first member, unless both sides already are of a later one (two companies)."""
    later = [c for c in classes[1:] if sch.is_a(head, c) and sch.is_a(tail, c)]
    return (later[0] if later else classes[0],)


def _union_vote(predicate: str, key: str, tally: Counter, other: Counter,
                classes: tuple[str, ...], sch) -> list[tuple[str, str, float]]:
    """A slot that admits several classes still says something about a name the tagger
    could not type, or typed on its own word only ("competes with Netflix", tagged a place):
    a symmetric relation pairs things of one kind, so it takes the other side's class; any
    other takes the slot's first class ("available on iOS and Windows": products)."""
    own = vote(tally) if tally else None
    if (own and any(sch.is_a(own, c) for c in classes)) or sum(tally.values()) > SLOT_VOTE:
        return []
    if predicate not in sch.symmetric:
        return [(key, classes[0], SLOT_VOTE)]
    kind = vote(other) if other else None
    return [(key, kind, SLOT_VOTE)] if kind and any(sch.is_a(kind, c) for c in classes) else []


def extract_facts(parsed_docs: list[ParsedDocument], entities: dict[str, Entity],
                  literals: list[Fact] = (), indexes: list[DocumentIndex] | None = None
                  ) -> list[Fact]:
    """Facts from every document, merged: one Fact per (subject, property, object).

    `literals` (kg.literals) add what their sums of money state between entities: an
    Investment with an investor and an investee ("X led a $60M round in Y") is X investedIn Y.
    `indexes`, one per document, share the mention index built for the literals.
    """
    engine = RuleEngine(entities)
    merged: dict[tuple[str, str, str], Fact] = {}
    indexes = indexes or [None] * len(parsed_docs)
    stated = [f for parsed, index in zip(parsed_docs, indexes, strict=True)
              for f in engine.extract(parsed, index)]
    for fact in [*stated, *_invested(literals, engine)]:
        key = (fact.subject, fact.predicate, fact.object)
        if key in merged:
            merged[key].evidence.extend(fact.evidence)
        else:
            merged[key] = fact
    for fact in _implied(list(merged.values()), engine):
        key = (fact.subject, fact.predicate, fact.object)
        if key in merged:
            merged[key].evidence.extend(e for e in fact.evidence
                                        if e not in merged[key].evidence)
        else:
            merged[key] = fact
    for fact in merged.values():  # a rule and a sum of money on one sentence: one evidence
        _keep_best_per_sentence(fact)
    return _most_specific(list(merged.values()), engine.knowledge.supersedes)


def _invested(literals: list[Fact], engine: RuleEngine) -> list[Fact]:
    """investedIn facts from the parties of each stated investment (kg:investor, kg:investee)."""
    parties: dict[str, dict[str, list[Fact]]] = {}
    for fact in literals:
        if fact.predicate in {"investor", "investee"} and fact.datatype is None:
            parties.setdefault(fact.subject, {}).setdefault(fact.predicate, []).append(fact)
    found = []
    for roles in parties.values():
        for investor in roles.get("investor", []):
            for investee in roles.get("investee", []):
                if engine._fits("investedIn", investor.object, investee.object) \
                        and investor.object != investee.object:
                    evidence = [replace(ev, rule=f"implied:{ev.rule}") for ev in investor.evidence]
                    found.append(Fact(investor.object, "investedIn", investee.object, evidence))
    return found


def _implied(facts: list[Fact], engine: RuleEngine) -> list[Fact]:
    """Facts that stated ones imply (ontology/relations.toml [[implies]]), one step only."""
    implied = []
    by_rule: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for fact in facts:  # (predicate, object) -> (rule, subject), for `superseded_by`
        by_rule[fact.predicate, fact.object].update((ev.rule, fact.subject)
                                                    for ev in fact.evidence)
    for fact in facts:
        for rule in engine.knowledge.implications:
            if rule.when != fact.predicate:
                continue
            subject, obj = (fact.object, fact.subject) if rule.reverse else (fact.subject,
                                                                            fact.object)
            if not engine._fits(rule.then, subject, obj) or rule.subject_type and not \
                    may_be(engine.entities[subject].type, rule.subject_type) \
                    or any(rule_id in rule.superseded_by and other != fact.subject
                           for rule_id, other in by_rule[fact.predicate, fact.object]):
                # "Acme bought Harcourt in 1994 ... sold it in 2006 to Trenton": Trenton owns it
                continue
            names = engine.entities[subject].names
            evidence = [replace(ev, confidence=round(ev.confidence * rule.confidence, 3),
                                rule=f"implied:{ev.rule}") for ev in fact.evidence
                        if (not rule.requires or _uses_word_after(ev.sentence, names,
                                                                  rule.requires))
                        and not (rule.unless and _ended(ev.sentence, rule.unless, fact, engine))]
            if evidence:
                implied.append(Fact(subject, rule.then, obj, evidence))
    return implied


def _ended(sentence: str, words: frozenset[str], fact: Fact, engine: RuleEngine) -> bool:
    """The sentence ends what `fact` states with one of `words` ("closed", "merged") right
    after its object's name, or just after its subject's ("sold to Brdy, which merged it")."""
    return _uses_word_after(sentence, engine.entities[fact.object].names, words,
                            within=_CLAUSE_WORDS) \
        or _uses_word_after(sentence, engine.entities[fact.subject].names, words,
                            within=_NEAR_WORDS)


_CLAUSE_WORDS = 14  # "bought X in 2012 for a sum reported at $90 million and shut it down",
# not "acquired X, and in 2013 it bought Y, which it closed"
_NEAR_WORDS = 6  # "was sold to the Prague-based Brdy Pojistovna, which merged it into ..."


def _uses_word_after(sentence: str, names, words: frozenset[str], within: int | None = None
                     ) -> bool:
    """One of `words` after the first of `names` in the sentence: "X, which Y bought and runs
    as a subsidiary" (not "the division acquired X", "its division, X, was sold to Y"); only
    the `within` words after the name, if given."""
    found = [sentence.find(n) for n in names if n and n in sentence]
    rest = sentence[min(found) if found else 0:].split()
    return any(w.strip(".,;:()\"'").lower() in words for w in rest[:within])


def _most_specific(facts: list[Fact], supersedes: dict[str, frozenset[str]] | None = None
                   ) -> list[Fact]:
    """Drop "leads" where "ceoOf" holds for the same pair: the sub-property already implies it.
    Drop a weaker fact an asserted stronger one supersedes (relations.toml [supersedes]): a
    parent's "stake" in its subsidiary is its ownership, not an investment."""
    supers = schema().super_properties
    implied = {
        (fact.subject, sup, fact.object)
        for fact in facts for sup in supers.get(fact.predicate, ())
    }
    implied |= {(fact.subject, weaker, fact.object) for fact in facts if fact.asserted
                for weaker in (supersedes or {}).get(fact.predicate, ())}
    return [f for f in facts if (f.subject, f.predicate, f.object) not in implied]
