"""Who speaks a statement that names no speaker, and a speech whose header greets someone.

Documents written for these rules (tests/data/voice_corpus), with names of no seed or dev document.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from conftest import run_cli

CORPUS = Path(__file__).resolve().parent / "data" / "voice_corpus"
Q = """
PREFIX tip: <https://w3id.org/tipgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?file ?text ?claimant WHERE {
  ?c tip:statedIn/tip:sourceFile ?file ; tip:text ?text ; tip:claimant/rdfs:label ?claimant .
}"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("voice")
    result = run_cli("build", CORPUS, "--out", out, "--no-html")
    assert result.exit_code == 0, result.output
    return Graph().parse(out / "graph.ttl")


def claimants(graph: Graph, file: str) -> dict[str, str]:
    return {str(r.text): str(r.claimant) for r in graph.query(Q) if str(r.file) == file}


def test_a_statement_titled_by_a_country_is_that_countrys(graph):
    found = claimants(graph, "swiss-statement-pc.txt")
    assert found, "no claims read"
    assert set(found.values()) == {"Switzerland"}, found


def test_on_behalf_of_a_country_makes_it_the_voice(graph):
    found = claimants(graph, "georgia-on-behalf.txt")
    assert found, "no claims read"
    assert set(found.values()) == {"Georgia"}, found


def test_a_greeting_line_is_not_the_speaker(graph):
    speaker = {str(r.s) for r in graph.query("""
        PREFIX tip: <https://w3id.org/tipgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?s WHERE { ?d tip:sourceFile "official-remarks-salutation.txt" ; tip:speaker/rdfs:label ?s }""")}
    assert speaker == {"Helena Marsh"}
    found = claimants(graph, "official-remarks-salutation.txt")
    assert found and set(found.values()) == {"Helena Marsh"}, found


CLASS_Q = """
PREFIX tip: <https://w3id.org/tipgraph/ontology#>
SELECT ?text ?cls WHERE { ?c tip:statedIn/tip:sourceFile "ngo-statement-shortfalls.txt" ; tip:text ?text ; a ?cls .
  FILTER(?cls != tip:Claim) }"""


@pytest.mark.parametrize("words, cls", [
    ("reaffirms its commitment", "Commitment"),
    ("operate with impunity", "Criticism"),
    ("not nearly enough attention", "Criticism"),
    ("not being properly identified", "Criticism"),
    ("has been a crucial ally", "Endorsement"),
])
def test_phrasings_of_pledge_shortfall_and_praise(graph, words, cls):
    classes = {str(r.cls).split("#")[-1] for r in graph.query(CLASS_Q) if words in str(r.text)}
    assert classes == {cls}, (words, classes)
