"""Time `tipgraph export` per format on a built graph, against an earlier version of the exporter.

    python benchmarks/bench_export.py GRAPH [--formats neo4j,jsonld,graphml,nt] [--before REV] [--keep DIR]

GRAPH is any graph file, e.g. the graph.ttl of `benchmarks/bench_scale.py --docs 1000 --keep DIR`
(DIR/out/graph.ttl). Each export runs in a fresh process under GNU time (wall and CPU seconds,
peak RSS as %M). With --before REV, src/tipgraph/export.py of git revision REV (e.g. the last one that
held the graph in memory, 7c5971d) runs the same exports from a copy outside the tree, with the
rest of tipgraph as it is now, and the two outputs of each format are compared byte for byte.
bench_query.py times the exports of its synthetic graph too; this one takes a real build's.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_query import TIME, load_average  # noqa: E402

CLI = [sys.executable, "-c", "from tipgraph.cli import main; main()"]
# An exporter module of another revision, run as `tipgraph export` would run it.
BEFORE = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("tipgraph_export_before", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.command.main(sys.argv[2:], standalone_mode=True)
"""


def run(args: list) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system), peak RSS (MB) and exit status of a command in
    a child process, from GNU time. On a shared machine the CPU seconds are the steadier figure."""
    started = time.perf_counter()
    process = subprocess.run([TIME, "-f", "%U %S %M", *map(str, args)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    last = (process.stderr.strip().splitlines() or [""])[-1].split()
    if process.returncode != 0:
        print(f"  ! {' '.join(map(str, args[3:]))}: {process.stderr[-300:]}", file=sys.stderr)
    if len(last) == 3:
        return elapsed, float(last[0]) + float(last[1]), int(last[2]) / 1024, process.returncode
    return elapsed, float("nan"), float("nan"), process.returncode


def outputs(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {"": path.read_bytes()}


def size_mb(path: Path) -> float:
    files = path.rglob("*") if path.is_dir() else [path]
    return sum(p.stat().st_size for p in files if p.is_file()) / 1e6


def cells(figures: tuple[float, float, float]) -> str:
    return f"{figures[0]:.1f} s, {figures[1]:.1f} s, {figures[2]:,.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path)
    parser.add_argument("--formats", default="neo4j,jsonld,graphml,nt")
    parser.add_argument("--before", default=None, metavar="REV", help="Also run export.py of this git revision.")
    parser.add_argument("--keep", type=Path, default=None, help="Write the outputs here and keep them.")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-export-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"{args.graph} ({args.graph.stat().st_size / 1e6:.0f} MB); load average {load_average()}", flush=True)
    before_module = None
    if args.before:
        before_module = work / "export_before.py"
        before_module.write_bytes(subprocess.run(["git", "-C", str(ROOT), "show", f"{args.before}:src/tipgraph/export.py"],
                                                 check=True, capture_output=True).stdout)
    failures = 0
    try:
        rows = []
        for fmt in args.formats.split(","):
            suffix = "" if fmt == "neo4j" else f".{fmt}"
            now = work / f"now-{fmt}{suffix}"
            seconds, cpu, rss, status = run([*CLI, "export", args.graph, "--to", fmt, "--out", now])
            failures += status != 0
            row = {"format": fmt, "now": (seconds, cpu, rss), "size": size_mb(now) if status == 0 else float("nan")}
            print(f"  {fmt}: {seconds:.1f} s ({cpu:.1f} s CPU), peak RSS {rss:,.0f} MB, {row['size']:,.1f} MB "
                  f"written; load {load_average()}", flush=True)
            if before_module is not None:
                then = work / f"before-{fmt}{suffix}"
                seconds, cpu, rss, status = run([sys.executable, "-c", BEFORE, before_module, args.graph,
                                                 "--to", fmt, "--out", then])
                failures += status != 0
                row["before"] = (seconds, cpu, rss)
                row["identical"] = status == 0 and outputs(then) == outputs(now)
                failures += not row["identical"]
                print(f"  {fmt} with export.py of {args.before}: {seconds:.1f} s ({cpu:.1f} s CPU), "
                      f"peak RSS {rss:,.0f} MB; "
                      f"outputs byte-identical: {row['identical']}; load {load_average()}", flush=True)
                shutil.rmtree(then, ignore_errors=True) if then.is_dir() else then.unlink(missing_ok=True)
            rows.append(row)
        print()
        if before_module is not None:
            print(f"| format | before ({args.before}): wall, CPU, peak RSS | now: wall, CPU, peak RSS | output "
                  "| byte-identical |")
            print("|---|---|---|---|---|")
            for r in rows:
                print(f"| {r['format']} | {cells(r['before'])} | {cells(r['now'])} | {r['size']:,.1f} MB "
                      f"| {'yes' if r['identical'] else 'NO'} |")
        else:
            print("| format | wall, CPU, peak RSS | output |")
            print("|---|---|---|")
            for r in rows:
                print(f"| {r['format']} | {cells(r['now'])} | {r['size']:,.1f} MB |")
        print(f"load average at the end {load_average()}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
