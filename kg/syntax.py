"""The dependency grammar the relation rules stand on.

Who does what a verb says (active, passive, relative clauses, participles, object control),
what a role noun describes (appositions, compounds, copulas, "as" phrases), the members of a
list, and the parser's usual slips on news text (a verb read as a plural noun, an apposition
hung on the wrong word, a closing name hung on the verb). Functions of spaCy tokens only:
which entity a token names is kg.facts' business.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import LEMMA, POS
from spacy.symbols import ADJ, NOUN, NUM, PROPN

from kg.knowledge import typing_cues
from kg.places import place_names

RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
SUBJECT_DEPS = {"nsubj", "csubj"}
ANY_VOICE_SUBJECT_DEPS = SUBJECT_DEPS | {"nsubjpass"}  # "she was born": a subject too
COPULAS = frozenset({"be", "remain"})  # verbs that say what their subject is
OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
DEFINITE = {"the", "this", "that", "its", "their", "these", "those"}
PERSONAL = {"he", "she", "him", "her", "his"}
SERVING = {"run", "serve", "work", "act", "remain", "stay", "continue", "lead", "join",
            "return", "take", "operate", "function", "trade"}
# ("X serves as CEO", "X operates as a unit of Y": the subject holds the role)
SUCCEEDING = {"succeed", "replace"}  # "X succeeded Y as CEO": X holds the title now
SPEECH_VERBS = {"say", "tell", "add", "note", "state", "write", "comment"}  # "..., X said"
NAMING = {"name", "appoint", "make", "elect", "promote", "hire", "pick", "tap"}
PARTITIVE = {"one", "some", "many", "several", "two", "three", "each", "all", "most"}
PLACE_ENTS = {"GPE", "LOC"}


def reads_as_verb(token) -> bool:
    """A verb, or a verb that gives someone a title where a headline's tagger read it as a
    noun ("Vantmark names Daucourt chief executive")."""
    return token.pos_ == "VERB" or (token.lemma_.lower() in NAMING and token.tag_ == "NNS")


def common_noun(token) -> bool:
    """A noun, or a lower-case word the tagger took for a name ("their start-up, Loamwise")."""
    return token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.is_lower


def described(noun):
    """What a common noun is said of: "X, a company" (apposition), "X is a company" (copula)."""
    if noun.pos_ != "NUM" and not common_noun(noun):
        return []
    children = list(noun.children)
    named = [c for c in children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if named:  # "its assistant, Meta AI" (not "a model Loamwise trained")
        doers = {t.i for v in children for t in _subject_read_as_apposition(v)}
        named = [c for c in named if c.i not in doers]
    if named:
        return named
    called = [c for verb in children if verb.dep_ == "acl" and verb.lemma_ in _NAMING_VERBS
              and (_indefinite(noun) or not any(w.lower_ == "code" for w in verb.children))
              for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]
    if called:  # "a third model, code-named Bittern", "an app called FieldLedger"; but "the
        return called  # new model, code-named Avocado" is one named before
    if noun.dep_ == "appos":
        return [apposition_target(noun)]
    if noun.dep_ == "attr" and noun.head.lemma_ in COPULAS:
        return [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS] \
            or lost_subject(noun.head)
    return misattached_apposition(noun)  # "competes with Brief, the model ...": hung on the verb


_NAMING_VERBS = frozenset({"name", "call", "dub", "code-name", "codename", "brand"})


def _indefinite(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def lost_subject(be) -> list:
    """ "Beyond Good & Evil is a game": a title the parser read as a phrase ("Beyond" a
    preposition) leaves "is" with no subject; the name written just before it is one."""
    if any(c.dep_ in ANY_VOICE_SUBJECT_DEPS for c in be.children) or be.i == be.sent.start:
        return []
    before = be.doc[be.i - 1]
    return [before] if before.pos_ == "PROPN" and before.i > be.sent.start else []


def acts_as_verb(token) -> bool:
    """A verb the tagger took for a noun: "Muse Spark will power queries" (an auxiliary), or
    "Acme powers Widget" read as one noun phrase (names before and after a plural head)."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children) or misread_verb(token)


def misread_verb(token) -> bool:
    """ "Acme powers Widget" or "Acme competes with X" read as a plural noun with a name (or a
    capitalised word) before it, and a name or a preposition after it; or "Acme has 19 million
    users and competes with X", the verb read as the object's conjunct."""
    if token.tag_ in {"NNS", "VBZ"} and _verb_read_as_compound(token):
        return True
    if _verb_read_as_counted(token):
        return True
    if token.tag_ != "NNS" or not any(
            (c.pos_ == "PROPN" or c.dep_ == "prep") and c.i > token.i for c in token.children):
        return False
    return bool(misread_subject(token)) if token.dep_ == "ROOT" else _conjoined_to_object(token)


def _verb_read_as_compound(token) -> bool:
    """ "Wren 2 powers Quillpad, a note-taking app": one long name with "powers" inside."""
    return token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i \
        and bool(misread_subject(token))


def _verb_read_as_counted(token) -> bool:
    """ "Fathom 4 powers Ardent Chat": the model's number read as a count of "powers", and
    the name after it hung elsewhere."""
    doc = token.doc
    return token.tag_ == "NNS" and 2 <= token.i < len(doc) - 1 \
        and doc[token.i - 1].tag_ == "CD" and doc[token.i - 1].head == token \
        and doc[token.i - 2].pos_ == "PROPN" and doc[token.i + 1].pos_ == "PROPN"


