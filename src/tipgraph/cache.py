"""The extraction cache: per-document results reused by later builds.

Parsing and extraction are per document and pure (docs/architecture.md), so
a document's `Extraction` depends only on its text and sidecar metadata and
on the pipeline that read it. Each entry is keyed by

    sha256(pipeline version, doc_id, source_file, metadata, text)

where the pipeline version (`pipeline_version`) hashes the source of every
module the per-document stage runs (found by following imports from
`tipgraph.extract` and `tipgraph.nlp`, plus `tipgraph.pipeline`), every
file of the vocabulary (`ontology/gazetteer/`, `ontology/lexicon/`), the
spaCy version and the model's name and version. Change any of them and
every entry misses: a gazetteer or lexicon entry can change what any
document yields, so nothing narrower is safe.

Layout: `<cache dir>/extractions-<version>/<key[:2]>/<key>.pickle`. An
entry is its payload's sha256 followed by the pickled `Extraction` (without
the document, which the key already pins). Entries are written to a
temporary file and renamed into place, so a build killed at any point
leaves only whole entries (and perhaps temporary files, which are never
read and are removed later); an entry that fails its digest is treated as
a miss and rewritten. After a build has consumed every document, the
folders of other pipeline versions are removed.

The cache holds pickles and is trusted like the output folder it lives in
(default `out/.cache`): do not point `--cache-dir` at files from others.
"""
from __future__ import annotations

import ast
import contextlib
import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import os
import pickle
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

import tipgraph
from tipgraph import ontology_dir
from tipgraph.model import Extraction, SourceDocument

CACHE_FORMAT = 1  # bump when the entry layout changes
DEFAULT_FOLDER = ".cache"  # inside the build's output folder
VOCABULARY_FOLDERS = ("gazetteer", "lexicon")
ROOT_MODULES = ("tipgraph.extract", "tipgraph.nlp")
ALSO_HASHED = ("tipgraph.pipeline",)  # the per-document stage is driven from here
# ... but these definitions of it run after extraction: editing them keeps the extractions
LATER_STAGES = {"tipgraph.pipeline": frozenset({"BuildResult", "build", "finish_build", "_Clock", "_fewer_collections"})}
STALE_TEMPORARY_SECONDS = 3600

Extractor = Callable[[list[SourceDocument]], Iterable[Extraction]]


# ---------------------------------------------------------------- entries on disk


def write_entry(path: Path, payload: bytes) -> None:
    """Write `payload` behind its sha256 to a temporary file renamed into place, so a killed
    build leaves whole entries only."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as handle:
            handle.write(hashlib.sha256(payload).digest())
            handle.write(payload)
        os.replace(handle.name, path)
    except OSError:
        # A full or read-only disk makes the cache useless, not the build wrong.
        try:
            os.unlink(handle.name)
        except (OSError, UnboundLocalError):
            pass


def verified_payload(blob: bytes) -> bytes | None:
    """An entry's payload, or None when it does not match the digest written before it."""
    digest, payload = blob[:32], blob[32:]
    return payload if hashlib.sha256(payload).digest() == digest else None


# ---------------------------------------------------------------- the pipeline version


