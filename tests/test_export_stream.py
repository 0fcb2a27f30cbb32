"""`tipgraph export` streams: every writer reads the graph file into runs sorted on disk and
writes from one pass over them, never from the whole graph in memory.

* The outputs are byte-identical to what the in-memory writers made (an rdflib Graph of the
  whole file for neo4j, graphml and jsonld; a list of every triple for ttl, trig and nquads).
  tests/data/export/expected/ holds their outputs, made by those writers (export.py of
  commit 7c5971d) for tests/data/mini.ttl and tests/data/export/corners.ttl, with the
  ontology left out (ontology_graph() an empty graph, as here) so that the files depend on
  the code and the input only. Each writer is run with runs of 3 records (every run spilled
  to a file and merged) and with the default run.
* Memory: on the seed build's graph, with runs of 200 records, no rdflib graph is ever given
  more triples than the ontology's, no sort holds more than 200 records at once, the sorts do
  go to disk, and the outputs are those of a run that holds everything.

The outputs themselves are checked against the source graph and loaded into real engines
in tests/test_export.py and tests/test_stores.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.plugins.stores.memory import Memory

import tipgraph.export as export

DATA = Path(__file__).parent / "data"
EXPECTED = DATA / "export" / "expected"
SOURCES = {"mini": DATA / "mini.ttl", "corners": DATA / "export" / "corners.ttl"}
EXTENSIONS = {"neo4j": "neo4j", "jsonld": "jsonld", "nt": "nt", "trig": "trig", "nquads": "nq",
              "graphml": "graphml", "ttl": "ttl"}
WRITERS = {"neo4j": export.write_neo4j, "jsonld": export.write_jsonld, "nt": export.stream_nt,
           "trig": export.write_trig, "nquads": export.write_nquads, "graphml": export.write_graphml,
           "ttl": export.write_ttl}


def write(fmt: str, source: Path, out: Path, run: int) -> None:
    if fmt in ("trig", "nquads"):
        WRITERS[fmt](source, out, None, True, run)
    elif fmt == "neo4j":
        WRITERS[fmt](source, out, export.MEMGRAPH_IMPORT_DIR, None, run)
    else:
        WRITERS[fmt](source, out, None, run)


def contents(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {"": path.read_bytes()}


def test_every_format_is_tested():
    assert set(WRITERS) == set(export.FORMATS)


@pytest.mark.parametrize("run", [3, export.SORT_RUN_TRIPLES])
@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_streamed_output_is_byte_identical_to_the_in_memory_writers(name, fmt, run, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "ontology_graph", Graph)
    expected = EXPECTED / name / f"graph.{EXTENSIONS[fmt]}"
    out = tmp_path / expected.name
    write(fmt, SOURCES[name], out, run)
    got, want = contents(out), contents(expected)
    assert sorted(got) == sorted(want)
    for file_name in want:
        assert got[file_name] == want[file_name], (name, fmt, file_name or expected.name)


def test_corners_cover_what_the_stream_must_get_right():
    """The corner graph does exercise the cases the stream must reproduce."""
    neo4j = EXPECTED / "corners" / "graph.neo4j"
    assert "--array-delimiter='|'" in (neo4j / "import.sh").read_text(encoding="utf-8")  # a value holds ";"
    assert (neo4j / "nodes_Bulletin.csv").is_file()  # a class declared in the graph itself
    header = (neo4j / "nodes_CivilSocietyOrganization.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "since:date" in header and "sincePartial:string" in header
    assert "_:e2" in (EXPECTED / "corners" / "graph.jsonld").read_text(encoding="utf-8")  # an object-only blank node
    resources = (neo4j / "nodes_Resource.csv").read_text(encoding="utf-8")
    assert "https://w3id.org/tipgraph/id/org/Network-East" in resources  # an IRI that is only an object
    trig = (EXPECTED / "corners" / "graph.trig").read_text(encoding="utf-8")
    assert "<https://w3id.org/tipgraph/id/doc/b1> {" in trig  # the declared kind of document has its graph


@pytest.fixture
def counted(monkeypatch):
    """Largest number of triples any rdflib store is given, and largest number of records any
    sort holds, while the block runs."""
    peak = {"rdflib": 0, "sort": 0, "spilled": 0}
    added: dict[int, int] = {}
    memory_add = Memory.add

    def counting_add(self, triple, context, quoted=False):
        added[id(self)] = added.get(id(self), 0) + 1
        peak["rdflib"] = max(peak["rdflib"], added[id(self)])
        return memory_add(self, triple, context, quoted)

    sort_add, sort_spill = export.ExternalSort.add, export.ExternalSort._spill

    def counting_sort_add(self, record):
        sort_add(self, record)
        peak["sort"] = max(peak["sort"], len(self._chunk))

    def counting_spill(self):
        peak["spilled"] += 1
        sort_spill(self)

    line_runs = export._nt_line_runs

    def counting_line_runs(triples, run):  # --to nt sorts N-Triples lines in runs of its own
        for lines in line_runs(triples, run):
            peak["sort"] = max(peak["sort"], len(lines))
            peak["spilled"] += 1
            yield lines

    monkeypatch.setattr(Memory, "add", counting_add)
    monkeypatch.setattr(export, "_nt_line_runs", counting_line_runs)
    monkeypatch.setattr(export.ExternalSort, "add", counting_sort_add)
    monkeypatch.setattr(export.ExternalSort, "_spill", counting_spill)
    return peak


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_writers_hold_runs_not_the_graph(fmt, built_graph, tmp_path, counted):
    ontology_triples = len(export.ontology_graph())
    graph_triples = len(Graph().parse(built_graph, format="turtle"))
    assert graph_triples > 5 * ontology_triples
    counted.update(rdflib=0, sort=0, spilled=0)
    small = tmp_path / f"small.{EXTENSIONS[fmt]}"
    write(fmt, built_graph, small, 200)
    assert counted["rdflib"] <= ontology_triples, "an rdflib graph was given more than the ontology"
    assert counted["sort"] <= 200
    assert counted["spilled"] >= graph_triples // 200
    whole = tmp_path / f"whole.{EXTENSIONS[fmt]}"
    write(fmt, built_graph, whole, 10 ** 7)
    assert contents(small) == contents(whole)