def _name_from(token):
    """The last word of the name that starts at `token` (the parser's head of a name)."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
        token = token.head
    return token


def misread_object(token) -> list:
    """The thing a misread verb acts on: the name after it."""
    if _verb_read_as_compound(token):
        return [token.head]
    if _verb_read_as_counted(token):
        return [_name_from(token.doc[token.i + 1])]
    return [c for c in token.children if c.pos_ == "PROPN" and c.i > token.i][:1]


def _conjoined_to_object(token) -> bool:
    head = token.head
    return token.dep_ == "conj" and head.dep_ == "dobj" and head.head.pos_ in {"VERB", "AUX"} \
        and any(c.dep_ == "cc" for c in head.children)


def misread_subject(token) -> list:
    if _conjoined_to_object(token):
        return logical_subjects(token.head.head)
    if _verb_read_as_counted(token):
        return [token.doc[token.i - 2]]
    found = [c for c in token.children if c.i < token.i and (
        c.pos_ == "PROPN" or (c.dep_ in {"compound", "amod"} and c.text[:1].isupper())
        or c.dep_ == "nsubj")][-1:]  # "Halcyon 3 competes with": a subject makes it a verb
    if found or token.tag_ != "VBZ" or token.dep_ != "compound":
        return found
    before = token.doc[token.i - 1] if token.i else None  # "Tanager 3 now powers Tallybird":
    if before is not None and before.dep_ == "advmod" and before.head == token:  # the name
        before = token.doc[before.i - 1] if before.i else None  # the parser left behind
    if before is not None and before.dep_ == "nummod" and before.head.i < before.i:
        before = before.head
    return [before] if before is not None and before.pos_ == "PROPN" else []


def verb_read_as_modifier(token) -> bool:
    """ "Acme this week detailed Nova" parsed as the noun phrase "detailed Nova" hanging on
    "Acme": a past-tense verb as a name's modifier, the sentence's leading name its doer."""
    head, leading = token.head, token.head.head
    past = token.tag_ == "VBD" or (token.tag_ == "JJ" and token.lower_.endswith("ed"))
    return past and token.dep_ == "amod" and head.pos_ in {"PROPN", "NOUN"} \
        and head.i > token.i and leading.pos_ == "PROPN" and leading.dep_ == "ROOT" \
        and leading.i < token.i


def has_modifier(token, words: frozenset[str]) -> bool:
    near = [token.doc[i] for i in range(max(token.i - 3, 0), token.i)]
    # and the objects of its prepositions: "made under contract"
    phrases = [g for c in token.children if c.dep_ in {"prep", "dobj", "oprd"}
               for g in c.children  # "led its Series B": series; "named him the best coach"
               if c.dep_ == "prep" or g.dep_ == "compound" or (c.dep_, g.dep_) == ("oprd", "amod")]
    phrases += [p for c in token.children if c.dep_ == "dobj"  # "invested 1.1 billion euros
                for g in c.children if g.dep_ == "prep"  # in the Zwickau site": the parser
                for p in g.children if p.dep_ == "pobj"]  # hangs the phrase on the sum
    # and what the clause a participle hangs on acts on: "completed their merger on Tuesday,
    # creating Arvenna" (a merger forms no unit)
    governing = [c for c in token.head.children if c.dep_ in OBJECT_DEPS | SUBJECT_DEPS] \
        if token.dep_ == "advcl" and token.tag_ == "VBG" else []
    return any(t.lemma_.lower() in words or t.lower_ in words
               for t in [*token.children, *near, *phrases, *governing])


def is_anaphoric(token) -> bool:
    """ "the company", "the new model": singular, definite, not restricted by what follows."""
    if token.tag_ != "NN":
        return False
    children = list(token.children)
    if any(c.tag_ in {"JJS", "RBS"} or (c.dep_ == "prep" and c.lower_ in {"of", "from", "at"}
                                        and not _generic_complement(c))
           for c in children):  # "the oncology business at Roche" says which one itself
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in children)


def _generic_complement(prep) -> bool:
    """ "the maker of industrial valves": a kind of thing, not a named one, so the phrase still
    points back to a firm already named."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ == "of" and bool(objects) and all(
        o.tag_ in {"NNS", "NN"} and not any(c.dep_ in {"det", "poss"} for c in o.children)
        for o in objects)


def the_two(token) -> bool:
    """ "the two companies", "both firms", "the two" or "both" standing alone."""
    if token.lower_ == "two" and token.dep_ in SUBJECT_DEPS:
        return any(c.lower_ == "the" for c in token.children)
    if token.lower_ == "both" and token.dep_ in ANY_VOICE_SUBJECT_DEPS and not list(token.children):
        return True  # "Both are produced under contract by X"
    children = list(token.children)
    if any(c.dep_ in {"poss", "appos"} or c.lower_ == "other" for c in children):
        return False  # "Acme's two subsidiaries, X and Y": these two, named; "the two other
        # Acme stations": two not named yet
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in children)  # not "two rounds"
    return token.tag_ == "NNS" and any(
        (c.dep_ == "nummod" and c.lower_ == "two" and the)
        or (c.dep_ == "det" and c.lower_ == "both") for c in children)


def the_three(token) -> bool:
    """ "all three", "the three" standing alone, "the three companies", "all three labs"."""
    if token.lower_ == "three" and token.dep_ in SUBJECT_DEPS:
        return any(c.lower_ in {"the", "all"} for c in token.children)
    children = list(token.children)
    if any(c.dep_ in {"poss", "appos"} or c.lower_ == "other" for c in children):
        return False
    return token.tag_ == "NNS" and any(c.dep_ == "nummod" and c.lower_ == "three"
                                       for c in children) \
        and any(c.lower_ in {"the", "all"} for c in children)


def members(token) -> list:
    """A name and those coordinated with it. "Nimbora, a cloud provider, and Quillfield": the
    parser hangs Quillfield on "provider"; it is Nimbora's conjunct, not the provider's."""
    if token.dep_ == "appos" and token.pos_ == "NOUN":  # "a developer and publisher", not
        return [token, *(c for c in conjuncts(token) if c.pos_ != "PROPN"  # "..., and their
                         and not any(a.dep_ == "appos" for a in c.children))]  # sister, Lucy"
    stray = [c for appos in token.children if appos.dep_ == "appos" and appos.pos_ == "NOUN"
             for c in conjuncts(appos) if c.pos_ == "PROPN"]
    # "by the lens grinder Emil Halvard and the merchant Otto Fassler": the parser hangs the
    # second title on the first name
    stray += [c for appos in token.children if appos.dep_ == "appos" and appos.pos_ == "PROPN"
              for c in conjuncts(appos) if c.pos_ == "NOUN"
              and any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children)]
    # "Kallio Capital and Hoshino Industries" read as one name modified by the first
    folded = [c for c in token.children if c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN"
              and any(g.dep_ == "cc" for g in c.children)
              and not any(g.dep_ == "conj" and g.pos_ == "NOUN" for g in c.children)]
    # (but "chairperson Ben Ngubane and chief executive Brian Molefe": two people's titles)
    return [token, *conjuncts(token), *stray, *folded] if not _place_and_region(token) \
        else [token]


def titled_conjuncts(noun) -> list:
    """ "its chief executive, Priya Raghunathan, and chief technology officer Mateus Ferraz":
    the names listed after a title's holder with a title of their own, which do not share
    the first."""
    return [other for name in noun.children if name.dep_ == "appos"
            for other in conjuncts(name) if any(
                c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN" and c.i < other.i
                and typing_cues().heads.get(c.lemma_.lower()) == "Person"
                for c in other.children)]


def _place_and_region(token) -> bool:
    """ "headquartered in Halifax, Nova Scotia": a place the parser coordinates with the
    region after its comma, with no "and" anywhere, is one place, the first."""
    chain = [token, *conjuncts(token)]
    return token.ent_type_ in PLACE_ENTS and len(chain) == 2 \
        and not any(c.dep_ == "cc" for t in chain for c in t.children)


def conjuncts(token):
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from conjuncts(child)


def earlier_conjuncts(token) -> list:
    """`token` and the list members before it: a phrase on the last one may cover them all."""
    members = [token]
    while members[-1].dep_ == "conj" and members[-1].head != members[-1]:
        members.append(members[-1].head)
    return members


def coordinated(token):
    """The other members of the list `token` belongs to ("OpenAI, Anthropic and other rivals")."""
    first = token
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first == token:
        return []
    return [first]


