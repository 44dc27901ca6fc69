"""Small helpers over spaCy's dependency parse that the events stage shares (trigger matching,
arguments, modality). The generic ones that other stages read too live in :mod:`communique.parse`
and are re-exported here."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..knowledge.english import LETTING_VERBS  # noqa: F401 (re-exported)
from ..knowledge.words import word_class
from ..parse import children, conjuncts, lemma, when_clauses  # noqa: F401 (re-exported)

PREP_DEPS = frozenset({"prep", "prt", "agent", "dative"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
OBJECT_DEPS = frozenset({"dobj", "obj"})


def forms(token: Token) -> tuple[str, ...]:
    """The lemma, then the lower-cased word: spaCy lemmatises some words oddly ("talks", proper nouns,
    "staged" -> "stag"), so past forms also offer their stem without "d"/"ed". Ordered, no repeats."""
    return _forms(token.lemma_, token.lower_, token.tag_ in ("VBD", "VBN"))


def lemmas(token: Token) -> frozenset[str]:
    return _lemmas(token.lemma_, token.lower_, token.tag_ in ("VBD", "VBN"))


# The rules ask for a word's forms hundreds of thousands of times per batch: worked out once per word.
@lru_cache(maxsize=65536)
def _forms(lemma_: str, lower: str, past: bool) -> tuple[str, ...]:
    out = [lemma_.lower(), lower]
    if past and lower.endswith("ed"):
        out += [lower[:-1], lower[:-2]]
        if len(lower) > 5 and lower[-3] == lower[-4] and lower[-3] not in "aeiouls":
            out.append(lower[:-3])  # a doubled consonant the lemmatizer keeps for a word it does not know: "unbanned"
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=65536)
def _lemmas(lemma_: str, lower: str, past: bool) -> frozenset[str]:
    return frozenset(_forms(lemma_, lower, past))


# Participles that state a stance with "be ... to" rather than a passive act.
STANCE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "dedicate", "devote", "resolve"})


def is_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    if "agent" not in deps and verb.lemma_.lower() in STANCE_PARTICIPLES and "prep" in deps:
        return False  # "the party is opposed to the bill", "is committed to talks": a stance, not a passive
    if deps & {"auxpass", "nsubjpass"}:
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and is_passive(verb.head) \
            and not any(c.dep_ == "aux" for c in verb.children):
        # "were abused and tortured by guards": the second participle shares the passive, with a subject
        # of its own too ("four guards were shot dead and six others hurt")
        return True
    # Reduced passive relative: "civilians killed by troops".
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not misparsed_main_verb(verb)


def reporting_verb(verb: Token) -> Token | None:
    """The verb of saying whose reported clause ``verb`` is in ("Kenya said it was opposed to ...":
    "said"), through an adjective's copula, "and" or an infinitive; a stance held out loud reports
    through its copula ("remained adamant that it would not ...": "remained"). None outside reported
    speech."""
    t = verb
    while t.dep_ in ("conj", "acomp", "xcomp") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "ccomp":
        return None
    head = t.head
    return head if lemma(head) in word_class("report") or holds_stance_of_speech(head) else None


def holds_stance_of_speech(verb: Token) -> bool:
    """Is ``verb`` the copula of a stance held out loud ("remained adamant that", "was insistent that")?
    (The parser hangs the adjective as its complement or, after "stayed", as a modifier.)"""
    return any(c.dep_ in ("acomp", "advmod") and lemma(c) in word_class("report") for c in verb.children)


def misparsed_main_verb(verb: Token) -> bool:
    """A main verb the parser hung on its subject as a participle ("Nurses from three charities
    handed out blankets ...", "Protesters hurled bottles at the police, officials said"): a reduced
    relative has no direct object and no subject-less sentence around it, so a participle with its
    own object, or on a noun that is the whole sentence's root, is the predicate of that noun."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    noun = verb.head
    if noun.dep_ == "ROOT":
        return True
    reported = noun.dep_ == "nsubj" and noun.head.lemma_ in ("say", "tell", "report") and noun.head.i > verb.i
    return reported or (verb.tag_ == "VBD" and any(c.dep_ == "dobj" for c in verb.children) and noun.i == verb.i - 1)


def is_gerund_noun(token: Token) -> bool:
    """A gerund the parser made a verb where it names an act between parties as a subject
    ("Fighting between the army and the rebels raged"): a noun for the trigger lexicon."""
    return token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in token.children)


