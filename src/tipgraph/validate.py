"""tipgraph validate: check a graph against the SHACL shapes in ontology/shapes.ttl.

`validate_graph` is the library entry point (`tipgraph build` calls it on the
graph it has just made); `command` is the click command `tipgraph validate`.

Validation runs without inference and without the ontology: the shapes name
the concrete classes themselves (see shapes.ttl), which is several times
faster than RDFS inference and leaves the caller's graph untouched. The shapes
are evaluated by tipgraph's own SHACL Core validator (tipgraph.shacl_local, the
same results as pyshacl's, tens of times faster) when shape_plan and
shacl_local.compile_shapes both accept them, by pyshacl otherwise.
"""
from __future__ import annotations

import functools
import hashlib
import json
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

import tipgraph
from tipgraph.graphio import TipgraphError, load_graph
from tipgraph.namespaces import PREFIXES, TIP, compact_iri
from tipgraph.shacl_local import LocalShapes, Result, compile_shapes, report_graph
from tipgraph.streams import (
    display_name,
    input_format_option,
    load_graph_input,
    output_stream,
)
from tipgraph.turtle import TurtleWriter

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES_FILE = "shapes.ttl"

_SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_SEVERITY_ORDER = {"violation": 0, "warning": 1, "info": 2}
# Longest namespace first, so tipid: wins over a shorter overlapping prefix.
_PREFIXES = {**PREFIXES, "sh": str(SH)}
TIP_QUOTES = TIP.quotes
_WRITER = TurtleWriter(PREFIXES)


@dataclass(frozen=True)
class Violation:
    """One SHACL result, as text: compact IRIs, a readable path and message."""

    focus: str
    path: str
    message: str
    severity: str = "violation"  # "violation", "warning" or "info"

    def line(self) -> str:
        message = self.message if self.severity == "violation" else f"{self.severity}: {self.message}"
        return f"{self.focus}  {self.path}  {message}"


@dataclass
class ValidationResult:
    """`conforms` as SHACL (and pyshacl, Jena) define it: True only when there is no
    result at all, whatever its severity; `violations` lists every result."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    shapes: int = 0  # node shapes in shapes.ttl that select focus nodes
    triples: int = 0  # size of the validated graph
    seconds: float = 0.0
    report: Graph | None = field(default=None, repr=False, compare=False)  # the W3C validation report

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "violation"]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if v.severity != "violation"]

    def summary(self) -> str:
        verdict = "conforms" if self.conforms else "does not conform"
        return (
            f"{verdict}: {_plural(len(self.errors), 'violation')}, {_plural(len(self.warnings), 'warning')} "
            f"({self.shapes} shapes, {self.triples} triples, {self.seconds:.1f} s)"
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@functools.lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The parsed shapes (cached; callers must not modify it)."""
    path = tipgraph.ontology_dir() / SHAPES_FILE
    try:
        return load_graph(path)
    except FileNotFoundError as exc:
        raise TipgraphError(str(exc)) from None


def shape_count(shapes: Graph | None = None) -> int:
    """Named node shapes that have a target (sh:targetClass etc.)."""
    shapes = shapes if shapes is not None else shapes_graph()
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    return len({s for p in targets for s in shapes.subjects(p, None) if isinstance(s, URIRef)})


def validate_graph(graph: Graph, shapes: Graph | None = None) -> ValidationResult:
    """Validate `graph` against ontology/shapes.ttl (or `shapes`). Does not modify `graph`.
    tipgraph's own validator (tipgraph.shacl_local) reads the shapes when it can, pyshacl otherwise."""
    shapes = shapes if shapes is not None else shapes_graph()
    local = local_shapes(shapes)
    started = time.perf_counter()
    if local is not None:
        found = [(_local_violation(result, shapes), result) for result in local.validate(graph.triples((None, None, None)))]
        found.sort(key=lambda pair: (_violation_order(pair[0]), str(pair[1].component), _shape_order(pair[1].source)))
        conforms = not found
        violations = [violation for violation, _ in found]
        report = report_graph([result for _, result in found], shapes, graph)
    else:
        import pyshacl  # imported here: it is slow to import and only needed for shapes tipgraph cannot read

        # No ont_graph and no inference: pyshacl then reads `graph` in place without copying it.
        conforms, report, _ = pyshacl.validate(
            graph,
            shacl_graph=shapes,
            inference="none",
            advanced=False,
        )
        violations = sorted(
            # Top-level results only: results nested under sh:detail (from sh:node, sh:or)
            # repeat the same problem from the value's side.
            (_violation(report, node) for node in report.objects(None, SH.result)),
            key=_violation_order,
        )
    return ValidationResult(
        conforms=bool(conforms),
        violations=violations,
        shapes=shape_count(shapes),
        triples=len(graph),
        seconds=time.perf_counter() - started,
        report=report,
    )


