"""Bodies, offices and the people who hold them, on documents written for these tests
(tests/data/bodies_corpus): lists of ministries, offices that are no persons, affiliations."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import extractions_by_stem, mention_names as names, relation_facts as facts

CORPUS = Path(__file__).parent / "data" / "bodies_corpus"


@pytest.fixture(scope="module")
def extractions():
    return extractions_by_stem(CORPUS)


def test_each_ministry_of_a_list_is_one_body(extractions):
    bodies = names(extractions["visit_release"], "GovernmentBody")
    assert {"Ministry of Social Affairs", "Ministry of Economic Affairs and Communications",
            "Ministry of Education and Research", "Ministry of Culture and Sport"} <= bodies
    organisations = names(extractions["visit_release"], "Organization", "GovernmentBody", "CivilSocietyOrganization")
    assert not {"Social Affairs", "Education and Research", "Culture and Sport", "Economic Affairs and Communications"} & organisations


def test_a_statement_speaks_for_the_country_that_is_subject_of_its_stance_verbs(extractions):
    statement = facts(extractions["delegation_statement"])
    assert ("Person:Tomas Lindqvist", "affiliatedWith", "country:SWE") in statement
    # "Moldova adopted ...", "Georgia opened ...": states reported on, not the speaker's
    assert not {("Person:Tomas Lindqvist", "affiliatedWith", c) for c in ("country:MDA", "country:GEO")} & statement


def test_a_title_that_names_a_state_with_of_and_a_cabinet_office_in_a_visit_release(extractions):
    release = facts(extractions["visit_release"])
    assert ("Person:Jaan Oras", "affiliatedWith", "country:EST") in release  # "Deputy Interior Minister of Estonia Jaan Oras"
    assert ("Person:Karin Tamm", "affiliatedWith", "country:EST") in release  # "Justice Minister Karin Tamm", on a visit to Estonia
    # "the Police and Border Guard Board at the Ministry of the Interior": a unit seated in a ministry
    assert ("GovernmentBody:Border Guard Board", "partOf", "govbody:EST:Ministry of Interior") in release


def test_the_field_an_offices_title_names_is_no_body(extractions):
    remarks = extractions["envoy_remarks"]
    bodies = names(remarks, "Organization", "GovernmentBody", "InternationalOrganization", "CivilSocietyOrganization")
    assert not {n for n in bodies if "International Development" in n or n == "Foreign Affairs"}
    assert ("Person:Oskar Brandt", "affiliatedWith", "country:NOR") in facts(remarks)  # "Norway welcomes this conference"


def test_a_building_where_people_meet_is_a_place_in_its_town(extractions):
    speech = extractions["venue_speech"]
    places = names(speech, "Place")
    assert {"Nordic Conference Centre", "Palais des Congrès"} <= places
    assert not {"Nordic Conference Centre", "Palais des Congrès"} & names(speech, "Organization", "InternationalOrganization")
    assert ("Place:Nordic Conference Centre", "locatedIn", "Place:Helsinki") in facts(speech)  # "..., Helsinki"
    assert ("Place:Palais des Congrès", "locatedIn", "Place:Lyon") in facts(speech)  # "... in Lyon"


def test_family_name_particles_in_lower_case_belong_to_the_name(extractions):
    speech = extractions["venue_speech"]
    assert "Anna van der Berg-Lindholm" in names(speech, "Person")
    assert speech.info.speaker == "Anna van der Berg-Lindholm"
    assert ("Person:Anna van der Berg-Lindholm", "affiliatedWith", "org:Council-of-Europe") in facts(speech)


def test_what_a_visitor_urges_with_no_one_named_is_aimed_at_the_country_visited(extractions):
    release = extractions["visit_release"]
    urged = [c for c in release.claims if c.cls == "CallToAction" and "domestic work" in c.span.text]
    assert urged and urged[0].addressees == ["country:EST"]
    # but the state's own minister urging "we" is the state speaking, not urging it
    own = [c for c in release.claims if "act faster" in c.span.text]
    assert own and own[0].claimant == "Person:Karin Tamm" and "country:EST" not in own[0].addressees
    # a statement's unnamed appeals go to all its listeners, not to the country it names most
    statement = extractions["delegation_statement"]
    assert not any("country:SWE" in c.addressees for c in statement.claims)


def test_an_events_name_runs_on_through_its_quoted_theme_and_the_instrument_it_reviews(extractions):
    statement = extractions["debate_statement"]
    # the occasion is named before its quoted theme, and known by the whole too
    whole = "Security Council Open Debate on the “Women, Peace and Security: Sexual Violence in Conflict”"
    debate = next(mm for mm in statement.mentions if mm.cls == "Meeting" and mm.name == "Security Council Open Debate")
    assert whole in debate.attrs.get("aliases", ())
    assert statement.info.delivered_at == "Meeting:Security Council Open Debate"  # not a bare "Security Council meeting"
    conference = "Regional Conference on the Implementation of the Palermo Protocol in Lisbon"
    assert conference in names(statement, "Conference")
    assert "instrument:Palermo-Protocol" in {mm.key for mm in statement.mentions}  # kept inside the event's name


def test_names_in_a_list_of_people_and_a_courts_name_before_its_date(extractions):
    wire = extractions["wire_sentencing"]
    assert {"Jozef Horvath", "Marek Kovac", "Lucia Balogova"} <= names(wire, "Person")
    assert "Marek Kovac" not in names(wire, "Place")
    assert {"Leeds Crown Court", "Court of Appeal"} <= names(wire, "GovernmentBody")


def test_a_known_units_name_and_an_events_name_with_hyphenated_words(extractions):
    release = extractions["mission_release"]
    assert "Border Police and Labour Inspection Technical Co-ordination Meeting" in {
        alias for mm in release.mentions if mm.cls == "Meeting" for alias in [mm.name, *mm.attrs.get("aliases", [])]}
    assert ("Person:Karl Weber", "affiliatedWith", "org:OSCE-Mission-to-Bosnia-and-Herzegovina") in facts(release)


def test_a_bodys_name_without_its_parents_is_that_body_when_the_parent_is_named(extractions):
    statement = extractions["debate_statement"]  # "... to the United Nations", "by the General Assembly"
    assembly = [mm for mm in statement.mentions if mm.span.text == "General Assembly"]
    assert assembly and assembly[0].key == "org:UN-General-Assembly"


def test_a_country_before_a_possessive_garbled_by_a_wrong_code_page(extractions):
    statement = extractions["garbled_statement"]  # "Delivered by Finland‚Äôs Chargé d'Affaires Ingrid Holmberg"
    assert "Finland" in {mm.span.text for mm in statement.mentions if mm.cls == "Country"}
    assert ("Person:Ingrid Holmberg", "affiliatedWith", "country:FIN") in facts(statement)


def test_a_place_listed_with_places_of_a_country_lies_in_it(extractions):
    wire = extractions["wire_sentencing"]  # "searched homes in Leeds, Garforth and Rothwell"
    assert {"Garforth", "Rothwell"} <= names(wire, "Place")
    assert {("Place:Garforth", "locatedIn", "country:GBR"), ("Place:Rothwell", "locatedIn", "country:GBR")} <= facts(wire)


def test_the_plural_of_an_instruments_kind_is_no_person(extractions):
    assert "Protocols" not in names(extractions["delegation_statement"], "Person")


def test_the_area_of_a_bodys_states_names_the_body(extractions):
    keys = {mm.key for mm in extractions["delegation_statement"].mentions}
    assert {"region:OSCE-region", "org:OSCE"} <= keys  # "the whole OSCE region"


def test_a_body_on_the_header_line_above_the_speakers_name_and_a_body_in_an_indefinite_apposition(extractions):
    speech = facts(extractions["header_speech"])
    assert ("Person:Katarina Lindgren", "affiliatedWith", "GovernmentBody:European Labour Authority") in speech
    assert ("Person:Jonas Berg", "affiliatedWith", "org:Caritas") in speech  # "Jonas Berg, a Caritas representative in ..."


def test_the_group_a_speaking_country_says_we_are_part_of(extractions):
    statement = facts(extractions["delegation_statement"])
    assert ("country:SWE", "memberOf", "unit:org:OSCE:OSCE Group of Friends on Decent Work") in statement
    group = [mm for mm in extractions["delegation_statement"].mentions if mm.span.text == "Group"]
    assert group and group[0].key == "unit:org:OSCE:OSCE Group of Friends on Decent Work"  # "The Group will meet again"


def test_a_wire_dateline_of_a_town_and_an_agency_in_capitals(extractions):
    wire = extractions["wire_dateline"]  # "SIGULDA. BALTINFO - ..."
    assert {"Sigulda"} <= names(wire, "Place") and "Baltinfo" in names(wire, "MediaOrganization")
    # the town named again later is the same town, the agency the same agency
    assert all(mm.cls == "Place" for mm in wire.mentions if mm.name == "Sigulda")
    assert all(mm.cls == "MediaOrganization" for mm in wire.mentions if mm.name == "Baltinfo")


def test_a_memorandum_is_an_instrument_and_a_forums_title_in_guillemets_is_its_name(extractions):
    wire = extractions["wire_dateline"]
    assert "Memorandum on Labour Inspection Co-operation" in names(wire, "Instrument")
    assert "Expert Forum «Forced Labour in Supply Chains – Lessons from Audits»" in names(wire, "Conference")
    assert not {n for n in names(wire, "Organization") if "Supply Chains" in n}


def test_a_known_town_in_capitals_before_an_agency_in_brackets_after_a_byline(extractions):
    assert ("WARSAW", "Warsaw") in {(mm.span.text, mm.name) for mm in extractions["byline_wire"].mentions if mm.cls == "Place"}


def test_a_bodys_head_noun_after_the_is_the_one_body_named_before_with_it(extractions):
    statement = extractions["delegation_statement"]  # "... the Office of the OSCE Special Representative ... the work of the Office."
    office = [mm for mm in statement.mentions if mm.span.text == "Office"]
    assert office and office[0].key == "org:OSCE-OSR-CTHB"


def test_a_public_body_acts_on_others_through_its_state_not_on_its_state(extractions):
    story = extractions["ranking_story"]  # the State Department: "The US placed Eritrea, Belarus and Nicaragua on its list"
    placed = [c for c in story.claims if "worst" in c.span.text]
    assert placed and set(placed[0].addressees) == {"country:ERI", "country:BLR", "country:NIC"}
