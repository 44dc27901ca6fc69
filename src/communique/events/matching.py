"""Find event triggers in a sentence: lexicon entries matched over the parse (part of speech,
dependents, the governing verb), one trigger per word, the most specific entry first."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.parts_of_speech import IDS
from spacy.tokens import Span, Token

from ..ontology import quad_class
from ..parse import doc_tokens
from .lexicon import NO_EVENT, Condition, TriggerEntry, entries_by_anchor, entry_order, word_class
from .modality import is_negated
from .nominal import MEASURE_NOUNS, has_actor, noun_is_predicate
from .syntax import (MODIFIER_DEPS, PREP_DEPS, STANCE_PARTICIPLES, children, clause_verb, doer_tokens, forms,
                     infinitives, is_gerund_noun, crowd_members, is_month_word, lemma, lemmas, misparsed_main_verb,
                     misparsed_modifier_verb,
                     neighbourhood, object_lemmas, object_tokens, objects_after, people_named_by_participle,
                     names_a_kind_of_next, prep_objects, subject_word, time_adjunct)

CROWD_HEADS = frozenset({"group", "thousand", "hundred", "dozen", "ten", "crowd", "band", "number", "scores",
                         "score", "mob", "gang"})
# Parts of speech no lexicon entry can fit (see _pos_fits): skipped before the lexicon is consulted.
NEVER_TRIGGERS = frozenset({"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "SPACE", "SYM", "X", "PART"})
# The same as spaCy's part-of-speech ids: every word of every sentence is checked against them.
_NEVER_TRIGGER_IDS = frozenset(IDS[p] for p in NEVER_TRIGGERS)
_PROPN_ID = IDS["PROPN"]
PROPOSAL_PARTICIPLES = frozenset({"proposed", "planned"})
# Clauses of their own hung on a verb, whose words belong to another event.
OTHER_CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "parataxis"})
# Words a trigger's text may skip between its own words ("held two days of talks").
MAX_TRIGGER_GAP = 3


@dataclass
class TriggerMatch:
    entry: TriggerEntry
    anchor: Token
    tokens: tuple[Token, ...]  # every word of the trigger, anchor included

    @property
    def span_tokens(self) -> tuple[Token, ...]:
        """The words the trigger's text covers: all its words when they lie close together ("held
        talks", "called on"); when they lie far apart ("held talks on ... in Tokyo, the first such
        meeting") the content word alone, the noun of a light verb or else the anchor."""
        ordered = sorted(self.tokens, key=lambda t: t.i)
        if ordered[-1].i - ordered[0].i + 1 <= len(ordered) + MAX_TRIGGER_GAP:
            return tuple(ordered)
        if lemma(self.anchor) in word_class("light"):
            nouns = [t for t in ordered if t is not self.anchor and t.pos_ in ("NOUN", "PROPN")]
            if nouns:
                return (nouns[0],)
        return (self.anchor,)

    @property
    def start(self) -> int:
        return min(t.idx for t in self.span_tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.span_tokens)


def _pos_fits_part(part: str, token: Token) -> bool:
    """Can a word of this part of speech (a lexicon entry's ``pos``) be the anchor ``token``?"""
    pos = token.pos_
    if part == "VERB":
        # "according to" is a preposition in all but its tag; participles used as adjectives are not predicates.
        return pos == "VERB" and (token.dep_ not in ("prep", "amod", "compound") or misparsed_modifier_verb(token)) \
            and not is_month_word(token) and not people_named_by_participle(token)
    if part == "NOUN":
        if names_a_kind_of_next(token):
            return False
        return pos == "NOUN" or (pos == "PROPN" and token.text.islower()) or is_gerund_noun(token)
    if part == "ADJ":
        return pos == "ADJ" or (pos == "VERB" and token.tag_ in ("VBN", "JJ"))
    if part == "AUX":
        return token.tag_ == "MD" or (lemma(token) == "need" and bool(children(token, ("xcomp",))))
    return False


