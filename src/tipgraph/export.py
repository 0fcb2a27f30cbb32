"""tipgraph export: write a built graph in other formats.

    tipgraph export GRAPH_FILE --to FORMAT --out PATH

Formats: ``ttl``, ``nt``, ``jsonld``, ``trig``, ``nquads``, ``graphml`` and
``neo4j`` (a folder). Every output is deterministic (sorted) and written
atomically: a file goes to a temporary file beside it and is renamed into
place; the neo4j folder is written to a temporary folder and renamed.
``--out -`` writes a single-file format to standard output; GRAPH_FILE
``-`` reads standard input (see tipgraph.streams).

Streaming
---------
No writer holds the graph. The file is parsed once into records sorted on
disk (runs of ``SORT_RUN_TRIPLES`` records, each sorted and pickled to a
temporary folder, merged as they are read) and written from passes over
them: ``nt`` and ``ttl`` in one; ``neo4j`` and ``graphml`` by subject in two
(the first gathers each property's type, the arrays, the array delimiter
and each label set's columns while it writes one record per node to disk,
the second writes the rows); ``jsonld`` makes each subject's node alone and
sorts the nodes on disk; ``trig`` and ``nquads`` find the documents, give
each subject's triples their graph, and join the ``tip:mention`` links with
their mention's document through one more sort. Memory holds a run, the
largest subject's triples and the tables that grow with the vocabulary
(predicates, label sets, relationship types, the class tree, the
documents), never every triple; the outputs are byte for byte those of the
earlier writers that held an rdflib graph of the whole file
(tests/test_export_stream.py).

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
import pickle
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

import click
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


SORT_RUN_TRIPLES = 50_000


def _line_runs(statements: Iterable, run: int, rdf_format) -> Iterator[list[str]]:
    """The lines of `statements` (triples or quads) in `rdf_format`, `run` at a time, each run sorted
    and distinct. Split on "\n" only: a literal may hold other line separators (U+2028, ...)."""
    chunk: list = []
    for statement in itertools.chain(statements, [None]):
        if statement is not None:
            chunk.append(statement)
            if len(chunk) < run:
                continue
        if chunk:
            data = ox.serialize(chunk, format=rdf_format).decode("utf-8")
            yield sorted({line for line in data.split("\n") if line.strip()})
            chunk = []


def _nt_line_runs(triples: Iterable[ox.Triple], run: int) -> Iterator[list[str]]:
    return _line_runs(triples, run, ox.RdfFormat.N_TRIPLES)


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
    _each_triple(graph_file, input_format, lambda triples: write_nt(triples, out, run))


def _each_triple(graph_file, input_format: str | None, consume):
    """`consume(triples)` over the file's pyoxigraph triples as the parser reads them (JSON-LD that
    pyoxigraph cannot read: parsed by rdflib, then converted)."""
    done = _parse_with_pyoxigraph(graph_file, input_format, lambda triples: consume(triples) or True)
    if done is None:
        graph = load_graph_input(graph_file, input_format)
        consume(ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)


_PARSE_BATCH = 10_000


def _parsed_records(records: Iterable[tuple], quads: bool) -> Iterator:
    """Records of N-Triples terms, (subject, predicate, object) or (graph, subject, predicate,
    object) with graph "" for the default graph, back as pyoxigraph triples or quads, in order."""
    fmt = ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES
    batch: list[str] = []
    for record in itertools.chain(records, [None]):
        if record is not None:
            if quads:
                g, s, p, o = record
                batch.append(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n")
            else:
                batch.append(f"{record[0]} {record[1]} {record[2]} .\n")
            if len(batch) < _PARSE_BATCH:
                continue
        if batch:
            yield from ox.parse(input="".join(batch).encode("utf-8"), format=fmt)
            batch = []


def _sorted_terms(graph_file, input_format: str | None, run: int) -> ExternalSort:
    """The file's distinct triples as (subject, predicate, object) N-Triples terms, sorted on disk."""
    terms = ExternalSort(run)

    def add(triples: Iterable[ox.Triple]) -> None:
        for t in triples:
            terms.add((str(t.subject), str(t.predicate), str(t.object)))

    try:
        _each_triple(graph_file, input_format, add)
    except BaseException:
        terms.close()
        raise
    return terms


_NT_TYPE, _NT_SUBCLASS = f"<{RDF.type}>", f"<{RDFS.subClassOf}>"
_NT_DOCUMENT, _NT_STATED_IN = f"<{TIP.document}>", f"<{TIP.statedIn}>"
_NT_MENTIONED_IN, _NT_MENTION = f"<{TIP.mentionedIn}>", f"<{TIP.mention}>"


