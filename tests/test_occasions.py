"""Occasion events (extract/events.py) and relations from titles, "of" phrases, seats and roles
(extract/affiliations.py), on documents written for these tests (tests/data/occasions_corpus):
other speakers, bodies, places and layouts than the dev and holdout documents."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from tipgraph.extract.events import first_date
from tipgraph.namespaces import TIP
from tipgraph.pipeline import build

CORPUS = Path(__file__).resolve().parent / "data" / "occasions_corpus"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("occasions_out")
    build(CORPUS, out, html=False, validate=False)
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def node(g: Graph, name: str, cls: str | None = None) -> URIRef:
    found = set()
    for prop in (RDFS.label, SKOS.altLabel):
        for s in g.subjects(prop, Literal(name)):
            if not isinstance(s, URIRef) or any(p in str(s) for p in ("/mention/", "/doc/", "/claim/")):
                continue
            if cls is None or any(str(t).endswith("#" + cls) for t in g.objects(s, RDF.type)):
                found.add(s)
    assert len(found) == 1, f"{name!r} ({cls}): {sorted(found)}"
    return found.pop()


def doc(g: Graph, file_name: str) -> URIRef:
    return next(g.subjects(TIP.sourceFile, Literal(file_name)))


def dates(g: Graph, event: URIRef) -> set[str]:
    return {str(o) for o in g.objects(event, TIP.date)}


def test_a_range_is_dated_by_its_first_day():
    assert first_date("took place from 4 to 6 May 2022 in Chisinau")[0] == "2022-05-04"
    assert first_date("on 12 April 2016")[0] == "2016-04-12"


def test_numbered_council_meeting_in_the_header(graph):
    meeting = node(graph, "OSCE Permanent Council No. 1102", "Meeting")
    assert (doc(graph, "o01_uk-pc-numbered.txt"), TIP.deliveredAt, meeting) in graph
    assert (meeting, TIP.organizer, node(graph, "OSCE Permanent Council")) in graph
    assert (meeting, TIP.location, node(graph, "Vienna")) in graph
    assert dates(graph, meeting) == {"2019-03-14"}
    # "UK Statement on ...": the United Kingdom speaks at the meeting
    assert (meeting, TIP.participant, node(graph, "United Kingdom", "Country")) in graph


def test_former_and_acting_office_holders_belong_to_the_body_of_the_office(graph):
    osce = node(graph, "Organization for Security and Co-operation in Europe")
    assert (node(graph, "Larisa Temirkhanova", "Person"), TIP.affiliatedWith, osce) in graph
    assert (node(graph, "Ruth Pojman", "Person"), TIP.affiliatedWith, osce) in graph


def test_title_line_occasion_with_place_and_date_lines(graph):
    launch = node(graph, "Launch of the National Referral Handbook")
    assert (doc(graph, "o02_slovenia-launch-remarks.txt"), TIP.deliveredAt, launch) in graph
    assert (launch, TIP.location, node(graph, "Ljubljana")) in graph
    assert dates(graph, launch) == {"2015-03-03"}
    assert (launch, TIP.participant, node(graph, "Peter Novak", "Person")) in graph


def test_described_workshop_setting_and_organisers(graph):
    workshop = node(graph, "three-day workshop on identifying forced labour", "Workshop")
    assert (workshop, TIP.location, node(graph, "Chisinau")) in graph
    assert dates(graph, workshop) == {"2022-05-04"}
    # "organized by the OSCE Mission and the ODIHR": a short form names the mission the text names in full
    assert (workshop, TIP.organizer, node(graph, "OSCE Mission to Moldova")) in graph
    assert (workshop, TIP.organizer, node(graph, "Office for Democratic Institutions and Human Rights")) in graph


def test_person_of_a_countrys_body(graph):
    assert (node(graph, "Maria Keller", "Person"), TIP.affiliatedWith, node(graph, "Bundeskriminalamt")) in graph


def test_seat_of_the_body_the_story_reports(graph):
    europol = node(graph, "European Union Agency for Law Enforcement Cooperation")
    hague = node(graph, "Hague")
    assert (europol, TIP.locatedIn, hague) in graph
    # the German office named last before "the agency" is not the one based there
    assert (node(graph, "Bundeskriminalamt"), TIP.locatedIn, hague) not in graph


def test_leading_role_in_a_group_is_membership(graph):
    assert (node(graph, "Portugal", "Country"), TIP.memberOf, node(graph, "Alliance against Trafficking in Persons")) in graph


def test_spokesperson_for_an_office_works_for_its_body(graph):
    assert (node(graph, "Daniela Vukovic", "Person"), TIP.affiliatedWith, node(graph, "OSCE Secretary General")) in graph


def test_this_event_in_a_speech_is_the_header_occasion(graph):
    forum = node(graph, "Regional Forum on Safe Labour Migration", "Conference")
    assert (forum, TIP.location, node(graph, "Skopje")) in graph
    assert dates(graph, forum) == {"2018-04-04"}
    # "to open, together with Ms. X, ..., this Balkan Forum on ...": the same forum, opened by both
    assert node(graph, "Balkan Forum on Safe Labour Migration", "Conference") == forum
    assert (forum, TIP.participant, node(graph, "Elena Petrovska", "Person")) in graph


def test_speaker_names_her_own_office(graph):
    assert (node(graph, "Amina Hadzic", "Person"), TIP.affiliatedWith, node(graph, "International Organization for Migration")) in graph


def test_event_that_took_place_is_an_event_held_by_the_body_it_is_of(graph):
    meeting = node(graph, "joint meeting of the Permanent Council on labour exploitation", "Meeting")
    assert (meeting, TIP.organizer, node(graph, "OSCE Permanent Council")) in graph
    assert (meeting, TIP.location, node(graph, "Vienna")) in graph


def test_letterhead_body_is_at_its_postal_address(graph):
    office = node(graph, "Council of Europe Office in Albania")
    assert (office, TIP.locatedIn, node(graph, "Tirana")) in graph


def test_office_before_the_name_is_of_its_body(graph):
    assert (node(graph, "Tomas Berg", "Person"), TIP.affiliatedWith, node(graph, "International Labour Organization")) in graph
    assert (node(graph, "Karin Lund", "Person"), TIP.affiliatedWith, node(graph, "Sweden", "Country")) in graph
    # "met with the UNODC Regional Representative for ..., X": the body opening the office, not the one met
    assert (node(graph, "Jakub Horvat", "Person"), TIP.affiliatedWith, node(graph, "United Nations Office on Drugs and Crime")) in graph


def test_body_and_office_after_the_name(graph):
    assert (node(graph, "Lina Berglund", "Person"), TIP.affiliatedWith, node(graph, "La Strada International")) in graph


def test_organised_somewhere_by_a_body(graph):
    roundtable = node(graph, "Roundtable on Witness Protection", "Meeting")
    assert (roundtable, TIP.organizer, node(graph, "OSCE Office for Democratic Institutions and Human Rights")) in graph
    assert (roundtable, TIP.location, node(graph, "Vienna")) in graph


def test_a_countrys_event_is_held_there(graph):
    week = next(s for s in graph.subjects(RDFS.label, None) if str(next(graph.objects(s, RDFS.label))).startswith("opening event of Serbia"))
    assert (week, TIP.location, node(graph, "Serbia", "Country")) in graph


def test_organiser_list_runs_past_a_name_that_is_no_entity(graph):
    conference = node(graph, "two-day conference on compensation for trafficked persons", "Conference")
    assert (conference, TIP.organizer, node(graph, "United Nations Children's Fund")) in graph
    assert (conference, TIP.organizer, node(graph, "International Organization for Migration")) in graph


def test_office_remarks_at_a_conference_with_a_capitals_dateline(graph):
    # "Remarks of the <office> at the 4th ... Conference "<theme>"", a date line above, "SUVA, 12 October (...) -"
    conference = node(graph, "4th High Level ASEAN Conference on Labour Migration", "Conference")
    assert (doc(graph, "o11_office-remarks-dateline.txt"), TIP.deliveredAt, conference) in graph
    assert (conference, TIP.organizer, node(graph, "Association of Southeast Asian Nations")) in graph
    assert (conference, TIP.location, node(graph, "Suva")) in graph
    assert dates(graph, conference) == {"2017-10-12"}
    # "this 4th ASEAN Conference on ..." in the speech is the same occasion
    assert node(graph, "4th ASEAN Conference on Labour Migration", "Conference") == conference


def test_opening_remarks_at_a_launch_with_a_subtitle_and_a_stamp_line(graph):
    launch = node(graph, "Launch of the Andean Labour Migration Review", "Meeting")
    # the subtitle is the theme; the full title stays a name of the launch
    assert node(graph, "Launch of the Andean Labour Migration Review: Fair Recruitment in the Andes") == launch
    assert (doc(graph, "o12_opening-remarks-stamp.txt"), TIP.deliveredAt, launch) in graph
    # "Speech | Lima | 3 March 2016"
    assert (launch, TIP.location, node(graph, "Lima")) in graph
    assert dates(graph, launch) == {"2016-03-03"}
    # who gives the opening remarks speaks for the body that holds the launch: the ILO or its regional office
    ilo = node(graph, "International Labour Organization")
    assert any(o == ilo or (o, TIP.partOf, ilo) in graph for o in graph.objects(launch, TIP.organizer))


def test_intervention_title_names_the_debate_of_a_numbered_session(graph):
    dialogue = node(graph, "Interactive dialogue with the Working Group on business and human rights", "Meeting")
    assert (doc(graph, "o13_intervention-session-label.txt"), TIP.deliveredAt, dialogue) in graph
    # "HRC 53 - ...": the body whose session it is; "Geneva" alone on a header line
    assert (dialogue, TIP.organizer, node(graph, "HRC")) in graph
    assert (dialogue, TIP.location, node(graph, "Geneva")) in graph
    assert dates(graph, dialogue) == {"2023-06-20"}


def test_release_reporting_at_an_event_dates_it_by_the_dateline(graph):
    # "Nairobi, 08.05.2019 - At the East African Community (EAC) Forum on Labour Mobility in Mombasa, ..."
    forum = node(graph, "3rd EAC Forum on Labour Mobility", "Conference")
    assert node(graph, "Forum on Labour Mobility in Mombasa", "Conference") == forum
    assert (forum, TIP.location, node(graph, "Mombasa")) in graph
    assert (forum, TIP.location, node(graph, "Nairobi")) not in graph
    assert dates(graph, forum) == {"2019-05-08"}


def test_release_conference_which_opened_today_at_the_dateline_place(graph):
    conference = node(graph, "1st IOM West Africa Conference on Labour Exploitation", "Conference")
    assert (conference, TIP.location, node(graph, "Accra")) in graph
    assert dates(graph, conference) == {"2019-03-12"}


def test_story_describes_the_event_it_names_later(graph):
    summit = node(graph, "Geneva Child Labour Summit", "Conference")
    assert node(graph, "first global UNICEF conference on child labour", "Conference") == summit
    assert (summit, TIP.organizer, node(graph, "United Nations Children's Fund")) in graph


def test_an_event_for_an_observance_is_not_the_observance(graph):
    outreach = node(graph, "Community Outreach Event for 2019 World Day against Trafficking in Persons")
    world_day = node(graph, "2019 World Day against Trafficking in Persons")
    assert outreach != world_day


def test_short_names_in_two_documents_are_two_events(graph):
    # "Conference on Forced Labour" (a faculty's) and the "Forced Labour Nairobi Conference" share three words only
    assert node(graph, "Conference on Forced Labour", "Conference") != node(graph, "Forced Labour Nairobi Conference", "Conference")


def test_its_meeting_is_held_by_the_body_the_sentence_names(graph):
    meeting = node(graph, "annual meeting on forced labour", "Meeting")
    assert (meeting, TIP.organizer, node(graph, "Economic and Social Council")) in graph


def test_keynote_title_names_the_conference_its_city_and_date(graph):
    conference = node(graph, "3rd Baltic Conference on Labour Exploitation", "Conference")
    assert (doc(graph, "o21_keynote-title-city-date.txt"), TIP.deliveredAt, conference) in graph
    assert (conference, TIP.location, node(graph, "Riga")) in graph
    assert dates(graph, conference) == {"2016-09-21"}


def test_body_that_opened_a_workshop_organises_it(graph):
    workshop = node(graph, "three-day workshop on financial investigations", "Workshop")
    assert (workshop, TIP.organizer, node(graph, "Council of Europe Office in Baku")) in graph
    assert (workshop, TIP.location, node(graph, "Ganja")) in graph
    assert dates(graph, workshop) == {"2014-04-07"}


def test_event_that_took_place_in_a_city_on_two_days(graph):
    conference = node(graph, "5th Balkan Conference on Online Exploitation", "Conference")
    assert (conference, TIP.location, node(graph, "Mostar")) in graph
    assert dates(graph, conference) == {"2021-10-07"}


def test_welcome_address_title_and_a_city_line_under_a_region_in_the_name(graph):
    workshop = node(graph, "Sub-Regional Workshop on Domestic Servitude in Central Africa", "Workshop")
    assert (doc(graph, "o24_welcome-address-city-line.txt"), TIP.deliveredAt, workshop) in graph
    # the region in the name is the workshop's reach; the city line under the title is its venue
    assert (workshop, TIP.location, node(graph, "Kigali")) in graph
    assert dates(graph, workshop) == {"2009-03-03"}


def test_speech_names_its_occasion_in_its_own_voice(graph):
    # no occasion in the header: "to welcome you to Plovdiv for the 2nd Danube Forum on ..."
    forum = node(graph, "2nd Danube Forum on Labour Exploitation", "Conference")
    assert (doc(graph, "o25_speech-welcomes-to-the-forum.txt"), TIP.deliveredAt, forum) in graph
    assert (forum, TIP.location, node(graph, "Plovdiv")) in graph
    assert dates(graph, forum) == {"2018-05-22"}


def test_who_launches_the_thing_holds_its_rollout(graph):
    rollout = node(graph, "Rollout of the 2021 National Labour Exploitation Survey", "Meeting")
    assert (doc(graph, "o26_rollout-launched-by-government.txt"), TIP.deliveredAt, rollout) in graph
    assert (rollout, TIP.organizer, node(graph, "Government of Ghana")) in graph
    assert (rollout, TIP.location, node(graph, "Accra")) in graph
    assert dates(graph, rollout) == {"2021-03-09"}


def test_quoted_title_names_the_event_and_an_event_joined_by_and_shares_its_setting(graph):
    seminar = node(graph, "Twenty years of the Lanzarote Convention: results and open questions", "Workshop")
    assert (doc(graph, "o27_statement-quoted-seminar-and-meeting.txt"), TIP.deliveredAt, seminar) in graph
    # a name the entity stage cut inside "Co-ordinators" runs to the end of its header line
    meeting = node(graph, "Meeting of National Child-Protection Co-ordinators and Ombudspersons", "Meeting")
    for event in (seminar, meeting):
        assert (event, TIP.location, node(graph, "Warsaw")) in graph  # "Hotel Bristol, Warsaw, 14-15 March 2019"
        assert dates(graph, event) == {"2019-03-14"}
        assert (event, TIP.organizer, node(graph, "UNICEF")) in graph


def test_our_forum_is_held_by_the_letterhead_body_at_the_slash_stamp_place(graph):
    forum = next(o for o in graph.objects(doc(graph, "o28_speech-opens-our-forum-slash-stamp.txt"), TIP.deliveredAt))
    assert (forum, TIP.organizer, node(graph, "Nordic Council of Ministers")) in graph
    assert (forum, TIP.location, node(graph, "Copenhagen")) in graph
    assert dates(graph, forum) == {"2019-11-12"}


def test_venue_before_the_city_in_a_stamp_under_a_long_header(graph):
    meeting = node(graph, "Regional Ministerial Meeting on Labour Migration and Trafficking in Persons", "Meeting")
    geneva = node(graph, "Geneva")
    # the city, or the venue (a place of its own) that the stamp locates in the city
    assert (meeting, TIP.location, geneva) in graph or any(
        (venue, TIP.locatedIn, geneva) in graph for venue in graph.objects(meeting, TIP.location))
    assert dates(graph, meeting) == {"2016-05-03"}


def test_a_bare_event_noun_is_no_occasion_across_documents(graph):
    forums = {s for s in graph.subjects(RDFS.label, Literal("forum"))
              if any(str(t).endswith("#Conference") for t in graph.objects(s, RDF.type))}
    owners = {d for f in forums for d in graph.subjects(TIP.deliveredAt, f)}
    assert len(forums) == len(owners)


def test_title_body_before_a_comma_holds_the_occasion_named_after_it(graph):
    meeting = node(graph, "Ministerial Meeting on the Migration of Health Workers", "Meeting")
    assert (doc(graph, "o30_statement-at-body-comma-meeting.txt"), TIP.deliveredAt, meeting) in graph
    assert (meeting, TIP.organizer, node(graph, "World Health Assembly")) in graph
    assert dates(graph, meeting) == {"2019-05-21"}
    # the body is no meeting of its own in this text
    assert not list(graph.subjects(RDFS.label, Literal("World Health Assembly meeting of 21 May 2019")))


def test_dates_stated_around_the_verb_of_holding_and_a_body_before_an_aside(graph):
    training = node(graph, "intensive training for labour inspectors", "Workshop")
    # "From 2 to 6 October 2023, the Office ... organized": the stated first day, not the release's date
    assert dates(graph, training) == {"2023-10-02"}
    seminar = node(graph, "three-day seminar", "Workshop")
    # "ICMPD, jointly with the Ministry ..., conducted a three-day seminar in Chisinau on 11-13 September 2023"
    assert (seminar, TIP.organizer, node(graph, "International Centre for Migration Policy Development")) in graph
    assert (seminar, TIP.location, node(graph, "Chisinau")) in graph
    assert dates(graph, seminar) == {"2023-09-11"}


def test_an_event_named_as_a_body_is_with_its_keyword_is_that_bodys(graph):
    forum = node(graph, "World Health Forum", "Conference")
    assert (forum, TIP.organizer, node(graph, "World Health Organization")) in graph


def test_body_that_completed_a_series_of_sessions_held_them(graph):
    release = doc(graph, "o33_release-series-of-sessions.txt")
    trainings = [s for s in graph.subjects(TIP.mentionedIn, release)
                 if any(str(t).endswith("#Workshop") for t in graph.objects(s, RDF.type))]
    assert trainings and all((t, TIP.organizer, node(graph, "United Nations Children's Fund")) in graph for t in trainings)


def test_a_statement_under_a_span_of_days_is_dated_by_the_month(graph):
    # "Hotel Bristol, Warsaw, 14-15 March 2019": the day it was given is not stated; its occasion began on the 14th
    assert {str(o) for o in graph.objects(doc(graph, "o27_statement-quoted-seminar-and-meeting.txt"), TIP.date)} == {"2019-03"}


def test_statement_delivered_by_at_a_meeting_of_a_body(graph):
    """ "Statement delivered by the Minister ..., X, at the High-Level Meeting of the General Assembly on ... —":
    the occasion after the speaker's name and office, held by the body named after its keyword."""
    meeting = node(graph, "High-Level Meeting of the General Assembly on the Protection of the Rights of All Migrant "
                          "Workers and Members of Their Families", "Meeting")
    assert (doc(graph, "o34_statement-delivered-by-at-meeting-of-body.txt"), TIP.deliveredAt, meeting) in graph
    assert (meeting, TIP.organizer, node(graph, "General Assembly")) in graph
    assert (meeting, TIP.participant, node(graph, "Kofi Asante-Mensah", "Person")) in graph