def logical_subjects(verb):
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    resolved = []
    for subject in subjects:
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            resolved.append(clause_antecedent(verb))
        else:
            resolved.append(subject)
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        # "funded by X and by Y": the second "by" is the first one's conjunct, or the verb's
        more = [c for c in (*agent.children, *verb.children)
                if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ == "by"]
        for by in (agent, *more):
            resolved.extend(t for t in by.children if t.dep_ == "pobj")
        # "founded by Jo Roe, a lawyer, and Ray Ortega": the parser hangs the last name on the verb
        resolved.extend(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                        and c.i > agent.i)
    if not resolved and (any(c.dep_ == "auxpass" for c in verb.children) or (
            verb.dep_ == "conj" and verb.tag_ == "VBN"  # "is developed in-house but built
            and any(c.dep_ == "auxpass" for c in verb.head.children))):  # under contract by X"
        resolved.extend(_agent_on_object(verb))  # "made under contract by X"
    if not resolved:
        resolved.extend(_shared_agent(verb))  # "developed and published by X"
    if not resolved and main_verb_read_as_participle(verb):
        resolved.append(verb.sent.root)
    if not resolved and verb.dep_ == "acl" and verb.tag_ == "VBG":
        resolved.append(verb.head)
    if not resolved:
        resolved.extend(_subject_read_as_apposition(verb))
    if not resolved and verb.dep_ == "relcl" and verb.head.dep_ == "ROOT" \
            and verb.head.pos_ == "PROPN" and verb.tag_ in {"VBD", "VBZ"}:
        resolved.append(verb.head)  # "Acme, the Zurich lab, on Thursday released X": the
        # parser made the sentence's verb a relative clause on its subject
    if not resolved and verb.dep_ == "acl" and verb.tag_ == "VB" \
            and verb.head.dep_ == "dobj" and verb.head.head != verb.head:
        resolved.extend(logical_subjects(verb.head.head))  # "Acme held talks to buy X": Acme
    if not resolved and verb.dep_ == "xcomp" and verb.head != verb:
        # "Acme hired Berg to lead the lab": the hired one leads (object control)
        controller = [c for c in verb.head.children if c.dep_ == "dobj"]
        resolved.extend(controller or logical_subjects(verb.head))
    if not resolved and verb.dep_ == "conj":
        resolved.extend(_conjunct_of_relative_clause(verb))
    if not resolved:
        resolved.extend(_made_for_a_purpose(verb))
    if not resolved and verb.dep_ in {"conj", "advcl"} and verb.head != verb \
            and not _bare_participle(verb):
        resolved.extend(_surface_subjects(verb) or logical_subjects(verb.head))
    if not resolved and verb.dep_ == "ROOT" and verb.tag_ in {"VBD", "VBZ", "VBP"}:
        resolved.extend(_subject_in_fronted_clause(verb) or _subject_after_fronted_phrase(verb))
    if not resolved and not any(c.dep_ == "auxpass" for c in verb.children):
        resolved.extend(_subject_read_as_adverb(verb))
    return resolved


_MAKING_VERBS = frozenset({"build", "design", "make", "create", "develop", "train", "engineer"})


def main_verb_read_as_participle(verb) -> bool:
    """ "Nimbus Systems, which builds Nimbus Cloud, invested in our Series A": the parser made
    the sentence's only verb a participle on the noun before it, and the sentence's subject
    its root. A sentence needs a verb, so this one is the main verb, of that subject."""
    root = verb.sent.root
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i > 0 \
        and verb.doc[verb.i - 1].text == "," and root.pos_ in {"NOUN", "PROPN"} \
        and root.i < verb.i and not any(c.dep_ in {"auxpass", "agent"} for c in verb.children)


def _made_for_a_purpose(verb) -> list:
    """ "We built Cadenza 3 to compete with Murmur 2": the purpose of making a thing is the
    thing's own doing, so the infinitive's subject is what was made, not its maker."""
    if verb.dep_ != "advcl" or verb.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            or verb.head.lemma_.lower() not in _MAKING_VERBS:
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]


def _conjunct_of_relative_clause(verb) -> list:
    """ "released X, which has replaced Y and now powers Z": the parser joins "powers" to the
    main verb, but a finite verb right after "and" that ends a "which" clause continues that
    clause, and what "which" stands for is its subject."""
    cc = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None  # ("and now")
    if cc is None or cc.dep_ != "cc" or verb.tag_ not in {"VBZ", "VBD", "VBP"} \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    before = verb.doc[cc.i - 1]
    clause = next((a for a in (before, *before.ancestors)
                   if a.dep_ == "relcl" and verb.head.i < a.i < cc.i), None)
    if clause is None or clause.right_edge.i not in {before.i, cc.i} or not any(
            c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS for c in clause.children):
        return []
    return [located_thing(clause.head)]


def _subject_read_as_adverb(verb) -> list:
    """ "Since October Ledgerly has been powered by Tally": after an opening date the parser
    takes the name for an adverb of the verb; a name before the verb's auxiliary is its
    subject."""
    return [c for c in verb.children
            if c.pos_ == "PROPN" and c.dep_ in {"advmod", "npadvmod"} and c.i < verb.i
            and any(a.dep_ in {"aux", "auxpass"} and a.i > c.i for a in verb.children)][:1]


def _subject_after_fronted_phrase(verb) -> list:
    """ "In the synthesizer market Korvalis competes with X": with no comma after the opening
    phrase, the parser hangs the name on the phrase's noun; it is the verb's subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.pos_ != "PROPN" or before.dep_ not in {"appos", "compound"}:
        return []
    name = before if before.dep_ == "appos" else before.head
    if name.i > verb.i or name.dep_ != "appos" or name.head.dep_ != "pobj":
        return []
    phrase = name.head.head
    return [name] if phrase.dep_ == "prep" and phrase.head == verb and phrase.i < name.i else []


def _subject_in_fronted_clause(verb) -> list:
    """ "When Acme decided to spin the work off into a business, Roe and Ng, its research
    chief, co-founded X": the parser ends the "when" clause with the names, joined to its
    last noun, and leaves the main verb without a subject."""
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i):
        for token in clause.subtree:
            if token.pos_ == "PROPN" and token.dep_ in {"conj", "appos"} \
                    and token.head.pos_ == "NOUN" \
                    and after_comma(token, token.head):
                return [token, *conjuncts(token)]
    return []


def _surface_subjects(verb) -> list:
    """ "It was founded by X and has been a subsidiary of Y since 2017": an active verb joined
    to a passive one shares its grammatical subject ("it"), not its "by" agent."""
    finite = verb.tag_ in {"VBZ", "VBP"} or any(c.dep_ == "aux" for c in verb.children)
    if verb.dep_ != "conj" or not finite or any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubjpass"]


def _agent_on_object(verb):
    """A passive's "by" phrase the parser hung on the verb's prepositional object."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            named = [pobj, *(c for c in pobj.children if c.dep_ == "appos")]  # "under the
            for noun in named:  # code name Tidewater by X": on the name the phrase gives
                for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
                    yield from (c for c in by.children if c.dep_ == "pobj")


def _participle_read_past(verb) -> bool:
    """ "a game developed and published by X": a participle the tagger read as a past tense
    (VBD) that has no subject and shares a later participle's "by" phrase."""
    return verb.tag_ == "VBD" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
        and (bool(_shared_agent(verb)) or any(c.dep_ == "agent" for c in verb.children))
    # ("a game developed primarily by X and published by Y": a "by" phrase of its own)


def _shared_agent(verb):
    """ "a game developed and published by X": the parser gives the "by" phrase to the last
    participle only; a bare first one (nothing hangs on it but the conjunction) shares it.
    "founded in 1990 and acquired by X" is another matter: the first has a phrase of its own.
    A subject and a "was" ("X was designed and assembled by Y") belong to the pair, not it."""
    if verb.tag_ not in {"VBN", "VBD"} or verb.dep_ not in {"acl", "relcl", "ROOT", "conj"} \
            or any(c.dep_ not in {"cc", "conj", "advmod", "punct", "nsubjpass", "auxpass"}
                   for c in verb.children):
        return []
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"):
        for agent in (c for c in conj.children if c.dep_ == "agent"):
            return [t for t in agent.children if t.dep_ == "pobj"]
    return []


