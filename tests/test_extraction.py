"""Stages 2-4 on invented companies: nothing here is in ontology/entities.toml.

Every test runs with use_known=False, so typing, resolution and relations must come from the
text alone: the property a user relies on when feeding articles about firms we never saw.
"""

from __future__ import annotations

from conftest import extract_text, fact_set

from kg.entities import name_key
from kg.knowledge import schema
from kg.nlp import normalise_name


def _entity(extraction, label: str):
    """The entity a test names by its label (StopIteration, so a failure, when absent)."""
    return next(e for e in extraction.entities.values() if e.label == label)


def _types(extraction) -> dict[str, str]:
    return {e.label: e.type for e in extraction.entities.values()}


def _paired(facts, first: str, prop: str, second: str) -> bool:
    """A symmetric fact, stated in either order."""
    return (first, prop, second) in facts or (second, prop, first) in facts


def test_name_normalisation():
    assert normalise_name("\u201cMeta\u2019s") == "Meta"
    assert normalise_name("the Acme Labs") == "Acme Labs"
    assert name_key("Acme Labs") == name_key("acme lab")


def test_typing_from_context_and_aliases_from_parentheses():
    ex = extract_text(
        "Zorblax Robotics, a startup based in Lyon, released Quill-7, a language model. "
        "Quill-7 was trained by its Deep Reasoning Group (DRG). "
        "Priya Natarajan, who heads DRG, spoke on Monday. Natarajan was upbeat."
    )
    types = {k: e.type for k, e in ex.entities.items()}
    assert types["Zorblax Robotics"] == "Company"
    assert types["Quill-7"] == "AIModel"
    assert types["Lyon"] == "Place"
    assert types["Priya Natarajan"] == "Person"
    assert "DRG" in ex.entities["Deep Reasoning Group"].aliases
    assert "Natarajan" in ex.entities["Priya Natarajan"].aliases
    facts = fact_set(ex)
    assert ("Quill-7", "developedBy", "Deep Reasoning Group") in facts  # passive voice
    assert ("Priya Natarajan", "leads", "Deep Reasoning Group") in facts  # relative clause
    assert ("Zorblax Robotics", "headquarteredIn", "Lyon") in facts  # participle


def test_roles_coordination_and_competition():
    ex = extract_text(
        "Helio Motors named Jonas Berg as chief executive. Berg, the co-founder of Helio "
        "Motors, previously worked for Voltara. Helio Motors competes with Voltara."
    )
    facts = fact_set(ex)
    assert ("Jonas Berg", "ceoOf", "Helio Motors") in facts
    assert ("Jonas Berg", "founderOf", "Helio Motors") in facts
    assert ("Helio Motors", "competitorOf", "Voltara") in facts
    # the more specific ceoOf makes a separate worksFor for the same pair redundant
    assert ("Jonas Berg", "worksFor", "Helio Motors") not in facts


def test_hedged_is_marked_and_negated_is_dropped():
    ex = extract_text(
        "Cobalt Labs plans to release Nimbus next year. Cobalt Labs did not develop Stratus. "
        "Stratus, code-named Cirrus, was developed by Altair Systems under the leadership of "
        "Mina Cho."
    )
    statuses = {(f.subject, f.predicate, f.object): f.asserted for f in ex.facts}
    assert statuses[("Nimbus", "developedBy", "Cobalt Labs")] is False
    assert ("Stratus", "developedBy", "Cobalt Labs") not in statuses
    assert statuses[("Stratus", "developedBy", "Altair Systems")] is True
    assert statuses[("Stratus", "codeName", "Cirrus")] is True
    assert ex.entities["Cirrus"].type == "CodeName"
    assert statuses[("Mina Cho", "leads", "Altair Systems")] is True


def test_investment_headquarters_possessive_short_form():
    ex = extract_text(
        "Northwind Capital invested $2 billion in Brightpath AI. Brightpath AI is headquartered "
        "in Toronto. Brightpath's model Lumen powers the Glimmer app."
    )
    facts = fact_set(ex)
    assert ("Northwind Capital", "investedIn", "Brightpath AI") in facts
    assert ("Brightpath AI", "headquarteredIn", "Toronto") in facts
    assert ("Lumen", "developedBy", "Brightpath AI") in facts
    assert ("Lumen", "powers", "Glimmer") in facts


def test_evidence_points_at_the_sentence():
    text = "Intro line.\nOrbit Labs built Comet. Unrelated words follow."
    ex = extract_text(text)
    fact = next(f for f in ex.facts if f.predicate == "developedBy")
    evidence = fact.evidence[0]
    assert text[evidence.start:evidence.end] == evidence.sentence == "Orbit Labs built Comet."
    assert 0 < evidence.confidence <= 1


def test_implied_ownership_possessive_products_and_past_roles():
    ex = extract_text(
        "Tessaly Corp acquired Brindle Analytics in 2021. Nadia Orlov, the former chief "
        "executive of Brindle Analytics, joined Tessaly Corp in May. Tessaly Corp's Kestrel "
        "assistant runs on phones. Ferro Labs is a unit of Tessaly Corp."
    )
    statuses = {(f.subject, f.predicate, f.object): f.asserted for f in ex.facts}
    assert statuses[("Tessaly Corp", "acquired", "Brindle Analytics")] is True
    # ontology/relations.toml [[implies]]: what a company bought, it owns
    assert statuses[("Tessaly Corp", "owns", "Brindle Analytics")] is True
    assert statuses[("Kestrel", "developedBy", "Tessaly Corp")] is True  # possessive
    assert statuses[("Ferro Labs", "subOrganizationOf", "Tessaly Corp")] is True
    assert statuses[("Tessaly Corp", "owns", "Ferro Labs")] is True  # implied by the unit
    # "former chief executive": kept with status past, never asserted as current
    assert statuses[("Nadia Orlov", "ceoOf", "Brindle Analytics")] is False
    past = next(f for f in ex.facts if f.predicate == "ceoOf")
    assert {ev.status for ev in past.evidence} == {"past"}


def test_hyphenated_founding_lines_and_compound_places():
    text = ("Drone makers\n"
            "Lena Park co-founded Veltrix Robotics with Omar Haddad in 2019.\n"
            "The Oslo-based company builds delivery drones.")
    ex = extract_text(text)
    facts = fact_set(ex)
    assert ("Lena Park", "founderOf", "Veltrix Robotics") in facts  # "co-founded": one token
    assert ("Omar Haddad", "founderOf", "Veltrix Robotics") in facts  # "... with X"
    assert ("Veltrix Robotics", "headquarteredIn", "Oslo") in facts  # "the Oslo-based company"
    founded = next(f for f in ex.facts if f.subject == "Lena Park")
    # a line break ends a sentence: the heading is not part of the evidence
    assert founded.evidence[0].sentence.startswith("Lena Park co-founded")


def test_parts_listed_after_a_colon():
    text = ("Orbis Corp reorganised last spring. The change split Orbis Corp into three units:\n"
            "Lumen Lab, which builds models;\n"
            "Quarry Systems, which runs the data centres;\n"
            "Tessel Studio, led by Ana Ruiz.\n"
            "Analysts welcomed the move.")
    facts = fact_set(extract_text(text))
    for unit in ("Lumen Lab", "Quarry Systems", "Tessel Studio"):
        assert (unit, "subOrganizationOf", "Orbis Corp") in facts
        assert ("Orbis Corp", "owns", unit) in facts  # implied: a company owns its units
    assert not any(f[0] == "Analysts" for f in facts)  # the list ends with its last line


def test_examples_lists_defaults_and_misread_verbs():
    ex = extract_text(
        "Vantor Labs released Pico 3 in May. It was offered for download and through cloud "
        "services including Nimbus Cloud and Arcadia Compute. Zephyr Systems has made Pico 3 "
        "the default assistant on many Orin phones. For now, Pico 3 powers Halo only in its "
        "own app."
    )
    facts = fact_set(ex)
    assert ("Pico 3", "developedBy", "Vantor Labs") in facts
    assert ("Pico 3", "availableOn", "Nimbus Cloud") in facts  # "services including X and Y"
    assert ("Pico 3", "availableOn", "Arcadia Compute") in facts
    assert ("Pico 3", "availableOn", "Orin") in facts  # "made X the default on Y phones"
    assert ("Pico 3", "powers", "Halo") in facts  # "powers" tagged as a plural noun


def test_object_control_appositive_names_and_two_word_prepositions():
    ex = extract_text(
        "Halden Motors formed Vireo Research Lab in May. Halden hired Tomas Ruud, the founder "
        "of Quillon, to lead the new lab. Orrin Labs asked Brightwell to build the Zephyr "
        "chip. Kestrel, a model out of Vireo Research Lab, ships next year. Vireo Research Lab "
        "is run by the former Quillon executive, Mara Lind."
    )
    facts = fact_set(ex)
    assert ("Tomas Ruud", "leads", "Vireo Research Lab") in facts  # the hired one leads
    assert ("Zephyr", "developedBy", "Brightwell") in facts  # not Orrin Labs, who asked
    assert ("Zephyr", "developedBy", "Orrin Labs") not in facts
    assert ("Kestrel", "developedBy", "Vireo Research Lab") in facts  # "a model out of X"
    assert ("Mara Lind", "leads", "Vireo Research Lab") in facts  # "the X executive, Name"
    assert ("Vireo Research Lab", "subOrganizationOf", "Halden Motors") in facts


def test_lab_named_after_its_company_and_topic_threads():
    named = fact_set(extract_text(
        "Talvik Group, a software company based in Oslo, reported higher sales. Talvik Group "
        "Research Lab studies robotics."
    ))
    assert ("Talvik Group Research Lab", "subOrganizationOf", "Talvik Group") in named
    assert ("Talvik Group", "owns", "Talvik Group Research Lab") in named
    founded = fact_set(extract_text(
        "Ines Albright co-founded Tessaly in 2019 with several former Corvane engineers. "
        "The company sells its Lumen models to banks."
    ))
    assert ("Lumen", "developedBy", "Tessaly") in founded  # the last sentence's object
    assert not {f for f in founded if "Corvane" in f}  # "former Corvane engineers"
    thread = fact_set(extract_text(
        "Brask Systems reported strong growth. In 2024 it formed Gallow Labs and hired Ada "
        "Wren. It also agreed to invest $2 billion in Pellum Robotics."
    ))
    assert ("Brask Systems", "investedIn", "Pellum Robotics") in thread  # "it ... It also"
    assert ("Gallow Labs", "investedIn", "Pellum Robotics") not in thread


def test_numbered_versions_of_one_family():
    ex = extract_text(
        "Vantor Labs released Pico, a language model, in 2023. It released Pico 2, a larger "
        "model, that July. Pico 3 followed in 2024, and the Pico 4 model came a year later."
    )
    facts = fact_set(ex)
    assert ex.entities["Pico 3"].type == "AIModel"  # typed by its family
    assert ("Pico 3", "successorOf", "Pico 2") in facts
    assert ("Pico 4", "successorOf", "Pico 3") in facts
    assert ("Pico 4", "successorOf", "Pico 2") not in facts  # only the next number
    assert ("Pico 3", "developedBy", "Vantor Labs") in facts  # the family's maker
    evidence = next(f for f in ex.facts if (f.subject, f.predicate) == ("Pico 3", "developedBy"))
    assert all(ev.rule.startswith("version-of:") for ev in evidence.evidence)


def test_physical_products_are_manufactured_software_is_developed():
    ex = extract_text(
        "The Korvex Tarn is a compact sedan produced by Halden Motors. Orbit, a chatbot built "
        "by Quillon, answers drivers' questions. Tessaly Electronics unveiled the Velda 9 "
        "smartphone in May. The Loomis Duo is a line of mobile devices designed by Brannock "
        "Electronics."
    )
    types = {k: e.type for k, e in ex.entities.items()}
    assert types["Korvex Tarn"] == "PhysicalProduct"  # "X is a compact sedan"
    assert types["Velda 9"] == "PhysicalProduct"  # "the X smartphone"
    assert types["Loomis Duo"] == "PhysicalProduct"  # "a line of mobile devices": devices
    assert types["Orbit"] == "Product"
    facts = fact_set(ex)
    # "produced by" of a good states who makes it, not who developed it
    assert ("Korvex Tarn", "manufacturedBy", "Halden Motors") in facts
    assert ("Korvex Tarn", "developedBy", "Halden Motors") not in facts
    # "unveiled", "designed": developed; who makes them is not said (a maker often designs
    # goods that a contract manufacturer builds), so no manufacturedBy is guessed
    for good, maker in (("Velda 9", "Tessaly Electronics"), ("Loomis Duo", "Brannock Electronics")):
        assert (good, "developedBy", maker) in facts
        assert (good, "manufacturedBy", maker) not in facts
    made = fact_set(extract_text("Halden Motors builds the Korvex Pico, a small hatchback."))
    assert ("Korvex Pico", "manufacturedBy", "Halden Motors") in made  # goods built: made
    assert ("Orbit", "developedBy", "Quillon") in facts  # software: built, never manufactured
    assert not any(f[0] == "Orbit" and f[1] == "manufacturedBy" for f in facts)


def test_head_nouns_of_goods_and_the_names_written_before_them():
    from kg.entities import type_cues
    from kg.model import Mention
    from kg.nlp import load_pipeline

    nlp = load_pipeline()

    def cues(text: str, name: str) -> set[str]:
        start = text.index(name)
        mention = Mention("d", 0, start, start + len(name), name, "", 0)
        return {cls for cls, _ in type_cues(mention, nlp(text))}

    assert cues("Buyers queued for the Velda 9 phone.", "Velda 9") == {"PhysicalProduct",
                                                                       "Product"}  # numbered
    assert cues("Brannock sells Quillon's Velda phone.", "Velda") == {"PhysicalProduct"}
    # a name before an undetermined goods noun may be the platform or the maker: "your
    # Android phone" says only that it is some product; before a bare plural it is as often
    # the maker ("Google apps", "Toyota cars") as the platform: no vote
    assert cues("Apps run on your Zephyra phone.", "Zephyra") == {"Product"}
    assert cues("Apps run on most Zephyra phones.", "Zephyra") == set()
    assert cues("It runs on H250 accelerators.", "H250") >= {"Product"}  # a maker has no number
    assert "Company" not in cues("Astra is the obvious rival.", "Astra")  # products compete too
    assert cues("Apps run on its Zephyra phones.", "Zephyra") == {"Product"}  # a line of them
    assert cues("Nexo Q is a digital media player.", "Nexo Q") == {"PhysicalProduct"}  # "medium"
    assert cues("It runs on consoles such as the Orvo 2, Kinto and Vesta One.",
                "Vesta One") == {"PhysicalProduct"}
    assert cues("The Mirel series is a family of language models.", "Mirel") == {"AIModel"}


def test_reciprocal_verbs_passive_roles_stakes_and_the_new_unit():
    facts = fact_set(extract_text(
        "Orrin Labs and Brightwell Systems compete fiercely for the same corporate customers. "
        "Halden Motors competes for talent."
    ))
    assert ("Brightwell Systems", "competitorOf", "Orrin Labs") in facts
    assert not {f for f in facts if "Halden Motors" in f}
    facts = fact_set(extract_text(
        "Mara Lind, a researcher who previously worked at Quillon, was named chief scientist "
        "of Orrin Labs."
    ))
    assert ("Mara Lind", "worksFor", "Orrin Labs") in facts  # "was named X of Y"
    assert ("Mara Lind", "leads", "Orrin Labs") not in facts  # a chief scientist leads nothing
    facts = fact_set(extract_text(
        "Halden Motors closed one of its largest deals: it paid $2 billion for a 40 percent "
        "stake in Pellum Robotics."
    ))
    assert ("Halden Motors", "investedIn", "Pellum Robotics") in facts  # "paid X for a stake"
    facts = fact_set(extract_text(
        "Halden Motors formed Vireo Labs in May and hired Tomas Ruud, the founder of Quillon "
        "Inc, to lead the new group."
    ))
    assert ("Tomas Ruud", "leads", "Vireo Labs") in facts  # "the new group": what was formed
    assert ("Tomas Ruud", "leads", "Quillon Inc") not in facts


def test_blog_voice_fragments_and_misparsed_verbs():
    facts = fact_set(extract_text(
        "Orbis Robotics has a new research lab, the Orbis Frontier Lab (OFL). Headed by the "
        "company's $2 billion acquihire, Dana Whitfield."
    ))
    # the closing name, hung on the verb by the parser, is the acquihire's apposition
    assert ("Dana Whitfield", "leads", "Orbis Frontier Lab") in facts
    facts = fact_set(extract_text(
        "Lumora this week detailed Tempest, a model it says is powerful."
    ))
    assert ("Tempest", "developedBy", "Lumora") in facts  # "detailed" parsed as a modifier
    facts = fact_set(extract_text(
        "Nova Systems released Lumen. The company says Lumen narrows the performance gap with "
        "models from Brightwave Inc., Corvid Labs and others."
    ))
    assert ("Brightwave Inc", "competitorOf", "Nova Systems") in facts
    assert ("Corvid Labs", "competitorOf", "Nova Systems") in facts  # every maker listed


def test_known_name_plus_generic_word_is_the_known_entity(monkeypatch):
    from kg.knowledge import KnownEntity

    known = (KnownEntity("Zephyr", "AIModel"), KnownEntity("Orlan", "Company"),
             KnownEntity("Orlan AI", "Product"))
    monkeypatch.setattr("kg.entities.known_entities", lambda: known)
    ex = extract_text(
        "Vexa Corp is partnering with Orlan and its Zephyr AI technology. Orlan AI, the "
        "assistant, is popular.", use_known=True)
    assert "Zephyr AI" in ex.entities["Zephyr"].aliases
    assert ex.entities["Orlan AI"].type == "Product"  # a longer name the file knows stays apart
    facts = fact_set(ex)
    assert ("Zephyr", "developedBy", "Orlan") in facts
    assert ("Vexa Corp", "partnerOf", "Zephyr") not in facts
    assert ("Orlan", "partnerOf", "Vexa Corp") in facts


def test_a_funding_story_about_a_start_up():
    ex = extract_text(
        "Veltro, a Lyon-based start-up that builds tools for clinics, raised $40 million in a "
        "Series A round led by Harbor Lane Ventures. Veltro was founded by Ines Marlow, a "
        "former nurse at Civica, and Otto Brandt, who spent years at Dorvane. Brandt serves as "
        "chief technology officer. Harbor Lane Ventures partner Lena Fisk will join the board. "
        "Veltro competes with Medrix, a Boston-based company, and with the software makers "
        "Epicor Health and Caldus. Among its customers is Pell Ridge, a Dublin law firm that "
        "entered a partnership with Veltro last year. Marlow would not confirm reports that "
        "Veltro had held talks to buy Nurvo, a Dutch start-up."
    )
    assert ex.entities["Veltro"].type == "Company"  # "start-up" is one word, a company
    assert ex.entities["Dublin"].type == "Place"  # "a Dublin law firm" is not Dublin
    facts = fact_set(ex)
    expected = {
        ("Harbor Lane Ventures", "investedIn", "Veltro"),  # "a round led by X"
        ("Otto Brandt", "founderOf", "Veltro"),  # the last founder, hung on the verb
        ("Otto Brandt", "worksFor", "Veltro"),  # "chief technology officer"
        ("Lena Fisk", "worksFor", "Harbor Lane Ventures"),  # "partner" as a job title
        ("Epicor Health", "competitorOf", "Veltro"),  # "and with the makers X and Y"
        ("Caldus", "competitorOf", "Veltro"),
        ("Pell Ridge", "headquarteredIn", "Dublin"),
        ("Pell Ridge", "partnerOf", "Veltro"),  # "entered a partnership with"
    }
    assert expected <= facts
    assert not {f for f in facts if "Lena Fisk" in f and f[1] == "partnerOf"}
    hedged = fact_set(ex, asserted_only=False) - facts
    assert ("Veltro", "acquired", "Nurvo") in hedged  # under "would not confirm reports"


def test_models_products_and_blog_voice():
    facts = fact_set(extract_text(
        "Veltro sells Charta, an assistant for clinics. Charta runs on Quill-7, a language "
        "model Veltro trained itself."
    ))
    assert ("Quill-7", "powers", "Charta") in facts  # "runs on"
    ex = extract_text(
        "Money stuff, because someone always asks: Brightwell is backed by Lux Harbor. "
        "The original Pobo was Brightwell's debut robot. The Pobo 2 replaces it. Brightwell "
        "code-named it Mango. Arclight Interactive competes with Vexon Studios and Electronic "
        "Arts. Naomi Calder spent a decade at Electronic Arts."
    )
    assert "Money" not in ex.entities  # an ordinary word opening a sentence
    assert "debut" not in ex.entities  # a lower-case word is never a name
    assert ex.entities["Pobo 2"].type != "Person"  # "the Pobo 2": people have no article
    facts = fact_set(ex)
    assert ("Pobo 2", "codeName", "Mango") in facts
    assert ("Arclight Interactive", "competitorOf", "Electronic Arts") in facts  # one span
    assert ("Arclight Interactive", "competitorOf", "Vexon Studios") in facts


def test_chip_story_makers_code_names_and_partners():
    facts = fact_set(extract_text(
        "Corvane Semiconductor on Tuesday introduced the Tessel X2, a data-center accelerator "
        "the company designed. The Tessel X2 is manufactured by Halvard Foundry. The new part, "
        "known inside the company as Bluefin, is the successor to the Tessel X1, which Corvane "
        "launched in 2023. Corvane also named Kestrel Compute, a data-center operator, as its "
        "launch partner. Nolan Semi makes chips. Partner Communications sells phones."
    ))
    assert ("Tessel X2", "manufacturedBy", "Halvard Foundry") in facts
    assert ("Tessel X2", "manufacturedBy", "Corvane Semiconductor") not in facts  # stated
    assert ("Tessel X2", "codeName", "Bluefin") in facts
    assert ("Tessel X2", "successorOf", "Tessel X1") in facts  # "X1" is part of the name
    assert ("Corvane Semiconductor", "partnerOf", "Kestrel Compute") in facts  # "its" = Corvane
    assert not {f for f in facts if "Partner Communications" in f}  # a name, not a trigger


def test_a_shake_up_past_roles_stakes_and_rivals():
    ex = extract_text(
        "Korvik Industrial said that chief executive Jan Olsen had stepped down. Olsen, who had "
        "been chief executive since 2017, will advise the board. The shake-up follows the "
        "spin-off of Korvik Power, which makes turbines. Korvik Industrial kept a 19.9 percent "
        "stake in the Bergen-based company. Dalton Partners, a fund that holds about 4 percent "
        "of Korvik Industrial, welcomed the news. Korvik's shares have trailed those of Halberd "
        "and Stenmark, its two biggest rivals."
    )
    facts = fact_set(ex)
    everything = fact_set(ex, asserted_only=False)
    assert ("Jan Olsen", "ceoOf", "Korvik Industrial") in everything - facts  # stepped down
    assert ("Korvik Industrial", "investedIn", "Korvik Power") in facts  # "kept a stake in"
    assert ("Korvik Power", "headquarteredIn", "Bergen") in facts  # "the company": not Korvik
    assert ("Korvik Industrial", "headquarteredIn", "Bergen") not in facts
    assert ("Dalton Partners", "investedIn", "Korvik Industrial") in facts  # "holds 4 percent"
    assert ("Halberd", "competitorOf", "Korvik Industrial") in facts  # "X and Y, its rivals"


def test_products_named_after_their_maker():
    ex = extract_text(
        "Brenna Motors unveiled the Brenna Pulsar, an electric crossover. The Pulsar goes up "
        "against the Halberd Arc, a crossover built by Halberd Cars."
    )
    assert "Pulsar" in ex.entities["Brenna Pulsar"].aliases  # the maker's name dropped later
    assert ("Brenna Pulsar", "competitorOf", "Halberd Arc") in fact_set(ex)


def test_deal_story_partnership_whose_and_quoted_speech():
    ex = extract_text(
        "Nimbora, a Denver-based cloud provider, and Quillfield Systems, which makes software "
        "for banks, on Tuesday signed a five-year partnership. Under the deal, Quill-3, "
        "Quillfield's newest language model, went live on Nimbora Cloud. Nimbora, whose chief "
        "executive is Hannah Lindqvist, runs data centers. Pelion Ventures led a $60 million "
        "round in Tessaract, a chip startup. Castellan Pharma makes pills; Castellan said on "
        "Monday that sales rose. Brightline AI released Lark 2 on Wednesday."
    )
    facts = fact_set(ex)
    assert ("Nimbora", "partnerOf", "Quillfield Systems") in facts  # "X and Y signed a deal"
    assert ("Quillfield Systems", "headquarteredIn", "Denver") not in facts  # Nimbora's only
    assert ("Quill-3", "availableOn", "Nimbora Cloud") in facts  # "went live on"
    assert ("Hannah Lindqvist", "ceoOf", "Nimbora") in facts  # "whose chief executive is"
    assert ("Pelion Ventures", "investedIn", "Tessaract") in facts
    assert ex.entities["Castellan Pharma"].type == "Company"  # never a person, "Castellan" too
    assert ex.entities["Lark 2"].type != "Person"
    assert ("Lark 2", "developedBy", "Brightline AI") in facts


def test_quoted_speech_does_not_set_the_topic():
    facts = fact_set(extract_text(
        "Quillfield Systems sells software to insurers. \"Nimbora gave us the capacity we "
        "needed,\" said Daniel Okafor, Quillfield's chief executive. Quill-3 also runs inside "
        "Quillfield Assist, the company's claims assistant."
    ))
    assert ("Quillfield Assist", "developedBy", "Quillfield Systems") in facts
    assert ("Quillfield Assist", "developedBy", "Nimbora") not in facts


def test_a_stated_investment_with_both_parties_is_invested_in():
    facts = fact_set(extract_text(
        "Tessaract, a Lisbon-based chip startup, makes chips for cars. Money moves: Pelion "
        "Ventures led a $60M Series B in Tessaract."
    ))
    assert ("Pelion Ventures", "investedIn", "Tessaract") in facts


def test_drone_story_joined_names_investor_lists_and_stray_appositions():
    ex = extract_text(
        "Corvid Aeronautics makes drones in Tucson. Both aircraft use engines made by Rotax, the "
        "Austrian engine maker owned by Brenner Group. Corvid competes with Shield Dynamics for "
        "contracts. It has raised about $480 million from investors including Founders Fund and "
        "Lux Capital, and Lockheed Martin took a small stake in the company in 2024."
    )
    assert ex.entities["Rotax"].type == "Company"  # "the engine maker" hung on "engines"
    facts = fact_set(ex)
    assert ("Brenner Group", "owns", "Rotax") in facts
    assert ("Brenner Group", "owns", "Corvid Aeronautics") not in facts
    assert "Lockheed Martin" in ex.entities  # two tagged names, one compound
    assert ("Lockheed Martin", "investedIn", "Corvid Aeronautics") in facts  # "the company"
    assert ("Lux Capital", "investedIn", "Corvid Aeronautics") in facts  # "investors including"
    assert ("Founders Fund", "investedIn", "Corvid Aeronautics") in facts


def test_interview_speaker_pronouns_and_people_by_their_possessives():
    ex = extract_text(
        "Amara Nwosu has spent most of her career on batteries. Tidewell, the Rotterdam-based "
        "startup she co-founded in 2020, sells software to utilities.\n"
        "Q: And before that?\n"
        "A: Yes. I co-founded Sparkline in 2016 with two friends. Brenner bought it in 2019.\n"
        "Q: What does Tidewell do?\n"
        "A: Our product, Conductor, decides when a battery should charge. We have a partnership "
        "with Nordvind Energy in Sweden."
    )
    assert ex.entities["Amara Nwosu"].type == "Person"  # "her career"
    assert ex.entities["Sparkline"].type != "Person"  # the object of "co-founded"
    facts = fact_set(ex)
    assert ("Amara Nwosu", "founderOf", "Tidewell") in facts  # "she" once she is a person
    assert ("Conductor", "developedBy", "Tidewell") in facts  # "our" on an answer line
    assert ("Nordvind Energy", "partnerOf", "Tidewell") in facts  # "we"
    narrated = fact_set(extract_text(
        "Tidewell sells software. We have a partnership with Vattenfall, the author writes."
    ))
    assert ("Tidewell", "partnerOf", "Vattenfall") not in narrated  # "we" outside speech


def test_serving_as_a_role_names_the_subject():
    facts = fact_set(extract_text(
        "Tidewell, the Rotterdam-based startup that Amara Nwosu co-founded in 2020 and now runs "
        "as chief executive, sells software."
    ))
    assert ("Amara Nwosu", "ceoOf", "Tidewell") in facts


def test_merger_analysis_relative_prepositions_owner_nouns_and_ended_roles():
    facts = fact_set(extract_text(
        "Meridia Telecom bought Vantel last year. Paolo Ricci, who had run Vantel since 2015, "
        "now chairs Meridia's board. Corvara Capital, an activist fund that holds about 4 "
        "percent of Meridia's shares, objected. Aria is powered by Nebbia-2, a language model "
        "developed by Nebbia AI, a Turin-based startup with which Meridia Telecom signed a "
        "partnership in 2024 and in which it has since invested 25 million euros."
    ), asserted_only=True)
    assert ("Paolo Ricci", "leads", "Vantel") not in facts  # "had run": over
    assert ("Paolo Ricci", "leads", "Meridia Telecom") in facts  # "chairs Meridia's board"
    assert ("Corvara Capital", "investedIn", "Meridia Telecom") in facts  # "...'s shares"
    assert ("Meridia Telecom", "partnerOf", "Nebbia AI") in facts  # "with which"
    assert ("Meridia Telecom", "investedIn", "Nebbia AI") in facts  # "in which"


def test_a_role_noun_named_through_a_second_apposition():
    facts = fact_set(extract_text(
        "Castellan Pharma bought Marrowgate Therapeutics. Marrowgate is still run by its "
        "founder, the immunologist Ruth Achterberg, who identified the target."
    ))
    assert ("Ruth Achterberg", "leads", "Marrowgate Therapeutics") in facts
    assert ("Ruth Achterberg", "founderOf", "Marrowgate Therapeutics") in facts


def test_the_two_companies_are_the_last_two_named():
    facts = fact_set(extract_text(
        "Halvard Systems invested 1.3 billion euros in Orlan Robotics. The two companies also "
        "signed a partnership under which Orlan's robots will be used in Halvard's plants."
    ))
    assert ("Halvard Systems", "partnerOf", "Orlan Robotics") in facts


def test_code_names_given_under_a_phrase_or_a_lost_relative_clause():
    facts = fact_set(extract_text(
        "Norrvik Motors unveiled the Norrvik Aurora. The Aurora, developed under the code name "
        "Tundra, replaces the Fjord. Talon also powers the Harrier X, a larger long-range drone "
        "that Corvid designed and that is known internally as Nightjar."
    ))
    assert ("Norrvik Aurora", "codeName", "Tundra") in facts  # "developed under the code name"
    assert ("Harrier X", "codeName", "Nightjar") in facts  # the second "that" lost its clause


def test_loose_triggers_do_not_type_people_as_products():
    ex = extract_text(
        "Verant Industrial said that chief executive Robert Adeyemi had stepped down and named "
        "Claire Dubois, who until now ran its factory-automation unit, as his successor. "
        "Dubois takes over as chief executive immediately. Verant Automation, the group's "
        "largest division, is now led by Stefan Kroll, previously her deputy."
    )
    assert ex.entities["Claire Dubois"].type == "Person"  # she "ran" a unit, "takes over"
    assert ex.entities["Verant Automation"].type != "Person"  # "her" is Dubois's
    facts = fact_set(ex)
    assert ("Claire Dubois", "ceoOf", "Verant Industrial") in facts
    assert ("Stefan Kroll", "leads", "Verant Automation") in facts


def test_the_noun_a_name_was_described_with_refers_back_to_it():
    facts = fact_set(extract_text(
        "Corvane Semiconductor launched the Tessel X2 chip. Corvane also named Kestrel Compute, "
        "a Denver-based data-center operator, as its launch partner: the Tessel X2 is available "
        "on Kestrel Cloud, the operator's rental service."
    ))
    assert ("Kestrel Cloud", "developedBy", "Kestrel Compute") in facts  # "the operator's"
    assert ("Kestrel Cloud", "developedBy", "Corvane Semiconductor") not in facts


def test_deputies_and_roles_held_until_a_date():
    ex = extract_text(
        "Joan Byrne was deputy leader of the Harbour Party between 2007 and 2014. Richard Vale "
        "served as chairman of the Vale Brothers Fund until 2013."
    )
    facts, everything = fact_set(ex), fact_set(ex, asserted_only=False)
    assert ("Joan Byrne", "leads", "Harbour Party") not in everything  # a deputy
    assert ("Richard Vale", "leads", "Vale Brothers Fund") in everything - facts  # until 2013


def test_an_elaborating_description_means_the_name_just_before():
    facts = fact_set(extract_text(
        "Castellan Pharma makes pills. Outside Europe, the drug's fortunes rest partly on "
        "Tsubame Pharmaceutical. The Osaka-based company holds the rights in Japan."
    ))
    assert ("Tsubame Pharmaceutical", "headquarteredIn", "Osaka") in facts
    assert ("Castellan Pharma", "headquarteredIn", "Osaka") not in facts


def test_a_reflexive_is_not_what_a_verb_acts_upon():
    facts = fact_set(extract_text(
        "Tidewell sells software.\nA: Under the hood it runs on Ebb, a forecasting model we "
        "trained ourselves on eight years of power prices."
    ))
    assert ("Ebb", "developedBy", "Tidewell") in facts


def test_a_model_number_alone_is_a_name():
    ex = extract_text(
        "Tessaract, a Lisbon-based chip startup, raised money. Tessaract's first chip, the "
        "TX1, is made in Taiwan. Sales rose in Q3."
    )
    assert "TX1" in ex.entities and "Q3" not in ex.entities
    assert ("TX1", "developedBy", "Tessaract") in fact_set(ex)


def test_the_studio_is_the_name_ending_in_studios():
    facts = fact_set(extract_text(
        "The Salt Road, a thriller produced by Harrowgate Studios, arrived on Lanternbox. "
        "Lanternbox, the Toronto-based streaming service, bought the London-based studio in "
        "2022, and Harrowgate now operates as a wholly owned subsidiary of Lanternbox."
    ))
    assert ("Lanternbox", "acquired", "Harrowgate Studios") in facts  # "the ... studio"
    assert ("Harrowgate Studios", "headquarteredIn", "London") in facts
    assert ("Harrowgate Studios", "subOrganizationOf", "Lanternbox") in facts  # "operates as"


def test_names_made_only_of_ignored_words_are_not_entities():
    ex = extract_text("Brightwell built the LLM AI model that Quillon uses.")
    assert "LLM AI" not in ex.entities and "Quillon" in ex.entities


def test_a_competitor_the_tagger_mistyped_takes_its_rival_s_kind():
    ex = extract_text(
        "Lanternbox is a streaming company in Toronto. Lanternbox has 19 million subscribers "
        "and competes with Netflix and Crave for viewers in Canada."
    )
    facts = fact_set(ex)  # "competes" read as a noun conjoined to "subscribers"
    assert ("Lanternbox", "competitorOf", "Netflix") in facts or \
        ("Netflix", "competitorOf", "Lanternbox") in facts
    assert ex.entities["Crave"].type == ex.entities["Lanternbox"].type  # tagged a person


def test_platforms_in_an_availability_slot_are_products():
    ex = extract_text("Tessera AI makes Quill. Quill is available on Android, Windows and iOS.")
    facts = fact_set(ex)
    assert ("Quill", "availableOn", "iOS") in facts  # camel case, tagged as a number
    assert ("Quill", "availableOn", "Windows") in facts  # tagged a place
    assert ex.entities["Windows"].type != "Place"


def test_backers_and_investors_listed_as_examples():
    facts = fact_set(extract_text(
        "Veyra is a phone maker. Its backers include Kallio Capital and Hoshino Industries, "
        "an electronics group.\nStackwise had raised $95 million from investors including "
        "Lux Capital, Eclipse Ventures and Playground Global.\nAlpenglow is a lab. Alpenglow "
        "is funded by the Helvetia Compute Trust, a foundation, and by the chipmaker AMD."
    ))
    for investor, investee in [("Kallio Capital", "Veyra"), ("Hoshino Industries", "Veyra"),
                               ("Playground Global", "Stackwise"), ("AMD", "Alpenglow")]:
        assert (investor, "investedIn", investee) in facts


def test_the_company_in_a_round_up_is_the_paragraph_s_firm():
    facts = fact_set(extract_text(
        "Three start-ups to watch\n\n1. Quaymark\n\nQuaymark helps ports cut emissions. "
        "Quaymark bought Driftlog in August. Quaymark's founder is Maya Roe.\n\n"
        "2. Mossgrid\n\nNairobi-based Mossgrid writes grid software. Its GridKeeper app, "
        "available on Android, lets operators switch loads. Amara Kinyua, who founded the "
        "company in 2021, closed a Series A in March. Kinyua says Mossgrid manages power for "
        "300,000 people."
    ))
    assert ("Amara Kinyua", "founderOf", "Mossgrid") in facts
    assert ("GridKeeper", "developedBy", "Mossgrid") in facts
    assert not any(f[0] == "Amara Kinyua" and f[2] != "Mossgrid" for f in facts)


