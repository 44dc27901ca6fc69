"""Convert PETRARCH-2's CAMEO verb dictionary into the project's trigger table.

    python tools/petrarch/verbs.py                  # writes src/communique/events/data/petrarch_verbs.tsv
    python tools/petrarch/verbs.py --check          # exit 1 if the committed table differs

Input: ``third_party/petrarch2/CAMEO.2.0.txt`` (MIT, Open Event Data Alliance). Output: rows in the
format of ``events/data/triggers.tsv`` (pattern, pos, when, cameo, plover, mode, note); the note of
every row names its source line (``CAMEO.2.0.txt:1234``) and the verb block it came from.

How the dictionary's syntax becomes ours (PETRARCH wrote its patterns for a phrase-structure
parse; ours are conditions on a dependency parse):

* a verb line (``ASK [020]``, ``+ASK_FOR [020]``) gives a VERB row on its lemma with the verb's
  own code, else the block's; a block or verb coded ``---`` gives no bare row. The other words of
  a multi-word verb (``ask for``, ``beef up``) become pattern words, which must sit next to the
  verb in the parse. Words before the ``+`` verb (``WIRE_+TAP``) are dropped with the row.
* a pattern (``- [subject] * [object] (PREP noun) [CODE]``) gives one row per verb of its block:
  the object's head noun becomes ``obj=``, its other words pattern words; ``(PREP noun)``
  becomes ``prep=`` and ``pobj=``; a noun before ``*`` becomes ``subj=``; ``&SYNSET`` becomes all
  head words of the synset. ``$ + % ^`` (PETRARCH's source/target markers) are dropped.
* ``[A:B]`` codes take A (the code read from source to target); a row with no A is dropped.
  A pattern coded ``---`` becomes a blocking row (``plover`` none) when its verb has a code of
  its own, so that the verb is not coded in that context.
* codes without a PLOVER category (statements, 01x) are dropped; the rest take their PLOVER
  category from ``data/cameo.tsv`` through the loader, so the table names only CAMEO codes.
* kept by measurement: only rows whose sense an object decides (``obj=`` or ``pobj=``). A bare verb
  ("allow", "seek", "provide") or a verb with only a subject or a preposition says too little:
  on the development sets (GSR dev, PLV dev, the project's article sets) bare-verb rows gave 9
  right events and 136 wrong ones, rows with an object 69 right and 79 wrong (see the README's
  accuracy table). Blocking rows (``---``) only served to silence bare verbs, so they go too.
  Of the rows with an object, only those of the categories where at least half of their events
  were right on the development sets are kept (``MEASURED_CATEGORIES``): the CAMEO patterns of
  appeals, promises, cooperation, support, sanctions, coercion and deployments mostly named
  intentions and procedures, not events between the parties.

The hand-written triggers win over these rows (see ``events/lexicon.py``): a row here is
consulted only where no hand-written entry for the word fits.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "third_party" / "petrarch2" / "CAMEO.2.0.txt"
TARGET = ROOT / "src" / "communique" / "events" / "data" / "petrarch_verbs.tsv"
CAMEO_TABLE = ROOT / "src" / "communique" / "data" / "cameo.tsv"

MARKERS = {"$", "+", "%", "^"}
# PLOVER categories whose object-fixed rows were right at least half the time on the development sets
# (right / wrong events: ASSAULT 17/3, THREATEN 9/2, ACCUSE 8/5, CONSULT 7/2, RETREAT 7/1, AID 4/2,
# PROTEST 4/2, REJECT 2/2, CONCEDE 2/1; dropped: COERCE 5/7, AGREE 3/16, SUPPORT 2/6, REQUEST 1/18,
# MOBILIZE 1/3, COOPERATE 0/7, SANCTION 0/6).
MEASURED_CATEGORIES = frozenset({"ASSAULT", "THREATEN", "ACCUSE", "CONSULT", "RETREAT", "AID", "PROTEST",
                                 "REJECT", "CONCEDE"})
HEADER = """# CAMEO verb patterns of PETRARCH-2 (third_party/petrarch2/CAMEO.2.0.txt, MIT, Open Event Data Alliance),
# converted by tools/petrarch/verbs.py: do not edit by hand, edit the converter and run it again.
# Same columns as triggers.tsv; the note names the source line and the PETRARCH verb block.
# Consulted only where no hand-written trigger for the word fits (events/lexicon.py).
pattern\tpos\twhen\tcameo\tplover\tmode\tnote
"""


@dataclass
class Verb:
    words: list[str]  # lemmas, lower case
    anchor: int
    code: str | None
    line: int


@dataclass
class Block:
    name: str
    code: str | None
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[int, str, str | None]] = field(default_factory=list)  # (line, text, code)


def _code(text: str) -> str | None:
    """``[042:043]`` -> 042; ``[---]`` and ``[:190]`` -> None."""
    text = text.strip().strip("[]").strip()
    first = text.split(":")[0].strip()
    if not first or first.startswith("-"):
        return None
    return first


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_synsets(lines: list[str]) -> dict[str, list[list[str]]]:
    """``&NAME`` -> its phrases (each a list of lower-case words; plurals are left to the lemmatiser)."""
    synsets: dict[str, list[list[str]]] = {}
    current = None
    for raw in lines:
        if raw.startswith("####### VERB PATTERNS"):  # (a "#" line: look before comments are cut)
            break
        line = _strip_comment(raw).strip()
        if not line:
            continue
        if line.startswith("&"):
            current = line.split()[0].rstrip("_").upper()
            synsets[current] = []
        elif line.startswith("+") and current:
            phrase = line[1:].strip().rstrip("_").lower()
            if phrase:
                synsets[current].append([w for w in phrase.replace("_", " ").split() if w])
    return synsets


def read_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    in_verbs = False
    for number, raw in enumerate(lines, start=1):
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs:
            continue
        if raw.startswith("---"):
            m = re.match(r"---\s+(.*?)\s+(\[[^\]]*\])\s+---", raw)
            if m:
                blocks.append(Block(m.group(1).strip(), _code(m.group(2)), number))
            continue
        line = _strip_comment(raw).strip()
        if not line or not blocks or line.startswith("~"):
            continue
        block = blocks[-1]
        if line.startswith("-"):
            m = re.match(r"-\s*(.*?)\s*(\[[^\]]*\])\s*$", line)
            if m:
                block.patterns.append((number, m.group(1), _code(m.group(2))))
            continue
        verb = _verb(line, number)
        if verb is not None:
            block.verbs.append(verb)
    return blocks


def _verb(line: str, number: int) -> Verb | None:
    code_match = re.search(r"\[([^\]]*)\]", line)
    code = _code(code_match.group(0)) if code_match else None
    has_own_code = code_match is not None
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
    if not head:
        return None
    parts = head[0].split("_")
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    anchor = marked[0] if marked else 0
    if anchor > 0:
        return None  # words before the verb ("wire-tap"): a dependency parse sees a compound noun
    words = [p.lstrip("+").lower() for p in parts if p.strip("+")]
    if not words or not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
        return None
    return Verb(words, 0, code if has_own_code else "INHERIT", number)


def _tokens(text: str) -> list[str]:
    """Pattern text split into items: words, ``*``, ``{phrase}``, ``(PREP ...)``, ``&SYNSET``."""
    return re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", text)


def _heads(item: str, synsets: dict[str, list[list[str]]]) -> tuple[list[str], list[str]] | None:
    """(head lemmas, modifier words) of a noun item: WORD, {A B}, &SYNSET; None if unusable."""
    if item.startswith("&"):
        phrases = synsets.get(item.rstrip("_").upper())
        if not phrases:
            return None
        return sorted({p[-1] for p in phrases if p and re.fullmatch(r"[a-z0-9][a-z0-9'/.-]*", p[-1])}), []
    words = [w.lower() for w in item.strip("{}").replace("_", " ").split() if w not in MARKERS]
    if any(not re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
        # A synset or odd token inside a phrase ("{&MILITARY SUPPORT}") narrows the head word; dropping
        # it would leave the bare head ("support") with the narrow phrase's code (military aid).
        return None
    if not words:
        return None
    return [words[-1]], words[:-1]


def pattern_conditions(text: str, synsets: dict[str, list[list[str]]]) -> tuple[list[str], list[str]] | None:
    """(extra pattern words, conditions) of a pattern's text; None when it cannot be expressed."""
    items = [t for t in _tokens(text) if t not in MARKERS]
    if "*" not in items:
        return None
    star = items.index("*")
    words: list[str] = []
    conditions: list[str] = []
    objects: list[str] = []
    for i, item in enumerate(items):
        if item == "*":
            continue
        if item.startswith("("):
            inner = [t for t in _tokens(item[1:-1]) if t not in MARKERS]
            if not inner or not re.fullmatch(r"[A-Za-z]+", inner[0]):
                return None
            conditions.append(f"prep={inner[0].lower()}")
            if len(inner) > 1:
                heads = _heads(inner[1], synsets)
                if heads is None:
                    return None
                conditions.append("pobj=" + "|".join(heads[0]))
            continue
        heads = _heads(item, synsets)
        if heads is None:
            return None
        if i < star:
            conditions.append("subj=" + "|".join(heads[0]))
        else:
            objects.append("|".join(heads[0]))
            words.extend(heads[1])
    if objects:
        # Several bare nouns after the verb ("* POLICE BORDER") are one object phrase: the first is its head.
        conditions.insert(0, "obj=" + objects[0])
        words.extend(o for o in objects[1:] if "|" not in o)
    return words, conditions


