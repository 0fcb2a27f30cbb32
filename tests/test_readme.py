"""Every SPARQL query in the README runs on the bundled corpus's graph and answers something."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
PREFIXES = """PREFIX tip:  <https://w3id.org/tipgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
QUERIES = [q for q in re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S) if "SELECT" in q]


def test_the_readme_starts_with_the_two_commands():
    lines = README.read_text(encoding="utf-8").splitlines()
    fence = lines.index("```bash")
    assert "tipgraph build" in lines[fence + 1] and "pytest" in lines[fence + 2]


@pytest.fixture(scope="module")
def store(built_graph):
    store = pyoxigraph.Store()
    store.load(path=str(built_graph), format=pyoxigraph.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i}" for i in range(len(QUERIES))])
def test_readme_query_answers(store, query):
    rows = list(store.query(PREFIXES + query))
    assert rows, query
