"""The overview page of large graphs (tipgraph.overview via render.build_page).

Python-side tests check what the page data says against the graph itself
(counts of claims per entity and per claimant -> subject pair, every entity
present, nothing but actors, countries and events drawn at first), escaping,
determinism and the automatic switch. Browser tests open it in Chromium with
every non-file request blocked and use it: click, expand, search.
"""
from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import RDF, Graph, URIRef

from test_render import (  # noqa: F401  (browser is a fixture)
    FIXTURE_TTL, ID, IMG_INJECTION, SCRIPT_INJECTION, OfflinePage, browser, browser_test, page_data, synthetic_graph,
)
from tipgraph import overview
from tipgraph.graphio import load_graph
from tipgraph.namespaces import TIP
from tipgraph.render import CLAIM_CLASSES, ENTITY_CLASSES, OVERVIEW_THRESHOLD, render_html

CLAIM_TYPES = {TIP[c] for c in CLAIM_CLASSES}
ENTITY_TYPES = {TIP[c] for c in ENTITY_CLASSES}


def claims_by_entity(graph: Graph) -> tuple[dict[str, set], dict[tuple[str, str], int]]:
    """From the graph: the claims each entity makes or is the subject of, and claimant -> subject counts."""
    claims = {s for s, o in graph.subject_objects(RDF.type) if o in CLAIM_TYPES}
    entities = {str(s) for s, o in graph.subject_objects(RDF.type) if o in ENTITY_TYPES}
    involved: dict[str, set] = defaultdict(set)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for claim in claims:
        speaker = graph.value(claim, TIP.claimant)
        speaker = str(speaker) if speaker is not None and str(speaker) in entities else None
        targets = {str(o) for p, o in graph.predicate_objects(claim)
                   if isinstance(o, URIRef) and str(o) in entities and p not in (TIP.claimant, RDF.type)}
        if speaker:
            involved[speaker].add(claim)
        for target in targets - {speaker}:
            involved[target].add(claim)
            if speaker:
                pairs[(speaker, target)] += 1
    return involved, pairs


@pytest.fixture(scope="module")
def seed_graph(built_graph) -> Graph:
    return load_graph(built_graph)


