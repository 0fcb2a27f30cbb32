"""SHACL Core validation, in tipgraph itself, of shapes that read only a node's own values.

tipgraph.validate.shape_plan proves that the shapes read no further than a node's own
triples, an inverse step or a two-step path; for such shapes `compile_shapes` makes one
plan of Python checks per target (sh:targetClass, sh:targetObjectsOf), and `LocalShapes.validate`
runs it over triples indexed once by subject: no query and no rdflib Graph per batch, where
pyshacl re-reads the graph for every shape and focus node (issue 9: 30-50x faster).

The components follow the SHACL recommendation (https://www.w3.org/TR/shacl/), with results
as pyshacl 0.40 gives them (focus, path, value, source shape, component, severity, messages).
Anything else (sh:class, sh:node, SPARQL, sh:hasValue, generic messages that name the data
graph's prefixes ...) makes `compile_shapes` return None, and the caller uses pyshacl.

Where pyshacl departs from the recommendation this module follows the recommendation:
- sh:datatype requires a literal in the datatype's lexical space (XSD 1.1) for the XSD types
  of LEXICAL below: "20x1"^^xsd:gYear, "1e5"^^xsd:decimal, " 5"^^xsd:integer are ill-typed
  (pyshacl, through rdflib's parsers, accepts them); other datatypes use rdflib's parse.
- sh:pattern is an XPath regular expression with sh:flags s, m, i, x, q: "$" is the end of
  the string ("ABC\\n" does not match "^[A-Z]{3}$"), "." matches neither newline nor carriage
  return, "\\s" is the four XML space characters; a pattern using a construct XPath and Python
  read differently (\\w, \\p{..}, back-references ...) is left to pyshacl.
- sh:minInclusive & co. and sh:lessThan compare as SPARQL's operators do: numbers with numbers,
  strings with strings, booleans, xsd:dateTime and xsd:date with the same kind (both with a
  timezone or both without); anything else, an IRI or an ill-typed literal is a violation.
"""
from __future__ import annotations

import functools
import gc
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import XSD

SH = Namespace("http://www.w3.org/ns/shacl#")
OWL_CLASS = URIRef("http://www.w3.org/2002/07/owl#Class")
EMPTY: frozenset = frozenset()


class Unsupported(Exception):
    """The shapes use something this module does not evaluate (the caller uses pyshacl)."""


# ---------------------------------------------------------------------------------- literals

_YEAR = r"-?(?:[1-9][0-9]{3,}|0[0-9]{3})"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_TZ = r"(?P<tz>Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_TIME = r"(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)"
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DOUBLE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[Ee][+-]?[0-9]+)?|[+-]?INF|NaN")
_BOOLEAN = re.compile(r"true|false|1|0")
_DATE = re.compile(rf"(?P<y>{_YEAR})-(?P<m>{_MONTH})-(?P<d>{_DAY}){_TZ}")
_DATETIME = re.compile(rf"(?P<y>{_YEAR})-(?P<m>{_MONTH})-(?P<d>{_DAY})T(?P<t>{_TIME}){_TZ}")
_GYEAR = re.compile(rf"{_YEAR}{_TZ}")
_GYEARMONTH = re.compile(rf"{_YEAR}-{_MONTH}{_TZ}")
# Not a character of XML 1.1 (the Char production): not in any string's lexical space.
_NOT_CHAR = re.compile("[\x00\ud800-\udfff\ufffe\uffff]")

_INTEGER_RANGES = {  # the types derived from xsd:integer: (lowest, highest)
    XSD.integer: (None, None),
    XSD.nonNegativeInteger: (0, None), XSD.positiveInteger: (1, None),
    XSD.nonPositiveInteger: (None, 0), XSD.negativeInteger: (None, -1),
    XSD.long: (-2**63, 2**63 - 1), XSD.int: (-2**31, 2**31 - 1),
    XSD.short: (-2**15, 2**15 - 1), XSD.byte: (-2**7, 2**7 - 1),
    XSD.unsignedLong: (0, 2**64 - 1), XSD.unsignedInt: (0, 2**32 - 1),
    XSD.unsignedShort: (0, 2**16 - 1), XSD.unsignedByte: (0, 2**8 - 1),
}
_STRINGS = (XSD.string, XSD.anyURI, XSD.normalizedString, XSD.token)
LEXICAL = frozenset({*_INTEGER_RANGES, *_STRINGS, XSD.decimal, XSD.double, XSD.float, XSD.boolean,
                     XSD.date, XSD.dateTime, XSD.gYear, XSD.gYearMonth, RDF.langString})


