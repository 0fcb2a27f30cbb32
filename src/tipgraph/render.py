"""The interactive HTML view of a built graph (`tipgraph render`).

The page is one self-contained HTML file: vis-network (the copy bundled in
the pyvis package), the page's own CSS and JavaScript (`assets/render.*`) and
the graph data are all inline, so it opens from disk with no network.

pyvis produces the network: its `Network` object holds the node and edge
dicts and the vis options, and `get_network_data()` hands them over. The page
around it is our own small template, because pyvis's template loads Bootstrap
from a CDN and inserts tooltips as live HTML.

The graph is read only through the public vocabulary (docs/architecture.md,
shared/VOCABULARY.md): entity, claim and document classes, rdfs:label,
skos:altLabel, tip:mention -> tip:Mention (tip:document, tip:start, tip:end,
tip:anchorText, tip:sentence), claims' tip:text / tip:statedIn, documents'
tip:sourceFile, and the object properties between drawn resources.

Untrusted text (labels, sentences, claim text) only ever reaches the page
inside one JSON block (`<script type="application/json">`, with every `<`,
`>`, `&`, U+2028 and U+2029 escaped) and is put on screen with `textContent`.
"""
from __future__ import annotations

import hashlib
import html
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import click
import networkx as nx
import numpy as np
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from tipgraph.graphio import TipgraphError, atomic_output, load_graph
from tipgraph.namespaces import PROV, TIP, local_name

# --------------------------------------------------------------------------
# Vocabulary: classes drawn, in order of precedence (most specific first).

ENTITY_CLASSES: tuple[str, ...] = (
    "Person",
    "GovernmentBody",
    "InternationalOrganization",
    "CivilSocietyOrganization",
    "MediaOrganization",
    "Organization",
    "Country",
    "Region",
    "Place",
    "Conference",
    "Workshop",
    "Meeting",
    "Event",
    "Instrument",
)
CLAIM_CLASSES: tuple[str, ...] = (
    "CallToAction",
    "Commitment",
    "Statistic",
    "Endorsement",
    "Criticism",
    "Assertion",
    "Claim",
)
DOCUMENT_CLASSES: tuple[str, ...] = ("Speech", "Statement", "NewsArticle", "PressRelease", "Report", "Document")

# Names accepted by the class filter that stand for several classes.
SUPERCLASSES: dict[str, frozenset[str]] = {
    "Organization": frozenset(
        {"GovernmentBody", "InternationalOrganization", "CivilSocietyOrganization", "MediaOrganization", "Organization"}
    ),
    "Event": frozenset({"Conference", "Workshop", "Meeting", "Event"}),
    "Actor": frozenset(
        {
            "Person",
            "Country",
            "GovernmentBody",
            "InternationalOrganization",
            "CivilSocietyOrganization",
            "MediaOrganization",
            "Organization",
        }
    ),
    "Claim": frozenset(CLAIM_CLASSES),
    "Document": frozenset(DOCUMENT_CLASSES),
}

COLOURS: dict[str, str] = {
    "Person": "#4e79a7",
    "GovernmentBody": "#59a14f",
    "InternationalOrganization": "#2f8f8a",
    "CivilSocietyOrganization": "#8cd17d",
    "MediaOrganization": "#b07aa1",
    "Organization": "#9c755f",
    "Country": "#f28e2b",
    "Region": "#e8c22c",
    "Place": "#ff9da7",
    "Conference": "#17becf",
    "Workshop": "#6b8fd6",
    "Meeting": "#9edae5",
    "Event": "#3e6f9e",
    "Instrument": "#7f7f7f",
    "CallToAction": "#d62728",
    "Commitment": "#8c564b",
    "Statistic": "#bcbd22",
    "Endorsement": "#2ca02c",
    "Criticism": "#7b0000",
    "Assertion": "#e377c2",
    "Claim": "#c49c94",
    "Speech": "#555555",
    "Statement": "#666666",
    "NewsArticle": "#777777",
    "PressRelease": "#888888",
    "Report": "#999999",
    "Document": "#aaaaaa",
}

# Properties never drawn as edges (they point at mentions, literals or
# resources that are not nodes, or are drawn as node data instead).
SKIPPED_PREDICATES = frozenset({RDF.type, TIP.mention})

