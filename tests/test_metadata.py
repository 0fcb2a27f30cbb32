"""Document metadata (genre, speaker, author, date) read from the shape of documents written for
these tests: other speakers, outlets, bodies and header layouts than the seed and dev documents."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from tipgraph.extract.metadata import find_dates, header_lines, parse_date
from tipgraph.extract.metadata.dates import occasion_year, stamp_month_or_year
from tipgraph.namespaces import TIP
from tipgraph.pipeline import build
from tipgraph.validate import validate_graph

CORPUS = Path(__file__).parent / "data" / "metadata_corpus"

# file -> (genre, speaker, author, date); None: the document states none
EXPECTED = {
    # "Delivered by ... on behalf of ... at the ...th Meeting ..., Vienna, 14 March 2024."
    "pc_delivered_on_behalf.txt": ("Statement", "Ingrid Solheim", None, "2024-03-14"),
    # "Statement by Ambassador X, ... at the 1150th Meeting" and a "NAME DD.MM.YYYY" signature line
    "pc_statement_by_signature.txt": ("Statement", "Mehmet Karaca", None, "2018-06-05"),
    # "Speech by Hon X MP" above the address's own title; no date written
    "speech_hon_minister.txt": ("Speech", "Sarah Whitfield", None, None),
    "keynote_professor.txt": ("Speech", "Amina Bello", None, "2019-05-12"),
    # an office in the title line and "Office, Name" under it
    "office_name_under_title.txt": ("Statement", "Lucia Ferreira", None, "2021-06-12"),
    # "Name, office" under the title; salutations and first person make it a speech
    "speech_name_line.txt": ("Speech", "Tomas Lindqvist", None, None),
    # an editor's reported lede between the header lines, then "Speech | 4 December 2019"
    "speech_stamp_after_lede.txt": ("Speech", "Elena Marinova", None, "2019-12-04"),
    # "YEREVAN, 3 October 2022 – The OSCE Office ...": an institution's release with its dateline
    "press_release_dateline.txt": ("PressRelease", None, None, "2022-10-03"),
    # "Response to ..." with a third-person frame, ENDS and a press contact
    "ngo_press_release_contact.txt": ("PressRelease", None, None, "2023-03-02"),
    # UN meetings coverage carries a document symbol
    "un_meetings_coverage.txt": ("PressRelease", None, None, None),
    # wire dateline "KAMPALA (Reuters) -", time stamp, "(Reporting by X; Editing by Y)"
    "wire_story_credit.txt": ("NewsArticle", None, "Joseph Okello", "2021-03-03"),
    # "by X | @handle | Outlet" then "Friday, 9 August 2019 14:02 GMT"
    "news_byline_pipe.txt": ("NewsArticle", None, "Anna Lindqvist", "2019-08-09"),
    # "X in Lagos" under the headline
    "news_byline_place.txt": ("NewsArticle", None, "Chinedu Eze", None),
    # "X and Y" under the headline: either is the author
    "news_two_names.txt": ("NewsArticle", None, ("Sreypov Chan", "David Hutt"), None),
    # the writer named after the lede's first sentence: "..., writes X." (no byline line)
    "news_lede_writes_byline.txt": ("NewsArticle", None, "Temwani Phiri", None),
    # a wire's name after the dateline's day and dash: "SANTIAGO, March 14 - Baltica Novosti. ..."
    "news_wire_after_date_dash.txt": ("NewsArticle", None, None, None),
    # no byline: a body reported as a source by a noun ("said the agency, which is based in ...") and a weekday
    "news_body_noun_said.txt": ("NewsArticle", None, None, None),
    # no byline: a photo caption crediting an agency's photographer and a media source
    "news_photo_credit_caption.txt": ("NewsArticle", None, None, None),
    # no byline: the ages of the suspects named and a weekday
    "news_ages_of_suspects.txt": ("NewsArticle", None, None, None),
    # no byline: a named spokesperson reported, a body's unit "disclosed"
    "news_spokesperson_said.txt": ("NewsArticle", None, None, "2021-06-03"),
    # "<Body> Intervention: <debate>" over a salutation: a delegation's statement, dated by its stamp
    "statement_delegation_intervention.txt": ("Statement", None, None, "2022-05-17"),
    # a speech's "by Ms X, office" line under its title, then "Speech | place | date"
    "speech_by_line_office.txt": ("Speech", "Ana Ruiz Calderón", None, "2016-03-03"),
    # "Remarks of the <office> at ...": a speaker named only by office
    "speech_office_only.txt": ("Speech", "Under-Secretary-General", None, "2018-09-14"),
    # "<Office>'s remarks at ...": the office speaks, not the title line
    "speech_office_possessive_title.txt": ("Speech", "Director-General", None, "2015-03-03"),
    # "Speech of the Minister of Foreign Affairs, Mr. X, at ...": the name after the office
    "speech_of_minister_name_after_office.txt": ("Speech", "Pavel Dvorak", None, "2016-05-05"),
    # no title, no byline, a body's own work in the third person: a release (the lede's year is a cited report's)
    "press_release_no_title_cites_a_source.txt": ("PressRelease", None, None, None),
    # no byline: weekdays and "told reporters" make it a news story
    "news_weekday_no_byline.txt": ("NewsArticle", None, None, None),
    # a site's section label "News | ..."
    "news_section_label.txt": ("NewsArticle", None, None, None),
    # "By <embassy>": an organisation's byline over an assessment that quotes no one
    "report_org_byline.txt": ("Report", None, "U.S. Embassy Tbilisi", None),
    # an assessor's voice: "GRETA considers that the authorities should", "reporting period"
    "report_assessor.txt": ("Report", None, None, None),
    # 31 February is not on the calendar: no date
    "statement_invalid_date.txt": ("Statement", None, None, None),
    # a publishing line "From:" over a spoken statement is no byline; the speaker is "Ambassador X says ..."
    "statement_govuk_from_line.txt": ("Statement", "Owen Holland", None, "2024-07-25"),
    # "By NAME Outlet" in capitals, and an agency dateline
    "wire_byline_uppercase_outlet.txt": ("NewsArticle", None, "Derek Gatopoulos", None),
    # "By Staff Reporter" names no one
    "news_anonymous_byline.txt": ("NewsArticle", None, None, None),
    # a statement titled after the report it answers is still a statement
    "statement_on_a_report_delivered.md": ("Statement", "Michael Carpenter", None, "2024-03-07"),
    # a message signed on its last line
    "message_signature.txt": ("Statement", "António Guterres", None, "2023-07-30"),
    "press_release_label.txt": ("PressRelease", None, None, "2023-05-12"),
    "press_release_blank_lines_organised_by.txt": ("PressRelease", None, None, "2023-05-17"),
    "press_release_known_body_over_guessed_name.txt": ("PressRelease", None, None, None),
    # national news quoting a body's press service, with no byline or weekday
    "news_national_press_service.txt": ("NewsArticle", None, None, None),
    # "Vienna (Austria), 12 March 2024 –": a dateline with the country in brackets is no outlet's
    "press_release_dateline_country.txt": ("PressRelease", None, None, "2024-03-12"),
    # an OSCE distribution layout: symbol, languages, letterhead, the speaker line in capitals
    "pc_statement_capitals_symbol.txt": ("Statement", "Alexander Volkov", None, "2023-10-05"),
    # "LONDON, March 3 (Thomson Reuters Foundation) -": a dateline without a year gives no date
    "news_foundation_dateline.txt": ("NewsArticle", None, "Emeka Nwosu", None),
    # "Delivered by:" says only that it was delivered; the salutations make it a speech
    "speech_delivered_by_colon.txt": ("Speech", "Hannah Okafor", None, None),
    # "publishes third progress report on ...": a release about a report, not the report
    "press_release_about_report.txt": ("PressRelease", None, None, "2022-12-19"),
    "wire_agency_dateline.txt": ("NewsArticle", None, None, None),
    # "NIAMEY (Sahel Wire) —" under a "date" stamp line, no headline
    "news_outlet_dateline.txt": ("NewsArticle", None, None, "2022-11-04"),
    # an "About <body>" boilerplate closes a release
    "press_release_about_boilerplate.txt": ("PressRelease", None, None, None),
    # a reporter's own voice: "declined to comment", "could not be reached for comment"
    "news_declined_to_comment.txt": ("NewsArticle", None, None, None),
    # "By X/Outlet" and "By X – Outlet:": the writer before the slash or the dash, the outlet after it
    "news_byline_slash_outlet.txt": ("NewsArticle", None, "Marta Quiroga", "2021-03-09"),
    "news_byline_dash_outlet.txt": ("NewsArticle", None, "Tariq Hamidov", "2022-05-04"),
    # "Kumasi, June 12, KNA- The ...": an agency's mark after the dateline's day makes it a news story
    "news_agency_after_date.txt": ("NewsArticle", None, None, None),
    # "Nordpress, March 3, 2019" under the headline: the outlet's stamp line
    "news_outlet_stamp_line.txt": ("NewsArticle", None, None, "2019-03-03"),
    # "Remarks to the press by Ms X, office - date": a statement to the media, by the one named after "by"
    "statement_remarks_to_the_press.txt": ("Statement", "Ingrid Haugen", None, "2019-03-03"),
    # a debate record: the member's name (printed twice), party and the time they rose; "I beg to move"
    "speech_debate_record_timed_line.txt": ("Speech", "Jane Doyle", None, "2015-03-04"),
    # "By JEAN DUPONT, AFP": an agency's acronym after the name; "Published: 03/15/2022" month first
    "news_byline_comma_agency_acronym.txt": ("NewsArticle", None, "Jean Dupont", "2022-03-15"),
    # "Intervention of Mr. X, Head of the Delegation of ..."
    "statement_intervention_of.txt": ("Statement", "Jan Novak", None, None),
    # a year-first stamp "2021.09.14"; the headline names the ministry shorter than the lede's subject
    "press_release_headline_short_name_lede_subject.txt": ("PressRelease", None, None, "2021-09-14"),
    # "Remarks as Prepared for Delivery by Ambassador X at the ..."
    "speech_remarks_as_prepared_for_delivery.txt": ("Speech", "Karen Whitfield", None, "2021-06-30"),
    # "Reporting by X; Editing by Y" on the last line, without brackets
    "wire_credit_line_without_brackets.txt": ("NewsArticle", None, "Elena Ruiz", None),
    # "Name, Senior Correspondent" under the headline
    "news_byline_role.txt": ("NewsArticle", None, "Farah Aziz", None),
    # "(Reporting by X in Kyiv; Editing by Y)"
    "wire_credit_with_place.txt": ("NewsArticle", None, "Oksana Melnyk", None),
    # a report's own summary speaks of "the report" from inside
    "report_executive_summary.txt": ("Report", None, None, None),
    # "In its third evaluation report on ..., GRETA welcomes": a release about the report; "Strasbourg, 12.04.2023 –"
    "press_release_on_evaluation.txt": ("PressRelease", None, None, "2023-04-12"),
    # "Statement by the <group> on the occasion of ...": a group speaks, no person
    "statement_group_named_whole.txt": ("Statement", None, None, "2022-06-12"),
    # "Sarajevo, 18 October 2022" signing off the text
    "statement_dated_at_the_end.txt": ("Statement", None, None, "2022-10-18"),
    # markdown: a heading, the speaker in bold, the office in italics
    "speech_markdown_name_lines.md": ("Speech", "Jane Roe", None, None),
    "press_release_markdown.md": ("PressRelease", None, None, "2023-05-03"),
    # "By X and Y, Reuters" above a short quoted line
    "wire_two_names_outlet.txt": ("NewsArticle", None, ("Jane Roe", "John Poe"), None),
    "report_numbered_recommendations.txt": ("Report", None, None, None),
    # "Remarks in honour of Sister X": the person named is spoken of, not speaking
    "speech_about_someone.txt": ("Speech", None, None, None),
    # "Welcome address of the Mayor of Vienna, X, to ..."
    "speech_address_of.txt": ("Speech", "Michael Ludwig", None, None),
    # a line that is only the speaker's name, part of which the entity stage found
    "speech_lone_name_line.txt": ("Speech", "Tarja Kuusela-Nieminen", None, None),
    # a statement of the EU, delivered by no one named
    "statement_eu_no_speaker.txt": ("Statement", None, None, "2023-11-09"),
    # "SPEECH AT ..." in capitals, a title with "Response to" in its subject; "H.E. ..." guests are greeted, not speakers
    "speech_caps_title_guest_list.txt": ("Speech", None, None, "2020-03-03"),
    # "Message <office> on ..." and "Office, Body, Name:" with the name last
    "statement_message_office_then_name.txt": ("Statement", "Marisol Quintero", None, "2021-06-12"),
    # "For information only - not an official document" and "(UN Information Service)": the UN's own release
    "press_release_un_information_service.txt": ("PressRelease", None, None, "2022-05-05"),
    # "From Ministry of Interior" publishes a release; it is no report's byline
    "press_release_from_ministry_line.txt": ("PressRelease", None, None, None),
    # a story citing another body's release: "according to a media release issued by the police"
    "news_cited_police_release.txt": ("NewsArticle", None, None, None),
    # "- By Name" as a bulleted byline
    "news_dash_byline.txt": ("NewsArticle", None, "Kwabena Asante-Boateng", None),
    # a headline that is a quotation
    "news_quoted_headline.txt": ("NewsArticle", None, None, None),
    # "Report ... Launched" is a story about a report; "Published: March 3, 2021; 14:20" a news stamp
    "news_report_launched_stamp.txt": ("NewsArticle", None, None, "2021-03-03"),
    # "..., the coast guard said Tuesday, March 9, 2021.": the day the source spoke dates the story
    "news_said_weekday_date.txt": ("NewsArticle", None, None, "2021-03-09"),
    # "Ambassadors, Ladies and Gentlemen," opens the body: no speaker line
    "speech_greeting_ambassadors_ladies.txt": ("Speech", None, None, None),
    # quotations in single marks are the sources' words, not the text's first person; a closing "Source: ... Agency"
    "news_single_quotes_source_credit.txt": ("NewsArticle", None, None, "2022-05-04"),
    # "In a statement on Saturday, the bureau said", "according to the bureau": a body reported as a source
    "news_in_a_statement_bureau.txt": ("NewsArticle", None, None, None),
    # "Meetings Coverage" / "AM & PM Meetings": the UN's press service labels
    "press_release_meetings_coverage_header.txt": ("PressRelease", None, None, None),
    # a news lede, "Below is the text of X's address:" and "***", then the address's own header
    "speech_republished_below_text.txt": ("Speech", "Emmanuel Okonkwo", None, "2019-05-14"),
    # a headline with an office and a verb is no speaker line; "The Rt Hon <name>" is
    "speech_govuk_rt_hon.txt": ("Speech", "Margaret Ellison", None, None),
    # "MS ALVAREZ: Good morning ...": a transcript's speaker label
    "speech_transcript_label.txt": ("Speech", "Alvarez", None, None),
    # an outlet citing an agency: "Eurojust and the Guardia Civil announced", "According to Eurojust"
    "news_agency_cited_by_outlet.txt": ("NewsArticle", None, None, None),
    # a minister's written statement: first person, but no audience greeted, thanked or addressed
    "statement_written_no_audience.txt": ("Statement", "Mary Brennan", None, "2021-10-18"),
    # "Chargé d'Affaires a.i." is no first person; the quoted "We urge" is the chargé's
    "press_release_charge_affaires_ai.txt": ("PressRelease", None, None, None),
    # "Statement from the <mission> on ..."
    "statement_from_mission.txt": ("Statement", None, None, None),
    # "(Bernama) -- ...": an agency's mark opening the story, no place before it
    "news_agency_mark_no_place.txt": ("NewsArticle", None, None, None),
    # a site's "Tuesday, March 10, 2009 11:15 AM" stamp over a release dated by its dateline and credit line
    "press_release_republished_credit_stamp.txt": ("PressRelease", None, None, "2009-03-05"),
    # "Press Releases: Remarks at ..." over a transcript: the header names the speaker, not the introducer
    "speech_transcript_under_press_label.txt": ("Speech", "Helen R. Castillo", None, "2021-09-14"),
    # a paper's dateline with month and day and no year ("IPOH, Mar 4 —") under a date stamp
    "news_yearless_dateline_pic_credit.txt": ("NewsArticle", None, None, "2021-03-04"),
    # a staff byline with no name, "DHUBRI, August 2:" with no year: no date
    "news_staff_byline_no_name.txt": ("NewsArticle", None, None, None),
    # a story another site ran first ("Adapted from the IOM official website")
    "news_adapted_from_site.txt": ("NewsArticle", None, None, "2017-09-14"),
    # no title, no byline: the outlet names itself as the one reporting ("Dnestr Daily reports, quoting ...")
    "news_outlet_reports_citing.txt": ("NewsArticle", None, None, None),
    # "date 2021-09-14 TARAZ. STEPPEWIRE -": a stamp run on into an agency's capitals dateline; the lede's
    # "2010 National Action Plan" is an instrument's year
    "news_agency_capitals_dateline_stamp.txt": ("NewsArticle", None, None, "2021-09-14"),
    # "Tallinn, 4 May 2022 (BNR):": an outlet's dateline with a colon dates the story
    "news_outlet_dateline_colon.txt": ("NewsArticle", None, None, "2022-05-04"),
    # a ministry's release whose page prints its lede twice: its one weekday is counted once
    "press_release_repeated_teaser.txt": ("PressRelease", None, None, "2019-10-12"),
    # a stamp in French ("mardi 14 mai 2019"); the greeted "Vice-President of ...," does not speak
    "speech_french_stamp_greeting_list.txt": ("Speech", None, None, "2019-05-14"),
    # "Speech by <name>, <office>": the name speaks, not the office after it
    "speech_by_name_before_office.txt": ("Speech", "Ilse van der Kroft-Mendes", None, "2018-11-08"),
    # "By X ROTTERDAM (Outlet) - ...": a byline run on into the dateline and the story on one line
    "news_byline_run_on_dateline.txt": ("NewsArticle", None, "Jana Moravec", None),
    # "... Symposium held March 14-16, 2019" then "March 14, 2019": the stamped day, not the occasion's month
    "speech_occasion_span_then_day_stamp.txt": ("Speech", "Marta Kowalczyk", None, "2019-03-14"),
    # "..., Lindholm told nordicnews.": the outlet a source told, written in lower case
    "news_told_lowercase_outlet.txt": ("NewsArticle", None, None, "2015-03-03"),
    # no speaker named: "As Chair of the Committee of Ministers ..., I ..." says whose speech it is
    "speech_unnamed_chair_of_body.txt": ("Speech", None, None, "2018-09-05"),
    # "The Agency reported, citing ...": a body the release speaks of, not an outlet naming itself
    "press_release_agency_reported_citing.txt": ("PressRelease", None, None, "2022-05-03"),
    # "the minister told lawmakers.": an audience, no outlet
    "news_told_lawmakers_no_outlet.txt": ("NewsArticle", None, None, None),
    # no speaker line: the standfirst "X, Mission of ..., delivers a joint statement on behalf of ..." names her;
    # the only date is the year the title gives the occasion
    "statement_lede_delivers_joint.txt": ("Statement", "Mariam Okonjo-Falk", None, "2023"),
    # 'Name: "quoted words"' as the headline of a statement: the one quoted speaks it
    "statement_quoted_headline_name.txt": ("Statement", "Helga Brandvold", None, "2016-12-18"),
    # "AN ADDRESS BY THE <OFFICE> OF <BODY>, <UNIT>, NAME AT THE ... ON MONDAY 9TH, MARCH 2021.": the name after
    # the office, the day in the running line that introduces the address
    "speech_caps_office_then_name.txt": ("Speech", "Ibrahim Danladi", None, "2021-03-09"),
    # "Statement by the delegation of <country>": no person speaks; the country does (test below)
    "statement_delegation_of_country.txt": ("Statement", None, None, None),
    # "Below is the text of the speech made by X ... on 3rd March 2016.": the day the introduction gives
    "speech_republished_intro_date.txt": ("Speech", "Owen Marsh", None, "2016-03-03"),
    # a site's posting stamp with its time over "Delivered by ..., 11 March 2019": the day it was delivered
    "statement_posting_stamp_then_delivered.txt": ("Statement", "Nino Beridze", None, "2019-03-11"),
    # a quotation left open to its paragraph's end ('... ," she said. "Our findings ... We must ...'): the
    # "we" in it is the source's, not the writer's
    "news_unclosed_quote_runs_on.txt": ("NewsArticle", None, None, None),
    # "The Geneva-based organisation called for ...": a body described from outside, as a reporter does
    "news_based_epithet_body_said.txt": ("NewsArticle", None, None, None),
    # "TBILISI, APRIL 22, GEOPRESS. ...": an agency's mark after a capitals dateline, closed by a full stop
    "news_agency_caps_month_full_stop.txt": ("NewsArticle", None, None, None),
    # "BRUSSELS - Agence France-Presse" alone on its line: a wire's dateline, though the story says "today"
    "news_wire_line_dateline.txt": ("NewsArticle", None, None, None),
    # "Media Statement from <body> EASTERN CAPE – Four suspects ...": a release's label run on into its dateline
    "press_release_media_statement_run_on.txt": ("PressRelease", None, None, "2019-03-02"),
    # "| 9:05 AMNadine Forbes": the byline glued to a posting stamp's time
    "news_glued_time_byline.txt": ("NewsArticle", None, "Nadine Forbes", "2015-06-02"),
    # "Anadolu Agency, March 3, 2018" under the headline; a paper a source "told" is cited, not the outlet (test below)
    "news_stamp_agency_cites_paper.txt": ("NewsArticle", None, None, "2018-03-03"),
    # a ministry's release whose lede says where its conference was held ("at the Swedish Embassy in Tallinn")
    "press_release_venue_body_not_issuer.txt": ("PressRelease", None, None, "2019-05-14"),
    # "Madam Moderator," at a session of a meeting: a delegation's statement, not a speech
    "statement_session_moderator.txt": ("Statement", "Carla Mendes", None, "2012-09-13"),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("metadata")
    build(CORPUS, out, html=False, validate=False)
    return Graph().parse(out / "graph.ttl", format="turtle")


def document(graph: Graph, source_file: str):
    nodes = list(graph.subjects(TIP.sourceFile, Literal(source_file)))
    assert len(nodes) == 1, source_file
    return nodes[0]


def labels(graph: Graph, node) -> set[str]:
    return {str(label) for label in graph.objects(node, RDFS.label)} if node is not None else set()


def test_corpus_is_the_table():
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("source_file", sorted(EXPECTED))
def test_genre(graph, source_file):
    genre = EXPECTED[source_file][0]
    types = {str(t).rsplit("#", 1)[-1] for t in graph.objects(document(graph, source_file), RDF.type)}
    assert genre in types, f"{source_file}: {types}"


@pytest.mark.parametrize("source_file", sorted(EXPECTED))
def test_speaker_and_author(graph, source_file):
    _, speaker, author, _ = EXPECTED[source_file]
    doc = document(graph, source_file)
    for prop, want in ((TIP.speaker, speaker), (TIP.author, author)):
        got = graph.value(doc, prop)
        if want is None:
            assert got is None, f"{source_file}: {prop} {labels(graph, got)}"
            continue
        wanted = {want} if isinstance(want, str) else set(want)
        # "Hon Sarah Whitfield" as labelled by the entity stage still names her
        assert any(w.lower() in label.lower() for w in wanted for label in labels(graph, got)), \
            f"{source_file}: {labels(graph, got)}"


@pytest.mark.parametrize("source_file", sorted(EXPECTED))
def test_date(graph, source_file):
    want = EXPECTED[source_file][3]
    got = graph.value(document(graph, source_file), TIP.date)
    assert (str(got) if got is not None else None) == want


def test_organisation_byline_is_an_organisation(graph):
    author = graph.value(document(graph, "report_org_byline.txt"), TIP.author)
    types = {str(t).rsplit("#", 1)[-1] for t in graph.objects(author, RDF.type)}
    assert "Person" not in types and "GovernmentBody" in types


@pytest.mark.parametrize("source_file", ["news_byline_pipe.txt", "news_foundation_dateline.txt"])
def test_byline_or_dateline_outlet_is_the_publisher(graph, source_file):
    publisher = graph.value(document(graph, source_file), TIP.publisher)
    assert "Thomson Reuters Foundation" in labels(graph, publisher)


@pytest.mark.parametrize("source_file, names", [
    ("news_two_names.txt", {"Sreypov Chan", "David Hutt"}),
    ("wire_two_names_outlet.txt", {"Jane Roe", "John Poe"}),  # the outlet after the names is no author
])
def test_every_name_of_a_byline_is_an_author(graph, source_file, names):
    authors = set(graph.objects(document(graph, source_file), TIP.author))
    assert {label for a in authors for label in labels(graph, a)} == names


@pytest.mark.parametrize("source_file, outlet", [
    ("news_outlet_dateline.txt", "Sahel Wire"),  # in the dateline's brackets
    ("news_two_names.txt", "Kampuchea Insight"),  # the photo credit of one of the authors
    ("news_outlet_reports_citing.txt", "Dnestr Daily"),  # "Dnestr Daily reports, quoting ..."
    ("news_agency_capitals_dateline_stamp.txt", "Steppewire"),  # "TARAZ. STEPPEWIRE -", "Steppewire has learnt from"
    ("news_byline_run_on_dateline.txt", "Alpine News Service"),  # "By X ROTTERDAM (Alpine News Service) - ..."
    ("news_told_lowercase_outlet.txt", "nordicnews"),  # "Lindholm told nordicnews."
    ("news_byline_slash_outlet.txt", "Andes Post"),  # "By Marta Quiroga/Andes Post"
    ("news_byline_dash_outlet.txt", "Caspian Wire"),  # "By Tariq Hamidov – Caspian Wire:"
    ("news_agency_after_date.txt", "KNA"),  # "Kumasi, June 12, KNA- The Regional ..."
    ("news_outlet_stamp_line.txt", "Nordpress"),  # "Nordpress, March 3, 2019"
])
def test_outlet_no_entity_was_found_for(graph, source_file, outlet):
    publisher = graph.value(document(graph, source_file), TIP.publisher)
    assert labels(graph, publisher) == {outlet}
    assert graph.value(publisher, RDF.type) == TIP.MediaOrganization


@pytest.mark.parametrize("source_file, issuer", [
    ("press_release_dateline_country.txt", "United Nations Office on Drugs and Crime"),  # the lede's subject
    ("press_release_about_report.txt", "European Commission"),
    ("report_assessor.txt", "Group of Experts on Action against Trafficking in Human Beings"),
    # no title; the body the lede cites ("According to the ILO ...") is a source; the one opening sentences issues it
    ("press_release_no_title_cites_a_source.txt", "Plan International"),
    # "GENEVA, 3 May 2022 – The International Labour Organization and ... launched": the subject after the dateline
    ("press_release_agency_reported_citing.txt", "International Labour Organization"),
    ("press_release_headline_short_name_lede_subject.txt", "Ministry of Labour and Social Protection"),
    # blank lines under the header stamp; the lede's occasion "organised by the Ministry of Justice"
    ("press_release_blank_lines_organised_by.txt", "Ministry of Justice"),
    # named as often as a body the entity stage only guessed at ("CAN"), the known one issues the release
    ("press_release_known_body_over_guessed_name.txt", "United Nations Children's Fund"),
])
def test_a_release_or_report_is_published_by_the_body_it_is_about(graph, source_file, issuer):
    publisher = graph.value(document(graph, source_file), TIP.publisher)
    assert issuer in labels(graph, publisher), labels(graph, publisher)


def test_an_audience_told_is_no_outlet(graph):
    assert graph.value(document(graph, "news_told_lawmakers_no_outlet.txt"), TIP.publisher) is None


def test_an_unnamed_speaker_speaks_for_the_body_whose_office_they_hold(graph):
    publisher = graph.value(document(graph, "speech_unnamed_chair_of_body.txt"), TIP.publisher)
    assert any("Committee of Ministers" in label for label in labels(graph, publisher)), labels(graph, publisher)


def test_a_speech_is_published_by_the_service_in_its_dateline(graph):
    # "BANGKOK, 14 September (UN Information Service) - Thank you ...": the service that issued the text
    publisher = graph.value(document(graph, "speech_office_only.txt"), TIP.publisher)
    assert "UN Information Service" in labels(graph, publisher), labels(graph, publisher)


def test_a_statement_by_a_body_is_published_by_it_under_its_whole_name(graph):
    publisher = graph.value(document(graph, "statement_group_named_whole.txt"), TIP.publisher)
    assert labels(graph, publisher) == {"Vienna Group of Friends United against Child Labour"}


def test_the_metadata_conforms_to_the_shapes(graph):
    result = validate_graph(graph)
    assert not result.errors, [str(v) for v in result.violations]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Tacan İLDEM 19.12.2013", "2013-12-19"),
        ("24 january / 2023", "2023-01-24"),
        ("July 30/August 31 2020", "2020-07-30"),
        ("Statement | 18 October 2013", "2013-10-18"),
        ("November 10, 2016 8:06 AM EST", "2016-11-10"),
        ("Wednesday, 21 March 2018 11:30 GMT", "2018-03-21"),
        ("Nov. 13, 2015.", "2015-11-13"),
        ("held on 17 and 18 November 2003", "2003-11-17"),
        ("date 2023-06-15", "2023-06-15"),
        ("the 2nd of May 2020", "2020-05-02"),
        ("October 18th, 2013", "2013-10-18"),
        ("Vienna, 29 February 2024.", "2024-02-29"),
    ],
)
def test_dates_in_their_written_forms(text, iso):
    assert parse_date(text)[0] == iso


@pytest.mark.parametrize("text", ["31 February 2021", "2023-02-30", "29.02.2023", "31 April 2019", "in 2015 and 2,016 people", "Mar 2019"])
def test_no_date_off_the_calendar_or_incomplete(text):
    assert parse_date(text) is None


def test_dates_keep_text_order_and_offsets():
    text = "Adopted on 30.02.2022, signed on 3 March 2022 and in force from 2022-04-01."
    assert [(iso, text[s:e]) for iso, s, e in find_dates(text)] == [
        ("2022-03-03", "3 March 2022"), ("2022-04-01", "2022-04-01")]


def test_month_or_year_stamps_and_occasion_years():
    assert stamp_month_or_year("May 2022") == "2022-05"
    assert stamp_month_or_year("Published: 2019") == "2019"
    assert stamp_month_or_year("Trafficking in 2019") is None
    assert occasion_year("Speaking at the 2023 Regional Forum on Migration in Accra, the minister said") == "2023"
    assert occasion_year("the 2022 Global Report and the 2023 Action Plan") is None
    # the year of a report the lede cites is not the text's
    assert occasion_year("According to the 2018 ILO Global Estimates of Child Labour Report, one in ten children") is None


def test_numeric_dates_with_the_year_first_or_the_day_shown_by_a_number_over_twelve():
    assert parse_date("2022 12 05")[0] == "2022-12-05"
    assert parse_date("2019.03.07")[0] == "2019-03-07"
    assert parse_date("Riga, 18/10/2013. Today")[0] == "2013-10-18"
    assert parse_date("posted 10/18/2013")[0] == "2013-10-18"
    assert parse_date("call 2022 12 50") is None  # no fiftieth day


def test_a_slashed_date_either_way_round_is_read_only_from_its_text():
    assert parse_date("04/02/2021 | News") is None
    # another date of the text puts the day first, or a month it names is after the January reading
    assert parse_date("04/02/2021", context="... 04/02/2021 ... updated 15/02/2021")[0] == "2021-02-04"
    assert parse_date("04/02/2021", context="04/02/2021\nOn 27 March, officers raided ...")[0] == "2021-04-02"
    # "may" as a verb names no month
    assert parse_date("04/02/2021", context="04/02/2021\nVictims may be children.") is None


def test_header_lines_end_where_the_body_begins():
    text = (
        "Statement by Ambassador Rui Costa, Permanent Representative of Portugal, in Response to the Report of "
        "the Special Representative and Co-ordinator for Combating Trafficking in Human Beings at the 1290th "
        "Meeting of the Permanent Council\n\n"
        "Delivered by Ambassador Rui Costa at the Permanent Council, Vienna, 14 October 2021.\n\n"
        "Mr. Chairperson,\n\nWe thank the Special Representative for her report.\n"
    )
    header = header_lines(text, 12)
    assert [line.text[:12] for line in header] == ["Statement by", "Delivered by"]
    assert text[header[-1].end + 1 :].lstrip().startswith("Mr. Chairperson")


def test_a_lede_is_body_not_header():
    text = ("Ministers of the region pledged on Monday to share data on trafficking cases, in a joint declaration "
            "signed at the end of a two-day meeting in Skopje.\n\nRegional ministers sign data pledge\n")
    assert header_lines(text, 12) == []


METADEV = Path(__file__).parent / "metadev"
# just under the figure measured on tests/metadev (75 real documents of other outlets and layouts in four
# batches, gold for metadata only; each batch measured before the rules were widened for it): 0.977, then
# 0.992 (a day stamp under an occasion's span of days)
METADEV_METADATA_FLOOR = 0.985


def test_metadata_holds_on_the_metadev_set(tmp_path):
    """Genre, speaker, author and date on real documents the dev set does not have (tests/metadev)."""
    import json
    import subprocess
    import sys

    build(METADEV / "corpus", tmp_path / "out", html=False, validate=False)
    summary = tmp_path / "summary.json"
    subprocess.run([sys.executable, str(Path(__file__).parent / "gold" / "score.py"), str(tmp_path / "out" / "graph.ttl"),
                    str(METADEV / "gold"), "--json", str(summary)], capture_output=True, text=True, check=True)
    accuracy = json.loads(summary.read_text())["document_metadata_accuracy"]
    assert accuracy >= METADEV_METADATA_FLOOR, accuracy


@pytest.mark.parametrize("source_file, speaker", [
    ("speech_debate_record_timed_line.txt", "Jane Doyle"),  # not "Jane Doyle Jane Doyle SNP"
    ("statement_remarks_to_the_press.txt", "Ingrid Haugen"),
])
def test_speaker_is_labelled_by_the_name_alone(graph, source_file, speaker):
    assert labels(graph, graph.value(document(graph, source_file), TIP.speaker)) == {speaker}


def test_an_agency_acronym_after_the_byline_name_is_the_outlet(graph):
    publisher = graph.value(document(graph, "news_byline_comma_agency_acronym.txt"), TIP.publisher)
    assert labels(graph, publisher) == {"Agence France-Presse"}


def test_a_country_delegation_speaks_for_its_country(graph):
    """ "Statement by the delegation of Moldova at ...": no one is named; the statement's claims are Moldova's."""
    doc = document(graph, "statement_delegation_of_country.txt")
    claims = list(graph.subjects(TIP.statedIn, doc))
    assert claims
    assert {label for c in claims for label in labels(graph, graph.value(c, TIP.claimant))} == {"Moldova"}


@pytest.mark.parametrize("source_file, outlet", [
    ("news_wire_line_dateline.txt", "Agence France-Presse"),  # "BRUSSELS - Agence France-Presse"
    ("news_agency_caps_month_full_stop.txt", "Geopress"),  # "TBILISI, APRIL 22, GEOPRESS."
    ("news_stamp_agency_cites_paper.txt", "Anadolu Agency"),  # its stamp line, not "told Aftenposten"
    ("news_wire_after_date_dash.txt", "Baltica Novosti"),  # "SANTIAGO, March 14 - Baltica Novosti. Chilean ..."
])
def test_a_wire_dateline_names_the_outlet(graph, source_file, outlet):
    publisher = graph.value(document(graph, source_file), TIP.publisher)
    assert {label.lower() for label in labels(graph, publisher)} == {outlet.lower()}
    assert graph.value(publisher, RDF.type) == TIP.MediaOrganization


def test_a_body_named_as_the_venue_does_not_issue_the_release(graph):
    """ "The conference began on Tuesday at the Swedish Embassy in Tallinn": the embassy is where it was held."""
    publisher = graph.value(document(graph, "press_release_venue_body_not_issuer.txt"), TIP.publisher)
    assert not any("Embassy" in label for label in labels(graph, publisher)), labels(graph, publisher)