def test_open_debate_named_before_its_quoted_topic(graph):
    """ "at the Security Council Open Debate on the “...: ...” —": the quoted topic is the theme, not the name,
    and the council's own meeting the relation stage read is that debate."""
    debate = node(graph, "Security Council Open Debate", "Meeting")
    assert (doc(graph, "o35_statement-open-debate-quoted-topic.txt"), TIP.deliveredAt, debate) in graph
    assert (debate, TIP.organizer, node(graph, "United Nations Security Council")) in graph
    assert (debate, TIP.participant, node(graph, "Lena Sørby", "Person")) in graph
    names = {str(o) for o in graph.objects(debate, SKOS.altLabel)}
    assert any("Protecting Children from Recruitment and Trafficking”" in n for n in names), names


def test_body_event_with_a_french_stamp(graph):
    """ "Address at the OSCE event on ‘... – ...: ...' (anglais uniquement)" over "Geneva, jeudi 6 juin 2019"."""
    event = node(graph, "OSCE event", "Meeting")
    assert (doc(graph, "o36_address-at-body-event-french-stamp.txt"), TIP.deliveredAt, event) in graph
    assert (event, TIP.organizer, node(graph, "Organization for Security and Co-operation in Europe")) in graph
    assert (event, TIP.location, node(graph, "Geneva")) in graph
    assert dates(graph, event) == {"2019-06-06"}
    # no one named speaks: "As President of the OSCE Parliamentary Assembly, I ..." says for whom; that body takes part
    participants = {str(label) for p in graph.objects(event, TIP.participant) for label in graph.objects(p, RDFS.label)}
    assert any("Parliamentary Assembly" in p for p in participants), participants


