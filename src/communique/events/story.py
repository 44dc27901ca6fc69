"""The story around a sentence: who an event answers, reacts to or is aimed at when its own
sentence does not say.

News tells one story across sentences: "Arce has refused to resign" answers the
protesters' demand two sentences earlier; "Russia's embassy called the step unfriendly" is aimed
at whoever took the step; "Britain delivered the first drones" sends them where the story's aid
goes. These rules run after each sentence's events are found (extract.py), over the events found
so far, and never invent a party the story did not name. Each table below says which categories
look back for which earlier acts; what each gained was measured (README, Accuracy).
"""
from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Token

from ..knowledge.codes import STATE_SECTORS, is_country_code
from ..model import ActorMention, Entity, Event, Trigger
from ..ontology import cameo
from .lexicon import word_class
from .matching import TriggerMatch, clause_of

# Categories whose two joined actors with no other party act on each other ("A and B agreed", "met",
# "clashed"); in the others they act together on an unnamed party ("A and B urged ...", "launched strikes").
RECIPROCAL_CATEGORIES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "RETREAT"})


# Categories whose recipient, when neither the sentence nor the events before name it, is the other
# party the story is about ("the navy would give a firm answer" in a story about India and China), with
# how often that party must be named in the story (and more often than any other party but the actor's).
# Measured over the development sets, one category at a time: for threats, and (re-measured on the
# 260 blind development articles) for sanctions ("froze the bank accounts of five officials" in a story about one
# state), the right events gained clearly outnumber the wrong ones; so for military moves (re-measured on the
# 360 blind development articles, with the move's own place or task and international bodies kept out, see
# with_story_counterparts). Promises, appeals, releases and withdrawals, concessions and aid gained about as
# many wrong as right when a party named twice was enough; named at least three times (re-measured on the 400
# blind development articles: main events 592 -> 598 of 704, and more on the gold, held-out and final
# articles, nothing lost on the sentence sets) they gain more. Meetings, support and accusations still
# gain as many wrong as right and are left out.
STORY_COUNTERPART_CATEGORIES = {"THREATEN": 2, "SANCTION": 2, "MOBILIZE": 2,
                                "AGREE": 3, "REQUEST": 3, "RETREAT": 3, "CONCEDE": 3, "AID": 3}


