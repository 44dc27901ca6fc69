"""Hostile input at scale: 10,000 generated inputs through `communique code` and `ingest`.

    .venv/bin/python benchmarks/fuzz.py [--seed 7] [--inputs 10000] [--long 3] [--db URL]

Writes a folder with the generator of tests/test_fuzz.py (tests/_fuzz_inputs.py): good
records of this project's own sentences next to bad records of every kind the reliability
issue found (deep JSON, huge integers, NUL bytes, bad UTF-8, bad and absurd dates, records
that are not documents, huge ids, and bad .txt, .html and .json files), plus --long texts
over spaCy's 1,000,000 characters. Runs the real command line in a child process (stderr
is a pipe, not a terminal) and prints, for `code` and for `ingest` (into a new DuckDB file,
or --db):

- inputs by kind, error lines expected and printed, lines of traceback printed (must be 0);
- good documents coded or stored against those expected (must be equal);
- wall and CPU seconds and the peak memory of the child, with the core count.
Plain figures; no asserts (tests/test_fuzz.py asserts on a smaller run).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from _fuzz_inputs import FILE_KINDS, LINE_KINDS, write_corpus  # noqa: E402


def run_cli(args: list[str], logs: Path) -> tuple[int, str, float, float, int]:
    """The command line in a child process: exit status, stderr, wall s, CPU s, peak memory (MB)."""
    start = time.perf_counter()
    with open(logs / "stdout", "w") as out, open(logs / "stderr", "w") as err:
        child = subprocess.Popen([sys.executable, "-m", "communique.cli", *args], stdout=out, stderr=err,
                                 env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return (child.returncode, (logs / "stderr").read_text("utf-8"), wall,
            usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--inputs", type=int, default=10_000, help="records and files in all (about)")
    parser.add_argument("--long", type=int, default=3, help="texts over 1,000,000 characters")
    parser.add_argument("--db", default=None, help="store for the ingest run (default: a new DuckDB file)")
    args = parser.parse_args()

    # Of every 100 inputs: 8 bad lines of each of the 10 line kinds, 0.8 bad files of each of
    # the 10 file kinds, 12 good records.
    per_kind = max(10, round(args.inputs * 0.08))
    good = max(10, args.inputs - per_kind * len(LINE_KINDS) - (per_kind // 10) * len(FILE_KINDS))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inputs"
        expected = write_corpus(folder, args.seed, per_kind, good, long_texts=args.long)
        total = sum(expected.by_kind.values())
        print(f"{total:,} inputs (seed {args.seed}) on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        print("  " + ", ".join(f"{kind} {n}" for kind, n in sorted(expected.by_kind.items())))
        print(f"  expected: {len(expected.good_ids):,} good documents, {expected.bad:,} error lines")
        out = Path(tmp) / "events.jsonl"
        db = args.db or str(Path(tmp) / "fuzz.duckdb")
        for name, cli in (("code", ["code", str(folder), "-o", str(out)]),
                          ("ingest", ["ingest", str(folder), "--db", db])):
            code, stderr, wall, cpu, peak = run_cli(cli, Path(tmp))
            lines = stderr.splitlines()
            errors = sum(1 for line in lines if line.startswith("error "))
            traceback = sum(1 for line in lines if "Traceback" in line)
            if name == "code":
                good_done = len({json.loads(line)["doc"] for line in out.read_text("utf-8").splitlines()}
                                & expected.good_ids)
            else:
                sys.path.insert(0, str(ROOT / "src"))
                from communique.store import open_store

                with open_store(db) as store:
                    # stored as documents, or as copies of their first report (near-duplicates)
                    stored = store.select("SELECT id FROM documents UNION SELECT id FROM document_copies")
                    good_done = len({r["id"] for r in stored} & expected.good_ids)
            print(f"{name:7} exit {code}; tracebacks {traceback}; error lines {errors:,} "
                  f"(expected {expected.bad:,}); good documents {good_done:,} of {len(expected.good_ids):,}; "
                  f"{wall:.1f} s wall, {cpu:.1f} s CPU, peak {peak:,} MB")
            if traceback:
                print("\n".join(lines[-20:]))


if __name__ == "__main__":
    main()
