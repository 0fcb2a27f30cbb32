"""Rebuilds after a small change: what the cache keeps between builds besides extractions.

Real documents (the seed corpus and the dev set) and real builds; every cached
answer is compared with the answer computed afresh.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import URIRef

from conftest import CORPUS, DEV, run_cli
from tipgraph.cache import ExtractionCache, _hashed_source
from tipgraph.corpus import Skipped, read_corpus
from tipgraph.corpus.dedupe import DuplicateMemo, duplicate_groups

FAST = ("--no-html", "--no-validate", "-q")


def _texts() -> list[str]:
    return [d.text for folder in (CORPUS, DEV / "corpus") for d in read_corpus(folder).documents]


def _with_copies(texts: list[str]) -> list[str]:
    """The texts and near-copies of three of them: saved whole again, with a site's navigation
    lines around it, and with its last lines lost."""
    return texts + [texts[3], "Home | News | Contact\n\n" + texts[10] + "\n\nShare this page\n", texts[20][: -len(texts[20]) // 40]]


def test_the_memo_gives_the_groups_of_a_fresh_comparison_as_texts_change():
    texts = _with_copies(_texts())
    memo = DuplicateMemo()
    expected = duplicate_groups(texts)
    assert [g for g in expected if len(g) > 1] == [[3, len(texts) - 3], [10, len(texts) - 2], [20, len(texts) - 1]]
    assert duplicate_groups(texts, memo) == expected  # an empty memo: everything compared
    assert len(memo.sketches) == len(set(texts)) and memo.same
    assert duplicate_groups(texts, memo) == expected  # every pair known

    changed = list(texts)
    changed[5] += "\nThe Minister of Labour of Ruritania urged employers to audit their suppliers.\n"
    changed[10] = changed[10][: len(changed[10]) // 3]  # no longer the copy's text
    changed.insert(2, changed[30])  # a new copy of a known text
    changed.append(changed[6] + "\nPrint | Share\n")  # a new near-copy of a changed text
    del changed[15]
    assert duplicate_groups(changed, memo) == duplicate_groups(changed)
    assert len(memo.sketches) == len(set(changed))  # the memo describes the last texts only
    assert duplicate_groups(texts, memo) == expected  # and back


def test_a_rebuild_with_a_new_copy_reads_the_memo_and_matches_a_build_without_cache(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    cache = tmp_path / "cache"
    assert run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, *FAST).exit_code == 0
    memo = ExtractionCache(cache).duplicate_memo()
    assert len(memo.sketches) == len(read_corpus(corpus).documents)

    first = sorted(corpus.glob("*.txt"))[0]
    (corpus / "saved-again.txt").write_text("Home | Press\n\n" + first.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, *FAST).exit_code == 0
    assert run_cli("build", corpus, "--out", tmp_path / "fresh", "--no-cache", *FAST).exit_code == 0
    for name in ("graph.ttl",):
        assert (tmp_path / "cached" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert "saved-again.txt" in (tmp_path / "cached" / "graph.ttl").read_text(encoding="utf-8")
    assert len(ExtractionCache(cache).duplicate_memo().sketches) == len(read_corpus(corpus).documents) + 1

    # a damaged memo is no memo: the build reads the corpus afresh
    memo_file = next(cache.glob("duplicates-*.pickle"))
    memo_file.write_bytes(memo_file.read_bytes()[:-50])
    assert ExtractionCache(cache).duplicate_memo().sketches == {}
    assert run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, *FAST).exit_code == 0
    assert (tmp_path / "cached" / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()


def test_editing_the_later_stages_of_pipeline_keeps_the_extraction_version(tmp_path):
    import tipgraph.pipeline

    source = Path(tipgraph.pipeline.__file__).read_text(encoding="utf-8")
    module = tmp_path / "pipeline.py"

    def hashed(text: str) -> bytes:
        module.write_text(text, encoding="utf-8")
        return _hashed_source("tipgraph.pipeline", module)

    base = hashed(source)
    assert b"def extract_document" in base and b"def finish_build" not in base
    later = source.replace("def finish_build(", "def finish_build(  # an edit\n", 1)
    assert later != source and hashed(later) == base
    per_document = source.replace("def _extract(document", "def _extract(  # an edit\n    document", 1)
    assert per_document != source and hashed(per_document) != base
    assert hashed(source.replace("SECTION_CHARS = 40_000", "SECTION_CHARS = 30_000")) != base


def test_cached_triples_come_back_equal_with_their_values(tmp_path):
    """A shard's triples as the shard cache keeps them (no rdflib parsing on the way back)."""
    import pickle

    from tipgraph.graph import build_graph
    from tipgraph.pipeline import extract_corpus
    from tipgraph.resolve import resolve
    from tipgraph.shards import _encode
    from tipgraph.vocab import load_vocabulary

    documents = read_corpus(CORPUS).documents[:2]
    extractions = list(extract_corpus(documents, 1, ExtractionCache(tmp_path / "cache")))
    graph = build_graph(extractions, resolve(extractions, load_vocabulary()))
    kinds = set()
    for index in range(len(extractions)):
        shard = graph.shard(index)
        for triples in (shard.owned, shard.foreign):
            back = graph._decode(pickle.loads(pickle.dumps(_encode(triples))))
            assert back == triples
            for (s, p, o), (s2, p2, o2) in zip(triples, back):
                assert type(o2) is type(o) and hash(o2) == hash(o)
                if not isinstance(o, URIRef):
                    assert (o2.value, o2.datatype, o2.language, o2.ill_typed) == (o.value, o.datatype, o.language, o.ill_typed)
                    assert o2.n3() == o.n3()
                    kinds.add(o.datatype)
    assert len(kinds) >= 4  # strings, integers, decimals, dates at least


