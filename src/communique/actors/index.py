"""Which actor mention covers a token: the index the events stage searches the parse with.

``MentionIndex`` holds the mentions the actors stage emitted for a document, by token, and adds
the parties the text names only by a noun that refers back to an earlier mention:

- the noun a mention modifies is its phrase's head ("Chilean army officers", "Kenyan police
  vehicles"), so the parse reaches the mention through it;
- a definite description ("the council", "the junta", "this body") takes the country of the latest
  earlier phrase with the same head noun that named one ("Venezuela's electoral council"); "the
  alliance", "the bloc" and other body nouns refer back to the international body last named;
- "both governments", "the two ministers", "their two delegations" are the last two parties named.

Mentions of a country named as a place ("talks in Japan") or as a modifier ("Baghdad University")
are kept apart (``place``): they are never actors. ``place(i)`` also finds a town or region the
actor tables do not name but the gazetteer knows ("fired rockets at Tel Aviv") as a place mention
of its country. Nothing here reads the trigger: the index is about who is named where.
"""
from __future__ import annotations

from spacy.attrs import POS
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Token

from ..knowledge.codes import NON_STATE_CODES
from ..knowledge.english import names_american_region
from ..knowledge.words import word_class
from ..model import ActorMention, Entity
from ..parse import doc_tokens, governing_verb, owned, shared_subject
from .phoenix import fold, place_names


def coded(mention: ActorMention) -> bool:
    """Does the mention say which country or body? ("Taiwan" does, a bare "Foreign Minister" does not.)"""
    return any(e.code for e in mention.entities)


# Mentions the actors stage emits for other stages: a country named as a place ("in Japan") or as a
# modifier ("Baghdad University"). They are never actors; places may stand for a recipient (last resort).
NOT_ACTOR_KINDS = frozenset({"place", "modifier"})
# Definite nouns that refer back to the international body last named ("the alliance", "the bloc").
BODY_NOUNS = frozenset({"alliance", "bloc", "organisation", "organization", "grouping", "watchdog", "body"})
# Definite nouns that refer back to the armed group, party or NGO last named ("Hezbollah fighters crossed
# ... the group said"; "Amnesty International ... the group accused").
GROUP_NOUNS = frozenset({"group", "movement"})
GROUP_ID_PREFIXES = ("group:", "ngo:", "party:")
# Definite nouns for a head of state or government ("the embattled leader"): the person last named.
LEADER_NOUNS = frozenset({"leader", "strongman", "ruler", "autocrat"})
# "its neighbour": the other state of the story's pair (``_other_neighbour``).
NEIGHBOUR_NOUNS = frozenset({"neighbour", "neighbor"})
# Plural nouns that, with "both" or "the two", name the last two parties ("both governments").
PAIR_NOUNS = frozenset({"capital", "government", "side", "country", "minister", "leader", "nation", "neighbour",
                        "neighbor", "state", "delegation", "president", "foreign minister"})


# Nouns a bare sector word only classifies ("military talks", "police cooperation", "military aid"):
# the word says what kind of talks or aid, not whose.
CLASSIFIED_NOUN_CLASSES = ("talk", "meeting_noun", "aid", "agreement", "ties")
CLASSIFIED_NOUNS = frozenset({"operation", "operations", "cooperation", "exercise", "exercises", "drill", "drills",
                              "action", "activity", "activities"})


def kind_word(mention: ActorMention, doc) -> bool:
    """Is the mention a bare lower-case sector word that classifies the noun it modifies ("military
    talks", "suspended military aid", "its military operations")? Such a word names no party."""
    if doc is None or mention.kind != "sector" or mention.token_end - mention.token_start != 1 \
            or not 0 <= mention.root < len(doc):
        return False
    word = doc[mention.root]
    if not word.is_lower or word.dep_ not in ("amod", "compound", "nmod") or word.head.i == word.i:
        return False
    head = word.head.lemma_.lower()
    return head in CLASSIFIED_NOUNS or word.head.lower_ in CLASSIFIED_NOUNS or any(
        head in word_class(c) or word.head.lower_ in word_class(c) for c in CLASSIFIED_NOUN_CLASSES)


# A definite town noun stands for the town last named ("the city", "the village"; "the port" is as often
# a facility sold or closed).
TOWN_NOUNS = frozenset({"city", "town", "village", "enclave"})