def _partitioned(terms: ExternalSort, ontology: Graph | None, run: int) -> ExternalSort:
    """The quads of `partition`, as sorted (graph, subject, predicate, object) records, made from
    the subject-sorted terms in three passes: the documents, then each subject's triples (its
    owner: itself if a document, else its tip:document or tip:statedIn document), then the
    tip:mention links joined with their mention's owner through a sort on disk."""
    subclasses = Graph()
    for s, p, o in terms:
        if p == _NT_SUBCLASS and s.startswith("<") and o.startswith("<"):
            subclasses.add((URIRef(s[1:-1]), RDFS.subClassOf, URIRef(o[1:-1])))
    hierarchy = class_hierarchy(subclasses)
    doc_classes = {f"<{TIP[c]}>" for c, sup in hierarchy.items() if "Document" in sup} | {f"<{TIP.Document}>"}
    docs = {s for s, p, o in terms if p == _NT_TYPE and o in doc_classes and s.startswith("<")}
    ontology_name = f"<{ONTOLOGY_GRAPH}>"
    tip_subject = f"<{TIP}"
    quads = ExternalSort(run)
    try:
        with ExternalSort(run) as links:  # (mention, 0, owner) and (mention, 1, link triple, graph if unowned)
            for s, group in itertools.groupby(terms, key=lambda t: t[0]):
                pairs = [(p, o) for _s, p, o in group]
                owner = s if s in docs else None
                for link in (_NT_DOCUMENT, _NT_STATED_IN):
                    if owner is None:
                        owner = next((o for p, o in pairs if p == link and o in docs), None)
                if owner is not None:
                    links.add((s, 0, owner, "", "", ""))
                unowned = ontology_name if s.startswith(tip_subject) or s == ontology_name else ""
                for p, o in pairs:
                    if owner is not None:
                        quads.add((owner, s, p, o))
                    elif p == _NT_MENTIONED_IN and o in docs:
                        quads.add((o, s, p, o))
                    elif p == _NT_MENTION:
                        links.add((o, 1, s, p, o, unowned))
                    else:
                        quads.add((unowned, s, p, o))
            owner = None
            for key, group in itertools.groupby(links, key=lambda r: r[0]):
                owner = None
                for _key, flag, a, p, o, unowned in group:
                    if flag == 0:
                        owner = a
                    else:
                        quads.add((owner if owner is not None else unowned, a, p, o))
        if ontology is not None:
            for s, p, o in ontology:
                quads.add((ontology_name, str(to_ox(s)), str(to_ox(p)), str(to_ox(o))))
    except BaseException:
        quads.close()
        raise
    return quads


def write_nquads(graph_file, out, input_format: str | None = None, with_ontology: bool = True,
                 run: int = SORT_RUN_TRIPLES) -> None:
    """N-Quads, a named graph per document (see the module docstring), sorted by line, streamed."""
    with _sorted_terms(graph_file, input_format, run) as terms, \
            _partitioned(terms, ontology_graph() if with_ontology else None, run) as quads:
        lines = sorted_distinct_lines(_line_runs(_parsed_records(quads, True), run, ox.RdfFormat.N_QUADS))
        with output_stream(out) as handle:
            for line in lines:
                handle.write(line + "\n")


def write_trig(graph_file, out, input_format: str | None = None, with_ontology: bool = True,
               run: int = SORT_RUN_TRIPLES) -> None:
    """TriG, a named graph per document, sorted by graph, subject, predicate and object; the
    quads go to pyoxigraph's serializer as they come off the sort on disk."""
    # tipid: local names contain "/", which TriG would escape; keep full IRIs.
    prefixes = {p: ns for p, ns in PREFIXES.items() if p != "tipid"}
    with _sorted_terms(graph_file, input_format, run) as terms, \
            _partitioned(terms, ontology_graph() if with_ontology else None, run) as quads:
        with output_stream(out, "wb") as handle:
            ox.serialize(_parsed_records(quads, True), handle, ox.RdfFormat.TRIG, prefixes=prefixes)


def write_ttl(graph_file, out, input_format: str | None = None, run: int = SORT_RUN_TRIPLES) -> None:
    """Turtle sorted by subject, predicate and object, the triples going to pyoxigraph's
    serializer as they come off the sort on disk."""
    # pyoxigraph keeps every literal's lexical form ("5"^^xsd:decimal stays
    # "5"; rdflib's Turtle writer would print 5.0). Sorted, so the same graph
    # gives the same bytes; tipid: names contain "/", so they stay full IRIs.
    prefixes = {p: ns for p, ns in PREFIXES.items() if p != "tipid"}
    with _sorted_terms(graph_file, input_format, run) as terms:
        with output_stream(out, "wb") as handle:
            ox.serialize(_parsed_records(terms, False), handle, ox.RdfFormat.TURTLE, prefixes=prefixes)


# ---------------------------------------------------------------- streams sorted on disk
#
# The writers below never hold the graph: the parser's triples are sorted by subject in
# runs of SORT_RUN_TRIPLES records, pickled to temporary files and merged, so memory holds a
# run, one subject's triples and the tables that grow with the vocabulary (predicates, label
# sets, relationship types, the class tree), never every triple.