def datatype_of(term: Literal) -> URIRef:
    """The datatype as RDF 1.1 (and SPARQL's datatype()) gives it: xsd:string for a simple literal."""
    if term.datatype is not None:
        return term.datatype
    return RDF.langString if term.language else XSD.string


def _days(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 in the proleptic Gregorian calendar, for any year (0 is 1 BCE)."""
    year -= month <= 2
    era = year // 400
    of_era = year - era * 400
    of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    return era * 146097 + of_era * 365 + of_era // 4 - of_era // 100 + of_year - 719468


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _day_exists(match: re.Match) -> bool:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    last = 29 if month == 2 and _leap(year) else (28 if month == 2 else (30 if month in (4, 6, 9, 11) else 31))
    return day <= last


def _instant(match: re.Match, with_time: bool):
    """A sort key (seconds) for a date or dateTime, and whether it had a timezone."""
    seconds = Decimal(_days(int(match["y"]), int(match["m"]), int(match["d"]))) * 86400
    if with_time:
        hours, minutes, rest = match["t"].split(":")
        seconds += int(hours) * 3600 + int(minutes) * 60 + Decimal(rest)
    tz = match["tz"]
    if tz and tz != "Z":
        sign = -1 if tz[0] == "-" else 1
        seconds -= sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    return seconds, tz is not None


def well_typed(term: Literal, datatype: URIRef) -> bool:
    """Is `term`'s lexical form in `datatype`'s lexical space (the types of LEXICAL), or for
    another datatype did rdflib parse it."""
    return _lexical_test(datatype)(term)


@functools.cache
def _lexical_test(datatype: URIRef) -> Callable:
    if datatype in (XSD.string, XSD.anyURI):
        return lambda term: not _NOT_CHAR.search(term)
    if datatype in _STRINGS:
        return lambda term: not _NOT_CHAR.search(term) and _normal(str(term), datatype)
    if datatype == RDF.langString:
        return lambda term: bool(term.language) and not _NOT_CHAR.search(term)
    if datatype in _INTEGER_RANGES:
        low, high = _INTEGER_RANGES[datatype]
        if low is None and high is None:
            return lambda term: _INTEGER.fullmatch(term) is not None
        return lambda term: _INTEGER.fullmatch(term) is not None and (low is None or int(term) >= low) \
            and (high is None or int(term) <= high)
    pattern = {XSD.decimal: _DECIMAL, XSD.double: _DOUBLE, XSD.float: _DOUBLE, XSD.boolean: _BOOLEAN,
               XSD.gYear: _GYEAR, XSD.gYearMonth: _GYEARMONTH}.get(datatype)
    if pattern is not None:
        return lambda term: pattern.fullmatch(term) is not None
    if datatype in (XSD.date, XSD.dateTime):
        whole = _DATE if datatype == XSD.date else _DATETIME

        def test(term):
            match = whole.fullmatch(term)
            return match is not None and _day_exists(match)
        return test
    return lambda term: getattr(term, "ill_typed", None) is not True


def _normal(lexical: str, datatype: URIRef) -> bool:
    if "\r" in lexical or "\n" in lexical or "\t" in lexical:
        return False
    return datatype == XSD.normalizedString or (lexical == lexical.strip(" ") and "  " not in lexical)


def comparable(term) -> tuple | None:
    """(kind, value) for SPARQL's ordering operators, None for a term they cannot order (an
    IRI, a blank node, a language-tagged string, an ill-typed literal, a type SPARQL does not order)."""
    if not isinstance(term, Literal):
        return None
    reader = _READERS.get(datatype_of(term))
    return reader(term) if reader is not None else None


def _reader(datatype: URIRef) -> Callable:
    well = _lexical_test(datatype)
    if datatype in _INTEGER_RANGES:
        return lambda term: ("number", int(term)) if well(term) else None
    if datatype == XSD.decimal:
        return lambda term: ("number", Decimal(str(term))) if well(term) else None
    if datatype in (XSD.double, XSD.float):
        return lambda term: ("number", float(str(term).replace("INF", "inf"))) if well(term) else None
    if datatype == XSD.string:
        return lambda term: ("string", str(term)) if well(term) else None
    if datatype == XSD.boolean:
        return lambda term: ("boolean", str(term) in ("true", "1")) if well(term) else None
    whole, with_time = (_DATE, False) if datatype == XSD.date else (_DATETIME, True)
    kind = str(datatype)

    def read(term):
        match = whole.fullmatch(term)
        if match is None or not _day_exists(match):
            return None
        seconds, zoned = _instant(match, with_time)
        return (kind, zoned), seconds
    return read


_READERS = {datatype: _reader(datatype) for datatype in
            (*_INTEGER_RANGES, XSD.decimal, XSD.double, XSD.float, XSD.string, XSD.boolean, XSD.date, XSD.dateTime)}


def _order(a: tuple | None, b: tuple | None) -> int | None:
    """-1, 0, 1 as SPARQL's operators order a and b; None when they are not comparable."""
    if a is None or b is None or a[0] != b[0]:
        return None
    x, y = a[1], b[1]
    if (isinstance(x, float) and math.isnan(x)) or (isinstance(y, float) and math.isnan(y)):
        return None  # NaN: every comparison is false
    return -1 if x < y else (1 if x > y else 0)


