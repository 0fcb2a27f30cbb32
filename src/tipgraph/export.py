"""tipgraph export: write a built graph in other formats.

    tipgraph export GRAPH_FILE --to FORMAT --out PATH

Formats: ``ttl``, ``nt``, ``jsonld``, ``trig``, ``nquads``, ``graphml`` and
``neo4j`` (a folder). Every output is deterministic (sorted) and written
atomically: a file goes to a temporary file beside it and is renamed into
place; the neo4j folder is written to a temporary folder and renamed.
``--out -`` writes a single-file format to standard output; GRAPH_FILE
``-`` reads standard input (see tipgraph.streams).

Named graphs (trig, nquads)
---------------------------
The triples are split so that a store can replace one document's
contribution by dropping and reloading one named graph:

* ``<document IRI>`` (e.g. ``tipid:doc/000_899a689a70e097f6``) holds
  everything read from that document: the Document's own triples; the
  triples of each Mention whose ``tip:document`` is it; the triples of each
  Claim whose ``tip:statedIn`` is it; and the two link triples that tie an
  entity to it, ``?entity tip:mentionedIn <doc>`` and
  ``?entity tip:mention ?m`` for its mentions ``?m``.
* ``<https://w3id.org/tipgraph/ontology>`` holds the ontology
  (``ontology/tip.ttl`` when present, plus any triples of the input whose
  subject is a ``tip:`` term).
* The default graph holds the rest: the entities' own descriptions
  (type, label, altLabels, sameAs, isoCode, title, relations between
  entities, events, memberships). They are merged from all documents, so
  this graph only grows; reload it whole when entities change.

To replace document D in a SPARQL store: ``DROP SILENT GRAPH <D>``, load
the new graph ``<D>`` from the new export, then ``DROP DEFAULT`` and load
the new default graph.

The bundled questions have no GRAPH clause: a store answers them over the
union of the graphs (Virtuoso and GraphDB do so by default; Oxigraph, Jena
and Stardog need the setting docs/oxigraph.md lists).

Neo4j (folder)
--------------
* ``nodes_<Label>.csv``: one file per label set, header in
  ``neo4j-admin database import`` form: ``uri:ID``, ``:LABEL``, then one
  column per property, typed (``start:long``, ``quantity:double``,
  ``date:date``, ``altLabel:string[]``). A date-valued property (an
  ``xsd:date`` somewhere, or an ontology range including ``xsd:date``)
  keeps its full dates typed ``date``; its years and months
  (``xsd:gYear``, ``xsd:gYearMonth``) go to ``<name>Partial:string``. Arrays are joined with ``;`` (or,
  if a value contains ``;``, the first of ``| ¦ ¬`` that no value
  contains; ``import.sh`` and ``load.cypher`` use the same one).
* Labels: the node's most specific ``tip:`` class, every ``tip:``
  superclass of it (``Actor``, ``Organization``, ``Event``, ``Document``,
  ``Claim``) and ``Resource`` on every node (the constraint's label, as in
  neosemantics). Untyped IRIs that are only objects get ``Resource``.
* Properties: the local name of the predicate (``label``, ``altLabel``,
  ``anchorText``, ``start``, ``quantity``); when two predicates share a
  local name (``tip:title`` and ``dcterms:title``), the ``tip:`` one keeps
  it and the other gets its prefix (``dcterms_title``). A property that
  has more than one value on any node is an array on every node;
  ``owl:sameAs`` IRIs and non-``tip:`` ``rdf:type`` values become the
  string properties ``sameAs`` and ``rdfType``. Language tags are dropped.
* Relationships: one file per type, ``relationships_<TYPE>.csv`` with
  ``:START_ID,:END_ID,:TYPE``; the type is the predicate's local name in
  UPPER_SNAKE_CASE (``tip:affiliatedWith`` -> ``AFFILIATED_WITH``,
  ``tip:mention`` -> ``MENTION``, ``tip:document`` -> ``DOCUMENT``,
  ``tip:statedIn`` -> ``STATED_IN``). Every triple with an IRI object
  becomes one relationship, so every mention and claim is kept.
* ``load.cypher`` loads the same CSVs with LOAD CSV into Neo4j 5 (file:///
  paths from Neo4j's import folder, ``CALL { ... } IN TRANSACTIONS``);
  ``load-falkordb.cypher`` and ``load-memgraph.cypher`` do the same in
  those dialects; ``import.sh`` runs the offline ``neo4j-admin database
  import full``. See docs/neo4j.md and docs/falkordb-memgraph.md.
"""
from __future__ import annotations

import contextlib
import csv
import heapq
import io
import itertools
import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator

import click
import networkx as nx
import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from tipgraph import ontology_dir
from tipgraph.graphio import TipgraphError, atomic_folder, load_graph
from tipgraph.streams import (
    display_name, graph_format, input_format_option, is_stdio, load_graph_input, needs_bytes, output_stream,
    read_graph_bytes,
)
from tipgraph.namespaces import PREFIXES, TIP, local_name

FORMATS = ("neo4j", "jsonld", "nt", "trig", "nquads", "graphml", "ttl")
ONTOLOGY_GRAPH = URIRef("https://w3id.org/tipgraph/ontology")
JSONLD_CONTEXT_PREFIXES = ("tip", "tipid", "rdfs", "skos", "owl", "xsd", "dcterms", "wd")

