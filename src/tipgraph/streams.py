"""Graphs from files, gzip files or standard input; results to files or standard output.

Every command that reads a graph takes ``-`` for standard input and
``--input-format`` to override what the file name says (a graph saved as
``.txt``, a ``graph.ttl.gz``). Every command that writes one file takes
``-`` for standard output. Without ``--input-format``, standard input is
read as Turtle, the format ``tipgraph build`` writes; a name ending in
``.gz`` is decompressed and its format read from the name before ``.gz``.
"""
from __future__ import annotations

import contextlib
import gzip
import sys
import zlib
from pathlib import Path
from typing import IO, Iterator

import click
from rdflib import Graph

from tipgraph.graphio import FORMATS_BY_SUFFIX, TipgraphError, atomic_output, load_graph, parse_graph, rdf_format

STDIO = "-"
STDIN_NAME = "<stdin>"
# --input-format names -> rdflib's format names (the values of FORMATS_BY_SUFFIX)
INPUT_FORMATS = {
    "ttl": "turtle",
    "turtle": "turtle",
    "nt": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "rdfxml": "xml",
}


def is_stdio(path) -> bool:
    return str(path) == STDIO


def display_name(path) -> str:
    return STDIN_NAME if is_stdio(path) else str(path)


def input_format_option(function):
    """The --input-format option shared by every command that reads a graph."""
    return click.option(
        "--input-format",
        "input_format",
        type=click.Choice(sorted(INPUT_FORMATS)),
        default=None,
        help="Read the graph in this format whatever its name says (default: from the extension, "
             "after .gz; Turtle for - , standard input).",
    )(function)


def graph_format(path, input_format: str | None = None) -> str:
    """rdflib's name for the format of `path` (a file name, or - for standard input)."""
    if input_format:
        return INPUT_FORMATS[input_format]
    if is_stdio(path):
        return "turtle"
    path = Path(path)
    if path.suffix.lower() == ".gz":
        inner = Path(path.stem)
        if inner.suffix.lower() not in FORMATS_BY_SUFFIX:
            raise TipgraphError(f"{path}: cannot tell the graph format from the name; give --input-format")
        return rdf_format(inner)
    if path.suffix.lower() not in FORMATS_BY_SUFFIX:
        known = ", ".join(sorted(FORMATS_BY_SUFFIX))
        raise TipgraphError(f"{path}: unknown graph file type {path.suffix!r} (known: {known}, "
                            "each optionally .gz); give --input-format")
    return rdf_format(path)


def read_graph_bytes(path) -> bytes:
    """The bytes of a graph: standard input, a file, or a gzip file (decompressed)."""
    if is_stdio(path):
        data = sys.stdin.buffer.read()
    else:
        path = Path(path)
        if not path.is_file():
            raise TipgraphError(f"{path}: no such graph file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise TipgraphError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise TipgraphError(f"{display_name(path)}: cannot decompress: {exc}") from None
    return data


def needs_bytes(path, input_format: str | None) -> bool:
    """True unless `path` is a plain graph file that the file loaders read themselves."""
    return is_stdio(path) or input_format is not None or Path(path).suffix.lower() == ".gz"


def load_graph_input(path, input_format: str | None = None) -> Graph:
    """One rdflib graph (named graphs merged) from a file, a .gz file or - (standard input)."""
    if not needs_bytes(path, input_format):
        return load_graph(path)
    fmt = graph_format(path, input_format)
    data = read_graph_bytes(path)
    try:
        return parse_graph(fmt, data=data)
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise TipgraphError(f"{display_name(path)}: cannot parse as {fmt}: {message}") from None


@contextlib.contextmanager
def output_stream(path, mode: str = "w") -> Iterator[IO]:
    """Standard output for -, else a file replaced atomically (see graphio.atomic_output)."""
    if not is_stdio(path):
        with atomic_output(path, mode) as handle:
            yield handle
        return
    if "b" in mode:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    else:
        yield sys.stdout
        sys.stdout.flush()