def _store_state(out: Path) -> tuple[dict, list[str]]:
    import json
    import os

    from tipgraph.store import CURRENT_LINK, STAMP_FILE

    current = Path(os.path.realpath(out / "store" / CURRENT_LINK))
    return json.loads((current / STAMP_FILE).read_text()), sorted(p.name for p in (out / "store").iterdir())


def test_a_rebuild_loads_its_store_beside_the_page_and_it_holds_the_new_graph(tmp_path):
    from tipgraph.store import file_sha256, open_store

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    assert run_cli("build", corpus, "--out", out, "--no-validate", "-q").exit_code == 0
    changed = sorted(corpus.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Minister of Justice of Ruritania urged Borduria "
                       "to extradite the traffickers.\n", encoding="utf-8")
    assert run_cli("build", corpus, "--out", out, "--no-validate", "-q").exit_code == 0  # the preloaded store
    stamp, entries = _store_state(out)
    assert stamp["sha256"] == file_sha256(out / "graph.ttl")
    assert [e for e in entries if e.startswith("v-")] and not [e for e in entries if e.startswith(".tmp-")]
    opened = open_store(out / "graph.ttl", create=False)
    assert opened is not None
    from rdflib import Graph

    assert len(opened.store) == stamp["triples"] == len(Graph().parse(out / "graph.ttl"))
    assert any("Ruritania" in str(q.object) for q in opened.store.quads_for_pattern(None, None, None))
    opened.close()
    assert not list(tmp_path.glob("**/tipgraph-graph-*.ttl"))  # the copy the store was loaded from is gone


def _preload(source: Path, folder: Path):
    from tipgraph.store import Preload

    preload = Preload(folder)
    shutil.copyfile(source, preload.source)
    preload.start()
    return preload


