"""Who acts: the subject of a trigger's clause, the agent of a passive, the speaker of reported speech.

- ``subject_of``: the mentions of a verb's subject, climbing to the verb whose subject it shares
  ("agreed to share", "attacked and killed", "militiamen who attacked", "issued a declaration
  demanding"); where the parser gave a main verb no subject, the noun phrase right before the
  verb and its auxiliaries (word order only as a fallback: "With the signing of the accord, the
  government and the rebels have agreed ...");
- ``agent``: the "by" party of a passive ("was attacked by Burkinabe gunmen");
- ``speaker``: the subject of the reporting verb whose clause holds the verb ("Wang said ...");
- ``same_side``: does a reported subject stand for the speaker ("Wang said he ...", "Wang said
  China ...", but not "China ..., Wang said")?
- ``is_pronoun``, and the pronoun words the argument rules skip or follow.

Which of these is a trigger's actor is decided by events/arguments.py.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.index import MentionIndex
from ..model import ActorMention
from ..parse import children, conjuncts, governing_verb, lemma, participle_partner, subject_token
from .lexicon import word_class
from .parties import mentions_under
from .syntax import cause_of_casualty, is_purpose, misparsed_main_verb, reporting_verb, stray_agents

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our"})
# Verbs that judge a party for what it did ("punished X for detaining ...").
JUDGING_VERBS = frozenset({"punish", "blame", "criticise", "criticize", "accuse", "condemn", "praise", "thank",
                           "sanction", "fine", "reward", "commend", "fault", "rebuke", "reprimand", "congratulate"})
# Attacks named by a noun, and the verbs that hold one against a party ("called in X's envoy to protest at
# a raid that ...", "condemned X for the shelling that ...").
ATTACK_NOUNS = frozenset({"strike", "airstrike", "attack", "bombing", "raid", "shelling", "ambush", "assault",
                          "incursion", "bombardment"})
BLAMING_VERBS = frozenset({"summon", "condemn", "protest", "blame", "accuse", "denounce", "criticise", "criticize"})
# Verbs that make their object do what their infinitive says ("forced the army to withdraw").
CAUSING_VERBS = frozenset({"prompt", "force", "compel", "lead", "push", "drive", "spur", "oblige", "cause"})
# Climbing from a subjectless verb to the verb whose subject it shares.
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "dobj", "pobj"})


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" or token.lower_ in PERSONAL_PRONOUNS


def speaker(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The actor who reports the clause of ``verb`` ("Wang said ... "), if any. An adjective of stance
    reports through its copula ("Kenya said it was opposed to ...": the clause is "was"), an infinitive
    through the verb it completes ("told reporters that his troops would start leaving")."""
    report = reporting_verb(verb)
    return subject_of(report, index)[0] if report is not None else []


