"""The doer of a passive: its "by" agent; else whom the sentence implies ("was welcomed in Tehran": the
host; "41 people had been held, the justice ministry said": the state body that reports it; "troops have
been massed along the border": the forces' own state)."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.implicit import place_state
from ..actors.index import MentionIndex
from ..knowledge.codes import FORCE_SECTORS, STATE_SECTORS
from ..parse import subject_token
from .matching import TriggerMatch
from .parties import mentions_under
from .subjects import agent, speaker
from .syntax import doer_tokens

HOST_A_VISIT = "043"
EXPULSION = "166"  # CAMEO: expel or withdraw (diplomats, inspectors, peacekeepers)
INVESTIGATION = "09"  # CAMEO 09x: investigate


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
