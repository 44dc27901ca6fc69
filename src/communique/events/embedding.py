"""Which triggers of a sentence are events of their own, and which only tell what another trigger is
about: "refused TO deploy", "accused X OF attacking" and "rejected an offer TO host" embed their content;
a warning or a vow can announce the event itself ("warned that it would strike"), a decision to punish is
the punishment ("agreed to impose sanctions"), and a phone call that carried an appeal took place."""
from __future__ import annotations

from spacy.tokens import Token

from ..knowledge import english
from ..ontology import cameo
from ..parse import base_form_read_as_past, children, governing_verb, lemma
from .lexicon import word_class
from .matching import TriggerMatch, clause_of
from .modality import is_negated
from .nominal import CONSEQUENCE_VERBS, OWNED_SPEECH_ACTS
from .recipients import DISPLACEMENT_VERBS
from .subjects import misjoined_to_content
from .syntax import has_to, infinitives, is_purpose

# An embedded trigger reached from another trigger through these relations is what that trigger
# is about (refused TO deploy, accused X OF attacking, rejected an offer TO host), not an event.
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "conj", "compound"})


def drop_embedded(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    scopes = {_scope_token(m).i: m for m in matches}
    warned = {id(w) for w in matches if _is_warning(w)}
    # "warned that Cairo would not accept ...": the warning reports another event, which is the event.
    reported = [m for m in matches if id(m) not in warned and m.entry.plover in WARNED_CATEGORIES
                and warning_content_of(m, matches)]
    dropped = {id(warning_content_of(m, matches)) for m in reported}
    # "was ready to shut the strait", "vowed to rain rockets on": a stated intent to punish or to use force
    # is a threat (PLOVER: future conflictual actions are THREATEN); the act, coded as future, is the event.
    for m in matches:
        intent = intent_of(m, matches)
        if intent is not None:
            reported.append(m)
            dropped.add(id(intent))
    # "the bloc's leaders agreed on sanctions", "agreed to impose them": a decision to punish is the punishment.
    for m in matches:
        decision = decision_of(m, matches)
        if decision is not None:
            reported.append(m)
            dropped.add(id(decision))
    kept = []
    for m in matches:
        if id(m) in dropped or _brought_about_by_act(m, matches):
            continue
        if m in reported or not _embedded(m, scopes, matches):
            kept.append(m)
    return [m for m in kept if not (id(m) in warned and predicts_no_change(m))]


# What a warning can announce as the event itself ("warned that it would not accept", "... would strike").
WARNED_CATEGORIES = frozenset({"REJECT", "THREATEN", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})


def _is_warning(match: TriggerMatch) -> bool:
    # (a vow's "that" clause, when it announces conflict, is a threat and not a promise: "vowed that the
    # movement would avenge the raids")
    word = match.anchor.lemma_.lower()
    return (match.entry.plover == "THREATEN" and word == "warn") or (match.entry.plover == "AGREE" and word in english.PROMISING_VERBS)


# Verbs of a joint decision, and what a decision to act against another party is: the act itself.
DECISION_VERBS = frozenset({"agree", "decide", "vote"})
# (breaking or reducing ties, cutting aid, sanctions, expulsions: not halting talks both sides agree to halt)
DECIDED_CODES = ("161", "162", "163", "166")


def decision_of(match: TriggerMatch, matches: list[TriggerMatch]) -> TriggerMatch | None:
    """The AGREE trigger ("agreed", "voted") whose infinitive is the sanction ``match`` names, if any."""
    verb = clause_of(match)
    # (the parser hangs the infinitive on as an adverbial when a time phrase comes between: "agreed on Friday to")
    infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                       for c in verb.children))
    if not match.entry.cameo.startswith(DECIDED_CODES) or not infinitive or match.anchor.i != verb.i:
        return None
    return next((a for a in matches if a.entry.plover == "AGREE" and a.anchor.i == verb.head.i
                 and lemma(a.anchor) in DECISION_VERBS), None)


