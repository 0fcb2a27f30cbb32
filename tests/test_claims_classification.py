"""Claim classes read from the parse, and why: on documents written for these tests (tests/data/claim_classes_corpus:
a Permanent Council statement, a field-office press release and a wire story, with speakers, bodies and
countries found nowhere else in the repository)."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from tipgraph.namespaces import PROV, TIP, TIPID
from tipgraph.pipeline import build
from tipgraph.query import command as query_command
from tipgraph.validate import validate_graph

CORPUS = Path(__file__).parent / "data" / "claim_classes_corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Graph, Path]:
    out = tmp_path_factory.mktemp("claim-classes")
    build(CORPUS, out, html=True, validate=False)
    return Graph().parse(out / "graph.ttl", format="turtle"), out


@pytest.fixture(scope="module")
def graph(built) -> Graph:
    return built[0]


def claim_with(graph: Graph, words: str):
    hits = [c for c, text in graph.subject_objects(TIP.text) if words in str(text)]
    assert len(hits) == 1, f"{words!r}: {hits}"
    return hits[0]


def claim_class(graph: Graph, claim) -> str:
    classes = [str(t).rsplit("#", 1)[-1] for t in graph.objects(claim, RDF.type)]
    assert len(classes) == 1, classes
    return classes[0]


def reading(graph: Graph, claim, prop=TIP.classifiedBy) -> tuple[str, str | None]:
    """(the rule's IRI local part, the words it fired on) of a claim's tip:classifiedBy / tip:attributedBy."""
    fired = graph.value(claim, prop)
    assert fired is not None
    general = graph.value(fired, PROV.specializationOf) or fired
    evidence = graph.value(fired, TIP.evidence)
    return str(general).removeprefix(str(TIPID) + "rule/"), (str(evidence) if evidence is not None else None)


@pytest.mark.parametrize("words, cls, rule, evidence", [
    # necessity: predicates and nouns of need, and "we need"
    ("Multi-agency partnerships with labour inspectorates", "CallToAction", "necessity", "are essential"),
    ("It is equally crucial to train judges", "CallToAction", "necessity", "is equally crucial"),
    ("Patience and specialised skills are required", "CallToAction", "necessity", "are required"),
    ("We need more resources for the inspection", "CallToAction", "necessity", "We need"),
    # appeals: any subject for "urge" and "call for", a passive only with "to"
    ("Nilufar Rahimova urged the regional prosecutors", "CallToAction", "appeal-verb", "urged"),
    ("Participating States are encouraged to share data", "CallToAction", "appeal-verb", "encouraged"),
    ("The evaluation report calls for a national rapporteur", "CallToAction", None, "calls for"),
    # pledges
    ("We would like to reaffirm our commitment", "Commitment", None, None),
    ("Kazakhstan will continue to fund the shelters", "Commitment", None, None),
    # stances voiced by the speaker
    ("We have always supported the work of the Special Representative", "Endorsement", "stance-verb", None),
    ("We reject the unfounded accusations", "Criticism", "stance-verb", "We reject"),
    # credit given to a named actor
    ("Thanks to the efforts of the Kazakhstan Bar Association", "Endorsement", "credit", "Thanks to"),
    # a duty not met
    ("The government did not ensure that labour inspectors", "Criticism", "failed-duty", "did not ensure"),
    # "remains low" is a finding of failure
    ("the number of convictions for labour trafficking remains low", "Criticism", "criticism-phrase", "remains low"),
    # a monitoring body's findings and recommendations (greta_slovakia_summary.txt)
    ("notes with satisfaction the adoption", "Endorsement", "endorsement-phrase", "with satisfaction"),
    ("GRETA acknowledges the efforts of the Slovak authorities", "Endorsement", None, "acknowledges the efforts"),
    ("The authorities have yet to set up a compensation fund", "Criticism", "criticism-phrase", "have yet to"),
    ("GRETA notes the progress made in the identification", "Endorsement", "recognition", "notes the progress"),
    ("GRETA considers that the Slovak authorities should ensure", "CallToAction", "calltoaction-phrase", "should"),
    ("GRETA urges the authorities to improve", "CallToAction", "appeal-verb", "urges"),
    ("Sentences handed down for trafficking offences remain lenient", "Criticism", None, "lenient"),
    ("The Slovak authorities are determined to review", "Commitment", None, None),
    ("GRETA is not satisfied with the access of victims", "Criticism", "negated-praise", "satisfied with"),
    ("We remain concerned about the situation of children", "Criticism", None, "concerned"),
    ("Much remains to be done to prevent", "CallToAction", None, None),
    ("Support for victims in the Slovak Republic is provided", "Assertion", "no-trigger", None),
    # a minister's speech (montenegro_minister_speech.txt): need, pledges, an imperative
    ("Tackling trafficking requires a coordinated response", "CallToAction", "necessity", "trafficking requires"),
    ("The law requires employers to register", "Assertion", "no-trigger", None),
    ("My Government continues to support the shelter", "Commitment", "pledge", "Government continues"),
    ("Our country continues to face serious challenges", "Assertion", "no-trigger", None),
    ("The Ministry plans to open two new regional offices", "Commitment", "pledge", "Ministry plans"),
    ("I assure you that every report of forced labour", "Commitment", None, "I assure you"),
    ("So, ratify the Council of Europe Convention", "CallToAction", "imperative", "ratify"),
    ("Only by working together with the countries of origin", "CallToAction", "necessity", "Only by"),
    ("The Police Directorate is fully committed", "Commitment", None, None),
    ("Most of these crimes are committed online", "Assertion", "no-trigger", None),
    ("Today I am announcing a new fund", "Commitment", "pledge", "I am announcing"),
    # an elaboration carries the pledge it spells out, and nothing after a plain assertion
    ("This includes a first shelter for boys", "Commitment", "elaboration", "This includes"),
    ("This includes many workers from Serbia", "Assertion", "no-trigger", None),
    # work under way tells what is being done, it undertakes nothing (real statements and releases read so)
    ("We are strengthening the labour inspectorate", "Assertion", "no-trigger", None),
    ("We are witnessing a rise in online recruitment", "Assertion", "no-trigger", None),
    ("The police should have identified the victims", "Criticism", "criticism-phrase", "should have"),
    # the verbs of news reports (lisbon_wire.txt)
    ("Migrant rights groups slammed the decision", "Criticism", None, "slammed"),
    ("Interior Minister José Neves vowed to bring", "Commitment", None, "vowed"),
    # trigger verbs in any inflection
    ("The prosecutor commended the labour inspectors", "Endorsement", "endorsement-phrase", "commended"),
    ("The farmers' association deplored the abuse", "Criticism", "criticism-phrase", "deplored"),
    # an appeal verb needs a speaker as subject: "the ring's preparations" are none
    ("The ring's preparations for the harvest season demand", "Assertion", None, None),
])
def test_class_comes_from_the_parse(graph, words, cls, rule, evidence):
    claim = claim_with(graph, words)
    assert claim_class(graph, claim) == cls
    got_rule, got_evidence = reading(graph, claim)
    if rule:
        assert got_rule == rule
    if evidence:
        assert got_evidence == evidence
        assert evidence in str(graph.value(claim, TIP.text))


def test_where_a_cue_stands_decides_whether_it_speaks(graph):
    # a restrictive relative clause: "need to" is what States must do, not the speaker's call
    assert claim_class(graph, claim_with(graph, "The challenges that participating States need to address")) == "Assertion"
    # a concessive clause: the pledges of 2019 are not a commitment; the main clause's "remains low" is the claim
    assert claim_class(graph, claim_with(graph, "Despite the pledges made in Astana")) == "Criticism"
    # "A, but also B": the main clause's praise comes first
    both = claim_with(graph, "has acknowledged positive steps taken by the regional authorities")
    assert claim_class(graph, both) == "Endorsement"
    assert reading(graph, both) == ("endorsement-phrase", "positive steps")
    # "is encouraged that": pleased, not urged
    assert claim_class(graph, claim_with(graph, "The Programme Office is encouraged that two new shelters")) == "Endorsement"
    # the active voice blames, the passive describes
    assert claim_class(graph, claim_with(graph, "Restrictive visa policies exacerbate the risks")) == "Criticism"
    assert claim_class(graph, claim_with(graph, "Trafficking in the region is exacerbated by")) == "Assertion"
    # the "putative" should of an evaluation is no call
    assert claim_class(graph, claim_with(graph, "such abuse should still be happening")) != "CallToAction"


def test_figures_count_people_and_cases_not_dates_spans_or_context(graph):
    arrests = claim_with(graph, "arrested six suspects and identified 23 victims")
    assert claim_class(graph, arrests) == "Statistic"
    assert reading(graph, arrests) == ("figure", "six suspects")  # not the "2 October" of the dateline
    assert reading(graph, claim_with(graph, "counted 1,250 reported cases")) == ("figure", "1,250 reported cases")
    assert claim_class(graph, claim_with(graph, "Four people are sought")) == "Statistic"
    assert claim_class(graph, claim_with(graph, "Two in three victims identified")) == "Statistic"
    for words in (
        "Ten years after the adoption of the anti-trafficking law",  # a span of time
        "had operated in Portugal and Brazil for at least three years",  # a span of time
        "carried out by officers from a total of 14 countries",  # a number inside a participle: context
        "Three forms of exploitation dominate",  # a small number word that counts no one
        "contributes to SDG target 8.7 and to Security Council resolution 2388",  # numbers that name
    ):
        assert claim_class(graph, claim_with(graph, words)) == "Assertion", words


def test_every_claim_says_why(graph):
    claims = [c for c in graph.subjects(TIP.statedIn, None)]
    assert claims
    for claim in claims:
        for prop in (TIP.classifiedBy, TIP.attributedBy):
            fired = graph.value(claim, prop)
            assert fired is not None and (fired, RDF.type, TIP.Rule) in graph, (claim, prop)
            general = graph.value(fired, PROV.specializationOf) or fired
            assert (general, RDF.type, TIP.Rule) in graph and graph.value(general, RDFS.label) is not None
            if graph.value(fired, TIP.evidence) is not None:
                # the words are this claim's own (class evidence stands in the claim's text)
                assert str(graph.value(fired, RDFS.label)).startswith(str(graph.value(general, RDFS.label)))
        confidence = graph.value(claim, TIP.confidence)
        assert isinstance(confidence, Literal) and confidence.datatype == XSD.decimal
        assert Decimal("0") <= confidence.toPython() <= Decimal("1")
    # a clause read by the parse is surer than one with no cue, by the same speaker
    speaker = "Multi-agency partnerships with labour inspectorates"
    plain = "The challenges that participating States need to address"
    assert graph.value(claim_with(graph, speaker), TIP.confidence).toPython() > graph.value(
        claim_with(graph, plain), TIP.confidence).toPython()
    assert reading(graph, claim_with(graph, plain)) == ("no-trigger", None)
    assert reading(graph, claim_with(graph, speaker), TIP.attributedBy)[0] == "document-speaker"


def test_rules_have_stable_iris_with_the_words(graph):
    fired = graph.value(claim_with(graph, "Nilufar Rahimova urged"), TIP.classifiedBy)
    assert fired == TIPID["rule/appeal-verb/urged"]
    assert str(graph.value(fired, TIP.evidence)) == "urged"
    assert graph.value(fired, PROV.specializationOf) == TIPID["rule/appeal-verb"]
    assert str(graph.value(TIPID["rule/appeal-verb"], RDFS.label)) == "appeal verb"
    assert graph.value(TIPID["rule/appeal-verb"], RDFS.comment) is not None


def test_graph_with_provenance_conforms_to_the_shapes(graph):
    result = validate_graph(graph)
    assert result.conforms, [v.line() for v in result.errors]
    assert not [w for w in result.warnings if w.path in {"tip:classifiedBy", "tip:attributedBy", "tip:confidence"}]


def test_low_confidence_question_lists_the_unsure_claims(built):
    graph, out = built
    result = CliRunner().invoke(query_command, [str(out / "graph.ttl"), "--name", "low-confidence", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    got = {r["claim"]["value"] for r in rows}
    expected = {str(c) for c, v in graph.subject_objects(TIP.confidence) if v.toPython() < Decimal("0.5")}
    assert got == expected and got
    values = [Decimal(r["confidence"]["value"]) for r in rows]
    assert values == sorted(values)  # least sure first
    assert all(r["classRule"]["value"] for r in rows)
    # a higher threshold lists more, and the rule's words come along
    result = CliRunner().invoke(query_command, [str(out / "graph.ttl"), "--name", "low-confidence", "--param", "below=0.9",
                                                "--format", "json"])
    wider = json.loads(result.output)["results"]["bindings"]
    assert len(wider) > len(rows)
    assert any(r.get("classWords", {}).get("value") == "are essential" for r in wider)


def test_side_panel_shows_why(built):
    _, out = built
    page = (out / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="tipgraph-data">(.*?)</script>', page, re.S).group(1))
    claim = next(d for d in data["details"].values() if d["text"].startswith("Multi-agency partnerships"))
    assert claim["why"][0] == ["Class", "necessity", "are essential"]
    assert claim["why"][1][:2] == ["Claimant", "speaker of the document"]
    assert Decimal(claim["confidence"]) > 0
    node = next(n for n in data["nodes"] if n["id"] in data["details"] and data["details"][n["id"]] is claim)
    assert "class by necessity “are essential”" in node["title"]
    assert 'id="panel-why"' in page


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Chromium not installed (apt-get install chromium)")
def test_side_panel_why_in_the_browser(built):
    from test_render import CHROMIUM_ARGS, OfflinePage
    from playwright.sync_api import sync_playwright

    graph, out = built
    claim = str(claim_with(graph, "Multi-agency partnerships with labour inspectorates"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            view = OfflinePage(browser, out / "graph.html")
            assert view.js("(id) => tipgraph.focusNode(id)", claim)
            why = view.page.text_content("#panel-why")
            assert "necessity" in why and "are essential" in why and "speaker of the document" in why
            assert "Confidence" in why and str(graph.value(URIRef(claim), TIP.confidence)) in why
            assert view.page.is_visible("#panel-why")
            # an entity has no "why"
            person = next(n for n in view.js("tipgraph.nodes.get().map(n => [n.id, n.kind])") if n[1] == "entity")[0]
            view.js("(id) => tipgraph.focusNode(id)", person)
            assert view.page.is_hidden("#panel-why")
            assert view.errors == [] and view.remote_requests() == []
        finally:
            browser.close()
