"""`tipgraph build` on the seed corpus and on documents written for these tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from conftest import CORPUS, run_cli
from tipgraph.namespaces import TIP

OTHER = Path(__file__).parent / "data" / "other_corpus"


def graph_of(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def entity(graph: Graph, cls: str, name: str) -> URIRef:
    """The one resource of class `cls` with `name` among its labels."""
    hits = {
        s for s in graph.subjects(RDF.type, TIP[cls])
        if Literal(name) in set(graph.objects(s, RDFS.label)) | set(graph.objects(s, SKOS.altLabel))
    }
    assert len(hits) == 1, f"{cls} {name!r}: {sorted(hits)}"
    return hits.pop()


def test_every_mention_slices_its_document_exactly(built_graph):
    graph = graph_of(built_graph)
    texts = {
        doc: (CORPUS / str(name)).read_text(encoding="utf-8")
        for doc, name in graph.subject_objects(TIP.sourceFile)
    }
    mentions = list(graph.subjects(RDF.type, TIP.Mention))
    assert len(mentions) > 150
    for mention in mentions:
        doc = graph.value(mention, TIP.document)
        start, end = graph.value(mention, TIP.start).toPython(), graph.value(mention, TIP.end).toPython()
        assert texts[doc][start:end] == str(graph.value(mention, TIP.anchorText)), mention


def test_every_entity_is_provenanced(built_graph):
    graph = graph_of(built_graph)
    for cls in ("Person", "Country", "InternationalOrganization", "GovernmentBody", "Conference", "Instrument"):
        for node in graph.subjects(RDF.type, TIP[cls]):
            assert list(graph.objects(node, TIP.mentionedIn)), node
            assert list(graph.objects(node, TIP.mention)), node
            assert len(list(graph.objects(node, RDFS.label))) == 1, node


def test_turtle_parses_with_both_parsers_and_has_the_vocabulary_prefixes(built_graph):
    text = built_graph.read_text(encoding="utf-8")
    for prefix in ("tip:", "tipid:", "rdfs:", "skos:", "owl:", "xsd:"):
        assert f"@prefix {prefix} <" in text
    rdflib_count = len(graph_of(built_graph))
    store = pyoxigraph.Store()
    store.load(path=str(built_graph), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == rdflib_count > 1000


def test_builds_are_byte_identical(built_graph, tmp_path):
    result = run_cli("build", CORPUS, "--out", tmp_path, "--no-html", "--no-validate", "-q")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.ttl").read_bytes() == built_graph.read_bytes()


def test_resolution_across_documents(built_graph):
    graph = graph_of(built_graph)
    kim = entity(graph, "Person", "Yuri Kim")
    assert {str(x) for x in graph.objects(kim, SKOS.altLabel)} >= {"Kim", "Ambassador Kim"}
    assert len(set(graph.objects(kim, TIP.mentionedIn))) == 2
    usa = entity(graph, "Country", "United States")
    assert str(usa).endswith("/country/USA")
    assert {"US", "American"} <= {str(x) for x in graph.objects(usa, SKOS.altLabel)}
    assert str(graph.value(usa, TIP.isoCode)) == "USA"
    assert str(graph.value(usa, URIRef("http://www.w3.org/2002/07/owl#sameAs"))).endswith("/Q30")
    albanian_government = entity(graph, "GovernmentBody", "Government of Albania")
    assert "Albanian government" in {str(x) for x in graph.objects(albanian_government, SKOS.altLabel)}
    interior = entity(graph, "GovernmentBody", "Interior Ministry")
    assert (interior, TIP.partOf, albanian_government) in graph


def test_document_metadata_read_from_the_text(built_graph):
    graph = graph_of(built_graph)
    docs = {str(name): doc for doc, name in graph.subject_objects(TIP.sourceFile)}
    statement = docs["004_c40e5faef9610e67.txt"]
    assert (statement, RDF.type, TIP.Statement) in graph
    assert str(graph.value(statement, TIP.date)) == "2017-12-14"
    assert graph.value(graph.value(statement, TIP.speaker), RDFS.label) == Literal("Harry R. Kamian")
    news = docs["001_a1afb9ff689efd41.txt"]
    assert (news, RDF.type, TIP.NewsArticle) in graph
    assert graph.value(graph.value(news, TIP.author), RDFS.label) == Literal("Alice Taylor")


def test_seed_quality_does_not_regress(seed_scores):
    assert seed_scores["entity_f1"] >= 0.95, seed_scores
    assert seed_scores["document_metadata_accuracy"] >= 0.95, seed_scores


def test_documents_written_for_this_test(tmp_path):
    result = run_cli("build", OTHER, "--out", tmp_path, "--no-html", "-q")
    assert result.exit_code == 0, result.output
    graph = graph_of(tmp_path / "graph.ttl")
    docs = {str(name): doc for doc, name in graph.subject_objects(TIP.sourceFile)}
    statement, news = docs["eu_statement_pc.md"], docs["italy_news.txt"]
    assert (statement, RDF.type, TIP.Statement) in graph
    assert str(graph.value(statement, TIP.date)) == "2022-03-03"
    assert graph.value(graph.value(statement, TIP.speaker), RDFS.label) == Literal("Maria Jensen")
    assert (news, RDF.type, TIP.NewsArticle) in graph
    assert graph.value(graph.value(news, TIP.author), RDFS.label) == Literal("John Okafor")
    for name, iso3 in (("Ukraine", "UKR"), ("Moldova", "MDA"), ("Poland", "POL"), ("Nigeria", "NGA"), ("Italy", "ITA"), ("Norway", "NOR")):
        country = entity(graph, "Country", name)
        assert str(graph.value(country, TIP.isoCode)) == iso3
    assert "Nigerian" in {str(x) for x in graph.objects(entity(graph, "Country", "Nigeria"), SKOS.altLabel)}
    rossi = entity(graph, "Person", "Maria Rossi")
    assert "Rossi" in {str(x) for x in graph.objects(rossi, SKOS.altLabel)}
    richey = entity(graph, "Person", "Valiant Richey")
    assert "Special Representative" in {str(x) for x in graph.objects(richey, TIP.title)}
    iom = entity(graph, "InternationalOrganization", "IOM")
    assert "International Organization for Migration" in {str(x) for x in graph.objects(iom, RDFS.label)} | {
        str(x) for x in graph.objects(iom, SKOS.altLabel)}
    assert (entity(graph, "Instrument", "OSCE Action Plan to Combat Trafficking in Human Beings"), TIP.mentionedIn, statement) in graph
    interior = entity(graph, "GovernmentBody", "Interior Ministry")
    assert (interior, TIP.partOf, None) in graph
    assert entity(graph, "Place", "Palermo")
    for noise in ("Mr. Richey", "Chair", "Excellencies"):
        assert not list(graph.subjects(RDFS.label, Literal(noise)))


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file the outputs' documented paths lead to (links followed), by path; not the cache."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).as_posix().startswith(".cache")}


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "bad-encoding", "out-is-a-file"])
def test_bad_input_is_one_line_and_leaves_outputs_intact(case, built_dir, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built_dir, out)
    before = _snapshot(out)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "fine.txt").write_text("The OSCE met in Vienna.", encoding="utf-8")
    target = out
    if case == "missing":
        corpus = tmp_path / "nowhere"
    elif case == "empty":
        (corpus / "fine.txt").unlink()
    elif case == "binary":
        (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    elif case == "bad-encoding":
        (corpus / "noise.txt").write_bytes(bytes(range(128, 256)) * 8)
    elif case == "out-is-a-file":
        target = tmp_path / "a-file"
        target.write_text("not a folder")
    # an unreadable file is skipped unless --strict, which fails the build on it
    result = CliRunnerNoCatch().invoke(["build", str(corpus), "--out", str(target), "--strict"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    assert _snapshot(out) == before


class CliRunnerNoCatch:
    def invoke(self, args):
        from click.testing import CliRunner

        from tipgraph.cli import main

        return CliRunner().invoke(main, args)


def test_utf8_with_bom_and_latin1_documents_are_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bom.txt").write_bytes("\ufeffRemarks by Ambassador Anna Novak\n\nWe welcome Slovenia’s leadership.".encode("utf-8"))
    (corpus / "latin.txt").write_bytes("Déclaration de la Délégation\n\nThe Government of Côte d'Ivoire and the OSCE met in Genève. Café société réunion.".encode("cp1252"))
    result = run_cli("build", corpus, "--out", tmp_path / "out", "--no-html", "-q")
    assert result.exit_code == 0, result.output
    graph = graph_of(tmp_path / "out" / "graph.ttl")
    entity(graph, "Country", "Slovenia")
    entity(graph, "Country", "Côte d'Ivoire")


def test_injection_in_text_cannot_break_the_turtle(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        'Remarks by Ambassador Eve "Quote" Mallory\n\nThe OSCE said: """ . <x> "a"\\ ; } @prefix x: <http://evil/> .\n'
        "Tab\there and a form feed \f and a bell \a in Albania.",
        encoding="utf-8",
    )
    result = run_cli("build", corpus, "--out", tmp_path / "out", "-q")
    assert result.exit_code == 0, result.output
    graph = graph_of(tmp_path / "out" / "graph.ttl")
    sentences = {str(o) for o in graph.objects(None, TIP.sentence)}
    assert 'The OSCE said: """ .' in sentences
    assert any("\u0007 in Albania" in s for s in sentences)
    assert not any(str(p).startswith("http://evil/") for p in graph.predicates())