def subject_of(verb: Token, index: MentionIndex):
    """(mentions, direct, subject token) of the clause of ``verb``, climbing to the verb whose subject
    it shares ("agreed to share", "attacked and killed", "militiamen who attacked")."""
    t, came_by = verb, None
    partner = participle_partner(verb)
    if partner is not None:  # "..., tweeting that ... not to sign it and accusing X": the one tweeting
        verb = t = partner
    if misjoined_to_content(verb):
        # "insisted that Serbia recall its troops and urged Russia to ...": the one who insisted urges.
        verb = t = verb.head.head
    judged = _judged_party(verb, index)
    if judged is not None:
        return judged
    owner = _with_absolute_subject(verb)
    if owner is not None:
        found, depth = mentions_under(owner, index)
        if found:
            return found, depth <= 1, owner
    owner = _subject_of_reduced_relative(verb)
    if owner is not None:
        found, depth = mentions_under(owner, index)
        return found, depth <= 1, owner
    for step in range(6):
        if came_by == "advcl" and _result_participle(verb) and t.i != verb.i and (
                t.dep_ in ("relcl", "acl") or (t.dep_ == "advcl" and any(m.lower_ in ("as", "while")
                                                                         for m in children(t, ("mark",))))):
            # "set off explosives beside workers leaving a factory, killing nine", "shelled the port while
            # sailors loaded grain, killing two": the parser hung the casualties on the clause of a
            # bystander; they are the result of the act that clause describes.
            t, came_by = governing_verb(t.head) if t.dep_ != "advcl" else t.head, "result"
            continue
        subj = subject_token(t)
        # A passive subject is shared only along "and" ("was indicted and will resign").
        if subj is not None and (subj.dep_ != "nsubjpass" or t is verb or came_by == "conj"):
            if subj.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl":
                found, depth = mentions_under(t.head, index)
                if not found:
                    blamed = _blamed_for_act(t.head, index)
                    if blamed is not None:
                        return blamed
                if not found and is_purpose(verb) and verb.head.i == t.i and t.head.dep_ in ("dobj", "pobj", "attr"):
                    # "walked across the kerb that divides the peninsula to meet X": the parser hung the
                    # walker's purpose on the relative clause of a thing; the walker meets X.
                    t, came_by = t.head, "acl"
                    continue
                return found, depth <= 1, t.head
            found, depth = mentions_under(subj, index)
            if not found and t.dep_ == "relcl" and any(c.lower_ == "whose" for c in subj.children):
                # "the union, whose leaders demanded ...": the leaders speak for the union.
                found, depth = mentions_under(t.head, index)
                return found, depth <= 1, t.head
            if (not found or lemma(subj) in word_class("act_noun")) and came_by == "conj" and t.dep_ == "ccomp" \
                    and lemma(t.head) in word_class("report") \
                    and not (_may_be_party(subj) and lemma(t) != "be" and t.pos_ == "VERB" and t.tag_ != "VB"):
                # "X said the claims were baseless and called on Y", "said India's decision was unacceptable
                # and urged ...": the parser joined "called" to the reported clause; X speaks and calls.
                t, came_by = t.head, "ccomp"
                continue
            return found, step == 0 and depth <= 2, subj
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBG") or misparsed_main_verb(t):
            found, depth = mentions_under(t.head, index)
            if found or t.head.dep_ not in ("dobj", "pobj", "attr"):
                return found, depth <= 1, t.head
            t, came_by = t.head, "acl"  # "issued a declaration demanding ...": the issuer
            continue
        if t.dep_ == "ROOT":
            return _subject_left_of(t, index)
        if t.dep_ == "attr" and came_by == "acl" and subject_token(t.head) is not None:
            # "Senegal became the first state to recognise X": the noun's copula has the doer.
            came_by, t = "attr", t.head
            continue
        if t.dep_ not in SHARED_SUBJECT_DEPS or t.head.i == t.i:
            return [], False, None
        made_to = [o for o in t.head.children if o.dep_ == "dobj"] if t.dep_ == "xcomp" and \
            lemma(t.head) in CAUSING_VERBS and t.head.tag_ != "VB" else []
        if made_to:
            # "prompting the Dutch premier to call for ...": the one made to act acts (not where the
            # making is only an aim: "a strike meant to force the president to resign").
            found, depth = mentions_under(made_to[0], index)
            return found, depth <= 1, made_to[0]
        came_by = t.dep_
        t = t.head
    return [], False, None


# Participles of a result told after a comma ("..., killing 12 people").
RESULT_PARTICIPLES = frozenset({"kill", "wound", "injure", "leave"})


def _result_participle(verb: Token) -> bool:
    """"..., killing 12 people" (and the "wounding 31" joined to it)."""
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and lemma(verb) in RESULT_PARTICIPLES:
        verb = verb.head
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and lemma(verb) in RESULT_PARTICIPLES \
        and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _with_absolute_subject(verb: Token) -> Token | None:
    """"ended with Medvedev accepting a plan", "with police firing tear gas": the noun right before a
    participle of a "with" phrase does it (the parser hangs the participle on the main verb)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "pcomp", "conj") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return next((a for a in [before, *before.ancestors] if a.dep_ == "pobj" and a.head.lower_ == "with"
                 and a.right_edge.i == verb.i - 1 and a.pos_ in ("NOUN", "PROPN")), None)


def _subject_of_reduced_relative(verb: Token) -> Token | None:
    """"hit back after shells launched over the frontier wounded three farmers": the parser read the
    participle of a reduced relative ("launched over ...") as the clause's verb and joined the real verb to
    the main clause without "and"; the participle's subject is the real verb's."""
    head = verb.head
    if verb.dep_ != "conj" or subject_token(verb) is not None or any(
            c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return None
    clause = next((c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBN" and head.i < c.i < verb.i
                   and c.right_edge.i == verb.i - 1), None)
    return subject_token(clause) if clause is not None else None


PARTY_CLASSES = ("populace", "rioters", "perpetrator", "group")


def _may_be_party(noun: Token) -> bool:
    """Could a subject no table knows still be a party ("rioters had looted stores and burned ...")?
    (Not when it is only described: "said the gunmen belonged to X and accused Y".)"""
    return noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or any(
        lemma(noun) in word_class(name) for name in PARTY_CLASSES)


def misjoined_to_content(verb: Token) -> bool:
    """A past-tense verb the parser joined by "and" to the base-form verb of a demand's "that" clause
    ("demanded that X scrap its missiles and urged Z to ..."): it goes with the demand, not inside it."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and head.tag_ in ("VB", "VBP") and head.dep_ == "ccomp" \
        and head.head.tag_ == "VBD" and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)