# --------------------------------------------------------------------------- regular expressions

_XPATH_ESCAPES = set("nrt\\|.?*+(){}-[]^$")


def xpath_regex(pattern: str, flags: str) -> re.Pattern:
    """An XPath 3.1 regular expression (fn:matches, with its flags) as a Python pattern.
    Raises Unsupported for constructs the two read differently."""
    if set(flags) - set("smixq"):
        raise Unsupported(f"sh:flags {flags!r}")
    options = re.IGNORECASE if "i" in flags else 0
    if "q" in flags:
        return re.compile(re.escape(pattern), options)
    if "m" in flags:
        options |= re.MULTILINE
    out: list[str] = []
    i, n = 0, len(pattern)
    dot = "(?s:.)" if "s" in flags else "[^\n\r]"
    while i < n:
        c = pattern[i]
        if "x" in flags and c in " \t\n\r":
            i += 1
            continue
        if c == "\\":
            out.append(_escape(pattern, i, in_class=False))
            i += 2
        elif c == "[":
            i = _character_class(pattern, i + 1, out)
        elif c == ".":
            out.append(dot)
            i += 1
        elif c == "$":
            out.append("$" if "m" in flags else r"\Z")
            i += 1
        elif c == "(":
            if pattern.startswith("(?:", i):
                out.append("(?:")
                i += 3
            elif pattern.startswith("(?", i):
                raise Unsupported("(? in a pattern")
            else:
                out.append("(")
                i += 1
        elif c == "{":
            match = re.compile(r"\{([0-9]+)(,([0-9]*))?\}").match(pattern, i)
            if match is None:
                raise Unsupported("{ in a pattern")
            out.append(match.group())
            i = match.end()
        elif c in "}]":
            raise Unsupported(f"{c} in a pattern")
        elif c in "^|)*+?":
            out.append(c)
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    try:
        return re.compile("".join(out), options)
    except re.error as exc:
        raise Unsupported(f"pattern {pattern!r}: {exc}") from None


def _escape(pattern: str, i: int, in_class: bool) -> str:
    """Python's form of the XPath escape at pattern[i] ("\\" and the letter after it)."""
    if i + 1 >= len(pattern):
        raise Unsupported("a pattern ending in \\")
    e = pattern[i + 1]
    if e in _XPATH_ESCAPES or e in "dD":
        return "\\" + e
    if e == "s":
        return " \t\n\r" if in_class else "[ \t\n\r]"
    if e == "S" and not in_class:
        return "[^ \t\n\r]"
    raise Unsupported(f"\\{e} in a character class" if in_class else f"\\{e} in a pattern")


def _character_class(pattern: str, i: int, out: list[str]) -> int:
    """Copies [...] from pattern[i:] (after its "["); returns where it ends."""
    n = len(pattern)
    body = ["["]
    if i < n and pattern[i] == "^":
        body.append("^")
        i += 1
    start = i
    while i < n and (pattern[i] != "]" or i == start):
        c = pattern[i]
        if c == "\\":
            body.append(_escape(pattern, i, in_class=True))
            i += 2
        elif c == "[" or (c == "-" and pattern.startswith("-[", i)):
            raise Unsupported("a character class subtraction or [ in a class")
        elif c == "]":  # "[]" is no class in XPath
            raise Unsupported("an empty character class")
        elif c in "&~|^":
            body.append("\\" + c)
            i += 1
        else:
            body.append(c)
            i += 1
    if i >= n:
        raise Unsupported("an unclosed character class")
    body.append("]")
    out.append("".join(body))
    return i + 1


# --------------------------------------------------------------------------------- the plan

@dataclass(frozen=True, eq=False)
class Source:
    """What a result takes from the shape that gave it."""

    shape: object  # the shape's node in the shapes graph
    path: object  # its sh:path node, None for a node shape
    severity: URIRef
    messages: tuple  # its sh:message literals


@dataclass(frozen=True)
class Result:
    """One validation result, as in a sh:ValidationReport."""

    source: Source
    component: URIRef
    focus: object
    value: object = None  # None: the result has no sh:value
    generic: str | None = None  # the message pyshacl makes when the shape has no sh:message

    @property
    def messages(self) -> tuple:
        if self.source.messages:
            return self.source.messages
        return (Literal(self.generic),) if self.generic is not None else ()


