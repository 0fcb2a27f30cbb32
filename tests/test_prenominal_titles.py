"""A body written before a person's title: "the WHO Secretary General X", "UNICEF country office liaison officer X",
"the Valmora Agency (VA) Director X", and an office title the gazetteer knows written in full before the name."""
from __future__ import annotations

import pytest
from rdflib import Graph

from tipgraph.pipeline import build
from test_relations import linked, node

DOCUMENTS = {
    "001_news_prenominal.txt": """Agencies Meet on Forced Labour in Ports

Geneva, 4 May 2021 - Emphasising the role of labour inspection, the OSCE Secretary General Tomas Verhoeven noted in his opening remarks that ports remain a risk.

The OSCE has worked on ports since 2015. The meeting was attended by UNICEF regional office communication coordinator Lena Okafor and several inspectors.

UNICEF thanked Minister Arno Pelt for his support.
""",
    "002_statement_office_title.txt": """Statement in Response to the Report of the Special Representative

Mr. Chair,

Iceland warmly welcomes back Special Representative and Co-ordinator for Combating Trafficking in Human Beings Elena Marchetti to the Permanent Council. Her work matters across the OSCE region.

We also thank Special Representative Aldo Varga for his visit.

Thank you, Mr. Chair.
""",
    "003_release_acronym.txt": """Inspectors Trained on Forced Labour

Valmora, 3 June 2022 - The training was opened by the Valmora Labour Inspection Agency (VLIA) Director Mara Quint, who said that inspectors need better tools.

The International Labour Organization (ILO) Chief Technical Adviser Tobias Renn also spoke.
""",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    corpus = tmp_path_factory.mktemp("prenominal_corpus")
    for name, text in DOCUMENTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("prenominal_out")
    build(corpus, out, html=False, validate=False)
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def test_office_named_as_a_body_right_before_the_name(graph):
    assert linked(graph, node(graph, "Tomas Verhoeven"), "affiliatedWith", node(graph, "Organization for Security and Co-operation in Europe"))


def test_compound_title_whose_office_word_is_its_head(graph):
    assert linked(graph, node(graph, "Lena Okafor"), "affiliatedWith", node(graph, "UNICEF", "InternationalOrganization"))


def test_a_verb_between_body_and_title_is_no_title(graph):
    assert not linked(graph, node(graph, "Arno Pelt"), "affiliatedWith", node(graph, "UNICEF", "InternationalOrganization"))


def test_a_full_office_title_names_the_body_it_belongs_to(graph):
    osce = node(graph, "Organization for Security and Co-operation in Europe")
    assert linked(graph, node(graph, "Elena Marchetti"), "affiliatedWith", osce)


def test_a_short_title_many_bodies_use_names_no_body(graph):
    osce = node(graph, "Organization for Security and Co-operation in Europe")
    assert not linked(graph, node(graph, "Aldo Varga"), "affiliatedWith", osce)


def test_the_acronym_in_brackets_after_the_body_stays_with_it(graph):
    agency = node(graph, "Valmora Labour Inspection Agency")
    assert linked(graph, node(graph, "Mara Quint"), "affiliatedWith", agency)
