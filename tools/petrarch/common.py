"""Reading the PETRARCH-2 / TABARI dictionary syntax, shared by the converters beside this module.

The converters (``actors.py``, and ``verbs.py`` for the verb dictionary) turn the vendored
dictionaries in ``third_party/petrarch2/`` into the project's own tables. This module knows the
syntax the files share (see ``third_party/petrarch2/dictionaries.rst``) and nothing about what
the project does with it:

- comments: everything after ``#`` (and, in the older entries, after ``;``);
- phrases: words joined by ``_`` (consecutive words) or blanks; a trailing ``_`` means "a whole
  word" (no plural or stem may follow); all upper case (:func:`display_case` recovers a
  readable case, the coder matches case-insensitively);
- ``+`` lines: synonyms of the entry above;
- codes in brackets, ``[KHMGOV]``, with an optional date restriction: ``[KHMGOV 930921-981130]``
  (a range, both ends included), ``[USAGOV >050911]`` (from that day), ``[X <050911]`` (until
  that day); ``[---]`` is "do not code". Dates are ``YYMMDD`` (years 00-30 are 20YY, others
  19YY, as in PETRARCH) or ``YYYYMMDD``;
- actor records: a primary phrase (maybe with codes on its line), ``+`` synonyms, then lines
  that start with a tab holding codes. A primary phrase with no code of its own shares the codes
  of the record that follows it, as PETRARCH reads it.

Everything carries the line number it came from, so that derived rows can say where they came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

ROOT = Path(__file__).resolve().parents[2]
DICTIONARIES = ROOT / "third_party" / "petrarch2"

CODE_GROUP = re.compile(r"\[([^\]]*)\]")
NULL_CODE = "---"


class DictionaryError(ValueError):
    """A dictionary line the converters cannot read; the message names the file and line."""


def strip_comment(text: str) -> str:
    """The line without its comment (``#`` or ``;`` to the end) and trailing blanks."""
    for mark in ("#", ";"):
        cut = text.find(mark)
        if cut >= 0:
            text = text[:cut]
    return text.rstrip()


def comment_of(text: str) -> str:
    """The comment of a line ("" if none), for converters that read hints from it."""
    cut = text.find("#")
    return text[cut + 1:].strip() if cut >= 0 else ""


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without its newline) for every line of a dictionary file."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            yield number, line.rstrip("\r\n")


# ---------------------------------------------------------------------------- phrases and dates

def phrase_words(phrase: str) -> list[str]:
    """The words of a phrase: "SALI_BERISHA_" -> ["SALI", "BERISHA"]."""
    return [w for w in re.split(r"[_\s]+", phrase.strip()) if w]


def whole_word(phrase: str) -> bool:
    """A trailing ``_`` asks for a whole word (no stem or plural may follow)."""
    return phrase.rstrip().endswith("_")


SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "del", "la", "le", "du", "des", "da",
                         "do", "dos", "van", "von", "der", "den", "y", "e", "et", "al", "el", "bin", "bint",
                         "ibn", "to", "at", "a", "an"})


def display_case(words: list[str]) -> str:
    """A readable form of upper-case words: "SALI BERISHA" -> "Sali Berisha", "U.N." stays, a
    two-letter word ("US") and one short word alone or without vowels ("NATO", "UNHCR") stay upper
    case. Only for showing names: the coder compares names case-insensitively."""
    out = []
    for k, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        if k > 0 and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        elif "." in word or (len(letters) == 2 and word.isalpha()) or (
                len(words) == 1 and (len(letters) <= 4 or not set(word.lower()) & set("aeiouy"))):
            out.append(word)
        else:
            out.append(word.title() if word.isupper() else word)
    return " ".join(out)


def parse_date(text: str) -> Optional[date]:
    """``YYMMDD`` or ``YYYYMMDD`` as PETRARCH reads them; None for anything else."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return date(year, int(rest[:2]), int(rest[2:4]))
    except ValueError:
        return None


# ---------------------------------------------------------------------------- codes

@dataclass(frozen=True)
class CodeRestriction:
    """One bracketed code: the code and, when dated, the days it applies (both ends included)."""

    code: str
    first: Optional[date]  # None: no lower bound
    last: Optional[date]  # None: no upper bound
    dated: bool
    line: int


def parse_code_group(body: str, line: int) -> Optional[CodeRestriction]:
    """The inside of one ``[...]``: "KHMGOV 930921-981130", "USAGOV >050911", "AFGELI", "---".
    None when the date part cannot be read (PETRARCH skips such a line too)."""
    parts = body.split(None, 1)
    if not parts:
        return None
    code, rest = parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
    if not rest:
        return CodeRestriction(code, None, None, False, line)
    if rest[0] in "<>":
        day = parse_date(rest[1:])
        if day is None:
            return None
        return CodeRestriction(code, day, None, True, line) if rest[0] == ">" \
            else CodeRestriction(code, None, day, True, line)
    if "-" in rest:
        first, last = (parse_date(p) for p in rest.split("-", 1))
        if first is None or last is None or last < first:
            return None
        return CodeRestriction(code, first, last, True, line)
    return None


def code_groups(text: str, line: int) -> tuple[list[CodeRestriction], int]:
    """Every bracketed code of a line (comment removed), and how many could not be read."""
    found, bad = [], 0
    for body in CODE_GROUP.findall(strip_comment(text)):
        parsed = parse_code_group(body, line)
        if parsed is None:
            bad += 1
        else:
            found.append(parsed)
    return found, bad


# ---------------------------------------------------------------------------- actor records

@dataclass
class Phrase:
    text: str  # as written, without "+", codes and comment
    line: int


@dataclass
class ActorRecord:
    """A primary phrase, its synonyms, and the codes of all of them."""

    phrases: list[Phrase] = field(default_factory=list)
    codes: list[CodeRestriction] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    unreadable_codes: int = 0

    @property
    def line(self) -> int:
        return self.phrases[0].line


def read_actor_records(path: Path) -> Iterator[ActorRecord]:
    """The records of an ``.actors`` file, in file order (see the module docstring)."""
    record: Optional[ActorRecord] = None
    for number, raw in numbered_lines(path):
        body = strip_comment(raw)
        if not body.strip():
            continue
        if raw[:1] in ("\t", " ") and "[" in body:  # a code line of the record above
            if record is None:
                raise DictionaryError(f"{path.name}:{number}: codes before any phrase")
            codes, bad = code_groups(raw, number)
            record.codes += codes
            record.unreadable_codes += bad
            record.comments.append(comment_of(raw))
            continue
        text = body.split("[", 1)[0].strip()
        if body.lstrip().startswith("+"):
            if record is None:
                raise DictionaryError(f"{path.name}:{number}: a synonym before any phrase")
            # "+A_+B_" (two synonyms on one line) occurs; so do stray "+" inside a phrase.
            for part in text.lstrip()[1:].split("+"):
                if part.strip():
                    record.phrases.append(Phrase(part.strip(), number))
        else:
            if record is not None and record.codes:
                yield record
                record = None
            if record is None:
                record = ActorRecord()
            record.phrases.append(Phrase(text, number))
        codes, bad = code_groups(raw, number)
        record.codes += codes
        record.unreadable_codes += bad
        record.comments.append(comment_of(raw))
    if record is not None and record.phrases:
        yield record


def read_plain_entries(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, text without comment, comment) for each non-blank, non-comment line of a flat list
    (agents, discards)."""
    for number, raw in numbered_lines(path):
        body = strip_comment(raw)
        if body.strip():
            yield number, body.strip(), comment_of(raw)
