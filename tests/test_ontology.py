"""The OWL ontology, the SHACL shapes and `tipgraph validate`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef

import tipgraph
from tipgraph.cli import main
from tipgraph.validate import ValidationResult, Violation, validate_graph

TIP = Namespace("https://w3id.org/tipgraph/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ONTOLOGY_IRI = URIRef("https://w3id.org/tipgraph/ontology")
ONTOLOGY = tipgraph.ontology_dir()
# the contract as shared beside the checkout, else the copy kept with the tests
_SHARED_VOCABULARY = Path(__file__).resolve().parents[2] / "shared" / "VOCABULARY.md"
VOCABULARY_MD = _SHARED_VOCABULARY if _SHARED_VOCABULARY.exists() else Path(__file__).resolve().parent / "VOCABULARY.md"

# Used when VOCABULARY.md is not present (e.g. an installed copy).
FALLBACK_VOCABULARY = {
    "classes": """Person GovernmentBody InternationalOrganization CivilSocietyOrganization MediaOrganization
        Organization Country Region Place Event Conference Workshop Meeting Instrument Document Speech
        Statement NewsArticle PressRelease Report Claim CallToAction Commitment Statistic Endorsement
        Criticism Assertion Mention Actor""".split(),
    "properties": """mentionedIn mention document start end anchorText isoCode title affiliatedWith partOf
        memberOf locatedIn organizer host participant location date sourceFile speaker author publisher
        deliveredAt claimant addressee about statedIn text quantity citesSource""".split(),
}
# The extras marked (+) in docs/architecture.md.
EXTRA_CLASSES = ["Membership"]
EXTRA_PROPERTIES = """relativeDate sentence sourceUrl onBehalfOf alignedActor unit period quotes
    sourceCountry transitCountry destinationCountry member organization since""".split()


def vocabulary_names() -> tuple[set[str], set[str]]:
    """tip: class and property local names named in VOCABULARY.md's tables."""
    if not VOCABULARY_MD.is_file():
        return set(FALLBACK_VOCABULARY["classes"]), set(FALLBACK_VOCABULARY["properties"])
    classes: set[str] = set()
    properties: set[str] = set()
    for line in VOCABULARY_MD.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        for name in re.findall(r"`tip:(\w+)`", line):
            (classes if name[0].isupper() else properties).add(name)
    # Names in prose ("tip:Actor is the superclass of ...").
    for name in re.findall(r"`tip:(\w+)`", VOCABULARY_MD.read_text(encoding="utf-8")):
        (classes if name[0].isupper() else properties).add(name)
    return classes, properties


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "tip.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


# ---------------------------------------------------------------------------
# Ontology
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tip.ttl", "shapes.ttl"])
def test_turtle_parses_with_rdflib_and_oxigraph(name):
    path = ONTOLOGY / name
    rdflib_triples = len(Graph().parse(path, format="turtle"))
    with open(path, "rb") as handle:
        ox_triples = len(list(pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE)))
    assert rdflib_triples == ox_triples > 100


def test_ontology_header(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, RDFS.comment) is not None


def test_vocabulary_table_is_read():
    classes, properties = vocabulary_names()
    assert {"Person", "Claim", "Mention", "Actor"} <= classes
    assert {"mentionedIn", "claimant", "citesSource", "anchorText"} <= properties


def _english(graph: Graph, subject, predicate) -> list[Literal]:
    return [o for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == "en" and str(o).strip()]


def test_every_class_is_declared_with_label_and_comment(ontology):
    classes, _ = vocabulary_names()
    for name in sorted(classes | set(EXTRA_CLASSES)):
        term = TIP[name]
        assert (term, RDF.type, OWL.Class) in ontology, f"tip:{name} is not an owl:Class"
        assert len(_english(ontology, term, RDFS.label)) == 1, f"tip:{name} needs one English label"
        assert _english(ontology, term, RDFS.comment), f"tip:{name} needs an English comment"


def test_every_property_is_declared_with_label_and_comment(ontology):
    _, properties = vocabulary_names()
    kinds = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    for name in sorted(properties | set(EXTRA_PROPERTIES)):
        term = TIP[name]
        declared = set(ontology.objects(term, RDF.type)) & kinds
        assert len(declared) == 1, f"tip:{name} must be exactly one of Object/Datatype/AnnotationProperty"
        assert len(_english(ontology, term, RDFS.label)) == 1, f"tip:{name} needs one English label"
        assert _english(ontology, term, RDFS.comment), f"tip:{name} needs an English comment"