_PICKLE_BATCH = 500
# Runs merged at once; more are merged in rounds (each round's output is one run).
_MERGE_FAN_IN = 64


def _pickled_records(path: Path) -> Iterator[tuple]:
    with open(path, "rb") as handle:
        while True:
            try:
                batch = pickle.load(handle)
            except EOFError:
                return
            yield from batch


def _dump_records(records: list, handle) -> None:
    for start in range(0, len(records), _PICKLE_BATCH):
        pickle.dump(records[start:start + _PICKLE_BATCH], handle, protocol=pickle.HIGHEST_PROTOCOL)


class ExternalSort:
    """Records (tuples) sorted and distinct, at most `run` of them in memory: each full run is
    sorted and pickled to a temporary file, and the files are merged as they are read. Can
    be read more than once."""

    def __init__(self, run: int = SORT_RUN_TRIPLES, distinct: bool = True):
        self.run = max(1, run)
        self.distinct = distinct
        self._chunk: list = []
        self._paths: list[Path] = []
        self._folder: tempfile.TemporaryDirectory | None = None
        self._merges = 0
        self.added = 0

    def add(self, record: tuple) -> None:
        self._chunk.append(record)
        self.added += 1
        if len(self._chunk) >= self.run:
            self._spill()

    def _spill(self) -> None:
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="tipgraph-sort-")
        self._chunk.sort()
        path = Path(self._folder.name) / f"run-{len(self._paths):05d}"
        with open(path, "wb") as handle:
            _dump_records(self._chunk, handle)
        self._paths.append(path)
        self._chunk = []

    @property
    def spilled(self) -> int:
        """How many runs went to files (0: everything fitted in one run)."""
        return len(self._paths)

    def __iter__(self) -> Iterator[tuple]:
        if self._paths and self._chunk:
            self._spill()
        while len(self._paths) > _MERGE_FAN_IN:  # merged in rounds: open files and read buffers stay few
            first, self._paths = self._paths[:_MERGE_FAN_IN], self._paths[_MERGE_FAN_IN:]
            path = first[0].with_name(f"merged-{self._merges:05d}")
            self._merges += 1
            with open(path, "wb") as handle:
                batch = []
                for record in heapq.merge(*(_pickled_records(p) for p in first)):
                    batch.append(record)
                    if len(batch) >= _PICKLE_BATCH:
                        _dump_records(batch, handle)
                        batch = []
                _dump_records(batch, handle)
            for done in first:
                done.unlink()
            self._paths.append(path)
        if self._paths:
            merged = heapq.merge(*(_pickled_records(p) for p in self._paths))
        else:
            self._chunk.sort()
            merged = iter(self._chunk)
        if not self.distinct:
            yield from merged
            return
        previous = _NOTHING
        for record in merged:
            if record != previous:
                yield record
                previous = record

    def close(self) -> None:
        self._chunk = []
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def __enter__(self) -> ExternalSort:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_NOTHING = object()


class RecordFile:
    """Records written in order to a temporary file and read back in that order (more than once)."""

    def __init__(self):
        self._handle = tempfile.TemporaryFile(prefix="tipgraph-records-")
        self._batch: list = []

    def add(self, record) -> None:
        self._batch.append(record)
        if len(self._batch) >= _PICKLE_BATCH:
            pickle.dump(self._batch, self._handle, protocol=pickle.HIGHEST_PROTOCOL)
            self._batch = []

    def __iter__(self) -> Iterator:
        if self._batch:
            pickle.dump(self._batch, self._handle, protocol=pickle.HIGHEST_PROTOCOL)
            self._batch = []
        self._handle.flush()
        self._handle.seek(0)
        while True:
            try:
                batch = pickle.load(self._handle)
            except EOFError:
                break
            yield from batch
        self._handle.seek(0, io.SEEK_END)

    def close(self) -> None:
        self._handle.close()


# A triple as a sortable record of strings: (subject, subject kind, parse order, predicate,
# object kind, object, datatype, language); kinds are "u" (IRI), "b" (blank node), "l"
# (literal); the datatype is "" for a plain string (rdflib's Literal without datatype).
_XSD_STRING = str(XSD.string)
_RDF_TYPE = str(RDF.type)
_RDFS_SUBCLASS = str(RDFS.subClassOf)
_OWL_SAME_AS = str(OWL.sameAs)
_XSD_DATE = str(XSD.date)
_LIST_PREDICATES = {str(RDF.first), str(RDF.rest)}


def _ox_record(seq: int, triple: ox.Triple) -> tuple:
    s, o = triple.subject, triple.object
    kind = "b" if isinstance(s, ox.BlankNode) else "u"
    if isinstance(o, ox.Literal):
        language = o.language or ""
        datatype = "" if language or o.datatype.value == _XSD_STRING else o.datatype.value
        return (s.value, kind, seq, triple.predicate.value, "l", o.value, datatype, language)
    return (s.value, kind, seq, triple.predicate.value, "b" if isinstance(o, ox.BlankNode) else "u", o.value, "", "")