def _blamed_for_act(noun: Token, index: MentionIndex):
    """"called in Moscow's ambassador to protest at an air raid that left six dead": an attack named by a
    noun no party owns, which a verb of blame holds against its object, was that object's doing."""
    if lemma(noun) not in ATTACK_NOUNS:
        return None
    path = {noun.i}
    t = noun
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        path.add(t.i)
        if t.pos_ == "VERB" and lemma(t) in BLAMING_VERBS:
            for obj in (o for o in children(t, ("dobj",)) if o.i not in path):
                found, _ = mentions_under(obj, index)
                if found:
                    return found, False, obj
    return None


def _judged_party(verb: Token, index: MentionIndex):
    """"punished Minsk for forcing down a jet", "praised Kenya for sending police": the doer of a gerund
    after "for" on a verb of judgement is that verb's object, not its subject."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # "for forcing down a jet and detaining ..."
        verb = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "for":
        return None
    judge = verb.head.head
    if lemma(judge) not in JUDGING_VERBS:
        return None
    for obj in children(judge, ("dobj",)):
        found, depth = mentions_under(obj, index)
        if found:
            return found, depth <= 1, obj
    return None


def _subject_left_of(verb: Token, index: MentionIndex):
    """A main verb the parser gave no subject ("With the signing of the accord, the government and the
    rebels have agreed ...", where the pair became conjuncts of "accord"): in English the subject is
    the noun phrase right before the verb and its auxiliaries."""
    first = min([verb] + [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")], key=lambda x: x.i)
    if first.i == 0:
        return [], False, None
    before = verb.doc[first.i - 1]
    m = index(before.i)
    if m is None or before.dep_ in ("pobj", "poss"):
        return [], False, None
    found = [m]
    for c in conjuncts(verb.doc[m.root])[1:]:
        other = index(c.i)
        if other is not None and all(other is not f for f in found):
            found.append(other)
    head = verb.doc[m.root]
    while head.dep_ == "conj" and head.head.i != head.i:  # the first of the pair carries the others
        head = head.head
        first_m = index(head.i)
        if first_m is not None and all(first_m is not f for f in found):
            found.insert(0, first_m)
    return found, False, before


def agent(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The mentions of a passive verb's "by" phrase ("was attacked by Burkinabe gunmen"), or of the
    passive it is joined to ("were tortured and beaten by troops": the agent closes both)."""
    body = _expelling_body(verb, index)
    if body:
        return body
    hosts = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    for host in hosts:
        for c in children(host, ("agent",)) or stray_agents(host):
            for p in children(c, ("pobj",)):
                return mentions_under(p, index)[0]
    # "three soldiers were killed when Taliban fighters stormed their post": the "when" clause's subject.
    return [m for t in cause_of_casualty(verb) for m in mentions_under(t, index)[0]]


# Passives of a body putting a member out, and the "by" nouns that only say how it decided.
EXPULSION_PASSIVES = frozenset({"suspend", "expel", "exclude"})
DECISION_NOUNS = frozenset({"vote", "decision", "resolution", "majority", "ballot"})


def _expelling_body(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """"Chad was suspended from the regional bloc (by a vote of its members)": the international body
    a member is put out of does it, unless a "by" phrase names another doer."""
    if lemma(verb) not in EXPULSION_PASSIVES:
        return []
    doers = [p for c in children(verb, ("agent",)) for p in children(c, ("pobj",))]
    if any(lemma(d) not in DECISION_NOUNS for d in doers):
        return []
    bodies = [m for p in children(verb, ("prep",)) if p.lower_ == "from" for o in children(p, ("pobj",))
              for m in mentions_under(o, index)[0]]
    return [m for m in bodies if any(e.code == "IGO" for e in m.entities)]


def same_side(own: list[ActorMention], speaker: list[ActorMention]) -> bool:
    """Does the reported subject stand for the speaker? A pronoun always ("Wang said he ..."); the
    speaker's own country when the speaker comes first ("Sharif said Islamabad was willing to talk":
    Sharif speaks for Islamabad), never when the act comes first ("Japan pledged aid to Ukraine,
    Kishida said", "North Korea turned down the offer, KCNA said": Japan and North Korea act).
    Measured on the PLV and blind pair sets, whose annotators mark the pair that way."""
    if not own or not speaker:
        return False
    if all(m.kind == "pronoun" for m in own):
        return True
    own_codes = {e.code for m in own for e in m.entities}
    speaker_codes = {e.code for m in speaker for e in m.entities}
    return own_codes == speaker_codes and all(m.kind in ("country", "capital") for m in own) \
        and max(m.token_end for m in speaker) <= min(m.token_start for m in own)
