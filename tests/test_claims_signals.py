"""Claim classes decided by general signals of the clause (its main verb and subject, modality, what a figure
is, where an evaluative word stands), on documents written for these tests (tests/data/claim_signals_corpus:
a Permanent Council statement, a police release and a wire story, with names found nowhere else)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from tipgraph.namespaces import PROV, TIP, TIPID
from tipgraph.pipeline import build

CORPUS = Path(__file__).parent / "data" / "claim_signals_corpus"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("claim-signals")
    build(CORPUS, out, html=False, validate=False)
    return Graph().parse(out / "graph.ttl", format="turtle")


def reading(graph: Graph, words: str) -> tuple[str, str]:
    hits = [c for c, text in graph.subject_objects(TIP.text) if words in str(text)]
    assert len(hits) == 1, f"{words!r}: {hits}"
    classes = [str(t).rsplit("#", 1)[-1] for t in graph.objects(hits[0], RDF.type)]
    assert len(classes) == 1, classes
    fired = graph.value(hits[0], TIP.classifiedBy)
    general = graph.value(fired, PROV.specializationOf) or fired
    return classes[0], str(general).removeprefix(str(TIPID) + "rule/")


@pytest.mark.parametrize("words, cls, rule", [
    # modality: a modal on the speaker's own verb of saying frames a statement; a need laid on "us" calls
    ("we must point out that migrant domestic workers", "Assertion", "no-trigger"),
    ("Ending forced labour requires us to reach the recruiters", "CallToAction", "necessity"),
    ("it becomes extremely important to train cyber investigators", "CallToAction", "necessity"),
    ("Labour inspections and helplines are vital tools for reaching", "CallToAction", "necessity"),
    ("The lessons of this operation will be essential in future", "Assertion", "no-trigger"),
    ("I would echo the call for landlords to report", "CallToAction", "necessity"),
    ("contact the Safe Work Line on 0300 555 0199", "CallToAction", "imperative"),
    ("Lucía Benítez highlighted the importance of training", "CallToAction", "necessity"),
    ("She also hoped that the new law would be enforced", "CallToAction", "necessity"),
    # a pledge needs an undertaking: work under way and a plan's purpose are none
    ("We are currently expanding the network of shelters", "Assertion", "no-trigger"),
    ("We are working with the local council to support", "Assertion", "no-trigger"),
    ("The new national action plan aims to improve", "Assertion", "no-trigger"),
    # figures: footnote markers, numbers in a name, a group taken up again, "of millions" as whose
    ("singles out partnerships with trade unions.[3]", "Assertion", "no-trigger"),
    ("The conference adopted Convention 182 on the Worst Forms", "Assertion", "no-trigger"),
    ("All four suspects have been released on bail", "Assertion", "no-trigger"),
    ("one of more than 40 speakers at the rally", "Assertion", "no-trigger"),
    # a modal inside an embedded question speaks for no clause
    ("identify what more we need to do for child victims", "Assertion", "no-trigger"),
    # a courtesy to the occasion praises no one: the reason given is the pledge
    ("I welcome this opportunity because ending child labour", "Commitment", "commitment-phrase"),
    ("the dignity of millions of workers across the region", "Assertion", "no-trigger"),
    # criticism: an actor abusing, doing less, downgraded, acting cynically; harm of the crime and words inside
    # the subject criticise no one
    ("The military government in Asmara is still exploiting conscripts", "Criticism", "stance-verb"),
    ("The junta in Naypyidaw is still exploiting displaced families", "Criticism", "stance-verb"),
    ("Other countries demoted to the lowest tier were Eritrea", "Criticism", "criticism-phrase"),
    ("The government convicted fewer traffickers than in the previous year", "Criticism", "failed-duty"),
    ("Paraguay has been downgraded to the Tier 2 Watch List", "Criticism", "criticism-phrase"),
    ("playing with the hopes of workers in a cynical manner", "Criticism", "criticism-phrase"),
    ("as it undermines their development", "Assertion", "no-trigger"),
    ("Worsening economic conditions push families", "Assertion", "no-trigger"),
    # praise: an agent noun of support
    ("Romania is a firm supporter of the monitoring work", "Endorsement", "endorsement-phrase"),
])
def test_class_follows_the_general_signal(graph, words, cls, rule):
    assert reading(graph, words) == (cls, rule)


def test_findings_of_a_report_are_its_authors(graph):
    """"In a report published by X, ..." gives the clause to X, "it added" takes X up, "Of these, ..." goes on."""
    for words in ("In a report published by Amnesty International", "Labour inspectors rarely reach the farms",
                  # a breakdown of the figure just given goes on in the same voice, even in a new paragraph
                  "Of these, 70 percent were men"):
        hits = [c for c, text in graph.subject_objects(TIP.text) if words in str(text)]
        assert len(hits) == 1, words
        assert str(graph.value(hits[0], TIP.claimant)).endswith("/org/Amnesty-International"), words


def test_a_stray_closing_mark_leaves_the_reporting_clause_before_it(graph):
    """'X said, “A.” B. C,” she added': the stray mark closes B and C, not "X said" before the first quotation."""
    for words in ("Annika Sorvari, a senior UNHCR protection officer", "Refugees who are trafficked often go unnoticed",
                  "They are afraid to speak to anyone in uniform"):
        hits = [c for c, text in graph.subject_objects(TIP.text) if words in str(text)]
        assert len(hits) == 1, words
        assert str(graph.value(hits[0], TIP.claimant)).endswith("/person/Annika-Sorvari"), words