def test_a_title_case_headline_names_only_what_the_body_names():
    ex = extract_text(
        "Quillfeather Labs Launches Strata 2, Its Next-Generation Model for Legal Documents\n\n"
        "SAN DIEGO, March 4 -- Quillfeather Labs today announced Strata 2, a large language "
        "model for contracts."
    )
    assert {"Quillfeather Labs", "Strata 2"} <= set(ex.entities)
    assert not any("Launches" in key or key == "Next" for key in ex.entities)
    assert ex.entities["SAN DIEGO"].type == "Place"  # a dateline
    assert ("Strata 2", "developedBy", "Quillfeather Labs") in fact_set(ex)


def test_a_short_name_used_before_a_namesake_person_is_its_own():
    ex = extract_text(
        "Calderwood bets on Sunmere Zero\n\nCalderwood Brands, the Chicago-based drinks group, "
        "launched Sunmere Zero. Calderwood holds a 30 percent stake in Grupo Marisol. The "
        "company was founded by the pharmacist Walter Calderwood. Calderwood shares rose."
    )
    facts = fact_set(ex)
    assert ("Walter Calderwood", "founderOf", "Calderwood Brands") in facts
    assert ("Calderwood Brands", "investedIn", "Grupo Marisol") in facts
    assert ex.entities["Walter Calderwood"].type == "Person"


def test_a_transcript_speaker_s_we_is_the_guest_s_organisation():
    facts = fact_set(extract_text(
        "Transcript: Brindle AI on notes\n\nHOST: My guest today is Michael Chen, who "
        "co-founded Brindle AI and is its chief technology officer.\n\nCHEN: Our app is "
        "Brindle Notes. Ruth Abernathy, my co-founder, who's our CEO, grew up there. We're "
        "partners with Ostara Health now. Internally we called it Thimble."
    ))
    assert ("Michael Chen", "worksFor", "Brindle AI") in facts  # "and is its CTO"
    assert ("Brindle Notes", "developedBy", "Brindle AI") in facts
    assert ("Ruth Abernathy", "ceoOf", "Brindle AI") in facts
    assert ("Ruth Abernathy", "founderOf", "Brindle AI") in facts
    assert _paired(facts, "Brindle AI", "partnerOf", "Ostara Health")


def test_contract_makers_and_bottlers_manufacture_but_do_not_develop():
    facts = fact_set(extract_text(
        "Calderwood Brands sells Brisa Tonic, a mixer drink. Brisa Tonic has doubled its sales "
        "and is made under contract by Leeds-based Fenwick Bottling. In Mexico the drink is "
        "bottled by Grupo Marisol."
    ))
    assert ("Brisa Tonic", "manufacturedBy", "Fenwick Bottling") in facts
    assert ("Brisa Tonic", "developedBy", "Fenwick Bottling") not in facts
    assert ("Brisa Tonic", "manufacturedBy", "Grupo Marisol") in facts


def test_places_before_a_noun_and_prepositions_hung_on_the_verb():
    facts = fact_set(extract_text(
        "Veltrane makes chips. Net income at the Austin, Texas-based chipmaker rose. Software "
        "revenue, mainly from Tidewater, the company's developer platform, rose 30 percent. "
        "Tidewater became available on Microsoft Azure during the quarter. Help came from "
        "Halvorsen & Pike, the Chicago law firm that has been a Veltrane partner since 2022."
    ))
    assert ("Veltrane", "headquarteredIn", "Austin") in facts
    assert ("Veltrane", "headquarteredIn", "Texas") not in facts
    assert ("Tidewater", "availableOn", "Microsoft Azure") in facts
    assert not any(f[0] == "Chicago" for f in facts)  # "the Chicago law firm" is not Chicago


def test_a_deal_agreed_or_proposed_is_not_yet_a_purchase():
    ex = extract_text(
        "The Commission opened a probe into Paxbridge's proposed $4.8 billion takeover of "
        "Tillway. The London-based payments group agreed in June to buy Tillway, a Lisbon "
        "company. Paxbridge bought Ferncliff Checkout in 2022."
    )
    status = {(f.subject, f.predicate, f.object): f.asserted for f in ex.facts}
    assert status[("Paxbridge", "acquired", "Tillway")] is False  # pending, so hedged
    assert status[("Paxbridge", "acquired", "Ferncliff Checkout")] is True
    assert ("Paxbridge", "headquarteredIn", "London") in fact_set(ex)  # not Tillway


def test_a_unit_named_after_its_company_belongs_to_it():
    facts = fact_set(extract_text(
        "Veltrane Semiconductor makes chips. Veltrane grew. Revenue at Veltrane Automotive, "
        "the division headed by Hiroshi Tanabe, fell 14 percent. Veltrane Capital, a fund run "
        "by Ana Lim, backs start-ups."
    ))
    assert ("Veltrane Automotive", "subOrganizationOf", "Veltrane Semiconductor") in facts
    assert ("Hiroshi Tanabe", "leads", "Veltrane Automotive") in facts
    # sharing a first word is not enough: nothing calls the fund a unit
    assert ("Veltrane Capital", "subOrganizationOf", "Veltrane Semiconductor") not in facts


def test_sizes_of_a_model_family_are_its_variants():
    ex = extract_text(
        "Alpenglow Research on Wednesday released Tern 3, a family of open language models in "
        "three sizes: Tern 3 Mini, Tern 3 Pro and Tern 3 Max."
    )
    facts = fact_set(ex)
    for size in ("Tern 3 Mini", "Tern 3 Pro", "Tern 3 Max"):
        assert ex.entities[size].type == ex.entities["Tern 3"].type
        assert (size, "developedBy", "Alpenglow Research") in facts


def test_series_letters_stay_with_their_family_and_plants_mean_their_owner():
    ex = extract_text(
        "Corvid Aeronautics makes the Kestrel K2 drone. The Kestrel K2 is manufactured at "
        "Corvid's plant in Tucson. The drone, which replaced the original Kestrel K1 in 2023, "
        "carries a camera."
    )
    facts = fact_set(ex)
    assert ex.entities["Kestrel K1"].type == ex.entities["Kestrel K2"].type  # not a person
    assert ("Kestrel K2", "successorOf", "Kestrel K1") in facts  # "the drone, which ..."
    assert ("Kestrel K2", "manufacturedBy", "Corvid Aeronautics") in facts
    # a maker is not handed down the generations: a new fab may build the next one
    assert ("Kestrel K1", "manufacturedBy", "Corvid Aeronautics") not in facts


def test_a_brand_set_up_as_a_subsidiary_and_run_by_a_person():
    facts = fact_set(extract_text(
        "Norrvik Motors unveiled the Aurora. Norrvik also said that Vinter, the performance "
        "brand it set up as a wholly owned subsidiary two years ago, will sell a version of "
        "the Aurora. Vinter is run by Marcus Ek, a former Koenigsegg engineer."
    ))
    assert ("Marcus Ek", "leads", "Vinter") in facts  # Vinter, tagged a person, is retyped
    assert ("Vinter", "subOrganizationOf", "Norrvik Motors") in facts


def test_a_second_by_phrase_hung_on_the_verb_is_a_second_doer():
    facts = fact_set(extract_text(
        "Tillway is a payments company. Tillway was founded in 2016 by Ines Carvalho, who "
        "previously ran merchant payments at Verrano, and by the engineer Duarte Mendes."
    ))
    assert ("Ines Carvalho", "founderOf", "Tillway") in facts
    assert ("Duarte Mendes", "founderOf", "Tillway") in facts


def test_a_firm_named_after_its_founder_keeps_its_short_name():
    ex = extract_text(
        "Harrow Pump Co. moved its headquarters to Dayton on Monday.\n\n"
        "The maker of industrial pumps, founded in 1961 by machinist Walt Harrow, is owned by "
        "Tessvik Group. \"Dayton gave us room to grow,\" said Lena Moss, Harrow's chief "
        "executive. Harrow has been a subsidiary of Tessvik since 2004. Tessvik chief "
        "executive Bo Lind said the move made sense. Dayton Mayor Ray Quill welcomed it."
    )
    assert "Harrow" in ex.entities["Harrow Pump Co"].aliases  # not the founder's surname
    assert ex.entities["Dayton"].type == "Place"  # "Dayton Mayor Ray Quill": whose mayor
    facts = fact_set(ex)
    assert ("Harrow Pump Co", "headquarteredIn", "Dayton") in facts  # moved its HQ to
    assert ("Walt Harrow", "founderOf", "Harrow Pump Co") in facts  # "the maker of pumps"
    assert ("Lena Moss", "ceoOf", "Harrow Pump Co") in facts
    assert ("Bo Lind", "ceoOf", "Tessvik Group") in facts  # the firm read as an adjective


def test_named_subsidiaries_are_not_the_last_two_firms():
    facts = fact_set(extract_text(
        "Orlent Valve is owned by Tessvik Group. Orlent's two subsidiaries, Quarry Seal and "
        "Lindell Castings, remain based in Peoria."
    ))
    assert ("Quarry Seal", "headquarteredIn", "Peoria") in facts
    assert ("Lindell Castings", "headquarteredIn", "Peoria") in facts
    assert ("Tessvik Group", "headquarteredIn", "Peoria") not in facts


def test_the_company_after_a_founding_is_the_firm_just_founded():
    facts = fact_set(extract_text(
        "Hal Brisk began his career at Dornvale, the Swiss measurement company. In 1974 he "
        "left Dornvale and founded Brisk Instruments. The company, which is still "
        "headquartered in Grenoble, made its name with spectrometers."
    ))
    assert ("Brisk Instruments", "headquarteredIn", "Grenoble") in facts
    assert ("Dornvale", "headquarteredIn", "Grenoble") not in facts


def test_a_role_told_in_the_simple_past_has_ended():
    ex = extract_text(
        "Kagemi Holdings named Aya Ono chief executive. Ken Ando, who ran Kagemi for 14 "
        "years, retired. Velt Ventures led the round in Kagemi's chip arm."
    )
    facts = fact_set(ex)
    assert ("Ken Ando", "leads", "Kagemi Holdings") not in facts
    assert ("Ken Ando", "leads", "Kagemi Holdings") in fact_set(ex, asserted_only=False)


def test_a_full_name_tagged_a_firm_is_the_person_its_surname_names():
    ex = extract_text(
        "Quarrel Labs is a lab. \"We wanted a model a hospital could run,\" said Ilse Brauer, "
        "who co-founded Quarrel Labs in 2021 with Tomasz Wieczorek and has been its chief "
        "executive since. Wieczorek, the lab's chief scientist, said little."
    )
    assert ex.entities["Tomasz Wieczorek"].type == "Person"  # the tagger says a firm
    assert "Wieczorek" in ex.entities["Tomasz Wieczorek"].aliases
    facts = fact_set(ex)
    assert ("Tomasz Wieczorek", "founderOf", "Quarrel Labs") in facts
    assert ("Ilse Brauer", "ceoOf", "Quarrel Labs") in facts


def test_misparsed_verbs_and_descriptions_before_names():
    ex = extract_text(
        "Quarrel Labs, the Zurich-based lab, on Thursday released Wren 3, a family of models. "
        "Wren 3 powers Inkpad, a note-taking app made by the start-up Quillery. Wren 3 was "
        "built by the Bedrock team, a group of about 40 researchers led by Ana Ruiz."
    )
    assert "Quillery" in ex.entities  # not "start-up Quillery"
    facts = fact_set(ex)
    assert ("Wren 3", "developedBy", "Quarrel Labs") in facts  # verb read as a relative clause
    assert ("Wren 3", "powers", "Inkpad") in facts  # "powers" read as a plural noun
    assert ("Inkpad", "developedBy", "Quillery") in facts
    assert ("Ana Ruiz", "leads", "Bedrock") in facts  # through the apposition "a group"


def test_a_device_family_its_chip_and_a_rumoured_variant():
    ex = extract_text(
        "Halvik on Wednesday unveiled the Glide 2, a handheld gaming computer.\n\n"
        "The Glide 2 replaces the Glide, which Halvik launched in 2022. \"The original Glide "
        "was a great screen,\" he said. The device is powered by the Corra C7, a processor "
        "designed by Corra Silicon and manufactured by TSMC on its 3-nanometre process. It "
        "competes with Valve's Steam Deck. A higher-end Glide 2 Pro is expected to follow "
        "next year."
    )
    assert "Steam Deck" in ex.entities and "Valve" in ex.entities  # two names, not one
    assert ex.entities["Glide"].type == ex.entities["Glide 2"].type  # the family shares it
    facts = fact_set(ex)
    assert ("Glide 2", "successorOf", "Glide") in facts
    assert ("Corra C7", "manufacturedBy", "TSMC") in facts  # the chip, not the device
    assert ("Glide 2", "manufacturedBy", "TSMC") not in facts
    assert ("Glide 2", "developedBy", "Halvik") in facts
    assert not any(s == "Glide 2 Pro" for s, p, o in facts)  # only expected: no maker yet


def test_an_earnings_call_story():
    ex = extract_text(
        "Larkspur Technologies reported revenue of $612 million.\n\n"
        "Domvik Labs, the Copenhagen-based lock maker that Larkspur bought in 2021, designs "
        "its locks. Customers control the devices through the Larkspur Home app, available "
        "on iOS and Android. The camera's image sensor, the OK-480, is made by Okawa Imaging. "
        "Beacon, a vision model, runs on the camera.\n\n"
        "The call's biggest question was Pellam Systems. Larkspur agreed in June to buy the "
        "Denver-based maker of video doorbells for $340 million."
    )
    assert ex.entities["Beacon"].type == "AIModel"  # a sentence's first word, described
    facts = fact_set(ex)
    assert ("Larkspur Home", "availableOn", "iOS") in facts  # "the X app, available on"
    assert ("OK-480", "manufacturedBy", "Okawa Imaging") in facts  # a sensor is a product
    assert ("Pellam Systems", "headquarteredIn", "Denver") in facts  # not the last "maker"
    assert ("Domvik Labs", "headquarteredIn", "Denver") not in facts
    assert ("Larkspur Technologies", "headquarteredIn", "Denver") not in facts  # the buyer


def test_a_wire_story_about_many_firms():
    ex = extract_text(
        "Tech shares mixed as Halden closes Quorra deal\n\n"
        "Halden Systems rose 6 percent after the Austin-based maker said it had completed "
        "its purchase of Quorra Networks, a maker of optical switches. Quorra will keep its "
        "brand and operate as a unit of Halden.\n\n"
        "Corvale slipped 3 percent. The Dublin-based payments company said co-founder Dana "
        "Whitby had stepped down as chief executive.\n\n"
        "Whitby, who started the company with two friends in 2011, will stay on.\n\n"
        "San Jose-based Kestrel Semiconductor fell 4 percent. Kestrel chief executive Tomas "
        "Brant declined to comment.\n\n"
        "Lumaro jumped 11 percent after Sable Peak Capital disclosed an 8 percent stake in the "
        "accounting-software maker. Lumaro's Ledgerline app is winning customers from larger "
        "rivals. \"Investors reward deals,\" said Priya Hallam, a "
        "strategist at Wexford Securities."
    )
    facts = fact_set(ex)
    assert ("Quorra Networks", "subOrganizationOf", "Halden Systems") in facts  # operate as
    assert ("Dana Whitby", "founderOf", "Corvale") in facts  # the paragraph before's firm
    assert ("Tomas Brant", "ceoOf", "Kestrel Semiconductor") in facts  # "Kestrel" alone
    assert ("Sable Peak Capital", "investedIn", "Lumaro") in facts  # not the last "maker"
    assert ("Priya Hallam", "worksFor", "Wexford Securities") in facts


def test_a_short_name_shared_by_two_units_is_the_one_named_first():
    ex = extract_text(
        "Kazemi Holdings, the Osaka-based conglomerate, on Monday spun off its chip arm.\n\n"
        "The chip unit, until now called Kazemi Devices, trades as Hoshiko Semiconductor. "
        "Kazemi has kept a 19.9 percent stake in the company, which is headquartered in "
        "Kumamoto and whose chief executive is Mei Tanabe. Rolf Brenner, a German executive, "
        "runs storage. \"Chips move fast,\" said Haruto Kisaragi, Kazemi's chief executive."
    )
    assert "Kazemi" in ex.entities["Kazemi Holdings"].aliases  # not ambiguous: named first
    facts = fact_set(ex)
    assert ("Haruto Kisaragi", "ceoOf", "Kazemi Holdings") in facts
    assert ("Mei Tanabe", "ceoOf", "Kazemi Holdings") not in facts  # "whose": the company
    assert ("Rolf Brenner", "ceoOf", "Kazemi Holdings") not in facts  # "a ... executive"


def test_its_after_the_company_and_a_conjoined_verb():
    ex = extract_text(
        "Tessvale Group said it had bought Harrow Robotics, the Pittsburgh company behind the "
        "Strider robots. Harrow now sits inside Tessvale Motion and keeps its brand and its "
        "Pittsburgh headquarters.\n\n"
        "Tillmark is a payments start-up. The company is backed by Greyhill Capital and "
        "Ostrow Partners, which together hold about 40 percent of its shares. Elin Amund, a "
        "partner at Ostrow, joined Tillmark's board."
    )
    facts = fact_set(ex)
    assert ("Tessvale Group", "headquarteredIn", "Pittsburgh") not in facts  # Harrow's
    assert ("Greyhill Capital", "investedIn", "Ostrow Partners") not in facts
    assert ("Ostrow Partners", "investedIn", "Greyhill Capital") not in facts
    assert ("Elin Amund", "worksFor", "Ostrow Partners") in facts
    assert ("Elin Amund", "worksFor", "Tillmark") not in facts  # a board seat, not a job


def test_a_platform_named_only_after_a_pronoun_is_typed():
    facts = fact_set(extract_text(
        "The centrepiece is Larch Go, an app the bank released in February. It is available "
        "on iOS and Android, and it was built by Lattice Ledger Systems."
    ))
    assert ("Larch Go", "availableOn", "iOS") in facts  # iOS has no other typing evidence
    assert ("Larch Go", "availableOn", "Android") in facts


def test_backers_of_funding_rounds():
    facts = fact_set(extract_text(
        "Funding roundup\n\n"
        "This week's biggest cheque went to Quorral, the San Francisco start-up behind the "
        "coding assistant Quorral Pilot, which raised $200 million in a Series C led by "
        "Emberfield Capital at a valuation of $2.5 billion. NVest, Nvidia's venture arm, also "
        "put money in. Quorral was founded in 2021.\n\n"
        "Solvane, a Berlin company, closed a $60 million Series B led by Hollis Park Ventures. "
        "Atrium Fund, the venture arm of a carmaker, joined the round. Solvane was founded "
        "in 2020.\n\n"
        "Who backed it? Harrow Robotics raised about $410 million. Bellgrove Capital led "
        "its 2019 Series B; Norrow Ventures joined in two later rounds. Harrow was sold in "
        "May."
    ))
    assert ("Emberfield Capital", "investedIn", "Quorral") in facts  # through "which"
    assert ("NVest", "investedIn", "Quorral") in facts
    assert ("Atrium Fund", "investedIn", "Solvane") in facts
    assert ("Bellgrove Capital", "investedIn", "Harrow Robotics") in facts  # its = not its own
    assert ("Norrow Ventures", "investedIn", "Harrow Robotics") in facts  # not "the two"


def test_a_device_family_the_tagger_calls_a_firm():
    facts = fact_set(extract_text(
        "Paxmoor agreed to buy Tollway, a Lisbon company whose TollTap card readers are used "
        "by 600,000 merchants.\n\n"
        "Much of the case turns on the TollTap 2, which replaced the original TollTap in 2023. "
        "The device is designed by Tollway and manufactured by Qiantu Electronics. A TollTap 3 "
        "is probably coming next year."
    ))
    assert ("TollTap 2", "successorOf", "TollTap") in facts  # both typed products
    assert ("TollTap 2", "manufacturedBy", "Qiantu Electronics") in facts  # not the one in
    assert ("TollTap", "manufacturedBy", "Qiantu Electronics") not in facts  # the clause
    assert not any(s == "TollTap 3" for s, p, o in facts)  # only "probably coming"


def test_units_departments_and_rivals_down_a_phrase():
    ex = extract_text(
        "Tarrow Robotics builds picking robots. Today it competes for contracts with big "
        "retailers against Amazon Robotics, Amazon's in-house robotics unit. \"We listened,\" "
        "said Daniel Okoro, head of hardware at Tarrow Robotics."
    )
    assert "Amazon" not in ex.entities["Amazon Robotics"].aliases  # the unit's owner
    facts = fact_set(ex)
    assert ("Amazon Robotics", "subOrganizationOf", "Amazon") in facts
    assert _paired(facts, "Amazon Robotics", "competitorOf", "Tarrow Robotics")
    assert ("Daniel Okoro", "worksFor", "Tarrow Robotics") in facts  # head of a department
    assert ("Daniel Okoro", "leads", "Tarrow Robotics") not in facts


def test_i_is_the_speaker():
    facts = fact_set(extract_text(
        "Ama Nwoke runs Tidemark, a battery-software start-up.\n\n"
        "Q: What did you do before?\n\n"
        "A: I co-founded Sparkwell in 2016 with two friends. Siemens bought it in 2019.\n\n"
        "\"I started Quarry Labs in my garage,\" said Joe Brandt, who later sold it."
    ))
    assert ("Ama Nwoke", "founderOf", "Sparkwell") in facts  # the guest's answer line
    assert ("Joe Brandt", "founderOf", "Quarry Labs") in facts  # the quote's speaker


def test_the_retailers_unit_is_not_the_unit_itself():
    facts = fact_set(extract_text(
        "Hallam & Crane, the Minneapolis-based department-store chain, launched Penny. The "
        "assistant was built by Hallam & Crane Digital, the retailer's Chicago-based "
        "technology unit, which is headed by Omar Seddik."
    ))
    assert ("Hallam & Crane Digital", "subOrganizationOf", "Hallam & Crane") in facts
    assert ("Hallam & Crane", "owns", "Hallam & Crane Digital") in facts  # a plain
    # organisation (the tagger's ORG) may own its unit


def test_platforms_a_product_is_used_on_or_reaches():
    facts = fact_set(extract_text(
        "Hallam & Crane launched Penny, an AI shopping assistant. Penny can be used on iOS "
        "and Android. Pellam Labs makes Hearth, a journaling app.\n\n"
        "Hearth, which arrived on iOS in 2023 and reached the Apple Watch this spring, asks "
        "one question each evening."
    ))
    assert ("Penny", "availableOn", "Android") in facts
    assert ("Hearth", "availableOn", "Apple Watch") in facts


def test_a_supply_chain_story():
    facts = fact_set(extract_text(
        "When the first Skyline 9 rolled out of the final-assembly hall in Blagnac, it carried "
        "parts from five countries. The aircraft, which Toulouse-based Aurell Aerospace "
        "developed, is a turboprop. It flies on two BT-40 turboprops developed by Brannoch "
        "Propulsion. Brannoch builds the BT-40 at its own works outside Derby. The cockpit "
        "runs Lumen Deck, an avionics suite from Hallvig Avionics."
    ))
    assert ("Aurell Aerospace", "headquarteredIn", "Toulouse") in facts  # "Toulouse-based"
    assert ("BT-40", "manufacturedBy", "Brannoch Propulsion") in facts  # builds at its works
    assert ("Lumen Deck", "developedBy", "Hallvig Avionics") in facts  # "a suite from"


def test_a_studio_profile():
    facts = fact_set(extract_text(
        "Inside Lanternwick, the small Montreal studio that keeps making big games\n\n"
        "This is Lanternwick Studios, the team behind Saltmire. Lanternwick was founded in "
        "2011 by Elodie Marchal. Marchal is still the studio head. Its newest game, Emberlyn, "
        "is available on PlayStation 5 and Steam."
    ))
    assert not any("Inside" in s or "Inside" in o for s, p, o in facts)  # a headline word
    assert ("Elodie Marchal", "leads", "Lanternwick Studios") in facts  # "the studio head"
    assert ("Emberlyn", "availableOn", "Steam") in facts  # "PlayStation 5 and Steam": two


def test_a_merger_and_a_spin_off():
    facts = fact_set(extract_text(
        "Corlane Software and Amberfield Systems completed their merger on Friday, creating "
        "Lodestone Group, a business-software company. The two companies now operate as "
        "divisions of Lodestone. Amberfield's hardware arm has been spun off as an "
        "independent company, Tesselate Devices. Tesselate Devices makes the T4 terminal. "
        "Lodestone has kept a 19.9 percent stake in the new company. Contrary to earlier "
        "reports, Microsoft has not taken a stake in Lodestone."
    ))
    assert ("Corlane Software", "subOrganizationOf", "Lodestone Group") in facts
    assert ("Amberfield Systems", "subOrganizationOf", "Lodestone Group") in facts
    assert ("Lodestone Group", "subOrganizationOf", "Corlane Software") not in facts
    assert ("Lodestone Group", "investedIn", "Tesselate Devices") in facts  # "the new company"
    assert ("Microsoft", "investedIn", "Lodestone Group") not in facts  # "has not taken"


def test_a_bulleted_launch_story():
    ex = extract_text(
        "Kestrel Sound's Aria earbuds: five things to know\n\n"
        "Kestrel Sound launched its first product on Wednesday: a pair of wireless earbuds "
        "called the Aria.\n\n"
        "1. The app works on both phones.\n"
        "- Settings and updates come through the Kestrel Companion app, which is available on "
        "iOS and Android.\n"
        "- The Aria goes on sale in the United States on June 3.\n"
        "- Much of the testing was done by Halvor & Pike, the Chicago law firm."
    )
    assert ex.entities["Aria"].type != "Place"  # "the Aria goes on sale", "called the Aria"
    assert ex.entities["Chicago"].type == "Place"  # "the Chicago law firm" stays a place
    assert "Kestrel Companion" in ex.entities  # not "Kestrel Companion app"
    facts = fact_set(ex)
    assert ("Kestrel Companion", "availableOn", "iOS") in facts


def test_it_on_a_labelled_answer_line_is_the_last_subject():
    ex = extract_text(
        "Hana Soren co-founded Nuvelo, the Oslo-based maker of hospital software.\n\n"
        "Q: Nuvelo released Sagan 3 last month. What changed?\n"
        "Soren: Sagan 3 is the successor to the Sagan 2 model, and it is much better at "
        "reading notes. It now powers Nuvelo Scribe, the documentation assistant."
    )
    assert ex.entities["Sagan 3"].type == "AIModel"  # its sibling is "the Sagan 2 model"
    facts = fact_set(ex)
    assert ("Sagan 3", "powers", "Nuvelo Scribe") in facts
    assert ("Sagan 2", "powers", "Nuvelo Scribe") not in facts


def test_a_name_before_a_compound_noun_phrase():
    from kg.documents import parse_document
    from kg.entities import type_cues
    from kg.nlp import parse

    parsed = parse(parse_document(
        b"The complaint says Calvera's Halcyon 3 depth camera infringes four patents.", "t.txt"))
    mention = next(m for m in parsed.mentions if m.text == "Halcyon 3")
    assert "PhysicalProduct" in {cls for cls, _ in type_cues(mention, parsed.doc)}  # camera


def test_the_division_in_a_who_owns_what_guide():
    facts = fact_set(extract_text(
        "Castello Media Group is a Dutch conglomerate.\n\n"
        "The news arm. Castello News, the group's publishing division, owns the Rotterdam "
        "Courier.\n\n"
        "The entertainment arm. Castello Entertainment, led by Anouk Brand, runs the group's "
        "film businesses. In 2021 the division acquired Dunemoor Pictures.\n\n"
        "The stakes. It holds a 35 percent stake in Earshot, a podcast company, and a 10 "
        "percent stake in Quillmore, a developer of writing tools."
    ))
    assert ("Castello Entertainment", "acquired", "Dunemoor Pictures") in facts  # this
    assert ("Castello News", "acquired", "Dunemoor Pictures") not in facts  # paragraph's
    assert ("Castello Media Group", "investedIn", "Quillmore") in facts  # the second stake


def test_their_after_the_founders_is_their_firm():
    facts = fact_set(extract_text(
        "This is Lanternwick Studios, the team behind Saltmire.\n\n"
        "Lanternwick was founded in 2011 by Elodie Marchal and Kwame Asante. Asante left in "
        "2021 to start a smaller company, Quarrystead, and the two remain close friends.\n\n"
        "Their first game, Saltmire, came out in 2016. Lanternwick is based in Montreal."
    ))
    assert ("Saltmire", "developedBy", "Lanternwick Studios") in facts  # not Quarrystead


def test_an_encyclopedia_opening_developed_and_published_by():
    ex = extract_text(
        "Landslide is a 1994 arcade game developed and published by Tessaro Interactive. "
        "Kestrune was founded in 1990 and acquired by Tessaro Interactive in 2005."
    )
    facts = fact_set(ex)
    assert ex.entities["Landslide"].type == "Product"  # a common word, but "is a game"
    assert ("Landslide", "developedBy", "Tessaro Interactive") in facts  # shared "by"
    assert not any(f[1] == "founderOf" for f in facts)  # "founded in 1990" has its own phrase


def test_a_family_firm_and_its_family():
    ex = extract_text(
        "Gaskell Tooling Group is now in the hands of the founder's children.\n\n"
        "Her father, Arthur Gaskell, founded the business in 1974. Her brother, Owen Gaskell, "
        "runs Gaskell Fasteners, the Walsall-based subsidiary that makes the group's Torqline "
        "wrenches, and their sister, Lucy Gaskell-Reed, joined the board. Their cousin, Ada "
        "Gaskell-Reed, has been appointed the group's finance director. Rupert Ainsley was "
        "named non-executive chairman.\n\n"
        "Last year the group sold its aerospace division, Gaskell Aero, to Coventry-based "
        "Tormund Industries. Gaskell sells Torqline, its best-known product, to Kestwood "
        "Motors. Tormund might bid for Gaskell now that Arthur has stepped back."
    )
    facts = fact_set(ex)
    assert "Arthur Gaskell" not in ex.entities["Gaskell Tooling Group"].aliases  # "Arthur"
    assert ex.entities["Lucy Gaskell-Reed"].type == "Person"  # not one of "the subsidiary"
    assert ("Ada Gaskell-Reed", "worksFor", "Gaskell Tooling Group") in facts  # not "leads"
    assert ("Ada Gaskell-Reed", "leads", "Gaskell Tooling Group") not in facts
    assert ("Rupert Ainsley", "leads", "Gaskell Tooling Group") in facts  # chairman of the story's
    assert ("Tormund Industries", "acquired", "Gaskell Aero") in facts  # sold to
    assert not any(f[1] == "acquired" and f[0] == "Kestwood Motors" for f in facts)  # goods


def test_a_surname_a_person_bore_before_the_firm_is_the_persons():
    ex = extract_text(
        "Harold Brisco, the engineer who founded Brisco Instruments in Grenoble, died on "
        "Sunday. Brisco was a demanding boss, colleagues said."
    )
    assert "Brisco" in ex.entities["Harold Brisco"].aliases
    assert "Brisco" not in ex.entities["Brisco Instruments"].aliases


def test_a_phone_review_names_the_phone_with_and_without_its_maker():
    ex = extract_text(
        "Aurelle Nova 5 review: a quieter phone\n\n"
        "I have spent two weeks with the Nova 5, the new flagship from Helsinki-based Aurelle "
        "Mobile. The Nova 5 replaces Aurelle's Nova 4. Night shots are a step behind Apple's "
        "iPhone 17, the Nova 5's most obvious rival. The Nova 5 is the phone to buy."
    )
    nova = next(e for e in ex.entities.values() if "Nova 5" in {e.label, *e.aliases})
    assert {"Aurelle Nova 5", "Nova 5"} <= {nova.label, *nova.aliases}  # tagged a person
    assert schema().is_a(nova.type, "Product")  # "the Nova 5's rival" says whose, not what
    assert "Aurelle" in ex.entities["Aurelle Mobile"].aliases


def test_a_name_ending_in_ai_is_a_firm_not_a_person():
    ex = extract_text(
        "Pallwick AI, $120 million. The money went to the Toronto company behind Pallwick "
        "Pair, a coding assistant that runs on Wick-2, a language model Pallwick trained "
        "itself. Pallwick says it intends to hire. Pallwick is the exception."
    )
    assert schema().is_a(ex.entities["Pallwick AI"].type, "Organization")  # tagged a person
    assistant = extract_text(  # but an assistant so named stays a product
        "Corvel Systems said its assistant, Corvel AI, now runs on Lark 2, a model the "
        "company trained. Corvel AI is available on iOS."
    ).entities["Corvel AI"]
    assert schema().is_a(assistant.type, "Product")


def test_a_former_name_and_a_nordic_legal_ending_are_the_same_firm():
    ex = extract_text(
        "Tarvik Holdings AB (formerly Tarvik Mekaniska Verkstad) is a Swedish industrial "
        "conglomerate based in Vasteras. Tarvik Holdings owns Nordbroms."
    )
    firm = next(e for e in ex.entities.values() if "Tarvik Holdings" in {e.label, *e.aliases})
    assert {"Tarvik Holdings AB", "Tarvik Mekaniska Verkstad"} <= {firm.label, *firm.aliases}
    assert firm.label != "Tarvik Mekaniska Verkstad"  # the node is named by its current name
    assert not any(f[0] == f[2] or f[1] == "developedBy" for f in fact_set(ex))


def test_a_name_in_another_language_and_a_closed_compound_noun_are_the_firm():
    ex = extract_text(
        "Brekkan Shipyard\n\n"
        "Brekkan Shipyard (Norwegian: Brekkan Verft) is a shipbuilding company based in "
        "Ulvsund. The yard is owned by Brekkan Holding, the family's investment company. "
        "Its ferries are designed by Brekkan and built by Tornyard of Gdansk."
    )
    yard = _entity(ex, "Brekkan Shipyard")
    assert {"Brekkan Verft", "Brekkan"} <= set(yard.aliases)  # (not the holding's short form)
    facts = fact_set(ex)
    assert ("Brekkan Holding", "owns", "Brekkan Shipyard") in facts  # "the yard"
    assert not any(f[2] == "Brekkan Holding" and f[1] != "owns" for f in facts)


def test_a_word_two_rules_share_types_a_lone_side_once():
    ex = extract_text(
        "Brekkan Shipyard\n\n"
        "Founded in 1898 by the boatbuilder Ole Brekkan, it builds fishing trawlers. Ole "
        "Brekkan built wooden fishing boats on the beach at Ulvsund until his son, Arne "
        "Brekkan, moved the business into a steel-hulled yard in 1931."
    )  # "built" is make-verb and produce-physical: one vote for a maker, not two
    assert _types(ex)["Ole Brekkan"] == "Person"


def test_a_dotted_italian_legal_ending_stays_on_the_name():
    ex = extract_text(
        "Castoro Forni\n\n"
        "Castoro Forni S.p.A., the Turin-based maker of ovens, named a new chief executive. "
        "The company is majority-owned by the Castoro family through Castoro Holding S.r.l."
    )
    names = {name for e in ex.entities.values() for name in (e.label, *e.aliases)}
    assert not names & {"A", "Castoro Forni S.p", "S.r.l"}
    from kg.nlp import load_pipeline  # the tagger may mend a split ending, or not: the
    tokens = [t.text for t in load_pipeline().tokenizer("Verrane S.p.A., Ciro S.r.l. Its")]
    assert tokens == ["Verrane", "S.p.A.", ",", "Ciro", "S.r.l.", "Its"]  # (tokenizer keeps it)
    doc = load_pipeline()("The firm is owned by the Lando family through Lando Holding "
                          "S.r.l. Its subsidiary Lando Service handles repairs.")
    assert [s.text for s in doc.sents][-1] == "Its subsidiary Lando Service handles repairs."
    firm = next(e for e in ex.entities.values() if "Castoro Forni" in {e.label, *e.aliases})
    assert "Castoro Forni S.p.A" in {firm.label, *firm.aliases}
    assert (firm.label, "headquarteredIn", "Turin") in fact_set(ex)


def test_the_unit_is_the_subsidiary_described_before_not_its_parent():
    facts = fact_set(extract_text(
        "Marlow Cycles widens its supply base\n\n"
        "Marlow Cycles, the Leeds-based bicycle maker, builds the Voltaro e-bike. The Voltaro "
        "runs on RideOS, software written by Marlow's Cambridge-based subsidiary Pedalogic.\n\n"
        "Marlow bought Pedalogic in 2020. The software unit is run by its general manager, "
        "Hannah Okafor, who co-founded it with two fellow engineers. Managing director Owen "
        "Tallis took over in 2019 from founder Ray Marlow."
    ))  # ("subsidiary", tagged an adjective before the name, describes Pedalogic)
    assert ("Hannah Okafor", "leads", "Pedalogic") in facts
    assert not any(f[0] == "Hannah Okafor" and f[2] == "Marlow Cycles" for f in facts)


def test_goods_produced_under_contract_are_the_contractors_make_not_design():
    facts = fact_set(extract_text(
        "Dunmere Dairies\n\n"
        "Dunmere Dairies launched Fellwick, a yoghurt product, in 2019. Fellwick yoghurts are "
        "produced under contract "
        "by the Penrith-based Northvale Cooperative, which also supplies milk to supermarkets."
    ))
    assert ("Fellwick", "manufacturedBy", "Northvale Cooperative") in facts
    assert ("Fellwick", "developedBy", "Northvale Cooperative") not in facts


def test_founders_listed_after_a_counted_plural_noun():
    ex = extract_text(
        "Brinewell\n\n"
        "Brinewell Energy makes sodium batteries. The company was founded by two of the "
        "university's chemists, Priya Desai and Tomás Keane."
    )
    facts = fact_set(ex)
    assert {("Priya Desai", "founderOf", "Brinewell Energy"),
            ("Tomás Keane", "founderOf", "Brinewell Energy")} <= facts
    assert _types(ex)["Priya Desai"] == "Person"  # chemists are no university's products
    facts = fact_set(extract_text(  # the parser hangs these names on "two": still both
        "Brinewell\n\nBrinewell Energy makes sodium batteries. The company was founded by "
        "two of the university's chemists, Priya Ashdown and Tomás Egland."
    ))
    assert ("Tomás Egland", "founderOf", "Brinewell Energy") in facts