def test_nothing_undeclared_in_tip_namespace(ontology):
    """Every tip: term the ontology uses is itself declared (no typos)."""
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(str(TIP))}
    declared = set(ontology.subjects(RDF.type, None))
    assert used <= declared, sorted(used - declared)


def _superclasses(graph: Graph, cls) -> set:
    return set(graph.transitive_objects(cls, RDFS.subClassOf)) - {cls}


@pytest.mark.parametrize(
    "child, parent",
    [
        ("Person", "Actor"), ("Organization", "Actor"), ("Country", "Actor"),
        ("GovernmentBody", "Organization"), ("InternationalOrganization", "Organization"),
        ("CivilSocietyOrganization", "Organization"), ("MediaOrganization", "Organization"),
        ("Conference", "Event"), ("Workshop", "Event"), ("Meeting", "Event"),
        ("Speech", "Document"), ("Statement", "Document"), ("NewsArticle", "Document"),
        ("PressRelease", "Document"), ("Report", "Document"),
        ("CallToAction", "Claim"), ("Commitment", "Claim"), ("Statistic", "Claim"),
        ("Endorsement", "Claim"), ("Criticism", "Claim"), ("Assertion", "Claim"),
    ],
)
def test_class_hierarchy(ontology, child, parent):
    assert (TIP[child], RDFS.subClassOf, TIP[parent]) in ontology


def test_alignments(ontology):
    schema = Namespace("https://schema.org/")
    prov = Namespace("http://www.w3.org/ns/prov#")
    org = Namespace("http://www.w3.org/ns/org#")
    foaf = Namespace("http://xmlns.com/foaf/0.1/")
    assert schema.Person in _superclasses(ontology, TIP.Person)
    assert foaf.Person in _superclasses(ontology, TIP.Person)
    assert org.Organization in _superclasses(ontology, TIP.GovernmentBody)
    assert schema.GovernmentOrganization in _superclasses(ontology, TIP.GovernmentBody)
    assert schema.NGO in _superclasses(ontology, TIP.CivilSocietyOrganization)
    assert prov.Entity in _superclasses(ontology, TIP.Claim)
    assert prov.Entity in _superclasses(ontology, TIP.Speech)
    assert org.Membership in _superclasses(ontology, TIP.Membership)
    assert (TIP.claimant, RDFS.subPropertyOf, prov.wasAttributedTo) in ontology
    assert (TIP.quotes, RDFS.subPropertyOf, prov.wasQuotedFrom) in ontology
    assert (TIP.memberOf, RDFS.subPropertyOf, org.memberOf) in ontology
    for role in ("sourceCountry", "transitCountry", "destinationCountry"):
        assert (TIP[role], RDFS.subPropertyOf, TIP.about) in ontology
    # No equivalences: none of the external classes has exactly our meaning.
    assert not list(ontology.triples((None, OWL.equivalentClass, None)))


def test_ontology_has_no_blank_nodes(ontology):
    assert not [t for triple in ontology for t in triple if not isinstance(t, (URIRef, Literal))]


# ---------------------------------------------------------------------------
# Shapes against a small graph following docs/architecture.md
# ---------------------------------------------------------------------------

