"""Reading a corpus folder: text, web pages, PDFs and Word files, plus sidecar metadata.

Every file becomes text (the text that offsets index); a file that cannot be read is
named with its reason and skipped (or fails the build with `strict`); the same text
saved twice becomes one document that records all its files.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from tipgraph.corpus.dedupe import DuplicateMemo, duplicate_groups
from tipgraph.corpus.encoding import decode, universal_newlines
from tipgraph.corpus.errors import Unreadable
from tipgraph.corpus.readers import FORMAT_PREFERENCE, READERS
from tipgraph.corpus.sidecar import SIDECAR_KEYS, SIDECAR_NAMES, calendar_date, read_sidecar
from tipgraph.graphio import TipgraphError
from tipgraph.model import SourceDocument

DOCUMENT_SUFFIXES = tuple(READERS)

__all__ = [
    "Corpus", "DOCUMENT_SUFFIXES", "ReadingMemo", "SIDECAR_KEYS", "SIDECAR_NAMES", "Skipped", "Unreadable",
    "calendar_date", "decode", "read_corpus", "read_file", "read_sidecar", "universal_newlines",
]


@dataclass(frozen=True)
class Skipped:
    source_file: str
    reason: str

    def line(self) -> str:
        return f"skipped {self.source_file}: {self.reason}"


@dataclass
class Corpus:
    documents: list[SourceDocument]
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0  # files whose text another file already holds


def _document_files(folder: Path) -> list[Path]:
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith(".") or not filename.lower().endswith(DOCUMENT_SUFFIXES):
                continue
            files.append(Path(dirpath) / filename)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


class ReadingMemo:
    """What files read as in an earlier reading, for the next one (tipgraph.cache keeps it).

    A file's text and the metadata it states depend on its bytes and its format alone (and on
    the readers' code and libraries, which the cache's version of the memo pins), so a file
    whose bytes an earlier reading saw is not read again (web pages, PDFs and hard-wrapped text
    take milliseconds each). Files are known by format and the sha256 of their bytes; the memo
    describes the last reading's files only."""

    def __init__(self) -> None:
        self.earlier: dict[tuple[str, bytes], tuple[str, dict[str, str]] | str] = {}  # or Unreadable's reason
        self.now: dict[tuple[str, bytes], tuple[str, dict[str, str]] | str] = {}

    def read(self, path: Path) -> tuple[str, dict[str, str]]:
        raw = _bytes_of(path)
        key = (path.suffix.lower(), hashlib.sha256(raw).digest())
        found = self.now.get(key) or self.earlier.get(key)
        if found is None:
            try:
                found = _read_bytes(path, raw)
            except Unreadable as exc:
                found = str(exc)
        self.now[key] = found
        if isinstance(found, str):
            raise Unreadable(found)
        text, meta = found
        return text, dict(meta)

    def done(self) -> None:
        """The reading is over: keep what it read, forget the files it did not see."""
        self.earlier, self.now = self.now, {}

    def __getstate__(self) -> dict:
        return {"earlier": self.earlier, "now": {}}


def _bytes_of(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None


def read_file(path: Path) -> tuple[str, dict[str, str]]:
    """(text, metadata the file states about itself); raises Unreadable with the reason."""
    return _read_bytes(path, _bytes_of(path))


def _read_bytes(path: Path, raw: bytes) -> tuple[str, dict[str, str]]:
    reader = READERS[path.suffix.lower()]
    text, meta = reader(raw)
    text = universal_newlines(text)
    if not text.strip():
        raise Unreadable("no text (blank file)" if reader is READERS[".txt"] else "no text found in it")
    return text, meta


def document_ids(relative_paths: list[str]) -> dict[str, str]:
    """File -> document id: its path without the suffix, or the whole path where two files
    would share one ("report.html" and "report.pdf" holding different texts)."""
    full = set()
    while True:
        ids = {p: (p if p in full else str(PurePosixPath(p).with_suffix(""))) for p in relative_paths}
        owners: dict[str, list[str]] = {}
        for p, i in ids.items():
            owners.setdefault(i, []).append(p)
        clashing = {p for group in owners.values() if len(group) > 1 for p in group} - full
        if not clashing:
            return ids
        full |= clashing


def _preference(relative: str) -> tuple[int, str]:
    suffix = PurePosixPath(relative).suffix.lower()
    return (FORMAT_PREFERENCE.index(suffix) if suffix in FORMAT_PREFERENCE else len(FORMAT_PREFERENCE), relative)


def read_corpus(folder: str | os.PathLike, *, strict: bool = False, duplicates: DuplicateMemo | None = None,
                readings: ReadingMemo | None = None) -> Corpus:
    """Every readable document under `folder`, sorted by relative path. `duplicates` is what an
    earlier reading learnt about which texts are one text, `readings` what files' bytes read as
    (tipgraph.cache keeps both)."""
    folder = Path(folder)
    if not folder.exists():
        raise TipgraphError(f"{folder}: corpus folder not found")
    if not folder.is_dir():
        raise TipgraphError(f"{folder}: not a folder; give the folder that holds the documents")
    sidecar = read_sidecar(folder)
    read: list[tuple[str, str, dict[str, str]]] = []
    skipped: list[Skipped] = []
    for path in _document_files(folder):
        relative = path.relative_to(folder).as_posix()
        try:
            text, meta = readings.read(path) if readings is not None else read_file(path)
        except Unreadable as exc:
            if strict:
                raise TipgraphError(f"{relative}: {exc} (--strict)") from None
            skipped.append(Skipped(relative, str(exc)))
            continue
        read.append((relative, text, meta))
    if readings is not None:
        readings.done()
    if not read:
        suffixes = ", ".join(DOCUMENT_SUFFIXES)
        raise TipgraphError(f"{folder}: no documents ({suffixes} files with text) in the corpus")

    groups = duplicate_groups([text for _, text, _ in read], duplicates)
    kept: list[tuple[str, str, dict, tuple[str, ...]]] = []
    for group in groups:
        members = sorted((read[i] for i in group), key=lambda r: _preference(r[0]))
        relative, text, _ = members[0]
        files = tuple(sorted(r[0] for r in members))
        metadata: dict[str, str] = {}
        # what the files say about themselves, the kept file's first; metadata.yaml over all of it
        for member in reversed(members):
            metadata.update(member[2])
        for member in reversed(members):
            metadata.update(sidecar.get(member[0]) or sidecar.get(PurePosixPath(member[0]).name) or {})
        kept.append((relative, text, metadata, files))
    ids = document_ids([k[0] for k in kept])
    documents = [
        SourceDocument(doc_id=ids[relative], source_file=relative, text=text, metadata=metadata, source_files=files)
        for relative, text, metadata, files in sorted(kept, key=lambda k: k[0])
    ]
    return Corpus(documents=documents, skipped=skipped, duplicates=len(read) - len(kept))
