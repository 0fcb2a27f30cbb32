"""Time `tipgraph query`, `stats` and `export` on a graph shaped like a build of N documents.

    python benchmarks/bench_query.py [--docs 10000] [--keep DIR] [--rdflib-timeout 120] [--skip-rdflib]

The graph is made without parsing any document: bench_render.synthetic_corpus_graph
(34 claims per document with claimant, addressee or subject country and up to two more
subjects; six mentions per document; two entities per document), with what a build adds
to each claim (tip:confidence, tip:classifiedBy, tip:attributedBy, a quantity on
statistics) and to each document (label, date). It is written, as a build writes it, as
`graph.ttl` of an output folder (graphio.OutputSet), and its store is made with the call
the build makes (store.refresh_store).

For every bundled question (default parameters), each a fresh `tipgraph query` process:

* first: the whole command on the build's graph.ttl, the store made as the build makes it
  (with the bundled answers): the first page of the kept answer, as a table;
* again: the whole command a second time;
* engine: in this process, the store open, the engine's time for the question
  (`run_query` + rendering the whole table), and the time to read and render the
  first page of the kept answer (what the command does once the store is open);
* in memory: the whole command on the same file outside a build's folder (loaded into an
  in-memory store per command, as every command did before the store);
* rdflib: rdflib's own SPARQL engine on the graph parsed by rdflib (parsed once; each
  question in a forked child, stopped after --rdflib-timeout seconds).

Then `stats` (first, again, in memory) and `export --to nt` and `--to neo4j`, with each
command's wall time and peak RSS (GNU time's %M; needs /usr/bin/time).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pyoxigraph as ox  # noqa: E402
from rdflib import RDF, RDFS, Literal, URIRef  # noqa: E402
from rdflib.namespace import XSD  # noqa: E402

from bench_render import CLAIM_CLASSES, synthetic_corpus_graph  # noqa: E402
from tipgraph.graphio import OutputSet  # noqa: E402
from tipgraph.namespaces import PREFIXES, TIP, TIPID  # noqa: E402
from tipgraph.query import (TABLE_ROWS, Page, named_queries, read_kept_solutions, render_result,  # noqa: E402
                            run_query, substitute)
from tipgraph.store import open_store  # noqa: E402
from tipgraph.turtle import escape_string  # noqa: E402

CLI = [sys.executable, "-c", "from tipgraph.cli import main; main()"]
TIME = "/usr/bin/time"
# What store.refresh_store does for a build, its two parts timed apart: load graph.ttl into a
# new version, then answer the bundled questions into it.
STORE_SCRIPT = """
import json, sys, time
from tipgraph.query import keep_bundled_answers
from tipgraph.store import open_store, refresh_store
started = time.perf_counter()
refresh_store(sys.argv[1], quiet=False, answers=False)
loaded = time.perf_counter() - started
opened = open_store(sys.argv[1], create=False)
answers = keep_bundled_answers(opened.store, opened.folder)
open(sys.argv[2], "w").write(json.dumps({"load": loaded, "answers": answers}))
"""  # GNU time, for each command's peak RSS
CLAIM_TYPES = {TIP[c] for c in CLAIM_CLASSES}
DOCUMENT_TYPES = {TIP.Speech, TIP.NewsArticle}


def nt_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    body = f'"{escape_string(str(term))}"'
    if term.language:
        return f"{body}@{term.language}"
    return f"{body}^^<{term.datatype}>" if term.datatype is not None else body


class BuildLikeTriples:
    """Takes synthetic_corpus_graph's triples (its `graph=`) and writes them as N-Triples, with
    what a build adds to each claim and document."""

    def __init__(self, handle, seed: int = 5):
        self.handle = handle
        self.count = 0
        self.documents = 0
        self.rng = random.Random(seed)

    def add(self, triple) -> None:
        s, p, o = triple
        self.handle.write(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n")
        self.count += 1
        if p != RDF.type:
            return
        rng = self.rng
        if o in CLAIM_TYPES:
            self.add((s, TIP.confidence, Literal(f"0.{rng.randrange(40, 99)}", datatype=XSD.decimal)))
            self.add((s, TIP.classifiedBy, TIPID[f"rule/class-{rng.randrange(12)}"]))
            self.add((s, TIP.attributedBy, TIPID[f"rule/attribution-{rng.randrange(6)}"]))
            if o == TIP.Statistic:
                self.add((s, TIP.quantity, Literal(str(rng.randrange(1, 5000)), datatype=XSD.decimal)))
        elif o in DOCUMENT_TYPES:
            self.documents += 1
            self.add((s, RDFS.label, Literal(f"Document {self.documents}")))
            date = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            self.add((s, TIP.date, Literal(date, datatype=XSD.date)))


def write_build_graph(n_docs: int, out: Path) -> int:
    """`out/graph.ttl` as a build leaves it, for a graph shaped like `n_docs` documents."""
    out.mkdir(parents=True, exist_ok=True)
    nt = out.parent / f".{out.name}.nt"
    with open(nt, "w", encoding="utf-8") as handle:
        triples = BuildLikeTriples(handle)
        synthetic_corpus_graph(n_docs, graph=triples)
    store = ox.Store()
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    nt.unlink()

    def turtle(handle) -> None:
        handle.flush()
        ox.serialize(store, handle.buffer, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))

    OutputSet(out, ("graph.ttl", "graph.html", "text")).replace({"graph.ttl": turtle})
    return len(store)


def run(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit status of one command in a child process. The peak
    is GNU time's (%M): the rusage of a child this process forks would count this process's own
    pages, shared with the child until it execs."""
    started = time.perf_counter()
    process = subprocess.run([TIME, "-f", "%M", *map(str, args)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    lines = process.stderr.strip().splitlines()
    if process.returncode != 0:
        print(f"  ! {' '.join(map(str, args[3:]))}: {process.stderr[-300:]}", file=sys.stderr)
    return elapsed, (int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else float("nan")), process.returncode


def _rdflib_child(graph, text: str, conn) -> None:
    start = time.perf_counter()
    try:
        rows = len(list(graph.query(text)))
        conn.send(("ok", time.perf_counter() - start, rows))
    except Exception as exc:  # reported in the table
        conn.send(("error", time.perf_counter() - start, f"{type(exc).__name__}: {exc}"[:60]))
    conn.close()


def time_rdflib(graph, text: str, timeout: float):
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(graph, text, child))
    proc.start()
    child.close()
    if parent.poll(timeout):
        result = parent.recv()
        proc.join()
        return result
    proc.kill()
    proc.join()
    return ("timeout", timeout, None)


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def table(header: tuple, rows: list[tuple]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    lines = ["| " + " | ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(str(x).ljust(w) for x, w in zip(row, widths)) + " |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=None, help="Make the output folder here and keep it.")
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--skip-memory", action="store_true", help="Do not time the in-memory path.")
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-query-")) if args.keep is None else args.keep
    out = work / "out"
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"pyoxigraph {ox.__version__}; load average {load_average()}", flush=True)
    try:
        started = time.perf_counter()
        if not (out / "graph.ttl").is_file():
            count = write_build_graph(args.docs, out)
        else:
            count = sum(1 for _ in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
        graph = out / "graph.ttl"
        size = graph.stat().st_size / 1e6
        print(f"{args.docs:,} documents: {count:,} triples, graph.ttl {size:.0f} MB, made in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
        shutil.rmtree(out / "store", ignore_errors=True)
        timings = work / "store-timings.json"
        seconds, rss, _ = run([*CLI[:2], STORE_SCRIPT, graph, timings])
        made = json.loads(timings.read_text())
        store_size = sum(p.stat().st_size for p in (out / "store").rglob("*") if p.is_file()) / 1e6
        answers_size = sum(p.stat().st_size for p in (out / "store").rglob("answers/*") if p.is_file()) / 1e6
        print(f"store made (what store.refresh_store does for the build) in {seconds:.1f} s, peak RSS {rss:,.0f} MB, "
              f"{store_size:,.0f} MB on disk: loading {made['load']:.1f} s, the bundled answers "
              f"{sum(made['answers'].values()):.1f} s ({answers_size:,.0f} MB); load average {load_average()}",
              flush=True)
        for name, secs in made["answers"].items():
            print(f"    answer made with the store: {name} {secs:.2f} s", flush=True)
        plain = work / "plain"
        plain.mkdir(exist_ok=True)
        plain_graph = plain / "graph.ttl"  # the same file outside a build's folder: loaded into memory
        if not plain_graph.exists():
            os.link(os.path.realpath(graph), plain_graph)

        questions = {name: substitute(q.text, {k: v for k, v in q.params.items() if v is not None})
                     for name, q in named_queries().items()}
        rows = {}
        for name, text in questions.items():
            first = run([*CLI, "query", graph, "--name", name])
            again = run([*CLI, "query", graph, "--name", name])
            opened = open_store(graph, create=False)
            t0 = time.perf_counter()
            rendered = render_result(run_query(opened.store, text, name), "table")
            t_engine = time.perf_counter() - t0
            counted = re.search(r"\((\d+) rows?\)\n$", rendered)
            answer_rows = int(counted.group(1)) if counted else 1
            t_query = t_engine
            t0 = time.perf_counter()  # what `query --name` does in its process: a page of the kept answer
            kept = read_kept_solutions(opened, text, Page(TABLE_ROWS))
            if kept is not None:
                render_result(kept[0], "table", 0, Page(TABLE_ROWS), kept[1])
            t_kept = time.perf_counter() - t0
            opened.close()
            memory = run([*CLI, "query", plain_graph, "--name", name]) if not args.skip_memory else None
            rows[name] = dict(rows=answer_rows, first=first, again=again, query=t_query, engine=t_engine,
                              kept=t_kept if kept is not None else None, memory=memory)
            print(f"  {name}: {answer_rows} rows; command first {first[0]:.2f} s, again {again[0]:.2f} s; "
                  f"engine {t_engine:.3f} s (query and table), kept answer read in "
                  f"{t_kept * 1000:.1f} ms{'' if kept is not None else ' (none kept)'}"
                  + (f"; in memory {memory[0]:.1f} s" if memory else "") + f"; load {load_average()}", flush=True)

        stats_rows = [("stats, first (store; the summary is kept)", *run([*CLI, "stats", graph])[:2]),
                      ("stats, again", *run([*CLI, "stats", graph])[:2])]
        if not args.skip_memory:
            stats_rows.append(("stats, in memory (as before)", *run([*CLI, "stats", plain_graph])[:2]))
        if not args.skip_export:
            stats_rows.append(("export --to nt", *run([*CLI, "export", graph, "--to", "nt", "--out", work / "g.nt"])[:2]))
            stats_rows.append(("export --to neo4j", *run([*CLI, "export", graph, "--to", "neo4j",
                                                          "--out", work / "neo4j"])[:2]))
        for label, seconds, rss in stats_rows:
            print(f"  {label}: {seconds:.1f} s, peak RSS {rss:,.0f} MB; load {load_average()}", flush=True)

        if not args.skip_rdflib:
            from rdflib import Graph

            t0 = time.perf_counter()
            rdflib_graph = Graph().parse(str(plain_graph), format="turtle")
            print(f"rdflib parsed the graph in {time.perf_counter() - t0:.0f} s, "
                  f"RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB", flush=True)
            for name, text in questions.items():
                status, secs, detail = time_rdflib(rdflib_graph, text, args.rdflib_timeout)
                rows[name]["rdflib"] = (status, secs, detail)
                print(f"  rdflib {name}: {status} {secs:.1f} s {detail if status != 'ok' else ''}", flush=True)
            del rdflib_graph

        header = ("question", "rows", "command, first", "command, again", "engine, store open (query + table)",
                  "kept answer, first page", "in memory (before)", "rdflib engine", "rdflib / engine",
                  "rdflib / kept page")
        lines = []
        for name, r in rows.items():
            rd = r.get("rdflib")
            kept_ratio = ""
            if rd is None:
                rd_text, ratio = "-", ""
            elif rd[0] in ("ok", "timeout"):
                more = "> " if rd[0] == "timeout" else ""
                rd_text, ratio = f"{more}{rd[1]:.2f} s", f"{more}{rd[1] / r['query']:.0f}x"
                if r["kept"] is not None:
                    kept_ratio = f"{more}{rd[1] / r['kept']:,.0f}x"
            else:
                rd_text, ratio = f"error {rd[2]}", ""
            lines.append((name, r["rows"], f"{r['first'][0]:.2f} s", f"{r['again'][0]:.2f} s",
                          f"{r['engine']:.3f} s",
                          f"{r['kept'] * 1000:.1f} ms" if r["kept"] is not None else "(not kept)",
                          f"{r['memory'][0]:.1f} s" if r["memory"] else "-", rd_text, ratio, kept_ratio))
        print()
        print(table(header, lines))
        print()
        print(table(("command", "seconds", "peak RSS"), [(a, f"{b:.1f}", f"{c:,.0f} MB") for a, b, c in stats_rows]))
        print(f"\nload average at the end {load_average()}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