def test_a_time_phrase_in_the_future_leaves_the_fact_planned():
    ex = extract_text(
        "Ardmore\n\nArdmore Labs makes Quillet 3. Ardmore says Quillet 3 will come to Strato "
        "later this year and to Kelpie next year. Quillet 3 came to Nimbo last year."
    )
    assert ("Quillet 3", "availableOn", "Nimbo") in fact_set(ex)  # done: the verb is past
    planned = fact_set(ex, asserted_only=False) - fact_set(ex)
    assert {("Quillet 3", "availableOn", "Strato"), ("Quillet 3", "availableOn", "Kelpie")} \
        <= planned


def test_the_two_labs_are_the_only_two_the_story_names():
    facts = fact_set(extract_text(
        "Quillet vs Halcyra\n\n"
        "Quillet comes from Ardmore Labs, the San Francisco lab founded in 2019 by Mira Castel.\n\n"
        "Halcyra was built by Meridel AI Research, the Toronto lab run by Sunhee Baik.\n\n"
        "Quillet is the better writer. Halcyra is faster and cheaper per token.\n\n"
        "The two labs compete hard for enterprise contracts."
    ))
    assert _paired(facts, "Ardmore Labs", "competitorOf", "Meridel AI Research")


def test_ships_and_bikes_are_manufactured_goods():
    ex = extract_text(
        "Skarvik Verft\n\nSkarvik Verft builds the Havbris trawler. The Marlo ferry entered "
        "service in 2012."
    )
    assert _types(ex)["Havbris"] == _types(ex)["Marlo"] == "PhysicalProduct"
    assert ("Havbris", "manufacturedBy", "Skarvik Verft") in fact_set(ex)


def test_whose_product_is_the_relative_clauses_antecedents():
    facts = fact_set(extract_text(
        "Kestrin\n\nKestrin AI is a chip firm. The Kestrin chip competes with Pellico Devices, "
        "the Austin company whose Stormback accelerators dominate the market."
    ))
    assert ("Stormback", "developedBy", "Pellico Devices") in facts


def test_from_hung_on_the_verb_after_a_product_still_names_its_maker():
    facts = fact_set(extract_text(
        "Norvik\n\nNorvik Mobile is a phone maker. The Norra 7 goes up against the Vira 12 "
        "from Pellan Mobile, the Seoul-based maker."
    ))
    assert ("Vira 12", "developedBy", "Pellan Mobile") in facts


def test_a_firm_of_a_town_tagged_as_a_person_is_the_firm_and_its_town():
    ex = extract_text(
        "Kessel\n\nKessel Systems is a firm. Kessel's main domestic competitor is Alpenring "
        "Versicherung of Innsbruck. Quillon's main competitors are the Stockholm-based "
        "Bokfaktura and Tiliko of Tampere."
    )
    names = {name for e in ex.entities.values() for name in (e.label, *e.aliases)}
    assert not names & {"Alpenring Versicherung of Innsbruck", "Tiliko of Tampere"}
    assert ("Alpenring Versicherung", "headquarteredIn", "Innsbruck") in fact_set(ex)


def test_a_town_in_a_name_phrase_the_tagger_ran_together_is_the_firms_base():
    facts = fact_set(extract_text(
        "Quayford\n\nQuayford Group is a firm. Quayford's main rival, the Belfast start-up "
        "Dockhand, approached Thornbury in 2018."
    ))
    assert ("Dockhand", "headquarteredIn", "Belfast") in facts


def test_a_universitys_venture_fund_is_part_of_it():
    facts = fact_set(extract_text(
        "Brinewell\n\nBrinewell Energy was spun out of Tyneford University in 2021. The "
        "university's venture fund, Tyne Ventures, holds a 15 percent stake."
    ))
    assert ("Tyne Ventures", "subOrganizationOf", "Tyneford University") in facts
    assert ("Tyne Ventures", "investedIn", "Brinewell Energy") in facts  # the story's firm,
    assert ("Tyne Ventures", "investedIn", "Tyneford University") not in facts  # not its owner


def test_more_kinds_of_firm_say_where_they_are_based():
    facts = fact_set(extract_text(
        "Pennock\n\nPennock Pies is a pie maker. Its rolls are made under contract by Tenby "
        "Bakeries, a small bakery in Leeds. Its wines are sold through the London importer "
        "Fennick & Lowe."
    ))
    assert ("Tenby Bakeries", "headquarteredIn", "Leeds") in facts
    assert ("Fennick & Lowe", "headquarteredIn", "London") in facts


def test_rival_as_a_modifier_names_a_competitor_of_the_sentences_firm():
    facts = fact_set(extract_text(
        "Brekkan Shipyard\n\nBrekkan Shipyard is a shipbuilder. Its new chief worked at the "
        "rival yard Tornvik Verft. Kestrel Semiconductor approached rival Nimbra Logic about "
        "a takeover."
    ))
    assert {tuple(sorted((f[0], f[2]))) for f in facts if f[1] == "competitorOf"} == {
        ("Brekkan Shipyard", "Tornvik Verft"), ("Kestrel Semiconductor", "Nimbra Logic")}


def test_a_renamed_firm_is_one_entity_named_by_its_new_name():
    ex = extract_text(
        "Brekkan Shipyard\n\n"
        "In 1974 the company acquired Sandvold Mek, an engine workshop in the town of "
        "Ostby; renamed Brekkan Motor, it remains a subsidiary of the yard. Halvik Rederi "
        "was renamed Halvik Lines in 1990. Tornhus changed its name to Tornhus Energi in "
        "2001. Brekkan Holding took over Osterfjord Marine and renamed it Brekkan Offshore."
    )
    motor = _entity(ex, "Brekkan Motor")
    assert "Sandvold Mek" in motor.aliases
    assert "Halvik Rederi" in _entity(ex, "Halvik Lines").aliases
    assert "Tornhus" in _entity(ex, "Tornhus Energi").aliases
    assert "Brekkan Holding" not in _entity(ex, "Brekkan Offshore").aliases  # "renamed it"
    assert ("Brekkan Shipyard", "acquired", "Brekkan Motor") in fact_set(ex)


def test_a_role_whose_owner_is_written_is_not_the_storys_firm():
    facts = fact_set(extract_text(
        "Korrin Energy is a utility.\n\n"
        "Dana Okoro became chief executive of the family-owned utility on Monday. Paul Venter "
        "is also the chairman of the cabinet of Lesotho."
    ))
    assert ("Dana Okoro", "ceoOf", "Korrin Energy") in facts  # the firm spoken of again
    assert not any(f[0] == "Paul Venter" for f in facts)  # "of the cabinet of Lesotho"


def test_an_encyclopedia_entry_on_a_carmaker_and_a_conglomerate():
    ex = extract_text(
        "Castellane Automobiles\n\n"
        "Castellane Automobiles SA is a French manufacturer of cars. The company was founded "
        "in 1919 by Emile Castellane. The Castellane Orbe, a compact hatchback, replaced the "
        "Castellane Sirocco. Castellane builds the Orbe at its Audincourt plant.\n\n"
        "Bertil Akerman, chief executive from 1991 to 2009, sold the group's appliance "
        "business. A bid for the crane builder Lumikone failed when Lumikone's shareholders "
        "rejected the offer, and the two companies have remained rivals."
    )
    assert "Castellane" in ex.entities["Castellane Automobiles SA"].aliases  # "Automobiles"
    facts = fact_set(ex)
    assert ("Castellane Orbe", "successorOf", "Castellane Sirocco") in facts
    assert not any(f[0] == "Bertil Akerman" for f in facts)  # a role that ended in 2009


def test_a_passive_joined_to_an_active_verb_shares_the_subject_not_the_agent():
    facts = fact_set(extract_text(
        "Brightmoor Entertainment Inc. is a Canadian video game publisher. It was founded in "
        "2006 by Delphine Carreau and Marcus Oyelaran, two former producers at Ubisoft, and "
        "has been a subsidiary of the Toronto-based media company Arvane Media Group since "
        "2017."
    ))
    assert ("Brightmoor Entertainment Inc", "subOrganizationOf", "Arvane Media Group") in facts
    assert ("Arvane Media Group", "headquarteredIn", "Toronto") in facts  # "company X"
    assert ("Ubisoft", "headquarteredIn", "Toronto") not in facts


def test_a_date_belongs_to_its_own_clause():
    facts = fact_set(extract_text(
        "Brightmoor Games is a publisher. It was founded in 2006 by Delphine Carreau and has "
        "been a subsidiary of Arvane Media Group since 2017."
    ))
    assert ("Brightmoor Games", "foundedOn", "2006") in facts
    assert ("Brightmoor Games", "foundedOn", "2017") not in facts  # "since 2017": the unit's


def test_a_list_the_parser_left_uncoordinated():
    facts = fact_set(extract_text(
        "Tarvik Holdings AB is a Swedish conglomerate.\n\n"
        "Its principal subsidiaries are Nordbroms, Kjeldsen Elektro, Ruhrarmatur and Solvik "
        "Automation."
    ))
    for unit in ("Nordbroms", "Kjeldsen Elektro", "Ruhrarmatur", "Solvik Automation"):
        assert (unit, "subOrganizationOf", "Tarvik Holdings AB") in facts, unit


def test_two_founders_each_with_a_description():
    facts = fact_set(extract_text(
        "Valdris Holdings AB is a Swedish conglomerate.\n\n"
        "The company was founded in 1897 by the engineer Gustaf Valdris (1861\u20131934) and his "
        "brother-in-law Oskar Hedlund as a workshop."
    ))
    assert ("Gustaf Valdris", "founderOf", "Valdris Holdings AB") in facts
    assert ("Oskar Hedlund", "founderOf", "Valdris Holdings AB") in facts


def test_a_city_and_its_region_and_a_hyphenated_title():
    ex = extract_text(
        "The Aurelia Broadcasting Corporation (ABK) is a public broadcaster. ABK is "
        "headquartered in Halifax, Nova Scotia, and is wholly owned by the Aurelia Media "
        "Trust.\n\n"
        "Declan Fraser, director-general from 2008 to 2019, introduced ABK Play."
    )
    facts = fact_set(ex)
    firm = "Aurelia Broadcasting Corporation"
    assert (firm, "headquarteredIn", "Halifax") in facts
    assert (firm, "headquarteredIn", "Nova Scotia") not in facts
    assert ex.entities["Declan Fraser"].type == "Person"  # "director-general"


def test_a_biography_with_its_title_a_birthplace_and_a_past_directorship():
    ex = extract_text(
        "Rafael Quintanilla\n\n"
        "Rafael Quintanilla Ortega (born 14 March 1962) is a Mexican business executive. He "
        "is the chief executive of Grupo Almena, a logistics group based in Monterrey.\n\n"
        "Quintanilla was born in Saltillo, Coahuila, the son of a railway engineer. From 2012 "
        "to 2018 he was an independent director of Cemex."
    )
    person = ex.entities["Rafael Quintanilla Ortega"]
    assert "Rafael Quintanilla" in person.aliases  # the title, with one surname
    assert ex.entities["Coahuila"].type == "Place"  # "Saltillo, Coahuila"
    facts = fact_set(ex)
    assert ("Rafael Quintanilla Ortega", "ceoOf", "Grupo Almena") in facts
    assert not any(f[2] == "Cemex" for f in facts)  # a directorship from 2012 to 2018


def test_a_firms_head_of_a_department_is_on_its_staff():
    facts = fact_set(extract_text(
        "Aurelle Mobile makes phones. Aurelle's head of design, Tove Lindqvist, spoke. Mira "
        "Cole, head of Veltra, spoke too."
    ))
    assert ("Tove Lindqvist", "worksFor", "Aurelle Mobile") in facts
    assert ("Tove Lindqvist", "leads", "Aurelle Mobile") not in facts  # she heads design
    assert ("Mira Cole", "leads", "Veltra") in facts


def test_he_carries_the_biographys_subject_past_a_person_named_in_passing():
    facts = fact_set(extract_text(
        "Rafael Quintanilla Ortega is a Mexican business executive.\n\n"
        "Quintanilla has chaired the board of Banco Serrano since 2017. He is not related to "
        "the bank's founder, Emilio Serrano. He also co-founded Vertice Capital, a fund."
    ), asserted_only=False)
    assert ("Rafael Quintanilla Ortega", "founderOf", "Vertice Capital") in facts
    assert ("Emilio Serrano", "founderOf", "Vertice Capital") not in facts


def test_a_job_held_before_another_event_is_past_but_founding_stays():
    facts = fact_set(extract_text(
        "Prior to founding VenCatalyst, David Bohigian was a partner at Jefferson Partners. "
        "Prior to Bridgewater, Bohigian founded E2 Capital Partners."
    ))
    assert ("David Bohigian", "worksFor", "Jefferson Partners") not in facts
    assert ("David Bohigian", "founderOf", "E2 Capital Partners") in facts


def test_a_firm_that_belongs_to_a_holding():
    facts = fact_set(extract_text(
        "Enasa is a truck maker. Enasa belonged to the state-owned INI industrial holding."
    ))
    assert ("Enasa", "subOrganizationOf", "INI") in facts


def test_a_place_a_firm_is_named_after_is_not_its_short_name():
    ex = extract_text(
        "Ardmore Telecom was founded in 1999 by Nuala Brennan. It served customers in the "
        "counties of Ardmore, Kerry and Clare. In 2004 Ardmore Telecom bought Lisvane Cable."
    )
    assert "Ardmore" not in ex.entities["Ardmore Telecom"].aliases
    assert ("Ardmore Telecom", "acquired", "Lisvane Cable") in fact_set(ex)


def test_a_maker_whose_name_starts_its_products_names_develops_them():
    ex = extract_text(
        "Corvane Pulse is an assistant that finds information across all associated Corvane "
        "apps, including Corvane Docs, Corvane Maps and Corvane Sheets. Corvane Pulse was "
        "shown in 2019."
    )
    assert ex.entities["Corvane"].type != "Product"  # "Corvane apps" are the maker's
    facts = fact_set(ex)
    for product in ("Corvane Pulse", "Corvane Docs", "Corvane Maps"):
        assert (product, "developedBy", "Corvane") in facts


def test_based_in_the_province_of_a_place_is_that_place():
    ex = extract_text(
        "Durvan is a Turkish defense contractor based in the central province of Karsak. "
        "Velmoor is a company based in the city of Ostrava."
    )
    assert ex.entities["Durvan"].type == "Company"
    facts = fact_set(ex)
    assert ("Durvan", "headquarteredIn", "Karsak") in facts
    assert ("Velmoor", "headquarteredIn", "Ostrava") in facts


def test_newsroom_and_academic_jobs_are_staff_but_a_chairs_subject_is_no_employer():
    ex = extract_text(
        "The Harbour Ledger technology columnist Edda Lunde called the phone overbuilt. "
        "The finch is named after Tobias Marek, who was a curator at the Vellmar Academy of "
        "Sciences. Ines Karsten is the Ostrow Professor of Maritime Law at Brenholt University."
    )
    facts = fact_set(ex)
    assert ("Edda Lunde", "worksFor", "Harbour Ledger") in facts
    assert ("Tobias Marek", "worksFor", "Vellmar Academy of Sciences") in facts
    assert ("Ines Karsten", "worksFor", "Brenholt University") in facts
    assert not any(f[0] == "Ines Karsten" and f[2] in {"Maritime Law", "Ostrow"} for f in facts)


def test_formed_by_is_founded_by():
    ex = extract_text("Tarn Ember was formed in 1979 by guitarist Owen Falk and bassist Rhys "
                      "Tallon. The band split in 1988.")
    facts = fact_set(ex)
    assert ("Owen Falk", "founderOf", "Tarn Ember") in facts
    assert ("Rhys Tallon", "founderOf", "Tarn Ember") in facts


def test_a_division_of_a_firm_keeps_its_own_name():
    ex = extract_text(
        "The Orsa phones are made by Kivel Electronics, a division of Kivel from Finland. "
        "Kivel also owns a shipping line."
    )
    assert "Kivel" in ex.entities and "Kivel" not in ex.entities["Kivel Electronics"].aliases
    assert ("Kivel Electronics", "subOrganizationOf", "Kivel") in fact_set(ex)


def test_a_chief_executive_the_tagger_reads_as_a_firm_keeps_her_surname():
    ex = extract_text(
        "Tavrin's chief executive is Helena Marsh-Ortiz. Elin Sandqvist was chief executive "
        "until 2016, when she was succeeded by Marsh-Ortiz. In 2017 Tavrin acquired Quillon "
        "Microsystems; Quillon now operates as a design centre."
    )
    assert "Marsh-Ortiz" in ex.entities["Helena Marsh-Ortiz"].aliases
    assert "Quillon" in ex.entities["Quillon Microsystems"].aliases


def test_a_full_name_of_an_organisation_works_there():
    ex = extract_text(
        "The glacier was surveyed in 2004 by Tomas Lindqvist and Carla Ferreira of the Halden "
        "Polar Institute. Prince Albert of Moravia later visited it."
    )
    facts = fact_set(ex)
    assert ("Carla Ferreira", "worksFor", "Halden Polar Institute") in facts
    assert ("Tomas Lindqvist", "worksFor", "Halden Polar Institute") in facts  # both listed
    assert not any(f[1] == "worksFor" and f[2] == "Moravia" for f in facts)  # of a place


def test_a_business_title_after_a_name_makes_it_an_organisation():
    ex = extract_text(
        "Okafor said in 2019 that Trelvane chairperson Ada Mensah asked that he cancel the "
        "licences."
    )
    assert ex.entities["Trelvane"].type == "Organization"  # the tagger left it untyped
    assert ("Ada Mensah", "leads", "Trelvane") in fact_set(ex)


def test_he_continues_the_person_the_text_made_its_subject():
    ex = extract_text(
        "Dmitri Volkov (born 1961) is a Latvian banker who served in Ivan Petrov's government "
        "in the 1990s. During this period, he rewrote the tax code. A 2004 survey by a "
        "business weekly named him the country's most trusted banker. Currently, he is the "
        "head of the Riga Innovation Fund."
    )
    facts = fact_set(ex)
    assert ("Dmitri Volkov", "leads", "Riga Innovation Fund") in facts
    assert ("Ivan Petrov", "leads", "Riga Innovation Fund") not in facts


def test_he_is_the_person_the_sentence_before_names():
    ex = extract_text(
        "Margaret Ochoa runs Pinecrest Bank. The app push is run by Dev Rao, who heads the "
        "bank's lab. He joined Pinecrest Bank in 2021."
    )
    facts = fact_set(ex)
    assert ("Dev Rao", "worksFor", "Pinecrest Bank") in facts


def test_two_people_sharing_a_surname_stay_two_people():
    ex = extract_text(
        "The Verdant Union party was founded in 1994 by Odile Marchetti. In the 2006 election "
        "its leader Bruno Marchetti ran for president, and Marchetti won.\n\n"
        "Henrik Dalgaard is a Danish industrialist. His daughter, Signe Dalgaard, works for "
        "Ravnholt Capital. Dalgaard founded Ravnholt Capital in 2009."
    )
    assert "Odile Marchetti" in ex.entities and "Bruno Marchetti" in ex.entities
    assert "Marchetti" in ex.entities["Bruno Marchetti"].aliases  # the latest one named (no
    # subject of a sentence either)
    assert "Signe Dalgaard" in ex.entities
    assert "Dalgaard" in ex.entities["Henrik Dalgaard"].aliases  # the subject, not the daughter
    facts = fact_set(ex)
    assert ("Odile Marchetti", "founderOf", "Verdant Union") in facts
    assert ("Henrik Dalgaard", "founderOf", "Ravnholt Capital") in facts
    assert ("Signe Dalgaard", "founderOf", "Ravnholt Capital") not in facts


def test_a_school_named_after_a_person_is_not_that_person():
    ex = extract_text(
        "The Mirela Kost Music School is a conservatory in Graz. Its founder, Mirela Kost, "
        "was a concert pianist who taught there until 1980."
    )
    school = ex.entities["Mirela Kost Music School"]
    assert school.type != "Person" and "Mirela Kost" not in school.aliases
    assert ex.entities["Mirela Kost"].type == "Person"


def test_a_word_made_from_a_place_name_names_nothing():
    ex = extract_text(
        "Farid Hossain is the editor of the Bangladeshi newspaper Dhaka Pulse. The paper is "
        "based in Bangladesh. Rahim Uddin runs the Bangladeshi unit of Kestrel Bank, which "
        "also operates in Bangladesh."
    )
    labels = {e.label for e in ex.entities.values()}
    assert "Bangladeshi" not in labels and {"Bangladesh", "Dhaka Pulse"} <= labels
    facts = fact_set(ex)
    assert not any("Bangladeshi" in (f[0], f[2]) for f in facts)  # not a unit, not led


def test_teaching_at_and_joining_the_faculty_of_a_school_is_working_there():
    ex = extract_text(
        "Oskar Pellinen is a Finnish cellist. He taught at the Vaasa Conservatory for ten "
        "years. In 2004 he joined the faculty of the Keski University of the Arts. "
        "Mr. Pellinen retired in 2019."
    )
    facts = fact_set(ex)
    assert ("Oskar Pellinen", "worksFor", "Vaasa Conservatory") in facts
    assert ("Oskar Pellinen", "worksFor", "Keski University of the Arts") in facts
    assert "Mr. Pellinen" in ex.entities["Oskar Pellinen"].aliases  # the surname, politely


def test_a_title_is_one_name_whatever_its_words():
    ex = extract_text(
        'The documentary "Rivers and Roads Revisited" was released by A & E Holloway Networks '
        "in 2009. Skyforge: Harbour Run is a racing game for the Wii. It was developed by "
        "Talmont Games."
    )
    facts = fact_set(ex)
    assert ("Rivers and Roads Revisited", "developedBy", "A & E Holloway Networks") in facts
    assert ("Skyforge: Harbour Run", "developedBy", "Talmont Games") in facts
    assert "Harbour Run" not in ex.entities


def test_a_family_of_a_place_is_a_household_not_a_product_line():
    ex = extract_text(
        "The Varenne de Mortier were an important noble family of Lorraine, with estates in "
        "the north of the duchy.\n\nKestwyn is an AI company. Quarto 9, a Kestwyn model "
        "family, was released in May."
    )
    facts = fact_set(ex)
    assert not any(f[1] == "developedBy" and "Varenne" in f[0] for f in facts)
    assert ("Quarto 9", "developedBy", "Kestwyn") in facts  # "model family" still says whose


def test_a_name_that_describes_the_pronoun_is_not_its_referent():
    ex = extract_text(
        "Lisette Varga (born 1951) is a Hungarian novelist. The daughter of the diplomat Imre "
        "Kolos, she was born in Szeged and taught at the Tisza Academy. She later joined "
        "Verolan Media in Vienna."
    )
    facts = fact_set(ex)
    assert ("Lisette Varga", "worksFor", "Verolan Media") in facts  # not the diplomat father
    assert not any(f[0] == "Imre Kolos" for f in facts)
    joined = next(f for f in ex.facts if f.object == "Verolan Media")
    assert joined.asserted  # "later joined" is done; only "will later join" is a plan


def test_later_with_a_future_verb_still_hedges():
    ex = extract_text("Norvik Data will later acquire Pellam Labs, its chief executive said.")
    statuses = {(f.subject, f.predicate, f.object): f.asserted for f in ex.facts}
    assert statuses.get(("Norvik Data", "acquired", "Pellam Labs")) is False


def test_a_biography_lead_types_the_person_and_reads_coordinated_roles():
    ex = extract_text(
        "Dario Venturelli (born 4 May 1969, Ferrara) is an Italian filmmaker and the founder "
        "of Oltrepo Pictures, through which he produced three features."
    )
    assert ex.entities["Dario Venturelli"].type == "Person"
    assert ("Dario Venturelli", "founderOf", "Oltrepo Pictures") in fact_set(ex)


def test_its_sequel_is_the_last_works_and_a_subtitle_may_be_dropped():
    ex = extract_text(
        "Skyforge: Harbour Run, known in Japan as Sky Rush, is a racing video game published "
        "by Nintendo for the Wii console. It was developed by Talmont Games. Skyforge sold "
        "two million copies.\n\nGlimmer Coast, a puzzle game developed by Talmont Games, was "
        "released for the Wii in 2014. Its sequel, Glimmer Coast II, followed in 2018."
    )
    facts = fact_set(ex)
    assert ("Skyforge: Harbour Run", "developedBy", "Talmont Games") in facts  # not the Wii's
    assert "Skyforge" in ex.entities["Skyforge: Harbour Run"].aliases
    assert ("Glimmer Coast II", "successorOf", "Glimmer Coast") in facts  # "its": the game's


def test_a_place_the_tagger_misses_is_known_by_its_name():
    ex = extract_text(
        "Fennick Aviation Group, which is based in Stavanger, has two subsidiaries. "
        "The group also owns the Leeds textile company Harlow Mills outright."
    )
    facts = fact_set(ex)
    assert ("Fennick Aviation Group", "headquarteredIn", "Stavanger") in facts  # a "date"
    assert ex.entities["Leeds"].type == "Place"  # a place before a firm, not a firm
    assert ("Harlow Mills", "headquarteredIn", "Leeds") in facts


def test_subsidiaries_a_group_has_and_a_description_put_first():
    ex = extract_text(
        "Brisk Regional Air is a Scottish airline headquartered in Aberdeen. A subsidiary of "
        "the holding company Tollan Aviation Group, it flies to Norway. Tollan Aviation Group "
        "has two other subsidiaries: Skerrow, a commuter carrier, and Tollan Technics, a "
        "maintenance company."
    )
    facts = fact_set(ex)
    assert ("Brisk Regional Air", "subOrganizationOf", "Tollan Aviation Group") in facts
    assert ("Skerrow", "subOrganizationOf", "Tollan Aviation Group") in facts
    assert ("Tollan Technics", "subOrganizationOf", "Tollan Aviation Group") in facts


def test_an_owner_written_before_owned():
    ex = extract_text("Brisk Air is a Varrow-owned airline that flies from Aberdeen.")
    assert ("Varrow", "owns", "Brisk Air") in fact_set(ex)


def test_a_danish_company_suffix_stays_in_the_name():
    ex = extract_text(
        "Varrendal Container Line A/S is a Danish shipping company headquartered in Aarhus. "
        "It operates feeder services on the Baltic Sea."
    )
    assert ("Varrendal Container Line A/S", "headquarteredIn", "Aarhus") in fact_set(ex)
    assert ex.entities["Varrendal Container Line A/S"].type == "Company"
    assert not any(name_key(e.label) == name_key("S") for e in ex.entities.values())


def test_a_firm_described_as_in_a_place_is_based_there_unless_ranked():
    ex = extract_text(
        "In 2023 Lumvara acquired Veltric Films, a thin-film coating start-up in Oxford. "
        "Orrin Telecom, the largest mobile operator in Spain, grew. "
        "Meridia Telecom became the second-largest mobile operator in Italy."
    )
    facts = fact_set(ex)
    assert ("Veltric Films", "headquarteredIn", "Oxford") in facts
    assert not any(f[1] == "headquarteredIn" and "Telecom" in f[0] for f in facts)


def test_a_known_place_before_a_firm_noun_is_no_organisation():
    ex = extract_text(
        "In 2014 Hollis and Pryor co-founded Norvale Cells, a Swindon company set up to "
        "commercialise the institute's electrolytes. Hollis chaired the company until 2021. "
        "Its chief executive is Daniel Achter."
    )
    facts = fact_set(ex)
    assert ex.entities["Swindon"].type == "Place"  # the tagger reads "a Swindon company" ORG
    assert ("Daniel Achter", "ceoOf", "Norvale Cells") in facts
    assert ("Norvale Cells", "headquarteredIn", "Swindon") in facts


def test_a_hyphen_inside_a_name_keeps_it_whole():
    ex = extract_text("Its largest team, the Solid-State Anode Group, is led by Nia Pembry.")
    assert ("Nia Pembry", "leads", "Solid-State Anode Group") in fact_set(ex)


def test_a_surname_with_a_particle_and_a_company_suffix_resolve():
    ex = extract_text(
        "Korvane Optics B.V. is a Dutch company founded in 2008 by Pieter van Dalen and "
        "Samira El Ouazzani. Korvane Optics makes lenses. Van Dalen was chief executive "
        "until 2021. El Ouazzani left in 2015."
    )
    people = {e.label: e.aliases for e in ex.entities.values() if e.type == "Person"}
    assert "Van Dalen" in people["Pieter van Dalen"]
    assert "El Ouazzani" in people["Samira El Ouazzani"]
    companies = [e for e in ex.entities.values() if e.label.startswith("Korvane")]
    assert len(companies) == 1 and "Korvane Optics" in {companies[0].label, *companies[0].aliases}


def test_a_name_with_an_inner_capital_is_a_name_whatever_its_tag():
    ex = extract_text("The Corvel R5 is also powered by CorvelOS, the company's own system.")
    assert "CorvelOS" in ex.entities


def test_a_company_name_plus_a_place_is_its_regional_arm():
    ex = extract_text(
        "Halvern Systems is a Norwegian software company based in Bergen. "
        "Halvern Systems Europe sells its products in Germany and France."
    )
    facts = fact_set(ex)
    assert ("Halvern Systems Europe", "subOrganizationOf", "Halvern Systems") in facts
    assert ("Halvern Systems", "owns", "Halvern Systems Europe") in facts
    assert ("Halvern Systems Europe", "developedBy", "Halvern Systems") not in facts  # no product


def test_a_numbered_title_with_a_subtitle_is_one_name():
    ex = extract_text("Vendrake Saga II: Rise of Ash is a 2005 game developed by Corvin Games. "
                      "It is the sequel to Vendrake Saga.")
    facts = fact_set(ex)
    assert ("Vendrake Saga II: Rise of Ash", "developedBy", "Corvin Games") in facts
    assert ("Vendrake Saga II: Rise of Ash", "successorOf", "Vendrake Saga") in facts


def test_a_name_in_a_parenthetical_aside_is_not_the_sentence_subject():
    ex = extract_text(
        "Dario Venn (born May 3, 1971, Kettering Falls, Ohio) is an American producer and "
        "founder of the film company Harrowgate Pictures."
    )
    facts = fact_set(ex)
    assert ("Dario Venn", "founderOf", "Harrowgate Pictures") in facts
    assert not any(f[0] == "Kettering Falls" for f in facts)
    town = _entity(ex, "Kettering Falls")
    assert town.type == "Place"


def test_it_in_a_clause_after_the_main_verb_is_the_firm_just_named():
    ex = extract_text(
        "Lena Varga served as a managing director of Brightwell Capital. "
        "Varga joined Oakmere Partners after it acquired the venture firm she founded, "
        "Tessel Ventures."
    )
    facts = fact_set(ex)
    assert ("Oakmere Partners", "acquired", "Tessel Ventures") in facts
    assert ("Brightwell Capital", "acquired", "Tessel Ventures") not in facts


def test_naming_someone_the_best_is_an_award_not_a_job():
    ex = extract_text("Orsk United appointed Pavel Dreyer as head coach in 2017. In 2019 "
                      "Sportvell Media named him the best coach in the league.")
    facts = fact_set(ex)
    assert ("Pavel Dreyer", "worksFor", "Orsk United") in facts
    assert ("Pavel Dreyer", "worksFor", "Sportvell Media") not in facts


def test_an_airport_is_a_place_not_a_firm_with_headquarters():
    ex = extract_text("Varnholt Airport is a regional airport located in Dunmere. It is run by "
                      "the Dunmere Port Authority.")
    facts = fact_set(ex)
    assert ("Varnholt Airport", "headquarteredIn", "Dunmere") not in facts
    airport = _entity(ex, "Varnholt Airport")
    assert airport.type == "Place"


def test_headquarters_in_a_named_district_of_a_city_is_the_district():
    ex = extract_text("Tarvola Telecom is a Portuguese telecommunications company. It is "
                      "headquartered in the Alvorada Nova district of Lisbon.")
    facts = fact_set(ex)
    assert ("Tarvola Telecom", "headquarteredIn", "Alvorada Nova") in facts
    assert ("Tarvola Telecom", "headquarteredIn", "Lisbon") not in facts
    district = _entity(ex, "Alvorada Nova")
    assert district.type == "Place"


def test_a_name_listed_beside_another_does_not_type_it():
    ex = extract_text(
        "The label releases records through three imprints: Lowmoor, which focuses on ambient "
        "music; Sable Street, a hip-hop imprint based in Leeds; and Ashleaf, its folk imprint. "
        "Lowmoor is headed by the producer Aoife Brannigan."
    )
    assert ("Aoife Brannigan", "leads", "Lowmoor") in fact_set(ex)  # not a Place for "Street"


def test_a_place_before_a_role_noun_is_the_beat_not_the_holder():
    ex = extract_text("Maren Holt joined the Dunmore Courier in 1990 covering politics and "
                      "eventually became their Washington correspondent.")
    facts = fact_set(ex)
    assert not any(f[0] == "Washington" for f in facts)


def test_a_copula_the_parser_reads_as_a_clause_still_describes_the_subject():
    ex = extract_text("Quarnel is a startup company based in London specialized in indoor "
                      "positioning and navigation utilising Beacons, which are low-energy radio "
                      "devices formalised by Orvell Inc.")
    assert ("Quarnel", "headquarteredIn", "London") in fact_set(ex)


def test_a_participle_with_its_own_by_phrase_before_another_one_keeps_it():
    ex = extract_text("Vendrake Saga II: Rise of Ash is an action role-playing game developed "
                      "primarily by Corvin Games and published by Halvard Interactive.")
    facts = fact_set(ex)
    assert ("Vendrake Saga II: Rise of Ash", "developedBy", "Corvin Games") in facts
    assert ("Vendrake Saga II: Rise of Ash", "developedBy", "Halvard Interactive") not in facts


def test_a_title_the_parser_reads_as_a_phrase_is_still_the_subject():
    ex = extract_text("Beyond Quiet Hills is a 2004 adventure video game developed and "
                      "published by Corvin Games for home consoles.")
    assert ("Beyond Quiet Hills", "developedBy", "Corvin Games") in fact_set(ex)


def test_a_short_form_may_drop_several_trade_endings():
    ex = extract_text(
        "Brackmoor Logistics Group, the Ghent-based haulier, has named Elke Vos chief executive. "
        "Vos joined Brackmoor in 2019."
    )
    firm = _entity(ex, "Brackmoor Logistics Group")
    assert "Brackmoor" in firm.aliases


def test_the_noun_a_firm_name_ends_in_counts_toward_the_story_focus():
    ex = extract_text(
        "Dana Ruiz has been chief executive of Pinecrest Valley Bank since 2019. The bank "
        "runs 40 branches. Its new app was built by Orlin Banking Systems, an Austin-based "
        "software firm. Last year the bank put $15 million into Orlin's latest funding round, "
        "and Orlin now counts it as a client. Rui Tavares runs the project. He joined the "
        "lender in 2021 from Brightwater Savings."
    )
    facts = fact_set(ex)
    assert ("Rui Tavares", "worksFor", "Pinecrest Valley Bank") in facts
    assert ("Rui Tavares", "worksFor", "Orlin Banking Systems") not in facts


def test_a_headline_surname_is_the_person_the_story_names_in_full():
    ex = extract_text(
        "Brackmoor names Vandermeer chief executive and splits group into three divisions\n\n"
        "ANTWERP, 4 March - Brackmoor Logistics Group, the Antwerp-based freight company, has "
        "appointed Sofie Vandermeer as chief executive with immediate effect. Vandermeer joined "
        "the group in 2020."
    )
    person = _entity(ex, "Sofie Vandermeer")
    assert person.type == "Person" and "Vandermeer" in person.aliases
    assert ("Sofie Vandermeer", "ceoOf", "Brackmoor Logistics Group") in fact_set(ex)


def test_the_company_inside_a_relative_clause_on_x_is_not_x():
    ex = extract_text("Harlow & Daughters is a furniture maker in Leeds. Cushion foam comes "
                      "from Tadcaster Foam, a subsidiary the company set up in 2001.")
    facts = fact_set(ex)
    assert ("Tadcaster Foam", "subOrganizationOf", "Harlow & Daughters") in facts


def test_chairing_the_board_leads_the_firm_the_story_is_about():
    ex = extract_text("Harlow & Daughters is a furniture maker in Leeds. Its design director is "
                      "Owen Harlow, and his cousin Priya Harlow-Shah chairs the board.")
    assert ("Priya Harlow-Shah", "leads", "Harlow & Daughters") in fact_set(ex)


def test_a_stake_with_no_named_target_is_in_the_sentence_or_story_subject():
    ex = extract_text(
        "Harlow & Daughters is a furniture maker in Leeds. Outside the family, the only "
        "shareholder is the Kingsmead Growth Fund, which bought a 15 percent stake in 2012. "
        "Its supplier Tadcaster Foam is majority-owned by Brisco Holdings, while the private-"
        "equity firm Calloway Partners holds a 22 percent stake."
    )
    facts = fact_set(ex)
    assert ("Kingsmead Growth Fund", "investedIn", "Harlow & Daughters") in facts
    assert ("Calloway Partners", "investedIn", "Harlow & Daughters") not in facts


