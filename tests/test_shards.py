"""The graph made document by document (tipgraph.shards) and validated in units.

Real extractions of the seed and dev documents; every figure is compared with
the whole graph in one rdflib Graph: the Turtle bytes with turtle.write_turtle,
the SHACL results with validate_graph (pyshacl over the whole graph), with
faults put into every kind of unit the validator makes.
"""
from __future__ import annotations

import io
import tempfile

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from conftest import CORPUS, DEV
from tipgraph.cache import ExtractionCache
from tipgraph.corpus import read_corpus
from tipgraph.graph import build_graph
from tipgraph.namespaces import TIP, TIPID
from tipgraph.pipeline import extract_corpus
from tipgraph.resolve import resolve
from tipgraph.turtle import write_turtle
from tipgraph.validate import UnitValidator, validate_graph
from tipgraph.vocab import load_vocabulary


@pytest.fixture(scope="module")
def extractions(tmp_path_factory):
    cache = ExtractionCache(tmp_path_factory.mktemp("cache"))
    documents = read_corpus(CORPUS).documents + read_corpus(DEV / "corpus").documents[:6]
    return list(extract_corpus(documents, 2, cache))


def _graph(extractions, *added):
    import pickle

    copies = pickle.loads(pickle.dumps(extractions))  # resolution changes its input
    graph = build_graph(copies, resolve(copies, load_vocabulary()))
    for triple in added:
        graph.add(triple)
    return graph


def _made(graph, cache=None):
    validator = UnitValidator(cache)
    spool = tempfile.TemporaryFile()
    graph.materialise(spool, validator=validator)
    return validator, spool


def test_turtle_from_shards_is_the_whole_graphs_turtle(extractions):
    graph = _graph(extractions)
    _made(graph)
    assembled = io.StringIO()
    triples = graph.write_turtle(assembled)
    whole = io.StringIO()
    expected = write_turtle(graph.to_rdflib(), whole)
    assert assembled.getvalue() == whole.getvalue()
    assert triples == expected > 5000


def _subject(graph, cls):
    return min(s for s, p, o in graph.triples() if p == RDF.type and o == cls)


def _faults(graph):
    """Triples that break the shapes, one in each kind of validation unit."""
    claim = _subject(graph, TIP.CallToAction)
    document = min(s for s, p, o in graph.triples() if p == TIP.statedIn and o != URIRef(str(claim)))
    other_doc = max(o for s, p, o in graph.triples() if p == TIP.statedIn)
    mention = _subject(graph, TIP.Mention)
    return {
        # in a document's own shard
        "document title": [(document, RDFS.label, Literal("a second title"))],
        "claim offsets": [(claim, TIP.start, Literal(-4))],
        # a mention no entity points to (the shapes read the link into it, ^tip:mention)
        "lone mention": [(URIRef(str(mention) + "9"), RDF.type, TIP.Mention)],
        # a mention naming another document than its entity's tip:mentionedIn (a two-step path)
        "mention document": [(mention, TIP.document, other_doc)],
        # the global part: an entity, an event's one date
        "entity class": [(_subject(graph, TIP.Country), RDF.type, TIP.Region)],
        "event dates": [(_subject(graph, TIP.Conference), TIP.date, Literal("2001", datatype=XSD.gYear)),
                        (_subject(graph, TIP.Conference), TIP.date, Literal("2002", datatype=XSD.gYear))],
        # a link to a node nobody describes, and into another document's part of the graph
        "unknown claimant": [(claim, TIP.claimant, TIPID["person/Nobody-Known"])],
        "quotes elsewhere": [(claim, TIP.quotes, URIRef(str(other_doc).replace("/doc/", "/claim/") + "/1-2"))],
        "quotes a mention": [(claim, TIP.quotes, mention)],
        # an entity's link into a document's part that no document made
        "entity mentions a claim": [(_subject(graph, TIP.Country), TIP.mention, claim)],
        "entity mentions a mention": [(_subject(graph, TIP.Person), TIP.mention, mention)],
    }


def test_units_find_what_the_whole_graph_validation_finds(extractions):
    plain = _graph(extractions)
    validator, _ = _made(plain)
    assert validator.result(plain).violations == validate_graph(plain.to_rdflib()).violations
    for name, triples in _faults(plain).items():
        graph = _graph(extractions, *triples)
        validator, _ = _made(graph)
        units = validator.result(graph)
        whole = validate_graph(graph.to_rdflib())
        assert whole.errors, name  # the fault is one
        assert units.violations == whole.violations, name
        assert units.conforms == whole.conforms


def test_unchanged_units_are_not_validated_again(extractions, tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    first, _ = _made(_graph(extractions), cache)
    result = first.result(_graph(extractions))
    assert first.validated_units > len(extractions) and first.cached_units == 0
    again, _ = _made(_graph(extractions), cache)
    assert again.validated_units == 0 and again.result(_graph(extractions)).violations == result.violations
    # one document reads one claim less: its unit and the entities it names are validated again
    changed = [ex for ex in extractions]
    import dataclasses

    changed[1] = dataclasses.replace(changed[1], claims=changed[1].claims[1:])
    graph = _graph(changed)
    after, _ = _made(graph, cache)
    assert 1 <= after.validated_units < first.validated_units / 2
    assert after.result(graph).violations == validate_graph(graph.to_rdflib()).violations


def test_cached_shards_give_the_bytes_of_fresh_ones(extractions, tmp_path):
    """Shards cached by one build, reused by the next after one document changed in a way that moves
    its names to other entities: each reused shard's answers from resolution are checked again."""
    import dataclasses

    from tipgraph.shards import graph_version

    cache = ExtractionCache(tmp_path / "cache")
    first = _graph(extractions)
    first.materialise(tempfile.TemporaryFile(), shard_cache=cache.results("shards", graph_version(), pickled=True))
    changed = list(extractions)
    # the document no longer names its people in full: short mentions elsewhere resolve otherwise
    changed[0] = dataclasses.replace(changed[0], mentions=[m for m in changed[0].mentions if m.cls != "Person"])
    graph = _graph(changed)
    shards = cache.results("shards", graph_version(), pickled=True)
    graph.materialise(tempfile.TemporaryFile(), shard_cache=shards)
    assert shards.stats.hits >= len(extractions) // 2
    assembled = io.StringIO()
    graph.write_turtle(assembled)
    whole = io.StringIO()
    write_turtle(graph.to_rdflib(), whole)
    assert assembled.getvalue() == whole.getvalue()
