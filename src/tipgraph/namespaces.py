"""The graph's namespaces and the IRI scheme for minted resources."""
from __future__ import annotations

import functools
import re
import unicodedata

from rdflib import Namespace, URIRef

TIP = Namespace("https://w3id.org/tipgraph/ontology#")
TIPID = Namespace("https://w3id.org/tipgraph/id/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

PREFIXES: dict[str, str] = {
    "tip": str(TIP),
    "tipid": str(TIPID),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": str(DCTERMS),
    "wd": str(WD),
}


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_KEY = re.compile(r"[A-Za-z0-9._-]+")


def _is_iri_letter(ch: str) -> bool:
    """A letter, mark or digit outside ASCII that an IRI may hold as it is (RFC 3987 ucschar)."""
    code = ord(ch)
    if code < 0xA0 or 0xD800 <= code <= 0xF8FF or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE or code >= 0xE0000:
        return False
    return unicodedata.category(ch)[0] in "LMN"


def _escape(ch: str) -> str:
    return "".join(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))


_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9._~-]*")


@functools.lru_cache(maxsize=65_536)  # a document's id is made a segment for each of its claims and mentions
def iri_segment(text: str) -> str:
    """One IRI path segment for any text, injectively: ASCII letters, digits and "-._~"
    and non-ASCII letters and digits stay as they are (Unicode is kept, as Turtle and
    SPARQL allow); every other character, "%" and "/" included, is percent-encoded."""
    if _PLAIN_SEGMENT.fullmatch(text):
        return str(text)
    return "".join(ch if ch in _UNRESERVED or _is_iri_letter(ch) else _escape(ch) for ch in text)


def slug(text: str) -> str:
    """A readable local name for a name, injectively: words keep their letters (Unicode
    included, "Łódź" stays "Łódź"), a space becomes "-", and every other character,
    a hyphen included, is percent-encoded, so "a b" and "a-b" mint different IRIs."""
    out = []
    for ch in text:
        if ch == " ":
            out.append("-")
        elif (ch in _UNRESERVED and ch != "-") or _is_iri_letter(ch):
            out.append(ch)
        else:
            out.append(_escape(ch))
    return "".join(out)


def key_slug(key: str) -> str:
    """A gazetteer identifier ("Palermo-Protocol") is already a local name; anything else is slugged."""
    return key if _KEY.fullmatch(key) else slug(key)


def local_name(iri: str) -> str:
    """The last segment of an IRI: "partOf" for tip:partOf, "ALB" for tipid:country/ALB."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def compact_iri(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """ "tip:Person" where a prefix (the longest) covers the IRI, else "<iri>"."""
    best = None
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(iri) > len(namespace) and (best is None or len(namespace) > len(best[1])):
            best = (prefix, namespace)
    return f"{best[0]}:{iri[len(best[1]):]}" if best else f"<{iri}>"


class Terms:
    """A namespace's terms (`TIP.claimant`, `RDF.type`, `TIP[cls]`), each made once: the graph stage
    names the same few classes and properties in every triple, and rdflib makes and checks a new
    URIRef at every `TIP.x`."""

    def __init__(self, namespace):
        self._namespace = namespace
        self._terms: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self[name]
        setattr(self, name, term)  # found as an attribute from now on
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = self._namespace[name]
        return term


class Minted:
    """IRIs in a namespace whose local parts are made valid already (iri_segment, slug): made without
    rdflib's check of every new IRI, which the graph stage would pay once per claim, mention and link."""

    def __init__(self, namespace: str):
        self._base = str(namespace)

    def __getitem__(self, local: str) -> URIRef:
        return str.__new__(URIRef, self._base + local)