def _brought_about_by_act(match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
    """Is this verb what an act of another kind, its subject, brought about? No act of the act's owner."""
    if match.entry.pos != "VERB" or lemma(match.anchor) not in CONSEQUENCE_VERBS:
        return False
    if any(lemma(t) in DISPLACEMENT_VERBS for c in match.anchor.children for t in (c, *c.children)):
        return False  # "fighting sent thousands fleeing": flight is SANCTION with the cause as actor (PLOVER)
    return any(o.entry.pos == "NOUN" and o.anchor.dep_ == "nsubj" and o.anchor.head.i == match.anchor.i
               and o.entry.plover != match.entry.plover for o in matches)


# Words of stated intent whose infinitive is what the actor says it will do ("ready to", "vowed to").
INTENT_WORDS = english.PROMISING_VERBS | {"ready", "prepared", "willing", "determined"}


def intent_of(match: TriggerMatch, matches: list[TriggerMatch]) -> TriggerMatch | None:
    """The plain statement of intent (CAMEO 030: "was ready to", "vowed to") whose infinitive is the
    punishment, dissent or force ``match`` names, if any."""
    code = match.entry.cameo
    if not (cameo(code).quad_class == 4 or code.startswith(("12", "14"))) or code.startswith("15"):
        return None  # (sending troops may be help or menace: "ready to send troops" stays an intent)
    verb = clause_of(match)
    return next((a for a in matches if a.entry.cameo == "030" and lemma(a.anchor) in INTENT_WORDS
                 and verb in infinitives(a.anchor)), None)


def warning_content_of(match: TriggerMatch, matches: list[TriggerMatch]) -> TriggerMatch | None:
    """The warning whose "that" clause is the clause of ``match``, if any."""
    verb = clause_of(match)
    if verb.dep_ != "ccomp":
        return None
    return next((w for w in matches if _is_warning(w) and w.anchor.i == verb.head.i), None)


def predicts_no_change(match: TriggerMatch) -> bool:
    """"warned that the deliveries would not change the outcome", "warned that the number of dead could grow":
    a warning that something will not happen, or that a thing (no party) may change, is a forecast;
    a threat says what the actor (or its side) will do."""
    clauses = [c for c in match.anchor.children if c.dep_ == "ccomp"]
    return bool(clauses) and all(is_negated(c) or _forecast(c) for c in clauses)


FORECAST_MODALS = frozenset({"could", "might", "may"})


def _forecast(clause: Token) -> bool:
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    # (or a thing told as happening: "warned that floodwaters were still rising along the river")
    modal = any(c.dep_ == "aux" and c.lower_ in FORECAST_MODALS for c in clause.children) or (
        clause.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in clause.children))
    return modal and bool(subjects) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() not in word_class("populace") and not s.ent_type_ for s in subjects)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


RESULT_QUADS = frozenset({4})


