"""Helpers over spaCy's dependency parse that several stages share (actors, events, dates, places).

Generic reading of the parse only: a token's lemma, its dependents by relation, the words joined
to it by "and", a clause's subject, the verb that governs a token. What one stage makes of the
parse stays in that stage (``events/syntax.py`` adds the events stage's own helpers).
"""
from __future__ import annotations

from functools import lru_cache

import numpy

from spacy.attrs import HEAD
from spacy.strings import StringStore
from spacy.tokens import Token

from .knowledge.english import NUMBER_WORDS

MAX_CLIMB = 50  # a malformed parse can hold a cycle; no real clause is this deep
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Dependents that open another clause: argument searches do not cross them.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "pcomp"})
# Where a search down a noun phrase for the parties it names stops: other clauses and function words.
SEARCH_STOP_DEPS = CLAUSE_DEPS | {"punct", "cc", "det", "case", "mark", "neg", "aux", "auxpass"}
# The dash that ends a wire dateline ("CARACAS, Aug 8 (Agency) -- ...").
DATELINE_DASHES = frozenset({"--", "\u2014", "\u2013", "-"})


def lemma(token: Token) -> str:
    return token.lemma_.lower()


# Words that are a past tense of one verb and the base form of another ("to disarm and lay down its weapons":
# the parser may tag the base form "lay" as the past of "lie").
PAST_AND_BASE_FORMS = frozenset({"lay", "found", "wound"})


def base_form_read_as_past(verb: Token) -> bool:
    """A verb joined by "and" to a base form, tagged a past tense although it is a base form too ("would
    build centres, set up a command and train ...", "to follow the example and lay down its weapons")."""
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.head.tag_ == "VB" and (
        verb.lower_ == lemma(verb) or verb.lower_ in PAST_AND_BASE_FORMS)


def count_of(noun: Token, deps=("det", "nummod")) -> int | None:
    """The number the first counting word on a noun gives ("a day", "two days", "3 days"); None when it
    gives none (no such word, or one that is no number)."""
    word = next((c for c in noun.children if c.dep_ in deps), None)
    if word is None:
        return None
    return NUMBER_WORDS.get(word.lower_) or (int(word.text) if word.text.isdigit() else None)


def children(token: Token, deps) -> list[Token]:
    """The token's children whose dependency label is one of ``deps`` (compared by the labels'
    hashes: the event rules call this tens of thousands of times per document batch)."""
    try:
        ids = _dep_ids(deps)
    except TypeError:  # an unhashable collection of labels
        ids = frozenset(_LABELS[d] for d in deps)
    return [c for c in _tree(token.doc)[2][token.i] if c.dep in ids]


# The last document's tokens and each token's children, built once per document: spaCy makes a new
# Token object on every ``doc[i]`` and ``token.children``, which the rules ask for a million times per
# batch. One slot (a tuple, replaced whole) is enough: a document's stages run one after another.
_LAST_TREE: tuple = (None, [], [], [])


def _tree(doc) -> tuple:
    global _LAST_TREE
    tree = _LAST_TREE
    if tree[0] is not doc:
        tokens = list(doc)
        # heads as offsets from an array (``token.head`` would make one more Token per word)
        heads = (doc.to_array(HEAD).astype("int64") + numpy.arange(len(tokens))).tolist() if tokens else []
        kids: list[list[Token]] = [[] for _ in tokens]
        for i, h in enumerate(heads):
            if h != i:
                kids[h].append(tokens[i])
        tree = _LAST_TREE = (doc, tokens, kids, heads)
    return tree


def doc_tokens(doc) -> list[Token]:
    """The document's tokens, made once per document (``doc[i]`` makes a new Token each time)."""
    return _tree(doc)[1]


def head_indices(doc) -> list[int]:
    """The index of each token's head (its own index for a sentence root), without making Tokens."""
    return _tree(doc)[3]


# Label -> the id spaCy stores in ``Token.dep`` (a fixed symbol id for the parser's labels, else the
# string's hash: the same in every vocabulary).
_LABELS = StringStore()


@lru_cache(maxsize=None)
def _dep_ids(deps) -> frozenset[int]:
    return frozenset(_LABELS[d] for d in ((deps,) if isinstance(deps, str) else deps))


