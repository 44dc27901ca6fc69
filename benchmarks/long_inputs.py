"""Coding time and memory on the inputs that grew with the square of their size.

    .venv/bin/python benchmarks/long_inputs.py [--src PATH] [--only NAME ...]

Writes each input as a file (text of this project's own) and runs `communique code FILE`
on it in a child process, printing the child's CPU seconds, wall seconds and peak memory,
with the core count. The inputs (sizes of the reliability issue's probe):

- paragraphs-1000 / paragraphs-4000: short paragraphs, each a sentence naming places;
- repeated-sentence-5000: one sentence 5,000 times in one paragraph;
- flags-80KB: 20,000 regional-indicator characters (10,000 flag emoji) without a space;
- page-800KB: an HTML page of 100,000 ``<p>a</p>``;
- article-140000-words: one article of 140,000 words in paragraphs of four sentences.

``--src`` runs another checkout's ``src`` (for a before/after comparison on one machine).
Plain figures; no asserts (tests/test_pipeline.py asserts the growth on smaller inputs).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = (
    "China accused Japan of violating the fishing agreement in Tokyo on Tuesday.",
    "Ministers of India and Nepal met in Kathmandu to discuss the border.",
    "Russian troops shelled the Ukrainian city of Kharkiv, officials said.",
    "The United Nations called on both sides to open the crossing near Rafah.",
)


def _inputs() -> dict[str, tuple[str, str]]:
    """name -> (file suffix, content)."""
    words_per_sentence = sum(len(s.split()) for s in SENTENCES) / len(SENTENCES)
    article_sentences = int(140_000 / words_per_sentence)
    article = "\n\n".join(" ".join(SENTENCES[(i + j) % 4] for j in range(4)) for i in range(0, article_sentences, 4))
    return {
        "paragraphs-1000": (".txt", "Date: 2024-03-14\n" + "\n\n".join(SENTENCES[i % 4] for i in range(1000))),
        "paragraphs-4000": (".txt", "Date: 2024-03-14\n" + "\n\n".join(SENTENCES[i % 4] for i in range(4000))),
        "repeated-sentence-5000": (".txt", "Date: 2024-03-14\n" + " ".join([SENTENCES[0]] * 5000)),
        "flags-80KB": (".txt", "Date: 2024-03-14\n" + "".join(
            chr(0x1F1E6 + (i * 7 + i // 26) % 26) for i in range(20_000))),
        "page-800KB": (".html", "<html><body>" + "<p>a</p>" * 100_000 + "</body></html>"),
        "article-140000-words": (".txt", "Date: 2024-03-14\n" + article),
    }


def run(path: Path, src: Path) -> tuple[int, float, float, int, str]:
    """exit status, CPU s, wall s, peak MB and the last stderr line of `communique code path`."""
    start = time.perf_counter()
    with open(path.with_suffix(".err"), "w") as err:
        child = subprocess.Popen([sys.executable, "-m", "communique.cli", "code", str(path), "-o", os.devnull],
                                 stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, "PYTHONPATH": str(src)})
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    last = (path.with_suffix(".err").read_text("utf-8").strip().splitlines() or [""])[-1]
    return child.returncode, usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src folder to run")
    parser.add_argument("--only", nargs="*", help="names of the inputs to run (default: all)")
    args = parser.parse_args()
    inputs = _inputs()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, src {args.src}")
    print(f"{'input':24} {'size':>9} {'CPU s':>7} {'wall s':>7} {'peak MB':>8}  result")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (suffix, content) in inputs.items():
            if args.only and name not in args.only:
                continue
            path = Path(tmp) / f"{name}{suffix}"
            path.write_text(content, encoding="utf-8")
            code, cpu, wall, peak, last = run(path, args.src)
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            print(f"{name:24} {size:>9} {cpu:7.1f} {wall:7.1f} {peak:8,}  exit {code}: {last}", flush=True)


if __name__ == "__main__":
    main()
