"""Train the recipient scorer (src/communique/events/scorer.py) on the project's own blind development
articles, report its cross-validated effect, and write its weights.

    .venv/bin/python benchmarks/train_recipient_scorer.py --folds 5          # cross-validation only
    .venv/bin/python benchmarks/train_recipient_scorer.py --write            # train on all, write weights

Training data: benchmarks/blind/articles.jsonl with its gold events (written for this project; the test
halves, benchmarks/test and ../shared/eval are never read here). Every event the rules code is matched to
a gold event of its article (same category, same sentence, the actor's country on the gold source side);
its candidate recipients (the rules' choice and every other party of the sentence) are labelled by
whether their country is on the gold target side. Events whose gold event has no target, or whose
candidates hold no right one, teach nothing and are left out. The model is a conditional logit (softmax
over an event's candidates) with L2, fitted by gradient descent; the margin by which a candidate must beat
the rules' choice is chosen by cross-validation over articles.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ["COMMUNIQUE_RECIPIENT_SCORER"] = "none"  # the rules' own choices are what is learned from
os.environ["COMMUNIQUE_ACTOR_SCORER"] = "none"

from communique.evaluate.scoring import same_sentence  # noqa: E402
from communique.events import scorer  # noqa: E402
from communique.events.story import country_counts  # noqa: E402
from communique.pipeline import code_text  # noqa: E402

ARTICLES = ROOT / "benchmarks" / "blind" / "articles.jsonl"
GOLD = ROOT / "benchmarks" / "blind" / "articles.gold.jsonl"
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def _codes(side) -> set[str]:
    if not side:
        return set()
    sides = side if isinstance(side, list) else [side]
    return {s["country"] for s in sides if isinstance(s, dict) and s.get("country")}


def examples(articles: Path, gold: Path, role: str = "recipient") -> list[tuple[str, list[list[str]], list[int]]]:
    """(article id, features of each candidate, labels) of every event the rules code that teaches."""
    golds: dict[str, list[dict]] = {}
    for line in open(gold, encoding="utf-8"):
        g = json.loads(line)
        golds.setdefault(g["article"], []).append(g)
    import communique.events.extract as extract
    captured: list = []
    original = extract.rescore  # the pipeline calls the scorer through extract; there it is captured

    def capture(events, sdoc, index, mentions):
        counts = country_counts(mentions)
        captured.extend((e, scorer.candidates(e, sdoc, index, counts, role)) for e in events)
        return original(events, sdoc, index, mentions)

    extract.rescore = capture
    out = []
    try:
        for line in open(articles, encoding="utf-8"):
            doc = json.loads(line)
            captured.clear()
            code_text(doc["text"], published=date.fromisoformat(doc["published"][:10]), doc_id=doc["id"])
            for event, cands in captured:
                if len(cands) < 2:
                    continue
                labels = _labels(event, cands, golds.get(doc["id"], []), role)
                if labels and any(labels):
                    out.append((doc["id"], [f for _, f in cands], labels))
    finally:
        extract.rescore = original
    return out


def _labels(event, cands, golds: list[dict], role: str) -> list[int] | None:
    """Right (1) or not (0) for each candidate, against the first gold event of the same category and
    sentence (for the recipient: whose source side holds the actor's country); None when none teaches."""
    actor = {e.code for e in event.actor if e.code}
    for g in golds:
        src, tar = _codes(g.get("source")), _codes(g.get("target"))
        if g["event"] != event.event or not same_sentence(event.text or "", g.get("evidence") or ""):
            continue
        if role == "actor":
            want = src | (tar if g.get("symmetric") else set())
        else:
            if not tar or not (actor & src or (g.get("symmetric") and actor & tar)):
                continue
            want = tar if actor & src else src
        if not want:
            return None
        return [int(bool(_cand_codes(event, m, role) & want)) for m, _ in cands]
    return None


def _cand_codes(event, mention, role: str) -> set[str]:
    if mention is None:
        return {e.code for e in getattr(event, role) if e.code}
    return {e.code for e in mention.entities if e.code}


def fit(data, l2: float = 0.05, rounds: int = 300, rate: float = 0.5) -> dict[str, float]:
    names = sorted({f for _, cands, _ in data for feats in cands for f in feats})
    index = {n: k for k, n in enumerate(names)}
    mats = []
    for _, cands, labels in data:
        x = np.zeros((len(cands), len(names)))
        for r, feats in enumerate(cands):
            for f in feats:
                x[r, index[f]] += 1.0
        mats.append((x, np.array(labels, dtype=float)))
    w = np.zeros(len(names))
    for _ in range(rounds):
        grad = l2 * w
        for x, y in mats:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y
            q /= q.sum()
            grad += x.T @ (p - q) / len(mats)
        w -= rate * grad
    return {n: round(float(v), 4) for n, v in zip(names, w) if abs(v) > 1e-4}


def choice(weights: dict, cands: list[list[str]], margin: float) -> int:
    scores = [sum(weights.get(f, 0.0) for f in feats) for feats in cands]
    best = max(range(1, len(cands)), key=lambda k: scores[k])
    return best if scores[best] - scores[0] > margin else 0


def cross_validate(data, folds: int) -> dict[float, tuple[int, int]]:
    ids = sorted({a for a, _, _ in data})
    random.Random(7).shuffle(ids)
    fold_of = {a: k % folds for k, a in enumerate(ids)}
    result = {m: [0, 0] for m in MARGINS}  # margin -> [right with the scorer, right by the rules]
    for k in range(folds):
        train = [d for d in data if fold_of[d[0]] != k]
        test = [d for d in data if fold_of[d[0]] == k]
        weights = fit(train)
        for margin in MARGINS:
            for _, cands, labels in test:
                result[margin][0] += labels[choice(weights, cands, margin)]
                result[margin][1] += labels[0]
    return {m: (a, b) for m, (a, b) in result.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="train on all articles and write the weights")
    parser.add_argument("--margin", type=float, default=None, help="margin to write (default: best in CV)")
    parser.add_argument("--role", choices=sorted(scorer.ROLES), default="recipient", help="the side to learn")
    args = parser.parse_args()
    data = examples(ARTICLES, GOLD, args.role)
    print(f"{len(data)} events that teach ({sum(1 for _, _, l in data if l[0])} with the rules' choice right), "
          f"{sum(len(c) for _, c, _ in data)} candidates; cores {os.cpu_count()}")
    cv = cross_validate(data, args.folds)
    for margin, (scored, rules) in cv.items():
        print(f"  margin {margin:.1f}: right recipients {scored} with the scorer vs {rules} by the rules "
              f"({args.folds}-fold over articles)")
    if args.write:
        margin = args.margin if args.margin is not None else max(cv, key=lambda m: (cv[m][0], m))
        weights = fit(data)
        model = {"trained_on": str(ARTICLES.relative_to(ROOT)), "events": len(data), "margin": margin,
                 "cross_validation": {str(m): {"scorer": s, "rules": r} for m, (s, r) in cv.items()},
                 "weights": dict(sorted(weights.items()))}
        path = scorer.ROLES[args.role][0]
        path.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(weights)} weights, margin {margin})")


if __name__ == "__main__":
    main()
