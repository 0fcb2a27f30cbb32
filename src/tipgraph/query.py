"""tipgraph query: SPARQL 1.1 over a built graph, with named questions.

The graph file (Turtle, N-Triples, TriG, N-Quads, JSON-LD or RDF/XML) is
loaded into an in-memory pyoxigraph store; queries see the union of all
its graphs. A build's graph.ttl is instead answered from its persistent
store, ``<out>/store/`` (tipgraph.store), which is loaded once per version
of the file, with the answers to the bundled questions, and remembers the
answers it gave (as SPARQL results, so any format and any page of rows is
made from them). Named questions ship as ``ontology/queries/*.rq``; each starts
with comment lines::

    # title: Everything said about one country
    # answers: claims about the country, with their type, role and source
    # param: country = Albania

A parameter is written ``$country`` in the query body and replaced by an
escaped SPARQL literal (``"Albania"``), or by an IRI when the value is
given as ``<https://...>``. Only whole ``$name`` tokens outside strings,
IRIs and comments are replaced, so a value can never change the query's
structure.

Library use (the benchmark and the stats command use these)::

    store = load_store("graph.ttl")
    result = run_query(store, text)
    output = answer(Path("out/graph.ttl"), text, fmt="csv")   # through the persistent store
"""
from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import click
import pyoxigraph as ox
from rdflib import Graph

from tipgraph import ontology_dir
from tipgraph.graphio import TipgraphError, load_graph
from tipgraph.streams import display_name, graph_format, input_format_option, needs_bytes, read_graph_bytes
from tipgraph.namespaces import PREFIXES, compact_iri

OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
OUTPUT_FORMATS = ("table", "csv", "tsv", "json")


def one_line(text: str) -> str:
    return " ".join(str(text).split())


# ---------------------------------------------------------------- loading


def load_store(path: str | Path, input_format: str | None = None) -> ox.Store:
    """Load a graph (a file, a .gz file, or - for standard input) into an in-memory pyoxigraph store.

    Raises TipgraphError with the parser's message and line for a missing or
    unparsable file. JSON-LD that pyoxigraph cannot read (remote contexts,
    for instance) is parsed with rdflib and fed to the store as triples.
    """
    name = display_name(path)
    fmt = graph_format(path, input_format)
    source = {"input": read_graph_bytes(path)} if needs_bytes(path, input_format) else {"path": str(path)}
    if "path" in source and not Path(path).is_file():
        raise TipgraphError(f"{path}: no such graph file")
    store = ox.Store()
    try:
        store.bulk_load(format=OX_FORMATS[fmt], **source)
        return store
    except SyntaxError as exc:
        if fmt != "json-ld":
            where = f"{name}: line {exc.lineno}, column {exc.offset}" if exc.lineno else name
            raise TipgraphError(f"{where}: cannot parse as {fmt}: {_syntax_message(exc)}") from None
    except (OSError, ValueError) as exc:
        if fmt != "json-ld":
            raise TipgraphError(f"{name}: cannot read: {one_line(exc)}") from None
    # JSON-LD fallback: rdflib parses (or raises a one-line TipgraphError).
    graph = Graph().parse(data=source["input"], format="json-ld") if "input" in source else load_graph(path)
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def _syntax_message(exc: SyntaxError) -> str:
    message = one_line(exc.args[0] if exc.args else exc)
    if exc.lineno and f"line {exc.lineno}" not in message:
        message = f"line {exc.lineno}, column {exc.offset}: {message}"
    return message


# ---------------------------------------------------------------- named queries


@dataclass
class NamedQuery:
    name: str
    path: Path
    title: str = ""
    answers: str = ""
    params: dict[str, str | None] = field(default_factory=dict)  # name -> default
    text: str = ""


_HEADER = re.compile(r"^#\s*(title|answers|param)\s*:\s*(.*?)\s*$")


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    query = NamedQuery(name=path.stem, path=path, text=text)
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            name, _, default = value.partition("=")
            name = name.strip().lstrip("$?")
            query.params[name] = default.strip() if _ else None
        else:
            setattr(query, key, value)
    return query


