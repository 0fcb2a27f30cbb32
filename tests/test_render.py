"""tipgraph render: the offline HTML view.

Python-side tests check what is drawn (one node per entity and claim, edges
for object properties), filters, determinism, escaping and the CLI. Browser
tests open the page in Chromium (Playwright, system /usr/bin/chromium, every
non-file request blocked) and check it draws, makes no remote request, runs
no injected script, and that the panel, search and filters work.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, SKOS, Graph, Literal

from tipgraph.cli import main as cli_main
from tipgraph.graphio import TipgraphError, load_graph
from tipgraph.namespaces import TIP, TIPID
from tipgraph.render import RenderFilter, render_html

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]

SCRIPT_INJECTION = "</script><script>window.pwned=1</script>"
IMG_INJECTION = "<img src=x onerror=window.pwned=1>"
ID = "https://w3id.org/tipgraph/id/"

# A small graph following docs/architecture.md: a speech and a statement,
# entities with mentions, two claims, a membership node (not drawn), and
# hostile labels and sentences.
FIXTURE_TTL = f"""\
@prefix tip:   <https://w3id.org/tipgraph/ontology#> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:   <http://www.w3.org/2002/07/owl#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .

<{ID}doc/000_899a689a70e097f6> a tip:Speech ;
    tip:sourceFile "000_899a689a70e097f6.txt" ;
    rdfs:label "Remarks by Ambassador Kim at the OSCE Conference" .
<{ID}doc/001_a1afb9ff689efd41> a tip:Statement ;
    tip:sourceFile "001_a1afb9ff689efd41.txt" ;
    rdfs:label "Statement on trafficking in human beings" .

<{ID}person/Yuri-Kim> a tip:Person ;
    rdfs:label "Yuri Kim" ; skos:altLabel "Ambassador Kim" ; tip:title "Ambassador" ;
    tip:affiliatedWith <{ID}country/USA> ;
    tip:mentionedIn <{ID}doc/000_899a689a70e097f6> ;
    tip:mention <{ID}mention/000_899a689a70e097f6/11-25> .
<{ID}mention/000_899a689a70e097f6/11-25> a tip:Mention ;
    tip:document <{ID}doc/000_899a689a70e097f6> ;
    tip:start 11 ; tip:end 25 ; tip:anchorText "Ambassador Kim" ;
    tip:sentence "Remarks by Ambassador Kim at the OSCE Conference on Joint Efforts to Combat Human Trafficking in Albania" .

<{ID}country/ALB> a tip:Country ;
    rdfs:label "Albania" ; tip:isoCode "ALB" ; owl:sameAs <http://www.wikidata.org/entity/Q222> ;
    tip:memberOf <{ID}org/NATO> ;
    tip:mentionedIn <{ID}doc/000_899a689a70e097f6>, <{ID}doc/001_a1afb9ff689efd41> ;
    tip:mention <{ID}mention/000_899a689a70e097f6/95-102>, <{ID}mention/001_a1afb9ff689efd41/0-7> .
<{ID}mention/000_899a689a70e097f6/95-102> a tip:Mention ;
    tip:document <{ID}doc/000_899a689a70e097f6> ;
    tip:start 95 ; tip:end 102 ; tip:anchorText "Albania" ;
    tip:sentence "Remarks by Ambassador Kim at the OSCE Conference on Joint Efforts to Combat Human Trafficking in Albania" .
<{ID}mention/001_a1afb9ff689efd41/0-7> a tip:Mention ;
    tip:document <{ID}doc/001_a1afb9ff689efd41> ;
    tip:start 0 ; tip:end 7 ; tip:anchorText "Albania" ;
    tip:sentence "Albania is at a turning point – it has been a NATO member since 2009." .

<{ID}country/USA> a tip:Country ;
    rdfs:label "United States" ; skos:altLabel "US", "the United States" ; tip:isoCode "USA" .
<{ID}org/NATO> a tip:InternationalOrganization ;
    rdfs:label "NATO" ;
    tip:mentionedIn <{ID}doc/001_a1afb9ff689efd41> .
