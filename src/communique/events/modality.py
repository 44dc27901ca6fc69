"""PLOVER auxiliary modes of a trigger's clause: negated, hypothetical, future, historical."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from datetime import date

from spacy.tokens import Token

from ..background import is_background
from ..knowledge import english
from ..parse import base_form_read_as_past, children, count_of, lemma, participle_partner
from .lexicon import word_class
from .syntax import holds_stance_of_speech, is_purpose

# A story has this many sentences; a shorter text is read as lone sentences (decide.report, _lone_sentence).
STORY_SENTENCES = 3
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
UNCERTAIN_AUX = frozenset({"could", "might", "may", "should", "must", "ought", "can"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
TIME_MARKS = frozenset({"when", "once", "before", "after", "whenever"})  # marks of a clause of time
# Subjects that say the act did not happen ("nobody was hurt"; "no one" is "one" with "no").
NOBODY = frozenset({"nobody", "none", "nothing", "noone"})
# Verbs whose infinitive complement is planned (future) or only wished for (hypothetical).
PLAN_VERBS = frozenset({"plan", "intend", "schedule", "expect", "aim", "set", "prepare", "go",
                        "due", "mean", "design"})  # ("the truce is meant to allow ...")
# Verbs of expecting: with a party of its own before the infinitive ("expect X to ..."), a forecast.
EXPECTING_VERBS = frozenset({"expect", "predict", "anticipate"})
# Verbs of keeping a party from doing something ("barred X from visiting").
PREVENTING_VERBS = frozenset({"bar", "prevent", "stop", "block", "ban", "prohibit", "keep", "forbid", "deter"})
# Verbs of letting a party do something: what they let it do is not yet done.
PERMIT_VERBS = frozenset({"allow", "permit", "enable", "empower", "entitle"})
# "declined to comment on the accord", "failed to reach an accord": the embedded event did not happen.
NEGATING_VERBS = frozenset({"decline", "fail", "deny"})
# Subjects whose words are opinion or forecast, not an act of the story ("analysts warned ...").
COMMENTATORS = frozenset({"analyst", "expert", "observer", "commentator", "pundit", "scholar",
                          "economist", "academic", "researcher", "strategist", "columnist"})
# "a week after soldiers detained the president": a clause dated a stretch of time before the news.
NEWS_DAYS = 3  # "N days after": up to this many the earlier act is still the news (_days_of_the_news)
ELAPSED_UNITS = frozenset({"days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"})
# Adverbs of a habit ("routinely detains critics"): with a bare present tense, no event of the day.
HABIT_WORDS = frozenset({"annually", "routinely", "regularly", "usually", "habitually", "customarily"})
HABIT_SPANS = frozenset({"year", "week", "month", "time", "spring", "summer"})  # "every year", "each time"
# Words of a share ("brings in roughly half the grain it eats", "sells a third of its power to ..."): an object
# that is a share, with a bare present tense, is a standing fact of trade, not an event of the day.
SHARE_WORDS = frozenset({"percent", "%", "half", "third", "thirds", "quarter", "bulk", "majority", "share",
                         "fraction", "most", "much"})
# Nouns of a campaign that lasts: the subject of a toll to date ("the war has killed ...").
CAMPAIGN_NOUNS = frozenset({"insurgency", "war", "conflict", "rebellion", "uprising", "campaign", "violence",
                            "fighting", "crackdown", "occupation", "blockade", "siege", "unrest"})
LASTING_STATES = frozenset({"be", "go", "remain", "stay", "refuse", "continue", "keep"})
# Words that date a clause to the news of the day ("earlier on Tuesday", "yesterday").
RECENT_WORDS = frozenset(english.WEEKDAY_NAMES) | {"today", "yesterday", "tonight", "earlier"}
WISH_VERBS = frozenset({"hope", "want", "wish", "seek", "consider", "propose", "would", "like", "need", "have"})
BACKGROUND_WORDS = re.compile(r"\b(last year|years ago|a year ago|decades? ago|in the past|previously|"
                              r"formerly|last decade|over the (?:winter|summer|spring|autumn|past (?:year|months)))\b", re.I)
# "has long refused talks": a stance held for long is background to a story's news, and the news of a lone
# sentence that tells nothing else.
LONG_HELD = re.compile(r"\b(?:has|have) long\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    conditional: bool = False  # the clause has its own if/unless clause: a promise or a threat
    purpose: bool = False  # the trigger is what its clause's act is for ("sent observers to monitor the vote")


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def is_negated(token: Token) -> bool:
    """"did not meet", "never visited", "has rarely yielded", "no talks were held", "no one was detained", "nobody attended",
    "found no evidence"."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in english.SELDOM_WORDS) for c in token.children):
        return True
    if token.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NOBODY or _has_no(c)) for c in token.children):
        return True
    # "found no evidence of fraud", "made no concessions": what "no" quantifies was not done.
    if token.pos_ == "VERB" and any(_has_no(c) for c in children(token, ("dobj",))):
        return True
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return True
        head = token.head
        if token.dep_ in ("dobj", "nsubjpass", "pobj") and head is not token:
            if token.dep_ == "pobj":
                head = head.head
            return any(c.dep_ == "neg" for c in head.children)
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        return any(c.dep_ == "neg" for c in token.head.children)
    # "barred the envoy from visiting the camps", "stopped the convoy from entering": prevented, not done.
    return token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ == "from" \
        and token.head.head.lemma_.lower() in PREVENTING_VERBS