OVERVIEW_THRESHOLD = 5000  # above this many nodes: the overview page (tipgraph.overview); 5,000 draw in 1.4 s
PHYSICS_THRESHOLD = 300  # above this many nodes: physics off (positions are always precomputed)
SPRING_LAYOUT_LIMIT = 500  # networkx's spring_layout needs SciPy from 500 nodes on
TOOLTIP_SENTENCES = 3  # source sentences shown on hover
LABEL_CHARS = 40  # node labels drawn on the canvas are cut to this length
TOOLTIP_CHARS = 320  # a sentence in a tooltip is cut to this length
PIXELS_PER_UNIT = 90.0  # layout units (about one edge length) to vis pixels
SEED = 42


@dataclass(frozen=True)
class RenderFilter:
    """What to draw. Empty sets mean no restriction.

    classes: class local names (Person, Country, Organization, Event, Claim,
        Actor, Document, or any specific class); a resource is drawn when its
        class or one of these names' subclasses matches.
    documents: sourceFile names; keeps resources mentioned in, or claims
        stated in, one of these documents.
    claim_classes: claim classes to keep (entities are not affected).
    max_nodes: keep at most this many nodes, the most mentioned and most
        connected first.
    """

    classes: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    claim_classes: frozenset[str] = frozenset()
    max_nodes: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "classes", frozenset(self.classes))
        object.__setattr__(self, "documents", frozenset(self.documents))
        object.__setattr__(self, "claim_classes", frozenset(self.claim_classes))
        if self.max_nodes is not None and self.max_nodes < 1:
            raise TipgraphError(f"max_nodes must be at least 1, not {self.max_nodes}")


@dataclass(frozen=True)
class RenderSummary:
    nodes: int
    edges: int
    path: Path


@dataclass
class _Node:
    iri: str
    kind: str  # "entity", "claim" or "document"
    cls: str
    label: str
    alt_labels: list[str] = field(default_factory=list)
    # (document IRI, start, anchor text, sentence) per mention; claims: their text
    sources: list[tuple[str, int, str, str]] = field(default_factory=list)  # anchors joined by "\n"
    mentions: int = 0
    docs: set[str] = field(default_factory=set)
    text: str = ""  # claim text
    # claims: why they say what they say: [["Class", rule, words], ["Claimant", rule, words]] and the confidence
    why: list[list[str]] = field(default_factory=list)
    confidence: str = ""


# --------------------------------------------------------------------------
# What the page reads, without a whole rdflib Graph (the build streams its graph)

# Literal-valued properties _read uses; every triple with an IRI object is kept too (edges).
READ_LITERALS = frozenset({
    RDFS.label, SKOS.altLabel, TIP.sourceFile, TIP.start, TIP.anchorText, TIP.sentence, TIP.text,
    TIP.confidence, TIP.evidence,
})


class GraphView:
    """The triples the page is made from, by property, with the part of rdflib's Graph
    interface `build_page` uses (iteration, subject_objects, value)."""

    def __init__(self) -> None:
        self._by_predicate: dict = defaultdict(set)
        self._literals_read: dict = {}  # predicate -> whether its literal values are kept

    def add_all(self, triples: Iterable[tuple]) -> None:
        by_predicate, literals_read = self._by_predicate, self._literals_read
        for s, p, o in triples:
            if type(o) is URIRef or isinstance(o, URIRef):
                by_predicate[p].add((s, o))
                continue
            kept = literals_read.get(p)
            if kept is None:
                kept = literals_read[p] = p in READ_LITERALS
            if kept:
                by_predicate[p].add((s, o))

    def by_predicate(self) -> Iterator[tuple]:
        """(predicate, {(subject, object)}) for each predicate."""
        return iter(self._by_predicate.items())

    def subject_objects(self, predicate):
        return iter(self._by_predicate.get(predicate, ()))

    def value(self, subject, predicate):
        found = sorted((o for s, o in self._by_predicate.get(predicate, ()) if s == subject), key=str)
        return found[0] if found else None

    def __iter__(self):
        for p, pairs in self._by_predicate.items():
            for s, o in pairs:
                yield s, p, o

    def __len__(self) -> int:
        return sum(len(pairs) for pairs in self._by_predicate.values())


# --------------------------------------------------------------------------
# Reading the graph


def _str(value) -> str:
    return str(value) if value is not None else ""


def _int(value) -> int:
    try:
        return int(value.toPython() if isinstance(value, Literal) else value)
    except (TypeError, ValueError):
        return 0


