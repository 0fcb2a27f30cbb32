"""Time `tipgraph render` on generated graphs: render_html in Python, and the
browser's draw (Chromium via Playwright, when available).

    /work/venv/bin/python benchmarks/bench_render.py [--sizes 500 5000] [--no-browser]
    /work/venv/bin/python benchmarks/bench_render.py --docs 10000    # a graph shaped like 10,000 documents

--sizes makes graphs of that many drawn nodes (the full page up to
render.OVERVIEW_THRESHOLD, the overview page above it). --docs makes a graph
shaped like a build of that many documents (per document: 34 claims with
claimant, addressee and subjects, as bench_scale.py's corpus yields; entities
growing as 2 per document, with Pareto-distributed mentions) and reports the
overview page: file size, seconds until drawn (data-ready), and the time of a
click (side panel), an expansion and a search in the open page.

Speed is measured here, not asserted in the tests.
"""
from __future__ import annotations

import argparse
import json
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


WORDS = ("trafficking victims protection prosecution labour exploitation shelters police cooperation "
         "border identification children migrants referral compensation traffickers convictions "
         "training prevention awareness legislation funding online recruitment supply chains").split()
VERBS = ["urges", "calls on", "commits", "welcomes", "condemns", "reports", "notes", "supports"]


def synthetic_corpus_graph(n_docs: int, *, seed: int = 11, claims_per_doc: int = 34, graph=None) -> Graph:
    """A graph shaped like a build of `n_docs` documents (see the module docstring). The triples go
    to `graph` when given (anything with rdflib's `add`: bench_query writes them to a file)."""
    rng = random.Random(seed)
    g = Graph() if graph is None else graph
    add = g.add
    n_entities = max(300, 2 * n_docs)
    countries = [TIPID[f"country/C{i:03d}"] for i in range(min(200, n_entities // 4))]
    classes = ["Person"] * 5 + ["GovernmentBody", "InternationalOrganization", "CivilSocietyOrganization",
                                "Conference", "Meeting", "Place", "Region", "Instrument"]
    entities = list(countries)
    for i, c in enumerate(countries):
        add((c, RDF.type, TIP.Country))
        add((c, RDFS.label, Literal(f"Country {i}")))
        add((c, SKOS.altLabel, Literal(f"Republic of Country {i}")))
    for i in range(n_entities - len(countries)):
        cls = classes[i % len(classes)]
        e = TIPID[f"{cls.lower()}/E{i}"]
        entities.append(e)
        add((e, RDF.type, TIP[cls]))
        add((e, RDFS.label, Literal(f"{cls} {i} {rng.choice(WORDS).title()}")))
        if rng.random() < 0.3:
            add((e, SKOS.altLabel, Literal(f"E{i}")))
        if cls != "Country" and rng.random() < 0.5:
            add((e, TIP.affiliatedWith if cls == "Person" else TIP.partOf, rng.choice(countries)))
    actors = [e for e in entities if "/place/" not in str(e) and "/region/" not in str(e)
              and "/instrument/" not in str(e) and "/conference/" not in str(e) and "/meeting/" not in str(e)]

    def popular(pool):  # a few entities take most of the mentions, as in real text
        return pool[min(int(rng.paretovariate(0.9)) - 1, len(pool) - 1) if rng.random() < 0.6 else rng.randrange(len(pool))]

    for d in range(n_docs):
        stem = f"{d:05d}_bench"
        doc = TIPID[f"doc/{stem}"]
        add((doc, RDF.type, TIP.Speech if d % 3 else TIP.NewsArticle))
        add((doc, TIP.sourceFile, Literal(f"{stem}.txt")))
        speaker = popular(actors)
        for k in range(6):  # mentions: the document's entities, one sentence each
            e = popular(entities)
            start = 100 * k
            m = TIPID[f"mention/{stem}/{start}-{start + 9}"]
            add((e, TIP.mention, m))
            add((e, TIP.mentionedIn, doc))
            add((m, RDF.type, TIP.Mention))
            add((m, TIP.document, doc))
            add((m, TIP.start, Literal(start, datatype=XSD.integer)))
            add((m, TIP.anchorText, Literal("Entity")))
            add((m, TIP.sentence, Literal(f"Entity {k} of document {d} spoke about " + " ".join(rng.sample(WORDS, 8)) + ".")))
        for j in range(claims_per_doc):
            c = TIPID[f"claim/{stem}/{j * 300}-{j * 300 + 200}"]
            add((c, RDF.type, TIP[CLAIM_CLASSES[rng.randrange(len(CLAIM_CLASSES))]]))
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(12, 40)))
            add((c, TIP.text, Literal(f"The delegation {rng.choice(VERBS)} {words}.")))
            add((c, TIP.statedIn, doc))
            add((c, TIP.start, Literal(j * 300, datatype=XSD.integer)))
            add((c, TIP.claimant, speaker if rng.random() < 0.8 else popular(actors)))
            add((c, TIP.addressee if rng.random() < 0.3 else TIP.about, popular(countries)))
            for _ in range(rng.randrange(0, 3)):
                add((c, TIP.about, popular(entities)))
    return g


def browser_overview_seconds(html: Path) -> dict:
    """Open the overview page; time the draw, then a click, an expansion and a search."""
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
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=120_000)
        figures = {"ready": time.perf_counter() - t0}
        figures["drawn"] = page.evaluate("[tipgraph.nodes.length, tipgraph.edges.length]")
        figures["in page (ms)"] = page.evaluate("Object.fromEntries(Object.entries(tipgraph.timings).map(([k, v]) => [k, Math.round(v)]))")
        hub = page.evaluate("tipgraph.data.opening.nodes.reduce((a, b) => "
                            "tipgraph.data.entities.claims[a] >= tipgraph.data.entities.claims[b] ? a : b)")
        for name, script in (
            ("click", f"tipgraph.showDetails({hub})"),
            ("expand", f"tipgraph.expand({hub})"),
            ("search", "tipgraph.findMatches('person 1')"),
            ("focus unseen entity", "tipgraph.focusNode(tipgraph.data.entities.id.length - 1)"),
        ):
            figures[name] = page.evaluate(
                f"(() => {{ const t = performance.now(); {script}; return new Promise(r => "
                f"requestAnimationFrame(() => r((performance.now() - t) / 1000))); }})()")
        figures["heap_mb"] = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1")
        browser.close()
    return figures


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
    parser.add_argument("--docs", type=int, nargs="*", default=[],
                        help="Instead of --sizes: graphs shaped like builds of this many documents.")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--keep", type=Path, default=None, help="With --docs: keep the pages in this folder.")
    args = parser.parse_args()
    use_browser = not args.no_browser and CHROMIUM.exists()
    if args.docs:
        return bench_documents(args.docs, use_browser, args.keep)
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


