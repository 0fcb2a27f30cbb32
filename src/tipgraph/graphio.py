"""Reading graph files and writing outputs safely.

Every output goes to a temporary file in the destination folder and is
renamed into place, so a failed run leaves the previous output intact.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Callable, Iterator

from rdflib import Dataset, Graph

FORMATS_BY_SUFFIX = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
QUAD_FORMATS = {"nquads", "trig"}


class TipgraphError(Exception):
    """A failure the user can act on; the CLI prints it as one line."""


def rdf_format(path: Path) -> str:
    fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS_BY_SUFFIX))
        raise TipgraphError(f"{path}: unknown graph file type {path.suffix!r} (known: {known})")
    return fmt


def load_graph(path: str | os.PathLike) -> Graph:
    """Parse an RDF file into one graph (named graphs are merged).

    Raises TipgraphError with the parser's message (and line, where the
    parser gives one) for a missing or unparsable file.
    """
    path = Path(path)
    if not path.is_file():
        raise TipgraphError(f"{path}: no such graph file")
    fmt = rdf_format(path)
    try:
        if fmt in QUAD_FORMATS:
            dataset = Dataset(default_union=True)
            dataset.parse(path, format=fmt)
            graph = Graph()
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            for prefix, ns in dataset.namespaces():
                graph.bind(prefix, ns, override=False)
            return graph
        graph = Graph()
        graph.parse(path, format=fmt)
        return graph
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise TipgraphError(f"{path}: cannot parse as {fmt}: {message}") from None


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside `path`; rename it over `path` on success."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise TipgraphError(f"cannot write to {path.parent}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        encoding = None if "b" in mode else "utf-8"
        newline = None if "b" in mode else "\n"
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
        make_shareable(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def make_shareable(path: Path) -> None:
    """mkstemp/mkdtemp make files and folders their owner's alone; outputs are for sharing
    (a Neo4j or triple-store server running as another user must read them)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, (0o777 if Path(path).is_dir() else 0o666) & ~umask)


def atomic_folder(out: Path, write: Callable[[Path], None]) -> None:
    """Write a folder with `write(tmp_folder)` beside `out`, then rename it over `out`;
    on failure the previous folder stays as it was."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    except OSError as exc:
        raise TipgraphError(f"cannot write to {out.parent}: {exc.strerror or exc}") from None
    old = None
    try:
        write(tmp)
        make_shareable(tmp)
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, old)
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not out.exists():
            os.replace(old, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    with atomic_output(path) as handle:
        handle.write(text)
