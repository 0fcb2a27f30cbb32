"""Names the gazetteers would misread, on documents written for these tests (tests/data/names_corpus):
a country closing a person's name, a dateline's town in capitals."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import extractions_by_stem

CORPUS = Path(__file__).parent / "data" / "names_corpus"


@pytest.fixture(scope="module")
def extractions():
    return extractions_by_stem(CORPUS)


def mentions(extraction, cls):
    return [(mm.span.text, mm.name) for mm in extraction.mentions if mm.cls == cls]


def test_a_country_that_ends_a_persons_name_is_no_country(extractions):
    wire = extractions["wire_prosecutors"]
    countries = [text for text, _ in mentions(wire, "Country")]
    assert "Jordan" not in countries  # "Deputy Minister Rachel Jordan"
    assert countries.count("Malta") == 1  # the dateline's, not "Luca Di Malta" nor "Di Malta said"
    people = {name for _, name in mentions(wire, "Person")}
    assert {"Luca Di Malta", "Rachel Jordan"} <= people


def test_a_dateline_town_in_capitals_is_a_place(extractions):
    assert ("VALLETTA", "Valletta") in mentions(extractions["wire_prosecutors"], "Place")
    assert ("RIGA", "Riga") in mentions(extractions["indented_release"], "Place")
    located = {(r.subject, r.predicate, r.object) for r in extractions["wire_prosecutors"].relations}
    assert ("Place:Valletta", "locatedIn", "country:MLT") in located


def test_office_words_after_a_title_are_no_persons_name(extractions):
    remarks = extractions["unit_remarks"]
    assert {name for _, name in mentions(remarks, "Person")} == {"Aiko Tanaka"}  # not "Regional", not "Process"


def test_a_units_name_runs_to_the_end_of_the_region_it_serves(extractions):
    remarks = extractions["unit_remarks"]
    bureau = "UNDP Regional Bureau for Asia and the Pacific"
    assert (bureau, bureau) in mentions(remarks, "InternationalOrganization")
    facts = {(r.subject, r.predicate, r.object) for r in remarks.relations}
    assert ("Person:Aiko Tanaka", "affiliatedWith", f"unit:org:UNDP:{bureau}") in facts


def test_a_bodys_two_word_name_in_lower_case_after_the(extractions):
    bodies = {(text, name) for text, name in mentions(extractions["lowercase_bodies"], "GovernmentBody")}
    assert ("home office", "Home Office") in bodies
    assert any(text == "justice department" for text, _ in bodies)


def test_an_events_short_name_is_the_longer_name_it_stands_in(extractions):
    days = [(text, name) for text, name in mentions(extractions["observance"], "Event")]
    assert len(days) == 2 and {name for _, name in days} == {"European Day against Modern Slavery and Forced Labour"}


def test_a_services_officers_are_not_the_service(extractions):
    bodies = [text for text, _ in mentions(extractions["police_training"], "GovernmentBody")]
    assert bodies == ["Moldovan border police"]  # not "Moldovan police" of "Moldovan police officers"
