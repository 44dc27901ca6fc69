"""Scoring sentences with a marked actor pair (the ``plv`` gold format), with the exact
definitions of its figures (see ``score_plv``).

A pair is linked by a predicted event whose actor and recipient share a content word with
the marked source and target (either way round for the categories with no direction,
``JOINT_CATEGORIES``). Predicted RETREAT and CONCEDE count as the PLV label YIELD.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Optional

from .gold import PlvPair
from .scoring import Confusion, Tally, _brief, _ratio, tally_label

# Categories with no direction: a pair is found in either order.
JOINT_CATEGORIES = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})
# Words too common to tie an entity to a marked span ("the", "of"): sharing only these is no match.
FUNCTION_WORDS = frozenset("a an the of and or in on at to for from by with 's s".split())


def content_words(text: Optional[str]) -> set[str]:
    return {w for w in re.findall(r"\w+", (text or "").lower()) if w not in FUNCTION_WORDS}


def _side_shares(entities: Any, words: set[str]) -> bool:
    return any(content_words(e.get("text")) & words for e in entities or [] if isinstance(e, dict))


def plv_pair_events(pair: PlvPair, predicted: list[dict]) -> list[dict]:
    """The predicted events that connect the pair's source and target (either way for joint categories)."""
    source, target = content_words(pair.source), content_words(pair.target)
    found = []
    for p in predicted:
        forward = _side_shares(p.get("actor"), source) and _side_shares(p.get("recipient"), target)
        backward = (p["event"] in JOINT_CATEGORIES and _side_shares(p.get("actor"), target)
                    and _side_shares(p.get("recipient"), source))
        if forward or backward:
            found.append(p)
    return found


def _plv_label(category: str) -> str:
    """A predicted category under the PLV label it counts for (RETREAT and CONCEDE are YIELD)."""
    return "YIELD" if category in ("RETREAT", "CONCEDE") else category


def score_plv(pairs: list[PlvPair], predictions: dict[str, list[dict]],
              coding_errors: Optional[dict[str, str]] = None) -> dict[str, Any]:
    """Score predicted event records against PLV actor pairs.

    * pair (reported as ``triple``): a pair is *found* when an event links its source and
      target (``plv_pair_events``) and *right* when one such event has the gold category:
      TP for the gold label if right, else FN for it; FP for each other label among the
      events that link the pair. ``right`` = TP / pairs, the headline figure.
    * sentence (reported as ``category``): TP when the gold label is among the labels
      predicted anywhere in the sentence, else FN; FP for each predicted label of the
      sentence that none of its pairs asked for. ``extra_categories_per_sentence`` = those
      FP / sentences.
    Predicted RETREAT and CONCEDE count as YIELD.
    """
    coding_errors = coding_errors or {}
    sentence_tally, pair_tally, confusion = Tally(), Tally(), Confusion()
    errors = []
    found = right = 0
    by_doc: dict[str, list] = defaultdict(list)
    for pair in pairs:
        by_doc[pair.doc].append(pair)
    n_pred = sum(len(predictions.get(doc, [])) for doc in by_doc)
    extra = 0
    for doc, doc_pairs in by_doc.items():
        preds = predictions.get(doc, [])
        labels = {_plv_label(p["event"]) for p in preds}
        asked = {pair.label for pair in doc_pairs}
        for label in labels - asked:
            sentence_tally.add(label, "fp")
            extra += 1
        for pair in doc_pairs:
            sentence_tally.add(pair.label, "tp" if pair.label in labels else "fn")
            linking = plv_pair_events(pair, preds)
            linked = {_plv_label(p["event"]) for p in linking}
            ok = tally_label(pair_tally, confusion, pair.label, linked)
            found += bool(linking)
            right += ok
            if not ok or doc in coding_errors:
                errors.append({"id": pair.id, "text": pair.sentence, "found": bool(linking),
                               "gold": {"event": pair.label, "source": pair.source, "target": pair.target},
                               "predicted": [_brief(p) for p in preds],
                               "coding_error": coding_errors.get(doc)})
    n = len(pairs)
    return {
        "format": "plv",
        "documents": len(by_doc), "gold_events": n, "predicted_events": n_pred,
        "coding_errors": len(coding_errors),
        "pairs_found": found, "pairs_right": right,
        "found": _ratio(found, n), "right": _ratio(right, n),
        "extra_categories_per_sentence": _ratio(extra, len(by_doc)),
        "category": sentence_tally.to_dict(), "triple": pair_tally.to_dict(),
        "date": {"gold_dated": 0, "matched": 0, "correct": 0, "accuracy": None, "recall": None,
                 "note": "PLV sentences are undated"},
        "confusion": confusion.to_dict(),
        "errors": errors,
    }
