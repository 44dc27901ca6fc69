"""Accuracy: code gold texts and score the coder against them (``communique eval``).

``gold`` reads the three gold formats (gsr, articles, plv), ``scoring`` holds the exact
definitions of every figure of the gsr and articles formats and ``pairs`` those of the plv
format, ``render`` shows a report with Rich. ``evaluate`` runs the
whole: read, code (or read earlier predictions), score.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Optional

from ..model import CodingError, Document
from .gold import (GoldFormatError, entity_codes, gold_path_for, jsonl_objects, gsr_documents, load_gold_events, load_gsr,
                   load_plv, plv_documents,
                   map_code, map_label, parse_gsr, read_article_documents, validate_gold_event)
from .render import print_report
from .pairs import score_plv
from .scoring import dyad_matches, match_events, same_sentence, score_articles, score_gsr

__all__ = ["evaluate", "run_coder", "read_predictions", "detect_format", "print_report",
           "GoldFormatError", "gold_path_for", "gsr_documents", "load_gold_events", "load_gsr",
           "map_code", "map_label", "parse_gsr", "read_article_documents", "validate_gold_event",
           "dyad_matches", "entity_codes", "match_events", "same_sentence", "score_articles",
           "score_gsr", "score_plv", "load_plv", "plv_documents"]


def run_coder(documents: list[Document], workers: int = 1,
              on_document: Optional[Callable[[int], None]] = None) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Code the documents; return event records by document id, and coding errors by id."""
    from ..pipeline import code_documents

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
    for _where, record in jsonl_objects(path):
        grouped[record["doc"]].append(record)
    return grouped


def detect_format(path: Path | str) -> str:
    """``gsr`` for a JSON list, ``plv`` for JSONL pairs (a ``gold_root`` field), else ``articles``."""
    with open(path, encoding="utf-8") as f:
        head = f.readline(65536).lstrip()
    if head.startswith("["):
        return "gsr"
    return "plv" if '"gold_root"' in head else "articles"


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
    elif fmt == "plv":
        pairs = load_plv(path)
        documents = plv_documents(pairs)
    else:
        raise ValueError(f"unknown gold format {fmt!r} (gsr, articles or plv)")
    if on_start:
        on_start(len(documents))
    if predictions_path:
        predictions, coding_errors = read_predictions(predictions_path), {}
    else:
        predictions, coding_errors = run_coder(documents, workers=workers, on_document=on_document)
    if fmt == "gsr":
        report = score_gsr(records, predictions, coding_errors)
    elif fmt == "plv":
        report = score_plv(pairs, predictions, coding_errors)
    else:
        report = score_articles([d.id for d in documents], gold_events, predictions, coding_errors)
    report["gold"] = str(path)
    return report
