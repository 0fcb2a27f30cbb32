"""Long documents: time and peak memory of `tipgraph build` on one long document against a
corpus of small documents of the same text, per MB.

    python benchmarks/bench_long.py [--mb 5] [--small-mb 0.3] [--jobs 1]

The long document is the bundled documents (corpus/ and tests/dev/corpus/) one after another,
repeated to the size asked; the small corpus is documents of five paragraphs each drawn from
the same text (distinct, so none is dropped as a duplicate). Each build runs in its own process
(the default build: validated, with the HTML view; peak memory is that process's maximum resident set); the start-up time of a one-line build
is subtracted before the per-MB figures, which are what the acceptance compares: the long
document's seconds per MB within 2x of the small documents', its peak under 1.5 GB.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bundled_paragraphs() -> list[str]:
    paragraphs = []
    for folder in (ROOT / "corpus", ROOT / "tests" / "dev" / "corpus"):
        for path in sorted(folder.glob("*.txt")):
            paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
    return paragraphs


def long_document(size: int) -> str:
    texts = [p.read_text(encoding="utf-8") for folder in (ROOT / "corpus", ROOT / "tests" / "dev" / "corpus")
             for p in sorted(folder.glob("*.txt"))]
    body = "\n\n".join(texts)
    return ("\n\n".join([body] * (size // len(body) + 1)))[:size].rsplit("\n", 1)[0] + "\n"


def small_corpus(folder: Path, size: int) -> int:
    paragraphs = bundled_paragraphs()
    rng = random.Random(7)
    written, n = 0, 0
    while written < size:
        text = "\n\n".join(rng.sample(paragraphs, 5)) + "\n"
        (folder / f"doc-{n:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        n += 1
    return n


def run_build(corpus: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident MB) of one build in a fresh process. CPU time
    is the fairer figure on a shared machine; with --jobs 1 it is close to the wall time."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", "from tipgraph.cli import main; main()", "build", str(corpus), "--out", str(out),
         "--jobs", str(jobs), "-q"],
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build of {corpus} failed (status {status})")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the long document (default 5 MB)")
    parser.add_argument("--small-mb", type=float, default=0.3, help="size of the small-document corpus")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tiny = tmp / "tiny"
        tiny.mkdir()
        (tiny / "one.txt").write_text("The OSCE met in Vienna.\n", encoding="utf-8")
        startup_wall, startup, _ = run_build(tiny, tmp / "out-tiny", args.jobs)

        small = tmp / "small"
        small.mkdir()
        count = small_corpus(small, int(args.small_mb * 1_000_000))
        small_mb = sum(p.stat().st_size for p in small.iterdir()) / 1_000_000
        small_wall, small_s, small_peak = run_build(small, tmp / "out-small", args.jobs)

        big = tmp / "long"
        big.mkdir()
        (big / "long.txt").write_text(long_document(int(args.mb * 1_000_000)), encoding="utf-8")
        long_mb = (big / "long.txt").stat().st_size / 1_000_000
        long_wall, long_s, long_peak = run_build(big, tmp / "out-long", args.jobs)

    small_rate = (small_s - startup) / small_mb
    long_rate = (long_s - startup) / long_mb
    print("CPU seconds (wall in brackets); per MB net of the start-up")
    print(f"start-up (one-line build)        {startup:7.1f} s ({startup_wall:.1f})")
    print(f"{count} small documents, {small_mb:.2f} MB  {small_s:7.1f} s ({small_wall:.1f})  peak {small_peak:6.0f} MB  {small_rate:6.1f} s/MB")
    print(f"one document, {long_mb:.2f} MB          {long_s:7.1f} s ({long_wall:.1f})  peak {long_peak:6.0f} MB  {long_rate:6.1f} s/MB")
    print(f"long / small time per MB         {long_rate / small_rate:7.2f}x  (acceptance: within 2x; peak under 1536 MB)")


if __name__ == "__main__":
    main()