# Used when the ontology (ontology/tip.ttl) is absent or says less.
BUILTIN_SUPERCLASSES: dict[str, tuple[str, ...]] = {
    "Person": ("Actor",),
    "Country": ("Actor",),
    "Organization": ("Actor",),
    "GovernmentBody": ("Organization",),
    "InternationalOrganization": ("Organization",),
    "CivilSocietyOrganization": ("Organization",),
    "MediaOrganization": ("Organization",),
    "Conference": ("Event",),
    "Workshop": ("Event",),
    "Meeting": ("Event",),
    "Speech": ("Document",),
    "Statement": ("Document",),
    "NewsArticle": ("Document",),
    "PressRelease": ("Document",),
    "Report": ("Document",),
    "CallToAction": ("Claim",),
    "Commitment": ("Claim",),
    "Statistic": ("Claim",),
    "Endorsement": ("Claim",),
    "Criticism": ("Claim",),
    "Assertion": ("Claim",),
}
RESOURCE_LABEL = "Resource"


# ---------------------------------------------------------------- helpers


def prefix_of(iri: str) -> str | None:
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            best = prefix
    return best


def upper_snake(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_")
    return name.upper() or "RELATED"


def safe_key(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", name) or "value"


def ontology_graph() -> Graph:
    """ontology/tip.ttl when it exists, else an empty graph."""
    try:
        path = ontology_dir() / "tip.ttl"
    except FileNotFoundError:
        return Graph()
    return load_graph(path) if path.is_file() else Graph()


def class_hierarchy(*graphs: Graph) -> dict[str, set[str]]:
    """tip: local class name -> all its tip: superclasses (transitively)."""
    direct: dict[str, set[str]] = defaultdict(set)
    for cls, supers in BUILTIN_SUPERCLASSES.items():
        direct[cls].update(supers)
    tip = str(TIP)
    for graph in graphs:
        for sub, sup in graph.subject_objects(RDFS.subClassOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef) and str(sub).startswith(tip) and str(sup).startswith(tip):
                direct[str(sub)[len(tip):]].add(str(sup)[len(tip):])
    closed: dict[str, set[str]] = {}

    def supers(cls: str, seen: frozenset = frozenset()) -> set[str]:
        if cls in closed:
            return closed[cls]
        result: set[str] = set()
        for parent in direct.get(cls, ()):
            if parent not in seen and parent != cls:
                result.add(parent)
                result |= supers(parent, seen | {cls})
        closed[cls] = result
        return result

    for cls in list(direct):
        supers(cls)
    return closed


def most_specific(classes: set[str], hierarchy: dict[str, set[str]]) -> str | None:
    if not classes:
        return None
    implied = set().union(*(hierarchy.get(c, set()) for c in classes))
    candidates = sorted(c for c in classes if c not in implied) or sorted(classes)
    return candidates[0]


def tip_types(graph: Graph, node) -> set[str]:
    tip = str(TIP)
    return {str(t)[len(tip):] for t in graph.objects(node, RDF.type) if isinstance(t, URIRef) and str(t).startswith(tip)}


# ---------------------------------------------------------------- atomic outputs


def _replace_folder(out: Path, write) -> None:
    """Write the export folder atomically, refusing to replace a folder that is not an export."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise TipgraphError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / "load.cypher").exists():
        raise TipgraphError(f"{out}: folder is not empty and is not a previous neo4j export; choose another --out")
    atomic_folder(out, write)


# ---------------------------------------------------------------- quads / pyoxigraph


def to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unexpected term {term!r}")


def to_rdflib(term):
    """The rdflib term rdflib's own parser makes for a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def rdflib_graph(triples: Iterable[ox.Triple]) -> Graph:
    graph = Graph()
    add = graph.add
    for t in triples:
        add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=False)
    return graph


_OX_TYPE = ox.NamedNode(str(RDF.type))
_OX_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_OX_DOCUMENT = ox.NamedNode(str(TIP.document))
_OX_STATED_IN = ox.NamedNode(str(TIP.statedIn))
_OX_MENTIONED_IN = ox.NamedNode(str(TIP.mentionedIn))
_OX_MENTION = ox.NamedNode(str(TIP.mention))


def load_triples(graph_file, input_format: str | None = None) -> list[ox.Triple]:
    """The distinct triples of a graph file (its named graphs merged), parsed by pyoxigraph with
    every literal as written: the RDF exports never build an rdflib graph, which is several
    times slower to load. JSON-LD that pyoxigraph cannot read goes through rdflib.

    Not from the store beside a build's graph.ttl: the store keeps numbers and dates by
    value ("0.60"^^xsd:decimal comes back as "0.6"), an export keeps them as written."""
    triples = _parse_with_pyoxigraph(graph_file, input_format, lambda parsed: list(set(parsed)))
    if triples is None:
        graph = load_graph_input(graph_file, input_format)
        triples = list({ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph})
    return triples


def load_rdflib_graph(graph_file, input_format: str | None = None) -> Graph:
    """The rdflib graph of a graph file for the writers that need one (neo4j, jsonld, graphml),
    parsed by pyoxigraph's parser and added triple by triple as it reads: the same terms as
    rdflib's own parser makes, in about half its time (393,202 triples: 18 s against 33 s)."""
    graph = _parse_with_pyoxigraph(graph_file, input_format, rdflib_graph)
    return graph if graph is not None else load_graph_input(graph_file, input_format)


def _parse_with_pyoxigraph(graph_file, input_format: str | None, consume):
    """`consume(triples)` over the triples pyoxigraph parses from the file; None for JSON-LD it
    cannot read (the caller goes through rdflib). Errors are one line naming the file."""
    from tipgraph.query import OX_FORMATS, _syntax_message

    fmt = graph_format(graph_file, input_format)
    name = display_name(graph_file)
    if needs_bytes(graph_file, input_format):
        source = {"input": read_graph_bytes(graph_file)}
    elif Path(graph_file).is_file():
        source = {"path": str(graph_file)}
    else:
        raise TipgraphError(f"{graph_file}: no such graph file")
    try:
        return consume(quad.triple if isinstance(quad, ox.Quad) else quad
                       for quad in ox.parse(format=OX_FORMATS[fmt], **source))
    except SyntaxError as exc:
        if fmt != "json-ld":
            if "path" in source:  # the same one line as every other command: line, column, a short excerpt
                from tipgraph.graphio import parse_error_line
                raise TipgraphError(parse_error_line(Path(graph_file), fmt, exc)) from None
            raise TipgraphError(f"{name}: cannot parse as {fmt}: {_syntax_message(exc)}") from None
    except (OSError, ValueError) as exc:
        if fmt != "json-ld":
            raise TipgraphError(f"{name}: cannot read: {' '.join(str(exc).split())}") from None
    return None


def partition(triples: list[ox.Triple], ontology: Graph | None = None) -> dict[ox.NamedNode | None, set[ox.Triple]]:
    """Split triples into named graphs as the module docstring describes.

    Returns graph name -> triples; None is the default graph.
    """
    tip = str(TIP)
    docs = _documents(triples)
    owner: dict = {d: d for d in docs}
    for link in (_OX_DOCUMENT, _OX_STATED_IN):
        for t in triples:
            if t.predicate == link and t.object in docs:
                owner.setdefault(t.subject, t.object)
    ontology_name = ox.NamedNode(str(ONTOLOGY_GRAPH))
    parts: dict[ox.NamedNode | None, set[ox.Triple]] = defaultdict(set)
    for t in triples:
        s, p, o = t.subject, t.predicate, t.object
        if s in owner:
            parts[owner[s]].add(t)
        elif p == _OX_MENTIONED_IN and o in docs:
            parts[o].add(t)
        elif p == _OX_MENTION and o in owner:
            parts[owner[o]].add(t)
        elif isinstance(s, ox.NamedNode) and (s.value.startswith(tip) or s == ontology_name):
            parts[ontology_name].add(t)
        else:
            parts[None].add(t)
    if ontology is not None:
        parts[ontology_name].update(ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in ontology)
    return dict(parts)


def _documents(triples: list[ox.Triple]) -> set[ox.NamedNode]:
    subclasses = Graph()
    for t in triples:
        if t.predicate == _OX_SUBCLASS and isinstance(t.subject, ox.NamedNode) and isinstance(t.object, ox.NamedNode):
            subclasses.add((URIRef(t.subject.value), RDFS.subClassOf, URIRef(t.object.value)))
    hierarchy = class_hierarchy(subclasses)
    doc_classes = {ox.NamedNode(str(TIP[c])) for c, sup in hierarchy.items() if "Document" in sup}
    doc_classes.add(ox.NamedNode(str(TIP.Document)))
    return {t.subject for t in triples
            if t.predicate == _OX_TYPE and t.object in doc_classes and isinstance(t.subject, ox.NamedNode)}


def _sorted_lines(data: bytes) -> str:
    lines = sorted(set(line for line in data.decode("utf-8").splitlines() if line.strip()))
    return "\n".join(lines) + ("\n" if lines else "")


def _quad_sort_key(q: ox.Quad):
    g = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
    return (g, str(q.subject), str(q.predicate), str(q.object))


# N-Triples are sorted in runs of this many triples held at once, merged from files: an
# export's memory does not grow with the graph.
SORT_RUN_TRIPLES = 50_000


def _nt_line_runs(triples: Iterable[ox.Triple], run: int) -> Iterator[list[str]]:
    """The N-Triples lines of `triples`, `run` triples at a time, each run sorted and distinct."""
    chunk: list[ox.Triple] = []
    for triple in itertools.chain(triples, [None]):
        if triple is not None:
            chunk.append(triple)
            if len(chunk) < run:
                continue
        if chunk:
            data = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
            yield sorted({line for line in data.split("\n") if line.strip()})
            chunk = []


def sorted_distinct_lines(runs: Iterable[list[str]]) -> Iterator[str]:
    """The lines of sorted runs merged into one sorted, distinct sequence: the first run is held,
    every later one goes to a temporary file first, so memory holds two runs at most."""
    runs = iter(runs)
    first = next(runs, [])
    second = next(runs, None)
    if second is None:
        yield from first
        return
    with tempfile.TemporaryDirectory(prefix="tipgraph-sort-") as folder:
        paths = []
        for number, lines in enumerate(itertools.chain([first, second], runs)):
            path = Path(folder) / f"run-{number:05d}"
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.writelines(line + "\n" for line in lines)
            paths.append(path)
        del first, second
        with contextlib.ExitStack() as stack:
            files = [stack.enter_context(open(p, encoding="utf-8", newline="\n")) for p in paths]
            previous = None
            for line in heapq.merge(*((line[:-1] for line in f) for f in files)):
                if line != previous:
                    yield line
                    previous = line


def write_nt(triples: Iterable[ox.Triple], out: Path, run: int = SORT_RUN_TRIPLES) -> None:
    """Sorted, distinct N-Triples lines, from triples read as they come (a stream)."""
    lines = sorted_distinct_lines(_nt_line_runs(triples, run))
    with output_stream(out) as handle:
        for line in lines:
            handle.write(line + "\n")


def stream_nt(graph_file, out, input_format: str | None = None, run: int = SORT_RUN_TRIPLES) -> None:
    """`export --to nt` without the graph in memory: the parser's triples go to `write_nt` as
    it reads them (the whole graph only for JSON-LD pyoxigraph cannot read)."""
    done = _parse_with_pyoxigraph(graph_file, input_format, lambda triples: write_nt(triples, out, run) or True)
    if done is None:
        write_nt(load_triples(graph_file, input_format), out, run)


def _quads(triples: list[ox.Triple], with_ontology: bool) -> list[ox.Quad]:
    parts = partition(triples, ontology_graph() if with_ontology else None)
    quads = []
    for name, members in parts.items():
        g = ox.DefaultGraph() if name is None else name
        quads.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in members)
    quads.sort(key=_quad_sort_key)
    return quads


