"""Attribution and classification rules drawn from the errors of a set of real documents the code had not seen
(holdout7), tested on documents written for these tests (tests/data/unseen7_corpus) with other speakers,
bodies and countries, through the real pipeline. The sidecar fixes each document's genre and speaker, so the
rules are tested apart from metadata detection."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file

CORPUS = Path(__file__).parent / "data" / "unseen7_corpus"


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_a_speaker_who_cites_a_report_keeps_the_figures(claims):
    # "According to the report of the High Commissioner ..., 31.5 million": the speaker's argument, citing the report
    c = claim(claims, "speech_cites_report.txt", "31.5 million people newly uprooted")
    assert c.cls == "Statistic"
    assert c.claimant == "Person:Tomas Ekberg", (c.claimant, c.claimant_rule)
    assert c.claimant_rule == "speaker-cites-figures"
    assert c.cites_source == "Person:High Commissioner on Displacement"


def test_a_release_passes_cited_figures_on_as_their_sources(claims):
    for words in ("4,200 migrant workers", "Almost 60 percent of them"):
        c = claim(claims, "release_cites_report.txt", words)
        assert c.claimant == "Organization:Regional Migration Observatory", (words, c.claimant, c.claimant_rule)
    # the release's own sentences stay the issuing body's
    own = claim(claims, "release_cites_report.txt", "will open two new regional offices").claimant
    assert own.startswith("GovernmentBody:") and "Inspectorate" in own, own