def _in_reported_clause(verb: Token) -> bool:
    t = verb
    while t.dep_ == "conj":
        t = t.head
    # ("stayed adamant that Minsk would not yield": the clause hangs on the copula of a stance of speech)
    return t.dep_ == "ccomp" and (t.head.lemma_.lower() in word_class("report") or holds_stance_of_speech(t.head))


def _lone_sentence(verb: Token) -> bool:
    """Is the verb the main verb of a text shorter than a story (fewer than STORY_SENTENCES sentences: no
    story around it)? (Its relative and adverbial clauses still tell the past of a party: "civilians who
    had sought refuge in a church".)"""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "ROOT" and next(islice(verb.doc.sents, STORY_SENTENCES - 1, None), None) is None


def _warned_of(verb: Token) -> bool:
    """Is the clause what a party warns or threatens it may do ("warned that it could cut ties")?"""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ("warn", "threaten")


def _purpose_done(verb: Token) -> bool:
    """A purpose that its act carries out: what a journey is for ("arrived in Juba to investigate"), what a
    law, decree or order puts into effect ("passed a law to ban rallies")."""
    head = verb.head
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if head.lemma_.lower() in word_class("journey") and not objects:  # "set off to meet", not "set up a unit to"
        return True
    return any(o.lemma_.lower() in word_class("enactment") for o in objects)


def _clause_chain(verb: Token):
    """The verb and the verbs it hangs from through infinitive complements ("plans to visit")."""
    t = verb
    yield t
    for _ in range(6):
        partner = participle_partner(t)
        if partner is not None:  # "..., tweeting that ... not to sign it and accusing X": with "tweeting"
            t = partner
            yield t
            continue
        # "would take measures to protect its companies": a purpose shares the tense of its clause.
        # ("want the president to step down", "expect X to press": an infinitive with its own subject hangs
        # as a ccomp)
        wished = t.dep_ == "ccomp" and "to" in _aux_words(t) and t.head.lemma_.lower() in WISH_VERBS | EXPECTING_VERBS | PERMIT_VERBS
        if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and t.head.tag_ in ("VB", "VBD") \
                and not base_form_read_as_past(t):
            # "would not accept X and accused Y", "denied any role and accused London": a verb with its
            # own tense keeps it ("would build centres, set up a command and train ...": a past form that is
            # also the base form, after a base form, is the base form)
            return
        if (t.dep_ not in ("xcomp", "conj") and not is_purpose(t) and not wished) or t.head.i == t.i:
            return
        t = t.head
        yield t