<{ID}org/Hostile> a tip:CivilSocietyOrganization ;
    rdfs:label "{SCRIPT_INJECTION}" ;
    skos:altLabel "{IMG_INJECTION}" ;
    tip:mentionedIn <{ID}doc/001_a1afb9ff689efd41> ;
    tip:mention <{ID}mention/001_a1afb9ff689efd41/50-60> .
<{ID}mention/001_a1afb9ff689efd41/50-60> a tip:Mention ;
    tip:document <{ID}doc/001_a1afb9ff689efd41> ;
    tip:start 50 ; tip:end 60 ; tip:anchorText "{IMG_INJECTION}" ;
    tip:sentence "Before {IMG_INJECTION} after <!-- \\u2028 {SCRIPT_INJECTION} & done." .
<{ID}event/OSCE-Conference> a tip:Conference ;
    rdfs:label "OSCE Conference on Joint Efforts" ;
    tip:location <{ID}country/ALB> ; tip:participant <{ID}person/Yuri-Kim> .

<{ID}claim/000_899a689a70e097f6/3000-3100> a tip:CallToAction ;
    rdfs:label "We urge the Government of Albania to redouble its efforts" ;
    tip:text "We urge the Government of Albania to redouble its efforts to identify the victims, cure them and send the traffickers to prison." ;
    tip:start 3000 ; tip:end 3100 ;
    tip:statedIn <{ID}doc/000_899a689a70e097f6> ;
    tip:claimant <{ID}person/Yuri-Kim> ;
    tip:addressee <{ID}country/ALB> ;
    tip:about <{ID}country/ALB> .
<{ID}claim/001_a1afb9ff689efd41/0-40> a tip:Statistic ;
    tip:text "{SCRIPT_INJECTION} 40 percent of victims were children" ;
    tip:statedIn <{ID}doc/001_a1afb9ff689efd41> ;
    tip:quantity 40.0 ;
    tip:about <{ID}country/ALB> .

<{ID}membership/ALB-NATO> a tip:Membership ;
    tip:member <{ID}country/ALB> ; tip:organization <{ID}org/NATO> .