def test_in_which_after_a_clause_the_parser_hung_on_a_verb_is_the_noun_before():
    ex = extract_text(
        "Meridia agreed to buy Vantel. Much of the deal's logic rests on Vantel Fibra, the "
        "fibre-optic subsidiary that Vantel set up in 2020 and in which Maple Ridge "
        "Infrastructure, a Canadian pension fund, bought a 40 percent stake two years later."
    )
    facts = fact_set(ex)
    assert ("Maple Ridge Infrastructure", "investedIn", "Vantel Fibra") in facts
    assert ("Maple Ridge Infrastructure", "investedIn", "Vantel") not in facts


def test_a_firm_of_a_place_is_headquartered_there():
    ex = extract_text("Brackmoor Logistics Group is a Belgian freight company. Its main "
                      "competitor is Kornvik Logistics of Rotterdam.")
    assert ("Kornvik Logistics", "headquarteredIn", "Rotterdam") in fact_set(ex)


def test_a_product_named_after_an_organisation_that_acts_as_a_firm_is_its_product():
    ex = extract_text("Wrenfield is backed by Tallow Capital. The Wrenfield Dock, a smart "
                      "speaker, sells for $199.")
    wrenfield = _entity(ex, "Wrenfield")
    assert wrenfield.type == "Organization"  # the tagger's class: only the stake shows a firm
    assert ("Wrenfield Dock", "developedBy", "Wrenfield") in fact_set(ex)


def test_the_name_a_firm_is_commonly_called_in_parentheses_is_its_alias():
    ex = extract_text("Orvale Versicherung AG (commonly called Orvale) is an Austrian insurer "
                      "based in Graz. Orvale bought Pannon Biztos in 2006.")
    firm = _entity(ex, "Orvale Versicherung AG")
    assert "Orvale" in firm.aliases
    assert ("Orvale Versicherung AG", "acquired", "Pannon Biztos") in fact_set(ex)


def test_the_managing_director_runs_the_firm_but_a_managing_director_is_staff():
    ex = extract_text("Hollinby Brewery is a family brewing company in Leeds. Ruth Hollinby, "
                      "46, remains managing director. Before that, Dev Sandhu served as a "
                      "managing director of Crane & Pell.")
    facts = fact_set(ex)
    assert ("Ruth Hollinby", "ceoOf", "Hollinby Brewery") in facts
    assert ("Dev Sandhu", "ceoOf", "Crane & Pell") not in facts


def test_the_founder_alone_is_the_founder_of_the_firm_the_story_is_about():
    ex = extract_text("Hollinby Brewery is a family brewing company in Leeds. The founder, "
                      "Amos Hollinby, started brewing behind his pub in 1897.")
    assert ("Amos Hollinby", "founderOf", "Hollinby Brewery") in fact_set(ex)


def test_a_founder_and_chairman_of_a_firm_founded_it():
    ex = extract_text("Lakeview is a small town in Alberta. It is the birthplace of the "
                      "businessman Ross Keddy, founder and executive chairman of Keddy "
                      "Communications.")
    assert ("Ross Keddy", "founderOf", "Keddy Communications") in fact_set(ex)


def test_a_brewery_is_a_company_and_its_beers_are_its_products():
    ex = extract_text("Hollinby Brewery is based in Leeds. Its best-known beers are Hollinby "
                      "Gritstone, a golden ale first brewed in 1931, and Hollinby Dark. "
                      "Hollinby employs 85 people.")
    firm = _entity(ex, "Hollinby Brewery")
    assert firm.type == "Company" and "Hollinby" in firm.aliases
    assert ("Hollinby Gritstone", "developedBy", "Hollinby Brewery") in fact_set(ex)


def test_a_numbered_name_is_never_a_person():
    ex = extract_text("The merger brings together Tervik's forest harvesters, led by the "
                      "Tervik H8, and Ostmark's tractors.")
    h8 = next((e for e in ex.entities.values() if e.label == "Tervik H8"), None)
    assert h8 is None or h8.type != "Person"


def test_a_relative_clause_after_a_town_and_country_is_about_the_noun_before_them():
    ex = extract_text("Five years later Varnvik set up Varnvik Components, a subsidiary in "
                      "Tallinn, Estonia, which makes circuit boards for the group's speakers.")
    tallinn = _entity(ex, "Tallinn")
    assert tallinn.type == "Place"


def test_a_product_only_planned_gets_no_maker_from_its_name():
    ex = extract_text("Varnvik Electronics is a Swedish speaker maker. Its best seller is the "
                      "Varnvik Sonde 3. In 2024 the company said it planned to release a "
                      "Varnvik Orbit in 2026.")
    facts = fact_set(ex)
    assert ("Varnvik Sonde 3", "developedBy", "Varnvik Electronics") in facts
    assert ("Varnvik Orbit", "developedBy", "Varnvik Electronics") not in facts


def test_a_majority_stake_is_ownership_and_a_small_one_an_investment():
    ex = extract_text("Varnvik Electronics is a Swedish speaker maker. 58 percent of the "
                      "company is owned by Edvik Invest, and Orlin Capital took a 9 percent "
                      "stake in it last year. Calder Drinks bought a 60 per cent stake in "
                      "Kettle Brewery.")
    facts = fact_set(ex)
    assert ("Edvik Invest", "owns", "Varnvik Electronics") in facts
    assert ("Edvik Invest", "investedIn", "Varnvik Electronics") not in facts
    assert ("Orlin Capital", "investedIn", "Varnvik Electronics") in facts
    assert ("Calder Drinks", "owns", "Kettle Brewery") in facts
    assert ("Calder Drinks", "investedIn", "Kettle Brewery") not in facts


def test_a_lone_name_the_tagger_calls_a_person_that_acts_as_a_firm_is_one():
    ex = extract_text(
        "Heat-pump makers head into winter with full warehouses. Varmby's main rivals are "
        "Thermelle and Kaltvik. Kaltvik, of Dortmund, is 70 percent owned by the Swedish "
        "industrial group Ekvik Industri AB. Kaltvik's chief executive, Jonas Pfeffer, runs a "
        "lean operation. In Germany, Kaltvik and Thermelle are fighting for second place.")
    kaltvik = _entity(ex, "Kaltvik")
    assert kaltvik.type != "Person"
    facts = fact_set(ex)
    assert ("Ekvik Industri AB", "owns", "Kaltvik") in facts
    assert ("Ekvik Industri AB", "investedIn", "Kaltvik") not in facts  # more than half
    assert ("Jonas Pfeffer", "ceoOf", "Kaltvik") in facts


def test_a_firm_written_after_town_and_state_is_based_in_the_town():
    ex = extract_text("Its partner is Tarvik Semiconductor, an Austin, Texas, chipmaker whose "
                      "Tarvik Q40 accelerator was designed for the Sorvel models.")
    austin = _entity(ex, "Austin")
    assert austin.type == "Place"
    facts = fact_set(ex)
    assert ("Tarvik Semiconductor", "headquarteredIn", "Austin") in facts
    assert ("Tarvik Semiconductor", "headquarteredIn", "Texas") not in facts


def test_a_whose_noun_the_parser_hung_as_an_apposition_does_not_describe_the_owner():
    ex = extract_text("Ondrell competes with Parrowick, whose Lumiva 5 model, released in "
                      "January, is the most direct rival to Sorvel 3.")
    parrowick = _entity(ex, "Parrowick")
    assert parrowick.type not in {"AIModel", "Product"}
    assert ("Parrowick", "developedBy", "Lumiva 5") not in fact_set(ex)


def test_a_line_named_by_its_goods_types_its_members():
    ex = extract_text("During the 1980s, Ferrolo produced several moped lines including the "
                      "Vespino-Max and the larger Turbino-Max.")
    vespino = _entity(ex, "Vespino-Max")
    assert vespino.type == "PhysicalProduct"
    facts = fact_set(ex)
    assert ("Vespino-Max", "manufacturedBy", "Ferrolo") in facts
    assert ("Vespino-Max", "developedBy", "Ferrolo") not in facts


def test_towns_a_service_is_launched_in_stay_places():
    ex = extract_text("Last year Vorlik launched VorlikMart, a 20-minute grocery service, in "
                      "Brno and Ostrava.")
    for town in ("Brno", "Ostrava"):
        assert _entity(ex, town).type == "Place"
    assert ("VorlikMart", "availableOn", "Brno") not in fact_set(ex)


def test_an_age_after_a_name_is_a_person_named_as_chief_executive():
    ex = extract_text("Vorlik, the Brno-based grocery company, on Monday named Dagmar Šťovíčková "
                      "as chief executive, replacing co-founder Pavel Hrach, who becomes "
                      "chairman. Šťovíčková, 44, previously ran operations at Zelvo.")
    assert ("Dagmar Šťovíčková", "ceoOf", "Vorlik") in fact_set(ex)  # not Vorlik as CEO
    ex = extract_text(
        "Vorlik, the Brno-based grocery company, on Monday named Veronika Žďárská as chief "
        "executive, replacing co-founder Pavel Hrach, who becomes non-executive chairman. "
        "Žďárská, 41, previously ran operations at the courier firm Zelvo.\n\n"
        "\"Žďárská's first job is to stop the discounting,\" said an analyst.")
    veronika = _entity(ex, "Veronika Žďárská")
    assert veronika.type == "Person"  # the tagger calls her an organisation and a place


def test_a_list_of_three_names_the_tagger_ran_together_is_three():
    ex = extract_text("The change comes as Vorlik, Daskel and Tarovy fight over the same "
                      "customers. Tarovy, the Kraków start-up, is profitable. Daskel is not.")
    labels = {e.label for e in ex.entities.values()}
    assert {"Vorlik", "Daskel", "Tarovy"} <= labels
    assert not any(" and " in label for label in labels)


def test_a_town_before_a_noun_phrase_for_a_firm_says_where_it_is():
    ex = extract_text("Daskel has been owned since 2021 by the Amsterdam delivery group "
                      "Snelvik, which bought it from its founders.")
    amsterdam = _entity(ex, "Amsterdam")
    assert amsterdam.type == "Place"
    facts = fact_set(ex)
    assert ("Snelvik", "headquarteredIn", "Amsterdam") in facts
    assert ("Snelvik", "subOrganizationOf", "Amsterdam") not in facts


def test_a_percent_owned_then_a_second_holder_in_one_sentence():
    ex = extract_text("Vorlik is 54 percent owned by Aldmoor Capital, a Vienna investment group, "
                      "and the German supermarket chain Marktvik holds a 9 percent stake.")
    facts = fact_set(ex)
    assert ("Aldmoor Capital", "owns", "Vorlik") in facts
    assert ("Marktvik", "investedIn", "Vorlik") in facts
    assert ("Aldmoor Capital", "owns", "Marktvik") not in facts


def test_its_opening_a_paragraph_is_the_firm_the_story_was_about():
    ex = extract_text(
        "Vorlik is 54 percent owned by Aldmoor Capital, a Vienna investment group. Its courier "
        "arm, Vorlik Fleet, supplies scooters to about 6,000 riders.\n\nIts nearest rival, "
        "Budapest-based Daskel, has been owned since 2021 by the Amsterdam delivery group "
        "Snelvik, which bought it from its founders.")
    facts = fact_set(ex)
    assert ("Daskel", "competitorOf", "Vorlik") in facts or \
        ("Vorlik", "competitorOf", "Daskel") in facts
    assert not {("Daskel", "competitorOf", "Vorlik Fleet"),
                ("Vorlik Fleet", "competitorOf", "Daskel")} & facts


def test_the_name_beside_a_subject_noun_is_what_it_means_in_that_sentence():
    ex = extract_text(
        "Vorlik, the Prague delivery company, named a new chief executive on Monday. Its "
        "courier arm, Vorlik Fleet, supplies scooters.\n\nIts nearest rival, Budapest-based "
        "Daskel, has been owned since 2021 by the Amsterdam delivery group Snelvik, which "
        "bought it from its founders.")
    facts = fact_set(ex)
    assert ("Snelvik", "acquired", "Daskel") in facts
    assert ("Snelvik", "acquired", "Vorlik Fleet") not in facts


def test_an_apposition_after_firm_of_town_describes_the_firm():
    ex = extract_text("The pressure is real. Quarrel Immunology of Boston, Veltrix's closest "
                      "rival, is about a year ahead with its own asthma antibody.")
    boston = _entity(ex, "Boston")
    assert boston.type == "Place"
    facts = fact_set(ex)
    assert ("Quarrel Immunology", "competitorOf", "Veltrix") in facts or \
        ("Veltrix", "competitorOf", "Quarrel Immunology") in facts
    assert ("Quarrel Immunology", "headquarteredIn", "Boston") in facts


def test_founders_the_parser_left_in_a_fronted_when_clause():
    ex = extract_text(
        "A spin-off\n\nMerivale decided in 2022 to spin that work off. When Merivale "
        "decided in 2022 to spin that work off into a separate business, Tessaly and Owen "
        "Marchetti, the group's former research chief, co-founded Veltrane Biologics to "
        "take it on.")
    assert ("Owen Marchetti", "founderOf", "Veltrane Biologics") in fact_set(ex)
    ex = extract_text(
        "When Meribel Pharma decided in 2022 to spin that work off into a separate business, "
        "Priyanka Halvik and Owen Castrell, the group's former research chief, co-founded "
        "Veltrix Biologics to take it on.")
    assert not any(p == "acquired" for _, p, _ in fact_set(ex))  # "take it on" buys nothing


def test_its_and_she_after_a_fronted_clause_and_a_pair_of_founders():
    ex = extract_text(
        "Profile: Mira Tessaly\n\nMira Tessaly never meant to run a company. Trained as a "
        "chemist, Tessaly spent eleven years at Orvane Pharma, latterly as head of its antibody "
        "group. When Orvane decided in 2022 to spin that work off, Tessaly and Owen Marchetti "
        "co-founded Veltrane Biologics. She has been its chief executive from the start.")
    facts = fact_set(ex)
    assert ("Mira Tessaly", "ceoOf", "Veltrane Biologics") in facts
    assert ("Owen Marchetti", "ceoOf", "Veltrane Biologics") not in facts
    assert not any(p == "ceoOf" and o == "Orvane Pharma" for _, p, o in facts)


def test_a_drug_code_named_like_a_part_number_and_the_drug_after_it():
    ex = extract_text(
        "Velmora's lead candidate, VT-214, an antibody for severe asthma, is in mid-stage "
        "trials. The drug is produced for the studies by Sorrelby Bioworks, a contract "
        "manufacturer in Raleigh. Quorra Immunology of Boston is about a year ahead with "
        "QI-9, its own asthma antibody.")
    types = {e.label: e.type for e in ex.entities.values()}
    assert types["VT-214"] == types["QI-9"] == "PhysicalProduct"
    assert types["Quorra Immunology"] == "Company"  # QI-9 is the antibody, not the firm
    assert ("VT-214", "manufacturedBy", "Sorrelby Bioworks") in fact_set(ex)


def test_a_title_after_a_town_and_its_comma_belongs_to_the_name_after_it():
    ex = extract_text(
        "Speaking to us at a trade show in Cologne, Brackenlight co-founder and creative "
        "director Anouk Marchal said the sequel had been in production for three years.")
    cologne = _entity(ex, "Cologne")
    assert cologne.type == "Place"
    facts = fact_set(ex)
    assert ("Anouk Marchal", "founderOf", "Brackenlight") in facts
    assert not any(s == "Cologne" for s, _, _ in facts)


def test_a_sequel_numbered_in_roman_succeeds_the_first_game():
    ex = extract_text(
        "Tessmark takes stake in Brackenwood\n\nBrackenwood Studios is the developer behind "
        "the survival game Ashfall. Tessmark confirmed it will publish Ashfall II, the "
        "successor to that game, next year.")
    types = {e.label: e.type for e in ex.entities.values()}
    assert types["Ashfall II"] == "Product"
    assert ("Ashfall II", "successorOf", "Ashfall") in fact_set(ex)


def test_majority_owned_with_a_hyphen_read_as_an_adjective():
    ex = extract_text("Vantoro Drones\n\nVantoro Drones is a Spanish drone maker. Since 2019 the "
                      "company has been majority-owned by Grupo Arlanza, a Bilbao-based holding "
                      "company.")
    facts = fact_set(ex)
    assert ("Grupo Arlanza", "owns", "Vantoro Drones") in facts
    assert ("Vantoro Drones", "owns", "Vantoro Drones") not in facts


def test_a_town_before_a_two_word_firm_noun_is_where_the_firm_is():
    ex = extract_text("The Tern-4 satellite is being assembled by Westholm Precision, an "
                      "Aberdeen contract manufacturer, for a first launch next spring.")
    aberdeen = _entity(ex, "Aberdeen")
    assert aberdeen.type == "Place"
    assert ("Westholm Precision", "headquarteredIn", "Aberdeen") in fact_set(ex)



def test_an_owner_is_a_parent_only_where_the_text_says_subsidiary_or_unit():
    facts = fact_set(extract_text(
        "Tessmark, which already owns the Leeds racing-game studio Skidwell Works, has bought "
        "a stake in Brackwood."))
    assert ("Tessmark", "owns", "Skidwell Works") in facts
    assert ("Skidwell Works", "subOrganizationOf", "Tessmark") not in facts
    facts = fact_set(extract_text(
        "Castelmar Automobiles owns the truck maker Forgel Industries, which it runs as a "
        "subsidiary."))
    assert ("Forgel Industries", "subOrganizationOf", "Castelmar Automobiles") in facts


def test_a_title_held_previously_is_past_even_on_a_compound():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from kg.facts import RuleEngine

    # "..., succeeded by Lindqvist, previously finance director of Gotvik Ferries", parsed
    # with "previously" on "finance", the compound, not on "director"
    words = ["succeeded", "by", "Lindqvist", ",", "previously", "finance", "director", "of",
             "Gotvik", "Ferries"]
    heads = [0, 0, 1, 2, 5, 6, 2, 6, 9, 7]
    deps = ["ROOT", "agent", "pobj", "punct", "advmod", "compound", "appos", "prep",
            "compound", "pobj"]
    pos = ["VERB", "ADP", "PROPN", "PUNCT", "ADV", "NOUN", "NOUN", "ADP", "PROPN", "PROPN"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert RuleEngine({})._status(doc[6], role_verb=True) == "past"


def test_it_is_headed_by_after_a_unit_was_described_means_the_unit():
    ex = extract_text(
        "Ferry news\n\nOrlesvik Line is a Baltic ferry company. Its container terminals are "
        "run by the line's subsidiary Orlesvik Terminals, which is headquartered in Gdańsk. It "
        "is headed by Piotr Zawadzki, a former port official.")
    facts = fact_set(ex)
    assert ("Piotr Zawadzki", "leads", "Orlesvik Terminals") in facts
    assert ("Piotr Zawadzki", "leads", "Orlesvik Line") not in facts


def test_a_countrys_firm_is_not_based_in_the_country_but_a_towns_is_in_the_town():
    facts = fact_set(extract_text(
        "The Finnish forestry-machine maker Tervik Machinery and Germany's Ostervald "
        "Landtechnik completed their merger. Ostervald Landtechnik is a company. Tervik "
        "competes with San Francisco's Parrovik, a rival company."))
    assert ("Ostervald Landtechnik", "headquarteredIn", "Germany") not in facts
    assert ("Parrovik", "headquarteredIn", "San Francisco") in facts


def test_its_inside_a_description_of_a_firm_is_that_firms():
    from kg.coreference import DocumentIndex
    from kg.documents import parse_document
    from kg.entities import resolve
    from kg.nlp import parse

    text = ("Tervik Machinery and Ostervald Landtechnik completed their merger on Tuesday, "
            "creating Arvik Holdings, a farm-equipment group with annual sales of about 3.1 "
            "billion euros and its headquarters in Hamburg.")
    parsed = parse(parse_document(text.encode("utf-8"), "t.txt"))
    index = DocumentIndex(parsed, resolve([parsed], use_known=False))
    its = next(t for t in parsed.doc if t.lower_ == "its")
    assert index.owner_of_its(its.i) == "Arvik Holdings"  # not the merger's doer


def test_a_town_before_a_firm_noun_before_the_name_all_on_the_name():
    facts = fact_set(extract_text(
        "Vossberg declined to comment on a report that Harlow Financial was in talks to buy "
        "the Kansas City insurance broker Keelby & Strand, calling it market speculation."))
    assert ("Keelby & Strand", "headquarteredIn", "Kansas City") in facts


def test_two_titled_people_joined_by_and():
    facts = fact_set(extract_text(
        "Ramvelo claimed in 2017 that Eskor chairperson Ben Ngubeni and chief executive Brian "
        "Molefo requested that he terminate the licences."))
    assert ("Ben Ngubeni", "leads", "Eskor") in facts
    assert ("Brian Molefo", "ceoOf", "Eskor") in facts
    assert ("Brian Molefo", "leads", "Eskor") not in facts  # he is no chairperson


def test_a_firms_offerings_listed_after_such_as_are_all_its_products():
    facts = fact_set(extract_text(
        "Vantik, the Oslo software company, is growing. The Nexo hub was designed to leverage "
        "Vantik's online media offerings, such as Vantik Music, Vantik Movies and Streamly, to "
        "provide a shared experience."))
    for product in ("Vantik Music", "Streamly"):
        assert (product, "developedBy", "Vantik") in facts


def test_a_family_owns_through_its_name_no_firm_of_that_name():
    facts = fact_set(extract_text(
        "Kessbrunn Leben is an insurer. Since 2004 it has been a wholly owned subsidiary of "
        "Dravik Holding, a Vienna-based financial holding company controlled by the Dravik "
        "family. The Tanvik family of language models was released by Quenby Research."))
    assert not any(s == "Dravik" for s, _, _ in facts)
    assert ("Tanvik", "developedBy", "Quenby Research") in facts


def test_no_version_succeeds_a_later_number_of_its_family():
    facts = fact_set(extract_text(
        "Under Varga's direction the lab has released the Tanvik family of language models: "
        "Tanvik 1 in 2021, then Tanvik 2, and in February Tanvik 3, which succeeds Tanvik 2 as "
        "the default model in Obelix's products."))
    assert ("Tanvik 1", "successorOf", "Tanvik 2") not in facts
    assert ("Tanvik 3", "successorOf", "Tanvik 2") in facts


def test_who_succeeded_whom_as_chief_executive():
    facts = fact_set(extract_text(
        "Varnvik Electronics makes speakers. Ingrid Sjövik founded it. Lindqvist, previously "
        "head of sales at Kallvik Mobile, succeeded Sjövik as chief executive in 2018."))
    assert ("Ingrid Sjövik", "ceoOf", "Varnvik Electronics") not in facts


def test_a_merger_forming_a_new_group_makes_no_unit_of_either_party():
    facts = fact_set(extract_text(
        "Tervik and Ostervald complete merger, forming Arvik Agritech\n\nThe Finnish maker "
        "Tervik Machinery and Ostervald Landtechnik completed their merger on Tuesday, "
        "creating Arvik Agritech, a farm-equipment group."))
    assert not any(p == "subOrganizationOf" and s == "Arvik Agritech" for s, p, _ in facts)


def test_a_name_that_continues_with_and_is_no_product_of_its_first_word():
    facts = fact_set(extract_text(
        "Vantor news\n\nVantor, the software company, makes Vantor Cloud and Vantor Maps, two "
        "popular services. After the normalization of the system in 1976, the grant of "
        "autonomy to the archipelagos of Vantor and Azores was announced by Vantor."))
    assert ("Vantor Cloud", "developedBy", "Vantor") in facts
    assert ("Vantor and Azores", "developedBy", "Vantor") not in facts


def test_based_after_a_specialists_goods_locates_the_specialist():
    facts = fact_set(extract_text(
        "Lisca Verde swimwear is produced by Costa Brava Tessuti, a specialist in technical "
        "fabrics based in Rimini."))
    assert ("Costa Brava Tessuti", "headquarteredIn", "Rimini") in facts


def test_what_is_run_under_a_person_is_led_by_them():
    facts = fact_set(extract_text(
        "Kagvik Energy, under Rolf Bremer, a German executive who previously worked at "
        "Siemvik, makes storage systems for homes. Tavrik debuts Muse, its first AI model "
        "under Alex Wanger."))
    assert ("Rolf Bremer", "leads", "Kagvik Energy") in facts
    assert ("Alex Wanger", "leads", "Muse") not in facts


def test_a_relative_clause_after_a_firm_described_in_a_town_is_about_the_firm():
    ex = extract_text("In 2020 Tavvik acquired Inkvale, a display start-up in Dresden, which "
                      "remains a wholly owned subsidiary.")
    dresden = _entity(ex, "Dresden")
    assert dresden.type == "Place"
    assert ("Inkvale", "headquarteredIn", "Dresden") in fact_set(ex)


def test_a_firm_noun_the_tagger_took_for_a_name_still_describes_the_firm():
    facts = fact_set(extract_text(
        "Penny runs on Quill 2, a large language model developed by Tessvik AI, a San "
        "Francisco-based start-up, under a multi-year partnership the two companies signed."))
    assert ("Tessvik AI", "headquarteredIn", "San Francisco") in facts


def test_who_chairs_the_board_of_a_firm_leads_it():
    facts = fact_set(extract_text(
        "The board of the Aurelio Media Trust is chaired by Gordon MacAllan. Quintero has "
        "chaired the board of the Guadalajara-based Banco Serrato since 2017."))
    assert ("Gordon MacAllan", "leads", "Aurelio Media Trust") in facts


def test_a_verb_the_tagger_ran_into_a_name_is_cut_off():
    ex = extract_text("Priya Raman co-founded Keelvik Data. After the acquisition, Raman "
                      "became Arcturo's chief technology officer, while Ekberg left in 2022.")
    assert not any(e.label.endswith(" became") for e in ex.entities.values())


def test_a_firm_bought_and_run_as_a_subsidiary_is_part_of_the_buyer():
    facts = fact_set(extract_text(
        "The locks are designed by Domvik Labs, the Copenhagen-based lock maker that Sorvik "
        "bought in 2021 and now runs as a wholly owned subsidiary. In 2021 the division "
        "acquired Dunvik Pictures, a production company."))
    assert ("Domvik Labs", "subOrganizationOf", "Sorvik") in facts
    assert not any(s == "Dunvik Pictures" and p == "subOrganizationOf" for s, p, _ in facts)


def test_a_firm_sold_to_a_buyer_the_tagger_called_a_person_and_plants_sold_are_no_firm():
    facts = fact_set(extract_text(
        "Trucks\n\nEnaska makes trucks. Enaska belonged to the state-owned INI holding. In "
        "1990 Enaska was sold to Ivesco. Castmar Media also sold its printing plants to "
        "Drukwerk Noordvik in 2018."))
    assert ("Ivesco", "acquired", "Enaska") in facts  # the buyer, whatever the tagger said
    assert not any(s == "Drukwerk Noordvik" for s, _, _ in facts)


def test_a_deputy_under_a_leader_names_who_leads_the_party():
    facts = fact_set(extract_text(
        "Joanne Burtley is an Irish politician. She was deputy leader of the Labour Party "
        "under Eamon Gilmartin, between 2007 and 2014."))
    assert ("Eamon Gilmartin", "leads", "Labour Party") in facts


def test_an_organisation_named_after_its_noun_and_its_leader():
    ex = extract_text(
        "A music video was released, depicting support for the Peruvian Maoist terrorist "
        "organization, Sendaro Lumino and its leader Abimar Guzmano.")
    assert _entity(ex, "Sendaro Lumino").type \
        == "Organization"
    assert ("Abimar Guzmano", "leads", "Sendaro Lumino") in fact_set(ex)


def test_a_partnership_a_verb_works_through_is_its_subjects():
    facts = fact_set(extract_text(
        "Heatvik rents out pumps on monthly subscriptions through a partnership with the "
        "energy supplier Solvik Energy, and it has raised money from Larchvik Ventures."))
    assert ("Heatvik", "partnerOf", "Solvik Energy") in facts or \
        ("Solvik Energy", "partnerOf", "Heatvik") in facts


def test_a_partnership_one_side_signed_with_the_other():
    facts = fact_set(extract_text(
        "Wren 4 is available on Microvik's Azuro cloud from launch, under a partnership "
        "Lanternvik signed with Microvik in March."))
    assert ("Lanternvik", "partnerOf", "Microvik") in facts or \
        ("Microvik", "partnerOf", "Lanternvik") in facts


def test_joint_ventures_and_agreements_are_partnerships_but_a_merger_agreement_is_not():
    facts = fact_set(extract_text(
        "Valdrik Holdings makes brakes. Since 2021 Valdrik has run a joint venture with "
        "Hitavi Rail to build brake systems. In 2023 the corporation signed a distribution "
        "agreement with Amazo. Later Valdrik signed a merger agreement with Brakvik."))
    assert ("Hitavi Rail", "partnerOf", "Valdrik Holdings") in facts or \
        ("Valdrik Holdings", "partnerOf", "Hitavi Rail") in facts
    assert not {("Brakvik", "partnerOf", "Valdrik Holdings"),
                ("Valdrik Holdings", "partnerOf", "Brakvik")} & facts


def test_a_code_name_set_off_after_a_numbered_release():
    facts = fact_set(extract_text(
        "Keelvik released Halvard 2.0, code-named Bowsprit, in 2016; it added distributed "
        "transactions."))
    assert ("Halvard 2.0", "codeName", "Bowsprit") in facts


def test_a_coined_name_the_tagger_reads_as_an_adverb_is_a_name():
    ex = extract_text(
        "Tallvik Software develops accounting software for small firms, chiefly its cloud "
        "service Coinly, which had 300,000 customers. Its mobile companion, Tidely Go, is "
        "available on iOS. Finally the firm grew.")
    types = _types(ex)
    assert types.get("Coinly") == "Product" and types.get("Tidely Go") == "Product"
    assert "Finally" not in types
    assert ("Tidely Go", "availableOn", "iOS") in fact_set(ex)


def test_a_noun_known_as_a_name_types_it():
    ex = extract_text(
        "Some concepts of the Orbel speaker were reused for a more successful device known "
        "as Quoncast, which streams music to a television.")
    assert _types(ex).get("Quoncast") == "PhysicalProduct"


def test_a_firm_named_with_a_possessive_keeps_its_whole_name():
    ex = extract_text(
        "Dorling's Cakes sold to Leeds group\n\n"
        "Dorling's Cakes, the family-owned cake maker based in Ripon, has been sold to the "
        "Leeds food group Harwick Foods. The business was founded in 1950 by Ada Dorling. "
        "Dorling's is now a subsidiary of Harwick. Its newest line, the Dorling's Tea Loaf, "
        "replaced the older Ripon Slices in 2019. The sale did not include Dorling's Farm "
        "Shop, which stays in the family.")
    types = _types(ex)
    assert types.get("Dorling's Cakes") == "Company"
    assert types.get("Dorling's Farm Shop") == "Company"
    assert "Cakes" not in types and "Tea Loaf" not in types
    facts = fact_set(ex)
    assert ("Dorling's Cakes", "headquarteredIn", "Ripon") in facts
    assert ("Dorling's Cakes", "subOrganizationOf", "Harwick Foods") in facts
    assert ("Dorling's Tea Loaf", "developedBy", "Dorling's Cakes") in facts


def test_a_possessive_before_a_product_is_still_its_owner():
    ex = extract_text("Tarnwell makes chips. Tarnwell's Quorra Chip ships in May.")
    assert "Quorra Chip" in _types(ex)


def test_a_name_the_tagger_runs_over_a_semicolon_ends_there():
    from spacy.lang.en import English
    from spacy.tokens import Doc, Span

    from kg.nlp import find_mentions

    words = ["Soilwick", "is", "hiring", "in", "Nairobi", ";", "Ramesh", "says", "so", "."]
    pos = ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "ADV", "PUNCT"]
    heads = [2, 2, 2, 2, 3, 2, 7, 2, 7, 2]
    deps = ["nsubj", "aux", "ROOT", "prep", "pobj", "punct", "nsubj", "conj", "advmod",
            "punct"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 4, 7, "GPE")]  # "Nairobi; Ramesh"
    mentions = find_mentions("d", doc, {i: 0 for i in range(len(doc))})
    assert [(m.text, m.ner_label) for m in mentions if "Nairobi" in m.text] == [("Nairobi", "GPE")]
    assert all(";" not in m.text for m in mentions)


def test_a_coined_firm_of_a_town_is_the_firm_and_its_town():
    ex = extract_text(
        "Title\n\nIn 2017 the company bought the Danish invoicing firm Fakturo of Aarhus, which "
        "was merged into Quillon the following year. The Bank of England was not involved.")
    types = _types(ex)
    assert types.get("Fakturo") == "Company" and types.get("Aarhus") == "Place"
    assert ("Fakturo", "headquarteredIn", "Aarhus") in fact_set(ex)
    assert "Bank of England" in types


def test_the_noun_a_firm_was_written_before_refers_back_to_it():
    facts = fact_set(extract_text(
        "Title\n\nHarvik Retail Group, the Bergen-based owner of the Lystmart supermarket chain, "
        "reported a rise in profit. Lystmart lifted sales after two weak years. Lars Eide, "
        "who has run the chain since March, said lower prices had brought shoppers back."))
    assert ("Lars Eide", "leads", "Lystmart") in facts


def test_a_short_name_drops_plain_words_before_a_trade_ending():
    ex = extract_text(
        "Title\n\nHarvik Retail Group reported a rise in profit on Thursday. Harvik chief "
        "executive Ingrid Solvang said margins would improve.")
    firm = _entity(ex, "Harvik Retail Group")
    assert "Harvik" in firm.aliases
    assert ("Ingrid Solvang", "ceoOf", "Harvik Retail Group") in fact_set(ex)


def test_a_trading_name_in_parentheses_is_an_alias():
    ex = extract_text(
        "Skua Regional Airways (trading as Skua Air) is a Scottish regional airline "
        "headquartered in Aberdeen. Skua Air flies to Bergen.")
    firm = next(e for e in ex.entities.values() if "Skua Air" in {e.label, *e.aliases})
    assert {firm.label, *firm.aliases} >= {"Skua Air", "Skua Regional Airways"}
    assert not any(f.subject == f.object for f in ex.facts)


def test_a_model_code_types_a_product_and_from_names_its_maker():
    ex = extract_text(
        "Title\n\nThe S2 goes up against the Zephon Z3 from Lyon-based Zephon Motors and the "
        "Kestrin K5 from the Berlin start-up Kestrin eMobility, both of which sell for less.")
    assert _types(ex).get("Kestrin K5") == "Product"
    facts = fact_set(ex)
    assert ("Kestrin K5", "developedBy", "Kestrin eMobility") in facts
    assert not any(f[0] == "Kestrin K5" and f[1] == "headquarteredIn" for f in facts)




def test_a_year_before_the_subject_is_not_part_of_its_name():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from kg.documents import parse_document
    from kg.nlp import parse

    words = ["In", "2014", "Varnholt", "acquired", "Paywick", "."]
    pos = ["ADP", "NUM", "PROPN", "VERB", "PROPN", "PUNCT"]
    heads = [3, 2, 0, 3, 3, 3]  # the small model's reading: "In [2014 Varnholt]"
    deps = ["prep", "nummod", "pobj", "ROOT", "dobj", "punct"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)
    parsed = parse(parse_document(doc.text.encode(), "t.txt"), spacy_doc=doc)
    tree = [(t.text, t.dep_, t.head.text) for t in parsed.doc]
    assert ("Varnholt", "nsubj", "acquired") in tree and ("2014", "pobj", "In") in tree


def test_a_that_the_tagger_made_a_conjunction_stands_for_the_object():
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from kg import syntax

    words = ["a", "model", "that", "Quorvel", "developed", "in", "house"]
    pos = ["DET", "NOUN", "SCONJ", "PROPN", "VERB", "ADP", "NOUN"]
    heads = [1, 1, 4, 4, 1, 4, 5]
    deps = ["det", "ROOT", "mark", "nsubj", "relcl", "prep", "pobj"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in syntax.logical_objects(doc[4])] == ["model"]


def test_a_firm_bought_then_sold_on_is_owned_by_its_last_buyer():
    facts = fact_set(extract_text(
        "Title\n\nKessman Armaturen is a valve maker in Wuppertal. A move into pumps was less "
        "happy: Harford Pumps, a British maker the company bought in 1994, lost money for a "
        "decade and was sold in 2006 to Trenwick Industrial of Cleveland, which still owns it."))
    assert ("Kessman Armaturen", "acquired", "Harford Pumps") in facts
    assert ("Trenwick Industrial", "owns", "Harford Pumps") in facts
    assert ("Kessman Armaturen", "owns", "Harford Pumps") not in facts
    assert ("Trenwick Industrial", "owns", "Kessman Armaturen") not in facts  # "it": Harford


def test_a_town_before_a_firm_noun_and_name_is_where_the_firm_is():
    ex = extract_text(
        "Title\n\nThe family was advised by the Shrewsbury accountancy firm Hollins & Webb, "
        "where partner Ruth Cale handled the sale. In 2013 it bought the Texan studio "
        "Redmarsh Games, which it closed two years later.")
    facts = fact_set(ex)
    assert ("Hollins & Webb", "headquarteredIn", "Shrewsbury") in facts
    assert "Texan" not in _types(ex)


def test_an_editor_works_for_the_paper_but_a_document_editor_is_software():
    ex = extract_text(
        "Title\n\nThis week host Dan Whitcombe, Furlong Media's agriculture editor, talks to "
        "Priya Ramesh. Tern 2 powers Fenwold Compose, the assistant built into Fenwold Docs, "
        "Fenwold Software's document editor used by four million people.")
    assert ("Dan Whitcombe", "worksFor", "Furlong Media") in fact_set(ex)
    assert _types(ex).get("Fenwold Docs") == "Product"


