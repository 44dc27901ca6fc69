"""CAMEO codebook coverage: does the coder know every CAMEO event code that PLOVER codes?

    .venv/bin/python benchmarks/cameo_coverage/run.py            # coverage per PLOVER category + misses
    .venv/bin/python benchmarks/cameo_coverage/run.py --all      # also every sentence and what it gave

``sentences.jsonl`` holds one or a few short news-style sentences per CAMEO code from 02x to 20x
(the 01x statements have no PLOVER category), written for this project from the codebook's
definition of each code (invented events about real countries; nothing taken from any evaluation
set). Each line names the code, its PLOVER category (from ``src/communique/data/cameo.tsv``), and
the expected actor and recipient country codes (``null``: not checked), or ``parties`` for a
reciprocal event (either split of the two, or both as the actor). Where the PLOVER manual overrides the
table (sanctions are SANCTION, a lifted curfew or a declared ceasefire CONCEDE, a resignation
RETREAT, an apology CONCEDE) the line says so in ``note`` and expects the manual's category.

A sentence is *right* when the coder emits an event of the expected category; *triple* when that
event also has the expected actor and recipient codes among its sides. A code is covered when all
its sentences are right. The figures are not asserted anywhere: they guide which codebook verbs
the trigger table (``src/communique/events/data/triggers.tsv``) still lacks.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from communique.model import PLOVER_CATEGORIES  # noqa: E402
from communique.pipeline import code_text  # noqa: E402

PUBLISHED = date(2024, 3, 9)  # a Saturday: every weekday of the sentences falls in the week before


def codes(side) -> set[str]:
    return {e.code for e in side if e.code}


def triple_right(row: dict, event) -> bool:
    actor, recipient = codes(event.actor), codes(event.recipient)
    if "parties" in row:
        return set(row["parties"]) <= actor | recipient and bool(actor)
    return ((row["actor"] is None or row["actor"] in actor)
            and (row["recipient"] is None or row["recipient"] in recipient))


def judge(row: dict) -> dict:
    events = code_text(row["text"], published=PUBLISHED)
    same = [e for e in events if e.event == row["event"]]
    return {"right": bool(same), "triple": any(triple_right(row, e) for e in same), "none": not events,
            "coded": [f"{e.event} {e.cameo} {'+'.join(sorted(codes(e.actor))) or '-'}"
                      f"->{'+'.join(sorted(codes(e.recipient))) or '-'}" for e in events]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="print every sentence with what it gave")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (HERE / "sentences.jsonl").read_text().splitlines() if line.strip()]
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    per_code: dict[str, bool] = {}
    misses = []
    for row in rows:
        verdict = judge(row)
        counts = per_category[row["event"]]
        counts[0] += 1
        counts[1] += verdict["right"]
        counts[2] += verdict["triple"]
        counts[3] += verdict["none"]
        per_code[row["cameo"]] = per_code.get(row["cameo"], True) and verdict["right"]
        if args.all or not verdict["right"]:
            mark = "ok " if verdict["right"] else ("NONE" if verdict["none"] else "WRONG")
            misses.append(f"{mark:5s} {row['cameo']:5s} {row['event']:9s} {row['text']}\n"
                          f"      coded: {'; '.join(verdict['coded']) or '(nothing)'}")
    print(f"{'category':10s} {'sentences':>9s} {'right':>6s} {'triple':>6s} {'no event':>8s}")
    total = [0, 0, 0, 0]
    for category in PLOVER_CATEGORIES:
        if category in per_category:
            c = per_category[category]
            total = [t + x for t, x in zip(total, c)]
            print(f"{category:10s} {c[0]:9d} {c[1]:6d} {c[2]:6d} {c[3]:8d}")
    print(f"{'all':10s} {total[0]:9d} {total[1]:6d} {total[2]:6d} {total[3]:8d}")
    print(f"CAMEO codebook coverage: {sum(per_code.values())} of {len(per_code)} codes give the right category "
          f"({total[1]} of {total[0]} sentences; {total[2]} with actor and recipient right)")
    if misses:
        print()
        print("\n".join(misses))


if __name__ == "__main__":
    main()
