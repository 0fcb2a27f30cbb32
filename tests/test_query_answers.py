"""The bundled questions as the store answers them: rewritten for the engine (sub-SELECTs it
joins by hashing) without changing one row, kept with the store when the build makes it, and
paged in tables. Real builds (the seed corpus, the dev set) and a graph shaped like a build,
real pyoxigraph stores."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from tipgraph.query import (TABLE_ROWS, answer, bundled_texts, load_store, parse_query_file, queries_dir, render_result,
                            run_query, substitute)
from tipgraph.store import ANSWERS_FOLDER, open_store, refresh_store

from conftest import ROOT, run_cli

BEFORE = Path(__file__).resolve().parent / "data" / "queries-before"  # the texts before the rewrite


def default_text(path: Path) -> str:
    q = parse_query_file(path)
    return substitute(q.text, {k: v for k, v in q.params.items() if v is not None})


def full_table(store, text: str) -> str:
    return render_result(run_query(store, text), "table")


def assert_rewrites_answer_as_before(graph: Path) -> dict[str, int]:
    opened = open_store(graph)
    assert opened is not None
    rows = {}
    try:
        for before in sorted(BEFORE.glob("*.rq")):
            old = full_table(opened.store, default_text(before))
            new = full_table(opened.store, default_text(queries_dir() / before.name))
            assert new == old, f"{before.stem} on {graph}"
            rows[before.stem] = len(old.splitlines()) - 3
    finally:
        opened.close()
    return rows


def test_every_bundled_question_has_its_text_before_the_rewrite():
    assert sorted(p.name for p in BEFORE.glob("*.rq")) == sorted(p.name for p in queries_dir().glob("*.rq"))


def test_rewritten_questions_answer_the_seed_build_as_before(built_graph):
    rows = assert_rewrites_answer_as_before(built_graph)
    assert rows["urged-whom"] > 10 and rows["about-country"] > 0 and rows["low-confidence"] > 0


def test_rewritten_questions_answer_the_dev_build_as_before(dev_build):
    rows = assert_rewrites_answer_as_before(dev_build / "graph.ttl")
    assert rows["organizations"] > 20 and rows["statistics"] > 10


def test_rewritten_questions_answer_a_build_shaped_graph_as_before(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_query import write_build_graph
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    write_build_graph(60, tmp_path / "out")
    rows = assert_rewrites_answer_as_before(tmp_path / "out" / "graph.ttl")
    assert rows["commitments"] > 100 and rows["low-confidence"] > 100 and rows["criticisms"] > 100


def test_the_build_keeps_every_bundled_answer_and_it_reads_back_as_the_engine_answers(built_graph):
    opened = open_store(built_graph, create=False)  # made by the build
    assert opened is not None
    try:
        kept = list((opened.folder / ANSWERS_FOLDER).iterdir())
    finally:
        opened.close()
    texts = bundled_texts()
    assert len(kept) >= len(texts) == len(list(queries_dir().glob("*.rq")))
    memory = load_store(built_graph)  # no store: the engine, on the file itself
    for name, text in texts.items():
        for fmt in ("table", "csv", "tsv", "json"):
            assert answer(built_graph, text, name, fmt) == render_result(run_query(memory, text), fmt), (name, fmt)


def test_a_store_made_without_answers_keeps_them_when_first_asked(tmp_path, built_graph):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".tipgraph").mkdir()
    graph = out / "graph.ttl"
    graph.write_bytes(built_graph.read_bytes())
    version = refresh_store(graph, answers=False)
    assert version is not None and not any((version / ANSWERS_FOLDER).iterdir())
    first = run_cli("query", graph, "--name", "urged-whom", "--format", "csv").output
    assert first == run_cli("query", built_graph, "--name", "urged-whom", "--format", "csv").output


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_a_long_table_prints_its_first_rows_and_says_how_to_see_the_rest(dev_build):
    graph = dev_build / "graph.ttl"
    every = csv_rows(run_cli("query", graph, "--name", "organizations", "--format", "csv").output)
    total = len(every) - 1
    assert total > 20
    page = run_cli("query", graph, "--name", "organizations", "--limit", "7", "--offset", "5").output.splitlines()
    assert page[-1] == f"(rows 6-12 of {total}; --offset 12 for the next, --all for every row)"
    assert len(page) == 2 + 7 + 1
    names = [row[1] for row in every[6:13]]
    spans = page[1].split("  ")
    start = len(spans[0]) + 2  # the name column follows the organisation column
    assert [line[start:start + len(spans[1])].strip() for line in page[2:-1]] == [" ".join(n.split()) for n in names]
    whole = run_cli("query", graph, "--name", "organizations", "--all").output.splitlines()
    assert whole[-1] == f"({total} rows)" and len(whole) == total + 3
    default = run_cli("query", graph, "--name", "organizations").output.splitlines()
    assert len(default) - 3 == min(total, TABLE_ROWS)
    last = run_cli("query", graph, "--name", "organizations", "--offset", str(total - 2)).output.splitlines()
    assert last[-1] == f"(rows {total - 1}-{total} of {total}, --all for every row)"


def test_limit_and_offset_page_every_format_alike(built_graph):
    every = json.loads(run_cli("query", built_graph, "--name", "urged-whom", "--format", "json").output)
    bindings = every["results"]["bindings"]
    assert len(bindings) > 10
    page = json.loads(run_cli("query", built_graph, "--name", "urged-whom", "--format", "json",
                              "--limit", "4", "--offset", "3").output)
    assert page["head"] == every["head"] and page["results"]["bindings"] == bindings[3:7]
    full_csv = csv_rows(run_cli("query", built_graph, "--name", "urged-whom", "--format", "csv").output)
    page_csv = csv_rows(run_cli("query", built_graph, "--name", "urged-whom", "--format", "csv",
                                "--limit", "4", "--offset", "3").output)
    assert page_csv == full_csv[:1] + full_csv[4:8]
    both = run_cli("query", built_graph, "--name", "urged-whom", "--all", "--limit", "3")
    assert both.exit_code != 0 and "--limit N or --all" in both.output


def test_construct_and_ask_answers_are_kept_as_printed(tmp_path, built_graph, monkeypatch):
    import tipgraph.query as query_module

    out = tmp_path / "out"
    (out / ".tipgraph").mkdir(parents=True)
    graph = out / "graph.ttl"
    graph.write_bytes(built_graph.read_bytes())
    version = refresh_store(graph, answers=False)
    monkeypatch.setattr(query_module, "KEEP_ANSWER_SECONDS", -1.0)  # keep whatever the engine answers
    construct = "CONSTRUCT { ?p a tip:Person } WHERE { ?p a tip:Person }"
    first = run_cli("query", graph, "-e", construct).output
    assert "tip:Person" in first and len(list((version / ANSWERS_FOLDER).iterdir())) == 1
    assert run_cli("query", graph, "-e", construct).output == first
    assert run_cli("query", graph, "-e", "ASK { ?p a tip:Person }").output == "true\n"
    assert len(list((version / ANSWERS_FOLDER).iterdir())) == 2


def test_a_build_answers_the_bundled_questions_into_its_store_unless_told_not_to(tmp_path):
    """`tipgraph build` leaves every bundled question answered beside the graph (the answers are
    made in the thread that loads the store while the page is drawn); `--no-answers` leaves the
    store without them, and the first ask then answers the same."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((ROOT / "corpus").glob("*"))[:2]:
        (corpus / path.name).write_bytes(path.read_bytes())
    answered, plain = tmp_path / "answered", tmp_path / "plain"
    assert run_cli("build", corpus, "--out", answered, "--no-html", "--no-validate").exit_code == 0
    assert run_cli("build", corpus, "--out", plain, "--no-html", "--no-validate", "--no-answers").exit_code == 0
    assert (answered / "graph.ttl").read_bytes() == (plain / "graph.ttl").read_bytes()
    kept = {p.name for p in (answered / "store" / "current" / ANSWERS_FOLDER).iterdir()}
    assert len(kept) >= len(bundled_texts())
    assert not any((plain / "store" / "current" / ANSWERS_FOLDER).iterdir())
    for name in ("urged-whom", "statistics", "people"):
        asked = [run_cli("query", out / "graph.ttl", "--name", name, "--format", "csv").output for out in (answered, plain)]
        assert asked[0] == asked[1] and asked[0].count("\n") > 1, name
