"""Shared by the events-stage tests (test_events, test_arguments, test_parties, test_subjects,
test_recipients, test_unnamed_arguments): actor mentions built by hand, so that the event rules
are tested alone, and the arguments of one trigger word."""
from __future__ import annotations

from datetime import date

import pytest

from communique.actors.index import MentionIndex
from communique.events import extract_events
from communique.events.arguments import Arguments, find_arguments
from communique.events.matching import clause_of, find_triggers
from communique.model import ActorMention, Document, Entity
from communique.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def hand_mentions(sdoc, actors: dict[str, str]) -> list[ActorMention]:
    """Mentions for the given phrases: {"Wang Yi": "CHN/GOV/Wang Yi", "police": "KEN/COP", "Peru": "PER"}
    (code, then sector and canonical name if given)."""
    out = []
    text = sdoc.text
    for phrase, spec in actors.items():
        code, _, rest = spec.partition("/")
        sector, _, name = rest.partition("/")
        start = 0
        while (at := text.find(phrase, start)) >= 0:
            start = at + len(phrase)
            span = sdoc.char_span(at, at + len(phrase), alignment_mode="expand")
            entity = Entity(phrase, code, sector or None, name or None, None, at, at + len(phrase))
            kind = "pronoun" if phrase.lower() in ("he", "she", "it", "they", "himself") else "country"
            out.append(ActorMention([entity], span.start, span.end, span.root.i, kind))
    return sorted(out, key=lambda m: m.token_start)


def code(nlp, text: str, actors: dict[str, str], published: date | None = None, keep_all: bool = True):
    """The events of ``text`` with the hand-built mentions of ``actors``."""
    sdoc = nlp(text)
    document = Document("t", text, published=published)
    events = extract_events(sdoc, hand_mentions(sdoc, actors), document)
    return events if keep_all else [e for e in events if not (e.negated or e.hypothetical)]


def dyads(events):
    return {(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in events}


def parsed(nlp, text: str, actors: dict[str, str]):
    """(parse, mention index) of ``text`` with the hand-built mentions of ``actors``."""
    sdoc = nlp(text)
    return sdoc, MentionIndex(hand_mentions(sdoc, actors), sdoc)


def token(sdoc, word: str, nth: int = 0):
    return [t for t in sdoc if t.text == word][nth]


def codes(mentions) -> list:
    return [e.code for m in mentions for e in m.entities]


def arguments_of(nlp, text: str, actors: dict[str, str], word: str) -> Arguments:
    """The arguments ``find_arguments`` gives the trigger whose anchor is ``word``."""
    sdoc, index = parsed(nlp, text, actors)
    matches = [m for sent in sdoc.sents for m in find_triggers(sent, index) if m.anchor.text == word]
    assert matches, f"no trigger on {word!r} in {text!r}"
    return find_arguments(matches[0], clause_of(matches[0]), index)
