"""tipgraph validate: check a graph against the SHACL shapes in ontology/shapes.ttl.

`validate_graph` is the library entry point (`tipgraph build` calls it on the
graph it has just made); `command` is the click command `tipgraph validate`.

Validation runs without inference and without the ontology: the shapes name
the concrete classes themselves (see shapes.ttl), which is several times
faster than RDFS inference and leaves the caller's graph untouched.
"""
from __future__ import annotations

import functools
import json
import time
from dataclasses import asdict, dataclass, field

import click
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

import tipgraph
from tipgraph.graphio import TipgraphError, load_graph
from tipgraph.streams import display_name, input_format_option, load_graph_input, output_stream
from tipgraph.namespaces import PREFIXES, compact_iri

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES_FILE = "shapes.ttl"

_SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_SEVERITY_ORDER = {"violation": 0, "warning": 1, "info": 2}
# Longest namespace first, so tipid: wins over a shorter overlapping prefix.
_PREFIXES = {**PREFIXES, "sh": str(SH)}


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


def validate_graph(graph: Graph) -> ValidationResult:
    """Validate `graph` against ontology/shapes.ttl. Does not modify `graph`."""
    import pyshacl  # imported here: it is slow to import and only needed for validation

    shapes = shapes_graph()
    started = time.perf_counter()
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
        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 9), v.focus, v.path, v.message),
    )
    return ValidationResult(
        conforms=bool(conforms),
        violations=violations,
        shapes=shape_count(shapes),
        triples=len(graph),
        seconds=time.perf_counter() - started,
        report=report,
    )


def _violation(report: Graph, node) -> Violation:
    focus = report.value(node, SH.focusNode)
    path = report.value(node, SH.resultPath)
    value = report.value(node, SH.value)
    messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
    message = messages[0] if messages else _component_name(report.value(node, SH.sourceConstraintComponent))
    if value is not None and value != focus:
        message = f"{message} (value {_term(value)})"
    severity = _SEVERITIES.get(report.value(node, SH.resultSeverity), "violation")
    return Violation(
        focus=_term(focus) if focus is not None else "-",
        path=_path(report, path) if path is not None else "-",
        message=" ".join(message.split()),
        severity=severity,
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
