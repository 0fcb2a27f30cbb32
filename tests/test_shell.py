"""tipgraph in a shell pipeline: - for standard input and output, --input-format, .gz,
results on standard output and messages on standard error, for every command.

These run the installed `tipgraph` command in a real subprocess, so standard
input and output are real pipes.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.ttl"
TIPGRAPH = [str(Path(sys.executable).parent / "tipgraph")]  # the console script of this environment


def tipgraph(*args, stdin: bytes | None = None, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(TIPGRAPH + [str(a) for a in args], input=stdin, capture_output=True, timeout=300)
    if ok:
        assert done.returncode == 0, done.stderr.decode()
    return done


@pytest.fixture(scope="module")
def turtle() -> bytes:
    return MINI.read_bytes()


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_query_reads_stdin_gz_and_overridden_formats(tmp_path, turtle):
    n = str(len(Graph().parse(MINI)))
    from_stdin = tipgraph("query", "-", "-e", COUNT, "--format", "csv", stdin=turtle)
    assert from_stdin.stdout.decode().split() == ["n", n] and from_stdin.stderr == b""
    gz = tmp_path / "mini.ttl.gz"
    gz.write_bytes(gzip.compress(turtle))
    assert tipgraph("query", gz, "-e", COUNT, "--format", "csv").stdout.decode().split() == ["n", n]
    txt = tmp_path / "mini.txt"
    txt.write_bytes(turtle)
    refused = tipgraph("query", txt, "-e", COUNT, ok=False)
    assert refused.returncode != 0 and refused.stdout == b""
    assert b"--input-format" in refused.stderr and len(refused.stderr.decode().strip().splitlines()) == 1
    assert tipgraph("query", txt, "--input-format", "ttl", "-e", COUNT, "--format", "csv").stdout.decode().split() == ["n", n]
    nt = Graph().parse(MINI).serialize(format="nt", encoding="utf-8")
    piped = tipgraph("query", "-", "--input-format", "nt", "-e", COUNT, "--format", "csv", stdin=nt)
    assert piped.stdout.decode().split() == ["n", n]
    # the extension is overridden, not trusted: N-Triples named .ttl.gz read as N-Triples
    odd = tmp_path / "really-nt.ttl.gz"
    odd.write_bytes(gzip.compress(nt))
    assert tipgraph("query", odd, "--input-format", "nt", "-e", COUNT, "--format", "csv").stdout.decode().split() == ["n", n]


def test_stdin_errors_name_stdin_on_stderr():
    done = tipgraph("query", "-", "-e", COUNT, stdin=b"@prefix a: <http://a/> .\na:b a:c .\n", ok=False)
    assert done.returncode != 0 and done.stdout == b""
    message = done.stderr.decode().strip()
    assert message.startswith("Error: <stdin>: ") and "cannot parse as turtle" in message and "\n" not in message


@pytest.mark.parametrize("fmt,reader", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("trig", "trig"),
                                        ("nquads", "nquads"), ("graphml", None)])
def test_export_writes_stdout_and_reads_stdin(tmp_path, turtle, fmt, reader):
    to_stdout = tipgraph("export", "-", "--to", fmt, "--out", "-", stdin=turtle)
    assert to_stdout.stderr == b""
    to_file = tmp_path / f"g.{fmt}"
    written = tipgraph("export", MINI, "--to", fmt, "--out", to_file)
    assert written.stdout == b"" and b"wrote" in written.stderr
    assert to_stdout.stdout == to_file.read_bytes()  # the same bytes either way
    if reader in ("turtle", "nt", "json-ld"):
        assert isomorphic(Graph().parse(data=to_stdout.stdout, format=reader), Graph().parse(MINI))
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_export_neo4j_to_stdout_is_refused(tmp_path):
    done = tipgraph("export", MINI, "--to", "neo4j", "--out", "-", ok=False)
    assert done.returncode != 0 and done.stdout == b"" and b"folder" in done.stderr
    assert not Path("-").exists()


def test_render_writes_stdout_message_on_stderr(tmp_path, turtle):
    page = tipgraph("render", "-", "-o", "-", stdin=turtle)
    assert page.stdout.startswith(b"<!DOCTYPE html>") and b"wrote standard output" in page.stderr
    out = tmp_path / "g.html"
    to_file = tipgraph("render", MINI, "-o", out)
    assert to_file.stdout == b"" and b"wrote" in to_file.stderr
    assert b"Yuri Kim" in out.read_bytes() and b"Yuri Kim" in page.stdout


def test_stats_and_validate_read_stdin(tmp_path, turtle):
    from_file = json.loads(tipgraph("stats", MINI, "--format", "json").stdout)
    from_stdin = tipgraph("stats", "-", "--format", "json", stdin=turtle)
    assert json.loads(from_stdin.stdout) == from_file and from_stdin.stderr == b""
    text = tipgraph("validate", MINI, ok=False)
    piped = tipgraph("validate", "-", stdin=turtle, ok=False)
    assert piped.returncode == text.returncode
    assert piped.stdout.decode().splitlines()[:-1] == text.stdout.decode().splitlines()[:-1]
    assert piped.stdout.decode().splitlines()[-1].startswith("<stdin>: ")
    report = tipgraph("validate", "-", "--format", "ttl", stdin=turtle, ok=False)
    assert report.returncode == text.returncode
    Graph().parse(data=report.stdout, format="turtle")
    assert b"violation" in report.stderr and b"sh:" not in report.stderr


def test_export_pipeline_round_trip(turtle):
    """export - | query -: the N-Triples written to a pipe are read from one."""
    nt = tipgraph("export", "-", "--to", "nt", "--out", "-", stdin=turtle).stdout
    count = tipgraph("query", "-", "--input-format", "nt", "-e", COUNT, "--format", "csv", stdin=nt)
    assert count.stdout.decode().split() == ["n", str(len(Graph().parse(MINI)))]


# ---------------------------------------------------------------- what query prints can be pasted


def test_printed_iris_paste_back_into_queries(built_graph):
    """Every IRI cell of every bundled question's table is valid SPARQL and names the same resource."""
    from click.testing import CliRunner

    from tipgraph.cli import main
    from tipgraph.query import named_queries

    def run(*args) -> str:
        result = CliRunner().invoke(main, ["query", str(built_graph), *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    pasted = 0
    for name in named_queries():
        table = run("--name", name).splitlines()
        bindings = json.loads(run("--name", name, "--format", "json"))["results"]["bindings"]
        iris = {b[v]["value"] for b in bindings for v in b if b[v]["type"] == "uri"}
        cells = sorted({cell for line in table[2:-1] for cell in re.split(r"\s{2,}", line.strip())
                        if re.fullmatch(r"<[^<>\s]+>|[a-z]+:[^\s]+", cell) and (cell.startswith("<") or "://" not in cell)})
        if not cells:
            continue
        answer = json.loads(run("-e", f"SELECT ?x WHERE {{ VALUES ?x {{ {' '.join(cells)} }} }}", "--format", "json"))
        values = [b["x"]["value"] for b in answer["results"]["bindings"]]
        assert len(values) == len(cells)
        for cell, value in zip(cells, values):
            if cell.startswith("<"):
                assert value == cell[1:-1]
        assert set(values) <= iris | {v for v in values if v.startswith("https://w3id.org/tipgraph/ontology#")}, name
        pasted += len(cells)
    assert pasted >= 20


def test_country_iri_is_printed_in_full():
    table = tipgraph("query", MINI, "-e", "SELECT ?c WHERE { ?c a tip:Country } ORDER BY ?c").stdout.decode()
    assert "<https://w3id.org/tipgraph/id/country/ALB>" in table
    assert "tipid:country/ALB" not in table
    kinds = tipgraph("query", MINI, "-e", "SELECT DISTINCT ?k WHERE { ?c a ?k } ORDER BY ?k").stdout.decode()
    assert "tip:Country" in kinds  # a local name SPARQL accepts as written keeps its prefix
