"""Entities, events and their facts (extract/entities.py, extract/relations.py, resolve.py) on short
documents written for these tests: other field offices, ministries, cities and people than the
seed and dev corpora, in the layouts of press releases, statements and news."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from tipgraph.extract.entities import extract_entities
from tipgraph.model import SourceDocument
from tipgraph.namespaces import TIP
from tipgraph.nlp import load_model
from tipgraph.pipeline import build
from tipgraph.vocab import load_vocabulary

DOCUMENTS = {
    "101_press_release_training.txt": """OSCE Office in Yerevan trains investigators on financial investigations

12 May 2022, Yerevan – The OSCE Office in Yerevan organized a three-day training on financial investigations of trafficking cases for investigators of the Ministry of Internal Affairs, the State Revenue Committee, Prosecutor’s Office, Border Guard Service and Customs.

The training was organized by the OSCE and the Armenian Ministry of Justice. Also participating were representatives of the International Labour Organization (ILO).

“Following the money is the surest way to the organizers,” said Acting Head of the OSCE Office in Yerevan, Peter Lorenz.

The Department for Fighting Organized Crime (DFOC) presented its cases. DFOC has opened 14 investigations since January, mostly concerning facilitated illegal migration (FIM).
""",
    "102_statement_numbered_meeting.txt": """Statement by Ambassador Lena Berg, Permanent Representative of Sweden, in Response to the Annual Report at the 1402nd Meeting of the Permanent Council

Mr. Chairperson,

Sweden thanks the Special Representative for the report presented here in Vienna today.

Thank you.
""",
    "103_news_city_and_person.txt": """Police in Cluj dismantle labour trafficking ring

By Andrei Popa

Romanian police said on Tuesday they had detained nine suspects in Cluj and Constanta.

Ilinca Varga, head of the anti-trafficking unit of the Romanian police, said the victims were recruited online.
""",
    "104_news_affiliations.txt": """Moldovan police detain seven in labour trafficking probe

By Elena Rusu

Moldovan police said on Monday that seven suspects were detained in Chisinau and Balti, Moldova.

“The victims were recruited online,” added police department spokeswoman Diana Cebotari.

The Permanent Representative of Malta to the OSCE, Ambassador Mark Vella, welcomed the arrests.

According to the Interior Ministry board member, MP Ion Popescu, the scheme had run for years.

The Acting Chairman of the National Anti-Trafficking Agency Pavel Rotaru said the agency would act.

Serbia’s Criminal Police Directorate opened a parallel investigation.
""",
    "105_statement_dated_council.txt": """Statement by the Delegation of Georgia on the follow-up to the Ministerial Council

4 May 2021, Tbilisi – As decided by the December 2019 OSCE Ministerial Council in Bratislava, participating States should implement the OSCE Action Plan to Combat Trafficking in Human Beings. The 2003 Action Plan remains our compass. We also recall the ‘Protocol against the Smuggling of Migrants by Land, Sea and Air’.

Georgia’s Labour Ministry has trained 40 inspectors. The Ministry of Labour will train 60 more next year, Professor Nino Beridze, Ph.D., OBE, said.
""",
    "106_news_title_case.txt": """UNICEF Offices Across Asia Mark World Day against Trafficking in Persons

Source: newsdesk.example.org

The Madrid Group of Friends United against Forced Labour met the Minister for Social Services, who said the Penal Code and the Anti-Trafficking Law would be amended.
""",
    "107_press_release_meeting.txt": """Deputy Minister meets Director of the Regional Anti-Trafficking Centre

5 June 2022, Tirana – The Deputy Minister of Justice, Arben Hoxha, had a meeting with the Director of the Regional Anti-Trafficking Centre, Sofia Marku, during which they discussed victim protection.

A seminar on forced labour was organized by the IOM Office in Tirana and the Ministry of Interior’s Directorate for Border Police. At the seminar, co-organized by the Albanian State Police, the Chief Inspector Dritan Cela urged more checks. Elira Basha, PhD; MBE, the Council of Europe Special Representative on Migration, said more was needed.
""",
    "108_news_agency_dateline.txt": """BELGRADE (AFP) — Serbian police arrested five people on Monday, marking the European Day against trafficking in children.

