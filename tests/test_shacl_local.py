"""tipgraph's own SHACL validator (tipgraph.shacl_local) against pyshacl, the reference engine.

On the graphs built from the seed corpus, the dev set and a holdout set, and on copies of
them with a violation of every constraint component ontology/shapes.ttl uses put in, both
engines must give the same results: the same (focus, path, value, component, severity,
messages, source shape), as many times each. Small shapes graphs of our own cover the
components' other parameters; shapes the local validator does not read go to pyshacl.
"""
from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path

import pyshacl
import pytest
from conftest import run_cli
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, SKOS, XSD

from tipgraph import shacl_local, validate
from tipgraph.namespaces import TIP
from tipgraph.shacl_local import Unsupported, xpath_regex
from tipgraph.validate import (
    SH,
    _violation,
    _violation_order,
    local_shapes,
    shapes_graph,
    validate_graph,
    validate_triples,
    validation_version,
)

HOLDOUT = Path(__file__).resolve().parent / "holdout" / "corpus"
EX = Namespace("http://example.org/")


def pyshacl_results(data: Graph, shapes: Graph) -> tuple[Counter, list]:
    """pyshacl's results as comparable tuples, and as tipgraph's Violation lines (sorted as validate_graph sorts)."""
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    nodes = list(report.objects(None, SH.result))
    found = Counter(
        (report.value(n, SH.focusNode), report.value(n, SH.resultPath), report.value(n, SH.value),
         report.value(n, SH.sourceConstraintComponent), report.value(n, SH.resultSeverity),
         frozenset(report.objects(n, SH.resultMessage)), report.value(n, SH.sourceShape))
        for n in nodes
    )
    return found, sorted((_violation(report, n) for n in nodes), key=_violation_order)


def local_results(data: Graph, shapes: Graph) -> tuple[Counter, list]:
    local = local_shapes(shapes)
    assert local is not None
    found = Counter(
        (r.focus, r.source.path, r.value, r.component, r.source.severity, frozenset(r.messages), r.source.shape)
        for r in local.validate(data)
    )
    return found, validate_graph(data, shapes).violations


def assert_same(data: Graph, shapes: Graph | None = None) -> Counter:
    shapes = shapes if shapes is not None else shapes_graph()
    theirs, their_lines = pyshacl_results(data, shapes)
    ours, our_lines = local_results(data, shapes)
    assert ours == theirs, (f"only pyshacl: {sorted(map(str, theirs - ours))[:5]}; "
                            f"only ours: {sorted(map(str, ours - theirs))[:5]}")
    assert our_lines == their_lines
    return ours


# ------------------------------------------------------------------------- the built graphs

@pytest.fixture(scope="module")
def holdout_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("holdout")
    result = run_cli("build", HOLDOUT, "--out", out, "--no-html", "--jobs", "2")
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def graphs(built_graph, dev_build, holdout_graph) -> dict[str, Graph]:
    return {name: Graph().parse(path) for name, path in
            (("seed", built_graph), ("dev", dev_build / "graph.ttl"), ("holdout", holdout_graph))}


def test_the_shapes_are_read_by_tipgraph_itself():
    assert validate.shape_plan(shapes_graph()) is not None
    assert local_shapes() is not None


def test_built_graphs_give_pyshacls_results(graphs):
    for name, graph in graphs.items():
        found = assert_same(graph)
        # every build has its warnings (a statistic whose figure was not read): the results are not all empty
        assert all(key[4] == SH.Warning for key in found), name


def _first(graph: Graph, cls) -> URIRef:
    return min(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))


def _replace(graph: Graph, s, p, o) -> None:
    graph.remove((s, p, None))
    graph.add((s, p, o))


