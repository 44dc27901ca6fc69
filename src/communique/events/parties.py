"""The parties a phrase of the parse names, for the argument rules (events/subjects.py,
events/recipients.py, events/arguments.py).

- ``mentions_under``: the mentions at the shallowest level of the phrase a token heads (never
  entering another clause), each with the mentions joined to it by "and" ("Sri Lanka, Nepal and
  Singapore", "diplomats from Japan and China");
- ``coded_under``: the same, keeping only mentions that name a country or body ("troops" alone
  is nobody's);
- ``between_pair``: the parties after a noun's "between" ("talks between Chile and Bolivia");
- ``national_place``: the country a place's nationality names ("the Armenian village of Sotk");
- ``holder_of``, ``maker_of_proposal``: whoever holds a place or thing, or made a proposal, by the
  participle on it ("positions held by the YPG", "an appeal lodged by X");
- ``burdened_party``: whom a restriction was imposed on ("a curfew imposed on X");
- ``awaited_party``: the subject of a protest's "until" clause, whom it waits on;
- ``other_side_of_ties``: the state an act's "ties with" name, when the actor's own state owns them;
- ``unique``: mentions in order, each once.

Which mention covers a token is the mention index's (actors/index.py); these functions only walk
the phrase.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..actors.index import MentionIndex, coded, kind_word
from ..model import ActorMention
from ..parse import SEARCH_STOP_DEPS, children, conjuncts, doc_tokens, governing_verb, lemma
from .lexicon import word_class
from .syntax import gerund_crowd, object_tokens, objects_after, participle_agents


def unique(mentions):
    """The mentions in order, each (the same object) once."""
    seen, out = set(), []
    for m in mentions:
        if id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out


def mentions_under(start: Token, index: MentionIndex, max_depth: int = 4) -> tuple[list[ActorMention], int]:
    """Mentions at the shallowest level of the phrase headed by ``start`` (not entering other
    clauses), each with the mentions joined to it by "and" ("Sri Lanka, Nepal and Singapore")."""
    found, depth, _ = mentions_with_conjuncts(start, index, max_depth)
    return found, depth


def mentions_with_conjuncts(start: Token, index: MentionIndex, max_depth: int = 4, places: bool = False):
    """(mentions, depth, joined): ``joined`` says whether some came from an "and" list. A mention that
    names no country is kept only if nothing deeper in the phrase does ("Taiwan's vice minister")."""
    level, depth = [start], 0
    doc = start.doc
    lookup = index.place if places else index
    fallback = None
    while level and depth <= max_depth:
        found = [lookup(t.i) for t in level if lookup(t.i) is not None]
        if found and not any(coded(m) for m in found):
            fallback = fallback or (unique(found), depth, False)
            found = []
        if found:
            out, joined = [], False
            heads = [start] if index(start.i) is not None else []
            for m in unique(found):
                out.append(m)
                heads.append(doc[m.root] if 0 <= m.root < len(doc) else start)
            for head in list(heads):
                # "diplomats from Japan and China": the mention took its code from "from Japan"; the
                # country joined to that one is a party too.
                for prep in children(head, ("prep",)):
                    if prep.lower_ in ("from", "of"):
                        heads.extend(children(prep, ("pobj",)))
            for head in list(heads):
                # "Mali, Burkina Faso and Niger": the parser may hang the rest of a list of states on
                # its first member as an apposition.
                heads.extend(c for c in children(head, ("appos",)) if index(c.i) is not None
                             and index(c.i).kind in ("country", "compound") and index(head.i) is not None
                             and index(head.i).kind == "country")
            for head in list(heads):
                # "the Indian government and communist rebels agreed": the parser may hang the first
                # of two parties joined by "and" on the second as its modifier.
                for mod in children(head, ("nmod", "compound")):
                    if children(mod, ("cc",)) and children(mod, ("conj",)) and index(mod.i) is not None \
                            and coded(index(mod.i)) and index(mod.i) is not index(head.i):
                        out.append(index(mod.i))
                        joined = True
            # ("Hungary's MOL and Croatia's INA": an unnamed head's conjuncts hold the other parties)
            for head in heads + ([start] if all(h.i != start.i for h in heads) else []):
                for c in conjuncts(head)[1:]:
                    more = [index(c.i)] if index(c.i) is not None else mentions_under(c, index, 2)[0]
                    new = [x for x in more if all(x is not o for o in out)]
                    joined = joined or bool(new)
                    out.extend(new)
            out = unique(out)
            # ("Ukraine's Naftogaz and Russia's Gazprom": found together at one depth, joined all the same)
            joined = joined or (len(out) > 1 and bool(children(start, ("cc",))) and bool(children(start, ("conj",))))
            return out, depth, joined
        nxt = []
        for t in level:
            nxt.extend(c for c in t.children if c.dep_ not in SEARCH_STOP_DEPS)
            nxt.extend(gerund_crowd(t) if t.dep_ == "prep" else [])  # "hundreds of teachers marching"
        level, depth = nxt, depth + 1
    return fallback or ([], depth, False)


def coded_under(token: Token, index: MentionIndex, depth: int, places: bool = False) -> list[ActorMention]:
    """The mentions under ``token`` (``mentions_with_conjuncts``) that name a country or body; a bare
    sector word that only says what kind of talks or aid ("military aid") names none."""
    found, _, _ = mentions_with_conjuncts(token, index, depth, places)
    return [m for m in found if coded(m) and not kind_word(m, index.doc)]


def between_pair(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """The coded parties after the noun's "between" ("talks between Chile and Bolivia")."""
    between = [p for prep in children(noun, ("prep",)) if prep.lower_ == "between" for p in children(prep, ("pobj",))]
    between += [o for p in between for o in _stranded_conjunct(p)]
    return unique([m for p in between for m in mentions_with_conjuncts(p, index, 2)[0] if coded(m)])


