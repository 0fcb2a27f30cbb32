"""Attribution and claim classes on documents written for these tests (tests/data/unseen_claims_corpus), with
speakers, bodies and countries found in no seed, dev or holdout document: how far a cited source reaches, whose
voice a "Statement by ..." heading gives the section under it, and words that describe the crime rather than
blame anyone."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file

CORPUS = Path(__file__).parent / "data" / "unseen_claims_corpus"


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_a_citation_covers_its_sentence_and_the_figures_after_it_not_the_speakers_own_reading(claims):
    doc = "statement_cited_figures.txt"
    # a statement makes the figures it cites its own argument: the speaker's claim, citing the ILO
    cited = claim(claims, doc, "some 27 million people")
    assert (cited.claimant, cited.cites_source) == ("Person:Karin Holmqvist", "org:ILO"), (cited.claimant, cited.cites_source)
    # the speaker's own reading after the cited figure, and the figures after it, are the speaker's again
    for words in ("Migrant workers in informal jobs", "Almost two thirds of them", "Many of them end up in debt bondage",
                  "Every year thousands of workers"):
        c = claim(claims, doc, words)
        assert c.claimant == "Person:Karin Holmqvist", (words, c.claimant, c.claimant_rule)
    cited = claim(claims, doc, "40 percent of the victims")
    assert (cited.claimant, cited.cites_source) == ("Person:Karin Holmqvist", "org:Europol"), (cited.claimant, cited.cites_source)


def test_a_statement_heading_gives_the_voice_of_the_quoted_statement_under_it(claims):
    doc = "pr_two_statements.txt"
    for words in ("more than 300 000 workers", "Most of them are migrants", "is a turning point", "I therefore urge"):
        c = claim(claims, doc, words)
        assert c.claimant == "Person:Halvard Rasmussen", (words, c.claimant, c.claimant_rule)
    for words in ("Forced labour hides in supply chains", "Our parliaments will hold hearings", "We count on employers"):
        c = claim(claims, doc, words)
        assert c.claimant == "Person:Ilse Vandermeulen", (words, c.claimant, c.claimant_rule)
    # the headings themselves are no claims
    assert not [c for c in claims[doc] if c.span.text.startswith("Statement by")]


@pytest.mark.parametrize("words", [
    "two hundred and fifty years ago",  # a span of time in number words
    "More than 15 years have passed",  # a span of time that passed
    "Unfortunately, this crime still reaches",  # regret at a fact blames no one
    "constitutes a flagrant violation",  # what the crime is, told
    "new forms of this appalling crime",
    "It is about one person owning another",  # "one" as the indefinite counts nothing
    "the delegates discussed the deteriorating situation",  # topics of a meeting
    "The seminar addressed the need",
    "The round table focused on shelters",  # through the infinitive on the noun ("ways ... to close the gaps")
    "The hearing highlighted opportunities for the labour ministry",  # through an infinitive of purpose
    "this does not mean we should slow down",  # a duty denied
    "noted the joint work of our two offices",  # work the speaker shares in is no praise of another
])
def test_sentences_that_only_tell_are_assertions(claims, words):
    c = claim(claims, "speech_kinds_of_sentence.txt", words)
    assert c.cls == "Assertion", (c.cls, c.class_rule, c.class_evidence)


def test_credit_to_an_instrument_the_one_way_and_a_joint_decision(claims):
    doc = "speech_kinds_of_sentence.txt"
    assert claim(claims, doc, "thanks to the Convention").cls == "Endorsement"
    only = claim(claims, doc, "Only the cooperation of all neighbouring states")
    assert only.cls == "CallToAction" and only.class_rule == "necessity"
    agreed = claim(claims, doc, "the two sides agreed to continue")
    assert agreed.cls == "Commitment" and agreed.class_rule == "pledge"


def test_resolve_under_a_framing_clause_and_counted_searches(claims):
    doc = "speech_kinds_of_sentence.txt"
    resolved = claim(claims, doc, "we are resolved to help")
    assert resolved.cls == "Commitment", (resolved.cls, resolved.class_rule, resolved.class_evidence)
    assert claim(claims, doc, "Four houses were searched").cls == "Statistic"


def test_a_speaker_known_only_by_an_office_gives_way_to_a_named_heading_or_the_body_represented(claims):
    # metadata took an office for the speaker (a salutation line, an office without its name)
    office = claim(claims, "speech_office_only.txt", "Seasonal workers pick most of the fruit")
    assert office.claimant is not None and "Nordic-Farmers-Federation" in office.claimant.replace(" ", "-"), \
        (office.claimant, office.claimant_rule)
    assert office.claimant_rule == "represented-body"
    named = claim(claims, "speech_name_under_title.txt", "Recruitment fees push thousands")
    assert named.claimant == "Person:Dorottya Kertesz-Vanel", (named.claimant, named.claimant_rule)


def test_a_byline_that_runs_on_into_the_story_does_not_hide_its_sentences(claims):
    # "By X CITY (Agency) - ..." and the whole story on one line: the line is no header, its sentences are claims
    doc = "news_byline_run_on.txt"
    for words in ("were found guilty of human trafficking", "Nine women were freed during raids",
                  "Norway has tightened its rules"):
        c = claim(claims, doc, words)
        assert c.claimant == "Person:Ilona Marsh", (words, c.claimant, c.claimant_rule)


def test_an_unattributed_lede_is_told_by_the_official_the_story_quotes_next(claims):
    # no byline; the office of the one who speaks next is given where the story first names him, not where he speaks
    doc = "news_lede_official_named_later.txt"
    for words in ("Labour inspectors from Norway, Iceland and Estonia agreed", "The Nordic-Baltic Labour Forum opened"):
        c = claim(claims, doc, words)
        assert c.claimant == "Person:Ola Brekkestad", (words, c.claimant, c.claimant_rule)
        assert c.claimant_rule in {"delayed-source", "continuation"}


def test_what_the_speakers_side_will_hold_is_announced_a_reporters_forecast_is_not(claims):
    held = claim(claims, "pr_two_statements.txt", "will be held in all member countries")
    assert held.cls == "Commitment", (held.cls, held.class_rule, held.class_evidence)
    assert claim(claims, "news_byline_run_on.txt", "An appeal hearing will be held").cls == "Assertion"


def test_an_appeal_dated_in_the_past_is_history_told(claims):
    doc = "speech_office_only.txt"
    past = claim(claims, doc, "urged, as early as 2009")
    assert past.cls == "Assertion", (past.cls, past.class_rule, past.class_evidence)
    assert claim(claims, doc, "Today we call on all governments").cls == "CallToAction"


def test_work_of_others_recognised_is_praise(claims):
    assert claim(claims, "speech_kinds_of_sentence.txt", "acknowledged the work of the labour inspectors").cls == "Endorsement"