def _bare_participle(verb) -> bool:
    """ "Developed in-house, the X5 is assembled by Foxconn": a passive participle opening the
    sentence, with no subject or auxiliary of its own, does not share the main verb's doer."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux"} for c in verb.children)


def _subject_read_as_apposition(verb) -> list:
    """ "a model Loamwise trained", "the first robot Corvane shipped": a clause with no
    relative word, whose subject the parser hung on the noun as an apposition and whose verb
    it made a modifier of that noun. The name is the doer; the noun is what was done to."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or verb.i == 0:
        return []
    name = verb.doc[verb.i - 1]
    while name.head != noun and name.head.pos_ == "PROPN" and name.head.i < verb.i:
        name = name.head  # the name's last word is its head; an earlier word may be read so
    between = verb.doc[noun.i + 1:name.left_edge.i]
    if name.pos_ != "PROPN" or name.head != noun or name.dep_ not in {"appos", "compound"} \
            or name.i < noun.i or any(t.is_punct for t in between):
        return []
    return [name]


def subject_read_as_apposition(name) -> bool:
    """Whether the parser hung this name, the subject of a clause on a noun ("a model
    Loamwise trained"), on that noun as an apposition."""
    return any(name in _subject_read_as_apposition(v) for v in name.head.children)


def logical_objects(verb):
    """What a verb acts upon: its object, a passive subject, the noun a relative clause or a
    passive participle hangs on. "a model we trained ourselves": the model, not "ourselves"."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.dep_ != "oprd"
               and not c.lower_.endswith(("self", "selves"))]
    if verb.dep_ == "relcl" and any(c.dep_ in {"nsubjpass", "dobj"}
                                    and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        objects = [verb.head]
    if not objects and verb.dep_ == "acl" and (verb.tag_ == "VBN" or _participle_read_past(verb)) \
            and not main_verb_read_as_participle(verb):
        objects.append(_participle_noun(verb))
    if not objects and _subject_read_as_apposition(verb):
        objects.append(verb.head)  # "a model Loamwise trained": the model
    if not objects and any(c.dep_ == "auxpass" for c in verb.children):
        objects.extend(_subject_read_as_adverb(verb))  # "Since May X has been run by Y"
    if not objects and verb.dep_ == "ROOT" and verb.tag_ == "VBN" and not any(
        c.dep_ in SUBJECT_DEPS for c in verb.children
    ) and verb.sent.start > 0:  # "X is a new lab. Headed by Y." -> the thing just named
        objects.extend(last_nominal(verb.doc[verb.sent.start - 1].sent))
    if not objects and verb.dep_ == "advcl" and verb.tag_ == "VBN":
        objects.extend(c for c in verb.head.children  # "Built by X, it ...": it
                       if c.dep_ in ANY_VOICE_SUBJECT_DEPS)
    if not objects and verb.dep_ == "acomp" and verb.tag_ == "VBN" \
            and verb.head.lemma_ == "be" and any(c.dep_ == "agent" for c in verb.children):
        objects.extend(c for c in verb.head.children  # "has been majority-owned by X",
                       if c.dep_ in ANY_VOICE_SUBJECT_DEPS)  # parsed as "been" + adjective
    if not objects and verb.dep_ == "relcl" and not any(
        c.lower_ in RELATIVE_PRONOUNS and not _object_that(c)
        or c.dep_ in {"ccomp", "xcomp"} or stranded(c)
        for c in verb.children
    ):  # "the company Musk founded": the noun is what the clause's verb acts on
        objects.append(verb.head)
    if not objects and verb.dep_ == "conj" and verb.head != verb:
        participle = _nearer_participle(verb)
        if participle is not None:  # "a chip designed by X and manufactured by Y": the chip
            return logical_objects(participle)
        passive = any(c.dep_ == "auxpass" for c in verb.children)  # "X grew and is made by Y"
        active_head = not any(c.dep_ == "auxpass" for c in verb.head.children)
        objects.extend(logical_subjects(verb.head) if passive and active_head
                       else logical_objects(verb.head))
    return objects


def _object_that(word) -> bool:
    """ "a model that Quillon developed": a "that" the tagger made a conjunction (or an
    adverb), before a subject of its own, stands for the object."""
    return word.lower_ == "that" and word.dep_ in {"mark", "advmod"} \
        and any(c.dep_ == "nsubj" and c.i > word.i for c in word.head.children)


def _nearer_participle(verb):
    """ "The device is powered by the V7, a processor designed by X and manufactured by Y":
    the parser joins "manufactured" to the main verb; a bare participle right after another
    one's phrase is that participle's conjunct."""
    if verb.tag_ != "VBN" or any(c.dep_ in {"auxpass", "aux"} for c in verb.children):
        return None
    cc = verb.doc[verb.i - 1]
    if cc.lower_ not in {"and", "or"}:
        return None
    return next((t for t in verb.doc[verb.head.i + 1:cc.i]
                 if t.dep_ == "acl" and t.tag_ == "VBN" and t.right_edge.i == cc.i - 1), None)


def pronoun_subject(verb, people: bool = False) -> bool:
    """The clause's subject is "it" or "they" ("he", "she" or "they" for `people`): the
    sentence continues an earlier topic."""
    pronouns = {"he", "she", "they"} if people else {"it", "they"}
    return any(c.dep_ in ANY_VOICE_SUBJECT_DEPS and c.lower_ in pronouns
               for c in verb.children)


def same_clause(token, verb) -> bool:
    """Whether `token` belongs to `verb`'s clause: climbing from it reaches `verb` before any
    verb with a subject of its own ("agreed to buy Tillway": yes; "..., and Acme holds a stake
    in Tillway": no)."""
    current = token
    while current.head != current:
        current = current.head
        if current == verb:
            return True
        if current.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECT_DEPS
                                                   for c in current.children):
            return False
    return False


