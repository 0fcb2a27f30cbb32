"""A build or export that is killed, fails or is stopped never leaves a mixed or damaged set
of outputs; its workers die with it; bad input is one line naming the file."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from conftest import CORPUS, run_cli
from tipgraph.graphio import FAULT_ENV
from tipgraph.namespaces import TIP

DEV_CORPUS = Path(__file__).parent / "dev" / "corpus"
CLI = [sys.executable, "-c", "from tipgraph.cli import main; main()"]


def tipgraph(*args, fault: str | None = None, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop(FAULT_ENV, None)
    if fault:
        env[FAULT_ENV] = fault
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env, timeout=300, **kwargs)


def output_set(out: Path) -> dict[str, bytes]:
    """What a user reads through the documented paths: graph.ttl, graph.html, text/*."""
    found = {}
    for name in ("graph.ttl", "graph.html"):
        if (out / name).is_file():
            found[name] = (out / name).read_bytes()
    if (out / "text").is_dir():
        for path in sorted((out / "text").iterdir()):
            found[f"text/{path.name}"] = path.read_bytes()
    return found


def leftovers(out: Path) -> list[str]:
    """Anything in the output folder beyond the outputs and the one version in use."""
    names = sorted(p.name for p in out.iterdir())
    state = sorted(p.name for p in (out / ".tipgraph").iterdir()) if (out / ".tipgraph").is_dir() else []
    # .cache is the extraction cache, kept across builds on purpose; store is graph.ttl's
    # query store (tipgraph.store), checked against graph.ttl on every use
    extra = [n for n in names if n not in {"graph.ttl", "graph.html", "text", ".tipgraph", ".cache", "store"}]
    versions = [n for n in state if n not in {"current", "lock"}]
    return extra + (versions if len(versions) != 1 else [])


@pytest.fixture(scope="module")
def two_corpora(tmp_path_factory):
    """Two corpora and the output set a clean build of each gives."""
    base = tmp_path_factory.mktemp("sets")
    old, new = base / "old", base / "new"
    old.mkdir()
    new.mkdir()
    for path in sorted(DEV_CORPUS.glob("*.txt"))[:2]:
        shutil.copy(path, old / path.name)
    for path in sorted(DEV_CORPUS.glob("*.txt"))[2:5]:
        shutil.copy(path, new / path.name)
    sets = {}
    for name, corpus in (("old", old), ("new", new)):
        out = base / f"ref-{name}"
        result = tipgraph("build", corpus, "--out", out, "-q")
        assert result.returncode == 0, result.stderr
        sets[name] = output_set(out)
    assert sets["old"].keys() != sets["new"].keys()
    return old, new, sets


@pytest.mark.parametrize("step", ["set-written", "set-switched"])
def test_a_build_killed_at_any_step_leaves_one_whole_set(step, two_corpora, tmp_path):
    old, new, sets = two_corpora
    out = tmp_path / "out"
    assert tipgraph("build", old, "--out", out, "-q").returncode == 0
    killed = tipgraph("build", new, "--out", out, "-q", fault=step)
    assert killed.returncode == -signal.SIGKILL
    assert output_set(out) == (sets["old"] if step == "set-written" else sets["new"])
    assert leftovers(out)  # the killed run's version (or the replaced one) is still there ...
    again = tipgraph("build", new, "--out", out, "-q")
    assert again.returncode == 0, again.stderr
    assert output_set(out) == sets["new"]
    assert leftovers(out) == []  # ... until the next run removes it


@pytest.mark.parametrize("step", ["set-written", "set-switched", "set-linked"])
def test_outputs_of_an_earlier_tipgraph_are_replaced_as_one_set_too(step, two_corpora, tmp_path):
    """Plain graph.ttl and graph.html files (no versions yet), killed at each step."""
    old, new, sets = two_corpora
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_bytes(sets["old"]["graph.ttl"])
    (out / "graph.html").write_bytes(sets["old"]["graph.html"])
    plain_old = {k: v for k, v in sets["old"].items() if not k.startswith("text/")}
    killed = tipgraph("build", new, "--out", out, "-q", fault=step)
    assert killed.returncode == -signal.SIGKILL
    assert output_set(out) in (plain_old, sets["new"])
    assert tipgraph("build", new, "--out", out, "-q").returncode == 0
    assert output_set(out) == sets["new"] and leftovers(out) == []


def test_a_folder_in_the_way_fails_before_anything_is_replaced(two_corpora, tmp_path):
    old, _, sets = two_corpora
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").mkdir()
    (out / "graph.html").write_text("previous page", encoding="utf-8")
    result = tipgraph("build", old, "--out", out)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [f"Error: {out / 'graph.ttl'}: is a folder where tipgraph writes its output; move it away"]
    assert (out / "graph.html").read_text(encoding="utf-8") == "previous page"


@pytest.mark.parametrize("step", ["folder-written", "folder-swapped"])
def test_an_export_killed_at_any_step_keeps_a_whole_neo4j_folder(step, two_corpora, tmp_path):
    old, new, _ = two_corpora
    graphs = {}
    for name, corpus in (("old", old), ("new", new)):
        assert tipgraph("build", corpus, "--out", tmp_path / name, "-q", "--no-html").returncode == 0
        graphs[name] = tmp_path / name / "graph.ttl"
    target = tmp_path / "neo4j"
    assert tipgraph("export", graphs["old"], "--to", "neo4j", "--out", target).returncode == 0
    before = {p.name: p.read_bytes() for p in target.iterdir() if p.is_file()}
    reference = tmp_path / "neo4j-new"
    assert tipgraph("export", graphs["new"], "--to", "neo4j", "--out", reference).returncode == 0
    after = {p.name: p.read_bytes() for p in reference.iterdir() if p.is_file()}
    killed = tipgraph("export", graphs["new"], "--to", "neo4j", "--out", target, fault=step)
    assert killed.returncode == -signal.SIGKILL
    now = {p.name: p.read_bytes() for p in target.iterdir() if p.is_file()}
    assert now == (before if step == "folder-written" else after)
    assert tipgraph("export", graphs["new"], "--to", "neo4j", "--out", target).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".neo4j")) == []


def test_a_graph_that_breaks_its_shapes_is_not_written(two_corpora, tmp_path, monkeypatch):
    """The real build, with one invalid triple added to its real graph: the build fails
    naming the violation and the previous outputs stay; --no-validate writes anyway."""
    import tipgraph.pipeline as pipeline

    old, new, sets = two_corpora
    out = tmp_path / "out"
    assert run_cli("build", old, "--out", out, "-q").exit_code == 0
    real_build_graph = pipeline.build_graph

    def with_a_second_title(extractions, resolver):
        graph = real_build_graph(extractions, resolver)
        document = next(iter(graph.subjects(TIP.sourceFile, None)))
        graph.add((document, RDFS.label, Literal("a second title")))
        return graph

    monkeypatch.setattr(pipeline, "build_graph", with_a_second_title)
    result = run_cli("build", new, "--out", out, "-q")
    assert result.exit_code != 0
    (line,) = [line for line in result.output.splitlines() if line.strip()]
    assert "SHACL" in line and "rdfs:label" in line and "--no-validate" in line
    assert output_set(out) == sets["old"]
    forced = run_cli("build", new, "--out", out, "-q", "--no-validate")
    assert forced.exit_code == 0
    assert Literal("a second title") in set(Graph().parse(out / "graph.ttl").objects(None, RDFS.label))


def _descendants_when_working(process: subprocess.Popen, count: int) -> list[psutil.Process]:
    parent = psutil.Process(process.pid)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        children = parent.children(recursive=True)
        if len(children) >= count:
            time.sleep(1.0)  # workers busy with documents
            return parent.children(recursive=True)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise AssertionError(f"no {count} workers started (exit {process.poll()})")


@pytest.fixture(scope="module")
def busy_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("busy")
    for path in sorted(DEV_CORPUS.glob("*.txt"))[:12]:
        shutil.copy(path, corpus / path.name)
    return corpus


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_the_build(how, busy_corpus, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != FAULT_ENV}
    process = subprocess.Popen([*CLI, "build", str(busy_corpus), "--out", str(tmp_path / "out"), "--jobs", "2", "-q"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    workers = _descendants_when_working(process, 2)
    process.send_signal(how)
    _, stderr = process.communicate(timeout=60)
    gone, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, f"orphaned workers: {alive}"
    if how == signal.SIGTERM:
        assert process.returncode == 143
        assert stderr.strip().splitlines() == ["terminated (SIGTERM); previous outputs are unchanged"]
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_build_stopped_while_making_its_store_says_its_outputs_are_written(two_corpora, tmp_path):
    old, new, sets = two_corpora
    out = tmp_path / "out"
    assert tipgraph("build", old, "--out", out, "-q").returncode == 0
    stopped = tipgraph("build", new, "--out", out, "-q", fault="store-written:term")
    assert stopped.returncode == 143
    assert stopped.stderr.strip().splitlines() == [
        "terminated (SIGTERM); the new outputs are written, their query store is not (the next query makes it)"
    ]
    assert output_set(out) == sets["new"]
    assert not [p for p in (out / "store").iterdir() if p.name.startswith(".tmp-")]


def test_a_truncated_graph_is_one_short_line_with_line_and_column(built_graph, tmp_path):
    text = built_graph.read_text(encoding="utf-8")
    cut = tmp_path / "cut.ttl"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    expected_line = text[: len(text) // 2].count("\n") + 1
    for command in (["validate", cut], ["export", cut, "--to", "nt", "--out", tmp_path / "x.nt"], ["render", cut, "-o", tmp_path / "x.html"]):
        result = tipgraph(*command)
        assert result.returncode != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and len(lines[0]) < 400, result.stderr[:500]
        assert str(cut) in lines[0]
        line_number = int(re.search(r"\bline (\d+),? column \d+", lines[0]).group(1))
        assert expected_line - 1 <= line_number <= expected_line + 1, lines[0]


@pytest.mark.parametrize("value, shown", [("2022-13-45", "'2022-13-45'"), ("2017-02-31", "'2017-02-31'"), ("last spring", "'last spring'")])
def test_a_bad_metadata_date_names_the_file_key_and_value(value, shown, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("The OSCE met in Vienna.", encoding="utf-8")
    (corpus / "metadata.yaml").write_text(f"note.txt:\n  date: {value}\n", encoding="utf-8")
    result = run_cli("build", corpus, "--out", tmp_path / "out")
    assert result.exit_code != 0
    (line,) = [line for line in result.output.splitlines() if line.strip()]
    assert "metadata.yaml" in line and "date" in line and shown in line and "'note.txt'" in line, line


def test_a_date_not_in_the_calendar_is_never_typed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "remarks.txt").write_text(
        "Remarks by Ambassador Tove Lind at the Nordic Forum\n31 February 2017\n\nSweden urges Finland to protect victims.",
        encoding="utf-8")
    result = run_cli("build", corpus, "--out", tmp_path / "out", "--no-html")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "2017-02-31" not in text


def test_number_words_are_parsed():
    from tipgraph.extract.claims.figures import number_words_to_digits

    assert number_words_to_digits("two hundred victims") == "200 victims"
    assert number_words_to_digits("one hundred and fifty cases") == "150 cases"
    assert number_words_to_digits("Twenty-five women") == "25 women"
    assert number_words_to_digits("seventy percent of them") == "70 percent of them"
    assert number_words_to_digits("three million people") == "3000000 people"
    assert number_words_to_digits("one of the countries, two States") == "one of the countries, two States"
    assert number_words_to_digits("hundreds of victims") == "hundreds of victims"