"""

ENTITIES = {
    "person/Yuri-Kim",
    "country/ALB",
    "country/USA",
    "org/NATO",
    "org/Hostile",
    "event/OSCE-Conference",
}
CLAIMS = {"claim/000_899a689a70e097f6/3000-3100", "claim/001_a1afb9ff689efd41/0-40"}

ENTITY_CLASS_NAMES = [
    "Person", "GovernmentBody", "InternationalOrganization", "CivilSocietyOrganization", "MediaOrganization",
    "Organization", "Country", "Region", "Place", "Event", "Conference", "Workshop", "Meeting", "Instrument",
]
CLAIM_CLASS_NAMES = ["Claim", "CallToAction", "Commitment", "Statistic", "Endorsement", "Criticism", "Assertion"]


def drawable_iris(graph: Graph) -> set[str]:
    """Entities and claims, read straight from the graph (what the page must draw)."""
    classes = {TIP[name] for name in ENTITY_CLASS_NAMES + CLAIM_CLASS_NAMES}
    return {str(s) for s, o in graph.subject_objects(RDF.type) if o in classes}


def page_data(html_text: str) -> dict:
    import json

    match = re.search(r'<script type="application/json" id="tipgraph-data">(.*?)</script>', html_text, re.S)
    assert match, "data block missing"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def fixture_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("render-fixture") / "fixture.ttl"
    path.write_text(FIXTURE_TTL, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fixture_graph(fixture_file) -> Graph:
    return load_graph(fixture_file)


@pytest.fixture(scope="module")
def fixture_html(fixture_graph, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("render-out") / "graph.html"
    summary = render_html(fixture_graph, out, title="Fixture <b>graph</b>")
    assert summary.path == out
    return out


def synthetic_graph(n_nodes: int, *, seed: int = 7, n_docs: int = 40) -> Graph:
    """A graph shaped like a built one: 60% entities with mentions, 40% claims."""
    rng = random.Random(seed)
    g = Graph()
    docs = []
    for d in range(n_docs):
        doc = TIPID[f"doc/{d:03d}_gen"]
        g.add((doc, RDF.type, TIP.NewsArticle))
        g.add((doc, TIP.sourceFile, Literal(f"{d:03d}_gen.txt")))
        docs.append((doc, f"{d:03d}_gen"))
    classes = ["Person", "GovernmentBody", "InternationalOrganization", "Country", "Region", "Place", "Meeting", "Instrument"]
    n_entities = int(n_nodes * 0.6)
    entities = []
    for i in range(n_entities):
        cls = classes[i % len(classes)]
        e = TIPID[f"gen/{cls}-{i}"]
        entities.append(e)
        g.add((e, RDF.type, TIP[cls]))
        g.add((e, RDFS.label, Literal(f"{cls} {i}")))
        g.add((e, SKOS.altLabel, Literal(f"alias {i}")))
        for k in range(1 + rng.randrange(4)):
            doc, stem = rng.choice(docs)
            m = TIPID[f"mention/{stem}/{i}-{k}"]
            g.add((e, TIP.mention, m))
            g.add((e, TIP.mentionedIn, doc))
            g.add((m, RDF.type, TIP.Mention))
            g.add((m, TIP.document, doc))
            g.add((m, TIP.start, Literal(k * 100)))
            g.add((m, TIP.end, Literal(k * 100 + 5)))
            g.add((m, TIP.anchorText, Literal(f"{cls} {i}")))
            g.add((m, TIP.sentence, Literal(f"Sentence {k} names {cls} {i} and trafficking.")))
        if i:
            g.add((e, TIP.partOf, entities[rng.randrange(min(i, 50))]))
    for j in range(n_nodes - n_entities):
        doc, stem = rng.choice(docs)
        c = TIPID[f"claim/{stem}/{j}"]
        g.add((c, RDF.type, TIP[CLAIM_CLASS_NAMES[1 + j % 6]]))
        g.add((c, TIP.text, Literal(f"Claim {j} about trafficking.")))
        g.add((c, TIP.statedIn, doc))
        g.add((c, TIP.claimant, rng.choice(entities)))
        g.add((c, TIP.about, rng.choice(entities)))
    return g


# ------------------------------------------------------------------ Python side


def test_draws_one_node_per_entity_and_claim(fixture_graph, fixture_html):
    data = page_data(fixture_html.read_text(encoding="utf-8"))
    ids = [n["id"] for n in data["nodes"]]
    assert len(ids) == len(set(ids))
    assert set(ids) == {ID + x for x in ENTITIES | CLAIMS} == drawable_iris(fixture_graph)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id[ID + "claim/000_899a689a70e097f6/3000-3100"]["shape"] == "diamond"
    assert by_id[ID + "country/ALB"]["cls"] == "Country"
    # size grows with mentions: Albania (2) > Yuri Kim (1) > United States (0)
    assert by_id[ID + "country/ALB"]["size"] > by_id[ID + "person/Yuri-Kim"]["size"] > by_id[ID + "country/USA"]["size"]
    # claims and entity classes have their own colours
    assert by_id[ID + "claim/000_899a689a70e097f6/3000-3100"]["color"] != by_id[ID + "country/ALB"]["color"]


def test_edges_are_object_properties_labelled_by_local_name(fixture_html):
    data = page_data(fixture_html.read_text(encoding="utf-8"))
    edges = {(e["from"].removeprefix(ID), e["label"], e["to"].removeprefix(ID)) for e in data["edges"]}
    claim = "claim/000_899a689a70e097f6/3000-3100"
    assert {
        (claim, "claimant", "person/Yuri-Kim"),
        (claim, "addressee", "country/ALB"),
        (claim, "about", "country/ALB"),
        ("person/Yuri-Kim", "affiliatedWith", "country/USA"),
        ("country/ALB", "memberOf", "org/NATO"),
        ("event/OSCE-Conference", "location", "country/ALB"),
        ("event/OSCE-Conference", "participant", "person/Yuri-Kim"),
        ("claim/001_a1afb9ff689efd41/0-40", "about", "country/ALB"),
    } == edges


def test_tooltip_and_panel_data(fixture_html):
    data = page_data(fixture_html.read_text(encoding="utf-8"))
    by_id = {n["id"]: n for n in data["nodes"]}
    title = by_id[ID + "person/Yuri-Kim"]["title"]
    assert "Person: Yuri Kim" in title and "Ambassador Kim" in title
    assert "Remarks by Ambassador Kim at the OSCE Conference" in title and "000_899a689a70e097f6.txt" in title
    alb = data["details"][ID + "country/ALB"]
    assert [(data["documents"][d], s) for d, _, s in alb["sources"]] == [
        ("000_899a689a70e097f6.txt",
         "Remarks by Ambassador Kim at the OSCE Conference on Joint Efforts to Combat Human Trafficking in Albania"),
        ("001_a1afb9ff689efd41.txt", "Albania is at a turning point – it has been a NATO member since 2009."),
    ]
    claim = data["details"][ID + "claim/000_899a689a70e097f6/3000-3100"]
    assert claim["text"].startswith("We urge the Government of Albania")
    assert data["documents"][claim["sources"][0][0]] == "000_899a689a70e097f6.txt"
    assert {c["name"] for c in data["classes"]} == {
        "Person", "Country", "InternationalOrganization", "CivilSocietyOrganization", "Conference",
        "CallToAction", "Statistic",
    }


def test_page_is_self_contained(fixture_html):
    text = fixture_html.read_text(encoding="utf-8")
    assert not re.search(r"""\b(src|href)\s*=""", text.split('id="tipgraph-data"')[0], re.I)
    assert "<link" not in text
    hosts = set(re.findall(r"https?://([\w.-]+)", text))
    assert not hosts & {"cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com", "fonts.googleapis.com"}
    assert "bootstrap" not in text.lower() and "tom-select" not in text.lower()
    assert not re.search(r"@import|url\((?!\"?data:)", text)
    assert "vis.Network" in text  # pyvis's bundled vis-network is inline


def test_untrusted_text_cannot_break_out(fixture_html):
    text = fixture_html.read_text(encoding="utf-8")
    assert SCRIPT_INJECTION not in text
    assert IMG_INJECTION not in text
    # exactly the template's own script elements, closed where they should be
    # (vis-network itself contains the string "<script>", harmless without "<!--")
    assert text.lower().count("</script") == 3 and "<!--" not in text
    data_block = text.split('id="tipgraph-data">')[1].split("</script>")[0]
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    assert "\u2028" not in text.split('id="tipgraph-data"')[1].split("</script>")[0]
    data = page_data(text)
    assert data["details"][ID + "org/Hostile"]["label"] == SCRIPT_INJECTION
    assert data["details"][ID + "org/Hostile"]["alt"] == [IMG_INJECTION]
    assert "Fixture &lt;b&gt;graph&lt;/b&gt;" in text


def test_output_is_deterministic(fixture_graph, tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    render_html(fixture_graph, a)
    render_html(fixture_graph, b)
    assert a.read_bytes() == b.read_bytes()
    big = synthetic_graph(700, seed=3)
    render_html(big, a)
    # the same triples added in another order
    shuffled = Graph()
    triples = sorted(big)
    random.Random(1).shuffle(triples)
    for t in triples:
        shuffled.add(t)
    render_html(shuffled, b)
    assert a.read_bytes() == b.read_bytes()


def test_large_graph_gets_precomputed_positions_and_no_physics(tmp_path):
    graph = synthetic_graph(1200)
    summary = render_html(graph, tmp_path / "big.html")
    assert summary.nodes == len(drawable_iris(graph)) == 1200
    data = page_data((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert data["options"]["physics"]["enabled"] is False
    xs = [n["x"] for n in data["nodes"]]
    ys = [n["y"] for n in data["nodes"]]
    assert len(set(zip(xs, ys))) > 1100  # spread out, not stacked
    assert max(xs) - min(xs) > 1000 and max(ys) - min(ys) > 1000


def test_medium_graph_uses_networkx_layout(tmp_path):
    graph = synthetic_graph(400)
    summary = render_html(graph, tmp_path / "m.html")
    data = page_data((tmp_path / "m.html").read_text(encoding="utf-8"))
    assert summary.nodes == 400
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_documents_as_nodes_option(fixture_graph, tmp_path):
    summary = render_html(fixture_graph, tmp_path / "d.html", include_documents=True)
    data = page_data((tmp_path / "d.html").read_text(encoding="utf-8"))
    ids = {n["id"] for n in data["nodes"]}
    assert ID + "doc/000_899a689a70e097f6" in ids and summary.nodes == 10
    assert any(e["label"] == "statedIn" for e in data["edges"])


def test_filters(fixture_graph, tmp_path):
    out = tmp_path / "f.html"

    def drawn(**kwargs) -> set[str]:
        render_html(fixture_graph, out, filters=RenderFilter(**kwargs))
        return {n["id"].removeprefix(ID) for n in page_data(out.read_text(encoding="utf-8"))["nodes"]}

    assert drawn(classes={"Country"}) == {"country/ALB", "country/USA"}
    assert drawn(classes={"Organization"}) == {"org/NATO", "org/Hostile"}
    assert drawn(classes={"Claim", "Person"}) == CLAIMS | {"person/Yuri-Kim"}
    assert drawn(claim_classes={"Statistic"}) == ENTITIES | {"claim/001_a1afb9ff689efd41/0-40"}
    assert drawn(documents={"001_a1afb9ff689efd41.txt"}) == {
        "country/ALB", "org/NATO", "org/Hostile", "claim/001_a1afb9ff689efd41/0-40"
    }
    assert drawn(max_nodes=2) == {"country/ALB", "person/Yuri-Kim"}
    with pytest.raises(TipgraphError, match="unknown class Persn"):
        drawn(classes={"Persn"})
    with pytest.raises(TipgraphError, match="no document nope.txt"):
        drawn(documents={"nope.txt"})


def test_empty_graph_renders(tmp_path):
    summary = render_html(Graph(), tmp_path / "empty.html")
    assert (summary.nodes, summary.edges) == (0, 0)


def test_cli_render(fixture_file, tmp_path):
    out = tmp_path / "out" / "graph.html"
    result = CliRunner().invoke(
        cli_main, ["render", str(fixture_file), "-o", str(out), "--class", "Country", "--class", "Claim"]
    )
    assert result.exit_code == 0, result.output
    assert "6 nodes" in result.output or "4 nodes" in result.output
    assert out.is_file() and [p.name for p in out.parent.iterdir()] == ["graph.html"]
    result = CliRunner().invoke(
        cli_main, ["render", str(fixture_file), "-o", str(out), "--document", "000_899a689a70e097f6.txt",
                   "--claim-class", "CallToAction", "--max-nodes", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "3 nodes" in result.output


@pytest.mark.parametrize(
    "content, message",
    [(None, "no such graph file"), ("@prefix : <x> .\n this is not turtle", "cannot parse as turtle")],
)
def test_cli_errors_are_one_line(tmp_path, content, message):
    graph_file = tmp_path / "g.ttl"
    if content is not None:
        graph_file.write_text(content, encoding="utf-8")
    out = tmp_path / "out.html"
    out.write_text("previous", encoding="utf-8")
    result = CliRunner().invoke(cli_main, ["render", str(graph_file), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert out.read_text(encoding="utf-8") == "previous"  # untouched


def test_cli_unknown_class_is_one_line(fixture_file, tmp_path):
    result = CliRunner().invoke(cli_main, ["render", str(fixture_file), "-o", str(tmp_path / "x.html"), "--class", "Persn"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "unknown class Persn" in result.output


MINI = ROOT / "tests" / "data" / "mini.ttl"


def test_mini_graph(tmp_path):
    graph = load_graph(MINI)
    summary = render_html(graph, tmp_path / "mini.html")
    data = page_data((tmp_path / "mini.html").read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == drawable_iris(graph)
    assert summary.nodes == len(drawable_iris(graph))


# ------------------------------------------------------------------ the real graph


@pytest.fixture(scope="session")
def real_graph_file(built_graph) -> Path:
    """The seed corpus's graph, built once per session (tests/conftest.py)."""
    return built_graph