def write_nquads(triples: list[ox.Triple], out: Path, with_ontology: bool = True) -> None:
    data = ox.serialize(_quads(triples, with_ontology), format=ox.RdfFormat.N_QUADS)
    with output_stream(out) as handle:
        handle.write(_sorted_lines(data))


def write_trig(triples: list[ox.Triple], out: Path, with_ontology: bool = True) -> None:
    # tipid: local names contain "/", which TriG would escape; keep full IRIs.
    prefixes = {p: ns for p, ns in PREFIXES.items() if p != "tipid"}
    data = ox.serialize(_quads(triples, with_ontology), format=ox.RdfFormat.TRIG, prefixes=prefixes)
    with output_stream(out, "wb") as handle:
        handle.write(data)


def write_ttl(triples: list[ox.Triple], out: Path) -> None:
    # pyoxigraph keeps every literal's lexical form ("5"^^xsd:decimal stays
    # "5"; rdflib's Turtle writer would print 5.0). Sorted, so the same graph
    # gives the same bytes; tipid: names contain "/", so they stay full IRIs.
    prefixes = {p: ns for p, ns in PREFIXES.items() if p != "tipid"}
    ordered = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    data = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    with output_stream(out, "wb") as handle:
        handle.write(data)


# ---------------------------------------------------------------- JSON-LD


