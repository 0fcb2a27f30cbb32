"""benchmarks/bench_scale.py --post-only --post-words: synthetic documents of make_corpus's length,
each joining several real documents' text and extractions with their offsets moved."""
import importlib.util
from pathlib import Path

from tipgraph.corpus import read_corpus
from tipgraph.pipeline import extract_document, finish_build

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "benchmarks" / "bench_scale.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def _countries(ex):
    return [m for m in ex.mentions if (m.key or "").startswith("country:")]


def test_joined_documents_keep_every_offset_on_its_text(tmp_path):
    bench = _bench()
    documents = read_corpus(ROOT / "corpus").documents[:3]
    bundled = [extract_document(d) for d in documents]
    own = [len(d.text.split()) for d in documents]
    target = own[0] + own[1] + 1  # the first document needs both others appended
    _, plain = bench.synthetic_extractions(bundled, 3)
    docs, joined = bench.synthetic_extractions(bundled, 3, words=target)

    assert [ex.document.text for ex in plain] == [d.text for d in documents]  # words=0: own length
    first = joined[0]
    assert first.document.text == "\n\n".join(d.text for d in documents)
    assert len(first.document.text.split()) >= target
    assert len(first.claims) == sum(len(ex.claims) for ex in bundled)
    assert len(first.mentions) == sum(len(ex.mentions) for ex in bundled)
    countries = _countries(first)
    assert len(countries) == sum(len(_countries(ex)) for ex in bundled) > 0
    for mention in countries:  # names no person swap touches: the text under each span is its own
        assert first.document.text[mention.span.start:mention.span.end] == mention.span.text
        start, end = mention.sentence
        assert start <= mention.span.start and mention.span.end <= end <= len(first.document.text)
    tail = len(documents[0].text) + 2 + len(documents[1].text) + 2
    assert max(c.span.start for c in first.claims) >= tail  # the third document's claims moved past the others
    for claim in first.claims:
        assert claim.span.end <= len(first.document.text)

    result = finish_build(tmp_path / "synthetic", tmp_path / "out", docs, joined, jobs=1)
    assert result.triples > 0
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0