def _embedded(match: TriggerMatch, scopes: dict[int, TriggerMatch], matches: list[TriggerMatch]) -> bool:
    t = match.anchor
    if match.entry.pos == "NOUN" and match.entry.plover == "CONSULT" and _after_days_of(t):
        return False  # "agreed to meet again after two days of talks": the talks were held, not promised
    if medium_of_speech(match):
        return False  # "urged her in a phone call to ...": the call was held; the appeal was made in it
    if t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "mark" for c in t.children):
        # "fired water cannon at the boat, injuring four crew": the result of an act is that act.
        # ("shelled the town, sending thousands fleeing" is a second event: flight is SANCTION expel
        # with the cause as actor, PLOVER manual.)
        governing = scopes.get(t.head.i)
        if governing is not None and governing is not match and match.entry.plover != "SANCTION" and \
                cameo(governing.entry.cameo).quad_class in RESULT_QUADS and cameo(match.entry.cameo).quad_class in RESULT_QUADS:
            return True
    if (t.dep_ == "conj" and t.tag_ in FINITE_TAGS and t.head.tag_ in ("VBG", "VB") and not base_form_read_as_past(t)) \
            or misjoined_to_content(t) \
            or _second_main_clause(t):
        # "accused Tokyo of stirring up trouble and urged both governments to ...": a finite verb is
        # never part of the gerund or infinitive it was joined to; it is the main clause's own event.
        return False
    if t.dep_ == "conj" and t.tag_ == "VBG" and t.head.tag_ in ("VBD", "VBZ", "VBP") and t.head.i in scopes \
            and not children(t, ("aux", "nsubj")) and any(g.tag_ == "VBG" and g.dep_ == "pcomp" and g.i < t.i
                                                          for g in t.head.subtree):
        # "accused the tanker of colliding with a boat and then ignoring its calls": a participle the
        # parser joined to the finite verb continues the gerund of its content.
        return True
    if t.dep_ == "conj" and t.tag_ == "VBG" and t.head.tag_ == "VB":
        # "ordering Poland to shut its consulate and declaring two diplomats persona non grata": a
        # participle is never joined to a bare infinitive; it is the participle before it that it joins.
        return False
    if t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ == "with" and t.head.head.pos_ == "NOUN" \
            and children(t, ("nsubj",)):
        # "the visit opened, with the two presidents signing 27 agreements": a clause of its own, which
        # the parser hung on the noun of another act.
        return False
    if match.entry.pos == "NOUN" and t.dep_ == "conj" and any(t.head in other.tokens for other in matches
                                                               if other is not match):
        return False  # "shot tear gas and then live rounds": an act joined to another act's word is its own
    for other in matches:
        if other is not match and other.entry.pos == "AUX" and _scope_token(other).i == t.i:
            return True  # the clause verb of an appeal modal ("X said Y must withdraw")
    if match.entry.plover == "ASSAULT" and t.dep_ == "relcl" and t.tag_ == "VBD" and t.head.dep_ in ("dobj", "pobj") \
            and any(other is not match and other.anchor.i == governing_verb(t.head).i
                    and other.entry.plover in ("ACCUSE", "REQUEST", "THREATEN", "COERCE") for other in matches):
        return True  # "condemned the youths who killed a soldier", "hunted the gunmen who killed 20": who they are
    if t.dep_ in ("acl", "relcl") and _proposal_noun(t.head) and t.head.i not in scopes and has_to(t):
        return True  # "despite calls from the UN to withdraw": what was called for, not done
    for _ in range(6):
        if t.head.i == t.i or (t.dep_ not in EMBEDDING_DEPS and not is_purpose(t)):
            return False
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and not _proposal_noun(t.head):
            return False
        last_dep = t.dep_
        t = t.head
        other = scopes.get(t.i)
        if other is not None and other is not match:
            if last_dep == "conj":
                continue  # siblings joined by "and" are separate events, embedded where the first one is
            # A verb and its own object noun are separate events, the noun embedded where the verb is
            # ("accused Delhi of imposing a blockade": neither was done by the accuser).
            if last_dep == "dobj" and match.entry.pos == "NOUN" and other.entry.plover == match.entry.plover:
                return _embedded(other, scopes, matches)
            return True
    return False


def _second_main_clause(verb: Token) -> bool:
    """"Italy summoned the envoy and its premier threatened to ...": a past-tense clause after "and", with
    its own subject and no "that", which the parser hung on the first verb as its content."""
    return verb.dep_ == "ccomp" and verb.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in verb.children) \
        and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].pos_ == "CCONJ" \
        and not any(c.dep_ == "mark" for c in verb.children)


def _after_days_of(noun: Token) -> bool:
    """Is the nominal trigger told as the days or rounds that led to the clause it hangs on ("after two
    days of talks")? It then took place before that clause and is not its content."""
    t = noun
    if not (t.dep_ == "pobj" and t.head.lower_ == "of" and lemma(t.head.head) in SPAN_NOUNS):
        return False
    t = t.head.head
    return t.dep_ == "pobj" and t.head.lower_ in ("after", "following")


# Prepositions by which a call is the channel of what was said ("told him by telephone", "urged her in a
# phone call", "during a video call").
MEDIUM_PREPS = frozenset({"by", "in", "during", "over"})


def medium_of_speech(match: TriggerMatch) -> bool:
    """Is this phone call told as the channel of what a verb says or does ("urged X in a telephone call
    to ...")? The call took place (CONSULT phone) beside whatever was said in it."""
    t = match.anchor
    return (match.entry.pos == "NOUN" and match.entry.cameo == "041" and t.dep_ == "pobj"
            and t.head.lower_ in MEDIUM_PREPS and t.head.head.pos_ == "VERB")


# (a narrower set than matching's MEASURE_NOUNS on purpose: "after a year of protests" is background)
SPAN_NOUNS = frozenset({"day", "round", "week", "hour"})


def _proposal_noun(token: Token) -> bool:
    """A noun whose clause states its content ("a proposal to hold talks", "a joint statement pledging
    to deepen ties", "its refusal to let monitors enter"): the clause is what the noun says, not an
    event of its own."""
    word = token.lemma_.lower()
    return word in word_class("proposal") or word in word_class("declaration") or word in OWNED_SPEECH_ACTS


def _scope_token(match: TriggerMatch) -> Token:
    return clause_of(match) if match.entry.pos == "AUX" else match.anchor