def jsonld_context() -> dict[str, str]:
    return {p: PREFIXES[p] for p in JSONLD_CONTEXT_PREFIXES}


def _compact_ids(value, context: dict[str, str]):
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if key == "@context":
                result[key] = item
            elif key in ("@id", "@type") and isinstance(item, str):
                result[key] = _compact_iri(item, context)
            elif key == "@type" and isinstance(item, list):
                result[key] = sorted(_compact_iri(i, context) for i in item)
            else:
                result[key] = _compact_ids(item, context)
        return result
    if isinstance(value, list):
        items = [_compact_ids(v, context) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _compact_iri(iri: str, context: dict[str, str]) -> str:
    if iri.startswith("_:") or ":" not in iri:
        return iri
    best = None
    for prefix, ns in context.items():
        if iri.startswith(ns) and len(iri) > len(ns) and (best is None or len(ns) > len(context[best])):
            best = prefix
    return f"{best}:{iri[len(context[best]):]}" if best else iri


def write_jsonld(graph: Graph, out: Path) -> None:
    context = jsonld_context()
    text = graph.serialize(format="json-ld", context=context, auto_compact=False)
    data = json.loads(text)
    if isinstance(data, list):
        data = {"@graph": data}
    data = {"@context": context, "@graph": data.get("@graph", [data] if "@id" in data else [])}
    data = _compact_ids(data, context)
    with output_stream(out) as handle:
        handle.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- GraphML


GRAPHML_RESERVED = ("class", "iri")


def graphml_graph(graph: Graph) -> nx.MultiDiGraph:
    """Resources as nodes, every triple with an IRI object as an edge.

    Nodes carry label (rdfs:label, else a mention's anchor text), class (the
    most specific tip: class) and iri, and every other literal property under
    its Neo4j export name (see Neo4jTables), typed: integers as long, decimals as
    double, booleans as boolean, everything else (dates too) as string; a
    property with several values on any node is one string joined with the
    export's array delimiter (graph attribute arrayDelimiter). Edges carry
    property (the prefixed predicate) and iri (the predicate's IRI).
    """
    ontology = ontology_graph()
    tables = Neo4jTables(graph, ontology)
    hierarchy = tables.hierarchy
    nodes: set = set()
    edges = []
    for s, p, o in graph:
        if p == RDF.type or p == OWL.sameAs or isinstance(o, Literal):
            continue
        nodes.update((s, o))
        edges.append((s, o, p))
    for s in graph.subjects(RDF.type, None):
        nodes.add(s)
    g = nx.MultiDiGraph(arrayDelimiter=tables.delimiter)
    for node in sorted(nodes, key=str):
        attributes = _graphml_properties(tables, node)
        label = graph.value(node, RDFS.label) or graph.value(node, TIP.anchorText) or ""
        attributes.update({"label": str(label), "class": most_specific(tip_types(graph, node), hierarchy) or "",
                           "iri": str(node)})
        g.add_node(str(node), **attributes)
    for s, o, p in sorted(edges, key=lambda e: (str(e[0]), str(e[2]), str(e[1]))):
        name = prefix_of(str(p))
        prop = f"{name}:{str(p)[len(PREFIXES[name]):]}" if name else str(p)
        g.add_edge(str(s), str(o), key=prop, property=prop, iri=str(p))
    return g


def _graphml_properties(tables: Neo4jTables, node) -> dict:
    attributes: dict = {}
    for key, values in sorted(tables.props.get(node, {}).items()):
        if key == "label":  # rdfs:label is the node's label attribute
            continue
        ptype = tables.prop_types[key]
        base = ptype.removesuffix("[]")
        texts = sorted({tables._value(v, base) for v in values})
        name = f"tip_{key}" if key in GRAPHML_RESERVED else key
        if ptype.endswith("[]"):
            attributes[name] = tables.delimiter.join(texts)
        elif base == "long":
            attributes[name] = int(texts[0])
        elif base == "double":
            attributes[name] = float(texts[0])
        elif base == "boolean":
            attributes[name] = texts[0] == "true"
        else:
            attributes[name] = texts[0]
    return attributes


def write_graphml(graph: Graph, out: Path) -> None:
    g = graphml_graph(graph)
    with output_stream(out, "wb") as handle:
        nx.write_graphml(g, handle, encoding="utf-8", prettyprint=True)


# ---------------------------------------------------------------- Neo4j

INT_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
             XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger, XSD.unsignedInt,
             XSD.unsignedLong, XSD.unsignedShort}
