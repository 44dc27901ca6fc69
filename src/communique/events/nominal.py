"""When a nominal trigger is told as an event: "held talks", "during a phone call", "the strike
paralysed the ports", "Israel's attack on Gaza" are events; "talks are needed" names a thing."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import word_class
from .syntax import children, doers_after, lemma, lemmas, objects_after, participle_agents, received_from

# A nominal trigger is an event only where the sentence presents it as one: as the object of a light
# verb ("held talks"), after "during/in/after" ("during a phone conversation"; "since the kidnapping" only
# dates the clause), as the subject of "take place/begin", or as a headline; else it names a thing.
NOMINAL_PREPS = frozenset({"during", "in", "at", "after", "following", "amid", "on", "with", "through",
                           "before", "despite", "because", "by"})  # "stood idle because of a strike"
NOMINAL_SUBJECT_VERBS = frozenset({"take", "begin", "start", "end", "continue", "resume", "break", "erupt",
                                   "open", "close", "conclude", "occur", "happen", "come", "kill", "hit",
                                   "wound", "injure", "destroy", "leave", "claim", "rage", "flare", "intensify",
                                   "escalate", "spread", "persist", "rag", "send", "force", "drive", "displace",
                                   "paralyse", "paralyze", "cripple", "disrupt", "shut", "halt", "ground",
                                   "draw", "spark", "prompt", "provoke", "anger", "stun", "shock", "outrage",
                                   "horrify", "alarm"})  # "drew an ultimatum", "the abduction stunned the country"
# ("rag": spaCy's lemma of "raged")
# Verbs that tell what an act brought about, with the act noun as their subject ("a threat by X to slap
# tariffs sent the peso tumbling", "the refusal dealt a blow to the plans", "left diplomats exasperated"):
# no act of the noun's owner (events/embedding.py), and their object is no party of the act.
CONSEQUENCE_VERBS = frozenset({"send", "deal", "leave"})
# Verbs that tell what an act was about, how long it went on or what it brought: the act took place
# when the sentence names its parties ("talks between A and B centred on ...", "a raid by police
# lasted into the night"); "the protests entered a second week" may only go on with what came before.
NOMINAL_SUBJECT_VERBS_WITH_PARTY = frozenset({"centre", "center", "focus", "enter", "last", "drag", "stretch",
                                              "get", "reach", "deal", "pave", "trigger", "cause", "fuel",
                                              "produce", "yield"})
# Verbs whose object is an act they say took place, when the sentence names its parties ("police
# confirmed the kidnapping of 30 girls by gunmen"); "confirmed the arrests" tells again what came before.
CONFIRMING_VERBS = frozenset({"confirm", "report", "disclose", "reveal", "acknowledge"})
# Prepositions that name a party of the act a noun tells ("a raid by", "talks between", "a plea from").
PARTY_PREPS = frozenset({"by", "between", "from", "of"})
OPPOSING_PREPS = frozenset({"on", "against", "with", "to", "into"})
# Acts of speech whose content a clause tells ("X's refusal to ...", "X's warning that ...").
OWNED_SPEECH_ACTS = frozenset({"refusal", "rejection", "warning", "threat", "call", "appeal", "demand", "offer",
                               "pledge", "promise", "vow"})
# Adjectives saying a named act has not taken place ("a planned rally", "the proposed talks").
UNREALISED_MODIFIERS = frozenset({"planned", "proposed", "upcoming", "scheduled", "threatened", "possible",
                                  "expected", "prospective", "intended", "mooted", "would-be"})
MEASURE_NOUNS = frozenset({"day", "days", "round", "wave", "series", "week", "night", "spate", "string", "year"})


def has_actor(tokens, mention_of) -> bool:
    for t in tokens:
        for s in t.subtree:
            if mention_of(s.i) is not None:
                return True
    return False


def noun_is_predicate(noun: Token, mention_of) -> bool:
    """Is this nominal trigger presented as something that happened (see NOMINAL_PREPS)?"""
    t = noun
    while t.dep_ in ("compound", "conj") and t.head.i != t.i:
        t = t.head
    # "held a fourth day of national strikes": the measure noun stands for the event.
    while t.dep_ == "pobj" and t.head.lower_ == "of" and lemma(t.head.head) in MEASURE_NOUNS:
        t = t.head.head
    dep, head = t.dep_, t.head
    if any(c.dep_ == "amod" and c.lower_ in UNREALISED_MODIFIERS for c in noun.children):
        return False  # "before a planned opposition march": announced, not held
    if dep == "ROOT":
        return True
    if dep in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        if lemmas(head) & word_class("light"):
            return True
    # "the law drew a rebuke from Berlin", "came under criticism from": an act received from a party.
    if has_actor(received_from(t), mention_of):
        return True
    # "X is the largest donor to Y": a noun naming the party by what it does, said of the party.
    if lemma(t) in word_class("doer") and _said_of_party(t, mention_of):
        return True
    if dep == "pobj" and head.lower_ in NOMINAL_PREPS and head.head.pos_ in ("VERB", "AUX"):
        return True
    if dep == "pobj" and head.dep_ == "agent":
        return True  # "ports were brought to a standstill by a strike of dockworkers": the act did it
    # "returned to Geneva for talks": the purpose of a journey is the meeting; "recalled its envoys
    # for consultations" is no meeting with anyone.
    if dep == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB" and lemma(head.head) in word_class("journey"):
        return True
    if dep == "nsubj" and lemma(head) in NOMINAL_SUBJECT_VERBS:
        return True
    if ((dep == "nsubj" and lemma(head) in NOMINAL_SUBJECT_VERBS_WITH_PARTY)
            or (dep == "dobj" and lemma(head) in CONFIRMING_VERBS)) and _names_own_party(t, mention_of):
        return True
    # "Pyongyang's refusal to return to talks dashed hopes", "the junta's warning that it would ...":
    # an act of speech owned by a party and told with its content happened.
    if lemma(t) in OWNED_SPEECH_ACTS and _owned_by_party(t, mention_of) and any(
            c.dep_ in ("acl", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX") for c in t.children):
        return True
    # "Israel's attack on Gaza": a possessive or national actor and an opposing party name the event.
    owner = any(mention_of(c.i) is not None for c in t.children if c.dep_ in ("poss", "amod", "compound"))
    target = any(prep.lower_ in OPPOSING_PREPS and has_actor(children(prep, ("pobj",)), mention_of)
                 for prep in children(t, ("prep",)))
    # "Moscow's expulsion of two Polish envoys deepened the row", "a strike by dockers shut the ports":
    # an owned act on a party, or an act with its doer, told as the subject of what it caused.
    caused = dep in ("nsubj", "nsubjpass")
    return (owner and (target or (caused and has_actor(objects_after(t, ("of",)), mention_of)))) or (
        dep == "nsubj" and bool(children(head, ("dobj",)))
        and has_actor(doers_after(t, lambda x: has_actor([x], mention_of)), mention_of))


def _names_own_party(noun: Token, mention_of) -> bool:
    """Does the noun name a party of its own: an owner or nationality ("Moscow's", "a US airlift"), a party
    after "by", "between", "from" or "of", or the doer of a participle on it?"""
    return any(mention_of(c.i) is not None or _national_modifier(c, mention_of) for c in noun.children
               if c.dep_ in ("poss", "amod", "compound", "nmod")) \
        or any(has_actor(children(p, ("pobj",)), mention_of) for p in children(noun, ("prep",)) if p.lower_ in PARTY_PREPS) \
        or has_actor(participle_agents(noun), mention_of)  # "a strike called by the opposition"


def _national_modifier(token: Token, mention_of) -> bool:
    """Is the word a state's adjective or name modifying a noun ("a US airlift", "French warships")?"""
    place = getattr(mention_of, "place", None)
    found = place(token.i) if place is not None else None
    return found is not None and found.kind == "modifier"


def _owned_by_party(noun: Token, mention_of) -> bool:
    """"Pyongyang's refusal", "the refusal of the Taliban": the noun's owner is a named party."""
    return any(mention_of(c.i) is not None for c in noun.children if c.dep_ == "poss") or any(
        mention_of(o.i) is not None for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj")


def _said_of_party(noun: Token, mention_of) -> bool:
    """Is the noun what a named party is said to be ("X is the largest donor", "X remains one of the
    donors")? A party no table names ("the businessman is a donor") says nothing of politics."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and lemma(noun.head.head) in word_class("partitive"):
        noun = noun.head.head
    if noun.dep_ != "attr" or lemma(noun.head) not in ("be", "become", "remain"):
        return False
    return any(c.dep_ == "nsubj" and mention_of(c.i) is not None for c in noun.head.children)