def clause_subjects(token) -> set[int]:
    """Token positions of the subject of the clause `token` sits in: "Acme made an investment
    in the startup" - "the startup" is not Acme (a description does not mean its own subject)."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb == token:
        return set()
    return {s.i for s in verb.children if s.dep_ in SUBJECT_DEPS}


def fronted_description(pronoun) -> set[int]:
    """Token positions of another subject phrase of the verb a subject pronoun belongs to:
    "The daughter of politician X, she was born in Tunis" names X only to describe "she"."""
    if pronoun.pos_ != "PRON" or pronoun.dep_ not in ANY_VOICE_SUBJECT_DEPS:
        return set()
    return {t.i for s in pronoun.head.children
            if s.dep_ in ANY_VOICE_SUBJECT_DEPS and s.i < pronoun.i for t in s.subtree}


def doers_of_clause(token) -> list:
    """The doers of the verb a noun hangs on, control included ("Acme agreed to buy the
    maker": Acme)."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
        verb = verb.head
    return logical_subjects(verb) if verb.pos_ in {"VERB", "AUX"} and verb != token else []


def in_passive_subject(token) -> bool:
    """Whether the token is inside a passive clause's subject ("Its rival, X, is owned by Y")."""
    top = token
    while top.head != top and top.head.pos_ not in {"VERB", "AUX"}:
        top = top.head
    return top.dep_ == "nsubjpass"


QUOTES = {'"', "\u201c", "\u201d", "``", "''"}
SPEAKER = {"i", "we", "us", "our", "me", "my", "you", "your"}
WE = {"we", "us", "our", "my"}  # "my co-founder": of the speaker's organisation


def inside_quotes(token) -> bool:
    """An odd number of quotation marks before the token in its sentence."""
    sentence = token.sent
    return sum(t.text in QUOTES for t in sentence[: token.i - sentence.start]) % 2 == 1


def parenthesis_around(token) -> tuple[int, int] | None:
    """The token indices of the "(" and ")" that enclose the token in its sentence."""
    sentence = token.sent
    depth, opening = 0, None
    for t in reversed(sentence[: token.i - sentence.start]):
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            if depth == 0:
                opening = t.i
                break
            depth -= 1
    if opening is None:
        return None
    depth = 0
    for t in sentence[token.i - sentence.start + 1:]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            if depth == 0:
                return opening, t.i
            depth -= 1
    return None


def in_aside(token, anchor) -> bool:
    """ "Roe (born 1973, Youngstown, Ohio) is a founder of X": the parser may hang a name in
    parentheses on a verb outside them, but an aside never holds that verb's subject or
    object."""
    around = parenthesis_around(token)
    if around is None or around[0] < anchor.i < around[1]:
        return False
    inside = token.doc[around[0] + 1 : around[1]]
    return any(t.pos_ not in {"PROPN", "PUNCT"} for t in inside)  # "(MSL)" is a name again


def doc_text(doc) -> str:
    """The parsed text, kept on the Doc: spaCy's `Doc.text` joins every token on each call."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def speaker_label(token) -> str | None:
    """The label of the transcript line a token is on ("A", "CHEN", "Michael Chen"), if any."""
    text = doc_text(token.doc)
    line = text[text.rfind("\n", 0, token.idx) + 1:token.idx]
    label = _SPEAKER_LABEL.match(line.lstrip())
    return (label.group(1) or label.group(2)) if label else None


def spoken(token) -> bool:
    """Words a speaker says - inside quotation marks, or on a transcript's answer line ("A:",
    "CHEN:") - where "we" and "our" mean the speaker's organisation, the story's main one."""
    if inside_quotes(token):
        return True
    label = speaker_label(token)
    return label is not None and label not in interviewers(token.doc)


def addressed(token) -> bool:
    """ "you" and "your" on a questioner's line ("Okafor: Last year you bought Pulsewright")
    mean the guest, whose organisation is the story's main one."""
    if token.lower_ not in {"you", "your"}:
        return False
    label = speaker_label(token)
    return label is not None and label in interviewers(token.doc)


def interviewers(doc) -> frozenset[str]:
    """A transcript's questioners: "Q", "HOST", or a named speaker ("Rhys Okafor:", then
    "Okafor:") whose lines mostly end in a question mark; theirs is not the guest's "we"."""
    if "kg_interviewers" not in doc.user_data:
        lines: Counter[str] = Counter()
        questions: Counter[str] = Counter()
        for line in doc_text(doc).splitlines():
            label = _SPEAKER_LABEL.match(line.lstrip())
            if label:
                name = label.group(1) or label.group(2)
                lines[name] += 1
                questions[name] += line.rstrip().endswith("?")
        doc.user_data["kg_interviewers"] = INTERVIEWERS | frozenset(
            name for name, count in lines.items() if questions[name] * 2 > count)
    return doc.user_data["kg_interviewers"]


def speaks_for_company(token) -> bool:
    """ "we" and "our" at `token` are the story's company: a speaker's words, or a text the
    company writes about itself."""
    return spoken(token) or corporate_voice(token.doc)


def corporate_voice(doc) -> bool:
    """A text a company writes about itself ("About us: Our company was founded in 1974 ...
    In 2012 we acquired X"): "we" and "our" outside quotation marks, and no narrator's "I"
    (a reviewer's "we" is their household or their group chat)."""
    if "kg_corporate_voice" not in doc.user_data:
        narrated = [t.lower_ for t in doc if not inside_quotes(t) and speaker_label(t) is None]
        plural = sum(w in {"we", "our", "us"} for w in narrated)
        single = sum(w in {"i", "my", "me"} for w in narrated)
        doc.user_data["kg_corporate_voice"] = plural >= 2 and single * 4 <= plural
    return doc.user_data["kg_corporate_voice"]


# "A.", "A:", "CHEN:", "Michael Chen:" opening a transcript's line
_SPEAKER_LABEL = re.compile(r"(?:(A)\.|([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}):)\s")
# Verbs a press release opens on ("X today announced ...", "X has launched ..."): the firm
# doing them is the one whose "we" the release speaks in
ANNOUNCING = {"announce", "unveil", "launch", "introduce", "report", "sign", "complete",
              "release", "open", "name", "appoint", "welcome", "celebrate", "expand"}
INTERVIEWERS = {"Q", "HOST", "INTERVIEWER"}  # their "we" is not the guest's organisation


def quoted(token) -> bool:
    """Inside a speaker's words: "Acme gave us capacity," said Jo - that does not set the
    topic "the company" in the narrator's next sentence continues. A quoted passage without
    first or second person (an excerpt of another article) is narration and still counts."""
    return inside_quotes(token) and any(t.lower_ in SPEAKER for t in token.sent)


def relative_antecedent(word):
    """The noun a relative clause hangs on, seen from a word inside it ("whose"). When the
    parser lost the clause ("a drone that Acme designed and that is known as X": the second
    "that" hangs on the main verb), the noun of the relative clause just before it."""
    for ancestor in word.ancestors:
        if ancestor.dep_ == "relcl" and ancestor.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return [clause_antecedent(ancestor)]  # (a clause hung on a verb is one the
            # parser lost)
    earlier = [t for t in word.sent if t.i < word.i and t.dep_ == "relcl"
               and t.head.pos_ in {"NOUN", "PROPN", "PRON"}]
    if earlier and word.i - earlier[-1].i < 8:
        return [earlier[-1].head]
    before = word.doc[word.i - 2] if word.i > 1 and word.doc[word.i - 1].text == "," else None
    if word.lower_ == "whose" and before is not None and before.pos_ == "NOUN" \
            and before.dep_ == "appos" and before.head.pos_ == "PROPN":
        before = before.head  # "Harlow & Finch, its closest rival, whose Finch Zero cola"
    if word.lower_ == "whose" and before is not None and before.pos_ == "PROPN":
        # "Parrowind, whose X model is popular", the clause read as a main one
        return [before.head.head if before.dep_ == "pobj" and before.head.lower_ == "of"
                else before]  # "Stonewake Games of Manchester, whose": Stonewake Games
    return []


_PERCENT_WORDS = {"percent", "cent", "%", "pc"}  # "60 per cent", not "$75 per share"
_MAJORITY_WORDS = {"majority", "controlling"}
_MINORITY_WORDS = {"minority"}


def majority_stake(verb) -> bool:
    """Whether the share a verb's object or passive subject (or a stake noun) names is over
    half: "holds 58 percent of X", "a 60 per cent stake", "a majority stake"."""
    share = stated_share(verb)
    return share is not None and share > 50


def minority_stake(verb) -> bool:
    """Whether that share is under half: "is 40 percent owned by X", "owns 30 percent of X"."""
    share = stated_share(verb)
    return share is not None and share < 50


