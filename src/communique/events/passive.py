"""The doer of a passive: its "by" agent; else whom the sentence implies ("was welcomed in Tehran": the
host; "41 people had been held, the justice ministry said": the state body that reports it; "troops have
been massed along the border": the forces' own state; "sailors held by X were freed": their captors)."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.implicit import place_state
from ..actors.index import MentionIndex
from ..knowledge.codes import FORCE_SECTORS, STATE_SECTORS
from ..parse import children, shared_subject, subject_token
from .matching import TriggerMatch
from .modality import dated_recent
from .parties import captors_of, maker_of_proposal, mentions_under, national_modifier, unique
from .subjects import RELATIVE_PRONOUNS, agent, speaker
from .syntax import doer_tokens

HOST_A_VISIT = "043"
EXPULSION = "166"  # CAMEO: expel or withdraw (diplomats, inspectors, peacekeepers)
INVESTIGATION = "09"  # CAMEO 09x: investigate
RELEASE = "0841"  # CAMEO: release persons or property


def actor_of_passive(args, match: TriggerMatch, verb: Token, index: MentionIndex) -> None:
    """Set ``args.actor`` (an ``Arguments``) for a passive trigger with no actor yet."""
    args.actor = agent(verb, index)
    args.actor_direct = bool(args.actor)
    if not args.actor and match.entry.cameo == HOST_A_VISIT:
        # "was welcomed in Tehran": the host is the state where the visitor was received.
        args.actor = place_state(verb, index, depth=4)
    # (a "by" phrase names the doer even when no table knows it: "harassed by an unidentified armed vessel")
    if not args.actor and (match.entry.plover == "COERCE" or match.entry.cameo.startswith(INVESTIGATION)) \
            and not doer_tokens(verb):
        # "The justice ministry said 41 people had been held", "was placed under investigation, a
        # prosecutor said": the state body that reports an arrest or an investigation made it; else
        # "was detained in Jordan": the state where it happened did.
        reporter = speaker(verb, index)
        if reporter and all(e.sector in STATE_SECTORS for m in reporter for e in m.entities):
            args.actor, args.actor_from_speaker = reporter, True
        else:
            args.actor = place_state(verb, index)
    if not args.actor and match.entry.cameo == RELEASE and not doer_tokens(verb):
        # "Six fishermen held since May by Abu Sayyaf were freed": their captors freed them.
        args.actor = unique([m for t in children(verb, ("nsubjpass",)) for m in captors_of(t, index)])
        args.actor_direct = bool(args.actor)
    if not args.actor and (match.entry.plover in ("MOBILIZE", "RETREAT") or match.entry.cameo.startswith(EXPULSION)):
        # "Turkish armour has been gathered near the frontier", "forces were put on alert", "all Israeli
        # troops would be pulled out", "UN peacekeepers were pulled out": the forces moved stand for the
        # state or body that moved them.
        # Bare "extra troops had been deployed", an army spokesman said: the speaker's side's.
        subj = subject_token(verb)
        forces = mentions_under(subj, index)[0] if subj is not None else []
        reporter = speaker(verb, index)
        if forces and all(e.sector in FORCE_SECTORS for m in forces for e in m.entities):
            bare = not any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN"
                           for m in forces for t in verb.doc[m.token_start:m.token_end])
            if reporter and bare:
                args.actor, args.actor_from_speaker = reporter, True
            else:
                args.actor = forces


def recipient_of_passive(args, verb: Token, index: MentionIndex) -> None:
    """Set ``args.recipient`` of a passive trigger: its subject (shared by "and", the noun a relative
    pronoun stands for when the clause is dated, the maker of a proposal), or the noun a passive
    participle modifies; none where that is the actor already (forces moved), except the nation of
    captives freed by their captors."""
    subj = None
    if verb.dep_ == "acl":
        args.recipient, _ = mentions_under(verb.head, index)
    else:
        subj = shared_subject(verb)  # "were abused and tortured by guards": the shared subject
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl" \
                and dated_recent(subj.head):
            subj = subj.head.head  # "X, who was detained by police on Monday": X (not a past told of X)
        if subj is not None:  # ("a French-drafted resolution was vetoed": its maker)
            args.recipient = maker_of_proposal(subj, index) or mentions_under(subj, index)[0]
    if {id(m) for m in args.recipient} <= {id(m) for m in args.actor}:
        args.recipient = []  # the forces moved are the actor (``actor_of_passive``)
        if subj is not None:
            # "Eight Malaysian fishermen held by Abu Sayyaf were freed": the captors are the actor, the
            # freed are of the nation their adjective names.
            args.recipient = national_modifier(subj, index)
    args.recipient_direct = bool(args.recipient)
