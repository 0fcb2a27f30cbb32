"""Claims on documents written for these tests: other speakers, countries, bodies and phrasings."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS

from tipgraph.namespaces import TIP
from tipgraph.pipeline import build

CORPUS = Path(__file__).parent / "data" / "claims_corpus"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("claims")
    build(CORPUS, out, html=False, validate=False)
    return Graph().parse(out / "graph.ttl", format="turtle")


def claim_with(graph: Graph, words: str):
    hits = [c for c, text in graph.subject_objects(TIP.text) if words in str(text)]
    assert len(hits) == 1, f"{words!r}: {hits}"
    return hits[0]


def names(graph: Graph, node) -> set[str]:
    return {str(x) for x in graph.objects(node, RDFS.label)} | {str(x) for x in graph.objects(node, SKOS.altLabel)}


def claim_class(graph: Graph, claim) -> str:
    classes = [str(t).rsplit("#", 1)[-1] for t in graph.objects(claim, RDF.type)]
    assert len(classes) == 1
    return classes[0]


def test_statement_claims_are_the_speakers(graph):
    for words, cls in (
        ("deeply concerned that the war", "Criticism"),
        ("We urge the Government of Georgia", "CallToAction"),
        ("We commend Moldova", "Endorsement"),
        ("Canada will continue to fund", "Commitment"),
        ("should train its border guards", "CallToAction"),
        ("too many traffickers go unpunished", "Criticism"),
    ):
        claim = claim_with(graph, words)
        assert claim_class(graph, claim) == cls, words
        assert "Jocelyn Tremblay" in names(graph, graph.value(claim, TIP.claimant)), words


def test_addressees(graph):
    urge = claim_with(graph, "We urge the Government of Georgia")
    assert "Government of Georgia" in names(graph, graph.value(urge, TIP.addressee))
    commend = claim_with(graph, "We commend Moldova")
    assert "Moldova" in names(graph, graph.value(commend, TIP.addressee))


def test_statistic_with_quantity_unit_and_source(graph):
    stat = claim_with(graph, "38 percent of the victims")
    assert claim_class(graph, stat) == "Statistic"
    assert graph.value(stat, TIP.quantity).toPython() == 38
    assert str(graph.value(stat, TIP.unit)) == "percent"
    assert "UNODC" in names(graph, graph.value(stat, TIP.citesSource))
    shelters = claim_with(graph, "only 12 child victims in 2021")
    assert graph.value(shelters, TIP.quantity).toPython() == 12
    assert str(graph.value(shelters, TIP.period)) == "2021"
    years = claim_with(graph, "wait on average four years")
    assert graph.value(years, TIP.quantity).toPython() == 4


def test_news_attribution(graph):
    quote = claim_with(graph, "Most victims never see a single euro")
    assert "Ioana Marin" in names(graph, graph.value(quote, TIP.claimant))
    added = claim_with(graph, "courts rarely order traffickers to pay")
    assert "Ioana Marin" in names(graph, graph.value(added, TIP.claimant))
    found = claim_with(graph, "identified only 12 child victims")
    assert "GRETA" in names(graph, graph.value(found, TIP.claimant))
    noted = claim_with(graph, "labour inspectors were not trained")
    assert "GRETA" in names(graph, graph.value(noted, TIP.claimant))
    assert claim_class(graph, noted) == "Criticism"
    own = claim_with(graph, "Romania remains a country of origin")
    assert "Ana Petrova" in names(graph, graph.value(own, TIP.claimant))


def test_country_roles_and_about(graph):
    origin = claim_with(graph, "Romania remains a country of origin")
    roles = {str(o).rsplit("/", 1)[-1] for o in graph.objects(origin, TIP.sourceCountry)}
    assert roles == {"ROU"}
    about = {str(o).rsplit("/", 1)[-1] for o in graph.objects(origin, TIP.about)}
    assert {"ROU", "DEU", "ITA"} <= about


def test_courtesies_are_not_claims(graph):
    texts = [str(t) for t in graph.objects(None, TIP.text)]
    assert not any(t.startswith("Thank you, Mr. Chair") for t in texts)
    assert not any(t.strip() == "Mr. Chair," for t in texts)


def test_aligned_countries_are_recorded(graph):
    docs = {str(name): doc for doc, name in graph.subject_objects(TIP.sourceFile)}
    aligned = {str(o).rsplit("/", 1)[-1] for o in graph.objects(docs["canada_pc_statement.md"], TIP.alignedActor)}
    assert aligned == {"ALB", "MNE", "MKD"}


def test_claim_offsets_slice_the_text(graph):
    texts = {doc: (CORPUS / str(name)).read_text(encoding="utf-8") for doc, name in graph.subject_objects(TIP.sourceFile)}
    claims = list(graph.subjects(TIP.statedIn, None))
    assert len(claims) >= 12
    for claim in claims:
        doc = graph.value(claim, TIP.statedIn)
        start, end = graph.value(claim, TIP.start).toPython(), graph.value(claim, TIP.end).toPython()
        assert texts[doc][start:end] == str(graph.value(claim, TIP.text))


def test_seed_claim_figures_do_not_regress(seed_scores):
    # floors a little under what the seed build measures (issue 3 asks at least 0.85/0.75/0.90/0.80/0.80)
    assert seed_scores["claim_recall"] >= 0.95, seed_scores
    assert seed_scores["claim_precision"] >= 0.90, seed_scores
    assert seed_scores["claimant_accuracy"] >= 0.95, seed_scores
    assert seed_scores["claim_type_accuracy"] >= 0.95, seed_scores
    assert seed_scores["addressee_accuracy"] >= 0.90, seed_scores
    assert seed_scores["entity_f1"] >= 0.95, seed_scores


def test_news_quotes_are_traced_to_the_speech(built_graph):
    seed = Graph().parse(built_graph, format="turtle")
    pairs = {(str(seed.value(n, TIP.text)), str(seed.value(s, TIP.text))) for n, s in seed.subject_objects(TIP.quotes)}
    assert any("renew its efforts" in news and "redouble its efforts" in speech for news, speech in pairs), pairs
    for news_claim, speech_claim in seed.subject_objects(TIP.quotes):
        assert seed.value(news_claim, TIP.claimant) == seed.value(speech_claim, TIP.claimant)
        news_doc, speech_doc = seed.value(news_claim, TIP.statedIn), seed.value(speech_claim, TIP.statedIn)
        assert (news_doc, RDF.type, TIP.NewsArticle) in seed and (speech_doc, RDF.type, TIP.Speech) in seed


def test_press_release_dateline_title_and_quotes(graph):
    docs = {str(name): doc for doc, name in graph.subject_objects(TIP.sourceFile)}
    release = docs["unodc_press.txt"]
    assert (release, RDF.type, TIP.PressRelease) in graph
    assert str(graph.value(release, TIP.date)) == "2024-03-12"
    assert str(graph.value(release, RDFS.label)).startswith("UNODC and IOM Launch Joint Programme")
    pope = claim_with(graph, "No country can tackle this alone")
    assert "Amy Pope" in names(graph, graph.value(pope, TIP.claimant))
    call = claim_with(graph, "We call on all governments in the region")
    assert "Amado Philip de Andrés" in names(graph, graph.value(call, TIP.claimant))
    concern = claim_with(graph, "has expressed concern")
    assert claim_class(graph, concern) == "Criticism"
    assert "ECOWAS" in names(graph, graph.value(concern, TIP.claimant))
    welcomed = claim_with(graph, "Amy Pope welcomed the commitment")
    assert "European Union" in names(graph, graph.value(welcomed, TIP.addressee))
    money = claim_with(graph, "EUR 12 million")
    assert graph.value(money, TIP.quantity).toPython() == 12_000_000
    million = claim_with(graph, "more than one million refugees")
    assert graph.value(million, TIP.quantity).toPython() == 1_000_000


def test_news_names_people_by_surname_and_places_by_context(graph):
    mecacci = [s for s in graph.subjects(RDFS.label, Literal("Matteo Mecacci"))]
    assert len(mecacci) == 1 and (mecacci[0], RDF.type, TIP.Person) in graph
    assert "Mecacci" in names(graph, mecacci[0])
    assert not list(graph.subjects(RDFS.label, Literal("Mecacci")))
    assert (next(graph.subjects(RDFS.label, Literal("Dakar"))), RDF.type, TIP.Place) in graph
    hoff = claim_with(graph, "Suzanne Hoff, criticised the lack")
    assert "Suzanne Hoff" in names(graph, graph.value(hoff, TIP.claimant))


def test_eu_statement_and_a_ministers_speech(graph):
    docs = {str(name): doc for doc, name in graph.subject_objects(TIP.sourceFile)}
    statement, speech = docs["eu_pc.md"], docs["minister_speech.txt"]
    # "EU Statement on the Annual Report ...": the cue written first decides the genre
    assert (statement, RDF.type, TIP.Statement) in graph
    aligned = {str(o).rsplit("/", 1)[-1] for o in graph.objects(statement, TIP.alignedActor)}
    assert aligned == {"MKD", "MNE", "ALB", "UKR", "MDA", "BIH", "ISL", "LIE", "GEO"}
    thanks = claim_with(graph, "we thank Ireland and Austria")
    assert {"IRL", "AUT"} == {str(o).rsplit("/", 1)[-1] for o in graph.objects(thanks, TIP.addressee)}
    urge = claim_with(graph, "I urge our partners in Estonia and Lithuania")
    assert {"EST", "LTU"} == {str(o).rsplit("/", 1)[-1] for o in graph.objects(urge, TIP.addressee)}
    assert claim_class(graph, claim_with(graph, "We will double the number of labour inspectors")) == "Commitment"
    event = graph.value(speech, TIP.deliveredAt)
    assert "Baltic Sea Regional Conference on Labour Exploitation" in names(graph, event)
    assert "Riga" in names(graph, graph.value(event, TIP.location))
    assert "Government of Latvia" in names(graph, graph.value(event, TIP.host))
    assert str(graph.value(event, TIP.date)) == "2022-10-04"


def test_a_monitoring_report(graph):
    docs = {str(name): doc for doc, name in graph.subject_objects(TIP.sourceFile)}
    report = docs["greta_report.md"]
    assert (report, RDF.type, TIP.Report) in graph
    assert "GRETA" in names(graph, graph.value(report, TIP.publisher))
    governed = claim_with(graph, "that the number of convictions remains low")
    assert claim_class(graph, governed) == "Criticism"  # governed by "GRETA is concerned that ..."
    assert "GRETA" in names(graph, graph.value(governed, TIP.claimant))
    urge = claim_with(graph, "GRETA urges the Serbian authorities")
    assert "Government of Serbia" in names(graph, graph.value(urge, TIP.addressee))
    figures = claim_with(graph, "62 victims were identified in 2021")
    assert "Centre for the Protection of Victims of Trafficking" in names(graph, graph.value(figures, TIP.citesSource))


def test_a_statement_on_behalf_of_a_group_speaks_for_it(graph):
    docs = {str(name): doc for doc, name in graph.subject_objects(TIP.sourceFile)}
    statement = docs["eu_pc.md"]
    assert "European Union" in names(graph, graph.value(statement, TIP.onBehalfOf))
    speaker = graph.value(statement, TIP.speaker)
    assert "Lotte Knudsen" in names(graph, speaker)
    for words in ("The European Union warmly welcomes", "We encourage all participating States"):
        assert graph.value(claim_with(graph, words), TIP.claimant) == speaker, words


def test_a_keynote_with_greetings_and_a_relative_clause(graph):
    docs = {str(name): doc for doc, name in graph.subject_objects(TIP.sourceFile)}
    keynote = docs["deputy_minister_keynote.txt"]
    speaker = graph.value(keynote, TIP.speaker)
    assert "Elena Petrescu" in names(graph, speaker)
    event = graph.value(keynote, TIP.deliveredAt)
    assert "High-Level Conference on Child Trafficking in the Digital Age" in names(graph, event)
    assert "Bucharest" in names(graph, graph.value(event, TIP.location))
    # "Madam Chairperson, Secretary General Schmid, ..." greets two people; neither is "Chairperson Schmid"
    schmid = next(graph.subjects(SKOS.altLabel, Literal("Secretary General Schmid")))
    assert {str(t) for t in graph.objects(schmid, TIP.title)} == {"Secretary General"}
    thanks = claim_with(graph, "Let me begin by thanking")
    assert claim_class(graph, thanks) == "Endorsement"
    assert "Romania" not in {str(x) for a in graph.objects(thanks, TIP.addressee) for x in names(graph, a)}
    estimate = claim_with(graph, "Europol estimates that 70 percent")
    assert "Europol" in names(graph, graph.value(estimate, TIP.claimant))
    praise = claim_with(graph, "praise the courage of Maria Ionescu")
    assert graph.value(praise, TIP.claimant) == speaker
    assert "Maria Ionescu" in names(graph, graph.value(praise, TIP.addressee))
    assert claim_class(graph, claim_with(graph, "My government will allocate")) == "Commitment"
    assert claim_class(graph, claim_with(graph, "one of the main recruitment methods")) == "Assertion"
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "Keynote Address" not in labels and "EUR 5 million" not in labels


def test_a_wire_story(graph):
    police = claim_with(graph, "Greek police said on Wednesday")
    assert "Police of Greece" in names(graph, graph.value(police, TIP.claimant))
    assert graph.value(police, TIP.quantity).toPython() == 40
    passive = claim_with(graph, "Greece has been criticised by the U.S. State Department")
    assert claim_class(graph, passive) == "Criticism"
    assert "US State Department" in names(graph, graph.value(passive, TIP.claimant))
    assert "Greece" in names(graph, graph.value(passive, TIP.addressee))
    added = claim_with(graph, "He added that investigators were working with Europol")
    assert "Theodoros Kalogeropoulos" in names(graph, graph.value(added, TIP.claimant))