def known_codes() -> dict[str, str]:
    """CAMEO codes of the project's table and their PLOVER category ("" for none)."""
    codes = {}
    for line in CAMEO_TABLE.read_text("utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        fields = line.split("\t")
        codes[fields[0]] = fields[1].strip()
    return codes


def convert(source: Path = SOURCE) -> tuple[list[str], dict[str, int]]:
    """The table's rows (without header) and counts of what was dropped and why."""
    lines = source.read_text("latin-1").splitlines()
    synsets = read_synsets(lines)
    codes = known_codes()
    dropped: dict[str, int] = {}
    rows: list[str] = []
    seen: set[tuple] = set()

    def drop(reason: str) -> None:
        dropped[reason] = dropped.get(reason, 0) + 1

    def emit(words: list[str], anchor: int, when: list[str], code: str | None, line: int, block: Block,
             blocking: bool = False) -> None:
        if code is None:
            drop("no code")
            return
        if code not in codes:
            drop("code not in cameo.tsv")
            return
        if not codes[code] and not blocking:
            drop("no PLOVER category (statements)")
            return
        if blocking:
            drop("blocking row (no bare verb rows to block)")
            return
        if not any(c.startswith(("obj=", "pobj=")) for c in when):
            drop("sense not fixed by an object (bare verb, subject or preposition only)")
            return
        if codes[code] not in MEASURED_CATEGORIES:
            drop(f"category {codes[code]} measured mostly wrong")
            return
        if code.startswith("19") and (block.code or "").startswith("05"):
            # "troops backed by helicopters": air cover for the side backed, not an attack on it
            drop("attack code on a verb of support (air cover for the side backed)")
            return
        pattern = " ".join(("*" + w if i == anchor and anchor != 0 else w) for i, w in enumerate(words))
        key = (pattern, tuple(when))
        if key in seen:
            drop("same pattern and conditions as an earlier row")
            return
        seen.add(key)
        plover = "none" if blocking else ""
        rows.append("\t".join([pattern, "VERB", "; ".join(when), code, plover, "",
                               f"{source.name}:{line} {block.name.lower()}"]))

    for block in blocks_of(lines):
        for verb in block.verbs:
            own = block.code if verb.code == "INHERIT" else verb.code
            if own is not None:
                emit(verb.words, verb.anchor, [], own, verb.line, block)
        for line, text, code in block.patterns:
            parsed = pattern_conditions(text, synsets)
            if parsed is None:
                drop("pattern not expressible")
                continue
            extra, when = parsed
            if not when and not extra:
                drop("pattern without words")
                continue
            for verb in block.verbs:
                own = block.code if verb.code == "INHERIT" else verb.code
                blocking = code is None
                if blocking and own is None:
                    continue  # nothing to block
                emit(verb.words + extra, verb.anchor, when, own if blocking else code, line, block,
                     blocking=blocking)
    return rows, dropped


def blocks_of(lines: list[str]) -> list[Block]:
    return read_blocks(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed table, write nothing")
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args()
    rows, dropped = convert(args.source)
    text = HEADER + "\n".join(rows) + "\n"
    if args.check:
        same = args.output.exists() and args.output.read_text("utf-8") == text
        print(f"{args.output}: {'up to date' if same else 'differs from the converter output'}")
        return 0 if same else 1
    args.output.write_text(text, "utf-8")
    print(f"{len(rows)} rows written to {args.output}", file=sys.stderr)
    for reason, n in sorted(dropped.items(), key=lambda kv: -kv[1]):
        print(f"  dropped {n:5d}: {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