SAMPLE = """
@prefix tip:     <https://w3id.org/tipgraph/ontology#> .
@prefix tipid:   <https://w3id.org/tipgraph/id/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

tipid:doc/000_a a tip:Speech ;
    rdfs:label "Remarks at the launch of the national action plan" ;
    dcterms:title "Remarks at the launch of the national action plan" ;
    tip:sourceFile "000_a.txt" ;
    tip:date "2023-07-30"^^xsd:date ;
    tip:speaker tipid:person/Yuri-Kim ;
    tip:publisher tipid:org/US-Embassy-Tirana ;
    tip:deliveredAt tipid:event/Launch-of-the-National-Action-Plan ;
    tip:sourceUrl "https://al.usembassy.gov/remarks"^^xsd:anyURI .

tipid:doc/001_b a tip:NewsArticle ;
    rdfs:label "Albania steps up fight against trafficking" ;
    tip:sourceFile "001_b.txt" ;
    tip:date "2023-07"^^xsd:gYearMonth ;
    tip:publisher tipid:org/Exit .

tipid:doc/002_c a tip:Statement ;
    rdfs:label "Statement on trafficking in human beings" ;
    tip:sourceFile "002_c.txt" ;
    tip:date "2021"^^xsd:gYear ;
    tip:onBehalfOf tipid:org/EU ;
    tip:alignedActor tipid:country/ALB .

tipid:person/Yuri-Kim a tip:Person ;
    rdfs:label "Yuri Kim" ;
    skos:altLabel "Ambassador Kim", "Kim" ;
    tip:title "Ambassador" ;
    tip:affiliatedWith tipid:country/USA ;
    tip:mentionedIn tipid:doc/000_a ;
    tip:mention tipid:mention/000_a/10-18 .

tipid:country/ALB a tip:Country ;
    rdfs:label "Albania" ;
    tip:isoCode "ALB" ;
    owl:sameAs <http://www.wikidata.org/entity/Q222> ;
    tip:memberOf tipid:org/NATO ;
    tip:mentionedIn tipid:doc/000_a, tipid:doc/001_b ;
    tip:mention tipid:mention/000_a/40-47, tipid:mention/001_b/0-7 .

tipid:country/USA a tip:Country ;
    rdfs:label "United States" ;
    tip:isoCode "USA" ;
    owl:sameAs <http://www.wikidata.org/entity/Q30> ;
    tip:mentionedIn tipid:doc/000_a ;
    tip:mention tipid:mention/000_a/60-73 .

tipid:org/NATO a tip:InternationalOrganization ;
    rdfs:label "NATO" ;
    tip:mentionedIn tipid:doc/001_b ;
    tip:mention tipid:mention/001_b/20-24 .

tipid:org/EU a tip:InternationalOrganization ;
    rdfs:label "European Union" ;
    skos:altLabel "EU" ;
    tip:mentionedIn tipid:doc/002_c ;
    tip:mention tipid:mention/002_c/0-14 .

tipid:org/US-Embassy-Tirana a tip:GovernmentBody ;
    rdfs:label "US Embassy Tirana" ;
    tip:partOf tipid:country/USA ;
    tip:locatedIn tipid:place/Tirana ;
    tip:mentionedIn tipid:doc/000_a ;
    tip:mention tipid:mention/000_a/80-97 .

tipid:org/Exit a tip:MediaOrganization ;
    rdfs:label "Exit" ;
    tip:mentionedIn tipid:doc/001_b ;
    tip:mention tipid:mention/001_b/30-34 .

tipid:place/Tirana a tip:Place ;
    rdfs:label "Tirana" ;
    tip:locatedIn tipid:country/ALB ;
    tip:mentionedIn tipid:doc/000_a ;
    tip:mention tipid:mention/000_a/100-106 .

tipid:event/Launch-of-the-National-Action-Plan a tip:Meeting ;
    rdfs:label "Launch of the National Action Plan" ;
    tip:date "2023-07-30"^^xsd:date ;
    tip:location tipid:place/Tirana ;
    tip:organizer tipid:country/ALB ;
    tip:participant tipid:person/Yuri-Kim ;
    tip:mentionedIn tipid:doc/000_a ;
    tip:mention tipid:mention/000_a/120-154 .

tipid:instrument/Palermo-Protocol a tip:Instrument ;
    rdfs:label "Palermo Protocol" ;
    tip:mentionedIn tipid:doc/000_a ;
    tip:mention tipid:mention/000_a/160-176 .

tipid:mention/000_a/10-18 a tip:Mention ; tip:document tipid:doc/000_a ;
    tip:start 10 ; tip:end 18 ; tip:anchorText "Yuri Kim" ; tip:sentence "I am Yuri Kim." .
tipid:mention/000_a/40-47 a tip:Mention ; tip:document tipid:doc/000_a ;
    tip:start 40 ; tip:end 47 ; tip:anchorText "Albania" .
tipid:mention/001_b/0-7 a tip:Mention ; tip:document tipid:doc/001_b ;
    tip:start 0 ; tip:end 7 ; tip:anchorText "Albania" .
tipid:mention/000_a/60-73 a tip:Mention ; tip:document tipid:doc/000_a ;
    tip:start 60 ; tip:end 73 ; tip:anchorText "United States" .
tipid:mention/001_b/20-24 a tip:Mention ; tip:document tipid:doc/001_b ;
    tip:start 20 ; tip:end 24 ; tip:anchorText "NATO" .
tipid:mention/002_c/0-14 a tip:Mention ; tip:document tipid:doc/002_c ;
    tip:start 0 ; tip:end 14 ; tip:anchorText "European Union" .
tipid:mention/000_a/80-97 a tip:Mention ; tip:document tipid:doc/000_a ;
    tip:start 80 ; tip:end 97 ; tip:anchorText "US Embassy Tirana" .
tipid:mention/001_b/30-34 a tip:Mention ; tip:document tipid:doc/001_b ;
    tip:start 30 ; tip:end 34 ; tip:anchorText "Exit" .
tipid:mention/000_a/100-106 a tip:Mention ; tip:document tipid:doc/000_a ;
    tip:start 100 ; tip:end 106 ; tip:anchorText "Tirana" .
tipid:mention/000_a/120-154 a tip:Mention ; tip:document tipid:doc/000_a ;
    tip:start 120 ; tip:end 154 ; tip:anchorText "launch of the National Action Plan" .
tipid:mention/000_a/160-176 a tip:Mention ; tip:document tipid:doc/000_a ;
    tip:start 160 ; tip:end 176 ; tip:anchorText "Palermo Protocol" .

tipid:claim/000_a/200-260 a tip:CallToAction ;
    rdfs:label "We urge Albania to ratify ..." ;
    tip:text "We urge Albania to fully implement the Palermo Protocol." ;
    tip:statedIn tipid:doc/000_a ;
    tip:start 200 ; tip:end 260 ;
    tip:claimant tipid:person/Yuri-Kim ;
    tip:addressee tipid:country/ALB ;
    tip:about tipid:country/ALB, tipid:instrument/Palermo-Protocol ;
    tip:date "2023-07-30"^^xsd:date ;
    tip:classifiedBy tipid:rule/appeal-verb/urge ;
    tip:attributedBy tipid:rule/document-speaker ;
    tip:confidence 0.81 .

tipid:rule/appeal-verb a tip:Rule ; rdfs:label "appeal verb" .
tipid:rule/appeal-verb/urge a tip:Rule ; rdfs:label "appeal verb: urge" ; tip:evidence "urge" ;
    <http://www.w3.org/ns/prov#specializationOf> tipid:rule/appeal-verb .
tipid:rule/document-speaker a tip:Rule ; rdfs:label "speaker of the document" .
tipid:rule/figure a tip:Rule ; rdfs:label "figure" .
tipid:rule/reporting-verb a tip:Rule ; rdfs:label "reporting verb" .

tipid:claim/001_b/40-120 a tip:Statistic ;
    rdfs:label "Albania identified 120 victims ..." ;
    tip:text "Albania identified 120 victims in 2022, most of them trafficked to Western Europe." ;
    tip:statedIn tipid:doc/001_b ;
    tip:start 40 ; tip:end 120 ;
    tip:claimant tipid:country/ALB ;
    tip:about tipid:country/ALB ;
    tip:sourceCountry tipid:country/ALB ;
    tip:quantity 120.0 ;
    tip:unit "victims" ;
    tip:period "2022"^^xsd:gYear ;
    tip:citesSource tipid:doc/000_a ;
    tip:quotes tipid:claim/000_a/200-260 ;
    tip:classifiedBy tipid:rule/figure ;
    tip:attributedBy tipid:rule/reporting-verb ;
    tip:confidence 0.77 .

tipid:membership/ALB-NATO a tip:Membership ;
    tip:member tipid:country/ALB ;
    tip:organization tipid:org/NATO ;
    tip:since "2009"^^xsd:gYear .
"""