def broken_copy(graph: Graph) -> tuple[Graph, list[tuple]]:
    """A copy of a built graph with a violation of each component the shapes use, and the
    (focus, component, severity) each must give."""
    g = Graph()
    for triple in graph:
        g.add(triple)
    people = sorted(s for s in g.subjects(RDF.type, TIP.Person) if isinstance(s, URIRef))
    countries = sorted(g.subjects(RDF.type, TIP.Country))
    mentions = sorted(g.subjects(RDF.type, TIP.Mention))
    claims = sorted({s for s in g.subjects(TIP.statedIn, None)})
    statistics = set(g.subjects(RDF.type, TIP.Statistic))
    others = [c for c in claims if c not in statistics]
    documents = sorted(set(g.objects(None, TIP.statedIn)))
    assert len(people) >= 4 and len(countries) >= 2 and len(mentions) >= 4 and len(others) >= 6 and len(documents) >= 2
    violation, warning = SH.Violation, SH.Warning
    expect = []

    # sh:datatype: a language-tagged title, a decimal end, an IRI where a string must be, an ill-formed decimal
    # (ill-typed values that sh:lessThan or sh:minInclusive compare: see test_where_pyshacl_departs...)
    g.add((people[0], TIP.title, Literal("Ambassador", lang="en")))
    expect.append((people[0], SH.DatatypeConstraintComponent, violation))
    _replace(g, mentions[0], TIP.end, Literal("12.5", datatype=XSD.decimal))
    expect.append((mentions[0], SH.DatatypeConstraintComponent, violation))
    _replace(g, others[0], TIP.text, URIRef("http://example.org/not-a-text"))
    expect.append((others[0], SH.DatatypeConstraintComponent, violation))
    if statistics:
        statistic = min(statistics)
        _replace(g, statistic, TIP.quantity, Literal("many", datatype=XSD.decimal))
        expect.append((statistic, SH.DatatypeConstraintComponent, violation))
    # sh:minCount (a missing label) and sh:maxCount (a second ISO code)
    g.remove((people[1], RDFS.label, None))
    expect.append((people[1], SH.MinCountConstraintComponent, violation))
    g.add((countries[0], TIP.isoCode, Literal("XYZ")))
    expect.append((countries[0], SH.MaxCountConstraintComponent, violation))
    # sh:pattern: a lower-case code, a DBpedia IRI for owl:sameAs
    _replace(g, countries[1], TIP.isoCode, Literal("usa"))
    expect.append((countries[1], SH.PatternConstraintComponent, violation))
    g.add((people[2], OWL.sameAs, URIRef("http://dbpedia.org/resource/Someone")))
    expect.append((people[2], SH.PatternConstraintComponent, violation))
    # sh:nodeKind: a literal for owl:sameAs, a blank-node person, a literal claimant (a value shape's target)
    g.add((people[3], OWL.sameAs, Literal("Q42")))
    expect += [(people[3], SH.NodeKindConstraintComponent, violation), (people[3], SH.PatternConstraintComponent, violation)]
    blank = BNode()
    g.add((blank, RDF.type, TIP.Person))
    g.add((blank, RDFS.label, Literal("Nobody In Particular")))
    expect.append((blank, SH.NodeKindConstraintComponent, violation))
    g.add((others[2], TIP.claimant, Literal("a literal claimant")))
    expect += [(Literal("a literal claimant"), SH.NodeKindConstraintComponent, violation),
               (Literal("a literal claimant"), SH.MinCountConstraintComponent, violation)]
    # sh:in: a claimant that is a mention
    g.add((others[3], TIP.claimant, mentions[1]))
    expect.append((mentions[1], SH.InConstraintComponent, violation))
    # sh:minLength: an empty label
    _replace(g, countries[0], RDFS.label, Literal(""))
    expect.append((countries[0], SH.MinLengthConstraintComponent, violation))
    # sh:lessThan: a mention that ends before it starts; sh:minInclusive, sh:maxInclusive
    end = int(g.value(mentions[2], TIP.end))
    _replace(g, mentions[2], TIP.start, Literal(end + 5))
    expect.append((mentions[2], SH.LessThanConstraintComponent, violation))
    _replace(g, others[4], TIP.start, Literal(-1))
    expect.append((others[4], SH.MinInclusiveConstraintComponent, violation))
    _replace(g, others[5], TIP.confidence, Literal("1.5", datatype=XSD.decimal))
    expect.append((others[5], SH.MaxInclusiveConstraintComponent, violation))
    # sh:equals over a two-step path: a mention naming another document than its entity's tip:mentionedIn
    entity = min(g.subjects(TIP.mention, mentions[3]))
    other_document = next(d for d in documents if d not in set(g.objects(entity, TIP.mentionedIn)))
    _replace(g, mentions[3], TIP.document, other_document)
    expect.append((entity, SH.EqualsConstraintComponent, violation))
    # sh:disjoint: an alternative label that is the label
    g.add((people[0], SKOS.altLabel, g.value(people[0], RDFS.label)))
    expect.append((people[0], SH.DisjointConstraintComponent, violation))
    # an inverse path: a mention nothing points to
    lone = URIRef(str(mentions[0]) + "-lone")
    for p, o in g.predicate_objects(mentions[1]):
        g.add((lone, p, o))
    expect.append((lone, SH.MinCountConstraintComponent, violation))
    # sh:or: a document date that one member accepts (xsd:gYear, no result), one that none does, an ill-formed date
    _replace(g, documents[0], TIP.date, Literal("2001", datatype=XSD.gYear))
    _replace(g, documents[1], TIP.date, Literal("2001-05-05T10:00:00", datatype=XSD.dateTime))
    expect.append((documents[1], SH.OrConstraintComponent, violation))
    _replace(g, others[1], TIP.date, Literal("2017-02-30", datatype=XSD.date))
    expect.append((others[1], SH.OrConstraintComponent, violation))
    # warnings: a claim without a confidence, a figure on a claim that is no statistic
    g.remove((others[2], TIP.confidence, None))
    expect.append((others[2], SH.MinCountConstraintComponent, warning))
    g.add((others[3], TIP.quantity, Literal("12", datatype=XSD.decimal)))
    expect.append((others[3], SH.MaxCountConstraintComponent, warning))
    # a class target reaches the instances of a subclass the data declares
    g.add((EX.Envoy, RDFS.subClassOf, TIP.Person))
    g.add((EX.envoy, RDF.type, EX.Envoy))
    expect.append((EX.envoy, SH.MinCountConstraintComponent, violation))
    return g, expect


