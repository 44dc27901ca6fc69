"""Whom a judgement or an accusation is aimed at, where the parse puts that party away from the trigger.

- ``accused_party``: whom an accusation is brought against, past the forum it is brought before;
- ``perpetrator_of_object``: the doer of the act an accusation is about ("the killing of monks by the army");
- ``doer_of_summed_act``: the doer of the clause a judged noun sums up ("..., a move Beijing condemned").

The other recipient candidates around a trigger are events/recipients.py's.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.index import MentionIndex
from ..model import ActorMention
from ..parse import children, lemma, shared_subject, subject_token
from .lexicon import word_class
from .parties import coded_under
from .recipients import LEGAL_ACTION_NOUNS, first_coded, party_after, trigger_words
from .syntax import object_tokens, participle_agents


def perpetrator_of_object(anchor: Token, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The "by" party of the act an accusation is about ("condemned the killing of monks by the army")."""
    for host in trigger_words(anchor, verb):
        for obj in object_tokens(host) + [p for prep in children(host, ("prep",)) if prep.lower_ in ("for", "into", "of")
                                          for p in children(prep, ("pobj",))]:
            found = party_after(obj, ("by",), index) or _agent_of_participle(obj, index)
            if found:
                return found
    return []


def _agent_of_participle(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """The doer a participle on the noun names ("an air strike called in by German troops", "the budget
    submitted by the government")."""
    return first_coded(participle_agents(noun), index)


def accused_party(anchor: Token, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The party an accusation is brought "against", also where the parser hangs "against" on the
    forum ("filed a suit in a Paris court against X", "a complaint with the council against X"):
    the forum is where it is heard, not whom it is aimed at."""
    hosts = trigger_words(anchor, verb)
    # "filed a case against X" (not "investigating killings ... against civilians": their victims)
    hosts += [o for h in list(hosts) for o in children(h, ("dobj",)) if lemma(o) in LEGAL_ACTION_NOUNS]
    hosts += [p for h in list(hosts) for prep in children(h, ("prep",)) if prep.lower_ in ("in", "with", "before", "at")
              for p in children(prep, ("pobj",))]
    for host in hosts:
        found = party_after(host, ("against",), index)
        if found:
            return found
    subj = subject_token(verb) if anchor.pos_ == "ADJ" else None
    if subj is not None and lemma(subj) in word_class("act_noun"):  # "India's decision was unacceptable"
        return coded_under(subj, index, 2)
    return []


def doer_of_summed_act(anchor: Token, index: MentionIndex) -> list[ActorMention]:
    """"Japan expelled two envoys, a move Beijing condemned", "withdrew on Friday, a decision welcomed
    by the U.N.": a judgement of the noun that sums up the clause before the comma is aimed at its doer."""
    noun = anchor.head
    if anchor.dep_ not in ("relcl", "acl") or lemma(noun) not in word_class("act_noun") or noun.left_edge.i == 0:
        return []
    main = noun.head
    if lemma(main) in word_class("report"):  # "X has barred ..., the agency said, a step Y condemned"
        main = next(iter(children(main, ("ccomp",))), main)
    if main.pos_ not in ("VERB", "AUX") or noun.dep_ not in ("dobj", "npadvmod", "appos") \
            or noun.doc[noun.left_edge.i - 1].text != "," or (subject := shared_subject(main)) is None:
        return []
    return coded_under(subject, index, 2)
