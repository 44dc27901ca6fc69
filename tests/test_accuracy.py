"""Accuracy floors: the coder must not fall below the issue's bars on the development gold sets.

These code whole gold sets (about 20 s in all); the figures themselves and how they were reached
are in the README (Accuracy). The blind test set (benchmarks/test/) has no floor here on purpose:
it measures, it is not tuned against.
"""
from pathlib import Path

import pytest

from communique.evaluate import evaluate

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def own_articles():
    return evaluate(BENCHMARKS / "gold" / "articles.jsonl")


def test_own_articles_meet_the_bar(own_articles):
    assert own_articles["category"]["overall"]["f1"] >= 0.80
    assert own_articles["triple"]["overall"]["f1"] >= 0.80
    assert own_articles["date"]["accuracy"] >= 0.90
    assert own_articles["false_events_per_article"] < 0.25


def test_held_out_articles_stay_above_their_floor():
    report = evaluate(BENCHMARKS / "heldout" / "articles.jsonl")
    assert report["triple"]["overall"]["f1"] >= 0.72
    assert report["false_events_per_article"] < 0.5


def test_plover_gold_standard_meets_the_bar(shared_dir):
    report = evaluate(shared_dir / "eval" / "plover-gsr-dev.json", fmt="gsr")
    assert report["category"]["overall"]["recall"] >= 0.85
    assert report["triple"]["overall"]["f1"] >= 0.75
