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
    # measured: category F1 0.928, triple F1 0.910, dates 1.000, false events 0.182 per article (two the gold
    # leaves out: an "after Assad allowed aid through" clause, and an ASEAN summit told by "leaders meeting in
    # Jakarta" since "Southeast Asian leaders" name the bloc)
    assert own_articles["category"]["overall"]["f1"] >= 0.90
    assert own_articles["triple"]["overall"]["f1"] >= 0.875
    assert own_articles["date"]["accuracy"] >= 0.98
    assert own_articles["false_events_per_article"] <= 0.225


def test_held_out_articles_stay_at_their_level():
    # measured: triple F1 0.900, false events 0.300 per article, dates 0.962, main events found 0.873
    assert_articles_at_least(article_set("heldout"), triple=0.845, false_per_article=0.36, dates=0.91, main_found=0.78)


def test_final_articles_stay_at_their_level():
    # measured: triple F1 0.820, false events 0.500 per article (0.375 before promises, appeals, releases,
    # concessions and aid took the story's other party and the recipient scorer named recipients the rules had
    # left empty: trades for main events 0.808 -> 0.851), dates 0.974, main events found 0.851
    assert_articles_at_least(article_set("final"), triple=0.79, false_per_article=0.55, dates=0.93, main_found=0.80)


def test_plover_gold_standard_stays_at_its_level(shared_dir):
    # measured: category F1 0.860, triple F1 0.762 (an apology is CONCEDE by the PLOVER manual; this set says SUPPORT;
    # an announced withdrawal of inspectors is a threat here, a sanction announced is the sanction in the coder)
    report = evaluate(shared_dir / "eval" / "plover-gsr-dev.json", fmt="gsr")
    assert report["category"]["overall"]["f1"] >= 0.84
    assert report["triple"]["overall"]["f1"] >= 0.735


def test_news_sentence_pairs_stay_at_their_level(shared_dir):
    # measured: right category for the marked pair 0.607, any event for it 0.679, 0.190 extra per sentence
    report = evaluate(shared_dir / "eval" / "plv-dev.jsonl", fmt="plv")
    assert report["right"] >= 0.545
    assert report["found"] >= 0.62
    assert report["extra_categories_per_sentence"] <= 0.21


def test_blind_articles_stay_at_their_level():
    # 800 articles (rounds 3, 5, 6, 7, 9a, 10a, 11a, 12a, 15a-25a and 27a-41a added): measured triple F1 0.7601,
    # false events 1.48 per article, dates 0.9501, main events found 0.843 (the 40 fresh articles of round 31a are
    # harder: 0.672, 2.08 false per article, 72% of main events; the false-event floor moved 1.55 -> 1.60 with them;
    # round 32a's 20 articles: 0.754, 1.30 false per article, 78% of main events; round 33a's 20: 0.650, 2.25,
    # 79%; round 34a's 20: 0.800 and 0.733, 85% of main events; round 35a's 20: 0.737 and 0.759, 87%; round 36a's 20: 0.729
    # and 0.676, 84%; round 37a's 20: 0.767 and 0.715, 71%; round 38a's 20: 0.662 and 0.775, 84%; round 39a's 20:
    # 0.706 and 0.713, 78%; round 40a's 20: 0.632 and 0.661, 61%; round 41a's 20: 0.662 and 0.789, 70%).
    # The actor and recipient scorers are trained on the first 400, so those are no longer out of sample for them
    # (the cross-validated figures are in their weights files).
    assert_articles_at_least(article_set("blind"), triple=0.73, false_per_article=1.60, dates=0.93, main_found=0.82)


def test_blind_manual_style_sentences_stay_at_their_level():
    # benchmarks/sentences, dev half (written blind, developed on since; rounds 3, 5, 7, 9a, 10, 11a, 11c, 11e, 12a,
    # 13a, 14a, 15a, 16a, 17a, 18a, 19a, 20a and 21a added): measured category F1 0.908, triple F1 0.815 (rounds 11e,
    # 12a's MS-S3, 13a's MS-U3, 14a's MS-W3, 15a's MS-Y3, 16a's MS-AA3, 17a's MS-AC3, 18a's MS-AE3, 19a's MS-AG3, 20a's
    # MS-AI3 and 21a's MS-AK3, acts told by nouns, passives, stances, weapons, clauses, unrest, posture, diplomacy told
    # indirectly and the hard kinds of wire sentence, are at 0.654, 0.727, 0.761, 0.836, 0.690, 0.694, 0.838, 0.797,
    # 0.710, 0.848 and 0.708)
    report = evaluate(BENCHMARKS / "sentences" / "manual_dev.gsr.json", fmt="gsr")
    assert report["category"]["overall"]["f1"] >= 0.90
    assert report["triple"]["overall"]["f1"] >= 0.75


def test_blind_news_pairs_stay_at_their_level():
    # benchmarks/sentences, dev half: measured right 0.784, found 0.825, 0.192 extra per sentence (an announced
    # release is AGREE since round 15; this set's brief said CONCEDE)
    report = evaluate(BENCHMARKS / "sentences" / "pairs_dev.jsonl", fmt="plv")
    assert report["right"] >= 0.765
    assert report["found"] >= 0.785
    assert report["extra_categories_per_sentence"] <= 0.21