def test_available_set_off_after_an_app_names_the_app():
    facts = fact_set(extract_text(
        "Title\n\nGridvale builds batteries. Its GridKeeper app, available on Android, lets "
        "operators switch loads. The S2's dashboard is powered by VoltOS 2, and riders lock, "
        "unlock and track the scooter with the Voltaro Ride app, available on iOS and Android."))
    assert ("GridKeeper", "availableOn", "Android") in facts
    assert ("Voltaro Ride", "availableOn", "iOS") in facts


def test_a_rival_product_owned_by_a_name_only_the_tagger_typed():
    facts = fact_set(extract_text(
        "Title\n\nThe Drift 2 goes on sale on October 3 at $549, putting it up against "
        "Valve's Steam Deck and Asus's ROG Ally, the two best-selling devices in the category. "
        "The Ministry of Transport's Roadwise portal lists it."))
    assert ("Steam Deck", "developedBy", "Valve") in facts
    assert not any(f[0] == "Roadwise" and f[1] == "developedBy" for f in facts)


def test_a_guessed_owner_does_not_make_what_it_owns_a_product():
    ex = extract_text("Title\n\nThe game received the VRB's Mature rating in 2009.")
    assert "Mature" not in _types(ex)
    assert not any(f.predicate == "developedBy" for f in ex.facts)


def test_names_listed_after_a_colon_are_what_the_noun_before_it_counts():
    ex = extract_text(
        "Quill vs Mira vs Beacon\n\nI've spent three weeks switching between the three "
        "assistants everyone in my group chat keeps arguing about: Quill, Mira and Beacon. "
        "Beacon is the newcomer, from Osterlund AI in Stockholm. The company was founded in "
        "2022 by Ingrid Sahlberg.")
    types = _types(ex)
    assert types.get("Quill") == "Product" and types.get("Beacon") == "Product"
    assert ("Ingrid Sahlberg", "founderOf", "Osterlund AI") in fact_set(ex)


def test_a_company_writing_about_itself_is_we():
    facts = fact_set(extract_text(
        "About Harkveld Logistics: Our Story\n\nHarkveld Logistics GmbH is a family-owned "
        "transport company headquartered in Hamburg. Our company was founded in 1974 in Bremen "
        "by Ernst Harkveld, a former army driver. In 2012 we acquired Nordbote Express, a "
        "parcel courier based in Leipzig, which remains our subsidiary."))
    assert ("Ernst Harkveld", "founderOf", "Harkveld Logistics GmbH") in facts
    assert ("Harkveld Logistics GmbH", "acquired", "Nordbote Express") in facts


def test_a_reviewers_we_is_not_the_company():
    facts = fact_set(extract_text(
        "Title\n\nI run a bakery in Leeds. Orvo Labs makes the Orvo Books app, and we switched "
        "to it last year. We acquired Kelda Bakes, a rival bakery, in 2020."))
    assert not any(f[1] == "acquired" for f in facts)


def test_divisions_announced_by_a_colon_each_in_a_paragraph_of_its_own():
    ex = extract_text(
        "Title\n\nWith effect from today, Harrowby Group's operations are organised into three "
        "divisions:\n\nHarrowby Flow Systems, which makes pumps, is headed by Karin Lund. It "
        "includes Hydrelle, the Lyon valve maker.\n\nHarrowby Precision, which supplies "
        "machined parts, is led by Tomasz Wrobel.\n\nHarrowby Digital, which develops "
        "software, is run by Sunil Mehta.\n\nThe Group intends to sell Brightfold, its "
        "packaging subsidiary in Leeds. Elaine Forsyth, Harrowby's Chair, welcomed the plan.")
    facts = fact_set(ex)
    for division in ("Harrowby Flow Systems", "Harrowby Precision", "Harrowby Digital"):
        assert (division, "subOrganizationOf", "Harrowby Group") in facts
    assert ("Brightfold", "subOrganizationOf", "Harrowby Group") in facts
    assert "Chair" not in _types(ex)


def test_a_town_before_the_noun_describing_a_firm_is_not_the_firm():
    facts = fact_set(extract_text(
        "Title\n\nThe best-known success is Quaymark Robotics, the Cork maker of warehouse "
        "robots founded by Aoife Brennock in 2016."))
    assert ("Aoife Brennock", "founderOf", "Quaymark Robotics") in facts
    assert ("Quaymark Robotics", "headquarteredIn", "Cork") in facts
    assert not any(f[2] == "Cork" and f[1] != "headquarteredIn" for f in facts)


def test_a_town_and_a_noun_the_tagger_took_into_a_name_are_trimmed():
    ex = extract_text(
        "Title\n\nQuaymark's main rival, the Belfast start-up Dockhand, approached Thornbury in "
        "2018, but Kerrigan turned it down.")
    assert "Dockhand" in _types(ex)
    assert not any("start-up" in label for label in _types(ex))


def test_the_investor_refers_back_to_the_person_the_profile_is_about():
    facts = fact_set(extract_text(
        "Title\n\nNadia Kerrane does not like being called a kingmaker. Yet the investor, who "
        "co-founded Thornwick Ventures in 2014 with the engineer Liam Ostrow, has backed more "
        "start-ups than anyone."))
    assert ("Nadia Kerrane", "founderOf", "Thornwick Ventures") in facts


def test_a_club_or_university_described_by_its_noun_is_an_organisation():
    ex = extract_text("Fyllingen Fotball was a Norwegian association football club from "
                      "Fyllingsdalen, Bergen, Hordaland. It was founded in 1994.")
    assert _types(ex)["Fyllingen Fotball"] == "Organization"


def test_a_numbered_release_is_never_a_place_whatever_its_family_was_tagged():
    from kg.entities import family_votes
    from kg.model import Entity

    entities = {"Windows": Entity("Windows", "Windows", "Place"),
                "Windows 10": Entity("Windows 10", "Windows 10", "Product"),
                "Pico": Entity("Pico", "Pico", "PhysicalProduct"),
                "Pico 3": Entity("Pico 3", "Pico 3", "Product")}
    votes = {(key, cls) for key, cls, _ in family_votes(entities)}
    assert ("Windows 10", "Place") not in votes
    assert ("Pico 3", "PhysicalProduct") in votes  # a product family still passes its class on


def test_an_organisation_named_with_the_town_it_is_in():
    facts = fact_set(extract_text(
        "Tourers\n\nThe Tourer II is manufactured by Lianhe Precision in Kaohsiung, Taiwan. "
        "She is a professor at Ashcombe University in Bristol. "
        "Lumora Optics has sued its rival Calvane Systems in federal court in Wilmington, "
        "Delaware. Sales of Brisco Instruments in Germany fell. "
        "The channel Tesmark TV in Europe is owned by Corvane Media."))
    assert ("Lianhe Precision", "headquarteredIn", "Kaohsiung") in facts
    assert ("Ashcombe University", "headquarteredIn", "Bristol") in facts
    assert not {f for f in facts if f[1] == "headquarteredIn" and f[0] != "Lianhe Precision"
                and f[0] != "Ashcombe University"}  # a court's town, a country, a continent


def test_a_building_named_as_one_is_a_place_not_an_organisation():
    ex = extract_text("Guests returned to the Halvard Hotel in Chicago when it reopened in May.")
    assert _types(ex)["Halvard Hotel"] == "Place"
    assert not {f for f in fact_set(ex) if f[1] == "headquarteredIn"}


def test_shipyards_consultancies_and_start_ups_from_a_town():
    facts = fact_set(extract_text(
        "Ferries\n\nBoth ferries are built by Vassbotn Verft, a shipyard in Haugesund. "
        "Brandvold is an investor in Ampelix, a battery start-up from Trondheim. "
        "The group sells its own Nelson labels, Driftwood Bay and Copper Fern."))
    assert {("Vassbotn Verft", "headquarteredIn", "Haugesund"),
            ("Ampelix", "headquarteredIn", "Trondheim")} <= facts
    assert not {f for f in facts if f[2] == "Nelson"}  # a wine label is no firm


def test_a_name_set_beside_a_possessed_noun_is_the_possessors():
    facts = fact_set(extract_text(
        "Studios\n\nBrackenlight Studios is a Montreal developer. The sequel was made on "
        "Loomwork, the studio's in-house engine, which also powers the first game."))
    assert ("Loomwork", "developedBy", "Brackenlight Studios") in facts


def test_whose_after_a_name_is_that_names_even_when_the_clause_is_misread():
    facts = fact_set(extract_text(
        "Ondralis ships Sorrel 3\n\nOndralis competes with Parrowind, whose Lumivane 5 model is "
        "popular. The move sharpens the rivalry with Stonewake Games of Manchester, whose "
        "survival game Frostbound has been a hit."))
    assert ("Lumivane 5", "developedBy", "Parrowind") in facts
    assert ("Frostbound", "developedBy", "Stonewake Games") in facts
    assert ("Frostbound", "developedBy", "Manchester") not in facts


def test_a_product_that_comes_from_a_maker():
    facts = fact_set(extract_text(
        "Assistants\n\nMira is an assistant. Mira comes from Hanaro Intelligence, the AI "
        "subsidiary of the conglomerate Hanaro Group. Its founder Ana Roe comes from Oslo."))
    assert ("Mira", "developedBy", "Hanaro Intelligence") in facts
    assert not {f for f in facts if f[2] == "Oslo"}


def test_a_numbered_name_nothing_else_types_is_a_release():
    ex = extract_text(
        "Pumps\n\nThe order is for the Halden 60 and the older Halden 40.")
    assert _types(ex).get("Halden 60") == _types(ex).get("Halden 40") == "Product"


def test_a_firm_named_for_its_goods_is_shortened_to_its_first_word():
    ex = extract_text(
        "Pump maker\n\nMarrowfield Pumps has won an order from a grower. The firm was founded by "
        "Ada Pell. Marrowfield's sales director, Joe Ng, said Marrowfield would hire.")
    assert "Marrowfield" in _entity(ex, "Marrowfield Pumps").aliases
    assert ("Joe Ng", "worksFor", "Marrowfield Pumps") in fact_set(ex)


def test_a_name_before_the_noun_beside_a_firms_name_says_where_not_what():
    ex = extract_text(
        "Pump maker\n\nCorrowfield Pumps, the Ludwell firm whose pumps are on every farm, has "
        "won an order. Its pumps are designed by engineers in Ludwell.")
    assert _types(ex).get("Ludwell") != "Company"


def test_a_place_in_a_firms_own_name_phrase_is_not_hedged_by_the_clause():
    ex = extract_text(
        "Deal\n\nHe said the company plans to acquire Tarnat Engineering of Llanwyddan once the "
        "order has been delivered.")
    assert ("Tarnat Engineering", "headquarteredIn", "Llanwyddan") in fact_set(ex)


def test_a_firms_best_known_goods_named_after_a_copula_are_its_own():
    facts = fact_set(extract_text(
        "Optics\n\nVarnholt Optik AG is a Swiss lens maker. Varnholt's best-known lenses are the "
        "Arvlux 1, introduced in 1998, and the Arvlux 2."))
    assert {("Arvlux 1", "developedBy", "Varnholt Optik AG"),
            ("Arvlux 2", "developedBy", "Varnholt Optik AG")} <= facts


def test_based_on_the_last_goods_of_a_makers_description_is_the_makers_office():
    facts = fact_set(extract_text(
        "Optics\n\nVarnholt Optik AG is a Swiss manufacturer of camera lenses and binoculars "
        "headquartered in Aarau."))
    assert ("Varnholt Optik AG", "headquarteredIn", "Aarau") in facts


def test_a_second_founder_whose_title_the_parser_hangs_on_the_first_name():
    facts = fact_set(extract_text(
        "Optics\n\nVarnholt Optik AG makes lenses. The company was founded in 1921 by the lens "
        "grinder Emil Varnholt and the merchant Otto Fassler under the name Varnholt & Fassler."))
    assert ("Otto Fassler", "founderOf", "Varnholt Optik AG") in facts


def test_kin_are_people_and_foreign_trade_words_end_a_firms_name():
    ex = extract_text(
        "Optics\n\nVarnholt Optik AG makes lenses. Lea Baum succeeded Markus Varnholt, the "
        "founder's grandson, as chief executive. Varnholt's lenses are popular.")
    assert _types(ex)["Markus Varnholt"] == "Person"
    assert "Varnholt" in _entity(ex, "Varnholt Optik AG").aliases


def test_a_song_a_person_wrote_is_not_their_product():
    facts = fact_set(extract_text(
        "Songs\n\nThe Velvet Song is a 1948 song. It was co-written by the producer Bob Crane "
        "and Bob Gaudet, a bandmate of Vallon's."))
    assert not {f for f in facts if f[1] == "developedBy"}


def test_the_town_before_lab_is_where_the_lab_is():
    facts = fact_set(extract_text(
        "Robots\n\nTamsin uses Grasp-9, a vision model developed by Feldmark AI. The Munich lab, "
        "a subsidiary of the engineering group Oberhalt, has been a partner since 2022."))
    assert ("Feldmark AI", "headquarteredIn", "Munich") in facts


def test_a_single_model_code_after_the_is_a_product():
    facts = fact_set(extract_text(
        "Robots\n\nThe new robot goes up against the P3 from Boston's Pickwood Systems."))
    assert ("P3", "developedBy", "Pickwood Systems") in facts


def test_a_claim_that_is_so_is_not_asserted():
    ex = extract_text(
        "Ruling\n\nThe chairwoman rejected Corrin Foods' claim that Glenmora Foods was controlled "
        "by the co-operative Arkel Agri.")
    assert not {f for f in fact_set(ex) if f[1] == "owns"}


def test_a_town_before_a_cheesemaker_is_where_it_is():
    facts = fact_set(extract_text(
        "Cheese\n\nBallymore Cheese was founded in 1996 by the farmer Declan Moore. The "
        "Castlebar cheesemaker now operates as a subsidiary of Glenmora Foods."))
    assert ("Ballymore Cheese", "headquarteredIn", "Castlebar") in facts
    assert not {f for f in facts if f[0] == "Castlebar"}


def test_a_name_two_nouns_before_the_one_it_modifies():
    facts = fact_set(extract_text(
        "About Kettlewood Roasters\n\nWe are Kettlewood Roasters, an independent coffee roaster. "
        "Our subscription app, Beanlane, is available on the Pocketshelf app store."))
    assert ("Beanlane", "availableOn", "Pocketshelf") in facts


def test_founders_listed_beside_a_noun_for_people():
    facts = fact_set(extract_text(
        "About Kettleby Roasters\n\nWe are Kettleby Roasters, an independent coffee roaster "
        "based in Leeds. Our company was founded in 2011 by two friends, Hannah Oyelaran and "
        "Marcus Webb, who started roasting beans in a garage."))
    assert {("Hannah Oyelaran", "founderOf", "Kettleby Roasters"),
            ("Marcus Webb", "founderOf", "Kettleby Roasters")} <= facts


def test_a_firm_with_a_trade_ending_of_a_town_tagged_as_one_name():
    ex = extract_text(
        "Recycling\n\nFjellvik also designed its own sorting robots, called Sortex, which are "
        "built for it by Bergmark Automation of Bremen.")
    assert "Bergmark Automation of Bremen" not in _types(ex)
    assert ("Bergmark Automation", "headquarteredIn", "Bremen") in fact_set(ex)


def test_a_list_of_a_name_and_its_numbered_successor_tagged_as_one_name():
    ex = extract_text(
        "Fjellvolt\n\nFjellvolt Lab is the company's research unit. His team developed both "
        "Reclaim and Reclaim 2, the process that replaced it in 2022.")
    assert {"Reclaim", "Reclaim 2"} <= set(_types(ex))


def test_a_suv_is_no_name_and_a_town_before_recycler_is_where_it_is():
    ex = extract_text(
        "Recycling\n\nEvery battery from Nordvika's electric SUV, the Aurelia, comes back. "
        "Fjellvik's main rival is Kretso, a Gothenburg recycler twice its size.")
    assert "SUV" not in _types(ex)
    assert ("Kretso", "headquarteredIn", "Gothenburg") in fact_set(ex)


def test_a_lone_first_name_after_one_persons_full_name():
    ex = extract_text(
        "About Kettleby Roasters\n\nWe are Kettleby Roasters, a coffee roaster. Our company was "
        "founded in 2011 by Hannah Oyelaran. Hannah is still our managing director.")
    assert "Hannah" in _entity(ex, "Hannah Oyelaran").aliases
    assert ("Hannah Oyelaran", "ceoOf", "Kettleby Roasters") in fact_set(ex)



def test_two_names_joined_by_an_ampersand_name_a_firm():
    from kg.entities import type_cues
    from kg.model import Mention
    from kg.nlp import load_pipeline

    text = "It was founded under the name Varnholt & Fassler in 1921."
    name = "Varnholt & Fassler"
    start = text.index(name)
    mention = Mention("d", 0, start, start + len(name), name, "ORG", 0)
    assert "Company" in {cls for cls, _ in type_cues(mention, load_pipeline()(text))}


def test_a_name_before_the_noun_of_an_apposition():
    facts = fact_set(extract_text(
        "Batteries\n\nLumora's first product, the LC-1 pouch cell, is manufactured for it by "
        "Ferrowick Battery Systems in Coventry."))
    assert ("LC-1", "manufacturedBy", "Ferrowick Battery Systems") in facts


def test_a_firms_competition_with_others():
    facts = fact_set(extract_text(
        "Chips\n\nKestrin Silicon makes chips. Analysts said the launch sharpens Kestrin's "
        "competition with Corvale and with Pellicore Devices, the Austin company whose "
        "accelerators dominate the market. It also sharpens Kestrin's rivalry with Tarnby Chips."))
    assert {("Kestrin Silicon", "competitorOf", "Pellicore Devices")} <= facts \
        or {("Pellicore Devices", "competitorOf", "Kestrin Silicon")} <= facts
    assert _paired(facts, "Kestrin Silicon", "competitorOf", "Tarnby Chips")


def test_a_partnership_the_verbs_phrase_names_is_its_doers():
    facts = fact_set(extract_text(
        "Books\n\nTavrin Electronics makes e-readers. Tavrin also sells e-books in partnership "
        "with the Dutch bookshop chain Boekhuis Verweij."))
    assert _paired(facts, "Boekhuis Verweij", "partnerOf", "Tavrin Electronics")


def test_a_camel_case_platform_the_parser_joined_to_the_verb():
    facts = fact_set(extract_text(
        "Payroll\n\nTallyroll's app, Tally, is available on Android and iOS and already has "
        "800,000 users in Portugal and Spain."))
    assert {("Tally", "availableOn", "Android"), ("Tally", "availableOn", "iOS")} <= facts


def test_downloaded_from_and_sold_on_a_platform():
    facts = fact_set(extract_text(
        "Models\n\nMarrowfield released Tessa 3, a language model. Tessa 3 can be downloaded "
        "free of charge from Modelgrove, the model-sharing site. Alpenglow released Tern 3 "
        "Mini, a language model. The weights of Tern 3 Mini can be downloaded from Hugging "
        "Face under the Apache 2.0 licence."))
    assert {("Tessa 3", "availableOn", "Modelgrove"),
            ("Tern 3 Mini", "availableOn", "Hugging Face")} <= facts


def test_sold_on_a_console():
    facts = fact_set(extract_text(
        "Studio\n\nTessellate Games made Ashen Tide. Ashen Tide is sold on PC through the Parcel "
        "storefront and on the Nomad, a handheld console that Osaka-based Koyo Devices designs."))
    assert ("Ashen Tide", "availableOn", "Nomad") in facts


def test_the_database_of_a_vendor():
    facts = fact_set(extract_text(
        "Databases\n\nIndustry analysts describe Ferrodb's main rivals as Lodestar and Grisholm "
        "DB, the database of the Dublin-based vendor Grisholm."))
    assert ("Grisholm DB", "developedBy", "Grisholm") in facts


def test_a_verb_the_parser_hung_on_the_name_after_it():
    facts = fact_set(extract_text(
        "Models\n\nQuennell Research released Tanager 3, a language model. Tanager 3 now powers "
        "Tallybird, the company's bookkeeping assistant, and outside developers can use it on "
        "Obelin Cloud."))
    assert ("Tanager 3", "powers", "Tallybird") in facts


def test_goods_called_by_a_name_are_that_name():
    facts = fact_set(extract_text(
        "Fjellvolt\n\nFjellvolt recycles batteries. Fjellvolt also designed its own sorting "
        "robots, called Sorta, which are built for it by Bergmann Automation of Bremen. The "
        "model, code-named Avocet, is in training."))
    assert {("Sorta", "developedBy", "Fjellvolt"),
            ("Sorta", "manufacturedBy", "Bergmann Automation")} <= facts


def test_a_firm_bought_and_closed_is_not_owned():
    facts = fact_set(extract_text(
        "Studios\n\nIn 2012 Brightmoor Entertainment acquired the Polish developer Ninefold "
        "Games, and in 2013 it bought the Texan studio Redwater Games, which it closed two "
        "years later."))
    assert ("Brightmoor Entertainment", "acquired", "Redwater Games") in facts
    assert ("Brightmoor Entertainment", "owns", "Redwater Games") not in facts
    assert ("Brightmoor Entertainment", "owns", "Ninefold Games") in facts


def test_a_role_in_a_clause_set_in_the_past_is_a_past_role():
    ex = extract_text(
        "Pair\n\nPallwick Pair competes with GitHub Copilot, which its founder, Jonah Abernathy, "
        "used daily when he was an engineer at Google.")
    assert ("Jonah Abernathy", "worksFor", "Google") not in fact_set(ex)
    assert ("Jonah Abernathy", "worksFor", "Google") in fact_set(ex, asserted_only=False)


def test_a_firm_that_bids_against_another_competes_with_it():
    facts = fact_set(extract_text(
        "Furniture\n\nMarrowby & Sons makes sofas. Carrowfield Seating, a contract furniture "
        "maker, bids against Marrowby for hotel and office orders. Tessel Group made a bid for "
        "Marrowby last year."))
    assert _paired(facts, "Carrowfield Seating", "competitorOf", "Marrowby & Sons")
    assert not {f for f in facts if "Tessel Group" in f and f[1] == "competitorOf"}


def test_a_branch_named_for_its_country_is_not_its_parent():
    ex = extract_text(
        "Title\n\nKestrel New Zealand Limited, known until 2001 as Corvane Industries New "
        "Zealand Limited, is a subsidiary of Corvane Industries of Leeds. Corvane Industries "
        "makes drills."
    )
    branch = _entity(ex, "Corvane Industries New Zealand Limited")
    assert "Corvane Industries" not in branch.aliases
    assert ("Kestrel New Zealand Limited", "subOrganizationOf", "Corvane Industries") \
        in fact_set(ex)


def test_two_names_merged_into_one_are_no_aliases_of_it():
    ex = extract_text(
        "Title\n\nCorlith Ambervale is a software company formed from the merger of the "
        "developer Corlith and the publisher Ambervale. Corlith had been based in Oslo."
    )
    assert not _entity(ex, "Corlith Ambervale").aliases & {"Corlith", "Ambervale"}
    # "X" or "the Group" are two names for one firm, not two merged ones
    ex = extract_text(
        'Title\n\nBrennock Group plc ("Brennock" or "the Group"), the Leeds-based maker, '
        "named a new chair. Brennock also sold its Polish plant."
    )
    assert "Brennock" in _entity(ex, "Brennock Group plc").aliases


def test_an_organisation_succeeds_an_organisation_only_where_the_text_says_so():
    facts = fact_set(extract_text(
        "Title\n\nHarrow Mutual is a British insurer. It is the legal successor of the "
        "Harrow Friendly Society, a mutual founded in 1852. Corvane Freight replaced Halden "
        "Logistics as the main carrier of Harrow Mutual in 2019."
    ))
    assert ("Harrow Mutual", "successorOf", "Harrow Friendly Society") in facts
    assert not any(f[1] == "successorOf" and f[0] == "Corvane Freight" for f in facts)
    # a product succeeds a product, never the firm that makes it
    facts = fact_set(extract_text(
        "Title\n\nOstrava Games released Glass Harbour in 2015. Its successor, Glass Harbour "
        "Tides, came out in 2019."
    ))
    assert ("Glass Harbour Tides", "successorOf", "Ostrava Games") not in facts


def test_a_succession_someone_might_call_so_is_hedged():
    ex = extract_text(
        "Title\n\nThe Tavel 3 is a phone made by Corvane. The Tavel 4 might be called the "
        "successor of the Tavel 3."
    )
    assert ("Tavel 4", "successorOf", "Tavel 3") not in fact_set(ex)
    assert ("Tavel 4", "successorOf", "Tavel 3") in fact_set(ex, asserted_only=False)


def test_a_letter_signed_by_its_chief_speaks_for_the_company():
    facts = fact_set(extract_text(
        "Letter to shareholders: Harrowgate Group Annual Report\n\nDear shareholders,\n"
        "Harrowgate Group grew in each of its divisions this year. Our pumps division, "
        "Harrowgate Pumps, had a record year. In valves we compete with Kessel Filtration. "
        "We also continue to work with our partners. I became chief executive in 2021.\n"
        "Anna Verhoef\nChief Executive Officer"
    ))
    assert ("Harrowgate Pumps", "subOrganizationOf", "Harrowgate Group") in facts
    assert ("Harrowgate Group", "competitorOf", "Kessel Filtration") in facts


def test_a_stake_sold_is_no_longer_held():
    ex = extract_text(
        "Title\n\nCorvane sold its 20 percent stake in Halden Sensors last year. Corvane "
        "still holds a 15 percent stake in Tarrow Optics. Its pies are sold in farm shops."
    )
    assert ("Corvane", "investedIn", "Halden Sensors") not in fact_set(ex)
    assert ("Corvane", "investedIn", "Halden Sensors") in fact_set(ex, asserted_only=False)
    assert ("Corvane", "investedIn", "Tarrow Optics") in fact_set(ex)


def test_a_bare_title_is_at_the_firm_its_holder_founded():
    facts = fact_set(extract_text(
        "Title\n\nTwo researchers from Harwood University turned their work into a business. "
        "Their start-up, Soilmark, was founded by Dr Anya Patel. Harwood University backs it, "
        "and Harwood University staff advise it. Patel is chief executive. Harwood University "
        "says it is proud."
    ))
    assert ("Anya Patel", "ceoOf", "Soilmark") in facts
    assert ("Anya Patel", "ceoOf", "Harwood University") not in facts


def test_a_firm_called_the_start_up_is_the_story_s_focus():
    facts = fact_set(extract_text(
        "Title\n\nResearchers at Harwood University built a soil sensor, and their start-up, "
        "Soilmark, now sells it. Harwood University is proud of them. The start-up has nine "
        "staff. The start-up is growing. Maya Ross is chief executive."
    ))
    assert ("Maya Ross", "ceoOf", "Soilmark") in facts


def test_a_robot_arm_is_no_corporate_arm():
    facts = fact_set(extract_text(
        "Title\n\nThe Sorrel is a robot arm Halvard Robotics designed in Oslo. Veltro Pay is a "
        "unit Halvard Robotics set up in 2019."
    ))
    assert ("Sorrel", "subOrganizationOf", "Halvard Robotics") not in facts
    assert ("Veltro Pay", "subOrganizationOf", "Halvard Robotics") in facts


def test_a_firm_only_the_tagger_typed_is_based_in_the_town_after_of():
    facts = fact_set(extract_text(
        "Title\n\nThe group competes with Veldkamp Logistiek of Tilburg, which has doubled its "
        "space. Cases are supplied by Trevisan Plast of Padua. The council of the Royal "
        "Borough of Windsor approved it, and Brennick of Canada agreed."
    ))
    assert ("Veldkamp Logistiek", "headquarteredIn", "Tilburg") in facts
    assert ("Trevisan Plast", "headquarteredIn", "Padua") in facts
    assert not any(f[1] == "headquarteredIn" and f[2] in {"Windsor", "Canada"} for f in facts)


def test_a_hyphenated_town_is_one_place():
    facts = fact_set(extract_text(
        "Title\n\nBrannock Logistics, headquartered in Stoke-on-Trent, keeps its name."
    ))
    assert ("Brannock Logistics", "headquarteredIn", "Stoke-on-Trent") in facts


def test_an_interviewer_s_label_is_not_part_of_a_title():
    facts = fact_set(extract_text(
        "Rask on Quarnel\n\nNTQ: People call Quarnel a spin-out. Is it?\n\nRask: No. We are "
        "independent.\n\nNTQ: Quarnel released Vessa 3 in March. What changed?\n\nRask: It is "
        "faster."
    ))
    assert ("Vessa 3", "developedBy", "Quarnel") in facts
    assert not any(":" in side for fact in facts for side in (fact[0], fact[2]))


def test_a_model_in_development_under_a_code_name():
    facts = fact_set(extract_text(
        "Title\n\nThe next model, the Reacher R4, is in development under the code name Heron."
    ))
    assert ("Reacher R4", "codeName", "Heron") in facts


def test_it_as_the_object_of_a_second_clause_is_what_the_first_acted_upon():
    facts = fact_set(extract_text(
        "Title\n\nThe Kelso group bought Tern Sverige in January, and Anders Lund runs it."
    ))
    assert ("Anders Lund", "leads", "Tern Sverige") in facts
    assert ("Anders Lund", "leads", "Kelso") not in facts


def test_a_known_town_before_a_firm_noun_is_where_the_firm_is():
    facts = fact_set(extract_text(
        "Ludlow firm sold to Bristol group\n\nTarnwick Labs, the Ludlow start-up, has been "
        "bought by the Bristol software group Calderby Systems."
    ))
    assert ("Calderby Systems", "headquarteredIn", "Bristol") in facts
    assert not any(f[1] in {"subOrganizationOf", "owns"} and "Bristol" in f for f in facts)


def test_an_honorific_with_a_surname_is_the_person_named_in_full():
    extraction = extract_text(
        "Firm sold\n\nThe company was set up in 2019 by Imogen Tasker, a former agronomist. "
        "Tarnwick is now a subsidiary of Calderby, and Ms Tasker remains managing director.\n\n"
        "\"We were approached by three bigger firms,\" Ms Tasker told the Marches Post.\n\n"
        "Mardle Robotics is a maker of robots whose chairman is Gwen Pritchard. Mrs Pritchard "
        "said Mardle was not for sale.\n\nLudlow's MP, Daniel Ashcombe, welcomed the deal."
    )
    labels = {e.label: e for e in extraction.entities.values()}
    assert "Ms Tasker" in labels["Imogen Tasker"].aliases
    assert labels["Gwen Pritchard"].type == "Person"
    assert labels["Gwen Pritchard"].aliases == {"Mrs Pritchard"}  # "MP" is a title
    assert "MP" not in labels
    assert ("Imogen Tasker", "ceoOf", "Marches Post") not in fact_set(extraction)


def test_a_name_between_commas_after_a_noun_is_its_apposition():
    extraction = extract_text(
        "Title\n\nThe app runs on Sorrel, a language model Tarnwick built itself. Sorrel "
        "replaced the company's earlier model, Bramble, last spring."
    )
    assert _types(extraction)["Bramble"] == "AIModel"
    assert ("Sorrel", "successorOf", "Bramble") in fact_set(extraction)


def test_an_app_sold_through_a_co_operative_s_marketplace():
    extraction = extract_text(
        "Title\n\nTarnwick Labs makes FieldLedger, an app for farmers. The app is sold through "
        "FarmDesk, the online marketplace of the farmers' co-operative Marches Grain."
    )
    facts = fact_set(extraction)
    assert _types(extraction)["Marches Grain"] == "Organization"
    assert ("FieldLedger", "availableOn", "FarmDesk") in facts
    assert ("FarmDesk", "developedBy", "Marches Grain") in facts


def test_a_town_compounded_before_an_apposition_s_noun_is_no_holder_of_it():
    extraction = extract_text(
        "Title\n\nTarnwick also holds a 15 percent stake in Mardle Robotics, a Hereford maker "
        "of fruit-picking robots whose chairman is Gwen Pritchard."
    )
    assert ("Mardle Robotics", "headquarteredIn", "Hereford") in fact_set(extraction)
    assert _types(extraction)["Hereford"] == "Place"


QUENNELL = (
    "Quennell Speech Systems\n\nQuennell Speech Systems Ltd (QSS) is a British developer of "
    "speech software. The company was founded in 1994 by the phoneticians Harriet Quennell and "
    "Owen Stroud, who had worked together on speech synthesis at Wensum University.\n\nIn 2021 "
    "the company set up the Cambridge-based Quennell AI Lab; the lab is headed by the computer "
    "scientist Tobias Einarsson, formerly of Halvard Research. The lab is training a third "
    "model, code-named Bittern, which the company expects to release in 2026."
)


def test_a_plural_noun_no_head_list_knows_spells_out_its_names():
    facts = fact_set(extract_text(QUENNELL))
    assert ("Harriet Quennell", "founderOf", "Quennell Speech Systems Ltd") in facts
    assert ("Owen Stroud", "founderOf", "Quennell Speech Systems Ltd") in facts


def test_formerly_of_a_firm_is_a_past_tie():
    extraction = extract_text(QUENNELL)
    assert ("Tobias Einarsson", "worksFor", "Halvard Research") not in fact_set(extraction)
    assert ("Tobias Einarsson", "worksFor", "Halvard Research") in fact_set(extraction, False)


def test_a_new_model_known_by_its_code_name_is_what_is_trained():
    facts = fact_set(extract_text(QUENNELL))
    assert ("Bittern", "developedBy", "Quennell AI Lab") in facts


def test_software_preinstalled_on_a_device_is_available_on_it():
    facts = fact_set(extract_text(
        "Title\n\nVoxQuill is a dictation app made by QSS. It comes preinstalled on Darrowby's "
        "Fenlow laptops and is also sold separately."
    ))
    assert ("VoxQuill", "availableOn", "Fenlow") in facts


def test_a_by_phrase_hung_on_a_code_name_names_the_developer():
    facts = fact_set(extract_text(
        "Title\n\nVeridane Holdings announced Halcyon 3, its newest large language model.\n\n"
        "Halcyon 3 was developed under the code name Tidewater by Veridane Research, the "
        "company's research unit."
    ))
    assert ("Halcyon 3", "developedBy", "Veridane Research") in facts
    assert ("Halcyon 3", "codeName", "Tidewater") in facts


def test_completing_an_acquisition_is_buying():
    extraction = extract_text(
        "Title\n\nVeridane completed the acquisition of Paxwell Data, a Ghent-based "
        "document-processing company. Veridane expects to complete its purchase of Rotalabel, "
        "a Lisbon-based data-annotation firm, in 2026. Ostrava opposed the takeover of Kelmin."
    )
    assert ("Veridane", "acquired", "Paxwell Data") in fact_set(extraction)
    assert ("Veridane", "acquired", "Rotalabel") not in fact_set(extraction)
    assert ("Veridane", "acquired", "Rotalabel") in fact_set(extraction, False)
    assert not any(f[0] == "Ostrava" for f in fact_set(extraction, False))


def test_a_verb_read_as_a_plural_noun_after_its_subject():
    facts = fact_set(extract_text(
        "Title\n\nVeridane makes Halcyon 3. Halcyon 3 competes directly with Pike, the flagship "
        "model of London-based Strathmere AI."
    ))
    assert ("Halcyon 3", "competitorOf", "Pike") in facts


ARDENT = (
    "Fathom 4 vs Kite\n\nFathom 4 is the successor to Ardent's Fathom 3. According to Ardent, "
    "it was trained by Ardent Frontier, the San Francisco company's research arm. Internally it "
    "went by the code name Driftwood. Developers can reach Fathom 4 on Stratocore Cloud. "
    "Stratocore, which owns a 20 percent stake in Ardent, is the only cloud offering it."
)


def test_a_described_possessor_is_the_firm_in_play():
    facts = fact_set(extract_text(ARDENT))
    assert ("Ardent", "headquarteredIn", "San Francisco") in facts


def test_a_name_that_went_by_a_code_name():
    facts = fact_set(extract_text(ARDENT))
    assert ("Fathom 4", "codeName", "Driftwood") in facts


def test_a_product_named_for_its_maker_does_not_absorb_the_maker():
    extraction = extract_text(ARDENT)
    facts = fact_set(extraction)
    assert "Stratocore" not in _entity(extraction, "Stratocore Cloud").aliases
    assert ("Stratocore", "investedIn", "Ardent") in facts


def test_an_owner_written_on_a_noun_is_taken_for_granted_by_a_planned_clause():
    extraction = extract_text(
        "Title\n\nVeridane plans to make Beacon available in Tessel Software's Corvan Workspace "
        "office suite early next year. Paxbridge's proposed takeover of Tillway was delayed."
    )
    assert ("Corvan Workspace", "developedBy", "Tessel Software") in fact_set(extraction)
    assert ("Paxbridge", "acquired", "Tillway") not in fact_set(extraction)


def test_a_rival_set_after_a_firm_of_a_town_describes_the_firm():
    facts = fact_set(extract_text(
        "Title\n\nBrannoch Robotics makes the Reacher R3 arm. Hanamura also holds a minority "
        "stake in Ferrand Automation of Lyon, Brannoch's most direct rival, whose Sable arm "
        "competes with the R3 on price."
    ))
    assert ("Brannoch Robotics", "competitorOf", "Ferrand Automation") in facts
    assert ("Brannoch Robotics", "competitorOf", "Reacher R3") not in facts


def test_a_short_code_a_product_s_name_ends_in_is_that_product():
    extraction = extract_text(
        "Title\n\nThe company's current arm, the Reacher R3, is assembled in Cumbernauld. What "
        "sets it apart is Corvid, the vision model that runs every R3."
    )
    assert "R3" in _entity(extraction, "Reacher R3").aliases
    assert ("Corvid", "powers", "Reacher R3") in fact_set(extraction)


