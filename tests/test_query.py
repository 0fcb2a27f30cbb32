"""tipgraph query: named questions, formats, parameters and errors.

Expected answers are computed independently: by walking the graph with
rdflib in Python, or by running the same SPARQL with rdflib's own engine.
"""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from tipgraph import ontology_dir
from tipgraph.query import command as query_command
from tipgraph.query import named_queries, sparql_literal, substitute

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.ttl"
TIP = "https://w3id.org/tipgraph/ontology#"
SKOS_ALT = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")


def T(name: str) -> URIRef:
    return URIRef(TIP + name)


def run(*args, ok: bool = True):
    result = CliRunner().invoke(query_command, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


def run_json(graph: Path, *args) -> dict:
    return json.loads(run(graph, *args, "--format", "json").output)


def label(g: Graph, node) -> str:
    value = g.value(node, RDFS.label)
    return str(value) if value is not None else str(node)


@pytest.fixture(params=["mini", "built"])
def graph_file(request) -> Path:
    if request.param == "mini":
        return MINI
    return Path(request.getfixturevalue("built_graph"))


# ---------------------------------------------------------------- the bundle


def test_at_least_ten_named_questions_with_headers():
    folder = ontology_dir() / "queries"
    files = sorted(folder.glob("*.rq"))
    assert len(files) >= 10
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# title: ") and len(lines[0]) > len("# title: "), path.name
        assert lines[1].startswith("# answers: "), path.name
    listed = run("--list").output
    for path in files:
        assert path.stem in listed
    assert "--param country=Albania" in listed
    for required in ("urged-whom", "commitments", "statistics", "criticisms", "people", "events",
                     "countries", "about-country", "quotes", "documents"):
        assert required in named_queries()


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_question_runs_and_returns_w3c_json(graph_file, name):
    data = run_json(graph_file, "--name", name)
    assert set(data) == {"head", "results"}
    variables = data["head"]["vars"]
    assert variables and all(isinstance(v, str) for v in variables)
    for binding in data["results"]["bindings"]:
        assert set(binding) <= set(variables)
        for term in binding.values():
            assert term["type"] in ("uri", "literal", "bnode")
            assert isinstance(term["value"], str)
            assert set(term) <= {"type", "value", "datatype", "xml:lang"}


def _norm(value) -> str:
    if value is None:
        return ""
    text = str(value)
    try:
        return str(Decimal(text).normalize())
    except (InvalidOperation, ValueError):
        pass
    for sep in ("; ", ", "):  # GROUP_CONCAT order is up to the engine
        if sep in text:
            return sep.join(sorted(text.split(sep)))
    return text


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_question_agrees_with_rdflib_engine(graph_file, name):
    query = named_queries()[name]
    text = substitute(query.text, {k: v for k, v in query.params.items() if v is not None})
    g = Graph().parse(graph_file, format="turtle")
    expected = sorted(tuple(_norm(x) for x in row) for row in g.query(text))
    data = run_json(graph_file, "--name", name)
    variables = data["head"]["vars"]
    got = sorted(tuple(_norm(b.get(v, {}).get("value")) for v in variables) for b in data["results"]["bindings"])
    assert got == expected


# ---------------------------------------------------------------- answers computed by hand


def test_urged_whom_matches_graph_walk(graph_file):
    g = Graph().parse(graph_file)
    expected = set()
    for claim in g.subjects(RDF.type, T("CallToAction")):
        claimants = [label(g, c) for c in g.objects(claim, T("claimant"))] or [""]
        addressees = [label(g, a) for a in g.objects(claim, T("addressee"))] or [""]
        text = str(g.value(claim, T("text")) or "")
        for c in claimants:
            for a in addressees:
                expected.add((c, a, text))
    rows = run_json(graph_file, "--name", "urged-whom")["results"]["bindings"]
    got = {(r.get("claimant", {}).get("value", ""), r.get("addressee", {}).get("value", ""),
            r.get("text", {}).get("value", "")) for r in rows}
    assert got == expected
    if graph_file == MINI:
        assert ("Yuri Kim", "Government of Albania", "We urge the Government of Albania to renew its efforts.") in got


def test_statistics_carry_figure_unit_period_and_source():
    g = Graph().parse(MINI)
    expected = set()
    for claim in g.subjects(RDF.type, T("Statistic")):
        sources = [label(g, s) for s in g.objects(claim, T("citesSource"))] or [""]
        for source in sources:
            expected.add((Decimal(str(g.value(claim, T("quantity")))).normalize(), str(g.value(claim, T("unit"))),
                          str(g.value(claim, T("period"))), source))
    rows = run_json(MINI, "--name", "statistics")["results"]["bindings"]
    got = {(Decimal(r["figure"]["value"]).normalize(), r["unit"]["value"], r["period"]["value"],
            r.get("source", {}).get("value", "")) for r in rows}
    assert got == expected
    assert (Decimal(5), "traffickers", "2018-2019", "US State Department") in got


def claims_about(g: Graph, country: URIRef) -> set[str]:
    """Claims naming the country in any role, by walking the graph."""
    found = set()
    for prop in ("about", "sourceCountry", "transitCountry", "destinationCountry"):
        found |= {str(c) for c in g.subjects(T(prop), country)}
    for claim, addressee in g.subject_objects(T("addressee")):
        frontier, seen = [addressee], set()
        while frontier:
            node = frontier.pop()
            if node == country:
                found.add(str(claim))
            if node not in seen:
                seen.add(node)
                frontier.extend(g.objects(node, T("partOf")))
    return found


@pytest.mark.parametrize("value", [None, "Albania", "ALBANIA", "shqipëria", "Republic of Albania"])
def test_about_country_matches_labels_case_insensitively(value):
    g = Graph().parse(MINI)
    expected = claims_about(g, URIRef("https://w3id.org/tipgraph/id/country/ALB"))
    assert len(expected) >= 5
    args = ["--name", "about-country"] + (["--param", f"country={value}"] if value else [])
    rows = run_json(MINI, *args)["results"]["bindings"]
    assert {r["claim"]["value"] for r in rows} == expected


def test_about_country_other_country():
    g = Graph().parse(MINI)
    expected = claims_about(g, URIRef("https://w3id.org/tipgraph/id/country/GBR"))
    rows = run_json(MINI, "--name", "about-country", "--param", "country=uk")["results"]["bindings"]
    assert {r["claim"]["value"] for r in rows} == expected and expected


def test_parameters_cannot_inject_sparql(tmp_path):
    attack = 'x")) } UNION { ?claim ?p ?o } #'
    rows = run_json(MINI, "--name", "about-country", "--param", f"country={attack}")["results"]["bindings"]
    assert rows == []
    # a label with quotes, backslashes and a newline is matched exactly
    g = Graph().parse(MINI)
    odd = URIRef("https://w3id.org/tipgraph/id/country/ODD")
    name = 'Odd "Land" \\ of\nnames'
    g.add((odd, RDF.type, T("Country")))
    g.add((odd, RDFS.label, Literal(name)))
    claim = URIRef("https://w3id.org/tipgraph/id/claim/odd/0-1")
    g.add((claim, RDF.type, T("Assertion")))
    g.add((claim, T("about"), odd))
    path = tmp_path / "odd.ttl"
    g.serialize(path, format="turtle")
    rows = run_json(path, "--name", "about-country", "--param", f"country={name}")["results"]["bindings"]
    assert [r["claim"]["value"] for r in rows] == [str(claim)]


def test_substitution_leaves_strings_comments_and_iris_alone():
    text = 'SELECT * WHERE { ?s ?p $x . FILTER(?p != "$x") } # $x\n'
    out = substitute(text, {"x": 'a"b'})
    assert out == 'SELECT * WHERE { ?s ?p "a\\"b" . FILTER(?p != "$x") } # $x\n'
    assert sparql_literal('back\\slash "q"\n') == '"back\\\\slash \\"q\\"\\n"'


# ---------------------------------------------------------------- formats


def test_table_csv_tsv_agree():
    data = run_json(MINI, "--name", "people")
    n = len(data["results"]["bindings"])
    variables = data["head"]["vars"]
    csv_rows = list(csv.reader(io.StringIO(run(MINI, "--name", "people", "--format", "csv").output)))
    assert csv_rows[0] == variables and len(csv_rows) == n + 1
    tsv_lines = run(MINI, "--name", "people", "--format", "tsv").output.splitlines()
    assert tsv_lines[0].split("\t") == ["?" + v for v in variables] and len(tsv_lines) == n + 1
    table = run(MINI, "--name", "people").output.splitlines()
    assert table[0].split() == variables
    assert set(table[1].replace(" ", "")) == {"-"}
    assert table[-1] == f"({n} rows)"
    people = {label(Graph().parse(MINI), p) for p in Graph().parse(MINI).subjects(RDF.type, T("Person"))}
    spans = [m.span() for m in re.finditer(r"-+", table[1])]
    name_start, name_end = spans[variables.index("name")]
    assert {line[name_start:name_end].strip() for line in table[2:-1]} == people


def test_ask_and_construct():
    assert run(MINI, "-e", "ASK { ?p a tip:Person }").output == "true\n"
    assert run(MINI, "-e", "ASK { ?p a tip:Nothing }").output == "false\n"
    assert json.loads(run(MINI, "-e", "ASK { ?p a tip:Person }", "--format", "json").output) == {
        "head": {}, "boolean": True}
    out = run(MINI, "-e", "CONSTRUCT { ?p tip:affiliatedWith ?o } WHERE { ?p tip:affiliatedWith ?o }").output
    g = Graph().parse(data=out, format="turtle")
    assert set(g) == set(Graph().parse(MINI).triples((None, T("affiliatedWith"), None)))


def test_query_from_file_with_declared_parameter(tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("# title: persons by name\n# param: who = Yuri Kim\n"
                  "SELECT ?p WHERE { ?p a tip:Person ; rdfs:label $who }\n", encoding="utf-8")
    rows = run_json(MINI, "-f", rq)["results"]["bindings"]
    assert [r["p"]["value"] for r in rows] == ["https://w3id.org/tipgraph/id/person/Yuri-Kim"]
    rows = run_json(MINI, "-f", rq, "--param", "who=Alice Taylor")["results"]["bindings"]
    assert [r["p"]["value"] for r in rows] == ["https://w3id.org/tipgraph/id/person/Alice-Taylor"]


@pytest.mark.parametrize("fmt", ["nt", "trig", "nquads", "json-ld", "xml"])
def test_reads_other_rdf_formats(tmp_path, fmt):
    g = Graph().parse(MINI)
    suffix = {"nt": ".nt", "trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld", "xml": ".rdf"}[fmt]
    path = tmp_path / f"mini{suffix}"
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        named = ds.graph(URIRef("https://example.org/g"))
        for triple in g:
            named.add(triple)
        path.write_bytes(ds.serialize(format=fmt, encoding="utf-8"))
    else:
        path.write_bytes(g.serialize(format=fmt, encoding="utf-8"))
    rows = run_json(path, "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")["results"]["bindings"]
    assert int(rows[0]["n"]["value"]) == len(g)


# ---------------------------------------------------------------- errors


def test_sparql_syntax_error_is_one_line_with_position():
    result = run(MINI, "-e", "SELECT ?x WHERE {\n  ?x a tip:Person .\n  FILTER(\n}", ok=False)
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert re.search(r"line 4\b", lines[0]) and "syntax error" in lines[0]


def test_graph_file_errors():
    result = run("/no/such/graph.ttl", "-e", "ASK {}", ok=False)
    assert result.exit_code != 0 and "no such graph file" in result.output


def test_unparsable_graph_reports_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix a: <http://a/> .\na:b a:c a:d .\na:e a:f .\n", encoding="utf-8")
    result = run(bad, "-e", "ASK {}", ok=False)
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1
    assert "line 3" in result.output and "Traceback" not in result.output


def test_usage_errors():
    assert run(MINI, ok=False).exit_code != 0
    assert run(MINI, "--name", "people", "-e", "ASK {}", ok=False).exit_code != 0
    result = run(MINI, "--name", "no-such-question", ok=False)
    assert result.exit_code != 0 and "urged-whom" in result.output
    result = run(MINI, "--name", "people", "--param", "colour=red", ok=False)
    assert result.exit_code != 0 and "colour" in result.output
    assert run(MINI, "--name", "people", "--param", "novalue", ok=False).exit_code != 0


def test_help():
    result = run("--help")
    for word in ("--name", "--param", "--format", "--list"):
        assert word in result.output
