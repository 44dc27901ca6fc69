"""Accuracy on every development set, one line each: the figures the README's accuracy table shows.

    .venv/bin/python benchmarks/dev_figures.py            # all development sets
    .venv/bin/python benchmarks/dev_figures.py --json     # the same as JSON

Development sets: the PLOVER GSR dev half and the PLV dev pairs (both in ../shared/eval, skipped when
absent), the project's own article sets benchmarks/gold, heldout, final and blind, and the dev halves of the
blind sentence sets (benchmarks/sentences: manual-style sentences, news pairs). The blind test sets
(benchmarks/test, the test halves in benchmarks/sentences) are never run here: score them by hand,
summary figures only, at the end of a round.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "src"))

from communique.evaluate import evaluate  # noqa: E402

SETS = [
    ("gsr-dev", SHARED / "plover-gsr-dev.json", "gsr"),
    ("plv-dev", SHARED / "plv-dev.jsonl", "plv"),
    ("gold", ROOT / "benchmarks" / "gold" / "articles.jsonl", "articles"),
    ("heldout", ROOT / "benchmarks" / "heldout" / "articles.jsonl", "articles"),
    ("final", ROOT / "benchmarks" / "final" / "articles.jsonl", "articles"),
    ("blind", ROOT / "benchmarks" / "blind" / "articles.jsonl", "articles"),
    ("manual", ROOT / "benchmarks" / "sentences" / "manual_dev.gsr.json", "gsr"),
    ("pairs", ROOT / "benchmarks" / "sentences" / "pairs_dev.jsonl", "plv"),
]


def figures(report: dict) -> dict:
    cat, tri = report["category"]["overall"], report["triple"]["overall"]
    out = {"category_f1": cat["f1"], "triple_p": tri["precision"], "triple_r": tri["recall"], "triple_f1": tri["f1"]}
    if report["format"] == "plv":
        out.update(right=report["right"], found=report["found"],
                   extra_per_sentence=report["extra_categories_per_sentence"])
    if report["format"] == "articles":
        out.update(false_per_article=report["false_events_per_article"], dates=report["date"]["accuracy"],
                   main_found=report["salience"]["main"]["recall"])
    return out


def line(name: str, f: dict) -> str:
    def p(x):
        return "  –  " if x is None else f"{x:.3f}"
    text = f"{name:8s} cat F1 {p(f['category_f1'])}  triple P/R/F1 {p(f['triple_p'])}/{p(f['triple_r'])}/{p(f['triple_f1'])}"
    if "right" in f:
        text += f"  right {p(f['right'])} found {p(f['found'])} extra/sent {p(f['extra_per_sentence'])}"
    if "false_per_article" in f:
        text += f"  false/art {p(f['false_per_article'])} dates {p(f['dates'])} main found {p(f['main_found'])}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--workers", "-w", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--only", nargs="*", help="names of the sets to run (gsr-dev plv-dev gold heldout final blind manual pairs)")
    args = parser.parse_args()
    results = {}
    for name, path, fmt in SETS:
        if args.only and name not in args.only:
            continue
        if not path.exists():
            print(f"{name:8s} skipped: {path} not found", file=sys.stderr)
            continue
        start = time.perf_counter()
        results[name] = figures(evaluate(path, fmt=fmt, workers=args.workers))
        if not args.json:
            print(line(name, results[name]) + f"  ({time.perf_counter() - start:.0f} s)", flush=True)
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
