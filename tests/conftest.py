"""Shared fixtures: one real build of the seed corpus per test session."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = Path(__file__).resolve().parent / "gold"


def run_cli(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = run_cli("build", CORPUS, "--out", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def built_graph(built_dir) -> Path:
    """The Turtle graph of the seed corpus, built once per session."""
    return built_dir / "graph.ttl"


@pytest.fixture(scope="session")
def seed_scores(built_graph, tmp_path_factory) -> dict:
    """The referee's figures (tests/gold/score.py, a copy of shared/gold) for the seed build."""
    summary = tmp_path_factory.mktemp("score") / "summary.json"
    completed = subprocess.run(
        [sys.executable, str(GOLD / "score.py"), str(built_graph), str(GOLD), "--json", str(summary)],
        capture_output=True, text=True, check=True,
    )
    assert completed.stdout
    return json.loads(summary.read_text())


DEV = Path(__file__).resolve().parent / "dev"


def score_build(graph: Path, gold: Path, tmp: Path) -> dict:
    summary = tmp / "summary.json"
    subprocess.run([sys.executable, str(GOLD / "score.py"), str(graph), str(gold), "--json", str(summary)],
                   capture_output=True, text=True, check=True)
    return json.loads(summary.read_text())


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory) -> Path:
    """The dev set (tests/dev: 30 real documents with gold) built once; its output folder."""
    out = tmp_path_factory.mktemp("devbuild")
    result = run_cli("build", DEV / "corpus", "--out", out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def dev_scores(dev_build, tmp_path_factory) -> dict:
    """The referee's figures on the dev set."""
    return score_build(dev_build / "graph.ttl", DEV / "gold", tmp_path_factory.mktemp("devscore"))


def extractions_by_stem(folder: Path) -> dict:
    """The extraction of every .txt document of `folder` (one document at a time, as a worker does), by file stem."""
    from tipgraph.model import SourceDocument
    from tipgraph.pipeline import extract_document

    return {
        path.stem: extract_document(SourceDocument(doc_id=path.stem, source_file=path.name,
                                                   text=path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.txt"))
    }


def mention_names(extraction, *classes) -> set[str]:
    """The names of an extraction's mentions of these classes."""
    return {mm.name for mm in extraction.mentions if mm.cls in classes}


def relation_facts(extraction) -> set[tuple[str, str, str]]:
    """An extraction's relations as (subject, predicate, object)."""
    return {(r.subject, r.predicate, r.object) for r in extraction.relations}


def claims_by_file(corpus: Path) -> dict[str, list]:
    """Every claim the real pipeline (parse, entities, metadata) finds, by document file."""
    from tipgraph.corpus import read_corpus
    from tipgraph.extract import run_extractors
    from tipgraph.nlp import parse_documents
    from tipgraph.vocab import load_vocabulary

    read = read_corpus(corpus)
    documents = list(getattr(read, "documents", read))
    vocab = load_vocabulary()
    return {
        document.source_file: run_extractors(document, parsed, vocab).claims
        for document, parsed in zip(documents, parse_documents(documents))
    }


def claim(claims: dict[str, list], document: str, words: str):
    """The one claim of `document` whose text holds `words`."""
    hits = [c for c in claims[document] if words in c.span.text]
    assert len(hits) == 1, f"{words!r}: {[c.span.text for c in claims[document]]}"
    return hits[0]
