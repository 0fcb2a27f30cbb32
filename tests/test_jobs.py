"""`tipgraph build --jobs` defaults to every core the process may run on."""
from __future__ import annotations

import os
import subprocess
import sys

from tipgraph.cli import available_cores

from conftest import run_cli


def test_the_default_is_every_core_of_the_process_affinity():
    assert available_cores() == len(os.sched_getaffinity(0))
    pinned = subprocess.run(
        [sys.executable, "-c", "import os; os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]}); "
                               "from tipgraph.cli import available_cores; print(available_cores())"],
        capture_output=True, text=True, check=True)
    assert pinned.stdout.strip() == "1"  # as taskset or a container's CPU set would leave it


def test_build_help_says_so():
    result = run_cli("build", "--help")
    assert result.exit_code == 0
    assert "all cores" in " ".join(result.output.split())