def conjuncts(token: Token) -> list[Token]:
    """The token and the words joined to it by "and"/"or" (their conj chain, not the head's)."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(children(t, "conj"))
    return out


def subject_token(verb: Token) -> Token | None:
    """The verb's subject; of two (a wire dateline "BRUSSELS, Oct. 16 (Agency) -- X held talks" parsed
    as a second subject) the one nearest before the verb. Word order decides only there, where the
    parse has failed."""
    # (a subject the parser hung on the auxiliary: "the party [is] opposed to ..." with "party" under "is")
    subjects = children(verb, SUBJECT_DEPS) or [s for a in children(verb, ("aux", "auxpass"))
                                                for s in children(a, SUBJECT_DEPS)]
    if not subjects:
        # "UNHCR on Thursday appealed to donors": a name before the verb that the parser took for an
        # adverbial because a time phrase follows it.
        subjects = [c for c in children(verb, ("npadvmod",)) if c.i < verb.i and c.pos_ == "PROPN"
                    and c.ent_type_ not in ("DATE", "TIME") and c.i == c.left_edge.i]
    before = [c for c in subjects if c.i < verb.i]
    if len(before) > 1 and any(t.text in DATELINE_DASHES for t in verb.doc[before[0].i:before[-1].i]):
        return before[-1]
    if len(before) > 1 and before[0].pos_ == "NOUN" and before[1].pos_ == "PROPN" \
            and before[1].left_edge.i == before[0].i + 1:
        return before[1]  # "rival movements Fatah and Hamas resumed talks": the names the noun introduces
    return subjects[0] if subjects else None


def shared_subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is joined to by "and" ("Pakistan expelled the envoy
    and suspended trade")."""
    subject, steps = subject_token(verb), 0
    while subject is None and verb.dep_ == "conj" and verb.head.i != verb.i and steps < MAX_CLIMB:
        verb, steps = verb.head, steps + 1
        subject = subject_token(verb)
    return subject


def governing_verb(token: Token) -> Token:
    """The verb whose clause holds ``token`` (the token itself if it is a verb; the root of its
    tree if no verb is above it)."""
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and steps < MAX_CLIMB:
        token, steps = token.head, steps + 1
    return token


def participle_partner(verb: Token) -> Token | None:
    """The participle a second participle truly joins when the parser hung it on the last verb
    before it ("..., tweeting that he had told aides not to sign it and accusing Ottawa of lying":
    "accusing" goes with "tweeting", not with "sign"); None when it hangs right."""
    if verb.tag_ != "VBG" or verb.dep_ != "conj" or verb.head.tag_ == "VBG":
        return None
    t, steps = verb.head, 0
    while t.head.i != t.i and t.dep_ in ("xcomp", "ccomp", "conj") and steps < MAX_CLIMB:
        t, steps = t.head, steps + 1
        if t.tag_ == "VBG" and t.dep_ in ("advcl", "conj"):
            return t
    return None


# Possessives that own a noun: a state's or body's ("its troops", "their neighbour"), and a speaker's
# ("his government", "our forces").
STATE_POSSESSIVES = frozenset({"its", "their"})
SPEAKER_POSSESSIVES = STATE_POSSESSIVES | {"his", "her", "our"}


def owned(noun: Token, words: frozenset[str] = STATE_POSSESSIVES) -> bool:
    """Does one of ``words`` own the noun as its possessive ("its soldiers", "their neighbour")?"""
    return any(c.dep_ == "poss" and c.lower_ in words for c in noun.children)


def when_clauses(verb: Token) -> list[Token]:
    """The "when" clauses of a verb ("were killed when their truck struck a mine")."""
    return [c for c in children(verb, ("advcl",))
            if any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in c.children)]


def is_ancestor(a: Token, b: Token) -> bool:
    """Is ``a`` above ``b`` in the parse?"""
    return any(t.i == a.i for t in b.ancestors)


# Links that keep a verb in its head's clause: an infinitive complement ("agreed to meet on
# Friday") and a coordinated verb ("attacked the town and killed ..."). Other clausal links
# (pcomp, advcl, ccomp, relcl, acl) open a clause with its own time.
SAME_CLAUSE_DEPS = frozenset({"xcomp", "conj"})


def clause_top(verb: Token) -> Token:
    """The verb heading the clause chain ``verb`` belongs to."""
    seen = 0
    while verb.dep_ in SAME_CLAUSE_DEPS and verb.head.i != verb.i and seen < 20:
        verb = verb.head
        seen += 1
    return verb


def opening_place_comma(sent) -> int | None:
    """The index of the comma that closes a sentence's opening "In <place>," of one to three words ("In
    New Delhi, the minister warned ...": where the act is told from), or None."""
    if len(sent) < 4 or sent[0].lower_ != "in":
        return None
    return next((t.i for t in sent[1:5] if t.text == ","), None)


def in_opening_place(token: Token) -> bool:
    """Is the token inside the sentence's opening "In <place>," (``opening_place_comma``)?"""
    comma = opening_place_comma(token.sent)
    return comma is not None and token.sent.start < token.i < comma