def stated_share(verb) -> float | None:
    """The percentage of a firm a verb's object, passive subject or stake noun names ("58
    percent", 100 for "a majority stake", 0 for "a minority stake"), the largest when several
    are ("raised its stake from 30 to 58 percent"); None when none is named."""
    nouns = [verb] if verb.pos_ == "NOUN" else [  # "a 60 per cent stake" itself; not a share
        c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr", "npadvmod"}
        and not any(a.dep_ == "acl" for a in c.children)]  # "54 percent owned by" another
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        nouns.append(verb.head)  # "is 70 percent owned by X", parsed as a percent that is owned
    shares = []
    for noun in nouns:
        words = [t for t in noun.subtree if t.i <= noun.i]  # not the "of X" after it
        shares += [100.0 if t.lemma_.lower() in _MAJORITY_WORDS else 0.0 for t in words
                   if t.lemma_.lower() in _MAJORITY_WORDS | _MINORITY_WORDS]
        shares += [_number(t.text) for t in words if t.like_num
                   and {w.lower_ for w in t.doc[t.i + 1:t.i + 3]} & _PERCENT_WORDS]
    return max(shares, default=None)


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "").rstrip("%"))
    except ValueError:
        return 0.0


def outer_antecedent(verb) -> list:
    """ "Cadenza 3, the speech model from Larkspur AI, which powers the app": the parser hangs
    the relative clause on the last name, but when that cannot be its subject, the clause may
    speak of the name the apposition describes."""
    if verb.dep_ != "relcl" or not any(c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS
                                       for c in verb.children):
        return []
    noun = verb.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"from", "by", "of", "at"}:
        return []
    described = noun.head.head
    return [described.head] if described.dep_ == "appos" else []


def clause_antecedent(clause):
    """What a relative clause speaks of: "the contest between Calloway and Veltra, which has
    been discounting its package" is about Veltra, the name just before the comma, though the
    parser hangs the clause on the first of the list."""
    noun = clause.head
    last = max(conjuncts(noun), key=lambda t: t.i, default=None)
    singular = any(t.tag_ == "VBZ" for t in (clause, *clause.children))  # ("X and Y, which
    if singular and last is not None and noun.i < last.i < clause.i \
            and all(t.is_punct for t in clause.doc[last.right_edge.i + 1:clause.left_edge.i]):
        return last  # backed Z" may be both)
    return located_thing(noun)


def located_thing(noun):
    """What a relative clause after a place is about: "a subsidiary in Tallinn, Estonia,
    which makes circuit boards", "Inkleaf, a start-up in Dresden, which remains a subsidiary" -
    the subsidiary, the start-up, not the town the parser hung it on. Any other noun is
    itself."""
    place_pair = noun.ent_type_ in PLACE_ENTS and any(
        c.dep_ == "appos" and c.ent_type_ in PLACE_ENTS for c in noun.children)
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"in", "at", "near"}:
        return noun
    if place_pair and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        return noun.head.head
    if noun.ent_type_ in PLACE_ENTS and noun.head.head.pos_ == "NOUN" \
            and noun.head.head.dep_ == "appos":  # "Inkleaf, a start-up in Dresden, which
        return noun.head.head  # remains a subsidiary": the start-up
    located = noun.head.head  # "a holding company based in Portland, Oregon, which also owns
    if noun.ent_type_ in PLACE_ENTS and located.pos_ == "VERB" and located.dep_ == "acl" \
            and located.head.pos_ in {"NOUN", "PROPN"}:  # X": the company
        return located.head
    return noun


def clause_verb(noun):
    """The verb whose subject or complement a role noun is ("CEO X stepped down": stepped;
    "served as chairman until 2013": served)."""
    current = noun
    while current.dep_ in {"compound", "appos", "amod"} and current.head != current:
        current = current.head
    if current.dep_ == "pobj" and current.head.lower_ == "as":
        current = current.head
        return current.head if current.head.pos_ in {"VERB", "AUX"} else None
    if current.dep_ in {"nsubj", "nsubjpass", "attr"} and current.head.pos_ in {"VERB", "AUX"}:
        return current.head
    return None


def stranded(token) -> bool:
    """A preposition without its object ("the firm she worked at"): the noun is its object."""
    return token.dep_ == "prep" and not any(c.dep_ == "pobj" for c in token.children)


def last_nominal(sentence):
    nominals = [t for t in sentence if t.pos_ in {"PROPN", "NOUN"}]
    return nominals[-1:]


def _participle_noun(verb):
    """The noun a participle describes: its head, unless a "whose" noun the parser hung on
    that head stands between them ("Parrowind, whose Lumivane 5 model, released in January,
    ...": the model was released)."""
    between = [c for c in verb.head.children
               if c.dep_ == "appos" and c.i < verb.i and possessed_by_relative(c)]
    if between:
        return between[-1]
    if verb.head.lower_ in _PERCENT_WORDS:  # "Koliba is 54 percent owned by X, and ...": what
        for above in verb.head.ancestors:  # is owned is the subject of "is", however the
            if above.lemma_ == "be":  # parser hung the percent
                subject = [c for c in above.children
                           if c.dep_ in SUBJECT_DEPS and c.i < verb.head.i]
                if subject:
                    return subject[0]
    return verb.head


def possessed_by_relative(noun) -> bool:
    """ "Parrowind, whose Lumivane 5 model ...": the parser hangs "model" on Parrowind as an
    apposition; "whose" makes it Parrowind's model, not a description of Parrowind."""
    return any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children)


