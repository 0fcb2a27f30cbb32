"""Time every bundled question on a synthetic graph, pyoxigraph vs rdflib.

    python benchmarks/bench_query.py [--triples 1000000] [--rdflib-timeout 60]

The graph is shaped like ours (docs/architecture.md): documents of five
genres with speakers and dates, entities (people affiliated with
organisations that are part of countries, events, instruments), one Mention
per occurrence with offsets and sentence, and claims of the six classes with
claimant, addressee, about, quantity, source, roles and quotes. It is written
as N-Triples to a temporary folder, then loaded by both engines.

pyoxigraph runs the question as `tipgraph query` does. rdflib's own SPARQL
engine is the baseline: each question runs in a forked child process and is
stopped after --rdflib-timeout seconds (reported as "> N s").
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import pyoxigraph as ox  # noqa: E402
from rdflib import Graph  # noqa: E402

from tipgraph.query import load_store, named_queries, run_query, substitute  # noqa: E402

TIP = "https://w3id.org/tipgraph/ontology#"
ID = "https://w3id.org/tipgraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
XSD = "http://www.w3.org/2001/XMLSchema#"

GENRES = ["Speech", "Statement", "NewsArticle", "PressRelease", "Report"]
CLAIMS = ["CallToAction", "Commitment", "Statistic", "Endorsement", "Criticism", "Assertion"]
ORG_CLASSES = ["GovernmentBody", "InternationalOrganization", "CivilSocietyOrganization", "MediaOrganization", "Organization"]
EVENT_CLASSES = ["Conference", "Workshop", "Meeting"]
COUNTRY_NAMES = ["Albania", "Montenegro", "Serbia", "North Macedonia", "Kosovo", "Bosnia and Herzegovina",
                 "Greece", "Italy", "United States", "United Kingdom"]


def lit(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"' + (f"^^<{XSD}{datatype}>" if datatype else "")


def generate(path: Path, target: int, seed: int = 0) -> int:
    """Write about `target` triples of N-Triples; return the exact count."""
    rnd = random.Random(seed)
    per_doc = 290  # measured: triples per document, entities included
    docs = max(1, target // per_doc)
    n_people, n_orgs, n_countries = max(20, docs // 2), max(10, docs // 4), 200
    n_events, n_instruments = max(5, docs // 30), max(5, docs // 60)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        def t(s: str, p: str, o: str) -> None:
            nonlocal count
            out.write(f"<{s}> <{p}> {o} .\n")
            count += 1

        def r(iri: str) -> str:
            return f"<{iri}>"

        countries = [f"{ID}country/C{i:03d}" for i in range(n_countries)]
        for i, c in enumerate(countries):
            name = COUNTRY_NAMES[i] if i < len(COUNTRY_NAMES) else f"Country {i}"
            t(c, RDF_TYPE, r(TIP + "Country"))
            t(c, LABEL, lit(name))
            t(c, ALT, lit(f"Republic of {name}"))
            t(c, TIP + "isoCode", lit(f"C{i:02d}"))
        orgs = [f"{ID}org/O{i}" for i in range(n_orgs)]
        for i, o in enumerate(orgs):
            t(o, RDF_TYPE, r(TIP + rnd.choice(ORG_CLASSES)))
            t(o, LABEL, lit(f"Organisation {i}"))
            t(o, TIP + "partOf", r(rnd.choice(countries[:40]) if i % 3 else rnd.choice(orgs[: i or 1])))
            if i % 5 == 0:
                t(o, TIP + "memberOf", r(rnd.choice(orgs[:20])))
        people = [f"{ID}person/P{i}" for i in range(n_people)]
        for i, p in enumerate(people):
            t(p, RDF_TYPE, r(TIP + "Person"))
            t(p, LABEL, lit(f"Person {i}"))
            t(p, ALT, lit(f"Ambassador {i}"))
            t(p, TIP + "title", lit(rnd.choice(["Ambassador", "Minister", "Director", "Head of Mission"])))
            t(p, TIP + "affiliatedWith", r(rnd.choice(orgs)))
        events = [f"{ID}event/E{i}" for i in range(n_events)]
        for i, e in enumerate(events):
            t(e, RDF_TYPE, r(TIP + rnd.choice(EVENT_CLASSES)))
            t(e, LABEL, lit(f"Event {i}"))
            t(e, TIP + "organizer", r(rnd.choice(orgs)))
            t(e, TIP + "host", r(rnd.choice(countries[:40])))
            t(e, TIP + "location", r(rnd.choice(countries[:40])))
            t(e, TIP + "date", lit(f"20{rnd.randint(10, 24)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}", "date"))
            for p in rnd.sample(people, 3):
                t(e, TIP + "participant", r(p))
        instruments = [f"{ID}instrument/I{i}" for i in range(n_instruments)]
        for i, inst in enumerate(instruments):
            t(inst, RDF_TYPE, r(TIP + "Instrument"))
            t(inst, LABEL, lit(f"Instrument {i}"))
        entities = countries[:60] * 3 + orgs + people + events + instruments
        speech_claims: list[str] = []
        for d in range(docs):
            doc = f"{ID}doc/D{d:06d}"
            genre = GENRES[d % len(GENRES)]
            date = f"20{rnd.randint(10, 24)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            t(doc, RDF_TYPE, r(TIP + genre))
            t(doc, LABEL, lit(f"Document {d}"))
            t(doc, TIP + "sourceFile", lit(f"{d:06d}.txt"))
            t(doc, TIP + "date", lit(date, "date"))
            speaker = rnd.choice(people)
            t(doc, TIP + "speaker" if genre in ("Speech", "Statement") else TIP + "author", r(speaker))
            if genre == "Speech":
                t(doc, TIP + "deliveredAt", r(rnd.choice(events)))
            mentioned = set()
            for k in range(25):
                e = rnd.choice(entities)
                start = k * 100 + rnd.randint(0, 50)
                m = f"{ID}mention/D{d:06d}/{start}-{start + 12}"
                t(m, RDF_TYPE, r(TIP + "Mention"))
                t(m, TIP + "document", r(doc))
                t(m, TIP + "start", lit(str(start), "integer"))
                t(m, TIP + "end", lit(str(start + 12), "integer"))
                t(m, TIP + "anchorText", lit("Entity name"))
                t(m, TIP + "sentence", lit(f"A sentence of document {d} naming an entity, number {k}."))
                t(e, TIP + "mention", r(m))
                if e not in mentioned:
                    t(e, TIP + "mentionedIn", r(doc))
                    mentioned.add(e)
            for k in range(8):
                cls = CLAIMS[(d + k) % len(CLAIMS)]
                start = 5000 + k * 200
                c = f"{ID}claim/D{d:06d}/{start}-{start + 150}"
                t(c, RDF_TYPE, r(TIP + cls))
                t(c, TIP + "statedIn", r(doc))
                t(c, TIP + "text", lit(f"Claim {k} of document {d}: we urge the government to act."))
                t(c, LABEL, lit(f"claim {k}"))
                t(c, TIP + "start", lit(str(start), "integer"))
                t(c, TIP + "end", lit(str(start + 150), "integer"))
                t(c, TIP + "claimant", r(speaker))
                if cls in ("CallToAction", "Criticism", "Endorsement"):
                    t(c, TIP + "addressee", r(rnd.choice(orgs)))
                country = rnd.choice(countries[:40])
                t(c, TIP + "about", r(country))
                if cls == "Statistic":
                    t(c, TIP + "quantity", lit(str(rnd.randint(1, 5000)), "decimal"))
                    t(c, TIP + "unit", lit("victims"))
                    t(c, TIP + "period", lit(str(rnd.randint(2010, 2024)), "gYear"))
                    t(c, TIP + "citesSource", r(rnd.choice(orgs)))
                if cls == "Assertion":
                    t(c, TIP + "sourceCountry", r(country))
                    t(c, TIP + "destinationCountry", r(rnd.choice(countries[:40])))
                if genre == "Speech":
                    speech_claims.append(c)
                elif genre == "NewsArticle" and speech_claims and k < 2:
                    t(c, TIP + "quotes", r(rnd.choice(speech_claims)))
    return count


def _rdflib_child(graph: Graph, text: str, conn) -> None:
    start = time.perf_counter()
    try:
        rows = len(list(graph.query(text)))
        conn.send(("ok", time.perf_counter() - start, rows))
    except Exception as exc:  # report rdflib failures in the table
        conn.send(("error", time.perf_counter() - start, f"{type(exc).__name__}: {exc}"[:60]))
    conn.close()


def time_rdflib(graph: Graph, text: str, timeout: float):
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="pyoxigraph runs per question (best is kept)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.nt"
        t0 = time.perf_counter()
        count = generate(path, args.triples)
        print(f"generated {count:,} triples ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f} s")

        t0 = time.perf_counter()
        store = load_store(path)
        print(f"pyoxigraph: loaded in {time.perf_counter() - t0:.1f} s")
        graph = None
        if not args.skip_rdflib:
            t0 = time.perf_counter()
            graph = Graph()
            graph.parse(path, format="nt")
            print(f"rdflib:     loaded in {time.perf_counter() - t0:.1f} s")

        rows_out = []
        for name, query in named_queries().items():
            text = substitute(query.text, {k: v for k, v in query.params.items() if v is not None})
            best, n = None, 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = run_query(store, text, name)
                n = sum(1 for _ in result) if isinstance(result, ox.QuerySolutions) else 1
                elapsed = time.perf_counter() - start
                best = elapsed if best is None else min(best, elapsed)
            if graph is None:
                rd = "-"
                ratio = ""
            else:
                status, secs, detail = time_rdflib(graph, text, args.rdflib_timeout)
                if status == "ok":
                    rd = f"{secs:.2f}"
                    ratio = f"{secs / best:.0f}x" if best else ""
                    if detail != n:
                        rd += f" ({detail} rows!)"
                elif status == "timeout":
                    rd, ratio = f"> {secs:.0f}", f"> {secs / best:.0f}x" if best else ""
                else:
                    rd, ratio = f"error {detail}", ""
            rows_out.append((name, n, f"{best:.3f}", rd, ratio))
            print(f"  {name}: {n} rows, pyoxigraph {best:.3f} s, rdflib {rd}", file=sys.stderr, flush=True)

        header = ("question", "rows", "pyoxigraph s", "rdflib s", "speed-up")
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows_out)]
        print()
        print(f"{count:,} triples; pyoxigraph {ox.__version__}; rdflib timeout {args.rdflib_timeout:.0f} s; "
              f"{os.cpu_count()} CPUs")
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        print("  ".join("-" * w for w in widths))
        for row in rows_out:
            print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))


if __name__ == "__main__":
    main()