def _rdflib_record(seq: int, triple) -> tuple:
    s, p, o = triple
    kind = "b" if isinstance(s, BNode) else "u"
    if isinstance(o, Literal):
        return (str(s), kind, seq, str(p), "l", str(o), str(o.datatype) if o.datatype is not None else "",
                o.language or "")
    return (str(s), kind, seq, str(p), "b" if isinstance(o, BNode) else "u", str(o), "", "")


def _record_object(record: tuple):
    kind, value, datatype, language = record[4:8]
    if kind == "u":
        return URIRef(value)
    if kind == "b":
        return BNode(value)
    if language:
        return Literal(value, lang=language)
    return Literal(value, datatype=URIRef(datatype)) if datatype else Literal(value)


class GraphFacts:
    """What the writers need to know of the whole graph before its first subject is written:
    the predicates (property or relationship), the date-valued ones, the class tree and
    whether any RDF list occurs; gathered while the triples are sorted."""

    def __init__(self):
        self.property_predicates: set[str] = set()
        self.relationship_predicates: set[str] = set()
        self.date_predicates: set[str] = set()
        self.subclasses = Graph()
        self.lists = False
        self.triples = 0

    def note(self, record: tuple) -> None:
        self.triples += 1
        s_value, s_kind, _seq, p, o_kind, o_value, datatype, _language = record
        if p == _RDF_TYPE:
            if not (o_kind == "u" and o_value.startswith(_TIP)):
                self.property_predicates.add(p)
        elif o_kind == "l" or p == _OWL_SAME_AS:
            self.property_predicates.add(p)
            if o_kind == "l" and datatype == _XSD_DATE:
                self.date_predicates.add(p)
        else:
            self.relationship_predicates.add(p)
        if p == _RDFS_SUBCLASS and s_kind == "u" and o_kind == "u":
            self.subclasses.add((URIRef(s_value), RDFS.subClassOf, URIRef(o_value)))
        elif p in _LIST_PREDICATES:
            self.lists = True


_TIP = str(TIP)
_TERM_CACHE = 20_000


class SubjectStream:
    """A graph file's triples sorted by subject (then by the order they were read), on disk in
    runs; iterate `groups()` for each subject with its distinct (predicate, object) pairs as
    rdflib terms, in the order rdflib's store would give them."""

    def __init__(self, graph_file, input_format: str | None = None, run: int = SORT_RUN_TRIPLES):
        self.facts = GraphFacts()
        self.sorter = ExternalSort(run, distinct=False)
        try:
            done = _parse_with_pyoxigraph(graph_file, input_format, lambda triples: self._add(triples, _ox_record))
            if done is None:  # JSON-LD that pyoxigraph cannot read: rdflib parses it
                self._add(load_graph_input(graph_file, input_format), _rdflib_record)
        except BaseException:
            self.close()
            raise

    def _add(self, triples, record_of) -> bool:
        note, add = self.facts.note, self.sorter.add
        for seq, triple in enumerate(triples):
            record = record_of(seq, triple)
            note(record)
            add(record)
        return True

    def groups(self, with_names: bool = False) -> Iterator[tuple]:
        """(subject, pairs), or with_names (subject, pairs, the predicates' IRIs as str): comparing
        str is much cheaper than comparing rdflib terms."""
        predicates: dict[str, URIRef] = {}
        objects: dict[tuple, object] = {}  # terms that recur (classes, documents, flags), made once
        for (value, kind), records in itertools.groupby(self.sorter, key=lambda r: (r[0], r[1])):
            subject = BNode(value) if kind == "b" else URIRef(value)
            seen: set = set()
            pairs = []
            names = []
            for record in records:
                p = predicates.get(record[3])
                if p is None:
                    p = predicates[record[3]] = URIRef(record[3])
                key = record[4:8]
                o = objects.get(key)
                if o is None:
                    if len(objects) >= _TERM_CACHE:
                        objects.clear()
                    o = objects[key] = _record_object(record)
                pair = (p, o)
                if pair not in seen:
                    seen.add(pair)
                    pairs.append(pair)
                    names.append(record[3])
            yield (subject, pairs, names) if with_names else (subject, pairs)

    def close(self) -> None:
        self.sorter.close()

    def __enter__(self) -> SubjectStream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


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


class _SubjectView:
    """The little of an rdflib Graph that rdflib's JSON-LD converter asks about one subject
    (its predicate-object pairs; no RDF lists: a graph with lists goes through rdflib whole)."""

    def __init__(self, subject, pairs):
        self.subject = subject
        self.pairs = pairs

    def predicate_objects(self, subject):
        return self.pairs if subject == self.subject else []

    def value(self, subject=None, predicate=None, object=None, default=None, any=True):
        return default


