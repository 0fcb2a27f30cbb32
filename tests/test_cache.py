"""The extraction cache (tipgraph.cache): reuse, invalidation, --no-cache, killed builds.

Every test runs real builds of real documents (the seed corpus and the dev
set) and compares output bytes with a build that has no cache.
"""
from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, DEV, run_cli
from tipgraph import ontology_dir
from tipgraph.cache import ExtractionCache, document_key, per_document_modules, pipeline_version
from tipgraph.corpus import read_corpus
from tipgraph.pipeline import build, extract_corpus

ROOT = Path(__file__).resolve().parents[1]
FAST = ("--no-html", "--no-validate", "-q")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("extractions-*/*/*.pickle"))


class Recording:
    """The real extractor, noting which documents the cache asked it to parse."""

    def __init__(self):
        self.parsed: list[str] = []

    def __call__(self, documents):
        self.parsed.extend(d.doc_id for d in documents)
        return extract_corpus(documents)


def test_rebuild_parses_only_the_changed_document_and_matches_a_full_build(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    cache = tmp_path / "cache"
    first = run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, "-q")
    assert first.exit_code == 0, first.output
    assert len(_entries(cache)) == len(read_corpus(corpus).documents)

    changed = sorted(corpus.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Minister of Interior of Portugal urged Frontex "
                       "to share data on trafficking victims.\n", encoding="utf-8")
    documents = read_corpus(corpus).documents
    recording = Recording()
    store = ExtractionCache(cache)
    extractions = list(store.extract(documents, recording))
    assert recording.parsed == [changed.stem]
    assert (store.stats.hits, store.stats.misses) == (len(documents) - 1, 1)
    assert [e.document for e in extractions] == documents

    rebuilt = run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, "-q")
    fresh = run_cli("build", corpus, "--out", tmp_path / "fresh", "--no-cache", "-q")
    assert rebuilt.exit_code == 0 and fresh.exit_code == 0
    assert _outputs(tmp_path / "cached") == _outputs(tmp_path / "fresh")
    assert "Portugal" in (tmp_path / "cached" / "graph.ttl").read_text(encoding="utf-8")
    assert not (tmp_path / "fresh" / ".cache").exists()


def test_default_cache_lives_in_the_output_folder(tmp_path):
    out = tmp_path / "out"
    assert run_cli("build", CORPUS, "--out", out, *FAST).exit_code == 0
    assert len(_entries(out / ".cache")) == len(read_corpus(CORPUS).documents)


def test_no_cache_ignores_entries_and_the_cache_is_really_read(tmp_path):
    cache = tmp_path / "cache"
    assert run_cli("build", CORPUS, "--out", tmp_path / "a", "--cache-dir", cache, *FAST).exit_code == 0
    # Give the first document the second one's extraction: a cached build must show it,
    # a --no-cache build must not.
    documents = read_corpus(CORPUS).documents
    store = ExtractionCache(cache)
    wrong = store.get(documents[1])
    wrong.document = documents[0]
    store.put(wrong)
    assert run_cli("build", CORPUS, "--out", tmp_path / "cached", "--cache-dir", cache, *FAST).exit_code == 0
    assert run_cli("build", CORPUS, "--out", tmp_path / "ignored", "--cache-dir", cache, "--no-cache", *FAST).exit_code == 0
    assert _outputs(tmp_path / "cached") != _outputs(tmp_path / "a")
    assert _outputs(tmp_path / "ignored") == _outputs(tmp_path / "a")


def test_a_damaged_entry_is_a_miss_and_is_rewritten(tmp_path):
    cache = tmp_path / "cache"
    assert run_cli("build", CORPUS, "--out", tmp_path / "a", "--cache-dir", cache, *FAST).exit_code == 0
    entries = _entries(cache)
    entries[0].write_bytes(entries[0].read_bytes()[:-40])  # as if the machine died mid-write
    entries[1].write_bytes(b"")
    documents = read_corpus(CORPUS).documents
    store = ExtractionCache(cache)
    recording = Recording()
    list(store.extract(documents, recording))
    assert len(recording.parsed) == 2 and store.stats.unreadable == 2
    assert run_cli("build", CORPUS, "--out", tmp_path / "b", "--cache-dir", cache, *FAST).exit_code == 0
    assert _outputs(tmp_path / "a") == _outputs(tmp_path / "b")