def _stranded_conjunct(first: Token) -> list[Token]:
    """"Talks in Vienna between the agency's chief and Iranian diplomats broke up": the parser made
    the second of the pair a subject of the verb; it is the noun heading the words after the "and"."""
    if children(first, ("conj",)):
        return []
    cc = next((c for c in children(first, ("cc",)) if c.lower_ == "and"), None)
    if cc is None or cc.i + 1 >= len(cc.doc):
        return []
    head = cc.doc[cc.i + 1]
    while head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("amod", "compound", "det", "nummod"):
        head = head.head
    return [head] if head.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("NOUN", "PROPN") else []


# Participles that name who holds a place or thing ("positions held by X", "a depot belonging to X").
HOLDING_VERBS = frozenset({"hold", "control", "belong", "own", "run", "occupy", "use", "operate", "man"})
# Premises that stand for whoever works or lives in them ("the offices of X", "the newsroom of X").
PREMISES = frozenset({"office", "offices", "headquarters", "newsroom", "home", "house", "residence", "studio",
                      "compound", "premises", "embassy", "consulate", "base"})
# Participles that make any noun a proposal of their agent ("the budget submitted by the government").
SUBMITTING_VERBS = frozenset({"submit", "propose", "table", "draft", "present", "put", "sponsor", "introduce"})
# Verbs by which a party carries out an activity named by a noun ("exercises that Turkey is holding").
CONDUCTING_VERBS = frozenset({"hold", "conduct", "stage", "carry", "wage", "run", "build", "launch"})


