"""tipgraph stats: what a built graph holds, and who is central in it.

Counts come from SPARQL over a pyoxigraph store: a build's graph.ttl is read
from its persistent store (tipgraph.store, as `tipgraph query` does, which
keeps the summary once made), any other input is loaded into memory. Centrality is computed with networkx on an undirected
actor-to-actor projection:

* nodes: every resource typed as an Actor (tip:Person, tip:Country,
  tip:Organization and its four subclasses);
* edges: any triple linking two actors directly (affiliatedWith, partOf,
  memberOf, ...), and, through claims, claimant -- addressee and
  claimant -- every actor the claim is about.

Degree is the number of distinct neighbours; betweenness is the normalised
betweenness centrality (Brandes), computed with NetworKit: exact up to 1,000
actors, else estimated from 200 sampled sources, seed 0 (the JSON says
which). Exact figures are networkx's to 1e-15; estimates come from another
sample than networkx's own estimate would.
"""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import click
import networkx as nx
import pyoxigraph as ox

from tipgraph.graphio import TipgraphError
from tipgraph.model import CLAIM_CLASSES, GENRES, ORGANIZATION_CLASSES
from tipgraph.query import compact, format_table, load_store, run_query
from tipgraph.streams import input_format_option

TIP = "https://w3id.org/tipgraph/ontology#"
ACTOR_CLASSES = sorted({"Person", "Country", "Actor"} | set(ORGANIZATION_CLASSES))
EXACT_BETWEENNESS_LIMIT = 1000
BETWEENNESS_SAMPLES = 200

_PREFIX = f"PREFIX tip: <{TIP}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def _values(classes) -> str:
    return " ".join(f"tip:{c}" for c in classes)


def _rows(store: ox.Store, text: str) -> list[list]:
    result = run_query(store, _PREFIX + text, "stats")
    names = [v.value for v in result.variables]
    return [[solution[n] for n in names] for solution in result]


def _count_by(store: ox.Store, where: str) -> dict[str, int]:
    rows = _rows(store, f"SELECT ?cls (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }} GROUP BY ?cls")
    counts = {compact(cls): int(n.value) for cls, n in rows}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _key(term) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def actor_graph(store: ox.Store) -> nx.Graph:
    """The undirected actor-to-actor projection described in the module docstring.

    Each set of links is one SPARQL join of sub-SELECTs, which the engine makes by hashing
    both sides (one index lookup per claim on a store on disk costs minutes at 10,000
    documents); only links between two actors are kept."""
    graph = nx.Graph()
    actors = _rows(store, f"""
        SELECT DISTINCT ?a ?cls ?label WHERE {{
          VALUES ?cls {{ {_values(ACTOR_CLASSES)} }}
          ?a a ?cls .
          OPTIONAL {{ SELECT ?a ?label WHERE {{ ?a rdfs:label ?label }} }}
        }}""")
    for actor, cls, label in sorted(actors, key=lambda r: (str(r[0]), str(r[1]))):
        key = _key(actor)
        if key not in graph:
            graph.add_node(key, label=label.value if label is not None else "", cls=compact(cls))
    through_claims = _rows(store, """
        SELECT DISTINCT ?a ?b WHERE {
          { SELECT ?claim ?a WHERE { ?claim tip:claimant ?a } }
          { SELECT ?claim ?b WHERE { { ?claim tip:addressee ?b } UNION { ?claim tip:about ?b } } }
        }""")
    direct = _rows(store, f"""
        SELECT DISTINCT ?a ?b WHERE {{
          {{ SELECT DISTINCT ?a WHERE {{ VALUES ?cls {{ {_values(ACTOR_CLASSES)} }} ?a a ?cls }} }}
          ?a ?p ?b . FILTER (!isLiteral(?b))
        }}""")
    edges = set()
    for a, b in itertools.chain(through_claims, direct):
        a, b = _key(a), _key(b)
        if a != b and a in graph and b in graph:
            edges.add((a, b) if a < b else (b, a))
    graph.add_edges_from(sorted(edges))
    return graph