def _jsonld_round_trip(node):
    """A node as rdflib's serializer writes it and json.loads reads it back (orjson when present)."""
    from rdflib.plugins.serializers import jsonld as rdflib_jsonld

    if rdflib_jsonld._HAS_ORJSON:
        return json.loads(rdflib_jsonld.orjson.dumps(node, option=rdflib_jsonld.orjson.OPT_NON_STR_KEYS))
    return json.loads(json.dumps(node, ensure_ascii=False))


def _jsonld_nodes(stream: SubjectStream, context: dict[str, str]) -> Iterator[dict]:
    """Each subject's node object as rdflib's JSON-LD serializer makes it (flattened, with the
    context's prefixes), then compacted as _compact_ids does; then an empty node for each
    blank node that is only an object (rdflib makes one)."""
    from rdflib.plugins.serializers.jsonld import Converter
    from rdflib.plugins.shared.jsonld.context import Context

    converter = Converter(Context(context), (False,), False)  # what Graph.serialize(format="json-ld") passes
    blank_subjects: set[str] = set()
    blank_objects: set[str] = set()
    for subject, pairs in stream.groups():
        node = converter.process_subject(_SubjectView(subject, pairs), subject, {})
        if isinstance(subject, BNode):
            blank_subjects.add(str(subject))
        blank_objects.update(str(o) for _p, o in pairs if isinstance(o, BNode))
        yield _compact_ids(_jsonld_round_trip(node), context)
    for blank in sorted(blank_objects - blank_subjects):
        yield {"@id": BNode(blank).n3()}


JSONLD_RUN_DIVISOR = 10


def write_jsonld(graph_file, out, input_format: str | None = None, run: int = SORT_RUN_TRIPLES) -> None:
    """JSON-LD as rdflib writes it with our context, nodes sorted by their JSON text, streamed:
    every subject's node is made alone and the nodes are sorted on disk."""
    context = jsonld_context()
    with SubjectStream(graph_file, input_format, run) as stream:
        if stream.facts.lists:  # rdflib folds RDF lists into their subject's node: needs the graph
            graph = Graph()
            for subject, pairs in stream.groups():
                for p, o in pairs:
                    graph.add((subject, p, o))
            _write_jsonld_graph(graph, out, context)
            return
        # A node's record is its JSON text (the sort key), far larger than a triple's: fewer per run.
        with ExternalSort(max(1, run // JSONLD_RUN_DIVISOR)) as nodes:
            for node in _jsonld_nodes(stream, context):
                nodes.add((json.dumps(node, sort_keys=True, ensure_ascii=False),))
            if nodes.added == 1:  # rdflib writes a one-node graph as that node, with the context in it
                (key,), = nodes
                node = json.loads(key)
                node["@context"] = context
                texts: Iterable[str] = [json.dumps(node, indent=2, sort_keys=True, ensure_ascii=False)]
            else:
                texts = (json.dumps(json.loads(key), indent=2, sort_keys=True, ensure_ascii=False) for key, in nodes)
            head = json.dumps({"@context": context}, indent=2, sort_keys=True, ensure_ascii=False)[:-2]
            with output_stream(out) as handle:
                handle.write(head + ",\n  \"@graph\": [")
                first = True
                for text in texts:
                    handle.write(("\n    " if first else ",\n    ") + text.replace("\n", "\n    "))
                    first = False
                handle.write("\n  ]\n}\n" if not first else "]\n}\n")


def _write_jsonld_graph(graph: Graph, out, context: dict[str, str]) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=False)
    text = graph.serialize(format="json-ld", context=context, auto_compact=False)
    data = json.loads(text)
    if isinstance(data, list):
        data = {"@graph": data}
    data = {"@context": context, "@graph": data.get("@graph", [data] if "@id" in data else [])}
    data = _compact_ids(data, context)
    with output_stream(out) as handle:
        handle.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- property graph (Neo4j, GraphML)

INT_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
             XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger, XSD.unsignedInt,
             XSD.unsignedLong, XSD.unsignedShort}
FLOAT_TYPES = {XSD.decimal, XSD.double, XSD.float}
ARRAY_DELIMITERS = (";", "|", "¦", "¬")
PARTIAL_DATE_TYPES = {XSD.gYear, XSD.gYearMonth}
SCHEMA_RANGE_INCLUDES = URIRef("https://schema.org/rangeIncludes")


def _names(predicates: Iterable[URIRef], style) -> dict[URIRef, str]:
    """Predicate -> its local name in `style`; when two share one, the tip: predicate keeps it
    and the others get their prefix."""
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


def _kind(value) -> str:
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


def _value(text: str, base: str) -> str:
    if base == "long":
        return str(int(text))
    if base == "double":
        return repr(float(text))
    if base == "boolean":
        return "true" if text in ("true", "1") else "false"
    return text


