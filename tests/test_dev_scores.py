"""The dev set is the referee: 30 real documents of the field's genres, never special-cased.

Floors sit just under the figures measured when they were last raised, so any
regression on real text fails CI.
"""
from __future__ import annotations

import pytest

DEV_FLOORS = {
    "document_metadata_accuracy": 0.33,
    "claimant_accuracy": 0.55,
    "claim_type_accuracy": 0.92,
    "claim_type_macro_f1": 0.90,
    "addressee_accuracy": 0.35,
    "entity_f1": 0.74,
    "relation_recall": 0.21,
    "event_attribute_recall": 0.02,
    "claim_precision": 0.96,
    "claim_recall": 0.97,
}


@pytest.mark.parametrize("measure", sorted(DEV_FLOORS))
def test_dev_figure_holds_its_floor(dev_scores, measure):
    assert dev_scores[measure] >= DEV_FLOORS[measure], (measure, dev_scores)


def test_dev_graph_is_strict_turtle(dev_build):
    """Real text mints real IRIs: pyoxigraph's strict parser reads the graph (rdflib forgives bad escapes)."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.bulk_load(path=str(dev_build / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 1000