class TokenFacts:
    """What the conditions of trigger entries ask about one token, each worked out once: a verb may
    have hundreds of entries (most of them imported verb patterns) that ask about its object."""

    def __init__(self, token: Token):
        self.token = token
        self._memo: dict[str, object] = {}

    def _get(self, name: str, compute):
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]

    @property
    def objects(self) -> list[Token]:
        return self._get("objects", lambda: object_tokens(self.token))

    @property
    def object_lemmas(self) -> set[str]:
        return self._get("object_lemmas", lambda: object_lemmas(self.token))

    @property
    def preps(self) -> set[str]:
        # "called the minister on Friday": a preposition whose object is a date or time says when,
        # it is no particle of the verb ("call on" someone is an appeal, "call" someone a phone call).
        # "called for Assad to step down", "its call for Israel to freeze ...": the "for" of an infinitive
        # clause with its own subject.
        # ("repeated her call last week for the governor to quit": the clause hung on the light verb of the noun)
        return self._get("preps", lambda: {c.lower_ for c in self.token.children
                                           if (c.dep_ in PREP_DEPS and not time_adjunct(c))
                                           or (c.dep_ == "advmod" and c.pos_ in ("ADP", "ADV"))} | {
            m.lower_ for c in self.token.children if c.dep_ in ("advcl", "xcomp", "ccomp", "acl")
            for m in c.children if m.dep_ == "mark" and m.lower_ == "for"} | {
            m.lower_ for c in self._light_verb_clauses() for m in c.children if m.dep_ == "mark" and m.lower_ == "for"})

    def _light_verb_clauses(self) -> list[Token]:
        """Clauses after a noun that the parser hung on the light verb whose object it is."""
        token = self.token
        if token.pos_ != "NOUN" or token.dep_ != "dobj" or lemma(token.head) not in word_class("light"):
            return []
        return [c for c in token.head.children if c.dep_ == "advcl" and c.i > token.i]

    @property
    def prep_objects(self) -> list[Token]:
        def compute():
            objs = prep_objects(self.token)
            # "replied with rounds of rubber bullets": a measure's "of" object says what.
            return objs + [o for t in objs if lemma(t) in word_class("partitive") or t.like_num
                           for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj"]
        return self._get("prep_objects", compute)

    @property
    def prep_object_lemmas(self) -> set[str]:
        # "called on President Lula": the title before a name counts as the object's word too.
        # "opposed to the EU's proposed quotas": a participle saying the object is a proposal counts too.
        return self._get("prep_object_lemmas", lambda: {
            w for o in self.prep_objects
            for w in lemmas(o) | {x for c in o.children if c.dep_ == "compound" for x in lemmas(c)}
            | {x for c in o.children if c.dep_ == "amod" and c.lower_ in PROPOSAL_PARTICIPLES for x in lemmas(c)}})

    @property
    def modifier_lemmas(self) -> set[str]:
        return self._get("modifier_lemmas", lambda: {
            w for c in self.token.children if c.dep_ in MODIFIER_DEPS for w in lemmas(c)})

    @property
    def infinitives(self) -> list[Token]:
        return self._get("infinitives", lambda: infinitives(self.token))


def _condition_holds(cond: Condition, facts: TokenFacts, mention_of) -> bool:
    key, values, token = cond.key, cond.values, facts.token
    if key == "neg":
        return is_negated(token)
    if key == "needs":
        return True  # checked once arguments are known
    if key == "obj":
        if "*" in values and facts.objects:
            return True
        if "@actor" in values and has_actor(facts.objects, mention_of):
            return True
        return bool(facts.object_lemmas & values)
    if key == "prep":
        return bool(facts.preps & values)
    if key == "pobj":
        if "@actor" in values and has_actor(facts.prep_objects, mention_of):
            return True  # "stood behind an ally", "sat down with their host"
        return bool(facts.prep_objects) if "*" in values else bool(facts.prep_object_lemmas & values)
    if key == "mod":
        return bool(facts.modifier_lemmas & values)
    if key == "xcomp":
        comps = facts.infinitives
        return bool(comps) if "*" in values else any(lemmas(c) & values for c in comps)
    if key == "head":  # the governing word; through "on" ("have been on strike": "be")
        head = token.head.head if token.head.lower_ == "on" and token.dep_ == "pobj" else token.head
        if token.dep_ == "conj" and token.pos_ == "NOUN" and head.pos_ == "VERB":
            # "shot tear gas and then live rounds" with "rounds" joined to the verb: it is joined to the object.
            head = next((o for o in head.children if o.dep_ == "dobj" and o.i < token.i), head)
        return head.i != token.i and bool(lemmas(head) & values)
    if key == "that":  # that=base: "insisted that Kyrgyzstan keep the base open", a bare verb says what is asked
        return any(c.dep_ == "ccomp" and _bare_base_form(c) for c in token.children)
    if key == "aux":  # "would respond", "will resume": the tense says it is announced, not done
        return any(c.dep_ == "aux" and c.lower_ in values for c in token.children)
    if key == "pred":
        return any(lemmas(p) & values for p in _predicate_words(token))
    if key == "subj":
        # ("homes destroyed by the cyclone": a passive's doer is its "by" agent)
        subj = next(iter(doer_tokens(token)), None) or subject_word(token)
        if subj is None:
            return False
        inner = crowd_members(subj, CROWD_HEADS)  # "thousands of protesters": the "of" object says who
        if "@actor" in values and any(mention_of(t.i) is not None for t in [subj] + inner):
            return True
        return any(lemmas(t) & values for t in [subj] + inner)
    return False


def _bare_base_form(verb: Token) -> bool:
    """A verb in the base form with no auxiliary: tagged so, or tagged a plural present while its subject is
    one party ("that Bahrain release the doctors"): the mood of what is demanded."""
    if children(verb, ("aux", "auxpass")):
        return False
    one_party = any(s.tag_ in ("NN", "NNP") for s in children(verb, ("nsubj",)))
    # ("that Pakistan hand over its files": a bare verb with a particle the tagger took for a noun)
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and one_party) or (
        verb.tag_ == "NN" and one_party and bool(children(verb, ("prt",))))


