"""Scoring: predicted event records against gold events, with the exact definitions of every figure.

Two gold formats are scored here; the third, sentences with a marked actor pair (``plv``),
is scored in :mod:`communique.evaluate.pairs`, which defines its figures.

``gsr``: the PLOVER gold-standard records (a JSON list, first record a ``DOCUMENT``
header). Every record is one sentence with one gold event: ``event`` (a PLOVER 0.5
label), ``source`` and ``target`` (lists of ``{actorText, code, sector}``; ``target`` may
be ``""`` or missing), ``text`` and a placeholder ``date``.

``articles``: whole articles (a JSONL file of documents as ``communique code`` reads them)
and a gold file of events, one JSON object per line: ``article``, ``event``, ``mode``,
``source`` and ``target`` (``{text, country, sector}``), ``date``, ``salience`` (main or
secondary), ``symmetric`` and ``evidence`` (the sentence). See ``load_gold_events``.

Definitions (exactly what the figures mean)
-------------------------------------------

Labels and codes. PLOVER 0.5 labels are mapped to 0.8 (``OLD_LABELS``: DEMAND -> REQUEST,
DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT); old or non-ISO country codes
are mapped to ISO 3166 alpha-3 (``OLD_CODES``: JAP -> JPN, ITL -> ITA); IGO, NGO, MNC and IMG
(an armed group acting across borders, as the output contract and the coder code it) stay as
they are. Actors are compared by code only (``CHN``, ``IGO``, ...), never by sector or name.

Dyad. A predicted event's *actor codes* and *recipient codes* are the sets of ``code`` of its
``actor`` and ``recipient`` entities. A gold side matches when the predicted code set and the
gold code set share a code; an empty gold side (no target, a null country) matches anything.
A *compound* gold event (GSR: several ``source`` entities and an empty ``target``, the
SRC/TAR markup) matches when the event joins them: the actor codes and the recipient codes
both share a code with the gold codes (so either direction counts), or the recipient is
empty and the actor codes hold at least two of the gold codes (a compound actor). A
*symmetric* gold event (articles: a meeting, an agreement) matches in either direction.

GSR scores, per sentence (one gold event each; S = the set of predicted categories):
  * category: TP for the gold category if it is in S, else FN for it; FP for every other
    category in S (one per category, however many events of it were predicted).
  * triple: TP if some predicted event has the gold category and a matching dyad, else FN;
    FP for every distinct predicted (category, actor codes, recipient codes) that does not
    match the gold, counted under its own category.
  * date: the GSR dates are placeholders, so no GSR record has a gold date (figures n/a).
  * confusion: the row is the gold category; the column is the gold category if it is in
    S, else each predicted category in S, else NONE.

Article scores, per article: predicted and gold events are paired one to one, greedily,
over the candidate pairs that match, taking first the pairs whose predicted sentence is the
gold evidence sentence, then gold order, then predicted order.
  * category: a pair matches when the categories are equal; TP = pairs, FN = unpaired
    gold events (under the gold category), FP = unpaired predicted events (under theirs).
  * triple: a pair matches when the categories are equal and the dyad matches (the
    symmetric and null-target rules above); TP/FP/FN as for category.
  * date: on triple pairs whose gold event has a date: accuracy = predicted date equal to
    the gold date / such pairs; recall = correct dates / gold events that have a date.
  * false events per article: unpaired predicted events (triple) / number of articles.
  * salience: triple recall over the gold events marked main, and over those marked
    secondary.
  * mode: on triple pairs whose gold event has a mode, the share with the same mode.
  * confusion: category pairs on the diagonal; each unpaired gold event is then paired with
    an unpaired predicted event from its evidence sentence where there is one (gold row,
    predicted column), else counted in the NONE column; the remaining unpaired predicted
    events go in the NONE row.

Overall figures are micro-averages (sums of TP, FP, FN over categories); ``macro_f1`` is
the mean F1 over the categories that occur in the gold data or the predictions.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ..model import PLOVER_CATEGORIES
from .gold import SALIENCE, GsrRecord, _parse_date, entity_codes, map_label

NONE = "NONE"  # the confusion matrix's "no event" row and column


# --------------------------------------------------------------------------- counting

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> Optional[float]:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> Optional[float]:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": _round(self.precision),
                "recall": _round(self.recall), "f1": _round(self.f1)}


def _round(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 4)


def _ratio(num: int, den: int) -> Optional[float]:
    return _round(num / den) if den else None


@dataclass
class Tally:
    """TP/FP/FN per category; the overall figures are their sums."""

    by_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def add(self, category: str, kind: str, n: int = 1) -> None:
        counts = self.by_category[category]
        setattr(counts, kind, getattr(counts, kind) + n)

    def overall(self) -> Counts:
        total = Counts()
        for c in self.by_category.values():
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total

    def to_dict(self) -> dict[str, Any]:
        present = [c for c in _ordered(self.by_category) if self.by_category[c].tp
                   + self.by_category[c].fp + self.by_category[c].fn]
        f1s = [self.by_category[c].f1 or 0.0 for c in present]
        return {
            "overall": self.overall().to_dict(),
            "macro_f1": _round(sum(f1s) / len(f1s)) if f1s else None,
            "by_category": {c: self.by_category[c].to_dict() for c in _ordered(self.by_category)},
        }


def _ordered(categories: Iterable[str]) -> list[str]:
    known = [c for c in PLOVER_CATEGORIES if c in categories]
    return known + sorted(c for c in categories if c not in PLOVER_CATEGORIES)


class Confusion:
    def __init__(self) -> None:
        self.cells: Counter[tuple[str, str]] = Counter()

    def add(self, gold: str, predicted: str) -> None:
        self.cells[(gold, predicted)] += 1

    def to_dict(self) -> dict[str, Any]:
        labels = _ordered({g for g, _ in self.cells} | {p for _, p in self.cells} - {NONE})
        labels = [l for l in labels if l != NONE] + [NONE]
        matrix = {g: {p: self.cells[(g, p)] for p in labels if self.cells[(g, p)]} for g in labels}
        return {"labels": labels, "matrix": {g: row for g, row in matrix.items() if row}}


def tally_label(tally: Tally, confusion: Confusion, gold: str, predicted: set[str]) -> bool:
    """One gold label against the labels predicted for it: TP if among them (else FN), FP for each
    other one; the confusion row gets the gold label, or each predicted one, or NONE. Returns TP."""
    ok = gold in predicted
    tally.add(gold, "tp" if ok else "fn")
    for label in predicted - {gold}:
        tally.add(label, "fp")
    for label in [gold] if ok else _ordered(predicted) or [NONE]:
        confusion.add(gold, label)
    return ok


# --------------------------------------------------------------------------- dyads

def side_matches(predicted: set[str], gold: set[str]) -> bool:
    """A predicted side matches a gold side when they share a code; an empty gold side is free."""
    return not gold or bool(predicted & gold)


def dyad_matches(actor: set[str], recipient: set[str], source: set[str], target: set[str],
                 *, compound: bool = False, symmetric: bool = False) -> bool:
    """Do the predicted actor/recipient codes match the gold source/target codes?

    ``compound``: the gold source lists several parties joined by the event (empty target).
    ``symmetric``: the event has no direction, so the reversed dyad matches too.
    """
    if compound:
        if actor & source and recipient & source:
            return True
        return not recipient and len(actor & source) >= min(2, len(source))
    if side_matches(actor, source) and side_matches(recipient, target):
        return True
    return symmetric and side_matches(recipient, source) and side_matches(actor, target)


# --------------------------------------------------------------------------- GSR sentences

def _triple_key(p: dict) -> tuple:
    return (p["event"], frozenset(entity_codes(p.get("actor"))), frozenset(entity_codes(p.get("recipient"))))


def _pred_triple_matches(p: dict, category: str, source: set[str], target: set[str],
                         compound: bool = False, symmetric: bool = False) -> bool:
    return p["event"] == category and dyad_matches(
        entity_codes(p.get("actor")), entity_codes(p.get("recipient")), source, target,
        compound=compound, symmetric=symmetric)


def score_gsr(records: list[GsrRecord], predictions: dict[str, list[dict]],
              coding_errors: Optional[dict[str, str]] = None) -> dict[str, Any]:
    """Score predicted event records (grouped by document id) against GSR sentences."""
    coding_errors = coding_errors or {}
    category, triple, confusion = Tally(), Tally(), Confusion()
    errors = []
    n_pred = 0
    for r in records:
        preds = predictions.get(r.id, [])
        n_pred += len(preds)
        predicted_categories = {p["event"] for p in preds}
        category_ok = tally_label(category, confusion, r.event, predicted_categories)

        matching = [p for p in preds if _pred_triple_matches(p, r.event, r.source, r.target, r.compound)]
        triple_ok = bool(matching)
        triple.add(r.event, "tp" if triple_ok else "fn")
        matched_keys = {_triple_key(p) for p in matching}
        for key in {_triple_key(p) for p in preds} - matched_keys:
            triple.add(key[0], "fp")

        if not (category_ok and triple_ok and len(predicted_categories) == 1) or r.id in coding_errors:
            errors.append({
                "id": r.id, "text": r.text, "category_ok": category_ok, "triple_ok": triple_ok,
                "gold": {"event": r.event, "source": sorted(r.source), "target": sorted(r.target),
                         "compound": r.compound, "source_text": r.source_text, "target_text": r.target_text},
                "predicted": [_brief(p) for p in preds],
                "coding_error": coding_errors.get(r.id),
            })
    return {
        "format": "gsr",
        "documents": len(records), "gold_events": len(records), "predicted_events": n_pred,
        "coding_errors": len(coding_errors),
        "category": category.to_dict(), "triple": triple.to_dict(),
        "date": {"gold_dated": 0, "matched": 0, "correct": 0, "accuracy": None, "recall": None,
                 "note": "GSR dates are placeholders: no gold event dates"},
        "confusion": confusion.to_dict(),
        "errors": errors,
    }


def _brief(p: dict) -> dict[str, Any]:
    """A predicted event record cut down to what an error listing shows."""
    def side(entities):
        return [f"{e.get('text')} ({e.get('code') or '?'})" for e in entities or []]
    return {"event": p.get("event"), "mode": p.get("mode"), "cameo": p.get("cameo"),
            "actor": side(p.get("actor")), "recipient": side(p.get("recipient")),
            "date": p.get("date"), "trigger": (p.get("trigger") or {}).get("text"), "text": p.get("text")}


# --------------------------------------------------------------------------- articles

def _norm_space(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def same_sentence(predicted_text: str, evidence: str) -> bool:
    """Is the predicted event's sentence the gold evidence sentence (allowing split/merge)?"""
    a, b = _norm(predicted_text), _norm(evidence)
    return bool(a and b) and (a == b or a in b or b in a)