def test_parallel_build_gives_the_same_graph(built_graph, tmp_path):
    # built_graph is built with the default --jobs, every core; this one in one process
    result = run_cli("build", CORPUS, "--out", tmp_path, "--jobs", "1", "--no-html", "--no-validate", "-q")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.ttl").read_bytes() == built_graph.read_bytes()


def test_sidecar_metadata_overrides_what_the_text_says(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text(
        "Remarks at the Forum\n\nWe welcome the progress Georgia has made in identifying victims.", encoding="utf-8")
    (corpus / "metadata.yaml").write_text(
        "note.txt:\n  title: Remarks on Georgia\n  date: 2023-05-02\n  genre: Statement\n"
        "  speaker: Lena Kovac\n  source_url: https://example.org/remarks\n", encoding="utf-8")
    result = run_cli("build", corpus, "--out", tmp_path / "out", "--no-html", "-q")
    assert result.exit_code == 0, result.output
    graph = graph_of(tmp_path / "out" / "graph.ttl")
    doc = graph.value(None, TIP.sourceFile, Literal("note.txt"))
    assert (doc, RDF.type, TIP.Statement) in graph
    assert str(graph.value(doc, RDFS.label)) == "Remarks on Georgia"
    assert str(graph.value(doc, TIP.date)) == "2023-05-02"
    assert str(graph.value(doc, TIP.sourceUrl)) == "https://example.org/remarks"


def test_a_bad_sidecar_is_one_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("The OSCE met in Vienna.", encoding="utf-8")
    (corpus / "metadata.yaml").write_text("note.txt:\n  colour: blue\n", encoding="utf-8")
    result = CliRunnerNoCatch().invoke(["build", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert result.output.strip().count("\n") == 0 and "colour" in result.output


@pytest.mark.parametrize("command", [[], ["build"], ["query"], ["stats"], ["validate"], ["export"], ["render"]])
def test_every_command_explains_itself(command):
    result = CliRunnerNoCatch().invoke([*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_windows_line_ends_give_the_same_graph(tmp_path):
    text = (CORPUS / "004_c40e5faef9610e67.txt").read_text(encoding="utf-8")
    for name, newline in (("unix", "\n"), ("windows", "\r\n")):
        corpus = tmp_path / name / "corpus"
        corpus.mkdir(parents=True)
        (corpus / "statement.txt").write_bytes(text.replace("\n", newline).encode("utf-8"))
        result = run_cli("build", corpus, "--out", tmp_path / name / "out", "--no-html", "--no-validate", "-q")
        assert result.exit_code == 0, result.output
    unix = (tmp_path / "unix" / "out" / "graph.ttl").read_bytes()
    assert unix == (tmp_path / "windows" / "out" / "graph.ttl").read_bytes()