PREFIXES = SAMPLE.split("\n\n")[0] + "\n"


def turtle(text: str) -> str:
    """Write tipid:doc/000_a in the tests; Turtle needs the full IRI (no "/" in local names)."""
    return re.sub(r"tipid:([\w/-]+)", r"<https://w3id.org/tipgraph/id/\1>", text)


def sample_graph() -> Graph:
    return Graph().parse(data=turtle(SAMPLE), format="turtle")


def broken(remove: str = "", add: str = "") -> Graph:
    """The sample with some triples (Turtle, same prefixes) removed and others added."""
    graph = sample_graph()
    if remove:
        for triple in Graph().parse(data=turtle(PREFIXES + remove), format="turtle"):
            assert triple in graph, triple
            graph.remove(triple)
    if add:
        graph.parse(data=turtle(PREFIXES + add), format="turtle")
    return graph


def test_sample_conforms():
    result = validate_graph(sample_graph())
    assert isinstance(result, ValidationResult)
    assert result.conforms, [v.line() for v in result.violations]
    assert result.violations == []
    assert result.shapes >= 10


def test_validate_graph_does_not_modify_the_graph():
    graph = sample_graph()
    before = set(graph)
    validate_graph(graph)
    assert set(graph) == before


def _problems(graph: Graph) -> list[Violation]:
    result = validate_graph(graph)
    assert not result.conforms
    return result.errors


