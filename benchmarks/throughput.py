"""Coder throughput: spaCy alone vs the full coder, and where the coder's own time goes.

    .venv/bin/python benchmarks/throughput.py [--words 50000] [--workers 1 2] [FILES...]

Text: the bundled sample articles (src/communique/samples/) or, when FILES are given or the
samples are missing, those .txt/.jsonl/.json/.html files; replicated until the corpus holds
at least --words words (each copy gets its own id). Prints, on the same text:

- words/s of spaCy's pipeline alone (nlp.pipe, the batch size the coder uses);
- words/s of the full coder (communique.pipeline.code_documents) for each --workers value
  (worker runs include starting the processes and loading the model in each);
- coder/spaCy for 1 worker (target >= 0.8: the coding stages should cost little next to
  parsing), by the wall clock and by the process's CPU time; the machines are shared, so the
  CPU-time ratio (median over --rounds, spaCy and coder timed alternately) is the steady one;
- the time in each coding stage (find_actors, extract_events, assign_dates,
  assign_locations), CPU time around each call over already-parsed docs;
- the core count and the Python and spaCy versions.
Plain figures; no asserts.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique.model import Document  # noqa: E402

SAMPLES = ROOT / "src" / "communique" / "samples"
STAGES = ("find_actors", "extract_events", "assign_dates", "assign_locations")


def load_stages():
    """The four coding stages, or exit with a message naming the one that does not import."""
    stages = {}
    for module, name in (("actors", "find_actors"), ("events", "extract_events"),
                         ("dates", "assign_dates"), ("places", "assign_locations")):
        try:
            mod = __import__(f"communique.{module}", fromlist=[name])
            stages[name] = getattr(mod, name)
        except Exception as exc:  # any failure here means the pipeline cannot run
            sys.exit(f"cannot benchmark: communique.{module}.{name} does not import "
                     f"({type(exc).__name__}: {exc})")
    return stages


def read_corpus(files: list[str], min_words: int) -> list[Document]:
    from communique.ingest import read_documents

    inputs = files or ([str(SAMPLES)] if SAMPLES.is_dir() else [])
    if not inputs:
        sys.exit("no text: the bundled samples are missing; give .txt/.jsonl files")
    base = [d for d in read_documents(inputs) if isinstance(d, Document)]
    if not base:
        sys.exit(f"no readable documents in {inputs}")
    corpus, copy = [], 0
    while sum(len(d.text.split()) for d in corpus) < min_words:
        copy += 1
        corpus.extend(dataclasses.replace(d, id=f"{d.id}-copy{copy}") for d in base)
    return corpus


def words_in(documents: list[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


def time_spacy(nlp, documents) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of spaCy's pipeline alone."""
    from communique.pipeline import BATCH_SIZE

    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((d.text for d in documents), batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def time_coder(documents, workers: int) -> tuple[float, int, int, float]:
    """(wall seconds, events, errors, CPU seconds of this process: meaningful for 1 worker)."""
    from communique.pipeline import code_documents

    events = errors = 0
    start, cpu = time.perf_counter(), time.process_time()
    for _, result in code_documents(documents, workers=workers):
        if isinstance(result, list):
            events += len(result)
        else:
            errors += 1
    return time.perf_counter() - start, events, errors, time.process_time() - cpu


def time_stages(nlp, stages, documents) -> dict[str, float]:
    """Seconds per stage over docs parsed beforehand (parsing is not counted here)."""
    from communique.pipeline import BATCH_SIZE

    parsed = list(zip(documents, nlp.pipe((d.text for d in documents), batch_size=BATCH_SIZE)))
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    for document, sdoc in parsed:
        t0 = clock()
        mentions = stages["find_actors"](sdoc, document)
        t1 = clock()
        events = stages["extract_events"](sdoc, mentions, document)
        t2 = clock()
        stages["assign_dates"](events, sdoc, document)
        t3 = clock()
        stages["assign_locations"](events, sdoc, document)
        t4 = clock()
        spent["find_actors"] += t1 - t0
        spent["extract_events"] += t2 - t1
        spent["assign_dates"] += t3 - t2
        spent["assign_locations"] += t4 - t3
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help=".txt/.jsonl/.json/.html files (default: bundled samples)")
    parser.add_argument("--words", type=int, default=50_000, help="minimum corpus size in words")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to time")
    parser.add_argument("--rounds", type=int, default=3, help="alternate spaCy and 1-worker coder runs this often")
    args = parser.parse_args()

    import spacy

    from communique.nlp import load_model
    from communique.pipeline import code_document

    stages = load_stages()
    documents = read_corpus(args.files, args.words)
    n_words = words_in(documents)
    nlp = load_model()
    code_document(documents[0])  # warm up: model, gazetteer and lexicons load once, untimed

    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"spaCy {spacy.__version__}, model {nlp.meta.get('name')} {nlp.meta.get('version')}")
    print(f"corpus: {len(documents)} documents, {n_words} words")

    ratios_cpu, ratios_wall = [], []
    for _ in range(max(1, args.rounds)):
        spacy_s, spacy_cpu = time_spacy(nlp, documents)
        coder_s, _events, _errors, coder_cpu = time_coder(documents, 1)
        ratios_wall.append(spacy_s / coder_s)
        ratios_cpu.append(spacy_cpu / coder_cpu)
    print(f"spaCy alone (nlp.pipe):      {n_words / spacy_s:10.0f} words/s  ({spacy_s:.2f} s)")
    for workers in args.workers:
        seconds, events, errors, _cpu = time_coder(documents, workers)
        rate = n_words / seconds
        print(f"coder, {workers} worker{'s' if workers > 1 else ' '}:            {rate:10.0f} words/s  "
              f"({seconds:.2f} s, {events} events, {errors} errors)")
    def fmt(values):
        return ", ".join(f"{v:.2f}" for v in values)
    print(f"coder/spaCy, 1 worker, CPU time:   {statistics.median(ratios_cpu):5.2f} median of {fmt(ratios_cpu)}"
          "  (target >= 0.8)")
    print(f"coder/spaCy, 1 worker, wall clock: {statistics.median(ratios_wall):5.2f} median of {fmt(ratios_wall)}")

    spent = time_stages(nlp, stages, documents)
    total = sum(spent.values())
    print("coding stages over parsed docs (parse excluded):")
    for name in STAGES:
        share = spent[name] / total if total else 0.0
        print(f"  {name:18s} {spent[name]:8.3f} s  {share:6.1%}  "
              f"{1000 * spent[name] / len(documents):7.3f} ms/doc")
    print(f"  {'all stages':18s} {total:8.3f} s  = {total / spacy_cpu:.1%} of the spaCy parse time (CPU)")


if __name__ == "__main__":
    main()