FLOAT_TYPES = {XSD.decimal, XSD.double, XSD.float}
ARRAY_DELIMITERS = (";", "|", "¦", "¬")
PARTIAL_DATE_TYPES = {XSD.gYear, XSD.gYearMonth}
SCHEMA_RANGE_INCLUDES = URIRef("https://schema.org/rangeIncludes")


class Neo4jTables:
    """The property-graph view of an RDF graph, ready to write as CSV."""

    def __init__(self, graph: Graph, ontology: Graph | None = None):
        self.graph = graph
        self.ontology = ontology if ontology is not None else Graph()
        self.hierarchy = class_hierarchy(graph, self.ontology)
        self._build()

    def _date_predicates(self) -> set[URIRef]:
        """Predicates whose values are dates: declared so (rdfs:range or schema:rangeIncludes
        xsd:date) or holding an xsd:date somewhere in the graph."""
        found = {p for p, o in self.graph.predicate_objects() if isinstance(o, Literal) and o.datatype == XSD.date}
        for link in (RDFS.range, SCHEMA_RANGE_INCLUDES):
            found |= {p for p in self.ontology.subjects(link, XSD.date) if isinstance(p, URIRef)}
        return found

    # naming ----------------------------------------------------------
    @staticmethod
    def _names(predicates: Iterable[URIRef], style) -> dict[URIRef, str]:
        by_name: dict[str, list[URIRef]] = defaultdict(list)
        for p in predicates:
            by_name[style(local_name(str(p)))].append(p)
        names: dict[URIRef, str] = {}
        for name, preds in by_name.items():
            preds.sort(key=lambda p: (not str(p).startswith(str(TIP)), str(p)))
            names[preds[0]] = name
            for p in preds[1:]:
                prefix = prefix_of(str(p)) or "ns"
                names[p] = style(f"{prefix}_{local_name(str(p))}")
        return names

    def _build(self) -> None:
        g = self.graph
        props: dict = defaultdict(lambda: defaultdict(list))  # node -> key -> [Literal|str]
        rel_preds, prop_preds = set(), set()
        rels = []
        nodes: set = set()
        for s, p, o in g:
            nodes.add(s)
            if p == RDF.type:
                if isinstance(o, URIRef) and str(o).startswith(str(TIP)):
                    continue
                prop_preds.add(p)
            elif isinstance(o, Literal) or p == OWL.sameAs:
                prop_preds.add(p)
            else:
                rel_preds.add(p)
                nodes.add(o)
                rels.append((s, p, o))
        prop_names = self._names(prop_preds, safe_key)
        if RDF.type in prop_names:
            prop_names[RDF.type] = "rdfType"
        rel_names = self._names(rel_preds, upper_snake)
        reserved = {"uri"}
        for p, name in list(prop_names.items()):
            if name in reserved:
                prop_names[p] = f"{prefix_of(str(p)) or 'ns'}_{name}"
        date_predicates = self._date_predicates()
        self.partial_date_keys: dict[str, str] = {}
        for s, p, o in g:
            if p in prop_names and not (p == RDF.type and isinstance(o, URIRef) and str(o).startswith(str(TIP))):
                key = prop_names[p]
                if p in date_predicates and isinstance(o, Literal) and o.datatype in PARTIAL_DATE_TYPES:
                    # A year or a month is not a Neo4j date: it keeps its own string property,
                    # so that the full dates stay typed (date:date, datePartial:string).
                    self.partial_date_keys[key] = f"{key}Partial"
                    key = self.partial_date_keys[key]
                props[s][key].append(o)

        # property types and arrays, globally per key
        kinds: dict[str, set[str]] = defaultdict(set)
        multi: set[str] = set()
        for values in props.values():
            for key, vals in values.items():
                if len(set(vals)) > 1:
                    multi.add(key)
                for v in vals:
                    kinds[key].add(self._kind(v))
        self.prop_types: dict[str, str] = {}
        for key, ks in kinds.items():
            if len(ks) == 1:
                base = next(iter(ks))
            elif ks <= {"long", "double"}:
                base = "double"
            else:
                base = "string"
            self.prop_types[key] = base + ("[]" if key in multi else "")

        # array delimiter: ";" unless some array element contains it
        elements = [str(v) for n in props.values() for k, vs in n.items() if k in multi for v in vs]
        self.delimiter = next((d for d in ARRAY_DELIMITERS if not any(d in e for e in elements)), None)
        if self.delimiter is None:
            raise TipgraphError("cannot choose an array delimiter: every candidate (; | ¦ ¬) occurs in a value")

        # labels and node files
        self.node_labels: dict = {}
        for node in nodes:
            types = tip_types(g, node)
            primary = most_specific(types, self.hierarchy)
            if primary is None:
                labels = [RESOURCE_LABEL]
            else:
                extra = set(types) | set().union(*(self.hierarchy.get(t, set()) for t in types))
                extra.discard(primary)
                labels = [primary] + sorted(extra) + [RESOURCE_LABEL]
            self.node_labels[node] = labels
        self.props = props
        self.rel_names = rel_names
        self.rels = rels
        self.prop_names = prop_names

    def _kind(self, value) -> str:
        if not isinstance(value, Literal) or value.datatype is None:
            return "string"
        dt = value.datatype
        try:
            if dt in INT_TYPES:
                int(str(value))
                return "long"
            if dt in FLOAT_TYPES:
                float(str(value))
                return "double"
            if dt == XSD.boolean and str(value) in ("true", "false", "1", "0"):
                return "boolean"
            if dt == XSD.date and re.fullmatch(r"-?\d{4,}-\d\d-\d\d", str(value)):
                return "date"
        except ValueError:
            pass
        return "string"

    def _value(self, value, base: str) -> str:
        text = str(value)
        if base == "long":
            return str(int(text))
        if base == "double":
            return repr(float(text))
        if base == "boolean":
            return "true" if text in ("true", "1") else "false"
        return text

    # tables ----------------------------------------------------------
    def node_files(self) -> dict[str, tuple[list[str], list[list[str]], list[str]]]:
        """file stem -> (header, rows, labels)."""
        groups: dict[tuple, list] = defaultdict(list)
        for node, labels in self.node_labels.items():
            groups[tuple(labels)].append(node)
        standard: dict[str, tuple] = {}
        for labels in sorted(groups, key=lambda ls: (len(ls), ls)):
            standard.setdefault(labels[0], labels)
        files = {}
        for labels, members in groups.items():
            stem = f"nodes_{labels[0]}"
            if standard[labels[0]] != labels:
                stem += "__" + "_".join(labels[1:-1])
            keys = sorted({k for n in members for k in self.props.get(n, {})})
            header = ["uri:ID", ":LABEL"] + [f"{k}:{self.prop_types[k]}" for k in keys]
            rows = []
            for node in sorted(members, key=str):
                row = [str(node), self.delimiter.join(labels)]
                values = self.props.get(node, {})
                for k in keys:
                    ptype = self.prop_types[k]
                    base = ptype.removesuffix("[]")
                    vals = sorted({self._value(v, base) for v in values.get(k, [])})
                    if ptype.endswith("[]"):
                        row.append(self.delimiter.join(vals))
                    else:
                        row.append(vals[0] if vals else "")
                rows.append(row)
            files[stem] = (header, rows, list(labels))
        return dict(sorted(files.items()))

    def relationship_files(self) -> dict[str, tuple[list[str], list[list[str]], str]]:
        by_type: dict[str, set] = defaultdict(set)
        for s, p, o in self.rels:
            by_type[self.rel_names[p]].add((str(s), str(o)))
        files = {}
        for rtype in sorted(by_type):
            rows = [[s, o, rtype] for s, o in sorted(by_type[rtype])]
            files[f"relationships_{rtype}"] = ([":START_ID", ":END_ID", ":TYPE"], rows, rtype)
        return files


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _cypher_value(column: str, delimiter: str) -> str:
    name, _, ptype = column.partition(":")
    ref = f"row.`{column}`"
    base = ptype.removesuffix("[]")
    convert = {"long": "toInteger({})", "double": "toFloat({})", "boolean": "toBoolean({})",
               "date": "date({})", "string": "{}"}[base]
    if ptype.endswith("[]"):
        inner = convert.format("x")
        delim = delimiter.replace("\\", "\\\\").replace("'", "\\'")
        if inner == "x":
            return f"split({ref}, '{delim}')"
        return f"[x IN split({ref}, '{delim}') | {inner}]"
    return convert.format(ref)