def _only(graph: Graph, focus: str, path: str, words: str, count: int = 1) -> Violation:
    """Exactly `count` violations, one of them on (focus, path) with `words` in its message."""
    problems = _problems(graph)
    assert len(problems) == count, [p.line() for p in problems]
    matching = [p for p in problems if (p.focus, p.path) == (focus, path) and words in p.message]
    assert matching, [p.line() for p in problems]
    assert matching[0].severity == "violation"
    return matching[0]


# (name, triples removed, triples added, expected focus, path, words in the message)
BROKEN_CASES = [
    ("missing label", 'tipid:org/Exit rdfs:label "Exit" .', "",
     "tipid:org/Exit", "rdfs:label", "exactly one rdfs:label"),
    ("two labels", "", 'tipid:org/Exit rdfs:label "Exit News" .',
     "tipid:org/Exit", "rdfs:label", "exactly one rdfs:label"),
    ("language-tagged label", 'tipid:org/Exit rdfs:label "Exit" .', 'tipid:org/Exit rdfs:label "Exit"@en .',
     "tipid:org/Exit", "rdfs:label", "plain string"),
    ("altLabel repeats label", "", 'tipid:org/Exit skos:altLabel "Exit" .',
     "tipid:org/Exit", "skos:altLabel", "other than the rdfs:label"),
    ("bad isoCode", 'tipid:country/USA tip:isoCode "USA" .', 'tipid:country/USA tip:isoCode "US" .',
     "tipid:country/USA", "tip:isoCode", "alpha-3"),
    ("lower-case isoCode", 'tipid:country/USA tip:isoCode "USA" .', 'tipid:country/USA tip:isoCode "usa" .',
     "tipid:country/USA", "tip:isoCode", "alpha-3"),
    ("Mention without start", "tipid:mention/000_a/40-47 tip:start 40 .", "",
     "tipid:mention/000_a/40-47", "tip:start", "exactly one tip:start"),
    ("Mention without end", "tipid:mention/000_a/40-47 tip:end 47 .", "",
     "tipid:mention/000_a/40-47", "tip:end", "exactly one tip:end"),
    ("Mention offset as decimal", "tipid:mention/000_a/40-47 tip:end 47 .", "tipid:mention/000_a/40-47 tip:end 47.0 .",
     "tipid:mention/000_a/40-47", "tip:end", "xsd:integer"),
    # A string is not comparable with the integer start, so sh:lessThan fails too.
    ("Mention offset as string", "tipid:mention/000_a/40-47 tip:end 47 .", 'tipid:mention/000_a/40-47 tip:end "47" .',
     "tipid:mention/000_a/40-47", "tip:end", "xsd:integer", 2),
    ("Mention end before start", "tipid:mention/000_a/40-47 tip:end 47 .", "tipid:mention/000_a/40-47 tip:end 30 .",
     "tipid:mention/000_a/40-47", "tip:start", "less than tip:end"),
    ("Claim end before start", "tipid:claim/000_a/200-260 tip:end 260 .", "tipid:claim/000_a/200-260 tip:end 200 .",
     "tipid:claim/000_a/200-260", "tip:start", "less than tip:end"),
    ("Mention negative start", "tipid:mention/001_b/0-7 tip:start 0 .", "tipid:mention/001_b/0-7 tip:start -1 .",
     "tipid:mention/001_b/0-7", "tip:start", ">= 0"),
    ("Mention without anchor text", 'tipid:mention/001_b/20-24 tip:anchorText "NATO" .', "",
     "tipid:mention/001_b/20-24", "tip:anchorText", "tip:anchorText"),
    ("orphan Mention", "", "tipid:mention/001_b/50-54 a tip:Mention ; tip:document tipid:doc/001_b ; "
     'tip:start 50 ; tip:end 54 ; tip:anchorText "OSCE" .',
     "tipid:mention/001_b/50-54", "^tip:mention", "no resource points to this mention"),
    ("Mention of another document", "tipid:mention/001_b/20-24 tip:document tipid:doc/001_b .",
     "tipid:mention/001_b/20-24 tip:document tipid:doc/002_c .",
     "tipid:org/NATO", "tip:mention/tip:document", "differ from its tip:mentionedIn", 2),
    ("Mention without document", "tipid:mention/001_b/20-24 tip:document tipid:doc/001_b .", "",
     "tipid:mention/001_b/20-24", "tip:document", "exactly one tip:document", 2),
    ("confidence above 1", "tipid:claim/000_a/200-260 tip:confidence 0.81 .", "tipid:claim/000_a/200-260 tip:confidence 1.5 .",
     "tipid:claim/000_a/200-260", "tip:confidence", "from 0 to 1"),
    ("confidence a string", "tipid:claim/000_a/200-260 tip:confidence 0.81 .", 'tipid:claim/000_a/200-260 tip:confidence "high" .',
     "tipid:claim/000_a/200-260", "tip:confidence", "xsd:decimal", 3),  # datatype, and not comparable with 0 nor 1
    ("classifiedBy not a rule", "", "tipid:claim/001_b/40-120 tip:classifiedBy tipid:country/ALB .",
     "tipid:country/ALB", "rdf:type", "must be a tip:Rule", 2),
    ("rule without label", 'tipid:rule/figure rdfs:label "figure" .', "",
     "tipid:rule/figure", "rdfs:label", "exactly one rdfs:label"),
    ("Claim with two texts", "", 'tipid:claim/000_a/200-260 tip:text "Another sentence." .',
     "tipid:claim/000_a/200-260", "tip:text", "exactly one tip:text"),
    ("Claim without statedIn", "tipid:claim/000_a/200-260 tip:statedIn tipid:doc/000_a .", "",
     "tipid:claim/000_a/200-260", "tip:statedIn", "exactly one tip:statedIn"),
    ("non-Wikidata sameAs", "", "tipid:org/NATO owl:sameAs <http://dbpedia.org/resource/NATO> .",
     "tipid:org/NATO", "owl:sameAs", "Wikidata"),
    ("sameAs as a string", "", 'tipid:org/NATO owl:sameAs "http://www.wikidata.org/entity/Q7184" .',
     "tipid:org/NATO", "owl:sameAs", "Wikidata"),
    # Range violations are reported on the value, once however many triples point to it.
    ("claimant not an actor", "", "tipid:claim/000_a/200-260 tip:claimant tipid:place/Tirana .",
     "tipid:place/Tirana", "rdf:type", "value of tip:claimant, so it must be a tip:Actor"),
    ("claimant with no type", "", "tipid:claim/000_a/200-260 tip:claimant tipid:person/Nobody .",
     "tipid:person/Nobody", "rdf:type", "value of tip:claimant, so it must be a tip:Actor"),
    ("claimant a string", "", 'tipid:claim/000_a/200-260 tip:claimant "Yuri Kim" .',
     '"Yuri Kim"', "-", "value of tip:claimant", 2),
    ("speaker an organisation", "", "tipid:doc/000_a tip:speaker tipid:org/Exit .",
     "tipid:org/Exit", "rdf:type", "value of tip:speaker, so it must be a tip:Person"),
    ("mention's document not a document", "", "tipid:mention/000_a/10-18 tip:document tipid:org/Exit .",
     "tipid:org/Exit", "rdf:type", "value of tip:document", 3),
    ("about a claim", "", "tipid:claim/001_b/40-120 tip:about tipid:claim/000_a/200-260 .",
     "tipid:claim/000_a/200-260", "rdf:type", "value of tip:about, so it must be an entity"),
    ("quotes a document", "", "tipid:claim/001_b/40-120 tip:quotes tipid:doc/000_a .",
     "tipid:doc/000_a", "rdf:type", "value of tip:quotes, so it must be a claim"),
    ("document date as string", 'tipid:doc/000_a tip:date "2023-07-30"^^xsd:date .', 'tipid:doc/000_a tip:date "30 July 2023" .',
     "tipid:doc/000_a", "tip:date", "xsd:date"),
    ("document without sourceFile", 'tipid:doc/002_c tip:sourceFile "002_c.txt" .', "",
     "tipid:doc/002_c", "tip:sourceFile", "tip:sourceFile"),
    ("entity never mentioned", "tipid:org/Exit tip:mentionedIn tipid:doc/001_b . "
     "tipid:org/Exit tip:mention tipid:mention/001_b/30-34 . tipid:mention/001_b/30-34 a tip:Mention .", "",
     "tipid:org/Exit", "tip:mentionedIn", "at least one document", 2),
    ("mentionedIn without a mention there", "", "tipid:org/Exit tip:mentionedIn tipid:doc/000_a .",
     "tipid:org/Exit", "tip:mention/tip:document", "differ from its tip:mentionedIn"),
    ("two rdf:types", "", "tipid:org/Exit a tip:Organization .",
     "tipid:org/Exit", "rdf:type", "more than one rdf:type"),
    ("quantity not decimal", "tipid:claim/001_b/40-120 tip:quantity 120.0 .", 'tipid:claim/001_b/40-120 tip:quantity "120" .',
     "tipid:claim/001_b/40-120", "tip:quantity", "xsd:decimal"),
    ("sourceCountry not a country", "", "tipid:claim/001_b/40-120 tip:sourceCountry tipid:place/Tirana .",
     "tipid:place/Tirana", "rdf:type", "value of tip:sourceCountry, so it must be a tip:Country"),
    ("memberOf a country", "", "tipid:country/ALB tip:memberOf tipid:country/USA .",
     "tipid:country/USA", "rdf:type", "value of tip:memberOf, so it must be a tip:Organization"),
    ("partOf a place", "", "tipid:org/Exit tip:partOf tipid:place/Tirana .",
     "tipid:place/Tirana", "rdf:type", "value of tip:partOf"),
    ("membership without since", 'tipid:membership/ALB-NATO tip:since "2009"^^xsd:gYear .', "",
     "tipid:membership/ALB-NATO", "tip:since", "xsd:gYear"),
    ("event location a person", "", "tipid:event/Launch-of-the-National-Action-Plan tip:location tipid:person/Yuri-Kim .",
     "tipid:person/Yuri-Kim", "rdf:type", "value of tip:location, so it must be a tip:Place"),
]


