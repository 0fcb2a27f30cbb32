"""A build's memory: what it lets go of, the store loaded in pieces, and how the benchmark
measures all of a build's processes at once (benchmarks/bench_scale.py's TreeMemory)."""
from __future__ import annotations

import hashlib
import io
import pickle
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import CORPUS
from tipgraph.cache import ExtractionCache
from tipgraph.corpus import read_corpus
from tipgraph.graph import build_graph
from tipgraph.pipeline import extract_corpus, finish_build
from tipgraph.resolve import resolve
from tipgraph.store import _HashingReader, turtle_pieces
from tipgraph.turtle import write_turtle
from tipgraph.vocab import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def extractions(tmp_path_factory):
    cache = ExtractionCache(tmp_path_factory.mktemp("cache"))
    return list(extract_corpus(read_corpus(CORPUS).documents, 1, cache))


def test_finish_build_lets_the_extractions_go_and_writes_the_whole_graphs_bytes(extractions, tmp_path):
    """The extractions and resolution are let go before the page and the store (the list the
    caller passed is emptied), and graph.ttl is still the Turtle of the whole graph."""
    copies = pickle.loads(pickle.dumps(extractions))
    whole = build_graph(copies, resolve(copies, load_vocabulary())).to_rdflib()
    expected = io.StringIO()
    write_turtle(whole, expected)
    given = pickle.loads(pickle.dumps(extractions))
    documents = [ex.document for ex in given]
    result = finish_build(CORPUS, tmp_path / "out", documents, given, answers=False)
    assert given == []
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8") == expected.getvalue()
    assert result.triples == len(whole) > 1000
    assert (tmp_path / "out" / "graph.html").stat().st_size > 10_000


def test_turtle_pieces_parse_alone_and_hold_the_files_triples(built_dir):
    """The build's Turtle cut into pieces of whole blocks (here a few hundred bytes each, a
    piece per block or so): each piece parses on its own, together they are the file's triples,
    and the reader still hashes every byte of the file."""
    graph = built_dir / "graph.ttl"
    data = graph.read_bytes()
    expected = set(ox.parse(input=data, format=ox.RdfFormat.TURTLE))
    with open(graph, "rb") as handle:
        reader = _HashingReader(handle)
        pieces = list(turtle_pieces(reader, 300))
        reader.read()
    assert len(pieces) > 50
    found = set()
    for piece in pieces:
        assert piece.startswith(b"@prefix ")
        found.update(ox.parse(input=piece, format=ox.RdfFormat.TURTLE))
    assert found == expected
    assert reader.digest.hexdigest() == hashlib.sha256(data).hexdigest()
    assert b"".join(pieces[:1]) == data[: len(pieces[0])]  # the first piece is the file's start


def test_a_store_loaded_in_pieces_holds_what_a_whole_load_holds(built_dir, tmp_path):
    graph = built_dir / "graph.ttl"
    whole = ox.Store(str(tmp_path / "whole"))
    whole.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    pieces = ox.Store(str(tmp_path / "pieces"))
    with open(graph, "rb") as handle:
        for piece in turtle_pieces(handle, 1000):
            pieces.bulk_load(input=piece, format=ox.RdfFormat.TURTLE)
    assert len(pieces) == len(whole) > 1000
    assert set(pieces) == set(whole)


HOLD = """
import subprocess, sys, time
if sys.argv[1] == "parent":
    child = subprocess.Popen([sys.executable, "-c", sys.argv[2], "hold", sys.argv[2]])
    child.wait()
else:
    block = bytearray(200 * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1  # touched, so resident
    time.sleep(1.5)
"""

MEASURE = """
import importlib.util, json, subprocess, sys, time
spec = importlib.util.spec_from_file_location("bench_scale", sys.argv[1])
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
with bench.TreeMemory(interval=0.05) as tree:
    subprocess.run([sys.executable, "-c", sys.argv[2], "parent", sys.argv[2]], check=True)
    time.sleep(0.1)
print(json.dumps(tree.figures()))
"""


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads /proc (Linux)")
def test_tree_memory_sums_every_descendant_at_once():
    """A grandchild holding 200 MB counts in the sum, though the measuring process never held
    it: ru_maxrss of that process (and of its largest child) says nothing of it."""
    import json

    done = subprocess.run([sys.executable, "-c", MEASURE, str(ROOT / "benchmarks" / "bench_scale.py"), HOLD],
                          check=True, capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["tree_processes_at_peak"] == 3  # the measuring process, the child, the grandchild
    assert max(figures["tree_others_at_peak_mb"]) >= 190
    assert figures["tree_peak_rss_mb"] >= figures["tree_main_at_peak_mb"] + 190
    assert figures["tree_peak_pss_mb"] >= 190
    assert figures["tree_samples"] > 10