class NodeRecord(NamedTuple):
    """One subject as the property-graph writers need it, written to disk between passes."""

    uri: str
    labels: tuple[str, ...]
    props: dict[str, list[str]]   # property key -> its values' texts
    label: str                    # rdfs:label, else a mention's anchor text (GraphML)
    cls: str                      # most specific tip: class, or ""
    typed: bool                   # has an rdf:type (a GraphML node even without edges)
    rels: list[tuple[str, str]]   # (predicate, object) IRIs of every triple with an IRI or blank object


class PropertyGraph:
    """The property-graph view of an RDF graph (nodes with labels and typed properties,
    relationships), made in two passes over a SubjectStream: the first writes one NodeRecord
    per subject to a temporary file and gathers the global choices (property types, arrays,
    the array delimiter, each label set's columns); the writers read the records in a second
    pass, merged with the relationships' objects that are no subject (nodes with the label
    Resource only)."""

    def __init__(self, stream: SubjectStream, ontology: Graph | None = None, run: int = SORT_RUN_TRIPLES):
        ontology = ontology if ontology is not None else Graph()
        facts = stream.facts
        self.hierarchy = class_hierarchy(facts.subclasses, ontology)
        prop_names = _names((URIRef(p) for p in facts.property_predicates), safe_key)
        if RDF.type in prop_names:
            prop_names[RDF.type] = "rdfType"
        self.rel_names = {str(p): name for p, name in
                          _names((URIRef(p) for p in facts.relationship_predicates), upper_snake).items()}
        for p, name in list(prop_names.items()):
            if name == "uri":
                prop_names[p] = f"{prefix_of(str(p)) or 'ns'}_{name}"
        date_predicates = {URIRef(p) for p in facts.date_predicates}
        for link in (RDFS.range, SCHEMA_RANGE_INCLUDES):
            date_predicates |= {p for p in ontology.subjects(link, XSD.date) if isinstance(p, URIRef)}
        self.prop_names = prop_names
        self.partial_date_keys: dict[str, str] = {}
        self.records = RecordFile()
        self.objects = ExternalSort(run)
        self.group_keys: dict[tuple[str, ...], set[str]] = defaultdict(set)
        kinds: dict[str, set[str]] = defaultdict(set)
        multi: set[str] = set()
        delimiters_in: dict[str, set[str]] = defaultdict(set)
        tip = str(TIP)
        key_of = {str(p): name for p, name in prop_names.items()}
        date_names = {str(p) for p in date_predicates}
        rdf_type, same_as, label_predicate, anchor_predicate = _RDF_TYPE, _OWL_SAME_AS, str(RDFS.label), str(TIP.anchorText)
        kind_of: dict[tuple, str] = {}
        for subject, pairs, names in stream.groups(with_names=True):
            props: dict[str, list] = defaultdict(list)
            types: set[str] = set()
            rels = []
            label = anchor = None
            typed = False
            for (_p, o), p in zip(pairs, names):
                if p == rdf_type:
                    typed = True
                    if isinstance(o, URIRef) and str(o).startswith(tip):
                        types.add(str(o)[len(tip):])
                        continue
                elif p != same_as and not isinstance(o, Literal):
                    rels.append((p, str(o)))
                    self.objects.add((str(o),))
                key = key_of.get(p)
                if key is not None:
                    if p in date_names and isinstance(o, Literal) and o.datatype in PARTIAL_DATE_TYPES:
                        # A year or a month is not a Neo4j date: it keeps its own string property,
                        # so that the full dates stay typed (date:date, datePartial:string).
                        self.partial_date_keys[key] = f"{key}Partial"
                        key = self.partial_date_keys[key]
                    props[key].append(o)
                if p == label_predicate and label is None:
                    label = o
                elif p == anchor_predicate and anchor is None:
                    anchor = o
            texts = {}
            for key, values in props.items():
                if len(values) > 1 and len(set(values)) > 1:
                    multi.add(key)
                found, key_kinds = delimiters_in[key], kinds[key]
                for v in values:
                    text = str(v)
                    memo = (text, str(v.datatype)) if isinstance(v, Literal) else None
                    kind = kind_of.get(memo) if memo is not None else "string"
                    if kind is None:
                        if len(kind_of) >= _TERM_CACHE:
                            kind_of.clear()
                        kind = kind_of[memo] = _kind(v)
                    key_kinds.add(kind)
                    found.update(d for d in ARRAY_DELIMITERS if d in text)
                texts[key] = [str(v) for v in values]
            primary = most_specific(types, self.hierarchy)
            if primary is None:
                labels = (RESOURCE_LABEL,)
            else:
                extra = set(types) | set().union(*(self.hierarchy.get(t, set()) for t in types))
                extra.discard(primary)
                labels = (primary, *sorted(extra), RESOURCE_LABEL)
            self.group_keys[labels].update(texts)
            self.records.add(NodeRecord(str(subject), labels, texts, str(label or anchor or ""), primary or "",
                                        typed, rels))

        # property types and arrays, globally per key
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
        used = set().union(*(delimiters_in[k] for k in multi)) if multi else set()
        self.delimiter = next((d for d in ARRAY_DELIMITERS if d not in used), None)
        if self.delimiter is None:
            raise TipgraphError("cannot choose an array delimiter: every candidate (; | ¦ ¬) occurs in a value")

    def nodes(self) -> Iterator[tuple[str, NodeRecord | None, bool]]:
        """(uri, record or None, whether it is a relationship's object) for every node, by uri:
        the subjects' records merged with the objects that are no subject."""
        objects = (o for (o,) in self.objects)
        pending = next(objects, None)
        for record in self.records:
            while pending is not None and pending < record.uri:
                yield pending, None, True
                pending = next(objects, None)
            is_object = pending == record.uri
            if is_object:
                pending = next(objects, None)
            yield record.uri, record, is_object
        while pending is not None:
            yield pending, None, True
            pending = next(objects, None)

    def row_values(self, record: NodeRecord | None, keys: list[str]) -> list[str]:
        values = record.props if record is not None else {}
        row = []
        for k in keys:
            ptype = self.prop_types[k]
            base = ptype.removesuffix("[]")
            vals = sorted({_value(v, base) for v in values.get(k, [])})
            if ptype.endswith("[]"):
                row.append(self.delimiter.join(vals))
            else:
                row.append(vals[0] if vals else "")
        return row

    def stems(self) -> dict[tuple[str, ...], str]:
        """Label set -> its node file's stem."""
        groups = set(self.group_keys) | {(RESOURCE_LABEL,)}
        standard: dict[str, tuple] = {}
        for labels in sorted(groups, key=lambda ls: (len(ls), ls)):
            standard.setdefault(labels[0], labels)
        stems = {}
        for labels in groups:
            stem = f"nodes_{labels[0]}"
            if standard[labels[0]] != labels:
                stem += "__" + "_".join(labels[1:-1])
            stems[labels] = stem
        return stems

    def close(self) -> None:
        self.records.close()
        self.objects.close()


