"""The graph's namespaces and the IRI scheme for minted resources."""
from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace

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


def slug(text: str) -> str:
    """A readable, IRI-safe local name: ASCII letters, digits and hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[A-Za-z0-9]+", folded)
    return "-".join(words)[:120] or "unnamed"


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