def test_a_killed_build_leaves_the_cache_consistent(tmp_path):
    corpus = DEV / "corpus"
    cache = tmp_path / "cache"
    tipgraph = Path(sys.executable).with_name("tipgraph")
    process = subprocess.Popen([str(tipgraph), "build", str(corpus), "--out", str(tmp_path / "killed"),
                                "--cache-dir", str(cache), "--jobs", "1", *FAST])
    deadline = time.monotonic() + 120
    while len(_entries(cache)) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = _entries(cache)
    assert 3 <= len(written) < len(read_corpus(corpus).documents), "the build was not killed mid-way"
    for entry in written:  # every entry that exists is whole
        blob = entry.read_bytes()
        assert hashlib.sha256(blob[32:]).digest() == blob[:32]
    assert not (tmp_path / "killed" / "graph.ttl").exists()
    assert run_cli("build", corpus, "--out", tmp_path / "resumed", "--cache-dir", cache, *FAST).exit_code == 0
    assert run_cli("build", corpus, "--out", tmp_path / "fresh", "--no-cache", *FAST).exit_code == 0
    assert _outputs(tmp_path / "resumed") == _outputs(tmp_path / "fresh")


def test_vocabulary_changes_change_the_version_and_miss_every_entry(tmp_path):
    vocabulary = tmp_path / "ontology"
    for folder in ("gazetteer", "lexicon"):
        shutil.copytree(ontology_dir() / folder, vocabulary / folder)
    base = pipeline_version(str(vocabulary))
    assert base == pipeline_version.__wrapped__(str(vocabulary))  # stable for the same files
    document = read_corpus(CORPUS).documents[0]
    versions = {base}
    for edited in (vocabulary / "lexicon" / "reporting.yaml", vocabulary / "gazetteer" / "countries.yaml"):
        edited.write_text(edited.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
        versions.add(pipeline_version.__wrapped__(str(vocabulary)))
    assert len(versions) == 3
    keys = {document_key(document, v) for v in versions}
    assert len(keys) == 3
    # The query and shape files are not read by extraction: editing them keeps the cache.
    (vocabulary / "queries").mkdir()
    (vocabulary / "queries" / "new.rq").write_text("SELECT * WHERE { ?s ?p ?o }")
    assert pipeline_version.__wrapped__(str(vocabulary)) in versions


def test_a_new_version_misses_and_prunes_the_old_entries(tmp_path):
    cache = tmp_path / "cache"
    documents = read_corpus(CORPUS).documents
    old = ExtractionCache(cache, version="0" * 64)
    list(old.extract(documents, Recording()))
    assert old.folder.is_dir()
    new = ExtractionCache(cache)
    recording = Recording()
    list(new.extract(documents, recording))
    assert len(recording.parsed) == len(documents)
    assert not old.folder.exists() and len(_entries(cache)) == len(documents)


def test_the_version_covers_every_module_extraction_runs():
    modules = per_document_modules()
    import tipgraph

    package = Path(tipgraph.__file__).resolve().parent  # the installed package (site-packages in CI)
    for path in sorted((package / "extract").rglob("*.py")):
        assert path.resolve() in {p.resolve() for p in modules.values()}, path
    for name in ("tipgraph.nlp", "tipgraph.vocab", "tipgraph.model", "tipgraph.pipeline", "tipgraph"):
        assert name in modules
    # Later stages do not invalidate extractions.
    for name in ("tipgraph.render", "tipgraph.turtle", "tipgraph.query", "tipgraph.graph", "tipgraph.resolve"):
        assert name not in modules
