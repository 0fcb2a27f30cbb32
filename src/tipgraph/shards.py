"""The corpus's graph made document by document, without holding it whole.

Most of the graph belongs to one document: its node, its claims and its
mentions (subjects under `tipid:doc/<d>`, `tipid:claim/<d>/`,
`tipid:mention/<d>/`). That part, a document's *shard*, depends only on the
document's extraction and on what resolution decided about the names in it
(the IRIs its references resolve to, the rule names, the claims its claims
quote). The rest, the *global* part, is few subjects: the entities (their
labels, classes, relations and the `tip:mention` / `tip:mentionedIn` links
every document adds), the rules and the dated memberships.

`CorpusGraph.materialise` makes the shards one after the other and:

- writes each shard's Turtle blocks to a spool file (Turtle sorts subjects,
  and a shard's claims, its document node and its mentions each make one
  unbroken run of that order, since a document's segment holds no `/`), so
  `write_turtle` writes the same bytes as `turtle.write_turtle` of the whole
  graph, by merging runs and the global blocks, without the whole graph in
  memory;
- validates in units (tipgraph.validate.UnitValidator): each shard, and each
  global subject, with the few triples outside it that the shapes read
  (incoming links that make it a target, the mentions' documents for the
  entity shape's path); results are cached by the unit's content, so an
  unchanged document is not validated again;
- keeps, for the HTML page, only the triples render.py reads (`view`).
"""
from __future__ import annotations

import functools
import hashlib
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import IO, Callable, Iterator, TextIO

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from tipgraph.graph import GraphBuilder, RuleNames, claim_iri, quote_links
from tipgraph.graphio import TipgraphError
from tipgraph.model import Extraction
from tipgraph.namespaces import PREFIXES, TIP, TIPID, iri_segment
from tipgraph.resolve import Entity, Resolver
from tipgraph.turtle import TurtleWriter

# What a shard is made by, besides its extraction and resolution's answers (recorded with it).
GRAPH_MODULES = ("graph", "shards", "turtle", "namespaces", "resolve", "model")


@functools.lru_cache(maxsize=1)
def graph_version() -> str:
    from pathlib import Path

    from tipgraph.cache import pipeline_version

    digest = hashlib.sha256(pipeline_version().encode())
    package = Path(__file__).resolve().parent
    for name in GRAPH_MODULES:
        digest.update((package / f"{name}.py").read_bytes())
    return digest.hexdigest()

Triple = tuple  # (subject, predicate, object) rdflib terms

_ID = str(TIPID)
_TYPE = RDF.type
_QUOTES, _TEXT_FILE, _SOURCE_FILE = TIP.quotes, TIP.textFile, TIP.sourceFile
_OWN_NODES = (_ID + "mention/", _ID + "claim/")  # one document's nodes: not worth remembering
_DOC_LOCAL = re.compile(r"doc/([^/]*)$|(?:claim|mention)/([^/]*)/")  # a document's node, its claims, its mentions


TEXT_FOLDER = "text"


def text_file_name(doc_id: str) -> str:
    """The file, relative to the output folder, holding a document's text."""
    return f"{TEXT_FOLDER}/{iri_segment(doc_id)}.txt"


class _Collect(list):
    add = list.append


class _Everything:
    def __contains__(self, item) -> bool:
        return True

    def add(self, item) -> None:
        pass


_EVERY_RULE = _Everything()


class _Recording:
    """The resolver, noting each lookup's answer, so a cached shard can check them again."""

    def __init__(self, resolver: Resolver, record: list):
        self._resolver = resolver
        self._record = record

    def lookup(self, reference, doc_id):
        entity = self._resolver.lookup(reference, doc_id)
        self._record.append(("lookup", reference, doc_id, entity.local_id if entity is not None else None))
        return entity

    def __getattr__(self, name):
        return getattr(self._resolver, name)


class _RecordingRules:
    def __init__(self, rules: RuleNames, record: list):
        self._rules = rules
        self._record = record
        self.rule = rules.rule

    def fired(self, rule, evidence):
        iri = self._rules.fired(rule, evidence)
        self._record.append(("rule", rule, evidence, str(iri)))
        return iri