def people_named_by_participle(token: Token) -> bool:
    """"treated the injured", "the detained were freed", "airlifted the worst injured to the capital" (however
    the parser hangs it): a participle after "the" naming people, with no subject or auxiliary of its own."""
    if token.tag_ != "VBN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
            or children(token, ("dobj", "agent")):
        return False
    return token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") or not children(
        token, ("nsubj", "nsubjpass", "aux", "auxpass"))


def misparsed_modifier_verb(verb: Token) -> bool:
    """A past-tense verb with its own subject that the parser hung on its object as a modifier
    ("the ministry abolished censorship" read as "[abolished censorship]" with "ministry" its subject)."""
    return verb.dep_ == "amod" and verb.tag_ == "VBD" and verb.head.dep_ == "ROOT" \
        and any(c.dep_ == "nsubj" for c in verb.children)


def is_free_relative(clause: Token) -> bool:
    """A clause the parser hangs as a complement that is a noun phrase: "what he called an invasion",
    "what seemed to be a new rocket"."""
    return any(w.tag_ == "WP" and (w.dep_ == "dobj" or (w.dep_ == "nsubj" and lemma(clause) in SEEMING_VERBS))
               for w in clause.children)


# Verbs of a free relative that name its thing by seeming ("what looked like a drone").
SEEMING_VERBS = frozenset({"appear", "seem", "look"})


def free_relative_objects(verb: Token) -> list[Token]:
    """"condemned what it called the aggression of the United States", "paraded what seemed to be a
    new missile": what the free relative names."""
    return [o for c in children(verb, ("ccomp",)) if is_free_relative(c) for o in children(c, ("oprd",))
            + [p for prep in children(c, ("prep",)) if prep.lower_ == "as" for p in children(prep, ("pobj",))]
            + [a for be in children(c, ("xcomp",)) for a in children(be, ("attr",))]]


def gerund_clause_subjects(verb: Token) -> list[Token]:
    """"to disperse hundreds of students marching on parliament": the parser makes the crowd the subject
    of a gerund clause right after the verb; the crowd is what the verb acts on."""
    # (a clause with its own auxiliary is a clause: "said the truce was holding")
    return [s for c in children(verb, ("ccomp",)) if c.tag_ == "VBG" and not children(c, ("aux",))
            for s in children(c, ("nsubj",)) if s.left_edge.i == verb.i + 1]


def gerund_crowd(prep: Token) -> list[Token]:
    """"sprayed water at hundreds of nurses walking toward the ministry": the parser makes the
    crowd the subject of a gerund after the preposition; the crowd is the preposition's object."""
    return [s for g in children(prep, ("pcomp",)) if g.tag_ == "VBG" and not children(g, ("aux",))
            for s in children(g, ("nsubj",)) if s.left_edge.i == prep.i + 1]


def object_tokens(anchor: Token) -> list[Token]:
    """What the anchor acts on: direct object, passive subject, a noun's "of" object, a reduced
    relative's noun; partitives ("part of X") give X too; objects joined by "and" count."""
    found: list[Token] = list(children(anchor, OBJECT_DEPS))
    if anchor.pos_ in ("VERB", "AUX"):
        if is_passive(anchor):
            found += children(anchor, ("nsubjpass",)) or (
                (children(anchor, ("nsubj",)) or children(anchor.head, ("nsubjpass",))) if anchor.dep_ == "conj" else [])
            if anchor.dep_ == "acl":
                found.append(anchor.head)
        found += free_relative_objects(anchor)
        # "cut off aid": spaCy sometimes hangs the object on the particle.
        for prt in children(anchor, ("prt",)):
            found += children(prt, OBJECT_DEPS | {"pobj"})
        if misparsed_modifier_verb(anchor):
            found.append(anchor.head)
        if not found:
            # "troops shot dead at least nine marchers": a noun the parser left unlabelled ("dep")
            # after the verb is its object.
            found += [c for c in children(anchor, ("dep",)) if c.i > anchor.i and c.pos_ in ("NOUN", "PROPN")]
        if not found:
            found += gerund_clause_subjects(anchor)
        if lemma(anchor) in LETTING_VERBS and not found:
            # "allowed a UN aid convoy to enter Mekelle": whom the actor lets act is what it allows.
            found += [s for c in children(anchor, ("ccomp", "xcomp")) for s in children(c, ("nsubj",))]
    else:
        for prep in children(anchor, ("prep",)):
            if prep.lower_ == "of":
                found += children(prep, ("pobj",))
        # "its demand that Turkey withdraw its troops": the "that" clause's subject is whom the noun is about.
        found += [s for c in children(anchor, ("acl", "ccomp"))
                  if any(m.lower_ == "that" for m in children(c, ("mark",))) for s in children(c, ("nsubj",))]
    expanded: list[Token] = []
    partitive = word_class("partitive")
    for t in found:
        for c in conjuncts(t):
            expanded.append(c)
            # "900 kg of vaccines", "part of a security assistance package": the "of" object says what;
            # "halted 12 million dollars in budget aid": a sum's "in" object says what the money is.
            if lemma(c) in partitive or c.like_num or any(g.like_num for g in c.children) or c.tag_ == "NNS":
                for prep in children(c, ("prep",)):
                    if prep.lower_ == "of" or (prep.lower_ == "in" and _is_sum(c)):
                        expanded += children(prep, ("pobj",))
            expanded += cargo(c)
    return expanded


