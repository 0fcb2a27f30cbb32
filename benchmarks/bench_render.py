"""Time `tipgraph render` on generated graphs: render_html in Python, and the
browser's draw (Chromium via Playwright, when available).

    /work/venv/bin/python benchmarks/bench_render.py [--sizes 500 5000] [--no-browser]

Speed is measured here, not asserted in the tests.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal
from rdflib.namespace import XSD

from tipgraph.namespaces import TIP, TIPID
from tipgraph.render import render_html

CHROMIUM = Path("/usr/bin/chromium")
ENTITY_CLASSES = ["Person", "GovernmentBody", "InternationalOrganization", "Country", "Region", "Place",
                  "Conference", "Instrument", "MediaOrganization"]
CLAIM_CLASSES = ["CallToAction", "Commitment", "Statistic", "Endorsement", "Criticism", "Assertion"]
RELATIONS = ["affiliatedWith", "partOf", "memberOf", "locatedIn", "participant"]


def synthetic_graph(n_nodes: int, *, seed: int = 7, n_docs: int = 60) -> Graph:
    """A graph shaped like a built one: 60% entities, 40% claims, mentions with sentences."""
    rng = random.Random(seed)
    g = Graph()
    docs = []
    for d in range(n_docs):
        doc = TIPID[f"doc/{d:03d}_bench"]
        g.add((doc, RDF.type, TIP.Speech))
        g.add((doc, TIP.sourceFile, Literal(f"{d:03d}_bench.txt")))
        docs.append((doc, f"{d:03d}_bench"))
    n_entities = int(n_nodes * 0.6)
    entities = []
    for i in range(n_entities):
        cls = ENTITY_CLASSES[i % len(ENTITY_CLASSES)]
        e = TIPID[f"entity/{cls}-{i}"]
        entities.append(e)
        g.add((e, RDF.type, TIP[cls]))
        g.add((e, RDFS.label, Literal(f"{cls} number {i}")))
        g.add((e, SKOS.altLabel, Literal(f"E{i}")))
        for k in range(1 + int(rng.paretovariate(1.5)) % 30):
            doc, stem = rng.choice(docs)
            start = rng.randrange(0, 50_000)
            m = TIPID[f"mention/{stem}/{start}-{start + 8}-{i}"]
            g.add((e, TIP.mention, m))
            g.add((e, TIP.mentionedIn, doc))
            g.add((m, RDF.type, TIP.Mention))
            g.add((m, TIP.document, doc))
            g.add((m, TIP.start, Literal(start, datatype=XSD.integer)))
            g.add((m, TIP.end, Literal(start + 8, datatype=XSD.integer)))
            g.add((m, TIP.anchorText, Literal(f"E{i}")))
            g.add((m, TIP.sentence, Literal(f"In sentence {k}, E{i} met others to discuss trafficking in persons.")))
    for i, e in enumerate(entities):
        for _ in range(rng.randrange(0, 3)):
            g.add((e, TIP[rng.choice(RELATIONS)], entities[min(int(rng.paretovariate(1.2)) - 1, n_entities - 1)]))
    for j in range(n_nodes - n_entities):
        doc, stem = rng.choice(docs)
        c = TIPID[f"claim/{stem}/{j}-{j + 50}"]
        g.add((c, RDF.type, TIP[CLAIM_CLASSES[j % len(CLAIM_CLASSES)]]))
        g.add((c, TIP.text, Literal(f"Claim {j}: we urge all participating States to do more against trafficking.")))
        g.add((c, TIP.statedIn, doc))
        g.add((c, TIP.claimant, rng.choice(entities)))
        for _ in range(rng.randrange(1, 4)):
            g.add((c, TIP.about, rng.choice(entities)))
    return g


def browser_draw_seconds(html: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1366, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        t0 = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=300_000)
        elapsed = time.perf_counter() - t0
        browser.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    use_browser = not args.no_browser and CHROMIUM.exists()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            t0 = time.perf_counter()
            graph = synthetic_graph(n)
            t_gen = time.perf_counter() - t0
            out = Path(tmp) / f"graph-{n}.html"
            t0 = time.perf_counter()
            summary = render_html(graph, out, title=f"bench {n}")
            t_render = time.perf_counter() - t0
            line = (f"{n:>6} nodes requested: {summary.nodes} nodes, {summary.edges} edges, "
                    f"{len(graph)} triples, {out.stat().st_size / 1e6:.1f} MB; "
                    f"generate {t_gen:.2f}s, render_html {t_render:.2f}s")
            if use_browser:
                line += f", browser draw {browser_draw_seconds(out):.2f}s"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
