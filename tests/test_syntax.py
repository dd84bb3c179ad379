"""kg.syntax on its own: the dependency grammar the relation rules stand on, on real parses."""

from __future__ import annotations

import pytest

from kg import syntax
from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def parse():
    nlp = load_pipeline()
    return lambda text: nlp(text)


def _word(doc, text: str):
    return next(t for t in doc if t.text == text)


def _built(words, heads, deps, pos):
    """A Doc parsed by hand, as the small model parses a sentence it gets wrong: the repairs
    under test must not depend on how the model happens to read an invented one."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    return Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_doers_of_active_passive_relative_and_controlled_verbs(parse):
    doc = parse("Quill-7 was trained by Vantor, which also built Pico.")
    assert [t.text for t in syntax.logical_subjects(_word(doc, "trained"))] == ["Vantor"]
    assert [t.text for t in syntax.logical_objects(_word(doc, "trained"))] == ["Quill-7"]
    assert [t.text for t in syntax.logical_subjects(_word(doc, "built"))] == ["Vantor"]
    doc = parse("Acme hired Berg to lead the lab.")
    assert [t.text for t in syntax.logical_subjects(_word(doc, "lead"))] == ["Berg"]


def test_role_nouns_describe_their_apposition_even_when_misattached(parse):
    doc = parse("Both aircraft use engines made by Rotax, the Austrian engine maker.")
    maker = _word(doc, "maker")
    assert syntax.apposition_target(maker).text == "Rotax"  # not "engines"
    assert "Rotax" in [t.text for t in syntax.holders(maker)]


def test_lists_quotes_and_the_two(parse):
    doc = parse('"We compete with Orlan," said Jo. The two companies signed a deal.')
    assert syntax.quoted(_word(doc, "Orlan")) and syntax.spoken(_word(doc, "We"))
    assert not syntax.quoted(_word(doc, "Jo"))
    assert syntax.the_two(_word(doc, "companies"))
    doc = parse("Rivals such as Orlan, Brenner and Quillon gained.")
    rivals = _word(doc, "Rivals")
    listed = [t.text for e in syntax.listed_examples(rivals) for t in syntax.members(e)]
    assert listed == ["Orlan", "Brenner", "Quillon"]


def test_a_word_inside_a_passive_subject(parse):
    doc = parse("Its nearest rival, Daskel, has been owned since 2021 by Snelvik.")
    assert syntax.in_passive_subject(_word(doc, "Its"))
    assert not syntax.in_passive_subject(_word(doc, "Snelvik"))
    doc = parse("Snelvik has sold its nearest rival.")
    assert not syntax.in_passive_subject(_word(doc, "its"))



def test_an_apposition_the_parser_hung_on_a_dateline():
    # "GLASGOW, 3 June - Selkie Ltd, the Glasgow-based builder, unveiled Tern-4", as the
    # parser reads it inside a long story: the builder hangs on the dateline
    words = ["GLASGOW", ",", "3", "June", "-", "Selkie", "Ltd", ",", "the", "Glasgow", "-",
             "based", "builder", ",", "unveiled", "Tern-4"]
    heads = [14, 0, 3, 0, 3, 6, 3, 0, 12, 11, 11, 12, 0, 0, 14, 14]
    deps = ["nsubj", "punct", "nummod", "npadvmod", "punct", "compound", "conj", "punct",
            "det", "npadvmod", "punct", "amod", "appos", "punct", "ROOT", "dobj"]
    pos = ["PROPN", "PUNCT", "NUM", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET",
           "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT", "VERB", "PROPN"]
    doc = _built(words, heads, deps, pos)
    builder = doc[12]
    assert syntax.apposition_target(builder).text == "Ltd"


def test_a_that_the_tagger_made_an_adverb_stands_for_the_relative_clauses_object():
    # "Mkulima-1, a crop-advice model that Loamly trained on soil data", as the small model
    # parses it: "that" an adverb of "trained", which then has no object of its own
    words = ["Mkulima-1", ",", "a", "model", "that", "Loamly", "trained", "on", "data"]
    heads = [0, 0, 3, 0, 6, 6, 3, 6, 7]
    deps = ["ROOT", "punct", "det", "appos", "advmod", "nsubj", "relcl", "prep", "pobj"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "PRON", "PROPN", "VERB", "ADP", "NOUN"]
    doc = _built(words, heads, deps, pos)
    assert [t.text for t in syntax.logical_objects(doc[6])] == ["model"]


def test_an_apposition_after_the_object_of_the_subjects_verb_describes_the_object():
    # "Tallis runs on Waymark OS, navigation software written by ...", as the small model
    # parses it: the software hangs on the subject, and the comma on the software
    words = ["Tallis", "runs", "on", "Waymark", "OS", ",", "navigation", "software", "written"]
    heads = [1, 1, 1, 4, 2, 7, 7, 0, 7]
    deps = ["nsubj", "ROOT", "prep", "compound", "pobj", "punct", "compound", "appos", "acl"]
    pos = ["PROPN", "VERB", "ADP", "PROPN", "PROPN", "PUNCT", "NOUN", "NOUN", "VERB"]
    doc = _built(words, heads, deps, pos)
    assert syntax.apposition_target(doc[7]).text == "OS"
    # the subject keeps an apposition that follows it: "Tallis, a robot, runs on Waymark OS"
    words = ["Tallis", ",", "a", "robot", ",", "runs", "on", "Waymark", "OS"]
    heads = [5, 0, 3, 0, 0, 5, 5, 8, 6]
    deps = ["nsubj", "punct", "det", "appos", "punct", "ROOT", "prep", "compound", "pobj"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PROPN"]
    doc = _built(words, heads, deps, pos)
    assert syntax.apposition_target(doc[3]).text == "Tallis"


def test_a_clause_subject_read_as_an_apposition_is_the_clause_s_doer():
    # "Tilth, a model Loamly trained on data", as the small model parses it: "Loamly" an
    # apposition of "model", and "trained" a modifier of "model" with no subject
    words = ["Tilth", ",", "a", "model", "Loamly", "trained", "on", "data"]
    heads = [0, 0, 3, 0, 3, 3, 5, 6]
    deps = ["ROOT", "punct", "det", "appos", "appos", "acl", "prep", "pobj"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "PROPN", "VERB", "ADP", "NOUN"]
    doc = _built(words, heads, deps, pos)
    doc[5].tag_ = "VBD"
    assert [t.text for t in syntax.logical_subjects(doc[5])] == ["Loamly"]
    assert [t.text for t in syntax.logical_objects(doc[5])] == ["model"]
    assert syntax.subject_read_as_apposition(doc[4])
    assert [t.text for t in syntax.described(doc[3])] == ["Tilth"]  # the model is Tilth's
    # with a comma, the name is an apposition: "a model, Loamly, trained ..."
    words = ["a", "model", ",", "Loamly", ",", "trained", "on", "data"]
    heads = [1, 1, 1, 1, 1, 1, 5, 6]
    deps = ["det", "ROOT", "punct", "appos", "punct", "acl", "prep", "pobj"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB", "ADP", "NOUN"]
    doc = _built(words, heads, deps, pos)
    doc[5].tag_ = "VBD"
    assert syntax.logical_subjects(doc[5]) == []


def test_a_hyphenated_surname_the_tagger_cut_is_grown_whole():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from kg.nlp import _extend

    words = ["Kestlund", "-", "Bø", "took", "over", "."]
    doc = Doc(English().vocab, words=words, spaces=[False, False, True, True, False, False],
              pos=["PROPN", "PUNCT", "PROPN", "VERB", "ADP", "PUNCT"],
              ents=["B-PERSON", "O", "O", "O", "O", "O"])
    assert _extend(doc[0:1]).text == "Kestlund-Bø"  # the tagger named only "Kestlund"
    doc = Doc(English().vocab, words=["Orlan", "-", "Brenner", "deal"],
              spaces=[False, False, True, False], pos=["PROPN", "PUNCT", "PROPN", "NOUN"],
              ents=["B-ORG", "O", "B-ORG", "O"])
    assert _extend(doc[0:1]).text == "Orlan"  # two firms the tagger names apart


def test_a_coordinated_is_whose_complement_was_read_as_its_subject(parse):
    from kg.nlp import _repair_conjoined_copulas

    doc = parse("It was developed by Corvid Works, is the fourth main game in the Skid series "
                "and is the sequel to Skid Truck.")
    game = _word(doc, "game")
    _repair_conjoined_copulas(doc)
    assert game.dep_ == "attr"
    assert [t.text for t in syntax.logical_subjects(_word(doc, "sequel").head)] == ["It"]


def test_a_dateline_s_dash_ends_a_sentence_but_a_hyphen_in_a_name_does_not(parse):
    doc = parse("Airlines form alliance\nLISBON, May 12 (Nordpress) - Norsvik Air and Aeroluma "
                "launched the Trivela Alliance.\nCKNL-FM is a radio station in Canada.")
    starts = {t.text for t in doc if t.is_sent_start}
    assert "Norsvik" in starts
    assert "FM" not in starts


def test_the_name_after_a_dateline_s_dash_stays_in_one_sentence(parse):
    doc = parse("OSLO - Harvel Motors on Monday unveiled the Tessa EV, an electric van.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["OSLO", "Harvel"]