def _bare_definite(noun: Token) -> bool:
    """"the city", "the besieged town": no name of its own ("the city of Homs", "the port city of
    Aden", "the town council" name another thing)."""
    kids = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and noun.dep_ != "compound" \
        and not any(c.dep_ in ("compound", "appos", "poss", "nmod") or (c.dep_ == "prep" and c.lower_ == "of")
                    for c in kids)


def _names_a_pair(noun: Token) -> bool:
    """"both governments", "the two ministers", "both sides"."""
    if noun.tag_ != "NNS" or noun.lemma_.lower() not in PAIR_NOUNS:
        return False
    words = [c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "nummod", "preconj", "poss")]
    # "both governments", "the two ministers", "their two delegations"
    return "both" in words or ("two" in words and bool({"the", "its", "their", "his", "her"} & set(words)))


def _other_neighbour(noun: Token, recent: list[Entity], by_token: dict) -> Entity | None:
    """"its neighbour", "their neighbour": the state named last before it that is not the one the
    clause is about (the subject whose neighbour it is), or None."""
    if not owned(noun):
        return None
    subject = shared_subject(governing_verb(noun))
    owner = by_token.get(subject.i) if subject is not None else None
    owner_codes = {e.code for e in owner.entities} if owner is not None else set()
    if not owner_codes - {None}:
        return None
    return next((e for e in reversed(recent) if e.code not in owner_codes and e.code not in NON_STATE_CODES), None)


# Head nouns of named bodies that a later "the council", "the agency" refers back to.
NAMED_BODY_HEADS = frozenset({"council", "agency", "court", "commission", "tribunal", "committee"})


def _plainly_definite(noun: Token) -> bool:
    """"the council", "the 15-nation council": nothing but the article and a count before the noun."""
    return all(c.dep_ == "det" or (c.dep_ in ("amod", "compound", "nummod") and any(
        ch.isdigit() for w in c.subtree for ch in w.text)) for c in noun.children if c.i < noun.i)


# People a body's possessive names ("the group's spokesman"), unlike its places ("the group's last holdout").
MEMBER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "leader", "leaders", "chief", "commander",
                          "commanders", "fighters", "members", "founder", "official", "officials", "head"})


def _refers_to_body(noun: Token) -> bool:
    """"the group said", "the group's spokesman": the noun stands for the body (not in "the group's
    last stronghold", where the place is what is named)."""
    return noun.dep_ != "poss" or noun.head.lower_ in MEMBER_NOUNS


