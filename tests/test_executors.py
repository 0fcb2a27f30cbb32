"""`tipgraph build --executor dask`: the per-document stage on a Dask cluster.

A real distributed.LocalCluster with two worker processes (each loads the
spaCy model itself) must give byte-identical outputs to the local build.
"""
from __future__ import annotations

import pytest

from conftest import CORPUS, run_cli
from tipgraph.graphio import TipgraphError

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install '.[dask]')")

# port 0: the scheduler takes a free port on 127.0.0.1, so two suites running at once never collide
SCHEDULER_PORT = 0


def _outputs(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  scheduler_port=SCHEDULER_PORT, dashboard_address=None) as local:
        yield local


def test_dask_build_is_byte_identical_to_the_local_build(cluster, tmp_path):
    local = run_cli("build", CORPUS, "--out", tmp_path / "local", "--no-cache", "-q")
    assert local.exit_code == 0, local.output
    dask = run_cli("build", CORPUS, "--out", tmp_path / "dask", "--no-cache", "--executor", "dask",
                   "--scheduler", cluster.scheduler_address, "-q")
    assert dask.exit_code == 0, dask.output
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")
    with distributed.Client(cluster.scheduler_address) as client:
        # both workers took documents, and each has the model loaded once, in its own process
        loaded = client.run(lambda: __import__("tipgraph.nlp", fromlist=["load_model"]).load_model.cache_info().currsize)
        assert sorted(loaded.values()) == [1, 1]


def test_dask_build_uses_the_cache_in_front(cluster, tmp_path):
    cache = tmp_path / "cache"
    first = run_cli("build", CORPUS, "--out", tmp_path / "a", "--cache-dir", cache, "--executor", "dask",
                    "--scheduler", cluster.scheduler_address, "--no-html", "-q")
    assert first.exit_code == 0, first.output
    second = run_cli("build", CORPUS, "--out", tmp_path / "b", "--cache-dir", cache, "--no-html", "-q")
    assert second.exit_code == 0 and _outputs(tmp_path / "a") == _outputs(tmp_path / "b")


def test_unreachable_scheduler_is_one_line(tmp_path):
    result = run_cli("build", CORPUS, "--out", tmp_path / "out", "--no-cache", "--executor", "dask",
                     "--scheduler", "tcp://127.0.0.1:19472", "-q")
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "19472" in lines[0] and "Traceback" not in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_scheduler_without_dask_executor_is_refused(tmp_path):
    result = run_cli("build", CORPUS, "--out", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:19473", "-q")
    assert result.exit_code != 0 and "--executor dask" in result.output
    with pytest.raises(TipgraphError):
        from tipgraph.executors import make_executor

        make_executor("spark")
