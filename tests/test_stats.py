"""tipgraph stats: counts and centrality checked against rdflib + networkx
computed here, independently of the command's SPARQL."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, URIRef

from tipgraph.stats import command as stats_command

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.ttl"
TIP = "https://w3id.org/tipgraph/ontology#"
ACTORS = {"Person", "Country", "Organization", "GovernmentBody", "InternationalOrganization",
          "CivilSocietyOrganization", "MediaOrganization"}
CLAIMS = {"CallToAction", "Commitment", "Statistic", "Endorsement", "Criticism", "Assertion"}
GENRES = {"Speech", "Statement", "NewsArticle", "PressRelease", "Report"}


@pytest.fixture(params=["mini", "built"])
def graph_file(request) -> Path:
    if request.param == "mini":
        return MINI
    return Path(request.getfixturevalue("built_graph"))


def stats_json(path: Path, *args) -> dict:
    result = CliRunner().invoke(stats_command, [str(path), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def type_counts(g: Graph, keep=None) -> dict[str, int]:
    counts = Counter()
    for s, t in g.subject_objects(RDF.type):
        local = str(t).removeprefix(TIP)
        if keep is None or local in keep:
            counts["tip:" + local if str(t).startswith(TIP) else str(t)] += 1
    return dict(counts)


def expected_actor_graph(g: Graph) -> nx.Graph:
    actors = {s for s, t in g.subject_objects(RDF.type) if str(t).removeprefix(TIP) in ACTORS}
    graph = nx.Graph()
    graph.add_nodes_from(str(a) for a in actors)
    for s, p, o in g:
        if s in actors and o in actors and s != o:
            graph.add_edge(str(s), str(o))
    for claim, claimant in g.subject_objects(URIRef(TIP + "claimant")):
        for prop in ("addressee", "about"):
            for other in g.objects(claim, URIRef(TIP + prop)):
                if claimant in actors and other in actors and claimant != other:
                    graph.add_edge(str(claimant), str(other))
    return graph


def test_counts_match_rdflib(graph_file):
    g = Graph().parse(graph_file)
    stats = stats_json(graph_file)
    assert stats["triples"] == len(g)
    assert stats["subjects"] == len(set(g.subjects()))
    assert stats["resources_by_class"] == type_counts(g)
    assert stats["claims_by_class"] == type_counts(g, CLAIMS | {"Claim"})
    assert stats["documents_by_genre"] == type_counts(g, GENRES | {"Document"})
    if graph_file == MINI:
        assert stats["claims_by_class"]["tip:CallToAction"] == 2


def test_central_actors_match_networkx(graph_file):
    g = Graph().parse(graph_file)
    expected = expected_actor_graph(g)
    stats = stats_json(graph_file, "--top", "1000")
    assert stats["actor_graph"]["actors"] == expected.number_of_nodes()
    assert stats["actor_graph"]["links"] == expected.number_of_edges()
    between = nx.betweenness_centrality(expected)
    central = stats["central_actors"]
    assert len(central) == expected.number_of_nodes()
    for row in central:
        assert row["degree"] == expected.degree(row["actor"])
        assert row["betweenness"] == pytest.approx(between[row["actor"]], abs=1e-6)
        label = g.value(URIRef(row["actor"]), RDFS.label)
        assert row["label"] == (str(label) if label is not None else "")
    degrees = [row["degree"] for row in central]
    assert degrees == sorted(degrees, reverse=True)
    if graph_file == MINI:
        assert central[0]["label"] == "Albania"


def test_top_limits_the_list():
    assert len(stats_json(MINI, "--top", "3")["central_actors"]) == 3
    assert stats_json(MINI, "--top", "0")["central_actors"] == []


def test_table_output():
    result = CliRunner().invoke(stats_command, [str(MINI), "--top", "4"])
    assert result.exit_code == 0
    out = result.output
    g = Graph().parse(MINI)
    for heading in ("Resources by class", "Claims by class", "Documents by genre", "Most central actors"):
        assert heading in out
    first = out.splitlines()[2].split()
    assert first == ["triples", str(len(g))]
    section = out.split("Most central actors")[1].strip().splitlines()
    assert section[0].split() == ["actor", "class", "degree", "betweenness"]
    assert len(section) == 2 + 4


def test_errors(tmp_path):
    runner = CliRunner()
    result = runner.invoke(stats_command, [str(tmp_path / "missing.ttl")])
    assert result.exit_code != 0 and "no such graph file" in result.output
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n", encoding="utf-8")
    result = runner.invoke(stats_command, [str(bad)])
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1 and "line 2" in result.output
    assert runner.invoke(stats_command, ["--help"]).exit_code == 0


def test_estimated_betweenness_is_repeatable_and_near_the_exact_figures(monkeypatch):
    """Past EXACT_BETWEENNESS_LIMIT actors betweenness is estimated from sampled sources: the
    same graph gives the same figures every time, and they are near networkx's exact ones."""
    import tipgraph.stats as stats_module
    from tipgraph.query import load_store

    store = load_store(DATA / "mini.ttl")
    exact_graph = stats_module.actor_graph(store)
    exact = nx.betweenness_centrality(exact_graph)
    assert exact_graph.number_of_nodes() > 10
    monkeypatch.setattr(stats_module, "EXACT_BETWEENNESS_LIMIT", 5)
    monkeypatch.setattr(stats_module, "BETWEENNESS_SAMPLES", exact_graph.number_of_nodes() // 2)
    first = stats_module.compute_stats(store, top=1000)
    assert first["actor_graph"]["betweenness"] == "approximate"
    assert stats_module.compute_stats(load_store(DATA / "mini.ttl"), top=1000) == first
    top = max(exact, key=exact.get)
    estimated = {row["actor"]: row["betweenness"] for row in first["central_actors"]}
    assert estimated[top] == pytest.approx(exact[top], rel=0.5)
    assert sum(estimated.values()) == pytest.approx(sum(exact.values()), rel=0.5)