@dataclass
class _Run:
    """Consecutive Turtle blocks of one shard in the spool, first and last subject as written."""

    first: str
    last: str
    offset: int
    length: int


@dataclass
class Shard:
    index: int
    owned: list[Triple]  # subjects in the document's namespace
    foreign: list[Triple]  # entities, rules, memberships: the global part


@dataclass
class CorpusGraph:
    extractions: list[Extraction]
    resolver: Resolver
    added: list[Triple] = field(default_factory=list)  # triples added after the fact (.add)

    def __post_init__(self) -> None:
        self.rules = RuleNames(self.extractions)
        self.quotes = quote_links(self.extractions, self.resolver)
        self.quoted_by: dict[URIRef, set[URIRef]] = defaultdict(set)
        for source, targets in self.quotes.items():
            for target in targets:
                self.quoted_by[target].add(source)
        self._segment = {iri_segment(ex.document.doc_id): i for i, ex in enumerate(self.extractions)}
        self._quotes_in: dict[int | None, list] = defaultdict(list)  # document -> its claims' quotes
        for source in sorted(self.quotes):
            self._quotes_in[self.unit_of(source)].append((str(source), sorted(map(str, self.quotes[source]))))
        # each document's (entity, mention) pairs, in the entities' order (as resolution attached them)
        self._mentions: dict[str, list[tuple[Entity, list]]] = defaultdict(list)
        for local_id in sorted(self.resolver.entities):
            entity = self.resolver.entities[local_id]
            by_doc: dict[str, list] = {}
            for doc_id, mention in entity.mentions:
                by_doc.setdefault(doc_id, []).append(mention)
            for doc_id, mentions in by_doc.items():
                self._mentions[doc_id].append((entity, mentions))
        self.writer = TurtleWriter(PREFIXES)
        self.triples_count = 0
        self.classes: Counter = Counter()
        self.view = None
        self.validation = None
        self._runs: list[_Run] = []
        self._global_blocks: list[tuple[str, str]] = []
        self._spool: IO[bytes] | None = None
        self._iris: dict[str, URIRef] = {}  # predicates and entities, as cached shards name them
        self._spooled = 0

    # ------------------------------------------------------------ ownership

    def unit_of(self, term) -> int | None:
        """The index of the document whose shard holds `term` as a subject, None for the global part."""
        if not isinstance(term, URIRef) or not term.startswith(_ID):
            return None
        match = _DOC_LOCAL.match(term, len(_ID))
        if match is None:
            return None
        return self._segment.get(match.group(1) if match.group(1) is not None else match.group(2))

    # ------------------------------------------------------------ making triples

    def _builder(self, sink) -> GraphBuilder:
        builder = GraphBuilder(self.resolver, sink, self.rules)
        builder._rules_described = _EVERY_RULE  # the rules are described once, in the global part
        return builder

    def entity_triples(self) -> list[Triple]:
        """The global part but for what documents add: entities' classes, labels and gazetteer
        relations, and the rules (each described once, as GraphBuilder describes a rule it meets)."""
        sink = _Collect()
        builder = GraphBuilder(self.resolver, sink, self.rules)
        for local_id in sorted(self.resolver.entities):
            entity = self.resolver.entities[local_id]
            if entity.mentions:
                builder.entity(entity)
                builder.known_relations(entity)
        fired = {
            (rule, evidence)
            for ex in self.extractions for claim in ex.claims
            for rule, evidence in ((claim.class_rule, claim.class_evidence), (claim.claimant_rule, claim.claimant_evidence))
            if rule
        }
        for rule, evidence in sorted(fired, key=lambda pair: (pair[0], pair[1] or "")):
            builder._describe_rule(rule, evidence)
        return sink

    def shard(self, index: int, builder: GraphBuilder | None = None, record: list | None = None) -> Shard:
        """Document `index`'s triples: its own (owned) and those it adds to the global part.
        `record` collects what it asked resolution (tipgraph.shards._Recording)."""
        sink = _Collect()
        if builder is None:
            builder = self._builder(sink)
        else:
            builder.graph = sink
        builder.resolver = _Recording(self.resolver, record) if record is not None else self.resolver
        builder.rules = _RecordingRules(self.rules, record) if record is not None else self.rules
        ex = self.extractions[index]
        doc_id = ex.document.doc_id
        for entity, mentions in self._mentions.get(doc_id, ()):
            builder.mentions(entity, doc_id, mentions, ex.document.text)
        node = builder.document(ex)
        builder.relations(ex)
        builder.claims(ex)
        for claim in ex.claims:
            source = claim_iri(doc_id, claim)
            for target in sorted(self.quotes.get(source, ())):
                sink.add((source, _QUOTES, target))
        sink.add((node, _TEXT_FILE, Literal(text_file_name(doc_id))))
        for source_file in ex.document.source_files:
            sink.add((node, _SOURCE_FILE, Literal(source_file)))
        owned: list[Triple] = []
        foreign: list[Triple] = []
        units: dict = {}  # a subject has several triples: found once
        for triple in sink:
            subject = triple[0]
            unit = units[subject] if subject in units else units.setdefault(subject, self.unit_of(subject))
            if unit == index:
                owned.append(triple)
            elif unit is None:
                foreign.append(triple)
            else:
                raise TipgraphError(
                    f"{ex.document.source_file}: internal error: a statement about another document ({triple[0]})"
                )
        for triple in self.added:
            unit = self.unit_of(triple[0])
            if unit == index:
                owned.append(triple)
        return Shard(index, owned, foreign)

    def triples(self) -> Iterator[Triple]:
        """Every triple of the graph (some more than once)."""
        yield from self.entity_triples()
        builder = self._builder(_Collect())
        for index in range(len(self.extractions)):
            shard = self.shard(index, builder)
            yield from shard.owned
            yield from shard.foreign
        for triple in self.added:
            if self.unit_of(triple[0]) is None:
                yield triple

    # the part of rdflib's Graph interface callers use before materialise
    def add(self, triple: Triple) -> None:
        self.added.append(triple)

    def subjects(self, predicate=None, obj=None) -> Iterator:
        seen = set()
        for s, p, o in self.triples():
            if (predicate is None or p == predicate) and (obj is None or o == obj) and s not in seen:
                seen.add(s)
                yield s

    def to_rdflib(self):
        from rdflib import Graph

        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True)
        for triple in self.triples():
            graph.add(triple)
        return graph

    # ------------------------------------------------------------ the one pass

    def materialise(
        self,
        spool: IO[bytes],
        *,
        validator=None,
        view=None,
        shard_cache=None,
        progress: Callable[[], None] | None = None,
    ) -> None:
        """Make every shard once: spool its Turtle, validate it (with `validator`), feed `view`.
        With a `shard_cache` (tipgraph.cache.ResultCache), a document whose extraction and
        whose answers from resolution are those of a previous build takes its shard from there."""
        self._spool = spool
        self.view = view
        term = self.writer.term
        global_store: dict = defaultdict(set)  # subject -> {(p, o)}
        for s, p, o in self.entity_triples():
            global_store[s].add((p, o))
        builder = self._builder(_Collect())
        if self.added:
            shard_cache = None  # triples put in by hand are no document's own
        for index in range(len(self.extractions)):
            found = self._cached(index, shard_cache) if shard_cache is not None else None
            if found is None:
                record: list = []
                shard = self.shard(index, builder, record)
                blocks = []
                by_subject: dict = defaultdict(list)
                for s, p, o in shard.owned:
                    by_subject[s].append((p, o))
                for s, pairs in by_subject.items():
                    subject = term(s)
                    written = {(str(p), term(o)) for p, o in pairs}
                    blocks.append((subject, self.writer.block(subject, written), len(written)))
                blocks.sort()
                turtle, runs = _runs(blocks)
                count = sum(n for _, _, n in blocks)
                classes = Counter(str(cls) for pairs in by_subject.values() for cls in {o for p, o in pairs if p == _TYPE})
                if shard_cache is not None:
                    self._store(index, shard_cache, shard, (turtle, runs, count, dict(classes)), record)
            else:
                shard, (turtle, runs, count, classes) = found
                by_subject = defaultdict(list)
                for s, p, o in shard.owned:
                    by_subject[s].append((p, o))
            for s, p, o in shard.foreign:
                global_store[s].add((p, o))
            self._spool_runs(turtle, runs)
            self.triples_count += count
            self.classes.update(classes)
            if validator is not None:
                validator.document(self, shard, by_subject, turtle.decode("utf-8"))
            if view is not None:
                view.add_all(shard.owned)
                view.add_all(shard.foreign)
            if progress is not None:
                progress()
        for triple in self.added:
            if self.unit_of(triple[0]) is None:
                global_store[triple[0]].add(triple[1:])
        for s in global_store:
            pairs = {(str(p), term(o)) for p, o in global_store[s]}
            self._global_blocks.append((term(s), self.writer.block(term(s), pairs)))
            self.triples_count += len(pairs)
            for cls in {o for p, o in global_store[s] if p == _TYPE}:
                self.classes[str(cls)] += 1
        self._global_blocks.sort()
        if view is not None:
            for s, pairs in global_store.items():
                view.add_all((s, p, o) for p, o in pairs)
        if validator is not None:
            validator.global_part(self, global_store, dict(self._global_blocks))
        del global_store

    def release_inputs(self) -> None:
        """Forget the extractions, resolution and what was derived from them, once every shard
        is made and validated: writing the Turtle needs only the spool and the global blocks, and
        the page its view. (The largest part of a build's memory at 10,000 documents, held while
        the page is made and the store loaded; the caller must not hold the extractions either.)"""
        self.extractions = []
        self.resolver = None
        self.rules = None
        self.quotes = {}
        self.quoted_by = defaultdict(set)
        self._segment = {}
        self._quotes_in = defaultdict(list)
        self._mentions = defaultdict(list)
        self._iris = {}

    # ------------------------------------------------------------ cached shards

    def _shard_key(self, index: int) -> str:
        ex = self.extractions[index]
        document = ex.document
        digest = hashlib.sha256(graph_version().encode())
        for part in (document.doc_id, document.source_file, repr(document.source_files),
                     hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest(),
                     repr(ex.info), repr(ex.relations), repr(ex.claims), self._mention_digest(index)):
            encoded = part.encode("utf-8", "surrogatepass")
            digest.update(f"{len(encoded)}\0".encode())
            digest.update(encoded)
        return digest.hexdigest()

    def _mention_digest(self, index: int) -> str:
        """What resolution made of the document's mentions: which entity, at which offsets."""
        doc_id = self.extractions[index].document.doc_id
        parts = [(entity.local_id, [(m.span, m.sentence) for m in mentions]) for entity, mentions in self._mentions.get(doc_id, ())]
        return repr((parts, self._quotes_in.get(index, [])))

    def _still_true(self, record: list) -> bool:
        for entry in record:
            if entry[0] == "lookup":
                _, reference, doc_id, local_id = entry
                entity = self.resolver.lookup(reference, doc_id)
                if (entity.local_id if entity is not None else None) != local_id:
                    return False
            elif entry[0] == "rule":
                _, rule, evidence, iri = entry
                try:
                    if str(self.rules.fired(rule, evidence)) != iri:
                        return False
                except KeyError:
                    return False
        return True

    def _cached(self, index: int, cache):
        found = cache.get(self._shard_key(index))
        if found is None:
            return None
        record, owned, foreign, written = found
        if not self._still_true(record):
            return None
        own: dict[str, URIRef] = {}
        return Shard(index, self._decode(owned, own), self._decode(foreign, own)), written

    def _store(self, index: int, cache, shard: Shard, written: tuple, record: list) -> None:
        record = list(dict.fromkeys(record))  # each answer checked once (a name is looked up many times)
        cache.put(self._shard_key(index), (record, _encode(shard.owned), _encode(shard.foreign), written))

    def _decode(self, triples: list, own: dict[str, URIRef] | None = None) -> list[Triple]:
        """IRIs come back as the one URIRef per IRI a build needs (no parsing, no second copy),
        literals as they were made (no parsing either: see _encode). The document's own nodes
        are one URIRef each within the shard (`own`), not remembered past it: later stages
        compare them in sets and dicts, where one object is found without comparing text."""
        iris = self._iris
        own = {} if own is None else own
        decoded = []
        for s, p, o in triples:
            s = iris.get(s) or own.get(s) or own.setdefault(s, _iri(s))
            p = iris.get(p) or iris.setdefault(p, _iri(p))
            if type(o) is str:
                o = iris.get(o) or (own.get(o) or own.setdefault(o, _iri(o)) if o.startswith(_OWN_NODES) else iris.setdefault(o, _iri(o)))
            else:
                o = _literal(*o)
            decoded.append((s, p, o))
        return decoded

    def _spool_runs(self, turtle: bytes, runs: list[tuple[str, str, int]]) -> None:
        """A shard's Turtle (its runs one after the other) into the spool."""
        self._spool.write(turtle)
        offset = self._spooled
        for first, last, length in runs:
            self._runs.append(_Run(first, last, offset, length))
            offset += length
        self._spooled += len(turtle)

    def write_turtle(self, out: TextIO) -> int:
        """The graph as Turtle, the bytes turtle.write_turtle writes for the same triples."""
        spool = self._spool
        out.write(self.writer.header())
        pieces: list[tuple[str, str, object]] = [(run.first, run.last, run) for run in self._runs]
        pieces += [(subject, subject, text) for subject, text in self._global_blocks]
        pieces.sort(key=lambda piece: piece[0])
        previous = None
        for first, last, content in pieces:
            if previous is not None and first <= previous:
                raise TipgraphError(f"internal error: two parts of the graph both hold statements about {first}")
            previous = last
            if isinstance(content, _Run):
                spool.seek(content.offset)
                out.write(spool.read(content.length).decode("utf-8"))
            else:
                out.write(content)
        spool.seek(0, io.SEEK_END)
        return self.triples_count


