"""The one place where an event is decided: category, actor and recipient of a trigger.

Rules elsewhere only propose: a trigger line proposes its CAMEO code (``matching``), the parse
proposes actors and recipients (``arguments``), the auxiliary modes are read (``modality``).
``decide`` weighs a trigger's ``Candidate`` once: it picks the reading (CAMEO code, PLOVER category,
mode, context) among the trigger's own and the readings the rules below propose for the clause
and for each pair of parties, splits the parties into pairs, and scores each event. Every event
records the chain of rules that decided it (``Event.rule``), so an analyst can ask "why this
event?". ``report`` is the last step: which decided events a story reports.

Readings proposed for the clause, in the order they are weighed (the first that applies wins):

1. an appeal modal ("X said Y must ...") is the appeal, made now;
2. "will not yield/talk" announced is a refusal (REFUSED_BY_NEGATION);
3. not willing to act, or a promise not to cooperate, is a refusal ("is not ready to resume talks",
   "vowed not to return the land");
4. a future act recoded by ``intent.tsv`` (future cooperation is a promise, future conflict a threat);
5. a judgement of a demand or offer ("the demand was unacceptable") turns it down.

Readings proposed for a pair: expelling another state's officials is a diplomatic sanction; a deal
between companies is economic cooperation; an exercise with a foreign partner is military
cooperation; hosting a visit is the visitor's visit (PLOVER codes the visitor as actor); a guilty
finding told with its prison sentence is a conviction (SANCTION 'convict'), and a court's prison sentence
is both a conviction and an arrest (the PLOVER manual's SANCTION ambiguities). A guilty finding alone
keeps the CAMEO->PLOVER table's ACCUSE (116), as the news-pair set codes it.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..knowledge.codes import STATE_SECTORS, own_forces, own_people
from ..model import ActorMention, Entity, Event
from ..ontology import cameo
from .arguments import Arguments
from .lexicon import intent_rule, word_class
from .matching import TriggerMatch
from .modality import STORY_SENTENCES, Modality, announced_decision, condition_clause, is_negated  # noqa: F401 (re-exported)
from .story import RECIPROCAL_CATEGORIES
from .syntax import infinitives, object_tokens


@dataclass(frozen=True)
class Reading:
    """What a trigger means here: a CAMEO code with its PLOVER category, mode and context, and the rules
    that made it so (the trigger's data line first)."""

    cameo: str
    plover: str
    mode: str | None
    context: tuple[str, ...]
    rules: tuple[str, ...]

    @classmethod
    def of(cls, code: str, rules: tuple[str, ...], plover: str | None = None) -> "Reading":
        row = cameo(code)
        return cls(row.code, plover or row.plover, row.mode, row.context, rules)

    def recoded(self, code: str, rule: str, plover: str | None = None) -> "Reading":
        return Reading.of(code, self.rules + (rule,), plover)


@dataclass(frozen=True)
class Candidate:
    """A trigger with what the other stages proposed for it: its arguments and auxiliary modes."""

    match: TriggerMatch
    args: Arguments
    modality: Modality


@dataclass(frozen=True)
class Decision:
    """One event as decided: its reading, its pair of parties, what is left of its modality, its score."""

    reading: Reading
    actor: list[Entity]
    recipient: list[Entity]
    modality: Modality
    confidence: float


def decide(candidate: Candidate) -> list[Decision]:
    """The events of one trigger: one reading for the clause, then one event per pair of parties."""
    match, args = candidate.match, candidate.args
    clause, mod = _clause_reading(candidate)
    score = _confidence(match, args, mod)
    decisions = []
    # "Greece and Albania failed to agree on a deal": a refusal the two parties make of each other
    mutual = clause.plover == "REJECT" and match.anchor.lemma_.lower() == "fail"
    for actor, recipient in _dyads(args, clause.plover, appeal=clause.plover == "REQUEST", mutual=mutual,
                                   code=clause.cameo):
        if match.entry.pos == "AUX" and not recipient:
            continue
        if not actor or _same_single_entity(actor, recipient):
            continue
        if clause.plover == "CONSULT" and recipient and all(r.sector == "MED" for r in recipient):
            continue  # "told reporters after the meeting": speaking to the press is no meeting
        reading, actor, recipient = _pair_reading(clause, match, actor, recipient)
        recipient = own_people(reading.plover, actor, recipient)
        decisions.append(Decision(reading, actor, recipient, mod, score))
        if _sentences_to_prison(reading, match, actor):
            # PLOVER manual (SANCTION, ambiguities): a conviction that results in imprisonment is a
            # conviction (SANCTION 'convict') and also a COERCE 'arrest'.
            decisions.append(Decision(_conviction(reading, "decide: a prison sentence is also a conviction"),
                                      actor, recipient, mod, score))
    return decisions


# --------------------------------------------------------------------------- what a story reports

# Categories whose events often have no recipient: a deployment, a protest, an arrest of unnamed people,
# a concession or a withdrawal ("the ruling party withdrew the bill", "the last troops pulled out";
# the PLOVER manual requires no recipient for them; measured on the three article sets: main events
# found 0.873/0.730/0.745 -> 0.889/0.746/0.787, triple F1 +0.003/-0.006/+0.010, held-out false
# events 0.30 -> 0.40 per article, concessions whose counterpart was named sentences earlier).
# (Events whose actor joins several countries, "leaders of four states agreed", keep no recipient too:
# PLOVER codes all participants as the actor.)
ONE_SIDED_CATEGORIES = frozenset({"MOBILIZE", "PROTEST", "COERCE", "CONCEDE", "RETREAT"})
# An investigation (CAMEO 09) of an incident names no party ("began a criminal inquiry into two killings"; the
# PLOVER manual's ACCUSE investigate covers investigations of killings and abuses).
ONE_SIDED_CODES = ("09",)


def report(events: list[Event], sentences: int, all_modalities: bool = False) -> list[Event]:
    """The decided events a document reports (all of them with ``all_modalities``).

    Negated, hypothetical and background events (what happened last year, before the story) are not
    events of the story. In a story, an act aimed at nobody the coder could name, in the sentence or
    from the story around it, is too unsure to report, except in the categories PLOVER allows to have
    no recipient (measured: three in four such events were wrong on held-out articles, see
    benchmarks/README.md); so is an act by a party no table knows. A lone sentence has no story to
    consult, and keeps them."""
    if all_modalities:
        return events
    events = [e for e in events if not (e.negated or e.hypothetical or e.historical)]
    if sentences >= STORY_SENTENCES:
        events = [e for e in events if known_party(e.actor) and (
            _named(e.recipient) or e.event in ONE_SIDED_CATEGORIES or e.cameo.startswith(ONE_SIDED_CODES)
            or len({a.code for a in e.actor}) > 1)]
    return events


def _named(entities: list[Entity]) -> bool:
    """Does a side name a country or body (not only a party no table knows, see actors.unnamed)?"""
    return any(e.code for e in entities)


def known_party(entities: list[Entity]) -> bool:
    """Does a side name a country, a body or at least a sector ("police", "prosecutors")?"""
    return any(e.code or e.sector for e in entities)


# --------------------------------------------------------------------------- readings of the clause

# What "will not <act>" refuses: to yield (CONCEDE, RETREAT), to meet or negotiate (CONSULT).
REFUSED_BY_NEGATION = {"CONCEDE": "124", "RETREAT": "124", "CONSULT": "125"}
REJECTION = "120"
THREAT = "130"
UNSPECIFIED_SANCTION = "160"
# What an act is for happens through it when it is a meeting a journey is for ("flew to Doha to negotiate")
# or a protest a crowd gathers or blocks for ("blocked the port to protest"); other purposes are
# intentions, and PLOVER codes what happened.
PURPOSE_TAKES_PLACE = frozenset({"CONSULT", "PROTEST"})


def _clause_reading(candidate: Candidate) -> tuple[Reading, Modality]:
    """The reading of the trigger in its clause, and the modality left once the reading says it."""
    match, mod = candidate.match, candidate.modality
    entry = match.entry
    reading = Reading(entry.cameo, entry.plover, entry.mode, entry.context, (entry.source,))
    if entry.pos == "AUX":  # the appeal itself is made now, whatever the modal
        return reading, dataclasses.replace(mod, hypothetical=False, future=False)
    # ("summoned Spain's ambassador to protest": a complaint made by summoning, not a demonstration)
    if mod.purpose and (reading.plover not in PURPOSE_TAKES_PLACE or _summons_for(match)):
        # "sent observers to monitor the vote": what an act is for is an intention, not a second act.
        mod = dataclasses.replace(mod, hypothetical=True)
    if entry.condition("neg") is not None:  # "will not accept" is itself the (refusal) event
        mod = dataclasses.replace(mod, negated=False)
    if reading.plover in REFUSED_BY_NEGATION and mod.negated and not mod.hypothetical and \
            (mod.future or any(c.dep_ == "aux" and c.lower_ in ("would", "will", "wo") for c in match.anchor.children)):
        # "the cabinet would not drop the pension bill", "Belize would not negotiate its frontier":
        # announcing that one will not yield or talk is a refusal; held over "unless", a threat ("would
        # not attend the talks unless the shelling stopped").
        refusal = (THREAT, "decide: a refusal bound to 'unless' is a threat") if _bound_to_unless(match) else \
            (REFUSED_BY_NEGATION[reading.plover], "decide: will not yield or talk is a refusal")
        return reading.recoded(*refusal), dataclasses.replace(mod, negated=False, future=False)
    if reading.plover == "AGREE" and entry.pos == "ADJ" and mod.negated and not mod.hypothetical:
        # "is not willing to recognise", "is not ready to resume": declining to do it is a refusal.
        return (reading.recoded(REJECTION, "decide: not willing to act is a refusal"),
                dataclasses.replace(mod, negated=False, future=False))
    if reading.plover == "AGREE" and any(is_negated(x) and x.lemma_.lower() not in word_class("violent")
                                         for x in infinitives(match.anchor)):
        # "vowed not to return the land": a promise not to cooperate is a refusal
        # ("pledged not to use force" stays a promise).
        return reading.recoded(REJECTION, "decide: a promise not to cooperate is a refusal"), mod
    if (reading.cameo == "030" or (reading.plover == "REJECT" and mod.future)) and _bound_to_unless(match):
        # "vowed to send more fighters into the cities unless the troops left", "will block the bid unless
        # it acts": an intent or a refusal held over the other side until it gives way is a threat.
        return reading.recoded(THREAT, "decide: an intent bound to 'unless' is a threat"), mod
    if mod.future and not mod.negated and not mod.hypothetical:
        if reading.plover == "SANCTION" and reading.cameo != UNSPECIFIED_SANCTION and announced_decision(match.anchor):
            # "Norway will expel four Russian diplomats": the sanction announced is the sanction, not a threat
            # ("would respond with steps of its own", a sanction left unnamed, stays a threat).
            return reading, dataclasses.replace(mod, future=False)
        intent = intent_rule(reading.cameo)
        if intent is not None:
            mod = dataclasses.replace(mod, future=False)
            rule = f"events/data/intent.tsv line {intent.line}"
            if intent.to is not None:
                reading = reading.recoded(intent.to, rule, intent.plover)
            elif intent.plover:
                reading = dataclasses.replace(reading, plover=intent.plover, rules=reading.rules + (rule,))
    if _judges_a_proposal(match):
        # "said the miners' demand for a 40% raise was unacceptable": turning down what was asked.
        reading = reading.recoded(REJECTION, "decide: judging a demand or offer unacceptable turns it down")
    return reading, mod


def _bound_to_unless(match: TriggerMatch) -> bool:
    """Is the intent, or what it says will be done, bound to an "unless" clause?"""
    for verb in [match.anchor] + infinitives(match.anchor):
        clause = condition_clause(verb)
        if clause is not None and any(c.dep_ == "mark" and c.lower_ == "unless" for c in clause.children):
            return True
    return False


def _summons_for(match: TriggerMatch) -> bool:
    """Is the trigger what an envoy was summoned or called in for ("summoned the ambassador to protest")?"""
    head = match.anchor.head
    return match.anchor.dep_ in ("advcl", "xcomp") and head.lemma_.lower() in ("summon", "call")


def _judges_a_proposal(match: TriggerMatch) -> bool:
    """A judgement ("unacceptable", "unrealistic") whose subject is a demand, offer or plan."""
    if match.entry.pos != "ADJ" or match.entry.plover != "ACCUSE" or match.anchor.dep_ not in ("acomp", "attr"):
        return False
    subjects = [c for c in match.anchor.head.children if c.dep_ == "nsubj"]
    return any(c.lemma_.lower() in word_class("proposal") or c.lemma_.lower() in word_class("demand")
               for c in subjects)


# --------------------------------------------------------------------------- readings of a pair

HOST_A_VISIT, MAKE_A_VISIT = "043", "042"
WITHDRAWAL, REDUCE_RELATIONS = "087", "160"
MILITARY_EXERCISE, MILITARY_COOPERATION = "150", "062"
SIGN_AGREEMENT, ECONOMIC_COOPERATION = "057", "061"
MILITARY_AID, DEPLOYMENT = "074", "154"


def _pair_reading(clause: Reading, match: TriggerMatch, actor: list[Entity],
                  recipient: list[Entity]) -> tuple[Reading, list[Entity], list[Entity]]:
    """The reading for one pair of parties (each pair is weighed from the clause's reading alone)."""
    code = clause.cameo
    if _expels_foreign_officials(code, actor, recipient):
        return clause.recoded(DIPLOMATIC_EXPULSION, "decide: expelling another state's officials"), actor, recipient
    if code == SIGN_AGREEMENT and _between_companies(actor, recipient):
        # "Japanese and Indian companies signed agreements": a business deal, not diplomacy.
        return clause.recoded(ECONOMIC_COOPERATION, "decide: a deal between companies"), actor, recipient
    if code == MILITARY_EXERCISE and recipient and _names_exercise(match) and _partnered(match, recipient) \
            and not {r.code for r in recipient} & {a.code for a in actor}:
        # "carried out exercises with Guyana's defence force": exercising with a foreign partner.
        return clause.recoded(MILITARY_COOPERATION, "decide: an exercise with a foreign partner"), actor, recipient
    if code.startswith(WITHDRAWAL) and _leaves_a_body(match, actor, recipient):
        # "Burkina Faso withdrew from ECOWAS": a state leaving an organisation reduces relations
        # (PLOVER SANCTION 'withdraw'), as "left the bloc" does; its troops leaving a place retreat.
        return clause.recoded(REDUCE_RELATIONS, "decide: withdrawing from an organisation"), actor, recipient
    if code == FIND_GUILTY and _joined_to_sentencing(match):
        # "found him guilty and sentenced him to five years": the conviction of the PLOVER manual.
        return _conviction(clause, "decide: a guilty finding with a prison sentence"), actor, recipient
    if code == MILITARY_AID and recipient and {r.code for r in recipient} <= {a.code for a in actor}:
        # "deployed soldiers in the cities to help the police restore order": forces sent to help one's own
        # state are deployed, not given as aid.
        return clause.recoded(DEPLOYMENT, "decide: forces sent to help one's own state deploy"), actor, recipient
    if code == HOST_A_VISIT and recipient:
        # PLOVER codes the visitor as actor and the host as recipient ("Araghchi hosted Grossi").
        return clause.recoded(MAKE_A_VISIT, "decide: the visitor of a hosted visit is the actor"), recipient, actor
    return clause, actor, recipient


# Courts' prison sentences: the arrest code (173) of "sentenced/jailed/imprisoned" by a court or judge.
SENTENCING_VERBS = frozenset({"sentence", "jail", "imprison"})
FIND_GUILTY = "116"
COURT_SECTORS = frozenset({"JUD"})


def _sentences_to_prison(reading: Reading, match: TriggerMatch, actor: list[Entity]) -> bool:
    return reading.cameo == "173" and match.anchor.lemma_.lower() in SENTENCING_VERBS and any(
        e.sector in COURT_SECTORS for e in actor)


def _joined_to_sentencing(match: TriggerMatch) -> bool:
    """Is a guilty finding told with the prison sentence it led to ("convicted X and sentenced him")?"""
    anchor = match.anchor
    return any(v.lemma_.lower() in SENTENCING_VERBS for v in anchor.conjuncts)


def _conviction(reading: Reading, rule: str) -> Reading:
    """SANCTION 'convict' (PLOVER manual), kept with CAMEO's code for a guilty finding (116)."""
    row = cameo(FIND_GUILTY)
    return Reading(row.code, "SANCTION", "convict", row.context, reading.rules + (rule,))


EXERCISE_WORDS = frozenset({"exercise", "drill", "game", "manoeuvre", "maneuver", "training"})

BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def _partnered(match: TriggerMatch, recipient: list[Entity]) -> bool:
    """Is the recipient named as a partner ("with Guyana's forces", "alongside US troops"), not as the
    place or target of the act ("exercises around Taiwan")?"""
    doc = match.anchor.doc
    for e in recipient:
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        token = span.root if span is not None else None
        for _ in range(4):
            if token is None or token.head.i == token.i:
                break
            if token.dep_ == "pobj" and token.head.lower_ in ("with", "alongside"):
                # ("exercises close to its frontier with Georgia": the frontier's neighbour is no partner)
                return token.head.head.lemma_.lower() not in BORDER_NOUNS
            token = token.head
    return False


def _names_exercise(match: TriggerMatch) -> bool:
    return any(t.lemma_.lower() in EXERCISE_WORDS for t in match.tokens) or any(
        c.lemma_.lower() in EXERCISE_WORDS for c in match.anchor.children if c.dep_ in ("dobj", "compound"))
BUSINESS_SECTORS = frozenset({"BUS"})


def _between_companies(actor: list[Entity], recipient: list[Entity]) -> bool:
    """Companies on the acting side and no government anywhere in the deal."""
    parties = actor + recipient
    return any(e.sector in BUSINESS_SECTORS or e.code == "MNC" for e in actor) and \
        not any(e.sector == "GOV" for e in parties)

# Expelling another state's officials ("told three Iranian consular staff to leave") reduces
# relations between the states (SANCTION), where expelling people in general is COERCE.
PERSONAL_EXPULSION = frozenset({"174"})
DIPLOMATIC_EXPULSION = "166"


def _leaves_a_body(match: TriggerMatch, actor: list[Entity], recipient: list[Entity]) -> bool:
    """A state (not a body) withdrawing nothing it names "from" intergovernmental bodies only."""
    anchor = match.anchor
    return bool(recipient) and all(e.code == "IGO" for e in recipient) and all(
        e.code and e.code not in ("IGO", "NGO") for e in actor) and not object_tokens(anchor) and any(
        c.dep_ == "prep" and c.lower_ in ("from", "of")  # ("pulled out of": "of" may hang on "out")
        for c in list(anchor.children) + [g for p in anchor.children if p.lower_ == "out" for g in p.children])


def _expels_foreign_officials(code: str, actor: list[Entity], recipient: list[Entity]) -> bool:
    actor_codes = {a.code for a in actor}
    # (officials named as such: "sent migrants back to China" names the state they go to, no official)
    return code in PERSONAL_EXPULSION and bool(recipient) and all(
        r.sector == "GOV" and r.code and r.code not in actor_codes and not (r.id or "").startswith("country:")
        for r in recipient)


# --------------------------------------------------------------------------- parties and score

def _confidence(match: TriggerMatch, args: Arguments, mod: Modality) -> float:
    score = 0.45
    score += 0.2 if args.actor_direct else 0.05
    if args.recipient:
        score += 0.15 if args.recipient_direct and not args.recipient_weak else 0.05
    else:
        score += 0.03
    if len(match.entry.words) > 1 or match.entry.conditions:
        score += 0.1
    if args.actor_from_speaker:
        score -= 0.05
    if mod.hypothetical or mod.negated:
        score -= 0.05
    return max(0.05, min(0.95, score))


def entities_of(mentions: list[ActorMention]) -> list[Entity]:
    """The entities of some mentions, each once (copies: an event owns its entities)."""
    out: list[Entity] = []
    for m in mentions:
        for e in m.entities:
            if not any(e.start == o.start and e.end == o.end and e.code == o.code for o in out):
                out.append(dataclasses.replace(e))
    return out


def _coded_first(entities: list[Entity]) -> list[Entity]:
    """Entities that name a country or body; those that do not only when none does."""
    named = [e for e in entities if e.code]
    return named or entities


# Categories where several counterparts mean several bilateral events.
SEPARATE_PER_COUNTERPART = frozenset({"CONSULT"})


SIGNING = "057"  # CAMEO: sign a formal agreement


def _pair_acts_on_each_other(actor: list[Entity], plover: str, code: str = "") -> bool:
    """Exactly two parties, in a reciprocal category: three or more joined actors ("Brazil, Colombia
    and Mexico urged ...") are one compound actor. Of the shows of support only a signing is between
    the pair ("Germany and France welcomed the decision" is no praise of each other)."""
    if plover not in RECIPROCAL_CATEGORIES or (plover == "SUPPORT" and code and not code.startswith(SIGNING)):
        return False
    codes = {e.code for e in actor}
    return len(codes) == 2 or (len(codes) == 1 and None not in codes and len(actor) == 2)


def _dyads(args: Arguments, plover: str = "", appeal: bool = False,
           mutual: bool = False, code: str = "") -> list[tuple[list[Entity], list[Entity]]]:
    """The (actor, recipient) pairs of one trigger: "spoke with his counterparts from A, B and C" is
    three events; "A and B agreed" (no recipient) is A -> B; so is "A and B failed to agree on X"
    (``mutual``: the thing not agreed is no party)."""
    actor = _coded_first(_one_sided_pair(entities_of(args.actor), args, plover))
    recipient = _coded_first(entities_of(args.recipient))
    if appeal:
        recipient = _appeal_addressees(actor, recipient, args)
    if mutual and args.actor_compound and len({e.code for e in actor}) == 2 and not _named(recipient):
        recipient = []
    state = {a.code for a in actor if a.sector in STATE_SECTORS or (a.id or "").startswith("country:")}
    if plover in ("AGREE", "THREATEN") and own_forces(recipient, state):
        # "agreed to deploy 6,000 troops", "threatened to send in the army": a state's own forces are what it
        # offers or threatens with, never whom (rebels' captive police are another matter; the forces a
        # MOBILIZE moves are dropped as recipients earlier, in arguments._drop_own_side)
        recipient = []
    if plover in ("AGREE", "CONSULT", "COOPERATE") and len(actor) >= 3 and not _person(actor[0]) \
            and all(_person(e) for e in actor[1:]) and not _named(recipient):
        # "Afghanistan's rival candidates, Ghani and Abdullah, agreed to an audit": the group (or its
        # country) is the people it names, who agree with each other
        actor, recipient = actor[1:], []
    if not recipient and args.actor_compound and (mutual or _pair_acts_on_each_other(actor, plover, code)):
        if len({e.code for e in actor}) == 1:  # "the government and the rebels agreed": one country
            actor, recipient = actor[:1], actor[1:]
        else:
            first_code = actor[0].code
            recipient = [e for e in actor if e.code != first_code]
            actor = [e for e in actor if e.code == first_code]
    # Meetings and calls with several counterparts are one per counterpart (design.md); an appeal, an
    # accusation or a sanction aimed at several ("appealed to Armenia and Azerbaijan", "recalled its
    # ambassadors to Dublin and Oslo") is one event whose recipient is the group.
    groups: dict[str | None, list[Entity]] = {}
    for e in recipient:
        groups.setdefault(e.code, []).append(e)
    if len(groups) <= 1 or plover not in SEPARATE_PER_COUNTERPART:
        return [(actor, recipient)]
    return [(actor, group) for group in groups.values()]


# Acts a pair joined by "and" does to each other: the reciprocal ones, and fighting.
PAIR_ACT_CATEGORIES = RECIPROCAL_CATEGORIES | {"ASSAULT"}


def _one_sided_pair(actor: list[Entity], args: Arguments, plover: str) -> list[Entity]:
    """"Sudan's army and Darfur rebel units clashed near Nyala": of a pair joined by "and" that acts on each other and
    names no other party, a side no table places is of the other side's country (else it would be dropped
    as uncoded, and the act would look for a counterpart elsewhere in the sentence)."""
    codes = {e.code for e in actor} - {None}
    if not args.actor_compound or args.recipient or plover not in PAIR_ACT_CATEGORIES or len(codes) != 1 \
            or all(e.code for e in actor):
        return actor
    code = next(iter(codes))
    return [e if e.code else dataclasses.replace(e, code=code) for e in actor]


def _person(entity: Entity) -> bool:
    """A named person (an office holder of the tables, or a name the article gives)."""
    return (entity.id or "").startswith("person:") or (bool(entity.name) and not entity.id)


def _appeal_addressees(actor: list[Entity], recipient: list[Entity], args: Arguments) -> list[Entity]:
    """"Wang said China and Japan should ...": the speaker's own side is not addressed; a person or
    group of the speaker's country can be ("rebels said President Kagame must ...")."""
    actor_codes = {e.code for e in actor}
    codes = {e.code for e in recipient}
    own_side_kinds = {"country", "capital", "pronoun"}
    kinds = {m.kind for m in args.recipient}
    if len(codes) > 1 or kinds <= own_side_kinds:
        return [e for e in recipient if e.code not in actor_codes]
    return recipient


def _same_single_entity(actor: list[Entity], recipient: list[Entity]) -> bool:
    if len(actor) != 1 or len(recipient) != 1:
        return False
    a, r = actor[0], recipient[0]
    if (a.start, a.end) == (r.start, r.end):
        # An implicit own-state recipient shares the actor's words only; "the two ministers" names both.
        return a.sector == r.sector and a.code == r.code
    # The same person named twice ("Wang Yi ... himself"); a capital and its country are not "the same".
    country_level = (a.id or "").startswith("country:") or (r.id or "").startswith("country:")
    return a.code == r.code and a.name is not None and a.name == r.name and not country_level
