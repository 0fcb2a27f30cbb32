"""Time `tipgraph build` on a corpus made of copies of the bundled documents.

    python benchmarks/bench_build.py [--copies 20] [--jobs 1 2]

Each document is five paragraphs drawn from the bundled documents (distinct draws, so
none is built once as a duplicate of another), so NLP, extraction, resolution and the
Turtle writer all scale with the corpus; --copies 20 gives 100 documents. Prints words,
seconds and words per second for each job count.
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from tipgraph.pipeline import build

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, copies: int) -> int:
    paragraphs = [
        p.strip()
        for source in sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "dev" / "corpus").glob("*.txt"))
        for p in source.read_text(encoding="utf-8").split("\n\n")
        if len(p.strip()) > 40
    ]
    rng = random.Random(11)
    words = 0
    for n in range(copies * 5):
        text = "\n\n".join(rng.sample(paragraphs, 5)) + "\n"
        (folder / f"doc-{n:04d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        words = make_corpus(corpus, args.copies)
        print(f"corpus: {len(list(corpus.iterdir()))} documents, {words} words")
        print(f"{'jobs':>4} {'seconds':>8} {'words/s':>8} {'triples':>8}")
        for jobs in args.jobs:
            out = Path(tmp) / f"out-{jobs}"
            started = time.perf_counter()
            result = build(corpus, out, jobs=jobs, html=True, validate=False)
            seconds = time.perf_counter() - started
            print(f"{jobs:>4} {seconds:>8.1f} {words / seconds:>8.0f} {result.triples:>8}")
            shutil.rmtree(out)


if __name__ == "__main__":
    main()
