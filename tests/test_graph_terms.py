"""The graph stage's term caches (tipgraph.namespaces.Terms, Minted, iri_segment's fast path) give
the terms rdflib and the slow path give, so the graph's bytes do not depend on them."""
from rdflib import URIRef
from rdflib.namespace import RDF, XSD

from tipgraph.graph import claim_iri, document_iri
from tipgraph.model import ClaimRecord, Span
from tipgraph.namespaces import TIP, TIPID, Minted, Terms, _escape, _is_iri_letter, _UNRESERVED, iri_segment


def _segment_slowly(text: str) -> str:
    return "".join(ch if ch in _UNRESERVED or _is_iri_letter(ch) else _escape(ch) for ch in text)


def test_iri_segment_is_the_character_by_character_encoding():
    for text in ("dA01_turkey-ildem-2013", "plain.name~1", "a b/c%d", "Łódź 2024", "x\u2028y", "", "doc/1", "ä-ö"):
        assert iri_segment(text) == _segment_slowly(text)
        assert type(iri_segment(text)) is str
    assert iri_segment("a b") != iri_segment("a-b")  # still injective


def test_cached_terms_are_rdflibs_terms():
    tip = Terms(TIP)
    assert tip.claimant == TIP.claimant and type(tip.claimant) is URIRef
    assert tip.claimant is tip.claimant  # made once
    assert tip["CallToAction"] == TIP["CallToAction"]
    assert Terms(RDF).type == RDF.type and Terms(XSD).decimal == XSD.decimal


def test_minted_iris_are_the_namespaces_iris():
    minted = Minted(TIPID)
    assert minted["doc/x"] == TIPID["doc/x"] and type(minted["doc/x"]) is URIRef
    assert document_iri("Report 1") == URIRef(str(TIPID) + "doc/Report%201")
    claim = ClaimRecord(cls="Assertion", span=Span(3, 9, "abcdef"))
    assert claim_iri("d 1", claim) == URIRef(str(TIPID) + "claim/d%201/3-9")
