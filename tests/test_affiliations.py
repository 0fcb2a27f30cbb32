"""Affiliations and seats on documents written for these tests (tests/data/affiliation_corpus):
the country a national official serves when the text only implies it, country offices of
international bodies, offices introduced by a demonym, photo credits."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import extractions_by_stem

CORPUS = Path(__file__).parent / "data" / "affiliation_corpus"


@pytest.fixture(scope="module")
def facts():
    return {stem: {(r.subject, r.predicate, r.object) for r in extraction.relations}
            for stem, extraction in extractions_by_stem(CORPUS).items()}


def test_the_speaker_of_a_countrys_statement_serves_it(facts):
    # "Irish statement to the OSCE" over a name line: the ambassador speaks for Ireland
    assert ("Person:Ciara Byrne", "affiliatedWith", "country:IRL") in facts["irish_statement"]


def test_an_international_bodys_office_in_a_country(facts):
    office = "unit:org:UNICEF:UNICEF Moldova"
    assert {(office, "partOf", "org:UNICEF"), (office, "locatedIn", "country:MDA"),
            ("Person:Anna Petrescu", "affiliatedWith", office)} <= facts["unicef_release"]
    # not the country inside the office's name
    assert ("Person:Anna Petrescu", "affiliatedWith", "country:MDA") not in facts["unicef_release"]


def test_a_demonym_office_after_another_person_is_the_second_persons(facts):
    # "opened by UNICEF Moldova Representative X and the Moldovan Minister of Labour, Y"
    assert ("Person:Vasile Munteanu", "affiliatedWith", "country:MDA") in facts["unicef_release"]
    assert ("Person:Vasile Munteanu", "affiliatedWith", "org:UNICEF") not in facts["unicef_release"]


def test_a_photo_credit_joins_photographer_and_agency(facts):
    assert ("Person:Daniel Moreno", "affiliatedWith", "org:UNICEF") in facts["unicef_release"]


def test_national_officials_serve_the_country_the_story_is_set_in(facts):
    wire = facts["wire_sentencing"]
    assert ("Person:Mark Ellis", "affiliatedWith", "country:USA") in wire  # "U.S. Attorney Mark Ellis"
    assert ("Person:Laura Benton", "affiliatedWith", "country:USA") in wire  # datelined WASHINGTON, the US named throughout


def test_people_who_open_an_event_or_speak_at_it_take_part(facts):
    forum = "Conference:3rd Balkan Forum on Labour Exploitation"
    for person in ("Elona Gjebrea", "Piotr Nowak", "Mirela Hoxha"):
        assert (forum, "participant", f"Person:{person}") in facts["forum_release"], person


def test_a_minister_heads_the_ministry_of_their_portfolio(facts):
    release = facts["ministry_release"]
    assert ("Person:Jovana Trajkova", "affiliatedWith", "GovernmentBody:Ministry of Labour") in release
    assert not any(s == "Person:Jovana Trajkova" and "Interior" in o for s, _, o in release)


def test_an_office_reporting_words_after_a_named_person_is_that_persons(facts):
    # "Federal Councillor X described ... . ..., said the Head of the Federal Department of Y."
    assert any(s == "Person:Anna Keller" and p == "affiliatedWith" and "Federal Department of Justice" in o
               for s, p, o in facts["councillor_release"])