# ---------------------------------------------------------------- GraphML


GRAPHML_RESERVED = ("class", "iri")


def _graphml_attributes(tables: PropertyGraph, uri: str, record: NodeRecord | None) -> dict:
    """A node's GraphML attributes: every literal property under its Neo4j name, typed, then
    label, class and iri."""
    attributes: dict = {}
    if record is not None:
        for key, values in sorted(record.props.items()):
            if key == "label":  # rdfs:label is the node's label attribute
                continue
            ptype = tables.prop_types[key]
            base = ptype.removesuffix("[]")
            texts = sorted({_value(v, base) for v in values})
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
    attributes.update({"label": record.label if record is not None else "",
                       "class": record.cls if record is not None else "", "iri": uri})
    return attributes


def _graphml_nodes(tables: PropertyGraph) -> Iterator[tuple[str, NodeRecord | None]]:
    for uri, record, is_object in tables.nodes():
        if is_object or (record is not None and (record.typed or record.rels)):
            yield uri, record


def _graphml_edges(record: NodeRecord) -> list[tuple[str, str, str]]:
    """A node's out-edges (target, property, iri) in the order networkx's MultiDiGraph gives
    them: edges added sorted by (predicate, object), read back by target in the order each
    target was first added, then by key."""
    by_target: dict[str, dict[str, str]] = {}
    for p, o in sorted(set(record.rels), key=lambda e: (str(e[0]), e[1])):
        name = prefix_of(str(p))
        prop = f"{name}:{str(p)[len(PREFIXES[name]):]}" if name else str(p)
        by_target.setdefault(o, {})[prop] = str(p)
    return [(o, prop, iri) for o, keys in by_target.items() for prop, iri in keys.items()]


class _StreamedGraph:
    """The few methods networkx's GraphML writer calls on a MultiDiGraph, answered from a
    PropertyGraph's records on disk (read again on every call): the writer (lxml's, which writes
    as it goes) gets the nodes and edges networkx's graph would give, in the same order, without
    a graph in memory."""

    def __init__(self, tables: PropertyGraph):
        self.tables = tables
        self.graph = {"arrayDelimiter": tables.delimiter}

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def nodes(self, data: bool = False):
        for uri, record in _graphml_nodes(self.tables):
            yield (uri, _graphml_attributes(self.tables, uri, record)) if data else uri

    def edges(self, keys: bool = False, data: bool = False):
        for record in self.tables.records:
            if record.rels:
                for target, prop, iri in _graphml_edges(record):
                    yield (record.uri, target, prop, {"property": prop, "iri": iri})