def _gold_sides(g: dict) -> tuple[set[str], set[str]]:
    return entity_codes(g.get("source")), entity_codes(g.get("target"))


def match_events(gold: list[dict], predicted: list[dict], *, triple: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of gold and predicted events of one article.

    A candidate pair has equal categories (and, with ``triple``, a matching dyad). Pairs are
    taken in order: same sentence first, then gold order, then predicted order.
    Returns (gold index, predicted index) pairs.
    """
    candidates = []
    for gi, g in enumerate(gold):
        source, target = _gold_sides(g)
        for pi, p in enumerate(predicted):
            if p["event"] != g["event"]:
                continue
            if triple and not _pred_triple_matches(p, g["event"], source, target,
                                                   symmetric=bool(g.get("symmetric"))):
                continue
            same = same_sentence(p.get("text", ""), g.get("evidence", ""))
            candidates.append((0 if same else 1, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return sorted(pairs)


def _tally_pairs(tally: Tally, gold: list[dict], predicted: list[dict], pairs: list[tuple[int, int]]) -> None:
    paired_g = {g for g, _ in pairs}
    paired_p = {p for _, p in pairs}
    for gi, _ in pairs:
        tally.add(gold[gi]["event"], "tp")
    for gi, g in enumerate(gold):
        if gi not in paired_g:
            tally.add(g["event"], "fn")
    for pi, p in enumerate(predicted):
        if pi not in paired_p:
            tally.add(p["event"], "fp")


def _confuse(confusion: Confusion, gold: list[dict], predicted: list[dict], pairs: list[tuple[int, int]]) -> None:
    for gi, _ in pairs:
        confusion.add(gold[gi]["event"], gold[gi]["event"])
    free_p = [pi for pi in range(len(predicted)) if pi not in {p for _, p in pairs}]
    for gi, g in enumerate(gold):
        if gi in {x for x, _ in pairs}:
            continue
        same = [pi for pi in free_p if same_sentence(predicted[pi].get("text", ""), g.get("evidence", ""))]
        if same:
            free_p.remove(same[0])
            confusion.add(g["event"], predicted[same[0]]["event"])
        else:
            confusion.add(g["event"], NONE)
    for pi in free_p:
        confusion.add(NONE, predicted[pi]["event"])


def score_articles(article_ids: list[str], gold_events: list[dict], predictions: dict[str, list[dict]],
                   coding_errors: Optional[dict[str, str]] = None) -> dict[str, Any]:
    """Score predicted event records (grouped by document id) against gold events of articles."""
    coding_errors = coding_errors or {}
    gold_by_article: dict[str, list[dict]] = defaultdict(list)
    for g in gold_events:
        gold_by_article[g["article"]].append({**g, "event": map_label(g["event"])})
    category, triple, confusion = Tally(), Tally(), Confusion()
    dated = Tally()  # per gold category: tp = correct date, fp = wrong date on a pair, fn = not paired
    salience = {s: Counter() for s in SALIENCE}
    modes = Counter()
    n_pred = n_false = 0
    false_by_article = {}
    errors = []
    for article in article_ids:
        gold = gold_by_article.get(article, [])
        preds = predictions.get(article, [])
        n_pred += len(preds)
        cat_pairs = match_events(gold, preds, triple=False)
        tri_pairs = match_events(gold, preds, triple=True)
        _tally_pairs(category, gold, preds, cat_pairs)
        _tally_pairs(triple, gold, preds, tri_pairs)
        _confuse(confusion, gold, preds, cat_pairs)
        paired = dict(tri_pairs)
        wrong_dates = []
        for gi, g in enumerate(gold):
            salience[g["salience"]]["gold"] += 1
            salience[g["salience"]]["found"] += gi in paired
            gold_date = _parse_date(g.get("date"))
            if gold_date is not None:
                if gi not in paired:
                    dated.add(g["event"], "fn")
                elif _parse_date(preds[paired[gi]].get("date")) == gold_date:
                    dated.add(g["event"], "tp")
                else:
                    dated.add(g["event"], "fp")
                    wrong_dates.append({"gold": g, "predicted": _brief(preds[paired[gi]])})
            if gi in paired and g.get("mode"):
                modes["gold"] += 1
                modes["same"] += preds[paired[gi]].get("mode") == g["mode"]
        false = [preds[pi] for pi in range(len(preds)) if pi not in set(paired.values())]
        missed = [g for gi, g in enumerate(gold) if gi not in paired]
        n_false += len(false)
        false_by_article[article] = len(false)
        if false or missed or wrong_dates or article in coding_errors:
            errors.append({"article": article, "missed": [_gold_brief(g) for g in missed],
                           "false": [_brief(p) for p in false], "wrong_date": wrong_dates,
                           "coding_error": coding_errors.get(article)})
    return {
        "format": "articles",
        "documents": len(article_ids), "gold_events": sum(len(gold_by_article.get(a, [])) for a in article_ids),
        "predicted_events": n_pred, "coding_errors": len(coding_errors),
        "category": category.to_dict(), "triple": triple.to_dict(),
        "date": _date_figures(dated),
        "false_events_per_article": _ratio(n_false, len(article_ids)),
        "false_events_by_article": false_by_article,
        "salience": {s: {"gold": salience[s]["gold"], "found": salience[s]["found"],
                         "recall": _ratio(salience[s]["found"], salience[s]["gold"])} for s in SALIENCE},
        "mode": {"gold_with_mode": modes["gold"], "same": modes["same"], "agreement": _ratio(modes["same"], modes["gold"])},
        "confusion": confusion.to_dict(),
        "errors": errors,
    }


def _gold_brief(g: dict) -> dict[str, Any]:
    def side(s):
        items = s if isinstance(s, list) else [s] if s else []
        return [f"{i.get('text')} ({i.get('country') or '?'})" for i in items]
    return {"event": g["event"], "mode": g.get("mode"), "source": side(g.get("source")),
            "target": side(g.get("target")), "date": g.get("date"), "symmetric": g.get("symmetric"),
            "salience": g.get("salience"), "evidence": g.get("evidence")}


def _date_figures(dated: Tally) -> dict[str, Any]:
    total = dated.overall()
    matched = total.tp + total.fp
    return {
        "gold_dated": total.tp + total.fp + total.fn, "matched": matched, "correct": total.tp,
        "accuracy": _ratio(total.tp, matched), "recall": _ratio(total.tp, total.tp + total.fp + total.fn),
        "by_category": {c: {"matched": v.tp + v.fp, "correct": v.tp, "accuracy": _ratio(v.tp, v.tp + v.fp)}
                        for c, v in ((c, dated.by_category[c]) for c in _ordered(dated.by_category))},
    }