def _has_no(noun: Token) -> bool:
    """A noun that "no" quantifies ("no one", "no soldier had crossed", "found no evidence"); not "no fewer than 20"."""
    # (lower case, or opening the sentence: the name "No Kwang Chol" is no "no")
    return any(d.lower_ == "no" and d.dep_ == "det" and (d.text == "no" or d.i == d.sent.start)
               and d.i + 1 < len(d.doc) and d.doc[d.i + 1].lower_ not in ("fewer", "less", "more")
               for d in noun.children)


def modality(trigger_token: Token, verb: Token, published: date | None = None) -> Modality:
    m = Modality()
    m.negated = is_negated(trigger_token) or (verb is not trigger_token and is_negated(verb))
    m.purpose = is_purpose(verb) and not _purpose_done(verb)
    below = verb  # the verb of the chain just below ``v``
    for v in _clause_chain(verb):
        aux = _aux_words(v)
        if v is not verb and any(c.dep_ == "neg" for c in v.children) and v.lemma_.lower() not in PLAN_VERBS:
            m.negated = True
        if v is not verb and v.lemma_.lower() in NEGATING_VERBS:
            m.negated = True
        if aux & FUTURE_AUX or ("going" in aux and v is not verb):
            m.future = True
        if "would" in aux:
            # "said they would stay away from" is a reported future, as is "would meet him if ..." (a stated
            # condition); a bare "would" is a hypothesis.
            if _in_reported_clause(v) or _has_condition(v):
                m.future = True
            else:
                m.hypothetical = True
        if aux & UNCERTAIN_AUX:
            if aux & {"could", "may", "might"} and ((_has_condition(v) and _in_reported_clause(v)) or _warned_of(v)) \
                    and not _said_by_commentators(v.head):
                # "said Jakarta could downgrade its ties if Canberra ...": a stated condition makes it a
                # threat or a promise, as "would ... if" does; so does a warning ("warned that Ankara could
                # suspend relations").
                m.future = True
            else:
                m.hypothetical = True
        if v is not verb and below.dep_ != "conj":  # ("set shops ablaze, and police fired": no "set to")
            head_lemma = v.lemma_.lower()
            if (head_lemma in EXPECTING_VERBS or (head_lemma in PERMIT_VERBS and v.tag_ != "VBD")) \
                    and _subject_of_own(v, verb):
                # "officials expect fishing communities to press for ...": a forecast of another's act;
                # "a law that permits border guards to fire on boats": a permission, not the act ("allowed
                # monitors to visit the camp on Sunday" tells the visit).
                m.hypothetical = True
            elif head_lemma in PLAN_VERBS or (head_lemma == "be" and "to" in _aux_words(verb)):
                m.future = True
            elif head_lemma in WISH_VERBS:
                m.hypothetical = True
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in v.children) and v.dep_ == "advcl":
            m.hypothetical = True
        # "will keep the border shut until the fee is dropped", "protests would go on until parliament
        # votes the bill down": what a refusal or a pledge waits for has not happened (a present tense
        # under "until" is the future; "fought until the army withdrew" tells what did happen).
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in v.children) \
                and (any(c.dep_ == "neg" for c in v.head.children) or v.tag_ in ("VBZ", "VBP", "VB")
                     or _aux_words(_verb_of(v.head)) & (FUTURE_AUX | {"would"})):
            m.hypothetical = True
        if v.dep_ == "advcl" and v.tag_ in ("VBZ", "VBP") and not aux and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS and c.i < v.i for c in v.children):
            # "would sign the pact when the two presidents meet in Lome": a bare present tense in a clause of
            # time tells what is still to come (or what happens each time), not an act of the day.
            m.hypothetical = True
        if "had" in aux and v.tag_ == "VBN" and not _in_reported_clause(v) and not dated_recent(v) \
                and not _lone_sentence(v):
            # Past perfect marks background, except in reported speech ("said police had arrested"),
            # where the clause dates it to the news ("earlier on Tuesday, he had met ..."), and in a lone
            # sentence, which has no story for it to be the background of.
            m.historical = True
        below = v
    # "demanded that Israel ease ...": a bare verb with its own subject is a subjunctive, not a fact.
    if verb.tag_ == "VB" and verb.dep_ in ("ccomp", "acl") and not _aux_words(verb) \
            and any(c.dep_ == "nsubj" for c in verb.children):
        m.hypothetical = True
    if _ultimatum_demand(verb):
        m.hypothetical = True
    # "is to visit": the infinitive hangs from "be".
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be":
        m.future = True
    m.conditional = _has_condition(verb)
    m.historical = m.historical or _background_date(verb, published) or _background_clause(verb)
    if _said_by_commentators(verb):
        m.hypothetical = True
    return m