def test_named_meeting_a_body_held_with_the_dateline_place(graph):
    """ "TIRANA, 9 March 2023 – On 8 March, the OSCE Presence ... held a Victim Support ... Co-ordination Meeting":
    a named meeting the entity stage did not read; "the meeting" after it is that meeting."""
    meeting = node(graph, "Victim Support and Referral Technical Co-ordination Meeting", "Meeting")
    assert (meeting, TIP.organizer, node(graph, "OSCE Presence in Albania")) in graph
    assert (meeting, TIP.location, node(graph, "Tirana")) in graph
    assert dates(graph, meeting) == {"2023-03-08"}
    # "The meeting was attended by ..., Erinda Ballanca"
    assert (meeting, TIP.participant, node(graph, "Erinda Ballanca", "Person")) in graph


def test_conference_began_at_an_embassy(graph):
    """ "The Baltic ... Conference began on Monday at the Finnish Embassy in Riga": the embassy hosts it, in Riga."""
    conference = node(graph, "Baltic Labour Exploitation Conference", "Conference")
    assert (conference, TIP.location, node(graph, "Riga")) in graph
    hosts = {str(label) for host in graph.objects(conference, TIP.host) for label in graph.objects(host, RDFS.label)}
    assert any("Embassy" in h for h in hosts), hosts