def _pick_class(types: set[str], order: tuple[str, ...]) -> str | None:
    for name in order:
        if name in types:
            return name
    return None


def _read(graph: Graph, include_documents: bool) -> tuple[dict[str, _Node], dict[str, str]]:
    """Drawable resources by IRI, and each document's display name by IRI."""
    types: dict[str, set[str]] = defaultdict(set)
    subjects: dict[str, URIRef] = {}  # the graph's own term for each typed subject (found by identity below)
    tip = str(TIP)
    for s, o in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef) and isinstance(o, URIRef) and str(o).startswith(tip):
            key = str(s)
            types[key].add(str(o)[len(tip):])
            subjects[key] = s

    documents: dict[str, str] = {}
    for iri, names in types.items():
        if _pick_class(names, DOCUMENT_CLASSES):
            documents[iri] = iri
    for s, o in graph.subject_objects(TIP.sourceFile):
        documents[str(s)] = str(o)
    for iri, name in list(documents.items()):
        if name == iri:  # a document without a sourceFile: its label, else its local name
            label = graph.value(URIRef(iri), RDFS.label)
            documents[iri] = str(label) if label is not None else local_name(iri)

    labels: dict[str, str] = {}
    for s, o in graph.subject_objects(RDFS.label):
        key = str(s)
        if key not in labels or str(o) < labels[key]:  # one label by contract; be deterministic anyway
            labels[key] = str(o)
    alts: dict[str, set[str]] = defaultdict(set)
    for s, o in graph.subject_objects(SKOS.altLabel):
        alts[str(s)].add(str(o))

    nodes: dict[str, _Node] = {}
    for iri, names in types.items():
        cls = _pick_class(names, ENTITY_CLASSES)
        kind = "entity"
        if cls is None:
            cls = _pick_class(names, CLAIM_CLASSES)
            kind = "claim"
        if cls is None and include_documents:
            cls = _pick_class(names, DOCUMENT_CLASSES)
            kind = "document"
        if cls is None:
            continue
        label = labels.get(iri, "")
        node = _Node(iri=iri, kind=kind, cls=cls, label=label)
        node.alt_labels = sorted(alts.get(iri, set()) - {label})
        if kind == "document":
            node.docs.add(iri)
            if not label:
                node.label = documents.get(iri, local_name(iri))
        nodes[iri] = node

    def column(prop) -> dict:
        values: dict = {}
        for s, o in graph.subject_objects(prop):
            if s not in values or str(o) < str(values[s]):  # one value by contract; be deterministic anyway
                values[s] = o
        return values

    # Mentions: tip:mention -> tip:Mention with document, offsets, anchor, sentence.
    m_doc, m_start = column(TIP.document), column(TIP.start)
    m_anchor, m_sentence = column(TIP.anchorText), column(TIP.sentence)
    for s, m in graph.subject_objects(TIP.mention):
        node = nodes.get(str(s))
        if node is None:
            continue
        node.mentions += 1
        doc_iri = _str(m_doc.get(m))
        anchor = _str(m_anchor.get(m))
        sentence = _str(m_sentence.get(m))
        if doc_iri:
            node.docs.add(doc_iri)
            if doc_iri not in documents:
                documents[doc_iri] = local_name(doc_iri)
        node.sources.append((doc_iri, _int(m_start.get(m)), anchor, sentence or anchor))
    for s, o in graph.subject_objects(TIP.mentionedIn):
        node = nodes.get(str(s))
        if node is not None:
            doc_iri = str(o)
            node.docs.add(doc_iri)
            if doc_iri not in documents:
                documents[doc_iri] = local_name(doc_iri)

    # Claims: their verbatim text is their source sentence.
    c_text = column(TIP.text)
    c_class_rule, c_claimant_rule, c_confidence = column(TIP.classifiedBy), column(TIP.attributedBy), column(TIP.confidence)
    r_evidence, r_general = column(TIP.evidence), column(PROV.specializationOf)

    def reading(rule) -> tuple[str, str]:
        """A rule as it fired: the general rule's label and the words of this claim."""
        if rule is None:
            return "", ""
        general = r_general.get(rule, rule)
        name = labels.get(str(general))
        return name if name is not None else local_name(str(general)), _str(r_evidence.get(rule))

    stated_in: dict[str, list[str]] = defaultdict(list)
    for s, o in graph.subject_objects(TIP.statedIn):
        stated_in[str(s)].append(str(o))
    for node in nodes.values():
        if node.kind != "claim":
            continue
        ref = subjects[node.iri]
        node.text = _str(c_text.get(ref))
        for heading, rules in (("Class", c_class_rule), ("Claimant", c_claimant_rule)):
            rule, words = reading(rules.get(ref))
            if rule:
                node.why.append([heading, rule, words])
        node.confidence = _str(c_confidence.get(ref))
        start = _int(m_start.get(ref))
        stated = sorted(stated_in.get(node.iri, []))
        for doc_iri in stated:
            node.docs.add(doc_iri)
            if doc_iri not in documents:
                documents[doc_iri] = local_name(doc_iri)
        if node.text:
            node.sources.append((stated[0] if stated else "", start, "", node.text))
        if not node.label:
            node.label = node.text or local_name(node.iri)

    for node in nodes.values():
        if not node.label:
            node.label = local_name(node.iri)
        # One entry per (document, sentence); anchors of several mentions in it are joined.
        merged: dict[tuple[str, str], tuple[int, set[str]]] = {}
        for doc_iri, start, anchor, sentence in node.sources:
            first, anchors = merged.get((doc_iri, sentence), (start, set()))
            merged[(doc_iri, sentence)] = (min(first, start), anchors | ({anchor} if anchor else set()))
        node.sources = sorted(
            ((doc_iri, start, "\n".join(sorted(anchors)), sentence) for (doc_iri, sentence), (start, anchors) in merged.items()),
            key=lambda src: (documents.get(src[0], ""), src[1], src[3], src[2]),
        )
    return nodes, documents


