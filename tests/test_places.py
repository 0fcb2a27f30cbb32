"""Places the gazetteer does not know, and numbered instruments, read from the way English and news stories name them
(tests/data/places_corpus, written for these tests): the noun of a province or a town, "-based",
the age-and-home apposition of a news story, and a dateline's town in capitals."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import extractions_by_stem, mention_names as names

CORPUS = Path(__file__).parent / "data" / "places_corpus"


@pytest.fixture(scope="module")
def extractions():
    return extractions_by_stem(CORPUS)


def test_a_name_after_the_noun_of_a_province_is_a_region_wherever_it_stands(extractions):
    story = extractions["provincial_news"]
    assert "Ak Zhol" in names(story, "Region")  # "the northern Kazakh province of Ak Zhol", "Ak Zhol's", "44, of Ak Zhol"
    assert "Ak Zhol" not in names(story, "Person", "Organization", "GovernmentBody")
    assert "Zhanatas" in names(story, "Region", "Place")  # "in Zhanatas district", "in Zhanatas city"
    # a people's adjective before the noun names no place
    assert not {n for n in names(story, "Place", "Region") if n.startswith("Kazakh")}


def test_the_home_in_an_age_apposition_is_a_place(extractions):
    story = extractions["provincial_news"]
    assert "Ust Bulak" in names(story, "Place")  # "Aigerim Temirova, 38, of Ust Bulak"; "in Ust Bulak and elsewhere"
    assert "Ust Bulak" not in names(story, "Person")
    assert {"Serik Dauletov", "Aigerim Temirova"} <= names(story, "Person")


def test_a_dateline_town_in_capitals_before_the_day(extractions):
    story = extractions["provincial_news"]
    assert "Kostanai" in names(story, "Place")  # "KOSTANAI, April 12:", unknown to the gazetteer


def test_an_instrument_keeps_the_number_of_its_series(extractions):
    debate = names(extractions["council_debate"], "Instrument")
    assert {"ILO Convention 182 on the Worst Forms of Child Labour", "Convention No. 138"} <= debate
    assert "ILO Convention" not in debate


def test_numbered_resolutions_in_lower_case_are_instruments_each(extractions):
    debate = names(extractions["council_debate"], "Instrument")
    assert {"resolution 2427", "resolution 1612", "resolution 2225"} <= debate  # "resolutions 1612 (2005) and 2225 (2015)"


def test_a_police_force_named_by_its_place_in_lower_case_is_a_body(extractions):
    story = extractions["provincial_news"]
    assert {"Ust Bulak police", "Karatau state police"} <= names(story, "GovernmentBody")
    assert "Karatau" in names(story, "Region")  # "of Karatau state police": a name before the noun of a state
    assert "Ust Bulak" in names(story, "Place")


def test_the_body_a_province_owns_sits_there_and_employs_its_head(extractions):
    from conftest import relation_facts as facts

    story = facts(extractions["provincial_news"])
    assert ("Region:Ak Zhol", "locatedIn", "country:KAZ") in story  # "the northern Kazakh province of Ak Zhol"
    # "Nurlan Abenov, head of Ak Zhol's Department of Criminal Investigations"
    assert ("govbody:KAZ:Department of Criminal Investigations", "locatedIn", "Region:Ak Zhol") in story
    assert ("Person:Nurlan Abenov", "affiliatedWith", "govbody:KAZ:Department of Criminal Investigations") in story


def test_a_country_name_closing_a_name_with_a_middle_initial_is_a_surname(extractions):
    release = extractions["grant_release"]
    assert "Maria T. Jordan" in names(release, "Person")
    assert "Jordan" not in names(release, "Country")


def test_a_country_code_before_a_currency_sign_is_no_country(extractions):
    release = extractions["grant_release"]
    assert not {"United States", "US"} & names(release, "Country", "Place")  # "US $12 million"
    assert {"Canada", "Mexico"} <= names(release, "Country")


def test_a_persons_name_with_and_without_its_accents_is_one_person():
    from tipgraph.model import SourceDocument
    from tipgraph.pipeline import extract_document
    from tipgraph.resolve import resolve
    from tipgraph.vocab import load_vocabulary

    path = CORPUS / "accented_remarks.txt"
    extraction = extract_document(SourceDocument(doc_id=path.stem, source_file=path.name, text=path.read_text(encoding="utf-8")))
    assert {"José Ramírez", "Jose Ramirez"} <= names(extraction, "Person")
    people = [e for e in resolve([extraction], load_vocabulary()).entities.values() if e.cls == "Person"]
    assert len([e for e in people if "Ram" in e.label]) == 1


def test_a_town_lies_in_the_place_named_right_after_it(extractions):
    from conftest import relation_facts as facts

    release = facts(extractions["training_release"])
    assert ("Place:Bitola", "locatedIn", "Place:Pelagonia") in release  # "in Bitola in Pelagonia"
    assert ("Place:Rotterdam", "locatedIn", "country:NLD") in release  # "Rotterdam, the Netherlands"
    assert ("Place:Tamchy", "locatedIn", "country:KGZ") in release  # "Tamchy city of Kyrgyzstan"


def test_an_officer_named_after_the_possessive_of_a_force_and_a_police_rank_serves_it(extractions):
    from conftest import relation_facts as facts

    story = facts(extractions["rescue_story"])
    # "District Police Office Kavre’s Senior Superintendent Hari Bahadur Thapa"
    assert ("Person:Hari Bahadur Thapa", "affiliatedWith", "GovernmentBody:District Police Office") in story


def test_head_of_the_noun_of_a_body_named_before_is_affiliated_with_it(extractions):
    from conftest import relation_facts as facts

    story = facts(extractions["rescue_story"])
    # "Sita Gurung, head of the committee and ...": the National Committee named before
    assert ("Person:Sita Gurung", "affiliatedWith", "Organization:National Committee for Controlling Human Trafficking") in story


def test_one_who_serves_a_states_mission_serves_the_state(extractions):
    from conftest import relation_facts as facts

    statement = facts(extractions["mission_statement"])
    assert ("Person:Lena Berg", "affiliatedWith", "mission:SWE:OSCE") in statement
    assert ("Person:Lena Berg", "affiliatedWith", "country:SWE") in statement


def test_a_name_before_the_body_it_serves_and_a_verb_of_speaking_is_a_person():
    """The entity stage alone (the header reader may also take the name for the speaker's)."""
    from tipgraph.extract.entities import extract_entities
    from tipgraph.model import SourceDocument
    from tipgraph.nlp import parse_text
    from tipgraph.vocab import load_vocabulary

    text = (CORPUS / "joint_statement.txt").read_text(encoding="utf-8")
    mentions = extract_entities(SourceDocument(doc_id="joint_statement", source_file="joint_statement.txt", text=text),
                                parse_text(text), load_vocabulary())
    # "Murat Kılıç Peña, Permanent Mission of Canada to the OSCE, delivers a joint statement"
    assert "Murat Kılıç Peña" in {mm.name for mm in mentions if mm.cls == "Person"}
    assert "Murat Kılıç Peña" not in {mm.name for mm in mentions if mm.cls != "Person"}