def test_a_preload_of_other_bytes_is_not_adopted(tmp_path):
    from tipgraph.store import file_sha256, refresh_store

    out = tmp_path / "out"
    assert run_cli("build", CORPUS, "--out", out, *FAST).exit_code == 0
    first, _ = _store_state(out)
    assert "Ministerial" in (out / "graph.ttl").read_text(encoding="utf-8")
    other = tmp_path / "other.ttl"
    other.write_text((out / "graph.ttl").read_text(encoding="utf-8").replace("Ministerial", "Ministeriall", 1), encoding="utf-8")
    (out / "graph.ttl").touch()  # the file's times change, its bytes do not: the store stays
    preload = _preload(other, out / "store")
    assert refresh_store(out / "graph.ttl", preload=preload) is not None
    assert _store_state(out)[0]["sha256"] == first["sha256"] == file_sha256(out / "graph.ttl")
    assert not [e for e in _store_state(out)[1] if e.startswith(".tmp-")]
    # the graph changed, and the preload holds neither its old nor its new bytes: made from the file
    from tipgraph.graphio import OutputSet

    text = (out / "graph.ttl").read_text(encoding="utf-8")
    OutputSet(out, ("graph.ttl", "graph.html", "text")).replace({"graph.ttl": text.replace("Ministerial", "Minister1al", 1)})
    assert refresh_store(out / "graph.ttl", preload=_preload(other, out / "store")) is not None
    stamp, entries = _store_state(out)
    assert stamp["sha256"] == file_sha256(out / "graph.ttl") not in (first["sha256"], file_sha256(other))
    assert not [e for e in entries if e.startswith(".tmp-")]