# Spans of time an ultimatum grants ("gave them 48 hours to leave", "until midnight to surrender").
DEADLINE_WORDS = frozenset({"hour", "day", "week", "month", "midnight", "noon", "dawn", "deadline", "time"})


def _ultimatum_demand(verb: Token) -> bool:
    """"gave the militia 48 hours to disarm", "given rioters until midnight to surrender": what an
    ultimatum asks for is not done (the ultimatum is the event: THREATEN)."""
    if verb.tag_ != "VB" or "to" not in _aux_words(verb):
        return False
    head = verb.head
    if verb.dep_ in ("relcl", "acl") and head.lemma_.lower() in DEADLINE_WORDS:
        return True
    return verb.dep_ in ("advcl", "xcomp") and head.lemma_.lower() == "give" and any(
        c.dep_ in ("dobj", "prep") and (c.lemma_.lower() in DEADLINE_WORDS or any(
            o.lemma_.lower() in DEADLINE_WORDS for o in c.children if o.dep_ == "pobj")) for c in head.children)


def _subject_of_own(expecting: Token, verb: Token) -> bool:
    """Does the infinitive under ``expecting`` have a subject or object of its own ("expect X to")?"""
    clause = verb
    while clause.head.i != expecting.i and clause.head.i != clause.i:
        clause = clause.head
    return any(c.dep_ in ("nsubj", "dobj") and c.i < clause.i for c in list(clause.children) + list(expecting.children)
               if c.i > expecting.i)


def _verb_of(token: Token) -> Token:
    """"would keep attacking until ...": the verb that carries the auxiliaries of a catenative chain."""
    while token.dep_ == "xcomp" and token.head.i != token.i:
        token = token.head
    return token


def dated_recent(verb: Token) -> bool:
    """Is the clause dated to the news days ("on Thursday", "yesterday", "earlier today")?"""
    # "earlier" as an adverb ("earlier on Tuesday"), not an adjective ("earlier rounds of talks");
    # "by nightfall both leaders had initialled a text": done by a time of the news day.
    return any((t.lower_ in RECENT_WORDS and (t.lower_ != "earlier" or t.dep_ == "advmod"))
               or (t.lower_ == "by" and t.head.i == verb.i and any(
                   lemma(o) in word_class("time_of_day") for o in t.children if o.dep_ == "pobj"))
               for t in _clause_tokens(verb))


def _days_of_the_news(span: Token) -> bool:
    """"two days after", "three days after": a span short enough that what came before it is news of the
    same story (dated by counting back), not the past it grew from ("a week after", "ten days after")."""
    count = count_of(span, ("nummod",))
    return span.lower_ == "days" and count is not None and count <= NEWS_DAYS


def _past_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and "had" in _aux_words(verb) and not _in_reported_clause(verb)


