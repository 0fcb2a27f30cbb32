"""tipgraph export: every format read back and compared with the source graph.

Expectations are computed from the source graph with rdflib, never copied
from the exporter's output. The Neo4j CSVs are loaded into a real embedded
Cypher database (Ladybug, the maintained fork of the archived Kùzu) and
counted and queried there; tests/test_stores.py loads them into FalkorDB.
"""
from __future__ import annotations

import csv
import datetime
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from tipgraph import ontology_dir
from tipgraph.export import command as export_command

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.ttl"
TIP = "https://w3id.org/tipgraph/ontology#"
ONTOLOGY_GRAPH = "https://w3id.org/tipgraph/ontology"
SKOS_ALT = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")

# The vocabulary's class tree (shared/VOCABULARY.md), written out here so the
# test does not reuse the exporter's own table.
SUPER = {
    "Person": {"Actor"}, "Country": {"Actor"}, "Organization": {"Actor"},
    "GovernmentBody": {"Organization", "Actor"}, "InternationalOrganization": {"Organization", "Actor"},
    "CivilSocietyOrganization": {"Organization", "Actor"}, "MediaOrganization": {"Organization", "Actor"},
    "Conference": {"Event"}, "Workshop": {"Event"}, "Meeting": {"Event"},
    "Speech": {"Document"}, "Statement": {"Document"}, "NewsArticle": {"Document"},
    "PressRelease": {"Document"}, "Report": {"Document"},
    "CallToAction": {"Claim"}, "Commitment": {"Claim"}, "Statistic": {"Claim"},
    "Endorsement": {"Claim"}, "Criticism": {"Claim"}, "Assertion": {"Claim"},
}


