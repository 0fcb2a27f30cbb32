"""A deterministic Turtle writer: the same triples always give the same bytes.

Subjects, predicates and objects are sorted; `rdf:type` comes first and
then the label, so a resource reads well. Only IRIs and literals are
written (the graph has no blank nodes). Literals are escaped so that no
document text can break the file.
"""
from __future__ import annotations

import re
from typing import Iterable, TextIO

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from tipgraph.namespaces import PREFIXES

_LOCAL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f\ufffe\uffff]')
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER = re.compile(r"[+-]?\d+")
_MEMO_LIMIT = 100_000
_PREDICATE_ORDER = {str(RDF.type): 0, str(RDFS.label): 1}
_TYPE = str(RDF.type)
_INTEGER_TYPE, _STRING_TYPE = XSD.integer, XSD.string  # rdflib makes a new term at every XSD.x


def escape_string(value: str) -> str:
    def replace(match: re.Match) -> str:
        ch = match.group()
        return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"

    return _NEEDS_ESCAPE.sub(replace, value)


class TurtleWriter:
    def __init__(self, prefixes: dict[str, str] | None = None):
        self.prefixes = dict(prefixes or PREFIXES)
        # longest namespace first, so tipid: wins over a shorter match
        self._ordered = sorted(self.prefixes.items(), key=lambda kv: -len(kv[1]))
        self._written: dict[str, str] = {}  # predicates and entities recur in every document

    def iri(self, iri: str) -> str:
        written = self._written.get(iri)
        if written is None:
            written = self._iri(iri)
            if len(self._written) > _MEMO_LIMIT:
                self._written.clear()
            self._written[iri] = written
        return written

    def _iri(self, iri: str) -> str:
        for prefix, namespace in self._ordered:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if _LOCAL_NAME.match(local):
                    return f"{prefix}:{local}"
        return "<" + _IRI_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", iri) + ">"

    def literal(self, lit: Literal) -> str:
        text = str(lit)
        datatype = lit.datatype
        if datatype == _INTEGER_TYPE and _INTEGER.fullmatch(text):
            return text
        body = f'"{escape_string(text)}"'
        if lit.language:
            return f"{body}@{lit.language}"
        if datatype is not None and datatype != _STRING_TYPE:
            return f"{body}^^{self.iri(str(datatype))}"
        return body

    def term(self, term) -> str:
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, Literal):
            return self.literal(term)
        raise ValueError(f"cannot write {type(term).__name__} {term!r}: the graph must have no blank nodes")

    def header(self) -> str:
        return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in sorted(self.prefixes.items()))

    def block(self, subject: str, pairs: Iterable[tuple[str, str]]) -> str:
        """One subject's statements: `subject` written, `pairs` (predicate IRI, written object)."""
        ordered = sorted(set(pairs), key=lambda po: (_PREDICATE_ORDER.get(po[0], 2), po[0], po[1]))
        previous = None
        lines: list[str] = []
        for predicate, obj in ordered:
            if predicate == previous:
                lines[-1] += f" ,\n        {obj}"
            else:
                shown = "a" if predicate == _TYPE else self.iri(predicate)
                lines.append(f"    {shown} {obj}")
                previous = predicate
        return f"\n{subject}\n" + " ;\n".join(lines) + " .\n"

    def write(self, graph: Graph, out: TextIO) -> int:
        out.write(self.header())
        by_subject: dict[str, list[tuple[str, str]]] = {}
        count = 0
        for s, p, o in graph:
            by_subject.setdefault(self.term(s), []).append((str(p), self.term(o)))
            count += 1
        for subject in sorted(by_subject):
            out.write(self.block(subject, by_subject[subject]))
        return count


def write_turtle(graph: Graph, out: TextIO, prefixes: Iterable[tuple[str, str]] | None = None) -> int:
    """Write `graph` as Turtle; returns the number of triples."""
    return TurtleWriter(dict(prefixes) if prefixes else None).write(graph, out)
