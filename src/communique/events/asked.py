"""Whom an act of speech is put to when no object or preposition names it: the subject of the clause it
asks for or lets happen ("demanded that the US cancel ...", "agreed to let inspectors return"), the
party a refused proposal was aimed at, or the party of its condition ("threatened to halt talks if the
United States ...", "will keep the blockade until the rebels free the hostages")."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.index import MentionIndex
from ..model import ActorMention
from ..parse import children, lemma, subject_token
from .lexicon import word_class
from .matching import TriggerMatch
from .modality import condition_clause
from .parties import captors_of, coded_under, maker_of_proposal, mentions_under, unique
from .syntax import LETTING_VERBS, has_to, infinitives, is_free_relative, object_tokens, objects_after


# Acts of speech whose asked clause or condition names whom they are put to.
ASKING_CATEGORIES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "AGREE", "REJECT", "SUPPORT", "SANCTION", "AID"})


def asked_party(match: TriggerMatch, verb: Token, index: MentionIndex,
                actor: list[ActorMention]) -> list[ActorMention]:
    """Whom a demand, warning, agreement or refusal is put to: the subject of the clause asked for
    ("demanded that the US cancel ..."), else the subject of its condition ("threatened to halt talks
    if the United States ..."); [] when the sentence names none."""
    recipient: list[ActorMention] = []
    if match.entry.plover in ASKING_CATEGORIES:
        # "demanded that the US cancel ...", "welcomes Japan to invest": the subject of the clause asked for;
        # "declared two diplomats persona non grata": whom the declaration names; "help Libya rebuild".
        actor_codes = {e.code for m in actor for e in m.entities if e.code}
        # "renewed its call for Argentina to rein in spending": the infinitive of the act noun too.
        own = infinitives(match.anchor) if match.anchor.i != verb.i else []
        if match.anchor.pos_ == "NOUN":  # "its refusal to let ...": the noun's own infinitive clause
            own += [c for c in children(match.anchor, ("acl",)) if has_to(c) and c not in own]
        # "agreed to let U.N. inspectors reinstall cameras", "its refusal to let monitors in": whom the actor lets act.
        let = [c for x in infinitives(verb) + own if lemma(x) in LETTING_VERBS for c in children(x, ("ccomp", "xcomp"))]
        for c in [c for c in children(verb, ("ccomp",)) if not is_free_relative(c)] + infinitives(verb) + own + let:
            subj = subject_token(c)
            if subj is not None:  # ("a French-drafted resolution was vetoed": its maker)
                recipient = maker_of_proposal(subj, index) or mentions_under(subj, index)[0]
                if match.entry.plover in ("THREATEN", "AGREE") and all(
                        {e.code for e in m.entities} <= actor_codes for m in recipient):
                    recipient = []  # "warned that Beijing would take measures": its own side acts
                if recipient:
                    break
    if not recipient and match.entry.plover in ("AGREE", "REJECT"):
        # "accepted an invitation to visit Nigeria", "turned down an offer to mediate with Kenya": the
        # party the proposed act is aimed at (a proposal whose maker is named answers the maker).
        recipient = unique([m for obj in object_tokens(match.anchor) if lemma(obj) in word_class("proposal")
                            and not coded_under(obj, index, 1, places=True)
                            for x in children(obj, ("acl",)) if any(a.lower_ == "to" for a in children(x, ("aux",)))
                            for o in object_tokens(x) + objects_after(x, ("with", "to"))
                            for m in coded_under(o, index, 2)])
    if not recipient:
        # "threatened to halt talks if the United States ...": the party the condition is put to.
        # "warned that it would take action if the United States pressed ahead": the reported clause's too.
        # "would walk out of the talks if Israel resumed building": a conditional act of any kind is a
        # threat or a promise put to the party of its condition.
        for host in [verb] + infinitives(verb) + children(verb, ("ccomp",)):
            cond = condition_clause(host)
            if cond is None and match.entry.plover in HELD_UNTIL_CATEGORIES:
                # "would keep the dockers out until the ministry pays": whom a refusal or protest holds out against
                cond = next((c for c in children(host, ("advcl",)) if any(
                    g.dep_ == "mark" and g.lower_ in ("until", "till") for g in c.children)), None)
            subj = subject_token(cond) if cond is not None else None
            if subj is not None:  # ("a French-drafted resolution was vetoed": its maker)
                recipient = maker_of_proposal(subj, index) or mentions_under(subj, index)[0]
                if recipient:
                    break
    return recipient


# Acts held until another party acts ("would keep the dockers out until the ministry pays", "will keep the
# blockade until the rebels free the hostages").
HELD_UNTIL_CATEGORIES = frozenset({"REJECT", "PROTEST", "CONCEDE", "RETREAT"})  # (a refusal is a negated concession)


# Nouns of setting captives free.
RELEASE_NOUNS = frozenset({"release", "freeing", "freedom", "return", "handover"})


def captors_asked(anchor: Token, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """An appeal for the release of captives is put to whoever holds them, when a participle names
    them ("called for the release of three Americans held by FARC guerrillas": the FARC)."""
    nouns = [anchor, *object_tokens(verb), *objects_after(verb, ("for",)), *objects_after(anchor, ("for",))]
    releases = [n for n in nouns if lemma(n) in RELEASE_NOUNS]
    captives = [c for n in releases for c in objects_after(n, ("of",))]
    captives += [x for c in list(captives) for x in c.conjuncts]
    return unique([m for c in captives for m in captors_of(c, index)])