def test_every_component_broken_gives_pyshacls_results(graphs):
    for name, graph in graphs.items():
        broken, expect = broken_copy(graph)
        found = assert_same(broken)
        got = {(key[0], key[3], key[4]) for key in found}
        missing = [e for e in expect if e not in got]
        assert not missing, (name, missing)
        assert {key[6] for key in found if key[4] == SH.Warning} and {key[6] for key in found if key[4] == SH.Violation}
        # no result for the date that satisfies one member of sh:or
        dated = min(set(broken.objects(None, TIP.statedIn)))
        assert not [key for key in found if key[0] == dated and key[3] == SH.OrConstraintComponent]


def test_units_of_a_broken_graph_give_pyshacls_results(graphs):
    """validate_triples (what the build's units go through) on the same triples as pyshacl."""
    broken, _ = broken_copy(graphs["seed"])
    ours = sorted((v for _, v in validate_triples(list(broken))), key=_violation_order)
    assert ours == pyshacl_results(broken, shapes_graph())[1]


def test_the_report_is_pyshacls(graphs):
    broken, _ = broken_copy(graphs["seed"])
    _, theirs, _ = pyshacl.validate(broken, shacl_graph=shapes_graph(), inference="none", advanced=False)
    result = validate_graph(broken)
    assert isomorphic(result.report, theirs)
    assert result.conforms is False
    ok = validate_graph(Graph())
    assert ok.conforms and set(ok.report.objects(None, SH.conforms)) == {Literal(True)}


