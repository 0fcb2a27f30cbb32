"""Reading a corpus folder: `.txt` and `.md` files plus optional sidecar metadata."""
from __future__ import annotations

import os
from pathlib import Path

import yaml

from tipgraph.graphio import TipgraphError
from tipgraph.model import GENRES, SourceDocument

DOCUMENT_SUFFIXES = (".txt", ".md")
SIDECAR_NAMES = ("metadata.yaml", "metadata.yml")
SIDECAR_KEYS = {"title", "date", "genre", "speaker", "author", "publisher", "source_url", "place"}


def universal_newlines(text: str) -> str:
    """Line ends as Python's text mode reads them ("\r\n" and "\r" become "\n"), so offsets
    slice the text a user gets from `open(path, encoding=...).read()`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM); otherwise a confidently detected encoding."""
    if b"\x00" in raw:
        raise TipgraphError(f"{name}: binary file (contains NUL bytes); a corpus holds text files only")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        raise TipgraphError(f"{name}: not UTF-8 and its encoding cannot be detected; save it as UTF-8")
    return str(best)


def _document_files(folder: Path) -> list[Path]:
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith(".") or not filename.lower().endswith(DOCUMENT_SUFFIXES):
                continue
            files.append(Path(dirpath) / filename)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def read_sidecar(folder: Path) -> dict[str, dict]:
    for name in SIDECAR_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            first_line = " ".join(str(exc).split())[:200]
            raise TipgraphError(f"{path}: cannot read metadata: {first_line}") from None
        if not isinstance(data, dict):
            raise TipgraphError(f"{path}: expected a mapping of file name to metadata")
        checked: dict[str, dict] = {}
        for file_name, meta in data.items():
            if not isinstance(meta, dict):
                raise TipgraphError(f"{path}: metadata for {file_name!r} must be a mapping")
            unknown = set(meta) - SIDECAR_KEYS
            if unknown:
                raise TipgraphError(
                    f"{path}: unknown metadata key(s) {sorted(unknown)} for {file_name!r}"
                    f" (known: {sorted(SIDECAR_KEYS)})"
                )
            if "genre" in meta and meta["genre"] not in GENRES:
                raise TipgraphError(f"{path}: genre {meta['genre']!r} for {file_name!r} is not one of {list(GENRES)}")
            checked[str(file_name)] = {k: str(v) for k, v in meta.items() if v is not None}
        return checked
    return {}


def read_corpus(folder: str | os.PathLike) -> list[SourceDocument]:
    """Every `.txt`/`.md` document under `folder`, sorted by relative path."""
    folder = Path(folder)
    if not folder.exists():
        raise TipgraphError(f"{folder}: corpus folder not found")
    if not folder.is_dir():
        raise TipgraphError(f"{folder}: not a folder; give the folder that holds the documents")
    sidecar = read_sidecar(folder)
    documents: list[SourceDocument] = []
    seen_ids: dict[str, str] = {}
    for path in _document_files(folder):
        relative = path.relative_to(folder).as_posix()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise TipgraphError(f"{relative}: cannot read: {exc.strerror or exc}") from None
        text = universal_newlines(decode(raw, relative))
        if not text.strip():
            continue
        doc_id = Path(relative).with_suffix("").as_posix().replace("/", "--")
        if doc_id in seen_ids:
            raise TipgraphError(f"{relative}: same name as {seen_ids[doc_id]}; rename one of them")
        seen_ids[doc_id] = relative
        meta = sidecar.get(relative) or sidecar.get(path.name) or {}
        documents.append(SourceDocument(doc_id=doc_id, source_file=relative, text=text, metadata=meta))
    if not documents:
        raise TipgraphError(f"{folder}: no documents (.txt or .md files with text) in the corpus")
    return documents