def holders(noun):
    """Who or what a role noun describes: appositions, compounds, copulas, "as" phrases."""
    if noun.dep_ == "appos" and not possessed_by_relative(noun):
        yield apposition_target(noun)
    for child in noun.children:
        if child.dep_ == "appos":
            yield child
            if child.pos_ != "PROPN":  # "its founder, the immunologist Ruth Roe"
                yield from (g for g in child.children if g.dep_ == "appos")
    yield from misattached_apposition(noun)
    if noun.dep_ in {"compound", "nmod"}:
        top = chain_top(noun)
        name = noun.head  # "Eskom chairperson Ben Ngubane and chief executive Brian Molefe":
        while name.dep_ == "compound" and name.head.pos_ == "PROPN" and name.head != top:
            name = name.head  # the parser hangs Ngubane on Molefe; the title is Ngubane's
        if name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and name != top \
                and any(c.dep_ == "conj" for c in name.children):
            top = name
        if top.pos_ == "PROPN" and top != noun:
            yield top
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.pos_ == "PROPN" and after.dep_ == "npadvmod":
        yield after  # "Developed under the code name K7, ...": hung on the verb as an adverb
    named = _person_named_after(noun)  # "... and chief executive Brian Molefe"
    if named is not None and (noun.dep_ == "conj" or noun.dep_ == "pobj" and named.dep_ == "pobj"
                              and named.head == noun.head):
        yield named  # ("under chief executive Solveig Aune": two objects of "under")
    if noun.dep_ in {"attr", "acomp"}:  # "X is CEO"; "X, who co-founded Y and is its CTO"
        yield from logical_subjects(noun.head)
    if noun.dep_ in {"dep", "npadvmod", "nsubj", "advcl"} and noun.i == noun.sent.start + 1 \
            and noun.doc[noun.sent.start].lower_ in {"a", "an"}:  # "A subsidiary of X, it
        yield from (c for c in noun.head.children  # operates ...": a description put first
                    if c.dep_ in SUBJECT_DEPS and c.i > noun.i and c.pos_ == "PRON")
    first = conj_top(noun)
    if first != noun and first.dep_ in {"attr", "acomp"}:  # "X is a filmmaker and the founder
        yield from logical_subjects(first.head)  # of Y": X founded Y
    if first != noun and first.pos_ == "NOUN":  # "Its co-founder and chief executive, Amélie
        yield from (c for c in first.children  # Fournas, stays on": both titles are hers
                    if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i)
    if noun.dep_ in SUBJECT_DEPS and noun.head.lemma_ in COPULAS:  # "its closest rival
        yield from (c for c in noun.head.children if c.dep_ == "attr")  # remains X"
    if noun.dep_ in SUBJECT_DEPS and noun.head.lemma_ == "include":  # "its backers include X"
        yield from (c for c in noun.head.children if c.dep_ == "dobj")
    yield from listed_examples(noun)  # "rivals such as X", "investors including X"
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head  # "named Berg as CEO", "the brand it set up as a subsidiary"
        objects = [c for c in verb.children  # the parser's "[Acme], named [X] as CEO"
                   if c.dep_ == "oprd" and c.pos_ == "PROPN"] \
            or (logical_objects(verb) if verb.pos_ in {"VERB", "AUX"} else [])
        if verb.lemma_.lower() in SERVING | SUCCEEDING and logical_subjects(verb):
            objects = []  # "she runs the startup as chief executive": she is the CEO;
            # "Lindahl succeeded Sjölander as chief executive": Lindahl is
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | OBJECT_DEPS]
        if verb.dep_ == "conj" and own and all(c.dep_ in SUBJECT_DEPS for c in own):
            objects = []  # "..., and Harrowgate now operates as a subsidiary": Harrowgate
        yield from objects or logical_subjects(verb)
    if noun.dep_ == "conj" and noun.head.dep_ == "appos":
        yield apposition_target(noun.head)
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN" and not bare_plural(noun):
            yield from (g for g in child.children  # "the Lyra language model": the parser
                        if g.dep_ == "compound" and g.pos_ == "PROPN"  # hangs Lyra on
                        and g.ent_type_ not in PLACE_ENTS)  # "language"
        if child.pos_ == "PROPN" and (
            (child.dep_ == "compound" and child.i < noun.i and not bare_plural(noun)
             and child.ent_type_ not in PLACE_ENTS)  # "their Washington correspondent"
            # "the Claude chatbot"; but "all associated Google apps" are Google's
            or (child.dep_ == "conj" and after_comma(child, noun))  # "rivals, OpenAI and X"
        ):
            yield child
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":  # "who was among the founders"
        yield from logical_subjects(noun.head.head)
    if noun.dep_ == "oprd":  # "made Gemini the default": Gemini; "Zhao was named chief": Zhao
        objects = [c for c in noun.head.children if c.dep_ == "dobj"]
        yield from objects or (c for c in noun.head.children if c.dep_ == "nsubjpass")
    if noun.dep_ in {"ccomp", "xcomp"}:  # "made Gemini the default assistant" (small clause)
        yield from (c for c in noun.children if c.dep_ in SUBJECT_DEPS)
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "the default assistant"
        yield from holders(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in PARTITIVE:
        part = noun.head.head
        yield from holders(part)  # "X, one of the company's models"
        yield from (c for c in part.children  # "all three of its divisions, X, Y and Z"
                    if c.pos_ == "PROPN" and c.dep_ in {"conj", "appos"}
                    and after_comma(c.left_edge, noun))


def bare_plural(noun) -> bool:
    """A plural with no possessive or definite article ("Google apps", "all Toyota cars"): a
    name before it says who makes the things or what they run on; "its Cygnet chips" and "the
    Cygnet phones" name a product line."""
    return noun.tag_ == "NNS" and not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)


def apposition_target(noun):
    """What an appositive noun describes: its head, unless a name stands right before its
    comma ("engines made by Rotax, the engine maker": Rotax, not "engines")."""
    edge = noun.left_edge.i  # (the parser may hang the comma itself on the apposition)
    comma = edge if noun.doc[edge].text == "," else edge - 1
    before = noun.doc[comma - 1] if comma > 0 and noun.doc[comma].text == "," else None
    if before is not None and before.like_num and before.dep_ == "nummod" \
            and before.head.pos_ == "PROPN" and before.head.i == before.i - 1:
        before = before.head  # "powered by VoltOS 2, the company's operating system"
    if before is not None and before.pos_ == "PROPN" and before != noun.head and (
            noun.head.pos_ != "PROPN"  # hung on "engines", or on "Much" ("Much came from X,
            or noun.head.is_upper and noun.head.i < before.i  # the firm"), or on a dateline
            or _subject_of_verb_over(noun.head, before)  # ("GLASGOW, 3 June - Corrie Ltd,
            or _last_conjunct_of(noun.head, before) and noun.tag_ == "NN"):  # the Glasgow-
        return before  # based builder"); "Tallis runs on Waymark OS, navigation software": the
        # software is Waymark OS; "by Lumora and Brenner Optik, the German lens maker": Brenner
    if noun.head.ent_type_ in PLACE_ENTS:  # "in Cologne, Acme co-founder and creative
        named = _name_after_title(noun)  # director Ana Roe said": Ana Roe
        if named is not None:
            return named
    head = noun.head  # "Quarry Immunology of Boston, Veltrane's closest rival": not Boston
    if (head.ent_type_ in PLACE_ENTS or head.text in place_names()) \
            and head.dep_ == "pobj" and head.head.lower_ == "of" \
            and head.head.head.pos_ == "PROPN" and noun.lemma_.lower() not in _PLACE_NOUNS:
        return head.head.head
    return head


def _last_conjunct_of(first, name) -> bool:
    """`name` (or the name it ends) is the last of a list that opens with `first`."""
    top = chain_top(name)
    return top.dep_ == "conj" and conj_top(top) == first \
        and not any(c.dep_ == "conj" for c in top.children)


def _subject_of_verb_over(subject, name) -> bool:
    """`subject` is the subject of the verb that `name` is the object of (directly or
    through a preposition): the name between them stands right before the apposition."""
    top = chain_top(name)
    verb = top.head.head if top.dep_ == "pobj" else top.head if top.dep_ == "dobj" else None
    return verb is not None and verb.pos_ in {"VERB", "AUX"} and subject.head == verb \
        and subject.dep_ in SUBJECT_DEPS and subject.i < top.i


def _person_named_after(noun):
    """The person whose name directly follows a title ("chief executive Brian Molefe")."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.pos_ != "PROPN" or after.ent_type_ != "PERSON":
        return None
    while after.dep_ == "compound" and after.head.ent_type_ == "PERSON" and after.head.i > after.i:
        after = after.head
    return after


def _name_after_title(noun):
    """The name a title (or a list of them) runs into, though the parser made the title an
    apposition of the place before it: a conjunct that is a name, or a person's name next."""
    members = [noun, *conjuncts(noun)]
    named = [m for m in members if m.pos_ == "PROPN" and (m.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.pos_ == "NOUN" for c in m.children))]  # "director Ana Roe"
    if named:
        return named[0]
    after = noun.doc[members[-1].i + 1] if members[-1].i + 1 < len(noun.doc) else None
    if after is not None and after.pos_ == "PROPN" and after.ent_type_ == "PERSON":
        return chain_top(after)
    return None