def write_graphml(graph_file, out, input_format: str | None = None, run: int = SORT_RUN_TRIPLES) -> None:
    """Resources as nodes, every triple with an IRI object as an edge, written by networkx's
    GraphML writer from records on disk (see _StreamedGraph).

    Nodes carry label (rdfs:label, else a mention's anchor text), class (the
    most specific tip: class) and iri, and every other literal property under
    its Neo4j export name (see PropertyGraph), typed: integers as long, decimals as
    double, booleans as boolean, everything else (dates too) as string; a
    property with several values on any node is one string joined with the
    export's array delimiter (graph attribute arrayDelimiter). Edges carry
    property (the prefixed predicate) and iri (the predicate's IRI).
    """
    import networkx as nx

    with SubjectStream(graph_file, input_format, run) as stream:
        tables = PropertyGraph(stream, ontology_graph(), run)
        try:
            with output_stream(out, "wb") as handle:
                nx.write_graphml(_StreamedGraph(tables), handle, encoding="utf-8", prettyprint=True)
        finally:
            tables.close()


# ---------------------------------------------------------------- Neo4j


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


def load_cypher(tables: PropertyGraph, node_files: dict, rel_files: dict, dialect: str = "neo4j",
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


def import_sh(tables: PropertyGraph, node_files: dict, rel_files: dict) -> str:
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


def write_neo4j(graph_file, out: Path, memgraph_dir: str = MEMGRAPH_IMPORT_DIR, input_format: str | None = None,
                run: int = SORT_RUN_TRIPLES) -> None:
    """The Neo4j folder, streamed: the graph is read once into subject-sorted runs on disk,
    each node and relationship file is written row by row in a second pass."""
    if is_stdio(out):
        raise TipgraphError("--to neo4j writes a folder; give a folder to --out, not -")
    with SubjectStream(graph_file, input_format, run) as stream:
        tables = PropertyGraph(stream, ontology_graph(), run)
        try:
            _replace_folder(out, lambda folder: _write_neo4j_folder(tables, folder, memgraph_dir))
        finally:
            tables.close()


def _write_neo4j_folder(tables: PropertyGraph, folder: Path, memgraph_dir: str) -> None:
    stems = tables.stems()
    node_files: dict[str, tuple] = {}
    rel_files: dict[str, tuple] = {}
    handles: dict[str, tuple] = {}  # stem -> (file, csv writer)
    keys_of: dict[tuple, list[str]] = {}

    def writer_for(stem: str, header: list[str]):
        if stem not in handles:
            handle = open(folder / f"{stem}.csv", "w", encoding="utf-8", newline="")
            rows = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            rows.writerow(header)
            handles[stem] = (handle, rows)
        return handles[stem][1]

    try:
        for uri, record, _is_object in tables.nodes():
            labels = record.labels if record is not None else (RESOURCE_LABEL,)
            stem = stems[labels]
            if labels not in keys_of:
                keys_of[labels] = sorted(tables.group_keys.get(labels, ()))
                header = ["uri:ID", ":LABEL"] + [f"{k}:{tables.prop_types[k]}" for k in keys_of[labels]]
                node_files[stem] = (header, None, list(labels))
            writer_for(stem, node_files[stem][0]).writerow(
                [uri, tables.delimiter.join(labels), *tables.row_values(record, keys_of[labels])])
            if record is not None and record.rels:
                for rtype, target in sorted({(tables.rel_names[p], o) for p, o in record.rels}):
                    stem = f"relationships_{rtype}"
                    rel_files.setdefault(stem, ([":START_ID", ":END_ID", ":TYPE"], None, rtype))
                    writer_for(stem, rel_files[stem][0]).writerow([uri, target, rtype])
    finally:
        for handle, _rows in handles.values():
            handle.close()
    node_files = dict(sorted(node_files.items()))
    rel_files = {stem: rel_files[stem] for stem in sorted(rel_files, key=lambda s: rel_files[s][2])}
    for dialect, file_name in CYPHER_FILES.items():
        text = load_cypher(tables, node_files, rel_files, dialect, memgraph_dir)
        (folder / file_name).write_text(text, encoding="utf-8")
    script = folder / "import.sh"
    script.write_text(import_sh(tables, node_files, rel_files), encoding="utf-8")
    script.chmod(0o755)


# ---------------------------------------------------------------- command

# Every writer reads the graph file itself, as a stream sorted on disk.
STREAM_WRITERS = {
    "nt": stream_nt,
    "jsonld": write_jsonld,
    "graphml": write_graphml,
    "nquads": write_nquads,
    "trig": write_trig,
    "ttl": write_ttl,
}
WRITERS = {**STREAM_WRITERS, "neo4j": write_neo4j}


def export_graph(graph_file: str | Path, fmt: str, out: str | Path, input_format: str | None = None,
                 memgraph_dir: str = MEMGRAPH_IMPORT_DIR) -> None:
    if fmt not in WRITERS:
        raise TipgraphError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    target = out if is_stdio(out) else Path(out)
    if fmt == "neo4j":
        if is_stdio(out):
            raise TipgraphError("--to neo4j writes a folder; give a folder to --out, not -")
        write_neo4j(graph_file, Path(out), memgraph_dir, input_format)
    else:
        STREAM_WRITERS[fmt](graph_file, target, input_format)


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