def test_they_as_the_subject_of_an_organisation_s_deed():
    facts = fact_set(extract_text(
        "Title\n\nTern Labs builds models. Skarholm Group did approach us. They already own 12 "
        "percent of Tern Labs from our seed round, and they are a good shareholder."
    ))
    assert ("Skarholm Group", "investedIn", "Tern Labs") in facts


def test_an_operating_system_or_engine_powers_what_runs_on_it():
    extraction = extract_text(
        "Verrandi\n\nThe Vento V2 went on sale in 2015 and runs on Aria OS, an operating system "
        "written by Verrandi's own software team. Quillhaven also develops Emberline, a "
        "proprietary game engine. Lanternfall II was the studio's first game built on Emberline. "
        "Garfo runs on iOS only. The Drift phone runs Android."
    )
    facts = fact_set(extraction)
    assert ("Aria OS", "powers", "Vento V2") in facts
    assert ("Emberline", "powers", "Lanternfall II") in facts
    assert ("iOS", "powers", "Garfo") not in facts  # an app on a platform: availableOn
    assert not any(f[1] == "powers" and f[0] in {"Drift", "Drift phone"} for f in facts)


def test_what_powers_a_product_is_typed_a_model_unless_told_otherwise():
    extraction = extract_text(  # (the property admits any product: rule head_votes narrows)
        "Title\n\nBrightpath sells the Glimmer app in Canada. The app is powered by Corvelle, "
        "and Tessa uses it."
    )
    assert _types(extraction)["Corvelle"] == "AIModel"


def test_a_password_manager_is_software_not_an_employee():
    extraction = extract_text(
        "Title\n\nObsidia sells its own password manager, KeyCairn, which competes head-on with "
        "Bastion Vault. Cindral Security, a Tel Aviv firm, makes Bastion Vault. Analysts say "
        "Cindral is profitable."
    )
    facts = fact_set(extraction)
    assert ("KeyCairn", "worksFor", "Obsidia") not in facts
    assert _types(extraction)["KeyCairn"] == "Product"
    assert "Cindral" in _entity(extraction, "Cindral Security").aliases


def test_a_noun_the_parser_compounded_into_its_verb_is_the_subject():
    facts = fact_set(extract_text(
        "Varnholm\n\nVarnholm Electronics is a Swedish maker of speakers.\n\nIn Europe Varnholm "
        "competes mainly with Aurevik Sound of Copenhagen."
    ))
    assert _paired(facts, "Aurevik Sound", "competitorOf", "Varnholm Electronics")
    assert not any("Europe" in side for f in facts for side in (f[0], f[2]))


def test_farm_machines_metalworks_and_market_leaders_are_typed():
    extraction = extract_text(
        "Title\n\nThe X2's frame is built under contract by the Jönköping metalworks Sävsjö "
        "Maskin. Prairie Iron, the Regina-based market leader, has shown a driverless tractor."
    )
    types = _types(extraction)
    assert types["Sävsjö Maskin"] == "Company"
    assert ("Prairie Iron", "headquarteredIn", "Regina") in fact_set(extraction)


def test_a_hyphen_numbered_name_is_a_model_whatever_its_tag():
    facts = fact_set(extract_text(
        "Title\n\nQuintero named Nakwon AI, the Seoul startup whose Kairo-2 model powers its "
        "Sable chatbot, as a customer."
    ))
    assert ("Kairo-2", "powers", "Sable") in facts


def test_we_in_a_quote_is_the_speaker_s_own_firm():
    facts = fact_set(extract_text(
        "Title\n\nMei-Ling Charoen is chief executive of Orinth Semiconductor. Orinth makes "
        "chips.\n\nRafael Quintero, chief technology officer of Brightforge Silicon, was blunter. "
        "\"We compete with Orinth on every deal,\" he said."
    ))
    assert _paired(facts, "Brightforge Silicon", "competitorOf", "Orinth Semiconductor")


def test_a_name_a_firm_goes_by_set_off_by_commas_is_its_alias():
    extraction = extract_text(
        "Verdanne Pharmacies\n\nVerdanne Pharmacies Ltd, trading as Verdanne, is a British "
        "pharmacy chain. Analysts like Verdanne.\n\nCindral Security makes Bastion Vault, and "
        "analysts say Cindral is growing. Harwick Systems owns TunnelFox. One caveat. Cindral, "
        "formerly known as Cindral Data, was bought last year by Harwick Systems."
    )
    assert "Verdanne" in _entity(extraction, "Verdanne Pharmacies Ltd").aliases
    assert "Cindral Data" in _entity(extraction, "Cindral Security").aliases
    assert ("Harwick Systems", "acquired", "Cindral Security") in fact_set(extraction)


def test_startup_is_read_as_a_noun():
    facts = fact_set(extract_text(
        "Title\n\nIts symptom checker is powered by Clarion-2, a medical language model developed "
        "by the Edinburgh startup Syntaxa Health, which has worked with Verdanne since 2021."
    ))
    assert ("Clarion-2", "developedBy", "Syntaxa Health") in facts
    assert ("Syntaxa Health", "headquarteredIn", "Edinburgh") in facts


def test_coordinated_titles_share_the_name_set_after_them():
    facts = fact_set(extract_text(
        "Title\n\nSkyvane has bought Corvala Air, a drone operator based in Lyon. Corvala keeps "
        "its brand. Its co-founder and chief executive, Amélie Fournas, stays on. Skyvane "
        "competes with Brisk Aero of Warsaw and with the courier Velocette Express. Skyvane's "
        "K7 drone is built in Turin and flies on Wayline, a navigation system developed by "
        "Skyvane."
    ))
    assert ("Amélie Fournas", "ceoOf", "Corvala Air") in facts
    assert ("Amélie Fournas", "founderOf", "Corvala Air") in facts
    assert _paired(facts, "Skyvane", "competitorOf", "Velocette Express")
    assert ("Wayline", "powers", "K7") in facts


def test_people_a_product_reaches_are_no_platform():
    facts = fact_set(extract_text(
        "Introducing Cadence Mix\n\nToday we're rolling out Cadence Mix, a personalised radio "
        "feature, to every Halcyra listener. The Seoul investment house Jinwoo Partners holds "
        "a minority stake in Halcyra."
    ))
    assert ("Cadence Mix", "availableOn", "Halcyra") not in facts
    assert ("Jinwoo Partners", "headquarteredIn", "Seoul") in facts


def test_a_firm_s_unnamed_team_as_the_agent_is_the_firm():
    facts = fact_set(extract_text(
        "Title\n\nFieldSense is powered by Terrapin, a perception model built by Loamwise's "
        "research team."
    ))
    assert ("Terrapin", "developedBy", "Loamwise") in facts


def test_names_listed_after_a_plural_noun_s_comma_are_of_its_kind():
    extraction = extract_text(
        "Title\n\nI spent three weeks shuttling my logins between two password managers, Bastion "
        "Vault and its most serious challenger, Lockridge. Bastion Vault is made by Cindral "
        "Security, the Tel Aviv firm."
    )
    assert _types(extraction)["Bastion Vault"] == "Product"
    assert ("Bastion Vault", "developedBy", "Cindral Security") in fact_set(extraction)


def test_becoming_part_of_a_group_makes_a_unit_of_it():
    facts = fact_set(extract_text(
        "Title\n\nTidewell Distribution, a London sales agent for television formats, became "
        "part of the Harrow Media Group in 2006."
    ))
    assert ("Tidewell Distribution", "subOrganizationOf", "Harrow Media Group") in facts


def test_a_university_s_school_is_a_unit_of_it_and_of_no_firm_named_before():
    facts = fact_set(extract_text(
        "Title\n\nThe Royal Vestmark Opera was founded in 1773. The Kestler School of Business "
        "is the business school of Marlow University in Leeds."
    ))
    assert ("Kestler School of Business", "subOrganizationOf", "Marlow University") in facts
    assert ("Kestler School of Business", "subOrganizationOf", "Royal Vestmark Opera") \
        not in facts


def test_a_country_in_parentheses_says_where_and_is_no_alias():
    extraction = extract_text(
        "Title\n\nThe design came from Harumi Electric (Japan) and Volterra Transfo, a Lyon "
        "company (France). Harumi Electric holds a 20% stake in Ostrel."
    )
    assert "Japan" not in _entity(extraction, "Harumi Electric").aliases
    assert _types(extraction)["Japan"] == "Place"


def test_an_occupation_known_by_its_ending_is_a_person_s_job():
    extraction = extract_text(
        "Title\n\n\"Patients ask for it by name now,\" said Marguerite Oyelaran, Klarhör's "
        "chief audiologist."
    )
    assert _types(extraction)["Marguerite Oyelaran"] == "Person"
    assert ("Marguerite Oyelaran", "worksFor", "Klarhör") in fact_set(extraction)


def test_an_interview_s_speaker_label_names_a_person():
    extraction = extract_text(
        "Q&A: Tidewave's Eleni Marakis on ferries\n\nEleni Marakis co-founded Tidewave "
        "Systems, a Piraeus-based maker of ticketing software, in 2016 with Yannis Petridis, "
        "now its chief technology officer.\n\nQ: What does Portside 4 change?\n\nMarakis: "
        "Portside 4 replaces Portside 3.\n\nQ: Who are your rivals?\n\nMarakis: Mainly "
        "FerryDesk."
    )
    assert _types(extraction)["Eleni Marakis"] == "Person"
    assert ("Eleni Marakis", "founderOf", "Tidewave Systems") in fact_set(extraction)


def test_a_firm_the_text_describes_is_called_by_its_first_word_too():
    extraction = extract_text(
        "Valdberg buys a snowcat maker\n\nValdberg Fahrzeugwerk, the Innsbruck-based maker "
        "of snow-grooming machines, said it had bought Kvitfjell Motor. Valdberg chief "
        "executive Katrin Aigner said the deal was done."
    )
    assert "Valdberg" in _entity(extraction, "Valdberg Fahrzeugwerk").aliases
    assert ("Katrin Aigner", "ceoOf", "Valdberg Fahrzeugwerk") in fact_set(extraction)


def test_a_bare_title_is_of_the_firm_its_holder_was_just_tied_to():
    facts = fact_set(extract_text(
        "Alpenwerk takes control of Fjellmark\n\nINNSBRUCK — Alpenwerk Fahrzeugbau said on "
        "Tuesday it had bought 70 percent of Fjellmark AS, a Lillehammer producer of compact "
        "snowcats. Fjellmark's founder, Sindre Hovland, keeps the remaining 30 percent and "
        "stays on as managing director."
    ))
    assert ("Sindre Hovland", "ceoOf", "Fjellmark AS") in facts
    assert ("Sindre Hovland", "ceoOf", "Alpenwerk Fahrzeugbau") not in facts


def test_sentences_opening_on_its_in_a_row_share_the_owner():
    facts = fact_set(extract_text(
        "Title\n\nMarisol, the Madrid group, bid for AquaNova. Marisol has answers of its "
        "own. Its Chilean subsidiary, Marisol Chile, based in Antofagasta, supplies water, and "
        "its partnership with the Seville solar developer Helioterra has cut its energy bills. "
        "Its chief executive, Álvaro Encinas, knows the playbook."
    ))
    assert ("Álvaro Encinas", "ceoOf", "Marisol") in facts
    assert ("Álvaro Encinas", "ceoOf", "Helioterra") not in facts


def test_the_name_right_after_a_describing_noun_is_its_own():
    extraction = extract_text(
        "Title\n\nMarisol, the Madrid group, bid for AquaNova. Marisol has answers of its "
        "own. Its Chilean subsidiary, Marisol Chile, based in Antofagasta, supplies water, and "
        "its partnership with the Seville solar developer Helioterra has cut its energy bills. "
        "Meta also faces xAI, the company Elon Musk founded in 2023."
    )
    facts = fact_set(extraction)
    assert not any("Seville" in (s, o) for s, p, o in facts if p == "partnerOf")
    assert ("Elon Musk", "founderOf", "xAI") in facts
    assert _types(extraction)["Seville"] != "Company"


def test_a_deal_only_discussed_is_no_partnership():
    facts = fact_set(extract_text(
        "Title\n\nBrightwater Group is a Rotterdam water firm. The joint venture that "
        "Brightwater Group discussed with Aguas del Turia did not go ahead."
    ), asserted_only=True)
    assert not any("Aguas del Turia" in (s, o) and p == "partnerOf" for s, p, o in facts)


def test_a_spotlight_built_for_its_brand_by_another_firm_is_that_firm_s_make():
    facts = fact_set(extract_text(
        "Title\n\nLumaris Stage Systems has started shipping the Arcline Pro, a 1,200-watt LED "
        "profile spotlight. The Arcline Pro is built for Lumaris by Kovacs Optotech, a "
        "Budapest contract manufacturer."
    ))
    assert ("Arcline Pro", "manufacturedBy", "Kovacs Optotech") in facts
    assert ("Arcline Pro", "developedBy", "Kovacs Optotech") not in facts


def test_a_firm_of_a_known_town_after_a_long_name_is_from_there():
    facts = fact_set(extract_text(
        "Title\n\nHivecrest competes with Pollinex and with Golden Comb Services of Boise, "
        "Idaho."
    ))
    assert ("Golden Comb Services", "headquarteredIn", "Boise") in facts


def test_both_goods_named_last_share_what_is_said_of_both():
    facts = fact_set(extract_text(
        "Title\n\nHivecrest also introduced BloomTrack 2, a solar-powered hive sensor. "
        "BloomTrack 2 replaces the original BloomTrack, which the company launched in 2021. "
        "Both sensors are manufactured for Hivecrest by Selvane Electronics, a contract "
        "electronics maker headquartered in Guadalajara."
    ))
    assert ("BloomTrack", "manufacturedBy", "Selvane Electronics") in facts
    assert ("BloomTrack 2", "manufacturedBy", "Selvane Electronics") in facts


def test_whose_after_an_apposition_is_the_named_firm_s():
    facts = fact_set(extract_text(
        "Title\n\nThe switch puts Calderwood in competition with Harlow & Finch, its closest "
        "rival, whose Finch Zero cola has taken the top spot."
    ))
    assert ("Finch Zero", "developedBy", "Harlow & Finch") in facts


def test_an_e_reader_is_one_word_and_a_device():
    from kg.nlp import parse_texts

    doc = next(iter(parse_texts(["Northcart sells Pagewise e-readers."])))
    assert "e-readers" in [t.text for t in doc]


def test_a_numbered_name_before_a_comma_is_what_the_apposition_describes():
    facts = fact_set(extract_text(
        "Voltaro's Strada S2 arrives\n\nVoltaro Mobility, the Milan-based electric-scooter "
        "brand, has unveiled the Strada S2. The S2's dashboard is powered by VoltOS 2, the "
        "company's in-house operating system."
    ))
    assert ("VoltOS 2", "developedBy", "Voltaro Mobility") in facts


def test_two_coined_names_joined_by_and_are_two_goods():
    extraction = extract_text(
        "Title\n\nBallycroy Cheese is a Mayo cheesemaker. Its two best-known cheeses, Ballycroy "
        "Red and Achill Smoked, are made at its own plant."
    )
    labels = set(_types(extraction))
    assert {"Ballycroy Red", "Achill Smoked"} <= labels
    assert ("Ballycroy Red", "developedBy", "Ballycroy Cheese") in fact_set(extraction)


def test_a_word_hyphened_to_a_lower_case_one_ends_no_name():
    extraction = extract_text(
        "Title\n\nDunmore Dairies is a Cork dairy. Dunmore's best-known brand, Fellside "
        "Greek-style yoghurt, competes with Brightmoor Foods' Alpina range."
    )
    assert "Fellside" in _types(extraction)
    assert "Fellside Greek" not in _types(extraction)


def test_a_college_of_a_subject_is_one_name():
    extraction = extract_text(
        "Title\n\nShe studied film at the University of Pennsylvania's Annenberg School of "
        "Communications and later taught at Berklee College of Music."
    )
    labels = set(_types(extraction))
    assert "Annenberg School of Communications" in labels
    assert "Communications" not in labels and "Music" not in labels


def test_a_town_before_a_supplier_s_noun_is_where_it_is():
    facts = fact_set(extract_text(
        "Title\n\nThe frames are built under contract by the Jönköping metalworks Sävsjö "
        "Maskin. Hollins has bought ScotPal, a Glasgow distributor."
    ))
    assert ("Sävsjö Maskin", "headquarteredIn", "Jönköping") in facts
    assert ("ScotPal", "headquarteredIn", "Glasgow") in facts


def test_where_a_firm_is_based_in_a_where_clause_or_its_head_office():
    facts = fact_set(extract_text(
        "Title\n\nIn 1978 he founded Wrenfield Cycles in a former cutlery works in Sheffield, "
        "where the company is still headquartered. The two companies now operate as divisions "
        "of Lodestar, which has its head office in Zug, Switzerland."
    ))
    assert ("Wrenfield Cycles", "headquarteredIn", "Sheffield") in facts
    assert ("Lodestar", "headquarteredIn", "Zug") in facts


def test_rivals_named_right_after_the_plural_noun():
    facts = fact_set(extract_text(
        "Title\n\nBrightmart, the group's largest subsidiary, lifted sales after two weak years "
        "in which it lost market share to rivals Matland and Kornmo."
    ))
    assert ("Brightmart", "competitorOf", "Matland") in facts
    assert ("Brightmart", "competitorOf", "Kornmo") in facts


def test_two_products_each_from_its_maker_are_both_rivals():
    facts = fact_set(extract_text(
        "Voltaro's Strada S2\n\nVoltaro Mobility has unveiled the Strada S2. The S2 goes up "
        "against the Zephyr Z3 from Lyon-based Zephyr Motors and the Kestrel K5 from the "
        "Berlin start-up Kestrel eMobility, both of which sell for slightly less."
    ))
    assert _paired(facts, "Kestrel K5", "competitorOf", "Strada S2")
    assert ("Zephyr Z3", "developedBy", "Kestrel eMobility") not in facts


def test_goods_made_at_a_firm_s_plant_are_its_make():
    facts = fact_set(extract_text(
        "Title\n\nVerrane Appliances is an oven maker. The first two models, the Aeris 60 and "
        "Aeris 90, are made at Verrane's plant in Novara. Ballycroy Cheese is a Mayo "
        "cheesemaker. Its two best-known cheeses, Ballycroy Red and Achill Smoked, are made "
        "at its own plant."
    ))
    assert ("Aeris 60", "manufacturedBy", "Verrane Appliances") in facts
    assert ("Ballycroy Red", "manufacturedBy", "Ballycroy Cheese") in facts
    assert ("Ballycroy Red", "manufacturedBy", "Achill Smoked") not in facts


def test_a_model_code_counting_a_plural_noun_names_the_goods():
    facts = fact_set(extract_text(
        "Title\n\nIts fleet consists mainly of CR-72 turboprops manufactured by Corvane "
        "Aerostructures, a Toulouse-based aircraft maker."
    ))
    assert ("CR-72", "manufacturedBy", "Corvane Aerostructures") in facts


def test_an_app_named_with_a_job_word_keeps_it_and_versions_are_products():
    extraction = extract_text(
        "Title\n\nTillway is a Lisbon company whose TillTap card readers are used by "
        "merchants. The TillTap 2 replaced the original TillTap in 2023. Tillway's companion "
        "app, TillTap Manager, is available on Android and iOS and lets shop owners watch "
        "sales."
    )
    types = _types(extraction)
    assert types["TillTap Manager"] == "Product"
    assert types["TillTap"] != "Organization" and types["TillTap 2"] != "Organization"
    assert ("TillTap Manager", "availableOn", "Android") in fact_set(extraction)


def test_an_app_that_is_on_a_platform_is_available_there():
    facts = fact_set(extract_text(
        "Title\n\nBrightbay makes home robots. The Brightbay Home app, which you need for "
        "setup, is on iOS and Android. The Vela model is on par with Quill 3."
    ))
    assert ("Brightbay Home", "availableOn", "Android") in facts
    assert not any(p == "availableOn" and o == "Quill 3" for s, p, o in facts)


def test_a_name_the_text_writes_with_the_leans_to_a_thing():
    extraction = extract_text(
        "Inside the race to make hearing aids vanish\n\nEngineers at Aurelle Hearing try to "
        "make hearing aids vanish. Their latest attempt, the Aurelle Wisp, sits inside the "
        "ear canal. Known inside the company as Firefly, the Wisp succeeds the Aurelle Echo. "
        "The Wisp's signal processor is made by Nordkern. Sonavik, whose Mira device goes "
        "head to head with the Wisp, is the market leader. Klarhör fits the Wisp in 230 "
        "stores."
    )
    assert _types(extraction)["Aurelle Wisp"] != "Organization"


def test_a_best_selling_product_is_one_word_s_worth_of_praise():
    facts = fact_set(extract_text(
        "Title\n\nAlpenkraft Fahrzeugbau is the Innsbruck-based maker of snow-grooming "
        "machines. Alpenkraft's best-selling PistenMax 600, which replaced the PistenMax 500 "
        "in 2023, is built at the company's plant in Telfs."
    ))
    assert ("PistenMax 600", "developedBy", "Alpenkraft Fahrzeugbau") in facts
    assert ("PistenMax 600", "manufacturedBy", "Alpenkraft Fahrzeugbau") in facts


def test_the_company_a_tied_person_founded_is_the_firm_he_works_for():
    facts = fact_set(extract_text(
        "Title\n\nLumaris Stage Systems, the Vienna-based theatre-lighting manufacturer, has "
        "started shipping the Arcline Pro. The fixture's colour engine runs on FadeOS, "
        "firmware written by Cuelight Software, Lumaris's Graz-based software subsidiary. "
        "Cuelight, which also developed the Nova lighting console, is headed by Annika Brandl."
        "\n\n\"Touring crews told us what they wanted,\" said Matthias Oberleitner, Lumaris's "
        "technical director, who co-founded the company in 1994 with its chief executive, "
        "Helga Sommer."
    ))
    assert ("Matthias Oberleitner", "founderOf", "Lumaris Stage Systems") in facts
    assert ("Matthias Oberleitner", "founderOf", "Cuelight Software") not in facts


def test_a_founder_titled_by_an_unlisted_trade_noun():
    facts = fact_set(extract_text(
        "Title\n\nHollins Freight was founded in 1968 by the haulier Dennis Hollins. Meta also "
        "faces xAI, the company Elon Musk founded in 2023."
    ))
    assert ("Dennis Hollins", "founderOf", "Hollins Freight") in facts
    assert ("Elon Musk", "founderOf", "xAI") in facts


def test_which_after_a_based_in_place_is_the_firm_s():
    facts = fact_set(extract_text(
        "Title\n\nSince 2018 Cascade has been a subsidiary of Northwest Bancorp, a holding "
        "company based in Portland, Oregon, which also owns Ridgeline Insurance."
    ))
    assert ("Northwest Bancorp", "owns", "Ridgeline Insurance") in facts


def test_a_company_a_named_firm_bought_is_that_firm_s():
    facts = fact_set(extract_text(
        "Title\n\nThe drone carries a stabilised camera from Lumen Optics, a sensor company "
        "Corvid Aeronautics bought last year."
    ))
    assert ("Corvid Aeronautics", "acquired", "Lumen Optics") in facts


def test_a_capitalised_ly_word_no_dictionary_knows_is_a_name():
    facts = fact_set(extract_text(
        "Title\n\nDeal of the week: Harbor Pay bought Ledgerly. Finally, the deal closed."
    ))
    assert ("Harbor Pay", "acquired", "Ledgerly") in facts


def test_an_institution_s_name_less_its_ending_is_not_its_short_name_when_only_common_words():
    ex = extract_text(
        "Orchestra history\n\nThe Royal Court Orchestra is a Velmish orchestra that began as "
        "part of the Royal Court in Korvany. Brenholt University, which Ada Keel founded, "
        "has since 1990 run its academy. Brenholt admitted its first students in 1894."
    )
    assert "Royal Court" not in _entity(ex, "Royal Court Orchestra").aliases
    assert ("Royal Court Orchestra", "subOrganizationOf", "Royal Court Orchestra") \
        not in fact_set(ex)
    assert "Brenholt" in _entity(ex, "Brenholt University").aliases  # a coined word stays


def test_a_named_questioner_s_you_is_the_guest_s_firm_and_a_question_asserts_nothing():
    ex = extract_text(
        "Ten minutes with Brakwater's Lena Vos\n\nBrakwater, the Ghent-based maker of "
        "rowing machines, is run by Lena Vos. Tom Hale of Oarsman Monthly asked the "
        "questions.\n\nTom Hale: Last year you bought Kelpway. Why?\n\nLena Vos: Their "
        "sensors are superb.\n\nHale: Your new Surge 2 replaces the Surge. What changed?\n\n"
        "Vos: The frame and the motor.\n\nHale: Did Tarnfield invest in Kelpway?\n\n"
        "Vos: No comment.\n\nHale: There were reports that you had bought Marlow Rigs.\n\n"
        "Vos: Not true.\n"
    )
    facts = fact_set(ex)
    assert ("Brakwater", "acquired", "Kelpway") in facts
    assert ("Surge 2", "developedBy", "Brakwater") in facts
    assert ("Tarnfield", "investedIn", "Kelpway") not in facts
    assert not {f for f in facts if "Marlow Rigs" in f}


def test_a_sentence_opening_word_that_opened_a_longer_name_is_its_short_form():
    ex = extract_text(
        "Mice\n\nThere were rumours that Hexapod Peripherals wanted to buy Strikeform, the "
        "Vancouver maker of gaming mice. Hexapod and Kovalent Gear are its real competitors, "
        "said the analyst Rhys Okafor."
    )
    assert "Hexapod" in _entity(ex, "Hexapod Peripherals").aliases
    assert ("Hexapod Peripherals", "competitorOf", "Kovalent Gear") in fact_set(ex)


def test_an_unknown_capitalised_word_read_as_a_verb_in_a_subject_s_place_is_a_name():
    ex = extract_text(
        "Deal\n\nLiftwerk bought a family firm in Odense last week. Aarsted, founded in 1961 "
        "by Ole Brix, becomes a subsidiary of Liftwerk."
    )
    facts = fact_set(ex)
    assert ("Ole Brix", "founderOf", "Aarsted") in facts
    assert ("Aarsted", "subOrganizationOf", "Liftwerk") in facts


def test_a_nationality_before_a_trade_noun_is_no_head_office():
    ex = extract_text(
        "Lifts\n\nLiftwerk maintains cabins built by the Czech lift maker Ostrava Zdvihadla. "
        "Merlin, a Danish firm, makes the doors."
    )
    assert not {f for f in fact_set(ex) if f[1] == "headquarteredIn"}
    assert "Czech" not in _types(ex)


def test_its_in_a_clause_about_an_owned_thing_is_the_owner_s():
    ex = extract_text(
        "Lifts\n\nLiftwerk, which is owned by the Munich investment group Edelhain Partners, "
        "will deploy Hoistgraph, Liftwerk's maintenance platform, which was developed by its "
        "Berlin software unit, Liftwerk Digital."
    )
    facts = fact_set(ex)
    assert ("Liftwerk Digital", "subOrganizationOf", "Liftwerk") in facts
    assert ("Liftwerk Digital", "subOrganizationOf", "Edelhain Partners") not in facts
    assert ("Liftwerk Digital", "headquarteredIn", "Berlin") in facts


def test_a_european_company_s_se_ending_is_a_legal_ending():
    ex = extract_text(
        "Cloud\n\nThe platform is hosted on Nimbara Cloud, the cloud service of Nimbara SE. "
        "Nimbara also sells storage."
    )
    assert "Nimbara" in _entity(ex, "Nimbara SE").aliases
    assert ("Nimbara Cloud", "developedBy", "Nimbara SE") in fact_set(ex)


def test_the_kind_an_owned_product_s_name_was_written_before_refers_back_to_it():
    ex = extract_text(
        "Robots\n\nFibrevia, a Rotterdam start-up, makes sorting robots. Its SortLine 4 robot, "
        "which replaced the SortLine 3 last spring, reads each garment with a camera. The "
        "robot runs on Spectra, a fibre-identification model Fibrevia trained."
    )
    assert ("Spectra", "powers", "SortLine 4") in fact_set(ex)


def test_a_known_town_the_tagger_calls_an_organisation_is_a_place():
    ex = extract_text(
        "Brands\n\nNorrvik Apparel, the outdoor-clothing company from Umeå, signed a "
        "partnership with Fibrevia in 2023."
    )
    assert _types(ex)["Umeå"] == "Place"
    assert ("Norrvik Apparel", "headquarteredIn", "Umeå") in fact_set(ex)


def test_a_product_named_before_an_adjective_and_its_kind():
    ex = extract_text(
        "Fertiliser\n\nBrotovia S.A., a Valencia-based maker of organic fertilisers, owns "
        "Humusveld, a worm-compost producer in Zwolle. Humusveld's compost is sold under the "
        "Wormgoud brand. Its best-known product, the Terrafort granular fertiliser, is made "
        "from poultry manure at Brotovia's own plant in Murcia."
    )
    facts = fact_set(ex)
    assert _types(ex)["Terrafort"] in {"Product", "PhysicalProduct"}
    assert ("Terrafort", "manufacturedBy", "Brotovia S.A") in facts
    assert ("Wormgoud", "manufacturedBy", "Brotovia S.A") not in facts
    assert ("Humusveld", "headquarteredIn", "Zwolle") in facts


def test_a_parent_s_stake_in_its_subsidiary_is_no_investment():
    ex = extract_text(
        "Shipping\n\nNavimetric is a subsidiary of the Oslo shipping group Brønnøy Rederi. "
        "Brønnøy Rederi's stake in Navimetric is worth $200 million. Tanjong Capital holds a "
        "19 percent stake in Seaquell."
    )
    facts = fact_set(ex)
    assert ("Brønnøy Rederi", "owns", "Navimetric") in facts
    assert ("Brønnøy Rederi", "investedIn", "Navimetric") not in facts
    assert ("Tanjong Capital", "investedIn", "Seaquell") in facts


def test_a_title_and_a_name_the_parser_made_two_objects_of_under():
    ex = extract_text(
        "Shipping\n\nNavimetric is no minnow. It is a subsidiary of the Oslo group Brønnøy "
        "Rederi, and under chief executive Solveig Aune it has been disciplined about costs."
    )
    assert ("Solveig Aune", "ceoOf", "Navimetric") in fact_set(ex)


def test_a_city_state_s_firm_is_based_there_but_a_country_s_is_not():
    ex = extract_text(
        "Routes\n\nIncreasingly, the answer is SeaRoute, built by Singapore's Seaquell Ltd. "
        "Germany's Ostermark sells a rival suite."
    )
    facts = fact_set(ex)
    assert ("Seaquell Ltd", "headquarteredIn", "Singapore") in facts
    assert ("Ostermark", "headquarteredIn", "Germany") not in facts


def test_a_name_set_beside_a_rival_is_the_story_s_firm_s_rival():
    ex = extract_text(
        "Vets\n\nKestrelmoor Diagnostics today launched the VetraSense X2, a blood analyser. "
        "The X2 competes with the HemaVue Pro from Pellucid Animal Diagnostics, a "
        "Boston-based rival whose analysers dominate the US market. Tom Reyes, a German "
        "executive, praised it."
    )
    facts = fact_set(ex)
    assert ("Kestrelmoor Diagnostics", "competitorOf", "Pellucid Animal Diagnostics") in facts
    assert not {f for f in facts if f[0] == "Tom Reyes"}


def test_a_trade_written_in_capitals_before_company_is_no_head_office():
    ex = extract_text(
        "Films\n\nLeone Marucci is an American filmmaker, and founder of Independent Film and "
        "Media company Steelyard Pictures. Orla Byrne runs the Bristol firm Kitefin."
    )
    facts = fact_set(ex)
    assert not {f for f in facts if f[0] == "Steelyard Pictures" and f[1] == "headquarteredIn"}
    assert ("Kitefin", "headquarteredIn", "Bristol") in facts


def test_a_person_may_own_a_firm():
    ex = extract_text(
        "Music\n\nWillowbank Music Publishing was founded in 2004. Willowbank is owned by the "
        "producer Scott Hedley, who also runs a studio in Nashville."
    )
    assert ("Scott Hedley", "owns", "Willowbank Music Publishing") in fact_set(ex)


def test_a_description_after_a_name_s_comma_read_as_the_verb_s_object():
    ex = extract_text(
        "Mice\n\nStrikeform makes the Vortek Pro, a gaming mouse. \"The Vortek Pro runs on "
        "StrikeOS, our own firmware,\" said Yuki Tanabe, Strikeform's chief executive."
    )
    assert ("StrikeOS", "powers", "Vortek Pro") in fact_set(ex)


def test_a_description_after_a_name_s_comma_read_as_the_copula_s_complement():
    ex = extract_text(
        "Pumps\n\nBrackenfield Pumps, a Sheffield engineering firm, won an order from a water "
        "utility. The order is for the Corve 60, Brackenfield's new high-pressure pump, which "
        "replaces the long-running Corve 40."
    )
    facts = fact_set(ex)
    assert ("Corve 60", "developedBy", "Brackenfield Pumps") in facts
    assert ("Corve 60", "successorOf", "Corve 40") in facts


def test_a_plural_description_after_coordinated_names_stays_with_both():
    ex = extract_text(
        "Automation\n\nVerant Industrial will split in two. Verant's shares have trailed those "
        "of Siemens and ABB, its two biggest rivals in factory automation, for three years."
    )
    facts = fact_set(ex)
    assert _paired(facts, "Siemens", "competitorOf", "Verant Industrial")
    assert not {f for f in facts if f[1] == "developedBy"}


def test_a_plural_possessive_inside_an_institution_s_name_is_part_of_it():
    ex = extract_text(
        "Drones\n\nFurrowlight Aerial Systems has signed a partnership with the Pomaria "
        "Growers' Cooperative, whose members will test the drone."
    )
    assert ("Furrowlight Aerial Systems", "partnerOf", "Pomaria Growers' Cooperative") \
        in fact_set(ex)


def test_a_capitalised_noun_before_for_and_a_name_opens_the_name():
    ex = extract_text(
        "Beer\n\nHelen Rudd, who chairs the Campaign for Devon Ale, a drinkers' group, said "
        "members were happy."
    )
    assert ("Helen Rudd", "leads", "Campaign for Devon Ale") in fact_set(ex)


def test_a_minority_share_owned_is_an_investment():
    ex = extract_text(
        "Drinks\n\nGreyhallow Drinks Group is 40 percent owned by Fenwright Capital, an "
        "investment firm. Zeta Holdings is 70 percent owned by Acme Robotics."
    )
    facts = fact_set(ex)
    assert ("Fenwright Capital", "investedIn", "Greyhallow Drinks Group") in facts
    assert ("Fenwright Capital", "owns", "Greyhallow Drinks Group") not in facts
    assert ("Acme Robotics", "owns", "Zeta Holdings") in facts


def test_capitals_opening_the_text_before_a_parenthesis_and_a_verb_are_no_dateline():
    ex = extract_text(
        "CBBC (short for Children's BBC) is a British television strand owned by the BBC."
    )
    assert _entity(ex, "CBBC").type != "Place"
    assert ("BBC", "owns", "CBBC") in fact_set(ex)


def test_a_bike_maker_s_name_and_an_online_store():
    ex = extract_text(
        "Bikes\n\nBrackwater Bikes of Tellingford has gone after families instead. Voltaris "
        "makes commuter bikes. Its Strada 3 is sold through Pedalhub, the online bike store."
    )
    facts = fact_set(ex)
    assert _entity(ex, "Brackwater Bikes").type != "Person"
    assert ("Brackwater Bikes", "headquarteredIn", "Tellingford") in facts
    assert ("Strada 3", "availableOn", "Pedalhub") in facts


def test_names_listed_after_a_plural_noun_are_each_one_of_them():
    ex = extract_text(
        "Beer\n\nOttercombe Brewery makes beer. The brewery's flagship beers, Ottercombe Gold "
        "and Harbour Dark, will continue to be brewed in the town."
    )
    assert ("Harbour Dark", "developedBy", "Ottercombe Brewery") in fact_set(ex)


def test_a_head_brewer_heads_nothing():
    ex = extract_text(
        "Beer\n\nOttercombe Brewery makes beer. Jory Penhallow stays on as the brewery's head "
        "brewer. Ann Kell is the head of Ottercombe Brewery's bottling unit."
    )
    facts = fact_set(ex)
    assert ("Jory Penhallow", "leads", "Ottercombe Brewery") not in facts
    assert ("Jory Penhallow", "worksFor", "Ottercombe Brewery") in facts


def test_it_in_a_clause_on_what_a_verb_acts_on_is_that_verb_s_doer():
    ex = extract_text(
        "Cider\n\nOttercombe Brewery was sold to Greyhallow Drinks Group. The deal makes the "
        "brewery a subsidiary of Greyhallow, the Bramcaster-based group that already owns "
        "Stannary Cider Company, which it bought in 2019."
    )
    facts = fact_set(ex)
    assert ("Greyhallow Drinks Group", "acquired", "Stannary Cider Company") in facts
    assert not {f for f in facts if f[0] == "Ottercombe Brewery" and f[1] == "acquired"}


def test_a_lower_case_noun_the_tagger_made_a_name_is_a_description():
    ex = extract_text(
        "Docs\n\nNoor Halvorsen founded Papyrant Software in 2021. The Lisbon-based start-up "
        "makes Papyrant Scribe, a documentation tool. Her sister runs Parque das Nações Cafe."
    )
    facts = fact_set(ex)
    assert ("Papyrant Software", "headquarteredIn", "Lisbon") in facts


