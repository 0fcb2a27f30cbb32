"""Addressees on documents written for these tests (tests/data/addressee_corpus): who is urged,
thanked or criticised, read from the parse, with speakers, bodies and countries of no dev document."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS

from tipgraph.namespaces import TIP
from tipgraph.pipeline import build

CORPUS = Path(__file__).parent / "data" / "addressee_corpus"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("addressees")
    build(CORPUS, out, html=False, validate=False)
    return Graph().parse(out / "graph.ttl", format="turtle")


def claim_with(graph: Graph, words: str):
    hits = [c for c, text in graph.subject_objects(TIP.text) if words in str(text)]
    assert len(hits) == 1, f"{words!r}: {hits}"
    return hits[0]


def addressees(graph: Graph, words: str) -> set[str]:
    claim = claim_with(graph, words)
    return {str(graph.value(a, RDFS.label)) for a in graph.objects(claim, TIP.addressee)}


def test_the_owner_of_the_blamed_act_is_criticised(graph):
    # "X's crackdown ... has continued to undermine": "continue" here reports nothing
    assert addressees(graph, "crackdown on independent trade unions") == {"Belarus"}


def test_a_statement_does_not_criticise_its_own_country(graph):
    assert addressees(graph, "Too many victims of labour exploitation") == set()


def test_a_pronoun_subject_goes_back_to_the_body_named_before(graph):
    # "The Inspectorate is ... . Its inspectors are ... . However, they rarely ...": past "its", to the body
    assert addressees(graph, "they rarely receive any training") == {"State Labour Inspectorate"}


def test_the_countries_a_ranking_lists_are_criticised(graph):
    assert addressees(graph, "placed Eritrea, Chad and Nicaragua on its list") == {"Eritrea", "Chad", "Nicaragua"}
    assert addressees(graph, "Other countries downgraded to the lowest tier") == {"Belize", "Gabon", "Laos"}


def test_an_office_no_one_is_named_with_stands_for_its_holder(graph):
    office = "Special Envoy on Migrant Workers in the Gulf Region"
    assert addressees(graph, "Chile thanks the Council's Special Envoy") == {office}
    # "Thank you, Special Envoy, ...": addressed by the office; "your team" is the one addressed
    assert addressees(graph, "Thank you, Special Envoy, for visiting") == {office}
    assert addressees(graph, "We welcome your team's engagement") == {office}
    # another holder of the office is not the one addressed
    assert addressees(graph, "the former Special Envoy's advice") == set()


def test_an_office_held_by_a_named_person_is_that_person(graph):
    assert addressees(graph, "Peru warmly welcomes the Special Envoy") == {"Helga Lindqvist"}
    people = {str(graph.value(p, RDFS.label)) for p in graph.subjects(RDF.type, TIP.Person)}
    assert not any(label.startswith("Special Envoy") and "Gulf" not in label for label in people), people


def test_a_unit_is_addressed_not_the_body_its_name_begins_with(graph):
    assert addressees(graph, "Judge Ana Vukovic praised the OSCE Mission to Montenegro") == {"OSCE Mission to Montenegro"}


def test_the_owner_of_a_stressed_responsibility_is_urged(graph):
    assert addressees(graph, "stressed the responsibility of the Ministry of Justice") == {"Ministry of Justice"}


def test_a_passive_call_is_addressed_to_whoever_is_to_act(graph):
    # "should be continued within X", "must be enforced by X": the agent is urged
    assert addressees(graph, "should be continued within the Council of Europe") == {"Council of Europe"}


def test_a_reply_addresses_the_body_it_answers(graph):
    # "Response to GRETA's ... report": "you" is GRETA
    greta = "Group of Experts on Action against Trafficking in Human Beings"
    assert addressees(graph, "thanks you for hearing the evidence") == {greta}
    assert addressees(graph, "We urge you to press the authorities") == {greta}


def test_the_subject_of_what_the_speaker_hopes_for_is_urged(graph):
    # "We hope the Armenian government and civil society will agree ...": the government, not the country in its name
    assert addressees(graph, "We hope the Armenian government") == {"Government of Armenia"}


def test_an_appeal_that_speaks_to_you_is_aimed_at_the_one_addressed(graph):
    # "Mr. X, the work of your office is essential ...": no one else named, "your" is the rapporteur hailed
    assert addressees(graph, "the work of your office is essential") == {"Tomasz Wierzbicki"}


def test_a_supporter_of_an_office_praises_its_holder(graph):
    # "Finland is a strong supporter of the Rapporteur's approach": the noun of praise, like "supports"
    assert addressees(graph, "strong supporter of the Independent Rapporteur") == {"Tomasz Wierzbicki"}
