"""Bodies and relations that general rules of naming read, on documents written for these tests
(tests/data/national_bodies_corpus)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import extractions_by_stem, mention_names as names, relation_facts as facts

CORPUS = Path(__file__).parent / "data" / "national_bodies_corpus"


@pytest.fixture(scope="module")
def extractions():
    return extractions_by_stem(CORPUS)


def test_a_body_named_by_its_countrys_adjective_is_that_countrys_body(extractions):
    release = extractions["presidency_release"]
    bodies = names(release, "GovernmentBody")
    assert {"Portuguese Presidency", "Chilean National Gendarmerie", "Danish National Council for Crime Prevention",
            "Maltese delegation"} <= bodies
    assert ("govbody:CHL:Chilean National Gendarmerie", "partOf", "country:CHL") in facts(release)
    # an office named by the adjective is no body; a name that ends in no body's word is none of the state's
    assert not {n for n in bodies if "Minister" in n or "Airlines" in n}


def test_an_office_holder_works_for_the_body_named_by_the_office(extractions):
    release = facts(extractions["ministry_release"])
    # "Minister of Justice X" heads the Ministry of Justice the text names
    assert ("Person:Kadri Lepp", "affiliatedWith", "govbody:EST:Ministry of Justice") in release
    # "X, prosecutor general of Estonia" holds the Prosecutor General’s Office
    assert any(s == "Person:Peeter Saar" and p == "affiliatedWith" and "Prosecutor General" in o for s, p, o in release)
    # "Deputy Foreign Minister of Estonia": the portfolio is before the office; "of Estonia" names the state
    assert ("Person:Mart Kask", "affiliatedWith", "govbody:EST:Ministry of Foreign Affairs") in release
    assert ("Person:Mart Kask", "affiliatedWith", "govbody:EST:Ministry of Interior") not in release


def test_a_name_after_an_outlets_noun_is_that_outlet_wherever_it_stands(extractions):
    story = extractions["outlet_story"]
    assert "Delo" in names(story, "MediaOrganization")
    assert "Delo" not in names(story, "Person", "Organization", "Place")


def test_a_name_the_text_titles_as_a_person_is_a_person_everywhere(extractions):
    story = extractions["outlet_story"]
    assert {mm.cls for mm in story.mentions if mm.name == "Thandiwe Mokoena"} == {"Person"}


def test_an_office_in_apposition_names_the_person_before_it(extractions):
    story = extractions["outlet_story"]
    people = names(story, "Person")
    assert not {n for n in people if n.endswith("Minister")}
    # the short name of a ministry by its first portfolio is the ministry the text names in full
    ministries = {mm.name for mm in story.mentions if mm.cls == "GovernmentBody" and "Labour" in mm.span.text}
    assert ministries == {"Ministry of Labour, Family and Social Affairs"}
    assert any(s == "Person:Nika Horvat" and p == "affiliatedWith" and o.endswith("Ministry of Labour, Family and Social Affairs")
               for s, p, o in facts(story))


def test_a_statute_with_a_bracketed_part_in_its_short_title_is_one_instrument(extractions):
    debate = extractions["assembly_debate"]
    assert "Modern Slavery (Victim Support and Prevention) Bill" in names(debate, "Instrument")
    assert "Bill" not in names(debate, "Person")


def test_a_caption_that_repeats_a_titled_name_and_adds_a_party_names_the_person_once(extractions):
    people = names(extractions["assembly_debate"], "Person")
    assert "Eileen Carr" in people
    assert not {n for n in people if "SNP" in n or n.count("Carr") > 1}


def test_a_bodys_head_word_alone_and_an_acronym_with_a_note_name_the_body(extractions):
    debate = extractions["assembly_debate"]
    short = {mm.name for mm in debate.mentions if mm.span.text == "Authority"}
    assert short == {"Scottish Police Authority"}
    acronym = {mm.name for mm in debate.mentions if mm.span.text == "COPLE"}
    assert acronym == {"Coastal Prosecutor’s Office for Labour Exploitation"}
    # "in Spanish" names a language, no country
    assert not names(debate, "Country")


def test_an_office_wrapped_onto_the_next_line_still_names_its_country_and_body(extractions):
    # "X, Deputy Permanent Representative / of Denmark to the United Nations": the line after goes on with "of"
    assert ("Person:Mette Lund", "affiliatedWith", "country:DNK") in facts(extractions["wrapped_statement"])
    # "says IOM counter trafficking project / coordinator, X": a hard-wrapped apposition
    assert ("Person:Erik Holm", "affiliatedWith", "org:IOM") in facts(extractions["wrapped_release"])


def test_a_committee_of_a_parliament_and_its_member(extractions):
    release = extractions["committee_release"]
    facts_here = facts(release)
    committee = next(mm for mm in release.mentions if mm.name == "Social Affairs Committee of the Latvian Saeima")
    assert committee.cls == "GovernmentBody"
    assert (committee.key, "partOf", "org:Saeima") in facts_here
    assert ("Person:Ilze Berzina", "memberOf", committee.key) in facts_here


def test_a_body_described_as_a_kind_of_body_of_a_place_is_located_there(extractions):
    located = {(s, o) for s, p, o in facts(extractions["committee_release"]) if p == "locatedIn"}
    assert any(s.endswith("Safe Harbour Society") and o == "country:LVA" for s, o in located)
    assert any(s.endswith("Bright Path Foundation") and "Daugavpils" in o for s, o in located)


def test_a_wires_acronym_after_its_datelines_place_and_day_is_the_outlet(extractions):
    story = extractions["wire_dateline_story"]
    assert "ZANIS" in names(story, "MediaOrganization")
    # the body the story opens with starts after the wire's dash
    assert "Ministry of Home Affairs and Internal Security" in names(story, "GovernmentBody")
    assert not {n for n in names(story, "Organization", "GovernmentBody") if "ZANIS" in n and n != "ZANIS"}


def test_headline_words_an_opening_adjective_and_a_bylines_slash(extractions):
    story = extractions["headline_story"]
    bodies = names(story, "Organization", "GovernmentBody", "CivilSocietyOrganization", "InternationalOrganization")
    # "Border Guards Free Forced Labour Victims": a Title Case headline's words, no body; "Key police officials": an adjective
    assert not {n for n in bodies if "Free" in n or "Victims" in n or n == "Key"}
    # "By Lucia Fernandez/Andina": the reporter and her outlet
    assert "Lucia Fernandez" in names(story, "Person")
    assert "Andina" in names(story, "MediaOrganization")
    assert ("Person:Lucia Fernandez", "affiliatedWith", "MediaOrganization:Andina") in facts(story)