class _Data:
    """Triples indexed once: objects by subject and predicate, and subjects by object for the
    predicates the shapes read backwards (targets, inverse paths, classes)."""

    __slots__ = ("inc", "out")

    def __init__(self, triples: Iterable, backwards: frozenset):
        # rdflib's term equality is Python code, a str's is not: predicates are plain strings, and
        # so are IRIs as keys (_key; `inc`'s entries are [the object, its subjects...]). Objects are
        # in lists, not sets (a literal's hash is Python code too): a triple given twice is one
        # value, so the checks count and report distinct values (_distinct).
        out: dict = {}
        inc: dict = {p: {} for p in backwards}
        last = values = None
        for s, p, o in triples:
            p = str(p)
            if s is not last:  # a subject's triples mostly come together
                key = str(s) if isinstance(s, URIRef) else s
                values = out.get(key)
                if values is None:
                    values = out[key] = {}
                last = s
            objects = values.get(p)
            if objects is None:
                values[p] = [o]
            else:
                objects.append(o)
            index = inc.get(p)
            if index is not None:
                key = str(o) if isinstance(o, URIRef) else o
                entry = index.get(key)
                if entry is None:
                    index[key] = [o, s]
                else:
                    entry.append(s)
        self.out = out
        self.inc = inc

    def own(self, s) -> dict:
        """The objects of `s` by predicate."""
        return self.out.get(_key(s), NOTHING)

    def objects(self, s, p: str):
        values = self.out.get(_key(s))
        return values.get(p, EMPTY) if values is not None else EMPTY

    def subjects(self, p: str, o) -> set:
        entry = self.inc[p].get(_key(o))
        return set(entry[1:]) if entry is not None else set()

    def objects_of(self, p: str):
        """Every object of `p`."""
        return [entry[0] for entry in self.inc[p].values()]

    def instances(self, cls) -> set:
        """SHACL instances: rdf:type cls or a subclass of it (rdfs:subClassOf*) in the data."""
        classes, todo = {cls}, [cls]
        while todo:
            for sub in self.subjects(_SUBCLASS, todo.pop()):
                if sub not in classes:
                    classes.add(sub)
                    todo.append(sub)
        found: set = set()
        for c in classes:
            found |= self.subjects(_TYPE, c)
        return found


def _key(term):
    """A term as a key of _Data's dicts: an IRI as its plain string (a literal or a blank node with
    the same text stays another key: their equality refuses a plain str)."""
    return str(term) if isinstance(term, URIRef) else term


_TYPE, _SUBCLASS = str(RDF.type), str(RDFS.subClassOf)
NOTHING: dict = {}
Check = Callable  # (focus, values, data, found: list) -> None
Test = Callable  # value -> bool


class _NodeShape:
    def __init__(self, node, classes, objects_of, checks, properties):
        self.node = node
        self.classes = classes
        self.objects_of = objects_of  # predicates, as strings
        self.checks = checks  # on the focus node itself
        self.properties = properties  # [(predicate of a one-step path or None, walk(focus, data) or None, [checks])]

    def focus_nodes(self, data: _Data) -> set:
        found: set = set()
        for cls in self.classes:
            found |= data.instances(cls)
        for p in self.objects_of:
            found.update(data.objects_of(p))
        return found


class LocalShapes:
    """The compiled shapes: `validate(triples)` gives the results pyshacl would give."""

    def __init__(self, shapes: list[_NodeShape], backwards: frozenset):
        self.shapes = shapes
        self.backwards = backwards

    def validate(self, triples: Iterable) -> list[Result]:
        # The index is many small containers and no cycles: the collector, which would walk the
        # caller's whole heap again and again as they are made, has nothing to find.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._validate(triples)
        finally:
            if enabled:
                gc.enable()

    def _validate(self, triples: Iterable) -> list[Result]:
        data = _Data(triples, self.backwards)
        found: list[Result] = []
        for shape in self.shapes:
            node_checks, properties = shape.checks, shape.properties
            for focus in shape.focus_nodes(data):
                for check in node_checks:
                    check(focus, (focus,), data, found)
                own = data.own(focus)
                for key, walk, checks in properties:
                    values = own.get(key, EMPTY) if walk is None else walk(focus, data)
                    for check in checks:
                        check(focus, values, data, found)
        return found


# ------------------------------------------------------------------------------ compilation

