"""Attribution and claim classes on documents written for these tests (tests/data/generalise_corpus), with
speakers, bodies and countries found in no seed, dev or holdout document: rules of the language and the
genre that the parse must read (whose occasion a title names, which verbs stand before their subject,
what "look forward to" undertakes, duties laid on others, proportions, praise said of a thing)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claim, claims_by_file

CORPUS = Path(__file__).parent / "data" / "generalise_corpus"


@pytest.fixture(scope="module")
def claims() -> dict[str, list]:
    return claims_by_file(CORPUS)


def test_a_verb_of_stance_before_a_noun_phrase_takes_it_as_object(claims):
    doc = "pr_stance_before_object.txt"
    praised = claim(claims, doc, "praised today the Georgian Government")
    assert praised.claimant == "Person:Lucia Ferreira", praised.claimant_evidence
    assert praised.cls == "Endorsement"
    assert claim(claims, doc, "Shelters are the first safe place").claimant.endswith("Ferreira")


def test_a_body_named_in_the_occasion_of_a_title_does_not_speak(claims):
    # "Remarks of the High Commissioner at the ... Conference of the Council of Europe": the host of the
    # meeting is no speaker; the office the title names delivers the remarks (FORMAT.md accepts the
    # office holder), or failing that the agency of the dateline "(UNHCR Press Service)" issues them
    doc = "speech_office_title.txt"
    for words in ("I welcome the close cooperation", "grave abuse of their rights"):
        c = claim(claims, doc, words)
        assert c.claimant != "org:Council-of-Europe", words
        assert c.claimant is not None, words
        assert "High Commissioner" in c.claimant or "UNHCR" in c.claimant_evidence, (words, c.claimant, c.claimant_evidence)


def test_looking_forward_to_ones_own_work_undertakes_it(claims):
    doc = "statement_turns.txt"
    own = claim(claims, doc, "look forward to working closely")
    assert own.cls == "Commitment" and own.class_rule == "pledge"
    # what others are to do, looked forward to, is asked of them
    assert claim(claims, doc, "look forward to the swift adoption").cls == "CallToAction"


def test_duties_laid_on_others_are_calls_and_the_speakers_own_a_pledge(claims):
    doc = "statement_turns.txt"
    for words in ("It is now up to the governments", "carries the responsibility to check"):
        c = claim(claims, doc, words)
        assert c.cls == "CallToAction" and c.class_rule == "necessity", words
    assert claim(claims, doc, "Our responsibility is to ensure").cls == "Commitment"
    # the speaker's own duty is no call on others
    assert claim(claims, doc, "we carry the responsibility to support").cls != "CallToAction"


def test_a_proportion_is_a_figure(claims):
    c = claim(claims, "statement_turns.txt", "The majority of victims identified")
    assert c.cls == "Statistic"


def test_support_said_of_a_thing_is_no_praise(claims):
    doc = "statement_turns.txt"
    assert claim(claims, doc, "hotline further supports cooperation").cls == "Assertion"
    assert claim(claims, doc, "Sweden thanks the Coordinator").cls == "Endorsement"


def test_condemnation_as_the_predicate_criticises_and_inside_the_subject_does_not(claims):
    doc = "statement_turns.txt"
    assert claim(claims, doc, "exploitation of the most abhorrent kind").cls == "Criticism"
    assert claim(claims, doc, "Victims of this abhorrent trade come from").cls == "Assertion"


def test_a_noun_with_its_modifiers_is_no_reporting_verb(claims):
    # "including 12 EU member states": "states" counts members, it reports nothing
    c = claim(claims, "news_forum_wire.txt", "including 12 EU member states")
    assert c.claimant_rule == "document-author" and "Novak" in c.claimant, (c.claimant, c.claimant_evidence)


def test_an_apposed_speaker_and_praise_of_an_occasion(claims):
    c = claim(claims, "news_forum_wire.txt", "says the forum has been a success")
    assert c.claimant == "Person:Marko Zupan" and c.cls == "Endorsement"


def test_a_figure_in_a_restrictive_relative_clause_is_what_the_sentence_tells(claims):
    c = claim(claims, "statement_turns.txt", "a criminal trade that earns more than 4 billion euros")
    assert c.cls == "Statistic" and c.quantity == "4000000000"
    assert claim(claims, "statement_turns.txt", "a sector that employs more than 40,000").cls == "Statistic"


def test_harm_done_by_the_crime_itself_blames_no_one(claims):
    doc = "statement_turns.txt"
    assert claim(claims, doc, "Trafficking in domestic workers undermines").cls == "Assertion"
    assert claim(claims, doc, "Lengthy trials continue to undermine").cls == "Criticism"


def test_a_quality_credited_to_a_named_actor_is_praise(claims):
    c = claim(claims, "statement_turns.txt", "reflect the Council of Europe's leadership")
    assert c.cls == "Endorsement" and c.class_rule == "recognition"


def test_a_quantity_named_but_not_told_is_no_figure(claims):
    doc = "statement_turns.txt"
    assert claim(claims, doc, "gives figures on the number of victims").cls == "Assertion"
    assert claim(claims, doc, "The number of cases has fallen").cls == "Statistic"


def test_a_name_called_on_before_the_speakers_verb_does_not_speak(claims):
    for words in ("thank you for your comprehensive report", "Thank you for the clear briefing"):
        c = claim(claims, "statement_turns.txt", words)
        assert c.claimant == "Person:Tove Lindqvist", (words, c.claimant, c.claimant_rule, c.claimant_evidence)


def test_the_diplomatic_formula_of_speaking_praises_no_one(claims):
    assert claim(claims, "statement_turns.txt", "I have the honour to speak on behalf of").cls != "Endorsement"


def test_a_pledge_in_a_clause_of_time_stands(claims):
    assert claim(claims, "statement_turns.txt", "when my Government renews its commitment").cls == "Commitment"


def test_a_lede_told_by_unnamed_officials_or_no_one_is_the_next_named_sources(claims):
    # "..., officials said on Monday." then '"...," Ion Rusu, head of the unit, told reporters': news names
    # the source of its lede in the paragraphs after it
    lede = claim(claims, "news_lede_police.txt", "have detained nine people")
    assert lede.claimant == "Person:Ion Rusu" and lede.claimant_rule == "delayed-source"
    # a story with no byline whose lede says who found what, but not who tells it
    lede = claim(claims, "news_lede_unattributed.txt", "Labour inspectors found 30 workers")
    assert lede.claimant == "Person:Martina Kováčová" and lede.claimant_rule == "delayed-source"


def test_a_lede_with_its_own_named_source_keeps_it(claims):
    c = claim(claims, "news_forum_wire.txt", "says the forum has been a success")
    assert c.claimant_rule == "reporting-verb"
    assert claim(claims, "pr_stance_before_object.txt", "praised today").claimant_rule != "delayed-source"


def test_sending_home_people_criticises_and_sending_home_money_does_not(claims):
    doc = "statement_turns.txt"
    assert claim(claims, doc, "the chance of sending home part of what she earned").cls == "Assertion"
    assert claim(claims, doc, "were sending home dozens of victims").cls == "Criticism"


def test_an_obligation_of_every_member_is_no_pledge(claims):
    doc = "statement_turns.txt"
    assert claim(claims, doc, "all member states of the Forum are committed").cls == "Assertion"
    assert claim(claims, doc, "Sweden is fully committed to protecting them").cls == "Commitment"


def test_a_witness_quoted_after_the_lede_did_not_tell_it(claims):
    lede = claim(claims, "news_lede_witness.txt", "Twenty workers from Vietnam were freed")
    assert lede.claimant_rule != "delayed-source" and "Minh" not in (lede.claimant or "")


def test_speaking_for_a_group_the_representative_of_a_country_said(claims):
    # "Speaking for X, the representative of Y said": the parse hangs the subject on the participle
    c = claim(claims, "un_debate.txt", "Speaking for the Arab Group")
    assert c.claimant == "country:JOR" and c.claimant_rule == "reporting-verb", (c.claimant, c.claimant_evidence)


def test_a_priority_of_the_speakers_side_is_a_pledge(claims):
    c = claim(claims, "statement_turns.txt", "one of its first priorities")
    assert c.cls == "Commitment" and c.class_rule == "pledge"
    # "its" after "I congratulate Estonia" is Estonia's: praise, not the speaker's pledge
    assert claim(claims, "statement_turns.txt", "congratulate Estonia on its own commitment").cls == "Endorsement"


def test_an_office_named_with_its_body_speaks_for_it(claims):
    # "As the Secretary General of X reminded us, ...": the words that follow are the body's
    c = claim(claims, "statement_turns.txt", "As the Secretary General of the Council of Europe reminded us")
    assert c.claimant == "org:Council-of-Europe" and c.claimant_rule == "reporting-verb", (c.claimant, c.claimant_evidence)


def test_the_ministry_is_not_the_last_source_quoted(claims):
    # "The ministry said" takes up a ministry, not the activist quoted just before
    c = claim(claims, "news_ministry.txt", "The ministry said it would publish")
    assert "Gelashvili" not in (c.claimant or ""), (c.claimant, c.claimant_rule)


def test_quoted_as_saying_the_one_quoted_speaks(claims):
    c = claim(claims, "news_ministry.txt", "was quoted by local media as saying")
    assert c.claimant.endswith("Kapanadze") and c.claimant_rule == "reporting-verb", (c.claimant, c.claimant_rule)


def test_the_alignment_formula_is_no_claim(claims):
    assert not [c for c in claims["statement_turns.txt"] if "align themselves with this statement" in c.span.text]