def test_real_graph_renders(real_graph_file, tmp_path):
    graph = load_graph(real_graph_file)
    out = tmp_path / "real.html"
    summary = render_html(graph, out, title="seed corpus")
    data = page_data(out.read_text(encoding="utf-8"))
    expected = drawable_iris(graph)
    assert expected, "the built graph has no entities or claims"
    assert {n["id"] for n in data["nodes"]} == expected and summary.nodes == len(expected)
    # every mention's sentence reaches the panel data of its entity
    for entity, mention in graph.subject_objects(TIP.mention):
        if str(entity) in expected:
            sentence = graph.value(mention, TIP.sentence)
            if sentence is not None:
                assert str(sentence) in {s for _, _, s in data["details"][str(entity)]["sources"]}


# ------------------------------------------------------------------ in the browser

browser_test = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Chromium at /usr/bin/chromium (apt-get install chromium)"
)
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class OfflinePage:
    """A page that may load file: URLs only; every request URL is recorded."""

    def __init__(self, browser, html: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1366, "height": 820})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append("dialog: " + d.message), d.dismiss()))
        self.page.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
        )
        self.page.goto(html.as_uri())
        self.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=180_000)

    def remote_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:"))]

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def click_node(self, node_id: str) -> None:
        self.js("(id) => tipgraph.network.moveTo({position: tipgraph.network.getPositions([id])[id], scale: 1.2})", node_id)
        self.page.wait_for_timeout(100)
        point = self.js("(id) => tipgraph.network.canvasToDOM(tipgraph.network.getPositions([id])[id])", node_id)
        box = self.page.locator("#network canvas").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def close(self) -> None:
        self.page.close()


