"""Whom an act is aimed at: the recipient candidates the parse offers around a trigger.

- ``recipient_hosts``: where to look (the trigger word, its governing verb, the object of a
  multiword trigger, the infinitives it governs, a concession's "bowing to", an attack's "killing");
- ``recipient_from_hosts``: the first host with a coded object or prepositional object, in
  ``RECIPIENT_PREPS`` order ("talks with", "aid to", "sanctions on"); a transfer's "to" party comes
  before its object ("extradited a Brazilian man to the United States"); venues, roads' ends, a
  third party's role ("with Norway as guarantor") and the topic of a pair's talks are skipped;
- ``organisers_of_policed_protest``: whom forces sent against a protest face ("ahead of a rally by X");
- ``second_hop_recipient``: a party one noun away ("after talks with the government");
- ``other_side``: the real counterpart deeper in a phrase of the actor's own country ("summoned
  China's ambassador"), and none for a speaker's own country in what it says;
- ``acts_on_people``: whether a coercive act falls on people, not things.

Whom a judgement or an accusation is aimed at is events/accused.py's; the order in which these are
tried, and what is dropped at the end, is events/arguments.py's.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.implicit import beyond_border
from ..actors.index import MentionIndex, coded
from ..knowledge import english
from ..model import ActorMention
from ..parse import children, lemma, subject_token
from .lexicon import word_class
from .nominal import CONSEQUENCE_VERBS, MEASURE_NOUNS, NOMINAL_SUBJECT_VERBS  # "two days of talks"; "talks began"
from .parties import (between_pair, burdened_party, coded_under, holder_of, maker_named_before, maker_of_proposal,
                      national_place, unique)
from .subjects import RELATIVE_PRONOUNS
from .syntax import (clause_objects, free_relative_objects, gerund_clause_subjects, gerund_crowd, has_to,
                     infinitives, object_tokens, objects_after, participle_agents, reporting_verb)

# Events that often happen inside one country, whose place then stands for the recipient.
DOMESTIC_CATEGORIES = frozenset({"COERCE", "PROTEST", "CONCEDE", "RETREAT", "ASSAULT", "MOBILIZE", "THREATEN",
                                 "REJECT"})
FORCE_CATEGORIES = frozenset({"COERCE", "ASSAULT"})
VENUE_CATEGORIES = frozenset({"CONSULT", "AGREE"})  # a place "in" names where they meet, not a party
RECIPIENT_PREPS = ("with", "to", "on", "against", "behind", "at", "toward", "towards", "upon", "into", "among", "for", "between",
                   "over", "from", "of", "in", "by", "along", "near", "across", "inside", "outside", "around")
WEAK_PREPS = frozenset({"in", "for", "over", "from", "of", "by", "along", "near", "across", "inside", "outside",
                        "around"})
# Nouns of a leader leaving office: a demand "for" one is aimed at the leader named after "of".
LEADER_LEAVING_NOUNS = frozenset({"resignation", "ouster"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding"})
VENUE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins"})
# Where a legal action is brought: an international body there only hears it ("a complaint with the WTO").
FORUM_PREPS = frozenset({"with", "to", "at", "before"})
DIRECTION_PARTICLES = frozenset({"out", "back", "away"})
# Nouns of a number of forces ("thousands of troops"): their "of" is what is moved.
QUANTITY_NOUNS = frozenset({"hundred", "thousand", "dozen", "score", "million", "battalion", "contingent"})
# What is brought against a party before a court or body ("filed a case against X").
LEGAL_ACTION_NOUNS = frozenset({"case", "complaint", "lawsuit", "suit", "charge", "petition", "action", "claim"})
# Verbs of talks whose object is what is talked about ("discussed the border dispute").
TOPIC_VERBS = frozenset({"discuss", "debate", "review"})
# Roles of a third party in a process between others ("with Norway as guarantor").
THIRD_PARTY_ROLES = frozenset({"guarantor", "mediator", "observer", "witness", "facilitator", "broker",
                               "sponsor", "co-chair", "moderator", "intermediary"})
SECOND_HOP_PREPS = frozenset({"with", "to", "against", "on", "for", "from", "by"})
RESULT_VERBS = frozenset({"kill", "injure", "wound", "destroy", "damage", "hit", "leave"})
YIELD_VERBS = frozenset({"bow", "yield", "give", "cave", "bend", "respond", "heed"})
# Verbs of people driven from their homes, whose prepositions say where they went.
DISPLACEMENT_VERBS = frozenset({"flee"})
# Acts that move, send or pull out forces, and the word classes of those forces.
FORCE_MOVING_CATEGORIES = frozenset({"SANCTION", "RETREAT", "CONCEDE", "AID", "MOBILIZE"})
FORCE_CLASSES = ("troops", "peacekeeper", "police")
# Categories of speech, where the speaker's own country is never the party addressed.
SPEECH_CATEGORIES = frozenset({"THREATEN", "REJECT", "ACCUSE", "REQUEST", "SUPPORT", "AGREE"})


def _forces_word(token: Token) -> bool:
    """Is the word one for forces ("troops", "peacekeepers", "police")?"""
    return any(lemma(token) in word_class(c) for c in FORCE_CLASSES)


def _bare_forces(found: list[ActorMention], doc) -> bool:
    """Are the mentions only a bare word for forces ("peacekeepers", "its troops"), coded at most by
    the context? Forces an act moves or pulls out are the actor's own, never whom it is aimed at."""
    return bool(found) and all(
        m.kind == "sector" and m.token_end - m.token_start == 1 and 0 <= m.root < len(doc)
        and doc[m.root].is_lower and _forces_word(doc[m.root]) for m in found)


