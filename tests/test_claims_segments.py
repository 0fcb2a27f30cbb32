"""Where one claim ends and the next begins, on documents written for these tests
(tests/data/segment_corpus) with speakers, bodies and places found in no seed, dev or holdout document:
coordinated complement clauses, phrases stopped with a full stop, datelines, hard-wrapped plain text."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file
from tipgraph.corpus.readers import unwrap_lines
from tipgraph.extract.claims.segmentation import DATELINE, DATELINE_ALONE

CORPUS = Path(__file__).parent / "data" / "segment_corpus"


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_complements_under_one_governing_force_are_one_claim(claims):
    doc = "statement_coordinated_clauses.txt"
    # "It is essential that A, and that B": one appeal, B governed by the same words
    appeal = claim(claims, doc, "It is essential that survivors")
    assert "and that the courts hear them" in appeal.span.text
    assert appeal.cls == "CallToAction"
    # "The report makes it plain that A, and that B": one assertion
    assert "and that the debt then binds" in claim(claims, doc, "recruitment fees trap workers").span.text


def test_complements_that_say_different_kinds_of_thing_stay_two_claims(claims):
    doc = "statement_coordinated_clauses.txt"
    pledge = claim(claims, doc, "Poland remains committed to funding shelters")
    assert pledge.cls == "Commitment"
    finding = claim(claims, doc, "shelters run by survivors reach victims")
    assert finding is not pledge and "remains committed" not in finding.span.text


def test_a_phrase_stopped_with_a_full_stop_is_no_claim(claims):
    texts = [c.span.text for c in claims["statement_coordinated_clauses.txt"]]
    assert not any(t.startswith("With its clear focus") for t in texts), texts
    assert any(t.startswith("Our national action plan was adopted") for t in texts)


def test_a_dateline_with_the_agency_for_the_year_opens_no_claim(claims):
    lede = "Kumasi, June 12, GNA- The Regional Labour Department has begun"
    assert lede[DATELINE.match(lede).end():].startswith("The Regional")
    assert DATELINE_ALONE.fullmatch("Kumasi, June 12, GNA-") and not DATELINE_ALONE.fullmatch("Kumasi said, June 12")
    texts = [c.span.text for c in claims["news_dateline_agency.txt"]]
    assert texts[0].startswith("The Regional Labour Department has begun"), texts
    assert not any("GNA" in t for t in texts), texts
    assert len(texts) == 3


def test_a_dateline_whose_place_the_parser_cut_off_is_left_out(claims):
    first = claims["release_hard_wrapped.txt"][0].span.text
    assert first.startswith("The referral of victims"), first


def test_hard_wrapped_paragraphs_are_read_as_whole_sentences(claims):
    texts = [c.span.text for c in claims["release_hard_wrapped.txt"]]
    assert len(texts) == 3, texts
    assert any("has become faster due to joint protocols agreed by the three governments" in " ".join(t.split())
               for t in texts), texts
    assert any(t.startswith("While official figures") and t.rstrip().endswith("those who are not.") for t in texts)


def test_unwrapping_keeps_titles_lists_and_lengths():
    wrapped = ("Title of the Release\nSubtitle line\n\n"
               "The assistance offered to victims of trafficking identified in\n"
               "the region has improved thanks to greater commitment on the part\n"
               "of the governments and to cooperation with NGOs, says the report.\n\n"
               "- first item of a list that runs long enough to look wrapped\n"
               "- second item of a list that runs long enough to look wrapped\n"
               "- third item of a list that runs long enough to look wrapped.\n")
    unwrapped = unwrap_lines(wrapped)
    assert len(unwrapped) == len(wrapped)
    assert unwrapped.startswith("Title of the Release\nSubtitle line\n\n")
    assert "identified in the region has improved" in unwrapped and "part of the governments" in unwrapped
    assert "wrapped\n- second" in unwrapped
    # one sentence broken where no sentence ends, ended on the next line
    assert unwrap_lines("Norway supports the victim-centred,\nrights-based approach.\n") == \
        "Norway supports the victim-centred, rights-based approach.\n"
    assert unwrap_lines("Delivered by Anna Berg, Deputy Representative\nof Norway to the OSCE\n") == \
        "Delivered by Anna Berg, Deputy Representative\nof Norway to the OSCE\n"


def test_what_a_speech_says_about_itself_is_no_claim(claims):
    texts = [c.span.text for c in claims["speech_about_itself.txt"]]
    assert not any(t.startswith(("In my opening remarks", "That is my message", "I beg to move", "This content was"))
                   for t in texts), texts
    assert any(t.startswith("The resolution recognises for the first time") for t in texts), texts
    # a message that is spelt out after a colon is a claim
    assert any("no worker may be held by debt" in t for t in texts), texts