# ------------------------------------------------------------------- components in detail

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .
"""

DETAIL_SHAPES = PREFIXES + """
ex:ThingShape a sh:NodeShape ; sh:targetClass ex:Thing ; sh:nodeKind sh:IRI ;
    sh:property [ sh:path ex:code ; sh:pattern "^[a-z]+$" ; sh:flags "i" ; sh:maxLength 4 ; sh:message "code" ] ,
        [ sh:path ex:low ; sh:lessThanOrEquals ex:high ; sh:minExclusive 0 ; sh:maxExclusive 10 ; sh:message "range" ] ,
        [ sh:path ex:size ; sh:minInclusive 2 ; sh:maxInclusive 5.5 ; sh:severity sh:Info ; sh:message "size" ] ,
        [ sh:path ex:name ; sh:datatype xsd:string ; sh:minLength 2 ; sh:message "name"@en , "nom"@fr ] ,
        [ sh:path ex:when ; sh:minInclusive "2000-01-01"^^xsd:date ; sh:message "when" ] ,
        [ sh:path ex:word ; sh:minInclusive "m" ; sh:message "word" ] ,
        [ sh:path ex:flag ; sh:in ( true 1 "yes" ex:Yes ) ; sh:message "flag" ] ,
        [ sh:path ex:code ; sh:pattern "b" ; sh:pattern "c" ; sh:message "two patterns" ] ,
        [ sh:path ex:off ; sh:minCount 3 ; sh:deactivated true ; sh:message "never" ] ,
        [ sh:path ( ex:has ex:code ) ; sh:maxCount 1 ; sh:message "codes of what it has" ] ,
        [ sh:path ex:kind ; sh:or ( [ sh:nodeKind sh:IRI ; sh:pattern "^http://example.org/" ]
                                     [ sh:datatype xsd:integer ; sh:minInclusive 1 ] ) ; sh:message "kind" ] .
ex:GenericShape a sh:NodeShape ; sh:targetObjectsOf ex:has ;
    sh:nodeKind sh:BlankNodeOrIRI ; sh:datatype xsd:string ; sh:pattern "^http" ; sh:minInclusive 3 .
ex:Quiet a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ; sh:nodeKind sh:Literal .
"""

DETAIL_DATA = PREFIXES + """
ex:a a ex:Thing ; ex:code "ABC", "abcde", "bc", "x1" ; ex:low 3, 0, 12 ; ex:high 3, 2 ; ex:size 2, 6, "2.5"^^xsd:decimal, 3e0, "4" ;
    ex:name "n", "name"@en, "ok", 7 ; ex:when "1999-12-31"^^xsd:date, "2001-01-01"^^xsd:date, "2001-01-01T00:00:00"^^xsd:dateTime ;
    ex:word "a", "z", 5 ; ex:flag true, "1"^^xsd:boolean, "yes", "yes"@en, ex:Yes, ex:No ;
    ex:off 1 ; ex:kind ex:k, <http://other.org/k>, 3, 0, "3" ; ex:has ex:b , "literal" .