def test_seminar_a_body_organized_at_the_dateline_place(graph):
    """ "Vilnius, 3 October 2022 (BNR): ... the Council of Europe organized a seminar ... on 30 September 2022"."""
    seminar = node(graph, "seminar for labour inspectors", "Workshop")
    assert (seminar, TIP.organizer, node(graph, "Council of Europe")) in graph
    assert (seminar, TIP.location, node(graph, "Vilnius")) in graph
    assert dates(graph, seminar) == {"2022-09-30"}


def test_numbered_session_alone_on_a_header_line(graph):
    """ "Working Session 4: Fundamental Freedoms II (...)" under a statement's speaker line: the numbered session
    it is delivered at (the entity stage read it without its number); the words after the colon are its theme."""
    session = node(graph, "Working Session 4", "Meeting")
    assert (doc(graph, "o40_statement-numbered-session-line.txt"), TIP.deliveredAt, session) in graph
    assert (session, TIP.participant, node(graph, "Aigerim NURLANOVA", "Person")) in graph


def test_meeting_of_a_body_named_only_inside_the_occasion(graph):
    """ "Head of the Delegation of Chile to the / High-Level Meeting of the General Assembly on ...": the body after
    "Meeting of the" holds it, though the text names it nowhere else."""
    meeting = node(graph, "High-Level Meeting of the General Assembly", "Meeting")
    assert (doc(graph, "o41_statement-of-delegation-to-meeting-of-body.txt"), TIP.deliveredAt, meeting) in graph
    assert (meeting, TIP.organizer, node(graph, "General Assembly")) in graph