def _describing_stance(token: Token) -> bool:
    """"protesters opposed to the reform blocked a road": a stance participle (``syntax.STANCE_PARTICIPLES``)
    hung on a noun says who the protesters are; their act is the event (said of a party's own clause,
    "X is opposed to", it is one)."""
    if token.tag_ not in ("VBN", "VBD") or lemma(token) not in STANCE_PARTICIPLES or any(
            c.dep_ in ("aux", "auxpass", "dobj") for c in token.children) \
            or not any((c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in token.children):
        return False  # (a stance is "opposed to", "committed to"; "crimes committed by X" is none)
    if token.dep_ == "ROOT":
        # "Villagers opposed to the dam blocked the road" parsed with "opposed" as the main verb and the
        # real one joined to it with no "and": "opposed to" with no "be" is no clause of its own.
        return any(c.dep_ in ("conj", "dep") and c.pos_ == "VERB" and c.i > token.i for c in token.children) \
            and not any(c.dep_ == "cc" for c in token.children)
    # (the parser may hang it before the main verb as an adverbial clause: "thousands ... opposed to X marched")
    return (token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and not misparsed_main_verb(token)) or (
        token.dep_ == "advcl" and token.head.i > token.i and token.head.pos_ == "VERB")


def _naming_participle(token: Token) -> bool:
    """"..., calling the reforms courageous": "calling" as a participle after the main clause names
    what the speaker thinks of something (the parser often loses the predicate); it is no phone call."""
    return lemma(token) == "call" and token.tag_ == "VBG" and token.dep_ == "advcl"


def _predicate_words(verb: Token) -> list[Token]:
    """What a verb of naming says its object is: "called the move [illegal]", "called the vote [a
    violation] of law" (the noun and its "of" object: "an act of treason"), "described it as [hostile]"
    (also where the parser hung "as" on the object: "described the embargo as [pressure]")."""
    found: list[Token] = []
    on_object = [g for o in verb.children if o.dep_ == "dobj" for g in o.children if g.dep_ == "prep" and g.lower_ == "as"]
    for c in list(verb.children) + on_object:
        if c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "as"):
            words = [c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ in ("pobj", "amod", "acomp")]
            for w in words:
                found.append(w)
                found.extend(g for g in w.children if g.dep_ in ("amod", "compound"))
                found.extend(o for p in w.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj")
    return found


def _conditions_hold(entry: TriggerEntry, facts: TokenFacts, mention_of) -> bool:
    for cond in entry.conditions:
        if _condition_holds(cond, facts, mention_of) == cond.negated:
            return False
    return True


def _other_words(entry: TriggerEntry, anchor: Token,
                 near: list[tuple[Token, set[str]]] | None = None) -> tuple[Token, ...] | None:
    """The tokens for the entry's other words, nearest first; ``near`` is the anchor's neighbourhood
    with each word's forms (``_near_words``, computed once per token by find_triggers)."""
    if not entry.others:
        return ()
    near = _near_words(anchor) if near is None else near
    found: list[Token] = []
    for word in entry.others:
        hit = next((t for t, words in near if word in words and t not in found), None)
        if hit is None:
            return None
        found.append(hit)
    return tuple(found)


def _near_words(anchor: Token) -> list[tuple[Token, set[str]]]:
    # Nearest first: a child ("held talks") before a grandchild ("held talks ..., the first meeting").
    near = neighbourhood(anchor)
    if anchor.pos_ == "VERB":
        # The verb a clause hangs from is another event ("fired missiles, setting a hold on fire"), and
        # so are the words of a clause hung on it ("launched drills, firing missiles": no missile launch).
        near = [t for t in near if not (t.i == anchor.head.i and t.pos_ in ("VERB", "AUX"))
                and not (t.head.i != anchor.i and t.head.dep_ in OTHER_CLAUSE_DEPS and t.head.pos_ in ("VERB", "AUX"))]
    near = sorted(near, key=lambda t: 0 if t.head.i == anchor.i else 1 if t.i == anchor.head.i else 2)
    # "concluded three days of peace talks": the "of" object of a measure noun stands for it.
    near += [o for t in near if lemma(t) in MEASURE_NOUNS for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
             for o in p.children if o.dep_ == "pobj"]
    # "fired tear gas and stun grenades": the words before the object's head belong to the object.
    near += [w for o in children(anchor, ("dobj",)) for w in o.doc[o.left_edge.i:o.i] if w not in near]
    # "sent thousands of residents fleeing": the "of" people of a crowd word stand for it, their clause too.
    near += [c for t in near if t.head.i == anchor.i and lemma(t) in CROWD_HEADS
             for o in objects_after(t, ("of",)) for c in o.children if c.dep_ == "acl"]
    return [(t, lemmas(t)) for t in near]


@dataclass(frozen=True)
class _Entries:
    """The entries of one word form, in the order they are tried, indexed by the object word an entry
    cannot do without: a verb may have hundreds of imported patterns, each for one object ("launch
    an attack", "launch a probe"), and only those whose object the sentence has are worth trying."""

    entries: tuple[TriggerEntry, ...]
    parts: frozenset[str]
    always: tuple[int, ...]  # positions of entries with no such object condition
    by_object: dict[str, tuple[int, ...]]  # object word -> positions ("obj=")
    by_prep_object: dict[str, tuple[int, ...]]  # object of a preposition -> positions ("pobj=")

    def to_try(self, facts: "TokenFacts") -> list[TriggerEntry]:
        positions = set(self.always)
        if self.by_object:
            for word in facts.object_lemmas:
                positions.update(self.by_object.get(word, ()))
        if self.by_prep_object:
            for word in facts.prep_object_lemmas:
                positions.update(self.by_prep_object.get(word, ()))
        return [self.entries[i] for i in sorted(positions)]


def _required_words(entry: TriggerEntry) -> tuple[str, frozenset[str]] | None:
    """An object condition the entry cannot match without (a positive obj= or pobj= naming words)."""
    for c in entry.conditions:
        if c.key in ("obj", "pobj") and not c.negated and "*" not in c.values and "@actor" not in c.values:
            return c.key, c.values
    return None


def _entries_for(token: Token) -> _Entries:
    """Entries anchored on any form of the token (see ``_Entries``)."""
    return _entries_for_forms(forms(token))


@lru_cache(maxsize=65536)
def _entries_for_forms(word_forms: tuple[str, ...]) -> _Entries:
    index = entries_by_anchor()
    found: dict[int, TriggerEntry] = {}
    for f in word_forms:
        for e in index.get(f, ()):
            found.setdefault(id(e), e)
    entries = tuple(sorted(found.values(), key=entry_order))
    always: list[int] = []
    keyed: dict[str, dict[str, list[int]]] = {"obj": {}, "pobj": {}}
    for i, e in enumerate(entries):
        required = _required_words(e)
        if required is None:
            always.append(i)
        else:
            for word in required[1]:
                keyed[required[0]].setdefault(word, []).append(i)
    return _Entries(entries, frozenset(e.pos for e in entries), tuple(always),
                    {w: tuple(v) for w, v in keyed["obj"].items()},
                    {w: tuple(v) for w, v in keyed["pobj"].items()})


def find_triggers(sent: Span, mention_of) -> list[TriggerMatch]:
    """The triggers of one sentence, non-overlapping, in text order. Blocking entries (plover
    ``none``) claim their words and are dropped here."""
    candidates: list[TriggerMatch] = []
    for token in doc_tokens(sent.doc)[sent.start:sent.end]:
        pos = token.pos
        if pos in _NEVER_TRIGGER_IDS or (pos == _PROPN_ID and not token.text.islower()):
            continue
        known = _entries_for(token)
        if not known.entries or (token.tag_ == "VBG" and token.dep_ == "amod") or _describing_stance(token):
            continue  # (a participle that describes its noun tells no event: "striking workers", "warring sides")
        fitted: list[TriggerMatch] = []
        near: list[tuple[Token, set[str]]] | None = None
        facts = TokenFacts(token)
        fits = {part: _pos_fits_part(part, token) for part in known.parts}
        for entry in known.to_try(facts):  # most specific first: the first that fits wins for this anchor
            if not fits[entry.pos]:
                continue
            if entry.others and near is None:
                near = _near_words(token)
            others = _other_words(entry, token, near)
            if others is None or not _conditions_hold(entry, facts, mention_of):
                continue
            if entry.pos == "NOUN" and not any(o.pos_ == "VERB" for o in others) \
                    and not _told_by_its_verb(entry, token) and not noun_is_predicate(token, mention_of):
                continue
            if entry.pos == "AUX" and not _reported_clause(token):
                continue
            if _names_an_earlier_act(entry, token, others) or _answered_act(entry, token, mention_of):
                continue
            if entry.plover == "CONSULT" and (children(token, ("oprd",)) or _naming_participle(token)):
                continue  # "calling the storming an act of treason": naming, not a phone call
            match = TriggerMatch(entry, token, (token,) + others)
            if fitted and (entry.tier != fitted[0].entry.tier or entry.specificity < fitted[0].entry.specificity):
                break  # a hand-written entry that fits wins over every imported one
            fitted.append(match)
        if fitted:
            # Equally specific entries: the one whose words lie closest together ("held talks ..., the
            # first such meeting" is "hold talk", not "hold meeting").
            best = fitted[0]
            if _spread(best) > len(best.tokens) + MAX_TRIGGER_GAP:
                same_size = [m for m in fitted if len(m.tokens) == len(best.tokens)]
                best = min(same_size, key=_spread)
            candidates.append(best)
    candidates.sort(key=lambda m: (m.entry.tier, -m.entry.specificity, -len(m.tokens), m.anchor.i))
    claimed: set[int] = set()
    chosen: list[TriggerMatch] = []
    for m in candidates:
        ids = {t.i for t in m.tokens}
        if ids & claimed:
            continue
        claimed |= ids
        chosen.append(m)
    chosen = _without_imported_light_verbs(chosen)
    return sorted((m for m in chosen if m.entry.plover != NO_EVENT), key=lambda m: m.anchor.i)


def _without_imported_light_verbs(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """An imported verb pattern whose object is itself a hand-written trigger of the same category
    ("staged rallies", "resume talks") says nothing the noun does not: the hand-written noun is the
    trigger, so the sentence reads as it did before the import. Nor does one whose object word is only
    a modifier of a hand-written trigger noun ("held live-fire drills" is no "hold fire" ceasefire)."""
    hand = {m.anchor.i: m for m in matches if m.entry.tier == 0}
    def redundant(m: TriggerMatch) -> bool:
        if m.entry.tier == 0:
            return False
        required = _required_words(m.entry)
        for o in object_tokens(m.anchor):
            h = hand.get(o.i)
            if h is not None and (h.entry.plover == m.entry.plover
                                  or (required is not None and not set(forms(o)) & required[1])):
                return True
        return False
    return [m for m in matches if not redundant(m)]


def _told_by_its_verb(entry: TriggerEntry, noun: Token) -> bool:
    """A noun entry that names its governing verb (``head=``) is told by that verb ("called a general
    strike"), unless the noun names or is named ("called the stoppage a strike", "called the strikes a message")."""
    if entry.condition("head") is None or noun.dep_ == "oprd":
        return False
    return not any(c.left_edge.i == noun.right_edge.i + 1 for c in children(noun.head, ("oprd",)))


def _spread(match: TriggerMatch) -> int:
    ids = [t.i for t in match.tokens]
    return max(ids) - min(ids)


# Participles that tell a state the noun is in, not an act ("hostages held by the group since May": their
# captivity, not their taking).
STATE_PARTICIPLES = frozenset({"hold"})


def _names_an_earlier_act(entry: TriggerEntry, token: Token, others: tuple[Token, ...]) -> bool:
    """"the accord signed by both presidents", "the agreement signed in 2001": a participle that
    modifies its own object names an earlier agreement or meeting; it is not a new event. (Violence
    is kept: "civilians killed by troops" reports the killing; "hostages held by X" tells their captivity.)"""
    if entry.pos != "VERB" or token.dep_ != "acl" or token.tag_ != "VBN" or misparsed_main_verb(token) \
            or entry.plover == NO_EVENT:  # (a blocking entry blocks participles too: "roads wrecked by floods")
        return False
    if token.head in others or lemma(token) in STATE_PARTICIPLES:
        return True
    return quad_class(entry.cameo) == 1


def _answered_act(entry: TriggerEntry, token: Token, mention_of) -> bool:
    """"ordered the plane down after a reported bomb threat": a hostile act the clause answers ("after",
    "following", "amid"), with no doer of its own, is no act of the clause's subject."""
    return entry.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ("after", "following", "amid") \
        and quad_class(entry.cameo) >= 3 and not objects_after(token, ("by", "of", "from")) and not any(
            mention_of(c.i) is not None for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod"))


def _reported_clause(modal: Token) -> bool:
    """Is this modal (or "need to") in a clause reported by a speaker ("X said Y must ...")?"""
    verb = modal if lemma(modal) == "need" and modal.tag_ != "MD" else modal.head
    return verb.dep_ == "ccomp" and lemma(verb.head) in word_class("report")


def clause_of(match: TriggerMatch) -> Token:
    """The verb whose clause holds the trigger: the anchor for verbs, the governing verb for nouns."""
    anchor = match.anchor
    if match.entry.pos == "AUX":
        return anchor if lemma(anchor) == "need" and anchor.tag_ != "MD" else anchor.head
    if anchor.pos_ in ("VERB", "AUX") or (anchor.pos_ == "ADJ" and children(anchor, ("dobj",))):
        return anchor  # an adjective with a direct object is a verb the tagger misread ("shot dead a judge")
    return clause_verb(anchor)