def _background_clause(verb: Token) -> bool:
    """Clauses that describe the past of a participant rather than tell the news:
    "Oman, which has mediated between ..." (a relative clause set off by a comma),
    "a week after soldiers detained ...", "since Ruto took office"."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    # "Austin, who was visiting Kenya, ...": an ongoing action (progressive) is part of the news.
    # ("who has been mediating between them" is a past that lasts, background again.)
    progressive = t.tag_ == "VBG" and bool(_aux_words(t) & {"is", "are", "was", "were"}) \
        and not _aux_words(t) & {"has", "have", "had"}
    # "two firms that supply aviation fuel to the military": a present-tense description, not news.
    if t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP") and not _aux_words(t) and not dated_recent(t):
        return True
    if t.dep_ == "relcl" and not dated_recent(t) and not progressive:
        pronoun = next((c for c in t.subtree if c.tag_ in ("WDT", "WP") and c.i < t.i), None)
        if pronoun is not None and pronoun.i > 0 and pronoun.nbor(-1).text == ",":
            return True
    if t.dep_ == "advcl" and not dated_recent(t):
        mark = next((c for c in t.children if c.dep_ == "mark"), None)
        if mark is not None and mark.lower_ == "since":
            return True
    # "have exchanged 3,000 captives since Russia launched its invasion in February 2022": a tally
    # since a past start is background, not the news.
    for c in t.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children) \
                and _aux_words(t) & {"have", "has"} and not dated_recent(t):
            # ("have traded near-daily fire since the war erupted in October": the same lasting past)
            return True
    # "North Korea issues such warnings every year": a habit in the present tense, not the news.
    if t.tag_ in ("VBZ", "VBP") and not _aux_words(t):
        words = {c.lower_ for c in _clause_tokens(t)}
        if words & HABIT_WORDS or (words & {"every", "each"} and words & HABIT_SPANS):
            return True
    # (the share is the verb's own: "buys most of its oil from X and accused X on Sunday" tells the news)
    if verb.tag_ in ("VBZ", "VBP") and not _aux_words(verb) and not dated_recent(verb) and any(
            w.lower_ in SHARE_WORDS for c in verb.children if c.dep_ in ("dobj", "obj")
            for w in verb.doc[c.left_edge.i:c.i + 1]):
        return True
    # "ministers have complained for weeks about ...": a lasting past, as "since" tells it.
    # (not a state that lasts into the news: "have been on hunger strike for 60 days", "has refused food
    # for weeks", "an appeal that has gone unanswered for months")
    if _aux_words(t) & {"have", "has"} and t.tag_ == "VBN" and t.lemma_.lower() not in LASTING_STATES \
            and not dated_recent(t) and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                o.lower_ in ELAPSED_UNITS for o in c.children) for c in t.children):
        return True
    # "the decade-long rebellion has killed thousands of villagers": a war's toll to date, not the news.
    subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if _aux_words(t) & {"have", "has"} and t.tag_ == "VBN" and subject is not None \
            and subject.lemma_.lower() in CAMPAIGN_NOUNS and not dated_recent(t):
        return True
    if t.dep_ == "advcl" and not dated_recent(t):
        mark = next((c for c in t.children if c.dep_ == "mark"), None)
        if mark is not None and mark.lower_ == "after":
            elapsed = [c for c in list(mark.children) + list(t.children) if c.dep_ == "npadvmod"]
            if any(c.lower_ in ELAPSED_UNITS and not _days_of_the_news(c) for c in elapsed):
                return True
        # "had held up approval while demanding ...": the clause of a background clause.
        if _past_perfect(t.head) and not dated_recent(t.head):
            return True
    return False


# Words before "observers" that leave them commentators; any other ("EU", "election", "OSCE") makes a mission.
COMMENTATOR_MODIFIERS = frozenset({"political", "some", "many", "most", "other", "independent", "outside",
                                   "seasoned", "veteran", "longtime", "local", "regional", "western", "diplomatic"})


def _commentator(subject: Token) -> bool:
    """Analysts and "political observers" give opinions; "EU observers" or "election observers" are a mission."""
    word = subject.lemma_.lower()
    if word not in COMMENTATORS:
        return False
    return word != "observer" or all(c.lower_ in COMMENTATOR_MODIFIERS for c in subject.children
                                     if c.dep_ in ("compound", "amod", "nmod", "poss"))


def _said_by_commentators(verb: Token) -> bool:
    """"Defence analysts said the withdrawal might not last": opinion, not an event."""
    t = verb
    for _ in range(4):
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return any(_commentator(s) for s in subjects)
        if t.head.i == t.i or t.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        t = t.head
    return False


def condition_clause(verb: Token) -> Token | None:
    """The verb of an "if"/"unless" clause attached to ``verb`` (a promise's or threat's condition); for a
    reported clause, also one the parser hangs on the speech verb after it ("will tighten sanctions unless
    it calls off the launch, he said")."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
            return c
    if verb.dep_ == "ccomp" and (cond := condition_clause(verb.head)) is not None and cond.i > verb.i:
        return cond
    return None


def _has_condition(verb: Token) -> bool:
    return condition_clause(verb) is not None


def announced_decision(token: Token) -> bool:
    """Is a future act told as a decision announced ("Norway will expel four diplomats", "said on Monday
    it would shut the trade office"), not held over the other side? A condition ("if", "unless", "should
    it"), a warning or threat that frames it, or a readiness ("was ready to impose sanctions") makes it a
    threat (PLOVER: THREATEN is a coercive warning; an announced sanction is the sanction)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ in ("dobj", "pobj", "prep"):
        verb = verb.head
    aux = _aux_words(verb)
    if not aux and verb.dep_ == "conj":  # "will expel four envoys and freeze all contacts"
        aux = _aux_words(verb.head)
    if not aux & (FUTURE_AUX | {"would"}):
        return False
    t = verb
    while True:
        if _has_condition(t) or any(c.dep_ == "advcl" and c.left_edge.lower_ == "should" for c in t.children):
            return False
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    if _warned_of(t):
        return False
    return "would" not in aux or _in_reported_clause(verb)


def _clause_tokens(verb: Token):
    """Words of the verb's own clause (not of clauses embedded in it)."""
    stack = list(verb.children)
    while stack:
        t = stack.pop()
        # "suspected of smuggling arms in 1998": a gerund after a preposition (pcomp) is a clause
        # of its own, as are clausal subjects; their dates and adverbs are not the verb's.
        if t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp", "csubj",
                      "csubjpass"):
            continue
        yield t
        stack.extend(t.children)


