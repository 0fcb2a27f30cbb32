"""Whom a claim inside a document belongs to when the text names its source only by a pronoun, a title,
or "the <noun>" (tests/data/coreference_corpus, written for these tests with speakers, bodies and
countries found in no seed, dev or holdout document)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file

CORPUS = Path(__file__).parent / "data" / "coreference_corpus"


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_she_in_a_speech_is_the_guest_the_speaker_named_before(claims):
    quoted = claim(claims, "speech_quoting_guests.txt", "I really hope that the inspectors")
    assert quoted.claimant == "Person:Leila Haddad", (quoted.claimant, quoted.claimant_evidence)
    assert quoted.claimant_rule == "pronoun"
    # the speaker's own appeal stays the speaker's
    assert claim(claims, "speech_quoting_guests.txt", "We must give inspectors").claimant == "Person:Henrik Solberg"


def test_a_person_who_comments_that_in_a_speech_makes_the_claim(claims):
    noted = claim(claims, "speech_quoting_guests.txt", "recruiters charge workers fees")
    assert noted.claimant == "Person:Tomas Berg", (noted.claimant, noted.claimant_evidence)


def test_the_delegation_takes_up_the_delegation_named_before(claims):
    doc = "news_definite_bodies.txt"
    # the delegation named before is the Chilean delegation, a body of Chile's (the entity stage names a body by
    # its country's adjective); before that rule it was Chile itself; either speaks for Chile
    for words in ("Chile strongly supports the work", "We encourage all member states"):
        c = claim(claims, doc, words)
        assert c.claimant in {"govbody:CHL:Chilean delegation", "country:CHL"}, (words, c.claimant, c.claimant_evidence)


def test_a_title_takes_up_the_person_given_it_after_the_name(claims):
    c = claim(claims, "news_definite_bodies.txt", "the country had made real progress")
    assert c.claimant == "Person:Kofi Mensah", (c.claimant, c.claimant_evidence)
    assert c.claimant_rule == "title-coreference"


def test_according_to_the_police_takes_up_the_police_named_before(claims):
    c = claim(claims, "news_definite_bodies.txt", "around 12 criminal networks")
    assert c.claimant == "govbody:NOR:Police of Norway", (c.claimant, c.claimant_evidence)
    assert c.claimant_rule == "according-to"


def test_a_quotation_carried_into_the_next_paragraph_is_the_speakers_who_closes_it(claims):
    doc = "release_quote_over_paragraphs.txt"
    for words in ("Every county must have a shelter", "The police cannot be the only ones", "We will publish a guide"):
        c = claim(claims, doc, words)
        assert c.claimant == "Person:Kadri Tamm", (words, c.claimant, c.claimant_rule, c.claimant_evidence)
