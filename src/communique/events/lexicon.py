"""The trigger lexicon, read once from ``events/data/`` and validated.

A ``TriggerEntry`` says which words (lemmas, with the part of speech of the anchor word and
conditions on its dependents) express which CAMEO code. Errors name the file and line. The word
classes that conditions name (``@restriction``) are shared with the actors stage and read by
:mod:`communique.knowledge.words`; ``word_class`` and ``word_classes`` are re-exported here for
the events stage's modules.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ..knowledge.tables import read_table
from ..knowledge.words import word_class, word_classes  # noqa: F401 (re-exported for the events stage)
from ..model import PLOVER_CATEGORIES
from ..ontology import UnknownCameoCode, cameo

POS_VALUES = ("VERB", "NOUN", "ADJ", "AUX")
NEEDS = frozenset({"recipient", "speaker"})  # what an entry's event cannot do without (needs=)
CONDITION_KEYS = ("prep", "obj", "pobj", "mod", "xcomp", "head", "subj", "pred", "aux", "that", "neg", "needs")
# What the object, complement or modifier says narrows a sense more than a preposition does
# ("withdraw inspectors" is SANCTION before "withdraw from" is RETREAT).
CONDITION_WEIGHT = {"obj": 2, "xcomp": 2, "mod": 2, "pobj": 2, "head": 2, "subj": 2, "pred": 2, "aux": 1, "that": 2, "neg": 2, "prep": 1,
                    "needs": 0}
DATA_DIR = Path(__file__).parent / "data"
NO_EVENT = "none"  # plover value of a blocking entry: claims its words, emits nothing
# The trigger tables, in the order they are consulted: hand-written rows win over imported ones.
TIER_FILES = ("triggers.tsv", "petrarch_verbs.tsv")


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class Condition:
    key: str
    values: frozenset[str]  # lemmas; "*" any; "@actor" an actor mention
    negated: bool = False


@dataclass(frozen=True)
class TriggerEntry:
    words: tuple[str, ...]  # lemmas, lower case
    anchor: int  # index in words of the word the event hangs on
    pos: str
    conditions: tuple[Condition, ...]
    cameo: str
    plover: str  # PLOVER category, or NO_EVENT
    mode: str | None
    context: tuple[str, ...]
    line: int
    note: str = ""
    tier: int = 0  # 0: hand-written (triggers.tsv); 1: imported (petrarch_verbs.tsv), consulted after

    @property
    def source(self) -> str:
        return f"events/data/{TIER_FILES[self.tier]} line {self.line}"

    @property
    def anchor_lemma(self) -> str:
        return self.words[self.anchor]

    @cached_property
    def others(self) -> tuple[str, ...]:
        return self.words[: self.anchor] + self.words[self.anchor + 1:]

    @cached_property
    def specificity(self) -> int:
        # Several words beat one word with a condition: "strike deal" beats "strike" + any object.
        # An exclusion ("!obj=...") narrows what an entry accepts without saying more about the
        # sentence, so it never lets an entry outrank a longer phrase or a positive condition.
        return 2 * len(self.words) + sum(CONDITION_WEIGHT.get(c.key, 1) for c in self.conditions if not c.negated)

    @cached_property
    def breadth(self) -> int:
        """How many words the conditions accept: fewer is narrower."""
        return sum(10_000 if "*" in c.values else len(c.values) for c in self.conditions if not c.negated)

    def condition(self, key: str) -> Condition | None:
        return next((c for c in self.conditions if c.key == key and not c.negated), None)

    @property
    def needs_recipient(self) -> bool:
        c = self.condition("needs")
        return bool(c and "recipient" in c.values)

    @property
    def alleged(self) -> bool:
        """``needs=speaker``: the act is what a speaker alleges of the clause's subject ("said the jets had
        violated its airspace"): the speaker accuses the subject; told by no speaker, no event."""
        c = self.condition("needs")
        return bool(c and "speaker" in c.values)


def _rows(name: str):
    """(line number, fields) of a TSV file, skipping comments, blank lines and the header."""
    for row in read_table(DATA_DIR / name, label=f"events/data/{name}", error=LexiconError):
        yield row.line, list(row.fields)


def _parse_condition(text: str, where: str) -> Condition:
    negated = text.startswith("!")
    if negated:
        text = text[1:]
    key, _, raw = text.partition("=")
    key = key.strip()
    if key not in CONDITION_KEYS:
        raise LexiconError(f"{where}: unknown condition {key!r} (known: {', '.join(CONDITION_KEYS)})")
    if key == "neg":
        return Condition("neg", frozenset(), negated)
    if not raw:
        raise LexiconError(f"{where}: condition {key!r} needs values (key=a|b|@class)")
    values: set[str] = set()
    for value in raw.split("|"):
        value = value.strip().lower()
        if value.startswith("@") and value != "@actor":
            name = value[1:]
            if name not in word_classes():
                raise LexiconError(f"{where}: unknown word class {value!r} (see data/word_classes.tsv)")
            values |= word_classes()[name]
        elif value:
            values.add(value)
    if key == "needs" and not values <= NEEDS:
        raise LexiconError(f"{where}: needs= takes {' or '.join(sorted(NEEDS))}, not {raw!r}")
    return Condition(key, frozenset(values), negated)


