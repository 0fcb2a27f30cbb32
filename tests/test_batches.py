"""Documents parsed together (a worker's batch) read exactly as each parsed alone, and a build's
outputs are the same bytes in one process or two."""
from __future__ import annotations

import shutil

from conftest import DEV, run_cli
from tipgraph.corpus import read_corpus
from tipgraph.nlp import WINDOW_CHARS, parse_text, parse_texts
from tipgraph.pipeline import document_batches, extract_document, extract_documents


def _dev_documents(count: int):
    documents = read_corpus(DEV / "corpus").documents
    # the shortest and the longest among them: several lengths in one batch
    documents = sorted(documents, key=lambda d: len(d.text))
    return documents[: count // 2] + documents[-(count - count // 2):]


def _same_doc(a, b) -> bool:
    return a.to_bytes(exclude=["tensor"]) == b.to_bytes(exclude=["tensor"]) and \
        [(s.start_char, s.end_char) for s in a.sents] == [(s.start_char, s.end_char) for s in b.sents]


def test_texts_parsed_together_get_the_parse_each_gets_alone():
    texts = [d.text for d in _dev_documents(6)]
    long_text = "\n\n".join(texts) * (1 + 2 * WINDOW_CHARS // sum(map(len, texts)))
    assert len(long_text) > WINDOW_CHARS  # parsed in windows, amid texts parsed together
    texts.insert(3, long_text)
    together = parse_texts(texts)
    assert len(together) == len(texts)
    for text, doc in zip(texts, together):
        assert _same_doc(doc, parse_text(text))


def test_a_batch_extracts_as_each_document_alone():
    documents = _dev_documents(5)
    alone = [extract_document(d) for d in documents]
    assert extract_documents(documents) == alone


def testdocument_batches_keep_every_document_once_in_order_and_give_every_worker_several():
    documents = _dev_documents(30)
    for jobs in (1, 2, 8):
        batches = list(document_batches(documents, jobs))
        assert [d for batch in batches for d in batch] == documents
        assert len(batches) >= min(len(documents), 4 * jobs)


def test_one_or_two_jobs_give_the_same_outputs(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for document in _dev_documents(12):
        shutil.copy(DEV / "corpus" / document.source_file, corpus / document.source_file)
    outs = {}
    for jobs in (1, 2):
        outs[jobs] = tmp_path / f"out{jobs}"
        result = run_cli("build", corpus, "--out", outs[jobs], "--jobs", str(jobs), "--no-cache", "-q")
        assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.html"):
        assert (outs[1] / name).read_bytes() == (outs[2] / name).read_bytes(), name
    texts = sorted(p.name for p in (outs[1] / "text").iterdir())
    assert len(texts) == 12
    assert all((outs[1] / "text" / n).read_bytes() == (outs[2] / "text" / n).read_bytes() for n in texts)