CYPHER_DIALECTS = ("neo4j", "falkordb", "memgraph")
CYPHER_FILES = {"neo4j": "load.cypher", "falkordb": "load-falkordb.cypher", "memgraph": "load-memgraph.cypher"}
MEMGRAPH_IMPORT_DIR = "/var/lib/memgraph/import"
BATCH_ROWS = 1000

_CYPHER_INTRO = {
    "neo4j": [
        "// Load a tipgraph export into Neo4j 5 with LOAD CSV, 1,000 rows per transaction.",
        "// Copy the CSV files of this folder into the database's import folder",
        "// (file:///name.csv is read from there: server.directories.import), then run",
        "//   cypher-shell -u neo4j -p PASSWORD -f load.cypher",
        "// (CALL { ... } IN TRANSACTIONS needs an implicit transaction: cypher-shell gives",
        "// one; in Neo4j Browser prefix each statement with :auto).",
    ],
    "falkordb": [
        "// Load a tipgraph export into FalkorDB with LOAD CSV.",
        "// Start FalkorDB with IMPORT_FOLDER set to this folder (or copy the CSVs into",
        "// its import folder): file://name.csv is read from there. Run each statement",
        "// (they end with ';') with GRAPH.QUERY, e.g. from Python: graph.query(statement).",
        "// FalkorDB has no IN TRANSACTIONS; each file loads in one query.",
    ],
    "memgraph": [
        "// Load a tipgraph export into Memgraph with LOAD CSV.",
        "// The CSVs are read from the server's file system: copy them into the folder",
        "// named below (tipgraph export --memgraph-dir DIR writes another), then run",
        "//   mgconsole < load-memgraph.cypher",
        "// Large graphs load faster after STORAGE MODE IN_MEMORY_ANALYTICAL; (Memgraph's advice).",
    ],
}


