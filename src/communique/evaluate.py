"""Accuracy: score the coder against hand-coded gold data.

Two gold formats are read.

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
are mapped to ISO 3166 alpha-3 (``OLD_CODES``: JAP -> JPN, ITL -> ITA; IMG, a CAMEO
"international militarised group", becomes NGO, the output contract's code for a non-state
body). Actors are compared by code only (``CHN``, ``IGO``, ...), never by sector or name.

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

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .model import PLOVER_CATEGORIES, CodingError, Document

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Codes in the GSR file that are not ISO 3166 alpha-3 (found with a script over the file).
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "IMG": "NGO"}
BODY_CODES = ("IGO", "NGO", "MNC")
GSR_PLACEHOLDER_DATE = date(2000, 1, 1)
NONE = "NONE"  # the confusion matrix's "no event" row and column
SALIENCE = ("main", "secondary")


class GoldFormatError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


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


# --------------------------------------------------------------------------- actors and dyads

def map_label(label: str) -> str:
    """A PLOVER 0.5 label in its 0.8 form (DEMAND -> REQUEST, ...); 0.8 labels pass through."""
    label = (label or "").strip().upper()
    return OLD_LABELS.get(label, label)


def map_code(code: Optional[str]) -> Optional[str]:
    """An old or non-ISO country code in its ISO alpha-3 (or IGO/NGO/MNC) form."""
    if not code:
        return None
    code = code.strip().upper()
    return OLD_CODES.get(code, code)


def entity_codes(entities: Any) -> set[str]:
    """The codes of a side: a list of entities (``code`` or ``country`` key), one entity, or empty."""
    if not entities:
        return set()
    if isinstance(entities, dict):
        entities = [entities]
    if not isinstance(entities, list):  # e.g. a stray string where a list belongs
        return set()
    codes = set()
    for e in entities:
        if isinstance(e, dict):
            code = map_code(e.get("code") if "code" in e else e.get("country"))
            if code:
                codes.add(code)
    return codes


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


# --------------------------------------------------------------------------- GSR format

@dataclass
class GsrRecord:
    id: str
    text: str
    event: str  # PLOVER 0.8 category
    source: set[str]
    target: set[str]
    compound: bool
    published: Optional[date]  # a placeholder (GSR_PLACEHOLDER_DATE), never a gold event date
    source_text: list[str] = field(default_factory=list)
    target_text: list[str] = field(default_factory=list)


def parse_gsr(records: list[dict], origin: str = "gsr") -> list[GsrRecord]:
    """Turn the GSR JSON list into records (skipping the DOCUMENT header)."""
    out = []
    for i, r in enumerate(records):
        if not isinstance(r, dict):
            raise GoldFormatError(f"{origin}: record {i} is not an object")
        if r.get("event") == "DOCUMENT":
            continue
        if not r.get("text") or not r.get("event") or not r.get("id"):
            raise GoldFormatError(f"{origin}: record {i} ({r.get('id')}) lacks id, event or text")
        event = map_label(r["event"])
        if event not in PLOVER_CATEGORIES:
            raise GoldFormatError(f"{origin}: record {r['id']}: unknown category {r['event']!r}")
        source, target = r.get("source") or [], r.get("target")
        # One record puts a context word in "target"; anything not a list is no target.
        target = target if isinstance(target, list) else []
        published = _parse_date(r.get("date"))
        out.append(GsrRecord(
            id=r["id"], text=r["text"], event=event, source=entity_codes(source),
            target=entity_codes(target), compound=len(source) > 1 and not target,
            published=published,
            source_text=[e.get("actorText", "") for e in source if isinstance(e, dict)],
            target_text=[e.get("actorText", "") for e in target if isinstance(e, dict)],
        ))
    return out


def load_gsr(path: Path | str) -> list[GsrRecord]:
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, list):
        raise GoldFormatError(f"{path}: expected a JSON list of records")
    return parse_gsr(data, str(path))


def gsr_documents(records: list[GsrRecord]) -> list[Document]:
    """One document per GSR sentence (id = record id, no publication date).

    The GSR dates are placeholders (2000-01-01), not publication dates: passing them on would
    resolve "last year" or "on September 29" against a made-up day and mark events as
    background. The sentences are coded as undated text instead."""
    return [Document(id=r.id, text=r.text, published=None, origin=r.id) for r in records]


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
        category_ok = r.event in predicted_categories
        category.add(r.event, "tp" if category_ok else "fn")
        for c in predicted_categories - {r.event}:
            category.add(c, "fp")
        if category_ok:
            confusion.add(r.event, r.event)
        else:
            for c in _ordered(predicted_categories) or [NONE]:
                confusion.add(r.event, c)

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


# --------------------------------------------------------------------------- articles format

GOLD_FIELDS = ("article", "event", "source", "target", "date", "salience", "symmetric", "evidence")


def _parse_date(value: Any) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _valid_code(code: Optional[str]) -> bool:
    if code is None or code in BODY_CODES:
        return True
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def _check_side(side: Any, name: str, where: str, required: bool) -> None:
    if side in (None, {}, []):
        if required:
            raise GoldFormatError(f"{where}: {name} is required")
        return
    items = side if isinstance(side, list) else [side]
    for item in items:
        if not isinstance(item, dict) or "country" not in item:
            raise GoldFormatError(f"{where}: {name} must be {{text, country, sector}}")
        if not _valid_code(item["country"]):
            raise GoldFormatError(f"{where}: {name} country {item['country']!r} is not ISO alpha-3, IGO, NGO or MNC")


def validate_gold_event(obj: Any, where: str) -> dict:
    """Check one gold event object; raise GoldFormatError naming ``where`` (file:line)."""
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{where}: expected a JSON object")
    missing = [f for f in GOLD_FIELDS if f not in obj]
    if missing:
        raise GoldFormatError(f"{where}: missing field(s) {', '.join(missing)}")
    event = map_label(obj["event"])
    if event not in PLOVER_CATEGORIES:
        raise GoldFormatError(f"{where}: unknown PLOVER category {obj['event']!r}")
    _check_side(obj["source"], "source", where, required=True)
    _check_side(obj["target"], "target", where, required=False)
    if obj["date"] is not None and _parse_date(obj["date"]) is None:
        raise GoldFormatError(f"{where}: date {obj['date']!r} is not YYYY-MM-DD")
    if obj["salience"] not in SALIENCE:
        raise GoldFormatError(f"{where}: salience must be main or secondary")
    if not isinstance(obj["symmetric"], bool):
        raise GoldFormatError(f"{where}: symmetric must be true or false")
    if not isinstance(obj["evidence"], str) or not obj["evidence"].strip():
        raise GoldFormatError(f"{where}: evidence must be the sentence the event is coded from")
    return {**obj, "event": event}


def load_gold_events(path: Path | str) -> list[dict]:
    """Read and validate a ``.gold.jsonl`` file (blank lines and ``#`` lines are skipped)."""
    path = Path(path)
    events = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from None
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{where}: not JSON: {exc.msg}") from None
        events.append(validate_gold_event(obj, where))
    return events


def gold_path_for(documents_path: Path | str) -> Path:
    """``x/articles.jsonl`` -> ``x/articles.gold.jsonl``."""
    p = Path(documents_path)
    name = p.name[: -len(".jsonl")] if p.name.endswith(".jsonl") else p.stem
    return p.with_name(name + ".gold.jsonl")


def read_article_documents(path: Path | str) -> list[Document]:
    """The documents of an articles file, read the way ``communique code`` reads them
    (datelines and date lines included); a malformed record is a GoldFormatError."""
    from .ingest import read_documents

    docs = []
    for item in read_documents([str(path)]):
        if isinstance(item, CodingError):
            raise GoldFormatError(str(item))
        docs.append(item)
    return docs


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


# --------------------------------------------------------------------------- running the coder

def run_coder(documents: list[Document], workers: int = 1,
              on_document: Optional[Callable[[int], None]] = None) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Code the documents; return event records by document id, and coding errors by id."""
    from .pipeline import code_documents

    predictions: dict[str, list[dict]] = {d.id: [] for d in documents}
    errors: dict[str, str] = {}
    for n, (document, result) in enumerate(code_documents(documents, workers=workers), start=1):
        if isinstance(result, CodingError):
            errors[document.id] = result.message
        else:
            predictions[document.id] = [e.to_record() for e in result]
        if on_document:
            on_document(n)
    return predictions, errors


def read_predictions(path: Path | str) -> dict[str, list[dict]]:
    """Event records written earlier by ``communique code`` (JSONL), grouped by ``doc``."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for lineno, line in enumerate(Path(path).read_text("utf-8").splitlines(), start=1):
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{lineno}: not JSON: {exc.msg}") from None
            grouped[record["doc"]].append(record)
    return grouped


def detect_format(path: Path | str) -> str:
    """``gsr`` for a JSON list, ``articles`` for JSONL documents."""
    p = Path(path)
    if p.suffix == ".jsonl":
        return "articles"
    with open(p, encoding="utf-8") as f:
        head = f.read(256).lstrip()
    return "gsr" if head.startswith("[") else "articles"


def evaluate(path: Path | str, fmt: Optional[str] = None, gold: Optional[Path | str] = None,
             workers: int = 1, predictions_path: Optional[Path | str] = None,
             on_start: Optional[Callable[[int], None]] = None,
             on_document: Optional[Callable[[int], None]] = None) -> dict[str, Any]:
    """Code the gold texts (or read ``predictions_path``) and score them; returns the report dict."""
    fmt = fmt or detect_format(path)
    if fmt == "gsr":
        records = load_gsr(path)
        documents = gsr_documents(records)
    elif fmt == "articles":
        gold_file = Path(gold) if gold else gold_path_for(path)
        gold_events = load_gold_events(gold_file)
        documents = read_article_documents(path)
        ids = {d.id for d in documents}
        unknown = sorted({g["article"] for g in gold_events} - ids)
        if unknown:
            raise GoldFormatError(f"{gold_file}: gold events for unknown article(s) {', '.join(unknown[:5])}")
    else:
        raise ValueError(f"unknown gold format {fmt!r} (gsr or articles)")
    if on_start:
        on_start(len(documents))
    if predictions_path:
        predictions, coding_errors = read_predictions(predictions_path), {}
    else:
        predictions, coding_errors = run_coder(documents, workers=workers, on_document=on_document)
    if fmt == "gsr":
        report = score_gsr(records, predictions, coding_errors)
    else:
        report = score_articles([d.id for d in documents], gold_events, predictions, coding_errors)
    report["gold"] = str(path)
    return report


# --------------------------------------------------------------------------- Rich rendering

def _pct(x: Optional[float]) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def category_table(report: dict[str, Any]):
    from rich.table import Table

    table = Table(title=f"{report['format']} · {report['documents']} documents · "
                        f"{report['gold_events']} gold / {report['predicted_events']} predicted events")
    table.add_column("category", no_wrap=True)
    table.add_column("gold", justify="right")
    for part in ("category", "triple"):
        for m in ("P", "R", "F1"):
            table.add_column(f"{part[:3]} {m}", justify="right")
    table.add_column("date", justify="right")
    cat, tri = report["category"]["by_category"], report["triple"]["by_category"]
    dates = report["date"].get("by_category", {})
    for c in _ordered(set(cat) | set(tri)):
        a, b = cat.get(c, Counts().to_dict()), tri.get(c, Counts().to_dict())
        table.add_row(c, str(a["tp"] + a["fn"]), *(_pct(a[k]) for k in ("precision", "recall", "f1")),
                      *(_pct(b[k]) for k in ("precision", "recall", "f1")),
                      _pct(dates.get(c, {}).get("accuracy")))
    a, b = report["category"]["overall"], report["triple"]["overall"]
    table.add_section()
    table.add_row("[bold]overall", str(a["tp"] + a["fn"]),
                  *(_pct(a[k]) for k in ("precision", "recall", "f1")),
                  *(_pct(b[k]) for k in ("precision", "recall", "f1")), _pct(report["date"]["accuracy"]))
    table.add_row("macro F1", "", "", "", _pct(report["category"]["macro_f1"]), "", "",
                  _pct(report["triple"]["macro_f1"]), "")
    return table


ABBREVIATIONS = {"AGREE": "AGR", "CONSULT": "CNS", "SUPPORT": "SUP", "CONCEDE": "CNC", "COOPERATE": "COP",
                 "AID": "AID", "RETREAT": "RET", "REQUEST": "REQ", "ACCUSE": "ACC", "REJECT": "REJ",
                 "THREATEN": "THR", "PROTEST": "PRO", "SANCTION": "SAN", "MOBILIZE": "MOB", "COERCE": "COE",
                 "ASSAULT": "ASL", NONE: "-"}


def confusion_table(report: dict[str, Any]):
    """Rows gold, columns predicted; three-letter labels so that 17 columns fit 80 characters."""
    from rich import box
    from rich.table import Table

    labels = report["confusion"]["labels"]
    matrix = report["confusion"]["matrix"]
    short = [ABBREVIATIONS.get(l, l[:3]) for l in labels]
    table = Table(title="confusion: rows gold, columns predicted (- = no event)", box=box.SIMPLE_HEAD,
                  padding=(0, 0), pad_edge=False, show_edge=False)
    table.add_column("", no_wrap=True)
    for l in short:
        table.add_column(l, justify="right", no_wrap=True, min_width=3)
    for g, label in zip(labels, short):
        row = matrix.get(g, {})
        table.add_row(label, *(("[bold]" if g == p else "") + str(row[p]) if row.get(p) else "·" for p in labels))
    return table


def summary_table(report: dict[str, Any]):
    from rich.table import Table

    table = Table(title="other figures", show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    d = report["date"]
    table.add_row("event date accuracy (matched, gold dated)",
                  f"{_pct(d['accuracy'])} ({d['correct']}/{d['matched']})" if d["matched"] else d.get("note", "–"))
    table.add_row("event date recall (gold dated)", f"{_pct(d['recall'])} ({d['correct']}/{d['gold_dated']})"
                  if d["gold_dated"] else "–")
    if report["format"] == "articles":
        table.add_row("false events per article", f"{report['false_events_per_article']}")
        for s in SALIENCE:
            v = report["salience"][s]
            table.add_row(f"recall, {s} events", f"{_pct(v['recall'])} ({v['found']}/{v['gold']})")
        m = report["mode"]
        table.add_row("mode agreement (matched)", f"{_pct(m['agreement'])} ({m['same']}/{m['gold_with_mode']})")
    table.add_row("coding errors", str(report["coding_errors"]))
    return table


def print_errors(report: dict[str, Any], console) -> None:
    from rich.markup import escape

    def fmt_pred(p, label="pred"):
        return (f"  [red]{label}[/red] {p['event']}/{p.get('mode') or '-'} {', '.join(p['actor']) or '∅'} → "
                f"{', '.join(p['recipient']) or '∅'}  [dim]{escape(p.get('trigger') or '')}; {p.get('date')}[/dim]")

    for e in report["errors"]:
        if report["format"] == "gsr":
            g = e["gold"]
            arrow = "⇄" if g["compound"] else "→"
            console.print(f"[bold]{e['id']}[/bold] category {'ok' if e['category_ok'] else 'WRONG'}, "
                          f"triple {'ok' if e['triple_ok'] else 'WRONG'}", highlight=False)
            console.print(f"  {escape(e['text'])}", highlight=False)
            console.print(f"  [green]gold[/green] {g['event']} {','.join(g['source']) or '∅'} {arrow} "
                          f"{','.join(g['target']) or '∅'}", highlight=False)
            for p in e["predicted"]:
                console.print(fmt_pred(p), highlight=False)
            if not e["predicted"]:
                console.print("  [red]pred[/red] (no event)", highlight=False)
        else:
            console.print(f"[bold]{e['article']}[/bold]", highlight=False)
            for g in e["missed"]:
                console.print(f"  [yellow]missed[/yellow] {g['event']}/{g.get('mode') or '-'} {', '.join(g['source'])} "
                              f"{'⇄' if g['symmetric'] else '→'} {', '.join(g['target']) or '∅'} ({g['date']}, "
                              f"{g['salience']})\n    [dim]{escape(g['evidence'])}[/dim]", highlight=False)
            for p in e["false"]:
                console.print(fmt_pred(p, "false") + f"\n    [dim]{escape(_norm_space(p.get('text')))}[/dim]",
                              highlight=False)
            for w in e["wrong_date"]:
                console.print(f"  [magenta]date[/magenta] {w['gold']['event']}: gold {w['gold']['date']}, "
                              f"predicted {w['predicted']['date']}", highlight=False)
            if e.get("coding_error"):
                console.print(f"  [red]coding error[/red] {escape(e['coding_error'])}", highlight=False)


def print_report(report: dict[str, Any], console, errors: bool = False) -> None:
    console.print(category_table(report))
    console.print(confusion_table(report))
    console.print(summary_table(report))
    if errors:
        print_errors(report, console)