def named_queries() -> dict[str, NamedQuery]:
    folder = queries_dir()
    if not folder.is_dir():
        return {}
    return {q.name: q for q in (parse_query_file(p) for p in sorted(folder.glob("*.rq")))}


# ---------------------------------------------------------------- parameters

_IRI_VALUE = re.compile(r'^<[^<>"{}|^`\\\x00-\x20]+>$')
# Tokens to leave alone while looking for $name: strings (long and short),
# IRIs, comments. Anything else is scanned for variables.
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*"
    r"|\$([A-Za-z_][A-Za-z0-9_]*)",
    re.S,
)


def sparql_literal(value: str) -> str:
    """A SPARQL string literal for `value`, every special character escaped."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace("\b", "\\b")
        .replace("\f", "\\f")
    )
    return f'"{escaped}"'


def sparql_term(value: str) -> str:
    if _IRI_VALUE.match(value):
        return value
    return sparql_literal(value)


def query_variables(text: str) -> set[str]:
    """The `$name` tokens a query uses (outside strings, IRIs and comments)."""
    return {m.group(1) for m in _TOKENS.finditer(text) if m.group(1)}


def substitute(text: str, values: dict[str, str]) -> str:
    """Replace each `$name` token with the escaped value of `name`."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name and name in values:
            return sparql_term(values[name])
        return match.group(0)

    return _TOKENS.sub(replace, text)


def bind_params(text: str, declared: dict[str, str | None], given: dict[str, str]) -> str:
    used = query_variables(text)
    unknown = sorted(set(given) - set(declared) - used)
    if unknown:
        known = ", ".join(sorted(set(declared) | used)) or "none"
        raise TipgraphError(f"unknown parameter {unknown[0]!r} (this query takes: {known})")
    values = {k: v for k, v in declared.items() if v is not None}
    values.update(given)
    missing = sorted(k for k in declared if k not in values)
    if missing:
        raise TipgraphError(f"parameter {missing[0]!r} needs a value: --param {missing[0]}=...")
    return substitute(text, values)