def _load_csv_statement(dialect: str, file_name: str, body: list[str], import_dir: str) -> list[str]:
    """LOAD CSV of one file, running `body` per row, batched where the dialect can."""
    if dialect == "neo4j":
        lines = [line for part in body for line in part.split("\n")]
        return ([f"LOAD CSV WITH HEADERS FROM 'file:///{file_name}' AS row", "CALL {", "  WITH row"]
                + [f"  {line}" for line in lines] + [f"}} IN TRANSACTIONS OF {BATCH_ROWS} ROWS;"])
    if dialect == "falkordb":
        return [f"LOAD CSV WITH HEADERS FROM 'file://{file_name}' AS row"] + body[:-1] + [body[-1] + ";"]
    path = f"{import_dir.rstrip('/')}/{file_name}".replace("\\", "\\\\").replace("'", "\\'")
    return [f"LOAD CSV FROM '{path}' WITH HEADER NULLIF '' AS row"] + body[:-1] + [body[-1] + ";"]


def load_cypher(tables: Neo4jTables, node_files: dict, rel_files: dict, dialect: str = "neo4j",
                import_dir: str = MEMGRAPH_IMPORT_DIR) -> str:
    """The LOAD CSV script for `dialect` (neo4j, falkordb or memgraph): one statement per
    file, each ending with ';' and a blank line."""
    lines = _CYPHER_INTRO[dialect] + [
        "// Every node has the label Resource and a unique uri (its IRI); load into an empty graph.",
        f"// Arrays are joined with '{tables.delimiter}'. Large graphs into Neo4j: prefer import.sh.",
        "",
    ]
    if dialect == "neo4j":
        lines += ["CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE;", "",
                  "CALL db.awaitIndexes(300);", ""]
    elif dialect == "falkordb":
        lines += ["CREATE INDEX FOR (n:Resource) ON (n.uri);", ""]
    else:
        lines += ["CREATE INDEX ON :Resource(uri);", "",
                  "CREATE CONSTRAINT ON (n:Resource) ASSERT n.uri IS UNIQUE;", ""]
    for stem, (header, _rows, labels) in node_files.items():
        label_text = "".join(f":`{label}`" for label in labels if label != RESOURCE_LABEL)
        sets = [f"n.`{c.partition(':')[0]}` = {_cypher_value(c, tables.delimiter)}" for c in header[2:]]
        body = ["MERGE (n:Resource {uri: row.`uri:ID`})"]
        if label_text:
            body.append(f"SET n{label_text}")
        if sets:
            body.append("SET " + ",\n    ".join(sets))
        lines += _load_csv_statement(dialect, f"{stem}.csv", body, import_dir) + [""]
    for stem, (_header, _rows, rtype) in rel_files.items():
        body = ["MATCH (a:Resource {uri: row.`:START_ID`})", "MATCH (b:Resource {uri: row.`:END_ID`})",
                f"CREATE (a)-[:`{rtype}`]->(b)"]
        lines += _load_csv_statement(dialect, f"{stem}.csv", body, import_dir) + [""]
    return "\n".join(lines)


