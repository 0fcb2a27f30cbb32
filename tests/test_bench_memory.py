"""benchmarks/bench_scale.py's TreeMemory: the memory a build's processes hold at once."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench_scale():
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "benchmarks" / "bench_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOLD = """
import subprocess, sys, time
if sys.argv[1] == "parent":
    child = subprocess.Popen([sys.executable, "-c", __import__("sys").argv[2], "hold", sys.argv[2]])
    child.wait()
else:
    block = bytearray(200 * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1  # touched, so resident
    print("ready", flush=True)
    time.sleep(1.5)
"""


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads /proc (Linux)")
def test_tree_memory_sums_every_descendant_at_once():
    """A grandchild holding 200 MB counts in the sum, though this process never held it:
    ru_maxrss of this process (and of its largest child) says nothing of it."""
    bench = _bench_scale()
    with bench.TreeMemory(interval=0.05) as tree:
        before = tree.peak_rss_kb
        subprocess.run([sys.executable, "-c", HOLD, "parent", HOLD], check=True, capture_output=True)
        time.sleep(0.1)
    figures = tree.figures()
    assert figures["tree_processes_at_peak"] >= 3  # this process, the child, the grandchild
    assert tree.peak_rss_kb - before >= 190 * 1024
    assert max(figures["tree_others_at_peak_mb"]) >= 190
    assert figures["tree_main_at_peak_mb"] < figures["tree_peak_rss_mb"] - 190
    assert figures["tree_peak_pss_mb"] >= 190