@pytest.fixture(scope="module")
def seed_overview(seed_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("overview") / "overview.html"
    summary = render_html(seed_graph, out, title="seed overview", overview=True)
    return out, summary, page_data(out.read_text(encoding="utf-8"))


def test_overview_counts_agree_with_the_graph(seed_graph, seed_overview):
    _, summary, data = seed_overview
    assert data["mode"] == "overview"
    E = data["entities"]
    iris = [data["base"] + i for i in E["id"]]
    entities = sorted(str(s) for s, o in seed_graph.subject_objects(RDF.type) if o in ENTITY_TYPES)
    assert iris == sorted(set(entities)), "every entity is in the page, once"
    involved, pairs = claims_by_entity(seed_graph)
    assert set().union(*involved.values()), "the seed graph has claims"
    for k, iri in enumerate(iris):
        assert E["claims"][k] == len(involved.get(iri, ())), iri
        assert E["mentions"][k] == len(list(seed_graph.objects(URIRef(iri), TIP.mention)))
    # opening: only actors, countries and events; claims are counts on the edges between them
    opening = data["opening"]
    assert summary.nodes == len(opening["nodes"]) > 10
    classes = {data["classNames"][E["cls"][k]] for k in opening["nodes"]}
    assert classes <= overview.OVERVIEW_CLASSES and "Country" in classes and "Person" in classes
    claims_kind = data["kinds"].index(overview.CLAIMS_LINK)
    claim_edges = [e for e in opening["edges"] if e[2] == claims_kind]
    assert claim_edges
    for a, b, _, n in claim_edges:
        assert n == pairs[(iris[a], iris[b])]
    # what the panel lists is the entity's own claims, their text verbatim or cut
    albania = iris.index(ID + "country/ALB")
    listed = [data["claims"][c][1] for c in E["listed"][albania]]
    texts = {str(seed_graph.value(c, TIP.text)) for c in involved[ID + "country/ALB"]}
    assert listed and all(t in texts or t.endswith("…") for t in listed)
    assert len(listed) == min(overview.CLAIMS_PER_ENTITY, E["claims"][albania])


def test_large_graphs_get_the_overview_small_ones_do_not(tmp_path):
    small = render_html(synthetic_graph(400), tmp_path / "small.html")
    assert "nodes" in page_data((tmp_path / "small.html").read_text(encoding="utf-8"))
    big_graph = synthetic_graph(OVERVIEW_THRESHOLD + 500)
    big = render_html(big_graph, tmp_path / "big.html")
    data = page_data((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert data["mode"] == "overview" and small.nodes == 400
    assert big.nodes == len(data["opening"]["nodes"]) <= overview.OVERVIEW_NODES
    again = render_html(big_graph, tmp_path / "again.html")
    assert (tmp_path / "big.html").read_bytes() == (tmp_path / "again.html").read_bytes()
    assert again.nodes == big.nodes
    full = render_html(big_graph, tmp_path / "full.html", overview=False)
    assert full.nodes == OVERVIEW_THRESHOLD + 500


def test_overview_keeps_untrusted_text_inert(tmp_path):
    graph = Graph().parse(data=FIXTURE_TTL, format="turtle")
    out = tmp_path / "hostile.html"
    render_html(graph, out, title="Hostile <b>title</b>", overview=True)
    text = out.read_text(encoding="utf-8")
    assert SCRIPT_INJECTION not in text and IMG_INJECTION not in text
    assert text.lower().count("</script") == 3 and "<!--" not in text
    block = text.split('id="tipgraph-data">')[1].split("</script>")[0]
    assert "<" not in block and ">" not in block and "&" not in block
    data = page_data(text)
    hostile = data["entities"]["id"].index("org/Hostile")
    assert data["entities"]["label"][hostile] == SCRIPT_INJECTION


@browser_test
def test_browser_overview_click_expand_search(browser, seed_graph, tmp_path, monkeypatch):
    monkeypatch.setattr(overview, "OVERVIEW_NODES", 12)  # so that search and expansion have work to do
    out = tmp_path / "overview.html"
    render_html(seed_graph, out, title="seed overview", overview=True)
    data = page_data(out.read_text(encoding="utf-8"))
    view = OfflinePage(browser, out)
    try:
        assert view.errors == [] and view.remote_requests() == []
        assert view.js("tipgraph.nodes.length") == 12
        hub = data["opening"]["nodes"][0]
        view.click_node(hub)
        assert view.js("tipgraph.network.getSelectedNodes()") == [hub]
        label = data["entities"]["label"][hub]
        assert view.page.inner_text("#panel-label") == label
        assert view.page.locator("#panel-claims li").count() == min(
            len(data["entities"]["listed"][hub]) + (data["entities"]["claims"][hub] > len(data["entities"]["listed"][hub])),
            overview.CLAIMS_PER_ENTITY + 1)
        before = view.js("tipgraph.nodes.length")
        view.page.click("#expand")
        links = data["entities"]["links"][hub]
        strongest = list(dict.fromkeys(links[k] for k in range(0, len(links), 4)))[:40]  # the page adds up to 40
        drawn = set(view.js("tipgraph.nodes.getIds()"))
        assert len(drawn) > before and set(strongest) <= drawn
        # search finds an entity that was not drawn, draws and selects it
        hidden = next(k for k in range(len(data["entities"]["id"])) if k not in drawn)
        name = data["entities"]["label"][hidden]
        view.page.fill("#search", name)
        view.page.press("#search", "Enter")
        assert view.js("tipgraph.network.getSelectedNodes()")[0] in view.js(f"tipgraph.findMatches({name!r})")
        assert view.page.inner_text("#panel-label") in {data["entities"]["label"][k] for k in view.js(
            f"tipgraph.findMatches({name!r})")}
        view.js("tipgraph.focusNode(tipgraph.data.entities.id.length - 1)")
        assert view.errors == [] and view.remote_requests() == []
    finally:
        view.close()


@browser_test
def test_browser_overview_runs_no_injected_script(browser, tmp_path):
    graph = Graph().parse(data=FIXTURE_TTL, format="turtle")
    out = tmp_path / "hostile.html"
    render_html(graph, out, overview=True)
    view = OfflinePage(browser, out)
    try:
        hostile = view.js("tipgraph.indexOf(arguments0)".replace("arguments0", repr(ID + "org/Hostile")))
        view.js(f"tipgraph.focusNode({hostile})")
        assert view.page.inner_text("#panel-label") == SCRIPT_INJECTION
        view.page.fill("#search", "<img")
        view.page.dispatch_event("#search", "input")
        assert view.js("window.pwned") is None and view.errors == []
        assert view.page.locator("#panel img").count() == 0
    finally:
        view.close()