def test_a_participle_after_the_name_in_an_of_phrase_describes_the_name():
    ex = extract_text(
        "Drones\n\nFurrowlight makes the Harrowhawk S4 drone. Furrowlight has signed a "
        "partnership with a growers' cooperative, whose members will test the S4.\nDevelopment "
        "of the S4, known inside the company as Project Greenfinch, was paid for in part by a "
        "funding round led by Kilnworth Capital, which now holds a stake in Furrowlight."
    )
    assert ("Harrowhawk S4", "codeName", "Project Greenfinch") in fact_set(ex)


def test_a_code_editor_from_a_firm_is_its_product():
    ex = extract_text(
        "Docs\n\nPapyrant Software makes Scribe. It is available as a plug-in for Loomwright, "
        "the code editor from Brightreach Tools."
    )
    assert ("Loomwright", "developedBy", "Brightreach Tools") in fact_set(ex)


def test_the_country_refers_back_to_a_country_not_the_last_town():
    ex = extract_text(
        "Ingrid Solberg returned to Norway in 2019 after ten years in Trondheim. In 2021 she "
        "joined Fjordvik TV (the country's largest private broadcaster) as its news editor."
    )
    facts = fact_set(ex)
    assert ("Fjordvik TV", "headquarteredIn", "Trondheim") not in facts
    assert ("Ingrid Solberg", "worksFor", "Fjordvik TV") in facts


def test_the_two_other_stations_of_a_name_are_neither_that_name_nor_the_last_two_named():
    ex = extract_text(
        "Korvel TV was a music channel owned by Brantmoor Media. Formed after the two other "
        "Korvel TV stations, which are based in Lisbon, the channel was launched in 2002."
    )
    facts = fact_set(ex)
    assert ("Brantmoor Media", "owns", "Korvel TV") in facts
    assert ("Korvel TV", "headquarteredIn", "Lisbon") not in facts
    assert ("Brantmoor Media", "headquarteredIn", "Lisbon") not in facts


def test_a_small_town_the_tagger_places_once_is_no_firm_before_a_trade_noun():
    ex = extract_text(
        "The freezers at Tregwyn Ices are full. The firm, which Alun Pryce started in a barn "
        "in 1979, makes a million tubs a year.\n"
        "These days the Llanddewi ice-cream maker is run by his daughter, Cerys Pryce, who "
        "became managing director in 2016. Every tub is made at the creamery in Llanddewi.\n"
        "Its main rival, Morlais Dairy Ices of Aberporth, is a year older."
    )
    types = _types(ex)
    assert types["Tregwyn Ices"] == "Company"
    assert types["Llanddewi"] == "Place"
    facts = fact_set(ex)
    assert ("Tregwyn Ices", "headquarteredIn", "Llanddewi") in facts
    assert ("Cerys Pryce", "ceoOf", "Tregwyn Ices") in facts
    assert ("Morlais Dairy Ices", "headquarteredIn", "Aberporth") in facts
    assert ("Morlais Dairy Ices", "competitorOf", "Tregwyn Ices") in facts


def test_a_speaker_label_is_no_part_of_the_name_after_it():
    ex = extract_text(
        "Tamsin Oyelaran-Beck is chief executive of Brindlecraft Robotics, an Evesham-based "
        "start-up.\n"
        "Q: Who has backed you?\n"
        "Oyelaran-Beck: Heathmoor Ventures led our £4 million seed round last year, and Calder "
        "Angels put money in as well.\n"
        "Q: Who are you up against?\n"
        "Oyelaran-Beck: Velloway Automation is the obvious competitor. Their Harvestor robot "
        "competes with Tendril."
    )
    labels = {e.label for e in ex.entities.values()}
    assert "Heathmoor Ventures" in labels and "Velloway Automation" in labels
    assert not any(":" in label for label in labels)
    facts = fact_set(ex)
    assert ("Heathmoor Ventures", "investedIn", "Brindlecraft Robotics") in facts
    assert ("Calder Angels", "investedIn", "Brindlecraft Robotics") in facts
    assert ("Harvestor", "developedBy", "Velloway Automation") in facts


def test_is_now_called_renames_and_a_known_town_is_no_demonym_of_itself():
    ex = extract_text(
        "Grayle Bikes, the Leuven bike-share operator, is now called Vesperon Mobility. The "
        "company said the old name no longer fitted."
    )
    assert "Grayle Bikes" in _entity(ex, "Vesperon Mobility").aliases
    assert ("Vesperon Mobility", "headquarteredIn", "Leuven") in fact_set(ex)


def test_in_a_round_up_an_item_on_another_firm_is_about_that_firm():
    ex = extract_text(
        "Week in brief\n"
        "Quillfeather Labs has opened an office in Dundee. Quillfeather Labs makes lab "
        "software, and Quillfeather Labs is hiring.\n"
        "Fenwright Robotics has named Olu Barraclough as chief executive. She replaces "
        "co-founder Dana Pike, who becomes chair.\n"
        "Tidewick, a Westport start-up, has raised €6m from Corrach Ventures.\n"
        "Pennaway Foods has denied a report that it is in talks to buy Sallow Dairies."
    )
    facts = fact_set(ex)
    assert ("Dana Pike", "founderOf", "Fenwright Robotics") in facts
    assert ("Dana Pike", "founderOf", "Quillfeather Labs") not in facts


def test_both_of_which_refers_to_the_two_things_named_before():
    ex = extract_text(
        "Tervinge Appliances AB is a Swedish maker of kitchen appliances. The company also "
        "makes the Smula food processor and the Vispa hand blender, both of which are built "
        "at its own plant in Ystad."
    )
    facts = fact_set(ex)
    assert ("Smula", "manufacturedBy", "Tervinge Appliances AB") in facts
    assert ("Vispa", "manufacturedBy", "Tervinge Appliances AB") in facts


def test_a_hyphened_first_name_the_tagger_split_stays_whole():
    ex = extract_text("Tervinge was founded in 1968 by Signe Halvarsdotter and Per-Olof "
                      "Brankvist, two engineers.")
    assert ("Per-Olof Brankvist", "founderOf", "Tervinge") in fact_set(ex)


def test_a_unit_first_named_after_its_owner_s_possessive_is_the_full_name_after():
    ex = extract_text(
        "Corvanta's Foresight Lab releases Quillon 3\n"
        "Corvanta Systems on Wednesday released Quillon 3, a language model built by its "
        "in-house research unit, Corvanta Foresight Lab. Kwame Ostrander, a researcher at "
        "Foresight Lab, praised it."
    )
    lab = _entity(ex, "Corvanta Foresight Lab")
    assert "Foresight Lab" in lab.aliases
    assert ("Kwame Ostrander", "worksFor", "Corvanta Foresight Lab") in fact_set(ex)


def test_offered_to_customers_on_a_cloud_and_powers_a_name_read_as_an_adverb():
    ex = extract_text(
        "Corvanta Systems on Wednesday released Quillon 3, a language model known inside the "
        "company as \"Marlinspike\" during development.\n"
        "Quillon 3 is aimed at companies that want to summarise contracts. It is offered to "
        "business customers on Aldercloud, the cloud platform of Pentrel Networks. It also "
        "powers Scribbly, the note-taking app of Corvanta."
    )
    facts = fact_set(ex)
    assert ("Quillon 3", "availableOn", "Aldercloud") in facts
    assert ("Quillon 3", "powers", "Scribbly") in facts
    assert ("Quillon 3", "codeName", "Marlinspike") in facts


def test_a_town_before_investment_firm_and_a_name_hung_on_its_title_after_a_comma():
    ex = extract_text(
        "Pellmoor, which is based in Penrith, is 80 percent owned by Ashgill Partners, a "
        "Ripon investment firm; its managers hold the rest. Ashgill had agreed to sell its "
        "holding to Brackenhoe. Ruth Okonedo-Fay, Pellmoor's chief executive, said the "
        "business would carry on as an independent company."
    )
    assert _types(ex)["Ripon"] == "Place"
    facts = fact_set(ex)
    assert ("Ashgill Partners", "headquarteredIn", "Ripon") in facts
    assert ("Ruth Okonedo-Fay", "ceoOf", "Pellmoor") in facts


def test_a_blocked_takeover_is_not_stated_as_done():
    blocked = fact_set(extract_text(
        "Watchdog blocks Brackenhoe's £410m takeover of Pellmoor\n"
        "The Fair Markets Commission blocked the deal on Tuesday."))
    done = fact_set(extract_text(
        "Brackenhoe completes £410m takeover of Pellmoor\n"
        "Brackenhoe's takeover of Pellmoor was completed on Tuesday."))
    assert ("Brackenhoe", "acquired", "Pellmoor") not in blocked
    assert ("Brackenhoe", "acquired", "Pellmoor") in done


def test_a_camel_case_name_after_a_preposition_and_a_model_running_inside_firmware():
    ex = extract_text(
        "Brindlecraft Robotics builds the Tendril strawberry-picking robot.\n"
        "Q: What does Tendril do?\n"
        "Oyelaran-Beck: It picks berries with a soft gripper. It runs on TendrilOS, our own "
        "firmware. The ripeness check is done by Berrysight, a vision model we trained "
        "ourselves, and Berrysight runs inside TendrilOS.\n"
        "Q: Who are your rivals?\n"
        "Oyelaran-Beck: Velloway Automation."
    )
    facts = fact_set(ex)
    assert ("TendrilOS", "powers", "Tendril") in facts
    assert ("Berrysight", "powers", "TendrilOS") in facts


def test_a_firm_s_range_lists_its_products():
    ex = extract_text("Carregwen Ices is a family ice-cream maker in Saundersfoot. Its range "
                      "includes Morfa Sorbet and Halen Caramel.")
    facts = fact_set(ex)
    assert ("Morfa Sorbet", "developedBy", "Carregwen Ices") in facts
    assert ("Halen Caramel", "developedBy", "Carregwen Ices") in facts


def test_a_newspaper_that_is_a_group_s_flagship_is_owned_by_it():
    ex = extract_text("The Wexcombe Courier is a daily newspaper published in Leeds. Since 1990 "
                      "the Wexcombe Courier has been the flagship of the publisher Linton Media.")
    assert ("Linton Media", "owns", "Wexcombe Courier") in fact_set(ex)



def test_a_name_its_owner_s_pronoun_possesses_is_a_thing_not_a_person():
    ex = extract_text(
        "Voltrek\n"
        "RideSync, the app of Voltrek, is available on iOS and Android.\n"
        "Holmvig\n"
        "Holmvig Bikes of Copenhagen was founded in 2011 by Mikkel Holmvig, a former track "
        "cyclist. Its Holmvig Haul, which carries two children or 80 kilograms of shopping, is "
        "the segment's benchmark; the company builds it at its own factory in Odense.\n"
        "Verdict\n"
        "For commuters the Metro 5 remains the safe choice, and families will still want a "
        "Haul.")
    assert _types(ex)["Holmvig Haul"] != "Person"
    facts = fact_set(ex)
    assert ("Holmvig Haul", "manufacturedBy", "Holmvig Bikes") in facts
    assert ("iOS", "manufacturedBy", "Holmvig Bikes") not in facts


def test_a_name_after_a_year_is_the_subject_whatever_its_tag_and_it_continues_it():
    ex = extract_text(
        "Brightmoor Entertainment Inc. is a Canadian video game publisher headquartered in "
        "Montreal.\n"
        "Brightmoor began as a publisher of smaller independent games before setting up its "
        "first internal studio, Kestrel Bay Studios, in Vancouver in 2009. The studio has been "
        "led since 2015 by the designer Amara Osei. In 2012 Brightmoor acquired the Polish "
        "developer Ninefold Games, and in 2013 it bought the Texan studio Redwater Games, "
        "which it closed two years later.")
    facts = fact_set(ex)
    assert ("Brightmoor Entertainment Inc", "acquired", "Redwater Games") in facts
    assert ("Kestrel Bay Studios", "acquired", "Redwater Games") not in facts


def test_the_group_is_the_firm_described_as_a_group_not_the_last_subject():
    ex = extract_text(
        "Covantra Insurance Technologies, the Munich-based insurance group, reported a profit. "
        "In January Covantra bought Polderveilig, a Rotterdam-based broker; Polderveilig is "
        "still headed by its founder, Anouk de Vries.\n"
        "The group also disclosed a 15 percent stake in Segurai, a Lisbon start-up, and said "
        "its partnership with the carmaker Brannholt Motors had been extended to 2028.")
    facts = fact_set(ex)
    assert _paired(facts, "Brannholt Motors", "partnerOf", "Covantra Insurance Technologies")
    assert ("Brannholt Motors", "partnerOf", "Polderveilig") not in facts


def test_names_listed_after_a_known_place_are_places():
    ex = extract_text(
        "Kestrel Regional Airways (trading as Kestrel Air) is a Scottish regional airline "
        "headquartered in Aberdeen. A subsidiary of the Norwegian holding company Northlight "
        "Aviation Group, it operates scheduled services from Aberdeen, Inverness and Kirkwall "
        "to destinations in Norway, Denmark and the Faroe Islands. Kestrel competes with "
        "Skerry Airlines on its routes to Bergen and Kirkwall.")
    assert _types(ex)["Kirkwall"] == "Place"
    assert ("Kestrel Regional Airways", "owns", "Kirkwall") not in fact_set(ex)


def test_a_second_in_phrase_says_where_the_first_place_is():
    ex = extract_text("Verrandi Strumenti S.p.A. is an Italian maker of accordions, headquartered "
                      "in Castelfidardo in the Marche region.")
    facts = fact_set(ex)
    assert ("Verrandi Strumenti S.p.A", "headquarteredIn", "Castelfidardo") in facts
    assert ("Verrandi Strumenti S.p.A", "headquarteredIn", "Marche") not in facts


def test_under_the_name_x_names_no_leader():
    ex = extract_text("In 1996 Verrandi Strumenti acquired Fratelli Gazzoli, a reed maker based in "
                      "Recanati, which still operates as its reed division under the name "
                      "Gazzoli Ance.")
    assert not any(p == "leads" for _, p, _ in fact_set(ex))


def test_a_product_s_its_is_the_last_product_named_in_its_sentence():
    ex = extract_text(
        "The company's best-known instrument is the Serenata, a piano accordion. The Serenata "
        "II, introduced in 1988, replaced it. The digital range began with the Vento V1 in "
        "2009; its successor, the Vento V2, went on sale in 2015.")
    facts = fact_set(ex)
    assert ("Vento V2", "successorOf", "Vento V1") in facts
    assert ("Vento V2", "successorOf", "Serenata II") not in facts


def test_a_version_written_with_its_maker_s_name_joins_its_family_by_its_short_name():
    ex = extract_text(
        "I have had the Corvel Aura 2 on my kitchen shelf for three weeks. It is made by Corvel "
        "Home, a Lyon-based start-up that sold about 80,000 of the original Aura, and it "
        "replaces that model. The Aura 2 is the one I would buy.")
    facts = fact_set(ex)
    assert ("Corvel Aura 2", "developedBy", "Corvel Home") in facts
    assert ("Aura", "developedBy", "Corvel Home") in facts


def test_an_apposition_the_parser_hung_on_the_verb_as_an_adverb_phrase():
    ex = extract_text("Setup happens in HearthDeck, Corvel's companion app, which is available on "
                      "the Appsmith Store and on Parcel Market. Inside is a chip from Zentrix "
                      "Semiconductor, the Hsinchu chip designer.")
    facts = fact_set(ex)
    assert ("HearthDeck", "developedBy", "Corvel") in facts
    assert ("HearthDeck", "availableOn", "Parcel Market") in facts
    assert ("Zentrix Semiconductor", "headquarteredIn", "Hsinchu") in facts


def test_a_release_speaks_for_the_firm_that_opens_it_and_about_sections_for_theirs():
    ex = extract_text(
        "Holmvik Energi and Tarasan Cells form Nordlys Battery Systems\n"
        "STAVANGER, Norway, 3 June 2025 - Holmvik Energi ASA today announced a joint venture "
        "with the South Korean battery maker Tarasan Cells Co., Ltd. to build ship batteries. "
        "Tarasan will supply the cells, and Tarasan engineers will work in Norway.\n"
        "\"Tarasan brings the cells; we bring the engineering,\" said Eirik Solvang, our chief "
        "executive. Tarasan and Tarasan Cells have worked with us since 2021.\n"
        "About Holmvik Energi\n"
        "Holmvik Energi ASA is a Stavanger-based energy company. Our subsidiaries include "
        "Holmvik Vind AS, a wind developer based in Haugesund.\n"
        "About Tarasan Cells\n"
        "Tarasan Cells Co., Ltd., headquartered in Daejeon, makes battery cells. Our chairman "
        "is Chae Min-gyu.")
    facts = fact_set(ex)
    labels = {e.label for e in ex.entities.values()}
    assert not {"Holmvik Energi", "Holmvik Energi ASA"} <= labels  # one firm, one node
    firm = _entity(ex, "Holmvik Energi ASA") if "Holmvik Energi ASA" in labels \
        else _entity(ex, "Holmvik Energi")
    assert ("Eirik Solvang", "ceoOf", firm.label) in facts
    assert ("Holmvik Vind AS", "subOrganizationOf", firm.label) in facts
    assert ("Eirik Solvang", "ceoOf", "Tarasan Cells") not in facts
    assert ("Chae Min-gyu", "leads", "Tarasan Cells") in facts  # its own "About" section
    assert ("Chae Min-gyu", "leads", firm.label) not in facts


def test_a_paragraph_opening_pronoun_in_a_biography_is_its_subject():
    ex = extract_text(
        "Nadia Ferreira-Lund\n"
        "Nadia Ferreira-Lund (born 1978) is a Portuguese engineer. She spent four years as an "
        "optical engineer at Orvane Photonics.\n"
        "In 2006 Ferreira-Lund and Rui Carvalhal co-founded Lumencraft Optics. In 2016 the "
        "company was bought by Orvane Photonics of Eindhoven. Carvalhal remains at Lumencraft "
        "as its head of research.\n"
        "In 2019 she co-founded Tessaline Robotics with Mikkel Thorsager.")
    facts = fact_set(ex)
    assert ("Nadia Ferreira-Lund", "founderOf", "Tessaline Robotics") in facts
    assert ("Rui Carvalhal", "founderOf", "Tessaline Robotics") not in facts
    assert ("Orvane Photonics", "acquired", "Lumencraft Optics") in facts
    assert ("Orvane Photonics", "headquarteredIn", "Eindhoven") in facts


def test_an_owner_named_as_such_owns_and_is_no_parent():
    ex = extract_text("Drivers said the Timaru firm Strathallan Buses had also bid for the "
                      "company. Strathallan's owner, Dion Ferris, declined to comment.")
    facts = fact_set(ex)
    assert ("Dion Ferris", "owns", "Strathallan Buses") in facts
    assert ("Strathallan Buses", "subOrganizationOf", "Dion Ferris") not in facts
    assert _types(ex)["Dion Ferris"] == "Person"


def test_the_headline_s_subject_is_the_story_s_firm_though_its_buyer_is_named_more():
    ex = extract_text(
        "Oamaru's Haldane Coachlines sold to Wexcombe Transport Group\n"
        "Haldane Coachlines, the Oamaru bus company, has been sold to the Auckland-based "
        "Wexcombe Transport Group. Haldane's becomes a subsidiary of Wexcombe.\n"
        "\"Wexcombe will look after our drivers,\" Mr Haldane said.\n"
        "The new managing director is Fiona Brightwater, who previously ran Wexcombe's "
        "operations in Invercargill.\n"
        "Wexcombe already owns Harbourline Ferries.")
    facts = fact_set(ex)
    assert ("Fiona Brightwater", "ceoOf", "Haldane Coachlines") in facts
    assert ("Fiona Brightwater", "ceoOf", "Wexcombe Transport Group") not in facts


def test_all_three_are_the_three_just_named_and_a_successor_is_no_platform():
    ex = extract_text(
        "Three providers win most contracts: Fernhollow Labs, Cassowary Research and Orrery "
        "AI. All three compete for the same banks, insurers and public agencies.\n"
        "In March Banyan Telecom launched Kestrel-2, which Cassowary built under the code name "
        "Larchwood, as the successor to Kestrel-1.")
    facts = fact_set(ex)
    pairs = {frozenset((h, t)) for h, p, t in facts if p == "competitorOf"}
    assert {frozenset(("Fernhollow Labs", "Cassowary Research")),
            frozenset(("Fernhollow Labs", "Orrery AI")),
            frozenset(("Cassowary Research", "Orrery AI"))} <= pairs
    assert ("Kestrel-2", "availableOn", "Kestrel-1") not in facts
    assert ("Kestrel-2", "successorOf", "Kestrel-1") in facts


def test_a_hyphened_given_name_with_a_lower_case_second_half_stays_whole():
    ex = extract_text("Dalmaru Cells makes battery cells. The company was founded in 2008 by "
                      "Chae Min-gyu, who remains its chairman.")
    assert ("Chae Min-gyu", "founderOf", "Dalmaru Cells") in fact_set(ex)


def test_a_product_code_the_tagger_took_for_a_number_takes_its_apposition():
    ex = extract_text(
        "Truvenna Industrietechnik AG makes pumps. Customers are ordering bigger machines. The "
        "biggest of them is the VX-90, a compressor for hydrogen plants. Truvenna builds the "
        "VX-90 at its own plant in Gotha.")
    assert _types(ex)["VX-90"] == "PhysicalProduct"
    assert ("VX-90", "manufacturedBy", "Truvenna") in fact_set(ex)


def test_the_remaining_stake_is_in_what_the_clause_beside_it_names():
    ex = extract_text("Brennvik Energi ASA is an energy company. We hold 60 percent of Nordhelix "
                      "Battery Systems, and Dalmaru Cells holds the remaining 40 percent.")
    facts = fact_set(ex)
    assert ("Dalmaru Cells", "investedIn", "Nordhelix Battery Systems") in facts
    assert ("Dalmaru Cells", "investedIn", "Brennvik Energi ASA") not in facts


def test_a_rival_product_with_no_owner_said_is_the_reviewed_product_s_rival():
    ex = extract_text(
        "Corvel Aura 2 review\n"
        "I have had the Corvel Aura 2 on my shelf for three weeks. The Corvel Aura 2 is made by "
        "Corvel Home. The obvious rival is the Hollis Beacon from Tarnwell Electronics, which "
        "costs 20 euros more. The Beacon still runs on Wren 3, an older language model. "
        "Still, the Corvel Aura 2 is the one I would buy.")
    facts = fact_set(ex)
    assert _paired(facts, "Corvel Aura 2", "competitorOf", "Hollis Beacon")
    assert ("Hollis Beacon", "competitorOf", "Tarnwell Electronics") not in facts


def test_a_replacement_for_a_product_succeeds_it_but_an_update_for_a_platform_does_not():
    ex = extract_text(
        "Veltor sells the Veltor Bolt as a replacement for the Veltor Arc, which it stopped "
        "making in 2019. Veltor also shipped an update for Android this week.")
    facts = fact_set(ex)
    assert ("Veltor Bolt", "successorOf", "Veltor Arc") in facts
    assert not any(p == "successorOf" and o == "Android" for _, p, o in facts)


def test_a_relative_clause_set_off_by_commas_states_its_fact_inside_a_hope():
    ex = extract_text(
        "Kalmira Airways chief executive Joseph Mwangemi said the alliance would help fill the "
        "airline's new Zephyra Z-220 jets, which are built by the Brazilian manufacturer "
        "Aerovasco, on routes to Lisbon.")
    facts = {(s, p, o): f for f in ex.facts if not f.datatype
             for s, p, o in [(ex.entities[f.subject].label, f.predicate,
                              ex.entities[f.object].label)]}
    assert facts[("Zephyra Z-220", "manufacturedBy", "Aerovasco")].asserted  # "jets": numbered



def test_a_passive_pair_of_verbs_shares_its_by_phrase():
    ex = extract_text("The Strandline 1, a synthesizer released in 2001, was designed and "
                      "assembled by Korvalis Audio in Malmo.")
    facts = fact_set(ex)
    assert ("Strandline 1", "developedBy", "Korvalis Audio") in facts
    assert ("Strandline 1", "manufacturedBy", "Korvalis Audio") in facts


def test_its_after_the_company_in_one_sentence_is_the_company_s():
    ex = extract_text(
        "Korvalis Audio\nKorvalis Audio is a record label based in Malmo. In 2007 Korvalis "
        "acquired Pelmora Instruments, a maker of pedals.\nOwnership\nKorvalis Audio is owned "
        "by Holbrekke Group. The label is run by chief executive Freja Lundqvist, who "
        "previously managed Pelmora's pedal division. Ingrid Sarheim remains with the company "
        "as its artistic director.")
    facts = fact_set(ex)
    assert ("Ingrid Sarheim", "worksFor", "Korvalis Audio") in facts
    assert ("Ingrid Sarheim", "worksFor", "Pelmora Instruments") not in facts


def test_the_two_companies_that_signed_a_partnership_are_its_partners():
    ex = extract_text(
        "Zentrova shares jump\nZentrova Systems makes crew software for airlines. Zentrova "
        "said profits rose.\nZentrova's flagship product, CrewLoom, plans rosters for 60 "
        "airlines. Its revenue tool, Yieldara, was launched in 2020. CrewLoom runs on Nimbrix, "
        "the cloud platform of the American group Halcora, under a partnership the two "
        "companies signed in 2021.")
    facts = fact_set(ex)
    assert _paired(facts, "Halcora", "partnerOf", "Zentrova Systems")


def test_a_firm_named_with_a_trade_ending_is_its_short_name_too():
    ex = extract_text("Regulator fines Harvane and Tollamer\nThe commission fined two rival "
                      "makers of farm machinery, Harvane Agritech and Tollamer Machinery. "
                      "Harvane, which is headquartered in Regina, said it would appeal.")
    assert ("Harvane Agritech", "headquarteredIn", "Regina") in fact_set(ex)
    assert sum(e.label.startswith("Harvane") for e in ex.entities.values()) == 1


def test_a_numbered_name_before_a_noun_of_goods_is_that_good():
    ex = extract_text(
        "Tollamer Machinery is a tractor maker. Tollamer sells its Graindrift T7 tractor in "
        "Canada. Each hull is fitted with a Vastrand VM-12 diesel-electric engine manufactured "
        "by Vastrand Motoren, the Rotterdam-based engine maker.")
    assert _types(ex)["Graindrift T7"] == "PhysicalProduct"
    assert ("Vastrand VM-12", "manufacturedBy", "Vastrand Motoren") in fact_set(ex)


def test_the_whole_is_not_a_part_the_text_named():
    ex = extract_text(
        "Corvel Aura 2 review\nI have had the Corvel Aura 2 for three weeks, and it is the "
        "first smart home hub I liked. It is made by Corvel Home. Inside is a Pellucid R7 chip "
        "from Zentrix Semiconductor. Corvel told me the hub is assembled by Quanlong "
        "Precision.")
    assert ("Pellucid R7", "manufacturedBy", "Quanlong Precision") not in fact_set(ex)


def test_those_who_launched_an_alliance_together_are_partners_after_a_dateline():
    ex = extract_text(
        "Three airlines form Trivela Alliance\nLISBON, May 12 (Nordpress) - Norsvik Air, "
        "Aeroluma and Kalmira Airways on Monday launched the Trivela Alliance, a partnership "
        "that links their networks across Europe and Africa.")
    facts = fact_set(ex)
    pairs = {frozenset((s, o)) for s, p, o in facts if p == "partnerOf"}
    assert pairs == {frozenset(("Norsvik Air", "Aeroluma")),
                     frozenset(("Norsvik Air", "Kalmira Airways")),
                     frozenset(("Aeroluma", "Kalmira Airways"))}
    assert not any(p == "subOrganizationOf" for _, p, _ in facts)


def test_a_firm_s_name_without_its_opening_maison_is_the_firm_not_its_founder():
    ex = extract_text(
        "Vérignac names a new creative director\nPARIS - Maison Vérignac on Tuesday named "
        "Lucien Maréchaux, the nephew of founder Hélène Vérignac, as its creative director.\n"
        "Vérignac became a subsidiary of the luxury group Solenne Groupe when Solenne "
        "acquired it in 2009. Vérignac's chief executive, Agathe Lindqvist-Moreau, said the "
        "house would hold its first show in September.")
    facts = fact_set(ex)
    assert ("Maison Vérignac", "subOrganizationOf", "Solenne Groupe") in facts
    assert ("Agathe Lindqvist-Moreau", "ceoOf", "Maison Vérignac") in facts
    assert not any(e.label == "Solenne" for e in ex.entities.values())  # "Groupe" is its form


def test_the_lab_is_the_lab_named_earlier_in_its_sentence():
    ex = extract_text(
        "Orrinex Labs releases Kaldra 2\nOrrinex Labs, a research lab spun out of Merrowfield "
        "University, released Kaldra 2. Kaldra 2 was built by Orrinex's in-house pretraining "
        "unit, Ostrel Lab, which is headed by Farah Odunsi. Northvale also invested in "
        "Orrinex's seed round, and Merrowfield University retains a minority stake in the lab, "
        "which is based in Toronto.")
    facts = fact_set(ex)
    assert ("Merrowfield University", "investedIn", "Orrinex Labs") in facts
    assert ("Orrinex Labs", "headquarteredIn", "Toronto") in facts
    assert ("Ostrel Lab", "headquarteredIn", "Toronto") not in facts


def test_a_thing_that_is_planned_is_not_yet_a_fact():
    ex = extract_text("Korvix makes the Folio app. Korvix says a macOS version of Folio is "
                      "planned for next year.")
    assert not any(f.asserted and f.predicate == "successorOf" for f in ex.facts)


def test_a_name_that_only_modifies_a_noun_is_not_the_firm_described_next():
    ex = extract_text(
        "Vantrel builds the Arcus e-reader. But Vantrel's app is only available on iOS, which "
        "leaves Android owners out. The Seattle-based company has dominated this market for "
        "years.")
    facts = fact_set(ex)
    assert ("Vantrel", "headquarteredIn", "Seattle") in facts
    assert ("Android", "headquarteredIn", "Seattle") not in facts


def test_the_largest_shareholder_holds_a_stake_in_the_story_s_firm():
    ex = extract_text("Zentrova shares jump\nShares in Zentrova Systems rose 18 percent on "
                      "Thursday. The largest shareholder is now Koru Capital Partners, an "
                      "Auckland-based private-equity firm with 22 percent.")
    assert ("Koru Capital Partners", "investedIn", "Zentrova Systems") in fact_set(ex)


def test_its_opening_a_sentence_is_the_owner_of_the_subject_before():
    ex = extract_text(
        "Zentrova Systems makes software for airlines.\nZentrova's flagship product, CrewLoom, "
        "plans rosters for about 60 airlines, including Baltair and Sahrawa Airways. Its "
        "revenue-management tool, Yieldara, was launched in 2020.")
    facts = fact_set(ex)
    assert ("Yieldara", "developedBy", "Zentrova Systems") in facts
    assert not any(s == "Yieldara" and p == "developedBy" and o != "Zentrova Systems"
                   for s, p, o in facts)


def test_a_name_after_an_opening_phrase_without_a_comma_is_the_subject():
    ex = extract_text("Korvalis Audio\nKorvalis Audio makes synthesizers in Malmo. In 2007 "
                      "Korvalis acquired Pelmora Instruments. In the synthesizer market "
                      "Korvalis competes with Drossler Elektronik, a manufacturer based in "
                      "Berlin.")
    facts = fact_set(ex)
    assert _paired(facts, "Drossler Elektronik", "competitorOf", "Korvalis Audio")


def test_a_headline_s_short_product_name_is_the_body_s_full_one():
    ex = extract_text("Kestrix Silicon unveils KX-2 inference accelerator\nAustin-based Kestrix "
                      "Silicon has launched the Kestrix KX-2, an inference accelerator. The KX-2 "
                      "is made by Lunhai Foundry.")
    assert sum("KX-2" in e.label for e in ex.entities.values()) == 1


def test_a_sum_the_tagger_ran_into_a_name_is_cut_off():
    ex = extract_text("Harvane Agritech and Tollamer Machinery were fined. Harvane was fined "
                      "C$34 million and Tollamer C$27 million.")
    assert not any("$" in e.label for e in ex.entities.values())


def test_its_after_a_founding_verb_is_the_founded_firm_s():
    ex = extract_text(
        "Kivara AI's Nadia Felsberg on Sarova 2\nNadia Felsberg co-founded the London-based "
        "start-up Kivara AI in 2021 with Tomasz Rydel and has been its chief executive ever "
        "since. Before that she spent six years at the software group Drummond Systems.\n"
        "Review: Who are your investors?\nFelsberg: Halden Ventures led our first round. "
        "Tomasz, the team and I still control the company.\nReview: There are reports that "
        "Drummond Systems is about to acquire Kivara.\nFelsberg: Nobody at Drummond has made "
        "us an offer.")
    facts = fact_set(ex)
    assert ("Nadia Felsberg", "ceoOf", "Kivara AI") in facts
    assert ("Halden Ventures", "investedIn", "Kivara AI") in facts  # "our": the guest's firm


def test_a_shipping_group_s_short_name_drops_maritime():
    ex = extract_text(
        "Halvorsk Maritime profit rises\nOSLO, March 3 (Nordwire) - Oslo-based shipping group "
        "Halvorsk Maritime reported a rise in profit.\nHalvorsk's existing business is "
        "organised in three units. Halvorsk Tankers, headed by Per Amundrud, contributed more "
        "than half of group profit.")
    assert _types(ex)["Halvorsk Tankers"] == "Company"
    assert sum(e.label.startswith("Halvorsk") for e in ex.entities.values()) == 2


def test_a_first_name_the_tagger_read_as_a_preposition_stays_in_the_name():
    ex = extract_text("Halvorsk Tankers, headed by Per Amundrud, contributed more than half of "
                      "group profit.")
    assert "Per Amundrud" in _types(ex)


def test_a_noun_the_parser_made_a_second_subject_beside_a_name_describes_it():
    ex = extract_text(
        "Inside Moravi Games\nWhen Agnieszka Zawilska founded Moravi Games in a rented flat "
        "in Krakow in 2015, she had one laptop.\nNine years later the Krakow-based studio "
        "employs 85 people in a converted tram depot, and its puzzle-adventure game Fennimoor "
        "has been downloaded more than 40 million times. Agnieszka is the studio's chief "
        "executive.")
    assert _types(ex)["Fennimoor"] == "Product"
    assert not any(p == "ceoOf" and o == "Fennimoor" for _, p, o in fact_set(ex))


def test_a_capitalised_trade_ending_after_a_name_belongs_to_it():
    ex = extract_text("Dairy co-op lands supermarket deal\nThe Ballykerrin Dairy Co-operative "
                      "has become the main cheese partner of the supermarket chain Dunrath "
                      "Stores.")
    assert any(e.label == "Ballykerrin Dairy Co-operative" or "Ballykerrin Dairy Co-operative"
               in e.aliases for e in ex.entities.values())


def test_a_plural_after_a_family_s_name_is_the_family_s_products_named_so_far():
    ex = extract_text(
        "Ruvenna Mobility\nRuvenna's Zefiro S2 electric scooter, launched in 2022, succeeded "
        "the Zefiro S1, which had been the company's first scooter. Both Zefiro models are "
        "manufactured under contract by Hsinmao Precision Industries. Ruvenna intends to "
        "release a Zefiro S3 next year.")
    facts = fact_set(ex, asserted_only=False)
    assert ("Zefiro S1", "manufacturedBy", "Hsinmao Precision Industries") in facts
    assert ("Zefiro S2", "manufacturedBy", "Hsinmao Precision Industries") in facts
    assert ("Zefiro S3", "manufacturedBy", "Hsinmao Precision Industries") not in facts


def test_a_dateline_opening_the_body_under_a_headline_is_no_part_of_the_firm_s_name():
    ex = extract_text(
        "Harvel's Tessa van arrives to replace the Tessa Classic, with a new motor\n"
        "OSLO - Harvel Motors on Monday unveiled the Tessa EV, an electric van that replaces "
        "the Tessa Classic. The Oslo-based company has bet its future on the van.")
    labels = {e.label for e in ex.entities.values()}
    assert "Harvel Motors" in labels
    assert not any(label.startswith("OSLO") for label in labels)
    assert ("Harvel Motors", "headquarteredIn", "Oslo") in fact_set(ex)


def test_money_put_into_a_site_is_no_investment_in_the_place_that_names_it():
    ex = extract_text(
        "Pellmar and Aukon build batteries together\nPellmar Energy and Aukon Motors run a "
        "joint venture, Aukell Cells. Its chief said the two partners had invested 900 million "
        "euros in the Lindau site. Stromfeld Capital invested 40 million euros in Aukell Cells.")
    invested = {(s, o) for s, p, o in fact_set(ex) if p == "investedIn"}
    assert not any(o == "Lindau" for _, o in invested)
    assert ("Stromfeld Capital", "Aukell Cells") in invested


def test_a_product_that_leads_its_market_is_no_person():
    ex = extract_text(
        "Harvel's new van takes on the Corsa\nThe Tessa EV goes up against Bramwell Auto's "
        "Corsa, which has led the European electric van market for two years. At 41,000 "
        "euros, the Tessa undercuts the Corsa.")
    assert _types(ex)["Corsa"] != "Person"


def test_a_name_right_after_a_unit_noun_in_a_whose_clause_is_that_unit():
    ex = extract_text(
        "Orvane Holdings raises forecast\nOrvane Holdings raised its forecast on Monday. The "
        "Leeds-based group, whose subsidiaries include contract brewer Tollan Ales and "
        "consumer-health unit Norcured, said sales rose 9 percent.")
    facts = fact_set(ex)
    assert ("Norcured", "subOrganizationOf", "Orvane Holdings") in facts
    assert ("Orvane Holdings", "headquarteredIn", "Leeds") in facts
    assert not any(s == "Norcured" and p == "headquarteredIn" for s, p, _ in facts)