@pytest.mark.parametrize("case", BROKEN_CASES, ids=[case[0] for case in BROKEN_CASES])
def test_broken_variant_gives_expected_violation(case):
    _name, remove, add, focus, path, words, *count = case
    _only(broken(remove, add), focus, path, words, *count)


def test_violation_shows_offending_value():
    problem = _only(
        broken(add="tipid:org/NATO owl:sameAs <http://dbpedia.org/resource/NATO> ."),
        "tipid:org/NATO", "owl:sameAs", "Wikidata",
    )
    assert "<http://dbpedia.org/resource/NATO>" in problem.message


def test_statistic_without_quantity_is_a_warning_only():
    graph = broken(remove="tipid:claim/001_b/40-120 tip:quantity 120.0 .")
    result = validate_graph(graph)
    # As in SHACL (and pyshacl, Jena): any result, a warning too, means "does not conform".
    assert not result.conforms and result.errors == []
    assert result.summary().startswith("does not conform: 0 violations, 1 warning ")
    assert (None, SH.conforms, Literal(False)) in result.report
    assert [(w.focus, w.path, w.severity) for w in result.warnings] == [
        ("tipid:claim/001_b/40-120", "tip:quantity", "warning")
    ]


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------


@pytest.fixture()
def write(tmp_path):
    def _write(graph_or_text, name="graph.ttl") -> str:
        path = tmp_path / name
        if isinstance(graph_or_text, Graph):
            graph_or_text.serialize(path, format="nt" if name.endswith(".nt") else "turtle", encoding="utf-8")
        else:
            path.write_text(graph_or_text, encoding="utf-8")
        return str(path)

    return _write