_NODE_KINDS = {
    SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
}
_ANNOTATIONS = frozenset({
    RDF.type, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.deactivated,
    RDFS.comment, RDFS.label,
})
_VALUE_PARAMETERS = frozenset({SH.datatype, SH.nodeKind, SH.pattern, SH.flags, SH["in"], SH.minLength, SH.maxLength,
                               SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive})
_COUNT_PARAMETERS = frozenset({SH.minCount, SH.maxCount})
_PAIR_PARAMETERS = {SH.equals: SH.EqualsConstraintComponent, SH.disjoint: SH.DisjointConstraintComponent,
                    SH.lessThan: SH.LessThanConstraintComponent,
                    SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent}
_RANGES = {  # parameter: (component, accepted orders of value against bound, generic message)
    SH.minInclusive: (SH.MinInclusiveConstraintComponent, (0, 1), ">="),
    SH.minExclusive: (SH.MinExclusiveConstraintComponent, (1,), ">"),
    SH.maxInclusive: (SH.MaxInclusiveConstraintComponent, (0, -1), "<="),
    SH.maxExclusive: (SH.MaxExclusiveConstraintComponent, (-1,), "<"),
}
_INTEGER_TYPES = frozenset(_INTEGER_RANGES)


class _Compiler:
    def __init__(self, shapes: Graph):
        self.g = shapes
        self.backwards = {_TYPE, _SUBCLASS}
        self.names = shapes.namespace_manager

    def one(self, node, p, required: bool = False):
        values = list(self.g.objects(node, p))
        if len(values) > 1 or (required and not values):
            raise Unsupported(f"{len(values)} values of {p} on a shape")
        return values[0] if values else None

    def deactivated(self, node) -> bool:
        value = self.one(node, SH.deactivated)
        if value is None:
            return False
        if not (isinstance(value, Literal) and value.datatype == XSD.boolean and well_typed(value, XSD.boolean)):
            raise Unsupported("sh:deactivated that is not an xsd:boolean")
        return str(value) in ("true", "1")

    def source(self, node, path) -> Source:
        severity = self.one(node, SH.severity)
        if severity is not None and not isinstance(severity, URIRef):
            raise Unsupported("sh:severity that is not an IRI")
        messages = tuple(sorted(set(self.g.objects(node, SH.message)), key=lambda m: (str(m), m.n3())))
        return Source(node, path, severity if severity is not None else SH.Violation, messages)

    def text(self, node) -> str:
        """A shapes-graph IRI as pyshacl names it in a generic message (sh:IRI, xsd:string)."""
        self.names.bind("sh", SH, override=False, replace=False)
        return node.n3(namespace_manager=self.names)

    # -- shapes ---------------------------------------------------------------
    def compile(self) -> LocalShapes:
        g = self.g
        nodes = set(g.subjects(RDF.type, SH.NodeShape))
        for target in (SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.targetNode, SH.target):
            nodes |= set(g.subjects(target, None))
        if set(g.subjects(RDF.type, SH.PropertyShape)) - set(g.objects(None, SH.property)):
            raise Unsupported("a property shape outside a node shape's sh:property")
        compiled = []
        for node in sorted(nodes, key=lambda n: (isinstance(n, BNode), str(n))):
            shape = self.node_shape(node)
            if shape is not None:
                compiled.append(shape)
        return LocalShapes(compiled, frozenset(self.backwards))

    def node_shape(self, node) -> _NodeShape | None:
        g = self.g
        types = set(g.objects(node, RDF.type))
        if RDFS.Class in types or OWL_CLASS in types:
            raise Unsupported("a shape that is a class (implicit class target)")
        classes, objects_of, checks, properties = [], [], [], []
        source = self.source(node, None)
        for p, o in g.predicate_objects(node):
            if p == SH.targetClass:
                classes.append(o)
            elif p == SH.targetObjectsOf:
                if not isinstance(o, URIRef):
                    raise Unsupported("sh:targetObjectsOf a non-IRI")
                objects_of.append(str(o))
                self.backwards.add(str(o))
            elif p == SH.property:
                if not self.deactivated(o):
                    properties.append(self.property_shape(o))
            elif p not in _VALUE_PARAMETERS and p not in _ANNOTATIONS and p != SH["or"]:
                raise Unsupported(f"{p} on a node shape")
        checks = self.value_checks(node, source, node_shape=True)
        if self.deactivated(node):
            return None
        return _NodeShape(node, sorted(set(classes), key=str), sorted(set(objects_of), key=str), checks, properties)

    def property_shape(self, node):
        g = self.g
        path = self.one(node, SH.path, required=True)
        key, walk = self.path_values(path)
        source = self.source(node, path)
        for p in g.predicates(node, None):
            if p not in _VALUE_PARAMETERS | _COUNT_PARAMETERS | _ANNOTATIONS | set(_PAIR_PARAMETERS) \
                    and p not in (SH.path, SH["or"]):
                raise Unsupported(f"{p} on a property shape")
        checks = self.value_checks(node, source, node_shape=False)
        checks += self.count_checks(node, source)
        checks += self.pair_checks(node, source)
        return key, walk, checks

    def path_values(self, path) -> tuple:
        """(predicate, None) for a path of one IRI, else (None, walk(focus, data) -> value nodes)."""
        if isinstance(path, URIRef):
            return str(path), None
        steps = self.path_steps(path)
        if steps is None:
            raise Unsupported("a path other than an IRI, an inverse IRI or a sequence of them")
        steps = [(inverse, str(p)) for inverse, p in steps]
        if len(steps) == 1:
            (_, p), = steps
            return None, lambda focus, data: data.subjects(p, focus)

        def walk(focus, data):
            nodes = {focus}
            for inverse, p in steps:
                step: set = set()
                for n in nodes:
                    step.update(data.subjects(p, n) if inverse else data.objects(n, p))
                nodes = step
            return nodes

        return None, walk

    def path_steps(self, path):
        """[(inverse, predicate)] for an inverse IRI or a sequence of IRIs and inverse IRIs."""
        g = self.g
        if not isinstance(path, BNode):
            return None
        inverse = self.inverse_step(path)
        if inverse is not None:
            return [(True, inverse)]
        if g.value(path, RDF.first) is None:
            return None
        steps = []
        try:
            items = list(Collection(g, path))
        except ValueError:  # a list whose rdf:rest comes back to it
            raise Unsupported("a path list that is no RDF list") from None
        if len(items) < 2:
            raise Unsupported("a sequence path of fewer than two steps")
        for item in items:
            if isinstance(item, URIRef):
                steps.append((False, item))
            else:
                p = self.inverse_step(item) if isinstance(item, BNode) else None
                if p is None:
                    return None
                steps.append((True, p))
        return steps

    def inverse_step(self, node):
        pairs = list(self.g.predicate_objects(node))
        if len(pairs) == 1 and pairs[0][0] == SH.inversePath and isinstance(pairs[0][1], URIRef):
            self.backwards.add(str(pairs[0][1]))
            return pairs[0][1]
        return None

    # -- constraints ------------------------------------------------------------
    def value_tests(self, node, source: Source | None) -> list[tuple[URIRef, Test, str | None]]:
        """(component, test of one value, generic message) for the value constraints of `node`."""
        g = self.g
        tests = []
        needs_message = source is not None and not source.messages
        datatype = self.one(node, SH.datatype)
        if datatype is not None:
            if not isinstance(datatype, URIRef) or datatype in (RDFS.Literal, RDFS.Datatype):
                raise Unsupported(f"sh:datatype {datatype}")  # pyshacl's own reading of these two
            tests.append((SH.DatatypeConstraintComponent, _datatype_test(datatype),
                          f"Value is not Literal with datatype {self.text(datatype)}"))
        kind = self.one(node, SH.nodeKind)
        if kind is not None:
            if kind not in _NODE_KINDS:
                raise Unsupported(f"sh:nodeKind {kind}")
            classes = _NODE_KINDS[kind]
            tests.append((SH.NodeKindConstraintComponent, lambda v, c=classes: isinstance(v, c),
                          f"Value is not of Node Kind {self.text(kind)}"))
        patterns = list(g.objects(node, SH.pattern))
        if patterns:
            flags = self.one(node, SH.flags)
            if flags is not None and not (isinstance(flags, Literal) and datatype_of(flags) == XSD.string):
                raise Unsupported("sh:flags that is not a string")
            if len(patterns) > 1 and needs_message:
                raise Unsupported("several sh:pattern and no sh:message")
            for pattern in patterns:
                if not isinstance(pattern, Literal):
                    raise Unsupported("sh:pattern that is not a literal")
                regex = xpath_regex(str(pattern), str(flags) if flags is not None else "")
                tests.append((SH.PatternConstraintComponent,
                              lambda v, r=regex: not isinstance(v, BNode) and r.search(str(v)) is not None,
                              f"Value does not match pattern '{pattern}'"))
        members = self.one(node, SH["in"])
        if members is not None:
            if needs_message:
                raise Unsupported("sh:in without sh:message")  # pyshacl's message lists a set
            allowed = frozenset(self.items(members))
            tests.append((SH.InConstraintComponent, lambda v, a=allowed: v in a, None))
        for parameter, compare in ((SH.minLength, int.__ge__), (SH.maxLength, int.__le__)):
            bound = self.one(node, parameter)
            if bound is None:
                continue
            if needs_message:
                raise Unsupported(f"{parameter} without sh:message")
            if not (isinstance(bound, Literal) and bound.datatype in _INTEGER_TYPES and well_typed(bound, bound.datatype)
                    and int(str(bound)) >= 0):
                raise Unsupported(f"{parameter} {bound}")
            length = int(str(bound))
            component = SH.MinLengthConstraintComponent if parameter == SH.minLength else SH.MaxLengthConstraintComponent
            # len() of the term itself: an IRI's or a literal's lexical form, without a copy
            tests.append((component, lambda v, n=length, c=compare: not isinstance(v, BNode) and c(len(v), n), None))
        for parameter, (component, accepted, sign) in _RANGES.items():
            bounds = list(g.objects(node, parameter))
            if len(bounds) > 1 and needs_message:
                raise Unsupported(f"several {parameter} and no sh:message")
            for bound in bounds:
                key = comparable(bound)
                if key is None:
                    raise Unsupported(f"{parameter} {bound}")
                tests.append((component, lambda v, k=key, a=accepted: _order(comparable(v), k) in a,
                              f"Value is not {sign} {_pyshacl_literal_text(bound, self.text)}"))
        return tests

    def value_checks(self, node, source: Source, node_shape: bool) -> list[Check]:
        checks = []
        for component, test, generic in self.value_tests(node, source):
            checks.append(_value_check(source, component, test, None if source.messages else generic))
        for members in self.g.objects(node, SH["or"]):
            if node_shape:
                raise Unsupported("sh:or on a node shape")
            if not source.messages:
                raise Unsupported("sh:or without sh:message")  # pyshacl's message names the data graph's prefixes
            shapes = [self.member(m) for m in self.items(members)]
            if not shapes:
                raise Unsupported("an empty sh:or")
            test = (lambda v, s=tuple(shapes): any(all(t(v) for t in member) for member in s))
            checks.append(_value_check(source, SH.OrConstraintComponent, test, None))
        return checks

    def member(self, node) -> list[Test]:
        """The tests of one member of sh:or (a shape that constrains one value)."""
        if isinstance(node, Literal):
            raise Unsupported("a literal in sh:or")
        for p in self.g.predicates(node, None):
            if p not in _VALUE_PARAMETERS and p not in _ANNOTATIONS:
                raise Unsupported(f"{p} in a member of sh:or")
        if self.deactivated(node):
            return []
        return [test for _, test, _ in self.value_tests(node, None)]

    def items(self, node) -> list:
        try:
            return list(Collection(self.g, node))
        except ValueError:
            raise Unsupported("a list that is no RDF list") from None

    def count_checks(self, node, source: Source) -> list[Check]:
        checks = []
        for parameter, component in ((SH.minCount, SH.MinCountConstraintComponent),
                                     (SH.maxCount, SH.MaxCountConstraintComponent)):
            bound = self.one(node, parameter)
            if bound is None:
                continue
            if not (isinstance(bound, Literal) and bound.datatype == XSD.integer and well_typed(bound, XSD.integer)
                    and int(str(bound)) >= 0):
                raise Unsupported(f"{parameter} {bound}")
            if not source.messages:
                raise Unsupported(f"{parameter} without sh:message")  # pyshacl's message names the data graph's prefixes
            checks.append(_count_check(source, component, int(str(bound)), parameter == SH.minCount))
        return checks

    def pair_checks(self, node, source: Source) -> list[Check]:
        checks = []
        for parameter, component in _PAIR_PARAMETERS.items():
            for other in self.g.objects(node, parameter):
                if not isinstance(other, URIRef):
                    raise Unsupported(f"{parameter} a non-IRI")
                if not source.messages:
                    raise Unsupported(f"{parameter} without sh:message")
                checks.append(_pair_check(source, component, parameter, other))
        return checks