def _edges(graph: Graph, drawn: set[str]) -> list[tuple[str, str, str]]:
    """(source, property IRI, target) for every object property between drawn nodes."""
    found = set()
    if isinstance(graph, GraphView):  # the build's view: by predicate, each predicate tested once
        for p, pairs in graph.by_predicate():
            if p in SKIPPED_PREDICATES:
                continue
            p_key = str(p)
            for s, o in pairs:
                if type(o) is not URIRef and not isinstance(o, URIRef):
                    continue
                s_key, o_key = str(s), str(o)
                if s_key in drawn and o_key in drawn and s_key != o_key:
                    found.add((s_key, p_key, o_key))
        return sorted(found)
    for s, p, o in graph:
        if p in SKIPPED_PREDICATES or not isinstance(o, URIRef):
            continue
        s_key, o_key = str(s), str(o)
        if s_key in drawn and o_key in drawn and s_key != o_key:
            found.add((s_key, str(p), o_key))
    return sorted(found)


def _expand_classes(names: Iterable[str], known: set[str]) -> set[str]:
    out: set[str] = set()
    unknown = []
    for name in names:
        if name in SUPERCLASSES:
            out |= SUPERCLASSES[name]
        elif name in known:
            out.add(name)
        else:
            unknown.append(name)
    if unknown:
        choices = ", ".join(sorted(known | set(SUPERCLASSES)))
        raise TipgraphError(f"unknown class {', '.join(sorted(unknown))} (known: {choices})")
    return out


def _select(
    nodes: dict[str, _Node], documents: dict[str, str], edges: list[tuple[str, str, str]], filters: RenderFilter
) -> list[str]:
    keep = set(nodes)
    all_classes = set(ENTITY_CLASSES) | set(CLAIM_CLASSES) | set(DOCUMENT_CLASSES)
    if filters.classes:
        wanted = _expand_classes(filters.classes, all_classes)
        keep = {iri for iri in keep if nodes[iri].cls in wanted}
    if filters.claim_classes:
        wanted = _expand_classes(filters.claim_classes, set(CLAIM_CLASSES))
        keep = {iri for iri in keep if nodes[iri].kind != "claim" or nodes[iri].cls in wanted}
    if filters.documents:
        by_name: dict[str, set[str]] = defaultdict(set)
        for doc_iri, name in documents.items():
            by_name[name].add(doc_iri)
        unknown = sorted(name for name in filters.documents if name not in by_name)
        if unknown:
            known = ", ".join(sorted(by_name)) or "none"
            raise TipgraphError(f"no document {', '.join(unknown)} in the graph (documents: {known})")
        wanted_docs = set().union(*(by_name[name] for name in filters.documents))
        keep = {iri for iri in keep if nodes[iri].docs & wanted_docs}
    if filters.max_nodes is not None and len(keep) > filters.max_nodes:
        degree: dict[str, int] = defaultdict(int)
        for s, _, o in edges:
            if s in keep and o in keep:
                degree[s] += 1
                degree[o] += 1
        ranked = sorted(keep, key=lambda iri: (-(nodes[iri].mentions + degree[iri]), iri))
        keep = set(ranked[: filters.max_nodes])
    return sorted(keep)