_LOCAL: dict[int, tuple] = {}


def local_shapes(shapes: Graph | None = None) -> LocalShapes | None:
    """`shapes` compiled by tipgraph.shacl_local, or None when pyshacl must read them: when
    shape_plan finds a shape that reads beyond a node's own values, or a shape uses a
    component tipgraph does not evaluate itself."""
    shapes = shapes if shapes is not None else shapes_graph()
    kept = _LOCAL.get(id(shapes))
    if kept is None or kept[0] is not shapes:
        kept = _LOCAL[id(shapes)] = (shapes, compile_shapes(shapes) if shape_plan(shapes) is not None else None)
    return kept[1]


def _violation(report: Graph, node) -> Violation:
    return _result_violation(
        focus=report.value(node, SH.focusNode),
        path=_path(report, path) if (path := report.value(node, SH.resultPath)) is not None else None,
        value=report.value(node, SH.value),
        messages=list(report.objects(node, SH.resultMessage)),
        component=report.value(node, SH.sourceConstraintComponent),
        severity=report.value(node, SH.resultSeverity),
    )


def _local_violation(result: Result, shapes: Graph) -> Violation:
    source = result.source
    return _result_violation(
        focus=result.focus,
        path=_path(shapes, source.path) if source.path is not None else None,
        value=result.value,
        messages=result.messages,
        component=result.component,
        severity=source.severity,
    )


def _shape_order(source) -> tuple:
    """Results alike but for their source shape, in an order that does not depend on blank node ids."""
    return (str(source.shape) if isinstance(source.shape, URIRef) else "", tuple(str(m) for m in source.messages))


def _result_violation(focus, path: str | None, value, messages, component, severity) -> Violation:
    texts = sorted(str(m) for m in set(messages))
    message = texts[0] if texts else _component_name(component)
    if value is not None and value != focus:
        message = f"{message} (value {_term(value)})"
    return Violation(
        focus=_term(focus) if focus is not None else "-",
        path=path if path is not None else "-",
        message=" ".join(message.split()),
        severity=_SEVERITIES.get(severity, "violation"),
    )


def _component_name(component) -> str:
    if component is None:
        return "constraint violated"
    return _compact(str(component)).replace("sh:", "")


def _compact(iri: str) -> str:
    return compact_iri(iri, _PREFIXES)


def _term(term) -> str:
    if isinstance(term, URIRef):
        return _compact(str(term))
    if isinstance(term, Literal):
        text = json.dumps(str(term), ensure_ascii=False)
        if len(text) > 60:
            text = text[:56] + '…"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{_compact(str(term.datatype))}"
        return text
    return "[]"


def _path(report: Graph, path) -> str:
    """A SHACL property path in SPARQL syntax: tip:a/tip:b, ^tip:mention."""
    if isinstance(path, URIRef):
        return _compact(str(path))
    if isinstance(path, BNode):
        if report.value(path, RDF.first) is not None:
            return "/".join(_path(report, step) for step in Collection(report, path))
        for predicate, fmt in (
            (SH.inversePath, "^{}"),
            (SH.zeroOrMorePath, "{}*"),
            (SH.oneOrMorePath, "{}+"),
            (SH.zeroOrOnePath, "{}?"),
        ):
            inner = report.value(path, predicate)
            if inner is not None:
                return fmt.format(_path(report, inner))
        alternatives = report.value(path, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(_path(report, step) for step in Collection(report, alternatives)) + ")"
    return "[]"


class _ReadError(click.ClickException):
    """Exit status 2, so scripts can tell "cannot read" from "does not conform" (1)."""

    exit_code = 2


def report_turtle(result: ValidationResult) -> bytes:
    """The W3C SHACL validation report (sh:ValidationReport) as Turtle."""
    report = result.report if result.report is not None else Graph()
    report.bind("sh", SH)
    for prefix, namespace in PREFIXES.items():
        report.bind(prefix, namespace)
    return report.serialize(format="turtle", encoding="utf-8")


@click.command("validate")
@click.argument("graph_file", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "ttl"]),
    default="text",
    show_default=True,
    help="text: one line per result (focus  path  message) and a summary; json: one object; "
         "ttl: the W3C SHACL validation report (sh:ValidationReport) as Turtle, summary on standard error.",
)
@click.option("--allow-warnings", is_flag=True,
              help="Exit 0 when the only results are warnings or infos (as pyshacl's --allow-warnings); "
                   "the report still says the graph does not conform.")