def test_group_presented_at_after_a_body_and_its_comma(graph):
    """ "Keynote Address by X, ...; the Special Envoy ... presented at the <Body>, Study Group on “...”": the group
    after the body's comma is the occasion (the entity stage read it as a body), held by that body."""
    group = node(graph, "Study Group", "Meeting")
    assert (doc(graph, "o42_keynote-presented-at-body-comma-group.txt"), TIP.deliveredAt, group) in graph
    assert (group, TIP.organizer, node(graph, "Royal Academy of Medicine & Public Health")) in graph
    assert dates(graph, group) == {"2016-05-14"}


def test_who_speaks_at_or_represents_a_party_at_an_event_takes_part(graph):
    """ "At the opening of the 9th Alpine Forum ..., Federal Councillor X declared ...", "The ... Forum began on
    Tuesday in Lugano, with Austria represented by Y": both take part in it."""
    forum = node(graph, "9th Alpine Forum on Labour Rights in Lugano", "Conference")
    assert (forum, TIP.participant, node(graph, "Ursula Brenner", "Person")) in graph
    assert (forum, TIP.participant, node(graph, "Klaus Pichler", "Person")) in graph


def test_meeting_hosted_by_a_body(graph):
    """ "The meeting, hosted by the Ministry of Interior of North Macedonia in Ohrid on 15 October 2021, ...": the
    ministry hosts it (it does not organise it), in Ohrid, on that day."""
    meeting = node(graph, "regional co-ordination meeting on labour trafficking", "Meeting")
    hosts = {str(label) for host in graph.objects(meeting, TIP.host) for label in graph.objects(host, RDFS.label)}
    assert any("Ministry of Interior" in h for h in hosts), hosts
    assert not set(graph.objects(meeting, TIP.organizer))
    assert (meeting, TIP.location, node(graph, "Ohrid")) in graph
    assert dates(graph, meeting) == {"2021-10-15"}