class MentionIndex:
    """Which actor mention (if any) covers a token."""

    def __init__(self, mentions: list[ActorMention], doc=None, dateline_place: str | None = None):
        self.doc = doc
        # The place of the wire dateline ("JALALABAD, Afghanistan, June 10 --"), read before parsing.
        self.dateline_place = dateline_place
        self.by_token: dict[int, ActorMention] = {}
        self.places: dict[int, ActorMention] = {}  # a country or capital named as a location
        self._gazetteer_cache: dict[int, ActorMention | None] = {}
        for m in mentions:
            table = self.places if m.kind in NOT_ACTOR_KINDS else self.by_token
            for i in range(m.token_start, m.token_end):
                table.setdefault(i, m)
            table.setdefault(m.root, m)
        if doc is not None:
            for m in mentions:
                if m.kind not in NOT_ACTOR_KINDS:
                    self._extend_to_head(m, doc)
            self._resolve_definites(mentions, doc)

    def _extend_to_head(self, m: ActorMention, doc) -> None:
        """"Chilean army officers", "Kenyan police vehicles": the noun right after a mention that
        the mention modifies is its phrase's head, so the parse reaches the mention through it."""
        if not 0 <= m.root < len(doc) or m.token_end >= len(doc):
            return
        root, nxt = doc[m.root], doc[m.token_end]
        if root.head.i == nxt.i and root.dep_ in ("compound", "amod", "nmod") and nxt.pos_ in ("NOUN", "PROPN") \
                and nxt.i not in self.by_token and nxt.i not in self.places:
            self.by_token[nxt.i] = m

    def _resolve_definites(self, mentions: list[ActorMention], doc) -> None:
        """"the council", "the junta": a definite noun that names no one takes the country of the
        latest earlier phrase with the same head noun that did ("Venezuela's electoral council"); "the
        alliance" the body last named, "the leader" the person last named."""
        owner_by_word: dict[str, ActorMention] = {}
        recent: list[Entity] = []  # coded parties in text order, one per code, latest last
        # Only mentions' words and nouns matter; the rest of the document is skipped without making a
        # Token of each word (the events stage builds this index once per document).
        # (a lower-case word the small model calls a proper noun, "the bloc", is a noun too)
        pos = doc.to_array(POS) if len(doc) else None
        tokens = doc_tokens(doc)
        nouns = (pos == NOUN).nonzero()[0].tolist() + [i for i in (pos == PROPN).nonzero()[0].tolist()
                                                       if tokens[i].is_lower] if len(doc) else []
        for i in sorted(set(self.by_token) | set(nouns)):
            t = tokens[i]
            held = self.by_token.get(t.i)
            if held is not None and any(e.code == "IGO" for e in held.entities):
                owner_by_word["@igo"] = held
            if held is not None and any((e.id or "").startswith(GROUP_ID_PREFIXES) for e in held.entities):
                owner_by_word["@group"] = held
            if held is not None and coded(held) and held.root == t.i and t.pos_ == "PROPN" \
                    and t.lower_ in NAMED_BODY_HEADS:
                owner_by_word[t.lower_] = held  # "the Security Council ... the 15-nation council"
            if held is not None and coded(held) and held.root == t.i:
                for e in held.entities:
                    if e.code:
                        recent = [r for r in recent if r.code != e.code] + [e]
                if held.kind == "person" and len(held.entities) == 1:
                    owner_by_word["@leader"] = held
            if t.pos_ != "NOUN" and not (t.pos_ == "PROPN" and t.is_lower):
                continue
            if (held is None or not coded(held)) and _names_a_pair(t) and len(recent) >= 2:
                # "urged both governments", "the two ministers agreed": the last two parties named.
                pair = recent[-2:]
                entities = [Entity(text=t.text, code=e.code, sector=e.sector, name=e.name, id=e.id,
                                   start=t.idx, end=t.idx + len(t.text)) for e in pair]
                self.by_token[t.i] = ActorMention(entities, t.i, t.i + 1, t.i, "compound")
                continue
            word = t.lemma_.lower()
            if word in TOWN_NOUNS and held is None and t.i not in self.places and _bare_definite(t):
                town = self._town_named_before(t)
                if town is not None:
                    # "Rebels attacked Homs on Monday. Troops shelled the city": the town last named.
                    self.places[t.i] = ActorMention([Entity(text=t.text, code=town, sector=None, name=None, id=None,
                                                            start=t.idx, end=t.idx + len(t.text))],
                                                    t.i, t.i + 1, t.i, "place")
                continue
            if held is None and word in NEIGHBOUR_NOUNS and t.tag_ == "NN":
                other = _other_neighbour(t, recent, self.by_token)
                if other is not None:
                    # "expelled India's envoy and suspended trade with its neighbour": the other state.
                    self.by_token[t.i] = ActorMention([Entity(text=t.text, code=other.code, sector=other.sector,
                                                              name=other.name, id=other.id, start=t.idx,
                                                              end=t.idx + len(t.text))], t.i, t.i + 1, t.i, "sector")
                    continue
            own = self.by_token.get(t.i)
            if own is None:
                owners = [self.by_token.get(c.i) for c in t.children if c.dep_ in ("poss", "compound", "amod")]
                own = next((m for m in owners if m is not None and coded(m)), None)
            if own is not None:
                if coded(own):
                    owner_by_word[word] = own
                    if any(e.code == "IGO" for e in own.entities):
                        owner_by_word["@igo"] = own
                continue
            if word in NAMED_BODY_HEADS and not _plainly_definite(t):
                continue  # "the central bank", "the country's highest court": another body
            earlier = owner_by_word.get(word) or (owner_by_word.get("@igo") if word in BODY_NOUNS and _refers_to_body(t)
                                                  else None) \
                or (owner_by_word.get("@leader") if word in LEADER_NOUNS else None) \
                or (owner_by_word.get("@group") if word in GROUP_NOUNS and _refers_to_body(t) else None)
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
            if earlier is None or not definite or t.i in self.places:
                continue
            source = next(e for e in earlier.entities if e.code)
            entity = Entity(text=t.text, code=source.code, sector=source.sector, name=None, id=None,
                            start=t.idx, end=t.idx + len(t.text))
            self.by_token[t.i] = ActorMention([entity], t.i, t.i + 1, t.i, "sector")

    def _town_named_before(self, noun: Token) -> str | None:
        """The country of the place last named in this sentence or the one before ("the city"), if the
        gazetteer knows it."""
        sent = noun.sent
        start = sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        tokens = doc_tokens(self.doc)
        for j in range(noun.i - 1, start - 1, -1):
            if tokens[j].pos_ != "PROPN" and j not in self.places:
                continue
            found = self.places.get(j) or self._gazetteer_place(j)
            code = next((e.code for e in found.entities if e.code), None) if found is not None else None
            if code:
                return code
        return None

    def __call__(self, i: int) -> ActorMention | None:
        return self.by_token.get(i)

    def place(self, i: int) -> ActorMention | None:
        return self.places.get(i) or self.by_token.get(i) or self._gazetteer_place(i)

    def _gazetteer_place(self, i: int) -> ActorMention | None:
        """A town or region the actor tables do not name but the gazetteer knows ("fired rockets at
        Tel Aviv", "near the port of Mukalla"): a place mention of its country."""
        if i in self._gazetteer_cache:
            return self._gazetteer_cache[i]
        found = None
        if self.doc is None or not 0 <= i < len(self.doc):
            return None
        token = self.doc[i]
        if names_american_region(token):
            found = None  # "Central America's governments": a region, not the United States
        elif token.ent_type_ in ("GPE", "LOC", "FAC") and token.pos_ == "PROPN":
            span = next((e for e in self.doc.ents if e.start <= i < e.end), None)
            if span is not None:
                found = gazetteer_place(span)
        elif _unlabelled_town(token):
            found = gazetteer_place(token, min_population=UNLABELLED_TOWN_POPULATION)
        self._gazetteer_cache[i] = found
        return found


