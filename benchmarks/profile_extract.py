"""Where the per-document stage's CPU goes: spaCy's parse against each extractor, in one process.

    python benchmarks/profile_extract.py --docs 100 [--words 900] [--cprofile FILE]

Builds the synthetic corpus of bench_scale.py, parses it as a worker does (`parse_texts`), then runs the
extractors document by document with each one's CPU time (time.process_time) summed: figures that the
machine's load barely moves, unlike wall-clock times. The claims stage is split into its parts
(segmentation, attribution, classification, addressees, figures) the same way. --cprofile also writes a
cProfile of the extraction (slower; for finding the lines, not for the shares). benchmarks/bench_extract.py
gives the whole stage's wall-clock speed on the bundled documents; this one where inside the stage the CPU goes."""
from __future__ import annotations

import argparse
import cProfile
import collections
import functools
import inspect
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import make_corpus  # noqa: E402

from tipgraph import nlp  # noqa: E402
from tipgraph.corpus import read_corpus  # noqa: E402
from tipgraph.extract import claims as claims_package  # noqa: E402
import tipgraph.extract as extract_package  # noqa: E402
from tipgraph.extract.claims import extractor as claims_extractor  # noqa: E402
from tipgraph.vocab import load_vocabulary  # noqa: E402

# run_extractors' callees, timed where it looks them up (its module's namespace)
STAGES = ("extract_entities", "extract_info", "extract_relations", "extract_affiliations",
          "extract_group_statement", "extract_occasions", "extract_claims")
# the claims extractor's parts (methods of ClaimExtractor's mixins), timed inside extract_claims
CLAIM_PARTS = ("sentences", "attribute", "classify", "addressees", "roles", "quantity", "period",
               "_figure_clause", "finish_provenance")


def _timed(totals: dict, name: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--words", type=int, default=900)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cprofile", help="Also write a cProfile of the extraction here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tipgraph-profile-") as tmp:
        folder = Path(tmp) / "corpus"
        written = make_corpus(folder, args.docs, words=args.words, seed=args.seed)
        documents = list(read_corpus(folder).documents)
    vocab = load_vocabulary()
    nlp.load_model()
    start = time.process_time()
    parsed = nlp.parse_texts([document.text for document in documents])
    parse_cpu = time.process_time() - start

    # one warm-up document first: the lexicons' matchers and pattern caches are made once a worker, not once a document
    extract_package.run_extractors(documents[0], parsed[0], vocab)
    totals: dict[str, float] = collections.defaultdict(float)
    for name in STAGES:
        setattr(extract_package, name, _timed(totals, name, getattr(extract_package, name)))
    extractor_class = claims_extractor.ClaimExtractor
    for name in CLAIM_PARTS:
        timed = _timed(totals, f"claims.{name}", getattr(extractor_class, name))
        static = isinstance(inspect.getattr_static(extractor_class, name), staticmethod)
        setattr(extractor_class, name, staticmethod(timed) if static else timed)
    profile = cProfile.Profile() if args.cprofile else None
    if profile:
        profile.enable()
    start = time.process_time()
    extractions = [extract_package.run_extractors(d, p, vocab) for d, p in zip(documents, parsed)]
    extract_cpu = time.process_time() - start
    if profile:
        profile.disable()
        profile.dump_stats(args.cprofile)
    start = time.process_time()
    size = len(pickle.dumps(extractions, protocol=pickle.HIGHEST_PROTOCOL))
    pickle_cpu = time.process_time() - start

    words = written.get("words") if isinstance(written, dict) else None
    print(f"{len(documents)} documents{f', {words:,} words' if words else ''}; load {os.getloadavg()[0]:.1f}")
    print(f"{'parse (spaCy, parse_texts)':34} {parse_cpu:8.2f} s CPU")
    print(f"{'extractors (run_extractors)':34} {extract_cpu:8.2f} s CPU = {extract_cpu / parse_cpu:.2f} of the parse")
    for name in STAGES:
        print(f"  {name:32} {totals[name]:8.2f} s  {totals[name] / extract_cpu:5.1%}")
        if name == "extract_claims":
            for part in CLAIM_PARTS:
                print(f"    {part:30} {totals['claims.' + part]:8.2f} s  {totals['claims.' + part] / extract_cpu:5.1%}")
    print(f"{'pickling the extractions':34} {pickle_cpu:8.2f} s CPU ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