def _background_date(verb: Token, published: date | None) -> bool:
    # "exchanged 470 prisoners on Wednesday in the biggest swap since the invasion two years ago": a
    # clause dated to the news by its weekday is news, whatever past its nouns compare it with.
    if dated_recent(verb):
        return False
    words = " ".join(t.text for t in sorted(_clause_tokens(verb), key=lambda t: t.i))
    if BACKGROUND_WORDS.search(words) or (LONG_HELD.search(words) and not _lone_sentence(verb)):
        return True
    if published is not None:
        for t in _clause_tokens(verb):
            if t.ent_type_ == "DATE" and YEAR.fullmatch(t.text) and int(t.text) < published.year:
                return True
            day = _month_day(t, published)
            if day is not None and is_background(day, published):
                return True  # "detained the president on July 26" in a story of August 25
    return False




def _month_day(token: Token, published: date) -> date | None:
    """"July 26", "Sept. 16" (a month name with a day number) as a date near the story: up to half a
    year ahead, else the latest such day before it; None for anything else."""
    month = english.MONTHS.get(token.lower_.rstrip("."))
    if month is None or token.ent_type_ != "DATE":
        return None
    number = next((c for c in token.children if c.like_num and c.text.isdigit()), None)
    if number is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text.isdigit():
        number = token.doc[token.i + 1]
    if number is None or not 1 <= int(number.text) <= 31:
        return None
    try:
        day = date(published.year, month, int(number.text))
        if day > published:
            if (day - published).days <= 180:
                return None  # "will recognise the state on May 28": ahead, not behind
            day = date(published.year - 1, month, int(number.text))
    except ValueError:
        return None
    return day