# Participles that say what a vehicle or container holds ("trucks loaded with food", "a ship carrying arms").
LADEN_VERBS = frozenset({"load", "lade", "pack", "fill", "stack", "carry", "cram"})


def cargo(noun: Token) -> list[Token]:
    """What a noun is loaded with: "30 trucks loaded with food and medicine" (food, medicine), "a ship
    carrying arms" (arms); sending or flying in the vehicle sends what it carries."""
    found = []
    for acl in children(noun, ("acl",)):
        if lemma(acl) in LADEN_VERBS:
            found += [o for prep in children(acl, ("prep",)) if prep.lower_ == "with" for p in children(prep, ("pobj",))
                      for o in conjuncts(p)]
            found += [o for d in children(acl, ("dobj",)) for o in conjuncts(d)]
    return found


def _is_sum(token: Token) -> bool:
    """A sum of money: "12 million dollars", "$40 million" (the currency on the number)."""
    currency = word_class("currency")
    return token.ent_type_ == "MONEY" or lemma(token) in currency or (
        token.like_num and any(c.lower_ in currency for c in token.children))


def clause_objects(anchor: Token, verb: Token) -> list[Token]:
    """What the trigger word acts on, then what the verb of its clause acts on ("imposed a curfew": the
    light verb's object)."""
    return object_tokens(anchor) + (object_tokens(verb) if verb.i != anchor.i else [])