# A capitalised word the small model tags as no place ("shelled Aleppo", "attacked Homs" read as a
# person) is a town when the gazetteer holds a city this large by that name and the word stands where
# places stand: the object of the act or of a preposition, not a subject, not part of a longer name.
UNLABELLED_TOWN_POPULATION = 100_000
_TOWN_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "appos", "conj"})


def _unlabelled_town(token: Token) -> bool:
    if not token.text[:1].isupper() or token.is_sent_start or token.dep_ not in _TOWN_DEPS:
        return False
    if token.ent_type_ not in ("", "ORG", "NORP", "PERSON") or token.pos_ not in ("PROPN", "NOUN"):
        return False
    # one word on its own: "Mr Homs", "Aleppo Airport" or "Homs Jones" are names of something else
    return not any(t.dep_ in ("compound", "poss") or t.pos_ == "PROPN" or t.lower_ in ("mr", "mrs", "ms", "dr")
                   for t in token.children) and token.head.pos_ != "PROPN"


def gazetteer_place(span, min_population: int = 0) -> ActorMention | None:
    """A place mention of the country of the town or region ``span`` (a spaCy Span or Token) names,
    when the gazetteer knows it (a city only with at least ``min_population`` people)."""
    from ..knowledge.gazetteer import gazetteer  # the gazetteer: cities and regions
    words = [span] if not hasattr(span, "start") else [t for t in span if t.pos_ != "DET"]
    if not any(t.text[:1].isupper() for t in words):
        return None  # a place is named by a name: "the west bank of the Dnipro" is no West Bank
    location = gazetteer().resolve(span.text)
    if location is None and not min_population and getattr(span, "label_", "") == "GPE":
        # (a province or town the dictionaries' country names hold: "in Helmand province"; not a river
        # or mountain range, which may run through several states)
        code = place_names().get(fold(span.text))
        return _place_mention(span, code) if code else None
    if location is None or not location.country or (location.kind == "city" and location.population < min_population):
        return None
    return _place_mention(span, location.country)


def _place_mention(span, code: str) -> ActorMention:
    start, end = (span.start, span.end) if hasattr(span, "start") else (span.i, span.i + 1)
    start_char = span.start_char if hasattr(span, "start_char") else span.idx
    entity = Entity(text=span.text, code=code, sector=None, name=None, id=None,
                    start=start_char, end=start_char + len(span.text))
    root = span.root.i if hasattr(span, "root") else span.i
    return ActorMention([entity], start, end, root, "place")


def gazetteer_place_named(name: str) -> ActorMention | None:
    """A place mention, outside the parsed text, of the country of a town the gazetteer knows (a wire
    dateline read off before parsing: "JALALABAD")."""
    from ..knowledge.gazetteer import resolve_place  # the gazetteer: cities and regions
    location = resolve_place(name)
    if location is None or not location.country:
        return None
    entity = Entity(text=name, code=location.country, sector=None, name=None, id=None, start=0, end=0)
    return ActorMention([entity], -1, -1, -1, "place")
