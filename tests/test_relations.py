"""Relations and events (extract/relations.py) on short documents written for these tests:
other speakers, other countries, other bodies and other phrasings than the seed corpus."""
from __future__ import annotations


import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from tipgraph.extract.relations import resolve_relative_date, written_date
from tipgraph.namespaces import TIP
from tipgraph.pipeline import build
from tipgraph.vocab import load_vocabulary

DOCUMENTS = {
    "001_canada_pc.txt": """Delegation of Canada to the OSCE

Statement in Response to the Report of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings, Ambassador Valiant Richey

As delivered by Ambassador Jocelyn Kinnear
to the Permanent Council, Vienna
March 3, 2022

Mr. Chair,

Canada warmly welcomes Ambassador Richey back to the Permanent Council. Moldova, a member of the Council of Europe since 1995, has shown leadership in this area.

We welcome the simulation training held in Chisinau, Moldova for border police, and we encourage all participating States to support it.

Thank you, Mr. Chair.
""",
    "002_news_strada.txt": """By: Maria Lopez
NGOs Warn of Rising Labour Trafficking in Europe

Anna Schmidt, the Director of La Strada International, told Balkan Insight that labour trafficking cases are rising across the region.

Speaking at the Regional Forum on Migration and Trafficking in Skopje, Schmidt said governments must do more.

The forum, hosted by the Government of Georgia, brought together officials from Serbia and Kosovo.

UK Home Secretary Priti Patel said in a statement that Britain, a NATO member since 1949, would increase funding.
""",
    "003_speech_roundtable.txt": """Opening Remarks by Minister Jane Doe at the Tbilisi Round Table on Victim Protection

Good morning, Minister Giorgi Kvirikashvili, Ambassador Tom Smith, dear colleagues.

I am delighted to welcome Director Petrov, who you heard yesterday, and I thank our hosts from Georgia.

UNODC organised this round table together with its partners.

Minister Kvirikashvili reminded us that Georgia joined the Council of Europe in 1999.

We are glad to have prosecutors from Armenia and Azerbaijan with us, and we recall that Ukraine, as an EU candidate country, takes part as an observer.
""",
    "004_speech_bucharest.txt": """Closing Remarks at the Bucharest Conference on Labour Exploitation
12 May 2021

Excellencies, ladies and gentlemen,

This conference, organised by ODIHR, has shown how much remains to be done. The Warsaw Human Dimension Meeting last week showed the same.

Moldova’s Deputy Minister Ana Revenco told us about new shelters. Moldova joined the Council of Europe in 1995.

Thank you.
""",
    "006_statement_outcome.txt": """Statement on the Outcome of the Stockholm Ministerial Council

Sweden welcomes the decisions adopted in Stockholm. We thank Ambassador Lena Berg for her work.
""",
    "005_speech_undated.txt": """Remarks at the Sarajevo Dialogue on Trafficking

Thank you. The Sarajevo Dialogue on Trafficking yesterday was a success, and the OSCE Mission to Bosnia and Herzegovina based in Sarajevo supported it.
""",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    corpus = tmp_path_factory.mktemp("relations_corpus")
    for name, text in DOCUMENTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("relations_out")
    build(corpus, out, html=False, validate=False)
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def node(g: Graph, name: str, cls: str | None = None) -> URIRef:
    """The one resource labelled (or alt-labelled) `name`, optionally of a tip: class family."""
    found = set()
    for prop in (RDFS.label, SKOS.altLabel):
        for s in g.subjects(prop, Literal(name)):
            if not isinstance(s, URIRef) or "/mention/" in str(s) or "/doc/" in str(s) or "/claim/" in str(s):
                continue
            if cls is None or any(str(t).endswith("#" + cls) for t in g.objects(s, RDF.type)):
                found.add(s)
    assert len(found) == 1, f"{name!r} ({cls}): {sorted(found)}"
    return found.pop()


def doc(g: Graph, file_name: str) -> URIRef:
    return next(g.subjects(TIP.sourceFile, Literal(file_name)))


def linked(g: Graph, s: URIRef, prop: str, o) -> bool:
    return (s, TIP[prop], o) in g


# -- a statement delivered to a council --------------------------------------------------------

def test_statement_delivered_to_a_council_creates_the_meeting(graph):
    meeting = node(graph, "Permanent Council meeting of 3 March 2022", "Meeting")
    assert linked(graph, doc(graph, "001_canada_pc.txt"), "deliveredAt", meeting)
    assert linked(graph, meeting, "organizer", node(graph, "OSCE Permanent Council"))
    assert linked(graph, meeting, "location", node(graph, "Vienna", "Place"))
    assert (meeting, TIP.date, Literal("2022-03-03", datatype=XSD.date)) in graph
    assert linked(graph, meeting, "participant", node(graph, "Jocelyn Kinnear", "Person"))
    assert linked(graph, meeting, "participant", node(graph, "Valiant Richey", "Person"))


def test_meeting_mention_offsets_slice_the_text(graph):
    meeting = node(graph, "Permanent Council meeting of 3 March 2022", "Meeting")
    text = DOCUMENTS["001_canada_pc.txt"]
    mentions = list(graph.objects(meeting, TIP.mention))
    assert mentions
    for mention in mentions:
        start = int(graph.value(mention, TIP.start))
        end = int(graph.value(mention, TIP.end))
        assert text[start:end] == str(graph.value(mention, TIP.anchorText)) == "Permanent Council"


def test_speaker_affiliated_with_the_publishing_delegation(graph):
    kinnear = node(graph, "Jocelyn Kinnear", "Person")
    targets = set(graph.objects(kinnear, TIP.affiliatedWith))
    assert any("Canada" in str(graph.value(t, RDFS.label)) for t in targets), targets


def test_title_apposition_before_a_person(graph):
    richey = node(graph, "Valiant Richey", "Person")
    osce = node(graph, "Organization for Security and Co-operation in Europe")
    assert linked(graph, richey, "affiliatedWith", osce)  # the body his title names
    # the title names an office holder, not the Office: no body is made up for it
    office = "Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"
    assert not set(graph.subjects(RDFS.label, Literal(office)))
    # "Canada warmly welcomes Ambassador Richey": the country acting on him is not his
    assert not linked(graph, richey, "affiliatedWith", node(graph, "Canada", "Country"))


def test_member_since_a_year_makes_a_membership(graph):
    moldova = node(graph, "Moldova", "Country")
    coe = node(graph, "Council of Europe")
    assert linked(graph, moldova, "memberOf", coe)
    memberships = [m for m in graph.subjects(TIP.member, moldova) if (m, TIP.organization, coe) in graph]
    assert memberships and (memberships[0], TIP.since, Literal("1995", datatype=XSD.gYear)) in graph


def test_place_comma_country(graph):
    assert linked(graph, node(graph, "Chisinau", "Place"), "locatedIn", node(graph, "Moldova", "Country"))


def test_participating_states_are_members_of_the_osce(graph):
    group = node(graph, "OSCE participating States")
    assert linked(graph, group, "memberOf", node(graph, "Organization for Security and Co-operation in Europe"))


# -- a news article ------------------------------------------------------------------------------

def test_news_apposition_author_and_title_prefix(graph):
    schmidt = node(graph, "Anna Schmidt", "Person")
    assert linked(graph, schmidt, "affiliatedWith", node(graph, "La Strada International"))
    author = node(graph, "Maria Lopez", "Person")
    assert linked(graph, author, "affiliatedWith", node(graph, "Balkan Insight"))
    patel = node(graph, "Priti Patel", "Person")
    assert linked(graph, patel, "affiliatedWith", node(graph, "United Kingdom", "Country"))


def test_news_event_host_and_participants(graph):
    forum = node(graph, "Regional Forum on Migration and Trafficking in Skopje")
    assert linked(graph, forum, "host", node(graph, "Government of Georgia"))
    assert linked(graph, forum, "participant", node(graph, "Anna Schmidt", "Person"))
    assert linked(graph, forum, "participant", node(graph, "Serbia", "Country"))
    assert linked(graph, forum, "participant", node(graph, "Kosovo", "Country"))


def test_news_membership_with_year(graph):
    uk = node(graph, "United Kingdom", "Country")
    nato = node(graph, "North Atlantic Treaty Organization")
    assert linked(graph, uk, "memberOf", nato)


# -- speeches at events ---------------------------------------------------------------------------

def test_speech_at_event_greetings_welcomes_and_hosts(graph):
    table = node(graph, "Tbilisi Round Table on Victim Protection", "Meeting")
    assert linked(graph, doc(graph, "003_speech_roundtable.txt"), "deliveredAt", table)
    for person in ("Jane Doe", "Giorgi Kvirikashvili", "Tom Smith", "Petrov"):
        assert linked(graph, table, "participant", node(graph, person, "Person")), person
    assert linked(graph, table, "host", node(graph, "Georgia", "Country"))
    assert linked(graph, table, "organizer", node(graph, "United Nations Office on Drugs and Crime"))
    assert linked(graph, table, "participant", node(graph, "Armenia", "Country"))
    assert linked(graph, table, "participant", node(graph, "Azerbaijan", "Country"))


def test_joined_in_a_year_and_no_membership_for_candidates(graph):
    assert linked(graph, node(graph, "Georgia", "Country"), "memberOf", node(graph, "Council of Europe"))
    ukraine = node(graph, "Ukraine", "Country")
    assert not list(graph.objects(ukraine, TIP.memberOf))


def test_national_office_and_the_one_country_named(graph):
    minister = node(graph, "Giorgi Kvirikashvili", "Person")
    assert linked(graph, minister, "affiliatedWith", node(graph, "Georgia", "Country"))
    # a greeting that names no country gives Ambassador Smith none
    smith = node(graph, "Tom Smith", "Person")
    assert not any((o, RDF.type, TIP.Country) in graph for o in graph.objects(smith, TIP.affiliatedWith))


def test_organised_by_and_relative_dates(graph):
    conference = node(graph, "Bucharest Conference on Labour Exploitation", "Conference")
    assert linked(graph, doc(graph, "004_speech_bucharest.txt"), "deliveredAt", conference)
    assert linked(graph, conference, "organizer", node(graph, "OSCE Office for Democratic Institutions and Human Rights"))
    assert (conference, TIP.date, Literal("2021-05-12", datatype=XSD.date)) in graph
    # "last week" against 12 May 2021: the month is all the text tells
    warsaw = node(graph, "Warsaw Human Dimension Meeting", "Meeting")
    assert (warsaw, TIP.date, Literal("2021-05", datatype=XSD.gYearMonth)) in graph
    revenco = node(graph, "Ana Revenco", "Person")
    assert linked(graph, revenco, "affiliatedWith", node(graph, "Moldova", "Country"))
    assert linked(graph, conference, "participant", revenco)


def test_undated_document_keeps_the_relative_date_as_text(graph):
    dialogue = node(graph, "Sarajevo Dialogue on Trafficking", "Meeting")
    assert (dialogue, TIP.relativeDate, Literal("yesterday")) in graph
    assert not list(graph.objects(dialogue, TIP.date))


def test_statement_about_an_event_was_not_delivered_at_it(graph):
    statement = doc(graph, "006_statement_outcome.txt")
    assert not list(graph.objects(statement, TIP.deliveredAt))


# -- helpers ----------------------------------------------------------------------------------------

def test_relative_date_resolution():
    table = load_vocabulary().lexicon("relations")["relative_dates"]
    assert resolve_relative_date("yesterday", "2017-12-14", table) == "2017-12-13"
    assert resolve_relative_date("last week", "2017-12-03", table) == "2017-11"
    assert resolve_relative_date("next year", "2017-12-14", table) == "2018"
    assert resolve_relative_date("last month", "2021-01-31", table) == "2020-12"
    assert resolve_relative_date("next year", "2017", table) == "2018"
    assert resolve_relative_date("yesterday", "2017", table) is None
    assert resolve_relative_date("yesterday", None, table) is None


def test_written_date():
    assert written_date("2017-12-14") == "14 December 2017"
    assert written_date("2022-03") == "March 2022"


# -- the seed corpus ----------------------------------------------------------------------------------

def test_seed_relation_and_event_scores(seed_scores):
    assert seed_scores["relation_recall"] >= 0.95
    assert seed_scores["relation_recall_strict"] >= 0.90
    assert seed_scores["event_attribute_recall"] >= 0.90
    assert seed_scores["entity_f1"] >= 0.95