def national_place(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """"hit the Armenian village of Sotk": a place its nationality names is that country's."""
    if lemma(noun) not in word_class("place"):
        return []
    return national_modifier(noun, index)


def national_modifier(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """The nationality adjective on a noun ("Armenian" of "the Armenian village"), as a coded party."""
    return [m for c in children(noun, ("amod", "compound")) if (m := index.place(c.i)) is not None
            and m.kind == "modifier" and coded(m)][:1]


def holder_tokens(thing: Token) -> list[Token]:
    """Who holds a place or thing an act falls on: the doer of a participle on it ("positions held by
    the YPG", "villages controlled by the KIA", "a depot belonging to Hamas", "homes owned by
    Palestinians")."""
    out = objects_after(thing, ("of",)) if lemma(thing) in PREMISES else []  # "the offices of the paper X"
    # "condemned war games that Greece is staging": whoever carries out the activity.
    out += [s for rc in children(thing, ("relcl",)) if lemma(rc) in CONDUCTING_VERBS
            for s in children(rc, ("nsubj",)) if s.lower_ not in ("that", "which", "who")]
    for acl in children(thing, ("acl",)):
        if lemma(acl) in HOLDING_VERBS:
            out += [p for agent in children(acl, ("agent",)) for p in children(agent, ("pobj",))]
            out += objects_after(acl, ("to",))
    return out


def holder_of(thing: Token, index: MentionIndex) -> list[ActorMention]:
    """The named holder of a place or thing (``holder_tokens``), or none."""
    return unique([m for p in holder_tokens(thing) for m in coded_under(p, index, 2)])


# Participles by which captives name whoever holds them ("sailors held by Abu Sayyaf", "a nurse kidnapped by gunmen").
CAPTIVE_VERBS = frozenset({"hold", "kidnap", "abduct", "detain", "capture", "seize", "jail", "imprison", "snatch"})


def captors_of(captive: Token, index: MentionIndex) -> list[ActorMention]:
    """The coded parties a participle on the captives (or on the captives after "hundreds of") names as
    holding them: whom a release is asked of (events/asked.py) and who frees them (events/passive.py)."""
    captives = [captive] + [o for p in children(captive, ("prep",)) if p.lower_ == "of" for o in children(p, ("pobj",))]
    return unique([m for c in captives for p in participle_agents(c, CAPTIVE_VERBS) for m in coded_under(p, index, 2)])


def proposal_makers(noun: Token) -> list[Token]:
    """The nouns of whoever made a proposal, appeal or demand named by a participle or a "by" on it
    ("an appeal filed by X", "every offer made by X", "a demand by X"): the party a response to it is
    aimed at."""
    if lemma(noun) not in word_class("proposal") and not any(
            lemma(acl) in SUBMITTING_VERBS for acl in children(noun, ("acl",))):
        return []
    # (else its owner: "an African Union plan", "Qatar's proposal", "a South Korean proposal")
    return participle_agents(noun) or objects_after(noun, ("by",)) or _hyphenated_makers(noun) or \
        children(noun, ("compound", "poss", "amod"))


def _hyphenated_makers(noun: Token) -> list[Token]:
    """"a French-drafted resolution", "a U.S.-backed plan": the word before the hyphen made it."""
    return [w for p in children(noun, ("amod", "compound")) if p.tag_ == "VBN"
            and lemma(p) in SUBMITTING_VERBS | {"back", "sponsor"} and p.i > 0 and p.doc[p.i - 1].text in ("-", "–")
            for w in children(p, ("npadvmod", "amod", "compound", "nmod")) if w.i < p.i]


def maker_of_proposal(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """The named maker of a proposal ("rejected an appeal lodged by X"), or none."""
    # (a nationality before a hyphen, "French-drafted", is a modifier: looked up among them)
    return unique([m for p in proposal_makers(noun) for m in coded_under(p, index, 3) or coded_under(p, index, 0, True)])


def maker_named_before(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """"ready to talk with Riyadh and its allies but opposed to their demand": the maker of "their"
    proposal is the last party named before it in the sentence that is no clause's subject."""
    if not any(p.lower_ == "their" and p.dep_ == "poss" for p in proposal_makers(noun)):
        return []
    for t in reversed(noun.doc[noun.sent.start:noun.i]):
        m = index(t.i)
        if m is not None and coded(m) and t.i == m.root and t.dep_ not in ("nsubj", "nsubjpass"):
            return [m]
    return []


# Participles by which a restriction names whom it falls on ("a curfew imposed on the city's residents").
IMPOSING_VERBS = frozenset({"impose", "place", "put", "slap", "levy", "enforce"})


def burdened_party(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """"lifted a travel ban imposed on a jailed blogger's family": the party a restriction was imposed
    on, named through the participle on the restriction noun (the search for parties stops at a
    clause)."""
    if lemma(noun) not in word_class("restriction"):
        return []
    return unique([m for verb in children(noun, ("acl",)) if lemma(verb) in IMPOSING_VERBS
                   for prep in children(verb, ("prep",)) if prep.lower_ in ("on", "upon", "against")
                   for p in children(prep, ("pobj",)) for m in coded_under(p, index, 2)])


def hosted_pair(anchor: Token, index: MentionIndex) -> list[ActorMention]:
    """"Peru hosted four days of talks between Chile and Bolivia": the parties after the "between" of
    what a third party hosts (the verb's objects)."""
    return unique([m for t in object_tokens(anchor) for m in between_pair(t, index)])


def awaited_party(verb: Token, index: MentionIndex, direct: bool = False) -> list[ActorMention]:
    """Who a protest waits on: the subject of its "until" clause ("on hunger strike until parliament
    passes the law", "vowed to stay in the square until the president resigns"); with ``direct``, only
    a clause on the verb itself ("will not ease the blockade until Hamas frees the hostages")."""
    for t in (verb.children if direct else verb.subtree):
        if t.dep_ == "advcl" and t.sent.start == verb.sent.start and any(
                c.dep_ == "mark" and c.lower_ in ("until", "till") for c in t.children):
            found = [m for s in children(t, ("nsubj", "nsubjpass")) for m in coded_under(s, index, 2)]
            if found:
                return unique(found)
    return []


def hyphen_pair(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """"Israeli-Palestinian talks", "joint U.S.-South Korean drills": two nationalities joined by a hyphen
    before the noun (the parser hangs the first on the hyphen) are the act's two parties, in that order."""
    def named(i: int) -> ActorMention | None:  # (a name that modifies a noun is indexed with the places)
        m = index(i) or index.place(i)
        return m if m is not None and m.kind != "place" and coded(m) else None

    for mod in [c for c in noun.subtree if c.i < noun.i and c.dep_ in ("amod", "compound", "nmod")]:
        for dash in children(mod, ("punct",)):
            if dash.tag_ == "HYPH" and dash.i == mod.i - 1 and dash.i > 0:
                first, second = named(dash.i - 1), named(mod.i)
                if first is not None and second is not None and first is not second:
                    return [first, second]
    return []


@lru_cache(maxsize=None)
def _lemma_ids(name: str, vocab) -> frozenset[int]:
    """The string-store ids of a word class's lemmas (a token's ``lemma`` is compared without
    making its string: the search runs over every word of a clause)."""
    return frozenset(vocab.strings.add(w) for w in word_class(name))


def other_side_of_ties(actor: list[ActorMention], recipient: list[ActorMention], verb: Token,
                       index: MentionIndex) -> list[ActorMention]:
    """"warned that the vote would damage Hungary's ties with Poland": when the recipient found is none
    or the actor's own state named as the owner of its ties, the state the ties are "with" (PLOVER's
    recipient is whom the act is directed at); else nothing."""
    actor_codes = {e.code for m in actor for e in m.entities if e.code}
    if not actor_codes or not {e.code for m in recipient for e in m.entities} <= actor_codes:
        return []
    ties_ids = _lemma_ids("ties", verb.doc.vocab)
    for ties in doc_tokens(verb.doc)[verb.left_edge.i:verb.right_edge.i + 1]:
        if ties.lemma not in ties_ids or governing_verb(ties).i != verb.i:
            continue
        owners = [o for c in children(ties, ("poss",)) for o in [index(c.i)] if o is not None and coded(o)]
        if not owners or not {e.code for m in owners for e in m.entities} <= actor_codes:
            continue
        other = [o for prep in children(ties, ("prep",)) if prep.lower_ == "with"
                 for p in children(prep, ("pobj",)) for o in mentions_under(p, index)[0] if coded(o)]
        if other:
            return other
    return []