The National Action Plan to Combat Trafficking in Human Beings 2021-2024 was adopted in May. The National Action Plan provides for 12 shelters.
""",
    "109_press_release_cooperation.txt": """OSCE Mission to Serbia supports training for labour inspectors on identifying forced labour

BELGRADE, 14 March 2024 – The OSCE Mission to Serbia, in co-operation with the Ministry of Labour, Employment, Veteran and Social Affairs, organized a three-day training course for 30 labour inspectors in Novi Sad from 12 to 14 March 2024.

The training was opened by the Head of the OSCE Mission to Serbia, Ambassador Jan Braathu, and State Secretary Jelena Jerinić.

“Labour inspectors are often the first to see signs of exploitation,” said Braathu. “This is why their training matters.”

Mirjana Kovačević, Head of the Centre for Protection of Victims of Trafficking, presented the national referral system. Representatives of the International Labour Organization (ILO) and ASTRA, a Belgrade-based NGO, also took part.
""",
    "110_statement_hosting.txt": """UNODC Executive Director Ghada Waly: Statement on World Day against Trafficking in Persons

Vienna, 30 July 2023

Today, on the World Day against Trafficking in Persons, we remember the victims.

Our 2022 Global Report on Trafficking in Persons found that detected victims fell by 11 per cent. UNODC, together with the Inter-Agency Coordination Group against Trafficking in Persons (ICAT), calls on governments to act.

I thank the Government of Austria for hosting the UNODC Civil Society Forum in Vienna last month.
The forum, held on 20 and 21 June, brought together 300 participants. The event was opened by the Federal Minister.
""",
    "111_news_short_unit.txt": """Skopje conference urges faster victim identification

SKOPJE, 3 October 2022 - The OSCE Mission to Skopje hosted an international conference on victim identification.