def test_cli_conforming_graph(write):
    result = CliRunner().invoke(main, ["validate", write(sample_graph())])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "conforms: 0 violations" in lines[0]


def test_cli_broken_graph_prints_one_line_per_violation(write):
    graph = broken(
        remove='tipid:org/Exit rdfs:label "Exit" .  tipid:country/USA tip:isoCode "USA" .',
        add='tipid:country/USA tip:isoCode "US" .  tipid:claim/000_a/200-260 tip:text "Another." .',
    )
    result = CliRunner().invoke(main, ["validate", write(graph)])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 4, lines
    assert lines[:3] == sorted(lines[:3])
    assert lines[0].startswith("tipid:claim/000_a/200-260  tip:text  ")
    assert lines[1].startswith("tipid:country/USA  tip:isoCode  ")
    assert '(value "US")' in lines[1]
    assert lines[2].startswith("tipid:org/Exit  rdfs:label  ")
    assert "does not conform: 3 violations, 0 warnings" in lines[3]
    assert "Traceback" not in result.output


def test_cli_json(write):
    graph = broken(add="tipid:org/NATO owl:sameAs <http://dbpedia.org/resource/NATO> .")
    result = CliRunner().invoke(main, ["validate", "--format", "json", write(graph, "graph.nt")])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.output)
    assert payload["conforms"] is False
    assert payload["violations"] == 1
    assert payload["results"][0]["focus"] == "tipid:org/NATO"
    assert payload["results"][0]["path"] == "owl:sameAs"
    assert payload["results"][0]["severity"] == "violation"


