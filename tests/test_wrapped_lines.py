"""Hard-wrapped paragraphs (plain-text releases, wire copy, text kept from old pages): a line end inside such a
paragraph is where the line was full, so it must not end a sentence, while the line ends of a headline, a byline
or an address block still do (`corpus.readers.unwrap_lines`; tests/data/wrapped_corpus, invented names)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file
from tipgraph.corpus import read_corpus
from tipgraph.corpus.readers import unwrap_lines
from tipgraph.nlp import parse_text

CORPUS = Path(__file__).parent / "data" / "wrapped_corpus"
RELEASE = CORPUS / "release_hard_wrapped.txt"


def read_release() -> str:
    return read_corpus(CORPUS).documents[0].text


def test_only_the_line_ends_inside_wrapped_paragraphs_become_spaces():
    raw = RELEASE.read_text(encoding="utf-8")
    text = read_release()
    assert len(text) == len(raw)  # every offset keeps its place
    assert "identified as victims of forced labour" in text
    assert "not only in port, and they should close" in text
    # the headline and the address block keep their lines
    assert "New Study Finds Forced Labour Rising in Coastal Fisheries\n" in text
    assert "Northern Seas Labour Observatory\nHarbour Street 12, Alderhaven\nPress Office" in text


def test_a_block_of_title_case_header_lines_is_not_wrapped_prose():
    header = ("Statement by Ambassador Teodor Vasquez Lindqvist\n"
              "Permanent Representative of Estvania to the OSCE\n"
              "At the Meeting of the Permanent Council on Labour\n"
              "Vienna, 12 June 2025\n\nMr Chairperson,\n")
    assert unwrap_lines(header) == header


def test_sentences_run_across_the_line_ends_of_a_wrapped_paragraph():
    doc = parse_text(read_release())
    sentences = [s.text.strip() for s in doc.sents]
    assert any(s.startswith("The study, which was funded") and s.endswith("could not repay.") for s in sentences), \
        sentences
    assert "Northern Seas Labour Observatory" in sentences  # the address block keeps its lines


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_claims_of_a_wrapped_release_are_whole_sentences_with_their_speaker(claims):
    doc = RELEASE.name
    figure = claim(claims, doc, "has risen by 40 per cent")
    assert figure.cls == "Statistic", (figure.cls, figure.class_rule)
    call = claim(claims, doc, "Governments must inspect the vessels at sea")
    assert call.cls == "CallToAction", (call.cls, call.class_rule)
    assert call.claimant == "Person:Maren Holtvedt", (call.claimant, call.claimant_rule)
    # no claim starts where a line of the raw file happened to end inside a paragraph
    raw = RELEASE.read_text(encoding="utf-8")
    soft_starts = {i + 1 for i, (a, b) in enumerate(zip(raw, read_release())) if a == "\n" and b == " "}
    assert soft_starts
    assert not [c.span.text for c in claims[doc] if c.span.start in soft_starts]