def _module_path(name: str) -> Path | None:
    package_root = Path(tipgraph.__file__).resolve().parent
    parts = name.split(".")[1:]
    if not parts:
        return package_root / "__init__.py"
    relative = Path(*parts)
    for candidate in (package_root / relative / "__init__.py", package_root / relative.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imported_tipgraph_modules(name: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # `from pkg import submodule`
    return {m for m in found if m == "tipgraph" or m.startswith("tipgraph.")}


def _statements(body: list) -> Iterator[ast.stmt]:
    """Every statement of `body` and of the blocks in it (an import is a statement, and no
    expression holds one: walking the expressions too, as ast.walk does, took most of the time)."""
    todo = list(body)
    while todo:
        node = todo.pop()
        yield node
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, name, None) or ():
                if isinstance(child, ast.stmt):
                    todo.append(child)
                else:  # an except clause, a case of a match statement: statements in their body
                    todo.extend(child.body)


def _modules_imported_from(roots, leaves=()) -> dict[str, Path]:
    """The tipgraph modules `roots` can run, by following imports (and the packages they sit in);
    a module of `leaves` is taken but what it imports is not followed."""
    seen: dict[str, Path] = {}
    todo = list(roots) + list(leaves)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_path(name)
        if path is None:
            continue  # `from tipgraph.x import function`: not a module
        seen[name] = path
        if name in leaves:
            continue
        for parent in _parents(name):
            todo.append(parent)
        todo.extend(_imported_tipgraph_modules(name, path))
    return dict(sorted(seen.items()))


def per_document_modules() -> dict[str, Path]:
    """Every tipgraph module the per-document stage can run (ALSO_HASHED: hashed themselves, but
    what they import for later stages is not per-document)."""
    return _modules_imported_from(ROOT_MODULES, ALSO_HASHED)


def _hashed_source(name: str, path: Path) -> bytes:
    """The module's source; for a module of LATER_STAGES, its top-level statements but the
    definitions named there (blank lines and comments between statements left out too)."""
    source = path.read_bytes()
    later = LATER_STAGES.get(name)
    if not later:
        return source
    text = source.decode("utf-8")
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    for node in ast.parse(text).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in later:
            continue
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        kept.append("".join(lines[first - 1 : node.end_lineno]))
    return "\n".join(kept).encode("utf-8")


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _model_version() -> str:
    from tipgraph.nlp import MODEL_NAME

    try:
        return f"{MODEL_NAME} {importlib.metadata.version(MODEL_NAME)}"
    except importlib.metadata.PackageNotFoundError:
        return f"{MODEL_NAME} (version unknown)"


@functools.lru_cache(maxsize=4)
def pipeline_version(vocabulary_root: str | None = None) -> str:
    """A digest of code, vocabulary and model: what an extraction depends on besides its document."""
    import spacy

    digest = hashlib.sha256()

    def add(label: str, content: bytes) -> None:
        digest.update(f"{label}\0{len(content)}\0".encode())
        digest.update(content)

    add("format", str(CACHE_FORMAT).encode())
    add("tipgraph", tipgraph.__version__.encode())
    add("spacy", spacy.__version__.encode())
    add("model", _model_version().encode())
    for name, path in per_document_modules().items():
        add(f"module {name}", _hashed_source(name, path))
    base = Path(vocabulary_root) if vocabulary_root else ontology_dir()
    for folder in VOCABULARY_FOLDERS:
        for path in _files_under(base / folder):
            add(f"vocabulary {path.relative_to(base).as_posix()}", path.read_bytes())
    return digest.hexdigest()


def _duplicates_version() -> str:
    """The near-duplicate test's code, and the cache's format: what a DuplicateMemo depends on."""
    from tipgraph.corpus import dedupe

    return hashlib.sha256(f"{CACHE_FORMAT}\0".encode() + Path(dedupe.__file__).read_bytes()).hexdigest()


# The libraries the readers call (tipgraph.corpus.readers), with what they need in turn: their
# versions are part of what a file reads as.
READER_DISTRIBUTIONS = ("trafilatura", "pdfminer.six", "python-docx", "charset-normalizer")


def _distribution_versions(names) -> list[str]:
    found: dict[str, str | None] = {}
    todo = list(names)
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            found[key] = None
            continue
        found[key] = distribution.version
        for requirement in distribution.requires or ():
            if "extra ==" not in requirement.replace("extra==", "extra =="):
                todo.append(re.match(r"[A-Za-z0-9._-]+", requirement).group())
    return [f"{key} {version}" for key, version in sorted(found.items())]


@functools.lru_cache(maxsize=1)
def _readings_version() -> str:
    """The corpus readers' code and libraries, and the cache's format: what a ReadingMemo depends on."""
    from tipgraph import corpus

    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{tipgraph.__version__}\0".encode())
    readers = ["tipgraph.corpus"] + [f"tipgraph.corpus.{path.stem}" for path in Path(corpus.__file__).parent.glob("*.py")
                                     if path.stem != "__init__"]
    for name, path in _modules_imported_from(readers).items():  # with what they import from outside
        digest.update(f"{name}\0".encode() + path.read_bytes())
    digest.update("\n".join(_distribution_versions(READER_DISTRIBUTIONS)).encode())
    return digest.hexdigest()


def document_key(document: SourceDocument, version: str) -> str:
    digest = hashlib.sha256()
    for part in (
        version,
        document.doc_id,
        document.source_file,
        json.dumps(document.metadata, sort_keys=True, ensure_ascii=False),
        document.text,
    ):
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(f"{len(encoded)}\0".encode())
        digest.update(encoded)
    return digest.hexdigest()


# ---------------------------------------------------------------- the store


@dataclasses.dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    unreadable: int = 0  # entries that failed their digest or did not unpickle (rewritten)


class ExtractionCache:
    """Extractions on disk under `folder`, for one pipeline version."""

    def __init__(self, folder: str | os.PathLike, version: str | None = None):
        self.root = Path(folder)
        self.version = version or pipeline_version()
        self.folder = self.root / f"extractions-{self.version[:24]}"
        self.stats = CacheStats()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, document: SourceDocument, key: str | None = None) -> Extraction | None:
        path = self._path(key or document_key(document, self.version))
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        payload = verified_payload(blob)
        if payload is None:
            self.stats.unreadable += 1
            return None
        try:
            extraction = pickle.loads(payload)
        except Exception:  # an entry from an incompatible build of the same code: a miss
            self.stats.unreadable += 1
            return None
        if not isinstance(extraction, Extraction):
            self.stats.unreadable += 1
            return None
        extraction.document = document
        return extraction

    def put(self, extraction: Extraction) -> None:
        path = self._path(document_key(extraction.document, self.version))
        payload = pickle.dumps(dataclasses.replace(extraction, document=None), protocol=pickle.HIGHEST_PROTOCOL)
        write_entry(path, payload)

    def extract(self, documents: list[SourceDocument], extractor: Extractor) -> Iterator[Extraction]:
        """Extractions in corpus order: cached ones read back, the rest made by `extractor` and stored."""
        keys = [document_key(document, self.version) for document in documents]
        # Documents without an entry go to `extractor` first, so that it can work (in other
        # processes) while the entries are read; those whose entry proves unreadable follow.
        missing = {i for i, key in enumerate(keys) if not self._path(key).is_file()}
        fresh = iter(extractor([documents[i] for i in sorted(missing)])) if missing else iter(())
        again: Iterator[Extraction] = iter(())
        try:
            cached: dict[int, Extraction] = {}
            unreadable: list[int] = []
            for i, document in enumerate(documents):
                if i not in missing:
                    found = self.get(document, keys[i])
                    if found is None:
                        unreadable.append(i)
                    else:
                        cached[i] = found
            self.stats.hits += len(cached)
            self.stats.misses += len(missing) + len(unreadable)
            if unreadable:
                again = iter(extractor([documents[i] for i in unreadable]))
            for i in range(len(documents)):
                if i in cached:
                    yield cached.pop(i)
                    continue
                extraction = next(fresh) if i in missing else next(again)
                self.put(extraction)
                yield extraction
        finally:
            for extractions in (fresh, again):  # the workers stop when the build does
                close = getattr(extractions, "close", None)
                if close is not None:
                    close()
        self.prune()

    def duplicate_memo(self):
        """What the last build learnt about which texts are one text (tipgraph.corpus.dedupe)."""
        from tipgraph.corpus.dedupe import DuplicateMemo

        found = self._read_state("duplicates", _duplicates_version())
        return found if isinstance(found, DuplicateMemo) else DuplicateMemo()

    def keep_duplicate_memo(self, memo) -> None:
        self._write_state("duplicates", _duplicates_version(), memo)

    def reading_memo(self):
        """What the last build's files read as (tipgraph.corpus.ReadingMemo)."""
        from tipgraph.corpus import ReadingMemo

        found = self._read_state("readings", _readings_version())
        return found if isinstance(found, ReadingMemo) else ReadingMemo()

    def keep_reading_memo(self, memo) -> None:
        self._write_state("readings", _readings_version(), memo)

    def _state_path(self, name: str, version: str) -> Path:
        return self.root / f"{name}-{version[:24]}.pickle"

    def _read_state(self, name: str, version: str):
        """One file of state beside the entries, written like them (digest first, renamed into
        place), so a killed build leaves the previous one or the new one, whole."""
        try:
            payload = verified_payload(self._state_path(name, version).read_bytes())
            return pickle.loads(payload) if payload is not None else None
        except Exception:  # missing, damaged, or of an incompatible build: start afresh
            return None

    def _write_state(self, name: str, version: str, value) -> None:
        path = self._state_path(name, version)
        write_entry(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        if self.root.is_dir():
            for other in self.root.glob(f"{name}-*.pickle"):
                if other != path:
                    with contextlib.suppress(OSError):
                        other.unlink()

    def results(self, name: str, version: str, *, pickled: bool = False) -> "ResultCache":
        """A cache of a later stage's results beside the extractions (validation's, shards')."""
        return ResultCache(self.root, name, version, pickled=pickled)

    def prune(self) -> None:
        """Remove other pipeline versions' entries and temporary files left by killed builds."""
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.is_dir() and child.name.startswith("extractions-") and child != self.folder:
                shutil.rmtree(child, ignore_errors=True)
        if not self.folder.is_dir():
            return
        cutoff = time.time() - STALE_TEMPORARY_SECONDS
        for temporary in self.folder.glob("*/.tmp-*"):
            try:
                if temporary.stat().st_mtime < cutoff:
                    temporary.unlink()
            except OSError:
                pass


def open_cache(folder: str | os.PathLike | None) -> ExtractionCache | None:
    return ExtractionCache(folder) if folder is not None else None


# ---------------------------------------------------------------- results of later stages


class ResultCache:
    """Small JSON results keyed by the digest of what they were computed from (tipgraph.validate
    caches each validation unit's results here). Entries are written like extractions: digest
    first, to a temporary file renamed into place; `forget_unused` drops what the last
    complete run did not ask for, and other versions' folders."""

    def __init__(self, root: Path, name: str, version: str, *, pickled: bool = False):
        self.root = Path(root)
        self.name = name
        self.pickled = pickled  # values pickled (rdflib terms), not JSON
        self.suffix = ".pickle" if pickled else ".json"
        self.folder = self.root / f"{name}-{version[:24]}"
        self.used: set[str] = set()
        self.stats = CacheStats()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.suffix}"

    def get(self, key: str):
        self.used.add(key)
        try:
            blob = self._path(key).read_bytes()
        except OSError:
            self.stats.misses += 1
            return None
        payload = verified_payload(blob)
        if payload is None:
            self.stats.unreadable += 1
            return None
        try:
            value = pickle.loads(payload) if self.pickled else json.loads(payload)
        except Exception:  # an entry of an incompatible build: a miss
            self.stats.unreadable += 1
            return None
        self.stats.hits += 1
        return value

    def put(self, key: str, value) -> None:
        self.used.add(key)
        path = self._path(key)
        if self.pickled:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        else:
            payload = json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
        write_entry(path, payload)

    def forget_unused(self) -> None:
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.is_dir() and child.name.startswith(f"{self.name}-") and child != self.folder:
                shutil.rmtree(child, ignore_errors=True)
        if not self.folder.is_dir():
            return
        for entry in self.folder.glob("*/*"):
            name = entry.name
            if name.startswith(".tmp-") or (name.endswith(self.suffix) and name[: -len(self.suffix)] not in self.used):
                try:
                    entry.unlink()
                except OSError:
                    pass