def test_the_x_based_group_is_the_group_just_named_not_the_firm_it_bought():
    ex = extract_text(
        "Orvane completes Malthus deal\nOrvane Group said on Monday it had completed its "
        "takeover of Danish brewer Malthus Bryg, the largest deal in the brewer's history. "
        "The Leeds-based group also raised its profit forecast.")
    facts = fact_set(ex)
    assert ("Orvane Group", "headquarteredIn", "Leeds") in facts
    assert ("Malthus Bryg", "headquarteredIn", "Leeds") not in facts


def test_a_surprise_hit_the_tagger_read_as_a_verb_still_names_a_product():
    ex = extract_text(
        "Marlow Games buys Tidepool\nMarlow Games on Monday bought Tidepool Studio, the small "
        "team behind last year's surprise hit Saltmarsh. Tidepool developed the game on its "
        "own engine. Its successor to Saltmarsh, Reedbank, is due next year.")
    assert _types(ex)["Saltmarsh"] in {"Product", "PhysicalProduct", "AIModel"}
    assert ("Saltmarsh", "developedBy", "Tidepool Studio") in fact_set(ex)


def test_as_part_of_the_transaction_makes_no_firm_a_part_of_another():
    ex = extract_text(
        "Marlow Games buys Tidepool\nMarlow Games bought Tidepool Studio on Monday. Brackley "
        "Capital, an early Tidepool investor, sold its shares to Marlow as part of the "
        "transaction.")
    facts = fact_set(ex)
    assert not any(p in {"subOrganizationOf", "owns"} and "Brackley Capital" in (s, o)
                   for s, p, o in facts)


def test_a_grade_word_after_a_line_s_name_stays_in_the_name():
    ex = extract_text(
        "Marrow's new phone reviewed\nThe camera is the highlight. The Halden Pro system was "
        "co-developed by Marrow and Visslund Optik, and it takes sharp night shots.")
    facts = fact_set(ex)
    assert ("Halden Pro", "developedBy", "Visslund Optik") in facts
    assert "Halden" not in {e.label for e in ex.entities.values()}


def test_an_apposition_after_a_list_describes_its_last_name():
    ex = extract_text(
        "Marrow's new phone reviewed\nThe Halden Pro camera was co-developed by Marrow and "
        "Visslund Optik, the German lens maker that has been Marrow's partner since the phone "
        "maker's Tessa 7, and it takes sharp night shots.")
    facts = fact_set(ex)
    assert _paired(facts, "Visslund Optik", "partnerOf", "Marrow")
    assert ("Tessa 7", "developedBy", "Marrow") in facts  # the phone maker, not the lens maker
    assert ("Tessa 7", "developedBy", "Visslund Optik") not in facts


def test_whose_product_it_is_is_no_plan_though_the_clause_plans():
    ex = extract_text(
        "Corvane ships Tessa 2\nCorvane Systems released the Tessa 2 model on Monday. Corvane "
        "plans to bring the model to its Kestle smart speakers later this year.")
    facts = fact_set(ex)
    assert ("Kestle", "developedBy", "Corvane Systems") in facts
    assert ("Tessa 2", "availableOn", "Kestle") not in facts  # the plan itself stays hedged


def test_the_rest_of_a_product_name_after_its_maker_s_name_is_its_short_form():
    ex = extract_text(
        "Corvane updates its assistant\nCorvane Systems said Corvane Companion, its assistant "
        "app, now has 40 million users. Companion, which is available on iOS and Android, was "
        "redesigned this year. Corvane said revenue rose.")
    facts = fact_set(ex)
    assert ("Corvane Companion", "availableOn", "iOS") in facts
    assert ("Corvane Companion", "availableOn", "Android") in facts


def test_its_in_what_a_group_says_is_the_group_s_not_its_unit_s():
    ex = extract_text(
        "Orvane raises forecast\nOrvane Group raised its forecast on Monday. The Leeds-based "
        "group, whose subsidiaries include contract brewer Tollan Ales and snack unit "
        "Crispwell, said sales of its flagship lager Brindle Gold jumped 22 percent.")
    facts = fact_set(ex)
    assert ("Brindle Gold", "developedBy", "Orvane Group") in facts
    assert ("Brindle Gold", "developedBy", "Crispwell") not in facts


def test_a_place_based_rival_the_tagger_made_an_adjective_is_based_there():
    ex = extract_text(
        "Helvara names new chief\nHelvara Group named Corinne Baptiste, who previously ran the "
        "European business of Basel-based rival Sarnex AG, as head of generics.")
    assert ("Sarnex AG", "headquarteredIn", "Basel") in fact_set(ex)


def test_offerings_listed_after_a_firm_s_possessive_are_its_products():
    ex = extract_text(
        "The Nexus Q was designed to leverage Varnel's online media offerings, such as Varnel "
        "Play Music, Varnel Play Movies & TV, and VidTube, to provide a shared experience.")
    facts = fact_set(ex)  # (the tagger calls two of them organisations)
    assert ("VidTube", "developedBy", "Varnel") in facts
    assert ("Varnel Play Music", "developedBy", "Varnel") in facts


def test_the_group_s_arm_belongs_to_the_firm_a_noun_before_its_name_called_a_group():
    ex = extract_text(
        "Brennvik profit rises\nBergen-based shipping group Brennvik Maritime reported higher "
        "profit on Tuesday. Brennvik Offshore, led by Sofie Brandt, swung back to profit. "
        "Tollvik Feeder, the group's Rotterdam-based feeder arm, was hurt by weak volumes.")
    facts = fact_set(ex)
    assert ("Tollvik Feeder", "subOrganizationOf", "Brennvik Maritime") in facts
    assert ("Tollvik Feeder", "subOrganizationOf", "Brennvik Offshore") not in facts


def test_a_firm_reporting_its_results_hedges_nothing_it_says_it_has_done():
    ex = extract_text(
        "Brennvik profit rises\nBergen-based shipping group Brennvik Maritime reported a 14 "
        "percent rise in profit on Tuesday, and said it had completed its takeover of "
        "dry-bulk operator Tollvik Bulk. It was reported that Brennvik had bought Skarn Lines.")
    facts = fact_set(ex)
    assert ("Brennvik Maritime", "acquired", "Tollvik Bulk") in facts
    assert ("Brennvik Maritime", "acquired", "Skarn Lines") not in facts



def test_what_an_unresolved_it_is_available_on_is_a_platform_still():
    ex = extract_text("Harbour notes\nIt remains available on Pocketa, Vellum and Steam, the "
                      "studio said.")
    assert _types(ex)["Pocketa"] == "Product"  # a platform, though what "it" is stays unknown


def test_the_new_vessel_is_the_ship_just_named():
    ex = extract_text(
        "Keldane yard delivers a ferry\nKeldane Shipyard builds ferries. Its most recent "
        "delivery, the hybrid ferry Selkie Mist, was built on the yard's main slipway. The new "
        "vessel replaced the 40-year-old Marram Rock, which the yard itself built in 1984.")
    assert ("Selkie Mist", "successorOf", "Marram Rock") in fact_set(ex)


def test_a_firm_that_designs_and_assembles_a_good_is_its_maker():
    ex = extract_text(
        "Farm machinery makers fined\nBrackmoor designs and assembles its Furrowline T7 "
        "tractor, which replaced the Furrowline T5 in 2019, at a factory in Brandon, Manitoba.")
    facts = fact_set(ex)
    assert ("Furrowline T7", "manufacturedBy", "Brackmoor") in facts


def test_a_period_after_a_model_number_ends_the_sentence():
    ex = extract_text(
        "Kestrel lands a customer\nOne early customer is Aurelle AI, the Paris-based developer "
        "of the open-weight model Corvina-70B. Corvina-70B powers Aurelle's Parlo chat "
        "assistant.")
    labels = {e.label for e in ex.entities.values()}
    assert "Corvina-70B" in labels
    assert ("Corvina-70B", "powers", "Parlo") in fact_set(ex)


def test_those_who_join_a_round_led_by_another_invest_too():
    ex = extract_text(
        "Tessaline raises $90 million\nTessaline Robotics disclosed a US$90 million Series B "
        "round led by Orvik Capital, with participation from Sundby Ventures and Marrow "
        "Holdings.")
    facts = fact_set(ex)
    for investor in ("Orvik Capital", "Sundby Ventures", "Marrow Holdings"):
        assert (investor, "investedIn", "Tessaline Robotics") in facts


def test_a_person_may_invest_in_a_firm():
    ex = extract_text(
        "Harbourline raises money\nLast month Harbourline closed a 48 million euro Series B "
        "round led by Northgate Capital. Hugo Strand, Corvane's former chief executive, put in "
        "his own money too. Press reports that Strand had also invested in Tidewell were "
        "wrong.")
    facts = fact_set(ex)
    assert ("Hugo Strand", "investedIn", "Harbourline") in facts
    assert ("Northgate Capital", "investedIn", "Harbourline") in facts
    assert ("Hugo Strand", "investedIn", "Tidewell") not in facts  # hearsay, denied


def test_the_ontology_lets_a_person_invest():
    from kg.knowledge import schema

    assert "Person" in schema().domains["investedIn"]
    assert "Person" in schema().ranges["hasInvestor"]


def test_a_reinsurer_s_re_stays_in_its_name():
    ex = extract_text(
        "Covantra results\nCovantra's reinsurance subsidiary, Halden Re, which is based in "
        "Zurich, contributed 88 million euros of revenue.")  # (the tagger: "Re" a noun)
    facts = fact_set(ex)
    assert ("Halden Re", "headquarteredIn", "Zurich") in facts
    assert "Halden" not in {e.label for e in ex.entities.values()}


def test_freight_and_shipping_trade_words_end_firms_names():
    ex = extract_text(
        "Vantmark names a chief\nMireille Daucourt joined the group after a decade at Caspiel "
        "Forwarding. Barge services are run with Rheinlinie Schifffahrt.")
    types = _types(ex)
    assert types["Caspiel Forwarding"] != "Person"
    assert types["Rheinlinie Schifffahrt"] != "Person"


def test_a_republic_or_an_empire_is_a_place_no_one_works_for():
    ex = extract_text(
        "Writers of an era\nKarl Tessner was one of the most important journalists of the "
        "Halvic Republic. He later wrote for the Ostbrück Courier.")
    assert _types(ex)["Halvic Republic"] == "Place"
    assert not any(o == "Halvic Republic" for _, p, o in fact_set(ex) if p == "worksFor")


def test_a_family_s_short_name_is_no_developer_of_the_family():
    ex = extract_text(
        "Harvel's Tessa EV arrives to replace the Tessa Hybrid\nOSLO - Harvel Motors on Monday "
        "unveiled the Tessa EV, an electric van that replaces the Tessa Hybrid. \"The Tessa "
        "built this company once,\" its chief executive said. At 41,000 euros, the Tessa "
        "undercuts its rivals. Harvel developed the Tessa EV in Drammen.")
    facts = fact_set(ex)
    assert ("Tessa EV", "developedBy", "Harvel Motors") in facts
    assert not any(p == "developedBy" and o == "Tessa" for _, p, o in facts)


def test_a_given_name_joined_to_a_full_name_shares_its_surname():
    ex = extract_text(
        "Ledbury cider maker sold\nMarlow Orchards, which Gwen and Alun Marlow founded in "
        "1983, has been acquired by Harrowgate Drinks, the Leeds-based beverage group. The "
        "Ledbury-based company keeps its name. Gwen Marlow, now 74, said the decision had not "
        "been easy.")
    facts = fact_set(ex)
    assert ("Gwen Marlow", "founderOf", "Marlow Orchards") in facts
    assert ("Marlow Orchards", "headquarteredIn", "Ledbury") in facts
    assert "Gwen" not in {e.label for e in ex.entities.values()}



def test_a_maker_s_possessive_before_a_subtitled_title_is_not_in_the_title():
    ex = extract_text(
        "Hollowpine's Tidewrack II: Undertow sets sail on PC and consoles\nThree years after "
        "Tidewrack, its debut game, became one of the surprise hits of 2022, Bristol's "
        "Hollowpine Studios is back with a sequel. Tidewrack II: Undertow, released on Thursday "
        "by publisher Corvid Interactive, is available on Steam. For Undertow the studio built "
        "its own technology.")
    entities = {e.label: e for e in ex.entities.values()}
    assert not any(label.startswith("Hollowpine's") for label in entities)
    assert "Tidewrack" in entities  # the first game, not a name of the sequel
    assert entities["Tidewrack II: Undertow"].aliases == {"Undertow"}


def test_a_norwegian_electronics_firm_is_a_firm():
    ex = extract_text(
        "Test-gear rivals\nVantor's long rivalry with Norway's Halvik Elektronikk, which he "
        "liked to call the friendly enemy, has outlived him.")
    assert _types(ex)["Halvik Elektronikk"] in {"Company", "Organization"}


def test_a_model_that_replaced_both_earlier_models_succeeds_each_of_them():
    ex = extract_text(
        "Analyser maker's founder dies\nThe couple's first product, the TK-1, was soldered "
        "together by hand in their garage. Brenvor followed it in 1983 with the TK-2, and in "
        "1990 with the TK-20, which replaced both earlier models and became the standard bench "
        "analyser.")
    facts = fact_set(ex)
    assert ("TK-20", "successorOf", "TK-1") in facts
    assert ("TK-20", "successorOf", "TK-2") in facts



def test_towns_a_service_launches_in_do_not_type_it_a_product():
    from kg.documents import parse_document
    from kg.entities import resolve
    from kg.facts import slot_votes
    from kg.nlp import parse

    parsed = parse(parse_document(
        b"Dashly expands south\nDashly, the grocery-delivery app owned by Veldmark Group, "
        b"switched on service in Lyon this week, bringing its total to 30 cities across Europe. "
        b"Dashly was founded in 2019 by Ines Carvalho, and Veldmark acquired it in 2021. Dashly "
        b"also plans to launch in Nice and Toulouse next year. Dashly has partnered with Pakko, "
        b"a courier firm.", "t.txt"))
    entities = resolve([parsed], use_known=False)
    dashly = next(k for k, e in entities.items() if e.label == "Dashly")
    kinds = [cls for key, cls, _ in slot_votes([parsed], entities) if key == dashly]
    # founded, bought and partnered: a firm; "launch in Nice" names no platform
    assert kinds.count("Organization") == 3 and kinds.count("Product") <= 1


def test_a_name_after_an_opening_date_is_the_passive_verb_s_subject():
    facts = fact_set(extract_text(
        "Stellwood Digital develops Ledgerly, an accounting application that is available on "
        "the Pomelo App Store. Since October Ledgerly has been powered by Tally, a language "
        "model the division trained itself."))
    assert ("Tally", "powers", "Ledgerly") in facts  # the parser made "Ledgerly" an adverb
    assert ("Tally", "powers", "Pomelo App Store") not in facts


def test_names_after_a_count_of_a_firm_s_divisions_are_its_divisions():
    facts = fact_set(extract_text(
        "Stellwood Holdings reported revenue of 8.4 billion Swiss francs, with all three of its "
        "operating divisions, Stellwood Industrial, Stellwood Retail and Stellwood Digital, "
        "contributing to growth."))
    assert ("Stellwood Industrial", "subOrganizationOf", "Stellwood Holdings") in facts
    assert ("Stellwood Digital", "subOrganizationOf", "Stellwood Holdings") in facts


def test_an_unknown_word_the_tagger_calls_a_place_is_the_institute_s_short_name():
    ex = extract_text(
        "Eight years later the pair co-founded the Northlight Institute, a Vancouver-based "
        "non-profit. Marchetti left Northlight in 2021. Omnira had already invested in "
        "Northlight.")
    assert _entity(ex, "Northlight Institute").aliases == {"Northlight"}
    assert ("Omnira", "investedIn", "Northlight Institute") in fact_set(ex)


def test_a_non_profit_is_one_word_and_a_relative_clause_goes_on_after_and():
    ex = extract_text(
        "Eight years later the pair co-founded the Northlight Institute, a Vancouver-based "
        "non-profit that Okafor still leads.\nOmnira has also released Sable Lite, a smaller "
        "variant, which has replaced Omnira's older Quill model and now powers Omnira Mail, "
        "the company's email client.")
    facts = fact_set(ex)
    assert ("Northlight Institute", "headquarteredIn", "Vancouver") in facts
    assert ("Okafor", "leads", "Northlight Institute") in facts
    assert ("Sable Lite", "powers", "Omnira Mail") in facts  # "which ... and now powers"


def test_a_code_name_the_tagger_guessed_an_organisation_is_still_a_code_name():
    facts = fact_set(extract_text(
        "The group's first big result is Sable, a reasoning model built by Pathfinder Research "
        "and released by Omnira last autumn. Internally it was known as Juniper."))
    assert ("Sable", "codeName", "Juniper") in facts


def test_a_model_code_the_tagger_made_a_noun_ends_the_name_and_goods_come_from_makers():
    facts = fact_set(extract_text(
        "Lumetra Silicon has begun volume shipments of the Lumetra L3, a low-power processor. "
        "The L3 succeeds the Lumetra L2, which Lumetra launched in 2023. The Nova 9, a "
        "smartphone from Vexa Mobile, went on sale in Seoul last week."))
    assert ("Lumetra L3", "successorOf", "Lumetra L2") in facts  # "L2" tagged a common noun
    assert ("Lumetra L2", "developedBy", "Lumetra Silicon") in facts
    assert ("Nova 9", "developedBy", "Vexa Mobile") in facts


def test_a_code_name_read_as_a_date_and_a_name_hung_on_the_noun_before_model():
    facts = fact_set(extract_text(
        "Corvane Motors unveiled the Corvane Strata. Developed under the code name K7, the "
        "Strata was designed by Atelier Nove.\nInside, Corvane's Vela voice assistant, which is "
        "powered by the Lyra language model from Halcyon AI, handles navigation."))
    assert ("Corvane Strata", "codeName", "K7") in facts  # "K7" tagged a date
    assert ("Lyra", "developedBy", "Halcyon AI") in facts  # "Lyra" hangs on "language"


def test_a_firm_s_first_word_read_as_a_nationality_is_its_short_name():
    ex = extract_text(
        "Aurelian Aviation Group bought Norrvik Air. Sølvberg was previously chief operating "
        "officer of Skarfell Airways, the Bergen-based low-cost carrier that is another "
        "Aurelian subsidiary.")
    assert "Aurelian" in _entity(ex, "Aurelian Aviation Group").aliases  # tagged NORP
    assert ("Skarfell Airways", "subOrganizationOf", "Aurelian Aviation Group") in fact_set(ex)


def test_a_rival_named_after_the_markets_two_firms_compete_in():
    facts = fact_set(extract_text(
        "Aurelian Aviation Group bought Norrvik Air, a regional airline. Norrvik competes on "
        "several domestic routes with Fjellfly, a carrier owned by Haldor Capital."))
    assert _paired(facts, "Norrvik Air", "competitorOf", "Fjellfly")  # "with" on "routes"


def test_a_capitalised_verb_mid_sentence_opens_the_name_it_is_compounded_into():
    ex = extract_text(
        "The bigger change is under the hood. Forkful's in-app assistant, Ask Forkful, which was "
        "code-named Basil while it was being built, now runs on Orla 2, a language model from "
        "the London-based start-up Brightmind Labs.")
    assert "Ask Forkful" in _types(ex)  # "Ask" tagged a verb
    assert ("Orla 2", "powers", "Ask Forkful") in fact_set(ex)


def test_a_contract_maker_after_a_second_participle_of_one_passive():
    facts = fact_set(extract_text(
        "Stellwood Industrial designs pumps. It also sells the Torvik compressor line, which is "
        "developed in-house but built under contract by Malko Industries."))
    assert ("Torvik", "manufacturedBy", "Malko Industries") in facts


def test_a_place_based_description_refers_to_the_firm_described_so():
    facts = fact_set(extract_text(
        "Tidewrack II: Undertow, released on Thursday by publisher Corvid Interactive, is "
        "available on Steam. Hollowpine Studios is a Bristol studio.\nHollowpine has been part "
        "of Corvid since 2019, when the Montreal-based publisher bought the then 30-person team "
        "for an undisclosed sum."))
    assert ("Corvid Interactive", "headquarteredIn", "Montreal") in facts  # "the publisher"
    assert ("Hollowpine Studios", "headquarteredIn", "Montreal") not in facts



def test_a_flagship_product_is_no_owned_unit_whatever_its_type():
    from kg.documents import parse_document
    from kg.entities import resolve
    from kg.facts import RuleEngine
    from kg.nlp import parse

    parsed = parse(parse_document(
        b"Stratavault, a data-quality start-up, raised $40 million. Okafor, its chief "
        b"executive, said the money would go into Sentinel, the company's flagship product.",
        "t.txt"))
    entities = resolve([parsed], use_known=False)
    for entity in entities.values():
        if entity.label == "Sentinel":  # as when the tagger's ORG outvotes "product"
            entity.type = "Organization"
    engine = RuleEngine(entities)
    rules = {ev.rule for fact in engine.extract(parsed) if fact.predicate == "owns"
             for ev in fact.evidence}
    assert "flagship-of" not in rules  # "flagship" modifies "product": the product's maker


def test_the_tagger_s_label_repeated_at_every_mention_does_not_outvote_the_text():
    ex = extract_text(
        "Stratavault raises $40 million for data-quality push\nStratavault, a Helsinki "
        "data-quality start-up, raised $40 million on Tuesday. Okafor said the money would go "
        "into a sales push in Europe and into Sentinel, the company's flagship product. Sentinel "
        "watches the contracts between the teams that produce data and the teams that consume "
        "it. Under the hood, Sentinel's anomaly detection is powered by Tern, a compact language "
        "model. Sentinel will ship inside Lakehouse, and the two companies will sell jointly.")
    assert _types(ex)["Sentinel"] == "Product"  # tagged ORG four times, "product" once
    assert ("Sentinel", "developedBy", "Stratavault") in fact_set(ex)


def test_a_move_of_headquarters_from_one_town_to_another_and_a_firm_s_competition():
    facts = fact_set(extract_text(
        "Norvanta Group is a Swedish telecom operator. Analysts said the reshuffle sharpens "
        "Norvanta's competition with Telvia, the market leader, and with Oresund Tele, which has "
        "been expanding across the bridge into southern Sweden.\nNorvanta Business has also moved "
        "its headquarters from Uppsala to Malmö, closer to its largest customers."))
    assert ("Norvanta Business", "headquarteredIn", "Malmö") in facts  # "to" hung on "from"
    assert _paired(facts, "Norvanta Group", "competitorOf", "Telvia")
    assert _paired(facts, "Norvanta Group", "competitorOf", "Oresund Tele")
    assert not _paired(facts, "Telvia", "competitorOf", "Oresund Tele")


def test_an_institute_named_with_for_is_the_institute_and_has_a_short_form():
    ex = extract_text(
        "Interview: Sigrid Holm on public research\nSigrid Holm has been director of the "
        "Nordhavn Institute for Applied Computing, the research centre in Aarhus, since 2019. "
        "The institute also holds a stake in Vendel Language.\nQ: And competitors?\nHolm: For "
        "talent, certainly the Rhine Institute for Computing in Germany. The Rhine Institute "
        "pays better than we do.")
    assert "Rhine Institute" in _entity(ex, "Rhine Institute for Computing").aliases
    facts = fact_set(ex)
    assert ("Nordhavn Institute for Applied Computing", "investedIn", "Vendel Language") in facts


def test_a_possessive_the_tagger_cut_off_an_institution_s_name_opens_it():
    ex = extract_text(
        "Vireo Imaging, the Edinburgh start-up spun out of St Aldric's University Hospital in "
        "2019, said its scanner has entered production. St Aldric's University Hospital retains "
        "a small stake in Vireo.")
    assert "St Aldric's University Hospital" in _types(ex)
    assert ("St Aldric's University Hospital", "investedIn", "Vireo Imaging") in fact_set(ex)


def test_one_sentence_read_both_ways_keeps_its_better_reading_and_a_sold_unit_its_buyer():
    facts = fact_set(extract_text(
        "Castellane Shipping Group agreed to buy Tessaly Terminals. Castellane is not buying "
        "Tessaly's ferry business. That unit, Tessaly Ferries, was sold separately to Ionian "
        "Maritime, a Patras company. The group, whose Castellane Logistics subsidiary runs "
        "inland trucking and rail services in France, employs about 24,000 people."))
    assert ("Castellane Logistics", "subOrganizationOf", "Castellane Shipping Group") in facts
    assert ("Castellane Shipping Group", "subOrganizationOf", "Castellane Logistics") not in facts
    assert ("Tessaly Ferries", "subOrganizationOf", "Tessaly Terminals") not in facts


def test_a_unit_named_after_a_firm_but_sold_to_another_is_not_the_firm_s():
    facts = fact_set(extract_text(
        "Castellane Shipping Group agreed to buy Tessaly Terminals, a Greek port operator. "
        "Castellane is not buying Tessaly's ferry business. That unit, Tessaly Ferries, was sold "
        "separately to Ionian Maritime, a Patras company."))
    assert ("Ionian Maritime", "acquired", "Tessaly Ferries") in facts
    assert ("Tessaly Ferries", "subOrganizationOf", "Tessaly Terminals") not in facts


def test_the_noun_of_a_role_said_of_a_founder_is_the_firm_he_founded():
    facts = fact_set(extract_text(
        "Halcyon Research released Wren-3. Amara Okafor, Halcyon's chief executive, co-founded "
        "the lab in 2021 with the computer scientist Jonas Feldt. Tessellate and Cobalt Labs, a "
        "London lab backed by the chipmaker Arvane Semiconductor, are widely seen as Halcyon's "
        "main rivals. Feldt, who serves as the lab's chief technology officer, said Wren-3 was "
        "built mostly by a team in Montreal."))
    assert ("Jonas Feldt", "worksFor", "Halcyon Research") in facts  # not the lab named last
    assert ("Jonas Feldt", "worksFor", "Cobalt Labs") not in facts


def test_an_institute_of_a_field_is_named_by_its_head_and_shortened_to_its_first_word():
    text = ("Halvorsen Cells spun out of the Nordvik Institute of Technology in 2021 to sell a "
            "chemistry first developed in the institute's lab. The Trondheim-based start-up now "
            "employs 140 people. Stig Arnesen is still a professor at Nordvik. Nordvik itself "
            "still holds about 12 percent of Halvorsen.")
    extraction = extract_text(text)
    facts = fact_set(extraction)
    assert _types(extraction)["Nordvik Institute of Technology"] != "Product"
    assert ("Halvorsen Cells", "headquarteredIn", "Trondheim") in facts  # not the institute
    assert ("Stig Arnesen", "worksFor", "Nordvik Institute of Technology") in facts
    assert ("Nordvik Institute of Technology", "investedIn", "Halvorsen Cells") in facts


def test_it_based_somewhere_and_headed_by_someone_is_the_unit_just_described():
    facts = fact_set(extract_text(
        "Halvorsen Cells makes sodium-ion batteries in Norway. Q: Do you make cells yourselves? "
        "A: We do run a pilot line through Halvorsen Pilot Works, a subsidiary we set up in "
        "2022. It is based in Mo i Rana and headed by Yusuf Demir."))
    assert ("Yusuf Demir", "leads", "Halvorsen Pilot Works") in facts
    assert ("Halvorsen Pilot Works", "headquarteredIn", "Mo i Rana") in facts
    assert ("Halvorsen Cells", "headquarteredIn", "Mo i Rana") not in facts


def test_a_numbered_model_s_variant_is_no_longer_form_of_a_person_s_name():
    extraction = extract_text(
        "Larkspur AI released Cadenza 3, its speech-recognition model. It also trained a "
        "compact sibling, Cadenza 3 Small, for on-device use.")
    assert "Cadenza 3" not in _entity(extraction, "Cadenza 3 Small").aliases


def test_what_was_built_to_compete_is_the_competitor_not_its_builder():
    facts = fact_set(extract_text(
        "Larkspur AI released Cadenza 3 on Monday. We built Cadenza 3 to compete with Murmur 2, "
        "the speech model from Ostrander AI."))
    assert _paired(facts, "Cadenza 3", "competitorOf", "Murmur 2")
    assert not _paired(facts, "Larkspur AI", "competitorOf", "Murmur 2")


def test_a_sentence_s_only_verb_read_as_a_participle_is_its_main_verb():
    facts = fact_set(extract_text(
        "Larkspur AI makes speech models. Nimbus Systems, which builds Nimbus Cloud, invested in "
        "our Series A, and Cadenza 3 was trained on its GPUs."))
    assert ("Nimbus Systems", "investedIn", "Larkspur AI") in facts
    assert ("Nimbus Cloud", "investedIn", "Larkspur AI") not in facts


def test_a_product_s_name_plus_a_word_is_a_variant_of_the_product():
    extraction = extract_text(
        "Sowa's first product, Kinda, a savoury mince, sold out in weeks. Sowa's second, Kinda "
        "Prime, replaced the original Kinda in April. Kinda Prime is available on Larder, the "
        "grocery delivery app.")
    facts = fact_set(extraction)
    assert _types(extraction)["Kinda Prime"] == "Product"
    assert ("Kinda Prime", "successorOf", "Kinda") in facts
    assert ("Kinda Prime", "availableOn", "Larder") in facts


def test_both_standing_alone_means_the_last_two_of_the_slot_s_class():
    facts = fact_set(extract_text(
        "Sowa's first product, Kinda, sold out in weeks. Sowa's second, Kinda Prime, replaced "
        "the original Kinda in April. Both are produced under contract by Haldane Ferments, a "
        "Grimsby-based fermentation specialist."))
    assert ("Kinda", "manufacturedBy", "Haldane Ferments") in facts
    assert ("Kinda Prime", "manufacturedBy", "Haldane Ferments") in facts


def test_what_a_maker_for_others_builds_it_manufactures_and_does_not_develop():
    facts = fact_set(extract_text(
        "Fjellvind Energy designs floating wind platforms. Its first design, the Fjellvind "
        "Anchor, was succeeded in 2021 by the larger Fjellvind Anchor 2; both are built by "
        "Vassbotn Verft, a shipyard in Haugesund."))
    assert ("Fjellvind Anchor 2", "manufacturedBy", "Vassbotn Verft") in facts
    assert ("Fjellvind Anchor 2", "developedBy", "Vassbotn Verft") not in facts


def test_a_ranked_noun_before_a_name_whose_verb_lacks_an_object_is_that_verb_s_object():
    extraction = extract_text(
        "Review: Fennel's Aria 600 is the quietest dishwasher HomeBench has tested\n"
        "We have been running the Fennel Aria 600 in the HomeBench test kitchen for six weeks.")
    assert not schema().is_a(_types(extraction)["HomeBench"], "Product")


def test_a_clause_its_nearest_name_cannot_head_speaks_of_the_name_described():
    facts = fact_set(extract_text(
        "Fennel Home is a dishwasher app. Voice commands in it are handled by Cadenza 3, the "
        "speech model from Larkspur AI, which powers Fennel Home on every phone."))
    assert ("Cadenza 3", "powers", "Fennel Home") in facts


def test_the_app_means_the_name_written_before_app_and_a_model_powers_its_mode():
    facts = fact_set(extract_text(
        "The Aria 600 connects to the Fennel Home app, available on Orbis OS and Keel OS. Voice "
        "commands in the app are handled by Cadenza 3, the speech model from Larkspur AI, which "
        "powers the app's hands-free mode."))
    assert ("Cadenza 3", "powers", "Fennel Home") in facts


def test_its_closest_rival_remains_names_the_rival():
    facts = fact_set(extract_text(
        "The Aria 600 is a dishwasher from Fennel Appliances. The Aria 600's closest rival "
        "remains the SilentPro 9 from Brauer Hausgeräte, which costs about the same."))
    assert _paired(facts, "Aria 600", "competitorOf", "SilentPro 9")
    assert ("SilentPro 9", "developedBy", "Brauer Hausgeräte") in facts


def test_a_short_form_several_firms_share_is_the_owner_of_the_others():
    extraction = extract_text(
        "Calloway Telecom completed its acquisition of Brennick Fibre, the fixed-line network "
        "business of rival Brennick Communications. Brennick, which is headquartered in "
        "Antwerp, put the unit up for sale last year.")
    assert "Brennick" in _entity(extraction, "Brennick Communications").aliases
    assert ("Brennick Communications", "headquarteredIn", "Antwerp") in fact_set(extraction)


def test_a_description_opening_a_paragraph_goes_back_to_the_story_s_firm():
    facts = fact_set(extract_text(
        "Calloway Telecom buys Brennick's fibre unit\n"
        "Calloway Telecom said on Tuesday it had completed its acquisition of Brennick Fibre, "
        "the network business of rival Brennick Communications.\n\n"
        "The Rotterdam-based operator now controls about 2.1 million fibre connections."))
    assert ("Calloway Telecom", "headquarteredIn", "Rotterdam") in facts
    assert ("Brennick Communications", "headquarteredIn", "Rotterdam") not in facts


def test_a_singular_relative_clause_after_a_list_speaks_of_the_name_before_it():
    facts = fact_set(extract_text(
        "Analysts said the deal sharpens the contest between Calloway Telecom and Veltra, which "
        "has been discounting its HomeLine Gigabit package in Utrecht."))
    assert ("HomeLine Gigabit", "developedBy", "Veltra") in facts
    assert ("HomeLine Gigabit", "developedBy", "Calloway Telecom") not in facts


def test_the_company_opening_a_paragraph_raised_the_round_an_investor_led():
    facts = fact_set(extract_text(
        "Orrery Imaging unveils Tessera constellation\n"
        "Toulouse-based Orrery Imaging has unveiled Tessera, a constellation of small "
        "satellites.\n\n"
        "Orrery was co-founded in 2019 by Priya Raghunathan. She previously ran a programme at "
        "Halcyon Earth, now one of Orrery's main competitors. \"Halcyon proved the market,\" she "
        "said.\n\n"
        "The company raised 38 million euros last month in a Series B round led by Aldane "
        "Ventures. Aldane has not taken a stake in Vantor, a spokesperson for the fund said."))
    assert ("Aldane Ventures", "investedIn", "Orrery Imaging") in facts
    assert ("Aldane Ventures", "investedIn", "Halcyon Earth") not in facts


def test_built_by_a_firm_at_its_plant_is_made_not_developed_there():
    facts = fact_set(extract_text(
        "Orrery Imaging has unveiled Tessera, a constellation of small satellites. Each Tessera "
        "spacecraft is built by Helmholt Raumfahrt at its plant in Dresden."))
    assert ("Tessera", "manufacturedBy", "Helmholt Raumfahrt") in facts
    assert ("Tessera", "developedBy", "Helmholt Raumfahrt") not in facts


def test_a_name_listed_after_a_title_s_holder_with_its_own_title_does_not_share_the_first():
    facts = fact_set(extract_text(
        "Orrery Imaging makes satellites. Orrery was co-founded in 2019 by its chief executive, "
        "Priya Raghunathan, and chief technology officer Mateus Ferraz."))
    assert ("Priya Raghunathan", "ceoOf", "Orrery Imaging") in facts
    assert ("Mateus Ferraz", "founderOf", "Orrery Imaging") in facts
    assert ("Mateus Ferraz", "ceoOf", "Orrery Imaging") not in facts


def test_its_in_a_clause_on_a_firm_s_description_is_that_firm_s():
    facts = fact_set(extract_text(
        "Orrery Imaging picks Vantor Launch\n"
        "Toulouse-based Orrery Imaging has unveiled Tessera, a constellation of satellites.\n\n"
        "Orrery said on Wednesday it had entered a partnership with Vantor Launch, the "
        "Christchurch-based company, which will carry the satellites in batches of six on its "
        "Skylark rocket."))
    assert ("Skylark", "developedBy", "Vantor Launch") in facts
    assert ("Skylark", "developedBy", "Orrery Imaging") not in facts


def test_a_verb_read_as_a_count_after_a_model_s_number_is_still_the_verb():
    facts = fact_set(extract_text(
        "Ardent AI released Fathom 4 on Monday. Fathom 4 powers Ardent Chat, the company's "
        "assistant app."))
    assert ("Fathom 4", "powers", "Ardent Chat") in facts


def test_a_model_that_powers_a_feature_of_a_product_powers_the_product():
    facts = fact_set(extract_text(
        "Verrane makes smart ovens. Voice control in Verrane Home is powered by Vela, an AI "
        "assistant developed by the Milan start-up Nuvolab. Stratavault sells Sentinel, a data "
        "tool. Under the hood, Sentinel's anomaly detection is powered by Tern, a compact "
        "language model that Stratavault trained in-house."))
    assert ("Vela", "powers", "Verrane Home") in facts
    assert ("Tern", "powers", "Sentinel") in facts


def test_a_controller_is_a_device_a_model_runs():
    facts = fact_set(extract_text(
        "Brightwater makes pumps. Its new FlowSense controller runs on Aquila, the AI model "
        "developed by our research unit, Brightwater Labs."))
    assert ("Aquila", "powers", "FlowSense") in facts


def test_names_listed_before_a_plural_noun_are_each_one_of_those():
    extraction = extract_text(
        "Claimly, which is available on the Lumo and Harbor phone platforms, handled two "
        "million claims.")
    facts = fact_set(extraction)
    assert ("Claimly", "availableOn", "Harbor") in facts
    assert _types(extraction)["Harbor"] == "Product"
