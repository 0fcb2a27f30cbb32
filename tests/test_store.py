"""The persistent store beside a build's graph.ttl (tipgraph.store): `query` and `stats` use
it, it follows every change of graph.ttl, and neither a kill nor two commands at once
leave a store that answers for another graph. Real files, real pyoxigraph databases."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tipgraph.graphio import FAULT_ENV, OutputSet
from tipgraph.store import CURRENT_LINK, RACY_NANOSECONDS, STAMP_FILE, file_sha256, open_store, refresh_store, store_folder

from conftest import run_cli

MINI = Path(__file__).resolve().parent / "data" / "mini.ttl"
PEOPLE = "SELECT ?name WHERE { ?p a tip:Person ; rdfs:label ?name } ORDER BY ?name"
NEW_PERSON = """
<https://w3id.org/tipgraph/id/person/Wanjiru-Otieno> a <https://w3id.org/tipgraph/ontology#Person> ;
    <http://www.w3.org/2000/01/rdf-schema#label> "Wanjiru Otieno" .
"""


def write_build(out: Path, text: str) -> Path:
    """graph.ttl in an output folder laid out as `tipgraph build` leaves it."""
    OutputSet(out, ("graph.ttl", "graph.html", "text")).replace({"graph.ttl": text})
    return out / "graph.ttl"


def people(graph: Path, *extra: str) -> list[str]:
    result = run_cli("query", graph, "-e", PEOPLE, "--format", "csv", *extra)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()[1:]


def versions(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "store").iterdir() if p.name.startswith("v-"))


def current(out: Path) -> Path:
    return Path(os.path.realpath(out / "store" / CURRENT_LINK))


@pytest.fixture
def build(tmp_path) -> Path:
    return write_build(tmp_path / "out", MINI.read_text(encoding="utf-8"))


def test_query_makes_the_store_and_answers_from_it_as_from_the_file(build):
    assert not (build.parent / "store").exists()
    from_file = people(MINI)
    assert people(build) == from_file and "Yuri Kim" in from_file
    stamp = json.loads((current(build.parent) / STAMP_FILE).read_text())
    assert stamp["sha256"] == file_sha256(build)
    opened = open_store(build, create=False)
    assert opened is not None and len(opened.store) == stamp["triples"] == 357
    opened.close()
    people(build)
    assert len(versions(build.parent)) == 1  # asked again: the same version, not loaded again


def test_only_a_builds_graph_ttl_gets_a_store(tmp_path):
    plain = tmp_path / "graph.ttl"  # no .tipgraph/ beside it: someone's file, leave its folder alone
    plain.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert store_folder(plain) is None and store_folder("-") is None
    assert people(plain) == people(MINI)
    assert not (tmp_path / "store").exists()


def test_a_rebuilt_graph_gets_a_new_store_and_the_old_one_goes(build):
    before = people(build)
    old = current(build.parent)
    write_build(build.parent, MINI.read_text(encoding="utf-8") + NEW_PERSON)
    after = people(build)
    assert set(after) - set(before) == {"Wanjiru Otieno"}
    assert current(build.parent) != old and versions(build.parent) == [current(build.parent).name]


def test_a_byte_identical_rebuild_keeps_the_store(build):
    people(build)
    version = current(build.parent)
    write_build(build.parent, MINI.read_text(encoding="utf-8"))  # a new file (new inode), same bytes
    assert people(build) == people(MINI)
    assert current(build.parent) == version


@pytest.mark.parametrize("settled", [False, True], ids=["just-written", "settled"])
def test_an_edit_in_place_that_keeps_size_and_mtime_is_still_seen(build, settled):
    if settled:  # older than the racy window: the stamp is trusted on its size and times alone
        time.sleep(RACY_NANOSECONDS / 1e9 + 0.2)
    people(build)
    assert json.loads((current(build.parent) / STAMP_FILE).read_text())["racy"] is not settled
    real = Path(os.path.realpath(build))
    st = os.stat(real)
    text = real.read_text(encoding="utf-8")
    assert '"Yuri Kim"' in text
    real.write_text(text.replace('"Yuri Kim"', '"Yuri Kym"'), encoding="utf-8")  # same size, same inode
    os.utime(real, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the old modification time
    assert os.stat(real).st_size == st.st_size and os.stat(real).st_mtime_ns == st.st_mtime_ns
    names = people(build)
    assert "Yuri Kym" in names and "Yuri Kim" not in names


def test_a_graph_replaced_by_a_plain_file_is_seen(build):
    people(build)
    build.unlink()  # as `sed -i` or an editor that writes a new file would leave it
    build.write_text(MINI.read_text(encoding="utf-8") + NEW_PERSON, encoding="utf-8")
    assert "Wanjiru Otieno" in people(build)


def test_stats_reads_the_store_and_agrees_with_the_file(build):
    from_file = run_cli("stats", MINI, "--format", "json")
    from_store = run_cli("stats", build, "--format", "json")
    assert from_file.exit_code == from_store.exit_code == 0
    assert json.loads(from_store.output) == json.loads(from_file.output)
    assert (build.parent / "store" / CURRENT_LINK).is_symlink()
    again = run_cli("stats", build, "--format", "json")  # the summary kept in the version
    assert again.output == from_store.output
    assert any((current(build.parent) / "answers").iterdir())


def test_a_broken_graph_is_one_line_naming_the_file_and_no_store(tmp_path):
    text = MINI.read_text(encoding="utf-8")
    graph = write_build(tmp_path / "out", text[: len(text) // 2] + " <broken")
    result = run_cli("query", graph, "-e", PEOPLE)
    assert result.exit_code != 0
    message = result.output.strip()
    assert "graph.ttl" in message and "line" in message and len(message.splitlines()) == 1
    assert not (tmp_path / "out" / "store" / CURRENT_LINK).exists()
    assert not [p for p in (tmp_path / "out" / "store").iterdir() if p.name.startswith((".tmp-", "v-"))]


def _query_process(graph: Path, fault: str | None = None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != FAULT_ENV}
    if fault:
        env[FAULT_ENV] = fault
    return subprocess.Popen([sys.executable, "-c", "from tipgraph.cli import main; main()", "query", str(graph), "-e", PEOPLE, "--format", "csv"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


@pytest.mark.parametrize("fault", ["store-written", "store-switched"])
def test_a_query_killed_while_making_the_store_leaves_none_half_made(build, fault):
    old_text = MINI.read_text(encoding="utf-8")
    refresh_store(build)
    old = current(build.parent)
    write_build(build.parent, old_text + NEW_PERSON)
    killed = _query_process(build, fault)
    killed.communicate(timeout=120)
    assert killed.returncode == -9
    if fault == "store-written":  # killed before the switch: the old version is still current
        assert current(build.parent) == old
    names = people(build)  # the old version is stale for the new graph and is never used
    assert "Wanjiru Otieno" in names
    refresh_store(build)  # what the next build does: versions no reader holds are removed
    assert versions(build.parent) == [current(build.parent).name]
    assert not [p for p in (build.parent / "store").iterdir() if p.name.startswith(".tmp-")]


def test_two_queries_at_once_make_one_store_and_agree(build):
    runs = [_query_process(build) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert outputs[0][0] == outputs[1][0] and "Yuri Kim" in outputs[0][0]
    assert len(versions(build.parent)) == 1


def test_the_build_makes_the_store_of_its_graph(built_dir):
    graph = built_dir / "graph.ttl"
    stamp = json.loads((current(built_dir) / STAMP_FILE).read_text())
    assert stamp["sha256"] == file_sha256(graph)
    opened = open_store(graph, create=False)
    assert opened is not None
    opened.close()


def test_where_no_store_can_be_made_the_graph_is_read_into_memory(build):
    (build.parent / "store").write_text("not a folder", encoding="utf-8")  # in the way, as a read-only folder would be
    assert people(build) == people(MINI)
    stats = run_cli("stats", build, "--format", "json")
    assert stats.exit_code == 0 and json.loads(stats.output)["triples"] == 357


def test_a_kept_summary_is_never_given_for_a_changed_graph(build):
    first = json.loads(run_cli("stats", build, "--format", "json").output)
    write_build(build.parent, MINI.read_text(encoding="utf-8") + NEW_PERSON)
    second = json.loads(run_cli("stats", build, "--format", "json").output)
    assert second["triples"] == first["triples"] + 2
    assert second["resources_by_class"]["tip:Person"] == first["resources_by_class"]["tip:Person"] + 1