@input_format_option
def command(graph_file: str, output_format: str, allow_warnings: bool, input_format: str | None) -> None:
    """Check GRAPH_FILE against tipgraph's SHACL shapes (ontology/shapes.ttl).

    Prints one line per result: the resource, the property path and what is
    wrong; warnings are marked "warning:". As in SHACL, pyshacl and Jena, the
    graph conforms only when there is no result at all: one warning gives
    "does not conform: 0 violations, 1 warning".

    \b
    Exit status:
      0  the graph conforms (with --allow-warnings: no result of severity violation)
      1  it does not conform
      2  it cannot be read (missing file, syntax error)

    GRAPH_FILE may be - (standard input) or a .gz file. The report goes to
    standard output; with --format ttl the summary goes to standard error.
    """
    try:
        graph = load_graph_input(graph_file, input_format)
        result = validate_graph(graph)
    except TipgraphError as exc:
        raise _ReadError(str(exc)) from None
    name = display_name(graph_file)
    if output_format == "json":
        payload = {
            "graph": name,
            "conforms": result.conforms,
            "violations": len(result.errors),
            "warnings": len(result.warnings),
            "shapes": result.shapes,
            "triples": result.triples,
            "results": [asdict(v) for v in result.violations],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif output_format == "ttl":
        with output_stream("-", "wb") as handle:
            handle.write(report_turtle(result))
        click.echo(f"{name}: {result.summary()}", err=True)
    else:
        for violation in result.violations:
            click.echo(violation.line())
        click.echo(f"{name}: {result.summary()}")
    failed = result.errors if allow_warnings else result.violations
    if failed:
        click.get_current_context().exit(1)


# ---------------------------------------------------------------- validation in units


@dataclass
class ShapePlan:
    """What the shapes read beyond a node's own triples, when that is little enough to
    validate the graph in units: the properties whose values are targets (sh:targetObjectsOf),
    the properties of inverse paths, and the two steps of sequence paths."""

    objects_of: frozenset
    inverse: frozenset
    sequence: dict  # first step -> set of second steps

    @functools.cached_property
    def incoming(self) -> frozenset:
        return self.objects_of | self.inverse


_VALUE_CONSTRAINTS = frozenset({
    SH.datatype, SH.nodeKind, SH.pattern, SH.flags, SH["in"], SH.minLength, SH.maxLength, SH.minInclusive,
    SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.hasValue, SH.languageIn,
})
_NODE_CONSTRAINTS = _VALUE_CONSTRAINTS | {SH.minCount, SH.maxCount, SH.uniqueLang}
_PAIR_CONSTRAINTS = frozenset({SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint})
_ANNOTATIONS = frozenset({
    RDF.type, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.deactivated,
    URIRef("http://www.w3.org/2000/01/rdf-schema#comment"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
})


def shape_plan(shapes: Graph) -> ShapePlan | None:
    """The plan for `shapes`, or None when some shape reads further than one step from its
    focus node (sh:node, sh:class, SPARQL, longer paths ...): then the graph is validated whole."""
    objects_of, inverse, sequence = set(), set(), defaultdict(set)

    def value_shape(node) -> bool:  # the members of sh:or: constraints on one value
        return all(p in _VALUE_CONSTRAINTS | _ANNOTATIONS for p, _ in shapes.predicate_objects(node))

    def constraints_local(node) -> bool:
        for p, o in shapes.predicate_objects(node):
            if p in _NODE_CONSTRAINTS | _ANNOTATIONS or p == SH.path:
                continue
            if p in _PAIR_CONSTRAINTS and isinstance(o, URIRef):
                continue
            if p == SH["or"] and all(value_shape(member) for member in Collection(shapes, o)):
                continue
            return False
        return True

    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    for target in (SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.targetNode):
        node_shapes |= set(shapes.subjects(target, None))
    for shape in node_shapes:
        for p, o in shapes.predicate_objects(shape):
            if p == SH.targetClass:
                continue
            if p == SH.targetObjectsOf:
                objects_of.add(o)
            elif p == SH.property:
                path = shapes.value(o, SH.path)
                if isinstance(path, URIRef):
                    pass
                elif isinstance(path, BNode) and isinstance(shapes.value(path, SH.inversePath), URIRef) \
                        and len(list(shapes.predicate_objects(path))) == 1:
                    inverse.add(shapes.value(path, SH.inversePath))
                elif isinstance(path, BNode) and shapes.value(path, RDF.first) is not None:
                    steps = list(Collection(shapes, path))
                    if len(steps) != 2 or not all(isinstance(step, URIRef) for step in steps):
                        return None
                    sequence[steps[0]].add(steps[1])
                else:
                    return None
                if not constraints_local(o):
                    return None
            elif p not in _NODE_CONSTRAINTS | _ANNOTATIONS:
                return None  # sh:targetSubjectsOf, sh:node, sh:class, sh:sparql ...
    return ShapePlan(frozenset(objects_of), frozenset(inverse), dict(sequence))


# A stand-in subject for a link into a unit from elsewhere: the value shapes target a node
# because something points to it with a property, whatever that something is.
ELSEWHERE = URIRef("https://w3id.org/tipgraph/id/validation/elsewhere")
UNIT_BATCH_TRIPLES = 150_000
UNITS_ENTRY = "units"  # the validation cache's one entry: unit key -> its results


# The code that makes a unit's results: a change to it validates every unit again.
VALIDATOR_MODULES = ("tipgraph.validate", "tipgraph.shacl_local")


@functools.lru_cache(maxsize=1)
def validation_version() -> str:
    """What a unit's results depend on besides its triples: shapes, this code and tipgraph's
    own validator (tipgraph.shacl_local), pyshacl."""
    import importlib
    import importlib.metadata

    digest = hashlib.sha256()
    for part in (
        (tipgraph.ontology_dir() / SHAPES_FILE).read_bytes(),
        *(Path(importlib.import_module(name).__file__).read_bytes() for name in VALIDATOR_MODULES),
        importlib.metadata.version("pyshacl").encode(),
        importlib.metadata.version("rdflib").encode(),
    ):
        digest.update(f"{len(part)}\0".encode())
        digest.update(part)
    return digest.hexdigest()


@dataclass
class _Unit:
    name: str  # "doc <index>" or the subject's IRI
    key: str
    triples: list
    owner: tuple  # ("doc", index): the focus nodes of that document's part; ("node", node): that node


class UnitValidator:
    """Validates a CorpusGraph as it is made (tipgraph.shards): each document's shard, and each
    subject of the global part, with what the shapes read outside it (ShapePlan); a unit whose
    content a previous build validated takes its results from the cache."""

    def __init__(self, cache=None, jobs: int = 1):
        self.shapes = shapes_graph()
        self.plan = shape_plan(self.shapes)
        self.cache = cache.results("validation", validation_version()) if cache is not None else None
        # Every unit's results in one cache entry (a file per unit took longer to write than
        # tipgraph's validator takes to validate the unit): the last build's, and this build's.
        self._known: dict = (self.cache.get(UNITS_ENTRY) or {}) if self.cache is not None else {}
        self._rows: dict = {}
        self.jobs = jobs
        self.results: dict[str, list[Violation]] = {}
        self.pending: list[_Unit] = []
        self.pending_triples = 0
        self.incoming: dict = defaultdict(set)  # global node -> {(s, p)} of links from documents
        self.sequence_context: dict = defaultdict(set)  # global subject -> {(o, p2, v)} from documents
        self.late: dict[int, set] = defaultdict(set)  # document -> links into it from other documents
        self.seconds = 0.0  # validating (with pyshacl and jobs > 1: waiting for its workers)
        self._pool = None
        self._running: list = []
        self._superseded: set[str] = set()
        self._unit_of = None  # the graph's unit_of: which document's part holds a node
        self.validated_units = 0
        self.cached_units = 0
        self._started = time.perf_counter()

    # -- units -------------------------------------------------------------
    def document(self, graph, shard, by_subject, text: str) -> None:
        if self.plan is None:
            return
        plan, index = self.plan, shard.index
        context = []
        for s, p, o in shard.foreign:
            unit = graph.unit_of(o) if p in plan.incoming or p in plan.sequence else None
            if unit is not None and unit != index and p in plan.incoming:
                self.late[unit].add((s, p, o))  # into another document's part: validated with it
            if p in plan.incoming and unit == index:
                context.append((s, p, o))
            if p in plan.sequence and unit == index:
                for p2, v in by_subject.get(o, ()):
                    if p2 in plan.sequence[p]:
                        self.sequence_context[s].add((o, p2, v))
        for s, p, o in shard.owned:
            if not isinstance(o, URIRef) or p not in plan.incoming and p not in plan.sequence:
                continue
            unit = graph.unit_of(o)
            if unit == index:
                continue
            if p in plan.sequence:  # a path leaving the document: read where its end is made
                self.late[index].add(None)
            if unit is None:
                self.incoming[o].add((s if p in plan.inverse else ELSEWHERE, p))
            elif not (p == TIP_QUOTES and s in graph.quoted_by.get(o, ())):
                self.late[unit].add((s, p, o))
        for target in by_subject:
            for source in graph.quoted_by.get(target, ()):
                if TIP_QUOTES in plan.incoming:
                    context.append((source, TIP_QUOTES, target))
        self._unit_of = graph.unit_of
        self._unit(f"doc {index}", text, shard.owned, context, ("doc", index))

    def global_part(self, graph, store: dict, blocks: dict[str, str]) -> None:
        if self.plan is None:
            return
        plan = self.plan
        self._unit_of = graph.unit_of
        term = graph.writer.term
        incoming = self.incoming
        for s, pairs in store.items():
            for p, o in pairs:
                if p in plan.incoming and isinstance(o, URIRef) and graph.unit_of(o) is None:
                    incoming[o].add((s if p in plan.inverse else ELSEWHERE, p))
        for s, p, o in graph.added:  # put in by hand: no document's shard anticipated them
            unit = graph.unit_of(o)
            if graph.unit_of(s) is None and unit is not None:
                if p in plan.incoming:
                    self.late[unit].add((s, p, o))
                if p in plan.sequence:
                    for s2, p2, v in graph.shard(unit).owned:
                        if s2 == o and p2 in plan.sequence[p]:
                            self.sequence_context[s].add((o, p2, v))
        for late in [i for i, links in self.late.items() if links]:
            self._late_document(graph, late)
        for s, pairs in store.items():
            context = [(source, p, s) for source, p in incoming.get(s, ())]
            for p, o in pairs:
                for p2 in plan.sequence.get(p, ()):
                    for p_, v in store.get(o, ()):
                        if p_ == p2:
                            context.append((o, p2, v))
            context += list(self.sequence_context.get(s, ()))
            self._unit(str(s), blocks[term(s)], [(s, p, o) for p, o in pairs], context, ("node", s))
        for node in sorted(set(incoming) - set(store), key=str):
            context = [(source, p, node) for source, p in incoming[node]]
            self._unit(str(node), "", [], context, ("node", node))
        self._flush(last=True)

    def _late_document(self, graph, index: int) -> None:
        """A document something else links into (or that links out with a path the shapes
        follow): validated again with the whole graph's links into it."""
        shard = graph.shard(index)
        by_subject: dict = defaultdict(list)
        for s, p, o in shard.owned:
            by_subject[s].append((p, o))
        term = graph.writer.term
        text = "".join(graph.writer.block(term(s), {(str(p), term(o)) for p, o in pairs})
                       for s, pairs in sorted(by_subject.items(), key=lambda kv: term(kv[0])))
        context = [t for t in self.late[index] if t is not None]
        for s, p, o in shard.foreign:
            if p in self.plan.incoming and graph.unit_of(o) == index:
                context.append((s, p, o))
        for target in by_subject:
            for source in graph.quoted_by.get(target, ()):
                context.append((source, TIP_QUOTES, target))
        if None in self.late[index]:
            raise TipgraphError(
                "internal error: a shape path leaves a document's part of the graph; validate the graph file instead"
            )
        # it replaces the document's first unit, which may still be on its way
        self._superseded.add(f"doc {index}")
        self._unit(f"doc {index} with links from elsewhere", text, shard.owned, context, ("doc", index))

    def _unit(self, name: str, text: str, owned: list, context: list, owner: tuple) -> None:
        writer = _WRITER
        digest = hashlib.sha256(validation_version().encode())
        digest.update(text.encode("utf-8"))
        for line in sorted({f"{writer.term(s)} {writer.term(p)} {writer.term(o)}\n" for s, p, o in context}):
            digest.update(line.encode("utf-8"))
        key = digest.hexdigest()
        cached = self._known.get(key)
        if cached is not None:
            self.results[name] = [Violation(*row) for row in cached]
            self._rows[key] = cached
            self.cached_units += 1
            return
        self.pending.append(_Unit(name, key, owned + context, owner))
        self.pending_triples += len(owned) + len(context)
        if self.pending_triples >= UNIT_BATCH_TRIPLES:
            self._flush()

    def _flush(self, last: bool = False) -> None:
        """Validate the pending units together (each result goes to the unit owning its focus
        node): here, or with jobs > 1 in worker processes while the next shards are made (not
        for a graph of one batch: starting the workers would take longer)."""
        if not self.pending:
            return
        units, self.pending, self.pending_triples = self.pending, [], 0
        triples = [triple for unit in units for triple in unit.triples]
        # tipgraph's own validator is faster than sending the triples to a worker process
        if self.jobs <= 1 or (last and self._pool is None) or local_shapes(self.shapes) is not None:
            started = time.perf_counter()
            self._record(units, validate_triples(triples, self.shapes))
            self.seconds += time.perf_counter() - started
            return
        if self._pool is None:
            import multiprocessing
            import os
            from concurrent.futures import ProcessPoolExecutor

            from tipgraph.processes import end_with_parent

            # spawned, not forked: a forked worker would hold a copy of the build's memory
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=end_with_parent,
                                             initargs=(os.getpid(),), mp_context=multiprocessing.get_context("spawn"))
        self._running.append((units, self._pool.submit(validate_triples, triples)))
        while len(self._running) > self.jobs:
            self._collect_one()

    def _collect_one(self) -> None:
        units, future = self._running.pop(0)
        started = time.perf_counter()
        results = future.result()
        self.seconds += time.perf_counter() - started  # the wait: the rest overlapped the shards
        self._record(units, results)

    def _record(self, units: list, results: list) -> None:
        found: dict[str, list[Violation]] = {unit.name: [] for unit in units}
        by_owner: dict = defaultdict(list)  # a document's unit and its replacement may share a batch
        for unit in units:
            by_owner[unit.owner].append(unit)
        for focus, violation in results:
            document = self._unit_of(focus) if self._unit_of is not None else None
            for unit in by_owner.get(("node", focus), []) + by_owner.get(("doc", document), []):
                found[unit.name].append(violation)
        for unit in units:
            violations = sorted(set(found[unit.name]), key=_violation_order)
            self.results[unit.name] = violations
            self._rows[unit.key] = [[v.focus, v.path, v.message, v.severity] for v in violations]
        self.validated_units += len(units)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    # -- the verdict ---------------------------------------------------------
    def result(self, graph) -> ValidationResult:
        if self.plan is None:  # shapes that read further than units hold: the whole graph at once
            whole = validate_graph(graph.to_rdflib())
            whole.triples = graph.triples_count
            return whole
        try:
            self._flush(last=True)
            while self._running:
                self._collect_one()
        finally:
            self.close()
        if self.cache is not None:
            self.cache.put(UNITS_ENTRY, self._rows)
        violations = sorted(
            {v for name, found in self.results.items() if name not in self._superseded for v in found},
            key=_violation_order,
        )
        return ValidationResult(
            conforms=not violations,
            violations=violations,
            shapes=shape_count(self.shapes),
            triples=graph.triples_count,
            seconds=time.perf_counter() - self._started,
        )

    def release(self) -> None:
        """Forget the units' links and results once `result` has given the verdict (memory: they
        grow with the claims, and the page and the store come after)."""
        self._known, self._rows, self.results = {}, {}, {}
        self.pending, self.pending_triples = [], 0
        self.incoming, self.sequence_context, self.late = defaultdict(set), defaultdict(set), defaultdict(set)
        self._superseded, self._unit_of = set(), None

    def forget_unused(self) -> None:
        if self.cache is not None:
            self.cache.forget_unused()


def validate_triples(triples: list, shapes: Graph | None = None) -> list[tuple[object, Violation]]:
    """These triples validated (by tipgraph.shacl_local, or pyshacl for shapes it cannot read):
    (focus node, result) for each top-level result."""
    shapes = shapes if shapes is not None else shapes_graph()
    local = local_shapes(shapes)
    if local is not None:
        return [(result.focus, _local_violation(result, shapes)) for result in local.validate(triples)]
    import pyshacl

    data = Graph()
    for triple in triples:
        data.add(triple)
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    return [(report.value(node, SH.focusNode), _violation(report, node)) for node in report.objects(None, SH.result)]


def _violation_order(v: Violation):
    return (_SEVERITY_ORDER.get(v.severity, 9), v.focus, v.path, v.message)
