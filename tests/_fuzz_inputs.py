"""Generated hostile and unlucky input for tests/test_fuzz.py and benchmarks/fuzz.py.

``write_corpus(folder, seed, per_kind, good)`` writes a folder of JSONL, JSON, text and HTML
files in which good records (each with a sentence the coder codes) sit next to bad ones of
every kind the reliability issue found (deep JSON, huge integers, lone surrogates, Rich
markup, NUL bytes, bad UTF-8, bad or absurd dates, records that are not documents, texts over
spaCy's limit, runs without spaces), and returns what a correct reader must report: the ids
of the good documents and the number of bad records (one error line each). Seeded: the same
seed writes the same bytes.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

# Sentences of this project's own, each coded as one event (checked in test_fuzz).
SENTENCES = (
    "China accused Japan of violating the fishing agreement.",
    "India and Pakistan agreed to reopen the border crossing.",
    "Russian troops shelled the Ukrainian city of Kharkiv.",
    "Kenya protested to Uganda over the arrest of its fishermen.",
    "France sent aid to Mali after the floods.",
    "Germany condemned Iran for the executions.",
)
MARKUP = ("[/red]", "[bold]", "[link=http://x.example]x[/link]", "[/]", "[red", "]]", "[[/b]]")
ODD_TEXTS = (
    "\U0001F1EF\U0001F1F5" * 400,  # flags without spaces: the tokenizer's worst case
    "\u202eevil\u202c " * 50,  # right-to-left override
    "e\u0301" * 300,  # combining accents
    "\t\r\x0b\x0c" * 50,  # control whitespace
    "=HYPERLINK(\"http://evil.example\")",
    "a\u200b" * 300,  # zero-width spaces
    "\\u0000 and \\ud800 written out as text",
)

LINE_KINDS = ("deep_json", "huge_int", "nul_raw", "bad_utf8", "bad_date", "out_of_range_date",
              "not_a_record", "no_text", "bad_json", "huge_id")
FILE_KINDS = ("txt_nul", "txt_bad_utf8", "txt_bad_date_line", "txt_old_date_line", "txt_empty",
              "html_empty", "html_nul", "json_deep", "json_empty_list", "json_huge_int")
GOOD_KINDS = ("plain", "markup", "surrogate", "nul_escaped", "odd_text")


@dataclass
class Expected:
    good_ids: set[str] = field(default_factory=set)
    bad: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1


def _good_record(rng: random.Random, doc_id: str, kind: str) -> dict:
    sentence = f"{rng.choice(SENTENCES)} Report {doc_id}."  # unique: the store knows texts by hash
    record = {"id": doc_id, "text": sentence, "published": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}
    if kind == "markup":
        record["title"] = rng.choice(MARKUP)
        record["text"] = f"{rng.choice(MARKUP)} {sentence} {rng.choice(MARKUP)}"
    elif kind == "surrogate":
        record["text"] = f"{sentence} \ud800 and {chr(rng.randint(0xDC00, 0xDFFF))}"
    elif kind == "nul_escaped":
        record["text"] = f"{sentence}\x00 More\x00 text."
    elif kind == "odd_text":
        record["text"] = f"{sentence}\n\n{rng.choice(ODD_TEXTS)}"
    return record


def _bad_line(rng: random.Random, kind: str, doc_id: str) -> bytes:
    good = {"id": doc_id, "text": rng.choice(SENTENCES)}
    if kind == "deep_json":
        depth = rng.randint(250, 6000)
        return (json.dumps(good)[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}").encode()
    if kind == "huge_int":
        return (json.dumps(good)[:-1] + ', "n": ' + "9" * rng.randint(4301, 9000) + "}").encode()
    if kind == "nul_raw":
        raw = json.dumps(good).encode()
        at = rng.randint(1, len(raw) - 1)
        return raw[:at] + b"\x00" + raw[at:]
    if kind == "bad_utf8":
        raw = json.dumps(good).encode()
        at = rng.randint(1, len(raw) - 1)
        return raw[:at] + rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]) + raw[at:]
    if kind == "bad_date":
        value = rng.choice(["2020-02-30", "31/12/2021", "yesterday", 20200101, ["2020-01-01"], {"y": 2020},
                            True, 10 ** 200, "2020-13-01", *MARKUP])
        return json.dumps({**good, "published": value}).encode()
    if kind == "out_of_range_date":
        value = rng.choice(["0001-01-01", "9999-12-31", "1066-10-14", "1899-12-31", "2101-01-01", "2999-06-30"])
        return json.dumps({**good, "published": value}).encode()
    if kind == "not_a_record":
        return json.dumps(rng.choice([5, "text", [1, 2], None, True, 3.5])).encode()
    if kind == "no_text":
        record = dict(good)
        choice = rng.randint(0, 3)
        if choice == 0:
            del record["text"]
        else:
            record["text"] = [None, 123, "   \n\t "][choice - 1]
        return json.dumps(record).encode()
    if kind == "bad_json":
        raw = json.dumps(good)
        return rng.choice([raw[: rng.randint(1, len(raw) - 1)], raw + ",", "{'id': 'x'}", raw.replace(":", "", 1)]).encode()
    if kind == "huge_id":
        return json.dumps({**good, "id": "x" * rng.randint(501, 5000)}).encode()
    raise ValueError(kind)


def _bad_file(rng: random.Random, kind: str) -> tuple[str, bytes]:
    sentence = rng.choice(SENTENCES).encode()
    if kind == "txt_nul":
        return ".txt", b"Date: 2021-03-04\n" + sentence + b"\n\x00\n"
    if kind == "txt_bad_utf8":
        return ".txt", sentence + b"\n\xff\xfe bad bytes"
    if kind == "txt_bad_date_line":
        return ".txt", b"Date: 2021-02-31\n" + sentence
    if kind == "txt_old_date_line":
        return ".txt", b"Published: 0001-01-01\n" + sentence
    if kind == "txt_empty":
        return ".txt", rng.choice([b"", b"   \n\n", b"Date: 2021-03-04\n\n"])
    if kind == "html_empty":
        return ".html", rng.choice([b"", b"<html></html>", b"<p>  </p>", b"<html><head><title>x</title></head></html>"])
    if kind == "html_nul":
        return ".html", b"<p>" + sentence + b"</p>\x00"
    if kind == "json_deep":
        depth = rng.randint(250, 20000)
        return ".json", b"[" * depth + b"]" * depth
    if kind == "json_empty_list":
        return ".json", b"[]"
    if kind == "json_huge_int":
        return ".json", b'{"text": "x", "n": ' + b"7" * rng.randint(4301, 20000) + b"}"
    raise ValueError(kind)


def write_corpus(folder: Path, seed: int, per_kind: int, good: int, long_texts: int = 0) -> Expected:
    """Write the corpus into ``folder`` (created) and return what a reader must report."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    expected = Expected()
    lines: list[bytes] = []
    for n in range(good):
        kind = GOOD_KINDS[n % len(GOOD_KINDS)]
        doc_id = f"good-{n}-{kind}"
        lines.append(json.dumps(_good_record(rng, doc_id, kind)).encode())
        expected.good_ids.add(doc_id)
        expected.count(f"good:{kind}")
    for kind in LINE_KINDS:
        for n in range(per_kind):
            lines.append(_bad_line(rng, kind, f"bad-{kind}-{n}"))
            expected.bad += 1
            expected.count(kind)
    rng.shuffle(lines)
    # Several files, so that one folder holds many and a bad file sits between good ones.
    for number in range(0, len(lines), 500):
        (folder / f"feed-{number // 500:03d}.jsonl").write_bytes(b"\n".join(lines[number:number + 500]) + b"\n")
    for kind in FILE_KINDS:
        for n in range(max(1, per_kind // 10)):
            suffix, data = _bad_file(rng, kind)
            (folder / f"{kind}-{n:04d}{suffix}").write_bytes(data)
            expected.bad += 1
            expected.count(kind)
    for n in range(max(1, per_kind // 10)):
        # A page whose metadata holds markup or an absurd date: read without a date, and coded.
        value = rng.choice(["[/red]", "9999-12-31", "0001-01-01T00:00:00Z", "not a date", "[bold]2020"])
        sentence = f"{rng.choice(SENTENCES)} Report page-{n}."
        (folder / f"page-{n:04d}.html").write_text(
            f'<html><head><title>{rng.choice(MARKUP)}</title><meta property="article:published_time" '
            f'content="{value}"></head><body><p>{sentence}</p></body></html>', encoding="utf-8")
        expected.good_ids.add(f"page-{n:04d}")
        expected.count("good:html")
    for n in range(long_texts):
        # Over spaCy's 1,000,000 characters: coded in chunks, never refused.
        run = "".join(rng.choice("abcdefgh") for _ in range(rng.randint(210, 400))) + " "
        filler = run * (1_000_000 // len(run) + 1)
        # English first: the language filter reads the first 4,000 characters.
        lead = "\n\n".join(SENTENCES[k % len(SENTENCES)] for k in range(80))
        text = lead + "\n\n" + filler + "\n\n" + rng.choice(SENTENCES)
        (folder / f"long-{n}.txt").write_text("Date: 2022-05-06\n" + text, encoding="utf-8")
        expected.good_ids.add(f"long-{n}")
        expected.count("good:long_text")
    return expected