def _pyshacl_literal_text(term: Literal, iri_text: Callable) -> str:
    """pyshacl's stringify_literal: Literal("0", datatype=xsd:integer); "1.0" = 1.0 when the value reads otherwise."""
    lexical = str(term)
    value = None if term.value is None else str(term.value)
    text = f'"{lexical}" = {value}' if value is not None and value != lexical else f'"{lexical}"'
    if term.language:
        text += f", lang={term.language}"
    if term.datatype:
        text += f", datatype={iri_text(term.datatype)}"
    return f"Literal({text})"


def _datatype_test(datatype: URIRef) -> Test:
    if datatype == XSD.string:
        def test(v):  # the common case first: a simple literal of XML characters
            return (isinstance(v, Literal) and not v.language and (v.datatype is None or v.datatype == XSD.string)
                    and not _NOT_CHAR.search(v))
        return test
    well = _lexical_test(datatype)
    return lambda v: isinstance(v, Literal) and datatype_of(v) == datatype and well(v)


def _distinct(values) -> list:
    return list(dict.fromkeys(values)) if len(values) > 1 else list(values)


def _value_check(source: Source, component: URIRef, test: Test, generic: str | None) -> Check:
    def check(focus, values, data, found):
        failed = None
        for v in values:
            if not test(v):
                failed = [v] if failed is None else failed + [v]
        if failed is not None:
            for v in _distinct(failed):
                found.append(Result(source, component, focus, v, generic))
    return check