def test_cli_warning_only_does_not_conform_and_ttl_is_the_w3c_report(write):
    """The summary and sh:conforms agree with pyshacl run on its own; the exit status is documented."""
    import pyshacl

    graph = broken(remove="tipid:claim/001_b/40-120 tip:quantity 120.0 .")
    path = write(graph)
    text = CliRunner().invoke(main, ["validate", path])
    assert text.exit_code == 1
    assert "does not conform: 0 violations, 1 warning " in text.output.splitlines()[-1]
    assert CliRunner().invoke(main, ["validate", "--allow-warnings", path]).exit_code == 0
    result = CliRunner().invoke(main, ["validate", "--format", "ttl", path])
    assert result.exit_code == 1
    report = Graph().parse(data=result.stdout, format="turtle")
    assert "does not conform: 0 violations, 1 warning" in result.stderr
    conforms, expected, _ = pyshacl.validate(Graph().parse(path), shacl_graph=str(tipgraph.ontology_dir() / "shapes.ttl"))
    assert conforms is False
    assert set(report.objects(None, SH.conforms)) == {Literal(False)}
    ours = {(r.value(n, SH.focusNode), r.value(n, SH.resultPath), r.value(n, SH.resultSeverity))
            for r in (report,) for n in r.objects(None, SH.result)}
    theirs = {(expected.value(n, SH.focusNode), expected.value(n, SH.resultPath), expected.value(n, SH.resultSeverity))
              for n in expected.objects(None, SH.result)}
    assert ours == theirs and len(ours) == 1
    assert "Exit status" in CliRunner().invoke(main, ["validate", "--help"]).output


def test_cli_conforming_graph_ttl_report_from_stdin(write):
    data = Graph().parse(write(sample_graph())).serialize(format="nt")
    result = CliRunner().invoke(main, ["validate", "--format", "ttl", "--input-format", "nt", "-"],
                                                input=data)
    assert result.exit_code == 0, result.stderr
    report = Graph().parse(data=result.stdout, format="turtle")
    assert set(report.objects(None, SH.conforms)) == {Literal(True)}
    assert list(report.objects(None, SH.result)) == []
    assert "<stdin>: conforms: 0 violations, 0 warnings" in result.stderr


def test_cli_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert result.exit_code not in (0, 1)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "no such graph file" in lines[0], result.output
    assert "Traceback" not in result.output


def test_cli_syntax_error(write):
    path = write(turtle(PREFIXES + "tipid:org/Exit a tip:MediaOrganization ;; rdfs:label \n"))
    result = CliRunner().invoke(main, ["validate", path])
    assert result.exit_code not in (0, 1)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cannot parse" in lines[0], result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------
# The seed corpus, built for real
# ---------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def seed_graph_file(built_graph) -> Path:
    """The session's build of the seed corpus (tests/conftest.py); a failing build fails here too."""
    return built_graph


def test_seed_graph_report_is_well_formed(seed_graph_file):
    """Whatever the build's state, `validate` reads its graph and reports one line per problem."""
    text = CliRunner().invoke(main, ["validate", str(seed_graph_file)])
    assert text.exit_code in (0, 1), text.output
    *problems, summary = text.output.strip().splitlines()
    for line in problems:
        focus, path, message = line.split("  ", 2)
        assert focus.startswith(("tipid:", '"')) and path and message, line
    assert ("does not conform" in summary) == (text.exit_code == 1)
    as_json = json.loads(CliRunner().invoke(main, ["validate", "--format", "json", str(seed_graph_file)]).output)
    assert len(as_json["results"]) == len(problems)
    assert as_json["conforms"] == (text.exit_code == 0)


def test_seed_graph_has_no_violation(seed_graph_file):
    result = validate_graph(Graph().parse(seed_graph_file, format="turtle"))
    assert result.errors == [], "\n".join(v.line() for v in result.errors)