def betweenness(graph: nx.Graph) -> tuple[dict[str, float], bool]:
    """Normalised betweenness centrality of every actor, and whether it is estimated: exact
    (Brandes) up to EXACT_BETWEENNESS_LIMIT actors, else estimated from BETWEENNESS_SAMPLES
    sampled sources (seed 0). NetworKit's C++ does either (networkx's Python took minutes
    at 10,000 documents); on one thread, so that the same graph gives the same figures."""
    import networkit as nk

    nodes = sorted(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    projection = nk.Graph(len(nodes))
    for a, b in sorted((min(index[a], index[b]), max(index[a], index[b])) for a, b in graph.edges):
        projection.addEdge(a, b)
    nk.setNumberOfThreads(1)
    nk.setSeed(0, False)
    approximate = len(nodes) > EXACT_BETWEENNESS_LIMIT
    if approximate:
        algorithm = nk.centrality.EstimateBetweenness(projection, BETWEENNESS_SAMPLES, True, False)
    else:
        algorithm = nk.centrality.Betweenness(projection, True)
    algorithm.run()
    scores = algorithm.scores()
    return {n: scores[i] for n, i in index.items()}, approximate


def centrality(graph: nx.Graph, top: int) -> tuple[list[dict], bool]:
    if graph.number_of_nodes() == 0:
        return [], False
    between, approximate = betweenness(graph)
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), -between[n], graph.nodes[n]["label"], n))
    return [
        {
            "actor": n,
            "label": graph.nodes[n]["label"],
            "class": graph.nodes[n]["cls"],
            "degree": graph.degree(n),
            "betweenness": round(between[n], 6),
        }
        for n in ranked[:top]
    ], approximate


def compute_stats(store: ox.Store, top: int = 10) -> dict:
    if next(iter(store.named_graphs()), None) is None:  # one graph: every quad is a distinct triple
        triples = len(store)
    else:
        triples = int(_rows(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")[0][0].value)
    resources = int(_rows(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")[0][0].value)
    by_class = _count_by(store, "?x a ?cls")
    claims = _count_by(store, f"VALUES ?cls {{ {_values(CLAIM_CLASSES + ('Claim',))} }} ?x a ?cls")
    genres = _count_by(store, f"VALUES ?cls {{ {_values(GENRES + ('Document',))} }} ?x a ?cls")
    graph = actor_graph(store)
    central, approximate = centrality(graph, top)
    return {
        "triples": triples,
        "subjects": resources,
        "resources_by_class": by_class,
        "claims_by_class": claims,
        "documents_by_genre": genres,
        "actor_graph": {
            "actors": graph.number_of_nodes(),
            "links": graph.number_of_edges(),
            "betweenness": "approximate" if approximate else "exact",
        },
        "central_actors": central,
    }


def render_table(stats: dict) -> str:
    out = [format_table(["measure", "value"], [
        ["triples", str(stats["triples"])],
        ["subjects", str(stats["subjects"])],
        ["claims", str(sum(stats["claims_by_class"].values()))],
        ["documents", str(sum(stats["documents_by_genre"].values()))],
        ["actors", str(stats["actor_graph"]["actors"])],
        ["actor links", str(stats["actor_graph"]["links"])],
    ])]
    for title, key, column in (
        ("Resources by class", "resources_by_class", "class"),
        ("Claims by class", "claims_by_class", "class"),
        ("Documents by genre", "documents_by_genre", "genre"),
    ):
        rows = [[k, str(v)] for k, v in stats[key].items()]
        out.append(f"\n{title}\n" + format_table([column, "count"], rows))
    note = " (betweenness estimated from a sample)" if stats["actor_graph"]["betweenness"] == "approximate" else ""
    rows = [[a["label"] or compact(ox.NamedNode(a["actor"])), a["class"], str(a["degree"]), f"{a['betweenness']:.4f}"]
            for a in stats["central_actors"]]
    out.append(f"\nMost central actors{note}\n" + format_table(["actor", "class", "degree", "betweenness"], rows))
    return "".join(out)


@click.command("stats")
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Aligned tables, or one JSON object.")
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many central actors to list.")
@input_format_option
def command(graph_file: Path, fmt: str, top: int, input_format: str | None) -> None:
    """Summarise a built graph: triples, resources by class, claims by class,
    documents by genre, and the most central actors (degree and betweenness
    on the actor-to-actor graph of relations and claims).

    \b
    Examples:
      tipgraph stats graph.ttl
      tipgraph stats graph.ttl --format json --top 20
      gzip -dc graph.ttl.gz | tipgraph stats - --format json

    GRAPH_FILE may be - (standard input) or a .gz file.
    """
    try:
        output = summary(graph_file, fmt, top, input_format)
    except TipgraphError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(output, nl=False)


def render(stats: dict, fmt: str) -> str:
    return json.dumps(stats, indent=2, ensure_ascii=False) + "\n" if fmt == "json" else render_table(stats)


def summary(graph_file, fmt: str = "table", top: int = 10, input_format: str | None = None) -> str:
    """The rendered summary of a graph file: over the persistent store of a build's graph.ttl
    (a summary made before of the same version is read back), else an in-memory store."""
    from tipgraph.store import cached_answer, graph_store, keep_answer

    if input_format in (None, "ttl", "turtle"):
        with graph_store(graph_file) as opened:
            if opened is not None:
                key = f"stats\n{fmt}\n{top}"
                output = cached_answer(opened, key)
                if output is None:
                    output = render(compute_stats(opened.store, top), fmt)
                    keep_answer(opened, key, output)
                return output
    return render(compute_stats(load_store(graph_file, input_format), top), fmt)