def objects_after(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the token's prepositions among ``preps`` ("talks *with* X", "offices *of* X")."""
    return [o for p in children(token, ("prep",)) if p.lower_ in preps for o in children(p, ("pobj",))]


def doers_after(noun: Token, is_party) -> list[Token]:
    """The objects of an act noun's "by" ("a raid by police"), also where the parser hung that "by" on
    the noun's "of" object when that object is a party ("the expulsion of the ambassador by Mali")."""
    return objects_after(noun, ("by",)) or [o for x in objects_after(noun, ("of",)) if is_party(x)
                                            for o in objects_after(x, ("by",))]


def doer_tokens(verb: Token) -> list[Token]:
    """The objects of a passive's "by" phrase that name a doer, known or not ("harassed by an armed
    ship"), not a time ("detained by the evening"); for a casualty with no "by", the subject of the
    clause telling how it came about (``cause_of_casualty``)."""
    return [p for a in children(verb, ("agent",)) or stray_agents(verb) for p in children(a, ("pobj",))
            if p.ent_type_ not in ("DATE", "TIME") and lemma(p) not in word_class("time_of_day")] \
        or cause_of_casualty(verb)


def stray_agents(verb: Token) -> list[Token]:
    """A passive's "by" that the parser hung on the noun after it ("was put under investigation by
    prosecutors", "was detained in a raid by police", "declared persona non grata by X"): still the
    passive's doer."""
    if children(verb, ("agent",)) or not is_passive(verb):
        return []
    # ("was granted asylum by Panama": with an object left, the parser calls the verb's own "by" a preposition,
    # or hangs it on the object)
    objects = children(verb, ("dobj",))
    own = [p for p in children(verb, ("prep",)) if p.lower_ == "by" and objects]
    if own:
        return own
    nouns = [o for prep in children(verb, ("prep",)) for o in children(prep, ("pobj",))] + objects
    # ("an attache was declared persona non grata by Prague": on the complement's last word)
    for c in children(verb, ("oprd",)):
        nouns += [c] + children(c, ("dobj", "compound", "appos"))
    return [b for o in nouns for b in children(o, ("prep",)) if b.lower_ == "by"]


# Nouns of an attack that stand for its unknown attackers ("a roadside bombing killed ...", "were killed in
# a car bombing"); not "explosion" or "blast", which may be accidents.
ATTACK_NOUNS = frozenset({"bombing", "attack", "ambush", "raid", "shelling", "airstrike", "assault"})


def a_new_one(noun: Token) -> bool:
    """"a car bombing", not "the ambush" (an act told again) or "attacks" (any number, any time)."""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


# Passive verbs of casualties whose doer a "when" clause may tell.
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim", "shoot"})


def cause_of_casualty(verb: Token) -> list[Token]:
    """"A guard was killed when gunmen raided the depot", "two policemen
    were wounded when gunmen opened fire": the subject of the "when" clause did it."""
    if lemma(verb) not in CASUALTY_VERBS or children(verb, ("agent",)):
        return []
    # ("four guards were shot dead and six others hurt when a mine struck their jeep": the
    # clause hangs on the second participle and tells the first too)
    joined = [c for c in children(verb, ("conj",)) if lemma(c) in CASUALTY_VERBS and is_passive(c)] + (
        [verb.head] if verb.dep_ == "conj" and lemma(verb.head) in CASUALTY_VERBS else [])
    # "were killed in a car bombing": the attack stands for whoever carried it out.
    attacks = [o for p in children(verb, ("prep",)) if p.lower_ == "in" for o in children(p, ("pobj",))
               if lemma(o) in ATTACK_NOUNS and a_new_one(o)]
    if attacks:
        return attacks[:1]
    # (people, forces or a weapon: "when their truck overturned" names no doer; "when their vehicle
    # struck a mine": the mine did it)
    clauses = [c for v in [verb, *joined] for c in when_clauses(v)]
    return [s for c in clauses for s in children(c, ("nsubj",))
            if (s.pos_ == "PROPN" or any(lemma(s) in word_class(k) for k in DOER_CLASSES)) and not children(s, ("poss",))] \
        or [o for c in clauses if lemma(c) in ("strike", "hit") for o in children(c, ("dobj",)) if lemma(o) in word_class("weapon")]


DOER_CLASSES = ("perpetrator", "rioters", "populace", "group", "troops", "police", "weapon")


def participle_agents(noun: Token, verbs: frozenset[str] | None = None) -> list[Token]:
    """The "by" objects of participles on the noun ("a bomb planted by rebels", "positions held by the
    YPG"), of any participle or only of those whose lemma is in ``verbs``."""
    return [p for acl in children(noun, ("acl",)) if verbs is None or lemma(acl) in verbs
            for agent in children(acl, ("agent",)) for p in children(agent, ("pobj",))]


# Nouns of a span of time whose "of" says what went on ("broke off two years of talks").
SPAN_NOUNS = frozenset({"day", "week", "month", "year", "decade", "round", "hour"})


def object_lemmas(anchor: Token) -> set[str]:
    words: set[str] = set()
    for t in object_tokens(anchor):
        words |= lemmas(t)
        for c in children(t, ("compound", "amod")):
            # a participle counts as written ("peacekeeping troops"), not as its verb ("protesting
            # students" are no protest)
            words |= {c.lower_} if c.tag_ == "VBG" and c.dep_ == "amod" else lemmas(c)
        # "dissolved the main opposition, the National Party": the name set beside the object says what it is.
        words |= {w for a in children(t, ("appos",)) for w in lemmas(a)}
        if t.like_num or lemma(t) in SPAN_NOUNS:  # "$24 million in military aid", "two years of talks"
            words |= {w for o in objects_after(t, ("in", "of")) for w in lemmas(o)}
    return words


def prep_objects(token: Token, depth: int = 2) -> list[Token]:
    """Objects of prepositions on the token ("withdraw from talks", "walk out of talks")."""
    out: list[Token] = []
    frontier = [token]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in PREP_DEPS or (c.dep_ == "advmod" and c.pos_ in ("ADP", "ADV")):
                    out += children(c, ("pobj", "pcomp"))
                    nxt.append(c)
        frontier = nxt
    return out


def is_purpose(token: Token) -> bool:
    """A "to" infinitive hung on its clause as an adverbial: what the act is for ("flew to Cairo to
    mediate"), or, as spaCy often parses it, a complement ("sworn to fight")."""
    return token.dep_ == "advcl" and has_to(token)


def has_to(verb: Token) -> bool:
    """Is the verb a "to" infinitive?"""
    return any(g.dep_ == "aux" and g.tag_ == "TO" for g in verb.children)


def infinitives(token: Token) -> list[Token]:
    """Infinitive complements: "agreed to meet" (xcomp) and "sworn to fight" (spaCy often says advcl)."""
    return [c for c in children(token, ("xcomp", "advcl")) if c.dep_ == "xcomp" or is_purpose(c)]


def neighbourhood(token: Token) -> list[Token]:
    """Children, grandchildren and head: where the other words of a multiword trigger may sit."""
    out = []
    for c in token.children:
        out.append(c)
        out.extend(c.children)
    if token.head.i != token.i:
        out.append(token.head)
    return out


def clause_verb(token: Token) -> Token:
    """The verb a noun or modal belongs to: climb compounds, conjunctions, objects and prepositions."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def is_month_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_ in word_class("month")


def subject_word(token: Token) -> Token | None:
    """The subject of a verb, or of the verb it is joined to ("torched cars and stormed ..."), or of
    the copula an adjective is the predicate of ("the move was illegal"); an active participle's noun
    ("warplanes flying to Mali"); the noun a relative clause is on ("youths who hurled stones")."""
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    for _ in range(3):
        subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and token.dep_ == "xcomp" and token.head.pos_ == "VERB":
            # "fighters started surrendering their rifles": the verb's subject does it; "ordered the
            # troops to withdraw": its object does.
            subj = next((c for c in token.head.children if c.dep_ == "dobj"), None)
            if subj is None:
                token = token.head
                continue
        if subj is not None and subj.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
            return token.head  # "protesters who defied the curfew": the noun the relative clause is on
        if subj is not None or token.dep_ not in ("conj", "acomp", "attr") or token.head.i == token.i:
            return subj
        token = token.head
    return None


def crowd_members(token: Token, heads: frozenset[str]) -> list[Token]:
    """"thousands of protesters", "bands of hooded youths", "tens of thousands of Tunisians": the
    "of" objects of a crowd or number word, innermost last (they say who)."""
    inner: list[Token] = []
    while lemma(token) in heads or token.like_num:
        of = [o for p in children(token, ("prep",)) if p.lower_ == "of"
              for o in children(p, ("pobj",)) or gerund_crowd(p)]  # ("hundreds of teachers marching")
        if not of:
            break
        inner += of
        token = of[0]
    return inner


def receiving_verb(noun: Token) -> Token | None:
    """The verb that receives an act named by its noun ("the move drew criticism", "came under
    criticism", "there was criticism"), not in a relative clause ("remarks that drew criticism", said of
    something else)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        verb = noun.head.head
    elif noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "attr" and children(noun.head, ("expl",)):
        return noun.head  # "there was sharp criticism from the union"
    else:
        return None
    if verb.pos_ != "VERB" or lemma(verb) not in word_class("receiving") or verb.dep_ == "relcl":
        return None
    return verb


def received_from(noun: Token) -> list[Token]:
    """The parties after "from" of an act a receiving verb takes ("drew criticism from Mexico"; the
    parser hangs "from" on the noun or on the verb)."""
    verb = receiving_verb(noun)
    if verb is None:
        return []
    # ("got the second instalment of a credit from the World Bank": the "from" of what the noun is a part of)
    parts = [o for prep in children(noun, ("prep",)) if prep.lower_ == "of" for o in children(prep, ("pobj",))]
    return [p for prep in [c for h in [noun, *parts, verb] for c in children(h, ("prep",))] if prep.lower_ == "from"
            for p in children(prep, ("pobj",))]


def rejected_vote(anchor: Token, verb: Token):
    """"rejected the published tally of Sunday's vote": the vote the act names as its object
    (the words up to its noun), or None; also the object of its infinitive ("refused to recognise the count")."""
    for o in clause_objects(anchor, verb) + [o for x in children(anchor, ("xcomp",)) for o in object_tokens(x)]:
        if lemma(o) in word_class("vote"):
            return o.doc[o.left_edge.i:o.i + 1]
    return None


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def time_adjunct(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Friday", "in March", "at dawn")."""
    return bool(objects := children(prep, ("pobj",))) and all(o.ent_type_ in TIME_ENTITIES for o in objects)


# Nouns an act's name only classifies ("riot police", "riot gear", "protest leaders", "strike committee").
CLASSIFIED_BY_ACT = frozenset({"police", "policeman", "policemen", "gear", "squad", "squads", "shield", "shields",
                               "unit", "units", "troops", "officer", "officers", "leader", "leaders", "organiser",
                               "organisers", "organizer", "organizers", "committee", "movement", "camp", "site"})


def names_a_kind_of_next(token: Token) -> bool:
    """"riot police", "protest leaders": a singular act noun right before a noun it classifies names
    no act, however the parser hung it (a misparsed "Kyrgyz riot police fired" makes "riot" the root)."""
    if token.tag_ != "NN" or token.i + 1 >= len(token.doc):
        return False
    nxt = token.doc[token.i + 1]
    return nxt.pos_ == "NOUN" and nxt.lower_ in CLASSIFIED_BY_ACT and bool(token.whitespace_)
