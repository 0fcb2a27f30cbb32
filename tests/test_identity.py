"""Identity: distinct names mint distinct IRIs, text survives the Turtle writer, offsets
slice their anchor text (property-based, on generated Unicode text)."""
from __future__ import annotations

import io

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from conftest import run_cli
from tipgraph.graph import document_iri, mention_iri
from tipgraph.namespaces import TIP, TIPID, iri_segment, slug
from tipgraph.turtle import write_turtle

# any code point a Python str read from a UTF-8 file can hold (no lone surrogates)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=25)


@settings(max_examples=400, deadline=None)
@given(st.lists(NAMES, min_size=2, max_size=6, unique=True))
def test_slug_and_segment_are_injective(names):
    assert len({slug(n) for n in names}) == len(names)
    assert len({iri_segment(n) for n in names}) == len(names)
    assert len({document_iri(n) for n in names}) == len(names)


@settings(max_examples=300, deadline=None)
@given(NAMES)
def test_minted_iris_are_valid_for_both_rdf_libraries(name):
    minted = (TIPID[f"person/{slug(name)}"], document_iri(name), mention_iri(name, 0, 5, f"org/{slug(name)}"))
    assert [str(iri)[len(str(TIPID)):].count("/") for iri in minted] == [1, 1, 2]  # a name is one segment
    for iri in minted:
        pyoxigraph.NamedNode(str(iri))  # raises on an invalid IRI
        graph = Graph()
        graph.add((iri, RDF.type, TIP.Person))
        buffer = io.StringIO()
        write_turtle(graph, buffer)
        assert set(Graph().parse(data=buffer.getvalue(), format="turtle")) == set(graph)
        quads = list(pyoxigraph.parse(buffer.getvalue().encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE))
        assert quads[0].subject.value == str(iri)


def test_names_the_audit_found_colliding_mint_apart():
    assert slug("Łódź") == "Łódź"
    assert slug("Lodz") != slug("Łódź")
    assert slug("a b") != slug("a-b")
    assert slug("Yuri Kim") == "Yuri-Kim"
    assert iri_segment("Ελληνικά") != iri_segment("Русский")
    assert iri_segment("a b") != iri_segment("a-b")
    assert iri_segment("001_a1afb9ff689efd41") == "001_a1afb9ff689efd41"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_literals_round_trip_through_rdflib_and_pyoxigraph(value):
    graph = Graph()
    node = URIRef(f"{TIPID}claim/x/0-1")
    graph.add((node, TIP.text, Literal(value)))
    graph.add((node, RDFS.label, Literal(value, lang="en")))
    buffer = io.StringIO()
    write_turtle(graph, buffer)
    turtle = buffer.getvalue()
    parsed = Graph().parse(data=turtle, format="turtle")
    assert str(parsed.value(node, TIP.text)) == value
    literals = {q.object.value for q in pyoxigraph.parse(turtle.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)}
    assert literals == {value}


@pytest.fixture(scope="module")
def extractor():
    from tipgraph.pipeline import extract_document

    return extract_document


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), min_size=3, max_size=6),
    st.sampled_from(["\n", "\r\n", "\n\n", " "]),
)
def test_offsets_slice_their_anchor_text_on_generated_unicode(extractor, noise, joiner):
    """Sentences naming real actors, with arbitrary Unicode between them (emoji, combining
    marks, right-to-left text, control characters): every offset still slices its text."""
    from tipgraph.corpus import universal_newlines
    from tipgraph.model import SourceDocument

    sentences = ["The OSCE urged Albania and Łódź officials to act.", "Ambassador Zoë Ångström said Moldova must protect victims.",
                 "Minister Đorđe Petrović welcomed the report by GRETA."]
    parts = []
    for i, chunk in enumerate(noise):
        parts.append(chunk)
        parts.append(sentences[i % len(sentences)])
    text = universal_newlines(joiner.join(parts))
    extraction = extractor(SourceDocument(doc_id="generated", source_file="generated.txt", text=text))
    assert extraction.mentions
    for mention in extraction.mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.text
    for claim in extraction.claims:
        assert text[claim.span.start : claim.span.end] == claim.span.text


def test_distinct_file_and_entity_names_stay_distinct_in_a_build(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a b.txt").write_text("Remarks by Ambassador Lena Kovac\n\nThe OSCE met in Vienna with Albania.", encoding="utf-8")
    (corpus / "a-b.txt").write_text("Remarks by Ambassador Ivo Marsh\n\nThe OSCE met in Lodz with Poland.", encoding="utf-8")
    (corpus / "Ελληνικά.txt").write_text("Statement by Greece\n\nGreece urges Cyprus to protect victims of trafficking.", encoding="utf-8")
    (corpus / "Русский.txt").write_text("Statement by Georgia\n\nGeorgia welcomed the work of the OSCE in Łódź.", encoding="utf-8")
    result = run_cli("build", corpus, "--out", tmp_path / "out", "--no-html")
    assert result.exit_code == 0, result.output
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    documents = {s: str(o) for s, o in graph.subject_objects(TIP.sourceFile)}
    assert sorted(documents.values()) == sorted(["a b.txt", "a-b.txt", "Ελληνικά.txt", "Русский.txt"])
    assert len(set(documents)) == 4
    assert document_iri("Ελληνικά") in documents
    for node in documents:
        text_file = tmp_path / "out" / str(graph.value(node, TIP.textFile))
        assert text_file.read_text(encoding="utf-8") == (corpus / documents[node]).read_text(encoding="utf-8")
