"""The dev set is the referee: 30 real documents of the field's genres, never special-cased.

Floors sit just under the figures measured when they were last raised, so any
regression on real text fails CI.
"""
from __future__ import annotations

from pathlib import Path

import pytest

DEV_FLOORS = {
    "document_metadata_accuracy": 0.98,
    "claimant_accuracy": 0.97,
    "claim_type_accuracy": 0.92,
    "claim_type_macro_f1": 0.91,
    "addressee_accuracy": 0.79,
    "entity_f1": 0.94,
    "relation_recall": 0.82,
    "event_attribute_recall": 0.85,
    "claim_precision": 0.97,
    "claim_recall": 0.97,
}

# The holdout sets (tests/holdout*/README.md) are measured, never tuned on: holdout2 is still blind,
# holdout became a development set during the session that made it. Floors guard against regressions only.
HOLDOUT_FLOORS = {
    "holdout": {"document_metadata_accuracy": 0.92, "claimant_accuracy": 0.94, "claim_type_accuracy": 0.84,
                "addressee_accuracy": 0.75, "entity_f1": 0.89, "relation_recall": 0.74, "event_attribute_recall": 0.66,
                "claim_precision": 0.97},
    "holdout2": {"document_metadata_accuracy": 0.75, "claimant_accuracy": 0.67, "claim_type_accuracy": 0.77,
                 "addressee_accuracy": 0.10, "entity_f1": 0.83, "relation_recall": 0.32, "event_attribute_recall": 0.08,
                 "claim_precision": 0.95},
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


@pytest.fixture(scope="module", params=sorted(HOLDOUT_FLOORS))
def holdout_scores(request, tmp_path_factory):
    from conftest import run_cli, score_build

    folder = Path(__file__).resolve().parent / request.param
    out = tmp_path_factory.mktemp(request.param)
    result = run_cli("build", folder / "corpus", "--out", out, "--jobs", "2", "--no-html")
    assert result.exit_code == 0, result.output
    return request.param, score_build(out / "graph.ttl", folder / "gold", tmp_path_factory.mktemp("score"))


def test_holdout_figures_hold_their_floors(holdout_scores):
    name, scores = holdout_scores
    low = {k: (scores[k], floor) for k, floor in HOLDOUT_FLOORS[name].items() if scores[k] < floor}
    assert not low, (name, low)