def run_export(src: Path, fmt: str, out: Path):
    result = CliRunner().invoke(export_command, [str(src), "--to", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result


def _built_graph_file(request) -> Path:
    return Path(request.getfixturevalue("built_graph"))


@pytest.fixture(params=["mini", "built"])
def graph_file(request) -> Path:
    if request.param == "mini":
        return MINI
    return _built_graph_file(request)


def source(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


# ---------------------------------------------------------------- RDF formats


@pytest.mark.parametrize("fmt,rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_triple_formats_round_trip(graph_file, tmp_path, fmt, rdflib_format):
    out = tmp_path / f"graph.{fmt}"
    run_export(graph_file, fmt, out)
    back = Graph().parse(out, format=rdflib_format)
    assert isomorphic(back, source(graph_file))


def test_nt_is_also_read_by_pyoxigraph(tmp_path):
    out = tmp_path / "g.nt"
    run_export(MINI, "nt", out)
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.N_TRIPLES)
    assert len(store) == len(source(MINI))


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig", "nquads", "graphml", "neo4j"])
def test_outputs_are_deterministic(tmp_path, fmt):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    run_export(MINI, fmt, a)
    run_export(MINI, fmt, b)
    if fmt == "neo4j":
        names = sorted(p.name for p in a.iterdir())
        assert names == sorted(p.name for p in b.iterdir())
        for name in names:
            assert (a / name).read_bytes() == (b / name).read_bytes(), name
    else:
        assert a.read_bytes() == b.read_bytes()


def test_jsonld_context_has_the_vocabulary_prefixes(tmp_path):
    out = tmp_path / "g.jsonld"
    run_export(MINI, "jsonld", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    context = data["@context"]
    for prefix, ns in {
        "tip": TIP,
        "tipid": "https://w3id.org/tipgraph/id/",
        "rdfs": str(RDFS),
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "owl": str(OWL),
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }.items():
        assert context[prefix] == ns
    ids = [node["@id"] for node in data["@graph"]]
    assert ids == sorted(ids)
    assert "tipid:person/Yuri-Kim" in ids


# ---------------------------------------------------------------- named graphs


def expected_partition(g: Graph) -> dict[str, set]:
    """Document graphs computed straight from the convention in the docstring."""
    docs = {s for s in g.subjects(RDF.type, None)
            if any(str(t).removeprefix(TIP) in SUPER and "Document" in SUPER[str(t).removeprefix(TIP)]
                   for t in g.objects(s, RDF.type))}
    parts: dict[str, set] = defaultdict(set)
    for d in docs:
        for t in g.triples((d, None, None)):
            parts[str(d)].add(t)
        for m in g.subjects(URIRef(TIP + "document"), d):
            parts[str(d)].update(g.triples((m, None, None)))
            parts[str(d)].update(g.triples((None, URIRef(TIP + "mention"), m)))
        for c in g.subjects(URIRef(TIP + "statedIn"), d):
            parts[str(d)].update(g.triples((c, None, None)))
        parts[str(d)].update(g.triples((None, URIRef(TIP + "mentionedIn"), d)))
    return parts


@pytest.mark.parametrize("fmt,rdflib_format", [("trig", "trig"), ("nquads", "nquads")])
def test_quad_formats_have_a_graph_per_document(graph_file, tmp_path, fmt, rdflib_format):
    out = tmp_path / f"g.{fmt}"
    run_export(graph_file, fmt, out)
    ds = Dataset()
    ds.parse(out, format=rdflib_format)
    graphs = {str(c.identifier): set(c) for c in ds.contexts() if len(c)}
    src = source(graph_file)
    expected = expected_partition(src)
    assert expected, "the source graph has documents"
    for doc, triples in expected.items():
        assert graphs.get(doc) == triples, doc
    # ontology graph: exactly tip.ttl (this graph has no tip: subjects)
    onto = Graph().parse(ontology_dir() / "tip.ttl")
    assert isomorphic(_graph(graphs[ONTOLOGY_GRAPH]), onto)
    # the rest is in the default graph, and nothing is lost or duplicated
    named_docs = set().union(*expected.values())
    default = [triples for name, triples in graphs.items() if name not in expected and name != ONTOLOGY_GRAPH]
    assert len(default) == 1
    assert default[0] == set(src) - named_docs
    # pyoxigraph reads it too, with the same number of quads
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS)
    assert len(store) == sum(len(t) for t in graphs.values())


def _graph(triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def test_replacing_one_document_graph(tmp_path):
    """Drop one document's graph and load it again from a newer export."""
    out = tmp_path / "g.nq"
    run_export(MINI, "nquads", out)
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.N_QUADS)
    doc = ox.NamedNode("https://w3id.org/tipgraph/id/doc/001_news")
    before = len(store)
    in_doc = len(list(store.quads_for_pattern(None, None, None, doc)))
    store.update(f"DROP GRAPH {doc}")
    assert len(store) == before - in_doc
    # no claim or mention of that document is left anywhere
    left = store.query(
        "ASK { GRAPH ?g { ?x <https://w3id.org/tipgraph/ontology#statedIn>|"
        "<https://w3id.org/tipgraph/ontology#document> <https://w3id.org/tipgraph/id/doc/001_news> } }",
    )
    assert not bool(left)
    fresh = ox.Store()
    fresh.load(path=str(out), format=ox.RdfFormat.N_QUADS)
    store.extend(fresh.quads_for_pattern(None, None, None, doc))
    assert len(store) == before


# ---------------------------------------------------------------- GraphML


def test_graphml_nodes_and_edges(graph_file, tmp_path):
    out = tmp_path / "g.graphml"
    run_export(graph_file, "graphml", out)
    g = nx.read_graphml(out, force_multigraph=True)
    src = source(graph_file)
    edges = [(s, p, o) for s, p, o in src if p not in (RDF.type, OWL.sameAs) and not isinstance(o, Literal)]
    nodes = {str(x) for s, _, o in edges for x in (s, o)} | {str(s) for s in src.subjects(RDF.type, None)}
    assert set(g.nodes) == nodes
    assert g.number_of_edges() == len(edges)
    props = Counter(d["property"] for _, _, d in g.edges(data=True))
    assert props["tip:affiliatedWith"] == len(list(src.triples((None, URIRef(TIP + "affiliatedWith"), None))))
    for node in nodes:
        label = src.value(URIRef(node), RDFS.label)
        if label is not None:
            assert g.nodes[node]["label"] == str(label)
    if graph_file == MINI:
        assert g.nodes["https://w3id.org/tipgraph/id/person/Yuri-Kim"]["class"] == "Person"
        assert g.nodes["https://w3id.org/tipgraph/id/org/OSCE"]["class"] == "InternationalOrganization"


def test_graphml_carries_every_literal_property_with_typed_keys(graph_file, tmp_path):
    """Each literal of the source graph reaches its node: numbers typed, several values joined."""
    out = tmp_path / "g.graphml"
    run_export(graph_file, "graphml", out)
    text = out.read_text(encoding="utf-8")
    keys = {m.group(2): m.group(3) for m in re.finditer(
        r'<key id="([^"]+)" for="node" attr.name="([^"]+)" attr.type="([^"]+)"', text)}
    assert keys["start"] in ("int", "long") and keys["end"] in ("int", "long")
    assert keys["altLabel"] == "string" and keys["label"] == "string"
    g = nx.read_graphml(out, force_multigraph=True)
    delimiter = g.graph["arrayDelimiter"]
    src = source(graph_file)
    checked = 0
    for s, p, o in src:
        if not isinstance(o, Literal) or str(s) not in g.nodes:
            continue
        local = re.split(r"[#/]", str(p))[-1]
        attributes = g.nodes[str(s)]
        if p == RDFS.label:
            assert attributes["label"] == str(o)
            continue
        key = local if local in attributes else next(k for k in attributes if k.endswith(f"_{local}") or k == f"{local}Partial")
        value = attributes[key]
        if isinstance(value, str):
            assert str(o) in value.split(delimiter) or str(o) == value, (s, p, o, value)
        else:
            assert value == type(value)(str(o)), (s, p, o, value)
        checked += 1
    assert checked > 10
    mention = next(n for n, d in g.nodes(data=True) if d["class"] == "Mention")
    assert isinstance(g.nodes[mention]["start"], int) and g.nodes[mention]["anchorText"]
    for _, _, data in g.edges(data=True):
        assert data["iri"].startswith("http") and data["property"]


def test_neo4j_dates_full_typed_partial_apart(tmp_path):
    """Full dates are date:date; a year or a month goes to datePartial, never into date."""
    g = source(MINI)
    event = URIRef("https://w3id.org/tipgraph/id/event/Test-Conference")
    other = URIRef("https://w3id.org/tipgraph/id/event/Other-Conference")
    month = URIRef("https://w3id.org/tipgraph/id/event/Month-Meeting")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for node, value, dtype in ((event, "2019-05-14", "date"), (other, "2019", "gYear"), (month, "2020-03", "gYearMonth")):
        g.add((node, RDF.type, URIRef(TIP + "Conference")))
        g.add((node, RDFS.label, Literal(str(node).rsplit("/", 1)[-1])))
        g.add((node, URIRef(TIP + "date"), Literal(value, datatype=URIRef(xsd + dtype))))
    path = tmp_path / "dated.ttl"
    g.serialize(path, format="turtle")
    out = tmp_path / "neo4j"
    run_export(path, "neo4j", out)
    nodes, _ = read_neo4j_folder(out)
    columns, records = nodes["Conference"]
    assert ["date", "date"] in columns and ["datePartial", "string"] in columns
    by_uri = {r["uri"]: r for r in records}
    assert by_uri[str(event)]["date"] == datetime.date(2019, 5, 14) and by_uri[str(event)]["datePartial"] is None
    assert by_uri[str(other)]["date"] is None and by_uri[str(other)]["datePartial"] == "2019"
    assert by_uri[str(month)]["datePartial"] == "2020-03"
    for name in ("load.cypher", "load-falkordb.cypher", "load-memgraph.cypher"):
        script = (out / name).read_text(encoding="utf-8")
        assert "n.`date` = date(row.`date:date`)" in script and "n.`datePartial` = row.`datePartial:string`" in script
    assert "IN TRANSACTIONS OF 1000 ROWS" in (out / "load.cypher").read_text(encoding="utf-8")
    assert "} IN TRANSACTIONS" not in (out / "load-falkordb.cypher").read_text(encoding="utf-8")
    assert "WITH HEADER NULLIF '' AS row" in (out / "load-memgraph.cypher").read_text(encoding="utf-8")


# ---------------------------------------------------------------- Neo4j CSVs

LADYBUG_TYPES = {"string": "STRING", "long": "INT64", "double": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


def read_neo4j_folder(folder: Path):
    """Parse the export as neo4j-admin would: typed headers, array delimiter."""
    script = (folder / "import.sh").read_text(encoding="utf-8")
    delimiter = re.search(r"--array-delimiter='([^']+)'", script).group(1)
    listed = re.findall(r'--(nodes|relationships)="\$DIR/([^"]+)"', script)
    assert sorted(f for _, f in listed) == sorted(p.name for p in folder.glob("*.csv"))
    nodes, rels = {}, defaultdict(list)
    for kind, name in listed:
        with open(folder / name, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            rows = list(reader)
        if kind == "nodes":
            assert header[:2] == ["uri:ID", ":LABEL"]
            columns = [c.split(":", 1) for c in header[2:]]
            parsed = []
            for row in rows:
                record = {"uri": row[0], "labels": row[1].split(delimiter)}
                for (key, ptype), cell in zip(columns, row[2:]):
                    record[key] = _cell(cell, ptype, delimiter)
                parsed.append(record)
            nodes[name.removesuffix(".csv").removeprefix("nodes_")] = (columns, parsed)
        else:
            assert header == [":START_ID", ":END_ID", ":TYPE"]
            for start, end, rtype in rows:
                rels[rtype].append((start, end))
    return nodes, rels


def _cell(cell: str, ptype: str, delimiter: str):
    if cell == "":
        return None
    if ptype.endswith("[]"):
        return [_cell(x, ptype[:-2], delimiter) for x in cell.split(delimiter)]
    if ptype == "long":
        return int(cell)
    if ptype == "double":
        return float(cell)
    if ptype == "boolean":
        return cell == "true"
    if ptype == "date":
        return datetime.date.fromisoformat(cell)
    return cell


def load_into_ladybug(folder: Path, db_path: Path):
    import ladybug

    nodes, rels = read_neo4j_folder(folder)
    db = ladybug.Database(str(db_path))
    conn = ladybug.Connection(db)
    table_of = {}
    for stem, (columns, records) in nodes.items():
        # Ladybug has one case-insensitive namespace for node and rel tables
        # (label Mention vs type MENTION), and no multi-label nodes: one node
        # table per node file, named apart; queries match on n.labels.
        table = f"n_{stem}"
        cols = ", ".join(f"`{k}` {LADYBUG_TYPES[t.removesuffix('[]')]}{'[]' if t.endswith('[]') else ''}" for k, t in columns)
        conn.execute(f"CREATE NODE TABLE `{table}`(uri STRING, labels STRING[]{', ' + cols if cols else ''}, PRIMARY KEY(uri))")
        keys = ["uri", "labels"] + [k for k, _ in columns]
        assign = ", ".join(f"`{k}`: r.`{k}`" for k in keys)
        # Ladybug infers a list parameter's element type from its first element,
        # so give it rows with every key present.
        conn.execute(f"UNWIND $rows AS r CREATE (n:`{table}` {{{assign}}})",
                     {"rows": [{k: rec.get(k) for k in keys} for rec in records]})
        for rec in records:
            table_of[rec["uri"]] = table
    for rtype, pairs in rels.items():
        groups = defaultdict(list)
        for s, o in pairs:
            groups[(table_of[s], table_of[o])].append({"s": s, "o": o})
        spec = ", ".join(f"FROM `{a}` TO `{b}`" for a, b in sorted(groups))
        conn.execute(f"CREATE REL TABLE `{rtype}`({spec})")
        for (a, b), rows in sorted(groups.items()):
            conn.execute(f"UNWIND $rows AS r MATCH (x:`{a}` {{uri: r.s}}), (y:`{b}` {{uri: r.o}}) "
                         f"CREATE (x)-[:`{rtype}`]->(y)", {"rows": rows})
    return conn


def cypher(conn, query: str, params: dict | None = None) -> list[list]:
    result = conn.execute(query, params or {})
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def rdf_label_counts(g: Graph) -> Counter:
    counts = Counter()
    subjects_and_objects = {s for s in g.subjects()} | {o for p, o in g.predicate_objects()
                                                        if not isinstance(o, Literal) and p not in (RDF.type, OWL.sameAs)}
    for node in subjects_and_objects:
        types = {str(t).removeprefix(TIP) for t in g.objects(node, RDF.type) if str(t).startswith(TIP)}
        labels = set(types)
        for t in types:
            labels |= SUPER.get(t, set())
        labels.add("Resource")
        counts.update(labels)
    return counts


def rdf_relationship_counts(g: Graph) -> Counter:
    counts = Counter()
    for s, p, o in g:
        if p in (RDF.type, OWL.sameAs) or isinstance(o, Literal):
            continue
        local = str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        counts[re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", local).upper()] += 1
    return counts


def test_neo4j_csv_in_ladybug_matches_rdf(graph_file, tmp_path):
    out = tmp_path / "neo4j"
    run_export(graph_file, "neo4j", out)
    conn = load_into_ladybug(out, tmp_path / "ladybug.db")
    src = source(graph_file)
    for label, n in rdf_label_counts(src).items():
        got = cypher(conn, "MATCH (n) WHERE list_contains(n.labels, $l) RETURN count(*)", {"l": label})[0][0]
        assert got == n, label
    for rtype, n in rdf_relationship_counts(src).items():
        assert cypher(conn, f"MATCH ()-[r:`{rtype}`]->() RETURN count(*)")[0][0] == n, rtype
    # every mention survives with its provenance
    mentions = {str(m): (int(src.value(m, URIRef(TIP + "start"))), int(src.value(m, URIRef(TIP + "end"))),
                         str(src.value(m, URIRef(TIP + "anchorText"))), str(src.value(m, URIRef(TIP + "document"))))
                for m in src.subjects(RDF.type, URIRef(TIP + "Mention"))}
    rows = cypher(conn, "MATCH (m)-[:DOCUMENT]->(d) WHERE list_contains(m.labels, 'Mention') "
                        "RETURN m.uri, m.start, m.`end`, m.anchorText, d.uri")
    assert {r[0]: tuple(r[1:]) for r in rows} == mentions
    # multi-valued literals are arrays, none lost
    for s in set(src.subjects(SKOS_ALT, None)):
        got = cypher(conn, "MATCH (n) WHERE n.uri = $u RETURN n.altLabel", {"u": str(s)})[0][0]
        assert sorted(got) == sorted(str(o) for o in src.objects(s, SKOS_ALT))


MULTI_HOP_SPARQL = """
PREFIX tip: <https://w3id.org/tipgraph/ontology#>
SELECT DISTINCT ?speaker ?claimant WHERE {
  ?c a tip:CallToAction ; tip:statedIn ?d ; tip:claimant ?claimant .
  ?d tip:speaker ?speaker .
}"""
MULTI_HOP_CYPHER = """
MATCH (c)-[:STATED_IN]->(d)-[:SPEAKER]->(s), (c)-[:CLAIMANT]->(a)
WHERE list_contains(c.labels, 'CallToAction')
RETURN DISTINCT s.uri, a.uri"""
AFFILIATION_SPARQL = """
PREFIX tip: <https://w3id.org/tipgraph/ontology#>
SELECT DISTINCT ?p ?country WHERE {
  ?p a tip:Person ; tip:affiliatedWith ?org . ?org tip:partOf+ ?country . ?country a tip:Country .
}"""
AFFILIATION_CYPHER = """
MATCH (p)-[:AFFILIATED_WITH]->(o)-[:PART_OF*1..6]->(c)
WHERE list_contains(p.labels, 'Person') AND list_contains(c.labels, 'Country')
RETURN DISTINCT p.uri, c.uri"""


def test_neo4j_multi_hop_cypher_agrees_with_sparql(graph_file, tmp_path):
    out = tmp_path / "neo4j"
    run_export(graph_file, "neo4j", out)
    conn = load_into_ladybug(out, tmp_path / "ladybug.db")
    src = source(graph_file)
    _, rels = read_neo4j_folder(out)
    for sparql, query in ((MULTI_HOP_SPARQL, MULTI_HOP_CYPHER), (AFFILIATION_SPARQL, AFFILIATION_CYPHER)):
        expected = {tuple(str(x) for x in row) for row in src.query(sparql)}
        if any(t not in rels for t in re.findall(r"\[:([A-Z_]+)", query)):
            # Ladybug cannot name a relationship table that was never created
            assert expected == set()
            continue
        got = {tuple(row) for row in cypher(conn, query)}
        assert got == expected
        if graph_file == MINI:
            assert expected, "the fixture has answers for this question"


def test_neo4j_headers_labels_and_load_cypher(tmp_path):
    out = tmp_path / "neo4j"
    run_export(MINI, "neo4j", out)
    nodes, _ = read_neo4j_folder(out)
    person = {r["uri"]: r for r in nodes["Person"][1]}["https://w3id.org/tipgraph/id/person/Yuri-Kim"]
    assert person["labels"][0] == "Person" and set(person["labels"]) == {"Person", "Actor", "Resource"}
    assert sorted(person["altLabel"]) == ["Ambassador Kim", "Kim", "Yuri Kim"]
    mention_header = (out / "nodes_Mention.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"start:long", "end:long", "anchorText:string"} <= set(mention_header)
    cypher_text = (out / "load.cypher").read_text(encoding="utf-8")
    assert "CREATE CONSTRAINT" in cypher_text and "REQUIRE n.uri IS UNIQUE" in cypher_text
    for csv_file in out.glob("*.csv"):
        assert f"'file:///{csv_file.name}'" in cypher_text
        header = csv_file.read_text(encoding="utf-8").splitlines()[0].split(",")
        for column in header:
            if not column.startswith(":"):
                assert f"row.`{column}`" in cypher_text, column
    assert "neo4j-admin database import full" in (out / "import.sh").read_text(encoding="utf-8")


def test_neo4j_escaping_and_array_delimiter(tmp_path):
    g = source(MINI)
    kim = URIRef("https://w3id.org/tipgraph/id/person/Yuri-Kim")
    tricky = ['Kim; Yuri', 'the "Ambassador", Kim', "line\nbreak"]
    for value in tricky:
        g.add((kim, SKOS_ALT, Literal(value)))
    src = tmp_path / "tricky.ttl"
    g.serialize(src, format="turtle")
    out = tmp_path / "neo4j"
    run_export(src, "neo4j", out)
    nodes, _ = read_neo4j_folder(out)
    person = {r["uri"]: r for r in nodes["Person"][1]}[str(kim)]
    assert sorted(person["altLabel"]) == sorted(["Ambassador Kim", "Kim", "Yuri Kim", *tricky])
    assert "--array-delimiter=';'" not in (out / "import.sh").read_text(encoding="utf-8")


def test_neo4j_folder_is_replaced_only_when_it_is_an_export(tmp_path):
    out = tmp_path / "neo4j"
    run_export(MINI, "neo4j", out)
    (out / "stale.csv").write_text("old", encoding="utf-8")
    run_export(MINI, "neo4j", out)
    assert not (out / "stale.csv").exists()
    other = tmp_path / "precious"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(export_command, [str(MINI), "--to", "neo4j", "--out", str(other)])
    assert result.exit_code != 0
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# ---------------------------------------------------------------- errors


def test_missing_and_unparsable_graph_files(tmp_path):
    runner = CliRunner()
    result = runner.invoke(export_command, [str(tmp_path / "nope.ttl"), "--to", "nt", "--out", str(tmp_path / "x.nt")])
    assert result.exit_code != 0
    assert "no such graph file" in result.output and "Traceback" not in result.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix a: <http://a/> .\na:b a:c a:d ;\n  a:e .\n", encoding="utf-8")
    result = runner.invoke(export_command, [str(bad), "--to", "nt", "--out", str(tmp_path / "x.nt")])
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1
    assert "line 3" in result.output
    assert not (tmp_path / "x.nt").exists()


def test_failed_export_leaves_previous_output(tmp_path, monkeypatch):
    out = tmp_path / "g.nt"
    out.write_text("previous\n", encoding="utf-8")
    import tipgraph.export as export

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(export.ox, "serialize", boom)
    result = CliRunner().invoke(export_command, [str(MINI), "--to", "nt", "--out", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]


def test_help():
    result = CliRunner().invoke(export_command, ["--help"])
    assert result.exit_code == 0
    for fmt in ("neo4j", "jsonld", "trig", "nquads", "graphml"):
        assert fmt in result.output


def test_nt_is_sorted_in_runs_and_merged_as_one_sort_of_the_whole_graph(tmp_path, built_graph):
    """`--to nt` streams: runs of triples sorted apart and merged from files give the lines one
    sort of every distinct triple gives, whatever the run length (here a few hundred)."""
    from tipgraph.export import stream_nt

    whole = {line for line in ox.serialize(list(ox.parse(path=str(built_graph), format=ox.RdfFormat.TURTLE)),
                                           format=ox.RdfFormat.N_TRIPLES).decode("utf-8").split("\n") if line}
    expected = "".join(line + "\n" for line in sorted(whole))
    doubled = tmp_path / "doubled.ttl"  # every triple twice, in runs apart: merged to one line each
    doubled.write_text(built_graph.read_text(encoding="utf-8") * 2, encoding="utf-8")
    for source, run in ((built_graph, 300), (doubled, 777), (built_graph, 10 ** 6)):
        out = tmp_path / f"run-{run}.nt"
        stream_nt(source, out, run=run)
        assert out.read_text(encoding="utf-8") == expected, (source, run)
    assert len(whole) > 3 * 777