def test_a_rebuild_killed_while_its_store_loads_leaves_caches_and_store_usable(tmp_path):
    """Killed (as kill -9) once the new output set is written, with the store loading beside
    it: the next build removes what it left and its outputs are a build's without a cache."""
    import os
    import subprocess
    import sys

    from tipgraph.graphio import FAULT_ENV
    from tipgraph.store import file_sha256

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build = [sys.executable, "-c", "from tipgraph.cli import main; main()", "build", str(corpus), "--out", str(out),
             "--cache-dir", str(cache), "--no-validate", "-q"]
    env = {k: v for k, v in os.environ.items() if k != FAULT_ENV}
    assert subprocess.run(build, env=env, capture_output=True, timeout=600).returncode == 0
    before = (out / "graph.ttl").read_bytes()
    changed = sorted(corpus.glob("*.txt"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Prime Minister of Borduria called on Ruritania "
                       "to protect child victims.\n", encoding="utf-8")
    killed = subprocess.run(build, env={**env, FAULT_ENV: "set-written"}, capture_output=True, timeout=600)
    assert killed.returncode != 0
    assert (out / "graph.ttl").read_bytes() == before  # the old set, whole
    left = [p for p in (out / "store").iterdir() if p.name.startswith(".tmp-")]
    assert left and (left[0] / "graph.ttl.preload").exists(), "the build was not killed while its store loaded"

    assert subprocess.run(build, env=env, capture_output=True, timeout=600).returncode == 0
    assert not [p for p in (out / "store").iterdir() if p.name.startswith(".tmp-")]
    stamp, _ = _store_state(out)
    assert stamp["sha256"] == file_sha256(out / "graph.ttl")
    assert run_cli("build", corpus, "--out", tmp_path / "fresh", "--no-cache", "--no-validate", "-q").exit_code == 0
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert len(ExtractionCache(cache).duplicate_memo().sketches) == len(read_corpus(corpus).documents)


# ---------------------------------------------------------------- the store patched in place


def _quads(store) -> set:
    return set(store.quads_for_pattern(None, None, None))


def _fresh_quads(graph: Path) -> set:
    import pyoxigraph as ox

    fresh = ox.Store()
    fresh.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    return _quads(fresh)


def _current_files(out: Path) -> dict[str, int]:
    import os

    from tipgraph.store import CURRENT_LINK, DATABASE_FOLDER

    database = Path(os.path.realpath(out / "store" / CURRENT_LINK)) / DATABASE_FOLDER
    return {p.name: p.stat().st_ino for p in database.glob("*.sst")}


def test_a_rebuild_patches_the_store_and_it_holds_the_quads_of_a_fresh_load(tmp_path):
    """One document changed in its middle (its mentions move, so entities shared with other
    documents change too): the new version is the old one's files plus the difference, and
    holds, quad for quad, what loading the new graph.ttl afresh gives."""
    from tipgraph.store import open_store

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    assert run_cli("build", corpus, "--out", out, *FAST).exit_code == 0
    before = _current_files(out)
    reader = open_store(out / "graph.ttl", create=False)  # a reader holds the old version: it stays
    changed = sorted(corpus.glob("*.txt"))[2]
    text = changed.read_text(encoding="utf-8")
    middle = text.index("\n\n", len(text) // 2)
    changed.write_text(text[:middle] + "\n\nThe Minister of the Interior of Ruritania called on Borduria to close "
                       "the border crossings used by traffickers.\n" + text[middle:], encoding="utf-8")
    assert run_cli("build", corpus, "--out", out, *FAST).exit_code == 0
    after = _current_files(out)
    assert set(before.items()) & set(after.items()), "the new version shares no file with the old: loaded afresh"
    opened = open_store(out / "graph.ttl", create=False)
    assert opened is not None and opened.folder != reader.folder
    assert _quads(opened.store) == _fresh_quads(out / "graph.ttl")
    assert _quads(reader.store) != _quads(opened.store)
    # the bundled answers made on the patched store are those of a store loaded afresh
    import pyoxigraph as ox

    from tipgraph.query import keep_bundled_answers
    from tipgraph.store import ANSWERS_FOLDER

    fresh = tmp_path / "fresh-store"
    (fresh / ANSWERS_FOLDER).mkdir(parents=True)
    loaded = ox.Store(str(fresh / "db"))
    loaded.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    keep_bundled_answers(loaded, fresh)
    kept = {p.name: p.read_text(encoding="utf-8") for p in (opened.folder / ANSWERS_FOLDER).iterdir()}
    assert len(kept) >= 10
    assert kept == {p.name: p.read_text(encoding="utf-8") for p in (fresh / ANSWERS_FOLDER).iterdir()}
    opened.close()
    reader.close()


def test_the_turtle_difference_is_the_set_difference_of_the_two_graphs(tmp_path):
    import pyoxigraph as ox

    from tipgraph.store import turtle_difference

    out = tmp_path / "out"
    assert run_cli("build", CORPUS, "--out", out, *FAST).exit_code == 0
    old = (out / "graph.ttl").read_bytes()
    text = old.decode("utf-8")
    blocks = text.split("\n\n")
    # a subject gone, a subject new, a value changed, a block moved to the end of the file
    edited = blocks[:5] + blocks[6:]
    edited[9] = edited[9].replace(" .", ' ;\n    rdfs:comment "added" .', 1) if edited[9].endswith(" .") else edited[9]
    edited.insert(12, '<https://w3id.org/tipgraph/id/new> rdfs:label "new \\u00e9" .')
    new = "\n\n".join(edited).encode("utf-8")
    difference = turtle_difference(old, new)
    assert difference is not None
    gone, came = difference
    a = set(ox.parse(input=old, format=ox.RdfFormat.TURTLE))
    b = set(ox.parse(input=new, format=ox.RdfFormat.TURTLE))
    assert (gone, came) == (a - b, b - a) and gone and came
    assert turtle_difference(old, old) == (set(), set())
    assert turtle_difference(old, b"@prefix x: <http://x/> .\n" + new) is None  # other prefixes
    assert turtle_difference(old, new.replace(b" .\n\n", b" ;\n\n", 1)) is None  # a block that is no statement


def test_a_patch_that_would_lose_a_triple_is_not_used(tmp_path):
    """A graph file (not the build's writer's) with one subject in two blocks, one of them
    changed: the triple the changed block no longer holds is still in the other. The patch
    would remove it, so the count says no and the caller loads the file instead."""
    import os

    from tipgraph.graphio import OutputSet
    from tipgraph.store import CURRENT_LINK, patched_copy, refresh_store

    header = "@prefix ex: <http://example.org/> .\n"
    old = header + "\nex:s\n    ex:p ex:o1 .\n\nex:s\n    ex:p ex:o1 ,\n        ex:o2 .\n\nex:t\n    ex:p ex:o3 .\n"
    new = header + "\nex:s\n    ex:p ex:o1 .\n\nex:s\n    ex:p ex:o2 .\n\nex:t\n    ex:p ex:o4 .\n"
    out = tmp_path / "out"
    OutputSet(out, ("graph.ttl",)).replace({"graph.ttl": old})
    assert refresh_store(out / "graph.ttl", answers=False, quiet=False) is not None
    source = tmp_path / "new.ttl"
    source.write_text(new, encoding="utf-8")
    assert patched_copy(out / "store", out / "graph.ttl", source, tmp_path / "patched", 3) is None
    assert not (tmp_path / "patched").exists()
    # the same change with the subject in one block: patched, and the count agrees
    old = header + "\nex:s\n    ex:p ex:o1 ,\n        ex:o2 .\n\nex:t\n    ex:p ex:o3 .\n"
    new = header + "\nex:s\n    ex:p ex:o2 .\n\nex:t\n    ex:p ex:o3 ,\n        ex:o4 .\n"
    OutputSet(out, ("graph.ttl",)).replace({"graph.ttl": old})
    assert refresh_store(out / "graph.ttl", answers=False, quiet=False) is not None
    source.write_text(new, encoding="utf-8")
    patched = patched_copy(out / "store", out / "graph.ttl", source, tmp_path / "patched", 3)
    assert patched is not None
    store, sha256 = patched
    assert _quads(store) == _fresh_quads(source)
    # a store of other bytes than the file's is never patched
    assert patched_copy(out / "store", source, source, tmp_path / "other", 3) is None
    assert os.path.islink(out / "store" / CURRENT_LINK)


def test_a_rebuild_killed_while_it_patches_the_store_leaves_the_old_version_whole(tmp_path):
    """Killed (as kill -9) half-way through patching the copy of the store: the current version
    is untouched (the copy shares only files the database never rewrites), and the next build's
    store holds its graph quad for quad."""
    import os
    import subprocess
    import sys

    from tipgraph.graphio import FAULT_ENV
    from tipgraph.store import open_store

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build = [sys.executable, "-c", "from tipgraph.cli import main; main()", "build", str(corpus), "--out", str(out),
             "--cache-dir", str(cache), "--no-validate", "--no-html", "-q"]
    env = {k: v for k, v in os.environ.items() if k != FAULT_ENV}
    assert subprocess.run(build, env=env, capture_output=True, timeout=600).returncode == 0
    old_quads = _fresh_quads(out / "graph.ttl")
    changed = sorted(corpus.glob("*.txt"))[4]
    changed.write_text("The Deputy Minister of Labour of Ruritania urged Borduria to inspect farms.\n\n"
                       + changed.read_text(encoding="utf-8"), encoding="utf-8")
    killed = subprocess.run(build, env={**env, FAULT_ENV: "store-patching"}, capture_output=True, timeout=600)
    assert killed.returncode == -9, killed.stderr[-2000:]
    current = open_store(out / "graph.ttl", create=False)
    if current is not None:  # the old graph.ttl is still in place: its store is the old one, whole
        assert _quads(current.store) == old_quads
        current.close()
    assert [p for p in (out / "store").iterdir() if p.name.startswith(".tmp-")]  # what the kill left

    assert subprocess.run(build, env=env, capture_output=True, timeout=600).returncode == 0
    assert not [p for p in (out / "store").iterdir() if p.name.startswith(".tmp-")]
    opened = open_store(out / "graph.ttl", create=False)
    assert opened is not None and _quads(opened.store) == _fresh_quads(out / "graph.ttl") != old_quads
    opened.close()
    assert run_cli("build", corpus, "--out", tmp_path / "fresh", "--no-cache", *FAST).exit_code == 0
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()


def test_the_reading_memo_gives_what_reading_the_files_gives_as_they_change(tmp_path):
    import pickle

    from tipgraph.corpus import ReadingMemo

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    shutil.copy(Path(__file__).parent / "data" / "pages" / "balkan-courier-moldova-shelter.html", corpus)
    shutil.copy(Path(__file__).parent / "data" / "wrapped_corpus" / "release_hard_wrapped.txt", corpus)
    (corpus / "blank.txt").write_text("\n \n", encoding="utf-8")
    memo = ReadingMemo()
    assert read_corpus(corpus, readings=memo) == read_corpus(corpus)
    memo = pickle.loads(pickle.dumps(memo))  # as the cache keeps it
    assert len(memo.earlier) == len(list(corpus.iterdir())) and not memo.now
    again = read_corpus(corpus, readings=memo)
    assert again == read_corpus(corpus) and again.skipped == [Skipped("blank.txt", "no text (blank file)")]

    # a file edited reads as its new bytes; one removed is forgotten; the blank one fills up
    wrapped = corpus / "release_hard_wrapped.txt"
    wrapped.write_text(wrapped.read_text(encoding="utf-8").replace("\n", "\n\n", 3), encoding="utf-8")
    (corpus / "balkan-courier-moldova-shelter.html").unlink()
    (corpus / "blank.txt").write_text("A line of its own now.\n", encoding="utf-8")
    fresh = read_corpus(corpus)
    assert read_corpus(corpus, readings=memo) == fresh and not fresh.skipped
    assert len(memo.earlier) == len(list(corpus.iterdir()))
    # the same bytes under another format are read by that format's reader
    (corpus / "copy.md").write_bytes(wrapped.read_bytes())
    assert read_corpus(corpus, readings=memo) == read_corpus(corpus)


def test_a_rebuild_reads_changed_files_only_and_matches_a_build_without_cache(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DEV / "corpus", corpus)
    cache = tmp_path / "cache"
    assert run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, *FAST).exit_code == 0
    assert len(ExtractionCache(cache).reading_memo().earlier) == len(list(corpus.glob("*.txt")))
    changed = sorted(corpus.glob("*.txt"))[5]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Minister urged every State to act.\n", encoding="utf-8")
    texts = tmp_path / "cached" / "text"
    inodes = {p.name: p.stat().st_ino for p in texts.iterdir()}
    assert run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, *FAST).exit_code == 0
    # the unchanged texts are the previous set's files, linked into the new one; the changed one is new
    assert {p.name for p in texts.iterdir() if p.stat().st_ino != inodes[p.name]} == {f"{changed.stem}.txt"}
    assert all(p.stat().st_nlink == 1 for p in texts.iterdir())  # the previous set is gone
    assert run_cli("build", corpus, "--out", tmp_path / "fresh", "--no-cache", *FAST).exit_code == 0
    for name in ("graph.ttl", f"text/{changed.stem}.txt"):
        assert (tmp_path / "cached" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert "urged every State" in (tmp_path / "cached" / "text" / f"{changed.stem}.txt").read_text(encoding="utf-8")
    # --no-cache neither reads nor writes the memo; a damaged memo is no memo
    memo_file = next(cache.glob("readings-*.pickle"))
    memo_file.write_bytes(memo_file.read_bytes()[:-50])
    assert ExtractionCache(cache).reading_memo().earlier == {}
    assert run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, *FAST).exit_code == 0
    assert (tmp_path / "cached" / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()
    assert not list((tmp_path / "fresh").glob(".cache/readings-*"))


def test_the_import_scan_finds_every_import_ast_walk_finds(tmp_path):
    import ast

    import tipgraph
    from tipgraph.cache import _imported_tipgraph_modules, _statements

    nested = tmp_path / "nested.py"
    nested.write_text(
        "import tipgraph.a\n"
        "try:\n    from tipgraph import b\nexcept ImportError:\n    from tipgraph.c import d\nelse:\n    import tipgraph.e\n"
        "finally:\n    import tipgraph.f\n"
        "class K:\n    def m(self):\n        with open('x'):\n            for _ in ():\n                import tipgraph.g\n"
        "            else:\n                while True:\n                    import tipgraph.h\n"
        "match 1:\n    case 1:\n        from tipgraph.i import j\n"
        "if True:\n    pass\nelif False:\n    from . import k\n"
        "async def f():\n    async with x:\n        from .l import m\n", encoding="utf-8")
    package = Path(tipgraph.__file__).parent
    for name, path in [("tipgraph.nested", nested)] + [
        ("tipgraph." + ".".join(p.relative_to(package).with_suffix("").parts).removesuffix(".__init__"), p)
        for p in sorted(package.rglob("*.py"))
    ]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        walked = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        assert sorted(map(ast.dump, walked)) == sorted(
            ast.dump(n) for n in _statements(tree.body) if isinstance(n, (ast.Import, ast.ImportFrom))), path
    found = _imported_tipgraph_modules("tipgraph.nested", nested)
    assert {"tipgraph.a", "tipgraph.b", "tipgraph.c", "tipgraph.e", "tipgraph.f", "tipgraph.g", "tipgraph.h",
            "tipgraph.i", "tipgraph.k", "tipgraph.l"} <= found


def test_a_rebuild_parses_its_changed_document_in_a_worker_while_it_reads_the_cache(tmp_path, monkeypatch):
    import os

    from tipgraph import pipeline

    corpus = tmp_path / "corpus"
    shutil.copytree(DEV / "corpus", corpus)
    cache = tmp_path / "cache"
    assert run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, "-j", "2", *FAST).exit_code == 0
    changed = sorted(corpus.glob("*.txt"))[7]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Ambassador urged donors to fund shelters.\n",
                       encoding="utf-8")
    monkeypatch.setattr(pipeline, "OVERLAP_READS", 10)  # the dev set's 29 unchanged documents are enough
    extract, who = pipeline._extract, tmp_path / "who-parsed"

    def noting(document, parsed=None):  # forked with the build: the worker notes itself too
        with open(who, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {document.source_file}\n")
        return extract(document, parsed)

    monkeypatch.setattr(pipeline, "_extract", noting)
    assert run_cli("build", corpus, "--out", tmp_path / "cached", "--cache-dir", cache, "-j", "2", *FAST).exit_code == 0
    pid, name = who.read_text(encoding="utf-8").split()
    assert name == changed.name and int(pid) != os.getpid()
    monkeypatch.setattr(pipeline, "_extract", extract)
    assert run_cli("build", corpus, "--out", tmp_path / "fresh", "--no-cache", "-j", "1", *FAST).exit_code == 0
    assert (tmp_path / "cached" / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()
    assert "fund shelters" in (tmp_path / "cached" / "graph.ttl").read_text(encoding="utf-8")


def test_the_page_reuses_its_layout_when_the_drawn_nodes_and_links_are_the_same(tmp_path):
    from rdflib import Graph

    from tipgraph.cache import ResultCache
    from tipgraph.render import build_page, layout_version

    assert run_cli("build", CORPUS, "--out", tmp_path / "out", "--no-validate", "-q").exit_code == 0
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    fresh = build_page(graph, title="t")
    for overview in (False, True):
        layouts = ResultCache(tmp_path / "cache", "layout", layout_version())
        computed = build_page(graph, title="t", overview=overview, layout_cache=layouts)
        assert layouts.stats.hits == 0 and layouts.stats.misses == 1
        reused = build_page(graph, title="t", overview=overview, layout_cache=layouts)
        assert layouts.stats.hits == 1 and reused == computed
        assert reused == build_page(graph, title="t", overview=overview)
    assert computed != fresh and build_page(graph, title="t", overview=False, layout_cache=layouts) == fresh

    # another drawing (a node less) is laid out afresh, not given the cached positions
    smaller = Graph()
    dropped = min(s for s in set(graph.subjects()) if "/claim/" in str(s))  # a drawn node
    for triple in graph:
        if dropped not in (triple[0], triple[2]):
            smaller.add(triple)
    layouts = ResultCache(tmp_path / "cache", "layout", layout_version())
    build_page(graph, title="t", layout_cache=layouts)
    assert layouts.stats.hits == 1 and layouts.stats.misses == 0
    assert build_page(smaller, title="t", layout_cache=layouts) == build_page(smaller, title="t")
    assert layouts.stats.misses == 1


def test_a_rebuild_with_the_layout_cached_writes_the_page_of_a_build_without_cache(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    cache = tmp_path / "cache"
    build = ("build", corpus, "--no-validate", "-q")
    assert run_cli(*build, "--out", tmp_path / "cached", "--cache-dir", cache).exit_code == 0
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nThe ministry said it would publish the figures.\n",
                     encoding="utf-8")
    removed = sorted(corpus.glob("*.txt"))[-1]
    removed.unlink()
    for _ in range(2):  # the second rebuild finds the layout of the first
        assert run_cli(*build, "--out", tmp_path / "cached", "--cache-dir", cache).exit_code == 0
    assert run_cli(*build, "--out", tmp_path / "fresh", "--no-cache").exit_code == 0
    for name in ("graph.html", "graph.ttl"):
        assert (tmp_path / "cached" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    layouts = list(cache.glob("layout-*/*/*.json"))
    assert len(layouts) == 1  # the first build's layout forgotten once unused


def test_the_vocabulary_memo_gives_the_parsed_vocabulary_and_follows_its_files(tmp_path):
    import yaml

    from tipgraph import ontology_dir
    from tipgraph.vocab import MEMO_PREFIX, _parsed_vocabulary, load_vocabulary, remember_vocabulary_in

    root = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), root)
    memo = tmp_path / "cache"
    memo.mkdir()
    try:
        remember_vocabulary_in(memo)
        load_vocabulary.cache_clear()
        parsed = load_vocabulary(str(root))
        assert parsed == _parsed_vocabulary(root)
        (entry,) = memo.glob(f"{MEMO_PREFIX}*.pickle")
        load_vocabulary.cache_clear()
        assert load_vocabulary(str(root)) == parsed  # read back from the memo

        # a changed lexicon (another helper's trigger word) is read, not the memo's old copy
        lexicon = sorted((root / "lexicon").glob("*.yaml"))[0]
        data = yaml.safe_load(lexicon.read_text(encoding="utf-8"))
        lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# a comment changes the bytes\n", encoding="utf-8")
        load_vocabulary.cache_clear()
        assert load_vocabulary(str(root)) == parsed and not entry.exists()  # same data, a new entry
        (entry,) = memo.glob(f"{MEMO_PREFIX}*.pickle")
        data = {"renamed": data} if not isinstance(data, dict) else {**data, "zz-added-by-test": ["Ruritania"]}
        lexicon.write_text(yaml.safe_dump(data), encoding="utf-8")
        load_vocabulary.cache_clear()
        changed = load_vocabulary(str(root))
        assert changed != parsed and changed == _parsed_vocabulary(root)

        # a damaged entry is parsed again, and replaced
        (entry,) = memo.glob(f"{MEMO_PREFIX}*.pickle")
        entry.write_bytes(entry.read_bytes()[:-10])
        load_vocabulary.cache_clear()
        assert load_vocabulary(str(root)) == changed
        load_vocabulary.cache_clear()
        assert load_vocabulary(str(root)) == changed
    finally:
        remember_vocabulary_in(None)
        load_vocabulary.cache_clear()


def test_a_build_without_cache_keeps_no_vocabulary_memo(tmp_path):
    from tipgraph import vocab

    cache = tmp_path / "cache"
    assert run_cli("build", CORPUS, "--out", tmp_path / "a", "--cache-dir", cache, *FAST).exit_code == 0
    assert run_cli("build", CORPUS, "--out", tmp_path / "b", "--cache-dir", cache, *FAST).exit_code == 0
    assert run_cli("build", CORPUS, "--out", tmp_path / "c", "--no-cache", *FAST).exit_code == 0
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "c" / "graph.ttl").read_bytes()
    assert len(list(cache.glob("vocabulary-*.pickle"))) == 1
    assert vocab._MEMO_FOLDER == []  # --no-cache: neither read nor written