# --------------------------------------------------------------------------
# Layout


def _grid_layout(n: int, edges: np.ndarray, *, seed: int = SEED, iterations: int = 120) -> np.ndarray:
    """Fruchterman-Reingold with repulsion computed on a grid (particle-mesh).

    Repulsion between all pairs is the convolution of the node density with
    the kernel r/|r|^2, done with FFTs on a grid of about one cell per ideal
    edge length; attraction runs along the edges. O(n + E + G^2 log G) per
    iteration, so 5,000 nodes lay out in well under a second. networkx's
    spring_layout needs SciPy from 500 nodes on and takes far longer.
    """
    rng = np.random.default_rng(seed)
    half = 0.85 * math.sqrt(n)  # domain [-half, half]^2; ideal edge length k = 1
    grid = 16
    while grid < 2 * math.sqrt(n) and grid < 256:
        grid *= 2
    cell = 2 * half / grid
    pos = rng.uniform(-half * 0.9, half * 0.9, size=(n, 2))

    offsets = (np.arange(2 * grid) + grid) % (2 * grid) - grid  # 0..G-1, -G..-1 (FFT order)
    dx, dy = np.meshgrid(offsets * cell, offsets * cell, indexing="ij")
    r2 = dx * dx + dy * dy
    r2[0, 0] = 1.0
    kx, ky = dx / r2, dy / r2
    kx[0, 0] = ky[0, 0] = 0.0
    kx_hat, ky_hat = np.fft.rfft2(kx), np.fft.rfft2(ky)

    src = edges[:, 0] if len(edges) else np.zeros(0, dtype=int)
    dst = edges[:, 1] if len(edges) else np.zeros(0, dtype=int)
    temperature = half / 5
    cooling = temperature / (iterations + 1)
    gravity = 0.02
    for _ in range(iterations):
        ix = np.clip(((pos[:, 0] + half) / cell).astype(int), 0, grid - 1)
        iy = np.clip(((pos[:, 1] + half) / cell).astype(int), 0, grid - 1)
        density = np.zeros((2 * grid, 2 * grid))
        density[:grid, :grid] = np.bincount(ix * grid + iy, minlength=grid * grid).reshape(grid, grid)
        d_hat = np.fft.rfft2(density)
        fx = np.fft.irfft2(d_hat * kx_hat, s=density.shape)[:grid, :grid]
        fy = np.fft.irfft2(d_hat * ky_hat, s=density.shape)[:grid, :grid]
        disp = np.stack([fx[ix, iy], fy[ix, iy]], axis=1)
        if len(src):
            delta = pos[dst] - pos[src]
            dist = np.sqrt((delta * delta).sum(axis=1))[:, None]
            pull = delta * dist  # FR attraction d^2 / k, along d
            for axis in (0, 1):
                disp[:, axis] += np.bincount(src, weights=pull[:, axis], minlength=n)
                disp[:, axis] -= np.bincount(dst, weights=pull[:, axis], minlength=n)
        disp -= gravity * pos
        length = np.sqrt((disp * disp).sum(axis=1))[:, None]
        length[length == 0] = 1.0
        pos += disp / length * np.minimum(length, temperature)
        np.clip(pos, -half * 0.98, half * 0.98, out=pos)
        temperature -= cooling
    return pos