def _recipients_of(token: Token, index: MentionIndex, skip: set[int],
                   places: bool = False, transfer: bool = False,
                   topic_only: bool = False, consult: bool = False,
                   moves_forces: bool = False) -> tuple[list[ActorMention], bool]:
    """Recipient candidates on one token: objects first, then prepositions in RECIPIENT_PREPS order.
    Only mentions that name a country or body count ("troops" alone is nobody's). In a transfer
    ("extradited a Brazilian man to the United States") the "to" party comes before the object, in a
    consultation ("discussed the crisis with Japan") the "with" party. ``moves_forces``: an act that
    moves or pulls out forces, whose bare "troops" or "peacekeepers" are no recipient."""
    # A transfer's "to" party comes before its object; a consultation's "with" party before its topic.
    first = "to" if transfer else "with" if consult else None
    if first:
        for prep in token.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == first and prep.i not in skip:
                for p in children(prep, ("pobj",)):
                    found = coded_under(p, index, 2, places) if not _in_third_party_role(p, prep) else []
                    if found:
                        return _and_repeated(prep, found, index, 2, places), places
    if transfer:
        # "extradited a Brazilian man accused of running one of the largest networks to the United
        # States", "sent a convoy of lorries laden with grain into Malawi": after a long object the parser hangs
        # the destination inside it.
        for obj in children(token, ("dobj",)):
            for prep in obj.subtree:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "into") and prep.i not in skip and prep.head.i != obj.i:
                    found = [m for p in children(prep, ("pobj",)) for m in coded_under(p, index, 1, places)
                             if m.kind in ("country", "capital", "igo")]
                    if found:
                        return found, places
    named = free_relative_objects(token)
    for c in list(token.children) + named:
        if (c.dep_ in ("dobj", "dative", "iobj", "obj") or c in named) and c.i not in skip \
                and lemma(c) not in word_class("road"):
            if consult and c.dep_ == "dobj" and lemma(token) in TOPIC_VERBS:
                continue  # "Putin and Bush discussed Iran's nuclear programme": the topic, not a party
            if c.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                c = token.head  # "the People's Defence Force, which he accused of terrorism"
            # ("vetoed a French-drafted Security Council resolution": who made it, before whose it is)
            found = maker_of_proposal(c, index) or coded_under(c, index, 3, places) or burdened_party(c, index)
            if found and moves_forces and _bare_forces(found, token.doc):
                continue  # "pulled its monitors out of the border zone": where from, not the forces
            if found:
                return found, places
            found = holder_of(c, index) or (national_place(c, index) if c.dep_ == "dobj" else [])
            if found:
                return found, places
            if c.dep_ == "dative":  # "give aid to X" parsed with "to" as dative
                for p in children(c, ("pobj",)):
                    found = coded_under(p, index, 3 if places else 2, places)
                    if found:
                        return found, places
    preps = [c for c in token.children if c.dep_ in ("prep", "agent", "dative") or
             (c.dep_ == "prt" and any(g.dep_ == "pobj" for g in c.children))]
    # "pulled its troops out of Laos", "handed the boats back to Estonia": the preposition after the
    # particle names the place left or the party given back to.
    preps += [g for c in token.children if c.lower_ in DIRECTION_PARTICLES and c.dep_ in ("prep", "prt", "advmod")
              for g in children(c, ("prep",))]
    # "met on the sidelines of the G20 summit": where they met, not whom.
    preps = [p for p in preps if not any(lemma(o) in VENUE_NOUNS for o in children(p, ("pobj",)))
             and not _leading_place(p, token)]
    if lemma(token) in word_class("road") or any(lemma(c) in word_class("road") for c in children(token, ("dobj",))):
        # "blocked the main road to Armenia": a road's end is no counterpart (even hung on the verb).
        preps = [p for p in preps if p.lower_ not in ("to", "toward", "towards", "into", "from")]
    # "rolled out of Iraq into Kuwait": a withdrawal is from the place it leaves.
    order = ("of", "from") + RECIPIENT_PREPS if moves_forces and any(
        p.head.lower_ in DIRECTION_PARTICLES for p in preps) else RECIPIENT_PREPS
    forum: list[ActorMention] = []
    for word in order:
        for prep in preps:
            if prep.lower_ != word or prep.i in skip:
                continue
            if topic_only and word in TOPIC_PREPS:
                continue  # "held talks on the drawdown of AU troops": the subject of the talks
            for p in children(prep, ("pobj",)) or gerund_crowd(prep) or _stranded_object(prep, index):
                if _in_third_party_role(p, prep):
                    continue  # "with Venezuela and Norway as guarantors": a role, not the counterpart
                if word == "with" and lemma(p) in word_class("weapon"):
                    continue  # "pounded the grid with Iranian-made drones": the means, not the target
                if word == "with" and (any(c.tag_ == "VBG" and c.dep_ == "acl" for c in p.children) or (
                        p.dep_ == "nsubj" and p.head.tag_ == "VBG" and p.head.dep_ == "pcomp")):
                    continue  # "came to its ally's defence, with spokesman X saying ...", "with X looking on": a side remark
                found = coded_under(p, index, 3 if places else 2, places) or holder_of(p, index) or (
                    maker_named_before(p, index) if word == "to" else [])  # "opposed to their demand"
                if found and moves_forces and word == "of" and lemma(token) in QUANTITY_NOUNS \
                        and _bare_forces(found, token.doc):
                    continue  # "massed thousands of troops along the border": the forces moved
                if found and moves_forces and word == "of" and token.pos_ == "NOUN" and _forces_word(p):
                    continue  # "the massing of Russian troops along the border with Ukraine": the forces moved
                if found and word in FORUM_PREPS and all(m.kind == "igo" for m in found) and any(
                        lemma(t) in LEGAL_ACTION_NOUNS for t in [token, *children(token, ("dobj",))]):
                    forum = forum or found  # "a complaint with the WTO over Japan's curbs": Japan's
                    continue
                if found:
                    # ("called for the resignation of the premier": the one asked to go is the demand's target)
                    weak = word in WEAK_PREPS and not (word == "for" and lemma(p) in LEADER_LEAVING_NOUNS)
                    return _and_repeated(prep, found, index, 3 if places else 2, places), places or weak
    return (forum, places) if forum else ([], False)


