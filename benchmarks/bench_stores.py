"""Time the exports into the stores, loaded the way docs/ says, on a synthetic graph.

    python benchmarks/bench_stores.py [--triples 200000]

The graph is benchmarks/bench_query.py's (shaped like ours). It is exported
to TriG and to the Neo4j folder; a Virtuoso server and a FalkorDB server
are started on free ports of 127.0.0.1 (18000-18999) with the settings of
tests/test_stores.py, loaded with the commands of docs/virtuoso.md and
docs/falkordb-memgraph.md, and asked the bundled questions through
`tipgraph query --endpoint` (the row counts are checked against pyoxigraph
on the file) and the who-urged-whom question of docs/neo4j.md. Both servers
are stopped at the end. Needs the test extra and Debian's virtuoso-opensource.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from click.testing import CliRunner  # noqa: E402

from bench_query import generate  # noqa: E402
from test_stores import (  # noqa: E402
    VIRTUOSO_INI, doc_block, free_port, question_args, run_shell, stop, virtuoso_commands, wait_for_isql,
    wait_for_port,
)
from tipgraph.cli import main  # noqa: E402
from tipgraph.query import named_queries  # noqa: E402


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    print(f"{label:<48} {time.perf_counter() - started:7.1f} s", flush=True)
    return result


def cli(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return result.stdout


def bench_virtuoso(folder: Path) -> None:
    db = folder / "virtuoso"
    db.mkdir()
    sql, http = free_port(), free_port()
    ini = db / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=db, sql=sql, http=http, data=folder / "out"), encoding="utf-8")
    process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(ini)], cwd=db,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(http, process, 120, db / "virtuoso.log")
        wait_for_port(sql, process, 60, db / "virtuoso.log")
        wait_for_isql(sql, process, 60)
        ports = {"sql": sql, "http": http}
        timed("Virtuoso: ld_dir + rdf_loader_run (docs)", lambda: run_shell(
            virtuoso_commands(doc_block("virtuoso.md", "virtuoso-load"), ports).split("\n", 1)[1], folder))
        endpoint = f"http://127.0.0.1:{http}/sparql"
        graph = folder / "out" / "graph.nt"
        for name in sorted(named_queries()):
            args = question_args(name)
            remote = timed(f"  {name} through the SPARQL protocol", lambda: json.loads(
                cli("query", "--endpoint", endpoint, "--name", name, *args, "--format", "json")))
            local = json.loads(cli("query", graph, "--name", name, *args, "--format", "json"))
            got, expected = len(remote["results"]["bindings"]), len(local["results"]["bindings"])
            print(f"    {got} rows (pyoxigraph on the file: {expected}){'' if got == expected else '  DIFFERENT'}")
    finally:
        stop(process)


def bench_falkordb(folder: Path) -> None:
    from falkordb import FalkorDB

    port = free_port()
    lines = doc_block("falkordb-memgraph.md", "falkordb-server").splitlines()[1:]
    start = "\n".join(lines).replace("--port 6379", f"--port {port}").replace('\n"$BIN', '\nexec "$BIN')
    process = subprocess.Popen(["bash", "-c", start], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, 60, folder / "none.log")
        block = doc_block("falkordb-memgraph.md", "falkordb-load").replace("port=6379", f"port={port}")
        out = timed("FalkorDB: load-falkordb.cypher (docs)", lambda: subprocess.run(
            [sys.executable, "-c", block], cwd=folder, capture_output=True, text=True, check=True).stdout)
        print(f"    {out.strip()}")
        graph = FalkorDB(host="127.0.0.1", port=port).select_graph("tipgraph")
        rows = timed("  who urged whom (docs/neo4j.md)", lambda: graph.query(doc_block("neo4j.md", "cypher-urged-whom")))
        print(f"    {len(rows.result_set)} rows")
    finally:
        stop(process)


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-stores-") as tmp:
        folder = Path(tmp)
        (folder / "out").mkdir()
        graph = folder / "out" / "graph.nt"
        count = generate(graph, args.triples)
        print(f"{count} triples")
        timed("export --to trig", lambda: cli("export", graph, "--to", "trig", "--out", folder / "out" / "graph.trig"))
        timed("export --to neo4j", lambda: cli("export", graph, "--to", "neo4j", "--out", folder / "out" / "neo4j"))
        bench_virtuoso(folder)
        bench_falkordb(folder)


if __name__ == "__main__":
    main_()