def _count_check(source: Source, component: URIRef, bound: int, minimum: bool) -> Check:
    if minimum:
        def check(focus, values, data, found):
            if len(values) < bound or (bound > 1 and len(_distinct(values)) < bound):
                found.append(Result(source, component, focus))
    else:
        def check(focus, values, data, found):
            if len(values) > bound and len(_distinct(values)) > bound:
                found.append(Result(source, component, focus))
    return check


def _pair_check(source: Source, component: URIRef, parameter: URIRef, other: URIRef) -> Check:
    other = str(other)
    if parameter == SH.equals:
        def check(focus, values, data, found):
            values, others = set(values), set(data.objects(focus, other))
            if values != others:
                for v in [v for v in values if v not in others] + [v for v in others if v not in values]:
                    found.append(Result(source, component, focus, v))
    elif parameter == SH.disjoint:
        def check(focus, values, data, found):
            others = data.objects(focus, other)
            if others:
                others = set(others)
                for v in set(values):
                    if v in others:
                        found.append(Result(source, component, focus, v))
    else:
        accepted = (-1,) if parameter == SH.lessThan else (-1, 0)

        def check(focus, values, data, found):
            others = data.objects(focus, other)
            if not others:
                return
            others = [(w, comparable(w)) for w in _distinct(others)]
            for v in _distinct(values):
                key = comparable(v)
                for _, w in others:  # each pair: one result for each value it is not less than
                    if _order(key, w) not in accepted:
                        found.append(Result(source, component, focus, v))
    return check