def _and_repeated(prep: Token, found: list[ActorMention], index: MentionIndex, depth: int, places: bool) -> list:
    """The parties of a preposition and of its repeat after "and" ("spoke with X and with Y": both)."""
    return unique(found + [m for c in children(prep, ("conj",)) if c.lower_ == prep.lower_
                           for o in children(c, ("pobj",)) for m in coded_under(o, index, depth, places)])


def _leading_place(prep: Token, verb: Token) -> bool:
    """"In Brussels, the EU's envoy described ...": a place set before the subject, with its comma,
    says where the clause happens; it names no counterpart."""
    subject = subject_token(verb)
    after = prep.right_edge.i + 1
    return prep.lower_ == "in" and prep.i < verb.i and (subject is None or prep.i < subject.i) \
        and after < len(prep.doc) and prep.doc[after].text == ","


def talks_partner(anchor: Token, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """Whom a journey's talks are with ("arrived in Moscow for talks with Vladimir Putin",
    "travelled to Ankara for talks with his Turkish counterpart"): the person met, before the city."""
    for host in trigger_words(anchor, verb):
        for prep in children(host, ("prep",)):
            if prep.lower_ != "for":
                continue
            nouns = children(prep, ("pobj",))
            # "for three days of talks with X"
            nouns += [o for n in nouns if lemma(n) in MEASURE_NOUNS for o in objects_after(n, ("of",))]
            for talk in nouns:
                if lemma(talk) in word_class("talk"):
                    found = party_after(talk, ("with",), index)
                    if found:
                        return found
    return []


def addressee(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """Whom the clause of ``verb`` was said to: the named object of its reporting verb ("Beijing
    warned Taipei that it would not hesitate to use force", "told Seoul that ...")."""
    report = reporting_verb(verb)
    if report is None:
        return []
    for c in children(report, ("dobj", "dative")):
        found = coded_under(c, index, 2)
        if found and not all(e.sector == "MED" for m in found for e in m.entities):
            return found  # ("told reporters in Nairobi that ...": the press hears it, the act is not put to it)
    return []


def mediated_pair(anchor: Token, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """Between whom a mediator works: the pair after "between" on the mediation itself, or on the
    dispute its purpose clause names ("a mediation effort to end the rift between X and Y",
    "mediate in the row between X and Y"), or the pair it helps ("to help X and Y reach a deal")."""
    hosts = [anchor, verb] + ([anchor.head] if anchor.dep_ == "compound" else [])
    hosts += [c for h in list(hosts) for c in children(h, ("acl", "advcl", "xcomp", "relcl"))]
    nouns = list(hosts) + [o for h in hosts for o in children(h, ("dobj",))]
    nouns += [p for h in hosts for prep in children(h, ("prep",)) if prep.lower_ in ("in", "on", "over")
              for p in children(prep, ("pobj",))]
    for noun in nouns:
        pair = between_pair(noun, index)
        if pair:
            return pair
    for h in hosts:  # "to help X and Y reach a deal"
        if lemma(h) == "help":
            for o in children(h, ("dobj", "nsubj")) + [s for c in children(h, ("ccomp", "xcomp")) for s in children(c, ("nsubj",))]:
                found = coded_under(o, index, 2)
                if len({e.code for m in found for e in m.entities}) >= 2:
                    return found
    return []


def _in_third_party_role(noun: Token, prep: Token) -> bool:
    """Is the object of ``prep`` cast "as" a guarantor or mediator (on the noun or on the same head)?"""
    as_preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "as"]
    as_preps += [c for c in prep.head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > prep.i]
    return any(lemma(p) in THIRD_PARTY_ROLES for a in as_preps for p in children(a, ("pobj",)))


def _stranded_object(prep: Token, index: MentionIndex) -> list[Token]:
    """A preposition the parser left without its object ("granted asylum to five Kenyan officers
    stranded at ...", where "officers" became the subject of a new clause): the mention that
    starts within the next few words is its object."""
    doc = prep.doc
    for j in range(prep.i + 1, min(prep.i + 4, len(doc))):
        m = index(j)
        if m is not None:
            return [doc[j]]
        if doc[j].pos_ not in ("DET", "NUM", "ADJ", "ADV"):
            break
    return []


def trigger_words(anchor: Token, verb: Token) -> list[Token]:
    """The trigger word and, when another, the verb that governs it (not the verb a nominal trigger
    is the subject of: "the IMF's call for cuts angered unions" is no call to the unions)."""
    if anchor.i == verb.i or (anchor.pos_ == "NOUN" and anchor.dep_ in ("nsubj", "nsubjpass")
                              and anchor.head.i == verb.i and (lemma(verb) not in NOMINAL_SUBJECT_VERBS
                                                               or lemma(verb) in CONSEQUENCE_VERBS)):
        return [anchor]
    return [anchor, verb]


def first_coded(nouns: list[Token], index: MentionIndex) -> list[ActorMention]:
    """The coded mentions under the first of ``nouns`` that has any."""
    for noun in nouns:
        found = coded_under(noun, index, 2)
        if found:
            return found
    return []


def party_after(token: Token, preps: tuple[str, ...], index: MentionIndex) -> list[ActorMention]:
    """The first country or body named in the object of one of ``preps`` on the token."""
    return first_coded(objects_after(token, preps), index)


def organisers_of_policed_protest(verb: Token, index: MentionIndex, actor: list[ActorMention]) -> list[ActorMention]:
    """"posted police across the capital before a rally by opposition supporters", "to prevent a march by
    the opposition", "ahead of an opposition rally": forces sent against a protest are sent against
    those who hold it (the doer after "by", of the participle "planned by", or the party before the noun)."""
    actor_ids = {id(m) for m in actor}
    found: list[ActorMention] = []
    for noun in (t for t in verb.subtree if t.pos_ == "NOUN" and lemma(t) in word_class("protest_event")):
        doers = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        # ("to prevent a march by X": the parser may hang the "by" on the verb whose object the march is)
        doers += [o for h in ([noun, noun.head] if noun.dep_ == "dobj" else [noun]) for p in children(h, ("prep",))
                  if p.lower_ == "by" for o in children(p, ("pobj",))]
        doers += participle_agents(noun)
        found += [m for d in doers for m in coded_under(d, index, 3) if id(m) not in actor_ids]
    return unique(found)


def second_hop_recipient(anchor: Token, verb: Token, index: MentionIndex,
                         actor: list[ActorMention]) -> list[ActorMention]:
    """A party named inside a prepositional phrase of the clause, one noun away ("after deliberations
    with the government", "despite pressure by the commission"): used only when it is the one
    country or body so attached, other than the actor."""
    actor_ids = {id(m) for m in actor}
    found: list[ActorMention] = []
    hosts = trigger_words(anchor, verb) + infinitives(verb)  # "declined to resign despite pressure from ..."
    for host in hosts:
        for outer in children(host, ("prep",)):
            for noun in children(outer, ("pobj",)):
                for inner in children(noun, ("prep",)):
                    # "in defiance of the authorities", "in protest of the ruling": whom the stance is toward.
                    stance_of = inner.lower_ == "of" and lemma(noun) in word_class("stance")
                    if (inner.lower_ not in SECOND_HOP_PREPS and not stance_of) or beyond_border(inner, noun):
                        continue
                    for p in children(inner, ("pobj",)):
                        found += [m for m in coded_under(p, index, 2) if id(m) not in actor_ids]
    found = unique(found)
    codes = {e.code for m in found for e in m.entities}
    return found if len(codes) == 1 else []


def other_side(actor: list[ActorMention], recipient: list[ActorMention], category: str,
               index: MentionIndex, hosts: list[Token]) -> list[ActorMention]:
    """A recipient of the actor's own country, in an event between states, usually holds the real
    counterpart deeper in its phrase ("summoned China's ambassador", "recalled its ambassadors to
    Dublin and Oslo"); the speaker's own country named as the subject of what it says ("Shoukry
    warned that Cairo would not accept ...") is no counterpart at all."""
    actor_codes = {e.code for m in actor for e in m.entities if e.code}
    codes = {e.code for m in recipient for e in m.entities if e.code}
    if not actor_codes or not codes or not codes <= actor_codes or category in DOMESTIC_CATEGORIES - {"THREATEN", "REJECT"}:
        return recipient
    deeper: list[ActorMention] = []
    for m in recipient:
        if not 0 <= m.root < len(index.doc):
            continue
        head = index.doc[m.root]
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
            head = head.head  # "a police mission to Haiti": the phrase of the noun the mention modifies
        # (not where displaced people fled to, "residents fleeing toward the Rwandan border", nor the venue of
        # talks or of a promise of them, "talks with rebel delegates in Oslo"; not "its embassy in Bogota")
        stays = category in VENUE_CATEGORIES and lemma(head) not in word_class("diplomat")
        skip = {x.i for t in head.subtree if lemma(t) in DISPLACEMENT_VERBS
                or (stays and t.dep_ == "prep" and t.lower_ in ("in", "at")) for x in t.subtree}
        for t in head.subtree:
            if t.i in skip:
                continue
            other = index.place(t.i)  # "ambassadors to Dublin": a capital named as a place
            if other is not None and coded(other) and not {e.code for e in other.entities} & actor_codes:
                deeper.append(other)
    for host in hosts:  # "recalled its ambassadors to Dublin and Oslo": the counterpart in a preposition
        for prep in children(host, ("prep", "dative")):
            if prep.lower_ in ("to", "with", "against", "from", "on"):
                # ("barred its airlines from flying to Georgia": where the barred may not go)
                ends = [o for g in children(prep, ("pcomp",)) for o in objects_after(g, ("to", "into"))]
                for p in children(prep, ("pobj",)) + ends:
                    deeper += [m for m in coded_under(p, index, 2, places=True)
                               if not {e.code for e in m.entities} & actor_codes]
    if deeper:
        return unique(deeper)
    if category in SPEECH_CATEGORIES and all(m.kind in ("country", "capital") for m in recipient):
        return []
    return recipient


def acts_on_people(anchor: Token, verb: Token) -> bool:
    """Does a coercive act fall on the population (no object, or people and their gatherings:
    "broke up the rally", "detained students"), not on a thing ("seized a helicopter")?"""
    objects = clause_objects(anchor, verb)
    return all(lemma(t) in word_class("populace") or t.lower_ in word_class("populace") for t in objects)


def recipient_from_hosts(actor: list[ActorMention], actor_compound: bool, anchor: Token, verb: Token,
                         index: MentionIndex, trigger_ids: set[int], places: bool,
                         category: str) -> tuple[list[ActorMention], bool, bool] | None:
    """(recipient, weak, direct) from the first of ``recipient_hosts`` that offers one, or None.
    ``places``: countries named as places count too (weak). ``direct``: found on the trigger word
    or its governing verb."""
    actor_codes = {e.code for m in actor for e in m.entities if e.code}
    transfer = category == "AID" or category == "COOPERATE"
    talks = category == "CONSULT" and actor_compound
    hosts = recipient_hosts(anchor, verb)
    if category in FORCE_CATEGORIES and any(lemma(o) in word_class("projectile") for o in object_tokens(verb)):
        # "fired stun grenades and aimed water cannon at the marchers": one use of force, told by two verbs.
        hosts += [c for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB" and not children(c, ("nsubj",))]
    for token in hosts:
        found, weak = _recipients_of(token, index, trigger_ids - {anchor.i}, places, transfer, talks,
                                     category == "CONSULT", category in FORCE_MOVING_CATEGORIES)
        if found and weak and category not in DOMESTIC_CATEGORIES and \
                {e.code for m in found for e in m.entities} <= actor_codes:
            continue  # "the return of Israel's ambassadors to Dublin": the own side is no counterpart
        if found:
            return found, weak, token is anchor or token is verb
    return None


def _promised_clauses(verb: Token) -> list[Token]:
    """"pledged that Tokyo would send supplies to Ecuador": what a promise says will be done, as its
    infinitive would ("pledged to send supplies to Ecuador")."""
    if lemma(verb) not in english.PROMISING_VERBS:
        return []
    return [c for c in children(verb, ("ccomp",)) if any(a.lower_ in ("will", "would", "shall")
                                                         for a in children(c, ("aux",)))]


def recipient_hosts(anchor: Token, verb: Token) -> list[Token]:
    """Where to look for the recipient: the trigger word, its governing verb, the object noun of a
    multiword trigger, then the infinitive complements ("agreed to hand over to Britain")."""
    # "sent thousands fleeing toward the Rwandan border": where the displaced go is no counterpart.
    hosts = [t for t in trigger_words(anchor, verb) if lemma(t) not in DISPLACEMENT_VERBS]
    if anchor.dep_ == "acl" and anchor.tag_ == "VBG" and anchor.head.head.pos_ == "VERB":
        hosts.append(anchor.head.head)  # "a plane carrying medical supplies landed at Beirut airport"
    for t in list(hosts):
        hosts.extend(c for c in t.children if c.dep_ in ("dobj", "prt") and c not in hosts)
    # "broke off two years of talks with Iran": the "of" object of a span stands for it.
    # The span noun itself names no one (its "of" would make the talks' partner a weak recipient).
    # So is a noun of holding: "took control of the airport".
    hosts = [o for t in hosts for o in ((objects_after(t, ("of",)) or [t])
                                        if lemma(t) in MEASURE_NOUNS or lemma(t) in word_class("holding") else [t])]
    for t in list(hosts):
        # "reaffirmed its commitment to defend Japan", "made an offer to share intelligence with X"
        if lemma(t) in word_class("commitment") or (t.i == anchor.i and t.pos_ == "NOUN"):
            for clause in children(t, ("acl",)):
                if has_to(clause):
                    hosts.append(clause)
    for t in list(hosts):
        for x in infinitives(t) + _promised_clauses(t):
            hosts.append(x)
            hosts.extend(children(x, ("dobj",)) or gerund_clause_subjects(x))
            for y in infinitives(x):
                hosts.append(y)
                if lemma(y) in HELPING_VERBS:  # "vowed to extend grants to help rebuild Iraq": Iraq
                    hosts.extend(o for z in children(y, ("xcomp",)) for o in [z, *children(z, ("dobj",))])

    # "withdrew the bill, bowing to a protest movement": whom a concession yields to; "shelled a camp,
    # killing 12 civilians": whom an attack struck.
    hosts.extend(c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                 and (lemma(c) in YIELD_VERBS or lemma(c) in RESULT_VERBS))
    if verb.dep_ == "conj" and lemma(verb.head) in YIELD_VERBS:
        hosts.append(verb.head)  # "bowed to the protesters' demands and resigned"
    # "a naval show of force aimed at Athens", "drills directed at Taiwan": whom the act is aimed at.
    nouns = [anchor, *children(verb, ("dobj",)), *(o for p in children(verb, ("prep",)) for o in children(p, ("pobj",)))]
    nouns += [o for n in nouns for o in objects_after(n, ("of",))]  # "a display of strength directed at Seoul"
    hosts.extend(c for n in nouns for c in children(n, ("acl",)) if lemma(c) in AIMING_VERBS)
    return hosts


AIMING_VERBS = frozenset({"aim", "direct", "target"})  # participles that say whom an act is aimed at
HELPING_VERBS = frozenset({"help", "assist"})  # "to help rebuild X": the one helped is what the help acts on
