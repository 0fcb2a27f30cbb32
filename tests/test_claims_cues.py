"""Words that look like cues of a claim class but are not, and a duty laid on another by a copula
(tests/data/segment_corpus/release_titles_and_duties.txt, written for these tests with names found in no
seed, dev or holdout document)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file

CORPUS = Path(__file__).parent / "data" / "segment_corpus"
DOC = "release_titles_and_duties.txt"


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_the_words_and_numbers_of_a_quoted_title_are_no_cue(claims):
    opened = claim(claims, DOC, "opened the regional forum")
    assert opened.cls == "Assertion", (opened.cls, opened.class_rule, opened.class_evidence)


def test_a_suspect_accused_of_a_crime_is_no_criticism_and_no_speaker(claims):
    detained = claim(claims, DOC, "accused of recruiting the workers")
    assert detained.cls == "Assertion", (detained.cls, detained.class_rule, detained.class_evidence)
    assert detained.claimant_rule != "body-coreference", detained.claimant_evidence


def test_the_responsibility_of_another_is_a_call(claims):
    for words in ("It is the responsibility of the government to inspect", "The responsibility of the labour inspectorate"):
        c = claim(claims, DOC, words)
        assert c.cls == "CallToAction" and c.class_rule == "necessity", (words, c.cls, c.class_rule)


def test_the_number_of_an_act_counts_nothing(claims):
    assert claim(claims, DOC, "2012 Act 415 to protect workers").cls == "Assertion"


def test_an_actor_avowing_its_own_resolve_pledges(claims):
    c = claim(claims, DOC, "restated its determination to close the gaps")
    assert c.cls == "Commitment" and c.class_rule == "pledge", (c.cls, c.class_rule, c.class_evidence)


def test_a_priority_named_for_a_body_is_its_pledge(claims):
    c = claim(claims, DOC, "remains an ILO priority")
    assert c.cls == "Commitment" and c.class_rule == "pledge", (c.cls, c.class_rule, c.class_evidence)
