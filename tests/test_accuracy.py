"""Accuracy floors: the coder must not fall more than about two points below the figures it reaches
on the development sets (README, Accuracy; `benchmarks/dev_figures.py` prints them all).

A floor that fails means a change made the coder worse on text it is developed on: measure with
`benchmarks/dev_figures.py`, find the lost events with `communique eval --errors`, and either fix the
change or, when the loss is the price of a measured gain elsewhere, lower the floor in the same
commit and say why. The blind test sets (benchmarks/test/, the test halves in benchmarks/sentences/) have no floor on
purpose: they measure, they are not tuned against.
"""
from pathlib import Path

import pytest

from communique.evaluate import evaluate

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def article_set(name: str) -> dict:
    return evaluate(BENCHMARKS / name / "articles.jsonl")


def assert_articles_at_least(report: dict, triple: float, false_per_article: float, dates: float,
                             main_found: float) -> None:
    """The floors of an article set: triple F1, false events per article (at most), dates, main events."""
    assert report["triple"]["overall"]["f1"] >= triple
    assert report["false_events_per_article"] <= false_per_article
    assert report["date"]["accuracy"] >= dates
    assert report["salience"]["main"]["recall"] >= main_found


@pytest.fixture(scope="module")
def own_articles():
    return article_set("gold")


def test_own_articles_stay_at_their_level(own_articles):
    # measured: category F1 0.918, triple F1 0.892, dates 1.000, false events 0.182 per article (one more
    # since letting verbs take their object: an "after Assad allowed aid through" clause the gold leaves out)
    assert own_articles["category"]["overall"]["f1"] >= 0.90
    assert own_articles["triple"]["overall"]["f1"] >= 0.875
    assert own_articles["date"]["accuracy"] >= 0.98
    assert own_articles["false_events_per_article"] <= 0.20


def test_held_out_articles_stay_at_their_level():
    # measured: triple F1 0.832, false events 0.333 per article, dates 0.932, main events found 0.762
    assert_articles_at_least(article_set("heldout"), triple=0.81, false_per_article=0.36, dates=0.91, main_found=0.74)


def test_final_articles_stay_at_their_level():
    # measured: triple F1 0.795, false events 0.333 per article, dates 0.959, main events found 0.787
    assert_articles_at_least(article_set("final"), triple=0.775, false_per_article=0.36, dates=0.93, main_found=0.765)


def test_plover_gold_standard_stays_at_its_level(shared_dir):
    # measured: category F1 0.853, triple F1 0.751 (an apology is CONCEDE by the PLOVER manual; this set says SUPPORT)
    report = evaluate(shared_dir / "eval" / "plover-gsr-dev.json", fmt="gsr")
    assert report["category"]["overall"]["f1"] >= 0.84
    assert report["triple"]["overall"]["f1"] >= 0.735


def test_news_sentence_pairs_stay_at_their_level(shared_dir):
    # measured: right category for the marked pair 0.566, any event for it 0.641, 0.188 extra per sentence
    report = evaluate(shared_dir / "eval" / "plv-dev.jsonl", fmt="plv")
    assert report["right"] >= 0.545
    assert report["found"] >= 0.62
    assert report["extra_categories_per_sentence"] <= 0.21


def test_blind_articles_stay_at_their_level():
    # 100 articles (rounds 3, 5 and 6 added): measured triple F1 0.733, false events 1.05 per article, dates
    # 0.972, main events found 0.792
    assert_articles_at_least(article_set("blind"), triple=0.715, false_per_article=1.15, dates=0.95, main_found=0.77)


def test_blind_manual_style_sentences_stay_at_their_level():
    # benchmarks/sentences, dev half (written blind, developed on since; rounds 3 and 5 added): measured
    # category F1 0.918, triple F1 0.763
    report = evaluate(BENCHMARKS / "sentences" / "manual_dev.gsr.json", fmt="gsr")
    assert report["category"]["overall"]["f1"] >= 0.90
    assert report["triple"]["overall"]["f1"] >= 0.74


def test_blind_news_pairs_stay_at_their_level():
    # benchmarks/sentences, dev half: measured right 0.775, found 0.808, 0.175 extra per sentence
    report = evaluate(BENCHMARKS / "sentences" / "pairs_dev.jsonl", fmt="plv")
    assert report["right"] >= 0.755
    assert report["found"] >= 0.785
    assert report["extra_categories_per_sentence"] <= 0.21
