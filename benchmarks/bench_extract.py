"""The extractors alone: seconds and tokens per second of `run_extractors` on parsed documents,
against spaCy's parse of the same documents, and where the extractors' time goes.

    python benchmarks/bench_extract.py [CORPUS ...] [--repeat 3] [--profile 25]

Default corpora: corpus/ and tests/dev/corpus/. Each document is parsed once (timed: the parse
figure), then every document's extraction runs `--repeat` times (the best run is reported, after
one warm-up run that fills the lexicon and pattern caches, as a long build's workers have them).
`--profile N` prints the N functions with the most time of their own in one more run under
cProfile; `re` compilations during that run are counted (a pattern compiled again on every
document shows up there).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re._compiler as re_compiler
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", default=[str(ROOT / "corpus"), str(ROOT / "tests" / "dev" / "corpus")])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()

    from tipgraph.corpus import read_corpus
    from tipgraph.extract import run_extractors
    from tipgraph.nlp import parse_text
    from tipgraph.pipeline import _room_for_patterns
    from tipgraph.vocab import load_vocabulary

    _room_for_patterns()  # as the build's per-document stage has it

    documents = [d for folder in args.corpora for d in read_corpus(folder).documents]
    vocab = load_vocabulary()
    parse_text(documents[0].text)  # the model loaded
    started = time.perf_counter()
    parsed = [(d, parse_text(d.text)) for d in documents]
    parse_seconds = time.perf_counter() - started
    tokens = sum(len(doc) for _, doc in parsed)
    for document, doc in parsed:
        run_extractors(document, doc, vocab)
    runs = []
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        for document, doc in parsed:
            run_extractors(document, doc, vocab)
        runs.append(time.perf_counter() - started)
    best = min(runs)
    load = os.getloadavg()[0]
    print(f"{len(documents)} documents, {tokens:,} tokens, load {load:.1f}")
    print(f"parse (spaCy, one process): {parse_seconds:.2f} s, {tokens / parse_seconds:,.0f} tokens/s")
    print(f"extract (best of {len(runs)}): {best:.2f} s, {tokens / best:,.0f} tokens/s "
          f"({best / parse_seconds:.2f} of the parse time)")
    if args.profile:
        compiled = 0
        original = re_compiler.compile

        def counting(pattern, flags=0):
            nonlocal compiled
            compiled += 1
            return original(pattern, flags)

        re_compiler.compile = counting
        profile = cProfile.Profile()
        profile.enable()
        for document, doc in parsed:
            run_extractors(document, doc, vocab)
        profile.disable()
        re_compiler.compile = original
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.profile)
        print(out.getvalue())
        print(f"regular expressions compiled during the profiled run: {compiled}")


if __name__ == "__main__":
    sys.exit(main())