def test_a_numbered_session_the_title_names_whole(graph):
    """ "Remarks by ..., at the Working Session 3 of the Regional Review Meeting on ...": the session named whole,
    not the "Working Session" an earlier stage read, is the occasion, there and then."""
    session = node(graph, "Working Session 3 of the Regional Review Meeting on Migrant Workers", "Meeting")
    assert (doc(graph, "o45_remarks-numbered-session-of-meeting.txt"), TIP.deliveredAt, session) in graph
    assert (session, TIP.location, node(graph, "Yerevan")) in graph
    assert dates(graph, session) == {"2018-05-14"}


def test_lead_opening_with_today_and_a_numeric_dateline_dates_and_places_its_press_conference(graph):
    """ "Bratislava, 21/11/2016. Today, ... was stressed at the press conference organised by ...": the occasion
    the release reports from is held on its date, at its dateline's place."""
    conference = node(graph, "press conference")
    assert dates(graph, conference) == {"2016-11-21"}
    assert (conference, TIP.location, node(graph, "Bratislava")) in graph
    assert graph.value(doc(graph, "o46_release-today-at-the-press-conference-numeric-dateline.txt"), TIP.date) \
        == Literal("2016-11-21", datatype=graph.value(conference, TIP.date).datatype)


def test_an_event_titled_in_quotes_is_named_by_its_title_and_set_by_its_sentence(graph):
    """ "On 14 June, a regional workshop entitled “...” was held in Georgia’s capital": the title names the
    workshop; an undated story's lead that speaks of 2023 in the present gives the day its year."""
    workshop = node(graph, "Protecting Migrant Workers from Forced Labour in the South Caucasus")
    assert dates(graph, workshop) == {"2023-06-14"}
    assert (workshop, TIP.location, node(graph, "Georgia", "Country")) in graph
    # "The workshop was organized ..." is the same occasion, not a second one
    assert not list(graph.subjects(RDFS.label, Literal("workshop")))