def _iri(value: str) -> URIRef:
    # the text was a URIRef's when it was cached: rdflib's check of it is not needed again
    return str.__new__(URIRef, value)


def _encode(triples: list[Triple]) -> list[tuple]:
    """Triples to cache: IRIs as plain text (each text once per entry: pickle writes a repeated
    object once), literals as their parts and their Python value, so that reading them back
    parses nothing (rdflib's Literal() checks and converts its lexical form again)."""
    texts: dict[str, str] = {}
    encoded = []
    for s, p, o in triples:
        s, p = str(s), str(p)
        s, p = texts.setdefault(s, s), texts.setdefault(p, p)
        if isinstance(o, URIRef):
            o = str(o)
            o = texts.setdefault(o, o)
        else:
            datatype = o.datatype
            if datatype is not None:
                datatype = texts.setdefault(str(datatype), str(datatype))
            o = (str(o), o.language, datatype, o.value, o.ill_typed)
        encoded.append((s, p, o))
    return encoded


def _literal(lexical: str, language, datatype, value, ill_typed) -> Literal:
    literal = str.__new__(Literal, lexical)
    literal._language = language
    literal._datatype = None if datatype is None else _iri(datatype)
    literal._value = value
    literal._ill_typed = ill_typed
    return literal


def _runs(blocks: list[tuple[str, str, int]]) -> tuple[bytes, list[tuple[str, str, int]]]:
    """A shard's sorted blocks as Turtle, in runs: one per namespace (claims, the document,
    mentions), each (first subject, last subject, length in bytes)."""
    data: list[bytes] = []
    runs: list[tuple[str, str, int]] = []
    current: list[tuple[str, str, int]] = []

    def flush() -> None:
        if current:
            chunk = "".join(b[1] for b in current).encode("utf-8")
            data.append(chunk)
            runs.append((current[0][0], current[-1][0], len(chunk)))
            current.clear()

    namespace = None
    for block in blocks:
        ns = _namespace(block[0])
        if ns != namespace:
            flush()
            namespace = ns
        current.append(block)
    flush()
    return b"".join(data), runs


def _namespace(subject: str) -> str:
    """`<https://w3id.org/tipgraph/id/claim/d/1-2>` -> `claim/d/`, `.../doc/d>` -> `doc/`."""
    match = re.match(r"<[^>]*?/id/((?:claim|mention)/[^/]*/|doc/)", subject)
    return match.group(1) if match else subject