@browser_test
def test_browser_fixture_page(browser, fixture_graph, fixture_html):
    view = OfflinePage(browser, fixture_html)
    try:
        assert view.remote_requests() == []
        assert view.errors == []
        # the network drew one node per entity and claim
        assert view.js("tipgraph.nodes.length") == len(drawable_iris(fixture_graph)) == 8
        assert sorted(view.js("tipgraph.network.body.nodeIndices")) == sorted(drawable_iris(fixture_graph))
        # injected markup did not run and is shown as text
        assert view.js("typeof window.pwned") == "undefined"
        assert view.js("document.querySelectorAll('img').length") == 0
        hostile = ID + "org/Hostile"
        assert view.js("(id) => tipgraph.nodes.get(id).title.textContent", hostile).startswith(
            "CivilSocietyOrganization: " + SCRIPT_INJECTION
        )
        view.js("(id) => tipgraph.focusNode(id)", hostile)
        assert view.page.text_content("#panel-label") == SCRIPT_INJECTION
        assert view.page.text_content("#panel-alt") == "Also: " + IMG_INJECTION
        assert IMG_INJECTION in view.page.text_content("#panel-sources")
        assert view.js("typeof window.pwned") == "undefined"

        # clicking a node fills the side panel with its sentences and documents
        view.js("tipgraph.network.unselectAll(); tipgraph.showDetails(null)")
        assert view.page.is_hidden("#panel-body")
        view.click_node(ID + "country/ALB")
        assert view.js("tipgraph.network.getSelectedNodes()") == [ID + "country/ALB"]
        assert view.page.text_content("#panel-label") == "Albania"
        items = view.page.locator("#panel-sources li").all_text_contents()
        assert len(items) == 2
        assert "Albania is at a turning point" in items[1] and "001_a1afb9ff689efd41.txt" in items[1]
        assert "000_899a689a70e097f6.txt" in items[0]
        assert view.page.locator("#panel-sources mark").first.text_content() == "Albania"
        # a claim shows its text and document
        view.click_node(ID + "claim/000_899a689a70e097f6/3000-3100")
        assert view.page.text_content("#panel-text").startswith("We urge the Government of Albania")
        assert "000_899a689a70e097f6.txt" in view.page.text_content("#panel-sources")
        assert "claimant" in view.page.text_content("#panel-links")

        # the search box finds a node by an altLabel and focuses it
        view.page.fill("#search", "ambassador kim")
        view.page.press("#search", "Enter")
        assert view.js("tipgraph.network.getSelectedNodes()") == [ID + "person/Yuri-Kim"]
        assert view.page.text_content("#panel-label") == "Yuri Kim"
        view.page.fill("#search", "zzz no such name")
        view.page.press("#search", "Enter")
        assert view.page.text_content("#search-status") == "no match"

        # class filter: untick Country, both countries are hidden
        hidden = "(id) => Boolean(tipgraph.nodes.get(id).hidden)"
        view.page.uncheck('#legend input[data-class="Country"]')
        assert view.js(hidden, ID + "country/ALB") and view.js(hidden, ID + "country/USA")
        assert not view.js(hidden, ID + "person/Yuri-Kim")
        assert view.page.text_content("#counts") == "6 of 8 nodes shown"
        # claim-class filter
        view.page.uncheck('#legend input[data-class="Statistic"]')
        assert view.js(hidden, ID + "claim/001_a1afb9ff689efd41/0-40")
        view.page.click("#show-all")
        assert view.page.text_content("#counts") == "8 of 8 nodes shown"
        # document filter
        view.page.select_option("#document-filter", label="001_a1afb9ff689efd41.txt")
        assert view.js(hidden, ID + "person/Yuri-Kim") and not view.js(hidden, ID + "country/ALB")
        assert view.page.text_content("#counts") == "4 of 8 nodes shown"
        view.page.select_option("#document-filter", label="All documents")

        # the legend names every class drawn
        legend = view.page.text_content("#legend")
        for name in ("Person", "Country", "InternationalOrganization", "Conference", "CallToAction", "Statistic"):
            assert name in legend
        view.click_node(ID + "country/ALB")
        view.page.screenshot(path="/tmp/tipgraph-render-fixture.png")
        assert view.remote_requests() == [] and view.errors == []
    finally:
        view.close()