def _page_data(html: Path) -> dict:
    text = html.read_text(encoding="utf-8")
    block = text.split('id="tipgraph-data">', 1)[1].split("</script>", 1)[0]
    return json.loads(block)


def bench_documents(sizes: list[int], use_browser: bool, keep: Path | None = None) -> int:
    import resource

    with tempfile.TemporaryDirectory() as tmp:
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            tmp = str(keep)
        for n_docs in sizes:
            t0 = time.perf_counter()
            graph = synthetic_corpus_graph(n_docs)
            t_gen = time.perf_counter() - t0
            out = Path(tmp) / f"graph-{n_docs}-docs.html"
            t0 = time.perf_counter()
            summary = render_html(graph, out, title=f"bench {n_docs} documents")
            t_render = time.perf_counter() - t0
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{n_docs:>6} documents: {len(graph):,} triples; page draws {summary.nodes} nodes, {summary.edges} edges"
                  f" when it opens; {out.stat().st_size / 1e6:.1f} MB; generate {t_gen:.1f}s, render_html {t_render:.1f}s,"
                  f" peak RSS {rss:,.0f} MB", flush=True)
            data = _page_data(out)
            if data.get("mode") == "overview":
                parts = {k: v for k, v in data.items() if k != "entities"} | {f"entities.{k}": v for k, v in data["entities"].items()}
                sizes = sorted(((len(json.dumps(v, ensure_ascii=False)), k) for k, v in parts.items()), reverse=True)
                print("        page data: " + ", ".join(f"{k} {n / 1e6:.1f} MB" for n, k in sizes[:6])
                      + f"; {data['totals']}", flush=True)
            if use_browser:
                figures = browser_overview_seconds(out)
                print("        browser: " + ", ".join(
                    f"{k} {v:.2f}s" if isinstance(v, float) and k != "heap_mb" else f"{k} {v}" for k, v in figures.items()),
                    flush=True)
            del graph
    return 0


if __name__ == "__main__":
    sys.exit(main())