def test_an_occasion_line_in_a_speech_header_with_venue_and_city(graph):
    day = node(graph, "World Day Against Child Labour")
    assert (doc(graph, "o48_speech-occasion-line-venue-city.txt"), TIP.deliveredAt, day) in graph
    assert (day, TIP.location, node(graph, "Nairobi")) in graph
    assert dates(graph, day) == {"2019-06-12"}


def test_a_long_office_before_the_occasion_of_a_statement_by_line(graph):
    panel = node(graph, "High-level panel on the rights of migrant domestic workers")
    assert (doc(graph, "o49_statement-by-long-office-at-closing-of-event.txt"), TIP.deliveredAt, panel) in graph


def test_an_ordinal_before_a_council_is_its_numbered_meeting(graph):
    """ "19th Ministerial Council, Bratislava" over a delivery line and a date line: the council's 19th meeting,
    held there on that day, is the occasion the statement was delivered at."""
    meeting = node(graph, "19th Ministerial Council", "Meeting")
    assert (doc(graph, "o50_statement-ordinal-body-meeting-line.txt"), TIP.deliveredAt, meeting) in graph
    assert (meeting, TIP.location, node(graph, "Bratislava")) in graph
    assert dates(graph, meeting) == {"2019-12-05"}
    assert any(True for _ in graph.objects(meeting, TIP.organizer))


