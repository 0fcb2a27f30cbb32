"""Who makes each claim, and to whom: documents written for these tests (tests/data/attribution_corpus),
with other speakers, bodies, outlets and countries than the seed and dev sets, run through the real
pipeline (spaCy parse, entity pass, metadata). The sidecar fixes each document's genre, so the rules of
attribution are tested apart from genre detection."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file

CORPUS = Path(__file__).parent / "data" / "attribution_corpus"


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_press_release_follows_the_quoted_officials(claims):
    doc = "pr_two_officials.txt"
    # '“A. B,” said X.': the attribution after the quotation covers its first sentence too
    first = claim(claims, doc, "Every child who is trafficked")
    assert first.claimant == "Person:Marcus Oyelaran"
    assert first.claimant_rule == "quotation" and "said" in first.claimant_evidence
    # a second quotation with no attribution of its own goes on in the same voice
    assert claim(claims, doc, "We will keep investing").claimant == "Person:Marcus Oyelaran"
    # '“...,” Oyelaran added.' after another official spoke: the surname names him again
    assert claim(claims, doc, "Referral must happen").claimant == "Person:Marcus Oyelaran"
    assert claim(claims, doc, "Delays put children").claimant == "Person:Marcus Oyelaran"
    # 'according to the Ministry's Head of Research, Kwabena Asante': the apposed person
    according = claim(claims, doc, "1,204 children")
    assert according.claimant == "Person:Kwabena Asante" and according.claimant_rule == "according-to"
    # the release's own narrative is the issuing body's
    for words in ("supported a three-day training", "The training was funded"):
        own = claim(claims, doc, words)
        assert own.claimant == "org:UNICEF" and own.claimant_rule == "document-publisher", words


def test_unnamed_speakers_and_a_countrys_representative(claims):
    doc = "meeting_coverage.txt"
    for words in ("called for binding rules", "Many welcomed", "Some warned"):
        c = claim(claims, doc, words)
        assert c.claimant == "org:UN-Human-Rights-Council" and c.claimant_rule == "unnamed-speakers", words
    assert claim(claims, doc, "temporary visa schemes").claimant == "country:CHL"
    # "He cautioned": the representative who spoke for Chile
    for words in ("He cautioned", "He rejected"):
        c = claim(claims, doc, words)
        assert c.claimant == "country:CHL" and c.claimant_rule == "pronoun", words
        assert "He" in c.claimant_evidence


def test_news_sources_quotations_and_anaphora(claims):
    doc = "news_quotes.txt"
    quoted = claim(claims, doc, "housed in containers")
    assert quoted.claimant == "Person:Rui Carvalho" and quoted.claimant_rule == "quotation"
    he = claim(claims, doc, "confiscated the workers")
    assert he.claimant == "Person:Rui Carvalho" and he.claimant_rule == "pronoun"
    ministry = claim(claims, doc, "63 victims")
    assert ministry.claimant == "govbody:PRT:Ministry of Internal Administration"
    cited = claim(claims, doc, "the cited source states")
    assert cited.claimant == ministry.claimant and cited.claimant_rule == "source-anaphor"
    # "X, director of ..., said:" and a quotation over two paragraphs, each reopened with “
    for words in ("promised contracts", "Nobody checked", "Portugal must inspect"):
        c = claim(claims, doc, words)
        assert c.claimant == "Person:Sofia Marques" and c.claimant_rule == "quotation", words
    # '..., added police spokeswoman Helena Duarte.'
    assert claim(claims, doc, "four years").claimant == "Person:Helena Duarte"


def test_statement_speaker_and_quoted_author(claims):
    doc = "statement_on_behalf.txt"
    own = claim(claims, doc, "remains alarmingly under-reported")
    assert own.claimant == "Person:Ingrid Solberg" and own.claimant_rule == "document-speaker"
    # 'As Nelson Mandela wrote, "A. B."': both sentences of the quotation are his
    assert claim(claims, doc, "Overcoming poverty").claimant == "Person:Nelson Mandela"
    assert claim(claims, doc, "act of justice").claimant == "Person:Nelson Mandela"


def test_report_summary_voice(claims):
    doc = "report_summary.txt"
    assert claim(claims, doc, "GRETA urges").claimant == "org:GRETA"
    assert claim(claims, doc, "welcomes the steps").claimant == "org:GRETA"
    another = claim(claims, doc, "Another recommendation")
    # the last source named, or the publisher itself when metadata names GRETA as publisher
    assert another.claimant == "org:GRETA" and another.claimant_rule in {"source-anaphor", "document-publisher"}


def test_every_claim_says_why(claims):
    for document, found in claims.items():
        for c in found:
            assert c.claimant_rule and c.claimant_evidence, (document, c.span.text)


def test_addressees(claims):
    statement = "statement_on_behalf.txt"
    # the person apposed to the office thanked, then "her"
    assert claim(claims, statement, "thank the Special Representative").addressees == ["Person:Valiant Richey"]
    assert claim(claims, statement, "thank her").addressees == ["Person:Valiant Richey"]
    # "the Kazakh authorities": the state, though "Kazakh" also names a people
    assert claim(claims, statement, "We urge the Kazakh authorities").addressees == ["country:KAZ"]
    report = "report_summary.txt"
    assert claim(claims, report, "GRETA urges").addressees == ["gov:LTU"]
    assert claim(claims, report, "welcomes the steps").addressees in (["gov:LTU"], ["country:LTU"])
    assert claim(claims, "news_quotes.txt", "Portugal must inspect").addressees == ["country:PRT"]


def test_segmentation_keeps_claims_and_drops_form(claims):
    doc = "speech_layout.txt"
    texts = [c.span.text for c in claims[doc]]
    # header lines, a heading question, a photo credit and a press contact are no claims
    for form in ("Address by Deputy Minister", "Warsaw | 5 May 2022", "Deputy Minister of Family and Social Policy",
                 "What can we do?", "(Photo:", "For further information", "In the words of"):
        assert not any(form in t for t in texts), form
    # a claim that ends by introducing a list is a claim; so is the list item
    assert claim(claims, doc, "We believe that a victim-centred approach").claimant == "Person:Tomasz Wierzbicki"
    assert claim(claims, doc, "victims are identified before")
    # the paragraph after "In the words of X:" is X's, quoted or not
    quoted = claim(claims, doc, "wound in the body of humanity")
    assert quoted.claimant == "Person:Stanisław Nowak" and quoted.claimant_rule == "introduced-by"
    assert claim(claims, doc, "double the number of labour inspectors").claimant == "Person:Tomasz Wierzbicki"


def test_titles_and_pronouns_take_up_the_person_named(claims):
    doc = "news_titles.txt"
    assert claim(claims, doc, "will open two shelters").claimant == "Person:Ana Kovač"
    minister = claim(claims, doc, "would each house 12 children")
    assert minister.claimant == "Person:Ana Kovač" and minister.claimant_rule == "title-coreference"
    assert claim(claims, doc, "on call around the clock").claimant == "Person:Ana Kovač"
    ambassador = claim(claims, doc, "Norway would fund training")
    assert ambassador.claimant == "Person:Lars Eriksen" and ambassador.claimant_rule == "title-coreference"
    # unnamed speakers with no body to speak for, and the reporter's own sentences, stay the author's
    for words in ("Opposition deputies said", "2.4 million euros"):
        assert claim(claims, doc, words).claimant == "Person:Marko Babić", words


def test_quotation_layouts_of_a_release(claims):
    doc = "pr_quote_layouts.txt"
    # a quotation over two paragraphs, attributed only after it closes
    for words in ("most isolated workers", "passports are too often confiscated"):
        c = claim(claims, doc, words)
        assert c.claimant == "Person:Leila Haddad" and c.claimant_rule == "quotation", words
    # '“A,” Haddad said, “B.”': the attribution inside the quotation
    assert claim(claims, doc, "gives inspectors the right").claimant in {"Person:Haddad", "Person:Leila Haddad"}
    assert claim(claims, doc, "3,000 inspections").claimant == "Person:Yousef Nasser"
    told = claim(claims, doc, "We will not tolerate abuse")
    assert told.claimant == "Person:Yousef Nasser" and "he" in told.claimant_evidence
    for words in ("signed an agreement", "runs for three years"):
        assert claim(claims, doc, words).claimant == "org:IOM", words


def test_meetings_coverage_speakers_and_a_participle_after_said(claims):
    doc = "un_coverage.txt"
    lead = claim(claims, doc, "deprive traffickers of their business model")
    assert lead.claimant == "org:ECOSOC" and lead.claimant_rule == "unnamed-speakers"
    assert claim(claims, doc, "50 million people").claimant == "Person:Mariam Okonjo"
    assert claim(claims, doc, "Debt bondage, she continued").claimant == "Person:Mariam Okonjo"
    # '“...,” she said, urging employers to ...': "urging" is no inverted "said X"
    urging = claim(claims, doc, "workers arrive already in debt")
    assert urging.claimant == "Person:Mariam Okonjo" and urging.claimant_rule == "quotation"


def test_criticism_addresses_the_one_blamed(claims):
    blamed = claim(claims, "report_summary.txt", "The report criticises the Ministry")
    assert blamed.claimant == "org:GRETA" and blamed.claimant_rule in {"source-anaphor", "document-publisher"}
    assert blamed.addressees == ["govbody:LTU:Ministry of Social Security and Labour"]


def test_she_skips_the_man_who_spoke_last(claims):
    doc = "news_two_voices.txt"
    assert claim(claims, doc, "start in March").claimant == "Person:Doina Ceban"
    assert claim(claims, doc, "send 40 officers").claimant == "Person:Radu Ionescu"
    she = claim(claims, doc, "recruited online")
    assert she.claimant == "Person:Doina Ceban" and she.claimant_rule == "pronoun"


def test_the_government_is_the_focus_countrys_but_governments_are_nobody(claims):
    assert claim(claims, "statement_on_behalf.txt", "Governments must take").addressees == []


def test_statement_issued_by_a_body_or_on_behalf_of_a_state(claims):
    # "<Body> Statement on ...": with no speaker named, every "we" is the body's, not the meeting's host
    for words in ("warmly welcomes the report", "We are deeply concerned", "We call on all participating States"):
        assert claim(claims, "statement_body.txt", words).claimant == "org:African-Union", words
    # "On behalf of Georgia, I ...": the state speaks
    for words in ("I thank the Special Representative", "trained 300 labour inspectors"):
        c = claim(claims, "statement_on_behalf_of.txt", words)
        assert c.claimant == "country:GEO" and c.claimant_rule == "on-behalf-of", words


def test_datelines_are_not_part_of_claims(claims):
    first = claim(claims, "pr_two_officials.txt", "supported a three-day training")
    assert first.span.text.startswith("The United Nations Children")


def test_a_country_inside_a_persons_name(claims):
    doc = "news_prosecutors.txt"
    assert claim(claims, doc, "threatened with deportation").claimant == "Person:Patricia Jordan"
    assert claim(claims, doc, "not the traffickers").claimant == "Person:Patricia Jordan"
    assert claim(claims, doc, "announced the jailing").claimant == "org:UK-CPS"


def test_an_office_welcomed_is_the_person_named_in_it(claims):
    welcome = claim(claims, "statement_body.txt", "newly appointed OSCE Special Representative")
    assert welcome.addressees == ["Person:Lena Brandt"]


def test_institution_members_speak_for_the_body_named_with_that_noun(claims):
    doc = "news_prosecutors.txt"
    prosecutors = claim(claims, doc, "announced the jailing")
    assert prosecutors.claimant == "org:UK-CPS"
    # "Police found ...": the only police body the story names, though it is named later
    police = claim(claims, doc, "kept the workers' passports")
    assert police.claimant == "GovernmentBody:Greater Manchester Police" and police.claimant_rule == "body-coreference"
