"""The per-document stage's shortcuts give what the long way gives: the office-title patterns of the entity
stage tried only where their tail stands, and the trigger phrases of the claim classes tried only where their
longest word stands (issue 9: the extractors' CPU on top of spaCy's). Real parses of the seed corpus and of a
document written for these tests (tests/data/office_fields: offices followed by the field they are for)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tipgraph.extract import entities
from tipgraph.extract.claims import classification
from tipgraph.extract.claims.classification import _flat, _phrase_regex, _phrases_holding
from tipgraph.model import SourceDocument
from tipgraph.nlp import load_model
from tipgraph.vocab import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
OFFICE_FIELDS = ROOT / "tests" / "data" / "office_fields" / "office_fields.txt"
TEXTS = [OFFICE_FIELDS] + sorted((ROOT / "corpus").glob("*.txt"))


def _mentions(path: Path) -> list[tuple]:
    text = path.read_text(encoding="utf-8")
    document = SourceDocument(doc_id=path.stem, source_file=path.name, text=text)
    found = entities.extract_entities(document, load_model()(text), load_vocabulary())
    return [(mm.cls, mm.name, mm.span.start, mm.span.end) for mm in found]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_office_title_patterns_tried_where_their_tail_stands_find_the_same_entities(path, monkeypatch):
    quick = _mentions(path)
    everywhere = re.compile("")  # the whole pattern tried before every name, as before the shortcut
    monkeypatch.setattr(entities, "_COMPLEMENT_TAIL", type("Tail", (), {
        "pattern": entities._COMPLEMENT_TAIL.pattern, "search": staticmethod(everywhere.search)}))
    monkeypatch.setattr(entities, "_FIELD_TAIL", type("Tail", (), {
        "pattern": entities._FIELD_TAIL.pattern, "search": staticmethod(everywhere.search)}))
    assert _mentions(path) == quick


def test_the_field_an_office_is_for_is_no_body():
    names = {name for _, name, _, _ in _mentions(OFFICE_FIELDS)}
    # the rule the shortcut guards still fires: the field of "Minister for Social Services" or of "Adviser for
    # Combating Trafficking in Persons and Smuggling of Migrants" is no body ...
    assert "Social Services" not in names and "Migrants" not in names
    # ... and a body named after the office is still one
    assert any("Northern Coast Police Directorate" in name for name in names)


def test_phrases_tried_are_those_whose_longest_word_the_text_holds():
    lexicon = load_vocabulary().lexicon("claims")
    sentences = [s for path in TEXTS for s in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")) if s.strip()]
    tried = 0
    for cls, spec in lexicon.items():
        if not isinstance(spec, dict):
            continue
        for key in ("phrases", "not_if", "credit_phrases"):
            phrases = _phrase_regex(tuple(spec.get(key) or ()))
            for sentence in sentences:
                flat = _flat(sentence)
                held = _phrases_holding(phrases, flat)
                assert held == [(phrase, pattern) for phrase, pattern in phrases if pattern.word in flat]
                tried += len(held)
    assert tried > 100  # the seed statements hold many trigger words: the comparison is not of empty lists
    assert classification._BY_WORD  # made once a phrase list, not once a sentence


def test_profile_extract_splits_the_per_document_stage():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "profile_extract.py"), "--docs", "2", "--words", "150"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("2 documents")
    for stage in ("parse (spaCy", "extractors (run_extractors)", "extract_entities", "extract_claims", "classify", "pickling"):
        assert any(line.strip().startswith(stage) for line in lines), (stage, done.stdout)