def test_a_course_and_a_session_of_a_body_are_described_events(graph):
    """ "gathered today in Durres for a two-week course on victim identification", "chaired the session of the National
    Committee against Trafficking": a training course and a body's session are events."""
    node(graph, "two-week course on victim identification", "Workshop")
    node(graph, "session of the National Committee against Trafficking", "Meeting")


def test_a_keynote_title_with_a_long_office_names_its_summit_and_day(graph):
    """ "A KEYNOTE ADDRESS BY THE <OFFICE> OF <BODY>, <UNIT>, <NAME> AT THE <SUMMIT> ON THURSDAY 11TH, NOVEMBER
    2021.": the summit is the occasion, held that day; the body's list "(a) To train ..." names no city."""
    summit = node(graph, "EASTERN CHILD SAFETY SUMMIT")
    assert (doc(graph, "o52_keynote-long-office-at-event-on-weekday.txt"), TIP.deliveredAt, summit) in graph
    assert dates(graph, summit) == {"2021-11-11"}
    assert not list(graph.subjects(RDFS.label, Literal("To")))


def test_a_town_that_hosts_an_event_is_its_place_and_a_month_first_day_its_date(graph):
    """ "On May 3-4, Tartu hosted the regional seminar ...", in a release dated 2018: a town holds an event where it
    takes place (not as a body hosting it), on the first day the month-first range names, in the text's year."""
    seminar = node(graph, "regional seminar on labour exploitation in agriculture", "Workshop")
    assert (seminar, TIP.location, node(graph, "Tartu", "Place")) in graph
    assert not list(graph.objects(seminar, TIP.host))
    assert dates(graph, seminar) == {"2018-05-03"}


def test_an_event_noun_modifying_another_is_named_with_the_phrase_head(graph):
    """ "a five-day training course on interviewing child victims": the event is the course, named by the whole
    phrase its last noun heads, not the bare modifier "training"; "The training was opened by ..." is the same one."""
    course = node(graph, "five-day training course", "Workshop")
    assert dates(graph, course) == {"2019-04-08"}
    assert (course, TIP.location, node(graph, "Daugavpils", "Place")) in graph
    doc54 = doc(graph, "o54_release-training-course-head-noun.txt")
    assert not [s for s in graph.subjects(RDFS.label, Literal("training")) if (s, TIP.mentionedIn, doc54) in graph]