def compile_shapes(shapes: Graph) -> LocalShapes | None:
    """The shapes as checks in Python, or None when they use anything this module does not evaluate."""
    try:
        return _Compiler(shapes).compile()
    except Unsupported:
        return None


# ------------------------------------------------------------------------------- the report

def report_graph(results: list[Result], shapes: Graph, data: Graph) -> Graph:
    """The sh:ValidationReport of `results`, built as pyshacl builds its own: blank shapes, paths
    and values copied in from the graph they come from (each once). Its blank nodes are named
    in the order of `results`, so that the same results serialise to the same bytes."""
    report = Graph(bind_namespaces="core")
    for prefix, namespace in shapes.namespace_manager.namespaces():
        report.namespace_manager.bind(prefix, namespace)
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    report.add((root, SH.conforms, Literal(not results)))
    copied: dict = {}

    def copy(graph: Graph, node):
        if not isinstance(node, BNode):
            return node
        key = (id(graph), str(node))
        if key not in copied:
            copied[key] = _copy_blank(graph, node, report, BNode(f"copy{len(copied) + 1}"), 0)
        return copied[key]

    for number, result in enumerate(results, 1):
        node = BNode(f"result{number:07d}")
        source = result.source
        report.add((root, SH.result, node))
        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.sourceConstraintComponent, result.component))
        report.add((node, SH.sourceShape, copy(shapes, source.shape)))
        report.add((node, SH.resultSeverity, source.severity))
        report.add((node, SH.focusNode, copy(data, result.focus)))
        if result.value is not None:
            report.add((node, SH.value, copy(data, result.value)))
        if source.path is not None:
            report.add((node, SH.resultPath, copy(shapes, source.path)))
        for message in result.messages:
            report.add((node, SH.resultMessage, message))
    return report


def _copy_blank(graph: Graph, node: BNode, target: Graph, copy: BNode, depth: int) -> BNode:
    """A blank node's description copied into `target` (lists as lists), ten levels deep at most."""
    if depth >= 10:
        return copy
    if graph.value(node, RDF.first) is not None:
        items = [_copy_term(graph, item, target, depth + 1) for item in graph.items(node)]
        Collection(target, copy, items)
        return copy
    for p, o in graph.predicate_objects(node):
        target.add((copy, p, _copy_term(graph, o, target, depth + 1)))
    return copy


def _copy_term(graph: Graph, term, target: Graph, depth: int):
    return _copy_blank(graph, term, target, BNode(), depth + 1) if isinstance(term, BNode) else term