def import_sh(tables: Neo4jTables, node_files: dict, rel_files: dict) -> str:
    args = [f'  --nodes="$DIR/{stem}.csv"' for stem in node_files]
    args += [f'  --relationships="$DIR/{stem}.csv"' for stem in rel_files]
    delim = tables.delimiter.replace("'", "'\\''")
    return "\n".join([
        "#!/bin/sh",
        "# Offline bulk import of this folder into a new, empty Neo4j 5 database.",
        "# Stop the database first; usage: ./import.sh [DATABASE] (default neo4j).",
        "# Afterwards, in Cypher: CREATE CONSTRAINT resource_uri IF NOT EXISTS",
        "#   FOR (n:Resource) REQUIRE n.uri IS UNIQUE;",
        "set -eu",
        'DIR=$(cd "$(dirname "$0")" && pwd)',
        'DB="${1:-neo4j}"',
        'exec neo4j-admin database import full "$DB" \\',
        "  --overwrite-destination=true \\",
        f"  --array-delimiter='{delim}' \\",
        "  --multiline-fields=true \\",
        " \\\n".join(args),
        "",
    ])


def write_neo4j(graph: Graph, out: Path, memgraph_dir: str = MEMGRAPH_IMPORT_DIR) -> None:
    if is_stdio(out):
        raise TipgraphError("--to neo4j writes a folder; give a folder to --out, not -")
    tables = Neo4jTables(graph, ontology_graph())
    node_files = tables.node_files()
    rel_files = tables.relationship_files()

    def write(folder: Path) -> None:
        for stem, (header, rows, _labels) in {**node_files, **rel_files}.items():
            (folder / f"{stem}.csv").write_text(_csv_text(header, rows), encoding="utf-8", newline="")
        for dialect, file_name in CYPHER_FILES.items():
            text = load_cypher(tables, node_files, rel_files, dialect, memgraph_dir)
            (folder / file_name).write_text(text, encoding="utf-8")
        script = folder / "import.sh"
        script.write_text(import_sh(tables, node_files, rel_files), encoding="utf-8")
        script.chmod(0o755)

    _replace_folder(out, write)


# ---------------------------------------------------------------- command

# Written from pyoxigraph triples (load_triples); the others from an rdflib graph.
TRIPLE_WRITERS = {
    "nt": write_nt,
    "nquads": write_nquads,
    "trig": write_trig,
    "ttl": write_ttl,
}
GRAPH_WRITERS = {
    "jsonld": write_jsonld,
    "graphml": write_graphml,
}
WRITERS = {**TRIPLE_WRITERS, **GRAPH_WRITERS, "neo4j": write_neo4j}


def export_graph(graph_file: str | Path, fmt: str, out: str | Path, input_format: str | None = None,
                 memgraph_dir: str = MEMGRAPH_IMPORT_DIR) -> None:
    if fmt not in WRITERS:
        raise TipgraphError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    target = out if is_stdio(out) else Path(out)
    if fmt == "neo4j" and is_stdio(out):
        raise TipgraphError("--to neo4j writes a folder; give a folder to --out, not -")
    if fmt == "nt":
        stream_nt(graph_file, target, input_format)
        return
    if fmt in TRIPLE_WRITERS:
        TRIPLE_WRITERS[fmt](load_triples(graph_file, input_format), target)
        return
    graph = load_rdflib_graph(graph_file, input_format)
    if fmt == "neo4j":
        write_neo4j(graph, Path(out), memgraph_dir)
    else:
        GRAPH_WRITERS[fmt](graph, target)


@click.command("export")
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "fmt", required=True, type=click.Choice(FORMATS),
              help="neo4j (folder of CSVs + load.cypher + import.sh), jsonld, nt, trig and "
                   "nquads (a named graph per document), graphml, ttl.")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Output file (a folder for neo4j), replaced atomically; - writes standard output.")
@click.option("--memgraph-dir", default=MEMGRAPH_IMPORT_DIR, show_default=True, metavar="DIR",
              help="neo4j: the folder on the Memgraph server that load-memgraph.cypher reads the CSVs from.")
@input_format_option
def command(graph_file: Path, fmt: str, out: Path, memgraph_dir: str, input_format: str | None) -> None:
    """Write a built graph for other tools: Neo4j, FalkorDB and Memgraph (CSVs and
    Cypher), JSON-LD, N-Triples, TriG/N-Quads (one named graph per source
    document), GraphML, Turtle.

    \b
    Examples:
      tipgraph export graph.ttl --to neo4j --out neo4j-import/
      tipgraph export graph.ttl --to trig --out graph.trig
      tipgraph export graph.ttl --to graphml --out graph.graphml
      tipgraph export - --to nt --out - < graph.ttl | sort | uniq | wc -l

    GRAPH_FILE may be - (standard input) or a .gz file. Outputs are sorted,
    so the same graph gives byte-identical files. Loading them into each
    store is described in docs/ (neo4j.md, falkordb-memgraph.md,
    oxigraph.md, virtuoso.md, fuseki.md, graphdb.md, gephi-cytoscape.md).
    """
    try:
        export_graph(graph_file, fmt, out, input_format, memgraph_dir)
    except TipgraphError as exc:
        raise click.ClickException(str(exc)) from None
    if not is_stdio(out):
        click.echo(f"wrote {out}", err=True)
