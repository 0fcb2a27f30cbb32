"""Hard-wrapped paragraphs (plain-text releases, text taken from PDFs): a line end inside such a
paragraph is where the line was full, so it must not end a sentence, while the line ends of a
headline, a byline or an address block still do (tests/data/wrapped_corpus, invented names)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file
from tipgraph.nlp import parse_text, wrapped_line_ends

CORPUS = Path(__file__).parent / "data" / "wrapped_corpus"
RELEASE = CORPUS / "release_hard_wrapped.txt"


def test_only_the_line_ends_inside_wrapped_paragraphs_are_soft():
    text = RELEASE.read_text(encoding="utf-8")
    soft = wrapped_line_ends(text)
    lines_before = {text[:offset].rsplit("\n", 1)[-1] for offset in soft}
    assert any(line.endswith("identified as victims") for line in lines_before)
    assert any(line.endswith("at sea and not only in port, and") for line in lines_before)
    # the headline, the two-line opening of the address block and its lines stay hard
    for hard in ("New Study Finds Forced Labour Rising in Coastal Fisheries", "Northern Seas Labour Observatory",
                 "Harbour Street 12, Alderhaven"):
        assert hard not in lines_before


def test_a_block_of_title_case_header_lines_is_not_wrapped_prose():
    header = ("Statement by Ambassador Teodor Vasquez Lindqvist\n"
              "Permanent Representative of Estvania to the OSCE\n"
              "At the Meeting of the Permanent Council on Labour\n"
              "Vienna, 12 June 2025\n\nMr Chairperson,\n")
    assert wrapped_line_ends(header) == set()


def test_sentences_run_across_the_line_ends_of_a_wrapped_paragraph():
    doc = parse_text(RELEASE.read_text(encoding="utf-8"))
    sentences = [s.text.strip() for s in doc.sents]
    assert any(s.startswith("The study, which was funded") and s.endswith("could\nnot repay.") for s in sentences), \
        sentences
    assert "Northern Seas Labour Observatory" in sentences  # the address block keeps its lines


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_claims_of_a_wrapped_release_are_whole_sentences_with_their_speaker(claims):
    doc = RELEASE.name
    figure = claim(claims, doc, "has risen\nby 40 per cent")
    assert figure.cls == "Statistic", (figure.cls, figure.class_rule)
    call = claim(claims, doc, "Governments must inspect the vessels at sea")
    assert call.cls == "CallToAction", (call.cls, call.class_rule)
    assert call.claimant == "Person:Maren Holtvedt", (call.claimant, call.claimant_rule)
    # no claim starts where a line of a wrapped paragraph happened to end
    line_starts = {offset + 1 for offset in wrapped_line_ends(RELEASE.read_text(encoding="utf-8"))}
    assert not [c.span.text for c in claims[doc] if c.span.start in line_starts]