def country_counts(mentions: list[ActorMention]) -> dict[str, int]:
    """How often the story names each country or body as a party (not as a place or a modifier)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind in ("place", "modifier"):
            continue
        for e in m.entities:
            if e.code:
                counts[e.code] = counts.get(e.code, 0) + 1
    return counts


def refusals_of_demands(events: list[Event]) -> list[Event]:
    """A refusal that names no party ("refused to step down", "would not resign") answers those who protest
    against the refuser's own state in the story (the nearest protest; appeals and threats as the demands
    answered gave domestic refusals foreign parties)."""
    out = []
    for event in events:
        codes = {a.code for a in event.actor}
        if event.event == "REJECT" and not event.recipient and len(codes) == 1 and None not in codes:
            demands = [e for e in events if e.event == "PROTEST" and e.actor and e.recipient and not e.negated
                       and {r.code for r in e.recipient} == codes and any(r.sector in STATE_SECTORS for r in e.recipient)
                       and not any(same_party(a, b) for a in e.actor for b in event.actor)]
            if demands:
                nearest = min(demands, key=lambda e: abs(e.sentence - event.sentence))
                event = dataclasses.replace(event, recipient=[dataclasses.replace(a) for a in nearest.actor])
        out.append(event)
    return out


def with_story_counterparts(events: list[Event], mentions: list[ActorMention]) -> list[Event]:
    counts = country_counts(mentions)
    out = []
    for event in events:
        # (a deployment with a place or a task of its own, "sent into the cities to support the police", stays
        # where it is sent; only a state is the other side of one)
        deployment = event.event == "MOBILIZE"
        # A concession given to the actor's own people for want of a named party goes to the story's
        # counterpart when its own sentence names it ("dropped the duties after Brazil agreed to ...").
        yielding = _yields_to_own_people(event)
        if (event.recipient and not yielding) or event.event not in STORY_COUNTERPART_CATEGORIES \
                or (deployment and event.unnamed_recipient) or _domestic(event.actor):
            out.append(_withdrawn_at_home(event))
            continue
        own = {a.code for a in event.actor} | ({"IGO", "NGO"} if deployment else set())
        others = sorted(((n, c) for c, n in counts.items() if c not in own), reverse=True)
        if others and others[0][0] >= STORY_COUNTERPART_CATEGORIES[event.event] \
                and (len(others) == 1 or others[0][0] > others[1][0]):
            code = others[0][1]
            party = next(e for m in mentions for e in m.entities if e.code == code)
            if not yielding or any(e.code == code and e.text in event.text for m in mentions for e in m.entities):
                event = dataclasses.replace(event, recipient=[dataclasses.replace(party)])
        out.append(event)
    return out


# Sectors of a state's own people and the bodies that deal with them at home: their acts that name no party
# are not aimed at the story's foreign counterpart ("police pulled out of the square", "rebels pulled out
# of a hospital").
DOMESTIC_SECTORS = frozenset({"COP", "REB", "OPP", "CVL", "JUD", "LEG", "LAB", "EDU", "MED"})


def _domestic(actor) -> bool:
    return bool(actor) and all(a.sector in DOMESTIC_SECTORS for a in actor)


def _withdrawn_at_home(event: Event) -> Event:
    """A pull-back or release by a state's police, courts or rebels that names no party is toward the actor's
    own country ("police pulled out of the square": from its people; "rebels pulled out of the hospital":
    before the state), as a concession to no one named is (events/arguments.py)."""
    codes = {a.code for a in event.actor}
    if event.event != "RETREAT" or event.recipient or not _domestic(event.actor) or len(codes) != 1:
        return event
    code = next(iter(codes))
    if not is_country_code(code):
        return event
    if event.unnamed_recipient:  # "a court freed two former ministers": those it names, of its country
        return dataclasses.replace(event, recipient=[dataclasses.replace(u, code=code) for u in event.unnamed_recipient])
    actor = event.actor[0]
    home = dataclasses.replace(actor, sector="CVL" if actor.sector in STATE_SECTORS else "GOV", name=None,
                               id=f"country:{code}")
    return dataclasses.replace(event, recipient=[home])


def _yields_to_own_people(event: Event) -> bool:
    """A concession whose recipient is only the actor's own people, put in its place for want of a named one
    (events/arguments.py: the recipient keeps the actor's own words)."""
    return event.event == "CONCEDE" and len(event.recipient) == 1 and \
        any(a.start == event.recipient[0].start and a.code == event.recipient[0].code for a in event.actor)


def fold_protest_demands(events: list[Event]) -> list[Event]:
    """What protesters demand is the topic of their protest, not an event of its own (PLOVER manual,
    PROTEST): a REQUEST by the crowd of a PROTEST in the same story, or by the protest's actor in the
    protest's own sentence ("blocked roads demanding that ..."), is dropped, and its addressee
    becomes the protest's target where the protest had none or only the protesters' own state.
    Events are not changed in place: a protest given a target is replaced by a copy."""
    protests = [e for e in events if e.event == "PROTEST" and not e.negated]
    if not protests:
        return events
    retargeted: dict[int, Event] = {}  # id of a protest -> its copy with the demand's addressee
    folded: set[int] = set()
    for event in events:
        protest = next((p for p in protests if event.event == "REQUEST" and
                        (_crowd(event.actor) or p.sentence == event.sentence) and
                        any(_same_group(a, b) for a in event.actor for b in p.actor)), None)
        if protest is None:
            continue
        folded.add(id(event))
        current = retargeted.get(id(protest), protest)
        if event.recipient and {r.code for r in current.recipient} <= {a.code for a in current.actor}:
            retargeted[id(protest)] = dataclasses.replace(
                current, recipient=[dataclasses.replace(r) for r in event.recipient])
    return [retargeted.get(id(e), e) for e in events if id(e) not in folded]


# Crowds only protest makes: security forces firing on or dispersing them tell that a protest took place.
PROTESTER_NOUNS = frozenset({"protester", "protesters", "demonstrator", "demonstrators", "marcher", "marchers"})
POLICING_SECTORS = frozenset({"COP", "MIL", "GOV", "SPY"})
RALLYING_NOUNS = frozenset({"students", "activists", "supporters", "workers", "people", "residents", "villagers",
                            "members", "opponents", "followers", "youths", "farmers", "monks"})
PROTEST_WORDS = re.compile(r"\b(rally|rallies|protest|protests|protesting|demonstration|demonstrations|"
                           r"demonstrating|march|marches|marching|sit-in|vigil)\b", re.IGNORECASE)
DEMONSTRATION = "141"


def protests_of_policed_crowds(events: list[Event]) -> list[Event]:
    """"Soldiers lobbed tear gas to scatter a crowd of protesters": the protesters demonstrated (PROTEST
    demo, against their government) that day, whether or not the sentence tells their march; added
    only where the story tells no protest by people of that country in or beside that sentence (most
    stories tell the march itself there, and the policing is then no second protest; a strike told three
    paragraphs before is another day's)."""
    out = list(events)
    for event in events:
        if event.event not in ("COERCE", "ASSAULT") or event.negated or event.hypothetical or event.historical \
                or not any(a.sector in POLICING_SECTORS for a in event.actor):
            continue
        # (people of other kinds only where the sentence names their rally: "stopped thousands of opposition
        # supporters from reaching a park where X had called a rally")
        crowd_words = PROTESTER_NOUNS | (RALLYING_NOUNS if PROTEST_WORDS.search(event.text or "") else frozenset())
        # (a crowd no table names is still the unnamed recipient here: "thousands of students marching")
        crowd = [r for r in event.recipient or event.unnamed_recipient
                 if r.code and r.text and r.text.split()[-1].lower() in crowd_words]
        # (a protest told as background, "since protests began in February", tells no march of that day)
        if not crowd or any(o.event == "PROTEST" and not o.negated and not o.historical and abs(o.sentence - event.sentence) <= 1
                            and any(a.code == crowd[0].code for a in o.actor) for o in out):
            continue
        code = crowd[0].code
        state = Entity(text=crowd[0].text, code=code, sector="GOV", name=None, id=f"country:{code}",
                       start=crowd[0].start, end=crowd[0].end)
        row = cameo(DEMONSTRATION)
        out.append(dataclasses.replace(
            event, event=row.plover, cameo=DEMONSTRATION, mode="demo", actor=crowd, recipient=[state],
            trigger=Trigger(crowd[0].text, crowd[0].start, crowd[0].end), quad_class=row.quad_class,
            goldstein=row.goldstein, rule="story: protesters the security forces acted on demonstrated",
            unnamed_recipient=[]))
    return out


VERBAL_CATEGORIES = {"THREATEN", "ACCUSE", "REQUEST", "REJECT", "AGREE", "SUPPORT"}

# A reaction to an earlier act named by a definite noun ("rejected the demand", "condemned the
# killings", "welcomed the announcement") is aimed at whoever did that act: the noun, and the
# categories of the earlier event it refers to (empty: the latest event of any category).
ANAPHORIC_ACTS = {
    "demand": {"REQUEST"}, "call": {"REQUEST"}, "request": {"REQUEST"}, "appeal": {"REQUEST"},
    "ultimatum": {"REQUEST", "THREATEN"}, "proposal": {"AGREE"}, "offer": {"AGREE"},
    "killing": {"ASSAULT"}, "attack": {"ASSAULT"}, "massacre": {"ASSAULT"}, "bombing": {"ASSAULT"},
    "raid": {"ASSAULT", "COERCE"}, "shelling": {"ASSAULT"}, "violence": {"ASSAULT", "COERCE"},
    "crackdown": {"COERCE"}, "arrest": {"COERCE"}, "detention": {"COERCE"},
    "accusation": {"ACCUSE"}, "criticism": {"ACCUSE"}, "threat": {"THREATEN"},
    "drill": {"COOPERATE", "MOBILIZE"}, "exercise": {"COOPERATE", "MOBILIZE"}, "strike": {"ASSAULT"}, "airstrike": {"ASSAULT"}, "visit": {"CONSULT"}, "trip": {"CONSULT"},
    "meeting": {"CONSULT"},
    "talk": {"CONSULT"}, "agreement": {"AGREE", "COOPERATE", "SUPPORT"}, "deal": {"AGREE", "COOPERATE", "SUPPORT"},
    "accord": {"AGREE", "COOPERATE", "SUPPORT"}, "pact": {"AGREE", "COOPERATE", "SUPPORT"},
    "treaty": {"AGREE", "COOPERATE", "SUPPORT"}, "truce": {"AGREE", "CONCEDE", "RETREAT"},
    "ceasefire": {"AGREE", "CONCEDE", "RETREAT"},
    "announcement": set(), "decision": set(), "move": set(), "step": set(), "vote": set(),
    "pledge": {"AGREE", "SUPPORT", "AID"}, "repeal": set(), "measure": set(), "plan": set(), "ruling": set(),
    "remark": set(), "storming": {"PROTEST", "ASSAULT"}, "expulsion": {"SANCTION", "COERCE"},
    "sanction": {"SANCTION"}, "ban": set(), "deployment": {"MOBILIZE"},
    "seizure": {"COERCE"}, "takeover": {"COERCE", "ASSAULT"}, "coup": {"COERCE", "ASSAULT"},
    "launch": {"ASSAULT", "MOBILIZE"}, "incursion": {"ASSAULT", "MOBILIZE"}, "blockade": {"COERCE", "SANCTION"},
    "closure": {"SANCTION", "COERCE"}, "verdict": {"COERCE", "SANCTION", "ACCUSE"}, "sentence": {"COERCE", "SANCTION"},
    "stoppage": {"PROTEST"}, "walkout": {"PROTEST"}, "boycott": {"PROTEST", "SANCTION"},
    # What was said: the speaker of an earlier statement, threat or accusation.
    "statement": VERBAL_CATEGORIES, "comment": VERBAL_CATEGORIES, "speech": VERBAL_CATEGORIES,
    "declaration": VERBAL_CATEGORIES, "warning": {"THREATEN"}, "claim": {"ACCUSE"},
}
# Categories that react to an earlier act.
REACTING_CATEGORIES = frozenset({"REJECT", "SUPPORT", "ACCUSE", "AGREE", "THREATEN"})


def answer_to_earlier(event: Event, match: TriggerMatch, earlier: list[Event], beside: list[Event] = ()) -> Event:
    """Give a reaction with no recipient the doer of the earlier act its definite object names (or, for a
    noun set beside the clause that told the act, an act of that sentence: ``beside``)."""
    if event.recipient or event.event not in REACTING_CATEGORIES:
        return event
    hosts = [match.anchor] + [c for c in match.anchor.children if c.dep_ == "prt"]
    nouns = [o for h in hosts for o in h.children if o.dep_ in ("dobj", "nsubjpass")]
    if match.anchor.dep_ == "acl" or (match.anchor.dep_ == "relcl"):
        nouns.append(match.anchor.head)
    if match.entry.pos == "ADJ" and match.anchor.dep_ in ("acomp", "attr"):
        nouns += [s for s in match.anchor.head.children if s.dep_ == "nsubj"]  # "the pledge was dangerous"
    if event.event == "THREATEN":  # "warned that the drills would be met with countermeasures"
        nouns += [s for c in match.anchor.children if c.dep_ == "ccomp"
                  for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    for noun in nouns:
        kinds = ANAPHORIC_ACTS.get(noun.lemma_.lower())
        definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)
        # "called for a pause, an appeal France turned down": a noun set beside the clause that told the act
        # names that act of the sentence.
        beside_act = noun.i == match.anchor.head.i and match.anchor.dep_ == "relcl" \
            and noun.dep_ in ("appos", "npadvmod")
        # Any other definite noun ("condemned the package", "denounced the flights") refers back only to
        # an act told with the same word ("imposed a package of sanctions", "flight exercises").
        only_named = kinds is None
        if kinds is None and noun.pos_ == "NOUN" and not noun.ent_type_ and not _names_people(noun):
            kinds = set()
        if kinds is None or not (definite or beside_act):
            continue
        actor_keys = {(a.code, a.name or a.text) for a in event.actor}
        # "the decision" after "decided to ...": the act whose trigger is the noun's own verb first.
        candidates = [p for p in (list(beside) if beside_act else earlier)
                      if not (kinds and p.event not in kinds) and not p.negated]
        # "the decision" after "decided to ...", "the package" after "imposed a package of sanctions":
        # the act whose trigger is the noun's own verb, or whose sentence used the noun, first (an act noun
        # in any number: "the sanctions" after "imposed fresh sanctions"; "the attackers" names people).
        forms = {noun.lemma_.lower()} | (set() if only_named else {noun.lower_})
        named = [p for p in candidates if _same_stem(p.trigger.text, noun.lemma_) or forms & _words(p.text)]
        for previous in reversed(named if (named or only_named) else candidates):
            doers = [dataclasses.replace(a) for a in previous.actor if (a.code, a.name or a.text) not in actor_keys]
            if not doers:
                continue
            if previous.event in RECIPROCAL_CATEGORIES:  # "welcomed the announcement" of a pair's deal
                doers += [dataclasses.replace(r) for r in previous.recipient if (r.code, r.name or r.text) not in actor_keys]
                # a party welcoming its own state's deal answers the other side
                others = [d for d in doers if d.code not in {a.code for a in event.actor}]
                doers = others or doers
            return dataclasses.replace(event, recipient=doers)
        return event
    return event


# A refusal answers the latest demand made of the refuser ("Arce has refused to resign" after
# "protesters demanded her resignation"); a promise or concession with no party named is made to
# the party the actor was last dealing with in the story ("Iran is ready to negotiate" after talks
# with the IAEA chief). Categories, and the earlier categories they answer (empty: any).
CONTEXT_COUNTERPART = {
    "REJECT": {"REQUEST", "THREATEN", "AGREE", "SANCTION", "COERCE", "PROTEST"},
    "AGREE": set(), "CONCEDE": set(), "COOPERATE": set(),
    # "said Tehran would respond": a threat answers the latest hostile act aimed at the threatener.
    "THREATEN": {"SANCTION", "COERCE", "ASSAULT", "THREATEN", "MOBILIZE", "ACCUSE"},
    # "cut ties with Colombia and sent troops to its northern border", "after shelling from Cambodia,
    # Thailand sent tanks to the border": a deployment faces the other side of the latest hostile act
    # (in either direction; not a friendly one: "met Heiko Maas ... sent a ship").
    "MOBILIZE": {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "ACCUSE", "MOBILIZE", "REJECT"},
    # "planes dropped bombs near a border village": an attack on no named party falls on the other side
    # of the fighting the story tells.
    "ASSAULT": {"ASSAULT", "MOBILIZE", "THREATEN"},
}
# Of assaults, only conventional military force (CAMEO 19x: fighting, shelling, air strikes) looks to the story.
MILITARY_FORCE = "19"
# Categories for which the actor's own earlier act also names the other side (not only an act aimed at it).
EITHER_DIRECTION = frozenset({"MOBILIZE", "ASSAULT"})
# Acts that answer the latest act of another kind by anyone else, aimed at whoever did it: police
# "responded with tear gas" to the protest; leaders "demanded the release" from those who detained.
DOER_OF_LATEST = {
    "COERCE": {"PROTEST"},
    "REQUEST": {"COERCE", "ASSAULT", "SANCTION"},
}


# Aid with no recipient named goes where the story's aid goes ("France will send shells to Ukraine ...
# Britain delivered the first batch of drones"): the recipient of the latest aid or aid promise.
SHARED_RECIPIENT = {"AID": {"AID", "AGREE"}, "AGREE": {"AID", "AGREE"}}  # (AGREE: a promise of aid, 033)
AID_CODES = ("07", "033")  # aid given, and promised


def counterpart_from_context(event: Event, earlier: list[Event]) -> Event:
    """Give an event with no recipient its counterpart from the story (see CONTEXT_COUNTERPART and
    SHARED_RECIPIENT)."""
    if event.recipient or not any(a.code for a in event.actor):
        return event
    if event.event in SHARED_RECIPIENT and (event.event == "AID" or event.cameo.startswith("033")):
        for previous in reversed(earlier):
            if previous.event in SHARED_RECIPIENT[event.event] and previous.cameo.startswith(AID_CODES) \
                    and previous.recipient and not any(same_party(a, r) for a in event.actor
                                                       for r in previous.recipient):
                return dataclasses.replace(event, recipient=[dataclasses.replace(r) for r in previous.recipient])
        if event.event == "AID":
            return event  # (a promise of aid with none before it goes on to the counterparts below)
    if event.event in DOER_OF_LATEST:
        for previous in reversed(earlier):
            # (strictly another group: "Sudanese" marchers are not the Sudanese police firing on them)
            if previous.event in DOER_OF_LATEST[event.event] and previous.actor and \
                    not any(_same_group(a, b) for a in event.actor for b in previous.actor):
                return dataclasses.replace(event, recipient=[dataclasses.replace(a) for a in previous.actor])
        return event
    kinds = CONTEXT_COUNTERPART.get(event.event)
    if kinds is None or (event.event == "ASSAULT" and not event.cameo.startswith(MILITARY_FORCE)):
        return event

    def involves_actor(side: list[Entity]) -> bool:
        return any(same_party(a, x) for a in event.actor for x in side)

    for previous in reversed(earlier):
        if kinds and previous.event not in kinds:
            continue
        if involves_actor(previous.recipient) and previous.actor and not involves_actor(previous.actor):
            # the earlier act was aimed at the actor: its doer is the counterpart
            return dataclasses.replace(event, recipient=[dataclasses.replace(a) for a in previous.actor])
        if (not kinds or event.event in EITHER_DIRECTION) and involves_actor(previous.actor) and previous.recipient \
                and not involves_actor(previous.recipient):
            return dataclasses.replace(event, recipient=[dataclasses.replace(r) for r in previous.recipient])
    return event


CROWD_NOUNS = frozenset({"protesters", "protestors", "demonstrators", "crowd", "crowds", "marchers", "rioters"})


def _crowd(actor: list[Entity]) -> bool:
    """"The protesters are demanding ...": the crowd itself, not its leaders or a union, speaking."""
    return all((e.text or "").lower().split()[-1:] and (e.text or "").lower().split()[-1] in CROWD_NOUNS
               for e in actor)


def _same_group(a: Entity, b: Entity) -> bool:
    """Strictly the same group: same name, or same country and the same known sector."""
    if a.name or b.name:
        return a.name == b.name and a.code == b.code
    return bool(a.code and a.sector) and (a.code, a.sector) == (b.code, b.sector)


def same_party(a: Entity, b: Entity) -> bool:
    """The same person, or the same country and sector ("Venezuela" and its president Maduro are one
    party; Pakistan's government and Pakistan's opposition are two)."""
    if not a.code or a.code != b.code:
        return False
    if a.name and b.name and _person(a) == _person(b):
        return a.name == b.name  # two people, or two named bodies
    return a.sector == b.sector or a.sector is None or b.sector is None  # also a minister and their state


def _person(e: Entity) -> bool:
    return bool(e.id and e.id.startswith("person:"))


def _words(text: str) -> set[str]:
    return {w.strip('.,;:"\'()').lower() for w in text.split()}


def _names_people(noun: Token) -> bool:
    """"the protesters", "the minister": people, who are addressed, not acts referred to."""
    return noun.lemma_.lower() in word_class("populace") or noun.lemma_.lower() in word_class("visitor")


def _same_stem(trigger_text: str, noun: str, length: int = 5) -> bool:
    """"voted"/"vote", "pledged"/"pledge", "decided"/"decision": one word stem (its first letters)."""
    word = trigger_text.split()[0].lower() if trigger_text.split() else ""
    n = min(length, len(noun) - 1)
    return n >= 3 and word[:n] == noun.lower()[:n]


def repeats_earlier(match: TriggerMatch, earlier: list[Event]) -> bool:
    """"The rally was called by the union", "alarmed over the arrest": a definite event noun as the
    subject, or as what a feeling is about, refers back to an event already coded, and adds none."""
    anchor = match.anchor
    # ("said it was troubled over the detention": what a feeling is about, told as a definite noun)
    felt_about = anchor.dep_ == "pobj" and anchor.head.lower_ in ("by", "over", "about", "at") \
        and anchor.head.head.tag_ in ("JJ", "VBN")
    if match.entry.pos != "NOUN" or (anchor.dep_ not in ("nsubj", "nsubjpass") and not felt_about):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in anchor.children):
        return False
    return any(e.event == match.entry.plover for e in earlier)


def done_by_earlier(event: Event, match: TriggerMatch, earlier: list[Event]) -> Event | None:
    """"Rebels said the strikes killed four civilians": a definite act as the subject ("the strikes")
    was done by whoever did that earlier act, not by the speaker; with no such act, no event."""
    verb = clause_of(match)
    if match.anchor is not verb:
        return event
    while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "conj":
        verb = verb.head  # "the raids hit a clinic and killed three farmers"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return event
    subj = subjects[0]
    kinds = ANAPHORIC_ACTS.get(subj.lemma_.lower())
    definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in subj.children)
    if not kinds or not definite or event.event not in kinds:
        return event  # "the strikes would not go unanswered and threatened ...": another subject's act
    for previous in reversed(earlier):
        if previous.event in kinds:
            return dataclasses.replace(event, actor=[dataclasses.replace(a) for a in previous.actor])
    return None