ex:c a ex:Thing ; ex:has ex:a ; ex:code "r" .
ex:e a ex:Thing ; ex:has ex:a ; ex:code "q" .
ex:b ex:code "a" .
_:blank a ex:Thing ; ex:has _:inner .
ex:sub rdfs:subClassOf ex:Thing . ex:subsub rdfs:subClassOf ex:sub . ex:d a ex:subsub ; ex:size 9 .
"""


def test_each_parameter_gives_pyshacls_results():
    shapes = Graph().parse(data=DETAIL_SHAPES, format="turtle")
    data = Graph().parse(data=DETAIL_DATA, format="turtle")
    found = assert_same(data, shapes)
    components = {key[3] for key in found}
    for name in ("Pattern", "MaxLength", "LessThanOrEquals", "MinExclusive", "MaxExclusive", "MinInclusive",
                 "MaxInclusive", "Datatype", "MinLength", "In", "MaxCount", "Or", "NodeKind"):
        assert SH[f"{name}ConstraintComponent"] in components, name
    assert SH.Info in {key[4] for key in found}
    # generic messages where a shape has no sh:message (pyshacl's wording)
    messages = {str(m) for key in found for m in key[5]}
    assert {"Value is not of Node Kind sh:BlankNodeOrIRI", "Value is not Literal with datatype xsd:string",
            "Value does not match pattern '^http'"} <= messages
    assert not [key for key in found if key[0] == EX.d and key[3] != SH.MaxInclusiveConstraintComponent]
    assert not [key for key in found if "never" in {str(m) for m in key[5]}]  # sh:deactivated


@pytest.mark.parametrize("extra", [
    "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:has ; sh:class ex:Thing ; sh:message 'm' ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:node ex:Other . ex:Other a sh:NodeShape ; sh:nodeKind sh:IRI .",
    "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:nodeKind sh:Literal .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:code ; sh:minCount 9 ] .",  # no sh:message
    "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:code ; sh:pattern '^\\\\w$' ; sh:message 'm' ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:Thing ; sh:property [ sh:path ex:has ; sh:hasValue ex:b ; sh:message 'm' ] .",
])
def test_shapes_tipgraph_does_not_read_go_to_pyshacl(extra):
    shapes = Graph().parse(data=PREFIXES + extra, format="turtle")
    assert local_shapes(shapes) is None
    data = Graph().parse(data=DETAIL_DATA, format="turtle")
    _, expected = pyshacl_results(data, shapes)
    assert expected  # each of these shapes finds something in the data
    assert validate_graph(data, shapes).violations == expected
    fresh = Graph()  # as validate_triples gives them to pyshacl: its generic messages name this graph's prefixes
    for triple in data:
        fresh.add(triple)
    units = sorted((v for _, v in validate_triples(list(data), shapes)), key=_violation_order)
    assert units == pyshacl_results(fresh, shapes)[1]


def test_where_pyshacl_departs_from_the_recommendation_the_recommendation_holds():
    """Ill-typed literals of XSD types rdflib does not check, "$" before a final newline."""
    data = Graph()
    data.add((EX.x, RDF.type, TIP.Country))
    data.add((EX.x, TIP.isoCode, Literal("ABC\n")))
    data.add((EX.x, RDFS.label, Literal("X")))
    data.add((EX.m, RDF.type, TIP.Membership))
    data.add((EX.m, TIP.since, Literal("20x1", datatype=XSD.gYear)))
    lines = [v.line() for v in validate_graph(data).violations]
    assert any("tip:isoCode" in line and "ISO 3166-1" in line and '"ABC\\n"' in line for line in lines), lines
    assert any("tip:since" in line and '"20x1"^^xsd:gYear' in line for line in lines), lines
    # SPARQL orders simple literals and xsd:string only: "zz"@en >= "m" is an error, so a violation
    shapes = Graph().parse(data=PREFIXES + "ex:S sh:targetNode ex:a ; sh:targetClass ex:Thing ; "
                           "sh:property [ sh:path ex:word ; sh:minInclusive 'm' ; sh:message 'word' ] .", format="turtle")
    shapes.remove((None, SH.targetNode, None))
    words = Graph().parse(data=PREFIXES + "ex:a a ex:Thing ; ex:word 'zz'@en, 'zz', 'a' .", format="turtle")
    assert sorted(v.message for v in validate_graph(words, shapes).violations) == ['word (value "a")', 'word (value "zz"@en)']
    # an ill-typed value cannot be compared: both bounds and sh:lessThan give a result
    data.add((EX.claim, RDF.type, TIP.Assertion))
    data.add((EX.claim, TIP.confidence, Literal("high", datatype=XSD.decimal)))
    data.add((EX.claim, TIP.start, Literal(3)))
    data.add((EX.claim, TIP.end, Literal("twelve", datatype=XSD.integer)))
    components = {r.component for r in local_shapes().validate(data) if r.focus == EX.claim}
    assert {SH.MinInclusiveConstraintComponent, SH.MaxInclusiveConstraintComponent, SH.LessThanConstraintComponent,
            SH.DatatypeConstraintComponent} <= components


@pytest.mark.parametrize("lexical, datatype, well", [
    ("2001", XSD.gYear, True), ("-0044", XSD.gYear, True), ("20x1", XSD.gYear, False), ("01", XSD.gYear, False),
    ("2001-12", XSD.gYearMonth, True), ("2001-13", XSD.gYearMonth, False),
    ("2024-02-29", XSD.date, True), ("2023-02-29", XSD.date, False), ("2017-02-03Z", XSD.date, True),
    ("20170203", XSD.date, False),
    ("12", XSD.integer, True), ("+12", XSD.integer, True), (" 12", XSD.integer, False), ("1_000", XSD.integer, False),
    ("\u0663", XSD.integer, False), ("256", XSD.unsignedByte, False), ("-1", XSD.nonNegativeInteger, False),
    ("0.5", XSD.decimal, True), (".5", XSD.decimal, True), ("5.", XSD.decimal, True), ("1e5", XSD.decimal, False),
    ("NaN", XSD.decimal, False), ("1e5", XSD.double, True), ("-INF", XSD.double, True), ("inf", XSD.double, False),
    ("true", XSD.boolean, True), ("yes", XSD.boolean, False),
    ("a\x00b", XSD.string, False), ("tab\tand newline\n", XSD.string, True),
    ("2001-10-26T21:32:52", XSD.dateTime, True), ("2001-10-26T24:00:00", XSD.dateTime, True),
    ("2001-10-26T25:00:00", XSD.dateTime, False),
])
def test_lexical_forms(lexical, datatype, well):
    """The lexical spaces of XSD 1.1 (rdflib's parser would rewrite " 12" as "12", "1e5"^^xsd:decimal as "100000")."""
    assert shacl_local.well_typed(Literal(lexical, datatype=datatype, normalize=False), datatype) is well


@pytest.mark.parametrize("pattern, flags, text, matches", [
    ("^[A-Z]{3}$", "", "ABC", True), ("^[A-Z]{3}$", "", "ABC\n", False), ("^a$", "m", "x\na\ny", True),
    ("a.c", "", "a\rc", False), ("a.c", "s", "a\nc", True), ("^abc$", "i", "ABC", True),
    ("a b c", "x", "abc", True), ("[ ]", "x", " ", True), ("a.c", "q", "abc", False), ("a.c", "q", "xa.cx", True),
    ("\\s", "", "\u00a0", False), ("\\s", "", "\t", True), ("\\d+", "", "42", True), ("(?:ab)+$", "", "abab", True),
    ("[^a-c&]", "", "&", False), ("^https?://", "", "http://x", True),
])
def test_xpath_regular_expressions(pattern, flags, text, matches):
    assert (xpath_regex(pattern, flags).search(text) is not None) is matches


@pytest.mark.parametrize("pattern, flags", [("\\w", ""), ("\\p{L}", ""), ("(a)\\1", ""), ("(?i)a", ""), ("[a-z-[aeiou]]", ""),
                                            ("a{,2}", ""), ("a", "g"), ("[]a]", "")])
def test_xpath_constructs_read_otherwise_by_python_are_not_translated(pattern, flags):
    with pytest.raises(Unsupported):
        xpath_regex(pattern, flags)


def test_the_cache_key_follows_the_validators_code(tmp_path, monkeypatch):
    before = validation_version()
    copy = tmp_path / "shacl_local.py"
    copy.write_bytes(Path(shacl_local.__file__).read_bytes() + b"\n# changed\n")
    monkeypatch.setattr(importlib.import_module("tipgraph.shacl_local"), "__file__", str(copy))
    validation_version.cache_clear()
    try:
        assert validation_version() != before
    finally:
        monkeypatch.undo()
        validation_version.cache_clear()
    assert validation_version() == before