The conference was jointly organized by the OSCE Mission, the Swiss Embassy in Skopje, the Open Gate La Strada Foundation of Skopje Region (OG-LS), the International Organization for Migration (IOM) and the Macedonian Young Lawyers Association.
""",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    corpus = tmp_path_factory.mktemp("entities_corpus")
    for name, text in DOCUMENTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("entities_out")
    build(corpus, out, html=False, validate=False)
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def named(g: Graph, name: str) -> set[URIRef]:
    found = set()
    for prop in (RDFS.label, SKOS.altLabel):
        for s in g.subjects(prop, Literal(name)):
            if "/mention/" not in str(s) and "/doc/" not in str(s) and "/claim/" not in str(s):
                found.add(s)
    return found


def node(g: Graph, name: str, cls: str | None = None) -> URIRef:
    found = {s for s in named(g, name) if cls is None or (s, RDF.type, TIP[cls]) in g}
    assert len(found) == 1, f"{name!r} ({cls}): {sorted(found)}"
    return found.pop()


def linked(g: Graph, s: URIRef, prop: str, o) -> bool:
    return (s, TIP[prop], o) in g


def mentions(name: str) -> list:
    text = DOCUMENTS[name]
    document = SourceDocument(doc_id=name.split(".")[0], source_file=name, text=text)
    return extract_entities(document, load_model()(text), load_vocabulary())


# -- entities ------------------------------------------------------------------------------

def test_a_title_alone_is_not_a_person():
    people = {mm.name for mm in mentions("101_press_release_training.txt") if mm.cls == "Person"}
    assert "Acting Head" not in people and "Head" not in people
    assert "Peter Lorenz" in people


def test_a_unit_named_after_a_known_body_is_part_of_it(graph):
    office = node(graph, "OSCE Office in Yerevan")
    assert (office, RDF.type, TIP.InternationalOrganization) in graph
    assert linked(graph, office, "partOf", node(graph, "Organization for Security and Co-operation in Europe"))
    assert linked(graph, node(graph, "Peter Lorenz", "Person"), "affiliatedWith", office)


def test_a_list_of_bodies_splits_into_its_items():
    names = {mm.span.text for mm in mentions("101_press_release_training.txt")}
    assert "Ministry of Internal Affairs" in names
    assert not any(n.startswith("Ministry of Internal Affairs,") for n in names)
    assert {"State Revenue Committee", "Prosecutor’s Office", "Border Guard Service"} <= names


def test_an_acronym_in_brackets_names_its_expansion_later_too(graph):
    dfoc = node(graph, "Department for Fighting Organized Crime")
    assert (dfoc, SKOS.altLabel, Literal("DFOC")) in graph
    assert len(named(graph, "DFOC")) == 1
    # "facilitated illegal migration (FIM)" defines a term, not a body
    assert not named(graph, "FIM")


def test_a_city_is_a_place_in_its_country_and_a_person_by_an_office_is_a_person(graph):
    assert node(graph, "Cluj", "Place")
    assert not {s for s in named(graph, "Cluj") if (s, RDF.type, TIP.Organization) in graph}
    assert linked(graph, node(graph, "Constanta", "Place"), "locatedIn", node(graph, "Romania", "Country"))
    assert node(graph, "Ilinca Varga", "Person")
    assert not named(graph, "Tuesday")


# -- events ---------------------------------------------------------------------------------

def test_a_described_training_has_its_organizers_place_and_date(graph):
    training = node(graph, "three-day training")
    assert (training, RDF.type, TIP.Workshop) in graph
    assert linked(graph, training, "organizer", node(graph, "OSCE Office in Yerevan"))
    assert linked(graph, training, "organizer", node(graph, "Organization for Security and Co-operation in Europe"))
    assert linked(graph, training, "organizer", node(graph, "Ministry of Justice"))
    # "the Armenian Ministry of Justice" organised it, not Armenia
    assert not linked(graph, training, "organizer", node(graph, "Armenia", "Country"))
    assert linked(graph, training, "location", node(graph, "Yerevan", "Place"))
    assert not {s for s in named(graph, "Yerevan") if (s, RDF.type, TIP.Person) in graph}
    assert (training, TIP.date, Literal("2022-05-12", datatype=XSD.date)) in graph
    # "The training was organized by ...": the same event, not a second one
    doc101 = next(graph.subjects(TIP.sourceFile, Literal("101_press_release_training.txt")))
    assert len({s for s in named(graph, "training") if (s, RDF.type, TIP.Workshop) in graph
                and (s, TIP.mentionedIn, doc101) in graph}) == 1


def test_a_numbered_meeting_of_a_body_is_held_by_it_at_its_seat(graph):
    meeting = node(graph, "1402nd Meeting of the Permanent Council", "Meeting")
    council = node(graph, "OSCE Permanent Council")
    assert linked(graph, meeting, "organizer", council)
    assert linked(graph, meeting, "location", node(graph, "Vienna", "Place"))
    document = next(graph.subjects(TIP.sourceFile, Literal("102_statement_numbered_meeting.txt")))
    assert linked(graph, document, "deliveredAt", meeting)


# -- one date per event across documents (issue 9) -------------------------------------------

def _event_doc(doc_id: str, text: str, name: str, date: str | None):
    from tipgraph.model import DocumentInfo, EntityMention, Extraction, RelationFact, Span

    start = text.index(name)
    mention = EntityMention("Conference", Span(start, start + len(name), name), name, attrs={"keyword": "Forum"})
    facts = [RelationFact(f"Conference:{name}", "date", "", literal=date)] if date else []
    document = SourceDocument(doc_id=doc_id, source_file=f"{doc_id}.txt", text=text)
    return Extraction(document=document, info=DocumentInfo(), mentions=[mention], relations=facts)


def _dates(extractions) -> list[str]:
    return [f.literal for ex in extractions for f in ex.relations if f.predicate == "date"]


def test_documents_that_disagree_on_an_event_date_leave_the_earliest_stated():
    from tipgraph.resolve import resolve

    name = "Vienna Forum on Labour Exploitation"
    extractions = [
        _event_doc("a", f"The {name}, held on 14 March 2021, closed.", name, "2021-03-14"),
        _event_doc("b", f"At the {name} on 12 March 2021 we spoke.", name, "2021-03-12"),
        _event_doc("c", f"The {name} was a success.", name, None),
    ]
    resolve(extractions, load_vocabulary())
    assert _dates(extractions) == ["2021-03-14"]  # document a comes first in the corpus


def test_documents_that_agree_on_an_event_date_keep_the_most_precise():
    from tipgraph.resolve import resolve

    name = "Geneva Summit on Forced Labour"
    extractions = [
        _event_doc("a", f"The {name} in May 2019 was attended by many.", name, "2019-05"),
        _event_doc("b", f"The {name} opened on 20 May 2019.", name, "2019-05-20"),
        _event_doc("c", f"We recall the {name} of 2019.", name, "2019"),
    ]
    resolve(extractions, load_vocabulary())
    assert _dates(extractions) == ["2019-05-20"]


# -- affiliations and parts ------------------------------------------------------------------

def test_an_officer_named_by_the_kind_of_body_works_for_the_one_body_of_that_kind(graph):
    police = node(graph, "Police of Moldova")
    assert linked(graph, node(graph, "Diana Cebotari", "Person"), "affiliatedWith", police)
    assert linked(graph, police, "partOf", node(graph, "Moldova", "Country"))


def test_a_representative_of_a_country_to_a_body_is_affiliated_with_the_country(graph):
    vella = node(graph, "Mark Vella", "Person")
    assert linked(graph, vella, "affiliatedWith", node(graph, "Malta", "Country"))
    assert not linked(graph, vella, "affiliatedWith", node(graph, "Organization for Security and Co-operation in Europe"))


def test_titles_before_a_name_without_a_comma_and_in_a_short_apposition(graph):
    assert linked(graph, node(graph, "Ion Popescu", "Person"), "affiliatedWith", node(graph, "Interior Ministry"))
    # "the National Anti-Trafficking Agency Pavel Rotaru": the body's name ends before its officer's
    agency = node(graph, "National Anti-Trafficking Agency")
    assert linked(graph, node(graph, "Pavel Rotaru", "Person"), "affiliatedWith", agency)


def test_a_countrys_public_body_is_part_of_it(graph):
    directorate = node(graph, "Criminal Police Directorate")
    assert linked(graph, directorate, "partOf", node(graph, "Serbia", "Country"))
    assert linked(graph, node(graph, "Balti", "Place"), "locatedIn", node(graph, "Moldova", "Country"))


def test_a_council_named_with_a_date_is_its_meeting(graph):
    meeting = node(graph, "December 2019 OSCE Ministerial Council in Bratislava", "Meeting")
    assert linked(graph, meeting, "organizer", node(graph, "OSCE Ministerial Council"))
    assert linked(graph, meeting, "location", node(graph, "Bratislava", "Place"))
    assert [str(o) for o in graph.objects(meeting, TIP.date)] == ["2019-12"]


def test_short_and_swapped_names_are_the_body_or_instrument_named_in_full():
    found = mentions("105_statement_dated_council.txt")
    plans = {mm.key for mm in found if mm.cls == "Instrument" and "Action Plan" in mm.span.text}
    assert len(plans) == 1 and None not in plans  # "The 2003 Action Plan" is the OSCE Action Plan
    labour = {mm.key for mm in found if mm.cls == "GovernmentBody" and "Labour" in mm.span.text}
    assert len(labour) == 1  # "Labour Ministry" and "Ministry of Labour"
    assert "Protocol against the Smuggling of Migrants by Land, Sea and Air" in {mm.span.text for mm in found if mm.cls == "Instrument"}
    assert not [mm for mm in found if mm.span.text in {"OBE", "Ph.D."}]
    assert "Tbilisi" in {mm.span.text for mm in found if mm.cls == "Place"}


def test_names_in_title_case_headlines_lists_and_office_complements():
    found = mentions("106_news_title_case.txt")
    spans = {(mm.cls, mm.span.text) for mm in found}
    # a headline verb ("Mark") ends the name of the observance
    assert ("Event", "World Day against Trafficking in Persons") in spans
    # "X Group" + "of" + "Friends ..." is one body
    assert any(text == "Madrid Group of Friends United against Forced Labour" for _, text in spans)
    # the field an office is for is no body; a web address is no place
    assert not any(text in {"Social Services", "newsdesk.example.org"} for _, text in spans)
    # "the Penal Code and the Anti-Trafficking Law" are two instruments
    assert {("Instrument", "Penal Code"), ("Instrument", "Anti-Trafficking Law")} <= spans


def test_who_had_a_meeting_with_whom_took_part_in_it(graph):
    meeting = next(s for s in named(graph, "meeting") if (s, RDF.type, TIP.Meeting) in graph)
    for name in ("Arben Hoxha", "Sofia Marku"):
        assert linked(graph, meeting, "participant", node(graph, name, "Person"))
    assert any(linked(graph, meeting, "location", p) for p in named(graph, "Tirana"))
    # people quoted after the text turns to the seminar took part in the seminar, not the meeting
    assert not linked(graph, meeting, "participant", node(graph, "Dritan Cela", "Person"))


def test_the_part_that_a_possessive_names_is_the_organiser_and_appositions_after_honours(graph):
    seminar = next(s for s in named(graph, "seminar") if (s, RDF.type, TIP.Workshop) in graph)
    directorate = node(graph, "Directorate for Border Police")
    assert linked(graph, seminar, "organizer", directorate)
    assert linked(graph, directorate, "partOf", node(graph, "Ministry of Interior"))
    coe = node(graph, "Council of Europe")
    assert linked(graph, node(graph, "Elira Basha", "Person"), "affiliatedWith", coe)
    # "co-organized by the Albanian State Police, the Chief Inspector Dritan Cela urged"
    police = node(graph, "Albanian State Police")
    assert linked(graph, node(graph, "Dritan Cela", "Person"), "affiliatedWith", police)


def test_an_agency_dateline_a_short_name_and_an_observance_with_a_lower_case_complement():
    found = mentions("108_news_agency_dateline.txt")
    places = [mm for mm in found if mm.span.text == "BELGRADE"]
    assert [(mm.cls, mm.name) for mm in places] == [("Place", "Belgrade")]  # not the agency in brackets
    plans = {mm.name for mm in found if mm.cls == "Instrument"}
    assert plans == {"National Action Plan to Combat Trafficking in Human Beings 2021-2024"}
    assert "European Day against trafficking in children" in {mm.span.text for mm in found if mm.cls == "Event"}


def test_organised_in_cooperation_with_a_body_in_a_town_from_a_first_day(graph):
    training = next(s for s in named(graph, "training") if (s, RDF.type, TIP.Workshop) in graph and
                    any("Serbia" in str(o) for o in graph.objects(s, TIP.organizer)))
    assert linked(graph, training, "organizer", node(graph, "OSCE Mission to Serbia"))
    assert linked(graph, training, "organizer", node(graph, "Ministry of Labour, Employment, Veteran and Social Affairs"))
    assert linked(graph, training, "location", node(graph, "Novi Sad", "Place"))  # a town the model missed
    assert [str(o) for o in graph.objects(training, TIP.date)] == ["2024-03-12"]  # "from 12 to 14 March 2024"
    # "said Braathu": the surname of the Ambassador named before, not an organisation
    braathu = node(graph, "Jan Braathu", "Person")
    assert linked(graph, training, "participant", braathu)
    assert not {s for s in named(graph, "Braathu") if s != braathu}


def test_a_government_thanked_for_hosting_hosts_and_the_event_is_the_forum(graph):
    forum = node(graph, "UNODC Civil Society Forum in Vienna")
    assert linked(graph, forum, "host", node(graph, "Government of Austria"))
    assert linked(graph, forum, "organizer", node(graph, "United Nations Office on Drugs and Crime"))
    assert not [o for o in graph.subjects(RDFS.label, Literal("event"))]


def test_a_unit_named_short_and_a_list_of_organisers_with_an_unknown_item(graph):
    conference = next(s for s in named(graph, "international conference") if (s, RDF.type, TIP.Conference) in graph)
    mission = node(graph, "OSCE Mission to Skopje")
    assert linked(graph, conference, "organizer", mission)  # "the OSCE Mission" is the Mission to Skopje
    assert (mission, SKOS.altLabel, Literal("OSCE Mission")) in graph
    assert linked(graph, conference, "organizer", node(graph, "International Organization for Migration"))
    assert not linked(graph, conference, "organizer", node(graph, "Organization for Security and Co-operation in Europe"))