def parse_param_options(items: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lstrip("$?")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise TipgraphError(f"--param {item!r}: expected key=value")
        values[key] = value
    return values


# ---------------------------------------------------------------- running


def run_query(store: ox.Store, text: str, source: str = "query"):
    """Execute SPARQL over the union of the store's graphs.

    The vocabulary's prefixes (tip, tipid, rdfs, skos, owl, xsd, ...) are
    predeclared. A syntax error becomes a one-line TipgraphError.
    """
    try:
        return store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as exc:
        message = one_line(exc.args[0] if exc.args else exc)
        m = re.match(r"error at (\d+):(\d+):\s*(.*)", message)
        if m:
            message = f"line {m.group(1)}, column {m.group(2)}: {m.group(3)}"
        if len(message) > 240:  # pyoxigraph lists every expected token
            message = message[:239] + "…"
        raise TipgraphError(f"{source}: SPARQL syntax error at {message}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise TipgraphError(f"{source}: query failed: {one_line(exc)}") from None


# A SPARQL 1.1 PN_LOCAL without escapes: what may follow "prefix:" in a query.
_PLAIN_LOCAL_NAME = re.compile(r"[\w:](?:[\w.:-]*[\w:-])?")


def pasteable_iri(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """`tip:Person` where a prefix covers the IRI with a local name that SPARQL
    accepts as written, else `<iri>` (tipid:country/ALB is not valid SPARQL)."""
    short = compact_iri(iri, prefixes)
    if short.startswith("<"):
        return short
    local = short.partition(":")[2]
    return short if _PLAIN_LOCAL_NAME.fullmatch(local) else f"<{iri}>"


# ---------------------------------------------------------------- remote endpoints

RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def with_prefixes(text: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """`text` with PREFIX declarations for the predeclared prefixes it does not declare itself
    (a remote endpoint does not know tipgraph's)."""
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", text)}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in prefixes.items() if p not in declared]
    return "\n".join(lines + [text])


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of them outside strings, IRIs and comments."""
    code = _TOKENS.sub(lambda m: m.group(0) if m.group(1) else " ", text)
    match = _FORM.search(code)
    return match.group(1).upper() if match else "SELECT"


def run_remote(endpoint: str, text: str, source: str = "query", timeout: float = 120.0):
    """Send a query to a SPARQL 1.1 protocol endpoint (POST, form-encoded) and parse the
    answer like a local result: solutions, a boolean, or a list of triples."""
    import urllib.error
    import urllib.parse
    import urllib.request

    form = query_form(text)
    accept = GRAPH_ACCEPT if form in ("CONSTRUCT", "DESCRIBE") else RESULTS_ACCEPT
    body = urllib.parse.urlencode({"query": with_prefixes(text)}).encode("utf-8")
    request = urllib.request.Request(endpoint, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read()
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        detail = one_line(exc.read().decode("utf-8", "replace"))[:300]
        raise TipgraphError(f"{source}: {endpoint} answered HTTP {exc.code}: {detail}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TipgraphError(f"{endpoint}: cannot reach the endpoint: {one_line(reason)}") from None
    try:
        if content_type in RESULT_TYPES:
            if RESULT_TYPES[content_type] == ox.QueryResultsFormat.JSON:
                data = _standard_json_results(data)
            result = ox.parse_query_results(data, format=RESULT_TYPES[content_type])
            if form == "ASK" and not isinstance(result, ox.QueryBoolean):
                return _ask_answer(result)
            return result
        if content_type in GRAPH_TYPES:
            return list(ox.parse(data, format=GRAPH_TYPES[content_type]))
    except (SyntaxError, ValueError) as exc:
        raise TipgraphError(f"{endpoint}: unreadable {content_type} answer: {one_line(exc)}") from None
    raise TipgraphError(f"{endpoint}: answered {content_type or 'no content type'}, not SPARQL results")


def _ask_answer(solutions) -> ox.QueryBoolean:
    """Virtuoso 7 answers ASK with one row of a variable __ASK_RETVAL (1 or 0), not a boolean."""
    rows = [solution[0] for solution in solutions]
    answer = bool(rows) and rows[0] is not None and rows[0].value in ("1", "true")
    return ox.parse_query_results(f'{{"head": {{}}, "boolean": {"true" if answer else "false"}}}',
                                  format=ox.QueryResultsFormat.JSON)


def _standard_json_results(data: bytes) -> bytes:
    """Virtuoso still writes the pre-standard "typed-literal" term type; the W3C format says "literal"."""
    results = json.loads(data)
    for binding in results.get("results", {}).get("bindings", []):
        for term in binding.values():
            if term.get("type") == "typed-literal":
                term["type"] = "literal"
    return json.dumps(results).encode("utf-8")


def compact(term, prefixes: dict[str, str] = PREFIXES) -> str:
    """A short form of a term for tables; IRIs can be pasted back into a query."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return pasteable_iri(term.value, prefixes)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def format_table(variables: list[str], rows: list[list[str]], max_width: int = 0) -> str:
    def cell(text: str) -> str:
        text = " ".join(text.split())
        if max_width and len(text) > max_width:
            text = text[: max_width - 1] + "…"
        return text

    body = [[cell(c) for c in row] for row in rows]
    widths = [len(v) for v in variables]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in body]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Page:
    """Which rows of a SELECT answer to print: `limit` rows (None: all) after the first `offset`."""

    limit: int | None = None
    offset: int = 0

    @property
    def whole(self) -> bool:
        return self.limit is None and self.offset == 0


ALL_ROWS = Page()
# A table shows this many rows unless --limit or --all says otherwise: the first screen of a
# 56,000-row answer comes at once, and the footer says how to see the rest.
TABLE_ROWS = 100


def _results_json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {k: _results_json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}


def _binding_line(variables: list[str], solution) -> str:
    """A solution's bindings as one line of SPARQL 1.1 results JSON."""
    return json.dumps({v: _results_json_term(solution[v]) for v in variables if solution[v] is not None},
                      ensure_ascii=False, separators=(",", ":"))


def _results_from_lines(variables: list[str], lines: list[str]) -> ox.QuerySolutions:
    """Bindings lines (`_binding_line`) as a result that serialises to any results format."""
    data = '{"head":{"vars":%s},"results":{"bindings":[%s]}}' % (json.dumps(variables), ",".join(lines))
    return ox.parse_query_results(data.encode("utf-8"), format=ox.QueryResultsFormat.JSON)


def _solutions(variables: list[str], solutions: list) -> ox.QuerySolutions:
    return _results_from_lines(variables, [_binding_line(variables, s) for s in solutions])


def _page_footer(shown: int, total: int, page: Page) -> str:
    if page.offset == 0 and shown == total:
        return f"({total} row{'s' if total != 1 else ''})\n"
    if shown == 0:
        return f"(no rows from {page.offset + 1}: the answer has {total} row{'s' if total != 1 else ''})\n"
    last = page.offset + shown
    more = f"; --offset {last} for the next" if last < total else ""
    return f"(rows {page.offset + 1}-{last} of {total}{more}, --all for every row)\n"


def render_result(result, fmt: str, max_width: int = 0, page: Page = ALL_ROWS, total: int | None = None) -> str:
    """`result` in the output format `fmt`; of a SELECT answer, the rows `page` asks for (a
    table's footer says which of how many). With `total`, `result` holds those rows already,
    of an answer of `total` rows."""
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
        return ("true" if bool(result) else "false") + "\n"
    if isinstance(result, (ox.QueryTriples, list)):
        # CONSTRUCT / DESCRIBE: a graph, as Turtle (JSON-LD for --format json).
        triples = list(result)
        if fmt == "json":
            data = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
        else:
            # tipid: names contain "/", which Turtle would have to escape.
            used = {p: ns for p, ns in PREFIXES.items() if p != "tipid"}
            data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used)
        return data.decode("utf-8")
    variables = [v.value for v in result.variables]
    if total is None and not page.whole:
        end = None if page.limit is None else page.offset + page.limit
        chosen, total = [], 0
        for solution in result:
            if total >= page.offset and (end is None or total < end):
                chosen.append(solution)
            total += 1
        result = chosen if fmt == "table" else _solutions(variables, chosen)
    if fmt == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    if fmt == "csv":
        return result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
    if fmt == "tsv":
        return result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
    rows = [[compact(solution[v]) for v in variables] for solution in result]
    table = format_table(variables, rows, max_width)
    return table + _page_footer(len(rows), len(rows) if total is None else total, page)


# ---------------------------------------------------------------- answering from a file

# Answers that took the engine longer than this are kept in the store's version folder.
KEEP_ANSWER_SECONDS = 0.05


def answer(graph_file, text: str, source: str = "query", fmt: str = "table", width: int = 0,
           input_format: str | None = None, page: Page = ALL_ROWS) -> str:
    """The rendered answer to `text` over a graph file: from the persistent store when the
    file is a build's graph.ttl (an answer given before over the same version of it, or made
    with the store for a bundled question, is read back), else from an in-memory store loaded
    for this one question."""
    from tipgraph.store import cached_answer, graph_store, keep_answer

    if input_format in (None, "ttl", "turtle"):
        with graph_store(graph_file) as opened:
            if opened is not None:
                kept = read_kept_solutions(opened, text, page)
                if kept is not None:
                    solutions, total = kept
                    return render_result(solutions, fmt, width, page, total)
                # ASK and CONSTRUCT answers are kept as they are printed
                printed_key = f"query\n{fmt}\n{width}\n{text}"
                printed = cached_answer(opened, printed_key)
                if printed is not None:
                    return printed
                started = time.perf_counter()
                result = stored_result(opened, text, source)
                if isinstance(result, ox.QuerySolutions):
                    return render_result(result, fmt, width, page)
                printed = render_result(result, fmt, width)
                if time.perf_counter() - started > KEEP_ANSWER_SECONDS:
                    keep_answer(opened, printed_key, printed)
                return printed
    return render_result(run_query(load_store(graph_file, input_format), text, source), fmt, width, page)


def _solutions_key(text: str) -> str:
    return f"solutions\n{text}"


# A kept SELECT answer: a first line {"vars": [...], "rows": N}, then one line per row, its
# bindings as in the SPARQL 1.1 results JSON format; a page is read without reading the rest.


def kept_solutions_text(result: ox.QuerySolutions) -> str:
    variables = [v.value for v in result.variables]
    lines = [_binding_line(variables, s) for s in result]
    head = json.dumps({"vars": variables, "rows": len(lines)}, separators=(",", ":"))
    return "\n".join([head, *lines]) + "\n"


def read_kept_solutions(opened, text: str, page: Page = ALL_ROWS) -> tuple[ox.QuerySolutions, int] | None:
    """The rows `page` asks for of the SELECT answer to `text` kept in the store version, and
    how many rows the answer has; None when no answer is kept (or it cannot be read)."""
    from tipgraph.store import answer_path

    try:
        with open(answer_path(opened, _solutions_key(text)), encoding="utf-8") as handle:
            head = json.loads(handle.readline())
            variables, total = head["vars"], int(head["rows"])
            end = None if page.limit is None else page.offset + page.limit
            lines = [line.rstrip("\n") for line in itertools.islice(handle, page.offset, end)]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return _results_from_lines(variables, lines), total


def _keep_result(result, keep) -> object:
    """A SELECT answer handed to `keep` as its kept text, and read back to be rendered (in any
    format, any page); other answers as they are."""
    if not isinstance(result, ox.QuerySolutions):
        return result
    data = kept_solutions_text(result)
    keep(data)
    lines = data.split("\n")[:-1]
    return _results_from_lines(json.loads(lines[0])["vars"], lines[1:])


def stored_result(opened, text: str, source: str = "query"):
    """The engine's answer to `text` over an open store version; a SELECT answer it took longer
    than KEEP_ANSWER_SECONDS for is kept in the version."""
    from tipgraph.store import keep_answer

    key = _solutions_key(text)
    started = time.perf_counter()

    def keep(data: str) -> None:
        if time.perf_counter() - started > KEEP_ANSWER_SECONDS:
            keep_answer(opened, key, data)

    return _keep_result(run_query(opened.store, text, source), keep)


def bundled_texts() -> dict[str, str]:
    """Each bundled question's text with its default parameters, as `query --name` asks it."""
    texts = {}
    for name, q in named_queries().items():
        with contextlib.suppress(TipgraphError):
            texts[name] = bind_params(q.text, q.params, {})
    return texts


def keep_bundled_answers(store: ox.Store, version: Path) -> dict[str, float]:
    """Answer every bundled question (default parameters) over a store version being made and
    keep the answers in it; the seconds each took. A question the engine cannot answer is
    left to be asked (and to fail) on the command line."""
    from tipgraph.store import keep_answer

    seconds = {}
    for name, text in bundled_texts().items():
        started = time.perf_counter()
        with contextlib.suppress(TipgraphError, OSError, ValueError, RuntimeError):
            _keep_result(run_query(store, text, name), lambda data: keep_answer(version, _solutions_key(text), data))
        seconds[name] = time.perf_counter() - started
    return seconds


# ---------------------------------------------------------------- command


def list_text() -> str:
    queries = named_queries()
    if not queries:
        return f"no named queries in {queries_dir()}\n"
    out = io.StringIO()
    for q in queries.values():
        params = " ".join(f"--param {k}={v if v is not None else '...'}" for k, v in q.params.items())
        out.write(f"{q.name}{'  ' + params if params else ''}\n")
        if q.title:
            out.write(f"    {q.title}\n")
        if q.answers:
            out.write(f"    answers: {q.answers}\n")
    return out.getvalue()


@click.command("query")
@click.argument("graph_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--endpoint", metavar="URL",
              help="Ask this SPARQL 1.1 protocol endpoint (a triple store's /sparql) instead of a graph file.")
@click.option("--name", "-n", "name", metavar="NAME", help="Run a named question (see --list).")
@click.option("--expr", "-e", "expr", metavar="QUERY", help="Run this SPARQL text.")
@click.option("--file", "-f", "query_file", metavar="FILE.rq", type=click.Path(dir_okay=False, path_type=Path),
              help="Run the SPARQL in this file.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Set a query parameter ($KEY in the query); repeatable. "
                   "Values become escaped string literals; <https://...> becomes an IRI.")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
              help="Output for SELECT results (json is the W3C SPARQL 1.1 results format). "
                   "CONSTRUCT writes Turtle (JSON-LD with json); ASK writes true or false.")
@click.option("--width", type=int, default=0, metavar="N",
              help="Cut table cells to N characters (0: no limit).")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help=f"Print at most N rows of a SELECT answer (a table prints {TABLE_ROWS} unless told; "
                   "csv, tsv and json print every row unless told).")
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N", help="Skip the first N rows.")
@click.option("--all", "all_rows", is_flag=True, help="Print every row of the answer (in a table too).")
@click.option("--list", "list_queries", is_flag=True, help="List the named questions and exit.")
@input_format_option
def command(graph_file, endpoint, name, expr, query_file, params, fmt, width, limit, offset, all_rows, list_queries,
            input_format) -> None:
    """Ask a built graph a SPARQL 1.1 question (SELECT, ASK, CONSTRUCT).

    \b
    Examples:
      tipgraph query --list
      tipgraph query graph.ttl --name urged-whom
      tipgraph query graph.ttl --name about-country --param country=Montenegro --format csv
      tipgraph query graph.ttl -e 'SELECT ?p WHERE { ?p a tip:Person }'
      gzip -dc graph.ttl.gz | tipgraph query - --name people --format csv
      tipgraph query --endpoint http://localhost:8890/sparql --name urged-whom

    GRAPH_FILE may be - (standard input, Turtle unless --input-format says
    otherwise) or a .gz file. Results go to standard output, messages to
    standard error. IRIs in tables are prefixed names where SPARQL accepts
    them as written, else <full IRIs>, so they can be pasted into a query.
    A table shows the first 100 rows (--limit, --offset, --all; its last
    line says which rows of how many); csv, tsv and json give every row.
    The prefixes tip, tipid, rdf, rdfs, skos, owl, xsd, dcterms and wd are
    predeclared (sent as PREFIX lines to an endpoint). Queries run over the
    union of all graphs in the file; an endpoint answers over its default
    graph (docs/ says how each store makes it the union).
    """
    if list_queries:
        click.echo(list_text(), nl=False)
        return
    chosen = [x for x in (name, expr, query_file) if x is not None]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of --name, -e/--expr, -f/--file (or --list)")
    if (graph_file is None) == (endpoint is None):
        raise click.UsageError("give a GRAPH_FILE or --endpoint URL (one of them)")
    if all_rows and limit is not None:
        raise click.UsageError("give --limit N or --all, not both")
    if limit is None and not all_rows and fmt == "table":
        limit = TABLE_ROWS
    page = Page(limit, offset)
    try:
        given = parse_param_options(params)
        if name is not None:
            queries = named_queries()
            if name not in queries:
                known = ", ".join(queries) or "none"
                raise TipgraphError(f"no named query {name!r} (known: {known})")
            q = queries[name]
            text, source, declared = q.text, f"{q.path.name}", q.params
        elif query_file is not None:
            if not query_file.is_file():
                raise TipgraphError(f"{query_file}: no such query file")
            q = parse_query_file(query_file)
            text, source, declared = q.text, str(query_file), q.params
        else:
            text, source, declared = expr, "query", {}
        text = bind_params(text, declared, given)
        if endpoint is not None:
            output = render_result(run_remote(endpoint, text, source), fmt, width, page)
        else:
            output = answer(graph_file, text, source, fmt, width, input_format, page)
    except TipgraphError as exc:
        raise click.ClickException(str(exc)) from None
    sys.stdout.write(output)
    sys.stdout.flush()


__all__ = [
    "NamedQuery",
    "Page",
    "answer",
    "bind_params",
    "command",
    "load_store",
    "named_queries",
    "queries_dir",
    "run_query",
    "sparql_literal",
    "substitute",
]

if __name__ == "__main__":  # pragma: no cover
    command()