def layout_version() -> str:
    """What a layout is computed with: this module's code and the libraries it calls."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(f"\0{np.__version__}\0{nx.__version__}".encode())
    return digest.hexdigest()


def _layout(ids: list[str], edges: list[tuple[str, str, str]], cache=None) -> dict[str, tuple[float, float]]:
    """Positions of `ids` with `edges` between them. With `cache` (a tipgraph.cache.ResultCache
    of layout_version()), positions already computed for the same nodes and links are reused:
    the layout depends on nothing else, so a rebuild whose drawn nodes and links did not change
    (most one-document changes) writes the same page without laying it out again."""
    index = {iri: i for i, iri in enumerate(ids)}
    pairs = sorted({(index[s], index[o]) for s, _, o in edges})
    key = None
    if cache is not None:
        key = hashlib.sha256(json.dumps([ids, pairs], ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()
        found = cache.get(key)
        if isinstance(found, list) and len(found) == len(ids):
            return {iri: (x, y) for iri, (x, y) in zip(ids, found)}
    positions = _computed_layout(ids, pairs)
    if cache is not None:
        cache.put(key, [list(positions[iri]) for iri in ids])
    return positions


def _computed_layout(ids: list[str], pairs: list[tuple[int, int]]) -> dict[str, tuple[float, float]]:
    index = {iri: i for i, iri in enumerate(ids)}
    n = len(ids)
    if n < SPRING_LAYOUT_LIMIT:
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(pairs)
        raw = nx.spring_layout(g, seed=SEED, iterations=60, k=1.0, scale=None)
        pos = np.array([raw[i] for i in range(n)])
        scale = PIXELS_PER_UNIT * 0.75
    else:
        pos = _grid_layout(n, np.array(pairs, dtype=int).reshape(-1, 2))
        scale = PIXELS_PER_UNIT
    return {iri: (round(float(pos[i, 0]) * scale, 1), round(float(pos[i, 1]) * scale, 1)) for iri, i in index.items()}


# --------------------------------------------------------------------------
# The page


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tooltip(node: _Node, documents: dict[str, str]) -> str:
    """Plain text (the page shows it with textContent, never as HTML)."""
    lines = [f"{node.cls}: {node.label}" if node.kind != "claim" else f"Claim · {node.cls}"]
    if node.kind == "claim":
        if node.label != node.text:
            lines.append(node.label)
        why = [f"{heading.lower()} by {rule}" + (f" “{_cut(words, 40)}”" if words else "") for heading, rule, words in node.why]
        if node.confidence:
            why.append(f"confidence {node.confidence}")
        if why:
            lines.append("Why: " + "; ".join(why))
    if node.alt_labels:
        lines.append("Also: " + "; ".join(node.alt_labels))
    if node.kind == "entity":
        lines.append(f"{node.mentions} mention{'s' if node.mentions != 1 else ''} in {len(node.docs)} document{'s' if len(node.docs) != 1 else ''}")
    for doc_iri, _, _, sentence in node.sources[:TOOLTIP_SENTENCES]:
        where = documents.get(doc_iri, "") if doc_iri else ""
        lines.append(f"“{_cut(sentence, TOOLTIP_CHARS)}”" + (f" ({where})" if where else ""))
    more = len(node.sources) - TOOLTIP_SENTENCES
    if more > 0:
        lines.append(f"… {more} more: click the node")
    return "\n".join(lines)


def _size(node: _Node) -> float:
    if node.kind == "claim":
        return 9.0
    if node.kind == "document":
        return 14.0
    return round(min(10.0 + 6.0 * math.log2(1 + node.mentions), 48.0), 2)


def _network(nodes: list[dict], edges: list[dict], physics: bool):
    """pyvis holds the network and produces the vis options."""
    from pyvis.network import Network  # imported here: pyvis pulls in jinja2 and IPython bits

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    # add_node/add_edge check membership in lists (quadratic): fill the lists directly.
    net.nodes = nodes
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.edges = edges
    net.set_edge_smooth("dynamic" if physics else "continuous")
    if physics:
        net.barnes_hut(gravity=-4000, central_gravity=0.3, spring_length=120, spring_strength=0.02, damping=0.3, overlap=0.2)
        net.toggle_stabilization(True)
    else:
        net.toggle_physics(False)
    net.toggle_hide_edges_on_drag(not physics)
    net_nodes, net_edges, _, _, _, options_json = net.get_network_data()
    options = json.loads(options_json)
    options["edges"]["color"] = {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333", "inherit": False}
    options["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.5}}
    options["edges"]["font"] = {"size": 9, "color": "#555555", "strokeWidth": 2, "align": "middle"}
    options["edges"]["width"] = 1
    if not physics:
        options["edges"]["smooth"] = {"enabled": False}
    options["nodes"] = {"font": {"size": 16, "face": "system-ui, sans-serif"}, "borderWidth": 1}
    options["interaction"].update(
        {"hover": True, "tooltipDelay": 150, "hideEdgesOnZoom": not physics, "multiselect": False, "navigationButtons": False}
    )
    options["layout"] = {"randomSeed": SEED, "improvedLayout": False}
    if physics:
        options["physics"]["stabilization"].update({"iterations": 120, "updateInterval": 25, "fit": True})
    return net_nodes, net_edges, options


def _json_for_script(value) -> str:
    """JSON that is inert inside a <script> element, whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _asset(name: str) -> str:
    return resources.files("tipgraph").joinpath("assets", name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TipgraphError(f"pyvis's bundled vis-network is missing ({path}): {exc.strerror or exc}") from None


def _inline(kind: str, text: str) -> str:
    """Text safe to put inside a <script>/<style> element of our own."""
    if re.search(rf"</{kind}", text, re.IGNORECASE) or "<!--" in text:
        raise TipgraphError(f"an inline {kind} contains a closing tag or comment opener")
    return text


def _page(title: str, data: dict) -> str:
    template = _asset("render.html")
    parts = {
        "TITLE": html.escape(title, quote=True),
        "VIS_CSS": _inline("style", _vis_asset("vis-network.css")),
        "PAGE_CSS": _inline("style", _asset("render.css")),
        "VIS_JS": _inline("script", _vis_asset("vis-network.min.js")),
        "PAGE_JS": _inline("script", _asset("render.js")),
        "DATA": _json_for_script(data),
    }
    return re.sub(r"@@TIPGRAPH_([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


def build_page(
    graph: Graph,
    *,
    title: str = "tipgraph",
    filters: RenderFilter | None = None,
    include_documents: bool = False,
    overview: bool | None = None,
    layout_cache=None,
) -> tuple[str, int, int]:
    """The HTML page for `graph`, and how many nodes and edges it draws when it opens.
    `layout_cache`: see `_layout`.

    overview: draw the overview of actors, countries and events (claims as
    edge counts) instead of every node; None decides by size (OVERVIEW_THRESHOLD)."""
    filters = filters or RenderFilter()
    nodes, documents = _read(graph, include_documents)
    all_edges = _edges(graph, set(nodes))
    ids = _select(nodes, documents, all_edges, filters)
    drawn = set(ids)
    edges = [e for e in all_edges if e[0] in drawn and e[2] in drawn]
    if overview if overview is not None else len(ids) > OVERVIEW_THRESHOLD:
        return _overview_page(title, nodes, documents, ids, edges, layout_cache)
    physics = len(ids) <= PHYSICS_THRESHOLD
    positions = _layout(ids, edges, layout_cache)

    doc_names = sorted({documents[d] for iri in ids for d in nodes[iri].docs if d in documents})
    doc_index = {name: i for i, name in enumerate(doc_names)}

    def doc_ref(doc_iri: str) -> int:
        return doc_index.get(documents.get(doc_iri, ""), -1)

    vis_nodes = []
    details = {}
    for iri in ids:
        node = nodes[iri]
        vis_node = {
            "id": iri,
            "label": _cut(node.label, LABEL_CHARS),
            "title": _tooltip(node, documents),
            "color": COLOURS[node.cls],
            "size": _size(node),
            "shape": {"entity": "dot", "claim": "diamond", "document": "square"}[node.kind],
            "cls": node.cls,
            "kind": node.kind,
            "docs": sorted({doc_ref(d) for d in node.docs} - {-1}),
        }
        vis_node["x"], vis_node["y"] = positions[iri]
        vis_nodes.append(vis_node)
        details[iri] = {
            "label": node.label,
            "alt": node.alt_labels,
            "mentions": node.mentions,
            "text": node.text,
            "why": node.why,
            "confidence": node.confidence,
            "sources": [[doc_ref(d), anchor, sentence] for d, _, anchor, sentence in node.sources],
        }
    vis_edges = [
        {"id": f"e{i}", "from": s, "to": o, "label": local_name(p), "title": local_name(p)}
        for i, (s, p, o) in enumerate(edges)
    ]
    net_nodes, net_edges, options = _network(vis_nodes, vis_edges, physics)

    present = sorted({nodes[iri].cls for iri in ids})
    order = list(ENTITY_CLASSES) + list(CLAIM_CLASSES) + list(DOCUMENT_CLASSES)
    counts: dict[str, int] = defaultdict(int)
    for iri in ids:
        counts[nodes[iri].cls] += 1
    classes = [
        {"name": name, "colour": COLOURS[name], "kind": nodes_kind, "count": counts[name]}
        for name in sorted(present, key=order.index)
        for nodes_kind in [("claim" if name in CLAIM_CLASSES else "document" if name in DOCUMENT_CLASSES else "entity")]
    ]
    data = {
        "title": title,
        "nodes": net_nodes,
        "edges": net_edges,
        "options": options,
        "physics": physics,
        "documents": doc_names,
        "classes": classes,
        "details": details,
    }
    return _page(title, data), len(net_nodes), len(net_edges)


# --------------------------------------------------------------------------
# The overview page of large graphs (tipgraph.overview)


def _overview_page(
    title: str, nodes: dict[str, _Node], documents: dict[str, str], ids: list[str], edges: list[tuple[str, str, str]],
    layout_cache=None,
) -> tuple[str, int, int]:
    from tipgraph import overview

    order = ENTITY_CLASSES + CLAIM_CLASSES + DOCUMENT_CLASSES
    data = overview.overview_data(
        nodes, documents, ids, edges, title=title, colours=COLOURS, class_order=order,
        layout=lambda ids, edges: _layout(ids, edges, layout_cache),
    )
    _, _, options = _network([], [], physics=False)
    page = overview.overview_page(
        title, data, options=options, asset=_asset, vis_asset=_vis_asset, inline=_inline,
        json_for_script=_json_for_script,
    )
    return page, len(data["opening"]["nodes"]), len(data["opening"]["edges"])


def render_html(
    graph: Graph,
    out_path: Path,
    *,
    title: str = "tipgraph",
    filters: RenderFilter | None = None,
    include_documents: bool = False,
    overview: bool | None = None,
) -> RenderSummary:
    """Write the interactive HTML view of `graph` to `out_path` (atomically).

    By default it draws one node per entity and one per claim (documents too
    with include_documents=True), edges for the object properties between
    them, and needs no network to open.
    """
    page, n_nodes, n_edges = build_page(
        graph, title=title, filters=filters, include_documents=include_documents, overview=overview
    )
    out_path = Path(out_path)
    with atomic_output(out_path) as handle:
        handle.write(page)
    return RenderSummary(nodes=n_nodes, edges=n_edges, path=out_path)


# --------------------------------------------------------------------------
# Command line


@click.command("render")
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("graph.html"),
    show_default=True,
    help="HTML file to write.",
)
@click.option("--title", default=None, help="Page title (default: the graph file's name).")
@click.option(
    "--class",
    "classes",
    multiple=True,
    metavar="CLASS",
    help="Draw only resources of this class (Person, Country, Organization, Event, Claim, ...). Repeatable.",
)
@click.option(
    "--document", "documents", multiple=True, metavar="FILE", help="Draw only what this source file mentions. Repeatable."
)
@click.option(
    "--claim-class",
    "claim_classes",
    multiple=True,
    metavar="CLASS",
    help="Draw only claims of this class (CallToAction, Statistic, ...). Repeatable.",
)
@click.option("--max-nodes", type=click.IntRange(min=1), default=None, help="Draw at most N nodes, the most mentioned first.")
@click.option("--documents/--no-documents", "include_documents", default=False, help="Also draw documents as nodes.")
@click.option("--overview/--every-node", "overview", default=None,
              help=f"Open on an overview of actors, countries and events (claims as edge counts, neighbours "
                   f"expanded on click) or draw every node [default: overview past {OVERVIEW_THRESHOLD} nodes].")
def command(
    graph_file: Path,
    output: Path,
    title: str | None,
    classes: tuple[str, ...],
    documents: tuple[str, ...],
    claim_classes: tuple[str, ...],
    max_nodes: int | None,
    include_documents: bool,
    overview: bool | None,
) -> None:
    """Write an interactive HTML network of GRAPH_FILE that works offline."""
    try:
        graph = load_graph(graph_file)
        filters = RenderFilter(
            classes=frozenset(classes),
            documents=frozenset(documents),
            claim_classes=frozenset(claim_classes),
            max_nodes=max_nodes,
        )
        summary = render_html(
            graph, output, title=title or graph_file.name, filters=filters, include_documents=include_documents,
            overview=overview,
        )
    except TipgraphError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {summary.path}: {summary.nodes} nodes, {summary.edges} edges")