@browser_test
def test_browser_mini_graph_offline(browser, tmp_path):
    graph = load_graph(MINI)
    out = tmp_path / "mini.html"
    render_html(graph, out, title="mini.ttl")
    view = OfflinePage(browser, out)
    try:
        assert view.remote_requests() == [] and view.errors == []
        assert view.js("tipgraph.network.body.nodeIndices.length") == len(drawable_iris(graph))
        view.page.screenshot(path="/tmp/tipgraph-render-mini.png")
    finally:
        view.close()


@browser_test
def test_browser_5000_nodes_draw(browser, tmp_path):
    graph = synthetic_graph(5000)
    out = tmp_path / "big.html"
    summary = render_html(graph, out, title="5,000 nodes")
    assert summary.nodes == 5000
    view = OfflinePage(browser, out)  # waits until the network has drawn
    try:
        assert view.js("tipgraph.network.body.nodeIndices.length") == 5000
        assert view.js("tipgraph.nodes.length") == 5000
        assert view.remote_requests() == [] and view.errors == []
        # the page still answers: search and focus a node
        view.page.fill("#search", "Person 40")
        view.page.press("#search", "Enter")
        assert view.js("tipgraph.network.getSelectedNodes()") == [str(TIPID["gen/Person-40"])]
        view.page.screenshot(path="/tmp/tipgraph-render-5000.png")
    finally:
        view.close()


@browser_test
def test_browser_real_graph(browser, real_graph_file, tmp_path):
    graph = load_graph(real_graph_file)
    out = tmp_path / "real.html"
    render_html(graph, out, title="seed corpus")
    view = OfflinePage(browser, out)
    try:
        assert view.remote_requests() == [] and view.errors == []
        assert view.js("tipgraph.network.body.nodeIndices.length") == len(drawable_iris(graph))
        view.page.screenshot(path="/tmp/tipgraph-render-real.png")
    finally:
        view.close()
