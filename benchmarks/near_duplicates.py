"""Choose the near-duplicate threshold by measurement, and print precision and recall.

    .venv/bin/python benchmarks/near_duplicates.py [--stories 300] [--seed 12]

Pairs are built by ``news_variants.py`` (texts written for this project): five kinds of
true copies (other headline, trimmed last paragraphs, agency credit lines, small edits, all
together) and three kinds of different stories (another agency's report of the same
meeting, the same agency's follow-up reusing its background paragraphs, the same agency's
template filled for another event). All first texts go into one index (as in a real
archive, a copy must find its own story among all of them); each second text is then
looked up as ingest does (LSH candidates, checked with the estimated similarity).

A copy counts as found when its own story is returned; a different story counts as a false
fold when any story is returned. Prints the exact Jaccard range of each kind, then
precision, recall and the rate of each kind for a range of thresholds.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from communique import dedup  # noqa: E402
from news_variants import COPY_KINDS, DIFFERENT_KINDS, labelled_pairs  # noqa: E402

THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)


def measure(pairs, threshold: float) -> dict:
    index = dedup.NearDuplicateIndex(threshold=threshold)
    firsts: dict[str, str] = {}
    for kind, first, _second, _copy in pairs:
        firsts.setdefault(first, f"s{len(firsts)}")
    for text, doc_id in firsts.items():
        index.add(doc_id, dedup.fingerprint(text))
    hits: dict[str, list[bool]] = defaultdict(list)
    tp = fp = fn = 0
    for kind, first, second, is_copy in pairs:
        match = index.find(dedup.fingerprint(second))
        if is_copy:
            found = match is not None and match.original == firsts[first]
            tp += found
            fn += not found
            # A copy folded onto another story is a false fold too.
            fp += match is not None and not found
            hits[kind].append(found)
        else:
            fp += match is not None
            hits[kind].append(match is not None)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall,
            "rates": {k: sum(v) / len(v) for k, v in hits.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    pairs = labelled_pairs(args.stories, seed=args.seed)
    print(f"{len(pairs)} pairs from {args.stories} stories ({os.cpu_count()} cores); "
          f"shingles of {dedup.SHINGLE_WORDS} words, {dedup.NUM_PERM} permutations, "
          f"texts of {dedup.MIN_WORDS}+ words")
    print("\nexact Jaccard similarity of the pairs, by kind (min / median / max):")
    by_kind = defaultdict(list)
    for kind, first, second, _ in pairs:
        by_kind[kind].append(dedup.jaccard(first, second))
    for kind in (*COPY_KINDS, *DIFFERENT_KINDS):
        values = sorted(by_kind[kind])
        label = "copy" if kind in COPY_KINDS else "different"
        print(f"  {kind:12s} {label:9s} {values[0]:.2f} / {values[len(values) // 2]:.2f} / {values[-1]:.2f}")
    kinds = (*COPY_KINDS, *DIFFERENT_KINDS)
    print("\nthreshold  precision  recall  " + "  ".join(f"{k[:10]:>10s}" for k in kinds))
    for threshold in THRESHOLDS:
        result = measure(pairs, threshold)
        marker = "  <- dedup.THRESHOLD" if abs(threshold - dedup.THRESHOLD) < 1e-9 else ""
        print(f"{threshold:9.2f}  {result['precision']:9.3f}  {result['recall']:6.3f}  "
              + "  ".join(f"{result['rates'][k]:10.2f}" for k in kinds) + marker)
    print("(per kind: share of copies found, or of different stories wrongly folded)")

    texts = [second for _, _, second, _ in pairs]
    index = dedup.NearDuplicateIndex()
    start = time.perf_counter()
    for i, text in enumerate(texts):
        fp = dedup.fingerprint(text)
        if index.find(fp) is None:
            index.add(str(i), fp)
    elapsed = time.perf_counter() - start
    words = sum(len(dedup.words(t)) for t in texts)
    print(f"\nthroughput (signature + look-up + insert, one core): {len(texts) / elapsed:,.0f} documents/s, "
          f"{words / elapsed:,.0f} words/s")


if __name__ == "__main__":
    main()