_PLACE_NOUNS = {"city", "town", "village", "capital", "state", "country", "region", "province",
                "county", "district", "port", "island", "suburb"}


def misattached_apposition(noun):
    """ "trailed those of Siemens and ABB, its two biggest rivals": the parser makes "rivals" a
    second object; a role noun right after "Name," describes that name (and its list)."""
    comma = noun.left_edge.i - 1
    second_subject = noun.dep_ == "nsubj" and any(  # "Revenue at X, the division ..., fell"
        c.dep_ == "nsubj" and c.i < noun.i for c in noun.head.children)
    if comma < 1 or noun.doc[comma].text != "," or (
            noun.dep_ not in {"dobj", "npadvmod", "dep"} and not second_subject):
        return []
    name = noun.doc[comma - 1]
    if name.pos_ != "PROPN" or name.head == noun or noun.head == name:
        return []
    while name.dep_ == "conj" and name.head != name:  # the list's first member
        name = name.head
    return [name]


def after_comma(child, noun) -> bool:
    return child.i == noun.i + 2 and noun.doc[noun.i + 1].text == ","


def chain_top(token):
    """Climb compound/nmod links: "founder" in "founder/CEO Mark Zuckerberg" -> "Zuckerberg"."""
    while token.dep_ in {"compound", "nmod"} and token.head != token:
        token = token.head
    return token


def conj_top(token):
    """The first of a coordination: "founder" in "a filmmaker and founder of Y" -> "filmmaker"."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def attached(noun):
    """What a prepositional phrase hangs on: the verb's doer, or the noun it modifies.

    "run by chief executive X": the title hangs on X, and the "by" agent's counterpart is the
    thing run; "puts Meta in competition with": the verb's object is the one in competition.
    """
    noun = chain_top(noun)
    if noun.dep_ != "pobj":
        return []
    prep, governor = noun.head, noun.head.head
    if governor.pos_ in {"VERB", "AUX"}:
        if prep.dep_ == "agent":
            return logical_objects(governor)
        objects = [c for c in governor.children if c.dep_ == "dobj"]
        return objects or logical_subjects(governor)
    return [governor]


def undergoers(noun) -> list:
    """What the verb a phrase hangs on acts upon: "the Aurora, developed under the code name
    Tundra" and "the app the carrier built under the code name Ponte": the Aurora, the app; a
    state the subject is in counts as such a verb ("X is in development under the code name Y")."""
    noun = chain_top(noun)
    if noun.dep_ != "pobj":
        return []
    governor = noun.head.head
    if governor.pos_ in {"VERB", "AUX"}:
        return logical_objects(governor)
    state = governor.head.head if governor.dep_ == "pobj" else None
    if state is not None and state.lemma_ == "be":  # "X is in development under the code name Y"
        return [c for c in state.children if c.dep_ == "nsubj"]
    return []


def prepositional_objects(prep, word: str) -> list:
    """The objects of `prep` when it is `word`; "out of" is two tokens, "of" under "out"."""
    first, _, rest = word.partition(" ")
    if prep.lower_ != first:
        return []
    if rest:
        return [pobj for inner in prep.children if inner.dep_ == "prep"
                for pobj in prepositional_objects(inner, rest)]
    return [pobj for pobj in prep.children if pobj.dep_ == "pobj"]


def of_objects(token) -> list:
    """What the "of" phrases on a word name: "chairman of X", "the board of X": X."""
    return [pobj for prep in prepositions(token) for pobj in prepositional_objects(prep, "of")]


def prepositions(token):
    """Prepositions on a word, coordinated ones included ("for download and through X", "with
    X and with Y")."""
    for prep in token.children:
        if prep.dep_ in {"prep", "agent", "dative"} or (prep.dep_ == "conj"
                                                        and prep.pos_ == "ADP"):
            yield prep
            yield from (c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP")


def listed_examples(noun):
    """ "services including X", "companies like X", "rivals such as X": X (and its list)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and introduces_examples(prep):
            yield from (c for c in prep.children if c.dep_ == "pobj")


def introduces_examples(prep) -> bool:
    """ "including", "like" or "such as": what follows are examples of the noun before."""
    word = prep.lower_
    if word == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such":
        word = "such as"
    return word in {"including", "like", "such as"}


def counted(number):
    """The noun a number counts out of: "two of the university's chemists" -> chemists."""
    return next((pobj for prep in number.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for pobj in prep.children if pobj.dep_ == "pobj"), None)


def listed_after_comma(noun) -> list:
    """Names the parser hung on a plural noun as its conjuncts when a comma makes them its
    apposition: "two chemists, Priya Anand and Tomás Egan" (the first name only: the
    conjuncts follow it)."""
    if noun.tag_ != "NNS":
        return []
    first = next((c for c in noun.children if c.dep_ == "conj" and c.i > noun.i), None)
    if first is None or first.pos_ != "PROPN":
        return []
    between = noun.doc[noun.i + 1:first.left_edge.i]
    return [first] if [t.text for t in between] == [","] else []


def hung_after(name, word: str):
    """The preposition `word` written right after a name (or after a comma) that the parser
    hung on a word above it: "goes up against the Vira 12 from Pellan Mobile" (on "goes")."""
    at = name.i + 1
    while at < len(name.doc) and name.doc[at].dep_ in {"compound", "nummod", "flat"} \
            and name.doc[at].head.i == name.i:  # (the name's own words after its head)
        at += 1
    if at < len(name.doc) and name.doc[at].text == ",":
        at += 1
    if at >= len(name.doc):
        return None
    prep = name.doc[at]
    return prep if prep.lower_ == word and prep.dep_ == "prep" \
        and prep.head in name.ancestors else None


def nouns_among(doc, lemmas) -> list:
    """The nouns (and names) of `doc` whose lemma is one of `lemmas`, found on the doc's
    arrays: a scan that makes a Token of every word costs more than the rule it serves."""
    return words_among(doc, lemmas, kinds={NOUN, PROPN})


def words_with(doc, attr, values) -> list:
    """The words of `doc` whose `attr` (a spacy.attrs id: DEP, ORTH ...) is one of the strings
    `values`, read off the doc's arrays: a scan that keeps a few words makes no Token of the
    others."""
    if not values:
        return []
    wanted = {doc.vocab.strings.add(value) for value in values}
    return [doc[i] for i, value in enumerate(doc.to_array([attr]).tolist()) if value in wanted]


def words_among(doc, lemmas=None, kinds=None) -> list:
    """The words of `doc` (of the parts of speech `kinds`, if given) whose lemma is one of
    `lemmas` (if given), in text order, read off the doc's arrays (see nouns_among)."""
    strings = doc.vocab.strings  # (a lemma as written too: "Uses" opening a sentence)
    wanted = None if lemmas is None else {
        strings.add(form) for lemma in lemmas for form in (lemma, lemma.capitalize())}
    if wanted is not None and not wanted:
        return []
    return [doc[i] for i, (pos, lemma) in enumerate(doc.to_array([POS, LEMMA]).tolist())
            if (wanted is None or lemma in wanted) and (kinds is None or pos in kinds)]


def nominals(doc) -> list:
    """The nouns, names, numbers and adjectives of `doc` (what a description can be made of),
    found on the doc's arrays rather than by making a Token of every word."""
    return words_among(doc, kinds={NOUN, PROPN, NUM, ADJ})
