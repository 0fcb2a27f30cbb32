"""A release's press contacts (names, offices, telephone numbers) are not claims."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from conftest import run_cli

CORPUS = Path(__file__).resolve().parent / "data" / "contact_corpus"


def test_contact_lines_make_no_claims(tmp_path):
    result = run_cli("build", CORPUS, "--out", tmp_path, "--no-html")
    assert result.exit_code == 0, result.output
    texts = [str(t) for t in Graph().parse(tmp_path / "graph.ttl").query(
        "PREFIX tip: <https://w3id.org/tipgraph/ontology#> SELECT ?t WHERE { ?c tip:statedIn ?d ; tip:text ?t }")]
    assert any("inspection unit" in t for t in texts), texts
    assert any("Every worker deserves protection" in t for t in texts), texts
    assert not [t for t in texts if "+371" in t or "press office" in t or "press officer" in t], texts