def _parse_entry(lineno: int, fields: list[str], tier: int = 0) -> TriggerEntry:
    where = f"events/data/{TIER_FILES[tier]} line {lineno}"
    if len(fields) != 7:
        raise LexiconError(f"{where}: expected 7 tab-separated columns, found {len(fields)}")
    pattern, pos, when, code, plover, mode, note = (f.strip() for f in fields)
    words = pattern.lower().split()
    if not words:
        raise LexiconError(f"{where}: empty pattern")
    if pos not in POS_VALUES:
        raise LexiconError(f"{where}: pos must be one of {', '.join(POS_VALUES)}, not {pos!r}")
    marked = [i for i, w in enumerate(words) if w.startswith("*")]
    if len(marked) > 1:
        raise LexiconError(f"{where}: more than one anchor marked with '*'")
    words = [w.lstrip("*") for w in words]
    anchor = marked[0] if marked else (len(words) - 1 if pos == "NOUN" else 0)
    conditions = tuple(_parse_condition(c.strip(), where) for c in when.split(";") if c.strip())
    try:
        row = cameo(code)
    except UnknownCameoCode:
        raise LexiconError(f"{where}: unknown CAMEO code {code!r}") from None
    plover = plover or row.plover
    if plover != NO_EVENT and plover not in PLOVER_CATEGORIES:
        raise LexiconError(f"{where}: CAMEO {code} has no PLOVER category; give one or 'none'")
    return TriggerEntry(
        words=tuple(words), anchor=anchor, pos=pos, conditions=conditions, cameo=code,
        plover=plover, mode=mode or row.mode, context=row.context, line=lineno, note=note, tier=tier,
    )


def _tiers() -> tuple[int, ...]:
    import os

    # Measuring what the import adds: COMMUNIQUE_TRIGGER_TABLES=1 reads the hand-written table alone.
    wanted = int(os.environ.get("COMMUNIQUE_TRIGGER_TABLES", len(TIER_FILES)))
    return tuple(range(max(1, min(wanted, len(TIER_FILES)))))


@lru_cache(maxsize=None)
def trigger_entries() -> tuple[TriggerEntry, ...]:
    """Every trigger entry: the hand-written table, then the imported one."""
    entries: list[TriggerEntry] = []
    for tier in _tiers():
        seen: dict[tuple, int] = {}
        for lineno, fields in _rows(TIER_FILES[tier]):
            e = _parse_entry(lineno, fields, tier)
            key = (e.words, e.anchor, e.pos, e.conditions)
            if key in seen:
                raise LexiconError(f"{e.source}: same pattern and conditions as line {seen[key]}")
            seen[key] = e.line
            entries.append(e)
    return tuple(entries)


@lru_cache(maxsize=None)
def entries_by_anchor() -> dict[str, tuple[TriggerEntry, ...]]:
    """Entries indexed by anchor lemma: hand-written before imported, then most specific first (more
    words and conditions), then narrower conditions ("obj=curfew" before "obj=@restriction"), then
    file order."""
    index: dict[str, list[TriggerEntry]] = {}
    for e in trigger_entries():
        index.setdefault(e.anchor_lemma, []).append(e)
    return {k: tuple(sorted(v, key=entry_order)) for k, v in index.items()}


def entry_order(e: TriggerEntry) -> tuple:
    return (e.tier, -e.specificity, e.breadth)


@dataclass(frozen=True)
class IntentRule:
    prefix: str
    to: str | None  # new CAMEO code, or None to keep the code
    plover: str | None  # PLOVER override (future retreats are CONCEDE)
    line: int


@lru_cache(maxsize=None)
def intent_rules() -> tuple[IntentRule, ...]:
    """Future-event recoding rules from intent.tsv, longest prefix first."""
    rules = []
    for lineno, fields in _rows("intent.tsv"):
        where = f"events/data/intent.tsv line {lineno}"
        if len(fields) != 4:
            raise LexiconError(f"{where}: expected 4 tab-separated columns, found {len(fields)}")
        prefix, to, plover, _note = (f.strip() for f in fields)
        to_code = None if to in ("", "-") else to
        if to_code is not None:
            try:
                cameo(to_code)
            except UnknownCameoCode:
                raise LexiconError(f"{where}: unknown CAMEO code {to_code!r}") from None
        if plover and plover not in PLOVER_CATEGORIES:
            raise LexiconError(f"{where}: unknown PLOVER category {plover!r}")
        rules.append(IntentRule(prefix, to_code, plover or None, lineno))
    return tuple(sorted(rules, key=lambda r: -len(r.prefix)))


def intent_rule(code: str) -> IntentRule | None:
    return next((r for r in intent_rules() if code.startswith(r.prefix)), None)
